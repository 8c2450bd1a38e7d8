# Point 10 of issue 13: three_public.csv typed in 元 while every other file
# is in 万元 (20 万元 → 200000).  Its rows still add up, so only the other
# figures show the slip: 合计 above 支出总计, and each item about 10,000 times
# last year's (reported once for the file).
cat >input/2021/three_public.csv <<'CSV'
项目,合计,一般预算,基金预算,财政专户
公务用车运行费,200000,200000,,
公务用车购置费,0,,,
公务接待费,85000,85000,,
因公出国（境）费,50000,50000,,
合计,335000,335000,,
CSV
