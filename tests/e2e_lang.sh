# Sourced by tests/run.sh: budgetgen's messages in Chinese (issue 16,
# docs/messages.md).  Needs the zh_CN.UTF-8 locale (make deps installs it).
#   1. every bad-input case once more under LC_ALL=zh_CN.UTF-8: the same exit
#      status and output/ rules, and a stderr whose every line is its
#      English expected.stderr line in Chinese (tests/tools/zh_stderr.py);
#   2. sample findings, --help and the help topics, exact, in both languages;
#   3. --lang and [document] language override the locale; C.UTF-8 is English;
#   4. the sample PDFs and workbooks are byte-identical under zh_CN.UTF-8 and
#      C.UTF-8 (the locale changes no number in a document).

if ! locale -a 2>/dev/null | grep -qix 'zh_CN.utf8'; then
    fail "the zh_CN.UTF-8 locale is not installed (make deps)"
else
    # ---- 1. the bad-input cases under zh_CN.UTF-8 ----
    bad_lang_check() { # case-dir zh-stderr
        local out
        if ! out=$(/usr/bin/python3 tests/tools/zh_stderr.py "$1/expected.stderr" "$2"); then
            fail "bad/$(basename "$1") under zh_CN.UTF-8: $(printf '%s\n' "$out" | head -n 3)"
            return 1
        fi
    }
    for d in tests/bad/*/; do
        [ -f "$d/expected.status" ] && BAD_LANG=zh_CN.UTF-8 run_bad_case "${d%/}"
    done
fi
