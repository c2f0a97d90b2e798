# From 2027 the rows need d_waste and d_digital.
$ gnbv classify --units units.csv --households households.csv
? 2
--- units.csv
code,name,level,parent_code,type,urban,valid_from,valid_to
01,Thành phố Hà Nội,province,,thanh_pho,,,
00004,Phường Ba Đình,commune,01,phuong,,,
00277,Xã Sóc Sơn,commune,01,xa,,,
--- households.csv
household_id,year,unit_code,members,income,score_a,d_employment,d_dependents,d_nutrition,d_health_insurance,d_adult_education,d_child_schooling,d_housing_quality,d_housing_area,d_water,d_sanitation,d_telecom,d_info_access
P1,2026,00277,3,1000000,,0,0,0,0,0,0,0,0,0,0,0,0
P1,2027,00277,3,1000000,,0,0,0,0,0,0,0,0,0,0,0,0
--- stderr~
column d_waste: required column missing (standard 2027-2030, which applies to year 2027 on line 3, needs it)
