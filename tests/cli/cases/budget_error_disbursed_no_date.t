# A disbursement needs its date.
$ gnbv init --db t.db
$ gnbv import units units.csv --db t.db
$ gnbv import budget b.csv --db t.db
? 2
--- units.csv< ../fixtures/budget/units.csv
--- b.csv
plan,unit_code,year,project,source,capital,amount,carried_over,kind,date
245/KH-UBND 2023,693,2023,DA2,central,recurrent,500.000.000,,disbursed,
--- stderr~
b.csv:2: column date: a disbursement needs its date
