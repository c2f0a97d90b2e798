/*
 * err.h - the project-wide error code.
 *
 * Layer: core (no I/O). Every fallible function in gnbv returns a gn_err,
 * with its outputs as the last parameters. Messages meant for people
 * (file, line, column) travel separately in a gn_diag (diag.h).
 */
#ifndef GN_ERR_H
#define GN_ERR_H

typedef enum gn_err {
	GN_OK = 0,
	GN_ENOMEM,    /* allocation failed or a size cap was reached */
	GN_EIO,       /* a file could not be opened, read or written */
	GN_EINPUT,    /* input broke a rule of formats.md (exit status 2) */
	GN_EUSAGE,    /* bad command line (exit status 2) */
	GN_ENOTFOUND, /* a looked-up thing does not exist */
	GN_EEXIST,    /* a thing that must be unique exists already */
	GN_ERANGE,    /* a number does not fit */
	GN_EINTERNAL  /* a broken invariant: a bug */
} gn_err;

/* A short English description of rc; never NULL, never to be freed. */
const char *gn_strerror(gn_err rc);

#endif
