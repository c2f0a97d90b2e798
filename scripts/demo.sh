#!/bin/sh
# `make demo`: a demo database with a synthetic province (about 100,000
# households in its communes over three review years, on the 2024 map
# with districts and the 2025 map without), one user per role, then the
# web application on http://127.0.0.1:8080 (Ctrl-C stops it).
set -eu
gnbv=${1:-build/gnbv}
dir=${DEMO_DIR:-build/demo}
province=${DEMO_PROVINCE:-14}
port=${DEMO_PORT:-8080}
db=$dir/gnbv.db
mkdir -p "$dir"
rm -f "$db" "$db-wal" "$db-shm"

echo "== gnbv synth: synthetic province $province, review years 2023-2025"
"$gnbv" synth --province "$province" --scale 0.75 --years 2023-2025 --seed 7 --out "$dir/data"
echo "== gnbv init + import (all or nothing, each file in one transaction)"
"$gnbv" init --db "$db" >/dev/null
for kind in units lineage population households; do
	"$gnbv" import "$kind" "$dir/data/$kind.csv" --db "$db"
done

# A commune of the 2025 map, the first of the province in code order.
commune=$(awk -F, -v p="$province" '$3 == "commune" && $4 == p && $7 != "" { print $1; exit }' "$dir/data/units.csv")
[ -n "$commune" ] || { echo "demo: no commune found" >&2; exit 1; }

echo "== one user per role (password = demo- + role)"
add() { # USER ROLE UNIT NAME
	printf 'demo-%s\n' "$2" | "$gnbv" user add "$1" --role "$2" --unit "$3" --name "$4" --db "$db" >/dev/null
}
add congtacvien collaborator "$commune" "Lò Thị Mai"
add canboxa commune_officer "$commune" "Nguyễn Văn Hùng"
add chutichxa commune_chair "$commune" "Cầm Văn Đức"
add canbotinh province_officer "$province" "Trần Thị Lan"
add bo ministry "*" "Phạm Minh Tuấn"
add mttq supervisor "$province" "Hoàng Văn Sơn"
add quantri admin "*" "Quản trị hệ thống"

cat <<TXT

gnbv is serving on http://127.0.0.1:$port/  (public page: http://127.0.0.1:$port/public.html)

  user          password               role                               scope
  congtacvien   demo-collaborator      cộng tác viên (village surveys)    commune $commune
  canboxa       demo-commune_officer   cán bộ xã (commune officer)        commune $commune
  chutichxa     demo-commune_chair     chủ tịch UBND xã (approves)        commune $commune
  canbotinh     demo-province_officer  cán bộ tỉnh (province officer)     province $province
  bo            demo-ministry          Bộ (ministry, aggregates)          whole country
  mttq          demo-supervisor        MTTQ (supervisor, read-only)       province $province
  quantri       demo-admin             quản trị (administrator)           whole country

(There is no district user: districts were abolished on 1 July 2025; the
2024 map with districts is still offered on the dashboard.)
Press Ctrl-C to stop.
TXT
exec "$gnbv" serve --port "$port" --db "$db"
