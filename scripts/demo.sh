#!/bin/sh
# `make demo`: generates a synthetic province and prints its poverty
# summary by commune and its Alkire-Foster table.
set -eu
gnbv=${1:-build/gnbv}
out=${DEMO_DIR:-build/demo}
province=${DEMO_PROVINCE:-14}
mkdir -p "$out"

# Aligns CSV columns for the terminal (fields here hold no quoted commas).
table() {
	# width in characters: UTF-8 continuation bytes do not count
	awk -F, 'function w(s, t) { t = s; gsub(/[\200-\277]/, "", t); return length(t) }
	{ for (i = 1; i <= NF; i++) { cell[NR, i] = $i; n = w($i); if (n > wd[i]) wd[i] = n }
	  if (NF > nf) nf = NF }
	END { for (r = 1; r <= NR; r++) { line = ""
		for (i = 1; i <= nf; i++) { c = cell[r, i]; line = line c
			for (k = w(c); k <= wd[i]; k++) line = line " " }
		print line } }'
}
echo "== gnbv synth: a synthetic province ($province), years 2022-2025, into $out"
"$gnbv" synth --province "$province" --scale 1.0 --seed 7 --out "$out"
echo
echo "== gnbv summary: 2024 by commune (2024 map, with districts)"
"$gnbv" summary --units "$out/units.csv" --households "$out/households.csv" \
	--population "$out/population.csv" --lineage "$out/lineage.csv" \
	--year 2024 --level commune | table | head -25
echo "   ..."
echo
echo "== gnbv summary: 2024 figures carried onto the 2025 map (no districts), by commune"
"$gnbv" summary --units "$out/units.csv" --households "$out/households.csv" \
	--population "$out/population.csv" --lineage "$out/lineage.csv" \
	--year 2024 --as-of 2025-12-31 --level commune | table | tail -8
echo
echo "== gnbv af: Alkire-Foster measures 2025 by area (k = 3/12)"
"$gnbv" af --units "$out/units.csv" --households "$out/households.csv" \
	--year 2025 --by area | cut -d, -f1-8 | table
