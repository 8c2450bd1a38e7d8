# three_public.csv and its Chinese name 三公经费.csv both in the folder.
cp input/2021/three_public.csv input/2021/三公经费.csv
