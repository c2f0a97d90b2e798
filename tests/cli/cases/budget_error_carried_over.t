# carried_over is part of amount: it cannot be more.
$ gnbv init --db t.db
$ gnbv import units units.csv --db t.db
$ gnbv import budget b.csv --db t.db
? 2
--- units.csv< ../fixtures/budget/units.csv
--- b.csv
plan,unit_code,year,project,source,capital,amount,carried_over,kind,date
245/KH-UBND 2023,693,2023,DA4.3,central,investment,148.000.000,150.000.000,,
--- stderr~
b.csv:2: column carried_over: the part carried over (150000000) is more than the amount (148000000)
