"""Log-linear (Poisson) models of capture tables.

Each observable capture pattern's count is Poisson with log mean = intercept + one effect per list
+ interaction terms for groups of lists. With 0/1 coding of the lists the intercept is the log of
the expected count of the unobserved pattern, so the estimated population is
``observed + exp(intercept)``. Models are hierarchical: a three-list term comes only with its
two-list terms. The interaction of all lists together cannot be estimated and is never used.

statsmodels' GLM fits the reported models. Model search and the bootstrap fit thousands of small
models (113 models x 1,000 replicates for Kosovo), where statsmodels' per-fit overhead (~5 ms)
would dominate, so they use the small Newton solver below, batched over bootstrap replicates;
a test checks that it agrees with statsmodels.
"""

from __future__ import annotations

import itertools
import math
import warnings
from collections.abc import Iterator, Sequence
from dataclasses import dataclass

import numpy as np
import numpy.typing as npt
import statsmodels.api as sm
from scipy import optimize, stats

from dalil.errors import InputError
from dalil.estimate.table import CaptureTable

FloatArray = npt.NDArray[np.float64]
Term = tuple[int, ...]
Model = tuple[Term, ...]

# A model whose intercept (log of the number missed) has a standard error above this has no
# finite estimate: the likelihood keeps rising as the number missed grows (e.g. a list that shares
# no records with the others, once its pairs with them are modelled). On the published tables,
# models with an estimate have standard errors below 1 and those without have above 10^5.
MAX_INTERCEPT_SE = 10.0

# An exhaustive search (and its repetition on every bootstrap replicate) is used while
# models x capture patterns stays below this; beyond it the downhill search is used. 1,024
# models of five lists (31 patterns) or of six (63) are searched exhaustively; eight lists
# (255 patterns) are searched downhill, as Silverman, Chan and Vincent (2024) do.
EXHAUSTIVE_LIMIT = 5000
EXHAUSTIVE_BUDGET = 100_000
_CHI2_95 = float(stats.chi2.ppf(0.95, 1))


def all_terms(n_lists: int, max_order: int) -> list[Term]:
    """Interaction terms of 2..max_order lists, smaller terms first."""
    return [
        term for order in range(2, max_order + 1) for term in itertools.combinations(range(n_lists), order)
    ]


def _parents(term: Term) -> list[Term]:
    if len(term) <= 2:
        return []
    return [tuple(t) for t in itertools.combinations(term, len(term) - 1)]


def is_hierarchical(model: Model) -> bool:
    present = set(model)
    return all(p in present for term in model for p in _parents(term))


def hierarchical_models(
    n_lists: int,
    max_order: int,
    limit: int | None = None,
    allowed: set[Term] | None = None,
) -> list[Model]:
    """Every hierarchical model with terms up to ``max_order`` (main effects always in), using
    only ``allowed`` terms if given.

    Returns an empty list if there are more than ``limit`` models (the caller then searches
    downhill instead of exhaustively).
    """
    terms = [t for t in all_terms(n_lists, max_order) if allowed is None or t in allowed]
    models: list[Model] = []

    def walk(i: int, chosen: list[Term], present: set[Term]) -> bool:
        if i == len(terms):
            models.append(tuple(chosen))
            return limit is None or len(models) <= limit
        term = terms[i]
        if not walk(i + 1, chosen, present):
            return False
        if all(p in present for p in _parents(term)):
            chosen.append(term)
            present.add(term)
            ok = walk(i + 1, chosen, present)
            chosen.pop()
            present.discard(term)
            return ok
        return True

    complete = walk(0, [], set())
    return models if complete else []


def design_matrix(patterns: npt.NDArray[np.int64], model: Model) -> FloatArray:
    """Columns: intercept, one per list, one per interaction term (product of its lists)."""
    cols = [np.ones(len(patterns)), *patterns.T.astype(np.float64)]
    cols.extend(np.prod(patterns[:, list(term)], axis=1).astype(np.float64) for term in model)
    return np.column_stack(cols)


def term_name(lists: Sequence[str], term: Term) -> str:
    return ":".join(lists[i] for i in term)


def admissible(table: CaptureTable, model: Model) -> bool:
    """A term whose lists share no records has no finite estimate: the model is refused."""
    return all(table.overlap(term) > 0 for term in model)


# ---------------------------------------------------------------------------------------------
# Fitting


@dataclass(frozen=True)
class Fit:
    model: Model
    params: FloatArray
    cov: FloatArray
    loglik: float
    n_params: int
    observed: int
    converged: bool

    @property
    def missing(self) -> float:
        return math.exp(self.params[0]) if self.params[0] < 700 else math.inf

    @property
    def estimate(self) -> float:
        return self.observed + self.missing

    @property
    def estimable(self) -> bool:
        """Converged, with a finite estimate of the number missed."""
        se = self.cov[0, 0]
        return (
            self.converged
            and math.isfinite(self.missing)
            and math.isfinite(se)
            and math.sqrt(max(se, 0.0)) <= MAX_INTERCEPT_SE
        )

    def aic(self) -> float:
        return -2 * self.loglik + 2 * self.n_params

    def bic(self, n_people: int) -> float:
        return -2 * self.loglik + math.log(n_people) * self.n_params

    def p_value(self, column: int) -> float:
        se = math.sqrt(max(self.cov[column, column], 0.0))
        if se == 0 or not math.isfinite(se):
            return 1.0
        return float(2 * stats.norm.sf(abs(self.params[column] / se)))


def _loglik(y: FloatArray, mu: FloatArray, const: float) -> float:
    with np.errstate(divide="ignore", invalid="ignore"):
        ylogmu = np.where(y > 0, y * np.log(mu), 0.0)
    return float(ylogmu.sum() - mu.sum() - const)


def _lgamma_const(y: FloatArray) -> float:
    from scipy.special import gammaln

    return float(gammaln(y + 1).sum())


def newton_poisson(
    x: FloatArray,
    y: FloatArray,
    offset: FloatArray | None = None,
    start: FloatArray | None = None,
    max_iter: int = 100,
    tol: float = 1e-10,
) -> tuple[FloatArray, FloatArray, bool]:
    """Poisson log-link maximum likelihood by iteratively reweighted least squares.

    Returns coefficients, fitted means and whether it converged. Mirrors glm's start (y + 0.1).
    """
    off = np.zeros(len(y)) if offset is None else offset
    if start is None:
        mu = y + 0.1
        eta = np.log(mu)
        z = eta - off
        w = mu
        beta = np.linalg.lstsq(x * np.sqrt(w)[:, None], z * np.sqrt(w), rcond=None)[0]
    else:
        beta = start.copy()
    dev_old = math.inf
    for _ in range(max_iter):
        eta = np.clip(x @ beta + off, -700, 700)
        mu = np.exp(eta)
        with np.errstate(divide="ignore", invalid="ignore"):
            dev = float(2 * (np.where(y > 0, y * np.log(y / mu), 0.0) - (y - mu)).sum())
        if abs(dev - dev_old) <= tol * (abs(dev) + 0.1):
            return np.asarray(beta, dtype=np.float64), mu, True
        dev_old = dev
        z = eta - off + (y - mu) / mu
        xw = x * mu[:, None]
        # A fit running off to infinity (no finite estimate) overflows here; it is then reported
        # as not converged, or caught by Fit.estimable, so the warning itself says nothing new.
        with np.errstate(over="ignore", invalid="ignore"):
            xtwx, rhs = xw.T @ x, xw.T @ z
        try:
            beta = np.linalg.solve(xtwx, rhs)
        except np.linalg.LinAlgError:
            beta = np.linalg.lstsq(xtwx, rhs, rcond=None)[0]
        if not np.isfinite(beta).all():
            break
    mu = np.exp(np.clip(x @ beta + off, -700, 700))
    return np.asarray(beta, dtype=np.float64), mu, False


def fit_fast(table: CaptureTable, model: Model, near: Fit | None = None) -> Fit:
    """Fit with the small solver (for searches). ``near``: a fit of a neighbouring model, whose
    coefficients start the iterations (searches move one term at a time, so this saves most
    of them)."""
    y = table.counts.astype(np.float64)
    x = design_matrix(table.patterns, model)
    start = None
    if near is not None and near.converged and np.isfinite(near.params).all():
        head = 1 + table.n_lists
        old = dict(zip(near.model, near.params[head:], strict=True))
        start = np.concatenate([near.params[:head], [old.get(t, 0.0) for t in model]])
    beta, mu, ok = newton_poisson(x, y, start=start)
    if not ok and start is not None:
        beta, mu, ok = newton_poisson(x, y)
    xw = x * mu[:, None]
    try:
        cov = np.asarray(np.linalg.inv(xw.T @ x), dtype=np.float64)
    except np.linalg.LinAlgError:
        cov = np.full((x.shape[1], x.shape[1]), np.inf)
    return Fit(model, beta, cov, _loglik(y, mu, _lgamma_const(y)), x.shape[1], table.observed, ok)


def fitted_means(table: CaptureTable, fit: Fit) -> FloatArray:
    """Expected count of every observable capture pattern under the fitted model."""
    x = design_matrix(table.patterns, fit.model)
    return np.exp(np.clip(x @ fit.params, -700, 700))


def fit_glm(table: CaptureTable, model: Model) -> Fit:
    """Fit with statsmodels' GLM (for the models that are reported)."""
    y = table.counts.astype(np.float64)
    x = design_matrix(table.patterns, model)
    with warnings.catch_warnings():
        # A saturated model (as many terms as cells) fits every cell exactly; statsmodels then
        # warns of "perfect separation" and a zero residual scale, which is expected here.
        warnings.simplefilter("ignore", category=RuntimeWarning)
        warnings.filterwarnings("ignore", message=".*[Pp]erfect separation.*")
        result = sm.GLM(y, x, family=sm.families.Poisson()).fit()
    converged = bool(getattr(result, "converged", True))
    return Fit(
        model,
        np.asarray(result.params, dtype=np.float64),
        np.asarray(result.cov_params(), dtype=np.float64),
        float(result.llf),
        x.shape[1],
        table.observed,
        converged,
    )


def profile_interval(table: CaptureTable, fit: Fit, level: float = 0.95) -> tuple[float, float]:
    """Profile-likelihood interval for the population: the intercept is fixed at each trial
    value and the other coefficients re-fitted; the bounds are where the likelihood-ratio
    statistic reaches the chi-square(1) quantile."""
    cutoff = float(stats.chi2.ppf(level, 1))
    y = table.counts.astype(np.float64)
    x = design_matrix(table.patterns, fit.model)
    rest = x[:, 1:]
    const = _lgamma_const(y)
    b0 = float(fit.params[0])
    if not math.isfinite(b0):
        return (math.nan, math.nan)
    start = fit.params[1:]

    def drop(t: float) -> float:
        _, mu, _ = newton_poisson(rest, y, offset=np.full(len(y), t), start=start)
        return 2 * (fit.loglik - _loglik(y, mu, const)) - cutoff

    def bound(direction: float) -> float:
        step = 0.05
        lo = b0
        for _ in range(60):
            hi = b0 + direction * step
            if hi > 30:  # more than ~1e13 undocumented: no finite bound
                return math.inf
            if drop(hi) > 0:
                root = optimize.brentq(drop, min(lo, hi), max(lo, hi), xtol=1e-10)
                return float(root)
            lo = hi
            step *= 2
        return math.inf if direction > 0 else -math.inf

    low, high = bound(-1.0), bound(1.0)

    def to_n(t: float) -> float:
        return table.observed + (math.exp(t) if t < 700 else math.inf)

    return to_n(low), to_n(high)


# ---------------------------------------------------------------------------------------------
# Model search


def _base_fit_many(table: CaptureTable, models: Sequence[Model]) -> Iterator[Fit]:
    for model in models:
        if admissible(table, model):
            yield fit_fast(table, model)


def greedy_search(table: CaptureTable, max_order: int, criterion: str) -> tuple[Fit, list[Fit]]:
    """Downhill search (Silverman, Chan and Vincent 2024) for tables too large for an
    exhaustive search: start from the model with every two-list term whose lists share records,
    then repeatedly make the single change (drop a term no higher term needs, or add one whose
    lower-order terms are present) that lowers the criterion most; stop when none does.
    Starts from independence if the full two-list model has no finite estimate."""
    n_people = table.observed

    def score(f: Fit) -> float:
        # BIC with log(number of people recorded), as in Silverman, Chan and Vincent (2024).
        return f.aic() if criterion == "aic" else f.bic(n_people)

    terms = all_terms(table.n_lists, max_order)
    pairs = tuple(p for p in itertools.combinations(range(table.n_lists), 2) if table.overlap(p) > 0)
    current = fit_fast(table, pairs)
    seen: dict[Model, Fit | None] = {pairs: current}
    if not current.estimable:
        current = fit_fast(table, ())
        seen[()] = current
    while True:
        present = set(current.model)
        candidates: list[Model] = []
        for term in terms:
            if term not in present and all(p in present for p in _parents(term)):
                candidates.append(tuple(sorted([*current.model, term], key=_term_key)))
        for term in current.model:
            if not any(term in _parents(other) for other in current.model):
                candidates.append(tuple(t for t in current.model if t != term))
        best = current
        for model in candidates:
            if model not in seen:
                seen[model] = fit_fast(table, model, near=current) if admissible(table, model) else None
            fit = seen[model]
            if fit is not None and fit.estimable and score(fit) < score(best) - 1e-9:
                best = fit
        if best is current:
            return current, [f for f in seen.values() if f is not None]
        current = best


def _term_key(term: Term) -> tuple[int, Term]:
    return (len(term), term)


def stepwise_uk(table: CaptureTable, p_threshold: float = 0.05) -> Fit:
    """The procedure of the UK 2013 estimate (Bales, Hesketh and Silverman 2015).

    From the independence model, add two-list interactions one at a time: each time the one that
    lowers AIC most, never a pair of lists that share no records; stop when the best new term is
    not significant at ``p_threshold`` (Wald test of its coefficient).
    """
    current = fit_fast(table, ())
    pairs = [p for p in itertools.combinations(range(table.n_lists), 2) if table.overlap(p) > 0]
    while True:
        best: Fit | None = None
        for pair in pairs:
            if pair in current.model:
                continue
            fit = fit_fast(table, (*current.model, pair), near=current)
            if fit.estimable and (best is None or fit.aic() < best.aic()):
                best = fit
        if best is None or best.aic() >= current.aic():
            return current
        if best.p_value(best.n_params - 1) > p_threshold:
            return current
        current = best


def overlap_p_value(table: CaptureTable, fit: Fit, pair: Term) -> float:
    """One-sided Poisson p-value of the number of people on both lists of ``pair``, under the
    model ``fit`` (which does not link them): how surprising that overlap is if the two lists
    were independent given the rest of the model."""
    both = (table.patterns[:, list(pair)] == 1).all(axis=1)
    expected = float(fitted_means(table, fit)[both].sum())
    observed = int(table.counts[both].sum())
    return float(stats.poisson.sf(observed - 1, expected))


def stepwise_p(table: CaptureTable, p_threshold: float = 0.02) -> Fit:
    """The stepwise procedure of Chan, Silverman and Vincent (2021) (their SparseMSE package).

    From the independence model, add the two-list interaction with the smallest p-value, as long
    as it is below ``p_threshold`` (0.02 in the paper), never a pair of lists that share no
    records. The p-value is that of the pair's observed overlap against the overlap the current
    model expects (one-sided Poisson). Unlike ``stepwise_uk`` terms are chosen by significance,
    not AIC: on the Netherlands 6-list table this gives the published "about 142,000".
    """
    current = fit_fast(table, ())
    pairs = [p for p in itertools.combinations(range(table.n_lists), 2) if table.overlap(p) > 0]
    while True:
        candidates = [p for p in pairs if p not in current.model]
        if not candidates:
            return current
        scored = sorted((overlap_p_value(table, current, p), p) for p in candidates)
        # The most significant term whose model still has a finite estimate (SparseMSE skips a
        # term that fails its existence checks); stop when none is below the threshold.
        for p_value, pair in scored:
            if p_value >= p_threshold:
                return current
            fit = fit_fast(table, (*current.model, pair), near=current)
            if fit.estimable:
                current = fit
                break
        else:
            return current


# ---------------------------------------------------------------------------------------------
# Batched fitting for the bootstrap


def batched_estimates(
    patterns: npt.NDArray[np.int64],
    counts: FloatArray,
    model: Model,
    start: FloatArray | None = None,
    iters: int = 60,
) -> tuple[FloatArray, FloatArray]:
    """Fit one model to many replicate tables at once (rows of ``counts``).

    Returns the estimated undocumented count (exp of intercept) and the log-likelihood for each
    replicate; NaN where a term's lists share no records in that replicate, the fit did not
    converge, or the number missed has no finite estimate. ``start``: coefficients to start
    from (the fit to the original table); replicates stop iterating once they converge.
    """
    from scipy.special import gammaln

    x = design_matrix(patterns, model)
    y = counts
    n_rep, p = y.shape[0], x.shape[1]
    ok = np.ones(n_rep, dtype=bool)
    for term in model:
        mask = np.all(patterns[:, list(term)] == 1, axis=1)
        ok &= y[:, mask].sum(axis=1) > 0
    if start is not None and np.isfinite(start).all():
        beta = np.tile(start, (n_rep, 1))
        eta = np.clip(beta @ x.T, -700, 700)
        mu = np.exp(eta)
    else:
        beta = np.zeros((n_rep, p))
        mu = y + 0.1
        eta = np.log(mu)
    dev_old = np.full(n_rep, np.inf)
    converged = np.zeros(n_rep, dtype=bool)
    var0 = np.full(n_rep, np.inf)
    eye = np.eye(p) * 1e-10
    active = np.arange(n_rep)
    for _ in range(iters):
        ya, mua, etaa = y[active], mu[active], eta[active]
        z = etaa + (ya - mua) / mua
        xw = x[None, :, :] * mua[:, :, None]
        xtwx = np.transpose(xw, (0, 2, 1)) @ x + eye
        rhs = np.matmul((z[:, None, :]), xw)[:, 0, :]
        try:
            new = np.linalg.solve(xtwx, rhs[:, :, None])[:, :, 0]
        except np.linalg.LinAlgError:
            new = np.stack([np.linalg.lstsq(a, r, rcond=None)[0] for a, r in zip(xtwx, rhs, strict=True)])
        beta[active] = new
        eta[active] = np.clip(new @ x.T, -700, 700)
        mu[active] = np.exp(eta[active])
        with np.errstate(divide="ignore", invalid="ignore", over="ignore"):
            dev = 2 * (np.where(ya > 0, ya * np.log(ya / mu[active]), 0.0) - (ya - mu[active])).sum(axis=1)
        done = np.abs(dev - dev_old[active]) <= 1e-9 * (np.abs(dev) + 0.1)
        dev_old[active] = dev
        if done.any():
            finished = active[done]
            converged[finished] = True
            unit = np.zeros((len(finished), p, 1))
            unit[:, 0, 0] = 1.0
            var0[finished] = np.linalg.solve(xtwx[done], unit)[:, 0, 0]
            active = active[~done]
        if active.size == 0:
            break
    with np.errstate(divide="ignore", invalid="ignore"):
        loglik = (np.where(y > 0, y * np.log(mu), 0.0) - mu - gammaln(y + 1)).sum(axis=1)
    good = ok & converged & (beta[:, 0] < 50) & (var0 <= MAX_INTERCEPT_SE**2)
    missing = np.where(good, np.exp(np.minimum(beta[:, 0], 50)), np.nan)
    return missing, np.where(good, loglik, np.nan)


def check_identifiable(table: CaptureTable, max_order: int) -> int:
    if max_order < 1:
        raise InputError("the highest order of interaction must be at least 1")
    return min(max_order, table.n_lists - 1)
