#!/usr/bin/python3
"""Checks a bad-input case's stderr under zh_CN.UTF-8 against its English
expected.stderr (tests/e2e_lang.sh): the same lines, each with the same
file:line:col prefix, its level word in Chinese (错误：/警告：/提示：), and no
English sentence left: once quoted text, paths, names and option words are
removed, none of the common English words of the messages may remain.
Usage: zh_stderr.py EXPECTED.stderr ZH.stderr; prints what is wrong, exit 1."""
import re
import sys

LEVELS = {"error: ": "错误：", "warning: ": "警告：", "note: ": "提示："}
# Words every English message sentence uses; none belongs in a Chinese one.
ENGLISH = re.compile(
    r"\b(the|is|are|but|expected|cannot|not|an?|of|to|in|and|or|with|has|have|"
    r"sum|sums|than|more|must|should|this|that|its|it|file|folder|row|column|"
    r"line|given|twice|needs|empty|missing|unknown|found|there|no|which)\b")
QUOTED = re.compile(r"“[^”]*”|\"[^\"]*\"|'[^']*'|‘[^’]*’|「[^」]*」|\{[^}]*\}|\[[^\]]*\]")
TOKENS = re.compile(r"\S*[/=.@_:<>\\|-]\S*|\b[a-z]+ [A-Z][A-Z|]+\b")


def split(line):
    """(prefix, level, body) of a finding, or (None, None, line)."""
    m = re.match(r"^(.*?)(error: |warning: |note: )(.*)$", line)
    if m:
        return m.group(1), m.group(2), m.group(3)
    m = re.match(r"^(.*?)(错误：|警告：|提示：)(.*)$", line)
    if m:
        return m.group(1), m.group(2), m.group(3)
    return None, None, line


def english_left(body):
    rest = TOKENS.sub(" ", QUOTED.sub(" ", body))
    return sorted(set(w.lower() for w in ENGLISH.findall(rest)))


def main():
    en = open(sys.argv[1], encoding="utf-8").read().splitlines()
    zh = open(sys.argv[2], encoding="utf-8").read().splitlines()
    bad = []
    if len(en) != len(zh):
        bad.append(f"{len(zh)} lines, the English has {len(en)}")
    for i, (e, z) in enumerate(zip(en, zh), 1):
        ep, el, eb = split(e)
        zp, zl, zb = split(z)
        if el and (zp != ep or zl != LEVELS[el]):
            bad.append(f"line {i}: prefix or level differs: {z!r} for {e!r}")
            continue
        if re.search(r"[A-Za-z]{3}", eb) and zb == eb:
            bad.append(f"line {i}: not translated: {z}")
            continue
        left = english_left(zb)
        if left:
            bad.append(f"line {i}: English left ({', '.join(left)}): {z}")
    for b in bad:
        print(b)
    return 1 if bad else 0


if __name__ == "__main__":
    sys.exit(main())
