# indicator_values.csv (formats.md 6) into a database with units: periods are 2024, 2024S1, 2024Q3 or 2024M05 (two-digit months).
$ gnbv init --db t.db
$ gnbv import units units.csv --db t.db
$ gnbv import indicator_values v.csv --db t.db
? 2
--- units.csv< fixtures/indicators/units.csv
--- v.csv
indicator,unit_code,period,value,target
models,04000,2024M5,2,
models,04000,2024S3,2,
models,04000,24,2,
--- stderr~
v.csv:2: column period: expected a period: 2024, 2024S1 (half-year), 2024Q3 (quarter) or 2024M05 (month), got "2024M5"
v.csv:3: column period: expected a period: 2024, 2024S1 (half-year), 2024Q3 (quarter) or 2024M05 (month), got "2024S3"
v.csv:4: column period: expected a period: 2024, 2024S1 (half-year), 2024Q3 (quarter) or 2024M05 (month), got "24"
