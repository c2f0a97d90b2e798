/*
 * sql_me_capacity.h - the tables of capacity building (training classes, participants, study tours, conferences) and inspections (missions, findings, recommendations), part of migration step 3
 * (migrate.c). Layer: store, private.
 *
 * A string of SQL statements, each ending with ';'. Conventions of the
 * schema as in migrate.c (codes TEXT, dates ISO TEXT, money INTEGER đồng).
 *
 * Training (DA7.1): a class, study tour or conference (training_classes)
 * is organised by a unit ('*' for the central level); people
 * (training_persons) are registered once and attend many classes
 * (training_attendance: person x class), so distinct people are counted,
 * not only attendances. training_staff holds how many poverty-reduction
 * staff a unit itself has in a year (the denominator of the share
 * trained), entered by officers.
 *
 * Inspections (kiểm tra, giám sát): a mission (inspection_missions) by an
 * inspecting unit over the units it inspected (inspection_units), with
 * findings (inspection_findings) and recommendations
 * (inspection_recommendations), each with the unit responsible, a due
 * date and a status; evidence of resolution is a note and optionally one
 * small file kept in the database (inspection_evidence).
 */
#ifndef GN_SQL_ME_CAPACITY_H
#define GN_SQL_ME_CAPACITY_H

#define ME_CAPACITY_SQL \
	"CREATE TABLE training_persons(" \
	"  id INTEGER PRIMARY KEY," \
	"  full_name TEXT NOT NULL," \
	"  name_fold TEXT NOT NULL,"           /* text_fold: search, duplicates */ \
	"  sort_key BLOB NOT NULL DEFAULT x''," /* text_vn_sortkey: name order */ \
	"  sex TEXT NOT NULL CHECK(sex IN ('M', 'F'))," \
	"  birth_year INTEGER NOT NULL DEFAULT 0," /* 0: not given */ \
	"  unit_code TEXT NOT NULL," \
	"  position TEXT NOT NULL DEFAULT ''," /* chức danh: 'trưởng thôn'... */ \
	"  staff INTEGER NOT NULL DEFAULT 0,"  /* poverty-reduction staff */ \
	"  created_by INTEGER NOT NULL DEFAULT 0," \
	"  updated_at INTEGER NOT NULL DEFAULT 0" \
	");" \
	"CREATE UNIQUE INDEX training_persons_key ON training_persons(unit_code, name_fold, birth_year);" \
	"CREATE INDEX training_persons_fold ON training_persons(name_fold);" \
	"CREATE TABLE training_classes(" \
	"  id INTEGER PRIMARY KEY," \
	"  kind TEXT NOT NULL CHECK(kind IN ('training', 'study_tour', 'conference'))," \
	"  title TEXT NOT NULL," \
	"  unit_code TEXT NOT NULL,"           /* organiser; '*': central */ \
	"  level TEXT NOT NULL CHECK(level IN ('commune', 'district', 'province', 'central'))," \
	"  place TEXT NOT NULL DEFAULT ''," \
	"  start_date TEXT NOT NULL," \
	"  end_date TEXT NOT NULL," \
	"  half_days INTEGER NOT NULL CHECK(half_days > 0)," /* days x 2 */ \
	"  topics TEXT NOT NULL DEFAULT ''," \
	"  project TEXT NOT NULL DEFAULT 'DA7.1'," \
	"  funding INTEGER,"                   /* đồng; NULL: not given */ \
	"  created_by INTEGER NOT NULL DEFAULT 0," \
	"  updated_at INTEGER NOT NULL DEFAULT 0," \
	"  CHECK(end_date >= start_date)" \
	");" \
	"CREATE INDEX training_classes_start ON training_classes(start_date);" \
	"CREATE TABLE training_attendance(" \
	"  class_id INTEGER NOT NULL REFERENCES training_classes(id) ON DELETE CASCADE," \
	"  person_id INTEGER NOT NULL REFERENCES training_persons(id)," \
	"  PRIMARY KEY(class_id, person_id)" \
	") WITHOUT ROWID;" \
	"CREATE INDEX training_attendance_person ON training_attendance(person_id);" \
	"CREATE TABLE training_staff(" \
	"  unit_code TEXT NOT NULL," \
	"  year INTEGER NOT NULL," \
	"  staff INTEGER NOT NULL CHECK(staff >= 0)," \
	"  PRIMARY KEY(unit_code, year)" \
	") WITHOUT ROWID;" \
	"CREATE TABLE inspection_missions(" \
	"  id INTEGER PRIMARY KEY," \
	"  kind TEXT NOT NULL CHECK(kind IN ('inspection', 'monitoring', 'joint'))," \
	"  name TEXT NOT NULL," \
	"  decision_no TEXT NOT NULL DEFAULT ''," \
	"  unit_code TEXT NOT NULL,"           /* inspecting unit; '*': central */ \
	"  start_date TEXT NOT NULL," \
	"  end_date TEXT NOT NULL," \
	"  team TEXT NOT NULL DEFAULT ''," \
	"  project TEXT NOT NULL DEFAULT 'DA7.2'," \
	"  report_date TEXT NOT NULL DEFAULT ''," /* report submitted on; '': not yet */ \
	"  created_by INTEGER NOT NULL DEFAULT 0," \
	"  updated_at INTEGER NOT NULL DEFAULT 0," \
	"  CHECK(end_date >= start_date)" \
	");" \
	"CREATE INDEX inspection_missions_start ON inspection_missions(start_date);" \
	"CREATE TABLE inspection_units(" \
	"  mission_id INTEGER NOT NULL REFERENCES inspection_missions(id) ON DELETE CASCADE," \
	"  unit_code TEXT NOT NULL," \
	"  PRIMARY KEY(mission_id, unit_code)" \
	") WITHOUT ROWID;" \
	"CREATE INDEX inspection_units_unit ON inspection_units(unit_code);" \
	"CREATE TABLE inspection_findings(" \
	"  id INTEGER PRIMARY KEY," \
	"  mission_id INTEGER NOT NULL REFERENCES inspection_missions(id) ON DELETE CASCADE," \
	"  unit_code TEXT NOT NULL DEFAULT ''," /* the inspected unit it concerns; '': all */ \
	"  text TEXT NOT NULL" \
	");" \
	"CREATE INDEX inspection_findings_mission ON inspection_findings(mission_id, id);" \
	"CREATE TABLE inspection_recommendations(" \
	"  id INTEGER PRIMARY KEY," \
	"  mission_id INTEGER NOT NULL REFERENCES inspection_missions(id) ON DELETE CASCADE," \
	"  text TEXT NOT NULL," \
	"  unit_code TEXT NOT NULL,"           /* the unit responsible */ \
	"  due_date TEXT NOT NULL," \
	"  status TEXT NOT NULL DEFAULT 'open'" \
	"    CHECK(status IN ('open', 'in_progress', 'resolved'))," \
	"  resolved_date TEXT NOT NULL DEFAULT ''," \
	"  evidence TEXT NOT NULL DEFAULT ''," \
	"  created_by INTEGER NOT NULL DEFAULT 0," \
	"  updated_at INTEGER NOT NULL DEFAULT 0" \
	");" \
	"CREATE INDEX inspection_recommendations_mission ON inspection_recommendations(mission_id, id);" \
	"CREATE INDEX inspection_recommendations_unit ON inspection_recommendations(unit_code, status);" \
	"CREATE TABLE inspection_evidence(" \
	"  recommendation_id INTEGER PRIMARY KEY" \
	"    REFERENCES inspection_recommendations(id) ON DELETE CASCADE," \
	"  filename TEXT NOT NULL," \
	"  content_type TEXT NOT NULL," \
	"  data BLOB NOT NULL," \
	"  uploaded_by INTEGER NOT NULL DEFAULT 0," \
	"  uploaded_at INTEGER NOT NULL DEFAULT 0" \
	");"

#endif
