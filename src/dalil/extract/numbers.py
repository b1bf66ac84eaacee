"""Numbers in English and Arabic: digits (Western and Arabic-Indic), number words, vague
quantities ("dozens", "عشرات") and their qualifiers ("at least", "نحو", "between ... and ...").

Hand-written: no offline library reads Arabic number words, and the qualifiers are the point.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from dalil.extract.text import word_tokens
from dalil.gazetteer.names import ascii_digits, normalize_arabic

_EN_UNITS = {
    "zero": 0, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7,
    "eight": 8, "nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "thirteen": 13, "fourteen": 14,
    "fifteen": 15, "sixteen": 16, "seventeen": 17, "eighteen": 18, "nineteen": 19, "twenty": 20,
    "thirty": 30, "forty": 40, "fifty": 50, "sixty": 60, "seventy": 70, "eighty": 80, "ninety": 90,
}
_EN_SCALES = {"hundred": 100, "thousand": 1000, "million": 1_000_000, "billion": 1_000_000_000}

_AR_UNITS_RAW = {
    "واحد": 1, "واحدة": 1, "اثنان": 2, "اثنين": 2, "اثنتان": 2, "اثنتين": 2, "ثلاث": 3, "ثلاثة": 3,
    "أربع": 4, "أربعة": 4, "خمس": 5, "خمسة": 5, "ست": 6, "ستة": 6, "سبع": 7, "سبعة": 7,
    "ثمان": 8, "ثماني": 8, "ثمانية": 8, "تسع": 9, "تسعة": 9, "عشر": 10, "عشرة": 10,
    "أحد عشر": 11, "إحدى عشرة": 11, "اثنا عشر": 12, "اثني عشر": 12, "اثنتي عشرة": 12,
    "عشرون": 20, "عشرين": 20, "ثلاثون": 30, "ثلاثين": 30, "أربعون": 40, "أربعين": 40,
    "خمسون": 50, "خمسين": 50, "ستون": 60, "ستين": 60, "سبعون": 70, "سبعين": 70, "ثمانون": 80,
    "ثمانين": 80, "تسعون": 90, "تسعين": 90, "مئة": 100, "مائة": 100, "مئتان": 200, "مئتين": 200,
    "مائتان": 200, "مائتين": 200, "ألف": 1000, "ألفا": 1000, "ألفين": 2000, "ألفان": 2000,
    "مليون": 1_000_000, "مئتي": 200, "مائتي": 200, "ألفي": 2000,
    "ثلاثمئة": 300, "ثلاثمائة": 300, "أربعمئة": 400, "أربعمائة": 400, "خمسمئة": 500,
    "خمسمائة": 500, "ستمئة": 600, "ستمائة": 600, "سبعمئة": 700, "سبعمائة": 700, "ثمانمئة": 800,
    "ثمانمائة": 800, "تسعمئة": 900, "تسعمائة": 900, "آلاف": 1000,
    "ملايين": 1_000_000, "مليونين": 2_000_000, "مليونان": 2_000_000, "مليوني": 2_000_000,
    "مليونا": 2_000_000,
    "مليار": 1_000_000_000, "مليارات": 1_000_000_000, "ملياري": 2_000_000_000,
    "مليارين": 2_000_000_000, "ملياران": 2_000_000_000,
    # Levantine spellings in posts and testimonies ("تلات ولاد", three boys)
    "تلات": 3, "تلاتة": 3, "تلاتين": 30, "تمانية": 8, "تمنية": 8, "تمانين": 80,
    "تلتمية": 300, "تلاتمية": 300, "ميتين": 200,
    # "تنين شهدا", "اتنين جرحى", "اتنعش شب" (not "مية": in speech it is also water)
    "تنين": 2, "اتنين": 2, "تنتين": 2, "اتنتين": 2, "حدعش": 11, "احدعش": 11, "اتنعش": 12,
    "تنعش": 12, "تلطعش": 13, "تلتعش": 13, "اربعتعش": 14, "اربعطعش": 14, "خمستعش": 15,
    "خمسطعش": 15, "ستعش": 16, "سطعش": 16, "سبعتعش": 17, "سبعطعش": 17, "تمنتعش": 18,
    "تمنطعش": 18, "تسعتعش": 19, "تسعطعش": 19,
    # "أربعة ملايين ونصف": half of the scale before it; alone ("نصفهم") it is no number
    "نصف": 0,
}
_AR_WORDS = {normalize_arabic(k): v for k, v in _AR_UNITS_RAW.items()}
_AR_TEENS = {normalize_arabic(k): v for k, v in {
    "ثلاثة عشر": 13, "ثلاث عشرة": 13, "أربعة عشر": 14, "أربع عشرة": 14, "خمسة عشر": 15,
    "خمس عشرة": 15, "ستة عشر": 16, "ست عشرة": 16, "سبعة عشر": 17, "سبع عشرة": 17,
    "ثمانية عشر": 18, "ثماني عشرة": 18, "تسعة عشر": 19, "تسع عشرة": 19}.items()}

# Vague quantities: (lower bound, qualifier). "dozens" means at least two dozen.
VAGUE = {
    "dozens": 24, "scores": 40, "hundreds": 200, "thousands": 2000,
    "tens of thousands": 20_000, "hundreds of thousands": 200_000, "a dozen": 12,
    # "several hundred" is read like "hundreds": at least two hundred
    "several hundred": 200, "a few hundred": 200, "several thousand": 2000,
    "a few thousand": 2000, "several dozen": 24, "a few dozen": 24,
    # "a few million Syrian pounds", "millions of dollars": at least two million
    "a few million": 2_000_000, "several million": 2_000_000, "millions": 2_000_000,
    "half a million": 500_000, normalize_arabic("نصف مليون"): 500_000,
    # counted dozens are round numbers, approximate like "a dozen"
    "half a dozen": 6, "two dozen": 24, "three dozen": 36, "four dozen": 48, "five dozen": 60,
    normalize_arabic("عشرات"): 20, normalize_arabic("مئات"): 200, normalize_arabic("آلاف"): 2000,
    normalize_arabic("عشرات الآلاف"): 20_000, normalize_arabic("مئات الآلاف"): 200_000,
    # without the article: "تحرم مئات آلاف المهجّرين"
    normalize_arabic("عشرات آلاف"): 20_000, normalize_arabic("مئات آلاف"): 200_000,
    # as nouns: "لا يزال مصير العشرات مجهولاً", "مقتل المئات", "نزوح الآلاف"
    normalize_arabic("العشرات"): 20, normalize_arabic("المئات"): 200,
    normalize_arabic("الآلاف"): 2000,
}


def parse_english_words(text: str) -> int | None:
    """"three hundred and twelve" -> 312; None if any word is not a number word."""
    words = [w for w in re.split(r"[\s-]+", text.lower().strip()) if w and w != "and"]
    if not words:
        return None
    total = current = 0
    seen = False
    for i, w in enumerate(words):
        if w in ("a", "an") and not seen:
            # "a hundred" is 100, but "a four-year siege" is four
            current = 1 if i + 1 < len(words) and words[i + 1] in _EN_SCALES else 0
            continue
        if w in _EN_UNITS:
            current += _EN_UNITS[w]
        elif w in _EN_SCALES:
            scale = _EN_SCALES[w]
            if scale == 100:
                current = max(current, 1) * 100
            else:
                total += max(current, 1) * scale
                current = 0
        else:
            return None
        seen = True
    return total + current if seen else None


def parse_arabic_words(text: str) -> int | None:
    """"ثلاثة وعشرين" -> 23, "مئتين وخمسين" -> 250; None if a word is not a number word."""
    t = normalize_arabic(text).strip()
    if t in _AR_TEENS:
        return _AR_TEENS[t]
    if " " in t and t in _AR_WORDS:
        return _AR_WORDS[t] or None  # "أحد عشر", "اثنا عشر": one entry of two words
    parts = [p.strip() for p in re.split(r"\s+و|\s+", t) if p.strip()]
    parts = [p[1:] if p.startswith("و") and p[1:] in _AR_WORDS else p for p in parts]
    # "مليون ونصف المليون": the scale repeated with the article after the half
    parts = [p[2:] if p.startswith("ال") and p[2:] in _AR_WORDS and i and parts[i - 1] == "نصف"
             else p for i, p in enumerate(parts)]
    if not parts:
        return None
    total = 0
    scale = 0  # the last scale word, for "ونصف"
    half_of: int | None = None
    for p in parts:
        if p not in _AR_WORDS:
            return None
        v = _AR_WORDS[p]
        if p == "نصف":
            if not scale:
                return None  # "نصف" needs a scale before it
            total += scale // 2
            half_of = scale
            continue
        if half_of is not None and v == half_of:
            continue  # "ونصف مليون": the scale repeated after the half
        # ("ثلاثة مليارات ليرة": three thousand million, not a thousand million and three)
        if v in (1000, 1_000_000, 1_000_000_000) and total and total < v and p in (
                "الف", "مليون", "الاف", "الفا", "ملايين", "مليار", "مليارات"):
            total *= v
            scale = v
        else:
            total += v
            if v in (1000, 1_000_000, 1_000_000_000):
                scale = v
    return total or None


@lru_cache(maxsize=65536)
def parse_number(text: str) -> int | None:
    """Digits with separators or decimal scale ("1,500", "١٢", "2.5 million") or number words."""
    t = ascii_digits(text).strip().lower()
    m = re.fullmatch(r"(\d{1,3}(?:[,\u066c]\d{3})+|\d+)(?:\.(\d+))?\s*(billion|bn|million|mn|"
                     r"thousand|m|k|مليار|مليارات|مليون|ملايين|ألف|الف|ألفا|الفا|آلاف|الاف)?", t)
    if m:
        whole = int(re.sub(r"\D", "", m.group(1)))
        frac = m.group(2)
        scale = {"billion": 10**9, "bn": 10**9, "مليار": 10**9, "مليارات": 10**9,
                 "million": 10**6, "mn": 10**6, "m": 10**6, "مليون": 10**6, "ملايين": 10**6,
                 "thousand": 1000, "k": 1000,
                 "ألف": 1000, "الف": 1000, "ألفا": 1000, "الفا": 1000, "آلاف": 1000,
                 "الاف": 1000}.get(m.group(3) or "", 1)
        if frac and scale == 1:
            return None  # a decimal without a scale is not a count of people
        value = whole * scale
        if frac:
            value += int(frac) * scale // (10 ** len(frac))
        return value
    if re.search("[\u0600-\u06ff]", t):
        return parse_arabic_words(t)
    return parse_english_words(t)


_EN_NUMWORD = ("(?:" + "|".join(sorted(list(_EN_UNITS) + list(_EN_SCALES), key=len, reverse=True))
               + ")")
_AR_NUMWORD = "(?:" + "|".join(sorted((re.escape(k) for k in list(_AR_WORDS) + list(_AR_TEENS)),
                                      key=len, reverse=True)) + ")"
_DIGITS = r"\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?"
# "2bn", "SYP 2bn", "$3.5m": scale suffixes glued to the digits as money is written
_NUM = (rf"(?:(?:{_DIGITS})(?:\s*(?:billion|million|thousand|مليارات|مليار|ملايين|مليون|الفا|الف|"
        rf"الاف)\b|"
        rf"(?:bn|mn|m)\b)?"
        rf"|(?:a\s+)?{_EN_NUMWORD}(?:[\s-]+(?:and\s+)?{_EN_NUMWORD})*"
        # "واحد" joins a number only with "و" ("واحد وعشرين"): Levantine "عشرين واحد" is
        # twenty people, "واحد" the counted noun
        rf"|{_AR_NUMWORD}(?:\s+(?:و|(?!واحد[ه]?(?!\w))){_AR_NUMWORD})*)")
# Arabic dual nouns count two ("عنصرين", two members); plurals of these words differ.
_DUALS = [normalize_arabic(w) for w in (
    "عنصرين", "عنصران", "شخصين", "شخصان", "طفلين", "طفلان", "شابين", "شابان", "رجلين", "رجلان",
    "امرأتين", "امرأتان", "شقيقين", "شقيقان", "مدنيين اثنين", "جنديين", "جنديان", "مقاتلين اثنين",
    "سيدتين", "سيدتان", "فتاتين", "فتاتان", "طفلتين", "طفلتان", "مدنيان", "قتيلان", "قتيلين",
    "جريحان", "جريحين", "معتقلان", "مواطنان", "مواطنين اثنين", "صحفيان", "صحفيين اثنين",
    "ناشطان", "شقيقتان", "شقيقتين",
    # things counted by a dual (figures.DUAL_UNITS says which)
    "بيتين", "بيتان", "منزلين", "منزلان", "مبنيين", "مبنيان", "سيارتين", "سيارتان", "عائلتين",
    "عائلتان", "أسرتين", "أسرتان",
    # "استشهد شاب وأصيب آخران": two others
    "آخران", "اخران",
    # "بين الجرحى حالتين حرجتين": two cases
    "حالتين", "حالتان",
    # Levantine: "قتلوا زلمتين" (two men), "ولدين" (two boys), "بنتين" (two girls)
    "زلمتين", "ولدين", "بنتين",
    # "في شهيدين" (two martyrs), "شبين" (two young men)
    "شهيدين", "شهيدان", "شهيدتين", "شبين")]
DUAL_WORDS = frozenset(_DUALS)
_DUAL_RE = "(?:" + "|".join(sorted(map(re.escape, _DUALS), key=len, reverse=True)) + ")"
_COUNTED_DOZENS = ("half a dozen", "two dozen", "three dozen", "four dozen", "five dozen",
                   # round amounts read like counted dozens: approximate
                   "half a million", normalize_arabic("نصف مليون"))
# (the regex is built from the words: they are also the phrases a start word may begin, below)
_VAGUE_EN = ("half a dozen", "two dozen", "three dozen", "four dozen", "five dozen",
             "tens of thousands", "hundreds of thousands", "several hundred", "a few hundred",
             "several thousand", "a few thousand", "several dozen", "a few dozen", "a few million",
             "several million", "half a million", "millions", "dozens", "scores", "hundreds",
             "thousands", "a dozen")
_VAGUE_AR = tuple(normalize_arabic(w) for w in (
    "عشرات الآلاف", "مئات الآلاف", "عشرات آلاف", "مئات آلاف", "نصف مليون", "العشرات", "المئات",
    "الآلاف", "عشرات", "مئات", "آلاف"))
_VAGUE_RE = "(?:" + "|".join(_VAGUE_EN) + "|" + "|".join(map(re.escape, _VAGUE_AR)) + ")"
_QUAL = {
    "at_least": ["at least", "no fewer than", "no less than", "not less than", "a minimum of",
                 "ما لا يقل عن", "لا يقل عن", "ما لا يقل عن", "على الأقل",
                 "عالأقل", "ع الأقل"],  # Levantine, before the number ("عالأقل ١٠ شهدا")
    "more_than": ["more than", "over", "upwards of", "in excess of", "above", "more then",
                  "أكثر من", "ما يزيد عن", "ما يزيد على", "يزيد عن", "أزيد من", "اكثر من",
                  "أكتر من", "اكتر من",  # Levantine
                  # "exceeds 120", "above twenty": "تجاوز ١٢٠ شخصاً", Levantine "فوق العشرين واحد"
                  "تجاوز", "تجاوزت", "يتجاوز", "تتجاوز", "فوق", "يفوق"],
    "approx": ["about", "around", "approximately", "roughly", "nearly", "almost", "some",
               "close to", "an estimated", "estimated", "up to", "as many as", "approx.", "~",
               # upper bounds have no qualifier of their own: approximate, like "up to"
               "fewer than", "less than", "at most", "no more than", "not more than",
               "أقل من", "اقل من", "لا يزيد عن", "لا يتجاوز",
               "نحو", "حوالي", "حوالى", "قرابة", "زهاء", "ما يقارب", "ما يقرب من", "قرابة ال",
               "تقريبا",
               # Levantine "شي ٢٥ شخص" (some 25 people)
               "شي"],
}
_QUAL_LOOKUP = {normalize_arabic(p).lower(): q for q, ps in _QUAL.items() for p in ps}
_QUAL_RE = "(?:" + "|".join(sorted((re.escape(normalize_arabic(p)) for p in _QUAL_LOOKUP),
                                   key=len, reverse=True)) + ")"
# A number starts a word, or follows a glued Arabic conjunction/preposition ("وعشرات", "ب٣٠").
_B = r"(?:(?<![\w.,])|(?<=(?<![\w])[وبل]))"
_E = r"(?:(?![\w]|[.,]\d)|(?=(?:kg|km)\b))"

NUMBER_RE = re.compile(
    # ("an estimated 10,000 to 20,000 detainees": a qualifier before a range keeps it one)
    rf"{_B}(?:(?P<rq>{_QUAL_RE})\s+)?(?:(?P<between>between|from|بين|من)\s+)?(?:[$€£]\s?)?(?P<lo>{_NUM})\s*"
    # (normalised text writes "إلى" as "الي")
    rf"(?:-|–|to|and|until|or|و|إلى|الى|الي|او)\s*(?:[$€£]\s?)?(?P<hi>{_NUM}){_E}"
    rf"|{_B}(?:(?P<qual>{_QUAL_RE})\s+)?(?:(?P<vague>{_VAGUE_RE})|(?P<num>{_NUM})){_E}"
    rf"|{_B}(?P<dual>{_DUAL_RE})(?![\w])",
    re.IGNORECASE,
)


@dataclass(frozen=True)
class NumberMatch:
    start: int
    end: int
    value: int | tuple[int, int]
    qualifier: str
    rule: str


# Words a number expression can start with; the regex is tried only there (it is an
# alternation of ~150 words, slow to try at every position of a long text).
_STARTS = (
    {w for w in list(_EN_UNITS) + list(_EN_SCALES)} | {"a", "an", "between", "from", "بين", "من",
                                                       "tens", "dozens", "scores", "hundreds",
                                                       "thousands", "several", "millions"}
    | {normalize_arabic(p).lower().split()[0].rstrip(".") for p in _QUAL_LOOKUP}
    | {k.split()[0] for k in list(_AR_WORDS) + list(_AR_TEENS) + list(VAGUE)}
    | {d.split()[0] for d in _DUALS}
)


def _start_offset(word: str) -> int:
    """Where in this word a number expression may start: 0, 1 after a glued conjunction or
    preposition ("وعشرات", "ب30"), or -1 (nowhere)."""
    if word in _STARTS or word[0].isdigit():
        return 0
    if word[0] in "وبل" and len(word) > 1 and (word[1:] in _STARTS or word[1].isdigit()):
        return 1
    return -1


# Start words that begin an expression only as the first word of a longer phrase ("in excess
# of", "not less than", "at least", "احد عشر"), and the phrases; "a" and the words before a range
# ("between", "من") begin one only before a number. At these the regex (an alternation of ~150
# words) is tried only where a phrase or a number follows: most "in", "at", "a", "من" start none.
_ELEMENTS = (set(_QUAL_LOOKUP) | set(_EN_UNITS) | set(_EN_SCALES) | set(_AR_WORDS) |
             set(_AR_TEENS) | set(_DUALS) | set(_VAGUE_EN) | set(_VAGUE_AR))
_BEFORE_NUMBER = frozenset({"a", "between", "from", "بين", "من"})


def _phrases_of() -> dict[str, tuple[str, ...]]:
    out: dict[str, tuple[str, ...]] = {w: () for w in _BEFORE_NUMBER}
    for phrase in sorted(_ELEMENTS):
        first = phrase.split()[0]
        if " " in phrase and first in _STARTS and (first not in _ELEMENTS or first == "a"):
            out[first] = (*out.get(first, ()), phrase)
    return out


_PHRASES_OF = _phrases_of()
_PHRASE_SPAN = max(len(p) for ps in _PHRASES_OF.values() for p in ps)
# the first words of number words, for the word after "a" or "between" (a number word may be the
# start of a longer word: "tenth" -- the regex decides)
_NUMBER_HEADS = tuple(sorted(set(_EN_UNITS) | set(_EN_SCALES) |
                             {w.split()[0] for w in list(_AR_WORDS) + list(_AR_TEENS)}))
# characters an IGNORECASE pattern matches to "i" or "s" that lower-case to something else (the
# tests below compare lower-cased text): where one occurs, the regex decides
_ODD_FOLDS = ("\u0130", "\u0131", "\u017f", "\u0307")


def _may_start(norm: str, pos: int, word: str, toks: list[tuple[int, int, str]], k: int
               ) -> bool:
    """Whether an expression may start at ``pos``, the start word ``word`` of token ``k``: false
    only where it provably cannot (see _PHRASES_OF)."""
    phrases = _PHRASES_OF.get(word)
    if phrases is None:
        return True
    seg = norm[pos:pos + _PHRASE_SPAN]
    if phrases and seg.lower().startswith(phrases):
        return True
    if word in _BEFORE_NUMBER and k + 1 < len(toks):
        nxt = toks[k + 1][2]
        if (nxt == "a" and word != "a") or nxt[0].isdigit() or nxt.startswith(_NUMBER_HEADS) \
                or any(c in nxt for c in _ODD_FOLDS):
            return True
    return any(c in seg for c in _ODD_FOLDS)


# per distinct word, remembered (reports repeat their words)
_START_OFFSET: dict[str, int] = {}


def _matches(norm: str, start: int, stop: int) -> list[re.Match[str]]:
    if len(_START_OFFSET) > 200_000:
        _START_OFFSET.clear()
    found: list[re.Match[str]] = []
    last = start
    toks = word_tokens(norm, start, stop)
    offset = _START_OFFSET
    for w in {t[2] for t in toks}.difference(offset):
        offset[w] = _start_offset(w)
    for k, (s, _e, word) in enumerate(toks):
        off = offset[word]
        if off < 0 or s < last:
            continue
        # pos is s + 1 for a glued conjunction or preposition: "وعشرات", "ب30"
        pos = s + off
        if not _may_start(norm, pos, word[off:] if off else word, toks, k):
            continue
        m = NUMBER_RE.match(norm, pos, stop)
        if m:
            found.append(m)
            last = m.end()
    return found


# trailing qualifiers, compiled once ("12 على الأقل", "30 تقريبا", "40 or more", "one of")
_OF_AFTER = re.compile(r"\s+of\b")
_AT_LEAST_AFTER = re.compile(r"\s*(?:\S+\s+)?(?:على الاقل|علي الاقل)")
_APPROX_AFTER = re.compile(r"\s*تقريبا")
_OR_MORE_AFTER = re.compile(r"\s*or more\b")
_OR_SO_AFTER = re.compile(r"\s*or so\b")
# "6+" (not "6+4", a sum, nor "+963", a dialling code)
_PLUS_AFTER = re.compile(r"\+(?![\d+])")
# "handed over 1,300 tonnes", "took over 12 villages": "over" is the verb's particle, no qualifier
_OVER_PARTICLE = re.compile(r"\b(?:hand(?:ed|s|ing)?|turn(?:ed|s|ing)?|t(?:ook|ake|akes|aken|aking)|"
                            r"pass(?:ed|es|ing)?|sign(?:ed|s|ing)?)\s+$", re.I)
# "$3.5m", "SYP 2bn": a glued "m" is millions only after a currency; "a 3m wall" is metres
_CURRENCY_BEFORE = re.compile(r"(?:[$£€]|\b(?:US|USD|SYP|EUR|GBP|TRY)\s*)$", re.I)


_SCALE_END = re.compile(r"\s*(billion|bn|million|mn|thousand|مليار|مليارات|مليون|ملايين|ألف|الف|"
                        r"ألفا|الفا|آلاف|الاف)$", re.I)
_SCALES = {"billion": 10**9, "bn": 10**9, "مليار": 10**9, "مليارات": 10**9, "million": 10**6,
           "mn": 10**6, "مليون": 10**6, "ملايين": 10**6, "thousand": 1000}


def _shared_scale(lo: int, lo_text: str, hi: int, hi_text: str) -> int:
    """"between 5 and 10 thousand", "ما بين ٥ و١٠ آلاف": the scale written once is both bounds'."""
    m = _SCALE_END.search(hi_text)
    if m is None or _SCALE_END.search(lo_text):
        return lo
    scale = _SCALES.get(m.group(1).lower(), 1000)
    return lo * scale if lo * scale < hi else lo


def find_numbers(norm: str, start: int = 0, end: int | None = None) -> list[NumberMatch]:
    out: list[NumberMatch] = []
    for m in _matches(norm, start, len(norm) if end is None else end):
        if m.group("lo") is not None:
            lo, hi = parse_number(m.group("lo")), parse_number(m.group("hi"))
            joiner = norm[m.end("lo"):m.start("hi")].strip(" $€£").lower()
            # "X and Y" is a range only after "between"; otherwise two separate numbers.
            whole = parse_number(norm[m.start("lo"):m.end("hi")])
            rq = m.group("rq")
            rq_qual = _QUAL_LOOKUP.get(normalize_arabic(rq).lower(), "exact") if rq else "exact"
            if whole is not None and not m.group("between") and joiner in ("-", "and", "و"):
                # "twenty-three", "three hundred and twelve", "ثلاثة وعشرين": one number.
                out.append(NumberMatch(m.start(), m.end(), whole, rq_qual, "number:" + rq_qual))
                continue
            if lo is not None and hi is not None:
                lo = _shared_scale(lo, m.group("lo"), hi, m.group("hi"))
            if (lo is None or hi is None or hi <= lo
                    or (joiner in ("and", "و") and not m.group("between"))):
                # (a qualifier before the first: "nearly 30 and 40 more")
                out.extend(NumberMatch(m.start(), x.end, x.value, rq_qual, "number:" + rq_qual)
                           for x in _single(norm, m.start("lo"), m.end("lo"), None))
                out.extend(_single(norm, m.start("hi"), m.end("hi"), None))
                continue
            out.append(NumberMatch(m.start(), m.end(), (lo, hi), "range", "number:range"))
            continue
        if m.group("dual"):
            out.append(NumberMatch(m.start(), m.end(), 2, "exact", "number:arabic_dual"))
            continue
        qual = m.group("qual")
        start = m.start()
        if qual and qual.lower() == "over" and _OVER_PARTICLE.search(norm, max(0, start - 12),
                                                                     start):
            qual, start = None, m.start("num") if m.group("num") else m.start("vague")
        if m.group("vague"):
            word = normalize_arabic(m.group("vague")).lower()
            base = VAGUE[word]
            qualifier = _QUAL_LOOKUP.get(normalize_arabic(qual).lower(), "at_least") if qual \
                else "approx" if word == "a dozen" or word in _COUNTED_DOZENS else "at_least"
            out.append(NumberMatch(start, m.end(), base, qualifier, f"number:vague:{word}"))
            continue
        num = m.group("num")
        end = m.end()
        if num[-1] in "mM" and num[-2:-1].isdigit() and not _CURRENCY_BEFORE.search(
                norm, max(0, m.start("num") - 5), m.start("num")):
            num, end = num[:-1], end - 1  # "a 3m wall": metres, not millions
        value = parse_number(num)
        if value is None:
            continue
        if num.strip().lower() in ("a", "an", "one", "واحد", "واحدة") and not qual:
            # "one" alone is too often a pronoun ("one of them"); keep it only before a noun.
            if _OF_AFTER.match(norm, m.end(), m.end() + 4):
                continue
        qualifier = _QUAL_LOOKUP.get(normalize_arabic(qual).lower(), "exact") if qual else "exact"
        # Trailing qualifiers: "12 على الأقل", "30 تقريبا", "40 or more".
        tail = norm[end:end + 14]
        # (each pattern tried only where its words occur: most numbers have none of these)
        if qualifier == "exact":
            if norm.find("الاقل", end, end + 30) >= 0 and _AT_LEAST_AFTER.match(norm, end, end + 30):
                qualifier = "at_least"
            elif "تقريبا" in tail and _APPROX_AFTER.match(tail):
                qualifier = "approx"
            elif "or more" in tail and _OR_MORE_AFTER.match(tail):
                qualifier = "at_least"
            elif "or so" in tail and _OR_SO_AFTER.match(tail):
                qualifier = "approx"  # "the 40 or so men"
            elif _PLUS_AFTER.match(tail) and num[-1:].isdigit():
                qualifier = "at_least"  # "Civilians reported injured: 6+", "20+ killed"
        out.append(NumberMatch(start, end, value, qualifier, "number:" + qualifier))
    return out


def _single(norm: str, start: int, end: int, qual: str | None) -> list[NumberMatch]:
    value = parse_number(norm[start:end])
    if value is None:
        return []
    return [NumberMatch(start, end, value, "exact", "number:exact")]
