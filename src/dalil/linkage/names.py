"""Personal names: Arabic-script normalisation, Latin transliteration folding, Syrian name order.

The same person is written محمد علي حسن, "Mohammad Ali Hasan" and "Muhammed A. Hassan". Linkage
compares names on three forms, each produced here:

- ``arabic``: Arabic script normalised (hamza/alef forms, ta marbuta, alef maqsura, diacritics,
  tatweel); empty for names given only in Latin letters.
- ``latin``: a readable folded Latin form (lower case, no diacritics, article and ``Abd al-``
  variants unified); for Arabic script, a plain consonant-and-long-vowel transliteration.
- ``key``: a consonant skeleton that Arabic script and the usual transliteration schemes
  (English, French, German, chat alphabet) map to alike: محمد, Mohammad, Muhammad, Mohamed and
  Mhmd all give ``mhmd``. Short vowels are not written in Arabic, so the skeleton drops them.

The folding rules are hand-written because no maintained library maps Arabic script and its many
Latin spellings onto one comparable form (camel-tools maps script to Buckwalter only, and pulls
torch); pyarabic does the Arabic-script normalisation.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass, field

import pyarabic.araby as araby

__all__ = [
    "NameParts",
    "fold_latin",
    "is_arabic",
    "name_key",
    "normalise_arabic",
    "parse_name",
    "tokenise",
    "transliterate_arabic",
]

_ARABIC_RE = re.compile(r"[\u0600-\u06FF\u0750-\u077F\u08A0-\u08FF\uFB50-\uFDFF\uFE70-\uFEFF]")


def is_arabic(text: str) -> bool:
    return bool(_ARABIC_RE.search(text))


# --- Arabic script ---------------------------------------------------------------------------

def normalise_arabic(text: str) -> str:
    """Normalise Arabic script so that spelling variants of one name compare equal."""
    t = unicodedata.normalize("NFKC", text)
    t = araby.strip_tashkeel(t)
    t = araby.strip_tatweel(t)
    # alef maqsura first: pyarabic's normalize_alef would make it an alef, but lists write
    # مصطفى and مصطفي for the same name
    t = t.replace("ى", "ي")
    # normalize_alef, not normalize_hamza: the latter's default turns أحمد into ءحمد.
    t = araby.normalize_alef(t)
    t = t.replace("ة", "ه").replace("ى", "ي").replace("ؤ", "و").replace("ئ", "ي")
    t = t.replace("\u0640", "")
    t = re.sub(r"[^\u0621-\u064A\s]", " ", t)
    return re.sub(r"\s+", " ", t).strip()


# A consonant per letter; و and ي are treated as vowels except where they must be consonants.
_AR2LAT = {
    "ء": "", "ا": "a", "ب": "b", "ت": "t", "ث": "th", "ج": "j", "ح": "h", "خ": "kh", "د": "d",
    "ذ": "dh", "ر": "r", "ز": "z", "س": "s", "ش": "sh", "ص": "s", "ض": "d", "ط": "t", "ظ": "z",
    "ع": "", "غ": "gh", "ف": "f", "ق": "q", "ك": "k", "ل": "l", "م": "m", "ن": "n", "ه": "h",
    "و": "w", "ي": "y",
}


def transliterate_arabic(text: str) -> str:
    """A plain Latin rendering of normalised Arabic script (long vowels only: none are guessed)."""
    words = []
    for word in _join_compounds_arabic(normalise_arabic(text).split()):
        out = []
        for i, ch in enumerate(word):
            lat = _AR2LAT.get(ch, "")
            if ch == "و" and i > 0:
                lat = "w" if i + 1 < len(word) and word[i + 1] == "ا" else "u"
            elif ch == "ي" and i > 0:
                neighbours = word[i - 1 : i] + word[i + 1 : i + 2]
                lat = "y" if "ا" in neighbours else "i"
            elif ch == "ه" and i == len(word) - 1 and i > 0:
                lat = "a" if word[i - 1] != "ل" else "h"  # ta marbuta reads -a; الله keeps -h
            out.append(lat)
        words.append("".join(out))
    return " ".join(w for w in words if w)


def _join_compounds_arabic(tokens: list[str]) -> list[str]:
    """عبد الرحمن -> عبدرحمن, ابو محمد -> ابومحمد: a compound name is one name part."""
    out: list[str] = []
    i = 0
    while i < len(tokens):
        tok = tokens[i]
        if tok in {"عبد", "ابو", "ام"} and i + 1 < len(tokens):
            nxt = tokens[i + 1]
            if tok == "عبد" and nxt.startswith("ال") and len(nxt) > 3:
                nxt = nxt[2:]
            out.append(tok + nxt)
            i += 2
            continue
        if tok.startswith("عبدال") and len(tok) > 6:
            tok = "عبد" + tok[5:]
        elif tok.startswith("ال") and len(tok) > 4:
            tok = tok[2:]  # the article: الحسن and حسن are one family name
        out.append(tok)
        i += 1
    return out


# --- Latin script ----------------------------------------------------------------------------

_CONNECTORS = {"bin", "ibn", "ben", "bint", "binti", "b", "bn", "بن", "بنت", "ابن"}
_ARTICLES = {"al", "el", "ul", "il", "ad", "ar", "as", "ash", "at", "az", "an", "ed", "er", "es",
             "en", "et", "ez", "a", "e"}
_KUNYA = {"abu", "abou", "abo", "abū", "umm", "um", "om", "oum", "omm"}
# Chat-alphabet digits (3 = ع, 7 = ح, 2 = ء, 5 = خ) as typed in social-media lists.
_CHAT_DIGITS = str.maketrans({"3": "", "7": "h", "2": "", "5": "kh", "'": "", "`": "", "’": "",
                              "ʿ": "", "ʾ": "", "‘": ""})


def _strip_accents(text: str) -> str:
    decomposed = unicodedata.normalize("NFKD", text)
    return "".join(c for c in decomposed if not unicodedata.combining(c))


def fold_latin(text: str) -> str:
    """Fold a Latin-letter name: lower case, no accents, article and ``Abd al-`` forms unified.

    The output still has its vowels (it is meant to be read); ``name_key`` reduces it further.
    """
    t = re.sub(r"\b\d+\b", " ", _strip_accents(text).lower())  # an age written into the name
    t = t.translate(_CHAT_DIGITS)
    t = re.sub(r"[.,;:()\[\]\"/]", " ", t)
    # Abd al-Rahman, Abdul Rahman, Abdelrahman, Abd-ur-Rahman -> abdrahman
    t = re.sub(r"\babd(?:[\s-]*(?:al|el|ul|il|ol|ou|ur|ar|er|ad|as|ash|an|en|u|e|a))?[\s-]+(?=[a-z])",
               "abd", t)
    t = re.sub(r"\babd(?:al|el|ul|il|ol|oul)(?=[a-z]{3,})", "abd", t)
    tokens = [tok for tok in re.split(r"\s+", t) if tok]
    out: list[str] = []
    i = 0
    while i < len(tokens):
        tok = tokens[i].strip("-")
        # al-Hasan, el-Hassan, ash-Shami, ad-Din: drop the article before the hyphen
        m = re.match(r"^(?:al|el|ul|il|a[dlnrstz]h?|e[dlnrstz])-(.+)$", tok)
        if m:
            tok = m.group(1)
        tok = tok.replace("-", "")
        if tok in _ARTICLES and i + 1 < len(tokens):
            i += 1
            continue
        if tok in _CONNECTORS:
            i += 1
            continue
        if tok in _KUNYA and i + 1 < len(tokens):
            nxt = tokens[i + 1].strip("-")
            m2 = re.match(r"^(?:al|el)-(.+)$", nxt)
            nxt = (m2.group(1) if m2 else nxt).replace("-", "")
            tok = ("abu" if tok.startswith(("a", "ab")) else "umm") + nxt
            i += 1
        elif re.match(r"^(?:al|el)[bcdfghjklmnpqrstvwxz][a-z]{3,}$", tok) and not tok.startswith(
            ("alw", "ely", "alh")
        ):
            tok = tok[2:]  # joined article: Alhamwi -> hamwi (but not Alwan)
        elif re.match(r"^alh[a-z]{3,}$", tok):
            tok = tok[2:]
        if tok:
            out.append(tok)
        i += 1
    return " ".join(out)


_LATIN_SKELETON_STEPS: tuple[tuple[str, str], ...] = (
    (r"ou", "u"), (r"ee", "i"), (r"oo", "u"),
    # ch is خ in German-style spellings (Chaled) and ش in French-style ones (Chaaban, Aicha),
    # both common for Syrian names: the skeleton gives خ, ش, kh, sh and ch one letter.
    (r"dj", "j"), (r"tch", "j"), (r"sch", "X"), (r"sh", "X"), (r"ch", "X"), (r"kh", "X"),
    (r"gh", "G"), (r"th", "t"), (r"dh", "d"), (r"ph", "f"),
    (r"g", "j"), (r"G", "g"), (r"q", "k"), (r"c", "k"), (r"x", "ks"), (r"v", "f"), (r"p", "b"),
    (r"(?<=[aeiou])y(?=[aeiou]|$)", "y"),
)

_AR_SKELETON = {
    "ا": "", "ء": "", "ب": "b", "ت": "t", "ث": "t", "ج": "j", "ح": "h", "خ": "X", "د": "d",
    "ذ": "d", "ر": "r", "ز": "z", "س": "s", "ش": "X", "ص": "s", "ض": "d", "ط": "t", "ظ": "z",
    "ع": "", "غ": "g", "ف": "f", "ق": "k", "ك": "k", "ل": "l", "م": "m", "ن": "n", "ه": "h",
    "و": "w", "ي": "y",
}


def _skeleton_latin_word(word: str) -> str:
    # A word that starts with a vowel starts with alef or ain in Arabic: keep one "a" for it,
    # so that Ahmad (أحمد) and Hamed (حامد) differ.
    initial = "a" if re.match(r"^[aeiou]", word) else ""
    w = word
    for pattern, repl in _LATIN_SKELETON_STEPS:
        w = re.sub(pattern, repl, w)
    # A long u before the last consonant is written و (Mahmoud, Ayoub, Mansour, Nour): keep it,
    # so that Mahmoud (محمود) and Mohammad (محمد) differ.
    w = re.sub(r"(?:u|o)(?=[dbrlmnt]$)", "W", w) if re.search(r"(?:ou|oo|u)[dbrlmnt]$", word) else w
    # A y inside a word drops like a vowel: Latin cannot tell Maryam's consonant y from
    # Hussein's long i, and ي is written in both.
    w = re.sub(r"^w", "W", w)
    w = re.sub(r"^y", "Y", w)
    w = re.sub(r"h$", "", w) if re.search(r"[aeiou]h$", w) else w
    w = re.sub(r"[aeiouyw]", "", w)
    w = w.replace("Y", "y").replace("W", "w")
    return _squeeze(initial + w).lower()


def _skeleton_arabic_word(word: str) -> str:
    out = []
    n = len(word)
    for i, ch in enumerate(word):
        sk = _AR_SKELETON.get(ch, "")
        if i == 0 and ch in "اع":
            sk = "a"  # see the Latin side: a word-initial vowel is alef or ain
        elif ch == "ي" and i > 0:
            sk = ""  # see the Latin side: a y inside a word drops
        elif ch == "و" and i > 0:
            sk = "w" if i == n - 2 and word[-1] in "دبرلمنت" else ""
        elif ch == "ه" and i == n - 1 and i > 0:
            sk = ""  # ta marbuta (normalised to ه) and final -h are dropped on both sides
        out.append(sk)
    return _squeeze("".join(out)).lower()


def _squeeze(word: str) -> str:
    return re.sub(r"(.)\1+", r"\1", word)


def tokenise(text: str) -> list[str]:
    """Name tokens in a comparable form (compounds joined, articles and connectors removed)."""
    if not text or not text.strip():
        return []
    if is_arabic(text):
        toks = [t for t in normalise_arabic(text).split() if t not in _CONNECTORS]
        return _join_compounds_arabic(toks)
    return fold_latin(text).split()


def name_key(text: str) -> str:
    """The consonant skeleton of a name (space-separated per part), equal across scripts."""
    keys = []
    for tok in tokenise(text):
        k = _skeleton_arabic_word(tok) if is_arabic(tok) else _skeleton_latin_word(tok)
        if k:
            keys.append(k)
    return " ".join(keys)


# --- Syrian name order -----------------------------------------------------------------------

@dataclass(frozen=True)
class NameParts:
    """A name split in Syrian order: given, father, grandfather, family (any may be missing)."""

    given: str = ""
    father: str = ""
    grandfather: str = ""
    family: str = ""
    kunya: str = ""
    middle: tuple[str, ...] = field(default_factory=tuple)

    def parts(self) -> list[str]:
        return [p for p in (self.given, self.father, self.grandfather, self.family) if p]


def parse_name(
    full: str | None = None,
    *,
    given: str | None = None,
    father: str | None = None,
    grandfather: str | None = None,
    family: str | None = None,
) -> NameParts:
    """Split a full name into Syrian name parts; explicit parts win over the split.

    "محمد علي حسن" -> given محمد, father علي, family حسن. With two tokens: given and family; four:
    given, father, grandfather, family; more: the extra middle tokens are kept in ``middle``.
    A comma marks Western "Family, Given Father" order. A leading Abu/Umm X is a kunya.
    """
    g, f, gf, fam = given or "", father or "", grandfather or "", family or ""
    kunya = ""
    middle: tuple[str, ...] = ()
    if full and full.strip():
        # an age appended to the name ("Muhammed A. Hassan, 34") is not a name part
        text = re.sub(r"[,،]?\s*\d+\s*$", "", full.strip())
        fam_first = ""
        if "," in text or "،" in text:
            head, _, tail = re.split(r"([,،])", text, maxsplit=1)[0], ",", re.split(
                r"[,،]", text, maxsplit=1
            )[1]
            fam_first, text = head.strip(), tail.strip()
        toks = _raw_tokens(text)
        if toks and _is_kunya(toks[0]) and len(toks) > 1:
            kunya, toks = toks[0], toks[1:]
        # an age or initial mixed in ("Muhammed A. Hassan, 34") is not a name part
        toks = [t for t in toks if not t.isdigit()]
        if fam_first:
            fam = fam or fam_first
            split = toks
            g = g or (split[0] if split else "")
            f = f or (split[1] if len(split) > 1 else "")
            gf = gf or (split[2] if len(split) > 2 else "")
        else:
            n = len(toks)
            if n == 1:
                g = g or toks[0]
            elif n == 2:
                g, fam = g or toks[0], fam or toks[1]
            elif n == 3:
                g, f, fam = g or toks[0], f or toks[1], fam or toks[2]
            elif n >= 4:
                g, f, gf, fam = g or toks[0], f or toks[1], gf or toks[2], fam or toks[-1]
                middle = tuple(toks[3:-1])
    # an initial ("A.") is not a father's name we can compare
    f = "" if re.fullmatch(r"[A-Za-z]\.?", f) else f
    return NameParts(given=g, father=f, grandfather=gf, family=fam, kunya=kunya, middle=middle)


def _raw_tokens(text: str) -> list[str]:
    """Whitespace tokens with compounds (Abd al-X, Abu X, al-X, bin) already joined.

    Kept in the original spelling so that the stored parts read as the list wrote them.
    """
    raw = [t for t in re.split(r"\s+", text.strip()) if t]
    out: list[str] = []
    i = 0
    while i < len(raw):
        tok = raw[i]
        low = _strip_accents(tok).lower().strip(".")
        nxt = raw[i + 1] if i + 1 < len(raw) else None
        if low in {"bin", "ibn", "ben", "bint", "بن", "بنت", "ابن"} and nxt:
            i += 1
            continue
        if nxt and (low in {"abd", "abdul", "abdel", "abdal", "abd-al", "abd-el", "عبد"}
                    or low in _KUNYA or low in {"ابو", "أبو", "ام", "أم"}
                    or low in {"al", "el", "ال"}):
            joined = [tok, nxt]
            i += 2
            # "Abd al Rahman": three tokens
            if low in {"abd", "عبد"} and _strip_accents(nxt).lower() in {"al", "el", "ul"} \
                    and i < len(raw):
                joined.append(raw[i])
                i += 1
            out.append(" ".join(joined))
            continue
        out.append(tok)
        i += 1
    return out


def _is_kunya(token: str) -> bool:
    first = _strip_accents(token.split()[0]).lower()
    return first in _KUNYA or first in {"ابو", "أبو", "ام", "أم"}
