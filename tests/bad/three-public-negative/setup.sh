# A negative 合计.
sed -i '2s/^公务用车运行费,20,/公务用车运行费,-20,/' input/2021/three_public.csv
