"""What the extraction engine leaves behind: the cycle collector it pauses during a document is
running again afterwards (or still off, when the caller had turned it off)."""

from __future__ import annotations

import gc

import pytest

from dalil.extract import extract_document

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


def test_collector_is_running_after_a_failing_document(monkeypatch: pytest.MonkeyPatch) -> None:
    from dalil.extract import pipeline

    def boom(self: object) -> None:
        raise RuntimeError("stage failed")

    monkeypatch.setattr(pipeline._Run, "run", boom)
    with pytest.raises(RuntimeError):
        extract_document(TEXT, published="2025-03-09")
    assert gc.isenabled()
