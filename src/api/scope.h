/*
 * scope.h - which unit codes a user may see: their unit and its subtree on
 * today's map, plus every code whose data lineage carries into it.
 *
 * Layer: api. A code c is in the scope of unit U when c, or any of its
 * destinations on the map (unit_map_dest: itself when valid on the map's
 * date, else its successors through lineage), has U as its ancestor at
 * U's level (unit_map_ancestor). So an officer of a commune formed in 2025
 * from three old communes sees the households recorded on those three in
 * 2022-2024, and a split commune is visible from each of its successors.
 * A scope is a bitmap over the set's code indexes, computed once per unit
 * and cached by the caller (app_state.c).
 *
 * A code is in the scope of a unit when, on today's map, the code or one
 * of its destinations through lineage lies under the unit; or when some
 * version of the code lay under the unit on the map of its own time (so a
 * province keeps its old districts, and a district officer the communes
 * of the district while it existed).
 *
 * Ownership: scope_new's result is freed by scope_free (NULL accepted);
 * it borrows nothing after construction.
 */
#ifndef GN_SCOPE_H
#define GN_SCOPE_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "../core/units.h"

typedef struct scope scope;

/* The scope of unit `unit` (a code index of u) on map m; unit < 0 gives
 * every code (the national scope). A unit that is not valid on the map's
 * date has an empty scope. */
scope *scope_new(const unit_set *u, const unit_map *m, int32_t unit);
void scope_free(scope *s);
/* True for the national scope. */
bool scope_is_all(const scope *s);
/* Whether code index c is in scope (false for c < 0 or out of range). */
bool scope_has(const scope *s, int32_t c);
/* Whether the code text is in scope (unknown codes are not). */
bool scope_has_code(const scope *s, const unit_set *u, const char *code);
/* Number of codes in scope, and the list of their indexes (sorted). */
size_t scope_count(const scope *s);
const int32_t *scope_codes(const scope *s);

#endif
