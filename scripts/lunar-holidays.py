#!/usr/bin/env python3
"""lunar-holidays.py - the lunar-calendar holidays of Vietnam for the years
given, to extend data/holidays/vn.csv (see data/holidays/README.md):

    python3 scripts/lunar-holidays.py 2031 2032

prints, per year, the last day of the lunar year (29 or 30 tháng Chạp),
Tết Nguyên Đán (mùng 1 tháng Giêng) and Giỗ Tổ Hùng Vương (10/3 âm lịch),
with their weekdays. The calendar is the Vietnamese one: new moons and
solar terms at UTC+7 (Hồ Ngọc Đức's algorithm, after Meeus), which can
differ by a day from the Chinese calendar at UTC+8 (Tết 2030: 2/2, not 3/2).
The government still fixes the days off each year: mark computed rows
"(dự kiến)" until it does. Python 3 standard library only.
"""
import datetime
import math
import sys

TZ = 7.0


def jd_from_date(d, m, y):
    a = (14 - m) // 12
    y2 = y + 4800 - a
    m2 = m + 12 * a - 3
    return d + (153 * m2 + 2) // 5 + 365 * y2 + y2 // 4 - y2 // 100 + y2 // 400 - 32045


def new_moon(k):
    t = k / 1236.85
    t2, t3 = t * t, t * t * t
    dr = math.pi / 180
    jd1 = 2415020.75933 + 29.53058868 * k + 0.0001178 * t2 - 0.000000155 * t3
    jd1 += 0.00033 * math.sin((166.56 + 132.87 * t - 0.009173 * t2) * dr)
    m = 359.2242 + 29.10535608 * k - 0.0000333 * t2 - 0.00000347 * t3
    mpr = 306.0253 + 385.81691806 * k + 0.0107306 * t2 + 0.00001236 * t3
    f = 21.2964 + 390.67050646 * k - 0.0016528 * t2 - 0.00000239 * t3
    c1 = (0.1734 - 0.000393 * t) * math.sin(m * dr) + 0.0021 * math.sin(2 * dr * m)
    c1 += -0.4068 * math.sin(mpr * dr) + 0.0161 * math.sin(dr * 2 * mpr)
    c1 += -0.0004 * math.sin(dr * 3 * mpr)
    c1 += 0.0104 * math.sin(dr * 2 * f) - 0.0051 * math.sin(dr * (m + mpr))
    c1 += -0.0074 * math.sin(dr * (m - mpr)) + 0.0004 * math.sin(dr * (2 * f + m))
    c1 += -0.0004 * math.sin(dr * (2 * f - m)) - 0.0006 * math.sin(dr * (2 * f + mpr))
    c1 += 0.0010 * math.sin(dr * (2 * f - mpr)) + 0.0005 * math.sin(dr * (2 * mpr + m))
    if t < -11:
        dt = 0.001 + 0.000839 * t + 0.0002261 * t2 - 0.00000845 * t3 - 0.000000081 * t * t3
    else:
        dt = -0.000278 + 0.000265 * t + 0.000262 * t2
    return jd1 + c1 - dt


def sun_longitude(jdn):
    t = (jdn - 2451545.0) / 36525
    t2 = t * t
    dr = math.pi / 180
    m = 357.52910 + 35999.05030 * t - 0.0001559 * t2 - 0.00000048 * t * t2
    l0 = 280.46645 + 36000.76983 * t + 0.0003032 * t2
    dl = (1.914600 - 0.004817 * t - 0.000014 * t2) * math.sin(dr * m)
    dl += (0.019993 - 0.000101 * t) * math.sin(dr * 2 * m) + 0.000290 * math.sin(dr * 3 * m)
    lng = (l0 + dl) * dr
    return lng - math.pi * 2 * math.floor(lng / (math.pi * 2))


def sun_sector(day):
    return math.floor(sun_longitude(day - 0.5 - TZ / 24) / math.pi * 6)


def new_moon_day(k):
    return math.floor(new_moon(k) + 0.5 + TZ / 24)


def lunar_month_11(y):
    off = jd_from_date(31, 12, y) - 2415021
    k = math.floor(off / 29.530588853)
    nm = new_moon_day(k)
    return new_moon_day(k - 1) if sun_sector(nm) >= 9 else nm


def leap_month_offset(a11):
    k = math.floor((a11 - 2415021.076998695) / 29.530588853 + 0.5)
    i = 1
    arc = sun_sector(new_moon_day(k + i))
    while True:
        last = arc
        i += 1
        arc = sun_sector(new_moon_day(k + i))
        if not (arc != last and i < 14):
            return i - 1


def solar_to_lunar(date):
    """(day, month, year, leap) of a datetime.date."""
    dn = jd_from_date(date.day, date.month, date.year)
    k = math.floor((dn - 2415021.076998695) / 29.530588853)
    start = new_moon_day(k + 1)
    if start > dn:
        start = new_moon_day(k)
    a11 = lunar_month_11(date.year)
    b11 = a11
    if a11 >= start:
        ly = date.year
        a11 = lunar_month_11(date.year - 1)
    else:
        ly = date.year + 1
        b11 = lunar_month_11(date.year + 1)
    day = dn - start + 1
    diff = math.floor((start - a11) / 29)
    leap = False
    month = diff + 11
    if b11 - a11 > 365:
        lmd = leap_month_offset(a11)
        if diff >= lmd:
            month = diff + 10
            leap = diff == lmd
    if month > 12:
        month -= 12
    if month >= 11 and diff < 4:
        ly -= 1
    return day, month, ly, leap


WEEKDAYS = ["thứ Hai", "thứ Ba", "thứ Tư", "thứ Năm", "thứ Sáu", "thứ Bảy", "Chủ nhật"]


def main(years):
    for y in years:
        d = datetime.date(y, 1, 1)
        while d.year == y:
            day, month, _, leap = solar_to_lunar(d)
            if day == 1 and month == 1 and not leap:
                eve = d - datetime.timedelta(1)
                print("%s %s  cuối năm âm lịch (%d tháng Chạp)" %
                      (eve, WEEKDAYS[eve.weekday()], solar_to_lunar(eve)[0]))
                print("%s %s  Tết Nguyên Đán (mùng 1 tháng Giêng)" % (d, WEEKDAYS[d.weekday()]))
            if day == 10 and month == 3 and not leap:
                print("%s %s  Giỗ Tổ Hùng Vương (10/3 âm lịch)" % (d, WEEKDAYS[d.weekday()]))
            d += datetime.timedelta(1)


if __name__ == "__main__":
    if len(sys.argv) < 2:
        sys.exit("usage: %s YEAR..." % sys.argv[0])
    main([int(a) for a in sys.argv[1:]])
