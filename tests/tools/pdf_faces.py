#!/usr/bin/python3
"""pdf_faces.py OUT.pdf: every string the pages show, in page order, as
"PAGE<TAB>FONT<TAB>TEXT" — FONT the /BaseFont without its subset tag
(NotoSerifCJKSC-Bold), TEXT the characters by the font's ToUnicode CMap.
For the issue 17 tests of faces by role (which face draws the title, a
heading, a 合计 cell).  Reuses pdf_glyph_check.py's PDF and CMap readers."""
import os
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import pdf_glyph_check as g  # noqa: E402


def main():
    pdf = g.Pdf(sys.argv[1])
    fonts = {}
    for key, o in pdf.objs.items():
        v = o.get('value')
        if isinstance(v, dict) and v.get('/Type') == '/Font' and v.get('/Subtype') == '/Type0':
            tu = v.get('/ToUnicode')
            fonts[key[len('obj:'):]] = (v.get('/BaseFont', '?').lstrip('/').split('+')[-1],
                                        g.parse_tounicode(pdf.data(tu)) if tu else [])
    pages = [v['value'] for k, v in sorted(pdf.objs.items())
             if isinstance(v.get('value'), dict) and v['value'].get('/Type') == '/Page']
    # page order: the /Kids of the page tree
    order = []

    def walk(ref):
        node = pdf.val(ref)
        if node.get('/Type') == '/Pages':
            for kid in node.get('/Kids', []):
                walk(kid)
        else:
            order.append(node)
    root = pdf.val(pdf.objs['trailer']['value']['/Root'])
    walk(root['/Pages'])
    del pages
    for n, page in enumerate(order, 1):
        res = g.page_resources(pdf, page)
        fmap = pdf.val(res.get('/Font', {})) or {}
        contents = page.get('/Contents')
        refs = pdf.val(contents) if isinstance(pdf.val(contents), list) else [contents]
        data = b'\n'.join(pdf.data(r) for r in refs if r)
        for name, s in g.shown_codes(data):
            ref = fmap.get('/' + name) if name else None
            face, spans = fonts.get(ref, ('?', []))
            text = ''.join(g.to_unicode(spans, int.from_bytes(s[k:k + 2], 'big')) or '\ufffd'
                           for k in range(0, len(s) - 1, 2))
            print(f'{n}\t{face}\t{text}')


main()
