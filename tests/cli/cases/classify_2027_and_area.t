# 2027 rows use the 2027-2030 standard: line 2,200,000 rural, 2,800,000 urban;
# d_telecom/d_info_access are ignored, d_waste/d_digital count. P1 2027: rural,
# income 2,100,000, flags water+waste+digital = 3 -> POOR (telecom set but ignored).
# P2 2027: urban by its area column although the commune is a xa, income
# 2,700,000 <= 2,800,000 with 2 flags -> NEAR_POOR. P3: village V1 takes the
# area of its commune 00004 (phuong, urban): 2,500,000 <= 3,000,000 band of 2026
# (line 2,000,000) -> AVERAGE. P1 2026: rural 1,400,000 with telecom+info+water
# = 3 -> POOR; so P1 2027 is remain_poor.
$ gnbv classify --units units.csv --households households.csv
? 0
--- units.csv
code,name,level,parent_code,type,urban,valid_from,valid_to
01,Thành phố Hà Nội,province,,thanh_pho,,,
00004,Phường Ba Đình,commune,01,phuong,,,
00277,Xã Sóc Sơn,commune,01,xa,,,
V1,Thôn 1,village,00004,thon,,,
--- households.csv
household_id,year,unit_code,members,income,score_a,d_employment,d_dependents,d_nutrition,d_health_insurance,d_adult_education,d_child_schooling,d_housing_quality,d_housing_area,d_water,d_sanitation,d_telecom,d_info_access,d_waste,d_digital,area
P1,2026,00277,3,1400000,,0,0,0,0,0,0,0,0,1,0,1,1,,,
P1,2027,00277,3,2100000,,0,0,0,0,0,0,0,0,1,0,1,0,1,1,
P2,2027,00277,3,2.700.000,,0,0,0,0,0,0,0,0,0,0,0,0,1,1,urban
P3,2026,V1,2,2500000,,0,0,0,0,0,0,0,0,0,0,0,0,,,
--- stdout
household_id,year,class,deprivations,transition
P1,2026,POOR,3,new_poor
P1,2027,POOR,3,remain_poor
P2,2027,NEAR_POOR,2,new_near
P3,2026,AVERAGE,0,none
