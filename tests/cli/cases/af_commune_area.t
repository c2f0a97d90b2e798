# gnbv af --level commune --by area: one hand-checked table.
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
# Worked by hand (n, q households; score S = sum of c over the poor, in 12ths):
#   TOTAL all: n = 6, q = 4 (A1 A3 A4 B2), S = 4+3+6+3 = 16/12.
#     H = 4/6 = 66.67%; A = (16/12)/4 = 1/3 = 33.33%; M0 = (16/12)/6 = 2/9
#     = 0.2222 = H x A. hd: water A2 A3 A4 B2 = 4/6 = 66.67, sanitation A2 A3
#     A4 = 3/6 = 50.00, employment A1 A3 = 33.33; hdk: water A3 A4 B2 = 3/6 =
#     50.00, sanitation A3 A4 = 33.33 (A2 is not poor). actb = hdk/12: 1/6 ->
#     1/72 = 0.0139, 2/6 -> 1/36 = 0.0278, 3/6 -> 1/24 = 0.0417. pctb =
#     (poor deprived in j) / 16: employment 2/16 = 12.50, dependents 1/16 =
#     6.25, water 3/16 = 18.75; they sum to 16/16 = 100.
#   Decomposition by commune: 2/6 x M0(00004) + 4/6 x M0(00277)
#     = 2/6 x 1/8 + 4/6 x 13/48 = 3/72 + 13/72 = 16/72 = 2/9.
#   By area: 3/6 x M0(rural) + 3/6 x M0(urban) = 1/2 x 7/36 + 1/2 x 9/36 = 2/9.
#   00004: n 2, q 1 (B2, c = 3/12): H 50.00, A 25.00, M0 1/8 = 0.1250; pctb of
#     water, telecom, info_access 1/3 each = 33.33. No rural row (n = 0).
#   00277 (A1 A2 A3 A4, A2 carried from 00275): n 4, q 3, S = 13/12: H 75.00,
#     A 13/36 = 36.11, M0 13/48 = 0.2708; pctb employment 2/13 = 15.38, a
#     single poor deprivation 1/13 = 7.69.
#   00277 rural (A1 A2 A3): q 2, S 7/12: H 66.67, A 7/24 = 29.17, M0 7/36 =
#     0.1944; pctb employment 2/7 = 28.57, others 1/7 = 14.29.
#   00277 urban (A4): H 100, A 50.00, M0 0.5000, pctb 1/6 = 16.67 each.
#   00280 has no household: zeros. TOTAL urban (A4 B1 B2): q 2, S 9/12:
#     H 66.67, A 9/24 = 37.50, M0 9/36 = 0.2500.
$ gnbv af --units units.csv --lineage lineage.csv --households households.csv --year 2024 --level commune --by area
? 0
--- units.csv
code,name,level,parent_code,type,urban,valid_from,valid_to
01,Thành phố Hà Nội,province,,thanh_pho,,,
00004,Phường Ba Đình,commune,01,phuong,,,
00275,Xã Phù Linh,commune,01,xa,,,2023-12-31
00277,Xã Sóc Sơn,commune,01,xa,,,
00280,Xã Minh Trí,commune,01,xa,,,
--- lineage.csv
old_code,new_code,date
00275,00277,2024-01-01
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
00004,Phường Ba Đình,all,2,1,50.00,25.00,0.1250,0.00,0.00,0.00,0.00,0.00,0.00,0.00,0.00,50.00,0.00,50.00,50.00,0.00,0.00,0.00,0.00,0.00,0.00,0.00,0.00,50.00,0.00,50.00,50.00,0.0000,0.0000,0.0000,0.0000,0.0000,0.0000,0.0000,0.0000,0.0417,0.0000,0.0417,0.0417,0.00,0.00,0.00,0.00,0.00,0.00,0.00,0.00,33.33,0.00,33.33,33.33
00004,Phường Ba Đình,urban,2,1,50.00,25.00,0.1250,0.00,0.00,0.00,0.00,0.00,0.00,0.00,0.00,50.00,0.00,50.00,50.00,0.00,0.00,0.00,0.00,0.00,0.00,0.00,0.00,50.00,0.00,50.00,50.00,0.0000,0.0000,0.0000,0.0000,0.0000,0.0000,0.0000,0.0000,0.0417,0.0000,0.0417,0.0417,0.00,0.00,0.00,0.00,0.00,0.00,0.00,0.00,33.33,0.00,33.33,33.33
00277,Xã Sóc Sơn,all,4,3,75.00,36.11,0.2708,50.00,25.00,25.00,25.00,0.00,0.00,25.00,25.00,75.00,75.00,25.00,25.00,50.00,25.00,25.00,25.00,0.00,0.00,25.00,25.00,50.00,50.00,25.00,25.00,0.0417,0.0208,0.0208,0.0208,0.0000,0.0000,0.0208,0.0208,0.0417,0.0417,0.0208,0.0208,15.38,7.69,7.69,7.69,0.00,0.00,7.69,7.69,15.38,15.38,7.69,7.69
00277,Xã Sóc Sơn,rural,3,2,66.67,29.17,0.1944,66.67,33.33,33.33,33.33,0.00,0.00,0.00,0.00,66.67,66.67,0.00,0.00,66.67,33.33,33.33,33.33,0.00,0.00,0.00,0.00,33.33,33.33,0.00,0.00,0.0556,0.0278,0.0278,0.0278,0.0000,0.0000,0.0000,0.0000,0.0278,0.0278,0.0000,0.0000,28.57,14.29,14.29,14.29,0.00,0.00,0.00,0.00,14.29,14.29,0.00,0.00
00277,Xã Sóc Sơn,urban,1,1,100.00,50.00,0.5000,0.00,0.00,0.00,0.00,0.00,0.00,100.00,100.00,100.00,100.00,100.00,100.00,0.00,0.00,0.00,0.00,0.00,0.00,100.00,100.00,100.00,100.00,100.00,100.00,0.0000,0.0000,0.0000,0.0000,0.0000,0.0000,0.0833,0.0833,0.0833,0.0833,0.0833,0.0833,0.00,0.00,0.00,0.00,0.00,0.00,16.67,16.67,16.67,16.67,16.67,16.67
00280,Xã Minh Trí,all,0,0,0.00,0.00,0.0000,0.00,0.00,0.00,0.00,0.00,0.00,0.00,0.00,0.00,0.00,0.00,0.00,0.00,0.00,0.00,0.00,0.00,0.00,0.00,0.00,0.00,0.00,0.00,0.00,0.0000,0.0000,0.0000,0.0000,0.0000,0.0000,0.0000,0.0000,0.0000,0.0000,0.0000,0.0000,0.00,0.00,0.00,0.00,0.00,0.00,0.00,0.00,0.00,0.00,0.00,0.00
TOTAL,,all,6,4,66.67,33.33,0.2222,33.33,16.67,16.67,16.67,0.00,0.00,16.67,16.67,66.67,50.00,33.33,33.33,33.33,16.67,16.67,16.67,0.00,0.00,16.67,16.67,50.00,33.33,33.33,33.33,0.0278,0.0139,0.0139,0.0139,0.0000,0.0000,0.0139,0.0139,0.0417,0.0278,0.0278,0.0278,12.50,6.25,6.25,6.25,0.00,0.00,6.25,6.25,18.75,12.50,12.50,12.50
TOTAL,,rural,3,2,66.67,29.17,0.1944,66.67,33.33,33.33,33.33,0.00,0.00,0.00,0.00,66.67,66.67,0.00,0.00,66.67,33.33,33.33,33.33,0.00,0.00,0.00,0.00,33.33,33.33,0.00,0.00,0.0556,0.0278,0.0278,0.0278,0.0000,0.0000,0.0000,0.0000,0.0278,0.0278,0.0000,0.0000,28.57,14.29,14.29,14.29,0.00,0.00,0.00,0.00,14.29,14.29,0.00,0.00
TOTAL,,urban,3,2,66.67,37.50,0.2500,0.00,0.00,0.00,0.00,0.00,0.00,33.33,33.33,66.67,33.33,66.67,66.67,0.00,0.00,0.00,0.00,0.00,0.00,33.33,33.33,66.67,33.33,66.67,66.67,0.0000,0.0000,0.0000,0.0000,0.0000,0.0000,0.0278,0.0278,0.0556,0.0278,0.0556,0.0556,0.00,0.00,0.00,0.00,0.00,0.00,11.11,11.11,22.22,11.11,22.22,22.22
