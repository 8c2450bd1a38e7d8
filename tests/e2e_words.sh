# End-to-end test of amounts and comparisons as the text writes them (issue
# 13, points 1 and 4), sourced by tests/run.sh (which defines pass/fail, BIN
# and ROOT; the working folder is the project).
#
# tests/data/words is a small department whose sentences cover every case:
# 持平, nothing in either year (zero), a new item, an item gone, a change of
# 0.5, a fall that leaves money; amounts 29万元, 0.5万元, 5322.5万元, 0万元 in
# the text beside fixed decimals in its table (see its README.md for the
# figures).  It is built twice, and the PDF read back with pdftotext -layout:
#
#   1. config.ini: tables at 2 fixed decimals, the text up to 2 decimals
#      (text_trim), percentages up to 2 (percent_trim);
#   2. config-d0.ini: everything at 0 decimals, percentages at 1: a change
#      of 0.5 is still 0.5万元, a fall that leaves money is not 100%.
#
# Every expected sentence and cell below was worked out by hand from the
# input and the rules of docs/templates.md#percentages-and-amounts and
# #how-a-comparison-chooses-its-case, never taken from budgetgen's output.
# The paragraphs are compared as one text (pdftotext's line breaks and
# indentation removed), in order; each table row as its cells separated by
# one space; and the published text must hold none of the phrases a
# generator must make impossible.

WD=$(mktemp -d)

# Builds tests/data/words/CONFIG into $WD/out; prints the PDF's path.
words_build() { # CONFIG NAME
    (cd tests/data/words && "$BIN" --root "$ROOT" build -q -o "$WD/out" "$1") \
        >"$WD/$2.out" 2>"$WD/$2.err"
    echo "$WD/out/$2.pdf"
}

# The paragraphs of the PDF as one line (spaces and line breaks removed),
# and its table rows with their cells separated by one space.
words_text() { # PDF
    pdftotext -layout "$1" - 2>/dev/null | tr -d ' \n'
}
words_rows() { # PDF
    pdftotext -layout "$1" - 2>/dev/null | sed -e 's/^ *//' -e 's/ *$//' -e 's/  */ /g'
}

# One pass or fail: TEXT holds WANT.
words_has() { # WHAT TEXT WANT
    case "$2" in
    *"$3"*) pass ;;
    *) fail "e2e_words: $1: the PDF does not say: $3" ;;
    esac
}
# One pass or fail: TEXT holds none of the BAD phrases.
words_never() { # WHAT TEXT BAD...
    local what=$1 text=$2 bad ok=1
    shift 2
    for bad in "$@"; do
        case "$text" in
        *"$bad"*)
            fail "e2e_words: $what: the PDF says $bad"
            ok=0
            ;;
        esac
    done
    [ $ok -eq 1 ] && pass
}
# One pass or fail: ROWS (one per line) holds every row given, each as a line.
words_rows_are() { # WHAT ROWS ROW...
    local what=$1 rows=$2 row ok=1
    shift 2
    for row in "$@"; do
        if ! printf '%s\n' "$rows" | grep -qxF -- "$row"; then
            fail "e2e_words: $what: no table row \"$row\""
            ok=0
        fi
    done
    [ $ok -eq 1 ] && pass
}

# Never printed, whatever the case or the decimals (FORMATS.md §3).
WORDS_NEVER=("增加0万元" "减少0万元" "增加0.00万元" "增长100%" "下降100%" "下降100.0%"
    "安排0万元" "安排0.00万元" "增加1万元" "增长0.00%" "增长0%")

# ---- 1. text up to 2 decimals, tables at 2 fixed --------------------------------
pdf=$(words_build config.ini 测试市措辞局-2021)
if [ -s "$pdf" ]; then
    pass
    t=$(words_text "$pdf")
    # 5000 → 5322.5: +322.5, 322.5/5000 = 6.45%
    # 4000 → 4000.5: +0.5, 0.0125% → 0.01%
    # 1000 → 0.6: −999.4, 99.94% (money left: not 100%; 1000 is less than
    #   2,000 times 0.6, so not taken for a 元/万元 slip)
    # 29 → 29: same; 0 → 0: zero; 0 → 0.5: new; 12 → 0: gone
    # 三公 41 → 29.5: −11.5, 11.5/41 = 28.0487…% → 28.05%
    words_has "sentences (text_trim)" "$t" "$(printf '%s' \
        "支出总计5322.5万元，比上年增加322.5万元，增长6.45%。" \
        "基本支出4000.5万元，比上年增加0.5万元，增长0.01%。" \
        "机关运行经费0.6万元，比上年减少999.4万元，下降99.94%。" \
        "公务用车运行费29万元，与上年持平。" \
        "公务用车购置费：本年无此项预算。" \
        "公务接待费0.5万元，上年无该预算，增长率无可比性。" \
        "因公出国（境）费0万元，本年无此项预算。" \
        "“三公”经费29.5万元，比上年减少11.5万元，下降28.05%。")"
    # The shared 三公句 (templates/wording.tpl): 公务用车购置费, nothing in
    # either year, is left out; 因公出国（境）费, gone, is not "安排0万元".
    words_has "三公句 by case" "$t" "$(printf '%s' \
        "公务用车运行费2021年预算安排29万元，与上年持平；" \
        "公务接待费2021年预算安排0.5万元，上年无此项预算；" \
        "因公出国（境）费2021年无此项预算，较上年度减少12万元。")"
    words_never "text_trim" "$t" "${WORDS_NEVER[@]}" "公务用车购置费2021年" "29.00万元" "0.50万元"
    # The table keeps 2 fixed decimals; 同比 worded by case (zero: —), 增减率
    # by the shared 同比增减 of wording.tpl (zero: an empty cell).
    words_rows_are "table (decimals = 2)" "$(words_rows "$pdf")" \
        "项目 上年 本年 同比 增减率" \
        "公务用车运行费 29.00 29.00 持平 持平" \
        "公务用车购置费 0.00 0.00 —" \
        "公务接待费 0.00 0.50 新增 新增" \
        "因公出国（境）费 12.00 0.00 取消 取消" \
        "合计 41.00 29.50 下降28.05% 下降28.05%"
else
    fail "e2e_words: config.ini was not built: $(head -n 3 "$WD/测试市措辞局-2021.err")"
fi

# ---- 2. everything at 0 decimals -------------------------------------------------
pdf=$(words_build config-d0.ini words-d0)
if [ -s "$pdf" ]; then
    pass
    t=$(words_text "$pdf")
    # 5322.5 → 5323 (half-up); 5323 − 5000 = 323 as printed (exact 322.5:
    #   within half a step, three digits); 6.45% → 6.5%
    # 4000.5 → 4001 (支出总计 5323 = 4001 + 1322); the change 0.5 is written
    #   0.5, never 1 (4001 − 4000) nor 0; 0.0125% → 不足0.1%
    # 0.6 → 1; 1000 − 1 = 999 as printed (exact 999.4: within half a step);
    #   99.94% → 99.9% (超过99.9% is tested in e2e_numbers.sh)
    # 公务接待费 0.5 → 1 (half-up; 三公 29 + 0 + 1 + 0 = 30)
    # 三公 29.5 → 30; 41 − 30 = 11 as printed (exact 11.5: within half a
    #   step); 28.05% → 28.0% → 28%
    words_has "sentences (decimals = 0)" "$t" "$(printf '%s' \
        "支出总计5323万元，比上年增加323万元，增长6.5%。" \
        "基本支出4001万元，比上年增加0.5万元，增长不足0.1%。" \
        "机关运行经费1万元，比上年减少999万元，下降99.9%。" \
        "公务用车运行费29万元，与上年持平。" \
        "公务用车购置费：本年无此项预算。" \
        "公务接待费1万元，上年无该预算，增长率无可比性。" \
        "因公出国（境）费0万元，本年无此项预算。" \
        "“三公”经费30万元，比上年减少11万元，下降28%。")"
    words_has "三公句 (decimals = 0)" "$t" "$(printf '%s' \
        "公务用车运行费2021年预算安排29万元，与上年持平；" \
        "公务接待费2021年预算安排1万元，上年无此项预算；" \
        "因公出国（境）费2021年无此项预算，较上年度减少12万元。")"
    words_never "decimals = 0" "$t" "${WORDS_NEVER[@]}"
    words_rows_are "table (decimals = 0)" "$(words_rows "$pdf")" \
        "公务用车运行费 29 29 持平 持平" \
        "公务用车购置费 0 0 —" \
        "公务接待费 0 1 新增 新增" \
        "因公出国（境）费 12 0 取消 取消" \
        "合计 41 30 下降28% 下降28%"
else
    fail "e2e_words: config-d0.ini was not built: $(head -n 3 "$WD/words-d0.err")"
fi

rm -rf "$WD"
