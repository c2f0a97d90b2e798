# A units file that leaves out a unit the programme's records still refer
# to (here a budget line of Xã Thanh An) is refused, and nothing changes.
$ gnbv init --db t.db
$ gnbv import units units.csv --db t.db
$ gnbv import budget b.csv --db t.db
$ gnbv import units fewer.csv --db t.db
? 2
--- units.csv
code,name,level,parent_code,type,urban,valid_from,valid_to
70,Tỉnh Bình Phước,province,,tinh,,,
25320,Xã Thanh An,commune,70,xa,,,
25321,Xã Tân Hưng,commune,70,xa,,,
--- fewer.csv
code,name,level,parent_code,type,urban,valid_from,valid_to
70,Tỉnh Bình Phước,province,,tinh,,,
25321,Xã Tân Hưng,commune,70,xa,,,
--- b.csv
plan,unit_code,year,project,source,capital,amount,carried_over,kind,date
245/KH-UBND 2023,25320,2023,DA2,central,recurrent,1.000.000,,,
--- stderr~
fewer.csv: column code: unit "25320" is missing, but the database holds households, population, users or programme records (plans, budgets, indicators, training, inspections, reports) on it
