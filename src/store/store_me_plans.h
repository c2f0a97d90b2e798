/*
 * store_me_plans.h - the part of the storage interface (store.h) for the
 * programme's monitoring and evaluation, area "plans" (issue 5). Included
 * by store.h; conventions as there. Implementation: sqlite_me_plans.c.
 */
#ifndef GN_STORE_ME_PLANS_H
#define GN_STORE_ME_PLANS_H

#endif
