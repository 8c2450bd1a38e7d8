# kind = 决算 with a profile that has no 决算 template (juesuan.tpl): the
# message names the file it reads and the profiles that have one.
bash "$ROOT/tests/data/js_minimal.sh"
mkdir -p templates/profiles/district-2026 templates/profiles/national templates/profiles/shi-2027
printf 'title x\n' >templates/profiles/district-2026/document.tpl
printf 'title x\n' >templates/profiles/national/document.tpl
printf 'title x\n' >templates/profiles/national/juesuan.tpl
printf 'title x\n' >templates/profiles/shi-2027/juesuan.tpl
sed -i 's|^template   = .*|profile    = district-2026|' config.ini
