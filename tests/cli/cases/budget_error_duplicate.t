# An allocation is keyed by plan, unit, year, project, source and capital; a
# disbursement by the same and its date: a key given twice names the first.
$ gnbv init --db t.db
$ gnbv import units units.csv --db t.db
$ gnbv import budget b.csv --db t.db
? 2
--- units.csv< ../fixtures/budget/units.csv
--- b.csv
plan,unit_code,year,project,source,capital,amount,carried_over,kind,date
245/KH-UBND 2023,693,2023,DA2,central,recurrent,1.950.000.000,,,
245/KH-UBND 2023,693,2023,DA2,central,recurrent,500.000.000,,disbursed,2023-10-15
245/KH-UBND 2023,693,2023,DA2,central,recurrent,1.900.000.000,,,
245/KH-UBND 2023,693,2023,DA2,central,recurrent,100.000.000,,disbursed,15/10/2023
--- stderr~
b.csv:4: column amount: a second allocation of the same plan, unit, year, project, source and capital (line 2)
b.csv:5: column amount: a second disbursement of the same plan, unit, year, project, source and capital on 2023-10-15 (line 3): give one line per day
