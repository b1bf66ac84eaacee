"""Speed of the estimation methods, beside the reference figures of the issue.

    .venv/bin/python bench/mse_speed.py

1. LCMCR on the Kosovo table with the reference settings (K=10, burn-in 10,000, 1,000 samples
   thinned by 100), beside the R package LCMCR's ~1.6 s on this kind of machine.
2. Exhaustive search over all 1,024 two-list models of a five-list table (limit 30 s).
3. Stepwise (UK 2013) and downhill searches on six to ten lists (limit 30 s each).
"""

from __future__ import annotations

import math
import os
import time
from pathlib import Path

import numpy as np
from threadpoolctl import threadpool_limits

from dalil.estimate import loglinear as ll
from dalil.estimate.core import _choose
from dalil.estimate.lcmcr import LcmcrSettings, run_lcmcr
from dalil.estimate.table import CaptureTable, read_csv

R_LCMCR_SECONDS = 1.6
LIMIT = 30.0


def find_kosovo() -> Path:
    for parent in Path(__file__).resolve().parents:
        path = parent / "shared" / "benchmarks" / "mse" / "kosovo_1999_4lists.csv"
        if path.exists():
            return path
    raise SystemExit("shared/benchmarks/mse/kosovo_1999_4lists.csv not found")


def simulated(n_lists: int, size: int, seed: int) -> CaptureTable:
    """Lists with capture rates 0.15-0.35, a person effect and one referral dependence, so that
    every pair of lists shares records."""
    rng = np.random.default_rng(seed)
    person = rng.normal(0, 0.5, size)
    caught = np.empty((size, n_lists), dtype=bool)
    for j in range(n_lists):
        logit = math.log(0.25 / 0.75) + (j % 3 - 1) * 0.3 + person
        if j == 1:
            logit = logit + 0.8 * caught[:, 0]
        caught[:, j] = rng.random(size) < 1 / (1 + np.exp(-logit))
    codes = caught.astype(np.int64) @ (1 << np.arange(n_lists))
    counts = np.bincount(codes, minlength=2**n_lists)[1:].astype(np.int64)
    return CaptureTable(tuple(f"L{j + 1}" for j in range(n_lists)), counts)


LAST_CPU = [0.0]


def timed(fn):  # type: ignore[no-untyped-def]
    """Wall-clock seconds; the process CPU seconds go to LAST_CPU (on a shared machine the
    wall clock also counts time spent waiting for a core)."""
    cpu = time.process_time()
    start = time.perf_counter()
    value = fn()
    LAST_CPU[0] = time.process_time() - cpu
    return value, time.perf_counter() - start


def main() -> None:
    with threadpool_limits(limits=1, user_api="blas"):  # as dalil.estimate does
        _main()


def _main() -> None:
    rows: list[tuple[str, str, str, str]] = []
    kosovo = read_csv(find_kosovo()).tables[0]
    tiny = LcmcrSettings(burnin=10, samples=2, thinning=1, chains=1)
    _, compile_s = timed(lambda: run_lcmcr(kosovo, tiny, engine="compiled"))
    rows.append(
        ("LCMCR kernel compile / cache load (once per install)", f"{compile_s:.2f} s", "-", "-")
    )
    for chains in (1, 4):
        settings = LcmcrSettings(chains=chains, seed=123)
        result, secs = timed(lambda s=settings: run_lcmcr(kosovo, s, engine="compiled"))
        lo, hi = result.interval()
        cpu = LAST_CPU[0]
        rows.append(
            (
                f"LCMCR Kosovo, K=10, 10,000 + 1,000 x 100, {chains} chain(s), compiled",
                f"{secs:.2f} s wall, {cpu:.2f} s CPU",
                f"R LCMCR ~{R_LCMCR_SECONDS} s per chain",
                f"median {result.median():,.0f} [{lo:,.0f}, {hi:,.0f}]; "
                f"{'faster' if cpu / chains <= R_LCMCR_SECONDS else 'SLOWER'} per chain (CPU)",
            )
        )
    result, secs = timed(
        lambda: run_lcmcr(kosovo, LcmcrSettings(chains=1, seed=123), engine="numpy")
    )
    rows.append(
        (
            "LCMCR Kosovo, same settings, 1 chain, pure numpy (fallback without numba)",
            f"{secs:.2f} s wall, {LAST_CPU[0]:.2f} s CPU",
            f"R LCMCR ~{R_LCMCR_SECONDS} s",
            f"median {result.median():,.0f}",
        )
    )

    five = simulated(5, 5000, 1)
    models = ll.hierarchical_models(5, 2)

    def exhaustive() -> float:
        fits = [ll.fit_fast(five, m) for m in models]
        return _choose([f for f in fits if f.estimable], "bic", five.observed).estimate

    est, secs = timed(exhaustive)
    rows.append(
        (
            f"exhaustive BIC over {len(models):,} models, 5 lists (search solver)",
            f"{secs:.2f} s",
            f"< {LIMIT:.0f} s",
            f"estimate {est:,.0f}",
        )
    )

    def exhaustive_glm() -> int:
        return sum(ll.fit_glm(five, m).estimable for m in models)

    count, secs = timed(exhaustive_glm)
    rows.append(
        (
            f"same {len(models):,} models fitted by statsmodels GLM",
            f"{secs:.2f} s",
            f"< {LIMIT:.0f} s",
            f"{count} with a finite estimate",
        )
    )

    for n_lists in range(6, 11):
        table = simulated(n_lists, 5000, n_lists)
        fit, secs = timed(lambda t=table: ll.stepwise_uk(t))
        rows.append(
            (
                f"stepwise (UK 2013), {n_lists} lists",
                f"{secs:.2f} s",
                f"< {LIMIT:.0f} s",
                f"{len(fit.model)} terms, estimate {fit.estimate:,.0f}",
            )
        )
        (fit, seen), secs = timed(lambda t=table: ll.greedy_search(t, 2, "bic"))
        rows.append(
            (
                f"downhill BIC, {n_lists} lists",
                f"{secs:.2f} s",
                f"< {LIMIT:.0f} s",
                f"{len(fit.model)} terms, {len(seen)} models fitted, estimate {fit.estimate:,.0f}",
            )
        )

    print("| task | Dalil | reference / limit | result |")
    print("|---|---:|---|---|")
    for row in rows:
        print("| " + " | ".join(row) + " |")
    load = ", ".join(f"{x:.1f}" for x in os.getloadavg())
    print(
        f"\nWall-clock and CPU seconds, single process, {os.cpu_count()} cores shared with other "
        f"work (load average {load}); on a busy machine compare CPU seconds."
    )


if __name__ == "__main__":
    main()
