"""`dalil demo`: a workspace with the bundled fictional sample corpus, ingested and verified."""

from __future__ import annotations

from dataclasses import dataclass
from importlib.resources import as_file, files
from pathlib import Path
from typing import Any

from dalil.settings import Settings
from dalil.vault.verify import VerifyReport, verify_workspace
from dalil.workspace import Workspace

SEARCH_QUERY = "Baniyas"


@dataclass
class DemoResult:
    rows: list[dict[str, Any]]
    sources: int
    testimonies: int
    verify: VerifyReport
    search_query: str
    search_hits: int


def corpus_dir() -> Any:
    return files("dalil.demo").joinpath("corpus")


def run_demo(home: Path, *, user: str | None = None) -> DemoResult:
    from sqlalchemy import func, select

    from dalil.db.models import Source, Testimony
    from dalil.ingest.pipeline import Ingestor
    from dalil.protect.testimony import init_keys
    from dalil.search import search

    settings = Settings.load(home=home, user=user)
    ws = Workspace.open(settings, initialise=True)
    try:
        if not ws.key_path.exists():
            init_keys(ws)
        with as_file(corpus_dir()) as corpus:
            outcomes = Ingestor(ws).ingest([Path(corpus)])
        report = verify_workspace(ws)
        with ws.db.session() as s:
            n_sources = s.scalar(select(func.count()).select_from(Source)) or 0
            n_testimonies = s.scalar(select(func.count()).select_from(Testimony)) or 0
        hits = len(search(ws, SEARCH_QUERY, limit=100))
    finally:
        ws.close()
    return DemoResult(rows=[o.to_dict() for o in outcomes], sources=n_sources,
                      testimonies=n_testimonies, verify=report, search_query=SEARCH_QUERY,
                      search_hits=hits)
