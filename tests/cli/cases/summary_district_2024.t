# Hand-checked: 2024 by district on the 2024 map.
# 001: H1 AVERAGE (escaped_poor), H2 POOR (near_to_poor), H3 NEAR (poor_to_near,
# counted in escaped_poor), H4 POOR (new_poor), H10 NOT_POOR (escaped_near);
# poor 2/1500 = 0.13%, near 1/1500 = 0.07%.
# 002: H5 remain_poor, H6 new_near, H7 none, H8 re_poor (poor 2022, no row 2023),
# H9 new_near (score 130 <= 140, 2 flags); 2/300 = 0.67%.
$ gnbv summary --units units.csv --households households.csv --population population.csv --year 2024 --level district
? 0
--- units.csv< fixtures/summary/units.csv
--- lineage.csv< fixtures/summary/lineage.csv
--- population.csv< fixtures/summary/population.csv
--- households.csv< fixtures/summary/households.csv
--- stdout
unit_code,unit_name,households,poor,near_poor,poor_rate,near_poor_rate,new_poor,re_poor,escaped_poor,escaped_near
001,Quận Ba Đình,1500,2,1,0.13,0.07,1,0,2,1
002,Huyện Sóc Sơn,300,2,2,0.67,0.67,0,1,0,0
TOTAL,,1800,4,3,0.22,0.17,1,1,2,1
