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

from dalil.text.arabic import BIDI_CONTROLS, DIACRITICS, INDIC_DIGITS, LETTER_FOLD, PERSIAN_LETTERS

_FOLD = str.maketrans({**LETTER_FOLD, **PERSIAN_LETTERS, **INDIC_DIGITS})
_ARTICLE = re.compile(r"^(?:و|ف|ب|ك)?(?:ال|لل)(?=\w{2,})")
_TOKEN = re.compile(r"\w+")


_COMBINING = re.compile("[\u0300-\u036f\u1ab0-\u1aff\u1dc0-\u1dff\u20d0-\u20ff\ufe20-\ufe2f]")


def _fold_latin(text: str) -> str:
    """Remove accents (café -> cafe, Ḥamāh -> Hamah). A regex over the combining-mark blocks:
    a per-character unicodedata.combining() test cost ~10 s per 20 MB of text."""
    if text.isascii():
        return text
    return _COMBINING.sub("", unicodedata.normalize("NFKD", text))


def normalise(text: str) -> str:
    """Fold a text to its search form: tokens separated by single spaces."""
    text = BIDI_CONTROLS.sub("", text)
    text = DIACRITICS.sub("", text)
    text = unicodedata.normalize("NFKC", text).translate(_FOLD)
    text = _fold_latin(text).casefold()
    tokens = []
    for tok in _TOKEN.findall(text):
        if tok and "\u0600" <= tok[0] <= "\u06ff" and len(tok) > 3:
            tok = _ARTICLE.sub("", tok)
        tokens.append(tok)
    return " ".join(tokens)
