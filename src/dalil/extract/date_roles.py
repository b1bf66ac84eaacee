"""Which dates are the dates of reported events.

``dates.find_dates`` reads every date in a text; this module decides what each one dates: the
event told beside it, the report or statement itself ("the ministry said on 5 May"), a reference
("the 1974 ceasefire line", "born in 1990"), or a post's timestamp. The pipeline keeps a date as
an event date only in a sentence that tells an event (or sets its scene).
"""

from __future__ import annotations

import re

from dalil.extract import fastre
from dalil.extract.dates import (
    ACT_AFTER,
    FOUNDED_BEFORE,
    LEFTOVER_FROM,
    NAMED_BY_YEAR,
    NAMED_OF_BEFORE,
    DateMatch,
    is_dateline,
)
from dalil.gazetteer.names import normalize_arabic


def _rx(pattern: str, flags: int | re.RegexFlag = 0) -> re.Pattern[str]:
    """Compile a pattern written in ordinary Arabic spelling against normalised text
    (إلى -> الى, ة -> ه ...), as the text it runs on has been normalised the same way.
    Searches try the pattern only where one of its literal starts occurs (``fastre``)."""
    return fastre.compile(normalize_arabic(pattern), flags)


ONLY_THE_TIME = _rx(r"\W*(?:[A-Z][\w-]{0,12}\s*:\s*)?(?:it|this|that|all this|all of this)\s+"
                    r"(?:was|happened|took place|began|started)\s+(?:on|in|at|around|during)\b|"
                    r"\W*(?:كان|حدث|جرى|وقع)\s+ذلك\s+(?:في|يوم|بتاريخ)\s", re.I)

STATEMENT_DATE = _rx(
    r"\b(?:said|told|reported|announced|stated|published|released|issued|wrote|posted|added|"
    r"statement|report|updated|briefing)\b[^.]{0,12}$|"
    # a word of its own: "اعتقال" holds "قال" but says nothing
    r"(?:^|\s)[وف]?(?:قال|قالت|افاد|افادت|ذكر|ذكرت|اعلن|اعلنت|نشر|نشرت|بيان|تقرير|صرح)\S{0,3}"
    r"[^.\n]{0,30}$", re.I)

# "who shared them with us on 9 March": when the material reached the documenters
SHARED_ON = _rx(r"\b(?:shared|forwarded|sent)\s+(?:them|it|this|these|the\s+\w+)\s+(?:with|to)\s+"
                r"(?:us|our\s+\w+|the\s+\w+)\s+on\s*$", re.I)

# "Date of interview:", "Interview date:": a label that dates the telling, not the events
LABEL_DATE = _rx(r"\b(?:date\s+of\s+(?:the\s+)?(?:interview|statement|testimony|report|publication|"
                 r"release|issue|filing)|(?:interview|statement|testimony|report|issue|release|filing)"
                 r"\s+date|interviewed(?:\s+on)?|"
                 # a court's own paper: "judgment of 4 September 2024", "الحكم الصادر في"
                 r"(?:judgment|judgement|verdict|ruling|indictment|decision)\s+(?:of|dated|issued\s+on)|"
                 r"(?:الحكم|القرار)\s+الصادر\s+(?:في|بتاريخ))\s*:?\s*$", re.I)

# Narrative sentences without a violation word whose date is still a reported event's ("It was
# nine in the morning of 7 March when the first trucks drove into the village", "Government
# forces entered the city this morning", "وكانت وحدات الجيش قد أحبطت أمس محاولة تسلل"): acts of
# armed men that need no other word, and movements that count with an armed actor named.
NARRATIVE_ACT = _rx(
    r"\b(?:stormed|overran|overrun|besieg\w*|(?:under|laid|lay)\s+(?:full\s+|a\s+)?siege|encircled|"
    r"ambush(?:ed)?|opened\s+fire|raided|captured|seized\s+control|took\s+(?:full\s+)?control|"
    r"infiltrat\w*|foiled|repelled|counter-?offensive|returned\s+to\s+find|fired\s+on|"
    r"forced\s+(?:\w+\s+){1,3}(?:to\s+leave|out)|"
    r"(?:was|were|been|being)\s+(?:later\s+|eventually\s+|finally\s+)?(?:released|freed)|"
    r"(?:was|were|been)\s+(?:\w+\s+)?(?:hit|attacked|targeted|bombed)|"
    r"attacks?\s+(?:by|on|against)|ransom|"
    # "my brother was taken on 14 December"; burying the dead ("helped us bury them")
    r"(?:was|were)\s+(?:\w+\s+)?(?:taken|abducted|snatched|dragged)(?!\s+(?:to\s+(?:a\s+|the\s+)?"
    r"hospital|into\s+account|over))|bur(?:y|ied)\s+(?:them|him|her|the|their|his|\d+)|"
    # "The raid came on 3 May", "the shelling began at dawn on Friday"
    r"(?:raid|attack|assault|strike|airstrike|air\s+strike|bombing|shelling|massacre|killings?|"
    r"ambush|offensive|incursion|operation)s?\s+(?:\w+\s+)?(?:came|happened|occurred|took\s+place|"
    r"began|started|unfolded)|"
    # "In January that year Turkey launched an offensive", "شنّت القوات هجوماً"
    r"launched\s+(?:a|an|its|their|the)\s+(?:[\w-]+\s+){0,2}?(?:offensive|assault|attack|campaign|"
    r"operation|raid|incursion|invasion)|"
    # "officers pulled him off a minibus", "dragged them out of the car": an arrest or abduction
    r"(?:pulled|dragged|hauled|took)\s+(?:him|her|them|us|me)\s+(?:off|out\s+of|from|out\b)\s*|"
    # a detainee moved between branches: "the next day they transferred me to Damascus"
    r"transferred\s+(?:him|her|them|us|me)\s+to\s|"
    # remains found: "found human remains", "bones were exhumed"
    r"found\s+(?:\w+\s+){0,2}?(?:remains|bones)|(?:remains|bones)\s+(?:\w+\s+){0,3}?(?:was|were)\s+"
    r"(?:found|recovered|discovered|exhumed)|clashes\s+(?:broke\s+out|erupted)|"
    r"released\s+from|freed\s+from|(?:got|came|walked)\s+out\s+of\s+(?:the\s+)?(?:prison|jail|"
    r"detention|custody)|(?:released|freed|out)\s+(?:\w+\s+){0,2}?(?:in|under)\s+(?:an?|the)\s+"
    r"(?:\w+\s+)?amnesty|found\s+(?:the\s+|his\s+|her\s+|their\s+)?(?:\w+\s+)?bod(?:y|ies)|"
    r"bod(?:y|ies)\s+(?:\w+\s+){0,3}(?:was|were)\s+(?:found|recovered|discovered))\b|"
    r"(?:^|\s)[وف]?(?:اقتحم\S*|حاصر\S*|حصار|احبط\S*|تسلل\S*|تصد\S*|سيطر\S*|افرج\S*|الافراج|"
    r"اطلق\S*\s+سراح\S*|اطلاق\s+سراح\S*|عثر\S*\s+على|انتشل\S*|كمين|داهم\S*|مداهم\S*|"
    r"[ايت]?طلق\S*\s+(?:ال)?نار|اطلاق\s+(?:ال)?نار|اجبر\S*|فديه|الفديه|اقتيد\S*|اقتاد\S*|"
    # remains found ("ولقوا عظام وبقايا ثياب", "عثروا على رفات"); an attack that targeted
    # ("هجوم استهدف", "استهدفت مسيرات/طائرات ... محطات"); clashes ("اشتباكات متواصلة")
    r"(?:لقي|لقيت|لقوا|لقينا|وجد\S*|عثر\S*)\s+(?:على\s+)?(?:\S+\s+)?(?:جث\S*|عظام|رفات|مقبر\S*)|"
    r"(?:هجوم|هجمات|غاره|غارات|ضربه|ضربات|قصف)\s+(?:\S+\s+)?استهدف\S*|"
    r"استهدف\S*\s+(?:\S+\s+)?(?:مسير\S*|طائر\S*|طيران|المسير\S*|الطائر\S*|الطيران)|"
    r"(?:ال)?اشتباكات|"
    # a siege told by those inside: "قطعوا طريق الكاستيلو ... وصرنا محاصرين"
    r"[وف]?قطع\S*\s+(?:ال)?طريق\S*|(?<!\S)[وف]?محاصر(?:ين|ون|ه)?(?!\w)|"
    # a detainee's release in dialect: "طلعت بعفو", "خرج من السجن"
    r"(?:طلع|طلعت|طلعنا|طلعوا|خرج|خرجت|خرجنا|خرجوا)\s+(?:\S+\s+)?(?:من\s+(?:ال)?(?:سجن|حبس|معتقل|"
    r"فرع)\S*|ب?عفو)|"
    r"دفن\S*|ودفن\S*|[وف]?شن\S*\s+(?:\S+\s+){0,3}?(?:هجوم\S*|حمل\S*|عملي\S*|غار\S*)|"
    # "عاد الأهالي إلى القرية ليجدوا منازلهم مدمرة" (returned to find ...)
    r"عاد\S*\s+(?:\S+\s+){0,6}?(?:لي?جد\S*|ووجد\S*|فوجد\S*)|"
    # "وقع الهجوم فجر الجمعة", "جرت المداهمة في ٣ أيار"
    r"(?:وقع|وقعت|جرى|جرت|بدا|بدات)\s+(?:ال)?(?:هجوم|مداهمه|مجزره|غاره|عمليه|حمله|اقتحام)\S*|"
    r"(?:هجوم|هجمات|الهجوم|الهجمات|اعتداء\S*|الاعتداء\S*)\s+(?:على|ل|من\s+قبل))(?:\s|$)",
    re.I)

NARRATIVE_MOVE = _rx(
    r"\b(?:entered|drove\s+(?:in)?to|rolled\s+into|swept\s+into|moved\s+into|advanced|withdrew|"
    r"pulled\s+out|arrived|came\s+(?:back|to|into)|returned\s+to|cut\s+(?:off\s+)?the)\b|"
    r"(?:^|\s)[وف]?(?:دخل\S*|توغل\S*|انسحب\S*|وصل\S*|عاد\S*|تقدم\S*)(?:\s|$)", re.I)

ARMED = _rx(
    r"\b(?:forces|troops|army|soldiers|gunmen|armed\s+men|fighters|militia\w*|militants|rebels|"
    r"insurgents|security\s+(?:forces|services|men)|police|patrols?|convoy|tanks|pick-?up\s+trucks|"
    r"checkpoint)\b|(?:^|\s)[وف]?(?:ال)?(?:جيش|قوات|مسلح\S*|عناصر|دوري\S*|فصائل|ميليشي\S*|مليشي\S*|"
    r"وحدات|الامن|رتل|ارتال|دبابات)(?:\s|$)", re.I)

# "fighters were sent after an ambush on Thursday": the act after "after" is where the
# sentence starts from, not what it reports
NARRATIVE_ANCHOR = _rx(r"(?:\b(?:after|following|before|since|followed|preceded|(?:sparked|triggered|"
                       r"prompted)\s+by)|(?:^|\s)(?:بعد|عقب|اثر|قبل|منذ|تلت|اعقبت))\s+"
                       r"(?:(?:a|an|the|its|their)\s+)?(?:[\w-]+\s+)?$", re.I)

def is_narrative(text: str) -> bool:
    """Whether a sentence tells an act of armed men (its date is then an event's, see
    NARRATIVE_ACT)."""
    for m in NARRATIVE_ACT.finditer(text):
        if not NARRATIVE_ANCHOR.search(text, max(0, m.start() - 30), m.start() + (
                1 if text[m.start():m.start() + 1].isspace() else 0)):
            return True
    return bool(NARRATIVE_MOVE.search(text) and ARMED.search(text))

# "On that day, helicopters dropped ...", "في ذلك اليوم ألقت المروحيات": a sentence that dates
# its event by pointing back to the day just told
THAT_DAY = _rx(r"\b(?:on\s+)?(?:that|the\s+same)\s+(?:day|morning|afternoon)\b|(?:^|\s)[وف]?(?:في\s+)?"
               r"(?:صباح\s+|ظهر\s+)?(?:ذلك\s+اليوم|اليوم\s+ذاته|يومها)(?![^\W\d_])", re.I)
# two dates joined by "and"/"or" ("published in 2022 and 2023", "في ٢٠٢٢ و٢٠٢٣")
COORDINATED = _rx(r"\s*,?\s*(?:and|or|و|او)\s*(?:(?:in|on)\s+|(?:في|عام)\s+)?", re.I)
SINCE_BEFORE = _rx(r"(?:\b(?:since|until|till|from)|(?:^|\s)(?:منذ|حتى|من))\s+$", re.I)


PLUPERFECT_BEFORE = _rx(r"\bhad\s+(?:not\s+|already\s+|previously\s+|earlier\s+)?(?:been\s+)?"
                        r"(?:\w+\s+)?$", re.I)

PERIOD_LABEL = _rx(r"\b(?:period\s+covered|reporting\s+period|covering\s+the\s+period|period)\s*:\s*"
                   r"(?:from\s+)?$|(?:الفتره\s+المشموله|فتره\s+التقرير|الفتره)\s*:\s*(?:من\s+)?$",
                   re.I)

# "the ministry gave a lower figure on Monday evening": when a toll was given
TOLL_STATEMENT = _rx(r"\b(?:gave|put|raised|revised|updated|lowered|released)\s+(?:a|an|the|its|their)?\s*"
                     r"(?:\w+\s+)?(?:figure|toll|tally|count|number)\b[^.]{0,30}$", re.I)

# "47 interviews conducted by researchers between ...": when the documenting was done
METHOD_DATE = _rx(r"\b(?:interviews|interviewed|we spoke (?:to|with)|wrote to)\b[^.]{0,70}\b(?:between|from|"
                  r"on|in|during)\s+$", re.I)

# a testimony's own date: "أدلى بهذه الشهادة ... لفريق التوثيق في ١٠ كانون الثاني", "gave this
# testimony to our researchers on 3 May", "recorded on": when it was told, not an event
TESTIMONY_GIVEN = _rx(r"\b(?:gave|provided|recorded|delivered)\s+(?:this|her|his|their|the)\s+"
                      r"(?:testimony|statement|account)\b[^.\n]{0,100}\b(?:on|in)\s+$|"
                      r"(?:^|\s)[وف]?(?:ادلى|ادلت|ادلوا|سجل\S*)\s+(?:\S+\s+)?ب?(?:هذه\s+)?(?:ال)?شهاد\S*"
                      r"[^.\n]{0,120}\s(?:في|بتاريخ|يوم)\s+$", re.I)

def _testimony_given(norm: str, start: int) -> bool:
    """TESTIMONY_GIVEN before ``start``; a plain substring test first, as most dates have no
    testimony word before them (the pattern's Arabic half has no literal start to prefilter)."""
    window = norm[max(0, start - 160):start]
    return ("شهاد" in window or "estimon" in window or "tatement" in window or
            "ccount" in window) and bool(TESTIMONY_GIVEN.search(window))


PASSIVE_REPORTED = _rx(r"\b(?:be|been|being|was|were|is|are)\s+(?:(?:later|eventually|finally|"
                       r"also|first)\s+)?(?:reported|released)\b[^.]{0,12}$", re.I)

# "the envoy said that since 6 March armed men had attacked", "قال إنه في ٦ آذار": the date
# opens what was said, it dates the events told, not the saying
SAID_THAT_BEFORE = _rx(r"\b(?:said|says|told\s+(?:\w+\s+){0,2}?|reported|announced|stated|added|wrote)"
                       r"\s+that\s+(?:(?:since|on|in|between|from|during|by)\s+)?(?:the\s+)?$|"
                       r"(?:^|\s)[وف]?(?:قال|قالت|ذكر|ذكرت|افاد|افادت|اكد|اكدت|اضاف|اضافت)\s+"
                       r"(?:\S+\s+){0,3}?(?:ان|انه|انها|انهم)\s+(?:(?:منذ|في|يوم|خلال)\s+)?$", re.I)

ANCHOR_ONLY_BEFORE = _rx(r"\b(?:days|weeks|months|years)\s+(?:after|following|before|since)\s+"
                         r"(?:the\s+)?$|(?:^|\s)(?:الايام|الاسابيع|الاشهر|الشهور|السنوات)\s+"
                         r"(?:التي\s+)?(?:تلت|اعقبت|بعد|قبل|سبقت)\s+$", re.I)

BIRTH_BEFORE = _rx(r"(?:\bborn\s+(?:in\s+|on\s+)?|\(b\.\s*|(?:^|\s)(?:مواليد|ولد|ولدت|المولود|"
                   r"المولوده)\s+(?:عام\s+|سنه\s+|في\s+)?)$", re.I)

# "a UN satellite survey in 2017 counted ...": when the documenting was done
DOCUMENT_DATE = _rx(r"\b(?:report|survey|study|census|assessment|investigation|inquiry|response|reply|"
                    r"letter|submission)\s+"
                    r"(?:(?:published|released|conducted|carried\s+out|issued|sent|received)\s+)?(?:in|on|dated)\s+$",
                    re.I)

# "في نهاية نيسان الماضي نُشر الفيديو", "in April the report was published": the verb of
# publishing comes after the date
PUBLISHED_AFTER = _rx(r"^\W{0,3}(?:(?:the|a|an|its|their)\s+)?(?:[\w-]+\s+){0,4}?(?:(?:was|were)\s+)?"
                      r"(?:published|posted|aired|broadcast|leaked|issued)\b|"
                      r"^\W{0,3}(?:\S+\s+)?[وف]?(?:نشر|نشرت|صدر|صدرت|بث|بثت|سرب|سربت|اصدر|اصدرت)(?:\s|$)", re.I)

# "the ceasefire agreement signed in March 2020", "اتفاق وقف إطلاق النار الموقّع في آذار ٢٠٢٠"
AGREEMENT_DATE = _rx(r"\b(?:agreement|ceasefire|truce|deal|accord|memorandum)\s+(?:\w+\s+)?(?:signed|"
                     r"agreed|reached|concluded|brokered)\s+(?:(?:in|on)\s+)?$|(?:اتفاق|الاتفاق|اتفاقيه|"
                     r"الاتفاقيه|هدنه|الهدنه|النار|التسويه|تسويه)\S*\s+(?:\S+\s+){0,2}(?:الموقع|الموقعه|المبرم|"
                     r"المبرمه|الذي\s+وقع|التي\s+وقعت|المعلن|المعلنه)\s+(?:في\s+)?(?:شهر\s+|عام\s+)?$", re.I)

# "300 families still live in tents today", "يعيش اليوم": "today" is nowadays, not a day
STATE_NOW = _rx(r"\b(?:still|remains?|remaining|now|lives?|living|nowadays|no\s+longer|"
                # a trend: "ransoms have gone from X in 2019 to Y today"
                r"(?:has|have)\s+(?:gone|risen|grown|become|fallen|doubled|tripled)|from\b.*\bto)\b|"
                r"(?:^|\s)[وف]?(?:لا\s+يزال|لا\s+تزال|ما\s+زال|ما\s+زالت|لا\s+يزالون|ما\s+زالوا|يعيش\S*|"
                r"تعيش\S*|يقيم\S*|تقيم|يقدر|تقدر|بات|باتت|اصبح|اصبحت)(?:\s|$)", re.I)

PAST_EN = re.compile(r"\b(?:\w{3,}ed|shot|hit|struck|fled|took|began|came|went|fell|broke|"
                     r"threw|led|saw|found|held)\b", re.I)

def is_nowadays(clause: str) -> bool:
    """Whether "today" in this clause means nowadays: a state ("remain", "still live",
    "يعيش"), and no English verb in the past tense ("gunmen killed five today")."""
    return bool(STATE_NOW.search(clause)) and not PAST_EN.search(clause)

# a body's letters to the parties: "sent a summary of its findings", "wrote to the ministry"
_SENT = (r"sent\s+(?:a|an|its|their|the)\s+(?:\w+\s+)?(?:letter|summary|findings|questions|request|"
         r"memorandum|list|note)s?|wrote\s+to")
# "On 5 May, the ministry said ...", "وفي ٥ أيار، قالت الوزارة": the date of a statement
OPENS_SENTENCE = _rx(r"(?:^|[.!?:\n]\s*)(?:(?:on|in)\s+|[وف]?(?:في|يوم)\s+)?$", re.I)

SAID_AFTER = _rx(r"^[^\S\n]*,?[^\S\n]*(?:(?:the|a|an|its|their)\s+)?(?:[\w'’-]+\s+){0,5}?(?:said|says|announced|"
                 r"reported|stated|told|confirmed|denied|claimed|wrote|tweeted|" + _SENT + r")\b|"
                 r"^[^\S\n]*[،,]?[^\S\n]*[وف]?(?:قال|قالت|اعلن|اعلنت|افاد|افادت|ذكر|ذكرت|صرح|اكد|اكدت|نفى|نفت)"
                 r"(?:\s|$)", re.I)

# a meeting, a hearing, a vigil, a deadline or what is yet to come dates no reported event ("the
# Security Council met on 10 March to discuss the killings", "the trial is due to open on 3 June")
NON_EVENT_BEFORE = _rx(
    r"\b(?:met|meets|meeting|session|summit|conference|talks|hearing|hearings|trial|vigil|"
    r"commemorat\w*|memorial|ceremony|deadline|visit(?:ed|s)?|election|vote|(?:will|shall|would)"
    r"(?:\s+\w+){1,3}|(?:is|are|was|were)\s+(?:due|scheduled|expected|set|planned)\s+to(?:\s+\w+){1,3}|"
    r"scheduled\s+for|has\s+until|have\s+until)\s+(?:(?:of|for|from)\s+)?(?:on|in|at)?\s*$|"
    # "the trial, which began in January 2023": the proceedings, no reported event
    r"\b(?:trial|hearings?|proceedings)\s*,?\s*(?:which|that)\s+(?:began|opened|started|resumed)\s+(?:(?:on|in)\s*)?$|"
    r"(?:^|\s)(?:اجتماع|اجتماعا|جلسه|مؤتمر|مؤتمرا|محادثات|قمه|محاكمه|وقفه|مهله|زيار[هت]\S*|"
    r"سيعقد|ستعقد|سوف\s+\S+|من\s+المقرر\s+(?:ان\s+)?\S+|المقرر\s+\S+)(?:\s+(?!منذ|حتى|بعد|قبل)\S+)?"
    r"\s+(?:في|يوم)?\s*$",
    re.I)

# "out of service by late November", "by the end of 2014": a bound, not the day it happened
BY_DATE = _rx(r"\bby\s+(?:the\s+(?:end|middle|beginning|start)\s+of\s+|(?:early|late|mid-?)\s*)?$", re.I)

# "the Monitor today released its report", "the ministry on Monday said", "أصدرت الشبكة
# السورية اليوم تقريرها": a date between a body and its reporting verb dates the telling
SAID_RIGHT_AFTER = _rx(
    r"^[^\S\n]*(?:(?:once\s+again|again|also|formally|officially|publicly)\s+)?(?:said|says|announced|"
    r"reported|stated|told|confirmed|denied|claimed|wrote|tweeted|released|published|issued|"
    r"launched\s+(?:a|an|its|their)\s+(?:new\s+|annual\s+|monthly\s+)?(?:report|appeal|statement)|"
    r"shared|submitted|presented|briefed|called\s+(?:on|for)|urged|demanded|warned|"
    # a court acting: "the court today sentenced", "a Paris court on Friday convicted"
    r"sentenced|convicted|acquitted|indicted|ruled|" + _SENT + r")\b", re.I)
# "residents who came back on 3 March said": the date is the relative clause's, not the saying's
RELATIVE_CLAUSE = re.compile(r"\b(?:who|which|that|whose|whom)\b", re.I)
PUBLISHED_BEFORE_AR = _rx(r"(?:^|\s)[وف]?(?:اصدر|اصدرت|تصدر|يصدر|نشر|نشرت|تنشر|ينشر|اعلن|اعلنت|"
                          r"قال|قالت|افاد|افادت|ذكر|ذكرت)(?:\s+(?:ال\S+|\S+ه|لحقوق|الانسان|\S+يه)){0,6}"
                          r"\s+(?:(?:في|يوم)\s+)?$")

# ... but armed men "set up a checkpoint on 4 May" and "formed a cordon" act
FOUNDED_ACT = _rx(r"\b(?:checkpoint|roadblock|cordon|barricade|ambush|fire|position|control)s?\b|"
                  r"(?:حاجز|حواجز|كمين|نقطه)", re.I)

# the year still running, with nothing to mark a start ("since the start of this year" is an
# interval the date parser reads itself)
THIS_YEAR = _rx(r"(?:this\s+year|(?:هذا\s+)?(?:العام|السنه)\s*(?:الجاري|الحالي)?|(?:هذا|هذه)\s+(?:العام|السنه))",
                re.I)

PUBLICATION = _rx(r"(?:published|posted|updated|date|نشر|تاريخ النشر|بتاريخ)\s*:?\s*$",
                          re.I)

# An incident record's fields: "Date: 14 May 2019 / Location: Kafr Nabudah / Type: Air strike",
# "Incident date: June 9, 2017 / Civilians reported killed: 9", "التاريخ: ... / الموقع: ...": the
# record's date is its incident's, not the document's (a database export, an assessment, a table
# written as fields)
RECORD_DATE_LABEL = _rx(r"(?:^|\n)[ \t]*(?:[-*•▪][ \t]*)?(?:\*\*)?(?:(?:incident|event|attack|strike)\s+)?"
                        r"date(?:\s+of\s+(?:the\s+)?(?:incident|attack|event|strike))?(?:\s*\([^)\n]{0,20}\))?"
                        r"(?:\*\*)?\s*:\s*(?:\*\*)?\s*$|"
                        r"(?:^|\n)[ \t]*(?:[-*•▪][ \t]*)?(?:التاريخ|تاريخ\s+(?:الحادث\S*|الهجوم|الواقعه|"
                        r"الانتهاك|الغاره|المجزره))\s*:\s*$", re.I)
# (not "Location:" alone: a press briefing's header has "Location: Geneva / Date: 22 July")
RECORD_FIELD = _rx(r"(?:^|\n)[ \t]*(?:[-*•▪][ \t]*)?(?:\*\*)?(?:(?:incident\s+|violation\s+|attack\s+)?"
                   r"type|(?:alleged\s+|suspected\s+|likely\s+)?(?:perpetrators?|belligerents?)|casualties|"
                   r"victims|(?:civilians?\s+)?(?:reported\s+)?(?:killed|injured|deaths|dead|wounded))"
                   r"(?:\*\*)?\s*:|(?:^|\n)[ \t]*(?:[-*•▪][ \t]*)?(?:نوع\s+\S+|"
                   r"الجهه\s+\S+|الضحايا|القتلى|الاصابات|عدد\s+\S+)\s*:", re.I)


def record_date(norm: str, start: int) -> bool:
    """Whether the date at ``start`` is the "Date:" field of an incident record (a field block
    that also names the incident's place, type, perpetrator or casualties)."""
    line_start = norm.rfind("\n", 0, start) + 1
    # (a plain test first: most dates have no "label:" before them on their line)
    if ":" not in norm[line_start:start] or not RECORD_DATE_LABEL.search(
            norm, max(0, line_start - 1), start):
        return False
    block_start = norm.rfind("\n\n", 0, start)
    block_end = norm.find("\n\n", start)
    block_start = max(block_start + 1, start - 400)
    block_end = min(block_end if block_end >= 0 else len(norm), start + 400)
    return RECORD_FIELD.search(norm, block_start, block_end) is not None


# the cues date_role runs in the words around a date, asked together (see fastre.Cues)
_CUES = fastre.Cues([PERIOD_LABEL, PUBLICATION, LABEL_DATE, TOLL_STATEMENT, METHOD_DATE, SHARED_ON,
              STATEMENT_DATE, PASSIVE_REPORTED, SAID_THAT_BEFORE, NAMED_OF_BEFORE, ACT_AFTER,
              AGREEMENT_DATE, SAID_RIGHT_AFTER, PUBLISHED_BEFORE_AR, PUBLISHED_AFTER, SAID_AFTER,
              NON_EVENT_BEFORE, DOCUMENT_DATE, LEFTOVER_FROM, BY_DATE, FOUNDED_BEFORE, FOUNDED_ACT,
              BIRTH_BEFORE, ANCHOR_ONLY_BEFORE])


def date_role(norm: str, d: DateMatch, si: int) -> str:
    """What the date ``d`` of sentence ``si`` dates: "event" (the event told beside it),
    "dateline", "publication", "statement" (when something was said or published) or
    "reference" (a date that names something or anchors another)."""
    role = "event"
    # Arabic puts more words between the verb and the date ("في بيان نشرته عبر معرفاتها
    # الرسمية، في ٣ من آذار"): a longer look back (the English cues allow 12 characters)
    before = norm[max(0, d.start - 50):d.start]
    # (the cues with no literal in the 90 characters before the date or the 80 after it are
    # not run: see fastre.Cues)
    near = _CUES.near(norm, max(0, d.start - 90), d.end + 80)
    if near.search(PERIOD_LABEL, before):
        role = "event"  # "Period covered: 8-14 February" (a header line, no dateline)
    elif record_date(norm, d.start):
        role = "event"  # "Date: 14 May 2019 / Location: Kafr Nabudah": an incident record's
    elif is_dateline(norm, d.start, d.end, si) and not labels_count(norm, d.start, d.end):
        # (but "* March 2022: 14 strikes" labels a count in a list, it is no dateline)
        role = "dateline"  # "BEIRUT, March 8 (Wire) -", "بيروت، ٩ آذار (وكالة) -"
    elif ":timestamp" in d.rule or (near.search(PUBLICATION, before) and (
            si <= 2 or not re.search("[\u0600-\u06ff]", before))):
        # a post's timestamp; "بتاريخ" after the header dates an event, not the report
        role = "publication"
    elif near.search(LABEL_DATE, before) or near.search(TOLL_STATEMENT, before) or \
            near.search(METHOD_DATE, norm, max(0, d.start - 90), d.start) or \
            near.search(SHARED_ON, before) or _testimony_given(norm, d.start) or (
                near.search(STATEMENT_DATE, before) and
                not near.search(PASSIVE_REPORTED, before) and
                not near.search(SAID_THAT_BEFORE, before)):
        # "Date of interview: 14 March 2023"; but "clashes continued to be reported on 21
        # July", "he was released on 26 February" date the events themselves
        role = "statement"
    elif NAMED_BY_YEAR.match(norm, d.end) and re.search(r"\b(?:the|a|an)\s+$", before,
                                                          re.I):
        role = "reference"  # "the 1974 ceasefire line", "the 2012 constitution"
    elif near.search(NAMED_OF_BEFORE, before[-40:]) and d.date is not None and len(d.date) == 4:
        role = "reference"  # "the settlement of 2018", "اتفاق التسوية عام ٢٠١٨"
    elif near.match(ACT_AFTER, norm[d.end:d.end + 60]):
        role = "statement"  # "which in 2016 concluded that", "the Council adopted"
    elif near.search(AGREEMENT_DATE, before):
        role = "reference"  # a ceasefire's signing: the guide's "ceasefire announcements"
    elif (near.match(SAID_RIGHT_AFTER, norm[d.end:d.end + 80]) and not OPENS_SENTENCE.search(
            norm, max(0, d.start - 12), d.start) and re.search(r"[\w)]\s*$", before) and not RELATIVE_CLAUSE.search(
                re.split(r"[,;:.،؛\n]", before)[-1])) or (
            near.search(PUBLISHED_BEFORE_AR, norm, max(0, d.start - 70), d.start) and
            d.rule == "date:relative_to_published"):
        role = "statement"  # "the Monitor today released its report", "أصدرت الشبكة اليوم"
    elif near.match(PUBLISHED_AFTER, norm[d.end:d.end + 50]) and \
            not near.search(PERIOD_LABEL, before):
        role = "statement"  # "في نهاية نيسان الماضي نُشر الفيديو"
    elif near.match(SAID_AFTER, norm[d.end:d.end + 60]) and OPENS_SENTENCE.search(
            norm, max(0, d.start - 12), d.start):
        role = "statement"  # "On 5 May, the ministry said 30 people had been killed"
    elif near.search(NON_EVENT_BEFORE, before):
        role = "reference"  # "the Security Council met on 10 March", "due to open on"
    elif near.search(DOCUMENT_DATE, before):
        role = "statement"  # "a survey in 2017 counted ..."
    elif near.search(LEFTOVER_FROM, before):
        role = "reference"  # "a mine left over from the fighting of 2017 killed ..."
    elif near.search(BY_DATE, before):
        role = "reference"  # "out of service by late November"
    elif d.rule == "date:relative_to_published" and \
            norm[d.start:d.end].lower() in ("today", "اليوم") and is_nowadays(
                re.split(r"[,;:.،؛!?]", norm[max(0, d.start - 100):d.start])[-1] + " " +
                re.split(r"[,;:.،؛!?]", norm[d.end:d.end + 60].lstrip(" ,،"))[0]):
        role = "reference"  # "more than 100,000 remain missing today": nowadays
    elif d.rule == "date:relative_year" and d.date is not None and len(d.date) == 4 and \
            THIS_YEAR.fullmatch(norm, d.start, d.end):
        role = "reference"  # "hit by a string of bombings this year": an unfinished year
    elif near.search(FOUNDED_BEFORE, before) and not near.search(
            FOUNDED_ACT, before[-60 if len(before) > 60 else 0:]):
        role = "reference"  # "the mechanism, set up in June 2023"
    elif near.search(BIRTH_BEFORE, before):
        role = "reference"  # "born in 1990", "من مواليد عام ١٩٨٨": a birth, no event
    elif near.search(ANCHOR_ONLY_BEFORE, before):
        role = "reference"  # "in the weeks after 6 March": an anchor, not the event's day
    return role


# A date that labels a count at the start of a list item or line: "* August 2022: 11 strikes.",
# "- 3 March – 14 arrests", "كانون الثاني: ١٩ حالة" (a table written as a list)
_LABEL_BEFORE = re.compile(r"(?:^|\n)[ \t]*(?:[-–—•*▪●][ \t]*)?$")
_LABEL_AFTER = re.compile(r"\s*[:：–-]\s*(?:(?:about|some|around|at least|over|more than|نحو|حوالي)\s+)?\d",
                          re.I)


def labels_count(norm: str, start: int, end: int) -> bool:
    """Whether the date at ``start:end`` labels a count at the start of its line or list item."""
    return bool(_LABEL_AFTER.match(norm, end) and
                _LABEL_BEFORE.search(norm, max(0, start - 8), start))
