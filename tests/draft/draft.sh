#!/bin/sh
# draft.sh GNBV - the M&E report drafts (`gnbv draft`, src/draft): on a
# small synthetic province with a budget file, the Mẫu 01 and Mẫu 02
# drafts are opened as a user would open them (python-docx, LibreOffice)
# and their numbers checked against `gnbv summary` and the budget lines;
# the tables' workbook is read back; bad periods and units are refused
# with exit status 2 and nothing written.
set -u
gnbv=$1
py=/usr/bin/python3
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
cd "$work" || exit 1
fail=0
check() { echo "draft: FAIL: $1"; fail=1; }

"$gnbv" synth --province 14 --scale 0.02 --seed 7 --out in 2>/dev/null || { echo "synth failed"; exit 1; }
"$gnbv" init --db t.db 2>/dev/null || { echo "init failed"; exit 1; }
for k in units lineage population households; do
	"$gnbv" import $k in/$k.csv --db t.db 2>err.txt || { cat err.txt; check "import $k"; }
done
cat > budget.csv <<'CSV'
plan,unit_code,year,project,source,capital,amount,carried_over,kind,date
345/KH-UBND 2024,14,2024,DA2,central,recurrent,1.950.000.000,,allocated,
345/KH-UBND 2024,14,2024,DA2,provincial,recurrent,98.000.000,,allocated,
345/KH-UBND 2024,14,2024,DA4.3,central,investment,148.000.000,33.000.000,allocated,
345/KH-UBND 2024,14,2024,DA2,central,recurrent,549.000.000,,disbursed,2024-06-10
CSV
"$gnbv" import budget budget.csv --db t.db 2>/dev/null || check "import budget"

# a class of two people (one woman, both poverty-reduction staff) out of 4
# staff; a mission with one recommendation overdue on 20/11/2024
c1=$(awk -F, '$3 == "commune" && $4 == "14" { print $1; exit }' in/units.csv)
cat > people.csv <<CSV
full_name,sex,birth_year,unit_code,position,staff
Lò Thị Hoa,F,1988,$c1,cán bộ giảm nghèo xã,1
Quàng Văn Tú,M,1979,$c1,trưởng thôn,1
CSV
cat > recs.csv <<CSV
unit_code,due_date,text
$c1,2024-09-30,Hoàn thiện hồ sơ rà soát
$c1,2024-12-31,Báo cáo giải ngân
CSV
"$gnbv" capacity class people.csv --unit 14 --title "Tập huấn nghiệp vụ" --start 2024-05-06 \
	--end 2024-05-07 --db t.db >/dev/null 2>err.txt || { cat err.txt; check "capacity class"; }
"$gnbv" capacity staff --unit 14 --year 2024 --staff 4 --db t.db >/dev/null 2>err.txt ||
	{ cat err.txt; check "capacity staff"; }
"$gnbv" capacity mission recs.csv --unit 14 --name "Kiểm tra Dự án 7" --start 2024-08-05 \
	--end 2024-08-09 --units "$c1" --db t.db >/dev/null 2>err.txt || { cat err.txt; check "capacity mission"; }

# the review's figures, as `gnbv summary` gives them: poor, rate
sum=$("$gnbv" summary --units in/units.csv --lineage in/lineage.csv --households in/households.csv \
	--population in/population.csv --year 2024 --level province | sed -n 2p)
poor=$(echo "$sum" | cut -d, -f4)
rate=$(echo "$sum" | cut -d, -f6 | tr . ,)
vn() { echo "$1" | sed -e ':a' -e 's/\([0-9]\)\([0-9]\{3\}\)\($\|\.\)/\1.\2\3/;ta'; }
poor_vn=$(vn "$poor")

"$gnbv" draft mau-01 --unit 14 --year 2024 --period year --date 2024-11-20 --db t.db -o m01.docx \
	2>err.txt || { cat err.txt; check "mau-01"; }
"$gnbv" draft mau-02 --unit 14 --year 2024 --period midterm --date 2024-11-20 --db t.db \
	-o m02.docx 2>err.txt || { cat err.txt; check "mau-02"; }
"$gnbv" draft mau-01 --unit 14 --year 2024 --period year --format xlsx --db t.db -o m01.xlsx \
	2>err.txt || { cat err.txt; check "mau-01 xlsx"; }

# python-docx: the text a user sees, the highlighted places to fill in
"$py" - m01.docx "$poor_vn" "$rate" <<'PY' || check "mau-01 content"
import sys, docx
d = docx.Document(sys.argv[1])
text = "\n".join(p.text for p in d.paragraphs)
cells = [c.text for t in d.tables for r in t.rows for c in r.cells]
def need(s, where=text):
    if s not in where:
        sys.exit("missing: " + s)
need("CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", "\n".join(cells))
need("TỈNH SƠN LA", "\n".join(cells))
need("Sơn La, ngày 20 tháng 11 năm 2024", "\n".join(cells))
need("BÁO CÁO GIÁM SÁT")
need("năm 2024")
need("%s hộ nghèo, chiếm %s%%" % (sys.argv[2], sys.argv[3]))
need("Tổng cộng: kinh phí được giao 2.196.000.000 đồng (trong đó 33.000.000 đồng năm trước chuyển sang), đã giải ngân 549.000.000 đồng, đạt 25,00%.")
need("II. KẾT QUẢ THỰC HIỆN CÁC MỤC TIÊU, CHỈ TIÊU")
need("Tỷ lệ hộ nghèo đa chiều", "\n".join(cells))
need("với 2 lượt người; 2 người được đào tạo (không tính trùng), trong đó 1 nữ (50,00%)")
need("Số cán bộ làm công tác giảm nghèo được tập huấn, bồi dưỡng: 2/4 người, đạt 50,00%")
need("Tổng số kiến nghị: 2; đã xử lý xong 0; chưa xong 2, trong đó 1 kiến nghị quá hạn.")
need("Hoàn thiện hồ sơ rà soát", "\n".join(cells))
fills = [p for p in d.paragraphs for r in p.runs if r.font.highlight_color is not None]
if len(fills) < 8:
    sys.exit("only %d highlighted paragraphs to fill in" % len(fills))
if len(d.tables) < 4:
    sys.exit("only %d tables" % len(d.tables))
sec = d.sections[0]
if abs(sec.page_width.cm - 21.0) > 0.1 or abs(sec.page_height.cm - 29.7) > 0.1:
    sys.exit("not A4")
PY
"$py" - m02.docx <<'PY' || check "mau-02 content"
import sys, docx
t = "\n".join(p.text for p in docx.Document(sys.argv[1]).paragraphs)
for s in ("BÁO CÁO ĐÁNH GIÁ", "giữa kỳ (năm 2024)", "3. Tác động", "4. Tính bền vững"):
    if s not in t:
        sys.exit("missing: " + s)
PY

# LibreOffice opens both files as a user would
if command -v soffice >/dev/null 2>&1; then
	soffice --headless --convert-to txt:Text --outdir lo m01.docx >/dev/null 2>&1
	grep -q "BÁO CÁO GIÁM SÁT" lo/m01.txt 2>/dev/null || check "LibreOffice reads m01.docx"
	soffice --headless --convert-to 'csv:Text - txt - csv (StarCalc):44,34,76' --outdir lo \
		m01.xlsx >/dev/null 2>&1
	grep -q "KẾT QUẢ RÀ SOÁT HỘ NGHÈO" lo/m01.csv 2>/dev/null || check "LibreOffice reads m01.xlsx"
else
	check "soffice is not installed (scripts/install-deps.sh installs it)"
fi
# the workbook: one sheet per table
"$py" - m01.xlsx <<'PY' || check "workbook sheets"
import sys, zipfile, re
wb = zipfile.ZipFile(sys.argv[1]).read("xl/workbook.xml").decode()
names = re.findall(r'<sheet name="([^"]+)"', wb)
if names[:4] != ["Ra soat ho ngheo", "Kinh phi", "Chi tieu", "Kien nghi qua han"]:
    sys.exit("sheets: %r" % names)
PY

# bad input: exit 2, a message, no file
"$gnbv" draft mau-01 --unit 14 --year 2024 --period midterm --db t.db -o bad.docx 2>err.txt
[ $? -eq 2 ] && grep -q "period" err.txt && [ ! -e bad.docx ] || check "bad period"
"$gnbv" draft mau-03 --unit 14 --year 2024 --period year --db t.db -o bad.docx 2>err.txt
[ $? -eq 2 ] && [ ! -e bad.docx ] || check "bad form"
"$gnbv" draft mau-01 --unit 99 --year 2024 --period year --db t.db -o bad.docx 2>err.txt
[ $? -eq 2 ] && grep -q "99" err.txt && [ ! -e bad.docx ] || check "unknown unit"

[ $fail -eq 0 ] && echo "draft: ok"
exit $fail
