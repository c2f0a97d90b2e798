/*
 * capacity.h - operations of capacity building on a store that the API
 * and the command line share: picking a person already registered rather
 * than registering them twice, and recording a class with a participants
 * list (io/capacity_file.h) all or nothing.
 *
 * Layer: app (store, io, core). Callers check who may write for which
 * unit (the API: the caller's area; the command line: any unit of the
 * database) through unit_ok.
 *
 * The rule that picks a person (capacity_pick_person): people are the
 * same when their unit and their names folded (text_fold: "Nguyen Van
 * An" is "Nguyễn Văn An") are, and their years of birth are equal, or one
 * side does not know it and there is exactly one such person. Several
 * people of that name in the unit and no year of birth to choose: the
 * caller must pick one (GN_EINPUT).
 */
#ifndef GN_APP_CAPACITY_H
#define GN_APP_CAPACITY_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "../core/diag.h"
#include "../core/err.h"
#include "../io/capacity_file.h"
#include "../store/store.h"

/* The person p describes: the one registered already (p is not written)
 * or a new one, registered by user (p->id set). *id receives its id.
 * GN_EINPUT when the name is ambiguous (see above); store errors as
 * store.h. Runs in the caller's transaction. */
gn_err capacity_pick_person(store *st, st_person *p, int64_t user, int64_t *id);

/* Records the attendance of the people of a participants list at class
 * class_id (in the caller's transaction): each row's person picked or
 * registered; a person already at the class is counted in *already; a
 * person listed twice, a unit refused by unit_ok or an ambiguous name is
 * an error in d naming file, line and column, and then nothing should be
 * committed (GN_EINPUT). */
gn_err capacity_add_participants(store *st, int64_t class_id, const cap_participant_row *rows,
				 size_t n, bool (*unit_ok)(void *ctx, const char *unit), void *ctx,
				 int64_t user, const char *file, gn_diag *d, int64_t *added,
				 int64_t *already);

#endif
