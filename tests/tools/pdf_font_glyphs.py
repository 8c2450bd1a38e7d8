#!/usr/bin/python3
"""Checks that every character a PDF shows draws something, in the font that
shows it.

usage: pdf_font_glyphs.py OUT.pdf
The shared pdf-glyph-check tests a whole text against every embedded font,
which suits one-font documents; a disclosure uses two (Hei for headings, Ming
for the body) and each is subset to what it draws.  This tool reads the page
content streams, follows `Tf` to know the current font, collects the CIDs each
font shows (libharu's UTF-8 encoder: CID = Unicode code point), and checks in
the embedded font program (via /CIDToGIDMap) that each one maps to a glyph
with an outline after decomposing composites.  Prints one line per font;
exits 1 if any shown character draws nothing.
"""
import base64, io, json, re, subprocess, sys
from fontTools.ttLib import TTFont
from fontTools.pens.boundsPen import BoundsPen

pdf = sys.argv[1]
j = json.loads(subprocess.run(['qpdf', '--json=2', '--json-key=qpdf', '--json-stream-data=inline',
                               '--decode-level=generalized', pdf],
                              check=True, capture_output=True).stdout)
objs = j['qpdf'][1]

def obj(ref):
    return objs.get('obj:' + ref) if isinstance(ref, str) else None

def val(ref):
    o = obj(ref)
    return o['value'] if o and 'value' in o else (o['stream']['dict'] if o else None)

def stream(ref):
    return base64.b64decode(obj(ref)['stream']['data'])

# font object ref -> set of CIDs shown
shown = {}
token = re.compile(rb'/([A-Za-z0-9_.+-]+)\s+[-\d.]+\s+Tf|<([0-9A-Fa-f\s]*)>|\[|\]|(TJ|Tj|\'|")')
for key, o in objs.items():
    v = o.get('value')
    if not isinstance(v, dict) or v.get('/Type') != '/Page':
        continue
    res = v.get('/Resources')
    res = val(res) if isinstance(res, str) else res
    fonts = res.get('/Font', {})
    fonts = val(fonts) if isinstance(fonts, str) else fonts
    contents = v.get('/Contents')
    refs = contents if isinstance(contents, list) else [contents]
    data = b''.join(stream(r) for r in refs)
    cur = None
    pending = []
    for m in token.finditer(data):
        if m.group(1):
            cur = fonts.get('/' + m.group(1).decode())
        elif m.group(2) is not None:
            pending.append(re.sub(rb'\s', b'', m.group(2)))
        elif m.group(3):
            for h in pending:
                b = bytes.fromhex(h.decode())
                cids = {int.from_bytes(b[i:i + 2], 'big') for i in range(0, len(b) - 1, 2)}
                shown.setdefault(cur, set()).update(cids)
            pending = []

problems = 0
for ref, cids in shown.items():
    t0 = val(ref)
    desc = val(t0['/DescendantFonts'][0]) if isinstance(t0['/DescendantFonts'][0], str) else t0['/DescendantFonts'][0]
    fd = val(desc['/FontDescriptor'])
    if '/FontFile2' not in fd:
        print(f'{t0.get("/BaseFont")}: not embedded')
        problems += 1
        continue
    font = TTFont(io.BytesIO(stream(fd['/FontFile2'])))
    order = font.getGlyphOrder()
    gs = font.getGlyphSet()
    m = desc.get('/CIDToGIDMap', '/Identity')
    cmap = None if m == '/Identity' else stream(m)
    blank = []
    for cid in sorted(cids):
        ch = chr(cid)
        if ch.isspace():
            continue
        gid = cid if cmap is None else (int.from_bytes(cmap[2 * cid:2 * cid + 2], 'big')
                                        if 2 * cid + 2 <= len(cmap) else 0)
        ok = 0 < gid < len(order)
        if ok:
            bp = BoundsPen(gs)
            gs[order[gid]].draw(bp)
            ok = bp.bounds is not None
        if not ok:
            blank.append(ch)
    print(f'{t0.get("/BaseFont")}: {len(cids)} characters shown'
          + (f', {len(blank)} draw nothing: {"".join(blank)}' if blank else ', all draw'))
    problems += len(blank)
if not shown:
    print('no text shown')
    problems += 1
sys.exit(1 if problems else 0)
