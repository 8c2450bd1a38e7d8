# End-to-end tests of the national standard table set (FORMAT.md §3,
# templates/tables.tpl), sourced by tests/run.sh after tests/e2e.sh (which
# defines pass/fail, BIN and ROOT; the working folder is the project).
#
# Every expected figure comes from tests/tools/tables_oracle.py, which
# recomputes it from the input CSV files (expenditure.csv, basic_economic.csv,
# revenue.csv, three_public.csv of both years) and the code lists, never from
# budgetgen's output.  tests/tools/tables_check.py reads the XLSX back with
# openpyxl and the PDF's tables cell by cell with pdftotext, and prints one
# "ok NAME" / "FAIL NAME: …" line per check; each NAME below becomes one pass
# or fail here (a name the tool did not print, e.g. after a crash, fails).
#
#   1. XLSX of the jianshe sample: sheets, headers and merged ranges, every
#      row and amount to the cent, =SUM formulas of 合计/类/款, both sides of
#      the summary tables, the “三公” rows;
#   2. PDF of the jianshe sample: titles, every printed row and amount, and
#      that what is printed adds up; the empty-table notes (seed 004);
#   3. rounding (尾差): jianshe with decimals = 0 still adds up as printed,
#      while its XLSX keeps the exact cents; `check` warns about precision;
#   4. determinism: two builds give the same bytes.

TBL=$(mktemp -d)
TCHECK=tests/tools/tables_check.py
TJ=config/jianshe-2021.ini
TJNAME=示例市住房和城乡建设局-2021
TCZNAME=沧州经济开发区管理委员会-2020
T_ALL="income_expense_summary income expenditure fiscal_summary general_expenditure general_basic general_three_public fund_expenditure state_capital_expenditure"

# The check names tables_check.py prints.  WHAT: xlsx (all), xlsx-values
# (amounts and formulas only), pdf.
tables_names() { # WHAT PREFIX
    local t
    case $1 in
    xlsx) echo "$2-oracle $2-sheets" ;;
    pdf) echo "$2-titles $2-same-figures" ;;
    esac
    for t in $T_ALL; do
        [ "$1" = xlsx ] && echo "$2-$t-head"
        case "$1:$t" in
        *:income_expense_summary | *:fiscal_summary) echo "$2-$t-sides" ;;
        *:general_three_public) echo "$2-$t-rows" ;;
        pdf:*) echo "$2-$t-rows $2-$t-sums $2-$t-across" ;;
        *) echo "$2-$t-rows $2-$t-formulas" ;;
        esac
    done
}

# One pass or fail per name, from the tool's output in OUT.
tables_report() { # OUT NAME...
    local out=$1 name
    shift
    for name in "$@"; do
        if grep -q "^FAIL $name: " "$out"; then
            fail "e2e_tables: $(grep -m 1 "^FAIL $name: " "$out" | cut -c 6-)"
            grep "^FAIL $name:   " "$out" | cut -c 6- | sed 's/^/      /'
        elif grep -qx "ok $name" "$out"; then
            pass
        else
            fail "e2e_tables: $name was not checked: $(grep -v '^ok \|^FAIL ' "$out" | tail -n 1)"
        fi
    done
}

# Runs tables_check.py and reports NAMES, or fails them all when FILE is
# missing (its build failed).
tables_run() { # FILE "NAMES" ARGS...
    local file=$1 names=$2 out
    shift 2
    out=$(mktemp -p "$TBL")
    if [ ! -s "$file" ]; then
        fail "e2e_tables: $(echo "$names" | wc -w) checks not run: $file was not built"
        return
    fi
    /usr/bin/python3 "$TCHECK" "$@" >"$out" 2>&1
    # shellcheck disable=SC2086
    tables_report "$out" $names
}

# ---- the jianshe sample, as configured (2 decimals) ---------------------------
"$BIN" build -q -o "$TBL/j" $TJ >/dev/null 2>"$TBL/j.err"
st=$?
[ $st -eq 0 ] && pass || fail "e2e_tables: build $TJ exited $st: $(tail -n 1 "$TBL/j.err")"
tables_run "$TBL/j/$TJNAME.xlsx" "$(tables_names xlsx xlsx)" xlsx $TJ "$TBL/j/$TJNAME.xlsx" xlsx
tables_run "$TBL/j/$TJNAME.pdf" "$(tables_names pdf pdf)" pdf $TJ "$TBL/j/$TJNAME.pdf" pdf

# ---- empty tables: seed 004 has no 政府性基金 and no 国有资本经营 money --------
# (the variant pins the template that includes tables.tpl, whatever the
# sample config comes to use)
sed 's|^template *=.*|template   = templates/seed004-full.tpl|' config/cangzhou-2020.ini >"$TBL/cz.ini"
"$BIN" build -q -o "$TBL/cz" "$TBL/cz.ini" >/dev/null 2>"$TBL/cz.err"
st=$?
[ $st -eq 0 ] && pass || fail "e2e_tables: build of the seed 004 variant exited $st: $(tail -n 1 "$TBL/cz.err")"
tables_run "$TBL/cz/$TCZNAME.pdf" "empty-fund_expenditure empty-state_capital_expenditure" \
    empty "$TBL/cz.ini" "$TBL/cz/$TCZNAME.pdf" "$TBL/cz/$TCZNAME.xlsx" empty fund_expenditure state_capital_expenditure

# ---- rounding differences (尾差): the same data printed in whole 万元 -----------
sed 's/^decimals *=.*/decimals = 0/' $TJ >"$TBL/j0.ini"
"$BIN" check "$TBL/j0.ini" >/dev/null 2>"$TBL/j0.check"
st=$?
if [ $st -eq 0 ] && grep -q 'warning: .* has more decimals than the document shows' "$TBL/j0.check"; then
    pass
else
    fail "e2e_tables: check with decimals = 0 exited $st without the precision warning"
fi
"$BIN" build -q -o "$TBL/j0" "$TBL/j0.ini" >/dev/null 2>"$TBL/j0.err"
st=$?
[ $st -eq 0 ] && pass || fail "e2e_tables: build with decimals = 0 exited $st: $(tail -n 1 "$TBL/j0.err")"
tables_run "$TBL/j0/$TJNAME.pdf" "$(tables_names pdf pdf0)" pdf "$TBL/j0.ini" "$TBL/j0/$TJNAME.pdf" pdf0
tables_run "$TBL/j0/$TJNAME.xlsx" "$(tables_names xlsx-values xlsx0)" xlsx "$TBL/j0.ini" "$TBL/j0/$TJNAME.xlsx" xlsx0

# ---- determinism ------------------------------------------------------------------
"$BIN" build -q -o "$TBL/j2" $TJ >/dev/null 2>&1
cmp -s "$TBL/j/$TJNAME.pdf" "$TBL/j2/$TJNAME.pdf" && [ -s "$TBL/j2/$TJNAME.pdf" ] \
    && pass || fail "e2e_tables: two builds of $TJ give different PDFs"
cmp -s "$TBL/j/$TJNAME.xlsx" "$TBL/j2/$TJNAME.xlsx" && [ -s "$TBL/j2/$TJNAME.xlsx" ] \
    && pass || fail "e2e_tables: two builds of $TJ give different XLSX files"

rm -rf "$TBL"
