# indicator_values.csv (formats.md 6): a good file, with values and local
# targets, every kind of period, a target for a computed indicator, a
# negative value (a reduction that turned out an increase) and a BOM.
$ gnbv init --db t.db
$ gnbv import units units.csv --db t.db
$ gnbv import indicator_values v.csv --db t.db
--- units.csv< fixtures/indicators/units.csv
--- v.csv
﻿indicator,unit_code,period,value,target
models,04000,2024,2,3
models,04001,2024,1,
models,116,2024,,5
houses_supported,04000,2024S1,4,
houses_supported,04000,2024q3,1,
communication_reach,04001,2024M05,350,
poor_rate,14,2025,,3.50
poor_rate_minority_reduction,04000,2024,-0.5,3
hh_minority,04000,2024,812,
--- stderr~
imported 9 rows
