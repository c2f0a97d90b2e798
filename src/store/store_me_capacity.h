/*
 * store_me_capacity.h - the part of the storage interface (store.h) for the
 * programme's monitoring and evaluation, area "capacity" (issue 5). Included
 * by store.h; conventions as there. Implementation: sqlite_me_capacity.c.
 */
#ifndef GN_STORE_ME_CAPACITY_H
#define GN_STORE_ME_CAPACITY_H

#endif
