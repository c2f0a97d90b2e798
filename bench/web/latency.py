"""bench/web/latency.py - how soon an edit shows in the aggregate, end to end.

    python3 latency.py PORT WRITER PASSWORD READER PASSWORD HOUSEHOLDS_CSV YEAR UNIT [EDITS]

WRITER (a commune officer of commune UNIT) changes reviews of YEAR of that
commune's households (income flipped between poor and not poor) with PUT
.../reviews/YEAR; as soon as each write has answered, READER (a national
user) reads the national dashboard summary until its poor count has
changed. Prints the write time and the time from the end of
the write to the first read showing the change (p50, p99, max, in ms).
Standard library only; keep-alive connections.
"""
import csv
import http.client
import json
import sys
import time


def login(port, user, pw):
    conn = http.client.HTTPConnection("127.0.0.1", int(port))
    body = json.dumps({"username": user, "password": pw})
    conn.request("POST", "/api/v1/login", body, {"Content-Type": "application/json"})
    r = conn.getresponse()
    answer = json.loads(r.read())
    if r.status != 200:
        sys.exit("login %s: %d" % (user, r.status))
    cookie = r.getheader("Set-Cookie").split(";")[0]
    return conn, {"Cookie": cookie, "X-CSRF-Token": answer["csrf"],
                  "Content-Type": "application/json"}


def main():
    port, wuser, wpw, ruser, rpw, hh_csv, year, unit = sys.argv[1:9]
    edits = int(sys.argv[9]) if len(sys.argv) > 9 else 200
    year = int(year)
    conn, hdr = login(port, wuser, wpw)
    rconn, rhdr = login(port, ruser, rpw)

    rows = []
    with open(hh_csv, newline="", encoding="utf-8-sig") as f:
        for row in csv.DictReader(f):
            if (int(row["year"]) == year and row["unit_code"] == unit
                    and row["income"] and not row["score_a"]):
                rows.append(row)
            if len(rows) >= edits:
                break

    def poor():
        rconn.request("GET", "/api/v1/dashboard/summary?year=%d" % year, headers=rhdr)
        res = rconn.getresponse()
        return json.loads(res.read())["unit"]["poor"]

    flags = ["d_employment", "d_dependents", "d_nutrition", "d_health_insurance",
             "d_adult_education", "d_child_schooling", "d_housing_quality",
             "d_housing_area", "d_water", "d_sanitation", "d_telecom", "d_info_access"]

    def put(row, poor_):
        review = {"unit_code": row["unit_code"], "members": int(row["members"]),
                  "income": 500000 if poor_ else 9000000}
        for k in flags:
            review[k] = poor_
        t0 = time.perf_counter()
        conn.request("PUT", "/api/v1/households/%s/reviews/%d" % (row["household_id"], year),
                     json.dumps(review), hdr)
        res = conn.getresponse()
        text = res.read()
        if res.status != 200:
            sys.exit("PUT answered %d: %s" % (res.status, text))
        return t0, time.perf_counter()

    writes, shows = [], []
    for row in rows:
        put(row, False)             # not poor first (not timed) ...
        before = poor()
        t0, t1 = put(row, True)     # ... then poor: the national count must move
        while True:
            now = poor()
            t2 = time.perf_counter()
            if now != before or t2 - t1 > 1.0:
                break
        if now == before:
            sys.exit("the national figure did not change within 1 s")
        writes.append((t1 - t0) * 1000)
        shows.append((t2 - t1) * 1000)

    def q(v, p):
        v = sorted(v)
        return v[min(len(v) - 1, int(len(v) * p))]

    print("edits=%d" % len(writes))
    print("write_ms_p50=%.2f write_ms_p99=%.2f" % (q(writes, .5), q(writes, .99)))
    print("visible_ms_p50=%.2f visible_ms_p99=%.2f visible_ms_max=%.2f"
          % (q(shows, .5), q(shows, .99), max(shows)))


main()
