#!/usr/bin/python3
"""pdf_glyph_check.py OUT.pdf [TEXTFILE...]: the project's structural
missing-glyph detector (no rendering).

Reads the PDF with `qpdf --json=2` (stream data decoded) and every embedded
TrueType program (/FontFile2 of each Type0 font's CIDFontType2) and CFF
program (/FontFile3 /CIDFontType0C of a CIDFontType0, gen/pdf_font.c) with
fontTools, and checks:

  1. composites: every composite glyph present in a font program references
     only component glyphs that have outline data (libharu 2.3.0 drops
     components whose glyph id is > 32767, leaving the composite partly or
     wholly blank);
  2. shown text: every character the pages show, in the font that shows it
     (content streams are followed through Tf), maps to a glyph that draws
     something after full decomposition;
  3. TEXTFILEs, if given: every non-space character of the texts is in every
     embedded font and draws something there (for documents that use one
     font in every role; a two-font document is checked by 1 and 2).

Character → glyph: a Type0 font's /Encoding must be /Identity-H (a 2-byte
code is the CID); its /ToUnicode CMap gives the character of each CID and,
read backwards, the CID of a character (libharu's UTF-8 encoder writes an
identity range: CID = Unicode code point, which is verified here, not
assumed: a shown CID whose ToUnicode character is not the code point is a
problem); /CIDToGIDMap (a stream or /Identity) gives the glyph.  In a CFF
font the CID is the CFF's own (its charset gives the glyph), so the
character is what ToUnicode says, with no CID = code point rule.

Prints one line per font and one per problem; exits 1 on any problem, 2 if
the PDF cannot be read.
"""
import base64
import io
import json
import re
import subprocess
import sys

from fontTools.pens.boundsPen import BoundsPen
from fontTools.cffLib import CFFFontSet
from fontTools.ttLib import TTFont


def load(pdf):
    r = subprocess.run(['qpdf', '--json=2', '--json-key=qpdf', '--json-stream-data=inline',
                        '--decode-level=generalized', pdf], capture_output=True)
    # qpdf exits 3 on warnings; the JSON is still complete then.
    if r.returncode not in (0, 3):
        _die(f'{pdf}: qpdf cannot read it (exit {r.returncode}): '
             + r.stderr.decode(errors='replace').strip())
    return json.loads(r.stdout)['qpdf'][1]


def _die(msg):
    print(msg, file=sys.stderr)
    sys.exit(2)


class Pdf:
    def __init__(self, path):
        self.objs = load(path)

    def obj(self, ref):
        return self.objs.get('obj:' + ref) if isinstance(ref, str) and ref.endswith(' R') else None

    def val(self, x):
        """A direct value, or the value (or stream dictionary) of a reference."""
        o = self.obj(x)
        if o is None:
            return x
        if 'value' in o:
            return o['value']
        return o['stream']['dict']

    def data(self, ref):
        o = self.obj(ref)
        if o is None or 'stream' not in o or 'data' not in o['stream']:
            return b''
        return base64.b64decode(o['stream']['data'])

    def cff_fonts(self):
        """(key, Type0 font dictionary, its CIDFont's FontDescriptor) of each
        Type0 font embedding a CFF program (/FontFile3), in object order."""
        for key, o in self.objs.items():
            v = o.get('value')
            if not (isinstance(v, dict) and v.get('/Subtype') == '/Type0'):
                continue
            desc = self.val(self.val(v['/DescendantFonts'])[0])
            fd = self.val(desc.get('/FontDescriptor'))
            if '/FontFile3' in fd:
                yield key, v, fd


def replace_stream(src, dst, ref, sdict, data, extra=None):
    """Writes src to dst with the stream ref holding data: its dictionary
    sdict without its filters and length, extra entries added; through qpdf
    --update-from-json (dst.json beside it)."""
    sd = {k: x for k, x in sdict.items() if k not in ('/Filter', '/DecodeParms', '/Length')}
    sd.update(extra or {})
    upd = {'qpdf': [{'jsonversion': 2, 'pushedinheritedpageresources': False,
                     'calledgetallpages': False, 'maxobjectid': 0},
                    {'obj:' + ref: {'stream': {'dict': sd,
                                               'data': base64.b64encode(data).decode()}}}]}
    with open(dst + '.json', 'w') as fp:
        json.dump(upd, fp)
    subprocess.run(['qpdf', src, '--update-from-json=' + dst + '.json', dst], check=True)


# ---- ToUnicode ------------------------------------------------------------------

def utf16(h):
    return bytes.fromhex(h).decode('utf-16-be', errors='replace')


def parse_tounicode(data):
    """code -> Unicode string, as a list of (lo, hi, fn) with fn(code) -> str."""
    text = data.decode('latin-1')
    spans = []
    for m in re.finditer(r'begincidrange(.*?)endcidrange', text, re.S):
        for lo, hi, dst in re.findall(r'<([0-9A-Fa-f]+)>\s*<([0-9A-Fa-f]+)>\s*(\d+)', m.group(1)):
            lo, hi, dst = int(lo, 16), int(hi, 16), int(dst)
            spans.append((lo, hi, lambda c, lo=lo, dst=dst: chr(dst + c - lo)
                          if dst + c - lo < 0x110000 else '\ufffd'))
    for m in re.finditer(r'begincidchar(.*?)endcidchar', text, re.S):
        for lo, dst in re.findall(r'<([0-9A-Fa-f]+)>\s*(\d+)', m.group(1)):
            lo = int(lo, 16)
            spans.append((lo, lo, lambda c, d=chr(int(dst)): d))
    for m in re.finditer(r'beginbfchar(.*?)endbfchar', text, re.S):
        for lo, dst in re.findall(r'<([0-9A-Fa-f]+)>\s*<([0-9A-Fa-f]*)>', m.group(1)):
            lo = int(lo, 16)
            spans.append((lo, lo, lambda c, d=utf16(dst): d))
    for m in re.finditer(r'beginbfrange(.*?)endbfrange', text, re.S):
        body = m.group(1)
        for lo, hi, arr in re.findall(r'<([0-9A-Fa-f]+)>\s*<([0-9A-Fa-f]+)>\s*\[([^\]]*)\]', body):
            lo, hi = int(lo, 16), int(hi, 16)
            dsts = [utf16(h) for h in re.findall(r'<([0-9A-Fa-f]*)>', arr)]
            spans.append((lo, hi, lambda c, lo=lo, d=dsts: d[c - lo] if c - lo < len(d) else ''))
        for lo, hi, dst in re.findall(r'<([0-9A-Fa-f]+)>\s*<([0-9A-Fa-f]+)>\s*<([0-9A-Fa-f]+)>', body):
            lo, hi = int(lo, 16), int(hi, 16)
            b = bytes.fromhex(dst)

            def f(c, lo=lo, b=b):
                last = int.from_bytes(b[-2:], 'big') + c - lo
                return (b[:-2] + (last & 0xFFFF).to_bytes(2, 'big')).decode('utf-16-be', errors='replace')
            spans.append((lo, hi, f))
    return spans


def to_unicode(spans, code):
    for lo, hi, fn in spans:
        if lo <= code <= hi:
            return fn(code)
    return None


def from_unicode(spans, ch):
    """The code whose ToUnicode character is ch, or None."""
    for lo, hi, fn in spans:
        # a range maps consecutive codes to consecutive characters: solve
        first = fn(lo)
        if len(first) == 1 and len(ch) == 1:
            c = lo + ord(ch) - ord(first)
            if lo <= c <= hi and fn(c) == ch:
                return c
        if hi - lo <= 4096:  # an array range, or a short one: look at each code
            for c in range(lo, hi + 1):
                if fn(c) == ch:
                    return c
    return None


# ---- fonts -----------------------------------------------------------------------

class Font:
    def __init__(self, pdf, ref, t0):
        self.ref = ref
        self.name = t0.get('/BaseFont', '?')
        self.problems = []
        enc = pdf.val(t0.get('/Encoding'))
        self.encoding = enc
        if enc != '/Identity-H':
            self.problems.append(f'/Encoding is {enc}, not /Identity-H: codes are not CIDs')
        tu = t0.get('/ToUnicode')
        self.tounicode = parse_tounicode(pdf.data(tu)) if tu else None
        if self.tounicode is not None and not self.tounicode:
            self.problems.append('/ToUnicode maps nothing')
        desc = pdf.val(pdf.val(t0['/DescendantFonts'])[0])
        fd = pdf.val(desc.get('/FontDescriptor'))
        self.font = None
        self.cff = None
        # libharu's TrueType fonts use CID = code point; CFF fonts
        # (gen/pdf_font.c) use the CFF's own CIDs, so only ToUnicode says
        # which character a code is.
        self.cid_is_unicode = True
        if desc.get('/Subtype') == '/CIDFontType0' and '/FontFile3' in fd:
            self.load_cff(pdf, fd['/FontFile3'])
            return
        if desc.get('/Subtype') != '/CIDFontType2' or '/FontFile2' not in fd:
            self.problems.append('not an embedded TrueType or CFF font (no /FontFile2 or '
                                 '/FontFile3)')
            return
        self.font = TTFont(io.BytesIO(pdf.data(fd['/FontFile2'])))
        self.order = self.font.getGlyphOrder()
        self.gs = self.font.getGlyphSet()
        self.glyf = self.font['glyf'] if 'glyf' in self.font else None
        m = desc.get('/CIDToGIDMap', '/Identity')
        self.c2g = None if m == '/Identity' else pdf.data(m)
        self._draws = {}

    def load_cff(self, pdf, ref):
        """A /FontFile3 /CIDFontType0C program: CIDs map to glyphs through its
        charset (CID-keyed: glyph names cidNNNNN), else a CID is a glyph index."""
        if pdf.val(ref).get('/Subtype') != '/CIDFontType0C':
            self.problems.append(f'/FontFile3 is {pdf.val(ref).get("/Subtype")}, not /CIDFontType0C')
            return
        cffs = CFFFontSet()
        cffs.decompile(io.BytesIO(pdf.data(ref)), None)
        top = cffs[cffs.fontNames[0]]
        self.cff = top
        self.font = cffs  # "has a program" for main()
        self.cid_is_unicode = False
        self.order = list(top.charset)
        cid_keyed = hasattr(top, 'ROS')
        self.cid2gid = {}
        for gid, name in enumerate(self.order):
            if cid_keyed:
                c = 0 if name == '.notdef' else int(name[3:])
            else:
                c = gid
            self.cid2gid[c] = gid
        self.glyf = None
        self.c2g = None
        self._draws = {}

    def gid(self, cid):
        if self.cff is not None:
            return self.cid2gid.get(cid, 0)
        if self.c2g is None:
            return cid
        return int.from_bytes(self.c2g[2 * cid:2 * cid + 2], 'big') if 2 * cid + 2 <= len(self.c2g) else 0

    def draws(self, gid):
        if gid not in self._draws:
            ok = 0 < gid < len(self.order)
            if ok and self.cff is not None:
                bp = BoundsPen(None)
                self.cff.CharStrings[self.order[gid]].draw(bp)
                ok = bp.bounds is not None
            elif ok:
                bp = BoundsPen(self.gs)
                self.gs[self.order[gid]].draw(bp)
                ok = bp.bounds is not None
            self._draws[gid] = ok
        return self._draws[gid]

    def char_of(self, cid):
        """The character a CID shows (ToUnicode), checked against CID = code point."""
        if self.tounicode is None:
            return chr(cid)
        return to_unicode(self.tounicode, cid)

    def cid_of(self, ch):
        if self.tounicode is None:
            return ord(ch) if ord(ch) <= 0xFFFF else None
        return from_unicode(self.tounicode, ch)

    def broken_composites(self):
        if self.glyf is None:
            return []

        def empty(gn):
            g = self.glyf[gn]
            return not g.isComposite() and g.numberOfContours == 0
        out = []
        for gn in self.order:
            g = self.glyf[gn]
            if g.isComposite():
                lost = [c.glyphName for c in g.components if empty(c.glyphName)]
                if lost:
                    out.append((self.font.getGlyphID(gn), [self.font.getGlyphID(c) for c in lost]))
        return out


# ---- content streams -------------------------------------------------------------

TOKEN = re.compile(rb'\s+|%[^\r\n]*|/[^\s/\[\]()<>{}%]*|<<|>>|<[0-9A-Fa-f\s]*>|\(|\[|\]|\{|\}'
                   rb'|[^\s/\[\]()<>{}%]+')


def literal(data, i):
    """Parses a literal string starting after '(' at i; returns (bytes, next index)."""
    out = bytearray()
    depth = 1
    esc = {ord('n'): 10, ord('r'): 13, ord('t'): 9, ord('b'): 8, ord('f'): 12}
    while i < len(data):
        c = data[i]
        if c == 0x5C:  # backslash
            i += 1
            if i >= len(data):
                break
            d = data[i]
            if d in esc:
                out.append(esc[d])
            elif 0x30 <= d <= 0x37:
                j = i
                while j < len(data) and j < i + 3 and 0x30 <= data[j] <= 0x37:
                    j += 1
                out.append(int(data[i:j], 8) & 0xFF)
                i = j - 1
            elif d in (10, 13):
                if d == 13 and i + 1 < len(data) and data[i + 1] == 10:
                    i += 1
            else:
                out.append(d)
        elif c == 0x28:
            depth += 1
            out.append(c)
        elif c == 0x29:
            depth -= 1
            if depth == 0:
                return bytes(out), i + 1
            out.append(c)
        else:
            out.append(c)
        i += 1
    return bytes(out), i


def shown_codes(data):
    """Yields (font resource name, string bytes) for every string a text operator shows."""
    font = None
    operands = []
    i = 0
    while i < len(data):
        m = TOKEN.match(data, i)
        if not m:
            i += 1
            continue
        t = m.group(0)
        i = m.end()
        if t[:1].isspace() or t[:1] == b'%':
            continue
        if t == b'(':
            s, i = literal(data, i)
            operands.append(('str', s))
        elif t[:1] == b'<' and t != b'<<':
            h = re.sub(rb'\s', b'', t[1:-1])
            if len(h) % 2:
                h += b'0'
            operands.append(('str', bytes.fromhex(h.decode())))
        elif t[:1] == b'/':
            operands.append(('name', t[1:].decode('latin-1')))
        elif t in (b'[', b']', b'<<', b'>>', b'{', b'}'):
            operands.append(('punct', t))
        elif re.fullmatch(rb'[-+.\d]+', t):
            operands.append(('num', t))
        else:  # an operator
            op = t
            if op == b'Tf':
                names = [v for k, v in operands if k == 'name']
                if names:
                    font = names[-1]
            elif op in (b'Tj', b'TJ', b"'", b'"'):
                for k, v in operands:
                    if k == 'str':
                        yield font, v
            elif op == b'BI':  # inline image: skip to EI
                j = data.find(b'EI', i)
                i = len(data) if j < 0 else j + 2
            operands = []


def page_resources(pdf, page):
    """A page's /Resources, inherited from its parents when absent."""
    node = page
    while isinstance(node, dict):
        if '/Resources' in node:
            return pdf.val(node['/Resources'])
        node = pdf.val(node.get('/Parent'))
    return {}


def collect_shown(pdf, fonts):
    """font ref -> set of codes shown, over every page and the form XObjects it uses."""
    shown = {}
    other = set()

    def walk(data, res, seen):
        res = pdf.val(res) or {}
        fmap = pdf.val(res.get('/Font', {})) or {}
        for name, s in shown_codes(data):
            ref = fmap.get('/' + name) if name else None
            if ref in fonts:
                codes = shown.setdefault(ref, set())
                codes.update(int.from_bytes(s[k:k + 2], 'big') for k in range(0, len(s) - 1, 2))
            elif s:
                other.add(str(ref if ref else name))
        xo = pdf.val(res.get('/XObject', {})) or {}
        for ref in xo.values():
            d = pdf.val(ref)
            if isinstance(d, dict) and d.get('/Subtype') == '/Form' and ref not in seen:
                walk(pdf.data(ref), d.get('/Resources', res), seen | {ref})

    for key, o in pdf.objs.items():
        v = o.get('value')
        if not isinstance(v, dict) or v.get('/Type') != '/Page':
            continue
        contents = v.get('/Contents')
        refs = pdf.val(contents) if isinstance(pdf.val(contents), list) else [contents]
        data = b'\n'.join(pdf.data(r) for r in refs if r)
        walk(data, page_resources(pdf, v), frozenset())
    return shown, other


def main():
    if len(sys.argv) < 2 or sys.argv[1] in ('-h', '--help'):
        print(__doc__.strip())
        sys.exit(0 if len(sys.argv) >= 2 else 2)
    path = sys.argv[1]
    try:
        text = ''.join(open(p, encoding='utf-8').read() for p in sys.argv[2:])
    except (OSError, UnicodeDecodeError) as e:
        _die(f'pdf_glyph_check: {e}')
    pdf = Pdf(path)
    fonts = {}
    for key, o in pdf.objs.items():
        v = o.get('value')
        if isinstance(v, dict) and v.get('/Type') == '/Font' and v.get('/Subtype') == '/Type0':
            fonts[key[len('obj:'):]] = Font(pdf, key[len('obj:'):], v)
    problems = 0
    if not fonts:
        print(f'{path}: no Type0 (CID) font')
        sys.exit(1)
    shown, other = collect_shown(pdf, fonts)
    for name in sorted(other):
        print(f'text shown in a font that is not an embedded Type0 font: {name}')
        problems += 1
    for ref, f in fonts.items():
        line = f'{ref} {f.name}'
        for p in f.problems:
            print(f'{line}: {p}')
            problems += 1
        if f.font is None:
            continue
        broken = f.broken_composites()
        # 2. what the pages show in this font
        codes = shown.get(ref, set())
        blank, mismatch = [], []
        for cid in sorted(codes):
            ch = f.char_of(cid)
            if f.cid_is_unicode and ch != chr(cid):
                mismatch.append((cid, ch))
            c = ch if ch else chr(cid)
            if c.isspace():
                continue
            if not f.draws(f.gid(cid)):
                blank.append(c)
        # 3. the given texts, in this font
        tblank, missing = [], []
        for ch in sorted(set(text)):
            if ch.isspace():
                continue
            cid = f.cid_of(ch)
            if cid is None:
                missing.append(ch)
            elif f.cid_is_unicode and cid != ord(ch):
                mismatch.append((cid, ch))
            elif not f.draws(f.gid(cid)):
                tblank.append(ch)
        summary = (f'{line}: {len(f.order)} glyphs, {len(broken)} composites with lost components, '
                   f'{len(codes)} characters shown')
        summary += f', {len(blank)} shown draw nothing: {"".join(blank)}' if blank else ', all draw'
        if text:
            bad = tblank + missing
            summary += (f'; {len(bad)} of the text\'s characters draw nothing: {"".join(bad)}'
                        if bad else '; the text\'s characters all draw')
        print(summary)
        for gid, lost in broken[:10]:
            print(f'   gid {gid}: components {lost} are empty')
        if missing:
            print(f'   not in the font at all (no CID in its ToUnicode): {"".join(missing)}')
        for cid, ch in mismatch[:10]:
            print(f'   CID {cid:04X} shows {ch!r} by its ToUnicode, not U+{cid:04X}: '
                  'the CID = code point encoding does not hold')
        problems += len(broken) + len(blank) + len(tblank) + len(missing) + len(mismatch)
    if not shown and not text:
        print('no text shown')
        problems += 1
    sys.exit(1 if problems else 0)


if __name__ == '__main__':
    main()
