/*
 * synth.c - the synthetic Vietnam behind `gnbv synth` (see synth.h).
 *
 * Layer: cli. Used for demos, tests and benchmarks; nothing here is a rule
 * of the program: the rules live in core and are applied by the commands
 * that read these files.
 *
 * THE MODEL
 *
 * Units. The country "VN" and the 34 provinces of the 2025 map are valid
 * always. The old map (valid until 2025-06-30) has ~700 districts (3-digit
 * codes) and ~10,000 communes (5-digit codes) under them; the new map
 * (valid from 2025-07-01) has exactly 3,321 communes directly under the
 * provinces, with the real per-province counts of communes, phuong and
 * dac_khu. The map is built by walking each province's new communes in
 * order: each absorbs 1-5 old communes created for it, and reuses the code
 * of one of them (that code then has two versions: the old one under a
 * district until 2025-06-30, the new one under the province from
 * 2025-07-01). The others get a lineage row old -> new dated 2025-07-01
 * without a share. About 1% of old communes are split between two or
 * three consecutive new communes, with lineage shares that sum to 1 (their
 * codes are never reused, so that the shares apply). A few new communes
 * hold villages (level village, type thon, 7-digit codes = commune code +
 * 2 digits, valid from 2025-07-01). Names come from syllable lists of real
 * place-name words (highland and northern-mountain ones where they
 * belong), unique within their parent.
 *
 * Population. Province households follow real 2024 population and
 * household sizes, normalised to 27.0 million households nationally at
 * --scale 1; each old commune gets a random share, phuong more, island
 * communes less (Hoàng Sa none). population.csv has one row per commune and
 * year: old communes before 2025, new communes from 2025 (the sum of their
 * sources, split sources divided by the formats.md 7.2 rounding), with
 * ~1.2% yearly growth and 3.2-4.8 persons per household (3.7 on average).
 *
 * Poverty. Every household h of old commune o (index 0..n-1, id
 * "H" + code of o + zero-padded index + 1) follows a Markov chain over the
 * states POOR, NEAR_POOR and OTHER from 2021 to 2030, driven by a hash of
 * (seed, o, h, year) so that any year can be recomputed without storing
 * anything: generation runs in constant memory, one pass per year over all
 * households (~27 M at --scale 1, ~10 s for four years), and one
 * province's output is exactly its part of the country's. The expected
 * shares of poor and near-poor households of all households follow a
 * national path (poor 3.8% in 2022 down to 2.3% in
 * 2025, near-poor 3.3% to 2.2%; a jump in 2027 when the higher 2027-2030
 * lines start), multiplied by a province factor (high in the northern
 * mountains and the highlands, low in the big cities), a commune factor
 * (phuong and thi_tran lower) and a household risk (x3 for ethnic-minority
 * heads, higher for households without labour capacity or on social
 * protection), capped and renormalised so that the national shares hold.
 * Year to year: a poor household stays poor with a probability chosen so
 * that ~15% of each year's poor are newly poor, moves to near-poor with
 * 0.15, otherwise escapes; a near-poor one becomes poor with 0.05, stays
 * with a calibrated probability, otherwise escapes; the others enter at the
 * rates that make the expected shares come out, four times as likely
 * (three for near-poor) when they were in that state before: this gives
 * re-poor and re-near households (tái nghèo). --scale changes the number
 * of households only, never the units or the parameters.
 *
 * Rows: households.csv holds only the REVIEWED households (domain.md 2:
 * "the registry holds only the households that were reviewed"): in year Y a
 * household has a row when it is poor or near-poor in Y, or was in Y-1
 * (it is on the list, so it is reviewed, and may escape), or applied that
 * year (a small rate among the others, higher where poverty is high).
 * That is 8-10% of all households a year. Escapers and applicants come out
 * AVERAGE or NOT_POOR. Every transition of formats.md 7.1 occurs.
 *
 * Values: the target class of a row is decided first, then its values are
 * drawn so that formats.md 7.1 gives exactly that class under the row's
 * standard (2022-2026 or 2027-2030) and area (the unit's type, dac_khu's
 * urban column, or the row's own `area` override, on ~2% of rows): ~20% of
 * rows carry only score_a (<= 140 rural / 175 urban for poor and
 * near-poor, above for NOT_POOR, never AVERAGE), the others only income
 * (<= line, (line, 1.5 line], above), with boundary values (exactly the
 * line, exactly 1.5 line, score exactly the cut-off, "140.5") and ~3% of
 * incomes written with thousands dots; poor rows have >= 3 deprivation
 * flags of the row's standard, near-poor rows fewer. ~4% of rows carry
 * score_b = 10 x flags. Head of household (name, sex, birth year,
 * ethnicity, 12-digit id), group flags and village name are stable per
 * household; causes are drawn per year for poor and near-poor rows.
 *
 * Order: units country, provinces, districts, communes by code (the old
 * version of a reused code first), villages; lineage by old code;
 * population and households by year, then unit code, then household id.
 * Years before 2025 use old commune codes, later years new ones (a
 * household keeps its id and moves to its old commune's successor; the
 * households of a split commune are divided by index with the formats.md
 * 7.2 bounds; from 2025 some are recorded on village codes).
 *
 * Randomness: splitmix64-style hashing for per-household streams and
 * xoshiro256** for sequences; never rand(). Floating point is only used in
 * the model's parameters, the same on every run on one machine.
 */
#include "synth.h"

#include <errno.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <time.h>

#include "../core/mem.h"

/* ------------------------------------------------------------------------
 * Random numbers
 */

#define GOLDEN UINT64_C(0x9e3779b97f4a7c15)

static inline uint64_t fmix(uint64_t z)
{
	z = (z ^ (z >> 30)) * UINT64_C(0xbf58476d1ce4e5b9);
	z = (z ^ (z >> 27)) * UINT64_C(0x94d049bb133111eb);
	return z ^ (z >> 31);
}

static inline uint64_t hash2(uint64_t a, uint64_t b)
{
	return fmix(fmix(a + GOLDEN) ^ (b * UINT64_C(0xd1b54a32d192ed03) + GOLDEN));
}

static inline double u01(uint64_t h)
{
	return (double)(h >> 11) * 0x1.0p-53;
}

typedef struct rng {
	uint64_t s[4];
} rng;

static void rng_seed(rng *r, uint64_t seed)
{
	for (int i = 0; i < 4; i++) {
		seed += GOLDEN;
		r->s[i] = fmix(seed);
	}
}

static inline uint64_t rotl(uint64_t x, int k)
{
	return (x << k) | (x >> (64 - k));
}

static inline uint64_t rng_next(rng *r)
{
	uint64_t *s = r->s;
	uint64_t result = rotl(s[1] * 5, 7) * 9;
	uint64_t t = s[1] << 17;
	s[2] ^= s[0];
	s[3] ^= s[1];
	s[1] ^= s[2];
	s[0] ^= s[3];
	s[2] ^= t;
	s[3] = rotl(s[3], 45);
	return result;
}

static inline double rng_u(rng *r)
{
	return u01(rng_next(r));
}

/* Uniform in [0, n). */
static inline uint32_t rng_below(rng *r, uint32_t n)
{
	return (uint32_t)(((rng_next(r) >> 32) * (uint64_t)n) >> 32);
}

/* Uniform in [lo, hi]. */
static inline int rng_range(rng *r, int lo, int hi)
{
	return lo + (int)rng_below(r, (uint32_t)(hi - lo + 1));
}

static inline double rng_between(rng *r, double lo, double hi)
{
	return lo + (hi - lo) * rng_u(r);
}

/* Roughly standard normal (Irwin-Hall of 4). */
static double rng_gauss(rng *r)
{
	double s = rng_u(r) + rng_u(r) + rng_u(r) + rng_u(r);
	return (s - 2.0) * 1.7320508075688772;
}

/* Index drawn from n weights. */
static size_t pick_w(rng *r, const uint16_t *w, size_t n)
{
	uint32_t total = 0;
	for (size_t i = 0; i < n; i++)
		total += w[i];
	uint32_t x = rng_below(r, total);
	for (size_t i = 0; i < n; i++) {
		if (x < w[i])
			return i;
		x -= w[i];
	}
	return n - 1;
}

/* Stream tags. */
enum {
	TAG_STRUCT = 1,
	TAG_COMMUNE,
	TAG_TRAIT,
	TAG_TRAIT2,
	TAG_ATTR,
	TAG_ROW,
	TAG_APPLY,
	TAG_VILLAGE,
	TAG_CHAIN
};

/* ------------------------------------------------------------------------
 * Static data: provinces, dac_khu, ethnic groups, names
 */

enum region { R_NMT, R_RED, R_NC, R_SCC, R_HL, R_SE, R_MK };
enum profile { PF_NE, PF_NH, PF_NW, PF_MUONG, PF_NC, PF_SCC, PF_HL, PF_SE,
	       PF_MK, PF_RD, NPROFILES };

typedef struct prov_def {
	const char *code;
	const char *name;
	bool city;          /* thanh_pho (province-level city), else tinh */
	uint8_t region, profile;
	uint16_t communes;  /* 2025 map: communes of all types */
	uint16_t phuong, dac_khu;
	uint32_t pop_k;     /* residents 2024, thousands, merged territory */
	uint16_t hh_size;   /* persons per household x 100 (relative) */
	uint16_t poverty;   /* relative poverty x 100 (normalised later) */
	uint16_t minority;  /* ethnic-minority households, per mille */
} prov_def;

/* The 34 provinces of Resolution 202/2025/QH15, commune counts of the
 * 2025 arrangement (3,321 = 2,621 xa + 687 phuong + 13 dac_khu). */
static const prov_def provs[] = {
	{"01", "Thành phố Hà Nội", true, R_RED, PF_RD, 126, 51, 0, 8720, 330, 10, 15},
	{"04", "Tỉnh Cao Bằng", false, R_NMT, PF_NE, 56, 3, 0, 540, 400, 750, 940},
	{"08", "Tỉnh Tuyên Quang", false, R_NMT, PF_NH, 124, 7, 0, 1700, 410, 600, 750},
	{"11", "Tỉnh Điện Biên", false, R_NMT, PF_NW, 45, 3, 0, 640, 430, 800, 820},
	{"12", "Tỉnh Lai Châu", false, R_NMT, PF_NW, 38, 2, 0, 480, 440, 800, 850},
	{"14", "Tỉnh Sơn La", false, R_NMT, PF_NW, 75, 8, 0, 1280, 420, 500, 830},
	{"15", "Tỉnh Lào Cai", false, R_NMT, PF_NH, 99, 10, 0, 1610, 390, 350, 600},
	{"19", "Tỉnh Thái Nguyên", false, R_NMT, PF_NE, 92, 15, 0, 1650, 350, 200, 350},
	{"20", "Tỉnh Lạng Sơn", false, R_NMT, PF_NE, 65, 4, 0, 800, 380, 400, 830},
	{"22", "Tỉnh Quảng Ninh", false, R_RED, PF_RD, 54, 30, 2, 1360, 350, 30, 120},
	{"24", "Tỉnh Bắc Ninh", false, R_RED, PF_RD, 99, 33, 0, 3400, 360, 70, 80},
	{"25", "Tỉnh Phú Thọ", false, R_RED, PF_MUONG, 148, 15, 0, 3580, 360, 130, 220},
	{"31", "Thành phố Hải Phòng", true, R_RED, PF_RD, 114, 45, 2, 4050, 340, 25, 5},
	{"33", "Tỉnh Hưng Yên", false, R_RED, PF_RD, 104, 11, 0, 3160, 330, 60, 3},
	{"37", "Tỉnh Ninh Bình", false, R_RED, PF_MUONG, 129, 32, 0, 3780, 330, 60, 15},
	{"38", "Tỉnh Thanh Hóa", false, R_NC, PF_MUONG, 166, 19, 0, 3760, 360, 140, 170},
	{"40", "Tỉnh Nghệ An", false, R_NC, PF_NC, 130, 11, 0, 3470, 370, 160, 150},
	{"42", "Tỉnh Hà Tĩnh", false, R_NC, PF_NC, 69, 9, 0, 1320, 350, 120, 3},
	{"44", "Tỉnh Quảng Trị", false, R_NC, PF_NC, 78, 8, 1, 1560, 370, 160, 40},
	{"46", "Thành phố Huế", true, R_NC, PF_NC, 40, 21, 0, 1160, 370, 90, 40},
	{"48", "Thành phố Đà Nẵng", true, R_SCC, PF_SCC, 94, 23, 1, 2740, 360, 50, 60},
	{"51", "Tỉnh Quảng Ngãi", false, R_SCC, PF_SCC, 96, 9, 1, 1820, 370, 220, 200},
	{"52", "Tỉnh Gia Lai", false, R_HL, PF_HL, 135, 25, 0, 3090, 390, 180, 250},
	{"56", "Tỉnh Khánh Hòa", false, R_SCC, PF_SCC, 65, 16, 1, 1850, 390, 110, 110},
	{"66", "Tỉnh Đắk Lắk", false, R_HL, PF_HL, 102, 14, 0, 2780, 390, 200, 250},
	{"68", "Tỉnh Lâm Đồng", false, R_HL, PF_HL, 124, 20, 1, 3250, 390, 160, 170},
	{"75", "Tỉnh Đồng Nai", false, R_SE, PF_SE, 95, 23, 0, 4330, 370, 35, 40},
	{"79", "Thành phố Hồ Chí Minh", true, R_SE, PF_SE, 168, 113, 1, 13500, 340, 3, 40},
	{"80", "Tỉnh Tây Ninh", false, R_SE, PF_SE, 96, 14, 0, 2930, 360, 40, 10},
	{"82", "Tỉnh Đồng Tháp", false, R_MK, PF_MK, 102, 20, 0, 3400, 355, 60, 2},
	{"86", "Tỉnh Vĩnh Long", false, R_MK, PF_MK, 124, 19, 0, 3350, 355, 90, 110},
	{"91", "Tỉnh An Giang", false, R_MK, PF_MK, 102, 14, 3, 3650, 370, 80, 80},
	{"92", "Thành phố Cần Thơ", true, R_MK, PF_MK, 103, 31, 0, 3180, 365, 50, 170},
	{"96", "Tỉnh Cà Mau", false, R_MK, PF_MK, 64, 9, 0, 2120, 370, 70, 30},
};
#define NPROVS (sizeof provs / sizeof provs[0])
#define NEW_COMMUNES 3321

typedef struct dac_khu_def {
	const char *prov;
	const char *name;
	bool urban;
	bool empty; /* no resident households */
} dac_khu_def;

static const dac_khu_def dac_khu[] = {
	{"22", "Vân Đồn", false, false},   {"22", "Cô Tô", false, false},
	{"31", "Cát Hải", false, false},   {"31", "Bạch Long Vĩ", false, false},
	{"44", "Cồn Cỏ", false, false},    {"48", "Hoàng Sa", false, true},
	{"51", "Lý Sơn", false, false},    {"56", "Trường Sa", false, false},
	{"68", "Phú Quý", false, false},   {"79", "Côn Đảo", true, false},
	{"91", "Phú Quốc", true, false},   {"91", "Kiên Hải", false, false},
	{"91", "Thổ Châu", false, false},
};
#define NDAC_KHU (sizeof dac_khu / sizeof dac_khu[0])

/* Old province codes (63 provinces before 2025), for birthplaces in ids. */
static const char *const old_prov_codes[] = {
	"01", "02", "04", "06", "08", "10", "11", "12", "14", "15", "17",
	"19", "20", "22", "24", "25", "26", "27", "30", "31", "33", "34",
	"35", "36", "37", "38", "40", "42", "44", "45", "46", "48", "49",
	"51", "52", "54", "56", "58", "60", "62", "64", "66", "67", "68",
	"70", "72", "74", "75", "77", "79", "80", "82", "83", "84", "86",
	"87", "89", "91", "92", "93", "94", "95", "96",
};
#define NOLD_PROV_CODES (sizeof old_prov_codes / sizeof old_prov_codes[0])

typedef struct strlist {
	const char *const *v;
	uint32_t n;
} strlist;
#define SL(a) {a, (uint32_t)(sizeof a / sizeof a[0])}

static inline const char *sl_pick(rng *r, const strlist *l)
{
	return l->v[rng_below(r, l->n)];
}

/* Syllables of real Vietnamese place names. */
static const char *const syl_kinh[] = {
	"Tân", "Hưng", "Phú", "An", "Bình", "Hòa", "Thạnh", "Long", "Phước",
	"Đông", "Tây", "Nam", "Bắc", "Trung", "Thuận", "Lợi", "Mỹ", "Thịnh",
	"Xuân", "Đức", "Quang", "Minh", "Hợp", "Thành", "Vĩnh", "Lộc", "Sơn",
	"Hà", "Thủy", "Hải", "Định", "Hiệp", "Nghĩa", "Kim", "Ngọc", "Lâm",
	"Tiến", "Phong", "Cường", "Yên", "Hồng", "Thái", "Việt", "Văn", "Cát",
	"Châu", "Gia", "Khánh", "Quý", "Tường", "Bảo", "Cẩm", "Tú", "Quảng",
	"Hoàng", "Thượng", "Hạ", "Liên", "Đại", "Thọ", "Phúc", "Vân", "Đồng",
	"Lạc", "Hoa", "Thắng", "Lập", "Hậu", "Điền", "Khương", "Tiên",
	"Lương", "Triệu", "Chánh", "Nhơn", "Thới", "Mai", "Trà", "Cam", "Diên",
	"Ninh", "Quế", "Tam", "Sa", "Kỳ", "Dương", "Hội", "Thanh", "Trường",
};
static const char *const syl_mountain[] = {
	"Na", "Pá", "Mường", "Nà", "Lũng", "Khuổi", "Pác", "Phiêng", "Nậm",
	"Huổi", "Sìn", "Hồ", "Lao", "Chải", "Tả", "Phìn", "Xín", "Mần",
	"Chiềng", "Co", "Mé", "Nặm", "Thàng", "Tủa", "Sín", "Pắc", "Lùng",
	"Hua", "Pha", "Lóng", "Bó", "Mỏ", "Cốc", "Khau", "Pù", "Thổ", "Nhì",
	"Phăng", "Mồ", "Xẻo", "Ngàm", "Quài", "Lay", "Tông", "Khoen", "Hang",
};
static const char *const syl_highland1[] = {
	"Ia", "Ea", "Đăk", "Krông", "Chư", "Kon", "Plei", "Cư", "Ya", "Đắk",
};
static const char *const syl_highland2[] = {
	"Grai", "Kar", "Pơ", "Pắc", "Sê", "Hra", "Blang", "Mơ", "Drang", "Pa",
	"Tô", "Yang", "Klông", "Bông", "Păh", "Rông", "Đrăng", "Mlô", "Wer",
	"Sol", "Ayun", "Tul", "Ko", "Hdreh", "Knốp", "Búk", "Lấp", "Mil",
	"Glong", "Rve", "Ruồng", "Nông", "Prông",
};

static const char *const hanoi_districts[] = {
	"Ba Đình", "Hoàn Kiếm", "Tây Hồ", "Long Biên", "Cầu Giấy", "Đống Đa",
	"Hai Bà Trưng", "Hoàng Mai", "Thanh Xuân", "Nam Từ Liêm",
	"Bắc Từ Liêm", "Hà Đông",
};
static const char *const hanoi_phuong[] = {
	"Ba Đình", "Ngọc Hà", "Giảng Võ", "Hoàn Kiếm", "Cửa Nam",
	"Phú Thượng", "Hồng Hà", "Tây Hồ", "Bồ Đề", "Việt Hưng", "Phúc Lợi",
	"Long Biên", "Nghĩa Đô", "Cầu Giấy", "Yên Hòa", "Ô Chợ Dừa", "Láng",
	"Kim Liên", "Đống Đa", "Hai Bà Trưng", "Vĩnh Tuy", "Bạch Mai",
	"Vĩnh Hưng", "Định Công", "Tương Mai", "Lĩnh Nam", "Hoàng Mai",
	"Hoàng Liệt", "Yên Sở", "Phương Liệt", "Khương Đình", "Thanh Xuân",
	"Từ Liêm", "Xuân Phương", "Tây Mỗ", "Đại Mỗ", "Thượng Cát",
	"Đông Ngạc", "Xuân Đỉnh", "Tây Tựu", "Phú Diễn", "Hà Đông",
	"Dương Nội", "Yên Nghĩa", "Phú Lương", "Kiến Hưng", "Chương Mỹ",
	"Sơn Tây", "Tùng Thiện",
};
static const char *const hcm_districts[] = {
	"1", "3", "4", "5", "6", "7", "8", "10", "11", "12", "Bình Thạnh",
	"Gò Vấp", "Phú Nhuận", "Tân Bình", "Tân Phú", "Bình Tân",
};
static const char *const hcm_phuong[] = {
	"Sài Gòn", "Tân Định", "Bến Thành", "Cầu Ông Lãnh", "Bàn Cờ",
	"Xuân Hòa", "Nhiêu Lộc", "Xóm Chiếu", "Khánh Hội", "Vĩnh Hội",
	"Chợ Quán", "An Đông", "Chợ Lớn", "Bình Tây", "Bình Tiên", "Bình Phú",
	"Phú Lâm", "Tân Thuận", "Phú Thuận", "Tân Mỹ", "Tân Hưng",
	"Chánh Hưng", "Phú Định", "Bình Đông", "Diên Hồng", "Vườn Lài",
	"Hòa Hưng", "Minh Phụng", "Bình Thới", "Hòa Bình", "Phú Thọ",
	"Đông Hưng Thuận", "Trung Mỹ Tây", "Tân Thới Hiệp", "Thới An",
	"An Phú Đông", "Gia Định", "Bình Thạnh", "Bình Lợi Trung",
	"Thạnh Mỹ Tây", "Bình Quới", "Hạnh Thông", "An Nhơn", "Gò Vấp",
	"An Hội Đông", "Thông Tây Hội", "An Hội Tây", "Đức Nhuận", "Cầu Kiệu",
	"Phú Nhuận", "Tân Sơn Hòa", "Tân Sơn Nhất", "Tân Hòa", "Bảy Hiền",
	"Tân Bình", "Tân Sơn", "Tây Thạnh", "Tân Sơn Nhì", "Phú Thọ Hòa",
	"Tân Phú", "Phú Thạnh",
};

/* People's names. Family names of the Kinh with rough shares (per mille);
 * Hoàng and Vũ stand for Huỳnh and Võ too (see make_head). */
static const char *const fam_kinh[] = {
	"Nguyễn", "Trần", "Lê", "Phạm", "Hoàng", "Phan", "Vũ", "Đặng", "Bùi",
	"Đỗ", "Hồ", "Ngô", "Dương", "Lý", "Đinh", "Trương", "Lương", "Mai",
	"Đào", "Cao", "Lâm", "Tạ", "Hà", "Đoàn", "Tô", "Phùng", "Trịnh", "Chu",
	"Thái", "La", "Kiều", "Lưu", "Quách", "Châu", "Tăng", "Vương", "Tôn",
	"Thân", "Lại", "Khúc", "Kim",
};
static const uint16_t fam_kinh_w[] = {
	380, 110, 95, 71, 51, 45, 39, 21, 20, 14, 13, 13, 10, 5, 8, 8, 5, 5,
	5, 4, 4, 3, 4, 4, 2, 2, 4, 2, 2, 1, 1, 2, 1, 2, 1, 1, 1, 1, 1, 1, 1,
};
static const char *const mid_m[] = {
	"Văn", "Văn", "Văn", "Văn", "Văn", "Văn", "Đức", "Minh", "Quang",
	"Hữu", "Công", "Thanh", "Ngọc", "Xuân", "Tiến", "Duy", "Anh", "Quốc",
	"Trọng", "Đình", "Văn", "Văn", "Hữu", "Đình",
};
static const char *const mid_f[] = {
	"Thị", "Thị", "Thị", "Thị", "Thị", "Thị", "Thị", "Thị", "Thị", "Thị",
	"Ngọc", "Thu", "Kim", "Thanh", "Minh", "Hồng", "Bích", "Mỹ", "Phương",
};
static const char *const given_m[] = {
	"Hùng", "Dũng", "Tuấn", "Minh", "Hải", "Nam", "Sơn", "Long", "Thắng",
	"Bình", "Cường", "Hưng", "Quang", "Trung", "Phong", "Tùng", "Thành",
	"Hòa", "Lâm", "Tâm", "Tài", "Phúc", "Hiếu", "Khánh", "Đông", "Toàn",
	"Lộc", "Thịnh", "Kiên", "Hậu", "Tú", "Vinh", "Huy", "Đạt", "Tiến",
	"Nghĩa", "Quý", "Sáng", "Chiến", "Thuận", "Mạnh", "Đức", "An", "Bảo",
};
static const char *const given_f[] = {
	"Lan", "Hương", "Hoa", "Mai", "Hạnh", "Thảo", "Hà", "Linh", "Nga",
	"Thủy", "Tuyết", "Hằng", "Yến", "Nhung", "Loan", "Phượng", "Trang",
	"Dung", "Huệ", "Liên", "Oanh", "Vân", "Xuân", "Thu", "Hiền", "Lệ",
	"Bích", "Ngân", "Hồng", "Thơm", "Nhàn", "Lý", "Sen", "Cúc", "Huyền",
	"Diệp", "Ánh", "Nguyệt",
};
static const char *const fam_tay[] = {
	"Hoàng", "Nông", "Lương", "Lục", "Đàm", "Ma", "Hà", "Triệu", "Vi",
	"Lăng", "Hứa", "Nguyễn", "Đinh", "Bế", "Lưu", "La", "Mông",
};
static const char *const fam_hmong[] = {
	"Giàng", "Sùng", "Vàng", "Thào", "Lý", "Mùa", "Hầu", "Ly", "Hạng",
	"Lầu", "Tráng", "Vừ", "Cứ", "Sình",
};
static const char *const fam_dao[] = {
	"Triệu", "Bàn", "Đặng", "Lý", "Phùng", "Chảo", "Tẩn", "Lò", "Hoàng",
};
static const char *const fam_thai[] = {
	"Lò", "Cầm", "Lường", "Quàng", "Tòng", "Vì", "Điêu", "Hà", "Sầm",
	"Lự", "Lù", "Lê", "Bạc",
};
static const char *const fam_muong[] = {
	"Bùi", "Đinh", "Quách", "Bạch", "Hà", "Xa", "Cao", "Hoàng",
};
static const char *const fam_jrai[] = {
	"Ksor", "Siu", "Rơ Châm", "Rơ Mah", "Kpă", "Nay", "Rah Lan", "Puih",
	"Rơ Ô",
};
static const char *const fam_ede[] = {
	"Niê", "Êban", "Mlô", "Byă", "Hđơk", "Bkrông", "Knul", "Adrơng",
};
static const char *const fam_khmer[] = {
	"Thạch", "Danh", "Sơn", "Kim", "Lâm", "Châu", "Lý", "Trần", "Huỳnh",
};
static const char *const fam_hoa[] = {
	"Lý", "Trương", "Lâm", "Quách", "Hứa", "Huỳnh", "Mạch", "Tăng",
	"Diệp", "Lưu", "Trần", "Hồng",
};
static const char *const fam_cham[] = {
	"Đàng", "Thông", "Quảng", "Châu", "Lưu", "Thành", "Bá", "Trượng", "Phú",
};
static const char *const fam_central[] = {
	"Hồ", "Đinh", "Phạm", "Alăng", "Bhling", "Zơrâm", "Briu", "Kray", "Pả",
	"Hồ", "Đinh",
};
static const char *const fam_kho[] = {
	"Ka", "Cil", "Liêng", "Kră", "Bon Niêng", "Lơ Mu", "Điểu",
};
static const char *const fam_raglai[] = {
	"Chamaléa", "Pinăng", "Katơr", "Mấu", "Cao",
};
static const char *const given_thai[] = {
	"Pọm", "Ún", "Xuân", "Ngân", "Chum", "Khăm", "Phanh", "Bun", "Ươi",
	"Xiêng", "Inh", "Piệu", "Lả", "Ánh", "Hom",
};
static const char *const given_hmong[] = {
	"Páo", "Chứ", "Dế", "Sử", "Pó", "Lử", "Chính", "Sính", "Pềnh", "Dình",
	"Mỷ", "Dua", "Say", "Chua", "Xá", "Súa", "Mai", "Chò", "Lầu", "Tủa",
};
static const char *const given_hl[] = {
	"Đen", "Hen", "Blưm", "Nhí", "Brơm", "Thứ", "Ninh", "Jú", "Lai",
	"Hyun", "Bhin", "Ngăm", "Djao", "Ku", "Tơn", "Ble", "Mlang", "Phin",
	"Sang", "Thút",
};
static const char *const given_khmer[] = {
	"Sa Ri", "Sô Phép", "Chanh Đa", "Sóc", "Phol", "Sà Rươl", "Kim Sên",
	"Sô Khên", "Ra", "Thol", "Sa Vết", "Pho", "Sà Ly", "Sóc Kha", "Chăn Thu",
	"Sa Răm",
};

enum { FL_KINH, FL_TAY, FL_HMONG, FL_DAO, FL_THAI, FL_MUONG, FL_JRAI, FL_EDE,
       FL_KHMER, FL_HOA, FL_CHAM, FL_CENTRAL, FL_KHO, FL_RAGLAI, NFL };
static const strlist fam_lists[NFL] = {
	SL(fam_kinh),  SL(fam_tay),   SL(fam_hmong), SL(fam_dao),
	SL(fam_thai),  SL(fam_muong), SL(fam_jrai),  SL(fam_ede),
	SL(fam_khmer), SL(fam_hoa),   SL(fam_cham),  SL(fam_central),
	SL(fam_kho),   SL(fam_raglai),
};

enum { GL_KINH, GL_THAI, GL_HMONG, GL_HL, GL_KHMER };
enum name_style {
	NS_VIET,  /* family middle given */
	NS_HMONG, /* family A/Seo/Mí given */
	NS_EDE,   /* Y given family / H'given family */
	NS_JRAI,  /* family given / family H'given */
	NS_KHMER, /* family [Thị] given */
	NS_A      /* A given / Y given (Kon Tum) */
};

typedef struct ethnic_def {
	const char *name;
	uint8_t style, family, given;
} ethnic_def;

static const ethnic_def ethnics[] = {
	{"Kinh", NS_VIET, FL_KINH, GL_KINH},           /* 0 */
	{"Tày", NS_VIET, FL_TAY, GL_KINH},             /* 1 */
	{"Nùng", NS_VIET, FL_TAY, GL_KINH},            /* 2 */
	{"H'Mông", NS_HMONG, FL_HMONG, GL_HMONG},      /* 3 */
	{"Dao", NS_VIET, FL_DAO, GL_KINH},             /* 4 */
	{"Thái", NS_VIET, FL_THAI, GL_THAI},           /* 5 */
	{"Mường", NS_VIET, FL_MUONG, GL_KINH},         /* 6 */
	{"Khmer", NS_KHMER, FL_KHMER, GL_KHMER},       /* 7 */
	{"Hoa", NS_VIET, FL_HOA, GL_KINH},             /* 8 */
	{"Gia Rai", NS_JRAI, FL_JRAI, GL_HL},          /* 9 */
	{"Ê Đê", NS_EDE, FL_EDE, GL_HL},               /* 10 */
	{"Ba Na", NS_A, FL_CENTRAL, GL_HL},            /* 11 */
	{"Xơ Đăng", NS_A, FL_CENTRAL, GL_HL},          /* 12 */
	{"Sán Chay", NS_VIET, FL_TAY, GL_KINH},        /* 13 */
	{"Sán Dìu", NS_VIET, FL_HOA, GL_KINH},         /* 14 */
	{"Cơ Ho", NS_JRAI, FL_KHO, GL_HL},             /* 15 */
	{"Chăm", NS_VIET, FL_CHAM, GL_KINH},           /* 16 */
	{"M'Nông", NS_JRAI, FL_KHO, GL_HL},            /* 17 */
	{"Giáy", NS_VIET, FL_DAO, GL_KINH},            /* 18 */
	{"Hà Nhì", NS_VIET, FL_DAO, GL_HMONG},         /* 19 */
	{"Khơ Mú", NS_VIET, FL_THAI, GL_THAI},         /* 20 */
	{"Bru-Vân Kiều", NS_VIET, FL_CENTRAL, GL_KINH}, /* 21 */
	{"Cơ Tu", NS_VIET, FL_CENTRAL, GL_HL},         /* 22 */
	{"Hrê", NS_VIET, FL_CENTRAL, GL_KINH},         /* 23 */
	{"Raglai", NS_VIET, FL_RAGLAI, GL_KINH},       /* 24 */
	{"Xtiêng", NS_JRAI, FL_KHO, GL_HL},            /* 25 */
	{"Tà Ôi", NS_VIET, FL_CENTRAL, GL_HL},         /* 26 */
	{"La Chí", NS_VIET, FL_DAO, GL_KINH},          /* 27 */
	{"Lô Lô", NS_VIET, FL_DAO, GL_HMONG},          /* 28 */
	{"Phù Lá", NS_VIET, FL_DAO, GL_KINH},          /* 29 */
	{"Lự", NS_VIET, FL_THAI, GL_THAI},             /* 30 */
	{"Chơ Ro", NS_JRAI, FL_KHO, GL_KINH},          /* 31 */
	{"Giẻ Triêng", NS_A, FL_CENTRAL, GL_HL},       /* 32 */
};

/* Ethnic-minority groups of each profile, with weights. */
typedef struct ethnic_mix {
	uint8_t n;
	uint8_t group[10];
	uint16_t w[10];
} ethnic_mix;

static const ethnic_mix mixes[NPROFILES] = {
	[PF_NE] = {6, {1, 2, 4, 3, 13, 14}, {45, 35, 10, 6, 2, 2}},
	[PF_NH] = {10, {3, 1, 4, 2, 18, 13, 19, 27, 29, 28},
		   {30, 25, 18, 8, 5, 4, 3, 3, 2, 2}},
	[PF_NW] = {8, {5, 3, 4, 20, 6, 18, 19, 30}, {48, 30, 6, 6, 5, 2, 2, 1}},
	[PF_MUONG] = {6, {6, 5, 4, 3, 1, 20}, {65, 20, 6, 4, 3, 2}},
	[PF_NC] = {7, {5, 21, 20, 3, 26, 22, 6}, {40, 20, 10, 10, 10, 5, 5}},
	[PF_SCC] = {8, {22, 12, 23, 11, 32, 24, 16, 9}, {15, 20, 20, 10, 8, 15, 8, 4}},
	[PF_HL] = {9, {9, 10, 11, 17, 15, 1, 2, 3, 16}, {30, 25, 12, 8, 12, 4, 5, 2, 2}},
	[PF_SE] = {7, {8, 7, 25, 31, 1, 2, 16}, {45, 20, 12, 5, 5, 8, 5}},
	[PF_MK] = {3, {7, 8, 16}, {78, 16, 6}},
	[PF_RD] = {6, {6, 1, 4, 14, 2, 8}, {20, 20, 20, 20, 12, 8}},
};

/* ------------------------------------------------------------------------
 * Poverty standards and targets
 */

#define CHAIN_Y0 2021 /* the chain starts one year before the first output */
#define NY (SYNTH_YEAR_MAX - CHAIN_Y0 + 1)
#define MAP_YEAR 2025 /* first year on the new map */
#define STD2027 2027  /* first year of the 2027-2030 standard */

/* National expected shares of all households, basis points, 2021..2030. */
static const uint16_t target_poor[NY] = {440, 385, 320, 265, 228, 200, 300,
					 260, 225, 195};
static const uint16_t target_near[NY] = {350, 330, 300, 260, 222, 205, 290,
					 260, 230, 205};

#define K_ETH 3.0    /* risk of an ethnic-minority household */
#define P_NOLAB 0.03 /* households with no labour capacity */
#define K_NOLAB 3.0
#define P_SOCIAL 0.05 /* social protection beneficiaries */
#define K_SOCIAL 2.0
#define P_MERIT 0.02 /* persons-of-merit households */
#define K_MERIT 0.7
#define CAP_POOR 0.60
#define CAP_NEAR 0.30
#define P_TO_N 0.15  /* poor -> near-poor */
#define N_TO_P 0.05  /* near-poor -> poor */
#define NEW_POOR 0.15 /* share of a year's poor that enter from outside */
#define NEW_NEAR 0.25
#define RE_POOR 4.0  /* entry boost for former poor */
#define RE_NEAR 3.0
#define REVIEWED 0.09 /* share of households reviewed in a year */
#define MIN_APPLY 0.006 /* share of households that apply, at least */

enum { ST_O = 0, ST_P = 1, ST_N = 2 };
enum { C_POOR, C_NEAR, C_AVERAGE, C_NOT_POOR };

/* The deprivation indicators: the 12 of 2022-2025, then waste, digital. */
enum { NIND = 14 };
static const char *const ind_cols[NIND] = {
	"d_employment",  "d_dependents",      "d_nutrition",
	"d_health_insurance", "d_adult_education", "d_child_schooling",
	"d_housing_quality",  "d_housing_area",    "d_water",
	"d_sanitation",  "d_telecom",         "d_info_access",
	"d_waste",       "d_digital",
};
static const uint8_t std_a_ind[12] = {0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11};
static const uint8_t std_b_ind[12] = {0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 12, 13};
static const uint16_t ind_w[NIND] = {6, 5, 4, 6, 7, 3, 6, 5, 5, 8, 4, 5, 6, 5};

static const char *const cause_codes[] = {
	"land", "capital", "labour", "tools", "knowhow", "skills", "illness",
	"other",
};
static const uint16_t cause_w[] = {10, 35, 12, 4, 18, 9, 10, 2};
#define NCAUSES 8

/* Splits: shares of the successors, in successor code order. */
typedef struct split_def {
	uint8_t n;
	uint16_t permille[3];
	const char *text[3];
} split_def;

static const split_def splits[] = {
	{2, {600, 400, 0}, {"0.6", "0.4", NULL}},
	{2, {350, 650, 0}, {"0.35", "0.65", NULL}},
	{2, {500, 500, 0}, {"0.5", "0.5", NULL}},
	{2, {700, 300, 0}, {"0.7", "0.3", NULL}},
	{2, {250, 750, 0}, {"0.25", "0.75", NULL}},
	{2, {450, 550, 0}, {"0.45", "0.55", NULL}},
	{3, {500, 300, 200}, {"0.5", "0.3", "0.2"}},
	{3, {400, 350, 250}, {"0.4", "0.35", "0.25"}},
	{3, {200, 500, 300}, {"0.2", "0.5", "0.3"}},
};
#define NSPLITS (sizeof splits / sizeof splits[0])
#define NSPLITS2 6 /* the first 6 are two-way */

/* Unit types, as written in units.csv. */
enum utype { T_TINH, T_THANH_PHO, T_HUYEN, T_QUAN, T_THI_XA, T_XA, T_PHUONG,
	     T_THI_TRAN, T_DAC_KHU, T_THON };
static const char *const type_code[] = {
	"tinh", "thanh_pho", "huyen", "quan", "thi_xa", "xa", "phuong",
	"thi_tran", "dac_khu", "thon",
};
static const char *const type_prefix[] = {
	"Tỉnh ", "Thành phố ", "Huyện ", "Quận ", "Thị xã ", "Xã ", "Phường ",
	"Thị trấn ", "Đặc khu ", "",
};

/* ------------------------------------------------------------------------
 * The model
 */

typedef struct district {
	int32_t code;
	uint32_t name; /* offset in the name arena */
	uint8_t type;
	uint8_t prov;
} district;

typedef struct ocomm { /* a commune of the old map */
	int32_t code;
	uint32_t name;
	uint8_t plen;  /* bytes of the name's prefix ("Xã ") */
	uint8_t type;  /* T_XA, T_PHUONG, T_THI_TRAN */
	uint8_t prov;
	bool dac_src;  /* created for a new dac_khu */
	bool empty;    /* no households (Hoàng Sa) */
	bool reused;   /* its code lives on as a new commune */
	uint8_t split; /* 0: whole; else 1 + index into splits */
	uint16_t dist;
	uint32_t succ; /* first (or only) successor */
	uint32_t hh;   /* households in 2022 (scaled) */
	double base;   /* households in 2022 at scale 1 */
	double size;   /* persons per household */
	double growth; /* yearly growth of households */
	double minority;
	double factor; /* commune poverty factor */
	double factor_near; /* the same for near-poverty (factor^0.6) */
	double rnorm;  /* 1 / E[household risk] */
	uint64_t key;
	double p[NY], q[NY];            /* expected shares */
	double a[NY], d[NY], e[NY], g[NY], alpha[NY]; /* chain */
} ocomm;

typedef struct source {
	uint32_t old;
	uint8_t part; /* 0: whole; else 1-based part of a split */
} source;

typedef struct ncomm { /* a commune of the new map */
	int32_t code;
	uint32_t name;
	uint8_t type; /* T_XA, T_PHUONG, T_DAC_KHU */
	int8_t urban; /* -1: from the type; else 0/1 */
	uint8_t prov;
	uint32_t src, nsrc;
	uint32_t vil, nvil;
} ncomm;

#define MAX_VILLAGES 4 /* villages of one commune */

typedef struct village {
	int32_t code; /* 2-digit suffix of the commune code */
	uint32_t name;
	uint32_t ncomm;
} village;

typedef struct model {
	synth_opts o;
	int only;      /* province index, -1: all */
	double mpoor[NPROVS], mnear[NPROVS];
	double prov_hh[NPROVS]; /* households 2022 at scale 1 */
	district *dist;
	size_t ndist;
	ocomm *old;
	size_t nold;
	ncomm *nw;
	size_t nnew;
	source *src;
	size_t nsrc;
	village *vil;
	size_t nvil;
	buf names;
	int idwidth; /* digits of the household sequence number */
	bool std2027_cols;
} model;

#define GROW(arr, n, cap) \
	do { \
		if ((n) == (cap)) { \
			(cap) = (cap) ? (cap) * 2 : 256; \
			(arr) = gn_xreallocarray((arr), (cap), sizeof *(arr)); \
		} \
	} while (0)

static const char *mname(const model *m, uint32_t off)
{
	return m->names.p + off;
}

/* Adds prefix + body to the arena; returns its offset. */
static uint32_t add_name(model *m, const char *prefix, const char *body)
{
	uint32_t off = (uint32_t)m->names.len;
	if (buf_puts(&m->names, prefix) || buf_puts(&m->names, body) ||
	    buf_putc(&m->names, '\0')) {
		fputs("gnbv synth: name arena full\n", stderr);
		abort();
	}
	return off;
}

/* A set of names (by hash) to keep names unique within a parent. */
typedef struct nameset {
	uint64_t *h;
	size_t n, cap;
} nameset;

static uint64_t str_hash(const char *s)
{
	uint64_t h = UINT64_C(1469598103934665603);
	for (; *s; s++)
		h = (h ^ (unsigned char)*s) * UINT64_C(1099511628211);
	return h;
}

static bool ns_has(const nameset *s, const char *name)
{
	uint64_t h = str_hash(name);
	for (size_t i = 0; i < s->n; i++)
		if (s->h[i] == h)
			return true;
	return false;
}

static void ns_add(nameset *s, const char *name)
{
	GROW(s->h, s->n, s->cap);
	s->h[s->n++] = str_hash(name);
}

/* A place-name body of two syllables, in the style of the region. */
static void place_body(rng *r, int region, bool rural, char *out, size_t n)
{
	static const strlist kinh = SL(syl_kinh), mtn = SL(syl_mountain),
			     hl1 = SL(syl_highland1), hl2 = SL(syl_highland2);
	double u = rng_u(r);
	const char *a, *b;
	if (rural && region == R_NMT && u < 0.6) {
		a = sl_pick(r, &mtn);
		b = sl_pick(r, &mtn);
	} else if (rural && region == R_HL && u < 0.45) {
		a = sl_pick(r, &hl1);
		b = sl_pick(r, &hl2);
	} else {
		a = sl_pick(r, &kinh);
		b = sl_pick(r, &kinh);
	}
	if (strcmp(a, b) == 0)
		b = a == syl_kinh[0] ? syl_kinh[1] : syl_kinh[0];
	snprintf(out, n, "%s %s", a, b);
}

/* A unique place name body (unique in set, with the given prefix). */
static void unique_body(rng *r, int region, bool rural, const char *prefix,
			nameset *set, char *out, size_t n)
{
	char full[160];
	for (int tries = 0;; tries++) {
		place_body(r, region, rural, out, n);
		if (tries > 50) {
			/* practically never: add a distinguishing word */
			size_t len = strlen(out);
			snprintf(out + len, n - len, " %d", tries);
		}
		snprintf(full, sizeof full, "%s%s", prefix, out);
		if (!ns_has(set, full)) {
			ns_add(set, full);
			return;
		}
	}
}

static int prov_index(const char *code)
{
	for (size_t i = 0; i < NPROVS; i++)
		if (strcmp(provs[i].code, code) == 0)
			return (int)i;
	return -1;
}

/* Province name without "Tỉnh "/"Thành phố ". */
static const char *prov_body(const prov_def *p)
{
	const char *pre = p->city ? type_prefix[T_THANH_PHO] : type_prefix[T_TINH];
	return p->name + strlen(pre);
}

/* Creates the districts over old communes [first, last) of province p. */
static void make_districts(model *m, rng *r, size_t p, size_t first,
			   size_t last, bool urban, size_t *dcap,
			   int32_t *next_dist, nameset *dnames)
{
	const prov_def *pd = &provs[p];
	size_t n = last - first;
	if (n == 0)
		return;
	size_t avg = urban ? 12 : 15;
	size_t nd = (n + avg / 2) / avg;
	if (nd == 0)
		nd = 1;
	size_t pos = first;
	for (size_t j = 0; j < nd; j++) {
		size_t remaining = last - pos, left = nd - j, size;
		if (left == 1) {
			size = remaining;
		} else {
			double want = (double)remaining / (double)left *
				      rng_between(r, 0.75, 1.25);
			size = (size_t)(want + 0.5);
			if (size < 1)
				size = 1;
			if (size > remaining - (left - 1))
				size = remaining - (left - 1);
		}
		GROW(m->dist, m->ndist, *dcap);
		district *d = &m->dist[m->ndist];
		d->code = *next_dist;
		*next_dist += rng_u(r) < 0.1 ? 2 : 1;
		d->prov = (uint8_t)p;
		char body[128];
		if (!urban) {
			d->type = T_HUYEN;
		} else if (pd->city) {
			d->type = T_QUAN;
		} else {
			d->type = j == 0 ? T_THANH_PHO : T_THI_XA;
		}
		const char *prefix = type_prefix[d->type];
		/* the real names of the inner districts of the two metropolises */
		size_t k = dnames->n;
		if (urban && strcmp(pd->code, "01") == 0 &&
		    k < sizeof hanoi_districts / sizeof hanoi_districts[0]) {
			snprintf(body, sizeof body, "%s", hanoi_districts[k]);
			ns_add(dnames, body);
		} else if (urban && strcmp(pd->code, "79") == 0 &&
			   k < sizeof hcm_districts / sizeof hcm_districts[0]) {
			snprintf(body, sizeof body, "%s", hcm_districts[k]);
			ns_add(dnames, body);
		} else if (urban && !pd->city && j == 0) {
			snprintf(body, sizeof body, "%s", prov_body(pd));
			ns_add(dnames, body);
		} else {
			unique_body(r, pd->region, !urban, "", dnames, body,
				    sizeof body);
		}
		d->name = add_name(m, prefix, body);
		/* its communes */
		bool numbered = d->type == T_QUAN && strcmp(pd->code, "79") == 0 &&
				rng_u(r) < 0.5;
		nameset cn = {0};
		for (size_t i = pos; i < pos + size; i++) {
			ocomm *o = &m->old[i];
			o->dist = (uint16_t)m->ndist;
			char cbody[128];
			if (urban) {
				o->type = T_PHUONG;
			} else {
				o->type = i == pos ? T_THI_TRAN : T_XA;
			}
			const char *cp = type_prefix[o->type];
			if (numbered) {
				snprintf(cbody, sizeof cbody, "%zu", i - pos + 1);
				char full[160];
				snprintf(full, sizeof full, "%s%s", cp, cbody);
				ns_add(&cn, full);
			} else if (o->type == T_THI_TRAN && rng_u(r) < 0.6) {
				snprintf(cbody, sizeof cbody, "%s", body);
				char full[160];
				snprintf(full, sizeof full, "%s%s", cp, cbody);
				ns_add(&cn, full);
			} else {
				unique_body(r, pd->region, !urban, cp, &cn, cbody,
					    sizeof cbody);
			}
			o->name = add_name(m, cp, cbody);
			o->plen = (uint8_t)strlen(cp);
		}
		free(cn.h);
		m->ndist++;
		pos += size;
	}
}

/* The name of new commune c: a dac_khu's own, a real one for the first
 * phuong of the two metropolises, else (half the time) the name of the
 * old commune whose code it reuses, else a new one; unique in the
 * province (set). */
static void name_new_commune(model *m, rng *r, const prov_def *pd, ncomm *c,
			     const dac_khu_def *dk, size_t *real_i,
			     nameset *set)
{
	static const strlist hn = SL(hanoi_phuong), hcm = SL(hcm_phuong);
	const strlist *real = NULL;
	if (c->type == T_PHUONG && strcmp(pd->code, "01") == 0)
		real = &hn;
	else if (c->type == T_PHUONG && strcmp(pd->code, "79") == 0)
		real = &hcm;
	const char *cp = type_prefix[c->type];
	char body[128], full[160];
	body[0] = '\0';
	if (dk) {
		snprintf(body, sizeof body, "%s", dk->name);
		c->urban = dk->urban ? 1 : 0;
	} else if (real && *real_i < real->n) {
		snprintf(body, sizeof body, "%s", real->v[(*real_i)++]);
	} else {
		if (rng_u(r) < 0.5) {
			for (uint32_t s = 0; s < c->nsrc; s++) {
				const ocomm *o = &m->old[m->src[c->src + s].old];
				const char *b = mname(m, o->name) + o->plen;
				/* not "Phường 7": numbers repeat across districts */
				if (o->code == c->code && (b[0] < '0' || b[0] > '9'))
					snprintf(body, sizeof body, "%s", b);
			}
		}
		snprintf(full, sizeof full, "%s%s", cp, body);
		if (ns_has(set, full))
			body[0] = '\0';
	}
	if (body[0]) {
		snprintf(full, sizeof full, "%s%s", cp, body);
		ns_add(set, full);
	} else {
		unique_body(r, pd->region, c->type != T_PHUONG, cp, set, body,
			    sizeof body);
	}
	c->name = add_name(m, cp, body);
}

/* 2-4 villages (type thon) in new commune ci, named in the local style. */
static void make_villages(model *m, rng *r, const prov_def *pd, uint32_t ci,
			  size_t *vcap)
{
	ncomm *c = &m->nw[ci];
	const char *vp;
	if (c->type == T_PHUONG)
		vp = pd->region == R_SE ? "Khu phố " : "Tổ dân phố ";
	else if (pd->region == R_NMT)
		vp = "Bản ";
	else if (pd->region == R_HL)
		vp = "Buôn ";
	else if (pd->region == R_MK || pd->region == R_SE)
		vp = "Ấp ";
	else
		vp = "Thôn ";
	c->vil = (uint32_t)m->nvil;
	c->nvil = (uint32_t)rng_range(r, 2, MAX_VILLAGES);
	nameset set = {0};
	for (uint32_t v = 0; v < c->nvil; v++) {
		GROW(m->vil, m->nvil, *vcap);
		village *vl = &m->vil[m->nvil++];
		vl->code = (int32_t)(v + 1);
		vl->ncomm = ci;
		char body[128], full[160];
		if (c->type == T_PHUONG || rng_u(r) < 0.4) {
			snprintf(body, sizeof body, "%u", v + 1);
			snprintf(full, sizeof full, "%s%s", vp, body);
			ns_add(&set, full);
		} else {
			unique_body(r, pd->region, true, vp, &set, body, sizeof body);
		}
		vl->name = add_name(m, vp, body);
	}
	free(set.h);
}

/* Whether an old commune splits here: 0, or 1 + index into splits. */
static uint8_t draw_split(rng *r)
{
	if (rng_u(r) >= 0.03)
		return 0;
	uint32_t si = rng_u(r) < 0.75 ?
		      rng_below(r, NSPLITS2) :
		      NSPLITS2 + rng_below(r, (uint32_t)(NSPLITS - NSPLITS2));
	return (uint8_t)(si + 1);
}

/* Builds the units of the whole country (always all of it, so that one
 * province's output is the subset of the national one). */
static void build_units(model *m)
{
	rng r;
	rng_seed(&r, hash2(m->o.seed, TAG_STRUCT));
	size_t ocap = 0, ncap = 0, scap = 0, vcap = 0, dcap = 0;
	int32_t next_old = 1, next_dist = 1;
	static const uint16_t k_w[5] = {8, 24, 34, 24, 10};

	for (size_t p = 0; p < NPROVS; p++) {
		const prov_def *pd = &provs[p];
		size_t first_old = m->nold;
		size_t nc = pd->communes, nph = pd->phuong, ndk = pd->dac_khu;
		size_t nxa = nc - nph - ndk;
		/* this province's dac_khu */
		const dac_khu_def *dks[4];
		size_t ndks = 0;
		for (size_t i = 0; i < NDAC_KHU; i++)
			if (strcmp(dac_khu[i].prov, pd->code) == 0)
				dks[ndks++] = &dac_khu[i];
		uint32_t pending = UINT32_MAX; /* split old commune in progress */
		uint8_t pend_part = 0, pend_n = 0;
		size_t urban_end = first_old;
		nameset newnames = {0};
		for (size_t n = 0; n < nc; n++) {
			uint8_t type = n < nph ? T_PHUONG :
				       n < nph + nxa ? T_XA : T_DAC_KHU;
			GROW(m->nw, m->nnew, ncap);
			ncomm *c = &m->nw[m->nnew];
			memset(c, 0, sizeof *c);
			c->type = type;
			c->urban = -1;
			c->prov = (uint8_t)p;
			c->src = (uint32_t)m->nsrc;
			if (pending != UINT32_MAX) {
				GROW(m->src, m->nsrc, scap);
				m->src[m->nsrc++] = (source){pending, ++pend_part};
				if (pend_part == pend_n)
					pending = UINT32_MAX;
			}
			/* an old commune split between this and the next ones? */
			uint8_t split = 0;
			if (pending == UINT32_MAX && type != T_DAC_KHU)
				split = draw_split(&r);
			if (split && n + splits[split - 1].n - 1 >= nph + nxa)
				split = 0; /* not enough xa/phuong left */
			int kmax = 5 - (c->src != m->nsrc) - (split != 0);
			int k = type == T_DAC_KHU ? 1 + (int)rng_below(&r, 2) :
				1 + (int)pick_w(&r, k_w, (size_t)kmax);
			size_t first_full = m->nold;
			for (int j = 0; j < k + (split != 0); j++) {
				GROW(m->old, m->nold, ocap);
				ocomm *o = &m->old[m->nold];
				memset(o, 0, sizeof *o);
				o->code = next_old;
				next_old += 1 + (int32_t)rng_below(&r, 5);
				o->prov = (uint8_t)p;
				o->dac_src = type == T_DAC_KHU;
				o->empty = type == T_DAC_KHU &&
					   dks[n - nph - nxa]->empty;
				o->succ = (uint32_t)m->nnew;
				if (j == k) { /* the split one, after the whole ones */
					o->split = split;
					pending = (uint32_t)m->nold;
					pend_part = 1;
					pend_n = splits[split - 1].n;
				}
				GROW(m->src, m->nsrc, scap);
				m->src[m->nsrc++] =
					(source){(uint32_t)m->nold, (uint8_t)(j == k)};
				m->nold++;
			}
			size_t reused = first_full + rng_below(&r, (uint32_t)k);
			m->old[reused].reused = true;
			c->code = m->old[reused].code;
			c->nsrc = (uint32_t)(m->nsrc - c->src);
			if (type == T_PHUONG)
				urban_end = m->nold;
			m->nnew++;
		}
		/* districts over the old communes: urban ones, then rural ones */
		nameset dnames = {0};
		make_districts(m, &r, p, first_old, urban_end, true, &dcap,
			       &next_dist, &dnames);
		make_districts(m, &r, p, urban_end, m->nold, false, &dcap,
			       &next_dist, &dnames);
		free(dnames.h);
		/* names of the new communes, unique in the province */
		size_t first_new = m->nnew - nc;
		size_t real_i = 0;
		for (size_t n = 0; n < nc; n++) {
			ncomm *c = &m->nw[first_new + n];
			const dac_khu_def *dk =
				c->type == T_DAC_KHU ? dks[n - nph - nxa] : NULL;
			name_new_commune(m, &r, pd, c, dk, &real_i, &newnames);
			/* villages in a few communes */
			if (c->type != T_DAC_KHU && rng_u(&r) < 0.025)
				make_villages(m, &r, pd, (uint32_t)(first_new + n),
					      &vcap);
		}
		free(newnames.h);
	}
}

/* Households, persons and poverty parameters of the old communes. */
static void build_population(model *m)
{
	/* province households at scale 1: population / household size,
	 * normalised to 27.0 million nationally */
	double total = 0;
	for (size_t p = 0; p < NPROVS; p++) {
		m->prov_hh[p] = provs[p].pop_k * 1000.0 / (provs[p].hh_size / 100.0);
		total += m->prov_hh[p];
	}
	double norm = 27.0e6 / total;
	for (size_t p = 0; p < NPROVS; p++)
		m->prov_hh[p] *= norm;

	/* province poverty multipliers, household-weighted mean 1 */
	double sp = 0, sq = 0;
	for (size_t p = 0; p < NPROVS; p++) {
		sp += m->prov_hh[p] * provs[p].poverty;
		sq += m->prov_hh[p] * pow(provs[p].poverty, 0.6);
	}
	for (size_t p = 0; p < NPROVS; p++) {
		m->mpoor[p] = provs[p].poverty * 27.0e6 / sp;
		m->mnear[p] = pow(provs[p].poverty, 0.6) * 27.0e6 / sq;
	}

	/* commune weights, sizes and factors */
	double wsum[NPROVS] = {0}, fsum[NPROVS] = {0};
	for (size_t i = 0; i < m->nold; i++) {
		ocomm *o = &m->old[i];
		const prov_def *pd = &provs[o->prov];
		rng r;
		rng_seed(&r, hash2(hash2(m->o.seed, TAG_COMMUNE), (uint64_t)o->code));
		o->key = hash2(hash2(m->o.seed, TAG_CHAIN), (uint64_t)o->code);
		double w = rng_between(&r, 0.5, 1.6);
		if (o->type == T_PHUONG)
			w *= 1.7;
		else if (pd->region == R_NMT || pd->region == R_HL)
			w *= 0.8;
		if (o->dac_src)
			w *= 0.3;
		if (o->empty)
			w = 0;
		o->base = w;
		wsum[o->prov] += w;
		o->size = pd->hh_size / 100.0 / norm * rng_between(&r, 0.94, 1.06);
		o->growth = pd->city ? 0.016 : pd->region == R_NMT ? 0.013 : 0.010;
		double tf = o->type == T_PHUONG ? 0.35 :
			    o->type == T_THI_TRAN ? 0.6 : 1.1;
		o->factor = tf * exp(0.45 * rng_gauss(&r));
		double s = pd->minority / 1000.0;
		s *= o->type == T_XA ? rng_between(&r, 0.7, 1.25) : 0.35;
		o->minority = s > 0.99 ? 0.99 : s;
		o->rnorm = 1.0 / ((o->minority * K_ETH + 1 - o->minority) *
				  (P_NOLAB * K_NOLAB + 1 - P_NOLAB) *
				  (P_SOCIAL * K_SOCIAL + 1 - P_SOCIAL) *
				  (P_MERIT * K_MERIT + 1 - P_MERIT));
	}
	for (size_t i = 0; i < m->nold; i++) {
		ocomm *o = &m->old[i];
		double ws = wsum[o->prov];
		o->base = ws > 0 ? m->prov_hh[o->prov] * o->base / ws : 0;
		fsum[o->prov] += o->base * o->factor;
	}
	uint32_t maxhh = 0;
	for (size_t i = 0; i < m->nold; i++) {
		ocomm *o = &m->old[i];
		o->factor *= m->prov_hh[o->prov] / fsum[o->prov];
		o->factor_near = pow(o->factor, 0.6);
		double h = floor(o->base * m->o.scale + 0.5);
		o->hh = (uint32_t)h;
		if (o->hh > maxhh)
			maxhh = o->hh;
	}
	m->idwidth = 5;
	for (uint32_t v = maxhh / 100000; v; v /= 10)
		m->idwidth++;

	/* expected shares per commune and year, capped, renormalised so that
	 * the national shares hold */
	double hsum = 27.0e6;
	for (int t = 0; t < NY; t++) {
		double tp = target_poor[t] / 10000.0, tq = target_near[t] / 10000.0;
		double lp = 1, lq = 1;
		for (int it = 0; it < 30; it++) {
			double ap = 0, aq = 0;
			for (size_t i = 0; i < m->nold; i++) {
				const ocomm *o = &m->old[i];
				double p = lp * tp * m->mpoor[o->prov] * o->factor;
				double q = lq * tq * m->mnear[o->prov] * o->factor_near;
				ap += o->base * (p > CAP_POOR ? CAP_POOR : p);
				aq += o->base * (q > CAP_NEAR ? CAP_NEAR : q);
			}
			lp *= tp * hsum / ap;
			lq *= tq * hsum / aq;
		}
		for (size_t i = 0; i < m->nold; i++) {
			ocomm *o = &m->old[i];
			double p = lp * tp * m->mpoor[o->prov] * o->factor;
			double q = lq * tq * m->mnear[o->prov] * o->factor_near;
			o->p[t] = p > CAP_POOR ? CAP_POOR : p;
			o->q[t] = q > CAP_NEAR ? CAP_NEAR : q;
		}
	}

	/* chain parameters (see the design comment) */
	for (size_t i = 0; i < m->nold; i++) {
		ocomm *o = &m->old[i];
		for (int t = 1; t < NY; t++) {
			double p0 = o->p[t - 1], q0 = o->q[t - 1];
			double p = o->p[t], q = o->q[t];
			double other = 1 - p0 - q0;
			double a = p0 > 0 ?
				   ((1 - NEW_POOR) * p - N_TO_P * q0) / p0 : 0.6;
			a = a < 0.15 ? 0.15 : a > 0.80 ? 0.80 : a;
			double d = q0 > 0 ?
				   ((1 - NEW_NEAR) * q - P_TO_N * p0) / q0 : 0.5;
			d = d < 0.15 ? 0.15 : d > 0.85 ? 0.85 : d;
			double e = (p - a * p0 - N_TO_P * q0) / other;
			double g = (q - P_TO_N * p0 - d * q0) / other;
			o->a[t] = a;
			o->d[t] = d;
			o->e[t] = e > 0 ? e : 0;
			o->g[t] = g > 0 ? g : 0;
			/* applicants: in proportion to 1% + the local poverty,
			 * scaled below to the national total */
			o->alpha[t] = 0.01 + p + q;
		}
	}
}

/* Scales the applicant rates so that REVIEWED of all households are
 * reviewed nationally each year (at least MIN_APPLY apply). */
static void scale_applicants(model *m)
{
	for (int t = 1; t < NY; t++) {
		double listed = 0, weight = 0, total = 0;
		for (size_t i = 0; i < m->nold; i++) {
			const ocomm *o = &m->old[i];
			double p0 = o->p[t - 1], q0 = o->q[t - 1];
			double esc = p0 * (1 - o->a[t] - P_TO_N) +
				     q0 * (1 - N_TO_P - o->d[t]);
			listed += o->base * (o->p[t] + o->q[t] + esc);
			weight += o->base * o->alpha[t] * (1 - o->p[t] - o->q[t]);
			total += o->base;
		}
		double want = REVIEWED * total - listed;
		if (want < MIN_APPLY * total)
			want = MIN_APPLY * total;
		double k = want / weight;
		for (size_t i = 0; i < m->nold; i++) {
			double al = m->old[i].alpha[t] * k;
			m->old[i].alpha[t] = al > 0.3 ? 0.3 : al;
		}
	}
}

/* ------------------------------------------------------------------------
 * Households
 */

typedef struct household {
	uint64_t key;
	uint32_t index;
	bool minority, no_labour, social, merit;
	double risk;
	uint8_t st[NY];
} household;

static void hh_traits(const ocomm *o, uint32_t i, household *h)
{
	h->key = hash2(o->key, i);
	h->index = i;
	uint64_t t = hash2(h->key, TAG_TRAIT);
	h->minority = u01(t) < o->minority;
	uint64_t t2 = hash2(h->key, TAG_TRAIT2);
	/* three independent 21-bit uniforms */
	double u1 = (double)(t2 & 0x1fffff) * 0x1.0p-21;
	double u2 = (double)((t2 >> 21) & 0x1fffff) * 0x1.0p-21;
	double u3 = (double)((t2 >> 42) & 0x1fffff) * 0x1.0p-21;
	h->no_labour = u1 < P_NOLAB;
	h->social = u2 < P_SOCIAL;
	h->merit = u3 < P_MERIT;
	double r = o->rnorm;
	if (h->minority)
		r *= K_ETH;
	if (h->no_labour)
		r *= K_NOLAB;
	if (h->social)
		r *= K_SOCIAL;
	if (h->merit)
		r *= K_MERIT;
	h->risk = r;
}

/* States of the chain from CHAIN_Y0 up to index tmax. */
static void hh_chain(const ocomm *o, household *h, int tmax)
{
	double r = h->risk;
	double u = u01(hash2(h->key, CHAIN_Y0));
	double pp = o->p[0] * r, pq = o->q[0] * r;
	if (pp > 0.9)
		pp = 0.9;
	if (pq > 0.95 - pp)
		pq = 0.95 - pp;
	h->st[0] = u < pp ? ST_P : u < pp + pq ? ST_N : ST_O;
	bool ever_p = h->st[0] == ST_P, ever_n = h->st[0] == ST_N;
	for (int t = 1; t <= tmax; t++) {
		u = u01(hash2(h->key, (uint64_t)(CHAIN_Y0 + t)));
		uint8_t prev = h->st[t - 1], s;
		if (prev == ST_P) {
			s = u < o->a[t] ? ST_P : u < o->a[t] + P_TO_N ? ST_N : ST_O;
		} else if (prev == ST_N) {
			s = u < N_TO_P ? ST_P : u < N_TO_P + o->d[t] ? ST_N : ST_O;
		} else {
			double pe = o->e[t] * r * (ever_p ? RE_POOR : 1);
			double pn = o->g[t] * r * (ever_n ? RE_NEAR : 1);
			if (pe > 0.9)
				pe = 0.9;
			if (pn > 0.95 - pe)
				pn = 0.95 - pe;
			s = u < pe ? ST_P : u < pe + pn ? ST_N : ST_O;
		}
		h->st[t] = s;
		ever_p |= s == ST_P;
		ever_n |= s == ST_N;
	}
}

/* Whether the household has a row in year index t (>= 1). */
static bool hh_reviewed(const ocomm *o, const household *h, int t)
{
	if (h->st[t] != ST_O || h->st[t - 1] != ST_O)
		return true;
	double r = h->risk > 3 ? 3 : h->risk;
	return u01(hash2(h->key, TAG_APPLY * 10000 + (uint64_t)t)) < o->alpha[t] * r;
}

/* ------------------------------------------------------------------------
 * Output
 */

typedef struct outf {
	FILE *f;
	buf b;
	uint64_t rows, bytes;
	const char *name;
	bool failed;
} outf;

#define OUT_FLUSH ((size_t)8 << 20)
#define ROW_MAX 1024

static gn_err of_flush(outf *f)
{
	if (f->b.len && !f->failed) {
		if (fwrite(f->b.p, 1, f->b.len, f->f) != f->b.len)
			f->failed = true;
		f->bytes += f->b.len;
	}
	buf_reset(&f->b);
	return f->failed ? GN_EIO : GN_OK;
}

/* buf_grow, aborting past the buffer's cap (as gn_xmalloc does). */
static void xgrow(buf *b, size_t n)
{
	if (buf_grow(b, n)) {
		fputs("gnbv synth: out of memory\n", stderr);
		abort();
	}
}

/* Room for one row: a pointer to write at; finish with of_end. */
static char *of_begin(outf *f)
{
	if (f->b.len >= OUT_FLUSH)
		of_flush(f);
	xgrow(&f->b, ROW_MAX);
	return f->b.p + f->b.len;
}

static void of_end(outf *f, char *w)
{
	f->b.len = (size_t)(w - f->b.p);
	f->b.p[f->b.len] = '\0';
	f->rows++;
}

static inline char *put_s(char *w, const char *s)
{
	size_t n = strlen(s);
	memcpy(w, s, n);
	return w + n;
}

/* A text field, quoted when it holds a comma, quote or line break
 * (formats.md 7; the same rule as csv_put_field, on a raw row pointer). */
static char *put_text(char *w, const char *s)
{
	if (!strpbrk(s, ",\"\r\n"))
		return put_s(w, s);
	*w++ = '"';
	for (; *s; s++) {
		if (*s == '"')
			*w++ = '"';
		*w++ = *s;
	}
	*w++ = '"';
	return w;
}

static inline char *put_u(char *w, uint64_t v)
{
	char tmp[24];
	int n = 0;
	do {
		tmp[n++] = (char)('0' + v % 10);
		v /= 10;
	} while (v);
	while (n)
		*w++ = tmp[--n];
	return w;
}

/* v zero-padded to width digits. */
static inline char *put_pad(char *w, uint64_t v, int width)
{
	for (int i = width - 1; i >= 0; i--) {
		w[i] = (char)('0' + v % 10);
		v /= 10;
	}
	return w + width;
}

/* v with '.' thousands separators, as Vietnamese documents write it. */
static char *put_dotted(char *w, uint64_t v)
{
	char tmp[32];
	int n = 0, k = 0;
	do {
		if (k && k % 3 == 0)
			tmp[n++] = '.';
		tmp[n++] = (char)('0' + v % 10);
		v /= 10;
		k++;
	} while (v);
	while (n)
		*w++ = tmp[--n];
	return w;
}

static char *put_code(char *w, int32_t code, int width)
{
	return put_pad(w, (uint64_t)code, width);
}

static bool in_scope(const model *m, uint8_t prov)
{
	return m->only < 0 || m->only == prov;
}

/* units.csv */
static void write_units(const model *m, outf *f)
{
	char *w = of_begin(f);
	w = put_s(w, "code,name,level,parent_code,type,urban,valid_from,valid_to\n");
	f->b.len = (size_t)(w - f->b.p);
	w = of_begin(f);
	w = put_s(w, "VN,Việt Nam,country,,,,,\n");
	of_end(f, w);
	for (size_t p = 0; p < NPROVS; p++) {
		if (!in_scope(m, (uint8_t)p))
			continue;
		w = of_begin(f);
		w = put_s(w, provs[p].code);
		*w++ = ',';
		w = put_text(w, provs[p].name);
		w = put_s(w, ",province,VN,");
		w = put_s(w, provs[p].city ? "thanh_pho" : "tinh");
		w = put_s(w, ",,,\n");
		of_end(f, w);
	}
	for (size_t i = 0; i < m->ndist; i++) {
		const district *d = &m->dist[i];
		if (!in_scope(m, d->prov))
			continue;
		w = of_begin(f);
		w = put_code(w, d->code, 3);
		*w++ = ',';
		w = put_text(w, mname(m, d->name));
		w = put_s(w, ",district,");
		w = put_s(w, provs[d->prov].code);
		*w++ = ',';
		w = put_s(w, type_code[d->type]);
		w = put_s(w, ",,,2025-06-30\n");
		of_end(f, w);
	}
	/* communes of both maps, merged by code (old version first) */
	size_t i = 0, j = 0;
	while (i < m->nold || j < m->nnew) {
		bool take_old = j >= m->nnew ||
				(i < m->nold && m->old[i].code <= m->nw[j].code);
		if (take_old) {
			const ocomm *o = &m->old[i++];
			if (!in_scope(m, o->prov))
				continue;
			w = of_begin(f);
			w = put_code(w, o->code, 5);
			*w++ = ',';
			w = put_text(w, mname(m, o->name));
			w = put_s(w, ",commune,");
			w = put_code(w, m->dist[o->dist].code, 3);
			*w++ = ',';
			w = put_s(w, type_code[o->type]);
			w = put_s(w, ",,,2025-06-30\n");
			of_end(f, w);
		} else {
			const ncomm *c = &m->nw[j++];
			if (!in_scope(m, c->prov))
				continue;
			w = of_begin(f);
			w = put_code(w, c->code, 5);
			*w++ = ',';
			w = put_text(w, mname(m, c->name));
			w = put_s(w, ",commune,");
			w = put_s(w, provs[c->prov].code);
			*w++ = ',';
			w = put_s(w, type_code[c->type]);
			*w++ = ',';
			if (c->urban >= 0)
				*w++ = c->urban ? '1' : '0';
			w = put_s(w, ",2025-07-01,\n");
			of_end(f, w);
		}
	}
	for (size_t v = 0; v < m->nvil; v++) {
		const village *vl = &m->vil[v];
		const ncomm *c = &m->nw[vl->ncomm];
		if (!in_scope(m, c->prov))
			continue;
		w = of_begin(f);
		w = put_code(w, c->code, 5);
		w = put_code(w, vl->code, 2);
		*w++ = ',';
		w = put_text(w, mname(m, vl->name));
		w = put_s(w, ",village,");
		w = put_code(w, c->code, 5);
		w = put_s(w, ",thon,,2025-07-01,\n");
		of_end(f, w);
	}
}

/* lineage.csv */
static void write_lineage(const model *m, outf *f)
{
	char *w = of_begin(f);
	w = put_s(w, "old_code,new_code,date,share\n");
	f->b.len = (size_t)(w - f->b.p);
	for (size_t i = 0; i < m->nold; i++) {
		const ocomm *o = &m->old[i];
		if (o->reused || !in_scope(m, o->prov))
			continue;
		size_t n = o->split ? splits[o->split - 1].n : 1;
		for (size_t k = 0; k < n; k++) {
			w = of_begin(f);
			w = put_code(w, o->code, 5);
			*w++ = ',';
			w = put_code(w, m->nw[o->succ + k].code, 5);
			w = put_s(w, ",2025-07-01,");
			if (o->split)
				w = put_s(w, splits[o->split - 1].text[k]);
			*w++ = '\n';
			of_end(f, w);
		}
	}
}

/* Bounds of part `part` (1-based) of a split of n things (formats.md 7.2:
 * B_k = floor(n * C_k + 1/2)). */
static void split_range(const ocomm *o, uint8_t part, uint64_t n,
			uint64_t *lo, uint64_t *hi)
{
	if (!part) {
		*lo = 0;
		*hi = n;
		return;
	}
	const split_def *sd = &splits[o->split - 1];
	uint64_t cum = 0;
	for (uint8_t k = 0; k + 1 < part; k++)
		cum += sd->permille[k];
	*lo = (n * cum + 500) / 1000;
	cum += sd->permille[part - 1];
	*hi = (n * cum + 500) / 1000;
}

static uint64_t old_households(const ocomm *o, int year)
{
	return (uint64_t)floor(o->hh * pow(1 + o->growth, year - 2022) + 0.5);
}

static uint64_t old_persons(const ocomm *o, int year, uint64_t households)
{
	double size = o->size * (1 - 0.004 * (year - 2022));
	return (uint64_t)floor((double)households * size + 0.5);
}

/* population.csv */
static void write_population(const model *m, outf *f, synth_stats *st)
{
	char *w = of_begin(f);
	w = put_s(w, "unit_code,year,households,persons\n");
	f->b.len = (size_t)(w - f->b.p);
	for (int y = m->o.year_from; y <= m->o.year_to; y++) {
		synth_year_stats *ys = &st->year[y - m->o.year_from];
		if (y < MAP_YEAR) {
			for (size_t i = 0; i < m->nold; i++) {
				const ocomm *o = &m->old[i];
				if (!in_scope(m, o->prov))
					continue;
				uint64_t hh = old_households(o, y);
				uint64_t pp = old_persons(o, y, hh);
				w = of_begin(f);
				w = put_code(w, o->code, 5);
				*w++ = ',';
				w = put_u(w, (uint64_t)y);
				*w++ = ',';
				w = put_u(w, hh);
				*w++ = ',';
				w = put_u(w, pp);
				*w++ = '\n';
				of_end(f, w);
				ys->households += hh;
				ys->persons += pp;
			}
			continue;
		}
		for (size_t j = 0; j < m->nnew; j++) {
			const ncomm *c = &m->nw[j];
			if (!in_scope(m, c->prov))
				continue;
			uint64_t hh = 0, pp = 0;
			for (uint32_t s = 0; s < c->nsrc; s++) {
				const source *sr = &m->src[c->src + s];
				const ocomm *o = &m->old[sr->old];
				uint64_t oh = old_households(o, y);
				uint64_t op = old_persons(o, y, oh);
				uint64_t lo, hi;
				split_range(o, sr->part, oh, &lo, &hi);
				hh += hi - lo;
				split_range(o, sr->part, op, &lo, &hi);
				pp += hi - lo;
			}
			w = of_begin(f);
			w = put_code(w, c->code, 5);
			*w++ = ',';
			w = put_u(w, (uint64_t)y);
			*w++ = ',';
			w = put_u(w, hh);
			*w++ = ',';
			w = put_u(w, pp);
			*w++ = '\n';
			of_end(f, w);
			ys->households += hh;
			ys->persons += pp;
		}
	}
}

/* The stable attributes of a household's head, and its village name. */
typedef struct head {
	char name[96];
	char village[64];
	bool female;
	int birth;
	uint8_t ethnic;
	char id[13];
	uint8_t members;
} head;

static void make_head(const ocomm *o, const household *h, head *hd)
{
	const prov_def *pd = &provs[o->prov];
	rng r;
	rng_seed(&r, hash2(h->key, TAG_ATTR));
	hd->female = rng_u(&r) < (h->no_labour ? 0.35 : 0.25);
	int age = (rng_range(&r, 22, 86) + rng_range(&r, 22, 86)) / 2;
	if (h->no_labour)
		age += 10;
	if (age > 95)
		age = 95;
	hd->birth = 2025 - age;
	uint8_t eg = 0;
	if (h->minority) {
		const ethnic_mix *mx = &mixes[pd->profile];
		eg = mx->group[pick_w(&r, mx->w, mx->n)];
	}
	hd->ethnic = eg;
	const ethnic_def *ed = &ethnics[eg];
	const strlist *fam = &fam_lists[ed->family];
	const char *family;
	if (ed->family == FL_KINH) {
		size_t k = pick_w(&r, fam_kinh_w,
				  sizeof fam_kinh_w / sizeof fam_kinh_w[0]);
		family = fam_kinh[k];
		bool south = pd->region == R_SCC || pd->region == R_HL ||
			     pd->region == R_SE || pd->region == R_MK;
		/* Hoàng and Vũ in the north are Huỳnh and Võ in the south */
		if (strcmp(family, "Hoàng") == 0 && rng_u(&r) < (south ? 0.75 : 0.05))
			family = "Huỳnh";
		else if (strcmp(family, "Vũ") == 0 && rng_u(&r) < (south ? 0.8 : 0.1))
			family = "Võ";
	} else {
		family = sl_pick(&r, fam);
	}
	static const strlist gm = SL(given_m), gf = SL(given_f), mm = SL(mid_m),
			     mf = SL(mid_f), gthai = SL(given_thai),
			     ghmong = SL(given_hmong), ghl = SL(given_hl),
			     gkhmer = SL(given_khmer);
	const char *given;
	switch (ed->given) {
	case GL_THAI:
		given = rng_u(&r) < 0.5 ? sl_pick(&r, &gthai) :
			sl_pick(&r, hd->female ? &gf : &gm);
		break;
	case GL_HMONG:
		given = sl_pick(&r, &ghmong);
		break;
	case GL_HL:
		given = sl_pick(&r, &ghl);
		break;
	case GL_KHMER:
		given = sl_pick(&r, &gkhmer);
		break;
	default:
		given = sl_pick(&r, hd->female ? &gf : &gm);
	}
	switch (ed->style) {
	case NS_HMONG: {
		static const char *const mh_m[] = {"A", "Seo", "Văn", "A"};
		static const char *const mh_f[] = {"Thị", "Mí", "Seo", "Thị"};
		snprintf(hd->name, sizeof hd->name, "%s %s %s", family,
			 (hd->female ? mh_f : mh_m)[rng_below(&r, 4)], given);
		break;
	}
	case NS_EDE:
		snprintf(hd->name, sizeof hd->name, "%s%s %s",
			 hd->female ? "H'" : "Y ", given, family);
		break;
	case NS_JRAI:
		snprintf(hd->name, sizeof hd->name, "%s %s%s", family,
			 hd->female ? "H'" : "", given);
		break;
	case NS_KHMER:
		snprintf(hd->name, sizeof hd->name, "%s %s%s", family,
			 hd->female ? "Thị " : "", given);
		break;
	case NS_A:
		snprintf(hd->name, sizeof hd->name, "%s %s",
			 hd->female ? "Y" : "A", given);
		break;
	default:
		snprintf(hd->name, sizeof hd->name, "%s %s %s", family,
			 sl_pick(&r, hd->female ? &mf : &mm), given);
	}
	/* citizen id: birthplace, sex and century, year, 6 random digits */
	const char *bp = rng_u(&r) < 0.9 ? pd->code :
			 old_prov_codes[rng_below(&r, NOLD_PROV_CODES)];
	int sexc = (hd->birth >= 2000 ? 2 : 0) + (hd->female ? 1 : 0);
	char *w = hd->id;
	*w++ = '0';
	w = put_s(w, bp);
	*w++ = (char)('0' + sexc);
	w = put_pad(w, (uint64_t)(hd->birth % 100), 2);
	w = put_pad(w, rng_below(&r, 1000000), 6);
	*w = '\0';
	/* household size */
	static const uint16_t mem_w[] = {7, 15, 20, 25, 15, 9, 5, 4};
	int mem = 1 + (int)pick_w(&r, mem_w, 8);
	if (h->minority && rng_u(&r) < 0.4)
		mem++;
	if (h->no_labour && mem > 2)
		mem -= 2;
	hd->members = (uint8_t)mem;
	/* village name (for rows on the commune) */
	hd->village[0] = '\0';
	if (rng_u(&r) < 0.25) {
		bool urban = o->type != T_XA;
		int k = rng_range(&r, 1, 15);
		const char *vp = urban ?
				 (pd->region == R_SE ? "Khu phố" : "Tổ dân phố") :
				 pd->region == R_NMT ? "Bản" :
				 pd->region == R_HL ? "Buôn" :
				 (pd->region == R_MK || pd->region == R_SE) ? "Ấp" :
				 "Thôn";
		if (urban || rng_u(&r) < 0.5) {
			char num[8];
			char *e = put_u(num, (uint64_t)k);
			*e = '\0';
			snprintf(hd->village, sizeof hd->village, "%s %s", vp, num);
		} else {
			char body[48];
			place_body(&r, pd->region, true, body, sizeof body);
			snprintf(hd->village, sizeof hd->village, "%s %s", vp, body);
		}
	}
}

/* A score A for class cls (only POOR, NEAR_POOR or NOT_POOR) with
 * cut-off cut: sometimes exactly the cut-off, or half a point around it. */
static char *put_score(char *w, rng *r, int cls, int cut)
{
	double u = rng_u(r);
	if (cls == C_POOR || cls == C_NEAR) {
		if (u < 0.03)
			return put_u(w, (uint64_t)cut);
		int s = cut - 1 - (int)rng_below(r, 80);
		w = put_u(w, (uint64_t)s);
		return u < 0.08 ? put_s(w, ".5") : w;
	}
	if (u < 0.03) {
		w = put_u(w, (uint64_t)cut);
		return put_s(w, ".5");
	}
	return put_u(w, (uint64_t)(cut + 1 + (int)rng_below(r, 150)));
}

/* An income per person per month for class cls under poverty line `line`,
 * in thousands of VND, with the boundary values now and then. */
static uint64_t draw_income(rng *r, int cls, uint64_t line)
{
	double u = rng_u(r);
	uint64_t th = line / 1000, lo = th * 35 / 100;
	if (cls == C_POOR || cls == C_NEAR) /* (0.35 line, line] */
		return u < 0.03 ? line :
		       1000 * (lo + rng_below(r, (uint32_t)(th - lo)));
	if (cls == C_AVERAGE) /* (line, 1.5 line] */
		return u < 0.03 ? line * 3 / 2 : u < 0.05 ? line + 1000 :
		       line + 1000 +
		       1000 * (uint64_t)rng_below(r, (uint32_t)(th / 2 - 1));
	/* (1.5 line, 6 line) */
	return u < 0.02 ? line * 3 / 2 + 1000 :
	       line * 3 / 2 + 1000 +
	       1000 * (uint64_t)rng_below(r, (uint32_t)(th * 9 / 2));
}

/* Writes one household row of year y into out (a buf or the file buffer:
 * w points at ROW_MAX free bytes). Returns the end. */
static char *household_row(const model *m, const ocomm *o, const household *h,
			   int y, const char *unit, bool unit_urban,
			   bool on_village, char *w, synth_year_stats *ys)
{
	int t = y - CHAIN_Y0;
	uint8_t state = h->st[t];
	head hd;
	make_head(o, h, &hd);
	rng r;
	rng_seed(&r, hash2(h->key, TAG_ROW * 10000 + (uint64_t)y));
	bool std_b = y >= STD2027;

	/* area: the unit's, or an override on ~2% of rows */
	int area_override = -1;
	if (rng_u(&r) < 0.02)
		area_override = rng_u(&r) < 0.5 ? 1 : 0;
	bool urban = area_override >= 0 ? area_override == 1 : unit_urban;
	uint64_t line = std_b ? (urban ? 2800000 : 2200000) :
		       (urban ? 2000000 : 1500000);
	int cut = urban ? 175 : 140;

	/* class and measurement */
	bool score_only = rng_u(&r) < 0.2;
	int cls;
	uint8_t flags[NIND] = {0};
	int nd;
	double u = rng_u(&r);
	if (state == ST_P) {
		cls = C_POOR;
		nd = u < .35 ? 3 : u < .65 ? 4 : u < .82 ? 5 : u < .92 ? 6 :
		     7 + (int)rng_below(&r, 4);
	} else if (state == ST_N) {
		cls = C_NEAR;
		nd = u < .25 ? 0 : u < .65 ? 1 : 2;
	} else {
		cls = score_only ? C_NOT_POOR : rng_u(&r) < 0.55 ? C_AVERAGE :
		      C_NOT_POOR;
		nd = u < .45 ? 0 : u < .73 ? 1 : u < .88 ? 2 : u < .96 ? 3 : 4;
	}
	const uint8_t *set = std_b ? std_b_ind : std_a_ind;
	uint16_t wts[12];
	for (int k = 0; k < 12; k++)
		wts[k] = ind_w[set[k]];
	for (int k = 0; k < nd; k++) {
		size_t pick = pick_w(&r, wts, 12);
		flags[set[pick]] = 1;
		wts[pick] = 0;
	}

	int members = hd.members;
	double um = rng_u(&r);
	if (um < 0.04)
		members++;
	else if (um < 0.08 && members > 1)
		members--;

	/* household_id,year,unit_code,village,members */
	*w++ = 'H';
	w = put_code(w, o->code, 5);
	w = put_pad(w, (uint64_t)h->index + 1, m->idwidth);
	*w++ = ',';
	w = put_u(w, (uint64_t)y);
	*w++ = ',';
	w = put_s(w, unit);
	*w++ = ',';
	if (!on_village)
		w = put_text(w, hd.village);
	*w++ = ',';
	w = put_u(w, (uint64_t)members);
	*w++ = ',';

	/* income,score_a */
	if (score_only) {
		*w++ = ',';
		w = put_score(w, &r, cls, cut);
		*w++ = ',';
	} else {
		uint64_t inc = draw_income(&r, cls, line);
		if (rng_u(&r) < 0.03)
			w = put_dotted(w, inc);
		else
			w = put_u(w, inc);
		*w++ = ',';
		*w++ = ',';
	}

	/* flags */
	for (int k = 0; k < 12; k++) {
		bool in_std = std_b ? k < 10 : true;
		if (in_std)
			*w++ = (char)('0' + flags[k]);
		*w++ = ',';
	}
	if (m->std2027_cols) {
		for (int k = 12; k < 14; k++) {
			if (std_b)
				*w++ = (char)('0' + flags[k]);
			*w++ = ',';
		}
	}
	/* score_b,area */
	if (rng_u(&r) < 0.04)
		w = put_u(w, (uint64_t)(10 * nd));
	*w++ = ',';
	if (area_override >= 0)
		w = put_s(w, area_override ? "urban" : "rural");
	*w++ = ',';
	/* head_name,head_sex,head_birth_year,head_ethnicity,id_number */
	w = put_text(w, hd.name);
	*w++ = ',';
	*w++ = hd.female ? 'F' : 'M';
	*w++ = ',';
	w = put_u(w, (uint64_t)hd.birth);
	*w++ = ',';
	w = put_text(w, ethnics[hd.ethnic].name);
	*w++ = ',';
	w = put_s(w, hd.id);
	*w++ = ',';
	/* merit,no_labour,social_protection,causes */
	*w++ = h->merit ? '1' : '0';
	*w++ = ',';
	*w++ = h->no_labour ? '1' : '0';
	*w++ = ',';
	*w++ = h->social ? '1' : '0';
	*w++ = ',';
	if (cls == C_POOR || cls == C_NEAR) {
		bool c[NCAUSES] = {false};
		int nc = 1 + (int)rng_below(&r, cls == C_POOR ? 3 : 2);
		uint16_t cw[NCAUSES];
		memcpy(cw, cause_w, sizeof cw);
		if (h->no_labour) {
			c[2] = true;
			cw[2] = 0;
			nc--;
		}
		for (int k = 0; k < nc; k++) {
			size_t pick = pick_w(&r, cw, NCAUSES);
			c[pick] = true;
			cw[pick] = 0;
		}
		bool first = true;
		for (int k = 0; k < NCAUSES; k++) {
			if (!c[k])
				continue;
			if (!first)
				*w++ = ';';
			w = put_s(w, cause_codes[k]);
			first = false;
		}
	}
	*w++ = '\n';

	ys->rows++;
	if (cls == C_POOR)
		ys->poor++;
	else if (cls == C_NEAR)
		ys->near_poor++;
	else if (cls == C_AVERAGE)
		ys->average++;
	else
		ys->not_poor++;
	return w;
}

static double now_seconds(void)
{
	struct timespec ts;
	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (double)ts.tv_sec + (double)ts.tv_nsec / 1e9;
}

static bool type_urban(uint8_t type, int8_t urban)
{
	if (urban >= 0)
		return urban == 1;
	return type == T_PHUONG || type == T_THI_TRAN;
}

typedef struct progress {
	bool on;
	double start, last;
	int year;
} progress;

static void progress_tick(progress *pg, size_t done, size_t total)
{
	if (!pg->on)
		return;
	double t = now_seconds();
	if (t - pg->last < 3.0)
		return;
	pg->last = t;
	fprintf(stderr, "gnbv synth: %d: %.0f%% of communes (%.1f s)\n", pg->year,
		100.0 * (double)done / (double)total, t - pg->start);
}

/* households.csv */
/* The rows of year y of the households of old commune o (before 2025). */
static void rows_old_commune(const model *m, outf *f, const ocomm *o, int y,
			     synth_year_stats *ys)
{
	int t = y - CHAIN_Y0;
	char unit[8];
	*put_code(unit, o->code, 5) = '\0';
	bool urban = type_urban(o->type, -1);
	household h;
	for (uint32_t k = 0; k < o->hh; k++) {
		hh_traits(o, k, &h);
		hh_chain(o, &h, t);
		if (!hh_reviewed(o, &h, t))
			continue;
		char *w = of_begin(f);
		w = household_row(m, o, &h, y, unit, urban, false, w, ys);
		of_end(f, w);
	}
}

/* The village a household of new commune c is recorded on, or -1. */
static int hh_village(const ncomm *c, const household *h)
{
	if (!c->nvil)
		return -1;
	uint64_t hv = hash2(h->key, TAG_VILLAGE);
	if (u01(hv) >= 0.4)
		return -1;
	return (int)((hv & 0xffff) % c->nvil);
}

/* The rows of year y (2025 or later) of the households of new commune c:
 * those recorded on the commune, then those on each of its villages (vb:
 * one scratch buffer per village), so that rows stay ordered by code. */
static void rows_new_commune(const model *m, outf *f, const ncomm *c, int y,
			     buf vb[MAX_VILLAGES], synth_year_stats *ys)
{
	int t = y - CHAIN_Y0;
	char unit[8], vunit[MAX_VILLAGES][12];
	*put_code(unit, c->code, 5) = '\0';
	for (uint32_t v = 0; v < c->nvil; v++) {
		char *e = put_code(vunit[v], c->code, 5);
		*put_code(e, m->vil[c->vil + v].code, 2) = '\0';
		buf_reset(&vb[v]);
	}
	bool urban = type_urban(c->type, c->urban);
	household h;
	for (uint32_t s = 0; s < c->nsrc; s++) {
		const source *sr = &m->src[c->src + s];
		const ocomm *o = &m->old[sr->old];
		uint64_t lo, hi;
		split_range(o, sr->part, o->hh, &lo, &hi);
		for (uint64_t k = lo; k < hi; k++) {
			hh_traits(o, (uint32_t)k, &h);
			hh_chain(o, &h, t);
			if (!hh_reviewed(o, &h, t))
				continue;
			int v = hh_village(c, &h);
			if (v < 0) {
				char *w = of_begin(f);
				w = household_row(m, o, &h, y, unit, urban, false, w,
						  ys);
				of_end(f, w);
				continue;
			}
			xgrow(&vb[v], ROW_MAX);
			char *w = vb[v].p + vb[v].len;
			w = household_row(m, o, &h, y, vunit[v], urban, true, w, ys);
			vb[v].len = (size_t)(w - vb[v].p);
			vb[v].p[vb[v].len] = '\0';
		}
	}
	for (uint32_t v = 0; v < c->nvil; v++) {
		if (f->b.len >= OUT_FLUSH)
			of_flush(f);
		xgrow(&f->b, vb[v].len);
		buf_put(&f->b, vb[v].p, vb[v].len);
		for (size_t q = 0; q < vb[v].len; q++)
			f->rows += vb[v].p[q] == '\n';
	}
}

/* households.csv */
static void write_households(const model *m, outf *f, synth_stats *st,
			     progress *pg)
{
	char *w = of_begin(f);
	w = put_s(w, "household_id,year,unit_code,village,members,income,"
		     "score_a");
	for (int k = 0; k < (m->std2027_cols ? 14 : 12); k++) {
		*w++ = ',';
		w = put_s(w, ind_cols[k]);
	}
	w = put_s(w, ",score_b,area,head_name,head_sex,head_birth_year,"
		     "head_ethnicity,id_number,merit,no_labour,social_protection,"
		     "causes\n");
	f->b.len = (size_t)(w - f->b.p);

	buf vb[MAX_VILLAGES];
	for (int k = 0; k < MAX_VILLAGES; k++)
		buf_init(&vb[k], 0);
	for (int y = m->o.year_from; y <= m->o.year_to; y++) {
		synth_year_stats *ys = &st->year[y - m->o.year_from];
		pg->year = y;
		if (y < MAP_YEAR) {
			for (size_t i = 0; i < m->nold; i++) {
				if (!in_scope(m, m->old[i].prov))
					continue;
				if ((i & 255) == 0)
					progress_tick(pg, i, m->nold);
				rows_old_commune(m, f, &m->old[i], y, ys);
			}
		} else {
			for (size_t j = 0; j < m->nnew; j++) {
				if (!in_scope(m, m->nw[j].prov))
					continue;
				if ((j & 63) == 0)
					progress_tick(pg, j, m->nnew);
				rows_new_commune(m, f, &m->nw[j], y, vb, ys);
			}
		}
		if (pg->on) {
			double all = (double)(ys->households ? ys->households : 1);
			fprintf(stderr,
				"gnbv synth: %d: %llu household rows; poor %.2f%%, "
				"near-poor %.2f%% of %llu households (%.1f s)\n",
				y, (unsigned long long)ys->rows,
				100.0 * (double)ys->poor / all,
				100.0 * (double)ys->near_poor / all,
				(unsigned long long)ys->households,
				now_seconds() - pg->start);
		}
	}
	for (int k = 0; k < MAX_VILLAGES; k++)
		buf_free(&vb[k]);
}

/* ------------------------------------------------------------------------
 * Entry points
 */

void synth_opts_init(synth_opts *o)
{
	memset(o, 0, sizeof *o);
	o->scale = 0.01;
	o->seed = 1;
	o->province = NULL;
	o->year_from = 2022;
	o->year_to = 2025;
	o->progress = false;
}

bool synth_province_known(const char *code)
{
	return code && prov_index(code) >= 0;
}

const char *synth_province_code(size_t n)
{
	return n < NPROVS ? provs[n].code : NULL;
}

gn_err synth_check(const synth_opts *o, buf *msg)
{
	if (!(o->scale > 0) || o->scale > SYNTH_SCALE_MAX) {
		buf_printf(msg, "--scale: expected a number above 0 and at most %g",
			   SYNTH_SCALE_MAX);
		return GN_EUSAGE;
	}
	if (o->province && o->province[0] && !synth_province_known(o->province)) {
		buf_printf(msg, "--province: unknown province code \"%s\" "
			   "(one of the 34 codes of the 2025 map, e.g. 01, 04, 79)",
			   o->province);
		return GN_EUSAGE;
	}
	if (o->year_from < SYNTH_YEAR_MIN || o->year_to > SYNTH_YEAR_MAX ||
	    o->year_from > o->year_to) {
		buf_printf(msg, "--years: expected Y1-Y2 with %d <= Y1 <= Y2 <= %d",
			   SYNTH_YEAR_MIN, SYNTH_YEAR_MAX);
		return GN_EUSAGE;
	}
	return GN_OK;
}

static gn_err make_dirs(const char *dir, buf *msg)
{
	char path[4096];
	size_t n = strlen(dir);
	if (n == 0 || n >= sizeof path) {
		buf_printf(msg, "--out: bad directory name");
		return GN_EUSAGE;
	}
	memcpy(path, dir, n + 1);
	for (size_t i = 1; i <= n; i++) {
		if (path[i] != '/' && path[i] != '\0')
			continue;
		char c = path[i];
		path[i] = '\0';
		if (mkdir(path, 0777) != 0 && errno != EEXIST) {
			buf_printf(msg, "%s: cannot create directory: %s", path,
				   strerror(errno));
			return GN_EIO;
		}
		path[i] = c;
	}
	struct stat sb;
	if (stat(dir, &sb) != 0 || !S_ISDIR(sb.st_mode)) {
		buf_printf(msg, "%s: not a directory", dir);
		return GN_EIO;
	}
	return GN_OK;
}

static void model_free(model *m)
{
	free(m->dist);
	free(m->old);
	free(m->nw);
	free(m->src);
	free(m->vil);
	buf_free(&m->names);
}

static gn_err open_out(outf *f, const char *dir, const char *name, buf *msg)
{
	char path[4200];
	snprintf(path, sizeof path, "%s/%s", dir, name);
	memset(f, 0, sizeof *f);
	buf_init(&f->b, 0);
	f->name = name;
	f->f = fopen(path, "wb");
	if (!f->f) {
		buf_printf(msg, "%s: cannot create: %s", path, strerror(errno));
		return GN_EIO;
	}
	return GN_OK;
}

static gn_err close_out(outf *f, const char *dir, buf *msg)
{
	gn_err rc = GN_OK;
	if (!f->f)
		return GN_OK;
	of_flush(f);
	if (fclose(f->f) != 0)
		f->failed = true;
	f->f = NULL;
	if (f->failed) {
		buf_printf(msg, "%s/%s: write failed: %s", dir, f->name,
			   strerror(errno));
		rc = GN_EIO;
	}
	buf_free(&f->b);
	return rc;
}

gn_err synth_write(const synth_opts *o, const char *dir, synth_stats *st_out,
		   buf *msg)
{
	gn_err rc = synth_check(o, msg);
	if (rc)
		return rc;
	double t0 = now_seconds();
	synth_stats st;
	memset(&st, 0, sizeof st);
	st.nyears = (size_t)(o->year_to - o->year_from + 1);
	for (size_t k = 0; k < st.nyears; k++)
		st.year[k].year = o->year_from + (int)k;

	model m;
	memset(&m, 0, sizeof m);
	m.o = *o;
	m.only = o->province && o->province[0] ? prov_index(o->province) : -1;
	m.std2027_cols = o->year_to >= STD2027;
	buf_init(&m.names, 0);
	outf files[4];
	memset(files, 0, sizeof files);
	static const char *const fnames[4] = {"units.csv", "lineage.csv",
					      "population.csv", "households.csv"};

	rc = make_dirs(dir, msg);
	if (rc)
		goto done;
	build_units(&m);
	if (m.nnew != NEW_COMMUNES) {
		buf_printf(msg, "internal: %zu new communes", m.nnew);
		rc = GN_EINTERNAL;
		goto done;
	}
	build_population(&m);
	scale_applicants(&m);
	progress pg = {o->progress, t0, t0, o->year_from};
	if (o->progress)
		fprintf(stderr, "gnbv synth: %zu districts, %zu old communes, "
			"%zu new communes, %zu villages (%.1f s)\n",
			m.ndist, m.nold, m.nnew, m.nvil, now_seconds() - t0);
	for (int k = 0; k < 4; k++) {
		rc = open_out(&files[k], dir, fnames[k], msg);
		if (rc)
			goto done;
	}
	write_units(&m, &files[0]);
	write_lineage(&m, &files[1]);
	write_population(&m, &files[2], &st);
	write_households(&m, &files[3], &st, &pg);

done:
	for (int k = 0; k < 4; k++) {
		gn_err crc = close_out(&files[k], dir, msg);
		if (!rc)
			rc = crc;
		st.bytes[k] = files[k].bytes;
	}
	st.units = files[0].rows;
	st.lineage = files[1].rows;
	st.population = files[2].rows;
	st.households = files[3].rows;
	st.seconds = now_seconds() - t0;
	if (!rc && o->progress) {
		uint64_t total = st.bytes[0] + st.bytes[1] + st.bytes[2] + st.bytes[3];
		fprintf(stderr,
			"gnbv synth: wrote %s: units.csv %llu rows, lineage.csv %llu, "
			"population.csv %llu, households.csv %llu; %llu bytes in "
			"%.1f s\n",
			dir, (unsigned long long)st.units,
			(unsigned long long)st.lineage,
			(unsigned long long)st.population,
			(unsigned long long)st.households, (unsigned long long)total,
			st.seconds);
	}
	if (st_out)
		*st_out = st;
	model_free(&m);
	return rc;
}
