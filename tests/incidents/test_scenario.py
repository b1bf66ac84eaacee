"""The fictional coastal week (scenario.py) through the real ingest pipeline, extractor and build.

Pinned: which sources form one origin and why, the incidents, their independent-origin counts,
contradictions and figure ranges. Figures pinned here follow the extractor's reading of the
scenario texts by the extractor; a change in what it reads shows up here.
"""

from __future__ import annotations

import dataclasses
import json
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import select

from dalil.db.models import CustodyEntry, Source
from dalil.errors import ForbiddenError, InputError, NotFoundError
from dalil.incidents import (
    build,
    list_incidents,
    merge_incidents,
    move_event,
    review_queue,
    set_incident_status,
    show_incident,
    split_incident,
    verify_claim,
)
from dalil.incidents.build import group_sources
from dalil.incidents.review import source_origin
from dalil.incidents.tables import OriginEdge
from dalil.ingest.pipeline import Ingestor
from dalil.vault.sources import grade_source
from dalil.workspace import Workspace
from tests.incidents.scenario import write_scenario

SAHEL_DAWN = {
    "sahel-dawn_baniyas.html", "coast-mirror_copy.txt", "coast-echo_copy.txt",
    "x-sahel-dawn/tweets.js", "tweets.js#1898200000000000001", "tweets.js#1898200000000000101",
    "tweets.js#1898200000000000102", "result.json#1700000101/10",
}
STATE_AGENCY = {"cna_statement.html", "sahel-today_cna.html", "result.json#1700000102/20"}
PHOTO = {"result.json#1700000103/30", "result.json#1700000103/31", "photo_1@07-03-2025.jpg",
         "tweets.js#1898300000000000001", "1898300000000000001-BanSmoke.jpg",
         "tg-baniyas-eyes/result.json"}
CRO = {"cro_baniyas.html", "cro_baniyas_2024.html"}
WIRE = {"levant-wire_baniyas.html", "gulf-courier_wire.html", "x-levant-wire/tweets.js",
        "tweets.js#1898400000000000001"}


def _short(name: str) -> str:
    if "#" in name:
        return name[name.rfind("/", 0, name.index("#")) + 1:]
    parts = name.split("/")
    return "/".join(parts[-2:]) if parts[-1] in ("tweets.js", "result.json") else parts[-1]


def _names(ws: Workspace) -> dict[int, str]:
    with ws.db.session() as s:
        return {sid: _short(n) for sid, n in s.execute(select(Source.id, Source.original_name))}


def _ingest(ws: Workspace, folder: Path, skip: tuple[str, ...] = ()) -> None:
    files = [p for p in sorted(folder.iterdir()) if p.name not in skip]
    outcomes = Ingestor(ws).ingest(files)
    refused = [o for o in outcomes if o.status == "refused"]
    assert refused == []


@pytest.fixture
def scenario(keyed_workspace: Workspace, tmp_path: Path) -> Workspace:
    folder = write_scenario(tmp_path / "scenario")
    _ingest(keyed_workspace, folder)
    build(keyed_workspace)
    return keyed_workspace


def _by_title(ws: Workspace) -> dict[str, dict[str, Any]]:
    return {r["title"]: r for r in list_incidents(ws)["incidents"]}


MAIN = "Killing in Baniyas, 7 March 2025 – 8 March 2025"
JABLEH = "Arson in Jableh, 9 March 2025"
OLDER = "Arbitrary detention in Baniyas, 14 November 2024"


def test_reposts_copies_and_shared_photos_are_one_origin_each(scenario: Workspace) -> None:
    names = _names(scenario)
    groups = [{names[i] for i in ids} for ids in group_sources_of(scenario).values()]
    assert SAHEL_DAWN in groups
    assert STATE_AGENCY in groups
    assert PHOTO in groups
    assert CRO in groups  # one publisher: its two releases are one origin
    assert WIRE in groups  # a paper running the wire story under the wire's dateline
    # The partisan account's own unrelated tweet is not part of the story it retweeted.
    assert not any("tweets.js#1898200000000000103" in g and "sahel-dawn_baniyas.html" in g
                   for g in groups)
    # Coast Daily only cites the agency: its claims take the agency's origin, not the source.
    assert {"coast-daily_cna.html"} in groups
    for pseudonym in ("Nour", "Karim", "Rami", "Salma", "Hadi"):
        assert {f"testimony ({pseudonym})"} in groups


def group_sources_of(ws: Workspace) -> dict[str, list[int]]:
    with ws.db.session() as s:
        return group_sources(s)


def test_each_dependency_says_why(scenario: Workspace) -> None:
    names = _names(scenario)
    with scenario.db.session() as s:
        rules = {(names[e.source_id], e.rule) for e in s.execute(select(OriginEdge)).scalars()}
    expected = {
        ("coast-echo_copy.txt", "credit_line"), ("coast-mirror_copy.txt", "near_duplicate"),
        ("tweets.js#1898200000000000101", "repost"), ("tweets.js#1898200000000000102", "quote"),
        ("result.json#1700000101/10", "forward"), ("result.json#1700000102/20", "forward"),
        ("sahel-today_cna.html", "credit_line"), ("sahel-today_cna.html", "near_duplicate"),
        ("tweets.js#1898200000000000001", "link"), ("result.json#1700000103/31", "same_media"),
        ("tweets.js#1898300000000000001", "similar_photo"),
        ("gulf-courier_wire.html", "credit_line"), ("tweets.js#1898400000000000001", "link"),
    }
    assert expected <= rules
    shown = show_incident(scenario, _by_title(scenario)[MAIN]["id"])["derivation"]["edges"]
    reasons = [e["reason"] for e in shown if e["rule"] == "near_duplicate"]
    assert reasons and all("similar (MinHash" in r for r in reasons)
    # Why two sources are one origin: a chain of edges ending at each of them.
    ids = {n: i for i, n in names.items()}
    why = source_origin(scenario, str(ids["coast-echo_copy.txt"]),
                        str(ids["tweets.js#1898200000000000101"]))
    assert why["same_origin"] and why["path"]
    assert why["path"][0]["source_id"] == ids["coast-echo_copy.txt"]
    assert why["origin"].endswith("Sahel Dawn")
    apart = source_origin(scenario, str(ids["levant-wire_baniyas.html"]),
                          str(ids["sahel-dawn_baniyas.html"]))
    assert not apart["same_origin"] and apart["path"] == []


def test_incidents_counts_contradictions_and_figures(scenario: Workspace) -> None:
    rows = _by_title(scenario)
    assert set(rows) == {MAIN, JABLEH, OLDER}
    assert {t: (r["independent_origins"], r["status"]) for t, r in rows.items()} == {
        MAIN: (9, "corroborated"), JABLEH: (3, "corroborated"), OLDER: (2, "corroborated")}
    main = show_incident(scenario, rows[MAIN]["id"])
    summ = main["summary"]
    labels = sorted(o["label"].split(" ", 1)[1] for o in summ["origins"])
    assert labels == ["Coastal News Agency", "Coastal Rights Observatory",
                      "Levant Documentation Network", "Levant Wire",
                      "Office for Humanitarian Monitoring", "Sahel Dawn", "testimony (Karim)",
                      "testimony (Nour)", "testimony (Rami)"]
    assert main["sources"] == 19  # nineteen sources, nine origins
    killed = summ["figures"]["killed"]
    # Nine origins' middles: 2, 11, 12, 30, 41, 95, 100, 110, 120 -> median 41.
    assert (killed["min"], killed["best"], killed["max"]) == (2, 41, 120)
    assert {r["origin"].split(" ", 1)[1]: (r["low"], r["high"]) for r in killed["by_origin"]} == {
        "Sahel Dawn": (30, 30), "Coastal News Agency": (12, 12),
        "Coastal Rights Observatory": (120, 120), "Levant Documentation Network": (95, 95),
        "Levant Wire": (24, 100), "Office for Humanitarian Monitoring": (110, 110),
        "testimony (Karim)": (11, 11), "testimony (Nour)": (2, 2), "testimony (Rami)": (41, 41)}
    kinds = {c["kind"]: c for c in summ["contradictions"]}
    assert set(kinds) == {"perpetrator", "figure"}
    blame = {p["origin"].split(" ", 1)[1]: p["perpetrators"]
             for p in kinds["perpetrator"]["positions"]}
    # the unit the outlet names and the group it counts under (extract: perpetrator groups)
    assert blame["Sahel Dawn"] == ["Assad-era forces and loyalists", "former regime remnants"]
    assert blame["Coastal Rights Observatory"] == ["Syrian government forces (2025-)"]
    assert blame["Coastal News Agency"] == ["Syrian government forces (2025-)"]
    # Perpetrators as alleged by whom.
    # (the agency's "security forces pursued remnants of the former regime" names the remnants
    # as those pursued, not as agents: only Sahel Dawn blames them)
    alleged = {p["name"]: [o.split(" ", 1)[1] for o in p["alleged_by"]]
               for p in summ["perpetrators"]}
    assert alleged["Assad-era forces and loyalists"] == ["Sahel Dawn"]
    assert [(v["name"], [o.split(" ", 1)[1] for o in v["alleged_by"]])
            for v in summ["victim_groups"]] == [("Alawites", ["Coastal Rights Observatory"])]
    # Supporting claims carry their source and span into the stored text.
    with scenario.db.session() as s:
        for group in main["claims_by_origin"]:
            for c in group["claims"]:
                src = s.get(Source, c["source_id"])
                assert src is not None
                text = src.texts[c["part"]].text
                assert text[c["span"][0]:c["span"][1]] == c["text"]
    jableh = show_incident(scenario, rows[JABLEH]["id"])["summary"]
    assert jableh["contradictions"] == [] and jableh["figures"] == {}
    older = show_incident(scenario, rows[OLDER]["id"])["summary"]
    assert older["figures"]["detained"]["min"] == older["figures"]["detained"]["max"] == 15
    assert older["dates"]["start"] == older["dates"]["end"] == "2024-11-14"
    assert [p["name"] for p in older["places"]] == ["Baniyas"]


def test_corroboration_is_recomputed_when_sources_arrive(keyed_workspace: Workspace,
                                                         tmp_path: Path) -> None:
    ws = keyed_workspace
    folder = write_scenario(tmp_path / "scenario")
    _ingest(ws, folder, skip=("testimony_hadi.yaml",))
    build(ws)
    assert _by_title(ws)[OLDER]["independent_origins"] == 1
    assert _by_title(ws)[OLDER]["status"] == "unverified"
    Ingestor(ws).ingest([folder / "testimony_hadi.yaml"])
    assert list_incidents(ws)["sources_since_build"] == 1
    old_id = _by_title(ws)[OLDER]["id"]
    build(ws)
    row = _by_title(ws)[OLDER]
    assert (row["id"], row["independent_origins"], row["status"]) == (old_id, 2, "corroborated")


def test_review_decisions_survive_rebuilds_and_are_logged(scenario: Workspace) -> None:
    ws = scenario
    rows = _by_title(ws)
    main_id, jableh_id, older_id = rows[MAIN]["id"], rows[JABLEH]["id"], rows[OLDER]["id"]
    main = show_incident(ws, main_id)
    agency = next(g for g in main["claims_by_origin"] if "Coastal News Agency" in g["label"])
    agency_claims = [c["claim"] for c in agency["claims"]]
    # Grade a source, verify a claim, set a status, split the agency's account off.
    cna = next(c["source_id"] for c in agency["claims"] if c["source"] == "Coastal News Agency")
    grade_source(ws, str(cna), "D", reason="state agency; past statements contradicted")
    verify_claim(ws, agency_claims[0], "disputed", reason="contradicted by three NGOs",
                 credibility=5, evidence=["https://cro.example.org/releases/2025-03-10-baniyas"])
    set_incident_status(ws, jableh_id, "verified", reason="site visit by our team",
                        evidence=["vault:photos-2025-03-20"])
    split_incident(ws, main_id, agency_claims, reason="the agency describes a different "
                   "operation (armed men killed at checkpoints)")
    merge_incidents(ws, [jableh_id, older_id], reason="test merge of two incidents")
    for _ in range(2):
        build(ws)
        now = list_incidents(ws)["incidents"]
        by_id = {r["id"]: r for r in now}
        assert by_id[main_id]["independent_origins"] == 8
        split_off = [r for r in now if r["id"] not in (main_id, jableh_id, older_id)]
        assert len(split_off) == 1 and split_off[0]["independent_origins"] == 1
        merged = by_id[jableh_id]
        assert merged["status"] == "verified" and merged["independent_origins"] == 5
        assert older_id not in by_id
        shown = show_incident(ws, split_off[0]["id"])
        claims = {c["claim"]: c for g in shown["claims_by_origin"] for c in g["claims"]}
        assert claims[agency_claims[0]]["status"] == "disputed"
        assert claims[agency_claims[0]]["credibility"] == 5
        assert {"claim_verified", "claim_graded"} <= {h["action"] for h in shown["history"]}
        assert {c["reliability"] for c in claims.values() if c["source_id"] == cna} == {"D"}
    # Move one claim back and check the custody log holds every decision.
    move_event(ws, agency_claims[0], split_off[0]["id"], main_id, reason="it names Baniyas too")
    moved = show_incident(ws, main_id)
    assert agency_claims[0] in {c["claim"] for g in moved["claims_by_origin"] for c in g["claims"]}
    with ws.db.session() as s:
        actions = [(e.action, json.loads(e.details)) for e in s.execute(
            select(CustodyEntry).order_by(CustodyEntry.seq)).scalars()]
    names = [a for a, _ in actions]
    for action in ("graded", "claim_verified", "claim_graded", "incident_verified",
                   "incident_changed", "incidents_built"):
        assert action in names
    decisions = [d["decision"] for a, d in actions if a == "incident_changed"]
    assert decisions == ["split", "merge", "move"]
    assert all(d["reason"] for a, d in actions if a in ("claim_verified", "incident_changed"))
    assert any(h["action"] == "incident_verified" for h in show_incident(ws, jableh_id)["history"])


def test_review_queue_and_refusals(scenario: Workspace) -> None:
    queue = review_queue(scenario)
    assert queue["incidents"][0]["title"] == MAIN  # most corroborated and most disputed first
    assert queue["claims"] and queue["claims"][0]["incident"] == queue["incidents"][0]["id"]
    some = queue["claims"][0]["claim"]
    with pytest.raises(InputError, match="computed"):
        verify_claim(scenario, some, "corroborated", reason="x")
    with pytest.raises(InputError, match="reason"):
        verify_claim(scenario, some, "verified", reason=" ")
    with pytest.raises(InputError, match="1-6"):
        verify_claim(scenario, some, None, reason="x", credibility=7)
    with pytest.raises(NotFoundError):
        verify_claim(scenario, "999:0:1-2", "verified", reason="x")
    assert [r["title"] for r in list_incidents(scenario, place="Jableh")["incidents"]] == [JABLEH]
    assert len(list_incidents(scenario, place="Baniyas")["incidents"]) == 2
    assert len(list_incidents(scenario, place="Tartus")["incidents"]) == 2  # the governorate
    assert [r["title"] for r in list_incidents(scenario, date_to="2024-12-31")["incidents"]] == [OLDER]
    assert [r["title"] for r in list_incidents(scenario, violation="arson")["incidents"]] == [
        MAIN, JABLEH]
    assert list_incidents(scenario, status="unverified")["incidents"] == []
    # An analyst reads incidents but may not verify or regroup them.
    scenario.add_user("amal", "analyst")
    analyst = Workspace.open(dataclasses.replace(scenario.settings, user="amal"))
    try:
        assert list_incidents(analyst)["incidents"]
        with pytest.raises(ForbiddenError):
            verify_claim(analyst, some, "verified", reason="x")
        with pytest.raises(ForbiddenError):
            split_incident(analyst, queue["incidents"][0]["id"], [some], reason="x")
    finally:
        analyst.close()
