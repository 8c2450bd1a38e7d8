# A 行政经费 (机关运行经费) row in the “三公” table must agree with
# summary.csv (120).
printf '行政经费,100,100,,\n' >> input/2021/three_public.csv
