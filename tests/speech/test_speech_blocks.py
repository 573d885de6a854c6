"""Readable blocks from article HTML."""

from __future__ import annotations

import pytest

from server.speech import blocks_from_html, clean_text

BLOCKS = [
    ("<p>Một đoạn.</p><p>Đoạn hai.</p>", ["Một đoạn.", "Đoạn hai."]),
    ("<h1>Tiêu đề</h1><h2>Phụ đề</h2><p>Nội dung</p>", ["Tiêu đề", "Phụ đề", "Nội dung"]),
    ("<p>Chữ <b>đậm</b>, <em>nghiêng</em> và <a href='#'>liên kết</a>.</p>",
     ["Chữ đậm, nghiêng và liên kết."]),
    ("<p>Dòng một<br>dòng hai<br/>dòng ba</p>", ["Dòng một dòng hai dòng ba"]),
    ("<ul><li>Mục một</li><li>Mục <span>hai</span></li></ul>", ["Mục một", "Mục hai"]),
    ("<ol><li>Không đóng thẻ<li>Thẻ thứ hai</ol>", ["Không đóng thẻ", "Thẻ thứ hai"]),
    ("<table><tr><th>Chỉ tiêu</th><td>95%</td></tr></table>", ["Chỉ tiêu", "95%"]),
    ("<figure><img src='a.jpg'><figcaption>Quang cảnh buổi kiểm tra.</figcaption></figure>",
     ["Quang cảnh buổi kiểm tra."]),
    ("<blockquote>Trích dẫn.</blockquote><dl><dt>Thuật ngữ</dt><dd>Định nghĩa</dd></dl>",
     ["Trích dẫn.", "Thuật ngữ", "Định nghĩa"]),
    ("<div>Văn bản trực tiếp trong div<p>và một đoạn</p>rồi phần đuôi</div>",
     ["Văn bản trực tiếp trong div", "và một đoạn", "rồi phần đuôi"]),
    ("<section>Phần <i>một</i></section><section>Phần hai</section>", ["Phần một", "Phần hai"]),
    ("<p>Hiện</p><script>var x = '<p>ẩn</p>';</script><style>p{}</style><p>Tiếp</p>", ["Hiện", "Tiếp"]),
    ("<nav><a>Trang chủ</a></nav><p>Bài viết</p>", ["Bài viết"]),
    ("<template><p>Mẫu</p></template><noscript>Bật JS</noscript><p>Thật</p>", ["Thật"]),
    ("<p hidden>Ẩn</p><p aria-hidden='true'>Cũng ẩn <b>đậm</b></p><p>Hiện</p>", ["Hiện"]),
    ("<div aria-hidden='true'><p>Ẩn</p><div><p>Lồng</p></div></div><p>Sau</p>", ["Sau"]),
    ("<p>&nbsp;&nbsp;</p><p>   </p><p>Có chữ</p>", ["Có chữ"]),
    ("<p>Ngày&nbsp;28/9&nbsp;&nbsp;&nbsp; đoàn&#8203;kiểm tra</p>", ["Ngày 28/9 đoàn kiểm tra"]),
    ("<p>Sở GD&amp;ĐT tỉnh</p>", ["Sở GD&ĐT tỉnh"]),
    ("<p>Chưa đóng thẻ <b>đậm", ["Chưa đóng thẻ đậm"]),
    ("Văn bản không có thẻ", ["Văn bản không có thẻ"]),
    # <aside> is kept: in article bodies it holds pull quotes and notes, not site chrome.
    ("<p>Thân bài</p><aside><p>Ghi chú</p></aside>", ["Thân bài", "Ghi chú"]),
    ("<p>Trước<hr>Sau</p>", ["Trước", "Sau"]),
    # "<![" other than CDATA opens a bogus comment up to ">", as browsers read it (Word's "<![if …]>" too).
    ("<p>Một <![0 x> hai</p>", ["Một hai"]),
    ("<p>Ba <![mục]>bốn</p>", ["Ba bốn"]),
    ("<p><![if !supportLists]>1. <![endif]>Mục</p>", ["1. Mục"]),
    ("<p>Cuối</p><![ không đóng", ["Cuối"]),  # unclosed, to the end of the document
    ("", []),
]


@pytest.mark.parametrize(("html", "expected"), BLOCKS)
def test_blocks(html: str, expected: list[str]) -> None:
    assert blocks_from_html(html) == expected


@pytest.mark.parametrize(("raw", "expected"), [
    ("  a \u00a0 b\t\nc  ", "a b c"),
    ("x\u200by", "x y"),
    ("Hoa\u0300", "Hoà"),  # NFC composes the combining grave accent
    ("\ufeffBOM", "BOM"),
    ("", ""),
])
def test_clean_text(raw: str, expected: str) -> None:
    assert clean_text(raw) == expected
