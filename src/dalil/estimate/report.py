"""Showing an estimate: terminal report, JSON and a picture.

Never a number alone: every figure comes with its interval, its method, the number actually
recorded, the other methods' figures beside it, the warnings and the assumptions.
"""

from __future__ import annotations

import math
from pathlib import Path
from typing import Any

import numpy as np
from rich.console import Console, Group
from rich.panel import Panel
from rich.table import Table
from rich.text import Text

from dalil.errors import InputError
from dalil.estimate.core import EstimateReport, MethodResult, StratumEstimate


def _fmt(x: float | None) -> str:
    if x is None or not math.isfinite(x):
        return "unbounded" if x is not None and x > 0 else "-"
    return f"{x:,.0f}"


def _interval(p: tuple[float, float] | None) -> str:
    return "-" if p is None else f"{_fmt(p[0])} - {_fmt(p[1])}"


def _short_kind(m: MethodResult) -> str:
    kind = m.interval_kind
    if kind.startswith("bootstrap"):
        return f"bootstrap ({'BCa' if 'BCa' in kind else 'percentile'}), selection repeated"
    if kind.startswith("posterior"):
        return "posterior"
    if kind.startswith("profile"):
        return "profile likelihood"
    return kind


def methods_table(est: StratumEstimate, level: float, title: str) -> Table:
    pct = int(level * 100)
    table = Table(title=title, title_justify="left")
    table.add_column("method")
    table.add_column("estimate", justify="right")
    table.add_column(f"{pct}% interval", justify="right")
    table.add_column("undocumented", justify="right")
    table.add_column("interval from")
    for m in est.methods:
        unconverged = m.method == "lcmcr" and m.diagnostics.get("converged") is False
        table.add_row(
            m.label + (" - NOT CONVERGED, do not use" if unconverged else ""),
            _fmt(m.estimate),
            _interval(m.interval),
            _fmt(m.estimate - est.observed),
            _short_kind(m),
            style="bold red" if unconverged else None,
        )
    return table


def method_details(est: StratumEstimate) -> list[str]:
    lines: list[str] = []
    for m in est.methods:
        bits: list[str] = []
        if m.model is not None:
            bits.append("terms " + (", ".join(m.model) or "none (independence)"))
        if m.profile_interval is not None and m.interval is not m.profile_interval:
            bits.append(f"profile likelihood given this model {_interval(m.profile_interval)}")
        d = m.diagnostics
        if m.method == "lcmcr" and d:
            medians = ", ".join(_fmt(x) for x in d.get("chain_medians") or [])
            bits.append(
                f"{d.get('chains')} chains, R-hat {d.get('rhat')}, effective sample size "
                f"{d.get('ess')}, posterior mean {_fmt(d.get('posterior_mean'))}, chain "
                f"medians {medians}"
            )
        if m.method == "dga" and d:
            bits.append(
                f"most probable graph {d.get('top_graph')} (probability {d.get('top_graph_probability')})"
            )
        if d.get("bootstrap_replicates"):
            bits.append(
                f"{d['bootstrap_replicates']} bootstrap replicates "
                f"({d.get('bootstrap_failed', 0)} without an estimate)"
            )
        # The non-convergence message has its own red panel; here it would only repeat.
        bits.extend(n for n in m.notes if not n.startswith("LCMCR DID NOT CONVERGE"))
        if bits:
            lines.append(f"{m.method}: " + "; ".join(bits))
    return lines


def models_table(est: StratumEstimate) -> Table:
    table = Table(
        title="Sensitivity: the best log-linear models by BIC (and independence)",
        title_justify="left",
    )
    table.add_column("interaction terms")
    table.add_column("estimate", justify="right")
    table.add_column("AIC", justify="right")
    table.add_column("BIC", justify="right")
    for row in est.models[:6]:
        table.add_row(
            ", ".join(row["terms"]) or "none (independence)",
            _fmt(row["estimate"]),
            f"{row['aic']:.1f}",
            f"{row['bic']:.1f}",
        )
    return table


def render(report: EstimateReport, console: Console, *, show_models: bool = True) -> None:
    level = report.options.level
    overall = report.overall
    sizes = ", ".join(f"{k} {v:,}" for k, v in overall.list_sizes.items())
    head = Text.assemble(
        ("Recorded by at least one list: ", "bold"),
        f"{overall.observed:,} people. ",
        ("Lists: ", "bold"),
        sizes,
    )
    parts: list[Any] = [head]
    title = "Estimated total (all strata)" if report.total is not None else "Estimated total"
    parts.append(methods_table(overall, level, title))
    if report.total is not None:
        parts.append(
            Text(
                f"Sum of {len(report.strata)} strata estimated separately; each interval comes "
                "from the strata's bootstrap replicates or posterior draws summed draw by draw.",
                style="dim",
            )
        )
    else:
        parts.extend(Text(line, style="dim") for line in method_details(overall))
    if report.total is None and show_models and overall.models:
        parts.append(models_table(overall))
    console.print(Panel(Group(*parts), title="Multiple systems estimation", expand=False))
    if report.total is not None:
        for s in report.strata:
            console.print(methods_table(s, level, f"Stratum {s.label()}: {s.observed:,} recorded"))
    failed = [w for w in report.warnings if w.startswith("LCMCR DID NOT CONVERGE")]
    if failed:
        # Loud on purpose: a figure from chains that disagree looks as valid as any other.
        console.print(
            Panel(
                Text("\n\n".join(failed)),
                title="LCMCR did not converge",
                border_style="bold red",
                expand=False,
            )
        )
    if report.warnings:
        console.print(Text("Warnings", style="bold red"))
        for w in report.warnings:
            console.print(Text(f"  ! {w}", style="red"))
    console.print(Text("Assumptions behind every figure above", style="bold"))
    for a in report.assumptions:
        console.print(f"  - {a}", highlight=False)
    console.print(
        "  Read the range across methods, not one figure: they differ in how they model "
        "dependence between lists, which the data cannot settle.",
        highlight=False,
    )


def to_json(report: EstimateReport) -> dict[str, Any]:
    return report.to_dict()


def plot(report: EstimateReport, path: Path) -> Path:
    """The bootstrap and posterior distributions, with each method's interval and the observed
    count. The format follows the file's suffix (.png or .svg)."""
    suffix = path.suffix.lower()
    if suffix not in (".png", ".svg"):
        raise InputError(f"the picture must be a .png or .svg file, not {path.name}")
    import matplotlib

    matplotlib.use("Agg")
    import matplotlib.pyplot as plt

    est = report.overall
    methods: list[MethodResult] = list(est.methods)
    fig, (ax_d, ax_i) = plt.subplots(
        2,
        1,
        figsize=(9, 3 + 0.5 * len(methods)),
        sharex=True,
        gridspec_kw={"height_ratios": [2, 1]},
    )
    finite_all = [m.draws[np.isfinite(m.draws)] for m in methods if m.draws is not None and m.draws.size]
    upper = max(
        [est.observed * 1.2]
        + [float(np.quantile(d, 0.99)) for d in finite_all if d.size]
        + [m.interval[1] for m in methods if m.interval and math.isfinite(m.interval[1])]
    )
    bins = np.linspace(est.observed * 0.95, upper, 80)
    colours = plt.rcParams["axes.prop_cycle"].by_key()["color"]
    for i, m in enumerate(methods):
        colour = colours[i % len(colours)]
        if m.draws is not None:
            d = m.draws[np.isfinite(m.draws)]
            if d.size:
                ax_d.hist(
                    np.clip(d, bins[0], bins[-1]),
                    bins=bins,
                    density=True,
                    histtype="step",
                    color=colour,
                    label=m.method,
                )
        y = len(methods) - i
        if m.interval is not None:
            hi = m.interval[1] if math.isfinite(m.interval[1]) else upper
            ax_i.plot([m.interval[0], hi], [y, y], color=colour, linewidth=3)
        ax_i.plot([m.estimate], [y], "o", color="black", markersize=4)
    for ax in (ax_d, ax_i):
        ax.axvline(est.observed, color="grey", linestyle="--")
    ax_d.text(est.observed, ax_d.get_ylim()[1] * 0.95, " recorded", color="grey", va="top")
    ax_d.set_ylabel("bootstrap / posterior density")
    ax_d.legend(fontsize="small")
    ax_d.set_title(
        f"Estimated population ({est.observed:,} recorded); lines: "
        f"{int(report.options.level * 100)}% intervals"
    )
    ax_i.set_yticks(range(len(methods), 0, -1), [m.method for m in methods])
    ax_i.set_xlabel("people (recorded + estimated undocumented)")
    ax_i.set_xlim(bins[0], bins[-1])
    fig.tight_layout()
    path.parent.mkdir(parents=True, exist_ok=True)
    fig.savefig(path, format=suffix[1:])
    plt.close(fig)
    return path
