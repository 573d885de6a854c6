"""Rule-based normalisation of Vietnamese text into speakable words.

The rules are one ordered list of named cases (``Normalizer.rules``): a regex
and the handler that reads its match. They are compiled into one alternation;
a text is scanned once, left to right: e-mail and web addresses are located
first (from cheap anchors such as ``@`` and ``.vn``), then the rules are tried
only at trigger characters (digits, a few symbols, first letters of the words
a rule starts with); at one position the earlier rule wins (document numbers
before dates, dates before plain numbers, ...).

Rules read their context. The words before a number ("ngày", "đêm", "thắng",
"hạng", "chiếm", ...; ``data/contexts.tsv``) are found by looking back from the
match rather than by starting matches at every word: "ngày 1/4" is a date,
"chiếm 1/4" and "1/4 dân số" are fractions, "thắng 2-1" is a score, "đêm 30-4"
a date, "2kg-3kg" and "8:00-9:30" ranges.

Readings (see ``numbers`` for how numbers are read):

* Units and currencies as Vietnamese say them, from ``data/units.tsv`` and
  ``data/currencies.tsv``: "ki lô mét", "độ xê", "gi ga bai", "đô la Mỹ".
* Signs: "-3" is "âm ba", "+5%" "cộng năm phần trăm"; comparison signs
  before a number as ``data/signs.tsv`` says them ("≥ 38": "lớn hơn hoặc
  bằng ba mươi tám", "~20%": "khoảng hai mươi phần trăm").
* Clock times "giờ ... phút", with seconds "giây"; "42:05" after a duration
  word, or with more than 24 before the colon, is minutes and seconds.
* a/b is a date, a fraction ("chiếm 1/4", "1/4 dân số", "tỷ lệ 1/2000"), or
  "a trên b": after a count word and before what it counts ("có 12/12 xã";
  "Từ 1/7 người lao động" stays a date), in a house or alley number ("hẻm
  45/12") and where no date can be ("95/100"); two years are a season.
* Ranges read "đến"; scores and formations read each number ("hai một"). A
  day and month that no range can be, a day above its month or a month with
  its zero ("kỷ niệm 30-4", "hạn 15-03"), is a date without a date word too.
* A unit symbol no word is spelled like ("km", "m2", "kWh") is read alone
  ("đơn vị km"); a number naming a document or a room ("Đề án 06", "phòng
  02") keeps its written zero ("đề án không sáu"); a block that is only a
  section number ("XI") is a heading.
* Party document numbers ("57-NQ/TW": type before the slash, a committee as
  issuer) are read as state ones ("số năm mươi bảy, nghị quyết trung ương").
* Letters and acronyms without vowels ("VTV", "WHO") by their Vietnamese
  names (``data/letters.tsv``), and so a capital touching a digit in a code
  ("G7", "5G", "H5N1"); English loanwords and brands the way Vietnamese
  speakers say them (``data/loanwords.tsv``).

Where other Vietnamese normalisers read differently (their published test
cases), a reading is adopted when two or more of them agree on it and it is how
the text is said aloud; where they disagree, this project's reading stays:

* A bare day and month gets "ngày" ("28/9": "ngày hai mươi tám tháng chín"),
  as VieNeu-TTS and CodeLinkIO/Vietnamese-text-normalization read it; pyvinorm
  and vietnormalizer leave it out. A range of days says it before each day
  ("ngày hai mươi đến ngày ba mươi tháng tư", "mùng một đến mùng ba") as
  CodeLinkIO does (pyvinorm before neither), but a night is one night ("đêm
  mười sáu đến mười bảy").
* A dot separates the parts of a date as a slash does: pyvinorm, VieNeu-TTS
  and CodeLinkIO agree on full dates ("31.12.2023"), so a month and a year of
  1900-2099 ("02.2000", "02-03.2000") and, after a date word, a day and month
  ("ngày 27.02", "đêm 16-17.12") are dates too. A bare "27.02" stays a number
  ("hai mươi bảy chấm không hai"): CodeLinkIO reads it as a date, VieNeu-TTS
  reads "1.8" as "một chấm tám".
* Clock times say "phút" ("chín giờ ba mươi phút") as VieNeu-TTS and CodeLinkIO
  do; pyvinorm and vietnormalizer leave it out. Written minutes are said even
  when they are "00" ("11h00": "mười một giờ không phút"), as VieNeu-TTS and
  CodeLinkIO do and as notices write the time out ("14 giờ 00 phút"); without
  written minutes ("7h") or before a part of the day ("6:00 sáng": "sáu giờ
  sáng", the idiom) there is none. A one-digit minute is said without "không"
  ("8h05": "tám giờ năm phút"; only VieNeu-TTS says "không năm").
* The numbers of a house or alley joined by a dash ("số nhà 101-102A") are
  each said with a pause, as pyvinorm reads them: an address is no range.
* Decimals: see ``numbers``; English loanwords ("Email": "i meo") are said as
  Vietnamese speakers say them, where pyvinorm keeps the English word.

Replacements contain no digits and no abbreviation keys, runs of digits are
read whole, and the text is tidied before it is matched as the result will be;
that is what makes ``normalize`` idempotent.
"""

from __future__ import annotations

import re
import unicodedata
from bisect import bisect_right
from collections.abc import Callable, Iterable, Mapping
from functools import lru_cache
from typing import NamedTuple

from .abbreviations import Vocabulary
from .numbers import read_digits, read_fraction, read_int, read_integer_token, read_number, read_ordinal, roman_value
from .spelling import ACRONYM_PATTERN, is_spelled, letter_names
from .tables import Tables, builtin_tables
from .text import clean_text

# Vietnamese number token: thousands grouped by spaces ("9 000 000"), English comma thousands with a
# decimal dot ("1,234.5"), dot thousands with an optional decimal comma, English comma thousands (two
# groups or more), dotted versions ("4.0"), digits with an optional decimal comma; each only as a whole
# run, and any other run of digit groups as one token, so that no digit of a run is left over to be
# read on a second pass.
_NUM = (r"(?:(?:[1-9]\d{0,2}(?: \d{3})+|\d{1,3}(?:,\d{3})+\.\d+|\d{1,3}(?:\.\d{3})+(?:,\d+)?"
        r"|\d{1,3}(?:,\d{3}){2,}|\d+(?:\.\d+)+|\d+(?:,\d+)?)(?![.,]?\d)|\d+(?:[.,]\d+)+)")
_DAY = r"(?:0?[1-9]|[12]\d|3[01])"
# A gap between words, as ``clean_text`` sees one: whitespace or invisible characters.
_GAP = r"[\s\u200b\u200c\u200d\u2060\ufeff]+"
_MONTH = r"(?:0?[1-9]|1[0-2])"
# A dot before a year separates it from its month as a slash does ("02.2000"); the year is one of 1900-2099
# so that a decimal such as "3.1415" stays a number.
_DOT_YEAR = r"\.(?=(?:19|20)\d\d(?!\d))"
# Years a month and year ("9/2023") is read with without "tháng" before it: "1/1000" is no date.
_YEARS = range(1800, 2100)
# A full date, then a time after a dash: "Thứ Hai, 20/11/2023 - 08:45" is when, not a range, unless the
# clause has a time or "từ" before the date ("từ 7h00 ngày 20/11/2023 - 17h00 ngày 25/11/2023").
_DATE_END_RE = re.compile(r"\d{1,2}/\d{1,2}/\d{4}\s*\Z")
_TIME_AHEAD_RE = re.compile(r"\s?\d{1,2}[:hg]\d\d")
_ROUND_ENDS = ("mươi", "trăm", "nghìn", "triệu", "tỷ")
_RANGE_OPENED_RE = re.compile(r"\d[:hg]\d\d|(?<!\w)từ(?!\w)", re.I)
# After a date word a dot separates day and month as a slash does: "ngày 27.02", "đêm 16-17.12".
_DOTTED_DAY_MONTH_RE = re.compile(rf"(?P<day>{_DAY})\.(?P<month>{_MONTH})")
_DAY_RE = re.compile(_DAY)
# The kinds of word after which a day and month need no "ngày" to be a date.
_DATE_KINDS = frozenset({"date", "daytime"})
_NO_NUM_BEFORE = r"(?<![\d.,/])"
_NO_NUM_AFTER = r"(?![\d/]|[.,]\d)"
_MULTIPLIERS = {"nghìn": "nghìn", "ngàn": "nghìn", "triệu": "triệu", "tỷ": "tỷ", "tỉ": "tỷ", "tr": "triệu"}
# The words among them that multiply a number before them ("3,5 tỷ"; "tr" is only glued: "3tr5").
_MULTIPLIER_WORDS = "|".join(word for word in _MULTIPLIERS if word != "tr")
_MULTIPLIER_AFTER_RE = re.compile(rf"\s?(?:{_MULTIPLIER_WORDS})(?!\w)")
# Spoken shorthand glued to the number: "15k", "500K", "5tr".
_SHORTHAND = {"k": "nghìn", "K": "nghìn", "tr": "triệu"}
_SIGNS = {"+": "cộng", "±": "cộng trừ", "-": "âm", "−": "âm", "–": "âm"}

# Words after the number or "/" (the rest of the kinds are words before the number).
# The kinds a context word keeps before a colon, as a label.
_LABEL_KINDS = frozenset({"address", "code", "date"})
_AFTER_KINDS = frozenset({"fraction-noun", "per", "daypart", "out-of"})


def _context_kinds(contexts: Mapping[str, tuple[str, ...]]) -> dict[str, frozenset[str]]:
    """Each word before a number with its kinds; a phrase also has those of its last words.

    "tỉ số" has the kinds of "số" too: what a reading leaves before the
    number must not change how the number is read on a second pass.
    """
    kinds: dict[str, frozenset[str]] = {}
    for kind, words in contexts.items():
        if kind not in _AFTER_KINDS:
            for word in words:
                kinds[word] = kinds.get(word, frozenset()) | {kind}
    for word in list(kinds):
        tail = word.split()
        for i in range(1, len(tail)):
            kinds[word] |= kinds.get(" ".join(tail[i:]), frozenset())
    return kinds




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


def _written_forms(words: Iterable[str]) -> list[str]:
    """Each word as written, in lower case, in upper case and with a capital first letter."""
    return sorted({form for w in words for form in (w, w.lower(), w.upper(), w[:1].upper() + w[1:])})


def _cannot_be_word(symbol: str) -> bool:
    """A unit symbol that is no word or acronym: it starts with a letter, has a lower-case one and no vowel.

    "km", "kg", "m2", "kWh", "Hz" qualify; "ha", "tấn", "lít", "inch" are words, "GB", "MB", "TB" acronyms
    ("TB" is also "thông báo"), and one letter ("m", "g", "l") is a letter.
    """
    letters = [unicodedata.normalize("NFD", ch)[0].lower() for ch in symbol if ch.isalpha()]
    return (len(symbol) > 1 and symbol[0].isalpha() and " " not in symbol and any(ch.islower() for ch in symbol)
            and not any(ch in "aeiouy" for ch in letters))


def _in_code(m: re.Match[str]) -> bool:
    """Whether the one capital letter of ``m`` touches a digit, as in a code ("G7", "5G", "H5N1", "12A1")."""
    text, start, end = m.string, m.start(), m.end()
    return (m.group().isupper() and len(m.group()) == 1
            and ((start > 0 and text[start - 1].isdigit()) or (end < len(text) and text[end].isdigit())))


def _said(spoken: str) -> Callable[[re.Match[str], Context], str]:
    """A rule handler that always says ``spoken``, whatever matched (the rule's comment says when)."""
    def handler(m: re.Match[str], context: Context) -> str:
        return spoken

    handler.__doc__ = f"Says {spoken.strip() or 'a space'!r}."
    return handler


def _words_after(words: Iterable[str]) -> re.Pattern[str]:
    """Matches one of ``words`` right after a number (``match`` at its end), in any case."""
    return re.compile(_GAP + r"(?:" + _alternation(words) + r")(?!\w)", re.I)


def _alternation(words: Iterable[str]) -> str:
    """Regex alternation of ``words``, longest first so "km/h" wins over "km"."""
    return "|".join(re.escape(w) for w in sorted(set(words), key=len, reverse=True))


_LOOKBACK = 24
_SCORE_LOOKBACK = 40
_DIGIT_GROUP_RE = re.compile(r"\+?\d+")
_NUMBER_RE = re.compile(r"\d+")
_DIGIT_RUN_RE = re.compile(r"\d+|\D+")
# A numeral heading a block: "II. KẾT QUẢ", "IV) Tổ chức"; spaces before the mark and what follows it unless
# a letter ("V)0", "XI.-2") do not matter, because the spoken text loses the one and may gain a space
# before the other. A letter right after the mark ("C.Mác") is a name's initial; what reads a letter glued
# to the mark ("V)MB", "IV)km") adds no space before it.
_HEADING_MARK_RE = re.compile(r"[\s\u200b\u200c\u200d\u2060\ufeff]*[.)](?![^\W\d]|\Z)")
# A block that is only a section numeral ("XI", "IV."), once the pauses of ellipses around it are gone
# ("V…" is "V"): a heading too.
_LONE_NUMERAL_RE = re.compile(r"[\s.…]*[IVX]+[.)]?[\s.…]*")
_NON_SPACE_RE = re.compile(r"\S")
_ROMAN_UPPER = r"(?=[IVXLCDM])M{0,3}(?:CM|CD|D?C{0,3})(?:XC|XL|L?X{0,3})(?:IX|IV|V?I{0,3})"

_ADDRESS_RE = re.compile(
    r"(?P<email>[\w.+-]+@[\w-]+(?:\.[\w-]+)+)"
    r"|(?P<url>(?:https?://)?(?:www\.)?[\w-]+(?:\.[\w-]+)*?\.(?i:vn|com|net|org|gov|edu|info|io)(?![^\W\d]|-|\.\w)"
    r"(?:/[^\s]*[^\s.,;:!?)\]\"”'])?)"
)
# Cheap anchors that every e-mail or web address contains.
# A digit may follow the address ("abc.vn2"): it is read on its own, before and after normalisation alike.
_ADDRESS_ANCHOR_RE = re.compile(r"@|://|\.(?i:vn|com|net|org|gov|edu|info|io)(?![^\W\d]|-)")
_TOKEN_OPENERS = frozenset("([<\"'“‘«")
_GROUP_NAME_RE = re.compile(r"\(\?P<\w+>")
_WORD_START = r"(?<![^\W\d])"


class Context(NamedTuple):
    """The context word(s) right before a match: their kinds ("date", "score", ...) and where they start."""

    kinds: frozenset[str]
    word: str | None
    start: int


_NO_CONTEXT = frozenset[str]()


class Lexicon:
    """The data tables of one normaliser and the regexes built from them."""

    def __init__(self, tables: Tables) -> None:
        readings, contexts = tables.readings, tables.contexts
        self.currencies = readings["currencies"]
        self.units: Mapping[str, str] = {**readings["units"], **self.currencies, **_SHORTHAND}
        self.document_types = readings["document_types"]
        self.loanwords = readings["loanwords"]
        self.letters = readings["letters"]
        self.signs = readings["signs"]
        self.context_kinds = _context_kinds(contexts)
        self.unit_alt = _alternation(self.units)
        # Unit symbols read even without a number ("đơn vị km", "giá mỗi m2"): those no word is spelled like.
        self.lone_units = {u: r for u, r in readings["units"].items() if _cannot_be_word(u)}
        self.prefix_currencies = "".join(re.escape(c) for c in self.currencies if len(c) == 1 and not c.isalnum())
        self.per_alt = _alternation([*contexts.get("per", ()), *(u for u in self.units if u[0].isalpha())])
        # A count noun after a number ("05 năm", "02 người"): the number counts, whatever came before it.
        self.count_noun_re = _words_after(contexts.get("per", ()))
        self.fraction_noun_re = _words_after(contexts.get("fraction-noun", ()))
        self.out_of_noun_re = _words_after(contexts.get("out-of", ()))
        self.daypart_re = _words_after(contexts.get("daypart", ()))
        # Words before a number that change how it is read; checked by looking back
        # from the number so the scan only ever starts at digits and symbols.
        self.context_re = re.compile(r"(?<![^\W\d])(" + _trie_pattern(_written_forms(self.context_kinds)) + r")"
                                     + r"(:?)" + _GAP + r"['\"“‘]?\Z")
        # An amount ends just before a range dash: a digit, or a digit and its unit or time letter.
        self.amount_end_re = re.compile(r"\d(?:\s?(?:" + self.unit_alt
                                        + r"|h|g|p|ph|s|giờ|phút|giây|tháng|năm))?\s*\Z")
        # A number of something just before: "1 viên x 3 lần", "1 triệu x 12 tháng".
        self.counted_end_re = re.compile(r"\d\s?(?:" + _alternation([*contexts.get("per", ()), *_MULTIPLIERS])
                                         + r")\s*\Z", re.I)
        # A score word earlier in the clause: "thắng Thái Lan 2-1", "tỉ số chung cuộc 3 - 2".
        self.score_before_re = re.compile(r"(?<!\w)(?:" + _trie_pattern(_written_forms(contexts.get("score", ())))
                                          + r")(?!\w)[^.;:!?]*\Z")

    def context_before(self, text: str, start: int) -> Context:
        """The context word ending right before ``start`` (``contexts.tsv``), if any."""
        found = self.context_re.search(text, max(0, start - _LOOKBACK), start)
        if found is None:
            return Context(_NO_CONTEXT, None, start)
        word = found.group(1)
        kinds = self.context_kinds[word.lower()]
        if found.group(2):
            # A label ("Địa chỉ: 15/3", "Mã số thuế: 4000…", "Số: 346/QĐ-UBND", "Ngày: 5/3") names what follows; other
            # words before a colon ("Thời gian: 14h30" is a time of day, not a duration) do not.
            kinds &= _LABEL_KINDS
            if not kinds:
                return Context(_NO_CONTEXT, None, start)
        return Context(kinds, word, found.start())

    def amount_before(self, text: str, start: int, counted: bool = False) -> bool:
        """Whether an amount ends right before ``start`` ("5kg -", "20 ~"); with ``counted``, a number of
        something too ("1 viên x", "1 triệu x")."""
        before = max(0, start - _LOOKBACK)
        return (self.amount_end_re.search(text, before, start) is not None
                or counted and self.counted_end_re.search(text, before, start) is not None)


Handler = Callable[[re.Match[str], Context], str]


class Rule(NamedTuple):
    """One named case of the normaliser: where it applies (regex) and how its match is read.

    ``starts`` says where the scan tries it: at a digit or a symbol
    (``"symbol"``), at a word start where its pattern matches (``"word"``), or
    wherever its own pattern, which starts with a character class, matches
    (``"pattern"``).
    """

    name: str
    pattern: str
    handler: Handler
    starts: str = "symbol"


def _word_table(abbreviations: Mapping[str, str], loanwords: Mapping[str, str]) -> dict[str, str]:
    """Abbreviations plus loanwords in the cases they are written in; an abbreviation wins a clash."""
    table: dict[str, str] = {}
    for word, reading in loanwords.items():
        for variant in _written_forms([word]):
            table.setdefault(variant, reading)
    table.update(abbreviations)
    return table


def _month(digits: str) -> str:
    """Month names read "tháng tư" for April; the others are plain cardinals."""
    n = int(digits)
    return "tư" if n == 4 else read_int(n)


def _is_date(day: str, month: str) -> bool:
    return 1 <= int(day) <= 31 and 1 <= int(month) <= 12


def _cannot_be_range(first: str, last: str) -> bool:
    """A day and month that no one writes as a range: a month with its zero ("27-02") or a day above its month.

    A range runs upwards and is not zero-padded ("5-7", "18-25"), so "27-02" and "30-4" are dates;
    a score usually follows a score word ("thắng 2-1"), and one-digit pairs without one ("3-2") stay ranges.
    """
    if not _is_date(first, last):
        return False
    return (len(last) == 2 and last[0] == "0") or (int(first) >= 10 and int(first) > int(last))


def _day_month(context: Context, day: str, month: str) -> str:
    """ "28 tháng 9" with "ngày" added unless a date word ("ngày", "đêm", "mùng") is already there."""
    head = "" if "date" in context.kinds else "ngày "
    return f"{head}{read_int(int(day))} tháng {_month(month)}"


# Date words said again before the last day of a range ("mùng một đến mùng ba"); "đêm 16-17.12" is one
# night, so "đêm" is not.
_DAY_WORDS = frozenset({"ngày", "mùng", "mồng"})


def _day_range(context: Context, first: str, last: str, month: str) -> str:
    """ "ngày hai mươi đến ngày ba mươi tháng tư": "ngày" (or the date word before it) before each day."""
    if "date" not in context.kinds:
        head = again = "ngày "
    else:
        word = (context.word or "").lower()
        head, again = "", (word + " " if word in _DAY_WORDS else "")
    return f"{head}{read_int(int(first))} đến {again}{read_int(int(last))} tháng {_month(month)}"


def _dotted_date(context: Context, first: str, last: str | None) -> str | None:
    """A quantity after a date word that is a dotted day and month ("27.02") or days and month ("16-17.12")."""
    found = _DOTTED_DAY_MONTH_RE.fullmatch(last or first)
    if found is None or not context.kinds & _DATE_KINDS:
        return None
    if last is None:
        return _day_month(context, found["day"], found["month"])
    return _day_range(context, first, found["day"], found["month"]) if _DAY_RE.fullmatch(first) else None


def _fraction_like(a: int, b: int) -> bool:
    """Whether a/b is read as a fraction where one may be meant: one part ("1/2000", "vòng 1/8") or a proper
    fraction of at most tenths ("2/3", "3/4"); "45/47 đại biểu", "vòng 15/26", "tỷ lệ 50/50" are "trên"."""
    return b > 0 and (a == 1 or a < b <= 10)


def _clause_before(text: str, end: int) -> str:
    """The text of the clause that ends at ``end``: from the last sentence or clause mark before it."""
    start = max(text.rfind(mark, 0, end) for mark in ".;!?\n")
    return text[start + 1:end]


def _read_parts(numbers: list[str]) -> str:
    """The numbers of an address joined by dashes ("số nhà 101-102A", "ngõ 12-05"): each on its own, with a
    pause. A house number is not a range, and its written zeros are said ("mười hai, không năm")."""
    spoken = (read_digits(n) if len(n) > 1 and n[0] == "0" else read_int(int(n)) for n in numbers)
    return " " + ", ".join(spoken) + " "


def _read_clock(hours: int, minutes: int, seconds: int | None = None) -> str:
    """ "giờ ... phút", a written zero too ("14h00": "mười bốn giờ không phút"); with seconds "giây"."""
    spoken = f"{read_int(hours)} giờ {read_int(minutes)} phút"
    return f"{spoken} {read_int(seconds)} giây" if seconds is not None else spoken


def _read_address(text: str, words: Mapping[str, str], letters: Mapping[str, str]) -> str:
    """Read an e-mail or web address symbol by symbol ("a còng", "chấm", "gạch chéo").

    Addresses are case-insensitive, so they are read in lower case, and a part
    that is a loanword is said as one ("facebook.com" -> "phây búc chấm com"):
    read otherwise, it would be changed again once it is no longer an address.
    """
    out: list[str] = []
    token: list[str] = []

    def flush() -> None:
        if token:
            word = "".join(token)
            # A part a dotted abbreviation would take ("q" before a full stop: "q.") is spelled.
            out.append(letter_names(word, letters) if word + "." in words else words.get(word, word))
            token.clear()

    names = {"@": "a còng", ".": "chấm", "/": "gạch chéo", "-": "gạch ngang", "_": "gạch dưới",
             ":": "hai chấm", "?": "hỏi", "=": "bằng", "#": "thăng", "+": "cộng", "&": "và", "%": "phần trăm"}
    text = text.lower()
    for prefix in ("https://", "http://"):
        if text.startswith(prefix):
            text = text[len(prefix):]
            break
    for ch in text:
        if ch in names:
            flush()
            out.append(names[ch])
        elif ch.isdigit():
            flush()
            out.append(read_digits(ch) if "0" <= ch <= "9" else ch)
        else:
            token.append(ch)
    flush()
    spoken = " ".join(out)
    return spoken.replace("www chấm", "vê kép vê kép vê kép chấm")


class Normalizer:
    """Compiled normalisation rules for one abbreviation table and one set of data tables."""

    def __init__(self, abbreviations: Mapping[str, str], tables: Tables | None = None) -> None:
        self.abbreviations = dict(abbreviations)
        self.lexicon = Lexicon(tables or builtin_tables())
        self._words = _word_table(self.abbreviations, self.lexicon.loanwords)
        self.rules = self._rule_list()
        self._rules = re.compile("|".join(f"(?P<R_{r.name}>{r.pattern})" for r in self.rules))
        self._handlers = {f"R_{r.name}": r.handler for r in self.rules}
        self._trigger = re.compile(self._trigger_pattern())

    def _rule_list(self) -> list[Rule]:
        """Every rule, in priority order: at one position the first that matches wins."""
        nb, na = _NO_NUM_BEFORE, _NO_NUM_AFTER
        lex = self.lexicon
        not_unit = rf"(?!\s?(?:{lex.unit_alt})(?!\w|[²³]))"
        return [
            # Keys ending in a letter must not run into a following letter ("TPHCMx");
            # keys ending in "." may touch the next word ("TP.Buôn Ma Thuột", "q.Ba Đình").
            Rule("word", rf"(?<![^\W\d]|@)(?:{_trie_pattern(sorted(self._words))})(?:(?<=\.)|(?![^\W\d]|@))",
                 self._word, starts="word"),
            # "(SN 1985)": born in, before a year.
            Rule("born", r"(?<![^\W\d])SN(?=\s?(?:19|20)\d\d(?!\d))", _said("sinh năm "), starts="word"),
            # "15/2020/NĐ-CP", "346/QĐ-UBND"
            Rule("legal", r"(?<![\d/.,])(?P<ln>\d+[a-z]?)\s?/(?:(?P<ly>\d{4})/)?"
                          r"(?P<lb>[A-ZĐ][A-Za-zĐđ&\d]*(?:-[A-ZĐ][A-Za-zĐđ&\d]*)*)(?![\w/])", self._legal),
            # The Party's numbers, type before the slash: "57-NQ/TW", "05-CT/TU", "08-QĐi/TW".
            Rule("party", rf"(?<![\d/.,\w-])(?P<pn>\d+[a-z]?)-(?P<pt>{_alternation(lex.document_types)})/"
                          r"(?P<pb>[A-ZĐ][A-Za-zĐđ&\d]*(?:-[A-ZĐ][A-Za-zĐđ&\d]*)*)(?![\w/])", self._party),
            # "29A1-123.45", "51G-678.90", "30E-12345": a vehicle plate, read character by character.
            Rule("plate", r"(?<![\w.,-])(?P<vp>\d{2}[A-ZĐ]{1,2}\d?)\s?-\s?(?P<vn>\d{3}\.\d{2}|\d{4,5})(?!\w|[.,]\d|-)",
                 self._plate),
            Rule("phone", r"(?<![\d.,])\+\d{1,3}(?:[ .-]?\d{2,4}){2,5}(?![\d]|[.,]\d)"
                          r"|(?<![\d.,])(?:\(?0\d{2,3}\)?)[ .-]?\d{3,4}[ .-]?\d{3,4}(?![\d]|[.,]\d)"
                          r"|(?<![\d.,])0\d{2,3}(?:[ .-]\d{2,3}){3}(?![\d]|[.,]\d)"
                          r"|(?<![\d.,])0\d{9,10}(?!\d)"
                          r"|(?<![\d.,])1[89]00[ .]?\d{3,4}(?:[ .]?\d{2})?(?![\d]|[.,]\d)", self._phone),
            # "24/7" means round the clock, not the 24th of July.
            Rule("allday", r"(?<![\d.,/])24/7(?![\d/])", _said("hai mươi tư trên bảy")),
            Rule("clock", rf"{nb}(?P<kh>[01]?\d|2[0-4]):(?P<km>[0-5]\d):(?P<ks>[0-5]\d)(?:\s?giây)?(?![\d:])",
                 self._clock),
            # "9h2m2s", "21g26p", "1h05p", "2p30s"
            Rule("duration", rf"{nb}(?P<uh>[01]?\d|2[0-4])[hg](?P<um>[0-5]?\d)(?:ph|p|m)(?:(?P<us>[0-5]?\d)s)?"
                             rf"(?![^\W\d]|\d)|{nb}(?P<um2>\d{{1,3}})(?:ph|p)(?P<us2>[0-5]?\d)s?(?![^\W\d]|\d)",
                 self._duration),
            Rule("date", rf"{nb}(?P<d>{_DAY})(?P<ds>\s?[/.-]\s?)(?P<dm>{_MONTH})(?P=ds)(?P<dy>\d{{4}})(?!\d)",
                 self._date),
            # "01-12/2025", "02-03.2000": from January to December.
            Rule("monthrange", rf"{nb}(?P<rm1>{_MONTH})\s?[-–]\s?(?P<rm2>{_MONTH})(?:/|{_DOT_YEAR})"
                               rf"(?P<ry>\d{{4}})(?!\d)", self._monthrange),
            # "20-30/4", "26-28/6/2022": from the 20th to the 30th of April.
            Rule("dayrange", rf"{nb}(?P<rd1>{_DAY})\s?[-–]\s?(?P<rd2>{_DAY})/(?P<rdm>{_MONTH})"
                             rf"(?:/(?P<rdy>\d{{4}})(?!\d)|{na})", self._dayrange),
            Rule("monthyear", rf"{nb}(?P<mm>{_MONTH})(?:[/-]|{_DOT_YEAR})(?P<my>\d{{4}})(?!\d)", self._monthyear),
            Rule("daymonth", rf"{nb}(?P<sd>{_DAY})/(?P<sm>{_MONTH}){na}", self._daymonth),
            # "95/100", "15/20 xã", "1/2000": a number over another that no date can be.
            Rule("ratio", rf"{nb}(?P<ra>\d{{1,6}})/(?P<rb>\d{{1,6}})(?![\d/]|[.,]\d)", self._ratio),
            Rule("time", rf"{nb}(?P<th>[01]?\d|2[0-4])(?:[hg:]|\s?giờ\s?)(?P<tm>[0-5]\d)"
                         rf"(?:\s?(?:phút|p|')(?!\w))?(?![\d:])"
                         rf"|{nb}(?P<th2>[01]?\d|2[0-4])[hg](?![^\W\d]|\d)"
                         rf"|{nb}(?P<mm2>\d{{2,3}}):(?P<ss2>[0-5]\d)(?![\d:])", self._time),
            # "thắng 2-1", "đội hình 4-2-3-1", "đêm 30-4", "5-7 ngày"
            # "7-11h": from seven to eleven o'clock.
            Rule("hours", rf"{nb}(?P<hr1>[01]?\d|2[0-4])\s?[-–]\s?(?P<hr2>[01]?\d|2[0-4])[hg](?![^\W\d]|\d)",
                 self._hours),
            Rule("pair", rf"{nb}\d{{1,2}}(?:\s?[-–]\s?\d{{1,2}}){{1,3}}(?![\d/]|[.,]\d){not_unit}", self._pair),
            Rule("currency", rf"(?P<cy>[{lex.prefix_currencies}])\s?(?P<cn>{_NUM})"
                             rf"(?:\s?(?P<cm>{_MULTIPLIER_WORDS})(?!\w))?", self._currency),
            # "3tr5", "2 tỷ 4", "1m75"
            Rule("shorthand", rf"{nb}(?P<xa>\d{{1,3}})(?:(?P<xs>tr|triệu|tỷ|tỉ)|\s(?P<xm2>triệu|tỷ|tỉ)\s)"
                              rf"(?P<xb>\d{{1,3}})(?!\d|[.,]\d|[^\W\d]|\s?(?:{_MULTIPLIER_WORDS}|trăm)(?!\w)){not_unit}"
                              rf"|{nb}(?P<ha>\d)m(?P<hb>\d{{2}})(?!\w)", self._shorthand),
            Rule("quantity", rf"(?P<q1>{_NUM})(?:\s?[-–]\s?(?P<q2>{_NUM}))?"
                             rf"(?:\s(?P<qm>{_MULTIPLIER_WORDS})(?=\s?(?:{lex.unit_alt})(?!\w|[²³])))?"
                             rf"(?:\s?(?P<qu>{lex.unit_alt})(?!\w|[²³]))?", self._quantity),
            # "3 x 4", "500mg x 2 lần": "nhân" after an amount.
            Rule("times", r"(?:(?<=\d)|(?<=\s))[x×]\s?(?=\d)", self._times, starts="pattern"),
            # "-3°C", "+5%", "2kg-3kg", "8:00-9:30", "Covid-19"
            Rule("dash", r"[-–−+±]\s?(?=\d)", self._dash),
            # "≥ 38°C", "~20%", "5>3": a comparison sign before a number (not "Trang chủ > Tin tức").
            Rule("sign", rf"(?<![.,])(?P<sg>{_alternation(lex.signs)})\s?(?=\d)", self._sign),
            # "HĐND-UBND", "RON 95-III": a hyphen before a word is a short gap, not a sign.
            Rule("hyphen", r"(?<=[^\W_])-(?=[^\W\d_])", _said(" ")),
            # Dots right after an ellipsis belong to it ("…."): left alone they could end an abbreviation.
            Rule("ellipsis", r"(?:\.{3,}|…)[.…]*", self._ellipsis),
            # "&": "và".
            Rule("amp", r"&", _said(" và ")),
            Rule("slash", rf"(?<=[\w²³%])/(?P<su>{lex.per_alt})(?![^\W\d])", self._slash),
            # "800.000 đồng/đêm", "3,5 tỷ/căn": after money, "/" and any word is "trên".
            Rule("perword", r"(?:(?<=đồng)|(?<=tỷ)|(?<=triệu)|(?<=USD)|(?<=VNĐ)|(?<=VND))/(?=[^\W\d_])",
                 _said(" trên ")),
            # "đơn vị km", "giá mỗi m2": a unit symbol standing alone, when it cannot be a word.
            Rule("unit", rf"(?<![^\W\d])(?:{_trie_pattern(sorted(lex.lone_units))})(?![^\W\d]|[²³])", self._unit,
                 starts="word"),
            # "chữ B", "ký tự 'C'"
            # "thế kỷ xx": lower-case numerals only after their context words; the numerals that are
            # also syllables ("vi", "xi", "mi") stay words.
            Rule("romanlower", r"(?<![^\W\d])(?=[ivxlcdm]{2})(?!(?:vi|xi|mi|di|li)(?![^\W\d]))(?P<rl>[ivxlcdm]+)"
                               r"(?![^\W\d])", self._romanlower, starts="word"),
            # "quý 3/2024", "Quý II/2024": a quarter of a year.
            Rule("quarter", r"(?<![^\W\d])(?:(?P<qw>[Qq]uý|QUÝ)\s(?P<qn>[1-4]|I{1,3}|IV)|(?P<qa>[QT])(?P<qd>\d{1,2}))"
                            r"\s?/\s?(?P<qy>\d{4})(?!\d)", self._quarter, starts="word"),
            Rule("roman", rf"(?<![^\W\d])(?P<rn>{_ROMAN_UPPER})(?![^\W\d])", self._roman, starts="word"),
            # "chữ B", "ký tự 'c'" (the Roman rule reads "chữ X" the same way)
            Rule("letter", r"(?<![^\W\d])[^\W\d_](?![^\W\d])", self._letter, starts="word"),
            Rule("acronym", rf"(?<![^\W\d])(?=[A-ZĐ]){ACRONYM_PATTERN}(?![^\W\d])", self._acronym, starts="word"),
        ]

    def _trigger_pattern(self) -> str:
        """Digits and symbols start a rule anywhere; letters only at a word start where a word rule matches.

        The word rules are repeated as a lookahead so that the C regex engine,
        not a Python loop, skips the many words no rule is about.
        """
        symbols = (set("0123456789$+±(-–−….&/") | set(self.lexicon.prefix_currencies)
                   | {sign[0] for sign in self.lexicon.signs})

        def bare(rule: Rule) -> str:
            # Without group names, and without the word-start test the trigger makes once for all.
            return _GROUP_NAME_RE.sub("(?:", rule.pattern).removeprefix(_WORD_START)

        own = "".join("|" + bare(r) for r in self.rules if r.starts == "pattern")
        word_rules = "|".join(bare(r) for r in self.rules if r.starts == "word")
        return ("[" + "".join(re.escape(c) for c in sorted(symbols)) + "]" + own
                + "|" + _WORD_START + "(?=" + word_rules + ")")

    # -- rule handlers: (match, context before it) -> spoken -----------------
    def _word(self, m: re.Match[str], context: Context) -> str:
        """An abbreviation or a loanword; a dotted key touching the next word ("P.5") gets a space after."""
        return self._words[m.group()] + " "

    def _legal(self, m: re.Match[str], context: Context) -> str:
        """A document number: number, year, then the type and issuer codes in words."""
        return self._document(context, m, m.group("ln"), m.group("ly"), m.group("lb"))

    def _party(self, m: re.Match[str], context: Context) -> str:
        """A Party document number, read as a state one: "57-NQ/TW" is "số năm mươi bảy, nghị quyết trung ương"."""
        return self._document(context, m, m.group("pn"), None, m.group("pt") + "-" + m.group("pb"))

    def _document(self, context: Context, m: re.Match[str], number: str, year: str | None, codes: str) -> str:
        """ "số", the number (and year), a pause, then the codes joined by dashes in words."""
        digits = number.rstrip("abcdefghijklmnopqrstuvwxyz")
        # "Số: 346/QĐ-UBND" heads every document: "số" is said once.
        words = [] if context.word and context.word.lower() == "số" else ["số"]
        words.append(read_integer_token(digits))
        if digits != number:
            words.append(number[len(digits):])
        if year:
            # "số ba mươi, năm hai nghìn …": without the pause "ba mươi năm" is thirty-five.
            if words[-1].endswith(_ROUND_ENDS):
                words[-1] += ","
            words += ["năm", read_int(int(year))]
        body = []
        for part in codes.split("-"):
            # "QH14": issuer letters, then a term number.
            for run in _DIGIT_RUN_RE.findall(part):
                body.append(read_integer_token(run) if run[0].isdigit() else self._code_word(run))
        return " ".join(words) + ", " + " ".join(body)

    def _code_word(self, letters: str) -> str:
        """A type or issuer code of a document number: its generic sense, else as any word would be read."""
        expansion = self.lexicon.document_types.get(letters) or self._words.get(letters)
        if expansion:
            return expansion.lower()
        if "&" in letters:
            return " và ".join(self._code_word(side) for side in letters.split("&") if side)
        if letters in self.lexicon.lone_units:
            # Read as the unit rule would read it once it is no longer part of a document number.
            return self.lexicon.lone_units[letters]
        return letter_names(letters, self.lexicon.letters) if is_spelled(letters) else letters

    @staticmethod
    def _phone(m: re.Match[str], context: Context) -> str:
        """A phone number: each group digit by digit, groups separated by a pause."""
        groups = _DIGIT_GROUP_RE.findall(m.group())
        return ", ".join(("cộng " + read_digits(g)) if g.startswith("+") else read_digits(g) for g in groups)

    @staticmethod
    def _clock(m: re.Match[str], context: Context) -> str:
        """ "08:15:30": hours, minutes and seconds."""
        return _read_clock(int(m.group("kh")), int(m.group("km")), int(m.group("ks")))

    @staticmethod
    def _duration(m: re.Match[str], context: Context) -> str:
        """Hours, minutes and seconds written with letters: "1h05p", "9h2m2s", "2p30s"."""
        if m.group("uh") is not None:
            seconds = m.group("us")
            return _read_clock(int(m.group("uh")), int(m.group("um")), int(seconds) if seconds else None)
        spoken = read_int(int(m.group("um2"))) + " phút"
        return spoken + " " + read_int(int(m.group("us2"))) + " giây"

    @staticmethod
    def _date(m: re.Match[str], context: Context) -> str:
        """ "28/9/2023", "5-12-2022", "31.12.2024"."""
        return _day_month(context, m.group("d"), m.group("dm")) + " năm " + read_int(int(m.group("dy")))

    @staticmethod
    def _monthrange(m: re.Match[str], context: Context) -> str:
        """ "01-12/2025": "tháng một đến tháng mười hai năm ..."."""
        head = "" if context.word and context.word.lower() == "tháng" else "tháng "
        return (f"{head}{_month(m.group('rm1'))} đến tháng {_month(m.group('rm2'))} năm "
                f"{read_int(int(m.group('ry')))}")

    @staticmethod
    def _dayrange(m: re.Match[str], context: Context) -> str:
        """ "20-30/4": "ngày hai mươi đến ba mươi tháng tư", with its year if one follows."""
        spoken = _day_range(context, *m.group("rd1", "rd2", "rdm"))
        return spoken + " năm " + read_int(int(m.group("rdy"))) if m.group("rdy") else spoken

    def _monthyear(self, m: re.Match[str], context: Context) -> str:
        """ "9/2023", "tháng 1/1789": a month of a year; a scale ("tỷ lệ 1/2000") or another number over a
        number of four digits ("1/1000") is not."""
        after_month = context.word is not None and context.word.lower() == "tháng"
        if "period" in context.kinds:
            # "đợt 1/2024", "kỳ 2/2024": the first batch of the year, not January.
            return f" {read_int(int(m.group('mm')))} năm {read_int(int(m.group('my')))} "
        if "scale" in context.kinds or not (after_month or int(m.group("my")) in _YEARS):
            return self._over(context, m, int(m.group("mm")), int(m.group("my")))
        head = "" if after_month else "tháng "
        return f"{head}{_month(m.group('mm'))} năm {read_int(int(m.group('my')))}"

    def _daymonth(self, m: re.Match[str], context: Context) -> str:
        """ "28/9" is a date, but a fraction after a quantity word ("chiếm 1/4") or before a noun ("1/4 dân số"),
        part of an address ("số nhà 12/3", "hẻm 4/2"), and a share after a count word and before what it counts
        ("có 12/12 xã"; without the count word "Từ 1/7 người lao động…" is a date)."""
        day, month = m.group("sd"), m.group("sm")
        kinds, text, end = context.kinds, m.string, m.end()
        if not kinds & _DATE_KINDS and (
                kinds & {"scale", "address"} or self.lexicon.fraction_noun_re.match(text, end)
                or "fraction" in kinds and _fraction_like(int(day), int(month))
                or ("count" in kinds and int(day) <= int(month) and self.lexicon.out_of_noun_re.match(text, end))):
            return self._over(context, m, int(day), int(month))
        return _day_month(context, day, month)

    def _ratio(self, m: re.Match[str], context: Context) -> str:
        """ "95/100": "chín mươi lăm trên một trăm"; two years a season ("2023/2024", "2023/24")."""
        a, b = int(m.group("ra")), int(m.group("rb"))
        if a in _YEARS and (b in _YEARS and b > a or len(m.group("rb")) == 2 and b == (a + 1) % 100):
            return f" {read_int(a)} đến {read_int(a + 1 if b < 100 else b)} "
        return self._over(context, m, a, b)

    def _over(self, context: Context, m: re.Match[str], a: int, b: int) -> str:
        """a/b that is no date: a fraction ("một phần tư") after a quantity word or a scale ("tỷ lệ 1/2000"),
        or before a noun such as "dân số"; digits after a code word; otherwise "a trên b" ("có 12/12 xã",
        "số nhà mười hai trên ba", "95/100")."""
        if "code" in context.kinds:
            return " " + " trên ".join(read_digits(n) for n in _NUMBER_RE.findall(m.group())) + " "
        if _fraction_like(a, b) and "address" not in context.kinds and (
                context.kinds & {"fraction", "scale"} or self.lexicon.fraction_noun_re.match(m.string, m.end())):
            return " " + read_fraction(a, b) + " "
        return f" {read_int(a)} trên {read_int(b)} "

    def _time(self, m: re.Match[str], context: Context) -> str:
        """ "7h30", "14:00", "8 giờ 30"; "42:05" (or "12:30" after "chạy") is minutes and seconds.

        A whole hour before a part of the day is said as the idiom: "6:00 sáng" is "sáu giờ sáng".
        """
        if m.group("th2") is not None:
            return read_int(int(m.group("th2"))) + " giờ"
        if m.group("mm2") is not None:
            first, second = m.group("mm2", "ss2")
        else:
            first, second = m.group("th", "tm")
            if "ratio" in context.kinds and ":" in m.group():
                # "tỷ lệ chọi 1:15": a ratio, read as the slash one would be ("vòng 1:30" stays a time).
                return self._over(context, m, int(first), int(second))
            if "duration" not in context.kinds:
                if int(second) == 0 and self.lexicon.daypart_re.match(m.string, m.end()):
                    return read_int(int(first)) + " giờ"
                return _read_clock(int(first), int(second))
        return f"{read_int(int(first))} phút {read_int(int(second))} giây"

    def _pair(self, m: re.Match[str], context: Context) -> str:
        """Small numbers joined by dashes: a date after a date word, a score after a score word, a date where
        no range can be meant ("30-4", "27-02"), else a range."""
        numbers = _NUMBER_RE.findall(m.group())
        if len(numbers) == 2 and context.kinds & _DATE_KINDS and _is_date(*numbers):
            return " " + _day_month(context, *numbers) + " "
        text, start = m.string, m.start()
        if (len(numbers) > 2 or "score" in context.kinds
                or self.lexicon.score_before_re.search(text, max(0, start - _SCORE_LOOKBACK), start)):
            return " " + " ".join(read_int(int(n)) for n in numbers) + " "
        if self._in_address(context, m):
            return _read_parts(numbers)
        # "kỷ niệm 30-4", "hạn chót 15-03": a date even without a date word, unless the digits are glued
        # to a code ("QL14-2") or another context word decides ("hạng 12-3").
        glued = start > 0 and text[start - 1].isalpha()
        if glued and not (m.end() < len(text) and text[m.end()].isalpha()):
            # "lô A1-02", "QL14-2": a code's parts, not a range ("lớp 10A1-10A5" is one).
            return _read_parts(numbers)
        if len(numbers) == 2 and not context.kinds and _cannot_be_range(*numbers):
            return " " + _day_month(context, *numbers) + " "
        return " " + read_int(int(numbers[0])) + " đến " + read_int(int(numbers[1])) + " "

    def _currency(self, m: re.Match[str], context: Context) -> str:
        """A currency symbol before the amount: "$20", "€15", "¥500", "£2 triệu"."""
        spoken = read_number(m.group("cn"))
        if m.group("cm"):
            spoken += " " + _MULTIPLIERS[m.group("cm")]
        return " " + spoken + " " + self.lexicon.currencies[m.group("cy")] + " "

    @staticmethod
    def _shorthand(m: re.Match[str], context: Context) -> str:
        """Spoken shorthand: "3tr5" is 3 500 000, "2 tỷ 4" 2 400 000 000; "1m75" a height."""
        if m.group("ha") is not None:
            centimetres = m.group("hb")
            rest = "linh " + read_int(int(centimetres)) if centimetres[0] == "0" else read_int(int(centimetres))
            return f" {read_int(int(m.group('ha')))} mét {rest} "
        scale = _MULTIPLIERS[m.group("xs") or m.group("xm2")]
        lower = {"triệu": "nghìn", "tỷ": "triệu"}[scale]
        rest = int(m.group("xb").ljust(3, "0"))
        return f" {read_int(int(m.group('xa')))} {scale} {read_int(rest)} {lower} "

    def _quantity(self, m: re.Match[str], context: Context) -> str:
        """A number with an optional range, multiplier and unit; after "thứ"/"hạng" an ordinal, after "mã" digits,
        after a name word ("Đề án 06") its written zero."""
        q1, q2, multiplier, unit = m.group("q1", "q2", "qm", "qu")
        date = None if multiplier or unit else _dotted_date(context, q1, q2)
        if date:
            return " " + date + " "
        # Four digits are years, a period: "kế hoạch 2021-2025".
        if q2 and not unit and self._in_address(context, m) and all(q.isdigit() and len(q) <= 3 for q in (q1, q2)):
            return _read_parts([q1, q2])
        if not q2 and not unit and q1.isdigit():
            if len(q1) > 1 and q1[0] == "0" and m.start() and m.string[m.start() - 1].isupper():
                # "khối A00", "D07": digits glued to a code's capital keep their zeros (as _in_code reads
                # the capital by name).
                return " " + read_digits(q1) + " "
            if "ordinal" in context.kinds and len(q1) <= 3:
                return " " + read_ordinal(int(q1)) + " "
            if "code" in context.kinds:
                return " " + read_digits(q1) + " "
            if ("name" in context.kinds and len(q1) > 1 and q1[0] == "0"
                    and not self.lexicon.count_noun_re.match(m.string, m.end())):
                # "Đề án 06" is "đề án không sáu": the zero is part of the name ("kế hoạch 05 năm" counts).
                return " " + read_digits(q1) + " "
        # A unit or a multiplier after it makes a lone dot a decimal point ("40.1cm", "1.5 triệu"); a noun
        # does not ("Công nghiệp 4.0 ngày càng", "iOS 17.2 người dùng" are versions).
        measured = bool(unit) or _MULTIPLIER_AFTER_RE.match(m.string, m.end()) is not None
        spoken = read_number(q1, dot_decimal=measured)
        if q2:
            spoken += " đến " + read_number(q2, dot_decimal=measured)
        if multiplier:
            spoken += " " + _MULTIPLIERS[multiplier]
        if unit:
            spoken += " " + self.lexicon.units[unit]
        # Digits glued to letters ("QL14") need spaces to stay separate words.
        return " " + spoken + " "

    def _in_address(self, context: Context, m: re.Match[str]) -> bool:
        """Whether the numbers of ``m`` are a house or alley number: after an address word, unless a count
        noun follows them ("hẻm 2-3 người đi vừa" counts)."""
        return "address" in context.kinds and not self.lexicon.count_noun_re.match(m.string, m.end())

    def _plate(self, m: re.Match[str], context: Context) -> str:
        """A vehicle plate: "hai chín A một, một hai ba chấm bốn năm"."""
        prefix = " ".join(read_digits(run) if run[0].isdigit() else letter_names(run, self.lexicon.letters)
                          for run in _DIGIT_RUN_RE.findall(m.group("vp")))
        number = " chấm ".join(read_digits(part) for part in m.group("vn").split("."))
        return f" {prefix}, {number} "

    @staticmethod
    def _hours(m: re.Match[str], context: Context) -> str:
        """ "7-11h": "bảy đến mười một giờ"."""
        return f" {read_int(int(m.group('hr1')))} đến {read_int(int(m.group('hr2')))} giờ "

    @staticmethod
    def _quarter(m: re.Match[str], context: Context) -> str:
        """ "quý 3/2024", "Q3/2024": "quý ba năm hai nghìn không trăm hai mươi tư"; "T10/2024": "tháng mười …"."""
        year = read_int(int(m.group("qy")))
        if m.group("qa"):
            word = "quý" if m.group("qa") == "Q" else "tháng"
            return f"{word} {read_int(int(m.group('qd')))} năm {year}"
        number = m.group("qn")
        quarter = int(number) if number.isdigit() else roman_value(number)
        return f"{m.group('qw')} {read_int(quarter)} năm {year}"

    def _dash(self, m: re.Match[str], context: Context) -> str:
        """A dash or sign before a number: "đến" after an amount, "âm"/"cộng" as a sign, a space inside a word."""
        text, start = m.string, m.start()
        sign = m.group()[0]
        date = _DATE_END_RE.search(text, max(0, start - _LOOKBACK), start)
        if (sign in "-–" and date and _TIME_AHEAD_RE.match(text, m.end())
                and not _RANGE_OPENED_RE.search(_clause_before(text, date.start()))):
            return ", "
        if self.lexicon.amount_before(text, start):
            # After an amount "+" and "±" are still said; a dash is a range.
            return " " + (_SIGNS[sign] if sign in "+±" else "đến") + " "
        glued = start > 0 and not text[start - 1].isspace() and text[start - 1] not in _TOKEN_OPENERS
        if glued or m.group() != sign:
            # "Covid-19": the hyphen is not a minus and not a range; "GMT+7": a plus is still said.
            return " " + _SIGNS[sign] + " " if sign in "+±" else " "
        # A sign stays next to what comes before it: "(-4°C)" is "(âm bốn độ xê)".
        return _SIGNS[sign] + " "

    @staticmethod
    def _ellipsis(m: re.Match[str], context: Context) -> str:
        """A pause: a comma between words, nothing at the edges or before punctuation."""
        text, end = m.string, m.end()
        while end < len(text) and text[end].isspace():
            end += 1
        at_start = _NON_SPACE_RE.search(text, 0, m.start()) is None
        if at_start or end >= len(text) or text[end] in ",;:.!?)]\"”’»":
            return " "
        return ", "

    def _times(self, m: re.Match[str], context: Context) -> str:
        """ "x" before a number: "nhân" after an amount or a number of something ("3x4", "500mg x 2",
        "1 viên x 3 lần"); elsewhere the letter ("tăng x2")."""
        if self.lexicon.amount_before(m.string, m.start(), counted=True):
            return " nhân "
        return m.group()

    def _sign(self, m: re.Match[str], context: Context) -> str:
        """A comparison sign before a number, as ``data/signs.tsv`` reads it: "≥ 38" -> "lớn hơn hoặc bằng ba mươi tám".

        A tilde after an amount ("20~30", "5% ~ 7%") joins a range.
        """
        sign = m.group("sg")
        if sign == "~" and self.lexicon.amount_before(m.string, m.start()):
            return " đến "
        return " " + self.lexicon.signs[sign] + " "

    def _slash(self, m: re.Match[str], context: Context) -> str:
        """ "/" before a unit or a per-word ("đồng/tháng"): "trên"."""
        word = m.group("su")
        return " trên " + self.lexicon.units.get(word, word)

    def _letter(self, m: re.Match[str], context: Context) -> str:
        """A single letter by its Vietnamese name after "chữ", "ký tự" ("chữ B" -> "chữ bê") or as a capital
        in a code ("G7" -> "gờ bảy"); elsewhere it may be a word ("A", "U", "Y") and stays as written."""
        if _in_code(m) or "letter" in self.lexicon.context_before(m.string, m.start()).kinds:
            return letter_names(m.group(), self.lexicon.letters)
        return m.group()

    def _unit(self, m: re.Match[str], context: Context) -> str:
        """A unit symbol without its number: "đơn vị km" -> "đơn vị ki lô mét".

        Like an abbreviation, it gets no space before it: "IV)km" must stay unlike a heading ("IV) ...").
        """
        return self.lexicon.lone_units[m.group()] + " "

    def _romanlower(self, m: re.Match[str], context: Context) -> str:
        """A lower-case Roman numeral after "thế kỷ": "thế kỷ xx" -> "thế kỷ hai mươi"."""
        value = roman_value(m.group("rl").upper())
        if value is None or "roman-lower" not in self.lexicon.context_before(m.string, m.start()).kinds:
            return m.group()
        return read_int(value)

    def _roman(self, m: re.Match[str], context: Context) -> str:
        """A Roman numeral after a context word ("khóa XIV"), heading a block ("II. KẾT QUẢ") or alone in it ("XI")."""
        numeral = m.group("rn")
        text, start = m.string, m.start()
        context = self.lexicon.context_before(text, start)
        if len(numeral) == 1 and ("letter" in context.kinds or _in_code(m)):
            return letter_names(numeral, self.lexicon.letters)
        heading = ((start == 0 and _HEADING_MARK_RE.match(text, m.end()) is not None)
                   or _LONE_NUMERAL_RE.fullmatch(text) is not None)
        if "roman" not in context.kinds and not heading:
            return numeral
        value = roman_value(numeral)
        if value is None:
            return numeral
        if len(numeral) == 1 and numeral in "LCDM":
            # "hạng C", "bằng hạng D": a class; nobody writes 100 as "C".
            return letter_names(numeral, self.lexicon.letters)
        if context.word and context.word.lower().endswith("thứ"):
            return read_ordinal(value)
        return read_int(value)

    def _acronym(self, m: re.Match[str], context: Context) -> str:
        """An acronym that cannot be a Vietnamese word, spelled: "VTV" -> "vê tê vê" (apart from a digit before it)."""
        start = m.start()
        before = " " if start and m.string[start - 1].isdigit() else ""
        return before + letter_names(m.group(), self.lexicon.letters) + " "

    # -- scanning ------------------------------------------------------------
    def _addresses(self, text: str) -> list[tuple[int, int, str]]:
        out: list[tuple[int, int, str]] = []
        pos = 0
        while True:
            anchor = _ADDRESS_ANCHOR_RE.search(text, pos)
            if anchor is None:
                return out
            start = anchor.start()
            # Back over the characters an address can start with, so "&a@b.vn" is found as "a@b.vn".
            while start > pos and (text[start - 1].isalnum() or text[start - 1] in "._+-"):
                start -= 1
            m = _ADDRESS_RE.match(text, start)
            if m is not None and m.end() >= anchor.end():
                spoken = _read_address(m.group(), self._words, self.lexicon.letters)
                out.append((m.start(), m.end(), " " + spoken + " "))
                pos = m.end()
            else:
                pos = anchor.end()

    def pieces(self, text: str) -> list[tuple[int, int, str, int]]:
        """Rule matches in ``text`` as ``(start, end, replacement, guard_start)``, in order.

        ``guard_start`` reaches back over a context word that shaped the reading
        ("ngày 28/9"), so phrase cuts keep the two together.
        """
        out: list[tuple[int, int, str, int]] = []
        addresses = self._addresses(text) if ("@" in text or "." in text) else []
        addresses.append((len(text), len(text), ""))
        search, match, handlers = self._trigger.search, self._rules.match, self._handlers
        context_before = self.lexicon.context_before
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
                context = context_before(text, i) if "0" <= text[i] <= "9" else Context(_NO_CONTEXT, None, i)
                out.append((i, m.end(), handlers[m.lastgroup](m, context), context.start))  # type: ignore[index]
                pos = max(m.end(), i + 1)
            if a_end > a_start:
                out.append((a_start, a_end, a_spoken, a_start))
            pos = a_end
        return out

    def spoken_from(self, text: str, found: list[tuple[int, int, str, int]]) -> Callable[[int, int], str]:
        """A function giving the speakable form of ``text[start:end]`` from ``found``, the ``pieces`` of the
        whole ``text``.

        A phrase cut from a sentence is read within it, so a word earlier in the sentence that shapes a
        reading (a score word, a date word) still counts, and the sentence is not read again for each
        phrase. Text ``normalize`` would tidy first is read afresh, phrase by phrase, as its pieces are of
        other offsets.
        """
        if _UNTIDY_RE.search(text) or not unicodedata.is_normalized("NFC", text):
            return lambda start, end: self.normalize(text[start:end])
        ends = [p_end for _, p_end, _, _ in found]

        def say(start: int, end: int) -> str:
            parts: list[str] = []
            pos = start
            for k in range(bisect_right(ends, start), len(found)):
                p_start, p_end, spoken, _ = found[k]
                if p_start >= end:
                    break
                if p_start < start or p_end > end:
                    # A cut inside a piece: a run too long for one phrase, cut by characters.
                    return self.normalize(text[start:end])
                parts.append(text[pos:p_start])
                parts.append(spoken)
                pos = p_end
            parts.append(text[pos:end])
            # A phrase that starts at a dash's pause (", ") does not start with the comma.
            return _tidy("".join(parts)).lstrip(", ")

        return say

    def normalize(self, text: str) -> str:
        """Return the speakable form of ``text`` (NFC, single spaces, stripped).

        The text is tidied first as the result will be, so that a space or an
        invisible character before punctuation cannot hide a match ("P ." is "P.").
        """
        if _UNTIDY_RE.search(text) or not unicodedata.is_normalized("NFC", text):
            text = _tidy(text)
        parts: list[str] = []
        pos = 0
        for start, end, spoken, _ in self.pieces(text):
            parts.append(text[pos:start])
            parts.append(spoken)
            pos = end
        parts.append(text[pos:])
        return _tidy("".join(parts))


_SPACE_BEFORE_PUNCT = re.compile(r"\s+([,;:.!?)\]”’»])")
# What ``_tidy`` would change, found with one search: a space other than " ", an invisible character,
# two spaces, a space at an end or before punctuation, two commas.
_UNTIDY_RE = re.compile(r"[^\S ]|[\u200b\u200c\u200d\u2060\ufeff]|  |^ | $|\s[,;:.!?)\]”’»]|,\s*,")
_DOUBLE_COMMA = re.compile(r",(?:\s*,)+")


def _tidy(text: str) -> str:
    """Collapse whitespace, drop spaces the replacements left before punctuation, merge commas."""
    text = clean_text(text)
    text = _SPACE_BEFORE_PUNCT.sub(r"\1", text)
    return _DOUBLE_COMMA.sub(",", text)


@lru_cache(maxsize=8)
def _cached_normalizer(items: frozenset[tuple[str, str]], tables: Tables) -> Normalizer:
    return Normalizer(dict(items), tables)


def get_normalizer(abbreviations: Mapping[str, str]) -> Normalizer:
    """Normaliser for ``abbreviations`` and, when they are a ``Vocabulary``, its data tables (else the built-in ones).

    Compiled once per distinct abbreviation table and set of data tables.
    """
    tables = abbreviations.tables if isinstance(abbreviations, Vocabulary) else builtin_tables()
    return _cached_normalizer(frozenset(abbreviations.items()), tables)
