# Line 3 of three_public.csv has one field too many (6, the header has 5).
sed -i '3s/$/,/' input/2021/three_public.csv
