# KIND is one of units, lineage, population, households.
$ gnbv import people units.csv
? 2
--- units.csv
code,name,level,parent_code
--- stderr~
gnbv import: KIND: expected units, lineage, population
got "people"
