/* scope.c - a user's scope as a bitmap of codes. Layer: api. See scope.h. */
#include "scope.h"

#include <stdlib.h>
#include <string.h>

#include "../core/mem.h"

struct scope {
	bool all;
	size_t ncodes;
	uint64_t *bits;
	int32_t *list;
	size_t nlist;
};

/* Whether code c sits under unit (or is it) on the map of day d. */
static bool under_at(const unit_set *u, int32_t c, int32_t unit, gn_date d)
{
	const unit_version *v = units_at(u, c, d);
	for (int depth = 0; v && depth < LEVEL_COUNT + 1; depth++) {
		if (v->code == unit)
			return true;
		v = v->parent >= 0 ? units_at(u, v->parent, d) : NULL;
	}
	return false;
}

/* Whether some version of code c sat under unit while it existed (the
 * old districts and communes of a province, on the maps before 2025). */
static bool under_once(const unit_set *u, int32_t c, int32_t unit)
{
	size_t n;
	const unit_version *v = units_versions(u, c, &n);
	for (size_t i = 0; i < n; i++) {
		gn_date d = v[i].to != GN_DATE_MAX ? v[i].to : v[i].from;
		if (d != GN_DATE_MIN && under_at(u, c, unit, d))
			return true;
	}
	return false;
}

scope *scope_new(const unit_set *u, const unit_map *m, int32_t unit)
{
	size_t nc = units_ncodes(u);
	scope *s = gn_xcalloc(1, sizeof *s);
	s->ncodes = nc;
	s->bits = gn_xcalloc(nc / 64 + 1, sizeof *s->bits);
	s->list = gn_xmalloc((nc ? nc : 1) * sizeof *s->list);
	s->all = unit < 0;
	const unit_version *uv = unit >= 0 ? units_at(u, unit, unit_map_date(m)) : NULL;
	for (size_t c = 0; c < nc; c++) {
		bool in = s->all;
		if (!in && uv) {
			size_t nd;
			const unit_dest *d = unit_map_dest(m, (int32_t)c, &nd);
			for (size_t k = 0; k < nd && !in; k++)
				in = unit_map_ancestor(m, d[k].code, uv->level) == unit;
		}
		/* and what was under the unit on older maps (a province's
		 * districts and communes before 2025; a district officer's
		 * communes while the district existed) */
		if (!in && unit >= 0)
			in = under_once(u, (int32_t)c, unit);
		if (in) {
			s->bits[c / 64] |= (uint64_t)1 << (c % 64);
			s->list[s->nlist++] = (int32_t)c;
		}
	}
	return s;
}

void scope_free(scope *s)
{
	if (!s)
		return;
	free(s->bits);
	free(s->list);
	free(s);
}

bool scope_is_all(const scope *s)
{
	return s->all;
}

bool scope_has(const scope *s, int32_t c)
{
	if (c < 0 || (size_t)c >= s->ncodes)
		return false;
	return (s->bits[(size_t)c / 64] >> ((size_t)c % 64)) & 1u;
}

bool scope_has_code(const scope *s, const unit_set *u, const char *code)
{
	if (!code)
		return false;
	return scope_has(s, units_find(u, code, strlen(code)));
}

size_t scope_count(const scope *s)
{
	return s->nlist;
}

const int32_t *scope_codes(const scope *s)
{
	return s->list;
}
