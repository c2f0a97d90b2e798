# Projects are those of the catalogue (data/me/projects.csv).
$ gnbv init --db t.db
$ gnbv import units units.csv --db t.db
$ gnbv import budget b.csv --db t.db
? 2
--- units.csv< ../fixtures/budget/units.csv
--- b.csv
plan,unit_code,year,project,source,capital,amount,carried_over,kind,date
245/KH-UBND 2023,693,2023,DA8,central,recurrent,1.000.000,,,
--- stderr~
b.csv:2: column project: expected a project of the catalogue (DA1 ... DA7, or a sub-project such as DA3.1), got "DA8"
