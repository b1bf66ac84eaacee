"""Bayesian latent-class capture-recapture (LCMCR; Manrique-Vallier 2016, Biometrics 72:1246).

Each person belongs to one of K latent classes; within a class the lists record people
independently, list j with probability lambda[j, k]. Class weights follow a truncated stick-
breaking (Dirichlet-process) prior with concentration alpha ~ Gamma(a, b); lambda ~ Beta(1, 1);
the population size N has the prior p(N) ~ 1/N. The Gibbs sampler is the paper's data-
augmentation scheme, run on the aggregated capture patterns: the people sharing a pattern are
allocated to classes with one multinomial draw, so a sweep costs O(patterns x K), not O(people).

Several chains are run side by side in the same array operations (the chain is the leading
axis), which makes extra chains nearly free and gives R-hat and effective sample size.
"""

from __future__ import annotations

import math
from collections.abc import Callable
from dataclasses import dataclass

import numpy as np
import numpy.typing as npt
from scipy.stats import nbinom

from dalil.estimate.table import CaptureTable

FloatArray = npt.NDArray[np.float64]

RHAT_LIMIT = 1.1
ESS_MINIMUM = 100.0


@dataclass(frozen=True)
class LcmcrSettings:
    k: int = 10
    burnin: int = 10_000
    samples: int = 1_000
    thinning: int = 100
    chains: int = 4
    a_alpha: float = 0.25
    b_alpha: float = 0.25
    seed: int = 0
    # The undocumented n0 are capped at cap_ratio x observed, as the R package does (20): the
    # prior is 1/N on [n, (1 + cap_ratio) n], which keeps the posterior proper when the lists
    # cannot bound N. 0 removes the cap.
    cap_ratio: int = 20


def missing_cap(settings: LcmcrSettings, observed: int) -> int:
    """Largest number of undocumented people the sampler allows (-1: no cap)."""
    return settings.cap_ratio * observed if settings.cap_ratio > 0 else -1


@dataclass(frozen=True)
class LcmcrResult:
    draws: FloatArray  # (chains, samples) of population size N
    observed: int
    rhat: float
    ess: float
    settings: LcmcrSettings

    @property
    def pooled(self) -> FloatArray:
        return self.draws.reshape(-1)

    @property
    def cap(self) -> int:
        """Largest population the sampler allows (-1: no bound)."""
        extra = missing_cap(self.settings, self.observed)
        return -1 if extra < 0 else self.observed + extra

    def share_near_cap(self) -> float:
        """Share of draws in the top tenth of the allowed range [observed, cap]."""
        if self.cap < 0:
            return 0.0
        edge = self.cap - 0.1 * (self.cap - self.observed)
        return float((self.pooled >= edge).mean())

    def hits_cap(self) -> bool:
        """True when the posterior leans on the bound: 2.5% or more of the draws lie in the
        top tenth of the allowed range, so the upper end of the 95% interval is the bound's."""
        return self.share_near_cap() >= 0.025

    @property
    def converged(self) -> bool:
        return (self.settings.chains < 2 or self.rhat <= RHAT_LIMIT) and self.ess >= ESS_MINIMUM

    def median(self) -> float:
        return float(np.median(self.pooled))

    def interval(self, level: float = 0.95) -> tuple[float, float]:
        tail = (1 - level) / 2
        low, high = np.quantile(self.pooled, [tail, 1 - tail])
        return float(low), float(high)


def _log_gamma(rng: np.random.Generator, shape: FloatArray) -> FloatArray:
    """log of Gamma(shape, 1) draws, exact when the draw itself would underflow.

    Why: see :func:`dalil.estimate._lcmcr_kernel._log_gamma` (stick fractions of empty classes
    round to 1 in double precision when alpha is small). Gamma(a) = Gamma(a + 1) U^(1/a).
    """
    small = shape < 1.0
    g = rng.standard_gamma(np.where(small, shape + 1.0, shape))
    u = 1.0 - rng.random(shape.shape)  # in (0, 1]
    return np.log(g) + np.where(small, np.log(u) / np.where(small, shape, 1.0), 0.0)


def _stick_breaking_log(log_v: FloatArray, log_1mv: FloatArray) -> FloatArray:
    """log class weights from the logs of the K - 1 stick fractions V and of 1 - V."""
    if log_v.shape[1] == 0:  # one class: weight 1
        return np.zeros((log_v.shape[0], 1))
    before = np.cumsum(log_1mv, axis=1)  # log of the stick left after class k
    log_pi = np.empty((log_v.shape[0], log_v.shape[1] + 1))
    log_pi[:, :-1] = log_v
    log_pi[:, 1:-1] += before[:, :-1]
    log_pi[:, -1] = before[:, -1]
    return log_pi


def _swap_numpy(
    n_k: FloatArray,
    caught: FloatArray,
    chain: npt.NDArray[np.int64],
    a: npt.NDArray[np.int64],
    b: npt.NDArray[np.int64],
) -> None:
    """Swap classes a and b (per chain) in the class sizes and the per-list counts."""
    n_k[chain, a], n_k[chain, b] = n_k[chain, b], n_k[chain, a].copy()
    caught[chain, :, a], caught[chain, :, b] = caught[chain, :, b], caught[chain, :, a].copy()


def _truncated_negative_binomial(
    rng: np.random.Generator, n: int, p0: FloatArray, cap: int
) -> npt.NDArray[np.int64]:
    """NegBin(n, 1 - p0) draws truncated to <= cap (cap < 0: none), by rejection as in R."""
    out = rng.negative_binomial(n, 1.0 - p0)
    if cap < 0:
        return out
    for _ in range(32):
        bad = out > cap
        if not bad.any():
            return out
        out[bad] = rng.negative_binomial(n, 1.0 - p0[bad])
    # Most of the mass lies above the cap, where rejection would loop for long: draw from the
    # truncated pmf directly (rare, so a full pmf over 0..cap is affordable).
    support = np.arange(cap + 1)
    for i in np.flatnonzero(out > cap):
        logpmf = nbinom.logpmf(support, n, 1.0 - p0[i])
        w = np.exp(logpmf - logpmf.max())
        out[i] = rng.choice(support, p=w / w.sum())
    return out


def run_lcmcr(
    table: CaptureTable,
    settings: LcmcrSettings | None = None,
    progress: Callable[[int, int], None] | None = None,
    engine: str = "auto",
) -> LcmcrResult:
    """Sample the posterior of the population size.

    ``engine`` is "compiled" (the numba kernel in :mod:`dalil.estimate._lcmcr_kernel`),
    "numpy" (chains vectorised in numpy, about ten times slower) or "auto" (compiled when numba
    is installed).
    """
    s = settings or LcmcrSettings()
    if engine == "auto":
        try:
            import numba  # noqa: F401
        except ImportError:
            engine = "numpy"
        else:
            engine = "compiled"
    if engine == "compiled":
        from dalil.estimate._lcmcr_kernel import run_chains

        y_all = table.counts.astype(np.int64)
        keep = y_all > 0
        draws = run_chains(table.patterns[keep].astype(np.int64), y_all[keep], s, progress=progress)
        return LcmcrResult(draws, int(y_all.sum()), rhat(draws), ess(draws), s)
    return _run_numpy(table, s, progress)


def _run_numpy(
    table: CaptureTable, s: LcmcrSettings, progress: Callable[[int, int], None] | None
) -> LcmcrResult:
    rng = np.random.default_rng(s.seed)
    x = table.patterns.astype(np.float64)  # (P, J)
    y = table.counts.astype(np.int64)  # (P,)
    keep = y > 0
    x, y = x[keep], y[keep]  # patterns nobody has carry no information for the allocation step
    n_obs = int(y.sum())
    c, k, j = s.chains, s.k, table.n_lists
    xt = x.T  # (J, P)

    # Initial state: lambda near the observed list rates, equal classes, alpha = 1.
    rate = np.clip(xt @ y / max(n_obs, 1), 0.05, 0.95)
    lam = np.clip(rate[None, :, None] + rng.uniform(-0.05, 0.05, (c, j, k)), 0.01, 0.99)
    v = rng.uniform(0.0, 1.0, (c, k - 1))
    log_v, log_1mv = np.log(v), np.log1p(-v)
    chain = np.arange(c)
    alpha = np.ones(c)
    cap = missing_cap(s, n_obs)
    y_b = np.broadcast_to(y, (c, len(y)))

    total = s.burnin + s.samples * s.thinning
    draws = np.empty((c, s.samples))
    out = 0
    report_every = max(total // 100, 1)
    for it in range(total):
        log_pi = _stick_breaking_log(log_v, log_1mv)
        pi = np.maximum(np.exp(log_pi), 1e-300)
        log_lam = np.log(lam)
        log_not = np.log1p(-lam)
        # (C, P, K): log P(pattern | class) + log weight.
        logp = x @ log_lam + (1.0 - x) @ log_not + log_pi[:, None, :]
        logp -= logp.max(axis=2, keepdims=True)
        prob = np.exp(logp)
        prob /= prob.sum(axis=2, keepdims=True)
        alloc = rng.multinomial(y_b, prob)  # (C, P, K) people per pattern and class

        # Undocumented people: how many, then their classes.
        miss_k = pi * np.exp(log_not.sum(axis=1))  # (C, K)
        p0 = np.clip(miss_k.sum(axis=1), 1e-300, 1 - 1e-12)
        n0 = _truncated_negative_binomial(rng, n_obs, p0, cap)
        miss_alloc = rng.multinomial(n0, miss_k / miss_k.sum(axis=1, keepdims=True))  # (C, K)

        n_k = alloc.sum(axis=1) + miss_alloc  # (C, K)
        caught = xt @ alloc  # (C, J, K)
        if k >= 2:  # label moves; why: see the compiled kernel
            a = rng.integers(0, k, c)
            b = rng.integers(0, k - 1, c)
            b += b >= a
            log_accept = (n_k[chain, b] - n_k[chain, a]) * (log_pi[chain, a] - log_pi[chain, b])
            ok = np.log(rng.random(c)) < log_accept
            _swap_numpy(n_k, caught, chain[ok], a[ok], b[ok])
        if k >= 3:
            a = rng.integers(0, k - 2, c)
            b = a + 1
            log_accept = n_k[chain, a] * log_1mv[chain, b] - n_k[chain, b] * log_1mv[chain, a]
            ok = np.log(rng.random(c)) < log_accept
            _swap_numpy(n_k, caught, chain[ok], a[ok], b[ok])
            for sticks in (log_v, log_1mv):
                sticks[chain[ok], a[ok]], sticks[chain[ok], b[ok]] = (
                    sticks[chain[ok], b[ok]],
                    sticks[chain[ok], a[ok]].copy(),
                )
        lam = rng.beta(1.0 + caught, 1.0 + n_k[:, None, :] - caught)
        lam = np.clip(lam, 1e-12, 1 - 1e-12)

        tail = np.cumsum(n_k[:, ::-1], axis=1)[:, ::-1]  # people in class k or later
        after = np.concatenate([tail[:, 1:], np.zeros((c, 1))], axis=1)[:, :-1]
        # V_k ~ Beta(1 + n_k, alpha + later) as two log-gammas, so log(1 - V_k) stays exact.
        g1 = _log_gamma(rng, 1.0 + n_k[:, :-1])
        g2 = _log_gamma(rng, alpha[:, None] + after)
        both = np.logaddexp(g1, g2)
        log_v, log_1mv = g1 - both, g2 - both
        alpha = rng.gamma(s.a_alpha + k - 1, 1.0 / (s.b_alpha - log_1mv.sum(axis=1)))

        if it >= s.burnin and (it - s.burnin + 1) % s.thinning == 0:
            draws[:, out] = n_obs + n0
            out += 1
        if progress is not None and (it + 1) % report_every == 0:
            progress(it + 1, total)
    return LcmcrResult(draws, n_obs, rhat(draws), ess(draws), s)


def rhat(draws: FloatArray) -> float:
    """Split-chain potential scale reduction (Gelman et al., BDA3 11.4) on log N."""
    chains, n = draws.shape
    if chains < 2 and n < 4:
        return math.nan
    half = n // 2
    z = np.log(draws[:, : 2 * half]).reshape(chains * 2, half)
    within = z.var(axis=1, ddof=1).mean()
    between = half * z.mean(axis=1).var(ddof=1)
    if within == 0:
        return 1.0 if between == 0 else math.inf
    var_plus = (half - 1) / half * within + between / half
    return float(math.sqrt(var_plus / within))


def ess(draws: FloatArray) -> float:
    """Effective sample size over all chains (Geyer's initial positive sequence, BDA3 11.5)."""
    chains, n = draws.shape
    z = np.log(draws)
    z = z - z.mean(axis=1, keepdims=True)
    var = z.var(axis=1).mean()
    if var == 0 or n < 4:
        return float(chains * n)
    size = 1 << (2 * n - 1).bit_length()
    spec = np.fft.rfft(z, size, axis=1)
    acov = np.fft.irfft(spec * np.conj(spec), size, axis=1)[:, :n] / n
    rho = acov.mean(axis=0) / var
    total = 0.0
    for t in range(0, n - 1, 2):
        pair = rho[t] + rho[t + 1]
        if pair < 0:
            break
        total += pair
    tau = max(2 * total - 1, 1.0 / math.log10(max(chains * n, 10)))
    return float(chains * n / tau)
