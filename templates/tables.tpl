# The national standard table set (部门预算公开表), FORMAT.md section 3.
# Included by the disclosure templates; every figure is computed from
# expenditure.csv, basic_economic.csv, revenue.csv and three_public.csv.
# Each table is its own file in tables/: a region that publishes fewer
# tables, or another order, includes those files in its own order instead of
# this one (docs/templates.md, "Choosing the national tables").
# Syntax: docs/templates.md.

include tables/income_expense_summary.tpl
include tables/income.tpl
include tables/expenditure.tpl
include tables/fiscal_summary.tpl
include tables/general_expenditure.tpl
include tables/general_basic.tpl
include tables/general_three_public.tpl
include tables/fund_expenditure.tpl
include tables/state_capital_expenditure.tpl
