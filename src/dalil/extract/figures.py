"""Which numbers count people harmed, and what happened to them; which are other figures."""

from __future__ import annotations

import re

from dalil.gazetteer.names import normalize_arabic

_A = normalize_arabic
CASUALTY_AFTER: list[tuple[str, re.Pattern[str]]] = [
    ("killed", re.compile(
        r"\b(?:killed|dead|died|deaths?|murdered|executed|slain|slaughtered|fatalities|"
        r"bodies|corpses|lives|shot dead|massacred|victims|martyrs)\b|" + _A(
            r"قتيل|قتلى|قتلوا|قتل|شهيد|شهداء|ضحي[هة]|ضحايا|جث[هة]|جثث|جثامين|وفا[هة]|اعدم|اعدموا|"
            r"لقوا حتفهم|حتفهم|قضوا|مقتل|استشهدوا"), re.I)),
    ("injured", re.compile(
        r"\b(?:injured|wounded|hurt|injuries|casualties)\b|" + _A(
            r"جريح|جرحى|مصاب|مصابين|مصابا|اصاب[هة]|اصابات|اصيبوا|بجروح"), re.I)),
    ("detained", re.compile(
        r"\b(?:detained|arrested|abducted|kidnapped|detainees|prisoners|held|captured|"
        r"taken away|rounded up|hostages)\b|" + _A(
            r"معتقل|معتقلين|معتقلا|اعتقلوا|اعتقال|محتجز|محتجزين|احتجاز|مختطف|مختطفين|اختطاف|"
            r"اختطفوا|موقوفين|اسير|اسرى|رهائن"), re.I)),
    ("missing", re.compile(
        r"\b(?:missing|disappeared|unaccounted for|whereabouts)\b|" + _A(
            r"مفقود|مفقودين|مفقودا|فقدان|مختفين|مختفيا|مجهولي المصير|مجهول المصير|مخفيين"), re.I)),
    ("displaced", re.compile(
        r"\b(?:displaced|fled|flee|fleeing|evacuated|expelled|uprooted|refugees|homeless|"
        r"forced to leave|driven out|left their homes)\b|" + _A(
            r"نازح|نازحين|نازحا|نزوح|نزحوا|مهجر|مهجرين|تهجير|هجروا|فروا|فر|هربوا|لاجئ|لاجئين"),
        re.I)),
]
CASUALTY_BEFORE: list[tuple[str, re.Pattern[str]]] = [
    ("killed", re.compile(
        r"(?:\b(?:killing|killed|kill|executing|executed|massacring|claimed the lives of|"
        r"death toll (?:\w+ )*?(?:to|of|at|reached|stood at|stands at|is|was)|toll (?:\w+ )?"
        r"(?:to|of|at|reached)|bodies of|the deaths of|the killing of|the execution of|"
        r"murder of|deaths? of)|" + _A(
            r"قتل|قتلت|قتلوا|مقتل|اعدام|اعدمت|اعدموا|استشهاد|حصيل[هة] القتلى|حصيل[هة] الضحايا|"
            r"حصيل[هة]|وفا[هة]|جثث|جثامين|ذبح|تصفي[هة]") + r")"
        r"(?:\s+\S+){0,4}?\s*$", re.I)),
    ("injured", re.compile(
        r"(?:\b(?:wounding|injuring|wounded|injured)|" + _A(
            r"اصاب[هة]|جرح|اصابات|اصابه|واصاب[هة]|وجرح") + r")(?:\s+\S+){0,3}?\s*$", re.I)),
    ("detained", re.compile(
        r"(?:\b(?:arresting|arrested|detaining|detained|abducting|abducted|kidnapping|"
        r"kidnapped|detention of|arrest of|abduction of|rounded up)|" + _A(
            r"اعتقال|اعتقلت|اعتقلوا|احتجاز|احتجزت|اختطاف|اختطفوا|خطف|توقيف") +
        r")(?:\s+\S+){0,3}?\s*$", re.I)),
    ("missing", re.compile(
        r"(?:\b(?:disappearance of|disappeared)|" + _A(r"فقدان|اختفاء|اخفاء") +
        r")(?:\s+\S+){0,3}?\s*$", re.I)),
    ("displaced", re.compile(
        r"(?:\b(?:displacing|displaced|displacement of|forcing|forced|expelling|expelled)|" +
        _A(r"نزوح|تهجير|هجرت|تشريد|نزح|فرار") + r")(?:\s+\S+){0,3}?\s*$", re.I)),
]
POPULATION_BEFORE = re.compile(
    r"(?:population of|home to|a (?:town|city|village) of|inhabited by|\bhouses|population)\s*"
    r"(?:about|around|some|nearly|roughly|approximately|more than|over)?\s*$|" + _A(
        r"عدد سكانها|يسكنها|يقطنها|عدد سكان|سكانها|تعداد") + r"\s*(?:نحو|حوالي)?\s*$", re.I)
OTHER_UNITS: list[tuple[str, re.Pattern[str]]] = [
    ("money", re.compile(r"^\s*(?:million\s+|billion\s+)?(?:us\s+)?(?:dollars?|usd|euros?|pounds?|"
                         r"syrian pounds|liras?|lira|ليرة|ليرات|دولار|دولارا|يورو)\b", re.I)),
    ("fighters", re.compile(
        r"^\s*(?:[\w-]+\s+){0,2}?(?:fighters|gunmen|militants|soldiers|troops|members|personnel|"
        r"combatants|recruits|militiamen|officers|policemen|" + _A(
            r"مقاتل|مقاتلا|مقاتلين|عنصر|عنصرا|عناصر|جندي|جنديا|جنود|مسلح|مسلحا|مسلحين") + r")\b",
        re.I)),
    ("population", re.compile(r"^\s*(?:[\w-]+\s+)?(?:residents|inhabitants|people live|"
                              r"population|نسم[هة]|مواطن)\b", re.I)),
    ("pages", re.compile(r"^\s*(?:[\w-]+\s+)?(?:pages?|صفح[هة]|صفحات)\b", re.I)),
    ("buildings", re.compile(r"^\s*(?:[\w-]+\s+)?(?:houses|homes|buildings|shops|stores|"
                             r"apartments|" + _A(r"منزل|منازل|منزلا|مبنى|مباني|محل|محلات") + r")\b",
                             re.I)),
    ("vehicles", re.compile(r"^\s*(?:[\w-]+\s+)?(?:vehicles|cars|trucks|tanks|pickups|"
                            r"" + _A(r"سيار[هة]|سيارات|آليات|دبابات") + r")\b", re.I)),
    ("places", re.compile(r"^\s*(?:[\w-]+\s+)?(?:villages|towns|neighbou?rhoods|"
                          + _A(r"قرى|قري[هة]|بلدات|احياء") + r")\b", re.I)),
    ("percent", re.compile(r"^\s*(?:%|percent|per cent|بالمئ[هة]|في المئ[هة])", re.I)),
    ("distance", re.compile(r"^\s*(?:km|kilometres?|kilometers?|miles|كيلومتر|كم)\b", re.I)),
    ("days", re.compile(r"^\s*(?:days|hours|weeks|months|years|ايام|ساع[هة]|ساعات|اسابيع|"
                        r"اشهر|سنوات)\b", re.I)),
]
MONEY_BEFORE = re.compile(r"(?:\$|US\$|€|£|USD\s*)\s*$")
AGE_OR_TIME = re.compile(
    r"^\s*(?:-?\s*years?[\s-]old|-year-old|year old|years of age|a\.?m\b|p\.?m\b|o'clock|:\d|"
    r"عاما|عاماً|سن[هة]|من العمر|صباحا|مساء)", re.I)
AGE_BEFORE = re.compile(r"(?:\baged|\bage|\bages|عمره|عمرها|البالغ من العمر|at|الساعة|رقم|"
                        r"No\.|number)\s*$", re.I)
SUBSET_BEFORE = re.compile(r"(?:including|among them|of whom|of them|بينهم|منهم|من بينهم)\s*$",
                           re.I)
CLAUSE_END = re.compile(r"[.;:!?\u061f]|\s(?:while|whereas|but|after|before|as)\s", re.I)


def classify(norm: str, start: int, end: int, sent_start: int, sent_end: int
             ) -> tuple[str, str, str]:
    """Return (group, what, rule): group is 'casualty', 'other' or '' (not a reportable figure)."""
    after = norm[end:min(sent_end, end + 90)]
    before = norm[max(sent_start, start - 70):start]
    if AGE_OR_TIME.match(after) or AGE_BEFORE.search(before):
        return "", "", "skip:age_or_time"
    if MONEY_BEFORE.search(before):
        return "other", "money", "other:currency_sign"
    if POPULATION_BEFORE.search(before):
        return "other", "population", "other:population_context"
    # The verb nearest the number wins: "killing six and injuring around 20" -> 20 injured.
    nearest: tuple[int, str] | None = None
    for what, pat in CASUALTY_BEFORE:
        m = pat.search(before)
        if m and (nearest is None or m.start() > nearest[0]):
            nearest = (m.start(), what)
    if nearest is not None:
        return "casualty", nearest[1], f"casualty:{nearest[1]}:verb_before"
    cut = CLAUSE_END.search(after)
    window = after[:cut.start()] if cut else after
    words = window.split()
    window = " ".join(words[:10])
    best: tuple[int, str] | None = None
    for what, pat in CASUALTY_AFTER:
        m = pat.search(window)
        if m and (best is None or m.start() < best[0]):
            best = (m.start(), what)
    for unit, pat in OTHER_UNITS:
        m = pat.match(after)
        if m and (best is None or unit in ("money", "percent", "distance", "days")
                  or m.end() <= best[0]):
            if unit in ("fighters",) and best is not None and best[0] < 40:
                break  # "12 fighters were killed": fighters killed are casualties
            return "other", unit, f"other:{unit}"
    if best is not None:
        return "casualty", best[1], f"casualty:{best[1]}:word_after"
    return "", "", "skip:no_noun"
