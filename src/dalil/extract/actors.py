"""Actors that reports describe rather than name, and alias forms built from the registry.

Two things live here, beside the literal alias registry (``data/actors.yaml``):

* ``expand_forms``: an entry's ``forms`` (modifiers x heads) become aliases, so "Israeli",
  "Israel's" x "strike", "drone", "warplanes" ... need not be listed one by one, and singular and
  plural both match ("an Israeli strike", "Israeli drones").
* ``UNKNOWN_ACTOR``: descriptions of actors the registry does not know, kept with their phrase
  as the canonical name ("fighters loyal to Abu Hatem", "militias linked to Iran",
  "Iran-backed militias").
"""

from __future__ import annotations

import re
from typing import Any

from dalil.errors import ConfigError
from dalil.extract import fastre
from dalil.gazetteer.names import normalize_arabic

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
                   r"(?:اشتباكات|معارك|مواجهات)\s+(?:\S+\s+)?(?:مع|بين)\s+(?:\S+\s+){0,4}و?$",
                   re.I)
# a subject that undergoes, not does: "four fighters died", "civilians perished"
UNDERGOER_VERB = _rx(r"(?:died|dies|perished|lost their lives|succumbed|were found dead|"
                     r"was found dead|drowned|fled)\b", re.I)  # "... hours before Assad fled"
# an actor named by its weapon ("Israeli air strikes", "coalition airstrikes") or followed by
# an attack verb ("Turkish drones hit ...")
ATTACK_NOUN = _rx(r"\b(?:strikes?|airstrikes?|air\s+strikes?|shelling|bombardment|raids?|drones?|"
                  r"warplanes?|jets?|aircraft|artillery|missiles?|rockets?|helicopters?|"
                  r"غار[هة]|غارات|قصف|مسير[هة]|طيران|طائرات)\b", re.I)
ATTACK_VERB_AFTER = _rx(r"\s+(?:\w+\s+)?(?:hit|struck|shelled|bombed|pounded|targeted|fired|"
                        r"opened fire|attacked|launched|raided|stormed)\b", re.I)
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
                        r"losses (?:in|among))", re.I)

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
# counted people: "1,800 Bedouin families", "dozens of Alawite men", "عشرات العائلات"
COUNTED_BEFORE = _rx(r"(?:\d[\d,.]*|dozens of|hundreds of|thousands of|scores of|عشرات|مئات|"
                     r"الاف|آلاف)\s+(?:[\w-]+\s+)?$", re.I)
# "fled toward the Christian-majority town of Mhardeh", "باتجاه مدينة محردة ذات الغالبية
# المسيحية": the community of where people went, not of those targeted
DESTINATION_BEFORE = _rx(r"(?:\b(?:fled|flee|fleeing|escaped|sought refuge|sheltering|shelter|"
                         r"moved|headed|evacuated|taken|relocated)\s+(?:\w+\s+)?(?:to|toward|"
                         r"towards|into|in)\b|(?:^|\s)(?:باتجاه|(?:نزح|لجا|فر|هرب|توجه|انتقل)\S* (?:الى|نحو)))"
                         r"[^.,;،]{0,60}$", re.I)

