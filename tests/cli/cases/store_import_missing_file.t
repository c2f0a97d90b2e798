# A file that cannot be read is bad input, reported before the database is opened.
$ gnbv import households nofile.csv --db none.db
? 2
--- stderr~
nofile.csv: cannot open: No such file or directory
