/*
 * replay_main.c - runs a libFuzzer harness over saved inputs, without
 * libFuzzer: each argument is a file or a directory of files, each file is
 * passed once to LLVMFuzzerTestOneInput. ctest uses it to replay the seed
 * corpus in ordinary (and sanitizer) builds.
 *
 * Exit status: 0 when every input ran; 1 when an argument is missing, is an
 * empty directory or cannot be read (a corpus that vanished must not pass
 * silently). A failing input aborts inside the harness.
 */
#include <dirent.h>
#include <errno.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "core/buf.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

/* Runs the harness on one file; 0 on success. */
static int replay_file(const char *path)
{
	FILE *f = fopen(path, "rb");
	if (!f) {
		fprintf(stderr, "replay: %s: %s\n", path, strerror(errno));
		return 1;
	}
	buf b;
	buf_init(&b, 0);
	char chunk[65536];
	size_t got;
	int rc = 0;
	while ((got = fread(chunk, 1, sizeof chunk, f)) > 0) {
		if (buf_put(&b, chunk, got) != GN_OK) {
			fprintf(stderr, "replay: %s: too large\n", path);
			rc = 1;
			break;
		}
	}
	if (ferror(f)) {
		fprintf(stderr, "replay: %s: read error\n", path);
		rc = 1;
	}
	fclose(f);
	if (rc == 0) {
		/* An exact-size copy, so that ASan sees any overread. */
		uint8_t *copy = malloc(b.len ? b.len : 1);
		if (!copy) {
			buf_free(&b);
			return 1;
		}
		if (b.len)
			memcpy(copy, b.p, b.len);
		LLVMFuzzerTestOneInput(copy, b.len);
		free(copy);
	}
	buf_free(&b);
	return rc;
}

static int cmp_names(const void *a, const void *b)
{
	return strcmp(*(char *const *)a, *(char *const *)b);
}

/* Runs every regular file of dir (in name order); *count receives how
 * many. 0 on success. */
static int replay_dir(const char *dir, size_t *count)
{
	DIR *d = opendir(dir);
	if (!d) {
		fprintf(stderr, "replay: %s: %s\n", dir, strerror(errno));
		return 1;
	}
	char **names = NULL;
	size_t n = 0, cap = 0;
	struct dirent *e;
	while ((e = readdir(d)) != NULL) {
		if (e->d_name[0] == '.')
			continue;
		if (n == cap) {
			cap = cap ? cap * 2 : 64;
			char **nn = realloc(names, cap * sizeof *names);
			if (!nn)
				break;
			names = nn;
		}
		char *name = strdup(e->d_name);
		if (name)
			names[n++] = name;
	}
	closedir(d);
	qsort(names, n, sizeof *names, cmp_names);

	int rc = 0;
	*count = 0;
	for (size_t i = 0; i < n; i++) {
		buf path;
		buf_init(&path, 0);
		buf_printf(&path, "%s/%s", dir, names[i]);
		struct stat st;
		if (stat(buf_cstr(&path), &st) == 0 && S_ISREG(st.st_mode)) {
			rc |= replay_file(buf_cstr(&path));
			(*count)++;
		}
		buf_free(&path);
		free(names[i]);
	}
	free(names);
	return rc;
}

int main(int argc, char **argv)
{
	int rc = 0;
	size_t total = 0;

	if (argc < 2) {
		fprintf(stderr, "usage: %s FILE_OR_DIR...\n", argv[0]);
		return 1;
	}
	for (int i = 1; i < argc; i++) {
		struct stat st;
		if (stat(argv[i], &st) != 0) {
			fprintf(stderr, "replay: %s: %s\n", argv[i],
				strerror(errno));
			rc = 1;
		} else if (S_ISDIR(st.st_mode)) {
			size_t count = 0;
			rc |= replay_dir(argv[i], &count);
			if (count == 0) {
				fprintf(stderr, "replay: %s: no inputs\n",
					argv[i]);
				rc = 1;
			}
			total += count;
		} else {
			rc |= replay_file(argv[i]);
			total++;
		}
	}
	printf("replayed %zu inputs%s\n", total, rc ? " (with errors)" : "");
	return rc;
}
