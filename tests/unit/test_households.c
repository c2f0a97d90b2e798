/* test_households.c - the households.csv reader: the fast path for plain
 * rows gives exactly what the general path gives, over rows made of every
 * spelling (valid and not) of every column; and the general path's rules. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <cmocka.h>

#include "core/buf.h"
#include "hh_compare.h"
#include "io/standard_file.h"
#include "io/units_file.h"

static const char units_csv[] =
	"code,name,level,parent_code,type,urban,valid_from,valid_to\n"
	"01,Tỉnh Một,province,,tinh,,,\n"
	"00001,Xã Một,commune,01,xa,,,\n"
	"00002,Phường Hai,commune,01,phuong,,,\n"
	"00003,Xã Ba,commune,01,xa,1,,\n"
	"0000301,Thôn Một,village,00003,thon,,,\n";

/* Candidate spellings per column: the fast path must agree on all. */
static const char *const ids[] = {"H1", "H2", "Hộ 3", "", "H1"};
static const char *const years[] = {"2024", "2023", "2027", "2021", "20x4", "2026", "2024"};
static const char *const unitc[] = {"00001", "00002", "0000301", "01", "99999", "00003"};
static const char *const members[] = {"3", "1", "0", "1000", "1001", "007", "x", ""};
static const char *const incomes[] = {"1500000", "1.500.000", "", "2000001", "abc", "1500000.5", "0"};
static const char *const scores[] = {"", "", "140", "140.5", "176", "x"};
static const char *const flags[] = {"0", "1", "", "x", "có", "2", "true", "0", "1"};
static const char *const scoreb[] = {"", "", "30", "0", "x", "10"};
static const char *const areas[] = {"", "", "urban", "rural", "Urban", "city"};
static const char *const names[] = {"Nguyễn Văn An", "", "Lê Thị Hồng", "A\xC3", "Ê Đê"};
static const char *const sexes[] = {"M", "F", "", "f", "X"};
static const char *const births[] = {"1970", "", "19x0", "1899"};
static const char *const ethn[] = {"Kinh", "Tày", "", "kinh", "KINH", "H'Mông"};
static const char *const idnums[] = {"", "001070123456", "12345", "00107012345x"};
static const char *const bools[] = {"0", "1", "", "x", "2"};
static const char *const causes[] = {"", "land", "land;capital", "illness; other", "bogus", "land;;tools"};

/* Mostly one of the first two (valid) spellings, sometimes any. */
#define PICK(a) a[next() % 8 ? next() % 2 : next() % (sizeof a / sizeof a[0])]

static uint64_t seed = 42;
static unsigned next(void)
{
	seed = seed * 6364136223846793005ULL + 1442695040888963407ULL;
	return (unsigned)(seed >> 33);
}

static const char header[] =
	"household_id,year,unit_code,village,members,income,score_a,"
	"d_employment,d_dependents,d_nutrition,d_health_insurance,"
	"d_adult_education,d_child_schooling,d_housing_quality,d_housing_area,"
	"d_water,d_sanitation,d_telecom,d_info_access,d_waste,d_digital,"
	"score_b,area,head_name,head_sex,head_birth_year,head_ethnicity,"
	"id_number,merit,no_labour,social_protection,causes,extra\n";

static void row(buf *b, bool plain)
{
	buf_printf(b, "%s,%s,%s,%s,%s,%s,%s", PICK(ids), PICK(years), PICK(unitc),
		   next() % 4 ? "" : "Thôn 2", PICK(members), PICK(incomes), PICK(scores));
	for (int k = 0; k < 14; k++)
		buf_printf(b, ",%s", next() % 3 ? (next() % 2 ? "0" : "1") : PICK(flags));
	buf_printf(b, ",%s,%s,%s,%s,%s,%s,%s,%s,%s,%s,%s,%s", PICK(scoreb), PICK(areas),
		   PICK(names), PICK(sexes), PICK(births), PICK(ethn), PICK(idnums),
		   PICK(bools), PICK(bools), PICK(bools), PICK(causes),
		   next() % 5 ? "" : "any ☺ text");
	if (!plain && next() % 7 == 0)
		buf_puts(b, ",\"quoted\"");  /* a field too many, quoted */
	if (!plain && next() % 11 == 0)
		buf_puts(b, "\r");
	buf_putc(b, '\n');
}

static unit_set *units(void)
{
	char path[] = "/tmp/gnbv-hh-XXXXXX";
	int fd = mkstemp(path);
	assert_true(fd >= 0);
	FILE *f = fdopen(fd, "w");
	fputs(units_csv, f);
	fclose(f);
	gn_diag *d = diag_new(10);
	unit_set *u = NULL;
	assert_int_equal(unitfile_load(path, "units.csv", NULL, NULL, d, &u), GN_OK);
	diag_free(d);
	remove(path);
	return u;
}

static std_set *standards(void)
{
	std_set *s = std_set_new();
	gn_diag *d = diag_new(10);
	buf p;
	buf_init(&p, 0);
	buf_printf(&p, "%s/standards", getenv("GNBV_DATA"));
	assert_int_equal(std_load_dir(s, buf_cstr(&p), d), GN_OK);
	buf_free(&p);
	diag_free(d);
	return s;
}

static void test_fast_equals_general(void **state)
{
	(void)state;
	unit_set *u = units();
	std_set *s = standards();
	size_t total = 0;
	for (int file = 0; file < 200; file++) {
		buf b;
		buf_init(&b, 0);
		buf_puts(&b, header);
		for (int i = 0; i < 50; i++)
			row(&b, file % 2 == 0);
		total += hh_compare(b.p, b.len, u, s);
		buf_free(&b);
	}
	/* enough rows were valid to exercise the fast path for real */
	assert_true(total > 100);
	std_set_free(s);
	units_free(u);
}

static void test_files_without_optional_columns(void **state)
{
	(void)state;
	unit_set *u = units();
	std_set *s = standards();
	/* no d_waste: 2027 rows need it (the fast path must step aside) */
	static const char t1[] =
		"household_id,year,unit_code,members,income,d_employment,d_dependents,"
		"d_nutrition,d_health_insurance,d_adult_education,d_child_schooling,"
		"d_housing_quality,d_housing_area,d_water,d_sanitation,d_telecom,"
		"d_info_access,d_digital\n"
		"A,2026,00001,3,1000000,1,1,1,0,0,0,0,0,0,0,0,0,1\n"
		"A,2027,00001,3,1000000,1,1,1,0,0,0,0,0,0,0,0,0,1\n"
		"B,2026,00002,3,1000000,1,1,1,0,0,0,0,0,0,0,0,0,1\n";
	assert_int_equal(hh_compare(t1, sizeof t1 - 1, u, s), 2);
	/* score only, no income column; last row without a line end */
	static const char t2[] =
		"score_a,household_id,year,unit_code,members,d_employment,d_dependents,"
		"d_nutrition,d_health_insurance,d_adult_education,d_child_schooling,"
		"d_housing_quality,d_housing_area,d_water,d_sanitation,d_telecom,"
		"d_info_access\n"
		"120,A,2024,00001,3,1,1,1,0,0,0,0,0,0,0,0,0\n"
		",B,2024,00001,3,1,1,1,0,0,0,0,0,0,0,0,0\n"
		"150,C,2024,00003,3,1,1,1,0,0,0,0,0,0,0,0,0";
	assert_int_equal(hh_compare(t2, sizeof t2 - 1, u, s), 2);
	std_set_free(s);
	units_free(u);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_fast_equals_general),
		cmocka_unit_test(test_files_without_optional_columns),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
