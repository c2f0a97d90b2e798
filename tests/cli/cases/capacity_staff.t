# A unit's own count of poverty-reduction staff for a year.
$ gnbv init --db t.db
$ gnbv import units units.csv --db t.db
$ gnbv capacity staff --unit 00001 --year 2025 --staff 4 --db t.db
--- units.csv
code,name,level,parent_code,type,urban,valid_from,valid_to
01,Tỉnh Thử,province,,tinh,,,
00001,Xã An,commune,01,xa,,,
00002,Xã Bình,commune,01,xa,,,
V001,Thôn Một,village,00001,thon,,,
--- stdout
staff 00001 2025: 4
