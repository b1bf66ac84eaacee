"""What an incident says: built from its events and the origin of each, never choosing silently.

Casualty figures are kept per origin, side by side; the summary gives the lowest, a middle (the
median of the origins' own middle values) and the highest, so one origin's figure is never
presented as "the" figure. Contradictions are named: disjoint perpetrators alleged by different
origins, and figures that differ by ``figure_contradiction_ratio`` or more.
"""

from __future__ import annotations

import statistics
from collections import Counter, defaultdict
from collections.abc import Callable, Sequence
from datetime import date
from typing import Any

from dalil.incidents.model import GENERIC_ACTORS, EventRecord

MONTHS = ("January", "February", "March", "April", "May", "June", "July", "August", "September",
          "October", "November", "December")


def _day(d: date) -> str:
    return f"{d.day} {MONTHS[d.month - 1]} {d.year}"


def date_label(start: date, end: date, precision: str) -> str:
    if precision == "month":
        return f"{MONTHS[start.month - 1]} {start.year}"
    if precision == "year":
        return str(start.year)
    if start == end:
        return _day(start)
    return f"{_day(start)} – {_day(end)}"


def summarise(events: Sequence[EventRecord], origin_of: Callable[[EventRecord], str],
              label_of: Callable[[str], str], *, contradiction_ratio: float = 2.0
              ) -> dict[str, Any]:
    origins = sorted({origin_of(e) for e in events})
    # Dates: the precise events decide; coarse ones only when there is nothing better.
    dated = [e for e in events if e.dates is not None]
    precise = [e for e in dated if e.dates is not None and e.dates.precision in ("day", "interval")]
    use = precise or dated
    date_out: dict[str, Any] | None = None
    if use:
        start = min(e.dates.start for e in use if e.dates)
        end = max(e.dates.end for e in use if e.dates)
        precisions = {e.dates.precision for e in use if e.dates}
        precision = ("day" if start == end else "interval") if precise else \
            (precisions.pop() if len(precisions) == 1 else "interval")
        date_out = {"start": start.isoformat(), "end": end.isoformat(), "precision": precision,
                    "label": date_label(start, end, precision)}
    places: dict[str, dict[str, Any]] = {}
    place_count: Counter[str] = Counter()
    for e in events:
        if e.place:
            places[e.place.place_id] = e.place.to_dict()
            place_count[e.place.place_id] += 1
    place_list = [dict(places[k], events=n) for k, n in
                  sorted(place_count.items(), key=lambda kv: (-kv[1], places[kv[0]]["kind"] !=
                                                              "locality", kv[0]))]
    violations = Counter(v for e in events for v in e.violations)

    def alleged(attr: str) -> list[dict[str, Any]]:
        by: dict[str, dict[str, Any]] = {}
        for e in events:
            for name in sorted(getattr(e, attr)):
                row = by.setdefault(name, {"name": name, "origins": set(), "by": set(),
                                           "hedged": True})
                row["origins"].add(origin_of(e))
                row["by"].add(e.attributed_to or label_of(origin_of(e)))
                row["hedged"] = row["hedged"] and e.hedged
        return [{"name": r["name"], "origins": len(r["origins"]),
                 "alleged_by": sorted(label_of(o) for o in r["origins"]),
                 "attributed_to": sorted(r["by"]), "hedged": r["hedged"]}
                for r in sorted(by.values(), key=lambda r: (-len(r["origins"]), r["name"]))]

    figures = figure_table(events, origin_of, label_of)
    contradictions: list[dict[str, Any]] = []
    # Each origin's main allegation: the perpetrator(s) it names most often. Reports name several
    # actors (the agency "pursued remnants of the former regime"), so comparing every name
    # mentioned would hide the disagreement that matters.
    named: dict[str, Counter[str]] = defaultdict(Counter)
    for e in events:
        for p in set(e.perpetrators) - GENERIC_ACTORS:
            named[origin_of(e)][p] += 1
    main = {o: frozenset(p for p, n in c.items() if n == max(c.values())) for o, c in named.items()}
    if len(main) >= 2 and any(not (a & b) for a in main.values() for b in main.values()):
        contradictions.append({
            "kind": "perpetrator",
            "detail": "origins blame different perpetrators: " + " vs ".join(
                sorted({" / ".join(sorted(v)) for v in main.values()})),
            "positions": [{"origin": label_of(o), "perpetrators": sorted(main[o]),
                           "also_named": sorted(set(named[o]) - main[o])}
                          for o in sorted(main)]})
    for what, table in figures.items():
        bests = [(row["best"], row["origin"]) for row in table["by_origin"]]
        if len(bests) >= 2:
            lo, hi = min(bests), max(bests)
            if lo[0] > 0 and hi[0] / lo[0] >= contradiction_ratio:
                contradictions.append({
                    "kind": "figure", "what": what,
                    "detail": f"{what}: {lo[0]:g} ({lo[1]}) vs {hi[0]:g} ({hi[1]})",
                    "positions": [{"origin": r["origin"], "low": r["low"], "high": r["high"]}
                                  for r in table["by_origin"]]})
    top_place = place_list[0]["name"] if place_list else "unknown place"
    top_violation = violations.most_common(1)[0][0].replace("_", " ") if violations else "event"
    title = f"{top_violation.capitalize()} in {top_place}" + (
        f", {date_out['label']}" if date_out else "")
    return {
        "title": title, "dates": date_out, "places": place_list,
        "violations": [{"type": v, "events": n} for v, n in
                       sorted(violations.items(), key=lambda kv: (-kv[1], kv[0]))],
        "perpetrators": alleged("perpetrators"), "victim_groups": alleged("victim_groups"),
        "figures": figures, "contradictions": contradictions,
        "origins": [{"group": o, "label": label_of(o),
                     "sources": sorted({e.source_id for e in events if origin_of(e) == o})}
                    for o in origins],
        "independent_origins": len(origins),
        "events": len(events),
        "sources": sorted({e.source_id for e in events}),
    }


def figure_table(events: Sequence[EventRecord], origin_of: Callable[[EventRecord], str],
                 label_of: Callable[[str], str]) -> dict[str, dict[str, Any]]:
    """Per kind of figure (killed, injured ...): each origin's figures and the min/best/max."""
    rows: dict[str, dict[str, list[dict[str, Any]]]] = defaultdict(lambda: defaultdict(list))
    for e in events:
        for f in e.figures:
            rows[f.what][origin_of(e)].append(dict(f.to_dict(), source_id=e.source_id,
                                                   claim=e.claim_key, best=f.best))
    out: dict[str, dict[str, Any]] = {}
    for what, by_origin in sorted(rows.items()):
        table = []
        for origin, figs in sorted(by_origin.items()):
            table.append({"origin": label_of(origin), "group": origin,
                          "low": min(f["low"] for f in figs), "high": max(f["high"] for f in figs),
                          "best": statistics.median(f["best"] for f in figs),
                          "figures": figs})
        out[what] = {"by_origin": table,
                     "min": min(r["low"] for r in table), "max": max(r["high"] for r in table),
                     "best": statistics.median(r["best"] for r in table),
                     "origins": len(table)}
    return out
