# The decision annex reads the database: none there, exit 2 and nothing written.
$ gnbv report decision-annex --unit 00001 --year 2025 --db nosuch.db --format xlsx -o annex.xlsx
? 2
--- stderr~
nosuch.db: cannot open the database: unable to open database file (create it with gnbv init)
