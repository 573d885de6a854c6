"""Vietnamese number reading."""

from __future__ import annotations

import pytest

from server.speech.numbers import read_digits, read_int, read_number, read_ordinal, roman_value

CARDINALS = [
    (0, "không"),
    (1, "một"),
    (5, "năm"),
    (10, "mười"),
    (11, "mười một"),
    (14, "mười bốn"),
    (15, "mười lăm"),
    (20, "hai mươi"),
    (21, "hai mươi mốt"),
    (24, "hai mươi tư"),
    (25, "hai mươi lăm"),
    (31, "ba mươi mốt"),
    (55, "năm mươi lăm"),
    (99, "chín mươi chín"),
    (100, "một trăm"),
    (101, "một trăm linh một"),
    (105, "một trăm linh năm"),
    (110, "một trăm mười"),
    (115, "một trăm mười lăm"),
    (121, "một trăm hai mươi mốt"),
    (346, "ba trăm bốn mươi sáu"),
    (1000, "một nghìn"),
    (1005, "một nghìn không trăm linh năm"),
    (1050, "một nghìn không trăm năm mươi"),
    (1500, "một nghìn năm trăm"),
    (2020, "hai nghìn không trăm hai mươi"),
    (2023, "hai nghìn không trăm hai mươi ba"),
    (2025, "hai nghìn không trăm hai mươi lăm"),
    (10_000, "mười nghìn"),
    (15_000, "mười lăm nghìn"),
    (21_000, "hai mươi mốt nghìn"),
    (100_000, "một trăm nghìn"),
    (1_000_000, "một triệu"),
    (1_000_005, "một triệu không trăm linh năm"),
    (1_500_000, "một triệu năm trăm nghìn"),
    (2_050_000, "hai triệu không trăm năm mươi nghìn"),
    (1_000_000_000, "một tỷ"),
    (1_200_000_000, "một tỷ hai trăm triệu"),
    (3_000_000_000_000, "ba nghìn tỷ"),
]


@pytest.mark.parametrize(("n", "expected"), CARDINALS)
def test_cardinals(n: int, expected: str) -> None:
    assert read_int(n) == expected


NUMBER_TOKENS = [
    ("1.500.000", "một triệu năm trăm nghìn"),
    ("3,5", "ba phẩy năm"),
    ("1,2", "một phẩy hai"),
    ("3,05", "ba phẩy không năm"),
    ("12,75", "mười hai phẩy bảy mươi lăm"),
    ("1,500,000", "một triệu năm trăm nghìn"),
    ("4.0", "bốn chấm không"),
    ("007", "không không bảy"),
    ("05", "năm"),
    ("12.500", "mười hai nghìn năm trăm"),
]


@pytest.mark.parametrize(("token", "expected"), NUMBER_TOKENS)
def test_number_tokens(token: str, expected: str) -> None:
    assert read_number(token) == expected


@pytest.mark.parametrize(("n", "expected"), [(1, "nhất"), (2, "hai"), (4, "tư"), (10, "mười"), (14, "mười bốn")])
def test_ordinals(n: int, expected: str) -> None:
    assert read_ordinal(n) == expected


@pytest.mark.parametrize(("numeral", "value"), [("I", 1), ("IV", 4), ("IX", 9), ("XIII", 13), ("XIV", 14),
                                                 ("XXI", 21), ("MCMXC", 1990), ("IIII", None), ("", None),
                                                 ("VX", None)])
def test_roman_values(numeral: str, value: int | None) -> None:
    assert roman_value(numeral) == value


def test_digits() -> None:
    assert read_digits("0261") == "không hai sáu một"
