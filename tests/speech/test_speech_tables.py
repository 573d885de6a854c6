"""The normaliser's data files and rule list: loaded once, complete, stable, extensible by operators."""

from __future__ import annotations

import pytest

from server.speech import segment_blocks
from server.speech.abbreviations import load_abbreviations
from server.speech.normalize import Normalizer, get_normalizer
from server.speech.tables import builtin_tables, load_contexts, load_table

TABLES = ("units", "currencies", "document_types", "letters", "loanwords")


@pytest.mark.parametrize("name", TABLES)
def test_tables_load_once_and_read_only(name: str) -> None:
    table = load_table(name)
    assert table and load_table(name) is table
    with pytest.raises(TypeError):
        table["x"] = "y"  # type: ignore[index]


@pytest.mark.parametrize("name", TABLES)
def test_every_reading_is_already_speakable(normalizer: Normalizer, name: str) -> None:
    # A reading the rules would change again would break idempotence.
    for written, reading in load_table(name).items():
        assert normalizer.normalize(reading) == reading, written


def test_units_and_currencies_cover_what_news_writes() -> None:
    units, currencies = load_table("units"), load_table("currencies")
    for unit in ("V", "l", "GB", "Hz", "km/h", "m²", "m3", "°C", "°c", "kWh", "%", "mAh", "ha"):
        assert unit in units, unit
    for symbol in ("₫", "đ", "$", "USD", "€", "¥", "£", "VND", "VNĐ"):
        assert symbol in currencies, symbol


def test_letters_cover_the_latin_alphabet_and_vietnamese_letters() -> None:
    letters = load_table("letters")
    for letter in "ABCDEFGHIJKLMNOPQRSTUVWXYZĐĂÂÊÔƠƯ":
        assert letters[letter], letter


def test_contexts_have_every_kind_the_rules_read() -> None:
    contexts = load_contexts()
    for kind in ("date", "daytime", "score", "ordinal", "fraction", "duration", "code", "letter", "roman",
                 "roman-lower", "month", "fraction-noun", "per"):
        assert contexts[kind], kind
    assert "ordinal" in contexts and "thứ" in contexts["ordinal"] and "thứ" in contexts["roman"]
    assert get_normalizer({}).lexicon.context_kinds["hạng"] == {"ordinal", "roman"}


@pytest.mark.parametrize("written", ["Facebook", "facebook", "FACEBOOK"])
def test_loanwords_in_every_case(normalizer: Normalizer, written: str) -> None:
    assert normalizer.normalize(f"Trang {written} của huyện") == "Trang phây búc của huyện"


@pytest.mark.parametrize("text", ["Facebooker", "emails", "gameshow", "Zalopay"])
def test_loanwords_only_as_whole_words(normalizer: Normalizer, text: str) -> None:
    assert normalizer.normalize(text) == text


def test_operator_adds_a_loanword_through_the_abbreviation_file(tmp_path) -> None:
    extra = tmp_path / "words.tsv"
    extra.write_text("Threads\tthơ rét\nonline\ttrực tuyến\n", encoding="utf-8")
    normalizer = get_normalizer(load_abbreviations(str(extra)))
    assert normalizer.normalize("Theo dõi trên Threads, học online") == "Theo dõi trên thơ rét, học trực tuyến"


def test_rules_are_one_named_documented_list(normalizer: Normalizer) -> None:
    names = [rule.name for rule in normalizer.rules]
    assert len(names) == len(set(names))
    for rule in normalizer.rules:
        assert rule.pattern and (rule.handler.__doc__ or "").strip(), rule.name
    # Earlier rules win at one position: document numbers before dates, dates before plain numbers.
    assert names.index("legal") < names.index("date") < names.index("daymonth") < names.index("quantity")


def _operator_folder(tmp_path, files: dict[str, str]):
    folder = tmp_path / "trodoc"
    folder.mkdir()
    for name, text in files.items():
        (folder / name).write_text(text, encoding="utf-8")
    return folder


def test_operator_folder_extends_every_table_it_names(tmp_path) -> None:
    folder = _operator_folder(tmp_path, {
        "abbreviations.tsv": "BQLDA\tBan quản lý dự án\n",
        "units.tsv": "# liều phóng xạ\nmSv\tmi li xi vơ\n",
        "loanwords.tsv": "online\ttrực tuyến\n",
        "contexts.tsv": "giải\tordinal\n",
        "letters.tsv": "F\tép phờ\n",
    })
    vocabulary = load_abbreviations(str(folder))
    normalizer = get_normalizer(vocabulary)
    assert normalizer.normalize("BQLDA họp online, liều 20mSv") == (
        "Ban quản lý dự án họp trực tuyến, liều hai mươi mi li xi vơ")
    assert normalizer.normalize("Đoạt giải 1, kênh VTF") == "Đoạt giải nhất, kênh vê tê ép phờ"
    # The built-in words stay, and the segments the audio service cuts read the same tables.
    assert normalizer.normalize("UBND huyện") == "Ủy ban nhân dân huyện"
    assert segment_blocks(["Đo 90mSv."], abbreviations=vocabulary)[0].spoken == "Đo chín mươi mi li xi vơ."


def test_operator_folder_adds_a_currency_symbol_read_before_the_amount(tmp_path) -> None:
    folder = _operator_folder(tmp_path, {"currencies.tsv": "₭\tkíp Lào\n"})
    normalizer = get_normalizer(load_abbreviations(str(folder)))
    assert normalizer.normalize("Giá ₭5000 hay 20₭") == "Giá năm nghìn kíp Lào hay hai mươi kíp Lào"


def test_operator_folder_leaves_the_built_in_tables_alone(tmp_path) -> None:
    folder = _operator_folder(tmp_path, {"units.tsv": "km\tcây số\n"})
    assert get_normalizer(load_abbreviations(str(folder))).normalize("5 km") == "năm cây số"
    assert load_table("units")["km"] == "ki lô mét"
    assert get_normalizer(load_abbreviations()).normalize("5 km") == "năm ki lô mét"
    assert load_abbreviations().tables is builtin_tables()


def test_operator_folder_without_abbreviations_keeps_the_built_in_ones(tmp_path) -> None:
    folder = _operator_folder(tmp_path, {"loanwords.tsv": "Threads\tthơ rét\n"})
    vocabulary = load_abbreviations(str(folder))
    assert dict(vocabulary) == dict(load_abbreviations())
    assert get_normalizer(vocabulary).normalize("Trên Threads") == "Trên thơ rét"


def test_operator_folder_refuses_a_file_that_extends_no_table(tmp_path) -> None:
    folder = _operator_folder(tmp_path, {"unit.tsv": "mmHg\tmi li mét thủy ngân\n", "GHI-CHU.txt": "notes"})
    with pytest.raises(ValueError, match=r"unit\.tsv extend no table; known: abbreviations\.tsv, contexts\.tsv"):
        load_abbreviations(str(folder))
