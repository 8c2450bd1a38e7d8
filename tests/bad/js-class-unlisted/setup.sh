# Money under a 类 (231 债务还本支出) that the list of 类 the two 决算 summary
# tables print (templates/juesuan/summary-classes.csv) lacks: reported once,
# at the first js_expenditure.csv line with money under it, naming the list
# and the template line that names it; nothing is built.
bash "$ROOT/tests/data/js_minimal.sh"
sed -i 's/^2010103,机关服务,/2310301,地方政府一般债券还本支出,/' input/js/js_expenditure.csv
