"""The HTML parser every reader of article HTML builds on."""

from __future__ import annotations

from html.parser import HTMLParser


class ForgivingHTMLParser(HTMLParser):
    """``HTMLParser`` that reads "<![…>" as browsers do.

    HTML has no marked sections: outside CDATA, "<![0" or "<![a>" opens a bogus comment that ends at the
    next ">". The standard library scans it as SGML and raises ``AssertionError`` on such input, which
    would turn a stray character sequence in an article into a server error.
    """

    def parse_html_declaration(self, i: int) -> int:
        """Skip a bogus "<![…>" comment; leave every other declaration to the standard parser."""
        rawdata = self.rawdata
        if rawdata.startswith("<![", i) and not rawdata.startswith("<![CDATA[", i):
            end = rawdata.find(">", i + 3)
            # Unclosed, it runs to the end of the document, as in browsers (documents are fed whole).
            return len(rawdata) if end < 0 else end + 1
        return super().parse_html_declaration(i)
