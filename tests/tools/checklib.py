"""Reporting shared by the end-to-end checkers (tables_check.py,
shapes_check.py): one line per check, "ok NAME" or "FAIL NAME: problem"
(with up to five more problem lines), and a count of failed checks for the
exit status."""

FAILED = 0


def report(name, problems):
    global FAILED
    if not problems:
        print('ok ' + name)
        return
    FAILED += 1
    more = ' (and %d more)' % (len(problems) - 1) if len(problems) > 1 else ''
    print('FAIL %s: %s%s' % (name, problems[0], more))
    for p in problems[1:6]:
        print('FAIL %s:   %s' % (name, p))


def run(name, fn, *args, errors=()):
    """Runs one check (fn returns a list of problems); an exception of the
    kinds in errors, or KeyError/ValueError/IndexError, is that check's
    failure."""
    try:
        report(name, fn(*args))
    except (KeyError, ValueError, IndexError) + tuple(errors) as e:
        report(name, ['%s: %s' % (type(e).__name__, e)])


def failed():
    return FAILED


def _chinese(ch):
    """Chinese for the punctuation rule of docs/templates.md: CJK ideographs
    and punctuation (U+2E80–U+9FFF), compatibility ideographs, vertical and
    full-width forms, extension B and beyond, and ‘ ’ “ ” — …."""
    if not ch:
        return False
    if ch in '‘’“”—…':
        return True
    o = ord(ch)
    return (0x2E80 <= o <= 0x9FFF or 0xF900 <= o <= 0xFAFF or 0xFE30 <= o <= 0xFE4F
            or 0xFF00 <= o <= 0xFFEF or 0x20000 <= o <= 0x3FFFF)


def fullwidth(s):
    """The text as budgetgen prints it under the punctuation rule (written
    here from docs/templates.md, not from the C code): , ; : ? ! next to a
    Chinese character become ， ； ： ？ ！; a matched ( ) pair becomes （ ）
    when the character before "(" or after ")" is Chinese or the text inside
    holds a Chinese character."""
    out = list(s)
    full = {',': '，', ';': '；', ':': '：', '?': '？', '!': '！'}
    for i, ch in enumerate(s):
        before = s[i - 1] if i > 0 else ''
        after = s[i + 1] if i + 1 < len(s) else ''
        if ch in full and (_chinese(before) or _chinese(after)):
            out[i] = full[ch]
        elif ch == '(':
            depth = 0
            for j in range(i, len(s)):
                depth += s[j] == '('
                depth -= s[j] == ')'
                if depth == 0:
                    break
            else:
                continue  # unmatched: as typed
            inside = any(_chinese(c) for c in s[i + 1:j])
            nxt = s[j + 1] if j + 1 < len(s) else ''
            if inside or _chinese(before) or _chinese(nxt):
                out[i], out[j] = '（', '）'
    return ''.join(out)
