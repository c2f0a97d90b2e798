/*
 * fuzz_report_types.c - libFuzzer harness for the reporting calendar's
 * parsers (core/reporting.h, io/report_types_file.h). Any input is read
 * three ways:
 *   - as data/me/report_types.csv: either GN_OK, no error and at least one
 *     type, each with a code, names, levels that send reports and a due
 *     rule that can date its periods; or GN_EINPUT with at least one error;
 *   - as a due rule (the API's local deadlines): when it parses, its
 *     canonical text parses to the same rule, and it dates a period of
 *     every kind it fits without crashing, on or after the period's start
 *     for working-day rules;
 *   - as a period key (the API's submissions): when it parses, the key
 *     written back is the same text and the period's days are in order.
 */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "core/reporting.h"
#include "io/report_types_file.h"

static void check_file(const char *data, size_t size)
{
	rp_types *ts = rp_types_new();
	gn_diag *d = diag_new(50);
	gn_err rc = report_types_parse(ts, "t.csv", data, size, d);
	if (rc == GN_OK) {
		if (diag_errors(d) != 0 || rp_types_count(ts) == 0)
			abort();
		for (size_t i = 0; i < rp_types_count(ts); i++) {
			const rp_type *t = rp_types_at(ts, i);
			if (!t->code[0] || !t->name_vi[0] || !t->name_en[0] || !t->levels ||
			    !rp_rule_fits(&t->due, t->period) || rp_types_find(ts, t->code) != t)
				abort();
		}
	} else if (rc == GN_EINPUT) {
		if (diag_errors(d) == 0)
			abort();
	} else {
		abort();
	}
	diag_free(d);
	rp_types_free(ts);
}

static void check_rule(const char *data, size_t size)
{
	rp_rule r;
	const char *why = NULL;
	if (!rp_rule_parse(data, size, &r, &why)) {
		if (!why)
			abort();
		return;
	}
	char text[RP_RULE_MAX];
	rp_rule_format(&r, text);
	rp_rule again;
	if (!rp_rule_parse(text, strlen(text), &again, NULL) || again.kind != r.kind ||
	    again.month != r.month || again.day != r.day || again.n != r.n || again.roll != r.roll)
		abort();
	buf b;
	buf_init(&b, 0);
	rp_rule_label(&r, false, &b);
	rp_rule_label(&r, true, &b);
	buf_free(&b);
	for (int k = 0; k < RP_KIND_COUNT; k++) {
		if (!rp_rule_fits(&r, (rp_kind)k))
			continue;
		rp_period ps[12];
		size_t n = rp_periods_of_year((rp_kind)k, 2025, RP_ALL_MONTHS, ps);
		if (k == RP_ADHOC) {
			ps[0] = rp_adhoc_period(1, date_from_ymd(2025, 1, 24));
			n = 1;
		}
		for (size_t i = 0; i < n; i++) {
			gn_date due = rp_due(&r, &ps[i], NULL);
			if ((r.kind == RR_WD_END || r.kind == RR_WD_REQUEST) && due <= ps[i].start)
				abort();
		}
	}
}

static void check_period(const char *data, size_t size)
{
	rp_period p;
	if (!rp_period_parse(data, size, &p))
		return;
	char key[RP_KEY_MAX];
	rp_period_key(&p, key);
	if (strlen(key) != size || memcmp(key, data, size) != 0 || p.end < p.start)
		abort();
	buf b;
	buf_init(&b, 0);
	rp_period_label(&p, false, &b);
	buf_free(&b);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	const char *s = (const char *)data;
	check_file(s, size);
	if (size <= 64) {
		check_rule(s, size);
		check_period(s, size);
	}
	return 0;
}
