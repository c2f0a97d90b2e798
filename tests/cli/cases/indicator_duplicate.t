# indicator_values.csv (formats.md 6) into a database with units: an indicator, unit and period appear once in a file.
$ gnbv init --db t.db
$ gnbv import units units.csv --db t.db
$ gnbv import indicator_values v.csv --db t.db
? 2
--- units.csv< fixtures/indicators/units.csv
--- v.csv
indicator,unit_code,period,value,target
models,04000,2024Q1,2,
models,04001,2024Q1,1,
models,04000,2024q1,,3
--- stderr~
v.csv:4: column period: indicator models, unit "04000", period 2024Q1 is already on line 2
