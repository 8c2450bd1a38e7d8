# js_other.csv's 绩效 counts disagree: a grade without a self-evaluated
# project, a problem neither fixed nor being fixed, and a 金额 and a score of
# a self-evaluation that did not take place.
bash "$ROOT/tests/data/js_minimal.sh"
printf '项目,数值\n绩效自评项目数,0\n绩效自评金额,12.00\n绩效自评平均得分,90\n评级优,1\n发现问题,3\n已整改,1\n正在整改,1\n' >input/js/js_other.csv
