"""`dalil incidents build`: origins, events, grouping, summaries, in one recomputation.

1 read the sources -> 2 derive origins (edges and groups) -> 3 load the events (``inputs``) ->
4 turn reviewers' decisions into must-link / cannot-link pairs -> 5 group -> 6 give each group
the id of the stored incident it shares most events with, so statuses and ids survive the
rebuild -> 7 summarise -> 8 write everything in one transaction with one custody entry.
Run it again whenever sources arrive: corroboration and contradictions are recomputed.
"""

from __future__ import annotations

import itertools
import json
from collections import Counter, defaultdict
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import Any

from sqlalchemy import delete, func, select
from sqlalchemy.orm import Session

from dalil.db.models import Source, WorkspaceMeta
from dalil.incidents.grouping import Grouping, Link, LinkSettings, group_events
from dalil.incidents.inputs import load_events, load_sources
from dalil.incidents.model import EventRecord
from dalil.incidents.origins import OriginGraph, cited_publisher, derive
from dalil.incidents.summary import summarise
from dalil.incidents.tables import (
    Incident,
    IncidentDecision,
    IncidentEvent,
    OriginEdge,
    SourceOrigin,
)
from dalil.util import utcnow

BUILD_META = "incidents_build"


@dataclass
class BuildReport:
    sources: int
    events: int
    ungrouped_events: int
    incidents: int
    origin_groups: int
    edges: int
    pairs_compared: int
    decisions_applied: int
    new_incidents: int
    retired_incidents: int

    def to_dict(self) -> dict[str, int]:
        return dict(self.__dict__)


def constraints(decisions: Sequence[IncidentDecision]) -> tuple[list[tuple[str, str]],
                                                               list[tuple[str, str]]]:
    """Must-link and cannot-link event pairs, later decisions overriding earlier ones."""
    pairs: dict[tuple[str, str], str] = {}

    def put(a: str, b: str, what: str) -> None:
        if a != b:
            pairs[(min(a, b), max(a, b))] = what

    for d in sorted(decisions, key=lambda d: d.id):
        data = d.data
        if d.kind == "split":
            chosen, rest = data["events"], data["rest"]
            for a in chosen:
                for b in rest:
                    put(a, b, "cannot")
            for a, b in itertools.pairwise(chosen):
                put(a, b, "must")
        elif d.kind == "merge":
            keys = data["events"]
            for a, b in itertools.pairwise(keys):
                put(a, b, "must")
        elif d.kind == "move":
            ev = data["event"]
            for b in data["from_events"]:
                put(ev, b, "cannot")
            for b in data["to_events"][:1]:
                put(ev, b, "must")
            for b in data["to_events"][1:]:
                pairs.pop((min(ev, b), max(ev, b)), None)
    must = [k for k, v in pairs.items() if v == "must"]
    cannot = [k for k, v in pairs.items() if v == "cannot"]
    return must, cannot


def _match_ids(clusters: list[list[str]], old: dict[str, int]) -> list[int | None]:
    """For each new cluster (event keys), the stored incident sharing most of its events."""
    overlaps: list[tuple[int, int, int]] = []
    for ci, keys in enumerate(clusters):
        for inc, n in Counter(old[k] for k in keys if k in old).items():
            overlaps.append((n, ci, inc))
    overlaps.sort(key=lambda t: (-t[0], t[1], t[2]))
    out: list[int | None] = [None] * len(clusters)
    used: set[int] = set()
    for _, ci, inc in overlaps:
        if out[ci] is None and inc not in used:
            out[ci] = inc
            used.add(inc)
    return out


def origin_functions(graph: OriginGraph) -> tuple[Callable[[EventRecord], str],
                                                  Callable[[str], str]]:
    def origin_of(e: EventRecord) -> str:
        if e.cited:
            return graph.node_group(e.cited)
        return graph.group_of.get(e.source_id, f"g{e.source_id}")

    def label_of(group: str) -> str:
        return graph.labels.get(group, group)

    return origin_of, label_of


def build(ws: Any, *, progress: Callable[[int, int], None] | None = None) -> BuildReport:
    """Recompute everything from the sources; ``progress(done, total)`` follows extraction."""
    from dalil.extract.store import extract_sources

    actor = ws.require("evidence.write")
    st = ws.settings
    cfg = LinkSettings.from_settings(st)
    extract_sources(ws, progress=progress)
    with ws.db.session() as s:
        sources = load_sources(s)
        graph = derive(sources, near_duplicate_threshold=st.near_duplicate_threshold,
                       phash_max_distance=st.phash_max_distance)
        events = load_events(s, sources, lambda who: cited_publisher(who, graph.publishers))
        decisions = list(s.execute(select(IncidentDecision)).scalars())
        old = {key: inc for key, inc in s.execute(
            select(IncidentEvent.event_key, IncidentEvent.incident_id)
            .join(Incident, Incident.id == IncidentEvent.incident_id).where(Incident.active))}
    must, cannot = constraints(decisions)
    grouping = group_events(events, cfg, must_link=must, cannot_link=cannot)
    return _write(ws, actor, sources, graph, events, grouping, old, len(decisions))


def _write(ws: Any, actor: str, sources: Sequence[Any], graph: OriginGraph,
           events: Sequence[EventRecord], grouping: Grouping, old: dict[str, int],
           n_decisions: int) -> BuildReport:
    origin_of, label_of = origin_functions(graph)
    clusters = grouping.clusters
    ids = _match_ids([[events[i].key for i in c] for c in clusters], old)
    link_of: dict[int, Link] = {}
    for link in grouping.links:
        link_of.setdefault(max(link.a, link.b), link)
        link_of.setdefault(min(link.a, link.b), link)
    now = utcnow()
    new_count = 0
    with ws.transaction() as s:
        s.execute(delete(OriginEdge))
        s.execute(delete(SourceOrigin))
        s.execute(delete(IncidentEvent))
        for edge in graph.edges:
            s.add(OriginEdge(source_id=edge.source_id, node=edge.node, rule=edge.rule,
                             reason=edge.reason))
        for sid, g in graph.group_of.items():
            s.add(SourceOrigin(source_id=sid, group_key=g, label=label_of(g)))
        kept: set[int] = set()
        for cluster, inc_id in zip(clusters, ids, strict=True):
            evs = [events[i] for i in cluster]
            summ = summarise(evs, origin_of, label_of,
                             contradiction_ratio=ws.settings.figure_contradiction_ratio)
            inc = s.get(Incident, inc_id) if inc_id is not None else None
            if inc is None:
                inc = Incident(updated_at=now, active=True)
                s.add(inc)
                new_count += 1
            _fill(inc, summ, now)
            s.flush()
            kept.add(inc.id)
            for i in cluster:
                ev = events[i]
                joined = link_of.get(i)
                s.add(IncidentEvent(incident_id=inc.id, event_key=ev.key, claim_key=ev.claim_key,
                                    source_id=ev.source_id, origin_group=origin_of(ev),
                                    data=ev.to_dict(),
                                    link=joined.to_dict(events) if joined else None))
        retired = 0
        for inc in s.execute(select(Incident).where(Incident.active)).scalars():
            if inc.id not in kept:
                inc.active = False
                inc.updated_at = now
                retired += 1
        max_source = s.execute(select(func.max(Source.id))).scalar() or 0
        meta = s.get(WorkspaceMeta, BUILD_META)
        info = json.dumps({"max_source_id": max_source, "at": now.isoformat()})
        if meta is None:
            s.add(WorkspaceMeta(key=BUILD_META, value=info))
        else:
            meta.value = info
        report = BuildReport(
            sources=len(sources), events=len(events), ungrouped_events=len(grouping.ungrouped),
            incidents=len(clusters), origin_groups=len(set(graph.group_of.values())),
            edges=len(graph.edges), pairs_compared=grouping.pairs_compared,
            decisions_applied=n_decisions, new_incidents=new_count, retired_incidents=retired)
        ws.log(s, "incidents_built", actor=actor, details=report.to_dict())
    return report


def _fill(inc: Incident, summ: dict[str, Any], now: Any) -> None:
    d = summ["dates"]
    inc.title = summ["title"]
    inc.date_start = d["start"] if d else None
    inc.date_end = d["end"] if d else None
    inc.precision = d["precision"] if d else None
    inc.place_names = place_index([n for p in summ["places"]
                                   for n in (p["name"], p["admin1"], p["admin2"]) if n])
    inc.violations = "|".join(v["type"] for v in summ["violations"])
    inc.independent_origins = summ["independent_origins"]
    inc.n_sources = len(summ["sources"])
    inc.n_events = summ["events"]
    inc.n_contradictions = len(summ["contradictions"])
    inc.summary = summ
    inc.active = True
    inc.updated_at = now


def place_index(names: Sequence[str]) -> str:
    """Place names as searchable tokens: folded (Baniyas -> baniyas) and as transliteration
    skeletons (Jableh and Jablah -> ~jbl), between bars so a filter matches whole names."""
    from dalil.gazetteer.names import name_key, skeleton_key

    keys = {name_key(n) for n in names} | {f"~{skeleton_key(n)}" for n in names}
    return "|" + "|".join(sorted(k for k in keys if k and k != "~")) + "|"


def stale_sources(s: Session) -> int:
    """How many sources arrived since the last build (0 when none, or never built: -1)."""
    meta = s.get(WorkspaceMeta, BUILD_META)
    if meta is None:
        return -1
    last = int(json.loads(meta.value)["max_source_id"])
    return int(s.execute(select(func.count(Source.id)).where(Source.id > last)).scalar() or 0)


def group_sources(s: Session) -> dict[str, list[int]]:
    out: dict[str, list[int]] = defaultdict(list)
    for sid, g in s.execute(select(SourceOrigin.source_id, SourceOrigin.group_key)):
        out[g].append(sid)
    return dict(out)
