#!/usr/bin/python3
"""attack.py BIN SRC WORK: the attack of issue 12, in small (run by tests/attack.sh).

BIN is budgetgen, SRC the project folder (only read: templates/ and
tools/synth.py are copied), WORK an empty scratch folder (root needed: tmpfs
mounts under WORK/m_*, unmounted at the end).  Every department is made by
tools/synth.py into WORK/proj, the project folder of every run.

  kills      >= 100 builds (single, and `build -j 2 a.ini b.ini c.ini`) killed
             with SIGKILL (their whole process group) after 0-300 ms; the data
             alternates between two versions that differ in one figure (a
             grade threshold of the first performance row, printed in the PDF
             and the workbook).  After each kill every published NAME.pdf
             passes `qpdf --check`, every NAME.xlsx is a whole zip of
             well-formed XML that openpyxl opens, both exist, and both show
             the same version.  After the series, one clean batch build; then
             any file in the output folder other than NAME.pdf, NAME.xlsx,
             index.html, index.csv or a lock file (a name containing "lock"),
             and any file in the TMPDIR of the runs, is a leftover.
  tmpfs      TMPDIR a full 8 KB tmpfs; the output folder a tmpfs with room for
             the new PDF but not the new workbook: exit 2, the previous files
             byte-identical, no leftover.
  races      notes.txt swapped between a regular file and a symlink to a
             marker file outside the project during `tree` and `build`: the
             marker never shows (in tree's output or a published file: each
             time it does counts as a wrong file); the output folder swapped for a symlink to a
             folder outside 5-15 ms after `build` starts: nothing is written
             outside.
  fifo       notes.txt a FIFO: tree, build and a batch end (timeout 5 s).
  template   a sentence naming itself, and two naming each other: exit 2.
  64 项      a 款 with 70 项 at 元 with 2 decimals: every 项 figure the PDF
             prints (pdftotext -layout) is the CSV's, and the 款 the sum of
             its printed 项, in every table that lists them.

Environment: ATTACK_SEED (the random seed, printed first), ATTACK_SECONDS
(the kill series stops after this many seconds from the start, 150 by
default), ATTACK_ONLY=kills,full_tmpfs,races,fifo,template,items64 (some parts).
Prints the seed, a line per problem found (at most 8 per kind and part), the
counts of each part, and
  attack: N wrong or partial published files, N leftover temporary files, N hangs, N crashes
then, when some other expectation failed (an exit status), "attack: N other
failures".  Exits 0 only if every count is 0.
"""
import csv
import ctypes
import decimal
import hashlib
import fcntl
import os
import random
import re
import shutil
import signal
import subprocess
import sys
import time
import xml.parsers.expat
import zipfile

import openpyxl

BIN, SRC, WORK = sys.argv[1:4]
SEED = int(os.environ.get('ATTACK_SEED', '20261204'))
print(f'attack: seed {SEED} (set ATTACK_SEED to change it)', flush=True)
T0 = time.monotonic()
DEADLINE = T0 + float(os.environ.get('ATTACK_SECONDS', '150'))  # the kill series stops here

P = os.path.join(WORK, 'proj')
TMP = os.path.join(WORK, 'tmp')       # TMPDIR of every run (leftovers counted)
OUTSIDE = os.path.join(WORK, 'outside')
counts = {'wrong': 0, 'leftover': 0, 'hang': 0, 'crash': 0, 'other': 0}
shown = {k: 0 for k in counts}
MOUNTS = []
# A batch's workers outlive a killed parent: as their subreaper this process
# reaps them at once (waiting for PID 1 to do it can take a second).
ctypes.CDLL(None, use_errno=True).prctl(36, 1, 0, 0, 0)  # PR_SET_CHILD_SUBREAPER


def problem(kind, msg, n=1):
    counts[kind] += n
    shown[kind] += 1
    if shown[kind] <= 8:
        print(f'  {kind}: {msg}', flush=True)
    elif shown[kind] == 9:
        print(f'  {kind}: (more not shown)', flush=True)


def env(tmpdir=TMP):
    e = dict(os.environ)
    e['TMPDIR'] = tmpdir
    e['LC_ALL'] = 'C.UTF-8'
    return e


def run(args, what, timeout=30, tmpdir=TMP, cwd=P):
    """Runs budgetgen to its end (or timeout: a hang, its group killed); returns
    (status, stdout, stderr); status None on a hang.  A signal is a crash."""
    p = subprocess.Popen([BIN] + args, cwd=cwd, env=env(tmpdir), stdout=subprocess.PIPE,
                         stderr=subprocess.PIPE, start_new_session=True)
    try:
        out, err = p.communicate(timeout=timeout)
    except subprocess.TimeoutExpired:
        kill_group(p)
        problem('hang', f'{what}: no end after {timeout} s')
        return None, b'', b''
    if p.returncode < 0 or p.returncode >= 128:
        problem('crash', f'{what}: killed by signal {-p.returncode if p.returncode < 0 else p.returncode - 128}'
                f' ({err.decode(errors="replace").strip()[-200:]})')
    return p.returncode, out, err


def kill_group(p):
    try:
        os.killpg(p.pid, signal.SIGKILL)
    except ProcessLookupError:
        pass
    try:
        p.communicate(timeout=30)
    except subprocess.TimeoutExpired:
        problem('hang', f'pid {p.pid}: still there 30 s after SIGKILL')
    # the workers of a batch are in the same group: wait until all are gone
    for _ in range(5000):
        try:
            os.killpg(p.pid, 0)
        except ProcessLookupError:
            return
        try:
            if os.waitpid(-p.pid, os.WNOHANG)[0]:
                continue
        except ChildProcessError:
            pass
        time.sleep(0.001)
    problem('hang', f'process group {p.pid}: still there 5 s after SIGKILL')


# ---- departments -----------------------------------------------------------------

def synth(out, n, seed, perf_rows):
    subprocess.run(['/usr/bin/python3', 'tools/synth.py', '--out', out, '-n', str(n), '--seed', str(seed),
                    '--perf-rows', str(perf_rows)], cwd=P, check=True, stdout=subprocess.DEVNULL)
    cfgs = sorted(os.listdir(os.path.join(P, out, 'config')))
    return [os.path.join(out, 'config', c) for c in cfgs]


def ini_lines(path):
    """(section.key or None, line) for every line of a config."""
    sec = ''
    for line in open(os.path.join(P, path), encoding='utf-8'):
        m = re.match(r'\s*\[(\w+)\]', line)
        if m:
            sec = m.group(1)
        m = re.match(r'\s*(\w+)\s*=\s*(.*?)\s*$', line)
        yield (f'{sec}.{m.group(1)}', m.group(2)) if m else (None, None), line


def ini_get(path, key):
    """The value of SECTION.KEY in a config."""
    for (k, v), _ in ini_lines(path):
        if k == key:
            return v
    raise KeyError(key)


def ini_set(src, dst, changes):
    """Copies a config, replacing SECTION.KEY lines (-> new value)."""
    lines = []
    for (k, v), line in ini_lines(src):
        if k in changes:
            line = f'{k.split(".")[1]} = {changes[k]}\n'
        lines.append(line)
    with open(os.path.join(P, dst), 'w', encoding='utf-8') as fp:
        fp.writelines(lines)


def pub_name(cfg):
    return f'{ini_get(cfg, "document.department")}-{ini_get(cfg, "document.year")}'


MARK = ('987651', '987652')   # the one figure that differs between the versions


def set_version(cfg, v):
    """Writes version v of a department's data: the 优 threshold of the first
    performance row (with 良 中 差 in the same unit, in order)."""
    path = os.path.join(P, ini_get(cfg, 'input.dir'), 'performance.csv')
    rows = list(csv.reader(open(path, encoding='utf-8', newline='')))
    h = rows[0]
    r = rows[1]
    r[h.index('优')], r[h.index('良')], r[h.index('中')], r[h.index('差')] = \
        f'≥{MARK[v]}件', '≥900000件', '≥800000件', '＜800000件'
    tmp = path + '.new'
    with open(tmp, 'w', encoding='utf-8', newline='') as fp:
        csv.writer(fp, lineterminator='\n').writerows(rows)
    os.replace(tmp, path)


# ---- checking published files ------------------------------------------------------

_cache = {}


def file_key(path):
    st = os.stat(path)
    return (path, st.st_ino, st.st_size, st.st_mtime_ns)


def check_pdf(path):
    """(None, version) or (reason, None)."""
    k = file_key(path)
    if k in _cache:
        return _cache[k]
    r = subprocess.run(['qpdf', '--check', path], capture_output=True)
    if r.returncode != 0:
        res = (f'qpdf --check exit {r.returncode}: '
               + (r.stdout + r.stderr).decode(errors='replace').strip().splitlines()[-1][:160], None)
    else:
        t = subprocess.run(['pdftotext', '-q', '-layout', path, '-'], capture_output=True)
        text = t.stdout.decode('utf-8', errors='replace')
        found = [v for v in (0, 1) if MARK[v] in text]
        res = (None, found[0]) if t.returncode == 0 and len(found) == 1 else \
            (f'pdftotext exit {t.returncode}, version figures found: {[MARK[v] for v in found]}', None)
    _cache[k] = res
    return res


def xlsx_strings(path, max_row=None):
    """Every string cell of a workbook (openpyxl, read-only), after checking
    that every zip member inflates with its CRC and every XML part is well formed."""
    with zipfile.ZipFile(path) as z:
        bad = z.testzip()
        if bad:
            raise ValueError(f'zip member {bad} is corrupt')
        for n in z.namelist():
            if n.endswith('.xml') or n.endswith('.rels'):
                xml.parsers.expat.ParserCreate().Parse(z.read(n), True)
    wb = openpyxl.load_workbook(path, read_only=True)
    try:
        for ws in wb.worksheets:
            for row in ws.iter_rows(max_row=max_row, values_only=True):
                for v in row:
                    if isinstance(v, str):
                        yield v
    finally:
        wb.close()


def check_xlsx(path):
    k = file_key(path)
    if k in _cache:
        return _cache[k]
    try:
        found = set()
        for s in xlsx_strings(path, max_row=40):
            found.update(v for v in (0, 1) if MARK[v] in s)
        res = (None, found.pop()) if len(found) == 1 else \
            (f'version figures found: {sorted(MARK[v] for v in found)}', None)
    except Exception as e:  # noqa: BLE001 - any failure to open is the finding
        res = (f'openpyxl/zip: {type(e).__name__}: {str(e)[:160]}', None)
    _cache[k] = res
    return res


_reported = set()


def once(key):
    """True the first time a finding about these very files is made (a broken
    pair stays broken until the next build: it is counted once)."""
    if key in _reported:
        return False
    _reported.add(key)
    return True


def wait_publication(out):
    """A reader's side of the folder lock: a build's publishing step (its two
    renames, made by a child of its own that a kill of the build does not
    reach) holds the lock of the output folder until both names are in
    place, so a reader that takes the lock sees the old pair or the new."""
    try:
        fd = os.open(os.path.join(out, '.budgetgen.lock'), os.O_RDONLY)
    except OSError:
        return
    try:
        fcntl.flock(fd, fcntl.LOCK_SH)
    finally:
        os.close(fd)


def check_published(out, names, when):
    """Every department's PDF and XLSX are whole and of one version."""
    wait_publication(out)
    for name in names:
        pdf, xlsx = os.path.join(out, name + '.pdf'), os.path.join(out, name + '.xlsx')
        have = [os.path.exists(pdf), os.path.exists(xlsx)]
        keys = tuple(file_key(f) if h else None for f, h in zip((pdf, xlsx), have))
        if not all(have) and once(('only',) + keys):
            problem('wrong', f'{when}: {name}: only the {"PDF" if have[0] else "XLSX" if have[1] else "(neither)"}'
                    ' is published')
        vp = vx = None
        if have[0]:
            why, vp = check_pdf(pdf)
            if why and once(keys[0]):
                problem('wrong', f'{when}: {name}.pdf is broken: {why}')
        if have[1]:
            why, vx = check_xlsx(xlsx)
            if why and once(keys[1]):
                problem('wrong', f'{when}: {name}.xlsx is broken: {why}')
        if vp is not None and vx is not None and vp != vx and once(('pair',) + keys):
            problem('wrong', f'{when}: {name}: the PDF shows {MARK[vp]}, the XLSX {MARK[vx]} (two builds mixed)')


def leftovers(out, names, when):
    # The open data (docs/open-data.md): NAME.data/ and the bureau's facts.csv;
    # a temporary file inside NAME.data/ is a leftover too.
    data = {n + '.data' for n in names}
    allowed = {n + '.pdf' for n in names} | {n + '.xlsx' for n in names} | data | \
        {'index.html', 'index.csv', 'facts.csv'}
    n = 0
    for e in sorted(os.listdir(out)) if os.path.isdir(out) else []:
        if e in data and os.path.isdir(os.path.join(out, e)):
            for f in sorted(os.listdir(os.path.join(out, e))):
                if f.startswith('.'):
                    problem('leftover', f'{when}: {os.path.join(out, e, f)}')
                    n += 1
        if e in allowed or 'lock' in e.lower():
            continue
        problem('leftover', f'{when}: {os.path.join(out, e)}')
        n += 1
    return n


def tmp_leftovers(tmpdir, when):
    for e in sorted(os.listdir(tmpdir)):
        problem('leftover', f'{when}: {os.path.join(tmpdir, e)} in TMPDIR')


def sha(path):
    try:
        return hashlib.sha256(open(path, 'rb').read()).hexdigest()
    except OSError:
        return None


def mount_tmpfs(path, size):
    os.makedirs(path, exist_ok=True)
    subprocess.run(['mount', '-t', 'tmpfs', '-o', f'size={size}', 'tmpfs', path], check=True)
    MOUNTS.append(path)


def part_rng(part):
    """Each part draws from its own generator, so that its data (the 70 项
    amounts) and delays do not depend on how many draws another part made."""
    return random.Random(f'{SEED}-{part}')


def section(name):
    for k in shown:
        shown[k] = 0
    print(f'attack: {name} ({time.monotonic() - T0:.0f} s)', flush=True)


# ---- setup ---------------------------------------------------------------------------

os.makedirs(os.path.join(P, 'tools'))
os.makedirs(TMP)
os.makedirs(OUTSIDE)
shutil.copytree(os.path.join(SRC, 'templates'), os.path.join(P, 'templates'))
shutil.copy(os.path.join(SRC, 'tools', 'synth.py'), os.path.join(P, 'tools'))
KILL = synth('k', 3, 5, 2000)        # three departments of about 0.15 s each
SMALL = synth('s', 1, 6, 120)[0]     # a small one for the other cases
SBIG = synth('sbig', 1, 6, 4000)[0]  # the same department with a bigger workbook than SMALL's PDF
for c in KILL + [SMALL]:
    set_version(c, 0)
set_version(SBIG, 1)
NAMES = [pub_name(c) for c in KILL]
SNAME = pub_name(SMALL)


def main():
    only = os.environ.get('ATTACK_ONLY', '').split(',')  # e.g. ATTACK_ONLY=races,fifo
    try:
        for part in (kills, full_tmpfs, races, fifo, template, items64):
            if only == [''] or part.__name__ in only:
                before = dict(counts)
                part()
                print(f'attack: {part.__name__}: ' + ', '.join(
                    f'{counts[k] - before[k]} {k}' for k in counts), flush=True)
    finally:
        for m in reversed(MOUNTS):
            subprocess.run(['umount', '-l', m], stderr=subprocess.DEVNULL)
    print(f'attack: {counts["wrong"]} wrong or partial published files, {counts["leftover"]} leftover '
          f'temporary files, {counts["hang"]} hangs, {counts["crash"]} crashes')
    if counts['other']:
        print(f'attack: {counts["other"]} other failures')
    print(f'attack: {time.monotonic() - T0:.0f} s')
    sys.exit(1 if any(counts.values()) else 0)


# ---- 1. kills ------------------------------------------------------------------------

def kills():
    section('kills: single and batch builds, SIGKILL after 0-300 ms')
    rng = part_rng('kills')
    out = os.path.join(WORK, 'kout')
    st, _, err = run(['build', '-q', '-j', '2', '-o', out] + KILL, 'the first batch build')
    if st != 0:
        problem('other', f'the first batch build exited {st}: {err.decode(errors="replace")[:300]}')
        return
    check_published(out, NAMES, 'after the first build')
    landed = {'single': 0, 'batch': 0}
    tried = {'single': 0, 'batch': 0}
    version = 0
    i = 0
    while (landed['single'] < 50 or landed['batch'] < 50) and i < 400 and time.monotonic() < DEADLINE:
        i += 1
        kind = 'batch' if (landed['single'] >= 50 or (landed['batch'] < 50 and i % 2 == 0)) else 'single'
        version ^= 1
        for c in KILL:
            set_version(c, version)
        args = ['build', '-q', '-o', out]
        args += ['-j', '2'] + KILL if kind == 'batch' else [rng.choice(KILL)]
        delay = rng.uniform(0, 0.3)
        tried[kind] += 1
        p = subprocess.Popen([BIN] + args, cwd=P, env=env(), stdout=subprocess.DEVNULL,
                             stderr=subprocess.DEVNULL, start_new_session=True)
        time.sleep(delay)
        if p.poll() is None:
            landed[kind] += 1
            kill_group(p)
        else:
            kill_group(p)  # reaps it and any straggler of its group
            if p.returncode < 0 or p.returncode >= 128:
                problem('crash', f'{kind} build {i}: died by itself with status {p.returncode}')
            elif p.returncode != 0:
                problem('other', f'{kind} build {i} exited {p.returncode} without being killed')
        check_published(out, NAMES, f'{kind} kill {i} after {delay * 1000:.0f} ms')
    print(f'attack: {landed["single"]} of {tried["single"]} single and {landed["batch"]} of '
          f'{tried["batch"]} batch builds killed while running', flush=True)
    if landed['single'] + landed['batch'] < 100:
        problem('other', f'only {landed["single"] + landed["batch"]} kills landed (100 wanted): too slow a machine?')
    # one clean rebuild, then whatever is left is a leftover
    st, _, err = run(['build', '-q', '-j', '2', '-o', out] + KILL, 'the clean rebuild')
    if st != 0:
        problem('other', f'the clean rebuild exited {st}: {err.decode(errors="replace")[:300]}')
    check_published(out, NAMES, 'after the clean rebuild')
    leftovers(out, NAMES, 'after the kills and a clean rebuild')
    tmp_leftovers(TMP, 'after the kills and a clean rebuild')


# ---- 2. full tmpfs -------------------------------------------------------------------

def pages(n):
    return (n + 4095) // 4096


def full_tmpfs():
    section('a full tmpfs as TMPDIR (8k), then as the output folder')
    # TMPDIR
    out = os.path.join(WORK, 'tmpfull-out')
    set_version(SMALL, 0)
    st, _, _ = run(['build', '-q', '-o', out, SMALL], 'tmpfs: the previous build')
    before = [sha(os.path.join(out, SNAME + e)) for e in ('.pdf', '.xlsx')]
    if st != 0 or None in before:
        problem('other', f'tmpfs: the previous build exited {st}')
        return
    mt = os.path.join(WORK, 'm_tmp')
    mount_tmpfs(mt, '8k')
    set_version(SMALL, 1)
    st, _, err = run(['build', '-q', '-o', out, SMALL], 'build with a full TMPDIR', tmpdir=mt)
    judge_full('a full TMPDIR', st, err, out, before)
    tmp_leftovers(mt, 'a full TMPDIR')
    # The output folder: the previous files (SMALL), then a build of the same
    # department (SBIG) with room for its new PDF beside them but not for its
    # workbook too, even once the new PDF has replaced the previous one.
    ref = os.path.join(WORK, 'outfull-ref')
    st, _, _ = run(['build', '-q', '-o', ref, SBIG], 'tmpfs: the reference build')
    mo = os.path.join(WORK, 'm_out')
    mount_tmpfs(mo, '64m')
    set_version(SMALL, 0)
    st2, _, _ = run(['build', '-q', '-o', mo, SMALL], 'tmpfs: the previous build into the tmpfs')
    if st != 0 or st2 != 0:
        problem('other', f'tmpfs: the reference builds exited {st}, {st2}')
        return
    sz = lambda d, e: pages(os.path.getsize(os.path.join(d, SNAME + e)))  # noqa: E731
    pp, px, np_, nx = sz(mo, '.pdf'), sz(mo, '.xlsx'), sz(ref, '.pdf'), sz(ref, '.xlsx')
    # The data folders (the previous build's and the new one, about its size:
    # written first) have their room too, so the workbook is what does not fit.
    def data_pages(d):
        dd = os.path.join(d, SNAME + '.data')
        return sum(pages(os.path.getsize(os.path.join(dd, f))) for f in os.listdir(dd)) + 1 \
            if os.path.isdir(dd) else 0
    npages = pp + px + np_ + data_pages(mo) + data_pages(ref) + max(1, nx - pp - 2)
    subprocess.run(['mount', '-o', f'remount,size={npages * 4}k', mo], check=True)
    before = [sha(os.path.join(mo, SNAME + e)) for e in ('.pdf', '.xlsx')]
    st, _, err = run(['build', '-q', '-o', mo, SBIG], 'build into a full output folder')
    judge_full(f'a full output folder ({npages * 4} KB: room for the new PDF, not for the new XLSX)',
               st, err, mo, before)
    leftovers(mo, [SNAME], 'a full output folder')


def judge_full(what, st, err, out, before):
    """A build that cannot write everything: exit 2, the previous files untouched."""
    check_published(out, [SNAME], what)
    after = [sha(os.path.join(out, SNAME + e)) for e in ('.pdf', '.xlsx')]
    for e, b, a in zip(('.pdf', '.xlsx'), before, after):
        if a != b:
            problem('other', f'{what}: exit {st}, {SNAME}{e} was ' + ('removed' if a is None else 'replaced')
                    + ' (the previous one must stay)')
    if st != 2:
        problem('other', f'{what}: exit {st}, expected 2 ({err.decode(errors="replace").strip()[:200]})')


# ---- 3. path races ---------------------------------------------------------------------

SWAPPER = r'''
import os, sys
target, outside, reg = sys.argv[1], sys.argv[2], sys.argv[3]
tmp = target + '.swap'
i = 0
while True:
    try:
        os.unlink(tmp)
    except FileNotFoundError:
        pass
    if i % 2:
        os.symlink(outside, tmp)
    else:
        with open(tmp, 'w', encoding='utf-8') as fp:
            fp.write(reg)
    os.rename(tmp, target)
    i += 1
'''

SECRET = 'OUTSIDE-SECRET-7731'


def races():
    section('path races: notes.txt and the output folder swapped for symlinks')
    rng = part_rng('races')
    secret = os.path.join(OUTSIDE, 'secret.txt')
    with open(secret, 'w', encoding='utf-8') as fp:
        fp.write(SECRET + '\n')
    indir = os.path.join(P, ini_get(SMALL, 'input.dir'))
    notes = os.path.join(indir, 'notes.txt')
    original = open(notes, encoding='utf-8').read()
    rout = 'race-out'
    # [output] dir of the race config: the folder swapped in the second race
    ini_set(SMALL, 'race.ini', {'output.dir': rout})
    sw = subprocess.Popen(['/usr/bin/python3', '-c', SWAPPER, notes, secret, original])
    try:
        for i in range(100):
            st, out, _ = run(['tree', 'race.ini'], f'tree during the notes.txt swap {i}')
            if SECRET.encode() in out:
                problem('wrong', f'tree {i} printed the outside file (notes.txt swapped for a symlink)')
        names = [pub_name('race.ini')]
        outdir = os.path.join(P, rout)
        for i in range(20):
            st, _, _ = run(['build', '-q', 'race.ini'], f'build during the notes.txt swap {i}')
            pdf, xlsx = (os.path.join(outdir, names[0] + e) for e in ('.pdf', '.xlsx'))
            if os.path.exists(pdf):
                t = subprocess.run(['pdftotext', '-q', pdf, '-'], capture_output=True).stdout
                if SECRET.encode() in t:
                    problem('wrong', f'build {i}: the published PDF shows the outside file')
                    os.unlink(pdf)
            if os.path.exists(xlsx):
                try:
                    if any(SECRET in s for s in xlsx_strings(xlsx)):
                        problem('wrong', f'build {i}: the published XLSX shows the outside file')
                        os.unlink(xlsx)
                except Exception:  # noqa: BLE001 - a broken workbook is found elsewhere
                    pass
    finally:
        sw.kill()
        sw.wait()
        if os.path.lexists(notes + '.swap'):
            os.unlink(notes + '.swap')
        if os.path.lexists(notes):
            os.unlink(notes)
        with open(notes, 'w', encoding='utf-8') as fp:
            fp.write(original)
    leftovers(outdir, names, 'after the notes.txt race')
    # the output folder replaced by a symlink to a folder outside
    away = os.path.join(OUTSIDE, 'away')
    os.makedirs(away)
    os.makedirs(outdir, exist_ok=True)
    real = outdir + '.real'
    for i in range(20):
        p = subprocess.Popen([BIN, 'build', '-q', 'race.ini'], cwd=P, env=env(), stdout=subprocess.DEVNULL,
                             stderr=subprocess.DEVNULL, start_new_session=True)
        time.sleep(rng.uniform(0.005, 0.015))
        os.rename(outdir, real)
        os.symlink(away, outdir)
        try:
            p.wait(timeout=30)
        except subprocess.TimeoutExpired:
            kill_group(p)
            problem('hang', f'build {i} during the output-folder swap: no end after 30 s')
        if p.returncode is not None and (p.returncode < 0 or p.returncode >= 128):
            problem('crash', f'build {i} during the output-folder swap: status {p.returncode}')
        for e in sorted(os.listdir(away)):
            problem('wrong', f'output-folder swap {i}: {e} written outside the project, in {away}')
            os.unlink(os.path.join(away, e))
        os.unlink(outdir)
        os.rename(real, outdir)
    leftovers(outdir, names, 'after the output-folder race')


# ---- 4. FIFO ---------------------------------------------------------------------------

def fifo():
    section('a FIFO as notes.txt')
    src = os.path.join(P, ini_get(SMALL, 'input.dir'))
    dst = os.path.join(P, 'fifo-in')
    shutil.copytree(src, dst)
    os.unlink(os.path.join(dst, 'notes.txt'))
    os.mkfifo(os.path.join(dst, 'notes.txt'))
    ini_set(SMALL, 'fifo.ini', {'input.dir': 'fifo-in'})
    out = os.path.join(WORK, 'fifo-out')
    for args, what in ((['tree', 'fifo.ini'], 'tree'), (['build', '-q', '-o', out, 'fifo.ini'], 'build'),
                       (['build', '-q', '-j', '2', '-o', out, 'fifo.ini', SMALL], 'a batch')):
        st, _, err = run(args, f'{what} with a FIFO as notes.txt', timeout=5)
        if st is not None and st != 2:
            problem('other', f'{what} with a FIFO as notes.txt: exit {st}, expected 2')
    leftovers(out, [SNAME], 'after the FIFO')


# ---- 5. recursive templates ------------------------------------------------------------

def template():
    section('recursive templates')
    base = open(os.path.join(P, 'templates', 'standard.tpl'), encoding='utf-8').read()
    cases = {'self': 'sentence S {列举:三公:S:，}\npara {列举:三公:S:，}\n',
             'mutual': 'sentence A {列举:三公:B:，}\nsentence B {列举:三公:A:，}\npara {列举:三公:A:，}\n'}
    for name, extra in cases.items():
        tpl = f'templates/rec-{name}.tpl'
        open(os.path.join(P, tpl), 'w', encoding='utf-8').write(base + '\n' + extra)
        ini_set(SMALL, f'rec-{name}.ini', {'document.template': tpl})
        out = os.path.join(WORK, f'rec-{name}-out')
        st, _, err = run(['build', '-q', '-o', out, f'rec-{name}.ini'], f'a {name}-recursive template', timeout=20)
        if st is not None and st != 2 and st < 128:
            problem('other', f'a {name}-recursive template: exit {st}, expected 2')
        if os.path.isdir(out) and os.listdir(out):
            problem('wrong', f'a {name}-recursive template published {os.listdir(out)}')


# ---- 6. a 款 of 70 项 --------------------------------------------------------------------

def items64():
    section('a 款 of 70 项 at 元 with 2 decimals')
    rng = part_rng('items64')
    src = os.path.join(P, ini_get(SMALL, 'input.dir'))
    dst = os.path.join(P, 'k70-in')
    shutil.copytree(src, dst)
    exp = os.path.join(dst, 'expenditure.csv')
    rows = list(csv.reader(open(exp, encoding='utf-8', newline='')))
    h = rows[0]
    ip, isrc = h.index('项目支出'), h.index('资金来源')
    # the largest project-spending row is split into 70 项 of a new 款 20188
    cand = [r for r in rows[1:] if r[ip].strip() and not r[h.index('基本支出')].strip()]
    big = max(cand, key=lambda r: decimal.Decimal(r[ip]))
    total = int(decimal.Decimal(big[ip]) * 100)
    cuts = sorted(rng.sample(range(1, total), 69))
    parts = [b - a for a, b in zip([0] + cuts, cuts + [total])]
    rows.remove(big)
    want = {}
    for k, cents in enumerate(parts, 1):
        code = f'20188{k:02d}'
        row = [''] * len(h)
        row[0], row[1], row[isrc], row[ip] = code, f'测试项{k:02d}', big[isrc], f'{cents // 100}.{cents % 100:02d}'
        rows.append(row)
        want[f'{k:02d}'] = cents
    with open(exp, 'w', encoding='utf-8', newline='') as fp:
        csv.writer(fp, lineterminator='\n').writerows(rows)
    codes = os.path.join(P, 'k70-function.csv')
    with open(codes, 'w', encoding='utf-8') as fp:
        fp.write(open(os.path.join(P, 'templates', 'codes', 'function.csv'), encoding='utf-8').read().rstrip('\n'))
        fp.write('\n20188,测试款\n' + ''.join(f'20188{k:02d},测试项{k:02d}\n' for k in range(1, 71)))
    ini_set(SMALL, 'k70.ini', {'input.dir': 'k70-in', 'units.unit': '元', 'units.decimals': '2',
                            'input.function_codes': 'k70-function.csv'})
    out = os.path.join(WORK, 'k70-out')
    st, _, err = run(['build', '-q', '-f', 'pdf', '-o', out, 'k70.ini'], 'the 70-项 department')
    pdf = os.path.join(out, pub_name('k70.ini') + '.pdf')
    if st != 0 or not os.path.exists(pdf):
        problem('other', f'the 70-项 department: exit {st}: {err.decode(errors="replace")[:300]}')
        return
    text = subprocess.run(['pdftotext', '-q', '-layout', pdf, '-'], capture_output=True).stdout.decode()
    num = r'(-?[\d,]+\.\d\d)'
    kuan_re = re.compile(r'^\s*201\s+88\s+测试款\s+' + num)
    xiang_re = re.compile(r'^\s*201\s+88\s+(\d\d)\s+测试项\d\d\s+' + num)
    other_re = re.compile(r'^\s*\d{3}(\s+\d\d){0,2}\s+\S')
    groups, cur = [], None
    for line in text.splitlines():
        m = kuan_re.match(line)
        if m:
            cur = {'kuan': m.group(1), 'items': []}
            groups.append(cur)
            continue
        m = xiang_re.match(line)
        if m and cur is not None:
            cur['items'].append((m.group(1), m.group(2)))
        elif other_re.match(line):
            cur = None
    cents = lambda s: int(s.replace(',', '').replace('.', ''))  # noqa: E731
    wrong = 0
    for g, grp in enumerate(groups, 1):
        items = grp['items']
        bad = [f'项{k} prints {v}, the CSV has {want[k] / 100:.2f}' for k, v in items if cents(v) != want.get(k)]
        if len(items) != 70:
            bad.append(f'{len(items)} 项 printed, 70 expected')
        if cents(grp['kuan']) != sum(cents(v) for _, v in items):
            bad.append(f'the 款 prints {grp["kuan"]}, its printed 项 sum to '
                       f'{sum(cents(v) for _, v in items) / 100:,.2f}')
        if bad:
            wrong += 1
            print(f'  table {g} listing 款 20188: ' + '; '.join(bad[:4]) + (' …' if len(bad) > 4 else ''))
    if not groups:
        problem('other', 'the 70-项 department: no table lists 款 20188')
    if wrong:
        problem('wrong', f'the 70-项 department: {wrong} of {len(groups)} tables print wrong figures')


main()
