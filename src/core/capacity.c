/* capacity.c - training and inspection rules. Layer: core (pure). See
 * capacity.h. */
#include "capacity.h"

#include <stdlib.h>
#include <string.h>

#include "mem.h"

/* ---- names --------------------------------------------------------------- */

typedef struct name3 {
	const char *name, *vi, *en;
} name3;

static const name3 kinds[CAP_KIND_COUNT] = {
	{"training", "Lớp tập huấn, bồi dưỡng", "Training class"},
	{"study_tour", "Tham quan học tập, trao đổi kinh nghiệm", "Study tour"},
	{"conference", "Hội nghị, hội thảo", "Conference or workshop"},
};

static const name3 levels[CAP_LEVEL_COUNT] = {
	{"commune", "Cấp xã", "Commune"},
	{"district", "Cấp huyện", "District"},
	{"province", "Cấp tỉnh", "Province"},
	{"central", "Trung ương", "Central"},
};

static const name3 mission_kinds[CAP_MISSION_KIND_COUNT] = {
	{"inspection", "Kiểm tra", "Inspection"},
	{"monitoring", "Giám sát", "Monitoring"},
	{"joint", "Kiểm tra, giám sát", "Inspection and monitoring"},
};

static const name3 statuses[CAP_STATUS_COUNT] = {
	{"open", "Chưa thực hiện", "Open"},
	{"in_progress", "Đang thực hiện", "In progress"},
	{"resolved", "Đã khắc phục", "Resolved"},
};

static bool parse3(const name3 *t, int n, const char *s, int *out)
{
	if (!s)
		return false;
	for (int i = 0; i < n; i++)
		if (strcmp(t[i].name, s) == 0) {
			*out = i;
			return true;
		}
	return false;
}

const char *cap_kind_name(cap_kind k)
{
	return k < CAP_KIND_COUNT ? kinds[k].name : "";
}

const char *cap_kind_label(cap_kind k, bool en)
{
	return k < CAP_KIND_COUNT ? (en ? kinds[k].en : kinds[k].vi) : "";
}

bool cap_kind_parse(const char *s, cap_kind *out)
{
	int i;
	if (!parse3(kinds, CAP_KIND_COUNT, s, &i))
		return false;
	*out = (cap_kind)i;
	return true;
}

const char *cap_level_name(cap_level l)
{
	return l < CAP_LEVEL_COUNT ? levels[l].name : "";
}

const char *cap_level_label(cap_level l, bool en)
{
	return l < CAP_LEVEL_COUNT ? (en ? levels[l].en : levels[l].vi) : "";
}

bool cap_level_parse(const char *s, cap_level *out)
{
	int i;
	if (!parse3(levels, CAP_LEVEL_COUNT, s, &i))
		return false;
	*out = (cap_level)i;
	return true;
}

const char *cap_mission_kind_name(cap_mission_kind k)
{
	return k < CAP_MISSION_KIND_COUNT ? mission_kinds[k].name : "";
}

const char *cap_mission_kind_label(cap_mission_kind k, bool en)
{
	return k < CAP_MISSION_KIND_COUNT ? (en ? mission_kinds[k].en : mission_kinds[k].vi) : "";
}

bool cap_mission_kind_parse(const char *s, cap_mission_kind *out)
{
	int i;
	if (!parse3(mission_kinds, CAP_MISSION_KIND_COUNT, s, &i))
		return false;
	*out = (cap_mission_kind)i;
	return true;
}

const char *cap_status_name(cap_status s)
{
	return s < CAP_STATUS_COUNT ? statuses[s].name : "";
}

const char *cap_status_label(cap_status s, bool en)
{
	return s < CAP_STATUS_COUNT ? (en ? statuses[s].en : statuses[s].vi) : "";
}

bool cap_status_parse(const char *s, cap_status *out)
{
	int i;
	if (!parse3(statuses, CAP_STATUS_COUNT, s, &i))
		return false;
	*out = (cap_status)i;
	return true;
}

/* ---- training ------------------------------------------------------------ */

int cap_span_days(gn_date start, gn_date end)
{
	return end < start ? 0 : (int)(end - start) + 1;
}

bool cap_half_days_ok(int half_days, gn_date start, gn_date end)
{
	int span = cap_span_days(start, end);
	return span > 0 && half_days >= 1 && half_days <= 2 * span;
}

static int by_person_class(const void *pa, const void *pb)
{
	const cap_attendance *a = pa, *b = pb;
	if (a->person_id != b->person_id)
		return a->person_id < b->person_id ? -1 : 1;
	if (a->class_id != b->class_id)
		return a->class_id < b->class_id ? -1 : 1;
	return 0;
}

static int by_id(const void *pa, const void *pb)
{
	int64_t a = *(const int64_t *)pa, b = *(const int64_t *)pb;
	return a < b ? -1 : a > b;
}

typedef struct person_pos {
	const char *position;
	bool woman;
} person_pos;

static int by_position(const void *pa, const void *pb)
{
	const person_pos *a = pa, *b = pb;
	return strcmp(a->position, b->position);
}

static int by_people(const void *pa, const void *pb)
{
	const cap_position_count *a = pa, *b = pb;
	if (a->people != b->people)
		return a->people > b->people ? -1 : 1;
	return strcmp(a->position, b->position);
}

void cap_tally_of(cap_attendance *a, size_t n, cap_tally *out)
{
	memset(out, 0, sizeof *out);
	if (n == 0)
		return;
	if (n > 1)
		qsort(a, n, sizeof *a, by_person_class);
	int64_t *classes = gn_xmalloc(n * sizeof *classes);
	person_pos *pp = gn_xmalloc(n * sizeof *pp);
	size_t nclasses = 0, npp = 0;
	for (size_t i = 0; i < n;) {
		/* one person: records i .. j-1 */
		size_t j = i;
		unsigned kinds_seen = 0;
		while (j < n && a[j].person_id == a[i].person_id) {
			if (j == i || a[j].class_id != a[j - 1].class_id) {
				out->attendances++;
				if (a[j].kind < CAP_KIND_COUNT) {
					out->attendances_by_kind[a[j].kind]++;
					kinds_seen |= 1u << a[j].kind;
				}
				classes[nclasses++] = a[j].class_id;
			}
			j++;
		}
		out->people++;
		if (a[i].sex == 'F')
			out->women++;
		if (a[i].staff)
			out->staff++;
		for (int k = 0; k < CAP_KIND_COUNT; k++)
			if (kinds_seen & (1u << k))
				out->people_by_kind[k]++;
		pp[npp++] = (person_pos){a[i].position ? a[i].position : "", a[i].sex == 'F'};
		i = j;
	}
	if (nclasses > 1)
		qsort(classes, nclasses, sizeof *classes, by_id);
	for (size_t i = 0; i < nclasses; i++)
		if (i == 0 || classes[i] != classes[i - 1])
			out->classes++;
	if (npp > 1)
		qsort(pp, npp, sizeof *pp, by_position);
	for (size_t i = 0; i < npp;) {
		size_t j = i;
		int64_t women = 0;
		while (j < npp && strcmp(pp[j].position, pp[i].position) == 0) {
			women += pp[j].woman;
			j++;
		}
		out->positions = gn_xreallocarray(out->positions, out->npositions + 1,
						  sizeof *out->positions);
		out->positions[out->npositions++] = (cap_position_count){
			gn_xstrdup(pp[i].position), (int64_t)(j - i), women};
		i = j;
	}
	if (out->npositions > 1)
		if (out->npositions > 1)
			qsort(out->positions, out->npositions, sizeof *out->positions, by_people);
	free(classes);
	free(pp);
}

void cap_tally_free(cap_tally *t)
{
	if (!t)
		return;
	for (size_t i = 0; i < t->npositions; i++)
		free(t->positions[i].position);
	free(t->positions);
	memset(t, 0, sizeof *t);
}

int64_t cap_share_hundredths(int64_t part, int64_t whole)
{
	if (whole <= 0)
		return -1;
	__int128 num = (__int128)part * 10000 * 2 + whole;
	return (int64_t)(num / ((__int128)whole * 2));
}

/* ---- inspections ---------------------------------------------------------- */

bool cap_status_move_ok(cap_status from, cap_status to)
{
	static const bool ok[CAP_STATUS_COUNT][CAP_STATUS_COUNT] = {
		/*              open   in_progress resolved */
		[CAP_OPEN] = {false, true, true},
		[CAP_IN_PROGRESS] = {true, false, true},
		[CAP_RESOLVED] = {false, true, false},
	};
	return from < CAP_STATUS_COUNT && to < CAP_STATUS_COUNT && ok[from][to];
}

bool cap_overdue(cap_status s, gn_date due, gn_date today)
{
	return s != CAP_RESOLVED && due < today;
}

int cap_days_late(cap_status s, gn_date due, gn_date today)
{
	return cap_overdue(s, due, today) ? (int)(today - due) : 0;
}

gn_date cap_report_due(const calendar *cal, gn_date end, int working_days)
{
	return cal_add_working_days(cal, end, working_days);
}

bool cap_report_late(gn_date due, gn_date submitted, gn_date today)
{
	if (submitted != GN_DATE_MIN)
		return submitted > due;
	return today > due;
}
