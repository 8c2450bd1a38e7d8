#!/usr/bin/env bash
# Rewrites expected.stderr and expected.status of the named bad-input cases
# (all when none is named) from the current binary.  For reviewing changes
# of wording: run it, then read `git diff tests/bad` before committing —
# an expected output nobody has read is not a test.
set -u
cd "$(dirname "$0")/../.."
BIN=$PWD/build/release/budgetgen
cases=("$@")
[ ${#cases[@]} -eq 0 ] && cases=($(ls tests/bad | grep -v '\.sh$'))
for c in "${cases[@]}"; do
    d=$(mktemp -d)
    mkdir -p "$d/tests/bad/$c" "$d/templates"
    cp -r tests/data/minimal/. "$d/tests/bad/$c/"
    cp -r templates/. "$d/templates/"
    cmd=check
    [ -f "tests/bad/$c/command" ] && cmd=$(cat "tests/bad/$c/command")
    (cd "$d/tests/bad/$c" && ROOT=$OLDPWD bash "$OLDPWD/tests/bad/$c/setup.sh" &&
        LC_ALL=C.UTF-8 $BIN $cmd config.ini >/dev/null 2>"$OLDPWD/tests/bad/$c/expected.stderr"
        echo $? >"$OLDPWD/tests/bad/$c/expected.status")
    rm -rf "$d"
done
