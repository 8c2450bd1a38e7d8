# End-to-end tests of the sample disclosure, sourced by tests/run.sh (which
# defines pass/fail, BIN and ROOT).  They build the sample into a temporary
# folder and check what a reader and an auditor would check.

E2E=$(mktemp -d)
# The project's glyph checker (composites, every character shown, given texts).
GLYPH_CHECK=$ROOT/tests/tools/pdf_glyph_check.py
SAMPLE=config/cangzhou-2020.ini
NAME=沧州经济开发区管理委员会-2020

# check: the sample reproduces seed 004 as published, so the seed's own
# inconsistency (2019 支出总计 62899 ≠ 19946 + 42943) must be found.
"$BIN" check $SAMPLE >"$E2E/check.out" 2>"$E2E/check.err"
st=$?
[ $st -eq 0 ] && pass || fail "e2e: check on the sample exited $st"
grep -q '^input/cangzhou-2019/summary.csv:3:2: warning: 支出总计 is 62899.00 but 基本支出 + 项目支出 = 62889.00$' "$E2E/check.err" \
    && pass || fail "e2e: check did not report the seed's 2019 inconsistency"
grep -q 'row repeats line' "$E2E/check.err" && pass || fail "e2e: duplicated performance rows not reported"

# build writes both files, atomically, nothing else.
"$BIN" build -q -o "$E2E/out" $SAMPLE 2>"$E2E/build.err"
st=$?
[ $st -eq 0 ] && pass || { fail "e2e: build exited $st"; cat "$E2E/build.err"; }
PDF=$E2E/out/$NAME.pdf
XLSX=$E2E/out/$NAME.xlsx
[ -s "$PDF" ] && pass || fail "e2e: $PDF missing"
[ -s "$XLSX" ] && pass || fail "e2e: $XLSX missing"
[ -z "$(ls -A "$E2E/out" | grep -v -e '\.pdf$' -e '\.xlsx$' -e '\.data$')" ] && pass || fail "e2e: stray files in the output folder: $(ls -A "$E2E/out")"

if [ -s "$PDF" ]; then
    qpdf --check "$PDF" >/dev/null 2>&1 && pass || fail "e2e: qpdf --check fails"
    # Only embedded subset fonts (columns: name type encoding emb sub uni).
    fonts=$(pdffonts "$PDF" 2>/dev/null | tail -n +3)
    if [ -n "$fonts" ] && ! printf '%s\n' "$fonts" | awk '{ if ($(NF-4) != "yes" || $(NF-3) != "yes") bad = 1 } END { exit !bad }'; then
        pass
    else
        fail "e2e: a font is not embedded as a subset: $fonts"
    fi
    /usr/bin/python3 tests/tools/pdf_text_checks.py "$PDF" input/cangzhou-2020 >"$E2E/text.out" 2>&1 \
        && pass || { fail "e2e: PDF text checks"; grep FAIL "$E2E/text.out"; }
    # Glyphs: every character shown draws something in the font showing it
    # (the document uses two fonts, each subset to what it draws), and no
    # composite glyph lost a component (libharu's bugs).
    if "$GLYPH_CHECK" "$PDF" >"$E2E/glyph.out" 2>&1; then
        pass
    else
        fail "e2e: pdf_glyph_check.py finds blank glyphs or broken composites in the sample PDF"
        head -n 5 "$E2E/glyph.out"
    fi
    # Size: the seed's disclosure alone (its seven sections, seed004.tpl,
    # without the open data it carries by default: docs/open-data.md) must
    # stay under 300 KB; the demo adds the standard table set to it.
    sed -e 's|^template *=.*|template = templates/seed004.tpl|' -e 's|^\[output\]$|&\ndata = no|' \
        $SAMPLE >"$E2E/seed.ini"
    "$BIN" build -q -f pdf -o "$E2E/seed" "$E2E/seed.ini" 2>/dev/null
    size=$(stat -c %s "$E2E/seed/$NAME.pdf" 2>/dev/null || echo 0)
    [ "$size" -gt 0 ] && [ "$size" -lt 300000 ] && pass || fail "e2e: the seed disclosure PDF is $size bytes (limit 300 KB)"
    # libharu 2.3.0 cannot write an embedded font whose tables add up to a
    # multiple of 4096 bytes with an empty 'prep' last (HARU_PREP in
    # render_pdf.c).  tests/data/haru4096 is a department whose body font
    # did exactly that (error 0x1033, nothing written); it must build, and
    # every embedded font must carry a non-empty 'prep', whatever the sizes.
    "$BIN" build -q -o "$E2E/h4096" tests/data/haru4096/config.ini 2>"$E2E/h4096.err"
    st=$?
    H4=$E2E/h4096/新港区退役军人事务局-2021.pdf
    [ $st -eq 0 ] && [ -s "$H4" ] && pass || { fail "e2e: haru4096 fixture: exit $st"; head -n 3 "$E2E/h4096.err"; }
    # (read as plain objects: budgetgen packs the dictionaries, /Length among
    # them, into an object stream, gen/pdf_pack.c)
    qpdf --object-streams=disable "$H4" "$E2E/h4096.plain.pdf" 2>/dev/null
    if /usr/bin/python3 - "$E2E/h4096.plain.pdf" >"$E2E/h4096.prep" 2>&1 <<'PYEOF'; then pass; else fail "e2e: an embedded font has an empty 'prep'"; cat "$E2E/h4096.prep"; fi
import io, re, sys, zlib
from fontTools.ttLib import TTFont
d = open(sys.argv[1], 'rb').read()
objs = {int(m.group(1)): m.group(2) for m in re.finditer(rb'(\d+) 0 obj\s*(.*?)endobj', d, re.S)}
n = 0
for b in objs.values():
    if b'/Length1' not in b:
        continue
    head = b[:b.index(b'stream')]
    m = re.search(rb'/Length (\d+)( 0 R)?', head)
    ln = int(objs[int(m.group(1))].strip()) if m.group(2) else int(m.group(1))
    data = zlib.decompress(b[b.index(b'stream') + 6:].lstrip(b'\r\n')[:ln])
    f = TTFont(io.BytesIO(data))
    if 'prep' not in f.reader.keys() or f.reader.tables['prep'].length == 0:
        sys.exit("font %s: empty prep" % f['name'].getDebugName(6))
    n += 1
sys.exit(0 if n == 2 else "expected 2 embedded fonts, found %d" % n)
PYEOF
    # Determinism: the same input gives the same bytes.
    "$BIN" build -q -o "$E2E/out2" $SAMPLE 2>/dev/null
    cmp -s "$PDF" "$E2E/out2/$NAME.pdf" && pass || fail "e2e: two PDF builds differ"
    cmp -s "$XLSX" "$E2E/out2/$NAME.xlsx" && pass || fail "e2e: two XLSX builds differ"
    SOURCE_DATE_EPOCH=1700000000 "$BIN" build -q -o "$E2E/out3" $SAMPLE 2>/dev/null
    pdfinfo "$E2E/out3/$NAME.pdf" 2>/dev/null | grep -q 'CreationDate:.*2023' \
        && pass || fail "e2e: SOURCE_DATE_EPOCH does not set the PDF date"
fi

# The glyph checker can fail: a font whose 局 is deliberately blank (still in
# its cmap, so the generator draws it) must be caught both as a shown
# character and in a given text; a character the document never shows (厅)
# is missing from the font; a composite glyph whose component is blanked in
# the embedded font program is broken even though it still draws something.
G=$E2E/data/glyph
mkdir -p "$E2E/data"
cp -r tests/data/glyph "$E2E/data/"
if /usr/bin/python3 "$G/make_font.py" "$G/font.ttf" 局 2>/dev/null &&
    (cd "$G" && "$BIN" build -q config.ini 2>/dev/null); then
    printf '测试市示例局\n' >"$G/text.txt"
    "$GLYPH_CHECK" "$G/out/测试市示例局-2021.pdf" >"$G/c1" 2>&1
    st=$?
    [ $st -eq 1 ] && grep -q 'shown draw nothing: 局$' "$G/c1" && pass \
        || { fail "e2e: pdf_glyph_check.py missed the blank 局 shown (exit $st)"; cat "$G/c1"; }
    "$GLYPH_CHECK" "$G/out/测试市示例局-2021.pdf" "$G/text.txt" >"$G/c2" 2>&1
    st=$?
    [ $st -eq 1 ] && grep -q "text's characters draw nothing: 局$" "$G/c2" && pass \
        || { fail "e2e: pdf_glyph_check.py missed the blank 局 in the text (exit $st)"; cat "$G/c2"; }
    # Control: the same font without the blank passes.
    /usr/bin/python3 "$G/make_font.py" "$G/font.ttf" 2>/dev/null
    (cd "$G" && "$BIN" build -q config.ini 2>/dev/null)
    "$GLYPH_CHECK" "$G/out/测试市示例局-2021.pdf" "$G/text.txt" >"$G/c3" 2>&1 \
        && pass || { fail "e2e: pdf_glyph_check.py fails on an intact font"; cat "$G/c3"; }
    printf '测试市示例厅\n' >"$G/text2.txt"
    "$GLYPH_CHECK" "$G/out/测试市示例局-2021.pdf" "$G/text2.txt" >"$G/c4" 2>&1
    st=$?
    [ $st -eq 1 ] && grep -q "text's characters draw nothing: 厅$" "$G/c4" && pass \
        || { fail "e2e: pdf_glyph_check.py missed a character not in the font (exit $st)"; cat "$G/c4"; }
else
    fail "e2e: could not build the glyph-test document"
fi
# The sample's faces are CFF (no composite glyphs): the composite check
# needs the sample in TrueType faces, as a config naming body and heading
# gets it.
PDF_TT=$E2E/tt/$NAME.pdf
sed -e '/^\[fonts\]/,$d' $SAMPLE >"$ROOT/config/.e2e_tt.ini"
printf '[fonts]\nbody    = AR PL UMing CN\nheading = WenQuanYi Zen Hei\n' >>"$ROOT/config/.e2e_tt.ini"
"$BIN" build -q -o "$E2E/tt" config/.e2e_tt.ini 2>/dev/null
rm -f "$ROOT/config/.e2e_tt.ini"
if [ -s "$PDF_TT" ]; then
    if /usr/bin/python3 - "$PDF_TT" "$E2E/broken.pdf" "$ROOT/tests/tools" >"$E2E/break.out" 2>&1 <<'PYEOF'; then
# Blanks the first component of the first composite glyph of an embedded
# font program and writes the PDF back (qpdf --update-from-json).
import base64, io, json, subprocess, sys
sys.path.insert(0, sys.argv[3])
import pdf_glyph_check as pgc  # replace_stream
from fontTools.ttLib import TTFont
from fontTools.ttLib.tables._g_l_y_f import Glyph
src, dst = sys.argv[1], sys.argv[2]
objs = json.loads(subprocess.run(['qpdf', '--json=2', '--json-key=qpdf', '--json-stream-data=inline',
                                  '--decode-level=generalized', src],
                                 check=True, capture_output=True).stdout)['qpdf'][1]
for o in objs.values():
    d = o.get('value')
    if not isinstance(d, dict) or '/FontFile2' not in d:
        continue
    ref = d['/FontFile2']
    st = objs['obj:' + ref]['stream']
    font = TTFont(io.BytesIO(base64.b64decode(st['data'])))
    glyf = font['glyf']
    comp = next((g for g in font.getGlyphOrder() if glyf[g].isComposite()), None)
    if comp is None:
        continue
    glyf[glyf[comp].components[0].glyphName] = Glyph()
    out = io.BytesIO()
    font.save(out)
    pgc.replace_stream(src, dst, ref, st["dict"], out.getvalue(), {"/Length1": len(out.getvalue())})
    sys.exit(0)
sys.exit('no composite glyph in the sample')
PYEOF
        "$GLYPH_CHECK" "$E2E/broken.pdf" >"$E2E/c5" 2>&1
        st=$?
        [ $st -eq 1 ] && grep -q ' 1 composites with lost components' "$E2E/c5" && pass \
            || { fail "e2e: pdf_glyph_check.py missed a composite that lost a component (exit $st)"; cat "$E2E/c5"; }
    else
        fail "e2e: could not blank a composite's component in the sample"
        cat "$E2E/break.out"
    fi
fi

# The workbook opens in LibreOffice (what many offices use instead of
# Excel): headless conversion succeeds and shows the figures.
if command -v soffice >/dev/null && [ -s "$XLSX" ]; then
    mkdir -p "$E2E/lo"
    cp "$XLSX" "$E2E/lo/sample.xlsx"
    if (cd "$E2E/lo" && timeout 120 soffice --headless --norestore \
        "-env:UserInstallation=file://$E2E/lo/profile" --convert-to pdf sample.xlsx >/dev/null 2>&1) &&
        pdftotext "$E2E/lo/sample.pdf" - 2>/dev/null | grep -q '72899'; then
        pass
    else
        fail "e2e: LibreOffice cannot convert the sample workbook"
    fi
else
    fail "e2e: LibreOffice (soffice) is not installed: make deps"
fi

# Atomic output: a process killed just before the rename leaves the previous
# PDF intact and no file under the final name changes.
mkdir -p "$E2E/atomic"
cp "$PDF" "$E2E/atomic/$NAME.pdf" 2>/dev/null
echo "previous" >"$E2E/atomic/$NAME.pdf"
# (an inner shell reaps the killed process, so its "Killed" notice is silenced)
bash -c 'BUDGETGEN_TEST_CRASH_BEFORE_RENAME=1 "$0" build -q -f pdf -o "$1" "$2" >/dev/null 2>&1; true' \
    "$BIN" "$E2E/atomic" $SAMPLE 2>/dev/null
[ "$(cat "$E2E/atomic/$NAME.pdf")" = previous ] && pass || fail "e2e: a killed build replaced the previous PDF"


# diff: the same document twice is no change; a revised figure shows the
# changed table rows and the regenerated sentences, old then new.  The
# revised config reads a folder under /tmp and the project's templates, so
# it runs with --root / (both are outside the other's folder).
D=$E2E/diff
mkdir -p "$D"
cp -r input/cangzhou-2020 "$D/in"
sed -i 's/^因公出国经费,40,40,,$/因公出国经费,42,42,,/; s/^合计,240,240,,$/合计,242,242,,/' "$D/in/three_public.csv"
sed "s|^dir *= input/cangzhou-2020|dir = $D/in|" $SAMPLE >"$D/new.ini"
"$BIN" diff -q $SAMPLE $SAMPLE >"$D/same" 2>/dev/null
st=$?
[ $st -eq 0 ] && [ ! -s "$D/same" ] && pass || fail "e2e: diff of a document with itself: exit $st"
"$BIN" diff -q --root / $SAMPLE "$D/new.ini" >"$D/out" 2>/dev/null
st=$?
if [ $st -eq 1 ] &&
    grep -qx -- '- para 2020年，沧州经济开发区管理委员会安排“三公经费”240万元，较2019年下降2%。' "$D/out" &&
    grep -qx -- '+ para 2020年，沧州经济开发区管理委员会安排“三公经费”242万元，较2019年下降1.2%。' "$D/out" &&
    grep -q -- '^+     row 4: | 因公出国经费 | 42 | 6.7% | 42' "$D/out"; then
    pass
else
    fail "e2e: diff does not show the revised 三公 figures (exit $st)"
    head -n 20 "$D/out"
fi

rm -rf "$E2E"

# A trend over several years ([input] earlier): the chart's figures are the
# 基本支出 and 项目支出 each year's summary.csv states, oldest first.
want=$(/usr/bin/python3 - <<'PY'
import csv
def fig(year, key):
    for r in csv.DictReader(open(f'input/jianshe-{year}/summary.csv', encoding='utf-8')):
        if r['项目'] == key:
            return '{:,.2f}'.format(float(r['金额']))
for key in ('基本支出', '项目支出'):
    print(f'  series {key}: ' + ' '.join(f'{y}年={fig(y, key)}' for y in (2019, 2020, 2021)))
PY
)
got=$("$BIN" tree config/jianshe-2021.ini 2>/dev/null | grep -A4 '^  id trend' | grep '^  series')
[ -n "$want" ] && [ "$got" = "$want" ] && pass || fail "e2e: trend chart figures: got [$got], want [$want]"
