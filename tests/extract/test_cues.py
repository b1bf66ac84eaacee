"""``fastre.Cues`` skips a pattern only where it cannot match: the cues around a date give what
the plain searches give, in every window inside the neighbourhood asked about."""

from __future__ import annotations

import re
from pathlib import Path

from hypothesis import given, settings
from hypothesis import strategies as st

from dalil.extract import date_roles, dates, fastre
from dalil.extract.text import prepare

DOCS = Path(__file__).resolve().parents[2] / "bench" / "data" / "extract"
CUES = [date_roles._CUES, dates._FOUND_CUES]


def _key(m: re.Match[str] | None) -> tuple[tuple[int, int], tuple[str | None, ...]] | None:
    return None if m is None else (m.span(), m.groups())


def _same_around(cues: fastre.Cues, text: str, start: int, end: int) -> None:
    near = cues.near(text, max(0, start - 90), end + 80)
    windows = [(max(0, start - k), start) for k in (12, 25, 30, 40, 50, 60, 70, 90)] + \
        [(end, end + k) for k in (50, 60, 80)] + [(start, end), (max(0, start - 70), end)]
    for rx in cues.patterns:
        for a, b in windows:
            piece = text[a:b]
            assert _key(near.search(rx, piece)) == _key(rx.search(piece)), (rx.pattern[:50], piece)
            assert _key(near.match(rx, piece)) == _key(rx.match(piece)), (rx.pattern[:50], piece)
            assert _key(near.search(rx, text, a, b)) == _key(rx.search(text, a, b)), \
                (rx.pattern[:50], piece)


def test_cues_find_what_the_patterns_find_on_the_corpus() -> None:
    texts = [prepare(p.read_text("utf-8")).norm for p in sorted(DOCS.glob("**/docs/*.txt"))]
    assert texts
    for text in texts:
        for cues in CUES:
            for d in dates.find_dates(text, None):
                _same_around(cues, text, d.start, d.end)
            for at in range(0, len(text), 211):
                _same_around(cues, text, at, min(len(text), at + 5))


_PIECES = ["said", "SAID", "on", "in", " ", "\n", ",", ".", ":", "ſaid", "ı", "İ", "K", "\u2003",
           "Period", "covered", "founded", "set up", "born", "by", "the end of", "left over from",
           "agreement", "signed", "published", "met", "interviews", "6 March", "2019", "today",
           "نشر", "قال", "في", "يوم", "اتفاق", "مواليد", "و", "the", "a", "was", "reported"]


@settings(max_examples=300, deadline=None)
@given(st.lists(st.sampled_from(_PIECES), max_size=30), st.integers(0, 200),
       st.integers(0, 20))
def test_cues_find_what_the_patterns_find_on_any_text(pieces: list[str], at: int,
                                                       width: int) -> None:
    text = "".join(pieces)
    start = min(at, len(text))
    for cues in CUES:
        _same_around(cues, text, start, min(len(text), start + width))
