# A monitoring mission with its recommendations; its report is due 15
# working days after Friday 25/4/2025: Saturday 26/4 is worked, 30/4, 1/5
# and 2/5 are off (data/holidays/vn.csv), so Tuesday 20/5/2025.
$ gnbv init --db t.db
$ gnbv import units units.csv --db t.db
$ gnbv capacity mission r.csv --unit 01 --kind monitoring --name "Giám sát Dự án 7" --decision 45/QĐ-UBND --start 2025-04-21 --end 25/04/2025 --units 00001,00002 --db t.db
--- units.csv
code,name,level,parent_code,type,urban,valid_from,valid_to
01,Tỉnh Thử,province,,tinh,,,
00001,Xã An,commune,01,xa,,,
00002,Xã Bình,commune,01,xa,,,
V001,Thôn Một,village,00001,thon,,,
--- r.csv
unit_code,due_date,text
00001,30/06/2025,Bổ sung biên bản họp thôn
00002,2025-07-31,"Đẩy nhanh giải ngân, báo cáo kết quả"
--- stdout
mission 1: 2 units, 2 recommendations, report due 2025-05-20
