"""Linkage over a workspace: import lists, link, review, list victims.

The order of durable steps is the vault's: a list file is first ingested as a source (so the
exact bytes are preserved and in the custody log), then its rows are parsed into victim records
that point back to that source and row. Linkage writes victim ids and candidate pairs; reviewers'
decisions are constraints that every later run respects.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import pandas as pd
from sqlalchemy import delete, func, insert, select, update

from dalil.errors import InputError, NotFoundError
from dalil.linkage.features import prepare
from dalil.linkage.model import (
    DEFAULT_REVIEW_BAND,
    DEFAULT_THRESHOLD,
    Constraints,
    Engine,
    link_records,
)
from dalil.linkage.records import (
    ColumnMapping,
    RowError,
    detect_mapping,
    load_mapping,
    parse_rows,
    read_table,
)
from dalil.linkage.tables import LinkDecision, Victim, VictimList, VictimPair, VictimRecordRow
from dalil.util import utcnow

__all__ = [
    "ImportReport",
    "LinkReport",
    "add_named_victim",
    "decide",
    "import_list",
    "link_workspace",
    "list_victims",
    "records_frame",
    "review_queue",
    "show_victim",
    "stats",
]

RECORD_FIELDS = (
    "list_record_id", "full_name", "given_name", "father_name", "grandfather_name",
    "family_name", "mother_name", "sex", "age", "birth_year", "date_of_death", "date_precision",
    "place_of_death", "place_of_origin", "governorate", "manner_of_death", "cause_of_death",
    "status",
)


@dataclass
class ImportReport:
    list_name: str
    source_id: int
    source_status: str
    imported: int = 0
    already_present: int = 0
    errors: list[RowError] = field(default_factory=list)
    mapping: dict[str, str] = field(default_factory=dict)

    def to_dict(self) -> dict[str, Any]:
        return {"list": self.list_name, "source_id": self.source_id,
                "source_status": self.source_status, "imported": self.imported,
                "already_present": self.already_present, "mapping": self.mapping,
                "errors": [{"row": e.row_number, "message": e.message} for e in self.errors]}


def _get_or_create_list(ws: Any, name: str, actor: str) -> int:
    with ws.transaction() as s:
        row = s.execute(select(VictimList).where(VictimList.name == name)).scalar_one_or_none()
        if row is None:
            row = VictimList(name=name, created_at=utcnow(), created_by=actor)
            s.add(row)
            s.flush()
        return int(row.id)


def import_list(ws: Any, path: Path, list_name: str, mapping_path: Path | None = None
                ) -> ImportReport:
    """Ingest a CSV/XLSX victim list into the vault, then parse its rows into victim records."""
    from dalil.ingest.pipeline import Ingestor

    if not list_name.strip():
        raise InputError("a list needs a name (--list)")
    if not path.is_file():
        raise NotFoundError(f"no such file: {path}")
    # Parse before ingesting so that a file with no usable name column is refused whole.
    headers, rows = read_table(path)
    mapping: ColumnMapping = (load_mapping(mapping_path, headers) if mapping_path
                              else detect_mapping(headers))
    parsed = parse_rows(list_name, headers, rows, mapping)
    ingestor = Ingestor(ws)
    outcome = ingestor.ingest([path])[0]
    if outcome.source_id is None:
        raise InputError(f"the vault refused {path.name}: {outcome.message}")
    list_id = _get_or_create_list(ws, list_name, ingestor.actor)
    report = ImportReport(list_name, outcome.source_id, outcome.status,
                          errors=parsed.errors, mapping=dict(mapping.columns))
    with ws.transaction() as s:
        present = set(s.execute(
            select(VictimRecordRow.row_number).where(VictimRecordRow.list_id == list_id,
                                                     VictimRecordRow.source_id == outcome.source_id)
        ).scalars())
        for rec in parsed.records:
            if rec.row_number in present:
                report.already_present += 1
                continue
            values = {k: (v if v not in ("", None) else None)
                      for k, v in rec.as_row().items() if k in RECORD_FIELDS}
            s.add(VictimRecordRow(list_id=list_id, source_id=outcome.source_id,
                                  row_number=rec.row_number, original=rec.original, **values))
            report.imported += 1
    # The custody log already holds the file's ingest; parsed rows are derived data that can be
    # re-read from the preserved source at any time, so they need no custody entry of their own.
    return report


TESTIMONY_LIST = "testimonies"


def add_named_victim(ws: Any, source_id: int, fields: dict[str, Any],
                     list_name: str = TESTIMONY_LIST) -> int:
    """A victim named in a testimony (or any other preserved source) becomes a record.

    The record points at that source; its row number counts the victims named in it (1, 2, ...).
    ``fields`` are victim-record fields (full_name, sex, age, date_of_death, ...).
    """
    from dalil.db.models import Source
    from dalil.linkage.records import SEX_VALUES, parse_date

    actor = ws.require("evidence.write")
    unknown = sorted(set(fields) - set(RECORD_FIELDS))
    if unknown:
        raise InputError(f"unknown victim field(s): {', '.join(unknown)}")
    if not any(fields.get(f) for f in ("full_name", "given_name", "family_name")):
        raise InputError("a named victim needs a name")
    values = {k: v for k, v in fields.items() if v not in (None, "")}
    if "sex" in values:
        sex = SEX_VALUES.get(str(values["sex"]).strip().lower())
        if sex is None:
            raise InputError(f"sex is not understood: {values['sex']!r} (use male/female)")
        values["sex"] = sex
    if values.get("date_of_death") and not values.get("date_precision"):
        parsed = parse_date(str(values["date_of_death"]))
        if parsed is not None:
            values["date_of_death"], values["date_precision"] = parsed.iso(), parsed.precision
    list_id = _get_or_create_list(ws, list_name, actor)
    with ws.transaction() as s:
        if s.get(Source, source_id) is None:
            raise NotFoundError(f"no source #{source_id}")
        n = s.scalar(select(func.count()).select_from(VictimRecordRow).where(
            VictimRecordRow.source_id == source_id, VictimRecordRow.list_id == list_id)) or 0
        rec = VictimRecordRow(list_id=list_id, source_id=source_id, row_number=n + 1,
                              original={k: str(v) for k, v in fields.items()}, **values)
        s.add(rec)
        s.flush()
        return int(rec.id)


def records_frame(ws: Any) -> pd.DataFrame:
    """All victim records as a table (record_id is the database id, as text)."""
    with ws.db.session() as s:
        rows = s.execute(
            select(VictimRecordRow, VictimList.name)
            .join(VictimList, VictimList.id == VictimRecordRow.list_id)
            .order_by(VictimRecordRow.id)
        ).all()
        data = []
        for rec, list_name in rows:
            d = {f: getattr(rec, f) for f in RECORD_FIELDS}
            d.update(record_id=str(rec.id), list_name=list_name, victim_id=rec.victim_id,
                     row_number=rec.row_number, source_id=rec.source_id)
            data.append(d)
    cols = ["record_id", "list_name", "victim_id", "row_number", "source_id", *RECORD_FIELDS]
    return pd.DataFrame(data, columns=cols)


def constraints_of(ws: Any) -> Constraints:
    with ws.db.session() as s:
        rows = s.execute(select(LinkDecision.record_a, LinkDecision.record_b,
                                LinkDecision.decision)).all()
    return Constraints.from_pairs(
        must=[(str(a), str(b)) for a, b, d in rows if d == "must_link"],
        cannot=[(str(a), str(b)) for a, b, d in rows if d == "cannot_link"],
    )


@dataclass
class LinkReport:
    records: int
    victims: int
    pairs: int
    to_review: int
    kept_ids: int
    new_ids: int
    engine: str

    def to_dict(self) -> dict[str, Any]:
        return dict(self.__dict__)


def link_workspace(ws: Any, *, engine: Engine = "duckdb", threshold: float = DEFAULT_THRESHOLD,
                   review_band: tuple[float, float] = DEFAULT_REVIEW_BAND,
                   progress: Callable[[str], None] | None = None) -> LinkReport:
    actor = ws.require("evidence.write")
    records = records_frame(ws)
    if records.empty:
        raise InputError("no victim records yet: import a list with `dalil victims import`")
    if progress:
        progress("preparing names")
    features = prepare(records, getattr(ws.settings, "gazetteer_dir", None))
    previous = {r: v for r, v in zip(records["record_id"], records["victim_id"], strict=True)
                if isinstance(v, str) and v}
    constraints = constraints_of(ws)
    if progress:
        progress(f"linking {len(records)} records on {engine}")
    result = link_records(features, engine=engine, constraints=constraints,
                          previous_ids=previous, threshold=threshold,
                          keep_probability=min(review_band[0], threshold))
    if progress:
        progress("saving victims")
    now = utcnow()
    groups: dict[str, list[str]] = {}
    for rid, vid in result.victim_of.items():
        groups.setdefault(vid, []).append(rid)
    previous_ids = set(previous.values())
    kept = sum(1 for vid in groups if vid in previous_ids)
    with ws.transaction() as s:
        old_first = dict(s.execute(select(Victim.id, Victim.first_linked_at)).all())
        s.execute(delete(Victim))
        # bulk statements: a workspace may hold millions of records
        if groups:
            s.execute(insert(Victim), [
                {"id": vid, "n_records": len(members),
                 "first_linked_at": old_first.get(vid, now), "last_linked_at": now}
                for vid, members in groups.items()])
        changed = [{"id": int(rid), "victim_id": vid} for rid, vid in result.victim_of.items()
                   if previous.get(rid) != vid]
        if changed:
            s.execute(update(VictimRecordRow), changed)
        s.execute(delete(VictimPair))
        rows = [{"record_a": int(row["unique_id_l"]), "record_b": int(row["unique_id_r"]),
                 "match_probability": float(row["match_probability"]),
                 "match_weight": float(row["match_weight"]),
                 "explanation": _explain_row(row)}
                for row in result.pairs.to_dict("records")]
        if rows:
            s.execute(insert(VictimPair), rows)
        ws.log(s, "victims_linked", actor=actor,
               details={"engine": engine, "records": len(records), "victims": len(groups),
                        "threshold": threshold, "must_link": len(constraints.must_link),
                        "cannot_link": len(constraints.cannot_link)})
    to_review = len(result.review_candidates(review_band, constraints))
    return LinkReport(len(records), len(groups), len(result.pairs), to_review, kept,
                      len(groups) - kept, engine)


def _explain_row(row: dict[str, Any]) -> dict[str, float]:
    """Match weight per comparison (Splink's mw_ columns): why the pair scored as it did."""
    return {k[3:]: round(float(v), 2) for k, v in row.items()
            if k.startswith("mw_") and v is not None and not pd.isna(v)}


def review_queue(ws: Any, band: tuple[float, float] = DEFAULT_REVIEW_BAND,
                 limit: int = 100) -> list[dict[str, Any]]:
    """Undecided pairs in the uncertain band, most probable first, with both records."""
    lo, hi = band
    with ws.db.session() as s:
        decided = {(a, b) for a, b in s.execute(select(LinkDecision.record_a,
                                                       LinkDecision.record_b)).all()}
        pairs = s.execute(
            select(VictimPair).where(VictimPair.match_probability >= lo,
                                     VictimPair.match_probability < hi)
            .order_by(VictimPair.match_probability.desc())
        ).scalars().all()
        out = []
        for p in pairs:
            key = (min(p.record_a, p.record_b), max(p.record_a, p.record_b))
            if key in decided:
                continue
            out.append({"record_a": p.record_a, "record_b": p.record_b,
                        "match_probability": p.match_probability,
                        "match_weight": p.match_weight, "explanation": p.explanation,
                        "a": _record_dict(s, p.record_a), "b": _record_dict(s, p.record_b)})
            if len(out) >= limit:
                break
    return out


def _record_dict(s: Any, rid: int) -> dict[str, Any]:
    rec = s.get(VictimRecordRow, rid)
    if rec is None:
        raise NotFoundError(f"no victim record #{rid}")
    lst = s.get(VictimList, rec.list_id)
    d = {f: getattr(rec, f) for f in RECORD_FIELDS if getattr(rec, f) not in (None, "")}
    d.update(id=rec.id, list=lst.name if lst else None, row=rec.row_number,
             source_id=rec.source_id, victim_id=rec.victim_id)
    return d


def decide(ws: Any, record_a: int, record_b: int, decision: str) -> None:
    """Persist a reviewer's decision: accept (must_link) or reject (cannot_link)."""
    mapping = {"accept": "must_link", "reject": "cannot_link", "must_link": "must_link",
               "cannot_link": "cannot_link"}
    if decision not in mapping:
        raise InputError(f"decision must be accept or reject, not {decision!r}")
    if record_a == record_b:
        raise InputError("a record cannot be paired with itself")
    actor = ws.require("evidence.write")
    a, b = min(record_a, record_b), max(record_a, record_b)
    with ws.transaction() as s:
        for rid in (a, b):
            if s.get(VictimRecordRow, rid) is None:
                raise NotFoundError(f"no victim record #{rid}")
        prob = s.execute(select(VictimPair.match_probability).where(
            ((VictimPair.record_a == a) & (VictimPair.record_b == b))
            | ((VictimPair.record_a == b) & (VictimPair.record_b == a)))).scalar()
        existing = s.execute(select(LinkDecision).where(LinkDecision.record_a == a,
                                                        LinkDecision.record_b == b)
                             ).scalar_one_or_none()
        if existing is None:
            s.add(LinkDecision(record_a=a, record_b=b, decision=mapping[decision],
                               probability=prob, decided_by=actor, decided_at=utcnow()))
        else:
            existing.decision = mapping[decision]
            existing.decided_by, existing.decided_at = actor, utcnow()
        ws.log(s, "link_decided", actor=actor,
               details={"record_a": a, "record_b": b, "decision": mapping[decision]})


def _display_name(rec: VictimRecordRow) -> str:
    if rec.full_name:
        return rec.full_name
    return " ".join(p for p in (rec.given_name, rec.father_name, rec.grandfather_name,
                                rec.family_name) if p)


def list_victims(ws: Any, limit: int = 1000) -> list[dict[str, Any]]:
    with ws.db.session() as s:
        victims = s.execute(select(Victim).order_by(Victim.id).limit(limit)).scalars().all()
        out = []
        for v in victims:
            recs = s.execute(select(VictimRecordRow, VictimList.name)
                             .join(VictimList, VictimList.id == VictimRecordRow.list_id)
                             .where(VictimRecordRow.victim_id == v.id)
                             .order_by(VictimRecordRow.id)).all()
            first = recs[0][0] if recs else None
            out.append({"victim_id": v.id, "records": v.n_records,
                        "name": _display_name(first) if first else "",
                        "date_of_death": first.date_of_death if first else None,
                        "lists": sorted({name for _r, name in recs})})
    return out


def show_victim(ws: Any, victim_id: str) -> dict[str, Any]:
    with ws.db.session() as s:
        v = s.get(Victim, victim_id)
        if v is None:
            raise NotFoundError(f"no victim {victim_id}")
        rec_ids = list(s.execute(select(VictimRecordRow.id)
                                 .where(VictimRecordRow.victim_id == victim_id)
                                 .order_by(VictimRecordRow.id)).scalars())
        records = [_record_dict(s, rid) for rid in rec_ids]
        links = s.execute(select(VictimPair).where(VictimPair.record_a.in_(rec_ids),
                                                   VictimPair.record_b.in_(rec_ids))).scalars()
        explanations = [{"record_a": p.record_a, "record_b": p.record_b,
                         "match_probability": p.match_probability,
                         "match_weight": p.match_weight, "explanation": p.explanation}
                        for p in links]
        decisions = [{"record_a": d.record_a, "record_b": d.record_b, "decision": d.decision,
                      "by": d.decided_by}
                     for d in s.execute(select(LinkDecision).where(
                         LinkDecision.record_a.in_(rec_ids) | LinkDecision.record_b.in_(rec_ids)
                     )).scalars()]
    return {"victim_id": victim_id, "records": records, "links": explanations,
            "decisions": decisions}


def stats(ws: Any) -> dict[str, Any]:
    with ws.db.session() as s:
        n_records = s.scalar(select(func.count()).select_from(VictimRecordRow)) or 0
        n_victims = s.scalar(select(func.count()).select_from(Victim)) or 0
        per_list = dict(s.execute(select(VictimList.name, func.count(VictimRecordRow.id))
                                  .join(VictimRecordRow, VictimRecordRow.list_id == VictimList.id,
                                        isouter=True)
                                  .group_by(VictimList.name)).all())
        decisions = dict(s.execute(select(LinkDecision.decision, func.count())
                                   .group_by(LinkDecision.decision)).all())
        unlinked = s.scalar(select(func.count()).select_from(VictimRecordRow)
                            .where(VictimRecordRow.victim_id.is_(None))) or 0
        sources = s.scalar(select(func.count(func.distinct(VictimRecordRow.source_id)))) or 0
    return {"records": n_records, "victims": n_victims, "records_per_list": per_list,
            "unlinked_records": unlinked, "decisions": decisions, "list_sources": sources}
