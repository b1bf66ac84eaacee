"""Capture tables: how many victims each combination of lists recorded.

A capture table has one 0/1 column per list and a ``count`` column. Each row is a capture pattern
(which lists recorded the person) and how many unique victims have that pattern. Patterns missing
from the input mean zero; the all-zero pattern (recorded by no list) is what we estimate and must
not be given. Optional stratum columns split the table into independent sub-tables.

Everything here refuses bad input with an :class:`~dalil.errors.InputError` naming the problem,
because a malformed table would otherwise yield a number that looks valid but is not.
"""

from __future__ import annotations

import math
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import numpy as np
import numpy.typing as npt
import pandas as pd

from dalil.errors import InputError

COUNT_COLUMN = "count"
MIN_LISTS = 2
MAX_LISTS = 10

IntArray = npt.NDArray[np.int64]


def all_patterns(n_lists: int) -> IntArray:
    """Every observable capture pattern (2^J - 1 rows, J columns), in a fixed order.

    Row r is the binary expansion of r + 1 with list 0 as the lowest bit, so the order does not
    depend on how the input file was sorted.
    """
    codes = np.arange(1, 2**n_lists, dtype=np.int64)
    return ((codes[:, None] >> np.arange(n_lists, dtype=np.int64)[None, :]) & 1).astype(np.int64)


@dataclass(frozen=True)
class CaptureTable:
    """One (sub-)population's capture table with every observable pattern listed.

    ``patterns`` is (2^J - 1, J) of 0/1 in the order of :func:`all_patterns`; ``counts`` holds the
    number of victims with each pattern (zeros included).
    """

    lists: tuple[str, ...]
    counts: IntArray
    stratum: tuple[tuple[str, str], ...] = ()
    patterns: IntArray = field(init=False, repr=False)

    def __post_init__(self) -> None:
        object.__setattr__(self, "patterns", all_patterns(len(self.lists)))
        if self.counts.shape != (2 ** len(self.lists) - 1,):
            raise InputError(
                "internal: counts do not match the number of capture patterns",
                lists=list(self.lists),
            )

    @property
    def n_lists(self) -> int:
        return len(self.lists)

    @property
    def observed(self) -> int:
        """Number of unique victims recorded by at least one list."""
        return int(self.counts.sum())

    def list_sizes(self) -> dict[str, int]:
        sizes = self.patterns.T @ self.counts
        return {name: int(s) for name, s in zip(self.lists, sizes, strict=True)}

    def overlap(self, members: Sequence[int]) -> int:
        """Victims recorded by every list in ``members`` (and perhaps others too)."""
        mask = np.all(self.patterns[:, list(members)] == 1, axis=1)
        return int(self.counts[mask].sum())

    def stratum_label(self) -> str:
        return ", ".join(f"{k}={v}" for k, v in self.stratum) or "all"

    def with_counts(self, counts: IntArray) -> CaptureTable:
        return CaptureTable(self.lists, counts.astype(np.int64), self.stratum)

    def to_rows(self) -> list[dict[str, int]]:
        return [
            {
                **{name: int(v) for name, v in zip(self.lists, row, strict=True)},
                COUNT_COLUMN: int(c),
            }
            for row, c in zip(self.patterns, self.counts, strict=True)
        ]


@dataclass(frozen=True)
class StratifiedTable:
    """Capture tables for each stratum (or a single table when there are no strata)."""

    lists: tuple[str, ...]
    strata_columns: tuple[str, ...]
    tables: tuple[CaptureTable, ...]

    def pooled(self) -> CaptureTable:
        total = np.sum([t.counts for t in self.tables], axis=0).astype(np.int64)
        return CaptureTable(self.lists, total)


def _is_whole(value: float) -> bool:
    return math.isfinite(value) and float(value).is_integer()


def read_csv(path: Path, strata: Sequence[str] = ()) -> StratifiedTable:
    """Read a capture table from a CSV file (see the module docstring for its shape)."""
    if not path.exists():
        raise InputError(f"capture table {path} does not exist", path=str(path))
    try:
        frame = pd.read_csv(path, dtype=str, keep_default_na=False, skipinitialspace=True)
    except (pd.errors.ParserError, pd.errors.EmptyDataError, UnicodeDecodeError) as exc:
        raise InputError(f"cannot read {path} as CSV: {exc}", path=str(path)) from exc
    return from_frame(frame, strata=strata, source=str(path))


def from_rows(
    rows: Iterable[Mapping[str, Any]] | pd.DataFrame,
    strata: Sequence[str] = (),
    lists: Sequence[str] | None = None,
) -> StratifiedTable:
    """Build capture tables from rows (dicts) or a DataFrame shaped like the CSV."""
    frame = rows if isinstance(rows, pd.DataFrame) else pd.DataFrame(list(rows))
    return from_frame(frame, strata=strata, lists=lists, source="table")


def _numbers(frame: pd.DataFrame, column: str, source: str) -> npt.NDArray[np.float64]:
    raw = frame[column]
    values = pd.to_numeric(raw.astype(str).str.strip(), errors="coerce")
    bad = values.isna()
    if bad.any():
        first = raw[bad].iloc[0]
        raise InputError(
            f"{source}: column {column!r} has a value that is not a number: {first!r} "
            f"(row {int(np.flatnonzero(bad.to_numpy())[0]) + 2} of the file)",
            column=column,
        )
    out: npt.NDArray[np.float64] = values.to_numpy(dtype=np.float64)
    return out


def from_frame(
    frame: pd.DataFrame,
    strata: Sequence[str] = (),
    lists: Sequence[str] | None = None,
    source: str = "table",
) -> StratifiedTable:
    """Validate a capture table and split it by stratum."""
    frame = frame.rename(columns=lambda c: str(c).strip())
    columns = list(frame.columns)
    if COUNT_COLUMN not in columns:
        raise InputError(
            f"{source}: no {COUNT_COLUMN!r} column; a capture table needs one 0/1 column per list "
            f"and a {COUNT_COLUMN!r} column (found: {', '.join(columns) or 'nothing'})"
        )
    if len(set(columns)) != len(columns):
        raise InputError(f"{source}: a column name appears twice")
    strata = [s.strip() for s in strata if s.strip()]
    missing_strata = [s for s in strata if s not in columns]
    if missing_strata:
        raise InputError(
            f"{source}: stratum column(s) {', '.join(missing_strata)} not in the table",
            missing=missing_strata,
        )
    if lists is None:
        list_names = [c for c in columns if c != COUNT_COLUMN and c not in strata]
    else:
        list_names = list(lists)
        absent = [c for c in list_names if c not in columns]
        if absent:
            raise InputError(
                f"{source}: list column(s) {', '.join(absent)} missing from the table",
                missing=absent,
            )
        known = {*list_names, *strata, COUNT_COLUMN}
        extra = [c for c in columns if c not in known]
        if extra:
            raise InputError(
                f"{source}: column(s) {', '.join(extra)} are neither lists nor strata; name "
                "stratum columns with --strata",
                extra=extra,
            )
    if len(list_names) < MIN_LISTS:
        raise InputError(
            f"{source}: {len(list_names)} list column(s) ({', '.join(list_names) or 'none'}); "
            "estimation needs at least two lists, because the undocumented are estimated from how "
            "lists overlap"
        )
    if len(list_names) > MAX_LISTS:
        raise InputError(f"{source}: {len(list_names)} lists; at most {MAX_LISTS} are supported")
    if frame.empty:
        raise InputError(f"{source}: the table has no rows")

    counts = _numbers(frame, COUNT_COLUMN, source)
    if (counts < 0).any():
        raise InputError(f"{source}: a count is negative ({counts[counts < 0][0]:g})")
    if not all(_is_whole(c) for c in counts):
        bad = next(c for c in counts if not _is_whole(c))
        raise InputError(f"{source}: a count is not a whole number of people ({bad:g})")

    bits = np.zeros((len(frame), len(list_names)), dtype=np.int64)
    for j, name in enumerate(list_names):
        values = _numbers(frame, name, source)
        if not np.isin(values, (0.0, 1.0)).all():
            bad = values[~np.isin(values, (0.0, 1.0))][0]
            raise InputError(
                f"{source}: list column {name!r} must hold only 0 or 1, found {bad:g}",
                column=name,
            )
        bits[:, j] = values.astype(np.int64)

    codes = bits @ (1 << np.arange(len(list_names), dtype=np.int64))
    zero_rows = (codes == 0) & (counts > 0)
    if zero_rows.any():
        raise InputError(
            f"{source}: a row has a count for the pattern recorded by no list; that number is "
            "unknown by definition and is what is being estimated. Remove the row."
        )

    keys = (
        [tuple(str(v).strip() for v in row) for row in frame[strata].itertuples(index=False)]
        if strata
        else [()] * len(frame)
    )
    order: list[tuple[str, ...]] = []
    grouped: dict[tuple[str, ...], IntArray] = {}
    for key, code, count in zip(keys, codes, counts, strict=True):
        if key not in grouped:
            grouped[key] = np.zeros(2 ** len(list_names) - 1, dtype=np.int64)
            order.append(key)
        if code > 0:
            grouped[key][code - 1] += int(count)
    tables = tuple(
        CaptureTable(tuple(list_names), grouped[key], tuple(zip(strata, key, strict=True))) for key in order
    )
    return StratifiedTable(tuple(list_names), tuple(strata), tables)
