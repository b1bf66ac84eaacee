"""Who asserts each sentence, whether it is quoted, and whether it is hedged."""

from __future__ import annotations

import itertools
import re
from dataclasses import dataclass
from functools import lru_cache

from dalil.extract import fastre
from dalil.extract.lexicon import Entry, Lexicons, first_matching
from dalil.gazetteer.names import normalize_arabic


def _rx(pattern: str, flags: int | re.RegexFlag = 0) -> re.Pattern[str]:
    """Compile a pattern written in ordinary Arabic spelling against normalised text
    (إلى -> الى, ة -> ه ...), as the text it runs on has been normalised the same way.
    Searches try the pattern only where one of its literal starts occurs (``fastre``)."""
    return fastre.compile(normalize_arabic(pattern), flags)


# Pre-tests for patterns anchored at the end of a text ("... could not$", "... who has$"): such
# a pattern tries its alternatives at every position, while its matches can only end with one
# of the words written out in it.
def _written_words(pattern: re.Pattern[str]) -> tuple[str, ...]:
    """The words a pattern writes out, lower case (not the letters of escapes such as \\s)."""
    words = tuple(sorted(set(re.findall(r"(?<![\\a-z])[a-z]+", pattern.pattern.lower()))))
    assert max(map(len, words)) <= 24  # (what _may_end_with reads)
    return words


def _may_end_with(text: str, words: tuple[str, ...]) -> bool:
    """False when ``text``, white space at its end aside, surely does not end with one of
    ``words`` as a pattern ignoring case reads it. (Only an ASCII end is read so: under
    IGNORECASE a few other letters match too, "ſ" for "s".)"""
    tail = text.rstrip()[-24:]
    return not tail.isascii() or tail.lower().endswith(words)


_QUOTE = _rx(r"[\"“«„]([^\"“”«»„]{8,})[\"”»]")
_CLOSING_QUOTE = _rx(r"\s*([^\"“”«»„]{8,}?)[,،]?[\"”»](?=\s*[,،]?\s*(?:said|says|told|added|recalled|"
                     r"explained|wrote|posted|insisted|قال|قالت|اضاف|اضافت|يقول|تقول)\b)", re.I)
_PRONOUN = _rx(r"^(?:he|she|they|it|we|i|the (?:man|woman|spokes\w+|official|witness|"
                      r"resident|source|group|monitor|ministry|agency|observatory|organi[sz]ation)"
                      r")$", re.I)
# "the ministry" refers back to the last speaker only if that speaker is a ministry: in
# "SOHR said 11 were killed, while the ministry claimed only 3 had died" it is a new source
_BODY_HEADS = ("ministry", "agency", "observatory", "group", "monitor", "organisation",
               "organization")


def _refers_back(name: str, last_speaker: str) -> bool:
    head = name.split()[-1].lower()
    if head in ("organisation", "organization") and _ORGANISATION_NAME.search(last_speaker):
        return True  # "Amnesty International said ... The organization found"
    return head not in _BODY_HEADS or head[:6] in last_speaker.lower()


_ORGANISATION_NAME = _rx(r"\b(?:International|Watch|Network|Observatory|Cent(?:er|re)|Committee|"
                         r"Commission|Foundation|Organi[sz]ation|Institute|Association|Amnesty|"
                         r"Initiative|Project|Syndicate|Coalition|Alliance|Frontieres|Frontières|"
                         r"Defence|Defense|Crescent|Cross)\b")


_AR_PRONOUN_VERB = _rx(r"^\s*(?:و|ف)?(?:قال|قالت|اضاف|اضافت|تابع|تابعت|اكد|اكدت|"
                              r"اوضح|اوضحت|روى|روت|يقول|تقول|يضيف|تضيف|يتابع|تتابع|يوضح|توضح|"
                              r"يروي|تروي|يؤكد|تؤكد|يوكد|توكد)\s*(?::|،|,|ان|إن|ان|[\"“«])")
_NP_STOP = _rx(r"\s(?:that|who|which|whose|on|in a|in an|in its|in his|in her|"
                      r"after|when|as)\s|[,;:(\"“«]", re.I)
_AR_NP_STOP = _rx(r"\s(?:ان|إن|أن|في|عن|خلال|الى|الي|إلى|على|علي|لـ|"
                         # "مصدر أمني فضّل عدم الكشف عن اسمه": the aside on the name is no part
                         r"(?:فضل|فضلت|طلب|طلبت|رفض|رفضت)\s+(?:عدم|الكشف|التعريف|ذكر)|"
                         # "وتنفي القيادة بشكل قاطع": how it denies is no part of the name
                         r"بشكل|بصوره|بشده|جمله\s+وتفصيلا|"
                         # (not "لحقوق الإنسان", "لتوثيق": part of a body's name)
                         r"ل(?=\S)(?!حقوق|توثيق|دراسات|شؤون|اغاث|حماي|مكافح|تنسيق|رصد|العدال|عدال)|بان|بأن|اليوم|"
                         r"تشكيل|فتح|بدء|انطلاق|ب?ان(?:ه|ها|هم|هما|نا|ني)|"
                         r"امس|أمس|مساء|صباح|مقتل|اعتقال|قتل|اصابه|نزوح|تهجير|اختطاف|عدد|نحو|"
                         r"حوالي|ما|نفيا|قاطعا|بشده|ارتفاع|حصيله|الذي|التي|الذين|سقوط|وقوع|اقدام|قيام|عناصر|"
                         r"فان|فإن|مجزره|مجازر|حالات|حاله|انتهاك\S*|هجوم|هجمات|سقوط|"
                         # what is denied or confirmed: "نفت وسائل الإعلام الرسمية استخدام ..."
                         r"استخدام|ارتكاب|تنفيذ|قصف|استهداف|"
                         # "نفت وزارة الداخلية أي علاقة لعناصرها": what is denied
                         r"اي|أي|ايه|أية|علاقه|علاقة|صله|صلة|تورط\S*|"
                         # "وثّق المرصد السوري مقتلهم", "سجّل المركز وفاة معتقلَين": what a body
                         # records after it (verb, subject, object) is no part of its name
                         r"مقتل\S+|اعتقال\S+|اصابت\S+|وفاه|وفات\S*|مصرع\S*|استشهاد\S*)\s|"
                         r"\s(?:آنذاك|حينذاك|حينها|وقتذاك)(?=\W|$)|"  # "ناشطون آنذاك": when
                         r"[،,:;(\"“«]|\d|\s(?:ان|إن|أن|بان|بأن)$|\sل(?=[\"“«])|"
                         # "حذرت منظمة ... من أن": what one warns of is no part of the name
                         r"\sمن(?=\s+(?:ان|أن|بان)\s)|"
                         r"\sب(?:مقتل|مصرع|اعتقال|اختطاف|اصابه|سقوط|وقوع|ارتفاع|نزوح|تهجير)")
_AR_NP_INNER_STOP = _rx(r"\s(?:(?:فضل|فضلت|طلب|طلبت|رفض|رفضت)(?=\s+(?:عدم|الكشف|التعريف|ذكر))|"
                       r"الى|إلى|على|عن|اليوم|امس|أمس|مساء|صباح|الأنباء|التقارير|الاتهامات|"
                       r"المزاعم|الخبر|الرواية|الادعاءات|وجود|حدوث|وقوع|معلومات|انباء|"
                       r"تقارير|شهادات)(?:\s|$)")
_BYLINE = _rx(
    # "By Rami Haddad", not "By January 2016, aid agencies reported ..."
    # ("Author Jonas Weidner", "Interview by X | date": the writer or interviewer, no source)
    r"^\s*(?:by|author|written by|(?:interview(?:ed)?|reporting)\s+by|بقلم|الكاتب|كتب|حاوره|حاورته|"
    r"أجرى\s+المقابلة|اجرى\s+المقابله)\s*:?\s+(?!(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec|"
    r"the\s|then|now|early|late|mid|last|this|that|\d))(?P<name>[^\n,|]{3,60}?)\s*(?:,|\||\n|$)"
    r"|^\s*(?:(?:summary|transcript|record|excerpts?|extracts?)\s+of\s+(?:the\s+|a\s+)?)?"
    r"(?:testimony|statement|account|interview)\s+(?:of|by|from|with)\s+(?P<t>[^\n]{2,200}?)\s*$"
    r"|^\s*(?:posted by|shared by|published by|(?:thread|tweets?|posts?) by)\s*:?\s*"
    r"(?P<post>[^\n,(]{2,80}?)\s*(?:[,(][^\n]*)?$"
    r"|^\s*(?:spokes(?:person|man|woman)|speaker|statement by|remarks by)\b[^:\n]{0,80}:\s*"
    r"(?P<spk>[^\n]{2,60}?)\s*$"
    # (the feminine "الشاهدة" before "الشاهد": alternatives are tried in order)
    r"|^\s*(?:witness|interviewee|narrator|survivor|source|channel|account|from|"
    r"الشاهده|الشاهد|المصدر|القناه|الراويه|الراوي|"
    # (a narrator's line may run on with her age, quarter and where she lives now: the quoted
    # name opens it)
    r"شهاده|الحساب|الناشر)(?![\w\u0600-\u06ff])\s*:?\s*(?P<h>[\"“«][^\"“”«»\n]{2,40}[\"”»][^\n]{0,240}?|"
    r"[^\n]{2,80}?)\s*$"
    r"|^\s*(?P<handle>@\w{2,40})\b",
    re.I | re.M)
_DOCUMENT_OF = _rx(
    r"\s*(?:(?:the\s+)?(?:latest\s+|new\s+|preliminary\s+|updated\s+|early\s+|earlier\s+|"
    r"initial\s+|first\s+|unconfirmed\s+)?(?:figures|data|numbers|"
    r"statistics|records|estimates|tallies|tally|count|report|reports|statement|documentation|"
    r"investigation|list|database|findings|information|evidence|testimonies|accounts)\s+"
    r"(?:(?:compiled|published|released|issued|gathered|"
    r"collected|kept|shared|provided|seen|obtained|received)\s+)?(?:by|from|of)\s+|"
    r"(?:a|an|the)\s+(?:new\s+|latest\s+|recent\s+)?(?:report|statement|tally|count|"
    r"investigation|study|survey)\s+(?:by|from)\s+)", re.I)
_THE_DOCUMENT = _rx(r"(?:the\s+)?(?:report|statement|release|study|findings|"
                   # what a post's author wrote: "The caption claimed ...": the poster's
                   r"caption|accompanying\s+text|post|tweet)|"
                   r"(?:ال)?(?:تقرير|بيان|دراس[ةه])", re.I)
_AR_PLACE_SUBJECT = re.compile(normalize_arabic(
    r"(?:محافظة|محافظات|مدينة|بلدة|قرية|منطقة|ريف|حي|ناحية|مخيم)\s"))
# a title, then the person's name between commas: "رئيس لجنة الحي، عمار الحسن،"
_AR_TITLE = re.compile(normalize_arabic(
    r"(?:رئيس|رئيسة|مدير|مديرة|عضو|الناطق|الناطقة|المتحدث|المتحدثة|قائد|مسؤول|مسؤولة|ممثل|"
    r"ممثلة|منسق|منسقة|نائب|نائبة|أمين|امين|المفوض|المفوضة|مفوض|مفوضة|"
    r"الناشط|الناشطة|الصحفي|الصحفية|الطبيب|الطبيبة|المحامي|المحامية|مختار|وزير|محافظ)\b"))
# (a rank or honorific before the name is no part of it: "العقيد حسام الراعي", "الشيخ ...")
_AR_HONORIFIC = re.compile(normalize_arabic(r"^(?:السيد|السيدة|الدكتور|الدكتورة|د\.|العقيد|العميد|"
                                            r"اللواء|العماد|الرائد|النقيب|المقدم|الملازم|"
                                            r"المهندس|المهندسة|الأستاذ|الأستاذة|الشيخ)\s+"))
_AR_TITLE_NAME = re.compile(r"(?:\s+(?:في|ب)\s+[^\s،,.:]+(?:\s+[^\s،,.:]+)?)?"  # "في سوريا"
                            # (the name ends at a comma, or at the colon before a quotation)
                            r"\s*[،,]\s*([^\s،,.:\"«]+(?:\s+[^\s،,.:\"«]+){1,3})\s*(?:[،,]|:\s*[\"“«])")
_FIRST_VERB_AND = re.compile(r"^(.{2,60}?)\s+(?:[a-z]+ed|had|has|was|were)\b.*\band$")
_LIST_BY = re.compile(r"\s*(?:a|an|the)\s+(?:list|tally|count|database|record|set)\b[^,;]{0,60}?"
                      r"\bby\s+(?P<w>[^,;]{2,60})$", re.I)
_RELATIVE_BEFORE = re.compile(r"\b(?:who|which|that)\s+(?:(?:had|has|have|do|does|did|would|will|"
                              r"could|can|cannot|may|might|often|usually|also|still|not|never|"
                              r"rarely|seldom)\s+){0,3}$", re.I)  # "families who do not report"
_RELATIVE_BEFORE_WORDS = _written_words(_RELATIVE_BEFORE)
_TOLL_WORD = fastre.compile(r"toll|number|figure|count|tally|total|estimate", re.I)
_QUOTED_AS_SAYING = _rx(
    r"\bquot(?:ed|ing)\s+(?P<src>(?:an?|the)\s+[^,.;:\"“«]{2,60}?)\s+as\s+saying\b"
    r"|(?:^|\s)و?(?:نقلت|نقل|تنقل|ينقل)\s+\S+(?:\s+\S+){0,3}?\s+عن\s+(?P<src2>\S+(?:\s+\S+){0,4}?)"
    r"\s+(?:قوله|قولها|قولهم|ان|إن|أن)(?:\s|$)", re.I)
_AFTER_MA_VERB = _rx(r"\s*(?:ما\s+)?(?:أفاد|أفادت|ذكر|ذكرت|نقل|نقلت|نشر|نشرت|أورد|أوردت|قال|قالت|"
                    r"أعلن|أعلنت|أكد|أكدت|وثق|وثقت|قاله|قالته|قالوه|قالها|ذكره|ذكرته|أكده|أكدته|"
                    r"رواه|روته|نقله|نقلته|أورده|أوردته|نشره|نشرته|أعلنه|أعلنته|"
                    r"وثقه|وثقته|وثقوه|سجله|سجلته|رصده|رصدته|أحصاه|أحصته)"
                    r"(?:\s+(?:به|بها))?(?=\s|[.,،؛:]|$)")
# whom it was told is no part of the source: "سكان للموقع", "مصادر أهلية للمرصد السوري"
_AR_TOLD_TO = _rx(r"\s+لل?(?:موقع|مرصد|مراسل|وكال|صحيف|قنا|شبك|تلفزيون|اذاع|عنب)\S*(?:\s+\S+){0,2}\s*$")
# "وفق ما نقل موقع "تجمع أحرار حوران"", "according to the "Horan Free" page": the quoted name
_QUOTED_OUTLET = _rx(r"\s*(?:the\s+)?(?:موقع|صحيفه|وكاله|قناه|شبكه|صفحه|حساب|"
                     r"منصه|website|page|channel|account|outlet)?\s*[\"“«](?P<n>[^\"”»]{2,50})[\"”»]",
                     re.I)
# an organisation whose name is in quotation marks: "رابطة «عائدون» المحلية", "منظمة "حماة الحق"":
# the name is the head and the quoted words together, not the head alone
_AR_ORG_QUOTED = _rx(r"\s*(?P<np>(?:ال)?(?:رابطه|منظمه|تجمع|شبكه|مركز|هيئه|لجنه|جمعيه|مؤسسه|مبادره|"
                     r"حمله|اتحاد|فريق|مجموعه|حركه|تنسيقيه|ائتلاف|مرصد|منصه)"
                     r"(?:\s+[^\s\"“«»”،,:]+){0,2}?\s*[«\"“][^\"“”«»\n]{2,40}[»\"”])")
# "ما تسمى "الحكومة السورية المؤقتة"", "ما يعرف بـ«...»": a so-called body is named by its name
_AR_SO_CALLED = _rx(r"\s*ما\s+(?:تسمى|يسمى|يعرف\s+ب|تعرف\s+ب|يطلق\s+عليه)\s*[«\"“]"
                    r"(?P<n>[^\"“”«»\n]{2,50})[»\"”]")
# "كانوا يقولون على التلفزيون إن ...": no subject named, the medium speaks
_AR_PRONOUN_SUBJECT = _rx(r"\W*[وف]?(?:كانوا|كان|كانت|صاروا|صار|صارت|ظلوا|ظل|بقوا)?\s*")
_AR_SAID_ON_MEDIUM = _rx(r"(?:ون|وا)?\s*(?:على|في|عبر|ع)\s+(?P<n>(?:ال)?(?:تلفزيون|تلفزيونات|اذاعه|راديو|"
                         r"قناه|شاشه|اعلام)(?:\s+ال\S+){0,2})(?=\s|[،,.]|$)")
_DASH_SOURCE = _rx(r"^\s*[—–]\s*(?P<name>[^\n]{2,60}?)\s*$")


def quoted_name(text: str, start: int, end: int) -> bool:
    """Whether the quoted words text[start:end] are a person's name in quotation marks, as
    testimonies print a pseudonym: '"Umm Yasser" (a pseudonym), 52, said', '"أبو سليم" (اسم
    مستعار)', '"Khaled", 34, told us' -- short, and followed by a name's aside or an age."""
    inner = text[start:end]
    if len(inner.split()) > 4 or re.search(r"[.!?؟،,:;]", inner):
        return False
    return _QUOTED_NAME_AFTER.match(text, end + 1) is not None


# what follows a name in quotation marks: an aside on the name, or an age between commas
_QUOTED_NAME_AFTER = _rx(r"\s*(?:\((?=[^()]{0,40}(?:pseudonym|real name|name|alias|اسم|مستعار|"
                         r"كنيه))[^()]{1,60}\)|[,،]\s*\d{1,3}\s*[,،])", re.I)


@dataclass
class Attribution:
    speaker: str
    description: str
    quoted: bool
    text_start: int
    text_end: int
    rule: str
    speaker_span: tuple[int, int]


def document_author(norm: str) -> tuple[str, str]:
    """The author named in the header and how: ("Rami", "header:byline"), ("@news",
    "header:handle"), ("Umm Ali", "header:testimony"); or ("author", "default_author")."""
    head = norm[:400]
    shown = _DISPLAY_HANDLE.match(head)
    if shown:
        # "Syria Incident Log @SyrIncidentLog · Jul 20, 2025": the account's shown name and
        # handle (gold writers name such accounts by either)
        return f"{shown.group('d').strip()} ({shown.group('h')})", "header:handle"
    shown_ar = _AR_DISPLAY_HANDLE.match(head)
    if shown_ar:
        # "سلسلة تغريدات — سامر الخطيب (@samer_khatib_sy)": the account's shown name
        return shown_ar.group("d").strip(), "header:handle"
    sender = _SENDER.search(head)
    if sender:
        # "Transcript of three voice notes ... Sender: Hala (family name withheld), who ...":
        # the one who speaks in them
        # (not "header:testimony": where the sender lives is not the scene of what she tells)
        return sender.group("n").strip(), "header:sender"
    for m in _BYLINE.finditer(head):
        label = (m.group("t") or m.group("h") or "").strip()
        if re.match(r"(?:رقم|no\.?|number|#)\s*\d+(?:\s*$|\s*[—–|:-])", label, re.I):
            # "شهادة رقم ٢٧", "Testimony No. 27 — Houla Memory Project": a number (and the
            # collection it belongs to), not the witness; a later line names the witness
            continue
        if m.group("spk"):
            return m.group("spk").strip(), "header:speaker"
        if m.group("handle"):
            above = head[:m.start("handle")].rstrip().split("\n")
            display = re.split(r"\s+\|\s+", above[-1].strip())[0].strip() if len(above) == 1 \
                else ""
            display = re.sub(r"^[^\w\u0600-\u06ff]+", "", display)  # "📢 شبكة حوران الآن"
            if display and 1 <= len(display.split()) <= 6 and \
                    not re.search(r"[.!?:؟\"“«,،@]|\d|[\u0600-\u06ff]", display):
                # "Guardians of the Mountain | حماة الجبل" above "@jabal_guardians_media": the
                # channel's shown name and its handle
                return f"{display} ({m.group('handle')})", "header:handle"
            return m.group("handle"), "header:handle"
        if m.group("post"):
            return m.group("post").strip(), "header:handle"
        if m.group("name"):
            # the writer reports; what the article asserts itself is the document's ("author",
            # as the annotation guide has it), and the writer is no source
            return "author", "header:byline"
        text = label
        quoted_name = re.match(r"[\"“«]([^\"”»\n]{2,40})[\"”»]", text)
        if quoted_name and (len(quoted_name.group(1).split()) > 3 or
                            lead_witness(norm) is not None):
            # 'شهادة: "أخذوا أبي من البيت ولم يعد"': the title, a quoted line, not a name (nor
            # a short one when the lead below names the witness)
            continue
        name = (quoted_name.group(1).strip() if quoted_name else None) or given_name(text) or \
            re.sub(r"\s*\([^)]*\)\s*$", "", text).strip() or text
        first = re.split(r"\s*[(,،]", name, maxsplit=1)[0].strip()
        if first != name and 1 <= len(first.split()) <= 4:
            name = first  # "Interviewee: Abu Firas (pseudonym), 47, a baker": the name
        kind = "testimony" if re.search(r"testimony|witness|interviewee|narrator|survivor|شهاد|"
                                        r"الشاهد|الراوي", m.group(0), re.I) else "source"
        return name, f"header:{kind}"
    lead = lead_witness(norm)
    if lead is not None:
        # an editor's lead naming the witness of the testimony or message that follows
        # ("أدلى بهذه الشهادة ناجٍ ... عرّف عن نفسه باسم "أبو عمر"", "The witness, who asked
        # to be identified as "Umm Ali", ..."): she speaks the first-person text after it
        return lead[2], "header:testimony"
    # an editor's note in brackets above a translated post ("[Translated from Arabic. Post on
    # the Facebook page of ...]") is no part of the post's own header
    lines = [ln for ln in head.split("\n") if not re.fullmatch(r"\s*\[[^\]]*\]\s*", ln)]
    while lines and not lines[0].strip():
        lines.pop(0)
    if lines and re.search(r"\s[-–—|]\s", lines[0]):
        lines[0] = re.split(r"\s[-–—|]\s", lines[0])[0]  # "Page name - Deir ez-Zor": the page
    if len(lines) >= 2 and 1 <= len(lines[0].split()) <= 5 and \
            not re.search(r"[.:!?,;\"]", _HONORIFIC.sub("", lines[0])) and \
            re.search(r"\d{1,2}:\d{2}|·", lines[1]) and (re.search(r"\d{4}", lines[1]) or
                                                          "·" in lines[1]):
        # an exported post: the page's name, then the date and time it was posted
        return lines[0].strip(), "header:handle"
    return "author", "default_author"


# the name an editor's lead gives the witness: 'عرّف عن نفسه باسم "أبو أحمد"', 'طلبت الإشارة
# إليها باسم "أم محمد"', 'asked to be identified as "Umm Ali"' (quoted: the whole name)
_LEAD_WITNESS = _rx(
    r"(?:عرف\S*\s+(?:عن\s+)?نفس\S*|(?:طلب|طلبت)\s+(?:الإشارة|التعريف\s+عن)\s*(?:إلي|عن)?\S*|"
    r"(?:asked|wished|chose)\s+(?:us\s+|me\s+)?to\s+be\s+(?:identified|called|referred\s+to)\s+"
    r"(?:only\s+)?)\s*(?:باسم|as)\s+[\"“«](?P<n>[^\"“”«»\n]{2,40})[\"”»]", re.I)
# the lead speaks of the document itself as a testimony or message from that witness
_LEAD_DOCUMENT = _rx(r"(?:ب?هذه\s+)?الشهادة|الشاهدة|الشاهد\b|الراوي|(?:نص|تفريغ)\s+(?:ال)?رسال|"
                     r"رسالة\s+(?:صوتية|واتساب|نصية)|\bthis\s+(?:testimony|account|message)\b|"
                     r"\bthe\s+(?:witness|survivor|narrator)\b", re.I)
_NAME_ASIDE_AFTER = _rx(r"[،,]\s*(?:وهو|وهي|which is|a)\s+(?:ليس\s+)?(?:اسم|pseudonym|not)[^،,.\n]{0,30}")


def lead_witness(norm: str) -> tuple[int, int, str] | None:
    """The witness an editor's lead names for the testimony or message that follows: where the
    description of her ends (her name and the aside on it) and the name."""
    lead = _LEAD_WITNESS.search(norm[:900])
    if lead is None or not _LEAD_DOCUMENT.search(norm, max(0, lead.start() - 300),
                                                 lead.end() + 200):
        return None
    aside = _NAME_ASIDE_AFTER.match(norm, lead.end())
    return lead.start(), aside.end() if aside else lead.end(), lead.group("n").strip()


_HONORIFIC = re.compile(r"^(?:Dr|Mr|Mrs|Ms|Prof)\.\s")
# an account's shown name, then its handle, then when it posted
# (Latin shown names only: a mixed Arabic-Latin name matches neither spelling; the handle does)
_DISPLAY_HANDLE = re.compile(r"\A\s*(?:[^\n—–|@]{2,30}\s[—–|]\s+)?"
                             r"(?![Tt]hread|THREAD|[Pp]ost|[Tt]weet|[Ss]hared|[Pp]ublished|[Rr]eply)"
                             r"(?P<d>[A-Z][^\n@|.:!?,()—–\u0600-\u06ff]{1,50}?)\s+\(?(?P<h>@\w{2,40})\)?\s*"
                             r"(?:·|\||[-–—]\s|\n)")
_AR_DISPLAY_HANDLE = re.compile(r"\A\s*(?:[^\n—–|@]{2,30}\s[—–|]\s+)?(?P<d>[\u0621-\u064a]{2,}"
                                r"(?:\s[\u0621-\u064a]{2,}){0,3})[ \t]+\(?(?P<h>@\w{2,40})\)?")
# "Sender: Hala (family name withheld at her request), who lives in Tartus": a message's author
_SENDER = re.compile(r"(?:^|[.;]\s+|\n)\s*(?:sender|sent by|المرسل|المرسلة)\s*:\s*"
                     r"(?P<n>[A-Z\u0621-\u064a][^\s,.;()،]*(?:\s+[A-Z][\w'-]*){0,2})", re.I)
_POST_PREFIX = re.compile(
    r"^\W{0,3}(?:\[[^\]\n]{0,40}\]\s*)?(?:\d+/\d+\s+)?(?:(?:RT|MT|reply from|replying|"
    r"quote from|comment from|comment by|رد من|تعليق)\s+)?(?P<name>@\w{2,40})\s*:\s"
    r"|^\s*(?:\U0001f4ac|\U0001f5e8|↳|>)\s*(?P<name2>[^:\n]{2,40}?)\s*:\s"
    # a chat export's message: "[07/04/2025, 9:14 م] Umm Khaled: ...", "12/03/2024, 21:05 - Abu
    # Ali: ..." (its sender speaks it)
    r"|^\s*\[?\d{1,4}[/.-]\d{1,2}[/.-]\d{1,4}[,،]?\s+\d{1,2}:\d{2}(?::\d{2})?\s*"
    r"(?:[AaPp]\.?[Mm]\.?|[صم])?\]?\s*(?:[-–]\s*)?(?P<name3>[^:\n\d]{2,40}?)\s*:\s", re.I)


def post_author(sentence: str) -> str | None:
    """The account a post in a thread or comment list comes from: "RT @SDFpress: ...",
    "Reply from @X: ...", "💬 Page name: ..."."""
    m = _POST_PREFIX.match(sentence)
    return (m.group("name") or m.group("name2") or m.group("name3")).strip() if m else None


_GIVEN_NAME = fastre.compile(  # (tried only where its words start)
    r"(?:identified (?:here |below |in this (?:report|article|statement) )?(?:only )?(?:as|by)"
    r"(?: (?:the |(?:his|her|their) )?(?:initials|first name|"
    r"nickname|name))?|known (?:only )?as|referred to (?:here |below |in (?:these|the) "
    r"(?:proceedings|report|judgment|case) )?as|(?:who )?gave (?:only )?(?:his|her|their) "
    r"(?:first |full )?name(?: only)?(?: as|,)|pseudonym:?|calling (?:himself|herself|itself)|"
    # "a former guard, whom we call Samir to protect his identity": the name the writer gives
    r"(?:whom|who) we (?:call|are calling|will call|have called)|we (?:call|will call|are calling) (?:him|her)|"
    r"اسم مستعار:?|يدعى|تدعى|"
    r"المعروف باسم|المعروفة باسم|عرف\S* (?:عن |ب)?نفس\S* باسم|(?:ال)?تعريف (?:عن |ب)?نفس\S* باسم)"
    r"\s*,?\s+(?!(?:his|her|their|the|a|an|for|of|to|in|on|because)\b)[\"“«]?(?P<n>(?:أبو|ابو|أم|ام)\s+[^\s,.;()،]+|(?:[A-Z]\.\s?){1,3}|@\w+|[^\s,.;()]+(?:\s+(?!(?:to|and|for|in|on|at|as|who|because|when)\b)[A-Z][\w'-]+)?)",
    re.I)
# a name given in place of a withheld one (not "also known as the White Helmets")
_WITHHELD = re.compile(r"identified (?:here |below )?(?:only )?(?:as|by)|referred to\b[^,]{0,30}\bas|gave (?:only )?(?:his|her|their)|pseudonym|"
                       r"(?:whom|who) we (?:call|are calling|will call|have called)|we (?:call|will call|are calling) (?:him|her)|"
                       r"اسم مستعار", re.I)
_TRIM_HEAD = re.compile(r"^((?:a|an|one)\s+(?:[a-z][\w-]*\s+){0,3}?[a-z][\w-]*)\s+"
                        r"(?P<rest>(?:with|from|at|in|of|for|who|working)\s.+)$")


def given_name(text: str) -> str | None:
    """The name a source is given in the text: "a woman identified only as R.M." -> "R.M."."""
    m = _GIVEN_NAME.search(text)
    return m.group("n").strip().strip("\"“”«»") if m else None


_NOT_A_SOURCE = _rx(r"(?:the\s+|international\s+|syrian\s+|local\s+)?(?:laws?|plan|agreement|"
                   # "وفق معايير قانونية", "according to legal standards": a rule, no speaker
                   r"(?:[a-z]+\s+)?(?:standards?|criteria|principles)|(?:ال)?معايير(?:\s+\S+){0,2}|"
                   r"(?:ال)?مبادئ(?:\s+\S+){0,2}|الاصول|الأصول|"
                   r"deal|schedule|rules?|procedures?|regulations?|constitution|custom|tradition|"
                   r"protocols?|timetable|terms|instructions|orders|القانون|الاتفاق|الخطه|"
                   # a breakdown "by perpetrator", "بحسب المحافظات": how a toll is split
                   r"(?:the\s+)?(?:age|gender|region|governorate|province|perpetrator|month|year|"
                   r"category|type)s?|الجهات الفاعله|الجهه الفاعله|المحافظات|المناطق|الفئات|"
                   r"الجنس|العمر|الاشهر|"
                   # "بحسب الجهة المسؤولة", "by the party responsible": who did it, not who says
                   r"(?:ال)?(?:جهه|جهات|طرف|اطراف)\s+(?:ال)?(?:مسؤول\S*|فاعل\S*|مرتكب\S*)|"
                   r"(?:the\s+)?(?:responsible\s+(?:party|parties|side|actors?)|"
                   r"(?:party|parties|side|actors?)\s+responsible))$", re.I)
# "broken down by X as follows", "بحسب ... على النحو التالي": a breakdown follows, not a source
_AS_FOLLOWS = _rx(r"\s*(?:على\s+النحو\s+(?:التالي|الاتي|الآتي)|كالتالي|كالاتي|كما\s+يلي|"
                  r"as\s+follows|in\s+the\s+following\s+way)", re.I)
# "a source in the ministry", "مصدر في وزارة الدفاع": the source is named by where it is
# (a bare "source" only: "مصدر طبي في مستشفى نوى" is a medical source, the hospital is where)
_AR_SOURCE_IN = re.compile(normalize_arabic(r"^(?:مصدر|مصادر)\s+(?:في|من|ب)\s"))
# whom a source told: "لمراسل سانا" is not part of its name
_AR_TOLD_TAIL = re.compile(normalize_arabic(r"\s+ل(?:مراسل|وكال|صحيف|قنا|موقع)\S*(?:\s+\S+)?$"))
_POSSESSIVE_HEAD = re.compile(r"^(?:his|her|their)\s+(?:[a-z-]+\s+)?[a-z-]+$", re.I)
# a verb in a subordinate clause is not the sentence's attribution
_SUBORDINATE_BEFORE = re.compile(r"\b(?:before|after|until|unless|if|once|because|although|whereas)\s+"
                                 r"[^,;]{1,50}$", re.I)
# "قال الدفاع المدني في بيان إن": where it was said, not who said it
_AR_SAID_IN = _rx(r"\s+(?:في|عبر|ضمن|خلال)\s+(?:بيان|تصريح|تقرير|منشور|رساله|تغريده|مؤتمر|"
                  r"حديث|اتصال|مقابله)\S*(?:\s+\S+){0,6}\s*$")  # "... نقلته وكالة الأنباء (سانا)"


# no speaker: a bare conjunction ("... and added"), a place ("in rural Damascus"), a thing's
# own attribute ("Its coordinates had been shared")
_NO_SPEAKER = re.compile(r"(?:and|but|or|then|so)$|(?:in|at|on|from|into|during|its|despite|amid|"
                         r"following|after|before|since|without|against|as of)\s", re.I)


_AR_PRONOUN_PREP = {normalize_arabic(w) for w in (
    "بنا", "لنا", "بي", "لي", "به", "بها", "له", "لها", "بهم", "لهم", "معنا", "علينا", "عليه")}
_AR_TIME_OR_PREP = {normalize_arabic(w) for w in (
    "بعد", "قبل", "في", "عند", "منذ", "صباح", "صباحا", "مساء", "مساءً", "أمس", "امس", "ليلا",
    "اليوم", "من", "إلى", "الى", "على", "عن", "مع")}
# "فضل عبد الغني، مدير الشبكة، إن": a title after the name
_AR_TITLE_APPOSITION = _rx(r"\s*[،,]\s*((?:ال)?(?:مدير|رئيس|مسؤول|المسؤول|متحدث|المتحدث|الناطق|ناطق|"
                           r"عضو|باحث|الباحث|محامي|المحامي|مؤسس|منسق|قائد|مراسل|طبيب|مختار)"
                           r"[^،,:\"“«]{0,50})[،,]")
# the verb is followed by where it was said: "إدارة الأمن العام نفت بتصريح لسانا ...",
# "الوزارة أكدت في بيان ...": the subject is the phrase before the verb
_AR_SAID_IN_FIRST = _rx(r"\s*(?:ب|في|عبر|خلال)\s*(?:بيان|تصريح|تقرير|منشور|رساله|تغريده|مؤتمر|"
                        r"حديث|اتصال|مقابله)")
_AR_ACCUSE_VERB = re.compile(r"[وف]?(?:اتهم|اتهمت|يتهم|تتهم|اتهموا|حمل|حملت|يحمل|تحمل)")
_AR_PEOPLE_PLURAL = {normalize_arabic(w) for w in (
    "ناشطين", "ناشطون", "نشطاء", "سكان", "أهالي", "شهود", "مصادر", "مسؤولين", "أطباء", "محامين",
    "حقوقيين", "صحفيين", "مراقبين", "باحثين")}


# the charge after an Arabic accusation: "اتهمت X Y بقصف ..." (X accuses Y of shelling)
_AR_CHARGE = _rx(r"\sب(?:ال)?(?:قصف|استهداف|ارتكاب|تنفيذ|شن|قتل|اعتقال|خطف|اختطاف|الوقوف|مسؤوليه|"
                 r"تهجير|نهب|حرق|احراق|خرق|انتهاك|استخدام|تعذيب|اطلاق|تفجير|مهاجمه|الهجوم|"
                 r"محاوله|التورط|تورط|المسؤوليه)")


# after the verb: a count, "that he/she/they", a colon or a quotation -- no subject follows
# (or the object is a count: "الشبكة السورية تقدّر عدد المختفين بأكثر من ...")
_AR_NO_OBJECT_NP = _rx(r"\s*(?:\d|ب?[اإأ]ن(?:ه|ها|هم|هما)\s|[:\"“«]|(?:عدد|حصيله)\s)")
_AR_QUOTED_SUBJECT = _rx(r"(?:^|[\s.،,:])[وف]?[\"“«](?P<n>[^\"“”«»\d]{3,40})[\"”»]\s*$")
_AR_CLAUSE_START = _rx(r"(?:^|[،,.:؛;!?]|\s(?:ان|إن|أن|بان|بأن)\s)\s*(?:\d{1,2}/\s*)?[وف]?(?=\S)")
# (a body's name may hold "ل" + noun: "الشبكة السورية لحقوق الإنسان")
_AR_DEFINITE_NP = _rx(r"(?:ال\S{2,}|\S{3,})(?:\s+(?:ال\S{2,}|ل(?!ه|ها|هم|هما|نا|كم)\S{3,}(?=\s+ال))){0,4}")


def _ar_subject_before(sent: str, v_s: int) -> tuple[str, int] | None:
    """The subject of an Arabic verb in subject-verb order: the clause's words before the verb
    when they are a noun phrase -- a definite word, or a noun and its definite complements
    ("المرصد السوري", "وزارة الداخلية", "التلفزيون الرسمي"; a verb never takes "ال")."""
    start = 0
    for m in _AR_CLAUSE_START.finditer(sent, 0, v_s):
        start = m.end()
    pre = sent[start:v_s].rstrip()
    if not pre or _AR_DEFINITE_NP.fullmatch(pre) is None:
        return None
    words = pre.split()
    if len(words) == 1 and not words[0].startswith("ال"):
        return None  # one bare word may be a verb or an adverb ("بعدين")
    if not plausible_speaker(pre) or words[0] in _AR_TIME_OR_PREP or \
            _AR_TIME_HEAD.fullmatch(words[0]):
        return None  # "الساعة الثالثة قال:": when, not who
    return pre, start


_AR_TIME_HEAD = _rx(r"(?:ال)?(?:ساعه|يوم|ليله|صباح|مساء|شهر|اسبوع|عام|سنه|فجر|ظهر|عصر|مغرب|"
                    r"عشاء|جمعه|سبت|احد|اثنين|ثلاثاء|اربعاء|خميس|لحظه|وقت)")


def _accuser(np: str, lex: Lexicons) -> str:
    """The accusing actor of "اتهمت قوات سوريا الديمقراطية الجيش الوطني بقصف ...": the phrase
    after the verb holds the accuser, then the accused, then the charge ("ب" + a verbal noun).
    The charge goes; the accused starts where a second actor the registry knows starts."""
    charge = _AR_CHARGE.search(np)
    if charge:
        np = np[:charge.start()]
    hits = sorted(lex.actors.finditer(np), key=lambda h: h[0])
    first_end = hits[0][1] if hits and hits[0][0] <= 1 else 0
    accused = next((h for h in hits if h[0] > 1 and h[0] >= first_end), None)
    if accused is not None and np[:accused[0]].strip():
        np = np[:accused[0]]
    return np.rstrip()


# the head noun of a body's name, definite by the construct that follows ("مركز توثيق ...")
_AR_ORG_HEAD = re.compile(normalize_arabic(r"[وف]?(?:منظمة|مركز|هيئة|رابطة|شبكة|لجنة|مجلس|وزارة|"
                                           r"مديرية|جمعية|مؤسسة|تجمع|مكتب|فريق|اتحاد|نقابة|"
                                           r"مرصد|منسقو|الدفاع)"))


def _ar_document_owner(a_e: int, np: str) -> tuple[int, str]:
    """"توثيقات المرصد" -> "المرصد", "إحصائية غير نهائية للراصد" -> "الراصد" (a document's owner
    is the source); "تقديرات محلية" (estimates of nobody named) -> ""."""
    pad = len(np) - len(np.lstrip())
    a_e, np = a_e + pad, np[pad:]
    doc = _AR_DOCUMENT.match(np)
    if doc is None:
        return a_e, np
    rest = np[doc.end():]
    words = rest.split()
    if words and words[0].startswith("ال"):
        return a_e + doc.end(), rest  # a construct: "توثيقات المرصد"
    if words and _AR_ORG_HEAD.fullmatch(words[0]):
        return a_e + doc.end(), rest  # "إحصائيات مركز توثيق الانتهاكات": a body in construct
    if words and words[0] in _AR_PEOPLE_PLURAL:
        return a_e + doc.end() + rest.find(words[0]), rest  # "تقديرات ناشطين من المنطقة"
    for k, w in enumerate(words[:4]):
        if w.startswith("لل") or (w.startswith("ل") and len(w) > 3 and k > 0):
            owner = ("ال" + w[2:] if w.startswith("لل") else w[1:])
            tail = " ".join([owner, *words[k + 1:]])
            return a_e + doc.end() + rest.find(w), tail
    return a_e, ""


_INITIAL_END = re.compile(r"\b[A-Z]\.\s*[,;:]?\s*$")
_LEADING_LINK = re.compile(r"^(?:and|but|while|as|where|when|whereas|و)\s+", re.I)
_POST_NUMBER = re.compile(r"^\d{1,2}/\s*")
_COMMA_SPLIT = re.compile(r"\s*[,،]\s*")
_PLURAL_POSSESSIVE_END = re.compile(r"(?<=s)['’]$")


def _clean_np(np: str) -> tuple[str, str]:
    """Split "Rami H., a 34-year-old farmer" into (name, description)."""
    # (the patterns compiled once, and each skipped when the character it needs is absent)
    initial = _INITIAL_END.search(np) if "." in np else None
    np = np.strip(" ,.;:-—–\"“”«»") + ("." if initial else "")  # "Hala M." keeps its period
    given = given_name(np)
    if given:
        return given, np
    np = _LEADING_LINK.sub("", np)
    if "/" in np:
        np = _POST_NUMBER.sub("", np)  # a thread's "3/ A resident of ...": the post's number
    if _NO_SPEAKER.match(np):
        # "During the reporting week our field researchers documented": the subject after a
        # fronted time or place without a comma
        tail = _FRONTED_SUBJECT.search(np) if _FRONTED_PREP.match(np) else None
        if tail is None:
            return "", ""
        np = tail.group("s")
    parts = [p.strip() for p in (_COMMA_SPLIT.split(np) if "," in np or "،" in np else [np])
             if p.strip()]
    if not parts:
        return "", ""
    name = parts[0]
    desc = ", ".join(parts[1:])
    doc = _ISSUED_DOCUMENT.search(name)
    if doc and doc.start() > 0:  # "A US government assessment issued nine days later"
        name, desc = name[:doc.start()], ", ".join(p for p in (name[doc.start():].strip(), desc) if p)
    led = _LED_BY.search(name)
    if led and led.start() > 0:  # "A UN investigation team led by X": the team
        name, desc = name[:led.start()], ", ".join(p for p in (name[led.start():].strip(), desc) if p)
    if "'" in name or "’" in name:
        name = _PLURAL_POSSESSIVE_END.sub("", name)  # "Local activists' lists": the activists
    spoke = _SPOKESPERSON_FOR.match(name)
    if spoke:
        # "a spokesperson for the Ministry of Defence", no name given: the body speaks through
        # its spokesperson (as the gold writers of four sets name it)
        return spoke.group("body"), ", ".join(p for p in (spoke.group(1).strip(), desc) if p)
    trim = _TRIM_HEAD.match(name)
    if trim:  # "A volunteer with a local documentation group" -> "A volunteer"
        name, desc = trim.group(1), ", ".join(p for p in (trim.group("rest"), desc) if p)
    label = _DESCRIBED_NAME.match(name)
    if label:  # "the local network Horan Free Gathering", "state news agency SANA": the name
        name, desc = name[label.end():], ", ".join(p for p in (label.group(0).strip(), desc) if p)
    based = _PARTICIPLE_PREFIX.match(name)
    if based:  # "The Britain-based Syrian Observatory", "the Kurdish-led SDF": the name
        name, desc = name[based.end():], ", ".join(p for p in (based.group(0).strip(), desc) if p)
    by = _INTERVIEWED_BY.search(name)
    if by and by.start() > 0:  # "Local sources interviewed by Enab Baladi": the sources
        name, desc = name[:by.start()], ", ".join(p for p in (name[by.start():].strip(), desc)
                                                 if p)
    return name, desc


_SPOKESPERSON_FOR = re.compile(r"^((?:a|an|the|one)\s+(?:[a-z-]+\s+)?(?:spokes(?:person|man|woman)|"
                               r"press\s+officer|media\s+officer)\s+(?:for|of|at)\s+)"
                               r"(?P<body>(?:the\s+)?[A-Za-z][\w.'’-]*(?:\s+[\w.'’-]+){0,7})$", re.I)
# a document named after its author: "A US government assessment issued nine days later", "the
# UN report published in March": the author speaks
_FRONTED_CHUNK = re.compile(r"(?:by|in|on|at|during|since|after|before|until|as of|"
                            r"earlier|later|last|this)\s|"
                            # a fronted time with no preposition: "Late Wednesday, X claimed",
                            # "Early Monday morning,", "Hours later,", "Overnight,"
                            r"(?:(?:late|early)\s+(?:on\s+)?)?(?:Monday|Tuesday|Wednesday|"
                            r"Thursday|Friday|Saturday|Sunday|today|tonight|yesterday)"
                            r"(?:\s+(?:morning|afternoon|evening|night))?\s*$|"
                            r"(?:late|early)\s+(?:morning|afternoon|evening|night)\s*$|"
                            r"(?:hours|days|weeks|minutes|moments)\s+later\s*$|overnight\s*$",
                            re.I)
_FRONTED_PREP = re.compile(r"(?:during|in|on|at|over|since|throughout|within|after|before)\s",
                           re.I)
_FRONTED_SUBJECT = re.compile(r"^.*\s(?P<s>(?:our|the|its|their)\s+(?:[\w'-]+\s+){0,3}[\w'-]+)$")
_ISSUED_DOCUMENT = re.compile(r"\s+(?:assessment|report|investigation|study|analysis|review|"
                              r"statement|survey)s?\s+(?:issued|published|released|compiled|"
                              r"dated)\b.*$")
_LED_BY = re.compile(r"\s+(?:led|headed|chaired|appointed|formed|set up|established|commissioned|"
                     r"mandated)\s+by\s.*$")
# "armed men, some of whom said they belonged to ...": the relative clause's subject speaks
_PARTITIVE_RELATIVE = re.compile(r"\b(?:some|many|most|one|all|none|several|two|three|each|"
                                 r"both|few) of (?:whom|which|them)\s+$", re.I)
_PARTITIVE_WORDS = _written_words(_PARTITIVE_RELATIVE)
# Arabic "according to" a document of X: "وفق توثيقات المرصد", "وفق إحصائية غير نهائية للراصد"
_AR_DOCUMENT = re.compile(normalize_arabic(r"(?:توثيقات|توثيق|إحصائية|إحصائيات|تقرير|تقارير|بيان|"
                                           r"بيانات|أرقام|معطيات|تقديرات|معلومات|حصيلة)\s+"))
_RELATIVE_SUBJECT = re.compile(r"(?:,\s*|\s)(?:which|whom|that)\s+(?P<np>(?:the\s+)?[A-Z][\w.'-]*"
                               r"(?:\s+(?:[A-Z][\w.'-]*|of|for|the|al-[\w'-]+)){0,6}|"
                               r"(?:the|a|an)\s+[a-z][\w'-]*(?:\s+[a-z][\w'-]*){0,2}|"
                               r"(?:residents|activists|witnesses|officials|relatives|locals|"
                               r"survivors|medics|monitors|rescuers|families|critics|analysts|"
                               r"experts|(?:human\s+)?rights\s+groups|observers|lawyers))\s*$")


def _clean_found(before: str, m: re.Match[str]) -> tuple[str, str, int] | None:
    name, desc = _clean_np(m.group("np"))
    if not name or _VERBISH.search(name):
        return None
    return name, desc, m.start("np")


_BE_BEFORE = re.compile(r"\b(?:be|been|being|was|were|is|are|remains?|remained|became|becomes|"
                        r"seems?|seemed|still)\s+(?:\w+ly\s+)?$", re.I)
_THING_PUBLISHED = re.compile(r"\b(?:video|footage|photo|image|picture|report|statement|list|post|"
                              r"clip|recording|letter)s?\b[^,;]{0,60}$", re.I)
# "سيدة عرّفت عن نفسها باسم أم جعفر", "شاب يدعى أبو علي"
# "سيدة من قرية شيه، فضّلت التعريف بنفسها باسم "أم جوان"": a few words of who she is first
_AR_GIVEN = re.compile(normalize_arabic(r"\s*\S+(?:\s+[^\s،,.:\"«]+){0,4}?\s*[،,]?\s*"
                                        r"(?:(?:فضل|فضلت|طلب|طلبت)\s+)?"
                                        r"(?:عرف\S* (?:عن |ب)?نفس\S* باسم|(?:ال)?تعريف (?:عن |ب)?"
                                        r"نفس\S* باسم|يدعى|تدعى|"
                                        r"اسمه|اسمها)\s+[\"“«]?(?:(?:أبو|أم)\s+)?[^\s،,.:\"”»]+"))
# "Rami, 34, said ...", "Rami, a farmer, said ...": the speaker is before the verb
_APPOSITIVE_END = re.compile(r"^\W*[A-Z][\w'-]*(?:\s+[A-Z][\w'-]*){0,3},\s*(?:\d{1,3}|(?:a|an)\s[^,]{2,80}),\s*$")
_NESTED_SOURCE = _rx(
    r"\b(?:that|,)\s+(?:(?:in|on|at|during|later|then)\s+[^,;]{2,30}?\s+)?"
    r"(?P<np>(?:a|an|his|her|their)\s+[\w'-]+(?:\s+[\w'-]+){0,2}?)"
    r"(?:\s+(?:who|whom)\s[^,;]{2,60}?)?\s+told\s+(?:him|her|them|us|me)\s+that\b"
    r"|\b(?:letter|statement|certificate|document|note|decision|notice)\s+from\s+"
    r"(?P<doc>(?:the\s+)?[A-Z][\w'-]*(?:\s+(?:[A-Z][\w'-]*|of|for|the)){0,6})\s*,?\s+"
    r"(?:stating|saying|confirming|denying|claiming)\s+that\b", re.I)
_AR_AMMA = re.compile(normalize_arabic(r"(?:^|\s)[وف]?(?:أما|اما)\s+(?P<np>[^،,.:\"«]{2,70}?)\s*$"))
# "the local network Horan Free Gathering", "local activist Rami Haddad": a description, then the name
_DESCRIBED_NAME = re.compile(r"^(?:(?:[Tt]he|[Aa]n?)\s+)?(?:(?:Local|Former|Syrian|Kurdish|"
                             r"Independent|Veteran|Prominent|Senior|Opposition|Government|State|"
                             r"Pro-government|Activist|Lawyer|Journalist|Researcher|Analyst|Doctor|"
                             r"Resident|Witness|Survivor)\s+(?=[a-z]))?(?:(?!(?:of|in|from|at|near|for|with|on|to|by|and|or|said|told|the|an?|its|his|her|their|our)\s)"
                             r"[a-z][a-z-]*\s+){1,3}(?=[A-Z][\w'-]*(?:\s+(?:[A-Z][\w'-]*|(?:al|el)-[\w'-]+|bin|ibn))*$)")
# "the Britain-based", "a Turkish-backed", "the Kurdish-led": a description before a body's name
_PARTICIPLE_PREFIX = re.compile(r"^(?:(?:[Tt]he|[Aa]n?)\s+)?(?:[A-Za-z]+-(?:based|led|backed|run|funded|"
                                r"affiliated|aligned|controlled|linked|allied|owned|born)\s+)+"
                                r"(?=[A-Z][\w'-]*(?:\s+(?:[A-Z][\w'-]*|of|for|the|and|in|al-[\w'-]+|"
                                r"\([A-Z]{2,8}\)))*$)")
_INTERVIEWED_BY = re.compile(r"\s+(?:interviewed|contacted|reached|quoted|cited)\s+by\s.*$")
_APPOSITIVE_AFTER = re.compile(r"\s*,\s*((?:a|an|the)\s[^,.;:]{2,80})")
_RELAYED_FROM = re.compile(normalize_arabic(r"\s*(?:\S+\s+){1,4}?عن\s+(?P<src>\S)"))
_AR_BARE_SOURCE = re.compile(normalize_arabic(r"\s*(?:مصدر|مصادر)\s+(?:في|من)\s+[^،,.:;\"«]{2,50}?"
                                              r"(?=\s*[،,.:;]|\s+(?:ان|إن|أن|قوله|قولها)\s|$)"))
_AR_PREP = {"في", "من", "بـ"}
# "الناشط محمد الأحمد لعنب بلدي": whom it was told ends the phrase; but "لحقوق الإنسان",
# "لتوثيق الانتهاكات" are part of a body's name ("المرصد السوري لحقوق الإنسان")
_TOLD_TO_TAIL = re.compile(normalize_arabic(
    r"\s+ل(?!ل|حقوق|توثيق|دراسات|شؤون|اغاثة|إغاثة|حماية|مكافحة|تنسيق|رصد|العدالة|عدالة)\S{2,}"
    r"(?:\s+\S+)?\s*$"))
# "ونقلت شبكة محلية عن أحد السكان، طلب عدم ذكر اسمه، أن ...": the outlet relays, the
# source is whom it quotes ("نقلت" alone also means "carried", so only with "عن")
_AR_RELAYS = re.compile(normalize_arabic(
    r"^\W*[وف]?(?:نقلت|نقل|تنقل|ينقل)\s+(?P<via>[^،,:\"«]{2,50}?)\s+عن\s+"
    r"(?P<np>[^،,:\"«]{2,60}?)\s*(?:[،,][^،,\"«]{2,40}[،,]\s*)?"
    r"(?=(?:قوله|قولها|قولهم|ان|إن|أن|بان|بأن)\s|[:\"«])"))

Match = tuple[int, int, Entry]
# (patterns tried for every reporting verb, compiled once)
_ARABIC_LETTER = re.compile("[\u0600-\u06ff]")
_EACH_OTHER_AFTER = re.compile(r"\s+(?:each other|one another)\b")
_AS_AFTER = re.compile(r"\s+as\b")


def attribute_sentence(norm: str, s_start: int, s_end: int, lex: Lexicons, last_speaker: str,
                       according: list[Match] | None = None, verbs: list[Match] | None = None
                       ) -> Attribution | None:
    """``according``/``verbs``: matches of those lexicons in the sentence (sentence offsets),
    when the caller has already run them over the whole document."""
    sent = norm[s_start:s_end]
    if according is None:
        according = lex.according_to.finditer(sent)
    if verbs is None:
        verbs = lex.attribution_verbs.finditer(sent)
    quoted = None
    for q in (_QUOTE.finditer(sent) if '"' in sent or "“" in sent or "«" in sent or "„" in sent
              else ()):  # (the quotation marks it opens at)
        if quoted_name(sent, q.start(1), q.end(1)):
            continue  # '"Umm Yasser" (a pseudonym), 52, told ...': a name, not a quotation
        if (q.end() - q.start()) >= 0.3 * len(sent.strip()) or q.start() == 0:
            quoted = q
            break
    if quoted is None:
        # the last sentence of a quotation opened in the sentence before: '... abroad. They
        # know who just sold land," said Samer Halabi'
        quoted = _CLOSING_QUOTE.match(sent) if ('"' in sent or "”" in sent or "»" in sent) \
            else None  # (it ends at one of these)
    # 0. "the agency quoted a security source as saying", "نقلت الوكالة عن مصدر أمني قوله"
    relay = _QUOTED_AS_SAYING.search(sent) if ("quot" in sent or "نقل" in sent) else None
    if relay:
        group = "src" if relay.group("src") else "src2"
        name, desc = _clean_np(relay.group(group))
        if name:
            return Attribution(name, desc, quoted is not None, s_start, s_end,
                               "attribution:quoted_as_saying",
                               (s_start + relay.start(group), s_start + relay.end(group)))
    # 0b. hearsay and documents inside a statement: "A.H. stated that a relative told him that
    # ...", "a letter from the Military Police stating that ...": the inner source asserts it
    inner = _NESTED_SOURCE.search(sent) if ("told" in sent or "stating" in sent or
                                            "saying" in sent) else None
    if inner:
        name, desc = _clean_np(inner.group("np") or inner.group("doc"))
        if name and not _PRONOUN.match(name):
            g = "np" if inner.group("np") else "doc"
            return Attribution(name, desc, quoted is not None, s_start, s_end,
                               "attribution:nested_source",
                               (s_start + inner.start(g), s_start + inner.start(g) + len(name)))
    # 1. "according to X", "بحسب X"
    acc = according[0] if according else None
    if acc is not None and sent[acc[0]:acc[1]].lower() == "per" and \
            not re.match(r"\s+(?:the\s+)?[A-Z@]", sent[acc[1]:]):
        acc = None  # "$300 per person": a rate, not "according to"
    if acc is not None:
        _a_s, a_e, _ = acc
        rest = sent[a_e:]
        ma_verb = _AFTER_MA_VERB.match(rest)
        if ma_verb:  # "بحسب ما أفاد به الدفاع المدني": the source follows the verb
            a_e += ma_verb.end()
            rest = sent[a_e:]
            relayed = _RELAYED_FROM.match(rest) if "نقل" in ma_verb.group(0) else None
            if relayed:  # "بحسب ما نقلت وكالة سانا عن مصدر في الشرطة": the relayed source
                a_e += relayed.start("src")
                rest = sent[a_e:]
        ar = bool(_ARABIC_LETTER.search(rest[:5]))
        org = _AR_ORG_QUOTED.match(rest) if ar else None
        outlet = None if org else _QUOTED_OUTLET.match(rest)
        stop = (_AR_NP_STOP if ar else _NP_STOP).search(rest)
        np = outlet.group("n") if outlet else rest[: stop.start() if stop else 80][:80]
        if outlet:
            a_e += outlet.start("n")
        if org:  # "بحسب رابطة «عائدون»": the whole name (kept whole, quotation marks too)
            return Attribution(org.group("np").strip(), "", quoted is not None,
                               s_start + (quoted.start(1) if quoted else 0),
                               s_start + (quoted.end(1) if quoted else len(sent)),
                               "attribution:according_to",
                               (s_start + a_e + org.start("np"), s_start + a_e + org.end("np")))
        lead = _DOCUMENT_OF.match(np)
        if lead and len(np) > lead.end() + 2:
            # "according to figures compiled by the SNHR": the source is the SNHR
            a_e += lead.end()
            np = np[lead.end():]
        listed = _LIST_BY.match(np)
        if listed:  # "according to a list of names shared with Amnesty by relatives": relatives
            a_e += listed.start("w")
            np = listed.group("w")
        if ar:
            a_e, np = _ar_document_owner(a_e, np)
            np = _AR_TOLD_TO.sub("", np)
            bare = _AR_BARE_SOURCE.match(sent, a_e)
            if bare:  # "عن مصدر في قيادة الشرطة": a bare source is named by its institution
                np = bare.group(0)
        # "according to SOHR statistics": SOHR
        np = np.rstrip(" .")
        np = re.sub(r"(?<=\S)\s+(?:statistics|figures|data|records|tallies|tally|count|"
                    r"documentation|reports?|estimates?)\s*$", "", np)
        name, desc = _clean_np(np)
        titled = _AR_TITLE_NAME.match(sent, a_e + len(np)) \
            if ar and _AR_TITLE.match(name) else None
        if titled and not titled.group(1).startswith("ال"):
            # "بحسب ما قاله رئيس لجنة الحي، عمار الحسن، لعنب بلدي": the name after (not a
            # description: "المحامي سامر العبد الله، المتخصص في ...،")
            name, desc = titled.group(1), ", ".join(x for x in (name, desc) if x)
        appos = _APPOSITIVE_AFTER.match(sent, a_e + len(np)) if not desc else None
        if appos:  # "according to Khaled Odeh, a schoolteacher in the village"
            desc = appos.group(1).strip()
        if re.match(r"(?:the\s+)?(?:information|reports|accounts|testimonies)\s+(?:we|I|our)\b",
                    name, re.I):
            name = ""  # "according to the information we have received": the author's own
        elif _NOT_A_SOURCE.match(name) or _AS_FOLLOWS.match(sent, a_e + len(np)):
            name = ""  # "treated according to the law": a rule followed, not a source
        if name and last_speaker and _THE_DOCUMENT.fullmatch(name):
            name = last_speaker  # "بحسب التقرير", "according to the report": its author's
        if name:
            return Attribution(name, desc, quoted is not None,
                               s_start + (quoted.start(1) if quoted else 0),
                               s_start + (quoted.end(1) if quoted else len(sent)),
                               "attribution:according_to", (s_start + a_e, s_start + a_e + len(np)))
    # 2. speaker beside a quote
    if quoted is not None:
        tail = sent[quoted.end():]
        head = sent[:quoted.start()]
        spk = _speaker_after_quote(tail, lex) or _speaker_before(head, lex)
        if spk:
            name, desc, rel = spk
            base = quoted.end() if spk[2] >= 0 else 0
            if name and _PRONOUN.match(name) and last_speaker:
                name = last_speaker
            return Attribution(name, desc, True, s_start + quoted.start(1),
                               s_start + quoted.end(1), "attribution:quote_speaker",
                               (s_start + base + abs(rel), s_start + base + abs(rel) + len(name)))
    relays = _AR_RELAYS.match(sent)
    if relays:
        name, desc = _clean_np(relays.group("np"))
        if name:  # (the relaying outlet says nothing of the source's role: not in desc)
            return Attribution(name, desc, quoted is not None, s_start, s_end,
                               "attribution:relayed", (s_start + relays.start("np"),
                                                       s_start + relays.end("np")))
    # 3. "X said ..." / "..., X said." / "قال X إن ..."
    for v_s, v_e, _entry in verbs:
        verb = sent[v_s:v_e]
        if _AR_CAN.fullmatch(verb) and _AR_CAN_BEFORE.search(sent, 0, v_s) and \
                _AR_PRESENT_VERB.match(sent, v_e):
            continue  # "ما حدا يقدر يطلع", "اللي قدرت تطلع": dialect "can go", no estimate
        if sent.count("(", 0, v_s) > sent.count(")", 0, v_s):
            continue  # "(فضّل عدم ذكر اسمه)", "(who asked not to be named)": an aside's verb
        if sent.startswith(" القبض", v_e):
            continue  # "تلقي القبض" is "arrests" (ألقى), not "تلقى" (received)
        if sent.endswith(("عدم ", "عدم ال"), 0, v_s):
            continue  # "، طلب عدم ذكر اسمه،": a verbal noun after "not", nobody says anything
        if _ARABIC_LETTER.search(verb):
            if re.search(r"(?:^|\s)[وف]?(?:ما|لم|لا|لن|مو|مش)\s+$", sent[max(0, v_s - 6):v_s]):
                continue  # "الشباب ما قدرت توصل": could not reach, no estimate
            rest = sent[v_e:]
            medium = _AR_SAID_ON_MEDIUM.match(rest) if _AR_PRONOUN_SUBJECT.fullmatch(
                sent[:v_s]) else None
            if medium:  # "كانوا يقولون على التلفزيون إن": they, on TV -- the TV speaks
                return Attribution(medium.group("n").strip(), "", quoted is not None,
                                   s_start, s_end, "attribution:verb_subject:" + verb,
                                   (s_start + v_e + medium.start("n"),
                                    s_start + v_e + medium.end("n")))
            given = _AR_GIVEN.match(rest)
            gname = given_name(given.group(0)) if given else None
            if given and gname:  # "قالت سيدة عرّفت عن نفسها باسم أم جعفر": the name she gave
                return Attribution(gname, given.group(0).strip(), quoted is not None, s_start,
                                   s_end, "attribution:verb_subject:" + verb,
                                   (s_start + v_e, s_start + v_e + given.end()))
            quoted_subject = _AR_QUOTED_SUBJECT.search(sent, 0, v_s)
            if quoted_subject:  # 'و"المرصد السوري" يوثق أسماء القرى': a headline's subject
                return Attribution(quoted_subject.group("n"), "", quoted is not None, s_start,
                                   s_end, "attribution:subject_verb:" + verb,
                                   (s_start + quoted_subject.start("n"),
                                    s_start + quoted_subject.end("n")))
            if _AR_NO_OBJECT_NP.match(rest):
                # subject-verb order: "والمرصد السوري وثق ٤٢ حالة", "التلفزيون الرسمي قال إنه
                # ...", "سمعت إن الأمم المتحدة قالت ١٠٨ قتلى": no subject after the verb, a
                # definite noun phrase right before it
                sv = _ar_subject_before(sent, v_s)
                if sv is not None:
                    return Attribution(sv[0], "", quoted is not None, s_start, s_end,
                                       "attribution:subject_verb:" + verb,
                                       (s_start + sv[1], s_start + sv[1] + len(sv[0])))
            amma = _AR_AMMA.search(sent, 0, max(0, v_s - 1)) if sent[v_s - 1:v_s] == "ف" else None
            if amma:  # "أما الشبكة السورية فوثقت ...": the subject before "ف" + verb
                return Attribution(amma.group("np").strip(), "", quoted is not None, s_start, s_end,
                                   "attribution:subject_verb:" + verb,
                                   (s_start + amma.start("np"), s_start + amma.end("np")))
            if re.match(r"\s*(?:من\s|ب(?:يد|اصبع|إصبع)\S*)", rest):
                continue  # "تحذر من ...": what is warned of; "يشير بيده": a gesture
            if re.match(r"\s*ب?[اإأ]ن(?:ه|ها|هم|هما|نا|ني)\s", rest):
                continue  # "قال إنه دفع ...": "he said that", the speaker is not named here
            if re.match(r"\s*(?:فيه|فيها|عنه|عنها|له|لها|لهم)\s+ب?[اإأ]ن", rest):
                # "أصدرت الشبكة تقريرها، وقالت فيه إنها ...": a pronoun, not a speaker's name
                if last_speaker:
                    return Attribution(last_speaker, "", quoted is not None, s_start, s_end,
                                       "attribution:continued_speaker", (0, 0))
                continue
            to_that = re.match(r"\s*((?:\S+\s+){1,9}?)(?:ان|بان|إن|أن)\s", rest)
            told_only = re.match(r"\s*ل\S+\s+(?:ان|إن|أن|بان|بأن)\s", rest)  # "أكد لمراسلنا أن"
            if to_that and not told_only and not re.search(r"[،,:;\"“«\d]", to_that.group(1)):
                # "يرى الباحث في مركز دراسات الشرق فادي الخوري أن": the name ends the phrase
                np = _AR_SAID_IN.sub(" ", to_that.group(1))
                np = re.sub(r"\sمن\s*$", " ", np)  # "حذرت منظمة ... من أن": what it warns of
                aside_ar = re.search(r"\s*\(([^()]{2,40})\)", np)
                short = aside_ar.group(1).strip() if aside_ar else ""
                if aside_ar and _AR_OUTLET_HEAD.match(np.strip()) and \
                        1 <= len(short.split()) <= 2 and not short.startswith("ال") and \
                        not _AR_ASIDE_NOT_NAME.search(short):
                    # "وكالة الأنباء السورية الرسمية (سانا)": the body's name with its short name
                    # (gold writers use either)
                    whole = np[:aside_ar.end()].strip()
                    at = sent.find(whole, v_e)
                    return Attribution(whole, "", quoted is not None,
                                       s_start, s_end, "attribution:verb_subject:" + verb,
                                       (s_start + at, s_start + at + len(whole)) if at >= 0
                                       else (s_start + v_e, s_start + v_e + len(whole)))
                if aside_ar:  # "أبو خالد (اسم مستعار)": the aside describes the name
                    np = np[:aside_ar.start()] + " " + np[aside_ar.end():]
                    if len(np.split()) <= 3:
                        np = _TOLD_TO_TAIL.sub(" ", np)
                        # "تروي سلمى (اسم مستعار)، وهي شقيقة أحد الضحايا": who she is, too
                        who = re.search(r"[،,]\s*(?:وهو|وهي|وهم)\s+([^،,:\"“«]{2,60})", rest)
                        aside_desc = aside_ar.group(1) + (", " + who.group(1).strip() if who
                                                          else "")
                        return Attribution(np.strip(), aside_desc, quoted is not None,
                                           s_start, s_end, "attribution:verb_subject:" + verb,
                                           (s_start + v_e, s_start + v_e + len(np)))
                # "الناشط محمد الأحمد لعنب بلدي": whom it was told is not part of the name
                np = _TOLD_TO_TAIL.sub(" ", np) \
                    if len(np.split()) > 3 else np
                cut = _AR_NP_INNER_STOP.search(" " + np)
                if cut:
                    np = np[:max(0, cut.start() - 1)]
                doc_cut, owner = _ar_document_owner(0, np)
                if owner.strip() and doc_cut > 0:
                    np = owner  # "وتقول توثيقات المرصد في درعا": the observatory, in Daraa
                words = np.split()
                if len(words) >= 3 and _AR_SOURCE_IN.match(np.strip()):
                    # "مصدر في قيادة شرطة محافظة حلب": a source named by its institution, whole
                    # (its last two words are no person's name; whom it told is no part of it)
                    return Attribution(_AR_TOLD_TO.sub("", " ".join(words)), "", quoted is not None, s_start, s_end,
                                       "attribution:verb_subject:" + verb,
                                       (s_start + v_e, s_start + v_e + len(np)))
                if len(words) >= 3 and words[-2] in _AR_PREP:
                    # "مراسل سانا في حماة": who, then where
                    return Attribution(" ".join(words[:-2]), " ".join(words[-2:]),
                                       quoted is not None, s_start, s_end,
                                       "attribution:verb_subject:" + verb,
                                       (s_start + v_e, s_start + v_e + len(np)))
                if len(words) >= 3 and not words[-1].startswith("ال") and \
                        not words[-2].startswith(("ال", "ل", "و")):
                    name = " ".join(words[-2:])
                    desc = " ".join(words[:-2])
                    return Attribution(name, desc, quoted is not None, s_start, s_end,
                                       "attribution:verb_subject:" + verb,
                                       (s_start + v_e, s_start + v_e + len(np)))
            elif re.match(r"\s*(?:ل\S+\s+)?(?:ان|إن|أن|بان|بأن)\s", rest) or \
                    _AR_SAID_IN_FIRST.match(rest):
                # "وكانت وسائل إعلام ... قد زعمت أن", "مصدر طبي (فضّل عدم ذكر اسمه) أكد لمراسلنا
                # أن": the subject comes before the verb (and whom it told after it)
                # (a conjunction "و"/"ف" only: not the first letter of "وزارة", "وكالة", "وحدات")
                pre = re.sub(r"^\W*(?:[وف](?=ال|كان|كما|قد|لل))?(?:كانت|كان|كما|قد)?\s*", "",
                             sent[:v_s])
                pre = re.sub(r"\s*(?:قد|وقد|لقد)\s*$", "", pre)
                pre = re.sub(r"^\d{1,2}/\s*", "", pre)  # a thread's "٦/ ": the post's number
                aside = re.search(r"\s*\(([^)]{2,60})\)\s*", pre)
                if aside:
                    pre = (pre[:aside.start()] + " " + pre[aside.end():]).strip()
                if pre.endswith((" و", " ف")) or pre in ("و", "ف"):
                    # "اتصل بنا جارنا بعد ساعة وقال": the subject of the first verb, after it
                    words = pre[:-2].split()[1:]
                    while words and words[0] in _AR_PRONOUN_PREP:
                        words = words[1:]
                    cut_at = next((k for k, w in enumerate(words) if w in _AR_TIME_OR_PREP),
                                  len(words))
                    words = words[:cut_at]
                    if 1 <= len(words) <= 3 and not any(w[:1].isdigit() for w in words):
                        np = " ".join(words)
                        at = sent.find(np, 0, v_s)
                        return Attribution(np, "", quoted is not None, s_start, s_end,
                                           "attribution:subject_verb:" + verb,
                                           (s_start + at, s_start + at + len(np)))
                    continue
                if pre and 1 <= len(pre.split()) <= 8 and not re.search(r"[،,:;\"“«\d]", pre):
                    name, desc = _clean_np(pre)
                    split = None if _AR_SOURCE_IN.match(name) else \
                re.match(r"^(\S+(?:\s+\S+)?)\s+((?:في|من|ب)\s.+)$", name)
                    if split and len(name.split()) > 3:  # "مصدر طبي في مستشفى نوى": where it is
                        name, desc = split.group(1), ", ".join(
                            x for x in (split.group(2), desc) if x)
                    if aside:
                        desc = ", ".join(x for x in (desc, aside.group(1)) if x)
                    return Attribution(name, desc, quoted is not None, s_start, s_end,
                                       "attribution:subject_verb:" + verb,
                                       (s_start + sent.find(pre), s_start + sent.find(pre)
                                        + len(pre)))
                continue
            else:
                so_called = _AR_SO_CALLED.match(rest)
                if so_called:  # 'نفت ما تسمى "الحكومة المؤقتة"': the name, without "so-called"
                    return Attribution(so_called.group("n").strip(), "", quoted is not None,
                                       s_start, s_end, "attribution:verb_subject:" + verb,
                                       (s_start + v_e + so_called.start("n"),
                                        s_start + v_e + so_called.end("n")))
                org = _AR_ORG_QUOTED.match(rest)
                if org:  # "وتحدثت رابطة «عائدون» المحلية عن ...": the whole name
                    return Attribution(org.group("np").strip(), "", quoted is not None, s_start,
                                       s_end, "attribution:verb_subject:" + verb,
                                       (s_start + v_e + org.start("np"),
                                        s_start + v_e + org.end("np")))
                stop = _AR_NP_STOP.search(rest)
                np = rest[: stop.start() if stop else 60][:60]

                cut = _AR_NP_INNER_STOP.search(" " + np)
                if cut:
                    np = np[:max(0, cut.start() - 1)]
            if not np.strip() or len(np.split()) > 9:
                continue
            np = _AR_TOLD_TO.sub("", np)
            # "وتشير تقديرات الرابطة إلى أن": the estimates' owner is the source (as after
            # "بحسب"); estimates of nobody named keep the phrase
            lead_cut, owner = _ar_document_owner(0, np)
            if owner.strip() and lead_cut > 0:
                np = owner
            else:
                lead_cut = 0
            # "وثق نشطاء المرصد السوري مزيداً من المجازر": the object starts after the subject
            obj = re.search(r"\s(?:مزيدا|المزيد|عددا|العديد)(?:\s|$)", np)
            if obj:
                np = np[:obj.start()]
            words = np.split()
            if len(words) > 1 and words[0] in _AR_PEOPLE_PLURAL and _AR_ACCUSE_VERB.fullmatch(
                    normalize_arabic(verb)):
                # "واتهم ناشطون قوات النظام بـ": the accusers, then the accused
                keep = 2 if re.fullmatch(r"\S+(?:ون|ين)", words[1]) else 1  # "ناشطون محليون"
                np = np[:np.find(words[keep - 1]) + len(words[keep - 1])]
            if _AR_ACCUSE_VERB.fullmatch(normalize_arabic(verb)):
                np = _accuser(np, lex)
            name, desc = _clean_np(np)
            appos = re.match(r"\s*(?:\([^()]{1,40}\))?\s*[،,]\s*(?:وهو|وهي|وهم)\s+([^،,:\"“«]{2,60})",
                             rest[lead_cut + len(np):]) or \
                _AR_TITLE_APPOSITION.match(rest, lead_cut + len(np))
            if appos and not desc:
                desc = appos.group(1).strip()  # "أبو أحمد، وهو أحد سكان الحي"
            if _AR_SOURCE_IN.match(name):
                # "مصدر في وزارة الدفاع": a bare source is named by its institution
                told = _AR_TOLD_TAIL.search(name)
                if told:
                    name, desc = name[:told.start()], ", ".join(
                        p for p in (name[told.start():].strip(), desc) if p)
            split = None if _AR_SOURCE_IN.match(name) else \
                re.match(r"^(\S+(?:\s+\S+)?)\s+((?:في|من|ب)\s.+)$", name)
            if split and len(name.split()) > 3:
                # "مصادر محلية في مدينة مصياف": the source, then where it is
                name, desc = split.group(1), ", ".join(p for p in (split.group(2), desc) if p)
            if name and last_speaker and _THE_DOCUMENT.fullmatch(name):
                name = last_speaker  # "وسجل التقرير مجزرة": the report's author records it
            titled = _AR_TITLE_NAME.match(rest, lead_cut + len(np)) if _AR_TITLE.match(name) \
                else None
            if titled and not _AR_HONORIFIC.sub("", titled.group(1)).startswith("ال"):  # "قال مدير الشبكة، فادي العمر، إن": the name after the title
                name, desc = _AR_HONORIFIC.sub("", titled.group(1)), ", ".join(
                    x for x in (name, desc) if x)
            if _AR_PLACE_SUBJECT.match(name) and normalize_arabic(verb).startswith("سجل"):
                continue  # "وسجلت محافظة إدلب الحصيلة الأعلى": a place records no statement
            if name:
                return Attribution(name, desc, quoted is not None, s_start, s_end,
                                   "attribution:verb_subject:" + verb,
                                   (s_start + v_e + lead_cut, s_start + v_e + lead_cut + len(np)))
            continue
        after = sent[v_e:]
        low_verb = verb.lower()
        prefix = sent[:v_s]
        if low_verb in _AMBIGUOUS_VERBS and not re.match(r"\s*(?:that\b|[\"“«:]|$)", after) \
                and not _PEOPLE_SUBJECT.search(prefix):
            continue  # "these claims fabrications", "Reports of a massacre": nouns, not verbs
        if low_verb.endswith("s") and prefix.rstrip().endswith(",") and \
                re.match(r"\s*,", after):
            continue  # "We found papers, lists, clothes.": a noun in an enumeration
        if not after.strip() and _HEADING_LINE.fullmatch(sent):
            continue  # "Casualty estimates", "Competing claims": a section heading, no speaker
        if _may_end_with(prefix, _UNABLE_WORDS) and \
                _UNABLE_BEFORE.search(sent, max(0, v_s - 40), v_s):
            # "We cannot independently confirm ...", "Reuters could not verify ...": a
            # disclaimer (read by the hedging step), nobody asserting anything
            continue
        if low_verb in ("said", "reported", "believed", "thought", "alleged") and \
                re.match(r"\s+to\s+(?:be|have)\b", after):
            continue  # "The families, said to be from Homs, left": a passive report, no speaker
        if _EACH_OTHER_AFTER.match(after):
            continue  # "Both sides accuse each other": no one source
        if _AS_AFTER.match(after) or (low_verb in ("accused", "blamed") and
                                            re.match(r"\s+(?:of|for)\b", after)):
            continue  # "described as", "men accused of talking to the SDF"
        by = _BY_AGENT.match(after)
        if by and (low_verb in _PASSIVE_PUBLISHING or (
                low_verb.endswith("ed") and prefix.rstrip().endswith(","))):
            # ("..., estimated by the council at $40 million": a participle with its agent)
            # "Video posted online by activists showed ...": the poster is the source
            name, desc = _clean_np(re.sub(r"\s+at\s+(?:US)?[$£€\d].*$", "", by.group("np")))
            if name:
                return Attribution(name, desc, quoted is not None, s_start, s_end,
                                   "attribution:posted_by:" + low_verb,
                                   (s_start + v_e + by.start("np"),
                                    s_start + v_e + by.start("np") + len(name)))
        if (_may_end_with(prefix, _RELATIVE_BEFORE_WORDS) and
                _RELATIVE_BEFORE.search(sent, 0, v_s)) or (
                    _may_end_with(prefix, _PARTITIVE_WORDS) and
                    _PARTITIVE_RELATIVE.search(sent, 0, v_s)):
            continue
        if low_verb.endswith("ed") and _BE_BEFORE.search(sent, max(0, v_s - 20), v_s):
            continue  # "clashes continued to be reported": a passive names no speaker
        if _SUBORDINATE_BEFORE.search(sent, max(0, v_s - 60), v_s):
            continue  # "before owners have documented their property": not who speaks
        if low_verb.endswith("ed") and (
                (prefix.rstrip().endswith(",") and re.match(r"\s+(?:at|to be|as)\b", after))
                # "Testimony 14 - Rural Damascus, recorded in Gaziantep": where it was taken down
                or (prefix.rstrip().endswith(",") and low_verb in ("recorded", "filmed",
                                                                       "collected", "written")
                    and re.match(r"\s+(?:in|on)\b", after))
                or (low_verb in _PASSIVE_PUBLISHING and _THING_PUBLISHED.search(sent, 0, v_s) and
                    re.match(r"\s+(?:in|on|last|earlier)\s+(?:[A-Z]|\d|the\s|this\s)", after))
                or (low_verb in _PASSIVE_PUBLISHING and re.search(
                    r"\b(?:videos|photos|photographs|images|posts|clips|messages|recordings|"
                    r"documents|pictures)\s+$", sent[max(0, v_s - 20):v_s]))):
            # ("reviewed more than 60 videos shared on messaging apps": a participle)
            continue  # "..., estimated at 4.5 million", "a video published in April": participles  # "a man who said he could get him released": not the sentence's source
        # "X put the toll at 9 and said ...", "X, in a note, rejected ... and stated that": the
        # speaker of a second, coordinated verb is the subject of the sentence's first verb
        if _AND_BEFORE.search(sent, max(0, v_s - 12), v_s):
            first = _coordinated_subject(prefix)
            if first is not None:
                name, desc, rel = first
                return Attribution(name, desc, quoted is not None, s_start, s_end,
                                   "attribution:coordinated_verb:" + low_verb,
                                   (s_start + rel, s_start + rel + len(name)))
            continue
        # "X has denied", "X had also said": the subject is before the auxiliaries
        before = _strip_auxiliaries(prefix)
        found = None
        if low_verb not in ("told", "tells", "tell") and \
                before.rstrip().endswith((",", "\"", "”", "»")) and \
                (re.match(r"\s+[\w.'’-]+(?:\s+[\w.'’-]+){0,3}\s*[.!]?\s*$", after) or
                 # "..., said Rami Saleh, a teacher who runs the committee.": a name, then
                 # who the person is
                 _NAME_THEN_APPOSITIVE.match(after)) and \
                not re.match(r"\s+(?!(?:a|an|the|one)\b)[a-z]", after) and \
                not _VERBISH_AFTER.search(after) and not _RELATIVE_CHUNK.search(before) and \
                not _APPOSITIVE_END.search(before):
            found = None  # "..., Say Officials": the speaker follows the verb
        else:
            rel_subject = _RELATIVE_SUBJECT.search(before)
            # "A strike, which the Observatory said was carried out by ...": the relative
            # clause's own subject speaks
            found = _clean_found(before, rel_subject) if rel_subject else _subject_before(before)
        if found is None:
            inverted = _subject_after(before, after)
            if inverted is None:
                continue
            name, desc, rel = inverted
            span = (s_start + v_e + rel, s_start + v_e + rel + len(name))
        else:
            name, desc, rel = found
            if _DOC_KIND.fullmatch(name.strip()) or not plausible_speaker(name):
                continue  # "— Monthly report": a document's kind; "put the toll at 11 in a ..."
            lead = _DOCUMENT_OF.match(name)
            if lead and len(name) > lead.end() + 2:
                # "Early reports by opposition groups spoke of": the groups
                rel += lead.end()
                name = name[lead.end():]
            span = (s_start + rel, s_start + rel + len(name))
        if _PRONOUN.match(name) and last_speaker and _refers_back(name, last_speaker):
            name = last_speaker
        elif last_speaker and _THE_DOCUMENT.fullmatch(name):
            name = last_speaker  # "The report notes that ...": its author's finding
        return Attribution(name, desc, quoted is not None, s_start, s_end,
                           "attribution:verb_subject:" + low_verb, span)
    toll = _TOLL_SPEAKER.match(sent) if _TOLL_WORD.search(sent) else None
    if toll:
        # "The Observatory put the death toll at 39"
        name, desc = _toll_np(toll.group("np"))
        if name and not _VERBISH.search(name):
            return Attribution(name, desc, quoted is not None, s_start, s_end,
                               "attribution:toll", (s_start + toll.start("np"),
                                                    s_start + toll.start("np") + len(name)))
    colon = _COLON_SOURCE.match(sent) if ":" in sent else None  # (it ends at a colon)
    if colon:
        name, desc = _clean_np(colon.group("np"))
        if name:
            return Attribution(name, desc, quoted is not None, s_start + colon.end(), s_end,
                               "attribution:colon_source",
                               (s_start + colon.start("np"), s_start + colon.end("np")))
    if last_speaker and _AR_PRONOUN_VERB.match(sent):
        # "وأضاف أن ...", "وتابعت: ...": the verb's hidden subject is the last speaker
        if quoted is not None:
            return Attribution(last_speaker, "", True, s_start + quoted.start(1),
                               s_start + quoted.end(1), "attribution:continued_speaker", (0, 0))
        return Attribution(last_speaker, "", False, s_start, s_end,
                           "attribution:continued_speaker", (0, 0))
    return None


_AMBIGUOUS_VERBS = {"claims", "reports", "documents", "states", "notes", "posts", "adds", "disputes",
                    "contests",
                    "writes", "counts", "accounts", "records", "shares", "report",
                    "estimate", "estimates", "record", "claim", "finds", "observes", "warns"}
# a comma inside a number ("$3,000") separates nothing
_POSSESSIVE_TITLE = re.compile(r"[A-Z][\w.-]*(?:\s+[A-Z][\w.-]*){0,3}['’]s\s+(?:[a-z-]+\s+)?(?:chairman|"
                               r"chair|chairwoman|director|head|founder|spokes(?:man|woman|person)|"
                               r"president|leader|coordinator|researcher|editor|commander|chief|"
                               r"deputy|envoy|representative|minister|official|lawyer)$")
_QUOTED_TERM = re.compile(r"(?:(?<=['’]s )|(?<=\bthe )|(?<=\bits )|(?<=\bhis )|(?<=\bher )|"
                          r"(?<=\ba )|(?<=\ban ))[\"“][^\"“”]{1,40}[\"”]")
_SEPARATORS = _rx(r"\s*(?:(?<!\d),|,(?!\d{3})|[;:\"”“«»—–|]|\s-\s)\s*")
# kinds of document that read as a subject before "report" in a header line
_DOC_KIND = re.compile(r"(?:monthly|weekly|daily|annual|quarterly|biannual|periodic|special|final|"
                       r"preliminary|interim|situation|flash|field|progress|thematic)", re.I)
_VERBISH = _rx(r"\b(?:killed|were|was|had|have|has|been|is|are|did|do|does|will|would|"
                      r"could|shot|stormed|fled|left|came|went|took|killing|wounding|injuring|"
                      r"leaving|including|hit|struck)\b", re.I)
_AUXILIARIES = _rx(r"(?:\s+(?:has|have|had|will|would|also|again|later|repeatedly|previously|"
                   r"earlier|separately|already|not|did|does|do|had\s+been|has\s+been|"
                   r"publicly|officially|firmly|strongly|categorically|nonetheless|nevertheless|"
                   r"however|meanwhile|since|now|independently|jointly|recently|so far|"
                   r"subsequently|itself|themselves|(?:was|were|has\s+been|have\s+been)\s+able\s+to|"
                   r"always|long|flatly|consistently|immediately|quickly|swiftly|"
                   r"managed\s+to))+\s*$", re.I)
_AUXILIARY_WORDS = _written_words(_AUXILIARIES)


def _strip_auxiliaries(text: str) -> str:
    """The text before a reporting verb without the auxiliaries and adverbs at its end ("X has
    also" -> "X")."""
    return _AUXILIARIES.sub("", text) if _may_end_with(text, _AUXILIARY_WORDS) else text


# "residents on the western edge report ...": a plural subject makes "report" a verb
_PEOPLE_SUBJECT = _rx(r"\b(?:residents|activists|witnesses|sources|officials|medics|locals|"
                      r"people|villagers|survivors|monitors|rescuers|doctors|families|relatives|"
                      r"journalists|groups)\b(?:\s+[\w'-]+){0,4}\s*$", re.I)
_BY_AGENT = _rx(r"\s+(?:online\s+|on\s+(?:social\s+media|\w+)\s+|today\s+|earlier\s+)?by\s+"
                r"(?P<np>(?:the\s+)?[^,.;:\"“«]{2,60}?)(?=\s+(?:showed|shows|show|said|says|on|in|"
                r"appeared|appears|was|were|is|are|that|which|who)\b|[,.;:]|$)", re.I)
_PASSIVE_PUBLISHING = {"posted", "published", "shared", "released", "issued", "reported",
                       "documented", "compiled", "written", "circulated", "tweeted", "recorded"}
# "the toll could rise": a clause after the verb, not a speaker
_VERBISH_AFTER = _rx(r"\b(?:could|would|will|may|might|was|were|is|are|had|has|have|did|"
                     r"should|must|can|not)\b", re.I)
# "The official, who spoke on condition of anonymity, said": the subject is before the verb
_RELATIVE_CHUNK = _rx(r",\s*(?:who|which|whose)\s[^,]{2,100},\s*$", re.I)  # also "Russia, whose aircraft ...,"
_RELATIVE = _rx(r"^(?:who|which|whose|whom)\b", re.I)
# "X, speaking to reporters on condition of anonymity, said", "X, in a statement, said": an aside
# between the speaker and the verb, never the speaker
_ASIDE = _rx(r"^(?:speaking|talking|writing|in\s+(?:a|an|its|his|her|their)\s|on\s+condition|"
             r"on\s+behalf|via\s|through\s|for\s+(?:its|his|her|their)\s+part|in\s+turn|"
             r"for\s+fear|out\s+of\s+fear|fearing|for\s+security\s+reasons|citing\s|"
             # "The commission, created in May 2025, told ...": a participle describes it
             r"(?:created|founded|established|formed|set\s+up|launched|based|headquartered|"
             r"headed|led|chaired|backed|funded|appointed|tasked|mandated)\s)", re.I)
# an organisation's name: capitalised words with lower-case links ("the Syrian Observatory for
# Human Rights", "Ministry of Defence"); it ends on a capitalised word
# a date is no name: "March 21" (a dateline's)
_MONTH_DAY = re.compile(r"^(?:January|February|March|April|May|June|July|August|September|October|"
                        r"November|December|Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec)\.?"
                        r"\s+\d{1,2}$")
_ORG_NAME = _rx(r"^(?:the\s+)?[A-Z][\w.'-]*(?:(?:\s+(?:of|for|the|and|on|in))*\s+"
                r"(?:[A-Z][\w.'-]*|al-[\w'-]+)){0,8}(?:\s+\d{1,4})?$")  # "Suwayda 24"
_DESCRIPTIVE = _rx(r"^(?:a|an|the|who|which|whose|aged|one of|\d|"
                   # a title without an article: "Kamal Dara, head of the media office, said"
                   r"(?:head|director|spokes(?:man|woman|person)|chief|commander|member|leader|"
                   r"founder|chair(?:man|woman|person)?|president|minister|deputy|coordinator|"
                   r"researcher|editor|mayor|governor|manager|secretary)\s+(?:of|for|at|with|in)\b)",
                   re.I)
_PROPER = _rx(r"^(?:[A-Z][\w.'-]*|al-\w+|bin|ibn|abu|umm|de|van)(?:\s+(?:[A-Z][\w.'-]*|"
                     r"al-[\w'-]+|el-[\w'-]+|bin|ibn|abu|umm|de|van|[A-Z]\.)){0,4}$")
# two people named together: "Rami Khalil and Yara Haddad, two researchers at the centre, said"
_PROPER_PAIR = _rx(r"^[A-Z][\w.'-]*(?:\s+(?:[A-Z][\w.'-]*|al-[\w'-]+)){0,3}\s+and\s+"
                   r"[A-Z][\w.'-]*(?:\s+(?:[A-Z][\w.'-]*|al-[\w'-]+)){0,3}$")
_COLON_SOURCE = _rx(
    r"^\s*(?:(?:breaking|urgent|update|عاجل|تحديث|خاص)\s*[|:\-–—]\s*)?"
    r"(?P<np>(?:(?:local|medical|security|military|activist|field|informed|other|"
    r"unnamed|anonymous|civil)\s+)?(?:sources?|witness(?:es)?|residents?|activists?|officials?|"
    r"doctors?|rescuers?|مصادر(?:\s+(?!ل)\S+)?|مصدر(?:\s+(?!ل)\S+)?|ناشطون|ناشطين|شهود|اهالي|"
    r"الاهالي|مراسل\S*)(?:\s+in\s+\S+)?|[^:.!?\n]{2,40}\s(?:posted|wrote|tweeted|said)|"
    r"(?:a|an|the)\s+(?:post|video|message|tweet|statement)\s+(?:by|from)\s+[^:]{2,60}|"
    # "Interior ministry statement, quoted by state TV: ..."
    r"[^:.!?\n]{2,40}?(?=\s+statement\b))(?:\s+statement(?:,\s*[^:\n]{2,40})?)?"
    r"(?:\s+ل[^\s:]+)?\s*:\s*",  # "مصادر محلية للراصد:": whom they told is not who they are
    re.I)


def _chunks(text: str) -> list[tuple[int, int, str]]:
    out = []
    pos = 0
    for m in _SEPARATORS.finditer(text):
        if m.start() > pos and text[pos:m.start()].strip():
            out.append((pos, m.start(), text[pos:m.start()]))
        pos = m.end()
    if pos < len(text) and text[pos:].strip():
        out.append((pos, len(text), text[pos:]))
    return out


# (the patterns of _subject_before, compiled once: it runs for most reporting verbs)
_LOWER_ASIDE = re.compile(r"\((?=[^()]*\b[a-z]{2,}\b)[^()]{1,80}\)")
_RELATIVE_REST = re.compile(r"\b(?:who|whose|whom|which)\b.*$|(?<=s)\s+that\s.*$")
_LEADING_CONJUNCTION = re.compile(r"^(?:and|but|while|as|so)\s+", re.I)
_QUANTIFIER_LAST = re.compile(r"\s(?:most|many|some|all|few|several|others)$", re.I)
_ADVERB_LAST = re.compile(r"\s+(?:also|too|again|further|separately|later|meanwhile|earlier|"
                          r"always|never|repeatedly|consistently|publicly|officially|previously|"
                          r"initially|strongly|swiftly|quickly|immediately)$", re.I)
_LY_ADVERB_LAST = re.compile(r"(?<=\S)\s+(?!(?:family|ally|assembly|rally|supply|monopoly|"
                             r"anomaly)\b)[a-z]{3,}ly$")
_NOBODY = re.compile(r"(?:no|none|nobody|neither)\b", re.I)


def _subject_before(before: str) -> tuple[str, str, int] | None:
    """The speaker before a reporting verb: "Rami, a farmer, said" -> ("Rami", "a farmer")."""
    # "Abu Khaled (not his real name), 45, said": an aside in brackets is blanked (same length,
    # so offsets hold); the pseudonymity cue is still read from the text after the name
    if "(" in before:
        before = _LOWER_ASIDE.sub(lambda m: " " * len(m.group(0)),
                                  before)  # not "(Reuters)", "(SNHR)": names
    if '"' in before or "“" in before:
        # a quoted term inside a description is no speaker: "Bassel Ajami, a student who spent
        # five years in the prison's "red building", says"
        before = _QUOTED_TERM.sub(lambda m: " " * len(m.group(0)), before)
    chunks = _chunks(before)
    if not chunks:
        return None
    taken: list[tuple[int, int, str]] = []
    # each taken chunk's text (stripped), whether it opens a relative clause, is an aside
    taken_text: list[str] = []
    taken_relative: list[bool] = []
    taken_aside: list[bool] = []
    for c in reversed(chunks):
        text = c[2].strip()
        words = len(text.split())
        relative = _RELATIVE.match(text) is not None
        is_aside = _ASIDE.match(text) is not None
        aside = relative or is_aside
        # "a farmer whose name we have changed": the relative clause's verbs are not the chunk's
        # (without "wh" or "that" there is no relative clause to cut)
        core = _RELATIVE_REST.sub("", text) if "wh" in text or "that" in text else text
        if (_VERBISH.search(core) and not aside) or words > 20:
            break  # a relative clause may hold verbs: "the ministry, which has backed ..., said"
        if taken and _FRONTED_CHUNK.match(text):
            break  # "By January 2016, aid agencies reported": a fronted time, not the speaker
        if taken:
            last = taken_text[-1]
            joins = (((_PROPER.match(text) or _ORG_NAME.match(text) or
                       _POSSESSIVE_HEAD.match(text))
                      and (_DESCRIPTIVE.match(last) or _POSSESSIVE_TITLE.match(last)))
                     # "Rami, a farmer,", "Fadel Abdul Ghany, SNHR's chairman,"
                     or (_DESCRIPTIVE.match(text) and (_PROPER.match(last) or _RELATIVE.match(last)))
                     or (_PROPER_PAIR.match(text) and _PLURAL_DESCRIPTION.match(last))
                     # "Abu Yazan, 61, a farmer from Hama, remembers": an age, then who he is
                     or (_AGE.fullmatch(text) is not None and (
                         _DESCRIPTIVE.match(last) is not None or _ORIGIN.match(last) is not None))
                     or taken_relative[-1] or taken_aside[-1])
            if not joins:
                break
        taken.append(c)
        taken_text.append(text)
        taken_relative.append(relative)
        taken_aside.append(is_aside)
        if len(taken) == 3 + any(taken_aside):
            break  # an aside ("for fear of reprisals") does not count
    if not taken:
        return None
    names = [c for c, t, rel in zip(taken, taken_text, taken_relative, strict=True)
             if not rel and (_PROPER.match(t) or _ORG_NAME.match(t) or _PROPER_PAIR.match(t)
                             or _POSSESSIVE_HEAD.match(t)) and not _MONTH_DAY.match(t)]
    plain = [c for c, rel, asd in zip(taken, taken_relative, taken_aside, strict=True)
             if not rel and not asd]
    if not plain:
        return None
    head = names[0] if names else plain[0]  # "The official, who spoke ..., said"
    name, extra = _clean_np(head[2])
    # chunks compared by value, not identity: each starts elsewhere, and a compiled build
    # (mypyc) re-boxes tuples, so `is` between equal tuples does not hold there
    desc = ", ".join(t for c, t in zip(reversed(taken), reversed(taken_text), strict=True)
                     if c != head)
    desc = ", ".join(p for p in (extra, desc) if p)
    coordinated = _FIRST_VERB_AND.match(name)
    if coordinated:  # "The Interior Ministry identified the man as X and said": the ministry
        name = coordinated.group(1)
    given = given_name(desc) if _WITHHELD.search(desc) and not names else None
    if given:  # "a cousin, who asked to be identified only as Abu Rami, said"
        name, desc = given, ", ".join(p for p in (name, desc) if p)
    name = _LEADING_CONJUNCTION.sub("", name)
    restrictive = _RESTRICTIVE_RELATIVE.match(name) if len(taken) == 1 and \
        head == chunks[0] else None
    if restrictive and not _VERBISH.search(restrictive.group(1)):
        # "Researchers who have studied the material say": who they are is no part of the name
        # (not an apposition: "The mother of another boy, a 15-year-old who was detained ...,
        # said" is the mother)
        name, desc = restrictive.group(1), ", ".join(
            p for p in (restrictive.group(2), desc) if p)
    if _QUANTIFIER_LAST.search(name):
        return None  # "without electricity, water or schools most say": a quantifier speaks
    name = _ADVERB_LAST.sub("", name)
    # any other adverb before the verb: "The Turkish Defence Ministry routinely described"
    name = _LY_ADVERB_LAST.sub("", name)
    if not name or _VERBISH.search(name) or _NOBODY.match(name):
        return None  # "No group claimed responsibility": nobody is speaking
    return name, desc, head[0] + (len(head[2]) - len(head[2].lstrip()))


_AGE = re.compile(r"\d{1,3}")
# a heading line: a few words, no closing punctuation ("Casualty estimates", "Competing claims")
_HEADING_LINE = re.compile(r"\s*[A-Z][\w'-]*(?:\s+[\w'-]+){0,3}\s*")
# a negated ability before the verb: "cannot independently confirm", "could not verify"
_UNABLE_BEFORE = re.compile(r"\b(?:cannot|can['’]t|can\s+not|could\s+not|couldn['’]t|"
                            # "HTS has not acknowledged where he is held": nothing asserted
                            r"(?:has|have|had|did|does|do)\s+not|(?:has|have|did|does)n['’]t|never|"
                            r"(?:was|were|is|are)\s+unable\s+to|(?:has|have|had)\s+not\s+been\s+"
                            r"able\s+to)\s+(?:yet\s+|independently\s+|immediately\s+|"
                            r"fully\s+|so\s+far\s+)*$", re.I)
_UNABLE_WORDS = _written_words(_UNABLE_BEFORE)
# "..., said Rami Saleh, a teacher who helps run the committee."
_NAME_THEN_APPOSITIVE = re.compile(r"\s+(?:Dr\.?\s+)?[A-Z][\w.'’-]*(?:\s+(?:al-|el-|bin\s|ibn\s)?"
                                   r"[A-Z][\w.'’-]*){0,3}\s*,\s*(?:\d{1,3}\s*,\s*)?"
                                   r"(?:a|an|the|who|whose|one)\s[^\"“”]{2,160}$")
_RESTRICTIVE_RELATIVE = re.compile(r"^((?:the\s+|some\s+|many\s+|several\s+)?[A-Za-z][\w'-]*"
                                   r"(?:\s+[\w'-]+){0,3}?)\s+((?:who|that)\s+"
                                   r"(?:have|has|had|were|was|are|is|work|spoke|saw|fled|live|"
                                   r"[a-z]{3,}ed)"
                                   r"\b.{2,80})$", re.I)
# what two people named together are: "two researchers at the centre", "both lawyers"
_PLURAL_DESCRIPTION = re.compile(r"(?:two|three|four|both|all)\s+(?:of\s+them\s+)?[a-z]", re.I)
# "Umm Yasser, 52, from al-Shuhayl, told ...": where the person comes from, after the age
_ORIGIN = re.compile(r"(?:from|of)\s+(?:the\s+)?(?:[A-Z]|al-|el-)")
_AND_BEFORE = _rx(r"\band\s+(?:also\s+|later\s+|then\s+)?$", re.I)
# the sentence's first finite verb; what precedes it (minus fronted adverbials) is the subject
_FIRST_VERB = _rx(r"\s(?:(?:has|have|had)\s+(?:also\s+)?)?(?:[a-z]{3,}ed|put|said|told|says|"
                  r"gives|puts|cites|offers|provides|issues|"
                  r"gave|wrote|sent|made|found|took|spoke|denies|claims|accuses|blames|insists|"
                  r"reports|states|confirms|announces|rejects)\b")
_FRONTED = _rx(r"^(?:in|on|at|during|however|after|before|by|for|with|since|meanwhile|"
               r"separately|later|earlier|speaking|according)\b", re.I)


def _coordinated_subject(before: str) -> tuple[str, str, int] | None:
    """The subject of a sentence whose reporting verb follows "and": "The Network put the toll
    at 90 and said ..." -> "The Network"; "On Monday, however, the ministry announced ... and
    said" -> "the ministry"."""
    m = _FIRST_VERB.search(before)
    if m is None or _SUBORDINATE_BEFORE.search(before, max(0, m.start() - 60), m.start()):
        # "23 strikes, after Ankara blamed ... and announced ...": the coordinated verbs
        # belong to a subordinate clause, not to the sentence's speaker
        return None
    pos = 0
    chunks = _chunks(before[:m.start()])
    for k, (c_s, _c_e, text) in enumerate(chunks):
        t = text.strip()
        if not t or _FRONTED.match(t) or _ASIDE.match(t) or _FRONTED_CHUNK.match(t):
            continue
        if _VERBISH.search(t) or len(t.split()) > 8:
            return None
        name, desc = _clean_np(t)
        pos = c_s + (len(text) - len(text.lstrip()))
        if not name or _PRONOUN.match(name):
            return None
        nxt = chunks[k + 1][2].strip() if k + 1 < len(chunks) else ""
        if re.match(r"(?:a|an|the)\s", t, re.I) and nxt and len(nxt.split()) <= 6 and \
                (_PROPER.match(nxt) or _ORG_NAME.match(nxt)) and not _VERBISH.search(nxt) and \
                not _MONTH_DAY.match(nxt):
            # "A second Facebook page, Raqqa Post, put the toll at 14 and said": the name the
            # description is given between commas
            nxt_text = chunks[k + 1][2]
            return nxt, t, chunks[k + 1][0] + (len(nxt_text) - len(nxt_text.lstrip()))
        return name, desc, pos
    return None


def _subject_after(before: str, after: str) -> tuple[str, str, int] | None:
    """Inverted order after a comma or quote: "..., said Rami Haddad, a farmer." """
    if before.strip() and not before.rstrip().endswith((",", "\"", "”", "»")):
        return None
    m = re.match(r"\s+(?P<name>[A-Z][\w.'-]*(?:\s+(?:al-|el-|bin\s|ibn\s)?[A-Z][\w.'-]*){0,4}"
                 r"|(?:a|an|the)\s+[\w\s'-]{2,60}?)(?P<desc>,\s*(?:a|an|the|who)\s[^,.;]{2,100})?"
                 r"(?=[,.;]|$)", after)
    if not m:
        return None
    name, extra = _clean_np(m.group("name"))
    if _VERBISH_AFTER.search(name):
        return None  # "..., said the toll could rise": a clause, not a speaker
    desc = (m.group("desc") or "").strip(" ,")
    return (name, ", ".join(p for p in (extra, desc) if p), m.start("name")) if name else None


def _speaker_after_quote(tail: str, lex: Lexicons) -> tuple[str, str, int] | None:
    m = re.match(r"\s*[,،]?\s*(?P<verb>said|says|told|added|wrote|posted|recalled|explained|"
                 r"insisted|claimed|قال|قالت|اضاف|اضافت|روى|روت|تقول|يقول)\s+(?P<np>(?:(?:[A-Z]\.){1,3}|[^.;:!?]){2,80})",
                 tail, re.I)
    if m:
        np = m.group("np")
        if re.match(r"(?:to|on|in)\b", np, re.I):
            return None
        named = _QUOTED_NAME_START.match(np)
        if named and quoted_name(np, named.start("n"), named.end("n")):
            # 'said "Nour" (a pseudonym), a teacher', 'قالت "أم رامي" (اسم مستعار) للباحثين'
            return named.group("n").strip(), np[named.end():].strip(" ,،"), \
                m.start("np") + named.start("n")
        np = _NAME_ASIDE.sub(lambda a: " " * len(a.group(0)), np).rstrip()
        head = re.split(r"\s(?:who|in an?|on|at)\s", np)[0]
        name, desc = _clean_np(head)
        if np != head:  # "Clara B., director at Human Rights Watch": keep the whole description
            desc = ", ".join(x for x in (desc, np[len(head):].strip(" ,")) if x)
        given = given_name(np) if _WITHHELD.search(np) else None
        if given:  # "said a teacher who gave only her first name, Huda": Huda
            name, desc = given, np
        return (name, desc, m.start("np")) if name else None
    m = re.match(r"\s*[,،]?\s*(?P<np>[^.;:!?\"“«]{2,80}?)\s+(?P<verb>said|says|told|added|wrote|"
                 r"posted|recalled|explained|insisted|claimed)\b", tail, re.I)
    if m:
        # '"...," Abu Karim (not his real name) said': the aside is no part of the name
        name, desc = _clean_np(_NAME_ASIDE.sub(lambda a: " " * len(a.group(0)), m.group("np")))
        return (name, desc, m.start("np")) if name and len(name.split()) <= 8 else None
    return None


_QUOTED_NAME_START = _rx(r"\s*[\"“«](?P<n>[^\"“”«»]{2,40})[\"”»]")
# an aside on a name: "(not his real name)", "(a pseudonym)", "(اسم مستعار)"
_NAME_ASIDE = _rx(r"\s*\((?=[^()]{0,40}(?:pseudonym|real name|name|alias|اسم|مستعار|كنيه))"
                  r"[^()]{1,60}\)")


def _speaker_before(head: str, lex: Lexicons) -> tuple[str, str, int] | None:
    m = re.search(r"(?P<np>[^.;!?\"“«]{2,80}?)\s+(?P<verb>said|says|told [^:,]{1,40}|added|wrote|"
                  r"posted|recalled|explained|insisted|claimed|قال|قالت|كتب|كتبت|نشر|نشرت|"
                  r"روى|روت)\s*[:,،]?\s*$", head, re.I)
    if m:
        if re.search(r"\b(?:was|were|is|are|been|being|be)$", m.group("np"), re.I):
            return None  # "His wife was told he would be back": she was told, she does not speak
        name, desc = _clean_np(m.group("np"))
        return (name, desc, -m.start("np")) if name and len(name.split()) <= 8 else None
    m = re.search(r"(?:قال|قالت|كتب|كتبت|نشر|نشرت|روى|روت|اضاف|اضافت)\s+(?P<np>[^:،,\"“«]{2,60})"
                  r"\s*[:،,]\s*$", head)
    if m:
        name, desc = _clean_np(m.group("np"))
        return (name, desc, -m.start("np")) if name else None
    return None


# Where one sentence gives two sources their own figures: "X said 11 were killed, while Y put
# the toll at 8", "..., بينما قالت Y إن".
_CLAUSE_BREAK = _rx(r",?\s+(?:while|whereas|but|although)\s+|;\s+|[,،]?\s+(?:بينما|في حين|فيما)\s+|"
                    # "نفت وسائل الإعلام ...، وقالت وكالة سانا إن": a second verb, its own subject
                    r"[,،]\s*(?=و(?:قال|قالت|اكد|اكدت|اضاف|اضافت|ذكر|ذكرت|افاد|افادت|اعلن|اعلنت)"
                    r"\s+(?!ان|إن|أن|بان|بأن)\S)",
                    re.I)
# What an ASCII sentence must hold for _CLAUSE_BREAK to match: the literals every match holds,
# but for the comma (needed only by the Arabic "، وقال" break, which also needs "و"). Most
# sentences have a comma, which lets the pattern's own prefilter through: this one does not.
_ASCII_CLAUSE_CUES = tuple(sorted(
    x for x in fastre.required_literals(_CLAUSE_BREAK) or {","} if x.isascii() and x != ","))


def _clause_cuts(sent: str) -> list[int]:
    """Where the clauses of a sentence end (_CLAUSE_BREAK), with 0 and its length."""
    if sent.isascii() and _ASCII_CLAUSE_CUES:
        low = sent.lower()  # (the pattern ignores case; an ASCII text folds as lower() does)
        if not any(cue in low for cue in _ASCII_CLAUSE_CUES):
            return [0, len(sent)]
    return [0, *(m.end() for m in _CLAUSE_BREAK.finditer(sent)), len(sent)]
_TOLL_SPEAKER = _rx(
    r"\s*(?P<np>[^,;\"“«]{2,80}?(?:,\s*(?:which|who)\s[^;\"“«]{2,120}?,|"
    r",\s*(?:the\s+)?[A-Z][^,;\"“«]{2,80},)?)\s+"
    r"(?:(?:has|have|had|also|later|separately|now)\s+)*"
    r"(?:put|puts|putting|placed|places|gave|gives|estimated|"
    r"estimates|set|sets|raised|lowered)\s+(?:the|its|their|a)\s+(?:[\w-]+\s+){0,2}"
    r"(?:toll|number|figure|count|tally|total|estimate)\b", re.I)


def _toll_np(np: str) -> tuple[str, str]:
    """The speaker of "X put the toll at": "A war monitor, the Syrian Observatory for Human
    Rights," is the Observatory (the name, not its description)."""
    if "," in np.strip(" ,"):
        found = _subject_before(np.rstrip(" ,"))
        if found is not None:
            return found[0], found[1]
    return _clean_np(np)


ClauseCache = dict[tuple[int, int], Attribution | list[int] | None]


def clause_speaker(norm: str, s_start: int, s_end: int, pos: int, lex: Lexicons,
                   last_speaker: str = "", cache: ClauseCache | None = None
                   ) -> Attribution | None:
    """The source of the clause holding ``pos`` when the sentence has several clauses, each
    with its own source; None when the sentence is one clause or the clause names nobody
    (the sentence's attribution then applies). ``cache`` (one per document) keeps the
    clauses and their sources, asked for once per figure."""
    sent = norm[s_start:s_end]
    cached_cuts = cache.get((s_start, -1)) if cache is not None else None
    if isinstance(cached_cuts, list):
        cuts = cached_cuts
    else:
        cuts = _clause_cuts(sent)
        if cache is not None:
            cache[(s_start, -1)] = cuts
    if len(cuts) <= 2:
        return None
    rel = pos - s_start
    a, b = 0, len(sent)
    for a, b in itertools.pairwise(cuts):
        if a <= rel < b:
            break
    if cache is not None and (s_start, a) in cache:
        hit = cache[(s_start, a)]
        return hit if isinstance(hit, Attribution) else None
    found = _clause_source(norm, s_start, sent, a, b, lex, last_speaker)
    if cache is not None:
        cache[(s_start, a)] = found
    return found


def _clause_source(norm: str, s_start: int, sent: str, a: int, b: int, lex: Lexicons,
                   last_speaker: str) -> Attribution | None:
    toll = _TOLL_SPEAKER.match(sent, a, b) if _TOLL_WORD.search(sent, a, b) else None
    if toll:
        name, desc = _toll_np(toll.group("np"))
        if name and not _VERBISH.search(name):
            return Attribution(name, desc, False, s_start + a, s_start + b,
                               "attribution:clause_toll",
                               (s_start + toll.start("np"), s_start + toll.end("np")))
    found = attribute_sentence(norm, s_start + a, s_start + b, lex, last_speaker)
    if found is None or found.speaker_span[0] < s_start + a:
        return None
    return found


def clause_attributions(norm: str, s_start: int, s_end: int, lex: Lexicons,
                        last_speaker: str = "", cache: ClauseCache | None = None
                        ) -> list[tuple[int, int, Attribution]] | None:
    """A sentence whose clauses have different sources ("The government blamed armed groups,
    while UN investigators said militias were responsible"): each clause with its own source, as
    (start, end, attribution); None when the sentence has one source."""
    sent = norm[s_start:s_end]
    cuts = _clause_cuts(sent)
    if len(cuts) <= 2:
        return None
    if cache is not None:
        cache[(s_start, -1)] = cuts  # (clause_speaker's, for the same sentence)
    parts: list[tuple[int, int, Attribution]] = []
    for a, b in itertools.pairwise(cuts):
        found = clause_speaker(norm, s_start, s_end, s_start + a, lex, last_speaker, cache)
        if found is not None and found.speaker_span[0] >= s_start + a and \
                not re.fullmatch(r"he|she|they|it|we|i", found.speaker, re.I):
            # (sourceless clauses before the first source go with it, as the sentence's
            # source covered them: "Tanks shelled the town; 17 were killed, according to X,
            # while Y put the figure at 13")
            parts.append((s_start if not parts else s_start + a, s_start + b, found))
        elif parts:  # a clause without its own source belongs to the one before
            parts[-1] = (parts[-1][0], s_start + b, parts[-1][2])
    names = {re.sub(r"^(?:the|a|an)\s+", "", p[2].speaker.lower()) for p in parts}
    return parts if len(parts) > 1 and len(names) > 1 else None


# the kind of document first, then the body: "POLICY BRIEF | Levant Security Monitor | No. 14"
_HEADER_ORG_AFTER = _rx(
    r"\A\s*(?:policy\s+brief|briefing(?:\s+note)?|(?:monthly\s+|annual\s+|special\s+|weekly\s+)?"
    r"report|press\s+release|statement|bulletin|update|نشره|تقرير|بيان)\s*[|—–]\s*"
    r"(?P<org>[^\n|—–:]{4,80}?)\s*(?:[|—–]|\n|$)", re.I)
_HEADER_ORG = _rx(
    r"\A\s*(?P<org>[^\n:|]{4,80}?)\s+[-—–|:]\s+(?:press\s+)?(?:statement|release|"
    r"(?:monthly\s+|annual\s+|special\s+|weekly\s+)?(?:report|update|bulletin|briefing)|"
    r"بيان|تقرير|نشره|موجز)\b", re.I)


def header_organisation(norm: str, lex: Lexicons | None = None) -> str | None:
    """The organisation a report's header names as its publisher ("Euphrates Documentation
    Project — Monthly report", "المركز السوري لتوثيق الانتهاكات - تقرير شهري"; with ``lex``
    also "Report of the Commission of Inquiry ...", or a first line that is only a body's name:
    "الشبكة السورية لحقوق الإنسان", "Local Council of al-Qaboun and Jobar")."""
    m = _HEADER_ORG.match(norm[:200])
    if m:
        return m.group("org").strip()
    if lex is None:
        return None
    kind_first = _HEADER_ORG_AFTER.match(norm[:200])
    if kind_first and (first_matching(lex.source_roles, kind_first.group("org")) in (
            "NGO", "official", "analyst") or _ORG_HEAD.search(kind_first.group("org"))):
        return kind_first.group("org").strip()  # "POLICY BRIEF | Levant Security Monitor | No. 14"
    lines = [ln.strip() for ln in norm[:400].split("\n") if ln.strip()][:3]
    for ln in lines:
        rep = _REPORT_OF.match(ln)
        if rep:
            return rep.group("org").strip()
        if _DOC_TYPE_LINE.fullmatch(ln):
            continue  # "Press release", "بيان إلى الرأي العام": the kind of document
        if len(ln.split()) > 10 or re.search(r"[.!?:؟\"“«,،]|\d|\b(?:says?|said|tells?)\b",
                                             ln, re.I):
            break  # a headline ("Gunmen kill four in raid, monitor says") or the text itself
        role = first_matching(lex.source_roles, ln)
        if role in ("NGO", "official") and not _VERBISH.search(ln):
            return re.split(r"\s+[-–—|]\s+", ln)[0].strip()
        break
    return None


# "Report of the Independent International Commission of Inquiry on the Syrian Arab Republic"
_REPORT_OF = _rx(r"(?:report|statement|press release|update|submission)\s+(?:of|by|from)\s+"
                 r"(?:the\s+)?(?P<org>[^\n(:]{4,120}?)\s*(?:\(|$)", re.I)
_DOC_TYPE_LINE = _rx(r"(?:press release|press statement|statement|news release|for immediate "
                     r"release|بيان(?:\s+\S+){0,3}|تصريح صحفي)", re.I)
# "Independent International Commission of Inquiry on the Syrian Arab Republic Report to the
# Human Rights Council": the body, then the kind of document and whom it is addressed to
_REPORT_TO = _rx(r"(?P<org>[^\n(:]{4,120}?)\s+(?:report|statement|update|submission)\s+(?:to|on)\b",
                 re.I)
# A press release in the third person: "The Hague – The Syrian Network for Human Rights (SNHR)
# today released its monthly report ...": the body publishes the document itself
_RELEASES_ITS = _rx(
    r"(?:^|[-–—]\s+)(?:[Tt]he\s+)?(?P<org>[A-Z][\w'’&-]*(?:\s+(?:[A-Z][\w'’&-]*|of|for|on|the|and|in|"
    r"al-[\w'’-]+)){1,10})(?:\s*\([A-Z][A-Za-z]{1,9}\))?\s+(?:today\s+|on\s+\w+\s+)?"
    r"(?:released|publishe[sd]|issued|launche[sd]|releases|issues)\s+(?:its|their)\s+"
    r"(?:[\w-]+\s+){0,3}(?:report|statement|update|briefing|bulletin|findings)\b")
# An Arabic statement opens with the body in the present tense: "تعلن وزارة الداخلية أن ...";
# a news report about it would say "أعلنت"
_AR_ANNOUNCES = _rx(
    r"^\W*(?:تعلن|يعلن|تؤكد|يؤكد|تدين|يدين|تنعى|ينعى|تنفي|ينفي)\s+(?P<org>(?:وزارة|قيادة|مديرية|"
    r"المديرية|الشبكة|المرصد|هيئة|الهيئة|مجلس|المجلس|لجنة|اللجنة|منظمة|رابطة|الرابطة|الحكومة|"
    r"محافظة|إدارة|الإدارة|مكتب|المكتب|الدفاع المدني|القيادة|الامانة|الأمانة)(?:\s+[^\s،,.:]+){0,4}?)"
    r"\s*(?:،|,|\s(?:ان|أن|إن|عن|في|ب)\s)")
# A title line naming the document's own issuer: "Statement by the Families of Tadamon
# Committee", "Joint statement from X and Y", "بيان صادر عن لجنة أهالي حي ..."; the whole line
# is the name (its place is part of it: "... في اللاذقية")
_STATEMENT_BY = _rx(
    r"^(?:(?:[Jj]oint|[Pp]ublic|[Pp]ress|[Uu]rgent)\s+)?(?:[Ss]tatement|STATEMENT|[Cc]ommuniqu[eé]|"
    r"[Dd]eclaration|[Aa]ppeal)\s+(?:issued\s+)?(?:by|from)\s+(?:the\s+)?"
    r"(?P<org>[A-Z][\w'’&-]*(?:\s+(?:[A-Z][\w'’&-]*|of|for|on|the|and|in|al-[\w'’-]+)){0,13})$|"
    r"^(?:بيان|بلاغ|نداء|تصريح)(?:\s+(?:صحفي|مشترك|عاجل))?\s+(?:صادر|صادرة)?\s*(?:عن|من)\s+"
    r"(?P<org_ar>[^\n.!?:؛\"“«]{2,120})$")
# a line that says what kind of document follows: "Press Release No. 14/2024", "بيان صحفي"
_DOC_TYPE_START = _rx(r"(?:press release|press statement|news release|statement|bulletin|"
                      r"communiqu[eé]|briefing|investigation|(?:[\w-]+\s+){0,2}report|"
                      r"بيان|تصريح صحفي|تعميم|تقرير)\b", re.I)
# an editor's note in brackets: "[Translated from Arabic by the editors. ...]"
_EDITOR_NOTE = re.compile(r"\[[^\]\n]*\]")
# a symbol that opens a line: "📌 بيان", "• Statement"
_LINE_MARK = re.compile(r"^[^\w\u0600-\u06ff]+")
# an Arabic body's name opening a letterhead line (with "مركز", which _AR_BODY_HEAD leaves out
# because "مركز المدينة" in running text is a place)
_AR_LETTERHEAD_HEAD = _rx(r"(?:مركز|المركز|شبكة|الشبكة|المرصد|مرصد|رابطة|جمعية|مؤسسة|تجمع|"
                          r"وزارة|قيادة|مديرية|المديرية|هيئة|الهيئة|مجلس|المجلس|لجنة|اللجنة|"
                          r"منظمة|محافظة|إدارة|الإدارة|مكتب|المكتب|المفوضية)\s")
# what names a body, not a person ("the Syrian Centre for Justice and Accountability")
_ORG_HEAD = re.compile(r"\b(?:Centre|Center|Network|Observatory|Commission|Committee|Council|"
                       r"Ministry|Office|Organi[sz]ation|Association|League|Group|Foundation|"
                       r"Institute|Coalition|Union|Watch|Directorate|Agency|Authority|Board|"
                       r"Project|Initiative|Defence|Defense|Syrians for|Court|Tribunal|"
                       r"Prosecutor|Chamber|Lab|Laboratory)\b")
# the document's own agency in a wire's dateline: "BEIRUT (Reuters) -", "DAMASCUS, May 2 (AP) —"
_WIRE_DATELINE = re.compile(r"\((?:Reuters|AP|AFP|Associated Press|dpa|Anadolu|Xinhua|SANA|"
                            r"[A-Z][A-Za-z]{1,12})\)\s*[-–—]")


def letterhead(norm: str) -> str | None:
    """The body a letterhead names: its name alone on the first line, the kind of document on
    the next ("Higher Regional Court Koblenz" above "Press Release No. 14/2024", "Levant Policy
    Group" above "Briefing No. 14", "مركز ..." above "تقرير نصف سنوي"); an editor's note in
    brackets above it is no part of it."""
    top = [ln for ln in (x.strip() for x in norm[:500].split("\n"))
           if ln and not _EDITOR_NOTE.fullmatch(ln)][:2]
    if len(top) == 2 and (_ORG_HEAD.search(top[0]) or _AR_LETTERHEAD_HEAD.match(top[0])) and \
            len(top[0].split()) <= 8 and not re.search(r"[.!?:؟\"“«,،]|\d", top[0]) and \
            not _VERBISH.search(top[0]) and _DOC_TYPE_START.match(_LINE_MARK.sub("", top[1])):
        return top[0]
    return None


def publisher(norm: str, sentences: list[tuple[int, int]], lex: Lexicons) -> tuple[str, int] | None:
    """The body that publishes the document itself, and the sentence that says so (-1 for the
    header): its header ("Euphrates Documentation Project — Monthly report"), a third-person
    press release ("X today released its monthly report"), or an Arabic statement that opens
    with the body ("تعلن وزارة الداخلية أن"). Claims the document makes without another source
    are then that body's. Not a news agency's wire about a body's report ("BEIRUT (Reuters) -")."""
    lines = [ln.strip() for ln in norm[:400].split("\n") if ln.strip()][:3]
    m = _STATEMENT_BY.match(lines[0]) if lines else None
    if m and not _WIRE_DATELINE.search(norm[:300]):
        # "Statement by X", "بيان صادر عن X": the title names the issuer
        org = (m.group("org") or m.group("org_ar") or "").strip()
        if org and len(org.split()) <= 14 and not _VERBISH.search(org):
            return org, -1
    org = header_organisation(norm, lex)
    if org:
        return org, -1
    for ln in lines:
        m = _REPORT_TO.match(ln)
        if m and first_matching(lex.source_roles, m.group("org")) in ("NGO", "official"):
            return m.group("org").strip(), -1
    head_org = letterhead(norm)
    if head_org:
        return head_org, -1
    head = [ln.strip() for ln in norm[:400].split("\n") if ln.strip()][:5]
    if _WIRE_DATELINE.search(norm[:300]):
        return None
    release = any(_DOC_TYPE_LINE.fullmatch(ln) for ln in head) or bool(_PAREN_DATELINE.search(
        norm[:600]))
    for k, (s, e) in enumerate(sentences[:4]):
        said_today = _SAID_TODAY.search(norm, s, e) if release else None
        if said_today and (first_matching(lex.source_roles, said_today.group("org")) in (
                "NGO", "official") or _ORG_HEAD.search(said_today.group("org"))):
            # a press release's lead: "(Amman, 28 May 2019) – ..., MSF said today.": the body
            # that issues the release
            return said_today.group("org").strip(), k
        m = _RELEASES_ITS.search(norm, s, e) or _AR_ANNOUNCES.match(norm, s, e)
        if m and (first_matching(lex.source_roles, m.group("org")) in ("NGO", "official") or
                  _ORG_HEAD.search(m.group("org"))):
            return m.group("org").strip(), k
    for k in range(1, len(head)):
        if not _DOC_TYPE_LINE.fullmatch(head[k]):
            continue
        # a letterhead: the state, the ministry, the unit, then "بيان صحفي" / "Press release":
        # the unit right above the kind of document issues it
        above = [ln for ln in head[:k] if not _MEDIA_OFFICE.fullmatch(ln)]  # its press office
        if above and all(len(ln.split()) <= 10 and not re.search(r"[.!?:؟\"“«,،]|\d", ln) for ln in above) \
                and (_ORG_HEAD.search(above[-1]) or _AR_BODY_HEAD.match(above[-1])) and \
                not _VERBISH.search(above[-1]):
            return above[-1], -1
        break
    return None


# an Arabic body's name opens with what it is: "قيادة الأمن الداخلي في محافظة اللاذقية"
_AR_BODY_HEAD = _rx(r"(?:وزارة|قيادة|مديرية|المديرية|هيئة|الهيئة|مجلس|المجلس|لجنة|اللجنة|منظمة|"
                    r"رابطة|الرابطة|محافظة|إدارة|الإدارة|مكتب|المكتب|المفوضية|الرئاسة|الأمانة)\s")
# a body's press office names no issuer of its own: "المكتب الإعلامي", "Media Office"
_MEDIA_OFFICE = _rx(r"(?:ال)?مكتب\s+(?:ال)?(?:اعلامي|صحفي)|(?:the\s+)?(?:media|press)\s+office", re.I)
# an outlet or body whose short name may follow in brackets: "وكالة الأنباء ... (سانا)"
_AR_OUTLET_HEAD = _rx(r"(?:وكالة|وكاله|قناة|قناه|صحيفة|صحيفه|شبكة|شبكه|منظمة|منظمه|هيئة|هيئه|"
                      r"مكتب|الشبكة|الشبكه|المرصد|مرصد|إذاعة|اذاعه|تلفزيون|موقع)\s")
# an aside that describes a name rather than giving one: "(اسم مستعار)", "(٣٤ عاماً)"
_AR_ASIDE_NOT_NAME = _rx(r"اسم|مستعار|كنية|كنيه|عام|عاما|سنة|سنه|\d|لقب")
# the dateline of a body's own press release: "(Amman/Brussels, 28 May 2019) –", "(Beirut) –"
_PAREN_DATELINE = re.compile(r"(?:^|\n)\s*\([A-Z][\w/ .'-]{1,40}(?:,\s*[^()\n]{4,30})?\)\s*[–—-]\s")
# "..., MSF said today.", "..., Amnesty International said on Monday."
_SAID_TODAY = _rx(r"[,،]\s*(?P<org>(?:[Tt]he\s+)?[A-Z][\w.'’&()-]*(?:\s+(?:[A-Z][\w.'’&()-]*|of|for|"
                  r"the|and|on|in)){0,8})\s+(?:said|says|stated|announced)\s+(?:today|on\s+\w+day)\s*\.")


def the_document(name: str) -> bool:
    """"The report", "the statement", "التقرير": the document itself named as a speaker."""
    return bool(_THE_DOCUMENT.fullmatch(normalize_arabic(name.strip())))


# Words that cannot open a source's name: a fronted phrase or a question caught as the subject
# of a reporting verb ("Among the incidents SNHR documented ...", "Why Kurds say ...", "For
# seven months nobody told us ..."), a headline's count ("198 Arrests Documented in ..."), a
# clause with its own verb ("The Autonomous Administration governs an area ... said").
_NOT_A_NAME = re.compile(
    r"(?:among|amongst|of|for|why|how|what|whether|please|nobody|no one|nothing|neither|despite|"
    r"unlike|instead|meanwhile|however|also|even|only|yet|still|here|there)\b|\d", re.I)
_CLAUSE_IN_NAME = re.compile(r"\s(?:that|which|governs|governed|repeated|remains|became|"
                             r"controls|controlled|runs|ran)\s", re.I)
# a reporting verb's subject never opens with a verb of its own, nor ends on a function word
_VERB_FIRST = re.compile(r"put|puts|gave|gives|said|says|told|tells|posted|shared|issued|released|"
                         r"reported|added|stated|noted|aimed|tried|sought|began|continued", re.I)
_FUNCTION_LAST = re.compile(r"of|for|and|or|with|by|at|in|on|from|the|a|an|that|which", re.I)
# "ترحيبها ب": a phrase cut after a one-letter Arabic preposition
_AR_LETTER_LAST = re.compile(r"[بلكوف]")
# "We aimed to [describe]": an infinitive's verb, not a speaker ("a relative I spoke to" is one)
_AIMED_TO = re.compile(r"(?:aimed|tried|sought|wanted|began|continued|hoped|intended|attempted|"
                       r"used|had|have|has|need|needed)\s+to", re.I)
_AR_PREP_FIRST = re.compile(normalize_arabic(r"(?:لل|بال|وبال|ولل)\S|ب(?:تصريح|بيان|تقرير|منشور|تغريد)|"
                                             r"(?:في|على|عن|إلى|الى|عبر|خلال)$"))


@lru_cache(maxsize=4096)  # a speaker's name is tested at each of its mentions (emptied
# after each document: see forget_names)
def plausible_speaker(name: str) -> bool:
    """Whether a phrase read as the subject of a reporting verb can name a speaker. Not: a
    fronted phrase, a question or a count ("Among the incidents", "Why Kurds", "198 Arbitrary
    Arrests", "Of 1,214 reported incidents"), a clause with its own verb ("put the death toll at
    11 in a statement", "We aimed to", "The Autonomous Administration governs an area ..."), a
    bare parenthesis ("(a pseudonym)"), an Arabic phrase that opens with a preposition
    ("بتصريح", "للقتلى")."""
    name = name.strip()
    if not name or (name.startswith("(") and name.endswith(")")):
        return False
    if _NOT_A_NAME.match(name) or (len(name.split()) >= 6 and _CLAUSE_IN_NAME.search(name)):
        return False
    words = name.split()
    if _VERB_FIRST.fullmatch(words[0]) or (len(words) > 1 and _FUNCTION_LAST.fullmatch(words[-1])):
        return False
    if len(words) > 1 and (_AIMED_TO.fullmatch(" ".join(words[-2:])) or
                           _AR_LETTER_LAST.fullmatch(words[-1])):
        return False
    return not _AR_PREP_FIRST.match(normalize_arabic(words[0]))

_NAME_BEFORE = _rx(r"(?:^|[\s(\"“«])[\"“«]?(?P<n>(?:(?:Abu|Umm|Um|أبو|ابو|أم|ام)\s+[^\s\"”»]+|"
                  r"[A-Z][\w'.-]*(?:\s+(?:al-|el-)?[A-Z][\w'.-]*){0,3}))[\"”»]?[\s,،]*$")


def name_before(norm: str, pos: int, floor: int) -> str | None:
    """The name right before ``pos`` (not before ``floor``) in normalised text: '"Umm Yasser"
    (a pseudonym)' -> "Umm Yasser" for the parenthesis at ``pos``."""
    m = _NAME_BEFORE.search(norm, max(floor, pos - 60), pos)
    if m is None or not plausible_speaker(m.group("n")):
        return None
    return m.group("n").strip()


_AND = _rx(r"\s+and\s+|\s+و(?=ال)")
AND_NEXT = _rx(r"\s+(?:and\s|و(?=ال))")


def coordinated_speakers(name: str, lex: Lexicons, desc: str = "") -> list[tuple[str, int]]:
    """The speakers of a coordinated phrase and their offsets in it: "Human Rights Watch and
    Amnesty International" -> two; "local media and the Syria Civil Defence" -> two; "Rami
    Khalil and Yara Haddad, two researchers" -> two. One name whose words are joined by "and"
    stays whole: "Syrians for Truth and Justice", "Camp Coordination and Camp Management",
    "Ministry of Interior and Municipalities", "القيادة العامة للجيش والقوات المسلحة" (a name
    built with "of"/"for"/"ل" goes on after "and"), as does an actor the registry knows."""
    matches = list(_AND.finditer(name))
    if len(matches) != 1:
        return [(name, 0)]
    m = matches[0]
    left, right = name[:m.start()].strip(), name[m.end():].strip()
    if not left or not right or len(right.split()) < 2 or len(left.split()) > 8:
        return [(name, 0)]
    if not (plausible_speaker(left) and plausible_speaker(right)):
        return [(name, 0)]
    hits = lex.actors.finditer(name)
    if any(h[0] <= 1 and h[1] >= m.end() for h in hits):
        return [(name, 0)]  # one actor's name
    if m.group(0).strip() != "and":  # Arabic "و"
        if left.split()[-1].startswith("ل"):
            return [(name, 0)]  # "القيادة العامة للجيش والقوات المسلحة": the name goes on
        return [(left, 0), (right, m.end())]
    linked = _NAME_LINK.search(left) is not None
    # "the Syria Civil Defence", "local sources", "flight observers": not a name's next word
    article = right[:1].islower() or re.match(r"(?:the|a|an)\s", right, re.I) is not None
    people = _PEOPLE_HEAD.search(left) is not None and _PEOPLE_HEAD.search(right) is not None
    if ((article or people) and not linked) or \
            (_recognised(left, lex) and _recognised(right, lex)) or \
            (_PLURAL_DESCRIPTION.match(desc) and _PROPER_PAIR.match(name)):
        return [(left, 0), (right, m.end())]
    return [(name, 0)]


_NAME_LINK = _rx(r"\s(?:of|for|in|on)\s", re.I)
# "Relatives and Kurdish activists": people on both sides
_PEOPLE_HEAD = _rx(r"\b(?:relatives|activists|residents|witnesses|sources|officials|medics|"
                   r"doctors|observers|monitors|rescuers|survivors|families|journalists|lawyers|"
                   r"workers|volunteers|elders|neighbours|neighbors|locals|villagers)$", re.I)
_ORG_HEAD_WORD = _rx(r"\b(?:International|Watch|Network|Observatory|Society|Ministry|Council|"
                     r"Crescent|Cross|Defen[cs]e|Helmets|Nations|Amnesty|Human Rights \w+)$")


def _recognised(part: str, lex: Lexicons) -> bool:
    """A speaker's name that stands on its own: a body the registry or the role lexicon knows
    whole, or a name ending in an organisation's head word."""
    bare = re.sub(r"^(?:the|a|an)\s+", "", part, flags=re.I)
    hits = lex.actors.finditer(bare)
    return bool(any(h[0] == 0 and h[1] >= len(bare) - 1 for h in hits) or
                _ORG_HEAD_WORD.search(bare))


def own_document(name: str) -> bool:
    """"our dataset", "our figures", "بياناتنا": the body's own records, which speak for the
    body itself, not for a team of people."""
    return bool(_OWN_DOCUMENT.fullmatch(normalize_arabic(name.strip().lower())))


_OWN_DOCUMENT = _rx(r"our\s+(?:own\s+)?(?:dataset|data|database|figures|records|count|counts|tally|"
                    r"documentation|monitoring|analysis|research|findings|investigation|"
                    r"investigations|statistics|numbers)|بياناتنا|توثيقاتنا|احصاءاتنا|احصائياتنا|"
                    r"سجلاتنا")


@lru_cache(maxsize=4096)  # asked of each claim's speaker, most of them the same few
# (emptied after each document: see forget_names)
def first_person(name: str) -> bool:
    """"our researchers", "we", "مكتبنا": an organisation speaking of itself."""
    return bool(_FIRST_PERSON_NAME.fullmatch(normalize_arabic(name.strip().lower())))


def forget_names() -> None:
    """Empty the caches keyed on speakers' names (``extract_document`` calls it when a document
    is done): a witness's name is not kept in memory once its document is read, and a benchmark
    whose reports share paragraphs gets no answers from an earlier report that real reports would
    not."""
    plausible_speaker.cache_clear()
    first_person.cache_clear()


_FIRST_PERSON_NAME = _rx(r"we|our\s+[\w\s-]{2,30}|نحن|مكتبنا|فريقنا|باحثونا|باحثينا|منظمتنا|"
                         r"شبكتنا|مركزنا|فرقنا")
# the document speaks of itself: "we documented", "our team", "سجلنا", "مكتبنا"
FIRST_PERSON = _rx(r"\b(?:we|our)\b|(?:^|\s)(?:نحن|سجلنا|وثقنا|رصدنا|لدينا|مكتبنا|فريقنا|"
                   r"باحثونا|باحثينا)(?:\s|$)", re.I)


_ANAPHOR_HEADS = {"centre", "center", "network", "group", "organisation", "organization",
                  "project", "monitor", "observatory", "committee", "league", "association",
                  "commission", "team", "coalition", "initiative", "foundation", "council",
                  "lab", "مجلس", "مركز", "شبكه",
                  "مرصد", "منظمه", "رابطه", "لجنه", "جمعيه", "مجموعه", "مؤسسه", "مبادره", "تجمع"}


def refers_to(name: str, org: str) -> bool:
    """Whether ``name`` is a short reference to ``org``: "the Centre", "المركز"."""
    name, org = normalize_arabic(name), normalize_arabic(org)
    # "the council's count", "فريق المركز" (the centre's team): the body itself
    name = re.sub(r"['’]s$", "", re.sub(r"^فريق\s+", "", name.strip()))
    words = re.sub(r"^the\s+", "", name.strip().lower()).split()
    if len(words) != 1:
        return False
    word = words[0]
    bare = word[2:] if word.startswith("ال") else word
    org_words = {w[2:] if w.startswith("ال") else w for w in org.lower().split()}
    return bare in _ANAPHOR_HEADS and bare in org_words


_QUOTE_CHAR = re.compile("[\"“”«»]")


def quote_runs(sentences: list[tuple[int, int, int, str]]) -> dict[int, tuple[int, int]]:
    """Sentences inside a quotation that runs over several sentences: sentence index -> (first,
    last) index of the run. ``sentences``: (index, paragraph, _, text). A quotation may run over
    paragraphs (a testimony quoted at length): opened and left open at a paragraph's end, it goes
    on through paragraphs with no quotation mark of their own (or only the opening mark that
    printers repeat at each paragraph) until one closes it; left open to the end, or crossing
    more than ``_MAX_RUN_PARAGRAPHS``, it is a stray mark and no run."""
    runs: dict[int, tuple[int, int]] = {}
    open_at: int | None = None
    para = -1
    crossed = 0
    for index, paragraph, _unused, text in sentences:
        skip_first = False
        if paragraph != para:
            if open_at is not None:
                crossed += 1
                lead = text.lstrip()[:1]
                if crossed > _MAX_RUN_PARAGRAPHS or (lead in _QUOTE_CLOSERS and lead != '"'):
                    open_at = None  # a closing mark first: not a continuation
                else:
                    skip_first = lead in "\"“«"  # the opening mark repeated at a paragraph
            para = paragraph
        state = open_at is not None
        for q in _QUOTE_CHAR.finditer(text):
            if skip_first:
                skip_first = False
                if q.start() == len(text) - len(text.lstrip()):
                    continue
            ch = q.group()
            if ch in "“«":
                state = True
            elif ch in "”»":
                state = False
            else:
                state = not state
        if open_at is None and state:
            open_at, crossed = index, 0
        elif open_at is not None and not state:
            for k in range(open_at, index + 1):
                runs[k] = (open_at, index)
            open_at = None
    return runs


_MAX_RUN_PARAGRAPHS = 8
_QUOTE_CLOSERS = "\"”»"


def inside_quote(norm: str, start: int, pos: int, open_at_start: bool) -> bool:
    """Whether ``pos`` lies inside a quotation, reading the marks from ``start`` (a sentence's
    start, inside a quotation already when ``open_at_start``)."""
    state = open_at_start
    for q in _QUOTE_CHAR.finditer(norm, start, pos):
        ch = q.group()
        state = True if ch in "“«" else False if ch in "”»" else not state
    return state


_THAT_NEAR = _rx(r"\bthat\b|(?:^|\s)[وف]?(?:إن|أن|ان|بأن|بان)\s")


def quoted_noun(norm: str, start: int, found: Attribution, open_at_start: bool) -> bool:
    """Whether the speaker ``found`` in a sentence of a quotation is only a noun inside it ('"We
    heard voices, people said there were cells', '"... The guards counted the blows," he
    said'), not a speaker the narrator reports with "that" ('«... اتصل بنا جارنا وقال إن عناصر
    الحاجز أخذوه»': the neighbour's)."""
    a, b = found.speaker_span
    if b <= a or not inside_quote(norm, start, a, open_at_start):
        return False
    return not _THAT_NEAR.search(norm, a, min(len(norm), b + 40))


def run_speaker(norm: str, spans: list[tuple[int, int]], lex: Lexicons, last_speaker: str
                ) -> Attribution | None:
    """The speaker of a quotation running over the sentences ``spans`` (first to last): named
    after its end ('... tied," she said.') or before its start ('X said: "...'). A "speaker"
    inside the quotation ('"... The guards counted the blows," he said') is none: the one named
    after its closing mark speaks."""
    for k, (start, end) in enumerate((spans[-1], spans[0])):
        found = attribute_sentence(norm, start, end, lex, last_speaker)
        if found is not None and quoted_noun(norm, start, found,
                                             k == 0 and spans[0] != spans[-1]):
            if k == 1:
                continue  # ('"We heard voices, people said ...': no speaker)
            close = max((q.end() for q in _QUOTE_CHAR.finditer(norm, start, end)), default=-1)
            after = _speaker_after_quote(norm[close:end], lex) if close > 0 else None
            if after is None or (_PRONOUN.match(after[0]) and not last_speaker):
                continue
            name = last_speaker if _PRONOUN.match(after[0]) else after[0]
            at = close + after[2]
            return Attribution(name, after[1], True, start, end, "attribution:quote_speaker",
                               (at, at + len(after[0])))
        if found is not None and found.rule != "attribution:according_to":
            return found
    return None


def dash_source(sentence: str) -> str | None:
    """A line "— Outlet" that names the source of the quote or post above it."""
    m = _DASH_SOURCE.match(sentence)
    return m.group("name").strip() if m else None


def hedge_cues(norm: str, start: int, end: int, lex: Lexicons) -> list[str]:
    return [norm[s:e] for s, e, _ in lex.hedge.finditer(norm, start, end)]


def is_disclaimer(norm: str, start: int, end: int, lex: Lexicons) -> bool:
    return bool(lex.disclaimer.finditer(norm, start, end))


# A speaker inside a relative clause. (1) "described by a former guard who said he had buried
# ...": the one who said it; (2) "an attack which local officials said killed nine", "a massacre
# that UN investigators blamed on ...", "12 schools that Amnesty has been able to document": who
# asserts the clause's content; (3) "A committee that tracks abductions ... has recorded 14": the
# body before its restrictive clause. Only speakers the role lexicons or a proper name vouch for.
_REPORTING = (r"(?:has\s+|have\s+|had\s+)?(?:also\s+)?(?:been\s+able\s+to\s+)?(?:said|says|say|told|"
              r"reported|documented|document|recorded|record|described|estimated|confirmed|"
              r"verified|verify|blamed|attributed|counted)\b")
_REL_WHO_SAID = _rx(r"(?:\b(?:by|from)|,)\s+(?P<np>(?:a|an|one|the)\s+(?:[\w'-]+\s+){0,3}?"
                    r"[\w'-]+)\s+who\s+(?:said|says|told|recalled)\b", re.I)
_REL_OBJECT = _rx(r"\b(?:which|that)\s+(?P<np>(?:the\s+)?(?:[A-Z][\w.'-]*|al-[\w'-]+|UN)"
                  r"(?:\s+(?:[A-Z][\w.'-]*|al-[\w'-]+|of|for|on)){0,6}|(?:local\s+|UN\s+|"
                  r"international\s+|government\s+|rights\s+|some\s+)?(?:officials|investigators|"
                  r"residents|activists|witnesses|monitors|rescuers|medics|doctors|survivors))"
                  r"\s+(?:at\s+the\s+time\s+|later\s+|previously\s+|have\s+since\s+)?" + _REPORTING)
_REL_SUBJECT = _rx(r"^\W*(?P<np>(?:A|An|The)\s+(?:[\w'-]+\s+){0,3}?[\w'-]+)\s+(?:that|which|who)\s+"
                   r"[^,.;:\"“”]{3,100}?\s+(?:has|have|had)\s+(?:also\s+)?(?:recorded|documented|"
                   r"counted|reported|verified|confirmed|said|estimated)\b")


# a person who can tell what happened: "a former army driver who said ..."
# (not medics, aid workers or volunteers: the gold writers leave those "other")
_WITNESS_PERSON = (r"guard|driver|doctor|nurse|teacher|resident|survivor|relative|detainee|"
                   r"prisoner|defector|soldier|farmer|shopkeeper|neighbour|neighbor|"
                   r"mother|father|brother|sister|son|daughter|wife|husband|cousin|uncle|man|"
                   r"woman|witness|engineer|student|baker|pharmacist|imam|priest")
_REL_PERSON = re.compile(r"\b(?:" + _WITNESS_PERSON + r"|officer|activist|journalist|official|"
                         r"lawyer|worker|medic|paramedic|volunteer|employee)s?$", re.I)
# what a person is, telling what they lived through: "a retired teacher", "a former army
# driver", "a nurse at the hospital" (the gold writers' witness)
WITNESS_HEAD = re.compile(r"^(?:(?:a|an|the|one|our|his|her|their)\s+)?(?:[\w'-]+\s+){0,2}?(?:"
                          + _WITNESS_PERSON + r")s?\b", re.I)


# dialect "can" is spelt like "estimates": "ما حدا يقدر يطلع" (nobody can go out); its
# "subject" is then a verb in the present ("يطلع", "تطلع", "نقدر نروح"), never a name
_AR_CAN = re.compile(normalize_arabic(r"[وف]?(?:يقدر|تقدر|قدر|قدرت|نقدر|قدروا|يقدروا)"))
_AR_CAN_BEFORE = re.compile(normalize_arabic(r"(?:^|\s)(?:حدا|اللي|الي|يلي|ما|مين|كان|كنا|"
                                             r"صار|منعود|بعد)\s*$"))
_AR_PRESENT_VERB = re.compile(normalize_arabic(r"\s+(?:ي|ت|ن)\S{2,}(?=\s|$|[.،,])"))


def relative_speaker(norm: str, s_start: int, s_end: int, lex: Lexicons) -> Attribution | None:
    """The speaker of a sentence named only inside a relative clause, or None."""
    sent = norm[s_start:s_end]
    for k, rx in enumerate((_REL_SUBJECT, _REL_WHO_SAID, _REL_OBJECT)):
        m = rx.search(sent)
        if m is None:
            continue
        np = m.group("np").strip()
        bare = re.sub(r"^(?:a|an|one|the)\s+", "", np, flags=re.I)
        if not bare or _NOT_A_NAME.match(bare) or not plausible_speaker(bare):
            continue
        proper = bool(re.match(r"(?:[A-Z]|al-|UN\b)", bare)) and k == 2  # (an object's)
        if first_matching(lex.source_roles, bare) is None and not proper and \
                not _ORG_HEAD.search(bare.title()) and not _REL_PERSON.search(bare):
            continue  # "the killings which", "a car that": no speaker
        at = s_start + m.start("np") + (len(np) - len(bare))
        verb = re.search(r"(\w+)\W*$", m.group(0))
        return Attribution(bare, "", False, s_start, s_end,
                           "attribution:relative:" + (verb.group(1).lower() if verb else "said"),
                           (at, at + len(bare)))
    return None


# Coreference, kept conservative: a pronoun whose last named speaker is far (another paragraph,
# or more than two sentences back) refers to a body or person the sentence just before names
# in one of three ways, or to no one read here.
# "..., like Syrian state TV is saying tonight. They say ...": one speaking in a comparison
_ANTE_LIKE = re.compile(r"\b(?:like|as)\s+(?P<n>(?:the\s+)?[A-Z][\w'’.-]*(?:\s+(?:[A-Z][\w'’.-]*|TV|state|"
                        r"media|television|radio|news|agency|of|for)){0,5})\s+(?:is\s+|are\s+|was\s+|"
                        r"were\s+|has\s+|have\s+)?(?:saying|said|says|say|reporting|reported|"
                        r"reports|claiming|claimed|claims)\b")
# "Syria's government has not commented on the video. It has previously dismissed ...": the
# subject of a sentence about what it said or did not say
_ANTE_SUBJECT = re.compile(r"^\W*(?P<n>(?:[A-Z][\w'’.-]*\s+){0,4}?(?:government|ministry|Ministry|"
                           r"army|authorities|police|agency|council|Council|commission|Commission|"
                           r"committee|Committee|TV|television|media|observatory|Observatory|"
                           r"network|Network|group|Group|[A-Z][\w'’-]+))\s+(?:has|have|had|did|"
                           r"does|do)\s+not\s+(?:yet\s+)?(?:commented|comment|responded|respond|"
                           r"replied|reply|said|confirmed|confirm)\b")
# "We reached the priest of the church in Mishtaya, Father Elias Nakhleh, by phone. He said
# ...": the person a description names between commas
_ANTE_APPOSITION = re.compile(
    r"\b(?i:" + _WITNESS_PERSON + r"|director|head|chief|spokes(?:man|woman|person)|official|"
    r"officer|activist|journalist|lawyer|judge|mayor|mukhtar|sheikh)s?\b[^,.;]{0,40},\s+"
    r"(?:(?:Father|Dr\.?|Sheikh|Imam|Mr\.?|Mrs\.?|Ms\.?|Judge|Colonel|General)\s+)?"
    r"(?P<n>[A-Z][\w'-]+(?:\s+(?:[A-Z][\w'-]+|al-[\w'-]+)){1,3}),\s")
_PERSON_PRONOUN = re.compile(r"he|she", re.I)


def antecedent(previous: str, pronoun: str) -> str | None:
    """The body or person ``pronoun`` ("he", "she", "it", "they") refers to in the sentence
    before (``previous``), when that sentence names one of them as shown above; else None."""
    person = bool(_PERSON_PRONOUN.fullmatch(pronoun))
    if person:
        m = _ANTE_APPOSITION.search(previous)
        return m.group("n") if m else None
    for rx in (_ANTE_LIKE, _ANTE_SUBJECT):
        m = rx.search(previous)
        if m:
            name = m.group("n").strip()
            if not _NOT_A_NAME.match(name):
                return name
    return None


# "Lawyers for the plaintiffs welcomed the verdict, saying it confirmed ...", "Relatives gathered
# outside the court, saying 40 men were still missing": a participle of saying after the main
# clause; its speaker is the main clause's subject
_SAYING = _rx(r",\s+(?:saying|adding|noting|stressing|insisting|claiming|warning|arguing)"
              r"(?:\s+that)?\s")
PARTICIPLE_NAME = _rx(r"(?:saying|adding|noting|stressing|insisting|claiming|warning|arguing)\b",
                      re.I)


def participle_speaker(norm: str, s_start: int, s_end: int, lex: Lexicons) -> Attribution | None:
    """The subject of the main clause before ", saying ...", when a speaker can be it."""
    sent = norm[s_start:s_end]
    m = _SAYING.search(sent)
    if m is None:
        return None
    found = _coordinated_subject(sent[:m.start()] + " and")
    if found is None:
        return None
    name, desc, pos = found
    if not plausible_speaker(name) or _NOT_A_NAME.match(name):
        return None
    if first_matching(lex.source_roles, name) is None and not _PROPER.match(name) and \
            not _ORG_HEAD.search(name.title()) and not WITNESS_HEAD.match(name) and \
            not _PEOPLE_SUBJECT.search(name) and not re.search(r"relatives|families|lawyers",
                                                               name, re.I):
        return None
    verb = m.group(0).strip(", ").split()[0].lower()
    return Attribution(name, desc, False, s_start, s_end, "attribution:participle:" + verb,
                       (s_start + pos, s_start + pos + len(name)))
