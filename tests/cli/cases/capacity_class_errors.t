# Every error of a participants list, with its line and column; nothing is
# written.
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
full_name,sex,birth_year,unit_code,staff
,F,1985,00001,
Lò Thị Mai,X,1985,00001,
Lò Thị Mai,F,85,00001,maybe
Lò Thị Mai,F,1985,,
--- stderr~
p.csv:2: column full_name: the name is empty
p.csv:3: column sex: expected M, F, Nam or Nữ, got "X"
p.csv:4: column birth_year: expected a year (1900-2199) or nothing, got "85"
p.csv:4: column staff: expected 1 or 0 (có/không, x or nothing), got "maybe"
p.csv:5: column unit_code: expected a unit code, got ""
