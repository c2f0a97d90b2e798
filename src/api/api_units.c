/*
 * api_units.c - GET /api/v1/units (children of a unit on the map of a
 * date) and GET /api/v1/maps (the map dates worth offering).
 *
 * Layer: api. Units outside the caller's scope are neither listed nor
 * counted; a parent outside it answers 404.
 */
#include <stdio.h>
#include <string.h>

#include "api_int.h"

static void write_unit_head(api_ctx *c, const unit_map *map, int32_t code)
{
	jw *w = c->json;
	const unit_version *v = unit_map_version(map, code);
	jw_kstr(w, "code", units_code(c->units, code));
	jw_kstr(w, "name", v->name);
	jw_kstr(w, "level", unit_level_name(v->level));
}

int api_units(api_ctx *c)
{
	int status;
	gn_date asof;
	if (!api_query_date(c, "asof", world_today(c->w), &asof, &status))
		return status;
	if (!c->scope)
		return api_not_found(c);
	const unit_map *map = world_map(c->w, asof, c->ar);
	const char *pq = api_query(c, "parent");
	int32_t parent = -1;
	if (pq && *pq) {
		parent = units_find(c->units, pq, strlen(pq));
		if (parent < 0 || !unit_map_version(map, parent) || !scope_has(c->scope, parent))
			return api_not_found(c);
	} else if (!scope_is_all(c->scope)) {
		parent = api_user_unit(c);
		if (parent < 0 || !unit_map_version(map, parent))
			return api_not_found(c);
	}

	/* One pass over the units of the map: the children of parent, and
	 * how many children (in scope) each unit has. */
	size_t nc = units_ncodes(c->units);
	int32_t *nchildren = arena_calloc(c->ar, nc ? nc : 1, sizeof *nchildren);
	int32_t *kids = arena_alloc(c->ar, (nc ? nc : 1) * sizeof *kids);
	size_t nkids = 0;
	for (int l = 0; l < LEVEL_COUNT; l++) {
		size_t n;
		const int32_t *at = unit_map_units(map, (unit_level)l, &n);
		for (size_t i = 0; i < n; i++) {
			int32_t code = at[i];
			if (!scope_has(c->scope, code))
				continue;
			int32_t p = unit_map_parent(map, code);
			if (p >= 0)
				nchildren[p]++;
			/* The national scope's top: units without a parent. */
			if (p == parent)
				kids[nkids++] = code;
		}
	}

	jw *w = c->json;
	char day[11];
	date_format_iso(asof, day);
	jw_object(w);
	jw_kstr(w, "asof", day);
	jw_key(w, "parent");
	if (parent >= 0) {
		jw_object(w);
		write_unit_head(c, map, parent);
		jw_object_end(w);
	} else {
		jw_null(w);
	}
	jw_key(w, "units");
	jw_array(w);
	for (size_t i = 0; i < nkids; i++) {
		int32_t code = kids[i];
		const unit_version *v = unit_map_version(map, code);
		jw_object(w);
		write_unit_head(c, map, code);
		jw_kstr(w, "type", v->type == UTYPE_NONE ? "" : unit_type_name(v->type));
		jw_kbool(w, "urban", units_urban(c->units, code, asof));
		jw_kint(w, "children", nchildren[code]);
		jw_object_end(w);
	}
	jw_array_end(w);
	jw_object_end(w);
	return 200;
}

int api_maps(api_ctx *c)
{
	size_t n;
	const api_map_choice *m = world_map_choices(c->w, &n);
	jw *w = c->json;
	jw_object(w);
	jw_key(w, "maps");
	jw_array(w);
	for (size_t i = 0; i < n; i++) {
		char day[11], label[96];
		int y, mo, d;
		date_format_iso(m[i].date, day);
		date_to_ymd(m[i].date, &y, &mo, &d);
		if (c->en)
			snprintf(label, sizeof label, "Map %d%s", y,
				 m[i].has_district ? " (with districts)" : "");
		else
			snprintf(label, sizeof label, "Bản đồ %d%s", y,
				 m[i].has_district ? " (có cấp huyện)" : "");
		jw_object(w);
		jw_kstr(w, "date", day);
		jw_kstr(w, "label", label);
		jw_object_end(w);
	}
	jw_array_end(w);
	jw_object_end(w);
	return 200;
}
