"""Stored extractions on both databases: spans into the source text, version-driven recompute,
automatic run after ingest via the CLI."""

from __future__ import annotations

from pathlib import Path

import pytest
import sqlalchemy as sa

from dalil.db.models import SourceText
from dalil.extract import store
from dalil.extract.tables import ClaimRow, EventRow, ExtractionRun, FigureRow, PlaceMentionRow
from dalil.ingest.pipeline import Ingestor
from dalil.workspace import Workspace

REPORT = (
    "BEIRUT, March 8 (Wire) - Gunmen killed at least 52 civilians in the village of Mukhtariyah "
    "in the Latakia countryside on Thursday, a monitoring group said.\n\n"
    "Wire could not independently verify the figures.\n"
)
ARABIC = "قُتل ما لا يقل عن ٤٥ مدنياً في قرية الدالية بريف جبلة يوم الجمعة، بحسب المرصد السوري.\n"


def _ingest(ws: Workspace, tmp_path: Path) -> list[int]:
    folder = tmp_path / "reports"
    folder.mkdir()
    (folder / "wire.txt").write_text(REPORT, encoding="utf-8")
    (folder / "ar.txt").write_text(ARABIC, encoding="utf-8")
    outcomes = Ingestor(ws).ingest([folder])
    return [o.source_id for o in outcomes if o.source_id]


def test_extractions_are_stored_with_spans(workspace: Workspace, tmp_path: Path) -> None:
    ids = _ingest(workspace, tmp_path)
    report = store.extract_sources(workspace)
    assert report.extracted == 2 and not report.failed
    with workspace.db.session() as s:
        texts = {(t.source_id, t.part): t.text for t in s.scalars(sa.select(SourceText))}
        claims = list(s.scalars(sa.select(ClaimRow)))
        assert claims and {c.source_id for c in claims} == set(ids)
        for c in claims:
            assert texts[(c.source_id, c.part)][c.span_start:c.span_end] == c.text
            assert c.extractor_version == store.EXTRACTOR_VERSION
        figures = list(s.scalars(sa.select(FigureRow).where(FigureRow.kind == "casualty")))
        values = sorted((f.value_low, f.qualifier, f.what, f.hedged) for f in figures)
        assert values == [(45, "at_least", "killed", False), (52, "at_least", "killed", True)]
        for f in figures:
            assert f.event_id is not None
            surface = texts[(f.source_id, f.part)][f.span_start:f.span_end]
            assert surface in ("at least 52", "ما لا يقل عن ٤٥")
        events = list(s.scalars(sa.select(EventRow)))
        assert any(e.place == "Mukhtariyah" and e.lat for e in events)
        assert s.scalar(sa.select(sa.func.count()).select_from(PlaceMentionRow))
    # nothing changed: nothing recomputed
    again = store.extract_sources(workspace)
    assert (again.extracted, again.up_to_date) == (0, 2)


def test_version_change_recomputes(workspace: Workspace, tmp_path: Path,
                                   monkeypatch: pytest.MonkeyPatch) -> None:
    _ingest(workspace, tmp_path)
    store.extract_sources(workspace)
    with workspace.db.session() as s:
        before = s.scalar(sa.select(sa.func.count()).select_from(ClaimRow))
    monkeypatch.setattr(store, "EXTRACTOR_VERSION", "9.9.9")
    report = store.extract_sources(workspace)
    assert report.extracted == 2
    with workspace.db.session() as s:
        runs = list(s.scalars(sa.select(ExtractionRun)))
        assert len(runs) == 2  # replaced, not duplicated
        assert s.scalar(sa.select(sa.func.count()).select_from(ClaimRow)) == before
        actions = s.execute(sa.text("SELECT action FROM custody_log")).scalars().all()
        assert actions.count("extracted") == 2


def test_cli_ingest_runs_extraction_and_extract_all(tmp_path: Path) -> None:
    from typer.testing import CliRunner

    from dalil.cli import app

    home = tmp_path / "ws"
    folder = tmp_path / "in"
    folder.mkdir()
    (folder / "wire.txt").write_text(REPORT, encoding="utf-8")
    env = {"DALIL_HOME": str(home), "DALIL_USER": "tester",
           "DALIL_KEY_FILE": str(tmp_path / "key.json"), "DALIL_FSYNC": "0"}
    runner = CliRunner()
    assert runner.invoke(app, ["init"], env=env).exit_code == 0
    result = runner.invoke(app, ["ingest", str(folder), "--json"], env=env)
    assert result.exit_code == 0, result.output
    result = runner.invoke(app, ["extract", "--all", "--json"], env=env)
    assert result.exit_code == 0, result.output
    assert '"up_to_date": 1' in result.output  # ingest already extracted it


@pytest.mark.parametrize(("stated", "day"), [
    ("2025-04-10T09:30:00+03:00", "2025-04-10"), ("2025-04-10", "2025-04-10"),
    ("2025-13-45", None), ("2025-04", None), ("", None), (None, None), ("April 10, 2025", None),
])
def test_published_day_of_a_stated_date(stated: str | None, day: str | None) -> None:
    # a malformed stated date anchors nothing; it must not fail the source's extraction
    assert store.published_day(stated) == day
