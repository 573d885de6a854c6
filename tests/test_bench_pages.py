"""The benchmark pages (bench/lighthouse.py) are what their docstrings promise: the element count asked
for, the usual parts of an article and a portal, and nothing the strict policy of the second origin
would refuse."""
from __future__ import annotations

from html.parser import HTMLParser

import pytest

from bench.lighthouse import FILES, VARIANTS, article, long_page, portal_page


class Tags(HTMLParser):
    """Start tags in order, with their attributes, and the elements inside the ``<article>``."""

    VOID = {"meta", "link", "img", "input", "br", "hr"}

    def __init__(self, html: str):
        super().__init__()
        self.tags: list[tuple[str, dict[str, str | None]]] = []
        self.in_article = 0
        self.article_elements = 0
        self.feed(html)

    def handle_starttag(self, tag, attrs):
        self.tags.append((tag, dict(attrs)))
        if tag == "article" or self.in_article:
            self.article_elements += 1
            if tag not in self.VOID:
                self.in_article += 1

    def handle_endtag(self, tag):
        if self.in_article and tag not in self.VOID:
            self.in_article -= 1


@pytest.mark.parametrize("elements", [250, 1001, 6250])
def test_article_has_the_element_count_asked_for(elements):
    assert Tags(article(elements)).article_elements == elements


def test_long_article_is_made_of_the_usual_parts():
    names = {tag for tag, _ in Tags(article(6250)).tags}
    assert {"h1", "h2", "h3", "p", "a", "b", "em", "ul", "ol", "li", "figure", "figcaption", "img",
            "table", "caption", "th", "td", "blockquote"} <= names
    assert FILES["trang.css"].count("@media") >= 3


def test_portal_page_has_header_menu_sidebar_article_with_photo_and_footer():
    tags = Tags(portal_page(250, VARIANTS[0])).tags
    names = [tag for tag, _ in tags]
    assert {"header", "nav", "main", "article", "aside", "footer"} <= set(names)
    assert names.index("main") < names.index("article") < names.index("aside")
    assert any(tag == "img" and attrs["src"] == "anh-chinh.svg" for tag, attrs in tags)


@pytest.mark.parametrize("variant", VARIANTS, ids=[variant.slug for variant in VARIANTS])
def test_variants_carry_the_tag_as_named_with_nothing_inline(variant):
    tags = Tags(long_page(300, variant)).tags
    scripts = [attrs for tag, attrs in tags if tag == "script"]
    assert all(attrs.get("src") for attrs in scripts)  # script-src has no 'unsafe-inline'
    assert not any("style" in attrs for _, attrs in tags)
    widget = [attrs for attrs in scripts if attrs["src"] == "{{WIDGET}}/widget.js"]
    assert len(widget) == (variant.slug != "none")
    assert all(attrs["data-target"] == "#bai-viet" for attrs in widget)
    assert all(("defer" in attrs) == (variant.slug in ("defer", "saved")) for attrs in widget)
    if variant.slug == "body":
        assert tags[-1][1]["src"] == "{{WIDGET}}/widget.js"
    if variant.slug == "saved":
        # the choice is stored by a deferred script that runs before the widget's
        assert [attrs["src"] for attrs in scripts] == ["luu-125.js", "{{WIDGET}}/widget.js"]
        assert "defer" in scripts[0]
        assert "localStorage.setItem('trodoc'" in FILES["luu-125.js"]
