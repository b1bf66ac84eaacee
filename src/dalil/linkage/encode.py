"""Privacy-preserving linkage: keyed Bloom-filter encodings of victim records.

Two organisations that cannot share names agree on a secret key. Each encodes its list with it:
every name part becomes a Bloom filter of its character bigrams, each bigram set with
HMAC-SHA256 under the key (Schnell, Bachteler and Reiher's field-level Bloom filters, with
keyed hashing so that a dictionary attack needs the key). Exact-value fields (birth year, dates,
places) become keyed HMAC tokens. Linkage then compares filters by their Dice coefficient and
tokens by equality; no plain name leaves either organisation.

The filters are stored as the sorted positions of their set bits, which DuckDB compares with
list functions. Encoding is hand-written because the maintained CLK libraries (anonlink,
clkhash) are not installable here; the construction is the standard one.
"""

from __future__ import annotations

import hashlib
import hmac
import json
from datetime import date
from pathlib import Path
from typing import Any

import pandas as pd

from dalil.errors import InputError

__all__ = ["BLOOM_BITS", "HASHES", "encode_features", "link_encoded", "read_encoded",
           "write_encoded"]

BLOOM_BITS = 512
HASHES = 15
NAME_FIELDS = ("given_key", "father_key", "family_key", "full_key")
TOKEN_FIELDS = ("given_key", "father_key", "family_key", "sorted_key", "sex", "birth_year",
                "death_start", "death_year", "place_key", "origin_key")
FORMAT = "dalil-encoded-victims/1"


def _bigrams(text: str) -> list[str]:
    padded = f"_{text}_"
    return [padded[i:i + 2] for i in range(len(padded) - 1)]


def bloom_positions(text: str, key: bytes, field: str) -> list[int]:
    """Set-bit positions of the keyed Bloom filter of ``text`` (double hashing, k = HASHES)."""
    bits: set[int] = set()
    for gram in _bigrams(text):
        msg = f"{field}\x1f{gram}".encode()
        h1 = int.from_bytes(hmac.new(key, b"1" + msg, hashlib.sha256).digest()[:8], "big")
        h2 = int.from_bytes(hmac.new(key, b"2" + msg, hashlib.sha256).digest()[:8], "big")
        for i in range(HASHES):
            bits.add((h1 + i * h2) % BLOOM_BITS)
    return sorted(bits)


def _token(value: Any, key: bytes, field: str) -> str | None:
    if value is None or (isinstance(value, float) and pd.isna(value)) or value is pd.NA:
        return None
    text = str(value)
    if not text:
        return None
    return hmac.new(key, f"{field}\x1f{text}".encode(), hashlib.sha256).hexdigest()[:24]


def encode_features(features: pd.DataFrame, key: bytes) -> pd.DataFrame:
    """Encode the output of ``features.prepare``: no plain name or value survives."""
    if len(key) < 16:
        raise InputError("the shared secret key must be at least 16 bytes")
    out = pd.DataFrame({"unique_id": features["unique_id"].astype(str)})
    for f in NAME_FIELDS:
        out[f"{f}_bf"] = [bloom_positions(v, key, f) if isinstance(v, str) and v else None
                          for v in features[f]]
    for f in TOKEN_FIELDS:
        out[f"{f}_h"] = [_token(v, key, f) for v in features[f]]
    # the month a date of death falls in, so that a date known to the day can meet one known
    # only to the month (the plain model compares the intervals; tokens cannot)
    epoch = date(1970, 1, 1).toordinal()
    months = [date.fromordinal(epoch + int(v)).strftime("%Y-%m")
              if v is not None and not pd.isna(v) else None for v in features["death_start"]]
    out["death_month_h"] = [_token(m, key, "death_month") for m in months]
    out["name_tokens_h"] = [sorted({_token(t, key, "token") or "" for t in toks})
                            for toks in features["name_tokens"]]
    return out


def write_encoded(frame: pd.DataFrame, path: Path, list_name: str) -> None:
    with path.open("w", encoding="utf-8") as fh:
        fh.write(json.dumps({"format": FORMAT, "list": list_name, "bits": BLOOM_BITS,
                             "hashes": HASHES, "records": len(frame)}) + "\n")
        for row in frame.to_dict("records"):
            fh.write(json.dumps(row) + "\n")


def read_encoded(path: Path) -> tuple[str, pd.DataFrame]:
    try:
        lines = path.read_text(encoding="utf-8").splitlines()
        header = json.loads(lines[0])
    except (OSError, ValueError, IndexError) as exc:
        raise InputError(f"{path} is not an encoded victim list: {exc}") from exc
    if header.get("format") != FORMAT:
        raise InputError(f"{path} is not an encoded victim list ({FORMAT})")
    rows = [json.loads(line) for line in lines[1:] if line.strip()]
    return str(header.get("list", path.stem)), pd.DataFrame(rows)


def _dice_level(col: str, threshold: float) -> Any:
    import splink.comparison_level_library as cll

    # Filters are DuckDB BIT strings here (see link_encoded) with their popcount alongside:
    # bit_count of an AND is far cheaper than intersecting lists of positions.
    sql = (f"2.0 * bit_count({col}_l & {col}_r) "
           f"/ ({col}_n_l + {col}_n_r) >= {threshold}")
    return cll.CustomLevel(sql, label_for_charts=f"Dice >= {threshold}",
                           base_dialect_str="duckdb")


def _encoded_settings() -> Any:
    import splink.comparison_level_library as cll
    import splink.comparison_library as cl
    from splink import SettingsCreator, block_on

    def bf(col: str, label: str) -> Any:
        return cl.CustomComparison(
            output_column_name=label,
            comparison_levels=[cll.NullLevel(col), _dice_level(col, 0.99), _dice_level(col, 0.8),
                               _dice_level(col, 0.6), cll.ElseLevel()])

    # Dates compare only exactly (same day, same year): a keyed token hides how far apart two
    # dates are. This is part of the accuracy cost of encoded linkage.
    comps = [
        cl.CustomComparison(output_column_name="name_tokens", comparison_levels=[
            cll.NullLevel("sorted_key_h"),
            cll.ExactMatchLevel("sorted_key_h"),
            cll.ArrayIntersectLevel("name_tokens_h", 3),
            cll.ArrayIntersectLevel("name_tokens_h", 2),
            cll.ArrayIntersectLevel("name_tokens_h", 1),
            cll.ElseLevel()]),
        bf("given_key_bf", "given_name"),
        bf("father_key_bf", "father_name"),
        bf("family_key_bf", "family_name"),
        bf("full_key_bf", "full_name"),
        cl.ExactMatch("sex_h"),
        cl.ExactMatch("birth_year_h"),
        cl.CustomComparison(output_column_name="date_of_death", comparison_levels=[
            cll.NullLevel("death_year_h"),
            cll.ExactMatchLevel("death_start_h"),
            cll.ExactMatchLevel("death_month_h"),
            cll.ExactMatchLevel("death_year_h"),
            cll.ElseLevel()]),
        cl.ExactMatch("place_key_h"),
    ]
    return SettingsCreator(
        link_type="link_only",
        unique_id_column_name="unique_id",
        comparisons=comps,
        blocking_rules_to_generate_predictions=[
            block_on("given_key_h", "family_key_h"),
            block_on("given_key_h", "father_key_h"),
            block_on("family_key_h", "father_key_h"),
            block_on("sorted_key_h"),
            block_on("given_key_h", "death_start_h"),
            block_on("family_key_h", "death_start_h"),
            block_on("father_key_h", "death_start_h"),
            block_on("birth_year_h", "death_start_h"),
            block_on("given_key_h", "birth_year_h", "death_year_h"),
            block_on("family_key_h", "birth_year_h", "death_year_h"),
        ],
        retain_intermediate_calculation_columns=True,
    )


def _as_bitstrings(frame: pd.DataFrame) -> pd.DataFrame:
    out = frame.copy()
    for f in NAME_FIELDS:
        col = f"{f}_bf"
        bits: list[str | None] = []
        counts: list[int | None] = []
        for positions in out[col]:
            if positions is None or (isinstance(positions, float) and pd.isna(positions)):
                bits.append(None)
                counts.append(None)
                continue
            row = ["0"] * BLOOM_BITS
            for p in positions:
                row[int(p)] = "1"
            bits.append("".join(row))
            counts.append(len(positions))
        out[col] = bits
        out[f"{col}_n"] = counts
    return out


def link_encoded(a: pd.DataFrame, b: pd.DataFrame, *, threshold: float = 0.9) -> pd.DataFrame:
    """Pairs (id in A, id in B, probability) judged the same person, one-to-one."""
    import logging

    from splink import DuckDBAPI, Linker, block_on

    logging.getLogger("splink").setLevel(logging.ERROR)
    db_api = DuckDBAPI()
    con = db_api.duckdb_con
    for name, frame in (("encoded_a", a), ("encoded_b", b)):
        con.register(f"{name}_raw", _as_bitstrings(frame))
        casts = ", ".join(f"CAST({f}_bf AS BIT) AS {f}_bf" for f in NAME_FIELDS)
        con.execute(f"CREATE TABLE {name} AS SELECT * REPLACE ({casts}) FROM {name}_raw")
    # list names are free text; the tables get fixed names
    sa = db_api.register("encoded_a", dataset_display_name="encoded_a")
    sb = db_api.register("encoded_b", dataset_display_name="encoded_b")
    linker = Linker([sa, sb], _encoded_settings(), log_level=logging.ERROR)
    linker.training.estimate_probability_two_random_records_match(
        [block_on("sorted_key_h", "birth_year_h", "death_year_h")], recall=0.7)
    n = len(a) + len(b)
    # Dice on bit-position lists is costly in SQL: a smaller u sample is enough for 13 levels.
    # min_count_per_level=None: otherwise Splink keeps sampling until even the rarest level
    # (near-identical filters of different people) has been seen 100 times, which here means
    # most of the cartesian product.
    linker.training.estimate_u_using_random_sampling(max_pairs=min(1e6, max(1e4, n * n / 4)),
                                                     seed=1, min_count_per_level=None)
    for rule in (block_on("sorted_key_h"), block_on("death_start_h", "birth_year_h")):
        linker.training.estimate_parameters_using_expectation_maximisation(
            rule, estimate_without_term_frequencies=True)
    pred = linker.inference.predict(threshold_match_probability=threshold).as_pandas_dataframe()  # type: ignore[no-untyped-call]
    pred = pred.sort_values("match_probability", ascending=False)
    # one-to-one: each record of A matches at most one record of B, best pairs first
    used_l: set[str] = set()
    used_r: set[str] = set()
    rows = []
    for l_id, r_id, l_src, p, w in zip(pred["unique_id_l"].astype(str),
                                       pred["unique_id_r"].astype(str),
                                       pred["source_dataset_l"], pred["match_probability"],
                                       pred["match_weight"], strict=True):
        if l_src != "encoded_a":
            l_id, r_id = r_id, l_id
        if l_id in used_l or r_id in used_r:
            continue
        used_l.add(l_id)
        used_r.add(r_id)
        rows.append({"id_a": l_id, "id_b": r_id, "match_probability": float(p),
                     "match_weight": float(w)})
    return pd.DataFrame(rows, columns=["id_a", "id_b", "match_probability", "match_weight"])
