# End-to-end test of issue 14, points 4 and 5: 部门（单位）构成 and 机构设置,
# 绩效目标设置情况, 项目经费情况说明 (for csv:FILE over project_notes.csv) and
# the 一般公共预算项目支出表 (table general_project).  Sourced by
# tests/run.sh (which defines pass/fail, BIN and ROOT; the working folder is
# the project).
#
# config/jianshe-2021.ini is built; its PDF is read back with pdftotext
# -layout and its workbook with openpyxl.  Every expected sentence and cell
# below was worked out by hand from input/jianshe-2021 (institutions.csv,
# performance.csv, project_notes.csv, expenditure.csv), never taken from
# budgetgen's output.  Then copies of the department with one thing changed
# each: a count of 0, a project without 绩效目标, no project_notes.csv, and
# the template errors of for blocks.

PJD=$(mktemp -d)
pj_has() { # WHAT TEXT WANT
    case "$2" in
    *"$3"*) pass ;;
    *) fail "e2e_projects: $1: the PDF does not say: $3" ;;
    esac
}
pj_lacks() { # WHAT TEXT UNWANTED
    case "$2" in
    *"$3"*) fail "e2e_projects: $1: the PDF says: $3" ;;
    *) pass ;;
    esac
}
# A copy of the project's layout (templates/ and the jianshe folders) that
# a case may change.
pj_copy() { # NAME
    local d=$PJD/$1
    mkdir -p "$d/input" "$d/config"
    cp -r templates "$d/templates"
    cp -r input/jianshe-2021 input/jianshe-2020 input/jianshe-2019 "$d/input/"
    cp config/jianshe-2021.ini "$d/config/"
}
pj_build() { # NAME: builds the copy NAME into $PJD/NAME/out
    (cd "$PJD/$1" && "$BIN" --root "$PJD/$1" build -q -f pdf -o out config/jianshe-2021.ini) \
        >"$PJD/$1.out" 2>"$PJD/$1.err"
}
pj_text() { # NAME
    pdftotext -layout "$(ls "$PJD/$1"/out/*.pdf)" - 2>/dev/null | tr -d ' \n'
}

if "$BIN" build -q -o "$PJD/j" config/jianshe-2021.ini 2>"$PJD/j.err"; then
    pass
    t=$(pdftotext -layout "$PJD/j/示例市住房和城乡建设局-2021.pdf" - 2>/dev/null | tr -d ' \n')
    # institutions.csv: 行政 (本级), 参照公务员法管理事业单位 (监督站), two
    # 公益二类事业单位: 4 units, 行政 1, 事业 3 of which 参公 1, no other
    pj_has "部门（单位）构成" "$t" "$(printf '%s' \
        "部门（单位）构成：纳入示例市住房和城乡建设局2021年部门预算编制范围的单位共4家，" \
        "其中行政单位1家，事业单位3家（含参照公务员法管理事业单位1家）。具体包括：" \
        "1.示例市住房和城乡建设局（本级）2.示例市建设工程质量安全监督站" \
        "3.示例市住房保障和房产交易服务中心4.示例市建设工程检测中心")"
    pj_lacks "no 其他单位 of 0" "$t" "其他单位"
    # performance.csv: 5 duties, 10 activities, 31 rows with a 绩效指标
    pj_has "绩效目标设置情况: units, duties" "$t" "$(printf '%s' \
        "绩效目标设置情况：2021年，示例市住房和城乡建设局4个预算单位全部实行绩效目标管理，" \
        "部门整体绩效目标涵盖5项职责、10项活动，设置绩效指标31个。")"
    # project_notes.csv: 2350.00 + 1580.00 + 326.40 (一般公共预算) and
    # 3000.00 (政府性基金), all four with a 绩效目标
    pj_has "绩效目标设置情况: projects" "$t" "$(printf '%s' \
        "2021年，示例市住房和城乡建设局共4个项目实行绩效目标管理，涉及项目资金7,256.40万元，" \
        "其中一般公共预算拨款4,256.40万元。")"
    pj_has "项目经费情况说明 heading" "$t" \
        "八、项目经费情况说明2021年，示例市住房和城乡建设局重点项目4个，安排资金7,256.40万元。各项目情况如下："
    pj_has "project 1" "$t" "$(printf '%s' \
        "1、城市公共设施维护提升项目概述：对城区道路照明、排水管网和公共广场等公共设施进行维护和改造提升。" \
        "立项依据：《示例市城市基础设施建设三年行动计划（2020—2022年）》。" \
        "实施主体：示例市住房和城乡建设局（本级）" \
        "实施方案：按片区分三批实施，以公开招标方式确定施工单位，由局工程建设科组织过程监管和竣工验收。" \
        "实施周期：2021年1月至2021年12月年度预算安排：2021年安排2,350.00万元。" \
        "绩效目标：完成城区路灯改造3000盏、排水管网疏通改造45公里，公共设施完好率达到95%以上。")"
    pj_has "project 2" "$t" "2、棚户区改造项目概述："
    pj_has "project 2 amount" "$t" "年度预算安排：2021年安排1,580.00万元。"
    pj_has "project 3 amount" "$t" "3、农村危房改造补助项目"
    pj_has "project 3 amount" "$t" "年度预算安排：2021年安排326.40万元。"
    pj_has "project 4 amount" "$t" "年度预算安排：2021年安排3,000.00万元。"
    pj_has "名词解释 follows as 九" "$t" "九、名词解释"
    # the table: 一般公共预算拨款's 项目支出 by 类/款/项 of expenditure.csv:
    # 2019999 24.60; 2120102 186.40, 2120106 132.65, 2120109 96.30,
    # 2120110 18.75 (21201: 434.10), 2120399 2350.00 (212: 2784.10);
    # 2210103 1580.00, 2210105 326.40, 2210106 268.50 (221: 2174.90);
    # 2240106 64.30; 合计 5047.90.  Lines with only 基本支出 are not listed.
    pj_has "table title" "$t" "示例市住房和城乡建设局2021年一般公共预算项目支出表单位：万元"
    rows=$(pdftotext -layout "$PJD/j/示例市住房和城乡建设局-2021.pdf" - 2>/dev/null |
        sed -n '/一般公共预算项目支出表/,$p' | tr -s ' ' | sed 's/^ //')
    pj_has "row 合计" "$rows" "合计 5,047.90"
    pj_has "row 212" "$rows" "212 城乡社区支出 2,784.10"
    pj_has "row 21201" "$rows" "212 01 城乡社区管理事务 434.10"
    pj_has "row 2120399" "$rows" "212 03 99 其他城乡社区公共设施支出 2,350.00"
    pj_has "row 221" "$rows" "221 住房保障支出 2,174.90"
    pj_has "row 2210105" "$rows" "221 01 05 农村危房改造 326.40"
    pj_lacks "no 行政运行 (基本支出 only)" "$rows" "行政运行"
    out=$(/usr/bin/python3 - "$PJD/j/示例市住房和城乡建设局-2021.xlsx" <<'EOF' 2>&1
import sys
from openpyxl import load_workbook
wb = load_workbook(sys.argv[1], data_only=True)
ws = wb["一般公共预算项目支出表"]
rows = [[c for c in r] for r in ws.iter_rows(values_only=True)]
want = {
    "合计": 5047.90, "一般公共服务支出": 24.60, "城乡社区支出": 2784.10,
    "城乡社区管理事务": 434.10, "一般行政管理事务": 186.40, "工程建设管理": 132.65,
    "住宅建设与房地产市场监管": 96.30, "执业资格注册、资质审查": 18.75,
    "城乡社区公共设施": 2350.00, "住房保障支出": 2174.90, "棚户区改造": 1580.00,
    "农村危房改造": 326.40, "公共租赁住房": 268.50, "灾害防治及应急管理支出": 64.30,
    "安全监管": 64.30,
}
got = {}
for r in rows:
    if len(r) >= 5 and isinstance(r[3], str) and isinstance(r[4], (int, float)):
        got.setdefault(r[3], round(r[4], 2))
bad = [k for k, v in want.items() if got.get(k) != v]
names = [r[3] for r in rows if len(r) >= 5 and isinstance(r[4], (int, float))]
if bad:
    print("FAIL", bad, got)
elif "行政运行" in names or len(names) != 20:
    print("FAIL rows", names)
else:
    print("ok")
EOF
)
    if [ "$out" = ok ]; then pass; else fail "e2e_projects: workbook 一般公共预算项目支出表: $out"; fi
else
    fail "e2e_projects: jianshe-2021 does not build: $(head -n 3 "$PJD/j.err")"
fi

# A count of 0: without the 行政 unit, no "行政单位0家".
pj_copy zero
sed -i '/（本级）,行政,/d' "$PJD/zero/input/jianshe-2021/institutions.csv"
if pj_build zero; then
    t=$(pj_text zero)
    pj_has "count 0 left out" "$t" \
        "编制范围的单位共3家，事业单位3家（含参照公务员法管理事业单位1家）。具体包括：1.示例市建设工程质量安全监督站"
    pj_lacks "no 行政单位0家" "$t" "行政单位0家"
else
    fail "e2e_projects: zero: $(head -n 3 "$PJD/zero.err")"
fi

# A project without 绩效目标 is not counted among those with targets, and
# its 绩效目标 paragraph is left out; 3000.00 (政府性基金) leaves 4256.40.
pj_copy notarget
sed -i 's/,新建改建城市道路12公里，工程质量一次验收合格率100%。$/,/' \
    "$PJD/notarget/input/jianshe-2021/project_notes.csv"
if pj_build notarget; then
    t=$(pj_text notarget)
    pj_has "projects with targets" "$t" \
        "共3个项目实行绩效目标管理，涉及项目资金4,256.40万元，其中一般公共预算拨款4,256.40万元。"
    pj_has "all projects still listed" "$t" "重点项目4个，安排资金7,256.40万元。"
    pj_has "no 绩效目标 paragraph" "$t" "实施周期：2021年3月至2021年12月年度预算安排：2021年安排3,000.00万元。九、名词解释"
else
    fail "e2e_projects: notarget: $(head -n 3 "$PJD/notarget.err")"
fi

# Without project_notes.csv, standard.tpl has neither the sections nor the table.
# (Headings of jianshe-2021: 一 职责及机构, 二 总体情况, 三 机关运行经费, 四 三公,
# 五 政府采购 and 六 国有资产 (procurement.csv, assets.csv), 七 绩效预算信息, then
# 八 项目经费情况说明 when there are projects.)
pj_copy none
rm "$PJD/none/input/jianshe-2021/project_notes.csv"
if pj_build none; then
    t=$(pj_text none)
    pj_lacks "no 项目经费情况说明" "$t" "项目经费情况说明"
    pj_lacks "no 绩效目标设置情况" "$t" "绩效目标设置情况"
    pj_lacks "no general_project table" "$t" "一般公共预算项目支出表"
    pj_has "名词解释 stays 八" "$t" "八、名词解释"
else
    fail "e2e_projects: none: $(head -n 3 "$PJD/none.err")"
fi

# A small department without 一般公共预算 项目支出: the table is published
# empty with its note; its one project has no 绩效目标 (the [[…]] of a 0
# count drops), and it has no 参公 unit.
E=$PJD/emp
mkdir -p "$E/in"
cp -r templates "$E/templates"
printf '%s\n' '科目编码,科目名称,资金来源,基本支出,项目支出' '2010301,行政运行,一般公共预算拨款收入,100,' \
    '2010350,事业运行,事业收入,,50' >"$E/in/expenditure.csv"
printf '%s\n' '项目,金额' '收入总计,150' '支出总计,150' '基本支出,100' '项目支出,50' >"$E/in/summary.csv"
printf '%s\n' '单位名称,单位性质,单位规格,经费保障形式' '测试局,行政单位,正科级,财政全额保障' \
    '测试中心,公益一类事业单位,股级,财政全额保障' >"$E/in/institutions.csv"
printf '%s\n' '项目名称,科目编码,资金来源,年度预算安排,概述,立项依据,实施主体,实施方案,实施周期,绩效目标' \
    '业务项目,2010350,事业收入,50,概述,依据,测试中心,方案,2021年,' >"$E/in/project_notes.csv"
printf '%s\n' 'title {部门}' 'include sections/units.tpl' 'para 重点项目{重点项目数}个[[，绩效项目{绩效项目数}个]]。' \
    'include tables/general_project.tpl' >"$E/templates/e.tpl"
printf '%s\n' '[document]' 'department = 测试局' 'region = 测试市' 'year = 2021' 'template = templates/e.tpl' \
    '[units]' 'unit = 万元' '[input]' 'dir = in' '[output]' 'dir = out' 'formats = pdf' >"$E/c.ini"
if (cd "$E" && "$BIN" --root "$E" build -q -o out c.ini) 2>"$E.err"; then
    t=$(pdftotext -layout "$E"/out/*.pdf - 2>/dev/null | tr -d ' \n')
    pj_has "units without 参公" "$t" "纳入测试局2021年部门预算编制范围的单位共2家，其中行政单位1家，事业单位1家。具体包括：1.测试局2.测试中心"
    pj_has "0 projects with targets dropped" "$t" "重点项目1个。"
    pj_has "general_project empty" "$t" "$(printf '%s' "测试局2021年一般公共预算项目支出表单位：万元科目编码科目名称项目支出类款项" \
        "本部门2021年无一般公共预算拨款安排的项目支出，本表为空表。")"
else
    fail "e2e_projects: emp: $(head -n 3 "$E.err")"
fi

# Template errors of for blocks (exit 2 when read, 1 when built).
pj_bad_tpl() { # WHAT RC MSG TEMPLATE-LINES [FILE-TO-REMOVE]
    local what=$1 rc=0
    pj_copy bad
    [ -n "${5:-}" ] && rm "$PJD/bad/input/jianshe-2021/$5"
    printf '%s\n' "$4" >"$PJD/bad/templates/bad.tpl"
    sed -i 's#templates/standard.tpl#templates/bad.tpl#' "$PJD/bad/config/jianshe-2021.ini"
    pj_build bad || rc=$?
    if [ "$rc" -ne "$2" ]; then
        fail "e2e_projects: $what: exit $rc, expected $2 ($(head -n 2 "$PJD/bad.err"))"
    elif ! grep -qxF -- "$3" "$PJD/bad.err"; then
        fail "e2e_projects: $what: stderr lacks: $3 (got: $(head -n 3 "$PJD/bad.err"))"
    else
        pass
    fi
    rm -rf "$PJD/bad" "$PJD/bad.err" "$PJD/bad.out"
}
pj_bad_tpl "nested for" 2 "templates/bad.tpl:2: error: for inside a for block (line 1): for blocks do not nest" \
    "$(printf 'for csv:project_notes.csv\nfor csv:project_notes.csv\nend\nend')"
pj_bad_tpl "for without file" 2 "templates/bad.tpl:1: error: for x.csv: expected for csv:FILE" \
    "$(printf 'for x.csv\nend')"
pj_bad_tpl "for not closed" 2 "templates/bad.tpl:1: error: for is not closed with end" \
    "$(printf 'for csv:project_notes.csv\npara {项目名称}')"
pj_bad_tpl "for over a missing file" 1 \
    "templates/bad.tpl:1: error: for csv:nosuch.csv needs the file input/jianshe-2021/nosuch.csv (put the block inside an if, e.g. if has:project_notes)" \
    "$(printf 'for csv:nosuch.csv\npara {名称}\nend')"
pj_bad_tpl "金额 outside a row" 1 \
    "templates/bad.tpl:1:7: error: {金额:年度预算安排} stands outside a for csv:FILE block or a list csv:FILE: it prints the cell of the row being laid out" \
    "para  {金额:年度预算安排}"
pj_bad_tpl "金额 of a text column" 1 \
    "templates/bad.tpl:2:7: error: {金额:实施主体}: input/jianshe-2021/project_notes.csv:2:7 \"示例市住房和城乡建设局（本级）\" is not an amount in 万元: expected digits, with an optional sign, thousands separators and decimal point" \
    "$(printf 'for csv:project_notes.csv\npara  {金额:实施主体}\nend')"
pj_bad_tpl "金额 of no column" 1 \
    "templates/bad.tpl:2:7: error: {金额:金额}: input/jianshe-2021/project_notes.csv has no column 金额" \
    "$(printf 'for csv:project_notes.csv\npara  {金额:金额}\nend')"
pj_bad_tpl "count without its file" 1 \
    "templates/bad.tpl:1:7: error: {重点项目数} needs the file input/jianshe-2021/project_notes.csv (see docs/input.md)" \
    "para  {重点项目数}" project_notes.csv
rm -rf "$PJD"
