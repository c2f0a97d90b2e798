#!/bin/sh
# Golden tests of `gnbv report` on synthetic data: sh golden.sh GNBV
#
# 1. `gnbv synth --province 14 --scale 0.02 --seed 5` (about 8,000 household
#    rows, 2022-2025; districts until 30/6/2025, merged communes after),
#    init, import units, lineage, population, households;
# 2. every report of `gnbv report --list` for province 14, year 2024 on the
#    map of 2024-12-31 and year 2025 on the map of 2025-12-31, compared with
#    tests/report/expected/NAME-YEAR.csv (GNBV_UPDATE_GOLDEN=1 rewrites them);
# 3. on every output: end = start - out + in on every row of the movements,
#    and every subtotal (and the total) equals the sum of the rows under it;
# 4. cross-check with `gnbv summary --level commune` on the same files (also
#    for 2024 on the 2025 map, through lineage): per commune and in total,
#    households, poor, near-poor and their rates (results), new and re-poor,
#    escaped (escaped_poor + poor_to_near) and escaped near-poor (movements);
#    the af table with `gnbv af --level commune` (n, q, H, A, M0, hdk_*,
#    pctb_* per commune and in total); on every row, the poor and near-poor
#    of ethnicity, causes and children equal those of results, Kinh + ethnic
#    minorities and the columns per ethnicity add up to them, and the
#    children's deprivations equal those of the deprivations tables;
# 5. posting-list for commune 03682 (2025): golden CSV, its households
#    counted against `report results`, XLSX, PDF title, `report all`;
# 6. the commune chair's approval (reviews of 03682 in 2025 set approved or
#    locked, a few left draft): the tables do not change (they count every
#    review); decision-annex and certificates (one row per member as CSV):
#    golden CSVs, approved households only (the posting list less the
#    drafts), subtotals and total, certificate numbers = the annex's STT,
#    the certificates' PDF one A4 page per household with the heads' names
#    intact (pdftotext), XLSX; `report all` for the commune; a bad wording
#    file named with its line;
# 7. bad input exits 2 with a message: unknown report, unit not in the
#    database or not on the map, bad year, bad date, unknown format.
set -u
gnbv=$1
here=$(cd "$(dirname "$0")" && pwd)
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
cd "$work" || exit 1
fail=0
check() { echo "report golden: FAIL: $1"; fail=1; }

"$gnbv" synth --province 14 --scale 0.02 --seed 5 --out in 2>/dev/null || { echo "synth failed"; exit 1; }
"$gnbv" init --db t.db 2>/dev/null || { echo "init failed"; exit 1; }
for k in units lineage population households; do
	"$gnbv" import $k in/$k.csv --db t.db 2>err.txt || { cat err.txt; check "import $k"; }
done

names=$("$gnbv" report --list | awk '{print $1}')
[ "$(echo $names)" = "results poor-movements near-poor-movements poor-deprivations near-poor-deprivations groups ethnicity causes children af posting-list decision-annex certificates budget" ] ||
	check "report --list: $names"
# the tables of units (the lists of households are tested below; the
# budget, issue 5, by its own tests)
tables=$(echo "$names" | grep -v -e '^posting-list$' -e '^decision-annex$' -e '^certificates$' -e '^budget$')

# Subtotals and the total are the sums of the rows under them (every
# integer column; rates are not added); movements hold end = start - out + in.
sums() { # sums FILE
	awk -F, '
	NR == 1 { for (i = 1; i <= NF; i++) { col[$i] = i; key[i] = $i }; n = NF; next }
	{ for (i = 1; i <= n; i++) v[NR, i] = $i; st[NR] = $1; dp[NR] = $2; last = NR
	  split("poor near", kinds, " ")
	  for (k = 1; k <= 2; k++) { s = kinds[k]
		if ((s "_start") in col && $(col[s "_end"]) != $(col[s "_start"]) - $(col[s "_out"]) + $(col[s "_in"])) {
			print FILENAME ": line " NR ": " s ": end != start - out + in"; bad = 1 } } }
	END {
		for (r = 2; r <= last; r++) {
			if (st[r] == "unit") continue
			for (i = 3; i <= n; i++) { if (key[i] == "code" || v[r, i] !~ /^-?[0-9]+$/) continue; s = 0
				for (q = (st[r] == "total" ? 2 : r + 1); q <= last; q++) {
					if (st[r] == "total") { if (q == r) break; if (dp[q] == 0) s += v[q, i]; continue }
					if (st[q] == "total" || dp[q] <= dp[r]) break
					if (dp[q] == dp[r] + 1) s += v[q, i] }
				if (s != v[r, i]) { print FILENAME ": line " r ": column " i ": " v[r, i] " != sum " s; bad = 1 } } }
		exit bad }' "$1"
}

run() { # run NAME YEAR ASOF OUT
	"$gnbv" report "$1" --unit 14 --year "$2" --as-of "$3" --format csv --db t.db -o "$4" 2>err.txt ||
		{ cat err.txt; check "report $1 $2 $3"; }
	[ -s err.txt ] && { cat err.txt; check "report $1 $2 $3: messages on stderr"; }
	sums "$4" || check "sums of $4"
}

for y in 2024 2025; do
	for r in $tables; do
		run "$r" $y $y-12-31 "$r-$y.csv"
		if [ "${GNBV_UPDATE_GOLDEN:-}" = 1 ]; then
			cp "$r-$y.csv" "$here/expected/$r-$y.csv"
		elif ! cmp -s "$r-$y.csv" "$here/expected/$r-$y.csv"; then
			diff "$here/expected/$r-$y.csv" "$r-$y.csv" | head -5
			check "$r-$y.csv differs from expected"
		fi
	done
done
# The standards' rules bound the deprivations (2022-2025: poor = income
# under the poverty line and at least 3 deprivations; near-poor = under
# the line with fewer): on every row, the deprivations counted over the 12
# indicators are at least 3 per poor household and at most 2 per near-poor.
for y in 2024 2025; do
	awk -F, 'NR == 1 { for (i = 1; i <= NF; i++) if ($i ~ /^d_/ && $i !~ /_rate$/) d[i] = 1; next }
		 { s = 0; for (i in d) s += $i
		   if (s < 3 * $5) { print FILENAME ": line " NR ": " s " < 3 x " $5; bad = 1 } }
		 END { exit bad }' poor-deprivations-$y.csv || check "poor deprivations $y below the rule"
	awk -F, 'NR == 1 { for (i = 1; i <= NF; i++) if ($i ~ /^d_/ && $i !~ /_rate$/) d[i] = 1; next }
		 { s = 0; for (i in d) s += $i
		   if (s > 2 * $5) { print FILENAME ": line " NR ": " s " > 2 x " $5; bad = 1 } }
		 END { exit bad }' near-poor-deprivations-$y.csv || check "near-poor deprivations $y above the rule"
done

# -o - writes the same bytes to standard output
"$gnbv" report results --unit 14 --year 2024 --db t.db -o - >stdout.csv || check "-o -"
cmp -s stdout.csv results-2024.csv || check "-o - differs from -o FILE"

# Cross-check with gnbv summary (the same engine rules, from the CSV files).
cross() { # cross YEAR ASOF
	run results $1 $2 r.csv
	run poor-movements $1 $2 p.csv
	run near-poor-movements $1 $2 n.csv
	"$gnbv" summary --units in/units.csv --lineage in/lineage.csv --population in/population.csv \
		--households in/households.csv --year $1 --as-of $2 --level commune >s.csv 2>/dev/null ||
		check "summary $1 $2"
	# summary: unit_code,unit_name,households,poor,near_poor,poor_rate,near_poor_rate,new_poor,re_poor,escaped_poor,escaped_near
	# ours, keyed by code (communes are the rows of style unit; TOTAL the total row)
	awk -F, -v OFS=, 'FNR == 1 { for (i = 1; i <= NF; i++) c[$i] = i; next }
		FILENAME == "r.csv" && ($1 == "unit" || $1 == "total") {
			k = $1 == "total" ? "TOTAL" : $(c["code"])
			h[k] = $(c["households"]); p[k] = $(c["poor"]); n[k] = $(c["near_poor"])
			pr[k] = $(c["poor_rate"]); nr[k] = $(c["near_poor_rate"]); seen[k] = 1 }
		FILENAME == "p.csv" && ($1 == "unit" || $1 == "total") {
			k = $1 == "total" ? "TOTAL" : $(c["code"])
			np[k] = $(c["new_poor"]); rp[k] = $(c["re_poor"]); ep[k] = $(c["poor_out"]) }
		FILENAME == "n.csv" && ($1 == "unit" || $1 == "total") {
			k = $1 == "total" ? "TOTAL" : $(c["code"]); en[k] = $(c["escaped_near"]) }
		FILENAME == "s.csv" { k = $1; rows++
			if (!(k in seen)) { print "summary row " k " not in the report"; bad = 1; next }
			got = h[k] OFS p[k] OFS n[k] OFS pr[k] OFS nr[k] OFS np[k] OFS rp[k] OFS ep[k] OFS en[k]
			want = $3 OFS $4 OFS $5 OFS $6 OFS $7 OFS $8 OFS $9 OFS $10 OFS $11
			if (got != want) { print k ": report " got " != summary " want; bad = 1 }
			delete seen[k] }
		END { for (k in seen) { print "report row " k " not in the summary"; bad = 1 }
		      if (rows < 10) { print "summary has only " rows " rows"; bad = 1 }
		      exit bad }' r.csv p.csv n.csv s.csv || check "report and summary differ ($1 on the map of $2)"
}
cross 2024 2024-12-31
cross 2025 2025-12-31
cross 2024 2025-12-31

# The af table against `gnbv af --level commune` (the same exact arithmetic).
cross_af() { # cross_af YEAR ASOF
	run af $1 $2 af.csv
	"$gnbv" af --units in/units.csv --lineage in/lineage.csv --households in/households.csv \
		--year $1 --as-of $2 --level commune >a.csv 2>/dev/null || check "af $1 $2"
	awk -F, 'FNR == 1 { for (i = 1; i <= NF; i++) c[FILENAME, $i] = i
			if (FILENAME == "a.csv") for (i = 1; i <= NF; i++) if ($i ~ /^(n|q|H|A|M0|hdk_.*|pctb_.*)$/) keys[++nk] = $i
			next }
		FILENAME == "af.csv" && ($1 == "unit" || $1 == "total") {
			k = $1 == "total" ? "TOTAL" : $(c["af.csv", "code"]); row[k] = $0; seen[k] = 1 }
		FILENAME == "a.csv" { k = $1; rows++
			if (!(k in seen)) { print "af row " k " not in the report"; bad = 1; next }
			split(row[k], v, ",")
			for (j = 1; j <= nk; j++) { x = keys[j]
				if (!(("af.csv", x) in c)) { print "af column " x " not in the report"; bad = 1; continue }
				if (v[c["af.csv", x]] != $(c["a.csv", x])) {
					print k ": " x ": report " v[c["af.csv", x]] " != af " $(c["a.csv", x]); bad = 1 } }
			delete seen[k] }
		END { for (k in seen) { print "report row " k " not in gnbv af"; bad = 1 }
		      if (rows < 10 || nk < 20) { print "af: only " rows " rows, " nk " columns"; bad = 1 }
		      exit bad }' af.csv a.csv || check "af report and gnbv af differ ($1 on the map of $2)"
}
cross_af 2024 2024-12-31
cross_af 2025 2025-12-31
cross_af 2024 2025-12-31

# Tables 9, 10, 11 against tables 1, 4 and 6, row by row (the rows are the
# same units in the same order).
for y in 2024 2025; do
	awk -F, 'FNR == 1 { f++; for (i = 1; i <= NF; i++) c[f, $i] = i; next }
		{ v[f, FNR] = $0; n[f] = FNR }
		function g(file, line, key,   a) { split(v[file, line], a, ","); return a[c[file, key]] }
		END {
			# files: 1 results, 2 ethnicity, 3 causes, 4 children, 5 poor-dep, 6 near-dep
			for (r = 2; r <= n[1]; r++) {
				p = g(1, r, "poor"); q = g(1, r, "near_poor")
				for (f2 = 2; f2 <= 4; f2++)
					if (g(f2, r, "poor") != p || g(f2, r, "near_poor") != q) {
						print "line " r ": file " f2 ": poor/near-poor differ from results"; bad = 1 }
				split(v[2, r], e, ","); sp = 0; sn = 0
				for (k in c) { split(k, kk, SUBSEP); if (kk[1] != 2) continue
					if (kk[2] ~ /_poor$/ && kk[2] != "near_poor" && kk[2] !~ /^poor_/) sp += e[c[k]]
					if (kk[2] ~ /_near$/ && kk[2] !~ /^near_/) sn += e[c[k]] }
				if (sp != p || sn != q) { print "line " r ": ethnicities add up to " sp ", " sn; bad = 1 }
				if (g(2, r, "poor_kinh") + g(2, r, "poor_minority") > p ||
				    g(2, r, "near_kinh") + g(2, r, "near_minority") > q) {
					print "line " r ": Kinh + minorities above the total"; bad = 1 }
				if (g(2, r, "poor_minority") != g(2, r, "poor") - g(2, r, "kinh_poor") - (("2" SUBSEP "khong_ro_poor") in c ? g(2, r, "khong_ro_poor") : 0)) {
					print "line " r ": minorities != total - Kinh - unknown"; bad = 1 }
				split("nutrition:d_nutrition schooling:d_child_schooling insurance:d_health_insurance", ind, " ")
				for (j = 1; j <= 3; j++) { split(ind[j], w, ":")
					if (g(4, r, "poor_" w[1]) != g(5, r, w[2]) || g(4, r, "near_" w[1]) != g(6, r, w[2])) {
						print "line " r ": children " w[1] " differs from the deprivations"; bad = 1 } }
				if (g(4, r, "poor_any") > p || g(4, r, "poor_any") < g(4, r, "poor_insurance")) {
					print "line " r ": children: households deprived out of bounds"; bad = 1 }
				split(v[3, r], e, ","); m = 0
				for (k in c) { split(k, kk, SUBSEP); if (kk[1] == 3 && kk[2] ~ /^poor_/) m = e[c[k]] > m ? e[c[k]] : m }
				if (m > p) { print "line " r ": a cause above the poor"; bad = 1 }
			}
			exit bad }' results-$y.csv ethnicity-$y.csv causes-$y.csv children-$y.csv \
		poor-deprivations-$y.csv near-poor-deprivations-$y.csv || check "tables 9-11 against 1, 4, 6 ($y)"
done

# The same tables as XLSX and PDF: every report renders; the PDF's text
# carries the Vietnamese title and the total's households, formatted the
# Vietnamese way (test_render checks the layouts in detail).
tot=$(awk -F, '$1 == "TOTAL" { print $3 }' s.csv 2>/dev/null)
for name in $tables; do
	"$gnbv" report "$name" --unit 14 --year 2024 --format xlsx --db t.db -o "$name.xlsx" ||
		check "$name: xlsx failed"
	[ "$(head -c 2 "$name.xlsx")" = "PK" ] || check "$name.xlsx is not a zip"
	"$gnbv" report "$name" --unit 14 --year 2024 --format pdf --db t.db -o "$name.pdf" ||
		check "$name: pdf failed"
	title=$("$gnbv" report --list | awk -v n="$name" '$1 == n { $1 = ""; sub(/^ +/, ""); print }')
	pdftotext -layout "$name.pdf" "$name.txt" || check "$name.pdf: pdftotext failed"
	grep -qF "$title" "$name.txt" || check "$name.pdf lacks its title \"$title\""
done
grep -q "Tổng cộng" results.txt || check "results.pdf lacks the total row"

# `report all`: every table from one computation, the same as one by one.
"$gnbv" report all --unit 14 --year 2024 --format csv --db t.db -o alld 2>/dev/null || check "report all failed"
for name in $tables; do
	"$gnbv" report "$name" --unit 14 --year 2024 --format csv --db t.db -o one.csv
	cmp -s one.csv "alld/$name.csv" || check "report all: $name differs from the table alone"
done

# posting-list: the list for public posting of one commune (03682, 2025):
# golden CSV; one row per poor or near-poor household of the commune (as
# many as `report results` counts for it), a village row above each block,
# STT 1..n; XLSX and PDF (title); `report all` for a commune writes it too
# (for the province above it is skipped with a note).
pl() { "$gnbv" report posting-list --unit 03682 --year 2025 --db t.db "$@"; }
pl --format csv -o posting-list-2025.csv 2>err.txt || { cat err.txt; check "posting-list failed"; }
[ -s err.txt ] && { cat err.txt; check "posting-list: messages on stderr"; }
if [ "${GNBV_UPDATE_GOLDEN:-}" = 1 ]; then
	cp posting-list-2025.csv "$here/expected/posting-list-2025.csv"
elif ! cmp -s posting-list-2025.csv "$here/expected/posting-list-2025.csv"; then
	diff "$here/expected/posting-list-2025.csv" posting-list-2025.csv | head -5
	check "posting-list-2025.csv differs from expected"
fi
"$gnbv" report results --unit 03682 --year 2025 --db t.db -o rc.csv || check "results 03682"
want=$(awk -F, 'NR == 1 { for (i = 1; i <= NF; i++) c[$i] = i; next }
	$1 == "total" { print $(c["poor"]) + $(c["near_poor"]) }' rc.csv)
awk -F, -v want="$want" 'NR == 1 { next }
	$1 == "unit" { n++; if ($3 != n) { print "line " NR ": STT " $3 " != " n; bad = 1 }
		if ($7 == "Hộ nghèo") p++; else if ($7 != "Hộ cận nghèo") { print "line " NR ": class " $7; bad = 1 } }
	$1 == "subtotal" && $4 == "" { print "line " NR ": a village row without a name"; bad = 1 }
	END { if (n != want || want < 5) { print "posting-list: " n " households, results: " want; bad = 1 }
	      exit bad }' posting-list-2025.csv || check "posting-list rows against results"
pl --format xlsx -o pl.xlsx || check "posting-list: xlsx failed"
[ "$(head -c 2 pl.xlsx)" = "PK" ] || check "posting-list.xlsx is not a zip"
pl --format pdf -o pl.pdf || check "posting-list: pdf failed"
pdftotext -layout pl.pdf pl.txt || check "pl.pdf: pdftotext failed"
grep -qF "DANH SÁCH HỘ NGHÈO, HỘ CẬN NGHÈO NĂM 2025" pl.txt || check "posting-list.pdf lacks its title"
"$gnbv" report all --unit 03682 --year 2025 --format csv --db t.db -o allc 2>err.txt || check "report all (commune) failed"
cmp -s allc/posting-list.csv posting-list-2025.csv || check "report all: posting-list differs from the list alone"
[ -e alld/posting-list.csv ] && check "report all for a province wrote a posting list"
"$gnbv" report all --unit 14 --year 2024 --format csv --db t.db -o alld 2>err.txt
grep -q "posting-list.*skipped" err.txt || check "report all for a province: no note on the skipped posting list"

# The chairs approve the reviews of 2025 (the periodic round's decision
# locks them; a regular round approves without locking): every household
# id ending in 3 stays a draft, those ending in 7 are locked.
python3 - t.db <<'PY' || check "approving the reviews"
import sqlite3, sys
c = sqlite3.connect(sys.argv[1])
c.execute("UPDATE reviews SET status = 'approved' WHERE year = 2025 AND household_id NOT LIKE '%3'")
c.execute("UPDATE reviews SET status = 'locked' WHERE year = 2025 AND household_id LIKE '%7'")
c.commit()
PY
# the tables count every review whatever its status: unchanged
"$gnbv" report results --unit 03682 --year 2025 --db t.db -o rc2.csv || check "results 03682 after approval"
cmp -s rc.csv rc2.csv || check "the approval changed the results table"
"$gnbv" report posting-list --unit 03682 --year 2025 --db t.db -o pl2.csv
cmp -s pl2.csv posting-list-2025.csv || check "the approval changed the posting list"

golden() { # golden FILE: compared with expected/FILE (GNBV_UPDATE_GOLDEN=1 rewrites it)
	if [ "${GNBV_UPDATE_GOLDEN:-}" = 1 ]; then
		cp "$1" "$here/expected/$1"
	elif ! cmp -s "$1" "$here/expected/$1"; then
		diff "$here/expected/$1" "$1" | head -5
		check "$1 differs from expected"
	fi
}
da() { "$gnbv" report decision-annex --unit 03682 --year 2025 --db t.db "$@"; }
ce() { "$gnbv" report certificates --unit 03682 --year 2025 --db t.db "$@"; }
da --format csv -o decision-annex-2025.csv 2>err.txt || { cat err.txt; check "decision-annex failed"; }
[ -s err.txt ] && { cat err.txt; check "decision-annex: messages on stderr"; }
golden decision-annex-2025.csv
ce --format csv -o certificates-2025.csv 2>err.txt || { cat err.txt; check "certificates failed"; }
[ -s err.txt ] && { cat err.txt; check "certificates: messages on stderr"; }
golden certificates-2025.csv
# the annex: the posting list's households less the drafts, poor first,
# STT 1..n; every subtotal (class, village) and the total hold the members
# and the "x" of each group of the households under them
awk -F, 'NR == 1 { next } $1 == "unit" && $5 !~ /3$/ { print $5 }' posting-list-2025.csv | sort >want-ids.txt
awk -F, 'NR == 1 { next } $1 == "unit" { print $5 }' decision-annex-2025.csv | sort >got-ids.txt
[ -s want-ids.txt ] && cmp -s want-ids.txt got-ids.txt || check "decision-annex: not the approved households of the posting list"
awk -F, '
	NR == 1 { for (i = 1; i <= NF; i++) c[$i] = i; next }
	$1 == "unit" { n++; if ($(c["stt"]) != n) { print "line " NR ": STT " $(c["stt"]) " != " n; bad = 1 } }
	$1 == "subtotal" && $2 == 0 { cls = cls $(c["stt"]) "," }
	$1 == "subtotal" && $2 == 1 { v = cls "/" $(c["head"]); if (v in seen) { print "line " NR ": village twice"; bad = 1 } seen[v] = 1 }
	END { if (cls != "I,II," || n < 3) { print "classes " cls ", " n " households"; bad = 1 } exit bad }' \
	decision-annex-2025.csv || check "decision-annex rows"
# the subtotal rows against the households under them (second pass: the
# sums are known only at the end)
awk -F, '
	NR == 1 { for (i = 1; i <= NF; i++) c[$i] = i; split("members minority no_labour merit social_protection", gk, " "); next }
	{ line[NR] = $0; last = NR }
	END {
		for (r = 2; r <= last; r++) {
			split(line[r], v, ",")
			if (v[1] == "unit") continue
			for (g = 1; g <= 5; g++) { s = 0
				for (q = r + 1; q <= last; q++) { split(line[q], w, ",")
					if (v[1] != "total" && (w[1] == "total" || (w[1] == "subtotal" && w[2] <= v[2]))) break
					if (w[1] != "unit") continue
					s += gk[g] == "members" ? w[c["members"]] : (w[c[gk[g]]] == "x") }
				if (v[1] == "total") { s = 0; for (q = 2; q < r; q++) { split(line[q], w, ","); if (w[1] == "unit") s += gk[g] == "members" ? w[c["members"]] : (w[c[gk[g]]] == "x") } }
				if (v[c[gk[g]]] != s) { print "line " r ": " gk[g] " " v[c[gk[g]]] " != " s; bad = 1 } } }
		exit bad }' decision-annex-2025.csv || check "decision-annex subtotals"
# certificates: one number per household, the annex's STT; the heads the annex's
awk -F, 'NR == 1 { for (i = 1; i <= NF; i++) c[$i] = i; next }
	FILENAME == ARGV[1] && $1 == "unit" { stt[$(c["household_id"])] = $(c["stt"]); head[$(c["household_id"])] = $(c["head"]); n++ }
	FILENAME == ARGV[2] && FNR == 1 { delete c; for (i = 1; i <= NF; i++) c[$i] = i; next }
	FILENAME == ARGV[2] { id = $(c["household_id"]); if (stt[id] != $(c["certificate"]) || head[id] != $(c["head"])) { print "certificate of " id ": " $(c["certificate"]) " != STT " stt[id]; bad = 1 } got[id] = 1 }
	END { for (id in stt) if (!(id in got)) { print "no certificate for " id; bad = 1 }; exit bad }' \
	decision-annex-2025.csv certificates-2025.csv || check "certificates against the annex"
ce --format pdf -o cert.pdf || check "certificates: pdf failed"
nh=$(wc -l <got-ids.txt)
pages=$(pdfinfo cert.pdf | awk '/^Pages:/ { print $2 }')
[ "$pages" = "$nh" ] || check "certificates.pdf: $pages pages for $nh households"
pdfinfo cert.pdf | grep -q "Page size: *595.276 x 841.89" || check "certificates.pdf is not A4 portrait"
# every head on the page of its certificate number, diacritics intact
awk -F, 'NR == 1 { for (i = 1; i <= NF; i++) c[$i] = i; next } $(c["member"]) == 1 { print $(c["certificate"]) "\t" $(c["head"]) }' certificates-2025.csv >heads.txt
grep -q '[ăâđêôơưĂÂĐÊÔƠƯ]' heads.txt || check "no head with Vietnamese letters to check"
while IFS="$(printf '\t')" read -r no head; do
	pdftotext -enc UTF-8 -f "$no" -l "$no" cert.pdf page.txt
	grep -qF "$head" page.txt || check "certificates.pdf page $no lacks \"$head\""
	grep -qF "Số: $no/GCN-HN.HCN" page.txt || check "certificates.pdf page $no lacks its number"
done <heads.txt
ce --format xlsx -o cert.xlsx || check "certificates: xlsx failed"
[ "$(head -c 2 cert.xlsx)" = "PK" ] || check "certificates.xlsx is not a zip"
da --format pdf -o da.pdf || check "decision-annex: pdf failed"
pdftotext -layout da.pdf da.txt
grep -qF "DANH SÁCH HỘ NGHÈO, HỘ CẬN NGHÈO ĐƯỢC CÔNG NHẬN NĂM 2025" da.txt || check "decision-annex.pdf lacks its title"
"$gnbv" report all --unit 03682 --year 2025 --format csv --db t.db -o allc2 2>err.txt || check "report all (commune, approved) failed"
cmp -s allc2/decision-annex.csv decision-annex-2025.csv || check "report all: decision-annex differs"
cmp -s allc2/certificates.csv certificates-2025.csv || check "report all: certificates differ"
"$gnbv" report all --unit 14 --year 2025 --format csv --db t.db -o alld2 2>err.txt
for l in posting-list decision-annex certificates; do
	grep -q "$l.*skipped" err.txt || check "report all for a province: no note on the skipped $l"
	[ -e alld2/$l.csv ] && check "report all for a province wrote $l"
done
# nothing approved in 2024: written, with a note
"$gnbv" report decision-annex --unit 03682 --year 2024 --db t.db -o none.csv 2>err.txt || check "decision-annex 2024"
grep -q "no household of 2024 is recognised" err.txt || check "decision-annex 2024: no note"
[ "$(awk -F, '$1 == "unit"' none.csv | wc -l)" = 0 ] || check "decision-annex 2024 lists drafts"
# a bad wording file: exit 2, the file and line named
mkdir -p badform && cp "$GNBV_DATA"/reports/*.rpt badform/
printf 'title POOR A\ntitle NEAR_POOR B\nnumber {nope}\n' >badform/certificates.form
GNBV_REPORTS=$PWD/badform "$gnbv" report certificates --unit 03682 --year 2025 --format pdf --db t.db -o x.pdf 2>err.txt
[ $? -eq 2 ] || check "a bad certificates.form: exit status"
grep -q "certificates.form:3:.*unknown placeholder" err.txt || { cat err.txt; check "a bad certificates.form: no message with its line"; }
[ -e x.pdf ] && check "a bad certificates.form wrote the file"

# Bad input: exit status 2 and a message.
bad() { # bad WHAT ARGS...: expects exit 2 and something on stderr
	what=$1; shift
	"$gnbv" report "$@" >out.txt 2>err.txt
	st=$?
	[ $st -eq 2 ] || check "$what: exit $st, expected 2"
	[ -s err.txt ] || check "$what: no message"
	[ -s out.txt ] && check "$what: output on stdout"
}
bad "unknown report" nosuch --unit 14 --year 2024 --db t.db -o x.csv
bad "unit not in db" results --unit 99 --year 2024 --db t.db -o x.csv
bad "unit not on the map" results --unit 093 --year 2025 --db t.db -o x.csv
bad "bad year" results --unit 14 --year 20x4 --db t.db -o x.csv
bad "year out of range" results --unit 14 --year 1990 --db t.db -o x.csv
bad "bad date" results --unit 14 --year 2024 --as-of 2024-13-01 --db t.db -o x.csv
bad "unknown format" results --unit 14 --year 2024 --format docx --db t.db -o x.csv
bad "no name" --unit 14 --year 2024 --db t.db -o x.csv
bad "no unit" results --year 2024 --db t.db -o x.csv
bad "posting-list for a province" posting-list --unit 14 --year 2024 --db t.db -o x.csv
bad "decision-annex for a province" decision-annex --unit 14 --year 2025 --db t.db -o x.csv
bad "certificates for a province" certificates --unit 14 --year 2025 --db t.db -o x.csv
bad "certificates of a unit nowhere" certificates --unit 99 --year 2025 --db t.db -o x.csv
bad "missing db" results --unit 14 --year 2024 --db nosuch.db -o x.csv
[ -e x.csv ] && check "a refused report wrote its file"

[ $fail -eq 0 ] && echo "report golden: ok"
exit $fail
