/*
 * fuzz_indicators.c - libFuzzer harness for the results framework's two
 * readers: any input is read as indicator_values.csv (against a fixed
 * catalogue and units) and as an indicators.csv catalogue. Whatever the
 * bytes, a reader either returns rows and no error, every row holding a
 * value or a target, a canonical period and known codes, or returns
 * GN_EINPUT with at least one error and no rows; an accepted catalogue has
 * no formula cycle and its formulas name indicators of the catalogue.
 */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/indicators.h"
#include "io/indicator_file.h"
#include "io/indicator_values_file.h"
#include "io/units_file.h"

static unit_set *units;
static ind_catalogue *cat;

static const char units_csv[] = "code,name,level,parent_code\n"
				"14,Tỉnh,province,\n"
				"04000,Xã Một,commune,14\n"
				"04001,Xã Hai,commune,14\n";

static const char cat_csv[] =
	"code,name_vi,name_en,measure_vi,direction,level,project,aggregation,formula,computed,decimals\n"
	"models,Mô hình,Models,mô hình,up,project,DA2,sum,,,0\n"
	"hh,Hộ,Households,hộ,up,programme,,sum,,,0\n"
	"poor,Nghèo,Poor,hộ,down,programme,,sum,,poor,0\n"
	"rate,Tỷ lệ,Rate,%,down,programme,,ratio,poor/hh,,2\n"
	"red,Giảm,Reduction,điểm %,up,programme,,reduction,rate,,2\n";

static void init(void)
{
	gn_diag *d = diag_new(10);
	units = units_new();
	if (unitfile_read_units_mem(units, "units.csv", units_csv, strlen(units_csv), d) ||
	    units_check(units, "units.csv", "lineage.csv", d) ||
	    indfile_parse("i.csv", cat_csv, strlen(cat_csv), NULL, NULL, 0, NULL, 0, d, &cat))
		abort();
	diag_free(d);
}

static void check_values(const char *data, size_t size)
{
	gn_diag *d = diag_new(50);
	ind_rows rows = {0};
	gn_err rc = indval_read_mem(cat, units, "v.csv", data, size, d, &rows);
	if (rc == GN_OK) {
		if (diag_errors(d) != 0)
			abort();
		for (size_t i = 0; i < rows.n; i++) {
			const ind_row *r = &rows.v[i];
			char per[IND_PERIOD_LEN];
			ind_period p;
			ind_period_format(&r->period, per);
			if ((!r->has_value && !r->has_target) || r->indicator < 0 ||
			    (size_t)r->indicator >= ind_count(cat) || r->unit < 0 ||
			    !ind_period_parse(per, strlen(per), &p) || ind_period_cmp(&p, &r->period) != 0)
				abort();
			if (r->has_value && ind_at(cat, (size_t)r->indicator)->computed != IND_COMP_NONE)
				abort();
		}
	} else if (rc == GN_EINPUT) {
		if (diag_errors(d) == 0 || rows.n != 0)
			abort();
	} else {
		abort();
	}
	ind_rows_free(&rows);
	diag_free(d);
}

static void check_catalogue(const char *data, size_t size)
{
	gn_diag *d = diag_new(50);
	ind_catalogue *c = NULL;
	gn_err rc = indfile_parse("i.csv", data, size, NULL, NULL, 0, NULL, 0, d, &c);
	if (rc == GN_OK) {
		if (!c || diag_errors(d) != 0)
			abort();
		for (size_t i = 0; i < ind_count(c); i++) {
			const ind_def *x = ind_at(c, i);
			if (ind_has_cycle(c, (int)i) || x->decimals < 0 || x->decimals > IND_MAX_DECIMALS)
				abort();
			if (x->computed == IND_COMP_NONE && x->agg == IND_AGG_RATIO &&
			    (x->num < 0 || x->den < 0 || (size_t)x->num >= ind_count(c) ||
			     (size_t)x->den >= ind_count(c)))
				abort();
			if (x->computed == IND_COMP_NONE && x->agg == IND_AGG_REDUCTION &&
			    (x->num < 0 || (size_t)x->num >= ind_count(c)))
				abort();
		}
	} else if (rc != GN_EINPUT || c != NULL || diag_errors(d) == 0) {
		abort();
	}
	ind_catalogue_free(c);
	diag_free(d);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	if (!units)
		init();
	check_values((const char *)data, size);
	check_catalogue((const char *)data, size);
	return 0;
}
