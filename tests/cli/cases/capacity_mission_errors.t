# Recommendations: a bad date, an unknown unit, a due date before the
# mission, an empty text; nothing is written.
$ gnbv init --db t.db
$ gnbv import units units.csv --db t.db
$ gnbv capacity mission r.csv --unit 01 --name "Kiểm tra" --start 2025-04-21 --end 2025-04-25 --units 00001 --db t.db
? 2
--- units.csv
code,name,level,parent_code,type,urban,valid_from,valid_to
01,Tỉnh Thử,province,,tinh,,,
00001,Xã An,commune,01,xa,,,
00002,Xã Bình,commune,01,xa,,,
V001,Thôn Một,village,00001,thon,,,
--- r.csv
unit_code,due_date,text
00001,31/02/2025,Bổ sung biên bản
99999,2025-07-31,Giải ngân
00001,2025-01-31,Quá sớm
00001,2025-07-31,
--- stderr~
r.csv:2: column due_date: expected a date (YYYY-MM-DD or DD/MM/YYYY), got "31/02/2025"
r.csv:5: column text: the text is empty or longer than 2000 bytes
