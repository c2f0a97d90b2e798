# indicator_values.csv (formats.md 6) into a database with units: an indicator code the results framework (data/me/indicators.csv) does not have.
$ gnbv init --db t.db
$ gnbv import units units.csv --db t.db
$ gnbv import indicator_values v.csv --db t.db
? 2
--- units.csv< fixtures/indicators/units.csv
--- v.csv
indicator,unit_code,period,value,target
ho_ngheo,04000,2024,12,
--- stderr~
v.csv:2: column indicator: unknown indicator "ho_ngheo" (see data/me/indicators.csv)
