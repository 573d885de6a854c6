"""Extract readable blocks, in reading order, from article body HTML."""

from __future__ import annotations

from ..html_parser import ForgivingHTMLParser
from .text import clean_text

# Elements that always start and end a readable block.
BLOCK_TAGS = frozenset(
    {"p", "h1", "h2", "h3", "h4", "h5", "h6", "li", "td", "th", "figcaption",
     "blockquote", "dt", "dd", "caption", "pre", "address"}
)
# Containers whose direct text is readable but which only delimit blocks.
CONTAINER_TAGS = frozenset(
    {"div", "section", "article", "main", "header", "footer", "figure", "ul", "ol", "dl",
     "table", "thead", "tbody", "tfoot", "tr", "body", "html", "form", "fieldset", "details",
     "summary", "hr"}
)
SKIP_TAGS = frozenset(
    {"script", "style", "nav", "template", "noscript", "head", "title", "iframe", "object",
     "svg", "canvas", "button", "select", "textarea", "audio", "video", "math"}
)
_VOID_TAGS = frozenset(
    {"area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "param",
     "source", "track", "wbr"}
)


class _BlockParser(ForgivingHTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.blocks: list[str] = []
        self._buf: list[str] = []
        # Stack of (tag, hides_content) so a hidden subtree ends at its own end tag.
        self._stack: list[tuple[str, bool]] = []
        self._hidden_depth = 0

    def _flush(self) -> None:
        text = clean_text("".join(self._buf))
        self._buf.clear()
        if text:
            self.blocks.append(text)

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag in _VOID_TAGS:
            if tag == "br" and not self._hidden_depth:
                self._buf.append(" ")
            elif tag == "hr" and not self._hidden_depth:
                self._flush()
            return
        attr = dict(attrs)
        hides = (
            tag in SKIP_TAGS
            or "hidden" in attr
            or (attr.get("aria-hidden") or "").strip().lower() == "true"
        )
        self._stack.append((tag, hides))
        if hides:
            self._hidden_depth += 1
        elif not self._hidden_depth and (tag in BLOCK_TAGS or tag in CONTAINER_TAGS):
            self._flush()

    def handle_startendtag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag in _VOID_TAGS:
            self.handle_starttag(tag, attrs)

    def handle_endtag(self, tag: str) -> None:
        if tag in _VOID_TAGS:
            return
        # Browsers tolerate unclosed inline tags; pop until the matching open tag.
        for i in range(len(self._stack) - 1, -1, -1):
            if self._stack[i][0] == tag:
                break
        else:
            return
        for _, hides in self._stack[i:]:
            if hides:
                self._hidden_depth -= 1
        del self._stack[i:]
        if not self._hidden_depth and (tag in BLOCK_TAGS or tag in CONTAINER_TAGS):
            self._flush()

    def handle_data(self, data: str) -> None:
        if not self._hidden_depth:
            self._buf.append(data)

    def close(self) -> None:
        super().close()
        self._flush()


def blocks_from_html(html: str) -> list[str]:
    """Return the readable text blocks of ``html`` in reading order, each ``clean_text``-ed.

    Block elements (p, h1-h6, li, td/th, figcaption, blockquote, dt/dd) and
    text directly inside containers (div, section, ...) each become a block;
    inline markup stays inside its block and ``<br>`` reads as a space.
    script/style/nav/template/noscript, ``hidden`` and ``aria-hidden="true"``
    subtrees are skipped. Empty blocks are dropped.
    """
    parser = _BlockParser()
    parser.feed(html)
    parser.close()
    return parser.blocks


def article_blocks(title: str, lead: str, body_html: str) -> list[str]:
    """An article's readable blocks in reading order: the title, the lead, then the body's blocks."""
    head = [clean_text(title), clean_text(lead)]
    return [block for block in head if block] + blocks_from_html(body_html)
