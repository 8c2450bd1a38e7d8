#!/usr/bin/python3
"""pdf_valid_check.py EPOCH PDF... — issue 17, "A valid PDF".

For each PDF, every problem found is printed as "PDF: what" and the exit
status is 1 if there was any:
  - pdftotext, pdffonts and pdfinfo (poppler), `mutool info` and
    `mutool draw` (MuPDF) and pdfminer's text extraction print nothing on
    stderr (poppler's "Invalid 'begincidrange' operator in ToUnicode CMap"
    was the defect); `qpdf --check` exits 0 and warns of nothing.  MuPDF
    and pdfminer are used when installed (mupdf-tools, python3-pdfminer,
    both in DEB_PKGS);
  - the catalog has /Lang (zh-CN) and an XMP /Metadata stream whose
    dc:title, dc:creator, dc:description, pdf:Producer, xmp:CreatorTool
    equal the Info dictionary's Title, Author, Subject, Producer, Creator,
    and whose xmp:CreateDate is EPOCH (SOURCE_DATE_EPOCH) in UTC, as is
    the Info /CreationDate;
  - every Type0 font has a ToUnicode CMap (PDF 32000-1 9.10.3): its
    program declares /CIDSystemInfo (Adobe)(UCS) 0, /CMapName
    /Adobe-Identity-UCS, /CMapType 2, a 2-byte codespacerange, and maps
    codes only with bfchar/bfrange (never cidrange/cidchar), each
    destination UTF-16BE; its CIDFont's /CIDSystemInfo is (Adobe)(Identity)
    or a registered ordering, not an encoding name such as Identity-H.
"""
import base64
import json
import os
import re
import shutil
import subprocess
import sys
import time
import xml.etree.ElementTree as ET

NS = {
    'x': 'adobe:ns:meta/',
    'rdf': 'http://www.w3.org/1999/02/22-rdf-syntax-ns#',
    'dc': 'http://purl.org/dc/elements/1.1/',
    'xmp': 'http://ns.adobe.com/xap/1.0/',
    'pdf': 'http://ns.adobe.com/pdf/1.3/',
}
ORDERINGS = {'Identity', 'GB1', 'CNS1', 'Japan1', 'Korea1'}

problems = []


def bad(pdf, what):
    problems.append(f'{pdf}: {what}')


def silent(pdf, args, name):
    r = subprocess.run(args, capture_output=True, text=True, errors='replace')
    # Debian's mupdf-tools is built without lcms2: `mutool draw` says so
    # for every file.  A property of the tool, not of the PDF.
    err = '\n'.join(l for l in r.stderr.strip().split('\n')
                    if l and l != 'warning: ICC support is not available')
    if r.returncode != 0:
        bad(pdf, f'{name} exits {r.returncode}: {err[:300]}')
    elif err:
        lines = err.split('\n')
        bad(pdf, f'{name} prints {len(lines)} line(s) on stderr, first: {lines[0]}')


def pdf_string(v):
    """qpdf JSON v2 string ("u:text" or "b:hex") to text."""
    if v is None:
        return None
    if v.startswith('u:'):
        return v[2:]
    if v.startswith('b:'):
        raw = bytes.fromhex(v[2:])
        if raw.startswith(b'\xfe\xff'):
            return raw[2:].decode('utf-16-be')
        return raw.decode('latin-1')
    return v


def check_structure(pdf, epoch):
    j = json.loads(subprocess.run(
        ['qpdf', '--json=2', '--json-key=qpdf', '--json-stream-data=inline',
         '--decode-level=generalized', pdf], capture_output=True, text=True).stdout)
    objs = j['qpdf'][1]

    def obj(ref):
        return objs.get('obj:' + ref)

    def val(ref):
        o = obj(ref)
        return o.get('value') if o else None

    def data(ref):
        return base64.b64decode(obj(ref)['stream']['data'])

    trailer = objs['trailer']['value']
    root = val(trailer['/Root'])
    info = val(trailer['/Info']) if '/Info' in trailer else {}
    if pdf_string(root.get('/Lang')) != 'zh-CN':
        bad(pdf, f'catalog /Lang is {root.get("/Lang")!r}, not (zh-CN)')
    want_date = time.strftime('%Y-%m-%dT%H:%M:%SZ', time.gmtime(epoch))
    want_pdfdate = time.strftime('D:%Y%m%d%H%M%S', time.gmtime(epoch))
    if not (pdf_string(info.get('/CreationDate')) or '').startswith(want_pdfdate):
        bad(pdf, f'Info /CreationDate {info.get("/CreationDate")!r} is not {want_pdfdate}')
    if '/Metadata' not in root:
        bad(pdf, 'no /Metadata (XMP) in the catalog')
    else:
        md = obj(root['/Metadata'])['stream']
        if md['dict'].get('/Subtype') != '/XML' or md['dict'].get('/Type') != '/Metadata':
            bad(pdf, f'metadata stream dictionary {md["dict"]}')
        try:
            x = ET.fromstring(re.sub(rb'<\?xpacket[^>]*\?>', b'', data(root['/Metadata'])))
        except ET.ParseError as e:
            bad(pdf, f'XMP is not well-formed XML: {e}')
            x = None
        if x is not None:
            desc = x.find('rdf:RDF/rdf:Description', NS)

            def one(path):
                e = desc.find(path, NS)
                return e.text if e is not None else None
            pairs = [
                ('dc:title/rdf:Alt/rdf:li', '/Title'),
                ('dc:creator/rdf:Seq/rdf:li', '/Author'),
                ('dc:description/rdf:Alt/rdf:li', '/Subject'),
                ('pdf:Producer', '/Producer'),
                ('xmp:CreatorTool', '/Creator'),
                ('pdf:Keywords', '/Keywords'),
            ]
            for path, key in pairs:
                if one(path) != pdf_string(info.get(key)):
                    bad(pdf, f'XMP {path} {one(path)!r} differs from Info {key} '
                             f'{pdf_string(info.get(key))!r}')
            if one('xmp:CreateDate') != want_date:
                bad(pdf, f'XMP xmp:CreateDate {one("xmp:CreateDate")!r}, not {want_date}')

    n_fonts = 0
    for key, o in objs.items():
        v = o.get('value')
        if not isinstance(v, dict) or v.get('/Subtype') != '/Type0':
            continue
        n_fonts += 1
        name = v.get('/BaseFont')
        if '/ToUnicode' not in v:
            bad(pdf, f'font {name}: no /ToUnicode')
        else:
            cm = data(v['/ToUnicode']).decode('latin-1')
            for need in [r'/Registry\s*\(Adobe\)', r'/Ordering\s*\(UCS\)', r'/Supplement\s+0',
                         r'/CMapName\s*/Adobe-Identity-UCS', r'/CMapType\s+2',
                         r'begincodespacerange\s*<0000>\s*<FFFF>\s*endcodespacerange']:
                if not re.search(need, cm):
                    bad(pdf, f'font {name}: ToUnicode CMap lacks {need}')
            if re.search(r'begincid(range|char)', cm):
                bad(pdf, f'font {name}: ToUnicode CMap uses cidrange/cidchar (an encoding CMap)')
            if not re.search(r'beginbf(range|char)', cm):
                bad(pdf, f'font {name}: ToUnicode CMap maps nothing')
            for m in re.finditer(r'beginbfrange(.*?)endbfrange', cm, re.S):
                # <lo> <hi> <dst>, or <lo> <hi> [<dst> ...] with one per code
                for lo, hi, dst in re.findall(r'<(\w+)>\s*<(\w+)>\s*(<\w+>|\[[^\]]*\])', m.group(1)):
                    dsts = re.findall(r'<(\w*)>', dst)
                    if (lo[:-2] != hi[:-2] or int(lo, 16) > int(hi, 16)
                            or any(len(x) % 4 or not x for x in dsts)
                            or (dst.startswith('[') and len(dsts) != int(hi, 16) - int(lo, 16) + 1)):
                        bad(pdf, f'font {name}: bad bfrange <{lo}> <{hi}> {dst[:40]}')
        for d in v.get('/DescendantFonts', []):
            si = val(d).get('/CIDSystemInfo')
            si = val(si) if isinstance(si, str) else si
            reg, ordg = pdf_string(si.get('/Registry')), pdf_string(si.get('/Ordering'))
            if reg != 'Adobe' or ordg not in ORDERINGS:
                bad(pdf, f'font {name}: CIDFont /CIDSystemInfo ({reg})({ordg}) is not standard')
    if n_fonts == 0:
        bad(pdf, 'no Type0 font')


def main():
    epoch = int(sys.argv[1])
    mutool = shutil.which('mutool')
    pdfminer = subprocess.run(['/usr/bin/python3', '-c', 'import pdfminer'],
                              capture_output=True).returncode == 0
    for pdf in sys.argv[2:]:
        silent(pdf, ['pdftotext', pdf, os.devnull], 'pdftotext')
        silent(pdf, ['pdffonts', pdf], 'pdffonts')
        silent(pdf, ['pdfinfo', pdf], 'pdfinfo')
        r = subprocess.run(['qpdf', '--check', pdf], capture_output=True, text=True)
        if r.returncode != 0 or 'WARNING' in r.stdout + r.stderr:
            bad(pdf, f'qpdf --check: exit {r.returncode}: {(r.stdout + r.stderr)[-300:]}')
        if mutool:
            silent(pdf, [mutool, 'info', pdf], 'mutool info')
            silent(pdf, [mutool, 'draw', '-q', '-F', 'txt', '-o', os.devnull, pdf], 'mutool draw')
        if pdfminer:
            silent(pdf, ['/usr/bin/python3', '-W', 'error', '-c',
                         'import logging, sys\n'
                         'logging.basicConfig(level=logging.WARNING)\n'
                         'from pdfminer.high_level import extract_text\n'
                         'extract_text(sys.argv[1])', pdf], 'pdfminer')
        check_structure(pdf, epoch)
    for p in problems:
        print(p)
    tools = 'poppler, qpdf' + (', mutool' if mutool else '') + (', pdfminer' if pdfminer else '')
    print(f'{len(sys.argv) - 2} PDFs checked with {tools}: {len(problems)} problems')
    sys.exit(1 if problems else 0)


main()
