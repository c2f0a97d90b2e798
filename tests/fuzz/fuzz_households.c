/*
 * fuzz_households.c - libFuzzer harness for the households.csv reader: any
 * input is read with the fast path for plain rows and without it, and the
 * two must give the same rows, codes and messages (tests/unit/hh_compare.h).
 * The units are fixed; the standards are the shipped ones (data/).
 */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/buf.h"
#include "../unit/hh_compare.h"
#include "io/standard_file.h"
#include "io/units_file.h"

static unit_set *units;
static std_set *standards;

static const char units_csv[] =
	"code,name,level,parent_code,type,urban,valid_from,valid_to\n"
	"01,Tỉnh Một,province,,tinh,,,\n"
	"00001,Xã Một,commune,01,xa,,,2025-06-30\n"
	"00001,Xã Một Mới,commune,01,phuong,,2025-07-01,\n"
	"00002,Phường Hai,commune,01,phuong,,,\n"
	"00003,Xã Ba,commune,01,xa,1,,\n"
	"0000301,Thôn Một,village,00003,thon,,,\n";

static void init(void)
{
	gn_diag *d = diag_new(10);
	char path[] = "/tmp/gnbv-fuzz-units-XXXXXX";
	int fd = mkstemp(path);
	FILE *f = fdopen(fd, "w");
	fputs(units_csv, f);
	fclose(f);
	if (unitfile_load(path, "units.csv", NULL, NULL, d, &units) != GN_OK)
		abort();
	remove(path);
	standards = std_set_new();
	buf p;
	buf_init(&p, 0);
	const char *data = getenv("GNBV_DATA");
	buf_printf(&p, "%s/standards", data ? data : GNBV_SOURCE_DIR "/data");
	if (std_load_dir(standards, buf_cstr(&p), d) != GN_OK)
		abort();
	buf_free(&p);
	diag_free(d);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	if (!units)
		init();
	hh_compare((const char *)data, size, units, standards);
	return 0;
}
