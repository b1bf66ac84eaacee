"""Name keys: the normal forms under which places and actors are looked up.

Reports spell one name many ways (Lattakia / Latakia / al-Ladhiqiyah; اللاذقية / اللاذقيه). A key
removes what varies and carries no meaning for matching: case, Latin diacritics, apostrophes and
ayn/hamza marks, the Arabic article, Arabic diacritics and tatweel, and the alef/ya/ta-marbuta
spellings. Hand-written rather than pyarabic because the rules are a dozen lines and pyarabic's
default hamza normalisation is wrong for names (see DEPENDENCY-NOTES).
"""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache

from dalil.text.arabic import (
    DIACRITICS,
    INDIC_DIGITS,
    LETTER_FOLD,
    OTHER_SCRIPT_LETTERS,
    PERSIAN_LETTERS,
)
from dalil.text.arabic import has_arabic as has_arabic

# The folding table shared with search and extraction.
_AR_MAP: dict[int, str] = str.maketrans({**LETTER_FOLD, **PERSIAN_LETTERS, **OTHER_SCRIPT_LETTERS})
_INDIC_DIGITS = str.maketrans(INDIC_DIGITS)
# Latin articles in transliterated Arabic names (al-, el-, ad-, as-sun-letter assimilations).
_LATIN_ARTICLE = re.compile(
    r"^(?:al|el|il|ul|a[dnrstz]|ash|adh|ath|e[dnrstz]|esh|edh|eth)[\s-]+", re.I)
_LATIN_STRIP = re.compile(r"['`ʿʾ‘’´]")
_NON_WORD = re.compile(r"[^\w\s]+")
_SPACES = re.compile(r"\s+")

def normalize_arabic(text: str) -> str:
    """Arabic letter normalisation (keeps length-independent meaning, not offsets)."""
    return DIACRITICS.sub("", text).translate(_AR_MAP)


def ascii_digits(text: str) -> str:
    return text.translate(_INDIC_DIGITS)


def strip_latin_diacritics(text: str) -> str:
    decomposed = unicodedata.normalize("NFKD", text)
    return "".join(ch for ch in decomposed if not unicodedata.combining(ch))


@lru_cache(maxsize=131072)
def name_key(name: str) -> str:
    """The lookup key of a name in either script ("" when nothing is left)."""
    text = unicodedata.normalize("NFKC", name).strip()
    if has_arabic(text):
        text = normalize_arabic(text)
        text = _NON_WORD.sub(" ", text)
        words = [w[2:] if w.startswith("ال") and len(w) > 3 else w for w in text.split()]
        return " ".join(words)
    text = _LATIN_STRIP.sub("", strip_latin_diacritics(text)).lower()
    text = _NON_WORD.sub(" ", text.replace("-", " "))
    text = _SPACES.sub(" ", text).strip()
    # The article may also sit inside a multi-word name ("Deir ez-Zor", "Ras al Ain").
    words = text.split(" ")
    out: list[str] = []
    for i, w in enumerate(words):
        if _LATIN_ARTICLE.match(w + " ") and i + 1 < len(words):
            continue
        out.append(w)
    return " ".join(out)


@lru_cache(maxsize=65536)
def skeleton_key(name: str) -> str:
    """A looser key for Latin transliterations: consonants only, doubles collapsed, final h dropped.

    Jableh / Jablah / Jabla -> jbl; Baniyas / Banias / Banyas -> bns. Used only as a fallback for
    capitalised names next to a place cue, because many short village names share a skeleton.
    """
    key = name_key(name)
    if not key or has_arabic(key):
        return ""
    key = key.replace("ou", "u").replace("dh", "d").replace("th", "t").replace("kh", "k")
    key = key.replace("q", "k").replace("j", "j").replace("gh", "g")
    parts = []
    for word in key.split():
        cons = re.sub(r"[aeiouwy]", "", word)
        cons = re.sub(r"(.)\1+", r"\1", cons)
        if len(cons) > 1 and cons.endswith("h"):
            cons = cons[:-1]
        parts.append(cons)
    return " ".join(parts)


_VOWEL_RUN = re.compile(r"[aeiouwy]+")
_DOUBLE = re.compile(r"([^a])\1+")
_GLIDE = re.compile(r"[yw](?=[aeiou])")


@lru_cache(maxsize=65536)
def spelling_key(name: str) -> str:
    """A key equal across Latin transliterations that differ only in their vowels.

    Each run of vowels (y and w included: Ayn / Ain / Ein) becomes one "a", doubled consonants
    are collapsed, the digraphs are folded (kh, q -> k; dh -> d; th -> t; gh -> g; dj -> j), and a
    final h after a vowel (ta marbuta: -eh, -ah) is dropped; word breaks are ignored (Talkalakh /
    Tall Kalakh). Stricter than the consonant skeleton, because syllables are kept: Marea and
    Mare' share "mara", Hosn ("hasn") does not meet Husayniyah ("hasana"). Hand-written: no
    transliteration library knows the Syrian place-name spellings (French, English, UN styles).
    """
    key = name_key(name)
    if not key or has_arabic(key):
        return ""
    key = key.replace(" ", "")
    for a, b in (("kh", "k"), ("q", "k"), ("dh", "d"), ("th", "t"), ("gh", "g"), ("dj", "j")):
        key = key.replace(a, b)
    # y and w before a vowel are consonants (Marwiyah, Yunusiyah); elsewhere they spell vowels
    key = _GLIDE.sub(lambda m: m.group(0).upper(), key)
    key = _DOUBLE.sub(r"\1", _VOWEL_RUN.sub("a", key)).lower()
    if len(key) > 2 and key.endswith("ah"):
        key = key[:-1]
    return key
