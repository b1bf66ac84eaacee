"""The extraction result: plain dataclasses with ``to_dict()`` (JSON-ready, stable keys).

Every item carries a ``span`` ([start, end) character offsets into the text exactly as given)
and ``rule``: which rule or lexicon entry produced it, so a reviewer can see why.
"""

from __future__ import annotations

from dataclasses import asdict, dataclass, field
from typing import Any

Span = tuple[int, int]
FigureValue = int | tuple[int, int]


@dataclass
class PlaceMention:
    surface: str
    span: Span
    role: str  # scene | dateline | origin | destination | base | mentioned
    place_id: str
    canonical: str
    lat: float
    lon: float
    admin1: str
    admin2: str
    country: str
    kind: str
    candidates: int
    explanation: str
    sentence: int
    # "" when lat/lon are the place's own; else whose they are ("city: Homs (wof:...)"), for
    # neighbourhoods the gazetteer has no coordinates for
    coordinates_of: str = ""


@dataclass
class Place:
    canonical: str
    surface_forms: list[str]
    lat: float
    lon: float
    admin1: str
    country: str
    place_id: str
    kind: str
    explanation: str
    spans: list[Span]
    coordinates_of: str = ""  # as in PlaceMention


@dataclass
class DateMention:
    date: str | None  # ISO date, month, year or interval; None when it cannot be resolved
    surface: str
    span: Span
    role: str  # event | dateline | publication | statement
    rule: str
    sentence: int


@dataclass
class Figure:
    value: FigureValue
    qualifier: str  # exact | at_least | more_than | approx | range
    what: str  # killed | injured | detained | missing | displaced, or the unit for other figures
    attributed_to: str
    hedged: bool
    span: Span
    surface: str
    rule: str
    sentence: int


@dataclass
class Violation:
    type: str
    surface: str
    span: Span
    rule: str
    sentence: int


@dataclass
class ActorMention:
    canonical: str
    surface: str
    span: Span
    kind: str
    sentence: int
    rule: str


@dataclass
class Perpetrator:
    canonical: str
    aliases: list[str]
    attributed_to: list[str]
    hedged: bool
    kind: str
    spans: list[Span]
    # the groups it is counted under, nearest first, in the event's era ("Military Security" ->
    # ["Assad-era forces and loyalists"]; actors.yaml `part_of`)
    groups: list[str] = field(default_factory=list)


@dataclass
class VictimGroup:
    canonical: str
    surface_forms: list[str]
    spans: list[Span]


@dataclass
class QuotedSource:
    name: str
    role: str
    pseudonymous: bool
    span: Span
    rule: str


@dataclass
class Claim:
    text: str
    span: Span
    attributed_to: str
    hedged: bool
    hedge_cues: list[str]
    quoted: bool
    attribution_rule: str
    sentence: int


@dataclass
class Event:
    claim: int
    violations: list[str]
    date: str | None
    place: str | None
    perpetrators: list[str]
    victim_groups: list[str]
    figures: list[int]
    date_inherited: bool = False
    place_inherited: bool = False


@dataclass
class Extraction:
    extractor_version: str
    language: str
    places: list[Place] = field(default_factory=list)
    dates: list[DateMention] = field(default_factory=list)
    violations: list[str] = field(default_factory=list)
    perpetrators: list[Perpetrator] = field(default_factory=list)
    victim_groups: list[VictimGroup] = field(default_factory=list)
    casualty_figures: list[Figure] = field(default_factory=list)
    other_figures: list[Figure] = field(default_factory=list)
    quoted_sources: list[QuotedSource] = field(default_factory=list)
    claims: list[Claim] = field(default_factory=list)
    events: list[Event] = field(default_factory=list)
    # Detail for reviewers: every mention with its role and the rule that fired.
    place_mentions: list[PlaceMention] = field(default_factory=list)
    all_dates: list[DateMention] = field(default_factory=list)
    violation_mentions: list[Violation] = field(default_factory=list)
    actor_mentions: list[ActorMention] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)

    def to_dict(self) -> dict[str, Any]:
        data = asdict(self)
        for fig in data["casualty_figures"] + data["other_figures"]:
            if isinstance(fig["value"], tuple):
                fig["value"] = list(fig["value"])
        return _lists(data)  # type: ignore[no-any-return]


def _lists(obj: Any) -> Any:
    """Tuples (spans, ranges) become lists so the dict equals its JSON round trip."""
    if isinstance(obj, dict):
        return {k: _lists(v) for k, v in obj.items()}
    if isinstance(obj, list | tuple):
        return [_lists(v) for v in obj]
    return obj
