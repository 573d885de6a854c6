"""Rule-based normalisation of Vietnamese text into speakable words.

Every rule is one named alternative of a single compiled regex. A text is
scanned once, left to right: e-mail and web addresses are located first (from
cheap anchors such as ``@`` and ``.vn``), then the rule regex is tried only at
trigger characters (digits, a few symbols, first letters of abbreviations at a
word start); at one position the earlier rule wins (document numbers before
dates, dates before plain numbers, ...). Words that change how a number reads
("ngày", "tháng", "thứ", "số", "Khóa", ...) are found by looking back from the
match rather than by starting matches at every word.

Replacements contain no digits and no abbreviation keys, which is what makes
``normalize`` idempotent.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Callable, Mapping
from functools import lru_cache

from .numbers import read_digits, read_int, read_integer_token, read_number, read_ordinal, roman_value
from .text import clean_text

# Vietnamese number token: dot thousands with optional decimal comma, English
# comma thousands (two groups or more), dotted versions ("4.0"), plain digits.
_NUM = r"(?:\d{1,3}(?:\.\d{3})+(?:,\d+)?|\d{1,3}(?:,\d{3}){2,}|\d+(?:\.\d+)+|\d+(?:,\d+)?)"
_DAY = r"(?:0?[1-9]|[12]\d|3[01])"
_MONTH = r"(?:0?[1-9]|1[0-2])"
_NO_NUM_BEFORE = r"(?<![\d.,/])"
_NO_NUM_AFTER = r"(?![\d/]|[.,]\d)"

UNITS: dict[str, str] = {
    "%": "phần trăm",
    "km/h": "ki lô mét trên giờ",
    "km²": "ki lô mét vuông", "km2": "ki lô mét vuông",
    "m²": "mét vuông", "m2": "mét vuông", "m³": "mét khối", "m3": "mét khối",
    "km": "ki lô mét", "cm": "xen ti mét", "mm": "mi li mét", "m": "mét",
    "ha": "héc ta", "kg": "ki lô gam", "g": "gam", "tấn": "tấn", "lít": "lít", "ml": "mi li lít",
    "°C": "độ C", "độ C": "độ C",
    "kWh": "ki lô oát giờ", "kW": "ki lô oát", "MW": "mê ga oát",
    # Words that read as themselves are listed so "1.500.000 đồng" is one protected token.
    "đ": "đồng", "đồng": "đồng", "VNĐ": "đồng", "VND": "đồng", "vnđ": "đồng",
    "USD": "đô la Mỹ",
}
_MULTIPLIERS = {"nghìn": "nghìn", "ngàn": "nghìn", "triệu": "triệu", "tỷ": "tỷ", "tỉ": "tỷ"}

# Legal document type codes read in their generic sense inside a document number.
DOCUMENT_TYPES: dict[str, str] = {
    "QĐ": "quyết định", "NĐ": "nghị định", "NQ": "nghị quyết", "TT": "thông tư", "CT": "chỉ thị",
    "KH": "kế hoạch", "BC": "báo cáo", "TB": "thông báo", "HD": "hướng dẫn", "CV": "công văn",
    "TTr": "tờ trình", "TTLT": "thông tư liên tịch", "QC": "quy chế", "QH": "quốc hội",
    "L": "luật", "PL": "pháp lệnh", "GP": "giấy phép", "GM": "giấy mời", "BB": "biên bản",
    "CĐ": "công điện", "HĐ": "hợp đồng", "TTg": "thủ tướng", "VP": "văn phòng",
}

_ROMAN_CONTEXT = (
    r"(?i:khóa|khoá|đại hội|quý|chương|thế kỷ|thế kỉ|phần|mục|kỳ họp|kì họp|tập|phụ lục|"
    r"quân khu|quân đoàn|hạng|nhóm|đợt|cấp|vùng|khu vực|lần thứ|thứ)"
)

# Words after "/" that make it read "trên" ("đồng/tháng", "người/km²").
_PER_WORDS = ("ngày", "tháng", "năm", "giờ", "tuần", "quý", "người", "hộ", "lượt", "lần", "ca", "khẩu",
              "con", "cây", "sản phẩm", "hồ sơ", "học sinh", "suất", "phút")
_SLASH_CONTEXT = "(?:" + "|".join(
    re.escape(w) for w in sorted({*_PER_WORDS, *(u for u in UNITS if u[0].isalpha())}, key=len, reverse=True)
) + ")"


def _trie_pattern(words: list[str]) -> str:
    """Regex alternation shaped as a trie, so matching costs one branch per character."""
    trie: dict = {}
    for w in words:
        node = trie
        for ch in w:
            node = node.setdefault(ch, {})
        node[""] = {}

    def emit(node: dict) -> str:
        branches = [re.escape(ch) + emit(child) for ch, child in sorted(node.items()) if ch]
        if not branches:
            return ""
        body = "(?:" + "|".join(branches) + ")"
        # A key that is a prefix of a longer one ("TP", "TP.HCM"): the longer is tried first.
        return body + "?" if "" in node else body

    return emit(trie)


_ADDRESS_RE = re.compile(
    r"(?P<email>[\w.+-]+@[\w-]+(?:\.[\w-]+)+)"
    r"|(?P<url>(?:https?://)?(?:www\.)?[\w-]+(?:\.[\w-]+)*?\.(?i:vn|com|net|org|gov|edu|info|io)(?![\w-]|\.\w)"
    r"(?:/[^\s]*[^\s.,;:!?)\]\"”'])?)"
)
# Cheap anchors that every e-mail or web address contains.
_ADDRESS_ANCHOR_RE = re.compile(r"@|://|\.(?i:vn|com|net|org|gov|edu|info|io)(?![\w-])")
_TOKEN_OPENERS = frozenset("([<\"'“‘«")
# Words before a number that change how it is read; checked by looking back
# from the number so the scan only ever starts at digits and symbols.
_PREFIX_RE = re.compile(r"(?i:(ngày|tháng|thứ|số))\s+\Z")
_ROMAN_CONTEXT_RE = re.compile(_ROMAN_CONTEXT + r"\s+\Z")
_LOOKBACK = 16
_DIGIT_GROUP_RE = re.compile(r"\+?\d+")
_NON_SPACE_RE = re.compile(r"\S")


def _build_pattern(abbreviations: Mapping[str, str]) -> tuple[str, str]:
    """The rule alternation (used with ``match`` at trigger positions) and the trigger charset."""
    units = "|".join(re.escape(u) for u in sorted(UNITS, key=len, reverse=True))
    rules = [
        # "15/2020/NĐ-CP", "346/QĐ-UBND"
        ("legal", r"(?<![\d/.,])(?P<ln>\d+[a-z]?)/(?:(?P<ly>\d{4})/)?(?P<lb>[A-ZĐ][A-Za-zĐđ&\d]*(?:-[A-ZĐ][A-Za-zĐđ&\d]*)*)(?![\w/])"),
        ("phone", r"(?<![\d.,])(?:\+84[ .]?\d{2,3}|\(?0\d{2,3}\)?)[ .-]?\d{3,4}[ .-]?\d{3,4}(?![\d]|[.,]\d)|(?<![\d.,])0\d{9,10}(?!\d)|(?<![\d.,])1[89]00[ .]?\d{3,4}(?:[ .]?\d{2})?(?![\d]|[.,]\d)"),
        # "24/7" means round the clock, not the 24th of July.
        ("allday", r"(?<![\d.,/])24/7(?![\d/])"),
        ("date", rf"{_NO_NUM_BEFORE}(?P<d>{_DAY})(?P<ds>[/.-])(?P<dm>{_MONTH})(?P=ds)(?P<dy>\d{{4}})(?!\d)"),
        ("monthyear", rf"{_NO_NUM_BEFORE}(?P<mm>{_MONTH})[/-](?P<my>\d{{4}})(?!\d)"),
        ("daymonth", rf"{_NO_NUM_BEFORE}(?P<sd>{_DAY})/(?P<sm>{_MONTH}){_NO_NUM_AFTER}"),
        ("time", rf"{_NO_NUM_BEFORE}(?P<th>[01]?\d|2[0-4])(?:[hg:]|\s?giờ\s?)(?P<tm>[0-5]\d)(?:\s?(?:phút|p|')(?!\w))?(?![\d:])"
                 rf"|{_NO_NUM_BEFORE}(?P<th2>[01]?\d|2[0-4])[hg](?![^\W\d]|\d)"),
        ("dollar", rf"\$\s?(?P<dn>{_NUM})"),
        ("quantity", rf"(?<![\d,])(?<!\d\.)(?P<q1>{_NUM})(?:\s?[-–]\s?(?P<q2>{_NUM}))?(?:\s(?P<qm>nghìn|ngàn|triệu|tỷ|tỉ)(?=\s?(?:{units})(?!\w|[²³])))?(?:\s?(?P<qu>{units})(?!\w|[²³]))?"),
        # "Covid-19": the hyphen is not a minus and not a range.
        ("hyphen", r"(?<=[^\W\d_])-(?=\d)"),
        ("ellipsis", r"(?:\.{3,}|…)"),
        ("amp", r"&"),
        ("slash", rf"(?<=[\w²³])/(?P<su>{_SLASH_CONTEXT})(?![^\W\d])"),
    ]
    symbols = set("0123456789$+(-….&/")
    first_chars: set[str] = set()
    if abbreviations:
        trie = _trie_pattern(sorted(abbreviations))
        # Keys ending in a letter must not run into a following letter ("TPHCMx");
        # keys ending in "." may touch the next word ("TP.Buôn Ma Thuột").
        rules.insert(0, ("abbr", rf"(?<![^\W\d]|[@.])(?:{trie})(?:(?<=\.)|(?![^\W\d]|@))"))
        first_chars.update(key[0] for key in abbreviations)
    rules.append(("roman", r"(?<!\w)(?P<rn>[IVXLCDM]+)(?![\w])"))
    first_chars.update("IVXLCDM")
    pattern = "|".join(f"(?P<R_{name}>{body})" for name, body in rules)
    # Letters only start a rule at the start of a word; symbols and digits anywhere.
    trigger = ("[" + "".join(re.escape(c) for c in sorted(symbols)) + "]|(?<![^\\W\\d])["
               + "".join(re.escape(c) for c in sorted(first_chars)) + "]")
    return pattern, trigger


def _month(digits: str) -> str:
    """Month names read "tháng tư" for April; the others are plain cardinals."""
    n = int(digits)
    return "tư" if n == 4 else read_int(n)


def _read_address(text: str) -> str:
    """Read an e-mail or web address symbol by symbol ("a còng", "chấm", "gạch chéo")."""
    out: list[str] = []
    token = []
    names = {"@": "a còng", ".": "chấm", "/": "gạch chéo", "-": "gạch ngang", "_": "gạch dưới",
             ":": "hai chấm", "?": "hỏi", "=": "bằng", "#": "thăng", "+": "cộng", "&": "và", "%": "phần trăm"}
    lower = text.lower()
    for prefix in ("https://", "http://"):
        if lower.startswith(prefix):
            text = text[len(prefix):]
            break
    for ch in text:
        if ch in names:
            if token:
                out.append("".join(token))
                token = []
            out.append(names[ch])
        elif ch.isdigit():
            if token:
                out.append("".join(token))
                token = []
            out.append(read_digits(ch) if "0" <= ch <= "9" else ch)
        else:
            token.append(ch)
    if token:
        out.append("".join(token))
    spoken = " ".join(out)
    return spoken.replace("www chấm", "vê kép vê kép vê kép chấm")


class Normalizer:
    """Compiled normalisation rules for one abbreviation table."""

    def __init__(self, abbreviations: Mapping[str, str]) -> None:
        self.abbreviations = dict(abbreviations)
        pattern, trigger = _build_pattern(self.abbreviations)
        self._rules = re.compile(pattern)
        self._trigger = re.compile(trigger)
        self._handlers: dict[str, Callable[[re.Match[str], str | None], str]] = {
            "R_abbr": self._abbr, "R_legal": self._legal, "R_phone": self._phone,
            "R_date": self._date, "R_monthyear": self._monthyear, "R_daymonth": self._daymonth,
            "R_time": self._time, "R_roman": self._roman, "R_dollar": self._dollar,
            "R_quantity": self._quantity, "R_ellipsis": self._ellipsis, "R_amp": self._amp,
            "R_slash": self._slash, "R_hyphen": self._hyphen, "R_allday": self._allday,
        }

    # -- rule handlers: (match, prefix word before it or None) -> spoken -----
    def _abbr(self, m: re.Match[str], prefix: str | None) -> str:
        # "P.5", "TP.Buôn Ma Thuột": a dotted key touching the next word gets a space after its expansion.
        return self.abbreviations[m.group()] + " "

    def _legal(self, m: re.Match[str], prefix: str | None) -> str:
        number = m.group("ln")
        digits = number.rstrip("abcdefghijklmnopqrstuvwxyz")
        words = [] if prefix and prefix.lower() == "số" else ["số"]
        words.append(read_integer_token(digits))
        if digits != number:
            words.append(number[len(digits):])
        if m.group("ly"):
            words += ["năm", read_int(int(m.group("ly")))]
        body = []
        for part in m.group("lb").split("-"):
            # "QH14": issuer letters, then a term number.
            letters = part.rstrip("0123456789")
            expansion = DOCUMENT_TYPES.get(letters) or self.abbreviations.get(letters)
            body.append(expansion.lower() if expansion else letters)
            if letters != part:
                body.append(read_integer_token(part[len(letters):]))
        return " ".join(words) + ", " + " ".join(body)

    @staticmethod
    def _phone(m: re.Match[str], prefix: str | None) -> str:
        groups = _DIGIT_GROUP_RE.findall(m.group())
        return ", ".join(("cộng " + read_digits(g)) if g.startswith("+") else read_digits(g) for g in groups)

    @staticmethod
    def _day_month(prefix: str | None, day: str, month: str) -> str:
        # "ngày 28/9" keeps its own "ngày"; a bare "28/9" gets one.
        head = "" if prefix and prefix.lower() == "ngày" else "ngày "
        return f"{head}{read_int(int(day))} tháng {_month(month)}"

    def _date(self, m: re.Match[str], prefix: str | None) -> str:
        return self._day_month(prefix, m.group("d"), m.group("dm")) + " năm " + read_int(int(m.group("dy")))

    @staticmethod
    def _monthyear(m: re.Match[str], prefix: str | None) -> str:
        head = "" if prefix and prefix.lower() == "tháng" else "tháng "
        return f"{head}{_month(m.group('mm'))} năm {read_int(int(m.group('my')))}"

    def _daymonth(self, m: re.Match[str], prefix: str | None) -> str:
        return self._day_month(prefix, m.group("sd"), m.group("sm"))

    @staticmethod
    def _time(m: re.Match[str], prefix: str | None) -> str:
        if m.group("th2") is not None:
            return read_int(int(m.group("th2"))) + " giờ"
        hours, minutes = int(m.group("th")), int(m.group("tm"))
        spoken = read_int(hours) + " giờ"
        return spoken + " " + read_int(minutes) + " phút" if minutes else spoken

    @staticmethod
    def _roman(m: re.Match[str], prefix: str | None) -> str:
        numeral = m.group("rn")
        text, start = m.string, m.start()
        context = _ROMAN_CONTEXT_RE.search(text, max(0, start - _LOOKBACK), start)
        # A heading number "II. KẾT QUẢ" at the very start of a block.
        after = text[m.end():m.end() + 2]
        heading = start == 0 and len(after) == 2 and after[0] in ".)" and after[1].isspace()
        value = roman_value(numeral) if context or heading else None
        if value is None:
            return numeral
        if context and context.group().rstrip().lower().endswith("thứ"):
            return read_ordinal(value)
        return read_int(value)

    @staticmethod
    def _allday(m: re.Match[str], prefix: str | None) -> str:
        return "hai mươi tư trên bảy"

    @staticmethod
    def _dollar(m: re.Match[str], prefix: str | None) -> str:
        return read_number(m.group("dn")) + " đô la Mỹ"

    def _quantity(self, m: re.Match[str], prefix: str | None) -> str:
        q1, q2, multiplier, unit = m.group("q1", "q2", "qm", "qu")
        lowered = prefix.lower() if prefix else None
        if lowered == "thứ" and not q2 and not unit and q1.isdigit() and len(q1) <= 3:
            return " " + read_ordinal(int(q1)) + " "
        if (lowered == "ngày" and q2 and not unit and q1.isdigit() and q2.isdigit()
                and 1 <= int(q1) <= 31 and 1 <= int(q2) <= 12):
            return " " + self._day_month(prefix, q1, q2) + " "
        spoken = read_number(q1)
        if q2:
            spoken += " đến " + read_number(q2)
        if multiplier:
            spoken += " " + _MULTIPLIERS[multiplier]
        if unit:
            spoken += " " + UNITS[unit]
        # Digits glued to letters ("QL14") need spaces to stay separate words.
        return " " + spoken + " "

    @staticmethod
    def _ellipsis(m: re.Match[str], prefix: str | None) -> str:
        # A pause: a comma between words, nothing at the edges or before punctuation.
        text, end = m.string, m.end()
        while end < len(text) and text[end].isspace():
            end += 1
        at_start = _NON_SPACE_RE.search(text, 0, m.start()) is None
        if at_start or end >= len(text) or text[end] in ",;:.!?)]\"”’»":
            return " "
        return ", "

    @staticmethod
    def _amp(m: re.Match[str], prefix: str | None) -> str:
        return " và "

    @staticmethod
    def _hyphen(m: re.Match[str], prefix: str | None) -> str:
        return " "

    @staticmethod
    def _slash(m: re.Match[str], prefix: str | None) -> str:
        word = m.group("su")
        return " trên " + UNITS.get(word, word)

    # -- scanning ------------------------------------------------------------
    @staticmethod
    def _addresses(text: str) -> list[tuple[int, int, str]]:
        out: list[tuple[int, int, str]] = []
        pos = 0
        while True:
            anchor = _ADDRESS_ANCHOR_RE.search(text, pos)
            if anchor is None:
                return out
            start = anchor.start()
            while start > pos and not text[start - 1].isspace() and text[start - 1] not in _TOKEN_OPENERS:
                start -= 1
            m = _ADDRESS_RE.match(text, start)
            if m is not None and m.end() >= anchor.end():
                out.append((m.start(), m.end(), " " + _read_address(m.group()) + " "))
                pos = m.end()
            else:
                pos = anchor.end()

    def pieces(self, text: str) -> list[tuple[int, int, str, int]]:
        """Rule matches in ``text`` as ``(start, end, replacement, guard_start)``, in order.

        ``guard_start`` reaches back over a prefix word that shaped the reading
        ("ngày 28/9"), so phrase cuts keep the two together.
        """
        out: list[tuple[int, int, str, int]] = []
        addresses = self._addresses(text) if ("@" in text or "." in text) else []
        addresses.append((len(text), len(text), ""))
        search, match, handlers = self._trigger.search, self._rules.match, self._handlers
        pos = 0
        for a_start, a_end, a_spoken in addresses:
            while True:
                t = search(text, pos, a_start)
                if t is None:
                    break
                i = t.start()
                m = match(text, i, a_start)
                if m is None:
                    pos = i + 1
                    continue
                guard = i
                prefix = None
                if "0" <= text[i] <= "9":
                    p = _PREFIX_RE.search(text, max(0, i - _LOOKBACK), i)
                    if p is not None:
                        prefix, guard = p.group(1), p.start()
                out.append((i, m.end(), handlers[m.lastgroup](m, prefix), guard))  # type: ignore[index]
                pos = max(m.end(), i + 1)
            if a_end > a_start:
                out.append((a_start, a_end, a_spoken, a_start))
            pos = a_end
        return out

    def normalize(self, text: str) -> str:
        """Return the speakable form of ``text`` (NFC, single spaces, stripped)."""
        text = unicodedata.normalize("NFC", text)
        parts: list[str] = []
        pos = 0
        for start, end, spoken, _ in self.pieces(text):
            parts.append(text[pos:start])
            parts.append(spoken)
            pos = end
        parts.append(text[pos:])
        return _tidy("".join(parts))


_SPACE_BEFORE_PUNCT = re.compile(r"\s+([,;:.!?)\]”’»])")
_DOUBLE_COMMA = re.compile(r",(?:\s*,)+")


def _tidy(text: str) -> str:
    """Collapse whitespace, drop spaces the replacements left before punctuation, merge commas."""
    text = clean_text(text)
    text = _SPACE_BEFORE_PUNCT.sub(r"\1", text)
    return _DOUBLE_COMMA.sub(",", text)


@lru_cache(maxsize=8)
def _cached_normalizer(items: frozenset[tuple[str, str]]) -> Normalizer:
    return Normalizer(dict(items))


def get_normalizer(abbreviations: Mapping[str, str]) -> Normalizer:
    """Normaliser for ``abbreviations``; compiled once per distinct table."""
    return _cached_normalizer(frozenset(abbreviations.items()))
