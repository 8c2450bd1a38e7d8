# End-to-end test of the Chinese documentation (issue 16, point 3), sourced
# by tests/run.sh (which defines pass/fail, BIN and ROOT; the working folder
# is the project).  tests/tools/docs_check.py does the checks:
#   1. every relative link and image of README.md and docs/zh/*.md leads to
#      an existing file (and a #anchor into a .md file to one of its
#      headings); the checker is first shown a page with a broken link, a
#      broken image and a broken anchor, and must report all three;
#   2. every config key of docs/zh/config.md is a key of gen/config.c, and
#      every key of gen/config.c is on the page;
#   3. every input file of docs/zh/input.md is one budgetgen reads (gen/names.c),
#      every file it reads has its section, and the table of Chinese file
#      names is that of gen/names.c;
#   4. every message docs/zh/findings.md shows is word for word one that a
#      test expects (tests/bad/*/expected.stderr) or the English docs quote;
#   5. every command of docs/zh/guide.md that runs build/release/budgetgen on
#      a sample config exits as the guide shows, printing the summary lines
#      and findings the guide shows (in a copy of config/, input/, templates/).

DD=$(mktemp -d)
DOCS_PY=/usr/bin/python3
docs_check() { # name, then the check's arguments
    local name=$1
    shift
    if "$DOCS_PY" tests/tools/docs_check.py "$@" >"$DD/out" 2>&1; then
        pass
    else
        fail "e2e_docs: $name: $(grep -v "^ran (" "$DD/out" | head -n 20)"
    fi
}

# 1. the link checker itself finds a broken link, image and anchor
mkdir -p "$DD/self/docs"
printf '# 标题\n\n## 第一节\n' >"$DD/self/docs/a.md"
printf '[好](docs/a.md#第一节) [坏](docs/nosuch.md)\n\n![图](docs/nosuch.png)\n\n[锚](docs/a.md#第二节)\n' >"$DD/self/README.md"
if "$DOCS_PY" tests/tools/docs_check.py links "$DD/self/README.md" >"$DD/self.out" 2>&1; then
    fail "e2e_docs: the link checker accepts a page with broken links"
elif [ "$(grep -c 'broken link' "$DD/self.out")" -eq 3 ] && ! grep -q '第一节' "$DD/self.out"; then
    pass
else
    fail "e2e_docs: the link checker reports: $(cat "$DD/self.out")"
fi

ZH_PAGES="docs/zh/guide.md docs/zh/findings.md docs/zh/input.md docs/zh/config.md"
for f in $ZH_PAGES; do
    if [ -s "$f" ]; then pass; else fail "e2e_docs: $f is missing"; fi
done
if head -n 40 README.md | grep -q '使用指南' && head -n 40 README.md | grep -q 'make demo'; then
    pass
else
    fail "e2e_docs: README.md does not open in Chinese with the two commands and the guide"
fi
if [ -d docs/zh ]; then docs_check links links README.md docs/zh/*.md; else docs_check links links README.md; fi

# Images of the pages stay small (< 150 KB each).
for img in docs/images/zh/*.png; do
    [ -f "$img" ] || continue
    if [ "$(stat -c %s "$img")" -lt 153600 ]; then pass; else fail "e2e_docs: $img is 150 KB or more"; fi
done

# 2.–5.
[ -f docs/zh/config.md ] && docs_check config config docs/zh/config.md gen/config.c
[ -f docs/zh/input.md ] && docs_check inputs inputs docs/zh/input.md gen/names.c
# shellcheck disable=SC2046
[ -f docs/zh/findings.md ] && docs_check messages messages docs/zh/findings.md \
    $(ls tests/bad/*/expected.stderr) docs/input.md docs/config.md docs/import.md
[ -f docs/zh/guide.md ] && docs_check commands commands docs/zh/guide.md "$BIN" "$ROOT"

rm -rf "$DD"
