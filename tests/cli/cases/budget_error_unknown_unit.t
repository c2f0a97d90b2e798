# Units must be in the database.
$ gnbv init --db t.db
$ gnbv import units units.csv --db t.db
$ gnbv import budget b.csv --db t.db
? 2
--- units.csv< ../fixtures/budget/units.csv
--- b.csv
plan,unit_code,year,project,source,capital,amount,carried_over,kind,date
245/KH-UBND 2023,99999,2023,DA2,central,recurrent,1.000.000,,,
--- stderr~
b.csv:2: column unit_code: unknown unit "99999"
