#!/bin/sh
# Regenerates the page images of the documentation (docs/images/) from what budgetgen prints.
# Run from the project folder after `make` (or `make docs-images`); needs poppler-utils and python3.
#
# Each sample is built with SOURCE_DATE_EPOCH=1700000000 into a temporary folder.  Full pages are
# rendered with pdftoppm; crops are located by their title's position on the page
# (pdftotext -bbox-layout, in points) and end before a given line, through a given line or at the
# last line above the page footer, so that they follow the layout when it moves.
# Not regenerated: docs/images/typography/before-*.png and docs/images/fonts-before-p1.png, the old
# layout shown on purpose.
set -eu

BIN=${BUDGETGEN:-build/release/budgetgen}
OUT=docs/images
[ -x "$BIN" ] || { echo "docs-images: $BIN not found; run make first" >&2; exit 1; }
for t in pdftoppm pdftotext python3; do
  command -v "$t" >/dev/null 2>&1 || { echo "docs-images: $t is needed (make deps)" >&2; exit 1; }
done

TMP=$(mktemp -d "${TMPDIR:-/tmp}/docs-images.XXXXXX")
trap 'rm -rf "$TMP"' EXIT INT TERM

# build NAME: config/NAME.ini into $TMP/NAME; its main PDF is $TMP/NAME.pdf and its words $TMP/NAME.html
build() {
  if ! SOURCE_DATE_EPOCH=1700000000 "$BIN" build -q -o "$TMP/$1" "config/$1.ini" >"$TMP/log" 2>&1; then
    cat "$TMP/log" >&2
    exit 1
  fi
  for pdf in "$TMP/$1"/*.pdf; do
    cp "$pdf" "$TMP/$1.pdf"
    break
  done
  pdftotext -bbox-layout "$TMP/$1.pdf" "$TMP/$1.html"
}

# page NAME PAGE DPI FILE: one whole page
page() {
  pdftoppm -png -r "$3" -f "$2" -l "$2" -singlefile "$TMP/$1.pdf" "$OUT/${4%.png}"
  echo "  $4 ($1 p. $2)"
}

# crop NAME DPI FILE START END: the region from the line matching START (a Python regex, its first
# match; START@N for the Nth) down to END:
#   page             the last line above the page footer (第N页), for a table's first page
#   before:RE[@N]    the top of the Nth line matching RE after START (the next table or row)
#   through:RE[@N]   the bottom of the Nth line matching RE after START (a last row, an axis)
# Left and right: the widest line in the region, plus a margin for the table's rules.
crop() {
  box=$(python3 - "$TMP/$1.html" "$2" "$4" "$5" <<'PY'
import html, re, sys
path, dpi, start, end = sys.argv[1], float(sys.argv[2]), sys.argv[3], sys.argv[4]
PAD = 6.0
def nth(spec):
    if '@' in spec:
        re_, n = spec.rsplit('@', 1)
        return re_, int(n)
    return spec, 1
src = open(path, encoding='utf-8').read()
pages = []
for pm in re.finditer(r'<page width="([\d.]+)" height="([\d.]+)">(.*?)</page>', src, re.S):
    lines = []
    for lm in re.finditer(r'<line xMin="([\d.]+)" yMin="([\d.]+)" xMax="([\d.]+)" yMax="([\d.]+)">(.*?)</line>', pm.group(3), re.S):
        text = html.unescape(''.join(re.findall(r'<word[^>]*>(.*?)</word>', lm.group(5))))
        lines.append((float(lm.group(2)), float(lm.group(4)), float(lm.group(1)), float(lm.group(3)), text))
    lines.sort()
    pages.append((float(pm.group(1)), float(pm.group(2)), lines))
sre, sn = nth(start)
hit = None
for pno, (w, h, lines) in enumerate(pages, 1):
    for i, ln in enumerate(lines):
        if re.search(sre, ln[4]):
            sn -= 1
            if sn == 0:
                hit = (pno, i)
                break
    if hit:
        break
if not hit:
    sys.exit('docs-images: no line matches %r' % start)
pno, i = hit
w, h, lines = pages[pno - 1]
top = lines[i][0]
body = [ln for ln in lines[i:] if not re.fullmatch(r'第\d+页共\d+页', ln[4])]
if end == 'page':
    region = body
    bottom = max(ln[1] for ln in region)
else:
    kind, spec = end.split(':', 1)
    ere, en = nth(spec)
    j = None
    for k, ln in enumerate(body[1:], 1):
        if re.search(ere, ln[4]):
            en -= 1
            if en == 0:
                j = k
                break
    if j is None:
        sys.exit('docs-images: no line matches %r after %r on page %d' % (end, start, pno))
    if kind == 'before':
        bottom = body[j][0] - 1 - PAD  # PAD is added back below
        region = [ln for ln in body[:j] if ln[0] < body[j][0]]
    else:
        bottom = body[j][1]
        region = [ln for ln in body if ln[0] <= bottom]
left = max(0.0, min(ln[2] for ln in region) - PAD)
right = min(w, max(ln[3] for ln in region) + PAD)
top = max(0.0, top - 2)  # a line box already stands above its glyphs
bottom = min(h, bottom + PAD)
k = dpi / 72.0
print(pno, int(left * k), int(top * k), int((right - left) * k + 0.5), int((bottom - top) * k + 0.5))
PY
) || exit 1
  # shellcheck disable=SC2086  # five numbers: page x y w h
  set -- "$@" $box
  pdftoppm -png -r "$2" -f "$6" -l "$6" -x "$7" -y "$8" -W "$9" -H "${10}" -singlefile "$TMP/$1.pdf" "$OUT/${3%.png}"
  echo "  $3 ($1 p. $6)"
}

# Images of README.md and docs/zh/ must stay under 150 KB (tests/e2e_docs.sh); say so for any.
big() {
  find "$OUT" -name '*.png' -size +146k | while read -r f; do
    echo "docs-images: warning: $f is $(wc -c <"$f") bytes (over 150 KB)" >&2
  done
}

for s in cangzhou-2020 jianshe-2021 renwu-2019 mubiao-2020 zeren-2019 xiangmu-2021; do
  build "$s"
done

echo "docs-images: whole pages"
page cangzhou-2020 2 70 sample-p-02.png
page cangzhou-2020 6 60 sample-p-06.png
page cangzhou-2020 1 50 fonts-after-p1.png
page cangzhou-2020 4 50 typography/after-p04.png
page cangzhou-2020 5 50 typography/after-p05.png
page cangzhou-2020 26 50 typography/after-p26.png
page jianshe-2021 1 60 zh/jianshe-p-01.png
page jianshe-2021 4 60 zh/jianshe-p-04.png
page jianshe-2021 14 60 zh/jianshe-p-14.png

echo "docs-images: tables (docs/tables.md)"
C=60
crop jianshe-2021 $C tables/income_expense_summary.png '年部门收支总表$' page
crop jianshe-2021 $C tables/income.png '年部门收入总表$' page
crop jianshe-2021 $C tables/expenditure.png '年部门支出总表$' page
crop jianshe-2021 $C tables/fiscal_summary.png '年财政拨款收支总表$' 'through:^收入总计'
crop jianshe-2021 $C tables/general_expenditure.png '年一般公共预算支出表$' page
crop jianshe-2021 $C tables/general_basic.png '年一般公共预算基本支出表$' page
crop jianshe-2021 $C tables/general_three_public.png '“三公”经费支出表$' 'before:年政府性基金预算支出表$'
crop jianshe-2021 $C tables/fund_expenditure.png '年政府性基金预算支出表$' 'before:年国有资本经营预算支出表$'
crop jianshe-2021 $C tables/state_capital_expenditure.png '年国有资本经营预算支出表$' page
crop cangzhou-2020 $C tables/fund_expenditure-empty.png '年政府性基金预算支出表$' 'before:年国有资本经营预算支出表$'
crop cangzhou-2020 $C tables/state_capital_expenditure-empty.png '年国有资本经营预算支出表$' page

echo "docs-images: chart (docs/charts.md)"
crop jianshe-2021 90 charts/three_public.png '“三公”经费预算对比$' 'through:（境）费$'

echo "docs-images: shapes (docs/performance-targets.md)"
crop cangzhou-2020 $C shapes/seed004-performance.png '年部门职责活动绩效目标表$' 'before:^指导全区理论研'
crop renwu-2019 $C shapes/renwu.png '^附件$' page
crop mubiao-2020 $C shapes/mubiao.png '^附件$' 'before:^8\.$'
crop zeren-2019 $C shapes/zeren.png '目标责任书$' page
crop xiangmu-2021 $C shapes/xiangmu.png '项目支出绩效目标表$' page
crop jianshe-2021 $C shapes/graded-summary.png '^绩效自评结果：$' 'through:^合计'
crop jianshe-2021 $C shapes/graded-table.png '绩效目标及自评表$' 'before:^组织实施'

big
