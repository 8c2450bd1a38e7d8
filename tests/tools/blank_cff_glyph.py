#!/usr/bin/python3
"""blank_cff_glyph.py IN.pdf OUT.pdf CHAR: blanks the glyph of CHAR in the first
embedded CID-keyed CFF font (/FontFile3) that shows it and writes the PDF back
(qpdf --update-from-json): the glyph check must then fail (tests/e2e_faces.sh)."""
import io, sys
sys.path.insert(0, __import__('os').path.dirname(__import__('os').path.abspath(__file__)))
import pdf_glyph_check as g
from fontTools.cffLib import CFFFontSet
from fontTools.misc.psCharStrings import T2CharString
src, dst, ch = sys.argv[1], sys.argv[2], sys.argv[3]
pdf = g.Pdf(src)
for key, v, fd in pdf.cff_fonts():
    cid = g.from_unicode(g.parse_tounicode(pdf.data(v['/ToUnicode'])), ch)
    if cid is None:
        continue
    ref = fd['/FontFile3']
    cffs = CFFFontSet()
    cffs.decompile(io.BytesIO(pdf.data(ref)), None)
    top = cffs[cffs.fontNames[0]]
    name = 'cid%05d' % cid
    cs = top.CharStrings
    old = cs[name]
    idx = cs.charStrings[name]
    new = T2CharString(program=['endchar'], private=old.private, globalSubrs=old.globalSubrs)
    cs.charStringsIndex[idx] = new
    out = io.BytesIO()
    class _Font:  # what CFFFontSet.compile reads of a TTFont
        recalcBBoxes = False
    cffs.compile(out, _Font())
    g.replace_stream(src, dst, ref, pdf.obj(ref)['stream']['dict'], out.getvalue())
    print(v['/BaseFont'], name)
    sys.exit(0)
sys.exit('no CFF font shows ' + ch)
