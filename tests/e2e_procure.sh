# End-to-end tests of issue 14, points 2 and 3, sourced by tests/run.sh
# (run.sh defines pass/fail, BIN and ROOT; the working folder is the
# project): 政府采购预算 (procurement.csv) and 国有资产占有使用情况
# (assets.csv).  Every expected sentence, table row and workbook cell below
# is written by hand from the rules (docs/input.md, docs/templates.md,
# templates/sections/*.tpl) and the samples' CSV files, never taken from
# budgetgen's output.
#
#   1. config/jianshe-2021.ini: input/jianshe-2021/procurement.csv (一般公共预算
#      286.50 = 85.30 + 120.00 + 81.20, 政府性基金预算 60.00 = 0 + 45.00 +
#      15.00, 合计 346.50; 预留 240.00 and 96.00) against 2020's 310.00;
#      assets.csv (15 vehicles, 1 to buy, 4 pieces of equipment, 1 to buy);
#      the PDF's sentences and table rows, and the workbook's cells;
#   2. the same department with a 政府采购预算 of 0 and no assets.csv: the
#      zero wording, no table, no 国有资产 section, and the 公务用车购置费
#      unchecked (no assets.csv to check it against);
#   3. last year without procurement.csv: the new wording, no percentage;
#      neither file this year: no section, no message;
#   4. [units] decimals = 0: the printed parts of every row and column of
#      the procurement table add up to their printed totals (尾差).

PR=$(mktemp -d)

pr_text() { # PDF OUT_ROWS OUT_FLAT
    pdftotext -layout "$1" - 2>/dev/null | sed 's/[[:space:]]\+/ /g; s/^ //; s/ $//' >"$2"
    tr -d ' \n\f' <"$2" >"$3"
}
pr_row() { # ROWS LINE WHAT
    if grep -qxF -- "$2" "$1"; then pass; else fail "e2e_procure: $3: no row \"$2\""; fi
}
pr_has() { # FLAT TEXT WHAT
    if grep -qF -- "$2" "$1"; then pass; else fail "e2e_procure: $3: no text \"$2\""; fi
}
pr_lacks() { # FLAT TEXT WHAT
    if grep -qF -- "$2" "$1"; then fail "e2e_procure: $3: unexpected \"$2\""; else pass; fi
}
# A copy of the project with the jianshe inputs, to change one file.
pr_copy() { # DIR
    mkdir -p "$1/config" "$1/input"
    cp -r templates "$1/"
    cp -r input/jianshe-2021 input/jianshe-2020 input/jianshe-2019 "$1/input/"
    cp config/jianshe-2021.ini "$1/config/"
}

# 1. The sample.
if "$BIN" build -q -o "$PR/out" config/jianshe-2021.ini >/dev/null 2>"$PR/err1" &&
    [ -s "$PR/out/示例市住房和城乡建设局-2021.pdf" ]; then
    pass
    pr_text "$PR/out/示例市住房和城乡建设局-2021.pdf" "$PR/rows1" "$PR/flat1"
    # The two sections follow the “三公” section (四、), before 绩效预算信息.
    pr_row "$PR/rows1" "五、政府采购预算情况" headings
    pr_row "$PR/rows1" "六、国有资产占有使用情况" headings
    pr_row "$PR/rows1" "七、绩效预算信息" headings
    pr_has "$PR/flat1" "2021年示例市住房和城乡建设局政府采购预算346.50万元，其中：货物类采购85.30万元，工程类采购165.00万元，服务类采购96.20万元。" procurement
    # 346.50 − 310.00 = 36.50; 36.50 / 310.00 = 11.77…% → 11.8%
    pr_has "$PR/flat1" "政府采购预算较2020年增加36.50万元，增长11.8%。" procurement
    pr_has "$PR/flat1" "2021年本部门面向中小企业预留政府采购项目预算金额240.00万元，其中：面向小微企业预留政府采购项目预算金额96.00万元。" procurement
    pr_row "$PR/rows1" "2021年政府采购预算表" procurement
    pr_row "$PR/rows1" "一般公共预算 286.50 85.30 120.00 81.20 200.00 80.00" procurement
    pr_row "$PR/rows1" "政府性基金预算 60.00 0.00 45.00 15.00 40.00 16.00" procurement
    pr_row "$PR/rows1" "合计 346.50 85.30 165.00 96.20 240.00 96.00" procurement
    # assets.csv: 1 + 2 + 3 + 6 + 2 + 1 = 15 vehicles; 部级 and 离退休 not
    # listed: 0.
    pr_has "$PR/flat1" "截至2020年12月31日，示例市住房和城乡建设局共有车辆15辆，其中：部级领导干部用车0辆、主要领导干部用车1辆、机要通信用车2辆、应急保障用车3辆、执法执勤用车6辆、特种专业技术用车2辆、离退休干部用车0辆、其他用车1辆；单价100万元（含）以上设备（不含车辆）4台（套）。" assets
    pr_has "$PR/flat1" "2021年部门预算安排购置车辆1辆，安排购置单价100万元（含）以上设备（不含车辆）1台（套）。" assets
    pr_row "$PR/rows1" "项目 2020年12月31日保有量 2021年拟购置" assets
    pr_row "$PR/rows1" "注：车辆以辆计，设备以台（套）计。" assets
    for row in "车辆合计 15 1" "主要领导干部用车 1 0" "机要通信用车 2 0" "应急保障用车 3 1" \
        "执法执勤用车 6 0" "特种专业技术用车 2 0" "其他用车 1 0" "单价100万元以上设备 4 1"; do
        pr_row "$PR/rows1" "$row" assets
    done
    pr_lacks "$PR/flat1" "部级领导干部用车00" "assets (a use not in the file has no row)"
    # The workbook: exact amounts as numbers, counts as written.
    if /usr/bin/python3 - "$PR/out/示例市住房和城乡建设局-2021.xlsx" >"$PR/xlsx1" 2>&1 <<'PY'; then
import sys, openpyxl
wb = openpyxl.load_workbook(sys.argv[1], data_only=True)
for name in ("政府采购预算表", "国有资产占有使用情况表"):
    for row in wb[name].iter_rows(values_only=True):
        cells = [v for v in row if v is not None]
        print(name + ": " + " | ".join(repr(v) for v in cells))
PY
        for want in "政府采购预算表: '一般公共预算' | 286.5 | 85.3 | 120 | 81.2 | 200 | 80" \
            "政府采购预算表: '政府性基金预算' | 60 | 0 | 45 | 15 | 40 | 16" \
            "政府采购预算表: '合计' | 346.5 | 85.3 | 165 | 96.2 | 240 | 96" \
            "国有资产占有使用情况表: '车辆合计' | '15' | '1'" \
            "国有资产占有使用情况表: '应急保障用车' | '3' | '1'" \
            "国有资产占有使用情况表: '单价100万元以上设备' | '4' | '1'"; do
            pr_row "$PR/xlsx1" "$want" workbook
        done
    else
        fail "e2e_procure: workbook not read: $(head -n 3 "$PR/xlsx1")"
    fi
else
    fail "e2e_procure: config/jianshe-2021.ini did not build: $(head -n 3 "$PR/err1")"
fi

# 2. Nothing to buy from the government, no assets.csv.
pr_copy "$PR/z"
printf '资金来源,合计,货物,工程,服务\n合计,0,0,0,0\n' >"$PR/z/input/jianshe-2021/procurement.csv"
rm "$PR/z/input/jianshe-2021/assets.csv"
if (cd "$PR/z" && "$BIN" build -q -o out config/jianshe-2021.ini >/dev/null 2>"$PR/err2") &&
    [ -s "$PR/z/out/示例市住房和城乡建设局-2021.pdf" ]; then
    pass
    pr_text "$PR/z/out/示例市住房和城乡建设局-2021.pdf" "$PR/rows2" "$PR/flat2"
    pr_row "$PR/rows2" "五、政府采购预算情况" "zero"
    pr_has "$PR/flat2" "本部门2021年无政府采购预算。" "zero"
    pr_lacks "$PR/flat2" "2021年政府采购预算表" "zero"
    pr_lacks "$PR/flat2" "国有资产占有使用情况" "no assets.csv"
    pr_row "$PR/rows2" "六、绩效预算信息" "no assets.csv"
else
    fail "e2e_procure: zero procurement did not build: $(head -n 3 "$PR/err2")"
fi

# 3. Last year without procurement.csv.
pr_copy "$PR/n"
rm "$PR/n/input/jianshe-2020/procurement.csv"
if (cd "$PR/n" && "$BIN" build -q -o out config/jianshe-2021.ini >/dev/null 2>"$PR/err3") &&
    [ -s "$PR/n/out/示例市住房和城乡建设局-2021.pdf" ]; then
    pass
    pr_text "$PR/n/out/示例市住房和城乡建设局-2021.pdf" "$PR/rows3" "$PR/flat3"
    pr_has "$PR/flat3" "2020年无政府采购预算，不作增减比较。" "new"
    pr_lacks "$PR/flat3" "增长100" "new"
else
    fail "e2e_procure: no procurement last year did not build: $(head -n 3 "$PR/err3")"
fi

# 3b. Neither file this year: no section, no error (the 公务用车购置费 of
#     28.00 is not checked without assets.csv).
pr_copy "$PR/x"
rm "$PR/x/input/jianshe-2021/procurement.csv" "$PR/x/input/jianshe-2021/assets.csv"
if (cd "$PR/x" && "$BIN" build -q -o out config/jianshe-2021.ini >/dev/null 2>"$PR/err5") &&
    [ -s "$PR/x/out/示例市住房和城乡建设局-2021.pdf" ] && [ ! -s "$PR/err5" ]; then
    pass
    pr_text "$PR/x/out/示例市住房和城乡建设局-2021.pdf" "$PR/rows5" "$PR/flat5"
    pr_lacks "$PR/flat5" "政府采购" "no files"
    pr_lacks "$PR/flat5" "国有资产" "no files"
    pr_row "$PR/rows5" "五、绩效预算信息" "no files"
else
    fail "e2e_procure: without the files: $(head -n 3 "$PR/err5")"
fi

# 4. Whole 万元: 一般公共预算 1.50 = 0.50 + 0.50 + 0.50 and 政府性基金预算
#    1.50 = 0.50 + 0.50 + 0.50, 合计 3.00 = 1.00 + 1.00 + 1.00.  Rounded
#    half-up each 0.50 would print 1 and each 1.50 2: 1 + 1 + 1 ≠ 2 across,
#    2 + 2 ≠ 3 down.  Printed, every row and column adds up: 合计 3 = 1 + 1
#    + 1; the two sources 2 and 1 (or 1 and 2), each within a step of 1.50;
#    each 0.50 printed 0 or 1.
pr_copy "$PR/r"
printf '资金来源,合计,货物,工程,服务\n一般公共预算,1.50,0.50,0.50,0.50\n政府性基金预算,1.50,0.50,0.50,0.50\n合计,3.00,1.00,1.00,1.00\n' \
    >"$PR/r/input/jianshe-2021/procurement.csv"
sed -i 's/^decimals *= *2$/decimals = 0/' "$PR/r/config/jianshe-2021.ini"
if (cd "$PR/r" && "$BIN" build -q -o out config/jianshe-2021.ini >/dev/null 2>"$PR/err4") &&
    [ -s "$PR/r/out/示例市住房和城乡建设局-2021.pdf" ]; then
    pass
    pr_text "$PR/r/out/示例市住房和城乡建设局-2021.pdf" "$PR/rows4" "$PR/flat4"
    pr_row "$PR/rows4" "合计 3 1 1 1" "尾差"
    pr_has "$PR/flat4" "政府采购预算3万元，其中：货物类采购1万元，工程类采购1万元，服务类采购1万元。" "尾差"
    a=$(grep -E '^一般公共预算 [0-9]+ [0-9]+ [0-9]+ [0-9]+$' "$PR/rows4")
    g=$(grep -E '^政府性基金预算 [0-9]+ [0-9]+ [0-9]+ [0-9]+$' "$PR/rows4")
    if [ -n "$a" ] && [ -n "$g" ] && /usr/bin/python3 - "$a" "$g" <<'PY'; then
import sys
rows = [list(map(int, r.split()[1:])) for r in sys.argv[1:3]]
assert all(r[0] == r[1] + r[2] + r[3] for r in rows), rows       # across
assert [rows[0][c] + rows[1][c] for c in range(4)] == [3, 1, 1, 1], rows  # down
assert all(r[0] in (1, 2) for r in rows) and all(v in (0, 1) for r in rows for v in r[1:]), rows
PY
        pass
    else
        fail "e2e_procure: 尾差: rows do not add up: \"$a\" / \"$g\""
    fi
else
    fail "e2e_procure: whole 万元 did not build: $(head -n 3 "$PR/err4")"
fi

[ -n "${PR_KEEP:-}" ] || rm -rf "$PR"
