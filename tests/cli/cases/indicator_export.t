# gnbv export indicator_values: what was imported (twice: a re-import
# replaces, it does not duplicate; a row that only gives a target keeps
# the stored value), by indicator, unit and period, values as exact
# decimals, one file that imports again unchanged; --year keeps a year.
$ gnbv init --db t.db
$ gnbv import units units.csv --db t.db
$ gnbv import indicator_values v.csv --db t.db
$ gnbv import indicator_values v.csv --db t.db
$ gnbv import indicator_values t.csv --db t.db
$ gnbv export indicator_values --year 2024 --db t.db
--- units.csv< fixtures/indicators/units.csv
--- v.csv
indicator,unit_code,period,value,target
models,04000,2024,2,3
models,04001,2024,1,
houses_supported,04000,2024S1,4,
poor_rate,14,2025,,3.50
poor_rate_minority_reduction,04000,2024,-0.5,3
hh_minority,04000,2024,812,
--- t.csv
indicator,unit_code,period,target
models,04001,2024,2
--- stdout
indicator,unit_code,period,value,target
hh_minority,04000,2024,812,
houses_supported,04000,2024S1,4,
models,04000,2024,2,3
models,04001,2024,1,2
poor_rate_minority_reduction,04000,2024,-0.5,3
