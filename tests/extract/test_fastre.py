"""The speed-ups of the matching engine give exactly what the plain regular expressions give.

``fastre`` tries a pattern only where one of its literal starts occurs, and the lexicons try an
entry only where its literal occurs: if a pattern or a lexicon entry is edited so that this
stops holding, these tests fail (the plain ``re`` behaviour is the reference).
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from dalil.extract import (
    actors,
    attribution,
    dates,
    fastre,
    figures,
    load_lexicons,
    pipeline,
    places,
)
from dalil.extract.lexicon import CompiledLexicon, first_matching
from dalil.extract.text import prepare, word_tokens

DOCS = Path(__file__).resolve().parents[2] / "bench" / "data" / "extract"


def _patterns() -> list[fastre.Prefiltered]:
    out = []
    for module in (pipeline, places, figures, attribution, actors):
        for value in vars(module).values():
            items = value if isinstance(value, list) else [value]
            for item in items:
                pat = item[1] if isinstance(item, tuple) and len(item) == 2 else item
                if isinstance(pat, fastre.Prefiltered):
                    out.append(pat)
    return out


PATTERNS = _patterns()


def _texts() -> list[str]:
    return [prepare(p.read_text("utf-8")).norm for p in sorted(DOCS.glob("**/docs/*.txt"))]


def _same(pat: fastre.Prefiltered, text: str) -> None:
    plain = pat.compiled
    for a in range(0, len(text), 37):
        window = text[max(0, a - 70):a]
        got, want = pat.search(window), plain.search(window)
        assert (got and (got.span(), got.groups())) == (want and (want.span(), want.groups())), \
            (pat.pattern[:60], window)
    assert [(m.span(), m.groups()) for m in pat.finditer(text)] == \
        [(m.span(), m.groups()) for m in plain.finditer(text)], pat.pattern[:60]


def test_most_patterns_have_literal_starts() -> None:
    assert len(PATTERNS) > 40
    assert sum(fastre.literal_starts(p.compiled) is not None for p in PATTERNS) > 30


def test_literal_starts_of_a_pattern() -> None:
    pat = re.compile(r"(?<![\w@])(?:were|was) (?:shot|stabbed)\b|(?:^|\s)(?:و|ف)?نفى", re.I)
    starts = fastre.literal_starts(pat)
    assert starts is not None
    assert {"were shot", "was stabbed", "نفى", " ونفى", "\tفنفى"} <= starts
    assert {"dead", "the "} <= (fastre.literal_starts(re.compile(r"(?:the\s+)?dead")) or set())
    assert fastre.literal_starts(re.compile(r"\w+ dead")) is None  # may start anywhere


def test_required_literals_of_a_pattern() -> None:
    # every match holds one of them, though it starts with white space
    assert fastre.required_literals(re.compile(r",?\s+(?:while|but)\s+|;\s+", re.I)) == \
        frozenset({"while", "but", ";"})
    assert fastre.required_literals(re.compile(r"\s*(?:,|[\"“«])\s*")) == frozenset(',"“«')
    assert fastre.required_literals(re.compile(r"\s(?:\w+|to)\s")) is None  # any word
    # a group that ignores case: its literals are looked for in the folded text
    assert fastre.literal_starts(re.compile(r"(?i:gunmen|fighters) from")) == \
        frozenset({"gunmen from", "fighters from"})
    pat = fastre.compile(r"(?i:gunmen|fighters) from [A-Z]\w+")
    found = pat.search("Armed GUNMEN from Jableh")
    assert found is not None and found.group() == "GUNMEN from Jableh"
    assert pat.search("armed gunmen from jableh") is None  # the name is case-sensitive
    gated = fastre.compile(r",?\s+(?:while|but)\s+", re.I)
    assert gated.search("they left, but not all") is not None
    assert gated.search("they left, and not all") is None
    assert [m.group() for m in gated.finditer("a BUT b while c")] == [" BUT ", " while "]


@pytest.mark.parametrize("pat", PATTERNS, ids=lambda p: p.pattern[:40])
def test_prefiltered_patterns_match_like_plain_ones_on_the_corpus(pat: fastre.Prefiltered
                                                                   ) -> None:
    for text in _texts():
        _same(pat, text)


_PIECES = ["killed", "Killed", "were", "was", " ", "  ", "\n", ",", ".", "fled to", "from",
           "the", "ſ", "ı", "İ", "K", "نفى", "و", "قتل", "قرية", "at least", "aged", "-", "'s",
           "Gunmen", "militias linked to", "Assad", "based in", "no", "by", "@x", "\u2003",
           " while ", "but", ";", "“", "«", " - ", "Iran-backed", "fighters loyal to"]


@settings(max_examples=300, deadline=None)
@given(st.lists(st.sampled_from(_PIECES), max_size=25))
def test_prefiltered_patterns_match_like_plain_ones_on_any_text(pieces: list[str]) -> None:
    text = "".join(pieces)
    for pat in PATTERNS:
        _same(pat, text)


def _lexicon_same(lx: CompiledLexicon, text: str) -> None:
    # reference: every entry's own regex over the whole text, leftmost-longest
    found = sorted(((m.start(1), m.end(1), it.entry.label, it.entry.pattern)
                    for it in lx.items for m in it.regex.finditer(text)),
                   key=lambda t: (t[0], t[0] - t[1]))
    ref, last = [], -1
    for s, e, _label, pattern in found:
        if s >= last:
            ref.append((s, e, pattern))
            last = e
    assert [(s, e, en.pattern) for s, e, en in lx.finditer(text)] == ref, text
    assert bool(lx.search(text)) == any(it.regex.search(text) for it in lx.items), text


_LEX_PIECES = ["was", "is", "still", "missing", "were", "killed", "kıll", "ſhot", "shot dead",
               "forcibly", "disappeared", "reportedly", "allegedly", "قتل", "وقتل", "للعلويين",
               "العلويين", "لم", "يتسن", "التحقق", "not", "independently", "verified", " ",
               "  ", "\n", ",", "The", "DEAD", "the dead", "@", "-"]


@settings(max_examples=300, deadline=None)
@given(st.lists(st.sampled_from(_LEX_PIECES), max_size=14))
def test_lexicons_match_like_their_regexes_on_any_text(pieces: list[str]) -> None:
    lex = load_lexicons()
    text = " ".join(pieces) if len(pieces) % 2 else "".join(pieces)
    for lx in [lex.violations["all"], lex.hedge, lex.disclaimer, *lex.source_roles.values()]:
        _lexicon_same(lx, text)


def test_lexicons_match_like_their_regexes() -> None:
    lex = load_lexicons()
    lexicons = [lex.violations["all"], lex.hedge, lex.disclaimer]
    for text in _texts():
        for lx in lexicons:
            _lexicon_same(lx, text)
        for sentence in text.split("."):
            want = next((name for name, lx in lex.source_roles.items()
                         if any(it.regex.search(sentence) for it in lx.items)), None)
            assert first_matching(lex.source_roles, sentence) == want


@settings(max_examples=300, deadline=None)
@given(st.text(alphabet=st.sampled_from("aZ _.-'\u03a3\u03c3\u0130\u0131Kſ٣قتل\u0301"),
               max_size=30))
def test_word_tokens_are_the_lower_cased_words(text: str) -> None:
    assert word_tokens(text) == [(m.start(), m.end(), m.group().lower())
                                 for m in re.finditer(r"\w+", text)]



def test_arabic_entries_start_after_a_non_word() -> None:
    # the lexicons try an Arabic entry only at positions no word character precedes
    # (lexicon._word_starts), which holds because every such regex begins with this lookbehind
    lex = load_lexicons()
    lexicons = [*lex.violations.values(), lex.hedge, lex.disclaimer, lex.pseudonymous,
                *lex.source_roles.values()]
    items = [it for lx in lexicons for it in lx.items if it.arabic]
    assert items
    assert all(it.regex.pattern.startswith("(?<![\\w@])") for it in items)


def test_arabic_entries_opening_with_alternatives_have_literal_starts() -> None:
    # "(?:اخدو|اخذو)\w* ...": the body's starts are found (four characters into a match at
    # most), so such an entry is tried where they occur rather than over the whole report
    lex = load_lexicons()
    lexicons = [lex.violations["all"], *([lex.violation_exclusions]
                                         if lex.violation_exclusions is not None else [])]
    opening = [it for lx in lexicons for it in lx.items
               if it.arabic and it.entry.pattern.startswith("(?:") and not it.prefix]
    assert opening
    assert sum(bool(it.alternatives) for it in opening) >= len(opening) - 2


_DIALECT_PIECES = ["اخدوا", "واخدوهم", "اخدوه", "معهم", "عالفرع", "الموبايلات", "والذهب", "حرقوا",
                   "وحرقوا", "الجثث", "جثث", "يطلقون", "بيطلقوا", "النار", "على", "المدنيين",
                   "طلعوهم", "من", "البيوت", "خوفا", "الاعتقال", "بالاعتقال", "لخطر", "التعذيب",
                   " ", "،", "\n", "ف", "و"]


@settings(max_examples=300, deadline=None)
@given(st.lists(st.sampled_from(_DIALECT_PIECES), max_size=14))
def test_arabic_lexicon_entries_match_like_their_regexes_on_any_text(pieces: list[str]) -> None:
    lex = load_lexicons()
    text = " ".join(pieces) if len(pieces) % 2 else "".join(pieces)
    for lx in [lex.violations["all"], *([lex.violation_exclusions]
                                        if lex.violation_exclusions is not None else [])]:
        _lexicon_same(lx, text)


def _dispatch_same(dispatch: fastre.FirstWordDispatch, pattern: re.Pattern[str],
                   text: str) -> None:
    for s, _e, word in word_tokens(text):
        got, want = dispatch.for_word(word).match(text, s), pattern.match(text, s)
        assert (got and (got.span(), got.groupdict())) == \
            (want and (want.span(), want.groupdict())), (text[s:s + 40], word)


def test_first_word_dispatch_leaves_out_alternatives() -> None:
    dispatch = fastre.FirstWordDispatch(dates.DATE_RE)
    # "of" begins no date alternative that "the" does not; a digit keeps the numeric ones
    assert dispatch.for_word("of").pattern.count("(?!)") > \
        dispatch.for_word("the").pattern.count("(?!)") > 0
    assert dispatch.for_word("2025").match("2025-03-06").group("iso") == "2025-03-06"
    assert dispatch.for_word("ſeptember") is dates.DATE_RE  # folds otherwise than lower()
    for word in ("the", "of", "2025", "في"):
        variant = dispatch.for_word(word)
        assert (variant.groups, variant.groupindex) == \
            (dates.DATE_RE.groups, dates.DATE_RE.groupindex)


def test_first_word_dispatch_matches_like_the_pattern_on_the_corpus() -> None:
    for text in _texts():
        _dispatch_same(_DATE_DISPATCH, dates.DATE_RE, text)


_DATE_PIECES = ["the", "next", "following", "day", "of", "in", "on", "early", "late", "March",
                "march", "6", "06", "2025", "12/3/2025", "2025-03-06", "Monday", "monday,",
                "a", "few", "days", "ago", "since", "between", "and", "-", "to", "last", "week",
                "في", "اذار", "آذار", "من", "شهر", "الثاني", "عشر", "عام", "يوم", "امس", "ſ",
                "KELVIN\u212a", " ", "  ", "\n", ",", "."]


_DATE_DISPATCH = fastre.FirstWordDispatch(dates.DATE_RE)


@settings(max_examples=400, deadline=None)
@given(st.lists(st.sampled_from(_DATE_PIECES), max_size=12))
def test_first_word_dispatch_matches_like_the_pattern_on_any_text(pieces: list[str]) -> None:
    text = " ".join(pieces) if len(pieces) % 2 else "".join(pieces)
    _dispatch_same(_DATE_DISPATCH, dates.DATE_RE, text)


def _combined_lexicons() -> list[CompiledLexicon]:
    lex = load_lexicons()
    found = [lex.hedge, lex.disclaimer, lex.according_to, lex.attribution_verbs, lex.pseudonymous,
             *lex.violations.values(), *lex.source_roles.values()]
    return [lx for lx in found if lx.combined is not None]


def _combined_same(lx: CompiledLexicon, text: str, start: int, stop: int) -> None:
    # a short window is searched by the lexicon's one alternation, tried only where an entry
    # can start (lexicon._combined_hits): the same matches as the alternation itself
    assert lx.combined is not None
    want = [(m.start(m.lastindex), m.end(m.lastindex), lx.items[m.lastindex - 1].entry.pattern)
            for m in lx.combined.finditer(text, start, stop) if m.lastindex is not None]
    got = [(s, e, en.pattern) for s, e, en in lx.finditer(text, start, stop)]
    assert got == want, (lx.items[0].entry.pattern, text[start:stop])


def test_short_windows_match_like_the_alternation_on_the_corpus() -> None:
    lexicons = _combined_lexicons()
    assert lexicons
    for text in _texts()[::4]:  # (the plain alternation is slow: that is the point)
        for a in range(0, len(text), 397):
            for lx in lexicons:
                _combined_same(lx, text, a, min(len(text), a + 120 + a % 250))


@settings(max_examples=300, deadline=None)
@given(st.lists(st.sampled_from(_LEX_PIECES + _DIALECT_PIECES), max_size=16), st.integers(0, 6))
def test_short_windows_match_like_the_alternation_on_any_text(pieces: list[str], cut: int
                                                              ) -> None:
    text = " ".join(pieces) if len(pieces) % 2 else "".join(pieces)
    for lx in _combined_lexicons():
        _combined_same(lx, text, 0, len(text))
        _combined_same(lx, text, min(cut, len(text)), max(min(cut, len(text)), len(text) - cut))
