"""Speed and peak memory of Dalil's linkage beside plain Splink, on the same generated records.

    python bench/linkage_speed.py                   # 100,000 records
    python bench/linkage_speed.py --sizes 100000,1000000
    python bench/linkage_speed.py --engine spark --sizes 100000

Both pipelines run on the same engine, each in its own process (so peak memory is its own):

- dalil: name folding and features (``prepare``), Splink training (prior, u sampling, two EM
  sessions), prediction with Dalil's comparisons and blocking rules, constrained clustering and
  stable ids.
- plain Splink: the raw columns with Splink's library comparisons (NameComparison per name
  part, exact sex/age/date/place), blocking on pairs of raw name columns,
  the same training steps and Splink's own connected-components clustering. Raw names in
  different scripts never share a block, so it scores far fewer pairs (and finds few links).
- plain Splink with Dalil's blocking: the same default comparisons on the raw columns, but
  blocked with Dalil's rules on Dalil's name keys (their computation is timed too), so it
  scores the same candidate pairs: the cost of Dalil's comparisons and clustering.

Targets on a 2-core machine: 1,000,000 records in under 10 minutes and 8 GB, within 2x of plain
Splink's time. The 1,000,000 run is a benchmark, not a CI test.
"""

from __future__ import annotations

import argparse
import json
import logging
import resource
import subprocess
import sys
import time
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "src"))

CACHE = Path("/tmp/dalil-linkage-speed")


def _victims_for(n_records: int) -> int:
    # the generator makes about 1.8 records per person with its five overlapping lists
    return max(100, int(n_records / 1.8))


def generate(n_records: int) -> Path:
    from dalil.linkage.generate import GeneratorConfig, generate_lists

    CACHE.mkdir(exist_ok=True)
    path = CACHE / f"records_{n_records}.parquet"
    if path.exists():
        return path
    records = generate_lists(GeneratorConfig(n_victims=_victims_for(n_records), seed=3,
                                             extra_families=20_000))
    records = records.head(n_records).copy()
    records["age"] = records["age"].astype("Int64")
    records["birth_year"] = records["birth_year"].astype("Int64")
    records.to_parquet(path, index=False)
    return path


def run_dalil(path: Path, engine: str) -> dict[str, Any]:
    import pandas as pd

    from dalil.linkage.features import prepare
    from dalil.linkage.model import link_records

    records = pd.read_parquet(path)
    t0 = time.perf_counter()
    features = prepare(records)
    t_prep = time.perf_counter() - t0
    result = link_records(features, engine=engine)  # type: ignore[arg-type]
    total = time.perf_counter() - t0
    return {"seconds": total, "prepare_seconds": t_prep, "pairs": len(result.pairs),
            "victims": len(set(result.victim_of.values()))}


def run_plain(path: Path, engine: str, same_blocking: bool = False) -> dict[str, Any]:
    import pandas as pd
    import splink.comparison_library as cl
    from splink import Linker, SettingsCreator, block_on

    from dalil.linkage.model import blocking_rules, make_db_api

    records = pd.read_parquet(path)
    t0 = time.perf_counter()
    df = pd.DataFrame({
        "unique_id": records["record_id"],
        # plain Splink has no name parser: a full-name cell goes into the given-name column
        "given_name": records["given_name"].fillna(records["full_name"]).replace("", None),
        "father_name": records["father_name"].replace("", None),
        "family_name": records["family_name"].replace("", None),
        "sex": records["sex"].replace("", None),
        "age": records["age"].astype("float64"),  # exact match, Splink's default for a number
        "date_of_death": records["date_of_death"].replace("", None),
        "place_of_death": records["place_of_death"].replace("", None),
    })
    if same_blocking:
        # Dalil's blocking keys (computed outside the timed part's comparisons, but inside
        # the timing: plain Splink cannot block across scripts without them)
        from dalil.linkage.features import prepare

        keys = prepare(records).drop(columns=["unique_id", "list_name"])
        df = pd.concat([df.reset_index(drop=True), keys.reset_index(drop=True)], axis=1)
    settings = SettingsCreator(
        link_type="dedupe_only",
        comparisons=[
            cl.NameComparison("given_name"),
            cl.NameComparison("father_name"),
            cl.NameComparison("family_name"),
            cl.ExactMatch("sex"),
            cl.ExactMatch("age"),
            cl.ExactMatch("date_of_death"),
            cl.ExactMatch("place_of_death"),
        ],
        # Pairs of raw name columns: blocking on a raw date of death explodes at a million
        # records (dates known only to the year form huge blocks; that run was killed for
        # memory at 13 GB).
        blocking_rules_to_generate_predictions=blocking_rules() if same_blocking else [
            block_on("given_name", "family_name"),
            block_on("given_name", "father_name"),
            block_on("father_name", "family_name"),
        ],
        retain_intermediate_calculation_columns=True,
    )
    db_api = make_db_api(engine)  # type: ignore[arg-type]
    if engine == "spark":
        from dalil.linkage.model import _to_spark

        sdf = db_api.register(_to_spark(df), table_name=f"plain_{len(df)}")
    else:
        sdf = db_api.register(df)
    linker = Linker(sdf, settings, log_level=logging.ERROR)
    linker.training.estimate_probability_two_random_records_match(
        [block_on("given_name", "family_name", "date_of_death")], recall=0.7)
    linker.training.estimate_u_using_random_sampling(max_pairs=1e6, seed=1)
    for rule in (block_on("given_name", "family_name"), block_on("date_of_death", "age")):
        try:
            linker.training.estimate_parameters_using_expectation_maximisation(rule)
        except ValueError as exc:  # the same Splink 5 m = 0 refusal Dalil's model tolerates
            if "m_probability value" not in str(exc):
                raise
    pred = linker.inference.predict(threshold_match_probability=0.3)
    clusters = linker.clustering.cluster_pairwise_predictions_at_threshold(pred, 0.9)
    n_clusters = clusters.as_pandas_dataframe()["cluster_id"].nunique()
    total = time.perf_counter() - t0
    return {"seconds": total, "pairs": pred.as_pandas_dataframe().shape[0],
            "victims": int(n_clusters)}


def child(which: str, path: Path, engine: str) -> None:
    logging.getLogger("splink").setLevel(logging.ERROR)
    if which == "dalil":
        out = run_dalil(path, engine)
    else:
        out = run_plain(path, engine, same_blocking=which == "plain-same-blocking")
    # ru_maxrss is in KiB on Linux; it covers DuckDB's native memory in this process
    out["peak_mb"] = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    if engine == "spark":
        out["note"] = "peak is the Python driver; the JVM is a separate process"
    print("RESULT " + json.dumps(out))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__,
                                     formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--sizes", default="100000")
    parser.add_argument("--engine", default="duckdb", choices=["duckdb", "spark"])
    parser.add_argument("--child", choices=["dalil", "plain", "plain-same-blocking"])
    parser.add_argument("--path", type=Path)
    args = parser.parse_args()
    if args.child:
        child(args.child, args.path, args.engine)
        return
    rows = []
    for size in (int(s) for s in args.sizes.split(",")):
        t = time.perf_counter()
        path = generate(size)
        print(f"generated {size:,} records in {time.perf_counter() - t:.0f} s ({path})",
              flush=True)
        for which in ("dalil", "plain", "plain-same-blocking"):
            proc = subprocess.run(
                [sys.executable, __file__, "--child", which, "--path", str(path),
                 "--engine", args.engine],
                capture_output=True, text=True, check=False)
            line = [ln for ln in proc.stdout.splitlines() if ln.startswith("RESULT ")]
            if proc.returncode != 0 or not line:
                print(proc.stderr[-3000:], file=sys.stderr)
                raise SystemExit(f"{which} failed on {size} records")
            res = json.loads(line[0][7:])
            rows.append((size, which, res))
            print(f"  {which}: {res}", flush=True)
    print()
    print(f"engine: {args.engine}; machine: 2 cores shared with other work")
    print(f"{'records':>10}  {'pipeline':<24} {'seconds':>8} {'peak MB':>8} {'pairs':>10} "
          f"{'victims':>9}  {'x plain':>7}  {'x same-blocking':>15}")
    plain_time = {size: r["seconds"] for size, w, r in rows if w == "plain"}
    same_time = {size: r["seconds"] for size, w, r in rows if w == "plain-same-blocking"}
    for size, which, r in rows:
        ratio = r["seconds"] / plain_time[size] if size in plain_time else float("nan")
        ratio2 = r["seconds"] / same_time[size] if size in same_time else float("nan")
        label = {"dalil": "dalil", "plain": "plain Splink",
                 "plain-same-blocking": "plain, Dalil's blocking"}[which]
        print(f"{size:>10,}  {label:<24} {r['seconds']:8.1f} {r['peak_mb']:8.0f} "
              f"{r['pairs']:>10,} {r['victims']:>9,}  {ratio:7.2f}  {ratio2:15.2f}")
    print("targets: 1,000,000 records < 600 s and < 8,192 MB, and <= 2.0 x plain Splink")


if __name__ == "__main__":
    main()
