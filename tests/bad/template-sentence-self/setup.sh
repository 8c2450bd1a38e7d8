# A sentence that expands itself through {列举:…}: refused when the template
# is loaded, at the placeholder (budgetgen crashed: SIGSEGV, exit 139).
printf 'title 测试\nsentence S {列举:三公:S:，}\npara {列举:三公:S:，}\n' >self.tpl
sed -i 's|^template   = .*|template   = self.tpl|' config.ini
