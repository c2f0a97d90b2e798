# A training class with its participants list: the class is recorded with
# the length of its dates, three people registered.
$ gnbv init --db t.db
$ gnbv import units units.csv --db t.db
$ gnbv capacity class p.csv --unit 00001 --title "Tập huấn nghiệp vụ giảm nghèo" --start 10/03/2025 --end 2025-03-11 --place "Hội trường xã" --funding 12.500.000 --db t.db
--- units.csv
code,name,level,parent_code,type,urban,valid_from,valid_to
01,Tỉnh Thử,province,,tinh,,,
00001,Xã An,commune,01,xa,,,
00002,Xã Bình,commune,01,xa,,,
V001,Thôn Một,village,00001,thon,,,
--- p.csv
full_name,sex,birth_year,unit_code,position,staff
Lò Thị Mai,Nữ,1985,00001,cán bộ giảm nghèo xã,có
Quàng Văn Sáu,Nam,,V001,trưởng thôn,có
"Đinh Thị Hoa",F,1990,00001,cộng tác viên,0
--- stdout
class 1: training, 2025-03-10 to 2025-03-11, participants: 3
