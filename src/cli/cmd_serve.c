/*
 * cmd_serve.c - `gnbv serve`: the web application (JSON API of
 * docs/api.md and the embedded web UI) on libmicrohttpd.
 *
 * Layer: cli. Loads the standards, builds the api (api/api.h) over the
 * database, starts the HTTP server (http/server.h) and waits for SIGINT or
 * SIGTERM; then stops accepting, lets the workers finish and exits 0.
 * The signals are blocked before the server starts, so that its threads
 * inherit the mask and only the main thread (sigwait) receives them.
 */
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "../api/api.h"
#include "../http/server.h"
#include "commands.h"
#include "inputs.h"

static int list_routes(void)
{
	size_t n;
	const api_route *r = api_routes(&n);
	for (size_t i = 0; i < n; i++) {
		char flags[96];
		printf("%s\t%s\t%s\t%s\n", http_method_name(r[i].method), r[i].pattern,
		       api_route_flags(r[i].flags, flags), r[i].summary);
	}
	return fflush(stdout) == 0 ? EXIT_OK : EXIT_FAIL;
}

static const char *db_path(const cli_command *cmd, const cli_args *a)
{
	const char *db = cli_get(cmd, a, "db");
	if (!db || !*db)
		db = getenv("GNBV_DB");
	return db && *db ? db : "gnbv.db";
}

static int run(const cli_command *cmd, const cli_args *a)
{
	if (cli_flag(cmd, a, "list-routes"))
		return list_routes();
	long port, threads;
	if (!cli_get_int(cmd, a, "port", 0, 65535, 8080, &port) ||
	    !cli_get_int(cmd, a, "threads", 0, 256, 0, &threads))
		return EXIT_BADINPUT;
	const char *bind = cli_get(cmd, a, "bind");
	if (!bind)
		bind = "127.0.0.1";
	const char *db = db_path(cmd, a);

	std_set *stds = NULL;
	int status = inputs_standards(&stds);
	if (status)
		return status;
	/* The review workflow's data: holidays and the procedure's numbers. */
	calendar *cal = NULL;
	review_procedure proc;
	if ((status = inputs_calendar(&cal)) || (status = inputs_procedure(&proc))) {
		cal_free(cal);
		std_set_free(stds);
		return status;
	}
	/* The reporting calendar's report types (M&E, issue 5). */
	rp_types *report_types = NULL;
	if ((status = inputs_report_types(&report_types))) {
		cal_free(cal);
		std_set_free(stds);
		return status;
	}
	/* The results framework's indicators and programme targets (issue 5). */
	ind_catalogue *indicators = NULL;
	if ((status = inputs_indicators(&indicators))) {
		cal_free(cal);
		std_set_free(stds);
		rp_types_free(report_types);
		return status;
	}
	/* The programme's projects (M&E plans and budgets, issue 5). */
	me_catalogue *projects = NULL;
	if ((status = inputs_catalogue(&projects))) {
		cal_free(cal);
		std_set_free(stds);
		rp_types_free(report_types);
		ind_catalogue_free(indicators);
		return status;
	}
	gn_diag *d = diag_new(20);
	api *app = NULL;
	buf reports;
	buf_init(&reports, 0);
	inputs_reports_dir(&reports);
	api_config cfg = {.db_path = db, .stds = stds, .cal = cal, .proc = &proc,
			  .reports_dir = buf_cstr(&reports)};
	cfg.report_types = report_types;
	cfg.indicators = indicators;
	cfg.projects = projects;
	gn_err rc = api_new(&cfg, d, &app);
	buf_free(&reports);
	if (rc) {
		cli_print_diag(d);
		diag_free(d);
		std_set_free(stds);
		cal_free(cal);
		rp_types_free(report_types);
		ind_catalogue_free(indicators);
		catalogue_free(projects);
		cli_error(cmd, "cannot serve %s: %s", db, gn_strerror(rc));
		return rc == GN_EINPUT ? EXIT_BADINPUT : EXIT_FAIL;
	}
	diag_free(d);

	sigset_t stop;
	sigemptyset(&stop);
	sigaddset(&stop, SIGINT);
	sigaddset(&stop, SIGTERM);
	pthread_sigmask(SIG_BLOCK, &stop, NULL);

	http_server_config hc = {
		.bind = bind,
		.port = (unsigned)port,
		.threads = (unsigned)threads,
		.body_limit = api_body_limit,
		.handle = api_handle,
		.app = app,
	};
	http_server *srv = NULL;
	char err[256];
	if (http_server_start(&hc, err, sizeof err, &srv) != GN_OK) {
		cli_error(cmd, "%s", err);
		api_free(app);
		return EXIT_FAIL;
	}
	bool v6 = strchr(bind, ':') != NULL;
	printf("gnbv: serving http://%s%s%s:%u/ (database %s; Ctrl-C stops)\n", v6 ? "[" : "",
	       bind, v6 ? "]" : "", http_server_port(srv), db);
	fflush(stdout);

	int sig = 0;
	while (sigwait(&stop, &sig) != 0)
		;
	fprintf(stderr, "gnbv: %s received, stopping\n", sig == SIGINT ? "SIGINT" : "SIGTERM");
	http_server_stop(srv);
	api_free(app);
	return EXIT_OK;
}

static const cli_opt opts[] = {
	{"port", "N", false, "TCP port (default 8080; 0: any free port, printed)"},
	{"bind", "ADDR", false, "address to listen on (default 127.0.0.1)"},
	{"db", "FILE", false, "database (default $GNBV_DB, else gnbv.db)"},
	{"threads", "N", false, "worker threads (default: online CPUs + 2)"},
	{"list-routes", NULL, false, "print the API's route table and exit"},
};

const cli_command cmd_serve = {
	.name = "serve",
	.summary = "serve the web application and its JSON API",
	.details =
		"Prints the URL it serves on, then answers until SIGINT or SIGTERM.\n"
		"The API is described in docs/api.md; the web UI is compiled into the\n"
		"binary. Users are created with `gnbv user add`. $GNBV_TODAY (YYYY-MM-DD)\n"
		"fixes today's date, for tests. The review workflow counts working days\n"
		"with DATA/holidays/vn.csv ($GNBV_HOLIDAYS) and takes its numbers from\n"
		"DATA/review/procedure.csv ($GNBV_PROCEDURE). The reporting calendar's\n"
		"report types are DATA/me/report_types.csv ($GNBV_REPORT_TYPES); the\n"
		"results framework's indicators DATA/me/indicators.csv and\n"
		"indicator_targets.csv (the folder: $GNBV_INDICATORS). The programme's\n"
		"projects are DATA/me/projects.csv ($GNBV_PROJECTS).",
	.opts = opts,
	.nopts = sizeof opts / sizeof opts[0],
	.run = run,
};
