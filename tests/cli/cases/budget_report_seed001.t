# gnbv report budget: one row per project and sub-project, a column per
# source and capital type that has money, then allocated, carried over,
# disbursed and the rate; projects add up their sub-projects (DA3 = 964 +
# 309 = 1.273 triệu), the total the projects (5.539 triệu = 4.835 central,
# of which 148 investment, + 235 provincial + 469 district). Disbursements
# of DA2 and DA4.3 give the rates, in hundredths (500/2.243 = 22,29 %).
$ gnbv init --db t.db
$ gnbv import units units.csv --db t.db
$ gnbv import budget seed001.csv --db t.db
$ gnbv import budget disbursed.csv --db t.db
$ gnbv report budget --unit 70 --year 2023 --db t.db -o -
--- units.csv< ../fixtures/budget/units.csv
--- seed001.csv< ../fixtures/budget/seed001.csv
--- disbursed.csv
plan,unit_code,year,project,source,capital,amount,kind,date
245/KH-UBND 2023,693,2023,DA2,central,recurrent,300.000.000,disbursed,15/10/2023
245/KH-UBND 2023,693,2023,DA2,central,recurrent,200.000.000,disbursed,2023-11-20
245/KH-UBND 2023,693,2023,DA4.3,central,investment,148.000.000,disbursed,2023-12-20
--- stdout
style,depth,project,name,central_recurrent,central_investment,provincial_recurrent,district_recurrent,allocated,carried_over,disbursed,rate
unit,0,DA1,"Dự án 1. Hạ tầng huyện nghèo, xã ĐBKK",0,0,0,0,0,0,0,
unit,0,DA2,"Dự án 2. Đa dạng hóa sinh kế, mô hình giảm nghèo",1950000000,0,98000000,195000000,2243000000,0,500000000,22.29
subtotal,0,DA3,"Dự án 3. Phát triển sản xuất, dinh dưỡng",1107000000,0,55000000,111000000,1273000000,0,0,0.00
unit,1,DA3.1,Tiểu dự án 1. Phát triển sản xuất nông nghiệp,838000000,0,42000000,84000000,964000000,0,0,0.00
unit,1,DA3.2,Tiểu dự án 2. Cải thiện dinh dưỡng,269000000,0,13000000,27000000,309000000,0,0,0.00
subtotal,0,DA4,"Dự án 4. Giáo dục nghề nghiệp, việc làm bền vững",1018000000,148000000,51000000,102000000,1319000000,33000000,148000000,11.22
unit,1,DA4.1,Tiểu dự án 1. Giáo dục nghề nghiệp,802000000,0,40000000,80000000,922000000,0,0,0.00
unit,1,DA4.2,Tiểu dự án 2. Đi làm việc ở nước ngoài theo hợp đồng,0,0,0,0,0,0,0,
unit,1,DA4.3,Tiểu dự án 3. Việc làm bền vững,216000000,148000000,11000000,22000000,397000000,33000000,148000000,37.28
unit,0,DA5,"Dự án 5. Nhà ở hộ nghèo, hộ cận nghèo",0,0,0,0,0,0,0,
subtotal,0,DA6,"Dự án 6. Truyền thông, giảm nghèo về thông tin",154000000,0,8000000,15000000,177000000,0,0,0.00
unit,1,DA6.1,Tiểu dự án 1. Giảm nghèo về thông tin,0,0,0,0,0,0,0,
unit,1,DA6.2,Tiểu dự án 2. Truyền thông về giảm nghèo đa chiều,0,0,0,0,0,0,0,
subtotal,0,DA7,"Dự án 7. Nâng cao năng lực, giám sát, đánh giá",458000000,0,23000000,46000000,527000000,0,0,0.00
unit,1,DA7.1,Tiểu dự án 1. Nâng cao năng lực,0,0,0,0,0,0,0,
unit,1,DA7.2,"Tiểu dự án 2. Giám sát, đánh giá",0,0,0,0,0,0,0,
total,0,,TỔNG CỘNG,4687000000,148000000,235000000,469000000,5539000000,33000000,648000000,11.70
