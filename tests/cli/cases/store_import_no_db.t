# Importing into a database that does not exist is refused: run gnbv init.
$ gnbv import units units.csv --db none.db
? 2
--- units.csv
code,name,level,parent_code
14,Tỉnh Sơn La,province,
--- stderr~
none.db: cannot open the database: unable to open database file (create it with gnbv init)
