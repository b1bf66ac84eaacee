"""The Arabic-script facts that search, redaction, the gazetteer and extraction all fold by.

One table, so that a report, a testimony's redaction, a place name and a search query agree on
which spellings are the same: diacritics (harakat, shadda, sukun, superscript alef, Quranic marks)
and tatweel carry no meaning for matching; the hamza-seated alef forms, alef maqsura, ta marbuta
and hamza on waw/ya are spelled both ways in the same newsroom; Persian ya and kaf turn up in
copied text; and Arabic-Indic digits stand for ASCII ones.

Hand-written rather than pyarabic because each caller needs these as translation tables and
character classes (offset-keeping, regex-embedded), and pyarabic's default hamza normalisation turns
أحمد into ءحمد (see DEPENDENCY-NOTES).
"""

from __future__ import annotations

import re

# Characters removed before matching: the harakat and Quranic annotation marks, and tatweel.
DIACRITICS_CLASS = "\u0610-\u061a\u064b-\u065f\u0670\u06d6-\u06ed\u0640"
DIACRITICS = re.compile(f"[{DIACRITICS_CLASS}]")

# Invisible characters that change display order or join words but carry no letters.
BIDI_CONTROLS_CLASS = "\u200b-\u200f\u202a-\u202e\u2066-\u2069\ufeff"
BIDI_CONTROLS = re.compile(f"[{BIDI_CONTROLS_CLASS}]")

# Letters written two ways for one word; each maps to one character so offsets are kept.
LETTER_FOLD: dict[str, str] = {
    "أ": "ا", "إ": "ا", "آ": "ا", "ٱ": "ا",  # hamza-seated and wasla alef
    "ى": "ي",  # alef maqsura
    "ة": "ه",  # ta marbuta
    "ؤ": "و", "ئ": "ي",  # hamza on waw / ya
}
# Persian ya and kaf, common in text pasted from Persian or Urdu keyboards.
PERSIAN_LETTERS: dict[str, str] = {"ی": "ي", "ک": "ك"}
# Letters of Kurdish and Urdu spellings of the same names.
OTHER_SCRIPT_LETTERS: dict[str, str] = {"ې": "ي", "ە": "ه", "ہ": "ه", "ۀ": "ه"}

# Arabic-Indic (٠-٩) and Eastern Arabic-Indic (۰-۹) digits to ASCII.
INDIC_DIGITS: dict[str, str] = {
    **{chr(0x0660 + d): str(d) for d in range(10)},
    **{chr(0x06F0 + d): str(d) for d in range(10)},
}

_ARABIC_CHAR = re.compile("[\u0600-\u06ff]")


def has_arabic(text: str) -> bool:
    """Whether the text holds any character of the basic Arabic block."""
    return bool(_ARABIC_CHAR.search(text))


def is_diacritic(ch: str) -> bool:
    return DIACRITICS.fullmatch(ch) is not None
