# Disbursements may not exceed the allocation of their key, counting the
# lines stored before: here 1.950.000.000 allocated (seed 001), 1.500.000.000
# disbursed already, 600.000.000 more in the file. The file writes nothing.
$ gnbv init --db t.db
$ gnbv import units units.csv --db t.db
$ gnbv import budget seed001.csv --db t.db
$ gnbv import budget first.csv --db t.db
$ gnbv import budget b.csv --db t.db
? 2
--- units.csv< ../fixtures/budget/units.csv
--- seed001.csv< ../fixtures/budget/seed001.csv
--- first.csv
plan,unit_code,year,project,source,amount,kind,date
245/KH-UBND 2023,693,2023,DA2,central,1.500.000.000,disbursed,2023-09-30
--- b.csv
plan,unit_code,year,project,source,amount,kind,date
245/KH-UBND 2023,693,2023,DA6,central,54.000.000,disbursed,2023-10-01
245/KH-UBND 2023,693,2023,DA2,central,600.000.000,disbursed,2023-12-01
245/KH-UBND 2023,693,2023,DA5,central,1.000.000,disbursed,2023-12-01
--- stderr~
b.csv:3: column amount: disbursements of DA2, central, recurrent, 693, 2023 add up to 2.100.000.000 đồng, more than the 1.950.000.000 đồng allocated
b.csv:4: column amount: disbursements of DA5, central, recurrent, 693, 2023 add up to 1.000.000 đồng, more than the 0 đồng allocated
