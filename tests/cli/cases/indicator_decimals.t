# indicator_values.csv (formats.md 6) into a database with units: no more decimals than the indicator has (a count has none: 2.481 is not two thousand).
$ gnbv init --db t.db
$ gnbv import units units.csv --db t.db
$ gnbv import indicator_values v.csv --db t.db
? 2
--- units.csv< fixtures/indicators/units.csv
--- v.csv
indicator,unit_code,period,value,target
models,04000,2024,2.481,
poor_rate,04000,2024,,1.255
--- stderr~
v.csv:2: column value: indicator models takes at most 0 decimals (no thousands separator), got "2.481"
v.csv:3: column target: indicator poor_rate takes at most 2 decimals (no thousands separator), got "1.255"
