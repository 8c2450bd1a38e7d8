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
# The layout is tests/run.sh's: TMP/root/tests/bad/NAME with --root TMP/root,
# TMP/outside as $OUTSIDE, and TMP written @TMP@.
for c in "${cases[@]}"; do
    d=$(cd "$(mktemp -d)" && pwd -P)
    mkdir -p "$d/root/tests/bad/$c" "$d/root/templates" "$d/outside"
    cp -r tests/data/minimal/. "$d/root/tests/bad/$c/"
    cp -r templates/. "$d/root/templates/"
    mkdir -p "$d/root/tests/bad/$c/output"
    echo previous >"$d/root/tests/bad/$c/output/keep.pdf"
    cmd=check
    [ -f "tests/bad/$c/command" ] && cmd=$(cat "tests/bad/$c/command")
    (cd "$d/root/tests/bad/$c" && ROOT=$OLDPWD OUTSIDE=$d/outside bash "$OLDPWD/tests/bad/$c/setup.sh" &&
        LC_ALL=C.UTF-8 $BIN --root "$d/root" $cmd config.ini >/dev/null 2>"$d/stderr"
        echo $? >"$OLDPWD/tests/bad/$c/expected.status"
        sed "s|$d|@TMP@|g" "$d/stderr" >"$OLDPWD/tests/bad/$c/expected.stderr"
        [ -f "$OLDPWD/tests/bad/$c/teardown.sh" ] && bash "$OLDPWD/tests/bad/$c/teardown.sh")
    rm -rf "$d"
done
