# Exporting from a database that does not exist is refused.
$ gnbv export budget --db none.db
? 2
--- stderr~
none.db: cannot open the database
