# `gnbv report --list`: the summary tables (layouts of data/reports, by
# number), then the lists of households with their Vietnamese titles
# (posting list, decision annex, certificates), then the budget (issue 5).
$ gnbv report --list
--- stdout
results                  KẾT QUẢ RÀ SOÁT HỘ NGHÈO, HỘ CẬN NGHÈO
poor-movements           BIẾN ĐỘNG HỘ NGHÈO
near-poor-movements      BIẾN ĐỘNG HỘ CẬN NGHÈO
poor-deprivations        THIẾU HỤT CÁC DỊCH VỤ XÃ HỘI CƠ BẢN CỦA HỘ NGHÈO
near-poor-deprivations   THIẾU HỤT CÁC DỊCH VỤ XÃ HỘI CƠ BẢN CỦA HỘ CẬN NGHÈO
groups                   HỘ NGHÈO, HỘ CẬN NGHÈO THEO NHÓM ĐỐI TƯỢNG
ethnicity                HỘ NGHÈO, HỘ CẬN NGHÈO THEO DÂN TỘC
causes                   HỘ NGHÈO, HỘ CẬN NGHÈO THEO NGUYÊN NHÂN NGHÈO
children                 THIẾU HỤT DỊCH VỤ XÃ HỘI CƠ BẢN LIÊN QUAN ĐẾN TRẺ EM CỦA HỘ NGHÈO, HỘ CẬN NGHÈO
af                       CHỈ SỐ NGHÈO ĐA CHIỀU (ALKIRE-FOSTER)
posting-list             DANH SÁCH HỘ NGHÈO, HỘ CẬN NGHÈO
decision-annex           DANH SÁCH HỘ NGHÈO, HỘ CẬN NGHÈO ĐƯỢC CÔNG NHẬN
certificates             GIẤY CHỨNG NHẬN HỘ NGHÈO, HỘ CẬN NGHÈO
budget                   KINH PHÍ VÀ GIẢI NGÂN CHƯƠNG TRÌNH MTQG GIẢM NGHÈO BỀN VỮNG
