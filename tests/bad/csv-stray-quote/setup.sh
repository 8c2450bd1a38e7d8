# A quote inside an unquoted cell (line 4, column 8).
sed -i '4s/^公务接待费,8.5,/公务接待费,8"5,/' input/2021/three_public.csv
