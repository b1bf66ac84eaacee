"""The extraction pipeline: one pass of numbered steps over a prepared text.

1 prepare (normalise, keep offsets) -> 2 sentences -> 3 lexicon matches over the whole text
(violations, actors, victim groups, dates, numbers, places) -> 4 per sentence: attribution,
hedging, figures, roles -> 5 document view (places, dates, perpetrators ...) -> 6 events.
Deterministic: no randomness, no model, no network; every item records the rule that fired.
"""

from __future__ import annotations

import gc
import itertools
import re
from bisect import bisect_left, bisect_right
from dataclasses import replace as dc_replace
from datetime import date
from pathlib import Path

from dalil.errors import InputError, TooLargeError
from dalil.extract import attribution as attr
from dalil.extract import fastre
from dalil.extract.actors import (
    AGENT_BEFORE,
    ALIAS_IN_PARENS,
    ANOTHER_AGENT,
    AR_ACCUSES,
    AR_FINITE_VERB_BEFORE,
    ARMED_OR_SPEAKING_AFTER,
    ARRESTED_NAMED,
    ATTACK_NOUN,
    ATTACK_VERB_AFTER,
    BLAMED_ON,
    CLAIMED_MEMBERSHIP,
    CLASH_PARTY_BEFORE,
    CLAUSE_START,
    COMMITTED,
    COMMUNITY_HEAD_AFTER,
    COMMUNITY_HEAD_BEFORE,
    COUNTED_BEFORE,
    DEFENDANT_ACTED,
    DEFENDANT_APPOS,
    DEFENDANT_NAMED,
    DEFENDANT_REF,
    DEFENDANT_SERVED,
    DEFINITE_ATTACK,
    DENIAL,
    DESTINATION_BEFORE,
    FIRST_PERSON_COMMUNITY,
    FRONTED_PRONOUN,
    GROUP_ANAPHOR,
    HELPED_BY_BEFORE,
    IDENTIFIED_AS,
    INCLUDING_NAMED,
    JOINED,
    LABEL_ACTOR,
    LABEL_AFTER,
    LABEL_BEFORE,
    MEMBER_LINK,
    MEMBERSHIP,
    OBJECT_END,
    ON_BEFORE,
    PERPETRATOR_WORD,
    PERSON_FOUND,
    PERSON_HINT,
    PRONOUN_SUBJECT,
    SPEECH_BETWEEN,
    STATE_STRUCK_AFTER,
    SUSPECT_ANAPHOR,
    SUSPECT_OF,
    TALLY_SHARE_AFTER,
    UNKNOWN_ACTOR,
    UNKNOWN_HINT,
    VICTIMS_WERE,
    breakdown_agents,
    coordinated_actors,
    definite,
    detaining_branches,
    drop_same_mention_groups,
    find_persons,
    is_agent,
    mine_layers,
    person_name_ok,
    uniform_agents,
    unknown_actor_label,
)
from dalil.extract.date_roles import (
    COORDINATED,
    ONLY_THE_TIME,
    PERIOD_LABEL,
    PLUPERFECT_BEFORE,
    PUBLICATION,
    SINCE_BEFORE,
    THAT_DAY,
    date_role,
    is_narrative,
    labels_count,
    record_date,
)
from dalil.extract.dates import DateMatch, find_dates
from dalil.extract.figures import (
    BRACKET_BREAKDOWN,
    BRACKET_PLACE,
    BREAKDOWN_NEXT,
    CASUALTY_AFTER,
    CLAUSE_HINT,
    COORDINATED_NEXT,
    EITHER_FIGURE,
    GAPPED_BETWEEN,
    GAPPED_TAIL,
    HOSTAGE_AFTER,
    INCLUDED_START,
    NEVER_SEEN_AGAIN,
    OWN_WORD_AFTER,
    SUBSET_BEFORE,
    SUBSET_LINK,
    THAT_FIGURE,
    casualty_word,
    classify,
    clause_bounds,
    disclaimer_names_accounts,
    disclaimer_names_all_figures,
    is_definite_repeat,
    is_list_item,
    list_count_first,
    list_header_what,
    refers_to_previous_count,
    repeated_figures,
)
from dalil.extract.lexicon import (
    Entry,
    Lexicons,
    find_words_many,
    first_matching,
    load_lexicons,
)
from dalil.extract.model import (
    ActorMention,
    Claim,
    DateMention,
    Event,
    Extraction,
    Figure,
    Perpetrator,
    Place,
    PlaceMention,
    QuotedSource,
    VictimGroup,
    Violation,
)
from dalil.extract.numbers import find_numbers
from dalil.extract.places import (
    RESIDENT_BEFORE,
    SUCH_AS_GAP,
    RawMention,
    city_of_quarters,
    find_place_mentions,
    latin_name,
    place_role,
    resolve,
)
from dalil.extract.proposer import RunHook
from dalil.extract.statistical import PLACE_LABELS, EntityModel
from dalil.extract.text import Prepared, Sentence, prepare, split_sentences
from dalil.gazetteer import Gazetteer, load_gazetteer
from dalil.gazetteer.names import has_arabic, name_key, normalize_arabic


def _rx(pattern: str, flags: int | re.RegexFlag = 0) -> re.Pattern[str]:
    """Compile a pattern written in ordinary Arabic spelling against normalised text
    (إلى -> الى, ة -> ه ...), as the text it runs on has been normalised the same way.
    Searches try the pattern only where one of its literal starts occurs (``fastre``)."""
    return fastre.compile(normalize_arabic(pattern), flags)


EXTRACTOR_VERSION = "0.10.1"
MAX_CHARS = 5_000_000


_NEGATION = _rx(r"(?:\b(?:no|not|never|denied|deny|denies|without|nobody|none)\b"
                       # ("ولم ترد أنباء عن اعتقالات": the conjunction glued to the negation)
                       r"|(?:^|\s)[وف]?(?:لم|لا(?!\s+(?:يقل|تقل|يزال|تزال|سيما))|نفى|نفت|دون|بدون|ينفي|ننفي|"
                       # whole words: "لما رجعنا" (when we came back), "ولادنا" (our children),
                       # "لاجئين" are no "لم"/"لا"
                       r"تنفي)(?!\w))[^.,;]{0,18}$", re.I)  # "ما لا يقل عن" is no negation
# things, not people, "were taken": a looting ("cash, phones and jewellery were taken during
# the raids"), not an abduction
# a harm threatened, not done: "مع التهديد بقتلهم في حال عدم الدفع", "threats to kill them",
# "threatened to burn the house" (the threat itself is threat_or_intimidation)
_THREAT_OF = _rx(r"(?:\b(?:threat(?:s|ened|ening)?|vow(?:ed|ing)?)\s+(?:of|to)\s+(?:\w+\s+)?|"
                 r"(?:^|\s)[وف]?(?:التهديد|تهديد|تهديدات|هدد\S*|يهدد\S*|تهدد\S*|مهدد\S*|توعد\S*|"
                 r"الوعيد|وعيد)\s+(?:\S+\s+)?ب?)$", re.I)
# the torture entries (violations.yaml) that tell a beating, not a method of torture
_PLAIN_BEATING = frozenset({"beat(?:en|ing|ings)", "beat (?:him|her|them|us|me|(?:my|his|her|their|our) \\w+)",
                            normalize_arabic("ضربوا"), normalize_arabic("ضرب مبرح"),
                            normalize_arabic("الضرب المبرح"), normalize_arabic("للضرب المبرح")})
# a fact-check's claim under review: "a video ... claims to show the massacre of", "the caption
# claimed the drone had destroyed": told to be checked, not asserted (blind 10 and 13)
_FALSE_CLAIM = _rx(r"\b(?:claims?|claimed|claiming|purports?|purported|purporting)\s+to\s+show\b|"
                   r"\b(?:caption|captions|post|posts|clip|clips)\s+(?:\w+\s+){0,2}?(?:claimed|claims|"
                   r"falsely)\b", re.I)
# the round-9 attack_on_civilians entries of an attack told without its word
_BARE_ATTACK = ("(?:attacked|targeted|stormed) ", "fired (?:on|at) (?:\\w+ ){0,2}",
                normalize_arabic("(?:هاجم|"))
# a report of people held: a branch, a prison, a cell, an interrogation
_CUSTODY = _rx(r"\b(?:branch|prison|prisons|cells?|interrogat\w*|detainees?|custody|"
               r"detention)\b|فرع|سجن|زنزان|معتقل|تحقيق|احتجاز", re.I)
_BEATEN_WITH = _rx(r"[^.;,]{0,30}?\b(?:with|using)\s+(?:a\s+|the\s+|their\s+)?(?:\w+\s+)?"
                   r"(?:cables?|sticks?|batons?|pipes?|hoses?|whips?|butts?|belts?|chains?|"
                   r"rods?|clubs?)\b", re.I)
_BODIES_BEFORE = _rx(r"\b(?:bodies|corpses|remains)(?:\s+\w+){0,2}\s+(?:and\s+)?(?:were\s+|was\s+|"
                     r"then\s+)?$", re.I)
_BODIES_AFTER = _rx(r"(?:\s+\w+){0,3}?\s+(?:placed|piled|stacked|thrown|heaped)?\s*(?:over|on|onto)\s+"
                    r"(?:the\s+)?(?:bodies|corpses|remains)\b", re.I)
_COURT_WORD = _rx(r"(?:defendant|accused)", re.I)
_GOODS_TAKEN = _rx(r"\b(?:gold|phones?|mobiles?|money|cash|jewell?ery|cars?|vehicles?|belongings|"
                   r"valuables|livestock|sheep|cattle|furniture|tractors?|laptops?|savings|"
                   r"possessions|motorcycles?|computers?|televisions?)\b[^.;]{0,40}?\s(?:was|were)"
                   r"\s+taken\b[^.;]*$", re.I)


_WHOSE_ACCOUNT = _rx(r"\b(?:the\s+)?(?P<who>[A-Z][\w-]*(?:['’]s)?|\w+['’]s|\w+s['’](?=\s))\s+"
                     r"(?:accounts?|claims?|statements?|versions?|figures?|tolls?|testimon(?:y|ies)|"
                     r"reports)\b")
# a disclaimer in a relative clause doubts what its own sentence says, not the sentences before:
# "..., which the agency could not independently verify", "وهو ما لم تتمكن الأمم المتحدة من التحقق منه"
_OWN_CLAUSE_DISCLAIMER = _rx(
    r",\s*(?:which|something|a claim|claims|an account|accounts|a figure|figures)\s+(?:that\s+)?"
    r"[^,.;]{0,40}?\b(?:not|unable|impossible)\b[^,.;]{0,30}?(?:verif|confirm)|"
    # "tribal sources gave higher figures for their dead that Crisis Group could not verify":
    # the figures of that clause, named in it, not the tolls before
    r"\b(?:figures?|numbers?|tolls?|claims?|accounts?|allegations?|reports?|estimates?)\s"
    r"[^,.;]{0,40}?\b(?:that|which)\s+[^,.;]{0,40}?\b(?:not|unable|impossible)\b"
    r"[^,.;]{0,30}?(?:verif|confirm)|"
    r"(?:^|\s)(?:وهو|وهي|وهذا|الأمر الذي|مما)\s+(?:ما\s+)?(?:لم|لا)\s+\S+(?:\s+\S+){0,3}?\s+"
    r"(?:من\s+)?(?:التحقق|التأكد)", re.I)
# "this testimony", "هذه الشهادة": one speaker's account, told over several sentences
_THIS_TESTIMONY = _rx(r"\b(?:this|her|his)\s+(?:testimony|account|story)\b|"
                      r"(?:^|\s)(?:هذه|هذا)\s+(?:الشهادة|الرواية|الإفادة|الافادة)(?:\s|$|[.،,])",
                      re.I)
_NOT_WHO = {"the", "a", "an", "this", "that", "these", "those", "its", "their", "his", "her",
            "our", "no", "any", "each", "both", "either", "neither"}
_RECIPIENT = _rx(r"(?:^|\s)ل(?:مراسل\S*|وكال\S*|صحيف\S*|قنا\S*)(?:\s+\S+)?|"
                 r"\btold\s+(?:the\s+)?[^,;]{0,40}|\bspeaking to\s+[^,;]{0,40}|"
                 r"\b(?:interviewed|contacted|reached|quoted|cited)\s+by\s+[^,;]{0,40}", re.I)
# an attack is on civilians when its sentence says who or what was hit, or that people died
_CIVILIAN_CUE = _rx(
    r"\b(?:civilians?|residents?|people|children|child|women|woman|families|family|homes?|houses?|"
    r"markets?|schools?|hospitals?|bakery|bakeries|neighbou?rhoods?|villages?|towns?|city|mosques?|"
    r"churches|church|camps?|shelters?|crowds?|worshippers|patients|passers-by|farmers?|"
    r"villagers|killing|killed|kills|dead|deaths?|wounded|wounding|injured|injuring|victims?|"
    r"bodies|casualties|shot|station|square|street|buildings?|area|districts?|quarter|scene|"
    r"fled|flee|fleeing|displaced)\b|\bon\s+(?:the\s+)?(?-i:[A-Z][a-z])(?!\w*day\b)|"  # "barrel bombs on Arbin"
    r"مدني\S*|اهالي|سكان|منازل|منزل|سوق|مدرس\S*|مشفى|مستشفى|حي|احياء|قري\S*|بلد\S*|مدين\S*|"
    r"قتل\S*|مقتل|قتلى|جرحى|جريح\S*|اصاب\S*|ضحايا|شهداء|استشهد\S*|اطفال|نساء|عائل\S*|مخيم|"
    r"جثث|الناس|شارع|ساح\S*|"
    # Levantine posts: "تنين شهدا", "عالبيوت", "الضيعة", "الحارة", "ولاد", "نسوان", "زلمة"
    r"شهدا|بيوت|ضيع\S*|حار[هة]|حارات|ولاد|نسوان|زلم\S*", re.I)
# "strikes killed 20 IS militants": a toll of combatants says nothing of civilians
_KILL_CUE = re.compile(r"kill\w*|dead|deaths?|wound\w*|injur\w*|casualties|قتل\S*|مقتل|قتلى|جرحى|"
                       r"جريح\S*|اصاب\S*", re.I)
_COMBATANTS_AFTER = _rx(r"\s+(?:at\s+least\s+|more\s+than\s+|some\s+|about\s+|nearly\s+|"
                        r"ما\s+لا\s+يقل\s+عن\s+|نحو\s+)?(?:[\d٠-٩,]+\s+|\w+\s+)?(?:[\w-]+\s+)?"
                        r"(?:militants|fighters|soldiers|troops|members|jihadists|gunmen|terrorists|"
                        r"combatants|personnel|servicemen|insurgents|rebels|militiamen|recruits|"
                        r"عنصر\S*|عناصر|مقاتل\S*|جندي\S*|جنود|مسلح\S*|ارهابي\S*)(?!\w)", re.I)


def _civilian_cue(norm: str, start: int, end: int) -> bool:
    """Whether the sentence (and the next of its paragraph) names civilians or civilian objects,
    not counting a toll of fighters ("killed 20 IS militants")."""
    for m in _CIVILIAN_CUE.finditer(norm, start, end):
        if _KILL_CUE.fullmatch(m.group(0)) and _COMBATANTS_AFTER.match(norm, m.end(),
                                                                        m.end() + 60):
            continue
        return True
    return False


_UN_BODY = re.compile(r"\b(?:UN|U\.N\.|United Nations|UNHCR|UNICEF|OCHA|OHCHR|WFP|UNRWA|IOM|"
                      r"World Food Programme|World Health Organi[sz]ation|International "
                      r"Organi[sz]ation for Migration|Commission of Inquiry)\b|الأمم المتحدة|"
                      r"الامم المتحده|مفوضيه")
_SOCIAL_PLATFORM = _rx(r"\b(?:facebook|telegram|twitter|tiktok|instagram|youtube|whatsapp|"
                       r"social media|its page|their page|its channel|on x)\b|فيسبوك|تلغرام|"
                       r"تيليغرام|تويتر|مواقع التواصل|صفحته|صفحتها|قناته|قناتها", re.I)
_CLAIMED_RESPONSIBILITY = _rx(r"\bclaim(?:ed|s|ing)?\s+responsibility|تبن\S*\s", re.I)
# "the group", "the organisation" as one of two coordinated speakers refers back
_PART_ANAPHOR = re.compile(r"(?:the|this)\s+(?:group|organi[sz]ation|team|agency|collective|"
                           r"association|coalition|monitor)", re.I)
_BODY_ANAPHOR = re.compile(r"(?:the|this)\s+(?:channel|page|outlet|council|office|board|network|"
                           r"committee|account|observatory|monitor|ministry|commission|directorate|"
                           r"organi[sz]ation|cent(?:re|er))", re.I)
# 'Telegram channel "Suwayda 24"', "the Facebook page of Horan Free Gathering"
_CHANNEL_NAME = _rx(r"\b(?i:telegram|facebook|whatsapp|youtube|tiktok|instagram)\s+(?i:channel|page|"
                    r"account|group)\s+(?:(?i:of|called|named)\s+)?(?:[\"“«](?P<q>[^\"”»\n]{2,40})"
                    r"[\"”»]|(?P<n>[A-Z][\w'-]*(?:\s+(?:[A-Z][\w'-]*|\d{1,4})){0,3}))")
# a person's name: "Abu Ammar", "Umm Jaafar", "Fayez", "Rami Haddad", "أبو عمار"
_PERSON_NAME = _rx(r"(?:(?:abu|umm|um|أبو|ابو|أم|ام)\s+\S+|[A-Z][a-z]+(?:\s+(?:al-)?[A-Z][a-z]+)?)$")
# the outlet that carried a statement
_CARRIED_BY = _rx(
    r"\b(?:told|carried by|published by|aired by|broadcast by|quoted by)\s+(?:the\s+)?"
    r"(?P<en>(?:(?:state|state-run|official|pro-government|opposition|local|pan-Arab|Turkish|"
    r"Kurdish|Syrian|Lebanese|Iranian|Russian|Israeli)\s+)?(?:(?:news\s+agency|agency|"
    r"broadcaster|television|TV|daily|newspaper|outlet|website|channel|radio)\s+)?"
    r"[A-Z][\w'-]*(?:\s+[A-Z][\w'-]*){0,2})"
    r"|(?:^|\s)(?:نقلته|نقلتها|نقلها|نقله|نقلت|نقل|اوردته|اوردتها|بثته|بثتها|نشرته|نشرتها)\s+"
    r"(?P<ar>(?:وكاله|قناه|صحيفه|موقع|تلفزيون|اذاعه|شبكه)"
    r"(?:\s+(?!(?:ان|إن|أن|عن|في|على|من|الى|قوله|قولها|امس|اليوم)(?:\s|$))[^\s(،,.]+){1,3})"
    r"(?:\s*\((?P<paren>[^)\n]{2,25})\))?(?=[\s(،,.]|$)")

# a disclaimer of the accounts a report gathers, not of one figure or statement
_ACCOUNTS_DISCLAIMED = _rx(r"\b(?:the|these|those|such|all|their|its|any of the|none of the|"
                           r"all of the|each of the)\s+(?:\w+\s+)?(?:accounts|reports|claims|"
                           r"testimonies|allegations|incidents)\b|الروايات|الشهادات|الادعاءات",
                           re.I)

_LIVES_IN = _rx(r"\b(?:who\s+)?(?:now\s+)?(?:lives|lived|living|based|settled|sheltering|"
               r"staying|resettled)\s+(?:now\s+)?(?:in|near|at|outside)\b.*$", re.I)
# Characters are counted on the UTF-8 bytes (C speed, no Python loop): U+0600-U+06FF are the
# two-byte sequences that start with D8-DB, ASCII letters and C0 controls are single bytes, and
# no byte of a multi-byte sequence is below 0x80.
_ARABIC_LEADS = (b"\xd8", b"\xd9", b"\xda", b"\xdb")
_NOT_LATIN = bytes(b for b in range(256) if not (65 <= b <= 90 or 97 <= b <= 122))
_NOT_CONTROL = bytes(b for b in range(256) if not (b < 32 and b not in b"\n\r\t"))


def _utf8(text: str) -> bytes:
    return text.encode("utf-8", "surrogatepass")


# Small patterns used per sentence, mention or source, compiled once.
_PRONOUN_SPEAKER = re.compile(r"^(?:he|she|they|it|we|i)$", re.I)
# a person a paragraph introduces: "Hevin, a 46-year-old mother of five, ...", "Rami, 34, ...",
# "لم تكن "أم علي" (٥٤ عاماً) تتوقع", "يقف أبو محمد أمام ركام بيته"
# (at the start or after a fronted phrase: "In Talmenes, Khaled Barakat, a farmer who was 41
# at the time, still keeps ...", "When the shooting stopped, Maysa, 41, went down ...")
_FOCUS_PERSON = re.compile(r"(?:^|(?<=, ))(?P<n>[A-Z][a-z'-]+(?:\s+(?:[A-Z][\w'-]+|al-[\w'-]+|bin|ibn)){0,3}),\s+"
                           r"(?:\d{1,3},|an?\s+\d{1,3}-year-old\b|who\s+(?:asked|uses|gave|"
                           r"requested|spoke)\b|an?\s+(?:[a-z-]+\s+)?[a-z-]+\s+(?:who|from|at|in)\s)")
_FOCUS_KUNYA = _rx(r"(?:^|\s|[\"«“])(?P<n>(?:أبو|أم)\s+[^\s،,.:\"«»“”()]{2,})(?=[\s\"»”(،,])")
# a person named by a description: "السيدة", "الرجل الستيني", "الشاب"
_AR_PERSON_DESC = _rx(r"(?:السيدة|الرجل|المرأة|الشاب|الشابة|الفتاة|العجوز|السيد)(?:\s|$)")
# a person who tells what they lived through, not what they heard
_NARRATOR_VERBS = {normalize_arabic(v) for v in (
    "recalls", "recalled", "remembers", "remembered", "recounts", "recounted", "narrates",
    "narrated", "testified", "يتذكر", "تتذكر", "يستذكر", "تستذكر", "روى", "روت", "يروي", "تروي",
    "يسرد", "تسرد")}
# a narrator's own words: first person singular outside quotation marks
_FIRST_PERSON_ONE = re.compile(r"\b(?:I|[Mm]e|[Mm]y|[Mm]yself)\b")
# a speaker who can narrate: named by a verb or beside a quote (not a document or a header)
_PERSON_SPEAKER = re.compile(r"^attribution:(?:verb_subject|quote_speaker|subject_verb)")
# "toward Tabqa and Raqqa", "باتجاه حي درعا المحطة ومدينة طفس": the next item of a list of places
# "Ayman al-Zoubi: In 2023 ...", "Al-Zoubi: Rarely.": a speaker's label in an interview
_QA_LABEL = re.compile(r"(?P<n>(?:[A-Z][\w'-]+|[Aa]l-[A-Z][\w'-]+)(?:[ -](?:al-|el-|bin |abu )?"
                       r"[A-Z][\w'-]+){0,3}"
                       # an Arabic interview's labels: "عنب بلدي: ما حجم ...؟", "رهف السيد: نتحدث"
                       r"|[\u0621-\u064a]{2,}(?:\s[\u0621-\u064a]{2,}){0,3}):(?:\s|$)")
# (a broadcast transcript puts the label on a line of its own: "YUSUF BARAKAT:" then his words)
# a broadcast transcript names its own staff once: "MARK ELLISON, HOST:", "DANA WHITLOCK, BYLINE:";
# what they say later under "ELLISON:" or "WHITLOCK:" is the programme's own voice, no source
_STAFF_LABEL = re.compile(r"^\s*(?P<n>[A-Z][\w'.-]*(?:\s+[A-Z][\w'.-]*){0,3}),\s*(?:HOST|BYLINE|ANCHOR|"
                          r"CORRESPONDENT|REPORTER|PRESENTER|MODERATOR)\s*:", re.M)
_ARABIC = re.compile("[\u0600-\u06ff]")
_ARTICLE = re.compile(r"^(?:the|a|an)\s+", re.I)
_TITLE_WORDS = {"dr", "mr", "mrs", "ms", "prof", "doctor", "دكتور", "دكتوره", "طبيب", "طبيبه"}
_SENTENCE_END = re.compile(r"[.!?\u061f](?=\s)|\n")
_FIRST_PERSON_BODY = re.compile(r"(?:our|we)\b", re.I)
_NO_SOURCE_NAME = re.compile(
    r"(?:(?:the|a|an|this|that)\s+)?(?:statement|report|video|videos|footage|list|document|"
    r"investigation|post|tweet|recording|clip)|" + normalize_arabic(
        r"(?:ال)?(?:فيديو|تسجيل|مقطع|تقرير|بيان|تحقيق|منشور|قائمة|صور)|"
        r"(?:لنا|له|لها|لهم|لي|لك|عنه|عنها|عنهم|منه|منها|منهم|بنا|معنا)|"
        r"(?:فيه|فيها|فيهم)|"
        # a noun with "her/his/their" (قصتها, روايته): what is told, not who tells it
        r"[\u0621-\u064a]{3,}(?:ها|هم|هن|كم)"), re.I)
_DETERMINER_ONLY = re.compile(r"(?:a|an|the|this|that|these|those|it|its|one|two|three|four|five|"
                              r"six|seven|eight|nine|ten|some|many|most|others|several|few|both|"
                              r"all|none)", re.I)  # "Two said they had been detained": a count
# a monitor described, not named: it is the monitor the report names
# (not "an armed group", "a group of residents": only monitors, named by what they do)
_GENERIC_MONITOR = re.compile(r"(?:(?:a|an|the)\s+)?(?:same\s+group|(?:[\w-]+\s+){0,2}(?:war\s+)?"
                              r"(?:monitor|monitoring group|observatory|rights group|watchdog))",
                              re.I)
_NAMED_MONITOR = re.compile(r"Observatory|Network for Human Rights|\bSOHR\b|\bSNHR\b|"
                            r"Documentation|Monitor\b|Watch\b|المرصد|الشبكة السورية")
# a person named by a given name or kunya alone (not "Families", "Residents" said)
_GIVEN_NAME_ONLY = re.compile(r"(?![A-Z][a-z]+(?:ies|ents|ers|ors|ives|ists|als|ors|ours|ans|"
                              r"tics|ses)$)(?!Many$|Some$|Others$|Locals$)[A-Z][a-z'-]{2,}|"
                              r"(?:Abu|Umm|Um)\s+[A-Z][a-z'-]+|(?:أبو|ابو|أم|ام)\s+\S+")
_WITHHELD_NAME = _rx(r"\bonly (?:his|her|their) (?:first|given) name\b|\b(?:first|given) name only\b|"
                     r"\bnot (?:his|her|their) real name\b|\bpseudonym\b|\bname (?:has been|was|had "
                     r"been) changed\b|\bidentified only as\b|\bwithheld\b|"
                     r"اسم مستعار|اسما مستعارا|اسمًا مستعارًا", re.I)
_KUNYA = re.compile(r"(?:Abu|Umm|Um)\s+[A-Z][\w'-]+|(?:أبو|ابو|أم|ام)\s+[\u0621-\u064a]+")
_PRONOUN_KEY = re.compile(r"he|she|they|it|we|i|هو|هي")
_ANONYMOUS = re.compile(r"\bsources?\b|مصدر|مصادر|anonymous|unnamed", re.I)
_INDEFINITE = re.compile(r"(?:a|an|one)\s", re.I)


def _overlaps_date(start: int, end: int, date_starts: list[int], dates: list[DateMatch]) -> bool:
    """Whether [start, end) overlaps a date (dates in text order, not overlapping): "between 6
    and 9 March" starts before its date and is not a figure."""
    k = bisect_right(date_starts, start)
    return bool((k and start < dates[k - 1].end) or (k < len(dates) and dates[k].start < end))


def detect_language(text: str) -> str:
    sample = _utf8(text[:200_000])
    ar = sum(sample.count(lead) for lead in _ARABIC_LEADS)
    la = len(sample.translate(None, _NOT_LATIN))
    if ar == 0 and la == 0:
        return "und"
    if ar and la and min(ar, la) / (ar + la) > 0.2:
        return "mixed"
    return "ar" if ar > la else "en"


# a document or a thing cited as the subject of a reporting verb, no author named: no source
_DOCUMENT_SUBJECT = re.compile(r"(?:(?:the|a|an|his|her|their|its|own|these|those|this|that)\s+)*"
                               r"(?:[\w'’-]+\s+){0,2}(?:file|files|records|register|logs?|lists?|"
                               r"documents?|papers|dataset|database|imagery|footage|images|"
                               r"photographs|trajector(?:y|ies))(?:\s+(?:seized|found|obtained|kept|"
                               r"leaked|recovered))?", re.I)
# a disclaimer naming the counts of victims in the plural: all the report's tolls
_VICTIM_COUNTS = re.compile(normalize_arabic(r"(?:أعداد|اعداد)\s+(?:ال)?(?:ضحايا|قتلى|جرحى|مصابين|شهداء|"
                                             r"الضحايا|القتلى)") + r"|\bthe\s+numbers?\s+of\s+"
                            r"(?:victims|dead|deaths|casualties|killed)\b", re.I)
# "our correspondent", "مراسلنا": a reporter of the account's own speaks for himself
_OWN_REPORTER = re.compile(r"correspondent|reporter|journalist|source|مراسل|مصدر|مصادر", re.I)
# a court issues a judgment, but its chamber speaks in it ("the Senate", "the Division")
_FIRST_PRONOUN = re.compile(r"\W*(he|she|it|they)\s", re.I)
_REL_IN_SPEAKER = re.compile(r"\s(?:which|that|who)\s", re.I)
# what pages or accounts spread, which a statement denies: "ما تداولته (بعض) الصفحات على وسائل
# التواصل عن", "ما نشرته حسابات موالية حول"; the pages, up to what they spread (blind 11, 12
# and 13 list them; blind 3 does not list "ما تداولته بعض وسائل الإعلام": media are left out)
_CIRCULATED_BY = _rx(r"ما\s+(?:تداولته|تداولتها|تتداوله|تناقلته|تناقلتها|روجت\s?له|نشرته|تنشره)\s+"
                     r"(?P<n>(?:بعض\s+)?(?:ال)?(?:صفحات|حسابات|منصات)(?:\s+(?!عن|حول|بشان|بخصوص|من\s+(?:ان|أن))[^\s،,.:\"«]+)"
                     r"{0,5}?)(?=\s+(?:عن|حول|بشان|بخصوص|من)\s|[،,.])")
_PAGES = _rx(r"صفحات|حسابات|منصات|مواقع\s+التواصل|وسائل\s+التواصل")
_EDITOR_NOTE_LINE = re.compile(r"\s*\[[^\]\n]{10,600}\]\s*(?=\n|$)")


def _short_name_of(name: str, org: str) -> bool:
    """Whether ``name`` is ``org`` shortened ("المرصد السوري" of "المرصد السوري لحقوق الإنسان",
    "the Syrian Network" of "Syrian Network for Human Rights"): two words or more, inside it."""
    a = " ".join(re.sub(r"^the\s+", "", normalize_arabic(name).strip().lower()).split())
    b = " ".join(normalize_arabic(org).lower().split())
    return len(a.split()) >= 2 and f" {a} " in f" {b} "


_COURT = re.compile(r"\b(?:Court|Tribunal|Chamber)\b|محكم", re.I)


def extract_document(text: str | bytes, published: date | str | None = None, lang: str = "auto",
                     *, gazetteer: Gazetteer | None = None, lexicons: Lexicons | None = None,
                     gazetteer_dir: Path | None = None, max_chars: int = MAX_CHARS,
                     entity_model: EntityModel | None = None,
                     proposer: RunHook | None = None) -> Extraction:
    """Extract claims, events and their parts from one text. Never guesses silently.

    ``published`` anchors missing years and relative dates. ``lang`` is auto, en or ar (the
    lexicons of both languages always run, so mixed documents work; ``lang`` is recorded).
    ``entity_model`` (optional, see ``dalil.extract.statistical``) adds place candidates; its
    name is appended to ``extractor_version`` so stored results are recomputed when it changes.
    ``proposer`` (optional, see ``dalil.extract.proposer``) adds perpetrators and quoted sources
    from spans a statistical tagger proposes, once the rules are done; its ``version_tag`` is
    appended to ``extractor_version`` too.
    """
    if isinstance(text, bytes):
        try:
            text = text.decode("utf-8")
        except UnicodeDecodeError as exc:
            raise InputError("text is not UTF-8; convert it first (ingest does this)") from exc
    if lang not in ("auto", "en", "ar"):
        raise InputError(f"unknown language {lang!r}: use auto, en or ar")
    if len(text) > max_chars:
        raise TooLargeError(f"text has {len(text):,} characters, more than the extractor's limit "
                            f"of {max_chars:,}; split it into parts", size=len(text))
    if isinstance(published, str):
        try:
            published = date.fromisoformat(published)
        except ValueError as exc:
            raise InputError(f"published date {published!r} is not YYYY-MM-DD") from exc
    language = detect_language(text) if lang == "auto" else lang
    version = EXTRACTOR_VERSION + (f"+{getattr(entity_model, '__name__', 'model')}"
                                   if entity_model is not None else "")
    if proposer is not None:
        version += f"+{proposer.version_tag}"
    result = Extraction(extractor_version=version, language=language)
    if not text.strip():
        result.warnings.append("empty text")
        return result
    sample = text[:100_000]
    raw = _utf8(sample)  # C0 controls other than tab and newlines, and U+FFFD
    bad = len(raw.translate(None, _NOT_CONTROL)) + raw.count("\ufffd".encode())
    if bad > 0.1 * len(sample):
        result.warnings.append("text looks like binary data; nothing extracted")
        return result
    lex = lexicons or load_lexicons()
    gaz = gazetteer or load_gazetteer(gazetteer_dir)
    run = _Run(prepare(text), published, lex, gaz, result)
    run.entity_model = entity_model
    # The cycle collector is paused while one text is read: the stages allocate thousands of
    # short-lived tuples and matches, and collections triggered mid-document (~2 per report)
    # traverse them while they are still alive (~8% of the time). Reference counting still
    # frees everything; the collector resumes (and catches up, on mostly dead objects) when
    # the document is done. A caller that disabled it itself keeps it disabled.
    paused = gc.isenabled()
    if paused:
        gc.disable()
    try:
        out = run.run()
        if proposer is not None and out.claims:
            # (a text without sentences or claims has nothing to add to)
            proposer.apply(run)
        return out
    finally:
        attr.forget_names()  # (no speaker's name is kept once the document is read)
        if paused:
            gc.enable()


class _Run:
    """One document's extraction. ``run`` calls the steps in order; each step reads what the
    steps before it left on ``self`` (sentences, the whole-text matches, claims, the event
    sentences ...) and adds its own part of the result ``r``."""

    def __init__(self, prep: Prepared, published: date | None, lex: Lexicons, gaz: Gazetteer,
                 result: Extraction) -> None:
        self.p = prep
        self.norm = prep.norm
        self.published = published
        self.lex = lex
        self.gaz = gaz
        self.r = result
        self.entity_model: EntityModel | None = None
        self._raw_sources: list[tuple[str, str, tuple[int, int], str]] = []
        self._actor_cache: dict[str, list[tuple[int, int, Entry]]] = {}
        self._role_cache: dict[tuple[str, str, str], tuple[str, bool]] = {}
        # the source-role lexicons' answer for a phrase: a name is looked up for each mention
        self._source_role_cache: dict[str, str | None] = {}
        self._clause_cache: attr.ClauseCache = {}
        # where each violation starts in the normalised text (its span is in original offsets)
        self._viol_start: dict[int, int] = {}
        self._org_speaks = False  # the publishing body asserts findings in the first person
        # the body that issues the document, when claims are its own ("MSF said today")
        self._publisher_org: str | None = None

    def sent_of(self, pos: int) -> int:
        return max(0, bisect_right(self.starts, pos) - 1)

    def run(self) -> Extraction:
        norm, r = self.norm, self.r
        sentences = split_sentences(norm)
        if not sentences:
            r.warnings.append("no sentences found")
            return r
        self.starts = [s.start for s in sentences]
        self.sentences = sentences
        published = self.published
        author, author_rule = attr.document_author(norm)
        if has_arabic(author):
            author = self._surface_name(author, 0)
        header_line_end = -1
        if author_rule in ("header:handle", "header:testimony", "header:speaker", "header:source",
                           "header:sender"):
            # ("Statement by Adele Rahimi, UNICEF Regional Director ...": the statement's speaker)
            # a post's author, a testimony's witness and a briefing's speaker are sources of
            # what follows; the header line that names them describes them
            at = norm.find(normalize_arabic(author) if has_arabic(author) else author, 0, 400)
            line_start = norm.rfind("\n", 0, max(0, at)) + 1 if at >= 0 else 0
            line_end = norm.find("\n", line_start)
            line_end = line_end if line_end > 0 else min(len(norm), 200)
            desc = norm[line_start:line_end]
            lead = attr.lead_witness(norm) if author_rule == "header:testimony" else None
            if lead is not None:
                # an editor's lead: what describes the witness is its sentence up to her name
                # and the aside on it ("..., وهو اسم مستعار"), not whom she told it to
                desc = norm[norm.rfind(".", 0, lead[0]) + 1:lead[1]]
            self._raw_sources.append((author, desc, (line_start, line_end),
                                      "attribution:" + author_rule))
            if author_rule in ("header:testimony", "header:sender"):
                header_line_end = line_end
        self.author = author
        self.author_rule = author_rule
        self.header_line_end = header_line_end
        self.published = published
        self._match_whole_text()
        self._claims()
        self._disclaimers()
        self._figures()
        self._dates()
        self._places()
        self._violations()
        self._perpetrators()
        self._victim_groups()
        self._events()
        self._outlet_sources()
        r.quoted_sources = self._sources()
        return r

    def _match_whole_text(self) -> None:
        """3. Whole-text matches: violations, actors, victim groups, dates, places, numbers."""
        norm, p = self.norm, self.p
        sentences = self.sentences
        published = self.published
        viol_by_sent: dict[int, list[Violation]] = {}
        denied_sents: set[int] = set()
        # "arrest warrants", "at risk of torture", "the Commission for Missing Persons": a
        # trigger inside such a phrase asserts nothing (violations.yaml `not_violations`)
        excluded = self.lex.violation_exclusions.finditer(norm) \
            if self.lex.violation_exclusions is not None else []
        excluded_starts = [a for a, _b, _en in excluded]
        for lx in self.lex.violations.values():
            for s, e, entry in lx.finditer(norm, per_label=True):
                vtype = entry.label
                if _NEGATION.search(norm[max(0, s - 40):s]):
                    continue
                if vtype != "threat_or_intimidation" and _THREAT_OF.search(norm, max(0, s - 16), s):
                    continue  # "مع التهديد بقتلهم", "threatening to burn the houses": not done
                k = bisect_right(excluded_starts, s)
                if k and excluded[k - 1][1] > s:
                    continue
                sent_start = self.starts[self.sent_of(s)]
                if DENIAL.search(norm[sent_start:s]) or _FALSE_CLAIM.search(norm, sent_start, s):
                    # "the ministry denied reports of executions": not asserted, but the place
                    # and date of what is denied are still those of the alleged event
                    denied_sents.add(self.sent_of(s))
                    continue
                si = self.sent_of(s)
                if vtype == "enforced_disappearance" and _GOODS_TAKEN.search(
                        norm, max(sent_start, s - 70), e):
                    vtype = "looting"  # "Gold, phones and a tractor were taken from the home"
                if vtype == "arson" and (_BODIES_BEFORE.search(norm, max(sent_start, s - 40), s)
                                         or _BODIES_AFTER.match(norm, e)):
                    # "tyres piled on the bodies and set alight", "set fire to tyres placed over
                    # the bodies": the bodies burned to hide them, no property
                    vtype = "concealment_of_bodies"
                if vtype == "attack_on_civilians" and not _civilian_cue(
                        norm, self.starts[si], sentences[min(si + 1, len(sentences) - 1)].end
                        if si + 1 < len(sentences) and
                        sentences[si + 1].paragraph == sentences[si].paragraph
                        else sentences[si].end):
                    continue  # "air strikes to support the SDF": a weapon, but on whom?
                v = Violation(vtype, p.surface(s, e), p.span(s, e),
                              f"violations.yaml:{vtype}:{entry.pattern}", si)
                self._viol_start[id(v)] = s
                viol_by_sent.setdefault(si, []).append(v)
        for si, vs in list(viol_by_sent.items()):
            # "attacked Bedouin families, killing and abducting civilians": an attack told with
            # what it did is those acts (blind 3's gold); told alone, an attack on civilians
            if any(v.rule.split(":", 2)[-1].startswith(_BARE_ATTACK) for v in vs) and any(
                    v.type != "attack_on_civilians" for v in vs):
                viol_by_sent[si] = [v for v in vs
                                    if not v.rule.split(":", 2)[-1].startswith(_BARE_ATTACK)]
        if not any(v.type == "arbitrary_detention" for vs in viol_by_sent.values() for v in vs) \
                and not _CUSTODY.search(norm):
            # a beating is torture where people are held: the gold of blind 4, 6, 7, 9 and 10
            # counts it in reports of detention, that of blind 8, 12 and 13 not in a raid, a
            # robbery or a street ("robbed and beaten by gunmen", "beaten at dorms")
            def plain(v: Violation) -> bool:
                # ("beat us with cables": a method, torture wherever it is told)
                return v.type == "torture" and v.rule.split(":", 2)[-1] in _PLAIN_BEATING and \
                    not _BEATEN_WITH.match(norm, self._viol_start[id(v)] + len(v.surface))

            for si in [k for k, vs in viol_by_sent.items() if any(plain(v) for v in vs)]:
                kept = [v for v in viol_by_sent[si] if not plain(v)]
                if kept:
                    viol_by_sent[si] = kept
                else:
                    del viol_by_sent[si]
        # the four word-indexed registries in one pass over the words
        actors, victim_hits, according_hits, verb_hits = find_words_many(norm, [
            self.lex.actors, self.lex.victim_groups, self.lex.according_to,
            self.lex.attribution_verbs])
        # "Russian and regime aircraft": both are named
        coordinated = coordinated_actors(norm, self.lex.actor_nationalities)
        if coordinated:
            actors = sorted(actors + coordinated, key=lambda t: t[0])
        # actor matches are in text order and (but for coordinated ones) do not overlap: only
        # the last one starting before a victim-group match can overlap it
        actor_starts = [a for a, _, _ in actors]
        victims = [(s, e, en) for s, e, en in victim_hits
                   if not ((k := bisect_left(actor_starts, e)) and actors[k - 1][1] > s)]
        first_nl = norm.find("\n")
        # a header line: short, no full stop, followed by a blank line
        header_end = first_nl if (0 < first_nl < 100 and not norm[:first_nl].rstrip().endswith(".")
                                  and "\n" in norm[first_nl + 1:first_nl + 3]) else 0
        dates = find_dates(norm, published, header_end)
        if published is None:
            # A dateline or "Published:" date anchors relative dates when none was given.
            for d in dates:
                if d.full and (d.start < 80 or PUBLICATION.search(norm[max(0, d.start - 25):
                                                                        d.start])):
                    published = d.full
                    dates = find_dates(norm, published, header_end)
                    break
        blocked = [(s, e) for s, e, _ in actors] + [(d.start, d.end) for d in dates]
        place_raw = find_place_mentions(norm, self.gaz, blocked, self.lex.reserved_words)
        if self.entity_model is not None:
            place_raw = self._model_places(place_raw, blocked)
        resolved = resolve(place_raw)
        # dates are in text order and do not overlap: only the last one starting at or before a
        # number can hold it
        date_starts = [d.start for d in dates]
        numbers = [n for n in find_numbers(norm)
                   if not _overlaps_date(n.start, n.end, date_starts, dates)]
        self.according_hits = according_hits
        self.actors = actors
        self.dates = dates
        self.denied_sents = denied_sents
        self.numbers = numbers
        self.place_raw = place_raw
        self.resolved = resolved
        self.verb_hits = verb_hits
        self.victims = victims
        self.viol_by_sent = viol_by_sent

    def _claims(self) -> None:
        """4. Per sentence: a claim for each statement, its source and its doubt."""
        norm, p = self.norm, self.p
        sentences = self.sentences
        according_hits = self.according_hits
        author = self.author
        author_rule = self.author_rule
        header_line_end = self.header_line_end
        verb_hits = self.verb_hits
        last_speaker = ""
        hedge_by_sent: dict[int, list[str]] = {}
        for s, e, _ in self.lex.hedge.finditer(norm):
            hedge_by_sent.setdefault(self.sent_of(s), []).append(norm[s:e])
        disclaimer_sents = {self.sent_of(s) for s, _, _ in self.lex.disclaimer.finditer(norm)}
        acc_by_sent: dict[int, list[tuple[int, int, Entry]]] = {}
        for s, e, en in according_hits:
            si = self.sent_of(s)
            acc_by_sent.setdefault(si, []).append((s - sentences[si].start,
                                                   e - sentences[si].start, en))
        verbs_by_sent: dict[int, list[tuple[int, int, Entry]]] = {}
        for s, e, en in verb_hits:
            si = self.sent_of(s)
            verbs_by_sent.setdefault(si, []).append((s - sentences[si].start,
                                                     e - sentences[si].start, en))
        claims: list[Claim] = []
        speaker_spans: dict[int, tuple[int, int]] = {}
        claim_of_sent: dict[int, int] = {}
        figs_by_sent: dict[int, list[Figure]] = {}
        runs = attr.quote_runs([(x.index, x.paragraph, 0, x.text) for x in sentences])
        prev_quote: tuple[int, str] | None = None
        post_of_para: tuple[int, str] | None = None
        self._channel_sources()
        answerer = self._interview_answers(sentences)
        said_by: dict[int, str] = {}  # sentence -> its named speaker
        colon_lead: tuple[int, str] | None = None  # "X described that night:" -> (paragraph, X)
        narrator: tuple[int, str] | None = None  # the last person who spoke, and where
        focus: tuple[int, int, str] | None = None  # a person a paragraph introduces
        last_speaker_si = -1
        # an editors' note in brackets opening the document says how it was obtained; it
        # asserts nothing of the events and names no source
        note = _EDITOR_NOTE_LINE.match(norm)
        note_end = note.end() if note else -1
        for sent in sentences:
            si = sent.index
            stext = sent.text
            if sent.end <= header_line_end and si <= 2:
                continue  # "Testimony of X, ..., recorded in Y": the header, no claim of its own
            if sent.end <= note_end:
                continue  # "[Translated from Arabic by the editors. ...]": the editors' note
            dash = attr.dash_source(stext)
            if dash and claims:
                if claims[-1].attribution_rule in ("attribution:" + author_rule,
                                                   "attribution:quote_speaker"):
                    # "— Outlet" under a post or quote names its source; a claim that already
                    # names its speaker ("activists said") keeps it, the outlet carried it
                    claims[-1].attributed_to = dash
                    claims[-1].attribution_rule = "attribution:dash_source"
                self._raw_sources.append((dash, "", (sent.start, sent.end),
                                          "attribution:dash_source"))
                continue
            # (a person's pattern needs a comma, a kunya's Arabic letters: a sentence without
            # them is not searched)
            focus_m = (_FOCUS_PERSON.search(stext) if "," in stext else None) or (
                _FOCUS_KUNYA.search(stext) if not stext.isascii() else None)
            if focus_m and (focus is None or focus[0] < sent.paragraph):
                focus = (sent.paragraph, si, focus_m.group("n"))
            # "Hevin, a mother of five, now lives in Aleppo. ... she told the BBC": a pronoun or
            # "السيدة" is the person the paragraph just introduced, not the speaker before
            if focus is not None and focus[1] > last_speaker_si and \
                    focus[0] >= sent.paragraph - 1:
                refer_to = focus[2]
            else:
                refer_to = last_speaker
                first_word = _FIRST_PRONOUN.match(stext)
                if first_word and si > 0 and sentences[si - 1].paragraph == sent.paragraph and (
                        last_speaker_si < si - 2 or
                        sentences[max(0, last_speaker_si)].paragraph != sent.paragraph):
                    # "He said ...", "They say ..." with no speaker in the two sentences before
                    # in the paragraph: the one the sentence before names in a comparison, as
                    # the subject of what it did not say, or between commas after a description
                    # (with none of these, the last speaker: a judgment's or testimony's witness
                    # goes on through "He states ...")
                    near = attr.antecedent(sentences[si - 1].text, first_word.group(1))
                    refer_to = near if near else refer_to
            a = attr.attribute_sentence(norm, sent.start, sent.end, self.lex, refer_to,
                                        acc_by_sent.get(si, []), verbs_by_sent.get(si, []))
            if a is None or _REL_IN_SPEAKER.search(a.speaker):
                # "a former guard who said ...", "an attack which local officials said killed
                # nine": the speaker inside a relative clause
                rel = attr.relative_speaker(norm, sent.start, sent.end, self.lex)
                a = rel if rel is not None else a
            if a is None or attr.PARTICIPLE_NAME.match(a.speaker):
                # "X welcomed the verdict, saying it confirmed ...": the main clause's subject
                said = attr.participle_speaker(norm, sent.start, sent.end, self.lex)
                a = said if said is not None else a
            if a is not None and si in runs and \
                    attr.quoted_noun(norm, sent.start, a, runs[si][0] < si):
                # '"We heard voices, people said there were cells. ..." she told X': a noun
                # inside the quotation is no speaker; the quotation's is (below). "According to
                # UN data" inside it is a source the speaker relays: a source, not the asserter
                if a.rule == "attribution:according_to":
                    self._add_sources(a.speaker, a.description, a.speaker_span, a.rule)
                a = None
            poster = attr.post_author(stext)
            if poster and has_arabic(poster):
                poster = self._surface_name(poster, sent.start)
            if poster and (si == 0 or sentences[si - 1].paragraph != sent.paragraph):
                post_of_para = (sent.paragraph, poster)
                self._raw_sources.append((poster, "", (sent.start, sent.end),
                                          "attribution:post_author"))
            if si in answerer and (a is None or a.rule == "attribution:default" or
                                                re.search(r"(?:^|\s)(?:we|i|our)$|^(?:our|my)\s",
                                                          a.speaker, re.I)):
                # ("Our volunteers have recorded ..." under her label: she speaks for them)
                # a Q&A: "Ayman al-Zoubi: In 2023 we recorded 143 kidnappings ..."
                name = answerer[si]
                if not any(x[3] == "attribution:interview_label" and x[0] == name
                           for x in self._raw_sources):
                    self._raw_sources.append((name, "", (sent.start, sent.end),
                                              "attribution:interview_label"))
                a = attr.Attribution(name, "", False, sent.start, sent.end,
                                     "attribution:interview_label", (0, 0))
            if a is None and post_of_para is not None and post_of_para[0] == sent.paragraph:
                # "RT @SDFpress: ... 46 were killed.": the post's account, sentence by sentence
                a = attr.Attribution(post_of_para[1], "", False, sent.start, sent.end,
                                     "attribution:post_author", (0, 0))
            if a is None and claims and INCLUDED_START.match(stext) and \
                    claims[-1].sentence == si - 1 and sentences[si - 1].paragraph == sent.paragraph:
                # "They included 84 militants ...": the breakdown of the figure before, from
                # the same source
                a = attr.Attribution(claims[-1].attributed_to, "", False, sent.start, sent.end,
                                     "attribution:continued_breakdown", (0, 0))
            if a is None and prev_quote is not None and (
                    prev_quote[0] == sent.paragraph or (prev_quote[0] == sent.paragraph - 1 and
                                                        self._quote_paragraph(si))) and \
                    re.match(r"\s*[\"“«]", stext):
                # '... said Hala M. "We have heard nothing since."': the same speaker goes on
                a = attr.Attribution(prev_quote[1], "", True, sent.start, sent.end,
                                     "attribution:continued_quote", (0, 0))
            if a is not None and has_arabic(a.speaker):
                a = dc_replace(a, speaker=self._surface_name(a.speaker, a.speaker_span[0]))
            if a is not None and _BODY_ANAPHOR.fullmatch(a.speaker):
                # "The channel said ...": the channel named before
                head = a.speaker.split()[-1].lower()
                prior = next((x[0] for x in reversed(self._raw_sources) if x[2][0] < sent.start
                              and head in f"{x[0]} {x[1]} {x[3]}".lower()), None)
                if prior:
                    a = dc_replace(a, speaker=prior)
            if si in runs and a is None:
                # a quotation over several sentences: its speaker is named at one end, or is
                # the one quoted just before in the paragraph ('"They went door to door."')
                q_first, q_last = runs[si]
                found = attr.run_speaker(norm, [(sentences[k].start, sentences[k].end)
                                                for k in (q_first, q_last)], self.lex,
                                         refer_to)
                if found is None and prev_quote is not None and (
                        prev_quote[0] == sent.paragraph or (
                            prev_quote[0] == sent.paragraph - 1 and self._quote_paragraph(si))):
                    # (a paragraph that is only a quotation goes on with the speaker just quoted)
                    found = attr.Attribution(prev_quote[1], "", True, sent.start, sent.end,
                                             "attribution:continued_quote", (0, 0))
                lead = q_first - 1
                if found is None and lead >= 0 and lead in said_by and \
                        sentences[lead].paragraph >= sentences[q_first].paragraph - 1:
                    # a testimony quoted at length after its narrator is introduced ("تروي سلمى
                    # (اسم مستعار) كيف ...", "Umm Khaled told us:"): the narrator speaks it
                    found = attr.Attribution(said_by[lead], "", True, sent.start, sent.end,
                                             "attribution:lead_in", (0, 0))
                if found is not None:
                    a = attr.Attribution(found.speaker, found.description, True, sent.start,
                                         sent.end, "attribution:quote_run",
                                         found.speaker_span)
                    if has_arabic(a.speaker):  # as the text spells it, like the others
                        a = dc_replace(a, speaker=self._surface_name(a.speaker,
                                                                     a.speaker_span[0]))
            if a is not None and refer_to and refer_to != author and _AR_PERSON_DESC.match(normalize_arabic(a.speaker)):
                # "تقول السيدة، التي طلبت ...", "يقول الرجل الستيني": the person introduced
                a = dc_replace(a, speaker=self._surface_name(refer_to, sent.start)
                               if has_arabic(refer_to) else refer_to,
                               description=", ".join(x for x in (a.speaker, a.description) if x))
            if a is None and colon_lead is not None and \
                    colon_lead[0] < sent.paragraph <= colon_lead[0] + 1:
                # the paragraph after "He described his arrest:" is his account, quoted as a
                # block without quotation marks
                a = attr.Attribution(colon_lead[1], "", True, sent.start, sent.end,
                                     "attribution:lead_in", (0, 0))
            elif a is None and narrator is not None and author_rule != "header:handle" and \
                    narrator[0] >= sent.paragraph - 1 and _FIRST_PERSON_ONE.search(stext):
                # "M.A., a teacher, described his arrest. They beat me ...": the narrator just
                # introduced speaks the first-person sentences that follow
                a = attr.Attribution(narrator[1], "", False, sent.start, sent.end,
                                     "attribution:narrator", (0, 0))
            if a is not None and not attr.plausible_speaker(a.speaker):
                # every path that names a claim's speaker passes the same test as the sources
                # list ("(a pseudonym)", "بتصريح" are no speakers): the next candidate instead
                a = self._plausible_fallback(a, sent, last_speaker, last_speaker_si)
            cues = list(hedge_by_sent.get(si, []))
            if a is not None:
                speaker, rule = a.speaker, a.rule
                if rule.split(":")[-1].lower() in self.lex.doubting_verbs and \
                        not _CLAIMED_RESPONSIBILITY.search(stext):  # an admission, not doubt
                    cues.append(rule.split(":")[-1])
                if a.speaker_span[1] > a.speaker_span[0]:
                    speaker_spans[si] = a.speaker_span
                if not _PRONOUN_SPEAKER.match(speaker):
                    last_speaker, last_speaker_si = speaker, si
                    self._add_sources(speaker, a.description, a.speaker_span, rule)
                named = last_speaker if _PRONOUN_SPEAKER.match(speaker) else speaker
                if named and named != author:
                    said_by[si] = named
                    if _PERSON_SPEAKER.search(a.rule) and not attr.first_person(named):
                        narrator = (sent.paragraph, named)
                    if stext.rstrip().endswith(":") and \
                            not rule.startswith("attribution:lead_in"):
                        colon_lead = (sent.paragraph, named)
                c_start, c_end, quoted = a.text_start, a.text_end, a.quoted
            else:
                speaker, rule = author, "attribution:" + author_rule
                c_start, c_end, quoted = sent.start, sent.end, False
            if a is not None and a.quoted:
                prev_quote = (sent.paragraph, a.speaker if not re.fullmatch(
                    r"he|she|they|it|we|i", a.speaker, re.I) else last_speaker)
            words = len(stext.split())
            # a quoted sentence may be short ('"We left everything."')
            is_claim = (words >= 4 or (words >= 3 and a is not None and a.quoted)) and \
                not stext.rstrip().endswith(("?", "\u061f"))
            if not is_claim:
                continue
            parts = attr.clause_attributions(norm, sent.start, sent.end, self.lex, last_speaker,
                                             self._clause_cache) \
                if a is not None and not a.quoted else None
            if parts:
                # "X blamed A, while Y said B": one claim per clause, each with its source
                claim_of_sent[si] = len(claims)
                for k_start, k_end, ka in parts:
                    if has_arabic(ka.speaker):  # as the text spells it, like the others
                        ka = dc_replace(ka, speaker=self._surface_name(ka.speaker,
                                                                       ka.speaker_span[0]))
                    k_cues = attr.hedge_cues(norm, k_start, k_end, self.lex)
                    verb = ka.rule.split(":")[-1].lower()
                    if verb in self.lex.doubting_verbs and \
                            not _CLAIMED_RESPONSIBILITY.search(norm, k_start, k_end):
                        k_cues.append(verb)
                    if ka.speaker != speaker:
                        self._add_sources(ka.speaker, ka.description, ka.speaker_span, ka.rule)
                    text_end = k_end - (len(norm[k_start:k_end]) -
                                        len(norm[k_start:k_end].rstrip(" ,;")))
                    claims.append(Claim(p.surface(k_start, text_end), p.span(k_start, text_end),
                                        ka.speaker, bool(k_cues), k_cues, False, ka.rule, si))
                continue
            claim = Claim(p.surface(c_start, c_end), p.span(c_start, c_end), speaker, bool(cues),
                          cues, quoted, rule, si)
            claim_of_sent[si] = len(claims)
            claims.append(claim)
        self.claim_of_sent = claim_of_sent
        self.claims = claims
        self.disclaimer_sents = disclaimer_sents
        self.figs_by_sent = figs_by_sent
        self.speaker_spans = speaker_spans

    def _add_sources(self, name: str, desc: str, span: tuple[int, int], rule: str) -> None:
        """A claim's speaker as sources: "Human Rights Watch and Amnesty International said",
        "أفاد الدفاع المدني والمرصد السوري" are two (the claim keeps the whole phrase)."""
        parts = attr.coordinated_speakers(name, self.lex, desc)
        if len(parts) < 2:
            self._raw_sources.append((name, desc, span, rule))
            return
        if re.match(r"(?:\w+\s+)?other\s", parts[1][0]):
            # "Samira and two other former residents": she is one of them
            desc = ", ".join(x for x in (desc, parts[1][0]) if x)
        for part, offset in parts:
            if _BODY_ANAPHOR.fullmatch(part) or _PART_ANAPHOR.fullmatch(part):
                # "Residents and the group say": the group named before
                head = part.split()[-1].lower()
                part = next((x[0] for x in reversed(self._raw_sources) if x[2][0] < span[0]
                             and head in f"{x[0]} {x[1]}".lower()), "")
                if part:
                    self._raw_sources.append((part, "", (0, 0), rule))
                continue
            at = span[0] + offset
            self._raw_sources.append((part, desc, (at, at + len(part)) if span[1] > span[0]
                                      else (0, 0), rule))

    def _plausible_fallback(self, a: attr.Attribution, sent: Sentence, last_speaker: str,
                            last_speaker_si: int) -> attr.Attribution | None:
        """The speaker to use when the one read fails ``plausible_speaker``: the name right
        before it ('"Umm Yasser" (a pseudonym) said'), else for a quotation the last speaker of
        the same paragraph (it goes on), else none: the claim goes to the author (a verb whose
        "subject" is no speaker was likely no reporting verb: "ما في أي ذكر للقتلى")."""
        if a.speaker_span[1] > a.speaker_span[0]:
            named = attr.name_before(self.norm, a.speaker_span[0], sent.start)
            if named is not None:
                return dc_replace(a, speaker=self._surface_name(named, a.speaker_span[0])
                                  if has_arabic(named) else named)
        if a.quoted and last_speaker and 0 <= last_speaker_si < sent.index and \
                self.sentences[last_speaker_si].paragraph == sent.paragraph and \
                attr.plausible_speaker(last_speaker):
            return dc_replace(a, speaker=last_speaker, speaker_span=(0, 0))
        return None

    def _disclaimers(self) -> None:
        """Disclaimers ("could not be independently verified") cover the claims they refer to."""
        p, r = self.p, self.r
        sentences = self.sentences
        author = self.author
        claim_of_sent = self.claim_of_sent
        claims = self.claims
        disclaimer_sents = self.disclaimer_sents
        numbers = self.numbers
        # disclaimers cover the figures / the statement they follow
        for si in claim_of_sent:
            sn = sentences[si]
            if si not in disclaimer_sents:
                continue
            figure_words = re.search(r"figure|toll|number|casualt|death|estimate|حصيل|عدد|اعداد|"
                                     r"ارقام|الأرقام|تقدير", sn.text, re.I)
            if THAT_FIGURE.search(sn.text) and any(
                    sn.start <= n.start < sn.end for n in numbers):
                continue  # "... more than 200 dead; HRW could not verify that figure": its own
            cue = "disclaimer: " + p.surface(sn.start, sn.end)[:80]
            if self._names_whose_accounts(sn.text, si):
                continue  # "the residents' accounts": theirs only (``_disclaim_accounts``)
            if _OWN_CLAUSE_DISCLAIMER.search(sn.text):
                continue  # "..., which Reuters could not verify": its own clause only
            # a disclaimer standing as its own paragraph ("Al Jazeera could not verify these
            # figures and accounts.") looks further back; naming accounts, it covers them too
            alone = (si == 0 or sentences[si - 1].paragraph != sn.paragraph) and (
                si + 1 >= len(sentences) or sentences[si + 1].paragraph != sn.paragraph)
            accounts = alone and disclaimer_names_accounts(sn.text)
            # "AFP could not independently verify the tolls." closing a report: all its tolls
            # ("ولم يتسن للجزيرة نت التحقق ... من أعداد الضحايا": the counts of victims, all)
            closing = sn.paragraph == sentences[-1].paragraph and (
                disclaimer_names_all_figures(sn.text) or bool(_VICTIM_COUNTS.search(sn.text)))
            # "either figure": two figures, wherever they were given
            either = bool(EITHER_FIGURE.search(sn.text))
            n_covered = 0
            reach = 14 if (alone and (figure_words or accounts)) or closing or either else 6
            covered_here = False
            for prev in range(si - 1, max(-1, si - reach), -1):
                if prev not in claim_of_sent:
                    continue
                if covered_here and sentences[prev].paragraph != sn.paragraph and not closing \
                        and not (either and n_covered < 2):
                    break  # the figures of its own paragraph are the ones it doubts
                if figure_words is None and not accounts and \
                        sentences[prev].paragraph < sn.paragraph - 1:
                    continue  # a general disclaimer covers what is right before it
                pc = claims[claim_of_sent[prev]]
                with_figure = any(n for n in numbers
                                  if sentences[prev].start <= n.start < sentences[prev].end)
                # a general disclaimer covers the claim before it; "could not verify the
                # accounts it gathered" (a paragraph of its own) the accounts, not the figures;
                # "these figures and accounts" both
                covers = not (accounts and with_figure) if figure_words is None \
                    else with_figure or accounts
                if covers:
                    covered_here = covered_here or sentences[prev].paragraph == sn.paragraph
                    n_covered += with_figure
                    if not pc.hedged:
                        pc.hedged = True
                        pc.hedge_cues.append(cue)
                    if figure_words is None and not accounts:
                        break
        self._disclaim_accounts(claims, disclaimer_sents, claim_of_sent, author)
        self._first_person_claims(claims, author)
        self._channel_first_person(claims, author)
        r.claims = claims

    def _figures(self) -> None:
        """Figures: casualty counts and other numbers, each with its claim's source and doubt."""
        norm, p, r = self.norm, self.p, self.r
        sentences = self.sentences
        author = self.author
        claim_of_sent = self.claim_of_sent
        claims = self.claims
        figs_by_sent = self.figs_by_sent
        numbers = self.numbers
        viol_by_sent = self.viol_by_sent
        # figures
        last_casualty: tuple[int, int, str] | None = None
        subset_from: tuple[int, int] | None = None
        subset_prev: tuple[int, int] | None = None  # the sentence and end of the last subset
        # "- Government forces: 51 civilians" under "The toll was as follows:": what the
        # header counts, for each item sentence of its list
        list_what: dict[int, str] = {}
        for x in sentences:
            head_what = list_header_what(x.text)
            if head_what is None and x.index - 1 in list_what and (is_list_item(x.text) or (
                    "\n" not in norm[sentences[x.index - 1].start:x.start])):
                # (an item may run on for a sentence on its own line: "- Government forces:
                # 12 civilians. Two of them died under torture.\n- SDF: 9 civilians")
                head_what = list_what[x.index - 1]
            if head_what is not None:
                list_what[x.index] = head_what
        for n in numbers:
            si = self.sent_of(n.start)
            sn = sentences[si]
            group, what, rule = classify(norm, n.start, n.end, sn.start, sn.end)
            if rule in ("skip:no_noun", "other:plural_noun") and is_list_item(sn.text) and \
                    si in list_what and list_count_first(sn.text, n.start - sn.start):
                group, what, rule = "casualty", list_what[si], f"casualty:{list_what[si]}:list_item"
            if rule in ("skip:no_noun", "other:plural_noun") and last_casualty is not None and \
                    si - last_casualty[0] <= 2 and refers_to_previous_count(norm, n.start, sn.start):
                # "Another resident put the figure at 40": the same kind of count; "could not
                # establish how many people died. Residents put the figure at 30": what the
                # sentence before asks about
                asked = casualty_word(sentences[si - 1].text) if si > 0 and \
                    last_casualty[0] != si - 1 else None
                kind = asked or last_casualty[2]
                group, what, rule = "casualty", kind, f"casualty:{kind}:figure_of_previous"
            bracket = BRACKET_BREAKDOWN.fullmatch(norm, last_casualty[1], n.start) \
                if last_casualty is not None and last_casualty[0] == si and group != "other" and \
                rule != "skip:age_or_time" and n.start - last_casualty[1] < 120 else None
            if bracket is not None and last_casualty is not None and not BRACKET_PLACE.search(
                    norm, bracket.end("open"), n.start) and not any(
                    rx.search(norm, bracket.end("open"), n.start) for _w, rx in CASUALTY_AFTER):
                # "killed 29 health workers (12 doctors, nine nurses and eight ambulance staff)
                # and injured 46 others": a breakdown in brackets counts the count before it
                group, what, rule = "casualty", last_casualty[2], \
                    f"casualty:{last_casualty[2]}:subset_of_previous"
            if last_casualty is not None and last_casualty[0] == si and \
                    SUBSET_BEFORE.search(norm[max(0, n.start - 20):n.start]) and \
                    rule != "skip:age_or_time" and not rule.endswith(":participle_after") and not (
                        rule == "other:fighters" and last_casualty[2] == "displaced"):
                # (but "35,000 people, among them some 4,000 fighters, were evacuated": the
                # fighters who leave under a deal are fighters, not displaced civilians)
                # "37 killed, among them 4 women": the subset counts the same thing
                group, what, rule = "casualty", last_casualty[2], \
                    f"casualty:{last_casualty[2]}:subset_of_previous"
            if group != "casualty" and rule in ("skip:no_noun", "other:fighters",
                                                "other:plural_noun") and \
                    last_casualty is not None and (
                        (last_casualty[0] == si - 1 and INCLUDED_START.match(sn.text)) or
                        (last_casualty[0] == si and subset_from is not None and
                         subset_from[0] == si and n.start > subset_from[1])):
                # "... 136 people had been killed. They included 84 militants, 45 guards and
                # seven civilians": parts of the count before
                group, what, rule = "casualty", last_casualty[2], \
                    f"casualty:{last_casualty[2]}:subset_of_previous"
            if rule in ("skip:no_noun", "other:fighters") and last_casualty is not None and \
                    last_casualty[0] == si and n.start - last_casualty[1] < 60 and \
                    COORDINATED_NEXT.fullmatch(norm, last_casualty[1], n.start):
                # "مقتل ٧ عناصر من قوات النظام و٤ من الفصائل": one verb, two counts
                group, what, rule = "casualty", last_casualty[2], \
                    f"casualty:{last_casualty[2]}:coordinated"
            if rule == "skip:partitive" and last_casualty is not None and (
                    last_casualty[0] == si or (si - last_casualty[0] <= 2 and
                                               not norm[sn.start:n.start].strip() and (
                        last_casualty[0] == si - 1 or not any(
                            sentences[si - 1].start <= m.start < sentences[si - 1].end
                            for m in numbers)))):
                # (also "we recorded 143 kidnappings. Seventeen of them were in Jasim alone")
                # "wounding 21, two of them critically": a part of the count before it
                group, what, rule = "casualty", last_casualty[2], \
                    f"casualty:{last_casualty[2]}:partitive_of_previous"
            if not group and rule == "skip:no_noun" and last_casualty is not None and \
                    last_casualty[0] == si and \
                    n.start - last_casualty[1] < 120 and SUBSET_LINK.search(
                        norm[last_casualty[1]:n.start]):
                # "212 civilians, including 31 children and 22 women": the same count
                group, what, rule = "casualty", last_casualty[2], \
                    f"casualty:{last_casualty[2]}:subset_of_previous"
            if subset_prev is not None and subset_prev[0] == si and last_casualty is not None \
                    and last_casualty[0] == si and what != last_casualty[2] and \
                    BREAKDOWN_NEXT.fullmatch(norm, subset_prev[1], n.start) and \
                    not any(rx.search(norm, subset_prev[1], n.start) for _w, rx in CASUALTY_AFTER) \
                    and not OWN_WORD_AFTER.match(norm, n.end, n.end + 30):
                # "قتل 11، بينهم أربعة أطفال وامرأتان، وأصيب 30": the women are of the dead
                group, what, rule = "casualty", last_casualty[2], \
                    f"casualty:{last_casualty[2]}:subset_of_previous"
            gapped = GAPPED_BETWEEN.fullmatch(norm, last_casualty[1], n.start) \
                if not group and rule == "skip:no_noun" and last_casualty is not None and \
                last_casualty[0] == si and n.start - last_casualty[1] < 100 else None
            if gapped is not None and last_casualty is not None and \
                    GAPPED_TAIL.match(norm, n.end, min(sn.end, n.end + 40)) and \
                    not any(rx.search(norm, gapped.start("rest"), n.start)
                            for _w, rx in CASUALTY_AFTER):
                # "followed by Hama with 14", "the SDF for 22": a part of a breakdown whose
                # noun was said once
                group, what, rule = "casualty", last_casualty[2], \
                    f"casualty:{last_casualty[2]}:gapped"
            if not group:
                continue
            if group == "casualty" and "subset" in rule:
                subset_prev = (si, n.end)
            if group == "casualty":
                if ("subset" in rule or SUBSET_BEFORE.search(norm[max(0, n.start - 20):n.start])
                        or INCLUDED_START.match(sn.text)) and \
                        (subset_from is None or subset_from[0] != si):
                    subset_from = (si, n.start)  # a breakdown runs to the sentence's end
                if "subset" not in rule:
                    last_casualty = (si, n.end, what)
            if isinstance(n.value, int) and 1900 <= n.value <= 2100 and group == "casualty" and \
                    re.fullmatch(r"\d{4}", norm[n.start:n.end]) and rule.endswith("verb_before"):
                continue  # a year after a verb ("killed in 2013" is caught as a date)
            if group == "casualty" and is_definite_repeat(norm, n.start) and any(
                    f.value == n.value and f.what == what for f in r.casualty_figures):
                continue  # "The four men, three of them brothers, ...": counted already
            cidx = claim_of_sent.get(si)
            claim_obj = claims[cidx] if cidx is not None else None
            if cidx is not None:
                # a sentence of several clauses has a claim per clause: the figure's is the one
                # whose span holds it (its source and its doubt)
                at = p.span(n.start, n.end)[0]
                k = cidx
                while k < len(claims) and claims[k].sentence == si:
                    if claims[k].span[0] <= at < claims[k].span[1]:
                        claim_obj = claims[k]
                        break
                    k += 1
            source = claim_obj.attributed_to if claim_obj else author
            own = attr.clause_speaker(norm, sn.start, sn.end, n.start, self.lex,
                                      cache=self._clause_cache) \
                if group == "casualty" and CLAUSE_HINT.search(sn.text) else None
            if own is not None and not re.fullmatch(r"he|she|it|they|we|i", own.speaker, re.I):
                # "SOHR said 11 were killed, while the ministry put the toll at 8"
                source = self._surface_name(own.speaker, own.speaker_span[0]) \
                    if has_arabic(own.speaker) else own.speaker
                self._raw_sources.append((own.speaker, own.description, own.speaker_span,
                                          own.rule))
            hedged = claim_obj.hedged if claim_obj else False
            if hedged and claim_obj is not None and CLAUSE_HINT.search(sn.text) and not any(
                    c.startswith("disclaimer") for c in claim_obj.hedge_cues) and \
                    not attr.is_disclaimer(norm, sn.start, sn.end, self.lex):
                # "X said 11 were killed, while the ministry claimed only 3 had died": the
                # doubt of one clause is not the other's
                cs, ce = clause_bounds(norm, sn.start, sn.end, n.start)
                hedged = bool(attr.hedge_cues(norm, cs, ce, self.lex))
            fig = Figure(n.value, n.qualifier, what, source,
                         hedged, p.span(n.start, n.end),
                         p.surface(n.start, n.end),
                         f"{n.rule};{rule}" + (";subset" if SUBSET_BEFORE.search(
                             norm[max(0, n.start - 20):n.start]) else ""), si)
            if group == "casualty":
                r.casualty_figures.append(fig)
                figs_by_sent.setdefault(si, []).append(fig)
            else:
                r.other_figures.append(fig)

        for f in r.casualty_figures:
            # "took my two brothers. We never saw them again": taken, then never heard of
            nxt = f.sentence + 1
            stext = sentences[f.sentence].text
            at = stext.find(f.surface)
            if f.what == "detained" and at >= 0 and HOSTAGE_AFTER.match(stext,
                                                                      at + len(f.surface)):
                f.what = "missing"
                f.rule += ";missing:hostages"
                continue
            if f.what == "detained" and (NEVER_SEEN_AGAIN.search(stext) or (
                    nxt < len(sentences) and sentences[nxt].paragraph ==
                    sentences[f.sentence].paragraph and
                    NEVER_SEEN_AGAIN.search(sentences[nxt].text))):
                f.what = "missing"
                f.rule += ";missing:never_seen_again"
        # the title lines at the top (a page name, a kicker, the headline: no full stop)
        titles = set()
        for x in sentences[:4]:
            # a sentence that ends in a colon introduces the body's list ("..., as follows:")
            if re.search(r"[.!?\u061f:]\W*$", x.text):
                break
            titles.add(x.index)
        if titles:
            # A headline repeats a figure of the body ("SOHR: 17 people killed ..."): the body's
            # mention, with its source, is the one kept.
            body = {(f.value, f.what) for f in r.casualty_figures if f.sentence not in titles}
            dropped = [f for f in r.casualty_figures if f.sentence in titles and
                       (f.value, f.what) in body]
            if dropped:
                r.casualty_figures = [f for f in r.casualty_figures if f not in dropped]
                for t in titles:
                    figs_by_sent[t] = [f for f in figs_by_sent.get(t, []) if f not in dropped]
            # the same for other figures ("... kidnappers ask 300 million pounds" over a body that
            # gives the ransom again)
            body_other = {(f.value, f.what) for f in r.other_figures if f.sentence not in titles}
            r.other_figures = [f for f in r.other_figures if f.sentence not in titles or
                               (f.value, f.what) not in body_other]
        # The guide: each distinct figure once. A toll told again further on ("استشهد ثلاثة
        # مدنيين وأصيب ١٢ ..." then "وذكر مصدر ... ما أدى إلى استشهاد ثلاثة مدنيين وإصابة ١٢"), or a
        # large count a flash update gives in its highlights and again in its body, is one
        # figure: the first mention is kept. Two or more figures of a sentence that repeat one
        # earlier sentence (three sentences back at most) are a repeat; so is a count of 100
        # or more given before with the same meaning. (Small single counts, "2 killed", often
        # are distinct events and stay.)
        repeats = repeated_figures([(f.sentence, f.value, f.what) for f in r.casualty_figures],
                                   frozenset(k for k, f in enumerate(r.casualty_figures)
                                             if ";field:" in f.rule))
        if repeats:
            dropped_ids = {id(r.casualty_figures[k]) for k in repeats}
            r.casualty_figures = [f for f in r.casualty_figures if id(f) not in dropped_ids]
            for si_ in list(figs_by_sent):
                figs_by_sent[si_] = [f for f in figs_by_sent[si_] if id(f) not in dropped_ids]
        field_other = {(f.value, f.what): f.sentence for f in reversed(r.other_figures)
                       if ";field:" in f.rule}
        if field_other:
            # "- Attacks on health care verified: 27" then "WHO verified 27 attacks": the body
            # repeats the list's count of the same thing
            r.other_figures = [f for f in r.other_figures if ";field:" in f.rule or not (
                field_other.get((f.value, f.what), f.sentence) < f.sentence)]
        event_sents = {si for si in viol_by_sent if si in claim_of_sent} | {
            si for si in figs_by_sent if si in claim_of_sent}
        self.event_sents = event_sents

    def _dates(self) -> None:
        """Dates with roles; the dates of reported events."""
        norm, p, r = self.norm, self.p, self.r
        sentences = self.sentences
        dates = self.dates
        denied_sents = self.denied_sents
        event_sents = self.event_sents
        # a report's lead sentence (its first real sentence) dates and places what follows
        lead = next((x.index for x in sentences if len(x.text.split()) >= 8 and
                     re.search(r"[.!?\u061f][\"'”»)]*$", x.text)), None)
        # dates with roles
        prev: tuple[int, str] | None = None  # (end, role) of the date before
        # "* August 2022: 11 strikes. A strike on 18 August killed ...": a date that labels a
        # count in a list item dates events when its item tells of them (or the next sentence
        # of its line does)
        label_sents: set[int] = set()
        for d in dates:
            if labels_count(norm, d.start, d.end):
                si = self.sent_of(d.start)
                if si in event_sents or (si + 1 in event_sents and "\n" not in norm[
                        d.end:sentences[si + 1].start]):
                    label_sents.add(si)
        # "Date: 14 May 2019 / Location: ... / Narrative: ... killed": an incident record's date
        # dates the events its record tells (until the next record's date)
        records = [d for d in dates if record_date(norm, d.start)]
        for k, d in enumerate(records):
            end = min(records[k + 1].start if k + 1 < len(records) else len(norm), d.end + 3000)
            si = self.sent_of(d.start)
            if any(d.end <= sentences[e].start < end for e in event_sents):
                label_sents.add(si)
        for d in dates:
            si = self.sent_of(d.start)
            role = date_role(norm, d, si)
            if prev is not None and prev[1] not in ("event", "dateline") and role == "event" and \
                    COORDINATED.fullmatch(norm, prev[0], d.start):
                # "reports published in 2022 and 2023": the second date shares the first's role
                role = prev[1]
            prev = (d.end, role)
            dm = DateMention(d.date, p.surface(d.start, d.end), p.span(d.start, d.end), role,
                             d.rule, si)
            r.all_dates.append(dm)
        narrative_sents = {si for si in {dm.sentence for dm in r.all_dates if dm.role == "event"}
                           if event_sents and is_narrative(sentences[si].text)}
        # "It was on 12 November 2011. Men from Air Force Intelligence took me ...": a sentence
        # that only gives the time dates the event told right beside it
        narrative_sents |= {
            si for si in {dm.sentence for dm in r.all_dates if dm.role == "event"}
            if ONLY_THE_TIME.match(sentences[si].text) and any(
                0 <= k < len(sentences) and sentences[k].paragraph == sentences[si].paragraph and (
                    k in event_sents or (event_sents and is_narrative(sentences[k].text)))
                for k in (si - 1, si + 1))}
        seen_dates: set[str] = set()
        for dm in r.all_dates:
            if dm.role == "event" and (dm.sentence in event_sents or dm.sentence in denied_sents
                                       or dm.sentence in narrative_sents
                                       or dm.sentence in label_sents
                                       or (dm.sentence == lead and event_sents) or (
                    event_sents and PERIOD_LABEL.search(
                        norm, max(0, self._norm_pos(dm.span[0]) - 40),
                        self._norm_pos(dm.span[0])))):
                # "Period covered: 8-14 February": a periodic report's events fall in it
                key = dm.date or dm.surface
                if key not in seen_dates:
                    seen_dates.add(key)
                    r.dates.append(dm)
        # "... صباح الثاني عشر من أيار ٢٠١٤. / في ذلك اليوم، ألقت مروحيات ...": an event sentence
        # with no date of its own that points back to "that day" dates its event by the last
        # day told in the three sentences before it
        dated = {dm.sentence for dm in r.all_dates}
        # (or one that sets the scene of the event sentence right after it: "On that day
        # helicopters dropped forty barrels. At least 18 civilians were killed.")
        setting = {k - 1 for k in event_sents if k > 0 and
                   sentences[k - 1].paragraph == sentences[k].paragraph}
        for si in sorted((event_sents | narrative_sents | setting) - dated):
            text = sentences[si].text
            m = THAT_DAY.search(text)
            if m is None or SINCE_BEFORE.search(text, max(0, m.start() - 8), m.start() + (
                    1 if text[m.start():m.start() + 1].isspace() else 0)):
                continue
            told = [dm for dm in r.all_dates if si - 3 <= dm.sentence < si and dm.role == "event"
                    and dm.date is not None and len(dm.date) == 10]
            if told and told[-1].date not in seen_dates:
                seen_dates.add(told[-1].date or "")
                r.dates.append(told[-1])
        self.lead = lead
        self.seen_dates = seen_dates

    def _places(self) -> None:
        """Places with roles; the scenes of reported events."""
        norm, p, r = self.norm, self.p, self.r
        sentences = self.sentences
        denied_sents = self.denied_sents
        event_sents = self.event_sents
        header_line_end = self.header_line_end
        lead = self.lead
        place_raw = self.place_raw
        resolved = self.resolved
        speaker_spans = self.speaker_spans
        # places with roles; a place in the sentence just before an event sentence of the same
        # paragraph sets its scene ("Armed men came to X. They broke into our house.")
        setting_sents = {si - k for si in event_sents for k in (1, 2) if si - k >= 0
                         and si - k not in event_sents
                         and sentences[si - k].paragraph == sentences[si].paragraph}
        setting_sents |= denied_sents - event_sents
        if lead is not None and event_sents and lead not in event_sents:
            setting_sents.add(lead)  # a report's lead sentence sets the scene of what follows
        places_by_id: dict[str, Place] = {}
        scene_by_sent: dict[int, list[str]] = {}
        prev_place_end = 0
        for k, (raw, (gp, why)) in enumerate(zip(place_raw, resolved, strict=True)):
            si = self.sent_of(raw.start)
            sn = sentences[si]
            surface = p.surface(raw.start, raw.end)
            last_pm = r.place_mentions[-1] if r.place_mentions else None
            role, why = place_role(
                norm, raw, gp, why, sn, surface, si in event_sents or si in setting_sents,
                bool(event_sents), speaker_spans.get(si),
                (last_pm.role, last_pm.sentence, prev_place_end) if last_pm else None)
            if role == "scene" and k + 1 < len(place_raw) and SUCH_AS_GAP.fullmatch(
                    norm, raw.end, place_raw[k + 1].start):
                role = "mentioned"
                why += "; not a scene of its own: it locates the places listed after it"
            # a quarter found only by its city ("حي X في Y") is named as the text names it
            canonical = surface if gp.id.startswith("quarter:") else latin_name(gp)
            r.place_mentions.append(PlaceMention(
                surface, p.span(raw.start, raw.end), role, gp.id, canonical, gp.lat, gp.lon,
                gp.admin1, gp.admin2, gp.country, gp.kind, len(raw.candidates),
                f"{why}; cue: {raw.cue}", si, gp.coordinates_of))
            prev_place_end = raw.end
            if role != "scene":
                continue
            scene_by_sent.setdefault(si, []).append(canonical)
            if gp.id in places_by_id:
                pl = places_by_id[gp.id]
                if surface not in pl.surface_forms:
                    pl.surface_forms.append(surface)
                pl.spans.append(p.span(raw.start, raw.end))
            else:
                places_by_id[gp.id] = Place(canonical, [surface], gp.lat, gp.lon, gp.admin1,
                                            gp.country, gp.id, gp.kind, why,
                                            [p.span(raw.start, raw.end)], gp.coordinates_of)
        if event_sents and header_line_end > 0 and self.author_rule == "header:testimony":
            # a testimony's header names where the witness lives: the scene of what they tell
            # (not a message's sender: "Sender: Hala, who lives in Tartus" tells of Baniyas)
            for pm in r.place_mentions:
                if pm.role == "mentioned" and self._norm_pos(pm.span[0]) < header_line_end and \
                        pm.place_id not in places_by_id:
                    pm.explanation += "; scene: the witness's home, named in the header"
                    pm.role = "scene"
                    places_by_id[pm.place_id] = Place(
                        pm.canonical, [pm.surface], pm.lat, pm.lon, pm.admin1, pm.country,
                        pm.place_id, pm.kind, pm.explanation, [pm.span], pm.coordinates_of)
        if event_sents and not places_by_id:
            # No place named in any event sentence: the one the sources speak from, or the only
            # places the document names, are the best reading of the scene; said so.
            for pm in r.place_mentions:
                if pm.place_id in places_by_id:
                    continue
                if "places share this name" in pm.explanation:
                    continue  # an ambiguous name stays unchosen
                if pm.role == "base" or (pm.role == "mentioned" and (pm.sentence == 0 or (
                        pm.sentence <= 3 and RESIDENT_BEFORE.search(
                            norm, max(0, self._norm_pos(pm.span[0]) - 40),
                            self._norm_pos(pm.span[0]))))):
                    # (or the teller's home, named as she is introduced: "الشاهدة من سكان حي
                    # التضامن")
                    pm.explanation += ("; scene by default: no place is named for the events; this "
                                       "one is where the source speaks from or the header names")
                    pm.role = "scene"
                    places_by_id[pm.place_id] = Place(
                        pm.canonical, [pm.surface], pm.lat, pm.lon, pm.admin1, pm.country,
                        pm.place_id, pm.kind, pm.explanation, [pm.span], pm.coordinates_of)
                    scene_by_sent.setdefault(pm.sentence, []).append(pm.canonical)
        # A quarter's city, named elsewhere in the text ("a resident of Sweida"), is a scene too.
        for k in city_of_quarters(r.place_mentions, set(places_by_id), self.gaz):
            pm = r.place_mentions[k]
            pm.explanation += "; scene: the city of a neighbourhood where the events happened"
            pm.role = "scene"
            places_by_id.setdefault(pm.place_id, Place(
                pm.canonical, [pm.surface], pm.lat, pm.lon, pm.admin1, pm.country, pm.place_id,
                pm.kind, pm.explanation, [pm.span], pm.coordinates_of))
        merged: dict[tuple[str, str], Place] = {}
        for pl in places_by_id.values():
            same = (pl.canonical, pl.admin1)
            if same in merged:  # governorate and district of the same name: one place to a reader
                first = merged[same]
                first.surface_forms += [f for f in pl.surface_forms if f not in first.surface_forms]
                first.spans += pl.spans
            else:
                merged[same] = pl
        r.places = list(merged.values())
        self.scene_by_sent = scene_by_sent
        self.setting_sents = setting_sents

    def _violations(self) -> None:
        """Violations asserted in claims."""
        r = self.r
        claim_of_sent = self.claim_of_sent
        viol_by_sent = self.viol_by_sent
        for si in sorted(viol_by_sent):
            if si not in claim_of_sent:
                continue
            for v in viol_by_sent[si]:
                r.violation_mentions.append(v)
                if v.type not in r.violations:
                    r.violations.append(v.type)

    def _perpetrators(self) -> None:
        """Perpetrators: the actors a claim says committed its violations."""
        norm, p, r = self.norm, self.p, self.r
        sentences = self.sentences
        actors = self.actors
        claim_of_sent = self.claim_of_sent
        claims = self.claims
        event_sents = self.event_sents
        viol_by_sent = self.viol_by_sent
        perps: dict[str, Perpetrator] = {}
        perp_by_sent: dict[int, list[str]] = {}
        sent_agents: dict[int, list[tuple[int, int, str, str, str]]] = {}
        actors_in_sent: dict[int, list[tuple[int, int, str, str, str]]] = {}
        for s, e, entry in actors:
            si = self.sent_of(s)
            kind = self.lex.actor_kinds.get(entry.label, "armed_group")
            r.actor_mentions.append(ActorMention(entry.label, p.surface(s, e), p.span(s, e), kind,
                                                 si, f"actors.yaml:{entry.pattern}"))
            actors_in_sent.setdefault(si, []).append((s, e, entry.label, kind, p.surface(s, e)))
            if si not in event_sents or si not in viol_by_sent:
                if viol_by_sent and si in claim_of_sent and kind == "foreign_force" and \
                        ATTACK_NOUN.search(norm, s, e) and STATE_STRUCK_AFTER.match(norm, e):
                    # "Israeli jets struck the defence ministry": a state's strike, its target
                    # no victim the violation lexicon names
                    sent_agents.setdefault(si, []).append((s, e, entry.label, kind,
                                                           p.surface(s, e)))
                continue
            if self._is_agent_at(s, e, sentences[si], viol_by_sent[si]):
                sent_agents.setdefault(si, []).append((s, e, entry.label, kind, p.surface(s, e)))
        # the described-actor pattern has no literal start: try it only in the sentences that
        # hold one of its link words (found for the whole text at once)
        hinted = {self.sent_of(m.start()) for m in UNKNOWN_HINT.finditer(norm)} \
            if event_sents else set()
        unknown_matches = [m for si in sorted(event_sents & set(viol_by_sent) & hinted)
                           for m in UNKNOWN_ACTOR.finditer(norm, sentences[si].start,
                                                           sentences[si].end)]
        for m in unknown_matches:
            si = self.sent_of(m.start())
            label = unknown_actor_label(m)
            if label and has_arabic(label):
                label = p.surface(m.start(), m.end())  # as the text spells it
            if not label or any(a_s <= m.start() and m.end() <= a_e for a_s, a_e, _ in actors):
                continue  # "Turkish-backed factions" is a registry name (SNA)
            if not self._is_agent_at(m.start(), m.end(), sentences[si], viol_by_sent[si]):
                continue
            sent_agents.setdefault(si, []).append((m.start(), m.end(), label, "unknown",
                                                   p.surface(m.start(), m.end())))
        if event_sents:
            mine_layers(norm, sentences, actors_in_sent, claim_of_sent, sent_agents)
        if any(v.type in ("arbitrary_detention", "torture", "enforced_disappearance")
               for vs in viol_by_sent.values() for v in vs):
            detaining_branches(norm, sentences, self.lex, actors_in_sent, claim_of_sent,
                               sent_agents)
        # "by X and Y", "على يد X وY": an actor joined to an agent is an agent too
        for si, acts in actors_in_sent.items():
            agents = sent_agents.get(si, [])
            for a_prev, a_cur in itertools.pairwise(sorted(acts)):
                if any(a[0] == a_prev[0] for a in agents) and \
                        not any(a[0] == a_cur[0] for a in agents) and \
                        (JOINED.fullmatch(norm, a_prev[1], a_cur[0]) or
                         ALIAS_IN_PARENS.fullmatch(norm, a_prev[1], a_cur[0]) or
                         # "مسلحون من فلول النظام", "gunmen of the Hamza Division": the body the
                         # unnamed agents are from
                         (a_prev[3] == "generic" and a_cur[3] != "generic" and
                          MEMBER_LINK.fullmatch(norm, a_prev[1], a_cur[0]))):
                    agents.append(a_cur)
            # "X shot them, assisted by members of Y": the helper of an agent told before it
            for a_cur in sorted(acts):
                if a_cur[3] != "person" and not any(a[0] == a_cur[0] for a in agents) and any(
                        a[1] <= a_cur[0] and a[3] != "generic" for a in agents) and \
                        HELPED_BY_BEFORE.search(norm, max(sentences[si].start, a_cur[0] - 90),
                                                a_cur[0]):
                    agents.append(a_cur)
            if agents:
                sent_agents[si] = agents
        # "perpetrators reportedly included members of security forces": named as perpetrators.
        for si, acts in actors_in_sent.items():
            if si in sent_agents or si not in claim_of_sent:
                continue
            named: list[tuple[int, int, str, str, str]] = []
            m_perp = PERPETRATOR_WORD.search(sentences[si].text)
            if m_perp:
                # the actors named after the word, up to where its object ends ("blamed X for
                # the ambush, in which 16 security personnel were killed": X only)
                obj_start = sentences[si].start + m_perp.end()
                obj_end = OBJECT_END.search(norm, obj_start + 1, sentences[si].end)
                stop = obj_end.start() if obj_end else sentences[si].end
                named += [a for a in acts if sentences[si].start + m_perp.start() <= a[0] < stop
                          and not (AR_ACCUSES.fullmatch(m_perp.group(0)) and
                                   a[0] - obj_start <= 2)]
                # ("اتهمت قوات سوريا الديمقراطية الفصائل ...": the actor right after the verb
                # is its subject, the accuser; the accused comes second)
                if BLAMED_ON.match(m_perp.group(0)):
                    # "blamed most of the deaths on X, and 211 on Y": each "on" names one (a
                    # described actor from its first word: "on fighters loyal to X")
                    starts = {a[0]: a[0] for a in acts}
                    for m in UNKNOWN_ACTOR.finditer(norm, stop, sentences[si].end):
                        starts.update({a[0]: m.start() for a in acts
                                       if m.start() <= a[0] and a[1] <= m.end()})
                    named += [a for a in acts if a[0] >= stop and a not in named and
                              ON_BEFORE.search(norm, max(obj_start, starts[a[0]] - 12),
                                                starts[a[0]])]
            m_comm = COMMITTED.search(sentences[si].text)
            if m_comm:
                # "..., while investigators said pro-government militias were responsible"
                clause = CLAUSE_START.search(norm, sentences[si].start,
                                              sentences[si].start + m_comm.start())
                since = clause.end() if clause else sentences[si].start
                if not DENIAL.search(norm, since, sentences[si].start + m_comm.start()):
                    # "The ministry denies that its forces carried out any killings": no admission
                    # (not the speaker: "a spokesperson for the Ministry told MEE that outlaw
                    # groups were responsible")
                    named += [a for a in acts if since <= a[0] and
                              a[1] <= sentences[si].start + m_comm.start() and a not in named
                              and not SPEECH_BETWEEN.search(
                                  norm, a[1], sentences[si].start + m_comm.start())]
                    if named:
                        # "X were responsible for 91 of the cases, the SDF for 64, HTS for 27",
                        # "... مسؤولة عن اختفاء ٩٦٣٢١ شخصاً، تليها داعش بـ ٨٦٨٤": each later
                        # party given its own share of the toll
                        named += [a for a in acts if a[0] >= sentences[si].start + m_comm.end()
                                  and a not in named and TALLY_SHARE_AFTER.match(norm, a[1])]
            if named:
                # "the factions backed by the Turkish occupation committed violations": the
                # described group is named, not its patron
                for m in UNKNOWN_ACTOR.finditer(norm, sentences[si].start, sentences[si].end):
                    inner = [a for a in named if m.start() <= a[0] and a[1] <= m.end()]
                    label = unknown_actor_label(m)
                    if inner and label:
                        named = [a for a in named if a not in inner]
                        if has_arabic(label):
                            label = p.surface(m.start(), m.end())
                        named.append((m.start(), m.end(), label, "unknown",
                                      p.surface(m.start(), m.end())))
                sent_agents[si] = named
        breakdown_agents(self.norm, sentences, actors_in_sent, claim_of_sent, sent_agents)
        # a testimony's chain of "they": "Yesterday they came into the neighbourhood, armed men,
        # many. They went house by house. They took Samer." Each pronoun sentence that names no
        # one refers to the unnamed men of the last sentence that named some, two or three
        # sentences back in the same paragraph, when every sentence between is a pronoun one.
        for si in sorted(event_sents & set(viol_by_sent)):
            if si in sent_agents or si in actors_in_sent or si - 1 in actors_in_sent or \
                    not PRONOUN_SUBJECT.match(sentences[si].text):
                continue
            for k in range(si - 2, max(-1, si - 4), -1):
                if sentences[k].paragraph != sentences[si].paragraph or \
                        not PRONOUN_SUBJECT.match(sentences[k + 1].text):
                    break
                if k in actors_in_sent:
                    unnamed = [a for a in actors_in_sent[k] if a[3] in ("generic", "unknown")]
                    if unnamed and len(unnamed) == len(actors_in_sent[k]):
                        sent_agents[si] = unnamed
                    break
        # "They broke into our house": the actors of the sentence before, same paragraph.
        for si in sorted(event_sents & set(viol_by_sent)):
            if si in sent_agents or si - 1 not in actors_in_sent:
                continue
            if sentences[si - 1].paragraph != sentences[si].paragraph:
                if si not in actors_in_sent and \
                        sentences[si - 1].paragraph == sentences[si].paragraph - 1 and \
                        DEFINITE_ATTACK.search(sentences[si].text):
                    # "Israeli warplanes struck ...\n\nThe ministry said three people were
                    # killed in the Damascus strikes.": the attack of the lead paragraph
                    attackers = [a for a in actors_in_sent[si - 1] if ATTACK_NOUN.search(a[4])
                                 or ATTACK_VERB_AFTER.match(norm[a[1]:])]
                    if attackers:
                        sent_agents[si] = attackers
                continue
            if si not in actors_in_sent and (PRONOUN_SUBJECT.match(sentences[si].text) or
                                             FRONTED_PRONOUN.match(sentences[si].text)):
                sent_agents[si] = list(actors_in_sent[si - 1])
            elif not AGENT_BEFORE.search(sentences[si].text):
                # "Israeli air strikes hit the ministry. Three people were killed.": the agent
                # of the attack told just before, when this sentence names no one
                attackers = [a for a in actors_in_sent[si - 1]
                             if ATTACK_NOUN.search(a[4]) or ATTACK_VERB_AFTER.match(norm[a[1]:])]
                if attackers:
                    sent_agents[si] = attackers
        # "The Hamza Division entered the village. The militia then executed six men.": a
        # definite description or possessive subject ("the group", "its fighters", "عناصرها")
        # in a sentence that names no other agent is the one group named just before
        for si in sorted(event_sents & set(viol_by_sent)):
            if si in sent_agents or si - 1 not in actors_in_sent or \
                    sentences[si - 1].paragraph != sentences[si].paragraph or \
                    any(a[3] != "generic" for a in actors_in_sent.get(si, ())) or \
                    not GROUP_ANAPHOR.match(norm, sentences[si].start, sentences[si].end):
                continue
            prev_named = [a for a in actors_in_sent[si - 1] if a[3] not in (
                "generic", "unknown", "person") and a[2] != LABEL_ACTOR]
            if len({a[2] for a in prev_named}) == 1:
                sent_agents[si] = prev_named[:1]
        # "The Observatory said the jets were Russian": who the attackers were, said apart
        for m in IDENTIFIED_AS.finditer(norm):
            label = self.lex.actor_nationalities.get(m.group("m").lower())
            si = self.sent_of(m.start())
            if label and si in claim_of_sent and event_sents:
                sent_agents.setdefault(si, []).append(
                    (m.start("m"), m.end("m"), label, self.lex.actor_kinds.get(label, ""),
                     p.surface(m.start(), m.end())))
        # "Islamic State militants stormed the village. The attackers executed nine men.": a
        # definite unnamed agent with no named one beside it is the group that attacked in the
        # sentence just before (a named actor followed by its attack verb, or after an Arabic one)
        for si, agents in list(sent_agents.items()):
            prev = actors_in_sent.get(si - 1)
            if not prev or sentences[si - 1].paragraph < sentences[si].paragraph - 1 or \
                    not all(a[3] == "generic" and definite(norm, a[0], a[4]) for a in agents):
                continue
            attackers = [a for a in prev if a[3] not in ("generic", "unknown") and
                         a[2] != LABEL_ACTOR and (
                             ATTACK_VERB_AFTER.match(norm, a[1]) or ATTACK_NOUN.search(a[4]) or
                             AR_FINITE_VERB_BEFORE.search(norm, max(0, a[0] - 20), a[0]))]
            if attackers:
                sent_agents[si] = attackers
        # a definite "the attackers", "the gunmen" refers back to an actor already named
        named_specific = any(a[3] not in ("generic", "unknown") and a[2] != LABEL_ACTOR
                             for v in sent_agents.values() for a in v)
        # the source itself ties its label to a named group: "إرهابيي جبهة النصرة", "HTS
        # terrorists"
        label_named = any(
            a[2] != LABEL_ACTOR and a[3] not in ("generic", "unknown") and (
                LABEL_BEFORE.search(norm, max(0, a[0] - 14), a[0]) or
                LABEL_AFTER.match(norm, a[1]) or "terror" in a[4].lower() or
                "رهاب" in a[4])  # ('إرهابيي "جبهة النصرة"': the label inside the name)
            for v in actors_in_sent.values() for a in v)
        if named_specific:
            for si in list(sent_agents):
                sent_agents[si] = [a for a in sent_agents[si] if not (
                    (a[3] == "generic" and definite(norm, a[0], a[4])) or
                    # "the terrorists", "التنظيمات الارهابيه": a source's label for the group
                    # it named ("إرهابيي جبهة النصرة")
                    (a[2] == LABEL_ACTOR and label_named))]
                if not sent_agents[si]:
                    del sent_agents[si]
        worn = uniform_agents(norm, sentences, actors_in_sent, claim_of_sent, sent_agents)
        self._person_agents(sent_agents)
        self._defendant_agents(sent_agents, actors_in_sent)
        event_date_of: dict[int, str] = {}
        for dmen in r.all_dates:
            if dmen.role == "event" and dmen.date and dmen.sentence not in event_date_of:
                event_date_of[dmen.sentence] = dmen.date
        dated_asc = sorted(event_date_of)
        dated_desc = dated_asc[::-1]
        published_iso = self.published.isoformat() if self.published else None
        last_unnamed: tuple[str, str] | None = None  # the latest unnamed agent: (label, kind)
        final_of: dict[str, set[str]] = {}  # registry label -> the perpetrators it became
        for si, agents in sorted(sent_agents.items()):
            specific = [a for a in agents if a[3] != "generic"]
            # a generic "gunmen" next to a named group is that group ("X gunmen", "gunmen of X")
            chosen = specific + [a for a in agents if a[3] == "generic" and not any(
                (abs(a[0] - b[1]) < 30 or abs(b[0] - a[1]) < 30 or (
                    # "armed men, some of whom said they belonged to the General Security"
                    a[1] <= b[0] < a[1] + 100 and (
                        CLAIMED_MEMBERSHIP.search(norm, a[1], b[0]) or
                        # "Armed groups inside the enclave, including Jaysh al-Islam": the
                        # named groups are those armed groups
                        INCLUDING_NAMED.fullmatch(norm, a[1], b[0]))))
                and not ANOTHER_AGENT.search(
                    norm[min(a[1], b[1]):max(a[0], b[0])]) and not (
                    # "عناصر من قوات الأمن ومجموعات مسلحة رديفة": and another group
                    b[1] <= a[0] and JOINED.fullmatch(norm, b[1], a[0]))
                # (a person beside his men; the unit whose uniform the men wore)
                for b in specific if b[3] != "person" and b[0] not in worn)]
            # "gunmen linked to X" covers the bare "X" and "gunmen" inside it; but "gunmen from
            # the Amshat faction" names a known group: keep the group.
            known = [a for a in chosen if a[3] not in ("unknown", "generic")]
            chosen = [a for a in chosen if not (
                a[3] == "unknown" and (" from " in a[2] or MEMBERSHIP.search(a[2])) and any(
                    a[0] <= k[0] < a[1] for k in known))]  # "عناصر يتبعون لفرقة السلطان مراد"
            outer = [a for a in chosen if a[3] == "unknown"]
            chosen = [a for a in chosen if a[3] == "unknown" or not any(
                o[0] <= a[0] and a[1] <= o[1] for o in outer)]
            claim_obj = claims[claim_of_sent[si]]
            # the sentence's own event date, else the latest one before it in the document, else
            # the first one after it (a lead names the forces before the story dates the events),
            # else the publication date: the event's era names the state's forces
            when = event_date_of.get(si) or next(
                (event_date_of[k] for k in dated_desc if k < si), None) or next(
                (event_date_of[k] for k in dated_asc if k > si), None) or published_iso
            chosen, also_named = drop_same_mention_groups(self.norm, self.lex, chosen, when)
            # a named individual is counted with the forces named as agents beside him
            # (named bodies only: an unnamed "gunmen" is no group)
            forces = [a for a in chosen if a[3] not in ("person", "generic")]
            for s, e, label, kind, surface in chosen:
                raw = label
                label = self.lex.era_name(label, when)  # "government forces" in 2016 were Assad's
                final_of.setdefault(raw, set()).add(label)
                if kind == "generic" and last_unnamed and last_unnamed[0] != label and \
                        definite(norm, s, surface):
                    # "Gunmen stormed the village ... The kidnappers demanded": the definite
                    # description refers back to the unnamed agent just told, not a new one
                    label, kind = last_unnamed
                if kind in ("generic", "unknown"):
                    last_unnamed = (label, kind)
                pp = perps.setdefault(label, Perpetrator(label, [], [], False, kind, [],
                                                         self.lex.groups_of(label, when)))
                if kind == "person":
                    own = self.person_forces.get(s)
                    for force in [self.lex.era_name(a[2], when) for a in forces
                                  if own is None or a[0] in own]:
                        for g in (force, *self.lex.groups_of(force, when)):
                            if g not in pp.groups and g != label:
                                pp.groups.append(g)
                for form in (surface, also_named.get(s)):
                    if form and form not in pp.aliases:
                        pp.aliases.append(form)
                if claim_obj.attributed_to not in pp.attributed_to:
                    pp.attributed_to.append(claim_obj.attributed_to)
                pp.hedged = pp.hedged or claim_obj.hedged
                pp.spans.append(p.span(s, e))
                perp_by_sent.setdefault(si, []).append(label)
        # the text's other names for a perpetrator it named as an agent ("a campaign launched by
        # the Syrian Arab Army ... government forces shelled"): the same registry entry named
        # elsewhere in the report, not as an agent; listed after the agent's own names (an entry
        # whose era differs between events is left alone)
        for acts in actors_in_sent.values():
            for _s, _e, raw, kind, surface in acts:
                finals = final_of.get(raw) or ({raw} if raw in perps else None)
                if finals and len(finals) == 1 and kind not in ("generic", "unknown", "person"):
                    named_pp = perps.get(next(iter(finals)))
                    if named_pp is not None and surface not in named_pp.aliases:
                        named_pp.aliases.append(surface)
        # hedged only if every claim naming the actor is hedged
        for label, pp in perps.items():
            sis = [si for si, labels in perp_by_sent.items() if label in labels]
            pp.hedged = all(claims[claim_of_sent[si]].hedged for si in sis)
        r.perpetrators = list(perps.values())
        self.actors_in_sent = actors_in_sent
        self.perp_by_sent = perp_by_sent
        self.sent_agents = sent_agents

    def _victim_groups(self) -> None:
        """Victim groups: the communities the events targeted."""
        norm, p, r = self.norm, self.p, self.r
        sentences = self.sentences
        actors_in_sent = self.actors_in_sent
        event_sents = self.event_sents
        sent_agents = self.sent_agents
        setting_sents = self.setting_sents
        victims = self.victims
        groups: dict[str, VictimGroup] = {}
        vg_by_sent: dict[int, list[str]] = {}
        scene_ids = {pl.place_id for pl in r.places}
        for s, e, entry in victims:
            si = self.sent_of(s)
            if si not in event_sents and not (event_sents and (VICTIMS_WERE.search(
                    sentences[si].text) or FIRST_PERSON_COMMUNITY.search(
                        norm[max(sentences[si].start, s - 40):s]) or self._community_of_scene(
                        s, e, si, setting_sents, scene_ids, r.place_mentions))):
                continue  # "most of the victims were Alawites" names the victims too
            if any(s >= a[0] and e <= a[1] for a in sent_agents.get(si, [])):
                continue
            if any(s >= a[0] and e <= a[1] and a[3] != "generic"
                   for a in actors_in_sent.get(si, [])):
                continue  # "Druze fighters", "Bedouin gunmen": an armed group's community
            if CLASH_PARTY_BEFORE.search(norm, max(sentences[si].start, s - 80), s):
                continue  # "clashes between Druze fighters and Bedouin tribes": the parties
            if ARMED_OR_SPEAKING_AFTER.match(norm, e):
                continue  # "Alawite officers of X tortured", "the Sunni cleric said": not targeted
            if DESTINATION_BEFORE.search(norm, max(sentences[si].start, s - 70), s):
                continue  # "fled toward the Christian-majority town": where they went
            if " " not in norm[s:e] and re.match(r"\s+[A-Z][a-z]", norm[e:e + 3]):
                continue  # "Christian Lindmeier", "Druze Sheikh Hikmat": a name or a title
            g = groups.setdefault(entry.label, VictimGroup(entry.label, [], []))
            surface = p.surface(s, e)
            if surface not in g.surface_forms:
                g.surface_forms.append(surface)
            g.spans.append(p.span(s, e))
            vg_by_sent.setdefault(si, []).append(entry.label)
        r.victim_groups = list(groups.values())
        self.vg_by_sent = vg_by_sent

    def _events(self) -> None:
        """6. Events: one per event claim, tying its date, place, actors and figures."""
        norm, r = self.norm, self.r
        sentences = self.sentences
        claim_of_sent = self.claim_of_sent
        event_sents = self.event_sents
        perp_by_sent = self.perp_by_sent
        scene_by_sent = self.scene_by_sent
        seen_dates = self.seen_dates
        setting_sents = self.setting_sents
        vg_by_sent = self.vg_by_sent
        viol_by_sent = self.viol_by_sent
        # 6. events
        last_date: tuple[int, str | None] = (-1, None)
        last_place: tuple[int, str | None] = (-1, None)
        date_by_sent: dict[int, str | None] = {}
        for dm in r.all_dates:
            if dm.role == "event" and dm.sentence not in date_by_sent:
                date_by_sent[dm.sentence] = dm.date
        figs_of_sent: dict[int, list[int]] = {}
        for i, f in enumerate(r.casualty_figures):
            figs_of_sent.setdefault(f.sentence, []).append(i)
        for si in sorted(event_sents | set(date_by_sent) | setting_sents):
            para = sentences[si].paragraph
            ev_date: str | None = date_by_sent.get(si)
            if si not in event_sents:
                # a dated or placed sentence sets the scene for the next ones
                if si in date_by_sent:
                    last_date = (para, ev_date)
                if scene_by_sent.get(si):
                    last_place = (para, scene_by_sent[si][0])
                continue
            ci = claim_of_sent[si]
            d_inh = False
            if si in date_by_sent:
                last_date = (para, ev_date)
            elif last_date[0] == para and not (viol_by_sent.get(si) and all(
                    PLUPERFECT_BEFORE.search(norm, max(0, self._viol_start.get(id(v), 0) - 30),
                                              self._viol_start.get(id(v), 0))
                    for v in viol_by_sent[si])):
                # (but "civilians who had been forced out" happened before that date)
                ev_date, d_inh = last_date[1], True
            pl_list = scene_by_sent.get(si, [])
            ev_place: str | None = pl_list[0] if pl_list else None
            p_inh = False
            if ev_place:
                last_place = (para, ev_place)
            elif last_place[0] >= para - 1 and last_place[1]:
                ev_place, p_inh = last_place[1], True
            figs = figs_of_sent.get(si, [])
            r.events.append(Event(
                ci, sorted({v.type for v in viol_by_sent.get(si, [])}), ev_date, ev_place,
                sorted(set(perp_by_sent.get(si, []))), sorted(set(vg_by_sent.get(si, []))), figs,
                d_inh, p_inh))
        # A date stated in the sentence before an event ("On 7 March, armed men came. They broke
        # into our house.") is that event's date: list inherited event dates too.
        for ev in r.events:
            if ev.date and ev.date_inherited and ev.date not in seen_dates:
                seen_dates.add(ev.date)
                src = next((d for d in r.all_dates if d.date == ev.date), None)
                if src is not None:
                    r.dates.append(src)

    def _person_agents(self, sent_agents: dict[int, list[tuple[int, int, str, str, str]]]
                       ) -> None:
        """Named individuals the text says committed, ordered or directed a violation
        (``find_persons``), added beside the sentence's other agents with kind "person". Sought
        only in the claims that report a violation, and a court's or researcher's finding ("the
        defendant X was convicted", "identified the gunman as X") in any claim of a report of
        violations; a name the registry knows is already an actor."""
        norm, p, sentences = self.norm, self.p, self.sentences
        claim_of_sent, viol_by_sent = self.claim_of_sent, self.viol_by_sent
        # by a person's start: the starts of the forces he is counted with, where the
        # construction names them ("forces under the command of X"); else the sentence's agents
        self.person_forces: dict[int, list[int]] = {}
        if not self.event_sents:
            return
        found: list[tuple[int, int, int, str, str, int]] = []
        hinted = {self.sent_of(m.start()) for m in PERSON_HINT.finditer(norm)}
        found += self._named_suspects(sent_agents)
        if not hinted and not found:
            return
        for si in sorted(self.event_sents & set(viol_by_sent) & hinted):
            found += [(si, *f) for f in find_persons(norm, sentences[si].start, sentences[si].end)]
        for m in PERSON_FOUND.finditer(norm) if hinted else ():
            si = self.sent_of(m.start())
            if si in claim_of_sent and si not in viol_by_sent:
                found += [(si, *f) for f in find_persons(norm, m.start(), sentences[si].end)
                          if f[3] == "orders"]
        if not found:
            return
        spans = [(a_s, a_e) for a_s, a_e, _ in self.actors]
        for si, s, e, _name, how, m_start in found:
            if any(a_s < e and s < a_e for a_s, a_e in spans):
                continue  # "Suhail al-Hassan", "General Security": the registry's actor
            agents = sent_agents.get(si, [])
            if how == "command":
                # "forces under the command of Brig. Gen. X stormed": with the force he commands
                # (the force right before the link: "X stormed the base of a group led by Y" is
                # no command of X's)
                led = [a for a in agents if 0 <= m_start - a[1] <= 3]
                # his force is the one he commands, not every agent of the sentence
                self.person_forces[s] = [a[0] for a in led]
                ok = bool(led) or \
                    self._is_agent_at(m_start, e, sentences[si], viol_by_sent.get(si, []))
            elif how == "role":
                ok = si in viol_by_sent and \
                    self._is_agent_at(m_start, e, sentences[si], viol_by_sent[si])
            else:
                ok = True
            if ok and not any(a[0] == s for a in agents):
                label = p.surface(s, e)
                sent_agents.setdefault(si, []).append((s, e, label, "person", label))

    def _defendant_agents(self, sent_agents: dict[int, list[tuple[int, int, str, str, str]]],
                          actors_in_sent: dict[int, list[tuple[int, int, str, str, str]]]
                          ) -> None:
        """A judgment's "the defendant" after "proceedings against X,": X, where the defendant
        committed, took part in or is guilty of a violation; and the unit X served in, where
        that is said ("the defendant served as an interrogator at Branch 227")."""
        norm, p, sentences = self.norm, self.p, self.sentences
        if not self.event_sents or not _COURT_WORD.search(norm):
            return  # (one literal pass: most reports are no judgment)
        named = DEFENDANT_NAMED.search(norm)
        if named is None:
            # "The defendant, Khaled R., 51, served ... in the Air Force Intelligence
            # Directorate": named in apposition, and found guilty by name elsewhere
            appos = DEFENDANT_APPOS.search(norm)
            if appos is None:
                return
            name = appos.group("dname")
            if not any(a[2] == name and a[3] == "person" for v in sent_agents.values()
                       for a in v):
                return
            si = self.sent_of(appos.start())
            units = [a for a in actors_in_sent.get(si, []) if a[0] > appos.end() and a[3] not in (
                "generic", "unknown", "person") and DEFENDANT_SERVED.search(
                    norm, appos.end(), a[0]) and a[0] - appos.end() < 160]
            if units and si in self.claim_of_sent:
                agents = sent_agents.setdefault(si, [])
                agents += [u for u in units if u not in agents]
            return
        name = named.group("dname")
        acted = False
        for ref in DEFENDANT_REF.finditer(norm, named.end()):
            si = self.sent_of(ref.start())
            if si not in self.claim_of_sent:
                continue
            if si in self.viol_by_sent and (
                    DEFENDANT_ACTED.match(norm, ref.end()) or
                    self._is_agent_at(ref.start(), ref.end(), sentences[si],
                                      self.viol_by_sent[si])):
                agents = sent_agents.setdefault(si, [])
                if not any(a[2] == name for a in agents):
                    agents.append((ref.start(), ref.end(), name, "person", p.surface(
                        ref.start(), ref.end())))
                    acted = True
        if not acted:
            return
        for ref in DEFENDANT_REF.finditer(norm, named.end()):
            si = self.sent_of(ref.start())
            units = [a for a in actors_in_sent.get(si, []) if a[0] > ref.end() and a[3] not in (
                "generic", "unknown", "person") and DEFENDANT_SERVED.search(
                    norm, ref.end(), a[0]) and a[0] - ref.end() < 120]
            if units and si in self.claim_of_sent:
                agents = sent_agents.setdefault(si, [])
                agents += [u for u in units if u not in agents]

    def _named_suspects(self, sent_agents: dict[int, list[tuple[int, int, str, str, str]]]
                        ) -> list[tuple[int, int, int, str, str, int]]:
        """An arrested man the report says is involved in a violation ("القبض على المدعو X ...
        ويُعد المذكور من أبرز المتهمين بالمشاركة في مجزرة الحولة"): a perpetrator of that
        violation, found in the arrest sentence or, named back, in the two after it (same or
        next paragraph). As (sentence, start, end, name, how, mention start). The force that
        arrested him is law enforcement, no perpetrator (the annotation guide), and is dropped
        from the arrest sentence's agents."""
        norm, sentences = self.norm, self.sentences
        claim_of_sent, viol_by_sent = self.claim_of_sent, self.viol_by_sent
        out: list[tuple[int, int, int, str, str, int]] = []
        for m in ARRESTED_NAMED.finditer(norm):
            grp = "arname4" if m.group("arname4") else "aname2"
            name = m.group(grp)
            if grp == "aname2" and (not person_name_ok(name) or len(name.split()) < 2):
                continue
            si = self.sent_of(m.start())
            for k in range(si, min(si + 3, len(sentences))):
                if sentences[k].paragraph > sentences[si].paragraph + 1:
                    break
                sent = sentences[k]
                lo = m.end() if k == si else sent.start
                if k in viol_by_sent and k in claim_of_sent and \
                        SUSPECT_OF.search(norm, lo, sent.end) and \
                        (k == si or SUSPECT_ANAPHOR.search(sent.text)):
                    out.append((k, m.start(grp), m.end(grp), name, "orders", m.start()))
                    # (and "He is suspected of ...": not the arresters read back as "he")
                    for j in {si, k}:
                        kept = [a for a in sent_agents.get(j, []) if not (
                            sentences[si].start <= a[0] and a[1] <= m.start())]
                        if kept:
                            sent_agents[j] = kept
                        else:
                            sent_agents.pop(j, None)
                    break
        return out

    def _is_agent_at(self, s: int, e: int, sent: Sentence, viols: list[Violation]) -> bool:
        return is_agent(self.norm, s, e, sent, [
            (self._viol_start.get(id(v)) or self._norm_pos(v.span[0]), len(v.surface))
            for v in viols])

    def _channel_first_person(self, claims: list[Claim], author: str) -> None:
        """On a channel or page ("Guardians of the Mountain (@...)" in the header), what "our
        medical teams" or "we" assert is the account's own."""
        if self.author_rule != "header:handle":
            return
        for c in claims:
            if attr.first_person(c.attributed_to) and not _OWN_REPORTER.search(c.attributed_to):
                c.attributed_to = author
                c.attribution_rule = "attribution:header:handle"

    def _first_person_claims(self, claims: list[Claim], author: str) -> None:
        """In a body's own statement or report ("Local Council of X", "الشبكة السورية لحقوق
        الإنسان" heading it), what it asserts in the first person ("we documented", "سجلنا",
        "رصد مكتبنا") is the body's: "Org" or "Org (our team)"; and so is what the document
        asserts with no other source ("The report notes that ...", "وقد ضبط بحوزته ...")."""
        found = attr.publisher(self.norm, [(x.start, x.end) for x in self.sentences], self.lex)
        if not found:
            return
        org, own_sent = found
        if has_arabic(org):
            org = self._surface_name(org, 0)
        self._publisher_org = org
        for c in claims:
            if c.attributed_to != org and attr.refers_to(c.attributed_to, org):
                c.attributed_to = org  # "The project also recorded ...": the body itself
            elif attr.first_person(c.attributed_to):
                c.attributed_to = org if c.attributed_to.lower() in ("we", "نحن") or \
                    attr.own_document(c.attributed_to) else \
                    f"{org} ({c.attributed_to})"
            elif c.attributed_to == author and attr.FIRST_PERSON.search(
                    self.sentences[c.sentence].text):
                c.attributed_to = org
                c.attribution_rule = "attribution:first_person"
                self._org_speaks = True
            elif self.author_rule == "default_author" and (
                    c.attributed_to == author or c.sentence == own_sent or
                    attr.the_document(c.attributed_to)):
                # (the sentence that names the body publishing is the body's own, whatever
                # subject the attribution rules read in it; a post's account or a testimony's
                # witness named in the header stays the author)
                c.attributed_to = org
                c.attribution_rule = "attribution:publisher"

    def _names_whose_accounts(self, text: str, si: int) -> bool:
        """Whether a disclaimer names a kind of source whose accounts it doubts ("the
        residents' accounts") and that source spoke before it."""
        whose = _WHOSE_ACCOUNT.search(text)
        if whose is None or not whose.group("who").endswith(("'", "’")):
            return False
        who = whose.group("who").lower().rstrip("'’")
        return any(c.sentence < si and who in c.attributed_to.lower() for c in self.claims)

    def _disclaim_accounts(self, claims: list[Claim], disclaimer_sents: set[int],
                           claim_of_sent: dict[int, int], author: str) -> None:
        """"Reuters could not independently verify the accounts": a disclaimer of the accounts
        (not of one figure) covers the claims the document's sources make: all of them when it
        opens the report, else those of its own paragraph."""
        sentences = self.sentences
        first_para = next((x.paragraph for x in sentences if x.index in claim_of_sent and
                           len(x.text.split()) >= 8), 0)
        if self.author_rule == "header:testimony":
            # "We could not verify every detail of this testimony" in the editor's lead (no
            # claim of its own): all of the witness's account
            for si in sorted(disclaimer_sents - set(claim_of_sent)):
                if _THIS_TESTIMONY.search(sentences[si].text):
                    for c in claims:
                        if c.attributed_to == author and not c.hedged:
                            c.hedged = True
                            c.hedge_cues.append("disclaimer: " + sentences[si].text[:80])
        for si in sorted(disclaimer_sents & set(claim_of_sent)):
            sn = sentences[si]
            whose = _WHOSE_ACCOUNT.search(sn.text)
            if whose and whose.group("who").lower() not in _NOT_WHO:
                # "The Israeli account could not be independently verified": that source's
                # claims in the paragraph ("the residents' accounts", alone in a paragraph:
                # theirs in the paragraphs just before too), not the other sources'
                who = whose.group("who").lower().removesuffix("'s").removesuffix("’s")
                who = who.rstrip("'’")
                alone = si == 0 or sentences[si - 1].paragraph != sn.paragraph
                # "the residents' accounts": a kind of source, wherever it spoke before
                reach = sn.paragraph if whose.group("who").endswith(("'", "’")) else \
                    2 if alone else 0
                named = False
                for c in claims:
                    if c.sentence < si and \
                            sn.paragraph - reach <= sentences[c.sentence].paragraph <= sn.paragraph \
                            and who in c.attributed_to.lower():
                        named = True
                        if not c.hedged:
                            c.hedged = True
                            c.hedge_cues.append("disclaimer: " + sn.text[:80])
                if named and whose.group("who").endswith(("'", "’")):
                    continue  # the accounts of those sources only
            if _THIS_TESTIMONY.search(sn.text):
                # "The network could not verify every detail of this testimony": all of the
                # narrator's claims, however many paragraphs the testimony ran over
                teller = next((c.attributed_to for c in reversed(claims)
                               if c.sentence < si and c.attributed_to != author), None)
                whole = self.author_rule == "header:testimony"
                if whole:
                    # the witness a testimony's header or lead names: her whole account,
                    # before or after the disclaimer
                    teller = author
                for c in claims:
                    if (whole or c.sentence < si) and c.attributed_to == teller and not c.hedged:
                        c.hedged = True
                        c.hedge_cues.append("disclaimer: " + sn.text[:80])
            if not _ACCOUNTS_DISCLAIMED.search(sn.text):
                continue
            if sn.paragraph <= first_para + 1 and si <= 4:
                covered = [c for c in claims if c.sentence > si]
            else:
                covered = [c for c in claims if c.sentence < si and
                           sentences[c.sentence].paragraph == sn.paragraph]
            cue = "disclaimer: " + sn.text[:80]
            for c in covered:
                if c.attributed_to != author and not c.hedged:
                    c.hedged = True
                    c.hedge_cues.append(cue)

    def _community_of_scene(self, s: int, e: int, si: int, setting_sents: set[int],
                            scene_ids: set[str], mentions: list[PlaceMention]) -> bool:
        """"al-Mukhtariyah, a small Alawite village", "1,800 Bedouin families have moved from
        As-Sweida": a community named as the place or the people of the events, in a sentence
        that sets an event's scene, names a scene, or counts those people."""
        norm = self.norm
        if not (COMMUNITY_HEAD_AFTER.match(norm, e) or COMMUNITY_HEAD_AFTER.search(norm[s:e]) or
                COMMUNITY_HEAD_BEFORE.search(norm, max(0, s - 20), s)):
            return False
        if COUNTED_BEFORE.search(norm, max(0, s - 25), s):
            return True
        return si in setting_sents or any(
            pm.sentence == si and pm.place_id in scene_ids for pm in mentions)

    def _quote_paragraph(self, si: int) -> bool:
        """Whether the paragraph of sentence ``si`` is nothing but a quotation (news style: it
        goes on with the speaker quoted in the paragraph before)."""
        sents, par = self.sentences, self.sentences[si].paragraph
        first = last = si
        while first > 0 and sents[first - 1].paragraph == par:
            first -= 1
        while last + 1 < len(sents) and sents[last + 1].paragraph == par:
            last += 1
        text = self.norm[sents[first].start:sents[last].end].strip()
        return bool(re.match(r"[\"“«]", text) and re.search(r"[\"”»][.!?]?$", text)
                    and sum(text.count(c) for c in "\"“”«»") == 2)

    def _surface_name(self, name: str, near: int) -> str:
        """A name as the text spells it ("وسائل إعلام"), not in its normalised form used for
        matching ("وسايل اعلام")."""
        pos = self.norm.find(name, max(0, near - 10))
        if pos < 0:
            pos = self.norm.find(name)
        if pos < 0 and name.startswith("ال"):
            # "للشبكة السورية" (ل + ال): the owner named after the preposition
            pos = self.norm.find("لل" + name[2:], max(0, near - 10))
            if pos >= 0:
                return "ال" + self.p.surface(pos + 2, pos + len(name))
        return self.p.surface(pos, pos + len(name)) if pos >= 0 else name

    def _norm_pos(self, orig_pos: int) -> int:
        # spans are stored in original offsets; for comparisons we need normalised ones
        if not self.p._cuts:
            return orig_pos
        lo, hi = 0, len(self.norm)
        while lo < hi:
            mid = (lo + hi) // 2
            if self.p.orig(mid) < orig_pos:
                lo = mid + 1
            else:
                hi = mid
        return lo

    def _model_places(self, found: list[RawMention], blocked: list[tuple[int, int]]
                      ) -> list[RawMention]:
        """Add the model's place entities that the gazetteer knows and the rules missed."""
        assert self.entity_model is not None
        name = getattr(self.entity_model, "__name__", "model")
        extra = []
        for o_start, o_end, label in self.entity_model(self.p.original):
            if label not in PLACE_LABELS:
                continue
            s, e = self._norm_pos(o_start), self._norm_pos(o_end)
            if any(m.start < e and s < m.end for m in found) or \
                    any(a < e and s < b for a, b in blocked):
                continue
            key = name_key(self.norm[s:e])
            cands = self.gaz.lookup_key(key) if key else []
            if cands:
                extra.append(RawMention(s, e, key, cands, "", f"model:{name}:{label}"))
        return sorted(found + extra, key=lambda m: m.start)

    def _actors_in(self, name: str) -> list[tuple[int, int, Entry]]:
        cached = self._actor_cache.get(name)
        if cached is None:
            cached = self._actor_cache[name] = self.lex.actors.finditer(name)
        return cached

    def _channel_sources(self) -> None:
        """'Video circulating on Telegram channel "Suwayda 24"': the channel is cited."""
        for m in _CHANNEL_NAME.finditer(self.norm):
            g = "q" if m.group("q") else "n"
            self._raw_sources.append((m.group(g).strip(), "channel", (m.start(g), m.end(g)),
                                      "attribution:channel"))

    def _outlet_sources(self) -> None:
        """"told state news agency SANA", "في بيان نقلته وكالة الأنباء الرسمية (سانا)": the
        outlet that carried a statement is cited too (only names the media lexicon knows; not
        the document's own outlet named in its header, byline or dateline)."""
        head = self.norm[:300].lower()  # header, byline, dateline: the document's own outlet
        for m in _CARRIED_BY.finditer(self.norm):
            g = next(k for k in ("paren", "ar", "en") if m.group(k))
            name = m.group(g).strip()
            if g == "en":  # "state news agency SANA" is SANA, but "state TV" stays whole
                bare = re.sub(r"^(?:[a-z-]+\s+)+|^(?:[A-Z][a-z]+\s+)(?=[A-Z]{2})", "", name)
                if bare and not re.fullmatch(r"TV|Television|Radio|News", bare):
                    name = bare
            if 0 <= head.find(name.lower()) < m.start(g):
                continue  # "his brother told Enab Baladi" in Enab Baladi's own report
            initials = "".join(w[0] for w in re.findall(r"[A-Z][a-z]+", _ARTICLE.sub("", name))
                               ).lower()
            if len(initials) >= 2 and re.search(rf"\({initials}\)|\b{initials}\s+[-—–]", head):
                continue  # "told The Associated Press" under the dateline "RAQQA, Syria (AP) —"
            if first_matching(self.lex.source_roles, normalize_arabic(name)) != "media" and \
                    not (g == "paren" and first_matching(self.lex.source_roles,
                                                         normalize_arabic(m.group("ar") or ""))
                         == "media"):
                continue
            if has_arabic(name):
                name = self._surface_name(name, m.start(g))
            self._raw_sources.append((name, "", (m.start(g), m.start(g) + len(name)),
                                      "attribution:carried_by"))
        for m in _CIRCULATED_BY.finditer(self.norm):
            # "نفت الوزارة ما تداولته صفحات على مواقع التواصل عن ...": the pages that spread
            # the account denied are cited as asserting it
            name = self._surface_name(m.group("n").strip(), m.start("n"))
            self._raw_sources.append((name, "", (m.start("n"), m.start("n") + len(name)),
                                      "attribution:circulated_by"))

    def _sources(self) -> list[QuotedSource]:
        """One quoted source per name; role and pseudonymity from its first telling mention.

        Grouping first means the role lexicons run once per source, not once per mention."""
        groups: dict[str, list[tuple[str, str, tuple[int, int], str]]] = {}
        group_words: dict[str, set[str]] = {}
        org = attr.header_organisation(self.norm, self.lex)
        if org and has_arabic(org):
            org = self._surface_name(org, 0)
        own = self._publisher_org
        initials = "".join(w[0] for w in re.findall(r"\b[A-Z][\w'-]*", own or "")) \
            if own and not has_arabic(own) else ""
        if own and (own != org or attr.letterhead(self.norm) is not None) and \
                any(c.attributed_to == own for c in self.r.claims) and \
                not _COURT.search(own) and not any(
                    x[0].strip() == initials or _short_name_of(x[0], own)
                    for x in self._raw_sources):
            # (not a court: a judgment speaks through its chamber, "the Senate", "the
            # Division"; not when its acronym already speaks, "SNHR")
            # a statement's issuer named in its title, letterhead or lead ("بيان صادر عن ...",
            # "..., MSF said today") asserts what the statement says: a source, as the gold
            # writers of most sets list it
            org = own
            self._org_speaks = True
        if self.author_rule == "header:handle" and not org:
            # a channel's own posts: "Our medical teams have documented ...", "our fighters"
            # are the account speaking (the gold lists the account alone)
            # ("our correspondent" is a reporter of its own, a source the gold lists)
            self._raw_sources = [(self.author, x[1], x[2], x[3]) if attr.first_person(x[0])
                                 and not _OWN_REPORTER.search(x[0]) else x
                                 for x in self._raw_sources]
        if org and any(attr.own_document(x[0]) for x in self._raw_sources):
            # "according to our dataset": the body's records, so the body itself speaks
            self._raw_sources = [(org, x[1], x[2], x[3]) if attr.own_document(x[0]) else x
                                 for x in self._raw_sources]
        if org and self._org_speaks and not any(attr.first_person(x[0])
                                                for x in self._raw_sources):
            # the organisation asserts findings in the first person ("سجلنا", "Our people
            # were forced from ..."): it is a source, unless it is already one as "our team"
            self._raw_sources.append((org, "", (0, 0), "attribution:header:organisation"))
        author_placeholder = self.author if self.author_rule == "default_author" else None
        named_ngos = [(x[2][0], x[0]) for x in self._raw_sources
                      if _NAMED_MONITOR.search(x[0]) and not _GENERIC_MONITOR.fullmatch(x[0])]
        for raw in self._raw_sources:
            if org and attr.refers_to(raw[0], org):
                raw = (org, raw[1], raw[2], raw[3])  # "the centre" in the centre's own report
            if raw[0] == author_placeholder:
                continue  # a claim carried on from one the document itself asserts
            if _DOCUMENT_SUBJECT.fullmatch(raw[0].strip()):
                continue  # "his own service file lists him", "lists seized ...": a document, no one
            if _DETERMINER_ONLY.fullmatch(raw[0].strip()) or _NO_SOURCE_NAME.fullmatch(
                    normalize_arabic(raw[0].strip())) or not attr.plausible_speaker(raw[0]):
                # "an estimated 7,000 people", "the statement", "تروي قصتها" (her story), "كان
                # يقول لنا" (to us): no speaker
                continue
            if named_ngos and _GENERIC_MONITOR.fullmatch(raw[0].strip()):
                # "a war monitor said" (the lead), "the Britain-based monitor added", "according
                # to the same group": the monitor the report names, the nearest one
                near = min(named_ngos, key=lambda t: (abs(t[0] - raw[2][0]), t[0]))
                raw = (near[1], raw[1], raw[2], raw[3])
            key = name_key(_ARTICLE.sub("", raw[0]))
            if not key or _PRONOUN_KEY.fullmatch(key):
                continue
            named = self._actors_in(raw[0])
            bare = len(_ARTICLE.sub("", raw[0]))  # "The SDF" is all name
            if named and named[0][2].label and (named[0][1] - named[0][0]) >= 0.5 * bare \
                    and self.lex.actor_kinds.get(named[0][2].label) != "state_body":
                # (not state bodies: the defence and the interior ministry are two sources)
                key = name_key(named[0][2].label)  # "the SDF" = "Syrian Democratic Forces"
                if re.fullmatch(r"[A-Z]{2,6}", _ARTICLE.sub("", raw[0]).strip()) and \
                        not has_arabic(named[0][2].label):
                    # an acronym alone names the group by its registry name, as gold writers
                    # do ("The SDF" -> "Syrian Democratic Forces")
                    raw = (named[0][2].label, raw[1], raw[2], raw[3])
            # ("Dr. Barakat" after "Yusuf Barakat": a title is no part of the name)
            words = (set(key.split()) - _TITLE_WORDS) or set(key.split())
            # "Haddad" after "Karim Haddad", "the ministry" after "the interior ministry": one
            # source. The longer name is kept.
            same = next((k for k in groups if words <= group_words[k] or group_words[k] <= words),
                        None)
            if same is not None and (len(words) > len(group_words[same]) or (
                    words == group_words[same] and len(key) > len(same))):
                groups[key] = [raw, *groups.pop(same)]
                group_words[key] = words
            elif same is not None:
                groups[same].append(raw)
            else:
                groups[key] = [raw]
                group_words[key] = words
        out = []
        for members in groups.values():
            first = self._make_source(*members[0])
            if not first.pseudonymous and first.role in ("other", "witness") and \
                    _GIVEN_NAME_ONLY.fullmatch(first.name) and self._name_withheld(first.name):
                first.pseudonymous = True  # "He asked that only his first name be used"
            for other in members[1:]:
                if first.role != "other" and first.pseudonymous:
                    break
                more = self._make_source(*other)
                if first.role == "other":
                    first.role = more.role
                first.pseudonymous = first.pseudonymous or more.pseudonymous
            out.append(first)
        return out

    def _interview_answers(self, sentences: list[Sentence]) -> dict[int, str]:
        """Paragraphs of a Q&A answered by a named person: "Ayman al-Zoubi: In 2023 we ...",
        later "Al-Zoubi: Rarely." (the short label is the full name given before). A report is a
        Q&A when at least three paragraphs open with a name label and one label asks questions."""
        labels: list[tuple[int, str, bool]] = []  # turn, label, the turn asks
        # a turn opens with a label at the start of a line and runs to the next label or the
        # end of its paragraph (a question and its answer may share a paragraph, one a line)
        by_para: dict[int, list[Sentence]] = {}
        turn = -1
        for x in sentences:
            starts_line = x.start == 0 or "\n" in self.norm[max(0, x.start - 3):x.start]
            if starts_line and _QA_LABEL.match(x.text):
                turn = x.index
            elif turn >= 0 and sentences[turn].paragraph != x.paragraph:
                turn = -1
            if turn >= 0:
                by_para.setdefault(turn, []).append(x)
        for para, sents in by_para.items():
            m = _QA_LABEL.match(sents[0].text)
            if m:
                asks = sents[-1].text.rstrip().endswith(("?", "\u061f"))
                labels.append((para, m.group("n"), asks))
        if len(labels) < 3 or not any(asks for _p, _n, asks in labels):
            return {}
        staff = {m.group("n").split()[-1].lower() for m in _STAFF_LABEL.finditer(self.norm[:3000])}
        askers = {n for _p, n, asks in labels if asks} | {
            n for _p, n, _a in labels if n.split()[-1].lower() in staff}
        full: dict[str, str] = {}
        for _p, n, _a in labels:
            if n not in askers and " " in n:
                full[n.split()[-1].lower()] = n  # "al-Zoubi" -> "Ayman al-Zoubi"
        out = {}
        for para, n, asks in labels:
            if asks or n in askers:
                continue
            name = full.get(n.split()[-1].lower(), n)
            if has_arabic(name):
                name = self._surface_name(name, by_para[para][0].start)
            elif name.isupper():
                # "YASSER AL-HAMDAN:" is a transcript's label; the name is "Yasser al-Hamdan"
                name = re.sub(r"\b(Al|El)-", lambda m: m.group(1).lower() + "-",
                              " ".join(w.capitalize() if "-" not in w else
                                       "-".join(p.capitalize() for p in w.split("-"))
                                       for w in name.lower().split()))
            for x in by_para[para]:
                out[x.index] = name
        return out

    def _name_withheld(self, name: str) -> bool:
        """Whether the paragraph that names the person (from that sentence on, a few sentences)
        says the name is partial or withheld ("The first thing Omar remembers ... He asked that
        only his first name be used")."""
        pos = self.norm.find(name)
        while pos >= 0:
            si = self.sent_of(pos)
            k = si
            while k + 1 < len(self.sentences) and k < si + 5 and \
                    self.sentences[k + 1].paragraph == self.sentences[si].paragraph:
                k += 1
            end = self.sentences[k].end
            if _WITHHELD_NAME.search(self.norm, self.sentences[si].start, end):
                return True
            pos = self.norm.find(name, self.sentences[si].end)
        return False

    def _make_source(self, name: str, desc: str, span: tuple[int, int], rule: str
                     ) -> QuotedSource:
        context = f"{name} {desc}"
        around = self.norm[span[0]:min(len(self.norm), span[1] + 120)]
        stop = _SENTENCE_END.search(around, max(0, span[1] - span[0]))
        if stop:
            # the cues of the next sentence are about someone else: "... بحسب تقديرات ناشطين.
            # وقال أبو محمد (اسم مستعار)"
            around = around[:stop.start()]
        if attr.AND_NEXT.match(around, span[1] - span[0]):
            # "Camp residents and local sources reported": what follows "and" is the other
            # speaker's ("sources" makes the residents no anonymous source)
            around = around[:span[1] - span[0]]
        key = (name, desc, around)
        cached = self._role_cache.get(key)
        if cached is None:
            cached = self._role_and_pseudonymity(name, desc, context, around)
            self._role_cache[key] = cached
        role, pseudo = cached
        if role == "other" and normalize_arabic(rule.rsplit(":", 1)[-1]) in _NARRATOR_VERBS and \
                _PERSON_NAME.match(name):
            role = "witness"  # "Rasha remembers", "تروي سلمى": one who tells what she lived
        if (role in ("other", "witness", "NGO") or (
                role == "media" and rule == "attribution:header:handle")) and (
                rule in ("attribution:header:handle", "attribution:post_author",
                         "attribution:channel") or (
                    rule.rsplit(":", 1)[-1] in ("posted", "tweeted", "shared", "wrote", "نشر",
                                                "نشرت", "كتب", "كتبت")
                    and _SOCIAL_PLATFORM.search(around[:160]))):
            role = "social_media_account"  # "Posted by X", "X posted a video on Facebook"
        if rule == "attribution:circulated_by" and _PAGES.search(normalize_arabic(name)):
            role = "social_media_account"  # "بعض الصفحات على وسائل التواصل"
        orig_span = self.p.span(*span) if span[1] > span[0] else (0, 0)
        return QuotedSource(name, role, pseudo, orig_span, rule)

    def _source_role(self, text: str) -> str | None:
        """``first_matching(self.lex.source_roles, text)``, once per phrase and document."""
        if text in self._source_role_cache:
            return self._source_role_cache[text]
        role = self._source_role_cache[text] = first_matching(self.lex.source_roles, text)
        return role

    def _role_and_pseudonymity(self, name: str, desc: str, context: str, around: str
                               ) -> tuple[str, bool]:
        if has_arabic(name) or has_arabic(desc):
            # the lexicons are normalised; names keep the text's spelling ("وسائل إعلام")
            name, desc, context = (normalize_arabic(name), normalize_arabic(desc),
                                   normalize_arabic(context))
        # whom they spoke to is not what they are: "a source in the police told SANA's reporter"
        desc = _RECIPIENT.sub("", desc)
        # where a person lives says nothing of their role: "a teacher from Zamalka who now lives
        # in Gaziantep, Turkey" is no Turkish official
        desc = _LIVES_IN.sub("", desc)
        both = f"{name} | {desc}" if desc else name
        # the name decides before its description: "a military source [told SANA's reporter]"
        name_role = role = self._source_role(name)
        if role is None and desc:
            # "a legal researcher at a human rights organisation": what the person is, before
            # where they work
            head = re.split(r"\s(?:at|with|of|for|from|in|on)\s", desc, maxsplit=1)[0]
            if self._source_role(head) == "analyst":
                role = "analyst"
        role = role or (self._source_role(both) if desc else None) or "other"
        if _UN_BODY.search(name) or (_FIRST_PERSON_BODY.match(name) and (
                _UN_BODY.search(self.norm[:400]) or "High Commissioner" in self.norm[:400])):
            # UN agencies are official bodies, not NGOs; so is "Our Office" in a UN briefing
            role = "official"
        named = [a for a in self._actors_in(name) if self.lex.actor_kinds.get(a[2].label) !=
                 "generic"] if role in ("other", "NGO") else []  # not "factions", "gunmen"
        if role == "other" and _KUNYA.fullmatch(name.strip()):
            role = "witness"  # "Abu Mohammed", "أم خالد": people who tell what they lived through
        elif role == "official" and re.match(r"(?:(?:a|an|the|one)\s+)?former\s", name, re.I) \
                and attr.WITNESS_HEAD.fullmatch(name.strip()):
            role = "witness"  # "a former army driver", "a former prison guard": who lived it
        elif role == "other" and (attr.WITNESS_HEAD.match(name) or attr.WITNESS_HEAD.match(
                re.split(r"\s*[,;(]\s*|\s+(?:who|whose|at|in|from|of|named)\s", desc.strip(),
                         maxsplit=1)[0])):
            role = "witness"  # "a retired teacher named Yusuf", "a former army driver"
        if name.startswith("@"):
            role = "social_media_account"
        elif named and (role == "other" or
                        (named[0][1] - named[0][0]) >= 0.5 * len(name.strip())):
            # an armed group or state body speaking for itself ("The Islamic State group
            # claimed", not an NGO for its "group")
            role = "official"
        # the name itself says so ("a source in the ministry"); an institution that "relies on
        # a network of sources" still speaks under its own name
        named_anonymous = bool(_ANONYMOUS.search(name))
        # (read on every path below: once)
        pseudonym_in_name = bool(self.lex.pseudonymous.search(name))
        if role in ("official", "NGO", "media") and not name.startswith("@") and \
                not named_anonymous and not _INDEFINITE.match(name) and \
                not pseudonym_in_name and (
                    name_role or self._actors_in(name) or
                    _UN_BODY.search(name) or not _PERSON_NAME.match(name)):
            # institutions speak under their own name; "Abu Ammar, a council official, who
            # gave only his kunya" is a person whose role comes from the description
            return role, False
        pseudo = pseudonym_in_name or bool(
            self.lex.pseudonymous.search(f"{context} | {around[:200]}"))
        return role, pseudo
