#!/usr/bin/env bash
# The test runner behind `make test` (and .ci/run).  Runs, in order:
#   1. unit tests (tests/unit/test_*.c), release and ASan+UBSan builds;
#   2. command-line behaviour (--help, usage errors), and the message
#      catalogue: every message has a Chinese translation (tests/i18n.sh);
#   3. bad-input cases (tests/bad/*/): each copies tests/data/minimal, breaks
#      one thing with its setup.sh, runs budgetgen and compares the exit
#      status and the complete stderr with expected.status / expected.stderr,
#      and checks that output/ holds no new or partial file.  The case lives
#      in TMP/root/tests/bad/NAME, next to TMP/root/templates, and runs with
#      --root TMP/root; TMP/outside is a folder outside the project folder
#      ($OUTSIDE for setup.sh) that must stay as setup.sh left it.  TMP is
#      written @TMP@ in expected.stderr.  teardown.sh, if present, undoes
#      what rm -rf cannot (chattr +i); setup.sh exiting 77 skips the case;
#   4. end-to-end tests on the sample disclosure (tests/e2e.sh), of the
#      PDF's validity as readers see it (tests/e2e_pdfvalid.sh), of the
#      faces by role and CFF fonts (tests/e2e_faces.sh), the figures
#      face ([fonts] figures: tests/e2e_figures.sh), the smaller
#      embedding, outlines unchanged (tests/e2e_cffopt.sh), of a
#      department's first year, the tables a region picks and names as
#      people type them (tests/e2e_firstyear.sh), the “三公” table and
#      机关运行经费 samples of issue 13 (tests/e2e_sangong.sh), amounts and
#      comparison cases as the text writes them (tests/e2e_words.sh), input
#      typed in 元 and published in 万元, tables in 元 and text in 万元
#      (tests/e2e_units.sh), one code list per year (tests/e2e_codes.sh),
#      page breaks, 续表 and title lines of every sample (tests/e2e_layout.sh),
#      regional profiles (tests/e2e_profiles.sh), CSV files as Excel saves
#      them and their Chinese names (tests/e2e_excel.sh), budgetgen import
#      (round trip, the budget system's export: tests/e2e_import.sh), the
#      Chinese documentation: links, keys, file names, messages and the
#      guide's commands (tests/e2e_docs.sh),
#      政府采购预算 and 国有资产 (procurement.csv, assets.csv: tests/e2e_procure.sh),
#      the 决算 (tests/e2e_juesuan.sh; its 主要是 lines, part 十 and
#      profile: tests/e2e_jstext.sh),
#      revenue sources, shares and lists (tests/e2e_sources.sh), units,
#      targets and projects (tests/e2e_projects.sh), the cover,
#      the 目录 and the bookmarks of every sample (tests/e2e_toc.sh), the
#      samples' own text: seed 002's whole notice, the illustrative 附表
#      marked as such (tests/e2e_notice.sh), the path
#      race (tests/e2e_race.sh), of printed figures (tests/e2e_numbers.sh:
#      the property test tests/prop/), of batch builds with the portal index
#      and tools/synth.py (tests/e2e_batch.sh), of the open data (CSV files,
#      datapackage.json, the PDF's attachments: tests/e2e_opendata.sh), of the
#      messages in Chinese: every bad-input case again under zh_CN.UTF-8,
#      findings and help in both languages, documents identical in both
#      (tests/e2e_lang.sh), of publishing under faults:
#      full disks, kills, signals, two writers, a swapped output folder
#      (tests/e2e_publish.sh), and of runaway templates and inputs under
#      time and memory limits (tests/e2e_limits.sh);
#   5. valgrind on the sample (no leaks, no errors);
#   6. the acceptance attack of issue 12 (tests/attack.sh: kills, full
#      tmpfs, path races, a FIFO, recursive templates, a 款 of 70 项), one
#      pass or fail; skipped with --quick, and when not root (a failure then
#      with CI=true).
# Ends with the line "N passed, N failed"; exits 1 if anything failed.
# Options: --quick (skip ASan and valgrind), --valgrind-only.
set -u
cd "$(dirname "$0")/.."
ROOT=$PWD
BIN=$ROOT/build/release/budgetgen
ASAN_BIN=$ROOT/build/asan/budgetgen
export LC_ALL=C.UTF-8
PASSED=0
FAILED=0
QUICK=0
ONLY_VALGRIND=0
for a in "$@"; do
    case $a in
    --quick) QUICK=1 ;;
    --valgrind-only) ONLY_VALGRIND=1 ;;
    esac
done

pass() { PASSED=$((PASSED + 1)); }
fail() { FAILED=$((FAILED + 1)); echo "FAIL: $*"; }
export -f pass fail 2>/dev/null

# Runs one unit-test binary and adds its "N passed, M failed" counts.
run_unit() {
    local bin=$1 out line p f
    out=$("$bin" 2>&1)
    local rc=$?
    line=$(printf '%s\n' "$out" | grep -E '^[0-9]+ passed, [0-9]+ failed$' | tail -n 1)
    if [ -z "$line" ]; then
        fail "$bin: exit $rc without a result line"
        printf '%s\n' "$out" | tail -n 20
        return
    fi
    p=${line%% passed*}
    f=${line#*passed, }
    f=${f%% failed*}
    PASSED=$((PASSED + p))
    FAILED=$((FAILED + f))
    if [ "$f" -ne 0 ] || [ $rc -ne 0 ]; then
        printf '%s\n' "$out" | grep -E '^FAIL|ERROR|Sanitizer|runtime error' | head -n 30
        [ "$f" -ne 0 ] || fail "$bin: exit $rc"
    fi
    echo "unit $(basename "$(dirname "$(dirname "$bin")")")/$(basename "$bin"): $line"
}

run_valgrind() {
    if ! command -v valgrind >/dev/null; then
        fail "valgrind is not installed (make deps)"
        return
    fi
    local tmp
    tmp=$(mktemp -d)
    if valgrind -q --leak-check=full --errors-for-leak-kinds=definite,indirect \
        --error-exitcode=99 "$BIN" check -q config/cangzhou-2020.ini >/dev/null 2>"$tmp/vg"; then
        pass
    elif grep -q '==[0-9]*==' "$tmp/vg"; then
        fail "valgrind reports on budgetgen check"
        grep '==[0-9]*==' "$tmp/vg" | head -n 30
    else
        pass # exit status from findings, no valgrind report
    fi
    if valgrind -q --leak-check=full --errors-for-leak-kinds=definite,indirect \
        --error-exitcode=99 "$BIN" build -q -o "$tmp/out" config/cangzhou-2020.ini >/dev/null 2>"$tmp/vg2"; then
        pass
    else
        fail "valgrind reports on budgetgen build"
        grep '==[0-9]*==' "$tmp/vg2" | head -n 30
    fi
    rm -rf "$tmp"
}

if [ $ONLY_VALGRIND -eq 1 ]; then
    run_valgrind
    echo "$PASSED passed, $FAILED failed"
    [ $FAILED -eq 0 ]
    exit
fi

# ---- 1. unit tests ----------------------------------------------------------
for t in build/release/tests/test_*; do
    [ -x "$t" ] && run_unit "$t"
done
if [ $QUICK -eq 0 ]; then
    for t in build/asan/tests/test_*; do
        [ -x "$t" ] && ASAN_OPTIONS=detect_leaks=1 run_unit "$t"
    done
fi

# ---- 2. command line -----------------------------------------------------------
expect_status() { # expected command...
    local want=$1
    shift
    "$@" >/dev/null 2>&1
    local got=$?
    if [ "$got" -eq "$want" ]; then pass; else fail "$* exited $got, expected $want"; fi
}
expect_status 0 "$BIN" --help
expect_status 2 "$BIN"
expect_status 2 "$BIN" frobnicate config/cangzhou-2020.ini
expect_status 2 "$BIN" check no/such/config.ini
expect_status 2 "$BIN" check --format=doc config/cangzhou-2020.ini
if "$BIN" --help | grep -q 'percent_trim' && "$BIN" --help | grep -q 'three_public.csv'; then
    pass
else
    fail "--help does not list every config key and input file"
fi
# The project folder: --root must be a folder; without it, the current
# folder, and a config naming a folder outside it is refused at its line.
expect_status 2 "$BIN" check --root no/such/folder config/cangzhou-2020.ini
expect_status 2 "$BIN" check --root config/cangzhou-2020.ini config/cangzhou-2020.ini
expect_status 0 "$BIN" check -q --root . config/jianshe-2021.ini
expect_status 0 "$BIN" check -q --root / config/jianshe-2021.ini
CL=$(mktemp -d)
sed 's|^dir *= input/jianshe-2021$|dir = /etc|' config/jianshe-2021.ini >"$CL/etc.ini"
"$BIN" check "$CL/etc.ini" >/dev/null 2>"$CL/err"
st=$?
want="$CL/etc.ini:22: error: dir = \"/etc\": outside the project folder $(pwd -P) (the folder budgetgen runs from): budgetgen reads and writes only under it; move the files under it, or run with --root DIR to allow a wider folder"
[ $st -eq 2 ] && [ "$(head -n 1 "$CL/err")" = "$want" ] && pass \
    || { fail "a config naming /etc: exit $st"; head -n 3 "$CL/err"; }
"$BIN" --root nosuch check config/jianshe-2021.ini 2>"$CL/err"
[ "$(cat "$CL/err")" = "budgetgen: error: --root=nosuch: No such file or directory" ] && pass \
    || fail "--root nosuch: $(cat "$CL/err")"
rm -rf "$CL"
if out=$(bash tests/i18n.sh 2>&1); then pass; else fail "tests/i18n.sh"; printf '%s\n' "$out" | head -n 30; fi

# ---- 3. bad-input cases ----------------------------------------------------------
run_bad_case() {
    local dir=$1 name tmp want_status got_status cmd
    name=$(basename "$dir")
    tmp=$(cd "$(mktemp -d)" && pwd -P)
    local root=$tmp/root
    mkdir -p "$root/tests/bad/$name" "$root/templates" "$tmp/outside"
    cp -r tests/data/minimal/. "$root/tests/bad/$name/"
    cp -r templates/. "$root/templates/"
    local work=$root/tests/bad/$name
    mkdir -p "$work/output"
    echo previous >"$work/output/keep.pdf" # a published file that must stay untouched
    if [ -f "$dir/setup.sh" ]; then
        (cd "$work" && ROOT=$ROOT OUTSIDE=$tmp/outside bash "$ROOT/$dir/setup.sh")
        local setup_status=$?
        if [ $setup_status = 77 ]; then
            echo "SKIP: bad/$name: setup.sh cannot make the case here"
            rm -rf "$tmp"
            return
        elif [ $setup_status != 0 ]; then
            fail "bad/$name: setup.sh failed"
            [ -f "$dir/teardown.sh" ] && (cd "$work" && bash "$ROOT/$dir/teardown.sh")
            rm -rf "$tmp"
            return
        fi
    fi
    local outside_before
    outside_before=$(cd "$tmp/outside" && find . -printf '%p %s %T@\n' | sort)
    cmd=check
    [ -f "$dir/command" ] && cmd=$(cat "$dir/command")
    local runbin=$BIN
    [ "${BAD_ASAN:-0}" = 1 ] && runbin=$ASAN_BIN
    # timeout: a case must not hang the suite (a FIFO as an input file did).
    # BAD_LANG: the case under that locale (tests/e2e_lang.sh), its stderr
    # checked by bad_lang_check instead of compared with expected.stderr.
    (cd "$work" && LC_ALL=${BAD_LANG:-$LC_ALL} timeout -k 5 120 $runbin --root "$root" $cmd config.ini \
        >"$tmp/stdout" 2>"$tmp/stderr.raw")
    got_status=$?
    [ -f "$dir/teardown.sh" ] && (cd "$work" && bash "$ROOT/$dir/teardown.sh")
    sed "s|$tmp|@TMP@|g" "$tmp/stderr.raw" >"$tmp/stderr"
    want_status=$(cat "$dir/expected.status")
    local ok=1
    if [ "$got_status" != "$want_status" ]; then
        fail "bad/$name: exit status $got_status, expected $want_status"
        ok=0
    fi
    if [ -n "${BAD_LANG:-}" ]; then
        bad_lang_check "$dir" "$tmp/stderr" || ok=0
    elif ! diff -u "$dir/expected.stderr" "$tmp/stderr" >"$tmp/diff"; then
        fail "bad/$name: stderr differs from expected.stderr"
        head -n 20 "$tmp/diff"
        ok=0
    fi
    # expected.grep: lines that must appear in stdout (e.g. a `tree` dump).
    if [ -f "$dir/expected.grep" ]; then
        while IFS= read -r want; do
            [ -z "$want" ] && continue
            if ! grep -qF -- "$want" "$tmp/stdout"; then
                fail "bad/$name: stdout lacks: $want"
                ok=0
            fi
        done <"$dir/expected.grep"
    fi
    # Nothing new or partial in output/, and the previous file untouched.
    local extra
    extra=$(cd "$work/output" && ls -A | grep -v '^keep.pdf$')
    if [ "$(cat "$work/output/keep.pdf" 2>/dev/null)" != previous ] || { [ -n "$extra" ] && [ "$want_status" != 0 ]; }; then
        fail "bad/$name: output/ changed: $extra"
        ok=0
    fi
    # Nothing written outside the project folder either.
    if [ "$(cd "$tmp/outside" && find . -printf '%p %s %T@\n' | sort)" != "$outside_before" ]; then
        fail "bad/$name: the folder outside the project folder changed: $(cd "$tmp/outside" && find .)"
        ok=0
    fi
    [ $ok = 1 ] && pass
    rm -rf "$tmp"
}
for d in tests/bad/*/; do
    [ -f "$d/expected.status" ] && run_bad_case "${d%/}"
done
if [ $QUICK -eq 0 ] && [ -x "$ASAN_BIN" ]; then
    # The same cases under ASan+UBSan: a crash or a report fails the case.
    for d in tests/bad/*/; do
        [ -f "$d/expected.status" ] && BAD_ASAN=1 run_bad_case "${d%/}"
    done
fi

# ---- 4. end-to-end -----------------------------------------------------------------
if [ -f tests/e2e.sh ]; then
    # shellcheck source=tests/e2e.sh
    . tests/e2e.sh
fi
if [ -f tests/e2e_pdfvalid.sh ]; then
    # shellcheck source=tests/e2e_pdfvalid.sh
    . tests/e2e_pdfvalid.sh
fi
if [ -f tests/e2e_faces.sh ]; then
    # shellcheck source=tests/e2e_faces.sh
    . tests/e2e_faces.sh
fi
if [ -f tests/e2e_figures.sh ]; then
    # shellcheck source=tests/e2e_figures.sh
    . tests/e2e_figures.sh
fi
if [ -f tests/e2e_cffopt.sh ]; then
    # shellcheck source=tests/e2e_cffopt.sh
    . tests/e2e_cffopt.sh
fi
if [ -f tests/e2e_tables.sh ]; then
    # shellcheck source=tests/e2e_tables.sh
    . tests/e2e_tables.sh
fi
if [ -f tests/e2e_layout.sh ]; then
    # shellcheck source=tests/e2e_layout.sh
    . tests/e2e_layout.sh
fi
if [ -f tests/e2e_shapes.sh ]; then
    # shellcheck source=tests/e2e_shapes.sh
    . tests/e2e_shapes.sh
fi
if [ -f tests/e2e_firstyear.sh ]; then
    # shellcheck source=tests/e2e_firstyear.sh
    . tests/e2e_firstyear.sh
fi

if [ -f tests/e2e_sangong.sh ]; then
    # shellcheck source=tests/e2e_sangong.sh
    . tests/e2e_sangong.sh
fi
if [ -f tests/e2e_words.sh ]; then
    # shellcheck source=tests/e2e_words.sh
    . tests/e2e_words.sh
fi
if [ -f tests/e2e_units.sh ]; then
    # shellcheck source=tests/e2e_units.sh
    . tests/e2e_units.sh
fi
if [ -f tests/e2e_codes.sh ]; then
    # shellcheck source=tests/e2e_codes.sh
    . tests/e2e_codes.sh
fi
if [ -f tests/e2e_profiles.sh ]; then
    # shellcheck source=tests/e2e_profiles.sh
    . tests/e2e_profiles.sh
fi
if [ -f tests/e2e_excel.sh ]; then
    # shellcheck source=tests/e2e_excel.sh
    . tests/e2e_excel.sh
fi
if [ -f tests/e2e_import.sh ]; then
    # shellcheck source=tests/e2e_import.sh
    . tests/e2e_import.sh
fi
if [ -f tests/e2e_docs.sh ]; then
    # shellcheck source=tests/e2e_docs.sh
    . tests/e2e_docs.sh
fi
if [ -f tests/e2e_procure.sh ]; then
    # shellcheck source=tests/e2e_procure.sh
    . tests/e2e_procure.sh
fi
if [ -f tests/e2e_juesuan.sh ]; then
    # shellcheck source=tests/e2e_juesuan.sh
    . tests/e2e_juesuan.sh
fi
if [ -f tests/e2e_jstext.sh ]; then
    # shellcheck source=tests/e2e_jstext.sh
    . tests/e2e_jstext.sh
fi
if [ -f tests/e2e_sources.sh ]; then
    # shellcheck source=tests/e2e_sources.sh
    . tests/e2e_sources.sh
fi
if [ -f tests/e2e_projects.sh ]; then
    # shellcheck source=tests/e2e_projects.sh
    . tests/e2e_projects.sh
fi
if [ -f tests/e2e_notice.sh ]; then
    # shellcheck source=tests/e2e_notice.sh
    . tests/e2e_notice.sh
fi
if [ -f tests/e2e_toc.sh ]; then
    # shellcheck source=tests/e2e_toc.sh
    . tests/e2e_toc.sh
fi
if [ -f tests/e2e_race.sh ]; then
    # shellcheck source=tests/e2e_race.sh
    . tests/e2e_race.sh
fi

if [ -f tests/e2e_numbers.sh ]; then
    # shellcheck source=tests/e2e_numbers.sh
    . tests/e2e_numbers.sh
fi

if [ -f tests/e2e_batch.sh ]; then
    # shellcheck source=tests/e2e_batch.sh
    . tests/e2e_batch.sh
fi
if [ -f tests/e2e_opendata.sh ]; then
    # shellcheck source=tests/e2e_opendata.sh
    . tests/e2e_opendata.sh
fi
if [ -f tests/e2e_lang.sh ]; then
    # shellcheck source=tests/e2e_lang.sh
    . tests/e2e_lang.sh
fi
if [ -f tests/e2e_limits.sh ]; then
    # shellcheck source=tests/e2e_limits.sh
    . tests/e2e_limits.sh
fi

if [ -f tests/e2e_publish.sh ]; then
    # shellcheck source=tests/e2e_publish.sh
    . tests/e2e_publish.sh
fi

# ---- 5. valgrind ---------------------------------------------------------------------
[ $QUICK -eq 0 ] && run_valgrind

# ---- 6. the attack, in small -----------------------------------------------------------
if [ $QUICK -eq 0 ]; then
    bash tests/attack.sh "$BIN" >"${TMPDIR:-/tmp}/attack.$$.out" 2>&1
    st=$?
    if [ $st = 0 ]; then
        pass
        grep '^attack: [0-9]' "${TMPDIR:-/tmp}/attack.$$.out"
    elif [ $st = 77 ]; then
        grep '^attack: SKIPPED' "${TMPDIR:-/tmp}/attack.$$.out"
    else
        fail "tests/attack.sh (exit $st)"
        grep -v '^attack: [a-z].*([0-9]* s)$' "${TMPDIR:-/tmp}/attack.$$.out" | tail -n 80
    fi
    rm -f "${TMPDIR:-/tmp}/attack.$$.out"
fi

echo "$PASSED passed, $FAILED failed"
[ $FAILED -eq 0 ]
