# gnbv init creates the database and reports its schema version.
$ gnbv init --db t.db
--- stdout
--- stderr~
t.db: schema version 3
