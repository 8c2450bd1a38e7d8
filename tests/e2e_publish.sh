# Publication under faults, sourced by tests/run.sh (which defines pass/fail,
# BIN and ROOT).  A department's PDF and workbook are one publication: after
# any failure, kill or signal the output folder holds either the old pair or
# the new pair (compared by checksum), never a mix, never a temporary file
# once the next build has run, and never a file outside the project folder.
# Cases: a full TMPDIR (an 8 KiB tmpfs) and a full output folder (tmpfs
# sized for the PDF but not the workbook, and the reverse); `ulimit -f`;
# kill -9 at random moments, then a rebuild; SIGINT, SIGTERM and SIGHUP
# while temporary files exist; two builds into one folder (the lock); a
# crashed batch worker's clean-up next to look-alike names; the output
# folder swapped for a symbolic link while building.  The tmpfs cases need
# root (mount); elsewhere they are skipped with a note.

EP=$(cd "$(mktemp -d)" && pwd -P)
JSN=示例市住房和城乡建设局-2021
PR=$EP/root # a project folder with the sample department
mkdir -p "$PR/config" "$PR/input" "$EP/outside"
cp config/jianshe-2021.ini "$PR/config/"
cp -r input/jianshe-2019 input/jianshe-2020 input/jianshe-2021 "$PR/input/"
cp -r templates "$PR/"
export SOURCE_DATE_EPOCH_OLD=1600000000 SOURCE_DATE_EPOCH_NEW=1610000000

# Two versions of the pair (the dates differ, so every byte of meaning is
# the same but the checksums are not): old = version 0, new = version 1.
for v in 0 1; do
    epoch=$SOURCE_DATE_EPOCH_OLD
    [ $v = 1 ] && epoch=$SOURCE_DATE_EPOCH_NEW
    (cd "$PR" && SOURCE_DATE_EPOCH=$epoch "$BIN" build -q -o "$EP/ref$v" config/jianshe-2021.ini) \
        2>/dev/null
    for ext in pdf xlsx; do
        eval "SUM_${v}_$ext=\$(sha256sum <\"\$EP/ref$v/\$JSN.\$ext\" | cut -c1-64)"
    done
done
[ "$SUM_0_pdf" != "$SUM_1_pdf" ] && [ "$SUM_0_xlsx" != "$SUM_1_xlsx" ] && pass \
    || fail "publish: the two reference versions do not differ"

# Which pair folder $1 holds (files $2.pdf and $2.xlsx, default the
# sample's name): "old", "new", or what is wrong.
# A reader's side of the folder lock: the publishing step of a build (its
# two renames, by a child that a kill of the build does not reach) holds the
# lock until both names are in place; the lock file is not created here.
ep_wait_lock() {
    python3 -c 'import fcntl, os, sys
try:
    fd = os.open(sys.argv[1], os.O_RDONLY)
except OSError:
    sys.exit(0)
fcntl.flock(fd, fcntl.LOCK_SH)' "$1/.budgetgen.lock"
}
ep_pair() {
    local p x n=${2:-$JSN}
    ep_wait_lock "$1"
    [ -f "$1/$n.pdf" ] && [ -f "$1/$n.xlsx" ] || { echo "missing: $(ls -A "$1")"; return; }
    p=$(sha256sum <"$1/$n.pdf" | cut -c1-64)
    x=$(sha256sum <"$1/$n.xlsx" | cut -c1-64)
    if [ "$p" = "$SUM_0_pdf" ] && [ "$x" = "$SUM_0_xlsx" ]; then echo old
    elif [ "$p" = "$SUM_1_pdf" ] && [ "$x" = "$SUM_1_xlsx" ]; then echo new
    else echo "mixed or damaged (pdf $([ "$p" = "$SUM_0_pdf" ] && echo old || { [ "$p" = "$SUM_1_pdf" ] && echo new || echo other; }), xlsx $([ "$x" = "$SUM_0_xlsx" ] && echo old || { [ "$x" = "$SUM_1_xlsx" ] && echo new || echo other; }))"
    fi
}
# Everything in folder $1 besides the pair (the lock file of a build killed
# by SIGKILL is not a temporary file: it is reused, never trusted).
ep_extra() { ls -A "$1" | grep -v -x -e "$JSN.pdf" -e "$JSN.xlsx" -e "$JSN.data" -e .budgetgen.lock; ep_data_tmp "$1"; }
# Temporary files in the department's data folder (docs/open-data.md).
ep_data_tmp() { ls -A "$1/$JSN.data" 2>/dev/null | grep '^\.' | sed "s|^|$JSN.data/|"; }
# Everything besides the pair and the data folder, the lock file included.
ep_rest() { ls -A "$1" | grep -v -x -e "$JSN.pdf" -e "$JSN.xlsx" -e "$JSN.data"; ep_data_tmp "$1"; }
ep_put_old() { mkdir -p "$1" && cp "$EP/ref0/$JSN.pdf" "$EP/ref0/$JSN.xlsx" "$1/"; }
# Runs the new version's build in the project folder; extra arguments first.
ep_build() { (cd "$PR" && SOURCE_DATE_EPOCH=$SOURCE_DATE_EPOCH_NEW "$BIN" build -q "$@" config/jianshe-2021.ini); }
# Starts a build in the background with SIGINT at its default action (a
# non-interactive shell starts background jobs with SIGINT ignored); sets EP_PID.
ep_start() {
    (cd "$PR" && SOURCE_DATE_EPOCH=${EP_EPOCH:-$SOURCE_DATE_EPOCH_NEW} exec python3 -c \
        'import os, signal, sys; signal.signal(signal.SIGINT, signal.SIG_DFL); os.execv(sys.argv[1], sys.argv[1:])' \
        "$BIN" build -q "$@" config/jianshe-2021.ini) >/dev/null 2>"$EP/bg.err" &
    EP_PID=$!
}
# Waits (up to ~5 s) until folder $1 holds a hidden file of the department
# (a temporary file, in the old naming or the new); 0 if one appeared.
ep_wait_tmp() {
    local i
    for ((i = 0; i < 50000; i++)); do
        compgen -G "$1/.$JSN*" >/dev/null && return 0
        kill -0 "$EP_PID" 2>/dev/null || return 1
    done
    return 1
}

EP_MOUNT=0
mkdir -p "$EP/probe"
if mount -t tmpfs -o size=8k tmpfs "$EP/probe" 2>/dev/null; then
    umount "$EP/probe"
    EP_MOUNT=1
else
    echo "SKIP: publish: cannot mount a tmpfs here (not root?): the full-disk cases are not run"
fi

# ---- a full TMPDIR: libxlsxwriter's scratch files stop short ----------------
if [ $EP_MOUNT = 1 ]; then
    out=$EP/t1
    ep_put_old "$out"
    mkdir -p "$EP/tiny"
    mount -t tmpfs -o size=8k tmpfs "$EP/tiny"
    TMPDIR=$EP/tiny ep_build -o "$out" 2>"$EP/err"
    st=$?
    umount "$EP/tiny"
    want="no space left on the disk of TMPDIR=$EP/tiny while writing the workbook's parts: free space or set TMPDIR to a larger folder"
    [ $st = 2 ] && grep -qF "$want" "$EP/err" && pass \
        || { fail "publish: a full TMPDIR: exit $st, expected 2 and: $want"; head -n 3 "$EP/err"; }
    [ "$(ep_pair "$out")" = old ] && pass || fail "publish: a full TMPDIR: the folder holds $(ep_pair "$out")"
    [ -z "$(ep_extra "$out")" ] && pass || fail "publish: a full TMPDIR left $(ep_extra "$out")"
fi

# ---- a full output folder: room for the PDF but not the workbook, and the
# reverse; the old pair is on the same disk ----------------------------------
if [ $EP_MOUNT = 1 ]; then
    kib() { echo $((($(stat -c %s "$1") + 4095) / 4096 * 4)); } # in tmpfs pages
    old_k=$(($(kib "$EP/ref0/$JSN.pdf") + $(kib "$EP/ref0/$JSN.xlsx")))
    for room in "pdf $(($(kib "$EP/ref1/$JSN.pdf") + 8))" "none 8"; do
        read -r room_for room_k <<<"$room"
        out=$PR/output
        mkdir -p "$out"
        mount -t tmpfs -o size=$((old_k + room_k))k tmpfs "$out"
        ep_put_old "$out"
        ep_build 2>"$EP/err"
        st=$?
        pair=$(ep_pair "$out")
        extra=$(ep_extra "$out")
        umount "$out"
        want="no space left on the disk of the output folder"
        [ $st = 2 ] && grep -qF "$want" "$EP/err" && pass \
            || { fail "publish: a full output folder (room for $room_for): exit $st"; head -n 3 "$EP/err"; }
        [ "$pair" = old ] && pass || fail "publish: a full output folder (room for $room_for): it holds $pair"
        [ -z "$extra" ] && pass || fail "publish: a full output folder (room for $room_for) left $extra"
    done
    rmdir "$PR/output"
fi

# ---- ulimit -f: SIGXFSZ is a write error, not a death -----------------------
out=$EP/t3
ep_put_old "$out"
(ulimit -f 100 && ep_build -o "$out") 2>"$EP/err"
st=$?
[ $st = 2 ] && grep -q 'file size limit' "$EP/err" && pass \
    || { fail "publish: ulimit -f 100: exit $st, expected 2 and a message"; head -n 3 "$EP/err"; }
[ "$(ep_pair "$out")" = old ] && [ -z "$(ep_extra "$out")" ] && pass \
    || fail "publish: ulimit -f 100: $(ep_pair "$out"); left: $(ep_extra "$out")"

# ---- kill -9 at random moments, then a rebuild --------------------------------
# (The one moment a kill can still mix the pair is between the two renames,
# a few microseconds of a ~100 ms build: about 1 in 20,000 kills.)
out=$EP/t4
ep_put_old "$out"
bad=0
for ((i = 0; i < 40; i++)); do
    EP_EPOCH=$SOURCE_DATE_EPOCH_OLD
    [ $((i % 2)) = 0 ] && EP_EPOCH=$SOURCE_DATE_EPOCH_NEW
    (cd "$PR" && SOURCE_DATE_EPOCH=$EP_EPOCH exec "$BIN" build -q -o "$out" config/jianshe-2021.ini) \
        >/dev/null 2>&1 &
    EP_PID=$!
    sleep "$(printf '0.%03d' $((RANDOM % 150)))"
    kill -KILL $EP_PID 2>/dev/null
    wait $EP_PID 2>/dev/null
    p=$(ep_pair "$out")
    case $p in old | new) ;; *) bad=$((bad + 1)); echo "publish: after kill $i: $p" ;; esac
done
EP_EPOCH=
[ $bad = 0 ] && pass || fail "publish: $bad of 40 kills left a mixed or damaged pair"
ep_build -o "$out" 2>"$EP/err"
st=$?
[ $st = 0 ] && [ "$(ep_pair "$out")" = new ] && [ -z "$(ep_rest "$out")" ] && pass \
    || fail "publish: the build after 40 kills: exit $st, $(ep_pair "$out"), left: $(ep_extra "$out")"

# ---- SIGINT, SIGTERM, SIGHUP while temporary files exist ---------------------
# The signal removes them.  It normally lands while the files are written
# (the old pair stays); one that lands during the two renames waits for
# them (signals are blocked there), so the new pair may stand: never a mix.
# A build too quick for the poll to see its temporary files is run again.
for sig in INT TERM HUP; do
    out=$EP/t5$sig
    seen=0
    for ((try = 0; try < 5; try++)); do
        ep_put_old "$out"
        ep_start -o "$out"
        if ep_wait_tmp "$out"; then
            seen=1
            break
        fi
        wait $EP_PID 2>/dev/null
    done
    if [ $seen = 1 ]; then
        kill -$sig $EP_PID
        wait $EP_PID 2>/dev/null
        p=$(ep_pair "$out")
        { [ "$p" = old ] || [ "$p" = new ]; } && [ -z "$(ep_rest "$out")" ] \
            && pass || fail "publish: SIG$sig: $p; left: $(ep_extra "$out")"
    else
        fail "publish: SIG$sig: no temporary file was seen in 5 builds"
    fi
done

# ---- two builds into one folder at once: the second is refused ---------------
out=$EP/t6
ep_put_old "$out"
sed 's/^\[output\]$/[output]\nname = copy/' "$PR/config/jianshe-2021.ini" >"$EP/ref-copy.ini"
# The first build is caught while its temporary files exist (then stopped);
# on a busy machine it may finish before a poll sees them: tried up to 5
# times.
seen=0
for ((try = 0; try < 5; try++)); do
    ep_start -o "$out"
    if ep_wait_tmp "$out"; then
        seen=1
        break
    fi
    wait $EP_PID
    ep_put_old "$out"
done
if [ $seen = 1 ]; then
    kill -STOP $EP_PID
    ep_build -o "$out" 2>"$EP/err"
    st=$?
    # A batch into the same folder is refused as a whole, before any build.
    (cd "$PR" && "$BIN" build -q -j 2 -o "$out" config/jianshe-2021.ini "$EP/ref-copy.ini") \
        >/dev/null 2>"$EP/err2"
    stb=$?
    kill -CONT $EP_PID
    wait $EP_PID
    st1=$?
    [ $st = 2 ] && grep -qF "$out/ is being written by another budgetgen (pid $EP_PID): wait for it to finish" "$EP/err" \
        && pass || { fail "publish: a second build into a folder being written: exit $st"; head -n 3 "$EP/err"; }
    [ $stb = 2 ] && grep -qF "$out/ is being written by another budgetgen (pid $EP_PID)" "$EP/err2" \
        && pass || { fail "publish: a batch into a folder being written: exit $stb"; head -n 3 "$EP/err2"; }
    [ $st1 = 0 ] && [ "$(ep_pair "$out")" = new ] && [ -z "$(ep_rest "$out")" ] && pass \
        || fail "publish: the first build, after the refused second: exit $st1, $(ep_pair "$out"), left $(ep_extra "$out")"
else
    fail "publish: lock: no temporary file was seen in 5 builds"
fi

# ---- a crashed batch worker removes its own temporary files only --------------
# Department x is killed before its rename; beside it lie files whose names
# begin like x's temporary files (a department's published ".x.pdf.a.xlsx",
# an operator's ".x.xlsx.backup"): they must stay.
B=$EP/t7
mkdir -p "$B/cfg"
sed 's/^\[output\]$/[output]\nname = x/' "$PR/config/jianshe-2021.ini" >"$B/cfg/x.ini"
sed 's/^\[output\]$/[output]\nname = y/' "$PR/config/jianshe-2021.ini" >"$B/cfg/y.ini"
mkdir -p "$B/out"
echo keep1 >"$B/out/.x.pdf.a.xlsx"
echo keep2 >"$B/out/.x.xlsx.backup"
echo keep3 >"$B/out/.x.pdf.font0.zzzzzz"
(cd "$PR" && BUDGETGEN_TEST_CRASH_CONFIG=$B/cfg/x.ini "$BIN" build -q -j 2 -o "$B/out" \
    "$B/cfg/x.ini" "$B/cfg/y.ini") >/dev/null 2>"$EP/err"
st=$?
[ $st = 2 ] && grep -q 'killed by signal 9' "$EP/err" && pass || fail "publish: batch crash: exit $st"
[ "$(cat "$B/out/.x.pdf.a.xlsx" "$B/out/.x.xlsx.backup" "$B/out/.x.pdf.font0.zzzzzz" 2>&1)" = "keep1
keep2
keep3" ] && pass || fail "publish: a crashed worker's clean-up removed another file: $(ls -A "$B/out")"
# The index is rewritten after every batch (x listed as not updated).
[ "$(ls -A "$B/out" | LC_ALL=C sort | tr '\n' ' ')" = ".x.pdf.a.xlsx .x.pdf.font0.zzzzzz .x.xlsx.backup facts.csv index.csv index.html y.data y.pdf y.xlsx " ] \
    && pass || fail "publish: after a crashed worker the folder holds: $(ls -A "$B/out")"

# ---- a folder where the workbook goes: neither file is renamed ---------------
# The second rename of the pair would fail after the first: refused before
# either, so the old PDF stays and no temporary file is left.
out=$EP/t_dir
ep_put_old "$out"
rm "$out/$JSN.xlsx"
mkdir -p "$out/$JSN.xlsx/inside"
ep_build -o "$out" 2>"$EP/err"
st=$?
[ $st = 2 ] && grep -q 'a folder has that name' "$EP/err" \
    && [ "$(sha256sum <"$out/$JSN.pdf" | cut -c1-64)" = "$SUM_0_pdf" ] \
    && [ -z "$(ep_rest "$out")" ] && [ ! -e "$out/$JSN.data" ] && pass \
    || fail "publish: a folder named like the workbook: exit $st, $(head -c 300 "$EP/err"); folder: $(ls -A "$out")"

# ---- kill -9 of a whole batch (parent and workers) at random moments ----------
# Then a batch without kills: every department holds a whole pair, and no
# temporary file is left (each build removes what a killed one left).
K=$EP/t8
mkdir -p "$K/cfg" "$K/out"
for n in a b c; do
    sed "s/^\[output\]\$/[output]\nname = $n/" "$PR/config/jianshe-2021.ini" >"$K/cfg/$n.ini"
    cp "$EP/ref0/$JSN.pdf" "$K/out/$n.pdf"
    cp "$EP/ref0/$JSN.xlsx" "$K/out/$n.xlsx"
done
bad=0
for ((i = 0; i < 12; i++)); do
    epoch=$SOURCE_DATE_EPOCH_OLD
    [ $((i % 2)) = 0 ] && epoch=$SOURCE_DATE_EPOCH_NEW
    (cd "$PR" && SOURCE_DATE_EPOCH=$epoch exec setsid "$BIN" build -q -j 2 -o "$K/out" --all "$K/cfg") \
        >/dev/null 2>&1 &
    pid=$!
    sleep "$(printf '0.%03d' $((RANDOM % 300)))"
    kill -KILL -- -$pid 2>/dev/null
    wait $pid 2>/dev/null
    for n in a b c; do
        p=$(ep_pair "$K/out" $n)
        case $p in old | new) ;; *) bad=$((bad + 1)); echo "publish: after batch kill $i: $n: $p" ;; esac
    done
done
[ $bad = 0 ] && pass || fail "publish: $bad department pairs mixed or damaged after 12 batch kills"
(cd "$PR" && "$BIN" build -q -j 2 -o "$K/out" --all "$K/cfg") >/dev/null 2>"$EP/err"
st=$?
left=$(ls -A "$K/out" | grep -v -x -e '[abc]\.pdf' -e '[abc]\.xlsx' -e '[abc]\.data' -e 'index\.html' -e 'index\.csv' -e 'facts\.csv'
    ls -A "$K/out/a.data" "$K/out/b.data" "$K/out/c.data" 2>/dev/null | grep '^\.')
[ $st = 0 ] && [ -z "$left" ] && pass \
    || fail "publish: the batch after 12 kills: exit $st, left: $left"

# ---- the output folder swapped for a symbolic link while building --------------
# config's [output] dir = output, inside the project folder; a loop keeps
# replacing it by a link to a folder outside.  Each build writes inside or
# refuses (exit 2); nothing ever appears outside.
mkdir -p "$PR/output"
touch "$EP/swap.on"
(
    cd "$PR" || exit
    while [ -e "$EP/swap.on" ]; do
        if mv -T output output.real 2>/dev/null; then
            ln -sT "$EP/outside" output 2>/dev/null
            sleep 0.00$((RANDOM % 9 + 1))
            [ -L output ] && rm -f output
            mv -T output.real output 2>/dev/null
        fi
        sleep 0.00$((RANDOM % 9 + 1))
    done
) &
swapper=$!
sts=""
for ((i = 0; i < 20; i++)); do
    ep_build 2>/dev/null
    sts="$sts$? "
done
rm -f "$EP/swap.on"
wait $swapper
[ -z "$(ls -A "$EP/outside")" ] && pass \
    || fail "publish: the symlink swap wrote outside the project folder: $(ls -A "$EP/outside")"
[ -z "$(echo "$sts" | tr ' ' '\n' | grep -v -x -e 0 -e 2 -e '')" ] && pass \
    || fail "publish: the symlink swap: exit statuses $sts"

rm -rf "$EP"
