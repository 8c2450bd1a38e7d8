# [input] dir and previous name files where folders are expected.
sed -i 's|^dir      = input/2021$|dir      = input/2021/revenue.csv|' config.ini
sed -i 's|^previous = input/2020$|previous = input/2020/summary.csv|' config.ini
