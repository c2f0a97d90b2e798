# Excel habits: a BOM, CRLF line ends, columns in another order and another
# case, a quoted id holding a comma and a line break (so the next record starts
# two lines later), booleans written x / có / true, an unknown column (warned).
# Rows out of order: Q2's 2024 row comes before its 2022 row, and is re_poor.
$ gnbv classify --units units.csv --households households.csv
? 0
--- units.csv
code,name,level,parent_code,type,urban,valid_from,valid_to
01,Thành phố Hà Nội,province,,thanh_pho,,,
00004,Phường Ba Đình,commune,01,phuong,,,
00277,Xã Sóc Sơn,commune,01,xa,,,
--- households.csv
﻿YEAR,Household_ID,unit_code,members,income,d_employment,d_dependents,d_nutrition,d_health_insurance,d_adult_education,d_child_schooling,d_housing_quality,d_housing_area,d_water,d_sanitation,d_telecom,d_info_access,note
2024,"Q1, ""A""
B",00277,3,1000000,x,có,true,,,,,,,,,,hi
2024,Q2,00277,3,1000000,1,1,1,0,0,0,0,0,0,0,0,0,
2022,Q2,00277,3,1000000,1,1,1,0,0,0,0,0,0,0,0,0,
--- stdout
household_id,year,class,deprivations,transition
"Q1, ""A""
B",2024,POOR,3,new_poor
Q2,2024,POOR,3,re_poor
Q2,2022,POOR,3,new_poor
--- stderr~
households.csv:1: warning: column note: unknown column, ignored
