# End-to-end tests of issue 19 (open data), sourced by tests/run.sh (run.sh
# defines pass/fail, BIN and ROOT; the working folder is the project).  The
# rules are docs/open-data.md's; the expected figures are written by hand
# from the input CSV files or recomputed from the files themselves, never
# taken from budgetgen's output.
#
#   1. config/jianshe-2021.ini, built twice (SOURCE_DATE_EPOCH): every file
#      (PDF, workbook, NAME.data/*) byte-identical; NAME.data/ holds
#      datapackage.json, facts.csv and one table-NN-ID.csv per table;
#   2. the PDF's embedded files (pdfdetach -list, -saveall) are exactly the
#      files of NAME.data/, byte for byte; qpdf --check is clean;
#   3. datapackage.json checked against the Frictionless rules it relies on
#      (tests/tools/datapackage_check.py): required keys, names, field
#      types, every CSV's header equals its schema, every value parses;
#   4. facts.csv re-summed with Decimal gives every printed total (合计
#      rows and 合计 columns of every table, 类 = Σ 款 = Σ 项), in the
#      printed amounts and in 分; every fact's exact amount is a number of
#      the workbook's sheet of that table, every total's printed amount is
#      in the PDF's text; hand-written facts from the input CSV files;
#   5. the same department typed in 元 (jianshe-yuan-2021) gives the same
#      facts.csv, byte for byte;
#   6. [output] data = no: no folder, nothing attached; a table the package
#      no longer lists is removed, another file in the folder is kept;
#      NAME.data that is a file: exit 2, nothing published;
#   7. a bureau (build of two configs): facts.csv is the departments'
#      facts under one header; index.csv and index.html link each
#      department's datapackage.json and facts.csv.

OD=$(mktemp -d)
OD_PY=/usr/bin/python3
OD_JS=示例市住房和城乡建设局-2021

# 1. Two builds.
for k in a b; do
    SOURCE_DATE_EPOCH=1700000000 "$BIN" build -q -o "$OD/$k" config/jianshe-2021.ini >/dev/null 2>"$OD/err.$k"
    [ $? -eq 0 ] && pass || { fail "e2e_opendata: build $k failed"; head -n 5 "$OD/err.$k"; }
done
DD=$OD/a/$OD_JS.data
if [ -d "$DD" ] && [ -s "$DD/datapackage.json" ] && [ -s "$DD/facts.csv" ]; then pass; else fail "e2e_opendata: no $DD with datapackage.json and facts.csv"; fi
diff -r "$OD/a" "$OD/b" >/dev/null 2>&1 && pass || fail "e2e_opendata: two builds differ: $(diff -rq "$OD/a" "$OD/b" 2>&1 | head -n 3)"
# One CSV per table of the document (budgetgen tree lists them).
ntab=$("$BIN" tree config/jianshe-2021.ini 2>/dev/null | grep -c '^table$')
ncsv=$(ls "$DD" 2>/dev/null | grep -c '^table-[0-9][0-9]-.*\.csv$')
[ "$ntab" -gt 10 ] && [ "$ntab" = "$ncsv" ] && pass || fail "e2e_opendata: $ntab tables, $ncsv table CSV files"

# 2. The attachments.
PDF=$OD/a/$OD_JS.pdf
want=$(cd "$DD" 2>/dev/null && ls | LC_ALL=C sort)
got=$(pdfdetach -list "$PDF" 2>/dev/null | sed -n 's/^[0-9]*: //p' | LC_ALL=C sort)
[ -n "$want" ] && [ "$want" = "$got" ] && pass || fail "e2e_opendata: pdfdetach -list: $(echo $got | head -c 200) against $(echo $want | head -c 200)"
mkdir -p "$OD/detached"
if pdfdetach -saveall -o "$OD/detached" "$PDF" 2>/dev/null && diff -r "$OD/detached" "$DD" >/dev/null 2>&1; then
    pass
else
    fail "e2e_opendata: the files pdfdetach saves differ from $DD: $(diff -rq "$OD/detached" "$DD" 2>&1 | head -n 3)"
fi
qpdf --check "$PDF" >"$OD/qpdf.out" 2>&1 && ! grep -qi 'warning\|error:' "$OD/qpdf.out" && pass \
    || fail "e2e_opendata: qpdf --check: $(head -n 5 "$OD/qpdf.out")"

# 3. The package against its schema.
if "$OD_PY" tests/tools/datapackage_check.py "$DD" >"$OD/dp.out" 2>&1; then pass; else fail "e2e_opendata: datapackage_check"; head -n 10 "$OD/dp.out"; fi
# The checker fails on what it must refuse: a header that is not the
# schema's, a value that is not its type, a missing key.
for bad in header value key; do
    rm -rf "$OD/bad-$bad" && cp -r "$DD" "$OD/bad-$bad"
    case $bad in
    header) sed -i '1s/amount_fen/amount_fen2/' "$OD/bad-$bad/facts.csv" ;;
    value) sed -i '2s/,[0-9]*\r$/,12x\r/' "$OD/bad-$bad/facts.csv" ;;
    key) sed -i 's/"profile": "tabular-data-resource",/"profil": "x",/' "$OD/bad-$bad/datapackage.json" ;;
    esac
    if "$OD_PY" tests/tools/datapackage_check.py "$OD/bad-$bad" >/dev/null 2>&1; then
        fail "e2e_opendata: datapackage_check accepts a package with a bad $bad"
    else pass; fi
done

# 4. Re-summing facts.csv; the workbook and the PDF's text.
# The same rules on the samples with other shapes: tables in 元
# (jianshe-yuanbiao), a district's profile (jianshe-district: a table of
# three header rows), the seed (cangzhou: amounts printed without decimals).
cat >"$OD/resum.py" <<'EOF'
import csv, os, re, sys
from collections import defaultdict
from decimal import Decimal
from openpyxl import load_workbook

dd, xlsx, pdftxt, hand = sys.argv[1:5]
raw = open(os.path.join(dd, "facts.csv"), "rb").read()
assert raw.startswith(b"\xef\xbb\xbf"), "facts.csv has no BOM"
assert b"\r\n" in raw and b"\n" not in raw.replace(b"\r\n", b""), "facts.csv lines do not end in CRLF"
rows = list(csv.DictReader(open(os.path.join(dd, "facts.csv"), encoding="utf-8-sig", newline="")))
assert len(rows) > 100, len(rows)
bad = []
def check(what, got, want):
    if got != want:
        bad.append("%s: %s, expected %s" % (what, got, want))

# Hand-written facts, from input/jianshe-2021 (amounts in 万元: 1 万元 =
# 1,000,000 分).
def find(table_part, code=None, name=None, column=None):
    return [r for r in rows if table_part in r["table"] and (code is None or r["code"] == code)
            and (name is None or r["name"] == name) and (column is None or r["column"] == column)]
if hand == "jianshe":
    # expenditure.csv: 2080501 行政单位离退休, 一般公共预算拨款收入, 基本支出 64.64
    f = find("部门支出总表", "2080501", "行政单位离退休", "基本支出")
    check("部门支出总表 2080501 基本支出", [(r["level"], r["classification"], r["amount"], r["amount_fen"], r["row_kind"], r["unit"]) for r in f],
          [("项", "functional", "64.64", "64640000", "detail", "万元")])
    # basic_economic.csv: 30101 基本工资, 人员经费 486.72
    f = find("一般公共预算基本支出表", "30101", "基本工资", "人员经费")
    check("基本支出表 30101", [(r["level"], r["classification"], r["amount_fen"]) for r in f], [("款", "economic", "486720000")])
    # procurement.csv: 一般公共预算 货物 85.30; three_public: 公务接待费 8.15
    f = find("政府采购预算表", None, "一般公共预算", "货物")
    check("采购 货物", [r["amount_fen"] for r in f], ["85300000"])
    f = find("“三公”经费预算情况表", None, "公务接待费", "合计")
    check("三公 公务接待费", [(r["amount"], r["kind"], r["phase"], r["year"], r["department"]) for r in f],
          [("8.15", "预算", "approved", "2021", "示例市住房和城乡建设局")])

tables = defaultdict(list)
for r in rows:
    tables[int(r["table_no"])].append(r)

def grid(facts, key):
    g = defaultdict(dict)
    for r in facts:
        g[int(r["row"])][r["column"]] = Decimal(r["amount"]) if key == "amount" else int(r["amount_fen"])
    return g

totals_checked = 0
for no, facts in sorted(tables.items()):
    title = facts[0]["table"]
    kinds = {int(r["row"]): r["row_kind"] for r in facts}
    info = {int(r["row"]): (r["code"], r["level"], r["name"]) for r in facts}
    cols = []
    for r in facts:
        if r["column"] not in cols:
            cols.append(r["column"])
    coded = any(r["level"] for r in facts)
    for key in ("amount", "amount_fen"):
        g = grid(facts, key)
        zero = Decimal(0) if key == "amount" else 0
        val = lambda row, c: g[row].get(c, zero)
        # Down.
        for c in cols:
            if coded:
                lv = defaultdict(list)
                for row, (code, level, name) in info.items():
                    lv[level].append((code, row))
                for row, k in kinds.items():
                    if k == "total":
                        check("%s %s row %d = Σ 类" % (title, c, row), val(row, c), sum((val(rr, c) for _, rr in lv["类"]), zero))
                        totals_checked += 1
                for parent, child in (("类", "款"), ("款", "项")):
                    for code, row in lv[parent]:
                        kids = [rr for cc, rr in lv[child] if cc.startswith(code)]
                        if kids:
                            check("%s %s %s = Σ %s" % (title, c, code, child), val(row, c), sum((val(rr, c) for rr in kids), zero))
                            totals_checked += 1
            elif "对比表" in title:
                byname = {n: row for row, (_, _, n) in info.items()}
                check("对比表 支出总计 %s" % c, val(byname["支出总计"], c), val(byname["基本支出"], c) + val(byname["项目支出"], c))
                check("对比表 收入总计 %s" % c, val(byname["收入总计"], c), val(byname["支出总计"], c))
                totals_checked += 2
            else:
                # Running totals: each total row is every detail row above it.
                acc = zero
                for row in sorted(kinds):
                    if kinds[row] == "total":
                        check("%s %s row %d (%s)" % (title, c, row, info[row][2]), val(row, c), acc)
                        totals_checked += 1
                    else:
                        acc += val(row, c)
        # Across: 合计 = its parts; P/小计 = P's other columns; 增减额.
        for row in kinds:
            for c in cols:
                base = c.rsplit("/", 1)
                parent = base[0] if len(base) == 2 else ""
                if base[-1] not in ("合计", "小计"):
                    continue
                # The parts of P/合计 and P/小计: P's other columns, a group
                # under P by its 小计 if it has one, else by its own parts;
                # never the 预留 columns of 政府采购 (amounts within the
                # others, not parts).
                def parts_of(p, skip):
                    out, seen = [], []
                    pre = p + "/" if p else ""
                    for x in cols:
                        if x == skip or not x.startswith(pre) or "预留" in x:
                            continue
                        k = x[len(pre):].split("/")[0]
                        if k in seen:
                            continue
                        seen.append(k)
                        if pre + k in cols:
                            out.append(pre + k)
                        elif pre + k + "/小计" in cols:
                            out.append(pre + k + "/小计")
                        else:
                            out += parts_of(pre + k, skip)
                    return out
                parts = parts_of(parent, c)
                check("%s row %d %s = Σ %s" % (title, row, c, parts), val(row, c), sum((val(row, x) for x in parts), zero))
                totals_checked += 1
            if "增减额" in cols:
                cur = [x for x in cols if x.endswith("年预算数")]
                check("%s row %d 增减额" % (title, row), val(row, "增减额"), val(row, cur[1]) - val(row, cur[0]))

# The workbook: every fact's exact value is a number on the sheet whose
# title is the table's.
wb = load_workbook(xlsx, data_only=True)
sheets = {}
for ws in wb.worksheets:
    for line in ws.iter_rows(min_row=1, max_row=3, values_only=True):
        for v in line:
            if isinstance(v, str):
                sheets.setdefault(v, ws)
missing = 0
for no, facts in tables.items():
    ws = sheets.get(facts[0]["table"])
    if ws is None:
        bad.append("no sheet titled %s" % facts[0]["table"])
        continue
    scale = {"万元": 1000000, "元": 100}[facts[0]["unit"]]  # 分 per unit
    nums = {round(v * scale) for line in ws.iter_rows(values_only=True) for v in line
            if isinstance(v, (int, float)) and not isinstance(v, bool)}
    for r in facts:
        if int(r["amount_fen"]) not in nums:
            missing += 1
            if missing < 5:
                bad.append("workbook: %s %s %s %s not on sheet %s" % (r["table"], r["name"], r["column"], r["amount_fen"], ws.title))
# The PDF: every total's printed amount, with thousands separators.
flat = re.sub(r"\s+", "", open(pdftxt, encoding="utf-8").read())
for r in rows:
    if r["row_kind"] == "total":
        d = Decimal(r["amount"])
        places = len(r["amount"].split(".")[1]) if "." in r["amount"] else 0
        shown = ["{:,.{}f}".format(d, places), "{:.{}f}".format(d, places)]
        if shown[0] not in flat and shown[1] not in flat:
            bad.append("PDF: no %s (%s %s %s)" % (shown[0], r["table"], r["name"], r["column"]))
print("totals checked:", totals_checked)
assert totals_checked > 300, totals_checked
if bad:
    print("\n".join(bad[:30]))
    sys.exit(1)
EOF
od_resum() { # FOLDER NAME HAND
    pdftotext -layout "$1/$2.pdf" "$OD/pdf.txt" 2>/dev/null
    if "$OD_PY" "$OD/resum.py" "$1/$2.data" "$1/$2.xlsx" "$OD/pdf.txt" "$3" >"$OD/sum.out" 2>&1; then pass
    else fail "e2e_opendata: $2: facts re-summed"; head -n 20 "$OD/sum.out"; fi
}
od_resum "$OD/a" "$OD_JS" jianshe
for cfg in jianshe-yuanbiao-2021 jianshe-district-2021 cangzhou-2020; do
    "$BIN" build -q -o "$OD/s-$cfg" "config/$cfg.ini" >/dev/null 2>&1
    n=$(cd "$OD/s-$cfg" 2>/dev/null && ls | sed -n 's/\.pdf$//p')
    [ -n "$n" ] && od_resum "$OD/s-$cfg" "$n" no || fail "e2e_opendata: $cfg not built"
done

# 5. Typed in 元, published in 万元: the same facts.
"$BIN" build -q -f pdf -o "$OD/yuan" config/jianshe-yuan-2021.ini >/dev/null 2>&1
yd=$(ls -d "$OD"/yuan/*.data 2>/dev/null | head -n 1)
[ -n "$yd" ] && cmp -s "$yd/facts.csv" "$DD/facts.csv" && pass || fail "e2e_opendata: jianshe-yuan-2021's facts.csv differs from jianshe-2021's"

# 6. data = no; a dropped table; NAME.data that is a file.
mkdir -p "$OD/p/config"
cp -r templates "$OD/p/" && cp -r input "$OD/p/"
sed 's/^formats = pdf,xlsx$/&\ndata = no/' config/jianshe-2021.ini >"$OD/p/config/nodata.ini"
(cd "$OD/p" && "$BIN" build -q -o out1 config/nodata.ini >/dev/null 2>&1)
[ -s "$OD/p/out1/$OD_JS.pdf" ] && [ ! -e "$OD/p/out1/$OD_JS.data" ] && pass || fail "e2e_opendata: data = no: $(ls -A "$OD/p/out1")"
[ "$(pdfdetach -list "$OD/p/out1/$OD_JS.pdf" 2>/dev/null | head -n 1)" = "0 embedded files" ] && pass \
    || fail "e2e_opendata: data = no: the PDF has embedded files"
cp -r "$OD/a" "$OD/p/out2"
printf 'x\r\n' >"$OD/p/out2/$OD_JS.data/table-99-gone.csv"
printf 'mine\n' >"$OD/p/out2/$OD_JS.data/notes.txt"
cp config/jianshe-2021.ini "$OD/p/config/data.ini"
(cd "$OD/p" && "$BIN" build -q -o out2 config/data.ini >/dev/null 2>&1)
[ ! -e "$OD/p/out2/$OD_JS.data/table-99-gone.csv" ] && [ -s "$OD/p/out2/$OD_JS.data/notes.txt" ] \
    && cmp -s "$OD/p/out2/$OD_JS.data/facts.csv" "$DD/facts.csv" && pass \
    || fail "e2e_opendata: after a rebuild the data folder holds $(ls -A "$OD/p/out2/$OD_JS.data" | tr '\n' ' ')"
mkdir -p "$OD/p/out3" && printf 'not a folder\n' >"$OD/p/out3/$OD_JS.data"
(cd "$OD/p" && "$BIN" build -q -o out3 config/data.ini >/dev/null 2>"$OD/err3")
st=$?
[ $st -eq 2 ] && grep -qF "it is not a folder" "$OD/err3" && [ "$(ls -A "$OD/p/out3")" = "$OD_JS.data" ] && pass \
    || fail "e2e_opendata: NAME.data a file: exit $st, $(head -c 300 "$OD/err3"); folder: $(ls -A "$OD/p/out3")"
# A build that fails (a character no font has) leaves no data folder behind.
(cd "$OD/p" && sed 's/^department *=.*/department = 示例市住房和城乡建设局𠀀/' config/data.ini >config/glyph.ini &&
    "$BIN" build -q -o out4 config/glyph.ini >/dev/null 2>&1)
[ -z "$(ls -A "$OD/p/out4" 2>/dev/null | grep -v '^\.budgetgen\.lock$')" ] && pass \
    || fail "e2e_opendata: a failed build left $(ls -A "$OD/p/out4")"

# 7. A bureau.
"$BIN" build -q -j 2 -o "$OD/bureau" config/jianshe-2021.ini config/cangzhou-2020.ini >/dev/null 2>&1
if "$OD_PY" - "$OD/bureau" >"$OD/bureau.out" 2>&1 <<'EOF'; then pass; else fail "e2e_opendata: the bureau's facts.csv and index"; head -n 10 "$OD/bureau.out"; fi
import csv, os, sys
out = sys.argv[1]
names = ["示例市住房和城乡建设局-2021", "沧州经济开发区管理委员会-2020"]
head = b"\xef\xbb\xbfdepartment,year,kind,phase,table_no,table,row,row_kind,code,level,classification,name,column,amount,unit,amount_fen\r\n"
want = head
rows = list(csv.reader(open(os.path.join(out, "index.csv"), encoding="utf-8-sig", newline="")))
assert rows[0][11:13] == ["数据包", "明细数据CSV"], rows[0]
order = [r[0] for r in rows[1:]]
for r in rows[1:]:
    n = [x for x in names if x.startswith(r[0])][0]
    assert r[11] == n + ".data/datapackage.json" and r[12] == n + ".data/facts.csv", r
    for p in r[11:13]:
        assert os.path.isfile(os.path.join(out, p)), p
    f = open(os.path.join(out, r[12]), "rb").read()
    assert f.startswith(head), r[12]
    want += f[len(head):]
got = open(os.path.join(out, "facts.csv"), "rb").read()
assert got == want, "bureau facts.csv is not the departments' facts under one header"
html = open(os.path.join(out, "index.html"), encoding="utf-8").read()
for n in names:
    from urllib.parse import quote
    for f in ("datapackage.json", "facts.csv"):
        assert 'href="%s"' % quote(n + ".data/" + f) in html, (n, f)
assert 'href="facts.csv"' in html
EOF

rm -rf "$OD"
