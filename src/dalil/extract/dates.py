"""Dates in English and Arabic: absolute, partial (year inferred) and relative.

Arabic month names come in the Levantine (آذار) and the Egyptian/international (مارس) series,
often both ("آذار/مارس"). A missing year is taken from the publication date (or the latest full
date before it in the text, e.g. an embedded post's date), stepping back a year when the result
would lie after publication. Relative expressions are resolved only against an unambiguous
anchor; otherwise the date stays ``None`` and the surface text is kept.
"""

from __future__ import annotations

import bisect
import calendar
import datetime as dt
import re
from dataclasses import dataclass
from datetime import date, timedelta
from functools import lru_cache

from dalil.extract import fastre
from dalil.extract.text import word_tokens
from dalil.gazetteer.names import ascii_digits, normalize_arabic


def _rx(pattern: str, flags: int | re.RegexFlag = 0) -> re.Pattern[str]:
    """Compile a pattern written in ordinary Arabic spelling against normalised text
    (إلى -> الى, ة -> ه ...), as the text it runs on has been normalised the same way."""
    return re.compile(normalize_arabic(pattern), flags)


_EN_MONTHS = {
    "january": 1, "jan": 1, "february": 2, "feb": 2, "march": 3, "mar": 3, "april": 4, "apr": 4,
    "may": 5, "june": 6, "jun": 6, "july": 7, "jul": 7, "august": 8, "aug": 8, "september": 9,
    "sept": 9, "sep": 9, "october": 10, "oct": 10, "november": 11, "nov": 11, "december": 12,
    "dec": 12,
}
_AR_MONTHS_RAW = {
    "كانون الثاني": 1, "يناير": 1, "شباط": 2, "فبراير": 2, "آذار": 3, "مارس": 3, "نيسان": 4,
    "أبريل": 4, "إبريل": 4, "ابريل": 4, "أيار": 5, "مايو": 5, "حزيران": 6, "يونيو": 6, "يونيه": 6,
    "تموز": 7, "يوليو": 7, "يوليه": 7, "آب": 8, "أغسطس": 8, "اغسطس": 8, "أيلول": 9, "سبتمبر": 9,
    "تشرين الأول": 10, "أكتوبر": 10, "اكتوبر": 10, "تشرين الثاني": 11, "نوفمبر": 11,
    "كانون الأول": 12, "ديسمبر": 12,
    # Levantine speech and posts say "التاني" for "الثاني": "٣١ كانون التاني"
    "كانون التاني": 1, "تشرين التاني": 11,
}
_AR_MONTHS = {normalize_arabic(k): v for k, v in _AR_MONTHS_RAW.items()}
_MONTHS = {**_EN_MONTHS, **_AR_MONTHS}
_EN_M = "(?:" + "|".join(sorted(_EN_MONTHS, key=len, reverse=True)) + r")\.?"
_AR_M1 = "(?:" + "|".join(sorted(map(re.escape, _AR_MONTHS), key=len, reverse=True)) + ")"
# "آذار/مارس", "آذار (مارس)": the second name only repeats the first.
_AR_M = rf"{_AR_M1}(?:\s*[/(]\s*{_AR_M1}\s*\)?)?"
# Levantine "in March" is a clitic, "بآذار", "وبتشرين الأول ٢٠١٢"; not "باب" (a door, a gate:
# "باب الهوى"), which would read as ب + آب (August)
_AR_BI = r"[وف]?ب(?!اب(?!\w))"
# "last March": "آذار الماضي", Levantine "آذار يلي فات", "بآذار اللي فات"
_AR_LAST = r"(?:الماضي|الفائت|المنصرم|(?:يلي|اللي|الي|الّي)\s+فات)"
_WEEKDAYS = {"monday": 0, "tuesday": 1, "wednesday": 2, "thursday": 3, "friday": 4,
             "saturday": 5, "sunday": 6, "الاثنين": 0, "الثلاثاء": 1, "الاربعاء": 2,
             "الخميس": 3, "الجمعه": 4, "السبت": 5, "الاحد": 6}
_EN_WD = "(?:monday|tuesday|wednesday|thursday|friday|saturday|sunday)"
_AR_WD = "(?:الاثنين|الثلاثاء|الاربعاء|الخميس|الجمعه|السبت|الاحد)"
_ORD = r"(?:st|nd|rd|th)?"
_AR_ORDINALS = {normalize_arabic(k): v for k, v in {
    "الأول": 1, "الثاني": 2, "الثالث": 3, "الرابع": 4, "الخامس": 5, "السادس": 6, "السابع": 7,
    "الثامن": 8, "التاسع": 9, "العاشر": 10}.items()}
# 11th-31st: "الحادي عشر", "الثاني والعشرين", "الثلاثين" (longest first in the alternation)
_AR_UNITS = ["الحادي", "الثاني", "الثالث", "الرابع", "الخامس", "السادس", "السابع", "الثامن",
             "التاسع"]
_AR_ORDINALS.update({normalize_arabic(u + " عشر"): 11 + k for k, u in enumerate(_AR_UNITS)})
_AR_ORDINALS.update({normalize_arabic("العشرين"): 20, normalize_arabic("الثلاثين"): 30})
_AR_ORDINALS.update({normalize_arabic(u + " والعشرين"): 21 + k for k, u in enumerate(_AR_UNITS)})
_AR_ORDINALS[normalize_arabic("الحادي والثلاثين")] = 31
_AR_ORD = "(?:" + "|".join(sorted(_AR_ORDINALS, key=len, reverse=True)) + ")"
_YEAR = r"(?:19|20)\d{2}"

DATE_RE = _rx(
    # One word-start test before the alternation: mid-word positions fail at once (~5x faster).
    r"(?<![\w/.])(?:" + "|".join([
        # 2025-03-06
        rf"(?P<iso>(?P<iy>{_YEAR})-(?P<im>\d{{1,2}})-(?P<id>\d{{1,2}}))(?!\d)",
        # 06/03/2025, 6.3.2025
        rf"(?<![\d/.])(?P<dmy>(?P<nd>\d{{1,2}})[/.](?P<nm>\d{{1,2}})[/.](?P<ny>{_YEAR}))(?![\d/])",
        # 6 March 2025, 6-10 March, 6 and 7 March, 6th of March
        rf"(?<!\d)(?P<dm>(?:{_EN_WD},?\s+)?(?P<d1>\d{{1,2}}){_ORD}(?:\s*(?:-|–|to|and|و)\s*"
        rf"(?P<d2>\d{{1,2}}){_ORD})?\s+(?:of\s+)?(?:(?:من\s+)?(?:شهر\s+)?)"
        rf"(?P<m1>{_EN_M}|{_AR_M}),?(?:\s+(?:عام\s+|سنة\s+)?(?P<y1>{_YEAR}))?)(?![\w])",
        # March 6, 2025; March 6-10; March 6 and 7
        rf"(?P<md>(?:{_EN_WD},?\s+)?(?P<m2>{_EN_M})\s+(?P<d3>\d{{1,2}}){_ORD}(?![\d:])"
        rf"(?:\s*(?:-|–|to|and)\s*(?P<d4>\d{{1,2}}){_ORD}(?![\d:]))?(?:,?\s+(?P<y2>{_YEAR}))?)",
        # "يوم الثاني عشر من الشهر": the month named last (or, with الجاري/الحالي, publication's)
        rf"(?P<ordcur>(?P<ordc>{_AR_ORD}|\d{{1,2}})\s+من\s+(?:هذا\s+)?(?:الشهر)(?:\s+(?P<ordc_when>الجاري|"
        r"الحالي|نفسه|ذاته|الماضي|الفائت|المنصرم))?)(?![\w/(])",
        # السادس من آذار
        rf"(?P<ordm>(?P<ord>{_AR_ORD})\s+من\s+(?:شهر\s+)?(?P<m4>{_AR_M})(?:\s+(?:عام\s+)?(?P<y4>{_YEAR}))?)",
        # March 2025, آذار 2025, شهر آذار
        rf"(?P<my>(?:(?:in|early|late|mid|mid-)\s+|{_AR_BI}(?:شهر\s+)?)?(?P<m3>{_EN_M}|{_AR_M})(?:\s+of)?,?\s+"
        rf"(?:عام\s+)?(?P<y3>{_YEAR}))(?!\d)",
        # "the first half of 2024", "the first three months of 2014", "النصف الأول من عام 2024"
        rf"(?P<part>\b(?:the\s+)?(?P<pfirst>first|second|last)\s+(?:(?P<phalf>half)|(?P<pn>two|three|"
        rf"four|five|six|2|3|4|5|6)\s+months|(?P<pq>quarter))\s+of\s+(?P<py>{_YEAR})(?!\d)"
        rf"|(?:النصف|الربع)\s+(?P<par>الاول|الثاني|الاخير)\s+من\s+(?:عام\s+|العام\s+)?(?P<pya>{_YEAR}))",
        # "the last ten days of February", "the first three days of March"
        rf"(?P<mdays>\b(?:the\s+)?(?P<mdw>first|last)\s+(?P<mdn>two|three|four|five|six|seven|eight|"
        rf"nine|ten|\d{{1,2}})\s+days\s+of\s+(?P<mdm>{_EN_M})(?:,?\s+(?P<mdy>{_YEAR}))?)(?!\d)",
        # in March / last March / آذار الماضي / في شهر آذار (year from publication)
        # "between July and December 2016", "من تموز إلى كانون الأول": the first month of an
        # interval (joined to the second in _join_intervals)
        # ("between mid-December and early March", "from April 2011 until at least October
        # 2012" (the first year is read in _join_intervals), "November–December 2022")
        rf"(?P<mfrom>(?:(?:\b(?:between|from)|(?:بين|من))\s+(?:at\s+least\s+)?(?:شهر\s+|شهري\s+)?"
        rf"(?:(?:the\s+)?(?:early|late|mid-?|(?:beginning|start|end|middle)\s+of)\s*|"
        rf"(?:اواخر|مطلع|منتصف|نهايه|بدايه)\s+)?(?P<m8>{_EN_M}|{_AR_M})"
        rf"\s*(?:-|–|\band\b|\bto\b|\buntil\b|\bthrough\b|و?الى|و?حتى|و(?=\S))|"
        rf"\b(?P<m8d>{_EN_M})\s*[-–]\s*(?=(?:{_EN_M})\b))"
        rf"\s*(?:(?:at\s+least|as\s+late\s+as)\s+)?(?:(?:the\s+)?(?:early|late|mid-?|"
        rf"(?:beginning|start|end|middle)\s+of)\s*|(?:اواخر|مطلع|منتصف|نهايه|بدايه)\s+)?(?:شهر\s+)?"
        rf"(?P<m9>{_EN_M}|{_AR_M})(?!\w)(?:,?\s+(?:of\s+)?(?:عام\s+)?(?P<y9>{_YEAR})(?!\d))?)|"
        rf"(?P<mo>(?:\b(?P<mand>and|or)\s+(?P<m10>{_EN_M})(?![\w]|\s+\d)|"
        rf"\b(?:in|last|early|late|mid|since|during|(?:the\s+)?(?:beginning|start|end|"
        # ("in mid-July": the hyphen alone joins "mid" to the month)
        rf"middle|(?:first|last|early|final)\s+(?:days|weeks?))\s+of)(?:\s+(?:-\s*)?|(?<=mid)-)(?P<m5>{_EN_M})"
        rf"(?![\w]|\s+\d|\s*[-–]\s*{_EN_M}\b)"
        # "(?!\w)": "في أبريل ٢٠١٤" is not "في آب" followed by "ريل"
        # Levantine parts of a month: "آخر شهر أيلول", "بنص كانون الأول", "بأول تموز" (the month)
        rf"|(?:(?:[وف]?(?:في|خلال|منذ)|مطلع|اواخر|منتصف|[وف]?ب?(?:اخر|نص|اول))\s+(?:شهر\s+)?|{_AR_BI}(?:شهر\s+)?)(?P<m6>{_AR_M})(?!\w|\s*[/(]|\s*(?:عام\s+|سنه\s+)?\d)"
        rf"|(?:{_AR_BI})?(?:شهر\s+)?(?P<m7>{_AR_M})\s+{_AR_LAST}))",
        # in 2013, عام 2013
        # "between 2011 and 2023", "from 2012 to 2014", "2011-2023", "بين عامي 2011 و2023"
        rf"(?P<yrs>(?:\b(?:between|from)\s+|(?:بين|من)\s+(?:عامي\s+|عام\s+)?)?(?P<ya>{_YEAR})\s*"
        rf"(?:-|–|\bto\b|\band\b|\buntil\b|و|الى|حتى)\s*(?:عام\s+)?(?P<yb>{_YEAR}))(?!\d)",
        # "the 1980s": a decade
        r"(?P<dec>(?:\b(?:in|since|during|the)\s+)?(?P<dy>(?:19|20)\d0)['’]?s)\b",
        # "late 2012", "mid-2014", "in the spring of 2013", "ربيع 2013": the year (a season or a part
        # of a year has no month of its own); "in 2012 and 2013": both years
        rf"(?P<yr>(?:\b(?:in|since|during|of|until|by|the|a|an)\s+|(?<=\d\s)(?:and|or)\s+|"
        rf"\b(?:early|late|mid-?|spring|summer|autumn|fall|winter)\s*|(?:عام|سنة|العام)\s+|"
        rf"و?(?:اواخر|اوائل|مطلع|منتصف|بدايه|نهايه|ربيع|صيف|خريف|شتاء)\s+(?:عام\s+)?)(?P<y5>{_YEAR}))"
        rf"(?!\d|,\d|['’]?s\b|\s*[-–/]\s*(?:19|20)\d{{2}})",
        # relative expressions
        r"(?P<rel_pub>\b(?:yesterday|today|last night|this morning|this evening|tonight|"
        r"earlier today|since dawn|at dawn|minutes ago|moments ago|منذ الفجر|منذ فجر اليوم|قبل قليل|"
        # ("اليوم التالي" is the next day, "اليوم نفسه" the same day: rel_next below)
        r"منذ قليل|و?امس|الامس|و?بالامس|اليوم(?!\s+(?:التالي|السابق|نفسه|ذاته))|الليله الماضيه|"
        # a post's "since six in the morning" ("من الساعة ستة الصبح"): today
        r"(?:منذ|من)\s+الساعه\s+(?:\S+\s+){1,2}?(?:الصبح|صباحا|الصباح|فجرا|الفجر|ظهرا|الظهر|عصرا|العصر)|"
        r"فجر اليوم|صباح اليوم|مساء اليوم|"
        r"مساء امس|صباح امس|فجر امس|ليل امس|"
        # dialect "yesterday" (Levantine مبارح / امبارح, البارحة); "اول امبارح" is the day
        # before, "من يومين" two days ago
        r"اول\s+امبارح|اول\s+مبارح|من\s+يومين|"
        r"مبارح|امبارح|البارحه)\b)",
        r"(?P<rel_next>\b(?:the\s+(?:next|following)\s+(?:day|morning|evening|night|afternoon)|"
        r"the\s+day\s+after|next\s+morning|a\s+day\s+later|hours\s+later|that\s+(?:night|evening)|"
        r"(?P<ndays>two|three|four|five|six|seven|[2-7])\s+days\s+(?:later|"
        r"after(?=\s+(?:the|his|her|their|its|our|my)\s))|"
        r"و?بعد\s+(?P<ndays_ar>يومين|ثلاثه\s+ايام|اربعه\s+ايام|خمسه\s+ايام|[2-7٢-٧]\s+ايام)|"
        r"(?:في\s+)?(?:صباح|مساء|فجر)?\s*اليوم\s+التالي|(?:في\s+)?الليله\s+نفسها|في\s+اليوم\s+نفسه|"
        r"و?بعد\s+يوم|(?P<nweek>(?:a|one)\s+week\s+later|و?بعد\s+اسبوع))\b)",
        r"(?P<rel_prev>\b(?:the\s+day\s+before|the\s+previous\s+(?:day|night|evening)|"
        r"a\s+day\s+earlier|اليوم\s+السابق|في\s+اليوم\s+السابق|"
        # "Two days earlier, the hospital in X was hit": counted back from the day just named
        r"(?P<pdays>two|three|four|five|six|seven|[2-7])\s+days\s+(?:earlier|before)(?!\s+(?:the|a|an|his|her|their|its)\b)|"
        # "a week earlier", "قبل ذلك بأسبوع": seven days back
        r"(?P<pweek>(?:a|one)\s+week\s+(?:earlier|before)(?!\s+(?:the|a|an|his|her|their|its)\b)|"
        r"و?قبل\s+ذلك\s+باسبوع)|"
        r"و?قبل\s+ذلك\s+ب(?P<pdays_ar>يومين|ثلاثه\s+ايام|اربعه\s+ايام|خمسه\s+ايام|[2-7٢-٧]\s+ايام))\b)",
        # "two days ago", "قبل يومين": counted back from publication
        r"(?P<rel_ago>\b(?:(?P<adays>two|three|four|five|six|seven|[2-7])\s+days\s+ago|"
        r"قبل\s+(?P<adays_ar>يومين|ثلاثه\s+ايام|اربعه\s+ايام|خمسه\s+ايام|[2-7٢-٧]\s+ايام))\b)",
        # "last month" names a month, "last year" a year; "last week", "recently" name no
        # single date and stay unresolved rather than guessed.
        r"(?P<rel_month>\b(?:last|earlier this|this|(?:at\s+)?the\s+(?:start|beginning|end)\s+of\s+"
        r"(?:this|last|the))\s+(?P<rm_unit>month|year)\b"
        r"|(?:(?:في|خلال|منذ|مطلع|اواخر|منتصف)\s+)?(?P<rm_ar>الشهر|العام|السنه)\s+(?P<rm_ar_when>الماضي|"
        r"الفائت|المنصرم|الحالي|الجاري)(?!\w)"
        # dialect "من أول الشهر" (since the start of this month)
        r"|(?:من\s+)?(?:اول|بدايه)\s+(?:هالشهر|الشهر)(?!\w|\s+(?:الماضي|الفائت|المنصرم)))",
        r"(?P<rel_vague>\b(?:last|earlier this|this|the previous|the past)\s+(?:week|weekend)\b|"
        r"\b(?:recently|in recent (?:days|weeks)|days ago|weeks ago|a few days ago|"
        r"(?:a|one|two|three|several|few) (?:days|weeks) (?:ago|earlier))\b|"
        r"(?:الاسبوع الماضي|الاسبوع الفائت|مؤخرا|قبل ايام|قبل اسابيع|خلال الايام الماضيه)(?!\w))",
        rf"(?P<wd>\b(?:(?:on|last|late|early|since|overnight|(?:hours|night|morning|evening)\s+of)\s+(?P<wd_en>{_EN_WD})(?:\s+(?:night|morning|evening))?|"
        # "Sunday's attack", "Friday's strike": a wire's weekday as a possessive
        rf"(?P<wd_pos>{_EN_WD})['’]s(?=\s+(?:\w+\s+)?(?:attack|attacks|strike|strikes|airstrike|"
        rf"bombing|shelling|massacre|killings?|raid|raids|explosion|blast|violence|clashes|"
        rf"assault|ambush))|"
        rf"(?:يوم|ليله|ليل|صباح|مساء|فجر)\s+(?P<wd_ar>{_AR_WD})(?:\s+(?:الماضي|الفائت))?))\b"
        # "on Friday evening, 14 February", "يوم الإثنين ١٢ كانون الأول": the date says it
        # and "يوم الخميس الخامس من تشرين الأول" says it in words
        r"(?!(?:\s+(?:night|morning|evening|afternoon))?,?\s*(?:\d|" + _AR_ORD + r"\s+من\s))",
    ]) + ")",
    re.IGNORECASE,
)


@dataclass
class DateMatch:
    start: int
    end: int
    date: str | None
    rule: str
    full: dt.date | None  # the single day, when the match is one day (an anchor for later matches)


@lru_cache(maxsize=4096)
def _month(name: str) -> int:
    key = name.lower().rstrip(".").strip()
    key = re.split(r"\s*[/(]\s*", key)[0].strip()
    return _MONTHS.get(normalize_arabic(key), 0)


def _safe(y: int, m: int, d: int) -> date | None:
    if not (1 <= m <= 12) or not (1 <= d <= calendar.monthrange(y, m)[1]):
        return None
    return date(y, m, d)


_WEEKDAY_BEFORE = _rx(rf"(?:\b(?P<en>{_EN_WD})|(?P<ar>{_AR_WD}))\s*,?\s*(?:the\s+)?$", re.I)


def _year_by_weekday(norm: str, m: re.Match[str], month: int, day: int,
                     year: int | None, anchor: date | None) -> int | None:
    """A year-less date with its weekday ("Thursday, 5 October", "يوم الخميس الخامس من تشرين
    الأول"): of the years near the guess, the one where that day is that weekday."""
    w = _WEEKDAY_BEFORE.search(norm, max(0, m.start() - 16), m.start())
    inner = re.match(rf"({_EN_WD}),?\s+", m.group(0), re.I)
    name = (inner.group(1) if inner else (w.group("en") or w.group("ar")) if w else "")
    if not name or year is None:
        return year
    target = _WEEKDAYS[normalize_arabic(name.lower())]
    guesses = [year] + ([anchor.year, anchor.year - 1] if anchor else []) + [year - 1, year + 1]
    for y in dict.fromkeys(guesses):
        d = _safe(y, month, day)
        if d is not None and d.weekday() == target and (anchor is None or d <= anchor +
                                                          timedelta(days=2)):
            return y
    return year


def _long_before(iso: str, published: date) -> bool:
    """Whether a date (its start) lies more than a year before publication, or is a bare year
    before publication's: "in 2016" or "July 2016" in a report of December 2017 tells a story,
    it does not make the year-less dates after it the publication's."""
    if not re.match(r"\d{4}(?:-\d{2}){0,2}$", iso):
        return False
    if len(iso) == 4:
        return int(iso) < published.year
    start = date(int(iso[:4]), int(iso[5:7]), int(iso[8:10]) if len(iso) == 10 else 1)
    return start < published - timedelta(days=365)


def _infer_year(month: int, day: int, anchor: date | None) -> int | None:
    if anchor is None:
        return None
    year = anchor.year
    candidate = _safe(year, month, min(day, 28))
    if candidate and candidate > anchor + timedelta(days=2):
        year -= 1  # "December 28" in a report published on January 5 is last year's
    return year


# Words a date expression can start with: the alternation is tried only there.
_STARTS = (
    {m.split()[0] for m in _MONTHS} | set(_WEEKDAYS) | {o.split()[0] for o in _AR_ORDINALS}
    | {"in", "early", "late", "mid", "last", "since", "during", "of", "until", "by", "the", "a",
       "between", "from",
       "an", "yesterday", "today", "this", "tonight", "earlier", "at", "minutes", "moments",
       "next", "hours", "that", "on", "recently", "days", "weeks", "one", "two", "three",
       "several", "few", "beginning", "start", "end", "middle", "first", "second", "four",
       "five", "six", "seven", "overnight", "night", "morning", "evening", "final", "spring",
       "summer", "autumn", "fall", "winter", "and", "or"}
    | {normalize_arabic(w) for w in (
        "في", "خلال", "منذ", "مطلع", "أواخر", "منتصف", "شهر", "عام", "سنة", "العام", "قبل", "أمس",
        "الأمس", "اليوم", "الليلة", "فجر", "صباح", "مساء", "ليل", "بعد", "يوم", "ليلة", "الشهر",
        "الأسبوع", "مؤخرا", "مؤخراً", "قبل", "بين", "من", "النصف", "الربع", "مبارح", "امبارح", "البارحة",
        "أول", "بداية", "وقبل", "وبعد", "بالأمس", "وبالأمس", "وأمس", "أوائل", "نهاية", "ربيع", "صيف",
        "خريف", "شتاء")}
    | {"و" + normalize_arabic(w) for w in ("أواخر", "أوائل", "مطلع", "منتصف", "بداية", "نهاية",
                                          "ربيع", "صيف", "خريف", "شتاء")}
    | {c + normalize_arabic(w) for c in "وف" for w in ("في", "خلال", "منذ")}
    | {c + normalize_arabic(w) for c in ("", "ب", "وب", "و", "فب") for w in ("آخر", "نص", "أول")}
    # Levantine "بآذار", "وبتشرين", "بشهر" (see _AR_BI; not "باب")
    | {c + w for c in ("ب", "وب", "فب") for w in {m.split()[0] for m in _AR_MONTHS} | {"شهر"}
       if w != "اب"}
)


_GLUED_WAW = re.compile(r"(?<!\w)و(?=\d)")
# per distinct word, remembered: whether a date expression may start with it
_MAY_START: dict[str, bool] = {}
_DATE_DISPATCH = fastre.FirstWordDispatch(DATE_RE)


def _date_matches(norm: str) -> list[re.Match[str]]:
    found: list[re.Match[str]] = []
    last = 0
    toks = word_tokens(norm)
    may_start = _MAY_START
    if len(may_start) > 200_000:
        may_start.clear()
    for w in {t[2] for t in toks}.difference(may_start):
        may_start[w] = w in _STARTS or w[0].isdigit() or (
            w[0] == "و" and len(w) > 1 and w[1].isdigit())
    # (the pattern without the alternatives that cannot begin with the word: see fastre)
    dispatch = _DATE_DISPATCH.for_word
    masked: str | None = None
    for pos, word in [(s, word) for s, _e, word in toks if may_start[word]]:
        if pos < last:
            continue
        text = norm
        if word[0] == "و" and len(word) > 1 and word[1].isdigit():
            # "و٣٠ حزيران ٢٠٢٢" (and 30 June 2022): the date after the "و", matched in a copy
            # with such a "و" blanked (same length: the offsets hold), as the pattern's word
            # start test would refuse it
            if masked is None:
                masked = _GLUED_WAW.sub(" ", norm)
            text, pos, word = masked, pos + 1, word[1:]
        m = dispatch(word).match(text, pos)
        if m:
            found.append(m)
            last = m.end()
    return found


# "من العام نفسه", "of that year", "the same year": the year the text has just told
_SAME_YEAR_AFTER = re.compile(r"\s+(?:من|في)\s+(?:العام|عام|السنه|سنه)\s+(?:نفسه|ذاته)|"
                              r",?\s+(?:of\s+)?(?:that|the\s+same)\s+year\b", re.I)


# "the mechanism, set up in June 2023", "founded in 2012", "التي أنشأتها الجمعية العامة في
# حزيران ٢٠٢٣": a body's founding names it, it dates no reported event
FOUNDED_BEFORE = _rx(r"\b(?:founded|established|set\s+up|created|formed)\s+(?:[\w-]+\s+){0,5}?"
                     r"(?:(?:in|on)\s+(?:early\s+|late\s+|mid-?)?)?$|"
                     r"(?:^|\s)(?:التي\s+|الذي\s+)?(?:انشا\S*|اسس\S*|تاسس\S*|تاسست|انشئ\S*|شكل\S*|"
                     r"تشكل\S*)(?:\s+\S+){0,5}?\s+(?:(?:في|عام|سنه)\s+(?:شهر\s+|عام\s+)?)?$", re.I)
# "a landmine left over from the fighting of 2017", "من مخلفات معارك عام ٢٠١٧": the date of the
# war that left the ordnance, not of the explosion the sentence tells
LEFTOVER_FROM = _rx(r"\b(?:left\s+over|leftover|remnants?|relics?|legacy)\s+(?:from|of)\s+(?:the\s+)?"
                    r"(?:[\w-]+\s+){0,3}(?:(?:of|in)\s+)?$|"
                    r"(?:^|\s)(?:من\s+)?(?:مخلفات|بقايا)\s+(?:\S+\s+){0,3}(?:عام\s+|في\s+)?$", re.I)
# "the settlement of 2018", "the constitution of 2012", "اتفاق التسوية عام ٢٠١٨": a year that names
# an agreement, a law or a vote, not the time of a reported event (but "أجروا تسوية عام ٢٠١٨", men
# who settled their status that year, is an act: Arabic names only the agreement itself)
NAMED_OF_BEFORE = _rx(r"\b(?:agreements?|settlements?|reconciliations?|deals?|accords?|truces?|ceasefire|"
                      r"treaty|amnesty|regulation|decree|law|constitution|elections?|referendum|"
                      r"resolution)\s+of\s+$|"
                      r"(?:^|\s)(?:ال)?(?:اتفاق\S*|هدن\S*|مرسوم|قانون|دستور|انتخابات|"
                      r"قرار)(?:\s+(?:ال)?\S+)?\s+$", re.I)
# "the 2018 reconciliation agreements", "the 2012 constitution": the same after the year
NAMED_BY_YEAR = _rx(r"\s+(?:[\w-]+\s+)?(?:line|lines|constitution|census|budget|law|laws|decree|war|"
                    r"resolution|borders?|report|study|survey|letter|book|documentary|film|paper|"
                    r"ruling|verdict|interview|agreements?|settlements?|reconciliations?|deals?|"
                    r"accords?|truces?|treaty|amnesty|regulation|elections?|referendum)\b", re.I)
# "which in 2016 concluded that", "On 18 January 2012, the Council adopted Regulation ...":
# a finding, a legal act or a reply dated, not the reported event
ACT_AFTER = _rx(r"^\W{0,3}(?:(?:the|a|an|its|their)\s+)?(?:[\w-]+\s+){0,4}?(?:concluded|adopted|"
                r"(?:found|determined|ruled|decided)\s+that|enacted|ratified)\b|"
                r"^\W{0,3}(?:\S+\s+){0,3}?[وف]?(?:خلص|خلصت|خلصوا|توصل|توصلت|اعتمد|اعتمدت|اقر|اقرت|صادق|صادقت)"
                r"(?:\s|$)", re.I)
# "born in 1984", "من مواليد ١٩٨٨": a person's birth
_BORN_BEFORE = _rx(r"\bborn\s+(?:(?:in|on)\s+)?$|(?:^|\s)(?:مواليد|ولد|ولدت)\s+(?:(?:عام|سنه|في)\s+)?$", re.I)


# "to this day", "until today", "حتى اليوم": the present state, not a date of anything. Written
# in ordinary spelling and normalised (حتى -> حتي) like the text it runs on.
_UNTIL_NOW_BEFORE = _rx(r"(?:\b(?:until|till|to|up\s+to)|(?:^|\s)[وف]?(?:حتى|لغايه|الى))\s+$", re.I)
_UNTIL_BEFORE = _rx(r"(?:\b(?:until|till)|(?:^|\s)[وف]?(?:حتى|لغايه))\s+$", re.I)


_AND_DAYS = _rx(r"(?:st|nd|rd|th)?\s*(?:and|و)\s*", re.I)


def find_dates(norm: str, published: date | None, header_end: int = 0) -> list[DateMatch]:
    """All dates in ``norm``. Dates before ``header_end`` (a header line) anchor missing years
    but not "the next day", which refers to the narrative."""
    out: list[DateMatch] = []
    last_day: date | None = None  # latest single-day date seen (anchor for "the next day")
    last_end = 0  # where that date ends
    last_ambiguous = False
    year_anchor = published
    # A post's timestamp ("[10 Jun 2017, 21:52]") anchors "yesterday" and "this morning" in its
    # paragraph; the document's publication date anchors the rest.
    local: tuple[date, int] | None = None
    # "in late August 2012 ... stormed the town on 24 August": a year the paragraph has named
    # before is the year of its year-less dates (not the publication's)
    explicit: tuple[int, int] | None = None  # (year, end of its paragraph)
    # the month the text spoke of last ("... تشرين الأول ... يوم الثاني عشر من الشهر")
    last_month: tuple[int, int] | None = None

    # "On 15 November 2016, forces began ... \n\n ... on 12 December": in a text that tells of
    # an earlier year (none of its dates so far lies near publication), a year-less date shortly
    # after the last written date, a paragraph or two on, is in that date's year.
    story: tuple[date, int, bool] | None = None  # (written date, its end, only the year known)
    current = False  # a date near publication was seen: year-less dates are publication's
    # whether only relative words ("today", "اليوم": "my age today is thirty") made it current: a
    # written month of an earlier year after them starts a story again
    current_relative = False

    def para_year(pos: int, month: int = 0, day: int = 1) -> int | None:
        if explicit is not None and pos < explicit[1]:
            return explicit[0]
        if story is None or current or not month or norm.count("\n\n", story[1], pos) > 2:
            return None
        told, _end, year_only = story
        for y in (told.year, told.year + 1):
            cand = _safe(y, month, min(day, 28))
            if cand is None or (year_only and y != told.year):
                continue
            # (a story may step back a few months: "In July 2016 they cut the road ... the
            # hardest night was 27 April, before the siege")
            if year_only or timedelta(days=-120) <= cand - told <= timedelta(days=183):
                inferred = _infer_year(month, day, year_anchor)
                return y if inferred is None or y < inferred else None
        return None

    def year_said_after(end: int, month: int, day: int, anchor: date | None) -> int | None:
        """The year the words right after a year-less day tell: "٢ نيسان الماضي" (last April:
        from publication, whatever year the story told before), "on April 11 and 12 of that
        year", "في ٣ أيار من العام نفسه" (the year just told)."""
        if _LAST_AFTER.match(norm, end):
            return _infer_year(month, day, anchor)
        if _SAME_YEAR_AFTER.match(norm, end):
            told = next((d.date for d in reversed(out) if d.date and d.date[:4].isdigit()), None)
            return int(told[:4]) if told else None
        return None

    for m in _date_matches(norm):
        g = m.groupdict()
        res: DateMatch | None = None
        anchor = local[0] if local is not None and m.start() < local[1] else published
        if g["iso"]:
            d = _safe(int(g["iy"]), int(g["im"]), int(g["id"]))
            res = DateMatch(m.start(), m.end(), d.isoformat() if d else None, "date:iso", d)
        elif g["dmy"]:
            a, b, y = int(g["nd"]), int(g["nm"]), int(g["ny"])
            # Day first, as written in Syria and most of the world; month first only when the
            # first number cannot be a month and the second can... i.e. 03/25/2025.
            d = _safe(y, b, a) if b <= 12 else _safe(y, a, b)
            alt = _safe(y, a, b) if a <= 12 and b <= 31 else None
            if d is not None and alt is not None and published is not None and \
                    d > published + timedelta(days=2) and alt <= published + timedelta(days=2):
                d = alt  # "3/10/2025" in a report of 12 March: an American month-first date
            res = DateMatch(m.start(), m.end(), d.isoformat() if d else None, "date:numeric", d)
        elif g["dm"] or g["md"]:
            d1 = int(g["d1"] or g["d3"])
            d2s = g["d2"] or g["d4"]
            month = _month(g["m1"] or g["m2"])
            ys = g["y1"] or g["y2"]
            year = int(ys) if ys else year_said_after(m.end(), month, d1, anchor) or _year_by_weekday(
                norm, m, month, d1, para_year(m.start(), month, d1) or _infer_year(month, d1, year_anchor),
                year_anchor)
            rule = "date:day_month" + ("" if ys else ":year_inferred")
            if year is None or month == 0:
                res = DateMatch(m.start(), m.end(), None, rule + ":no_anchor", None)
            else:
                first = _safe(year, month, d1)
                second = _safe(year, month, int(d2s)) if d2s else None
                if first and second and second > first and _AND_DAYS.fullmatch(
                        norm, m.end("d1" if g["d1"] else "d3"), m.start("d2" if g["d2"] else "d4")) and \
                        not _INTERVAL_START.search(norm, max(0, m.start() - 12), m.start()):
                    # "on December 1 and 2", "يومي ٣ و٤ آذار": two days, not the days between
                    # ("between 1 and 5 June" is an interval)
                    out.append(DateMatch(m.start(), m.end(), first.isoformat(), rule, first))
                    res = DateMatch(m.start(), m.end(), second.isoformat(), rule, second)
                elif first and second and second > first:
                    res = DateMatch(m.start(), m.end(),
                                    f"{first.isoformat()}/{second.isoformat()}", rule, None)
                else:
                    res = DateMatch(m.start(), m.end(), first.isoformat() if first else None,
                                    rule, first)
        elif g["ordm"]:
            month = _month(g["m4"])
            d1 = _AR_ORDINALS.get(normalize_arabic(g["ord"]), 0)
            year = int(g["y4"]) if g["y4"] else year_said_after(m.end(), month, d1, anchor) or _year_by_weekday(
                norm, m, month, d1, para_year(m.start(), month, d1) or _infer_year(month, d1, year_anchor),
                year_anchor)
            if _PART_OF_MONTH_BEFORE.search(norm, max(0, m.start() - 12), m.start()):
                # "في الأسبوع الأول من كانون الثاني": the first week of January, not 1 January
                res = DateMatch(m.start(), m.end(), f"{year:04d}-{month:02d}" if year else None,
                                "date:part_of_month", None)
            else:
                first = _safe(year, month, d1) if year else None
                res = DateMatch(m.start(), m.end(), first.isoformat() if first else None,
                                "date:ordinal_month", first)
        elif g["ordcur"]:
            # "يوم الثاني عشر من الشهر": the month the text is speaking of; "الجاري" the
            # publication's, "الماضي" the one before
            d1 = int(g["ordc"]) if g["ordc"].isdigit() else \
                _AR_ORDINALS.get(normalize_arabic(g["ordc"]), 0)
            when = g["ordc_when"] or ""
            ym: tuple[int, int] | None = None
            if anchor is not None and when in ("الجاري", "الحالي"):
                ym = (anchor.year, anchor.month)
            elif anchor is not None and when in ("الماضي", "الفائت", "المنصرم"):
                ym = (anchor.year - (anchor.month == 1), (anchor.month - 2) % 12 + 1)
            elif last_month is not None:
                ym = last_month
            elif anchor is not None:
                ym = (anchor.year, anchor.month)
            first = _safe(ym[0], ym[1], d1) if ym else None
            res = DateMatch(m.start(), m.end(), first.isoformat() if first else None,
                            "date:ordinal_of_the_month" if first else "date:relative:no_anchor",
                            first)
        elif g["mdays"]:
            month = _month(g["mdm"])
            n_days = int(g["mdn"]) if g["mdn"].isdigit() else _SMALL_NUMBERS.get(g["mdn"].lower(), 0)
            year = int(g["mdy"]) if g["mdy"] else (para_year(m.start(), month) or _infer_year(
                month, 1, year_anchor))
            if not year or not month or not 1 < n_days < 28:
                continue
            last = calendar.monthrange(year, month)[1]
            a_day, b_day = (1, n_days) if g["mdw"].lower() == "first" else (last - n_days + 1, last)
            res = DateMatch(m.start(), m.end(), f"{date(year, month, a_day).isoformat()}/"
                            f"{date(year, month, b_day).isoformat()}", "date:days_of_month", None)
        elif g["part"]:
            # "the first half of 2024", "the first three months of 2014"
            year = int(g["py"] or g["pya"])
            which = (g["pfirst"] or "").lower() or {"الاول": "first", "الثاني": "second",
                                                    "الاخير": "last"}.get(g["par"] or "", "")
            if g["phalf"] or "النصف" in m.group(0):
                months = 6
            elif g["pq"] or "الربع" in m.group(0):
                months = 3
            else:
                months = _SMALL_NUMBERS.get((g["pn"] or "").lower(), 0)
            first_month = 1 if which == "first" else 13 - months if which == "last" else \
                1 + months
            if not months or first_month + months - 1 > 12:
                continue
            res = DateMatch(m.start(), m.end(),
                            f"{year:04d}-{first_month:02d}/{year:04d}-{first_month + months - 1:02d}",
                            "date:part_of_year", None)
        elif g["my"]:
            month = _month(g["m3"])
            res = DateMatch(m.start(), m.end(), f"{int(g['y3']):04d}-{month:02d}" if month else None,
                            "date:month_year", None)
        elif g["mfrom"]:
            # "between July and December 2016": the year is written once, on the second month
            m_a, m_b = _month(g["m8"] or g["m8d"]), _month(g["m9"])
            y_b = int(g["y9"]) if g["y9"] else (para_year(m.start(), m_b) or _infer_year(
                m_b, 1, year_anchor)) if m_b else None
            if not (m_a and m_b and y_b) or m_a == m_b:
                continue
            y_a = y_b if m_a < m_b else y_b - 1
            res = DateMatch(m.start("m8" if g["m8"] else "m8d"), m.end(),
                            f"{y_a:04d}-{m_a:02d}/{y_b:04d}-{m_b:02d}",
                            "date:month_interval" + ("" if g["y9"] else ":year_inferred"), None)
        elif g["mo"]:
            if g["mand"] and (not out or norm[out[-1].end:m.start()].strip() or
                              g["m10"] == "may" or not re.fullmatch(r"\d{4}-\d{2}",
                                                                   out[-1].date or "")):
                continue  # "in April and May": only right after a month ("and may have": no)
            month = _month(g["m5"] or g["m6"] or g["m7"] or g["m10"])
            # "last March", "نيسان الماضي" count from publication, whatever year the text tells of
            by_pub = bool(g["m7"] or re.match(r"last\b", m.group(0), re.I) or
                          _LAST_AFTER.match(norm, m.end()))
            year_mo = ((None if by_pub else para_year(m.start(), month)) or
                       _infer_year(month, 1, year_anchor)) if month else None
            same = _SAME_YEAR_AFTER.match(norm, m.end())
            told_iso = next((d.date for d in reversed(out) if d.date and d.date[:4].isdigit()), None)
            if same and told_iso and month:
                # "وفي تشرين الأول من العام نفسه", "in October that year": the year just told
                year_mo = int(told_iso[:4])
                m_end = same.end()
                res = DateMatch(m.start(), m_end, f"{year_mo:04d}-{month:02d}",
                                "date:month:same_year", None)
                out.append(res)
                continue
            res = DateMatch(m.start(), m.end(), f"{year_mo:04d}-{month:02d}" if year_mo else None,
                            "date:month:year_inferred" if year_mo else "date:month:no_anchor",
                            None)
        elif g["yrs"]:
            ya, yb = int(g["ya"]), int(g["yb"])
            res = DateMatch(m.start(), m.end(), f"{ya}/{yb}" if yb > ya else None,
                            "date:year_interval", None)
            if yb <= ya:
                continue
        elif g["dec"]:
            decade = int(g["dy"])
            res = DateMatch(m.start("dy"), m.end(), f"{decade}/{decade + 9}", "date:decade", None)
        elif g["yr"]:
            res = DateMatch(m.start("y5"), m.end(), g["y5"], "date:year", None)
        elif g["rel_pub"]:
            word = normalize_arabic(g["rel_pub"].lower())
            if _UNTIL_NOW_BEFORE.search(norm, max(0, m.start() - 12), m.start()):
                continue  # "to this day", "حتى اليوم": not a date of anything
            if re.search(r"(?:^|\s)(?:ذلك|هذا|تلك|نفس|ذات)\s+$", norm[max(0, m.start() - 8):m.start()]):
                continue  # "منذ ذلك اليوم" (since that day): the day just told, not today
            word = re.sub(r"\s+", " ", word)
            word = re.sub(r"^و(?=امس|بالامس)", "", word)  # "وبالأمس": and yesterday
            offset = -2 if word in ("اول امبارح", "اول مبارح", "من يومين") else \
                -1 if word in ("yesterday", "last night", "امس", "الامس", "بالامس", "الليله الماضيه",
                                    "مساء امس", "صباح امس", "فجر امس", "ليل امس", "مبارح",
                                    "امبارح", "البارحه") else 0
            if word == "at dawn" and last_day is not None and not last_ambiguous:
                # "taken from their fields at dawn" after "on Tuesday": the narrative's day, not
                # the day of publication ("since dawn" is today's)
                res = DateMatch(m.start(), m.end(), last_day.isoformat(),
                                "date:relative_to_previous", last_day)
            else:
                d = anchor + timedelta(days=offset) if anchor else None
                res = DateMatch(m.start(), m.end(), d.isoformat() if d else None,
                                "date:relative_to_published" if d else "date:relative:no_anchor",
                                d)
        elif (g["rel_next"] or g["rel_prev"]) and _UNTIL_BEFORE.search(
                norm, max(0, m.start() - 8), m.start()):
            continue  # "could not be identified until the following day": an end, no anchor
        elif g["rel_next"] or g["rel_prev"]:
            step = 1 if g["rel_next"] else -1
            text = (g["rel_next"] or "").lower()
            if ("night" in text and "that" in text) or "نفس" in text:
                step = 0
            if "hours later" in text:
                step = 0
            if g["ndays"] or g["ndays_ar"]:  # "two days later", "بعد يومين"
                step = _SMALL_NUMBERS.get(ascii_digits(g["ndays"] or g["ndays_ar"] or "")
                                          .split()[0].lower(), 0)
            if g["pweek"] or g["nweek"]:  # "a week earlier", "a week later"
                step = -7 if g["pweek"] else 7
            if g["pdays"] or g["pdays_ar"]:  # "two days earlier", "قبل ذلك بيومين"
                step = -_SMALL_NUMBERS.get(ascii_digits(g["pdays"] or g["pdays_ar"] or "")
                                           .split()[0].lower(), 0)
            if _AFTER_EVENT.match(norm, m.end()) and (
                    last_day is None or "\n" in norm[last_end:m.start()] or
                    len(_SENTENCE_BREAK.findall(norm, max(0, last_end - 1), m.start())) > 1):
                # "عُثر على جثته بعد يومين من اختطافه", "found two days after his abduction": two
                # days after the event named, not after the last date told; that event's date
                # is known only when told in the same sentence or the one before
                res = DateMatch(m.start(), m.end(), None, "date:relative:event_anchor", None)
            elif last_day is not None and not last_ambiguous:
                d = last_day + timedelta(days=step)
                res = DateMatch(m.start(), m.end(), d.isoformat(), "date:relative_to_previous", d)
            else:
                res = DateMatch(m.start(), m.end(), None, "date:relative:ambiguous_anchor", None)
        elif g["rel_ago"]:
            back = _SMALL_NUMBERS.get(ascii_digits(g["adays"] or g["adays_ar"] or "")
                                      .split()[0].lower(), 0)
            d = anchor - timedelta(days=back) if anchor and back else None
            res = DateMatch(m.start(), m.end(), d.isoformat() if d else None,
                            "date:days_ago" if d else "date:relative:no_anchor", d)
        elif g["rel_month"]:
            unit = "year" if (g["rm_unit"] or "").lower() == "year" or g["rm_ar"] in (
                "العام", "السنه") else "month"
            when = (g["rm_ar_when"] or m.group(0)).lower()
            back = 1 if re.search(r"\blast\b|الماضي|الفائت|المنصرم", when) else 0
            if anchor is None:
                res = DateMatch(m.start(), m.end(), None, "date:relative:no_anchor", None)
            elif not back and (anchor.day <= 5 if unit == "month" else anchor.timetuple().tm_yday <= 10):
                # "this month" in a report of 1 March may well mean February: not guessed
                res = DateMatch(m.start(), m.end(), None, "date:relative:ambiguous_anchor", None)
            elif unit == "year":
                res = DateMatch(m.start(), m.end(), f"{anchor.year - back:04d}",
                                "date:relative_year", None)
            else:
                y, mo = anchor.year, anchor.month - back
                if mo == 0:
                    y, mo = y - 1, 12
                res = DateMatch(m.start(), m.end(), f"{y:04d}-{mo:02d}", "date:relative_month",
                                None)
        elif g["rel_vague"]:
            res = DateMatch(m.start(), m.end(), None, "date:relative:vague", None)
        elif g["wd"]:
            name = normalize_arabic((g["wd_en"] or g["wd_pos"] or g["wd_ar"]).lower())
            target = _WEEKDAYS[name]
            told_year = para_year(m.start())
            if anchor is not None and local is None and told_year is not None and \
                    told_year < anchor.year - 1:
                # "In March 2013 the army came to the village. On Friday, soldiers ...": the
                # week the paragraph tells of is not the publication's, and no day anchors it
                res = DateMatch(m.start(), m.end(), None, "date:weekday:ambiguous_anchor", None)
            elif anchor is not None:
                back = (anchor.weekday() - target) % 7
                d = anchor - timedelta(days=back)
                res = DateMatch(m.start(), m.end(), d.isoformat(), "date:weekday_before_published", d)
            else:
                res = DateMatch(m.start(), m.end(), None, "date:weekday:no_anchor", None)
        if res is None:
            continue
        # (the cues below with no literal in the 70 characters before the match or the 60 after
        # it are not run: see fastre.Cues)
        near = _FOUND_CUES.near(norm, max(0, m.start() - 70), m.end() + 60)
        if res.full is not None and _TIMESTAMP_AFTER.match(norm, res.end) and \
                not norm[norm.rfind("\n", 0, res.start) + 1:res.start].strip(" [(\t"):
            res.rule += ":timestamp"
            para_end = norm.find("\n\n", res.end)
            local = (res.full, para_end if para_end >= 0 else len(norm))
        elif res.full is not None and res.start < 800 and local is None and (
                published is None or res.full <= published) and \
                near.search(_SENT_ON_BEFORE, norm, max(0, res.start - 60), res.start):
            # "Voice notes sent on Saturday 8 March 2025", "رسالة وصلت إلى محررنا يوم ٢٩ تموز":
            # the messages' own day anchors their "yesterday" and "this morning", not the day
            # they were published
            local = (res.full, len(norm))
        head = _SINCE_HEAD_IN_MATCH.match(m.group(0))
        since_text = norm[max(0, m.start() - 70):m.start()] + (head.group(0) if head else "")
        since_start = near.search(_SINCE_START, norm[max(0, m.start() - 70):m.start()] +
                                  _core_prefix(m)) \
            if published is not None and res.full is None and res.date and "/" not in res.date \
            else None
        # "he had been held there since 3 May", or a text telling of an earlier year: the
        # "since" ends in the story, not at publication; the start is all that is known
        sent_start = max(norm.rfind(". ", 0, m.start()), norm.rfind("\n", 0, m.start())) + 1
        # (but "the office said it had verified 111 killings since 6 March" is reported speech:
        # its "had" is the present perfect of what was said, until the report)
        sent_end = norm.find(". ", m.end())
        since_ends_in_story = bool(_PLUPERFECT_SINCE.search(norm, sent_start, m.start()) and
                                   not _REPORTED.search(norm, sent_start, sent_end if sent_end >= 0
                                                        else len(norm))) or (
            not current and published is not None and res.date is not None and
            ":year_inferred" in res.rule and int(res.date[:4]) < published.year - 1)
        if since_ends_in_story:
            pass
        elif since_start and published is not None and res.date and (
                since_start.group("start") or not res.rule.startswith("date:year")):
            # "since the beginning of October", "منذ مطلع العام الجاري": from the first day of
            # that month (year) until the report; a bare "since 2018" stays a year
            start = date(int(res.date[:4]), int(res.date[5:7]) if len(res.date) >= 7 else 1, 1)
            if start < published:
                res = DateMatch(res.start, res.end, f"{start.isoformat()}/{published.isoformat()}",
                                res.rule + ":since", None)
        if (published is not None and res.full is not None and res.full < published and
                not since_ends_in_story and near.search(_SINCE_BEFORE, since_text)):
            # "since 6 March": from then until the report
            res = DateMatch(res.start, res.end, f"{res.full.isoformat()}/{published.isoformat()}",
                            res.rule + ":since", None)
        out.append(res)
        if res.date and re.match(r"\d{4}-\d{2}(?:-\d{2})?$", res.date):
            last_month = (int(res.date[:4]), int(res.date[5:7]))
        year_text = g.get("iy") or g.get("ny") or g.get("y1") or g.get("y2") or g.get("y4") or \
            g.get("y3") or g.get("y5")
        # "the 1974 ceasefire line", "a 2019 bombing": a year naming a thing says nothing of the
        # year of the paragraph's other dates
        attributive = bool(g.get("y5")) and re.match(r"(?:the|a|an)\s", m.group(0), re.I) is not None
        # nor does a founding or a birth ("the monitor, founded in 2011, ... on 1 June")
        attributive = attributive or bool(
            year_text and (near.search(FOUNDED_BEFORE, norm, max(0, m.start() - 60), m.start()) or
                           near.search(LEFTOVER_FROM, norm, max(0, m.start() - 60), m.start()) or
                           near.search(_BORN_BEFORE, norm, max(0, m.start() - 25), m.start()) or
                           near.search(NAMED_OF_BEFORE, norm, max(0, res.start - 40), res.start) or
                           near.match(ACT_AFTER, norm[res.end:res.end + 60])))
        if year_text and ":timestamp" not in res.rule and res.start >= header_end and \
                not attributive:
            para_end = norm.find("\n\n", res.end)
            explicit = (int(year_text), para_end if para_end >= 0 else len(norm))
            if res.date and re.match(r"\d{4}(?:-\d{2}){0,2}$", res.date):
                told = date(int(res.date[:4]), int(res.date[5:7] or 1) if len(res.date) > 4 else 1,
                            int(res.date[8:10]) if len(res.date) == 10 else 1)
                story = (told, res.end, len(res.date) == 4)
                if current_relative and len(res.date) >= 7 and published is not None and \
                        told < published - timedelta(days=365):
                    current = current_relative = False
        in_story = story is not None and ":year_inferred" in res.rule and res.date is not None \
            and res.date[:4] in (f"{story[0].year:04d}", f"{story[0].year + 1:04d}") and \
            res.start > story[1]
        if in_story and not current and story is not None and not story[2]:
            # a year-less date the story placed carries it on: a testimony of 2016 names its
            # months one paragraph after another ("بتموز ٢٠١٦ ... آخر شهر أيلول ... بنص كانون الأول");
            # (a year alone, "chanted for freedom in 2011", anchors too loosely to carry far)
            story = (story[0], res.end, story[2])
        if res.date and ":timestamp" not in res.rule and res.start >= header_end and \
                published is not None and int(res.date[:4]) >= published.year - 1 and \
                (res.full != published or res.rule.startswith("date:relative")) and \
                not (in_story and not current) and not _long_before(res.date, published):
            # (a date on the publication day itself may be the report's own; a year-less date
            # the story placed in its own year does not end the story)
            current_relative = res.rule.startswith("date:relative") and (
                not current or current_relative)
            current = True
        if res.full is not None and not res.rule.startswith("date:relative") and \
                res.start < header_end:
            if published is None and ":year_inferred" not in res.rule:
                year_anchor = max(year_anchor, res.full) if year_anchor else res.full
        elif res.full is not None and not res.rule.startswith("date:relative") and \
                near.search(_SAID_BEFORE, norm, max(0, res.start - 30), res.start):
            pass  # "..., the group said on Saturday. The car was found the next morning"
        elif res.full is not None and not res.rule.startswith("date:relative"):
            last_day, last_ambiguous, last_end = res.full, False, res.end
            if published is None and ":year_inferred" not in res.rule:
                year_anchor = max(year_anchor, res.full) if year_anchor else res.full
        elif res.date and ("/" in res.date or not res.rule.startswith("date:relative")):
            # "the next day" after an interval has no single anchor; nor after a month or a
            # year ("today the court sentenced him ... in August 2012 he beat a boy, who died
            # two days later": not two days after today)
            last_ambiguous = True
        elif res.full is not None:
            last_day, last_end = res.full, res.end
    out = _join_intervals(norm, out)
    if _MONTH_COUNT_HINT.search(norm):
        out = _month_breakdown(norm, out, year_anchor)
    return out


# A breakdown by month, a table written as prose: "كانون الثاني ١٩ حالة، شباط ١٤ حالة، آذار ٢٧
# حالة", "January: 12 cases; February: 9; March: 15". Each month is a date (an English month
# needs its colon or dash: "January 19" is a day). Searched in the whole text, tried only where a
# month name occurs (fastre: the alternation at every character cost ~0.3 ms a report).
_MONTH_ITEM = fastre.compile(normalize_arabic(
    rf"(?<!\w)(?:(?P<ar>{_AR_M})|(?P<en>{_EN_M}))(?:,?\s+(?P<y>{_YEAR}))?"
    r"(?:\s*[:：]|\s+[-–]|(?(ar)(?=\s+\d)|(?!)))\s*"
    r"(?:(?:about|some|around|at least|نحو|حوالي)\s+)?\d[\d,.]*(?:\s+[^\s\d,;.\u060c\u061b]+)?"),
    re.I)
_MONTH_ITEM_GAP = _rx(r"\s*[,;\u060c\u061b]\s*(?:and\s+|و)?|\s+(?:and\s+|و)", re.I)
_MONTH_COUNT_HINT = re.compile(r"[,;\u060c\u061b]\s*\S+(?:\s+\S+)?\s*:?\s*\d")


def _month_breakdown(norm: str, found: list[DateMatch], year_anchor: date | None) -> list[DateMatch]:
    """Add the months of a breakdown (two or more "month count" items in a row) that no other
    pattern found, in the year of the date told just before them (or the publication's)."""
    items = list(_MONTH_ITEM.finditer(norm))
    runs: list[list[re.Match[str]]] = []
    for m in items:
        if runs and _MONTH_ITEM_GAP.fullmatch(norm, runs[-1][-1].end(), m.start()):
            runs[-1].append(m)
        else:
            runs.append([m])
    starts = [d.start for d in found]
    added: list[DateMatch] = []
    for run in runs:
        if len(run) < 2:
            continue
        for m in run:
            month = _month(m.group("ar") or m.group("en"))
            k = bisect.bisect_right(starts, m.start())
            if not month or (k and found[k - 1].end > m.start()) or (
                    k < len(found) and found[k].start < m.end("ar" if m.group("ar") else "en")):
                continue  # found already (a date of its own)
            year = int(m.group("y")) if m.group("y") else None
            before = found[k - 1] if k else None
            if year is None and before is not None and before.date and \
                    m.start() - before.end < 800 and re.match(r"\d{4}", before.date):
                # the year of the period told just before ("النصف الأول من عام ٢٠٢٣")
                first, last = before.date.split("/")[0], before.date.split("/")[-1]
                year = next((y for y in sorted({int(first[:4]), int(last[:4])})
                             if first[:7] <= f"{y:04d}-{month:02d}" <= last[:7] + "~"
                             or first[:4] == last[:4]), None)
            if year is None:
                year = _infer_year(month, 1, year_anchor)
            if year is None:
                continue
            end = m.end("y") if m.group("y") else m.end("ar" if m.group("ar") else "en")
            added.append(DateMatch(m.start(), end, f"{year:04d}-{month:02d}",
                                   "date:month:breakdown", None))
    if not added:
        return found
    return sorted(found + added, key=lambda d: d.start)


# after a relative day: the event it counts from ("بعد يومين من اختطافه", "the day after his
# arrest", "two days after the raid"), not "after that" or a comma
_AFTER_EVENT = _rx(r"\s+(?:من|على)\s+(?!ذلك|هذا|هذه|تلك|ذاك)\S|(?<=after)\s+(?!that\b|this\b)[a-z]",
                   re.I)
# a message's or recording's own date in the header of its transcript
_SENT_ON_BEFORE = _rx(r"\b(?:notes?|messages?|recordings?|posts?|texts?)\s+(?:were\s+|was\s+)?"
                      r"(?:sent|posted|recorded|written)\s+(?:on\s+)?$|"
                      r"(?:رسال[هة]|رسائل|تسجيل|التسجيل|الرسال[هة])\s+(?:\S+\s+){0,3}?"
                      r"(?:وصلت|ارسلت|سجلت|وصل|ارسل|سجل)(?:\s+\S+){0,3}?\s+(?:يوم|في|بتاريخ)\s+$", re.I)
_SENTENCE_BREAK = re.compile(r"[.!?\u061f]")


_INTERVAL_START = _rx(r"(?:\b(?:between|from|since)|(?:^|\s)(?:بين|من|منذ))\s+(?:at\s+least\s+)?"
                      r"(?:the\s+|(?:عام|سنه|شهر)\s+)?$", re.I)
# ("from at least 1 March 2012 until 30 November 2012", "until at least October 2012")
_INTERVAL_JOIN = _rx(r"\s*(?:and|to|until|till|through|-|–|—|و|الى|حتى)\s*(?:at\s+least\s+)?"
                     r"(?:the\s+|(?:عام|سنه|شهر)\s+)?", re.I)


_DASH_JOIN = re.compile(r"[ \t]*[-–—][ \t]*")


def _join_intervals(norm: str, found: list[DateMatch]) -> list[DateMatch]:
    """"between 18 February and 14 April 2018", "from March 6 to March 10": one interval, not
    two days. A first day without its own year takes the second's (the year is written once)."""
    out: list[DateMatch] = []
    i = 0
    while i < len(found):
        a = found[i]
        b = found[i + 1] if i + 1 < len(found) else None
        opened = False
        if b is not None and a.rule.endswith(":since") and a.date and b.date and \
                not b.rule.endswith(":since") and not b.rule.startswith("date:relative") and \
                _INTERVAL_JOIN.fullmatch(norm, a.end, b.start):
            # "since March 2011 until August 2024", "منذ آذار ٢٠١١ حتى آب ٢٠٢٤": the second date
            # closes the interval, not the report's day; the first is read again as written
            a = _since_start(a)
            opened = True
        if b is not None and a.date and b.date and len(a.date) == 4 and len(b.date) == 4 and \
                a.date < b.date and (opened or _INTERVAL_START.search(
                    norm, max(0, a.start - 12), a.start)) and \
                _INTERVAL_JOIN.fullmatch(norm, a.end, b.start):
            out.append(DateMatch(a.start, b.end, f"{a.date}/{b.date}", "date:year_interval", None))
            i += 2
            continue
        # ("April 2019 - March 2020" in a title: a dash between two dates with their years
        # opens the interval by itself)
        opened = opened or bool(_INTERVAL_START.search(norm, max(0, a.start - 24), a.start)) or (
            b is not None and ":year_inferred" not in a.rule + b.rule and
            bool(_DASH_JOIN.fullmatch(norm, a.end, b.start)))
        if b is not None and a.full is not None and b.full is not None and opened and \
                _INTERVAL_JOIN.fullmatch(norm, a.end, b.start):
            first = a.full
            if ":year_inferred" in a.rule and first.year != b.full.year:
                first = _safe(b.full.year, first.month, first.day) or first
                if first > b.full:
                    first = _safe(b.full.year - 1, first.month, first.day) or first
            if first < b.full:
                out.append(DateMatch(a.start, b.end, f"{first.isoformat()}/{b.full.isoformat()}",
                                     "date:interval", None))
                i += 2
                continue
        if b is not None and _is_month(a) and _is_month(b) and opened and \
                _INTERVAL_JOIN.fullmatch(norm, a.end, b.start):
            # "between October 2013 and April 2014", "from March to May": months (a first
            # month without its own year takes the second's, or the year before)
            assert a.date is not None and b.date is not None
            first_m = a.date
            if ":year_inferred" in a.rule:
                first_m = f"{b.date[:4]}-{a.date[5:7]}"
                if first_m >= b.date:
                    first_m = f"{int(b.date[:4]) - 1:04d}-{a.date[5:7]}"
            if first_m < b.date:
                out.append(DateMatch(a.start, b.end, f"{first_m}/{b.date}", "date:month_interval",
                                     None))
                i += 2
                continue
        out.append(a)
        i += 1
    return out


def _since_start(d: DateMatch) -> DateMatch:
    """The start of a "since" interval as the text wrote it: a day, a month or a year."""
    assert d.date is not None
    start, rule = d.date.split("/")[0], d.rule.removesuffix(":since")
    if "month" in rule and "day_month" not in rule and "ordinal" not in rule:
        return DateMatch(d.start, d.end, start[:7], rule, None)
    if rule.startswith("date:year") or rule == "date:relative_year":
        return DateMatch(d.start, d.end, start[:4], rule, None)
    day = dt.date.fromisoformat(start) if len(start) == 10 else None
    return DateMatch(d.start, d.end, start, rule, day)


def _is_month(d: DateMatch) -> bool:
    return d.date is not None and len(d.date) == 7 and d.date[4] == "-"


_LAST_AFTER = _rx(rf"\s+{_AR_LAST}(?!\w)")
_PLUPERFECT_SINCE = re.compile(r"\bhad\s+(?:not\s+|already\s+|now\s+)?(?:been\s+)?\w+\b[^.;]*\bsince\s+"
                               r"(?:[^.;]{0,40}\s)?$", re.I)
_REPORTED = re.compile(r"\b(?:said|says|told|reported|added|stated|announced|estimated|wrote|"
                       r"according\s+to)\b", re.I)
_SAID_BEFORE = re.compile(r"\b(?:said|says|told|announced|reported|stated|added)\s+(?:\w+\s+)?$",
                          re.I)
_TIMESTAMP_AFTER = re.compile(r"\s*[,·]?\s*\d{1,2}:\d{2}")
# "since 6 March", "since the offensive began on April 30", "منذ ١٣ تموز"
# ("منذ سقوط النظام في ٨ كانون الأول", "منذ يوم الخميس ٥ تشرين الأول", "since Thursday, 5
# October": the event or the weekday before the day)
_SINCE_BEFORE = _rx(r"(?:\bsince|منذ)\s+(?:the\s+)?(?:(?:[^\s.,;:\u060c]+\s+){0,6}?(?:on|in|في)\s+)?"
                    rf"(?:(?:يوم\s+)?{_AR_WD}\s+|{_EN_WD},?\s+)?"
                    # "since the morning of 7 March", "منذ مساء السابع من آذار"
                    r"(?:(?:(?:the\s+)?(?:early\s+)?(?:morning|evening|night|afternoon|small hours|"
                    r"early hours)\s+of\s+)|(?:مساء|صباح|فجر|ليل|ليله|ظهر|يوم)\s+)?$", re.I)
# "since Sunday" is matched as "on Sunday" in "since the fighting erupted on Sunday"
_SINCE_HEAD_IN_MATCH = re.compile(r"(?:on|in|since)\s+", re.I)
# the start of a month or a year: "since the beginning of", "since early", "منذ مطلع"
_SINCE_START = _rx(r"(?:\bsince|منذ)\s+(?:the\s+)?(?P<start>(?:very\s+)?(?:beginning|start|outset)\s+of"
                   r"\s+(?:the\s+|this\s+)?|early\s+|(?:مطلع|بدايه|بدايات|اوائل|اول)\s+)?"
                   r"(?:شهر\s+|عام\s+)?$", re.I)
_PART_OF_MONTH_BEFORE = _rx(r"(?:الاسبوع|الاسابيع|النصف|العشر|العشره|الايام|الثلث)\s+$")
_SMALL_NUMBERS = {"two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8,
                  "nine": 9, "ten": 10,
                  **{str(k): k for k in range(2, 8)}, "يومين": 2, "ثلاثه": 3, "اربعه": 4,
                  "خمسه": 5}


# the cues find_dates runs around a match, asked together (see fastre.Cues)
_FOUND_CUES = fastre.Cues([_SENT_ON_BEFORE, _SINCE_START, _SINCE_BEFORE, FOUNDED_BEFORE, LEFTOVER_FROM,
                    _BORN_BEFORE, NAMED_OF_BEFORE, ACT_AFTER, _SAID_BEFORE])


def _core_prefix(m: re.Match[str]) -> str:
    """The part of a month or year match before its month or year word ("since October" ->
    "since ", "مطلع العام الجاري" -> "مطلع "), for the "since the start of" test."""
    for name in ("m5", "m6", "m7", "m3", "rm_unit", "rm_ar", "y5"):
        if m.group(name):
            return m.string[m.start():m.start(name)]
    return ""
# "(Amman, September 30, 2025) - ", "WASHINGTON, DC (May 6, 2019) —": a release's dateline
# closes its own bracket
_DATELINE_AFTER = re.compile(r"\s*(?:(?<=\d)\))?\s*(?:\([^)\n]{0,60}\))?\s*(?:[-—–:|]|\n|$)")
# "AMMAN/ANKARA, Nov 23 (Reuters) -": a wire filed from two cities
_DATELINE_BEFORE = re.compile(r"\s*(?:[A-Z][A-Z.'’/-]+(?:\s+[A-Z][A-Z.'’/-]+){0,3}|[\u0621-\u064a]+"
                              r"(?:\s+[\u0621-\u064a]+)?)(?:\s*,\s*[A-Z\u0621-\u064a][\w .'-]{0,30})?"
                              r"\s*,\s*$")


# A press release's dateline line, whatever the headline and kicker above it: "(Amman/Brussels,
# 28 May 2019) –", "جنيف (٥ كانون الأول ٢٠٢٤) –", "Koblenz, 7 June 2024" alone on its line: a
# place in title case, then the date in brackets before a dash, or the date ending the line
_RELEASE_DATELINE = re.compile(
    r"[ \t]*(?:\(\s*[A-Z][\w.'’-]+(?:[ /][A-Z][\w.'’-]+){0,3}\s*,\s*(?P<d>\S[^()\n]{3,30}?)\)\s*[-—–]|"
    r"[\u0621-\u064a]+(?:\s+[\u0621-\u064a]+)?\s*\(\s*(?P<d2>[^()\n]{4,40}?)\)\s*[-—–]|"
    r"[A-Z][\w.'’-]+(?:[ /][A-Z][\w.'’-]+){0,2}\s*,\s*(?P<d3>[^,\n]{4,25}?)[ \t]*(?:\n|$))")


def is_dateline(norm: str, start: int, end: int, sentence_index: int) -> bool:
    """Whether a date is the dateline of the report, not the date of an event in it.

    "BEIRUT, March 8 (Wire) -", "QAMISHLI, Syria, May 2 -", a date alone on a header line. Not
    "On 6 March, gunmen ..." or "A 2019 airstrike ...": a date at the start of a sentence is an
    event's unless a dateline separator or the end of the line follows it."""
    if sentence_index > 3:
        return False
    line_start = norm.rfind("\n", 0, start) + 1
    if start - line_start >= 60:
        return False
    before = norm[line_start:start]
    release = _RELEASE_DATELINE.match(norm, line_start, min(len(norm), end + 40)) \
        if start - line_start < 40 else None
    if release is not None and start in (release.start("d"), release.start("d2"),
                                         release.start("d3")):
        return True  # after a headline and a "PRESS RELEASE" kicker: "(Amman, 28 May 2019) –"
    if sentence_index > 1 and not (_DATELINE_BEFORE.fullmatch(before) and start - line_start < 40):
        # after a headline and a byline ("By A and B"), only a capitalised place and a comma
        # at the start of the line make a dateline
        return False
    if norm[end:end + 1] == ")" and before.count("(") <= before.count(")"):
        return False  # a bracket closes only a bracket the dateline opened ("(Amman, May 6) -")
    if not _DATELINE_AFTER.match(norm, end, min(len(norm), end + 70)):
        # "BEIRUT, March 8, Gunmen": a capitalised place and comma, with nothing else before
        return sentence_index == 0 and bool(_DATELINE_BEFORE.fullmatch(before)) and \
            start - line_start < 40
    # a separator follows: the line so far must be a place, an outlet, a "Posted:" label or empty
    return not re.search(r"\b(?:on|in|since|until|from|between|during)\s*$", before, re.I) and \
        len(before.split()) <= 6


def parse_date_text(text: str, published: date | None = None) -> str | None:
    """The ISO form of the first date in ``text`` (for tests and the CLI)."""
    from dalil.extract.text import prepare

    found = find_dates(prepare(text).norm, published)
    return found[0].date if found else None
