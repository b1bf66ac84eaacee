"""Multiple systems estimation: how many victims no list recorded, with honest uncertainty.

Public entry points:

- :func:`estimate_rows` takes a capture table as rows (dicts or a pandas DataFrame with one 0/1
  column per list, optional stratum columns and ``count``) and returns an
  :class:`EstimateReport`.
- :func:`estimate_csv` does the same for a CSV file.
- :func:`estimate_from_victims` asks the linkage stage for the overlap of linked victims.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping, Sequence
from pathlib import Path
from typing import Any

import pandas as pd

from dalil.errors import DalilError
from dalil.estimate.core import (
    ASSUMPTIONS,
    DEFAULT_METHODS,
    METHODS,
    EstimateOptions,
    EstimateReport,
    MethodResult,
    Progress,
    StratumEstimate,
    estimate,
    estimate_table,
)
from dalil.estimate.lcmcr import LcmcrSettings
from dalil.estimate.table import CaptureTable, StratifiedTable, from_rows, read_csv

# The workspace is passed through untouched to the linkage stage, which owns its type.
Workspace = Any


def estimate_rows(
    rows: Iterable[Mapping[str, Any]] | pd.DataFrame,
    strata: Sequence[str] = (),
    options: EstimateOptions | None = None,
    progress: Progress | None = None,
) -> EstimateReport:
    """Estimate from a capture table given as rows or a DataFrame."""
    return estimate(from_rows(rows, strata=strata), options, progress)


def estimate_csv(
    path: Path,
    strata: Sequence[str] = (),
    options: EstimateOptions | None = None,
    progress: Progress | None = None,
) -> EstimateReport:
    return estimate(read_csv(path, strata=strata), options, progress)


def linkage_overlap() -> Callable[..., pd.DataFrame]:
    """The linkage stage's ``capture_histories(workspace, strata)``, or a clear error if the
    linkage stage is not installed."""
    try:
        # Imported lazily: estimation works on its own, without the linkage stage installed.
        from dalil.linkage.overlap import (  # type: ignore[import-not-found, unused-ignore]
            capture_histories,
        )
    except ModuleNotFoundError as exc:
        if exc.name not in ("dalil.linkage", "dalil.linkage.overlap"):
            raise
        raise DalilError(
            "victim linkage is not available yet in this installation, so there are no linked "
            "victims to estimate from; export the overlap table as CSV and run "
            "`dalil estimate TABLE.csv` instead"
        ) from exc
    function: Callable[..., pd.DataFrame] = capture_histories
    return function


def victims_table(workspace: Workspace, strata: Sequence[str]) -> pd.DataFrame:
    """The capture table of the workspace's linked victims (from the linkage stage)."""
    return linkage_overlap()(workspace, strata=list(strata))


def estimate_from_victims(
    workspace: Workspace,
    strata: Sequence[str] = (),
    options: EstimateOptions | None = None,
    progress: Progress | None = None,
) -> EstimateReport:
    return estimate_rows(victims_table(workspace, strata), strata, options, progress)


__all__ = [
    "ASSUMPTIONS",
    "DEFAULT_METHODS",
    "METHODS",
    "CaptureTable",
    "EstimateOptions",
    "EstimateReport",
    "LcmcrSettings",
    "MethodResult",
    "StratifiedTable",
    "StratumEstimate",
    "estimate",
    "estimate_csv",
    "estimate_from_victims",
    "estimate_rows",
    "estimate_table",
    "from_rows",
    "linkage_overlap",
    "read_csv",
    "victims_table",
]
