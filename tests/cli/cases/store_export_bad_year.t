# --year is a year.
$ gnbv export households --year 123
? 2
--- stderr~
gnbv export: --year: expected a whole number from 1900 to 2199, got "123"
