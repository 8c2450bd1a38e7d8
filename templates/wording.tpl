# Wording of comparisons with last year and the sentences built from lists,
# shared by the disclosure templates (seed004.tpl, standard.tpl).
# Syntax: docs/templates.md.

# The whole budget: "较2019年预算增加10000万元"
compare 总额 up    较{上年}年预算增加{差额}{单位}
compare 总额 down  较{上年}年预算减少{差额}{单位}
compare 总额 same  与{上年}年预算持平
compare 总额 new   {上年}年无预算数据
# Its parts: "基本支出减少3590万元"
compare 分项 up    {名称}增加{差额}{单位}
compare 分项 down  {名称}减少{差额}{单位}
compare 分项 same  {名称}与上年持平
compare 分项 new   {名称}上年无此项预算
compare 分项 gone  {名称}本年无此项预算
# The three public expenses in total: "较2019年下降2%"
compare 三公总 up    较{上年}年增长{百分比}
compare 三公总 down  较{上年}年下降{百分比}
compare 三公总 same  与{上年}年持平
compare 三公总 new   {上年}年无此项预算
# Each item: "较上年度减少5万元，同比下降11.1%"
compare 三公项 up    较上年度增加{差额}{单位}，同比增长{百分比}
compare 三公项 down  较上年度减少{差额}{单位}，同比下降{百分比}
compare 三公项 same  与上年持平
compare 三公项 new   上年无此项预算
compare 三公项 gone  本年无此项预算
# The table column titled 同比下降: an increase is worded, never a negative decline.
compare 同比下降 down  {百分比}
compare 同比下降 same  0%
compare 同比下降 up    增长{百分比}
compare 同比下降 new   新增
compare 同比下降 gone  -100%
# Nothing in either year: no percentage against nothing, the cell is left empty.
compare 同比下降 zero

sentence 收入项   {名称}{本年}{单位}
# One sentence per “三公” item, worded by its case: an item gone is not
# "预算安排0万元，本年无此项预算" (which contradicts itself), and an item with
# nothing in either year (zero) is left out: {列举:…} skips an empty sentence.
sentence 三公句   {比较:三公句式}
compare 三公句式 up    {名称}{年度}年预算安排{本年}{单位}，{比较:三公项}
compare 三公句式 down  {名称}{年度}年预算安排{本年}{单位}，{比较:三公项}
compare 三公句式 same  {名称}{年度}年预算安排{本年}{单位}，{比较:三公项}
compare 三公句式 new   {名称}{年度}年预算安排{本年}{单位}，{比较:三公项}
compare 三公句式 gone  {名称}{年度}年无此项预算，较上年度减少{差额}{单位}
compare 三公句式 zero
sentence 三公原因 {原因}

# A column titled 同比增减: signed, worded.
compare 同比增减 down  下降{百分比}
compare 同比增减 same  持平
compare 同比增减 up    增长{百分比}
compare 同比增减 new   新增
compare 同比增减 gone  取消
compare 同比增减 zero

# The first year (no last year's figures): the items without a comparison.
sentence 三公首年句 {名称}{年度}年预算安排{本年}{单位}
