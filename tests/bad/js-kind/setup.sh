# [document] kind neither 预算 nor 决算.
bash "$ROOT/tests/data/js_minimal.sh"
sed -i 's/^kind       = 决算$/kind       = 决策/' config.ini
