#!/usr/bin/python3
"""make_font_cff.py OUT.otf [BLANK_CHAR]: an OpenType font with CFF outlines
(name-keyed, built with fontTools) holding the characters of tiny.tpl's
document as boxes, with the glyph of BLANK_CHAR (if given) empty while its
cmap entry stays: the CFF counterpart of make_font.py, for gen/pdf_font.c's
CIDFontType0C fonts (the glyph checks must see the blank there too)."""
import sys
from fontTools.fontBuilder import FontBuilder
from fontTools.pens.t2CharStringPen import T2CharStringPen

TEXT = '测试市示例局第页共年0123456789'
blank = sys.argv[2] if len(sys.argv) > 2 else None


def name(c):
    return 'uni%04X' % ord(c)


def outline(w, empty):
    p = T2CharStringPen(w, None)
    if not empty:
        p.moveTo((60, -40))
        p.lineTo((60, 760))
        p.lineTo((w - 60, 760))
        p.lineTo((w - 60, -40))
        p.closePath()
    return p.getCharString()


names = ['.notdef', 'space'] + [name(c) for c in TEXT]
cmap = {32: 'space'}
cmap.update({ord(c): name(c) for c in TEXT})
width = {n: 500 if n in [name(c) for c in '0123456789'] else 1000 for n in names}
width['space'] = 250
cs = {n: outline(width[n], n == 'space' or (blank is not None and n == name(blank))) for n in names}
fb = FontBuilder(1000, isTTF=False)
fb.setupGlyphOrder(names)
fb.setupCharacterMap(cmap)
fb.setupCFF('TestCFFCJK-Regular', {'FullName': 'TestCFFCJK'}, cs, {})
fb.setupHorizontalMetrics({n: (width[n], 60) for n in names})
fb.setupHorizontalHeader(ascent=880, descent=-120)
fb.setupNameTable({'familyName': 'TestCFFCJK', 'styleName': 'Regular'})
fb.setupOS2(sTypoAscender=880, sTypoDescender=-120, usWinAscent=880, usWinDescent=120)
fb.setupPost()
fb.save(sys.argv[1])
