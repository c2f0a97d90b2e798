# A year that is not a number.
$ gnbv summary --units units.csv --households households.csv --population population.csv --year 20x4 --level commune
? 2
--- units.csv< fixtures/summary/units.csv
--- lineage.csv< fixtures/summary/lineage.csv
--- population.csv< fixtures/summary/population.csv
--- households.csv< fixtures/summary/households.csv
--- stderr~
--year: expected a whole number
