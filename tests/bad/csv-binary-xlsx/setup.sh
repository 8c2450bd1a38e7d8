# An Excel workbook renamed to three_public.csv (an .xlsx is a ZIP archive).
python3 -c '
import zipfile
with zipfile.ZipFile("input/2021/three_public.csv", "w") as z:
    z.writestr("[Content_Types].xml", "<Types/>")
    z.writestr("xl/workbook.xml", "<workbook/>")
'
