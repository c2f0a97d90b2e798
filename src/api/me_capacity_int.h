/*
 * me_capacity_int.h - what the handlers of training (api_me_training.c)
 * and inspections (api_me_inspections.c) share (api_me_capacity.c): the
 * area's data files, unit checks that know the central level "*", body
 * readers that put their errors in api_fields, and small JSON writers.
 *
 * Layer: api, private to those three files. Strings returned live in the
 * request's arena.
 */
#ifndef GN_ME_CAPACITY_INT_H
#define GN_ME_CAPACITY_INT_H

#include "../core/capacity.h"
#include "../io/capacity_file.h"
#include "../io/catalogue_file.h"
#include "api_int.h"

/* The settings (data/me/capacity.csv, read once from the data folder:
 * $GNBV_DATA, else the folder holding the report layouts) and the project
 * catalogue (api_projects); NULL (and a message on standard error) when
 * they cannot be read. */
const cap_settings *capx_settings(api_ctx *c);
const me_catalogue *capx_catalogue(api_ctx *c);

/* Whether the caller sees unit `code` ("*", the central level: national
 * users only). */
bool capx_visible(const api_ctx *c, const char *code);
/* Whether the caller may write for unit `code`: a unit of today's map in
 * the caller's area, or "*" for national users. */
bool capx_writable(const api_ctx *c, const char *code);
/* A unit's name today; "Trung ương"/"Central" for "*"; "" when unknown. */
const char *capx_unit_name(const api_ctx *c, const char *code);
/* The level of unit `code` on today's map (LEVEL_COUNTRY for "*"); false
 * when it is not on today's map. */
bool capx_unit_level(const api_ctx *c, const char *code, unit_level *out);

/* The units to look in: ?unit= (visible, else 404 in *status) or the
 * caller's area. *codes NULL means every unit (national); *unit receives
 * the code asked or the caller's ("*" national), *u its index (-1
 * national). */
bool capx_area(api_ctx *c, const char ***codes, size_t *n, const char **unit, int32_t *u,
	       int *status);
/* The codes of the subtree of unit index u (NULL for u < 0: every unit). */
void capx_subtree(api_ctx *c, int32_t u, const char ***codes, size_t *n);


/* Body readers: each records its error under `name` in f and returns
 * false; an absent or null member gives the default and true unless
 * required. Text is NFC; one-line text has its spaces collapsed;
 * multiline keeps line breaks and tabs. */
bool capx_text(api_ctx *c, api_fields *f, json_t *obj, const char *key, const char *name,
	       size_t max, bool required, bool multiline, char **out);
bool capx_date(api_ctx *c, api_fields *f, json_t *obj, const char *key, const char *name,
	       bool required, gn_date *out, char iso[11]);
bool capx_int(api_ctx *c, api_fields *f, json_t *obj, const char *key, const char *name,
	      int64_t lo, int64_t hi, bool required, int64_t dflt, int64_t *out);
/* A project code of the catalogue (dflt when absent), copied into out. */
bool capx_project(api_ctx *c, api_fields *f, json_t *obj, const char *dflt, char out[16]);

/* Writes [{"at","user","entity","field","old","new"}] of the audit rows of
 * key (and below it), newest first, under key "history". */
int capx_write_history(api_ctx *c, const char *key);
/* The username of a user id, "" when unknown. */
const char *capx_username(api_ctx *c, int64_t id);
/* A date under key, null when iso is "". */
void capx_date_or_null(jw *w, const char *key, const char *iso);

/* 409 {"error":code,"message"} plus "id" when id > 0. */
int capx_conflict(api_ctx *c, const char *code, const char *vi, const char *en, int64_t id);

#endif
