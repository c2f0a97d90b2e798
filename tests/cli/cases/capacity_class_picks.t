# A person registered at an earlier class is picked, whatever the marks and
# the case: listed twice under two spellings, the second is refused with
# the line of the first, and nothing of the second class is written.
$ gnbv init --db t.db
$ gnbv import units units.csv --db t.db
$ gnbv capacity class p.csv --unit 00001 --title "Lớp 1" --start 2025-03-10 --db t.db
$ gnbv capacity class p2.csv --unit 00001 --kind conference --title "Hội nghị" --start 2025-06-02 --days 0.5 --db t.db
? 2
--- units.csv
code,name,level,parent_code,type,urban,valid_from,valid_to
01,Tỉnh Thử,province,,tinh,,,
00001,Xã An,commune,01,xa,,,
00002,Xã Bình,commune,01,xa,,,
V001,Thôn Một,village,00001,thon,,,
--- p.csv
full_name,sex,birth_year,unit_code
Lò Thị Mai,F,1985,00001
--- p2.csv
full_name,sex,unit_code
LO THI MAI,F,00001
Đinh Văn Mới,M,00001
Lò Thị Mai,F,00001
--- stderr~
p2.csv:4: column full_name: the same person as on line 2
