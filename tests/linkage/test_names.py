"""Name normalisation and folding, as plain input -> output tables."""

from __future__ import annotations

import pytest

from dalil.linkage.names import fold_latin, name_key, normalise_arabic, parse_name

ARABIC_NORMALISATION = [
    ("أحمد", "احمد"),  # hamza on alef
    ("إبراهيم", "ابراهيم"),  # hamza under alef
    ("آمنة", "امنه"),  # madda, ta marbuta
    ("مُحَمَّد", "محمد"),  # diacritics
    ("محـــمد", "محمد"),  # tatweel
    ("مصطفى", "مصطفي"),  # alef maqsura
    ("عائشة", "عايشه"),  # hamza on ya
    ("  علي   حسن ", "علي حسن"),
]


@pytest.mark.parametrize(("raw", "expected"), ARABIC_NORMALISATION)
def test_normalise_arabic(raw: str, expected: str) -> None:
    assert normalise_arabic(raw) == expected


LATIN_FOLDING = [
    ("Abd al-Rahman", "abdrahman"),
    ("Abdul Rahman", "abdrahman"),
    ("Abdelrahman", "abdrahman"),
    ("Abd-ur-Rahman", "abdrahman"),
    ("al-Hasan", "hasan"),
    ("el-Hassan", "hassan"),
    ("ash-Shami", "shami"),
    ("Al Khatib", "khatib"),
    ("Mohammad bin Ali", "mohammad ali"),
    ("Fatima bint Hasan", "fatima hasan"),
    ("Abu Ahmad", "abuahmad"),
    ("Umm Khaled", "ummkhaled"),
    ("Hélène", "helene"),
    ("3omar", "omar"),
    ("7amoud", "hamoud"),
]


@pytest.mark.parametrize(("raw", "expected"), LATIN_FOLDING)
def test_fold_latin(raw: str, expected: str) -> None:
    assert fold_latin(raw) == expected


# Every spelling on a line must give the same key as the first.
SAME_KEY = [
    ["محمد", "Mohammad", "Muhammad", "Mohamed", "Mohammed", "Mhmd", "Muhammed", "M7md"],
    ["عبد الرحمن", "عبدالرحمن", "Abd al-Rahman", "Abdul Rahman", "Abdelrahman", "Abdulra7man"],
    ["عبدالله", "Abdullah", "Abdallah"],
    ["خالد", "Khaled", "Khalid", "Chaled", "5aled"],
    ["يوسف", "Yusuf", "Youssef", "Yousef"],
    ["حسين", "Hussein", "Husayn", "Houssein"],
    ["فاطمة", "Fatima", "Fatma", "Fatmeh", "Fatimah"],
    ["عائشة", "Aisha", "Aicha"],
    ["شعبان", "Shaaban", "Chaaban"],
    ["هشام", "Hisham", "Hicham"],
    ["وليد", "Walid", "Waleed"],
    ["زينب", "Zainab", "Zeinab", "Zaynab"],
    ["جمال", "Jamal", "Gamal", "Djamal"],
    ["قاسم", "Qasim", "Kassem", "Qasem"],
    ["عمر", "Omar", "Umar", "3omar"],
    ["إبراهيم", "Ibrahim"],
    ["مصطفى", "Mustafa", "Moustafa", "Mostafa"],
    ["الحموي", "al-Hamwi", "el-Hamwi", "Hamwi"],
    ["الشامي", "ash-Shami", "al-Shami", "Shami", "Chami"],
    ["أبو أحمد", "Abu Ahmad", "Abou Ahmed"],
    ["نور", "Nour", "Nur", "Noor"],
    ["مريم", "Maryam", "Mariam"],
]


@pytest.mark.parametrize("spellings", SAME_KEY, ids=lambda s: s[1])
def test_spellings_share_a_key(spellings: list[str]) -> None:
    keys = {s: name_key(s) for s in spellings}
    assert len(set(keys.values())) == 1, keys


# Different names must stay apart.
DIFFERENT = [
    ("Mohammad", "Mahmoud"),
    ("محمد", "محمود"),
    ("Ahmad", "Hamed"),
    ("أحمد", "حامد"),
    ("Omar", "Amr Khaled"),
    ("Ali", "Alaa Hasan"),
]


@pytest.mark.parametrize(("a", "b"), DIFFERENT)
def test_different_names_differ(a: str, b: str) -> None:
    assert name_key(a) != name_key(b)


NAME_PARTS = [
    # (full name, given, father, grandfather, family, kunya)
    ("محمد علي حسن", "محمد", "علي", "", "حسن", ""),
    ("Mohammad Ali Hussein al-Hamwi", "Mohammad", "Ali", "Hussein", "al-Hamwi", ""),
    ("Hassan, Mohammad Ali", "Mohammad", "Ali", "", "Hassan", ""),
    ("Muhammed A. Hassan, 34", "Muhammed", "", "", "Hassan", ""),
    ("Abd al-Rahman Khaled al-Hamwi", "Abd al-Rahman", "Khaled", "", "al-Hamwi", ""),
    ("أبو أحمد محمد بن علي الحموي", "محمد", "علي", "", "الحموي", "أبو أحمد"),
    ("Khaled Darwish", "Khaled", "", "", "Darwish", ""),
    ("Rana", "Rana", "", "", "", ""),
]


@pytest.mark.parametrize(("full", "given", "father", "grandfather", "family", "kunya"),
                         NAME_PARTS)
def test_parse_name(full: str, given: str, father: str, grandfather: str, family: str,
                    kunya: str) -> None:
    p = parse_name(full)
    assert (p.given, p.father, p.grandfather, p.family, p.kunya) == (
        given, father, grandfather, family, kunya)


def test_explicit_parts_win_over_the_split() -> None:
    p = parse_name("Mohammad Ali Hasan", family="al-Khatib")
    assert (p.given, p.father, p.family) == ("Mohammad", "Ali", "al-Khatib")


def test_arabic_and_latin_full_names_align_by_part() -> None:
    a = parse_name("محمد علي حسن")
    b = parse_name("Mohammad Ali Hasan")
    assert [name_key(x) for x in a.parts()] == [name_key(x) for x in b.parts()]
