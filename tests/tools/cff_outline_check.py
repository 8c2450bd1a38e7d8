#!/usr/bin/python3
"""cff_outline_check.py [--gid-cids] OUT.pdf: every glyph of every embedded
CID-keyed CFF font (/FontFile3 /CIDFontType0C, gen/pdf_font.c) draws exactly
the outline of the installed face it was subset from, and shows the right
character.

The face is found with fc-list by PostScript name (/BaseFont without its
subset tag: NotoSerifCJKSC-Bold is NotoSerifCJKsc-Bold, NotoSerifCJKSC is
NotoSerifCJKsc-Regular).  For each glyph of the embedded program: its CID
(the program's charset), the character of that CID (the font's /ToUnicode
CMap), the face's glyph of that character (its cmap; .notdef for CID 0);
both are drawn with fontTools into RecordingPens (subroutines and operator
forms expanded: absolute moveTo/lineTo/curveTo/closePath points) and must be
equal.  Every character the pages show in the font must be one of its glyphs
(a code that is not a CID of the program would draw .notdef).

--gid-cids: also require every glyph's CID to be its glyph id (charset
cff_opt.c writes: one format-2 range), the codes the pages show then being
below the number of glyphs, and the ToUnicode CMap to hold at most 20
entries (runs of consecutive codes as bfrange arrays, pdf_meta.c).

A glyph no character maps to (HarfBuzz keeps the glyphs of the characters'
variation sequences) is not compared, and must not be shown.

Prints one line per font ("NAME: N glyphs (K without a character), M shown,
outlines equal, CIDs are glyph ids|CIDs kept") and one per problem; exits 1
on any problem."""
import io
import re
import subprocess
import sys
import os

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import pdf_glyph_check as g  # noqa: E402
from fontTools.cffLib import CFFFontSet  # noqa: E402
from fontTools.pens.recordingPen import RecordingPen  # noqa: E402
from fontTools.ttLib import TTFont  # noqa: E402


def installed_faces():
    out = subprocess.run(['fc-list', '-f', '%{postscriptname}\t%{file}\t%{index}\n'],
                         capture_output=True, text=True, check=True).stdout
    faces = {}
    for line in out.splitlines():
        parts = line.split('\t')
        if len(parts) == 3 and parts[0]:
            faces.setdefault(parts[0].lower(), (parts[1], int(parts[2] or 0)))
    return faces


def drawn(charstring):
    pen = RecordingPen()
    charstring.draw(pen)
    return pen.value


def main():
    args = sys.argv[1:]
    want_gid = '--gid-cids' in args
    args = [a for a in args if a != '--gid-cids']
    if len(args) != 1:
        sys.exit('usage: cff_outline_check.py [--gid-cids] OUT.pdf')
    pdf = g.Pdf(args[0])
    faces = installed_faces()
    problems = 0
    nfonts = 0
    shown = {}
    for key, o in pdf.objs.items():
        v = o.get('value')
        if isinstance(v, dict) and v.get('/Type') == '/Page':
            res = g.page_resources(pdf, v)
            fmap = pdf.val(res.get('/Font', {})) or {}
            contents = v.get('/Contents')
            refs = contents if isinstance(contents, list) else [contents]
            data = b''.join(pdf.data(r) for r in refs if r)
            for name, s in g.shown_codes(data):
                ref = fmap.get('/' + name) if name else None
                if ref:
                    codes = shown.setdefault(ref, set())
                    codes.update(s[i] << 8 | s[i + 1] for i in range(0, len(s) - 1, 2))
    for key, v, fd in sorted(pdf.cff_fonts(), key=lambda f: f[0]):
        nfonts += 1
        base = v['/BaseFont'].lstrip('/').split('+')[-1]
        ps = base.lower() if '-' in base else base.lower() + '-regular'
        if ps not in faces:
            print('%s: no installed face with PostScript name %s' % (base, ps))
            problems += 1
            continue
        path, index = faces[ps]
        spans = g.parse_tounicode(pdf.data(v['/ToUnicode']))
        cffs = CFFFontSet()
        cffs.decompile(io.BytesIO(pdf.data(fd['/FontFile3'])), None)
        top = cffs[cffs.fontNames[0]]
        face = TTFont(path, fontNumber=index, lazy=True)
        fcmap = face.getBestCmap()
        fcs = face['CFF '].cff[0].CharStrings
        forder = face.getGlyphOrder()
        bad = 0
        gid_cids = True
        cids = set()
        unmapped = set()
        for gid, gname in enumerate(top.charset):
            cid = 0 if gname == '.notdef' else int(gname[3:])
            cids.add(cid)
            gid_cids = gid_cids and cid == gid
            if cid == 0:
                theirs = forder[0]
            else:
                text = g.to_unicode(spans, cid)
                if text is None:
                    # a glyph no character maps to (HarfBuzz keeps the
                    # variation-sequence glyphs of the characters): it
                    # must not be shown (checked below); not compared
                    unmapped.add(cid)
                    continue
                if len(text) != 1 or ord(text) not in fcmap:
                    print('%s: glyph %d (CID %d) is %r in ToUnicode, not a character of the face'
                          % (base, gid, cid, text))
                    bad += 1
                    continue
                theirs = fcmap[ord(text)]
            if drawn(top.CharStrings[gname]) != drawn(fcs[theirs]):
                print('%s: glyph %d (CID %d, %r) differs from %s in %s'
                      % (base, gid, cid, g.to_unicode(spans, cid), theirs, path))
                bad += 1
        codes = shown.get(key[len('obj:'):], set())
        missing = sorted(c for c in codes if c not in cids or c in unmapped)
        if missing:
            print('%s: shown codes not in the program or without a character: %s' % (base, ' '.join('%04X' % c for c in missing[:10])))
            bad += 1
        # the ToUnicode CMap's entries: a bfchar line per code, or a bfrange
        # (with an array) per run of codes
        cmap = pdf.data(v['/ToUnicode']).decode('latin-1')
        entries = len(re.findall(r'^<[0-9A-Fa-f]+>\s*<[0-9A-Fa-f]+>', cmap, re.M))
        if want_gid and entries > 20:
            print('%s: ToUnicode has %d entries for %d glyphs (want runs as bfrange arrays)'
                  % (base, entries, len(top.charset)))
            bad += 1
        if want_gid and not gid_cids:
            print('%s: CIDs are not the glyph ids (charset kept)' % base)
            bad += 1
        print('%s: %d glyphs (%d without a character), %d shown, %s, %s' % (
            base, len(top.charset), len(unmapped), len(codes),
            'outlines equal' if not bad else '%d problems' % bad,
            'CIDs are glyph ids' if gid_cids else 'CIDs kept'))
        problems += bad
    if nfonts == 0:
        print('no CFF font embedded')
        problems += 1
    sys.exit(1 if problems else 0)


if __name__ == '__main__':
    main()
