# indicator_values.csv (formats.md 6) into a database with units: the file has a value column, a target column or both.
$ gnbv init --db t.db
$ gnbv import units units.csv --db t.db
$ gnbv import indicator_values v.csv --db t.db
? 2
--- units.csv< fixtures/indicators/units.csv
--- v.csv
indicator,unit_code,period
models,04000,2024
--- stderr~
v.csv:1: column value: missing: the file needs a value column, a target column or both
