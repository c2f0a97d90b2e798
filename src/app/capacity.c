/* capacity.c - picking people and recording participants lists
 * (capacity.h). Layer: app. */
#include "capacity.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "../core/mem.h"

gn_err capacity_pick_person(store *st, st_person *p, int64_t user, int64_t *id)
{
	*id = 0;
	st_person *same = NULL;
	size_t ns = 0;
	gn_err rc = store_persons_same_name(st, p->unit_code, p->full_name, &same, &ns);
	if (rc)
		return rc;
	int64_t pick = 0;
	size_t unknown_year = 0, last_unknown = 0;
	for (size_t i = 0; i < ns; i++) {
		if (p->birth_year && same[i].birth_year == p->birth_year)
			pick = same[i].id;
		if (!same[i].birth_year) {
			unknown_year++;
			last_unknown = i;
		}
	}
	if (!pick && p->birth_year && unknown_year == 1)
		pick = same[last_unknown].id;
	if (!pick && !p->birth_year && ns == 1)
		pick = same[0].id;
	bool ambiguous = !pick && !p->birth_year && ns > 1;
	store_persons_free(same, ns);
	if (ambiguous)
		return GN_EINPUT;
	if (pick) {
		*id = pick;
		return GN_OK;
	}
	if ((rc = store_person_add(st, p, user)))
		return rc;
	*id = p->id;
	return GN_OK;
}

gn_err capacity_add_participants(store *st, int64_t class_id, const cap_participant_row *rows,
				 size_t n, bool (*unit_ok)(void *ctx, const char *unit), void *ctx,
				 int64_t user, const char *file, gn_diag *d, int64_t *added,
				 int64_t *already)
{
	*added = *already = 0;
	size_t before = diag_errors(d);
	int64_t *ids = gn_xcalloc(n ? n : 1, sizeof *ids);
	gn_err rc = GN_OK;
	for (size_t i = 0; i < n && !rc; i++) {
		const cap_participant_row *r = &rows[i];
		if (!unit_ok(ctx, r->unit_code)) {
			diag_error(d, file, r->line, "unit_code", "not a unit you may enter people for: \"%s\"",
				   r->unit_code);
			continue;
		}
		st_person p = {0};
		p.full_name = r->full_name;
		p.sex = r->sex;
		p.birth_year = r->birth_year;
		snprintf(p.unit_code, sizeof p.unit_code, "%s", r->unit_code);
		p.position = r->position;
		p.staff = r->staff;
		rc = capacity_pick_person(st, &p, user, &ids[i]);
		if (rc == GN_EINPUT) {
			diag_error(d, file, r->line, "full_name",
				   "several people of this name in the unit: give the year of birth");
			rc = GN_OK;
			continue;
		}
		for (size_t j = 0; j < i && !rc; j++) {
			if (ids[j] && ids[j] == ids[i]) {
				diag_error(d, file, r->line, "full_name",
					   "the same person as on line %ld", rows[j].line);
				break;
			}
		}
	}
	if (!rc && diag_errors(d) > before)
		rc = GN_EINPUT;
	for (size_t i = 0; i < n && !rc; i++) {
		rc = store_training_attend(st, class_id, ids[i], user);
		if (rc == GN_EEXIST) {
			(*already)++;
			rc = GN_OK;
		} else if (!rc) {
			(*added)++;
		}
	}
	free(ids);
	return rc;
}
