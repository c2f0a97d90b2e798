# indicator_values.csv (formats.md 6) into a database with units: a value of an indicator the registry computes (only its target may be given).
$ gnbv init --db t.db
$ gnbv import units units.csv --db t.db
$ gnbv import indicator_values v.csv --db t.db
? 2
--- units.csv< fixtures/indicators/units.csv
--- v.csv
indicator,unit_code,period,value,target
poor_rate,04000,2024,,3.5
poor_rate,04001,2024,4.2,
--- stderr~
v.csv:3: column value: indicator poor_rate is computed from the registry (poor_rate): give only its target
