# End-to-end test of issue 17, "A valid PDF", sourced by tests/run.sh
# (which defines pass/fail, BIN and ROOT; the working folder is the project).
# Every sample (config/*.ini), built with SOURCE_DATE_EPOCH, is read by
# tests/tools/pdf_valid_check.py: poppler (pdftotext, pdffonts, pdfinfo),
# MuPDF (mutool info, mutool draw) and pdfminer print nothing on stderr,
# qpdf --check is clean; /Lang (zh-CN); XMP metadata equal to the Info
# dictionary with xmp:CreateDate = SOURCE_DATE_EPOCH; every ToUnicode is a
# ToUnicode CMap (Adobe-Identity-UCS, bfchar/bfrange), every CIDFont's
# CIDSystemInfo a registered ordering.  On 768fd66 poppler printed
# "Invalid 'begincidrange' operator in ToUnicode CMap" for every sample.

PV=$(mktemp -d)
PV_EPOCH=1600000000
pv_ok=1
for cfg in config/*.ini; do
    if ! SOURCE_DATE_EPOCH=$PV_EPOCH "$BIN" build -o "$PV" "$cfg" >"$PV/build.log" 2>&1; then
        fail "e2e_pdfvalid: cannot build $cfg"
        tail -n 3 "$PV/build.log"
        pv_ok=0
    fi
done
if [ $pv_ok = 1 ]; then
    if /usr/bin/python3 tests/tools/pdf_valid_check.py $PV_EPOCH "$PV"/*.pdf >"$PV/check.out" 2>&1; then
        pass
    else
        fail "e2e_pdfvalid: a sample PDF is not read silently, or its metadata or CMaps are wrong"
        head -n 20 "$PV/check.out"
    fi
fi
rm -rf "$PV"
