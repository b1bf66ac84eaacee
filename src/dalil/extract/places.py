"""Finding place names in text and resolving each against the gazetteer by context.

A name is looked up under its name key (any spelling, either script). Big places (governorates,
districts, sub-districts, towns with a known population) are accepted anywhere; a village name is
accepted only next to a place cue ("the village of", "in", "قرية", "بلدة") because thousands of
Syrian village names are also ordinary words. Among several places with the name, the choice
weighs what the text says ("province", "countryside", "قرية"), the governorates of the other
places named in the text, and population; the explanation records which of these decided.
"""

from __future__ import annotations

import math
import re
from bisect import bisect_left
from collections.abc import Sequence
from dataclasses import dataclass
from functools import lru_cache
from typing import Protocol

from dalil.extract import fastre
from dalil.extract.text import Sentence
from dalil.gazetteer import Gazetteer
from dalil.gazetteer import Place as GazPlace
from dalil.gazetteer.names import (
    has_arabic,
    name_key,
    normalize_arabic,
    skeleton_key,
    spelling_key,
    strip_latin_diacritics,
)


def _rx(pattern: str, flags: int | re.RegexFlag = 0) -> re.Pattern[str]:
    """Compile a pattern written in ordinary Arabic spelling against normalised text
    (إلى -> الى, ة -> ه ...), as the text it runs on has been normalised the same way.
    Searches try the pattern only where one of its literal starts occurs (``fastre``)."""
    return fastre.compile(normalize_arabic(pattern), flags)


_TOKEN = _rx(r"[A-Za-z\u00C0-\u024F\u1E00-\u1EFF'`ʿʾ]+(?:-[A-Za-z\u00C0-\u024F\u1E00-\u1EFF'`ʿʾ]+)*"
                    r"|[\u0621-\u064a\u0671-\u06d3]+")
_HANDLE = re.compile(r"@\w+")
_LATIN_ARTICLES = {"al", "el", "ad", "ar", "as", "at", "az", "an", "ash", "adh", "ath", "ed", "er",
                   "es", "et", "ez", "en", "ibn", "bin", "bani", "umm", "abu", "wadi", "tal", "tell",
                   "jabal", "jebel", "ain", "ras", "deir", "beit", "bayt", "kafr", "khirbet", "qasr",
                   "de", "la"}
# Levantine month names, and the dam, university and newspaper named after them ("Tishreen")
_MONTH_WORDS = {"tishreen", "tishrin", "teshreen", "tashrin", "kanun", "kanoun"}
# Capitalised English words that are also the name of some Syrian village.
_EN_STOP = {
    "by", "is", "said", "sham", "the", "a", "an", "in", "on", "at", "it", "he", "she", "we", "they",
    "his", "her", "but", "and", "or", "if", "as", "so", "no", "yes", "not", "all", "one", "two",
    "syria", "syrian", "arab", "state", "news", "general", "security", "army", "free", "division",
    "brigade", "front", "national", "council", "president", "minister", "ministry", "human",
    "rights", "watch", "network", "observatory", "reuters", "telegram", "channel", "post",
    "eid", "ramadan", "nowruz", "newroz", "christmas", "easter", "ashura", "allah", "god", "amin", "hassan", "ali", "ahmad", "ahmed", "mohammed",
    "muhammad", "omar", "khaled", "youssef", "ibrahim", "mahmoud", "mustafa", "hussein", "abbas",
    "umm", "abu", "bin", "ibn", "al", "el", "mr", "mrs", "dr", "gen", "col",
    # given names of public figures that are also village names ("the fall of Bashar Assad")
    "bashar", "hafez", "maher", "rifaat", "asma", "assad", "jolani", "julani",
    *_MONTH_WORDS,
    # the first word of a compound name, alone ("camps near Kafr Lusin": no village "Kafr")
    "kafr", "khirbet", "khirbat", "beit", "bayt", "jabal", "jebel", "wadi", "deir",
}
_AR_STOP = {name_key(w) for w in (
    "في", "من", "إلى", "على", "عن", "مع", "بعد", "قبل", "حتى", "منذ", "خلال", "بين", "أن", "إن",
    "التي", "الذي", "الذين", "هذا", "هذه", "ذلك", "تلك", "كان", "كانت", "قد", "لقد", "لم", "لن",
    "ما", "لا", "هو", "هي", "هم", "نحن", "كل", "بعض", "عدد", "أيضا", "حيث", "كما", "وقال", "قال",
    "قالت", "اليوم", "أمس", "يوم", "ليلة", "صباح", "مساء", "سوريا", "السورية", "السوري", "العربي",
    "الشام", "الله", "المدينة", "القرية", "البلدة", "المنطقة", "الحي", "الريف", "الأهالي", "السكان",
    "المدنيين", "الأطفال", "النساء", "الرجال", "عائلة", "عائلات", "منزل", "منازل", "المنازل",
    "الشارع", "السوق", "المسجد", "الكنيسة", "المدرسة", "المشفى", "المستشفى", "الساحل", "الجبل",
    "الشمال", "الجنوب", "الشرق", "الغرب", "الوسط", "الحكومة", "الدولة", "الجيش", "الأمن", "الشرطة",
    "الرئيس", "الوزير", "المرصد", "الشبكة", "حقوق", "الإنسان", "منظمة", "الأمم", "المتحدة",
    "الشرقي", "الغربي", "الشمالي", "الجنوبي", "الشرقية", "الغربية", "الشمالية", "الجنوبية",
    "الأوسط", "الوسطى", "الكبرى", "الصغرى", "القديمة", "الجديدة", "شجرة", "زيتون", "الزيتون",
    "مصدر", "مصادر", "شاهد", "شهود", "حسب", "بحسب", "وفق", "نحو", "حوالي", "أكثر", "أقل", "جديد",
    "العام", "الماضي", "الحالي", "الأول", "الثاني", "الجمعة", "السبت", "الأحد", "الاثنين",
    "الثلاثاء", "الأربعاء", "الخميس", "عشرات", "مئات", "آلاف", "جثث", "جثة", "النار", "الرصاص",
    "القصف", "الهجوم", "هجوم", "المسلحين", "عناصر", "قوات", "فصائل", "الفصائل", "العشائر",
    "البدو", "الدروز", "العلويين", "الطائفة", "النظام", "الثورة", "الحرية", "الكرامة", "السلام",
    "النصر", "الشهداء", "الضحايا", "القتلى", "الجرحى", "المفقودين", "المعتقلين", "النازحين",
    "عائلته", "منزله", "أهله", "أبناء", "ابن", "أبو", "أم", "بيت", "دار", "تل", "عين", "رأس",
    "تحت", "فوق", "أمام", "خلف", "عند", "حول", "ضد", "دون", "لدى", "وسط", "جانب", "قرب", "داخل",
    "خارج", "بعيد", "قريب", "الباقون", "الآخرين", "آخرين", "مساء", "ظهر", "عصر", "فجر", "صباحا",
    "الحدودي", "الحدودية", "العسكري", "العسكرية", "الجديد", "القديم",
    # place words themselves ("وقرى ريف طرطوس": villages, not a village called قرى)
    "قرى", "قرية", "بلدة", "بلدات", "مدينة", "مدن", "حي", "أحياء", "منطقة", "مناطق", "مخيم",
    "مخيمات", "ناحية", "محافظة",
    # what follows "مجزرة" when it is no place ("مجزرة مروعة", "مجزرة أخرى")
    "مروعة", "أخرى", "جماعية", "كبيرة", "دموية", "بشعة", "جديدة",
    # the door ("كسروا الباب"), not the town of al-Bab unless a place word names it
    "الباب", "باب",
)}
# Words after which a capitalised name is a place even when spelled unlike the gazetteer's.
_SPELLING_CUE = _rx(
    r"(?:\b(?:in|at|near|outside|inside|into|struck|shelled|bombed|stormed|raided|besieged|"
    r"overran|villages?|towns?|hamlets?|cit(?:y|ies)|neighbou?rhoods?|camp)(?:\s+of)?\s+"
    r"|\b(?:in|of|villages?|towns?)\s+(?:the\s+)?(?:village|town|hamlet|city|camp)\s+of\s+)$")
# generic place words: never a place's name, whatever cue precedes ("على حاجز المدينة": the
# city's checkpoint, not a village called al-Madina)
# what follows a person's name, not a place's
_PERSON_AFTER = _rx(r"(?:\s+[A-Z][a-z]{2,}(?:-[A-Z][a-z]+)?(?=[\s,']))?"  # a surname
                    r"\s*(?:,\s*\d{1,3}\s*,|and\s+(?:her|his)\s|(?:said|says|told|recalled|"
                    r"recounts|recounted|added|explained|wept|smiled|remembers|remembered)\b|"
                    r"'s\s+(?:husband|wife|son|"
                    r"daughter|brother|sister|mother|father|children|family|uncle|cousin)\b)")
_TOPONYM_BEFORE = _rx(r"\b(?:in|at|from|near|of|to|into|outside|around)\s+(?:the\s+)?(?:\w+\s+)?$",
                      re.I)
_AR_ADJECTIVES = {name_key(w) for w in (
    "الشرقي", "الغربي", "الشمالي", "الجنوبي", "الشرقية", "الغربية", "الشمالية", "الجنوبية",
    "الأوسط", "الوسطى", "الكبرى", "الصغرى", "القديمة", "الجديدة", "القديم", "الجديد")}
_AR_NEVER = {name_key(w) for w in (
    "المدينة", "القرية", "البلدة", "المنطقة", "الحي", "الريف", "المخيم", "الناحية", "المحافظة",
    "قرى", "بلدات", "مدن", "أحياء", "مناطق", "مخيمات",
    # prepositions ("الحاجز على أول الشارع": on, not the village al-Ali)
    "في", "من", "على", "عن", "إلى", "مع", "بعد", "قبل", "حتى", "منذ", "خلال", "بين", "عند",
    "حول", "ضد", "دون", "لدى", "قرب", "أمام", "خلف", "داخل", "خارج")}
_LATIN_CUE = _rx(
    r"(?:\b(?:in|at|near|outside|around|inside|into|from|to|toward|towards|across|between|of|"
    # attacks name their target: "shelling on X", "stormed X", "raided X"
    r"on|hit|struck|shelled|bombed|stormed|raided|besieged|targeted|attacked|overran|"
    # "neighbourhoods of Damascus, including Bab Touma and Jaramana"
    r"including|notably|namely|such as|"
    r"village|town|city|hamlet|neighbou?rhoods?|district|area|suburb|camp|quarter|and|or|,)\s+"
    r"(?:the\s+)?(?:(?:village|town|city|hamlet|neighbou?rhood|district|area|suburb|camp|quarter)"
    r"\s+of\s+)?(?:(?:northern|southern|eastern|western|central|north-?eastern|north-?western|"
    r"south-?eastern|south-?western|rural|besieged|old|upper|lower)\s+)?)$", re.I)
_AR_STRONG_CUE = _rx(
    r"(?:قري[هة]|قرى|بلد[هة]|بلدات|مدين[هة]|حيي|حي|احياء|ريف|منطق[هة]|ناحي[هة]|مخيم|محافظ[هة]|"
    r"ضاحي[هة]|مزرع[هة]|قريتي|بلدتي|معبر|حاجز|سجن|مطار|مشفى|مستشفى|طريق|"
    # the people of a place: "من أحد سكان درعا البلد", "أهالي داريا"
    r"(?:^|(?<=\s))(?:سكان|اهالي|واهالي)|"
    # "مجزرة البيضا ورأس النبع": a massacre is named after its place
    r"مجزر[هة]|مذبح[هة]|"
    # a raid or siege names its target: "قسد داهمت البصيرة", "اقتحموا الصنمين"
    r"(?:^|(?<=\s))[وف]?(?:داهمت|داهموا|داهمو|داهم|اقتحمت|اقتحموا|اقتحمو|حاصرت|حاصروا))\s+$")
# "أحياء حمص القديمة، مثل الخالدية": the names a plural place word introduces
_RAID_VERB = _rx(r"(?:داهم|اقتحم|حاصر)")
_AR_LIST_INTRO = _rx(r"(?:احياء|قرى|بلدات|مدن|مناطق|مخيمات|الاحياء|القرى|البلدات|المدن|المناطق)"
                     r"(?:\s+\S+){0,3}\s*[،,]?\s*(?:مثل|منها|ومنها|بينها|من بينها|لا سيما|ولا سيما|"
                     r"خاصه|وخاصه|بخاصه|وهي|هي)\s+$")
_PARAGRAPH_BREAK = re.compile(r"\n\s*\n|(?<=[.:!?\u061f])\s*\n|(?<=[A-Z ]{8})\n")
_MASSACRE_WORD = _rx(r"(?:مجزر[هة]|مذبح[هة])")
_AR_PREPOSITION_BEFORE = _rx(r"(?:^|\s)(?:في|من|إلى|قرب|على|عن|بين|نحو)\s+$")
_MODIFIER_AFTER = _rx(
    r"^\s*(?P<m>province|governorate|countryside|suburbs|region|district|sub-?district|city|town|"
    r"village|neighbou?rhoods?|camp|quarter|area)\b", re.I)
_MODIFIER_BEFORE = _rx(
    r"(?P<m>provinces? of|governorates? of|countryside of|suburbs of|districts? of|city of|town of|"
    r"village of|neighbou?rhood of|camp of|quarter of|rural|مخيم|"
    r"محافظ[هة]|ريف|منطق[هة]|ناحي[هة]|مدين[هة]|بلد[هة]|قري[هة]|قرى|حيي|حي)\s+(?:the\s+)?$", re.I)
_MODIFIER_KIND = {
    "province": "admin1", "governorate": "admin1", "countryside": "admin1", "region": "admin1",
    "محافظه": "admin1", "محافظة": "admin1", "ريف": "admin1", "district": "admin2",
    "منطقه": "admin2", "منطقة": "admin2", "sub-district": "admin3", "subdistrict": "admin3",
    "ناحيه": "admin3", "ناحية": "admin3", "city": "city", "مدينه": "city", "مدينة": "city",
    "town": "locality", "village": "village", "بلده": "locality", "بلدة": "locality",
    "قريه": "village", "قرية": "village", "قرى": "village", "neighbourhood": "quarter",
    "neighborhood": "quarter", "حي": "quarter", "حيي": "quarter", "area": "",
    # quarters of a city (data/neighbourhoods.tsv)
    "neighbourhoods": "quarter", "neighborhoods": "quarter", "camp": "quarter",
    "quarter": "quarter", "مخيم": "quarter", "suburbs": "admin1", "rural": "admin1",
}
# "eastern Ghouta", "الغوطة الغربية": a direction word before a region's name chooses among regions
_DIRECTION_BEFORE = _rx(r"\b(?P<d>eastern|western|northern|southern|east|west|north|south)\s+$",
                        re.I)

_ORIGIN = _rx(
    r"(?:\b(?:fighters|gunmen|militants|militias|militiamen|men|groups?|members|convoys?|"
    r"reinforcements|came|come|coming|arrived|arriving|hailing|hail|brought|bused|bussed|"
    r"originally|natives?|who are|recruited|deployed)\b[^.;]{0,40}\bfrom\s+(?:the\s+)?"
    r"(?:(?:village|town|city|area|province|countryside)\s+of\s+)?$"
    r"|\b(?:fired|launched|shelling came|came|took off|taken off|taking off|flew|flown) from\s+"
    r"(?:\w+\s+){0,4}?$"
    r"|(?:مقاتل\w*|عناصر|مسلح\w*|قادم\w*|جاءوا|جاؤوا|قدموا|ينحدر\w*|يتحدر\w*|تتحدر\w*|المتحدر\w*|"
    r"متحدر\w*|المنحدر\w*|ابناء|تعزيزات|ارتال|رتل)"
    r"[^.،,]{0,30}\s+من\s+(?:\S+\s+)?$"
    r"|(?:مصدره|مصدرها|انطلاقا من|انطلقت من|اطلقت من)[^.،,]{0,50}$"
    # a birthplace: "the defendant, born 1974 in Jableh", "من مواليد حمص", "ولد في"
    r"|\bborn\s+(?:(?:on\s+)?(?:\d{1,2}\s+)?(?:[A-Z][a-z]+\s+)?\d{4}\s+)?in\s+(?:the\s+)?$"
    r"|(?:^|\s)(?:من\s+)?مواليد\s+(?:(?:عام\s+)?\S+\s+)?(?:في\s+)?$|(?:^|\s)ولد\S*\s+في\s+$"
    # a direction, not a scene: "والطريق مقطوع من جهة ذيبان", "from the direction of X"
    r"|(?:^|\s)(?:من|ب)\s+(?:جه[هة]|ناحي[هة]|اتجاه)\s+$|\bfrom the direction of\s+$"
    # where an armed group sits, not where it struck: "the militants, holed up south of X",
    # "التنظيمات الإرهابية المنتشرة في ريف إدلب"
    r"|\b(?:holed up|stationed|entrenched|positioned|garrisoned)\s+(?:\w+\s+){0,2}?(?:in|at|near|"
    r"around|(?:south|north|east|west)\s+of)\s+(?:the\s+)?$"
    r"|(?:المنتشر\S*|المتمركز\S*|المتحصن\S*|المرابط\S*|المتواجد\S*)\s+في\s+(?:\S+\s+)?$"
    # where people are from: "a farmer from X", "a journalist from X" (the guide: victims'
    # home towns are no scenes); but "kidnapped a boy from X" names where it happened
    r"|\b(?:journalists?|activists?|farmers?|teachers?|doctors?|nurses?|engineers?|lawyers?|"
    r"students?|plumbers?|drivers?|shepherds?|traders?|merchants?|workers?|man|woman|boy|girl|"
    r"bakers?|butchers?|tailors?|mechanics?|carpenters?|labou?rers?|pharmacists?|imams?|priests?|"
    r"smugglers?|soldiers?|officers?|conscripts?|recruits?|"
    r"sheikhs?|clerics?|residents?|villagers|detainees?|prisoners?|survivors?|relatives?|"
    r"brothers?|sisters?|cousins?|sons?|daughters?|husbands?|wife|wives|nephews?|uncles?|"
    r"volunteers?|paramedics?|men|women|boys|girls|"
    r"youths?|family|families|refugees?|conscripts?|defectors?|natives?|Alawites|Druze|"
    r"delegations?|delegates|representatives|negotiators|notables|dignitaries|elders|"
    r"fathers?|mothers?|widows?|grandfathers?|grandmothers?|"
    r"Christians|Kurds|Bedouins?|Syrians)\s+(?:originally\s+)?from\s+(?:the\s+)?"
    r"(?:(?:village|town|city|area|province|countryside|region)\s+of\s+)?(?:the\s+)?$)", re.I)
# a verb of taking or driving out between the actor and "from": where it happened, no origin
_TAKEN_FROM = _rx(r"\b(?:kidnap\w*|abduct\w*|took(?!\s+off)|taken(?!\s+off)|snatch\w*|seiz\w*|arrest\w*|detain\w*|"
                  r"expel\w*|evict\w*|driven|drove|displac\w*|forced|withdr[ae]w\w*|pulled out|"
                  r"rescued|evacuated|recovered|removed)\b", re.I)


# "transferred to Saydnaya, where he died under torture": the destination is a scene
# (but "reaching the base at Hmeimim, where thousands had sought shelter": a refuge, no scene)
WHERE_AFTER = _rx(r"(?:\s+[\w-]+){0,3}\s*,?\s+(?:where|in which)\b(?![^.;]{0,50}\b(?:shelter|"
                  r"sheltering|sheltered|refuge|safety)\b)|\s*[،,]?\s*حيث\s", re.I)


def origin_before(before: str) -> bool:
    """Whether the text just before a place names where people or fighters come from ("fighters
    from Idlib", "a farmer from X", "المنتشرة في"), not where something happened to them."""
    m = _ORIGIN.search(before)
    return m is not None and not (" from" in m.group(0).lower() and _TAKEN_FROM.search(m.group(0)))
_DESTINATION = _rx(
    r"(?:\b(?:fled|flee|fleeing|flees|escaped|escape|displaced|refuge|sheltering|shelter|"
    r"sheltered|evacuated|moved|relocated|headed|heading|driven|bused|bussed|deported|"
    # (the gap stops at a new clause: "fled to Tartus after their house in Baniyas was looted")
    r"transferred|taken|transported|returned|arrived|made their way|walked|reaching|reached)\b"
    r"(?:(?!\b(?:after|before|when|because|where|while|but|whose|which)\b)[^.;]){0,45}?"
    # ("fled to the Christian town of Mhardeh", "bused to the area around Jarabulus")
    r"\b(?:to|into|towards?|in|at)\s+(?:the\s+)?(?:(?:nearby\s+|neighbou?ring\s+)?(?:[A-Za-z-]+\s+)?"
    r"(?:safety|village|town|city|area|coast|region)\s+(?:of|around|near)\s+(?:the\s+)?)?"
    r"(?:neighbou?ring\s+|nearby\s+|northern\s+|"
    r"southern\s+|eastern\s+|western\s+)?$"
    r"|\b(?:fled|flee|fleeing|escaped|sheltering|sheltered|moved|took refuge)\b[^.;]{0,50}?\bto\s+"
    r"(?:a|the|their|his|her)\s+(?:[\w']+\s+){0,2}(?:house|home|homes|farm|shelter|camp|school|"
    r"mosque)\s+(?:in|at|near|outside)\s+(?:the\s+)?$"
    r"|\b(?:left|leaving|leave|went|moved|headed|heading|set off|set out)\b[^.;]{0,30}?\bfor\s+"
    r"(?:the\s+)?(?:(?:nearby|neighbou?ring)\s+)?"
    r"(?:(?:town|village|city|area)\s+of\s+)?$"
    # "had fled the district for nearby towns such as Muzayrib and Tafas": the examples of where
    # people went
    r"|\b(?:fled|flee|fleeing|left|leaving|moved|displaced|went|evacuated)\b[^.;]{0,80}?\b(?:for|to|"
    r"towards?|into)\s+(?:the\s+)?(?:[\w'-]+\s+){0,4}?(?:such(?:\s+as)?|including|like)\s+$"
    r"|\bfor\s+(?:the\s+)?(?:nearby\s+|neighbou?ring\s+|other\s+|surrounding\s+)?(?:towns|villages|"
    r"cities|areas|neighbou?rhoods|camps)\s+(?:such(?:\s+as)?|including|like)\s+$"
    # where a witness lives now (after fleeing), not where it happened: "who now lives in Idlib",
    # "ويقيم حالياً في"
    r"|\b(?:now|currently)\s+(?:lives?|living|resides?|residing|staying|settled)\s+in\s+(?:the\s+)?$"
    r"|\b(?:lives?|living|resides?|residing|staying|settled)\s+(?:now|currently)\s+in\s+(?:the\s+)?$"
    r"|(?:^|\s)[وف]?(?:يقيم|تقيم|يعيش|تعيش|المقيم|المقيمه|يسكن|تسكن)\s+(?:حاليا|الان|اليوم)\s+في\s+$"
    r"|\b(?:live|living|lives|stay|staying|sheltering)\s+(?:now\s+)?in\s+(?:\w+\s+)?camps?\s+"
    r"(?:in|near|at)\s+$"
    # where the displaced shelter: "hosted in X", "staying in schools and public buildings in X",
    # "to camps near X" (the guide: where people fled to or shelter is no scene)
    r"|\b(?:hosted|housed|accommodated|sheltered|sheltering|taking refuge|took refuge|"
    r"sought refuge|seeking refuge)\s+(?:\w+\s+){0,2}?(?:in|at)\s+(?:the\s+)?$"
    r"|\b(?:staying|sheltering|sheltered|living|housed|hosted)\s+(?:\w+\s+){0,2}?(?:in|at)\s+"
    r"(?:[\w-]+\s+){0,3}?(?:schools?|shelters?|camps?|tents?|mosques?|buildings|host families|"
    r"relatives|churches)\b[^.;]{0,40}?\b(?:in|at|near|around)\s+(?:the\s+)?$"
    # "walked for most of a day before reaching the base at X"
    r"|\b(?:fled|flee|fleeing|escaped|walked|walking|drove|driving)\b[^.;]{0,60}?\b(?:reaching|"
    r"reached|arriving at|arrived at)\s+(?:the\s+)?(?:[\w-]+\s+){0,3}?(?:(?:at|in|near)\s+)?$"
    r"|\b(?:by|on|onto|aboard|into)\s+(?:the\s+)?(?:green\s+)?(?:bus|buses|coach|coaches|trucks?|"
    r"boats?|ambulances?)\s+(?:bound\s+)?(?:to|for)\s+(?:the\s+)?(?:(?:northern|southern|eastern|"
    r"western)\s+)?$"
    r"|\bto\s+(?:[\w-]+\s+)?(?:camps?|shelters?|tents|sites|settlements|(?:collective\s+|"
    r"reception\s+|transit\s+)?cent(?:re|er)s)\s+(?:in|near|at|outside|around)\s+(?:the\s+)?$"
    # "fled villages on the western edge of the province towards the town of Shahba": however
    # far from the verb of flight, "towards" names where people went
    r"|\b(?:fled|flee|fleeing|flees|escaped|displaced|left|leaving|walked|evacuated|headed|"
    r"heading|driven|bused|bussed)\b[^.;]{0,80}?\btowards?\s+(?:the\s+)?(?:(?:town|village|"
    r"city|area)\s+of\s+(?:the\s+)?)?$"
    # (a verb starts a word: "الجاري" holds no "لجأ")
    r"|(?:^|(?<=\s))[وف]?(?:نزح\w*|فر(?!\w)|فروا|فرت|هرب\w*|لجا\w*|لجو\w*|نقل\w*|اقتيد\w*|اقتاد\w*|"
    r"توجه\w*|وصل\w*|"
    r"خرج\w*|انتقل\w*|ذهب\w*|غادر\w*|اخلاء|اجلاء|ترحيل|رحلوا)[^.،,]{0,25}\s+(?:الى|نحو|باتجاه|في)\s+(?:\S+\s+)?$"
    # "نزح أكثر من ٥٠٠ عائلة من قرى ريف اللاذقية الشمالي إلى مدينة اللاذقية": "إلى" further on
    r"|(?:^|(?<=\s))[وف]?(?:نزح\w*|فر(?!\w)|فروا|فرت|هرب\w*|لجا\w*|لجو\w*|هجر\w*|رحل\w*|ترحيل|"
    r"تهجير)"
    r"(?:\s+[^\s.،,؛]+){1,10}?(?:\s*[،,]\s*(?:معظمهم|غالبيتهم|اغلبهم|أغلبهم))?"
    # ("نزح معظمهم إلى مدن وبلدات مجاورة مثل صحنايا", "نزحوا من عفرين، معظمهم باتجاه تل رفعت")
    r"\s+(?:الى|نحو|باتجاه)\s+(?:(?:\S+\s+){0,3}?(?:مثل|منها|ومنها)\s+|(?:\S+\s+){1,2})?و?$"
    # colloquial "ع" (على) glued to the place after a verb of going: "رحنا عجرابلس", "نزلت
    # عطرطوس", "نقلوه عصيدنايا" (where people went or were taken, not where it happened)
    r"|(?:^|(?<=\s))[وف]?(?:نزح\w*|فر(?:وا|و|ت|نا|يت)?|هرب\w*|هربو\w*|لجا\w*|رحنا|رحت|رحتو|راح|"
    r"راحو|راحوا|راحت|نزلنا|نزلت|نزلو|نزلوا|نزل|طلعنا|طلعت|طلعو|طلعوا|وصلنا|وصلت|وصلو|وصلوا|"
    r"هجينا|هجو|هجوا|سافر\w*|انتقل\w*|نقل\w*|اخدو\w*|اخذو\w*|ودو\w*|ودينا|رجعنا|رجعت|"
    r"رجعو|رجعوا)(?:\s+[^\s.،,؛]+){0,3}?\s+[وف]?ع$"
    # "باتجاه" (towards) names where people went, whatever the verb and however far it is
    r"|(?:^|\s)باتجاه\s+(?:[^\s.،,]+\s+){0,5}$"
    # "نحو مناطق الشهباء وحلب" (towards); not "نحو ٣٠ شخصاً في" (about 30 people in)
    r"|(?:^|\s)نحو\s+(?:(?!(?:في|من|على|عن)\s)[^\s\d٠-٩.،,]+\s+){0,3}و?$)", re.I)
_BASE = _rx(
    r"(?:\bbased in|headquartered in|offices? in|\bsaid in|told reporters in|speaking in|"
    r"speaking to (?:reporters|journalists|the press) in|"
    r"\b(?:recorded|interviewed|collected|gathered|taken down)\s+(?:\w+\s+){0,3}in|"
    r"(?:جمعت|سجلت|سجّلت)(?:\s+\S+){0,3}\s+في|"
    # where a witness met the researchers or where a lawyer works: "told our team in Homs",
    # "التي تتابع من مكتبها في حمص"
    r"\btold\s+(?:our|the|a|its|their)\s+(?:team|researchers?|staff|delegation|investigators|"
    r"monitors)\s+in|\bspeaking\s+from|(?:^|\s)من\s+مكتب\S*\s+في|"
    r"press conference in|statement from|briefing in|مقره|ومقره|ومقرها|مقرها|"

    # a title names where its holder governs, not where anything happened
    r"\b(?:governor|mayor|mufti|bishop|archbishop|patriarch|MP|deputy|commander|chief|head|"
    r"director|security chief|police chief)s?\s+(?:of|for)|(?:محافظ|رئيس\s+بلديه|مفتي|مطران|"
    r"قائد\s+شرطه|مدير\s+منطقه)(?:\s+مدينه)?)\s+(?:the\s+)?$",
    re.I)
_COUNTRIES = {name_key(c) for c in (
    "لبنان", "تركيا", "العراق", "الأردن", "إسرائيل", "روسيا", "إيران", "مصر", "سوريا", "سورية",
    "فلسطين", "ألمانيا", "فرنسا", "أمريكا", "السعودية", "قطر", "الإمارات", "Lebanon", "Turkey",
    "Türkiye", "Iraq", "Jordan", "Israel", "Russia", "Iran", "Egypt", "Syria", "Germany",
    "France", "Qatar", "Geneva", "Beirut", "بيروت", "Amman", "عمان", "Istanbul", "Gaziantep",
    # foreign capitals and cities that share a Syrian village's name ("Anqarah")
    "Ankara", "أنقرة", "Moscow", "موسكو", "Tehran", "طهران", "Baghdad", "بغداد", "Cairo",
    "القاهرة", "Riyadh", "الرياض", "Doha", "الدوحة", "Washington", "واشنطن", "Paris", "باريس",
    "London", "لندن", "Berlin", "برلين", "Brussels", "Jerusalem", "القدس", "Erbil", "أربيل",
    # foreign names whose consonants spell a Syrian village ("Bosnia" ~ Al Basnah, "Buenos Aires"
    # ~ Baniyas, "Armenia" ~ Urman): where a witness trained or a court sits, never a scene here
    "Bosnia", "Buenos", "Italy", "Sudan", "Algeria", "Armenia", "Chechnya", "Chile", "Basra",
    "Adana", "Sidon", "Irbid", "Ramallah", "Hebron", "Jenin", "Zurich", "Milan", "Delhi",
    "Darfur")}
_ORG_AFTER = _rx(
    r"\s+(?:Today|News|Post|Times|Radio|TV|Network|Observer|Daily|Press|Wire|Media|Channel|"
    r"Agency|Now|Live|24|Observatory|Council|Committee|Coordination|Monitor|Center|Centre|Office|"
    r"Foundation|University|Brigade|Division|Front|Movement|Gathering|Revolutionary|Military|"
    r"Police|Directorate|Hospital|Specialist|Clinic|School|University|Mosque|Church|Prison|"
    r"Stadium|Airport|Bakery)\b|\s*(?:اليوم|الان|الآن|نيوز|بوست|24|الحدث|الإخبارية|الاخباريه)(?:\s|$)")
# "the Abu Bakr mosque", "the Khalid al-Walid school": a building named after a person; not
# bridges, roads or markets, which are named after the place they are in ("the Qara Qozak bridge")
_LANDMARK_AFTER = _rx(r"(?:\s+(?:al|el|ad|as|ash|ar|az)-[\w']+){0,2}\s+(?:mosque|church|school|"
                      r"shrine|cathedral|monastery)\b", re.I)
_THE_BEFORE = _rx(r"\bthe\s+$", re.I)
# "The Voice of the Ghouta", "Sons of Deir ez-Zor": a place inside an outlet's or group's name
_ORG_BEFORE = _rx(r"\b(?:Voice|Echo|Radio|News|Network|Sons|Lions|Falcons|Martyrs|Eagles|"
                  r"Revolutionaries|Coordination|Committee|Council|Brigade|Battalion|Front|"
                  r"Gathering|Union|Hospital|University)\s+of\s+(?:the\s+)?$|"
                  r"(?:صوت|اذاعه|شبكه|ابناء|احرار|ثوار|شهداء|تنسيقيه|لواء|كتيبه|تجمع|مشفى)\s+$")
_KIND_PREF = {"city": 4.0, "admin1": 3.0, "admin2": 2.6, "admin3": 2.0, "locality": 1.0}


class PlaceMentionLike(Protocol):
    role: str
    place_id: str


@dataclass
class RawMention:
    start: int
    end: int
    key: str
    candidates: list[GazPlace]
    modifier: str
    cue: str
    preferred: str = ""
    direction: str = ""  # "eastern" in "eastern Ghouta"


def _is_major(p: GazPlace, arabic: bool = False) -> bool:
    # Arabic village names are often ordinary nouns ("شجرة", tree): only towns of 50,000 or more
    # (and administrative units) are taken without a place word before them.
    if arabic:  # sub-districts too can be named like nouns (القبو, "the basement")
        return p.kind in ("admin1", "admin2") or p.population >= 50_000 or \
            p.feature_code in ("PPLA", "PPLA2", "PPLC")
    return p.kind != "locality" or p.population >= 5000 or p.feature_code in ("PPLA", "PPLA2",
                                                                               "PPLC")


def _capitalised(word: str) -> bool:
    core = word.lstrip("'`ʿʾ")
    if "-" in core:
        parts = core.split("-")
        return any(p[:1].isupper() for p in parts) or core[:1].isupper()
    return core[:1].isupper()


class _Tokens:
    """The tokens of a text as (start, end, word), built only for the ones asked for."""

    def __init__(self, matches: list[re.Match[str]], words: list[str]) -> None:
        self.matches = matches
        self.words = words

    def __getitem__(self, i: int) -> tuple[int, int, str]:
        m = self.matches[i]
        return m.start(), m.end(), self.words[i]


class _Lookups:
    """What the token loop asks of the gazetteer for one word or one run of words, remembered.

    The answers depend only on the string (and this gazetteer and reserved-word set), and
    reports repeat their words and names, so each is worked out once rather than at every
    occurrence (name keys, clitic variants, stop lists, skeletons)."""

    def __init__(self, gaz: Gazetteer, reserved: set[str]) -> None:
        self.gaz = gaz
        self.reserved = reserved
        self.stamp = (gaz.revision, len(reserved))
        # word -> 0: never starts a place name; 1: may start a one-word name; 2: a longer one too
        self.starts: dict[str, int] = {}
        self.caps: dict[str, bool] = {}
        # surface -> (name keys that qualify, with their offset in the surface; skeleton info)
        self.surfaces: dict[str, tuple[tuple[tuple[int, str], ...], tuple[str, int] | None]] = {}

    def capitalised(self, word: str) -> bool:
        cap = self.caps.get(word)
        if cap is None:
            cap = self.caps[word] = _capitalised(word)
        return cap

    def start(self, word: str) -> int:
        code = self.starts.get(word)
        if code is None:
            code = self.starts[word] = self._start(word)
        return code

    def _start(self, word: str) -> int:
        arabic = "\u0600" <= word[0] <= "\u06ff"
        if not arabic and len(word) > 3 and word.endswith("'s"):
            return self._start(word[:-2])  # "Idlib's Jabal al-Zawiya"
        if not arabic and not _capitalised(word) and word.lower() not in _LATIN_ARTICLES:
            return 0  # most words: lower-case Latin, never the start of a place name
        if name_key(word) in _COUNTRIES:
            return 0  # "لبنان" is Lebanon, not ل + the village "بنان"
        # Multi-word names are tried only when the first word starts some gazetteer name.
        first_words = self.gaz.first_words
        multi = word.lower() in _LATIN_ARTICLES or any(
            k.split(" ")[0] in first_words for _, k in _keys(word, 0, len(word), arabic) if k)
        if multi:
            return 2
        # A word that starts no longer name is tried alone: when that cannot succeed (no name
        # key or skeleton in the gazetteer), it is skipped like a lower-case word.
        if not arabic and not self.capitalised(word):
            return 0
        keys, skeleton = self.surface(word, arabic)
        return 1 if keys or skeleton is not None or self.spelling(word) else 0

    def spelling(self, surface: str) -> str:
        """The vowel-blind spelling key of a Latin surface when some place has it, else ""."""
        key = name_key(surface)
        if key in _EN_STOP or key in self.reserved:
            return ""
        sp = spelling_key(surface)
        return sp if len(sp) >= 5 and self.gaz.has_spelling_key(sp) else ""

    def surface(self, surface: str, arabic: bool
                ) -> tuple[tuple[tuple[int, str], ...], tuple[str, int] | None]:
        hit = self.surfaces.get(surface)
        if hit is None:
            hit = self.surfaces[surface] = self._surface(surface, arabic)
        return hit

    def _surface(self, surface: str, arabic: bool
                 ) -> tuple[tuple[tuple[int, str], ...], tuple[str, int] | None]:
        gaz, reserved = self.gaz, self.reserved
        keys = tuple((s, key) for s, key in _keys(surface, 0, len(surface), arabic)
                     if key and gaz.has_key(key) and not (
                         key in _EN_STOP or key in reserved or surface[s:].lower() in reserved))
        if not keys and not arabic and len(surface) >= 5 and surface[-1:].lower() in "aeh" and \
                (re.search(r"[\s-]", surface) or surface[-2:].lower() in ("eh", "ah")):
            # the Arabic ending ة is written -a, -ah, -eh or -e: "al-Mukhtariya" is the
            # gazetteer's "Mukhtariyah", "Arzeh" its "Arzah" (but a bare "Samira" is a woman)
            stem = re.sub(r"(?:ah|eh|a|e)$", "", surface, flags=re.I)
            for variant in (stem + "ah", stem + "eh", stem + "a"):
                key = name_key(variant)
                if variant != surface and key and gaz.has_key(key) and key not in _EN_STOP \
                        and key not in reserved:
                    keys = ((0, key),)
                    break
        skeleton = None
        key_words = name_key(surface).split()
        if not arabic and " ".join(key_words) not in _EN_STOP and \
                not any(w in _MONTH_WORDS for w in key_words):
            sk = skeleton_key(surface)
            cons = len(sk.replace(" ", ""))
            if cons >= 3 and gaz.has_skeleton_key(sk):
                skeleton = (sk, cons)
        return keys, skeleton


_LOOKUPS: dict[tuple[int, int], _Lookups] = {}


def _lookups(gaz: Gazetteer, reserved: set[str]) -> _Lookups:
    key = (id(gaz), id(reserved))
    found = _LOOKUPS.get(key)
    if found is None or found.gaz is not gaz or found.reserved is not reserved or \
            found.stamp != (gaz.revision, len(reserved)) or \
            len(found.surfaces) + len(found.starts) > 400_000:  # a bound on memory
        if len(_LOOKUPS) > 8:
            _LOOKUPS.clear()
        found = _LOOKUPS[key] = _Lookups(gaz, reserved)
    return found


def find_place_mentions(norm: str, gaz: Gazetteer, blocked: Sequence[tuple[int, int]],
                        reserved: set[str]) -> list[RawMention]:
    matches = list(_TOKEN.finditer(norm))
    words = [m.group() for m in matches]
    tokens = _Tokens(matches, words)
    mentions: list[RawMention] = []
    # an account's handle ("@Hasan_Jassem", "@HomsNews") names no place
    blocked_sorted = sorted([*blocked, *((m.start(), m.end()) for m in _HANDLE.finditer(norm))]) \
        if "@" in norm else sorted(blocked)
    i = 0
    n_tok = len(words)
    look = _lookups(gaz, reserved)
    code_of = look.starts
    for w in set(words).difference(code_of):
        look.start(w)
    # most words (lower-case Latin) never start a place name: the loop visits only the others
    candidates = [k for k, w in enumerate(words) if code_of[w]]
    capitalised = look.capitalised
    while i < n_tok:
        c = bisect_left(candidates, i)
        if c == len(candidates):
            break
        i = candidates[c]
        found = None
        tok = tokens[i]
        code = code_of[tok[2]]
        arabic = "\u0600" <= tok[2][0] <= "\u06ff"
        # tokens of a name must be adjacent (only spaces or hyphens between): how many are
        run = 1
        if code == 2:
            while run < 4 and i + run < n_tok and not norm[
                    matches[i + run - 1].end():matches[i + run].start()].strip(" -"):
                run += 1
        for n in (4, 3, 2, 1) if code == 2 else (1,):
            if n > run:
                continue
            last = words[i + n - 1]
            start, end = tok[0], matches[i + n - 1].end()
            if not arabic and not capitalised(last):
                continue
            if not arabic and last.endswith("'s") and len(last) > 3:
                end -= 2  # the possessive is no part of the name
            keys, skeleton = look.surface(norm[start:end], arabic)
            for rel, key in keys:
                if _overlaps(start + rel, end, blocked_sorted):
                    continue
                if key in _AR_STOP:
                    window = norm[max(0, start + rel - 14):start + rel]
                    cue_m = _AR_STRONG_CUE.search(window)
                    if key in _AR_NEVER or cue_m is None or _MASSACRE_WORD.match(cue_m.group(0)) or \
                            _RAID_VERB.search(cue_m.group(0)):
                        # (a raid names its target, but "اقتحموا منزله" is his house, not a
                        # village called Manzilah: a common word stays one after a verb)
                        # a common word, unless a place word names it ("مدينة التل"); after
                        # "مجزرة" it is an adjective ("مجزرة جديدة": a new massacre)
                        continue
                    if key in _AR_ADJECTIVES and window[:cue_m.start()].endswith("ال"):
                        # after a definite place word it agrees with it as an adjective:
                        # "الحي الشرقي" is the eastern quarter, not the village Ash Sharqi
                        continue
                found = (start + rel, end, key, n)
                break
            if found:
                break
            if not arabic and n <= 3:
                # Spelling variants, only next to a place cue. First the vowel-blind key (Marea /
                # Mare', Ain Issa / Ein Issa) after a word that names a scene ...
                sp = look.spelling(norm[start:end])
                if sp and _SPELLING_CUE.search(norm[max(0, start - 30):start]) and \
                        not _overlaps(start, end, blocked_sorted) and 0 < len(_similar_length(
                            _dedupe(gaz.lookup_spelling_key(sp)), norm[start:end])) <= 3:
                    found = (start, end, "=" + sp, n)
                    break
                # ... then the looser consonant skeleton (cheap dictionary test first)
                if skeleton is None or not _LATIN_CUE.search(norm[max(0, start - 40):start]):
                    continue
                sk, cons = skeleton
                strong = re.search(r"(?:village|town|hamlet|city)\s+of\s+$",
                                   norm[max(0, start - 20):start])
                if (cons >= 5 or (strong and cons >= 3)) and \
                        not _overlaps(start, end, blocked_sorted):
                    found = (start, end, "~" + sk, n)
                    break
        if not found:
            i += 1
            continue
        s, e, key, n = found
        if not has_arabic(key) and re.match(r"(?:\s+(?:al|el|ad|as|ash|ar|az)-|-)[A-Z]",
                                            norm[e:e + 6]):
            i += n  # "Karm al-Zeitoun": only part of a longer name the gazetteer lacks
            continue
        if _ORG_AFTER.match(norm[e:e + 30]) or re.match(r"\s*'s\s+(?:correspondent|reporter)",
                                                        norm[e:e + 30]) or \
                _ORG_BEFORE.search(norm[max(0, s - 30):s]):
            i += n  # "Idlib Today", "Homs News Network": an outlet or body named after a place
            continue
        if not has_arabic(key) and not _MODIFIER_AFTER.match(norm[e:e + 30]) and \
                _PERSON_AFTER.match(norm, e, e + 40) and \
                not _TOPONYM_BEFORE.search(norm, max(0, s - 25), s):
            i += n  # "Rasha and her two daughters walked", "Samir, 34, said": a person
            continue
        if not has_arabic(key) and _THE_BEFORE.search(norm, max(0, s - 5), s) and \
                _LANDMARK_AFTER.match(norm, e, e + 50):
            i += n  # "the Abu Bakr mosque": a building's name
            continue
        preferred = ""
        if key[0] in "~=":
            cands = _similar_length(_dedupe(
                gaz.lookup_skeleton_key(key[1:]) if key[0] == "~" else
                gaz.lookup_spelling_key(key[1:])), norm[s:e])
            if not cands or len(cands) > 3:
                # a loose spelling that fits many places is a guess, and a wrong scene is worse
                # than a missing one
                i += n
                continue
        else:
            cands = _dedupe(gaz.lookup_key(key))
            pref = gaz.preferred_for(key)
            if pref is not None:
                preferred = pref.id
        before = norm[max(0, s - 60):s]
        if "\n" in before:
            # a cue never reaches over a paragraph or a heading: "PART TWO: THE VILLAGE\n\nRasha
            # Mahfouz remembers" (a wrapped line of a sentence still counts)
            before = _PARAGRAPH_BREAK.split(before)[-1]
        after = norm[e:e + 30]
        modifier = ""
        mb = _MODIFIER_BEFORE.search(before)
        ma = _MODIFIER_AFTER.match(after)
        if ma:
            modifier = _MODIFIER_KIND.get(ma.group("m").lower(), "")
        elif mb:
            word = mb.group("m").lower().split()[0].rstrip("s") if not has_arabic(
                mb.group("m")) else mb.group("m").split()[0]
            modifier = _MODIFIER_KIND.get(word, _MODIFIER_KIND.get(word + "s", ""))
        elif mentions and mentions[-1].modifier and re.fullmatch(
                r"\s*(?:,|and|or|و|او)\s*", norm[mentions[-1].end:s]):
            modifier = mentions[-1].modifier  # "the governorates of Latakia and Tartus"
        countryside = (ma is not None and ma.group("m").lower() in ("countryside", "suburbs")) or (
            mb is not None and mb.group("m").lower().split()[0] in ("countryside", "suburbs",
                                                                    "rural", "ريف"))
        if countryside:
            # "rural Damascus", "the Damascus countryside": a governorate of its own (ريف دمشق)
            rif = _dedupe([q for c in cands if c.name_ar
                           for q in gaz.lookup_key(name_key("ريف " + c.name_ar))
                           if q.kind == "admin1"])
            if rif:
                cands, preferred = rif, ""
        dm = _DIRECTION_BEFORE.search(before)
        arabic = has_arabic(key)
        cue = ""
        if arabic:
            if s > tokens[i][0] and norm[tokens[i][0]:s] == "و" and mentions and re.fullmatch(
                    r"\s*[,،]?\s*", norm[mentions[-1].end:tokens[i][0]]):
                # "أحياء الزهراء والنزهة وعكرمة": the next name of a list, glued to its "و"
                cue = "list_continuation"
            elif _AR_STRONG_CUE.search(before) or _AR_LIST_INTRO.search(before):
                cue = "arabic_place_word"
            elif s > tokens[i][0]:
                cue = "arabic_prefix"
            elif (mentions and re.fullmatch(r"\s*(?:و|,|،|او)\s*", norm[mentions[-1].end:s] + "")) or (mentions and re.fullmatch(r"\s*(?:,|،)?\s*و?", norm[mentions[-1].end:tokens[i][0]])):
                cue = "list_continuation"
        else:
            if _LATIN_CUE.search(before):
                cue = "preposition"
            elif mentions and norm[mentions[-1].end:s] in ("'s ", "’s "):
                cue = "possessive_of_place"  # "Idlib's Jabal al-Zawiya"
            elif ma:
                cue = "place_word_after"
        is_major = any(_is_major(p, arabic) for p in cands)
        accept = is_major if not cue else True
        if arabic and not is_major and cue not in ("arabic_place_word", "list_continuation"):
            # a two-word name after "في" / "من" ("في معضمية الشام") is rarely a common noun
            accept = n > 1 and bool(_AR_PREPOSITION_BEFORE.search(before))
        if arabic and not is_major and cue == "arabic_prefix":
            # "في القبو" (in the basement): a preposition is no evidence of a place name
            accept = bool(re.search(r"(?:قرب|محيط|اطراف|بلدات|قرى)\s+$", before)) or (
                # ... but a name of two words or more glued to "ب" or the colloquial "ع" is
                # ("بدرعا البلد", "عمعرة النعمان"), as after a separate "في"
                n > 1 and norm[s - 1] in "بع")
        if arabic and not accept and (cue in ("", "arabic_prefix")) and \
                _quarter_city_follows(norm, e, cands, gaz):
            # "في الخالدية بحمص": a quarter followed by its own city
            accept, cue = True, "quarter_with_city"
        if arabic and not accept and mentions and (
                n > 1 or _AR_PREPOSITION_BEFORE.search(before) or norm[tokens[i][0]:s] == "ب"):
            # (a known quarter's name of two words, "اقتحام بابا عمرو", as in English below)
            # "من الوعر" in a post that named Homs before: a known quarter of a city the text
            # has named is no common word
            parents = {_parent_id(c) for c in cands if c.coordinates_of.startswith("city:")}
            if parents - {""} and any(c.id in parents for mm in mentions for c in mm.candidates):
                accept, cue = True, "quarter_of_named_city"
        if not arabic and not accept and n > 1 and mentions:
            # "Masaken Hanano fell within two weeks" in a report on Aleppo: a quarter's name of two
            # capitalised words, of a city the text has named, is no common phrase
            parents = {_parent_id(c) for c in cands if c.coordinates_of.startswith("city:")}
            if all(c.coordinates_of.startswith("city:") for c in cands) and any(
                    c.id in parents for mm in mentions for c in mm.candidates):
                accept, cue = True, "quarter_of_named_city"
        if arabic and accept and s > tokens[i][0] and not norm.startswith("ال", s) and cands \
                and all(normalize_arabic(c.name_ar or "ال").startswith("ال") for c in cands):
            # "إن فرقه انتشلت" (its teams) is no ف + Raqqa: a name that carries the article
            # keeps it after a glued و / ب / ف ("فالرقة", "بالرقة")
            accept = False
        if arabic and not is_major and s > tokens[i][0] and norm[s - 1] == "ع" and \
                norm[s:s + 2] != "ال":
            accept = False  # "عناصر" is not ع + a village "ناصر": only major places take a bare ع
        if not arabic and not is_major and len(key) <= 3:
            accept = False
        if key[0] in "~=":
            cue = ("spelling_variant:" if key[0] == "~" else "vowel_variant:") + (cue or "")
        if accept:
            paired = _paired_direction(norm, s, e, before, look, gaz)
            if paired is not None:
                mentions.append(paired)  # "Eastern and Western Ghouta": Eastern Ghouta too
            mentions.append(RawMention(s, e, key, cands, modifier, cue or "major_place",
                                       preferred, dm.group("d").lower() if dm else ""))
            i += n
        else:
            i += 1  # a shorter name inside may still qualify ("ناحية جنديرس" -> "جنديرس")
    return _quarters_of_named_cities(norm, mentions, blocked_sorted)


# "حي الزراعة في اللاذقية" / "بحي الزراعة باللاذقية", "the al-Zahraa neighbourhood of Homs", "the
# neighbourhood of Bab Sbaa in Homs": a quarter and its city, whether or not a list knows the
# quarter. Matched against the text just before the city's mention.
_AR_QUARTER_BEFORE = _rx(
    r"(?:^|\s|ب|و)حيي?\s+(?P<q>[^\s،,.:؛]+(?:\s+[^\s،,.:؛]+){0,2}?)\s+(?:في\s+(?:مدين[هة]\s+)?|ب)$")
_LATIN_NAME = r"(?:(?:al|el|as|ash|ad|ar|az|at)-)?[A-Z][\w'’-]+"
_EN_QUARTER_BEFORE = _rx(
    rf"(?:\b(?:the|a)\s+(?P<q>{_LATIN_NAME}(?:\s+{_LATIN_NAME}){{0,2}})\s+"
    r"(?:neighbou?rhood|quarter)\s+(?:of|in)\s+"
    rf"|\bneighbou?rhood\s+of\s+(?P<q2>{_LATIN_NAME}(?:\s+{_LATIN_NAME}){{0,2}})\s+in\s+)"
    r"(?:the\s+)?(?:city\s+of\s+)?$")


def _quarters_of_named_cities(norm: str, mentions: list[RawMention],
                              blocked: Sequence[tuple[int, int]]) -> list[RawMention]:
    """A quarter named with its city is that city's quarter, not a village of the same name
    elsewhere; when no list knows it, it gets the city's coordinates and says so.

    The gazetteers list few city quarters, and reports name many: without this, "بحي الزراعة
    باللاذقية" (a Latakia quarter) was read as a village of that name in Aleppo.
    """
    out = list(mentions)
    for m in mentions:
        city = next((p for p in m.candidates if p.is_city or (p.kind in ("admin1", "admin2")
                     and not p.coordinates_of)), None)
        if city is None:
            continue
        before = norm[max(0, m.start - 60):m.start]
        qm = _AR_QUARTER_BEFORE.search(before) if has_arabic(m.key) else \
            _EN_QUARTER_BEFORE.search(before)
        if qm is None:
            continue
        group = "q" if qm.group("q") else "q2"
        qs = m.start - len(before) + qm.start(group)
        qe = m.start - len(before) + qm.end(group)
        name = norm[qs:qe]
        if _overlaps(qs, qe, blocked) or name_key(name) in _EN_STOP or not name_key(name):
            continue
        inside = [x for x in out if x.start < qe and x.end > qs]
        parent = city if city.is_city else next(
            (p for p in m.candidates if p.is_city), city)
        if any(p.coordinates_of and p.admin1 == parent.admin1 for x in inside
               for p in x.candidates):
            continue  # a known quarter of this city (data/neighbourhoods.tsv)
        quarter = GazPlace(
            f"quarter:{parent.id}:{name_key(name)}", "locality", name, "", (), parent.lat,
            parent.lon, parent.admin1, parent.admin2, parent.country, 0, "PPLX",
            coordinates_of=f"city: {latin_name(parent)} ({parent.id})")
        out = [x for x in out if x not in inside]
        out.append(RawMention(qs, qe, name_key(name), [quarter], "quarter",
                              "quarter_of_named_city"))
    out.sort(key=lambda x: x.start)
    return out


_PAIRED_DIRECTION = re.compile(r"\b(?P<d>Eastern|Western|Northern|Southern|East|West|North|South|"
                               r"Upper|Lower)\s+(?:and|&)\s+$", re.I)
_DIRECTION_WORD = re.compile(r"(?:Eastern|Western|Northern|Southern|East|West|North|South|Upper|"
                             r"Lower)\s+", re.I)


def _paired_direction(norm: str, s: int, e: int, before: str, look: _Lookups,
                      gaz: Gazetteer) -> RawMention | None:
    """"Eastern and Western Ghouta" names two regions: the first, "Eastern Ghouta", is found by
    putting its direction word in front of the rest of the second name."""
    head = _DIRECTION_WORD.match(norm, s, e)
    pair = _PAIRED_DIRECTION.search(before) if head else None
    if head is None or pair is None:
        return None
    other = pair.group("d") + " " + norm[head.end():e]
    keys, _skeleton = look.surface(other, False)
    if not keys:
        return None
    key = keys[0][1]
    cands = _dedupe(gaz.lookup_key(key))
    if not cands:
        return None
    start = s - len(before) + pair.start("d")
    return RawMention(start, start + len(pair.group("d")), key, cands, "", "paired_direction")


_NEXT_AR_WORDS = re.compile(r"\s+(?:في\s+)?(?:ب?مدين[هة]\s+)?([\u0621-\u064a]+)")


def _quarter_city_follows(norm: str, e: int, cands: list[GazPlace], gaz: Gazetteer) -> bool:
    """Whether the word after an Arabic name is the city of one of its quarter candidates
    ("الخالدية بحمص", "الخالدية في مدينة حمص")."""
    quarters = [c for c in cands if c.coordinates_of.startswith("city:")]
    if not quarters:
        return False
    m = _NEXT_AR_WORDS.match(norm, e, e + 40)
    if m is None:
        return False
    word = m.group(1)
    keys = {name_key(word)}
    if word[:1] in "وبل" and len(word) > 3:
        keys.add(name_key(word[1:]))
    by_id = gaz.by_id()
    for q in quarters:
        city = by_id.get(_parent_id(q))
        if city is not None and keys & {name_key(n) for n in city.matched_names if n}:
            return True
    return False


def _keys(norm: str, start: int, end: int, arabic: bool) -> list[tuple[int, str]]:
    surface = norm[start:end]
    if not arabic:
        return [(start, name_key(surface))]
    out = [(start, name_key(surface))]
    # Clitics glued to the first word: و ف ب ل ك, and لل for ل + ال.
    if surface.startswith("لل") and len(surface) > 4:
        out.append((start + 1, name_key("ا" + surface[1:])))
    for k in (1, 2):
        if len(surface) > k + 2 and all(c in "وفبلك" for c in surface[:k]):
            out.append((start + k, name_key(surface[k:])))
            if surface[k:].startswith("لل"):
                out.append((start + k + 1, name_key("ا" + surface[k + 1:])))
    # Levantine posts glue "على" as "ع": "عجرابلس", "عالرقة", "وعحلب". Tried last, so a name
    # that itself starts with ع ("عفرين", "عزاز") keeps its own reading; a short rest is
    # too likely a word's root, and a bare prefix is accepted only for major places.
    k = 1 if surface.startswith(("وع", "فع")) else 0
    if surface[k:k + 1] == "ع" and len(surface) - k - 1 >= 3:
        out.append((start + k + 1, name_key(surface[k + 1:])))
    return out


def _overlaps(s: int, e: int, spans: Sequence[tuple[int, int]]) -> bool:
    """Whether [s, e) overlaps a span of ``spans`` (sorted by start)."""
    i = bisect_left(spans, (e,))  # spans starting at or after e cannot overlap
    return any(b > s for _a, b in spans[max(0, i - 8):i])


def _similar_length(places: list[GazPlace], surface: str) -> list[GazPlace]:
    """Skeleton candidates whose spelling is about as long as the text's.

    A consonant skeleton drops vowels and y, so "Al-Hosn" (hsn) also keys "Al Husayniyah": a
    transliteration variant changes vowels, not whole syllables.
    """
    size = len(name_key(surface).replace(" ", ""))
    slack = max(2, size // 3)
    return [p for p in places
            if any(abs(len(name_key(n).replace(" ", "")) - size) <= slack
                   for n in p.matched_names if not has_arabic(n))]


def _dedupe(places: list[GazPlace]) -> list[GazPlace]:
    seen: set[str] = set()
    out = []
    for p in places:
        if p.id not in seen:
            seen.add(p.id)
            out.append(p)
    return out


def latin_name(p: GazPlace) -> str:
    """The place's name for display: Latin script, without transliteration marks
    ("Bāniyās" -> "Baniyas", "Bayt `Ana" -> "Bayt Ana") so one town reads the same everywhere."""
    return _latin_name(p.name, p.alt_names, (p.admin2, p.admin1))


@lru_cache(maxsize=65536)
def _latin_name(name: str, alt_names: tuple[str, ...], admins: tuple[str, str]) -> str:
    if has_arabic(name):
        admin = {name_key(a) for a in admins if a}
        latin = [alt for alt in alt_names if not has_arabic(alt)]
        # a city named in Arabic: the Latin name of its district or governorate if it has it
        # ("Homs", not the first alternate, "Emesa")
        name = next((alt for alt in latin if name_key(alt) in admin), latin[0] if latin else name)
    if has_arabic(name):
        return name
    plain = strip_latin_diacritics(name).replace("`", "").replace("ʿ", "").replace("ʾ", "")
    return re.sub(r"\s+", " ", plain.replace("‘", "").replace("’", "'")).strip()


def _parent_id(p: GazPlace) -> str:
    m = re.search(r"\(([^()]+)\)$", p.coordinates_of)
    return m.group(1) if m else ""


def city_of_quarters(mentions: Sequence[PlaceMentionLike], scene_ids: set[str],
                     gaz: Gazetteer) -> list[int]:
    """Indices of non-scene mentions that name the city of a scene quarter (the witness is "from
    Sweida city"; the events were in its quarter al-Maqwas): that city is a scene too. Origins
    and destinations are left alone."""
    by_id = gaz.by_id()
    cities: dict[str, set[str]] = {}
    for pid in scene_ids:
        place = by_id.get(pid)
        if place is None or not place.coordinates_of.startswith("city:"):
            continue
        parent = by_id.get(_parent_id(place))
        if parent is not None:
            cities.setdefault(parent.admin1, set()).update(
                name_key(n) for n in parent.matched_names if n)
    out = []
    for k, pm in enumerate(mentions):
        if pm.role in ("scene", "origin", "destination") or pm.place_id in scene_ids:
            continue
        place = by_id.get(pm.place_id)
        if place is not None and place.kind != "admin1" and \
                {name_key(n) for n in place.matched_names if n} & cities.get(place.admin1, set()):
            out.append(k)
    return out


def _coordinates_note(p: GazPlace) -> str:
    if not p.coordinates_of:
        return ""
    relation, _, whose = p.coordinates_of.partition(": ")
    return (f"; {p.name} has no coordinates of its own in the gazetteer: the coordinates are "
            f"the {relation}'s, {whose}")


def resolve(mentions: list[RawMention]) -> list[tuple[GazPlace, str]]:
    """Choose one gazetteer place per mention; return it with the explanation of the choice."""
    context_admin1: dict[str, int] = {}
    for m in mentions:
        admins = {p.admin1 for p in m.candidates}
        if len(admins) == 1:
            a = next(iter(admins))
            context_admin1[a] = context_admin1.get(a, 0) + 1
    named_ids = {p.id for m in mentions for p in m.candidates}
    out: list[tuple[GazPlace, str]] = []
    for m in mentions:
        if len(m.candidates) == 1 and m.cue == "quarter_of_named_city":
            p = m.candidates[0]
            out.append((p, "a quarter named with its city in the text; no list of quarters has "
                           "it" + _coordinates_note(p)))
            continue
        if len(m.candidates) == 1:
            p = m.candidates[0]
            out.append((p, f"only gazetteer entry for this name ({p.id}: {p.describe()})"
                           + _coordinates_note(p)))
            continue
        scored = []
        # (the other mentions' governorates: a mention whose candidates all lie in one does not
        # count itself)
        one_admin1 = len({q.admin1 for q in m.candidates}) == 1
        for p in m.candidates:
            kind = "city" if p.is_city else p.kind
            score = _KIND_PREF.get(kind, 1.0)
            reasons = []
            if m.modifier:
                want = m.modifier
                if want == "village":
                    # "the villages of X and Y": a village, not the town of the same name
                    # (a sub-district is named after its seat: "the village of al-Mazraa" is the
                    # seat of Mazra'a sub-district, not a hamlet whose longer name starts alike)
                    score += 3.0 if kind == "locality" else 1.0 if p.kind == "locality" else \
                        2.0 if p.kind == "admin3" else 0.0
                    reasons.append("text calls it a village")
                elif want == kind or (want == "locality" and p.kind == "locality") or \
                        (want == "city" and p.kind in ("locality", "admin2", "admin3")):
                    score += 3.0
                    reasons.append(f"text calls it a {want}")
                elif want == "admin1" and kind == "admin2":
                    score += 2.0  # "ريف جبلة": the district around a town that is no governorate
                    reasons.append("text calls it a countryside")
                elif want in ("city", "village", "quarter") and kind == "admin1":
                    score -= 3.0  # "مدينة حلب", "the city of Aleppo": not the governorate
            if (context_admin1.get(p.admin1, 1) - 1 if one_admin1 else
                    context_admin1.get(p.admin1, 0)) > 0:
                score += 2.5
                reasons.append(f"other places in the text are in {p.admin1}")
            if p.feature_code == "RGN" and m.key in {name_key(n) for n in p.matched_names if n}:
                score += 2.0  # a region's full name ("الغوطة الغربية") is that region's
                reasons.append("the region's own name")
            if p.coordinates_of:  # a city quarter or region from data/neighbourhoods.tsv
                if m.modifier == "quarter":
                    score += 5.0  # "حي X": a quarter, not a town of the same name elsewhere
                    reasons.append("text calls it a neighbourhood or camp")
                parent = re.search(r"\(([^()]+)\)$", p.coordinates_of)
                if parent and parent.group(1) in named_ids:
                    score += 2.0
                    reasons.append("its city is named in the text")
                if m.direction and m.direction[:4] in p.name.lower():
                    score += 3.0
                    reasons.append(f"text says '{m.direction}'")
            score += 0.3 * math.log10(p.population + 1)
            if p.id == m.preferred and m.modifier in ("", "city", "locality"):
                score += 5.0
                reasons.append("curated alias (gazetteer/data/aliases.tsv)")
            scored.append((score, p, reasons))
        scored.sort(key=lambda t: (-t[0], t[1].id))
        _best_score, best, reasons = scored[0]
        why = "; ".join(reasons) or (
            "populated place preferred" if best.is_city else f"{best.kind} preferred")
        out.append((best, f"chose {best.id} ({best.describe()}, {best.kind}) among "
                          f"{len(scored)} entries named '{m.key}': {why}"
                          + _coordinates_note(best)))
    # One name, one place in a report: a bare "al-Mazraa" is the place the text called "the
    # village of al-Mazraa" elsewhere (the mention with a place word is the better evidence).
    named: dict[str, GazPlace] = {}
    for m, (p, _why) in zip(mentions, out, strict=True):
        if m.modifier and m.modifier not in ("admin1", "admin2") and len(m.candidates) > 1:
            named.setdefault(m.key, p)
    for k, m in enumerate(mentions):
        chosen = named.get(m.key)
        if chosen is not None and not m.modifier and out[k][0].id != chosen.id and \
                chosen in m.candidates:
            out[k] = (chosen, f"chose {chosen.id} ({chosen.describe()}, {chosen.kind}), the place "
                              f"this name was given where the text says what it is"
                      + _coordinates_note(chosen))
    return out


# Where a place stands in its sentence.
# After a place that opens a paragraph: "BEIRUT, March 8 (Wire) -", "DAMASCUS (AP) —", "QAMISHLI,
# Syria, May 2 -": a dateline below a headline, not a sentence that starts with a place name.
DATELINE_REST = re.compile(
    r"(?:,\s*[A-Z][A-Za-z ]{1,20})?(?:,?\s*[A-Z][a-z]{2,8}\.?\s+\d{1,2}(?:,\s*\d{4})?)?"
    r"\s*(?:\([^()\n]{1,40}\))?\s*(?:—|–|-|:)")

# "Damascus (ICRC) –", "DAMASCUS, Syria (AP) —", "دمشق (سانا) -": a release's or a wire's
# dateline, with the agency in brackets, may stand under a longer header block (title, kicker,
# date, issuing body) than the first lines
AGENCY_DATELINE = re.compile(r"(?:,\s*[A-Z][A-Za-z ]{1,20})?\s*\([^()\n\d]{1,40}\)\s*(?:—|–|-)\s")

# "أحياء حمص القديمة، مثل الخالدية وباب السباع", "the Hama countryside, including Kafr Zita": a
# place whose parts are listed right after it only locates them (the guide: the containing place
# is optional); the parts are the scenes
SUCH_AS_GAP = _rx(r"(?:\s+(?:countryside|province|governorate|city|district|suburbs|region|"
                  r"الشرقي|الغربي|الشمالي|الجنوبي))?\s*[,،]?\s*(?:such\s+as|including|notably|especially|particularly|in\s+particular|"
                  r"مثل|منها|ومنها|و?لا\s+سيما|و?خاص[هة]|من\s+بينها|بينها)\s+(?:(?:the\s+)?(?:towns?|"
                  r"villages?|neighbou?rhoods?|districts?|areas?)\s+(?:of\s+)?|(?:حي|احياء|قري[هة]|قرى|"
                  r"بلد[هة]|بلدات|مدين[هة]|مدن)\s+)?", re.I)

# where the teller lives, named as she is introduced: "الشاهدة من سكان حي التضامن", "a resident
# of Douma who asked not to be named"
RESIDENT_BEFORE = _rx(r"(?:\bresidents?\s+of|\bwho\s+lives?\s+in|(?:^|\s)(?:من|احد)\s+(?:سكان|اهالي))\s+"
                      r"(?:(?:the\s+)?(?:town|village|city|district|neighbourhood|camp)\s+of\s+|"
                      r"(?:حي|مدينه|بلده|قريه|مخيم)\s+)?$", re.I)

WITNESS_HEAD = _rx(r"\W*(?:the\s+|a\s+|some\s+)?(?:residents?|villagers?|people|families|"
                           r"witness(?:es)?|survivors?|relatives|displaced|اهالي|سكان|احد سكان)",
                           re.I)

# clashes, strikes and fighting: where they happened is a scene of the report's events
INCIDENT = _rx(r"\b(?:clash(?:es|ed)?|fighting|battles?|struck|strikes?|air ?strikes?|shelled|"
               r"ambush(?:ed)?|offensive|explosions?|blasts?|stormed|besieged|siege)\b|"
               r"(?:^|\s)[وف]?(?:اشتباك\S*|معارك|غار[هة]|غارات|استهدف\S*|انفجار|هجوم|اقتحم\S*|"
               # SANA: "أحبطت محاولة تسلل على محور قرية X", "تصدت لهجوم"
               r"حصار|قصف\S*|تسلل\S*|تصدت|تصدى)(?:\s|$)", re.I)

BASED_AFTER = re.compile(r"-based\b")

FROM_THEN_IN = re.compile(r"\bfrom\b[^.;]*\b(?:in|at)\s+(?:the\s+)?$", re.I)

LIST_JOIN = re.compile(r"(?:\s+(?:countryside|province|governorate|city|district|suburbs|region))?"
                       # ("... مثل صحنايا وجديدة عرطوز وإلى دمشق": the preposition repeated)
                       # ("from Rif Dimashq, especially Daraya and Douma", "ولا سيما داريا")
                       r"\s*(?:[,،]\s*(?:(?:and\s+)?(?:especially|notably|particularly|including|mainly)|"
                       r"و?لا\s+سيما|و?خاص[هة]|و?منها|و?بينها)\s+|(?:,|،|and|or|و|او)\s*)"
                       r"(?:(?:for|to|towards?|into|in|at|الى|الي|نحو)\s+)?"
                       r"(?:(?:the\s+)?(?:towns?|villages?|city|cities|"
                       r"neighbou?rhoods?|district|camps?|countryside)\s+of\s+|rural\s+|"
                       r"(?:(?:مدين[هة]|مدن|بلد[هة]|بلدات|قري[هة]?|قرى|حي|احياء|أحياء|مخيم|مخيمات|"
                       r"منطق[هة]|مناطق|ريف)\s+){1,2})?")

def place_role(norm: str, raw: RawMention, gp: GazPlace, why: str, sn: Sentence, surface: str,
               in_event: bool, any_event: bool, speaker_span: tuple[int, int] | None,
               previous: tuple[str, int, int] | None) -> tuple[str, str]:
    """The part a place named at ``raw`` plays in its sentence ``sn``: "scene" (where a reported
    event happened), "dateline", "origin", "destination", "base" (where a source speaks from) or
    "mentioned"; and the explanation ``why``, extended when the role needs it. ``in_event``: the
    sentence tells an event or sets its scene; ``any_event``: the document tells one;
    ``previous``: the role, sentence and end of the place named just before."""
    si = sn.index
    before = norm[max(sn.start, raw.start - 70):raw.start]
    # the dateline opens the first line or, under a headline, the first paragraph
    if si <= 2 and raw.start < 400 and (raw.start == 0 or norm[raw.start - 1] == "\n") \
            and (surface.isupper() or re.match(
                r"\s*(?:,\s*[A-Za-z ]{2,20})?\s*(?:\(|—|–|-|:|\d|,\s*\w+\s+\d)",
                norm[raw.end:raw.end + 40])) and raw.start == sn.start and (
            si == 0 or DATELINE_REST.match(norm, raw.end, raw.end + 60)):
        role = "dateline"
    elif raw.start < 800 and raw.start == sn.start and (raw.start == 0 or norm[raw.start - 1] == "\n") \
            and AGENCY_DATELINE.match(norm, raw.end, raw.end + 60):
        role = "dateline"  # "News release / 17 January 2024 / ICRC / Damascus (ICRC) –"
    elif WHERE_AFTER.match(norm, raw.end) and in_event:
        role = "scene"  # "transferred to Saydnaya, where he died under torture"
    elif origin_before(before):
        role = "origin"
    elif (dest := _DESTINATION.search(before)) is not None and not (
            FROM_THEN_IN.search(dest.group(0))):
        # (but "was taken from his shop in X": where it happened)
        role = "destination"
    elif previous is not None and previous[0] in ("origin", "destination") and \
            previous[1] == si and LIST_JOIN.fullmatch(norm, previous[2], raw.start):
        role = previous[0]  # "fled toward Tabqa and Raqqa"
    elif _BASE.search(before) or BASED_AFTER.match(norm, raw.end, raw.end + 7) or (
            speaker_span is not None and speaker_span[0] <= raw.start < speaker_span[1]
            and not WITNESS_HEAD.match(norm[speaker_span[0]:raw.start])):
        # "lawyers in Latakia say ...": where the source is, not where it happened
        # (but "residents of Arzeh said" points at the scene).
        role = "base"
    elif len(raw.candidates) >= 5 and gp.kind == "locality" and gp.population < 20_000 and \
            not any(w in why for w in ("other places in the text", "text calls it",
                                       "curated alias", "its city is named")):
        # thirteen villages are called al-Hamidiyah: with nothing in the text to choose
        # one, any choice is a guess, and a wrong scene is worse than a missing one
        role = "mentioned"
        why += f"; not a scene: {len(raw.candidates)} places share this name and " \
               "nothing in the text chooses among them"
    elif in_event or (any_event and INCIDENT.search(sn.text)):
        # (the guide: clashes and strikes make a scene even when the sentence names no
        # violation: "Israel struck tanks near the village of X")
        role = "scene"
    else:
        role = "mentioned"
    return role, why
