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
assert len(p.links) == 6
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
# and not written; the others are built; exit 1; the index (which would
# be incomplete) is not replaced.
mkdir -p "$EB/bad/in"
cp -r input/cangzhou-2020/. "$EB/bad/in/"
sed -i 's/^合计,240,240,,$/合计,245,245,,/' "$EB/bad/in/three_public.csv"
sed -e "s|^dir *= input/cangzhou-2020|dir = $EB/bad/in|" -e "s/^department *=.*/department = 有错误的部门/" \
    config/cangzhou-2020.ini >"$EB/cfg/bad.ini"
cp "$EB/out/index.html" "$EB/index.before"
rm -f "$EB/out/$CZ-2020.pdf"
"$BIN" build -q -j 2 -o "$EB/out" --root / config/cangzhou-2020.ini "$EB/cfg/bad.ini" \
    config/jianshe-2021.ini >/dev/null 2>"$EB/err2"
st=$?
[ $st -eq 1 ] && pass || fail "batch: a department with data errors: exit $st, expected 1"
[ -s "$EB/out/$CZ-2020.pdf" ] && [ ! -e "$EB/out/有错误的部门-2020.pdf" ] && pass \
    || fail "batch: the good departments were not all built, or the bad one was"
grep -q 'three_public.csv:6:2: error: 合计 is 245.00 but its items sum to 240.00' "$EB/err2" \
    && grep -q 'portal index was not updated' "$EB/err2" && pass || { fail "batch: failure not reported"; cat "$EB/err2"; }
cmp -s "$EB/index.before" "$EB/out/index.html" && pass || fail "batch: index replaced after a failed department"

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

# Two configs writing the same files are refused before anything is built.
"$BIN" build -q -o "$EB/dup" config/jianshe-2021.ini config/jianshe-2021.ini >/dev/null 2>"$EB/err4"
st=$?
[ $st -eq 2 ] && grep -q 'writes .* like config/jianshe-2021.ini' "$EB/err4" && pass \
    || fail "batch: duplicate output not refused (exit $st)"

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
