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
