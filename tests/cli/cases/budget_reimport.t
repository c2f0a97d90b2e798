# Importing the same budget.csv twice doubles nothing: an allocation replaces
# the stored one of its plan, unit, year, project, source and capital; the
# export lists each line once, money as plain digits, the carry-over kept.
$ gnbv init --db t.db
$ gnbv import units units.csv --db t.db
$ gnbv import budget seed001.csv --db t.db
$ gnbv import budget seed001.csv --db t.db
$ gnbv export budget --db t.db --year 2023
--- units.csv< ../fixtures/budget/units.csv
--- seed001.csv< ../fixtures/budget/seed001.csv
--- stdout
plan,unit_code,year,project,source,capital,amount,carried_over,kind,date
245/KH-UBND 2023,693,2023,DA2,central,recurrent,1950000000,,allocated,
245/KH-UBND 2023,693,2023,DA2,district,recurrent,195000000,,allocated,
245/KH-UBND 2023,693,2023,DA2,provincial,recurrent,98000000,,allocated,
245/KH-UBND 2023,693,2023,DA3.1,central,recurrent,838000000,,allocated,
245/KH-UBND 2023,693,2023,DA3.1,district,recurrent,84000000,,allocated,
245/KH-UBND 2023,693,2023,DA3.1,provincial,recurrent,42000000,,allocated,
245/KH-UBND 2023,693,2023,DA3.2,central,recurrent,269000000,,allocated,
245/KH-UBND 2023,693,2023,DA3.2,district,recurrent,27000000,,allocated,
245/KH-UBND 2023,693,2023,DA3.2,provincial,recurrent,13000000,,allocated,
245/KH-UBND 2023,693,2023,DA4.1,central,recurrent,802000000,,allocated,
245/KH-UBND 2023,693,2023,DA4.1,district,recurrent,80000000,,allocated,
245/KH-UBND 2023,693,2023,DA4.1,provincial,recurrent,40000000,,allocated,
245/KH-UBND 2023,693,2023,DA4.3,central,investment,148000000,33000000,allocated,
245/KH-UBND 2023,693,2023,DA4.3,central,recurrent,216000000,,allocated,
245/KH-UBND 2023,693,2023,DA4.3,district,recurrent,22000000,,allocated,
245/KH-UBND 2023,693,2023,DA4.3,provincial,recurrent,11000000,,allocated,
245/KH-UBND 2023,693,2023,DA6,central,recurrent,154000000,,allocated,
245/KH-UBND 2023,693,2023,DA6,district,recurrent,15000000,,allocated,
245/KH-UBND 2023,693,2023,DA6,provincial,recurrent,8000000,,allocated,
245/KH-UBND 2023,693,2023,DA7,central,recurrent,458000000,,allocated,
245/KH-UBND 2023,693,2023,DA7,district,recurrent,46000000,,allocated,
245/KH-UBND 2023,693,2023,DA7,provincial,recurrent,23000000,,allocated,
