# End-to-end test of budgetgen import (issue 15, points 1 and 2), sourced by
# tests/run.sh (which defines pass/fail, BIN and ROOT; the working folder is
# the project).
#   - Round trip: jianshe-2021 and cangzhou-2020 are built; their workbook is
#     imported into a copy of the input folder with the six table files
#     removed; the copy builds to a byte-identical PDF.
#   - A workbook shaped like the budget system's export, made by openpyxl
#     (tests/tools/mkbook.py: title and unit rows in 元, merged two-row
#     headers, 类/款/项 columns and one code column, 合计 first and last,
#     subtotal rows, a sheet named 表3 found by its title, the national
#     “三公” table with a row per year): every CSV is compared with the files
#     written here by hand, in 万元; a “三公” table whose 合计 is not the sum
#     of its items is refused at its cell.
ID=$(mktemp -d)
for cfg in jianshe-2021 cangzhou-2020; do
    IP=$ID/$cfg
    mkdir -p "$IP/config" "$IP/input"
    cp -r templates "$IP/"
    cp "config/$cfg.ini" "$IP/config/"
    for d in $(sed -n 's/^\(dir\|previous\|earlier\) *= *input\/\(.*\)$/\2/p' "config/$cfg.ini"); do
        cp -r "input/$d" "$IP/input/"
    done
    grep -q '^codes' "config/$cfg.ini" && cp -r codes "$IP/" 2>/dev/null
    indir=$(sed -n 's/^dir *= *\(input\/.*\)$/\1/p' "config/$cfg.ini")
    if (cd "$IP" && "$BIN" build -q -o out0 "config/$cfg.ini") 2>"$ID/err"; then
        pass
    else
        fail "e2e_import: $cfg does not build: $(head -3 "$ID/err")"
        continue
    fi
    cp -r "$IP/$indir" "$IP/$indir.orig"
    (cd "$IP/$indir" && rm -f expenditure.csv basic_economic.csv three_public.csv revenue.csv summary.csv institutions.csv)
    if (cd "$IP" && "$BIN" import out0/*.xlsx -o "$indir") >"$ID/out" 2>"$ID/err" &&
        grep -q "budgetgen-data (budgetgen's data sheet, hidden)" "$ID/out"; then
        pass
    else
        fail "e2e_import: $cfg: import failed: $(head -3 "$ID/err")"
        continue
    fi
    if (cd "$IP" && "$BIN" build -q -o out1 "config/$cfg.ini") 2>"$ID/err" &&
        cmp -s "$IP"/out0/*.pdf "$IP"/out1/*.pdf; then
        pass
    else
        fail "e2e_import: $cfg: build → import → build does not give the same PDF $(head -3 "$ID/err")"
    fi
done

# The budget system's export.
/usr/bin/python3 tests/tools/mkbook.py "$ID/export.xlsx"
mkdir -p "$ID/want"
printf '科目编码,科目名称,资金来源,基本支出,项目支出\n2010301,行政运行,一般公共预算拨款收入,12.345678,\n2010302,一般行政管理事务,一般公共预算拨款收入,,5\n2080505,机关事业单位基本养老保险缴费支出,一般公共预算拨款收入,2,\n2080505,机关事业单位基本养老保险缴费支出,事业收入,1,\n' >"$ID/want/expenditure.csv"
printf '科目编码,科目名称,人员经费,公用经费\n30101,基本工资,10,\n30102,津贴补贴,2.345678,\n30201,办公费,,3\n' >"$ID/want/basic_economic.csv"
printf '收入项目,预算数\n一般公共预算拨款收入,19.345678\n事业收入,1\n' >"$ID/want/revenue.csv"
printf '项目,金额\n收入总计,20.345678\n支出总计,20.345678\n基本支出,15.345678\n项目支出,5\n' >"$ID/want/summary.csv"
printf '单位名称,单位性质\n示例单位（本级）,行政\n示例中心,公益一类事业单位\n' >"$ID/want/institutions.csv"
# the “三公” table's 本年 row in 元: 20000 + 30000 (运行费) + 12345.67 = 62345.67
printf '项目,合计,一般预算\n公务用车运行费,3,3\n公务用车购置费,0,0\n公务接待费,1.234567,1.234567\n因公出国（境）费,2,2\n合计,6.234567,6.234567\n' >"$ID/want/three_public.csv"
if "$BIN" import "$ID/export.xlsx" -o "$ID/got" >"$ID/out" 2>"$ID/err"; then
    pass
    for f in "$ID"/want/*.csv; do
        if cmp -s "$f" "$ID/got/$(basename "$f")"; then pass; else
            fail "e2e_import: $(basename "$f") differs: $(diff "$f" "$ID/got/$(basename "$f")" | head -5)"
        fi
    done
    [ "$(ls "$ID/got" | wc -l)" = 6 ] && pass || fail "e2e_import: files written: $(ls "$ID/got")"
    for want in '  sheet 表3: 支出总表 (by its title)' \
        '  表3: data from row 5, amounts in 元, 3 rows kept, 5 合计/subtotal rows verified and dropped' \
        '  经济分类: data from row 4, amounts in 元, 3 rows kept, 3 合计/subtotal rows verified and dropped'; do
        grep -qxF -- "$want" "$ID/out" && pass || fail "e2e_import: the report lacks: $want"
    done
else
    fail "e2e_import: the export does not import: $(head -3 "$ID/err")"
fi
rm -rf "$ID"
