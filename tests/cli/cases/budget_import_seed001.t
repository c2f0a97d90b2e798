# budget.csv (formats.md 5): seed 001's plan of Hớn Quản, money written with
# dots as the plan writes it, a carry-over on the investment line of DA4.3.
# The plan is not in the database: the lines are kept under its reference,
# with a warning.
$ gnbv init --db t.db
$ gnbv import units units.csv --db t.db
$ gnbv import budget seed001.csv --db t.db
--- units.csv< ../fixtures/budget/units.csv
--- seed001.csv< ../fixtures/budget/seed001.csv
--- stderr~
seed001.csv:2: warning: column plan: plan "245/KH-UBND 2023" is not in the database
imported 22 rows
