#!/usr/bin/env bash
# The catalogue test (issue 16, docs/messages.md): every message of the
# current sources has a Chinese translation in po/zh_CN.po.  Extracts the
# messages as `make pot` does (xgettext over gen/), merges them into a copy
# of the catalogue and requires msgfmt --check to pass with no fuzzy and no
# untranslated message; names the messages that lack one.
# Exit 0 ok, 1 a message without a translation (or a broken catalogue).
set -u
cd "$(dirname "$0")/.."
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
if ! make --no-print-directory -s pot POT="$tmp/budgetgen.pot" >"$tmp/log" 2>&1; then
    echo "i18n: xgettext failed:"; cat "$tmp/log"; exit 1
fi
msgmerge --quiet --no-wrap -o "$tmp/zh_CN.po" po/zh_CN.po "$tmp/budgetgen.pot" || exit 1
stats=$(msgfmt --check --statistics -o /dev/null "$tmp/zh_CN.po" 2>&1)
st=$?
if [ $st -ne 0 ] || printf '%s\n' "$stats" | grep -qE 'fuzzy|untranslated'; then
    echo "i18n: po/zh_CN.po is not complete: $stats"
    echo "i18n: messages without a Chinese translation (make po-update, then translate them):"
    msgattrib --only-fuzzy --no-wrap "$tmp/zh_CN.po" 2>/dev/null | grep '^msgid "[^"]' | head -n 20
    msgattrib --untranslated --no-wrap "$tmp/zh_CN.po" 2>/dev/null | grep '^msgid "[^"]' | head -n 20
    exit 1
fi
# Messages the catalogue translates but the sources no longer have.
obsolete=$(grep -c '^#~ msgid' "$tmp/zh_CN.po")
if [ "$obsolete" -ne 0 ]; then
    echo "i18n: po/zh_CN.po has $obsolete messages the sources no longer use: make po-update"
    exit 1
fi
echo "i18n: $stats"
