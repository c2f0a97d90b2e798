#!/bin/sh
# bench/run.sh - times `gnbv summary --level province` for one year at
# national scale against two peers that compute the same table (DuckDB and
# pandas), checks that the three outputs are byte-identical, times
# `gnbv classify` on the same data, and writes bench/RESULTS.md.
#
# Run from anywhere (`make bench` installs the Debian packages first):
#   sh bench/run.sh
# Settings (environment): BENCH_SCALE (1.0), BENCH_SEED (1), BENCH_YEAR
# (2024), BENCH_LEVEL (province), BENCH_RUNS (3), BENCH_BUILD (the CMake
# build directory of gnbv, default build), GNBV_BENCH_CACHE (where
# the DuckDB npm package goes; default $HOME/.cache/gnbv-bench, outside the
# repository). Generated data and outputs go to bench/out/ (git-ignored).
# Exits non-zero when a tool fails or the outputs differ.
set -eu

top=$(cd "$(dirname "$0")/.." && pwd)
cd "$top"

SCALE=${BENCH_SCALE:-1.0}
SEED=${BENCH_SEED:-1}
YEAR=${BENCH_YEAR:-2024}
LEVEL=${BENCH_LEVEL:-province}
RUNS=${BENCH_RUNS:-3}
BUILD=${BENCH_BUILD:-build}
CACHE=${GNBV_BENCH_CACHE:-${HOME:-/tmp}/.cache/gnbv-bench}
DUCKDB_NPM="@duckdb/node-api@1.5.6-r.1"
PY=/usr/bin/python3 # Debian's, with python3-pandas (the first python3 on PATH may lack it)

OUT=bench/out
DATA=$OUT/data-scale$SCALE-seed$SEED
RES=$OUT/results
mkdir -p "$OUT" "$RES"

say() { printf '\n== %s\n' "$*" >&2; }
die() { printf 'bench/run.sh: %s\n' "$*" >&2; exit 1; }

# ---- tools the benchmark needs ---------------------------------------------
[ -x "$PY" ] && "$PY" -c 'import pandas' 2>/dev/null ||
	die "$PY with pandas is missing: apt-get install python3-pandas (or: make bench)"
if [ ! -x /usr/bin/time ]; then
	say "installing GNU time (for peak memory)"
	if [ "$(id -u)" -eq 0 ]; then SUDO=""; else SUDO="sudo"; fi
	DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq time >/dev/null ||
		{ $SUDO apt-get update -qq && DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq time; }
fi
command -v npm >/dev/null 2>&1 || die "npm is missing (apt-get install npm, or: make bench)"
command -v gcc >/dev/null 2>&1 || die "gcc is missing"

# ---- (a) gnbv ----------------------------------------------------------------
say "building gnbv ($BUILD/)"
if [ ! -f "$BUILD/build.ninja" ]; then
	cmake -S . -B "$BUILD" -G Ninja -DCMAKE_BUILD_TYPE=RelWithDebInfo >/dev/null
fi
cmake --build "$BUILD" --target gnbv
GNBV=$BUILD/gnbv
[ -x "$GNBV" ] || die "$GNBV was not built"

# ---- (b) the DuckDB peer -----------------------------------------------------
DUCKDIR=$CACHE/duckdb
LIBDIR=$DUCKDIR/node_modules/@duckdb/node-bindings-linux-x64
if [ ! -f "$LIBDIR/libduckdb.so" ]; then
	say "installing $DUCKDB_NPM into $DUCKDIR"
	mkdir -p "$DUCKDIR"
	(cd "$DUCKDIR" && npm i --no-audit --no-fund --loglevel=error "$DUCKDB_NPM" >&2)
	[ -f "$LIBDIR/libduckdb.so" ] || die "no libduckdb.so in $LIBDIR after npm i"
fi
DUCK=$OUT/duckdb-summary
if [ ! -x "$DUCK" ] || [ bench/duckdb/summary.c -nt "$DUCK" ] || [ "$LIBDIR/libduckdb.so" -nt "$DUCK" ]; then
	say "compiling bench/duckdb/summary.c against $LIBDIR/libduckdb.so"
	gcc -O2 -std=c17 -Wall -Wextra -o "$DUCK" bench/duckdb/summary.c \
		-L"$LIBDIR" -l:libduckdb.so -Wl,-rpath,"$LIBDIR"
fi

# ---- (c) data ------------------------------------------------------------------
stamp="scale=$SCALE seed=$SEED synth=$(cat src/cli/synth.c src/cli/synth.h src/cli/cmd_synth.c 2>/dev/null | cksum | cut -d' ' -f1)"
if [ -f "$DATA/households.csv" ] && [ -f "$DATA/.stamp" ] && [ "$(cat "$DATA/.stamp")" = "$stamp" ]; then
	say "data: reusing $DATA ($stamp)"
else
	say "data: $GNBV synth --scale $SCALE --seed $SEED --out $DATA"
	rm -rf "$DATA"
	"$GNBV" synth --scale "$SCALE" --seed "$SEED" --out "$DATA"
	echo "$stamp" >"$DATA/.stamp"
fi
for f in units lineage population households; do
	[ -f "$DATA/$f.csv" ] || die "$DATA/$f.csv is missing"
done

# Half of households.csv (header + the first half of the rows), to show how
# classify's memory grows with the file.
HALF=$OUT/households-half-scale$SCALE-seed$SEED.csv
if [ ! -f "$HALF" ] || [ "$DATA/households.csv" -nt "$HALF" ]; then
	say "data: $HALF"
	n=$(($(wc -l <"$DATA/households.csv") - 1))
	head -n $((n / 2 + 1)) "$DATA/households.csv" >"$HALF"
fi

# ---- (d) timing ------------------------------------------------------------------
U=$DATA/units.csv
H=$DATA/households.csv
P=$DATA/population.csv
CMD_GNBV="$GNBV summary --units $U --households $H --population $P --year $YEAR --level $LEVEL"
CMD_DUCK="$DUCK $U $H $P $YEAR $LEVEL"
CMD_PANDAS="$PY bench/pandas/summary.py $U $H $P $YEAR $LEVEL"
CMD_DUCK_SCAN="$DUCK --scan $H"
CMD_CLASSIFY="$GNBV classify --units $U --households $H"
CMD_CLASSIFY_HALF="$GNBV classify --units $U --households $HALF"

# time_one NAME COMMAND [OUTPUT]: wall time of RUNS runs (hyperfine when it
# is there, else a loop under /usr/bin/time) into $RES/NAME.json or
# $RES/NAME.walls, and one more run under `/usr/bin/time -v` for peak RSS,
# its standard output kept in OUTPUT (default $RES/NAME.out).
time_one() {
	name=$1
	cmd=$2
	output=${3:-$RES/$name.out}
	say "$name: $cmd"
	rm -f "$RES/$name.json" "$RES/$name.walls"
	if command -v hyperfine >/dev/null 2>&1; then
		hyperfine --warmup 1 --runs "$RUNS" --export-json "$RES/$name.json" "$cmd" >&2
	else
		sh -c "$cmd" >/dev/null # warm-up
		i=0
		while [ $i -lt "$RUNS" ]; do
			/usr/bin/time -f '%e' -o "$RES/$name.t" sh -c "$cmd" >/dev/null
			cat "$RES/$name.t" >>"$RES/$name.walls"
			i=$((i + 1))
		done
	fi
	/usr/bin/time -v -o "$RES/$name.timev" sh -c "exec $cmd" >"$output" ||
		die "$name failed: $cmd (see $RES/$name.timev)"
}

time_one gnbv "$CMD_GNBV"
time_one duckdb "$CMD_DUCK"
time_one pandas "$CMD_PANDAS"
# DuckDB only reading households.csv (no rules): its floor, for context.
time_one duckdb-scan "$CMD_DUCK_SCAN"

# ---- (e) the three tables must be identical --------------------------------------------
say "comparing the three outputs"
same=yes
for peer in duckdb pandas; do
	if ! cmp -s "$RES/gnbv.out" "$RES/$peer.out"; then
		same=no
		echo "bench/run.sh: MISMATCH: gnbv and $peer differ:" >&2
		diff "$RES/gnbv.out" "$RES/$peer.out" | head -40 >&2 || true
	fi
done
[ "$same" = yes ] && echo "the three outputs are byte-identical ($(wc -l <"$RES/gnbv.out") lines)" >&2

# ---- (f) classify ------------------------------------------------------------------------
time_one classify "$CMD_CLASSIFY" /dev/null
say "classify on half the rows (peak RSS only): $CMD_CLASSIFY_HALF"
/usr/bin/time -v -o "$RES/classify-half.timev" sh -c "exec $CMD_CLASSIFY_HALF" >/dev/null ||
	die "classify on $HALF failed"

# Distinct households of the two files (classify keeps one history each).
distinct() {
	awk -F, 'NR == 1 { for (i = 1; i <= NF; i++) { c = tolower($i); sub(/^\xef\xbb\xbf/, "", c); if (c == "household_id") k = i } next }
	         !seen[$k]++ { n++ } END { print n + 0 }' "$1"
}
say "counting distinct households"
distinct "$H" >"$RES/households-full.distinct"
distinct "$HALF" >"$RES/households-half.distinct"

# ---- (f2) the web application (issue 3) ------------------------------------------------------
say "web application benchmarks (bench/web.sh)"
BENCH_BUILD="${BENCH_BUILD:-build}" sh bench/web.sh || die "bench/web.sh failed"

# ---- (g) the report -----------------------------------------------------------------------------
say "writing bench/RESULTS.md"
{
	echo "same=$same"
	echo "scale=$SCALE"
	echo "seed=$SEED"
	echo "year=$YEAR"
	echo "level=$LEVEL"
	echo "runs=$RUNS"
	echo "data=$DATA"
	echo "half=$HALF"
	echo "cmd_gnbv=$CMD_GNBV"
	echo "cmd_duckdb=$CMD_DUCK"
	echo "cmd_pandas=$CMD_PANDAS"
	echo "cmd_duckdb_scan=$CMD_DUCK_SCAN"
	echo "cmd_classify=$CMD_CLASSIFY"
	echo "cmd_classify_half=$CMD_CLASSIFY_HALF"
	echo "duckdb_version=$("$DUCK" --version 2>/dev/null || echo '?')"
	echo "duckdb_npm=$DUCKDB_NPM"
	echo "pandas_version=$("$PY" -c 'import pandas; print(pandas.__version__)')"
	echo "python_version=$("$PY" -c 'import sys; print(sys.version.split()[0])')"
	echo "hyperfine=$(hyperfine --version 2>/dev/null || echo none)"
	echo "gnbv_rev=$(git describe --always --dirty 2>/dev/null || echo '?')"
	echo "gcc=$(gcc -dumpfullversion 2>/dev/null || gcc -dumpversion)"
} >"$RES/meta.txt"
"$PY" bench/report.py "$RES" bench/RESULTS.md
cat bench/RESULTS.md >&2
[ "$same" = yes ] || die "the outputs of gnbv, DuckDB and pandas differ (see above and $RES/*.out)"
