# A NUL byte in line 2, in the empty 基金预算 cell (character 15 of the line).
printf '项目,合计,一般预算,基金预算,财政专户\n公务用车运行费,20,20,\0,\n公务用车购置费,0,,,\n公务接待费,8.5,8.5,,\n因公出国（境）费,5,5,,\n合计,33.5,33.5,,\n' \
    >input/2021/three_public.csv
