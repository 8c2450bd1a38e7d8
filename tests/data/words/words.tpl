# Issue 13, points 1 and 4: every comparison case, worded as regions word
# them, and the shared 三公句 of templates/wording.tpl.
include ../../../templates/wording.tpl

compare 项 up    比上年增加{差额}{单位}，增长{百分比}
compare 项 down  比上年减少{差额}{单位}，下降{百分比}
compare 项 same  与上年持平
compare 项 new   上年无该预算，增长率无可比性
compare 项 gone  本年无此项预算
compare 项 zero  本年无此项预算

compare 列 up    增长{百分比}
compare 列 down  下降{百分比}
compare 列 same  持平
compare 列 new   新增
compare 列 gone  取消
compare 列 zero  —

title {年度}年{部门}预算说明
para 支出总计{支出总计}{单位}，{比较:项:支出总计}。
para 基本支出{基本支出}{单位}，{比较:项:基本支出}。
para 机关运行经费{机关运行经费}{单位}，{比较:项:机关运行经费}。
para 公务用车运行费{公务用车运行费}{单位}，{比较:项:公务用车运行费}。
para 公务用车购置费：{比较:项:公务用车购置费}。
para 公务接待费{公务接待费}{单位}，{比较:项:公务接待费}。
para 因公出国（境）费{因公出国（境）费}{单位}，{比较:项:因公出国（境）费}。
para “三公”经费{三公合计}{单位}，{比较:项:三公合计}。
para {列举:三公:三公句:；}。

table three_public
  title “三公”经费预算表
  unit  单位：{单位}
  head  项目 | 上年 | 本年 | 同比 | 增减率
  col   项目  text left
  col   上年  amount
  col   合计  amount
  col   同比  percent compare=列
  col   增减率  percent compare=同比增减
end
