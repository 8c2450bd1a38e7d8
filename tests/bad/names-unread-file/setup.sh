# A copy of last year's 三公 table left in the folder under a name budgetgen
# does not read: a warning naming it (before, silently ignored).
cp input/2021/three_public.csv 'input/2021/三公经费（旧）.csv'
