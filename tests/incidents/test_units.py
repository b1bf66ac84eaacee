"""The pieces on their own: dates with precision, link scores, blocking, constraints, origins."""

from __future__ import annotations

import random
from datetime import date, timedelta

import pytest

from dalil.incidents.grouping import (
    LinkSettings,
    all_pairs_links,
    blocked_links,
    group_events,
    score_pair,
)
from dalil.incidents.model import DateRange, EventRecord, FigureRecord, PlaceRef
from dalil.incidents.origins import SourceInfo, _phash_pairs, derive, url_key
from dalil.incidents.summary import figure_table

BANIYAS = PlaceRef("wof:1", "Baniyas", 35.18188, 35.94871, "locality", "Tartus", "Banyas")
BANIYAS_DISTRICT = PlaceRef("os:SY1002", "Baniyas", 35.14984, 36.00135, "admin2", "Tartus",
                            "Baniyas")
JABLAH = PlaceRef("wof:2", "Jablah", 35.3616, 35.9256, "locality", "Latakia", "Jablah")
NEARBY = PlaceRef("wof:3", "Al Qusour", 35.17, 35.96, "locality", "Tartus", "Banyas")


def ev(key: str, place: PlaceRef | None, day: str | None, violations: tuple[str, ...] = ("killing",),
       perps: tuple[str, ...] = (), source: int = 1, figures: tuple[FigureRecord, ...] = ()
       ) -> EventRecord:
    return EventRecord(key=key, source_id=source, part=0, claim_text=key, span=(0, len(key)),
                       attributed_to="", hedged=False, violations=frozenset(violations),
                       dates=DateRange.parse(day) if day else None, place=place,
                       perpetrators=frozenset(perps), figures=figures)


@pytest.mark.parametrize(("text", "published", "expected"), [
    ("2025-03-07", None, ("2025-03-07", "2025-03-07", "day")),
    ("2025-03", None, ("2025-03-01", "2025-03-31", "month")),
    ("2024-12", None, ("2024-12-01", "2024-12-31", "month")),
    ("2025", None, ("2025-01-01", "2025-12-31", "year")),
    ("2025-03-07/2025-03-09", None, ("2025-03-07", "2025-03-09", "interval")),
    (None, "2025-03-10", ("2025-03-03", "2025-03-10", "approx")),
    ("not a date", None, None),
    (None, None, None),
])
def test_date_ranges_respect_precision(text: str | None, published: str | None,
                                       expected: tuple[str, str, str] | None) -> None:
    r = DateRange.parse(text, published)
    assert (None if r is None else (r.start.isoformat(), r.end.isoformat(), r.precision)) == expected


def test_link_score_explains_itself() -> None:
    cfg = LinkSettings()
    a = ev("a", BANIYAS, "2025-03-07", perps=("Assad-era forces and loyalists",))
    b = ev("b", NEARBY, "2025-03-08", perps=("Syrian government forces (2025-)",))
    r = score_pair(a, b, cfg)
    assert r is not None
    score, features, reasons = r
    assert features["time"] == 0.6 and features["violations"] == 1.0
    assert features["perpetrators"] == 0.3
    assert 0.5 < features["place"] < 1.0
    assert any("km apart" in x for x in reasons) and any("different perpetrators" in x
                                                          for x in reasons)
    assert score >= cfg.threshold
    # Too far apart in time or space: never linked, whatever else agrees.
    assert score_pair(a, ev("c", BANIYAS, "2025-03-10"), cfg) is None
    assert score_pair(a, ev("d", JABLAH, "2025-03-07"), cfg) is None
    # A district contains its town, though the gazetteer spells the district two ways.
    r2 = score_pair(a, ev("e", BANIYAS_DISTRICT, "2025-03"), cfg)
    assert r2 is not None and any("lies in" in x for x in r2[2])


def test_coarse_events_join_one_incident_and_never_bridge_two() -> None:
    cfg = LinkSettings()
    events = [
        ev("town-1", BANIYAS, "2025-03-07"), ev("town-2", BANIYAS, "2025-03-07", source=2),
        ev("near", NEARBY, "2025-03-09", source=3),
        # "Baniyas district, March 2025": compatible with both groups; joins one, bridges none.
        ev("district", BANIYAS_DISTRICT, "2025-03", source=4),
        ev("jablah", JABLAH, "2025-03-07", source=5),
        ev("nowhere", None, "2025-03-07", source=6),
    ]
    g = group_events(events, cfg)
    keys = sorted(sorted(events[i].key for i in c) for c in g.clusters)
    assert keys == [["district", "town-1", "town-2"], ["jablah"], ["near"]]
    assert [events[i].key for i in g.ungrouped] == ["nowhere"]


def test_reviewer_constraints_override_scores() -> None:
    cfg = LinkSettings()
    events = [ev("a", BANIYAS, "2025-03-07"), ev("b", BANIYAS, "2025-03-07", source=2),
              ev("c", JABLAH, "2025-03-07", source=3)]
    g = group_events(events, cfg, cannot_link=[("a", "b")], must_link=[("a", "c")])
    keys = sorted(sorted(events[i].key for i in c) for c in g.clusters)
    assert keys == [["a", "c"], ["b"]]
    assert any(link.rule == "review" for link in g.links)


def test_blocking_finds_every_pair_all_pairs_finds() -> None:
    rng = random.Random(7)
    cfg = LinkSettings()
    start = date(2025, 1, 1)
    places = [PlaceRef(f"p{k}", f"P{k}", 35.0 + rng.random() * 0.6, 35.8 + rng.random() * 0.6,
                       "locality", "A", "B") for k in range(150)]
    events = []
    for i in range(600):
        place = places[rng.randrange(150)]
        day = (start + timedelta(days=rng.randrange(20))).isoformat()
        events.append(ev(f"e{i}", place, day, source=i))
    truth = all_pairs_links(events, cfg)
    assert truth  # the sample has pairs to find
    assert blocked_links(events, cfg) == truth


def test_near_identical_photos_are_all_found() -> None:
    rng = random.Random(3)
    photos = [(SourceInfo(id=i, sha256=f"{i:064x}", kind="photo"), rng.getrandbits(64))
              for i in range(300)]
    # Plant near copies: flip up to 8 bits.
    for j in range(30):
        _, h = photos[j]
        for bit in rng.sample(range(64), rng.randint(1, 8)):
            h ^= 1 << bit
        photos.append((SourceInfo(id=1000 + j, sha256=f"{1000 + j:064x}", kind="photo"), h))
    found = {(a.id, b.id) for a, b, _ in _phash_pairs(photos, 8)}
    brute = {(photos[x][0].id, photos[y][0].id) for x in range(len(photos))
             for y in range(x + 1, len(photos)) if (photos[x][1] ^ photos[y][1]).bit_count() <= 8}
    assert {tuple(sorted(p)) for p in found} == {tuple(sorted(p)) for p in brute}
    assert len(brute) >= 30


def test_origins_follow_derivations_not_shared_accounts() -> None:
    story = ("Remnants of the former regime killed thirty people in the southern neighbourhoods "
             "of the town before dawn on Friday, residents told the paper in the afternoon. The "
             "attackers fled towards the mountains after the security forces restored order in "
             "the city, and the bodies of the victims were taken to the national hospital.")
    sources = [
        SourceInfo(1, "a" * 64, "html", publisher="Sahel Dawn", text=story,
                   published_at="2025-03-08", origin_url="https://sahel-dawn.example.com/a"),
        SourceInfo(2, "b" * 64, "text", text=story.replace("thirty", "30") + "\n"),
        SourceInfo(3, "c" * 64, "post", publisher="X", author="@fan", text="RT @sahel_dawn: x",
                   meta={"platform": "x", "repost_of": {"platform": "x",
                                                        "handle": "@sahel_dawn"}}),
        SourceInfo(4, "d" * 64, "post", publisher="X", author="@fan", text="Good morning"),
        SourceInfo(5, "e" * 64, "post", publisher="X", author="@sahel_dawn",
                   text="Our story https://sahel-dawn.example.com/a",
                   meta={"author_name": "Sahel Dawn"}),
        SourceInfo(6, "f" * 64, "html", publisher="Other Outlet", text="Unrelated.\n— Sahel Dawn"),
    ]
    g = derive(sources)
    groups = {frozenset(v) for v in g.group_members().values()}
    assert frozenset({1, 2, 3, 5, 6}) in groups
    assert frozenset({4}) in groups
    rules = {(e.source_id, e.rule) for e in g.edges}
    assert {(2, "near_duplicate"), (3, "repost"), (5, "link"), (6, "credit_line")} <= rules


@pytest.mark.parametrize(("url", "key"), [
    ("https://www.Example.com/a/b/?utm=1", "example.com/a/b"),
    ("https://twitter.com/x/status/1", "x.com/x/status/1"),
    ("https://example.com/", None),
    ("https://t.co/abc", None),
    ("https://x.com/some_account", None),
    ("https://t.me/channel/123", "t.me/channel/123"),
])
def test_url_keys(url: str, key: str | None) -> None:
    assert url_key(url) == key


def test_figures_kept_side_by_side() -> None:
    f = FigureRecord
    events = [
        ev("a", BANIYAS, "2025-03-07", figures=(f(30, "exact", "killed", "30", (0, 2)),)),
        ev("b", BANIYAS, "2025-03-07", source=2,
           figures=(f((800, 1500), "range", "killed", "between 800 and 1,500", (0, 5)),)),
        ev("c", BANIYAS, "2025-03-07", source=3,
           figures=(f(24, "at_least", "killed", "dozens", (0, 6)),
                    f(40, "more_than", "killed", "more than 40", (9, 20)))),
    ]
    table = figure_table(events, lambda e: f"o{e.source_id}", lambda o: o)["killed"]
    assert (table["min"], table["max"], table["origins"]) == (24, 1500, 3)
    assert {r["origin"]: (r["low"], r["high"]) for r in table["by_origin"]} == {
        "o1": (30, 30), "o2": (800, 1500), "o3": (24, 41)}
    assert table["best"] == 32.5  # median of the origins' middles: 30, 1150, 32.5


def test_bullets_and_profile_links_are_not_origins() -> None:
    sources = [
        SourceInfo(1, "a" * 64, "html", publisher="Outlet One",
                   text="Our week:\n- fourteen people were killed\n- https://x.com/outlet_one"),
        SourceInfo(2, "b" * 64, "html", publisher="Outlet Two",
                   text="Theirs:\n- fourteen people were killed\n- https://x.com/outlet_one"),
    ]
    g = derive(sources)
    assert g.group_of[1] != g.group_of[2]
    assert not [e for e in g.edges if e.rule in ("credit_line", "link")]


def test_undated_events_get_a_window_before_publication() -> None:
    r = DateRange.parse(None, "2025-03-20", window_days=60)
    assert r is not None and (r.start.isoformat(), r.precision) == ("2025-01-19", "approx")
    assert DateRange.parse(None, "2025-03-20T10:00:00Z") == DateRange(
        date(2025, 3, 13), date(2025, 3, 20), "approx")
