# The district's nine budget tables, in its order and with its names
# (FORMATS.md §1, a district's 2026 set): tables 1–8 in 元, table 9 (“三公”
# and 机关运行经费 in one table) in 万元, like the text; every table head says
# 编制部门.  Each table is computed from the same data as the national ones
# (docs/tables.md).  Syntax: docs/templates.md.

table income_expense_summary
  title 表1  {部门}{年度}年部门财务收支预算总表
  unit-left 编制部门：{部门}
  unit  单位：{单位}
  sheet 1部门财务收支预算总表
  head  收入>2 | 支出>2
  head  项目 | 预算数 | 项目 | 预算数
  col   收入项目    text min=9
  col   收入预算数  amount
  col   支出项目    text min=9
  col   支出预算数  amount
end

table income
  title 表2  {部门}{年度}年部门收入预算总表
  unit-left 编制部门：{部门}
  unit  单位：{单位}
  sheet 2部门收入预算总表
  landscape
  if has:上年结转
  head  科目编码>3 | 科目名称^2 | 合计^2 | 财政拨款收入>3 | 财政专户管理资金收入^2 | 事业收入^2 | 事业单位经营收入^2 | 其他收入^2 | 上年结转^2
  end
  if no:上年结转
  head  科目编码>3 | 科目名称^2 | 合计^2 | 财政拨款收入>3 | 财政专户管理资金收入^2 | 事业收入^2 | 事业单位经营收入^2 | 其他收入^2
  end
  head  类 | 款 | 项 | 一般公共预算 | 政府性基金预算 | 国有资本经营预算
  col   类        code center
  col   款        code center
  col   项        code center
  col   科目名称  text min=8
  col   合计      amount
  col   一般公共预算拨款收入      amount blank-zero
  col   政府性基金预算拨款收入    amount blank-zero
  col   国有资本经营预算拨款收入  amount blank-zero
  col   财政专户管理资金收入      amount blank-zero
  col   事业收入          amount blank-zero
  col   事业单位经营收入  amount blank-zero
  col   其他收入          amount blank-zero
  if has:上年结转
  col   上年结转  amount blank-zero
  end
end

table expenditure
  title 表3  {部门}{年度}年部门支出预算总表
  unit-left 编制部门：{部门}
  unit  单位：{单位}
  sheet 3部门支出预算总表
  head  科目编码>3 | 科目名称^2 | 合计^2 | 基本支出^2 | 项目支出^2
  head  类 | 款 | 项
  col   类        code center
  col   款        code center
  col   项        code center
  col   科目名称  text min=8
  col   合计      amount
  col   基本支出  amount blank-zero
  col   项目支出  amount blank-zero
end

table fiscal_summary
  title 表4  {部门}{年度}年部门财政拨款收支预算总表
  unit-left 编制部门：{部门}
  unit  单位：{单位}
  sheet 4部门财政拨款收支预算总表
  head  收入>2 | 支出>5
  head  项目 | 预算数 | 项目 | 合计 | 一般公共预算 | 政府性基金预算 | 国有资本经营预算
  col   收入项目          text min=8
  col   收入预算数        amount
  col   支出项目          text min=8
  col   支出预算数        amount
  col   一般公共预算      amount blank-zero
  col   政府性基金预算    amount blank-zero
  col   国有资本经营预算  amount blank-zero
end

table general_expenditure
  title 表5  {部门}{年度}年部门一般公共预算支出功能分类预算表
  unit-left 编制部门：{部门}
  unit  单位：{单位}
  sheet 5一般公共预算支出功能分类预算表
  empty-note 本部门{年度}年无一般公共预算支出，本表为空表。
  head  科目编码>3 | 科目名称^2 | 合计^2 | 基本支出^2 | 项目支出^2
  head  类 | 款 | 项
  col   类        code center
  col   款        code center
  col   项        code center
  col   科目名称  text min=8
  col   合计      amount
  col   基本支出  amount blank-zero
  col   项目支出  amount blank-zero
end

table fund_expenditure
  title 表6  {部门}{年度}年部门政府性基金预算支出功能分类预算表
  unit-left 编制部门：{部门}
  unit  单位：{单位}
  sheet 6政府性基金预算支出功能分类预算表
  empty-note 本部门{年度}年无政府性基金预算财政拨款安排，故本表为空表。
  head  科目编码>3 | 科目名称^2 | 合计^2 | 基本支出^2 | 项目支出^2
  head  类 | 款 | 项
  col   类        code center
  col   款        code center
  col   项        code center
  col   科目名称  text min=8
  col   合计      amount
  col   基本支出  amount blank-zero
  col   项目支出  amount blank-zero
end

table state_capital_expenditure
  title 表7  {部门}{年度}年部门国有资本经营预算支出功能分类预算表
  unit-left 编制部门：{部门}
  unit  单位：{单位}
  sheet 7国有资本经营预算支出功能分类预算表
  empty-note 本部门{年度}年无国有资本经营预算财政拨款安排，故本表为空表。
  head  科目编码>3 | 科目名称^2 | 合计^2 | 基本支出^2 | 项目支出^2
  head  类 | 款 | 项
  col   类        code center
  col   款        code center
  col   项        code center
  col   科目名称  text min=8
  col   合计      amount
  col   基本支出  amount blank-zero
  col   项目支出  amount blank-zero
end

table general_basic
  title 表8  {部门}{年度}年部门一般公共预算基本支出部门预算经济分类预算表
  unit-left 编制部门：{部门}
  unit  单位：{单位}
  sheet 8一般公共预算基本支出经济分类预算表
  empty-note 本部门{年度}年无一般公共预算基本支出，本表为空表。
  head  部门预算经济分类>2 | 科目名称^2 | 合计^2 | 人员经费^2 | 公用经费^2
  head  类 | 款
  col   类        code center
  col   款        code center
  col   科目名称  text min=8
  col   合计      amount
  col   人员经费  amount blank-zero
  col   公用经费  amount blank-zero
end

table general_three_public
  units 万元
  title 表9  {部门}{年度}年部门“三公”经费和机关运行经费预算表
  unit-left 编制部门：{部门}
  unit  单位：{单位}
  sheet 9“三公”经费和机关运行经费预算表
  empty-note 本部门{年度}年无一般公共预算“三公”经费支出，本表为空表。
  landscape
  head  项目^3 | “三公”经费预算数>6 | 机关运行经费预算数^3
  head  合计^2 | 因公出国（境）费^2 | 公务用车购置及运行费>3 | 公务接待费^2
  head  小计 | 购置费 | 运行费
  col   项目                  text min=7
  col   合计                  amount
  col   因公出国（境）费      amount blank-zero
  col   公务用车购置及运行费  amount blank-zero
  col   公务用车购置费        amount blank-zero
  col   公务用车运行费        amount blank-zero
  col   公务接待费            amount blank-zero
  col   机关运行经费          amount blank-zero
end
