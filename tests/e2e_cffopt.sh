# End-to-end test of issue 17, "bring the sample under 8 KB a page": the
# smaller embedding of the CFF faces (gen/cff_opt.c, gen/pdf_font.c), sourced
# by tests/run.sh (pass/fail, BIN and ROOT defined; the working folder is
# the project).  The sample (config/cangzhou-2020.ini), built with and
# without its open data ([output] data = no, as bench/bench.py compares):
#   1. tests/tools/cff_outline_check.py --gid-cids: every glyph of every
#      embedded CFF program draws exactly the installed face's outline of
#      its ToUnicode character (fontTools RecordingPen, glyph by glyph), each
#      CID is its glyph id, every shown code is a glyph with a character, the
#      ToUnicode CMap holds runs (bfrange arrays: at most 20 entries);
#   2. the check sees a changed outline: once 部 is blanked in the body
#      face's program (tests/tools/blank_cff_glyph.py) it fails;
#   3. readers: tests/tools/pdf_valid_check.py (poppler, MuPDF draw,
#      pdfminer silent, qpdf --check clean) and the glyph check;
#   4. the CFF faces' text is shown in literal strings "(..) Tj", not hex
#      "<..> Tj" (4,389 hex strings at 188846f);
#   5. size: without its open data the sample is under 8 KB a page, the
#      issue's target in the KB of `make bench` (1,024 bytes: it printed
#      "321 KB" for the 329,283 bytes the issue quotes), so at most 8,191
#      bytes (8,908 at 188846f, 8,123 here: docs/performance.md).  Raise it
#      only with a measured reason;
#   6. PDF 1.5, the dictionaries in an object stream (gen/pdf_pack.c): over
#      100 objects compressed in it, under 60 (the streams) outside.
# On 188846f parts 1 (CIDs kept), 4 (hex strings), 5 (8,908 B/page) and 6
# (PDF 1.3, no object stream) fail.

CO=$(mktemp -d)
sed 's/^\[output\]$/[output]\ndata = no/' config/cangzhou-2020.ini >"$CO/nodata.ini"
if ! grep -qx 'data = no' "$CO/nodata.ini"; then
    fail "e2e_cffopt: config/cangzhou-2020.ini has no [output] section to add data = no to"
elif SOURCE_DATE_EPOCH=1600000000 "$BIN" build -q -f pdf -o "$CO/nd" "$CO/nodata.ini" 2>"$CO/nd.err" &&
    SOURCE_DATE_EPOCH=1600000000 "$BIN" build -q -f pdf -o "$CO/d" config/cangzhou-2020.ini 2>"$CO/d.err"; then
    CO_ND=$(ls "$CO"/nd/*.pdf)
    CO_D=$(ls "$CO"/d/*.pdf)
    for pdf in "$CO_ND" "$CO_D"; do
        if /usr/bin/python3 tests/tools/cff_outline_check.py --gid-cids "$pdf" >"$CO/outline.out" 2>&1; then
            pass
        else
            fail "e2e_cffopt: an embedded CFF glyph differs from the face, or its CIDs are not glyph ids ($pdf)"
            grep -v 'outlines equal, CIDs are glyph ids' "$CO/outline.out" | head -n 8
        fi
    done
    # 2. a blanked glyph is seen
    if /usr/bin/python3 tests/tools/blank_cff_glyph.py "$CO_ND" "$CO/blank.pdf" 部 >/dev/null 2>&1; then
        if /usr/bin/python3 tests/tools/cff_outline_check.py "$CO/blank.pdf" >"$CO/blank.out" 2>&1; then
            fail "e2e_cffopt: cff_outline_check.py passes a font whose 部 was blanked"
        elif grep -q "'部') differs" "$CO/blank.out"; then
            pass
        else
            fail "e2e_cffopt: cff_outline_check.py fails the blanked font, but not on 部"
            head -n 5 "$CO/blank.out"
        fi
    else
        fail "e2e_cffopt: tests/tools/blank_cff_glyph.py could not blank 部 in the sample"
    fi
    # 3. readers
    if /usr/bin/python3 tests/tools/pdf_valid_check.py 1600000000 "$CO_ND" >"$CO/valid.out" 2>&1 &&
        /usr/bin/python3 tests/tools/pdf_glyph_check.py "$CO_ND" >"$CO/glyph.out" 2>&1; then
        pass
    else
        fail "e2e_cffopt: the sample without data is not read silently, or a shown glyph is blank"
        cat "$CO/valid.out" "$CO/glyph.out" | grep -v ': .* glyphs, ' | head -n 8
    fi
    # 4. literal strings
    # (content as written: --normalize-content=n, qpdf would write hex;
    # the TrueType face, UKai, is libharu's and shows hex, 3 strings)
    qpdf --qdf --normalize-content=n --object-streams=disable "$CO_ND" "$CO/nd.qdf" 2>/dev/null
    n_hex=$(grep -ac '^<[0-9A-F]*> Tj$' "$CO/nd.qdf")
    n_lit=$(grep -ac ') Tj$' "$CO/nd.qdf")
    [ "$n_hex" -lt 10 ] && [ "$n_lit" -gt 1000 ] && pass \
        || fail "e2e_cffopt: $n_hex hex strings and $n_lit literal strings shown (want under 10 and over 1,000)"
    # 6. the dictionaries in an object stream, a cross-reference stream
    n_packed=$(qpdf --show-xref "$CO_ND" 2>/dev/null | grep -c ': compressed; stream = ')
    n_plain=$(qpdf --show-xref "$CO_ND" 2>/dev/null | grep -c ': uncompressed; ')
    if [ "$(head -c 8 "$CO_ND")" = "%PDF-1.5" ] && [ "$n_packed" -gt 100 ] && [ "$n_plain" -lt 60 ]; then
        pass
    else
        fail "e2e_cffopt: $(head -c 8 "$CO_ND"), $n_packed objects in an object stream, $n_plain not"
    fi
    # 5. bytes per page
    co_bytes=$(stat -c %s "$CO_ND")
    co_pages=$(pdfinfo "$CO_ND" 2>/dev/null | awk '/^Pages:/ {print $2}')
    if [ -n "$co_pages" ] && [ $((co_bytes / co_pages)) -le 8191 ]; then
        pass
    else
        fail "e2e_cffopt: the sample without data is $co_bytes bytes, $co_pages pages: 8 KB (8,192 bytes) a page or more"
    fi
else
    fail "e2e_cffopt: cannot build the sample"
    tail -n 3 "$CO/nd.err" "$CO/d.err"
fi
rm -rf "$CO"
