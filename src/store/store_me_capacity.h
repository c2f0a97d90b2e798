/*
 * store_me_capacity.h - the part of the storage interface (store.h) for the
 * programme's monitoring and evaluation, area "capacity" (issue 5). Included
 * by store.h; conventions as there. Implementation: sqlite_me_capacity.c.
 *
 * Training (DA7.1): people registered once (st_person), classes, study
 * tours and conferences (st_training_class), who attended which (person x
 * class), and the count of poverty-reduction staff a unit itself has in a
 * year. Inspections: missions with the units they inspected, findings,
 * recommendations with their status and evidence (one small file each).
 *
 * Every write is audited in the caller's transaction (store_audit's
 * rules: "created", then one row per changed field):
 *   training/person/ID               entity "training_person"
 *   training/class/ID                entity "training_class" (attendance:
 *                                    field "participant", the person's id)
 *   training/staff/UNIT/YEAR         entity "training_staff"
 *   inspection/mission/ID            entity "mission" (field "units": the
 *                                    inspected codes joined by ';')
 *   inspection/mission/ID/finding/F  entity "finding"
 *   inspection/mission/ID/recommendation/R   entity "recommendation"
 * Lists filtered by unit take codes (NULL: every unit) as the rounds' do.
 * Dates are "YYYY-MM-DD", "" when not set.
 */
#ifndef GN_STORE_ME_CAPACITY_H
#define GN_STORE_ME_CAPACITY_H

/* ---- people -------------------------------------------------------------- */

typedef struct st_person {
	int64_t id;
	char *full_name;          /* NFC, spaces collapsed */
	char sex;                 /* 'M' or 'F' */
	int birth_year;           /* 0: not given */
	char unit_code[ST_CODE];  /* where the person works */
	char *position;           /* chức danh, "" when not given */
	bool staff;               /* poverty-reduction staff (cán bộ làm công tác giảm nghèo) */
	int64_t created_by, updated_at;
} st_person;

void st_person_clear(st_person *p);
void store_persons_free(st_person *p, size_t n);

/* Registers a person (sets id). GN_EEXIST when the unit already has a
 * person of the same folded name (text_fold: "Nguyen Van An" is "Nguyễn
 * Văn An") and birth year; GN_EINPUT for a missing name, unit or sex. */
gn_err store_person_add(store *st, st_person *p, int64_t user);
gn_err store_person_get(store *st, int64_t id, st_person *out);
/* Changes a person's fields (audited). GN_EEXIST as store_person_add. */
gn_err store_person_update(store *st, const st_person *p, int64_t user);
/* People of the units `codes` (NULL: any) whose folded name contains the
 * fold of q (NULL or "": any), in Vietnamese name order, at most limit. */
gn_err store_persons_find(store *st, const char *const *codes, size_t ncodes, const char *q,
			  size_t limit, st_person **out, size_t *n);
/* People of `unit` whose folded name equals that of full_name (any birth
 * year), for picking a person already registered. */
gn_err store_persons_same_name(store *st, const char *unit, const char *full_name,
			       st_person **out, size_t *n);

/* ---- training classes ---------------------------------------------------------- */

typedef struct st_training_class {
	int64_t id;
	char kind[16];            /* training | study_tour | conference */
	char *title;
	char unit_code[ST_CODE];  /* organiser; "*": central */
	char level[12];           /* commune | district | province | central */
	char *place;
	char start_date[11], end_date[11];
	int half_days;            /* length in half days (1 = half a day) */
	char *topics;
	char project[16];         /* DA7.1 ... */
	int64_t funding;          /* đồng; -1: not given */
	int64_t created_by, updated_at;
	int64_t participants;     /* on reads: people attending */
} st_training_class;

void st_training_class_clear(st_training_class *c);
void store_training_classes_free(st_training_class *c, size_t n);

/* Adds a class (sets id); GN_EINPUT when a required field is missing. */
gn_err store_training_class_add(store *st, st_training_class *c, int64_t user);
gn_err store_training_class_get(store *st, int64_t id, st_training_class *out);
/* Changes every field but id (audited field by field). */
gn_err store_training_class_update(store *st, const st_training_class *c, int64_t user);

typedef struct st_training_filter {
	const char *const *unit_codes; /* NULL: every unit */
	size_t nunits;
	int year;                      /* of the start date; 0: any */
	const char *kind;              /* NULL: any */
	bool organised_only;           /* only classes organised by the units;
					* else also those attended by their people */
} st_training_filter;

/* Classes newest first (start date, then id). */
gn_err store_training_classes_list(store *st, const st_training_filter *f,
				   st_training_class **out, size_t *n);

/* Records that person attended class (audited). GN_EEXIST when already
 * recorded, GN_ENOTFOUND when either does not exist. */
gn_err store_training_attend(store *st, int64_t class_id, int64_t person_id, int64_t user);
/* Removes an attendance (audited). GN_ENOTFOUND when there is none. */
gn_err store_training_unattend(store *st, int64_t class_id, int64_t person_id, int64_t user);
/* The people attending a class, in Vietnamese name order. */
gn_err store_training_participants(store *st, int64_t class_id, st_person **out, size_t *n);

/* One attendance with what the tallies need. */
typedef struct st_attendance_row {
	int64_t person_id, class_id;
	char sex;
	bool staff;
	char kind[16];              /* of the class */
	char unit_code[ST_CODE];    /* of the person */
	const char *position;       /* of the person; valid during the call */
} st_attendance_row;

/* Calls fn for each attendance at a class starting in `year` by a person
 * of the units `codes` (NULL: any); stops when fn returns false. */
gn_err store_training_attendance(store *st, int year, const char *const *codes, size_t ncodes,
				 bool (*fn)(void *ctx, const st_attendance_row *r), void *ctx);

/* Sets how many poverty-reduction staff `unit` itself has in `year`
 * (audited; staff < 0 removes the count). */
gn_err store_training_staff_put(store *st, const char *unit, int year, int64_t staff,
				int64_t user);
/* Calls fn for each count of `year` of the units `codes` (NULL: any). */
gn_err store_training_staff_each(store *st, int year, const char *const *codes, size_t ncodes,
				 bool (*fn)(void *ctx, const char *unit, int64_t staff),
				 void *ctx);

/* ---- inspections ------------------------------------------------------------------- */

typedef struct st_mission {
	int64_t id;
	char kind[12];            /* inspection | monitoring | joint */
	char *name;               /* e.g. "Kiểm tra thực hiện Dự án 7 năm 2025" */
	char *decision_no;        /* "" when not given */
	char unit_code[ST_CODE];  /* inspecting unit; "*": central */
	char start_date[11], end_date[11];
	char *team;               /* members, free text */
	char project[16];
	char report_date[11];     /* report submitted on; "" not yet */
	int64_t created_by, updated_at;
	char (*units)[ST_CODE];   /* units inspected, in code order */
	size_t nunits;
} st_mission;

void st_mission_clear(st_mission *m);
void store_missions_free(st_mission *m, size_t n);

/* Adds a mission with its inspected units (sets id). */
gn_err store_mission_add(store *st, st_mission *m, int64_t user);
gn_err store_mission_get(store *st, int64_t id, st_mission *out);
/* Changes every field but id, the inspected units included (audited). */
gn_err store_mission_update(store *st, const st_mission *m, int64_t user);

typedef struct st_mission_filter {
	const char *const *unit_codes; /* NULL: every unit */
	size_t nunits;
	int year;                      /* of the start date; 0: any */
} st_mission_filter;

/* Missions whose inspecting unit, one of whose inspected units, or the
 * responsible unit of one of whose recommendations is one of the codes;
 * newest first. */
gn_err store_missions_list(store *st, const st_mission_filter *f, st_mission **out, size_t *n);

typedef struct st_finding {
	int64_t id, mission_id;
	char unit_code[ST_CODE];  /* the inspected unit it concerns; "" all */
	char *text;
} st_finding;

void store_findings_free(st_finding *f, size_t n);
gn_err store_findings_of(store *st, int64_t mission_id, st_finding **out, size_t *n);
/* Makes the mission's findings those given: id 0 adds one, the id of an
 * existing finding changes it, an existing one not given is removed (all
 * audited). GN_ENOTFOUND for an id that is not a finding of the mission. */
gn_err store_findings_set(store *st, int64_t mission_id, st_finding *f, size_t n,
			  int64_t user);

typedef struct st_recommendation {
	int64_t id, mission_id;
	char *text;
	char unit_code[ST_CODE];  /* the unit responsible */
	char due_date[11];
	char status[12];          /* open | in_progress | resolved */
	char resolved_date[11];   /* "" unless resolved */
	char *evidence;           /* a note: what was done, documents */
	int64_t created_by, updated_at;
	char *file_name;          /* on reads: the evidence file's name, "" none */
	int64_t file_size;
} st_recommendation;

void st_recommendation_clear(st_recommendation *r);
void store_recommendations_free(st_recommendation *r, size_t n);

gn_err store_recommendation_add(store *st, st_recommendation *r, int64_t user);
gn_err store_recommendation_get(store *st, int64_t id, st_recommendation *out);
/* Changes text, unit, due date, status, resolved date and evidence
 * (audited; the status change is a row of its own). */
gn_err store_recommendation_update(store *st, const st_recommendation *r, int64_t user);

typedef struct st_recommendation_filter {
	int64_t mission_id;            /* 0: any */
	const char *const *unit_codes; /* responsible units; NULL: any */
	size_t nunits;
	const char *status;            /* NULL: any */
	bool unresolved;               /* only open and in progress */
} st_recommendation_filter;

/* Recommendations by due date, then id. */
gn_err store_recommendations_list(store *st, const st_recommendation_filter *f,
				  st_recommendation **out, size_t *n);

/* Keeps one evidence file for a recommendation, replacing any earlier
 * (audited as field "evidence_file": old and new names). */
gn_err store_evidence_put(store *st, int64_t rec_id, const char *filename,
			  const char *content_type, const void *data, size_t len, int64_t user);
/* The evidence file: *data malloc'd (free it). GN_ENOTFOUND when none. */
gn_err store_evidence_get(store *st, int64_t rec_id, char filename[ST_NAME],
			  char content_type[64], void **data, size_t *len);

#endif
