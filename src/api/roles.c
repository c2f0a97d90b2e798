/* roles.c - the roles and their permissions, as data. Layer: api. */
#include "roles.h"

#include <string.h>

static const role_info roles[] = {
	/* name               label_vi                     label_en               pers  id     write  appr   import map    users  ro     natl   rounds me */
	{"collaborator",      "Cộng tác viên",             "Collaborator",        true, true,  true,  false, false, false, false, false, false, false, false},
	{"commune_officer",   "Cán bộ xã",                 "Commune officer",     true, true,  true,  false, true,  false, false, false, false, true, true},
	{"commune_chair",     "Chủ tịch UBND xã",          "Commune chair",       true, true,  true,  true,  false, false, false, false, false, true, true},
	{"district_officer",  "Cán bộ huyện",              "District officer",    true, false, false, false, true,  false, false, false, false, false, true},
	{"province_officer",  "Cán bộ tỉnh",               "Province officer",    true, false, false, false, true,  true,  false, false, false, false, true},
	{"ministry",          "Bộ",                        "Ministry",            false, false, false, false, false, false, false, false, true, false, true},
	{"supervisor",        "Giám sát (Mặt trận Tổ quốc)", "Supervisor",        false, false, false, false, false, false, false, true,  true, false, false},
	{"admin",             "Quản trị",                  "Administrator",       false, false, false, false, false, true,  true,  false, true, false, false},
};

const role_info *role_find(const char *name)
{
	for (size_t i = 0; i < sizeof roles / sizeof roles[0]; i++)
		if (strcmp(roles[i].name, name) == 0)
			return &roles[i];
	return NULL;
}

size_t roles_count(void)
{
	return sizeof roles / sizeof roles[0];
}

const role_info *role_at(size_t i)
{
	return i < roles_count() ? &roles[i] : NULL;
}
