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
	/* M&E: the results framework (api_me_results.c) */
	{HTTP_GET, "/api/v1/me/indicators", api_me_indicators, AUTH,
	 "the results framework's indicators with the programme's targets (Decision 90)"},
	{HTTP_GET, "/api/v1/me/indicators/{code}", api_me_indicator, AUTH,
	 "one indicator of a unit: actual vs target over the years, the units below (?unit=&period=&asof=)"},
	{HTTP_GET, "/api/v1/me/results", api_me_results, AUTH,
	 "every indicator of a unit for a period: baseline, target, actual and its source, achievement (?unit=&period=&asof=&headline=)"},
	{HTTP_PUT, "/api/v1/me/values", api_me_value_put, ME_WRITE,
	 "enter or clear an indicator's value and/or local target: {indicator, unit_code, period, value, target}"},
	/* M&E: capacity building (training, DA7.1) and inspections (api_me_training.c,
	 * api_me_inspections.c) */
	{HTTP_GET, "/api/v1/me/training/options", api_training_options, AUTH,
	 "kinds, levels, statuses, projects and the numbers of data/me/capacity.csv"},
	{HTTP_GET, "/api/v1/me/training/summary", api_training_summary, AUTH,
	 "a unit's training figures of a year: classes, attendances, distinct people, women, by role, staff trained vs target, children (?unit=&year=)"},
	{HTTP_GET, "/api/v1/me/training/classes", api_training_classes, AUTH,
	 "training classes, study tours, conferences organised or attended in scope (?unit=&year=&kind=)"},
	{HTTP_POST, "/api/v1/me/training/classes", api_training_class_create, ME_WRITE,
	 "record a class with its participants (picked, new, or a pasted CSV list): all or nothing"},
	{HTTP_GET, "/api/v1/me/training/classes/{id}", api_training_class_get, AUTH,
	 "a class with its participants and history"},
	{HTTP_PUT, "/api/v1/me/training/classes/{id}", api_training_class_update, ME_WRITE,
	 "change a class's fields (the organiser's area only)"},
	{HTTP_POST, "/api/v1/me/training/classes/{id}/participants", api_training_participants_add, ME_WRITE,
	 "add participants: {participants: [...]} or {participants_csv: TEXT}, all or nothing"},
	{HTTP_DELETE, "/api/v1/me/training/classes/{id}/participants/{person}", api_training_participant_remove, ME_WRITE,
	 "remove a participant from a class"},
	{HTTP_GET, "/api/v1/me/training/persons", api_training_persons, AUTH,
	 "people registered in scope, by name (?q=&unit=&limit=)"},
	{HTTP_POST, "/api/v1/me/training/persons", api_training_person_create, ME_WRITE,
	 "register a person; 409 with the id when registered already"},
	{HTTP_PUT, "/api/v1/me/training/persons/{id}", api_training_person_update, ME_WRITE,
	 "change a person's fields"},
	{HTTP_GET, "/api/v1/me/training/staff", api_training_staff, AUTH,
	 "poverty-reduction staff counts of a unit and its children, with those trained (?unit=&year=)"},
	{HTTP_PUT, "/api/v1/me/training/staff", api_training_staff_put, ME_WRITE,
	 "set a unit's own staff count of a year: {unit_code, year, staff} (null removes it)"},
	{HTTP_GET, "/api/v1/me/inspections/missions", api_missions_list, AUTH,
	 "inspection and monitoring missions in scope, with report due dates and recommendation counts (?unit=&year=)"},
	{HTTP_POST, "/api/v1/me/inspections/missions", api_mission_create, ME_WRITE,
	 "record a mission with its units, findings and recommendations"},
	{HTTP_GET, "/api/v1/me/inspections/missions/{id}", api_mission_get, AUTH,
	 "a mission with findings, recommendations and history"},
	{HTTP_PUT, "/api/v1/me/inspections/missions/{id}", api_mission_update, ME_WRITE,
	 "change a mission (the inspecting unit's area only): fields, units, findings, report date"},
	{HTTP_POST, "/api/v1/me/inspections/missions/{id}/recommendations", api_recommendation_create, ME_WRITE,
	 "add a recommendation: {text, unit_code, due_date}"},
	{HTTP_GET, "/api/v1/me/inspections/recommendations", api_recommendations_list, AUTH,
	 "recommendations whose unit responsible is in scope, with counts and overdue ones (?unit=&status=&overdue=1&limit=)"},
	{HTTP_PUT, "/api/v1/me/inspections/recommendations/{id}", api_recommendation_update, ME_WRITE,
	 "change a recommendation's text, unit responsible, due date (the inspecting unit)"},
	{HTTP_POST, "/api/v1/me/inspections/recommendations/{id}/status", api_recommendation_status, ME_WRITE,
	 "move a recommendation: {status, date, evidence, file: {name, data}} (the inspecting unit or the unit responsible)"},
	{HTTP_GET, "/api/v1/me/inspections/recommendations/{id}/evidence", api_recommendation_evidence, AUTH,
	 "the evidence file of a recommendation"},
	/* M&E: plans, budgets and disbursement (api_me_plans.c) */
	{HTTP_GET, "/api/v1/me/projects", api_me_projects, AUTH,
	 "the programme's projects DA1 ... DA7.2 with their Biểu, the funding sources and capital types"},
	{HTTP_GET, "/api/v1/me/plans", api_me_plans_list, AUTH,
	 "plans issued in scope (?unit=&year=), with their declared funding"},
	{HTTP_POST, "/api/v1/me/plans", api_me_plan_create, ME_WRITE,
	 "enter a plan: number, unit, date, years, texts, targets, activities, declared funding"},
	{HTTP_GET, "/api/v1/me/plans/{id}", api_me_plan_get, AUTH,
	 "a plan with its lists, its budget lines against its declared funding, its history"},
	{HTTP_PUT, "/api/v1/me/plans/{id}", api_me_plan_update, ME_WRITE,
	 "replace a plan and its lists (audited); a new number or year takes its budget lines along"},
	{HTTP_GET, "/api/v1/me/budget", api_me_budget, AUTH,
	 "funds of a unit and year: by project, source, capital type and unit below, rates, lines (?unit=&year=&plan=&asof=&lines=)"},
	{HTTP_GET, "/api/v1/me/budget/report", api_me_budget_report, AUTH,
	 "the budget report of a unit and year as a file (?unit=&year=&asof=&format=xlsx|pdf|csv)"},
	{HTTP_POST, "/api/v1/me/budget", api_me_budget_put, ME_WRITE,
	 "record a budget line (an allocation or a disbursement): {plan, unit_code, year, project, source, capital, kind, amount, carried_over, date}"},
	/* M&E: the reporting calendar, submissions and approvals (api_me_calendar.c) */
	{HTTP_GET, "/api/v1/me/report-types", api_me_report_types, AUTH,
	 "the report types of the reporting calendar (data/me/report_types.csv) and the period kinds of local deadlines"},
	{HTTP_GET, "/api/v1/me/calendar", api_me_calendar, AUTH,
	 "reports expected of a unit and its children (or all below) in a year: due dates, status, allowed actions (?unit=&year=&type=&period=&status=&depth=children|all)"},
	{HTTP_GET, "/api/v1/me/calendar/completeness", api_me_completeness, AUTH,
	 "completeness and timeliness of a unit's reports for a year: total, by level, own, by child unit (?unit=&year=)"},
	{HTTP_GET, "/api/v1/me/calendar/reminders", api_me_reminders, AUTH,
	 "reports of a unit and its children due soon, overdue or returned, and the year's completeness (?unit=&year=)"},
	{HTTP_POST, "/api/v1/me/calendar/submissions", api_me_submission_create, ME_WRITE,
	 "submit a unit's report: {type, period, unit_code, note, figures, attachment}"},
	{HTTP_GET, "/api/v1/me/calendar/submissions/{id}", api_me_submission_get, AUTH,
	 "a submission with its report, allowed actions and history"},
	{HTTP_POST, "/api/v1/me/calendar/submissions/{id}/actions", api_me_submission_action, ME_WRITE,
	 "return for correction {action: return, reason}, approve {action: approve, note} or resubmit {action: submit, ...}"},
	{HTTP_GET, "/api/v1/me/calendar/deadlines", api_me_deadlines_list, AUTH,
	 "local deadlines set by units of the caller's area and those above it (?unit=)"},
	{HTTP_POST, "/api/v1/me/calendar/deadlines", api_me_deadline_create, ME_WRITE,
	 "set a local deadline: {unit_code, type, period_kind, rule, levels, year_from, year_to, plan_ref}"},
	{HTTP_PUT, "/api/v1/me/calendar/deadlines/{id}", api_me_deadline_update, ME_WRITE,
	 "change a local deadline (the setting unit stays)"},
	{HTTP_DELETE, "/api/v1/me/calendar/deadlines/{id}", api_me_deadline_delete, ME_WRITE,
	 "delete a local deadline"},
	{HTTP_GET, "/api/v1/me/calendar/requests", api_me_requests_list, AUTH,
	 "ad hoc report requests made in or above the caller's area (?unit=&year=)"},
	{HTTP_POST, "/api/v1/me/calendar/requests", api_me_request_create, ME_WRITE,
	 "ask the units below for an ad hoc report: {unit_code, type, title, levels, due}"},
	/* monitoring and evaluation: report drafts */
	{HTTP_GET, "/api/v1/me/drafts/{form}", api_me_draft_get, AUTH,
	 "the pre-filled draft of Mẫu 01 (mau-01) or Mẫu 02 (mau-02) of a unit (?unit=&year=&period=&asof=&format=docx|xlsx)"},
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
