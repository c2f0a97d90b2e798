/*
 * standard_file.h - reads poverty standards from data files (*.std).
 *
 * Layer: io. The format is documented at the top of
 * data/standards/2022-2025.std and in docs/ARCHITECTURE.md. Errors name
 * the file, the line and the key.
 */
#ifndef GN_STANDARD_FILE_H
#define GN_STANDARD_FILE_H

#include "../core/diag.h"
#include "../core/err.h"
#include "../core/standard.h"

/* Parses the text (len bytes) of one standard file named `name` and adds
 * it to set. GN_EINPUT with errors in d. */
gn_err std_parse(std_set *set, const char *name, const char *text,
		 size_t len, gn_diag *d);
/* Reads one file. */
gn_err std_load_file(std_set *set, const char *path, gn_diag *d);
/* Reads every *.std file of dir (not its subfolders), in name order.
 * GN_EINPUT when a file is bad or when the folder holds no standard. */
gn_err std_load_dir(std_set *set, const char *dir, gn_diag *d);

#endif
