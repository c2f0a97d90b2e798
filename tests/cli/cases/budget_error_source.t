# Sources and capital types are the words of formats.md 5.
$ gnbv init --db t.db
$ gnbv import units units.csv --db t.db
$ gnbv import budget b.csv --db t.db
? 2
--- units.csv< ../fixtures/budget/units.csv
--- b.csv
plan,unit_code,year,project,source,capital,amount,carried_over,kind,date
245/KH-UBND 2023,693,2023,DA2,NSTW,sự nghiệp,1.000.000,,,
--- stderr~
b.csv:2: column source: expected central, provincial, district, commune, mobilised, credit or household, got "NSTW"
b.csv:2: column capital: expected recurrent or investment, got "sự nghiệp"
