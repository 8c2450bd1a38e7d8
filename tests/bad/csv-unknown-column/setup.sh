# An extra column 备注 that the loader does not know.
sed -i '1s/$/,备注/; 2,$s/$/,/' input/2021/three_public.csv
