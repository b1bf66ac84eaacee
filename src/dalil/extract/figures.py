"""Which numbers count people harmed, and what happened to them; which are other figures."""

from __future__ import annotations

import re

from dalil.extract import fastre
from dalil.gazetteer.names import normalize_arabic


def _rx(pattern: str, flags: int | re.RegexFlag = 0) -> re.Pattern[str]:
    """Compile a pattern written in ordinary Arabic spelling against normalised text
    (إلى -> الى, ة -> ه ...), as the text it runs on has been normalised the same way.
    Searches try the pattern only where one of its literal starts occurs (``fastre``)."""
    return fastre.compile(normalize_arabic(pattern), flags)


_A = normalize_arabic
CASUALTY_AFTER: list[tuple[str, re.Pattern[str]]] = [
    ("killed", _rx(
        r"\b(?:killed|dead|died|deaths?|murdered|executed|slain|slaughtered|fatalities|"
        r"bodies|corpses|lives|shot dead|massacred|victims|martyrs|martyred|assassinations|killings|"
        r"executions)\b|" + _A(
            r"قتيل\w*|قتلى|قتل\w*|اغتيل\w*|شهيد|شهداء|ضحي[هة]|ضحايا|جث[هة]|جثث|جثامين|وفا[هة]|اعدم\w*|"
            r"لقوا حتفهم|حتفهم|قضوا|مقتل|استشهد\w*"), re.I)),
    ("injured", _rx(
        r"\b(?:injured|wounded|hurt|injuries|casualties)\b|" + _A(
            r"جريح\w*|جرحى|مصاب\w*|اصاب[هة]|اصابات|اصيب\w*|بجروح"), re.I)),
    ("detained", _rx(
        r"\b(?:detained|arrested|detainees|prisoners|held|captured|"
        r"taken away|rounded up|hostages)\b|" + _A(
            r"معتقل\w*|اعتقل\w*|اعتقال|محتجز\w*|احتجاز|"
            r"موقوف\w*|اسير|اسرى|رهائن") + r"|\b(?:arrests|detentions)\b", re.I)),
    ("missing", _rx(
        # abductions and kidnappings leave people whose fate is unknown: missing, not detained
        r"\b(?:missing|disappeared|unaccounted for|whereabouts|abductions|kidnappings|"
        r"disappearances|abducted|kidnapped)\b|" + _A(r"مختطف\w*|اختطاف|اختطف\w*|خطف\w*|" +
            r"مفقود\w*|فقدان|مختف\w*|مجهولي المصير|مجهول المصير|مخفي\w*"), re.I)),
    ("displaced", _rx(
        r"\b(?:displaced|fled|flee|fleeing|evacuated|expelled|uprooted|refugees|homeless|"
        r"forced to leave|driven out|left their homes|forced from their homes|"
        r"forced out of their homes|escaped|managed to escape|"
        # "130,000 people had left the enclave": departures from a place under attack
        r"(?:had\s+|have\s+)?left\s+(?:the|their)\s+(?:besieged\s+)?(?:enclave|city|town|area|"
        r"village|villages|region|camp|district|neighbou?rhood|country|homes))\b|" + _A(
            r"نازح\w*|نزوح|نزح\w*|مهجر\w*|تهجير|هجروا|فروا|فرت|هربوا|هرب\w*|لاجئ\w*"),
        re.I)),
]
CASUALTY_BEFORE: list[tuple[str, re.Pattern[str]]] = [
    ("killed", _rx(
        r"(?:\b(?:killing|killed|kill|executing|executed|massacring|claimed the lives of|"
        r"neutrali[sz]ed|neutrali[sz]ing|eliminated|liquidated|"
        r"shot dead|gunned down|murdered|murdering|slaughtered|assassinated|"
        r"death toll (?:\w+ )*?(?:to|of|at|reached|stood at|stands at|is|was)|toll (?:\w+ )?"
        r"(?:to|of|at|reached)|bodies of|remains of|the deaths of|the killing of|the execution of|"
        r"murder of|deaths? of|among (?:the )?(?:dead|victims|those killed|the killed)(?: were)?|"
        r"of the dead|"
        # "the number of civilians martyred at the dam and around it has reached 21"
        r"(?:number|toll) of (?:[\w-]+\s+){0,3}?(?:killed|dead|martyred|martyrs|victims)\b"
        r"(?:\s+[^\s\d.;]+){0,8}?\s+(?:has\s+|had\s+)?(?:reached|rose to|risen to|climbed to|"
        r"stood at|stands at)|martyred|martyring)|" + _A(
            r"قتل|قتلت|قتلوا|مقتل|اعدام|اعدمت|اعدموا|اعدم|استشهاد|استشهد|اغتيال|اغتالوا|اغتيل|حصيل[هة] القتلى|حصيل[هة] الضحايا|"
            r"حصيل[هة]|وفا[هة]|جثث|جثامين|ذبح|تصفي[هة]") + r")"
        r"[\"”'’]?(?:\s+\S+){0,4}?\s*$", re.I)),
    ("injured", _rx(
        r"(?:\b(?:wounding|injuring|wounded|injured)|" + _A(
            r"اصاب[هة]|جرح|اصابات|اصابه|واصاب[هة]|وجرح|اصيب\w*|واصيب\w*") +
        r")[\"”'’]?(?:\s+\S+){0,3}?\s*$", re.I)),
    ("detained", _rx(
        r"(?:\b(?:arresting|arrested|detaining|detained|detention of|arrest of|rounded up)|" + _A(
            r"اعتقال|اعتقلت|اعتقلوا|احتجاز|احتجزت|توقيف|القبض على|قبض على|"
            r"اخذوا|اقتادوا|اقتاد\w*|ساقوا") +
        r"|\btook(?: away)?(?: (?:my|his|her|their|our))?" +
        r")[\"”'’]?(?:\s+\S+){0,3}?\s*$", re.I)),
    ("missing", _rx(
        r"(?:\b(?:disappearance of|disappeared|fate of|whereabouts of|abducting|abducted|"
        r"kidnapping|kidnapped|abduction of)|" +
        _A(r"فقدان|اختفاء|اخفاء|مصير|اختطاف|اختطفوا|خطف|خطفوا") +
        r")[\"”'’]?(?:\s+\S+){0,3}?\s*$", re.I)),
    ("displaced", _rx(
        r"(?:\b(?:displacing|displaced|displacement of|forcing|forced|expelling|expelled|"
        r"driven|drove|driving|uprooting|uprooted)|" +
        _A(r"نزوح|تهجير|هجرت|تشريد|نزح|فرار") + r")[\"”'’]?(?:\s+\S+){0,3}?\s*$", re.I)),
]
POPULATION_BEFORE = _rx(
    r"(?:population of|home to|a (?:town|city|village) of|inhabited by|\bhouses|population|"
    # the people a hospital or a dam serves: "a catchment area of 150,000 people", "supplies"
    r"catchment(?: area)? of|\bsuppl(?:ies|ied|ying))\s*"
    r"(?:about|around|some|nearly|roughly|approximately|more than|over)?\s*$|" + _A(
        r"(?:عدد سكانها|يسكنها|يقطنها|عدد سكان|سكانها|تعداد)") + r"\s*(?:نحو|حوالي)?\s*$", re.I)
OTHER_UNITS: list[tuple[str, re.Pattern[str]]] = [
    ("weight", _rx(r"^\s*-?\s*(?:pounds? of|kg\b|kilo(?:gram)?s?\b|tons?\b|tonnes?\b|كيلو\w*|طن)",
                   re.I)),
    ("money", _rx(r"^\s*(?:million\s+|billion\s+)?(?:us\s+)?(?:dollars?|usd|euros?|pounds?|"
                         r"syrian pounds|liras?|lira|ليرة|ليرات|دولار|دولارا|يورو)\b", re.I)),
    ("fighters", _rx(
        r"^\s*(?:[\w-]+\s+){0,3}?[\"“']?(?:fighters|gunmen|militants|soldiers|troops|members|"
        r"personnel|combatants|recruits|militiamen|officers|policemen|terrorists|insurgents|"
        r"jihadists|rebels|suicide bombers|bombers|" + _A(
            r"مقاتل|مقاتلا|مقاتلين|عنصر|عنصرا|عناصر|جندي|جنديا|جنود|مسلح|مسلحا|مسلحين|"
            r"انتحاري|انتحاريين|انتحاريا|ارهابي|ارهابيا|ارهابيين") + r")\b",
        re.I)),
    ("population", _rx(r"^\s*(?:[\w-]+\s+)?(?:inhabitants|people live|population|نسم[هة]|"
                       r"people (?:lived|living|reside|resided)|"
                       r"(?:شخص|مدني|انسان)?\s*(?:يعيشون|يقطنون|يقيمون|يسكنون)|"
                       r"besieged|" + _A(r"انسان محاصر\w*|محاصر\w*") + r")\b", re.I)),
    ("pages", _rx(r"^\s*-?(?:[\w-]+\s+)?(?:pages?|صفح[هة]|صفحات)\b", re.I)),
    ("buildings", _rx(r"^\s*(?:[\w-]+\s+)?(?:houses|homes|buildings|shops|stores|"
                             r"apartments|" + _A(r"منزل|منازل|منزلا|مبنى|مباني|محل|محلات") + r")\b",
                             re.I)),
    ("vehicles", _rx(r"^\s*(?:[\w-]+\s+)?(?:vehicles|cars|trucks|tanks|pickups|"
                            r"" + _A(r"سيار[هة]|سيارات|آليات|دبابات") + r")\b", re.I)),
    ("places", _rx(r"^\s*(?:[\w-]+\s+)?(?:villages|towns|neighbou?rhoods|"
                          + _A(r"قرى|قري[هة]|بلدات|احياء") + r")\b", re.I)),
    ("percent", _rx(r"^\s*(?:%|percent|per cent|بالمئ[هة]|في المئ[هة])", re.I)),
    ("distance", _rx(r"^\s*(?:km|kilometres?|kilometers?|miles|كيلومتر|كم)\b", re.I)),
    ("duration", _rx(r"^\s*(?:days|hours|weeks|months|years|ايام|ساع[هة]|ساعات|اسابيع|"
                     r"اشهر|سنوات)\b", re.I)),
]
_NUMBER_WORD = _rx(r"\d|\b(?:one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|"
                   r"twenty|thirty|forty|fifty|hundred|thousand|dozens|hundreds|thousands)\b", re.I)
RELEASED_BEFORE = _rx(r"(?:\b(?:released|freed|release of|freeing)|اطلق\w* سراح|الافراج عن|افرج\w* عن)"
                      r"(?:\s+\S+){0,2}\s*$", re.I)
RELEASED_AFTER = _rx(r"\b(?:released|freed|let go)\b|سراح|الافراج|افرج", re.I)
PARTITIVE_BEFORE = _rx(r"(?:\b(?:of those|of the|among those|of whom were)\s*|(?:^|\s)من\s+(?:ال)?)$",
                       re.I)
PLURAL_NOUN_AFTER = _rx(r"^\s*(?:[a-z]+\s+)?([a-z]{3,}s)\b")
PEOPLE_NOUNS = {"people", "civilians", "persons", "individuals", "families", "residents", "children",
                "witnesses", "sources", "officials", "survivors", "doctors", "nurses", "medics",
                "women", "men", "others", "members", "relatives", "students", "teachers", "activists", "journalists", "detainees", "victims", "villagers", "brothers",
                "sons", "daughters", "times", "years", "days", "hours", "weeks", "months"}
MONEY_BEFORE = _rx(r"(?:\$|US\$|€|£|USD\s*)\s*$")
AGE_OR_TIME = _rx(
    r"^\s*(?:-?\s*years?[\s-]old|-year-old|year old|years of age|a\.?m\b|p\.?m\b|o'clock|:\d|"
    r"-(?:year|month|week|day|hour|minute|storey|story|metre|meter|km)s?\b|"
    r"عاما|عاماً|سن[هة]|من العمر|صباحا|مساء)", re.I)
AGE_BEFORE = _rx(r"(?:\baged|\bage|\bages|عمره|عمرها|البالغ من العمر|\bat|الساعة|رقم|"
                 r"\bNo\.|\bnumber|\bpage|\bchapter|\barticle|\bresolution|"
                 # names and labels with a number: "Branch 215", "Decree 16", "Route 5"
                 r"\bbranch|\bbrigade|\bdivision|\bregiment|\bbattalion|\bdecree|\blaw|"
                 r"\broute|\bhighway|\bblock|\bbuilding|\broom|\bcell|\bflight|\bsector|"
                 r"\bparagraph|\bitem|\bgrade|\bclass|الفرع|فرع|المرسوم|مرسوم|القانون|"
                 r"اللواء|الفرقه|الفوج|الكتيبه|الطريق|المبنى|الزنزانه|المهجع)\s*$", re.I)
# "the toll at nine", "put the number at 30": "at" before a count, not a clock time
TOLL_AT = _rx(r"\b(?:toll|figure|number|total|count|tally|estimate)s?\s+(?:\w+\s+){0,2}at\s*$",
              re.I)
# A participle right after the number names what happened to those counted, before any verb
# earlier in the clause: "8 were killed and 21 injured", "dozens killed and scores more wounded",
# "23 detained and 5 remain missing". Nouns (detainees, bodies) are not taken here: "killed 12
# detainees" counts the killed.
IMMEDIATE_AFTER = _rx(
    r"^\s*(?:(?:more|others?|other people|people|civilians|persons|men|women|children|more people)"
    r"\s+){0,2}(?:(?:were|are|was|is|remain(?:ed|s)?|still|have been|has been|had been|"
    r"reportedly|also|later)\s+){0,2}(?P<w>injured|wounded|hurt|dead|killed|missing|detained|"
    r"arrested|displaced|abducted|kidnapped|disappeared)\b", re.I)
_IMMEDIATE_WHAT = {"injured": "injured", "wounded": "injured", "hurt": "injured",
                   "dead": "killed", "killed": "killed", "missing": "missing",
                   "disappeared": "missing", "detained": "detained", "arrested": "detained",
                   "abducted": "missing", "kidnapped": "missing", "displaced": "displaced"}
# "two of them critically", "four of whom were children": a part of the count before it
PARTITIVE_AFTER = _rx(r"^\s+of\s+(?:them|whom|which)\b|^\s*(?:منهم|من بينهم)(?:\s|$)", re.I)
# "Sweida 24", "Mezzeh 86", "Orient 24 network": a number inside a name
NAME_NUMBER_BEFORE = re.compile(r"(?<![.!?]\s)(?<!^)\b[A-Z][\w'-]+\s*$")
NAME_NUMBER_AFTER = re.compile(r"\s*(?:[A-Z]\w|network|news|channel|tv\b|radio|page|website|"
                               r"agency|area|neighbou?rhood|district|camp\b)")
SUBSET_BEFORE = _rx(r"(?:including|among them|of whom|of them|بينهم|منهم|من بينهم)\s*$",
                           re.I)
_TIME_BEFORE = re.compile(r"\d[:/]$")
_TIME_AFTER = re.compile(r"[:/]\d")
_COMMA_AFTER = re.compile(r"\s*,")
_ABBREV_DOT = re.compile(r"\b(incl|approx|esp|est)\.")
APPOSITIVE_AGE = re.compile(r"\b[A-Z][\w'-]+(?:\s+[A-Z][\w'-]+)*\s*,\s*$")
TOLL_RISEN_BEFORE = _rx(r"(?:\b(?:risen|rose|climbed|reached|jumped|increased|grown|stands|stood)"
                        r"(?:\s+(?:to|at))?|الى|إلى)\s*$", re.I)
COUNTED_NOUN_AFTER = _rx(
    r"^\s*(?:[a-z-]+\s+)?(?P<n>interviews|testimonies|videos|photos|photographs|images|reports|"
    r"statements|documents|incidents|attacks|strikes|airstrikes|air\s+strikes|raids|shells|"
    r"rockets|missiles|barrel\s+bombs|bombs|mortars|sites|locations|checkpoints|massacres|"
    r"facilities|hospitals|schools|clinics|bakeries|mosques|churches|markets)\b", re.I)
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
    r"\bhave not been seen since\b|لم نرهم|لم نره|انقطعت اخبارهم|مصيرهم مجهول|لا يزال مصيرهم", re.I)
# a letter code glued to the number by a hyphen: "P-0417", "SY-2231"
_CODE_BEFORE = re.compile(r"\b[A-Z]{1,4}-$")
CLAUSE_END = _rx(r"[.;:!?\u061f]|\s(?:while|whereas|but|after|before|as)\s", re.I)


def classify(norm: str, start: int, end: int, sent_start: int, sent_end: int
             ) -> tuple[str, str, str]:
    """Return (group, what, rule): group is 'casualty', 'other' or '' (not a reportable figure)."""
    after = norm[end:min(sent_end, end + 90)]
    before = norm[max(sent_start, start - 70):start]
    if AGE_OR_TIME.match(after) or (AGE_BEFORE.search(before) and not TOLL_AT.search(before)):
        return "", "", "skip:age_or_time"
    if _TIME_BEFORE.search(before) or _TIME_AFTER.match(after):
        return "", "", "skip:time_or_counter"  # "22:11", a thread's "4/6"
    if _CODE_BEFORE.search(before):
        return "", "", "skip:identifier"  # "witness P-0417", "case SY-2231": a label
    if _COMMA_AFTER.match(after) and APPOSITIVE_AGE.search(before):
        return "", "", "skip:age_or_time"  # "Nadia Kheder, 38, said"
    text = norm[start:end]
    if NAME_NUMBER_BEFORE.search(before) and NAME_NUMBER_AFTER.match(after) and \
            not _MONTH_BEFORE.search(before):
        return "", "", "skip:name"
    if re.fullmatch(r"(?:19|20)\d\d", text) and not re.match(
            r"\s+(?:people|civilians|persons|men|women|children|families|bodies)\b", after):
        return "", "", "skip:year"  # "a 2019 bombing": a year, not a count
    if MONEY_BEFORE.search(before):
        return "other", "money", "other:currency_sign"
    if POPULATION_BEFORE.search(before):
        return "other", "population", "other:population_context"
    if RELEASED_BEFORE.search(before):
        return "", "", "skip:released"
    if PARTITIVE_AFTER.match(after):
        if RELEASED_AFTER.search(after[:60]):
            return "", "", "skip:released"  # "12 of them were later released"
        return "", "", "skip:partitive"
    counted = COUNTED_NOUN_AFTER.match(after)
    if counted:
        # "11 interviews", "7 airstrikes", "9 medical facilities": counts of things
        noun = counted.group("n").lower()
        unit = "buildings" if re.match(r"facilit|hospital|school|clinic|baker|mosque|church|"
                                       r"market", noun) else noun
        return "other", unit, f"other:{unit}"
    cases = CASES_OF_AFTER.match(after)
    if cases:
        what = _CASES_WHAT[cases.group("w").lower()[:5]]
        return "casualty", what, f"casualty:{what}:cases_of"
    among = AMONG_BEFORE.search(before)
    if among:
        # "among the detainees, six refugees", "ومن بين المعتقلين ستة"
        among_what = _among_what(among.group("n"))
        if among_what:
            return "casualty", among_what, f"casualty:{among_what}:among"
    imm = IMMEDIATE_AFTER.match(after)
    if imm:
        what = _IMMEDIATE_WHAT[imm.group("w").lower()]
        return "casualty", what, f"casualty:{what}:participle_after"
    # The verb nearest the number wins: "killing six and injuring around 20" -> 20 injured.
    nearest: tuple[int, str] | None = None
    for what, pat in CASUALTY_BEFORE:
        m = pat.search(before)
        if m and (nearest is None or m.start() > nearest[0]):
            # "killed 9 members of one family": the verb belongs to the first number
            verb_end = m.start() + len(m.group(0).rstrip().split()[0]) if m.group(0).strip() \
                else m.start()
            if _NUMBER_WORD.search(before[verb_end:]) or re.search(r",\s*(?:and|و)\s", before[verb_end:]):
                continue
            nearest = (m.start(), what)
    if nearest is not None:
        return "casualty", nearest[1], f"casualty:{nearest[1]}:verb_before"
    if TOLL_RISEN_BEFORE.search(before) and re.search(r"\btoll\b|حصيل", norm[sent_start:start],
                                                      re.I):
        # "the death toll in Deir Ezzor since the clashes began has risen to 96"
        return "casualty", "killed", "casualty:killed:toll_risen"
    # abbreviations do not end the clause: "3 people incl. a little girl were killed"
    if "." in after:
        after = _ABBREV_DOT.sub(r"\1 ", after)
    cut = CLAUSE_END.search(after)
    window = after[:cut.start()] if cut else after
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
    for unit, pat in OTHER_UNITS:
        m = pat.match(after)
        # "30,000 inhabitants, has seen dozens of killings": the comma ends the unit's phrase
        separated = m is not None and best is not None and bool(re.match(r"\s*,", after[m.end():]))
        if m and (best is None or separated or
                  unit in ("money", "weight", "percent", "distance", "duration")):
            if unit == "duration":
                return "", "", "skip:duration"  # "three days": not a count of anything
            return "other", unit, f"other:{unit}"
        # "12 fighters were killed", "thousands of residents fled": a casualty word in the
        # clause makes them casualties.
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
    noun = PLURAL_NOUN_AFTER.match(after)
    if noun and noun.group(1) not in PEOPLE_NOUNS:
        return "other", noun.group(1), "other:plural_noun"  # "63 interviews", "96 testimonies"
    return "", "", "skip:no_noun"
