"""Dalil's estimates beside the published ones, on the tables in shared/benchmarks/mse/.

    .venv/bin/python bench/mse_published.py [--bootstrap 500] [--seed 1] [--out bench/out/x.md]
    .venv/bin/python bench/mse_published.py --lcmcr-seeds 4   # LCMCR beside the R runs only

For every figure in the README: the published / reproduced / reference value, Dalil's value and
interval, and whether they agree. "reproduced" figures must agree to within one person; LCMCR
is "in line" when its median falls within 5% of the two reference medians (or, where the two
reference seeds disagree, inside their intervals). Published intervals are BCa bootstrap
intervals; so are Dalil's by default (a bootstrap that repeats the model selection, and a
jackknife that repeats it too for the acceleration); `--interval percentile` shows the plain
percentile intervals beside which BCa was chosen.
"""

from __future__ import annotations

import argparse
import csv
import math
import sys
import time
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from dalil.estimate import loglinear as ll
from dalil.estimate.core import EstimateOptions, MethodResult, estimate_table
from dalil.estimate.lcmcr import LcmcrSettings, run_lcmcr
from dalil.estimate.table import CaptureTable, read_csv

Interval = tuple[float, float] | None


def find_bench() -> Path:
    here = Path(__file__).resolve()
    for parent in here.parents:
        candidate = parent / "shared" / "benchmarks" / "mse"
        if candidate.is_dir():
            return candidate
    sys.exit("shared/benchmarks/mse not found beside the checkout")


@dataclass
class Row:
    table: str
    figure: str
    kind: str  # published / reproduced / reference
    theirs: float
    their_interval: Interval
    ours: float
    our_interval: Interval
    verdict: str


def fmt(x: float | None) -> str:
    if x is None or not math.isfinite(x):
        return "-"
    return f"{x:,.1f}" if x < 1000 and x != round(x) else f"{x:,.0f}"


def fmt_iv(iv: Interval) -> str:
    return "" if iv is None else f"[{fmt(iv[0])}, {fmt(iv[1])}]"


def point_verdict(theirs: float, ours: float, kind: str) -> str:
    if kind == "published (about)":
        # Printed as "about N": agreement to the precision printed (half a percent).
        return "yes (about)" if abs(theirs - ours) <= 0.005 * theirs else f"differs by {ours - theirs:+,.0f}"
    if kind == "reproduced":
        return "yes (within 1)" if abs(theirs - ours) <= 1.0 else "NO"
    # Published figures are printed rounded to whole people.
    return "yes (rounded)" if abs(theirs - ours) <= 1.0 else f"differs by {ours - theirs:+,.0f}"


class Bench:
    def __init__(
        self, folder: Path, bootstrap: int, seed: int, resampling: str, interval: str = "bca"
    ) -> None:
        self.folder = folder
        self.resampling = resampling
        self.interval = interval
        self.bootstrap = bootstrap
        self.seed = seed
        self.rows: list[Row] = []
        self.cache: dict[tuple[str, int, tuple[str, ...]], dict[str, MethodResult]] = {}
        self.refs: dict[str, list[dict[str, float]]] = {}
        with (folder / "reference_lcmcr_runs.csv").open() as fh:
            for r in csv.DictReader(fh):
                self.refs.setdefault(r["dataset"], []).append(
                    {k: float(r[k]) for k in ("seed", "median", "q025", "q975")}
                )

    def table(self, name: str) -> CaptureTable:
        return read_csv(self.folder / name).tables[0]

    def methods(self, name: str, order: int, methods: tuple[str, ...]) -> dict[str, MethodResult]:
        key = (name, order, methods)
        if key not in self.cache:
            opts = EstimateOptions(
                methods=methods,
                max_order=order,
                bootstrap=self.bootstrap,
                seed=self.seed,
                resampling=self.resampling,
                interval=self.interval,
            )
            result = estimate_table(self.table(name), opts)
            self.cache[key] = {m.method: m for m in result.methods}
        return self.cache[key]

    def method_row(
        self,
        name: str,
        figure: str,
        kind: str,
        theirs: float,
        their_iv: Interval,
        method: str,
        order: int = 2,
        use_profile: bool = False,
    ) -> None:
        m = self.methods(name, order, (method,))[method]
        iv = m.profile_interval if use_profile else m.interval
        self.rows.append(
            Row(
                name,
                figure,
                kind,
                theirs,
                their_iv,
                m.estimate,
                iv,
                point_verdict(theirs, m.estimate, kind),
            )
        )

    def fixed_row(self, name: str, figure: str, theirs: float, model: ll.Model) -> None:
        table = self.table(name)
        fit = ll.fit_glm(table, model)
        iv = ll.profile_interval(table, fit)
        self.rows.append(
            Row(
                name,
                figure,
                "reproduced",
                theirs,
                None,
                fit.estimate,
                iv,
                point_verdict(theirs, fit.estimate, "reproduced"),
            )
        )

    def custom_row(
        self,
        name: str,
        figure: str,
        theirs: float,
        fit: Callable[[CaptureTable], ll.Fit],
        kind: str = "reproduced",
    ) -> None:
        table = self.table(name)
        final = ll.fit_glm(table, fit(table).model)
        iv = ll.profile_interval(table, final)
        self.rows.append(
            Row(
                name,
                figure,
                kind,
                theirs,
                None,
                final.estimate,
                iv,
                point_verdict(theirs, final.estimate, kind),
            )
        )

    def lcmcr_rows(self) -> None:
        for name, runs in self.refs.items():
            result = run_lcmcr(self.table(name), LcmcrSettings(chains=2, seed=self.seed))
            med = result.median()
            medians = [r["median"] for r in runs]
            agree = max(medians) <= 1.1 * min(medians)
            if agree:
                ok = min(medians) * 0.95 <= med <= max(medians) * 1.05
                verdict = "in line" if ok else "NOT in line"
            else:
                ok = min(r["q025"] for r in runs) <= med <= max(r["q975"] for r in runs)
                verdict = (
                    "reference seeds disagree; inside their intervals"
                    if ok
                    else "reference seeds disagree; outside their intervals"
                )
            verdict += f" (R-hat {result.rhat:.2f}, ESS {result.ess:.0f})"
            if not result.converged:
                verdict += "; Dalil's chains disagree: the report warns"
            for i, r in enumerate(runs):
                self.rows.append(
                    Row(
                        name,
                        f"LCMCR median, R seed {int(r['seed'])}",
                        "reference",
                        r["median"],
                        (r["q025"], r["q975"]),
                        med if i == 0 else math.nan,
                        result.interval() if i == 0 else None,
                        verdict if i == 0 else "",
                    )
                )


def run(bench: Bench, with_lcmcr: bool) -> None:
    k4 = "kosovo_1999_4lists.csv"
    bench.method_row(k4, "BIC up to order 3 (Ball et al. 2002)", "published", 10356, None, "bic", 3)
    bench.method_row(
        k4,
        "BIC up to order 3, profile interval",
        "reproduced",
        10356.5,
        (8994, 12110),
        "bic",
        3,
        use_profile=True,
    )
    bench.method_row(
        k4, "BIC up to order 3, bootstrap (SCV 2024)", "published", 10357, (6947, 18010), "bic", 3
    )
    bench.method_row(k4, "BIC up to order 2 (SCV 2024)", "published", 14342, (12451, 16273), "bic", 2)
    bench.method_row(k4, "BIC up to order 2", "reproduced", 14341.7, None, "bic", 2)
    bench.fixed_row(k4, "independence", 7394.6, ())
    bench.fixed_row(k4, "all two-way", 14402.5, tuple(ll.all_terms(4, 2)))
    bench.fixed_row(k4, "all two- and three-way", 16941.9, tuple(ll.all_terms(4, 3)))

    uk5 = "uk_modern_slavery_2013_5lists.csv"
    bench.method_row(
        uk5,
        "stepwise (Silverman 2014), profile interval",
        "reproduced",
        11313.0,
        (9889, 13063),
        "stepwise",
        use_profile=True,
    )
    bench.method_row(uk5, "stepwise, bootstrap", "published", 11313, (10000, 13000), "stepwise")
    bench.method_row(uk5, "BIC up to order 3 (SCV 2024)", "published", 25311, (11168, 56052), "bic", 3)
    bench.method_row(uk5, "BIC up to order 2 (SCV 2024)", "published", 22991, (11456, 43894), "bic", 2)
    bench.method_row(uk5, "downhill BIC (SCV 2024)", "published", 12262, (9330, 32115), "downhill")
    bench.method_row(
        "uk_modern_slavery_2013_6lists.csv",
        "downhill BIC (SCV 2024)",
        "published",
        12350,
        (9622, 27889),
        "downhill",
    )
    bench.custom_row("uk_modern_slavery_2013_6lists.csv", "stepwise", 11418.0, ll.stepwise_uk)
    bench.custom_row("uk_modern_slavery_2013_4lists.csv", "stepwise", 11015.2, ll.stepwise_uk)

    no8 = "new_orleans_trafficking_8lists_sparsemse.csv"
    bench.method_row(
        no8, "stepwise by p-value adds D:E (Chan et al. 2021)", "published", 1184, (717, 1657), "stepwise-p"
    )
    bench.custom_row(no8, "stepwise by p-value (p < 0.02)", 1183.7, ll.stepwise_p)
    bench.fixed_row(no8, "main effects (published 997 [644, 1,618])", 996.7, ())
    bench.fixed_row(
        "new_orleans_trafficking_5lists_sparsemse.csv",
        "main effects (published 1,034 [589, 1,703])",
        1034.2,
        (),
    )
    bench.method_row(
        "new_orleans_trafficking_5lists_mse2025.csv",
        "5 lists (SCV 2024)",
        "published",
        981,
        (397, 1511),
        "bic",
    )
    bench.method_row(
        "new_orleans_trafficking_8lists_mse2025.csv",
        "downhill (SCV 2024)",
        "published",
        1110,
        (586, 1512),
        "downhill",
    )
    wus = "western_us_sex_trafficking_5lists.csv"
    bench.method_row(
        wus, "stepwise by p-value: main effects + A:E (Chan et al. 2021)", "published", 2483, (1293, 3670),
        "stepwise-p",
    )
    bench.custom_row(wus, "stepwise by p-value (p < 0.02)", 2483.4, ll.stepwise_p)
    bench.fixed_row(wus, "main effects only", 2007.1, ())
    bench.method_row(
        "korea_comfort_women_palembang_3lists.csv",
        "B:C, C:D (SCV 2024)",
        "published",
        157,
        (128, 349),
        "bic",
    )
    nl6 = "netherlands_trafficking_2010_15_6lists.csv"
    # "About 142,000" by stepwise log-linear (README). Three stepwise procedures, to show the spread:
    # only the p-value stepwise at the 5% threshold reaches it.
    bench.custom_row(
        nl6, "stepwise by p-value (p < 0.05), 'about 142,000'", 142000,
        lambda t: ll.stepwise_p(t, 0.05), kind="published (about)",
    )
    bench.custom_row(
        nl6, "stepwise by p-value (p < 0.02)", 142000, ll.stepwise_p, kind="published (about)"
    )
    bench.custom_row(nl6, "stepwise (UK 2013, AIC)", 142000, ll.stepwise_uk, kind="published (about)")
    for name, value in (
        ("rcapture_hiv_rome_4lists.csv", 11124.6),
        ("rcapture_lesbian_allegheny_4lists.csv", 3738.5),
        ("dga_madigan_york_3lists.csv", 763.9),
        ("dga_madigan_york_5lists.csv", 638.5),
    ):
        bench.fixed_row(name, "independence", value, ())
    if with_lcmcr:
        bench.lcmcr_rows()


def render(rows: list[Row]) -> str:
    head = (
        "| table | figure | kind | theirs | their interval | Dalil | Dalil interval | agrees |\n"
        "|---|---|---|---:|---|---:|---|---|\n"
    )
    body = "".join(
        f"| {r.table.removesuffix('.csv')} | {r.figure} | {r.kind} | {fmt(r.theirs)} | "
        f"{fmt_iv(r.their_interval)} | {fmt(r.ours)} | {fmt_iv(r.our_interval)} | {r.verdict} |\n"
        for r in rows
    )
    return head + body


def lcmcr_seed_table(bench: Bench, seeds: int) -> str:
    """Each reference table run as the R reference was (one chain, K=10, burn-in 10,000, 1,000
    samples thinned by 100) with several seeds, so Dalil's Monte Carlo spread is visible beside
    R's two seeds. "Dalil / R" is the ratio of the mean medians."""
    head = (
        "| table | R medians | R 2.5% | R 97.5% | Dalil medians by seed | Dalil 2.5% | "
        "Dalil 97.5% | Dalil / R |\n|---|---|---|---|---|---|---|---:|\n"
    )
    lines = []
    for name, runs in bench.refs.items():
        table = bench.table(name)
        results = [run_lcmcr(table, LcmcrSettings(chains=1, seed=bench.seed + i)) for i in range(seeds)]
        meds = [r.median() for r in results]
        lows = [r.interval()[0] for r in results]
        highs = [r.interval()[1] for r in results]

        def join(values: list[float]) -> str:
            return " / ".join(f"{v:,.0f}" for v in values)

        ratio = sum(meds) / len(meds) / (sum(r["median"] for r in runs) / len(runs))
        lines.append(
            f"| {name.removesuffix('.csv')} | {join([r['median'] for r in runs])} | "
            f"{join([r['q025'] for r in runs])} | {join([r['q975'] for r in runs])} | "
            f"{join(meds)} | {join(lows)} | {join(highs)} | {ratio:.3f} |\n"
        )
    return head + "".join(lines)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--bootstrap", type=int, default=500)
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument(
        "--resampling", choices=("parametric", "nonparametric"), default="nonparametric"
    )
    parser.add_argument("--interval", choices=("bca", "percentile"), default="bca")
    parser.add_argument("--no-lcmcr", action="store_true", help="skip the LCMCR reference runs")
    parser.add_argument("--out", type=Path, help="also write the table to this file")
    parser.add_argument(
        "--lcmcr-seeds",
        type=int,
        default=0,
        help="only compare LCMCR with the R reference runs, one chain per seed, this many seeds",
    )
    args = parser.parse_args()
    started = time.perf_counter()
    bench = Bench(find_bench(), args.bootstrap, args.seed, args.resampling, args.interval)
    if args.lcmcr_seeds > 0:
        text = lcmcr_seed_table(bench, args.lcmcr_seeds)
        text += f"\nTotal time {time.perf_counter() - started:,.0f} s.\n"
        print(text)
        if args.out:
            args.out.parent.mkdir(parents=True, exist_ok=True)
            args.out.write_text(text, encoding="utf-8")
        return
    run(bench, not args.no_lcmcr)
    text = render(bench.rows)
    reproduced = [r for r in bench.rows if r.kind == "reproduced"]
    failed = [r for r in reproduced if not r.verdict.startswith("yes")]
    text += (
        f"\n{len(reproduced) - len(failed)} of {len(reproduced)} reproducible figures within one "
        f"person. Bootstrap {args.bootstrap} {args.resampling} replicates ({args.interval} intervals, "
        f"model selection repeated); LCMCR K=10, burn-in 10,000, 1,000 samples x thinning 100, "
        f"2 chains. "
        f"Total time {time.perf_counter() - started:,.0f} s.\n"
    )
    print(text)
    if args.out:
        args.out.parent.mkdir(parents=True, exist_ok=True)
        args.out.write_text(text, encoding="utf-8")
    if failed:
        sys.exit(1)


if __name__ == "__main__":
    main()
