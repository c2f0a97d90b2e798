/*
 * catalogue_file.h - the catalogue of the programme's projects and
 * sub-projects (data/me/projects.csv): DA1 ... DA7.2 with their names and
 * the data-collection tables (Biểu) of Circular 10/2022/TT-BLĐTBXH each
 * reports on. Every project code in plans, activities, declared funding
 * and budget.csv is checked against it.
 *
 * Layer: io. Columns, matched by name: code (DA<n> for a project,
 * DA<n>.<m> for a sub-project), parent (the project of a sub-project,
 * empty for a project), name_vi, name_en, forms (Biểu numbers, two digits,
 * ';'-separated, may be empty), forms_basis (where the assignment comes
 * from: "seed-001" for those the seed plan states, "inferred" otherwise),
 * short_vi, short_en (optional: the short names of tables and charts; the
 * full names when empty).
 * Rules, each an error naming file, line and column: a code of that
 * shape, listed once; a sub-project's parent is its code's project and is
 * listed before it; a project has no parent; names are not empty; forms
 * are two-digit numbers. The reader reports every error and returns
 * GN_EINPUT when there was any.
 *
 * Ownership: the catalogue is freed by catalogue_free (NULL accepted);
 * its strings belong to it.
 */
#ifndef GN_CATALOGUE_FILE_H
#define GN_CATALOGUE_FILE_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "../core/diag.h"
#include "../core/err.h"

#define ME_PROJECT_CODE 8 /* "DA7.2" and its NUL fit */

typedef struct me_project {
	char code[ME_PROJECT_CODE]; /* "DA3.1" */
	int32_t parent;             /* index of its project, -1 for a project */
	char *name_vi, *name_en;
	char *short_vi, *short_en;  /* the names when none is given */
	char *forms;                /* "06;07": Biểu numbers, "" when none */
	char *forms_basis;
	bool has_children;
	long line;
} me_project;

typedef struct me_catalogue {
	me_project *v;              /* in file order: a parent before its children */
	size_t n;
	int32_t *parent;            /* n parent indexes (as v[i].parent), for core/budget.h */
} me_catalogue;

gn_err catalogue_load_file(const char *path, const char *name, gn_diag *d,
			   me_catalogue **out);
/* The same over CSV text in memory. */
gn_err catalogue_parse(const char *name, const char *text, size_t len, gn_diag *d,
		       me_catalogue **out);
void catalogue_free(me_catalogue *c);

/* The index of the project whose code is the n bytes at s (ASCII case
 * ignored: "da3.1" finds DA3.1), or -1. */
int32_t catalogue_find(const me_catalogue *c, const char *s, size_t n);
/* Whether project p is `ancestor` or one of its sub-projects. */
bool catalogue_within(const me_catalogue *c, int32_t p, int32_t ancestor);

#endif
