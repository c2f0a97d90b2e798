# gnbv af --from: the change from 2023 to 2024, TOTAL only.
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
# 2024 TOTAL as in af_commune_area.t: H 2/3, A 1/3, M0 2/9.
# 2023: n = 4 (A1 A2 B1 B2), q = 2 (A1 5/12, A2 3/12), S = 8/12:
#   H0 = 1/2 = 50.00; A0 = (8/12)/2 = 1/3 = 33.33; M0_0 = (8/12)/4 = 1/6 = 0.1667.
# M0: 2/9 - 1/6 = 1/18 = 0.0556; relative (1/18)/(1/6) = 1/3 = 33.33%.
# H: 2/3 - 1/2 = 1/6 = 16.67 points; relative 1/3 = 33.33%.
# A: unchanged: 0.00 and 0.00%.
$ gnbv af --units units.csv --households households.csv --year 2024 --from 2023
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
unit_code,unit_name,group,n,q,H,A,M0,hd_d_employment,hd_d_dependents,hd_d_nutrition,hd_d_health_insurance,hd_d_adult_education,hd_d_child_schooling,hd_d_housing_quality,hd_d_housing_area,hd_d_water,hd_d_sanitation,hd_d_telecom,hd_d_info_access,hdk_d_employment,hdk_d_dependents,hdk_d_nutrition,hdk_d_health_insurance,hdk_d_adult_education,hdk_d_child_schooling,hdk_d_housing_quality,hdk_d_housing_area,hdk_d_water,hdk_d_sanitation,hdk_d_telecom,hdk_d_info_access,actb_d_employment,actb_d_dependents,actb_d_nutrition,actb_d_health_insurance,actb_d_adult_education,actb_d_child_schooling,actb_d_housing_quality,actb_d_housing_area,actb_d_water,actb_d_sanitation,actb_d_telecom,actb_d_info_access,pctb_d_employment,pctb_d_dependents,pctb_d_nutrition,pctb_d_health_insurance,pctb_d_adult_education,pctb_d_child_schooling,pctb_d_housing_quality,pctb_d_housing_area,pctb_d_water,pctb_d_sanitation,pctb_d_telecom,pctb_d_info_access,n_from,M0_from,H_from,A_from,M0_abs,M0_rel,H_abs,H_rel,A_abs,A_rel
TOTAL,,all,6,4,66.67,33.33,0.2222,33.33,16.67,16.67,16.67,0.00,0.00,16.67,16.67,66.67,50.00,33.33,33.33,33.33,16.67,16.67,16.67,0.00,0.00,16.67,16.67,50.00,33.33,33.33,33.33,0.0278,0.0139,0.0139,0.0139,0.0000,0.0000,0.0139,0.0139,0.0417,0.0278,0.0278,0.0278,12.50,6.25,6.25,6.25,0.00,0.00,6.25,6.25,18.75,12.50,12.50,12.50,4,0.1667,50.00,33.33,0.0556,33.33,16.67,33.33,0.00,0.00
