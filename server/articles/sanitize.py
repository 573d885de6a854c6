"""Article HTML is cleaned on the way in, so nothing unsafe is ever stored or rendered."""
from __future__ import annotations

import nh3

ALLOWED_TAGS = {
    "p", "br", "hr", "h2", "h3", "h4", "h5", "h6", "ul", "ol", "li", "dl", "dt", "dd",
    "a", "strong", "b", "em", "i", "u", "s", "sub", "sup", "small", "span", "abbr",
    "blockquote", "q", "cite", "figure", "figcaption", "img", "table", "caption",
    "thead", "tbody", "tfoot", "tr", "th", "td",
}
ALLOWED_ATTRIBUTES = {
    "a": {"href", "title"},
    "abbr": {"title"},
    "img": {"src", "alt", "width", "height"},
    "th": {"scope", "colspan", "rowspan"},
    "td": {"colspan", "rowspan"},
    "ol": {"start"},
}
URL_SCHEMES = {"http", "https", "mailto", "tel"}


def sanitize_html(html: str) -> str:
    """Keep the structure an article needs; drop scripts, styles, event handlers and unsafe URLs."""
    return nh3.clean(
        html,
        tags=ALLOWED_TAGS,
        attributes=ALLOWED_ATTRIBUTES,
        url_schemes=URL_SCHEMES,
        clean_content_tags={"script", "style", "template", "iframe", "object", "noscript"},
        link_rel="noopener noreferrer",
    ).strip()
