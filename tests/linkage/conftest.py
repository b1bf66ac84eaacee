from __future__ import annotations

import itertools

import pandas as pd
import pytest

from dalil.linkage.features import prepare
from dalil.linkage.generate import GeneratorConfig, generate_lists


def true_pairs(records: pd.DataFrame) -> set[tuple[str, str]]:
    groups: dict[str, list[str]] = {}
    for rid, pid in zip(records["record_id"], records["person_id"], strict=True):
        groups.setdefault(pid, []).append(str(rid))
    return {p for g in groups.values() for p in itertools.combinations(sorted(g), 2)}


def cluster_pairs_of(victim_of: dict[str, str]) -> set[tuple[str, str]]:
    groups: dict[str, list[str]] = {}
    for rid, vid in victim_of.items():
        groups.setdefault(vid, []).append(rid)
    return {p for g in groups.values() for p in itertools.combinations(sorted(g), 2)}


def f1(found: set[tuple[str, str]], truth: set[tuple[str, str]]) -> float:
    tp = len(found & truth)
    if not tp:
        return 0.0
    p, r = tp / len(found), tp / len(truth)
    return 2 * p * r / (p + r)


@pytest.fixture(scope="session")
def small_lists() -> pd.DataFrame:
    return generate_lists(GeneratorConfig(n_victims=400, seed=11))


@pytest.fixture(scope="session")
def small_features(small_lists: pd.DataFrame) -> pd.DataFrame:
    return prepare(small_lists)
