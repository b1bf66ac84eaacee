"""Run every estimation method on a capture table and gather the results with their caveats.

One stratum at a time: each stratum is an independent population and is estimated on its own.
Totals over strata add the strata's bootstrap replicates or posterior draws index by index (the
strata are independent), so the total's interval is a real interval, never a sum of interval ends.
"""

from __future__ import annotations

import math
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from typing import Any

import numpy as np
import numpy.typing as npt
from threadpoolctl import threadpool_limits

from dalil.errors import InputError
from dalil.estimate import loglinear as ll
from dalil.estimate.intervals import (
    INTERVAL_KINDS,
    acceleration,
    bca_interval,
    jackknife_tables,
    percentile_interval,
)
from dalil.estimate.lcmcr import ESS_MINIMUM, RHAT_LIMIT, LcmcrResult, LcmcrSettings, run_lcmcr
from dalil.estimate.table import CaptureTable, StratifiedTable

FloatArray = npt.NDArray[np.float64]
Progress = Callable[[str, int, int], None]

METHODS: dict[str, str] = {
    "bic": "log-linear, BIC choice",
    "aic": "log-linear, AIC choice",
    "stepwise": "log-linear, stepwise (UK 2013)",
    "downhill": "log-linear, downhill BIC search",
    "stepwise-p": "log-linear, stepwise by p-value (sparse tables)",
    "average": "log-linear, AIC average",
    "lcmcr": "latent classes (LCMCR)",
    "dga": "graph average (Madigan-York)",
}
DEFAULT_METHODS = ("bic", "aic", "stepwise", "average", "lcmcr")

ASSUMPTIONS = [
    "Closed population: the lists cover the same people, place and period, and nobody enters or "
    "leaves the population between lists.",
    "Perfect linkage: each victim is counted once, and records on different lists were matched "
    "without error. Missed matches inflate the estimate; false matches deflate it.",
    "Every victim could have been recorded by at least one list (no one is invisible to all).",
    "The dependence between lists and the differences between victims in how likely they are to "
    "be recorded are of a kind the model can express; what no list captured leaves no trace in "
    "the data, so no method can test this.",
]


@dataclass(frozen=True)
class EstimateOptions:
    methods: tuple[str, ...] = DEFAULT_METHODS
    max_order: int = 2
    bootstrap: int = 1000
    level: float = 0.95
    seed: int = 0
    # Nonparametric by default: in the calibration benchmark it covers the true size far more
    # often when no model is exactly right (3-list heterogeneity: 85-95% against 5-80%).
    resampling: str = "nonparametric"
    # BCa, as the published estimates use; "percentile" for the plain quantiles of the replicates.
    interval: str = "bca"
    # Threshold of the stepwise-by-p-value procedure (0.02 in Chan, Silverman and Vincent 2021).
    p_threshold: float = 0.02
    lcmcr: LcmcrSettings = field(default_factory=LcmcrSettings)

    def __post_init__(self) -> None:
        unknown = [m for m in self.methods if m not in METHODS]
        if unknown:
            raise InputError(f"unknown method(s) {', '.join(unknown)}; choose from {', '.join(METHODS)}")
        if not self.methods:
            raise InputError("no estimation method chosen")
        if not 0 < self.level < 1:
            raise InputError("the interval level must be between 0 and 1")
        if self.resampling not in ("parametric", "nonparametric"):
            raise InputError("resampling must be 'parametric' or 'nonparametric'")
        if not 0 < self.p_threshold < 1:
            raise InputError("the p-value threshold must be between 0 and 1")
        if self.interval not in INTERVAL_KINDS:
            raise InputError(f"the interval must be one of {', '.join(INTERVAL_KINDS)}")
        if self.bootstrap < 0:
            raise InputError("the number of bootstrap replicates cannot be negative")


@dataclass
class MethodResult:
    method: str
    estimate: float
    interval: tuple[float, float] | None
    interval_kind: str
    profile_interval: tuple[float, float] | None = None
    model: list[str] | None = None
    draws: FloatArray | None = None
    # Leave-one-out estimates and how many people each stands for (for BCa, and for the BCa of a
    # total over strata); not part of the JSON.
    jackknife: tuple[FloatArray, FloatArray] | None = None
    diagnostics: dict[str, Any] = field(default_factory=dict)
    notes: list[str] = field(default_factory=list)

    @property
    def label(self) -> str:
        return METHODS[self.method]

    def to_dict(self) -> dict[str, Any]:
        return {
            "method": self.method,
            "label": self.label,
            "estimate": _num(self.estimate),
            "interval": _pair(self.interval),
            "interval_kind": self.interval_kind,
            "profile_interval": _pair(self.profile_interval),
            "model": self.model,
            "diagnostics": self.diagnostics,
            "notes": self.notes,
        }


@dataclass
class StratumEstimate:
    stratum: dict[str, str]
    lists: list[str]
    observed: int
    list_sizes: dict[str, int]
    methods: list[MethodResult]
    models: list[dict[str, Any]] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)

    def label(self) -> str:
        return ", ".join(f"{k}={v}" for k, v in self.stratum.items()) or "all"

    def method(self, name: str) -> MethodResult:
        for m in self.methods:
            if m.method == name:
                return m
        raise KeyError(name)

    def to_dict(self) -> dict[str, Any]:
        return {
            "stratum": self.stratum,
            "lists": self.lists,
            "observed": self.observed,
            "list_sizes": self.list_sizes,
            "methods": [m.to_dict() for m in self.methods],
            "models": self.models,
            "warnings": self.warnings,
        }


@dataclass
class EstimateReport:
    lists: list[str]
    strata_columns: list[str]
    strata: list[StratumEstimate]
    total: StratumEstimate | None
    options: EstimateOptions
    warnings: list[str] = field(default_factory=list)
    assumptions: list[str] = field(default_factory=lambda: list(ASSUMPTIONS))

    @property
    def overall(self) -> StratumEstimate:
        """The whole population: the total over strata, or the one table."""
        return self.total if self.total is not None else self.strata[0]

    def to_dict(self) -> dict[str, Any]:
        o = self.options
        return {
            "lists": self.lists,
            "strata_columns": self.strata_columns,
            "overall": self.overall.to_dict(),
            "strata": [s.to_dict() for s in self.strata] if self.strata_columns else [],
            "warnings": self.warnings,
            "assumptions": self.assumptions,
            "settings": {
                "methods": list(o.methods),
                "max_order": o.max_order,
                "bootstrap_replicates": o.bootstrap,
                "resampling": o.resampling,
                "level": o.level,
                "seed": o.seed,
                "lcmcr": vars(o.lcmcr),
            },
        }


def _num(x: float) -> float | None:
    return None if x is None or not math.isfinite(x) else round(float(x), 1)


def _pair(p: tuple[float, float] | None) -> list[float | None] | None:
    return None if p is None else [_num(p[0]), _num(p[1])]


# ---------------------------------------------------------------------------------------------
# Checks on a single table


def check_table(table: CaptureTable) -> list[str]:
    """Refuse tables no method can estimate from; return warnings for weak ones."""
    where = "" if not table.stratum else f" (stratum {table.stratum_label()})"
    if table.observed == 0:
        raise InputError(
            f"the table has no records{where}; an empty stratum cannot be estimated. Remove it "
            "or merge it with a neighbouring stratum."
        )
    sizes = table.list_sizes()
    nonempty = [name for name, size in sizes.items() if size > 0]
    if len(nonempty) < 2:
        raise InputError(
            f"all records are on one list ({nonempty[0]}){where}; the undocumented can only be "
            "estimated from how two or more lists overlap"
        )
    empty = [name for name, size in sizes.items() if size == 0]
    if empty:
        raise InputError(
            f"list(s) {', '.join(empty)} have no records{where}; drop the column(s) or merge "
            "strata so that every list recorded someone",
            empty_lists=empty,
        )
    if table.counts[table.patterns.sum(axis=1) > 1].sum() == 0:
        raise InputError(
            f"no victim is on more than one list{where}; without any overlap the number of "
            "undocumented victims cannot be estimated (it is unbounded)"
        )
    warnings: list[str] = []
    tiny = max(10, 0.02 * table.observed)
    small = [f"{name} ({size})" for name, size in sizes.items() if size < tiny]
    if small:
        warnings.append(
            f"Tiny list(s){where}: {', '.join(small)}. Estimates that depend on them are fragile."
        )
    j = table.n_lists
    if j == 3:
        warnings.append(
            f"Only three lists{where}: the dependence among all three together cannot be "
            "estimated. If some victims are harder for every list to record (heterogeneity), "
            "every method here underestimates, and intervals cover the truth less often than "
            "stated (see docs/estimate.md, calibration)."
        )
    zero = int((table.counts == 0).sum())
    few = int((table.counts < 5).sum())
    if j >= 3 and few > len(table.counts) / 2:
        warnings.append(
            f"Sparse table{where}: {few} of {len(table.counts)} capture patterns have fewer than 5 "
            f"records ({zero} have none). Interaction terms rest on very few people and model "
            "choice can swing the estimate."
        )
    for a in range(j):
        for b in range(a + 1, j):
            if table.overlap((a, b)) == 0:
                warnings.append(
                    f"Lists {table.lists[a]} and {table.lists[b]} share no records{where}; models "
                    "with a term for that pair are left out."
                )
    return warnings


# ---------------------------------------------------------------------------------------------
# Log-linear methods


@dataclass
class _Search:
    fits: list[ll.Fit]
    exhaustive: bool
    max_order: int


def _search(table: CaptureTable, max_order: int) -> _Search:
    order = ll.check_identifiable(table, max_order)
    allowed = {t for t in ll.all_terms(table.n_lists, order) if table.overlap(t) > 0}
    limit = min(ll.EXHAUSTIVE_LIMIT, ll.EXHAUSTIVE_BUDGET // len(table.counts))
    models = ll.hierarchical_models(table.n_lists, order, limit=limit, allowed=allowed)
    if models:
        fits = [ll.fit_fast(table, m) for m in models]
        fits = [f for f in fits if f.estimable]
        return _Search(fits, True, order)
    _, seen_b = ll.greedy_search(table, order, "bic")
    _, seen_a = ll.greedy_search(table, order, "aic")
    unique = {f.model: f for f in [*seen_b, *seen_a] if f.estimable}
    return _Search(list(unique.values()), False, order)


def _choose(fits: Sequence[ll.Fit], criterion: str, observed: int) -> ll.Fit:
    if criterion == "aic":
        return min(fits, key=lambda f: f.aic())
    # BIC with log(number of people recorded), as Silverman, Chan and Vincent (2024) use.
    return min(fits, key=lambda f: -2 * f.loglik + math.log(observed) * f.n_params)


def _average(fits: Sequence[ll.Fit]) -> float:
    aic = np.array([f.aic() for f in fits])
    w = np.exp(-(aic - aic.min()) / 2)
    w /= w.sum()
    return float(np.dot(w, [f.estimate for f in fits]))


def _bootstrap_search(
    table: CaptureTable,
    search: _Search,
    want: set[str],
    replicates: FloatArray,
    progress: Progress | None,
) -> dict[str, FloatArray]:
    """Repeat the model search on every replicate table (so model choice is in the interval)."""
    n_rep = replicates.shape[0]
    n_b = replicates.sum(axis=1)
    # A replicate's estimate of the number missed is added to the number actually recorded:
    # that count is known, and the population cannot be smaller than it.
    n = table.observed
    out: dict[str, FloatArray] = {}
    if not want & {"aic", "bic", "average"}:
        return out
    if search.exhaustive:
        models = [f.model for f in search.fits]
        est = np.empty((n_rep, len(models)))
        loglik = np.empty((n_rep, len(models)))
        params = np.array([f.n_params for f in search.fits], dtype=np.float64)
        for i, model in enumerate(models):
            est[:, i], loglik[:, i] = ll.batched_estimates(
                table.patterns, replicates, model, start=search.fits[i].params
            )
            if progress is not None:
                progress("bootstrap (model search)", i + 1, len(models))
        aic = np.where(np.isfinite(loglik), -2 * loglik + 2 * params, np.inf)
        bic = np.where(
            np.isfinite(loglik), -2 * loglik + np.log(np.maximum(n_b, 2))[:, None] * params, np.inf
        )
        rows = np.arange(n_rep)
        valid = np.isfinite(aic).any(axis=1)
        if "aic" in want:
            out["aic"] = np.where(valid, n + est[rows, np.argmin(aic, axis=1)], np.nan)
        if "bic" in want:
            out["bic"] = np.where(valid, n + est[rows, np.argmin(bic, axis=1)], np.nan)
        if "average" in want:
            w = np.exp(-(aic - aic.min(axis=1, keepdims=True)) / 2)
            w = np.where(np.isfinite(est), w, 0.0)
            total = w.sum(axis=1)
            avg = (w * np.nan_to_num(est)).sum(axis=1) / np.where(total > 0, total, 1)
            out["average"] = np.where(total > 0, n + avg, np.nan)
        return out
    # Greedy search per replicate (six lists or more).
    for key in ("aic", "bic", "average"):
        if key in want:
            out[key] = np.full(n_rep, np.nan)
    for b in range(n_rep):
        rep = table.with_counts(replicates[b].astype(np.int64))
        try:
            check_table(rep)
            sub = _search(rep, search.max_order)
        except InputError:
            continue
        if not sub.fits:
            continue
        if "aic" in out:
            out["aic"][b] = n + _choose(sub.fits, "aic", rep.observed).missing
        if "bic" in out:
            out["bic"][b] = n + _choose(sub.fits, "bic", rep.observed).missing
        if "average" in out:
            out["average"][b] = n + _average(sub.fits) - rep.observed
        if progress is not None:
            progress("bootstrap (downhill search)", b + 1, n_rep)
    return out


SEQUENTIAL = ("stepwise", "stepwise-p", "downhill")


def _sequential(table: CaptureTable, method: str, max_order: int, p_threshold: float) -> ll.Fit:
    """The searches that follow one path (not an exhaustive comparison)."""
    if method == "stepwise":
        return ll.stepwise_uk(table)
    if method == "stepwise-p":
        return ll.stepwise_p(table, p_threshold)
    return ll.greedy_search(table, max_order, "bic")[0]


def _bootstrap_sequential(
    table: CaptureTable,
    method: str,
    max_order: int,
    replicates: FloatArray,
    progress: Progress | None,
    p_threshold: float,
) -> FloatArray:
    out = np.full(replicates.shape[0], np.nan)
    for b in range(replicates.shape[0]):
        rep = table.with_counts(replicates[b].astype(np.int64))
        if rep.counts[rep.patterns.sum(axis=1) > 1].sum() == 0:
            continue
        fit = _sequential(rep, method, max_order, p_threshold)
        if fit.estimable:
            out[b] = table.observed + fit.missing
        if progress is not None:
            progress(f"bootstrap ({method})", b + 1, replicates.shape[0])
    return out


def _replicate_estimates(
    table: CaptureTable,
    search: _Search,
    method: str,
    replicates: FloatArray,
    progress: Progress | None,
    p_threshold: float,
) -> dict[str, FloatArray]:
    """Population estimates of ``method`` on each replicate table, the model chosen afresh."""
    if method in SEQUENTIAL:
        return {
            method: _bootstrap_sequential(
                table, method, search.max_order, replicates, progress, p_threshold
            )
        }
    return _bootstrap_search(table, search, {method}, replicates, progress)


def _apply_bca(
    table: CaptureTable, search: _Search, result: MethodResult, level: float, p_threshold: float
) -> None:
    """Replace the percentile interval by BCa, with a jackknife that repeats the model choice."""
    if result.draws is None or result.interval is None:
        return  # no percentile interval either: the replicates' own note says why
    tables, weights = jackknife_tables(table.counts)
    # The replicate estimates add the original table's recorded count; a leave-one-out table
    # recorded one person fewer.
    by_method = _replicate_estimates(table, search, result.method, tables, None, p_threshold)
    values = by_method[result.method] - 1
    accel = acceleration(values, weights)
    interval = bca_interval(result.draws, result.estimate, accel, level) if accel is not None else None
    if interval is None:
        result.notes.append(
            "The BCa interval could not be computed (a leave-one-out table had no estimate, or "
            "every replicate fell on one side of the estimate); the interval is the percentile one."
        )
        result.interval_kind = result.interval_kind.replace("BCa", "percentile")
        return
    result.jackknife = (values, weights)
    result.diagnostics["bca_acceleration"] = round(accel or 0.0, 5)
    pct = result.interval
    if pct is not None:
        # Kept beside BCa in the JSON, so a reader can see how much the correction moved it.
        result.diagnostics["percentile_interval"] = [round(x, 1) for x in pct]
        if max(abs(pct[0] - interval[0]), abs(pct[1] - interval[1])) > 0.1 * result.estimate:
            result.notes.append(
                f"The plain percentile interval is {pct[0]:,.0f} - {pct[1]:,.0f}: replicates that "
                "chose a different model pull it; BCa corrects for that pull. Where some people "
                "are much harder for every list to reach, all methods underestimate, and in "
                "simulations the percentile interval then covered the truth more often "
                "(docs/estimate.md, calibration)."
            )
    result.interval = interval


def _terms(table: CaptureTable, model: ll.Model) -> list[str]:
    return [ll.term_name(table.lists, t) for t in model]


def _loglinear(
    table: CaptureTable,
    options: EstimateOptions,
    rng: np.random.Generator,
    progress: Progress | None,
) -> tuple[list[MethodResult], list[dict[str, Any]], list[str]]:
    wanted = [m for m in options.methods if m in ("bic", "aic", "average", *SEQUENTIAL)]
    warnings: list[str] = []
    if not wanted:
        return [], [], warnings
    search = _search(table, options.max_order)
    if search.max_order < options.max_order:
        warnings.append(
            f"With {table.n_lists} lists the highest interaction that can be estimated has "
            f"{search.max_order} lists; the search stopped there."
        )
    if not search.fits:
        raise InputError("no log-linear model could be fitted to this table")
    b = options.bootstrap
    kind = (
        f"bootstrap {int(options.level * 100)}% {'BCa' if options.interval == 'bca' else 'percentile'}, "
        f"{b} {options.resampling} replicates, "
        "model selection repeated on each"
    )
    search_note = (
        f"exhaustive search over {len(search.fits)} hierarchical models up to order {search.max_order}"
        if search.exhaustive
        else f"downhill search up to order {search.max_order} ({len(search.fits)} models visited)"
    )
    results: list[MethodResult] = []
    for method in wanted:
        means: FloatArray
        if method == "average":
            estimate = _average(search.fits)
            result = MethodResult(method, estimate, None, kind, notes=[search_note])
            aic = np.array([f.aic() for f in search.fits])
            w = np.exp(-(aic - aic.min()) / 2)
            means = np.average([ll.fitted_means(table, f) for f in search.fits], axis=0, weights=w)
        else:
            if method == "stepwise":
                chosen = ll.stepwise_uk(table)
                note = "forward selection of two-list terms (Bales, Hesketh and Silverman 2015)"
            elif method == "stepwise-p":
                chosen = ll.stepwise_p(table, options.p_threshold)
                note = (
                    f"forward selection of two-list terms by p-value below {options.p_threshold:g} "
                    "(Chan, Silverman and Vincent 2021)"
                )
            elif method == "downhill":
                chosen = _sequential(table, method, search.max_order, options.p_threshold)
                note = "downhill BIC search from all two-list terms (Silverman, Chan and Vincent 2024)"
            else:
                chosen = _choose(search.fits, method, table.observed)
                note = search_note
            final = ll.fit_glm(table, chosen.model)
            means = ll.fitted_means(table, final)
            profile = ll.profile_interval(table, final, options.level)
            result = MethodResult(
                method,
                final.estimate,
                None,
                kind,
                profile_interval=profile,
                model=_terms(table, final.model),
                notes=[note],
            )
            if not math.isfinite(profile[1]):
                result.notes.append("The profile likelihood has no finite upper bound.")
        boot: dict[str, FloatArray] = {}
        if b:
            # Nonparametric: each cell redrawn as Poisson around its observed count (the
            # individuals resampled, with the total free); parametric: drawn from the method's
            # own fitted model (Buckland and Garthwaite 1991).
            centre = means if options.resampling == "parametric" else table.counts
            replicates = rng.poisson(centre, (b, len(table.counts))).astype(np.float64)
            boot = _replicate_estimates(table, search, method, replicates, progress, options.p_threshold)
        draws = boot.get(method)
        if draws is not None:
            result.draws = draws
            result.interval = percentile_interval(draws, options.level)
            if options.interval == "bca":
                _apply_bca(table, search, result, options.level, options.p_threshold)
            failed = int((~np.isfinite(draws)).sum())
            result.diagnostics["bootstrap_replicates"] = int(draws.size)
            result.diagnostics["bootstrap_failed"] = failed
            if failed > 0.05 * draws.size:
                result.notes.append(
                    f"{failed} of {draws.size} bootstrap replicates had no finite estimate and "
                    "were left out; the interval is too narrow by an unknown amount."
                )
        elif result.profile_interval is not None:
            result.interval = result.profile_interval
            result.interval_kind = "profile likelihood (given the chosen model)"
        results.append(result)

    n = table.observed
    ranked = sorted(search.fits, key=lambda f: -2 * f.loglik + math.log(n) * f.n_params)
    independence = next((f for f in search.fits if f.model == ()), None)
    shown = ranked[:10]
    if independence is not None and independence not in shown:
        shown.append(independence)
    models = [
        {
            "terms": _terms(table, f.model),
            "estimate": _num(f.estimate),
            "aic": round(f.aic(), 2),
            "bic": round(-2 * f.loglik + math.log(n) * f.n_params, 2),
        }
        for f in shown
    ]
    return results, models, warnings


# ---------------------------------------------------------------------------------------------
# Driver


def estimate_table(
    table: CaptureTable,
    options: EstimateOptions | None = None,
    progress: Progress | None = None,
) -> StratumEstimate:
    """Estimate the population of one capture table with every chosen method."""
    # The matrices here are small (at most 1,023 x 56); multi-threaded BLAS only adds thread
    # start-up and contention (measured 8x slower on a shared two-core machine).
    with threadpool_limits(limits=1, user_api="blas"):
        return _estimate_table(table, options or EstimateOptions(), progress)


def _estimate_table(table: CaptureTable, opts: EstimateOptions, progress: Progress | None) -> StratumEstimate:
    warnings = check_table(table)
    rng = np.random.default_rng([opts.seed, *_stable_ints(table.stratum)])
    methods, models, more = _loglinear(table, opts, rng, progress)
    warnings.extend(more)
    if "lcmcr" in opts.methods:
        settings = LcmcrSettings(**{**vars(opts.lcmcr), "seed": int(rng.integers(2**31))})

        def tick(done: int, total: int) -> None:
            if progress is not None:
                progress("LCMCR sampling", done, total)

        result = run_lcmcr(table, settings, progress=tick)
        lc = MethodResult(
            "lcmcr",
            result.median(),
            result.interval(opts.level),
            f"posterior {int(opts.level * 100)}% credible interval (median shown)",
            draws=result.pooled,
            diagnostics={
                "chains": settings.chains,
                "rhat": round(result.rhat, 3) if math.isfinite(result.rhat) else None,
                "ess": round(result.ess),
                "posterior_mean": _num(float(result.pooled.mean())),
                "k": settings.k,
                "burnin": settings.burnin,
                "samples_per_chain": settings.samples,
                "thinning": settings.thinning,
                "converged": result.converged,
                "chain_medians": [_num(float(np.median(d))) for d in result.draws],
                "cap": result.cap,
                "share_near_cap": round(result.share_near_cap(), 4),
            },
        )
        if not result.converged:
            msg = _lcmcr_not_converged(result)
            lc.notes.append(msg)
            warnings.append(msg + _where(table))
        if result.hits_cap():
            msg = (
                f"The LCMCR posterior runs into the sampler's upper bound (at most "
                f"{result.cap:,} people, {settings.cap_ratio + 1} times the {table.observed:,} "
                f"recorded; {result.share_near_cap():.0%} of the draws lie in the top tenth of "
                "the allowed range): the lists do not bound the total under this model, and the "
                "upper end of its interval is set by that bound, not by the data."
            )
            lc.notes.append(msg)
            warnings.append(msg + _where(table))
        methods.append(lc)
    if "dga" in opts.methods:
        from dalil.estimate.dga import run_dga

        methods.append(run_dga(table, opts.level, rng))
    warnings.extend(_disagreement(table, methods))
    return StratumEstimate(
        dict(table.stratum),
        list(table.lists),
        table.observed,
        table.list_sizes(),
        methods,
        models,
        warnings,
    )


def _lcmcr_not_converged(result: LcmcrResult) -> str:
    s = result.settings
    medians = ", ".join(f"{float(np.median(d)):,.0f}" for d in result.draws)
    longer = max(s.burnin * 10, 100_000)
    return (
        f"LCMCR DID NOT CONVERGE: do not use its figure. Its {s.chains} chains disagree "
        f"(R-hat {result.rhat:.2f}, limit {RHAT_LIMIT}; effective sample size {result.ess:.0f}, "
        f"minimum {ESS_MINIMUM:.0f}; chain medians {medians}). Rerun with more and longer "
        f"chains, e.g. --chains {max(2 * s.chains, 8)} --burnin {longer} --samples "
        f"{max(s.samples, 2000)}. If the chains still settle on different totals, the "
        "posterior has several modes: under this model the lists cannot decide between them, "
        "so report the spread across methods, not one LCMCR figure."
    )


def _stable_ints(stratum: tuple[tuple[str, str], ...]) -> list[int]:
    # Python's hash() is salted per process; seeds must be reproducible across runs.
    import zlib

    return [zlib.crc32(f"{k}={v}".encode()) for k, v in stratum]


def _where(table: CaptureTable) -> str:
    return f" (stratum {table.stratum_label()})" if table.stratum else ""


def _disagreement(table: CaptureTable, methods: Sequence[MethodResult]) -> list[str]:
    out: list[str] = []
    finite = [m for m in methods if math.isfinite(m.estimate)]
    if len(finite) >= 2:
        low = min(finite, key=lambda m: m.estimate)
        high = max(finite, key=lambda m: m.estimate)
        undocumented_low = low.estimate - table.observed
        undocumented_high = high.estimate - table.observed
        if high.estimate > 1.25 * low.estimate or undocumented_high > 2 * max(undocumented_low, 1.0):
            out.append(
                f"The methods disagree widely{_where(table)}: from {low.estimate:,.0f} "
                f"({low.method}) to {high.estimate:,.0f} ({high.method}). The data cannot tell "
                "these models apart; report the range, not one figure."
            )
    for m in methods:
        if m.interval and (not math.isfinite(m.interval[1]) or m.interval[1] > 10 * table.observed):
            out.append(
                f"The {m.method} interval reaches more than ten times the number recorded"
                f"{_where(table)}; the lists say little about how many were missed."
            )
            break
    return out


def combine_strata(
    strata: Sequence[StratumEstimate], level: float, interval_method: str = "bca"
) -> StratumEstimate:
    """Totals over independent strata: sum the point estimates, and sum the replicate or draw
    vectors index by index for the interval. For BCa the total's jackknife leaves out one person
    at a time from any stratum: only that stratum's estimate moves."""
    names = [m.method for m in strata[0].methods]
    methods: list[MethodResult] = []
    for name in names:
        parts = [s.method(name) for s in strata]
        estimate = float(sum(p.estimate for p in parts))
        draws_list = [p.draws for p in parts]
        interval = None
        draws = None
        notes: list[str] = []
        if all(d is not None for d in draws_list):
            size = min(d.size for d in draws_list if d is not None)
            draws = np.sum([d[:size] for d in draws_list if d is not None], axis=0)
            interval = percentile_interval(draws, level)
            kind = parts[0].interval_kind + "; summed across strata draw by draw"
            used_bca = False
            jack = [p.jackknife for p in parts]
            if interval_method == "bca" and all(j is not None for j in jack):
                values = np.concatenate(
                    [j[0] - p.estimate + estimate for j, p in zip(jack, parts, strict=True) if j]
                )
                weights = np.concatenate([j[1] for j in jack if j])
                accel = acceleration(values, weights)
                bca = bca_interval(draws, estimate, accel, level) if accel is not None else None
                if bca is not None:
                    interval = bca
                    used_bca = True
            if not used_bca:
                kind = kind.replace("BCa", "percentile")

        else:
            kind = "no interval: some strata have no replicates or draws"
            notes.append("The total has no interval because a stratum had none.")
        methods.append(MethodResult(name, estimate, interval, kind, draws=draws, notes=notes))
    observed = sum(s.observed for s in strata)
    sizes: dict[str, int] = {}
    for s in strata:
        for k, v in s.list_sizes.items():
            sizes[k] = sizes.get(k, 0) + v
    return StratumEstimate({}, strata[0].lists, observed, sizes, methods)


def estimate(
    tables: StratifiedTable,
    options: EstimateOptions | None = None,
    progress: Progress | None = None,
) -> EstimateReport:
    """Estimate every stratum separately and, when there are strata, their total."""
    opts = options or EstimateOptions()
    results = [estimate_table(t, opts, progress) for t in tables.tables]
    total = combine_strata(results, opts.level, opts.interval) if tables.strata_columns else None
    warnings = [w for r in results for w in r.warnings]
    if total is not None:
        total.warnings.extend(_disagreement(tables.pooled(), total.methods))
        warnings.extend(total.warnings)
        warnings.append(
            "Strata were estimated separately: this assumes each stratum is a closed "
            "population and that no victim appears in two strata."
        )
    return EstimateReport(list(tables.lists), list(tables.strata_columns), results, total, opts, warnings)
