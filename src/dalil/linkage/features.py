"""Comparable columns for linkage, computed from victim records.

Input: a table of victim records (one row per record, the fields of ``records.VictimRecord`` plus a
``record_id``). Output: one row per record with name-part skeletons (equal across Arabic script
and transliterations), an order-free token set for swapped or missing parts, an estimated birth
year, the interval a date of death covers (its precision), and folded place names.
"""

from __future__ import annotations

from datetime import date
from functools import lru_cache
from typing import Any

import pandas as pd

from dalil.linkage.names import name_key, parse_name
from dalil.linkage.places import canonical_governorate

__all__ = ["FEATURE_COLUMNS", "prepare"]

FEATURE_COLUMNS = [
    "unique_id", "list_name", "given_key", "father_key", "grandfather_key", "family_key",
    "mother_key", "full_key", "sorted_key", "name_tokens", "sex", "birth_year", "death_start",
    "death_end", "death_year", "place_key", "origin_key", "governorate_key",
]

_EPOCH = date(1970, 1, 1)


@lru_cache(maxsize=500_000)
def _key(text: str) -> str:
    # Names repeat a great deal across a list (a few hundred given names cover most people),
    # so caching the regex-heavy folding makes a million records affordable.
    return name_key(text)


def _governorate(text: str) -> str | None:
    if not text:
        return None
    return canonical_governorate(text) or _key(text) or None


def _clean(value: Any) -> str:
    if value is None:
        return ""
    if isinstance(value, float) and pd.isna(value):
        return ""
    return str(value).strip()


def _death_interval(iso: str, precision: str) -> tuple[int | None, int | None]:
    """First and last day (days since 1970) that a date of death of this precision covers."""
    if not iso:
        return None, None
    try:
        parts = [int(p) for p in iso.split("-")]
        if len(parts) == 1 or precision == "year":
            start, end = date(parts[0], 1, 1), date(parts[0], 12, 31)
        elif len(parts) == 2 or precision == "month":
            start = date(parts[0], parts[1], 1)
            nxt = date(parts[0] + (parts[1] == 12), parts[1] % 12 + 1, 1)
            end = date.fromordinal(nxt.toordinal() - 1)
        else:
            start = end = date(parts[0], parts[1], parts[2])
    except ValueError:
        return None, None
    return (start - _EPOCH).days, (end - _EPOCH).days


def _row_features(row: dict[str, Any]) -> dict[str, Any]:
    parts = parse_name(
        _clean(row.get("full_name")) or None,
        given=_clean(row.get("given_name")) or None,
        father=_clean(row.get("father_name")) or None,
        grandfather=_clean(row.get("grandfather_name")) or None,
        family=_clean(row.get("family_name")) or None,
    )
    given, father = _key(parts.given), _key(parts.father)
    grandfather, family = _key(parts.grandfather), _key(parts.family)
    tokens = [t for p in (given, father, grandfather, family) for t in p.split() if t]
    tokens += [t for m in parts.middle for t in _key(m).split() if t]
    full = " ".join(tokens)
    iso, precision = _clean(row.get("date_of_death")), _clean(row.get("date_precision"))
    start, end = _death_interval(iso, precision)
    birth_year = row.get("birth_year")
    age = row.get("age")
    by: int | None = None
    if birth_year is not None and not pd.isna(birth_year) and str(birth_year).strip():
        by = int(float(birth_year))
    elif age is not None and not pd.isna(age) and str(age).strip() and iso:
        # an age at death and the year of death give a birth year to within one year
        by = int(iso[:4]) - int(float(age))
    return {
        "unique_id": str(row["record_id"]),
        "list_name": _clean(row.get("list_name")),
        "given_key": given or None,
        "father_key": father or None,
        "grandfather_key": grandfather or None,
        "family_key": family or None,
        "mother_key": (_key(parse_name(_clean(row.get("mother_name"))).given) or None)
        if _clean(row.get("mother_name")) else None,
        "full_key": full or None,
        "sorted_key": " ".join(sorted(tokens)) or None,
        "name_tokens": sorted(set(tokens)),
        "sex": _clean(row.get("sex")) or None,
        "birth_year": by,
        "death_start": start,
        "death_end": end,
        "death_year": int(iso[:4]) if iso[:4].isdigit() else None,
        "place_key": _key(_clean(row.get("place_of_death"))) or None,
        "origin_key": _key(_clean(row.get("place_of_origin"))) or None,
        "governorate_key": _governorate(_clean(row.get("governorate"))),
    }


def prepare(records: pd.DataFrame) -> pd.DataFrame:
    """Linkage features for a table of victim records (needs ``record_id``)."""
    if "record_id" not in records.columns:
        raise KeyError("records need a record_id column")
    rows = [_row_features(r) for r in records.to_dict("records")]
    out = pd.DataFrame(rows, columns=FEATURE_COLUMNS)
    for col in ("birth_year", "death_start", "death_end", "death_year"):
        out[col] = out[col].astype("Int64")
    return out
