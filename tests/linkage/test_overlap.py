"""The capture-history table."""

from __future__ import annotations

import pandas as pd
import pytest

from dalil.errors import InputError
from dalil.linkage.overlap import capture_histories_from_records

RECORDS = pd.DataFrame(
    [
        # victim, list, governorate, date, sex, age
        ("V1", "A", "Homs", "2013-04-03", "male", 30),
        ("V1", "B", "حمص", "2013-04", "male", 31),
        ("V2", "A", "Hama", "2013-05-01", "female", 12),
        ("V3", "B", "Homs", "2014", "male", 70),
        ("V4", "C", "Homs", "2013-04-09", "male", None),
        ("V4", "A", "Homs", "2013-04-09", "male", None),
        ("V4", "B", "Homs", "2013-04-09", "male", None),
        (None, "A", "Homs", "2013-04-09", "male", None),  # not linked yet: not counted
    ],
    columns=["victim_id", "list_name", "governorate", "date_of_death", "sex", "age"],
)


def test_without_strata() -> None:
    t = capture_histories_from_records(RECORDS, [])
    rows = {tuple(r[:3]): r[3] for r in t.itertuples(index=False)}
    assert rows == {(1, 1, 0): 1, (1, 0, 0): 1, (0, 1, 0): 1, (1, 1, 1): 1}
    assert list(t.columns) == ["A", "B", "C", "count"]


def test_by_governorate_and_year() -> None:
    t = capture_histories_from_records(RECORDS, ["governorate", "year"])
    got = sorted(tuple(r) for r in t.itertuples(index=False))
    assert got == sorted([
        (1, 1, 0, "Homs", "2013", 1),  # حمص and Homs are one governorate
        (1, 0, 0, "Hama", "2013", 1),
        (0, 1, 0, "Homs", "2014", 1),
        (1, 1, 1, "Homs", "2013", 1),
    ])


def test_month_and_age_group() -> None:
    t = capture_histories_from_records(RECORDS, ["month", "age_group"])
    v3 = t[(t["A"] == 0) & (t["B"] == 1)]
    assert v3["month"].tolist() == ["unknown"]  # known only to the year
    assert set(t["age_group"]) == {"18-59", "0-17", "60+", "unknown"}
    assert int(t["count"].sum()) == 4


def test_unknown_stratum_is_refused() -> None:
    with pytest.raises(InputError, match="religion"):
        capture_histories_from_records(RECORDS, ["religion"])
