# 公务招待费 is not one of the three public expenses (公务接待费 is).
sed -i '4s/^公务接待费,/公务招待费,/' input/2021/three_public.csv
