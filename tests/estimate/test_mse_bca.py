"""BCa bootstrap intervals: the formula against scipy's, and against published intervals."""

from __future__ import annotations

import numpy as np
import pytest
from scipy import stats

from dalil.errors import InputError
from dalil.estimate.core import EstimateOptions, _bca, _jackknife_tables, estimate_table
from dalil.estimate.table import CaptureTable


def test_bca_matches_scipy_on_a_skewed_mean() -> None:
    """The mean of 40 exponential draws: skewed, so BCa moves away from the percentile interval.
    With the same statistic, our formula on our own resamples must agree with scipy's BCa."""
    rng = np.random.default_rng(5)
    data = rng.exponential(1.0, 40)
    draws = rng.choice(data, (20_000, data.size)).mean(axis=1)
    leave_one_out = (data.sum() - data) / (data.size - 1)
    ours = _bca(draws, float(data.mean()), leave_one_out, np.ones(data.size), 0.95)
    theirs = stats.bootstrap(
        (data,), np.mean, method="BCa", n_resamples=20_000, random_state=6
    ).confidence_interval
    assert ours is not None
    assert ours[0] == pytest.approx(theirs.low, rel=0.02)
    assert ours[1] == pytest.approx(theirs.high, rel=0.02)
    percentile = np.quantile(draws, [0.025, 0.975])
    assert ours[1] > percentile[1]  # right skew: BCa reaches further up


def test_bca_equals_percentile_without_bias_or_skew() -> None:
    rng = np.random.default_rng(1)
    draws = rng.normal(100, 10, 50_000)
    jack = np.array([99.0, 101.0, 100.0])  # symmetric: no acceleration
    ours = _bca(draws, 100.0, jack, np.ones(3), 0.95)
    assert ours is not None
    assert ours[0] == pytest.approx(np.quantile(draws, 0.025), rel=0.003)
    assert ours[1] == pytest.approx(np.quantile(draws, 0.975), rel=0.003)


def test_jackknife_tables_leave_out_one_person_per_pattern() -> None:
    table = CaptureTable(("A", "B"), np.array([5, 0, 2], dtype=np.int64))
    tables, weights = _jackknife_tables(table)
    assert tables.tolist() == [[4, 0, 2], [5, 0, 1]]
    assert weights.tolist() == [5, 2]


def test_both_intervals_reported_and_bca_selectable(load) -> None:  # type: ignore[no-untyped-def]
    table = load("korea_comfort_women_palembang_3lists.csv")
    base = {"methods": ("bic",), "bootstrap": 200, "seed": 3}
    shown = estimate_table(table, EstimateOptions(**base, bootstrap_interval="bca")).methods[0]
    default = estimate_table(table, EstimateOptions(**base)).methods[0]
    assert "BCa" in shown.interval_kind
    assert shown.diagnostics["bca_interval"] == pytest.approx(list(shown.interval), abs=0.1)
    assert shown.diagnostics["percentile_interval"] == default.diagnostics["percentile_interval"]
    with pytest.raises(InputError):
        EstimateOptions(bootstrap_interval="studentised")


@pytest.mark.slow
def test_bca_close_to_published_kosovo(load) -> None:  # type: ignore[no-untyped-def]
    """Silverman, Chan and Vincent (2024), Table 6: BIC over models up to order 3, BCa 95%
    [6,947, 18,010]. The percentile interval of the same replicates is [8,288, 22,285]."""
    table = load("kosovo_1999_4lists.csv")
    options = EstimateOptions(methods=("bic",), max_order=3, bootstrap=400, seed=1, bootstrap_interval="bca")
    low, high = estimate_table(table, options).methods[0].interval or (0.0, 0.0)
    assert low == pytest.approx(6947, rel=0.1)
    assert high == pytest.approx(18010, rel=0.12)
