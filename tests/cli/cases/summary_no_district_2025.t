# On the 2025 map there is no district level: bad input.
$ gnbv summary --units units.csv --households households.csv --population population.csv --year 2025 --level district
? 2
--- units.csv< fixtures/summary/units.csv
--- lineage.csv< fixtures/summary/lineage.csv
--- population.csv< fixtures/summary/population.csv
--- households.csv< fixtures/summary/households.csv
--- stderr~
gnbv summary: --level district: no district is valid on 2025-12-31
