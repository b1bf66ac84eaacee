"""Running the extractor over ingested sources and storing its results with their spans.

A part (one ``source_texts`` row) is extracted when it has no stored extraction or when the
stored one was made by another extractor version; ``force`` recomputes everything. Results of
one part are replaced in one transaction, so a crash leaves either the old or the new rows.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from datetime import date
from typing import Any

from sqlalchemy import delete, or_, select
from sqlalchemy import false as sa_false

from dalil.db.models import Source, SourceText
from dalil.errors import DalilError
from dalil.extract.model import Extraction
from dalil.extract.pipeline import EXTRACTOR_VERSION, extract_document
from dalil.extract.tables import ClaimRow, EventRow, ExtractionRun, FigureRow, PlaceMentionRow
from dalil.util import utcnow

BATCH = 50


@dataclass
class ExtractReport:
    extracted: int = 0
    up_to_date: int = 0
    failed: list[dict[str, Any]] = field(default_factory=list)
    claims: int = 0
    events: int = 0

    def to_dict(self) -> dict[str, Any]:
        return {"extracted": self.extracted, "up_to_date": self.up_to_date,
                "failed": self.failed, "claims": self.claims, "events": self.events,
                "extractor_version": EXTRACTOR_VERSION}


def published_day(value: str | None) -> str | None:
    """The YYYY-MM-DD day of a publication date a file or source states (an ISO date or
    datetime, possibly partial), else None: a malformed date anchors nothing rather than
    failing the extraction."""
    if not value or len(value) < 10:
        return None
    try:
        return date.fromisoformat(value[:10]).isoformat()
    except ValueError:
        return None


def extract_sources(ws: Any, source_ids: Iterable[int] | None = None, *, force: bool = False,
                    progress: Callable[[int, int], None] | None = None) -> ExtractReport:
    """Extract every (or the given) source's text parts that are missing or stale."""
    from dalil.extract.proposer import load_proposer
    from dalil.extract.statistical import load_entity_model

    actor = ws.require("evidence.write")
    report = ExtractReport()
    model_name = getattr(ws.settings, "extract_model", None)
    model = load_entity_model(model_name) if model_name else None
    proposer = load_proposer() if getattr(ws.settings, "extract_proposer", False) else None
    version = EXTRACTOR_VERSION + (f"+{model.__name__}" if model is not None else "") + \
        (f"+{proposer.version_tag}" if proposer is not None else "")
    gaz_dir = getattr(ws.settings, "gazetteer_dir", None)
    ids = None if source_ids is None else sorted(set(source_ids))
    with ws.db.session() as s:
        q = (select(SourceText.id, SourceText.source_id, SourceText.part, Source.published_at)
             .join(Source, Source.id == SourceText.source_id)
             .where(Source.status == "active").order_by(SourceText.id))
        if ids is not None:
            # a social-media export's posts are sources of their own, children of the export
            q = q.where(or_(SourceText.source_id.in_(ids), Source.parent_id.in_(ids))) if ids \
                else q.where(sa_false())
        parts = list(s.execute(q).all())
        done = {(r.source_id, r.part): r.extractor_version for r in
                s.execute(select(ExtractionRun.source_id, ExtractionRun.part,
                                 ExtractionRun.extractor_version)).all()}
    todo = []
    for text_id, source_id, part, published in parts:
        if not force and done.get((source_id, part)) == version:
            report.up_to_date += 1
            continue
        todo.append((text_id, source_id, part, published_day(published)))
    for start in range(0, len(todo), BATCH):
        batch = todo[start:start + BATCH]
        with ws.db.session() as s:
            texts = dict(s.execute(select(SourceText.id, SourceText.text).where(
                SourceText.id.in_([t[0] for t in batch]))).all())
        results = []
        for text_id, source_id, part, published in batch:
            try:
                results.append((source_id, part, extract_document(
                    texts[text_id], published=published, entity_model=model,
                    gazetteer_dir=gaz_dir, proposer=proposer)))
            except DalilError as exc:
                report.failed.append({"source_id": source_id, "part": part,
                                      "error": exc.message})
        with ws.transaction() as s:
            for source_id, part, result in results:
                _replace(s, source_id, part, result, version)
                report.extracted += 1
                report.claims += len(result.claims)
                report.events += len(result.events)
        if progress:
            progress(min(start + BATCH, len(todo)), len(todo))
    if report.extracted or report.failed:
        with ws.transaction() as s:
            ws.log(s, "extracted", actor=actor, details={
                "parts": report.extracted, "failed": len(report.failed),
                "extractor_version": version})
    return report


def _replace(s: Any, source_id: int, part: int, result: Extraction, v: str) -> None:
    old = s.execute(select(ExtractionRun.id).where(ExtractionRun.source_id == source_id,
                                                   ExtractionRun.part == part)).scalar()
    if old is not None:
        # Children first: SQLite only cascades with foreign keys switched on.
        for table in (FigureRow, EventRow, PlaceMentionRow, ClaimRow):
            s.execute(delete(table).where(table.extraction_id == old))
        s.execute(delete(ExtractionRun).where(ExtractionRun.id == old))
    run = ExtractionRun(source_id=source_id, part=part, extractor_version=v,
                        language=result.language, created_at=utcnow().isoformat(),
                        result=result.to_dict())
    s.add(run)
    s.flush()
    claim_rows = [ClaimRow(extraction_id=run.id, source_id=source_id, part=part, seq=i,
                           span_start=c.span[0], span_end=c.span[1], text=c.text,
                           attributed_to=c.attributed_to[:512], hedged=c.hedged,
                           hedge_cues=c.hedge_cues, quoted=c.quoted,
                           rule=c.attribution_rule[:256], extractor_version=v)
                  for i, c in enumerate(result.claims)]
    s.add_all(claim_rows)
    s.flush()
    places = {p.canonical: p for p in result.places}
    event_of_figure: dict[int, int] = {}
    for ev in result.events:
        claim = result.claims[ev.claim]
        place = places.get(ev.place) if ev.place else None
        row = EventRow(extraction_id=run.id, claim_id=claim_rows[ev.claim].id,
                       source_id=source_id, part=part, span_start=claim.span[0],
                       span_end=claim.span[1], violations=ev.violations, date=ev.date,
                       date_inherited=ev.date_inherited, place=ev.place,
                       place_id=place.place_id if place else None,
                       lat=place.lat if place else None, lon=place.lon if place else None,
                       place_inherited=ev.place_inherited, perpetrators=ev.perpetrators,
                       victim_groups=ev.victim_groups, extractor_version=v)
        s.add(row)
        s.flush()
        for fi in ev.figures:
            event_of_figure[fi] = row.id
    for kind, figures in (("casualty", result.casualty_figures), ("other", result.other_figures)):
        for i, f in enumerate(figures):
            low, high = (f.value, f.value) if isinstance(f.value, int) else f.value
            s.add(FigureRow(extraction_id=run.id,
                            event_id=event_of_figure.get(i) if kind == "casualty" else None,
                            source_id=source_id, part=part, kind=kind, value_low=low,
                            value_high=high, qualifier=f.qualifier, what=f.what,
                            attributed_to=f.attributed_to[:512], hedged=f.hedged,
                            span_start=f.span[0], span_end=f.span[1], rule=f.rule[:256],
                            extractor_version=v))
    for m in result.place_mentions:
        s.add(PlaceMentionRow(extraction_id=run.id, source_id=source_id, part=part,
                              place_id=m.place_id, canonical=m.canonical[:256], role=m.role,
                              lat=m.lat, lon=m.lon, admin1=m.admin1, span_start=m.span[0],
                              span_end=m.span[1], explanation=m.explanation,
                              extractor_version=v))
