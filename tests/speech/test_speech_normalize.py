"""Normalisation to speakable Vietnamese, one table per category of rule."""

from __future__ import annotations

import pytest

from server.speech.normalize import Normalizer
from tests.speech.cases import CONVENTIONS, KIND_CASES

DATES = [
    ("Ngày 28/9 Đoàn kiểm tra làm việc với huyện.", "Ngày hai mươi tám tháng chín Đoàn kiểm tra làm việc với huyện."),
    ("Hội nghị diễn ra ngày 28/9/2023 tại hội trường.",
     "Hội nghị diễn ra ngày hai mươi tám tháng chín năm hai nghìn không trăm hai mươi ba tại hội trường."),
    ("Sáng 28/9, đoàn đến huyện Đăk Song.", "Sáng ngày hai mươi tám tháng chín, đoàn đến huyện Đăk Song."),
    ("Từ 01/10/2023 áp dụng mức lương mới.",
     "Từ ngày một tháng mười năm hai nghìn không trăm hai mươi ba áp dụng mức lương mới."),
    ("Văn bản ký ngày 5-12-2022.", "Văn bản ký ngày năm tháng mười hai năm hai nghìn không trăm hai mươi hai."),
    ("Hạn chót là 31.12.2024.", "Hạn chót là ngày ba mươi mốt tháng mười hai năm hai nghìn không trăm hai mươi tư."),
    ("Tháng 9/2023, huyện hoàn thành kế hoạch.",
     "Tháng chín năm hai nghìn không trăm hai mươi ba, huyện hoàn thành kế hoạch."),
    ("Số liệu tính đến 6/2023.", "Số liệu tính đến tháng sáu năm hai nghìn không trăm hai mươi ba."),
    ("Năm 2023 là năm bản lề.", "Năm hai nghìn không trăm hai mươi ba là năm bản lề."),
    ("Chiều ngày 15-8 xã tổ chức họp dân.", "Chiều ngày mười lăm tháng tám xã tổ chức họp dân."),
    ("Lễ khai giảng vào ngày 5/9 hằng năm.", "Lễ khai giảng vào ngày năm tháng chín hằng năm."),
    ("Trong các ngày 2/9 và 3/9, trung tâm nghỉ lễ.",
     "Trong các ngày hai tháng chín và ngày ba tháng chín, trung tâm nghỉ lễ."),
    ("NGÀY 28/9/2023", "NGÀY hai mươi tám tháng chín năm hai nghìn không trăm hai mươi ba"),
    ("Đến hết tháng 12/2025 phải xong.", "Đến hết tháng mười hai năm hai nghìn không trăm hai mươi lăm phải xong."),
    ("Thứ Hai, 02/10/2023", "Thứ Hai, ngày hai tháng mười năm hai nghìn không trăm hai mươi ba"),
]

TIMES = [
    ("Hội nghị bắt đầu lúc 7h30.", "Hội nghị bắt đầu lúc bảy giờ ba mươi phút."),
    ("Bộ phận một cửa làm việc từ 7h đến 17h.", "Bộ phận một cửa làm việc từ bảy giờ đến mười bảy giờ."),
    ("Phiên họp khai mạc lúc 14:00 chiều nay.", "Phiên họp khai mạc lúc mười bốn giờ chiều nay."),
    ("Vào lúc 8 giờ 30 sáng, đoàn đến xã.", "Vào lúc tám giờ ba mươi phút sáng, đoàn đến xã."),
    ("Trận đấu diễn ra lúc 19h45 tối thứ Bảy.", "Trận đấu diễn ra lúc mười chín giờ bốn mươi lăm phút tối thứ Bảy."),
    ("Từ 13h30 đến 16h30 tiếp công dân.", "Từ mười ba giờ ba mươi phút đến mười sáu giờ ba mươi phút tiếp công dân."),
    ("Lúc 9:15, xe cứu hỏa có mặt.", "Lúc chín giờ mười lăm phút, xe cứu hỏa có mặt."),
    ("Khoảng 22h ngày 3/4, xảy ra vụ cháy.", "Khoảng hai mươi hai giờ ngày ba tháng tư, xảy ra vụ cháy."),
    ("Lúc 7h05 sáng nay trời mưa.", "Lúc bảy giờ năm phút sáng nay trời mưa."),
    ("Từ 6h00 sáng, người dân đã xếp hàng.", "Từ sáu giờ sáng, người dân đã xếp hàng."),
]

RANGES_AND_PERCENT = [
    ("Giai đoạn 2020-2025, huyện đầu tư mạnh.",
     "Giai đoạn hai nghìn không trăm hai mươi đến hai nghìn không trăm hai mươi lăm, huyện đầu tư mạnh."),
    ("Nhiệm kỳ 2021 - 2026 có nhiều đổi mới.",
     "Nhiệm kỳ hai nghìn không trăm hai mươi mốt đến hai nghìn không trăm hai mươi sáu có nhiều đổi mới."),
    ("Hồ sơ được giải quyết trong 5-7 ngày.", "Hồ sơ được giải quyết trong năm đến bảy ngày."),
    ("Nhiệt độ dao động 25–30°C.", "Nhiệt độ dao động hai mươi lăm đến ba mươi độ xê."),
    ("Tỷ lệ hộ nghèo giảm còn 15%.", "Tỷ lệ hộ nghèo giảm còn mười lăm phần trăm."),
    ("Tăng trưởng đạt 3,5% so với cùng kỳ.", "Tăng trưởng đạt ba phẩy năm phần trăm so với cùng kỳ."),
    ("Có 100% hồ sơ được xử lý đúng hạn.", "Có một trăm phần trăm hồ sơ được xử lý đúng hạn."),
    ("Tỷ lệ tiêm chủng đạt 98,7 %.", "Tỷ lệ tiêm chủng đạt chín mươi tám phẩy bảy phần trăm."),
    ("Lãi suất từ 6-8% mỗi năm.", "Lãi suất từ sáu đến tám phần trăm mỗi năm."),
    ("Khoảng 10-15 hộ dân bị ảnh hưởng.", "Khoảng mười đến mười lăm hộ dân bị ảnh hưởng."),
    ("Đạt 0,5% kế hoạch.", "Đạt không phẩy năm phần trăm kế hoạch."),
    ("Cách mạng công nghiệp 4.0 mở ra cơ hội.", "Cách mạng công nghiệp bốn chấm không mở ra cơ hội."),
]

MONEY = [
    ("Mức hỗ trợ là 1.500.000đ mỗi tháng.", "Mức hỗ trợ là một triệu năm trăm nghìn đồng mỗi tháng."),
    ("Mỗi hộ nhận 1.500.000 đồng.", "Mỗi hộ nhận một triệu năm trăm nghìn đồng."),
    ("Tổng kinh phí 2 triệu đồng.", "Tổng kinh phí hai triệu đồng."),
    ("Dự án có vốn 1,2 tỷ đồng.", "Dự án có vốn một phẩy hai tỷ đồng."),
    ("Giá vé 50.000 VNĐ một lượt.", "Giá vé năm mươi nghìn đồng một lượt."),
    ("Phí dịch vụ 20.000 VND.", "Phí dịch vụ hai mươi nghìn đồng."),
    ("Kim ngạch đạt 500 USD mỗi người.", "Kim ngạch đạt năm trăm đô la Mỹ mỗi người."),
    ("Giá vàng tăng thêm $20.", "Giá vàng tăng thêm hai mươi đô la Mỹ."),
    ("Thu nhập bình quân 45 triệu đồng/người/năm.", "Thu nhập bình quân bốn mươi lăm triệu đồng trên người trên năm."),
    ("Học phí 300.000đ/tháng.", "Học phí ba trăm nghìn đồng trên tháng."),
    ("Ngân sách chi 12.345.678.000 đồng.",
     "Ngân sách chi mười hai tỷ ba trăm bốn mươi lăm triệu sáu trăm bảy mươi tám nghìn đồng."),
    ("Số tiền 100.000.000 đồng đã được giải ngân.", "Số tiền một trăm triệu đồng đã được giải ngân."),
    ("Vốn điều lệ 3,5 tỷ.", "Vốn điều lệ ba phẩy năm tỷ."),
    ("Hỗ trợ 500 nghìn đồng mỗi suất.", "Hỗ trợ năm trăm nghìn đồng mỗi suất."),
]

UNITS = [
    ("Tuyến đường dài 12 km.", "Tuyến đường dài mười hai ki lô mét."),
    ("Mặt đường rộng 7,5 m.", "Mặt đường rộng bảy phẩy năm mét."),
    ("Diện tích nhà văn hóa 250 m2.", "Diện tích nhà văn hóa hai trăm năm mươi mét vuông."),
    ("Căn hộ rộng 80 m².", "Căn hộ rộng tám mươi mét vuông."),
    ("Huyện trồng mới 1.200 ha cà phê.", "Huyện trồng mới một nghìn hai trăm héc ta cà phê."),
    ("Mỗi hộ được cấp 10 kg gạo.", "Mỗi hộ được cấp mười ki lô gam gạo."),
    ("Sản lượng đạt 15.000 tấn.", "Sản lượng đạt mười lăm nghìn tấn."),
    ("Nhiệt độ cao nhất 36°C.", "Nhiệt độ cao nhất ba mươi sáu độ xê."),
    ("Lượng mưa 120 mm.", "Lượng mưa một trăm hai mươi mi li mét."),
    ("Tốc độ tối đa 60 km/h.", "Tốc độ tối đa sáu mươi ki lô mét trên giờ."),
    ("Bể chứa 500 lít nước.", "Bể chứa năm trăm lít nước."),
    ("Cây cao 30 cm.", "Cây cao ba mươi xen ti mét."),
    ("Hồ chứa 2 triệu m3 nước.", "Hồ chứa hai triệu mét khối nước."),
    ("Nhà máy công suất 50 MW.", "Nhà máy công suất năm mươi mê ga oát."),
    ("Diện tích tự nhiên 80.000 km².", "Diện tích tự nhiên tám mươi nghìn ki lô mét vuông."),
    ("Bình quân 2 lần/tuần.", "Bình quân hai lần trên tuần."),
    ("Giá thu mua 45.000-52.000 đồng/kg.",
     "Giá thu mua bốn mươi lăm nghìn đến năm mươi hai nghìn đồng trên ki lô gam."),
    ("Mật độ 120 người/km².", "Mật độ một trăm hai mươi người trên ki lô mét vuông."),
    ("Năng suất 3 tấn/ha.", "Năng suất ba tấn trên héc ta."),
    ("Chi phí 5 triệu đồng/hộ mỗi năm.", "Chi phí năm triệu đồng trên hộ mỗi năm."),
]

ROMAN = [
    ("Đại hội XIV của Đảng.", "Đại hội mười bốn của Đảng."),
    ("Quốc hội khóa XV họp kỳ thứ 6.", "Quốc hội khóa mười lăm họp kỳ thứ sáu."),
    ("Hội đồng nhân dân huyện Khóa XIII.", "Hội đồng nhân dân huyện Khóa mười ba."),
    ("Kết quả quý III tăng mạnh.", "Kết quả quý ba tăng mạnh."),
    ("Chương II quy định về tổ chức.", "Chương hai quy định về tổ chức."),
    ("Bước vào thế kỷ XXI, đất nước đổi mới.", "Bước vào thế kỷ hai mươi mốt, đất nước đổi mới."),
    ("Đại hội lần thứ IV thành công.", "Đại hội lần thứ tư thành công."),
    ("Phần I: Kết quả thực hiện.", "Phần một: Kết quả thực hiện."),
    ("II. KẾT QUẢ ĐẠT ĐƯỢC", "hai. KẾT QUẢ ĐẠT ĐƯỢC"),
    ("Trận đấu ở Vòng I diễn ra hôm qua.", "Trận đấu ở Vòng I diễn ra hôm qua."),
    ("Anh ấy nói I love Việt Nam.", "Anh ấy nói I love Việt Nam."),
    ("Đội C về nhất.", "Đội C về nhất."),
]

ORDINALS_AND_ARTICLES = [
    ("Họp vào thứ 2 hằng tuần.", "Họp vào thứ hai hằng tuần."),
    ("Thứ 4 tuần sau tổ chức tập huấn.", "Thứ tư tuần sau tổ chức tập huấn."),
    ("Đơn vị xếp thứ 1 toàn tỉnh.", "Đơn vị xếp thứ nhất toàn tỉnh."),
    ("Xếp thứ 14 trên 63 tỉnh thành.", "Xếp thứ mười bốn trên sáu mươi ba tỉnh thành."),
    ("Căn cứ Điều 5 khoản 2 của Luật.", "Căn cứ Điều năm khoản hai của Luật."),
    ("Theo khoản 3 Điều 12 Nghị định.", "Theo khoản ba Điều mười hai Nghị định."),
    ("Lần thứ 3 liên tiếp nhận cờ thi đua.", "Lần thứ ba liên tiếp nhận cờ thi đua."),
    ("Kỳ họp thứ 7 HĐND huyện.", "Kỳ họp thứ bảy Hội đồng nhân dân huyện."),
]

PHONES = [
    ("Đường dây nóng 0261 3544 123.", "Đường dây nóng không hai sáu một, ba năm bốn bốn, một hai ba."),
    ("Liên hệ 0912.345.678 để được hỗ trợ.", "Liên hệ không chín một hai, ba bốn năm, sáu bảy tám để được hỗ trợ."),
    ("Tổng đài 1900 1234 hoạt động 24/7.",
     "Tổng đài một chín không không, một hai ba bốn hoạt động hai mươi tư trên bảy."),
    ("Gọi 0987654321 khi cần.", "Gọi không chín tám bảy sáu năm bốn ba hai một khi cần."),
    ("Điện thoại: (0261) 3544 123.", "Điện thoại: không hai sáu một, ba năm bốn bốn, một hai ba."),
    ("Số điện thoại +84 912 345 678.", "Số điện thoại cộng tám bốn, chín một hai, ba bốn năm, sáu bảy tám."),
    ("Đường dây 18001234 miễn phí.", "Đường dây một tám không không một hai ba bốn miễn phí."),
    ("Hotline 0912-345-678.", "hót lai không chín một hai, ba bốn năm, sáu bảy tám."),
]

LEGAL = [
    ("Theo Nghị định 15/2020/NĐ-CP của Chính phủ.",
     "Theo Nghị định số mười lăm năm hai nghìn không trăm hai mươi, nghị định chính phủ của Chính phủ."),
    ("Quyết định số 346/QĐ-UBND ngày 28/9/2023.",
     "Quyết định số ba trăm bốn mươi sáu, quyết định ủy ban nhân dân "
     "ngày hai mươi tám tháng chín năm hai nghìn không trăm hai mươi ba."),
    ("Thông tư 01/2023/TT-BTC hướng dẫn chi tiết.",
     "Thông tư số một năm hai nghìn không trăm hai mươi ba, thông tư bộ tài chính hướng dẫn chi tiết."),
    ("Chỉ thị 12/CT-TTg về phòng chống dịch.", "Chỉ thị số mười hai, chỉ thị thủ tướng về phòng chống dịch."),
    ("Nghị quyết số 05/NQ-HĐND.", "Nghị quyết số năm, nghị quyết hội đồng nhân dân."),
    ("Kế hoạch 120/KH-UBND triển khai năm 2024.",
     "Kế hoạch số một trăm hai mươi, kế hoạch ủy ban nhân dân triển khai năm hai nghìn không trăm hai mươi tư."),
    ("Công văn 1234/UBND-VP gửi các xã.",
     "Công văn số một nghìn hai trăm ba mươi tư, ủy ban nhân dân văn phòng gửi các xã."),
    ("Luật số 59/2020/QH14.", "Luật số năm mươi chín năm hai nghìn không trăm hai mươi, quốc hội mười bốn."),
    ("Quyết định 1847/QĐ-TTg phê duyệt đề án.",
     "Quyết định số một nghìn tám trăm bốn mươi bảy, quyết định thủ tướng phê duyệt đề án."),
    ("Nghị định số 61/2018/NĐ-CP về một cửa.",
     "Nghị định số sáu mươi mốt năm hai nghìn không trăm mười tám, nghị định chính phủ về một cửa."),
    # The Party's numbers: type before the slash, its committees as issuers.
    ("Nghị quyết số 57-NQ/TW của Bộ Chính trị.",
     "Nghị quyết số năm mươi bảy, nghị quyết trung ương của Bộ Chính trị."),
    ("Thực hiện Chỉ thị 05-CT/TU của Tỉnh ủy.", "Thực hiện Chỉ thị số năm, chỉ thị tỉnh ủy của Tỉnh ủy."),
    ("Kết luận số 01-KL/TW về học tập.", "Kết luận số một, kết luận trung ương về học tập."),
    ("Theo Quy định 08-QĐi/TW.", "Theo Quy định số tám, quy định trung ương."),
    ("Hướng dẫn 12-HD/BTGTW ngày 5/3.",
     "Hướng dẫn số mười hai, hướng dẫn ban tuyên giáo trung ương ngày năm tháng ba."),
    ("Thông báo 123-TB/HU.", "Thông báo số một trăm hai mươi ba, thông báo huyện ủy."),
    ("Số: 346/QĐ-UBND", "Số: ba trăm bốn mươi sáu, quyết định ủy ban nhân dân"),  # the header says "số" once
    ("Số: 125 /KH-UBND", "Số: một trăm hai mươi lăm, kế hoạch ủy ban nhân dân"),
    # A label before a colon names what follows, as the word alone would; a duration word does not.
    ("Địa chỉ: 15/3 Lê Lợi. Mã số thuế: 4000123456. Ngày: 5/3.",
     "Địa chỉ: mười lăm trên ba Lê Lợi. Mã số thuế: bốn không không không một hai ba bốn năm sáu. Ngày: năm tháng ba."),
    ("Nguyễn Văn A (SN 1985), CMND 123456789, STK 1903456789.",
     "Nguyễn Văn A (sinh năm một nghìn chín trăm tám mươi lăm), chứng minh nhân dân một hai ba bốn năm sáu bảy tám "
     "chín, số tài khoản một chín không ba bốn năm sáu bảy tám chín."),
    ("Thời gian: 14h30, ngày 5/3.", "Thời gian: mười bốn giờ ba mươi phút, ngày năm tháng ba."),
    ("Kỳ họp HĐND-UBND và Sở GD-ĐT.", "Kỳ họp Hội đồng nhân dân Ủy ban nhân dân và Sở Giáo dục và Đào tạo."),
    ("Xăng RON 95-III giảm giá.", "Xăng RON chín mươi lăm III giảm giá."),
    ("Xe ô tô BKS 29A1-123.45 và xe 30E-12345.",
     "Xe ô tô biển kiểm soát hai chín a một, một hai ba chấm bốn năm và xe ba không e, một hai ba bốn năm."),
    ("Công ty CP Cấp nước, mã số thuế 4000123456.",
     "Công ty cổ phần Cấp nước, mã số thuế bốn không không không một hai ba bốn năm sáu."),
    # A pause where the number could run into the year: "ba mươi năm" is thirty-five.
    ("Nghị định 30/2020/NĐ-CP.", "Nghị định số ba mươi, năm hai nghìn không trăm hai mươi, nghị định chính phủ."),
]

ADDRESSES = [
    ("Mọi ý kiến gửi về ubnd@daksong.daknong.gov.vn.",
     "Mọi ý kiến gửi về ubnd a còng daksong chấm daknong chấm gov chấm vn."),
    ("Xem chi tiết tại https://daksong.daknong.gov.vn/tin-tuc.",
     "Xem chi tiết tại daksong chấm daknong chấm gov chấm vn gạch chéo tin gạch ngang tuc."),
    ("Truy cập www.daknong.gov.vn để tra cứu.",
     "Truy cập vê kép vê kép vê kép chấm daknong chấm gov chấm vn để tra cứu."),
    ("Cổng dịch vụ công dichvucong.gov.vn đã kết nối.", "Cổng dịch vụ công dichvucong chấm gov chấm vn đã kết nối."),
    ("Email: vanthu_so@gmail.com", "i meo: vanthu gạch dưới so a còng gmail chấm com"),
    ("Góp ý qua hop.thu2023@gmail.com nhé.", "Góp ý qua hop chấm thu hai không hai ba a còng gmail chấm com nhé."),
]

ABBREVIATIONS = [
    ("Trụ sở đặt tại P.5, Q.3, TP.HCM.", "Trụ sở đặt tại phường năm, quận ba, Thành phố Hồ Chí Minh."),
    ("Văn phòng ở P.10 Q.Bình Thạnh.", "Văn phòng ở phường mười quận Bình Thạnh."),
    ("UBND tỉnh Đăk Nông chỉ đạo quyết liệt.", "Ủy ban nhân dân tỉnh Đăk Nông chỉ đạo quyết liệt."),
    ("Kỳ họp HĐND huyện khai mạc.", "Kỳ họp Hội đồng nhân dân huyện khai mạc."),
    ("Ban Thường trực UBMTTQ huyện phát động.", "Ban Thường trực Ủy ban Mặt trận Tổ quốc huyện phát động."),
    ("Công tác CCHC được quan tâm.", "Công tác cải cách hành chính được quan tâm."),
    ("Niêm yết đầy đủ TTHC tại trụ sở.", "Niêm yết đầy đủ thủ tục hành chính tại trụ sở."),
    ("Ứng dụng CNTT trong quản lý.", "Ứng dụng công nghệ thông tin trong quản lý."),
    ("Học sinh THCS và THPT được nghỉ.", "Học sinh trung học cơ sở và trung học phổ thông được nghỉ."),
    ("Tỷ lệ tham gia BHXH, BHYT tăng.", "Tỷ lệ tham gia bảo hiểm xã hội, bảo hiểm y tế tăng."),
    ("Người dân TP.HCM đón Tết.", "Người dân Thành phố Hồ Chí Minh đón Tết."),
    ("Đoàn công tác của TP. Hà Nội.", "Đoàn công tác của thành phố Hà Nội."),
    ("Sở GD&ĐT tỉnh tổ chức thi.", "Sở Giáo dục và Đào tạo tỉnh tổ chức thi."),
    ("Phát triển KT-XH bền vững.", "Phát triển kinh tế - xã hội bền vững."),
    ("Tiếp xúc cử tri với ĐBQH.", "Tiếp xúc cử tri với đại biểu Quốc hội."),
    ("Ban Bí thư TW Đảng.", "Ban Bí thư Trung ương Đảng."),
    ("Nghị quyết của CP về phát triển.", "Nghị quyết của Chính phủ về phát triển."),
    ("Theo QĐ của tỉnh.", "Theo quyết định của tỉnh."),
    ("Ông Nguyễn Văn A, PGS.TS. ngành y.", "Ông Nguyễn Văn A, phó giáo sư, tiến sĩ ngành y."),
    ("ThS. Lê Thị B trình bày tham luận.", "thạc sĩ Lê Thị B trình bày tham luận."),
    ("Thuế, đất đai, tư pháp, v.v. đều được rà soát.", "Thuế, đất đai, tư pháp, vân vân đều được rà soát."),
    ("Tuyến QL14 qua địa bàn huyện.", "Tuyến quốc lộ mười bốn qua địa bàn huyện."),
    ("Bài viết (St.) được tổng hợp.", "Bài viết (sưu tầm) được tổng hợp."),
    ("MTTQ và các đoàn thể cùng tham gia.", "Mặt trận Tổ quốc và các đoàn thể cùng tham gia."),
    ("Cán bộ CBCCVC cần gương mẫu.", "Cán bộ cán bộ, công chức, viên chức cần gương mẫu."),
    ("Xây dựng NTM nâng cao.", "Xây dựng nông thôn mới nâng cao."),
    ("HTX nông nghiệp Thuận Hạnh.", "hợp tác xã nông nghiệp Thuận Hạnh."),
    ("Trang web ubnd.gov.vn", "Trang oép ubnd chấm gov chấm vn"),
    ("Từ khóa ubnd viết thường không đổi.", "Từ khóa ubnd viết thường không đổi."),
    ("Các UBNDx không phải từ viết tắt.", "Các UBNDx không phải từ viết tắt."),
]

SYMBOLS_AND_PASSTHROUGH = [
    ("Thuế; Đất đai; Lao động thương binh xã hội... đã được quan tâm.",
     "Thuế; Đất đai; Lao động thương binh xã hội, đã được quan tâm."),
    ("Còn thiếu sót trong thực hiện xin lỗi người dân...", "Còn thiếu sót trong thực hiện xin lỗi người dân"),
    ("Chờ đợi… rồi cũng đến.", "Chờ đợi, rồi cũng đến."),
    ("Ngành Nông nghiệp & Môi trường.", "Ngành Nông nghiệp và Môi trường."),
    ("Quang cảnh buổi kiểm tra.", "Quang cảnh buổi kiểm tra."),
    ("Ông Lê Trung Trường Vũ, Phó giám đốc Sở Nội vụ.", "Ông Lê Trung Trường Vũ, Phó giám đốc Sở Nội vụ."),
    ("A- A A+ | Tăng tương phản Giảm tương phản", "A- A A+ | Tăng tương phản Giảm tương phản"),
    ("Dịch Covid-19 đã được kiểm soát.", "Dịch cô vít mười chín đã được kiểm soát."),
    ("Lê Xuân.", "Lê Xuân."),
    ("Đồng chí Võ Quốc Tuấn phát biểu tại hội nghị.", "Đồng chí Võ Quốc Tuấn phát biểu tại hội nghị."),
    ("Người  dân\u00a0\u00a0đến   đông.", "Người dân đến đông."),
    ("và/hoặc", "và/hoặc"),
    ("Tổ 3 có 4 hộ.", "Tổ ba có bốn hộ."),
]

ALL_CASES = (DATES + TIMES + RANGES_AND_PERCENT + MONEY + UNITS + ROMAN + ORDINALS_AND_ARTICLES + PHONES
             + LEGAL + ADDRESSES + ABBREVIATIONS + SYMBOLS_AND_PASSTHROUGH + KIND_CASES + CONVENTIONS)


@pytest.mark.parametrize(("text", "expected"), ALL_CASES)
def test_normalize(normalizer: Normalizer, text: str, expected: str) -> None:
    assert normalizer.normalize(text) == expected


@pytest.mark.parametrize(("text", "expected"), ALL_CASES)
def test_idempotent(normalizer: Normalizer, text: str, expected: str) -> None:
    once = normalizer.normalize(text)
    assert normalizer.normalize(once) == once


def test_abbreviation_expansions_are_stable(normalizer: Normalizer) -> None:
    # An expansion containing another key would make normalisation non-idempotent.
    for key, expansion in normalizer.abbreviations.items():
        assert normalizer.normalize(expansion) == " ".join(expansion.split()), key


def test_ngay_not_doubled(normalizer: Normalizer) -> None:
    spoken = normalizer.normalize("ngày 28/9 và Ngày 1/10/2023")
    assert "ngày ngày" not in spoken.lower()
