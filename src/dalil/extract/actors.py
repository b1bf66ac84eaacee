"""Actors: alias forms built from the registry, actors that reports describe rather than name,
and the patterns that decide an actor's part in a sentence (agent, victim, party to a clash).

Beside the literal alias registry (``data/actors.yaml``):

* ``expand_forms``: an entry's ``forms`` (modifiers x heads) become aliases, so "Israeli",
  "Israel's" x "strike", "drone", "warplanes" ... need not be listed one by one, and singular and
  plural both match ("an Israeli strike", "Israeli drones").
* ``UNKNOWN_ACTOR``: descriptions of actors the registry does not know, kept with their phrase
  as the canonical name ("fighters loyal to Abu Hatem", "militias linked to Iran",
  "Iran-backed militias").
* ``is_agent`` and the patterns it reads: whether an actor named in a sentence is said to have
  committed its violation ("killed by X", "X stormed the village"), or is its victim, its
  accuser, or a party the text only names ("clashes between X and Y").
* ``drop_same_mention_groups`` and ``breakdown_agents``: a unit named with its parent group, and
  tolls broken down by perpetrator.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING, Any

from dalil.errors import ConfigError
from dalil.extract import fastre
from dalil.extract.text import Sentence
from dalil.gazetteer.names import normalize_arabic

if TYPE_CHECKING:  # lexicon.py imports this module
    from dalil.extract.lexicon import Lexicons

# Heads that name a thing, not people; their plural is not made with -s.
_NO_PLURAL_ENDINGS = ("s", "y", "ing", "ry", "aircraft", "personnel", "police", "militia")


def _plural(head: str) -> str | None:
    last = head.split()[-1]
    if last.endswith(_NO_PLURAL_ENDINGS) or last.endswith("men"):
        return None
    if last.endswith("ch") or last.endswith("sh"):
        return head + "es"
    return head + "s"


def expand_forms(forms: Any, canonical: str = "") -> list[str]:
    """``{modifiers: [Israeli, "Israel's"], heads: [strike, drone]}`` -> "Israeli strike",
    "Israeli strikes", "Israel's drone" ... (each head in the singular and the plural)."""
    if not forms:
        return []
    if not isinstance(forms, dict) or not forms.get("modifiers") or not forms.get("heads"):
        raise ConfigError(f"actors.yaml: 'forms' of {canonical!r} needs modifiers and heads")
    out: list[str] = []
    for mod in forms["modifiers"]:
        for head in forms["heads"]:
            for h in (head, _plural(head)):
                if h:
                    out.append(f"{mod} {h}")
    return out


def _rx(pattern: str, flags: int | re.RegexFlag = 0) -> re.Pattern[str]:
    """Compile a pattern against normalised text; searches try it only where one of its
    literals occurs (``fastre``)."""
    return fastre.compile(normalize_arabic(pattern), flags)


def _plain(pattern: str, flags: int | re.RegexFlag = 0) -> re.Pattern[str]:
    """Compile a pattern against normalised text, as ``_rx`` does, but without the literal-start
    prefilter: for the few patterns the plain engine runs faster (short windows, or a literal
    start it finds fast itself, as "-"; measured on the bench reports)."""
    return re.compile(normalize_arabic(pattern), flags)


_ARABIC = re.compile("[\u0600-\u06ff]")


def _holds_any(text: str, words: tuple[str, ...]) -> bool:
    """Whether the text may hold one of the (lower-case) words in any case: a substring test of
    the lower-cased text, several times faster than a search of the whole text for the words
    ignoring case; true also where the text holds a character such a search reads as another
    letter than lower-casing makes of it ("İ", "ı", "ſ"): a gate before the patterns decide."""
    low = text.lower()
    return any(w in low for w in words) or any(c in text for c in "\u0130\u0131\u017f")


# People-heads and how they are tied to a patron. The heads and links are matched in any case
# ("Fighters loyal to ..." at the start of a sentence); the patron must be capitalised or a
# government word, so "men close to the house" is not an actor.
_HEAD = (r"(?i:gunmen|fighters|militias?|militiamen|militants|members|groups?|factions?|forces|"
         r"men|units?|troops|soldiers|elements|loyalists|supporters|brigades?|battalions?|"
         # demolitions: "bulldozers belonging to the municipality"
         r"bulldozers|demolition crews|work crews|excavators)")
_LINK = (r"(?i:linked|affiliated|loyal|belonging|allied|tied|close|aligned|answering|"
         r"backed|supported|funded|armed|sponsored)")
_PATRON = (r"(?:(?i:the\s+)?(?:(?i:interim|new|transitional|former|local|ousted|fallen|old|"
           r"syrian|de facto|caretaker|current|previous|city|local)\s+){0,2}(?i:authorities|government|"
           r"regime|army|administration|municipality|council|governorate)\b"
           r"|(?i:the\s+)?(?:[A-Z][\w'-]*|al-[\w'-]+)(?:\s+(?:[A-Z][\w'-]*|al-[\w'-]+|of|the)){0,5}"
           # "a local commander known as Abu Jaafar"
           r"|(?:a|an|the)\s+(?:[a-z-]+\s+){0,3}(?:commander|leader|warlord|sheikh|officer|"
           r"businessman|figure|cleric|chief)(?:\s+(?:known as|named|called)\s+[A-Z][\w'-]*"
           r"(?:\s+[A-Z][\w'-]*){0,3})?)")
_BACKER_ADJ = (r"(?:Iran|Iranian|Turkish|Turkey|Russian|Russia|US|U\.S\.|American|Israeli|"
               r"Israel|Saudi|Qatari|Emirati|UAE|Hezbollah|Kurdish|government|regime|Assad|"
               r"state|army|foreign)")
UNKNOWN_ACTOR = _rx(
    rf"\b(?P<head>{_HEAD})\s+(?P<link>{_LINK})\s+(?:(?i:to|with|by)\s+)(?P<x>{_PATRON})"
    r"|\b(?P<head2>(?i:gunmen|fighters|militiamen|militants))\s+from\s+(?P<y>(?:the\s+)?"
    r"[A-Z][\w'-]*(?:\s+(?:[A-Z][\w'-]*|al-[\w'-]+)){0,3})"
    rf"|\b(?P<adj>(?:{_BACKER_ADJ}|(?i:pro-)[A-Z][\w]+)-(?i:backed|aligned|affiliated|allied|"
    rf"linked|funded|sponsored|armed))\s+(?P<head3>(?i:militias?|factions?|groups?|fighters|"
    rf"forces|gunmen|militants|brigades?|troops))\b"
    # "الفصائل المسلحة المدعومة من دولة الاحتلال التركي", "الميليشيات الموالية له"
    r"|(?P<arhead>(?:ال)?(?:مسلحين|مسلحون|عناصر|مقاتلين|مقاتلون|ميليشيات|مليشيات|مجموعات|فصائل|"
    r"قوات|ورشات|ورش|جرافات))(?:\s+(?:ال)?مسلح\S*)?\s+"
    r"(?P<arlink>(?:ال)?(?:تابع\S*|موال\S*|مرتبط\S*|تتبع|يتبعون|مقرب\S*|مدعوم\S*))\s+"
    # a council or office is named by a chain of nouns ("لمجلس مدينة حمص")
    r"(?:من\s+|ل\s+)?(?P<arx>(?:ل|لل|ال)?(?:مجلس|بلدي[هة]|محافظ[هة]|مديري[هة])\s+[^\s،,.]+"
    r"(?:\s+[^\s،,.]+)?|[^\s،,.]+(?:\s+ال[^\s،,.]+){0,2})(?=[\s،,.]|$)")


def unknown_actor_label(m: re.Match[str]) -> str | None:
    """The canonical phrase of an ``UNKNOWN_ACTOR`` match: "militias linked to Iran",
    "Iran-backed militias"; None when the match names no patron."""
    if m.group("adj"):
        return f"{m.group('adj')} {m.group('head3').lower()}"
    head = m.group("head") or m.group("head2") or m.group("arhead")
    target = (m.group("x") or m.group("y") or m.group("arx") or "").strip()
    if not head or not target:
        return None
    if m.group("link"):
        link = m.group("link").lower()
        prep = re.match(r"\S+\s+(\S+)", m.group(0)[m.start("link") - m.start():])
        word = prep.group(1).lower() if prep else "to"
        return f"{head.lower()} {link} {word} {target}"
    if m.group("head2"):
        return f"{head.lower()} from {target}"
    return f"{head} {m.group('arlink')} {target}"


# -- who did it: clues beside the registry -------------------------------------------------------

# "men wearing General Security uniforms", "بلباس الأمن العام": a disguise, not the body itself
DISGUISE_BEFORE = _rx(r"(?:\buniforms?\s+of|\bdressed\s+(?:as|in)|\bwearing\s+(?:the\s+)?"
                      r"(?:\w+\s+)?(?:uniforms?\s+of\s+)?|\bin\s+(?:the\s+)?uniforms?\s+of|"
                      r"لباس|بلباس|زي|بزي|ملابس|بملابس|يرتدون|لابسين)\s*(?:the\s+)?$", re.I)
# "by the security services, in particular Air Force Intelligence and Military Security"
AGENT_LIST_BEFORE = _rx(r"(?:\bincluding|\bespecially|\bnotably|\bin particular|\bnamely|"
                        r"\bsuch as|ولا سيما|لا سيما|وخاصه|خاصه|وبخاصه|ومنها)\s+(?:the\s+)?"
                        r"(?:\S+\s+){0,4}(?:and\s+|و)?$", re.I)
AGENT_CUE = _rx(r"\bby\b|\bat the hands of\b|على يد|علي يد|من قبل|بايدي", re.I)
# "clashes with Druze factions left hundreds dead": a party to fighting, not the agent
CLASH_BEFORE = _rx(r"\b(?:clash(?:es|ed)?|fighting|battles?|fought|skirmish(?:es)?)\s+"
                   r"(?:\w+\s+)?(?:with|between|against)\s+(?:the\s+)?(?:\S+\s+){0,2}$|"
                   # "between X and Y": Y after up to four words of X
                   r"\b(?:clash(?:es|ed)?|fighting|battles?|skirmish(?:es)?)\s+(?:\w+\s+)?between\s+"
                   r"(?:\S+\s+){1,4}and\s+(?:the\s+)?$|"
                   r"(?:اشتباكات|معارك|مواجهات)\s+(?:\S+\s+)?(?:مع|بين)\s+(?:\S+\s+){0,4}و?[\"«“]?$",
                   re.I)
# a subject that undergoes, not does: "four fighters died", "civilians perished"
UNDERGOER_VERB = _rx(r"(?:died|dies|perished|lost their lives|succumbed|were found dead|"
                     r"was found dead|drowned|fled)\b", re.I)  # "... hours before Assad fled"
# an actor named by its weapon ("Israeli air strikes", "coalition airstrikes") or followed by
# an attack verb ("Turkish drones hit ...")
ATTACK_NOUN = _rx(r"\b(?:strikes?|airstrikes?|air\s+strikes?|shelling|bombardment|raids?|drones?|"
                  r"warplanes?|jets?|aircraft|artillery|missiles?|rockets?|helicopters?|"
                  # with or without the article: "الغارات الإسرائيلية"
                  r"(?:ال)?(?:غار[هة]|غارات|قصف|مسير[هة]|طيران|طائرات|مروحي[هة]|مروحيات|براميل)"
                  r")\b", re.I)
ATTACK_VERB_AFTER = _rx(r"\s+(?:\w+\s+)?(?:hit|struck|shelled|bombed|pounded|targeted|fired|"
                        r"opened fire|attacked|launched|raided|stormed)\b", re.I)
# the weapon as the subject of its own verb: "Turkish drone strike kills three", "Russian air
# strikes hit a market" (a headline's present tense too)
WEAPON_VERB_AFTER = _rx(r"\s+(?:\w+ly\s+)?(?:kill|hit|strike|struck|target|destroy|wound|injur|level|"
                        r"pound|flatten|claim|leave|left|bomb|shell|raze|rock)\w*\b", re.I)
# A foreign state's aircraft or strikes as the subject of a strike verb ("Israeli jets struck the
# defence ministry headquarters", "Turkish armed drones struck the city 71 times"): the state is
# an agent in a report of violations even where the target names no victim (not its strikes on
# fighters' positions: combat)
STATE_STRUCK_AFTER = _rx(r"\s+(?:\w+ly\s+)?(?:struck|hit|bombed|shelled|pounded|strike|hits|bomb|bombs|"
                         r"shell|shells|pound|pounds)\s+(?!(?:\S+\s+){0,3}?(?:positions?|fighters|"
                         r"militants|terrorists|targets|bases|hideouts|convoys|launchers|depots|"
                         r"weapons|sites|posts)\b)", re.I)
# "the jets were Russian", "the planes were Syrian"
IDENTIFIED_AS = _rx(r"\b(?:the\s+)?(?:jets|planes|warplanes|aircraft|helicopters|drones|"
                    r"attackers|gunmen|shells|missiles|strikes|airstrikes|they)\s+(?:were|was)\s+"
                    r"(?:(?:probably|likely|all|both)\s+)?(?P<m>[A-Z][a-z]+)\b")


def nationality_map(entries: list[dict[str, Any]]) -> dict[str, str]:
    """Adjective -> canonical, from each entry's ``nationality`` list and its forms' modifiers
    ("Russian" -> "Russian forces"), for "Russian and regime aircraft", "the jets were Russian"."""
    out: dict[str, str] = {}
    for entry in entries:
        words = list(entry.get("nationality", []) or [])
        forms = entry.get("forms") or {}
        words += [m for m in forms.get("modifiers", []) or [] if " " not in m]
        for w in words:
            out.setdefault(w.lower(), entry["canonical"])
    return out


_COORDINATED = re.compile(
    r"\s+and\s+(?:their\s+)?(?P<m2>[\w'-]+)\s+(?P<h>aircraft|warplanes|jets|planes|forces|troops|"
    r"soldiers|strikes|airstrikes|air strikes|drones|helicopters|artillery|allies)\b", re.I)
_WORD_BEFORE = re.compile(r"([\w'-]+)$")
_CAPITAL_BEFORE = re.compile(r"\b([A-Z][a-z]+)$")
# "the Syrian-Russian military alliance", "Russian-Syrian joint strikes": two states' forces in
# one hyphenated name (the registry matches neither word alone)
# (anchored on the hyphen, a literal the engine finds fast; the first word is read back)
_HYPHEN_PAIR = _plain(
    r"-(?P<m2>[A-Z][a-z]+)\s+(?:(?:military|joint|air|armed)\s+)?"
    r"(?P<h>alliance|coalition|aircraft|warplanes|jets|planes|forces|troops|strikes|airstrikes|"
    r"air strikes|bombardment|offensive|campaign|operations?|attacks?|raids?)\b")


def coordinated_actors(norm: str, nationalities: dict[str, str]) -> list[tuple[int, int, Any]]:
    """"Russian and regime aircraft", "Syrian and Russian jets": the first modifier names an
    actor too. Returned as (start, end, Entry) like registry matches. The search anchors on
    " and " (a literal the regex engine finds fast), then looks at the word before it."""
    from dalil.extract.lexicon import Entry

    out = []
    for m in _COORDINATED.finditer(norm):
        if m.group("m2").lower() not in nationalities:
            continue
        w = _WORD_BEFORE.search(norm, max(0, m.start() - 30), m.start())
        label = nationalities.get(w.group(1).lower()) if w else None
        if w is not None and label:  # the whole phrase, so its weapon noun shows an attacker
            out.append((w.start(1), m.end(), Entry(label, norm[w.start(1):m.end()])))
    for m in _HYPHEN_PAIR.finditer(norm):
        w = _CAPITAL_BEFORE.search(norm, max(0, m.start() - 20), m.start())
        if w is None:
            continue
        one, two = nationalities.get(w.group(1).lower()), nationalities.get(m.group("m2").lower())
        if one and two and one != two:
            # each state named once, over the whole phrase (its head shows an attacker)
            out.append((w.start(1), m.end(), Entry(one, norm[w.start(1):m.end()])))
            out.append((m.start("m2"), m.end(), Entry(two, norm[m.start("m2"):m.end()])))
    return out


# "three civilians were killed when the PKK/YPG terror group fired rockets at ...": the attack
# clause after a passive names the agent
ATTACK_CLAUSE_BEFORE = _rx(r"\b(?:when|after|as|while|once)\s+(?:the\s+|a\s+|an\s+)?$", re.I)
# "According to Samira, they went from house to house", "Residents said they looted ...": the
# pronoun after a fronted source or time is the sentence's subject
FRONTED_PRONOUN = _rx(
    r"^\W*(?:(?:according to|as reported by)\s[^,;]{2,80},\s*|(?:on|by|in|at|later|then|"
    r"that|the next|the following|after|before|within|during)\b[^,;]{0,40},\s*|"
    r"[^,;.]{2,60}?\s(?:said|say|says|recalled|told\s+\w+)\s+(?:that\s+)?)"
    r"(?:they|the (?:attackers|gunmen|men|fighters|assailants|militiamen|soldiers))\b"
    # "Families say the men were detained": the men are the victims
    r"(?!\s+(?:were|was|are|is|had been|have been|remain|remained|fled|escaped|left|died|survived|"
    r"hid|lost|saw|heard|managed|returned|tried)\b)", re.I)  # "Residents said they fled": victims
# "... were killed in the Damascus strikes": a definite attack refers back to the one just told,
# even across a paragraph break (a wire story's second paragraph gives the toll of its lead)
DEFINITE_ATTACK = _rx(r"\b(?:the|these|those|that|this|the\s+[A-Z][\w'-]+)\s+(?:\w+\s+)?"
                      r"(?:strikes?|airstrikes?|air\s+strikes?|attacks?|raids?|bombing|"
                      r"bombardment|shelling|assault|explosion|blast)\b|"
                      r"(?:الغاره|الغارات|القصف|الهجوم|الاستهداف|الاعتداء)(?:\s|$)", re.I)
# killed "in the ranks of" the enemy: fighters lost in combat, not a violation's victims
COMBAT_LOSS_AFTER = _rx(r"[^.،,;]{0,30}(?:في صفوف|among (?:the )?ranks of|in (?:the )?ranks of|"
                        r"losses (?:in|among))|"
                        # "ثلاثة مقاتلين من قسد قُتلوا خلال اشتباكات مع ...": died in combat
                        r"\s*(?:\S+\s+)?(?:خلال|في|اثناء|جراء|باشتباكات|بمعارك)\s*"
                        r"(?:ال)?(?:اشتباكات|معارك|مواجهات|اشتباك)", re.I)

# -- victim communities --------------------------------------------------------------------------

# "a small Alawite village", "Druze-majority town", "1,800 Bedouin families": a community named as
# the people or place of the events (English puts the community word before the noun)
COMMUNITY_HEAD_AFTER = _rx(
    r"[\s-]+(?:(?:majority|populated|inhabited|dominated)\s+)?(?:villages?|towns?|neighbou?rhoods?|"
    r"districts?|quarters?|areas?|communit(?:y|ies)|hamlets?|suburbs?|homes?|houses?|families|"
    r"family|households?|residents?|civilians?|villagers?|men|women|children|youths?|farmers|"
    r"worshippers|pilgrims|shrines?|mosques?|churches|detainees|prisoners)\b", re.I)
# "قرية علوية", "من أبناء الطائفة العلوية", "عائلات بدوية": Arabic puts the noun first
COMMUNITY_HEAD_BEFORE = _rx(
    r"(?:^|\s)(?:قري[هة]|قرى|بلد[هة]|بلدات|حي|احياء|منازل|بيوت|عائلات|عائل[هة]|اسر|ابناء|"
    r"اهالي|سكان|مدنيين|مدنيون|شبان|رجال|نساء|اطفال)\s+(?:من\s+)?$")
# the narrator's own community, said in the first person: "we are a small Alawite village",
# "only because we are Druze", "نحنا ضيعة علوية", "لأننا عائلة مسيحية" (a testimony's victims)
FIRST_PERSON_COMMUNITY = _rx(
    r"\b(?:we|we're)\s+(?:are|were)?\s*(?!not\b|never\b)(?:(?:all|a|an|just|only|simple|small|"
    r"poor|peaceful|ordinary|mostly)\s+){0,3}$|"
    r"(?:^|\s)(?:نحن|نحنا|احنا|لاننا|لانا|كوننا|فنحن|ونحن|نحنا)\s+(?!لسنا|مش|مو|ما|لا|غير)(?:\S+\s+)?$",
    re.I)
# counted people: "1,800 Bedouin families", "dozens of Alawite men", "عشرات العائلات"
COUNTED_BEFORE = _rx(r"(?:\d[\d,.]*|dozens of|hundreds of|thousands of|scores of|عشرات|مئات|"
                     r"الاف|آلاف)\s+(?:[\w-]+\s+)?$", re.I)
# "fled toward the Christian-majority town of Mhardeh", "باتجاه مدينة محردة ذات الغالبية
# المسيحية": the community of where people went, not of those targeted
DESTINATION_BEFORE = _rx(r"(?:\b(?:fled|flee|fleeing|escaped|sought refuge|sheltering|shelter|"
                         r"moved|headed|evacuated|taken|relocated)\s+(?:\w+\s+)?(?:to|toward|"
                         r"towards|into|in)\b|(?:^|\s)(?:باتجاه|(?:نزح|لجا|فر|هرب|توجه|انتقل)\S* (?:الى|نحو)))"
                         r"[^.,;،]{0,60}$", re.I)


# Where an actor stands in its sentence: agent, victim, accuser, party.
VICTIM_MEMBERS = _rx(r"(?:\b(?:including|among them|among whom|of whom|among the dead|among the "
                     r"victims)\s+(?:\S+\s+){0,2}(?:members?|fighters?|soldiers?|officers?|"
                     r"personnel|elements|recruits|conscripts)\s+(?:of|from)\s+(?:the\s+)?|"
                     r"(?:^|\s)(?:بينهم|منهم|من بينهم|بينها)\s+(?:\S+\s+){0,2}?(?:من\s+)?"
                     r"(?:عناصر|عنصر|عنصرين|عنصران|مقاتلي|افراد|جنود|ضباط|منتسبي)\s+(?:من\s+)?)$",
                     re.I)

# "٤ عناصر من قوات سوريا الديمقراطية قُتلوا بهجوم ...": counted members of a body, then the
# passive of their death or wounding: the dead (the attack's agent is told after it)
AR_COUNTED_MEMBERS_BEFORE = _rx(r"(?:[\d٠-٩]+|عشرات|عدد|(?:ثلاث|اربع|خمس|ست|سبع|ثمان|تسع|عشر)\S*)"
                                # (or the counted noun is the actor: "خمسة جنود")
                                r"\s+(?:(?:من\s+)?(?:عناصر|عنصرا|عنصرين|مقاتلين|مقاتلا|جنود|جنديا|"
                                r"افراد|ضباط|منتسبي)\s+(?:من\s+)?)?$")
# "أعلنت وزارة الداخلية اليوم أن وحداتها تمكنت من القبض على ...": the speaker tells what its own
# units did; they are its agents
AR_OWN_UNITS_AFTER = _rx(r"\s+(?:\S+\s+){0,2}?[اإ]ن\s+(?:وحدات|قوات|عناصر|دوريات)(?:ها|ه)\s+"
                         # (not "إن قواتها تصدت لهجوم ... قتل فيه": what others did)
                         r"(?![وف]?(?:تصد|ردت|رد|صدت|احبط|افشل|تعامل|دافع|استعاد)\S*)")
POST_END = _rx(r"(?:checkpoints?|posts?|patrols?|barracks|headquarters|positions?|bases?|"
               r"convoys?)$", re.I)
# "gunmen opened fire on a General Security checkpoint": the post's owner is the target (not
# "arrested at a Fourth Division checkpoint": there the post's men detain)
ATTACKED_POST = _rx(r"\b(?:attack(?:ed|s)?|assault(?:ed|s)?|ambush(?:ed)?|targeted|targeting|stormed|"
                    r"fire|fired|on)\s+(?:on\s+|at\s+)?(?:a|an|the|two|three|several)\s+$", re.I)
POST_AFTER = _rx(r"\s+(?:checkpoints?|posts?|patrols?|barracks|headquarters|positions?|bases?|"
                 r"convoys?)\b", re.I)
# "استشهد ثلاثة من عناصر الأمن العام": the death told first, then the counted members
AR_DIED_COUNTED_BEFORE = _plain(r"(?:^|\s)[وف]?(?:استشهد|قتل|مقتل|استشهاد|اصيب|اصاب[هة]|جرح|مصرع)\S*\s+"
                                r"(?:\S+\s+){0,2}?(?:[\d٠-٩]+|عشرات|عدد|(?:ثلاث|اربع|خمس|ست|سبع|ثمان|"
                                r"تسع|عشر|اثن|اثنين)\S*)\s+(?:من\s+)?(?:عناصر|افراد|جنود|مقاتلي|"
                                r"ضباط|منتسبي)\s+(?:من\s+)?$")
AR_DIED_AFTER = _rx(r"\s+(?:\S+\s+){0,3}?(?:قتلوا|قتلا|قضوا|لقوا|استشهدوا|اصيبوا|جرحوا|سقطوا|"
                    r"قتل|قضى|استشهد)(?:\s|$)")

# "الجرائم التي ارتكبتها ميليشيا قسد بحق أهلنا", "المجزرة التي نفذتها قوات النظام": the
# subject of an Arabic relative clause of the crime (verb before subject), however far the
# violation words are told after it
AR_CRIME_REL_BEFORE = _plain(r"(?:^|\s)(?:ال)?(?:جرائم|جريم[هة]|انتهاكات|مجازر|مجزر[هة]|هجمات|هجوم|"
                             r"اعتداءات|عمليات\s+\S+)\s+(?:التي|الذي|اللتي)\s+(?:ارتكب|اقترف|نفذ|"
                             r"شن)\S*\s+(?:(?:عناصر|مسلحو|مسلحون|مقاتلو|افراد)\s+(?:من\s+)?)?"
                             r"(?:ميليشيا|مليشيا|ميليشيات|تنظيم|عصابات|عصاب[هة])?\s*[\"«“]?$")

# "اعتقال أكثر من ٦٠ شاباً من أبناء العشائر", "civilians from the Bedouin tribes": counted
# people named by where they come from are those harmed (a body's armed men, "عناصر من X",
# "gunmen from X", are not: no armed head here)
CIVILIANS_FROM = _rx(r"(?:\b(?:civilians|young\s+men|youths|women|children|families|residents|"
                     r"villagers|relatives|detainees|students|shepherds|farmers)\s+(?:from|of)\s+"
                     r"(?:the\s+)?|(?:[\d٠-٩]+|عشرات|مئات|عدد|(?:ثلاث|اربع|خمس|ست|سبع|ثمان|تسع|عشر)\S*)\s+(?:من\s+)?(?:الـ?\s*)?(?:شابا|شاب|شبان|"
                     # (counted: "جاء رجال من العشائر وسرقوا" are the robbers)
                     r"رجلا|رجال|مدنيا|مدنيين|مدنيون|اشخاص|شخصا|مواطنا|مواطنين|نساء|اطفال|"
                     r"عائلات|عائله|معتقلين|طلاب)\s+من\s+)$",
                     re.I)

ARRESTS_SUSPECTS = _rx(r"(?:\s+\S+){0,3}?\s+(?:had\s+|have\s+|has\s+)?(?:arrested|detained|"
                       r"apprehended|captured)\s+(?:\S+\s+){0,3}?(?:suspects?|men suspected|"
                       r"people suspected|alleged perpetrators)|(?:\s+\S+){0,2}?\s+(?:القبض|بالقبض)"
                       r"\s+على\s+(?:\S+\s+){0,3}?(?:متهم|متورط|مشتبه|مطلوب|المتهم|المتورط|"
                       r"المشتبه|المطلوب)", re.I)

EN_AGENT_CHAIN = _plain(r"\bby\s+(?P<chain>[^.;:!?\"“”]{2,160}?(?:,|\band|\bas well as)\s+(?:the\s+)?"
                        r"(?:[\w'-]+\s+){0,6})$", re.I)

# "killed by gunmen, the Interior Ministry said": the next name speaks, it is no second agent
SPEAKS_AFTER = _rx(r"(?:\s+(?:also|later|earlier|had|has|have))?\s+(?:said|says|told|reported|added|"
                   r"stated|announced|denied|denies|claimed|claims|accused|blamed|confirmed|"
                   r"wrote|posted)\b", re.I)

CHAIN_BREAK = _rx(r"\b(?:was|were|is|are|had|has|have|said|says|told|killed|who|which|when|after|"
                  r"before|while|during|in|on|at|against|between)\b", re.I)

TALLY_SHARE_AFTER = _rx(r"(?:\s*\([^()]{1,40}\))?\s+(?:(?:were\s+|was\s+)?responsible\s+)?(?:for|with)\s+"
                        r"(?:\d|[٠-٩])|(?:\s*\([^()]{1,40}\))?\s+بـ?\s*(?:\d|[٠-٩])", re.I)

TALLY_SHARE_CUE = _rx(r"\b(?:responsible\s+for|accounted\s+for|blamed\s+for|attributed)\b|"
                      r"(?:^|\s)(?:تتصدر\S*|تصدر\S*|تليها|يليها|تلتها|تلاها)(?:\s|$)", re.I)

AGENT_BEFORE = _rx(r"(?:\bby\s+(?:the\s+)?(?:[\w-]+\s+){0,3}|\bat the hands of\s+"
                           r"(?:the\s+)?|(?:على يد|علي يد|من قبل|بايدي|بيد|نفذها|ارتكبها|شنها|شنتها|"
                           r"نفذتها|ارتكبتها|شنه|نفذه|برصاص|بنيران|بقذائف|بقصف|بغاره|بغارات|"
                           r"برصاص قناص|على ايدي)\s+|(?:هجوم|هجمات|غاره|غارات|قصف|كمين)\s+(?:\S+\s+)?ل)$",
                           re.I)

# "على أيدي عناصر من الفرع ٢٢٧ التابع للأمن العسكري، وعناصر من ميليشيا «الدفاع الوطني»": Arabic
# names the agent through a chain (members of a branch belonging to X, and members of Y), longer
# than the window of AGENT_BEFORE; no verb or full stop may come between the cue and the actor.
AR_AGENT_CHAIN = _rx(r"(?:على يد|علي يد|على ايدي|علي ايدي|بايدي|من قبل)\s+(?:(?:عناصر|مسلح\S*|"
                     r"ما يسمى|ما تسمى|ما يعرف ب|المدعو\S*|المسماه|المسمى|"
                     r"افراد|مقاتل\S*|دوري\S*|قو\S*|من|الفرع|فرع|[\d٠-٩]+|التابع\S*|تابع\S*|"
                     r"ميليشي\S*|مليشي\S*|الموالي\S*|[وو]?عناصر|ال\S+|لل\S+)[\s،,«»\"]+){1,10}"
                     r"(?:ل|لل|و|ال)?$")

# "وقالت وزارة الدفاع ...": the subject of a speech verb speaks about the event, it is no agent
AR_SPEAKER_BEFORE = _rx(r"(?:^|\s)[وف]?(?:قال|قالت|اعلن|اعلنت|افاد|افادت|ذكر|ذكرت|اكد|اكدت|"
                        r"نفى|نفت|نفي|اتهم|اتهمت|صرح|صرحت|زعم|زعمت|ادان|ادانت)\s+(?:\S+\s+)?$")

PATIENT_BEFORE = _rx(r"(?:\b(?:against|targeting|targeted|ambushed|attacked|killed|"
                             # "the operation targeted \"remnants of the former regime\"",
                             # "arrested members of X": X is the one acted on
                             r"arrested|detained|pursuing|pursued|hunting|rounded up|"
                             r"killing|of)\s+(?:the\s+)?(?:[\w-]+\s+){0,2}[\"“«']?|"
                             # "a Russian air strike on an Islamic State convoy": the target
                             r"\b(?:strikes?|airstrikes?|raids?|attacks?|assaults?|shelling|"
                             r"bombardment|bombing)\s+on\s+(?:the\s+|an?\s+)?(?:[\w-]+\s+){0,2}|"
                             # "seized Afrin from the Kurdish YPG militia": the loser of ground
                             r"\b(?:seized|captured|took|wrested|recaptured|retook|expelled|drove)\s+"
                             r"(?:\S+\s+){0,3}?(?:from|out)\s+(?:the\s+)?(?:[\w-]+\s+){0,2}|(?:ضد|استهداف|استهدفت|"
                             r"استهدف|مقتل|قتل|اغتيال|اعتقال|خطف|اختطاف|اصابة|"
                             # "استشهد عنصران من الجيش": the dead and wounded are no agents
                             r"استشهد\S*|استشهاد|اصيب\S*|جرح|مصرع|لقي|"
                             # "منذ سقوط نظام الأسد": the fall of a government is no act of it
                             r"سقوط|انهيار|رحيل|هزيمة|اسقاط)\s+(?:\S+\s+){0,3}|"
                             # "استشهد ثلاثة عشر عنصراً من قوى الأمن العام": up to five words
                             r"(?:^|\s)(?:استشهد\S*|استشهاد|مقتل|مصرع)\s+(?:\S+\s+){3,5}?(?:من|في)\s+"
                             r"(?:\S+\s+)?|"
                             # the charge against the detained: "accused of links to IS",
                             # "بحجة الانتماء لخلايا تنظيم الدولة" (the pretext, not the agent)
                             r"\b(?:accused|accusing|suspected|suspicion|charges?|charged|convicted|"
                             r"pretext|pretexts)\s+(?:of\s+)?(?:\S+\s+){0,4}?(?:belonging|"
                             r"membership|links?|ties|affiliation|collaborat\w+|working|dealing|"
                             r"communicat\w+|spying)\s+(?:to|with|in|for)\s+(?:the\s+)?"
                             r"(?:\S+\s+){0,2}|(?:بحجة|بتهمة|بذريعة|بتهم|تهمة)\s+(?:\S+\s+){1,3})$",
                             re.I)

# a sentence may give figures of two sources only if it has two clauses
# "هاجم مسلحون ... دوريات وحواجز للأمن العام", "على مواقع للأمن العام": its posts were attacked
# (but "القصف مصدره مواقع قوات النظام": the fire came from them)
AR_ATTACKED_POSTS = _rx(r"(?:على|ضد|هاجم\S*|استهدف\S*|اقتحم\S*|مهاجم\S*|هجوم\S*|هجمات)\s+"
                        r"(?:\S+\s+){0,6}?(?:مواقع|حواجز|دوريات|نقاط|مقرات|مراكز|ثكنات|"
                        # (one post: "هجوم على حاجز للأمن العام")
                        r"موقع|حاجز|دوريه|نقطه|مقر|مركز|ثكنه)\s+"
                        r"(?:\S+\s+){0,2}$")

# ", they said,": an aside in a clause, not a speaker of it
SPEECH_ASIDE = _rx(r",\s*(?:he|she|they|we|it|witnesses|residents|relatives)\s+(?:said|say|says|"
                   r"added|recalled|told \w+)\s*,", re.I)

# a violation noun as the subject of its own clause: "..., kidnapping has become a business"
NOMINAL_SUBJECT = re.compile(r"\w+\s+(?:has|have|had|was|were|is|are|became|remains?|remained)\b",
                             re.I)

# the subject's own verb right after it: "مسلحين ملثمين دخلوا"
AR_PLURAL_VERB_AFTER = re.compile(
    r"\s+(?:\S{2,}وا|ت(?:توغل|قتحم|داهم|دخل|شن|هاجم|قصف|ستهدف|طلق|عتقل|حرق|نهب|عدم|قتل)|"
    # a group's verb agrees in the feminine: "قوات الاحتلال تتوغل ... وتعتقل"
    r"(?:توغل|اقتحم|داهم|دخل|شن|هاجم|قصف|استهدف|اطلق|اعتقل|احرق|نهب|اعدم|قتل)ت)(?:\s|$)")

SPEECH_BETWEEN = _rx(r"\b(?:said|says|told|reported|according|accused|accuses|blamed|blames|"
                     r"alleged|alleges|claimed|claims|denied|denies|charged|condemned|"
                     r"condemns)\b", re.I)

# "by" after a verb of running or hosting names who runs a thing, not who did harm; the object of
# "taken to" / "إلى" is where, not who; a pretext for an arrest ("بحجة التعامل مع X", "on charges
# of collaborating with X") names whom the victim was accused of siding with
# (two patterns, English and Arabic, each tried only where it can match: a search of the whole
# alternation tries every position of the window, and most windows hold neither "by", "to" nor
# "of" nor any Arabic; see not_agent_before)
NOT_AGENT_BEFORE_EN = _rx(
    r"\b(?:run|operated|administered|managed|hosted|funded|supervised|organi[sz]ed|attended|"
    r"chaired|staffed|founded|established|controlled|financed|coordinated|mediated|brokered|"
    r"monitored|documented|recorded|verified|compiled|reported|published|issued|announced|"
    r"confirmed|estimated|investigated)\s+by\s+(?:the\s+)?(?:[\w-]+\s+){0,2}$|"
    # "statements by the SDF", "footage released by X", "a report by X": who told, not who did
    r"\b(?:statements?|reports?|claims?|figures|data|accounts?|testimon(?:y|ies)|videos?|footage|"
    r"photos?|photographs|images|posts?|communiqu[eé]s?|bulletins?|tallies|tally|lists?)\s+"
    r"(?:\w+\s+){0,1}?(?:published\s+|issued\s+|released\s+|posted\s+|shared\s+|compiled\s+)?"
    r"by\s+(?:the\s+)?$|"
    r"\b(?:taken|transferred|moved|brought|referred|handed(?:\s+over)?|sent|driven|transported|"
    r"delivered|returned)\s+(?:\w+\s+){0,2}?to\s+(?:the\s+)?(?:[\w-]+\s+){0,2}$|"
    # "an attack on a General Security checkpoint": the post's owner is the target
    r"\b(?:checkpoints?|posts?|patrols?|barracks|headquarters)\s+(?:of|belonging\s+to|manned\s+by|"
    r"run\s+by)\s+(?:the\s+)?$|"
    r"\b(?:charges?|suspicion|accus\w+|pretext)\s+of\s+(?:\w+\s+){0,3}(?:with|for|to)\s+"
    r"(?:the\s+)?$", re.I)
NOT_AGENT_BEFORE_AR = _rx(
    r"(?:^|\s)(?:بحجه|بتهمه|بتهم|بذريعه|بدعوي|بدعوى)\s+(?:\S+\s+){0,5}$|"
    # "هاجمت حاجزاً للأمن العام": the post's owner is the target
    r"(?:^|\s)(?:حاجز|حواجز|نقط[هة]|نقاط|دوري[هة]|دوريات|مقر|مقرات|ثكن[هة]|مخفر)\S*\s+(?:تابع\S*\s+)?$|"
    # "الانتهاكات التي ارتكبت بحق عناصر الأمن العام": against them, they are the harmed
    r"(?:^|\s)بحق\s+(?:(?:عناصر|افراد|مقاتلي|منتسبي|جنود)\s+(?:من\s+)?)?$|"
    r"(?:^|\s)(?:[وف]?(?:اخذو\S*|نقلو\S*|اقتادو\S*|اقتيد\S*|نقل\S*|حول\S*|سلمو\S*)\s+"
    r"(?:\S+\s+)?)(?:الى|إلى)\s+$", re.I)


def not_agent_before(before: str) -> bool:
    """Whether the text before an actor makes it no agent: "run by", "taken to", "بحجة"."""
    # every Arabic alternative holds an Arabic word; every English one the word "by" or "to"
    # among the last four words or "of" among the last six (as the pattern counts the words
    # after it; no letter of these folds from a non-ASCII one: a lower-cased test is exact)
    if not before.isascii() and NOT_AGENT_BEFORE_AR.search(before):
        return True
    words = before.lower().split()
    return ("by" in words[-4:] or "to" in words[-4:] or "of" in words[-6:]) and \
        NOT_AGENT_BEFORE_EN.search(before) is not None


# People stopped, detained or abducted AT a checkpoint were taken by the men who hold it: its
# owner is the agent ("was detained at a checkpoint manned by masked men", "اعتقاله على حاجز
# لعناصر الأمن العام"); an attack ON a checkpoint makes the owner the target (not_agent_before).
HELD_AT_POST = _rx(
    r"\b(?:stopped|detained|arrested|abducted|kidnapped|taken|seized|held|picked\s+up|snatched|"
    r"disappeared|arrest|detention|abduction)\b[^.;:!?]{0,70}?\b(?:at|from)\s+(?:a|an|the|one\s+of\s+"
    r"the|one)\s+(?:[\w-]+\s+)?(?:checkpoints?|roadblocks?)\s+(?:manned\s+by|run\s+by|held\s+by|"
    r"belonging\s+to|of)\s+(?:the\s+)?$|"
    r"(?:^|\s)[وف]?(?:اعتقال|اعتقل|اختطاف|اختطف|خطف|احتجاز|احتجز|توقيف|اوقف|اقتاد|اقتيد|انعتقل)\S*\s+"
    r"(?:\S+\s+){0,4}?(?:على|عند|من)\s+(?:احد\s+)?(?:حاجز|حواجز)\s+(?:تابع\S*\s+)?"
    r"(?:ل(?:عناصر|قوات|مقاتلي)\s+)?$", re.I)

# the power that holds a place, not the agent of what happened there: "the district, then
# under the control of rebel factions, was shelled", "التي كانت تخضع لسيطرة فصائل المعارضة"
CONTROLLED_BY_BEFORE = _rx(r"\b(?:under\s+(?:the\s+)?(?:\w+\s+)?control\s+of|held\s+by|"
                           r"in\s+the\s+hands\s+of)\s+(?:the\s+)?(?:[\w-]+\s+){0,2}$|"
                           r"(?:^|\s)(?:تحت|ل|مناطق)\s*(?:سيطر[ةه]|نفوذ|قبض[ةه])\s+(?:\S+\s+){0,2}$",
                           re.I)
# ... but fire that came from there names who fired: "the shelling came from areas held by
# government forces", "القصف مصدره مناطق سيطرة قوات النظام"
FIRE_FROM_BEFORE = _rx(r"(?:\bfrom|(?:^|\s)من|مصدره|مصدرها)\s+(?:the\s+)?(?:\S+\s+){0,2}(?:areas?|"
                       r"positions?|territory|parts?|zones?|districts?|مناطق|مواقع)\s+[^.،,;]{0,40}$",
                       re.I)


# Arabic puts the verb first: right after a finite verb of attack comes its subject
# ("استهدفت التنظيمات الإرهابية الأحياء السكنية"); the verbal noun ("استهداف X") takes its object
AR_FINITE_VERB_BEFORE = _rx(r"(?:^|\s)[وف]?(?:استهدفت|استهدف|هاجمت|هاجم|اقتحمت|اقتحم|شنت|"
                            r"ارتكبت|ارتكب|قتلت|اعدمت|اعدم|اعتقلت|اعتقل|اختطفت|اختطف|داهمت|"
                            r"داهم|نفذت|اطلقت|اطلق|احرقت|احرق|نهبت|نهب|دمرت|قصفت)\s+$|"
                            # the attack, then its verb with the attack as a pronoun, then the
                            # subject: "كمين نصبته مجموعة من فلول النظام", "هجوم شنته
                            # عناصر من داعش", "مجزرة ارتكبتها قوات النظام"
                            r"(?:^|\s)(?:نصبته|نصبها|نصبوه|شنته|شنها|نفذته|نفذها|ارتكبته|ارتكبها|"
                            r"تبنته|تبناه|تبنتها|تبناها|زرعته|زرعها|فجرته|فجرها|اطلقته|اطلقها)\s+"
                            r"(?:(?:حينها|يومها|لاحقا)\s+)?(?:(?:مجموعه|عناصر|مسلحون|مسلحين|خليه|"
                            r"افراد|مقاتلو|مقاتلون|مقاتلين)\s+(?:من|تابع\S*\s+ل|تتبع\s+ل?)\s*)?$")

VICTIMS_WHO_WERE = _rx(r"\b(?:victims|the dead|those killed|the men|the detainees|the bodies|"
                       r"the wounded)\s*,\s*(?:(?:all|most|both|many|some|several)\s+(?:of them\s+)?)?"
                       r"(?:members|fighters|soldiers|elements|recruits)\s+of\s+(?:the\s+)?$", re.I)

# "killed in an Israeli strike", "died in Russian air raids", "wounded during a suspected Turkish
# drone strike": the attack a casualty happened in names its agent
IN_ATTACK_BEFORE = _rx(r"\b(?:in|during|under)\s+(?:(?:a|an|the|two|three|several|repeated|"
                       r"renewed|heavy|intense|suspected|apparent|alleged|separate)\s+){0,2}$",
                       re.I)

# "ردت وحدات من الجيش على مصادر إطلاق القذائف", "تصدت وحدات من قواتنا لهجوم", "units responded
# to the sources of fire": the army answering fire is a party to combat, not an agent
RESPONDED_BEFORE = _rx(r"(?:^|\s)[وف]?(?:ردت|رد|تصدت|تصدى|تعاملت|تعامل)\s+(?:\S+\s+){0,3}$")

RESPONDED_AFTER = _rx(r"\s+(?:(?:only|then|later|had|have|quickly)\s+)?(?:responded|returned fire|"
                      r"repelled|repulsed)\b", re.I)

# a violation named as the topic of a talk, a vote, a condemnation or an inquiry, not as an act of
# the actor before it: "Israel and Syria held talks on the killing of civilians", "Russia vetoed
# the resolution on the shelling", "أدانت تركيا مقتل المدنيين"
TOPIC_BEFORE = _rx(r"(?:\b(?:on|about|over|into|regarding|concerning)\s+(?:the|a|an|these|those|"
                   r"its|their|recent|last\s+\w+'s)\s+(?:(?!and\b|or\b|then\b)[\w-]+\s+)?|\b(?:condemn(?:ed|s|ing)?|"
                   r"denounc(?:ed|es|ing)|deplor(?:ed|es|ing)|veto(?:ed|es)?|discuss(?:ed|es|ing)?|"
                   r"investigat(?:ed|es|ing)|mourn(?:ed|s)?|commemorat(?:ed|es)|"
                   r"recogni[sz](?:ed|es)|welcom(?:ed|es)|call(?:ed|s)?\s+for\s+an?\s+end\s+to)\s+"
                   r"(?:the\s+|a\s+|an\s+)?(?:[\w-]+\s+){0,2}|(?:^|\s)(?:و|ف)?(?:ادان\S*|تدين|يدين|"
                   r"استنكر\S*|تستنكر|يستنكر|ندد\S*|تندد|يندد|ناقش\S*|بحث\S*|بشان|حول)\s+"
                   r"(?:\S+\s+){0,1})$", re.I)
_PROGRESSIVE = re.compile(r"\w+ing\b")  # "is shelling": the progressive is active
# "strikes on the town killed three": a verb, no topic; and the irregular past tenses ("two gunmen
# on a motorbike shot dead a shop owner", "men in a van took the brothers")
_PAST_VERB = re.compile(r"(?:\w+ed|shot|beat|took|stole|burnt|broke|threw|tore|slew|hung|"
                        r"struck|set\s+fire|blew\s+up|led\s+away|drove\s+off)\b")
# "أقدم مسلحون على ...", "وقد أقدمت عصابة مسلحة على ...": the subject of the deed and of the
# verbs chained after it in the sentence
AR_UNDERTOOK_BEFORE = _rx(r"(?:^|\s)[وف]?(?:قد\s+)?(?:اقدم|اقدمت|اقدموا|يقدم|تقدم\s+على)\s+$")
AR_CLAUSE_BREAK = _rx(r"(?:^|\s)(?:فيما|بينما|في حين|وفي المقابل|في المقابل)(?:\s|$)|[.؛;]")

AR_VERB_BEFORE = _rx(r"(?:^|\s)[وف]?(?:قتل|خطف|اختطف|اعتقل|اعدم|هاجم|اقتحم|داهم|استهدف|اطلق|"
                     r"احرق|نهب|اغتال|عذب|سرق)\s+$")

AR_NOMINATIVE = re.compile(r"\S*ون(?:\s|$)")

# "the gunmen belonged to the General Security", "said they were members of X": who the agents
# of the sentence's violation were
BELONGED_TO = _rx(r"\b(?:gunmen|attackers|assailants|armed men|masked men|perpetrators|killers|kidnappers|"
                  # a relative clause of the agent's own deed ("who executed six men"), not of
                  # what was done to them ("the men who were killed were members of X")
                  r"militiamen|abductors)(?:\s+(?:who|that)\s(?![^.;]{0,90}?\b(?:were|was|"
                  r"been|are|is|died|killed|wounded|detained|arrested)\b)[^.;]{0,90}?|\s+\w+)?\s+"
                  r"(?:belong(?:ed|s)?\s+to|"
                  r"(?:were|was|are)\s+(?:(?:all|known|later identified as|identified as)\s+)?"
                  r"(?:members|part|fighters|elements|men)\s+of|(?:were|was|are)\s+from|"
                  r"identified themselves as(?:\s+members of)?)\s+(?:the\s+)?$", re.I)

MEMBERS_OF = _rx(r"\b(?:members?|fighters|units?|elements|gunmen|militiamen|soldiers|officers|"
                 r"personnel|troops|commanders?|men|a group|groups)\s+(?:of|from)\s+(?:the\s+)?$"
                 r"|(?:عناصر|مقاتلو|مقاتلي|مسلحو|مسلحي|مسلحون|مسلحين|افراد|جنود)\s+(?:من\s+)?$",
                 re.I)

PASSIVE = _rx(r"\b(?:were|was|been|being|are|is)\s+(?:\w+ly\s+)?$", re.I)

PERPETRATOR_WORD = _rx(r"\b(?:perpetrators?|culprits|attackers were|carried out by|committed by|"
                       r"blamed|accused|accuses?|held responsible|(?:attacks?|airstrikes?|air strikes?|"
                       r"raids?|shelling|bombardment|assaults?) by)\b|"
                       r"(?:الجناه|الجناة|مرتكبي|مرتكبو|منفذي|منفذو)|"
                       # "واتهم ناشطون قوات النظام بالوقوف وراء القصف": the accused
                       r"(?<!\S)[وف]?(?:اتهم|اتهمت|يتهم|تتهم|اتهموا)(?!\S)|"
                       # "Residents hold the Fourth Division responsible", "وحمّل الأهالي
                       # الفرقة الرابعة المسؤولية": the one held responsible
                       r"\b(?:hold|holds|holding|held)\b(?=[^.;]{3,80}?\bresponsible\b)|"
                       r"(?<!\S)[وف]?(?:حمل|حملت|حملوا)(?!\S)(?=[^.؛]{3,80}?المسؤولية)|"
                       # a toll attributed to parties: "attributed 140 of the killings to X, 35
                       # to Y" (not "attributed the statement to the ministry": the object is a
                       # toll)
                       r"\battribut(?:ed|es|ing)\s+(?:(?:most|all|some|many|the|of|these|those|"
                       r"\d[\d,]*)\s+){0,4}(?:killings|deaths|attacks|violations|abuses|cases|"
                       r"disappearances|arrests|crimes|massacres?|strikes|casualties|(?:air\s*|drone\s+)"
                       r"strikes|bombings|shelling)\b", re.I)

# the Arabic verb of accusation, alone (its subject follows it, then the accused)
AR_ACCUSES = re.compile(r"[وف]?(?:اتهم|اتهمت|يتهم|تتهم|اتهموا|حمل|حملت|حملوا)")

COMMITTED = _rx(r"\b(?:(?:committed|carried out|perpetrated|were responsible for|are responsible "
                r"for)\s+(?:\w+\s+){0,2}(?:violations|abuses|crimes|atrocities|massacres|killings)|"
                # "IS claimed responsibility for the bombing", "X were accused of killing"
                r"claim(?:ed|s)?\s+responsibility|"
                # "Islamic State claimed that attack, which killed 16 people": the claim of a deed
                r"claim(?:ed|s)?\s+(?:the|that(?!\s+(?:the|a|an|its|their|his|her)\s)|this|these|"
                r"those|both)\s+(?:\w+\s+){0,2}(?:attacks?|"
                r"bombings?|strikes?|ambush|assault|raids?|killings?|assassinations?|explosions?)|"
                r"(?:were|was|are|is|have been|has been)\s+"
                r"(?:\w+\s+)?(?:accused|blamed)\s+(?:of|for)\b|"
                # "HRW concluded that government forces carried out the attack"
                r"(?:carried out|perpetrated|conducted|launched|(?:was|were) behind)\s+(?:the|this|"
                r"that|these|those)\s+(?:\w+\s+){0,2}(?:attacks?|strikes?|airstrikes?|massacres?|"
                r"bombings?|assault|raids?|shelling|executions|abductions|killings?)|"
                r"(?:were|was|are|is)\s+(?:\w+\s+)?responsible)\b|"
                r"(?:ارتكب\w*|ارتكاب|نفذ\w*|تنفيذ)\s+(?:\S+\s+){0,2}(?:ال)?(?:انتهاكات|جرائم|مجازر)|"
                # "قوات النظام مسؤولة عن اختفاء ٩٦٣٢١ شخصاً", "المسؤولة عن مقتل": a party's
                # share of a toll (not "المسؤول عن الملف", an office)
                r"(?:^|\s)(?:هي\s+|هو\s+)?مسؤول(?:ة|ون|ين)?\s+عن\s+(?:\S+\s+){0,2}?"
                r"(?:[\d٠-٩]|(?:ال)?(?:مقتل|قتل|اختفاء|اعتقال|خطف|اختطاف|تهجير|تعذيب|تدمير|"
                r"مجزر\S*|مجازر|انتهاكات|جرائم|وفاة|وفيات))",
                re.I)

PRONOUN_SUBJECT = _rx(
    r"^\W*(?:they|he|she|the (?:attackers|gunmen|men|fighters|assailants|militiamen|soldiers)|"
    r"then they|later they|(?:ثم\s+|بعدها\s+)?\S+وا\s|هم\s|"
    # "Their tanks shelled the houses": the weapons of the actors just named
    r"their (?:tanks|artillery|jets|warplanes|aircraft|planes|helicopters|drones|snipers|gunmen|"
    r"men|fighters|forces|troops|militiamen|mortars|rockets|shells)\b)", re.I)

# "The Hamza Division entered Kafr Safra. The militia then executed six men.", "Its fighters
# executed ...", "وقام عناصرها بإعدام ...": the group named just before, told again by a definite
# description or a possessive as the subject (matched at a sentence's start; not "The group said",
# "The group's members were killed")
GROUP_ANAPHOR = _rx(
    r"\W*(?:(?:then|later|subsequently|afterwards|soon after|there|that night|the next day)\W+)?"
    r"(?:(?i:the)\s+(?:armed\s+)?(?:militia|group|faction|division|brigade|unit|organi[sz]ation|"
    r"movement)(?:['’]s\s+(?:fighters|members|men|gunmen|militiamen|forces|troops))?|"
    r"(?i:its|their)\s+(?:fighters|members|men|gunmen|militiamen|forces|troops|soldiers|units?|"
    r"officers|personnel|commanders?))\b"
    r"(?!\s+(?:(?:\w+ly|then|later|also)\s+)?(?:was|were|is|are|had\s+been|has\s+been|have\s+been|"
    r"said|says|told|denied|denies|claimed|claims|reported|stated|announced|confirmed|remained|"
    r"remains|withdrew|fled|lost|suffered|died)\b)"
    r"|\W*(?:\S+\s+){0,3}?[وف]?(?:عناصرها|عناصره|مقاتلوها|مقاتليها|مقاتلوه|مسلحوها|مسلحيها|"
    r"افرادها|قواتها|قواته)(?:\s|$)", re.I)

# "X, and by unidentified armed men": a second agent, not X's own gunmen
# "X and Y", "X" و"Y", "X (Y)": one list of agents
JOINED = _rx(r"[\s\"«»“”)]*(?:,?\s*as\s+well\s+as|,|and|or|و)[\s\"«»“”(]*(?:(?:allied|affiliated|"
             r"auxiliary|other|"
             r"local|foreign)\s+)?"
             # "by Military Intelligence and patrols of the Criminal Security", "على يد شعبة
             # المخابرات العسكرية ومفارز الأمن الجنائي": the second body named by its men
             r"(?:(?:units|members|elements|detachments|patrols|fighters|officers|agents|"
             r"personnel)\s+(?:of|from)\s+(?:the\s+)?|(?:مفارز|مفرز[هة]|عناصر|دوريات|دوري[هة]|"
             r"وحدات|مجموعات)\s+(?:من\s+)?)?"
             # "the Turkish occupation army and its mercenaries of the so-called "SNA"",
             # "الاحتلال التركي ومرتزقته من فصائل ..."
             r"(?:(?:its|their)\s+(?:mercenaries|proxies|allies|auxiliaries|militias|affiliated "
             r"factions)\s+(?:of|from|in)\s+(?:the\s+)?(?:so-called\s+)?[\"«“]?|"
             r"(?:مرتزقته|مرتزقتها|مرتزقتهم|ميليشياته|ميليشياتها|حلفاؤه|حلفائه)\s+(?:من\s+)?"
             r"(?:ما\s+يسمى\s+(?:ب)?)?[\"«“]?)?", re.I)

ALIAS_IN_PARENS = _rx(r"[\s\"«»“”]*\(\s*")

# "he was assisted by members of the National Defence Forces", "acting together with members of
# X", "بمساعدة عناصر من X": the body that helped the agent commit the act is an agent too. Only
# help words: "supported by air strikes" and "backed by Turkey" name a patron or a campaign's
# air cover, which writers do not agree to count; "alongside" and "together with" alone also
# join the victims ("killed together with his brother").
HELPED_BY_BEFORE = _rx(r"(?:\b(?:assisted|aided|helped|joined|accompanied)\s+by|\bwith\s+the\s+"
                       r"(?:help|assistance|participation|complicity)\s+of|\b(?:acting|operating|"
                       r"working|fighting)\s+(?:together\s+with|alongside|jointly\s+with)|"
                       r"\bin\s+(?:cooperation|coordination|collaboration)\s+with|(?:^|\s)"
                       r"(?:بمساعده|بمشاركه|بمؤازره|بمساند[هة]|بالتعاون\s+مع|بالتنسيق\s+مع|"
                       r"بالاشتراك\s+مع))\s+(?:(?:the|some|several|local|other|members|elements|"
                       r"fighters|units?|officers|men|of|from|its|their|pro-[\w-]+|عناصر|"
                       r"مسلحين|مسلحون|مقاتلين|من)\s+){0,4}(?:the\s+)?$", re.I)

ANOTHER_AGENT = _rx(r"\b(?:and|or|as well as|while)\s+by\b|\sو(?:من قبل|على يد)", re.I)

CLAUSE_START = _rx(r".*(?:;\s*|\b(?:while|whereas|but)\s+|(?:بينما|في حين)\s+)", re.I)

MEMBER_LINK = _rx(r"\s+(?:من|of|from)\s+(?:the\s+)?", re.I)

BLAMED_ON = re.compile(r"blam|attribut", re.I)

# "blamed most deaths on X, and 211 on Y"; "attributed 140 to X, 35 to Y"
ON_BEFORE = _rx(r"\b(?:on|to)\s+(?:the\s+)?$", re.I)

OBJECT_END = _rx(r"\s(?:for|over|after|in which|who|which|that|when)\s|"
                 # ("included X, as well as Y": one list)
                 r"[,;](?!\s*(?:as\s+well\s+as|along\s+with)\s)|،|"
                 r"\sof\s+\w+ing\b", re.I)  # "accuse several gangs of working under X": the gangs

LABEL_ACTOR = "groups the source calls terrorist or outlaw"

INCLUDING_NAMED = _rx(r"[^.;]{0,60}\b(?:including|such as|among them|notably|in particular|"
                      r"namely|led by)\s+(?:the\s+)?|[^.;]{0,40}(?:بينها|منها|ولا سيما|لا سيما|"
                      r"وخاصة|خاصة)\s+", re.I)

CLAIMED_MEMBERSHIP = _rx(r"\b(?:belong\w*|affiliat\w*|claim\w* to be|identified themselves as|"
                         r"said they were (?:from|with|members of))\b", re.I)

# a link word of UNKNOWN_ACTOR ("linked to", "-backed", "fighters from", "موالية ل"): every
# match holds one
UNKNOWN_HINT = _rx(r"linked|affiliated|loyal|belonging|allied|tied|close|aligned|answering|backed|"
                   r"supported|funded|armed|sponsored|from|تابع|موال|مرتبط|تتبع|يتبع|مقرب|مدعوم",
                   re.I)

LABEL_BEFORE = _rx(r"(?:\bterrorists?|ارهابيي|ارهابيو|ارهابي)\W{0,3}$", re.I)

LABEL_AFTER = _rx(r"\W{0,3}(?:terrorists?|terror group)\b", re.I)

DEFINITE_BEFORE = _plain(r"\b(?:the|these|those)\s+$", re.I)

def definite(norm: str, start: int, surface: str) -> bool:
    """"the kidnappers", "these gunmen", "الخاطفون": a definite description of an agent."""
    word = surface.split()[0] if surface.split() else ""
    if _ARABIC.match(word):
        return bool(re.match(r"(?:[وفب]|لل)?ال", normalize_arabic(word)))
    return bool(DEFINITE_BEFORE.search(norm, max(0, start - 20), start))

# "factions affiliated to the SNA", "فصائل تابعة للجيش الوطني": members of a known group
MEMBERSHIP = _rx(r"\b(?:affiliated|belonging)\b|تابع|يتبع|تتبع", re.I)

VICTIMS_WERE = _rx(r"\b(?:victims|those (?:killed|abducted|detained|targeted)|the dead)\s+"
                   r"(?:(?:in|of|from)\s+[^.;,]{1,40}?\s+)?(?:were|are|included)\b|\btargeted\b|\btargeting\b|\bsubjected to\b|"
                   r"\b(?:violence|attacks?|crimes|abuses|violations|killings|massacres?|campaign|"
                   r"incitement|reprisals?)\s+(?:on|against)\b|"
                   r"(?:انتهاكات|الانتهاكات|جرائم|الجرائم|اعتداءات|الاعتداءات)\s+(?:\S+\s+)?(?:بحق|ضد)|الضحايا\s+من|استهداف|المستهدفين|"
                   r"(?:^|\s)(?:يتعرض|تتعرض|يتعرضون|تعرض|تعرضت|تعرضوا)\S*", re.I)

# the parties named after "clashes between" / "اشتباكات بين": fighters, not a targeted community
CLASH_PARTY_BEFORE = _rx(r"\b(?:clash(?:es|ed)?|fighting|battles?|fought|skirmish(?:es)?|feud)\s+"
                         r"(?:\w+\s+)?(?:with|between|against|pitting)\s+(?:the\s+)?"
                         r"(?:[\w-]+\s+){0,3}(?:(?:and|with)\s+(?:the\s+)?)?$|"
                         r"(?:اشتباكات|معارك|مواجهات|الاشتباكات|المعارك)\s+(?:\S+\s+)?(?:مع|بين)\s+"
                         r"(?:\S+\s+){0,3}(?:و)?$", re.I)

# a community word before armed men or a speaker names who acted or spoke, not who was targeted
ARMED_OR_SPEAKING_AFTER = _rx(
    r"[\s-]+(?:(?:officers?|fighters?|militiam[ae]n|gunmen|gunman|soldiers?|commanders?|militias?|"
    r"guards?|snipers?|factions?|forces|militants?|jihadists?|armed\s+groups?)\b|"
    r"(?:\w+\s+){0,2}(?:cleric|sheikh|leader|spokesman|spokeswoman|official|activist|journalist|"
    r"source|notable|elder|figure|MP|lawmaker|politician)s?\b[^.;]{0,40}?\b(?:said|says|told|"
    r"added|stated|wrote)\b)", re.I)

# between a unit and its group: "and", "or", "as well as", "و" (a separate word or prefix), ";"
# or a full stop make two mentions
SEPARATE_MENTIONS = _rx(r"\b(?:and|or|as well as|while)\b|[;.]|(?:^|\s)(?:و|او|أو)(?:\s|$)|(?:^|\s)و\S")

# a toll broken down by perpetrator: the header, then "- Actor: 51 civilians"
LIST_ITEM = re.compile(r"\s*[-•*–—]\s*")

ITEM_COUNT = _rx(r"[\s\"”»)]*[:：]\s*(?:\d|[٠-٩]|(?:one|two|three|four|five|six|seven|eight|"
                 r"nine|ten|eleven|twelve|a dozen|dozens)\b)", re.I)  # "...: 51", "...: six"

BY_PERPETRATOR = _rx(r"الجهات الفاعله|الجهه الفاعله|الاطراف الفاعله|بحسب مرتكب|حسب مرتكب|"
                     # "بحسب الجهة المسؤولة على النحو التالي:", "by the party responsible"
                     r"الجهه المسؤوله|الجهات المسؤوله|الطرف المسؤول|الاطراف المسؤوله|"
                     r"\bby (?:the )?(?:party|parties) responsible|\bby responsible part|"
                     r"\bby perpetrator|\bperpetrator\b|\bperpetrators\b|\bresponsible part",
                     re.I)

DENIAL = _rx(r"\b(?:denied|denies|deny|dismissed|rejected|refuted)\b|(?:^|\s)(?:و|ف)?"
                     r"(?:نفى|نفت|ينفي|تنفي|نفي|نفيا|ننفي|انفي|نفينا)(?:\s|$)", re.I)


def is_agent(norm: str, s: int, e: int, sent: Sentence, viols: list[tuple[int, int]]) -> bool:
    """Whether the actor at norm[s:e] is the agent of a violation of its sentence. ``viols``:
    where each of the sentence's violations starts in the normalised text, and its length."""
    before = norm[max(sent.start, s - 40):s]
    # the patterns named AR_ below (and RESPONDED_BEFORE) need an Arabic letter in the window
    # they search, all of which lie in this one: without any they are not tried
    ar_sent = _ARABIC.search(norm, max(0, sent.start - 1, s - 90), s) is not None
    # Most patterns on ``before`` are tried only where a word they need occurs in it, or where
    # it ends with one of their last words ("...(?:of|from)\s+(?:the\s+)?$"): plain string tests
    # on the lower-cased text (of words without "i" or "s", whose IGNORECASE matches include
    # characters lower-casing leaves apart: "ı", "ſ"), or the text holds Arabic or a digit.
    low = before.lower()
    tail = low.rstrip()
    ascii_before = before.isascii()
    if ("form" in low or "dre" in low or "wear" in low or not ascii_before) and \
            DISGUISE_BEFORE.search(before):
        return False  # "men wearing General Security uniforms": not General Security
    ends_of = tail.endswith(("of", "from", "the")) or "\u0600" <= tail[-1:] <= "\u06ff"
    if ends_of and VICTIM_MEMBERS.search(before):
        return False  # "18 killed, among them 5 members of General Security": the dead
    if tail.endswith(("a", "an", "the", "two", "three", "everal")) and \
            ATTACKED_POST.search(before) and (POST_AFTER.match(norm, e) or
                                              POST_END.search(norm, s, e)):
        return False  # "opened fire on a General Security checkpoint": the target
    if ar_sent and AR_DIED_COUNTED_BEFORE.search(norm, max(0, sent.start - 1, s - 70), s):
        return False  # "استشهد ثلاثة من عناصر الأمن العام ... جراء هجوم": the dead
    if (not ascii_before or tail[-1:].isdigit()) and AR_COUNTED_MEMBERS_BEFORE.search(before) \
            and AR_DIED_AFTER.match(norm, e, sent.end):
        return False  # "٤ عناصر من قسد قُتلوا بهجوم لخلايا التنظيم": the dead
    if _ARABIC.search(norm, s, e) and AR_CRIME_REL_BEFORE.search(
            norm, max(sent.start, s - 70), s):
        return True  # "الجرائم التي ارتكبتها قسد بحق أهلنا ... حيث قامت بقصف"
    if ends_of and CIVILIANS_FROM.search(before):
        return False  # "اعتقال ٦٠ شاباً من أبناء العشائر": those detained
    if ("checkpoint" in before or "roadblock" in before or "حاجز" in before or
            "حواجز" in before) and HELD_AT_POST.search(norm, max(sent.start, s - 140), s):
        return True  # "detained at a checkpoint manned by X", "اعتقاله على حاجز لعناصر X"
    if not_agent_before(before):
        return False  # "screening points run by the SDF", "taken to X", "بحجة التعامل مع X"
    if ("of" in low or "by" in low or not ascii_before) and \
            CONTROLLED_BY_BEFORE.search(before) and \
            not FIRE_FROM_BEFORE.search(norm, max(sent.start, s - 90), s):
        return False  # "the town, under the control of X, was shelled": X holds the town
    after = norm[e:min(sent.end, e + 90)]
    after_low = after.lower()
    if ("pect" in after_low or "perpetrat" in after_low or not after.isascii()) and \
            ARRESTS_SUSPECTS.match(norm, e, min(sent.end, e + 90)):
        return False  # "police arrested two suspects": law enforcement, not a violation
    if (("by" in low or "hand" in low or not ascii_before) and AGENT_BEFORE.search(before)) or (
            (not tail or tail.endswith(("to", "of", "from", "as", "a\u017f", "the"))) and
            BELONGED_TO.search(norm, max(sent.start, s - 160), s)):
        return True
    if TALLY_SHARE_AFTER.match(norm, e) and TALLY_SHARE_CUE.search(norm, sent.start, s):
        # "regime forces were responsible for 91 of the cases, the SDF for 64, HTS for 27";
        # "تتصدرها قوات النظام بـ ٩٠ شخصاً، تليها داعش بـ ٢٠": each party's share of a toll
        return True
    chain = EN_AGENT_CHAIN.search(norm, max(sent.start, s - 170), s)
    if chain and not CHAIN_BREAK.search(chain.group("chain")) and \
            not SPEAKS_AFTER.match(norm, e, min(sent.end, e + 40)):
        # "carried out by unidentified armed men, members of security forces of the caretaker
        # authorities and groups affiliated with the former government": each item is an agent
        return True
    if norm[s:s + 1] >= "\u0600" and AR_AGENT_CHAIN.search(norm, max(sent.start, s - 120), s):
        return True  # (Arabic names only: the chain is Arabic)
    if CLASH_BEFORE.search(norm[max(sent.start, s - 60):s]):
        return False
    if AGENT_LIST_BEFORE.search(before) and AGENT_CUE.search(norm[sent.start:s]):
        return True  # "by the security services, in particular Air Force Intelligence"
    if ATTACK_CLAUSE_BEFORE.search(before) and not _ARABIC.search(norm, s, e) and (
            ATTACK_VERB_AFTER.match(norm, e) or ATTACK_NOUN.search(norm, s, e)) and \
            any(vs < s for vs, _n in viols):
        return True  # "three were killed when the PKK/YPG terror group fired rockets at"
    if ar_sent and (AR_FINITE_VERB_BEFORE.search(before) or (
            AR_VERB_BEFORE.search(before) and AR_NOMINATIVE.match(norm, s, e))):
        # "استهدفت التنظيمات الإرهابية ... الأحياء": verb, then its subject; "قتل مسلحون ..."
        # (the plural in -ون is the subject's case)
        return True
    if (ar_sent and RESPONDED_BEFORE.search(before)) or RESPONDED_AFTER.match(norm, e):
        return False  # "ردت وحدات من الجيش على مصادر النيران": state media's combat formula
    if tail.endswith(("of", "the")) and VICTIMS_WHO_WERE.search(before):
        return False  # "The victims, all members of X, were killed": X are the victims
    if IN_ATTACK_BEFORE.search(before) and ATTACK_NOUN.search(norm, s, e) and any(vs < s for vs, _n in viols):
        return True  # "three civilians were killed in an Israeli strike on ..."
    if PATIENT_BEFORE.search(before) and not MEMBERS_OF.search(before) and not (
            _ARABIC.search(norm, s, e) and ATTACK_NOUN.search(norm, s, e)):
        # "killing of X", but not "members of X looted"; "استهداف طائرة مسيرة تركية
        # لسيارة": the drone targets
        return False
    if ar_sent and AR_ATTACKED_POSTS.search(norm, max(sent.start, s - 90), s):
        return False
    if any(s <= vs < e for vs, _n in viols) and ATTACK_NOUN.search(norm, s, e) and \
            WEAPON_VERB_AFTER.match(norm, e):
        # "Turkish drone strike kills three", "Israeli air raids on Damascus": the actor named by
        # its weapon carries the violation in its own name
        return True
    arabic = bool(_ARABIC.search(norm, s, e))
    if arabic and AR_OWN_UNITS_AFTER.match(norm, e, min(sent.end, e + 40)) and \
            any(vs > e for vs, _n in viols):
        return True  # "أعلنت الوزارة أن وحداتها ألقت القبض على ...": its units did it
    if arabic and AR_SPEAKER_BEFORE.search(before):
        return False
    if arabic and AR_UNDERTOOK_BEFORE.search(before) and any(
            e < vs and not AR_CLAUSE_BREAK.search(norm, e, vs) for vs, _n in viols):
        return True  # "أقدمت عصابة مسلحة على إيقاف الحافلة ... ثم اقتادتهم إلى جهة مجهولة"
    for vs, v_len in viols:
        if COMBAT_LOSS_AFTER.match(norm, vs + v_len):
            continue  # "أوقعت قتلى ومصابين في صفوف الإرهابيين": losses in combat
        if arabic:
            if abs(vs - s) < 60 and not AR_CLAUSE_BREAK.search(norm, min(vs, e),
                                                                 max(vs, s)):
                if vs > e and _topic(norm, e, vs):
                    continue  # "أدانت تركيا مقتل ...": condemned, did not kill
                return True  # (not across "فيما ردت وحدات من الجيش ...": another clause)
            if e < vs < e + 140 and norm[vs - 1:vs] == "و" and \
                    AR_PLURAL_VERB_AFTER.match(norm, e) and "." not in norm[e:vs]:
                return True  # "مسلحين ملثمين دخلوا القرية ... وداهموا المنازل"
            continue
        if vs > e:
            between = norm[e:vs]
            if (PASSIVE.search(between) and not _PROGRESSIVE.match(norm, vs)) or \
                    len(between) > 120:
                continue  # (but "X is shelling homes", "X were shooting at": active)
            if UNDERGOER_VERB.match(norm, vs, vs + 30):
                continue  # "Four tribal fighters also died": they died, they did not kill
            if SPEECH_BETWEEN.search(SPEECH_ASIDE.sub(",", between)):
                continue  # "The SDF accused X of executing ...": the accuser is no agent
            if re.search(r"[,;]\s*$", norm[max(0, vs - 3):vs]) and \
                    NOMINAL_SUBJECT.match(norm, vs, vs + 40):
                continue  # "factions handed over their weapons, kidnapping has become ..."
            if _topic(norm, e, vs):
                continue  # "Russia vetoed the resolution on the killing of ...": its topic
            rel = RELATIVE_BEFORE.search(norm, max(e, vs - 30), vs)
            if rel and norm[e:rel.start()].strip(" ,"):
                continue  # "X opened the prisons to relatives who had disappeared": theirs
            if NEW_CLAUSE_BETWEEN.search(between):
                continue  # "after X drove IS out of Raqqa, the city is still giving up its dead"
            return True
    return False


# the violation told in a relative clause of another person ("relatives who had disappeared",
# "the men who were executed"): theirs, not the actor's before it ("which"/"that" may refer to
# the actor's own attack: "an offensive that killed 40")
RELATIVE_BEFORE = _plain(r"\b(?:who|whom)\s+(?:had\s+|have\s+|has\s+|were\s+|was\s+)?"
                         r"(?:been\s+|later\s+|since\s+)?$", re.I)
# ", the city is still ...": a clause with its own subject between the actor and the violation
NEW_CLAUSE_BETWEEN = _rx(r",\s+(?:the|its|their|this|that)\s+[\w'-]+(?:\s+[\w'-]+)?\s+(?:is|are|was|"
                         r"were|has|have|had|remains?|remained)\s", re.I)


def _topic(norm: str, e: int, vs: int) -> bool:
    """Whether the violation at ``vs`` is the topic of what the actor ending at ``e`` did (a
    talk, a veto, a condemnation), not its act; a past verb ("strikes on the town killed") is
    an act."""
    return not _PAST_VERB.match(norm, vs) and \
        bool(TOPIC_BEFORE.search(norm, max(e, vs - 60), vs))


# "X/Y", "Armed Opposition factions/Syrian National Army": one mention under two names (a head
# word the registry left out may stand before the slash)
SLASH_JOINED = re.compile(r"(?:\s+[\w-]+)?/")


def drop_same_mention_groups(norm: str, lex: Lexicons,
                             chosen: list[tuple[int, int, str, str, str]], when: str | None
                             ) -> tuple[list[tuple[int, int, str, str, str]], dict[int, str]]:
    """"the regime's Fourth Division", "Branch 215, the military intelligence branch",
    "عناصر من الفرع ٢٢٧ التابع للأمن العسكري": a group named with its own unit in one mention
    is reported as the unit's group, not as a second perpetrator. Two actors joined by
    "and"/"و" are two mentions ("government forces and General Security"). Returns the
    actors kept and, by start, the other name a kept one was given in its mention."""
    drop: set[int] = set()
    extra: dict[int, str] = {}
    # positions, not `is`: a compiled build (mypyc) re-boxes tuples, so identity does not hold
    for gi, g in enumerate(chosen):
        g_name = lex.era_name(g[2], when)
        for ui, u in enumerate(chosen):
            if ui == gi or g[0] in drop or u[3] == "person":
                continue  # "the Fourth Division under Maher al-Assad": both, a person beside his force
            lo, hi = (g[1], u[0]) if g[0] < u[0] else (u[1], g[0])
            if g_name in lex.groups_of(lex.era_name(u[2], when), when):
                joined = norm[hi:hi + 1] == "و" and (hi == lo or norm[hi - 1].isspace())
                if 0 <= hi - lo <= 40 and not joined and \
                        not SEPARATE_MENTIONS.search(norm, lo, hi):
                    drop.add(g[0])
                    extra[u[0]] = g[4]  # "Military Intelligence Branch 227": both words
            elif SLASH_JOINED.fullmatch(norm, lo, hi) and u[3] != "generic" and (
                    (g[2] in lex.described_actors and u[2] not in lex.described_actors) or
                    (g[0] < u[0] and g[3] != "generic" and g[2] != u[2])):
                # "فصائل المعارضة المسلحة/الجيش الوطني", "Armed Opposition factions/Syrian
                # National Army", "PKK/YPG": one actor under two names, reported once by the
                # name after the slash
                drop.add(g[0])
                extra[u[0]] = g[4]
    if not drop:
        return chosen, extra
    return [a for a in chosen if a[0] not in drop], extra


def breakdown_agents(norm: str, sentences: list[Sentence],
                     actors_in_sent: dict[int, list[tuple[int, int, str, str, str]]],
                     claim_of_sent: dict[int, int],
                     sent_agents: dict[int, list[tuple[int, int, str, str, str]]]) -> None:
    """A toll broken down by perpetrator, as monitors' monthly reports give it ("وتوزعت
    حصيلة الضحايا بحسب الجهات الفاعلة: - قوات النظام السوري: 51 مدنياً"): each item's
    actor is a perpetrator."""
    for si, acts in actors_in_sent.items():
        if si in sent_agents or si not in claim_of_sent:
            continue
        start = sentences[si].start
        item = LIST_ITEM.match(sentences[si].text)
        count = ITEM_COUNT.search(norm, start, min(sentences[si].end, start + 90))
        if item is None or count is None:
            continue
        named = [a for a in acts if a[1] <= count.start() + 6]
        specific = [a for a in named if a[3] != "generic"]
        if named and any(BY_PERPETRATOR.search(sentences[k].text)
                         for k in range(max(0, si - 8), si)):
            sent_agents[si] = specific or named


# -- who left the mines ----------------------------------------------------------------------------
# "landmines left behind by the former regime's forces", "الألغام التي خلفتها قوات النظام السابق
# والميليشيات الإيرانية", "من مخلفات قوات النظام": who laid the ordnance that later kills is its
# agent, wherever the report says so (the killings are often told in other sentences)
MINES_LEFT_BY = _rx(r"(?:\b(?:left|left\s+behind|planted|laid|sown|abandoned)\s+(?:there\s+)?by\s+"
                    r"(?:the\s+)?|(?:^|\s)(?:التي\s+|الذي\s+)?(?:خلفتها|خلفها|زرعتها|زرعها|تركتها|"
                    r"تركها)\s+|(?:^|\s)(?:من\s+)?مخلفات\s+)$", re.I)
# one pass over the text before any sentence is looked at: a word every MINE_WORD holds
MINE_HINTS = tuple(normalize_arabic(w) for w in (
    "mine", "landmine", "ordnance", "munitions", "explosive", "booby", "ied", "submunition",
    "bomblet", "الغام", "لغم", "ذخائر", "عبوات", "مخلفات", "قنابل"))
MINE_WORD = _rx(r"\b(?:mines?|landmines?|ordnance|munitions|explosive\s+remnants|booby[- ]traps?|"
                r"IEDs?|explosive\s+devices|cluster\s+bomblets|submunitions)\b|(?:^|\s)(?:ب|و|ال)*"
                r"(?:الغام|لغم|ذخائر|عبوات|مخلفات|قنابل\s+عنقودية)", re.I)


def mine_layers(norm: str, sentences: list[Sentence],
                actors_in_sent: dict[int, list[tuple[int, int, str, str, str]]],
                claim_of_sent: dict[int, int],
                sent_agents: dict[int, list[tuple[int, int, str, str, str]]]) -> None:
    """The actor said to have left, laid or planted the mines a report is about is an agent
    ("mines left by X"), even in a sentence that tells no death itself."""
    if not _holds_any(norm, MINE_HINTS):
        return  # (one pass over the text: most reports name no mines)
    for si, acts in actors_in_sent.items():
        if si not in claim_of_sent:
            continue
        start = sentences[si].start
        found = [a for a in acts if a[3] != "person" and
                 MINES_LEFT_BY.search(norm, max(start, a[0] - 30), a[0]) and
                 MINE_WORD.search(norm, max(start, a[0] - 120), a[0])]
        have = sent_agents.get(si, [])
        new = [a for a in found if not any(h[0] == a[0] for h in have)]
        if new:
            sent_agents[si] = have + new


# -- the branch that held the detainees ---------------------------------------------------------
# "they transferred me to the Palestine Branch", "held in a basement of the Palestine Branch",
# "أخذونا إلى فرع فلسطين": in a report of detention, torture or disappearance, the intelligence
# branch that held the victims is the perpetrator the annotators list (blind 4, 7, 8 and 10 name
# it or its service); a branch named only as where papers were found is not
HELD_IN_BEFORE = _rx(r"(?:\b(?:held|detained|imprisoned|kept|jailed|interrogated|tortured|hanged|"
                     r"incidents\s+took\s+place|died|deaths?)\s+(?:\w+\s+){0,3}?(?:in|at|inside)\s+(?:a\s+|the\s+)?"
                     r"(?:(?:basement|cells?|dungeons?|underground\s+cells?|prison|solitary\s+cells?)\s+"
                     r"of\s+)?|\b(?:taken|transferred|moved|brought|took|transferred|sent|driven)\s+"
                     r"(?:\w+\s+){0,2}?to\s+(?:[\w-]+,\s+to\s+)?|\bin\s+the\s+custody\s+of\s+|(?:^|\s)(?:[وف]?(?:اخذو\S*|نقلو\S*|"
                     r"اقتادو\S*|اقتيد\S*|نقل\S*|حولو\S*|احتجز\S*|اعتقل\S*|عذب\S*)\s+(?:\S+\s+){0,2})"
                     r"(?:الى|إلى|في|داخل)\s+|(?:^|\s)(?:في|داخل)\s+(?:زنزان\S*|سجن|قبو|اقبي\S*)\s+)"
                     r"(?:the\s+)?$", re.I)
DETAINING_SERVICES = ("Military Intelligence (Military Security)", "Air Force Intelligence",
                      "Political Security", "State Security")


def detaining_branches(norm: str, sentences: list[Sentence], lex: Lexicons,
                       actors_in_sent: dict[int, list[tuple[int, int, str, str, str]]],
                       claim_of_sent: dict[int, int],
                       sent_agents: dict[int, list[tuple[int, int, str, str, str]]]) -> None:
    """An intelligence branch or service the victims were held in or taken to is an agent of
    the report's detention, torture or disappearance (the caller checks the report has one)."""
    detaining: dict[str, bool] = {}
    for si, acts in actors_in_sent.items():
        if si not in claim_of_sent:
            continue
        start = sentences[si].start
        have = sent_agents.get(si, [])
        for a in acts:
            if a[2] not in detaining:
                detaining[a[2]] = a[2] in DETAINING_SERVICES or any(
                    g in DETAINING_SERVICES for g in lex.groups_of(a[2]))
        new = [a for a in acts if detaining[a[2]] and not any(h[0] == a[0] for h in have)
               and HELD_IN_BEFORE.search(norm, max(start, a[0] - 70), a[0])]
        if new:
            sent_agents[si] = have + new


# -- the unit whose uniform or insignia the agents wore ------------------------------------------
# "armed men wearing the uniform of the General Security raided houses", "the killers wore General
# Security uniforms", "several of the men wore patches of the Hamza Division", "مسلحون بزي الأمن
# العام": the annotators of blind sets 4, 9 and 11 all list the unit (hedged as the text hedges
# it) beside the described men, so the unit is an agent when its wearers are (in the sentence, or
# named as agents before it). "dressed as", "posing as", "disguised as": a disguise, not a unit.
UNIFORM_OF_BEFORE = _rx(r"(?:\b(?:wore|wear|wears|wearing|in|with|bearing|bore|sporting|had)\s+"
                        r"(?:the\s+|a\s+)?(?:[\w-]+\s+)?(?:uniforms?|fatigues|patches|insignias?|"
                        r"badges|armbands|emblems?|logos?)\s+of\s+|(?:^|\s)(?:يرتدون\s+|يلبسون\s+|"
                        r"ارتدوا\s+|لابسين\s+)?(?:ب|و)?(?:زي|لباس|ملابس|بدلات|شارات|شاره|شارة)\s+(?:عناصر\s+)?)"
                        r"(?:the\s+)?$", re.I)
UNIFORM_AFTER = _rx(r"\s+(?:uniforms?|fatigues|patches|insignias?|badges|armbands|emblems?|"
                    r"logos?)\b", re.I)
WEARING_BEFORE = _rx(r"\b(?:wore|wear|wears|wearing|in|with|bearing|bore|sporting|had)\s+"
                     r"(?:the\s+|a\s+)?$", re.I)
# a word every uniform pattern above holds
UNIFORM_WORDS = tuple(normalize_arabic(w) for w in (
    "uniform", "fatigues", "patches", "insignia", "badges", "armbands", "emblem", "logo", "زي",
    "لباس", "ملابس", "بدلات", "شارات", "شاره", "شارة"))
NOT_UNIFORM = _rx(r"\b(?:dressed\s+as|posing\s+as|disguised\s+as|impersonat\w+|fake|forged|"
                  r"stolen|pretend\w*)\b|متنكر|انتحال|مزور", re.I)


def uniform_agents(norm: str, sentences: list[Sentence],
                   actors_in_sent: dict[int, list[tuple[int, int, str, str, str]]],
                   claim_of_sent: dict[int, int],
                   sent_agents: dict[int, list[tuple[int, int, str, str, str]]]) -> set[int]:
    """The unit named by the uniform or insignia of unnamed agents is an agent too: in a
    sentence whose unnamed agent wore it, or in a later sentence that says what the unnamed
    agents told before wore ("Witnesses said the gunmen wore patches of X"). Returns where the
    units added start (their wearers stay entries of their own)."""
    added: set[int] = set()
    first_agent = min(sent_agents, default=None)  # the wearers were agents before
    if first_agent is None or not _holds_any(norm, UNIFORM_WORDS):
        return added
    for si, acts in actors_in_sent.items():
        if si < first_agent or si not in claim_of_sent:
            continue
        start = sentences[si].start
        agents = sent_agents.get(si, [])
        if agents and not any(a[3] in ("generic", "unknown") for a in agents):
            continue  # the sentence names its agents: the uniform is another matter
        if NOT_UNIFORM.search(sentences[si].text):
            continue
        worn = [a for a in acts if a[3] not in ("generic", "unknown", "person") and (
            UNIFORM_OF_BEFORE.search(norm, max(start, a[0] - 50), a[0]) or (
                UNIFORM_AFTER.match(norm, a[1]) and
                WEARING_BEFORE.search(norm, max(start, a[0] - 20), a[0])))]
        new = [a for a in worn if a not in agents]
        if new:
            sent_agents[si] = agents + new
            added.update(a[0] for a in new)
    return added


# -- named individuals ---------------------------------------------------------------------------
# A person the text says committed, ordered or directed a violation (command and individual
# responsibility): "forces under the command of Brig. Gen. X", "the interrogator known as Abu Y
# beat ...", "X, the head of the branch, ordered ...", "بإشراف العميد X", "the defendant X was
# convicted of". Kind "person", listed beside the force named with them (not instead), so that a
# later stage can apply its own policy to naming individuals. A person only quoted, a victim or
# a witness has none of these constructions.

_RANK = (r"(?:(?:Brig(?:adier)?\.?|Maj(?:or)?\.?|Lt\.?|Lieut(?:enant)?\.?)[ -]?Gen(?:eral)?\.?|"
         r"(?:Lt\.?|Lieutenant)[ -]Col(?:onel)?\.?|Gen\.|General|Col\.|Colonel|Brigadier|"
         r"Maj\.|Major|Capt\.|Captain|Lt\.|Lieutenant|Sgt\.|Sergeant|Warrant\s+Officer|"
         r"Commander|Cmdr\.)")
# a name: capitalised words, a kunya ("Abu Ghadab"), particles ("al-", "bin"), an initial ("K.")
_NAME = (r"(?P<name>(?:(?:Abu|Abou|Umm)\s+)?(?:al-|el-)?[A-Z][a-z'’-]+(?:\s+(?:(?:al|el)-|"
         r"(?:bin|ibn|Abu|Abou)\s+)?[A-Z](?:[a-z'’-]+|\.))?(?:\s+(?:(?:al|el)-)?[A-Z][a-z'’-]+)?)")
# "Brig. Gen. X", "a commander known as Abu Y", "the officer X"
_PERSON_REF = (rf"(?:(?:a|an|the)\s+(?:[\w-]+\s+){{0,3}}?(?:known\s+as|named|called|nicknamed)\s+"
               rf"[\"“]?|(?:(?:the|a|an)\s+(?:[\w-]+\s+){{0,2}}?(?i:officer|commander|colonel|"
               rf"general)\s+)?(?P<rank>{_RANK}\s+)?)" + _NAME)
# Arabic: a rank or title is required before the name (Arabic has no capitals to tell a name)
_AR_TITLE = (r"(?:ال)?(?:عميد|لواء|عقيد|مقدم|رائد|نقيب|ملازم(?:\s+اول)?|مساعد(?:\s+اول)?|مدعو|"
             r"محقق|سجان|ضابط|شبيح|قيادي|مجرم|قائد)")
_AR_STOP = (r"(?:في|من|الى|عن|مع|قائد|رئيس|الذي|التي|الملقب|المعروف|بعد|قبل|خلال|حيث|ضد|بحق|"
            r"عام|منذ|و\S*عناصر\S*|وقوات\S*|ومجموع\S*|ومسلح\S*|عناصر|قوات|مجموع\S*|ميليشي\S*|"
            r"مليشي\S*|فرع|الفرع|الفرقه|فرقه|اللواء|الامن|جيش|الجيش|"
            # the charge or the sentence after the name: "بارتكاب", "بالسجن", "بتهمة"
            r"[بل](?:ارتكاب|السجن|تهم\S*|الاعدام|الاشغال|المشارك\S*))")
_AR_WORD = r"[^\s\d٠-٩،,.:؛\"«»()]{2,}"
# a kunya and its word ("أبو جعفر"), or a given name and a family name
_AR_NAME = (rf"(?P<arname>(?:ابو|ام)\s+{_AR_WORD}|(?!{_AR_STOP}(?:\s|$)){_AR_WORD}"
            rf"(?:\s+(?!{_AR_STOP}(?:\s|$)){_AR_WORD}"
            # a third name only where punctuation closes it ("المدعو سامر عدنان الحسن،")
            rf"(?:\s+(?!{_AR_STOP}(?:\s|$)){_AR_WORD}(?=\s*[،,.:؛]))?)?)")

PERSON_LINK = _rx(
    # ordered or supervised: the person is an agent of the sentence's violation
    r"(?P<orders>(?i:on\s+the\s+(?:direct\s+|personal\s+)?orders?\s+of|under\s+(?:the\s+)?orders"
    r"\s+(?:of|from)|on\s+orders\s+from|acting\s+on\s+(?:the\s+)?orders\s+of|by\s+order\s+of|"
    r"under\s+the\s+(?:direct\s+|personal\s+)?supervision\s+of|supervised\s+by|directed\s+by)\s+"
    + _PERSON_REF.replace("?P<name>", "?P<oname>").replace("?P<rank>", "?P<orank>") + ")"
    # commanded: an agent when the force he commands is one
    r"|(?P<command>(?i:under\s+the\s+(?:direct\s+)?(?:command|leadership)\s+of|commanded\s+by|"
    r"led\s+by|headed\s+by)\s+" + _PERSON_REF + ")"
    # "بقيادة العميد X", "بأوامر من اللواء X", "بإشراف المقدم X"
    r"|(?P<ar>(?:ب|تحت\s+)(?:قياد[هة]|امر[هة]?|اوامر|اشراف)\s+(?:مباشر[هة]?\s+)?(?:من\s+)?"
    rf"(?:{_AR_TITLE}\s+){{1,2}}" + _AR_NAME + ")")
# "the interrogator, whom the detainees called Abu Y, beat ...": the role noun and the name are one
# mention, whose part in the sentence the agent patterns decide
PERSON_ROLE = _rx(
    r"\b(?i:the|an?|one)\s+(?:[\w-]+\s+){0,2}?(?i:interrogators?|officer|commander|guard|jailer|"
    r"warden|gunman|shooter|sniper|torturer|investigator|executioner|head|chief|director|leader)"
    r"\s*,?\s*(?:(?i:whom|who)\s+[^,.;]{0,40}?\s(?:called|call|knew\s+as|know\s+as|nicknamed)|"
    r"(?i:known\s+(?:only\s+)?as|called|nicknamed|named))\s+[\"“]?" + _NAME
    # "قام المحقق الملقب بأبو X بضرب": a title then the nickname
    + r"|(?P<arrole>(?:ال)?(?:محقق|سجان|ضابط|قائد|مسؤول|شبيح)\S*)\s+(?:الملقب|المعروف|المدعو)\S*"
    r"\s+(?:ب\s*|باسم\s+)?" + _AR_NAME.replace("?P<arname>", "?P<arname2>"))
# A judgment names the accused once ("In the criminal proceedings against Fadi M.,") and then
# calls him "the defendant": the defendant who took part in, is guilty of or committed a violation
# is that person, and the unit he served in ("the defendant served as an interrogator at Branch
# 227 of the Military Intelligence Directorate") is counted with him.
DEFENDANT_NAMED = _rx(r"\b(?i:proceedings|case|trial|indictment|charges)\s+(?i:against|of)\s+"
                      r"(?:(?i:the)\s+(?i:defendant|accused)\s+)?" + _NAME.replace(
                          "?P<name>", "?P<dname>") + r"\s*[,(]")
# "The defendant, Khaled R., 51, served ...": the judgment names him in apposition
DEFENDANT_APPOS = _rx(r"\b(?i:the)\s+(?i:defendant|accused)\s*,\s+" + _NAME.replace(
    "?P<name>", "?P<dname>") + r"\s*,")
DEFENDANT_REF = _rx(r"\b(?i:the)\s+(?i:defendant|accused)\b(?!\s*,?\s+[A-Z])")
DEFENDANT_ACTED = _rx(r"\s+(?:\w+ly\s+)?(?:is|was|has\s+been|had\s+been)\s+(?:\w+\s+)?"
                      r"(?:guilty|convicted)\s+of\b|\s+(?:\w+ly\s+)?(?:took|takes|had\s+taken)\s+"
                      r"part\s+in\b|\s+(?:\w+ly\s+)?(?:committed|tortured|beat|struck|killed|"
                      r"interrogated|abused|ordered)\b", re.I)
DEFENDANT_SERVED = _rx(r"\s+(?:\w+ly\s+)?(?:served|worked|was\s+posted|was\s+stationed|was\s+"
                       # "served from 2008 as a first lieutenant and later captain in the X"
                       r"deployed|was\s+employed)\s+(?:\w+\s+){0,12}?(?:at|in|with|for)\s+(?:the\s+)?$",
                       re.I)


# a court's finding, or a researcher's identification, names the agent outright
PERSON_FOUND = _rx(
    r"(?i:defendant|accused)\s*,?\s+" + _NAME.replace("?P<name>", "?P<cname>") +
    r"\s*,?(?:\s+[^.;]{0,80}?,)?\s+(?i:was|has\s+been|had\s+been|is)\s+(?:\w+\s+)?"
    r"(?i:convicted|found\s+guilty|sentenced)"
    # "a former Syrian officer, Anwar R., was convicted of"
    r"|(?i:officer|official|commander|interrogator|guard|jailer|member)\s*,\s+" +
    _NAME.replace("?P<name>", "?P<aname>") + r"\s*,\s+(?i:was|has\s+been|had\s+been)\s+"
    r"(?:\w+\s+)?(?i:convicted|found\s+guilty|sentenced)"
    # (an age before the name: "sentenced 58-year-old Anwar R. to life")
    r"|(?i:convicted|sentenced|found\s+guilty)\s+(?:the\s+)?(?:\d{2}-year-old\s+)?(?:(?:[\w-]+\s+){0,3}?(?i:national|"
    r"citizen|man|officer|defendant|accused)\s+)?" + _NAME.replace("?P<name>", "?P<sname>") +
    r"\s+(?i:to|of|for)\b"
    # "أدانت المحكمة المتهم X بارتكاب", "حكمت المحكمة على الضابط السابق X بالسجن"
    r"|(?:ادانت|ادان|حكمت|حكم)\s+(?:\S+\s+){0,3}?(?:على\s+)?(?:المتهم|المدان|الضابط|العنصر|"
    r"المساعد|العميد|العقيد|المقدم)\s+(?:السابق\s+)?" +
    _AR_NAME.replace("?P<arname>", "?P<arname3>") +
    # "The court found Khaled R. guilty of crimes against humanity"
    r"|(?i:found)\s+(?:(?i:the)\s+)?(?:\d{2}-year-old\s+)?" + _NAME.replace("?P<name>", "?P<fname>") +
    r"\s+(?i:guilty)\b"
    r"|(?i:identified|named)\s+the\s+(?:(?:main|chief|lead|principal|first)\s+)?(?i:gunman|"
    r"shooter|killer|perpetrator|torturer|interrogator|executioner|culprit)\s+as\s+" +
    _NAME.replace("?P<name>", "?P<iname>"))
# "X, the head of the branch, ordered ...": a named subject, its title between commas, then its
# order (no literal start: searched only in the sentences that report a violation)
PERSON_ORDERED = _rx(
    rf"(?:(?P<rank>{_RANK})\s+)?" + _NAME +
    r"(?:\s*,\s*(?:the|a|an)\s+[^,;.]{3,70}?,)?\s+(?:\w+ly\s+)?(?:ordered|directed|oversaw|"
    r"supervised|commanded|gave\s+the\s+orders?)\b")

# a word every person construction holds: the sentences without one are not searched
PERSON_HINT = _rx(r"\b(?:command|order(?:s|ed)?\b|supervis|directed|led\s+by|headed\s+by|known\s+as|"
                  r"called|call\s|knew\s+as|nicknamed|named|defendant|accused|convicted|"
                  r"sentenced|guilty|identified|oversaw|gave\s+the)|قياد|بامر|اوامر|اشراف|الملقب|"
                  r"المعروف|المدعو|ادان|حكم", re.I)

# words that make a capitalised phrase a body, not a person
_NOT_PERSON_WORDS = frozenset(
    "forces force army division brigade brigades security intelligence branch directorate front "
    "state council group regiment battalion guard guards police ministry government regime "
    "militia militias watch observatory network committee units unit party movement coalition "
    "corps court the syrian turkish russian israeli iranian islamic free national republican "
    "general military air office service services authorities agency commission nations human "
    "rights on in at of monday tuesday wednesday thursday friday saturday sunday january february "
    "march april may june july august september october november december".split())


def person_name_ok(name: str) -> bool:
    """Whether a capitalised phrase caught by the person patterns can be a person's name: not a
    body ("Republican Guard"), a day or a month, and, without a kunya, rank or initial, two words
    or more ("led by Raji Falhout", not "led by Damascus")."""
    words = [w.strip(".,'’").lower() for w in name.split()]
    return bool(words) and not any(w in _NOT_PERSON_WORDS for w in words)


def find_persons(norm: str, start: int, end: int
                 ) -> list[tuple[int, int, str, str, int]]:
    """Named individuals in ``norm[start:end]`` (one sentence), each as (name start, name end,
    name, how, mention start). ``how``: "orders" (ordered, supervised, convicted, identified:
    an agent), "command" (commanded a force: an agent with it), "role" (a role noun named:
    an agent when the agent patterns say so)."""
    out: list[tuple[int, int, str, str, int]] = []
    for m in PERSON_LINK.finditer(norm, start, end):
        for grp, rank, how in (("oname", "orank", "orders"), ("name", "rank", "command"),
                               ("arname", "", "orders")):
            if m.group(grp) is None:
                continue
            if grp == "arname" and "قياد" in m.group(0):
                how = "command"  # "بقيادة": he led; his force must be the agent
            name = m.group(grp)
            if grp != "arname" and not person_name_ok(name):
                continue
            if grp != "arname" and not (rank and m.group(rank)) and len(name.split()) < 2 and \
                    not name.startswith(("Abu", "Abou", "Umm")) and \
                    not re.search(r"(?:known\s+as|named|called|nicknamed)\s+[\"“]?$",
                                  norm[m.start():m.start(grp)]):
                continue  # "led by Damascus": a single word with nothing saying it is a person
            out.append((m.start(grp), m.end(grp), name, how, m.start()))
    for m in PERSON_ROLE.finditer(norm, start, end):
        grp = "name" if m.group("name") else "arname2"
        if grp == "name" and not person_name_ok(m.group(grp)):
            continue
        out.append((m.start(grp), m.end(grp), m.group(grp), "role", m.start()))
    for m in PERSON_FOUND.finditer(norm, start, end):
        grp = next(g for g in ("cname", "aname", "sname", "iname", "arname3", "fname")
                   if m.group(g))
        if grp == "arname3" or person_name_ok(m.group(grp)):
            out.append((m.start(grp), m.end(grp), m.group(grp), "orders", m.start()))
    for m in PERSON_ORDERED.finditer(norm, start, end):
        if person_name_ok(m.group("name")) and (m.group("rank") or "," in m.group(0)):
            out.append((m.start("name"), m.end("name"), m.group("name"), "orders", m.start()))
    out.sort()
    # one mention per name position
    return [p for i, p in enumerate(out) if i == 0 or p[0] != out[i - 1][0]]


# -- a named suspect ---------------------------------------------------------------------------
# A ministry's or a wire's arrest report: "ألقت القبض على المدعو X ... ويُعد المذكور من أبرز
# المتهمين بالمشاركة في مجزرة الحولة", "police arrested Samir X, a former officer accused of
# taking part in the massacre". The arrest is law enforcement; the person is an (alleged)
# perpetrator of the violation he is said to be involved in, in the same sentence or, named
# back ("المذكور", "الموقوف", "he", "the suspect"), in the next ones.
ARRESTED_NAMED = _rx(
    r"(?:القبض\s+على|توقيف|اعتقال|ضبط|تسليم)\s+(?:ال)?مدعو\s+"
    + _AR_NAME.replace("?P<arname>", "?P<arname4>") +
    r"|(?i:arrested|detained|apprehended|captured|extradited)\s+(?:(?:a|the)\s+)?(?:(?i:former|"
    r"ex-|alleged|suspected)\s+)?(?:(?:[a-z-]+\s+){0,2}?(?:named|called)\s+)?"
    + _NAME.replace("?P<name>", "?P<aname2>"))
SUSPECT_OF = _rx(
    r"(?:^|\s)(?:ال)?(?:متورط|متهم|مشتبه|ضالع|مسؤول|مطلوب)\S*\s+(?:\S+\s+){0,2}?"
    r"(?:ب|في|عن|ب\s+)?(?:ارتكاب|المشارك\S*|مشارك\S*|قتل|تعذيب|مجزر\S*|مجازر|انتهاك\S*|جرائم|"
    r"اعدام\S*|خطف|تصفي\S*)"
    r"|(?:^|\s)(?:و)?(?:يشتبه|يتهم)\S*\s+(?:\S+\s+){0,3}?(?:ب|في)\S*"
    r"|\b(?i:accused|suspected|wanted|charged|implicated|involved|responsible)\b[^.;]{0,40}?"
    r"\b(?i:in|of|for|over)\s+(?:the\s+)?(?:[\w-]+\s+){0,2}?(?i:massacre|killings?|torture|"
    r"executions?|murders?|abductions?|shelling|crimes|atrocit)")
# the arrested man named back in the next sentences
SUSPECT_ANAPHOR = _rx(r"(?:^|\s)(?:و|ف)?(?:المذكور|الموقوف|المتهم|المقبوض\s+عليه|المعتقل)(?:\s|$)|"
                      r"\b(?i:he|the\s+suspect|the\s+accused|the\s+former\s+\w+|the\s+detainee)\b")
