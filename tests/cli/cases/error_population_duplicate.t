# A repeated (unit_code, year) in population.csv.
$ gnbv summary --units units.csv --households households.csv --population population.csv --year 2024 --level commune
? 2
--- units.csv< fixtures/summary/units.csv
--- lineage.csv< fixtures/summary/lineage.csv
--- population.csv
unit_code,year,households,persons
00001,2024,1000,3600
00002,2024,500,1800
00003,2024,300,1200
00001,2023,1000,3600
00002,2023,500,1800
00003,2023,300,1200
00002,2024,7,
--- households.csv< fixtures/summary/households.csv
--- stderr~
population.csv:8: column unit_code: unit "00002" already has households for year 2024 (line 3)
