"""bench/pandas/summary.py - the pandas peer of `gnbv summary` (formats.md 7.2)
for the benchmark in bench/run.sh.

    /usr/bin/python3 summary.py UNITS.csv HOUSEHOLDS.csv POPULATION.csv YEAR LEVEL

writes the same CSV as `gnbv summary --year YEAR --level LEVEL` on the map of
31 December of YEAR. Run it with Debian's /usr/bin/python3 (python3-pandas).

What it does, and does not, implement (a peer for timing, not a validator):
- the 2022-2025 standard only (years 2022-2026): income <= line (1,500,000
  rural, 2,000,000 urban) -> POOR with >= 3 deprivations, else NEAR_POOR;
  income <= 1.5 x line -> AVERAGE; a non-empty score_a replaces the income
  test (<= 140 rural, <= 175 urban, compared exactly in units of 1/10000)
  and then AVERAGE is never reported. YEAR must be 2022..2026; rows of other
  years are read but dropped (later rows cannot change the table).
- flags d_employment..d_info_access: set when 1, true, x or co with an acute
  accent (any case); 0, false, khong, empty or any other text: not set.
- income: digits with optional '.' thousands separators (stripped).
- area: the row's `area` (urban/rural, any case); else the unit's `urban`;
  else its type (phuong, thi_tran urban); a village without its own `urban`
  takes its commune's. The unit version used is the one valid on 31 December
  of the row's year (else the last one before, else the first, as gnbv does).
- transitions from each household's rows of earlier years.
- NO lineage: rows and population on a code with no version valid on the map
  date are left out (the benchmark year needs none).
- rates: 100 x count / households rounded half up to 2 decimals with Python
  integers (exact).
"""
import datetime
import sys
import unicodedata

import numpy as np
import pandas as pd

FLAGS = ["d_employment", "d_dependents", "d_nutrition", "d_health_insurance",
         "d_adult_education", "d_child_schooling", "d_housing_quality",
         "d_housing_area", "d_water", "d_sanitation", "d_telecom", "d_info_access"]
LEVELS = ("country", "province", "district", "commune", "village")
POOR, NEAR, AVERAGE, NOT_POOR = 3, 2, 1, 0
# 2022-2025 standard: (rural, urban)
INCOME_LINE = (1_500_000, 2_000_000)
AVERAGE_LINE = (2_250_000, 3_000_000)
SCORE_CUT_E4 = (140 * 10000, 175 * 10000)
YES = {"1", "true", "x", "có"}


def header(path):
    """The header of a CSV file: {lower-case name: name as written}."""
    with open(path, encoding="utf-8-sig", newline="") as f:
        first = f.readline().rstrip("\r\n")
    names = pd.read_csv(pd.io.common.StringIO(first + "\n"), header=None, dtype=str,
                        keep_default_na=False).iloc[0].tolist()
    return {n.lower(): n for n in names}


def read(path, want, dtypes):
    """Reads the columns of `want` (lower-case names) present in the file,
    renamed to lower case, with dtypes given by lower-case name."""
    cols = header(path)
    use = [cols[w] for w in want if w in cols]
    df = pd.read_csv(path, usecols=use, encoding="utf-8-sig", keep_default_na=False,
                     na_filter=False, dtype={cols[w]: t for w, t in dtypes.items() if w in cols})
    return df.rename(columns={cols[w]: w for w in want if w in cols})


def flag_values(values):
    """Flag cells -> 0/1."""
    return np.array([1 if unicodedata.normalize("NFC", str(v)).lower() in YES else 0
                     for v in values], dtype=np.int8)


def flag_column(s):
    """A categorical flag column -> int8 array of 0/1."""
    if isinstance(s.dtype, pd.CategoricalDtype):
        lut = flag_values(s.cat.categories)
        codes = s.cat.codes.to_numpy()
        return np.where(codes >= 0, lut[codes], 0).astype(np.int8)
    return flag_values(s)


def parse_date(s, default):
    if not s:
        return default
    for fmt in ("%Y-%m-%d", "%d/%m/%Y"):
        try:
            return datetime.datetime.strptime(s, fmt).date()
        except ValueError:
            pass
    return default


def load_units(path):
    u = read(path, ["code", "name", "level", "parent_code", "type", "urban", "valid_from",
                    "valid_to"], {k: str for k in ("code", "name", "level", "parent_code", "type",
                                                   "urban", "valid_from", "valid_to")})
    for c in ("type", "urban", "valid_from", "valid_to"):
        if c not in u:
            u[c] = ""
    u["name"] = [unicodedata.normalize("NFC", n) for n in u["name"]]
    u["level"] = u["level"].str.lower()
    u["type"] = u["type"].str.lower()
    u["urban"] = [None if v == "" else bool(flag_values([v])[0]) for v in u["urban"]]
    u["vfrom"] = [parse_date(v, datetime.date.min) for v in u["valid_from"]]
    u["vto"] = [parse_date(v, datetime.date.max) for v in u["valid_to"]]
    versions = {}
    for r in u.itertuples(index=False):
        versions.setdefault(r.code, []).append(r)
    for v in versions.values():
        v.sort(key=lambda r: r.vfrom)
    return versions


def valid_at(vs, d):
    for v in vs:
        if v.vfrom <= d <= v.vto:
            return v
    return None


def nearest(vs, d):
    """The version valid on d, else the last one ended before, else the first."""
    before = None
    for v in vs:
        if v.vfrom <= d <= v.vto:
            return v
        if v.vto < d:
            before = v
    return before if before is not None else vs[0]


def unit_urban(versions, code, d):
    v = nearest(versions[code], d)
    if v.urban is not None:
        return v.urban
    if v.level == "village" and v.parent_code in versions:
        p = nearest(versions[v.parent_code], d)
        if p.urban is not None:
            return p.urban
        return p.type in ("phuong", "thi_tran")
    return v.type in ("phuong", "thi_tran")


def main(argv):
    if len(argv) != 6:
        print(f"usage: {argv[0]} UNITS.csv HOUSEHOLDS.csv POPULATION.csv YEAR LEVEL",
              file=sys.stderr)
        return 2
    units_path, hh_path, pop_path, year_s, level = argv[1:]
    year = int(year_s)
    if not 2022 <= year <= 2026 or level not in LEVELS:
        print("pandas-summary: YEAR must be 2022..2026 and LEVEL one of " + ", ".join(LEVELS),
              file=sys.stderr)
        return 2
    asof = datetime.date(year, 12, 31)
    versions = load_units(units_path)

    # The map of the as-of date: each valid code's ancestor at LEVEL.
    valid = {c: valid_at(vs, asof) for c, vs in versions.items()}
    valid = {c: v for c, v in valid.items() if v is not None}
    at_level = sorted(c for c, v in valid.items() if v.level == level)
    if not at_level:
        print(f"pandas-summary: no {level} is valid on {asof}", file=sys.stderr)
        return 2
    anc = {}
    for c, v in valid.items():
        for _ in range(len(LEVELS) + 1):
            if v.level == level:
                anc[c] = v.code
                break
            v = valid.get(v.parent_code)
            if v is None:
                break

    # Households: rows of 2022..YEAR.
    h = read(hh_path, ["household_id", "year", "unit_code", "income", "score_a", "area"] + FLAGS,
             dict({"household_id": str, "year": "category", "unit_code": "category",
                   "income": str, "score_a": str, "area": "category"},
                  **{f: "category" for f in FLAGS}))
    years = pd.to_numeric(h["year"].astype(str)).to_numpy() if not isinstance(
        h["year"].dtype, pd.CategoricalDtype) else \
        np.asarray([int(c) for c in h["year"].cat.categories])[h["year"].cat.codes.to_numpy()]
    keep = (years >= 2022) & (years <= year)
    h = h[keep].reset_index(drop=True)
    years = years[keep]
    n = len(h)

    dep = np.zeros(n, dtype=np.int8)
    for f in FLAGS:
        if f in h:
            dep += flag_column(h[f])

    # Area: the row's, else its unit's in its year.
    unit = h["unit_code"].astype("category")
    ucodes = unit.cat.codes.to_numpy()
    ucats = list(unit.cat.categories)
    urban = np.zeros(n, dtype=bool)
    for y in range(2022, year + 1):
        d = datetime.date(y, 12, 31)
        lut = np.array([unit_urban(versions, c, d) if c in versions else False for c in ucats],
                       dtype=bool)
        m = years == y
        urban[m] = lut[ucodes[m]]
    if "area" in h:
        a = h["area"].astype(str).str.lower().to_numpy()
        urban = np.where(a == "urban", True, np.where(a == "rural", False, urban))
    ui = urban.astype(np.int64)

    # Classification.
    cls = np.full(n, NOT_POOR, dtype=np.int8)
    sa = h["score_a"].to_numpy() if "score_a" in h else np.full(n, "", dtype=object)
    has_score = sa != ""
    if "income" in h:
        inc_s = h["income"]
        if inc_s.str.contains(".", regex=False).any():
            inc_s = inc_s.str.replace(".", "", regex=False)
        inc_s = inc_s.to_numpy()
        use_inc = ~has_score & (inc_s != "")
        inc = np.zeros(n, dtype=np.int64)
        inc[use_inc] = inc_s[use_inc].astype(np.int64)
        line = np.where(ui == 1, INCOME_LINE[1], INCOME_LINE[0])
        avg = np.where(ui == 1, AVERAGE_LINE[1], AVERAGE_LINE[0])
        below = use_inc & (inc <= line)
        cls[use_inc & (inc > line) & (inc <= avg)] = AVERAGE
        cls[below] = np.where(dep[below] >= 3, POOR, NEAR)
    if has_score.any():
        parts = pd.Series(sa[has_score]).str.partition(".")
        ipart = parts[0].astype(np.int64).to_numpy()
        frac = parts[2].str.ljust(4, "0").str.slice(0, 4).astype(np.int64).to_numpy()
        score_e4 = ipart * 10000 + frac
        cut = np.where(ui[has_score] == 1, SCORE_CUT_E4[1], SCORE_CUT_E4[0])
        d = dep[has_score]
        cls[has_score] = np.where(score_e4 <= cut, np.where(d >= 3, POOR, NEAR), NOT_POOR)

    # Transitions of the rows of YEAR from the poor / near-poor rows before.
    hid = h["household_id"].to_numpy()
    prev_poor_ids = pd.unique(hid[(years == year - 1) & (cls == POOR)])
    prev_near_ids = pd.unique(hid[(years == year - 1) & (cls == NEAR)])
    earlier_ids = pd.unique(hid[(years < year - 1) & (cls == POOR)])
    cur = years == year
    cur_hid = pd.Series(hid[cur])
    c = cls[cur]
    pp = cur_hid.isin(prev_poor_ids).to_numpy()
    pn = cur_hid.isin(prev_near_ids).to_numpy() & ~pp
    ep = cur_hid.isin(earlier_ids).to_numpy()
    fresh = ~pp & ~pn
    t = pd.DataFrame({
        "unit": pd.Categorical.from_codes(ucodes[cur], categories=ucats),
        "poor": c == POOR,
        "near_poor": c == NEAR,
        "new_poor": (c == POOR) & fresh & ~ep,
        "re_poor": (c == POOR) & fresh & ep,
        "escaped_poor": pp & (c != POOR),
        "escaped_near": pn & (c <= AVERAGE),
    })
    by_unit = t.groupby("unit", observed=True).sum()
    by_unit["anc"] = [anc.get(u) for u in by_unit.index]
    counts = by_unit.dropna(subset=["anc"]).groupby("anc").sum()

    # Population of YEAR.
    p = read(pop_path, ["unit_code", "year", "households"],
             {"unit_code": str, "year": str, "households": str})
    p = p[p["year"].astype(int) == year]
    p = p.assign(anc=[anc.get(u) for u in p["unit_code"]],
                 households=p["households"].astype(np.int64))
    pop = p.dropna(subset=["anc"]).groupby("anc")["households"].sum()

    cols = ["poor", "near_poor", "new_poor", "re_poor", "escaped_poor", "escaped_near"]
    out = ["unit_code,unit_name,households,poor,near_poor,poor_rate,near_poor_rate,"
           "new_poor,re_poor,escaped_poor,escaped_near"]
    total = dict.fromkeys(["households"] + cols, 0)

    def line(code, name, v):
        return ",".join([csvq(code), csvq(name), str(v["households"]), str(v["poor"]),
                         str(v["near_poor"]), rate(v["poor"], v["households"]),
                         rate(v["near_poor"], v["households"]), str(v["new_poor"]),
                         str(v["re_poor"]), str(v["escaped_poor"]), str(v["escaped_near"])])

    for code in at_level:
        v = {k: int(counts.at[code, k]) if code in counts.index else 0 for k in cols}
        v["households"] = int(pop.get(code, 0))
        for k in total:
            total[k] += v[k]
        out.append(line(code, valid[code].name, v))
    out.append(line("TOTAL", "", total))
    sys.stdout.write("\n".join(out) + "\n")
    return 0


def csvq(s):
    if any(ch in s for ch in ',"\r\n'):
        return '"' + s.replace('"', '""') + '"'
    return s


def rate(count, total):
    if total <= 0:
        return "0.00"
    h = (count * 20000 + total) // (2 * total)
    return f"{h // 100}.{h % 100:02d}"


if __name__ == "__main__":
    sys.exit(main(sys.argv))
