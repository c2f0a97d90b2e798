/*
 * sql_me_plans.h - the tables of plans, activities, declared funding and budget lines (budget.csv), part of migration step 3
 * (migrate.c). Layer: store, private.
 *
 * A string of SQL statements, each ending with ';'. Conventions of the
 * schema as in migrate.c (codes TEXT, dates ISO TEXT, money INTEGER đồng).
 *
 * plan_plans: a plan (kế hoạch) issued by a unit: its number
 * ("32/KH-UBND"), date, years, texts; ref is "NUMBER YEAR-OF-DATE", the
 * plan column of budget.csv, unique per issuing unit (every People's
 * Committee numbers its own documents). Its lists (numeric targets,
 * activities, declared funding by project and year with parts by source
 * and capital type) hang under it in order (seq). budget_lines: the lines
 * of budget.csv, allocations keyed by (plan_ref, unit, year, project,
 * source, capital), disbursements by the same and their date (key_date is
 * '' for an allocation, its date for a disbursement); plan_ref is the
 * text of the file, whether or not the plan is stored.
 */
#ifndef GN_SQL_ME_PLANS_H
#define GN_SQL_ME_PLANS_H

#define ME_PLANS_SQL \
	"CREATE TABLE plan_plans(" \
	"  id INTEGER PRIMARY KEY," \
	"  unit_code TEXT NOT NULL," \
	"  issuer TEXT NOT NULL DEFAULT ''," \
	"  number TEXT NOT NULL," \
	"  date TEXT NOT NULL," \
	"  ref TEXT NOT NULL," \
	"  year_from INTEGER NOT NULL," \
	"  year_to INTEGER NOT NULL," \
	"  title TEXT NOT NULL DEFAULT ''," \
	"  legal_basis TEXT NOT NULL DEFAULT ''," \
	"  objectives TEXT NOT NULL DEFAULT ''," \
	"  created_by INTEGER NOT NULL DEFAULT 0," \
	"  created_at INTEGER NOT NULL DEFAULT 0," \
	"  updated_by INTEGER NOT NULL DEFAULT 0," \
	"  updated_at INTEGER NOT NULL DEFAULT 0," \
	"  CHECK(year_from <= year_to)" \
	");" \
	"CREATE UNIQUE INDEX plan_plans_ref ON plan_plans(unit_code, ref);" \
	"CREATE INDEX plan_plans_refs ON plan_plans(ref);" \
	"CREATE TABLE plan_targets(" \
	"  plan_id INTEGER NOT NULL REFERENCES plan_plans(id) ON DELETE CASCADE," \
	"  seq INTEGER NOT NULL," \
	"  text TEXT NOT NULL," \
	"  value INTEGER," /* hundredths; NULL: a target without a number */ \
	"  measure TEXT NOT NULL DEFAULT ''," \
	"  PRIMARY KEY(plan_id, seq)" \
	") WITHOUT ROWID;" \
	"CREATE TABLE plan_activities(" \
	"  plan_id INTEGER NOT NULL REFERENCES plan_plans(id) ON DELETE CASCADE," \
	"  seq INTEGER NOT NULL," \
	"  project TEXT NOT NULL," \
	"  name TEXT NOT NULL," \
	"  lead_unit TEXT NOT NULL DEFAULT ''," \
	"  coordinating_units TEXT NOT NULL DEFAULT ''," \
	"  place TEXT NOT NULL DEFAULT ''," \
	"  time_from TEXT NOT NULL DEFAULT ''," /* "2023Q2" */ \
	"  time_to TEXT NOT NULL DEFAULT ''," \
	"  beneficiaries TEXT NOT NULL DEFAULT ''," \
	"  PRIMARY KEY(plan_id, seq)" \
	") WITHOUT ROWID;" \
	"CREATE TABLE plan_funding(" \
	"  plan_id INTEGER NOT NULL REFERENCES plan_plans(id) ON DELETE CASCADE," \
	"  seq INTEGER NOT NULL," \
	"  project TEXT NOT NULL," \
	"  year INTEGER NOT NULL," \
	"  total INTEGER NOT NULL," \
	"  PRIMARY KEY(plan_id, seq)," \
	"  UNIQUE(plan_id, project, year)" \
	");" \
	"CREATE TABLE plan_funding_parts(" \
	"  plan_id INTEGER NOT NULL REFERENCES plan_plans(id) ON DELETE CASCADE," \
	"  funding_seq INTEGER NOT NULL," \
	"  seq INTEGER NOT NULL," \
	"  source TEXT NOT NULL," \
	"  capital TEXT NOT NULL," \
	"  amount INTEGER NOT NULL," \
	"  carried_over INTEGER NOT NULL DEFAULT 0," \
	"  PRIMARY KEY(plan_id, funding_seq, seq)" \
	") WITHOUT ROWID;" \
	"CREATE TABLE budget_lines(" \
	"  id INTEGER PRIMARY KEY," \
	"  plan_ref TEXT NOT NULL," \
	"  unit_code TEXT NOT NULL," \
	"  year INTEGER NOT NULL," \
	"  project TEXT NOT NULL," \
	"  source TEXT NOT NULL," \
	"  capital TEXT NOT NULL," \
	"  kind TEXT NOT NULL CHECK(kind IN ('allocated', 'disbursed'))," \
	"  key_date TEXT NOT NULL DEFAULT ''," \
	"  date TEXT NOT NULL DEFAULT ''," \
	"  amount INTEGER NOT NULL CHECK(amount >= 0)," \
	"  carried_over INTEGER NOT NULL DEFAULT 0 CHECK(carried_over BETWEEN 0 AND amount)," \
	"  updated_by INTEGER NOT NULL DEFAULT 0," \
	"  updated_at INTEGER NOT NULL DEFAULT 0," \
	"  CHECK((kind = 'allocated' AND key_date = '') OR" \
	"        (kind = 'disbursed' AND key_date = date AND date <> ''))" \
	");" \
	"CREATE UNIQUE INDEX budget_lines_key ON budget_lines(plan_ref, unit_code, year, project," \
	"  source, capital, kind, key_date);" \
	"CREATE INDEX budget_lines_year ON budget_lines(year, unit_code);"

#endif
