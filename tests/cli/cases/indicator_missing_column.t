# indicator_values.csv (formats.md 6) into a database with units: a required column is missing.
$ gnbv init --db t.db
$ gnbv import units units.csv --db t.db
$ gnbv import indicator_values v.csv --db t.db
? 2
--- units.csv< fixtures/indicators/units.csv
--- v.csv
indicator,unit_code,value
models,04000,2
--- stderr~
v.csv:1: column period: required column missing
