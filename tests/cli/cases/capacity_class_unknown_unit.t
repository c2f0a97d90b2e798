# People of a unit the database does not have: refused with their line.
$ gnbv init --db t.db
$ gnbv import units units.csv --db t.db
$ gnbv capacity class p.csv --unit 00001 --title "Lớp" --start 2025-03-10 --db t.db
? 2
--- units.csv
code,name,level,parent_code,type,urban,valid_from,valid_to
01,Tỉnh Thử,province,,tinh,,,
00001,Xã An,commune,01,xa,,,
00002,Xã Bình,commune,01,xa,,,
V001,Thôn Một,village,00001,thon,,,
--- p.csv
full_name,sex,unit_code
Lò Thị Mai,F,00001
Hà Văn Ba,M,99999
--- stderr~
p.csv:3: column unit_code: not a unit you may enter people for: "99999"
