# Byte 0xFF (invalid in UTF-8 and in GB18030) after the item name on line 3.
sed -i '3s/^公务用车购置费/&\xff/' input/2021/three_public.csv
