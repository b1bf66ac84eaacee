"""Linkage on generated Syrian-style lists; constraints; stable ids; clustering."""

from __future__ import annotations

from pathlib import Path

import pandas as pd
import pytest

from dalil.linkage.model import (
    Constraints,
    assign_stable_ids,
    cluster_pairs,
    explain_pair,
    link_records,
)
from tests.linkage.conftest import cluster_pairs_of, f1, true_pairs


def _pairs(rows: list[tuple[str, str, float]]) -> pd.DataFrame:
    return pd.DataFrame(rows, columns=["unique_id_l", "unique_id_r", "match_probability"])


def test_clustering_joins_above_threshold_only() -> None:
    pairs = _pairs([("a", "b", 0.99), ("b", "c", 0.95), ("c", "d", 0.4)])
    clusters = cluster_pairs("abcde", pairs, 0.9)
    assert clusters["a"] == clusters["b"] == clusters["c"]
    assert clusters["d"] != clusters["a"] and clusters["e"] not in {clusters["a"], clusters["d"]}


def test_cannot_link_keeps_groups_apart_even_through_a_chain() -> None:
    pairs = _pairs([("a", "b", 0.99), ("b", "c", 0.98)])
    clusters = cluster_pairs("abc", pairs, 0.9, Constraints.from_pairs(cannot=[("c", "a")]))
    assert clusters["a"] == clusters["b"]
    assert clusters["c"] != clusters["a"]


def test_must_link_joins_pairs_the_model_missed() -> None:
    clusters = cluster_pairs("abc", _pairs([]), 0.9, Constraints.from_pairs(must=[("a", "c")]))
    assert clusters["a"] == clusters["c"] != clusters["b"]


def test_one_record_per_list_stops_chains() -> None:
    lists = {"a1": "A", "a2": "A", "b1": "B"}
    pairs = _pairs([("a1", "b1", 0.99), ("b1", "a2", 0.95)])
    clusters = cluster_pairs(lists, pairs, 0.9, list_of=lists)
    assert clusters["a1"] == clusters["b1"] != clusters["a2"]
    # a direct, near-certain duplicate inside one list is still merged
    pairs = _pairs([("a1", "b1", 0.99), ("a1", "a2", 0.995)])
    clusters = cluster_pairs(lists, pairs, 0.9, list_of=lists)
    assert clusters["a1"] == clusters["b1"] == clusters["a2"]


def test_stable_ids() -> None:
    first = assign_stable_ids({"r1": "r1", "r2": "r1", "r3": "r3"})
    assert first["r1"] == first["r2"] != first["r3"]
    # unchanged clusters keep their ids; a new record joining a victim keeps that victim's id
    second = assign_stable_ids({"r1": "r1", "r2": "r1", "r3": "r3", "r4": "r3", "r5": "r5"},
                               first)
    assert second["r1"] == first["r1"] and second["r3"] == first["r3"] == second["r4"]
    assert second["r5"] not in {first["r1"], first["r3"]}
    # a split: the larger part keeps the id, the other gets a new one
    third = assign_stable_ids({"r1": "r1", "r2": "r2", "r3": "r3", "r4": "r3", "r5": "r5"},
                              second)
    assert len({third["r1"], third["r2"]}) == 2
    assert first["r1"] in {third["r1"], third["r2"]}
    # ids do not depend on the order clusters are met
    assert assign_stable_ids({"x": "x", "y": "x"}) == assign_stable_ids({"y": "y", "x": "y"})


def test_linkage_finds_victims_across_scripts(small_lists: pd.DataFrame,
                                              small_features: pd.DataFrame) -> None:
    result = link_records(small_features)
    truth = true_pairs(small_lists)
    score = f1(cluster_pairs_of(result.victim_of), truth)
    assert score > 0.9, score
    # every merge can be explained by the match weights of the comparisons
    linked = result.pairs[result.pairs["match_probability"] >= result.threshold].iloc[0]
    weights = explain_pair(result.pairs, linked["unique_id_l"], linked["unique_id_r"])
    assert "full_name" in weights and sum(weights.values()) > 0


def test_reviewer_decisions_are_respected(small_features: pd.DataFrame) -> None:
    first = link_records(small_features)
    # take one merged pair and one unmerged candidate pair
    merged = first.pairs[first.pairs["match_probability"] >= 0.99].iloc[0]
    a, b = merged["unique_id_l"], merged["unique_id_r"]
    assert first.victim_of[a] == first.victim_of[b]
    low = first.pairs[first.pairs["match_probability"] < 0.5].iloc[0]
    c, d = low["unique_id_l"], low["unique_id_r"]
    assert first.victim_of[c] != first.victim_of[d]
    constraints = Constraints.from_pairs(must=[(c, d)], cannot=[(a, b)])
    second = link_records(small_features, constraints=constraints,
                          previous_ids=first.victim_of)
    assert second.victim_of[a] != second.victim_of[b]
    assert second.victim_of[c] == second.victim_of[d]
    # the decided pairs no longer come up for review
    queue = second.review_candidates((0.0, 1.0), constraints)
    keys = {tuple(sorted(k)) for k in zip(queue["unique_id_l"], queue["unique_id_r"],
                                          strict=True)}
    assert tuple(sorted((a, b))) not in keys and tuple(sorted((c, d))) not in keys
    # clusters the decisions did not touch keep their ids
    untouched = [r for r in first.victim_of
                 if first.victim_of[r] not in {first.victim_of[x] for x in (a, b, c, d)}]
    kept = sum(first.victim_of[r] == second.victim_of[r] for r in untouched)
    assert kept / len(untouched) > 0.97


def test_rerun_without_changes_keeps_every_id(small_features: pd.DataFrame) -> None:
    first = link_records(small_features)
    second = link_records(small_features, previous_ids=first.victim_of)
    assert first.victim_of == second.victim_of


def test_duplicate_record_ids_are_refused(small_features: pd.DataFrame) -> None:
    from dalil.errors import InputError

    doubled = pd.concat([small_features.head(3), small_features.head(1)])
    with pytest.raises(InputError):
        link_records(doubled)


def test_small_lists_where_em_meets_unseen_levels_still_link() -> None:
    # seed 3 with 400 people once made EM set an m probability to 0, which Splink refuses
    from dalil.linkage.features import prepare
    from dalil.linkage.generate import GeneratorConfig, generate_lists

    records = generate_lists(GeneratorConfig(n_victims=400, seed=3))
    cols = ["record_id", "list_name", "full_name", "given_name", "father_name",
            "grandfather_name", "family_name", "sex", "age", "date_of_death", "place_of_death",
            "governorate"]
    result = link_records(prepare(records[cols]))
    assert f1(cluster_pairs_of(result.victim_of), true_pairs(records)) > 0.8


def test_duckdb_spills_to_a_private_folder_not_the_working_directory(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    # DuckDB's in-memory default spills to "./.tmp" under memory pressure: victim records there.
    from dalil.linkage.model import make_db_api

    monkeypatch.chdir(tmp_path)
    api = make_db_api("duckdb")
    (spill,) = api.duckdb_con.execute("select current_setting('temp_directory')").fetchone()
    assert Path(spill).name.startswith("dalil-duckdb-") and Path(spill).is_absolute()
    assert Path(spill).stat().st_mode & 0o077 == 0
    assert list(tmp_path.iterdir()) == []


def test_duckdb_spill_folder_may_sit_under_a_temp_root_with_a_quote(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    import tempfile

    from dalil.linkage import model

    root = tmp_path / "o'brien tmp"
    root.mkdir()
    monkeypatch.setattr(tempfile, "tempdir", str(root))
    model._private_scratch.cache_clear()
    try:
        api = model.make_db_api("duckdb")
        (spill,) = api.duckdb_con.execute(
            "select current_setting('temp_directory')").fetchone()
        assert Path(spill).parent == root
    finally:
        model._private_scratch.cache_clear()
