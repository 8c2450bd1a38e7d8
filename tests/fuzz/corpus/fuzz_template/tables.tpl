# The national standard table set (部门预算公开表), FORMAT.md section 3.
# Included by the disclosure templates; every figure is computed from
# expenditure.csv, basic_economic.csv, revenue.csv and three_public.csv.
# Syntax: docs/templates.md.

table income_expense_summary
  title {部门}{年度}年部门收支总表
  unit  单位：{单位}
  sheet 部门收支总表
  head  收入>2 | 支出>2
  head  项目 | 预算数 | 项目 | 预算数
  col   收入项目    text min=9
  col   收入预算数  amount
  col   支出项目    text min=9
  col   支出预算数  amount
end

table income
  title {部门}{年度}年部门收入总表
  unit  单位：{单位}
  sheet 部门收入总表
  landscape
  head  科目编码>3 | 科目名称^2 | 合计^2 | 上年结转^2 | 一般公共预算拨款收入^2 | 政府性基金预算拨款收入^2 | 国有资本经营预算拨款收入^2 | 财政专户管理资金收入^2 | 事业收入^2 | 事业单位经营收入^2 | 其他收入^2
  head  类 | 款 | 项
  col   类        code center
  col   款        code center
  col   项        code center
  col   科目名称  text min=8
  col   合计      amount
  col   上年结转  amount blank-zero
  col   一般公共预算拨款收入      amount blank-zero
  col   政府性基金预算拨款收入    amount blank-zero
  col   国有资本经营预算拨款收入  amount blank-zero
  col   财政专户管理资金收入      amount blank-zero
  col   事业收入          amount blank-zero
  col   事业单位经营收入  amount blank-zero
  col   其他收入          amount blank-zero
end

table expenditure
  title {部门}{年度}年部门支出总表
  unit  单位：{单位}
  sheet 部门支出总表
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
  title {部门}{年度}年财政拨款收支总表
  unit  单位：{单位}
  sheet 财政拨款收支总表
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
  title {部门}{年度}年一般公共预算支出表
  unit  单位：{单位}
  sheet 一般公共预算支出表
  empty-note 本部门{年度}年无一般公共预算拨款安排的支出，本表为空表。
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
  title {部门}{年度}年一般公共预算基本支出表
  unit  单位：{单位}
  sheet 一般公共预算基本支出表
  head  科目编码>2 | 科目名称^2 | 合计^2 | 人员经费^2 | 公用经费^2
  head  类 | 款
  col   类        code center
  col   款        code center
  col   科目名称  text min=8
  col   合计      amount
  col   人员经费  amount blank-zero
  col   公用经费  amount blank-zero
end

table general_three_public
  title {部门}{年度}年一般公共预算“三公”经费支出表
  unit  单位：{单位}
  sheet 一般公共预算“三公”经费支出表
  head  项目^2 | 合计^2 | 因公出国（境）费^2 | 公务用车购置及运行费>3 | 公务接待费^2
  head  小计 | 购置费 | 运行费
  col   项目                  text min=7
  col   合计                  amount
  col   因公出国（境）费      amount blank-zero
  col   公务用车购置及运行费  amount blank-zero
  col   公务用车购置费        amount blank-zero
  col   公务用车运行费        amount blank-zero
  col   公务接待费            amount blank-zero
end

table fund_expenditure
  title {部门}{年度}年政府性基金预算支出表
  unit  单位：{单位}
  sheet 政府性基金预算支出表
  empty-note 本部门{年度}年无政府性基金预算收支，本表为空表。
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
  title {部门}{年度}年国有资本经营预算支出表
  unit  单位：{单位}
  sheet 国有资本经营预算支出表
  empty-note 本部门{年度}年无国有资本经营预算收支，本表为空表。
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
