"""The overlap (capture-history) table: the input of multiple systems estimation.

One row per pattern of lists and stratum: a 0/1 column per list (did that list record the victim),
the stratum columns, and ``count``, the number of unique victims with that pattern. A victim's
stratum value is taken from its records (the most frequent non-empty value; ties go to the
earliest record), so that two lists disagreeing about a governorate do not split one victim.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pandas as pd

from dalil.errors import InputError
from dalil.linkage.places import canonical_governorate

__all__ = ["STRATA", "capture_histories", "capture_histories_from_records"]

#: Fields a table may be stratified by; ``month`` and ``year`` come from the date of death.
STRATA = ("governorate", "year", "month", "sex", "status", "manner_of_death", "place_of_death",
          "age_group")


def _age_group(age: Any) -> str | None:
    if age is None or pd.isna(age):
        return None
    a = int(age)
    if a < 18:
        return "0-17"
    if a < 60:
        return "18-59"
    return "60+"


def _stratum_values(records: pd.DataFrame, stratum: str,
                    gazetteer_dir: Path | None = None) -> pd.Series:
    if stratum == "year":
        return records["date_of_death"].fillna("").astype(str).str[:4].replace("", None)
    if stratum == "month":
        d = records["date_of_death"].fillna("").astype(str)
        return d.where(d.str.len() >= 7, "").str[:7].replace("", None)
    if stratum == "age_group":
        return records["age"].map(_age_group)
    if stratum == "governorate":
        # one name per governorate whatever the list's script, so that strata do not split
        return records["governorate"].map(
            lambda g: (canonical_governorate(str(g), gazetteer_dir) or str(g).strip() or None)
            if isinstance(g, str) else None)
    return records[stratum].where(records[stratum].astype(str).str.strip() != "", None)


def capture_histories_from_records(records: pd.DataFrame, strata: list[str],
                                   gazetteer_dir: Path | None = None) -> pd.DataFrame:
    """From a table of records with ``victim_id`` and ``list_name`` (and the strata fields);
    governorates are folded by the shipped gazetteer plus ``gazetteer_dir``."""
    unknown = [s for s in strata if s not in STRATA]
    if unknown:
        raise InputError(f"cannot stratify by {', '.join(unknown)}; choose from "
                         f"{', '.join(STRATA)}")
    recs = records[records["victim_id"].notna()].copy()
    lists = sorted(recs["list_name"].unique())
    if recs.empty:
        return pd.DataFrame(columns=[*lists, *strata, "count"])
    presence = pd.crosstab(recs["victim_id"], recs["list_name"]).clip(upper=1)
    presence = presence.reindex(columns=lists, fill_value=0)
    table = presence.copy()
    for stratum in strata:
        recs[f"__{stratum}"] = _stratum_values(recs, stratum, gazetteer_dir)
        vals = recs.dropna(subset=[f"__{stratum}"])
        if vals.empty:
            table[stratum] = "unknown"
            continue
        counts = vals.groupby(["victim_id", f"__{stratum}"], sort=False).size().rename("n")
        counts = counts.reset_index().sort_values(["victim_id", "n"], ascending=[True, False],
                                                  kind="stable")
        mode = counts.drop_duplicates("victim_id").set_index("victim_id")[f"__{stratum}"]
        table[stratum] = mode.reindex(table.index).fillna("unknown").astype(str)
    out = table.groupby([*lists, *strata], dropna=False).size().rename("count").reset_index()
    for col in lists:
        out[col] = out[col].astype(int)
    return out.sort_values([*strata, *lists], kind="stable").reset_index(drop=True)


def capture_histories(workspace: Any, strata: list[str]) -> pd.DataFrame:
    """The capture-history table of a workspace's linked victims (contract with estimation).

    One 0/1 column per victim list, the stratum columns, and ``count``. Run
    `dalil victims link` first: unlinked records are not counted.
    """
    from dalil.linkage.service import records_frame

    records = records_frame(workspace)
    if records["victim_id"].isna().all() and len(records):
        raise InputError("records are not linked yet: run `dalil victims link` first")
    return capture_histories_from_records(records, list(strata),
                                          getattr(workspace.settings, "gazetteer_dir", None))
