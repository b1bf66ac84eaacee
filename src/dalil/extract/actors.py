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
    return re.compile(normalize_arabic(pattern), flags)


# People-heads and how they are tied to a patron. The heads and links are matched in any case
# ("Fighters loyal to ..." at the start of a sentence); the patron must be capitalised or a
# government word, so "men close to the house" is not an actor.
_HEAD = (r"(?i:gunmen|fighters|militias|militiamen|militants|members|groups?|factions?|forces|"
         r"men|units?|troops|soldiers|elements|loyalists|supporters|brigades?|battalions?)")
_LINK = (r"(?i:linked|affiliated|loyal|belonging|allied|tied|close|aligned|answering|"
         r"backed|supported|funded|armed|sponsored)")
_PATRON = (r"(?:(?i:the\s+)?(?:(?i:interim|new|transitional|former|local|ousted|fallen|old|"
           r"syrian|de facto)\s+){0,2}(?i:authorities|government|regime|army|administration)\b"
           r"|(?i:the\s+)?(?:[A-Z][\w'-]*|al-[\w'-]+)(?:\s+(?:[A-Z][\w'-]*|al-[\w'-]+|of|the)){0,5})")
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
    r"|(?P<arhead>مسلحين|مسلحون|عناصر|مقاتلين|مقاتلون|ميليشيات|مليشيات|مجموعات|فصائل|قوات)\s+"
    r"(?P<arlink>تابع\S*|موالي\S*|مرتبط\S*|تتبع|يتبعون|مقرب\S*|مدعوم\S*)\s+(?:ل|لـ|من)?\s*"
    r"(?P<arx>\S+(?:\s+\S+){0,2}?)(?=[\s،,.]|$)")


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
