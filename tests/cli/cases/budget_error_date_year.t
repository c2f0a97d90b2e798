# A disbursement is dated within its year: money spent later is the next
# year's allocation, carried over.
$ gnbv init --db t.db
$ gnbv import units units.csv --db t.db
$ gnbv import budget b.csv --db t.db
? 2
--- units.csv< ../fixtures/budget/units.csv
--- b.csv
plan,unit_code,year,project,source,capital,amount,carried_over,kind,date
245/KH-UBND 2023,693,2023,DA2,central,recurrent,1.000.000,,,
245/KH-UBND 2023,693,2023,DA2,central,recurrent,500.000,,disbursed,15/01/2024
--- stderr~
b.csv:3: column date: the disbursement of 2023 is dated in 2024
