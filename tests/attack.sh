#!/usr/bin/env bash
# The acceptance test of issue 12: the attack on budgetgen, repeated in small
# (tests/tools/attack.py says what it does).  Run by tests/run.sh (make test);
# alone: tests/attack.sh [BIN].  It works in a fresh scratch folder with
# departments made by tools/synth.py, so the repository is never touched.
#
# Needs root, to mount the tmpfs folders.  Without root, or when a tmpfs
# cannot be mounted, it says so and exits 77 (skipped), or 1 when CI=true.
# Bounded to 4 minutes (ATTACK_SECONDS bounds the kill series, 200 s by
# default); the random seed is printed first (ATTACK_SEED overrides it).
# Ends with the line
#   attack: N wrong or partial published files, N leftover temporary files, N hangs, N crashes
# and exits 0 only if every count is 0.
set -u
cd "$(dirname "$0")/.."
BIN=${1:-$PWD/build/release/budgetgen}
BIN=$(cd "$(dirname "$BIN")" && pwd)/$(basename "$BIN")

skip() {
    if [ "${CI:-}" = true ]; then
        echo "attack: FAILED: $* (CI=true: the attack must run)"
        exit 1
    fi
    echo "attack: SKIPPED: $*"
    exit 77
}

[ -x "$BIN" ] || { echo "attack: $BIN is not built (make)"; exit 1; }
[ "$(id -u)" = 0 ] || skip "needs root to mount tmpfs folders"
WORK=$(mktemp -d /tmp/budgetgen-attack.XXXXXX)
cleanup() {
    # unmount whatever is still mounted under WORK, then remove it
    grep -o " $WORK/[^ ]*" /proc/mounts 2>/dev/null | sort -r | while read -r m; do umount -l "$m"; done
    rm -rf "$WORK"
}
trap cleanup EXIT
mkdir "$WORK/probe"
if ! mount -t tmpfs -o size=8k tmpfs "$WORK/probe" 2>"$WORK/probe.err"; then
    skip "cannot mount a tmpfs: $(cat "$WORK/probe.err")"
fi
umount "$WORK/probe"
rmdir "$WORK/probe"

timeout -k 5 240 /usr/bin/python3 tests/tools/attack.py "$BIN" "$PWD" "$WORK"
st=$?
if [ $st = 124 ] || [ $st = 137 ]; then
    echo "attack: FAILED: more than 4 minutes"
    exit 1
fi
exit $st
