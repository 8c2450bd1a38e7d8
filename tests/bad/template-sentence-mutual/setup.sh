# Two sentences that expand each other (A → B → A), the second one in an
# included file: refused when the template is loaded, at the placeholder
# that closes the cycle, in the file that holds it (SIGSEGV before).
printf 'sentence B 乙{列举:收入来源:A:、}\n' >part.tpl
printf 'title 测试\nsentence A 甲{列举:三公:B:，}\ninclude part.tpl\npara {列举:三公:A:，}\n' >mutual.tpl
sed -i 's|^template   = .*|template   = mutual.tpl|' config.ini
