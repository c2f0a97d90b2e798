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
		fmtTime: fmtTime,
		fmtDateTime: fmtDateTime,
		fmtWait: fmtWait,
		toNumber: toNumber
	};
	document.documentElement.lang = lang;
})();
