"""bench/report.py - writes bench/RESULTS.md from what bench/run.sh measured.

    /usr/bin/python3 bench/report.py RESULTS_DIR OUTPUT.md

RESULTS_DIR holds meta.txt (key=value), NAME.json (hyperfine) or NAME.walls
(one wall time a line), NAME.timev (`/usr/bin/time -v`) and NAME.out.
"""
import datetime
import json
import os
import re
import statistics
import sys

GIB = 1024 ** 3


def meta(res):
    m = {}
    with open(os.path.join(res, "meta.txt"), encoding="utf-8") as f:
        for line in f:
            k, _, v = line.rstrip("\n").partition("=")
            m[k] = v
    return m


def walls(res, name):
    """Wall times of the timed runs, in seconds."""
    j = os.path.join(res, name + ".json")
    if os.path.exists(j):
        with open(j, encoding="utf-8") as f:
            return json.load(f)["results"][0]["times"]
    with open(os.path.join(res, name + ".walls"), encoding="utf-8") as f:
        return [float(x) for x in f.read().split()]


def timev(res, name):
    """Peak RSS (bytes) and wall time (s) of the `/usr/bin/time -v` run."""
    rss, wall = None, None
    with open(os.path.join(res, name + ".timev"), encoding="utf-8") as f:
        for line in f:
            line = line.strip()
            if line.startswith("Maximum resident set size (kbytes):"):
                rss = int(line.split(":")[1]) * 1024
            elif line.startswith("Elapsed (wall clock) time"):
                t = line.rsplit(" ", 1)[1].split(":")
                wall = sum(float(x) * 60 ** i for i, x in enumerate(reversed(t)))
    return rss, wall


def machine():
    cpu = "?"
    with open("/proc/cpuinfo", encoding="utf-8") as f:
        for line in f:
            if line.startswith("model name"):
                cpu = line.split(":", 1)[1].strip()
                break
    mem = 0
    with open("/proc/meminfo", encoding="utf-8") as f:
        for line in f:
            if line.startswith("MemTotal:"):
                mem = int(line.split()[1]) * 1024
    return os.cpu_count(), cpu, mem


def lines(path):
    n = 0
    with open(path, "rb") as f:
        while True:
            b = f.read(1 << 24)
            if not b:
                break
            n += b.count(b"\n")
    return n


def year_rows(path, year):
    """Rows of households.csv whose year column is `year` (a quick scan)."""
    n = 0
    with open(path, encoding="utf-8-sig") as f:
        head = f.readline().rstrip("\r\n").lower().split(",")
        k = head.index("year")
        y = str(year)
        for line in f:
            # the year column precedes any quoted free text in the files
            # synth writes, so a plain split is enough here
            parts = line.split(",", k + 1)
            if parts[k] == y:
                n += 1
    return n


def mib(b):
    return f"{b / 2 ** 20:,.0f} MiB"


def secs(s):
    return f"{s:.2f} s"


def main(res, out_path):
    m = meta(res)
    nproc, cpu, mem = machine()
    data = m["data"]
    files = ["units", "lineage", "population", "households"]
    sizes = {f: os.path.getsize(os.path.join(data, f + ".csv")) for f in files}
    rows = {f: lines(os.path.join(data, f + ".csv")) - 1 for f in files}
    hh_path = os.path.join(data, "households.csv")
    yrows = year_rows(hh_path, m["year"])
    half_rows = lines(m["half"]) - 1
    half_size = os.path.getsize(m["half"])
    with open(os.path.join(res, "gnbv.out"), encoding="utf-8") as f:
        table = f.read().splitlines()
    total = table[-1].split(",") if table else []
    resident = int(total[2]) if len(total) > 2 else 0
    nunits = len(table) - 2

    tools = [("gnbv", "gnbv summary", m["cmd_gnbv"]),
             ("duckdb", f"DuckDB {m['duckdb_version']} (C API, {m['duckdb_npm']})",
              m["cmd_duckdb"]),
             ("pandas", f"pandas {m['pandas_version']} (Python {m['python_version']})",
              m["cmd_pandas"])]
    med = {}
    rss = {}
    runs = {}
    for name, _, _ in tools + [("classify", "", ""), ("duckdb-scan", "", "")]:
        w = walls(res, name)
        runs[name] = w
        med[name] = statistics.median(w)
        rss[name] = timev(res, name)[0]
    half_rss = timev(res, "classify-half")[0]
    with open(os.path.join(res, "households-full.distinct")) as f:
        dist_full = int(f.read())
    with open(os.path.join(res, "households-half.distinct")) as f:
        dist_half = int(f.read())

    sp_duck = med["duckdb"] / med["gnbv"]
    sp_pandas = med["pandas"] / med["gnbv"]
    t_wall = med["gnbv"] < 3.0
    t_duck = sp_duck >= 5.0
    t_mem = rss["gnbv"] < 2 * GIB
    t_mem_c = rss["classify"] < 2 * GIB

    def ok(b):
        return "**yes**" if b else "**NO**"

    o = []
    o.append(f"# Benchmark: `gnbv summary` on synthetic data at scale {m['scale']}\n")
    o.append(f"Written by `bench/run.sh` (`make bench`) on "
             f"{datetime.date.today().isoformat()}; gnbv `{m['gnbv_rev']}`. "
             "Do not edit by hand: run the benchmark again.\n")
    o.append("## Targets\n")
    o.append("| target | measured | holds |")
    o.append("|---|---|---|")
    o.append(f"| national summary (level {m['level']}, one year) < 3 s wall | "
             f"{secs(med['gnbv'])} (median of {len(runs['gnbv'])}) | {ok(t_wall)} |")
    o.append(f"| ≥ 5× faster than DuckDB | {sp_duck:.1f}× | {ok(t_duck)} |")
    o.append(f"| peak memory < 2 GiB (summary) | {mib(rss['gnbv'])} | {ok(t_mem)} |")
    o.append(f"| peak memory < 2 GiB (classify) | {mib(rss['classify'])} | {ok(t_mem_c)} |")
    o.append(f"| the three tables are byte-identical | "
             f"{'yes' if m['same'] == 'yes' else 'NO: see bench/out/results/*.out'} | "
             f"{ok(m['same'] == 'yes')} |")
    o.append("")
    o.append(f"## `summary --year {m['year']} --level {m['level']}`: the same table three ways\n")
    o.append("| tool | median wall | runs (s) | peak RSS | gnbv is faster by |")
    o.append("|---|---|---|---|---|")
    for name, label, _ in tools:
        r = ", ".join(f"{x:.2f}" for x in runs[name])
        sp = "—" if name == "gnbv" else f"{med[name] / med['gnbv']:.1f}×"
        o.append(f"| {label} | {secs(med[name])} | {r} | {mib(rss[name])} | {sp} |")
    o.append("")
    o.append(f"Wall time: `hyperfine --warmup 1 --runs {m['runs']}` "
             f"({m['hyperfine']}); median of the timed runs. Peak RSS: maximum "
             "resident set size from one more run under `/usr/bin/time -v`. "
             "All three read the same files from the page cache (warm) and "
             "write the table to standard output.\n")
    o.append(f"For scale: DuckDB only reading households.csv (`SELECT count(*)` over the "
             f"same `read_csv`, no rules) takes {secs(med['duckdb-scan'])} "
             f"(peak RSS {mib(rss['duckdb-scan'])}); being 5× faster than DuckDB here "
             f"means finishing in {secs(med['duckdb'] / 5)}, "
             f"{med['duckdb'] / 5 / med['duckdb-scan']:.2f}× DuckDB's bare scan of the file.\n")
    o.append("Commands, from the repository root:\n")
    o.append("```")
    for _, _, cmd in tools:
        o.append(cmd)
    o.append(m["cmd_duckdb_scan"] + "   # the floor above")
    o.append("```\n")
    o.append(f"The table has {nunits} {m['level']} rows and a TOTAL row; "
             f"TOTAL: `{table[-1] if table else '?'}`.\n")
    o.append("## `classify`: every row, histories in memory\n")
    o.append("| input | rows | bytes | distinct households | median wall | peak RSS |")
    o.append("|---|---|---|---|---|---|")
    o.append(f"| households.csv | {rows['households']:,} | {sizes['households']:,} | "
             f"{dist_full:,} | {secs(med['classify'])} | {mib(rss['classify'])} |")
    o.append(f"| first half of its rows | {half_rows:,} | {half_size:,} | {dist_half:,} | — | "
             f"{mib(half_rss)} |")
    o.append("")
    o.append("```")
    o.append(m["cmd_classify"] + " > /dev/null")
    o.append(m["cmd_classify_half"] + " > /dev/null")
    o.append("```\n")
    d_rss = rss["classify"] - half_rss
    d_rows = rows["households"] - half_rows
    d_hh = dist_full - dist_half
    o.append(f"From the half file to the whole one, peak RSS grows by {mib(d_rss)} for "
             f"{d_rows:,} more rows and {d_hh:,} more distinct households: "
             f"{d_rss / d_rows if d_rows else 0:,.0f} bytes per added row, or "
             f"{d_rss / d_hh if d_hh else 0:,.0f} bytes per added household. Memory that "
             "held only per-household histories would grow with the households alone; "
             "a part that grows with the rows shows rows (or per-row records) kept in "
             "memory.\n")
    o.append("## Dataset\n")
    o.append(f"`gnbv synth --scale {m['scale']} --seed {m['seed']}` (in `{data}`):\n")
    o.append("| file | rows | bytes |")
    o.append("|---|---|---|")
    for f in files:
        o.append(f"| {f}.csv | {rows[f]:,} | {sizes[f]:,} |")
    o.append("")
    o.append(f"Resident households in {m['year']} (population.csv): {resident:,}; "
             f"household rows of {m['year']}: {yrows:,}; distinct households over all "
             f"years: {dist_full:,}.\n")
    o.append("## Machine\n")
    o.append("| | |")
    o.append("|---|---|")
    o.append(f"| cores (nproc) | {nproc} |")
    o.append(f"| CPU | {cpu} |")
    o.append(f"| RAM | {mem / GIB:.1f} GiB |")
    o.append(f"| compiler | gcc {m['gcc']} (gnbv: RelWithDebInfo, -O2; DuckDB peer: -O2) |")
    o.append("")
    o.append("## The peers\n")
    o.append("- `bench/duckdb/summary.c`: a small C program on DuckDB's C API "
             "(libduckdb.so of the npm package, installed outside the repository); "
             "all the rules are SQL run in DuckDB (in-memory database, default "
             "threads = all cores).")
    o.append("- `bench/pandas/summary.py`: pandas and numpy, vectorised; code columns "
             "read as strings or categories, never numbers.")
    o.append("- Both implement formats.md 7.1-7.2 for the 2022-2025 standard (years "
             "2022-2026): income and score_a tests, AVERAGE band, area from the row, "
             "the unit's `urban`, its type, or a village's commune, using the unit "
             "version valid on 31 December of the row's year; deprivation flags "
             "1/true/x/có set, 0/false/không/empty not; income with `.` thousands "
             "separators; transitions over the household's earlier rows; roll-up through "
             "the parents valid on the map date (a village through its commune); rates "
             "rounded half up with integers.")
    o.append("- Neither validates its input, and **neither implements lineage**: a row "
             "or population entry on a code with no version valid on the map date is "
             "left out. The benchmark year (2024, on the map of 2024-12-31) needs none: "
             "every code of that year is valid on that date.")
    o.append("- Both parse the whole households.csv but keep only the rows of years up "
             "to the one asked (later years cannot change the table); gnbv reads, "
             "validates and classifies every row of the file.")
    o.append("")
    # the web application's benchmarks (bench/web.sh), when they ran
    web = os.path.join(res, "web.md")
    if os.path.exists(web):
        with open(web, encoding="utf-8") as f:
            o.append(f.read())
    with open(out_path, "w", encoding="utf-8") as f:
        f.write("\n".join(o))


if __name__ == "__main__":
    main(sys.argv[1], sys.argv[2])
