"""Log-linear models against the published figures that shared/benchmarks/mse/README.md marks
reproducible (to within one person), and the solver against statsmodels."""

from __future__ import annotations

import math

import numpy as np
import pytest
from tests.estimate.conftest import Load

from dalil.estimate import loglinear as ll
from dalil.estimate.core import EstimateOptions, _choose, _search, estimate_table
from dalil.estimate.table import CaptureTable

KOSOVO_ORDER3_TERMS = ["EXH:ABA", "EXH:OSCE", "EXH:HRW", "ABA:OSCE", "OSCE:HRW", "EXH:ABA:OSCE"]


def _terms(table: CaptureTable, fit: ll.Fit) -> list[str]:
    return [ll.term_name(table.lists, t) for t in fit.model]


def test_hierarchical_model_counts() -> None:
    # Silverman, Chan and Vincent (2024): 113 admissible models up to order 3 for four lists;
    # 2^10 = 1,024 two-list models for five.
    assert len(ll.hierarchical_models(4, 3)) == 113
    assert len(ll.hierarchical_models(5, 2)) == 1024
    assert len(ll.hierarchical_models(3, 2)) == 8
    assert ll.hierarchical_models(8, 3, limit=100) == []
    assert all(ll.is_hierarchical(m) for m in ll.hierarchical_models(4, 3))


def test_kosovo_bic_order3_is_10356(load: Load) -> None:
    table = load("kosovo_1999_4lists.csv")
    search = _search(table, 3)
    assert search.exhaustive and len(search.fits) == 113
    best = _choose(search.fits, "bic", table.observed)
    fit = ll.fit_glm(table, best.model)
    assert fit.estimate == pytest.approx(10356.5, abs=1.0)
    assert sorted(_terms(table, fit)) == sorted(KOSOVO_ORDER3_TERMS)
    low, high = ll.profile_interval(table, fit)
    # README: "about [8,994, 12,110]"; the intercept profile gives [9,020, 12,131].
    assert low == pytest.approx(8994, rel=0.01)
    assert high == pytest.approx(12110, rel=0.01)


def test_kosovo_bic_order2_is_14342(load: Load) -> None:
    table = load("kosovo_1999_4lists.csv")
    best = _choose(_search(table, 2).fits, "bic", table.observed)
    assert ll.fit_glm(table, best.model).estimate == pytest.approx(14341.7, abs=1.0)
    assert sorted(_terms(table, best)) == sorted(["EXH:ABA", "EXH:OSCE", "EXH:HRW", "ABA:OSCE", "OSCE:HRW"])


@pytest.mark.parametrize(
    ("terms", "expected"),
    [
        ((), 7394.6),
        (tuple((a, b) for a in range(4) for b in range(a + 1, 4)), 14402.5),
    ],
)
def test_kosovo_fixed_models(
    load: Load, terms: tuple[tuple[int, int], ...], expected: float
) -> None:
    table = load("kosovo_1999_4lists.csv")
    assert ll.fit_glm(table, terms).estimate == pytest.approx(expected, abs=1.0)


def test_kosovo_all_two_and_three_way(load: Load) -> None:
    table = load("kosovo_1999_4lists.csv")
    model = tuple(ll.all_terms(4, 3))
    assert ll.fit_glm(table, model).estimate == pytest.approx(16941.9, abs=1.0)


def test_uk_five_lists_stepwise_is_11313(load: Load) -> None:
    table = load("uk_modern_slavery_2013_5lists.csv")
    step = ll.stepwise_uk(table)
    fit = ll.fit_glm(table, step.model)
    assert fit.estimate == pytest.approx(11313.0, abs=1.0)
    assert _terms(table, step) == ["LA:NG", "NG:GP", "PFNCA:GP", "LA:PFNCA", "GO:GP", "NG:GO"]
    low, high = ll.profile_interval(table, fit)
    assert low == pytest.approx(9889, rel=0.005)
    assert high == pytest.approx(13063, abs=2)


@pytest.mark.parametrize(
    ("name", "expected"),
    [
        ("uk_modern_slavery_2013_6lists.csv", 11418.0),
        ("uk_modern_slavery_2013_4lists.csv", 11015.2),
    ],
)
def test_uk_stepwise_other_tables(load: Load, name: str, expected: float) -> None:
    table = load(name)
    assert ll.fit_glm(table, ll.stepwise_uk(table).model).estimate == pytest.approx(expected, abs=1.0)


@pytest.mark.parametrize(
    ("name", "threshold", "terms", "expected"),
    [
        # Chan, Silverman and Vincent (2021): New Orleans adds D:E, 1,184; Western US A:E, 2,483.
        ("new_orleans_trafficking_8lists_sparsemse.csv", 0.02, ["D:E"], 1183.7),
        ("western_us_sex_trafficking_5lists.csv", 0.02, ["A:E"], 2483.4),
        # The Netherlands "about 142,000": the same procedure at the 5% threshold.
        ("netherlands_trafficking_2010_15_6lists.csv", 0.05, None, 141966.2),
    ],
)
def test_stepwise_by_p_value_reproduces_sparse_mse(
    load: Load, name: str, threshold: float, terms: list[str] | None, expected: float
) -> None:
    table = load(name)
    step = ll.stepwise_p(table, threshold)
    if terms is not None:
        assert [ll.term_name(table.lists, t) for t in step.model] == terms
    assert ll.fit_glm(table, step.model).estimate == pytest.approx(expected, abs=1.0)


def test_overlap_p_value_is_one_sided(load: Load) -> None:
    table = load("western_us_sex_trafficking_5lists.csv")
    independence = ll.fit_fast(table, ())
    p_value = {
        ll.term_name(table.lists, pair): ll.overlap_p_value(table, independence, pair)
        for pair in ((0, 4), (2, 3))
    }
    # A:E: 6 people on both where independence expects about 1, so a small p-value.
    assert p_value["A:E"] < 0.001
    # C:D: 1 where about 3.3 are expected; too FEW shared people is not evidence for the term.
    assert p_value["C:D"] > 0.9


def test_uk_five_lists_bic_matches_silverman_2024(load: Load) -> None:
    table = load("uk_modern_slavery_2013_5lists.csv")
    search = _search(table, 2)
    assert search.exhaustive
    assert _choose(search.fits, "bic", table.observed).estimate == pytest.approx(22991, abs=1.0)
    # Up to order 3: 6,212 hierarchical models, of which 904 avoid pairs sharing no records.
    search = _search(table, 3)
    assert search.exhaustive and len(search.fits) <= 904
    assert _choose(search.fits, "bic", table.observed).estimate == pytest.approx(25311, abs=1.0)


@pytest.mark.parametrize(
    ("name", "method", "expected"),
    [
        ("new_orleans_trafficking_8lists_sparsemse.csv", "bic", 1183.7),  # D:E, greedy
        ("new_orleans_trafficking_5lists_sparsemse.csv", "bic", 1034.2),
        ("new_orleans_trafficking_5lists_mse2025.csv", "bic", 981.4),
        ("new_orleans_trafficking_8lists_mse2025.csv", "bic", 1110.5),  # downhill
        ("western_us_sex_trafficking_5lists.csv", "bic", 2483.4),
        ("korea_comfort_women_palembang_3lists.csv", "bic", 157.2),
        ("uk_modern_slavery_2013_6lists.csv", "bic", 12350),  # downhill, 2024 paper
    ],
)
def test_other_published_figures(load: Load, name: str, method: str, expected: float) -> None:
    table = load(name)
    best = _choose(_search(table, 2).fits, method, table.observed)
    assert ll.fit_glm(table, best.model).estimate == pytest.approx(expected, abs=1.0)


@pytest.mark.parametrize(
    ("name", "expected"),
    [
        ("new_orleans_trafficking_8lists_sparsemse.csv", 996.7),
        ("western_us_sex_trafficking_5lists.csv", 2007.1),
        ("rcapture_hiv_rome_4lists.csv", 11124.6),
        ("rcapture_lesbian_allegheny_4lists.csv", 3738.5),
        ("dga_madigan_york_3lists.csv", 763.9),
        ("dga_madigan_york_5lists.csv", 638.5),
    ],
)
def test_independence_figures(load: Load, name: str, expected: float) -> None:
    assert ll.fit_glm(load(name), ()).estimate == pytest.approx(expected, abs=1.0)


def test_fast_solver_agrees_with_statsmodels(load: Load) -> None:
    table = load("uk_modern_slavery_2013_5lists.csv")
    for model in ll.hierarchical_models(5, 2)[::97]:
        if not ll.admissible(table, model):
            continue
        fast, ref = ll.fit_fast(table, model), ll.fit_glm(table, model)
        if not ref.estimable:
            continue
        assert fast.estimate == pytest.approx(ref.estimate, rel=1e-6)
        assert fast.loglik == pytest.approx(ref.loglik, abs=1e-6)
        assert math.sqrt(fast.cov[0, 0]) == pytest.approx(math.sqrt(ref.cov[0, 0]), rel=1e-4)


def test_batched_fit_agrees_with_single_fits(load: Load) -> None:
    table = load("kosovo_1999_4lists.csv")
    model = tuple((a, b) for a in range(4) for b in range(a + 1, 4))
    rng = np.random.default_rng(1)
    reps = rng.poisson(table.counts, (5, len(table.counts))).astype(float)
    missing, loglik = ll.batched_estimates(table.patterns, reps, model)
    for i in range(5):
        single = ll.fit_fast(table.with_counts(reps[i].astype(np.int64)), model)
        assert missing[i] == pytest.approx(single.missing, rel=1e-6)
        assert loglik[i] == pytest.approx(single.loglik, abs=1e-6)


def test_model_without_finite_estimate_is_never_chosen(load: Load) -> None:
    # Lists A and C, and B and C, share no records: with an A:B term the number missed runs off
    # to infinity. It must be excluded, not reported as a huge number.
    table = load("artificial_3lists_chan2019_table2.csv")
    assert not ll.fit_fast(table, ((0, 1),)).estimable
    search = _search(table, 2)
    assert all(f.estimate < 10 * table.observed for f in search.fits)
    assert _choose(search.fits, "bic", table.observed).model == ()


def test_bootstrap_interval_contains_estimate_and_is_wider_than_profile(load: Load) -> None:
    table = load("kosovo_1999_4lists.csv")
    result = estimate_table(
        table, EstimateOptions(methods=("bic", "average"), max_order=3, bootstrap=150, seed=3)
    )
    bic = result.method("bic")
    assert bic.estimate == pytest.approx(10356.5, abs=1.0)
    assert bic.interval is not None and bic.profile_interval is not None
    assert bic.interval[0] < bic.estimate < bic.interval[1]
    # Model choice is repeated per replicate, so the interval includes model uncertainty.
    assert bic.interval[1] - bic.interval[0] > bic.profile_interval[1] - bic.profile_interval[0]
    assert bic.draws is not None and bic.draws.size == 150
    average = result.method("average")
    assert 10356 < average.estimate < 16942
    assert result.models[0]["estimate"] == pytest.approx(10356.5, abs=1.0)


def test_greedy_search_finishes_on_ten_lists() -> None:
    rng = np.random.default_rng(0)
    from dalil.estimate.table import CaptureTable, all_patterns

    pats = all_patterns(10)
    # Independent lists with capture rates 0.2..0.4 on 3,000 people.
    probs = np.linspace(0.2, 0.4, 10)
    people = rng.random((3000, 10)) < probs
    codes = people.astype(np.int64) @ (1 << np.arange(10))
    counts = np.bincount(codes, minlength=1024)[1:].astype(np.int64)
    table = CaptureTable(tuple(f"L{i}" for i in range(10)), counts)
    assert pats.shape[0] == counts.size
    step = ll.stepwise_uk(table)
    assert 2000 < step.estimate < 4500
