"""Segments: offsets, length limit, phrase splitting, ids and JSON shape."""

from __future__ import annotations

import random
import re
import time

import pytest

from server.speech import PIPELINE_VERSION, Segment, blocks_from_html, load_abbreviations, segment_blocks

_WORD = re.compile(r"[^\W_]")


def check_segments(blocks: list[str], segments: list[Segment]) -> None:
    last: tuple[int, int] = (-1, 0)
    for seg in segments:
        block = blocks[seg.block]
        assert block[seg.start:seg.end] == seg.text
        assert seg.text == seg.text.strip() and seg.text
        assert 0 < len(seg.spoken) <= 100
        assert seg.spoken == " ".join(seg.spoken.split())
        assert _WORD.search(seg.spoken)
        assert (seg.block, seg.start) >= last, "segments out of order or overlapping"
        last = (seg.block, seg.end)
        assert re.fullmatch(r"[0-9a-f]{32}", seg.id)


def synthetic_article(seed: int = 3, paragraphs: int = 120) -> list[str]:
    rng = random.Random(seed)
    parts = [
        "Theo Quyết định số {n}/QĐ-UBND ngày {d}/{m}/{y} của UBND tỉnh Đăk Nông",
        "tổng kinh phí {n}.{k:03d}.000 đồng đã được giải ngân {p}% kế hoạch",
        "hội nghị bắt đầu lúc {h}h30 tại hội trường UBND huyện",
        "mọi ý kiến xin gửi về ubnd@daksong.daknong.gov.vn hoặc số 0261 3544 {k:03d}",
        "công tác CCHC, TTHC và CNTT được triển khai đồng bộ trong giai đoạn 2021-2025",
        "tuyến đường dài {n} km, rộng 7,5 m được đầu tư theo Nghị định 15/2020/NĐ-CP",
        "Đại hội XIV của Đảng và kỳ họp thứ {h} của HĐND huyện khóa XII",
        "tiếp tục cải cách tài chính công và xây dựng chính quyền điện tử, chính quyền số",
    ]
    blocks = []
    for _ in range(paragraphs):
        chosen = [rng.choice(parts).format(n=rng.randint(1, 999), k=rng.randint(0, 999), d=rng.randint(1, 28),
                                           m=rng.randint(1, 12), y=rng.randint(2000, 2030),
                                           p=rng.randint(1, 100), h=rng.randint(6, 17))
                  for _ in range(rng.randint(1, 9))]
        sep = rng.choice([", ", "; ", " và ", ". ", " "])
        text = sep.join(chosen)
        blocks.append(text[0].upper() + text[1:] + ".")
    return blocks


def test_sample_article_offsets(sample_html: str) -> None:
    blocks = blocks_from_html(sample_html)
    segments = segment_blocks(blocks)
    check_segments(blocks, segments)
    assert len(segments) > 30
    assert segments[0].text.startswith("A- A A+")
    spoken = " ".join(s.spoken for s in segments)
    assert "Ủy ban nhân dân tỉnh Đăk Nông" in spoken
    assert "hai mươi tám tháng chín" in spoken
    assert "UBND" not in spoken and "CCHC" not in spoken


def test_sample_raw_lines_used_as_given(sample_text: str) -> None:
    # Raw lines keep NBSP runs; offsets must still index the raw strings.
    blocks = sample_text.splitlines()
    segments = segment_blocks(blocks)
    check_segments(blocks, segments)
    assert {s.block for s in segments} == {i for i, b in enumerate(blocks) if _WORD.search(b)}


def test_synthetic_article_offsets() -> None:
    blocks = synthetic_article()
    segments = segment_blocks(blocks)
    check_segments(blocks, segments)
    assert sum(len(b) for b in blocks) > 30_000


def test_long_sentence_splits_at_best_boundaries() -> None:
    block = ("Qua kết quả kiểm tra thực tế 4 ngày tại các cơ quan, đơn vị địa phương trên toàn huyện Đăk Song "
             "cho thấy, công tác CCHC ở các lĩnh vực như: Thuế; Đất đai; Tư pháp; tài chính công; Lao động "
             "thương binh xã hội... đã được quan tâm và triển khai đồng bộ; huyện đã chủ động xây dựng, ban "
             "hành các Kế hoạch CCHC.")
    segments = segment_blocks([block])
    check_segments([block], segments)
    assert len(segments) >= 3
    # Every cut but the last falls right after punctuation when punctuation is available.
    assert all(s.text[-1] in ",;:." for s in segments)


def test_split_never_inside_numbers_or_dates() -> None:
    block = ("Theo Quyết định số 346/QĐ-UBND ngày 28/9/2023 của UBND tỉnh Đăk Nông về việc phê duyệt kinh phí "
             "1.500.000.000 đồng cho dự án đường giao thông nông thôn dài 12,5 km tại xã Trường Xuân huyện Đăk Song")
    segments = segment_blocks([block])
    check_segments([block], segments)
    for token in ("346/QĐ-UBND", "28/9/2023", "1.500.000.000 đồng", "12,5 km"):
        assert any(token in s.text for s in segments), token


def test_word_only_sentence_is_balanced() -> None:
    block = ("HỘI NGHỊ CÔNG BỐ DỰ THẢO KẾT QUẢ KIỂM TRA CÔNG TÁC CẢI CÁCH HÀNH CHÍNH TRÊN ĐỊA BÀN HUYỆN "
             "ĐĂK SONG NĂM 2023.")
    first, second = segment_blocks([block])
    assert abs(len(first.spoken) - len(second.spoken)) < 30


def test_unbreakable_token_is_hard_cut() -> None:
    block = "Mã " + "9" * 400 + " hết."
    segments = segment_blocks([block])
    check_segments([block], segments)
    assert "".join(s.text.replace(" ", "") for s in segments) == block.replace(" ", "")


def test_empty_and_punctuation_blocks() -> None:
    assert segment_blocks(["", "   ", "\u00a0", "...", "—", "|"]) == []
    segments = segment_blocks(["", "Xin chào.", ""])
    assert [(s.block, s.text) for s in segments] == [(1, "Xin chào.")]


def test_ids_are_content_addresses() -> None:
    a = segment_blocks(["Xin chào bà con."])[0]
    b = segment_blocks(["Khác.", "Xin chào bà con."])[1]
    assert a.id == b.id and len(a.id) == 32
    assert segment_blocks(["Xin chào bà con."], speed="slow")[0].id != a.id
    assert segment_blocks(["Xin chào bà con."], engine="other")[0].id != a.id
    assert segment_blocks(["Xin chào bà con."], lang="en")[0].id != a.id
    assert segment_blocks(["Xin  chào bà con."])[0].id == a.id  # same spoken text


def test_to_json_shape() -> None:
    seg = segment_blocks(["UBND huyện."])[0]
    data = seg.to_json("/audio/x.mp3")
    assert list(data) == ["id", "block", "start", "end", "text", "spoken", "audio"]
    assert data["spoken"] == "Ủy ban nhân dân huyện." and data["audio"] == "/audio/x.mp3"


def test_other_language_skips_vietnamese_normalisation() -> None:
    block = "The UBND met on 28/9 at 7h30.   It approved 1.500.000 VND; " + "and then more words " * 8
    segments = segment_blocks([block], lang="en")
    check_segments([block], segments)
    assert segments[0].spoken == "The UBND met on 28/9 at 7h30."
    assert len(segments) >= 3


def test_custom_abbreviations_override(tmp_path) -> None:
    extra = tmp_path / "abbr.tsv"
    extra.write_text("# operator file\nUBND\tỦy ban\nĐSA\tĐường sắt A\nbroken line\n", encoding="utf-8")
    table = load_abbreviations(str(extra))
    assert table["UBND"] == "Ủy ban" and table["ĐSA"] == "Đường sắt A" and table["HĐND"] == "Hội đồng nhân dân"
    seg = segment_blocks(["UBND và ĐSA."], abbreviations=table)[0]
    assert seg.spoken == "Ủy ban và Đường sắt A."
    # Without a table "UBND" is an unknown acronym: spelled, not expanded.
    assert segment_blocks(["UBND."], abbreviations={})[0].spoken == "u bê en đê."


def test_builtin_dictionary_size() -> None:
    assert len(load_abbreviations()) >= 150


def test_pipeline_version_is_text() -> None:
    assert isinstance(PIPELINE_VERSION, str) and PIPELINE_VERSION


@pytest.mark.parametrize("html", [
    "<p>Ngày 28/9 Đoàn kiểm tra số 346 của UBND tỉnh Đăk Nông làm việc với UBND huyện.</p>",
    "<div>Liên hệ <b>0912.345.678</b><br>hoặc <a href='mailto:x@y.vn'>x@y.vn</a></div>",
])
def test_html_to_segments(html: str) -> None:
    blocks = blocks_from_html(html)
    check_segments(blocks, segment_blocks(blocks))


def test_a_phrase_is_read_within_its_sentence() -> None:
    # Cut before the dash, the second moment still reads as the end of the range the first one opened.
    block = ("Hồ sơ được nhận từ 7 giờ 30 phút ngày 20/11/2023 - 17h00 ngày 25/11/2023 tại Bộ phận tiếp nhận"
             " và trả kết quả của Ủy ban nhân dân huyện Đăk Song.")
    segments = segment_blocks([block])
    check_segments([block], segments)
    after = next(seg for seg in segments if seg.text.startswith("- 17h00"))
    assert after.spoken.startswith("đến mười bảy giờ không phút ngày hai mươi lăm tháng mười một")


@pytest.mark.parametrize("block", [
    "xy. " * 20_000,          # thousands of non-splitting periods (was quadratic)
    "9" * 20_000,             # one giant number
    "a@b.vn" * 5_000,         # one giant address-like token
    "Ngày 28/9, " * 5_000,    # many protected spans
])
def test_pathological_blocks_stay_fast(block: str) -> None:
    start = time.perf_counter()
    segments = segment_blocks([block])
    assert time.perf_counter() - start < 5
    check_segments([block], segments)
