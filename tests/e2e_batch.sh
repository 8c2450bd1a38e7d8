# Batch builds and the portal index, sourced by tests/run.sh (which defines
# pass/fail, BIN and ROOT).  A bureau publishes many departments at once:
# each is built by its own worker process, one failure must not stop the
# others, messages must not interleave, and the index must list every
# department with correct figures and working links.  Timing is never
# tested here (see make bench).

EB=$(mktemp -d)
CZ=沧州经济开发区管理委员会
JS=示例市住房和城乡建设局

# Three departments: the two samples and a copy of the first under another
# name (the copy reads the same input, so its figures are the sample's).
mkdir -p "$EB/cfg"
cp config/cangzhou-2020.ini config/jianshe-2021.ini "$EB/cfg/"
sed "s/^department *=.*/department = ${CZ}（副本）/" config/cangzhou-2020.ini >"$EB/cfg/copy-2020.ini"
"$BIN" build -j 2 -o "$EB/out" --all "$EB/cfg" >"$EB/summary" 2>"$EB/err"
st=$?
[ $st -eq 0 ] && pass || { fail "batch: build --all exited $st"; tail -n 5 "$EB/err"; }
for n in "$CZ-2020" "${CZ}（副本）-2020" "$JS-2021"; do
    [ -s "$EB/out/$n.pdf" ] && [ -s "$EB/out/$n.xlsx" ] && pass || fail "batch: $n.pdf/.xlsx missing"
done
[ -z "$(ls -A "$EB/out" | grep '^\.')" ] && pass || fail "batch: temporary files left: $(ls -A "$EB/out")"
# The same bytes as a single build (the worker runs the ordinary path).
"$BIN" build -q -o "$EB/single" config/jianshe-2021.ini 2>/dev/null
cmp -s "$EB/single/$JS-2021.pdf" "$EB/out/$JS-2021.pdf" && pass || fail "batch: PDF differs from a single build"

# Messages as one block per department: every block with findings ends
# with that department's summary line, and holds exactly its own findings
# (as many warnings as a single check of the config), never a mix; a
# department without findings prints nothing but its progress line.
w_cz=$("$BIN" check config/cangzhou-2020.ini 2>&1 | grep -c ': warning: ')
w_js=$("$BIN" check config/jianshe-2021.ini 2>&1 | grep -c ': warning: ')
if python3 - "$EB/err" "$w_cz" "$w_js" <<'EOF'; then pass; else fail "batch: messages of departments interleave"; fi
import re, sys
cz, js = int(sys.argv[2]), int(sys.argv[3])
want = {"cangzhou-2020.ini": cz, "copy-2020.ini": cz, "jianshe-2021.ini": js}
seen, warnings = {}, 0
for line in open(sys.argv[1], encoding="utf-8"):
    if ": warning: " in line:
        warnings += 1
    m = re.match(r"budgetgen: .*/([^/]+\.ini): (\d+) errors?, (\d+) warnings?$", line.rstrip("\n"))
    if m:
        cfg, w = m.group(1), int(m.group(3))
        if w != want.get(cfg) or warnings != w:
            sys.exit("%s: block holds %d warning lines, summary says %d" % (cfg, warnings, w))
        seen[cfg] = 1
        warnings = 0
sys.exit(0 if set(seen) == set(k for k in want if want[k]) and warnings == 0 else "blocks: %s" % seen)
EOF
# Not a terminal: plain progress lines, then the summary table on stdout,
# with the page count read back from each PDF (as pdfinfo counts).
pages_cz=$(pdfinfo "$EB/out/$CZ-2020.pdf" 2>/dev/null | awk '/^Pages:/ {print $2}')
pages_js=$(pdfinfo "$EB/out/$JS-2021.pdf" 2>/dev/null | awk '/^Pages:/ {print $2}')
[ "$(grep -c '^\[[1-3]/3\] .*: built, ' "$EB/err")" = 3 ] && pass || fail "batch: no plain progress lines"
grep -q '^3 departments: 3 built, 0 failed' "$EB/summary" && grep -q "^${CZ}（副本）  *built  *$pages_cz " "$EB/summary" \
    && grep -q "^$JS  *built  *$pages_js " "$EB/summary" && pass || { fail "batch: summary table"; cat "$EB/summary"; }

# The index: index.csv read with the csv module, index.html with
# html.parser; figures, pages, sizes and links checked.
if python3 - "$EB/out" "$pages_cz" "$pages_js" >"$EB/index.out" 2>&1 <<'EOF'; then pass; else fail "batch: index.csv / index.html"; cat "$EB/index.out"; fi
import csv, html.parser, os, sys, urllib.parse
out, pcz, pjs = sys.argv[1], sys.argv[2], sys.argv[3]
CZ, JS = "沧州经济开发区管理委员会", "示例市住房和城乡建设局"
want = {  # department: year, 收入总计, 支出总计, 三公合计, pages, file name
    CZ: ("2020", "72899.00", "72899.00", "240.00", pcz, CZ + "-2020"),
    CZ + "（副本）": ("2020", "72899.00", "72899.00", "240.00", pcz, CZ + "（副本）-2020"),
    JS: ("2021", "26341.19", "26341.19", "65.95", pjs, JS + "-2021"),
}
raw = open(os.path.join(out, "index.csv"), "rb").read()
assert raw.startswith(b"\xef\xbb\xbf"), "index.csv has no UTF-8 BOM"
rows = list(csv.reader(raw.decode("utf-8-sig").splitlines()))
assert rows[0][:5] == ["部门", "年度", "收入总计（万元）", "支出总计（万元）", "“三公”经费合计（万元）"], rows[0]
assert len(rows) == 4, "index.csv has %d rows" % (len(rows) - 1)
for r in rows[1:]:
    y, rev, exp, tp, pages, name = want[r[0]]
    assert r[1:5] == [y, rev, exp, tp], r
    assert r[5] == name + ".pdf" and r[6] == name + ".xlsx", r
    assert r[7] == pages, (r[7], pages)
    assert int(r[8]) == os.path.getsize(os.path.join(out, r[5])), r
    assert int(r[9]) == os.path.getsize(os.path.join(out, r[6])), r

class P(html.parser.HTMLParser):
    def __init__(self):
        super().__init__()
        self.rows, self.row, self.cell, self.links, self.tags = [], None, None, [], []
    def handle_starttag(self, tag, attrs):
        a = dict(attrs)
        self.tags.append((tag, a))
        if tag == "tr":
            self.row = []
        elif tag in ("td", "th") and self.row is not None:
            self.cell = ""
        elif tag == "a":
            self.links.append(a.get("href"))
    def handle_endtag(self, tag):
        if tag in ("td", "th") and self.cell is not None:
            self.row.append(self.cell.strip())
            self.cell = None
        elif tag == "tr" and self.row is not None:
            self.rows.append(self.row)
            self.row = None
    def handle_data(self, data):
        if self.cell is not None:
            self.cell += data
text = open(os.path.join(out, "index.html"), encoding="utf-8").read()
p = P()
p.feed(text)
assert p.rows[0][0] == "部门", p.rows[0]
body = {r[0]: r for r in p.rows[1:]}
assert set(body) == set(want), sorted(body)
assert body[CZ][2:5] == ["72,899.00", "72,899.00", "240.00"], body[CZ]
assert body[JS][2:5] == ["26,341.19", "26,341.19", "65.95"], body[JS]
# PDF, XLSX, datapackage.json and facts.csv of each, and the bureau's facts.csv.
assert len(p.links) == 13, p.links
for href in p.links:
    assert "://" not in href and not href.startswith("/"), href
    assert os.path.isfile(os.path.join(out, urllib.parse.unquote(href))), href
# Self-contained: no external script, style, image or font.
for tag, a in p.tags:
    assert not a.get("src") and not (tag == "link"), (tag, a)
assert "<style>" in text and "<script>" in text and 'charset="utf-8"' in text
assert "http:" not in text and "https:" not in text and "@import" not in text
EOF

# Failure isolation: a department with an error in its data is reported
# and not written; the others are built; exit 1; the index is rewritten and
# lists the failed department (never published) as 未更新, without a link.
mkdir -p "$EB/bad/in"
cp -r input/cangzhou-2020/. "$EB/bad/in/"
sed -i 's/^合计,240,240,,$/合计,245,245,,/' "$EB/bad/in/three_public.csv"
sed -e "s|^dir *= input/cangzhou-2020|dir = $EB/bad/in|" -e "s/^department *=.*/department = 有错误的部门/" \
    config/cangzhou-2020.ini >"$EB/cfg/bad.ini"
rm -f "$EB/out/$CZ-2020.pdf"
"$BIN" build -q -j 2 -o "$EB/out" --root / config/cangzhou-2020.ini "$EB/cfg/bad.ini" \
    config/jianshe-2021.ini >/dev/null 2>"$EB/err2"
st=$?
[ $st -eq 1 ] && pass || fail "batch: a department with data errors: exit $st, expected 1"
[ -s "$EB/out/$CZ-2020.pdf" ] && [ ! -e "$EB/out/有错误的部门-2020.pdf" ] && pass \
    || fail "batch: the good departments were not all built, or the bad one was"
grep -q 'three_public.csv:6:2: error: 合计 is 245.00 but its items sum to 240.00' "$EB/err2" \
    && grep -q '1 of 3 departments failed: the portal index lists its previously published files' "$EB/err2" \
    && pass || { fail "batch: failure not reported"; cat "$EB/err2"; }
python3 - "$EB/out/index.csv" <<'EOF2' && pass || fail "batch: index after a failed department"
import csv, sys
rows = {r[0]: r for r in csv.reader(open(sys.argv[1], encoding="utf-8-sig"))}
bad = rows["有错误的部门"]
assert bad[1:10] == ["2020"] + [""] * 8, bad
assert bad[10] == "未更新：本次生成失败，见日志", bad
assert rows["沧州经济开发区管理委员会"][10] == "已更新", rows
EOF2

# Crash isolation: a worker killed in the middle of writing (the test hook
# sends SIGKILL before its rename) costs only its own department; its
# published files stay as they were and its temporary files are removed.
echo previous >"$EB/out/$JS-2021.pdf"
BUDGETGEN_TEST_CRASH_CONFIG=config/jianshe-2021.ini \
    "$BIN" build -q -j 2 -o "$EB/out" config/cangzhou-2020.ini config/jianshe-2021.ini >/dev/null 2>"$EB/err3"
st=$?
[ $st -eq 2 ] && grep -q 'killed by signal 9' "$EB/err3" && pass || fail "batch: a crashed worker: exit $st"
[ "$(cat "$EB/out/$JS-2021.pdf")" = previous ] && pass || fail "batch: a crashed worker replaced its PDF"
[ -z "$(ls -A "$EB/out" | grep '^\.')" ] && pass || fail "batch: a crashed worker left $(ls -A "$EB/out" | grep '^\.')"

# One config listed twice writes the same files twice: refused before
# anything is built.
"$BIN" build -q -o "$EB/dup" config/jianshe-2021.ini config/jianshe-2021.ini >/dev/null 2>"$EB/err4"
st=$?
[ $st -eq 2 ] && [ "$(grep -c 'writes .* like config/jianshe-2021.ini' "$EB/err4")" = 2 ] \
    && [ ! -e "$EB/dup/$JS-2021.pdf" ] && pass || fail "batch: duplicate output not refused (exit $st)"

# The index in the first department's folder links the others relatively.
# (Output folders under /tmp named by the configs: --root /.)
sed "s|^dir *= output|dir = $EB/other|" config/jianshe-2021.ini >"$EB/js-other.ini"
sed "s|^dir *= output|dir = $EB/first|" config/cangzhou-2020.ini >"$EB/cz-first.ini"
"$BIN" build -q --root / "$EB/cz-first.ini" "$EB/js-other.ini" >/dev/null 2>&1
grep -q "<a href=\"../other/$(python3 -c 'import urllib.parse,sys; print(urllib.parse.quote(sys.argv[1]))' "$JS-2021.pdf")\">" \
    "$EB/first/index.html" 2>/dev/null && pass || fail "batch: relative link to another output folder"

# Output folders outside the project folder (the configs' own [output] dir,
# no -o): each worker refuses its config at that line, and the parent, which
# creates the departments' folders before the workers start, creates neither.
sed "s|^dir *= output|dir = $EB/escaped1|" config/jianshe-2021.ini >"$EB/esc1.ini"
sed "s|^dir *= output|dir = $EB/escaped2|" config/cangzhou-2020.ini >"$EB/esc2.ini"
"$BIN" build -q "$EB/esc1.ini" "$EB/esc2.ini" >/dev/null 2>"$EB/err5"
st=$?
[ $st -eq 2 ] && [ ! -e "$EB/escaped1" ] && [ ! -e "$EB/escaped2" ] &&
    grep -q "^$EB/esc1.ini:[0-9]*: error: dir = \"$EB/escaped1\": outside the project folder $(pwd -P) " "$EB/err5" &&
    pass || { fail "batch: output folders outside the project folder (exit $st)"; head -n 5 "$EB/err5"; }

# ---- issue 12: the index describes the files on disk; names; CSV injection --

# Reads the portal index of folder $1 back (index.csv with the csv module,
# index.html with html.parser) and checks it against the folder itself:
# every row's links are exactly the department's files that exist, sizes
# from os.stat, pages from pdfinfo (never from budgetgen), every PDF and
# XLSX in the folder linked by a row, and the HTML saying the same as the
# CSV.  Prints the rows as JSON for the caller's own checks.
cat >"$EB/index_vs_disk.py" <<'EOF'
import csv, html.parser, json, os, subprocess, sys, urllib.parse
out = sys.argv[1]
raw = open(os.path.join(out, "index.csv"), "rb").read()
assert raw.startswith(b"\xef\xbb\xbf"), "no BOM"
rows = list(csv.reader(raw.decode("utf-8-sig").splitlines()))
head, body = rows[0], rows[1:]
assert head == ["部门", "年度", "收入总计（万元）", "支出总计（万元）", "“三公”经费合计（万元）",
                "PDF", "XLSX", "页数", "PDF字节数", "XLSX字节数", "状态", "数据包", "明细数据CSV",
                "类型"], head
def pages(path):
    info = subprocess.run(["pdfinfo", path], capture_output=True, text=True, check=True).stdout
    return next(l.split()[1] for l in info.splitlines() if l.startswith("Pages:"))
linked = set()
for r in body:
    for col, size_col in ((5, 8), (6, 9)):
        if r[col]:
            path = os.path.join(out, r[col])
            assert os.path.isfile(path), ("linked but missing", r[col])
            assert int(r[size_col]) == os.stat(path).st_size, ("size", r)
            linked.add(os.path.realpath(path))
        else:
            assert r[size_col] == "", ("size without a file", r)
    if r[5]:
        assert r[7] == pages(os.path.join(out, r[5])), ("pages", r, pages(os.path.join(out, r[5])))
    else:
        assert r[7] == "", r
    assert r[10] in ("已更新", "未更新：本次生成失败，见日志"), r
    for col in (11, 12):  # the open data, when published
        link = r[col][1:] if r[col][:1] == "'" else r[col]
        assert not link or os.path.isfile(os.path.join(out, link)), ("data linked but missing", r)
    if r[10] != "已更新":
        assert r[2:5] == ["", "", ""], ("figures of files not built now", r)
    assert r[13] in ("预算", "决算"), ("kind", r)
on_disk = {os.path.realpath(os.path.join(out, f)) for f in os.listdir(out)
           if f.endswith((".pdf", ".xlsx")) and not f.startswith(".")}
unlisted = set(sys.argv[2:])  # files the caller knows are nobody's (refused)
assert {p for p in on_disk if os.path.basename(p) not in unlisted} == linked, (on_disk, linked)

class P(html.parser.HTMLParser):
    def __init__(self):
        super().__init__()
        self.rows, self.row, self.cell = [], None, None
    def handle_starttag(self, tag, attrs):
        if tag == "tr":
            self.row = []
        elif tag == "td" and self.row is not None:
            self.cell, self.href = "", None
        elif tag == "a" and self.cell is not None:
            self.cell += urllib.parse.unquote(dict(attrs)["href"]) + "|"
    def handle_endtag(self, tag):
        if tag == "td" and self.cell is not None:
            self.row.append(self.cell)
            self.cell = None
        elif tag == "tr" and self.row:
            self.rows.append(self.row)
            self.row = None
    def handle_data(self, data):
        if self.cell is not None:
            self.cell += data
p = P()
p.feed(open(os.path.join(out, "index.html"), encoding="utf-8").read())
assert len(p.rows) == len(body), (len(p.rows), len(body))
for h, r in zip(p.rows, body):
    name = r[0][1:] if r[0][:1] == "'" else r[0]
    assert h[0] == name, (h, r)
    for col, label in ((5, "PDF"), (6, "XLSX")):
        link = r[col][1:] if r[col][:1] == "'" else r[col]
        assert h[col] == (link + "|" + label if link else ""), (h[col], r[col])
    assert h[7] == r[7] and h[9] == r[10], (h, r)  # the HTML has one size column
    assert h[11] == r[13], (h, r)  # the kind, last
print(json.dumps(body, ensure_ascii=False))
EOF

# The README's bureau command on the shipped samples, in a copy of the
# project: every config builds (no two write the same files), exit 0, and
# the index lists exactly the departments the configs describe (parsed here
# with configparser: department, year, [output] name or 部门名称-年度).
SB=$EB/samples
mkdir -p "$SB"
cp -r config input templates "$SB/"
(cd "$SB" && "$BIN" build -q -j 2 --all config/ >/dev/null 2>"$SB/err")
st=$?
[ $st -eq 0 ] && pass || { fail "batch: build -j 2 --all config/ on the samples exited $st"; grep -v warning "$SB/err" | head -n 5; }
if python3 - "$SB" "$EB/index_vs_disk.py" >"$SB/check" 2>&1 <<'EOF'; then pass; else fail "batch: the samples' index"; cat "$SB/check"; fi
import configparser, glob, json, os, subprocess, sys
root, checker = sys.argv[1], sys.argv[2]
want = set()
paths = sorted(glob.glob(os.path.join(root, "config", "*.ini")))
for path in paths:
    c = configparser.ConfigParser(interpolation=None)
    c.read(path, encoding="utf-8")
    dept, year = c["document"]["department"], c["document"]["year"]
    name = c.get("output", "name", fallback="%s-%s" % (dept, year))
    assert c.get("output", "dir", fallback="output") == "output", path
    kind = "决算" if c.get("document", "kind", fallback="预算") in ("决算", "juesuan") else "预算"
    want.add((dept, year, name + ".pdf", name + ".xlsx", "已更新", kind))
assert len(want) == len(paths) >= 9, want  # one department per config
rows = json.loads(subprocess.run([sys.executable, checker, os.path.join(root, "output")],
                                 capture_output=True, text=True, check=True).stdout)
got = {(r[0], r[1], r[5], r[6], r[10], r[13]) for r in rows}
assert "决算" in {r[13] for r in rows}, "the bureau's 决算 is not listed as one"
assert len(rows) == len(want) and got == want, (sorted(got), sorted(want))
EOF

# A department that fails after a successful run: its previously published
# files stay, and the index rewritten after the run lists them as they are
# on disk (size, pages), marked 未更新, without figures; the department
# built now is listed with its new files (here the XLSX the first run, with
# -f pdf, did not write) and its figures.
ST=$EB/stale
mkdir -p "$ST/in"
cp -r input/cangzhou-2020/. "$ST/in/"
sed "s|^dir *= input/cangzhou-2020|dir = $ST/in|" config/cangzhou-2020.ini >"$ST/cz.ini"
"$BIN" build -q -j 2 -f pdf -o "$ST/out" --root / "$ST/cz.ini" config/jianshe-2021.ini >/dev/null 2>&1
st1=$?
sed -i 's/^合计,240,240,,$/合计,245,245,,/' "$ST/in/three_public.csv"
"$BIN" build -q -j 2 -o "$ST/out" --root / "$ST/cz.ini" config/jianshe-2021.ini >/dev/null 2>"$ST/err"
st2=$?
[ $st1 -eq 0 ] && [ $st2 -eq 1 ] && pass || fail "batch: stale: exits $st1, $st2 (expected 0, 1)"
if python3 - "$ST/out" "$EB/index_vs_disk.py" >"$ST/check" 2>&1 <<'EOF'; then pass; else fail "batch: index after a partial failure"; cat "$ST/check"; fi
import json, os, subprocess, sys
out, checker = sys.argv[1], sys.argv[2]
rows = json.loads(subprocess.run([sys.executable, checker, out], capture_output=True, text=True,
                                 check=True).stdout)
by = {r[0]: r for r in rows}
cz, js = by["沧州经济开发区管理委员会"], by["示例市住房和城乡建设局"]
assert cz[5] == "沧州经济开发区管理委员会-2020.pdf" and cz[6] == "", cz  # the PDF of run 1, no XLSX ever
assert cz[10] == "未更新：本次生成失败，见日志" and cz[2:5] == ["", "", ""], cz
assert js[5:7] == ["示例市住房和城乡建设局-2021.pdf", "示例市住房和城乡建设局-2021.xlsx"], js
assert js[2:5] == ["26341.19", "26341.19", "65.95"] and js[10] == "已更新", js
EOF

# Two configs writing the same files, in a bureau with a third: both are
# refused, each message naming the other; the files already published under
# that name stay as they were; the third is built and the index written.
CO=$EB/coll
mkdir -p "$CO/cfg" "$CO/out"
cp config/jianshe-2021.ini "$CO/cfg/a-jianshe.ini"
sed "s/^department *=.*/department = 示例市住房和城乡建设局（复制）/; s/^\[output\]$/[output]\nname = $JS-2021/" \
    config/jianshe-2021.ini >"$CO/cfg/b-copy.ini"
cp config/cangzhou-2020.ini "$CO/cfg/c-cz.ini"
echo previous >"$CO/out/$JS-2021.pdf"
"$BIN" build -q -j 2 -o "$CO/out" --all "$CO/cfg" >/dev/null 2>"$CO/err"
st=$?
[ $st -eq 2 ] && grep -q "^budgetgen: error: $CO/cfg/a-jianshe.ini: writes $CO/out/$JS-2021 like $CO/cfg/b-copy.ini: neither is built" "$CO/err" \
    && grep -q "^budgetgen: error: $CO/cfg/b-copy.ini: writes $CO/out/$JS-2021 like $CO/cfg/a-jianshe.ini: neither is built" "$CO/err" \
    && pass || { fail "batch: a collision is not reported for both configs (exit $st)"; cat "$CO/err"; }
[ "$(cat "$CO/out/$JS-2021.pdf")" = previous ] && [ ! -e "$CO/out/$JS-2021.xlsx" ] && [ -s "$CO/out/$CZ-2020.pdf" ] \
    && pass || fail "batch: collision: a refused department was written, or the third was not"
if python3 "$EB/index_vs_disk.py" "$CO/out" "$JS-2021.pdf" >"$CO/rows" 2>&1 && python3 - "$CO/rows" <<'EOF'; then pass; else fail "batch: index after a collision"; cat "$CO/rows"; fi
import json, sys
rows = json.load(open(sys.argv[1]))
assert [(r[0], r[5], r[10]) for r in rows] == [
    ("示例市住房和城乡建设局", "", "未更新：本次生成失败，见日志"),
    ("示例市住房和城乡建设局（复制）", "", "未更新：本次生成失败，见日志"),
    ("沧州经济开发区管理委员会", "沧州经济开发区管理委员会-2020.pdf", "已更新")], rows
EOF

# CSV injection: a department named =HYPERLINK(…) or @…, and a file name
# starting with '-', are text cells of index.csv written with a leading '
# (read back with the csv module); numbers are not; the HTML index shows
# the names as text (no markup from a name).
IJ=$EB/inject
mkdir -p "$IJ/cfg"
sed -e 's/^department *=.*/department = =HYPERLINK("http:\/\/x","y")/' -e 's/^\[output\]$/[output]\nname = hyperlink-2021/' \
    config/jianshe-2021.ini >"$IJ/cfg/a.ini"
sed -e 's/^department *=.*/department = @x<script>alert(1)<\/script>\&amp;/' -e 's/^\[output\]$/[output]\nname = -at-2021/' \
    config/jianshe-2021.ini >"$IJ/cfg/b.ini"
"$BIN" build -q -j 2 -o "$IJ/out" --all "$IJ/cfg" >/dev/null 2>"$IJ/err"
st=$?
[ $st -eq 0 ] && pass || { fail "batch: injection configs exited $st"; head -n 5 "$IJ/err"; }
if python3 - "$IJ/out" >"$IJ/check" 2>&1 <<'EOF'; then pass; else fail "batch: CSV injection / HTML escaping in the index"; cat "$IJ/check"; fi
import csv, os, sys
out = sys.argv[1]
rows = list(csv.reader(open(os.path.join(out, "index.csv"), encoding="utf-8-sig", newline="")))
a, b = rows[1], rows[2]
assert a[0] == "'=HYPERLINK(\"http://x\",\"y\")", a[0]
assert b[0] == "'@x<script>alert(1)</script>&amp;", b[0]
assert a[5] == "hyperlink-2021.pdf" and b[5] == "'-at-2021.pdf" and b[6] == "'-at-2021.xlsx", (a, b)
assert a[2] == "26341.19" and a[1] == "2021", a
for r in rows:
    for cell in r:
        assert cell[:1] not in ("=", "+", "-", "@", "\t", "\r"), (cell, r)
text = open(os.path.join(out, "index.html"), encoding="utf-8").read()
assert text.count("<script") == 1, "markup from a name"
assert "@x&lt;script&gt;alert(1)&lt;/script&gt;&amp;amp;" in text
assert "=HYPERLINK(&quot;http://x&quot;,&quot;y&quot;)" in text
EOF

# Usage: check stays single-config; --all wants a folder with configs.
expect_status 2 "$BIN" check config/cangzhou-2020.ini config/jianshe-2021.ini
expect_status 2 "$BIN" check --all config
expect_status 2 "$BIN" build --all "$EB/nonexistent"
mkdir -p "$EB/empty"
expect_status 2 "$BIN" build --all "$EB/empty"
expect_status 2 "$BIN" build -j 0 config/cangzhou-2020.ini config/jianshe-2021.ini
expect_status 2 "$BIN" build -q -o "$EB/m" config/jianshe-2021.ini no/such.ini
[ -s "$EB/m/$JS-2021.pdf" ] && pass || fail "batch: a missing config stopped the others"
"$BIN" --help | grep -q -- '--all DIR' && pass || fail "batch: --help does not show --all"

# Under ASan+UBSan, leaks included, in the parent and in every worker.
if [ "${QUICK:-0}" -eq 0 ] && [ -x "${ASAN_BIN:-}" ]; then
    ASAN_OPTIONS=detect_leaks=1 "$ASAN_BIN" build -q -j 2 -o "$EB/asan" config/cangzhou-2020.ini \
        config/jianshe-2021.ini >/dev/null 2>"$EB/asan.err"
    st=$?
    [ $st -eq 0 ] && [ -s "$EB/asan/index.html" ] && ! grep -q -e 'Sanitizer' -e 'runtime error' "$EB/asan.err" \
        && pass || { fail "batch: ASan build exited $st"; grep -A 5 -e Sanitizer -e 'runtime error' "$EB/asan.err" | head -n 20; }
fi

# The synthetic bureau generator: deterministic, and its departments pass
# check with neither error nor warning.
python3 tools/synth.py --out "$EB/s1" -n 3 --seed 7 >/dev/null &&
    python3 tools/synth.py --out "$EB/s2" -n 3 --seed 7 >/dev/null
diff -r "$EB/s1/input" "$EB/s2/input" >/dev/null && pass || fail "synth.py: not deterministic"
for c in "$EB"/s1/config/*.ini; do
    out=$("$BIN" check --root / "$c" 2>&1) # its folders are under /tmp
    printf '%s\n' "$out" | grep -q ': 0 errors, 0 warnings$' && pass || { fail "synth.py: $c does not pass check"; printf '%s\n' "$out" | head -n 5; }
done
n=$(($(wc -l <"$EB/s1/input/d0001-2021/performance.csv") - 1))
[ "$n" -ge 50 ] && [ "$n" -le 300 ] && pass || fail "synth.py: performance table of $n rows"
python3 tools/synth.py --out "$EB/s3" -n 1 --perf-rows 77 >/dev/null
[ "$(($(wc -l <"$EB/s3/input/d0001-2021/performance.csv") - 1))" = 77 ] && pass || fail "synth.py: --perf-rows"

rm -rf "$EB"
