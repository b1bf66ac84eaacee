"""The values incidents are built from: one ``EventRecord`` per extracted event.

This is the interface between extraction and incidents. Whatever stores extractions (today the
extractor run inside ``build``; later the extraction tables) only has to produce these records.
"""

from __future__ import annotations

import math
from dataclasses import dataclass, field
from datetime import date, timedelta
from functools import lru_cache
from typing import Any

# Violation types that describe the same kind of act in different words: a "massacre" in one
# report is "killing" in another and an "attack on civilians" in a third.
VIOLATION_FAMILIES: tuple[frozenset[str], ...] = (
    frozenset({"killing", "execution", "massacre", "attack_on_civilians", "concealment_of_bodies"}),
    frozenset({"enforced_disappearance", "arbitrary_detention", "torture"}),
    frozenset({"home_invasion", "arson", "looting", "destruction_of_property", "attack_on_civilians"}),
    frozenset({"forced_displacement", "threat_or_intimidation", "incitement"}),
)

# Perpetrator names that say nothing about who it was: compatible with any actor.
GENERIC_ACTORS = frozenset({"unidentified gunmen", "unknown", "armed men", "gunmen",
                            "unidentified armed group",
                            # the extractor's unnamed agents, one per description
                            # (dalil/extract/data/actors.yaml, kind generic)
                            "masked men", "men in military uniform", "unidentified attackers",
                            "criminal gangs", "kidnappers", "armed groups", "armed factions",
                            "militias", "uncontrolled groups", "suicide bomber", "snipers",
                            "unidentified persons"})


@dataclass(frozen=True)
class DateRange:
    """The days an event may have happened on, widened by the precision of the date given."""

    start: date
    end: date
    precision: str  # day | month | year | interval | approx (only the publication date known)

    @classmethod
    def parse(cls, text: str | None, published: str | None = None, window_days: int = 7
              ) -> DateRange | None:
        """An ISO day, month, year or ``a/b`` interval; without one, the ``window_days`` up to
        publication (a report describes something shortly before it was published)."""
        if text:
            if "/" in text:
                a, b = text.split("/", 1)
                lo, hi = cls.parse(a), cls.parse(b)
                if lo and hi:
                    return cls(min(lo.start, hi.start), max(lo.end, hi.end), "interval")
                return None
            parts = text[:10].split("-")
            try:
                if len(parts) == 3:
                    d = date.fromisoformat(text[:10])
                    return cls(d, d, "day")
                if len(parts) == 2:
                    y, m = int(parts[0]), int(parts[1])
                    first = date(y, m, 1)
                    nxt = date(y + (m == 12), m % 12 + 1, 1)
                    return cls(first, nxt - timedelta(days=1), "month")
                if len(parts) == 1 and parts[0].isdigit():
                    y = int(parts[0])
                    return cls(date(y, 1, 1), date(y, 12, 31), "year")
            except ValueError:
                return None
            return None
        if published:
            try:
                p = date.fromisoformat(published[:10])
            except ValueError:
                return None
            return cls(p - timedelta(days=window_days), p, "approx")
        return None

    def gap_days(self, other: DateRange) -> int:
        """0 when the ranges overlap, else the number of days between them."""
        if self.end < other.start:
            return (other.start - self.end).days
        if other.end < self.start:
            return (self.start - other.end).days
        return 0

    @property
    def span_days(self) -> int:
        return (self.end - self.start).days + 1

    def to_dict(self) -> dict[str, str]:
        return {"start": self.start.isoformat(), "end": self.end.isoformat(),
                "precision": self.precision}


@dataclass(frozen=True)
class PlaceRef:
    """A resolved place: gazetteer id, name, coordinates and where it sits in the hierarchy."""

    place_id: str
    name: str
    lat: float
    lon: float
    kind: str  # admin1 | admin2 | admin3 | locality
    admin1: str = ""
    admin2: str = ""

    def contains(self, other: PlaceRef) -> bool:
        """True when ``other`` lies inside this administrative unit, by the names in its
        hierarchy compared as transliteration skeletons (the gazetteer's sources spell a
        district "Banyas" in one table and "Baniyas" in another)."""
        if self.kind == "admin1":
            mine = {_skel(self.admin1), _skel(self.name)} - {""}
            return _skel(other.admin1) in mine
        if self.kind in ("admin2", "admin3"):
            mine = {_skel(self.admin2 if self.kind == "admin2" else ""), _skel(self.name)} - {""}
            return _skel(other.admin2) in mine and _skel(other.admin1) == _skel(self.admin1)
        return False

    def to_dict(self) -> dict[str, Any]:
        return {"place_id": self.place_id, "name": self.name, "lat": self.lat, "lon": self.lon,
                "kind": self.kind, "admin1": self.admin1, "admin2": self.admin2}


@lru_cache(maxsize=65536)
def _skel(name: str) -> str:
    from dalil.gazetteer.names import skeleton_key

    return skeleton_key(name) if name else ""


def distance_km(a: PlaceRef, b: PlaceRef) -> float:
    """Great-circle distance (haversine); a few lines, so not worth a geodesy dependency."""
    la1, lo1, la2, lo2 = map(math.radians, (a.lat, a.lon, b.lat, b.lon))
    h = math.sin((la2 - la1) / 2) ** 2 + math.cos(la1) * math.cos(la2) * math.sin((lo2 - lo1) / 2) ** 2
    return 6371.0 * 2 * math.asin(min(1.0, math.sqrt(h)))


@dataclass(frozen=True)
class FigureRecord:
    value: int | tuple[int, int]
    qualifier: str  # exact | at_least | more_than | approx | range
    what: str  # killed | injured | detained | missing | displaced
    surface: str
    span: tuple[int, int]
    hedged: bool = False

    @property
    def low(self) -> int:
        v = self.value
        low = v[0] if isinstance(v, tuple) else v
        return low + 1 if self.qualifier == "more_than" else low

    @property
    def high(self) -> int:
        v = self.value
        return v[1] if isinstance(v, tuple) else self.low

    @property
    def best(self) -> float:
        return (self.low + self.high) / 2

    def to_dict(self) -> dict[str, Any]:
        v = self.value
        return {"value": list(v) if isinstance(v, tuple) else v, "qualifier": self.qualifier,
                "what": self.what, "surface": self.surface, "span": list(self.span),
                "hedged": self.hedged, "low": self.low, "high": self.high}


@dataclass
class EventRecord:
    """One event read from one claim of one source: the unit incidents are made of.

    ``key`` is stable across rebuilds (source hash, text part and claim span), so review decisions
    that name events still apply after the extractor runs again.
    """

    key: str
    source_id: int
    part: int
    claim_text: str
    span: tuple[int, int]
    attributed_to: str
    hedged: bool
    violations: frozenset[str]
    dates: DateRange | None
    place: PlaceRef | None
    perpetrators: frozenset[str] = frozenset()
    victim_groups: frozenset[str] = frozenset()
    figures: tuple[FigureRecord, ...] = ()
    # Set when the claim credits another publisher ("according to X"): that publisher's origin.
    cited: str | None = None
    notes: list[str] = field(default_factory=list)

    @property
    def claim_key(self) -> str:
        return f"{self.source_id}:{self.part}:{self.span[0]}-{self.span[1]}"

    def to_dict(self) -> dict[str, Any]:
        return {
            "key": self.key, "claim": self.claim_key, "source_id": self.source_id,
            "part": self.part, "claim_text": self.claim_text, "span": list(self.span),
            "attributed_to": self.attributed_to, "hedged": self.hedged,
            "violations": sorted(self.violations),
            "dates": self.dates.to_dict() if self.dates else None,
            "place": self.place.to_dict() if self.place else None,
            "perpetrators": sorted(self.perpetrators), "victim_groups": sorted(self.victim_groups),
            "figures": [f.to_dict() for f in self.figures], "cited": self.cited,
            "notes": self.notes,
        }

    @classmethod
    def from_dict(cls, d: dict[str, Any]) -> EventRecord:
        dr = d.get("dates")
        pl = d.get("place")
        return cls(
            key=d["key"], source_id=int(d["source_id"]), part=int(d["part"]),
            claim_text=d["claim_text"], span=(int(d["span"][0]), int(d["span"][1])),
            attributed_to=d.get("attributed_to", ""), hedged=bool(d.get("hedged")),
            violations=frozenset(d.get("violations", [])),
            dates=DateRange(date.fromisoformat(dr["start"]), date.fromisoformat(dr["end"]),
                            dr["precision"]) if dr else None,
            place=PlaceRef(**pl) if pl else None,
            perpetrators=frozenset(d.get("perpetrators", [])),
            victim_groups=frozenset(d.get("victim_groups", [])),
            figures=tuple(FigureRecord(
                value=(int(f["value"][0]), int(f["value"][1])) if isinstance(f["value"], list)
                else int(f["value"]),
                qualifier=f["qualifier"], what=f["what"], surface=f["surface"],
                span=(int(f["span"][0]), int(f["span"][1])), hedged=bool(f.get("hedged")))
                for f in d.get("figures", [])),
            cited=d.get("cited"), notes=list(d.get("notes", [])),
        )
