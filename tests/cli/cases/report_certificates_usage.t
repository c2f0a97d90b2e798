# The certificates need a unit, a year and an output file.
$ gnbv report certificates --year 2025 -o x.pdf
? 2
--- stderr~
gnbv report: --unit CODE, --year Y and -o FILE are required
