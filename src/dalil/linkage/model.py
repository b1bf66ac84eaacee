"""The Splink model: comparisons, blocking, training, prediction, constrained clustering.

One settings object serves both engines (DuckDB embedded, Spark for lists too large for one
machine); only the database API differs. Training needs no labels (u by random sampling, the prior
from strict deterministic rules, m by expectation maximisation); reviewers' accepted pairs, when
there are some, re-estimate m. Clustering is done here rather than by Splink's connected
components because reviewers' cannot-link decisions must be able to keep two groups apart.
"""

from __future__ import annotations

import atexit
import functools
import hashlib
import logging
import os
import shutil
import tempfile
import uuid
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any, Literal

import pandas as pd

from dalil.errors import ConfigError, InputError

__all__ = [
    "Constraints",
    "LinkageResult",
    "assign_stable_ids",
    "blocking_rules",
    "cluster_pairs",
    "link_records",
    "make_db_api",
    "settings",
]

Engine = Literal["duckdb", "spark"]

#: Pairs at or above this match probability are merged into one victim.
DEFAULT_THRESHOLD = 0.9
#: Pairs in this band go to human review.
DEFAULT_REVIEW_BAND = (0.5, 0.97)


def _name_comparison(col: str, label: str) -> Any:
    import splink.comparison_level_library as cll
    import splink.comparison_library as cl

    return cl.CustomComparison(
        output_column_name=label,
        comparison_levels=[
            cll.NullLevel(col),
            cll.ExactMatchLevel(col),
            cll.JaroWinklerLevel(col, 0.9),
            cll.JaroWinklerLevel(col, 0.75),
            cll.ElseLevel(),
        ],
        comparison_description=f"{label} (name skeleton)",
    )


def comparisons() -> list[Any]:
    import splink.comparison_level_library as cll
    import splink.comparison_library as cl

    full_name = cl.CustomComparison(
        output_column_name="full_name",
        comparison_levels=[
            cll.NullLevel("full_key"),
            cll.ExactMatchLevel("full_key").configure(label_for_charts="all name parts equal"),
            cll.ExactMatchLevel("sorted_key").configure(
                label_for_charts="same name parts, other order"
            ),
            cll.ArrayIntersectLevel("name_tokens", 3),
            cll.JaroWinklerLevel("full_key", 0.92),
            cll.ArrayIntersectLevel("name_tokens", 2),
            cll.JaroWinklerLevel("full_key", 0.8),
            cll.ArrayIntersectLevel("name_tokens", 1),
            cll.ElseLevel(),
        ],
        comparison_description="whole name, order-free token overlap for swapped/missing parts",
    )
    # Tolerance follows each date's precision: a date known to the month covers the whole month,
    # so two records agree when the intervals they cover overlap or nearly touch.
    gap = (
        "greatest(0, greatest(death_start_l, death_start_r) - least(death_end_l, death_end_r))"
    )
    death = cl.CustomComparison(
        output_column_name="date_of_death",
        comparison_levels=[
            cll.CustomLevel(
                "death_start_l IS NULL OR death_start_r IS NULL", base_dialect_str="duckdb"
            ).configure(is_null_level=True),
            cll.CustomLevel(
                "death_start_l = death_start_r AND death_end_l = death_end_r "
                "AND death_start_l = death_end_l",
                label_for_charts="same day",
                base_dialect_str="duckdb",
            ),
            cll.CustomLevel(f"{gap} = 0", label_for_charts="intervals overlap",
                            base_dialect_str="duckdb"),
            cll.CustomLevel(f"{gap} <= 7", label_for_charts="within a week",
                            base_dialect_str="duckdb"),
            cll.CustomLevel(f"{gap} <= 62", label_for_charts="within two months",
                            base_dialect_str="duckdb"),
            cll.ElseLevel(),
        ],
        comparison_description="date of death or disappearance, precision-aware",
    )
    birth = cl.CustomComparison(
        output_column_name="birth_year",
        comparison_levels=[
            cll.NullLevel("birth_year"),
            cll.ExactMatchLevel("birth_year"),
            cll.AbsoluteDifferenceLevel("birth_year", 1),
            cll.AbsoluteDifferenceLevel("birth_year", 3),
            cll.AbsoluteDifferenceLevel("birth_year", 8),
            cll.ElseLevel(),
        ],
        comparison_description="birth year, given or derived from age at death",
    )
    place = cl.CustomComparison(
        output_column_name="place",
        comparison_levels=[
            cll.CustomLevel(
                "(place_key_l IS NULL OR place_key_r IS NULL) AND "
                "(governorate_key_l IS NULL OR governorate_key_r IS NULL)",
                base_dialect_str="duckdb",
            ).configure(is_null_level=True),
            cll.ExactMatchLevel("place_key"),
            cll.JaroWinklerLevel("place_key", 0.88),
            cll.ExactMatchLevel("governorate_key").configure(label_for_charts="same governorate"),
            cll.ElseLevel(),
        ],
        comparison_description="place of death, then its governorate",
    )
    origin = cl.CustomComparison(
        output_column_name="origin",
        comparison_levels=[
            cll.NullLevel("origin_key"),
            cll.ExactMatchLevel("origin_key"),
            cll.JaroWinklerLevel("origin_key", 0.88),
            cll.ElseLevel(),
        ],
        comparison_description="place of origin",
    )
    return [
        full_name,
        _name_comparison("given_key", "given_name"),
        _name_comparison("father_key", "father_name"),
        _name_comparison("family_key", "family_name"),
        _name_comparison("mother_key", "mother_name"),
        cl.ExactMatch("sex"),
        birth,
        death,
        place,
        origin,
    ]


def blocking_rules() -> list[Any]:
    """Rules that generate candidate pairs. Each rule tolerates errors in every field it does not
    use, so that a pair is missed only when every rule has a disagreeing field."""
    from splink import block_on

    return [
        block_on("given_key", "family_key"),
        block_on("given_key", "father_key", "death_year"),
        block_on("given_key", "father_key", "birth_year"),
        block_on("family_key", "father_key"),
        block_on("sorted_key"),
        block_on("given_key", "birth_year", "death_year"),
        block_on("family_key", "birth_year", "death_year"),
        block_on("given_key", "place_key", "death_month"),
        block_on("family_key", "death_start"),
        block_on("given_key", "death_start"),
        block_on("father_key", "death_start"),
        block_on("birth_year", "death_start", "sex"),
        # given and family name entered in each other's places (block sizes must not grow with
        # the list: the month of death, not the year)
        "l.given_key = r.family_key AND l.family_key = r.given_key",
        "l.given_key = r.family_key AND l.death_month = r.death_month",
        "l.family_key = r.given_key AND l.death_month = r.death_month",
    ]


def settings(extra_comparisons: Sequence[Any] = (), extra_blocking: Sequence[Any] = ()) -> Any:
    """Splink settings. Lists with fields beyond the victim-record fields (a national id, a full
    date of birth, an address) add their own comparisons and blocking rules."""
    from splink import SettingsCreator

    return SettingsCreator(
        link_type="dedupe_only",
        unique_id_column_name="unique_id",
        comparisons=[*comparisons(), *extra_comparisons],
        blocking_rules_to_generate_predictions=[*blocking_rules(), *extra_blocking],
        retain_intermediate_calculation_columns=True,
        retain_matching_columns=False,
        additional_columns_to_retain=["list_name"],
    )


# --- engines ---------------------------------------------------------------------------------

_SPARK_SESSION: Any = None


@functools.cache
def _private_scratch(prefix: str) -> str:
    """A folder only this account can read, removed when the process exits (one per prefix).

    The engines' scratch (Spark's warehouse and checkpoints with Splink's parquet copies,
    DuckDB's spill files) holds victim records: it must not land in the user's working
    directory (DuckDB's default ``.tmp``, Spark's ``spark-warehouse``) or in a fixed path under
    /tmp that other accounts can read.
    """
    scratch = tempfile.mkdtemp(prefix=prefix)  # mode 0700
    atexit.register(shutil.rmtree, scratch, True)
    return scratch


def spark_session() -> Any:
    """A local Spark session with Splink's similarity jar (created once per process)."""
    global _SPARK_SESSION
    if _SPARK_SESSION is not None:
        return _SPARK_SESSION
    try:
        from pyspark.sql import SparkSession
        from splink.backends.spark import similarity_jar_location
    except ImportError as exc:
        raise ConfigError(
            "the Spark engine needs pyspark: pip install 'dalil[spark]' (and Java 17)"
        ) from exc
    scratch = _private_scratch("dalil-spark-")
    _SPARK_SESSION = (
        SparkSession.builder.master("local[2]")
        .appName("dalil-linkage")
        .config("spark.jars", similarity_jar_location())
        .config("spark.sql.warehouse.dir", os.path.join(scratch, "warehouse"))
        .config("spark.sql.shuffle.partitions", "8")
        .config("spark.driver.memory", "4g")
        .config("spark.ui.enabled", "false")
        .config("spark.ui.showConsoleProgress", "false")
        .getOrCreate()
    )
    _SPARK_SESSION.sparkContext.setLogLevel("ERROR")
    _SPARK_SESSION.sparkContext.setCheckpointDir(os.path.join(scratch, "checkpoints"))
    return _SPARK_SESSION


def make_db_api(engine: Engine) -> Any:
    if engine == "duckdb":
        import duckdb
        from splink import DuckDBAPI

        # (as a connection setting, not a SET statement: the temp root may hold any character)
        con = duckdb.connect(":memory:",
                             config={"temp_directory": _private_scratch("dalil-duckdb-")})
        return DuckDBAPI(connection=con)
    if engine == "spark":
        from splink import SparkAPI

        return SparkAPI(  # type: ignore[no-untyped-call]
            spark_session=spark_session(), break_lineage_method="parquet")
    raise ConfigError(f"unknown linkage engine {engine!r}; use duckdb or spark")


# --- constraints and clustering --------------------------------------------------------------

def _pair(a: str, b: str) -> tuple[str, str]:
    return (a, b) if a <= b else (b, a)


@dataclass
class Constraints:
    """Reviewers' decisions: pairs that must or must not be the same victim."""

    must_link: set[tuple[str, str]] = field(default_factory=set)
    cannot_link: set[tuple[str, str]] = field(default_factory=set)

    @classmethod
    def from_pairs(
        cls, must: Iterable[tuple[str, str]] = (), cannot: Iterable[tuple[str, str]] = ()
    ) -> Constraints:
        return cls({_pair(a, b) for a, b in must}, {_pair(a, b) for a, b in cannot})


class _DisjointSets:
    """Union-find that refuses a union joining two records a reviewer kept apart."""

    def __init__(self, cannot: set[tuple[str, str]], list_of: Mapping[str, str] | None = None
                 ) -> None:
        self.parent: dict[str, str] = {}
        self.list_of = list_of
        self.lists: dict[str, set[str]] = {}  # root -> lists its records come from
        self.apart: dict[str, set[str]] = {}  # root -> records its group must not join
        for a, b in cannot:
            self.apart.setdefault(a, set()).add(b)
            self.apart.setdefault(b, set()).add(a)
        self.members: dict[str, set[str]] = {}

    def find(self, x: str) -> str:
        parent = self.parent
        root = x
        while parent.get(root, root) != root:
            root = parent[root]
        while x != root:
            nxt = parent.get(x, x)
            parent[x] = root
            x = nxt
        return root

    def _lists(self, root: str) -> set[str]:
        if root not in self.lists and self.list_of is not None:
            self.lists[root] = {self.list_of.get(root, "")}
        return self.lists.get(root, set())

    def union(self, a: str, b: str, *, check_lists: bool = False) -> bool:
        ra, rb = self.find(a), self.find(b)
        if ra == rb:
            return True
        if check_lists and self.list_of is not None:
            la, lb = self._lists(ra), self._lists(rb)
            if not la.isdisjoint(lb):
                return False
        ma = self.members.get(ra, {ra})
        mb = self.members.get(rb, {rb})
        bad_a = self.apart.get(ra, set())
        bad_b = self.apart.get(rb, set())
        if (bad_a and not bad_a.isdisjoint(mb)) or (bad_b and not bad_b.isdisjoint(ma)):
            return False
        if len(ma) < len(mb):
            ra, rb, ma, mb, bad_a, bad_b = rb, ra, mb, ma, bad_b, bad_a
        self.parent[rb] = ra
        if self.list_of is not None:
            self.lists[ra] = self._lists(ra) | self._lists(rb)
            self.lists.pop(rb, None)
        ma |= mb
        self.members[ra] = ma
        self.members.pop(rb, None)
        if bad_b:
            self.apart[ra] = bad_a | bad_b
            self.apart.pop(rb, None)
        return True


def cluster_pairs(
    record_ids: Iterable[str],
    pairs: pd.DataFrame,
    threshold: float,
    constraints: Constraints | None = None,
    list_of: Mapping[str, str] | None = None,
    duplicate_threshold: float = 0.99,
) -> dict[str, str]:
    """Group records into victims: record id -> cluster representative.

    Must-link pairs are joined first, then predicted pairs at or above ``threshold`` from the most
    to the least probable; a join that would put a cannot-link pair together is skipped.

    With ``list_of`` (record id -> list name), a victim holds at most one record per list unless
    two records of the same list are themselves a pair at ``duplicate_threshold`` or more: a list
    rarely names one person twice, and this stops chains of near-matches (A1~B1~A2) from merging
    different people who share a common name.
    """
    constraints = constraints or Constraints()
    ds = _DisjointSets(constraints.cannot_link, list_of)
    for a, b in sorted(constraints.must_link):
        ds.union(a, b)
    if len(pairs):
        strong = pairs[pairs["match_probability"] >= threshold]
        strong = strong.sort_values("match_probability", ascending=False, kind="stable")
        cannot = constraints.cannot_link
        for a, b, p in zip(strong["unique_id_l"].astype(str), strong["unique_id_r"].astype(str),
                           strong["match_probability"], strict=True):
            if cannot and _pair(a, b) in cannot:
                continue
            same_list = list_of is not None and list_of.get(a) == list_of.get(b)
            if same_list and p < duplicate_threshold:
                continue
            ds.union(a, b, check_lists=not same_list)
    return {rid: ds.find(rid) for rid in record_ids}


def _new_victim_id(members: Sequence[str]) -> str:
    # Derived from the member record ids, so the same cluster gets the same id on any machine.
    digest = hashlib.sha256("\n".join(sorted(members)).encode()).hexdigest()
    return f"V-{digest[:12]}"


def assign_stable_ids(
    clusters: Mapping[str, str], previous: Mapping[str, str] | None = None
) -> dict[str, str]:
    """Victim id per record. A cluster keeps its previous victim id when it holds the same
    records as before, or (after growing) the id most of its previously linked records had, as
    long as no larger part of that old victim went elsewhere."""
    previous = previous or {}
    groups: dict[str, list[str]] = {}
    for rid, root in clusters.items():
        groups.setdefault(root, []).append(rid)
    # votes: old victim id -> list of (overlap, cluster root)
    claims: dict[str, list[tuple[int, str, str]]] = {}
    for root, members in groups.items():
        counts: dict[str, int] = {}
        for rid in members:
            old = previous.get(rid)
            if old:
                counts[old] = counts.get(old, 0) + 1
        for old, n in counts.items():
            claims.setdefault(old, []).append((n, min(members), root))
    owner: dict[str, str] = {}  # cluster root -> inherited old id
    for old, cands in sorted(claims.items()):
        cands.sort(key=lambda c: (-c[0], c[1]))
        for _n, _first, root in cands:
            if root not in owner:
                owner[root] = old
                break
    out: dict[str, str] = {}
    for root, members in groups.items():
        vid = owner.get(root) or _new_victim_id(members)
        for rid in members:
            out[rid] = vid
    return out


# --- the run ---------------------------------------------------------------------------------

@dataclass
class LinkageResult:
    pairs: pd.DataFrame  # unique_id_l, unique_id_r, match_probability, match_weight, bf_* ...
    victim_of: dict[str, str]  # record id -> victim id
    model_json: dict[str, Any]
    threshold: float

    def review_candidates(
        self, band: tuple[float, float], constraints: Constraints | None = None
    ) -> pd.DataFrame:
        """Pairs whose probability is in the uncertain band and that no reviewer has decided."""
        lo, hi = band
        p = self.pairs
        sel = p[(p["match_probability"] >= lo) & (p["match_probability"] < hi)]
        if constraints:
            decided = constraints.must_link | constraints.cannot_link
            keys = [_pair(a, b) for a, b in zip(sel["unique_id_l"].astype(str),
                                                sel["unique_id_r"].astype(str), strict=True)]
            sel = sel.loc[[k not in decided for k in keys]] if len(sel) else sel
        return sel.sort_values("match_probability", ascending=False)


def _silence_splink() -> None:
    for name in ("splink", "py4j"):
        logging.getLogger(name).setLevel(logging.ERROR)


def link_records(
    features: pd.DataFrame,
    *,
    engine: Engine = "duckdb",
    constraints: Constraints | None = None,
    previous_ids: Mapping[str, str] | None = None,
    threshold: float = DEFAULT_THRESHOLD,
    keep_probability: float = 0.3,
    seed: int = 1,
    one_record_per_list: bool = True,
    extra_comparisons: Sequence[Any] = (),
    extra_blocking: Sequence[Any] = (),
    em_rules: Sequence[Any] | None = None,
    prior_rules: Sequence[Any] | None = None,
    label_pairs: Iterable[tuple[str, str]] = (),
) -> LinkageResult:
    """Deduplicate victim records (output of ``features.prepare``) into victims.

    ``label_pairs`` are pairs known to match (reviewers' accepted pairs are added to them); with
    ten or more, the m probabilities are re-estimated from them after EM.
    """
    from splink import Linker, block_on
    from splink.internals.exceptions import EMTrainingException

    if features.empty:
        return LinkageResult(pd.DataFrame(columns=["unique_id_l", "unique_id_r",
                                                   "match_probability", "match_weight"]),
                             {}, {}, threshold)
    if features["unique_id"].duplicated().any():
        raise InputError("record ids must be unique for linkage")
    _silence_splink()
    db_api = make_db_api(engine)
    df = features
    if engine == "spark":
        df = _to_spark(features)
    # A Spark session outlives one run and keeps its views: give each run its own table name.
    sdf = db_api.register(df, dataset_display_name="victim_records",
                          table_name=f"victim_records_{uuid.uuid4().hex[:10]}")
    linker = Linker(sdf, settings(extra_comparisons, extra_blocking), log_level=logging.ERROR)
    n = len(features)
    linker.training.estimate_probability_two_random_records_match(
        list(prior_rules) if prior_rules is not None else
        [block_on("full_key", "birth_year", "death_year"), block_on("full_key", "death_start")],
        recall=0.7,
    )
    settings_obj = linker._settings_obj
    if not settings_obj._probability_two_random_records_match > 0:
        # No pair met the strict rules (a small list, or no dates): assume each record has
        # about one other record of the same person, rather than a prior of zero.
        settings_obj._probability_two_random_records_match = min(0.5, 1.0 / max(2, n))
    linker.training.estimate_u_using_random_sampling(max_pairs=min(2e6, max(1e4, n * n / 4)),
                                                     seed=seed)
    # EM sessions: each fixes one group of fields by blocking and learns the others.
    # Narrow blocks keep EM's "match" class pure: with common names, a block on given and family
    # name alone is mostly different people who share a name, and EM then learns that dates
    # need not agree. All name parts equal trains dates, ages and places; the same day of death
    # and birth year trains the names.
    rules = list(em_rules) if em_rules is not None else [block_on("full_key"),
                                                             block_on("death_start", "birth_year")]
    for rule in rules:
        try:
            linker.training.estimate_parameters_using_expectation_maximisation(
                rule, estimate_without_term_frequencies=True
            )
        except EMTrainingException as exc:
            # A training block with no pairs (a small list, no dates at all) teaches nothing;
            # the other session and the u estimates still hold. Anything else is a real error.
            if "resulted in no record pairs" not in str(exc):
                raise
        except ValueError as exc:
            # On a small list EM can drive a level it never saw among matches to m = 0, which
            # Splink 5 refuses; the session is dropped (the model keeps its other estimates).
            if "m_probability value" not in str(exc):
                raise
    constraints = constraints or Constraints()
    positives = sorted(constraints.must_link | {_pair(a, b) for a, b in label_pairs})
    if positives:
        labels = pd.DataFrame(
            [{"source_dataset_l": "victim_records", "unique_id_l": a,
              "source_dataset_r": "victim_records", "unique_id_r": b}
             for a, b in positives]
        )
        known = set(features["unique_id"])
        labels = labels[labels["unique_id_l"].isin(known) & labels["unique_id_r"].isin(known)]
        if len(labels) >= 10:  # a handful of labels would only add noise to m
            table = linker.table_management.register_table(
                _to_spark(labels) if engine == "spark" else labels, "reviewer_labels",
                overwrite=True,
            )
            linker.training.estimate_m_from_pairwise_labels(table)  # type: ignore[no-untyped-call]
    predictions = linker.inference.predict(threshold_match_probability=keep_probability)
    pairs = predictions.as_pandas_dataframe()  # type: ignore[no-untyped-call]
    keep = ["unique_id_l", "unique_id_r", "match_probability", "match_weight"] + [
        c for c in pairs.columns if c.startswith("mw_")
    ]
    pairs = pairs[[c for c in keep if c in pairs.columns]].copy()
    pairs["unique_id_l"] = pairs["unique_id_l"].astype(str)
    pairs["unique_id_r"] = pairs["unique_id_r"].astype(str)
    list_of = None
    if one_record_per_list and features["list_name"].nunique() > 1:
        list_of = dict(zip(features["unique_id"].astype(str), features["list_name"].astype(str),
                           strict=True))
    clusters = cluster_pairs(features["unique_id"].astype(str), pairs, threshold, constraints,
                             list_of=list_of)
    victim_of = assign_stable_ids(clusters, previous_ids)
    model = linker.misc.save_model_to_json()
    return LinkageResult(pairs, victim_of, model, threshold)


def _to_spark(frame: pd.DataFrame) -> Any:
    spark = spark_session()
    clean = frame.copy()
    for col in clean.columns:
        if str(clean[col].dtype) == "Int64":
            clean[col] = clean[col].astype("float64")
    sdf = spark.createDataFrame(clean.astype(object).where(clean.notna(), None))
    from pyspark.sql import functions as F
    from pyspark.sql.types import LongType

    for col in ("birth_year", "death_start", "death_end", "death_year", "death_month"):
        if col in clean.columns:
            sdf = sdf.withColumn(col, F.col(col).cast(LongType()))
    return sdf


def explain_pair(pairs: pd.DataFrame, a: str, b: str) -> dict[str, float]:
    """The match weight each comparison contributed to a pair (log2 of its Bayes factor)."""
    row = pairs[((pairs["unique_id_l"] == a) & (pairs["unique_id_r"] == b))
                | ((pairs["unique_id_l"] == b) & (pairs["unique_id_r"] == a))]
    if row.empty:
        return {}
    r = row.iloc[0]
    return {c[3:]: round(float(r[c]), 2) for c in pairs.columns
            if c.startswith("mw_") and not pd.isna(r[c])}
