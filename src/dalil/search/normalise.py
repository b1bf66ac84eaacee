"""Arabic-aware normalisation for search: index and query go through the same function.

Arabic: diacritics (harakat, shadda, sukun, superscript alef) and tatweel removed; alef forms
(أ إ آ ٱ) -> ا; ة -> ه; ى -> ي; ؤ -> و; ئ -> ي; Arabic-Indic and Persian digits -> ASCII; the
definite article and the prefixes و ب ك ف ل joined to it are stripped from longer words, so
"والقرية", "بالقرية" and "القرية" all match "قرية". Latin: case-folded, accents removed.
Hand-written because no maintained library does this folding for search (pyarabic covers parts
but its defaults turn أحمد into ءحمد, see DEPENDENCY-NOTES).
"""

from __future__ import annotations

import re
import unicodedata

_DIACRITICS = re.compile("[\u0610-\u061a\u064b-\u065f\u0670\u06d6-\u06ed\u0640]")
_FOLD = str.maketrans({
    "أ": "ا", "إ": "ا", "آ": "ا", "ٱ": "ا", "ة": "ه", "ى": "ي", "ؤ": "و", "ئ": "ي",
    "٠": "0", "١": "1", "٢": "2", "٣": "3", "٤": "4", "٥": "5", "٦": "6", "٧": "7", "٨": "8",
    "٩": "9", "۰": "0", "۱": "1", "۲": "2", "۳": "3", "۴": "4", "۵": "5", "۶": "6", "۷": "7",
    "۸": "8", "۹": "9", "ک": "ك", "ی": "ي",
})
_ARTICLE = re.compile(r"^(?:و|ف|ب|ك)?(?:ال|لل)(?=\w{2,})")
_TOKEN = re.compile(r"\w+")
_BIDI = re.compile("[\u200b-\u200f\u202a-\u202e\u2066-\u2069\ufeff]")


_COMBINING = re.compile("[\u0300-\u036f\u1ab0-\u1aff\u1dc0-\u1dff\u20d0-\u20ff\ufe20-\ufe2f]")


def _fold_latin(text: str) -> str:
    """Remove accents (café -> cafe, Ḥamāh -> Hamah). A regex over the combining-mark blocks:
    a per-character unicodedata.combining() test cost ~10 s per 20 MB of text."""
    if text.isascii():
        return text
    return _COMBINING.sub("", unicodedata.normalize("NFKD", text))


def normalise(text: str) -> str:
    """Fold a text to its search form: tokens separated by single spaces."""
    text = _BIDI.sub("", text)
    text = _DIACRITICS.sub("", text)
    text = unicodedata.normalize("NFKC", text).translate(_FOLD)
    text = _fold_latin(text).casefold()
    tokens = []
    for tok in _TOKEN.findall(text):
        if tok and "\u0600" <= tok[0] <= "\u06ff" and len(tok) > 3:
            tok = _ARTICLE.sub("", tok)
        tokens.append(tok)
    return " ".join(tokens)
