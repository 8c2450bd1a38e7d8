# “三公”经费 as a region prints them: the table with 合计 first, a
# 公务用车购置及运行费 row with its 其中 parts, a 国有资本经营预算 column,
# 会议费, 培训费 and 机关运行经费 in the same table; the sentences list the
# items in the order 出国 / 接待 / 用车.  Sample: config/sangong-2021.ini.
# Syntax: docs/templates.md.

meta title     {部门}{年度}年“三公”经费预算情况说明
footer         第{页}页 共{总页}页
numbering heading     {中文}、

compare 增减 up    较上年增加{差额}{单位}，增长{百分比}
compare 增减 down  较上年减少{差额}{单位}，下降{百分比}
compare 增减 same  较上年无增减
compare 增减 new   上年无此项预算
compare 增减 gone  较上年减少{差额}{单位}

sentence 三公句 {名称}{本年}{单位}[[（购置费{购置费}{单位}，运行维护费{运行费}{单位}）]]，{比较:增减}

title {部门}
title {年度}年“三公”经费预算情况说明

heading “三公”经费预算情况表
table three_public
  title {部门}{年度}年“三公”经费预算情况表
  unit  单位：{单位}
  sheet “三公”经费预算情况表
  head  项目^2 | 本年预算^2 | 资金来源>2 | 上年预算^2 | 增减额^2
  head  一般公共预算 | 国有资本经营预算
  col   项目              text left min=9
  col   合计              amount
  col   一般预算          amount
  col   国有资本经营预算  amount blank-zero
  col   上年              amount
  col   增减额            amount
end

heading “三公”经费预算增减变化情况
if previous
para  {年度}年“三公”经费预算{三公合计}{单位}，{比较:增减:三公合计}。其中：{列举:三公(因公出国（境）费、公务接待费、公务用车购置及运行费):三公句:；}。
para  会议费{会议费}{单位}，{比较:增减:会议费}；培训费{培训费}{单位}，{比较:增减:培训费}。
para  {年度}年机关运行经费{机关运行经费}{单位}，{比较:增减:机关运行经费}。
end
if no:previous
para  {年度}年“三公”经费预算{三公合计}{单位}。
end
