# The nine national 决算 tables (FORMATS.md §2), sources js_* (docs/juesuan.md).
# The two summaries list the 类 of summary-classes.csv always (classes=, beside this file).

table js_summary
  title 收入支出决算总表
  unit  单位：{单位}
  sheet 收入支出决算总表
  head  收入>2 | 支出>2
  head  项目 | 决算数 | 项目 | 决算数
  col   收入项目   text min=15
  col   收入决算数 amount
  col   支出项目   text min=15 classes=summary-classes.csv
  col   支出决算数 amount
  note  注：本表反映部门本年度的总收支和年末结转结余情况。
end

table js_income
  title 收入决算表
  unit  单位：{单位}
  sheet 收入决算表
  landscape
  head  科目编码 | 科目名称 | 本年收入合计 | 财政拨款收入 | 上级补助收入 | 事业收入 | 经营收入 | 附属单位上缴收入 | 其他收入
  col   科目编码 code
  col   科目名称 text min=8
  col   本年收入合计 amount
  col   财政拨款收入 amount
  col   上级补助收入 amount blank-zero
  col   事业收入 amount blank-zero
  col   经营收入 amount blank-zero
  col   附属单位上缴收入 amount blank-zero
  col   其他收入 amount blank-zero
  note  注：本表反映部门本年度取得的各项收入情况。
end

table js_expenditure
  title 支出决算表
  unit  单位：{单位}
  sheet 支出决算表
  landscape
  head  科目编码 | 科目名称 | 本年支出合计 | 基本支出 | 项目支出 | 上缴上级支出 | 经营支出 | 对附属单位补助支出
  col   科目编码 code
  col   科目名称 text min=8
  col   本年支出合计 amount
  col   基本支出 amount blank-zero
  col   项目支出 amount blank-zero
  col   上缴上级支出 amount blank-zero
  col   经营支出 amount blank-zero
  col   对附属单位补助支出 amount blank-zero
  note  注：本表反映部门本年度各项支出情况。
end

table js_fiscal_summary
  title 财政拨款收入支出决算总表
  unit  单位：{单位}
  sheet 财政拨款收入支出决算总表
  landscape
  head  收入>2 | 支出>5
  head  项目 | 决算数 | 项目 | 合计 | 一般公共预算财政拨款 | 政府性基金预算财政拨款 | 国有资本经营预算财政拨款
  col   收入项目 text min=13
  col   收入决算数 amount
  col   支出项目 text min=15 classes=summary-classes.csv
  col   合计 amount
  col   一般公共预算财政拨款 amount blank-zero
  col   政府性基金预算财政拨款 amount blank-zero
  col   国有资本经营预算财政拨款 amount blank-zero
  note  注：本表反映部门本年度财政拨款总收支和结转结余情况。
end

table js_general
  title 一般公共预算财政拨款支出决算表
  unit  单位：{单位}
  sheet 一般公共预算财政拨款支出决算表
  head  科目编码 | 科目名称 | 合计 | 基本支出 | 项目支出
  col   科目编码 code
  col   科目名称 text min=10
  col   合计 amount
  col   基本支出 amount blank-zero
  col   项目支出 amount blank-zero
  empty-note 本部门{年度}年度没有一般公共预算财政拨款支出，故本表为空表。
  note  注：本表反映部门本年度一般公共预算财政拨款支出情况。
end

table js_general_basic
  title 一般公共预算财政拨款基本支出决算表
  unit  单位：{单位}
  sheet 一般公共预算财政拨款基本支出决算表
  head  经济分类科目编码 | 科目名称 | 决算数 | 经济分类科目编码 | 科目名称 | 决算数
  col   人员科目编码 code
  col   人员科目名称 text min=8
  col   人员决算数 amount
  col   公用科目编码 code
  col   公用科目名称 text min=8
  col   公用决算数 amount
  empty-note 本部门{年度}年度没有一般公共预算财政拨款基本支出，故本表为空表。
  note  注：本表反映部门本年度一般公共预算财政拨款基本支出明细情况。
end

table js_three_public
  title 财政拨款“三公”经费支出决算表
  unit  单位：{单位}
  sheet 三公经费支出决算表
  landscape
  head  合计>2 | 因公出国（境）费>2 | 公务用车购置及运行维护费小计>2 | 公务用车购置费>2 | 公务用车运行维护费>2 | 公务接待费>2
  head  预算数 | 决算数 | 预算数 | 决算数 | 预算数 | 决算数 | 预算数 | 决算数 | 预算数 | 决算数 | 预算数 | 决算数
  col   合计预算数 amount
  col   合计决算数 amount
  col   因公出国预算数 amount
  col   因公出国决算数 amount
  col   公务用车小计预算数 amount
  col   公务用车小计决算数 amount
  col   购置费预算数 amount
  col   购置费决算数 amount
  col   运行维护费预算数 amount
  col   运行维护费决算数 amount
  col   公务接待费预算数 amount
  col   公务接待费决算数 amount
  empty-note 本部门{年度}年度没有财政拨款“三公”经费支出，故本表为空表。
  note  注：本表反映部门本年度“三公”经费支出预决算情况。
end

table js_fund
  title 政府性基金预算财政拨款收入支出决算表
  unit  单位：{单位}
  sheet 政府性基金预算财政拨款收支决算表
  landscape
  head  科目编码^2 | 科目名称^2 | 年初结转和结余^2 | 本年收入^2 | 本年支出>3 | 年末结转和结余^2
  head  合计 | 基本支出 | 项目支出
  col   科目编码 code
  col   科目名称 text min=8
  col   年初结转和结余 amount blank-zero
  col   本年收入 amount blank-zero
  col   本年支出合计 amount
  col   基本支出 amount blank-zero
  col   项目支出 amount blank-zero
  col   年末结转和结余 amount blank-zero
  empty-note 说明：{部门}本年度没有政府性基金预算财政拨款收入和支出，故本表无数据。
  note  注：本表反映部门本年度政府性基金预算财政拨款收入支出及结转和结余情况。
end

table js_state_capital
  title 国有资本经营预算财政拨款收入支出决算表
  unit  单位：{单位}
  sheet 国有资本经营预算财政拨款收支决算表
  landscape
  head  科目编码^2 | 科目名称^2 | 年初结转和结余^2 | 本年收入^2 | 本年支出>3 | 年末结转和结余^2
  head  合计 | 基本支出 | 项目支出
  col   科目编码 code
  col   科目名称 text min=8
  col   年初结转和结余 amount blank-zero
  col   本年收入 amount blank-zero
  col   本年支出合计 amount
  col   基本支出 amount blank-zero
  col   项目支出 amount blank-zero
  col   年末结转和结余 amount blank-zero
  empty-note 说明：{部门}本年度没有国有资本经营预算财政拨款收入和支出，故本表无数据。
  note  注：本表反映部门本年度国有资本经营预算财政拨款收入支出及结转和结余情况。
end
