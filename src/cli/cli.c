/* cli.c - command table, option parsing and generated help. Layer: cli. */
#include "cli.h"

#include <errno.h>
#include <limits.h>
#include <stdarg.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "../core/mem.h"
#include "commands.h"

static const cli_command *const commands[] = {
	&cmd_classify,
	&cmd_summary,
	&cmd_af,
	&cmd_synth,
	&cmd_init,
	&cmd_import,
	&cmd_export,
	&cmd_report,
	&cmd_draft,
	&cmd_capacity,
	&cmd_serve,
	&cmd_user,
};
#define NCOMMANDS (sizeof commands / sizeof commands[0])

static const cli_command *find_command(const char *name)
{
	for (size_t i = 0; i < NCOMMANDS; i++)
		if (strcmp(commands[i]->name, name) == 0)
			return commands[i];
	return NULL;
}

static void print_usage_line(FILE *f, const cli_command *c)
{
	fprintf(f, "usage: gnbv %s", c->name);
	for (size_t i = 0; i < c->nopts; i++) {
		const cli_opt *o = &c->opts[i];
		fprintf(f, " %s--%s%s%s%s", o->required ? "" : "[", o->name,
			o->metavar ? " " : "", o->metavar ? o->metavar : "",
			o->required ? "" : "]");
	}
	if (c->args)
		fprintf(f, " %s", c->args);
	fputc('\n', f);
}

static void print_command_help(FILE *f, const cli_command *c)
{
	print_usage_line(f, c);
	fprintf(f, "\n%s\n", c->summary);
	if (c->details)
		fprintf(f, "\n%s\n", c->details);
	if (c->nopts)
		fputs("\noptions:\n", f);
	for (size_t i = 0; i < c->nopts; i++) {
		const cli_opt *o = &c->opts[i];
		char left[64];
		char sh[8] = "";
		for (size_t j = 0; j < c->nshorts; j++)
			if (strcmp(c->shorts[j].name, o->name) == 0)
				snprintf(sh, sizeof sh, "-%c, ", c->shorts[j].letter);
		snprintf(left, sizeof left, "%s--%s%s%s", sh, o->name,
			 o->metavar ? " " : "", o->metavar ? o->metavar : "");
		fprintf(f, "  %-24s %s%s\n", left, o->help,
			o->required ? " (required)" : "");
	}
	fputs("  --help                   show this help\n", f);
}

static void print_overview(FILE *f)
{
	fputs("gnbv - monitoring and evaluation for the National Target Program on\n"
	      "Sustainable Poverty Reduction (CTMTQG giảm nghèo bền vững)\n\n"
	      "usage: gnbv COMMAND [OPTIONS]\n\ncommands:\n",
	      f);
	fprintf(f, "  %-10s %s\n", "help", "show this list, or `gnbv help COMMAND`");
	for (size_t i = 0; i < NCOMMANDS; i++)
		fprintf(f, "  %-10s %s\n", commands[i]->name, commands[i]->summary);
	fputs("\nRun `gnbv COMMAND --help` for the options of one command.\n", f);
}

static int opt_index(const cli_command *c, const char *name, size_t len)
{
	for (size_t i = 0; i < c->nopts; i++)
		if (strlen(c->opts[i].name) == len &&
		    memcmp(c->opts[i].name, name, len) == 0)
			return (int)i;
	return -1;
}

/* Returns -1 to go on, else the exit status to return at once. */
static int parse_args(const cli_command *c, int argc, char **argv,
		      cli_args *a)
{
	memset(a, 0, sizeof *a);
	for (int i = 0; i < argc; i++) {
		const char *s = argv[i];
		if (strcmp(s, "--help") == 0 || strcmp(s, "-h") == 0) {
			print_command_help(stdout, c);
			return EXIT_OK;
		}
		const char *alias = NULL;
		if (s[0] == '-' && s[1] && s[1] != '-' && !s[2])
			for (size_t j = 0; j < c->nshorts; j++)
				if (c->shorts[j].letter == s[1])
					alias = c->shorts[j].name;
		if ((strncmp(s, "--", 2) == 0 && s[2]) || alias) {
			const char *name = alias ? alias : s + 2;
			const char *eq = alias ? NULL : strchr(name, '=');
			size_t len = eq ? (size_t)(eq - name) : strlen(name);
			int k = opt_index(c, name, len);
			if (k < 0) {
				cli_error(c, "unknown option '%s' (see gnbv %s --help)",
					  s, c->name);
				return EXIT_BADINPUT;
			}
			const cli_opt *o = &c->opts[k];
			if (a->set[k]) {
				cli_error(c, "option --%s given twice", o->name);
				return EXIT_BADINPUT;
			}
			a->set[k] = true;
			if (!o->metavar) {
				if (eq) {
					cli_error(c, "option --%s takes no value", o->name);
					return EXIT_BADINPUT;
				}
				continue;
			}
			if (eq) {
				a->val[k] = eq + 1;
			} else if (i + 1 < argc) {
				a->val[k] = argv[++i];
			} else {
				cli_error(c, "option --%s needs a value (%s)", o->name,
					  o->metavar);
				return EXIT_BADINPUT;
			}
			continue;
		}
		if (a->npos >= c->max_pos || a->npos >= CLI_MAX_POS) {
			cli_error(c, "unexpected argument '%s' (see gnbv %s --help)",
				  s, c->name);
			return EXIT_BADINPUT;
		}
		a->pos[a->npos++] = s;
	}
	for (size_t k = 0; k < c->nopts; k++) {
		if (c->opts[k].required && !a->set[k]) {
			cli_error(c, "missing required option --%s %s",
				  c->opts[k].name,
				  c->opts[k].metavar ? c->opts[k].metavar : "");
			return EXIT_BADINPUT;
		}
	}
	if (a->npos < c->min_pos) {
		cli_error(c, "missing argument %s", c->args ? c->args : "");
		return EXIT_BADINPUT;
	}
	return -1;
}

int cli_main(int argc, char **argv)
{
	if (argc < 2) {
		print_overview(stderr);
		return EXIT_BADINPUT;
	}
	const char *name = argv[1];
	if (strcmp(name, "help") == 0 || strcmp(name, "--help") == 0 ||
	    strcmp(name, "-h") == 0) {
		if (argc > 2) {
			const cli_command *c = find_command(argv[2]);
			if (!c) {
				fprintf(stderr, "gnbv: unknown command '%s'\n", argv[2]);
				return EXIT_BADINPUT;
			}
			print_command_help(stdout, c);
			return EXIT_OK;
		}
		print_overview(stdout);
		return EXIT_OK;
	}
	const cli_command *c = find_command(name);
	if (!c) {
		fprintf(stderr, "gnbv: unknown command '%s' (see gnbv help)\n", name);
		return EXIT_BADINPUT;
	}
	cli_args a;
	int rc = parse_args(c, argc - 2, argv + 2, &a);
	if (rc >= 0)
		return rc;
	return c->run(c, &a);
}

const char *cli_get(const cli_command *cmd, const cli_args *a,
		    const char *name)
{
	int k = opt_index(cmd, name, strlen(name));
	return k < 0 ? NULL : a->val[k];
}

bool cli_flag(const cli_command *cmd, const cli_args *a, const char *name)
{
	int k = opt_index(cmd, name, strlen(name));
	return k >= 0 && a->set[k];
}

bool cli_get_int(const cli_command *cmd, const cli_args *a, const char *name,
		 long lo, long hi, long dflt, long *out)
{
	const char *s = cli_get(cmd, a, name);
	if (!s) {
		*out = dflt;
		return true;
	}
	char *end;
	errno = 0;
	long v = strtol(s, &end, 10);
	if (!*s || *end || errno || v < lo || v > hi) {
		cli_error(cmd, "--%s: expected a whole number from %ld to %ld, got \"%s\"",
			  name, lo, hi, s);
		return false;
	}
	*out = v;
	return true;
}

void cli_error(const cli_command *cmd, const char *fmt, ...)
{
	va_list ap;
	fprintf(stderr, "gnbv %s: ", cmd ? cmd->name : "");
	va_start(ap, fmt);
	vfprintf(stderr, fmt, ap);
	va_end(ap);
	fputc('\n', stderr);
}

size_t cli_print_diag(const gn_diag *d)
{
	for (size_t i = 0; i < diag_count(d); i++) {
		const diag_item *it = diag_at(d, i);
		fputs(it->file, stderr);
		if (it->line > 0)
			fprintf(stderr, ":%ld", it->line);
		fputs(": ", stderr);
		if (it->kind == DIAG_WARNING)
			fputs("warning: ", stderr);
		if (it->column[0])
			fprintf(stderr, "column %s: ", it->column);
		fprintf(stderr, "%s\n", it->text);
	}
	if (diag_truncated(d))
		fprintf(stderr, "gnbv: %zu errors in all; only the first %zu are shown\n",
			diag_errors(d), diag_count(d));
	return diag_errors(d);
}

static bool is_dir(const char *p)
{
	struct stat st;
	return stat(p, &st) == 0 && S_ISDIR(st.st_mode);
}

const char *cli_data_dir(void)
{
	static char found[PATH_MAX];
	if (found[0])
		return found;
	const char *env = getenv("GNBV_DATA");
	if (env && *env) {
		snprintf(found, sizeof found, "%s", env);
		return found;
	}
	char exe[PATH_MAX];
	ssize_t n = readlink("/proc/self/exe", exe, sizeof exe - 1);
	if (n > 0) {
		exe[n] = '\0';
		char *slash = strrchr(exe, '/');
		if (slash)
			*slash = '\0';
		static const char *const rel[] = {"/../data", "/../share/gnbv", "/data"};
		for (size_t i = 0; i < sizeof rel / sizeof rel[0]; i++) {
			char cand[PATH_MAX + 32];
			snprintf(cand, sizeof cand, "%s%s", exe, rel[i]);
			size_t len = strlen(cand);
			if (is_dir(cand) && len < sizeof found) {
				memcpy(found, cand, len + 1);
				return found;
			}
		}
	}
	snprintf(found, sizeof found, "data");
	return found;
}

gn_err cli_write_stdout(const buf *out)
{
	if (out->len && fwrite(out->p, 1, out->len, stdout) != out->len)
		return GN_EIO;
	return GN_OK;
}
