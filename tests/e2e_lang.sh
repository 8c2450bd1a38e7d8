# Sourced by tests/run.sh: budgetgen's messages in Chinese (issue 16,
# docs/messages.md).  Needs the zh_CN.UTF-8 locale (make deps installs it).
#   1. every bad-input case once more under LC_ALL=zh_CN.UTF-8: the same exit
#      status and output/ rules, and a stderr whose every line is its
#      English expected.stderr line in Chinese (tests/tools/zh_stderr.py);
#   2. sample findings, exact, in both languages (written by hand);
#   3. the choice of language: the locale, C.UTF-8, LANGUAGE, --lang and
#      [document] language;
#   4. --help and budgetgen help input|config|template in both languages;
#   5. every sample's PDF and workbook byte-identical under zh_CN.UTF-8 and
#      C.UTF-8 (the language changes no figure and no number format).

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

    # ---- 2. sample findings in both languages ----
    LT=$(cd "$(mktemp -d)" && pwd -P)
    # A copy of tests/data/minimal that sed command $1 breaks; prints its folder.
    lang_case() {
        local w=$LT/root/tests/lang/$2
        mkdir -p "$w" "$LT/root/templates"
        cp -r tests/data/minimal/. "$w/"
        [ -d "$LT/root/templates/tables" ] || cp -r templates/. "$LT/root/templates/"
        (cd "$w" && eval "$1")
        echo "$w"
    }
    # expect_lang NAME DIR WANT-STATUS WANT-STDERR ENV... -- ARGS...
    expect_lang() {
        local name=$1 dir=$2 want_st=$3 want=$4
        shift 4
        local envs=()
        while [ "$1" != -- ]; do envs+=("$1"); shift; done
        shift
        local got st
        got=$(cd "$dir" && env "${envs[@]}" "$BIN" --root "$LT/root" "$@" 2>&1 >/dev/null)
        st=$?
        if [ "$st" = "$want_st" ] && [ "$got" = "$want" ]; then
            pass
        else
            fail "lang: $name: exit $st"
            diff <(printf '%s\n' "$want") <(printf '%s\n' "$got") | head -n 8
        fi
    }
    # The “三公” 合计 that its items do not make: the figure named as the
    # disclosure names it, in the unit the file is typed in.
    W=$(lang_case "sed -i '4s/^公务接待费,8.5,8.5,,\$/公务接待费,10.5,10.5,,/' input/2021/three_public.csv" sangong)
    TP_EN='input/2021/three_public.csv:6:2: error: 合计 is 33.50 but its items sum to 35.50
input/2021/three_public.csv:6:3: error: 合计 一般预算 is 33.50 but its items sum to 35.50
budgetgen: config.ini: 2 errors, 0 warnings'
    TP_ZH='input/2021/three_public.csv:6:2: 错误：“三公”经费合计为33.50万元，但各项之和为35.50万元
input/2021/three_public.csv:6:3: 错误：“三公”经费合计的一般预算为33.50万元，但各项之和为35.50万元
budgetgen：config.ini：2 个错误，0 个警告'
    expect_lang "三公 total, C.UTF-8" "$W" 1 "$TP_EN" LC_ALL=C.UTF-8 -- check config.ini
    expect_lang "三公 total, zh_CN.UTF-8" "$W" 1 "$TP_ZH" LC_ALL=zh_CN.UTF-8 -- check config.ini
    expect_lang "三公 total, LANG=zh_CN.UTF-8" "$W" 1 "$TP_ZH" -u LC_ALL LANG=zh_CN.UTF-8 -- check config.ini
    expect_lang "三公 total, zh_CN.UTF-8 --lang=en" "$W" 1 "$TP_EN" LC_ALL=zh_CN.UTF-8 -- check --lang=en config.ini
    expect_lang "三公 total, --lang zh first" "$W" 1 "$TP_ZH" LC_ALL=C.UTF-8 -- --lang zh check config.ini
    expect_lang "三公 total, C.UTF-8 with LANGUAGE=zh_CN" "$W" 1 "$TP_EN" LC_ALL=C.UTF-8 LANGUAGE=zh_CN -- check config.ini
    expect_lang "三公 total, LANGUAGE=zh_CN:en over LANG=en_US.UTF-8" "$W" 1 "$TP_ZH" -u LC_ALL LANG=en_US.UTF-8 LANGUAGE=zh_CN:en -- check config.ini
    expect_lang "三公 total, build" "$W" 1 "$TP_ZH
budgetgen：未写入任何文件：请先改正上面的错误" LC_ALL=zh_CN.UTF-8 -- build config.ini
    # [document] language: Chinese for the run under C.UTF-8; --lang wins.
    W=$(lang_case "sed -i '4s/^公务接待费,8.5,8.5,,\$/公务接待费,10.5,10.5,,/' input/2021/three_public.csv; sed -i 's/^year       = 2021\$/year = 2021\nlanguage = zh/' config.ini" key-zh)
    expect_lang "[document] language = zh" "$W" 1 "$TP_ZH" LC_ALL=C.UTF-8 -- check config.ini
    expect_lang "[document] language = zh, --lang=en" "$W" 1 "$TP_EN" LC_ALL=C.UTF-8 -- check --lang=en config.ini
    W=$(lang_case "sed -i 's/^year       = 2021\$/year = 2021\nlanguage = en/' config.ini" key-en)
    expect_lang "[document] language = en under zh_CN.UTF-8" "$W" 0 "budgetgen: config.ini: 0 errors, 0 warnings
budgetgen: config.ini: no errors: ready to build" \
        LC_ALL=zh_CN.UTF-8 -- check config.ini
    W=$(lang_case "sed -i 's/^year       = 2021\$/year = 2021\nlanguage = fr/' config.ini" key-fr)
    expect_lang "[document] language = fr" "$W" 2 'config.ini:7: error: language = "fr": expected zh (中文) or en (English)' \
        LC_ALL=C.UTF-8 -- check config.ini
    expect_lang "[document] language = fr, zh_CN.UTF-8" "$W" 2 'config.ini:7: 错误：language = “fr”：应为 zh（中文）或 en（English）' \
        LC_ALL=zh_CN.UTF-8 -- check config.ini
    # A config value, an option and a success line.
    W=$(lang_case "sed -i 's/^year       = 2021\$/year = 20x1/' config.ini" year)
    expect_lang "year, C.UTF-8" "$W" 2 'config.ini:6: error: year = "20x1": expected a whole number from 1949 to 9999 (the budget year, e.g. 2020)' \
        LC_ALL=C.UTF-8 -- check config.ini
    expect_lang "year, zh_CN.UTF-8" "$W" 2 'config.ini:6: 错误：year = “20x1”：应为 1949 到 9999 之间的整数（预算年度，如 2020）' \
        LC_ALL=zh_CN.UTF-8 -- check config.ini
    expect_lang "--lang=fr" "$W" 2 'budgetgen: --lang=fr: expected zh (中文) or en (English)' LC_ALL=C.UTF-8 -- --lang=fr check config.ini
    expect_lang "--jobs, zh" "$W" 2 'budgetgen：--jobs=0：应为 1 到 256 之间的数' LC_ALL=zh_CN.UTF-8 -- build -j 0 config.ini
    W=$(lang_case ":" fine)
    expect_lang "check ok, zh" "$W" 0 'budgetgen：config.ini：0 个错误，0 个警告
budgetgen：config.ini：没有错误，可以生成' LC_ALL=zh_CN.UTF-8 -- check config.ini
    got=$(cd "$W" && LC_ALL=zh_CN.UTF-8 "$BIN" --root "$LT/root" build config.ini 2>&1 >/dev/null | grep '\.pdf（')
    printf '%s\n' "$got" | grep -qxE 'budgetgen：已写出 output/测试市示例局-2021\.pdf（[0-9]+ 页）' && pass \
        || fail "lang: build ok, zh: $got"
    rm -rf "$LT"

    # ---- 4. --help and the help topics ----
    HZ=$(LC_ALL=zh_CN.UTF-8 "$BIN" --help)
    HE=$(LC_ALL=C.UTF-8 "$BIN" --help)
    if [ "$(printf '%s\n' "$HZ" | head -n 1)" = "用法：budgetgen 命令 [选项] CONFIG.ini" ] &&
        [ "$(printf '%s\n' "$HE" | head -n 1)" = "Usage: budgetgen COMMAND [OPTIONS] CONFIG.ini" ] &&
        printf '%s\n' "$HZ" | grep -qF -- '--lang=zh|en      提示信息和帮助的语言' &&
        printf '%s\n' "$HZ" | grep -qF '退出码：0 成功；1 数据有错误（或 --strict 下有警告）；2 用法、配置或读写错误。'; then
        pass
    else
        fail "--help in Chinese: $(printf '%s\n' "$HZ" | head -n 2)"
    fi
    # Every config key of gen/config.c, every input file and every template
    # directive, in both languages.
    keys=$(grep -o '^ *{"[a-z]*", "[a-z_]*", K_' gen/config.c | sed 's/.*, "\([a-z_]*\)", K_/\1/')
    dirs="title heading subheading para label text list table chart for if compare sentence meta footer units numbering empty-note pagebreak cover toc include"
    for l in C.UTF-8 zh_CN.UTF-8; do
        hc=$(LC_ALL=$l "$BIN" help config) && hi=$(LC_ALL=$l "$BIN" help input) &&
            ht=$(LC_ALL=$l "$BIN" help template) || fail "budgetgen help under $l failed"
        miss=
        for k in $keys; do printf '%s\n' "$hc" | grep -qE "^    $k +[^ ]" || miss="$miss $k"; done
        for f in institutions.csv duties.txt revenue.csv summary.csv expenditure.csv basic_economic.csv \
            three_public.csv reasons.csv overall_goal.txt duty_goals.csv performance.csv actuals.csv \
            glossary.csv notes.txt procurement.csv assets.csv project_notes.csv; do
            printf '%s\n' "$hi" | grep -qE "^$f +[^ ]" || miss="$miss $f"
        done
        for w in $dirs; do printf '%s\n' "$ht" | grep -qw -- "$w" || miss="$miss $w"; done
        [ -z "$miss" ] && pass || fail "budgetgen help under $l lacks:$miss"
    done
    if LC_ALL=zh_CN.UTF-8 "$BIN" help config | grep -qF '    language          zh 或 en：本配置运行时 budgetgen 提示信息的语言' &&
        LC_ALL=zh_CN.UTF-8 "$BIN" help input | grep -qF 'three_public.csv   “三公”经费：项目 (item)*、合计 (total)*' &&
        LC_ALL=zh_CN.UTF-8 "$BIN" help template | grep -qF '  {占比:部分:总数}                    部分占总数的百分比'; then
        pass
    else
        fail "budgetgen help in Chinese"
    fi
    st=0; out=$(LC_ALL=zh_CN.UTF-8 "$BIN" help nosuch 2>&1) || st=$?
    [ $st = 2 ] && [ "$out" = "budgetgen：help nosuch：没有这个主题；应为 input、config 或 template" ] && pass \
        || fail "help nosuch: exit $st: $out"

    # ---- 5. the documents do not depend on the language ----
    LT=$(mktemp -d)
    for c in config/*.ini; do
        n=$(basename "$c" .ini)
        LC_ALL=C.UTF-8 "$BIN" build -q -o "$LT/en-$n" "$c" >/dev/null 2>&1
        LC_ALL=zh_CN.UTF-8 "$BIN" build -q -o "$LT/zh-$n" "$c" >/dev/null 2>&1
        files=$(cd "$LT/en-$n" 2>/dev/null && ls)
        same=1
        [ -n "$files" ] || same=0
        # the PDF, the workbook and the open data folder, file by file
        diff -r "$LT/en-$n" "$LT/zh-$n" >/dev/null 2>&1 || same=0
        [ $same = 1 ] && pass || fail "lang: $c: the files built under zh_CN.UTF-8 differ from C.UTF-8 ($files)"
    done
    rm -rf "$LT"
fi
