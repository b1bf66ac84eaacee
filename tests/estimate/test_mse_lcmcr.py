"""LCMCR against the reference runs of the R package (reference_lcmcr_runs.csv).

Default runs are short and seeded; the full reference configuration runs under `-m slow`.
"""

from __future__ import annotations

import csv
from pathlib import Path

import numpy as np
import pytest
from tests.estimate.conftest import Load

from dalil.estimate.lcmcr import LcmcrSettings, ess, rhat, run_lcmcr

SHORT = LcmcrSettings(burnin=5000, samples=1000, thinning=20, chains=2, seed=1)


def _reference(bench_dir: Path) -> dict[str, list[dict[str, float]]]:
    out: dict[str, list[dict[str, float]]] = {}
    with (bench_dir / "reference_lcmcr_runs.csv").open() as fh:
        for row in csv.DictReader(fh):
            out.setdefault(row["dataset"], []).append({k: float(row[k]) for k in ("median", "q025", "q975")})
    return out


@pytest.mark.parametrize(
    "name",
    [
        "kosovo_1999_4lists.csv",
        "korea_comfort_women_palembang_3lists.csv",
        "dga_madigan_york_3lists.csv",
    ],
)
def test_short_run_in_line_with_reference(load: Load, bench_dir: Path, name: str) -> None:
    ref = _reference(bench_dir)[name]
    result = run_lcmcr(load(name), SHORT)
    medians = [r["median"] for r in ref]
    assert min(medians) * 0.95 <= result.median() <= max(medians) * 1.05
    low, high = result.interval()
    assert low == pytest.approx(np.mean([r["q025"] for r in ref]), rel=0.08)
    assert high == pytest.approx(np.mean([r["q975"] for r in ref]), rel=0.15)
    assert result.draws.shape == (2, 1000)
    assert (result.draws >= result.observed).all()


def test_numpy_and_compiled_samplers_agree(load: Load) -> None:
    table = load("korea_comfort_women_palembang_3lists.csv")
    settings = LcmcrSettings(burnin=2000, samples=1000, thinning=3, chains=2, seed=5)
    compiled = run_lcmcr(table, settings, engine="compiled")
    numpy_run = run_lcmcr(table, settings, engine="numpy")
    assert compiled.median() == pytest.approx(numpy_run.median(), rel=0.03)
    assert compiled.interval()[1] == pytest.approx(numpy_run.interval()[1], rel=0.2)


def test_runs_repeat_with_the_same_seed(load: Load) -> None:
    table = load("korea_comfort_women_palembang_3lists.csv")
    settings = LcmcrSettings(burnin=500, samples=100, thinning=2, chains=2, seed=9)
    a, b = run_lcmcr(table, settings), run_lcmcr(table, settings)
    assert np.array_equal(a.draws, b.draws)


def test_rhat_and_ess_on_known_chains() -> None:
    rng = np.random.default_rng(0)
    iid = np.exp(rng.normal(8, 0.1, (4, 1000)))
    assert rhat(iid) == pytest.approx(1.0, abs=0.01)
    assert 3000 < ess(iid) <= 4500
    stuck = np.exp(np.vstack([rng.normal(8, 0.01, 1000), rng.normal(9, 0.01, 1000)]))
    assert rhat(stuck) > 2
    walk = np.exp(8 + np.cumsum(rng.normal(0, 0.01, (2, 1000)), axis=1))
    assert ess(walk) < 100


def test_unconverged_chain_is_flagged(load: Load) -> None:
    tiny = LcmcrSettings(burnin=10, samples=30, thinning=1, chains=2, seed=2)
    result = run_lcmcr(load("uk_modern_slavery_2013_5lists.csv"), tiny)
    assert not result.converged


# Tables whose posterior has modes a single chain may or may not find; the R package's own
# seeds 1-4 split on them too (UK 4 lists: a low mode in the 2.5% quantile; UK 5 lists: seed 2
# at 12,918 against ~22,000; Netherlands 5 lists: seed 3 at 142,106 against ~49,000).
MULTIMODAL = ("uk_modern_slavery_2013", "netherlands_trafficking")


@pytest.mark.slow
def test_full_reference_configuration(load: Load, bench_dir: Path) -> None:
    """K=10, 10,000 burn-in, 1,000 samples thinned by 100, on every table whose two reference
    seeds agree (where they disagree the posterior is multimodal and no single run can match).
    Median within 3% of the reference medians' mean (the spread between seeds is ~1-2%), and
    the 2.5% and 97.5% quantiles within 8% of R's. Before the stick-breaking fix Dalil's
    Western US median was ~6% high (1,960 against 1,845)."""
    refs = _reference(bench_dir)
    for name, runs in refs.items():
        medians = [r["median"] for r in runs]
        if max(medians) > 1.1 * min(medians) or name.startswith(MULTIMODAL):
            continue
        result = run_lcmcr(load(name), LcmcrSettings(chains=2, seed=11))
        assert result.median() == pytest.approx(float(np.mean(medians)), rel=0.03), name
        low, high = result.interval()
        assert low == pytest.approx(float(np.mean([r["q025"] for r in runs])), rel=0.08), name
        assert high == pytest.approx(float(np.mean([r["q975"] for r in runs])), rel=0.08), name
