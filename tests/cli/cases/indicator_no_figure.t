# indicator_values.csv (formats.md 6) into a database with units: a row gives a value, a target or both.
$ gnbv init --db t.db
$ gnbv import units units.csv --db t.db
$ gnbv import indicator_values v.csv --db t.db
? 2
--- units.csv< fixtures/indicators/units.csv
--- v.csv
indicator,unit_code,period,value,target
models,04000,2024,,
--- stderr~
v.csv:2: column value: give a value, a target or both
