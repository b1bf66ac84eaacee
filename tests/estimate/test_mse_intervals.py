"""BCa bootstrap intervals: the formula, and agreement with the published BCa intervals."""

from __future__ import annotations

import numpy as np
import pytest
from tests.estimate.conftest import Load

from dalil.errors import InputError
from dalil.estimate import EstimateOptions
from dalil.estimate.core import estimate_table
from dalil.estimate.intervals import (
    acceleration,
    bca_interval,
    jackknife_tables,
    percentile_interval,
)


def test_bca_equals_percentile_without_bias_or_acceleration() -> None:
    draws = np.random.default_rng(1).normal(100.0, 10.0, 20001)
    median = float(np.median(draws))
    bca = bca_interval(draws, median, 0.0, 0.95)
    pct = percentile_interval(draws, 0.95)
    assert bca is not None and pct is not None
    assert bca == pytest.approx(pct, abs=0.05)


def test_bca_moves_down_when_most_replicates_lie_above_the_estimate() -> None:
    # Model choice repeated on replicates: most land near the estimate, some far above.
    rng = np.random.default_rng(2)
    draws = np.concatenate([rng.normal(1000, 60, 800), rng.normal(4000, 800, 200)])
    bca = bca_interval(draws, 950.0, 0.0, 0.95)
    pct = percentile_interval(draws, 0.95)
    assert bca is not None and pct is not None
    assert bca[0] < pct[0] and bca[1] < pct[1]
    assert bca[0] < 950 < bca[1]


def test_bca_refuses_when_every_replicate_is_on_one_side() -> None:
    assert bca_interval(np.arange(100.0, 200.0), 50.0, 0.0, 0.95) is None


def test_jackknife_leaves_out_one_person_per_pattern() -> None:
    tables, weights = jackknife_tables(np.array([3, 0, 2]))
    assert tables.tolist() == [[2, 0, 2], [3, 0, 1]]
    assert weights.tolist() == [3, 2]
    assert acceleration(np.array([1.0, np.nan]), weights) is None
    assert acceleration(np.array([5.0, 5.0]), weights) == 0.0


def test_kosovo_bca_is_near_the_published_interval(load: Load) -> None:
    # Silverman, Chan and Vincent (2024), Table 6: BIC up to order 3, 10,357 BCa [6,947, 18,010].
    table = load("kosovo_1999_4lists.csv")
    opts = EstimateOptions(methods=("bic",), max_order=3, bootstrap=300, seed=0)
    bca = estimate_table(table, opts, None).method("bic")
    pct = estimate_table(
        table, EstimateOptions(methods=("bic",), max_order=3, bootstrap=300, seed=0, interval="percentile"),
        None,
    ).method("bic")
    assert round(bca.estimate) == 10357
    assert bca.interval is not None and pct.interval is not None
    assert "BCa" in bca.interval_kind and "percentile" in pct.interval_kind
    assert bca.interval[0] == pytest.approx(6947, rel=0.08)
    assert bca.interval[1] == pytest.approx(18010, rel=0.08)
    # The percentile interval is the one that misses: it sits too high on both ends.
    assert pct.interval[0] > 7500 and pct.interval[1] > 20000


def test_unknown_interval_kind_is_refused() -> None:
    with pytest.raises(InputError, match="interval must be one of"):
        EstimateOptions(interval="normal")
