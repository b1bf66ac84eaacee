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

import ahocorasick
import yaml

from dalil.errors import ConfigError
from dalil.extract import fastre
from dalil.extract.actors import expand_forms, nationality_map
from dalil.extract.text import word_tokens
from dalil.gazetteer.names import has_arabic, normalize_arabic

VIOLATION_TYPES = (
    "killing", "execution", "massacre", "enforced_disappearance", "arbitrary_detention", "torture",
    "sexual_violence", "home_invasion", "arson", "looting", "forced_displacement", "incitement",
    "attack_on_civilians", "destruction_of_property", "concealment_of_bodies",
    "threat_or_intimidation",
)
ROLES = ("witness", "official", "NGO", "media", "analyst", "social_media_account", "other")
# Arabic clitics that may precede a word: conjunctions, prepositions (و ف ب ل ك), at most two;
# and the colloquial "ع" for "على" before the article ("عالحاجز", "وعالمخابرات").
_AR_PREFIX = "(?:[وفبلك]{1,2}|[وف]?ع(?=ال))?"


@dataclass
class Entry:
    """One lexicon entry: its label (type, canonical name) and the pattern as written."""

    label: str
    pattern: str


@dataclass
class _Item:
    entry: Entry
    regex: re.Pattern[str]
    prefix: str  # a lower-case literal every match starts with; "" when none can be derived
    arabic: bool = False
    # several possible literal starts ("(?:were|was) shot" -> "were", "was"), when no single one
    alternatives: tuple[str, ...] = ()


def _word_starts(text: str, a: int, b: int) -> list[int]:
    """The positions in [a, b] where an Arabic entry's match may start: every entry's regex
    begins with ``(?<![\\w@])`` (see compile_lexicon), so only where no word character or "@"
    comes before (``\\w`` is what str.isalnum() and "_" are); the others are not tried."""
    return [q for q in range(a, b + 1)
            if q == 0 or not (text[q - 1].isalnum() or text[q - 1] in "_@")]


def _starts_of(it: _Item) -> tuple[str, ...]:
    """The literals one of which every match of the entry starts with (Arabic: up to four
    characters after the match start, for clitics and the article); () when unknown."""
    return (it.prefix,) if it.prefix else tuple(dict.fromkeys(it.alternatives))


def _literal_automaton(items: list[_Item]) -> Any:
    """One pass over the text finds every occurrence of every entry's literal start: an
    Aho-Corasick automaton, literal -> (its length, the entries it starts).

    pyahocorasick rather than ``str.find`` per entry (400 scans of each report) or one regex
    alternation (Python's engine tries every alternative at every position)."""
    by_literal: dict[str, list[int]] = {}
    for k, it in enumerate(items):
        for literal in _starts_of(it):
            by_literal.setdefault(literal, []).append(k)
    auto = ahocorasick.Automaton()
    for literal, entries in by_literal.items():
        auto.add_word(literal, (len(literal), tuple(entries)))
    if by_literal:
        auto.make_automaton()
    return auto


@dataclass
class CompiledLexicon:
    """Entries compiled one regex each, run only where the text contains the entry's literal.

    One big alternation of 300 entries costs ~60 ms per 1,000-word report in Python's regex
    engine (it tries every alternative at every position); finding the entries' literal starts
    first (one Aho-Corasick pass) leaves the few dozen entries and positions that can match.
    """

    items: list[_Item]
    # short texts (a sentence, a name): one alternation is faster than many pre-tests
    combined: re.Pattern[str] | None = None
    # literal lexicons: first word -> [(all words, entry)], longest first
    words: dict[str, list[tuple[tuple[str, ...], Entry]]] | None = None
    automaton: Any = None

    def __post_init__(self) -> None:
        if self.automaton is None and self.items:
            self.automaton = _literal_automaton(self.items)
        # entries without a known literal start: always run
        self._unprefixed_list = [k for k, it in enumerate(self.items) if not _starts_of(it)]
        self._unprefixed = frozenset(self._unprefixed_list)
        self._arabic_items = frozenset(k for k, it in enumerate(self.items) if it.arabic)
        # for those: a few literals one of which every match contains ("حرق", " deaths"), so a
        # text without any is not searched (whole-report searches cost ~0.1 ms per entry)
        self._needs: dict[int, tuple[str, ...]] = {}
        for k in self._unprefixed_list:
            needs = fastre.required_literals(self.items[k].regex)
            if needs is not None and len(needs) <= 32:
                self._needs[k] = tuple(sorted(needs))
        # literal lexicons: first word -> (second word -> [(all words, entry)], longest first;
        # the first one-word entry). "syrian" starts 150 actor names: trying them one by one at
        # each "Syrian" of a report cost more than the rest of the lookup.
        self._by_second: dict[str, tuple[dict[str, list[tuple[tuple[str, ...], Entry]]],
                                         Entry | None]] = {}
        for first, seqs in (self.words or {}).items():
            multi: dict[str, list[tuple[tuple[str, ...], Entry]]] = {}
            single = None
            for seq, entry in seqs:
                if len(seq) > 1:
                    multi.setdefault(seq[1], []).append((seq, entry))
                elif single is None:
                    single = entry  # longest first: every longer entry was tried before it
            self._by_second[first] = (multi, single)

    def _literal_hits(self, low: str, start: int, stop: int) -> dict[int, list[int]]:
        """Item index -> the positions where one of its literal starts occurs (overlapping
        occurrences included, in text order), as ``str.find`` in a loop would find them."""
        hits: dict[int, list[int]] = {}
        if self.automaton is None or not len(self.automaton):
            return hits
        for end, (length, entries) in self.automaton.iter(low, start, stop):
            pos = end - length + 1
            for k in entries:
                hits.setdefault(k, []).append(pos)
        return hits

    @property
    def entries(self) -> list[Entry]:
        return [it.entry for it in self.items]

    def finditer(self, text: str, start: int = 0, end: int | None = None,
                 lowered: str | None = None, per_label: bool = False
                 ) -> list[tuple[int, int, Entry]]:
        """Matches, leftmost-longest and not overlapping (``per_label``: not overlapping within
        one label, so "were shot at close range" is both an attack and an execution)."""
        stop = len(text) if end is None else end
        if self.words is not None:
            return self._find_words(text, start, stop)
        # (not per label: one alternation finds one entry per position, and a short post's
        # "looted and burned" is both looting and arson)
        if stop - start < 400 and self.combined is not None and not per_label:
            return self._combined_hits(text, start, stop, lowered)
        low = lowered if lowered is not None else _lower(text)
        found: list[tuple[int, int, Entry]] = []
        same_length = len(low) == len(text)
        at = self._literal_hits(low, start, stop) if same_length else {}
        # the entries with a literal occurrence, and those without a literal, in entry order
        for k in sorted(self._unprefixed.union(at)) if same_length else range(len(self.items)):
            it = self.items[k]
            if not (it.prefix or it.alternatives) or not same_length:
                needs = self._needs.get(k) if same_length else None
                if needs is not None and not any(low.find(x, start, stop) >= 0 for x in needs):
                    continue  # no literal the entry needs: no match
                for m in it.regex.finditer(text, start, stop):
                    found.append((m.start(1), m.end(1), it.entry))
                continue
            positions = at.get(k)
            if not positions:
                continue
            # Try the entry only where its literal occurs (a match starts there, or up to four
            # characters earlier for Arabic clitics and the article).
            spans: set[tuple[int, int]] = set()
            regex = it.regex
            for pos in positions:
                for q in (_word_starts(text, max(start, pos - 4), pos) if it.arabic else (pos,)):
                    mm = regex.match(text, q, stop)
                    if mm:
                        spans.add((mm.start(1), mm.end(1)))
                        break
            seen_end = -1
            for a, b in sorted(spans, key=lambda t: (t[0], -t[1])):
                if a >= seen_end:  # one entry's matches do not overlap (as with finditer)
                    found.append((a, b, it.entry))
                    seen_end = b
        # leftmost-longest, non-overlapping
        found.sort(key=lambda t: (t[0], t[0] - t[1]))
        out: list[tuple[int, int, Entry]] = []
        last: dict[str, int] = {}
        for s, e, entry in found:
            group = entry.label if per_label else ""
            if s >= last.get(group, -1):
                out.append((s, e, entry))
                last[group] = e
        return out

    def _combined_hits(self, text: str, start: int, stop: int, lowered: str | None
                       ) -> list[tuple[int, int, Entry]]:
        """``combined.finditer`` in a short window, tried only where some entry's match can
        start (its literal start; for Arabic entries the word starts up to four characters
        before it). Same matches: where no entry can start, the alternation matches nothing.
        A sentence holds a few such places; the alternation of ~150 hedges tried at each of
        its ~200 characters cost ~0.3 ms."""
        assert self.combined is not None
        combined = self.combined
        items = self.items
        positions = self._combined_starts(text, start, stop, lowered)
        hits: list[tuple[int, int, Entry]] = []
        if positions is None:
            for cm in combined.finditer(text, start, stop):
                idx = cm.lastindex
                if idx is not None:
                    hits.append((cm.start(idx), cm.end(idx), items[idx - 1].entry))
            return hits
        last = start
        match = combined.match
        for q in positions:
            if q < last:
                continue
            found = match(text, q, stop)
            if found is None:
                continue
            cm = found
            if cm.end() == q:
                # an empty match: finditer's stepping past it is not worth copying here
                return self._combined_hits(text, start, stop, "")
            idx = cm.lastindex
            if idx is not None:
                hits.append((cm.start(idx), cm.end(idx), items[idx - 1].entry))
            last = cm.end()
        return hits

    def _combined_starts(self, text: str, start: int, stop: int, lowered: str | None
                         ) -> list[int] | None:
        """Where a match of some entry may start in [start, stop), in order; None when that
        is unknown (an entry without a literal start whose needed literals are there, a text
        whose folding changes its length, or ``lowered`` passed as "": look everywhere)."""
        if lowered == "" or self.automaton is None:
            return None
        low = lowered if lowered is not None else _lower(text)
        if len(low) != len(text):
            return None
        for k in self._unprefixed_list:
            needs = self._needs.get(k)
            if needs is None or any(low.find(x, start, stop) >= 0 for x in needs):
                return None
        found: set[int] = set()
        arabic = self._arabic_items
        for end, (length, entries) in self.automaton.iter(low, start, stop):
            pos = end - length + 1
            found.add(pos)
            if arabic and not arabic.isdisjoint(entries):
                found.update(_word_starts(text, max(start, pos - 4), pos))
        return sorted(found)

    def _find_words(self, text: str, start: int, stop: int) -> list[tuple[int, int, Entry]]:
        assert self.words is not None
        toks = _tokens(text, start, stop)
        out: list[tuple[int, int, Entry]] = []
        i = 0
        n = len(toks)
        while i < n:
            t_start, _, word = toks[i]
            if t_start > 0 and text[t_start - 1] == "@":
                i += 1
                continue
            hit = self.word_step(toks, i, text, _clitic_variants(word))
            if hit:
                out.append(hit[:3])
                i += hit[3]
            else:
                i += 1
        return out

    def word_step(self, toks: list[tuple[int, int, str]], i: int, text: str,
                  variants: list[tuple[int, str]]) -> tuple[int, int, Entry, int] | None:
        """The longest entry starting at word ``i`` (with its clitic ``variants``)."""
        assert self.words is not None
        n = len(toks)
        by_second = self._by_second
        for offset, first in variants:
            found = by_second.get(first)
            if found is None:
                continue
            multi, single = found
            if multi and i + 1 < n:
                for seq, entry in multi.get(toks[i + 1][2], ()):
                    k = len(seq)
                    if i + k > n:
                        continue
                    if all(toks[i + j][2] == seq[j] and
                           _GAP.fullmatch(text[toks[i + j - 1][1]:toks[i + j][0]])
                           for j in range(1, k)):
                        return toks[i][0] + offset, toks[i + k - 1][1], entry, k
            if single is not None:
                return toks[i][0] + offset, toks[i][1], single, 1
        return None

    def search(self, text: str) -> tuple[int, int, Entry] | None:
        """Some match (not necessarily the leftmost): for yes/no questions on short texts."""
        if self.words is not None:
            found = self.finditer(text)
            return found[0] if found else None
        low = _lower(text)
        if len(low) != len(text):
            for it in self.items:
                if it.prefix and it.prefix not in low:
                    continue
                m = it.regex.search(text)
                if m:
                    return m.start(1), m.end(1), it.entry
            return None
        return self._search_at(text, self._literal_hits(low, 0, len(low)), low)

    def _search_at(self, text: str, present: dict[int, list[int]], low: str | None = None
                   ) -> tuple[int, int, Entry] | None:
        """``search`` given where the entries' literal starts occur in ``text`` (and ``low``,
        the text folded like ``_lower`` does, to skip entries that need a literal it lacks)."""
        # entries whose literal occurs, and those without one, in the lexicon's order
        for k in sorted(self._unprefixed.union(present)) if present else self._unprefixed_list:
            it = self.items[k]
            positions = present.get(k)
            if positions is not None:
                # a match starts at the literal (Arabic: up to four characters before it)
                for pos in positions:
                    for q in (_word_starts(text, max(0, pos - 4), pos) if it.arabic else (pos,)):
                        mm = it.regex.match(text, q)
                        if mm:
                            return mm.start(1), mm.end(1), it.entry
                continue
            if low is not None:
                needs = self._needs.get(k)
                if needs is not None and not any(x in low for x in needs):
                    continue  # no literal the entry needs: no match
            m = it.regex.search(text)
            if m:
                return m.start(1), m.end(1), it.entry
        return None


class _LexiconChain:
    """Several lexicons asked in turn "does the text match?": one Aho-Corasick pass over the
    text finds the literal starts for all of them (source roles: seven lexicons, ~30 names and
    descriptions per report)."""

    def __init__(self, lexicons: list[CompiledLexicon]) -> None:
        self.lexicons = lexicons
        by_literal: dict[str, list[tuple[int, int]]] = {}
        for li, lx in enumerate(lexicons):
            for k, it in enumerate(lx.items):
                for literal in _starts_of(it):
                    by_literal.setdefault(literal, []).append((li, k))
        self.automaton = ahocorasick.Automaton()
        for literal, pairs in by_literal.items():
            self.automaton.add_word(literal, (len(literal), tuple(pairs)))
        if by_literal:
            self.automaton.make_automaton()

    def first(self, text: str) -> int | None:
        low = _lower(text)
        if len(low) != len(text) or not len(self.automaton) or any(
                lx.words is not None for lx in self.lexicons):
            return next((li for li, lx in enumerate(self.lexicons) if lx.search(text)), None)
        present: list[dict[int, list[int]]] = [{} for _ in self.lexicons]
        for end, (length, pairs) in self.automaton.iter(low):
            pos = end - length + 1
            for li, k in pairs:
                present[li].setdefault(k, []).append(pos)
        for li, lx in enumerate(self.lexicons):
            if lx._search_at(text, present[li], low) is not None:
                return li
        return None


_CHAINS: dict[tuple[int, ...], _LexiconChain] = {}


def first_matching(lexicons: dict[str, CompiledLexicon], text: str) -> str | None:
    """The first name (in the dict's order) whose lexicon matches somewhere in ``text``, as
    ``next(name for name, lx in lexicons.items() if lx.search(text))`` would give it."""
    names = list(lexicons)
    values = [lexicons[n] for n in names]
    key = tuple(id(lx) for lx in values)
    chain = _CHAINS.get(key)
    if chain is None or any(a is not b for a, b in zip(chain.lexicons, values, strict=True)):
        if len(_CHAINS) > 16:
            _CHAINS.clear()
        chain = _CHAINS[key] = _LexiconChain(values)
    li = chain.first(text)
    return None if li is None else names[li]


def _lower(text: str) -> str:
    """The text as the entries' case-insensitive regexes see it, for the literal pre-tests:
    lower case, and "ſ" and dotless "ı", which they match as "s" and "i", folded likewise."""
    low = text.lower()
    if "ſ" in low:
        low = low.replace("ſ", "s")
    if "ı" in low:
        low = low.replace("ı", "i")
    return low


def _norm_pattern(pattern: str) -> str:
    return normalize_arabic(pattern) if has_arabic(pattern) else pattern


_META = set("\\()[]{}?*+|.^$")


class _WordGroup:
    """For a group of word-indexed lexicons: the words that start an entry of any of them, and,
    per word of a text, remembered, its clitic variants and which lexicons it may start."""

    def __init__(self, lexicons: list[CompiledLexicon]) -> None:
        self.lexicons = lexicons
        self.starts: set[str] = set().union(*(lx.words or {} for lx in lexicons))
        self.per_word: dict[str, tuple[list[tuple[int, str]], tuple[int, ...]] | None] = {}

    def lookup(self, word: str) -> tuple[list[tuple[int, str]], tuple[int, ...]] | None:
        if word in self.per_word:
            return self.per_word[word]
        variants = _clitic_variants(word)
        firsts = [v for _o, v in variants]
        found = None
        if any(f in self.starts for f in firsts):
            found = (variants, tuple(li for li, lx in enumerate(self.lexicons)
                                     if lx.words is not None
                                     and any(f in lx.words for f in firsts)))
        self.per_word[word] = found
        return found


_WORD_GROUPS: dict[tuple[int, ...], _WordGroup] = {}


def find_words_many(text: str, lexicons: list[CompiledLexicon]
                    ) -> list[list[tuple[int, int, Entry]]]:
    """Several word-indexed lexicons in one pass over the words of ``text`` (each lexicon's
    matches leftmost-longest and not overlapping, as ``finditer`` gives them)."""
    toks = _tokens(text, 0, len(text))
    out: list[list[tuple[int, int, Entry]]] = [[] for _ in lexicons]
    resume = [0] * len(lexicons)
    gkey = tuple(id(lx) for lx in lexicons)
    group = _WORD_GROUPS.get(gkey)
    if group is None or any(a is not b for a, b in zip(group.lexicons, lexicons, strict=True)) \
            or len(group.per_word) > 200_000:
        if len(_WORD_GROUPS) > 16:
            _WORD_GROUPS.clear()
        group = _WORD_GROUPS[gkey] = _WordGroup(list(lexicons))
    # Most words start no entry (only Arabic words may hide a clitic): each distinct word is
    # looked up once, and the loop visits only the words that start some entry.
    per_word = group.per_word
    for w in {t[2] for t in toks}.difference(per_word):
        group.lookup(w)
    for i in [i for i, t in enumerate(toks) if per_word[t[2]] is not None]:
        t_start, _e, word = toks[i]
        if t_start > 0 and text[t_start - 1] == "@":
            continue
        found = per_word[word]
        assert found is not None
        variants, which = found
        for li in which:
            if i < resume[li]:
                continue
            hit = lexicons[li].word_step(toks, i, text, variants)
            if hit:
                out[li].append(hit[:3])
                resume[li] = i + hit[3]
    return out


def _alternative_prefixes(pattern: str) -> tuple[str, ...]:
    """Literal starts of a pattern that begins with a group of literal alternatives:
    "(?:were|was) shot" -> ("were", "was"); () when that is not the case."""
    if has_arabic(pattern) or not pattern.startswith("(?:"):
        return ()
    depth = 0
    for i, ch in enumerate(pattern):
        depth += ch == "("
        depth -= ch == ")"
        if depth == 0:
            group, after = pattern[3:i], pattern[i + 1:i + 2]
            break
    else:
        return ()
    if after in ("?", "*", "{") or "(" in group:
        return ()
    alts = group.split("|")
    out = []
    for alt in alts:
        lit = _literal_prefix(alt, False) if alt else ""
        if len(lit) < 2 or lit != alt.lower()[:len(lit)]:
            return ()
        out.append(lit)
    # "(?:were|was) stabbed": the literal after the group belongs to every start
    rest = pattern[i + 1:]
    if all(lit == alt.lower() for lit, alt in zip(out, alts, strict=True)) and \
            not _top_level_bar(rest):
        follow: list[str] = []
        for ch in rest:
            if ch in _META:
                if ch in "?*{" and follow:
                    follow.pop()
                break
            follow.append(ch)
        out = [lit + "".join(follow).lower() for lit in out]
    return tuple(out)


def _top_level_bar(pattern: str) -> bool:
    """Whether the pattern may be an alternation at its top level (escaped parentheses make
    the count unsure: then yes)."""
    if "|" not in pattern:
        return False
    if "\\(" in pattern or "\\)" in pattern:
        return True
    depth = 0
    for ch in pattern:
        depth += ch == "("
        depth -= ch == ")"
        if ch == "|" and depth <= 0:
            return True
    return False


def _literal_prefix(pattern: str, literal: bool) -> str:
    """The longest literal start of a pattern (lower case), for the substring pre-test."""
    if has_arabic(pattern) and pattern.startswith("ال"):
        pattern = pattern[2:]  # "للعلويين" (ل + ال) does not contain "العلويين"
    if literal:
        word = re.split(r"[\s-]+", pattern.strip())[0].lower()
        return word if len(word) >= 2 else ""
    depth = 0
    for ch in pattern:  # a top-level alternation has no common prefix
        depth += ch == "("
        depth -= ch == ")"
        if ch == "|" and depth == 0:
            return ""
    if pattern.startswith("\\b"):
        pattern = pattern[2:]  # "\bmedia\b": a match still starts with "media"
    # Spaces are literal in these patterns: "the dead" pre-tests on "the dead", not on "the".
    out: list[str] = []
    for i, ch in enumerate(pattern):
        if ch in _META:
            if i < len(pattern) and ch in "?*{" and out:
                out.pop()
            break
        out.append(ch)
    prefix = "".join(out).lower()
    return prefix if len(prefix) >= 2 else ""


_WORD = re.compile(r"\w+")
# "PKK/YPG": a slash joins the words of a name; 'تنظيم "الدولة الإسلامية"', 'ميليشيا "قسد"':
# Arabic reports quote a group's name after its kind, and the quotes are no break in it
_GAP = re.compile(r"[\s\-'/]+|\s*[\"«“”»]\s*")


_tokens = word_tokens


@lru_cache(maxsize=65536)
def _clitic_variants(word: str) -> list[tuple[int, str]]:
    """The word, and for Arabic the word without glued و ف ب ل ك (and لل -> ال)."""
    out = [(0, word)]
    if not ("\u0621" <= word[:1] <= "\u064a"):
        return out
    for k in (0, 1, 2):
        if k and (len(word) <= k + 2 or any(c not in "وفبلك" for c in word[:k])):
            continue
        rest = word[k:]
        if k:
            out.append((k, rest))
        if rest.startswith("لل") and len(rest) > 3:
            out.append((k, "ا" + rest[1:]))
    k = 1 if word.startswith(("وعال", "فعال")) else 0
    if word.startswith("عال", k) and len(word) > k + 4:
        out.append((k + 1, word[k + 1:]))  # "عالحاجز": colloquial ع (على) + the article
    return out


def compile_lexicon(entries: list[Entry], *, literal: bool = False) -> CompiledLexicon:
    if literal:
        words: dict[str, list[tuple[tuple[str, ...], Entry]]] = {}
        for e in entries:
            seq = tuple(w.lower() for w in _WORD.findall(_norm_pattern(e.pattern)))
            if seq:
                words.setdefault(seq[0], []).append((seq, e))
        for lst in words.values():
            lst.sort(key=lambda t: -len(t[0]))
        return CompiledLexicon([], words=words)
    items = []
    for e in entries:
        pat = _norm_pattern(e.pattern)
        body = re.escape(pat) if literal else pat
        if literal:
            body = body.replace(r"\ ", r"[\s-]+").replace(r"\-", r"[\s-]?")
        if has_arabic(pat):
            if body.startswith("ال"):
                body = f"(?:{body}|ل{body[1:]})"  # ل + ال contracts to لل
            article = "" if pat.startswith("ال") or " " in pat.strip() else "(?:ال)?"
            regex = rf"(?<![\w@]){_AR_PREFIX}{article}({body})(?![\w])"
        else:
            regex = rf"(?<![\w@])({body})(?![\w])"
        compiled = re.compile(regex, re.IGNORECASE)
        prefix = _literal_prefix(pat, literal)
        alternatives = () if prefix else _alternative_prefixes(pat)
        starts = None if has_arabic(pat) else fastre.literal_starts(compiled)
        if has_arabic(pat) and not (prefix or alternatives):
            # "(?:اخدو|اخذو)\w* ...", "(?:ي|ت)?طلق\w* ...": the starts of the body, which
            # begins at most four characters into a match (two clitics, the article), where
            # Arabic entries are tried anyway; without them the entry searched whole reports
            body_starts = fastre.literal_starts(re.compile(body, re.IGNORECASE))
            if body_starts and min(map(len, body_starts)) >= 2:
                alternatives = tuple(sorted(body_starts))
        if starts:
            # every match starts with one of these, worked out from the whole entry
            # ("(?:is|was) (?:still )?missing": "is missing", "was still missing" ...)
            prefix, alternatives = "", tuple(sorted(starts))
        items.append(_Item(e, compiled, prefix, has_arabic(pat), alternatives))
    # Longest patterns first so "mass killing" wins over "killing" at the same position.
    items.sort(key=lambda it: -len(it.entry.pattern))
    combined = re.compile("|".join(f"(?:{it.regex.pattern})" for it in items), re.IGNORECASE) \
        if items else None
    return CompiledLexicon(items, combined)


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
    # canonical -> (ISO date, canonical to use for events before that date)
    actor_eras: dict[str, tuple[str, str]]
    victim_groups: CompiledLexicon
    source_roles: dict[str, CompiledLexicon]
    pseudonymous: CompiledLexicon
    reserved_words: set[str] = field(default_factory=set)
    # "Russian" -> "Russian forces" (actors.yaml nationality and forms modifiers)
    actor_nationalities: dict[str, str] = field(default_factory=dict)
    # phrases holding a trigger that assert no violation ("arrest warrants", "at risk of
    # torture", "the Commission for Missing Persons"): violations.yaml `not_violations`
    violation_exclusions: CompiledLexicon | None = None
    # canonical -> the groups it belongs to (actors.yaml `part_of`), and other groups for events
    # before a date (`before: {date, part_of}`)
    actor_part_of: dict[str, tuple[str, ...]] = field(default_factory=dict)
    actor_part_of_before: dict[str, tuple[str, tuple[str, ...]]] = field(default_factory=dict)
    # actors the registry knows by a description, not a name ("rebel factions"): actors.yaml
    # `described: true`
    described_actors: set[str] = field(default_factory=set)

    def era_name(self, canonical: str, when: str | None) -> str:
        """The actor's name for an event on ``when`` (ISO date or None): "government forces" in
        2016 were "Assad-era forces and loyalists"."""
        era = self.actor_eras.get(canonical)
        if era and when and when < era[0]:
            return era[1]
        return canonical

    def groups_of(self, canonical: str, when: str | None = None) -> list[str]:
        """The groups an actor is counted under, nearest first, each in its era's name:
        "Palestine Branch" -> ["Military Intelligence (Military Security)", "Assad-era forces
        and loyalists"]; "police" in 2019 -> ["Assad-era forces and loyalists"]."""
        out: list[str] = []
        todo = [canonical]
        while todo:
            name = todo.pop(0)
            parents = self.actor_part_of.get(name, ())
            before = self.actor_part_of_before.get(name)
            if before and when and when < before[0]:
                parents = before[1]
            for parent in parents:
                named = self.era_name(parent, when)
                if named not in out and named != canonical:
                    out.append(named)
                    todo.append(named)
        return out


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
    violations_raw = dict(_read(directory, "violations.yaml"))
    # not a type: phrases whose trigger asserts nothing (a warrant, a risk, an institution)
    exclusions_raw = violations_raw.pop("not_violations", None) or {}
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
    eras: dict[str, tuple[str, str]] = {}
    part_of: dict[str, tuple[str, ...]] = {}
    part_of_before: dict[str, tuple[str, tuple[str, ...]]] = {}
    described: set[str] = set()
    for a in actors_raw:
        kinds[a["canonical"]] = a.get("kind", "armed_group")
        if a.get("described"):
            described.add(a["canonical"])
        if a.get("part_of"):
            part_of[a["canonical"]] = tuple(a["part_of"])
        before = a.get("before")
        if before and before.get("canonical"):
            eras[a["canonical"]] = (str(before["date"]), before["canonical"])
        if before and "part_of" in before:
            part_of_before[a["canonical"]] = (str(before["date"]), tuple(before["part_of"] or ()))
        # dict.fromkeys, not a set: the order decides which alias a tie names in `rule`, and a
        # set's order changes with the hash seed from run to run.
        for alias in dict.fromkeys([a["canonical"], *a.get("aliases", []),
                                    *expand_forms(a.get("forms"), a["canonical"])]):
            actor_entries.append(Entry(a["canonical"], alias))
    for name, parents in [*part_of.items(), *((n, b[1]) for n, b in part_of_before.items())]:
        missing = [g for g in parents if g not in kinds]
        if missing:
            raise ConfigError(f"actors.yaml: {name!r} is part_of {', '.join(missing)}, which "
                              "has no entry of its own")
    victim_entries = [Entry(v["canonical"], alias) for v in victims_raw
                      for alias in dict.fromkeys([v["canonical"], *v.get("aliases", [])])]
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
        actor_eras=eras,
        victim_groups=compile_lexicon(victim_entries, literal=True),
        # in the file's order: the first role whose cues match wins
        source_roles={role: compile_lexicon(_lang_entries(block, role))
                      for role, block in sources.items() if role in ROLES},
        pseudonymous=compile_lexicon(_lang_entries(sources["pseudonymous"], "pseudonymous")),
        reserved_words=reserved,
        actor_nationalities=nationality_map(actors_raw),
        violation_exclusions=compile_lexicon(_lang_entries(exclusions_raw, "not_violation"))
        if exclusions_raw else None,
        actor_part_of=part_of,
        actor_part_of_before=part_of_before,
        described_actors=described,
    )
