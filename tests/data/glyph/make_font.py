#!/usr/bin/python3
"""make_font.py OUT.ttf [BLANK_CHAR]: a subset of WenQuanYi Zen Hei holding the
characters of tiny.tpl's document, with the glyph of BLANK_CHAR (if given)
replaced by an empty outline while its cmap entry stays.  The generator then
finds the character in the font and draws it blank: the glyph checks must
see that (a check that cannot fail proves nothing)."""
import sys
from fontTools import subset
from fontTools.ttLib import TTFont
from fontTools.ttLib.tables._g_l_y_f import Glyph

TEXT = '测试市示例局第页共年0123456789 '
font = TTFont('/usr/share/fonts/truetype/wqy/wqy-zenhei.ttc', fontNumber=0, lazy=True)
opts = subset.Options()
opts.layout_features = []
opts.name_IDs = ['*']
opts.notdef_outline = True
sub = subset.Subsetter(opts)
sub.populate(text=TEXT)
sub.subset(font)
if len(sys.argv) > 2:
    name = font.getBestCmap()[ord(sys.argv[2])]
    font['glyf'][name] = Glyph()
font.save(sys.argv[1])
