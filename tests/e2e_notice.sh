# End-to-end tests of the samples' own text (issue 17, "The samples"),
# sourced by tests/run.sh (which defines pass/fail, BIN and ROOT; the
# working folder is the project).  Every expectation is written here by hand
# from the seeds, never from budgetgen's output:
#   1. mubiao-2020 prints seed 002's notice whole: 文号, 主送机关, the four
#      paragraphs, the 附件 line, signature and date (these two at the right:
#      line right), then the attachment on a page of its own; in full-width
#      punctuation (the seed's "," "(" ")" ":" are its PDF extraction's);
#   2. cangzhou-2020 says under each non-empty table of its 附表 that the
#      breakdown is illustrative (table-note), and nowhere before the 附表,
#      in the PDF and on each table's sheet of the workbook.

NT=$(mktemp -d)
notice_build() { # NAME CONFIG
    mkdir -p "$NT/$1"
    SOURCE_DATE_EPOCH=1700000000 "$BIN" build -q -o "$NT/$1" "$2" >/dev/null 2>"$NT/$1.err" ||
        fail "e2e_notice: build $2 failed: $(head -n 1 "$NT/$1.err")"
}

# ---- 1. seed 002's notice ---------------------------------------------------
notice_build mubiao config/mubiao-2020.ini
MP=$NT/mubiao/徐州市人民政府-2020.pdf
if [ -s "$MP" ]; then
    pdftotext -layout -f 1 -l 1 "$MP" "$NT/m1.txt" 2>/dev/null
    pdftotext -layout -f 2 -l 2 "$MP" "$NT/m2.txt" 2>/dev/null
    # The seed's lines 17-25, in order, whitespace removed (each may wrap).
    /usr/bin/python3 - "$NT/m1.txt" >"$NT/m1.out" <<'PY'
import sys, re
text = re.sub(r"\s+", "", open(sys.argv[1], encoding="utf-8").read())
want = [
    "徐州市人民政府关于印发2020年政府工作报告主要目标任务分解方案的通知",
    "徐政发〔2020〕3号",
    "各县（市）区人民政府，徐州经济技术开发区、徐州高新区管委会，市各委办局（公司），市各直属单位：",
    "市十六届人大五次会议审议通过的《政府工作报告》明确了2020年全市经济社会发展的主要目标任务。"
    "为进一步强化目标责任管理，确保《政府工作报告》的主要目标任务落到实处，市政府制定了"
    "《2020年〈政府工作报告〉主要目标任务分解方案》，将全年工作分解为150项具体目标任务，现予以印发，请认真组织实施。",
    "各牵头单位要切实强化组织领导，细化责任分工，明确时序要求；各责任单位要强化大局意识，"
    "积极配合牵头单位全力抓好工作推进，形成加快实现全市经济社会发展目标的强大合力。",
    "市政府办公室要加大对《政府工作报告》主要目标任务落实情况的督查督办力度，深入一线调查研究，"
    "及时反映动态情况及存在的问题，实行季度督查通报、年终考评汇总，促进各地、各部门、各单位相互配合、"
    "共同努力，全面完成《政府工作报告》确立的各项主要目标任务。",
    "附件：2020年《政府工作报告》主要目标任务分解方案",
    "徐州市人民政府",
    "2020年1月18日",
]
at, bad = 0, []
for w in want:
    i = text.find(w, at)
    if i < 0:
        bad.append("not found after the previous part: " + w[:30])
    else:
        at = i + len(w)
print("\n".join(bad) or "ok")
PY
    [ "$(cat "$NT/m1.out")" = ok ] && pass || fail "e2e_notice: seed 002's notice on page 1: $(head -n 2 "$NT/m1.out")"
    # Signature and date at the right: each line starts past the middle
    # (pdftotext -layout gives a 40-character line about 60 columns).
    for w in 徐州市人民政府 2020年1月18日; do
        lead=$(grep -m 1 "^ *$w *\$" "$NT/m1.txt" | sed 's/[^ ].*//' | wc -c)
        [ "$lead" -gt 25 ] && pass || fail "e2e_notice: \"$w\" is not set at the right on page 1 ($lead spaces before it)"
    done
    # The attachment starts page 2; the 87 targets are not on page 1.
    [ "$(grep -m 1 . "$NT/m2.txt" | tr -d ' ')" = 附件 ] && pass ||
        fail "e2e_notice: page 2 does not start with 附件: $(grep -m 1 . "$NT/m2.txt")"
    grep -q '牵头单位：' "$NT/m1.txt" && fail "e2e_notice: a target is on the notice's page" || pass
fi

# ---- 2. cangzhou's illustrative 附表 ---------------------------------------------
notice_build cangzhou config/cangzhou-2020.ini
CP=$NT/cangzhou/沧州经济开发区管理委员会-2020
NOTE=本表为budgetgen示例，按支出功能分类和经济分类科目列示的明细数据系虚构
if [ -s "$CP.pdf" ]; then
    pdftotext -raw "$CP.pdf" - 2>/dev/null | tr -d ' \n' >"$NT/c.txt"
    /usr/bin/python3 - "$NT/c.txt" "$NOTE" >"$NT/c.out" <<'PY'
import sys
text, note = open(sys.argv[1], encoding="utf-8").read(), sys.argv[2]
start = text.find("附表：")
bad = []
if start < 0:
    bad.append("no 附表 title")
elif note in text[:start]:
    bad.append("the note stands before the 附表")
# The seven tables with figures (表8 and 表9 are published empty with their
# own note), each followed by the note before the next table's title.
titles = ["部门收支总表", "部门收入总表", "部门支出总表", "财政拨款收支总表",
          "一般公共预算支出表", "一般公共预算基本支出表", "一般公共预算“三公”经费支出表"]
at = start
for t in titles:
    i = text.find("2020年" + t, at)
    j = text.find(note, i + 1) if i >= 0 else -1
    if i < 0 or j < 0:
        bad.append("no note after " + t)
        continue
    nxt = text.find("沧州经济开发区管理委员会2020年", i + 1)
    if 0 <= nxt < j and t != titles[-1]:
        bad.append("the note of %s comes after the next table's title" % t)
    at = j
if text.count(note) != len(titles):
    bad.append("the note is printed %d times, expected %d" % (text.count(note), len(titles)))
print("\n".join(bad) or "ok")
PY
    [ "$(cat "$NT/c.out")" = ok ] && pass || fail "e2e_notice: cangzhou 附表 notes: $(head -n 2 "$NT/c.out")"
    /usr/bin/python3 - "$CP.xlsx" "$NOTE" >"$NT/cx.out" <<'PY'
import sys, openpyxl
wb = openpyxl.load_workbook(sys.argv[1])
noted = [ws.title for ws in wb.worksheets
         if any(isinstance(c, str) and sys.argv[2] in c for row in ws.iter_rows(values_only=True) for c in row)]
print("ok" if len(noted) == 7 else "sheets with the note: %s" % noted)
PY
    [ "$(cat "$NT/cx.out")" = ok ] && pass || fail "e2e_notice: cangzhou workbook: $(cat "$NT/cx.out")"
fi
rm -rf "$NT"
