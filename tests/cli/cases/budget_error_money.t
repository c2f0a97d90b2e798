# Money is whole đồng: digits, or grouped by dots in threes.
$ gnbv init --db t.db
$ gnbv import units units.csv --db t.db
$ gnbv import budget b.csv --db t.db
? 2
--- units.csv< ../fixtures/budget/units.csv
--- b.csv
plan,unit_code,year,project,source,capital,amount,carried_over,kind,date
245/KH-UBND 2023,693,2023,DA2,central,recurrent,"1,95 tỷ",,,
245/KH-UBND 2023,693,2023,DA6,central,recurrent,154.00.000,,,
--- stderr~
b.csv:2: column amount: expected whole đồng (2243000000 or 2.243.000.000), got "1,95 tỷ"
b.csv:3: column amount: expected whole đồng
