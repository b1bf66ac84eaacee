"""Where incidents get their inputs: the sources (for origins) and their events.

``load_events`` is the one place that knows where events come from. Today it runs the extractor
over each source's stored text; when extractions are stored in the workspace (issue 3's
``dalil extract --all``), it reads those rows instead and nothing else changes.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable, Sequence
from types import SimpleNamespace
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from dalil.db.models import Source, SourceText, Testimony
from dalil.incidents.model import DateRange, EventRecord, FigureRecord, PlaceRef
from dalil.incidents.origins import SourceInfo

TEXT_KINDS = ("text", "html", "pdf", "post", "testimony")
REPORT_WINDOW_DAYS = 7
TESTIMONY_WINDOW_DAYS = 60


def load_sources(s: Session) -> list[SourceInfo]:
    """Every active source with its joined text (testimonies: the pseudonymous statement)."""
    texts: dict[int, list[str]] = {}
    for sid, body in s.execute(select(SourceText.source_id, SourceText.text)
                               .order_by(SourceText.source_id, SourceText.part)):
        texts.setdefault(sid, []).append(body)
    statements: dict[int, str] = {}
    interviewed: dict[int, str] = {}
    for sid, text, interview in s.execute(select(Testimony.source_id, Testimony.statement,
                                                 Testimony.interview)):
        statements[sid] = text
        when = (interview or {}).get("date")
        if when:
            interviewed[sid] = str(when)
    out = []
    for src in s.execute(select(Source).where(Source.status == "active").order_by(Source.id)
                         ).scalars():
        text = "\n\n".join(texts.get(src.id, [])) or statements.get(src.id, "")
        out.append(SourceInfo(
            id=src.id, sha256=src.sha256, kind=src.kind, publisher=src.publisher,
            author=src.author, origin_url=src.origin_url,
            # A testimony is dated by its interview: its events happened before it.
            published_at=src.published_at or interviewed.get(src.id),
            title=src.title, external_id=src.external_id, parent_id=src.parent_id,
            original_name=src.original_name, text=text, meta=dict(src.meta or {})))
    return out


def _published_day(src: SourceInfo) -> str | None:
    p = (src.published_at or "")[:10]
    return p if len(p) == 10 and p[4] == "-" else None


def events_from_extraction(src: SourceInfo, part: int, ext: Any,
                           cite: Callable[[str], str | None]) -> list[EventRecord]:
    """Turn one extraction (``dalil.extract.Extraction``) of one text part into event records.

    An event without a place or date takes the source's most frequent one (a report describes one
    scene more often than not), with a note saying so; without any, the date is the week before
    publication (precision ``approx``).
    """
    admin2 = {m.place_id: m.admin2 for m in ext.place_mentions}
    places: dict[str, PlaceRef] = {}
    for m in ext.place_mentions:
        places.setdefault(m.canonical, PlaceRef(
            place_id=m.place_id, name=m.canonical, lat=m.lat, lon=m.lon, kind=m.kind,
            admin1=m.admin1, admin2=m.admin2))
    for p in ext.places:
        places[p.canonical] = PlaceRef(place_id=p.place_id, name=p.canonical, lat=p.lat,
                                       lon=p.lon, kind=p.kind, admin1=p.admin1,
                                       admin2=admin2.get(p.place_id, ""))
    published = _published_day(src)
    # a unit counts with its groups ("Military Security" with "Assad-era forces and loyalists"),
    # so a report naming the unit agrees with one naming the group
    groups_of = {p.canonical: tuple(getattr(p, "groups", None) or ()) for p in ext.perpetrators}
    place_counts = Counter(e.place for e in ext.events if e.place)
    date_counts = Counter(e.date for e in ext.events if e.date)
    default_place = place_counts.most_common(1)[0][0] if place_counts else None
    if default_place is None and ext.places:
        default_place = ext.places[0].canonical  # the report's scene places, first named first
    if default_place is None:
        # A place merely mentioned (not as an origin, destination or base) is the best left.
        mentioned = [m.canonical for m in ext.place_mentions
                     if m.role in ("scene", "dateline", "mentioned")]
        default_place = mentioned[0] if mentioned else None
    default_date = date_counts.most_common(1)[0][0] if date_counts else None
    if default_date is None:
        event_dates = Counter(d.date for d in ext.dates if d.date) or Counter(
            d.date for d in ext.all_dates if d.date and d.role == "event")
        default_date = event_dates.most_common(1)[0][0] if event_dates else None
    if published is None:
        # No publication date in the metadata: the report's own dateline or "Posted:" line.
        stated = [d.date for d in ext.all_dates if d.date and d.role in ("dateline", "publication")
                  and len(d.date) == 10]
        published = stated[0] if stated else None
    out: list[EventRecord] = []
    per_claim: Counter[int] = Counter()
    for ev in ext.events:
        if not ev.violations and not ev.figures:
            continue
        claim = ext.claims[ev.claim]
        notes = []
        place_name = ev.place
        if place_name is None and default_place:
            place_name = default_place
            notes.append(f"place taken from the rest of the report ({default_place})")
        date_text = ev.date
        if date_text is None and default_date:
            date_text = default_date
            notes.append(f"date taken from the rest of the report ({default_date})")
        # Witnesses are interviewed weeks after the events; reports follow them within days.
        window = TESTIMONY_WINDOW_DAYS if src.kind == "testimony" else REPORT_WINDOW_DAYS
        dates = DateRange.parse(date_text, published, window_days=window)
        if date_text is None and dates is not None:
            notes.append(f"no date given: the {window} days before "
                         + ("the interview" if src.kind == "testimony" else "publication"))
        place = places.get(place_name) if place_name else None
        figures = tuple(
            FigureRecord(value=tuple(f.value) if isinstance(f.value, list | tuple) else f.value,
                         qualifier=f.qualifier, what=f.what, surface=f.surface,
                         span=(f.span[0], f.span[1]), hedged=f.hedged)
            for f in (ext.casualty_figures[i] for i in ev.figures))
        n = per_claim[ev.claim]
        per_claim[ev.claim] += 1
        span = (claim.span[0], claim.span[1])
        out.append(EventRecord(
            key=f"{src.sha256[:16]}:{part}:{span[0]}-{span[1]}:{n}", source_id=src.id, part=part,
            claim_text=claim.text, span=span, attributed_to=claim.attributed_to,
            hedged=claim.hedged, violations=frozenset(ev.violations), dates=dates, place=place,
            perpetrators=frozenset(ev.perpetrators).union(
                *(groups_of.get(name, ()) for name in ev.perpetrators)),
            victim_groups=frozenset(ev.victim_groups),
            figures=figures, cited=cite(claim.attributed_to), notes=notes))
    return out


def _attrs(value: Any) -> Any:
    """A stored extraction (its JSON) read with attribute access, like the ``Extraction`` it was."""
    if isinstance(value, dict):
        return SimpleNamespace(**{k: _attrs(v) for k, v in value.items()})
    if isinstance(value, list):
        return [_attrs(v) for v in value]
    return value


def load_events(s: Session, sources: Sequence[SourceInfo],
                cite: Callable[[str], str | None]) -> list[EventRecord]:
    """The events of every text source, from the stored extractions (issue 3's tables).

    The one switch point between extraction and incidents: ``build`` first brings the stored
    extractions up to date (``dalil.extract.store.extract_sources``, which only runs the
    extractor on parts that are new or were extracted by another version), then this reads them.
    """
    from dalil.extract.pipeline import EXTRACTOR_VERSION
    from dalil.extract.tables import ExtractionRun

    by_id = {src.id: src for src in sources if src.kind in TEXT_KINDS}
    out: list[EventRecord] = []
    rows = s.execute(select(ExtractionRun.source_id, ExtractionRun.part, ExtractionRun.result)
                     .where(ExtractionRun.extractor_version == EXTRACTOR_VERSION)
                     .order_by(ExtractionRun.source_id, ExtractionRun.part))
    for source_id, part, result in rows:
        src = by_id.get(source_id)
        if src is not None:
            out.extend(events_from_extraction(src, part, _attrs(result), cite))
    return out
