# Point 11 of issue 13: a term of glossary.csv given twice, once repeated
# verbatim and once with another explanation.
cat >>input/2021/glossary.csv <<'CSV'
项目支出,指为完成特定工作任务而发生的支出。
基本支出,指为保障机构正常运转、完成日常工作任务而发生的支出。
项目支出,指在基本支出之外为完成特定行政任务而发生的支出。
CSV
