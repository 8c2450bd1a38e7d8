# Point 10 of issue 13: the whole previous year typed in 元 (1200 万元 →
# 12000000).  Each file of it is reported once, at its first figure that is
# about 10,000 times this year's; no "changed by 99.9%" warnings follow.
cat >input/2020/summary.csv <<'CSV'
项目,金额
收入总计,12000000
支出总计,12000000
基本支出,8000000
项目支出,4000000
机关运行经费,1200000
CSV
cat >input/2020/three_public.csv <<'CSV'
项目,合计,一般预算,基金预算,财政专户
公务用车运行费,200000,200000,,
公务用车购置费,300000,300000,,
公务接待费,80000,80000,,
合计,580000,580000,,
CSV
