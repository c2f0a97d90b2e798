/*
 * bench/duckdb/summary.c - the DuckDB peer of `gnbv summary` (formats.md 7.2)
 * for the benchmark in bench/run.sh.
 *
 *   summary UNITS.csv HOUSEHOLDS.csv POPULATION.csv YEAR LEVEL
 *   summary --scan HOUSEHOLDS.csv   (only reads the file: DuckDB's floor)
 *   summary --version
 *
 * writes the same CSV as `gnbv summary --year YEAR --level LEVEL` on the map
 * of 31 December of YEAR. Every rule is SQL run inside DuckDB; this file only
 * builds the statements, runs them one at a time (with several statements in
 * one duckdb_query only the first result comes back) and prints the lines
 * the last one composes.
 *
 * Built by bench/run.sh against the libduckdb.so of the npm package
 * @duckdb/node-bindings-linux-x64 (pulled in by @duckdb/node-api). The few C
 * API declarations needed are written out below, so no duckdb.h is needed.
 *
 * What it does, and does not, implement (a peer for timing, not a validator):
 * - the 2022-2025 standard only (years 2022-2026): income <= line (1,500,000
 *   rural, 2,000,000 urban) -> POOR with >= 3 deprivations, else NEAR_POOR;
 *   income <= 1.5 x line -> AVERAGE; a non-empty score_a replaces the income
 *   test (<= 140 rural, <= 175 urban, compared as an exact DECIMAL) and then
 *   AVERAGE is never reported. YEAR must be 2022..2026; only rows of years
 *   2022..YEAR are read (later rows cannot change the table).
 * - flags d_employment..d_info_access: set when 1, true, x or có (any case);
 *   0, false, không, empty or any other text count as not set.
 * - income: digits with optional '.' thousands separators (stripped).
 * - area: the row's `area` (urban/rural, any case); else the unit's `urban`;
 *   else its type (phuong, thi_tran urban); a village without its own
 *   `urban` takes its commune's. The unit version used is the one valid on
 *   31 December of the row's year (else the last one before, else the first,
 *   as gnbv does).
 * - transitions from each household's rows of earlier years.
 * - NO lineage: rows and population on a code with no version valid on the
 *   map date are left out (the benchmark year needs none).
 * - no validation: malformed input gives an SQL error or a wrong table.
 */
#include <stdarg.h>
#include <stdbool.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* ---- the DuckDB C API, declared by hand (duckdb.h, v1.x) ----------------- */

typedef uint64_t idx_t;
typedef enum { DuckDBSuccess = 0, DuckDBError = 1 } duckdb_state;
typedef struct _duckdb_database { void *internal_ptr; } *duckdb_database;
typedef struct _duckdb_connection { void *internal_ptr; } *duckdb_connection;
typedef struct {
	idx_t deprecated_column_count;
	idx_t deprecated_row_count;
	idx_t deprecated_rows_changed;
	void *deprecated_columns;
	char *deprecated_error_message;
	void *internal_data;
} duckdb_result;

duckdb_state duckdb_open(const char *path, duckdb_database *out_database);
duckdb_state duckdb_connect(duckdb_database database, duckdb_connection *out_connection);
duckdb_state duckdb_query(duckdb_connection connection, const char *query,
			  duckdb_result *out_result);
const char *duckdb_result_error(duckdb_result *result);
idx_t duckdb_row_count(duckdb_result *result);
idx_t duckdb_column_count(duckdb_result *result);
char *duckdb_value_varchar(duckdb_result *result, idx_t col, idx_t row);
void duckdb_destroy_result(duckdb_result *result);
void duckdb_disconnect(duckdb_connection *connection);
void duckdb_close(duckdb_database *database);
void duckdb_free(void *ptr);

/* ---- a small growable string ---------------------------------------------- */

typedef struct sbuf {
	char *p;
	size_t len, cap;
} sbuf;

static void sb_add(sbuf *b, const char *s, size_t n)
{
	if (b->len + n + 1 > b->cap) {
		size_t cap = b->cap ? b->cap : 1024;
		while (cap < b->len + n + 1)
			cap *= 2;
		char *p = realloc(b->p, cap);
		if (!p) {
			fputs("duckdb-summary: out of memory\n", stderr);
			exit(1);
		}
		b->p = p;
		b->cap = cap;
	}
	memcpy(b->p + b->len, s, n);
	b->len += n;
	b->p[b->len] = '\0';
}

static void sb_puts(sbuf *b, const char *s) { sb_add(b, s, strlen(s)); }

static void sb_printf(sbuf *b, const char *fmt, ...) __attribute__((format(printf, 2, 3)));
static void sb_printf(sbuf *b, const char *fmt, ...)
{
	va_list ap;
	va_start(ap, fmt);
	int n = vsnprintf(NULL, 0, fmt, ap);
	va_end(ap);
	if (n < 0)
		exit(1);
	char *tmp = malloc((size_t)n + 1);
	if (!tmp)
		exit(1);
	va_start(ap, fmt);
	vsnprintf(tmp, (size_t)n + 1, fmt, ap);
	va_end(ap);
	sb_add(b, tmp, (size_t)n);
	free(tmp);
}

/* An SQL string literal. */
static void sb_lit(sbuf *b, const char *s)
{
	sb_puts(b, "'");
	for (; *s; s++) {
		sb_add(b, s, 1);
		if (*s == '\'')
			sb_add(b, "'", 1); /* '' inside a literal */
	}
	sb_puts(b, "'");
}

/* ---- running statements ---------------------------------------------------- */

static duckdb_connection con;

static void die_sql(duckdb_result *r, const char *sql)
{
	const char *e = duckdb_result_error(r);
	fprintf(stderr, "duckdb-summary: %s\nin: %.400s\n", e ? e : "query failed", sql);
	exit(1);
}

/* Runs one statement; the caller destroys *r. */
static void run(const char *sql, duckdb_result *r)
{
	if (getenv("DUCKDB_SUMMARY_TRACE"))
		fprintf(stderr, "-- sql:\n%s;\n", sql);
	if (duckdb_query(con, sql, r) != DuckDBSuccess)
		die_sql(r, sql);
}

static void exec(const char *sql)
{
	duckdb_result r;
	run(sql, &r);
	duckdb_destroy_result(&r);
}

/* read_csv of a path with every column as VARCHAR (codes keep leading
 * zeros; empty cells become NULL). */
static void sb_read_csv(sbuf *b, const char *path)
{
	sb_puts(b, "read_csv(");
	sb_lit(b, path);
	sb_puts(b, ", header = true, all_varchar = true, delim = ',', quote = '\"', "
		   "escape = '\"', auto_detect = true)");
}

/* Lower-cased names of the columns of a CSV file, as one string
 * ",a,b,c," for simple membership tests. */
static char *csv_columns(const char *path)
{
	sbuf q = {0}, cols = {0};
	sb_puts(&q, "SELECT lower(column_name) FROM (DESCRIBE SELECT * FROM ");
	sb_read_csv(&q, path);
	sb_puts(&q, ")");
	duckdb_result r;
	run(q.p, &r);
	sb_puts(&cols, ",");
	for (idx_t i = 0; i < duckdb_row_count(&r); i++) {
		char *v = duckdb_value_varchar(&r, 0, i);
		sb_puts(&cols, v);
		sb_puts(&cols, ",");
		duckdb_free(v);
	}
	duckdb_destroy_result(&r);
	free(q.p);
	return cols.p;
}

static bool has_col(const char *cols, const char *name)
{
	size_t n = strlen(name);
	for (const char *p = strstr(cols, name); p; p = strstr(p + 1, name))
		if (p[-1] == ',' && p[n] == ',')
			return true;
	return false;
}

/* The column `name` if the file has it, else NULL. */
static void sb_col(sbuf *b, const char *cols, const char *name)
{
	if (has_col(cols, name))
		sb_printf(b, "\"%s\"", name);
	else
		sb_puts(b, "CAST(NULL AS VARCHAR)");
}

static const char *const flag_cols[12] = {
	"d_employment", "d_dependents", "d_nutrition", "d_health_insurance",
	"d_adult_education", "d_child_schooling", "d_housing_quality",
	"d_housing_area", "d_water", "d_sanitation", "d_telecom", "d_info_access",
};

static const char *const levels[] = {"country", "province", "district", "commune", "village"};

/* Prints DuckDB's version (for bench/RESULTS.md). */
static int print_version(void)
{
	duckdb_database db;
	duckdb_result r;
	if (duckdb_open(NULL, &db) != DuckDBSuccess || duckdb_connect(db, &con) != DuckDBSuccess)
		return 1;
	run("SELECT version()", &r);
	char *v = duckdb_value_varchar(&r, 0, 0);
	printf("%s\n", v ? v : "?");
	duckdb_free(v);
	duckdb_destroy_result(&r);
	duckdb_disconnect(&con);
	duckdb_close(&db);
	return 0;
}

/* Only reads a CSV file, as the summary reads households.csv, and prints
 * its row count: DuckDB's floor for the benchmark (bench/RESULTS.md). */
static int scan_only(const char *path)
{
	duckdb_database db;
	duckdb_result r;
	sbuf q = {0};
	if (duckdb_open(NULL, &db) != DuckDBSuccess || duckdb_connect(db, &con) != DuckDBSuccess)
		return 1;
	sb_puts(&q, "SELECT count(*) FROM ");
	sb_read_csv(&q, path);
	run(q.p, &r);
	char *v = duckdb_value_varchar(&r, 0, 0);
	printf("%s\n", v ? v : "?");
	duckdb_free(v);
	duckdb_destroy_result(&r);
	free(q.p);
	duckdb_disconnect(&con);
	duckdb_close(&db);
	return 0;
}

int main(int argc, char **argv)
{
	if (argc == 2 && strcmp(argv[1], "--version") == 0)
		return print_version();
	if (argc == 3 && strcmp(argv[1], "--scan") == 0)
		return scan_only(argv[2]);
	if (argc != 6) {
		fprintf(stderr, "usage: %s UNITS.csv HOUSEHOLDS.csv POPULATION.csv YEAR LEVEL\n",
			argv[0]);
		return 2;
	}
	const char *units = argv[1], *hh = argv[2], *pop = argv[3], *level = argv[5];
	char *end;
	long year = strtol(argv[4], &end, 10);
	if (*end || year < 2022 || year > 2026) {
		fprintf(stderr, "duckdb-summary: YEAR must be 2022..2026 (the 2022-2025 standard), got %s\n",
			argv[4]);
		return 2;
	}
	bool level_ok = false;
	for (size_t i = 0; i < sizeof levels / sizeof levels[0]; i++)
		level_ok |= strcmp(level, levels[i]) == 0;
	if (!level_ok) {
		fprintf(stderr, "duckdb-summary: bad LEVEL %s\n", level);
		return 2;
	}

	duckdb_database db;
	if (duckdb_open(NULL, &db) != DuckDBSuccess || duckdb_connect(db, &con) != DuckDBSuccess) {
		fputs("duckdb-summary: cannot open an in-memory database\n", stderr);
		return 1;
	}
	exec("SET preserve_insertion_order = false");

	/* A flag cell: 1/true/x/có set, anything else not. */
	exec("CREATE TEMP MACRO flag(v) AS CASE WHEN v IS NULL THEN 0 WHEN v = '1' THEN 1 "
	     "WHEN v = '0' THEN 0 WHEN lower(nfc_normalize(v)) IN ('true', 'x', 'có') THEN 1 "
	     "ELSE 0 END");
	/* A date: YYYY-MM-DD or DD/MM/YYYY; NULL when empty. */
	exec("CREATE TEMP MACRO pdate(s) AS CAST(coalesce(try_strptime(s, '%Y-%m-%d'), "
	     "try_strptime(s, '%d/%m/%Y')) AS DATE)");
	/* A CSV field, quoted only when it holds a comma, quote or line break. */
	exec("CREATE TEMP MACRO csvq(s) AS CASE WHEN regexp_matches(s, '[,\"\\r\\n]') "
	     "THEN '\"' || replace(s, '\"', '\"\"') || '\"' ELSE s END");
	/* 100 x c / n rounded half up to 2 decimals, exactly (integers). */
	exec("CREATE TEMP MACRO rate(c, n) AS CASE WHEN n > 0 THEN "
	     "CAST((CAST(c AS HUGEINT) * 20000 + n) // (2 * CAST(n AS HUGEINT)) // 100 AS VARCHAR) || '.' || "
	     "lpad(CAST((CAST(c AS HUGEINT) * 20000 + n) // (2 * CAST(n AS HUGEINT)) % 100 AS VARCHAR), 2, '0') "
	     "ELSE '0.00' END");

	sbuf q = {0};

	/* Units: every version, dates defaulted. */
	char *ucols = csv_columns(units);
	sb_puts(&q, "CREATE TEMP TABLE u AS SELECT code, nfc_normalize(coalesce(name, '')) AS name, "
		    "lower(level) AS level, parent_code AS parent, lower(");
	sb_col(&q, ucols, "type");
	sb_puts(&q, ") AS type, CASE WHEN coalesce(");
	sb_col(&q, ucols, "urban");
	sb_puts(&q, ", '') = '' THEN NULL ELSE flag(");
	sb_col(&q, ucols, "urban");
	sb_puts(&q, ") = 1 END AS urban, coalesce(pdate(");
	sb_col(&q, ucols, "valid_from");
	sb_puts(&q, "), DATE '0001-01-01') AS vfrom, coalesce(pdate(");
	sb_col(&q, ucols, "valid_to");
	sb_puts(&q, "), DATE '9999-12-31') AS vto FROM ");
	sb_read_csv(&q, units);
	exec(q.p);
	q.len = 0;
	free(ucols);

	/* The version of each code used for rows of each year: valid on
	 * 31 December, else the last before, else the first. */
	sb_printf(&q,
		  "CREATE TEMP TABLE nv AS SELECT y.year, u.* FROM u, "
		  "(SELECT CAST(range AS INTEGER) AS year FROM range(2022, %ld)) y "
		  "QUALIFY row_number() OVER (PARTITION BY u.code, y.year ORDER BY "
		  "(u.vfrom <= make_date(y.year, 12, 31) AND make_date(y.year, 12, 31) <= u.vto) DESC, "
		  "CASE WHEN u.vto < make_date(y.year, 12, 31) THEN u.vto END DESC NULLS LAST, "
		  "u.vfrom) = 1",
		  year + 1);
	exec(q.p);
	q.len = 0;

	/* Area of a unit in a year: its urban, else (village) its commune's,
	 * else its type. */
	exec("CREATE TEMP TABLE area AS SELECT n.code, n.year, "
	     "CASE WHEN n.urban IS NOT NULL THEN n.urban "
	     "WHEN n.level = 'village' AND p.code IS NOT NULL THEN "
	     "  CASE WHEN p.urban IS NOT NULL THEN p.urban "
	     "  ELSE coalesce(p.type IN ('phuong', 'thi_tran'), false) END "
	     "ELSE coalesce(n.type IN ('phuong', 'thi_tran'), false) END AS urban "
	     "FROM nv n LEFT JOIN nv p ON p.code = n.parent AND p.year = n.year");

	/* The map of 31 December of YEAR: each valid code's ancestor at LEVEL
	 * (itself when it is of LEVEL; a village goes up through its commune). */
	sb_printf(&q, "CREATE TEMP TABLE va AS SELECT code, name, level, parent FROM u "
		      "WHERE vfrom <= DATE '%ld-12-31' AND DATE '%ld-12-31' <= vto",
		  year, year);
	exec(q.p);
	q.len = 0;
	sb_printf(&q, "SELECT count(*) FROM va WHERE level = '%s'", level);
	{
		duckdb_result r;
		run(q.p, &r);
		char *v = duckdb_value_varchar(&r, 0, 0);
		bool none = v && strcmp(v, "0") == 0;
		duckdb_free(v);
		duckdb_destroy_result(&r);
		if (none) {
			fprintf(stderr, "duckdb-summary: no %s is valid on %ld-12-31\n", level, year);
			return 2;
		}
	}
	q.len = 0;
	sb_printf(&q,
		  "CREATE TEMP TABLE anc AS WITH RECURSIVE walk(code, cur, lvl, depth) AS ("
		  "SELECT code, code, level, 0 FROM va "
		  "UNION ALL SELECT w.code, p.code, p.level, w.depth + 1 FROM walk w "
		  "JOIN va c ON c.code = w.cur JOIN va p ON p.code = c.parent "
		  "WHERE w.lvl <> '%s' AND w.depth < 8) "
		  "SELECT code, cur AS anc FROM walk WHERE lvl = '%s'",
		  level, level);
	exec(q.p);
	q.len = 0;

	/* Households: classify rows of 2022..YEAR, keep the rows of YEAR and the
	 * poor / near-poor rows before it, one group per household. cls: 3 POOR,
	 * 2 NEAR_POOR, 1 AVERAGE, 0 NOT_POOR. */
	char *hcols = csv_columns(hh);
	sb_puts(&q, "CREATE TEMP TABLE byunit AS WITH r AS (SELECT household_id AS hid, "
		    "CAST(\"year\" AS INTEGER) AS year, unit_code, ");
	sb_puts(&q, "NULLIF(replace(");
	sb_col(&q, hcols, "income");
	sb_puts(&q, ", '.', ''), '') AS income, NULLIF(");
	sb_col(&q, hcols, "score_a");
	sb_puts(&q, ", '') AS score, lower(");
	sb_col(&q, hcols, "area");
	sb_puts(&q, ") AS rarea, (");
	for (int i = 0; i < 12; i++) {
		if (i)
			sb_puts(&q, " + ");
		sb_puts(&q, "flag(");
		sb_col(&q, hcols, flag_cols[i]);
		sb_puts(&q, ")");
	}
	sb_puts(&q, ") AS dep FROM ");
	sb_read_csv(&q, hh);
	sb_printf(&q, " WHERE CAST(\"year\" AS INTEGER) BETWEEN 2022 AND %ld), ", year);
	sb_puts(&q,
		"c AS (SELECT r.hid, r.year, r.unit_code, "
		"CASE WHEN r.rarea = 'urban' THEN true WHEN r.rarea = 'rural' THEN false "
		"ELSE coalesce(a.urban, false) END AS urb, r.income, r.score, r.dep "
		"FROM r LEFT JOIN area a ON a.code = r.unit_code AND a.year = r.year), "
		"k AS (SELECT hid, year, unit_code, CASE "
		"WHEN score IS NOT NULL THEN CASE "
		"  WHEN CAST(score AS DECIMAL(18, 4)) <= CASE WHEN urb THEN 175 ELSE 140 END "
		"  THEN CASE WHEN dep >= 3 THEN 3 ELSE 2 END ELSE 0 END "
		"WHEN CAST(income AS BIGINT) <= CASE WHEN urb THEN 2000000 ELSE 1500000 END "
		"  THEN CASE WHEN dep >= 3 THEN 3 ELSE 2 END "
		"WHEN CAST(income AS BIGINT) <= CASE WHEN urb THEN 3000000 ELSE 2250000 END THEN 1 "
		"ELSE 0 END AS cls FROM c), ");
	sb_printf(&q,
		  "h AS (SELECT hid, max(CASE WHEN year = %ld THEN cls END) AS cur, "
		  "max(CASE WHEN year = %ld THEN unit_code END) AS unit, "
		  "bool_or(year = %ld AND cls = 3) AS prev_poor, "
		  "bool_or(year = %ld AND cls = 2) AS prev_near, "
		  "bool_or(year < %ld AND cls = 3) AS earlier_poor "
		  "FROM k WHERE year = %ld OR cls >= 2 GROUP BY hid) ",
		  year, year, year - 1, year - 1, year - 1, year);
	sb_puts(&q,
		"SELECT unit, "
		"count(*) FILTER (WHERE cur = 3) AS poor, "
		"count(*) FILTER (WHERE cur = 2) AS near_poor, "
		"count(*) FILTER (WHERE cur = 3 AND NOT prev_poor AND NOT prev_near AND NOT earlier_poor) AS new_poor, "
		"count(*) FILTER (WHERE cur = 3 AND NOT prev_poor AND NOT prev_near AND earlier_poor) AS re_poor, "
		"count(*) FILTER (WHERE prev_poor AND cur <> 3) AS escaped_poor, "
		"count(*) FILTER (WHERE NOT prev_poor AND prev_near AND cur <= 1) AS escaped_near "
		"FROM h WHERE cur IS NOT NULL GROUP BY unit");
	exec(q.p);
	q.len = 0;
	free(hcols);

	/* Population of YEAR, per unit. */
	sb_puts(&q, "CREATE TEMP TABLE popu AS SELECT unit_code AS unit, "
		    "sum(CAST(households AS BIGINT)) AS households FROM ");
	sb_read_csv(&q, pop);
	sb_printf(&q, " WHERE CAST(\"year\" AS INTEGER) = %ld GROUP BY unit_code", year);
	exec(q.p);
	q.len = 0;

	/* Up to LEVEL, one line per unit of LEVEL, then TOTAL. */
	sb_printf(&q,
		  "WITH cnt AS (SELECT a.anc, sum(poor) AS poor, sum(near_poor) AS near_poor, "
		  "sum(new_poor) AS new_poor, sum(re_poor) AS re_poor, "
		  "sum(escaped_poor) AS escaped_poor, sum(escaped_near) AS escaped_near "
		  "FROM byunit b JOIN anc a ON a.code = b.unit GROUP BY a.anc), "
		  "ph AS (SELECT a.anc, sum(p.households) AS households FROM popu p "
		  "JOIN anc a ON a.code = p.unit GROUP BY a.anc), "
		  "t AS (SELECT v.code, v.name, CAST(coalesce(ph.households, 0) AS BIGINT) AS households, "
		  "CAST(coalesce(cnt.poor, 0) AS BIGINT) AS poor, "
		  "CAST(coalesce(cnt.near_poor, 0) AS BIGINT) AS near_poor, "
		  "CAST(coalesce(cnt.new_poor, 0) AS BIGINT) AS new_poor, "
		  "CAST(coalesce(cnt.re_poor, 0) AS BIGINT) AS re_poor, "
		  "CAST(coalesce(cnt.escaped_poor, 0) AS BIGINT) AS escaped_poor, "
		  "CAST(coalesce(cnt.escaped_near, 0) AS BIGINT) AS escaped_near "
		  "FROM va v LEFT JOIN cnt ON cnt.anc = v.code LEFT JOIN ph ON ph.anc = v.code "
		  "WHERE v.level = '%s'), "
		  "tot AS (SELECT 'TOTAL' AS code, '' AS name, "
		  "CAST(coalesce(sum(households), 0) AS BIGINT) AS households, "
		  "CAST(coalesce(sum(poor), 0) AS BIGINT) AS poor, "
		  "CAST(coalesce(sum(near_poor), 0) AS BIGINT) AS near_poor, "
		  "CAST(coalesce(sum(new_poor), 0) AS BIGINT) AS new_poor, "
		  "CAST(coalesce(sum(re_poor), 0) AS BIGINT) AS re_poor, "
		  "CAST(coalesce(sum(escaped_poor), 0) AS BIGINT) AS escaped_poor, "
		  "CAST(coalesce(sum(escaped_near), 0) AS BIGINT) AS escaped_near FROM t), "
		  "lines AS (SELECT 0 AS part, code, * EXCLUDE (code) FROM t "
		  "UNION ALL SELECT 1, code, * EXCLUDE (code) FROM tot) "
		  "SELECT csvq(code) || ',' || csvq(name) || ',' || households || ',' || poor || ',' || "
		  "near_poor || ',' || rate(poor, households) || ',' || rate(near_poor, households) || ',' || "
		  "new_poor || ',' || re_poor || ',' || escaped_poor || ',' || escaped_near "
		  "FROM lines ORDER BY part, code",
		  level);
	duckdb_result r;
	run(q.p, &r);
	free(q.p);

	sbuf out = {0};
	sb_puts(&out, "unit_code,unit_name,households,poor,near_poor,poor_rate,"
		      "near_poor_rate,new_poor,re_poor,escaped_poor,escaped_near\n");
	for (idx_t i = 0; i < duckdb_row_count(&r); i++) {
		char *v = duckdb_value_varchar(&r, 0, i);
		sb_puts(&out, v);
		sb_puts(&out, "\n");
		duckdb_free(v);
	}
	duckdb_destroy_result(&r);
	int status = 0;
	if (fwrite(out.p, 1, out.len, stdout) != out.len || fflush(stdout))
		status = 1;
	free(out.p);
	duckdb_disconnect(&con);
	duckdb_close(&db);
	return status;
}
