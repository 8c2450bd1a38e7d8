# A continuation row (职责名称 empty) carries a 职责描述.
sed -i '3s/^,,,/,又一描述。,,/' input/2021/performance.csv
