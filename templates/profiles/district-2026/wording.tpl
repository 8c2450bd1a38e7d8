# The district's comparison wording and sentence patterns (profile
# district-2026).  Its zero cases are fixed phrases: 上年无该预算，增长率无可比性
# for a new item, 本年无此项预算 for an item gone; an item absent both years
# is left out of the lists.  Syntax: docs/templates.md.

compare 增减 up    比上年增加{差额}{单位}，增长{百分比}
compare 增减 down  比上年减少{差额}{单位}，下降{百分比}
compare 增减 same  与上年持平
compare 增减 new   上年无该预算，增长率无可比性
compare 增减 gone  本年无此项预算，比上年减少{差额}{单位}
compare 增减 zero  本年无此项预算

compare 增减率 up    增长{百分比}
compare 增减率 down  下降{百分比}
compare 增减率 same  持平
compare 增减率 new   新增
compare 增减率 gone  取消
compare 增减率 zero

sentence 来源     {名称}{本年}{单位}，占{占比:收入总计}
sentence 类项     {名称}{本年}{单位}，占{占比:支出总计}
sentence 三公句   {名称}{本年}{单位}[[（购置费{购置费}{单位}，运行维护费{运行费}{单位}）]]，{比较:增减}
sentence 三公首年 {名称}{本年}{单位}[[（购置费{购置费}{单位}，运行维护费{运行费}{单位}）]]
sentence 三公原因 {原因}
