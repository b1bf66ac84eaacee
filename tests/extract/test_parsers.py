"""Date, number and name parsers: tables of input -> output, and hypothesis properties."""

from __future__ import annotations

from datetime import date

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from dalil.extract.dates import find_dates, parse_date_text
from dalil.extract.numbers import find_numbers, parse_english_words, parse_number
from dalil.extract.text import prepare
from dalil.gazetteer.names import name_key, skeleton_key, spelling_key

PUB = date(2025, 3, 9)


@pytest.mark.parametrize(("text", "expected"), [
    ("On March 6, 2025 gunmen came", "2025-03-06"),
    ("6 March 2025", "2025-03-06"),
    ("between 6 and 10 March 2025", "2025-03-06/2025-03-10"),
    ("٦ آذار ٢٠٢٥", "2025-03-06"),
    ("7 مارس", "2025-03-07"),
    ("في السادس من آذار/مارس", "2025-03-06"),
    ("in March 2025", "2025-03"),
    ("06/03/2025", "2025-03-06"),
    ("on Friday", "2025-03-07"),
    ("يوم الجمعة الماضي", "2025-03-07"),
    ("yesterday", "2025-03-08"),
    ("December 28", "2024-12-28"),
    ("2025-03-06", "2025-03-06"),
])
def test_dates(text: str, expected: str) -> None:
    assert parse_date_text(text, PUB) == expected


def test_relative_date_needs_an_anchor() -> None:
    assert parse_date_text("on Friday", None) is None
    found = find_dates(prepare("On March 6 they came. The next morning more came.").norm, PUB)
    assert [d.date for d in found] == ["2025-03-06", "2025-03-07"]
    found = find_dates(prepare("Between 6 and 8 March. The next day they left.").norm, PUB)
    assert found[1].date is None  # an interval is no single anchor


@pytest.mark.parametrize(("text", "value", "qualifier"), [
    ("at least 12 people", 12, "at_least"),
    ("more than 6,000", 6000, "more_than"),
    ("between 800 and 1,500", (800, 1500), "range"),
    ("dozens of families", 24, "at_least"),
    ("twenty-three civilians", 23, "exact"),
    ("أكثر من ٣٠٠ قتيل", 300, "more_than"),
    ("بين 10 و20 قتيلا", (10, 20), "range"),
    ("ثلاثة وعشرين مدنيا", 23, "exact"),
    ("عشرات العائلات", 20, "at_least"),
    ("نحو ٢٠ ألف شخص", 20000, "approx"),
])
def test_numbers(text: str, value: object, qualifier: str) -> None:
    found = find_numbers(prepare(text).norm)
    assert (found[0].value, found[0].qualifier) == (value, qualifier)


@given(st.integers(min_value=0, max_value=10**9))
def test_digit_numbers_round_trip(n: int) -> None:
    assert parse_number(str(n)) == n
    assert parse_number(f"{n:,}") == n
    assert parse_number(str(n).translate(str.maketrans("0123456789", "٠١٢٣٤٥٦٧٨٩"))) == n


_ONES = ["", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine"]
_TENS = ["", "", "twenty", "thirty", "forty", "fifty", "sixty", "seventy", "eighty", "ninety"]
_TEENS = ["ten", "eleven", "twelve", "thirteen", "fourteen", "fifteen", "sixteen", "seventeen",
          "eighteen", "nineteen"]


def _words(n: int) -> str:
    parts = []
    if n >= 100:
        parts.append(f"{_ONES[n // 100]} hundred")
        n %= 100
    if 10 <= n < 20:
        parts.append(_TEENS[n - 10])
    elif n:
        parts.append("-".join(p for p in (_TENS[n // 10], _ONES[n % 10]) if p))
    return " and ".join(parts)


@given(st.integers(min_value=1, max_value=999))
def test_english_number_words(n: int) -> None:
    assert parse_english_words(_words(n)) == n


@given(st.text(max_size=200))
@settings(max_examples=300)
def test_parsers_never_crash(text: str) -> None:
    parse_number(text)
    find_numbers(prepare(text).norm)
    find_dates(prepare(text).norm, PUB)
    name_key(text)
    skeleton_key(text)
    spelling_key(text)


@given(st.dates(min_value=date(1950, 1, 1), max_value=date(2099, 12, 31)))
def test_written_dates_round_trip(d: date) -> None:
    month = d.strftime("%B")
    assert parse_date_text(f"on {d.day} {month} {d.year}", PUB) == d.isoformat()
    assert parse_date_text(f"on {month} {d.day}, {d.year}", PUB) == d.isoformat()


@pytest.mark.parametrize(("a", "b"), [
    ("Lattakia", "Lattakia"), ("al-Ladhiqiyah", "Ladhiqiyah"), ("اللاذقية", "اللاذقيه"),
    ("Deir ez-Zor", "Deir Zor"), ("جَبْلَة", "جبلة"),
])
def test_name_keys_match_spelling_variants(a: str, b: str) -> None:
    assert name_key(a) == name_key(b)


@given(st.text(alphabet=st.characters(whitelist_categories=("Lu", "Ll")), min_size=1,
               max_size=30))
def test_name_key_is_idempotent(name: str) -> None:
    assert name_key(name_key(name)) == name_key(name)


_LETTERS = list("abcdefghijklmnopqrstuvwxyzABCDEFGHIJ0123456789 .,;:!?\"'-()\n")
_ARABIC = list("قتلفيجبةاللاذقيةآذار٠١٢٣٤٥٦٧٨٩،؟")
_MARKS = ["\u200f", "\u202e", "\u064e", "\u0651", "\u0640"]  # bidi, diacritics, tatweel
_REPORTISH = st.text(alphabet=st.sampled_from(_LETTERS + _ARABIC + _MARKS), max_size=400)


@given(_REPORTISH)
@settings(max_examples=150, deadline=None)
def test_extract_document_never_crashes_and_spans_point_into_text(text: str) -> None:
    from dalil.extract import extract_document

    r = extract_document(text, published="2025-03-10").to_dict()
    for c in r["claims"]:
        assert text[c["span"][0]:c["span"][1]] == c["text"]
    for f in r["casualty_figures"] + r["other_figures"]:
        assert text[f["span"][0]:f["span"][1]] == f["surface"]
    for m in r["place_mentions"]:
        assert text[m["span"][0]:m["span"][1]] == m["surface"]


@pytest.mark.parametrize(("a", "b"), [
    ("Marea", "Mare'"), ("Ain Issa", "`Ayn `Isa"), ("Tal Kalakh", "Talkalakh"),
    ("Deir Hafer", "Dayr Hafir"), ("Sheikh Maskin", "Shaykh Miskin"), ("Jableh", "Jabla"),
])
def test_spelling_keys_ignore_vowels(a: str, b: str) -> None:
    assert spelling_key(a) == spelling_key(b)


@pytest.mark.parametrize(("a", "b"), [
    ("Al-Hosn", "Al Husayniyah"),  # a syllable more is another name, not another spelling
    ("Marwiyah", "Mariyah"), ("Hama", "Homs"),
])
def test_spelling_keys_keep_syllables(a: str, b: str) -> None:
    assert spelling_key(a) != spelling_key(b)
