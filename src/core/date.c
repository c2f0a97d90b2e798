/* date.c - civil dates <-> day numbers (Howard Hinnant's algorithm). */
#include "date.h"

gn_date date_from_ymd(int y, int m, int d)
{
	y -= m <= 2;
	int era = (y >= 0 ? y : y - 399) / 400;
	int yoe = y - era * 400;
	int doy = (153 * (m + (m > 2 ? -3 : 9)) + 2) / 5 + d - 1;
	int doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
	return (gn_date)(era * 146097 + doe - 719468);
}

void date_to_ymd(gn_date t, int *y, int *m, int *d)
{
	int z = t + 719468;
	int era = (z >= 0 ? z : z - 146096) / 146097;
	int doe = z - era * 146097;
	int yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
	int doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
	int mp = (5 * doy + 2) / 153;
	int dd = doy - (153 * mp + 2) / 5 + 1;
	int mm = mp < 10 ? mp + 3 : mp - 9;
	*y = yoe + era * 400 + (mm <= 2);
	*m = mm;
	*d = dd;
}

gn_date date_year_end(int y) { return date_from_ymd(y, 12, 31); }

bool date_valid_ymd(int y, int m, int d)
{
	static const int mdays[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
	if (y < 1000 || y > 9999 || m < 1 || m > 12 || d < 1)
		return false;
	int leap = (y % 4 == 0 && y % 100 != 0) || y % 400 == 0;
	return d <= mdays[m - 1] + (m == 2 && leap);
}

static bool digits(const char *s, size_t n, int *out)
{
	int v = 0;
	if (n == 0)
		return false;
	for (size_t i = 0; i < n; i++) {
		if (s[i] < '0' || s[i] > '9')
			return false;
		v = v * 10 + (s[i] - '0');
	}
	*out = v;
	return true;
}

bool date_parse(const char *s, size_t n, gn_date *out)
{
	int y, m, d;
	if (n == 10 && s[4] == '-' && s[7] == '-') {
		if (!digits(s, 4, &y) || !digits(s + 5, 2, &m) ||
		    !digits(s + 8, 2, &d))
			return false;
	} else {
		size_t a = 0, b;
		while (a < n && s[a] != '/')
			a++;
		b = a + 1;
		while (b < n && s[b] != '/')
			b++;
		if (a < 1 || a > 2 || b >= n || b - a - 1 < 1 || b - a - 1 > 2 ||
		    n - b - 1 != 4)
			return false;
		if (!digits(s, a, &d) || !digits(s + a + 1, b - a - 1, &m) ||
		    !digits(s + b + 1, 4, &y))
			return false;
	}
	if (!date_valid_ymd(y, m, d))
		return false;
	*out = date_from_ymd(y, m, d);
	return true;
}

static void put2(char *p, int v)
{
	p[0] = (char)('0' + v / 10);
	p[1] = (char)('0' + v % 10);
}

static void put4(char *p, int v)
{
	put2(p, v / 100);
	put2(p + 2, v % 100);
}

void date_format_iso(gn_date t, char out[11])
{
	int y, m, d;
	date_to_ymd(t, &y, &m, &d);
	put4(out, y);
	out[4] = '-';
	put2(out + 5, m);
	out[7] = '-';
	put2(out + 8, d);
	out[10] = '\0';
}

void date_format_vn(gn_date t, char out[11])
{
	int y, m, d;
	date_to_ymd(t, &y, &m, &d);
	put2(out, d);
	out[2] = '/';
	put2(out + 3, m);
	out[5] = '/';
	put4(out + 6, y);
	out[10] = '\0';
}

int date_weekday(gn_date t)
{
	/* 1970-01-01 was a Thursday (3 with Monday = 0). */
	int w = (int)((t % 7 + 7 + 3) % 7);
	return w;
}
