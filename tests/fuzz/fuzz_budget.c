/*
 * fuzz_budget.c - libFuzzer harness for the plans area's two readers: any
 * input is read as budget.csv (against a fixed catalogue) and as a
 * projects.csv catalogue. Whatever the bytes, a reader either returns rows
 * and no error, or GN_EINPUT with at least one error and no rows. Accepted
 * budget rows hold a plan text, a unit code, a catalogue project, a source
 * and a capital type of core/budget.h, 0 <= carried_over <= amount, nothing
 * carried over on a disbursement, which is positive and dated within its
 * year; no two rows share a key. An accepted catalogue lists its parents
 * before their children, each sub-project under the project of its code.
 */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/budget.h"
#include "io/budget_file.h"
#include "io/catalogue_file.h"

static me_catalogue *cat;

static const char cat_csv[] = "code,parent,name_vi,name_en,forms\n"
			      "DA2,,Hai,Two,05\n"
			      "DA3,,Ba,Three,06;07\n"
			      "DA3.1,DA3,Ba một,Three one,06\n"
			      "DA3.2,DA3,Ba hai,Three two,07\n";

static void init(void)
{
	gn_diag *d = diag_new(10);
	if (catalogue_parse("projects.csv", cat_csv, strlen(cat_csv), d, &cat))
		abort();
	diag_free(d);
}

static bool same_key(const budget_in *a, const budget_in *b)
{
	return strcmp(a->plan, b->plan) == 0 && strcmp(a->unit_code, b->unit_code) == 0 &&
	       a->year == b->year && a->project == b->project && a->source == b->source &&
	       a->capital == b->capital && a->disbursed == b->disbursed &&
	       (!a->disbursed || a->date == b->date);
}

static void check_budget(const char *data, size_t size)
{
	gn_diag *d = diag_new(50);
	budget_rows rows;
	gn_err rc = budget_file_parse(cat, "budget.csv", data, size, d, &rows);
	if (rc == GN_OK) {
		if (diag_errors(d) != 0)
			abort();
		for (size_t i = 0; i < rows.n; i++) {
			const budget_in *b = &rows.v[i];
			if (!b->plan || !*b->plan || strlen(b->plan) > BUDGET_PLAN_MAX || !b->unit_code[0] ||
			    b->project < 0 || (size_t)b->project >= cat->n ||
			    (unsigned)b->source >= BS_COUNT || (unsigned)b->capital >= BC_COUNT ||
			    b->amount < 0 || b->carried_over < 0 || b->carried_over > b->amount)
				abort();
			if (b->disbursed) {
				int y, m, dd;
				if (b->carried_over || b->amount == 0 || !b->has_date)
					abort();
				date_to_ymd(b->date, &y, &m, &dd);
				if (y != b->year)
					abort();
			}
			for (size_t j = 0; j < i && rows.n < 200; j++)
				if (same_key(&rows.v[j], b))
					abort();
		}
	} else if (rc == GN_EINPUT) {
		if (diag_errors(d) == 0 || rows.n != 0)
			abort();
	} else {
		abort();
	}
	budget_rows_free(&rows);
	diag_free(d);
}

static void check_catalogue(const char *data, size_t size)
{
	gn_diag *d = diag_new(50);
	me_catalogue *c = NULL;
	gn_err rc = catalogue_parse("projects.csv", data, size, d, &c);
	if (rc == GN_OK) {
		if (!c || c->n == 0 || diag_errors(d) != 0)
			abort();
		for (size_t i = 0; i < c->n; i++) {
			const me_project *p = &c->v[i];
			if (p->parent >= (int32_t)i || c->parent[i] != p->parent ||
			    catalogue_find(c, p->code, strlen(p->code)) != (int32_t)i || !*p->name_vi ||
			    !*p->short_vi)
				abort();
			if (p->parent >= 0) {
				const char *pc = c->v[p->parent].code;
				if (strncmp(p->code, pc, strlen(pc)) != 0 || p->code[strlen(pc)] != '.')
					abort();
			}
		}
	} else if (rc != GN_EINPUT || c != NULL || diag_errors(d) == 0) {
		abort();
	}
	catalogue_free(c);
	diag_free(d);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	if (!cat)
		init();
	check_budget((const char *)data, size);
	check_catalogue((const char *)data, size);
	return 0;
}
