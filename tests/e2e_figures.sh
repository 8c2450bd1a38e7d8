# End-to-end test of issue 17's `figures` role ([fonts] figures,
# gen/layout_figures.c), sourced by tests/run.sh (pass/fail, BIN and ROOT
# defined; the working folder is the project).  The department is
# tests/data/minimal (decimals = 2, thousands = yes); its figures are worked
# out by hand from its CSV files below.  DejaVu Serif comes with Debian's
# fonts-dejavu-core (DEB_PKGS); Noto Serif is not installed here, so the
# list `Noto Serif, DejaVu Serif` falls through to DejaVu Serif.
#   1. figures = Noto Serif, DejaVu Serif:
#      - pdffonts lists DejaVuSerif,Book and DejaVuSerif-Bold,Bold (embedded,
#        subset, with ToUnicode) beside the CJK faces by role;
#      - tests/tools/pdf_faces.py (font and text of every string shown):
#        the “三公” table's amounts and percentages (20.00, 8.50, 5.00,
#        -100%, 6.3%) in DejaVuSerif,Book and its 合计 row (33.50, 42.2%)
#        in DejaVuSerif-Bold,Bold, its names (公务用车运行费, 合计) in the
#        CJK faces; the paragraph “2021年全年预计收入1,300.50万元，…” drawn
#        as runs: 2021 and 1,300.50 in DejaVu Serif, 年全年预计收入 in the
#        body face; every string in a DejaVu face is figures only
#        (0-9 . , % - +); no string of the body face (paragraphs, table
#        cells) holds a digit except the page footers (第N页 共M页);
#      - pdftotext -layout reads the table's rows back as written;
#      - the glyph check (every character shown draws), qpdf --check,
#        poppler, MuPDF and pdfminer silent (pdf_valid_check.py);
#      - config/jianshe-2021.ini with figures = DejaVu Serif: every amount
#        of the national tables read back and added up (tables_check.py
#        pdf), every cell whole (layout_check.py), every string of figures
#        only (cells, the charts' axis numbers and value labels) in DejaVu;
#   2. figures = AR PL UMing CN (a face without a bold weight): its figures
#      in the table's cells, the 合计 row's figures in the bold face
#      (Noto Serif CJK SC Bold);
#   3. figures naming the table face itself: the PDF is byte for byte the
#      one built without the key (nothing split, nothing embedded).
# On 188846f every part fails: `figures` is not a key of [fonts].
# With the office faces installed (SimSun …) parts 1-3's CJK names differ:
# only the DejaVu checks of part 1 run.

FG=$(mktemp -d)
FG_EPOCH=1600000000
fg_office=$(fc-list : family | grep -E -i 'FangSong|仿宋|SimSun|宋体|SimHei|黑体|KaiTi|楷体|小标宋' | head -n 1)

# fg_build NAME FIGURES: tests/data/minimal built in $FG/NAME with
# [fonts] figures = FIGURES (none if empty); prints the PDF's path.
fg_build() {
    local d=$FG/$1/tests/x/min
    mkdir -p "$d"
    cp -r tests/data/minimal/. "$d/"
    cp -r templates "$FG/$1/"
    [ -n "$2" ] && printf '\n[fonts]\nfigures = %s\n' "$2" >>"$d/config.ini"
    (cd "$d" && SOURCE_DATE_EPOCH=$FG_EPOCH "$BIN" build -q --root "$FG/$1" config.ini) \
        >"$FG/$1.err" 2>&1 || return 1
    ls "$d"/output/*.pdf
}

# fg_seq FILE PAGE FONT TEXT [FONT TEXT …]: pdf_faces.py's FILE shows
# these strings one after the other on PAGE
fg_seq() {
    local f=$1 page=$2
    shift 2
    local want=""
    while [ $# -gt 1 ]; do
        want="$want$page	$1	$2
"
        shift 2
    done
    /usr/bin/python3 - "$f" "$want" <<'PYEOF'
import sys
lines = open(sys.argv[1], encoding='utf-8').read().split('\n')
want = sys.argv[2].rstrip('\n').split('\n')
sys.exit(0 if any(lines[i:i + len(want)] == want for i in range(len(lines))) else 1)
PYEOF
}

# 1. a Latin figures face
if PDF1=$(fg_build latin "Noto Serif, DejaVu Serif"); then
    pdffonts "$PDF1" 2>/dev/null | tail -n +3 | awk '{print $1, $2, $3, $4, $(NF-4), $(NF-3), $(NF-2)}' \
        | sed 's/^[A-Z]\{6\}+//' | sort >"$FG/fonts.txt"
    grep -qxF 'DejaVuSerif,Book CID TrueType Identity-H yes yes yes' "$FG/fonts.txt" &&
        grep -qxF 'DejaVuSerif-Bold,Bold CID TrueType Identity-H yes yes yes' "$FG/fonts.txt" && pass \
        || { fail "e2e_figures: pdffonts does not list DejaVu Serif and its bold as the figures faces"; cat "$FG/fonts.txt"; }
    /usr/bin/python3 tests/tools/pdf_faces.py "$PDF1" >"$FG/faces.txt"
    # every string in a figures face is figures only
    bad=$(awk -F'\t' '$2 ~ /^DejaVuSerif/ && $3 !~ /^[-0-9.,%+]+$/' "$FG/faces.txt" | head -n 3)
    n_fig=$(awk -F'\t' '$2 ~ /^DejaVuSerif/' "$FG/faces.txt" | wc -l)
    [ -z "$bad" ] && [ "$n_fig" -gt 20 ] && pass \
        || fail "e2e_figures: $n_fig strings in DejaVu Serif, some not figures only: $bad"
    if [ -z "$fg_office" ]; then
        printf '%s\n' 'NotoSansCJKSC CID Type 0C yes yes yes' 'NotoSerifCJKSC CID Type 0C yes yes yes' \
            'NotoSerifCJKSC-Bold CID Type 0C yes yes yes' 'UKaiCN,Book CID TrueType Identity-H yes yes yes' \
            'DejaVuSerif,Book CID TrueType Identity-H yes yes yes' \
            'DejaVuSerif-Bold,Bold CID TrueType Identity-H yes yes yes' | sort >"$FG/fonts.want"
        diff "$FG/fonts.want" "$FG/fonts.txt" >"$FG/fonts.diff" && pass \
            || { fail "e2e_figures: pdffonts does not list the faces by role and the figures faces"; cat "$FG/fonts.diff"; }
        # the “三公” table (three_public.csv of 2021 and 2020): 20 against
        # 20 is 0%; 0 against 30 is -100%; 8.5 against 8 is +6.25%, shown
        # 增长6.3%; 5 against none is 新增; 合计 33.5 against 58 is -42.24%,
        # shown 42.2% under 同比下降
        fg_seq "$FG/faces.txt" 2 NotoSerifCJKSC 公务用车运行费 "DejaVuSerif,Book" 20.00 \
            "DejaVuSerif,Book" 0% "DejaVuSerif,Book" 20.00 NotoSerifCJKSC 公务用车购置费 \
            "DejaVuSerif,Book" 0.00 "DejaVuSerif,Book" -100% NotoSerifCJKSC 公务接待费 \
            "DejaVuSerif,Book" 8.50 NotoSerifCJKSC 增长 "DejaVuSerif,Book" 6.3% \
            "DejaVuSerif,Book" 8.50 && pass \
            || { fail "e2e_figures: the 三公 table's figures are not in DejaVu Serif"; grep -P '^2\t' "$FG/faces.txt" | head -n 40; }
        fg_seq "$FG/faces.txt" 2 NotoSerifCJKSC-Bold 合计 "DejaVuSerif-Bold,Bold" 33.50 \
            "DejaVuSerif-Bold,Bold" 42.2% "DejaVuSerif-Bold,Bold" 33.50 && pass \
            || fail "e2e_figures: the 合计 row's figures are not in DejaVu Serif Bold"
        # summary.csv: 收入总计 1300.50, revenue.csv: 1,200.50 and 100
        fg_seq "$FG/faces.txt" 1 "DejaVuSerif,Book" 2021 NotoSerifCJKSC 年全年预计收入 \
            "DejaVuSerif,Book" 1,300.50 NotoSerifCJKSC 万元，其中：财政拨款收入 \
            "DejaVuSerif,Book" 1,200.50 && pass \
            || { fail "e2e_figures: the 收入说明 paragraph is not set in runs"; grep -P '^1\t' "$FG/faces.txt" | head -n 30; }
        bad=$(awk -F'\t' '$2 == "NotoSerifCJKSC" && $3 ~ /[0-9]/ && $3 !~ /^第[0-9]+页 共[0-9]+页$/' \
            "$FG/faces.txt" | head -n 3)
        [ -z "$bad" ] && pass \
            || fail "e2e_figures: digits drawn in the body face: $bad"
    fi
    # the table read back: each row as it was written (hand-made, above)
    pdftotext -layout -f 2 -l 2 "$PDF1" - 2>/dev/null | sed 's/  */ /g; s/^ //; s/ $//' >"$FG/p2.txt"
    for row in '公务用车运行费 20.00 0% 20.00' '公务用车购置费 0.00 -100%' '公务接待费 8.50 增长6.3% 8.50' \
        '因公出国（境）费 5.00 新增 5.00' '合计 33.50 42.2% 33.50'; do
        grep -qxF "$row" "$FG/p2.txt" && pass \
            || { fail "e2e_figures: pdftotext -layout does not read \"$row\""; cat "$FG/p2.txt" | head -n 15; }
    done
    /usr/bin/python3 tests/tools/pdf_glyph_check.py "$PDF1" >"$FG/glyph.out" 2>&1 && pass \
        || { fail "e2e_figures: a character shown draws nothing"; cat "$FG/glyph.out"; }
    /usr/bin/python3 tests/tools/pdf_valid_check.py $FG_EPOCH "$PDF1" >"$FG/valid.out" 2>&1 && pass \
        || { fail "e2e_figures: the PDF is not read silently (qpdf, poppler, MuPDF, pdfminer)"; head -n 10 "$FG/valid.out"; }
else
    fail "e2e_figures: cannot build with figures = Noto Serif, DejaVu Serif: $(head -n 2 "$FG/latin.err")"
fi

# 1b. every amount of the national tables, and every cell whole
if grep -q '^\[fonts\]' config/jianshe-2021.ini; then
    sed '/^\[fonts\]/a figures = DejaVu Serif' config/jianshe-2021.ini >"$ROOT/config/.e2e_figures_js.ini"
else
    { cat config/jianshe-2021.ini; printf '\n[fonts]\nfigures = DejaVu Serif\n'; } >"$ROOT/config/.e2e_figures_js.ini"
fi
if SOURCE_DATE_EPOCH=$FG_EPOCH "$BIN" build -q -f pdf -o "$FG/js" config/.e2e_figures_js.ini 2>"$FG/js.err"; then
    PDF_JS=$(ls "$FG"/js/*.pdf)
    /usr/bin/python3 tests/tools/tables_check.py pdf config/.e2e_figures_js.ini "$PDF_JS" fig >"$FG/tables.out" 2>&1 \
        && ! grep -q '^FAIL' "$FG/tables.out" && [ "$(grep -c '^ok ' "$FG/tables.out")" -gt 15 ] && pass \
        || { fail "e2e_figures: jianshe's tables do not read back with figures = DejaVu Serif"; grep -v '^ok' "$FG/tables.out" | head -n 10; }
    /usr/bin/python3 tests/tools/layout_check.py "$BIN" config/.e2e_figures_js.ini "$PDF_JS" 续表 >"$FG/layout.out" 2>&1 \
        && pass || { fail "e2e_figures: jianshe's cells are not printed whole with figures = DejaVu Serif"; head -n 10 "$FG/layout.out"; }
    pdffonts "$PDF_JS" 2>/dev/null | grep -q '+DejaVuSerif,Book ' && pass \
        || fail "e2e_figures: jianshe with figures = DejaVu Serif does not embed it"
    # a string of figures only (an amount cell, a chart's axis number or
    # value label) is in DejaVu Serif, whatever its place
    /usr/bin/python3 tests/tools/pdf_faces.py "$PDF_JS" >"$FG/js.faces"
    bad=$(awk -F'\t' '$3 ~ /^[-0-9.,%+]+$/ && $2 !~ /^DejaVuSerif/' "$FG/js.faces" | head -n 3)
    n_fig=$(awk -F'\t' '$2 ~ /^DejaVuSerif/' "$FG/js.faces" | wc -l)
    [ -z "$bad" ] && [ "$n_fig" -gt 1000 ] && pass \
        || fail "e2e_figures: jianshe: figures not in DejaVu Serif ($n_fig in it): $bad"
else
    fail "e2e_figures: cannot build jianshe with figures = DejaVu Serif: $(head -n 2 "$FG/js.err")"
fi
rm -f "$ROOT/config/.e2e_figures_js.ini"

if [ -z "$fg_office" ]; then
    # 2. a figures face without a bold weight: 合计 figures in the bold face
    if PDF2=$(fg_build uming "AR PL UMing CN"); then
        /usr/bin/python3 tests/tools/pdf_faces.py "$PDF2" >"$FG/faces2.txt"
        fg_seq "$FG/faces2.txt" 2 NotoSerifCJKSC 公务接待费 "UMingCN,Light" 8.50 NotoSerifCJKSC 增长 \
            "UMingCN,Light" 6.3% "UMingCN,Light" 8.50 && pass \
            || { fail "e2e_figures: figures = AR PL UMing CN: the table's figures are not in it"; grep -P '^2\t' "$FG/faces2.txt" | head -n 40; }
        fg_seq "$FG/faces2.txt" 2 NotoSerifCJKSC-Bold 合计 NotoSerifCJKSC-Bold 33.50 \
            NotoSerifCJKSC-Bold 42.2% NotoSerifCJKSC-Bold 33.50 && pass \
            || fail "e2e_figures: figures = AR PL UMing CN (no bold): 合计 figures not in the bold face"
    else
        fail "e2e_figures: cannot build with figures = AR PL UMing CN: $(head -n 2 "$FG/uming.err")"
    fi
    # 3. the table face as the figures face: the PDF without the key
    if PDF3=$(fg_build same "SimSun, 宋体, Noto Serif CJK SC") && PDF0=$(fg_build none ""); then
        cmp -s "$PDF3" "$PDF0" && pass \
            || fail "e2e_figures: figures naming the table face changes the PDF"
    else
        fail "e2e_figures: cannot build with figures = the table face: $(head -n 2 "$FG/same.err")"
    fi
fi
rm -rf "$FG"
