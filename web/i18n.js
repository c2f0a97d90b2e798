/*
 * i18n.js - every visible string of the gnbv web UI, and the number, date
 * and money formats.
 *
 * Vietnamese is the default; English is available through the switch in
 * the top bar (the choice is kept in localStorage). Vietnamese habits:
 * 2.481.000.000 (dot thousands), 5,71 % (comma decimals), 20/05/2024,
 * money in "đồng".
 *
 * Plain ES2017, no modules: exposes window.GNBV.i18n.
 */
(function () {
	'use strict';

	var DICT = {
		vi: {
			'app.title': 'GNBV - Giảm nghèo bền vững',
			'app.short': 'GNBV',
			'app.loading': 'Đang tải…',
			'app.error': 'Có lỗi xảy ra',
			'app.offline': 'Không kết nối được máy chủ.',
			'app.notfound': 'Không tìm thấy trang này.',
			'app.forbidden': 'Bạn không có quyền xem mục này.',
			'app.aggregates_only': 'Tài khoản của bạn chỉ được xem số liệu tổng hợp.',
			'app.nodata': 'Không có dữ liệu',
			'app.retry': 'Thử lại',
			'app.back': 'Quay lại',
			'app.yes': 'Có',
			'app.no': 'Không',
			'app.dash': '—',

			'lang.switch': 'English',
			'lang.switch_title': 'Switch to English',

			'nav.dashboard': 'Tổng quan',
			'nav.households': 'Hộ gia đình',
			'nav.import': 'Nhập dữ liệu',
			'nav.logout': 'Đăng xuất',
			'nav.public': 'Trang công khai số liệu',
			'nav.app': 'Đăng nhập hệ thống',
			'nav.menu': 'Danh mục',
			'nav.skip': 'Bỏ qua đến nội dung',

			'login.title': 'Đăng nhập',
			'login.intro': 'Hệ thống theo dõi, đánh giá Chương trình mục tiêu quốc gia giảm nghèo bền vững.',
			'login.username': 'Tên đăng nhập',
			'login.password': 'Mật khẩu',
			'login.submit': 'Đăng nhập',
			'login.busy': 'Đang đăng nhập…',
			'login.bad': 'Tên đăng nhập hoặc mật khẩu không đúng.',
			'login.required': 'Vui lòng nhập tên đăng nhập và mật khẩu.',
			'login.throttled': 'Đăng nhập sai quá nhiều lần. Vui lòng thử lại sau {wait}.',
			'login.expired': 'Phiên làm việc đã hết hạn. Vui lòng đăng nhập lại.',
			'login.public_link': 'Xem số liệu công khai (không cần đăng nhập)',

			'time.seconds': '{n} giây',
			'time.minutes': '{n} phút',
			'time.min_sec': '{m} phút {s} giây',

			'who.role': 'Vai trò',

			'role.collaborator': 'Cộng tác viên',
			'role.commune_officer': 'Cán bộ xã',
			'role.commune_chair': 'Chủ tịch UBND xã',
			'role.district_officer': 'Cán bộ huyện',
			'role.province_officer': 'Cán bộ tỉnh',
			'role.ministry': 'Bộ',
			'role.supervisor': 'Giám sát (Mặt trận Tổ quốc)',
			'role.admin': 'Quản trị',

			'level.country': 'Toàn quốc',
			'level.province': 'Tỉnh',
			'level.district': 'Huyện',
			'level.commune': 'Xã',
			'level.village': 'Thôn',

			'dash.title': 'Tổng quan giảm nghèo',
			'dash.year': 'Năm',
			'dash.map': 'Bản đồ hành chính',
			'dash.map_asof': 'Bản đồ ngày {date}',
			'dash.updated': 'Cập nhật lúc {time}',
			'dash.live': 'Số liệu tự động cập nhật',
			'dash.breadcrumb': 'Vị trí',
			'dash.children': 'Các đơn vị trực thuộc',
			'dash.children_hint': 'Bấm vào một dòng để xem các đơn vị cấp dưới.',
			'dash.no_children': 'Đơn vị này không có đơn vị cấp dưới.',
			'dash.unit': 'Đơn vị',
			'dash.total': 'Tổng',
			'dash.households': 'Số hộ',
			'dash.persons': 'Số nhân khẩu',
			'dash.reviewed': 'Hộ được rà soát',
			'dash.poor': 'Hộ nghèo',
			'dash.near_poor': 'Hộ cận nghèo',
			'dash.poor_rate': 'Tỷ lệ nghèo',
			'dash.near_poor_rate': 'Tỷ lệ cận nghèo',
			'dash.new_poor': 'Nghèo phát sinh',
			'dash.re_poor': 'Tái nghèo',
			'dash.escaped_poor': 'Thoát nghèo',
			'dash.escaped_near': 'Thoát cận nghèo',
			'dash.poor_start': 'Hộ nghèo đầu năm',
			'dash.poor_end': 'Hộ nghèo cuối năm',
			'dash.movements': 'Biến động',
			'dash.chart_rates': 'Tỷ lệ hộ nghèo theo đơn vị (%)',
			'dash.chart_trend': 'Xu hướng qua các năm (%)',
			'dash.chart_profile': 'Thiếu hụt dịch vụ xã hội cơ bản (số hộ)',
			'dash.profile_standard': 'Chuẩn nghèo {std}',
			'dash.af': 'Chỉ số nghèo đa chiều (Alkire-Foster)',
			'rep.title': 'Báo cáo',
			'rep.hint': 'Biểu tổng hợp kết quả rà soát của đơn vị, năm và bản đồ đang xem.',
			'rep.report': 'Biểu báo cáo',
			'rep.format': 'Định dạng',
			'rep.xlsx': 'Excel (XLSX)',
			'rep.pdf': 'PDF',
			'rep.csv': 'CSV',
			'rep.download': 'Tải xuống',
			'rep.none': 'Chưa có biểu báo cáo nào.',
			'dash.af_n': 'Số hộ (n)',
			'dash.af_q': 'Hộ nghèo đa chiều (q)',
			'dash.af_H': 'Tỷ lệ (H, %)',
			'dash.af_A': 'Mức độ (A, %)',
			'dash.af_M0': 'Chỉ số M0',
			'dash.af_contrib': 'Đóng góp của từng chỉ số vào M0 (%)',
			'dash.af_measures': 'Tỷ lệ nghèo đa chiều H = {H}, mức độ A = {A}, M0 = {M0} (ngưỡng k = {k}).',
			'dash.drill': 'Xem {name}',

			'mv.title': 'Biến động trong năm {year}',
			'mv.start': 'Đầu năm {year}',
			'mv.end': 'Cuối năm {year}',
			'mv.new': 'Phát sinh mới',
			'mv.re': 'Tái nghèo, tái cận nghèo',
			'mv.from_other': 'Chuyển từ loại hộ kia sang',
			'mv.escaped': 'Thoát nghèo, thoát cận nghèo',
			'mv.to_other': 'Chuyển sang hộ nghèo',

			'series.poor': 'Hộ nghèo',
			'series.near_poor': 'Hộ cận nghèo',
			'series.poor_rate': 'Tỷ lệ nghèo',
			'series.near_poor_rate': 'Tỷ lệ cận nghèo',

			'class.POOR': 'Hộ nghèo',
			'class.NEAR_POOR': 'Hộ cận nghèo',
			'class.AVERAGE': 'Hộ có mức sống trung bình',
			'class.NOT_POOR': 'Hộ không nghèo',
			'class.any': 'Tất cả các loại hộ',

			'transition.remain_poor': 'Tiếp tục nghèo',
			'transition.poor_to_near': 'Từ nghèo sang cận nghèo',
			'transition.escaped_poor': 'Thoát nghèo',
			'transition.near_to_poor': 'Từ cận nghèo sang nghèo',
			'transition.remain_near': 'Tiếp tục cận nghèo',
			'transition.escaped_near': 'Thoát cận nghèo',
			'transition.re_poor': 'Tái nghèo',
			'transition.new_poor': 'Nghèo phát sinh mới',
			'transition.re_near': 'Tái cận nghèo',
			'transition.new_near': 'Cận nghèo phát sinh mới',
			'transition.none': 'Không thay đổi',

			'ind.d_employment': 'Việc làm',
			'ind.d_dependents': 'Người phụ thuộc trong hộ gia đình',
			'ind.d_nutrition': 'Dinh dưỡng',
			'ind.d_health_insurance': 'Bảo hiểm y tế',
			'ind.d_adult_education': 'Trình độ giáo dục của người lớn',
			'ind.d_child_schooling': 'Tình trạng đi học của trẻ em',
			'ind.d_housing_quality': 'Chất lượng nhà ở',
			'ind.d_housing_area': 'Diện tích nhà ở bình quân đầu người',
			'ind.d_water': 'Nguồn nước sinh hoạt',
			'ind.d_sanitation': 'Nhà tiêu hợp vệ sinh',
			'ind.d_telecom': 'Sử dụng dịch vụ viễn thông',
			'ind.d_info_access': 'Phương tiện phục vụ tiếp cận thông tin',
			'ind.d_waste': 'Thu gom, xử lý rác thải sinh hoạt',
			'ind.d_digital': 'Sử dụng dịch vụ số, internet',

			'cause.land': 'Thiếu đất sản xuất',
			'cause.capital': 'Thiếu vốn',
			'cause.labour': 'Thiếu lao động',
			'cause.tools': 'Thiếu công cụ, phương tiện sản xuất',
			'cause.knowhow': 'Không biết cách làm ăn',
			'cause.skills': 'Thiếu kỹ năng lao động, sản xuất',
			'cause.illness': 'Ốm đau, bệnh nặng, tai nạn',
			'cause.other': 'Nguyên nhân khác',

			'hh.title': 'Hộ gia đình',
			'hh.search': 'Tìm theo tên chủ hộ hoặc mã hộ',
			'hh.search_hint': 'Có thể gõ không dấu, ví dụ "duc" tìm được "Đức".',
			'hh.year': 'Năm rà soát',
			'hh.any_year': 'Mọi năm',
			'hh.class': 'Phân loại',
			'hh.total': 'Tìm thấy {n} hộ',
			'hh.none': 'Không tìm thấy hộ nào.',
			'hh.id': 'Mã hộ',
			'hh.head': 'Chủ hộ',
			'hh.unit': 'Đơn vị',
			'hh.village': 'Thôn, bản, tổ',
			'hh.address': 'Địa chỉ',
			'hh.prev': '‹ Trang trước',
			'hh.next': 'Trang sau ›',
			'hh.page': 'Từ {from} đến {to} trong {total}',
			'hh.open': 'Xem hộ {name}',

			'hd.title': 'Hộ {name}',
			'hd.info': 'Thông tin chung',
			'hd.members': 'Thành viên',
			'hd.member_name': 'Họ và tên',
			'hd.member_sex': 'Giới tính',
			'hd.member_birth': 'Năm sinh',
			'hd.member_relation': 'Quan hệ với chủ hộ',
			'hd.member_ethnicity': 'Dân tộc',
			'hd.member_id': 'Số định danh',
			'hd.member_insurance': 'Bảo hiểm y tế',
			'hd.member_schooling': 'Học vấn, đi học',
			'hd.member_labour': 'Việc làm',
			'hd.no_members': 'Chưa có thông tin thành viên.',
			'hd.reviews': 'Kết quả rà soát qua các năm',
			'hd.no_reviews': 'Chưa có kết quả rà soát.',
			'hd.year': 'Năm',
			'hd.class': 'Phân loại',
			'hd.deprivations': 'Chỉ số thiếu hụt',
			'hd.deprivations_n': '{n} chỉ số',
			'hd.transition': 'Biến động',
			'hd.status': 'Trạng thái',
			'hd.edit': 'Sửa',
			'hd.new_review': 'Rà soát năm',
			'hd.new_review_btn': 'Nhập / sửa phiếu rà soát',
			'hd.history': 'Lịch sử thay đổi',
			'hd.no_history': 'Chưa có thay đổi nào được ghi nhận.',
			'hd.when': 'Thời gian',
			'hd.who': 'Người sửa',
			'hd.system': 'Hệ thống (nhập từ tệp)',
			'hd.record': 'Bản ghi',
			'hd.field': 'Trường',
			'hd.change': 'Cũ → mới',
			'hd.updated_at': 'Cập nhật',

			'status.draft': 'Nháp',
			'status.approved': 'Đã phê duyệt',
			'status.locked': 'Đã khóa',

			'sex.M': 'Nam',
			'sex.F': 'Nữ',

			'rv.title': 'Phiếu rà soát năm {year} - hộ {id}',
			'rv.part_general': 'Thông tin chung',
			'rv.part_income': 'Thu nhập (phiếu B1)',
			'rv.part_depr': 'Mức độ thiếu hụt dịch vụ xã hội cơ bản (phiếu B2)',
			'rv.part_head': 'Chủ hộ',
			'rv.part_groups': 'Nhóm đối tượng, nguyên nhân nghèo, nhu cầu',
			'rv.members': 'Số nhân khẩu',
			'rv.village': 'Thôn, bản, tổ',
			'rv.income': 'Thu nhập bình quân đầu người/tháng (đồng)',
			'rv.income_hint': 'Ví dụ 1.500.000. Nhập thu nhập hoặc điểm phần B1.',
			'rv.score_a': 'Tổng điểm phần B1 (điểm A)',
			'rv.score_b': 'Tổng điểm phần B2 (điểm B)',
			'rv.score_b_hint': 'Không bắt buộc; nếu nhập phải bằng 10 × số chỉ số thiếu hụt.',
			'rv.area': 'Khu vực',
			'rv.area_default': 'Theo đơn vị hành chính',
			'rv.area_urban': 'Thành thị',
			'rv.area_rural': 'Nông thôn',
			'rv.head_name': 'Họ và tên chủ hộ',
			'rv.head_sex': 'Giới tính',
			'rv.head_sex_none': 'Chưa rõ',
			'rv.head_birth_year': 'Năm sinh',
			'rv.head_ethnicity': 'Dân tộc',
			'rv.id_number': 'Số định danh cá nhân (12 chữ số)',
			'rv.merit': 'Hộ có người có công với cách mạng',
			'rv.no_labour': 'Hộ không có khả năng lao động',
			'rv.social_protection': 'Hộ có đối tượng bảo trợ xã hội',
			'rv.causes': 'Nguyên nhân nghèo',
			'rv.support_needs': 'Nhu cầu hỗ trợ',
			'rv.save': 'Lưu phiếu',
			'rv.saving': 'Đang lưu…',
			'rv.cancel': 'Quay lại hộ',
			'rv.saved': 'Đã lưu. Kết quả phân loại: {cls}',
			'rv.result': 'Kết quả phân loại',
			'rv.result_depr': 'Số chỉ số thiếu hụt: {n}',
			'rv.result_transition': 'Biến động: {t}',
			'rv.invalid': 'Phiếu còn lỗi, vui lòng sửa các ô được đánh dấu.',
			'rv.locked': 'Danh sách năm này đã khóa, không sửa được.',
			'rv.depr_count': 'Đã chọn {n} chỉ số thiếu hụt',
			'rv.new': 'Phiếu mới',
			'rv.new_from': 'Phiếu mới, điền sẵn từ phiếu năm {year}: kiểm tra và sửa trước khi lưu.',

			'val.required': 'Bắt buộc nhập.',
			'val.int': 'Phải là số nguyên.',
			'val.number': 'Phải là số.',
			'val.min': 'Phải lớn hơn hoặc bằng {min}.',
			'val.range': 'Phải từ {min} đến {max}.',
			'val.money': 'Số tiền chỉ gồm chữ số, có thể có dấu chấm ngăn cách hàng nghìn.',
			'val.income_or_score': 'Nhập thu nhập hoặc điểm phần B1.',
			'val.id12': 'Số định danh phải gồm đúng 12 chữ số.',
			'val.score_b': 'Điểm B phải bằng 10 × số chỉ số thiếu hụt ({n}).',

			'imp.title': 'Nhập dữ liệu từ tệp',
			'imp.kind': 'Loại dữ liệu',
			'imp.kind.households': 'Hộ gia đình và kết quả rà soát (households)',
			'imp.kind.population': 'Tổng số hộ, nhân khẩu (population)',
			'imp.kind.units': 'Đơn vị hành chính (units)',
			'imp.kind.lineage': 'Sáp nhập, chia tách đơn vị (lineage)',
			'imp.file': 'Tệp CSV hoặc XLSX',
			'imp.upload': 'Tải lên và kiểm tra',
			'imp.uploading': 'Đang tải lên… {pct}',
			'imp.checking': 'Đang kiểm tra tệp…',
			'imp.choose': 'Vui lòng chọn tệp.',
			'imp.bad_type': 'Chỉ nhận tệp .csv hoặc .xlsx.',
			'imp.summary': 'Tệp {file}: {rows} dòng, {errors} lỗi.',
			'imp.errors': 'Danh sách lỗi',
			'imp.line': 'Dòng',
			'imp.column': 'Cột',
			'imp.message': 'Lỗi',
			'imp.whole_file': 'Cả tệp',
			'imp.warnings': 'Lưu ý:',
			'imp.truncated': 'Chỉ hiện {shown} lỗi đầu tiên trong tổng số {total} lỗi.',
			'imp.fix': 'Tệp có lỗi nên chưa được ghi. Sửa các lỗi trên rồi tải lên lại.',
			'imp.preview': 'Xem trước (20 dòng đầu)',
			'imp.commit': 'Ghi dữ liệu',
			'imp.committing': 'Đang ghi…',
			'imp.written': 'Đã ghi {n} dòng vào cơ sở dữ liệu.',
			'imp.ready': 'Tệp hợp lệ. Bấm "Ghi dữ liệu" để lưu vào cơ sở dữ liệu.',
			'imp.hint': 'Tệp phải theo mẫu của gnbv (cột có tên ở dòng đầu). Tệp được kiểm tra toàn bộ trước; chưa có gì được ghi cho đến khi bấm "Ghi dữ liệu".',

			'nav.rounds': 'Rà soát',

			'rd.title': 'Rà soát hộ nghèo, hộ cận nghèo',
			'rd.tab_rounds': 'Đợt rà soát',
			'rd.tab_apps': 'Đơn đề nghị (Mẫu 01, 04)',
			'rd.intro': 'Rà soát định kỳ hằng năm (từ 01/9 đến 14/12) và rà soát thường xuyên hằng tháng theo đơn của hộ gia đình.',
			'rd.open_title': 'Mở đợt rà soát',
			'rd.open_unit': 'Đơn vị',
			'rd.open_year': 'Năm rà soát',
			'rd.open_kind': 'Loại rà soát',
			'rd.open_month': 'Tháng',
			'rd.open_submit': 'Mở đợt rà soát',
			'rd.open_busy': 'Đang mở…',
			'rd.open_exists': 'Đợt rà soát này đã được mở.',
			'rd.open_exists_link': 'Xem đợt rà soát đã mở',
			'rd.kind.periodic': 'Định kỳ hằng năm',
			'rd.kind.regular': 'Thường xuyên hằng tháng',
			'rd.kind_any': 'Mọi loại',
			'rd.year_any': 'Mọi năm',
			'rd.filter_year': 'Năm',
			'rd.filter_kind': 'Loại',
			'rd.none': 'Chưa có đợt rà soát nào.',
			'rd.col_unit': 'Đơn vị',
			'rd.col_year': 'Năm',
			'rd.col_kind': 'Loại',
			'rd.col_state': 'Bước hiện tại',
			'rd.col_meeting': 'Họp dân',
			'rd.col_posting': 'Niêm yết',
			'rd.col_decision': 'Quyết định công nhận',
			'rd.open_link': 'Xem',
			'rd.month_of': 'tháng {month}/{year}',
			'rd.back': 'Các đợt rà soát',
			'rd.page_periodic': 'Rà soát định kỳ năm {year} - {unit}',
			'rd.page_regular': 'Rà soát thường xuyên tháng {month}/{year} - {unit}',
			'rd.steps': 'Các bước rà soát',
			'rd.step.list': 'Lập danh sách',
			'rd.step.survey': 'Khảo sát',
			'rd.step.meeting': 'Họp dân',
			'rd.step.posting': 'Niêm yết',
			'rd.step.approve': 'Phê duyệt',
			'rd.step.certified': 'Đã cấp giấy chứng nhận/khoá',
			'rd.step.open': 'Tiếp nhận, rà soát đơn',
			'rd.step.approved': 'Đã công nhận',
			'rd.step_done': 'đã xong',
			'rd.step_current': 'đang thực hiện',
			'rd.step_todo': 'chưa đến',
			'rd.info': 'Thông tin đợt rà soát',
			'rd.f_unit': 'Đơn vị',
			'rd.f_kind': 'Loại rà soát',
			'rd.f_state': 'Bước hiện tại',
			'rd.f_window': 'Thời gian rà soát định kỳ',
			'rd.f_review_from': 'Rà soát đơn từ ngày',
			'rd.f_meeting': 'Họp dân',
			'rd.f_meeting_none': 'Chưa họp',
			'rd.f_meeting_value': 'ngày {date}: {votes}/{attendees} người đồng ý ({pct})',
			'rd.f_meeting_passed': 'đạt',
			'rd.f_meeting_failed': 'không đạt',
			'rd.f_meeting_rule': 'Thông qua khi có ít nhất {pct} người dự họp đồng ý.',
			'rd.f_posting': 'Niêm yết công khai',
			'rd.f_posting_none': 'Chưa niêm yết',
			'rd.f_posting_value': 'từ {start} đến hết {end}',
			'rd.f_posting_count': 'lần niêm yết thứ {n}',
			'rd.f_posting_rule': '{n} ngày làm việc, không kể thứ Bảy, Chủ nhật và ngày lễ, Tết.',
			'rd.f_approve_from': 'Phê duyệt được từ ngày',
			'rd.f_decision': 'Quyết định công nhận',
			'rd.f_decision_value': 'số {no} ngày {date}',
			'rd.f_decision_none': 'Chưa có',
			'rd.f_certified': 'Giấy chứng nhận',
			'rd.f_certified_yes': 'Đã được cấp; danh sách năm đã khoá',
			'rd.f_certified_no': 'Chưa cấp',
			'rd.f_reviews': 'Phiếu rà soát của năm',
			'rd.f_reviews_value': 'đã nhập {entered}, đã khoá {locked}',
			'rd.f_previous': 'Danh sách năm trước',
			'rd.f_previous_value': '{poor} hộ nghèo, {near} hộ cận nghèo',
			'rd.calendar_warn': 'Chưa có lịch ngày nghỉ lễ của năm này: hạn được tính chỉ trừ thứ Bảy, Chủ nhật.',
			'rd.actions': 'Thao tác',
			'rd.actions_none_read': 'Bạn chỉ được xem đợt rà soát này.',
			'rd.actions_none_done': 'Đợt rà soát đã hoàn thành.',
			'rd.actions_none_role': 'Vai trò của bạn không có thao tác nào ở bước này.',
			'rd.blocked': 'Chưa thực hiện được: {msg}',
			'rd.submit': 'Ghi lại',
			'rd.busy': 'Đang ghi…',
			'rd.done': 'Đã ghi: {action}. Bước hiện tại: {state}.',
			'rd.done_meeting_failed': 'Họp dân không đạt ({votes}/{attendees} người đồng ý, dưới {pct}): đợt rà soát quay lại bước khảo sát.',
			'rd.done_meeting_passed': 'Họp dân đạt ({votes}/{attendees} người đồng ý).',
			'rd.done_posting': 'Đã niêm yết từ {start}; hết hạn niêm yết ngày {end}.',
			'rd.err_invalid': 'Còn lỗi, vui lòng sửa các ô được đánh dấu.',
			'rd.err_state': 'Đợt rà soát đã chuyển sang bước "{state}": thao tác này không còn thực hiện được. Trang đã được tải lại.',
			'rd.err_forbidden': 'Vai trò của bạn không được thực hiện thao tác này.',
			'rd.meeting_preview': '{votes}/{attendees} người đồng ý ({pct}): {result}',
			'rd.pick': '- Chọn -',
			'rd.complaint_option': '#{id} {what} ({date})',
			'rd.application_option': 'Đơn #{id}: hộ {household}, mẫu {form} ({date})',
			'rd.note': 'Ghi chú',
			'rd.date_hint': 'Ngày/tháng/năm, ví dụ 14/11/2025',
			'rd.recheck_date': 'Ngày phúc tra',
			'rd.tallies': 'Kết quả công nhận',
			'rd.tallies_reviews': 'Số hộ được công nhận: {n}',
			'rd.tallies_classes': 'Phân loại',
			'rd.tallies_transitions': 'Biến động so với năm trước',
			'rd.tallies_n': 'Số hộ',
			'rd.complaints': 'Khiếu nại, phúc tra',
			'rd.complaints_none': 'Không có khiếu nại.',
			'rd.c_id': 'Số',
			'rd.c_household': 'Hộ',
			'rd.c_received': 'Ngày nhận',
			'rd.c_text': 'Nội dung',
			'rd.c_status': 'Tình trạng',
			'rd.c_due': 'Hạn phúc tra',
			'rd.c_result': 'Kết quả phúc tra',
			'rd.cstatus.open': 'Chờ phúc tra',
			'rd.cstatus.rechecked': 'Đã phúc tra, chờ niêm yết lại',
			'rd.cstatus.resolved': 'Đã giải quyết',
			'rd.applications': 'Đơn của hộ gia đình',
			'rd.events': 'Diễn biến',
			'rd.events_none': 'Chưa có diễn biến nào.',
			'rd.e_when': 'Thời gian',
			'rd.e_who': 'Người thực hiện',
			'rd.e_action': 'Việc',
			'rd.e_states': 'Bước',
			'rd.e_note': 'Ghi chú',
			'rd.ev.open': 'Mở đợt rà soát',
			'rd.ev.start_survey': 'Bắt đầu khảo sát',
			'rd.ev.record_meeting': 'Họp dân',
			'rd.ev.start_posting': 'Niêm yết công khai',
			'rd.ev.add_complaint': 'Nhận khiếu nại',
			'rd.ev.recheck_complaint': 'Phúc tra',
			'rd.ev.survey_application': 'Rà soát đơn',
			'rd.ev.approve': 'Phê duyệt',
			'rd.state.list': 'Lập danh sách',
			'rd.state.survey': 'Điều tra, chấm điểm',
			'rd.state.meeting': 'Đã họp dân, chờ niêm yết',
			'rd.state.posting': 'Niêm yết công khai',
			'rd.state.recheck': 'Phúc tra khiếu nại',
			'rd.state.open': 'Tiếp nhận, rà soát đơn',
			'rd.state.approved': 'Đã công nhận',

			'ap.title': 'Đơn đề nghị của hộ gia đình',
			'ap.intro': 'Đơn nhận đến hết ngày 15 được rà soát trong tháng; đơn nhận sau ngày 15 được rà soát vào tháng sau.',
			'ap.new': 'Ghi nhận đơn',
			'ap.household': 'Mã hộ',
			'ap.household_hint': 'Mã hộ trong danh sách hộ gia đình của xã.',
			'ap.form': 'Mẫu đơn',
			'ap.form.01': 'Mẫu 01: đề nghị xét duyệt hộ nghèo, hộ cận nghèo',
			'ap.form.04': 'Mẫu 04: đề nghị ra khỏi danh sách hộ nghèo, hộ cận nghèo',
			'ap.form_short.01': 'Mẫu 01 (vào danh sách)',
			'ap.form_short.04': 'Mẫu 04 (ra khỏi danh sách)',
			'ap.date': 'Ngày nhận đơn',
			'ap.date_hint': 'Để trống: hôm nay. Ví dụ 10/03/2025.',
			'ap.note': 'Ghi chú',
			'ap.submit': 'Ghi nhận đơn',
			'ap.busy': 'Đang ghi…',
			'ap.saved': 'Đã ghi nhận đơn số {id} của hộ {household}.',
			'ap.saved_round': 'Xem đợt rà soát thường xuyên của đơn',
			'ap.list': 'Danh sách đơn',
			'ap.none': 'Chưa có đơn nào.',
			'ap.total': '{n} đơn',
			'ap.status_any': 'Mọi tình trạng',
			'ap.filter_status': 'Tình trạng',
			'ap.c_id': 'Số',
			'ap.c_household': 'Hộ',
			'ap.c_unit': 'Đơn vị',
			'ap.c_form': 'Mẫu',
			'ap.c_date': 'Ngày nhận',
			'ap.c_status': 'Tình trạng',
			'ap.c_round': 'Đợt rà soát',
			'ap.c_review': 'Phiếu rà soát',
			'ap.review_entered': 'Đã nhập',
			'ap.review_missing': 'Chưa nhập',
			'ap.status.registered': 'Đã tiếp nhận',
			'ap.status.surveyed': 'Đã rà soát',
			'ap.status.approved': 'Đã công nhận',
			'ap.from_household': 'Ghi nhận đơn đề nghị (Mẫu 01, 04)',

			'rv.locked_readonly': 'Danh sách năm {year} đã được phê duyệt và khoá: phiếu chỉ để xem, không sửa được.',
			'rv.approved_note': 'Phiếu đã được phê duyệt trong đợt rà soát thường xuyên.',

			'val.date': 'Ngày phải viết dạng ngày/tháng/năm, ví dụ 14/11/2025.',
			'val.votes_le_attendees': 'Không được lớn hơn số người dự họp.',
			'val.date_from': 'Không được trước ngày {date}.',
			'val.date_after': 'Phải sau ngày {date}.',
			'val.date_within': 'Phải trong thời gian niêm yết, từ {from} đến {to}.',

			'pub.title': 'Công khai số liệu hộ nghèo, hộ cận nghèo',
			'pub.intro': 'Số liệu tổng hợp theo đơn vị hành chính, không có thông tin cá nhân.',
			'pub.source': 'Nguồn: kết quả rà soát hộ nghèo, hộ cận nghèo hằng năm.'
		},

		en: {
			'app.title': 'GNBV - Sustainable Poverty Reduction',
			'app.short': 'GNBV',
			'app.loading': 'Loading…',
			'app.error': 'Something went wrong',
			'app.offline': 'Cannot reach the server.',
			'app.notfound': 'Page not found.',
			'app.forbidden': 'You are not allowed to see this.',
			'app.aggregates_only': 'Your account may see aggregate figures only.',
			'app.nodata': 'No data',
			'app.retry': 'Retry',
			'app.back': 'Back',
			'app.yes': 'Yes',
			'app.no': 'No',
			'app.dash': '—',

			'lang.switch': 'Tiếng Việt',
			'lang.switch_title': 'Chuyển sang tiếng Việt',

			'nav.dashboard': 'Dashboard',
			'nav.households': 'Households',
			'nav.import': 'Import',
			'nav.logout': 'Log out',
			'nav.public': 'Public figures',
			'nav.app': 'Sign in',
			'nav.menu': 'Menu',
			'nav.skip': 'Skip to the content',

			'login.title': 'Sign in',
			'login.intro': 'Monitoring and evaluation of the National Target Program on Sustainable Poverty Reduction.',
			'login.username': 'Username',
			'login.password': 'Password',
			'login.submit': 'Sign in',
			'login.busy': 'Signing in…',
			'login.bad': 'Wrong username or password.',
			'login.required': 'Please enter your username and password.',
			'login.throttled': 'Too many failed sign-ins. Please try again in {wait}.',
			'login.expired': 'Your session has ended. Please sign in again.',
			'login.public_link': 'See the public figures (no sign-in needed)',

			'time.seconds': '{n} seconds',
			'time.minutes': '{n} minutes',
			'time.min_sec': '{m} min {s} s',

			'who.role': 'Role',

			'role.collaborator': 'Collaborator',
			'role.commune_officer': 'Commune officer',
			'role.commune_chair': 'Commune chair',
			'role.district_officer': 'District officer',
			'role.province_officer': 'Province officer',
			'role.ministry': 'Ministry',
			'role.supervisor': 'Supervisor',
			'role.admin': 'Administrator',

			'level.country': 'Country',
			'level.province': 'Province',
			'level.district': 'District',
			'level.commune': 'Commune',
			'level.village': 'Village',

			'dash.title': 'Poverty dashboard',
			'dash.year': 'Year',
			'dash.map': 'Administrative map',
			'dash.map_asof': 'Map of {date}',
			'dash.updated': 'Updated at {time}',
			'dash.live': 'Figures refresh automatically',
			'dash.breadcrumb': 'Location',
			'dash.children': 'Units below',
			'dash.children_hint': 'Click a row to see the units below it.',
			'dash.no_children': 'This unit has no units below it.',
			'dash.unit': 'Unit',
			'dash.total': 'Total',
			'dash.households': 'Households',
			'dash.persons': 'Persons',
			'dash.reviewed': 'Reviewed',
			'dash.poor': 'Poor',
			'dash.near_poor': 'Near-poor',
			'dash.poor_rate': 'Poverty rate',
			'dash.near_poor_rate': 'Near-poverty rate',
			'dash.new_poor': 'New poor',
			'dash.re_poor': 'Re-poor',
			'dash.escaped_poor': 'Escaped poverty',
			'dash.escaped_near': 'Escaped near-poverty',
			'dash.poor_start': 'Poor at start of year',
			'dash.poor_end': 'Poor at end of year',
			'dash.movements': 'Movements',
			'dash.chart_rates': 'Poverty rate by unit (%)',
			'dash.chart_trend': 'Trend over the years (%)',
			'dash.chart_profile': 'Deprivations in basic social services (households)',
			'dash.profile_standard': 'Poverty standard {std}',
			'dash.af': 'Multidimensional poverty (Alkire-Foster)',
			'rep.title': 'Reports',
			'rep.hint': 'Summary tables of the review for the unit, year and map shown.',
			'rep.report': 'Report',
			'rep.format': 'Format',
			'rep.xlsx': 'Excel (XLSX)',
			'rep.pdf': 'PDF',
			'rep.csv': 'CSV',
			'rep.download': 'Download',
			'rep.none': 'No reports yet.',
			'dash.af_n': 'Households (n)',
			'dash.af_q': 'MPI-poor (q)',
			'dash.af_H': 'Headcount (H, %)',
			'dash.af_A': 'Intensity (A, %)',
			'dash.af_M0': 'M0',
			'dash.af_contrib': 'Contribution of each indicator to M0 (%)',
			'dash.af_measures': 'Headcount H = {H}, intensity A = {A}, M0 = {M0} (cutoff k = {k}).',
			'dash.drill': 'Open {name}',

			'mv.title': 'Movements in {year}',
			'mv.start': 'Start of {year}',
			'mv.end': 'End of {year}',
			'mv.new': 'New',
			'mv.re': 'Again (re-poor, re-near-poor)',
			'mv.from_other': 'Moved in from the other list',
			'mv.escaped': 'Escaped',
			'mv.to_other': 'Moved to the poor list',

			'series.poor': 'Poor',
			'series.near_poor': 'Near-poor',
			'series.poor_rate': 'Poverty rate',
			'series.near_poor_rate': 'Near-poverty rate',

			'class.POOR': 'Poor',
			'class.NEAR_POOR': 'Near-poor',
			'class.AVERAGE': 'Average living standard',
			'class.NOT_POOR': 'Not poor',
			'class.any': 'Any class',

			'transition.remain_poor': 'Still poor',
			'transition.poor_to_near': 'Poor to near-poor',
			'transition.escaped_poor': 'Escaped poverty',
			'transition.near_to_poor': 'Near-poor to poor',
			'transition.remain_near': 'Still near-poor',
			'transition.escaped_near': 'Escaped near-poverty',
			'transition.re_poor': 'Re-poor',
			'transition.new_poor': 'Newly poor',
			'transition.re_near': 'Re-near-poor',
			'transition.new_near': 'Newly near-poor',
			'transition.none': 'No change',

			'ind.d_employment': 'Employment',
			'ind.d_dependents': 'Dependents in the household',
			'ind.d_nutrition': 'Nutrition',
			'ind.d_health_insurance': 'Health insurance',
			'ind.d_adult_education': 'Adult education',
			'ind.d_child_schooling': 'Children\'s schooling',
			'ind.d_housing_quality': 'Housing quality',
			'ind.d_housing_area': 'Floor area per person',
			'ind.d_water': 'Domestic water',
			'ind.d_sanitation': 'Hygienic latrine',
			'ind.d_telecom': 'Telecom services',
			'ind.d_info_access': 'Means of access to information',
			'ind.d_waste': 'Household waste handling',
			'ind.d_digital': 'Digital services, internet',

			'cause.land': 'Lack of land',
			'cause.capital': 'Lack of capital',
			'cause.labour': 'Lack of labour',
			'cause.tools': 'Lack of tools',
			'cause.knowhow': 'Lack of know-how',
			'cause.skills': 'Lack of skills',
			'cause.illness': 'Illness, accident',
			'cause.other': 'Other',

			'hh.title': 'Households',
			'hh.search': 'Search by head\'s name or household id',
			'hh.search_hint': 'Diacritics are optional: "duc" finds "Đức".',
			'hh.year': 'Review year',
			'hh.any_year': 'Any year',
			'hh.class': 'Class',
			'hh.total': '{n} households found',
			'hh.none': 'No household found.',
			'hh.id': 'Household id',
			'hh.head': 'Head of household',
			'hh.unit': 'Unit',
			'hh.village': 'Village',
			'hh.address': 'Address',
			'hh.prev': '‹ Previous',
			'hh.next': 'Next ›',
			'hh.page': '{from} to {to} of {total}',
			'hh.open': 'Open household {name}',

			'hd.title': 'Household {name}',
			'hd.info': 'General information',
			'hd.members': 'Members',
			'hd.member_name': 'Full name',
			'hd.member_sex': 'Sex',
			'hd.member_birth': 'Birth year',
			'hd.member_relation': 'Relation to head',
			'hd.member_ethnicity': 'Ethnicity',
			'hd.member_id': 'Citizen id',
			'hd.member_insurance': 'Health insurance',
			'hd.member_schooling': 'Schooling',
			'hd.member_labour': 'Work',
			'hd.no_members': 'No member recorded.',
			'hd.reviews': 'Reviews by year',
			'hd.no_reviews': 'No review recorded.',
			'hd.year': 'Year',
			'hd.class': 'Class',
			'hd.deprivations': 'Deprivations',
			'hd.deprivations_n': '{n} indicators',
			'hd.transition': 'Transition',
			'hd.status': 'Status',
			'hd.edit': 'Edit',
			'hd.new_review': 'Review year',
			'hd.new_review_btn': 'Enter / edit review',
			'hd.history': 'History of changes',
			'hd.no_history': 'No change recorded.',
			'hd.when': 'When',
			'hd.who': 'Who',
			'hd.system': 'System (file import)',
			'hd.record': 'Record',
			'hd.field': 'Field',
			'hd.change': 'Old → new',
			'hd.updated_at': 'Updated',

			'status.draft': 'Draft',
			'status.approved': 'Approved',
			'status.locked': 'Locked',

			'sex.M': 'Male',
			'sex.F': 'Female',

			'rv.title': 'Review {year} - household {id}',
			'rv.part_general': 'General',
			'rv.part_income': 'Income (form B1)',
			'rv.part_depr': 'Deprivations in basic social services (form B2)',
			'rv.part_head': 'Head of household',
			'rv.part_groups': 'Groups, causes of poverty, needs',
			'rv.members': 'Members',
			'rv.village': 'Village',
			'rv.income': 'Income per person per month (VND)',
			'rv.income_hint': 'For example 1,500,000. Enter the income or the B1 score.',
			'rv.score_a': 'Part B1 score (score A)',
			'rv.score_b': 'Part B2 score (score B)',
			'rv.score_b_hint': 'Optional; when given it must equal 10 × the deprivations.',
			'rv.area': 'Area',
			'rv.area_default': 'From the unit',
			'rv.area_urban': 'Urban',
			'rv.area_rural': 'Rural',
			'rv.head_name': 'Head\'s full name',
			'rv.head_sex': 'Sex',
			'rv.head_sex_none': 'Unknown',
			'rv.head_birth_year': 'Birth year',
			'rv.head_ethnicity': 'Ethnicity',
			'rv.id_number': 'Citizen id (12 digits)',
			'rv.merit': 'Person-of-merit household',
			'rv.no_labour': 'No labour capacity',
			'rv.social_protection': 'Social protection beneficiary',
			'rv.causes': 'Causes of poverty',
			'rv.support_needs': 'Support needs',
			'rv.save': 'Save review',
			'rv.saving': 'Saving…',
			'rv.cancel': 'Back to the household',
			'rv.saved': 'Saved. Class: {cls}',
			'rv.result': 'Classification',
			'rv.result_depr': 'Deprivations: {n}',
			'rv.result_transition': 'Transition: {t}',
			'rv.invalid': 'The form has errors; please correct the marked fields.',
			'rv.locked': 'This year\'s list is locked and cannot be changed.',
			'rv.depr_count': '{n} deprivations selected',
			'rv.new': 'New review',
			'rv.new_from': 'New review, prefilled from the {year} review: check and correct it before saving.',

			'val.required': 'Required.',
			'val.int': 'Must be a whole number.',
			'val.number': 'Must be a number.',
			'val.min': 'Must be at least {min}.',
			'val.range': 'Must be between {min} and {max}.',
			'val.money': 'Digits only, optionally with thousands separators.',
			'val.income_or_score': 'Enter the income or the B1 score.',
			'val.id12': 'The citizen id must have exactly 12 digits.',
			'val.score_b': 'Score B must equal 10 × the deprivations ({n}).',

			'imp.title': 'Import from a file',
			'imp.kind': 'Kind of data',
			'imp.kind.households': 'Households and reviews (households)',
			'imp.kind.population': 'Resident households and persons (population)',
			'imp.kind.units': 'Administrative units (units)',
			'imp.kind.lineage': 'Merges and splits (lineage)',
			'imp.file': 'CSV or XLSX file',
			'imp.upload': 'Upload and check',
			'imp.uploading': 'Uploading… {pct}',
			'imp.checking': 'Checking the file…',
			'imp.choose': 'Please choose a file.',
			'imp.bad_type': 'Only .csv and .xlsx files are accepted.',
			'imp.summary': 'File {file}: {rows} rows, {errors} errors.',
			'imp.errors': 'Errors',
			'imp.line': 'Line',
			'imp.column': 'Column',
			'imp.message': 'Error',
			'imp.whole_file': 'Whole file',
			'imp.warnings': 'Notes:',
			'imp.truncated': 'Only the first {shown} of {total} errors are listed.',
			'imp.fix': 'The file has errors and nothing was written. Correct them and upload again.',
			'imp.preview': 'Preview (first 20 rows)',
			'imp.commit': 'Write the data',
			'imp.committing': 'Writing…',
			'imp.written': '{n} rows written to the database.',
			'imp.ready': 'The file is valid. Press "Write the data" to store it.',
			'imp.hint': 'The file must follow the gnbv layout (column names in the first row). It is checked as a whole first; nothing is written until you press "Write the data".',

			'nav.rounds': 'Reviews',

			'rd.title': 'Review of poor and near-poor households',
			'rd.tab_rounds': 'Review rounds',
			'rd.tab_apps': 'Applications (Forms 01, 04)',
			'rd.intro': 'The yearly periodic review (1 September to 14 December) and the monthly regular review of households\' applications.',
			'rd.open_title': 'Open a review round',
			'rd.open_unit': 'Unit',
			'rd.open_year': 'Year',
			'rd.open_kind': 'Kind of review',
			'rd.open_month': 'Month',
			'rd.open_submit': 'Open the round',
			'rd.open_busy': 'Opening…',
			'rd.open_exists': 'This round is open already.',
			'rd.open_exists_link': 'Open the existing round',
			'rd.kind.periodic': 'Periodic (yearly)',
			'rd.kind.regular': 'Regular (monthly)',
			'rd.kind_any': 'Any kind',
			'rd.year_any': 'Any year',
			'rd.filter_year': 'Year',
			'rd.filter_kind': 'Kind',
			'rd.none': 'No review round yet.',
			'rd.col_unit': 'Unit',
			'rd.col_year': 'Year',
			'rd.col_kind': 'Kind',
			'rd.col_state': 'Current step',
			'rd.col_meeting': 'Village meeting',
			'rd.col_posting': 'Public posting',
			'rd.col_decision': 'Decision',
			'rd.open_link': 'Open',
			'rd.month_of': '{month}/{year}',
			'rd.back': 'Review rounds',
			'rd.page_periodic': 'Periodic review {year} - {unit}',
			'rd.page_regular': 'Regular review {month}/{year} - {unit}',
			'rd.steps': 'Steps of the review',
			'rd.step.list': 'List',
			'rd.step.survey': 'Survey',
			'rd.step.meeting': 'Village meeting',
			'rd.step.posting': 'Public posting',
			'rd.step.approve': 'Approval',
			'rd.step.certified': 'Certificates issued, lists locked',
			'rd.step.open': 'Receiving and surveying applications',
			'rd.step.approved': 'Approved',
			'rd.step_done': 'done',
			'rd.step_current': 'in progress',
			'rd.step_todo': 'to come',
			'rd.info': 'The round',
			'rd.f_unit': 'Unit',
			'rd.f_kind': 'Kind of review',
			'rd.f_state': 'Current step',
			'rd.f_window': 'Periodic review period',
			'rd.f_review_from': 'Applications reviewed from',
			'rd.f_meeting': 'Village meeting',
			'rd.f_meeting_none': 'Not held yet',
			'rd.f_meeting_value': '{date}: {votes} of {attendees} in favour ({pct})',
			'rd.f_meeting_passed': 'passed',
			'rd.f_meeting_failed': 'not passed',
			'rd.f_meeting_rule': 'Passes when at least {pct} of the attendees agree.',
			'rd.f_posting': 'Public posting',
			'rd.f_posting_none': 'Not posted yet',
			'rd.f_posting_value': 'from {start} to the end of {end}',
			'rd.f_posting_count': 'posting no. {n}',
			'rd.f_posting_rule': '{n} working days, weekends and public holidays excluded.',
			'rd.f_approve_from': 'May be approved from',
			'rd.f_decision': 'Decision',
			'rd.f_decision_value': 'no. {no} of {date}',
			'rd.f_decision_none': 'None yet',
			'rd.f_certified': 'Certificates',
			'rd.f_certified_yes': 'Issued; the year\'s lists are locked',
			'rd.f_certified_no': 'Not issued',
			'rd.f_reviews': 'Reviews of the year',
			'rd.f_reviews_value': '{entered} entered, {locked} locked',
			'rd.f_previous': 'Last year\'s lists',
			'rd.f_previous_value': '{poor} poor, {near} near-poor households',
			'rd.calendar_warn': 'No holiday calendar for this year: deadlines skip weekends only.',
			'rd.actions': 'Actions',
			'rd.actions_none_read': 'You may only read this round.',
			'rd.actions_none_done': 'The round is finished.',
			'rd.actions_none_role': 'Your role has nothing to do at this step.',
			'rd.blocked': 'Not possible yet: {msg}',
			'rd.submit': 'Record',
			'rd.busy': 'Recording…',
			'rd.done': 'Recorded: {action}. Current step: {state}.',
			'rd.done_meeting_failed': 'The meeting did not pass ({votes} of {attendees} in favour, under {pct}): the round is back at the survey.',
			'rd.done_meeting_passed': 'The meeting passed ({votes} of {attendees} in favour).',
			'rd.done_posting': 'Posted from {start}; the posting ends on {end}.',
			'rd.err_invalid': 'Please correct the marked fields.',
			'rd.err_state': 'The round has moved on to "{state}": this action is no longer possible. The page was reloaded.',
			'rd.err_forbidden': 'Your role may not take this action.',
			'rd.meeting_preview': '{votes} of {attendees} in favour ({pct}): {result}',
			'rd.pick': '- Choose -',
			'rd.complaint_option': '#{id} {what} ({date})',
			'rd.application_option': 'Application #{id}: household {household}, form {form} ({date})',
			'rd.note': 'Note',
			'rd.date_hint': 'Day/month/year, e.g. 14/11/2025',
			'rd.recheck_date': 'Re-checked on',
			'rd.tallies': 'Approved results',
			'rd.tallies_reviews': 'Households approved: {n}',
			'rd.tallies_classes': 'Classes',
			'rd.tallies_transitions': 'Changes since last year',
			'rd.tallies_n': 'Households',
			'rd.complaints': 'Complaints and re-checks',
			'rd.complaints_none': 'No complaint.',
			'rd.c_id': 'No.',
			'rd.c_household': 'Household',
			'rd.c_received': 'Received',
			'rd.c_text': 'Complaint',
			'rd.c_status': 'Status',
			'rd.c_due': 'Re-check due',
			'rd.c_result': 'Re-check result',
			'rd.cstatus.open': 'Awaiting re-check',
			'rd.cstatus.rechecked': 'Re-checked, to be posted again',
			'rd.cstatus.resolved': 'Resolved',
			'rd.applications': 'Households\' applications',
			'rd.events': 'History',
			'rd.events_none': 'Nothing recorded yet.',
			'rd.e_when': 'When',
			'rd.e_who': 'Who',
			'rd.e_action': 'Action',
			'rd.e_states': 'Step',
			'rd.e_note': 'Note',
			'rd.ev.open': 'Round opened',
			'rd.ev.start_survey': 'Survey started',
			'rd.ev.record_meeting': 'Village meeting',
			'rd.ev.start_posting': 'Public posting',
			'rd.ev.add_complaint': 'Complaint received',
			'rd.ev.recheck_complaint': 'Re-check',
			'rd.ev.survey_application': 'Application surveyed',
			'rd.ev.approve': 'Approval',
			'rd.state.list': 'Listing households',
			'rd.state.survey': 'Survey and scoring',
			'rd.state.meeting': 'Meeting passed, to be posted',
			'rd.state.posting': 'Public posting',
			'rd.state.recheck': 'Re-checking complaints',
			'rd.state.open': 'Receiving applications',
			'rd.state.approved': 'Approved',

			'ap.title': 'Households\' applications',
			'ap.intro': 'Applications received up to the 15th are reviewed that month; later ones the next month.',
			'ap.new': 'Register an application',
			'ap.household': 'Household id',
			'ap.household_hint': 'The id of a household of the commune.',
			'ap.form': 'Form',
			'ap.form.01': 'Form 01: to be recognised as poor or near-poor',
			'ap.form.04': 'Form 04: to leave the poor or near-poor lists',
			'ap.form_short.01': 'Form 01 (enter)',
			'ap.form_short.04': 'Form 04 (exit)',
			'ap.date': 'Received on',
			'ap.date_hint': 'Empty: today. E.g. 10/03/2025.',
			'ap.note': 'Note',
			'ap.submit': 'Register',
			'ap.busy': 'Registering…',
			'ap.saved': 'Application no. {id} of household {household} registered.',
			'ap.saved_round': 'Open its regular review round',
			'ap.list': 'Applications',
			'ap.none': 'No application.',
			'ap.total': '{n} applications',
			'ap.status_any': 'Any status',
			'ap.filter_status': 'Status',
			'ap.c_id': 'No.',
			'ap.c_household': 'Household',
			'ap.c_unit': 'Unit',
			'ap.c_form': 'Form',
			'ap.c_date': 'Received',
			'ap.c_status': 'Status',
			'ap.c_round': 'Round',
			'ap.c_review': 'Review',
			'ap.review_entered': 'Entered',
			'ap.review_missing': 'Not entered',
			'ap.status.registered': 'Registered',
			'ap.status.surveyed': 'Surveyed',
			'ap.status.approved': 'Approved',
			'ap.from_household': 'Register an application (Form 01, 04)',

			'rv.locked_readonly': 'The {year} lists are approved and locked: this review can be read, not changed.',
			'rv.approved_note': 'This review was approved in a regular review round.',

			'val.date': 'Write the date as day/month/year, e.g. 14/11/2025.',
			'val.votes_le_attendees': 'Cannot be more than the attendees.',
			'val.date_from': 'Cannot be before {date}.',
			'val.date_after': 'Must be after {date}.',
			'val.date_within': 'Must be within the posting, {from} to {to}.',

			'pub.title': 'Public figures on poor and near-poor households',
			'pub.intro': 'Aggregate figures by administrative unit; no personal data.',
			'pub.source': 'Source: the annual review of poor and near-poor households.'
		}
	};

	var STORAGE_KEY = 'gnbv_lang';
	var lang = 'vi';
	try {
		var saved = window.localStorage.getItem(STORAGE_KEY);
		if (saved === 'en' || saved === 'vi') {
			lang = saved;
		}
	} catch (e) {
		/* storage disabled: stay Vietnamese */
	}
	var listeners = [];

	/* t('key', {name: 'x'}) -> the string of the current language, with
	 * {name} replaced. A missing key falls back to Vietnamese, then to the
	 * key itself (so a gap is visible, never blank). */
	function t(key, params) {
		var s = DICT[lang][key];
		if (s === undefined) {
			s = DICT.vi[key];
		}
		if (s === undefined) {
			return key;
		}
		if (params) {
			s = s.replace(/\{(\w+)\}/g, function (m, name) {
				return Object.prototype.hasOwnProperty.call(params, name) ? String(params[name]) : m;
			});
		}
		return s;
	}

	/* Adds the strings of a page module: add({vi: {...}, en: {...}}). A key
	 * already defined keeps its first value (a clash is a bug: the console
	 * says so). */
	function add(dict) {
		Object.keys(dict).forEach(function (l) {
			if (!DICT[l]) {
				return;
			}
			Object.keys(dict[l]).forEach(function (k) {
				if (DICT[l][k] !== undefined) {
					console.warn('i18n: key defined twice: ' + k);
					return;
				}
				DICT[l][k] = dict[l][k];
			});
		});
	}

	function has(key) {
		return DICT[lang][key] !== undefined || DICT.vi[key] !== undefined;
	}

	function getLang() {
		return lang;
	}

	function setLang(l) {
		if (l !== 'vi' && l !== 'en') {
			return;
		}
		lang = l;
		try {
			window.localStorage.setItem(STORAGE_KEY, l);
		} catch (e) {
			/* ignore */
		}
		document.documentElement.lang = l;
		applyStatic(document);
		listeners.forEach(function (fn) {
			fn(l);
		});
	}

	function onChange(fn) {
		listeners.push(fn);
	}

	/* Fills every element carrying data-i18n (text), data-i18n-title,
	 * data-i18n-placeholder, data-i18n-aria-label under root. */
	function applyStatic(root) {
		var els = root.querySelectorAll('[data-i18n]');
		var i;
		for (i = 0; i < els.length; i++) {
			els[i].textContent = t(els[i].getAttribute('data-i18n'));
		}
		['title', 'placeholder', 'aria-label'].forEach(function (attr) {
			var list = root.querySelectorAll('[data-i18n-' + attr + ']');
			for (var j = 0; j < list.length; j++) {
				list[j].setAttribute(attr, t(list[j].getAttribute('data-i18n-' + attr)));
			}
		});
		if (root === document) {
			document.title = t('app.title');
		}
	}

	/* ---- numbers ---------------------------------------------------------- */

	function seps() {
		return lang === 'vi' ? { thousands: '.', decimal: ',' } : { thousands: ',', decimal: '.' };
	}

	function toNumber(x) {
		if (typeof x === 'number') {
			return x;
		}
		if (typeof x === 'string' && x.trim() !== '') {
			var n = Number(x);
			return isNaN(n) ? null : n;
		}
		return null;
	}

	/* fmtNum(2481000000) -> "2.481.000.000"; fmtNum(5.714, 2) -> "5,71" */
	function fmtNum(x, decimals) {
		var n = toNumber(x);
		if (n === null) {
			return t('app.dash');
		}
		var d = decimals || 0;
		var s = Math.abs(n).toFixed(d);
		var neg = n < 0 && Number(s) !== 0;
		var parts = s.split('.');
		var sp = seps();
		var intPart = parts[0].replace(/\B(?=(\d{3})+(?!\d))/g, sp.thousands);
		return (neg ? '-' : '') + intPart + (d > 0 ? sp.decimal + parts[1] : '');
	}

	/* fmtPct(5.714) -> "5,71 %" (vi) or "5.71%" (en) */
	function fmtPct(x, decimals) {
		var n = toNumber(x);
		if (n === null) {
			return t('app.dash');
		}
		return fmtNum(n, decimals === undefined ? 2 : decimals) + (lang === 'vi' ? ' %' : '%');
	}

	/* fmtMoney(2481000) -> "2.481.000 đồng" (vi) or "2,481,000 VND" (en) */
	function fmtMoney(x) {
		var n = toNumber(x);
		if (n === null) {
			return t('app.dash');
		}
		return fmtNum(n, 0) + (lang === 'vi' ? ' đồng' : ' VND');
	}

	/* Reads a number typed the local way: "1.500.000" or "1,500,000" ->
	 * 1500000; "5,71" (vi) -> 5.71. Returns null when not a number. */
	function parseNum(str) {
		if (str === null || str === undefined) {
			return null;
		}
		var s = String(str).trim().replace(/\s/g, '');
		if (s === '') {
			return null;
		}
		var sp = seps();
		if (/^-?\d{1,3}([.,]\d{3})+$/.test(s) && s.indexOf(sp.thousands) >= 0) {
			s = s.split(sp.thousands).join('');
		} else if (sp.decimal === ',') {
			s = s.replace(',', '.');
		} else {
			s = s.replace(/,/g, '');
		}
		if (!/^-?\d+(\.\d+)?$/.test(s)) {
			return null;
		}
		return Number(s);
	}

	/* Reads whole VND: "1.500.000", "1,500,000", "1 500 000" or "1500000" ->
	 * 1500000; null when it is not that. */
	function parseMoney(str) {
		var s = String(str === null || str === undefined ? '' : str).trim();
		if (/^\d+$/.test(s) || /^\d{1,3}([., \u00a0]\d{3})+$/.test(s)) {
			return Number(s.replace(/\D/g, ''));
		}
		return null;
	}

	/* ---- dates ------------------------------------------------------------- */

	function pad2(n) {
		return (n < 10 ? '0' : '') + n;
	}

	/* fmtDate('2024-05-20') -> "20/05/2024"; a Date or unix seconds too. */
	function fmtDate(x) {
		if (x === null || x === undefined || x === '') {
			return t('app.dash');
		}
		if (typeof x === 'string') {
			var m = /^(\d{4})-(\d{2})-(\d{2})/.exec(x);
			if (m && x.length === 10) {
				return m[3] + '/' + m[2] + '/' + m[1];
			}
		}
		var d = toDate(x);
		if (!d) {
			return String(x);
		}
		return pad2(d.getDate()) + '/' + pad2(d.getMonth() + 1) + '/' + d.getFullYear();
	}

	function toDate(x) {
		var d;
		if (x instanceof Date) {
			d = x;
		} else if (typeof x === 'number') {
			d = new Date(x < 1e11 ? x * 1000 : x); /* unix seconds or ms */
		} else if (typeof x === 'string' && /^\d+$/.test(x)) {
			d = toDate(Number(x));
		} else {
			d = new Date(String(x).replace(' ', 'T'));
		}
		return d && !isNaN(d.getTime()) ? d : null;
	}

	/* Reads a date typed the Vietnamese way, "14/11/2025" (or "14-11-2025",
	 * "14.11.2025"), or as "2025-11-14": the ISO date "2025-11-14", or null
	 * when it is not a day of the calendar. */
	function parseDate(str) {
		var s = String(str === null || str === undefined ? '' : str).trim();
		var y;
		var m;
		var d;
		var r = /^(\d{1,2})[/.-](\d{1,2})[/.-](\d{4})$/.exec(s);
		if (r) {
			d = Number(r[1]);
			m = Number(r[2]);
			y = Number(r[3]);
		} else if ((r = /^(\d{4})-(\d{2})-(\d{2})$/.exec(s))) {
			y = Number(r[1]);
			m = Number(r[2]);
			d = Number(r[3]);
		} else {
			return null;
		}
		var dt = new Date(Date.UTC(y, m - 1, d));
		if (y < 1900 || dt.getUTCFullYear() !== y || dt.getUTCMonth() !== m - 1 || dt.getUTCDate() !== d) {
			return null;
		}
		return y + '-' + pad2(m) + '-' + pad2(d);
	}

	function fmtTime(x) {
		var d = toDate(x);
		if (!d) {
			return t('app.dash');
		}
		return pad2(d.getHours()) + ':' + pad2(d.getMinutes()) + ':' + pad2(d.getSeconds());
	}

	function fmtDateTime(x) {
		var d = toDate(x);
		if (!d) {
			return x === null || x === undefined ? t('app.dash') : String(x);
		}
		return fmtDate(d) + ' ' + fmtTime(d);
	}

	/* fmtWait(90) -> "1 phút 30 giây" */
	function fmtWait(seconds) {
		var s = Math.max(0, Math.ceil(Number(seconds) || 0));
		if (s < 60) {
			return t('time.seconds', { n: s });
		}
		var m = Math.floor(s / 60);
		var r = s % 60;
		return r === 0 ? t('time.minutes', { n: m }) : t('time.min_sec', { m: m, s: r });
	}

	window.GNBV = window.GNBV || {};
	window.GNBV.i18n = {
		t: t,
		add: add,
		has: has,
		getLang: getLang,
		setLang: setLang,
		onChange: onChange,
		applyStatic: applyStatic,
		fmtNum: fmtNum,
		fmtPct: fmtPct,
		fmtMoney: fmtMoney,
		parseNum: parseNum,
		parseMoney: parseMoney,
		fmtDate: fmtDate,
		parseDate: parseDate,
		fmtTime: fmtTime,
		fmtDateTime: fmtDateTime,
		fmtWait: fmtWait,
		toNumber: toNumber
	};
	document.documentElement.lang = lang;
})();
