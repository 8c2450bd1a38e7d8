# End-to-end test of the cover, the 目录 and the PDF bookmarks (issue 14,
# point 6), sourced by tests/run.sh (which defines pass/fail, BIN and ROOT;
# the working folder is the project).
#
#   1. tests/data/toc/jianshe-toc.ini (config/jianshe-2021.ini with
#      tests/data/toc/toc.tpl: a cover, `toc 目录`, then standard.tpl):
#      - page 1 is the cover: its four lines as the template writes them
#        with the config's 部门 and 年度, and no footer;
#      - the 目录 pages that follow have no footer either; the body's
#        footers say 第k页 共M页 with k counted from the first body page
#        and M the body's pages;
#      - the 目录's entries, in order, are the hand-written list below;
#      - for every entry, the first body page where pdftotext finds its
#        text (spaces and line ends removed) prints in its footer the
#        number the 目录 gives;
#      - the outline is 目录 then the same list, with its levels;
#      - qpdf --check and the glyph check pass;
#      the same 目录 checks for config/jianshe-district-2021.ini (the
#      profile district-2026 opens with a cover and a 目录).
#   2. every config/*.ini: a non-empty outline whose titles, in order, are
#      the headings, table and chart titles and the title runs that open a
#      part (no heading before the next title), as `budgetgen tree` shows
#      the blocks; every entry points at a page showing its text; for
#      config/zeren-2019.ini, config/jianshe-2021.ini and
#      config/cangzhou-2020.ini against lists written by hand (the 附表 as
#      a top-level group of their own, not under 七、其他需要说明的事项).
#   3. a template whose 目录 is long enough to wrap entries and fill more
#      than a page still numbers every entry right.

TD=$(mktemp -d)
cat >"$TD/toc.py" <<'EOF'
import json, re, subprocess, sys

def outline(pdf):
    """[(level, title, page)] in document order, from qpdf --json."""
    j = json.loads(subprocess.run(['qpdf', '--json', '--json-key=outlines', pdf],
                                  capture_output=True, text=True).stdout)
    out = []
    def walk(items, lv):
        for o in items:
            out.append((lv, o['title'], o.get('destpageposfrom1')))
            walk(o.get('kids', []), lv + 1)
    walk(j['outlines'], 1)
    return out

def page_text(pdf, n, layout=False):
    args = ['pdftotext', '-f', str(n), '-l', str(n)] + (['-layout'] if layout else []) + [pdf, '-']
    return subprocess.run(args, capture_output=True, text=True).stdout

def squash(s):
    return re.sub(r'\s+', '', s)

def npages(pdf):
    info = subprocess.run(['pdfinfo', pdf], capture_output=True, text=True).stdout
    return int(re.search(r'Pages:\s+(\d+)', info).group(1))

def tree_outline(cfg):
    """The outline the rules give, from `budgetgen tree` (docs/templates.md)."""
    tree = subprocess.run([sys.argv[2], 'tree', cfg], capture_output=True, text=True).stdout
    lines = tree.split('\n')
    blocks = []  # (kind, level, text)
    kind = None
    for ln in lines:
        m = re.match(r'^(\S+)(.*)$', ln)
        if m:
            kind = m.group(1)
            rest = m.group(2).strip()
            if kind == 'title':
                blocks.append(('title', 0, rest))
            elif kind == 'heading':
                hm = re.match(r'(\d) (?:\[(.*?)\] )?(.*)$', rest)
                blocks.append(('heading', int(hm.group(1)), (hm.group(2) or '') + hm.group(3)))
            elif kind in ('table', 'chart'):
                blocks.append((kind, 0, None))
            elif kind == 'toc':  # the 目录's own bookmark comes first
                blocks.append(('toc', 0, rest))
            elif kind != 'document':
                blocks.append(('other', 0, None))
        elif kind in ('table', 'chart') and ln.startswith('  title '):
            blocks[-1] = (kind, 0, ln[len('  title '):])
    want, section, i = [], 0, 0
    while i < len(blocks):
        k, lv, text = blocks[i]
        if k == 'title':
            j = i
            while j < len(blocks) and blocks[j][0] == 'title':
                j += 1
            k2 = j
            heading = False
            while k2 < len(blocks) and blocks[k2][0] != 'title':
                heading |= blocks[k2][0] == 'heading'
                k2 += 1
            if not heading:
                want.append((1, ''.join(b[2] for b in blocks[i:j])))
                section = 1
            i = j
            continue
        if k == 'toc':
            want.insert(0, (1, text))
        elif k == 'heading':
            section = lv
            want.append((lv, text))
        elif text:
            want.append((section + 1, text))
        i += 1
    return want

cmd = sys.argv[1]
if cmd == 'outline':          # outline PDF: "LEVEL<TAB>TITLE<TAB>PAGE" lines
    for lv, t, p in outline(sys.argv[2]):
        print('%d\t%s\t%s' % (lv, t, p))
elif cmd == 'check-samples':  # check-samples BIN PDF CONFIG: outline as tree says, pages right
    pdf, cfg = sys.argv[3], sys.argv[4]
    got = outline(pdf)
    want = tree_outline(cfg)
    bad = 0
    if not got:
        print('%s: empty outline' % cfg); bad = 1
    if [(lv, t) for lv, t, p in got] != want:
        print('%s: outline %s, want %s' % (cfg, [(lv, t) for lv, t, p in got], want)); bad = 1
    for lv, t, p in got:
        if not p or squash(t) not in squash(page_text(pdf, p)):
            print('%s: bookmark %s points at page %s, which does not show it' % (cfg, t, p)); bad = 1
    sys.exit(bad)
elif cmd == 'check-toc':      # check-toc PDF WANTFILE: the 目录 against the pages
    pdf, wantfile = sys.argv[2], sys.argv[3]
    want = [tuple(l.split('\t')) for l in open(wantfile, encoding='utf-8').read().splitlines() if l]
    want = [(int(lv), t) for lv, t in want]
    n = npages(pdf)
    footer = re.compile(r'第(\d+)页\s*共(\d+)页')
    foot = {p: footer.search(page_text(pdf, p)) for p in range(1, n + 1)}
    first_body = min(p for p in foot if foot[p])
    bad = 0
    # no footer on the cover and the 目录; body footers count from 1
    for p in range(1, first_body):
        if foot[p]:
            print('front page %d has a footer' % p); bad = 1
    for p in range(first_body, n + 1):
        m = foot[p]
        if not m or (int(m.group(1)), int(m.group(2))) != (p - first_body + 1, n - first_body + 1):
            print('page %d footer %s, want 第%d页 共%d页' % (p, m and m.group(0),
                  p - first_body + 1, n - first_body + 1)); bad = 1
    print('front pages: %d, body pages: %d' % (first_body - 1, n - first_body + 1))
    # the 目录's entries: "TEXT ....... N", a wrapped entry's first lines before
    entries, pending = [], ''
    toc_pages = [p for p in range(1, first_body)
                 if page_text(pdf, p).strip().split('\n')[0].strip() == '目录']
    toc_pages = list(range(toc_pages[0], first_body)) if toc_pages else []
    for p in toc_pages:
        for ln in page_text(pdf, p, layout=True).splitlines():
            s = ln.strip()
            if not s or s == '目录':
                continue
            # the leader: "......", or ". . ." where the face's dot is
            # narrower than the leader's pitch (Noto: pdftotext sees gaps)
            m = re.match(r'^(.*?)\s*(?:\.\s*){3,}(\d+)$', s)
            if m:
                entries.append((squash(pending + m.group(1)), int(m.group(2))))
                pending = ''
            else:
                pending += s
    if pending:
        print('目录 line without a number: %s' % pending); bad = 1
    if [t for t, _ in entries] != [squash(t) for _, t in want]:
        print('目录 entries %s, want %s' % ([t for t, _ in entries], [t for _, t in want])); bad = 1
    body_text = {p: squash(page_text(pdf, p)) for p in range(first_body, n + 1)}
    for t, num in entries:
        where = [p for p in range(first_body, n + 1) if t in body_text[p]]
        if not where:
            print('目录 entry %s: on no body page' % t); bad = 1
            continue
        printed = int(foot[where[0]].group(1))
        if printed != num:
            print('目录 entry %s: 目录 says %d, found on the page numbered %d' % (t, num, printed)); bad = 1
    print('目录: %d entries checked' % len(entries))
    got = [(lv, t) for lv, t, p in outline(pdf)]
    toc_title = [(1, '目录')] if toc_pages else []
    if got != toc_title + want:
        print('outline %s, want %s' % (got, toc_title + want)); bad = 1
    sys.exit(bad)
EOF
PY=/usr/bin/python3

# ---- 1. cover and 目录 -------------------------------------------------------
# The entries of jianshe-2021 under standard.tpl, written from the template
# and the config by hand (level, text).
cat >"$TD/jianshe.want" <<'EOF'
1	一、部门主要职责及机构设置
1	二、部门预算安排总体情况
2	1、收入说明
2	2、支出说明
2	3、比上年增减情况
3	2021年与2020年预算对比表
3	2021年及以前年度基本支出和项目支出
3	2020年与2021年支出按功能分类对比
1	三、机关运行经费安排情况
1	四、财政拨款“三公”经费预算情况及增减变化原因
2	2021年“三公”经费预算情况表
2	2020年与2021年“三公”经费预算对比
1	五、政府采购预算情况
2	2021年政府采购预算表
1	六、国有资产占有使用情况
2	国有资产占有使用情况表
1	七、绩效预算信息
2	2021年绩效自评结果汇总表
2	2021年部门职责活动绩效目标及自评表
1	八、项目经费情况说明
2	1、城市公共设施维护提升项目
2	2、棚户区改造项目
2	3、农村危房改造补助项目
2	4、城市道路建设项目
1	九、名词解释
1	十、其他需要说明的事项
1	附表：示例市住房和城乡建设局2021年部门预算公开表
2	示例市住房和城乡建设局2021年部门收支总表
2	示例市住房和城乡建设局2021年部门收入总表
2	示例市住房和城乡建设局2021年部门支出总表
2	示例市住房和城乡建设局2021年财政拨款收支总表
2	示例市住房和城乡建设局2021年一般公共预算支出表
2	示例市住房和城乡建设局2021年一般公共预算基本支出表
2	示例市住房和城乡建设局2021年一般公共预算“三公”经费支出表
2	示例市住房和城乡建设局2021年政府性基金预算支出表
2	示例市住房和城乡建设局2021年国有资本经营预算支出表
2	示例市住房和城乡建设局2021年一般公共预算项目支出表
EOF
if "$BIN" build -q -f pdf -o "$TD/toc" tests/data/toc/jianshe-toc.ini 2>"$TD/toc.err"; then
    pass
    P=$(ls "$TD"/toc/*.pdf)
    cover=$(pdftotext -f 1 -l 1 "$P" - 2>/dev/null)
    for s in 2021年 示例市住房和城乡建设局部门预算 编制单位：示例市住房和城乡建设局 2021年1月; do
        if grep -qxF "$s" <<<"$cover"; then pass; else fail "e2e_toc: the cover lacks the line $s"; fi
    done
    if grep -q '第.*页' <<<"$cover"; then fail "e2e_toc: the cover has a footer"; else pass; fi
    if $PY "$TD/toc.py" check-toc "$P" "$TD/jianshe.want" >"$TD/check.out" 2>&1; then
        pass
    else
        fail "e2e_toc: the 目录 of jianshe-toc: $(cat "$TD/check.out")"
    fi
    # the front matter adds pages without changing the body: its page count
    # is that of config/jianshe-2021.ini (the same template without cover
    # and 目录); the 目录 of 43 entries takes two pages after the cover
    "$BIN" build -q -f pdf -o "$TD/plain" config/jianshe-2021.ini 2>/dev/null
    plain=$(pdfinfo "$TD"/plain/*.pdf 2>/dev/null | sed -n 's/^Pages: *//p')
    if grep -qx "front pages: 3, body pages: ${plain:-?}" "$TD/check.out"; then pass; else
        fail "e2e_toc: want a cover and a two-page 目录 before the ${plain:-?} pages of jianshe-2021: $(head -1 "$TD/check.out")"
    fi
    if qpdf --check "$P" >/dev/null 2>&1; then pass; else fail "e2e_toc: qpdf --check $P"; fi
    if $PY tests/tools/pdf_glyph_check.py "$P" >"$TD/glyph.out" 2>&1; then pass; else
        fail "e2e_toc: glyph check: $(tail -3 "$TD/glyph.out")"
    fi
    # the PDF's page labels follow the footers: i, ii, then 1, 2, …
    if qpdf --json --json-key=pagelabels "$P" | tr -d ' \n' |
        grep -qF '"pagelabels":[{"index":0,"label":{"/S":"/r","/St":1}},{"index":3,"label":{"/S":"/D","/St":1}}]'; then
        pass
    else
        fail "e2e_toc: page labels"
    fi
else
    fail "e2e_toc: build of tests/data/toc/jianshe-toc.ini failed: $(cat "$TD/toc.err")"
fi

# The 目录 of config/jianshe-district-2021.ini (the profile district-2026,
# which opens with a cover and a 目录), written by hand from
# templates/profiles/district-2026/document.tpl and its tables.tpl: its
# parts (第X部分), their sections (一、…), the nine tables' titles and the
# tables of the sections, the projects of project_notes.csv.
D=示例市住房和城乡建设局2021年部门
printf '%s\n' "1	第一部分 部门概况" "2	一、部门主要职责" "2	二、部门（单位）构成" "2	三、机构设置" \
    "1	第二部分 2021年部门预算表" "2	表1  ${D}财务收支预算总表" "2	表2  ${D}收入预算总表" \
    "2	表3  ${D}支出预算总表" "2	表4  ${D}财政拨款收支预算总表" \
    "2	表5  ${D}一般公共预算支出功能分类预算表" "2	表6  ${D}政府性基金预算支出功能分类预算表" \
    "2	表7  ${D}国有资本经营预算支出功能分类预算表" \
    "2	表8  ${D}一般公共预算基本支出部门预算经济分类预算表" \
    "2	表9  ${D}“三公”经费和机关运行经费预算表" "1	第三部分 部门预算编制说明" \
    "2	一、收支预算总体情况" "2	二、财政拨款收支预算情况" "2	三、一般公共预算支出预算情况" \
    "2	四、一般公共预算基本支出预算情况" "2	五、“三公”经费预算情况" "2	六、机关运行经费预算" \
    "1	第四部分 其他相关情况说明" "2	一、政府采购预算情况" "3	2021年政府采购预算表" \
    "2	二、国有资产占有使用情况" "3	国有资产占有使用情况表" "2	三、绩效目标设置情况" \
    "2	四、其他需要说明的事项" "1	第五部分 项目经费情况说明" "2	一、城市公共设施维护提升项目" \
    "2	二、棚户区改造项目" "2	三、农村危房改造补助项目" "2	四、城市道路建设项目" \
    "1	第六部分 名词解释" >"$TD/district.want"
if "$BIN" build -q -f pdf -o "$TD/district" config/jianshe-district-2021.ini 2>/dev/null &&
    $PY "$TD/toc.py" check-toc "$TD"/district/*.pdf "$TD/district.want" >"$TD/district.out" 2>&1; then
    pass
else
    fail "e2e_toc: the 目录 of jianshe-district-2021: $(cat "$TD/district.out")"
fi

# ---- 2. the outline of every sample -----------------------------------------
mkdir -p "$TD/s"
for cfg in config/*.ini; do
    n=$(basename "$cfg" .ini)
    if "$BIN" build -q -f pdf -o "$TD/s/$n" "$cfg" 2>/dev/null; then
        P=$(ls "$TD/s/$n"/*.pdf)
        if $PY "$TD/toc.py" check-samples "$BIN" "$P" "$cfg" >"$TD/s.out" 2>&1; then pass; else
            fail "e2e_toc: outline of $cfg: $(cat "$TD/s.out")"
        fi
    else
        fail "e2e_toc: build of $cfg failed"
    fi
done
# By hand: seed 000 (目标责任书, one untitled table: its title is the outline).
printf '1\t党工委、管委会部门（单位）2019年度（分季）目标责任书\n' >"$TD/zeren.want"
# By hand: jianshe-2021 is the list of 1.; cangzhou-2020 (seed004-full.tpl).
cat >"$TD/cangzhou.want" <<'EOF'
1	一、部门主要职责及机构设置
1	二、部门预算安排总体情况
2	1、收入说明
2	2、支出说明
2	3、比上年增减情况
1	三、机关运行经费安排情况
1	四、财政拨款“三公”经费预算情况及增减变化原因
2	2020年区级“三公经费”预算情况表
1	五、绩效预算信息
2	2020年部门职责活动绩效目标表
1	六、名词解释
1	七、其他需要说明的事项
1	附表：沧州经济开发区管理委员会2020年部门预算公开表
2	沧州经济开发区管理委员会2020年部门收支总表
2	沧州经济开发区管理委员会2020年部门收入总表
2	沧州经济开发区管理委员会2020年部门支出总表
2	沧州经济开发区管理委员会2020年财政拨款收支总表
2	沧州经济开发区管理委员会2020年一般公共预算支出表
2	沧州经济开发区管理委员会2020年一般公共预算基本支出表
2	沧州经济开发区管理委员会2020年一般公共预算“三公”经费支出表
2	沧州经济开发区管理委员会2020年政府性基金预算支出表
2	沧州经济开发区管理委员会2020年国有资本经营预算支出表
EOF
for pair in zeren-2019:zeren jianshe-2021:jianshe cangzhou-2020:cangzhou; do
    n=${pair%%:*} w=${pair#*:}
    P=$(ls "$TD/s/$n"/*.pdf 2>/dev/null)
    if [ -n "$P" ] && cmp -s <($PY "$TD/toc.py" outline "$P" | cut -f1,2) "$TD/$w.want"; then
        pass
    else
        fail "e2e_toc: outline of config/$n.ini: $([ -n "$P" ] && diff <($PY "$TD/toc.py" outline "$P" | cut -f1,2) "$TD/$w.want")"
    fi
done

# ---- 3. a long 目录: wrapped entries, more than one page ---------------------
# 60 headings, each with a subheading, the odd ones with a 70-character
# title that must wrap in the 目录.
mkdir -p "$TD/long"
{
    printf 'cover\n  title 长目录测试\nend\ntoc 目录\n'
    for i in $(seq 1 60); do
        if [ $((i % 2)) = 1 ]; then
            printf 'heading 第%s项很长的标题用来测试目录中的条目换行以及页码仍然对齐到右边的页边并且引导点只跟在最后一行之后\n' "$i"
        else
            printf 'heading 第%s项\n' "$i"
        fi
        printf 'subheading 说明%s\npara 内容%s。\n' "$i" "$i"
    done
} >"$TD/long/long.tpl"
cp tests/data/toc/jianshe-toc.ini "$TD/long/long.ini"
sed -i "s|^template   = .*|template   = $TD/long/long.tpl|" "$TD/long/long.ini"
: >"$TD/long.want"
for i in $(seq 1 60); do
    cn=$(printf '%s' "$i" | $PY -c 'import sys
d="零一二三四五六七八九"; n=int(sys.stdin.read())
print((d[n//10] if n>=20 else "") + ("十" if n>=10 else "") + (d[n%10] if n%10 else "") if n>=10 else d[n])')
    if [ $((i % 2)) = 1 ]; then
        printf '1\t%s、第%s项很长的标题用来测试目录中的条目换行以及页码仍然对齐到右边的页边并且引导点只跟在最后一行之后\n' "$cn" "$i"
    else
        printf '1\t%s、第%s项\n' "$cn" "$i"
    fi
    printf '2\t1、说明%s\n' "$i"
done >>"$TD/long.want"
# (--root /: the template is in a temporary folder, outside the project)
if "$BIN" build -q -f pdf --root / -o "$TD/long/out" "$TD/long/long.ini" 2>"$TD/long.err"; then
    P=$(ls "$TD"/long/out/*.pdf)
    if $PY "$TD/toc.py" check-toc "$P" "$TD/long.want" >"$TD/long.out" 2>&1; then pass; else
        fail "e2e_toc: the long 目录: $(cat "$TD/long.out")"
    fi
    front=$(sed -n 's/^front pages: \([0-9]*\),.*/\1/p' "$TD/long.out")
    if [ "${front:-0}" -ge 4 ]; then pass; else fail "e2e_toc: the long 目录 should take 3 pages or more after the cover (front pages: $front)"; fi
else
    fail "e2e_toc: build of the long 目录 failed: $(cat "$TD/long.err")"
fi
rm -rf "$TD"
