"""The review workflow: listing and showing incidents, statuses, credibility grades, and the
split / merge / move decisions that every later build applies again.

Every change names the user, carries a reason (and optional links to evidence) and is written to
the custody log in the same transaction.
"""

from __future__ import annotations

import json
from collections import defaultdict
from datetime import date
from typing import Any

from sqlalchemy import or_, select

from dalil.db.models import Source
from dalil.errors import InputError, NotFoundError
from dalil.incidents.build import stale_sources
from dalil.incidents.tables import (
    ClaimReview,
    Incident,
    IncidentDecision,
    IncidentEvent,
    OriginEdge,
    SourceOrigin,
)
from dalil.util import utcnow
from dalil.vault.custody import entry_to_dict

# Statuses a reviewer sets. "corroborated" is never set by hand: it is computed from two or more
# independent origins, for items no reviewer has decided on.
STATUSES = ("unverified", "under_review", "verified", "disputed", "false")
ALL_STATUSES = (*STATUSES, "corroborated")
CREDIBILITY = {
    1: "Confirmed by other sources",
    2: "Probably true",
    3: "Possibly true",
    4: "Doubtful",
    5: "Improbable",
    6: "Truth cannot be judged",
}


def effective_status(manual: str | None, origins: int) -> str:
    if manual and manual != "unverified":
        return manual
    return "corroborated" if origins >= 2 else "unverified"


def _status_arg(status: str) -> str:
    st = status.strip().lower().replace("-", "_").replace(" ", "_")
    if st == "corroborated":
        raise InputError("corroborated is computed (two or more independent origins), not set; "
                         f"choose one of {', '.join(STATUSES)}")
    if st not in STATUSES:
        raise InputError(f"unknown status {status!r}; choose one of {', '.join(STATUSES)}")
    return st


def _reason(reason: str) -> str:
    if not reason or not reason.strip():
        raise InputError("a review decision needs a reason (--reason)")
    return reason.strip()


def _incident(s: Any, incident_id: int) -> Incident:
    inc: Incident | None = s.get(Incident, incident_id)
    if inc is None or not inc.active:
        raise NotFoundError(f"no incident #{incident_id} (run `dalil incidents build`, then "
                            "`dalil incidents list`)")
    return inc


def _row(inc: Incident) -> dict[str, Any]:
    summ = inc.summary
    return {
        "id": inc.id, "title": inc.title, "date_start": inc.date_start, "date_end": inc.date_end,
        "precision": inc.precision,
        "places": [p["name"] for p in summ.get("places", [])],
        "violations": [v["type"] for v in summ.get("violations", [])],
        "independent_origins": inc.independent_origins, "sources": inc.n_sources,
        "events": inc.n_events, "contradictions": inc.n_contradictions,
        "status": effective_status(inc.status, inc.independent_origins),
    }


# -- reading -------------------------------------------------------------------------------------


def list_incidents(ws: Any, *, place: str | None = None, date_from: str | None = None,
                   date_to: str | None = None, violation: str | None = None,
                   status: str | None = None) -> dict[str, Any]:
    ws.require("evidence.read")
    for label, value in (("--from", date_from), ("--to", date_to)):
        if value:
            try:
                date.fromisoformat(value)
            except ValueError as exc:
                raise InputError(f"{label} {value!r} is not a date (YYYY-MM-DD)") from exc
    if status and status not in ALL_STATUSES:
        raise InputError(f"unknown status {status!r}; one of {', '.join(ALL_STATUSES)}")
    with ws.db.session() as s:
        q = select(Incident).where(Incident.active)
        if date_from:
            q = q.where(Incident.date_end >= date_from)
        if date_to:
            q = q.where(Incident.date_start <= date_to)
        if violation:
            q = q.where(Incident.violations.contains(violation.strip().lower()))
        if place:
            from dalil.gazetteer.names import name_key, skeleton_key

            q = q.where(or_(Incident.place_names.contains(f"|{name_key(place)}|"),
                            Incident.place_names.contains(f"|~{skeleton_key(place)}|")))
        rows = [_row(i) for i in s.execute(q.order_by(Incident.date_start, Incident.id)).scalars()]
        stale = stale_sources(s)
    if status:
        rows = [r for r in rows if r["status"] == status]
    return {"incidents": rows, "sources_since_build": stale}


def show_incident(ws: Any, incident_id: int) -> dict[str, Any]:
    """Everything about one incident: claims by origin, derivation graph, figures, history."""
    ws.require("evidence.read")
    with ws.db.session() as s:
        inc = _incident(s, incident_id)
        evs = list(s.execute(select(IncidentEvent).where(IncidentEvent.incident_id == inc.id)
                             .order_by(IncidentEvent.source_id, IncidentEvent.id)).scalars())
        source_ids = sorted({e.source_id for e in evs})
        srcs = {x.id: x for x in s.execute(select(Source).where(Source.id.in_(source_ids))).scalars()}
        groups = {g for g, in s.execute(select(SourceOrigin.group_key)
                                        .where(SourceOrigin.source_id.in_(source_ids)))}
        members: dict[str, list[int]] = defaultdict(list)
        for sid, g in s.execute(select(SourceOrigin.source_id, SourceOrigin.group_key)
                                       .where(SourceOrigin.group_key.in_(groups))):
            members[g].append(sid)
        edges = [{"source_id": e.source_id, "node": e.node, "rule": e.rule, "reason": e.reason}
                 for e in s.execute(select(OriginEdge).where(OriginEdge.source_id.in_(
                     [i for ids in members.values() for i in ids])).order_by(OriginEdge.id))
                 .scalars()]
        reviews = {r.claim_key: r for r in s.execute(select(ClaimReview).where(
            ClaimReview.claim_key.in_([e.claim_key for e in evs]))).scalars()}
        by_origin: dict[str, list[dict[str, Any]]] = defaultdict(list)
        origin_counts: dict[str, set[str]] = defaultdict(set)
        for e in evs:
            for v in e.data["violations"]:
                origin_counts[v].add(e.origin_group)
        for e in evs:
            src = srcs[e.source_id]
            rv = reviews.get(e.claim_key)
            claim_origins = len(set().union(*(origin_counts[v] for v in e.data["violations"]))) \
                if e.data["violations"] else 1
            by_origin[e.origin_group].append({
                "claim": e.claim_key, "event": e.event_key, "source_id": e.source_id,
                "source": src.publisher if src.publisher not in (None, "X", "Telegram")
                else src.author or src.original_name,
                "reliability": src.reliability, "text": e.data["claim_text"],
                "span": e.data["span"], "part": e.data["part"],
                "attributed_to": e.data["attributed_to"], "hedged": e.data["hedged"],
                "cited": e.data.get("cited"), "notes": e.data.get("notes", []),
                "violations": e.data["violations"], "dates": e.data["dates"],
                "place": (e.data["place"] or {}).get("name"),
                "perpetrators": e.data["perpetrators"], "link": e.link,
                "independent_origins": claim_origins,
                "status": effective_status(rv.status if rv else None, claim_origins),
                "credibility": rv.credibility if rv else None,
                "review": {"by": rv.actor, "reason": rv.reason, "evidence": rv.evidence}
                if rv else None,
            })
        history = []
        from dalil.db.models import CustodyEntry

        claim_keys = {e.claim_key for e in evs}
        for entry in s.execute(select(CustodyEntry).where(CustodyEntry.action.in_(
                ("incident_changed", "incident_verified", "claim_verified", "claim_graded")))
                .order_by(CustodyEntry.seq)).scalars():
            details = json.loads(entry.details)
            if incident_id in details.get("incidents", []) or details.get("claim") in claim_keys:
                history.append(entry_to_dict(entry))
        out = _row(inc)
        labels = {o["group"]: o["label"] for o in inc.summary.get("origins", [])}
        out.update({
            "summary": inc.summary,
            "status_detail": {"set_by": inc.status_by, "reason": inc.status_reason,
                              "evidence": inc.status_evidence, "manual": inc.status},
            "claims_by_origin": [{"group": g, "label": labels.get(g, g), "claims": c}
                                 for g, c in sorted(by_origin.items())],
            "derivation": {"groups": {g: sorted(ids) for g, ids in members.items()},
                           "edges": edges},
            "history": history,
        })
    return out


def review_queue(ws: Any, *, limit: int = 50) -> dict[str, Any]:
    """Incidents and claims no reviewer has decided on, most corroborated and most disputed first."""
    ws.require("evidence.read")
    with ws.db.session() as s:
        incs = [i for i in s.execute(select(Incident).where(Incident.active)).scalars()
                if i.status in (None, "unverified", "under_review")]
        incs.sort(key=lambda i: (-(i.independent_origins + 2 * i.n_contradictions), i.id))
        reviewed = {k for k, in s.execute(select(ClaimReview.claim_key)
                                          .where(ClaimReview.status.is_not(None)))}
        claims = []
        priority = {i.id: i.independent_origins + 2 * i.n_contradictions for i in incs}
        disputed = {i.id: i.n_contradictions for i in incs}
        rows = [e for e in s.execute(select(IncidentEvent).order_by(IncidentEvent.id)).scalars()
                if e.incident_id in priority]
        # A claim's corroboration: origins in its incident reporting the same violation type.
        origins: dict[tuple[int, str], set[str]] = defaultdict(set)
        for e in rows:
            for v in e.data["violations"]:
                origins[(e.incident_id, v)].add(e.origin_group)
        for e in rows:
            if e.claim_key in reviewed:
                continue
            n = len(set().union(*(origins[(e.incident_id, v)] for v in e.data["violations"]))) \
                if e.data["violations"] else 1
            claims.append({"claim": e.claim_key, "incident": e.incident_id,
                           "source_id": e.source_id, "text": e.data["claim_text"][:200],
                           "independent_origins": n,
                           "priority": n + 2 * disputed[e.incident_id]})
        claims.sort(key=lambda c: (-c["priority"], c["incident"], c["source_id"], c["claim"]))
        seen: set[str] = set()
        unique = []
        for c in claims:
            if c["claim"] not in seen:
                seen.add(c["claim"])
                unique.append(c)
    return {"incidents": [dict(_row(i), priority=priority[i.id]) for i in incs[:limit]],
            "claims": unique[:limit]}


# -- statuses and grades -------------------------------------------------------------------------


def set_incident_status(ws: Any, incident_id: int, status: str, *, reason: str,
                        evidence: list[str] | None = None) -> dict[str, Any]:
    actor = ws.require("evidence.grade")
    st, why = _status_arg(status), _reason(reason)
    with ws.transaction() as s:
        inc = _incident(s, incident_id)
        before = effective_status(inc.status, inc.independent_origins)
        inc.status, inc.status_by, inc.status_reason = st, actor, why
        inc.status_evidence = list(evidence or [])
        inc.updated_at = utcnow()
        after = effective_status(st, inc.independent_origins)
        ws.log(s, "incident_verified", actor=actor, details={
            "incidents": [inc.id], "before": before, "after": after, "reason": why,
            "evidence": list(evidence or [])})
    return {"incident": incident_id, "before": before, "after": after}


def verify_claim(ws: Any, claim: str, status: str | None, *, reason: str,
                 credibility: int | None = None, evidence: list[str] | None = None
                 ) -> dict[str, Any]:
    """Set a claim's verification status and/or its credibility grade (1-6)."""
    actor = ws.require("evidence.grade")
    why = _reason(reason)
    st = _status_arg(status) if status else None
    if st is None and credibility is None:
        raise InputError("give a status, a --credibility grade, or both")
    if credibility is not None and credibility not in CREDIBILITY:
        raise InputError(f"credibility grade {credibility} is not 1-6 ("
                         + "; ".join(f"{k} {v}" for k, v in CREDIBILITY.items()) + ")")
    with ws.transaction() as s:
        ev = s.execute(select(IncidentEvent).where(IncidentEvent.claim_key == claim)).scalars().first()
        if ev is None:
            raise NotFoundError(f"no claim {claim!r} in any incident (claims are shown by "
                                "`dalil incidents show ID` as SOURCE:PART:START-END)")
        src = s.get(Source, ev.source_id)
        assert src is not None
        rv = s.get(ClaimReview, claim)
        before = {"status": rv.status if rv else None, "credibility": rv.credibility if rv else None}
        if rv is None:
            rv = ClaimReview(claim_key=claim, source_id=ev.source_id, actor=actor, reason=why,
                             updated_at=utcnow())
            s.add(rv)
        if st is not None:
            rv.status = st
        if credibility is not None:
            rv.credibility = credibility
        rv.actor, rv.reason, rv.evidence, rv.updated_at = actor, why, list(evidence or []), utcnow()
        details = {"claim": claim, "source_id": ev.source_id, "incidents": [ev.incident_id],
                   "before": before, "reason": why, "evidence": list(evidence or [])}
        if st is not None:
            ws.log(s, "claim_verified", actor=actor, sha256=src.sha256,
                   details=dict(details, after=st))
        if credibility is not None:
            ws.log(s, "claim_graded", actor=actor, sha256=src.sha256,
                   details=dict(details, after=credibility,
                                meaning=CREDIBILITY[credibility]))
    return {"claim": claim, "status": st, "credibility": credibility}


# -- split, merge, move --------------------------------------------------------------------------


def _keys(s: Any, incident_id: int) -> list[str]:
    return [k for k, in s.execute(select(IncidentEvent.event_key)
                                  .where(IncidentEvent.incident_id == incident_id)
                                  .order_by(IncidentEvent.id))]


def _resolve_events(s: Any, incident_id: int, refs: list[str]) -> list[str]:
    """Event keys from event keys or claim keys (SOURCE:PART:START-END) of one incident."""
    rows = list(s.execute(select(IncidentEvent.event_key, IncidentEvent.claim_key)
                          .where(IncidentEvent.incident_id == incident_id)))
    out: list[str] = []
    for ref in refs:
        found = [k for k, c in rows if ref in (k, c)]
        if not found:
            raise NotFoundError(f"{ref!r} is not an event or claim of incident #{incident_id}")
        out += [k for k in found if k not in out]
    return out


def _decide(ws: Any, s: Any, actor: str, kind: str, data: dict[str, Any], reason: str,
            incidents: list[int]) -> None:
    s.add(IncidentDecision(kind=kind, data=data, actor=actor, reason=reason, at=utcnow()))
    ws.log(s, "incident_changed", actor=actor, details={
        "decision": kind, "incidents": incidents, "reason": reason,
        "events": data.get("events") or [data.get("event")]})


def split_incident(ws: Any, incident_id: int, refs: list[str], *, reason: str) -> dict[str, Any]:
    """Take the named events out of an incident into a new one (applied at the next build)."""
    actor = ws.require("evidence.grade")
    why = _reason(reason)
    with ws.transaction() as s:
        _incident(s, incident_id)
        chosen = _resolve_events(s, incident_id, refs)
        rest = [k for k in _keys(s, incident_id) if k not in chosen]
        if not rest:
            raise InputError("a split must leave at least one event in the incident")
        _decide(ws, s, actor, "split", {"incident": incident_id, "events": chosen, "rest": rest},
                why, [incident_id])
    from dalil.incidents.build import build

    return build(ws).to_dict()


def merge_incidents(ws: Any, incident_ids: list[int], *, reason: str) -> dict[str, Any]:
    actor = ws.require("evidence.grade")
    why = _reason(reason)
    if len(set(incident_ids)) < 2:
        raise InputError("merge needs two or more different incidents")
    with ws.transaction() as s:
        keys: list[str] = []
        for i in incident_ids:
            _incident(s, i)
            keys += _keys(s, i)
        _decide(ws, s, actor, "merge", {"incidents": incident_ids, "events": keys}, why,
                incident_ids)
    from dalil.incidents.build import build

    return build(ws).to_dict()


def move_event(ws: Any, ref: str, from_id: int, to_id: int, *, reason: str) -> dict[str, Any]:
    actor = ws.require("evidence.grade")
    why = _reason(reason)
    if from_id == to_id:
        raise InputError("the event is already in that incident")
    with ws.transaction() as s:
        _incident(s, from_id)
        _incident(s, to_id)
        keys = _resolve_events(s, from_id, [ref])
        rest = [k for k in _keys(s, from_id) if k not in keys]
        target = _keys(s, to_id)
        for key in keys:
            _decide(ws, s, actor, "move", {"event": key, "from": from_id, "to": to_id,
                                           "from_events": rest, "to_events": target},
                    why, [from_id, to_id])
    from dalil.incidents.build import build

    return build(ws).to_dict()


# -- origins -------------------------------------------------------------------------------------


def source_origin(ws: Any, ref: str, other: str | None = None) -> dict[str, Any]:
    """A source's origin group with every derivation edge inside it; with ``other``, the chain
    of edges that makes the two sources one origin (or that they are independent)."""
    from dalil.vault.sources import resolve_source

    ws.require("evidence.read")
    with ws.db.session() as s:
        src = resolve_source(s, ref)
        row = s.get(SourceOrigin, src.id)
        if row is None:
            raise NotFoundError(f"source #{src.id} has no origin yet: run `dalil incidents build`")
        members = sorted(sid for sid, in s.execute(select(SourceOrigin.source_id).where(
            SourceOrigin.group_key == row.group_key)))
        edges = [{"source_id": e.source_id, "node": e.node, "rule": e.rule, "reason": e.reason}
                 for e in s.execute(select(OriginEdge).where(OriginEdge.source_id.in_(members))
                                    .order_by(OriginEdge.source_id, OriginEdge.id)).scalars()]
        out: dict[str, Any] = {"source_id": src.id, "group": row.group_key, "origin": row.label,
                               "members": members, "edges": edges}
        if other is not None:
            dst = resolve_source(s, other)
            out["other"] = dst.id
            out["same_origin"] = dst.id in members
            out["path"] = _path(edges, src.id, dst.id) if dst.id in members else []
    return out


def _path(edges: list[dict[str, Any]], a: int, b: int) -> list[dict[str, Any]]:
    """The shortest chain of edges (either direction) from source ``a`` to source ``b``."""
    from collections import deque

    from dalil.incidents.origins import IDENTITY_RULES

    # The same links the grouping used: a derived source through what it derives from, an
    # original source through its publisher, an account through the outlet it is named after.
    graph: dict[str, list[tuple[str, dict[str, Any]]]] = defaultdict(list)
    derived = {e["source_id"] for e in edges if e["rule"] not in IDENTITY_RULES}
    identity = {e["source_id"]: e["node"] for e in edges if e["rule"] == "same_publisher"}
    for e in edges:
        a_node = f"s:{e['source_id']}"
        if e["rule"] == "account_name":
            a_node = identity.get(e["source_id"], a_node)
        elif (e["rule"] in IDENTITY_RULES) == (e["source_id"] in derived):
            continue
        graph[a_node].append((e["node"], e))
        graph[e["node"]].append((a_node, e))
    start, goal = f"s:{a}", f"s:{b}"
    prev: dict[str, tuple[str, dict[str, Any]] | None] = {start: None}
    queue = deque([start])
    while queue:
        node = queue.popleft()
        if node == goal:
            break
        for nxt, e in graph[node]:
            if nxt not in prev:
                prev[nxt] = (node, e)
                queue.append(nxt)
    if goal not in prev:
        return []
    chain: list[dict[str, Any]] = []
    node = goal
    while (step := prev[node]) is not None:
        node, e = step
        chain.append(e)
    return list(reversed(chain))
