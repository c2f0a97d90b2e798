# gnbv af --persons without --level: one TOTAL row over every 2024 row,
# each household weighing its members (no map: A2 counts though its unit
# has ceased and no lineage is given).
# Data (12 equal weights 1/12, k = 3/12; indicator numbers 0-11 in the
# standard's order: employment, dependents, nutrition, health_insurance,
# adult_education, child_schooling, housing_quality, housing_area, water,
# sanitation, telecom, info_access):
#   2024  A1 00277 rural  {0,1,2,3}        c = 4/12 poor   members 4
#         A2 00275 rural  {8,9}            c = 2/12 -      members 3
#            (00275 ceased 2023-12-31; lineage carries it to 00277)
#         A3 00277 rural  {0,8,9}          c = 3/12 poor (c = k)  members 2
#         A4 00277 urban  {6,7,8,9,10,11}  c = 6/12 poor   members 5
#            (area column overrides the commune's)
#         B1 00004 urban  {}               c = 0    -      members 1
#         B2 00004 urban  {8,10,11}        c = 3/12 poor   members 6
#   2023  A1 {0,1,2,3,4} c = 5/12 poor; A2 {8,9,10} 3/12 poor;
#         B1 {} -; B2 {10,11} 2/12 -
#
# Worked by hand (persons): n = 4+3+2+5+1+6 = 21; q = A1 4 + A3 2 + A4 5 +
# B2 6 = 17: H = 17/21 = 80.95%. Sum over the poor of members x score (12ths):
# 4x4 + 2x3 + 5x6 + 6x3 = 70: A = 70/(12x17) = 34.31%, M0 = 70/(12x21) =
# 0.2778. hd water: A2 3 + A3 2 + A4 5 + B2 6 = 16/21 = 76.19; hdk water
# (without A2) 13/21 = 61.90; sanitation 10/21 = 47.62 and 7/21 = 33.33;
# telecom A4 B2 11/21 = 52.38. actb = poor persons deprived / 252: water
# 13/252 = 0.0516, telecom 11/252 = 0.04365.. = 0.0437, employment 6/252 =
# 0.0238. pctb = poor persons deprived / 70: water 13/70 = 18.57, sanitation
# 7/70 = 10.00, telecom 11/70 = 15.71, employment 6/70 = 8.57, dependents
# 4/70 = 5.71, housing 5/70 = 7.14 (sum of the numerators: 70).
$ gnbv af --units units.csv --households households.csv --year 2024 --persons
? 0
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
--- stdout
unit_code,unit_name,group,n,q,H,A,M0,hd_d_employment,hd_d_dependents,hd_d_nutrition,hd_d_health_insurance,hd_d_adult_education,hd_d_child_schooling,hd_d_housing_quality,hd_d_housing_area,hd_d_water,hd_d_sanitation,hd_d_telecom,hd_d_info_access,hdk_d_employment,hdk_d_dependents,hdk_d_nutrition,hdk_d_health_insurance,hdk_d_adult_education,hdk_d_child_schooling,hdk_d_housing_quality,hdk_d_housing_area,hdk_d_water,hdk_d_sanitation,hdk_d_telecom,hdk_d_info_access,actb_d_employment,actb_d_dependents,actb_d_nutrition,actb_d_health_insurance,actb_d_adult_education,actb_d_child_schooling,actb_d_housing_quality,actb_d_housing_area,actb_d_water,actb_d_sanitation,actb_d_telecom,actb_d_info_access,pctb_d_employment,pctb_d_dependents,pctb_d_nutrition,pctb_d_health_insurance,pctb_d_adult_education,pctb_d_child_schooling,pctb_d_housing_quality,pctb_d_housing_area,pctb_d_water,pctb_d_sanitation,pctb_d_telecom,pctb_d_info_access
TOTAL,,all,21,17,80.95,34.31,0.2778,28.57,19.05,19.05,19.05,0.00,0.00,23.81,23.81,76.19,47.62,52.38,52.38,28.57,19.05,19.05,19.05,0.00,0.00,23.81,23.81,61.90,33.33,52.38,52.38,0.0238,0.0159,0.0159,0.0159,0.0000,0.0000,0.0198,0.0198,0.0516,0.0278,0.0437,0.0437,8.57,5.71,5.71,5.71,0.00,0.00,7.14,7.14,18.57,10.00,15.71,15.71
