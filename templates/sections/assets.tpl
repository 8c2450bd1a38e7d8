# 国有资产占有使用情况: the paragraphs and the table of assets.csv, without a
# heading (the including template gives it, so a region can name it).
# standard.tpl includes this file inside "if has:assets".  Counts print as
# whole numbers.  Placeholders and the table source: docs/templates.md.

para  截至{上年}年12月31日，{部门}共有车辆{车辆合计}辆，其中：部级领导干部用车{部级领导干部用车}辆、主要领导干部用车{主要领导干部用车}辆、机要通信用车{机要通信用车}辆、应急保障用车{应急保障用车}辆、执法执勤用车{执法执勤用车}辆、特种专业技术用车{特种专业技术用车}辆、离退休干部用车{离退休干部用车}辆、其他用车{其他用车}辆；单价100万元（含）以上设备（不含车辆）{单价100万元以上设备}台（套）。
if has:assets_to_buy
para  {年度}年部门预算安排购置车辆{拟购置车辆}辆，安排购置单价100万元（含）以上设备（不含车辆）{拟购置设备}台（套）。
end
if no:assets_to_buy
para  {年度}年部门预算未安排购置车辆和单价100万元（含）以上设备。
end
table assets
  title 国有资产占有使用情况表
  sheet 国有资产占有使用情况表
  head  项目 | {上年}年12月31日保有量 | {年度}年拟购置
  col   项目    text left
  col   保有量  text right
  col   拟购置  text right
  note  注：车辆以辆计，设备以台（套）计。
end
