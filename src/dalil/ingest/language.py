"""Language of an extracted text, as an ISO 639-1 code.

Arabic script is recognised directly (fast, and langdetect is weak on short Arabic posts);
everything else goes to langdetect with a fixed seed so the same text always gets the same answer.
"""

from __future__ import annotations

import re
import threading

from langdetect import DetectorFactory, detect_langs
from langdetect.lang_detect_exception import LangDetectException

# Fewer letters than this and any guess is noise (a caption, a bare link, a name).
MIN_LETTERS = 20
# Only the start of a long text is looked at: the language rarely changes, and langdetect's cost
# grows with the sample (5,000 characters took ~25 ms a document, 1,500 ~7 ms, same answers).
MAX_CHARS = 1500
_MIN_PROBABILITY = 0.6

_NOISE = re.compile(r"https?://\S+|www\.\S+|[@#]\w+|\S+@\S+")
# Letters used in Persian, Urdu, Pashto or Kurdish but not in Arabic: their presence sends the
# text to langdetect, which tells these languages apart.
_NON_ARABIC_LETTERS = frozenset("پچژگکیۀەڕڵۆێ")
_lock = threading.Lock()


def _is_arabic_script(ch: str) -> bool:
    cp = ord(ch)
    return 0x0600 <= cp <= 0x06FF or 0x0750 <= cp <= 0x077F or 0xFB50 <= cp <= 0xFEFF


def detect_language(text: str) -> str | None:
    """ISO 639-1 code of the text's main language, or None when there is too little text or
    no confident answer."""
    sample = _NOISE.sub(" ", text[:MAX_CHARS])
    letters = [ch for ch in sample if ch.isalpha()]
    if len(letters) < MIN_LETTERS:
        return None
    arabic = sum(1 for ch in letters if _is_arabic_script(ch))
    if arabic / len(letters) >= 0.5 and not any(ch in _NON_ARABIC_LETTERS for ch in letters):
        return "ar"
    with _lock:
        # langdetect is random unless seeded, and its factory is a module-level global.
        DetectorFactory.seed = 0
        try:
            guesses = detect_langs(sample)
        except LangDetectException:
            return None
    if not guesses or guesses[0].prob < _MIN_PROBABILITY:
        return None
    code = str(guesses[0].lang)
    # langdetect says zh-cn / zh-tw; ISO 639-1 has only the language.
    return code.split("-", 1)[0]
