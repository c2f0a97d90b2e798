# Province level, map date given in the Vietnamese form; 2023:
# poor H1 H3 H5 (3), near H2 H10 (2) out of 1800; H8's 2022 row makes H8 nothing in 2023
# (no row: not counted). new_poor: H1 H3 H5 (no 2022 row), H8 none.
$ gnbv summary --units units.csv --households households.csv --population population.csv --year 2023 --level province --as-of 31/12/2023
? 0
--- units.csv< fixtures/summary/units.csv
--- lineage.csv< fixtures/summary/lineage.csv
--- population.csv< fixtures/summary/population.csv
--- households.csv< fixtures/summary/households.csv
--- stdout
unit_code,unit_name,households,poor,near_poor,poor_rate,near_poor_rate,new_poor,re_poor,escaped_poor,escaped_near
01,Thành phố Hà Nội,1800,3,2,0.17,0.11,3,0,0,0
TOTAL,,1800,3,2,0.17,0.11,3,0,0,0
