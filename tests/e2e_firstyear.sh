# End-to-end tests of issue 13, points 7–9: a department's first year, the
# national tables a region picks, and names as people type them.  Sourced
# by tests/run.sh after tests/e2e_shapes.sh (run.sh defines pass/fail, BIN
# and ROOT; the working folder is the project).
#
# Every expected sentence and cell below is written by hand from the input
# of input/shuju-2022 (an invented 事业单位 in its first year: revenue
# 一般公共预算拨款收入 120.00 and 事业收入 160.00; basic spending 160.00, all
# from 事业收入; project spending 120.00 from 一般公共预算; no
# basic_economic.csv, no three_public.csv, no [input] previous) and the
# wording of templates/standard.tpl, wording.tpl and tables/*.tpl — never
# from budgetgen's output.  PDF text is read with pdftotext: -raw with all
# whitespace removed for sentences and notes (a sentence may wrap), -layout
# for table rows (cells joined by runs of spaces).
#
#   1. config/shuju-2022.ini builds (exit 0): its sentences, the 附表 rows
#      and the four empty-table notes; nothing compares with last year.
#   2. The same department with a three_public.csv typed as people type it
#      (letter-spaced "项 目", "合 计"; a label with one full-width and one
#      half-width bracket): the 三公 table without its comparison column,
#      the first-year sentences, the general_three_public table without a
#      上年预算 row.
#   3. A region's template: the national tables it picks, in its order; its
#      own empty-note wording; a numbering pattern ending in a space; a
#      csv:FILE table whose header is letter-spaced and full-width.
#   4. general_basic is never published empty beside a 一般公共预算 基本支出.
#   5. Every config in config/ builds with and without last year's data
#      (its previous/earlier lines removed; previous added where it has none).

FY=$(mktemp -d)

# fy_text PDF: the PDF's text, whitespace removed (sentences wrap).
fy_text() { pdftotext -raw "$1" - 2>/dev/null | tr -d ' \n\t\f'; }

# fy_has NAME TEXTFILE STRING...: each STRING (whitespace removed) occurs.
fy_has() {
    local name=$1 file=$2 s
    shift 2
    for s in "$@"; do
        if grep -qF -- "$(printf '%s' "$s" | tr -d ' ')" "$file"; then pass; else fail "firstyear $name: no \"$s\""; fi
    done
}
# fy_lacks NAME TEXTFILE STRING...: no STRING occurs.
fy_lacks() {
    local name=$1 file=$2 s
    shift 2
    for s in "$@"; do
        if grep -qF -- "$s" "$file"; then fail "firstyear $name: unexpected \"$s\""; else pass; fi
    done
}
# fy_row NAME LAYOUTFILE CELL...: one line of pdftotext -layout holds the
# cells in this order, separated by spaces only.
fy_row() {
    local name=$1 file=$2 re="" c
    shift 2
    for c in "$@"; do
        c=$(printf '%s' "$c" | sed 's/[][\.*^$()|+?{}]/\\&/g')
        re="${re:+$re[[:space:]]+}$c"
    done
    if grep -qE -- "(^|[[:space:]])$re([[:space:]]|$)" "$file"; then pass; else fail "firstyear $name: no row \"$*\""; fi
}
# fy_order NAME TEXTFILE A B ...: the strings occur, each after the one before.
fy_order() {
    local name=$1 file=$2
    shift 2
    if python3 - "$file" "$@" <<'EOF'; then pass; else fail "firstyear $name: not in the order $*"; fi
import sys
text = open(sys.argv[1], encoding="utf-8").read()
at = -1
for s in sys.argv[2:]:
    i = text.find(s, at + 1)
    if i < 0:
        sys.exit(1)
    at = i
EOF
}

# A copy of the project, so that variants can add files and templates.
mkdir -p "$FY/root"
cp -r config input templates "$FY/root/"
R=$FY/root

# ---- 1. the first-year sample -----------------------------------------------------
if (cd "$R" && "$BIN" build -q -o "$FY/o1" config/shuju-2022.ini 2>"$FY/e1"); then pass; else
    fail "firstyear: config/shuju-2022.ini did not build"; head -n 5 "$FY/e1"; fi
P1="$FY/o1/示例县数据资源服务中心-2022.pdf"
fy_text "$P1" >"$FY/t1"
pdftotext -layout "$P1" "$FY/l1" 2>/dev/null
fy_has sample "$FY/t1" \
    "2022年收入总计280.00万元，其中：财政拨款收入120.00万元，事业收入160.00万元。" \
    "2022年支出总计280.00万元，其中：基本支出160.00万元，项目支出120.00万元。" \
    "3、比上年增减情况" \
    "2021年无预算数据，2022年部门预算收支不作增减比较。" \
    "四、财政拨款“三公”经费预算情况及增减变化原因" \
    "2022年，示例县数据资源服务中心未安排财政拨款“三公”经费预算。" \
    "示例县数据资源服务中心2022年一般公共预算基本支出表" \
    "本部门2022年无一般公共预算基本支出，本表为空表。" \
    "本部门2022年无一般公共预算“三公”经费支出，本表为空表。" \
    "本部门2022年无政府性基金预算收支，本表为空表。" \
    "本部门2022年无国有资本经营预算收支，本表为空表。"
# revenue.csv writes "事 业 收 入": published as 事业收入 (the sentence above),
# never letter-spaced; summary.csv's header is "项 目,金　额".
fy_lacks sample "$FY/l1" "事 业 收 入" "较2021年" "同比" "持平" "“三公”经费预算情况表" "“三公”经费对比图"
# The 附表: 部门收支总表 and 一般公共预算支出表 rows, computed by hand.
fy_row sample "$FY/l1" "五、事业收入" "160.00"
fy_row sample "$FY/l1" "一、一般公共预算拨款收入" "120.00" "一般公共服务支出" "240.00"
fy_row sample "$FY/l1" "收入总计" "280.00" "支出总计" "280.00"
fy_row sample "$FY/l1" "201" "06" "99" "其他财政事务支出" "85.50" "85.50"
fy_row sample "$FY/l1" "221" "02" "01" "住房公积金" "12.00" "12.00"
fy_order sample "$FY/t1" "部门收支总表" "部门收入总表" "部门支出总表" "财政拨款收支总表" \
    "一般公共预算支出表" "一般公共预算基本支出表" "一般公共预算“三公”经费支出表" \
    "政府性基金预算支出表" "国有资本经营预算支出表"

# ---- 2. 三公 typed as people type it, in the first year --------------------------
mkdir -p "$FY/r2"
cp -r "$R/." "$FY/r2/"
printf '项 目,合 计,一般预算\n因公出国（境)费,2.00,2.00\n公务接待费,1.50,1.50\n合 计,3.50,3.50\n' \
    >"$FY/r2/input/shuju-2022/three_public.csv"
if (cd "$FY/r2" && "$BIN" build -q -o "$FY/o2" config/shuju-2022.ini 2>"$FY/e2"); then pass; else
    fail "firstyear typed: did not build"; head -n 5 "$FY/e2"; fi
P2="$FY/o2/示例县数据资源服务中心-2022.pdf"
fy_text "$P2" >"$FY/t2"
pdftotext -layout "$P2" "$FY/l2" 2>/dev/null
fy_has typed "$FY/t2" \
    "2022年，示例县数据资源服务中心安排“三公”经费3.50万元。2021年无预算数据，不作增减比较。" \
    "公务接待费2022年预算安排1.50万元；因公出国（境）费2022年预算安排2.00万元。" \
    "2022年“三公”经费预算情况表"
# The table: 项目, 合计, 一般预算, 基金预算, 财政专户 — no 同比增减 column
# (its header rows from budgetgen tree: the PDF sets them on several lines).
(cd "$FY/r2" && "$BIN" tree config/shuju-2022.ini) >"$FY/tree2" 2>&1
if grep -qxF '    head 1: | 项目 {2x1} | 合计 {2x1} | 资金来源 {1x3} |~ |~' "$FY/tree2" &&
    grep -qxF '    head 2: |~ |~ | 一般预算 | 基金预算 | 财政专户' "$FY/tree2"; then pass; else
    fail "firstyear typed: the 三公 table's header is not 项目 | 合计 | 资金来源 (一般预算 | 基金预算 | 财政专户)"; fi
fy_row typed "$FY/l2" "公务接待费" "1.50" "1.50"
fy_row typed "$FY/l2" "因公出国（境）费" "2.00" "2.00"
fy_row typed "$FY/l2" "合计" "3.50" "3.50"
# general_three_public: only the {年度}年本年预算 row (no last year's file).
fy_row typed "$FY/l2" "2022年本年预算" "3.50" "2.00" "1.50"
fy_lacks typed "$FY/l2" "同比增减" "上年预算" "因公出国（境)费" "合 计" "较2021年"

# ---- 3. a region's choice of tables, wording and numbering ------------------------
mkdir -p "$FY/r3"
cp -r "$R/." "$FY/r3/"
printf '项 目 名 称,金额（万元）\n数据共享平台建设,85.50\n合计,85.50\n' \
    >"$FY/r3/input/shuju-2022/projects.csv"
cat >"$FY/r3/templates/region.tpl" <<'EOF'
numbering heading 第{中文}部分 
empty-note fund_expenditure 本部门无政府性基金预算财政拨款安排，故本表为空表
title {部门}{年度}年部门预算公开
heading 部门概况
para  {年度}年支出总计{支出总计}{单位}。
table csv:projects.csv
  title 项目表
  head  项目名称 | 金额
  col   项目名称 text
  col   金额(万元) amount
end
pagebreak
title 附表
include tables/fund_expenditure.tpl
include tables/expenditure.tpl
include tables/general_basic.tpl
EOF
sed -i 's|^template .*|template   = templates/region.tpl|' "$FY/r3/config/shuju-2022.ini"
if (cd "$FY/r3" && "$BIN" build -q -o "$FY/o3" config/shuju-2022.ini 2>"$FY/e3"); then pass; else
    fail "firstyear region: did not build"; head -n 5 "$FY/e3"; fi
P3="$FY/o3/示例县数据资源服务中心-2022.pdf"
fy_text "$P3" >"$FY/t3"
pdftotext -layout "$P3" "$FY/l3" 2>/dev/null
fy_has region "$FY/t3" "本部门无政府性基金预算财政拨款安排，故本表为空表" \
    "本部门2022年无一般公共预算基本支出，本表为空表。" "2022年支出总计280.00万元。"
fy_order region "$FY/t3" "附表" "政府性基金预算支出表" "部门支出总表" "一般公共预算基本支出表"
fy_lacks region "$FY/t3" "本部门2022年无政府性基金预算收支" "部门收支总表" "部门收入总表" \
    "财政拨款收支总表" "国有资本经营预算支出表" "一般公共预算支出表"
fy_row region "$FY/l3" "数据共享平台建设" "85.50"
# The heading number keeps its space: "第一部分 部门概况".
if (cd "$FY/r3" && "$BIN" tree config/shuju-2022.ini) | grep -qxF 'heading 1 [第一部分 ] 部门概况'; then
    pass; else fail "firstyear region: heading not numbered \"第一部分 \""; fi
fy_row region "$FY/l3" "第一部分" "部门概况"

# ---- 4. never "no basic expenditure" beside one -----------------------------------
mkdir -p "$FY/r4"
cp -r "$R/." "$FY/r4/"
rm "$FY/r4/input/jianshe-2021/basic_economic.csv"
(cd "$FY/r4" && "$BIN" check config/jianshe-2021.ini >/dev/null 2>"$FY/e4")
st=$?
if [ $st -eq 1 ] && grep -qF 'tables/general_basic.tpl:4: error: table general_basic needs the file input/jianshe-2021/basic_economic.csv: expenditure.csv gives a 一般公共预算 基本支出 of ' "$FY/e4"; then
    pass; else fail "firstyear basic: exit $st, $(head -n 3 "$FY/e4")"; fi

# ---- 5. every shipped template with and without last year's data ------------------
for c in config/*.ini; do
    n=$(basename "$c" .ini)
    for v in without with; do
        mkdir -p "$FY/v/$v"
        if [ $v = without ]; then
            sed '/^previous[[:space:]]*=/d; /^earlier[[:space:]]*=/d' "$c" >"$R/config/_$v-$n.ini"
        elif grep -q '^previous[[:space:]]*=' "$c"; then
            cp "$c" "$R/config/_$v-$n.ini"
        else
            sed 's|^\[input\]|[input]\nprevious = input/jianshe-2020|' "$c" >"$R/config/_$v-$n.ini"
        fi
        if (cd "$R" && "$BIN" build -q -o "$FY/v/$v" "config/_$v-$n.ini" >/dev/null 2>"$FY/v/$v-$n.err"); then
            pass
        else
            fail "firstyear: $(grep '^template' "$c" | sed 's/.*= *//') does not build $v last year's data ($n)"
            grep -v warning "$FY/v/$v-$n.err" | head -n 3
        fi
    done
done

rm -rf "$FY"
