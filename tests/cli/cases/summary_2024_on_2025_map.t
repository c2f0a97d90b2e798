# Hand-checked: 2024 figures re-aggregated onto the 2025 map.
# 00002 merged into 00001 (which kept its code). 00003 split 0.6 / 0.4: its five
# 2024 rows in id order H5 H6 H7 H8 H9: B1 = floor(5*0.6 + 1/2) = 3, so H5 H6 H7
# go to 00010 and H8 H9 to 00011; its 300 resident households: floor(180.5) =
# 180 to 00010 and 120 to 00011. Names are those of the 2025 versions.
$ gnbv summary --units units.csv --households households.csv --population population.csv --lineage lineage.csv --year 2024 --level commune --as-of 2025-12-31
? 0
--- units.csv< fixtures/summary/units.csv
--- lineage.csv< fixtures/summary/lineage.csv
--- population.csv< fixtures/summary/population.csv
--- households.csv< fixtures/summary/households.csv
--- stdout
unit_code,unit_name,households,poor,near_poor,poor_rate,near_poor_rate,new_poor,re_poor,escaped_poor,escaped_near
00001,Phường Ba Đình,1500,2,1,0.13,0.07,1,0,2,1
00010,Xã Sóc Sơn,180,1,1,0.56,0.56,0,0,0,0
00011,Xã Đa Phúc,120,1,1,0.83,0.83,0,1,0,0
TOTAL,,1800,4,3,0.22,0.17,1,1,2,1
