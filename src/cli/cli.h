/*
 * cli.h - the command table and its small option parser.
 *
 * Layer: cli. Every subcommand is one cli_command in the table of cli.c,
 * defined in its own cmd_NAME.c. Help (`gnbv help`, `gnbv CMD --help`) is
 * generated from the table, so a command and its documentation cannot
 * drift apart.
 *
 * Exit status convention: 0 success; 1 a runtime failure (a file cannot be
 * written, out of memory); 2 bad input or bad command line, with messages
 * on standard error and nothing on standard output.
 */
#ifndef GN_CLI_H
#define GN_CLI_H

#include <stdbool.h>
#include <stddef.h>
#include <stdio.h>

#include "../core/buf.h"
#include "../core/diag.h"
#include "../core/err.h"

#define CLI_MAX_OPTS 24
#define CLI_MAX_POS 8

enum { EXIT_OK = 0, EXIT_FAIL = 1, EXIT_BADINPUT = 2 };

typedef struct cli_opt {
	const char *name;    /* without dashes: "units" for --units */
	const char *metavar; /* "FILE"; NULL for a flag without value */
	bool required;
	const char *help;
} cli_opt;

/* A one-letter alias of an option: -o for --out. */
typedef struct cli_short {
	char letter;
	const char *name;    /* the option it stands for */
} cli_short;

typedef struct cli_args {
	const char *val[CLI_MAX_OPTS]; /* by option index; NULL when absent */
	bool set[CLI_MAX_OPTS];
	size_t npos;
	const char *pos[CLI_MAX_POS];
} cli_args;

typedef struct cli_command cli_command;
struct cli_command {
	const char *name;
	const char *args;    /* positional arguments in the usage line, or NULL */
	const char *summary; /* one line, shown by `gnbv help` */
	const char *details; /* paragraphs shown by `gnbv CMD --help`, or NULL */
	const cli_opt *opts;
	size_t nopts;
	size_t min_pos, max_pos; /* positional argument counts */
	const cli_short *shorts; /* one-letter aliases, or NULL */
	size_t nshorts;
	int (*run)(const cli_command *cmd, const cli_args *a);
};

/* Runs argv (argv[0] is the program). Returns the exit status. */
int cli_main(int argc, char **argv);

/* Value of option `name` (without dashes), or NULL when not given. */
const char *cli_get(const cli_command *cmd, const cli_args *a,
		    const char *name);
bool cli_flag(const cli_command *cmd, const cli_args *a, const char *name);
/* Parses option `name` as an integer in [lo, hi]; absent: *out = dflt.
 * On a bad value prints "gnbv CMD: --name: ..." and returns false. */
bool cli_get_int(const cli_command *cmd, const cli_args *a, const char *name,
		 long lo, long hi, long dflt, long *out);

/* Prints "gnbv CMD: message" on standard error. */
void cli_error(const cli_command *cmd, const char *fmt, ...)
	__attribute__((format(printf, 2, 3)));
/* Prints every item of d on standard error as "FILE:LINE: column C: text"
 * (warnings prefixed "warning: "). Returns the number of errors. */
size_t cli_print_diag(const gn_diag *d);

/* The directory of shipped data files: $GNBV_DATA, else ../data or
 * ../share/gnbv relative to the executable. Never NULL (falls back to
 * "data"). */
const char *cli_data_dir(void);

/* Writes out to standard output, checking for write errors. */
gn_err cli_write_stdout(const buf *out);

#endif
