# A level that does not exist.
$ gnbv summary --units units.csv --households households.csv --population population.csv --year 2024 --level hamlet
? 2
--- units.csv< fixtures/summary/units.csv
--- lineage.csv< fixtures/summary/lineage.csv
--- population.csv< fixtures/summary/population.csv
--- households.csv< fixtures/summary/households.csv
--- stderr~
--level: expected country, province, district, commune or village, got "hamlet"
