#!/usr/bin/python3
"""Checks that keep the Chinese documentation honest (tests/e2e_docs.sh).

    docs_check.py links FILE.md...
        every relative link and image of each file leads to an existing file
        (and, for a link to a .md file with #anchor, to one of its headings,
        slugged as GitHub does);
    docs_check.py config ZH_CONFIG.md gen/config.c
        every key of a `### [section]` table of the Chinese config page is a
        key of that section in KEYS[] of gen/config.c, and every key there is
        on the page;
    docs_check.py inputs ZH_INPUT.md gen/names.c
        every `## FILE — …` heading of the Chinese input page names a file
        budgetgen reads (load_file_names[] of gen/names.c), every such file
        has its heading, and the table of Chinese file names is that of
        FILES[] in gen/names.c;
    docs_check.py messages FINDINGS.md REFERENCE...
        every message shown in a code block of the findings page (a line
        with ": error: ", ": warning: " or ": note: ") is, word for word, in
        one of the REFERENCE files (tests/bad/*/expected.stderr, docs/*.md):
        a message is shown as budgetgen prints it, never made up;
    docs_check.py commands GUIDE.md BIN PROJECT
        every command of the guide's code blocks that starts with
        build/release/budgetgen and names a sample config (config/…) is run
        in a copy of PROJECT's config/, input/ and templates/, with BIN as
        build/release/budgetgen: it must exit 0, or the status the block
        shows (a command ending in `; echo "退出状态：$?"` followed by the
        line 退出状态：N), and every line of the block's output that starts
        with "budgetgen: " or holds ": error: " / ": warning: " must be in
        what it printed (the page count of "wrote …pdf (N pages)" aside,
        which is the layout's, not the data's).
Each prints one line per problem and exits 1 when there is any.
"""
import os
import re
import shutil
import subprocess
import sys
import tempfile

LINK = re.compile(r'!?\[[^\]]*\]\(([^)\s]+)(?:\s+"[^"]*")?\)')
FENCE = re.compile(r'^\s*```')


def prose_lines(text):
    """(line number, line) outside fenced code blocks, inline code removed."""
    inside = False
    for n, line in enumerate(text.split('\n'), 1):
        if FENCE.match(line):
            inside = not inside
            continue
        if not inside:
            yield n, re.sub(r'`[^`]*`', '', line)


def slug(heading):
    """GitHub's anchor of a heading: lower case, punctuation removed
    (letters, digits, CJK, - and _ kept), spaces to -."""
    h = re.sub(r'`', '', heading.strip()).lower()
    h = re.sub(r'[^\w\- ]', '', h)
    return h.replace(' ', '-')


def anchors(path):
    seen = {}
    out = set()
    with open(path, encoding='utf-8') as f:
        text = f.read()
    for _, line in prose_lines(text):
        m = re.match(r'^#{1,6}\s+(.*?)\s*#*\s*$', line)
        if not m:
            continue
        s = slug(m.group(1))
        k = seen.get(s, 0)
        seen[s] = k + 1
        out.add(s if k == 0 else '%s-%d' % (s, k))
    return out


def cmd_links(files):
    bad = 0
    for path in files:
        with open(path, encoding='utf-8') as f:
            text = f.read()
        base = os.path.dirname(path)
        for n, line in prose_lines(text):
            for target in LINK.findall(line):
                if re.match(r'^[a-z]+:', target):
                    continue  # http:, https:, mailto:
                file, _, anchor = target.partition('#')
                dest = os.path.normpath(os.path.join(base, file)) if file else path
                if not os.path.exists(dest):
                    print('%s:%d: broken link %s: %s does not exist' % (path, n, target, dest))
                    bad += 1
                elif anchor and dest.endswith('.md') and anchor not in anchors(dest):
                    print('%s:%d: broken link %s: %s has no heading #%s' % (path, n, target, dest, anchor))
                    bad += 1
    return bad


def cmd_config(page, config_c):
    with open(config_c, encoding='utf-8') as f:
        keys = set(re.findall(r'\{"(\w+)", "(\w+)", K_[A-Z]+', f.read()))
    with open(page, encoding='utf-8') as f:
        text = f.read()
    bad = 0
    section = None
    shown = set()
    for n, line in prose_lines(text.replace('`', '\x00')):
        line = line.replace('\x00', '`')
        m = re.match(r'^###\s+\[(\w+)\]', line)
        if m:
            section = m.group(1)
            continue
        if re.match(r'^#{1,3}\s', line):
            section = None
            continue
        m = re.match(r'^\|\s*`(\w+)`\s*\|', line)
        if section and m:
            key = (section, m.group(1))
            shown.add(key)
            if key not in keys:
                print('%s:%d: [%s] %s is not a key of gen/config.c' % (page, n, key[0], key[1]))
                bad += 1
    for s, k in sorted(keys - shown):
        print('%s: [%s] %s (gen/config.c) is not described' % (page, s, k))
        bad += 1
    if not shown:
        print('%s: no key tables found under ### [section] headings' % page)
        bad += 1
    return bad


def cmd_inputs(page, names_c):
    with open(names_c, encoding='utf-8') as f:
        src = f.read()
    m = re.search(r'load_file_names\[\]\s*=\s*\{(.*?)\};', src, re.S)
    read = re.findall(r'"([^"]+)"', m.group(1)) if m else []
    zh = {}
    m = re.search(r'\}\s*FILES\[\]\s*=\s*\{(.*?)\n\};', src, re.S)
    for file, names in re.findall(r'\{"([^"]+)",\s*\{([^}]*)\}\}', m.group(1) if m else ''):
        zh[file] = re.findall(r'"([^"]+)"', names)
    with open(page, encoding='utf-8') as f:
        text = f.read()
    bad = 0
    if not read or not zh:
        print('%s: cannot read load_file_names[] and FILES[]' % names_c)
        return 1
    headed = set()
    table = {}
    for n, line in prose_lines(text.replace('`', '\x00')):
        line = line.replace('\x00', '`')
        m = re.match(r'^##\s+`?([\w.]+\.(?:csv|txt))`?\s', line)
        if m:
            headed.add(m.group(1))
            if m.group(1) not in read:
                print('%s:%d: %s is not a file budgetgen reads (gen/names.c)' % (page, n, m.group(1)))
                bad += 1
        m = re.match(r'^\|\s*`?([a-z_]+\.(?:csv|txt))`?\s*\|\s*([^|]*\.(?:csv|txt)[^|]*)\|\s*$', line)
        if m:
            table[m.group(1)] = [s.strip().strip('`') for s in re.split(r'[,，、]', m.group(2)) if s.strip()]
            if m.group(1) not in read:
                print('%s:%d: %s is not a file budgetgen reads (gen/names.c)' % (page, n, m.group(1)))
                bad += 1
    for f in read:
        if f not in headed:
            print('%s: %s (gen/names.c) has no ## heading' % (page, f))
            bad += 1
        if table.get(f) != zh.get(f):
            print('%s: the Chinese names of %s are %s, gen/names.c says %s' % (page, f, table.get(f), zh.get(f)))
            bad += 1
    return bad


def code_blocks(text):
    """[(first line number, [lines])] of the fenced blocks."""
    blocks, cur, start = [], None, 0
    for n, line in enumerate(text.split('\n'), 1):
        if FENCE.match(line):
            if cur is None:
                cur, start = [], n + 1
            else:
                blocks.append((start, cur))
                cur = None
        elif cur is not None:
            cur.append(line)
    return blocks


MSG = re.compile(r': (error|warning|note): ')
PAGES = re.compile(r'\(\d+ pages?\)')  # the page count of "wrote X.pdf (23 pages)" is the layout's


def cmd_messages(page, refs):
    ref = ''
    for r in refs:
        with open(r, encoding='utf-8', errors='replace') as f:
            ref += f.read() + '\n'
    with open(page, encoding='utf-8') as f:
        text = f.read()
    bad = shown = 0
    for start, lines in code_blocks(text):
        for i, line in enumerate(lines):
            if MSG.search(line):
                shown += 1
                if line.strip() not in ref:
                    print('%s:%d: message not found in tests/bad/*/expected.stderr or docs/*.md: %s'
                          % (page, start + i, line.strip()))
                    bad += 1
    if shown < 20:
        print('%s: only %d messages shown' % (page, shown))
        bad += 1
    return bad


def cmd_commands(page, binary, project):
    with open(page, encoding='utf-8') as f:
        text = f.read()
    work = tempfile.mkdtemp(prefix='budgetgen-docs.')
    bad = ran = 0
    try:
        for d in ('config', 'input', 'templates'):
            shutil.copytree(os.path.join(project, d), os.path.join(work, d), symlinks=True)
        os.makedirs(os.path.join(work, 'build', 'release'))
        os.makedirs(os.path.join(work, 'output'))
        os.symlink(os.path.abspath(binary), os.path.join(work, 'build', 'release', 'budgetgen'))
        env = dict(os.environ, LC_ALL='C.UTF-8')
        env.pop('LANGUAGE', None)
        env.pop('LANG', None)
        for start, lines in code_blocks(text):
            cmds = [i for i, l in enumerate(lines) if re.match(r'^(\$ )?build/release/budgetgen\s', l)]
            for j, i in enumerate(cmds):
                cmd = re.sub(r'^\$ ', '', lines[i])
                cmd = re.sub(r'\s+#.*$', '', cmd) if '"' not in cmd else cmd
                end = cmds[j + 1] if j + 1 < len(cmds) else len(lines)
                shown = lines[i + 1:end]
                want = 0
                tail = '; echo "退出状态：$?"'
                if cmd.endswith(tail):
                    cmd = cmd[:-len(tail)]
                    st = [l for l in shown if re.match(r'^退出状态：\d+$', l)]
                    want = int(st[0].split('：')[1]) if st else -1
                configs = [a for a in cmd.split() if a.startswith('config/')]
                if not configs or not all(os.path.exists(os.path.join(project, a)) for a in configs):
                    continue
                r = subprocess.run(['bash', '-c', cmd], cwd=work, env=env, stdout=subprocess.PIPE,
                                   stderr=subprocess.STDOUT, timeout=300)
                out = r.stdout.decode('utf-8', 'replace')
                ran += 1
                print('ran (exit %d): %s' % (r.returncode, cmd))
                if r.returncode != want:
                    print('%s:%d: `%s` exited %d, the guide shows %d' % (page, start + i, cmd, r.returncode, want))
                    bad += 1
                out = PAGES.sub('(N pages)', out)
                for k, l in enumerate(shown):
                    if (l.startswith('budgetgen: ') or MSG.search(l)) and PAGES.sub('(N pages)', l.strip()) not in out:
                        print('%s:%d: `%s` did not print: %s' % (page, start + i + 1 + k, cmd, l.strip()))
                        bad += 1
    finally:
        shutil.rmtree(work, ignore_errors=True)
    if ran == 0:
        print('%s: no command of a sample config found' % page)
        bad += 1
    else:
        print('%s: %d commands run' % (page, ran))
    return bad


def main(argv):
    if len(argv) < 3:
        print(__doc__)
        return 2
    what = argv[1]
    if what == 'links':
        bad = cmd_links(argv[2:])
    elif what == 'config':
        bad = cmd_config(argv[2], argv[3])
    elif what == 'inputs':
        bad = cmd_inputs(argv[2], argv[3])
    elif what == 'messages':
        bad = cmd_messages(argv[2], argv[3:])
    elif what == 'commands':
        bad = cmd_commands(argv[2], argv[3], argv[4])
    else:
        print('unknown check %s' % what)
        return 2
    return 1 if bad else 0


if __name__ == '__main__':
    sys.exit(main(sys.argv))
