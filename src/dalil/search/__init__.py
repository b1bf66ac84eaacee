"""Arabic-aware full-text search over every extracted text (FTS5 on SQLite, tsvector on PostgreSQL)."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from sqlalchemy import delete, text
from sqlalchemy.orm import Session

from dalil.db.models import SearchDoc
from dalil.errors import InputError
from dalil.search.normalise import normalise

__all__ = ["SearchHit", "index_texts", "normalise", "remove_source", "search"]


@dataclass
class SearchHit:
    source_id: int
    part: int
    snippet: str
    kind: str
    original_name: str


def index_texts(s: Session, source_id: int, texts: list[str]) -> None:
    for part, body in enumerate(texts):
        norm = normalise(body)
        if norm:
            s.add(SearchDoc(source_id=source_id, part=part, body=norm))


def remove_source(s: Session, source_id: int) -> None:
    s.execute(delete(SearchDoc).where(SearchDoc.source_id == source_id))


def search(ws: Any, query: str, *, limit: int = 20) -> list[SearchHit]:
    ws.require("evidence.read")
    terms = normalise(query).split()
    if not terms:
        raise InputError("the search query has no words to look for")
    with ws.db.read_session() as s:
        if ws.db.dialect == "sqlite":
            # Each term quoted: user input never reaches FTS5's query syntax.
            match = " ".join('"' + t.replace('"', '""') + '"' for t in terms)
            rows = s.execute(text(
                "SELECT d.source_id, d.part, snippet(search_fts, 0, '[', ']', ' … ', 12), "
                "s.kind, s.original_name FROM search_fts JOIN search_docs d ON d.id = "
                "search_fts.rowid JOIN sources s ON s.id = d.source_id "
                "WHERE search_fts MATCH :q AND s.status = 'active' ORDER BY rank LIMIT :n"),
                {"q": match, "n": limit}).all()
        else:
            rows = s.execute(text(
                "SELECT d.source_id, d.part, ts_headline('simple', d.body, q, "
                "'StartSel=[,StopSel=],MaxWords=24,MinWords=8'), s.kind, s.original_name "
                "FROM search_docs d JOIN sources s ON s.id = d.source_id, "
                "plainto_tsquery('simple', :q) q "
                "WHERE to_tsvector('simple', d.body) @@ q AND s.status = 'active' "
                "ORDER BY ts_rank(to_tsvector('simple', d.body), q) DESC LIMIT :n"),
                {"q": " ".join(terms), "n": limit}).all()
    return [SearchHit(source_id=r[0], part=r[1], snippet=r[2], kind=r[3], original_name=r[4])
            for r in rows]
