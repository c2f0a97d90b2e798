/*
 * store_me_calendar.h - the part of the storage interface (store.h) for the
 * programme's monitoring and evaluation, area "calendar" (issue 5). Included
 * by store.h; conventions as there. Implementation: sqlite_me_calendar.c.
 */
#ifndef GN_STORE_ME_CALENDAR_H
#define GN_STORE_ME_CALENDAR_H

#endif
