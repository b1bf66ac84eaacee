"""`dalil estimate`: multiple systems estimation from a capture table or the linked victims."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer
from rich.progress import BarColumn, Progress, TaskID, TextColumn, TimeElapsedColumn

from dalil.cli.context import AppState, console, err_console, print_json
from dalil.errors import InputError


def _split(values: list[str] | None) -> list[str]:
    return [v.strip() for item in values or [] for v in item.split(",") if v.strip()]


def register(app: typer.Typer) -> None:
    @app.command("estimate")
    def estimate_command(
        ctx: typer.Context,
        table: Annotated[
            Path | None,
            typer.Argument(
                help="Capture table CSV: one 0/1 column per list and a `count` column.",
                show_default=False,
            ),
        ] = None,
        from_victims: Annotated[
            bool, typer.Option("--from-victims", help="Use the workspace's linked victims.")
        ] = False,
        method: Annotated[
            list[str] | None,
            typer.Option(
                "--method",
                "-m",
                help="Method(s), repeat or comma-separate: bic, aic, stepwise, stepwise-p, downhill, "
                "average, lcmcr, dga. Default: bic, aic, stepwise, average, lcmcr.",
            ),
        ] = None,
        max_order: Annotated[
            int, typer.Option("--max-order", help="Highest interaction order in log-linear models.")
        ] = 2,
        strata: Annotated[
            str | None, typer.Option("--strata", help="Stratum columns, comma-separated.")
        ] = None,
        bootstrap: Annotated[
            int, typer.Option("--bootstrap", help="Bootstrap replicates (0: profile intervals).")
        ] = 1000,
        resampling: Annotated[
            str,
            typer.Option(
                "--resampling",
                help="Bootstrap from the observed counts (nonparametric) or from each method's "
                "fitted model (parametric).",
            ),
        ] = "nonparametric",
        interval: Annotated[
            str,
            typer.Option(
                "--interval",
                help="Bootstrap interval: bca (bias-corrected and accelerated, as the published "
                "estimates use) or percentile.",
            ),
        ] = "bca",
        p_threshold: Annotated[
            float,
            typer.Option(
                "--p-threshold",
                help="stepwise-p: add a two-list term only while its p-value is below this.",
            ),
        ] = 0.02,
        level: Annotated[float, typer.Option("--level", help="Interval level.")] = 0.95,
        seed: Annotated[int, typer.Option("--seed", help="Random seed (results repeat).")] = 0,
        chains: Annotated[int, typer.Option("--chains", help="LCMCR chains.")] = 4,
        burnin: Annotated[int, typer.Option("--burnin", help="LCMCR burn-in sweeps.")] = 10_000,
        samples: Annotated[int, typer.Option("--samples", help="LCMCR samples kept per chain.")] = 1_000,
        thinning: Annotated[int, typer.Option("--thinning", help="LCMCR thinning.")] = 100,
        classes: Annotated[int, typer.Option("--classes", help="LCMCR latent classes K.")] = 10,
        lcmcr_cap: Annotated[
            int,
            typer.Option(
                "--lcmcr-cap",
                help="LCMCR: at most this many undocumented per recorded person (the R "
                "package's 20); 0 removes the bound.",
            ),
        ] = 20,
        as_json: Annotated[bool, typer.Option("--json", help="Print JSON.")] = False,
        plot: Annotated[Path | None, typer.Option("--plot", help="Write a picture (.png or .svg).")] = None,
    ) -> None:
        """Estimate how many victims no list recorded (multiple systems estimation)."""
        from dalil import estimate as mse
        from dalil.estimate.report import plot as draw
        from dalil.estimate.report import render, to_json

        if (table is None) == (not from_victims):
            raise InputError("give either a capture table CSV or --from-victims (one of the two)")
        if plot is not None and plot.suffix.lower() not in (".png", ".svg"):
            raise InputError(f"the picture must be a .png or .svg file, not {plot.name}")
        for name, value in (("chains", chains), ("samples", samples), ("thinning", thinning)):
            if value < 1:
                raise InputError(f"--{name} must be at least 1")
        if burnin < 0 or classes < 1 or lcmcr_cap < 0:
            raise InputError("--burnin and --lcmcr-cap cannot be negative and --classes must be at least 1")
        options = mse.EstimateOptions(
            methods=tuple(_split(method)) or mse.DEFAULT_METHODS,
            max_order=max_order,
            bootstrap=bootstrap,
            resampling=resampling,
            interval=interval,
            p_threshold=p_threshold,
            level=level,
            seed=seed,
            lcmcr=mse.LcmcrSettings(
                k=classes,
                burnin=burnin,
                samples=samples,
                thinning=thinning,
                chains=chains,
                cap_ratio=lcmcr_cap,
            ),
        )
        strata_cols = _split([strata] if strata else [])
        if from_victims:
            capture_histories = mse.linkage_overlap()  # before opening the workspace
            state: AppState = ctx.obj
            frame = capture_histories(state.workspace(), strata=strata_cols)
            tables = mse.from_rows(frame, strata=strata_cols)
        else:
            assert table is not None
            tables = mse.read_csv(table, strata=strata_cols)

        with Progress(
            TextColumn("{task.description}"),
            BarColumn(),
            TextColumn("{task.percentage:>3.0f}%"),
            TimeElapsedColumn(),
            console=err_console,
            transient=True,
            disable=not err_console.is_terminal,
        ) as bar:
            tasks: dict[str, TaskID] = {}

            def progress(stage: str, done: int, total: int) -> None:
                if stage not in tasks:
                    tasks[stage] = bar.add_task(stage, total=total)
                bar.update(tasks[stage], completed=done, total=total)

            report = mse.estimate(tables, options, progress)

        if plot is not None:
            draw(report, plot)
        if as_json:
            data = to_json(report)
            if plot is not None:
                data["plot"] = str(plot)
            print_json(data)
        else:
            render(report, console)
            if plot is not None:
                console.print(f"Picture written to {plot}", highlight=False)
