#!/bin/sh
# bench/web.sh - benchmarks of the web application (issue 3), on the demo
# province: import of 100,000 review rows, the dashboard summary endpoint
# under wrk (64 connections), and how soon an edit shows in the top
# aggregate (server side, and end to end over HTTP). Writes
# bench/out/results/web.md, which bench/report.py puts into RESULTS.md.
set -eu
cd "$(dirname "$0")/.."
G=${BENCH_BUILD:-build}/gnbv
OUT=bench/out/web
RES=bench/out/results
PORT=${BENCH_PORT:-18181}
mkdir -p "$OUT" "$RES"
export GNBV_DATA=$PWD/data
say() { printf '== %s\n' "$*" >&2; }

say "data: synthetic province 14 (scale 0.75, review years 2023-2025)"
"$G" synth --province 14 --scale 0.75 --years 2023-2025 --seed 7 --out "$OUT/data" 2>/dev/null
head -n 100001 "$OUT/data/households.csv" >"$OUT/h100k.csv"

say "import of 100,000 review rows"
fresh() {
	rm -f "$OUT/t.db" "$OUT/t.db-wal" "$OUT/t.db-shm"
	"$G" init --db "$OUT/t.db" >/dev/null
	for k in units lineage population; do "$G" import $k "$OUT/data/$k.csv" --db "$OUT/t.db" 2>/dev/null; done
}
imp=""
for i in 1 2 3; do
	fresh
	/usr/bin/time -o "$OUT/time.txt" -f '%e' "$G" import households "$OUT/h100k.csv" --db "$OUT/t.db" >/dev/null 2>&1
	imp="$imp $(cat "$OUT/time.txt")"
done
say "import times: $imp"

say "the whole province, one user, the server"
fresh
"$G" import households "$OUT/data/households.csv" --db "$OUT/t.db" 2>/dev/null
# the commune of the most 2025 rows: the writer's; the reader is national
commune=$(awk -F, 'NR > 1 && $2 == 2025 { n[$3]++ } END { for (c in n) if (n[c] > best) { best = n[c]; b = c } print b }' "$OUT/data/households.csv")
printf 'bench-password\n' | "$G" user add bench --role province_officer --unit 14 --db "$OUT/t.db" >/dev/null
printf 'bench-password\n' | "$G" user add writer --role commune_officer --unit "$commune" --db "$OUT/t.db" >/dev/null
printf 'bench-password\n' | "$G" user add reader --role ministry --unit '*' --db "$OUT/t.db" >/dev/null
"$G" serve --port "$PORT" --db "$OUT/t.db" >"$OUT/serve.log" 2>&1 &
spid=$!
trap 'kill $spid 2>/dev/null || true' EXIT
for i in 1 2 3 4 5 6 7 8 9 10; do
	curl -s "http://127.0.0.1:$PORT/api/v1/public/summary" >/dev/null 2>&1 && break
	sleep 0.5
done
cookie=$(curl -s -D - -o /dev/null -H 'Content-Type: application/json' \
	-d '{"username":"bench","password":"bench-password"}' \
	"http://127.0.0.1:$PORT/api/v1/login" | sed -n 's/^Set-Cookie: \([^;]*\);.*/\1/p')
URL="http://127.0.0.1:$PORT/api/v1/dashboard/summary?year=2025"
say "wrk on $URL"
wrk -t2 -c64 -d5s -H "Cookie: $cookie" "$URL" >"$OUT/wrk.txt"
rps=$(awk '/Requests\/sec/ {print $2}' "$OUT/wrk.txt")
lat=$(awk '/Latency/ {print $2; exit}' "$OUT/wrk.txt")
non2xx=$(awk '/Non-2xx/ {print $NF}' "$OUT/wrk.txt")
say "requests/s: $rps"

say "edit -> top aggregate, end to end over HTTP"
/usr/bin/python3 bench/web/latency.py "$PORT" writer bench-password reader bench-password \
	"$OUT/data/households.csv" 2025 "$commune" 200 >"$OUT/latency.txt"
kill $spid 2>/dev/null || true
wait $spid 2>/dev/null || true
trap - EXIT

say "reports (issue 4): every table of the province as XLSX"
/usr/bin/time -o "$OUT/reports.time" -f '%e %M' "$G" report all --unit 14 --year 2025 \
	--format xlsx --db "$OUT/t.db" -o "$OUT/reports"
ntables=$(ls "$OUT/reports" | wc -l)
rep_s=$(cut -d' ' -f1 "$OUT/reports.time")

say "M&E (issue 5): budget lines of every commune, the budget report and the Mẫu 01 draft"
awk -F, 'NR > 1 && $3 == "commune" && $8 == "" {
	for (p = 1; p <= 3; p++) {
		prj = p == 1 ? "DA2" : p == 2 ? "DA3.1" : "DA7.1"
		printf "345/KH-UBND 2025,%s,2025,%s,central,recurrent,%d,,allocated,\n", $1, prj, 100000000 * p
		printf "345/KH-UBND 2025,%s,2025,%s,provincial,recurrent,%d,,allocated,\n", $1, prj, 5000000 * p
		printf "345/KH-UBND 2025,%s,2025,%s,central,recurrent,%d,,disbursed,2025-06-30\n", $1, prj, 40000000 * p
	}
}' "$OUT/data/units.csv" | sed '1i plan,unit_code,year,project,source,capital,amount,carried_over,kind,date' \
	>"$OUT/budget.csv"
nbudget=$(($(wc -l <"$OUT/budget.csv") - 1))
/usr/bin/time -o "$OUT/budget.time" -f '%e %M' "$G" import budget "$OUT/budget.csv" --db "$OUT/t.db" 2>/dev/null
/usr/bin/time -o "$OUT/budget_report.time" -f '%e %M' "$G" report budget --unit 14 --year 2025 \
	--format xlsx --db "$OUT/t.db" -o "$OUT/budget.xlsx"
/usr/bin/time -o "$OUT/draft.time" -f '%e %M' "$G" draft mau-01 --unit 14 --year 2025 --period year \
	--db "$OUT/t.db" -o "$OUT/mau-01.docx"
bud_s=$(cut -d' ' -f1 "$OUT/budget.time")
budrep_s=$(cut -d' ' -f1 "$OUT/budget_report.time")
draft_s=$(cut -d' ' -f1 "$OUT/draft.time")

say "edit -> national recompute, in the server's aggregate (no HTTP)"
cmake --build "${BENCH_BUILD:-build}" --target bench_agg_latency >/dev/null
"${BENCH_BUILD:-build}/bench_agg_latency" "$OUT/data/units.csv" "$OUT/data/lineage.csv" \
	"$OUT/data/households.csv" 2025 2000 >"$OUT/agg.txt"

get() { sed -n "s/.*$1=\([0-9.]*\).*/\1/p" "$OUT/latency.txt"; }
med() { printf '%s\n' $1 | sort -n | sed -n 2p; }
ok() { awk -v a="$1" -v b="$2" -v op="$3" 'BEGIN { if ((op == "<" && a < b) || (op == ">=" && a >= b)) print "yes"; else print "**NO**" }'; }
imp_med=$(med "$imp")
vis50=$(get visible_ms_p50)
vis99=$(get visible_ms_p99)
{
	echo "## Web application, reports and M&E (issues 3-5): \`bench/web.sh\`"
	echo
	echo "Demo province 14 (\`gnbv synth --province 14 --scale 0.75 --years 2023-2025 --seed 7\`): $(($(wc -l <"$OUT/data/households.csv") - 1)) review rows."
	echo
	echo "| target | measured | holds |"
	echo "|---|---|---|"
	echo "| import of 100,000 review rows < 5 s | $imp_med s (median of 3: $imp) | $(ok "$imp_med" 5 '<') |"
	echo "| dashboard summary endpoint >= 20,000 requests/s, 64 connections | $rps req/s (avg latency $lat${non2xx:+, non-2xx $non2xx}) | $(ok "$rps" 20000 '>=') |"
	echo "| an edit reflected in the national aggregate within 1 ms of the write | p50 $vis50 ms, p99 $vis99 ms from the write's answer to the first national read showing it (HTTP, Python client) | $(ok "$vis50" 1 '<') |"
	printf '| all tables of a province (all communes, XLSX) < 2 s | %s s for the %s tables drawn by `gnbv report all --format xlsx`, province 14, 2025 | %s |\n' "$rep_s" "$ntables" "$(ok "$rep_s" 2 '<')"
	printf '| M&E: import of a province'"'"'s budget lines < 2 s (our promise) | %s s for %s lines (every commune, 3 projects, allocations and disbursements) | %s |\n' "$bud_s" "$nbudget" "$(ok "$bud_s" 2 '<')"
	printf '| M&E: `gnbv report budget` of the province, XLSX < 2 s (our promise) | %s s | %s |\n' "$budrep_s" "$(ok "$budrep_s" 2 '<')"
	printf '| M&E: the Mẫu 01 draft of the province (DOCX, every section filled) < 2 s (our promise) | %s s | %s |\n' "$draft_s" "$(ok "$draft_s" 2 '<')"
	echo
	echo "In the server's aggregate itself (\`bench_agg_latency\`, change one review then recompute the national figure on the 2025 map):"
	echo
	echo '```'
	cat "$OUT/agg.txt"
	echo '```'
	echo
	echo "Commands: \`$G import households h100k.csv --db t.db\` (fresh database holding the units);"
	echo "\`wrk -t2 -c64 -d5s -H 'Cookie: gnbv_session=…' '$URL'\` (wrk and the server share the 2 cores);"
	echo "\`python3 bench/web/latency.py PORT writer PW reader PW households.csv 2025 COMMUNE 200\`."
} >"$RES/web.md"
cat "$RES/web.md" >&2
