#!/usr/bin/python3
"""blank_cff_glyph.py IN.pdf OUT.pdf CHAR: blanks the glyph of CHAR in the first
embedded CID-keyed CFF font (/FontFile3) that shows it and writes the PDF back
(qpdf --update-from-json): the glyph check must then fail (tests/e2e_faces.sh)."""
import base64, io, json, subprocess, sys
sys.path.insert(0, __import__('os').path.dirname(__import__('os').path.abspath(__file__)))
import pdf_glyph_check as g
from fontTools.cffLib import CFFFontSet
from fontTools.misc.psCharStrings import T2CharString
src, dst, ch = sys.argv[1], sys.argv[2], sys.argv[3]
pdf = g.Pdf(src)
for key, o in pdf.objs.items():
    v = o.get('value')
    if not (isinstance(v, dict) and v.get('/Subtype') == '/Type0'):
        continue
    desc = pdf.val(pdf.val(v['/DescendantFonts'])[0])
    fd = pdf.val(desc.get('/FontDescriptor'))
    if '/FontFile3' not in fd:
        continue
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
    sd = {k: x for k, x in pdf.obj(ref)['stream']['dict'].items() if k not in ('/Filter', '/DecodeParms', '/Length')}
    upd = {'qpdf': [{'jsonversion': 2, 'pushedinheritedpageresources': False,
                     'calledgetallpages': False, 'maxobjectid': 0},
                    {'obj:' + ref: {'stream': {'dict': sd,
                                               'data': base64.b64encode(out.getvalue()).decode()}}}]}
    with open(dst + '.json', 'w') as fp:
        json.dump(upd, fp)
    subprocess.run(['qpdf', src, '--update-from-json=' + dst + '.json', dst], check=True)
    print(v['/BaseFont'], name)
    sys.exit(0)
sys.exit('no CFF font shows ' + ch)
