# Required columns: plan, unit_code, year, project, source, amount.
$ gnbv init --db t.db
$ gnbv import units units.csv --db t.db
$ gnbv import budget b.csv --db t.db
? 2
--- units.csv< ../fixtures/budget/units.csv
--- b.csv
plan,unit_code,year,project,capital,amount
245/KH-UBND 2023,693,2023,DA2,recurrent,1.000.000
--- stderr~
b.csv:1: column source: required column missing
