"""Grouping events into incidents: blocking, explainable link scores, review constraints.

1 split events into *precise* ones (a locality and a date of at most a few days) and *coarse* ones
(a district or governorate, a month, or only the publication date) -> 2 block precise events on
(grid cell, week) and score only pairs that share or neighbour a block -> 3 apply the reviewers'
must-link pairs, then join precise events pair by pair, best score first, never across a
cannot-link -> 4 attach each coarse event to the single best incident (a coarse event never
bridges two incidents: "somewhere in Tartus in March" must not chain Baniyas to Tartus city) ->
5 coarse events that matched nothing are grouped among themselves the same way.
"""

from __future__ import annotations

import math
from collections import defaultdict
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from datetime import timedelta
from typing import Any

from dalil.incidents.model import (
    GENERIC_ACTORS,
    VIOLATION_FAMILIES,
    EventRecord,
    _skel,
    distance_km,
)

WEIGHTS = {"place": 0.35, "time": 0.35, "violations": 0.2, "perpetrators": 0.05,
           "victim_groups": 0.05}
PRECISE_DAYS = 3


@dataclass(frozen=True)
class LinkSettings:
    threshold: float = 0.6
    max_distance_km: float = 15.0
    adjacent_days: int = 1

    @classmethod
    def from_settings(cls, settings: Any) -> LinkSettings:
        return cls(threshold=settings.incident_link_threshold,
                   max_distance_km=settings.incident_max_distance_km,
                   adjacent_days=settings.incident_adjacent_days)


@dataclass
class Link:
    """Why two events were judged the same incident: each feature's value and the total."""

    a: int
    b: int
    score: float
    features: dict[str, float]
    reasons: list[str]
    rule: str = "score"  # score | review (must-link) | attach (coarse event)

    def to_dict(self, events: Sequence[EventRecord]) -> dict[str, Any]:
        return {"a": events[self.a].key, "b": events[self.b].key, "score": round(self.score, 3),
                "features": {k: round(v, 3) for k, v in self.features.items()},
                "reasons": self.reasons, "rule": self.rule}


def is_precise(e: EventRecord) -> bool:
    return (e.place is not None and e.place.kind == "locality" and e.dates is not None
            and e.dates.precision in ("day", "interval") and e.dates.span_days <= PRECISE_DAYS)


def _set_feature(a: frozenset[str], b: frozenset[str], generic: frozenset[str]) -> float:
    a2, b2 = a - generic, b - generic
    if not a2 or not b2:
        return 0.6  # one side does not say: compatible, weak evidence
    return 1.0 if a2 & b2 else 0.3


def score_pair(a: EventRecord, b: EventRecord, cfg: LinkSettings) -> tuple[float, dict[str, float],
                                                                           list[str]] | None:
    """The link score of two events, or None when place or time rule the pair out."""
    if a.place is None or b.place is None or a.dates is None or b.dates is None:
        return None
    gap = a.dates.gap_days(b.dates)
    if gap > cfg.adjacent_days:
        return None
    pa, pb = a.place, b.place
    reasons: list[str] = []
    if pa.place_id == pb.place_id:
        place = 1.0
        reasons.append(f"same place ({pa.name})")
    elif pa.contains(pb) or pb.contains(pa):
        outer, inner = (pa, pb) if pa.contains(pb) else (pb, pa)
        place = 0.7 if outer.kind != "admin1" else 0.4
        reasons.append(f"{inner.name} lies in {outer.name}")
    else:
        if pa.kind != "locality" or pb.kind != "locality":
            return None
        d = distance_km(pa, pb)
        if d > cfg.max_distance_km:
            return None
        place = 1.0 - 0.5 * d / cfg.max_distance_km
        reasons.append(f"{pa.name} and {pb.name} are {d:.1f} km apart")
    coarse = a.dates.precision not in ("day", "interval") or b.dates.precision not in ("day",
                                                                                      "interval")
    if gap == 0:
        time = 0.7 if coarse else 1.0
        reasons.append("dates overlap" + (" (one date is imprecise)" if coarse else ""))
    else:
        time = 0.6
        reasons.append(f"dates {gap} day(s) apart")
    va, vb = a.violations, b.violations
    if not va or not vb:
        viol = 0.5
    elif va & vb:
        viol = 1.0
        reasons.append("same violation: " + ", ".join(sorted(va & vb)))
    elif any(va & fam and vb & fam for fam in VIOLATION_FAMILIES):
        viol = 0.7
        reasons.append(f"related violations: {', '.join(sorted(va))} / {', '.join(sorted(vb))}")
    else:
        viol = 0.0
        reasons.append(f"different violations: {', '.join(sorted(va))} / {', '.join(sorted(vb))}")
    perp = _set_feature(a.perpetrators, b.perpetrators, GENERIC_ACTORS)
    if perp < 0.5:
        reasons.append("different perpetrators named: " + ", ".join(sorted(a.perpetrators))
                       + " / " + ", ".join(sorted(b.perpetrators)))
    vict = _set_feature(a.victim_groups, b.victim_groups, frozenset())
    features = {"place": place, "time": time, "violations": viol, "perpetrators": perp,
                "victim_groups": vict}
    score = sum(WEIGHTS[k] * v for k, v in features.items())
    return score, features, reasons


# -- blocking ------------------------------------------------------------------------------------


def _cell_size_deg(cfg: LinkSettings) -> float:
    # A cell at least max_distance wide in longitude up to 60° latitude (cos 60° = 0.5), so any
    # linkable pair lies in the same or a neighbouring cell.
    return cfg.max_distance_km / (111.32 * 0.5)


def _weeks(e: EventRecord, pad: int) -> range:
    assert e.dates is not None
    lo = (e.dates.start - timedelta(days=pad)).toordinal() // 7
    hi = (e.dates.end + timedelta(days=pad)).toordinal() // 7
    return range(lo, hi + 1)


def candidate_pairs(events: Sequence[EventRecord], idx: Iterable[int], cfg: LinkSettings
                    ) -> Iterator[tuple[int, int]]:
    """Pairs of precise events that share or neighbour a (grid cell, week) block, generated one
    at a time (materialising millions of pairs would cost more memory than the events)."""
    size = _cell_size_deg(cfg)
    blocks: dict[tuple[int, int, int], list[int]] = defaultdict(list)
    cells: dict[int, tuple[int, int]] = {}
    members = list(idx)
    for i in members:
        p = events[i].place
        assert p is not None
        cell = (math.floor(p.lat / size), math.floor(p.lon / size))
        cells[i] = cell
        for w in _weeks(events[i], 0):
            blocks[(cell[0], cell[1], w)].append(i)
    for i in members:
        cy, cx = cells[i]
        seen: set[int] = set()
        for w in _weeks(events[i], cfg.adjacent_days):
            for dy in (-1, 0, 1):
                for dx in (-1, 0, 1):
                    for j in blocks.get((cy + dy, cx + dx, w), ()):
                        if j > i and j not in seen:
                            seen.add(j)
                            yield i, j


def _months(e: EventRecord, pad: int) -> range:
    assert e.dates is not None
    lo, hi = e.dates.start - timedelta(days=pad), e.dates.end + timedelta(days=pad)
    return range(lo.year * 12 + lo.month, hi.year * 12 + hi.month + 1)


def coarse_candidates(events: Sequence[EventRecord], fine: Sequence[int], cfg: LinkSettings
                      ) -> dict[tuple[str, int], list[int]]:
    """Precise events by (administrative unit or grid cell, month), so a coarse event meets
    those inside its unit and time."""
    size = _cell_size_deg(cfg)
    by_unit: dict[tuple[str, int], list[int]] = defaultdict(list)
    for i in fine:
        p = events[i].place
        assert p is not None
        cell = f"c:{math.floor(p.lat / size)}:{math.floor(p.lon / size)}"
        for m in _months(events[i], 0):
            for unit in (f"a1:{_skel(p.admin1)}", f"a2:{_skel(p.admin2)}", p.place_id, cell):
                by_unit[(unit, m)].append(i)
    return by_unit


def unit_keys(e: EventRecord) -> list[str]:
    """The blocks a coarse event looks in: its own place, or the unit it names."""
    p = e.place
    assert p is not None
    keys = [p.place_id]
    if p.kind == "admin1":
        keys.append(f"a1:{_skel(p.name)}")
    elif p.kind in ("admin2", "admin3"):
        keys.append(f"a2:{_skel(p.name if p.kind == 'admin2' else p.admin2)}")
    return keys


# -- clustering ----------------------------------------------------------------------------------


class _Components:
    """Union-find with cannot-link constraints (a union that would join banned events is refused)."""

    def __init__(self, n: int) -> None:
        self.parent = list(range(n))
        self.banned: dict[int, set[int]] = {}

    def find(self, x: int) -> int:
        root = x
        while self.parent[root] != root:
            root = self.parent[root]
        while self.parent[x] != root:
            self.parent[x], x = root, self.parent[x]
        return root

    def ban(self, a: int, b: int) -> None:
        self.banned.setdefault(a, set()).add(b)
        self.banned.setdefault(b, set()).add(a)

    def can_join(self, a: int, b: int) -> bool:
        ra, rb = self.find(a), self.find(b)
        if ra == rb:
            return True
        small, other = (ra, rb) if len(self.banned.get(ra, ())) <= len(self.banned.get(rb, ())) \
            else (rb, ra)
        return not any(self.find(x) == other for x in self.banned.get(small, ()))

    def union(self, a: int, b: int) -> bool:
        ra, rb = self.find(a), self.find(b)
        if ra == rb or not self.can_join(a, b):
            return False
        self.parent[rb] = ra
        moved = self.banned.pop(rb, None)
        if moved:
            self.banned.setdefault(ra, set()).update(moved)
        return True


def _join(events: Sequence[EventRecord], cfg: LinkSettings, comp: _Components,
          scored: list[tuple[float, int, int]], links: list[Link]) -> None:
    """Join linked events best score first (deterministic: ties break on event order)."""
    scored.sort(key=lambda t: (-t[0], t[1], t[2]))
    for score, i, j in scored:
        if comp.find(i) != comp.find(j) and comp.union(i, j):
            r = score_pair(events[i], events[j], cfg)
            assert r is not None
            links.append(Link(i, j, score, r[1], r[2]))


@dataclass
class Grouping:
    clusters: list[list[int]]
    links: list[Link]
    pairs_compared: int
    ungrouped: list[int] = field(default_factory=list)  # events without a place or a date


def group_events(events: Sequence[EventRecord], cfg: LinkSettings, *,
                 must_link: Iterable[tuple[str, str]] = (),
                 cannot_link: Iterable[tuple[str, str]] = ()) -> Grouping:
    """Cluster events into incidents. Deterministic: ties break on event order."""
    by_key = {e.key: i for i, e in enumerate(events)}
    comp = _Components(len(events))
    for ka, kb in cannot_link:
        if ka in by_key and kb in by_key:
            comp.ban(by_key[ka], by_key[kb])
    links: list[Link] = []
    for ka, kb in must_link:
        if ka in by_key and kb in by_key:
            a, b = by_key[ka], by_key[kb]
            if comp.union(a, b):
                links.append(Link(a, b, 1.0, {}, ["reviewer decision"], rule="review"))
    usable = [i for i, e in enumerate(events) if e.place is not None and e.dates is not None]
    ungrouped = [i for i, e in enumerate(events) if e.place is None or e.dates is None]
    fine = [i for i in usable if is_precise(events[i])]
    coarse = [i for i in usable if not is_precise(events[i])]

    # Only (score, i, j) is kept per candidate link; the explanation is recomputed for the links
    # that join incidents (a few per incident), which saves most of the memory at scale.
    scored: list[tuple[float, int, int]] = []
    compared = 0
    for i, j in candidate_pairs(events, fine, cfg):
        compared += 1
        r = score_pair(events[i], events[j], cfg)
        if r is not None and r[0] >= cfg.threshold:
            scored.append((r[0], i, j))
    _join(events, cfg, comp, scored, links)

    # Coarse events: attach to the best precise event's incident, never bridging two incidents.
    by_unit = coarse_candidates(events, fine, cfg)
    size = _cell_size_deg(cfg)
    leftover: list[int] = []
    for c in coarse:
        e = events[c]
        assert e.place is not None
        units = unit_keys(e)
        if e.place.kind == "locality":
            cy, cx = math.floor(e.place.lat / size), math.floor(e.place.lon / size)
            units += [f"c:{cy + dy}:{cx + dx}" for dy in (-1, 0, 1) for dx in (-1, 0, 1)]
        cands = {i for k in units for m in _months(e, cfg.adjacent_days)
                 for i in by_unit.get((k, m), ())}
        best: tuple[float, int, dict[str, float], list[str]] | None = None
        for i in sorted(cands):
            compared += 1
            r = score_pair(e, events[i], cfg)
            if r is None or r[0] < cfg.threshold or not comp.can_join(c, i):
                continue
            if best is None or r[0] > best[0]:
                best = (r[0], i, r[1], r[2])
        if best is not None and comp.find(c) != comp.find(best[1]):
            comp.union(c, best[1])
            links.append(Link(c, best[1], best[0], best[2], best[3], rule="attach"))
        elif best is None:
            leftover.append(c)
    scored = []
    # Leftover coarse events: blocked by governorate, then a sweep over start dates.
    by_region: dict[str, list[int]] = defaultdict(list)
    for c in leftover:
        p = events[c].place
        assert p is not None
        by_region[p.admin1 or p.place_id].append(c)
    for members in by_region.values():
        members.sort(key=lambda k: (events[k].dates.start, k))  # type: ignore[union-attr]
        for x, i in enumerate(members):
            di = events[i].dates
            assert di is not None
            limit = di.end + timedelta(days=cfg.adjacent_days)
            for j in members[x + 1:]:
                dj = events[j].dates
                assert dj is not None
                if dj.start > limit:
                    break
                compared += 1
                r = score_pair(events[i], events[j], cfg)
                if r is not None and r[0] >= cfg.threshold:
                    scored.append((r[0], min(i, j), max(i, j)))
    _join(events, cfg, comp, scored, links)

    groups: dict[int, list[int]] = defaultdict(list)
    for i in usable:
        groups[comp.find(i)].append(i)
    # Must-linked events without place or date still join the incident a reviewer put them in.
    for i in ungrouped:
        root = comp.find(i)
        if root in groups:
            groups[root].append(i)
    placed = {i for g in groups.values() for i in g}
    clusters = sorted((sorted(g) for g in groups.values()), key=lambda g: g[0])
    return Grouping(clusters=clusters, links=links, pairs_compared=compared,
                    ungrouped=[i for i in ungrouped if i not in placed])


def all_pairs_links(events: Sequence[EventRecord], cfg: LinkSettings) -> set[tuple[int, int]]:
    """Every precise pair that scores above the threshold, compared all against all (benchmark)."""
    fine = [i for i, e in enumerate(events) if is_precise(e)]
    out: set[tuple[int, int]] = set()
    for x, i in enumerate(fine):
        for j in fine[x + 1:]:
            r = score_pair(events[i], events[j], cfg)
            if r is not None and r[0] >= cfg.threshold:
                out.add((i, j))
    return out


def blocked_links(events: Sequence[EventRecord], cfg: LinkSettings) -> set[tuple[int, int]]:
    """The same pairs, found through the blocks (to compare with ``all_pairs_links``)."""
    fine = [i for i, e in enumerate(events) if is_precise(e)]
    out: set[tuple[int, int]] = set()
    for i, j in candidate_pairs(events, fine, cfg):
        r = score_pair(events[i], events[j], cfg)
        if r is not None and r[0] >= cfg.threshold:
            out.add((min(i, j), max(i, j)))
    return out
