# Exporting from a database that does not exist writes nothing.
$ gnbv export units --db none.db
? 2
--- stderr~
none.db: cannot open the database: unable to open database file (create it with gnbv init)
