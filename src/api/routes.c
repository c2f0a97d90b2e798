/*
 * routes.c - the route table of the JSON API, as data (docs/api.md).
 *
 * Layer: api. Matched in order by api.c; the flags (api.h) are enforced by
 * the dispatcher before the handler runs. `gnbv serve --list-routes`
 * prints this table, and the API tests walk it (the leak test calls every
 * route as a commune officer with the ids of another commune).
 */
#include <string.h>

#include "api_int.h"

enum {
	AUTH = R_LOGIN,
	WRITE = R_LOGIN | R_CSRF,
	PERSONAL = R_LOGIN | R_PERSONAL,
	PERSONAL_WRITE = R_LOGIN | R_CSRF | R_PERSONAL | R_WRITE,
	ME_WRITE = R_LOGIN | R_CSRF | R_ME,
};

static const api_route routes[] = {
	{HTTP_POST, "/api/v1/login", api_login, 0,
	 "log in: {username, password} -> {user, csrf}; sets the session cookie"},
	{HTTP_POST, "/api/v1/logout", api_logout, WRITE | R_ANY_ROLE,
	 "log out: ends the session"},
	{HTTP_GET, "/api/v1/me", api_me, AUTH,
	 "the logged-in user and the CSRF token"},
	{HTTP_GET, "/api/v1/units", api_units, AUTH,
	 "children of a unit on the map of a date (?parent=&asof=)"},
	{HTTP_GET, "/api/v1/maps", api_maps, 0,
	 "map dates worth offering"},
	{HTTP_GET, "/api/v1/households", api_households_list, PERSONAL,
	 "households in scope (?unit=&q=&year=&class=&offset=&limit=)"},
	{HTTP_POST, "/api/v1/households", api_household_create, PERSONAL_WRITE,
	 "create a household"},
	{HTTP_GET, "/api/v1/households/{id}", api_household_get, PERSONAL,
	 "a household with members, reviews and history"},
	{HTTP_PUT, "/api/v1/households/{id}", api_household_replace, PERSONAL_WRITE,
	 "replace a household and its members"},
	{HTTP_PUT, "/api/v1/households/{id}/reviews/{year}", api_review_put, PERSONAL_WRITE,
	 "create or replace the review of a year; the class is computed"},
	{HTTP_GET, "/api/v1/dashboard/summary", api_dashboard_summary, AUTH,
	 "live figures of a unit and its children (?year=&asof=&unit=)"},
	{HTTP_GET, "/api/v1/dashboard/trend", api_dashboard_trend, AUTH,
	 "a unit's figures over the years (?unit=&asof=)"},
	{HTTP_GET, "/api/v1/dashboard/profile", api_dashboard_profile, AUTH,
	 "deprivations of poor and near-poor households by indicator (?year=&unit=&asof=)"},
	{HTTP_GET, "/api/v1/dashboard/af", api_dashboard_af, AUTH,
	 "Alkire-Foster measures of a unit and its children (?year=&unit=&asof=)"},
	{HTTP_POST, "/api/v1/imports", api_import_preview, WRITE | R_UPLOAD,
	 "check an uploaded file (?kind=&filename=; body: CSV or XLSX): every error, a preview; nothing written"},
	{HTTP_POST, "/api/v1/imports/{id}/commit", api_import_commit, WRITE,
	 "import a previewed upload for real, all or nothing (the uploader only)"},
	{HTTP_GET, "/api/v1/exports/{kind}", api_export, AUTH,
	 "CSV of units, lineage, population or households in scope (?unit=&year=)"},
	{HTTP_GET, "/api/v1/reports", api_reports_list, AUTH,
	 "the official summary tables: name, number, Vietnamese and English titles"},
	{HTTP_GET, "/api/v1/reports/{name}", api_report_get, AUTH,
	 "a summary table of a unit as a file (?unit=&year=&asof=&format=xlsx|pdf|csv)"},
	{HTTP_GET, "/api/v1/rounds", api_rounds_list, AUTH,
	 "review rounds in scope (?unit=&year=&kind=)"},
	{HTTP_POST, "/api/v1/rounds", api_round_create, WRITE,
	 "open a review round of a commune: {unit_code, year, kind, month}"},
	{HTTP_GET, "/api/v1/rounds/{id}", api_round_get, AUTH,
	 "a review round: deadlines, allowed actions, events, complaints, applications, tallies"},
	{HTTP_POST, "/api/v1/rounds/{id}/actions", api_round_action, WRITE,
	 "take an action of the review workflow: {action, ...fields}"},
	{HTTP_GET, "/api/v1/applications", api_applications_list, PERSONAL,
	 "applications (Form 01 / Form 04) in scope (?unit=&year=&status=&round=&limit=)"},
	{HTTP_POST, "/api/v1/applications", api_application_create, PERSONAL | WRITE,
	 "register an application: {household_id, form, date, note}; files it in its month's round"},
	{HTTP_GET, "/api/v1/public/summary", api_public_summary, 0,
	 "aggregates for the public, no login (?year=&asof=&unit=)"},
};

const api_route *api_routes(size_t *n)
{
	*n = sizeof routes / sizeof routes[0];
	return routes;
}

const char *api_route_flags(unsigned flags, char out[96])
{
	static const struct {
		unsigned bit;
		const char *name;
	} names[] = {
		{R_LOGIN, "login"}, {R_CSRF, "csrf"}, {R_PERSONAL, "personal"},
		{R_WRITE, "write"}, {R_ADMIN, "admin"}, {R_UPLOAD, "upload"},
		{R_ANY_ROLE, "any-role"}, {R_ME, "me"},
	};
	size_t k = 0;
	out[0] = '\0';
	for (size_t i = 0; i < sizeof names / sizeof names[0]; i++) {
		if (!(flags & names[i].bit))
			continue;
		size_t len = strlen(names[i].name);
		if (k + len + 2 > 96)
			break;
		if (k)
			out[k++] = ',';
		memcpy(out + k, names[i].name, len + 1);
		k += len;
	}
	if (k == 0)
		memcpy(out, "public", 7);
	return out;
}
