# indicator_values.csv (formats.md 6) into a database with units: numbers use a decimal point, as io/value.c: no decimal comma, no thousands separator.
$ gnbv init --db t.db
$ gnbv import units units.csv --db t.db
$ gnbv import indicator_values v.csv --db t.db
? 2
--- units.csv< fixtures/indicators/units.csv
--- v.csv
indicator,unit_code,period,value,target
poor_rate,04000,2024,,"1,5"
models,04000,2024,hai,
--- stderr~
v.csv:2: column target: expected a number with '.' as the decimal point (no decimal comma, no thousands separator), got "1,5"
v.csv:3: column value: expected a number with '.' as the decimal point, got "hai"
