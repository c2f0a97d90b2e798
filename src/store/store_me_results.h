/*
 * store_me_results.h - the part of the storage interface (store.h) for the
 * programme's monitoring and evaluation, area "results" (issue 5). Included
 * by store.h; conventions as there. Implementation: sqlite_me_results.c.
 */
#ifndef GN_STORE_ME_RESULTS_H
#define GN_STORE_ME_RESULTS_H

#endif
