# End-to-end test of profiles (issue 14, point 1), sourced by tests/run.sh
# (which defines pass/fail, BIN and ROOT; the working folder is the project).
#
# config/jianshe-district-2021.ini builds input/jianshe-2021 under the profile
# district-2026 (templates/profiles/district-2026: FORMATS.md §1's district
# set).  Checked against values worked out by hand from the input:
#   1. the nine tables, in the district's order and names (表1 部门财务收支预算总表
#      … 表9 部门“三公”经费和机关运行经费预算表), each headed 编制部门：{部门},
#      tables 1–8 in 元 and table 9 in 万元; the parts and sections in order;
#   2. cells: 表1 收入总计 263,411,900.00 (summary.csv 26341.19万元); 表9 the
#      一般公共预算 “三公” of each year and its 机关运行经费: 2021: 6.00 + 28.00
#      + 19.80 + 8.15 = 61.95 (三公 of 一般预算; 公务用车 47.80 = 28.00 +
#      19.80), 283.24; 2020: 6.00 + 21.35 + 9.60 = 36.95, 296.84;
#   3. sentences in 万元 with two-decimal shares (percent_decimals = 2):
#      24,064.26 / 26,341.19 = 91.356% → 91.36%, 52.00 → 0.20%, 306.87 →
#      1.16% (1.16497), 180.80 → 0.69%, 1,737.26 → 6.60%; 基本支出 2,677.10 →
#      10.16%, 项目支出 89.84%; 财政拨款收入 against last year's (derived from
#      input/jianshe-2020/expenditure.csv, no revenue.csv there: 6,553.23 +
#      5,750.00 = 12,303.23): 比上年增加11,761.03万元，增长95.59%;
#      政府采购预算 (procurement.csv, 万元): 85.30 + 165.00 + 96.20 = 346.50
#      against 310.00 last year: 增加36.50, 36.50 / 310.00 = 11.774% → 11.77%;
#      its table in 元: 3,465,000.00 …; the units of institutions.csv: 4, of
#      which 行政 1, 事业 3 (参公 1); a project's 年度预算安排 2350 → 2,350.00万元;
#   4. the workbook: nine sheets named as the profile names them, row 2 of
#      each "编制部门：示例市住房和城乡建设局" (unit-left) and its unit, 收入总计 in
#      元 (263411900) in sheet 1, 机关运行经费 in 万元 (283.24) in sheet 9;
#   5. the profile national is templates/standard.tpl: config/jianshe-2021.ini
#      with `profile = national` instead of its template line gives the same
#      PDF, byte for byte.

PF=$(mktemp -d)
if SOURCE_DATE_EPOCH=1700000000 "$BIN" build -q -o "$PF/d" config/jianshe-district-2021.ini 2>"$PF/d.err"; then
    pass
    P=$(ls "$PF"/d/*.pdf) X=$(ls "$PF"/d/*.xlsx)
    pdftotext -layout "$P" - 2>/dev/null | sed -e 's/^ *//' -e 's/ *$//' -e 's/  */ /g' >"$PF/rows"
    tr -d ' \n' <"$PF/rows" >"$PF/flat"
    # 1. titles, parts and sections in order (positions in the flat text of
    # the body, after the cover and the 目录, which list them too)
    last=$(python3 -c 'import sys; print(open(sys.argv[1]).read().find("第一部分部门概况一、部门主要职责其主要职责是"))' "$PF/flat")
    ok=1
    if [ "$last" -le 0 ]; then fail "e2e_profiles: the body does not open with 第一部分 部门概况"; ok=0; fi
    # the cover and the 目录 come first (their own pages, no footer)
    if pdftotext -f 1 -l 1 "$P" - 2>/dev/null | tr -d ' \n\f' | grep -qxF "示例市住房和城乡建设局2021年部门预算编制部门：示例市住房和城乡建设局"; then
        pass
    else
        fail "e2e_profiles: the cover"
    fi
    if pdftotext -f 2 -l 2 "$P" - 2>/dev/null | head -n 3 | tr -d ' ' | grep -qx "目录"; then pass; else fail "e2e_profiles: no 目录 on page 2"; fi
    for s in "第一部分部门概况" "一、部门主要职责" "二、部门（单位）构成" "三、机构设置" "第二部分2021年部门预算表" \
        "表1示例市住房和城乡建设局2021年部门财务收支预算总表" \
        "表2示例市住房和城乡建设局2021年部门收入预算总表" \
        "表3示例市住房和城乡建设局2021年部门支出预算总表" \
        "表4示例市住房和城乡建设局2021年部门财政拨款收支预算总表" \
        "表5示例市住房和城乡建设局2021年部门一般公共预算支出功能分类预算表" \
        "表6示例市住房和城乡建设局2021年部门政府性基金预算支出功能分类预算表" \
        "表7示例市住房和城乡建设局2021年部门国有资本经营预算支出功能分类预算表" \
        "表8示例市住房和城乡建设局2021年部门一般公共预算基本支出部门预算经济分类预算表" \
        "表9示例市住房和城乡建设局2021年部门“三公”经费和机关运行经费预算表" \
        "第三部分部门预算编制说明" "一、收支预算总体情况" "二、财政拨款收支预算情况" \
        "三、一般公共预算支出预算情况" "四、一般公共预算基本支出预算情况" \
        "五、“三公”经费预算情况" "六、机关运行经费预算" "第四部分其他相关情况说明" \
        "一、政府采购预算情况" "二、国有资产占有使用情况" "三、绩效目标设置情况" \
        "四、其他需要说明的事项" "第五部分项目经费情况说明" "一、城市公共设施维护提升项目" \
        "四、城市道路建设项目" "第六部分名词解释"; do
        at=$(python3 -c 'import sys; t=open(sys.argv[1]).read(); print(t.find(sys.argv[2], int(sys.argv[3])))' "$PF/flat" "$s" "$last")
        if [ "$at" -lt 0 ]; then
            fail "e2e_profiles: not found (in this order): $s"
            ok=0
            break
        fi
        last=$at
    done
    [ $ok = 1 ] && pass
    n_yuan=$(grep -cxF "编制部门：示例市住房和城乡建设局 单位：元" "$PF/rows")
    n_wan=$(grep -cxF "编制部门：示例市住房和城乡建设局 单位：万元" "$PF/rows")
    # 8 tables in 元; the landscape tables repeat no unit line on later pages
    if [ "$n_yuan" = 8 ] && [ "$n_wan" = 1 ]; then pass; else fail "e2e_profiles: unit lines: $n_yuan in 元, $n_wan in 万元"; fi
    # 2. cells
    # the procurement table in 元, as the profile's tables are (procurement.csv × 10,000)
    for r in "收入总计 263,411,900.00 支出总计 263,411,900.00" \
        "合计 3,465,000.00 853,000.00 1,650,000.00 962,000.00 2,400,000.00 960,000.00" \
        "2021年本年预算 61.95 6.00 47.80 28.00 19.80 8.15 283.24" \
        "2020年上年预算 36.95 6.00 21.35 21.35 9.60 296.84"; do
        if grep -qxF "$r" "$PF/rows"; then pass; else fail "e2e_profiles: no row: $r"; fi
    done
    # 3. sentences
    for s in "2021年收入预算26,341.19万元，其中：财政拨款收入24,064.26万元，占91.36%；财政专户管理资金收入52.00万元，占0.20%；事业收入306.87万元，占1.16%；其他收入180.80万元，占0.69%；上年结转1,737.26万元，占6.60%。" \
        "2021年支出预算26,341.19万元，其中：基本支出2,677.10万元，占10.16%；项目支出23,664.09万元，占89.84%。" \
        "2021年财政拨款收入预算24,064.26万元，比上年增加11,761.03万元，增长95.59%。" \
        "2021年示例市住房和城乡建设局机关运行经费预算283.24万元，比上年减少13.60万元，下降4.58%。" \
        "2021年示例市住房和城乡建设局政府采购预算346.50万元，其中：货物类采购85.30万元，工程类采购165.00万元，服务类采购96.20万元。" \
        "政府采购预算较2020年增加36.50万元，增长11.77%。" \
        "纳入示例市住房和城乡建设局2021年部门预算编制范围的单位共4家，其中行政单位1家，事业单位3家（含参照公务员法管理事业单位1家）。" \
        "年度预算安排：2021年安排2,350.00万元。"; do
        if grep -qF "$s" "$PF/flat"; then pass; else fail "e2e_profiles: no sentence: $s"; fi
    done
    # 4. the workbook
    if /usr/bin/python3 - "$X" <<'PY'; then pass; else fail "e2e_profiles: workbook"; fi
import sys, openpyxl
wb = openpyxl.load_workbook(sys.argv[1], data_only=True)
names = ["1部门财务收支预算总表", "2部门收入预算总表", "3部门支出预算总表", "4部门财政拨款收支预算总表",
         "5一般公共预算支出功能分类预算表", "6政府性基金预算支出功能分类预算表",
         "7国有资本经营预算支出功能分类预算表", "8一般公共预算基本支出经济分类预算表",
         "9“三公”经费和机关运行经费预算表"]
got = [n for n in wb.sheetnames if n[:1].isdigit()]
ok = got == names
if not ok:
    print("sheets", got)
s1 = [r for r in wb[names[0]].iter_rows(values_only=True) if r[0] == "收入总计"]
s9 = [r for r in wb[names[8]].iter_rows(values_only=True) if r[0] == "2021年本年预算"]
if not s1 or s1[0][1] != 263411900:
    print("sheet 1", s1); ok = False
if not s9 or s9[0][7] != 283.24 or s9[0][1] != 61.95:
    print("sheet 9", s9); ok = False
# row 2: 编制部门 at the left (unit-left), the unit at the right, in each table's unit
for n, unit in zip(names, ["单位：元"] * 8 + ["单位：万元"]):
    row2 = [c for c in next(wb[n].iter_rows(min_row=2, max_row=2, values_only=True)) if c]
    if row2 != ["编制部门：示例市住房和城乡建设局", unit]:
        print(n, "row 2", row2); ok = False
sys.exit(0 if ok else 1)
PY
else
    fail "e2e_profiles: config/jianshe-district-2021.ini did not build: $(cat "$PF/d.err")"
fi

# 5. national = standard.tpl
sed 's|^template   = templates/standard.tpl$|profile    = national|' config/jianshe-2021.ini >"$PF/n.ini"
if grep -q "^profile    = national$" "$PF/n.ini" &&
    SOURCE_DATE_EPOCH=1700000000 "$BIN" build -q -f pdf -o "$PF/n" "$PF/n.ini" 2>/dev/null &&
    SOURCE_DATE_EPOCH=1700000000 "$BIN" build -q -f pdf -o "$PF/s" config/jianshe-2021.ini 2>/dev/null &&
    cmp -s "$PF"/n/*.pdf "$PF"/s/*.pdf; then
    pass
else
    fail "e2e_profiles: profile national differs from templates/standard.tpl"
fi
rm -rf "$PF"
