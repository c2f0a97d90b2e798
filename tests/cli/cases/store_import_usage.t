# import needs KIND and FILE.
$ gnbv import units
? 2
--- stderr~
gnbv import: missing argument KIND FILE
