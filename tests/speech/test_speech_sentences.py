"""Vietnamese sentence segmentation."""

from __future__ import annotations

import pytest

from server.speech.sentences import sentence_spans


def split(block: str) -> list[str]:
    return [block[s:e] for s, e in sentence_spans(block)]


SENTENCES = [
    ("Ngày 28/9 Đoàn kiểm tra làm việc với UBND huyện. Làm việc với đoàn có ông Võ Quốc Tuấn.",
     ["Ngày 28/9 Đoàn kiểm tra làm việc với UBND huyện.", "Làm việc với đoàn có ông Võ Quốc Tuấn."]),
    ("Hội nghị diễn ra tại TP. Hồ Chí Minh. Đại biểu đến đông đủ.",
     ["Hội nghị diễn ra tại TP. Hồ Chí Minh.", "Đại biểu đến đông đủ."]),
    ("Trụ sở đặt tại Q. 1, TP.HCM. Điện thoại liên hệ bên dưới.",
     ["Trụ sở đặt tại Q. 1, TP.HCM.", "Điện thoại liên hệ bên dưới."]),
    ("Cửa hàng ở P. Tân Định. Mở cửa cả tuần.", ["Cửa hàng ở P. Tân Định.", "Mở cửa cả tuần."]),
    ("GS.TS. Nguyễn Văn A phát biểu. PGS.TS. Trần Thị B chủ trì.",
     ["GS.TS. Nguyễn Văn A phát biểu.", "PGS.TS. Trần Thị B chủ trì."]),
    ("ThS. Lê Văn C trình bày tham luận. Th.S Hoàng D bổ sung.",
     ["ThS. Lê Văn C trình bày tham luận.", "Th.S Hoàng D bổ sung."]),
    ("Tỷ lệ đạt 3,5 phần trăm. Kinh phí 1.500.000 đồng.", ["Tỷ lệ đạt 3,5 phần trăm.", "Kinh phí 1.500.000 đồng."]),
    ("Hạn chót là 28.9.2023. Sau đó không nhận hồ sơ.", ["Hạn chót là 28.9.2023.", "Sau đó không nhận hồ sơ."]),
    ("Khai mạc lúc 7h30. Bế mạc lúc 14:00.", ["Khai mạc lúc 7h30.", "Bế mạc lúc 14:00."]),
    ("Các lĩnh vực như thuế, đất đai... đã được quan tâm.", ["Các lĩnh vực như thuế, đất đai... đã được quan tâm."]),
    ("Còn thiếu sót trong việc xin lỗi người dân... Tuy nhiên đã khắc phục.",
     ["Còn thiếu sót trong việc xin lỗi người dân...", "Tuy nhiên đã khắc phục."]),
    ("Chờ đợi… Cuối cùng cũng đến.", ["Chờ đợi…", "Cuối cùng cũng đến."]),
    ("Chờ đợi… rồi cũng đến.", ["Chờ đợi… rồi cũng đến."]),
    ('Ông nói: "Chúng ta phải làm tốt hơn." Mọi người vỗ tay.',
     ['Ông nói: "Chúng ta phải làm tốt hơn."', "Mọi người vỗ tay."]),
    ("Ông nói: “Phải làm ngay!” Cả hội trường đồng tình.",
     ["Ông nói: “Phải làm ngay!”", "Cả hội trường đồng tình."]),
    ("Kết quả khả quan (đạt 95%.) Năm sau tiếp tục.", ["Kết quả khả quan (đạt 95%.)", "Năm sau tiếp tục."]),
    ("1. Tăng cường kỷ luật hành chính.", ["1. Tăng cường kỷ luật hành chính."]),
    ("II. KẾT QUẢ THỰC HIỆN", ["II. KẾT QUẢ THỰC HIỆN"]),
    ("a) Rà soát thủ tục. b) Công khai thủ tục.", ["a) Rà soát thủ tục.", "b) Công khai thủ tục."]),
    ("Bạn đã nộp hồ sơ chưa? Hãy nộp ngay! Hạn là hôm nay.",
     ["Bạn đã nộp hồ sơ chưa?", "Hãy nộp ngay!", "Hạn là hôm nay."]),
    ("Thuế, đất đai, tư pháp, v.v. Tất cả đều được rà soát.",
     ["Thuế, đất đai, tư pháp, v.v.", "Tất cả đều được rà soát."]),
    ("Xem trang 12, Tr. 5 của tài liệu.", ["Xem trang 12, Tr. 5 của tài liệu."]),
    ("Truy cập daknong.gov.vn. Sau đó đăng nhập.", ["Truy cập daknong.gov.vn.", "Sau đó đăng nhập."]),
    ("Tổng số 2.500 hồ sơ. 98% đúng hạn.", ["Tổng số 2.500 hồ sơ.", "98% đúng hạn."]),
    ("Lê Xuân.", ["Lê Xuân."]),
    ("  Có khoảng trắng ở đầu. Và ở cuối.  ", ["Có khoảng trắng ở đầu.", "Và ở cuối."]),
    ("Không có dấu câu ở cuối", ["Không có dấu câu ở cuối"]),
    ("", []),
    ("   ", []),
]


@pytest.mark.parametrize(("block", "expected"), SENTENCES)
def test_sentences(block: str, expected: list[str]) -> None:
    assert split(block) == expected


@pytest.mark.parametrize(("block", "_"), SENTENCES)
def test_spans_are_trimmed_and_ordered(block: str, _: list[str]) -> None:
    previous_end = 0
    for s, e in sentence_spans(block):
        assert previous_end <= s < e <= len(block)
        assert not block[s].isspace() and not block[e - 1].isspace()
        previous_end = e
