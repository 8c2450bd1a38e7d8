# A quote opened in line 4 is never closed: it swallows the rest of the file.
sed -i '4s/^公务接待费,8.5,/公务接待费,"8.5,/' input/2021/three_public.csv
