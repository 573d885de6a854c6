"""Cases of each kind of text the speech reads, one table per kind, across news, sports, science,
shopping, administration and addresses; then the ambiguous cases with the reading chosen.
Checked by tests/speech/test_speech_normalize.py with the portal cases."""

from __future__ import annotations

SIGNS = [
    ("Nhiệt độ ở Sa Pa xuống -3°C.", "Nhiệt độ ở Sa Pa xuống âm ba độ xê."),
    ("Đỉnh Fansipan có lúc -5 °C.", "Đỉnh Fansipan có lúc âm năm độ xê."),
    ("Giá cổ phiếu tăng +5% trong phiên sáng.", "Giá cổ phiếu tăng cộng năm phần trăm trong phiên sáng."),
    ("Chỉ số VN-Index giảm -1,2%.", "Chỉ số vê en in đéc giảm âm một phẩy hai phần trăm."),
    ("Tăng trưởng âm: -0,5% so với quý trước.", "Tăng trưởng âm: âm không phẩy năm phần trăm so với quý trước."),
    ("Nhiệt độ dao động từ -2°C đến 5°C.", "Nhiệt độ dao động từ âm hai độ xê đến năm độ xê."),
    ("Lãi suất điều chỉnh +0,25 điểm.", "Lãi suất điều chỉnh cộng không phẩy hai mươi lăm điểm."),
    ("Kết quả phép tính là -12.", "Kết quả phép tính là âm mười hai."),
    ("Sai số ±2 độ.", "Sai số cộng trừ hai độ."),
    ("(-4°C) là mức thấp nhất.", "(âm bốn độ xê) là mức thấp nhất."),
    ("Kiểm tra nhiệt độ -18°C trong kho lạnh.", "Kiểm tra nhiệt độ âm mười tám độ xê trong kho lạnh."),
    ("Khối ngoại bán ròng -350 tỷ đồng.", "Khối ngoại bán ròng âm ba trăm năm mươi tỷ đồng."),
    # Comparison signs before a number (data/signs.tsv); before a word they stay punctuation.
    ("Sốt ≥ 38,5°C cần đi khám.", "Sốt lớn hơn hoặc bằng ba mươi tám phẩy năm độ xê cần đi khám."),
    ("Trẻ em <6 tuổi được miễn vé.", "Trẻ em nhỏ hơn sáu tuổi được miễn vé."),
    ("Tỷ lệ tiêm chủng >= 95%.", "Tỷ lệ tiêm chủng lớn hơn hoặc bằng chín mươi lăm phần trăm."),
    ("Lợi nhuận giảm ~20% so với cùng kỳ.", "Lợi nhuận giảm khoảng hai mươi phần trăm so với cùng kỳ."),
    ("Mỗi lớp 20~30 học sinh.", "Mỗi lớp hai mươi đến ba mươi học sinh."),
    ("Nhiệt độ 20 ~ 30°C, độ ẩm 5% ~ 7%.",
     "Nhiệt độ hai mươi đến ba mươi độ xê, độ ẩm năm phần trăm đến bảy phần trăm."),
    ("Ta có 2+2=4 và 5>3.", "Ta có hai cộng hai bằng bốn và năm lớn hơn ba."),
    ("Giá trị x ≈ 3,14.", "Giá trị x xấp xỉ ba phẩy mười bốn."),
    ("Trang chủ > Tin tức > Thời sự", "Trang chủ > Tin tức > Thời sự"),
    ("Múi giờ GMT+7.", "Múi giờ gờ em tê cộng bảy."),
]

CURRENCIES = [
    ("Giá vé 25.000₫ một lượt.", "Giá vé hai mươi lăm nghìn đồng một lượt."),
    ("Áo khoác giá 30$ trên mạng.", "Áo khoác giá ba mươi đô la Mỹ trên mạng."),
    ("Vé máy bay chỉ €15.", "Vé máy bay chỉ mười lăm ơ rô."),
    ("Bữa ăn ở Tokyo giá ¥500.", "Bữa ăn ở Tokyo giá năm trăm yên."),
    ("Một cốc cà phê ở London giá £2.", "Một cốc cà phê ở London giá hai bảng Anh."),
    ("Kim ngạch xuất khẩu đạt 100 USD mỗi tấn.", "Kim ngạch xuất khẩu đạt một trăm đô la Mỹ mỗi tấn."),
    ("Hợp đồng trị giá $1,5 triệu.", "Hợp đồng trị giá một phẩy năm triệu đô la Mỹ."),
    ("Giải thưởng 10.000 USD cho đội vô địch.", "Giải thưởng mười nghìn đô la Mỹ cho đội vô địch."),
    ("Giá vàng thế giới 2.350 USD/ounce.", "Giá vàng thế giới hai nghìn ba trăm năm mươi đô la Mỹ trên ao xơ."),
    ("Đồng euro giảm, 1 EUR đổi được 27.000 đồng.", "Đồng euro giảm, một ơ rô đổi được hai mươi bảy nghìn đồng."),
    ("Chi phí 50 euro mỗi người.", "Chi phí năm mươi ơ rô mỗi người."),
    ("Doanh thu 3,2 tỷ USD.", "Doanh thu ba phẩy hai tỷ đô la Mỹ."),
    ("Tỷ giá 24.500 VND/USD.", "Tỷ giá hai mươi tư nghìn năm trăm đồng trên đô la Mỹ."),
    ("Phí giao hàng 15.000đ.", "Phí giao hàng mười lăm nghìn đồng."),
    ("Giá xăng 23.500 đồng/lít.", "Giá xăng hai mươi ba nghìn năm trăm đồng trên lít."),
    ("Tiền phạt từ 4.000.000 đồng đến 6.000.000 đồng.", "Tiền phạt từ bốn triệu đồng đến sáu triệu đồng."),
    ("Tặng 500.000 VNĐ cho mỗi hộ.", "Tặng năm trăm nghìn đồng cho mỗi hộ."),
    ("Vay 200 triệu đồng.", "Vay hai trăm triệu đồng."),
    ("Giá vé 50.000Đ/người.", "Giá vé năm mươi nghìn đồng trên người."),
]

FRACTIONS_AND_DATES = [
    ("Khoảng 1/4 dân số sống ở đô thị.", "Khoảng một phần tư dân số sống ở đô thị."),
    ("Đội tuyển đã đi được 3/4 chặng đường.", "Đội tuyển đã đi được ba phần tư chặng đường."),
    ("Dự luật được 2/3 số phiếu tán thành.", "Dự luật được hai phần ba số phiếu tán thành."),
    ("Chiếm 1/3 diện tích tự nhiên của tỉnh.", "Chiếm một phần ba diện tích tự nhiên của tỉnh."),
    ("Gần 1/2 số hộ đã có nước sạch.", "Gần một phần hai số hộ đã có nước sạch."),
    ("Hơn 3/5 cử tri đi bỏ phiếu.", "Hơn ba phần năm cử tri đi bỏ phiếu."),
    ("Ngày 1/4 là ngày Cá tháng Tư.", "Ngày một tháng tư là ngày Cá tháng Tư."),
    ("Lễ Quốc khánh mùng 2/9.", "Lễ Quốc khánh mùng hai tháng chín."),
    ("Sáng 1/4, đoàn kiểm tra đến xã.", "Sáng ngày một tháng tư, đoàn kiểm tra đến xã."),
    ("Mồng 3/2 là ngày thành lập Đảng.", "Mồng ba tháng hai là ngày thành lập Đảng."),
    ("Hội nghị diễn ra từ 1/4 đến 3/4.", "Hội nghị diễn ra từ ngày một tháng tư đến ngày ba tháng tư."),
    ("Rạng sáng 30/4, trời mưa nhẹ.", "Rạng sáng ba mươi tháng tư, trời mưa nhẹ."),
    ("Trận đấu tối 15/6 thu hút đông khán giả.", "Trận đấu tối ngày mười lăm tháng sáu thu hút đông khán giả."),
    ("Đến 31/12 phải hoàn thành.", "Đến ngày ba mươi mốt tháng mười hai phải hoàn thành."),
    ("Nguồn vốn chiếm 2/3 tổng kinh phí dự án.", "Nguồn vốn chiếm hai phần ba tổng kinh phí dự án."),
    # a/b that counts, scores or names: "trên".
    ("Có 12/12 xã đạt chuẩn; có 3/12 xã đạt chuẩn NTM nâng cao.",
     "Có mười hai trên mười hai xã đạt chuẩn; có ba trên mười hai xã đạt chuẩn nông thôn mới nâng cao."),
    ("Từ 1/7 người lao động được tăng lương.", "Từ ngày một tháng bảy người lao động được tăng lương."),
    ("Trước 31/12 doanh nghiệp phải nộp báo cáo.",
     "Trước ngày ba mươi mốt tháng mười hai doanh nghiệp phải nộp báo cáo."),
    ("Đúng 7/10 câu hỏi.", "Đúng bảy trên mười câu hỏi."),
    ("Năm học 2023/2024.", "Năm học hai nghìn không trăm hai mươi ba đến hai nghìn không trăm hai mươi tư."),
    ("Mùa giải 2023/24.", "Mùa giải hai nghìn không trăm hai mươi ba đến hai nghìn không trăm hai mươi tư."),
    ("Tháng 1/1789, vua Quang Trung đại phá quân Thanh.",
     "Tháng một năm một nghìn bảy trăm tám mươi chín, vua Quang Trung đại phá quân Thanh."),
    ("Tăng trưởng quý 3/2024 và Quý II/2024.",
     "Tăng trưởng quý ba năm hai nghìn không trăm hai mươi tư và Quý hai năm hai nghìn không trăm hai mươi tư."),
    ("Nhà tại số 5/2 đường Lê Lợi; đội vào vòng 1/8.",
     "Nhà tại số năm trên hai đường Lê Lợi; đội vào vòng một phần tám."),
    ("Độ mặn 4‰; ĐVT: Tr.đ; tổng 1.234,5 tr.đồng.",
     "Độ mặn bốn phần nghìn; đơn vị tính: triệu đồng; tổng một nghìn hai trăm ba mươi tư phẩy năm triệu đồng."),
    ("Lãi suất 4,7%/năm; giá dầu 70 USD/thùng.",
     "Lãi suất bốn phẩy bảy phần trăm trên năm; giá dầu bảy mươi đô la Mỹ trên thùng."),
    ("Với 45/47 đại biểu tán thành; vòng 15/26 và vòng 1/8; tỷ lệ 50/50.",
     "Với bốn mươi lăm trên bốn mươi bảy đại biểu tán thành; vòng mười lăm trên hai mươi sáu và vòng một phần "
     "tám; tỷ lệ năm mươi trên năm mươi."),
    ("Khoảng 15/11, không khí lạnh tràn về.", "Khoảng ngày mười lăm tháng mười một, không khí lạnh tràn về."),
    ("Tuyển dụng đợt 1/2024; báo cáo Q3/2024 và T10/2024.",
     "Tuyển dụng đợt một năm hai nghìn không trăm hai mươi tư; báo cáo quý ba năm hai nghìn không trăm hai mươi tư "
     "và tháng mười năm hai nghìn không trăm hai mươi tư."),
    ("Phòng 800.000 đồng/đêm, căn hộ 3,5 tỷ/căn.",
     "Phòng tám trăm nghìn đồng trên đêm, căn hộ ba phẩy năm tỷ trên căn."),
    ("Đô thị loại II; học kỳ II.", "Đô thị loại hai; học kỳ hai."),
    ("Bằng lái hạng C; theo dõi 72h.", "Bằng lái hạng xê; theo dõi bảy mươi hai giờ."),
    ("Lớp 10A1-10A5 học buổi sáng; xét nghiệm HCV.",
     "Lớp mười a một đến mười a năm học buổi sáng; xét nghiệm hát xê vê."),
    ("Dự kiến khoảng 6/2024 hoàn thành.", "Dự kiến khoảng tháng sáu năm hai nghìn không trăm hai mươi tư hoàn thành."),
    ("Huyện đạt 15/19 tiêu chí.", "Huyện đạt mười lăm trên mười chín tiêu chí."),
    ("Bài thi được 95/100 điểm.", "Bài thi được chín mươi lăm trên một trăm điểm."),
    ("Có 2/3 đại biểu tán thành.", "Có hai phần ba đại biểu tán thành."),
    ("Nhà ở hẻm 45/12 Lê Lợi.", "Nhà ở hẻm bốn mươi lăm trên mười hai Lê Lợi."),
    ("Số nhà 12/3 đường Trần Hưng Đạo.", "Số nhà mười hai trên ba đường Trần Hưng Đạo."),
    ("Bản đồ tỷ lệ 1/2000 được công khai.", "Bản đồ tỷ lệ một phần hai nghìn được công khai."),
    ("Ngày 12/12 xã tổ chức hội nghị.", "Ngày mười hai tháng mười hai xã tổ chức hội nghị."),
    ("Thứ Hai, 20/11/2023 - 08:45", "Thứ Hai, ngày hai mươi tháng mười một năm hai nghìn không trăm hai mươi ba, "
                                   "tám giờ bốn mươi lăm phút"),
    ("Từ 7h00 ngày 20/11/2023 - 17h00 ngày 25/11/2023",
     "Từ bảy giờ không phút ngày hai mươi tháng mười một năm hai nghìn không trăm hai mươi ba đến mười bảy giờ "
     "không phút ngày hai mươi lăm tháng mười một năm hai nghìn không trăm hai mươi ba"),
    # A ratio with a colon after a ratio word; after other words a colon is a time.
    ("Tỷ lệ chọi 1:15.", "Tỷ lệ chọi một phần mười lăm."),
    ("Lịch thi đấu vòng 1 lúc 1:30.", "Lịch thi đấu vòng một lúc một giờ ba mươi phút."),
]

# Dots separate the parts of a date as slashes do: before a year, and between day and month after a date word.
DOTTED_DATES = [
    ("Số liệu cập nhật đến 09.2024.", "Số liệu cập nhật đến tháng chín năm hai nghìn không trăm hai mươi tư."),
    (
        "Báo cáo tháng 11.2023 của Sở Tài chính.",
        "Báo cáo tháng mười một năm hai nghìn không trăm hai mươi ba của Sở Tài chính.",
    ),
    ("Mùa mưa kéo dài 05-10.2024.", "Mùa mưa kéo dài tháng năm đến tháng mười năm hai nghìn không trăm hai mươi tư."),
    (
        "Niên vụ 10.1999 đến 3.2000.",
        "Niên vụ tháng mười năm một nghìn chín trăm chín mươi chín đến tháng ba năm hai nghìn.",
    ),
    ("Khai mạc ngày 05.9 tại nhà văn hóa.", "Khai mạc ngày năm tháng chín tại nhà văn hóa."),
    ("Sáng 12.10, đoàn công tác về xã.", "Sáng ngày mười hai tháng mười, đoàn công tác về xã."),
    ("Đêm 24.12 phố đi bộ đông người.", "Đêm hai mươi tư tháng mười hai phố đi bộ đông người."),
    ("Từ đêm 20-21.8 có mưa to.", "Từ đêm hai mươi đến hai mươi mốt tháng tám có mưa to."),
    ("Mùng 10.3 âm lịch là giỗ Tổ.", "Mùng mười tháng ba âm lịch là giỗ Tổ."),
    ("Số π xấp xỉ 3.1416.", "Số π xấp xỉ ba chấm một nghìn bốn trăm mười sáu."),
    ("Tỷ giá tăng 24.10 điểm.", "Tỷ giá tăng hai mươi tư chấm mười điểm."),
    ("Phiên bản 2.05 sửa lỗi hiển thị.", "Phiên bản hai chấm không năm sửa lỗi hiển thị."),
    ("Chỉ số đóng cửa ở 18.07 điểm.", "Chỉ số đóng cửa ở mười tám chấm không bảy điểm."),
    ("Đoàn đi 2.5 km sau ngày 3.4.", "Đoàn đi hai phẩy năm ki lô mét sau ngày ba tháng tư."),
]

CLOCK = [
    ("Vụ việc xảy ra lúc 08:15:30 sáng nay.", "Vụ việc xảy ra lúc tám giờ mười lăm phút ba mươi giây sáng nay."),
    (
        "Pháo hoa được bắn lúc 00:00:00 ngày 1/1.",
        "Pháo hoa được bắn lúc không giờ không phút không giây ngày một tháng một.",
    ),
    ("Anh về đích sau 2:05:30.", "Anh về đích sau hai giờ năm phút ba mươi giây."),
    (
        "Vận động viên chạy 42:05 ở cự ly 10 km.",
        "Vận động viên chạy bốn mươi hai phút năm giây ở cự ly mười ki lô mét.",
    ),
    ("Thành tích 12:30 là kỷ lục mới.", "Thành tích mười hai phút ba mươi giây là kỷ lục mới."),
    ("Cô về đích sau 58:40.", "Cô về đích sau năm mươi tám phút bốn mươi giây."),
    ("Thời gian 25:10 là quá chậm.", "Thời gian hai mươi lăm phút mười giây là quá chậm."),
    ("Xe xuất phát lúc 5:30.", "Xe xuất phát lúc năm giờ ba mươi phút."),
    (
        "Buổi họp kéo dài từ 13:30 đến 17:00.",
        "Buổi họp kéo dài từ mười ba giờ ba mươi phút đến mười bảy giờ không phút.",
    ),
    ("Tín hiệu phát lúc 23:59:59.", "Tín hiệu phát lúc hai mươi ba giờ năm mươi chín phút năm mươi chín giây."),
]

LETTER_TIMES = [
    ("Xe chạy mất 1h05p.", "Xe chạy mất một giờ năm phút."),
    ("Bài thi nghe kéo dài 2p30s.", "Bài thi nghe kéo dài hai phút ba mươi giây."),
    ("Kỷ lục 9h2m2s được xác lập.", "Kỷ lục chín giờ hai phút hai giây được xác lập."),
    ("Tàu đến ga lúc 21g26p.", "Tàu đến ga lúc hai mươi mốt giờ hai mươi sáu phút."),
    ("Thời gian chờ 5p20s.", "Thời gian chờ năm phút hai mươi giây."),
    ("Chuyến bay kéo dài 12h24p30s.", "Chuyến bay kéo dài mười hai giờ hai mươi tư phút ba mươi giây."),
    ("Phiên họp bắt đầu lúc 7h45p.", "Phiên họp bắt đầu lúc bảy giờ bốn mươi lăm phút."),
    ("Bản tin dài 3p15s.", "Bản tin dài ba phút mười lăm giây."),
]

RANGES = [
    ("Mỗi bao nặng 2kg-3kg.", "Mỗi bao nặng hai ki lô gam đến ba ki lô gam."),
    ("Bộ phận một cửa làm việc từ 7-11h, chiều 13-17h.",
     "Bộ phận một cửa làm việc từ bảy đến mười một giờ, chiều mười ba đến mười bảy giờ."),
    ("Cuộc họp từ 8:00-9:30.", "Cuộc họp từ tám giờ không phút đến chín giờ ba mươi phút."),
    ("Làm việc 7h-11h và 13h-17h.", "Làm việc bảy giờ đến mười một giờ và mười ba giờ đến mười bảy giờ."),
    ("Giá dao động 20.000-25.000 đồng/kg.", "Giá dao động hai mươi nghìn đến hai mươi lăm nghìn đồng trên ki lô gam."),
    ("Nhiệt độ 18°C-25°C.", "Nhiệt độ mười tám độ xê đến hai mươi lăm độ xê."),
    ("Cao 1,5m-2m.", "Cao một phẩy năm mét đến hai mét."),
    ("Khoảng 10%-15% số hộ.", "Khoảng mười phần trăm đến mười lăm phần trăm số hộ."),
    ("Tuổi từ 18-25 được đăng ký.", "Tuổi từ mười tám đến hai mươi lăm được đăng ký."),
    ("Đêm 30-4 có bắn pháo hoa.", "Đêm ba mươi tháng tư có bắn pháo hoa."),
    ("Ngày 19-5 là ngày sinh của Bác.", "Ngày mười chín tháng năm là ngày sinh của Bác."),
    ("Sáng 2-9, người dân xem diễu binh.", "Sáng ngày hai tháng chín, người dân xem diễu binh."),
    ("Giai đoạn 2021-2025.", "Giai đoạn hai nghìn không trăm hai mươi mốt đến hai nghìn không trăm hai mươi lăm."),
    ("Trong 3-5 ngày làm việc.", "Trong ba đến năm ngày làm việc."),
    (
        "Từ tháng 02/2023 - 11/2024 dự án tạm dừng.",
        "Từ tháng hai năm hai nghìn không trăm hai mươi ba đến tháng mười một năm hai nghìn không trăm hai "
        "mươi tư dự án tạm dừng.",
    ),
    ("Hồ sơ nhận từ 20-30/4.", "Hồ sơ nhận từ ngày hai mươi đến ngày ba mươi tháng tư."),
    (
        "Hội nghị diễn ra từ 26-28/6/2022.",
        "Hội nghị diễn ra từ ngày hai mươi sáu đến ngày hai mươi tám tháng sáu năm hai nghìn không trăm hai mươi "
        "hai.",
    ),
    ("Từ 01-12/2025 thu phí.", "Từ tháng một đến tháng mười hai năm hai nghìn không trăm hai mươi lăm thu phí."),
    ("Quãng đường 5-7 km.", "Quãng đường năm đến bảy ki lô mét."),
    ("Lúc 9h - 10h sáng.", "Lúc chín giờ đến mười giờ sáng."),
    # A day and month that no range can be: a day above its month, or a month written with its zero.
    ("Lễ kỷ niệm 30-4 diễn ra trang trọng.", "Lễ kỷ niệm ngày ba mươi tháng tư diễn ra trang trọng."),
    ("Hạn nộp hồ sơ 15-03.", "Hạn nộp hồ sơ ngày mười lăm tháng ba."),
    ("Kỳ nghỉ bắt đầu từ 25-12.", "Kỳ nghỉ bắt đầu từ ngày hai mươi lăm tháng mười hai."),
    ("Phim ra rạp dịp 14-02 năm nay.", "Phim ra rạp dịp ngày mười bốn tháng hai năm nay."),
    ("Giảm giá từ 20-10 đến 20-11.", "Giảm giá từ ngày hai mươi tháng mười đến ngày hai mươi tháng mười một."),
]

SCORES = [
    ("Việt Nam thắng 2-1.", "Việt Nam thắng hai một."),
    ("Thái Lan thua 0-3 trên sân nhà.", "Thái Lan thua không ba trên sân nhà."),
    ("Hai đội hòa 1-1.", "Hai đội hòa một một."),
    ("Tỉ số 4-0 nghiêng về đội khách.", "Tỉ số bốn không nghiêng về đội khách."),
    ("Tỷ số 2 - 2 sau hiệp một.", "Tỷ số hai hai sau hiệp một."),
    ("Đội hình 4-2-3-1 được sử dụng.", "Đội hình bốn hai ba một được sử dụng."),
    ("Sơ đồ 3-5-2 giúp đội phòng ngự tốt.", "Sơ đồ ba năm hai giúp đội phòng ngự tốt."),
    ("Hà Nội thắng Hải Phòng 3-2.", "Hà Nội thắng Hải Phòng ba hai."),
    ("Thua Indonesia 0-1 ở phút bù giờ.", "Thua Indonesia không một ở phút bù giờ."),
    ("Cách biệt 2-0 được giữ đến cuối trận.", "Cách biệt hai không được giữ đến cuối trận."),
]

SHORTHAND = [
    ("Lương tháng 3tr5.", "Lương tháng ba triệu năm trăm nghìn."),
    ("Giá chỉ 15k một ly.", "Giá chỉ mười lăm nghìn một ly."),
    ("Căn nhà 2 tỷ 4.", "Căn nhà hai tỷ bốn trăm triệu."),
    ("Xe máy giá 45tr.", "Xe máy giá bốn mươi lăm triệu."),
    ("Điện thoại 5tr2 còn bảo hành.", "Điện thoại năm triệu hai trăm nghìn còn bảo hành."),
    ("Học phí 1tr2 mỗi tháng.", "Học phí một triệu hai trăm nghìn mỗi tháng."),
    ("Trà sữa 35k.", "Trà sữa ba mươi lăm nghìn."),
    ("Giá đất 3 tỷ 2 một lô.", "Giá đất ba tỷ hai trăm triệu một lô."),
    ("Anh ấy cao 1m75.", "Anh ấy cao một mét bảy mươi lăm."),
    ("Em bé cao 1m05.", "Em bé cao một mét linh năm."),
    ("Ship 20K nội thành.", "síp hai mươi nghìn nội thành."),
]

UNITS = [
    ("Mạng 5G đạt 1 Gbps, gấp 10 lần 100Mbps.",
     "Mạng năm gờ đạt một gi ga bít trên giây, gấp mười lần một trăm mê ga bít trên giây."),
    ("Ắc quy 12V cho xe máy.", "Ắc quy mười hai vôn cho xe máy."),
    ("Bình nước 5l.", "Bình nước năm lít."),
    ("Điện thoại 32GB.", "Điện thoại ba mươi hai gi ga bai."),
    ("Lưới điện 50Hz.", "Lưới điện năm mươi héc."),
    ("Tốc độ tối đa 60km/h.", "Tốc độ tối đa sáu mươi ki lô mét trên giờ."),
    ("Phòng ngủ 20m².", "Phòng ngủ hai mươi mét vuông."),
    ("Bồn chứa 3m3.", "Bồn chứa ba mét khối."),
    ("Nhiệt độ 25°c.", "Nhiệt độ hai mươi lăm độ xê."),
    ("Tiêu thụ 5kWh.", "Tiêu thụ năm ki lô oát giờ."),
    ("Ổ cứng 2TB.", "Ổ cứng hai tê ra bai."),
    ("Sạc 20W.", "Sạc hai mươi oát."),
    ("Điện áp 220 V.", "Điện áp hai trăm hai mươi vôn."),
    ("Bộ nhớ 512 MB.", "Bộ nhớ năm trăm mười hai mê ga bai."),
    ("Sóng 2,4 GHz.", "Sóng hai phẩy bốn gi ga héc."),
    ("Nặng 500mg.", "Nặng năm trăm mi li gam."),
    ("Pin 4.500 mAh.", "Pin bốn nghìn năm trăm mi li am pe giờ."),
    ("Cà phê 250g.", "Cà phê hai trăm năm mươi gam."),
    ("Sữa 180ml.", "Sữa một trăm tám mươi mi li lít."),
    ("Động cơ 150cc.", "Động cơ một trăm năm mươi xê xê."),
    ("Âm lượng 85 dB.", "Âm lượng tám mươi lăm đê xi ben."),
    ("Thịt 2 lb.", "Thịt hai pao."),
    ("Nước 1,5 lít.", "Nước một phẩy năm lít."),
    ("Mưa 120 mm.", "Mưa một trăm hai mươi mi li mét."),
    ("Chiều dài 40.1cm.", "Chiều dài bốn mươi phẩy một xen ti mét."),
    ("Nặng 3.5kg.", "Nặng ba phẩy năm ki lô gam."),
    ("Diện tích 2,342.08ha.", "Diện tích hai nghìn ba trăm bốn mươi hai phẩy không tám héc ta."),
    ("Màn hình 15,6 inch.", "Màn hình mười lăm phẩy sáu inh."),
    ("Cáp 100Mbps.", "Cáp một trăm mê ga bít trên giây."),
    ("Động cơ 1.000 kW.", "Động cơ một nghìn ki lô oát."),
    ("Nhà máy 600 MW.", "Nhà máy sáu trăm mê ga oát."),
    # A unit symbol without its number, when no word is spelled like it.
    ("Đơn vị đo là mm.", "Đơn vị đo là mi li mét."),
    ("Giá thuê tính theo m2.", "Giá thuê tính theo mét vuông."),
    ("Hóa đơn tính theo kWh.", "Hóa đơn tính theo ki lô oát giờ."),
    ("Tốc độ ghi bằng km/h.", "Tốc độ ghi bằng ki lô mét trên giờ."),
    ("Rau bán theo kg, không bán lẻ.", "Rau bán theo ki lô gam, không bán lẻ."),
    ("Tần số đo bằng Hz.", "Tần số đo bằng héc."),
    # Degrees typed with a letter o or an ordinal indicator, as weather news often does.
    ("Nhiệt độ 35-37oC.", "Nhiệt độ ba mươi lăm đến ba mươi bảy độ xê."),
    ("Trời nắng 38ºC.", "Trời nắng ba mươi tám độ xê."),
    # A road's kilometre marker.
    ("Sạt lở tại Km 15+200 quốc lộ 1A.", "Sạt lở tại ki lô mét mười lăm cộng hai trăm quốc lộ một a."),
    ("Huyết áp 120/80 mmHg.", "Huyết áp một trăm hai mươi trên tám mươi mi li mét thủy ngân."),
    ("Liều 500mg x 2 lần/ngày.", "Liều năm trăm mi li gam nhân hai lần trên ngày."),
    ("Uống 1 viên x 3 lần/ngày.", "Uống một viên nhân ba lần trên ngày."),
    ("Trả góp 1 triệu x 12 tháng.", "Trả góp một triệu nhân mười hai tháng."),
    ("Tốc độ phát tăng x2.", "Tốc độ phát tăng x hai."),
    ("Hộp 10x20cm.", "Hộp mười nhân hai mươi xen ti mét."),
    ("Sạt lở tại Km05+500.", "Sạt lở tại ki lô mét năm cộng năm trăm."),
]

ROMAN = [
    ("Văn hóa thế kỷ xx.", "Văn hóa thế kỷ hai mươi."),
    ("Thế kỷ XXI là thế kỷ của công nghệ.", "Thế kỷ hai mươi mốt là thế kỷ của công nghệ."),
    ("Theo khoản III của văn bản.", "Theo khoản ba của văn bản."),
    ("Đoạn IV nói về lịch sử.", "Đoạn bốn nói về lịch sử."),
    ("Chương V: Điều khoản thi hành.", "Chương năm: Điều khoản thi hành."),
    ("Hồi X của tiểu thuyết.", "Hồi mười của tiểu thuyết."),
    ("Mục II. Nội dung chính.", "Mục hai. Nội dung chính."),
    ("Phụ lục III kèm theo.", "Phụ lục ba kèm theo."),
    ("Số VI của tạp chí.", "Số sáu của tạp chí."),
    ("Quân khu VII tổ chức diễn tập.", "Quân khu bảy tổ chức diễn tập."),
    ("Đại hội XIII của Đảng.", "Đại hội mười ba của Đảng."),
    ("Kỳ họp thứ IV của Quốc hội.", "Kỳ họp thứ tư của Quốc hội."),
    ("Vào thế kỉ xix, làng được lập.", "Vào thế kỉ mười chín, làng được lập."),
    ("Điểm c khoản 1 Điều 3.", "Điểm c khoản một Điều ba."),
    ("Mục a quy định chung.", "Mục a quy định chung."),
    ("Vitamin C tốt cho sức khỏe.", "Vitamin C tốt cho sức khỏe."),
    ("Vòng I diễn ra hôm qua.", "Vòng I diễn ra hôm qua."),
    # A block that is only a section number.
    ("XIV", "mười bốn"),
    ("IX.", "chín."),
    ("VII)", "bảy)"),
]

ABBREVIATIONS = [
    ("CLB Sông Lam Nghệ An.", "câu lạc bộ Sông Lam Nghệ An."),
    ("HLV Park Hang-seo.", "huấn luyện viên Park Hang seo."),
    ("Công ty TNHH MTV giành HCB; liên hệ SĐT trên Cổng TTĐT.",
     "Công ty trách nhiệm hữu hạn một thành viên giành huy chương bạc; liên hệ số điện thoại trên Cổng thông tin "
     "điện tử."),
    ("GS.TS Nguyễn Văn A.", "giáo sư, tiến sĩ Nguyễn Văn A."),
    ("PGS Trần Văn B.", "phó giáo sư Trần Văn B."),
    ("ThS Lê Thị C.", "thạc sĩ Lê Thị C."),
    ("LHQ kêu gọi ngừng bắn.", "Liên Hợp Quốc kêu gọi ngừng bắn."),
    ("Các môn học văn, toán, v.v.", "Các môn học văn, toán, vân vân"),
    ("Đ/c Bí thư chủ trì.", "đồng chí Bí thư chủ trì."),
    ("TP. Đà Nẵng đón khách.", "thành phố Đà Nẵng đón khách."),
    ("Q. Hoàn Kiếm, TP. Hà Nội.", "quận Hoàn Kiếm, thành phố Hà Nội."),
    ("P. 12, Q. 10, TP.HCM.", "phường mười hai, quận mười, Thành phố Hồ Chí Minh."),
    ("Số 1 Tràng Tiền, q.Hoàn Kiếm.", "Số một Tràng Tiền, quận Hoàn Kiếm."),
    ("p.Bến Nghé, q.1.", "phường Bến Nghé, quận một."),
    ("h. Đăk Song, tỉnh Đắk Nông.", "huyện Đăk Song, tỉnh Đắk Nông."),
    ("VĐV Nguyễn Thị Oanh.", "vận động viên Nguyễn Thị Oanh."),
    ("BLV Quang Huy.", "bình luận viên Quang Huy."),
    ("NSND Trung Anh.", "nghệ sĩ nhân dân Trung Anh."),
    ("Trường ĐH Bách khoa.", "Trường Đại học Bách khoa."),
    ("V/v triển khai kế hoạch.", "về việc triển khai kế hoạch."),
    ("BĐS ven biển.", "bất động sản ven biển."),
]

ENGLISH_NUMBERS = [
    ("Dân số 1,234.5 nghìn người.", "Dân số một nghìn hai trăm ba mươi tư phẩy năm nghìn người."),
    ("Tổng cộng 12,345.67 tấn.", "Tổng cộng mười hai nghìn ba trăm bốn mươi lăm phẩy sáu mươi bảy tấn."),
    ("Giá trị 1,000,000 đồng.", "Giá trị một triệu đồng."),
    ("Khoảng 15 000 người tham dự.", "Khoảng mười lăm nghìn người tham dự."),
    ("Dân số 98 500 000 người.", "Dân số chín mươi tám triệu năm trăm nghìn người."),
    ("Khoảng 3,450,000 lượt.", "Khoảng ba triệu bốn trăm năm mươi nghìn lượt."),
    ("Doanh số 2,500.75 USD.", "Doanh số hai nghìn năm trăm phẩy bảy mươi lăm đô la Mỹ."),
]

PHONES = [
    ("Gọi +84 91 234 56 78.", "Gọi cộng tám bốn, chín một, hai ba bốn, năm sáu, bảy tám."),
    ("Số +84 912 345 678.", "Số cộng tám bốn, chín một hai, ba bốn năm, sáu bảy tám."),
    ("Tổng đài +84 24 3825 1234.", "Tổng đài cộng tám bốn, hai bốn, ba tám hai năm, một hai ba bốn."),
    ("Hotline 091 234 56 78.", "hót lai không chín một, hai ba bốn, năm sáu, bảy tám."),
    ("Điện thoại 0912 34 56 78.", "Điện thoại không chín một hai, ba bốn, năm sáu, bảy tám."),
    ("Liên hệ +1 202 555 0147.", "Liên hệ cộng một, hai không hai, năm năm năm, không một bốn bảy."),
    ("Số máy 028 3822 4567.", "Số máy không hai tám, ba tám hai hai, bốn năm sáu bảy."),
]

ORDINALS = [
    ("Việt Nam xếp hạng 1 khu vực.", "Việt Nam xếp hạng nhất khu vực."),
    ("Đội đứng hạng 4 chung cuộc.", "Đội đứng hạng tư chung cuộc."),
    ("Giải hạng 3 thuộc về Thái Lan.", "Giải hạng ba thuộc về Thái Lan."),
    ("Hạng 2 thuộc về Malaysia.", "Hạng hai thuộc về Malaysia."),
    ("Đơn vị xếp thứ 1 toàn quốc.", "Đơn vị xếp thứ nhất toàn quốc."),
    ("Lần thứ 4 tổ chức.", "Lần thứ tư tổ chức."),
    ("Hạng 10 thế giới.", "Hạng mười thế giới."),
]

LETTERS = [
    ("Chữ B viết hoa.", "Chữ bê viết hoa."),
    ("Ký tự A đứng đầu.", "Ký tự a đứng đầu."),
    ("Chữ cái Z cuối bảng.", "Chữ cái dét cuối bảng."),
    ("Kí tự w không có trong tiếng Việt.", "Kí tự vê kép không có trong tiếng Việt."),
    ("Nhóm máu chữ O.", "Nhóm máu chữ ô."),
    ("Chữ đ có nét ngang.", "Chữ đê có nét ngang."),
    ("VTV đưa tin.", "vê tê vê đưa tin."),
    ("Kênh HTV7.", "Kênh hát tê vê bảy."),
    ("WHO khuyến cáo.", "vê kép hát ô khuyến cáo."),
    ("Ngân hàng BIDV.", "Ngân hàng bê i đê vê."),
    ("Chỉ số CPI tăng.", "Chỉ số xê pê i tăng."),
    ("Công ty FPT.", "Công ty ép pê tê."),
    ("Tập đoàn VNPT.", "Tập đoàn vê en pê tê."),
    ("Cúp AFF.", "Cúp a ép ép."),
    ("Tổ chức NATO.", "Tổ chức NATO."),
    ("Theo đài (VTV) đưa tin.", "Theo đài (vê tê vê) đưa tin."),
    ("Khối ASEAN.", "Khối ASEAN."),
    # A capital touching a digit is a letter of a code, read by its name; alone it may be a word.
    ("Hội nghị thượng đỉnh G20.", "Hội nghị thượng đỉnh gờ hai mươi."),
    ("Virus cúm H5N1.", "vi rút cúm hát năm en một."),
    ("Phủ sóng 4G và 5G.", "Phủ sóng bốn gờ và năm gờ."),
    ("Xem phim 3D.", "Xem phim ba đê."),
    ("Điện thoại Galaxy S24.", "Điện thoại Galaxy ét hai mươi tư."),
    ("Chạy xe trên đường D1.", "Chạy xe trên đường đê một."),
    ("Bệnh nhân F0 cách ly.", "Bệnh nhân ép không cách ly."),
    ("Khổ giấy A4.", "Khổ giấy a bốn."),
    ("A, thế à?", "A, thế à?"),
    ("Ông Nguyễn Văn A.", "Ông Nguyễn Văn A."),
]

LOANWORDS = [
    ("Học online qua Zalo.", "Học on lai qua da lô."),
    ("Hỏi ChatGPT qua chatbot trên fanpage của xã.", "Hỏi chát gi pi ti qua chát bót trên phan pết của xã."),
    ("Xe Honda, Toyota và VinFast.", "Xe hôn đa, tô yô ta và vin phát."),
    ("Gửi email cho giáo viên.", "Gửi i meo cho giáo viên."),
    ("Dịch Covid đã qua.", "Dịch cô vít đã qua."),
    ("Đăng lên Facebook.", "Đăng lên phây búc."),
    ("Xem clip trên YouTube.", "Xem clíp trên diu túp."),
    ("Mua sắm trên Shopee và Lazada.", "Mua sắm trên sốp pi và la da đa."),
    ("Đặt xe qua Grab.", "Đặt xe qua gráp."),
    ("Chiếc iPhone mới ra mắt.", "Chiếc ai phôn mới ra mắt."),
    ("Kết nối wifi miễn phí.", "Kết nối oai phai miễn phí."),
    ("Tải app của ngân hàng.", "Tải áp của ngân hàng."),
    ("Chơi game trên điện thoại.", "Chơi gêm trên điện thoại."),
    ("Kênh TikTok của huyện.", "Kênh tích tóc của huyện."),
    ("Tiêm vaccine phòng COVID-19.", "Tiêm vắc xin phòng cô vít mười chín."),
    ("Tìm trên Google.", "Tìm trên gu gồ."),
    ("Truy cập Internet.", "Truy cập in tơ nét."),
    ("Gọi hotline để được hỗ trợ.", "Gọi hót lai để được hỗ trợ."),
    ("Xem livestream trận đấu.", "Xem lai strim trận đấu."),
    ("Fan hâm mộ chờ đợi.", "phan hâm mộ chờ đợi."),
]

NEWS = [
    (
        "Sáng 12/10/2023, UBND tỉnh tổ chức hội nghị trực tuyến với 125 điểm cầu.",
        "Sáng ngày mười hai tháng mười năm hai nghìn không trăm hai mươi ba, Ủy ban nhân dân tỉnh tổ chức hội "
        "nghị trực tuyến với một trăm hai mươi lăm điểm cầu.",
    ),
    (
        "Theo Tổng cục Thống kê, GDP quý III tăng 5,33%.",
        "Theo Tổng cục Thống kê, gờ đê pê quý ba tăng năm phẩy ba mươi ba phần trăm.",
    ),
    (
        "Lúc 14h30 ngày 5/11, xảy ra vụ tai nạn trên QL14.",
        "Lúc mười bốn giờ ba mươi phút ngày năm tháng mười một, xảy ra vụ tai nạn trên quốc lộ mười bốn.",
    ),
    (
        "Bão số 3 gây mưa 200-300 mm tại các tỉnh miền Bắc.",
        "Bão số ba gây mưa hai trăm đến ba trăm mi li mét tại các tỉnh miền Bắc.",
    ),
    (
        "Giá xăng RON 95 giảm 450 đồng/lít từ 15h chiều nay.",
        "Giá xăng RON chín mươi lăm giảm bốn trăm năm mươi đồng trên lít từ mười lăm giờ chiều nay.",
    ),
    (
        "Thủ tướng dự hội nghị APEC lần thứ 30 tại San Francisco.",
        "Thủ tướng dự hội nghị APEC lần thứ ba mươi tại San Francisco.",
    ),
    (
        "Đến ngày 30/9, cả nước có hơn 1,2 triệu doanh nghiệp.",
        "Đến ngày ba mươi tháng chín, cả nước có hơn một phẩy hai triệu doanh nghiệp.",
    ),
    ("Khoảng 1/3 số hộ dân đã được hỗ trợ.", "Khoảng một phần ba số hộ dân đã được hỗ trợ."),
    (
        "Kim ngạch xuất khẩu 9 tháng đạt 259,67 tỷ USD.",
        "Kim ngạch xuất khẩu chín tháng đạt hai trăm năm mươi chín phẩy sáu mươi bảy tỷ đô la Mỹ.",
    ),
    (
        "Lượng khách quốc tế đạt 8,9 triệu lượt, tăng 4,6 lần.",
        "Lượng khách quốc tế đạt tám phẩy chín triệu lượt, tăng bốn phẩy sáu lần.",
    ),
    (
        "Theo Nghị định 100/2019/NĐ-CP, mức phạt từ 6-8 triệu đồng.",
        "Theo Nghị định số một trăm, năm hai nghìn không trăm mười chín, nghị định chính phủ, mức phạt từ sáu "
        "đến tám triệu đồng.",
    ),
    (
        "Chiều 20/10, Hội LHPN huyện tổ chức tọa đàm.",
        "Chiều ngày hai mươi tháng mười, Hội Liên hiệp Phụ nữ huyện tổ chức tọa đàm.",
    ),
]

SCIENCE = [
    ("Nước sôi ở 100°C và đóng băng ở 0°C.", "Nước sôi ở một trăm độ xê và đóng băng ở không độ xê."),
    ("Tốc độ ánh sáng khoảng 300.000 km/s.", "Tốc độ ánh sáng khoảng ba trăm nghìn ki lô mét trên giây."),
    ("Trái Đất cách Mặt Trời 150 triệu km.", "Trái Đất cách Mặt Trời một trăm năm mươi triệu ki lô mét."),
    ("Nồng độ bụi đạt 420 ppm.", "Nồng độ bụi đạt bốn trăm hai mươi pê pê em."),
    ("Bệnh nhân sốt 39,5°C.", "Bệnh nhân sốt ba mươi chín phẩy năm độ xê."),
    ("Liều dùng 500mg mỗi ngày, chia 2 lần.", "Liều dùng năm trăm mi li gam mỗi ngày, chia hai lần."),
    ("Vi khuẩn dài 2-3 µm.", "Vi khuẩn dài hai đến ba mi crô mét."),
    ("Động đất mạnh 6,8 độ richter.", "Động đất mạnh sáu phẩy tám độ richter."),
    ("Khối lượng riêng của nước là 1.000 kg/m3.", "Khối lượng riêng của nước là một nghìn ki lô gam trên mét khối."),
    (
        "Công suất 1.200 MW, sản lượng 5 tỷ kWh/năm.",
        "Công suất một nghìn hai trăm mê ga oát, sản lượng năm tỷ ki lô oát giờ trên năm.",
    ),
]

SHOPPING = [
    ("Áo thun giá 199k, mua 2 tặng 1.", "Áo thun giá một trăm chín mươi chín nghìn, mua hai tặng một."),
    ("Giảm 30% cho đơn từ 500k.", "Giảm ba mươi phần trăm cho đơn từ năm trăm nghìn."),
    ("Tai nghe Bluetooth giá 1tr2.", "Tai nghe blu tút giá một triệu hai trăm nghìn."),
    (
        "Laptop 15,6 inch, RAM 16GB, SSD 512GB.",
        "láp tóp mười lăm phẩy sáu inh, RAM mười sáu gi ga bai, ét ét đê năm trăm mười hai gi ga bai.",
    ),
    ("Nồi cơm điện 1,8l, công suất 700W.", "Nồi cơm điện một phẩy tám lít, công suất bảy trăm oát."),
    ("Gạo ST25 giá 35.000đ/kg.", "Gạo ét tê hai mươi lăm giá ba mươi lăm nghìn đồng trên ki lô gam."),
    ("Miễn phí ship cho đơn trên 300.000đ.", "Miễn phí síp cho đơn trên ba trăm nghìn đồng."),
    ("Điện thoại Samsung giá 8.990.000 VNĐ.", "Điện thoại sam sung giá tám triệu chín trăm chín mươi nghìn đồng."),
    ("Tivi 55 inch giá 12tr5.", "Tivi năm mươi lăm inh giá mười hai triệu năm trăm nghìn."),
    ("Cà phê 250g giá 85k.", "Cà phê hai trăm năm mươi gam giá tám mươi lăm nghìn."),
    ("Không chia sẻ mã OTP 123456.", "Không chia sẻ mã ô tê pê một hai ba bốn năm sáu."),
]

ADMINISTRATION = [
    (
        "Căn cứ Quyết định số 1291/QĐ-TTg ngày 7/10/2019.",
        "Căn cứ Quyết định số một nghìn hai trăm chín mươi mốt, quyết định thủ tướng ngày bảy tháng mười năm "
        "hai nghìn không trăm mười chín.",
    ),
    (
        "Theo khoản 2, Điều 3 Thông tư 01/2023/TT-BNV.",
        "Theo khoản hai, Điều ba Thông tư số một năm hai nghìn không trăm hai mươi ba, thông tư bộ nội vụ.",
    ),
    ("Thời hạn giải quyết: 15 ngày làm việc.", "Thời hạn giải quyết: mười lăm ngày làm việc."),
    ("Lệ phí: 50.000 đồng/hồ sơ.", "Lệ phí: năm mươi nghìn đồng trên hồ sơ."),
    (
        "Tiếp công dân vào thứ 5 hằng tuần, từ 7h30-11h00.",
        "Tiếp công dân vào thứ năm hằng tuần, từ bảy giờ ba mươi phút đến mười một giờ không phút.",
    ),
    ("Nộp hồ sơ tại Bộ phận một cửa UBND xã.", "Nộp hồ sơ tại Bộ phận một cửa Ủy ban nhân dân xã."),
    ("Kỳ họp thứ 7 HĐND huyện khóa XIII.", "Kỳ họp thứ bảy Hội đồng nhân dân huyện khóa mười ba."),
    ("Mục III. Tổ chức thực hiện.", "Mục ba. Tổ chức thực hiện."),
    ("Hội đồng thi đua khen thưởng tặng 20 giấy khen.", "Hội đồng thi đua khen thưởng tặng hai mươi giấy khen."),
    ("Đ/c Chủ tịch UBND huyện phát biểu chỉ đạo.", "đồng chí Chủ tịch Ủy ban nhân dân huyện phát biểu chỉ đạo."),
    # A number naming a document or a room keeps its written zero; a count does not.
    ("Triển khai Đề án 02 về chuyển đổi số.", "Triển khai Đề án không hai về chuyển đổi số."),
    ("Thực hiện Nghị quyết 01 của Chính phủ.", "Thực hiện Nghị quyết không một của Chính phủ."),
    ("Theo Công văn 03 của Sở Nội vụ.", "Theo Công văn không ba của Sở Nội vụ."),
    ("Họp tại phòng 02, tầng 3.", "Họp tại phòng không hai, tầng ba."),
    ("Chỉ thị 16 về giãn cách xã hội.", "Chỉ thị mười sáu về giãn cách xã hội."),
    ("Kế hoạch 05 năm của huyện.", "Kế hoạch năm năm của huyện."),
    ("Thông báo 05 trường hợp vi phạm.", "Thông báo năm trường hợp vi phạm."),
    ("Hồ sơ gồm 02 bản chính.", "Hồ sơ gồm hai bản chính."),
    # Exam blocks: the zeros of a code are said.
    ("Điểm chuẩn 27,5 điểm khối A00, D07.", "Điểm chuẩn hai mươi bảy phẩy năm điểm khối a không không, đê không bảy."),
]

ADDRESSES = [
    (
        "Số 25 Lý Thường Kiệt, P. Hàng Bài, Q. Hoàn Kiếm, TP. Hà Nội.",
        "Số hai mươi lăm Lý Thường Kiệt, phường Hàng Bài, quận Hoàn Kiếm, thành phố Hà Nội.",
    ),
    (
        "Tầng 3, tòa nhà 18A, p.Tân Định, q.1, TP.HCM.",
        "Tầng ba, tòa nhà mười tám a, phường Tân Định, quận một, Thành phố Hồ Chí Minh.",
    ),
    ("Thôn 5, xã Đắk Môl, h. Đăk Song, tỉnh Đắk Nông.", "Thôn năm, xã Đắk Môl, huyện Đăk Song, tỉnh Đắk Nông."),
    ("Kp. 3, phường Linh Trung, TP. Thủ Đức.", "khu phố ba, phường Linh Trung, thành phố Thủ Đức."),
    ("Tổ 12, khu phố 4, tx. Bến Cát.", "Tổ mười hai, khu phố bốn, thị xã Bến Cát."),
    ("Ngõ 68 Cầu Giấy, Hà Nội.", "Ngõ sáu mươi tám Cầu Giấy, Hà Nội."),
    ("Mã bưu chính 100000.", "Mã bưu chính một không không không không không."),
]

KIND_CASES = (
    SIGNS + CURRENCIES + FRACTIONS_AND_DATES + DOTTED_DATES + CLOCK + LETTER_TIMES + RANGES
    + SCORES + SHORTHAND + UNITS + ROMAN + ABBREVIATIONS + ENGLISH_NUMBERS
    + PHONES + ORDINALS + LETTERS + LOANWORDS + NEWS + SCIENCE
    + SHOPPING + ADMINISTRATION + ADDRESSES
)

# Where readers differ: the reading this project chose (documented in server/speech/numbers.py and
# server/speech/normalize.py), so that a change of convention is a visible decision. The projects named
# are those whose published test cases read the same way or otherwise (tests/speech/data/heldout.tsv).
CONVENTIONS = [
    ("12,75", "mười hai phẩy bảy mươi lăm"),              # one or two decimals: a number (VieNeu-TTS,
                                                          # CodeLinkIO; pyvinorm: digit by digit)
    ("3,14159", "ba phẩy một bốn một năm chín"),          # three or more: digit by digit
    ("3,05", "ba phẩy không năm"),                        # a leading zero decimal is spelled
    ("1.3", "một chấm ba"),                               # a dot without a unit: "chấm"
    ("1.5 triệu", "một phẩy năm triệu"),                  # before a multiplier a lone dot is a decimal point
    ("2.25 tỷ đồng", "hai phẩy hai mươi lăm tỷ đồng"),    # (thousands come in groups of three: "1.500 triệu")
    ("1.500 triệu", "một nghìn năm trăm triệu"),
    ("1.5kg", "một phẩy năm ki lô gam"),                  # a dot before a unit: a decimal point
    ("1.500", "một nghìn năm trăm"),                      # three digits after a dot: thousands
    ("1,234.5", "một nghìn hai trăm ba mươi tư phẩy năm"),  # English thousands and decimal point
    ("3 100 hộ", "ba nghìn một trăm hộ"),                 # a space between three-digit groups: thousands
    ("2023", "hai nghìn không trăm hai mươi ba"),         # "không trăm" inside thousands
    ("105", "một trăm linh năm"),                         # "linh", and "năm" after it
    ("24", "hai mươi tư"),                                # "tư" after "mươi"
    ("14", "mười bốn"),                                   # "bốn" after "mười"
    ("25", "hai mươi lăm"),                               # "lăm" after a tens word
    ("21", "hai mươi mốt"),
    ("1.000.000.000", "một tỷ"),                          # "tỷ", not "tỉ"
    ("15 ngàn", "mười lăm ngàn"),                         # the writer's own word is kept
    ("1/4", "ngày một tháng tư"),                         # a bare a/b is a date, with "ngày" (VieNeu-TTS,
                                                          # CodeLinkIO; pyvinorm, vietnormalizer: none)
    ("20-30/4", "ngày hai mươi đến ngày ba mươi tháng tư"),  # "ngày" before each day (CodeLinkIO; pyvinorm:
                                                          # none)
    ("mùng 1-3/5", "mùng một đến mùng ba tháng năm"),     # the date word said again
    ("đêm 16-17.12", "đêm mười sáu đến mười bảy tháng mười hai"),  # but one night is one "đêm"
    ("20.6.2025", "ngày hai mươi tháng sáu năm hai nghìn không trăm hai mươi lăm"),  # dots as slashes
    ("02.2000", "tháng hai năm hai nghìn"),               # a dot before a year of 1900-2099 too
    ("3.1415", "ba chấm một nghìn bốn trăm mười lăm"),    # any other four digits after a dot: a number
    ("ngày 27.02", "ngày hai mươi bảy tháng hai"),        # after a date word, day.month
    ("27.02", "hai mươi bảy chấm không hai"),             # bare, a number whose zero is said (CodeLinkIO:
                                                          # a date; VieNeu-TTS: "1.8" is "một chấm tám")
    ("1/4 dân số", "một phần tư dân số"),                 # before a quantity noun: a fraction
    ("chiếm 1/4", "chiếm một phần tư"),                   # after a quantity word: a fraction
    ("Sáng 28/9", "Sáng ngày hai mươi tám tháng chín"),   # a time of day keeps "ngày"
    ("đêm 30-4", "đêm ba mươi tháng tư"),                 # a date word replaces it
    ("9:30", "chín giờ ba mươi phút"),                    # clock times say "phút" (VieNeu-TTS, CodeLinkIO;
                                                          # pyvinorm, vietnormalizer: no "phút")
    ("8h05", "tám giờ năm phút"),                         # no "không" before a one-digit minute
                                                          # (VieNeu-TTS alone says "không năm")
    ("0h00", "không giờ không phút"),                     # a written "00" is said, as "14 giờ 00 phút" in
    ("từ 7h30 đến 11h00", "từ bảy giờ ba mươi phút đến mười một giờ không phút"),  # notices (VieNeu-TTS,
                                                          # CodeLinkIO)
    ("7h-11h", "bảy giờ đến mười một giờ"),               # no minutes written, none said
    ("6:00 sáng", "sáu giờ sáng"),                        # before a part of the day, the idiom
    ("12:00:00", "mười hai giờ không phút không giây"),   # with seconds every part is said
    ("thành tích 12:30", "thành tích mười hai phút ba mươi giây"),  # after a duration word
    ("42:05", "bốn mươi hai phút năm giây"),              # more than 24 before the colon
    ("5-7", "năm đến bảy"),                               # a dash between amounts is a range
    ("30-4", "ngày ba mươi tháng tư"),                    # no range runs downwards: a date
    ("15-03", "ngày mười lăm tháng ba"),                  # nor is one written with a zero: a date
    ("3-2", "ba đến hai"),                                # one digit each: a score or a date, left a range
    ("QL14-2", "quốc lộ mười bốn, hai"),                  # digits glued to a code: its parts, no date or range
    ("lô A1-02", "lô a một, không hai"),
    ("tổ 12-3", "tổ mười hai đến ba"),                    # nor after a name word ("giá phòng 2-3 triệu")
    ("Số nhà 101-102A", "Số nhà một trăm linh một, một trăm linh hai a"),  # a house number: each (pyvinorm)
    ("ngõ 12-05", "ngõ mười hai, không năm"),             # with its written zero
    ("hẻm 2-3 người", "hẻm hai đến ba người"),            # but before a count noun, a range
    ("kế hoạch 2021-2025", "kế hoạch hai nghìn không trăm hai mươi mốt đến hai nghìn không trăm hai mươi lăm"),
    ("Hà Nội thắng Hải Phòng 3-2", "Hà Nội thắng Hải Phòng ba hai"),  # a score word before wins over "phòng"
    ("thắng 2-1", "thắng hai một"),                       # after a score word: each number
    ("4-4-2", "bốn bốn hai"),                             # three numbers or more: a formation
    ("30$", "ba mươi đô la Mỹ"),                          # dollars are US dollars
    ("đ/c", "đồng chí"),                                  # in portal and press text, a comrade
    ("+84 912 345 678", "cộng tám bốn, chín một hai, ba bốn năm, sáu bảy tám"),  # digit by digit
    ("hạng 4", "hạng tư"),                                # ordinals after "thứ", "hạng"
    ("lần thứ IV", "lần thứ tư"),
    ("thế kỷ xx", "thế kỷ hai mươi"),                     # lower-case numerals only after "thế kỷ"
    ("chương iv", "chương iv"),
    ("thế kỷ vi", "thế kỷ vi"),                           # nor those that are syllables
    ("Đề án 06", "Đề án không sáu"),                      # a number naming a document keeps its zero
    ("gồm 02 bản", "gồm hai bản"),                        # a zero-padded count is a number
    ("mã 06", "mã không sáu"),                            # after "mã": a code, digit by digit
    ("36°C", "ba mươi sáu độ xê"),                        # unit letters as Vietnamese say them
    ("Email", "i meo"),                                   # loanwords as Vietnamese say them (pyvinorm:
                                                          # the English word)
    ("VTV", "vê tê vê"),                                  # acronyms without a vowel are spelled
    ("NATO", "NATO"),                                     # those that read as a word are not
    ("Cách mạng công nghiệp 4.0 ngày càng rõ.", "Cách mạng công nghiệp bốn chấm không ngày càng rõ."),  # a noun after
                                                          # a dotted number does not make it a decimal
]
