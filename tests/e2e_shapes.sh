# End-to-end tests of the other shapes of performance-target table
# (docs/performance-targets.md), sourced by tests/run.sh after
# tests/e2e_tables.sh (run.sh defines pass/fail, BIN and ROOT; the working
# folder is the project).
#
# Every expectation comes from the input CSV files, read by
# tests/tools/shapes_check.py, never from budgetgen's output.  The tool reads
# the XLSX back with openpyxl and the PDF with pdftotext -raw (whitespace
# removed), and prints one "ok NAME" / "FAIL NAME: …" line per check; each
# NAME below becomes one pass or fail here (a name the tool did not print,
# e.g. after a crash, fails).  Its docstring says what each name checks.
#
#   1. renwu-2019 (seed 003, 重点任务责任分解表, table csv:tasks.csv with
#      序号 and 目标名称 merge=blank): PDF cells, each target printed once on its first page, one
#      sheet, 工作标准 cells, merged ranges;
#   2. mubiao-2020 (seed 002, list csv:targets.csv): every item, PDF and sheet;
#   3. zeren-2019 (seed 000, points by quarter): check passes, every task
#      and quarter in the PDF; one quarter's （N分） changed in a copy makes
#      check fail at that file, line and column; one item under a shared
#      heading （9分）： changed gives one error, at that cell;
#   4. xiangmu-2021 (项目支出绩效目标表): amounts as numbers, merged project
#      and indicator cells, every 三级指标 with its 指标值;
#   5. jianshe-2021's self-evaluation: 实际值/评价等级 and the grade summary
#      against grades recomputed from performance.csv and actuals.csv.

SH=$(mktemp -d)
SCHECK=tests/tools/shapes_check.py

# One pass or fail per name, from the tool's output in OUT.
shapes_report() { # OUT NAME...
    local out=$1 name
    shift
    for name in "$@"; do
        if grep -q "^FAIL $name: " "$out"; then
            fail "e2e_shapes: $(grep -m 1 "^FAIL $name: " "$out" | cut -c 6-)"
            grep "^FAIL $name:   " "$out" | cut -c 6- | sed 's/^/      /'
        elif grep -qx "ok $name" "$out"; then
            pass
        else
            fail "e2e_shapes: $name was not checked: $(grep -v '^ok \|^FAIL ' "$out" | tail -n 1)"
        fi
    done
}

# Runs shapes_check.py and reports NAMES, or fails them all when one of the
# built FILES is missing (its build failed).
shapes_run() { # "FILES" "NAMES" ARGS...
    local files=$1 names=$2 out f
    shift 2
    for f in $files; do
        if [ ! -s "$f" ]; then
            fail "e2e_shapes: $(echo "$names" | wc -w) checks not run: $f was not built"
            return
        fi
    done
    out=$(mktemp -p "$SH")
    /usr/bin/python3 "$SCHECK" "$@" >"$out" 2>&1
    # shellcheck disable=SC2086
    shapes_report "$out" $names
}

# Builds CONFIG into $SH/NAME; one pass or fail.
shapes_build() { # NAME CONFIG
    "$BIN" build -q -o "$SH/$1" "$2" >/dev/null 2>"$SH/$1.err"
    local st=$?
    [ $st -eq 0 ] && pass || fail "e2e_shapes: build $2 exited $st: $(tail -n 1 "$SH/$1.err")"
}

# ---- 1. renwu: 重点任务责任分解表 (seed 003) ------------------------------------------
shapes_build renwu config/renwu-2019.ini
RW=$SH/renwu/区人民政府办公室-2019
shapes_run "$RW.pdf $RW.xlsx" "renwu-pdf-cells renwu-pdf-targets renwu-xlsx-sheets renwu-xlsx-cells renwu-xlsx-merged" \
    renwu input/renwu-2019/tasks.csv "$RW.pdf" "$RW.xlsx"

# ---- 2. mubiao: a numbered list (seed 002), in the PDF and on a sheet -------------
shapes_build mubiao config/mubiao-2020.ini
MB=$SH/mubiao/徐州市人民政府-2020
shapes_run "$MB.pdf $MB.xlsx" "mubiao-pdf-items mubiao-xlsx-items" mubiao input/mubiao-2020/targets.csv \
    "$MB.pdf" "$MB.xlsx"

# ---- 3. zeren: 目标责任书, points by quarter (seed 000) -------------------------------
"$BIN" check config/zeren-2019.ini >/dev/null 2>"$SH/zeren.check"
st=$?
[ $st -eq 0 ] && pass || fail "e2e_shapes: check config/zeren-2019.ini exited $st: $(head -n 1 "$SH/zeren.check")"
shapes_build zeren config/zeren-2019.ini
ZR=$SH/zeren/示范区发展改革局（项目办）-2019
shapes_run "$ZR.pdf" "zeren-pdf-tasks zeren-pdf-quarters" zeren input/zeren-2019/tasks.csv "$ZR.pdf"
# A task without sub-tasks (工作任务 blank in tasks.csv) has its 类别 cell
# across both columns of 工作任务, as in the seed (span-into=工作任务); a
# task with sub-tasks keeps two cells.  Expected from the CSV, read by Python.
"$BIN" tree config/zeren-2019.ini >"$SH/zeren.tree" 2>/dev/null
/usr/bin/python3 - input/zeren-2019/tasks.csv "$SH/zeren.tree" >"$SH/zeren.span" <<'PY'
import csv, re, sys
rows = list(csv.DictReader(open(sys.argv[1], encoding="utf-8")))
tree = [l for l in open(sys.argv[2], encoding="utf-8") if re.match(r"\s+row \d+", l)]
bad = []
if len(tree) != len(rows):
    bad.append(f"{len(tree)} rows in the tree, {len(rows)} in tasks.csv")
for i, (r, t) in enumerate(zip(rows, tree), 1):
    # tree cells: " | TEXT {RxC}" for an anchor, " |~" for a covered cell
    cells = [c.strip() for c in re.findall(r"\|(~|[^|~][^|]*|)", t.split(":", 1)[1])]
    want = "{1x2}" if r["类别"] and not r["工作任务"] else None
    has = re.search(r"\{(\d+)x(\d+)\}", cells[0] if cells else "")
    if want and not (cells[0].endswith(want) and cells[1].startswith("~")):
        bad.append(f"row {i} ({r['类别']}): 类别 should span 工作任务: {cells[0][:40]} | {cells[1][:10]}")
    if not want and r["类别"] and has and has.group(2) != "1":
        bad.append(f"row {i} ({r['类别']}): 类别 spans {has.group(0)} but 工作任务 is {r['工作任务']}")
print("\n".join(bad) if bad else "ok")
PY
[ "$(cat "$SH/zeren.span")" = ok ] && pass || fail "e2e_shapes: zeren 类别 spans: $(head -n 3 "$SH/zeren.span")"

# A copy of zeren-2019 in $SH/NAME with SED applied to its tasks.csv; `check`
# on it must exit 1, and `shapes_check.py CMD` judges its messages (NAME the
# check's name).  Two checks, which fail together when the copy cannot be made.
# The copy is under /tmp and the template in the project: --root /.
zeren_changed() { # NAME CMD SED WHAT
    local d=$SH/$1
    mkdir -p "$d"
    cp -r input/zeren-2019 "$d/in"
    sed -i "$3" "$d/in/tasks.csv"
    sed "s|^dir *= *input/zeren-2019 *$|dir = $d/in|" config/zeren-2019.ini >"$d/zeren.ini"
    if cmp -s input/zeren-2019/tasks.csv "$d/in/tasks.csv" || ! grep -q "^dir = $d/in$" "$d/zeren.ini"; then
        fail "e2e_shapes: check of zeren-2019 with $4 not run: the copy could not be made (sed matched nothing)"
        fail "e2e_shapes: $1 not checked: the copy could not be made"
        return
    fi
    "$BIN" check --root / "$d/zeren.ini" >/dev/null 2>"$d/check.err"
    local st=$?
    [ $st -eq 1 ] && pass || fail "e2e_shapes: check of zeren-2019 with $4 exited $st, expected 1"
    shapes_run "" "$1" "$2" input/zeren-2019/tasks.csv "$d/in/tasks.csv" "$d/check.err"
}

# 经济综合工作's 第四季度 carries one point more (a record after a cell with a
# line break, in a row with shared points): the error names that cell.
zeren_changed zeren-bad-message zeren-bad 's/制定招商引资产业目录（1分）/制定招商引资产业目录（2分）/' \
    "a quarter's （N分） changed"
# An item under the heading 分季度（9分）： of the shared 目标及质量要求 is one
# point more: one error, at that cell (the quarters still add up).
zeren_changed zeren-heading-message zeren-heading 's/按季度开展经济运行趋势分析（1分）/按季度开展经济运行趋势分析（2分）/' \
    "an item under a heading changed"

# ---- 4. xiangmu: 项目支出绩效目标表 (national) ----------------------------------------
shapes_build xiangmu config/xiangmu-2021.ini
XM=$SH/xiangmu/示例市住房和城乡建设局-2021-项目支出绩效目标表
shapes_run "$XM.pdf $XM.xlsx" \
    "xiangmu-xlsx-amounts xiangmu-xlsx-merged xiangmu-xlsx-indicators xiangmu-pdf-indicators xiangmu-pdf-amounts" \
    xiangmu input/xiangmu-2021/projects.csv "$XM.pdf" "$XM.xlsx"

# ---- 5. jianshe: self-evaluation (performance.csv + actuals.csv) --------------------
shapes_build jianshe config/jianshe-2021.ini
JS=$SH/jianshe/示例市住房和城乡建设局-2021
shapes_run "$JS.xlsx" "jianshe-oracle jianshe-xlsx-graded jianshe-xlsx-summary" \
    jianshe input/jianshe-2021/performance.csv input/jianshe-2021/actuals.csv "$JS.xlsx"

rm -rf "$SH"
