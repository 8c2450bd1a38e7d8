# project_notes.csv: 年度预算安排 that is not an amount.
cat > input/2021/project_notes.csv <<'EOF'
项目名称,科目编码,资金来源,年度预算安排,概述,立项依据,实施主体,实施方案,实施周期,绩效目标
A项目,2010302,,一百,概述,依据,本级,方案,2021年,目标
EOF
