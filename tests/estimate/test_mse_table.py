"""Capture tables: reading, and refusing every kind of bad input with a clear message."""

from __future__ import annotations

from pathlib import Path

import numpy as np
import pandas as pd
import pytest

from dalil.errors import InputError
from dalil.estimate import EstimateOptions, estimate_rows
from dalil.estimate.core import check_table
from dalil.estimate.table import all_patterns, from_rows, read_csv

ROWS = [
    {"A": 1, "B": 0, "C": 0, "count": 40},
    {"A": 0, "B": 1, "C": 0, "count": 30},
    {"A": 0, "B": 0, "C": 1, "count": 25},
    {"A": 1, "B": 1, "C": 0, "count": 8},
    {"A": 1, "B": 0, "C": 1, "count": 6},
    {"A": 0, "B": 1, "C": 1, "count": 5},
]

FAST = EstimateOptions(methods=("bic",), bootstrap=0)


def _csv(tmp_path: Path, text: str) -> Path:
    path = tmp_path / "table.csv"
    path.write_text(text, encoding="utf-8")
    return path


def test_missing_patterns_are_zero_and_order_does_not_matter() -> None:
    table = from_rows(list(reversed(ROWS))).tables[0]
    assert table.lists == ("A", "B", "C")
    assert table.observed == 114
    assert table.counts.tolist() == [40, 30, 8, 25, 6, 5, 0]  # (1,1,1) was absent
    assert table.list_sizes() == {"A": 54, "B": 43, "C": 36}
    assert table.overlap((0, 1)) == 8


def test_patterns_enumerate_every_observable_history() -> None:
    pats = all_patterns(3)
    assert pats.shape == (7, 3)
    assert len({tuple(r) for r in pats}) == 7
    assert not (pats.sum(axis=1) == 0).any()


def test_csv_round_trip(tmp_path: Path) -> None:
    text = "A,B,C,count\n" + "\n".join(f"{r['A']},{r['B']},{r['C']},{r['count']}" for r in ROWS)
    table = read_csv(_csv(tmp_path, text)).tables[0]
    assert table.to_rows()[0] == {"A": 1, "B": 0, "C": 0, "count": 40}
    assert table.observed == 114


def test_dataframe_with_strata_like_the_linkage_overlap() -> None:
    frame = pd.DataFrame(
        [
            {**r, "governorate": g, "count": r["count"] * k}
            for g, k in (("Homs", 1), ("Idlib", 2))
            for r in ROWS
        ]
    )
    tables = from_rows(frame, strata=["governorate"])
    assert tables.strata_columns == ("governorate",)
    assert [t.stratum for t in tables.tables] == [
        (("governorate", "Homs"),),
        (("governorate", "Idlib"),),
    ]
    assert tables.pooled().observed == 3 * 114


@pytest.mark.parametrize(
    ("text", "fragment"),
    [
        ("A,B,C\n1,0,0\n", "no 'count' column"),
        ("A,count\n1,5\n", "at least two lists"),
        ("A,B,count\n1,2,5\n0,1,3\n1,1,1\n", "only 0 or 1"),
        ("A,B,count\n1,yes,5\n", "not a number"),
        ("A,B,count\n1,0,-5\n0,1,3\n1,1,1\n", "negative"),
        ("A,B,count\n1,0,2.5\n0,1,3\n1,1,1\n", "whole number"),
        ("A,B,count\n0,0,7\n1,0,3\n1,1,1\n", "recorded by no list"),
        ("A,B,count\n", "no rows"),
    ],
)
def test_bad_tables_are_refused(tmp_path: Path, text: str, fragment: str) -> None:
    with pytest.raises(InputError, match=fragment):
        read_csv(_csv(tmp_path, text))


def test_missing_file_is_refused(tmp_path: Path) -> None:
    with pytest.raises(InputError, match="does not exist"):
        read_csv(tmp_path / "nope.csv")


def test_missing_list_column_is_named() -> None:
    rows = [{"A": 1, "count": 5}]
    with pytest.raises(InputError, match="list column"):
        from_rows(rows, lists=["A", "B"])


def test_missing_stratum_column_is_named() -> None:
    with pytest.raises(InputError, match="stratum column"):
        from_rows(ROWS, strata=["governorate"])


def test_unexpected_column_is_not_taken_as_a_list() -> None:
    rows = [{**r, "month": "2012-03"} for r in ROWS]
    with pytest.raises(InputError, match="neither lists nor strata"):
        from_rows(rows, lists=["A", "B", "C"])


def test_all_records_on_one_list() -> None:
    rows = [{"A": 1, "B": 0, "count": 50}]
    table = from_rows(rows).tables[0]
    with pytest.raises(InputError, match="all records are on one list"):
        check_table(table)


def test_list_with_no_records_is_refused() -> None:
    rows = [
        {"A": 1, "B": 0, "C": 0, "count": 5},
        {"A": 1, "B": 1, "C": 0, "count": 2},
        {"A": 0, "B": 1, "C": 0, "count": 4},
    ]
    with pytest.raises(InputError, match="C have no records"):
        check_table(from_rows(rows).tables[0])


def test_lists_without_any_overlap_are_refused() -> None:
    rows = [{"A": 1, "B": 0, "count": 5}, {"A": 0, "B": 1, "count": 4}]
    with pytest.raises(InputError, match="no victim is on more than one list"):
        estimate_rows(rows, options=FAST)


def test_empty_stratum_is_refused_with_its_name() -> None:
    rows = [{**r, "governorate": "Homs"} for r in ROWS] + [
        {"A": 1, "B": 0, "C": 0, "count": 0, "governorate": "Raqqa"}
    ]
    with pytest.raises(InputError, match="governorate=Raqqa"):
        estimate_rows(rows, strata=["governorate"], options=FAST)


def test_sparse_and_tiny_lists_are_warned_about() -> None:
    rows = [
        {"A": 1, "B": 0, "C": 0, "count": 300},
        {"A": 0, "B": 1, "C": 0, "count": 200},
        {"A": 1, "B": 1, "C": 0, "count": 60},
        {"A": 1, "B": 0, "C": 1, "count": 2},
        {"A": 0, "B": 0, "C": 1, "count": 1},
    ]
    warnings = check_table(from_rows(rows).tables[0])
    text = " ".join(warnings)
    assert "Tiny list" in text and "C (3)" in text
    assert "Sparse table" in text
    assert "share no records" in text
    assert "Only three lists" in text


def test_duplicate_patterns_are_added() -> None:
    rows = [*ROWS, {"A": 1, "B": 0, "C": 0, "count": 10}]
    assert from_rows(rows).tables[0].counts[0] == 50
    assert np.sum(from_rows(rows).tables[0].counts) == 124
