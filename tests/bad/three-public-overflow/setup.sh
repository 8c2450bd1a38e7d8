# A 20-digit amount, beyond what int64 fen can hold.
sed -i '2s/^公务用车运行费,20,/公务用车运行费,12345678901234567890,/' input/2021/three_public.csv
