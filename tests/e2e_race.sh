# The path race of issue 12 (item 5, reading), sourced by tests/run.sh
# (which defines pass/fail and BIN); also runs alone:
#   tests/e2e_race.sh [BUDGETGEN]      (default build/release/budgetgen)
# A config's input folder holds notes.txt, which a background process
# swaps, as fast as it can, between a regular file and a symbolic link to a
# file OUTSIDE the project folder that holds a marker.  budgetgen judges
# what it opened, never a name it opens again, so the marker must never
# reach its output: 1,500 `tree` runs (at least 300 in 20 s) and up to 20
# `build`s (the PDF read back
# with pdftotext) must show it 0 times.  A run may fail (exit 2: the link
# was there when the file was opened) or print the regular file; it may
# not print the outside text.  Bounded to about 30 s.
if ! declare -F pass >/dev/null; then
    cd "$(dirname "$0")/.." || exit 2
    BIN=${1:-build/release/budgetgen}
    case $BIN in /*) ;; *) BIN=$PWD/$BIN ;; esac
    export LC_ALL=C.UTF-8
    PASSED=0 FAILED=0 RACE_ALONE=1
    pass() { PASSED=$((PASSED + 1)); }
    fail() { FAILED=$((FAILED + 1)); echo "FAIL: $*"; }
fi

RC=$(cd "$(mktemp -d)" && pwd -P)
mkdir -p "$RC/root/dept" "$RC/outside"
cp -r tests/data/minimal/. "$RC/root/dept/"
cp -r templates "$RC/root/"
sed -i 's|\.\./\.\./\.\./templates|../templates|' "$RC/root/dept/config.ini"
MARK=外部机密标记内容
printf '%s，不得公开。\n' "$MARK" >"$RC/outside/secret.txt"
NOTES=$RC/root/dept/input/2021/notes.txt

# The swapper: renameat2(RENAME_EXCHANGE) swaps notes.txt and a link to
# the outside file atomically, in a tight loop (a swap every few
# microseconds), so notes.txt is always present: a regular file (inside)
# or a link leading outside.  It stops by itself after 120 s.
ln -s "$RC/outside/secret.txt" "$RC/root/dept/input/2021/.race-link"
cat >"$RC/swap.c" <<'EOF'
#define _GNU_SOURCE
#include <fcntl.h>
#include <stdio.h>
#include <time.h>
int main(int argc, char **argv)
{
    if (argc != 3)
        return 2;
    time_t end = time(NULL) + 120;
    for (unsigned long i = 0;; i++) {
        if (renameat2(AT_FDCWD, argv[1], AT_FDCWD, argv[2], RENAME_EXCHANGE) != 0) {
            perror("renameat2");
            return 1;
        }
        if (i % 4096 == 0 && time(NULL) > end)
            return 0;
    }
}
EOF
cc -O2 -o "$RC/swap" "$RC/swap.c" || fail "race: cannot compile the swapper"
"$RC/swap" "$NOTES" "$RC/root/dept/input/2021/.race-link" &
SWAPPER=$!

race_runs=0 race_leaks=0 race_ok=0 race_refused=0 race_other=0
race_start=$SECONDS
cd "$RC/root/dept" || exit 2
while [ $race_runs -lt 1500 ] && [ $((SECONDS - race_start)) -lt 20 ]; do
    timeout -k 2 20 "$BIN" --root "$RC/root" tree config.ini >"$RC/out" 2>"$RC/err"
    st=$?
    race_runs=$((race_runs + 1))
    if grep -qF "$MARK" "$RC/out" "$RC/err"; then
        race_leaks=$((race_leaks + 1))
    elif [ $st -eq 0 ]; then
        race_ok=$((race_ok + 1))
    elif [ $st -eq 2 ] && grep -q 'notes.txt: error: leads to .*outside the project folder' "$RC/err"; then
        race_refused=$((race_refused + 1))
    else
        race_other=$((race_other + 1))
        [ $race_other -le 3 ] && { echo "race: tree exited $st:"; head -n 3 "$RC/err"; }
    fi
done
# A few builds: the marker must not reach a published PDF either.
build_runs=0 build_leaks=0 build_written=0
while [ $build_runs -lt 20 ] && [ $((SECONDS - race_start)) -lt 30 ]; do
    rm -rf "$RC/root/dept/out"
    timeout -k 2 30 "$BIN" --root "$RC/root" build -q -o out config.ini >/dev/null 2>"$RC/err"
    build_runs=$((build_runs + 1))
    for f in out/*.pdf; do
        [ -f "$f" ] || continue
        build_written=$((build_written + 1))
        pdftotext "$f" - 2>/dev/null | tr -d ' \n' | grep -qF "$MARK" && build_leaks=$((build_leaks + 1))
    done
done
cd - >/dev/null || exit 2
kill "$SWAPPER" 2>/dev/null
wait "$SWAPPER" 2>/dev/null

echo "race: $race_runs tree runs: $race_leaks leaked the outside file, $race_ok printed the inside" \
    "file, $race_refused refused the link, $race_other failed otherwise;" \
    "$build_runs builds ($build_written PDFs): $build_leaks leaked"
[ $race_runs -ge 300 ] && pass || fail "race: only $race_runs tree runs in the time"
[ $race_leaks -eq 0 ] && pass || fail "race: the outside file reached tree output in $race_leaks of $race_runs runs"
[ $build_leaks -eq 0 ] && pass || fail "race: the outside file reached $build_leaks published PDFs"
[ $race_other -eq 0 ] && pass || fail "race: $race_other tree runs failed for another reason"
# Both sides of the race were seen: the test raced.
[ $race_ok -gt 0 ] && [ $((race_refused + race_leaks)) -gt 0 ] && pass \
    || fail "race: the swap was never seen ($race_ok inside, $race_refused refused)"
rm -rf "$RC"

if [ "${RACE_ALONE:-0}" = 1 ]; then
    echo "$PASSED passed, $FAILED failed"
    [ $FAILED -eq 0 ]
    exit
fi
