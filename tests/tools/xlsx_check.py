#!/usr/bin/python3
"""Reads an .xlsx back with openpyxl and checks it against a spec file.

Usage: /usr/bin/python3 tests/tools/xlsx_check.py WORKBOOK.xlsx SPEC.txt

Used by tests/unit/test_xlsx.c, which writes the spec next to the document
it renders.  Run it with Debian's /usr/bin/python3 (python3-openpyxl), not a
pyenv python.  The spec is one check per line, fields separated by TABs;
blank lines and lines starting with '#' are ignored:

  sheets  NAME...               the sheet names, exactly and in order
  prop    FIELD VALUE           document property: title subject creator
                                keywords created (ISO, "2020-01-01T00:00:00")
  zipdate Y-M-D H:M:S           every zip entry carries this timestamp
  sheet   NAME                  the following lines check this sheet
  value   CELL s:TEXT|n:NUMBER|blank
  formula CELL =SUM(B5:B8)      the stored formula
  cached  CELL NUMBER           the cached value (read with data_only=True)
  numfmt  CELL FORMAT
  bold    CELL 1|0
  align   CELL left|center|right
  wrap    CELL 1|0
  fill    CELL RRGGBB           solid fill colour
  font    CELL NAME SIZE
  merged  RANGE...              the merged ranges, exactly (any order)
  freeze  CELL|none
  orientation landscape|portrait
  paper   N
  fit     WIDTH HEIGHT          fit-to-page on, pages wide and tall
  printrows FIRST:LAST          rows repeated on every printed page
  hcenter 1|0
  width_min COL W / width_max COL W   column width bounds
  height_sum_min FIRST LAST PT  rows FIRST..LAST together at least PT tall
  footer  TEXT                  the raw odd-page footer (&C…)

Prints one "FAIL ..." line per failed check and a summary line; exits 0 if
every check passed, 1 if any failed, 2 on a usage or read error.
"""

import datetime
import re
import sys
import zipfile

try:
    import openpyxl
except ImportError as e:  # pragma: no cover - environment problem
    print("xlsx_check: cannot import openpyxl (%s): run with /usr/bin/python3 "
          "and install python3-openpyxl" % e)
    sys.exit(2)


class Checker:
    def __init__(self, path):
        self.path = path
        self.wb = openpyxl.load_workbook(path)
        self.wbv = openpyxl.load_workbook(path, data_only=True)
        self.zip = zipfile.ZipFile(path)
        self.passed = 0
        self.failed = 0
        self.sheet = None

    def check(self, ok, where, what, got, want):
        if ok:
            self.passed += 1
        else:
            self.failed += 1
            print("FAIL %s: %s: got %r, want %r" % (where, what, got, want))

    def ws(self):
        if self.sheet is None:
            raise ValueError("no 'sheet' line before a sheet check")
        return self.wb[self.sheet]

    def where(self, cell=None):
        return "%s!%s" % (self.sheet, cell) if cell else str(self.sheet)

    def run(self, fields):
        op, args = fields[0], fields[1:]
        getattr(self, "op_" + op)(*args)

    # ---- workbook ----
    def op_sheets(self, *names):
        # budgetgen-data: the hidden sheet of the input rows (docs/import.md)
        shown = [n for n in self.wb.sheetnames if n != "budgetgen-data"]
        self.check(shown == list(names), "workbook", "sheets", shown, list(names))

    def op_prop(self, field, want):
        got = getattr(self.wb.properties, field)
        if isinstance(got, datetime.datetime):
            got = got.isoformat()
        self.check(got == want, "workbook", "property " + field, got, want)

    def op_zipdate(self, want):
        want_t = tuple(int(x) for x in re.split(r"[-: ]", want))
        bad = [(i.filename, i.date_time) for i in self.zip.infolist()
               if i.date_time != want_t]
        self.check(not bad, "workbook", "zip entry dates", bad, want)

    def op_sheet(self, name):
        self.sheet = name
        self.check(name in self.wb.sheetnames, name, "sheet exists",
                   self.wb.sheetnames, name)
        if name not in self.wb.sheetnames:
            self.sheet = None

    # ---- cells ----
    def op_value(self, cell, want):
        c = self.ws()[cell]
        got = c.value
        if want == "blank":
            self.check(got is None, self.where(cell), "value", got, None)
        elif want.startswith("s:"):
            self.check(c.data_type == "s" and got == want[2:], self.where(cell),
                       "string", got, want[2:])
        elif want.startswith("n:"):
            w = float(want[2:])
            self.check(c.data_type == "n" and isinstance(got, (int, float)) and
                       not isinstance(got, bool) and got == w,
                       self.where(cell), "number", got, w)
        else:
            raise ValueError("bad value spec " + want)

    def op_formula(self, cell, want):
        got = self.ws()[cell].value
        self.check(got == want, self.where(cell), "formula", got, want)

    def op_cached(self, cell, want):
        got = self.wbv[self.sheet][cell].value
        self.check(isinstance(got, (int, float)) and got == float(want),
                   self.where(cell), "cached value", got, float(want))

    def op_numfmt(self, cell, want):
        got = self.ws()[cell].number_format
        self.check(got == want, self.where(cell), "number format", got, want)

    def op_bold(self, cell, want):
        got = bool(self.ws()[cell].font.b)
        self.check(got == (want == "1"), self.where(cell), "bold", got, want == "1")

    def op_align(self, cell, want):
        got = self.ws()[cell].alignment.horizontal
        self.check(got == want, self.where(cell), "alignment", got, want)

    def op_wrap(self, cell, want):
        got = bool(self.ws()[cell].alignment.wrap_text)
        self.check(got == (want == "1"), self.where(cell), "wrap", got, want == "1")

    def op_fill(self, cell, want):
        f = self.ws()[cell].fill
        got = (f.fill_type, (f.fgColor.rgb or "")[-6:].upper())
        self.check(got == ("solid", want.upper()), self.where(cell), "fill", got,
                   ("solid", want.upper()))

    def op_font(self, cell, name, size):
        f = self.ws()[cell].font
        got = (f.name, float(f.sz))
        self.check(got == (name, float(size)), self.where(cell), "font", got,
                   (name, float(size)))

    # ---- sheet ----
    def op_merged(self, *ranges):
        got = sorted(str(r) for r in self.ws().merged_cells.ranges)
        want = sorted(ranges)
        self.check(got == want, self.where(), "merged ranges", got, want)

    def op_freeze(self, want):
        got = self.ws().freeze_panes
        self.check(got == (None if want == "none" else want), self.where(),
                   "freeze panes", got, want)

    def op_orientation(self, want):
        got = self.ws().page_setup.orientation or "portrait"
        self.check(got == want, self.where(), "orientation", got, want)

    def op_paper(self, want):
        got = self.ws().page_setup.paperSize
        self.check(got is not None and int(got) == int(want), self.where(), "paper",
                   got, want)

    def op_fit(self, width, height):
        ws = self.ws()
        fit = ws.sheet_properties.pageSetUpPr
        got = (bool(fit and fit.fitToPage), ws.page_setup.fitToWidth,
               ws.page_setup.fitToHeight)
        want = (True, int(width), int(height))
        # an absent attribute is the OOXML default, 1 page
        got = (got[0], 1 if got[1] is None else int(got[1]),
               1 if got[2] is None else int(got[2]))
        self.check(got == want, self.where(), "fit to pages", got, want)

    def op_printrows(self, want):
        got = (self.ws().print_title_rows or "").replace("$", "")
        self.check(got == want, self.where(), "print title rows", got, want)

    def op_hcenter(self, want):
        got = bool(self.ws().print_options.horizontalCentered)
        self.check(got == (want == "1"), self.where(), "centred horizontally", got,
                   want == "1")

    def op_width_min(self, col, want):
        got = self.ws().column_dimensions[col].width
        self.check(got is not None and got >= float(want), self.where(col),
                   "width >=", got, float(want))

    def op_width_max(self, col, want):
        got = self.ws().column_dimensions[col].width
        self.check(got is not None and got <= float(want), self.where(col),
                   "width <=", got, float(want))

    def op_height_sum_min(self, first, last, want):
        ws = self.ws()
        total = 0.0
        for r in range(int(first), int(last) + 1):
            h = ws.row_dimensions[r].height
            total += 15.0 if h is None else h
        self.check(total >= float(want), self.where("%s:%s" % (first, last)),
                   "row heights sum >=", total, float(want))

    def op_footer(self, want):
        # openpyxl rewrites the codes (&P → &[Page]): compare the raw XML.
        # libxlsxwriter names the parts sheet1.xml, sheet2.xml … in order.
        idx = self.wb.sheetnames.index(self.sheet)
        xml = self.zip.read("xl/worksheets/sheet%d.xml" % (idx + 1)).decode("utf-8")
        m = re.search(r"<oddFooter>(.*?)</oddFooter>", xml)
        got = m.group(1).replace("&amp;", "&") if m else None
        self.check(got == want, self.where(), "footer", got, want)


def main(argv):
    if len(argv) != 3:
        print(__doc__.split("\n\n")[1])
        return 2
    try:
        ck = Checker(argv[1])
    except Exception as e:  # not a readable workbook
        print("xlsx_check: cannot read %s: %s" % (argv[1], e))
        return 2
    with open(argv[2], encoding="utf-8") as f:
        for n, line in enumerate(f, 1):
            line = line.rstrip("\n")
            if not line.strip() or line.startswith("#"):
                continue
            try:
                ck.run(line.split("\t"))
            except Exception as e:  # a bad spec line is a failure, not a crash
                ck.failed += 1
                print("FAIL %s:%d: %s: %s" % (argv[2], n, line, e))
    print("xlsx_check: %d checks passed, %d failed" % (ck.passed, ck.failed))
    return 1 if ck.failed else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
