/*
 * cmd_user.c - `gnbv user add|passwd|disable|enable|list`: the accounts of
 * the web application.
 *
 * Layer: cli. Passwords are read from standard input, one line (without
 * echo and asked twice when it is a terminal), never from the command
 * line, where other users could see them; they are stored as argon2id
 * hashes (api_password_hash). Roles are those of api/roles.h; a unit must
 * exist in the database, or be "*" (the whole country) for the national
 * roles (ministry, supervisor, admin).
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <termios.h>
#include <unistd.h>

#include <sodium.h>

#include "../api/api.h"
#include "../api/roles.h"
#include "../io/csv.h"
#include "../store/store.h"
#include "commands.h"

static const char *db_path(const cli_command *cmd, const cli_args *a)
{
	const char *db = cli_get(cmd, a, "db");
	if (!db || !*db)
		db = getenv("GNBV_DB");
	return db && *db ? db : "gnbv.db";
}

static bool valid_username(const char *s)
{
	size_t n = strlen(s);
	if (n == 0 || n > 63)
		return false;
	for (size_t i = 0; i < n; i++) {
		char ch = s[i];
		if (!((ch >= 'a' && ch <= 'z') || (ch >= 'A' && ch <= 'Z') ||
		      (ch >= '0' && ch <= '9') || ch == '.' || ch == '_' || ch == '-' || ch == '@'))
			return false;
	}
	return true;
}

/* Reads one line of standard input into out (without its line end);
 * false at end of input or when the line is too long. */
static bool read_line(const char *prompt, char *out, size_t cap)
{
	bool tty = isatty(STDIN_FILENO);
	struct termios old, quiet;
	if (tty) {
		fputs(prompt, stderr);
		fflush(stderr);
		tcgetattr(STDIN_FILENO, &old);
		quiet = old;
		quiet.c_lflag &= ~(tcflag_t)ECHO;
		tcsetattr(STDIN_FILENO, TCSAFLUSH, &quiet);
	}
	bool ok = fgets(out, (int)cap, stdin) != NULL;
	if (tty) {
		tcsetattr(STDIN_FILENO, TCSAFLUSH, &old);
		fputc('\n', stderr);
	}
	if (!ok)
		return false;
	size_t n = strlen(out);
	if (n == cap - 1 && out[n - 1] != '\n')
		return false;
	while (n && (out[n - 1] == '\n' || out[n - 1] == '\r'))
		out[--n] = '\0';
	return true;
}

/* Reads the password and hashes it into hash. Returns the exit status. */
static int read_password(const cli_command *cmd, char hash[API_HASH_MAX])
{
	char pw[1100], again[1100];
	int status = EXIT_OK;
	if (!read_line("Password: ", pw, sizeof pw)) {
		cli_error(cmd, "no password on standard input (one line, 8 to 1024 bytes)");
		return EXIT_BADINPUT;
	}
	if (isatty(STDIN_FILENO) &&
	    (!read_line("Password again: ", again, sizeof again) || strcmp(pw, again) != 0)) {
		cli_error(cmd, "the two passwords differ");
		status = EXIT_BADINPUT;
	}
	if (status == EXIT_OK) {
		gn_err rc = api_password_hash(pw, hash);
		if (rc == GN_EINPUT) {
			cli_error(cmd, "the password must have 8 to 1024 bytes");
			status = EXIT_BADINPUT;
		} else if (rc) {
			cli_error(cmd, "cannot hash the password: %s", gn_strerror(rc));
			status = EXIT_FAIL;
		}
	}
	sodium_memzero(pw, sizeof pw);
	sodium_memzero(again, sizeof again);
	return status;
}

static int open_store(const cli_command *cmd, const cli_args *a, store **st)
{
	const char *db = db_path(cmd, a);
	gn_diag *d = diag_new(8);
	gn_err rc = store_open(db, false, d, st);
	if (rc) {
		cli_print_diag(d);
		cli_error(cmd, "cannot open the database %s (create it with `gnbv init`): %s", db,
			  gn_strerror(rc));
	}
	diag_free(d);
	return rc ? EXIT_FAIL : EXIT_OK;
}

static int user_add(const cli_command *cmd, const cli_args *a, store *st, const char *username)
{
	const char *role_name = cli_get(cmd, a, "role");
	const char *unit = cli_get(cmd, a, "unit");
	const char *name = cli_get(cmd, a, "name");
	if (!role_name || !unit) {
		cli_error(cmd, "user add needs --role ROLE and --unit CODE");
		return EXIT_BADINPUT;
	}
	const role_info *role = role_find(role_name);
	if (!role) {
		fprintf(stderr, "gnbv user: unknown role \"%s\"; one of:", role_name);
		for (size_t i = 0; i < roles_count(); i++)
			fprintf(stderr, " %s", role_at(i)->name);
		fputc('\n', stderr);
		return EXIT_BADINPUT;
	}
	if (strcmp(unit, "*") == 0) {
		if (!role->national) {
			cli_error(cmd, "--unit \"*\" (the whole country) is only for the roles ministry, supervisor and admin");
			return EXIT_BADINPUT;
		}
	} else {
		unit_set *u = NULL;
		gn_err rc = store_units_load(st, &u);
		if (rc) {
			cli_error(cmd, "cannot read the units: %s", gn_strerror(rc));
			return EXIT_FAIL;
		}
		bool known = units_find(u, unit, strlen(unit)) >= 0;
		units_free(u);
		if (!known) {
			cli_error(cmd, "unknown unit \"%s\" (import the units first: gnbv import units)",
				  unit);
			return EXIT_BADINPUT;
		}
	}
	st_user user = {0};
	if (strlen(unit) >= sizeof user.unit_code ||
	    (name && strlen(name) >= sizeof user.full_name)) {
		cli_error(cmd, "--unit or --name is too long");
		return EXIT_BADINPUT;
	}
	st_user existing;
	if (store_user_get(st, username, &existing) == GN_OK) {
		cli_error(cmd, "user \"%s\" exists already", username);
		return EXIT_BADINPUT;
	}
	int status = read_password(cmd, user.pw_hash);
	if (status)
		return status;
	snprintf(user.username, sizeof user.username, "%s", username);
	snprintf(user.full_name, sizeof user.full_name, "%s", name ? name : "");
	snprintf(user.role, sizeof user.role, "%s", role->name);
	snprintf(user.unit_code, sizeof user.unit_code, "%s", unit);
	gn_err rc = store_user_add(st, &user);
	if (rc == GN_EEXIST) {
		cli_error(cmd, "user \"%s\" exists already", username);
		return EXIT_BADINPUT;
	}
	if (rc) {
		cli_error(cmd, "cannot add the user: %s", gn_strerror(rc));
		return EXIT_FAIL;
	}
	printf("user %s added (id %lld, %s, unit %s)\n", user.username, (long long)user.id,
	       user.role, user.unit_code);
	return EXIT_OK;
}

static int user_change(const cli_command *cmd, store *st, const char *verb,
		       const char *username)
{
	st_user u;
	gn_err rc = store_user_get(st, username, &u);
	if (rc == GN_ENOTFOUND) {
		cli_error(cmd, "no user \"%s\"", username);
		return EXIT_BADINPUT;
	}
	if (rc) {
		cli_error(cmd, "cannot read the user: %s", gn_strerror(rc));
		return EXIT_FAIL;
	}
	if (strcmp(verb, "passwd") == 0) {
		int status = read_password(cmd, u.pw_hash);
		if (status)
			return status;
	} else {
		u.disabled = strcmp(verb, "disable") == 0;
	}
	rc = store_user_update(st, &u);
	/* a new password or a disabled account ends the open sessions */
	if (rc == GN_OK && (strcmp(verb, "passwd") == 0 || u.disabled))
		rc = store_sessions_delete_user(st, u.id);
	if (rc) {
		cli_error(cmd, "cannot update the user: %s", gn_strerror(rc));
		return EXIT_FAIL;
	}
	printf("user %s: %s\n", u.username,
	       strcmp(verb, "passwd") == 0 ? "password changed"
	       : u.disabled		  ? "disabled"
					  : "enabled");
	return EXIT_OK;
}

static int user_list(store *st)
{
	st_user *users = NULL;
	size_t n = 0;
	gn_err rc = store_users_list(st, &users, &n);
	if (rc) {
		fprintf(stderr, "gnbv user: cannot list the users: %s\n", gn_strerror(rc));
		return EXIT_FAIL;
	}
	buf out;
	buf_init(&out, 0);
	buf_puts(&out, "username,full_name,role,unit_code,disabled\n");
	for (size_t i = 0; i < n; i++) {
		const char *f[5] = {users[i].username, users[i].full_name, users[i].role,
				    users[i].unit_code, users[i].disabled ? "1" : "0"};
		csv_put_record(&out, f, 5);
	}
	free(users);
	rc = cli_write_stdout(&out);
	buf_free(&out);
	return rc ? EXIT_FAIL : EXIT_OK;
}

static int run(const cli_command *cmd, const cli_args *a)
{
	const char *verb = a->pos[0];
	const char *username = a->npos > 1 ? a->pos[1] : NULL;
	bool is_list = strcmp(verb, "list") == 0;
	if (!is_list && strcmp(verb, "add") != 0 && strcmp(verb, "passwd") != 0 &&
	    strcmp(verb, "disable") != 0 && strcmp(verb, "enable") != 0) {
		cli_error(cmd, "unknown action \"%s\" (add, passwd, disable, enable or list)", verb);
		return EXIT_BADINPUT;
	}
	if (is_list ? username != NULL : username == NULL) {
		cli_error(cmd, is_list ? "user list takes no username" : "missing USERNAME");
		return EXIT_BADINPUT;
	}
	if (username && !valid_username(username)) {
		cli_error(cmd, "bad username \"%s\" (1 to 63 letters, digits, . _ - @)", username);
		return EXIT_BADINPUT;
	}
	if (strcmp(verb, "add") != 0 && (cli_get(cmd, a, "role") || cli_get(cmd, a, "unit") ||
					 cli_get(cmd, a, "name"))) {
		cli_error(cmd, "--role, --unit and --name go with user add only");
		return EXIT_BADINPUT;
	}
	store *st = NULL;
	int status = open_store(cmd, a, &st);
	if (status)
		return status;
	if (is_list)
		status = user_list(st);
	else if (strcmp(verb, "add") == 0)
		status = user_add(cmd, a, st, username);
	else
		status = user_change(cmd, st, verb, username);
	store_close(st);
	if (fflush(stdout) != 0)
		status = EXIT_FAIL;
	return status;
}

static const cli_opt opts[] = {
	{"role", "ROLE", false, "add: collaborator, commune_officer, commune_chair, district_officer, province_officer, ministry, supervisor or admin"},
	{"unit", "CODE", false, "add: the user's unit (scope); \"*\" = whole country (national roles)"},
	{"name", "TEXT", false, "add: full name"},
	{"db", "FILE", false, "database (default $GNBV_DB, else gnbv.db)"},
	{"password-stdin", NULL, false, "read the password from standard input (the default)"},
};

const cli_command cmd_user = {
	.name = "user",
	.args = "add|passwd|disable|enable|list [USERNAME]",
	.summary = "manage the accounts of the web application",
	.details =
		"user add USERNAME --role ROLE --unit CODE [--name \"Full Name\"]\n"
		"user passwd USERNAME     change the password (ends its sessions)\n"
		"user disable USERNAME    refuse its logins and end its sessions\n"
		"user enable USERNAME\n"
		"user list                print the accounts as CSV\n"
		"Passwords (8 to 1024 bytes) are read from standard input, one line.",
	.opts = opts,
	.nopts = sizeof opts / sizeof opts[0],
	.min_pos = 1,
	.max_pos = 2,
	.run = run,
};
