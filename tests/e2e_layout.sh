# End-to-end test of page breaks, continued tables and title lines (issue 17),
# sourced by tests/run.sh (which defines pass/fail, BIN and ROOT; the working
# folder is the project).  The expected texts come from `budgetgen tree` (the
# document model), the printed ones from pdftotext page by page; the rules
# are in tests/tools/layout_check.py's docstring:
#
#   1. every config/*.ini, one pass or fail each:
#      - cells: every body cell text of 6 characters or more (with 2 Chinese
#        characters at least, and not shared with a heading, paragraph, chart
#        or header) is printed whole, or cut once per page break between
#        consecutive pages, as often as the model has it, and its start is
#        not printed again (a merged cell cut at a page foot and repeated
#        whole on the next page fails);
#      - continued: every page a table runs on to begins with 续表;
#      - keep: a table's title and its first 3 body rows are on one page, and
#        no page ends with a heading;
#      - titles: a title or table title set over several lines is broken
#        only after ：，、； or a closing mark, before an opening mark, or
#        after the 年 of a year, never inside a run of Latin or digits;
#   2. config/jianshe-2021.ini with tests/data/layout/continued.tpl
#      (`continued 续上表`): the continuation pages begin with 续上表, and
#      with tests/data/layout/no-continued.tpl (an empty `continued`): no
#      page prints 续表 or 续上表, and the other rules hold;
#   3. a table's last few rows are not left alone on a page when setting the
#      table closer saves it (config/jianshe-district-2021.ini's 表8).

LT=$(mktemp -d)
for cfg in config/*.ini; do
    name=$(basename "$cfg" .ini)
    if ! "$BIN" build -q -f pdf -o "$LT/$name" "$cfg" >/dev/null 2>"$LT/$name.err"; then
        fail "e2e_layout: build $cfg: $(tail -n 1 "$LT/$name.err")"
        continue
    fi
    pdf=$(ls "$LT/$name"/*.pdf)
    if /usr/bin/python3 tests/tools/layout_check.py "$BIN" "$cfg" "$pdf" 续表 >"$LT/$name.out" 2>&1; then
        pass
    else
        fail "e2e_layout: $cfg: $(wc -l <"$LT/$name.out") problems, e.g. $(head -n 3 "$LT/$name.out" | cut -c 1-300)"
    fi
done

# 2. the template's word, and none
for variant in continued no-continued; do
    sed "s|^template *=.*|template   = tests/data/layout/$variant.tpl|" config/jianshe-2021.ini \
        >"$LT/$variant.ini"
    if ! "$BIN" build -q -f pdf -o "$LT/$variant" "$LT/$variant.ini" >/dev/null 2>"$LT/$variant.err"; then
        fail "e2e_layout: build $variant: $(tail -n 1 "$LT/$variant.err")"
        continue
    fi
    pdf=$(ls "$LT/$variant"/*.pdf)
    word=续上表
    [ $variant = no-continued ] && word=
    if /usr/bin/python3 tests/tools/layout_check.py "$BIN" "$LT/$variant.ini" "$pdf" "$word" >"$LT/$variant.out" 2>&1; then
        pass
    else
        fail "e2e_layout: $variant: $(head -n 3 "$LT/$variant.out" | cut -c 1-300)"
    fi
    n=$(pdftotext -q "$pdf" - | grep -c '续上表')
    k=$(pdftotext -q "$pdf" - | grep -c '续表')
    case $variant in
    continued) [ "$n" -ge 2 ] && [ "$k" -eq 0 ] && pass ||
        fail "e2e_layout: continued 续上表: printed $n times (want 2 or more), 续表 $k times (want 0)" ;;
    *) [ "$n" -eq 0 ] && [ "$k" -eq 0 ] && pass ||
        fail "e2e_layout: an empty continued: 续表 printed $k times, 续上表 $n times (want 0)" ;;
    esac
done
rm -rf "$LT"

# 3. A table whose last page would hold a few rows alone is set closer when
#    that saves the page (layout_table.c: squeeze()).  The district profile's
#    表8 (一般公共预算基本支出经济分类) starts low on a page; at the normal row
#    height its last 4 rows (to 31002 办公设备购置, the last line of
#    input/jianshe-2021/basic_economic.csv) stood alone on a third page
#    before 表9's landscape page.  Now it ends on the page after its title,
#    and 表9 follows on the next.
SQ=$(mktemp -d)
page_of() { # PDF TEXT: the last page whose text has TEXT (titles are in the 目录 too), or 0
    local n p
    n=$(pdfinfo "$1" | awk '/^Pages:/ {print $2}')
    for p in $(seq "$n" -1 1); do
        if pdftotext -q -f "$p" -l "$p" "$1" - | tr -d ' \n' | grep -qF "$2"; then
            echo "$p"
            return
        fi
    done
    echo 0
}
if "$BIN" build -q -f pdf -o "$SQ" config/jianshe-district-2021.ini >/dev/null 2>"$SQ/err"; then
    pdf=$(ls "$SQ"/*.pdf)
    t8=$(page_of "$pdf" 表8示例市住房和城乡建设局)
    last=$(page_of "$pdf" 办公设备购置)
    t9=$(page_of "$pdf" 表9示例市住房和城乡建设局)
    [ "$t8" -gt 0 ] && [ "$last" -eq $((t8 + 1)) ] && [ "$t9" -eq $((last + 1)) ] && pass ||
        fail "e2e_layout: squeeze: 表8's title on page $t8, its last row on $last (want $((t8 + 1))), 表9 on $t9 (want $((last + 1)))"
else
    fail "e2e_layout: build jianshe-district: $(tail -n 1 "$SQ/err")"
fi
rm -rf "$SQ"
