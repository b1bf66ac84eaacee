"""Comparable columns for linkage, computed from victim records.

Input: a table of victim records (one row per record, the fields of ``records.VictimRecord`` plus a
``record_id``). Output: one row per record with name-part skeletons (equal across Arabic script
and transliterations), an order-free token set for swapped or missing parts, an estimated birth
year, the interval a date of death covers (its precision), and folded place names.
"""

from __future__ import annotations

from datetime import date
from functools import lru_cache
from pathlib import Path
from typing import Any

import pandas as pd

from dalil.linkage.names import name_key, parse_name
from dalil.linkage.places import canonical_governorate

__all__ = ["FEATURE_COLUMNS", "prepare"]

FEATURE_COLUMNS = [
    "unique_id", "list_name", "given_key", "father_key", "grandfather_key", "family_key",
    "mother_key", "full_key", "sorted_key", "name_tokens", "sex", "birth_year", "death_start",
    "death_end", "death_year", "death_month", "place_key", "origin_key", "governorate_key",
]

_EPOCH = date(1970, 1, 1)


@lru_cache(maxsize=500_000)
def _key(text: str) -> str:
    # Names repeat a great deal across a list (a few hundred given names cover most people),
    # so caching the regex-heavy folding makes a million records affordable.
    return name_key(text)


def _governorate(text: str, gazetteer_dir: Path | None = None) -> str | None:
    if not text:
        return None
    return canonical_governorate(text, gazetteer_dir) or _key(text) or None


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


@lru_cache(maxsize=200_000)
def _name_features(full: str, given: str, father: str, grandfather: str, family: str
                   ) -> tuple[str | None, str | None, str | None, str | None, tuple[str, ...]]:
    # Cached per distinct name: lists repeat names (and name-part cells) a great deal.
    parts = parse_name(full or None, given=given or None, father=father or None,
                       grandfather=grandfather or None, family=family or None)
    g, f = _key(parts.given), _key(parts.father)
    gf, fam = _key(parts.grandfather), _key(parts.family)
    tokens = [t for p in (g, f, gf, fam) for t in p.split() if t]
    tokens += [t for m in parts.middle for t in _key(m).split() if t]
    return g or None, f or None, gf or None, fam or None, tuple(tokens)


@lru_cache(maxsize=50_000)
def _mother_key(text: str) -> str | None:
    return _key(parse_name(text).given) or None if text else None


@lru_cache(maxsize=20_000)
def _death(iso: str, precision: str
           ) -> tuple[int | None, int | None, int | None, int | None]:
    start, end = _death_interval(iso, precision)
    year = int(iso[:4]) if iso[:4].isdigit() else None
    # months since year 0, for blocking: a date known to the day and one known to the month
    # agree on it; a date known only to the year has none
    month = year * 12 + int(iso[5:7]) - 1 if year is not None and len(iso) >= 7 else None
    return start, end, year, month


def _column(records: pd.DataFrame, name: str) -> list[Any]:
    if name not in records.columns:
        return [""] * len(records)
    col = records[name]
    return [_clean(v) for v in col.tolist()]


def _number_column(records: pd.DataFrame, name: str) -> list[int | None]:
    if name not in records.columns:
        return [None] * len(records)
    values = pd.to_numeric(records[name], errors="coerce")
    return [None if pd.isna(v) else int(v) for v in values.tolist()]


def prepare(records: pd.DataFrame, gazetteer_dir: Path | None = None) -> pd.DataFrame:
    """Linkage features for a table of victim records (needs ``record_id``); governorates are
    folded by the shipped gazetteer plus ``gazetteer_dir`` (a workspace's own folder)."""
    if "record_id" not in records.columns:
        raise KeyError("records need a record_id column")
    cols = {c: _column(records, c) for c in (
        "full_name", "given_name", "father_name", "grandfather_name", "family_name",
        "mother_name", "list_name", "sex", "date_of_death", "date_precision", "place_of_death",
        "place_of_origin", "governorate")}
    birth_years = _number_column(records, "birth_year")
    ages = _number_column(records, "age")
    out: dict[str, list[Any]] = {c: [] for c in FEATURE_COLUMNS}
    out["unique_id"] = [str(v) for v in records["record_id"].tolist()]
    out["list_name"] = cols["list_name"]
    for i in range(len(records)):
        g, f, gf, fam, tokens = _name_features(
            cols["full_name"][i], cols["given_name"][i], cols["father_name"][i],
            cols["grandfather_name"][i], cols["family_name"][i])
        out["given_key"].append(g)
        out["father_key"].append(f)
        out["grandfather_key"].append(gf)
        out["family_key"].append(fam)
        out["mother_key"].append(_mother_key(cols["mother_name"][i]))
        out["full_key"].append(" ".join(tokens) or None)
        out["sorted_key"].append(" ".join(sorted(tokens)) or None)
        out["name_tokens"].append(sorted(set(tokens)))
        out["sex"].append(cols["sex"][i] or None)
        iso = cols["date_of_death"][i]
        start, end, year, month = _death(iso, cols["date_precision"][i])
        by, age = birth_years[i], ages[i]
        if by is None and age is not None and year is not None:
            # an age at death and the year of death give a birth year to within one year
            by = year - age
        out["birth_year"].append(by)
        out["death_start"].append(start)
        out["death_end"].append(end)
        out["death_year"].append(year)
        out["death_month"].append(month)
        out["place_key"].append(_key(cols["place_of_death"][i]) or None)
        out["origin_key"].append(_key(cols["place_of_origin"][i]) or None)
        out["governorate_key"].append(_governorate(cols["governorate"][i], gazetteer_dir))
    frame = pd.DataFrame(out, columns=FEATURE_COLUMNS)
    for col in ("birth_year", "death_start", "death_end", "death_year", "death_month"):
        frame[col] = frame[col].astype("Int64")
    return frame
