/*
 * csv_int.h - private to csv.c and its tests: knobs that let the unit tests
 * and the fuzz harness reach the reader's rare paths with small inputs.
 */
#ifndef GN_CSV_INT_H
#define GN_CSV_INT_H

#include <stdbool.h>
#include <stddef.h>

/* Sets the size of the first file read (0: the default 1 MiB), so that
 * small files cross many window refills, and turns the 16-byte fast path
 * on or off (to compare it with the byte-by-byte one). Not thread-safe:
 * call before opening readers. */
void csv_testing(size_t block, bool fast);

#endif
