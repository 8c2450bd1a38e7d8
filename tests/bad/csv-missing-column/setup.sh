# The required 合计 column is deleted (second field of every line).
sed -i 's/^\([^,]*\),[^,]*,/\1,/' input/2021/three_public.csv
