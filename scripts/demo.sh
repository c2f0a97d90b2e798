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

# Results framework (M&E, issue 5): the resident ethnic-minority households
# that the registry does not hold (demo figures: 55% of the households of
# population.csv) so that the ethnic-minority poverty rate shows, and a few
# local targets and project outputs of the demo commune.
echo "== gnbv import indicator_values (results framework, demo figures)"
awk -F, -v c="$commune" -v p="$province" '
	NR == 1 { print "indicator,unit_code,period,value,target"; next }
	$2 >= 2024 { total[$2] += $3; if ($1 == c) own[$2] = $3 }
	END {
		for (y = 2024; y <= 2025; y++) {
			printf "hh_minority,%s,%d,%d,\n", p, y, int(total[y] * 0.55 + 0.5)
			if (y in own) printf "hh_minority,%s,%d,%d,\n", c, y, int(own[y] * 0.55 + 0.5)
		}
		printf "poor_reduced,%s,2025,,4\n", c
		printf "houses_supported,%s,2025,3,4\n", c
		printf "models,%s,2025,1,2\n", c
		printf "communication_reach,%s,2025S1,240,300\n", c
	}' "$dir/data/population.csv" >"$dir/indicator_values.csv"
"$gnbv" import indicator_values "$dir/indicator_values.csv" --db "$db"

# Capacity building and inspections (M&E, issue 5): the province's training
# class with four people of the demo commune, the commune's staff count, and
# the province's monitoring mission whose recommendation to the commune is
# past due (it shows on the dashboards of the commune and the province).
echo "== gnbv capacity: a training class, a staff count, a monitoring mission"
{
	echo "full_name,sex,birth_year,unit_code,position,staff"
	echo "Lò Thị Mai,Nữ,1985,$commune,cán bộ giảm nghèo xã,có"
	echo "Quàng Văn Sáu,Nam,1972,$commune,trưởng thôn,có"
	echo "Đinh Thị Hoa,Nữ,1990,$commune,cộng tác viên giảm nghèo,có"
	echo "Cầm Văn Đức,Nam,1968,$commune,chủ tịch UBND xã,không"
} >"$dir/participants.csv"
"$gnbv" capacity class "$dir/participants.csv" --unit "$province" --title "Tập huấn nghiệp vụ giảm nghèo năm 2025" \
	--start 2025-03-10 --end 2025-03-11 --place "Trường Chính trị tỉnh" --db "$db"
"$gnbv" capacity staff --unit "$commune" --year 2025 --staff 5 --db "$db"
printf 'unit_code,due_date,text\n%s,2025-11-30,"Cập nhật sổ theo dõi hộ nghèo, hộ cận nghèo"\n' "$commune" >"$dir/recommendations.csv"
"$gnbv" capacity mission "$dir/recommendations.csv" --unit "$province" --kind monitoring \
	--name "Giám sát thực hiện Dự án 7 năm 2025" --start 2025-10-06 --end 2025-10-10 --units "$commune" --db "$db"

# Plans and budgets (M&E, issue 5): the funds of the demo commune for 2025
# under its plan 32/KH-UBND (seed 001's Dự án 2 and 7 figures, a tenth of
# them), with the province's own Dự án 7 lines and a few disbursements; the
# plan itself is entered from the web page (Giám sát, đánh giá > Kế hoạch).
echo "== gnbv import budget (allocations and disbursements of 2025)"
cat >"$dir/budget.csv" <<CSV
plan,unit_code,year,project,source,capital,amount,carried_over,kind,date
32/KH-UBND 2025,$commune,2025,DA2,central,recurrent,195.000.000,,allocated,
32/KH-UBND 2025,$commune,2025,DA2,provincial,recurrent,9.800.000,,allocated,
32/KH-UBND 2025,$commune,2025,DA2,district,recurrent,19.500.000,,allocated,
32/KH-UBND 2025,$commune,2025,DA7.2,central,recurrent,45.800.000,,allocated,
32/KH-UBND 2025,$commune,2025,DA2,central,recurrent,120.000.000,,disbursed,2025-06-20
32/KH-UBND 2025,$commune,2025,DA7.2,central,recurrent,30.000.000,,disbursed,2025-10-15
95/KH-SLĐTBXH 2025,$province,2025,DA7.1,central,recurrent,1.312.938.000,,allocated,
95/KH-SLĐTBXH 2025,$province,2025,DA7.2,central,recurrent,914.757.000,,allocated,
95/KH-SLĐTBXH 2025,$province,2025,DA7.1,central,recurrent,656.000.000,,disbursed,2025-09-30
CSV
"$gnbv" import budget "$dir/budget.csv" --db "$db"

echo "== gnbv draft: the pre-filled Mẫu 01 monitoring report of the province (Word)"
"$gnbv" draft mau-01 --unit "$province" --year 2025 --period year --db "$db" -o "$dir/mau-01-$province-2025.docx"
echo "   $dir/mau-01-$province-2025.docx (also on the web: Giám sát, đánh giá)"

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
