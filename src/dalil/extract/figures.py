"""Which numbers count people harmed, and what happened to them; which are other figures."""

from __future__ import annotations

import re

from dalil.extract import fastre
from dalil.extract.numbers import _AR_NUMWORD, DUAL_WORDS
from dalil.gazetteer.names import normalize_arabic


def _rx(pattern: str, flags: int | re.RegexFlag = 0) -> re.Pattern[str]:
    """Compile a pattern written in ordinary Arabic spelling against normalised text
    (إلى -> الى, ة -> ه ...), as the text it runs on has been normalised the same way.
    Searches try the pattern only where one of its literal starts occurs (``fastre``)."""
    return fastre.compile(normalize_arabic(pattern), flags)


def _plain(pattern: str, flags: int | re.RegexFlag = 0) -> re.Pattern[str]:
    """Compile a pattern against normalised text, as ``_rx`` does, but without the literal-start
    prefilter: for the few patterns the plain engine runs faster (short windows, or a literal
    start it finds fast itself, as "-"; measured on the bench reports)."""
    return re.compile(normalize_arabic(pattern), flags)


_A = normalize_arabic
CASUALTY_AFTER: list[tuple[str, re.Pattern[str]]] = [
    ("killed", _rx(
        r"\b(?:killed|dead|died|die|deaths?|murdered|executed|hanged|slain|slaughtered|fatalities|"
        r"bodies|corpses|lives|shot dead|massacred|victims|martyrs|martyred|assassinations|killings|"
        r"executions)\b|" + _A(
            r"قتيل\w*|قتلى|قتل\w*|اغتيل\w*|شهيد|شهداء|ضحي[هة]|ضحايا|جث[هة]|جثث|جثامين|وفا[هة]|اعدم\w*|"
            r"اعدام\w*|"
            r"لقوا حتفهم|حتفهم|قضوا|مقتل|استشهد\w*|رفات|"
            # "أكتر من ٤٠ واحد ماتوا": the plural "died" after its count (word start: not inside
            # another word)
            r"(?<!\S)[وف]?(?:ماتوا|ماتو)(?!\S)|"
            # Levantine posts: "تلاتة شهدا" (شهداء without its hamza)
            r"شهدا(?!\w)"), re.I)),
    ("injured", _rx(
        # "3,600 patients with neurotoxic symptoms": patients of an attack are its injured
        r"\b(?:injured|wounded|hurt|injuries|casualties)\b|"
        r"\bpatients\s+(?:with|suffering|showing|presenting)\b|" + _A(
            r"جريح\w*|جرحى|مصاب\w*|اصاب[هة]|اصابات|اصيب\w*|بجروح|"
            # Levantine: "انصاب تلاتة" is before the number; "تلاتة انصابوا" after it
            r"انصاب\w*|انجرح\w*|تصاوب\w*"), re.I)),
    ("detained", _rx(
        r"\b(?:detained|arrested|detainees|prisoners|captured|"
        # (not "opposition-held areas", "held their positions", "held talks")
        r"(?<![-\w])held(?!\s+(?:their|its|his|our|the)\s+(?:positions?|ground|lines?|fire)\b|"
        r"\s+(?:talks|a\s+meeting|meetings|elections|a\s+vote|a\s+press|a\s+news))|"
        r"taken away|led away|rounded up|hostages|taken by|(?:were|was) taken from)\b|" + _A(
            r"معتقل\w*|اعتقل\w*|اعتقال|محتجز\w*|احتجاز|"
            r"موقوف\w*|اسير|اسرى|رهائن") + r"|\b(?:arrests|detentions)\b", re.I)),
    ("missing", _rx(
        # abductions and kidnappings leave people whose fate is unknown: missing, not detained
        r"\b(?:missing|disappeared|unaccounted for|whereabouts|abductions|kidnappings|"
        # "remain in enforced disappearance", "قيد الاختفاء القسري": the state, not the act
        r"disappearances|disappearance|abducted|kidnapped)\b|" + _A(r"مختطف\w*|اختطاف|اختطف\w*|خطف\w*|اختفاء|" +
            r"مفقود\w*|فقدان|مختف\w*|مجهولي المصير|مجهول المصير|مخفي\w*"), re.I)),
    ("displaced", _rx(
        r"\b(?:displaced|fled|flee|fleeing|evacuated|expelled|uprooted|refugees|homeless|"
        r"(?:new\s+)?arrivals|"
        r"forced to leave|driven out|left their homes|forced from their homes|"
        # "where thousands of people had sought shelter"
        r"(?:sought|seeking|took|taken|taking)\s+(?:shelter|refuge|safety)|"
        r"forced out of their homes|escaped|managed to escape|"
        # "who had been forced out of the city", "crossed into Lebanon", "were deported"
        r"(?:forced|driven|pushed|forcibly\s+(?:moved|transferred))\s+(?:out|from|away)|"
        r"crossed\s+(?:the\s+border\s+)?into|deported|forcibly\s+transferred|"
        r"(?:moved|transferred|taken|evacuated)\s+(?:\w+\s+)?on\s+(?:the\s+)?(?:green\s+)?buses|"
        # "130,000 people had left the enclave": departures from a place under attack
        r"(?:had\s+|have\s+)?left\s+(?:the|their)\s+(?:besieged\s+)?(?:enclave|city|town|area|"
        r"village|villages|region|camp|district|neighbou?rhood|country|homes))\b|" + _A(
            r"نازح\w*|نزوح|نزح\w*|مهجر\w*|تهجير|هجروا|فروا|فرت|هربوا|هرب\w*|لاجئ\w*|"
            # "أكثر من ١٠٠ ألف شخص، معظمهم من الكرد، غادروا منازلهم", "٣١٠ آلاف سوري عبروا من
            # لبنان": people who left their homes or crossed a border
            r"(?<!\S)[وف]?غادر\w*\s+(?:منازل|بيوت|قرى|قرا|مدن|بلدات)\w*|(?<!\S)[وف]?عبروا\s+"
            r"(?:الحدود|من|إلى)"),
        re.I)),
]
CASUALTY_BEFORE: list[tuple[str, re.Pattern[str]]] = [
    ("killed", _rx(
        r"(?:\b(?:killing|killed|kill|executing|executed|massacring|claimed the lives of|"
        # (not "neutralised": a state's word for fighters killed or captured, counted as
        # fighters, as blind 8 and 11 both annotated it; docs/extract-annotation.md)
        r"eliminated|liquidated|"
        r"shot dead|shooting dead|gunned down|murdered|murdering|slaughtered|assassinated|buried|burying|"
        r"death toll (?:\w+ )*?(?:to|of|at|reached|stood at|stands at|is|was)|toll (?:\w+ )?"
        r"(?:to|of|at|reached)|bodies of|remains of|the deaths of|the killing of|the execution of|"
        r"murder of|deaths? of|among (?:the )?(?:dead|victims|those killed|the killed)(?: were)?|"
        # 'Another "field execution" of five civilians'
        r"executions?[\"”'’]?\s+of|"
        r"of the dead|"
        # "the number of civilians martyred at the dam and around it has reached 21"
        r"(?:number|toll) of (?:[\w-]+\s+){0,3}?(?:killed|dead|martyred|martyrs|victims)\b"
        r"(?:\s+[^\s\d.;]+){0,8}?\s+(?:has\s+|had\s+)?(?:reached|rose to|risen to|climbed to|"
        r"stood at|stands at)|martyred|martyring|"
        # "put the number of bodies recovered at 13"
        r"(?:number|count|tally) of (?:[\w-]+\s+){0,2}?(?:killed|dead|bodies|victims|deaths|"
        r"martyrs|fatalities)(?:\s+[^\s\d.;]+){0,3}?\s+at|"
        # "lost five members of his family" (below: a family word must follow)
        r"lost)|" + _A(
            r"قتل|قتلت|قتلوا|مقتل|اعدام|اعدمت|اعدموا|اعدم|استشهاد|استشهد|اغتيال|اغتالوا|اغتيل|حصيل[هة] القتلى|حصيل[هة] الضحايا|"
            r"حصيل[هة]|وفا[هة]|جثث|جثامين|رفات|ذبح|تصفي[هة]|فقدت|فقدنا|"
            # short verbs need a word start ("مات" is inside "المخيمات"); spelled out, not
            # "[وف]?": a one-letter literal start would try the pattern at every و
            r"(?<!\S)(?:قضى|توفي|مات|وقضى|وتوفي|ومات|فمات|ماتوا|وماتوا|ماتو)|"
            # Levantine: "طخوا", "قوصوا", "ارتقى تلاتة"
            r"(?<!\S)[وف]?(?:طخوا|طخو|قوصوا|قوصو|ارتقى|ارتقوا|ارتقو|قتلو|كتلوا|كتلو)|"
            r"(?:راح|ذهب) ضحيت\w*") + r")"
        r"[\"”'’]?(?:\s+\S+){0,4}?\s*$", re.I)),
    ("injured", _rx(
        # "the clinic treated 500 people for burns"
        r"(?:\b(?:wounding|injuring|wounded|injured|treated|treating|(?:number|count) of "
        r"(?:[\w-]+\s+){0,2}?"
        r"(?:wounded|injured)(?:\s+[^\s\d.;]+){0,3}?\s+at)|" + _A(
            r"اصاب[هة]|جرح|اصابات|اصابه|واصاب[هة]|وجرح|اصيب\w*|واصيب\w*|"
            # Levantine: "وانصاب تلاتة", "جرحوا عشرة"
            r"(?<!\S)[وف]?(?:انصاب\w*|انجرح\w*|جرحوا|جرحو|تصاوب\w*)|"
            # the active verb: "قتل ١٢ وأصاب ٢٠ آخرين", "وأصابت الغارة ٧ مدنيين"
            r"(?<!\S)[وف]?(?:اصاب|اصابت)(?=\s)") +
        r")[\"”'’]?(?:\s+\S+){0,3}?\s*$", re.I)),
    ("detained", _rx(
        r"(?:\b(?:arresting|arrested|detaining|detained|detention of|arrest of|rounded up|"
        r"captured|capturing|seized|seizing|took captive|taken captive|"
        r"(?:number|count) of (?:[\w-]+\s+){0,2}?(?:detainees|prisoners|arrests)"
        r"(?:\s+[^\s\d.;]+){0,3}?\s+at)|" + _A(
            r"اعتقال|اعتقل|اعتقلت|اعتقلوا|احتجاز|احتجز|احتجزت|توقيف|القبض على|قبض على|"
            r"اخذوا|اخذوه|اخذوهم|اقتادوا|اقتاد\w*|ساقوا|اعتقلوه|اعتقلوهم|اوقفوه|اوقفوهم|"
            r"(?<!\S)[وف]?(?:اخدوا|اخدو|اخذو|اخدوهن|اخذوهن|سحبوا|سحبو|"
            # Levantine passives and verbs without the final alef: "انعتقل ١٠٠ شب",
            # "اتعتقل تلات شباب", "اعتقلو خمسة"
            r"انعتقل\w*|اتعتقل\w*|اعتقلو)") +
        r"|\btook(?: away)?(?: (?:my|his|her|their|our))?" +
        r")[\"”'’]?(?:\s+\S+){0,3}?\s*$", re.I)),
    ("missing", _rx(
        r"(?:\b(?:disappearance of|disappeared|fate of|whereabouts of|abducting|abducted|"
        r"kidnapping|kidnapped|abduction of)|" +
        _A(r"فقدان|اختفاء|اخفاء|مصير|اختطاف|اختطف|اختطفت|اختطفوا|خطف|خطفت|خطفوا|"
           r"(?<!\S)[وف]?(?:انخطف\w*|خطفو|اختفى|اختفت)") +
        r")[\"”'’]?(?:\s+\S+){0,3}?\s*$", re.I)),
    ("displaced", _rx(
        r"(?:\b(?:displacing|displaced|displacement of|forcing|forced|expelling|expelled|"
        r"driven|drove|driving|uprooting|uprooted|evacuation of|evacuating|evacuated|"
        # "the offensive pushed nearly one million people north"
        r"pushed|pushing|sent fleeing|sending fleeing|"
        # "the evacuation of the remaining fighters and tens of thousands of civilians"
        r"evacuation of (?:the\s+)?(?:remaining\s+)?(?:fighters|rebels|gunmen)\s+and)|" +
        _A(r"نزوح|تهجير|هجرت|هجر|هجروا|تشريد|نزح|فرار") +
        r")[\"”'’]?(?:\s+\S+){0,3}?\s*$", re.I)),
]
POPULATION_BEFORE = _rx(
    r"(?:population of|home to|a (?:town|city|village) of|inhabited by|\bhouses|population|"
    # "home to most of Syria's roughly 700,000 Druze"
    r"\bhome to\s+(?:(?:most|many|some|half|much|all)\s+of\s+)?(?:(?:the\s+)?[\w-]+['’]s\s+)?|"
    # the people a hospital or a dam serves: "a catchment area of 150,000 people", "supplies"
    r"catchment(?: area)? of|\bsuppl(?:ies|ied|ying)|"
    # "whose population is estimated at about 1 million", "population, estimated at 40,000"
    r"\bpopulations?\b,?(?:\s+[^\s\d.;]+){1,5}?\s+(?:at|to|of|numbered|reached)|"
    # people served by aid: "flour for some 50,000 people", "water to 20,000 residents"
    r"\b(?:aid|food|flour|bread|water|assistance|supplies|meals|rations|relief|vaccines?|"
    r"shelter|electricity)\b(?:\s+[^\s\d.;]+){0,4}?\s+(?:for|to|reaching)|"
    r"\b(?:serv(?:es|ed|ing)|benefit(?:ed|ing)?|feed(?:s|ing)?|threaten(?:s|ed|ing)?\s+the\s+lives\s+of)|"
    # the people a hospital or a doctor is there for: "no surgical hospital left for some
    # 200,000 people", "one doctor for 10,000 residents"
    r"\b(?:hospitals?|clinics?|bakery|bakeries|doctors?|surgeons?)\b(?:\s+[^\s\d.;]+){0,3}?\s+for"
    r")\s*"
    r"(?:about|around|some|nearly|roughly|approximately|more than|over)?\s*$|" + _A(
        r"(?:عدد سكانها|يسكنها|يقطنها|عدد سكان(?:\s+\S+){0,3}?|سكانها|تعداد)") +
    r"\s*(?:نحو|حوالي|يتجاوز|اكثر من)?\s*$|" + _A(
        # Arabic verb before its subject: "ويعيش في لبنان، وفق تقديرات الحكومة، نحو ١.٥ مليون
        # لاجئ", "وصلت المساعدات حتى الآن إلى ما يقارب ٣٥ ألف شخص", "يهدد حياة أكثر من ٤ ملايين"
        r"(?:(?<!\S)[وف]?(?:يعيش|تعيش|يقيم|يقطن|يسكن)\s+في(?:\s+\S+){1,8}?|"
        r"(?:المساعدات|المساعده|الاغاثه|المعونات)(?:\s+\S+){0,5}?\s+(?:إلى|لـ?)|"
        r"(?<!\S)[وف]?(?:يهدد|تهدد|يهددان)(?:\s+\S+){0,2}?\s+حيا[ةه])"
        r"\s*(?:نحو|حوالي|قرابة|أكثر من|ما يقارب|ما يزيد على)?\s*$") + "|"
    # a camp or town that hosts people, the verb before its subject in Arabic ("يؤوي المخيم
    # أكثر من ٤٣ ألف شخص", "the camp hosts some 40,000 people")
    r"\b(?:hosts|hosted|hosting|accommodates|accommodated|accommodating)\s*$|" + _A(
        r"(?<!\S)[وف]?(?:يؤوي|تؤوي|يستضيف|تستضيف|يأوي|تأوي)(?:\s+\S+){0,2}?\s*$"), re.I)
# Arabic unit nouns may carry the article ("عشرات المنازل", "مئات العائلات").
_AL = "(?:ال)?"
OTHER_UNITS: list[tuple[str, re.Pattern[str]]] = [
    ("weight", _rx(r"^\s*-?\s*(?:pounds? of|kg\b|kilo(?:gram)?s?\b|tons?\b|tonnes?\b|كيلو\w*|طن)",
                   re.I)),
    ("money", _rx(r"^\s*(?:of\s+)?(?:million\s+|billion\s+)?(?:us\s+|american\s+)?(?:dollars?|usd|"
                  r"euros?|pounds?|syrian pounds|liras?|lira|turkish liras?|syp\b|" + _A(
                      r"ليرة|ليرات|دولار|دولارا|دولارات|يورو") + r")\b", re.I)),
    # households are counted as households, not people (docs/extract-annotation.md)
    ("families", _rx(r"^\s*(?:of\s+)?(?:[\w-]+\s+)?(?:families|households|family|household|" + _A(
        _AL + r"عائلات|" + _AL + r"عائل[هة]|" + _AL + r"اسر|" + _AL + r"اسر[هة]|" + _AL + r"عوائل") +
        r")\b", re.I)),
    ("fighters", _rx(
        r"^\s*(?:[\w-]+\s+){0,3}?[\"“']?(?:fighters|gunmen|armed men|militants|soldiers|troops|"
        r"members|personnel|combatants|recruits|militiamen|officers|policemen|terrorists|insurgents|"
        r"jihadists|rebels|suicide bombers|bombers|" + _A(
            r"مقاتل|مقاتلا|مقاتلين|عنصر|عنصرا|عناصر|جندي|جنديا|جنود|مسلح|مسلحا|مسلحين|"
            r"انتحاري|انتحاريين|انتحاريا|ارهابي|ارهابيا|ارهابيين") + r")\b",
        re.I)),
    ("population", _rx(r"^\s*(?:[\w-]+\s+)?(?:inhabitants|people live|population|نسم[هة]|"
                       r"people (?:lived|living|reside|resided)|"
                       # "About 150,000 Druze live in Israel"
                       r"(?:[\w-]+\s+)?(?:live|lived|living|reside|resided|residing)\s+(?:in|on)|"
                       r"(?:شخص|مدني|انسان)?\s*(?:يعيشون|يقطنون|يقيمون|يسكنون)|"
                       # "12.9 million people need assistance", "people in need"
                       r"(?:people\s+)?in need|(?:people\s+)?(?:need|needing|require|requiring)\s+"
                       r"(?:\w+\s+)?(?:assistance|aid|help|protection)|"
                       r"besieged|" + _A(r"انسان محاصر\w*|محاصر\w*") + r"|"
                       # "some 250,000 people remain besieged", "50,000 people were trapped
                       # inside", "14,600 people are affected", "left two million people in the
                       # north-east without electricity": those living there, no casualties
                       # "fewer than 5,000 people remain out of about 120,000 who lived in the
                       # city", "about 3,000 people have come back", "fewer than 25,000
                       # remained": who is left in, or back in, a place (not "remain missing")
                       r"(?:(?:people|civilians|residents|inhabitants)\s+)?(?:remain|remained|"
                       r"(?:have|had)\s+(?:since\s+)?(?:come\s+back|returned))(?=\s*(?:[.,;)]|$|"
                       r"(?:in|inside|out|there|here)\b(?!\s+(?:hospital|detention|custody|prison|"
                       r"jail|captivity))))|who\s+(?:had\s+)?(?:lived|live)\s+(?:here|there|in)\b|"
                       r"(?:people|civilians|residents|inhabitants)\s+(?:(?:remain|remained|were|"
                       r"are|still|now|are\s+still|were\s+still)\s+)?(?:trapped|besieged|affected|"
                       r"stranded)|(?:people|civilians|residents)\s+(?:[^\s.;,]+\s+){0,4}?without\s+"
                       r"(?:electricity|water|power|heating|fuel|food|access|shelter|medical|health)"
                       r")\b", re.I)),
    ("pages", _rx(r"^\s*-?(?:[\w-]+\s+)?(?:pages?|صفح[هة]|صفحات)\b", re.I)),
    ("buildings", _rx(r"^\s*(?:(?:damaged|destroyed|burned|burnt|looted)\s+or\s+)?(?:[\w-]+\s+)?"
                      r"(?:houses|homes|buildings|shops|stores|structures|"
                      r"apartments|" + _A(_AL + r"منزل|" + _AL + r"منازل|منزلا|" + _AL + r"مبنى|" +
                                          _AL + r"مباني|" + _AL + r"محل|" + _AL + r"محلات|" + _AL +
                                          r"بيوت") + r")\b", re.I)),
    ("vehicles", _rx(r"^\s*(?:[\w-]+\s+)?(?:vehicles|cars|trucks|lorries|tanks|pickups|buses|"
                     r"motorcycles|ambulances|" + _A(_AL + r"سيار[هة]|" + _AL + r"سيارات|" + _AL +
                                                     r"آليات|" + _AL + r"دبابات|" + _AL +
                                                     r"شاحنات|" + _AL + r"حافلات") + r")\b", re.I)),
    ("places", _rx(r"^\s*(?:[\w-]+\s+)?(?:villages|towns|neighbou?rhoods|"
                   + _A(_AL + r"قرى|قري[هة]|" + _AL + r"بلدات|" + _AL + r"احياء") + r")\b", re.I)),
    # (both Arabic spellings of "hundred": "في المئة", "في المائة")
    ("percent", _rx(r"^\s*(?:%|٪|percent|per cent|بالما?ئ[هة]|في الما?ئ[هة])", re.I)),
    ("distance", _rx(r"^\s*(?:km|kilometres?|kilometers?|miles|metres|meters|m\b|كيلومتر|كم)\b",
                     re.I)),
    ("duration", _rx(r"^\s*(?:days|hours|weeks|months|years|minutes|seconds|decades|nights|"
                     r"ايام|ساع[هة]|ساعات|اسابيع|اشهر|سنوات|دقائق|دقيق[هة]|يوما|شهرا|عاما|"
                     r"سنين|ليال)\b", re.I)),
]
OTHER_UNITS_BY_NAME = dict(OTHER_UNITS)
# Units that never count people: they win over a casualty word later in the clause ("burned
# 30 houses, killing ...", "آلاف المنازل التي هجر أصحابها"), unless a preposition comes between
# ("killed 12 in their homes").
_THING_UNITS = ("money", "weight", "percent", "distance", "duration", "buildings", "vehicles",
                "places", "pages", "families")
# Words with which the thing units can start, to try their patterns only where one occurs
# in the first words after a number (most numbers count people or nothing)
_THING_HEADS = frozenset(
    w for unit, pat in OTHER_UNITS if unit in _THING_UNITS
    for w in re.findall(r"[a-z]{2,}|[\u0600-\u06ff]{2,}", pat.pattern.lower())) | {
    "kilogram", "kilograms", "kilos", "kilometre", "kilometres", "kilometer", "kilometers",
    "tonne", "tonnes", "ton", "tons", "lorries", "neighbourhoods", "neighborhoods"}
_HAD_BEFORE = _rx(r"\b(?:had|has|have|having|with|numbering)\s+(?:about|around|some|nearly|roughly|"
                  r"approximately|more\s+than|over|an\s+estimated|up\s+to|fewer\s+than|"
                  r"less\s+than|just)?\s*$", re.I)
_RESIDENTS_AFTER = _rx(r"\s*(?:[\w-]+\s+)?(?:residents|inhabitants)\b(?!\s+(?:who|were|was|had|have|"
                       r"of\s+whom|killed|dead|wounded|injured|detained|displaced|missing)\b)", re.I)
# (the noun phrase of the number: no clause word, comma or second number before the verb)
_OWN_PASSIVE_AFTER = re.compile(
    r"\s*(?:(?!(?:who|that|which|and|or|while|but|as|after|when|were|was)\b)[^\s\d.,;:]+\s+){1,4}"
    r"(?:were|was|had\s+been|have\s+been)\s+(?:also\s+|later\s+|reportedly\s+|all\s+)?"
    r"(?P<w>killed|wounded|injured|hurt|detained|arrested|abducted|kidnapped|displaced|"
    r"executed|hanged|dead)\b", re.I)
# "at least 23 people in the small village on the western edge of the plain were dead": a long
# noun phrase (prepositions, no clause word or comma) before the passive of the number's own
_LONG_SUBJECT_PASSIVE = re.compile(
    r"\s*(?:(?!(?:who|that|which|and|or|while|but|as|after|when|were|was|had|have|has|is|are)\b)"
    r"[^\s\d.,;:]+\s+){5,14}"
    r"(?:were|was|had\s+been|have\s+been)\s+(?:also\s+|later\s+|reportedly\s+|all\s+)?"
    r"(?P<w>killed|wounded|injured|detained|arrested|abducted|kidnapped|displaced|executed|hanged|"
    r"dead|missing)\b", re.I)
# the fighters of a number as the subject of an active verb with its object after it
_AGENT_OF_VERB = re.compile(
    r"\s*(?:[\w-]+\s+){0,3}?[\"“']?(?:gunmen|fighters|militants|soldiers|armed\s+men|militiamen|"
    r"members|troops|attackers|assailants)[\"”']?\s+(?:(?!(?:were|was|had|have|has|been|are|is|"
    r"who|that|and)\b)[^\s.,;:]+\s+){0,4}?(?:shot\s+dead|shot|killed|executed|abducted|kidnapped|"
    r"stabbed|beat|wounded|injured|seized|took|stormed|raided|broke\s+into|attacked|opened\s+fire\s+on)"
    r"\s+(?:a|an|the|his|her|their|two|three|four|five|"
    r"\d+|[A-Z][\w-]+)\b")
_AGENT_MEN = re.compile(
    r"\s*(?:masked|hooded|unidentified|unknown|armed\s+and\s+masked)\s+men\s+(?:(?!(?:were|was|had|"
    r"have|has|been|are|is|who|that)\b)[^\s.,;:]+\s+){0,4}?(?:shot\s+dead|shot|killed|executed|"
    r"abducted|kidnapped|stopped|stormed|raided|broke\s+into|seized|took|beat|stabbed)\s+"
    r"(?:a|an|the|his|her|their|two|three|four|five|\d+|[A-Z][\w-]+)\b", re.I)
_ANIMALS_AFTER = re.compile(
    r"\s*(?:[a-z-]+\s+)?(?:head\s+of\s+)?(?P<n>sheep|goats|cows|cattle|livestock|horses|camels|"
    r"donkeys|chickens|animals|dogs|buffalo(?:es)?)\b", re.I)


class _Words:
    """Plain words looked for in lower-cased text, as an IGNORECASE search would find them: a
    case-sensitive search (several times faster), and the folding one only where the text holds
    a character that folds to "s" or "i" and that lower-casing leaves as it is ("ſ", "ı")."""

    def __init__(self, alternation: str) -> None:
        self.cased = re.compile(alternation)
        self.folding = re.compile(alternation, re.I)

    def search(self, low: str) -> bool:
        if self.cased.search(low) is not None:
            return True
        return ("\u017f" in low or "\u0131" in low) and self.folding.search(low) is not None


_SUSPECT_WORDS = _Words("suspect|perpetrat|culprit|accused|مشتبه|متهم|جناه|جناة|مطلوب")
_FAMILY_WORDS = _Words("famil|household|عايل|اسر|عوايل")
_RELEASE_WORDS = _Words("releas|free|افرج|سراح")


_RELATIVE_AFTER = re.compile(r"^\s*(?:of\s+)?(?:[\w-]+\s+){0,2}?(?P<rel>who|that)\s")
_MAIN_VERB = re.compile(r"\s(?:were|was|have been|had been|are|is)\s")
_WORD_EDGE = ".,;:!?\"'()\u060c"
# the heads as they appear: plural "s", Arabic article and conjunction ("والمنازل")
# (a head written "سيار[هة]" in its pattern is "سيار" here: "سياره" is its normalised form, so
# "١٥ سيارة فيها مسلحين" counts vehicles, not the gunmen in them)
_THING_HEAD_FORMS = frozenset(
    form for h0 in _THING_HEADS for h in (h0, h0 + "ه")
    for form in (h, h + "s", "ال" + h, "و" + h, "وال" + h, "ب" + h))


def _may_count_a_thing(after: str) -> bool:
    """Whether one of the first words after a number can start a thing unit (a set lookup per
    word: a regular expression alternation of all the words is slower)."""
    if "%" in after[:3]:
        return True
    heads = _THING_HEAD_FORMS
    for w in after[:50].lower().split(None, 4)[:4]:
        w = w.strip(_WORD_EDGE)
        if w in heads or w.startswith(("kilo", "كيلو")):
            return True
    return False
_UNIT_GAP_WORDS = {"in", "at", "on", "from", "inside", "near", "and", "or", "with", "to", "by",
                   "في", "من", "داخل", "على", "علي", "قرب", "مع", "الى", "و"}
# "thousands of residents and fighters were moved": people named before fighters are not fighters
_NOT_FIGHTERS = _rx(r"\b(?:residents|civilians|people|families|women|children|villagers|"
                    r"inhabitants|staff\s+members)\b|مدنيين|اهالي|سكان|نساء|اطفال", re.I)
# "two members of staff", "members of his family": no fighters
_MEMBERS_OF_NO_ARMY = _rx(r"\s*members\s+of\s+(?:(?:the|his|her|their|our|one|a|medical|"
                          r"hospital)\s+)?(?:staff|family|families|crew|team|households?)\b", re.I)
# the counters under a post ("12:04 · 214 reposts · 388 likes"): no figures of the report
_ENGAGEMENT_AFTER = _rx(r"^\s*(?:reposts?|retweets?|likes?|views?|shares?|replies|quote tweets|"
                        r"reactions|comments)\b(?!\s+(?:of|to|on|from)\b)", re.I)
# "Gunmen killed 12 civilians in two villages", "the two Kurdish-majority neighbourhoods": a count
# of places that only locates the events (annotators leave it out); "captured 12 villages" stays
_LOCATIVE_PLACES_BEFORE = _rx(r"\b(?:in|across|of|at|from|to|and|the|both|all)\s*$", re.I)
# people counted as they speak, not as victims: "Three neighbours gave Reuters matching
# accounts of the executions", "Two monitoring groups have tried to count the dead"
_SPEAKING_SUBJECT = _rx(
    r"^\s*(?:[\w-]+\s+)?(?:neighbou?rs|relatives|residents|villagers|survivors|witnesses|"
    r"eyewitnesses|(?:monitoring|rights|human rights|aid)\s+(?:groups|organi[sz]ations)|"
    r"organi[sz]ations|NGOs|monitors|sources|officials|doctors|activists)\s+(?:\w+\s+){0,2}?"
    r"(?:gave|give|told|tell|said|say|says|described|describe|recounted|recount|spoke|reported|"
    r"tried|confirmed|corroborated|interviewed|contacted|estimated)\b", re.I)
# Arabic counted nouns (the English plural is read from the text, PLURAL_NOUN_AFTER); the
# category names follow docs/extract-annotation.md
_AR_COUNTED = {_A(w): what for what, words in {
    "complaints": "شكوى شكاوى شكاوي",
    "testimonies": "شهادة شهادات",
    "interviews": "مقابلة مقابلات",
    "strikes": "غارة غارات ضربة ضربات",
    "shells": "قذيفة قذائف",
    "rockets": "صاروخ صواريخ",
    # (the noun as written: "برميل" is a barrel; blind 8 and 11 both write "barrels")
    "barrels": "برميل براميل",
    "incidents": "حادثة حوادث واقعة",
    "attacks": "هجوم هجمات اعتداء اعتداءات",
    "violations": "انتهاك انتهاكات",
    # "أكثر من ٤٥ توغلاً منذ بداية العام، اعتُقل خلالها ٢٨": counts of operations, not people
    "incursions": "توغل توغلات",
    "trees": "شجرة أشجار",
    "buildings": "مدرسة مدارس منشأة منشآت مشفى مستشفى مستشفيات مشافي مسجد مساجد كنيسة كنائس "
                 "مخبز مخابز فرن أفران بيت بيتا بيوت شقة شقق مركز مراكز مشاف",
    "places": "موقع مواقع",
    "checkpoints": "حاجز حواجز",
    "camps": "مخيم مخيمات",
    "dunams": "دونم دونمات دونما",
    "mines": "لغم ألغام",
    "teams": "فريق فرق",
    "nurses": "ممرض ممرضة ممرضات ممرضين",
    "doctors": "طبيب أطباء",
    "nationalities": "جنسية جنسيات",
    "livestock": "رأس أغنام ماشية",
    "weapons": "سلاح أسلحة",
    "munitions": "ذخيرة ذخائر",
}.items() for w in words.split()}
# "قطعة سلاح" (a weapon), "قطعة من الذخائر" (a piece of ordnance): the noun after "piece" says
# what is counted
_AR_PIECE = re.compile(r"\s*قطع[هة]?\s+(?:من\s+)?(?:ال)?(\S+)")
_AR_COUNTED_AFTER = re.compile(r"\s*(?:ال)?([^\s.,;:!?\u060c\u061b\u061f]+)")
# Arabic duals that count things ("أحرقوا بيتين", two houses)
DUAL_UNITS = {_A(w): what for what, words in {
    "buildings": "بيتين بيتان منزلين منزلان مبنيين مبنيان",
    "vehicles": "سيارتين سيارتان",
    "families": "عائلتين عائلتان أسرتين أسرتان",
}.items() for w in words.split()}
_NUMBER_WORD = _plain(r"\d|\b(?:one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|"
                      r"twenty|thirty|forty|fifty|hundred|thousand|dozens|hundreds|thousands)\b|"
                      # Arabic number words ("ارتقى تلاتة شهدا واتنين جرحى": the verb counts the
                      # first number only)
                      r"(?:^|\s)و?" + _AR_NUMWORD + r"(?!\w)", re.I)
RELEASED_BEFORE = _rx(r"(?:\b(?:released|freed|release of|freeing)|اطلق\w* سراح|الافراج عن|افرج\w* عن)"
                      r"(?:\s+\S+){0,2}\s*$", re.I)
RELEASED_AFTER = _rx(r"\b(?:released|freed|let go)\b|سراح|الافراج|افرج", re.I)
PARTITIVE_BEFORE = _rx(r"(?:\b(?:of those|of the|among those|of whom were)\s*|(?:^|\s)من\s+(?:ال)?)$",
                       re.I)
PLURAL_NOUN_AFTER = _rx(r"^\s*(?:[a-z]+\s+)?([a-z]{3,}(?<!ou)(?<!s)s)\b")  # (not "across", "various")
PEOPLE_NOUNS = {"people", "civilians", "persons", "individuals", "families", "residents", "children",
                "witnesses", "sources", "officials", "survivors", "doctors", "nurses", "medics",
                "women", "men", "others", "members", "relatives", "students", "teachers", "activists", "journalists", "detainees", "victims", "villagers", "brothers",
                "sons", "daughters", "times", "years", "days", "hours", "weeks", "months"}
# people a population cue may count, besides PEOPLE_NOUNS ("home to 50,000 refugees")
_PEOPLE_PLURALS = {"refugees", "inhabitants", "migrants", "workers", "fighters", "soldiers",
                   "troops", "patients", "pupils", "worshippers", "pilgrims", "employees",
                   "displaced", "returnees", "farmers", "families", "households", "souls",
                   "adults", "girls", "boys", "babies", "infants", "elderly", "orphans",
                   "widows", "prisoners", "believers", "speakers", "citizens", "nationals",
                   "residents", "dwellers", "settlers", "tribesmen", "herders", "nomads"}
MONEY_BEFORE = _rx(r"(?:\$|US\$|€|£|\b(?:USD|SYP|EUR|GBP|TRY)\s*)\s*$")
_MONEY_ENDS = ("$", "€", "£", "USD", "SYP", "EUR", "GBP", "TRY")  # its last words
AGE_OR_TIME = _rx(
    r"^\s*(?:-?\s*years?[\s-]old|-year-old|year old|years of age|a\.?m\b|p\.?m\b|o'clock|:\d|"
    r"-(?:year|month|week|day|hour|minute|storey|story|metre|meter|km)s?\b|"
    r"عاما|عاماً|سن[هة]|من العمر|صباحا|مساء)", re.I)
AGE_BEFORE = _rx(r"(?:\baged|\bage|\bages|عمره|عمرها|البالغ من العمر|\bat|الساعة|رقم|"
                 # "number 5" is a label; "which number around 100,000" is a verb
                 r"\bNo\.|(?<!which )(?<!who )(?<!they )\bnumber|"
                 # "a boy of about 14"
                 r"\b(?:boy|girl|child|son|daughter|teenager|youth|man|woman) of|\bpage|\bchapter|\barticle|\bresolution|"
                 # names and labels with a number: "Branch 215", "Decree 16", "Route 5"
                 r"\bbranch|\bbrigade|\bdivision|\bregiment|\bbattalion|\bdecree|\blaw|"
                 r"\broute|\bhighway|\bblock|\bbuilding|\broom|\bcell|\bflight|\bsector|"
                 r"\bparagraph|\bitem|\bgrade|\bclass|الفرع|فرع|المرسوم|مرسوم|القانون|"
                 r"اللواء|الفرقه|الفوج|الكتيبه|الطريق|المبنى|الزنزانه|المهجع)\s*$", re.I)
# "the toll at nine", "put the number at 30": "at" before a count, not a clock time
TOLL_AT = _rx(r"\b(?:toll|figure|number|total|count|tally|estimate)s?\s+(?:\w+\s+){0,4}at\s*$|"
              r"\b(?:estimated|valued|put|set|priced|assessed|costed)\s+at\s*$",
              re.I)
# A participle right after the number names what happened to those counted, before any verb
# earlier in the clause: "8 were killed and 21 injured", "dozens killed and scores more wounded",
# "23 detained and 5 remain missing". Nouns (detainees, bodies) are not taken here: "killed 12
# detainees" counts the killed.
IMMEDIATE_AFTER = _rx(
    r"^\s*(?:(?:more|others?|other people|people|civilians|persons|men|women|children|more people)"
    r"\s+){0,2}(?:(?:were|are|was|is|remain(?:ed|s)?|still|have been|has been|had been|"
    r"reportedly|also|later)\s+){0,2}(?P<w>injured|wounded|hurt|dead|killed|missing|detained|"
    r"arrested|displaced|abducted|kidnapped|disappeared|treated)\b", re.I)
_IMMEDIATE_WHAT = {"injured": "injured", "wounded": "injured", "hurt": "injured",
                   "dead": "killed", "killed": "killed", "missing": "missing",
                   "disappeared": "missing", "detained": "detained", "arrested": "detained",
                   "abducted": "missing", "kidnapped": "missing", "displaced": "displaced",
                   "treated": "injured"}
# "two of them critically", "four of whom were children": a part of the count before it
PARTITIVE_AFTER = _rx(r"^\s+of\s+(?:them|whom|which)\b|^\s*(?:منهم|من بينهم)(?:\s|$)", re.I)
# "all but nine had since been released": those not released are still held
ALL_BUT_BEFORE = _rx(r"\ball but\s*$|(?:باستثناء|عدا|ما عدا|سوى)\s*$", re.I)
# "lost five members of his family", "فقدت خمسة من أفرادها": "lost" needs a relative after it
_LOST_VERB = _rx(r"^(?:lost|فقدت|فقدنا)$", re.I)
_LOST_WHOM = _rx(r"^\s*(?:[\w-]+\s+)?(?:of\s+(?:his|her|their|its|our|my)\b|members|relatives|sons|"
                 r"daughters|children|brothers|sisters|cousins|family|loved ones)\b|"
                 r"^\s*(?:من\s+)?(?:افراد|ابناء|اقارب|اطفال|اشقاء|اخوت|اولاد)", re.I)
# "Two other former detainees described ...": people who were held and now speak; not a count
# of detentions
_FORMER_HELD = _rx(r"^\s*(?:other\s+)?(?:former|ex-|released)\s*(?:detainees|prisoners|"
                   r"captives|hostages)\b", re.I)
# people counted as those who speak or are spoken to, not as victims: "spoke to three
# witnesses, including a nurse who treated the wounded"
_SPEAKER_NOUNS = _rx(r"^\s*(?:other\s+|more\s+)?(?P<n>witnesses|eyewitnesses|interviewees|"
                     r"sources|experts|investigators|researchers|monitors|observers|defectors|"
                     r"lawyers|diplomats|analysts)\b", re.I)
# suspects named or identified are no victims ("identified 298 suspects")
_SUSPECTS = _rx(r"^\s*(?:of\s+the\s+|other\s+)?(?:suspects|suspected perpetrators|perpetrators|"
                r"culprits)\b|^\s*(?:من\s+)?(?:ال)?(?:مشتبه|متهمين|متهم|متورطين|مطلوبين|مطلوبا|"
                r"جناة|الجناة)|"
                # "seven people accused of kidnapping", "three men suspected of the killings"
                r"^\s*(?:[\w-]+\s+)?(?:people|men|persons|individuals|youths|members)\s+"
                r"(?:accused|suspected)\s+of\b", re.I)
_AR_PEOPLE_SUSPECTED = _rx(r"^\s*(?:اشخاص|أشخاص|شبان|رجال|عناصر|افراد|أفراد)\s+(?:مشتبه|متهمين|"
                           r"متورطين|مطلوبين)")
_FRACTION_AFTER = _rx(r"^[\s-]*(?:thirds?|quarters?|fifths?|tenths?|halves)\b", re.I)
_RATIO_AFTER = _rx(r"^\s+(?:in|out of)\s+(?:every\s+)?(?:\d+|two|three|four|five|six|seven|eight|"
                   r"nine|ten)\b", re.I)
# "In one case, ...": the case is no figure
_ONE_CASE = _rx(r"^\s*(?:case|instance|incident|example|such case)\b", re.I)
# "2. Removal of unexploded ordnance ...": the item number of a list
_LIST_ITEM_AFTER = re.compile(r"[.)](?:\s|$)")
# "held in a cell with approximately 70 other men"
HELD_WITH_BEFORE = _rx(r"\b(?:held|detained|imprisoned|jailed|locked up|crammed|cell|dormitory|"
                       r"basement)\b[^.;]{0,60}?"
                       r"\bwith\s*$|(?:احتجز\S*|اعتقل\S*|سجن\S*|زنزان\S*)[^.;،]{0,50}?\sمع\s*$",
                       re.I)
_HELD_PEOPLE_AFTER = _rx(r"^\s*(?:other\s+|more\s+)?(?:[\w-]+\s+)?(?:men|women|people|detainees|"
                         r"prisoners|inmates|boys|persons|others)\b|^\s*(?:\S+\s+)?(?:اخرين|"
                         r"معتقل\S*|سجين\S*|شخص\S*|رجل\S*)", re.I)
_ASIDE = _plain(r"[,\u060c]\s*(?:most|many|some|all|half|the majority|mostly|mainly|among them|"
                r"including|nearly all|almost all)\b[^,\u060c.;:]{0,80}[,\u060c]", re.I)
# nouns for people held: what happened to them may follow ("12 detainees died")
_STATUS_NOUN = _rx(r"(?:detainees|prisoners|hostages|captives|abductees|" + _A(
    r"معتقل\w*|محتجز\w*|اسرى|رهائن|مختطف\w*") + r")", re.I)
# "Only 4 of the 30 abducted men have been released": those released are not counted
_OF_THE_RELEASED = _rx(r"^\s+of\s+(?:the|those|these)\s+[^.;,]{0,50}?\b(?:released|freed)\b",
                       re.I)
_AR_OUT_BEFORE = re.compile(r"(?:^|\s)و?(?:خرج|خروج)\s*$")
_AR_HELD_AFTER = re.compile(r"\s*(?:معتقل|سجين|موقوف|محتجز|اسير)")
_RELEASED_PARTICIPLE = _rx(r"^\s*(?:(?!(?:and|or|but|while|then)\b)[\w-]+\s+){0,2}?"
                           r"(?:were|was|have been|had been|have|had)?\s*"
                           r"(?:(?:later|since|all|also)\s+)?(?:been\s+)?(?:released|freed|set free|"
                           r"walked free)\b|"
                           r"^\s*(?:\S+\s+)?(?:افرج عنهم|اطلق سراحهم)", re.I)
# "3 of the 25 abducted farmers have been freed": the 25 is the whole, not those freed
_OF_THE_BEFORE = _rx(r"\bof\s+(?:the|those|these)\s*$", re.I)
_SENTENCED = _rx(r"\b(?:sentenced|sentencing|condemned)\b[^.;]{0,30}$|حكم\S* ب?الاعدام", re.I)
_TO_DEATH = _rx(r"^\s*(?:[\w-]+\s+){0,2}?to death\b", re.I)
# where a clause ends, for "14 of them are still missing, while the rest were released"
_CLAUSE_CUT = re.compile(r"[.;:,\u060c\u061b]|\s(?:while|whereas|but|فيما|بينما|في حين)\s")
_AT_END = _rx(r"\s(?:at|to)\s*$", re.I)
# a family's size in a biography: "He is married with three children", "a father of four"
_PARENT_OF_BEFORE = re.compile(r"\b(?:married\s+with|(?:father|mother|parent)\s+of)\s*$|"
                               r"(?:^|\s)(?:اب|ام|والد|والده)\s+ل$")
_INTERVIEW_WORDS = re.compile("interview|spoke|speaking|surveyed|consulted|met with")
_AR_REACHED_WORDS = re.compile("بلغ|وصل|ارتفع|تجاوز")
# people interviewed are counted as what they are: "interviewed 38 people"
_INTERVIEWED_BEFORE = _rx(r"\b(?:interviewed|interviewing|spoke to|spoke with|speaking to|"
                          r"surveyed|consulted|met with)\s*$", re.I)
_PEOPLE_AFTER = _rx(r"^\s*(?:[a-z-]+\s+)?([a-z]{3,}s|people|men|women|children)\b", re.I)
# Arabic puts the verb first: "بلغ عدد النازحين في المخيمات أكثر من مليون"
_AR_REACHED = _rx(r"(?:^|\s)[وف]?(?:بلغ|بلغت|وصل|وصلت|ارتفع|ارتفعت|تجاوز|تجاوزت|يبلغ|تبلغ)\s+"
                  r"(?:عدد|حصيل)[^.\u060c\u061b]{0,90}$")
# "عدد المعتقلين ... تجاوز ١٢٠ شخصاً": the verb "exceeded" is the number's own qualifier (more
# than), and still the verb that completes the count named before it
_AR_EXCEEDS_QUAL = re.compile(r"(?:تجاوز|تجاوزت|يتجاوز|تتجاوز|يفوق)\s")
# the people harmed named as a group, of whom a part is counted ("the wounded ..., two of them")
_WHOLE_NOUN = _rx(
    r"\b(?:the|those)\s+(?:(?P<killed>dead|killed|victims)|(?P<injured>wounded|injured|casualties)|"
    r"(?P<detained>detainees|detained|arrested|prisoners)|(?P<missing>missing|abducted|"
    r"kidnapped|disappeared)|(?P<displaced>displaced))\b|" + _A(
        r"(?:^|\s)و?(?:ال(?P<killed_ar>قتلى|ضحايا|شهداء)|ال(?P<injured_ar>مصاب\S*|جرحى|جريح\S*)|"
        r"ال(?P<detained_ar>معتقل\S*|محتجز\S*|موقوف\S*)|ال(?P<missing_ar>مختطف\S*|مفقود\S*|"
        r"مخفي\S*)|ال(?P<displaced_ar>نازح\S*|مهجر\S*))"), re.I)
# a sentence that opens on the group its numbers are parts of
_GROUP_HEAD = re.compile(r"\W*(?:(?:the|those)\s+(?P<n>victims|dead|killed|wounded|injured|detainees|"
                         r"detained|abducted|missing|displaced)\s+(?:included|include|were|are)\s*|"
                         r"(?:of|among)\s+(?:the|those)\s+(?P<n2>[^,\u060c.;:]{1,50})[,\u060c]\s*|"
                         # an aside on a head whose fate is told: "The victims, among them seven
                         # women, had been detained ...": the women are of the victims
                         r"(?:the|those)\s+(?P<n3>victims|dead|killed|wounded|injured|missing)\s*"
                         r"[,\u060c]\s*(?:among them|including|of whom|among whom)\s+|" +
                         _A(r"(?:[وف]?(?:كان|كانت)\s+)?[وف]?ال(?P<n4>ضحايا|قتلى|جرحى|مصابون|مصابين|"
                            r"مفقودون|مفقودين)\s*[،,]\s*(?:ومن بينهم|من بينهم|بينهم|ومنهم|منهم)\s+") +
                         r")$", re.I)
# "the number of X ... has risen to N": X says what is counted
_NUMBER_OF = _rx(r"\bnumber of\b|(?:^|\s)عدد\s", re.I)
# "Sweida 24", "Mezzeh 86", "Orient 24 network": a number inside a name
NAME_NUMBER_BEFORE = re.compile(r"(?<![.!?]\s)(?<!^)\b[A-Z][\w'-]+\s*$")
NAME_NUMBER_AFTER = re.compile(r"\s*(?:[A-Z]\w|network|news|channel|tv\b|radio|page|website|"
                               r"agency|area|neighbou?rhood|district|camp\b)")
SUBSET_BEFORE = _rx(r"(?:including|among them|of whom|of them|of which|بينهم|منهم|من بينهم|"
                    r"بينها|منها|من بينها)\s*$",
                           re.I)
_TIME_BEFORE = re.compile(r"\d[:/]$")
# "22:11", a thread's "4/6", and a thread's "4/ " at the start of a post
_TIME_AFTER = re.compile(r"[:/]\d|/(?:\s|$)")
# "a cell of about 4 by 5 metres": the first side of a size
_SIZE_AFTER = re.compile(r"\s*(?:x|by|×|في)\s*\d+(?:\.\d+)?\s*(?:m|metres|meters|cm|km|متر|م)\b",
                         re.I)
# "According to two residents we interviewed": the sources, not a count of victims
_ACCORDING_TO_BEFORE = _rx(r"\baccording to\s*$|(?:^|\s)(?:بحسب|وفق|حسب|وفقا ل)\s*$", re.I)
_COMMA_AFTER = re.compile(r"\s*,")
_ABBREV_DOT = re.compile(r"\b(incl|approx|esp|est)\.")


def _no_abbreviation_dots(text: str) -> str:
    """The text with "incl." written "incl " (abbreviations do not end a clause); the pattern is
    tried only where one of its abbreviations occurs."""
    if "." in text and ("incl." in text or "approx." in text or "esp." in text or "est." in text):
        return _ABBREV_DOT.sub(r"\1 ", text)
    return text


APPOSITIVE_AGE = re.compile(r"\b[A-Z][\w'-]+(?:\s+[A-Z][\w'-]+)*\s*,\s*$")
TOLL_RISEN_BEFORE = _rx(r"(?:\b(?:risen|rose|climbed|reached|jumped|increased|grown|stands|stood)"
                        r"(?:\s+(?:to|at))?|الى|إلى|(?<!\S)(?:بلغ|بلغت|يبلغ|تبلغ|تجاوز|تجاوزت)"
                        r"(?:\s+(?:نحو|حوالي))?)\s*$", re.I)
COUNTED_NOUN_AFTER = _rx(
    r"^\s*(?:[a-z-]+\s+)??(?P<n>interviews|testimonies|videos|photos|photographs|images|reports|"
    r"statements|documents|incidents|attacks|strikes|airstrikes|air\s+strikes|raids|shells|"
    r"rockets|missiles|barrel\s+bombs|bombs|mortars|sites|locations|communities|checkpoints|massacres|"
    r"facilities|hospitals|schools|clinics|bakeries|mosques|churches|markets|"
    # operations and seized goods: "45 incursions", "seized 4.7mn pills" (no people, whatever
    # the verb before)
    r"incursions|pills|tablets|capsules)\b", re.I)
CASES_OF_AFTER = _rx(
    r"^\s*(?:documented\s+|recorded\s+|new\s+)?(?:cases|instances|incidents)\s+of\s+"
    r"(?:arbitrary\s+|enforced\s+|extrajudicial\s+|forced\s+)?(?P<w>arrest|detention|abduction|"
    r"kidnapping|disappearance|killing|execution|death|displacement)", re.I)
_CASES_WHAT = {"arres": "detained", "deten": "detained", "abduc": "missing", "kidna": "missing",
               "disap": "missing", "killi": "killed", "execu": "killed", "death": "killed",
               "displ": "displaced"}
AMONG_BEFORE = _rx(r"(?:\bamong|(?:^|\s)و?(?:من بين|بين))\s+(?:the\s+)?(?P<n>\S+)\s*,?\s*"
                   r"(?:were\s+|are\s+)?$", re.I)


def _among_what(noun: str) -> str | None:
    if noun.startswith("ال"):
        noun = noun[2:]
    for what, pat in CASUALTY_AFTER:
        if pat.fullmatch(noun):
            return what
    return None


_MONTH_BEFORE = re.compile(r"\b(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec)[a-z]*\.?\s*$")
# "They included 84 militants, 45 guards and seven civilians": the sentence breaks down the
# count of the sentence before
INCLUDED_START = _rx(
    r"^\W*(?:(?:they|these|those\s+(?:killed|wounded|injured|detained|arrested)|the\s+(?:dead|"
    r"victims|casualties|wounded|detainees|toll))\s+(?:included|include|includes|were|are)\b|"
    r"(?:among\s+(?:them|the\s+dead|the\s+victims)|of\s+(?:them|these))\b)|^\W*(?:و?من\s+بينهم|"
    r"و?بينهم)(?:\s|$)", re.I)
# what turns a detention into a disappearance in the report's own words
NEVER_SEEN_AGAIN = _rx(
    r"\bnever (?:saw|seen|heard from|heard of|heard about) (?:them|him|her|any of them)\b|"
    r"\b(?:whereabouts|fate) (?:remains?|is|are|still) unknown\b|\bno news of (?:them|him|her)\b|"
    r"\bhave not been seen since\b|لم نرهم|لم نره|انقطعت اخبارهم|مصيرهم مجهول|لا يزال مصيرهم|"
    # nobody knows where they are held: "did not know where their sons were being held",
    # "لا يعرف ذووهم مكان احتجازهم", dialect "ما حدا بيعرف عنن شي"
    r"\b(?:(?:do|does|did)\s+not|don't|doesn't|didn't)\s+know\s+where\s+(?:(?:\S+\s+){0,3}?"
    r"(?:is|are|was|were)\s+(?:being\s+)?(?:held|detained|kept|imprisoned|taken)|"
    r"(?:they|he|she)\s+(?:is|are)\b)|"
    r"\bno (?:information|word|news) (?:on|about|of) (?:their|his|her) (?:whereabouts|fate)\b|"
    r"(?:^|\s)(?:لا|ولا|لم)\s+(?:يعرف|يعرفون|نعرف|يعلم|يعلمون|نعلم|تعرف)\w*\s+(?:\S+\s+)?"
    r"(?:مكان|مصير|اين|شيئا عن)|"
    r"(?:^|\s)ما\s+(?:حدا|حدن|حد)\s+(?:بيعرف|يعرف|عارف)|(?:^|\s)ما\s+(?:منعرف|بنعرف)\s+(?:وين|عن)|"
    # dialect "and they never came back"
    r"(?:^|\s)و?(?:ما رجعوا|ما رجعو|لم يعودوا|لم يعد)(?!\w)", re.I)
# "took four shepherds hostage": taken by armed men as hostages (the guide: kidnapped people are
# missing); the word must follow the figure it counts
HOSTAGE_AFTER = _rx(r"[^.;:!?]{0,40}?\bhostages?\b", re.I)
# a letter code glued to the number by a hyphen: "P-0417", "SY-2231"
_CODE_BEFORE = re.compile(r"\b[A-Z]{1,4}-$")
# a year ("a 2019 bombing")
_YEAR = re.compile(r"(?:19|20)\d\d")
CLAUSE_END = _plain(r"[.;:!?\u061f]|\s(?:while|whereas|but|after|before|as)\s", re.I)


# "killing 7 soldiers and 4 rebels", "مقتل ٧ عناصر من قوات النظام و٤ من الفصائل": the second
# count shares the verb of the first (one count, a few words, "and" / "و", nothing else)
_COORDINATED = _rx(r"^\s+(?:\d[\d,]*|one|two|three|four|five|six|seven|eight|nine|ten|eleven|"
                   r"twelve|twenty|thirty|forty|fifty|hundred|dozens|hundreds|" + _AR_NUMWORD + r")\s+"
                   r"(?:(?!and\b|or\b|while\b|but\b)[^\s\d.;:!?,\u060c]+\s+){1,5}?(?:and\s+|و)$",
                   re.I)


# the same, seen from the second count when the first has its kind already: the words between
# them ("عناصر من قوات النظام و")
COORDINATED_NEXT = _rx(r"\s*(?:(?!and\b|or\b|while\b|but\b)[^\s\d.;:!?,\u060c]+\s+){1,6}?"
                       r"(?:and\s+|و)", re.I)


def _verb_before(before: str, after: str) -> str | None:
    """What the verb nearest before the number did to those counted, if the number is its
    object ("killing six and injuring around 20": 20 injured)."""
    nearest: tuple[int, str] | None = None
    for what, pat in CASUALTY_BEFORE:
        m = pat.search(before)
        if m and (nearest is None or m.start() > nearest[0]):
            verb = m.group(0).strip().split()[0] if m.group(0).strip() else ""
            # "killed 9 members of one family": the verb belongs to the first number
            verb_end = m.start() + len(m.group(0).rstrip().split()[0]) if verb else m.start()
            between = before[verb_end:]
            if (_NUMBER_WORD.search(between) or re.search(r",\s*(?:and|و)\s", between)) and \
                    not _COORDINATED.match(between):
                continue
            if _COORDINATED.match(between) and after.split()[:1] and \
                    _casualty_after(after.split()[0]) not in (None, what):
                continue  # "استشهد ثلاثة مدنيين واثنين جرحى": the second has its own noun
            if _LOST_VERB.match(verb) and not _LOST_WHOM.match(after):
                continue  # "lost 3 villages": not people
            nearest = (m.start(), what)
    return nearest[1] if nearest is not None else None


def _casualty_after(window: str) -> str | None:
    """The first casualty word in a window of text."""
    best: tuple[int, str] | None = None
    for what, pat in CASUALTY_AFTER:
        m = pat.search(window)
        if m and (best is None or m.start() < best[0]):
            best = (m.start(), what)
    return best[1] if best is not None else None


def casualty_word(text: str) -> str | None:
    """What a sentence counts by its first casualty word ("how many people died": killed)."""
    return _casualty_after(text)


def _casualty_noun_before(head: str) -> tuple[str, int] | None:
    """The last noun of people harmed before the number in its sentence, and where it ends
    ("the wounded were taken to hospital, and two of them are in critical condition")."""
    found = list(_WHOLE_NOUN.finditer(head))
    if not found or found[-1].lastgroup is None:
        return None
    return found[-1].lastgroup.removesuffix("_ar"), found[-1].end()


def _ar_keys(word: str) -> tuple[str, ...]:
    """An Arabic word without its conjunction and article: "ومنشاه" -> "منشاه"."""
    w = word[1:] if word.startswith("و") else word
    return (word, w, w[2:]) if w.startswith("ال") else (word, w)


# A number word written with a capital inside a sentence and followed by a capitalised name
# whose head is that of a name ("Four Towns Agreement", "Eighth Brigade", "Seven Sisters
# Committee"): part of the name, not a count.
_TITLE_NAME_AFTER = _rx(r"\s+(?:[A-Z][a-z]+\s+){0,2}(?:Agreement|Accords?|Brigade|Division|"
                        r"Regiment|Battalion|Corps|Army|Legion|Front|Group|Committee|Council|"
                        r"Party|Plan|Points|Towns|Villages|Principles|Conference|Talks)\b")


# the first word of an Arabic ordinal teen ("الثالث عشر", "الحادية عشرة"): an ordinal, no count
_AR_ORDINAL_BEFORE = re.compile(_A(r"(?:^|\s)[وف]?ال(?:حادي|ثاني|ثالث|رابع|خامس|سادس|سابع|ثامن|"
                                    r"تاسع)[هة]?\s*$"))


# A field line of a record or a key-figures list, its number at the line's end: "Health workers
# killed: 9", "- Ambulances affected: 8", "Civilians reported injured: 6+". (Not "Casualties: 3
# killed, 7 injured": words follow the number, which say what it counts.)
_FIELD_LABEL = re.compile(r"[ \t]*(?:[-*\u2022][ \t]*)?(?P<label>[^\W\d][^:\n\d]{1,70}?)[ \t]*:[ \t]*")
_FIELD_END = re.compile(r"[ \t]*\+?[ \t]*(?:\n|$)")
# an age told in apposition ("her son, then 13,", "his brother, now 30,") or as the state of a
# person when something happened ("he was 26 when he died"): no count of anything
_AGE_THEN_BEFORE = _rx(r"(?:[,(]\s*(?:then|now|aged|only|just)(?:\s+(?:only|just|barely))?|"
                       r"\b(?:he|she|I)\s+was\s+(?:only\s+|just\s+|barely\s+)?)\s*$", re.I)
_AGE_THEN_AFTER = _rx(r"\s*(?:[,)]|\.(?:\s|$)|\s+(?:when|at\s+the\s+time)\b)", re.I)


def classify(norm: str, start: int, end: int, sent_start: int, sent_end: int
             ) -> tuple[str, str, str]:
    """Return (group, what, rule): group is 'casualty', 'other' or '' (not a reportable figure)."""
    line_start = norm.rfind("\n", 0, start) + 1
    if 2 < start - line_start <= 80 and _FIELD_END.match(norm, end):
        field = _FIELD_LABEL.fullmatch(norm, line_start, start)
        if field is not None:
            # the number read as if its label followed it ("9 Health workers killed."): the
            # label alone says what the field counts, not the lines before or after it
            text = norm[start:end]
            label = f"{text} {field.group('label')}."
            group, what, rule = classify(label, 0, len(text), 0, len(label))
            if group:
                return group, what, "field:" + rule
    after = norm[end:min(sent_end, end + 90)]
    before = norm[max(sent_start, start - 70):start]
    if AGE_OR_TIME.match(after) or (AGE_BEFORE.search(before) and not TOLL_AT.search(before) and
                                    not (_AT_END.search(before) and
                                         _NUMBER_OF.search(norm[sent_start:start]))):
        return "", "", "skip:age_or_time"
    # (each pair of tests: the anchored one after the number first, cheaper and rarely true)
    if _AGE_THEN_AFTER.match(after) and _AGE_THEN_BEFORE.search(before):
        return "", "", "skip:age_or_time"  # "took her son, then 13, to", "he was 26 when he died"
    if (before.endswith((":", "/", ":\n", "/\n")) and _TIME_BEFORE.search(before)) or \
            _TIME_AFTER.match(after):
        return "", "", "skip:time_or_counter"  # "22:11", a thread's "4/6"
    if _SIZE_AFTER.match(after):
        return "", "", "skip:size"
    # (a pattern ending in "\s*$" is tried only where the text ends with one of its last words)
    tail = before.rstrip()
    if (tail[-2:].lower() == "to" or tail.endswith(("حسب", "وفق", "وفقا ل"))) and \
            _ACCORDING_TO_BEFORE.search(before):
        return "", "", "skip:sources"
    if tail.endswith("-") and _CODE_BEFORE.search(before):
        return "", "", "skip:identifier"  # "witness P-0417", "case SY-2231": a label
    if _COMMA_AFTER.match(after) and APPOSITIVE_AGE.search(before):
        return "", "", "skip:age_or_time"  # "Nadia Kheder, 38, said"
    text = norm[start:end]
    if _LIST_ITEM_AFTER.match(after) and not norm[max(0, start - 8):start].strip(" \t-*•") \
            .rpartition("\n")[2] and re.fullmatch(r"\d{1,2}", text):
        return "", "", "skip:list_item"  # "2. Removal of ...": an item number
    if NAME_NUMBER_AFTER.match(after) and NAME_NUMBER_BEFORE.search(before) and \
            not _MONTH_BEFORE.search(before) and not before.rstrip().endswith(("'s", "’s")):
        return "", "", "skip:name"
    if _TITLE_NAME_AFTER.match(after) and re.fullmatch(r"[A-Z][a-z]+", text) and \
            re.search(r"[a-z,;]\s+$", before):
        return "", "", "skip:name"  # "the so-called Four Towns Agreement", "the Eighth Brigade"
    if _YEAR.fullmatch(text) and not re.match(
            r"\s+(?:people|civilians|persons|men|women|children|families|bodies)\b", after):
        return "", "", "skip:year"  # "a 2019 bombing": a year, not a count
    if text in ("عشر", "عشره", "عشرة") and _AR_ORDINAL_BEFORE.search(before):
        return "", "", "skip:ordinal"  # "تقريرها السنوي الثالث عشر": the thirteenth, no count
    if text in DUAL_UNITS:
        return "other", DUAL_UNITS[text], f"other:{DUAL_UNITS[text]}:dual"
    if text in ("واحد", "واحده"):
        # after its noun "one" is an adjective: "منشأة طبية واحدة" counts a building, "من عائلة
        # واحدة" (of one family) counts nothing
        noun = next((k for w in before.split()[-2:] for k in _ar_keys(w) if k in _AR_COUNTED),
                    None)
        if noun is not None and _AR_COUNTED[noun] == "buildings":
            return "other", "buildings", "other:buildings:one"
        return "", "", "skip:one"
    if text.lower() == "one" and re.search(r"\b(?:no|any)\s*$", before, re.I):
        return "", "", "skip:no_one"  # "No one was killed or injured", "at any one time"
    if _ENGAGEMENT_AFTER.match(after) and ("·" in before or "|" in before or "\n" in before
                                           or "·" in after[:40] or not before.strip()
                                           or before.rstrip().endswith(("·", "•", "|", ","))):
        return "", "", "skip:post_counter"
    if _SPEAKING_SUBJECT.match(after) and not _verb_before(before, after):
        return "", "", "skip:speakers"
    if (tail.endswith(_MONEY_ENDS) and MONEY_BEFORE.search(before)) or \
            ("$" in text or "€" in text or "£" in text):
        return "other", "money", "other:currency_sign"  # also "between $5,000 and $20,000"
    if after[:3].lstrip().startswith(("%", "٪")):
        return "other", "percent", "other:percent_sign"  # "بنسبة تقارب ٢٤٪ من حصيلة الضحايا"
    al = after[:70].lower()
    families = OTHER_UNITS_BY_NAME["families"].match(after) if _FAMILY_WORDS.search(al) \
        else None
    if families:
        if text.lower() in ("one", "a", "an"):
            return "", "", "skip:one"  # "members of one family"
        return "other", "families", "other:families"
    if POPULATION_BEFORE.search(before) and not (
            _may_count_a_thing(after) and OTHER_UNITS_BY_NAME["distance"].match(after)):
        # (but "the only hospital for 30 kilometres": a distance)
        counted_thing = PLURAL_NOUN_AFTER.match(after)
        if counted_thing and counted_thing.group(1) not in PEOPLE_NOUNS and \
                counted_thing.group(1) not in _PEOPLE_PLURALS:
            # "home to some 18 million olive trees": the noun after the number says what is
            # counted; the cue before it only guessed people
            return "other", counted_thing.group(1), "other:plural_noun"
        return "other", "population", "other:population_context"
    if _RESIDENTS_AFTER.match(after) and _HAD_BEFORE.search(before):
        # "Maarat al-Numan, which had around 100,000 residents before the war", "a town with
        # some 20,000 inhabitants": the people who live there
        return "other", "population", "other:population_had"
    # (plain substring tests first: these patterns rarely apply, and each search costs)
    bl = before.lower()
    if (("relea" in bl or "free" in bl or not before.isascii()) and
            RELEASED_BEFORE.search(before)) or (tail.endswith(("خرج", "خروج")) and
                                                 _AR_OUT_BEFORE.search(before) and
                                                 _AR_HELD_AFTER.match(after)):
        return "", "", "skip:released"  # "خرج ٢٠٠ معتقل بموجب مرسوم العفو": released
    if ("but" in bl or "عدا" in bl or "سوى" in bl or "باستثناء" in bl) and \
            ALL_BUT_BEFORE.search(before) and RELEASED_AFTER.search(after[:60]):
        # "all but nine had since been released": nine are still held
        return "casualty", "detained", "casualty:detained:all_but_released"
    if _RELEASE_WORDS.search(al) and (_OF_THE_RELEASED.match(after) or (
            _RELEASED_PARTICIPLE.match(after) and
                                         not _OF_THE_BEFORE.search(before))):
        return "", "", "skip:released"  # "5,000 detainees were released under the amnesty"
    if ("sentenc" in bl or "condemn" in bl or "حكم" in bl) and _SENTENCED.search(before) and \
            _TO_DEATH.match(after):
        return "", "", "skip:sentenced"  # "sentenced 12 people to death": no killing (yet)
    if PARTITIVE_AFTER.match(after):
        if RELEASED_AFTER.search(_CLAUSE_CUT.split(after[:60], 1)[0]):
            return "", "", "skip:released"  # "12 of them were later released"
        # "the fate of 14 of them remains unknown", "355 of whom died"; otherwise a part of
        # the count before ("wounding 21, two of them critically"), resolved by the caller
        verb = _verb_before(before, after)
        if verb is not None:
            return "casualty", verb, f"casualty:{verb}:partitive_verb_before"
        cut = CLAUSE_END.search(after)
        own = _casualty_after(" ".join((after[:cut.start()] if cut else after).split()[:8]))
        if own is not None:
            return "casualty", own, f"casualty:{own}:partitive_word_after"
        head = norm[sent_start:start]
        whole = _casualty_noun_before(head)
        if whole is not None and not _NUMBER_WORD.search(head[whole[1]:]):
            # "the wounded were taken to Idlib, and three of them are in critical condition"
            return "casualty", whole[0], f"casualty:{whole[0]}:partitive_of_noun"
        return "", "", "skip:partitive"
    # a dual is its own noun ("قتلوا زلمتين وسرقوا السيارة"): what follows it is not counted
    people_dual = text in DUAL_WORDS
    if people_dual and text.startswith(("شهيد", "قتيل", "جريح")):
        # the dual is its own casualty noun ("في شهيدين واكتر من عشر جرحى")
        own = "injured" if text.startswith("جريح") else "killed"
        return "casualty", own, f"casualty:{own}:dual_noun"
    # "About 30 sheep were also killed in the blast": animals are no casualties (the guide
    # counts people only), whatever the verb
    animals = _ANIMALS_AFTER.match(after) if after.lstrip()[:1] < "\u0600" else None
    if animals:
        noun = animals.group("n").lower()
        return "other", noun, f"other:{noun}:animals"
    # "seized 20 cars", "detained for 3 days": things and durations, whatever the verb (one
    # combined pattern first: most numbers count no thing)
    if not people_dual and _may_count_a_thing(after):
        for unit, pat in OTHER_UNITS:
            um = pat.match(after) if unit in _THING_UNITS else None
            # (the percent unit's own "في" of "في المئة" is no gap between number and noun)
            if um and (unit == "percent" or not _UNIT_GAP_WORDS.intersection(
                    w.lower() for w in um.group(0).split()[:-1])):
                if unit == "duration":
                    return "", "", "skip:duration"
                if unit == "places" and _LOCATIVE_PLACES_BEFORE.search(before):
                    return "", "", "skip:places_located"
                return "other", unit, f"other:{unit}"
    if _FRACTION_AFTER.match(after) or (text.lower() in ("one", "1", "a") and
                                        _RATIO_AFTER.match(after)):
        return "", "", "skip:fraction"  # "two thirds of the victims", "one in five children"
    if text.lower() == "one" and _ONE_CASE.match(after):
        return "", "", "skip:one"  # "In one case, a journalist ..."
    if ("former" in al or "ex-" in al or "releas" in al) and _FORMER_HELD.match(after):
        return "", "", "skip:former_detainees"
    counted = COUNTED_NOUN_AFTER.match(after)
    if counted:
        # "11 interviews", "7 airstrikes", "9 medical facilities": counts of things
        # ("49 air strikes" counts strikes, as the annotation writes them)
        noun = re.sub(r"^air\s+(?=strikes?$)", "", counted.group("n").lower())
        unit = "buildings" if re.match(r"facilit|hospital|school|clinic|baker|mosque|church|"
                                       r"market", noun) else \
            "places" if re.match(r"sites|locations|communities", noun) else noun
        return "other", unit, f"other:{unit}"
    first = after.lstrip()[:1]
    ar_noun = _AR_COUNTED_AFTER.match(after) if "\u0600" <= first <= "\u06ff" else None
    if ar_noun:
        # "١٢٠ شكوى", "٣ مدارس", "أكثر من ٥٠٠ شجرة": counts of things; the accusative of a
        # count from 11 up ends in alef ("٣٠ برميلاً", "٦٠ هجوماً")
        word = ar_noun.group(1)
        piece = _AR_PIECE.match(after) if word.startswith("قطع") else None
        if piece:
            word = piece.group(1)
        key = word if word in _AR_COUNTED else word[:-1] if word.endswith("ا") and \
            word[:-1] in _AR_COUNTED else None
        if key is not None:
            unit = _AR_COUNTED[key]
            return "other", unit, f"other:{unit}"
    if bl.rstrip().endswith(("with", "of", "ل")) and _PARENT_OF_BEFORE.search(bl):
        return "other", "children", "other:children"  # "married with three children"
    interviewed = _PEOPLE_AFTER.match(after) if _INTERVIEW_WORDS.search(bl) and \
        _INTERVIEWED_BEFORE.search(before) else None
    if interviewed:
        noun = interviewed.group(1).lower()
        return "other", noun, f"other:{noun}:interviewed"
    if _SUSPECT_WORDS.search(al) and (_SUSPECTS.match(after) or _AR_PEOPLE_SUSPECTED.match(after)):
        # "identified 298 suspects", "arrested four suspects", "ثلاثة أشخاص متهمين": suspects
        # of a crime are no victims, and their arrest is no violation (violations.yaml)
        return "other", "suspects", "other:suspects"
    speakers = _SPEAKER_NOUNS.match(after)
    if speakers and not IMMEDIATE_AFTER.match(after):
        noun = speakers.group("n").lower()
        return "other", noun, f"other:{noun}"  # "spoke to three witnesses"
    cases = CASES_OF_AFTER.match(after)
    if cases:
        what = _CASES_WHAT[cases.group("w").lower()[:5]]
        return "casualty", what, f"casualty:{what}:cases_of"
    among = AMONG_BEFORE.search(before) if "among" in bl or "بين" in before else None
    if among:
        # "among the detainees, six refugees", "ومن بين المعتقلين ستة"
        among_what = _among_what(among.group("n"))
        if among_what:
            return "casualty", among_what, f"casualty:{among_what}:among"
    if start - sent_start < 80:
        head_part = _GROUP_HEAD.match(norm, sent_start, start)
        # "The victims included 12 men, ...", "Of the 19 killed, 11 were civilians"
        group_what = _casualty_after(head_part.group("n") or head_part.group("n2") or
                                     head_part.group("n3") or head_part.group("n4")) \
            if head_part else None
        if group_what is not None:
            return "casualty", group_what, f"casualty:{group_what}:part_of_group"
    imm = IMMEDIATE_AFTER.match(after)
    if imm:
        what = _IMMEDIATE_WHAT[imm.group("w").lower()]
        return "casualty", what, f"casualty:{what}:participle_after"
    # "Two people were killed and five members of staff were wounded": a number with a passive
    # of its own after its noun is that verb's, not the one before it
    own_passive = _OWN_PASSIVE_AFTER.match(after) if " " in after[:60] else None
    if own_passive is not None and not _NUMBER_WORD.search(
            own_passive.group(0)[:own_passive.start("w") - own_passive.start()]):
        what_own = _casualty_after(own_passive.group("w"))
        if what_own is not None:
            return "casualty", what_own, f"casualty:{what_own}:own_passive_after"
    # The verb nearest the number wins: "killing six and injuring around 20" -> 20 injured.
    verb = _verb_before(before, after)
    if verb is not None:
        return "casualty", verb, f"casualty:{verb}:verb_before"
    if ("with" in bl or "مع" in bl) and HELD_WITH_BEFORE.search(before) and \
            _HELD_PEOPLE_AFTER.match(after):
        return "casualty", "detained", "casualty:detained:held_with"
    head = norm[sent_start:start]
    # "put the number of X at N", Arabic "قدرت عدد النازحين بأكثر من ..." (ب glued to it)
    at_end = bl.rstrip().endswith((" at", " to")) or before.endswith("ب")
    if TOLL_RISEN_BEFORE.search(before) or _AR_EXCEEDS_QUAL.match(norm, start, end) or (
            _AR_REACHED_WORDS.search(head) and
                                            _AR_REACHED.search(head[-140:])) or (
            at_end and _NUMBER_OF.search(head)):
        # also "put the number of civilians and disarmed fighters killed by ... at 1,084"
        if re.search(r"\btoll\b|حصيل", head, re.I):
            # "the death toll in Deir Ezzor since the clashes began has risen to 96"
            return "casualty", "killed", "casualty:killed:toll_risen"
        counted_of = _NUMBER_OF.search(head)
        if counted_of:
            # "ارتفاع عدد المدنيين الذين جرى إعدامهم ... إلى ٦٢", "the number of displaced has
            # risen to 128,000"
            what_of = _casualty_after(head[counted_of.end():])
            if what_of is not None:
                return "casualty", what_of, f"casualty:{what_of}:number_risen"
    # abbreviations do not end the clause: "3 people incl. a little girl were killed"
    after = _no_abbreviation_dots(after)
    cut = CLAUSE_END.search(after)
    window = after[:cut.start()] if cut else after
    rel = _RELATIVE_AFTER.match(window)
    if rel:
        # "Hundreds of men who crossed into government-held areas were reported to have been
        # detained": what happened to them is after the relative clause
        rel_text = norm[end:min(sent_end, end + 220)]
        stop = CLAUSE_END.search(rel_text)
        rel_text = rel_text[:stop.start()] if stop else rel_text
        main = _MAIN_VERB.search(rel_text, rel.end())
        # (but "100,000 civilians who had been forced out ... are expected to return": the
        # clause is all that says what they are)
        if main and any(pat.search(rel_text, main.start()) for _w, pat in CASUALTY_AFTER):
            window = rel_text[:rel.start("rel")] + " " + rel_text[main.start():]
    if "," in window or "\u060c" in window:
        # "30,000 Syrians, most of them Alawites from the coast, crossed into Lebanon": the
        # aside does not push the verb out of reach
        longer = norm[end:min(sent_end, end + 180)]
        longer = _no_abbreviation_dots(longer)
        cut = CLAUSE_END.search(longer)
        longer = longer[:cut.start()] if cut else longer
        if _ASIDE.search(longer):
            window = _ASIDE.sub(" ", longer, count=1)
    words = window.split()
    window = " ".join(words[:10])
    best: tuple[int, str] | None = None
    partitive: tuple[int, str] | None = None
    for what, pat in CASUALTY_AFTER:
        for m in pat.finditer(window):
            if PARTITIVE_BEFORE.search(window[:m.start()]):
                # "9 of those arrested have disappeared": the count is of the second verb
                if partitive is None or m.start() < partitive[0]:
                    partitive = (m.start(), what)
                continue
            if best is None or m.start() < best[0]:
                best = (m.start(), what)
            break
    if best is None:
        best = partitive  # "two of the wounded were in critical condition"
    elif best[1] in ("detained", "missing") and _STATUS_NOUN.match(window, best[0]):
        # "40 detainees died under torture", "قضى ٢٢ معتقلاً": what happened to those held
        for what, pat in CASUALTY_AFTER[:2]:
            later = pat.search(window, best[0] + 3)
            if later and not _STATUS_NOUN.match(window, later.start()):
                best = (later.start(), what)
                break
    for unit, pat in OTHER_UNITS:
        um = pat.match(after) if not people_dual else None
        if um is None:
            continue
        gap = um.group(0).split()[:-1]
        if unit == "fighters" and (_NOT_FIGHTERS.search(um.group(0)) or _MEMBERS_OF_NO_ARMY.match(
                after, um.end() - 8, um.end() + 30) or re.match(
                    r"\s*(?:on|by|against|from|with|to)\s", after)):
            # ("blamed 803 deaths on the army and 211 on gunmen": deaths, no count of gunmen)
            continue  # "thousands of residents and fighters were moved": not a count of fighters
        if unit == "fighters" and best is not None and _AGENT_OF_VERB.match(after):
            # "two unidentified gunmen on a motorbike shot dead a shop owner": the number
            # counts the agents of the verb, not its victims
            return "other", "fighters", "other:fighters:agents"
        # "30,000 inhabitants, has seen dozens of killings": the comma ends the unit's phrase
        separated = best is not None and bool(re.match(r"\s*,", after[um.end():]))
        thing = unit in _THING_UNITS and not _UNIT_GAP_WORDS.intersection(w.lower() for w in gap)
        if best is None or separated or thing:
            if unit == "duration":
                return "", "", "skip:duration"  # "three days": not a count of anything
            return "other", unit, f"other:{unit}"
        # "12 fighters were killed", "thousands of residents fled": a casualty word in the
        # clause makes them casualties.
    if best is not None and _AGENT_MEN.match(after):
        # "three masked men stopped the car and abducted the driver": the agents, counted as
        # the men they are described as
        return "other", "men", "other:men:agents"
    if best is not None:
        return "casualty", best[1], f"casualty:{best[1]}:word_after"
    head = norm[sent_start:start]
    colon = head.rfind(":")
    if colon > 0 and not re.search(r"\d", head[colon - 1:colon]):
        # "وتوزعت الاعتقالات على النحو الآتي: ١٧ شخصاً في داريا، و١١ في ...": a list of the
        # counted thing named before the colon
        for what, pat in CASUALTY_AFTER:
            if pat.search(head[:colon]) and not any(p.search(head[colon:]) for _w, p in
                                                     CASUALTY_AFTER):
                return "casualty", what, f"casualty:{what}:list_after_colon"
    long_subject = _LONG_SUBJECT_PASSIVE.match(after)
    if long_subject is not None and re.match(r"\s*(?:[\w-]+\s+)?(?:people|civilians|persons|men|"
                                             r"women|children|residents|villagers)\b", after):
        what_long = _casualty_after(long_subject.group("w"))
        if what_long is not None:
            return "casualty", what_long, f"casualty:{what_long}:long_subject_passive"
    plural = PLURAL_NOUN_AFTER.match(after)
    if plural and plural.group(1) in _NOT_COUNTED:
        # "three sets of figures", "two sides", "three peaks stand out", "cut off two fingers":
        # the prose's own counting or a body's parts, no figure of what happened
        return "", "", "skip:abstract_noun"
    if plural and plural.group(1) not in PEOPLE_NOUNS:
        return "other", plural.group(1), "other:plural_noun"  # "63 interviews", "96 testimonies"
    toll_is = _TOLL_IS.search(before)
    if toll_is is not None:
        # "our best estimate of total civilian deaths during the battle is about 2,500", "the
        # number of people killed in the attack was 31": the count the copula completes
        what_is = _casualty_after(toll_is.group(0))
        if what_is is not None:
            return "casualty", what_is, f"casualty:{what_is}:toll_is"
    of_head = _OF_NOUNS_HEAD.match(norm, sent_start, start)
    if of_head is not None and of_head.group("n") not in PEOPLE_NOUNS and \
            of_head.group("n") not in _PEOPLE_PLURALS:
        # statistical prose: "Of 1,214 reported incidents, 903 met our criteria", "Of
        # attributable attacks, 712 (81%) were carried out by government forces, 106 (12%) by
        # Russian forces": the parts count what the head named
        return "other", of_head.group("n"), "other:of_head"
    return "", "", "skip:no_noun"


# nouns a text counts in its own reasoning (and parts of a body): never a figure of events
_NOT_COUNTED = frozenset(
    "sets lists sides peaks problems rows pockets ways reasons questions categories types kinds "
    "parts phases stages options steps points issues factors versions scenarios aspects "
    "fingers toes teeth ribs".split())


_TOLL_IS = _rx(r"\b(?:estimate|number|count|toll|tally|total|figure)s?\s+of\s+(?P<w>(?:[\w-]+\s+){0,4}?"
               r"[\w-]+)(?:\s+[^.;:\d]{0,40}?)?\s+(?:is|was|are|were|stands?\s+at|stood\s+at)\s+"
               r"(?:(?:about|around|roughly|some|nearly|approximately|at\s+least|more\s+than|over)\s+)?$",
               re.I)


_OF_NOUNS_HEAD = _rx(r"[^\S\n]*(?:[-*•][^\S\n]*)?of\s+(?:(?:the|these|those|all)\s+)?(?:[\d,.]+\s+)?"
                     r"(?:[a-z-]+\s+){0,2}?(?P<n>[a-z]{3,}(?<!ou)(?<!s)s)\s*,\s", re.I)


# "Another resident put the figure at 40", "gave a higher figure of 52 cases": the figure is of
# the count just reported, whose kind it takes (the caller knows it)
_FIGURE_OF = _rx(r"\b(?:figure|estimate|tally|count|total|toll)s?\s+(?:[\w-]+\s+){0,3}?(?:at|of)"
                 r"\s*[\"“'‘]?\s*$|"
                 # "the committee put the number at 'at least 350'", "قال إن العدد ١٦"
                 r"\bput\s+the\s+number\s+at\s*[\"“'‘]?\s*$|(?:^|\s)(?:ان|إن)\s+(?:العدد|الرقم)\s*$|"
                 # a breakdown by party: "Government forces were responsible for 91 of the
                 # cases, the SDF for 64"
                 r"\bresponsible\s+for\s*$|"
                 # "..., and the true figure likely lies between 2,000 and 3,100"
                 r"\b(?:figure|toll|number|total)\s+(?:\w+\s+){0,2}?(?:lies|lay)\s*$|"
                 # "..., bringing the total to 340,000"
                 r"\b(?:bringing|brings|brought|raising|raises|taking|takes|pushing)\s+the\s+"
                 r"(?:total|number|tally|count|figure)\s+(?:[\w-]+\s+){0,2}?to\s*$|(?:الرقم|العدد|الحصيل[هة])\s+(?:\S+\s+){0,2}?(?:ب|الى|عند)\s*$",
                 re.I)


def refers_to_previous_count(norm: str, start: int, sent_start: int) -> bool:
    """Whether the number at ``start`` is another estimate of the count reported just before
    ("put the figure at", "a higher figure of")."""
    # a slice: a prefiltered search folds the case of the whole string it is given
    return bool(_FIGURE_OF.search(norm[max(sent_start, start - 50):start]))


# "The four men, three of them brothers, ...", "Six of the nine victims": a count already given
_DEFINITE_BEFORE = _plain(r"\b(?:the|these|those|all)\s*$", re.I)


def is_definite_repeat(norm: str, start: int) -> bool:
    """Whether the number at ``start`` is preceded by a definite article (it refers back to a
    count given before, and is counted once)."""
    return bool(_DEFINITE_BEFORE.search(norm[max(0, start - 8):start]))


# A list of counts under a header that says what they count: "The toll by perpetrator was as
# follows:" / "وتوزعت حصيلة الضحايا على النحو التالي:" then "- Government forces: 51 civilians"
_LIST_MARK = re.compile(r"^\s*(?:[-–—•*▪●]|\d{1,2}[.)])\s*")


def list_header_what(sentence: str) -> str | None:
    """What the items below a header sentence count, if it ends with a colon and names it."""
    if not sentence.rstrip().endswith((":", "：")) or _LIST_MARK.match(sentence):
        return None
    return _casualty_after(sentence)


# an item without a bullet: "Syrian regime forces: 51" on its own line
_LABELLED_COUNT = re.compile(r"\s*[^\s:\d][^:\n]{1,60}:\s*\d[\d,]*(?:\s+\S+){0,3}\W*$")


def is_list_item(sentence: str) -> bool:
    return bool(_LIST_MARK.match(sentence) or _LABELLED_COUNT.match(sentence))


# a list item's count right after its label's colon, however long the label: "- Syrian
# government forces (the army, security forces and the General Security Service): 12 civilians"
_COUNT_AFTER_LABEL = re.compile(r"[^:\n]{1,160}:\s*(?:(?:about|around|some|nearly|at least|"
                                r"more than|over|almost|roughly|approximately|حوالي|نحو)\s+)?$")


def list_count_first(item: str, offset: int) -> bool:
    """Whether the number at ``offset`` of a list item is its count: near the item's start, or
    the first number after its label's colon."""
    return offset < 60 or bool(_COUNT_AFTER_LABEL.fullmatch(item, 0, offset))


_ACCOUNTS = _rx(r"\b(?:accounts|reports|claims|testimonies|allegations|details|stories)\b|"
                r"الروايات|روايات|الشهادات|شهادات|التقارير|الادعاءات|المعلومات", re.I)


def disclaimer_names_accounts(sentence: str) -> bool:
    """Whether a disclaimer doubts accounts or reports, not only figures."""
    return bool(_ACCOUNTS.search(sentence))


# plural tolls and figures, not "this figure": "could not independently verify the tolls"
_ALL_FIGURES = _rx(r"\b(?:the|these|those|all|its|their)\s+(?:casualty\s+|death\s+)?(?:tolls|figures|"
                   r"numbers|casualty figures)\b|الارقام|الاعداد|الحصائل", re.I)


def disclaimer_names_all_figures(sentence: str) -> bool:
    """Whether a disclaimer doubts the figures of a report in the plural ("the tolls")."""
    return bool(_ALL_FIGURES.search(sentence))


# where the clauses of a sentence meet (as the attribution of clauses splits them)
_CLAUSE_JOINT = re.compile(r"\b(?:while|whereas|but|although)\b|;|بينما|في حين|فيما", re.I)


def clause_bounds(norm: str, start: int, end: int, pos: int) -> tuple[int, int]:
    """The clause of the sentence [start, end) that holds ``pos``."""
    lo, hi = start, end
    for m in _CLAUSE_JOINT.finditer(norm, start, end):
        if m.end() <= pos:
            lo = m.start()
        elif m.start() > pos:
            hi = m.start()
            break
    return lo, hi


# Read by the pipeline when it links a figure to the count before it or to a disclaimer.
SUBSET_LINK = _rx(r"^[^.;:!?]*(?:\b(?:including|among them|of whom|of them|as well as)\b|"
                  r"(?:بينهم|منهم|من بينهم))[^.;:!?]*$|^[^.;:!?\d]{0,30}\b(?:and|or)\s+$|"
                  r"^[^.;:!?\d]{0,25}[–—(:]\s*$", re.I)  # "111 civilians – 90 men, ..."

# the next item of a breakdown: "بينهم أربعة أطفال وامرأتان", "including four children and two
# women": one noun, then "and" / "و" / a comma, then the next number
BREAKDOWN_NEXT = _rx(r"\s*[^\s\d.;:!?]+\s*(?:[,،]\s*)?(?:(?:and|or)\s+|و)?", re.I)

# a number with its own casualty word right after it ("30 injured") starts a new count
# (also a count with its own noun after an adjective: "..., Including 19 Children, and 198
# Arbitrary Arrests" counts arrests, not more of the dead)
OWN_WORD_AFTER = _rx(r"\s*(?:(?:people|others|persons|civilians|اخرين|آخرين|شخصا)\s+)?"
                     r"(?:(?:[a-z-]+\s+)?(?:arrests|detentions|abductions|kidnappings|"
                     r"disappearances|deaths|killings|injuries)|"
                     r"(?:حال[هة]|حالات)\s+(?:اعتقال|اختطاف|خطف|اختفاء|احتجاز)|"
                     r"injured|wounded|killed|dead|detained|missing|displaced|جريح|جرحى|قتيل|"
                     r"قتلى|مصاب\S*|معتقل\S*|نازح\S*)\b", re.I)

# "AFP could not confirm either figure": the two sources' tolls, wherever they were given
EITHER_FIGURE = _rx(r"\b(?:either|both|neither)\s+(?:of\s+the(?:se)?\s+)?(?:figures?|tolls?|"
                    r"counts?|numbers?|accounts?|claims?)\b|(?:اي|أي|كلا)\s+(?:من\s+)?"
                    r"(?:الحصيلتين|الرقمين|الروايتين)", re.I)

THAT_FIGURE = _rx(r"\b(?:that|this|the)\s+(?:figure|number|toll|estimate|claim|account|report)\b"
                  r"(?!s)|هذا الرقم|هذه الحصيله|هذه الارقام|هذه الاعداد", re.I)

CLAUSE_HINT = _rx(r"\b(?:while|whereas|but|although)\b|;|بينما|في حين|فيما", re.I)


# Gapping: a breakdown that names the count once and drops the noun from its parts ("Homs with 27
# victims, followed by Hama with 14 and Idlib with 9", "the army for 40 of the arrests, the SDF
# for 22", "مسؤولة عن مقتل ٥٠٠ شخص، تليها الميليشيات بـ ١٢٠ شخصاً، ثم الفصائل بـ ٤٠"). Between
# the counted number and the bare one: its own noun (a few words), a list separator, then a short
# name and a preposition, no verb and no clause of its own.
# the noun of a count, then a bracket that breaks it down: " health workers (12 doctors, "
BRACKET_BREAKDOWN = re.compile(r"(?:\s+[^\s\d.;:!?,()\u060c]+){0,4}\s*(?P<open>\()[^()]*")
# ... but not where or when: "40 civilian deaths (in 12 towns)"
BRACKET_PLACE = _rx(r"(?:\b(?:in|at|on|from|across|over|within|since|during)|(?:^|\s)(?:في|من|على|خلال))\s*$",
                    re.I)


GAPPED_BETWEEN = _rx(
    # (an aside in brackets may follow the count: "with 27 deaths (about 23 percent of the
    # total), followed by Homs with 21")
    r"(?:\s+[^\s\d.;:!?,\u060c]+){0,4}?(?:\s*\([^()\n]{1,60}\))?"
    # (or a share between commas: "٩٦٣٢١ شخصاً من هذا المجموع، أي نحو ٨٥٪ من الحصيلة، تليها
    # داعش بـ ٨٦٨٤ شخصاً")
    r"(?:\s*[,\u060c][^,\u060c.;\n\d]{0,20}\d[\d.,]*\s*(?:%|٪|percent\b|per\s+cent\b)"
    r"[^,\u060c.;\n\d]{0,30}(?=[,\u060c]))?\s*"
    r"(?:[,\u060c]\s*(?:and\s+|then\s+|و|ثم\s+)?|\s+(?:and|then)\s+|\s+و|\s+ثم\s+)"
    r"(?P<rest>(?:(?:followed\s+by|تليها|يليها|تلتها|تلاها)\s+)?"
    r"(?:(?!(?:while|whereas|but|although|after|before|as|said|says|adding|citing|according)\b)"
    r"[^\s\d.;:!?,\u060c]+\s+){0,4}?"
    # ("تلتها مدينة تلبيسة (٣٣ حالة)": the count in brackets after the place)
    r"(?:(?:with|for|in|at|by|from)\s+|ب\s*|بـ\s*|في\s+|من\s+)?\(?)", re.I)
# what may follow the bare number: nothing of its own but a plain word for people
GAPPED_TAIL = _rx(
    r"\s*(?:(?:people|persons|civilians|individuals|cases)\b|" + _A(r"شخص\S*|اشخاص|مدني\S*|حال[هة]|حالات") +
    r")?\s*(?:$|[.,;:!?\u060c\u061b)]|(?:in|at|on|from|and|or|respectively|each)\b|" +
    _A(r"(?:في|من|و)") + r")", re.I)



def repeated_figures(figs: list[tuple[int, object, str]], fields: frozenset[int] = frozenset()
                     ) -> set[int]:
    """Indexes of casualty figures, given as (sentence, value, what) in text order, that repeat
    one told before: two or more figures of a sentence that also appear in one sentence up to
    three before it, or in the field lines (``fields``: their indexes) of a record or key-figures
    list before it, or a count of 100 or more told before with the same meaning."""
    by_sent: dict[int, list[int]] = {}
    for k, (si, _v, _w) in enumerate(figs):
        by_sent.setdefault(si, []).append(k)
    out: set[int] = set()
    if fields:
        # "Key figures: - Health workers killed: 9 - ... injured: 34" then "which resulted in 9
        # deaths and 34 injuries": the summary repeats the list (one field a line, so no one
        # sentence before holds both)
        field_seen: set[tuple[object, str]] = set()
        for si in sorted(by_sent):
            ks = by_sent[si]
            told = [k for k in ks if k not in fields and (figs[k][1], figs[k][2]) in field_seen]
            if len(told) >= 2:
                out.update(told)
            field_seen.update((figs[k][1], figs[k][2]) for k in ks if k in fields)
    seen_large: set[tuple[int, str]] = set()
    for k, (_si, value, what) in enumerate(figs):
        if isinstance(value, int) and value >= 100:
            if (value, what) in seen_large:
                out.add(k)
            seen_large.add((value, what))
    for si, ks in by_sent.items():
        if len(ks) < 2:
            continue
        for back in (1, 2, 3):
            earlier = [(figs[k][1], figs[k][2]) for k in by_sent.get(si - back, [])]
            again = [k for k in ks if (figs[k][1], figs[k][2]) in earlier]
            if len(again) >= 2:
                out.update(again)
                break
    return out
