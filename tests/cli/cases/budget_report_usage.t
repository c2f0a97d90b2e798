# gnbv report budget needs a unit, a year and an output.
$ gnbv report budget --year 2023
? 2
--- stderr~
gnbv report: --unit CODE, --year Y and -o FILE are required
