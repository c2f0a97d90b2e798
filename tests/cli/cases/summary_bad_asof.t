# A map date that does not exist.
$ gnbv summary --units units.csv --households households.csv --population population.csv --year 2024 --level commune --as-of 2024-02-30
? 2
--- units.csv< fixtures/summary/units.csv
--- lineage.csv< fixtures/summary/lineage.csv
--- population.csv< fixtures/summary/population.csv
--- households.csv< fixtures/summary/households.csv
--- stderr~
--as-of: expected a date (YYYY-MM-DD or DD/MM/YYYY), got "2024-02-30"
