"""What the extraction engine leaves behind: the cycle collector it pauses during a document is
running again afterwards (or still off, when the caller had turned it off); no speaker's name
stays in its caches; spans map back to the original text through the characters normalisation
removed."""

from __future__ import annotations

import gc

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from dalil import compiled
from dalil.extract import extract_document
from dalil.extract.text import prepare

TEXT = ("Gunmen killed at least 12 civilians in the village of Beit Ana on 7 March 2025, "
        "a resident told reporters.")


def test_collector_is_running_after_a_document() -> None:
    assert gc.isenabled()
    extract_document(TEXT, published="2025-03-09")
    assert gc.isenabled()


def test_collector_stays_off_when_the_caller_turned_it_off() -> None:
    gc.disable()
    try:
        extract_document(TEXT, published="2025-03-09")
        assert not gc.isenabled()
    finally:
        gc.enable()


def test_no_speaker_name_is_kept_after_a_document() -> None:
    from dalil.extract import attribution

    witness = "Rasha Haddad, a teacher from Beit Ana, said gunmen killed 12 civilians."
    out = extract_document(witness, published="2025-03-09")
    assert "Rasha Haddad" in [s.name for s in out.quoted_sources]  # (the caches were used)
    assert attribution.plausible_speaker.cache_info().currsize == 0
    assert attribution.first_person.cache_info().currsize == 0


@pytest.mark.skipif("dalil.extract.pipeline" in compiled.compiled_modules(),
                    reason="a class compiled with mypyc cannot be patched to fail")
def test_collector_is_running_after_a_failing_document(monkeypatch: pytest.MonkeyPatch) -> None:
    from dalil.extract import pipeline

    def boom(self: object) -> None:
        raise RuntimeError("stage failed")

    monkeypatch.setattr(pipeline._Run, "run", boom)
    with pytest.raises(RuntimeError):
        extract_document(TEXT, published="2025-03-09")
    assert gc.isenabled()


@settings(max_examples=300, deadline=None)
@given(st.text(alphabet=st.sampled_from("ab قتل\u064e\u0651\u0640\n"), max_size=30),
       st.integers(0, 30), st.integers(0, 30))
def test_spans_map_back_through_removed_characters(text: str, a: int, b: int) -> None:
    # span() is orig() written out: the same offsets in the original text
    p = prepare(text)
    a, b = min(a, len(p.norm)), min(b, len(p.norm))
    want = (p.orig(a), p.orig(b - 1) + 1) if b > a else (p.orig(a), p.orig(a))
    assert p.span(a, b) == want
    if b > a:
        assert p.surface(a, b) == text[want[0]:want[1]]
