# Runaway templates and inputs, sourced by tests/run.sh (which defines
# pass/fail, BIN and ROOT).  Each case used to crash, hang or exhaust
# memory (issue 12); each must now end with a clear message, in bounded
# time: the commands run under `timeout`, so a regression fails here
# instead of hanging the suite.  The limits are in docs/templates.md and
# docs/config.md; the expected messages are written out by hand.

EL=$(mktemp -d)

# A case folder: a copy of tests/data/minimal at EL/root/t/x/NAME, so that
# its config's ../../../templates lead to EL/root/templates.
mkdir -p "$EL/root/templates"
cp -r templates/. "$EL/root/templates/"
el_case() {
    local d=$EL/root/t/x/$1
    mkdir -p "$d"
    cp -r tests/data/minimal/. "$d/"
    echo "$d"
}

# Runs budgetgen in case folder $1 with a time limit of $2 seconds:
# status in EL_ST, stderr in $1/err, stdout in $1/out.
el_run() {
    local d=$1 secs=$2
    shift 2
    (cd "$d" && timeout "$secs" "$BIN" --root "$EL/root" "$@" >out 2>err)
    EL_ST=$?
}

# 1. Eight sentences, each expanding the next twice over the four "三公"
#    items: 8^7 copies of the last (27 s and 7.4 GB, then exit 0).  Now the
#    1 MiB limit of one text stops it at once, at the paragraph.
d=$(el_case chain)
{
    for i in 1 2 3 4 5 6 7; do
        echo "sentence S$i {列举:三公:S$((i + 1)):，}{列举:三公:S$((i + 1)):，}"
    done
    echo 'sentence S8 {名称}{本年}'
    echo 'para {列举:三公:S1:，}'
} >"$d/t.tpl"
sed -i 's|^template   = .*|template   = t.tpl|' "$d/config.ini"
el_run "$d" 20 check config.ini
want='t.tpl:9:6: error: this text expands to more than 1 MiB, counting what every sentence and comparison inside it expands to, at every level: does a sentence expand another one several times, which expands the next several times?'
if [ $EL_ST -eq 1 ] && [ "$(head -n 1 "$d/err")" = "$want" ]; then pass; else
    fail "limits: chained sentences: exit $EL_ST (124: timed out)"
    head -n 3 "$d/err"
fi

# 2. Includes fanning out 200 × 200 × 200 (no answer after 120 s): the
#    1001st inclusion is refused at its line (inclusion 1 is t.tpl:1, 2
#    a.tpl:1, 3-202 b.tpl:1-200, 203 a.tpl:2, …: 1001 is b.tpl line 195
#    of the fifth b.tpl), exit 2.
d=$(el_case fan)
for i in $(seq 200); do echo 'include a.tpl'; done >"$d/t.tpl"
for i in $(seq 200); do echo 'include b.tpl'; done >"$d/a.tpl"
for i in $(seq 200); do echo 'include c.tpl'; done >"$d/b.tpl"
echo 'para 叶' >"$d/c.tpl"
sed -i 's|^template   = .*|template   = t.tpl|' "$d/config.ini"
el_run "$d" 20 check config.ini
want='b.tpl:195: error: include c.tpl: more than 1000 inclusions in all (every inclusion of a file counts, also of the same file again): include each file once'
if [ $EL_ST -eq 2 ] && [ "$(head -n 1 "$d/err")" = "$want" ]; then pass; else
    fail "limits: include fan-out: exit $EL_ST (124: timed out)"
    head -n 3 "$d/err"
fi

# 3. One line of 50,000 placeholders (10.9 s: every placeholder rescanned
#    the line from its start).  Linear now: well within the time limit, and
#    the paragraph is the department's name 50,000 times.
d=$(el_case placeholders)
python3 -c "print('para ' + '{部门}' * 50000)" >"$d/t.tpl"
sed -i 's|^template   = .*|template   = t.tpl|' "$d/config.ini"
el_run "$d" 10 tree config.ini
if [ $EL_ST -eq 0 ] && python3 - "$d/out" <<'EOF'; then pass; else fail "limits: 50,000 placeholders: exit $EL_ST (124: timed out)"; fi
import sys
lines = [l.rstrip("\n") for l in open(sys.argv[1], encoding="utf-8") if l.startswith("para ")]
sys.exit(0 if lines == ["para " + "测试市示例局" * 50000] else 1)
EOF

# 4. 1,000,000 rows in institutions.csv (the old default max_rows): 27 s
#    and 4.4 GB before failing on max_pages, and SIGABRT under a 1.5 GB
#    address-space limit.  Now the default max_rows (100,000) stops the
#    reader at row 100,001 (line 100002).
d=$(el_case million)
awk 'BEGIN { print "单位名称,单位性质,单位规格,经费保障形式";
             for (i = 1; i <= 1000000; i++) printf "单位%d,行政,正处级,财政拨款\n", i }' \
    >"$d/input/2021/institutions.csv"
(ulimit -v 1500000 && cd "$d" && timeout 60 "$BIN" --root "$EL/root" build config.ini >out 2>err)
EL_ST=$?
want='input/2021/institutions.csv:100002: error: too many data rows: the limit is 100000; if the file is right, raise max_rows in [limits] of the config'
if [ $EL_ST -eq 1 ] && [ "$(head -n 1 "$d/err")" = "$want" ] && [ -z "$(ls -A "$d/output" 2>/dev/null)" ]; then
    pass
else
    fail "limits: 1,000,000 institutions under ulimit -v 1500000: exit $EL_ST"
    head -n 3 "$d/err"
fi
#    With max_rows raised, the rows that max_pages = 2000 pages cannot hold
#    (50 a page at most: 100,000) are refused when the file is read, at the
#    row that passes the limit, long before the layout.
cp "$d/config.ini" "$d/config.orig"
printf '\n[limits]\nmax_rows = 1000000\n' >>"$d/config.ini"
(ulimit -v 1500000 && cd "$d" && timeout 60 "$BIN" --root "$EL/root" build config.ini >out 2>err)
EL_ST=$?
want='input/2021/institutions.csv:100002: error: more rows than the document can print in [limits] max_pages = 2000 pages (at most 50 table rows a page, so 100000 rows): raise max_pages in [limits] of the config, or split the file'
if [ $EL_ST -eq 1 ] && [ "$(head -n 1 "$d/err")" = "$want" ] && [ -z "$(ls -A "$d/output" 2>/dev/null)" ]; then
    pass
else
    fail "limits: 1,000,000 institutions with max_rows = 1000000: exit $EL_ST"
    head -n 3 "$d/err"
fi
#    With every limit raised, memory runs out (under 300 MB of address
#    space): a message and exit 2, never abort() (SIGABRT, exit 134).
cp "$d/config.orig" "$d/config.ini"
printf '\n[limits]\nmax_rows = 1000000\nmax_pages = 1000000\n' >>"$d/config.ini"
(ulimit -v 300000 && cd "$d" && timeout 60 "$BIN" --root "$EL/root" check config.ini >out 2>err)
EL_ST=$?
if [ $EL_ST -eq 2 ] && grep -q '^budgetgen: out of memory while [a-z ]*: raise the memory limit (ulimit -v) or reduce the input (\[limits\] max_rows, max_cell and max_pages of the config)$' "$d/err"; then
    pass
else
    fail "limits: out of memory: exit $EL_ST (134: abort)"
    tail -n 3 "$d/err"
fi

rm -rf "$EL"
