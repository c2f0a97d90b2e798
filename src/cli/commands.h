/*
 * commands.h - the subcommands, one per cmd_NAME.c, listed in cli.c.
 * Layer: cli.
 */
#ifndef GN_COMMANDS_H
#define GN_COMMANDS_H

#include "cli.h"

extern const cli_command cmd_classify;
extern const cli_command cmd_summary;
extern const cli_command cmd_af;
extern const cli_command cmd_synth;
extern const cli_command cmd_serve;
extern const cli_command cmd_user;
extern const cli_command cmd_init;
extern const cli_command cmd_import;
extern const cli_command cmd_export;
extern const cli_command cmd_report;
extern const cli_command cmd_draft;
extern const cli_command cmd_capacity;

#endif
