# A parent must exist over the whole interval of its child.
$ gnbv classify --units units.csv --households households.csv
? 2
--- units.csv
code,name,level,parent_code,type,urban,valid_from,valid_to
01,Thành phố Hà Nội,province,,thanh_pho,,,
001,Huyện Sóc Sơn,district,01,huyen,,,2025-06-30
00277,Xã Sóc Sơn,commune,001,xa,,,
--- households.csv
household_id,year,unit_code,members,income,score_a,d_employment,d_dependents,d_nutrition,d_health_insurance,d_adult_education,d_child_schooling,d_housing_quality,d_housing_area,d_water,d_sanitation,d_telecom,d_info_access
P1,2024,00277,3,1000000,,0,0,0,0,0,0,0,0,0,0,0,0
--- stderr~
units.csv:4: column parent_code: parent "001" does not exist on 2025-07-01
