# project_notes.csv: projects funded by 一般公共预算 (项目支出 400 in expenditure.csv) that make 500, and one of 事业收入 (项目支出 100) of 100.01.
cat > input/2021/project_notes.csv <<'EOF'
项目名称,科目编码,资金来源,年度预算安排,概述,立项依据,实施主体,实施方案,实施周期,绩效目标
A项目,,,300,概述,依据,本级,方案,2021年,目标
B项目,,,200,概述,依据,本级,方案,2021年,目标
C项目,2010350,事业收入,100.01,概述,依据,本级,方案,2021年,目标
EOF
