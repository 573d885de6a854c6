"""Reading numbers aloud in Vietnamese.

Conventions (where readers differ, the choice is the common broadcast one and
the whole pipeline spells it the same way):

* "mốt" for a final 1 after "mươi" (hai mươi mốt), "mười một" otherwise.
* "lăm" for a final 5 after a tens word (mười lăm, hai mươi lăm), "năm" after
  "linh" (một trăm linh năm).
* "tư" for a final 4 after "mươi" (hai mươi tư), "mười bốn" after "mười".
* "linh", never "lẻ", for a zero tens digit (một trăm linh một).
* "không trăm" inside non-leading groups of thousands (hai nghìn không trăm
  hai mươi ba); "nghìn", never "ngàn"; "tỷ", never "tỉ".
* Decimals: the comma is the decimal mark ("phẩy"); one or two decimal digits
  are read as a number (ba phẩy mười bốn, ba phẩy không năm), three or more
  digit by digit (ba phẩy một bốn một năm), as VieNeu-TTS ("3,14": ba phẩy
  mười bốn) and CodeLinkIO/Vietnamese-text-normalization ("1,23": một phẩy
  hai mươi ba) read them; pyvinorm reads every decimal digit by digit. A dot
  that cannot group thousands reads "chấm" (4.0, 1.3; a zero after it is said:
  27.02 is "hai mươi bảy chấm không hai") unless a unit follows,
  where it is an English decimal point (40.1 cm: bốn mươi phẩy một).
  "1,234.5" with comma thousands and a dot is read the English way.
"""

from __future__ import annotations

import re

DIGITS: tuple[str, ...] = ("không", "một", "hai", "ba", "bốn", "năm", "sáu", "bảy", "tám", "chín")

_SCALES: tuple[str, ...] = ("", "nghìn", "triệu")
_BILLION = 1_000_000_000

# Integers this long are identifiers rather than quantities.
_MAX_QUANTITY_DIGITS = 15

_ROMAN_RE = re.compile(r"M{0,3}(?:CM|CD|D?C{0,3})(?:XC|XL|L?X{0,3})(?:IX|IV|V?I{0,3})")
_ROMAN_VALUES = {"I": 1, "V": 5, "X": 10, "L": 50, "C": 100, "D": 500, "M": 1000}


def read_digits(digits: str) -> str:
    """Read a string of ASCII digits one by one ("0261" -> "không hai sáu một")."""
    return " ".join(DIGITS[ord(c) - 48] for c in digits if "0" <= c <= "9")


def _read_tens(n: int) -> str:
    """Read 1..99."""
    tens, unit = divmod(n, 10)
    if tens == 0:
        return DIGITS[unit]
    head = "mười" if tens == 1 else DIGITS[tens] + " mươi"
    if unit == 0:
        return head
    if unit == 5:
        return head + " lăm"
    if unit == 1 and tens > 1:
        return head + " mốt"
    if unit == 4 and tens > 1:
        return head + " tư"
    return head + " " + DIGITS[unit]


def _read_group(n: int, leading: bool) -> str:
    """Read 0..999; non-leading groups always say their hundreds ("không trăm")."""
    hundreds, rest = divmod(n, 100)
    if leading and hundreds == 0:
        return _read_tens(rest)
    head = DIGITS[hundreds] + " trăm"
    if rest == 0:
        return head
    if rest < 10:
        return head + " linh " + DIGITS[rest]
    return head + " " + _read_tens(rest)


def _read_below_billion(n: int, leading: bool) -> list[str]:
    groups = []
    while n:
        n, g = divmod(n, 1000)
        groups.append(g)
    words: list[str] = []
    for scale in range(len(groups) - 1, -1, -1):
        g = groups[scale]
        if g == 0:
            continue
        words.append(_read_group(g, leading and not words))
        if _SCALES[scale]:
            words.append(_SCALES[scale])
    return words


def read_int(n: int) -> str:
    """Read a non-negative integer: 1005 -> "một nghìn không trăm linh năm"."""
    if n == 0:
        return DIGITS[0]
    if n < 0:
        return "âm " + read_int(-n)
    high, low = divmod(n, _BILLION)
    words: list[str] = []
    if high:
        words.append(read_int(high))
        words.append("tỷ")
    words.extend(_read_below_billion(low, leading=not high))
    return " ".join(words)


def read_integer_token(digits: str) -> str:
    """Read a digit string; leading-zero codes and very long runs are spelled digit by digit."""
    if (len(digits) > 2 and digits[0] == "0") or len(digits) > _MAX_QUANTITY_DIGITS:
        return read_digits(digits)
    return read_int(int(digits))


def read_decimal_part(digits: str) -> str:
    """Read the digits after the decimal mark: two as a number (leading zero spelled), more one by one."""
    if len(digits) > 2:
        return read_digits(digits)
    stripped = digits.lstrip("0")
    zeros = ["không"] * (len(digits) - len(stripped))
    if stripped:
        zeros.append(read_int(int(stripped)))
    return " ".join(zeros)


def _groups_thousands(parts: list[str]) -> bool:
    return 1 <= len(parts[0]) <= 3 and all(len(p) == 3 for p in parts[1:])


def read_number(token: str, *, dot_decimal: bool = False) -> str:
    """Read a Vietnamese-formatted number: "1.500.000", "9 000 000", "3,5", "2023", "1,500,000", "1,234.5", "4.0".

    Dots group thousands and the comma is the decimal mark; dot-separated
    parts that are not valid thousand groups are read with "chấm" (4.0, 2.1.3),
    or as a decimal point when ``dot_decimal`` (a unit follows: "40.1cm").
    """
    if " " in token:
        return read_integer_token(token.replace(" ", ""))
    if "," in token and "." in token and token.index(",") < token.index("."):
        whole, frac = token.rsplit(".", 1)
        if _groups_thousands(whole.split(",")):
            return read_integer_token(whole.replace(",", "")) + " phẩy " + read_decimal_part(frac)
    if "," in token:
        parts = token.split(",")
        if len(parts) > 2 and all(len(p) == 3 for p in parts[1:]):
            return read_integer_token("".join(parts))
        whole, frac = parts[0], "".join(parts[1:])
        return read_number(whole) + " phẩy " + read_decimal_part(frac)
    if "." in token:
        parts = token.split(".")
        if _groups_thousands(parts):
            return read_integer_token("".join(parts))
        if dot_decimal and len(parts) == 2 and parts[1]:
            return read_integer_token(parts[0]) + " phẩy " + read_decimal_part(parts[1])
        return " chấm ".join(_read_dotted_part(p, i) for i, p in enumerate(parts) if p)
    return read_integer_token(token)


def _read_dotted_part(digits: str, index: int) -> str:
    """A part of a dotted number ("4.0", "27.02"): after the first dot a leading zero is said, digit by digit.

    "27.02" is not "27.2": whether it is a decimal or a version, the zero is part of what is written.
    """
    if index and len(digits) > 1 and digits[0] == "0":
        return read_digits(digits)
    return read_integer_token(digits)


def read_ordinal(n: int) -> str:
    """Ordinal word after "thứ": 1 -> "nhất", 4 -> "tư", otherwise the cardinal."""
    if n == 1:
        return "nhất"
    if n == 4:
        return "tư"
    return read_int(n)


def read_fraction(numerator: int, denominator: int) -> str:
    """A fraction: 1/4 -> "một phần tư", 2/3 -> "hai phần ba"."""
    return read_int(numerator) + " phần " + ("tư" if denominator == 4 else read_int(denominator))


def roman_value(numeral: str) -> int | None:
    """Value of a well-formed uppercase Roman numeral, else None."""
    if not numeral or not _ROMAN_RE.fullmatch(numeral):
        return None
    total = 0
    prev = 0
    for ch in reversed(numeral):
        v = _ROMAN_VALUES[ch]
        total = total - v if v < prev else total + v
        prev = max(prev, v)
    return total
