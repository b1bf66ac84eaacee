"""Fixtures for the estimation tests: the published overlap tables and small made-up ones."""

from __future__ import annotations

import os
from collections.abc import Callable
from pathlib import Path

import pytest

from dalil.estimate.table import CaptureTable, read_csv

# the type of the `load` fixture: a benchmark table by file name
Load = Callable[[str], CaptureTable]


def _find_benchmarks() -> Path | None:
    here = Path(__file__).resolve()
    for parent in here.parents:
        for candidate in (parent / "shared", parent.parent / "shared"):
            path = candidate / "benchmarks" / "mse"
            if path.is_dir():
                return path
    return None


BENCH = _find_benchmarks()


@pytest.fixture(scope="session")
def bench_dir() -> Path:
    if BENCH is None:
        message = "the published MSE tables (shared/benchmarks/mse) are not beside the checkout"
        if os.environ.get("CI"):
            pytest.fail(message)  # CI lays shared/ beside the clone: missing data is a failure
        pytest.skip(message)
    return BENCH


@pytest.fixture(scope="session")
def load(bench_dir: Path) -> Load:
    def _load(name: str) -> CaptureTable:
        return read_csv(bench_dir / name).tables[0]

    return _load
