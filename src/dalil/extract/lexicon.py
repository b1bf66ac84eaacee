"""Lexicons and registries: loaded from YAML data files, compiled to regular expressions.

The files live in ``dalil/extract/data`` and are data, not code: a documentation team adds a
militia's new name or a local word for "massacre" without touching Python. ``load_lexicons``
takes another folder with the same file names to use an edited copy.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import lru_cache
from importlib import resources
from pathlib import Path
from typing import Any

import yaml

from dalil.errors import ConfigError
from dalil.gazetteer.names import has_arabic, normalize_arabic

VIOLATION_TYPES = (
    "killing", "execution", "massacre", "enforced_disappearance", "arbitrary_detention", "torture",
    "sexual_violence", "home_invasion", "arson", "looting", "forced_displacement", "incitement",
    "attack_on_civilians", "destruction_of_property", "concealment_of_bodies",
    "threat_or_intimidation",
)
ROLES = ("witness", "official", "NGO", "media", "analyst", "social_media_account", "other")
# Arabic clitics that may precede a word: conjunctions, prepositions (و ف ب ل ك), at most two.
_AR_PREFIX = "(?:[وفبلك]{1,2})?"


@dataclass
class Entry:
    """One lexicon entry: its label (type, canonical name) and the pattern as written."""

    label: str
    pattern: str


@dataclass
class CompiledLexicon:
    regex: re.Pattern[str]
    entries: list[Entry]

    def finditer(self, text: str, start: int = 0, end: int | None = None
                 ) -> list[tuple[int, int, Entry]]:
        out = []
        for m in self.regex.finditer(text, start, len(text) if end is None else end):
            idx = m.lastindex
            if idx is None:
                continue
            out.append((m.start(idx), m.end(idx), self.entries[idx - 1]))
        return out

    def search(self, text: str) -> tuple[int, int, Entry] | None:
        m = self.regex.search(text)
        if m is None or m.lastindex is None:
            return None
        return m.start(m.lastindex), m.end(m.lastindex), self.entries[m.lastindex - 1]


def _norm_pattern(pattern: str) -> str:
    return normalize_arabic(pattern) if has_arabic(pattern) else pattern


def compile_lexicon(entries: list[Entry], *, literal: bool = False) -> CompiledLexicon:
    """One alternation; each entry in its own group so the match says which entry fired."""
    parts = []
    # Longest first so "mass killing" wins over "killing" at the same position.
    ordered = sorted(entries, key=lambda e: len(e.pattern), reverse=True)
    for e in ordered:
        body = re.escape(_norm_pattern(e.pattern)) if literal else _norm_pattern(e.pattern)
        if literal:
            body = body.replace(r"\ ", r"[\s-]+").replace(r"\-", r"[\s-]?")
        if has_arabic(e.pattern) and body.startswith("ال"):
            body = f"(?:{body}|ل{body[1:]})"  # ل + ال contracts to لل
        parts.append(f"({body})")
    if not parts:
        return CompiledLexicon(re.compile(r"(?!x)x"), [])
    # One word-start check for the whole alternation (not one per entry): the engine then
    # rejects mid-word positions at once, which makes a 300-entry lexicon ~10x faster.
    # Arabic clitics (و ف ب ل ك) may precede any entry; they never precede a Latin word.
    firsts = _first_chars(ordered)
    look = f"(?=[{firsts}])" if firsts else ""
    regex = rf"(?<![\w@]){look}{_AR_PREFIX}(?:{'|'.join(parts)})(?![\w])"
    return CompiledLexicon(re.compile(regex, re.IGNORECASE), ordered)


def _first_chars(entries: list[Entry]) -> str:
    """Character class of possible first letters (incl. Arabic clitics), or "" if unknown."""
    chars: set[str] = set("وفبلك")
    for e in entries:
        first = _norm_pattern(e.pattern)[:1]
        if not first or not (first.isalpha() or first in "@$%"):
            return ""
        chars.update({first.lower(), first.upper()})
    return "".join(sorted(re.escape(c) for c in chars))


@dataclass
class ActorEntry:
    canonical: str
    kind: str
    aliases: list[str]


@dataclass
class Lexicons:
    violations: dict[str, CompiledLexicon]
    hedge: CompiledLexicon
    disclaimer: CompiledLexicon
    attribution_verbs: CompiledLexicon
    doubting_verbs: set[str]
    according_to: CompiledLexicon
    actors: CompiledLexicon
    actor_kinds: dict[str, str]
    victim_groups: CompiledLexicon
    source_roles: dict[str, CompiledLexicon]
    pseudonymous: CompiledLexicon
    reserved_words: set[str] = field(default_factory=set)


def _read(directory: Path | None, name: str) -> Any:
    try:
        if directory is not None and (directory / name).is_file():
            text = (directory / name).read_text(encoding="utf-8")
        else:
            text = resources.files("dalil.extract").joinpath("data").joinpath(name).read_text("utf-8")
        return yaml.safe_load(text)
    except yaml.YAMLError as exc:
        raise ConfigError(f"lexicon file {name} is not valid YAML: {exc}") from exc


def _lang_entries(block: dict[str, list[str]], label: str) -> list[Entry]:
    return [Entry(label, p) for lang in ("en", "ar") for p in block.get(lang, []) or []]


@lru_cache(maxsize=4)
def load_lexicons(directory: Path | None = None) -> Lexicons:
    violations_raw = _read(directory, "violations.yaml")
    unknown = set(violations_raw) - set(VIOLATION_TYPES)
    if unknown:
        raise ConfigError(f"violations.yaml has types outside the controlled vocabulary: "
                          f"{', '.join(sorted(unknown))}")
    violations = {"all": compile_lexicon([e for t, b in violations_raw.items()
                                          for e in _lang_entries(b, t)])}
    hedges = _read(directory, "hedges.yaml")
    attrib = _read(directory, "attribution.yaml")
    actors_raw: list[dict[str, Any]] = _read(directory, "actors.yaml")
    victims_raw: list[dict[str, Any]] = _read(directory, "victim_groups.yaml")
    sources = _read(directory, "sources.yaml")
    actor_entries = []
    kinds: dict[str, str] = {}
    for a in actors_raw:
        kinds[a["canonical"]] = a.get("kind", "armed_group")
        for alias in {a["canonical"], *a.get("aliases", [])}:
            actor_entries.append(Entry(a["canonical"], alias))
    victim_entries = [Entry(v["canonical"], alias) for v in victims_raw
                      for alias in {v["canonical"], *v.get("aliases", [])}]
    reserved = set()
    for block in (violations_raw, hedges):
        for value in block.values():
            for p in value.get("ar", []) + value.get("en", []):
                reserved.add(normalize_arabic(p).lower())
    for e in actor_entries + victim_entries:
        reserved.add(normalize_arabic(e.pattern).lower())
    return Lexicons(
        violations=violations,
        hedge=compile_lexicon(_lang_entries(hedges["hedge"], "hedge")),
        disclaimer=compile_lexicon(_lang_entries(hedges["disclaimer"], "disclaimer")),
        attribution_verbs=compile_lexicon(_lang_entries(attrib["verbs"], "verb"), literal=True),
        doubting_verbs={normalize_arabic(v).lower() for lang in ("en", "ar")
                        for v in attrib["doubting"].get(lang, [])},
        according_to=compile_lexicon(_lang_entries(attrib["according_to"], "according_to"),
                                     literal=True),
        actors=compile_lexicon(actor_entries, literal=True),
        actor_kinds=kinds,
        victim_groups=compile_lexicon(victim_entries, literal=True),
        source_roles={role: compile_lexicon(_lang_entries(sources[role], role))
                      for role in ROLES if role in sources},
        pseudonymous=compile_lexicon(_lang_entries(sources["pseudonymous"], "pseudonymous")),
        reserved_words=reserved,
    )
