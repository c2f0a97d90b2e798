# No district exists on this map: bad input, as in gnbv summary.
$ gnbv af --units units.csv --households households.csv --year 2024 --level district
? 2
--- units.csv
code,name,level,parent_code,type,urban,valid_from,valid_to
01,Thành phố Hà Nội,province,,thanh_pho,,,
00004,Phường Ba Đình,commune,01,phuong,,,
00275,Xã Phù Linh,commune,01,xa,,,2023-12-31
00277,Xã Sóc Sơn,commune,01,xa,,,
00280,Xã Minh Trí,commune,01,xa,,,
--- households.csv
household_id,year,unit_code,members,income,area,d_employment,d_dependents,d_nutrition,d_health_insurance,d_adult_education,d_child_schooling,d_housing_quality,d_housing_area,d_water,d_sanitation,d_telecom,d_info_access
A1,2024,00277,4,1200000,,1,1,1,1,0,0,0,0,0,0,0,0
A2,2024,00275,3,1400000,,0,0,0,0,0,0,0,0,1,1,0,0
A3,2024,00277,2,1000000,,1,0,0,0,0,0,0,0,1,1,0,0
A4,2024,00277,5,1800000,urban,0,0,0,0,0,0,1,1,1,1,1,1
B1,2024,00004,1,5000000,,0,0,0,0,0,0,0,0,0,0,0,0
B2,2024,00004,6,1900000,,0,0,0,0,0,0,0,0,1,0,1,1
A1,2023,00277,4,1200000,,1,1,1,1,1,0,0,0,0,0,0,0
A2,2023,00275,3,1400000,,0,0,0,0,0,0,0,0,1,1,1,0
B1,2023,00004,1,5000000,,0,0,0,0,0,0,0,0,0,0,0,0
B2,2023,00004,6,1900000,,0,0,0,0,0,0,0,0,0,0,1,1
--- stderr~
gnbv af: --level district: no district is valid on 2024-12-31
