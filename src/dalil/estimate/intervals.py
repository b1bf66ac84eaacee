"""Bootstrap intervals: percentile, and bias-corrected and accelerated (BCa).

BCa (Efron 1987; DiCiccio and Efron 1996) is what the published multiple systems estimates use
(Chan, Silverman and Vincent 2021; Silverman, Chan and Vincent 2024). When the model is chosen
afresh on every replicate, the replicates are skewed: most replicates pick a model close to the
original one, a few pick a richer model with a far larger estimate. The percentile interval then
sits almost wholly above the estimate; BCa corrects for that bias (z0, from the share of
replicates below the estimate) and for how the spread changes with the size of the estimate (the
acceleration a, from a jackknife that leaves out one recorded person at a time).

Hand-written because scipy.stats.bootstrap resamples the data itself and calls the statistic once
per resample; here the replicates are whole capture tables whose model searches run batched, and
the jackknife runs through that same batched search.
"""

from __future__ import annotations

import numpy as np
import numpy.typing as npt
from scipy.stats import norm

FloatArray = npt.NDArray[np.float64]

INTERVAL_KINDS = ("bca", "percentile")


def percentile_interval(draws: FloatArray, level: float) -> tuple[float, float] | None:
    finite = draws[np.isfinite(draws)]
    if finite.size < 10:
        return None
    tail = (1 - level) / 2
    low, high = np.quantile(finite, [tail, 1 - tail])
    return float(low), float(high)


def jackknife_tables(counts: npt.NDArray[np.int64]) -> tuple[FloatArray, FloatArray]:
    """One table per non-empty capture pattern with one person of that pattern left out, and
    how many people each stands for (everyone in a cell gives the same leave-one-out table)."""
    cells = np.nonzero(counts)[0]
    tables = np.tile(counts.astype(np.float64), (cells.size, 1))
    tables[np.arange(cells.size), cells] -= 1
    return tables, counts[cells].astype(np.float64)


def acceleration(values: FloatArray, weights: FloatArray) -> float | None:
    """The BCa acceleration from leave-one-out estimates weighted by how many people each stands
    for; None when the jackknife failed somewhere (an estimate that does not exist)."""
    if values.size == 0 or not np.isfinite(values).all():
        return None
    mean = float(np.sum(weights * values) / weights.sum())
    d = mean - values
    spread = float(np.sum(weights * d**2))
    if spread <= 0:
        return 0.0
    return float(np.sum(weights * d**3) / (6 * spread**1.5))


def bca_interval(
    draws: FloatArray, estimate: float, accel: float, level: float
) -> tuple[float, float] | None:
    finite = draws[np.isfinite(draws)]
    if finite.size < 10:
        return None
    below = (np.sum(finite < estimate) + 0.5 * np.sum(finite == estimate)) / finite.size
    if below <= 0 or below >= 1:
        # Every replicate on one side of the estimate: the bias correction is infinite.
        return None
    z0 = float(norm.ppf(below))
    tail = (1 - level) / 2
    z = norm.ppf([tail, 1 - tail])
    shifted = z0 + (z0 + z) / (1 - accel * (z0 + z))
    probs = norm.cdf(shifted)
    low, high = np.quantile(finite, probs)
    return float(low), float(high)
