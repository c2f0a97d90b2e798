# A year that is not a number.
$ gnbv summary --units units.csv --households households.csv --population population.csv --year 20x4 --level commune
? 2
--- units.csv
code,name,level,parent_code,type,urban,valid_from,valid_to
VN,Việt Nam,country,,,,,
01,Thành phố Hà Nội,province,VN,thanh_pho,,,
001,Quận Ba Đình,district,01,quan,,,2025-06-30
002,Huyện Sóc Sơn,district,01,huyen,,,2025-06-30
00001,Phường Phúc Xá,commune,001,phuong,,,2025-06-30
00002,Phường Trúc Bạch,commune,001,phuong,,,2025-06-30
00003,Xã Bắc Sơn,commune,002,xa,,,2025-06-30
00001,Phường Ba Đình,commune,01,phuong,,2025-07-01,
00010,Xã Sóc Sơn,commune,01,xa,,2025-07-01,
00011,Xã Đa Phúc,commune,01,xa,,2025-07-01,
--- lineage.csv
old_code,new_code,date,share
00002,00001,2025-07-01,
00003,00010,2025-07-01,0.6
00003,00011,01/07/2025,0.4
--- population.csv
unit_code,year,households,persons
00001,2024,1000,3600
00002,2024,500,1800
00003,2024,300,1200
00001,2023,1000,3600
00002,2023,500,1800
00003,2023,300,1200
--- households.csv
household_id,year,unit_code,members,income,score_a,d_employment,d_dependents,d_nutrition,d_health_insurance,d_adult_education,d_child_schooling,d_housing_quality,d_housing_area,d_water,d_sanitation,d_telecom,d_info_access
H1,2023,00001,3,1000000,,1,1,1,0,0,0,0,0,0,0,0,0
H2,2023,00001,4,1500000,,1,0,0,0,0,0,0,0,0,0,0,0
H3,2023,00002,2,1000000,,1,1,1,0,0,0,0,0,0,0,0,0
H5,2023,00003,5,1000000,,1,1,1,1,0,0,0,0,0,0,0,0
H10,2023,00001,2,1500000,,0,0,0,0,0,0,0,0,0,0,0,0
H8,2022,00003,3,1000000,,1,1,1,0,0,0,0,0,0,0,0,0
H1,2024,00001,3,2500000,,1,1,1,0,0,0,0,0,0,0,0,0
H2,2024,00001,4,1800000,,1,1,1,0,0,0,0,0,0,0,0,0
H3,2024,00002,2,1900000,,0,0,0,0,0,0,0,0,0,0,0,0
H4,2024,00002,6,1.000.000,,1,1,1,1,1,0,0,0,0,0,0,0
H5,2024,00003,5,1400000,,1,1,1,0,0,0,0,0,0,0,0,0
H6,2024,00003,3,1200000,,1,0,0,0,0,0,0,0,0,0,0,0
H7,2024,00003,2,5000000,,0,0,0,0,0,0,0,0,0,0,0,0
H8,2024,00003,3,1000000,,1,1,1,0,0,0,0,0,0,0,0,0
H9,2024,00003,4,,130,1,1,0,0,0,0,0,0,0,0,0,0
H10,2024,00001,2,4000000,,0,0,0,0,0,0,0,0,0,0,0,0
--- stderr~
--year: expected a whole number
