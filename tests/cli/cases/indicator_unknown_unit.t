# indicator_values.csv (formats.md 6) into a database with units: a unit code that is not in the database.
$ gnbv init --db t.db
$ gnbv import units units.csv --db t.db
$ gnbv import indicator_values v.csv --db t.db
? 2
--- units.csv< fixtures/indicators/units.csv
--- v.csv
indicator,unit_code,period,value,target
models,04999,2024,2,
--- stderr~
v.csv:2: column unit_code: unknown unit "04999" (not in the database)
