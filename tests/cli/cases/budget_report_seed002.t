# Seed 002 (Dự án 7 of Quảng Nam, 2022): the province's figures include its
# districts: 5.771.858.000 of the two cities + 2.227.695.000 at the province
# (DA7.1 1.312.938.000, DA7.2 914.757.000) = 7.999.553.000 đồng for DA7.
$ gnbv init --db t.db
$ gnbv import units units.csv --db t.db
$ gnbv import budget seed002.csv --db t.db
$ gnbv report budget --unit 49 --year 2022 --db t.db -o -
--- units.csv< ../fixtures/budget/units.csv
--- seed002.csv< ../fixtures/budget/seed002.csv
--- stdout
style,depth,project,name,central_recurrent,allocated,carried_over,disbursed,rate
unit,0,DA1,"Dự án 1. Hạ tầng huyện nghèo, xã ĐBKK",0,0,0,0,
unit,0,DA2,"Dự án 2. Đa dạng hóa sinh kế, mô hình giảm nghèo",0,0,0,0,
subtotal,0,DA3,"Dự án 3. Phát triển sản xuất, dinh dưỡng",0,0,0,0,
unit,1,DA3.1,Tiểu dự án 1. Phát triển sản xuất nông nghiệp,0,0,0,0,
unit,1,DA3.2,Tiểu dự án 2. Cải thiện dinh dưỡng,0,0,0,0,
subtotal,0,DA4,"Dự án 4. Giáo dục nghề nghiệp, việc làm bền vững",0,0,0,0,
unit,1,DA4.1,Tiểu dự án 1. Giáo dục nghề nghiệp,0,0,0,0,
unit,1,DA4.2,Tiểu dự án 2. Đi làm việc ở nước ngoài theo hợp đồng,0,0,0,0,
unit,1,DA4.3,Tiểu dự án 3. Việc làm bền vững,0,0,0,0,
unit,0,DA5,"Dự án 5. Nhà ở hộ nghèo, hộ cận nghèo",0,0,0,0,
subtotal,0,DA6,"Dự án 6. Truyền thông, giảm nghèo về thông tin",0,0,0,0,
unit,1,DA6.1,Tiểu dự án 1. Giảm nghèo về thông tin,0,0,0,0,
unit,1,DA6.2,Tiểu dự án 2. Truyền thông về giảm nghèo đa chiều,0,0,0,0,
subtotal,0,DA7,"Dự án 7. Nâng cao năng lực, giám sát, đánh giá",7999553000,7999553000,0,0,0.00
unit,1,DA7.1,Tiểu dự án 1. Nâng cao năng lực,1312938000,1312938000,0,0,0.00
unit,1,DA7.2,"Tiểu dự án 2. Giám sát, đánh giá",914757000,914757000,0,0,0.00
total,0,,TỔNG CỘNG,7999553000,7999553000,0,0,0.00
