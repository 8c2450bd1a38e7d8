#!/usr/bin/env bash
# make test-browser: the portal index (index.html of a batch build) loaded in
# headless Chromium, which runs its inline script: every department is in
# the DOM; ?q= filters rows the way the search box does; ?sort= orders them
# the way a click on a column head does.  Not part of `make test`: Chromium
# is large, and is installed here (Debian package chromium) only if absent.
# Ends with "N passed, N failed".
set -u
cd "$(dirname "$0")/.."
BIN=$PWD/build/release/budgetgen
export LC_ALL=C.UTF-8
PASSED=0
FAILED=0
pass() { PASSED=$((PASSED + 1)); }
fail() { FAILED=$((FAILED + 1)); echo "FAIL: $*"; }

if ! command -v chromium >/dev/null; then
    if [ "$(id -u)" -ne 0 ]; then
        echo "test-browser: chromium is not installed; as root: apt-get install chromium"
        exit 2
    fi
    echo "test-browser: installing chromium (Debian package)"
    DEBIAN_FRONTEND=noninteractive apt-get update -qq &&
        DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium >/dev/null || exit 2
fi

T=$(mktemp -d)
trap 'rm -rf "$T"' EXIT
CZ=沧州经济开发区管理委员会
mkdir -p "$T/cfg"
cp config/cangzhou-2020.ini config/jianshe-2021.ini "$T/cfg/"
sed "s/^department *=.*/department = ${CZ}（副本）/" config/cangzhou-2020.ini >"$T/cfg/copy-2020.ini"
if ! "$BIN" build -q -j 2 -o "$T/out" --all "$T/cfg" >/dev/null 2>"$T/err"; then
    fail "test-browser: the batch build failed"
    cat "$T/err"
    echo "$PASSED passed, $FAILED failed"
    exit 1
fi

# The page after its script ran, as Chromium serializes it.  No network, no
# profile, no updates: the file must work on its own.
dump() {
    local profile
    profile=$(mktemp -d)
    timeout 60 chromium --headless --no-sandbox --disable-gpu --disable-quic --no-first-run \
        --disable-background-networking --disable-component-update --disable-sync \
        --user-data-dir="$profile" --dump-dom "$1" 2>/dev/null
    rm -rf "$profile"
}
url="file://$T/out/index.html"
dump "$url" >"$T/all.html"
dump "$url?q=$(python3 -c 'import urllib.parse; print(urllib.parse.quote("副本"))')" >"$T/q.html"
dump "$url?sort=-pages" >"$T/pages.html"
dump "$url?sort=revenue" >"$T/revenue.html"

# Rows as the browser left them: (department, hidden?) in DOM order.
cat >"$T/rows.py" <<'EOF'
import html.parser, sys
class P(html.parser.HTMLParser):
    def __init__(self):
        super().__init__()
        self.rows, self.body, self.cell, self.shown, self.in_shown = [], False, None, "", False
    def handle_starttag(self, tag, attrs):
        a = dict(attrs)
        if tag == "tbody":
            self.body = True
        elif tag == "tr" and self.body:
            self.rows.append(["hidden" in a, []])
        elif tag == "td" and self.body:
            self.cell = ""
        if a.get("id") == "shown":
            self.in_shown = True
    def handle_endtag(self, tag):
        if tag == "td" and self.cell is not None:
            self.rows[-1][1].append(self.cell.strip())
            self.cell = None
        elif tag == "tbody":
            self.body = False
        elif tag == "span":
            self.in_shown = False
    def handle_data(self, d):
        if self.cell is not None:
            self.cell += d
        if self.in_shown:
            self.shown += d
p = P()
p.feed(open(sys.argv[1], encoding="utf-8").read())
print(p.shown.strip())
for hidden, cells in p.rows:
    print("%s\t%s" % ("hidden" if hidden else "shown", "\t".join(cells)))
EOF
rows() { python3 "$T/rows.py" "$1"; }

rows "$T/all.html" >"$T/all.txt"
if [ "$(grep -c '^shown' "$T/all.txt")" = 3 ] && grep -q "^shown	$CZ	" "$T/all.txt" &&
    grep -q "^shown	${CZ}（副本）	" "$T/all.txt" && grep -q "^shown	示例市住房和城乡建设局	" "$T/all.txt" &&
    grep -q '^显示 3 / 3 个部门$' "$T/all.txt"; then
    pass
else
    fail "test-browser: the DOM does not show every department"
    cat "$T/all.txt"
fi

rows "$T/q.html" >"$T/q.txt"
if [ "$(grep -c '^shown' "$T/q.txt")" = 1 ] && grep -q "^shown	${CZ}（副本）	" "$T/q.txt" &&
    grep -q '^显示 1 / 3 个部门$' "$T/q.txt"; then
    pass
else
    fail "test-browser: ?q=副本 does not filter the rows"
    cat "$T/q.txt"
fi

# Sorted by pages, descending: the page counts never increase.
rows "$T/pages.html" | tail -n +2 | cut -f 9 >"$T/pages.txt"
if [ "$(wc -l <"$T/pages.txt")" = 3 ] && sort -n -r -c "$T/pages.txt" 2>/dev/null &&
    grep -q 'aria-sort="descending"' "$T/pages.html"; then
    pass
else
    fail "test-browser: ?sort=-pages does not order by pages"
    cat "$T/pages.txt"
fi
# Sorted by 收入总计 ascending: 26,341.19 before 72,899.00.
if [ "$(rows "$T/revenue.html" | sed -n 2p | cut -f 2)" = 示例市住房和城乡建设局 ]; then
    pass
else
    fail "test-browser: ?sort=revenue does not order by the amount"
    rows "$T/revenue.html"
fi

echo "$PASSED passed, $FAILED failed"
[ $FAILED -eq 0 ]
