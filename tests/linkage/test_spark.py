"""The Spark engine (local mode) gives the same victims as DuckDB with the same settings."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from dalil.linkage.features import prepare
from dalil.linkage.generate import GeneratorConfig, generate_lists
from dalil.linkage.model import link_records
from dalil.workspace import Workspace

try:
    import pyspark  # noqa: F401
except ImportError:
    # CI installs dalil[spark] (see the Makefile): there a missing Spark is a failure.
    if os.environ.get("CI"):
        raise
    pytest.skip("the Spark engine is the optional extra dalil[spark]", allow_module_level=True)


def test_spark_and_duckdb_agree() -> None:
    records = generate_lists(GeneratorConfig(n_victims=120, seed=5))
    features = prepare(records)
    duck = link_records(features, engine="duckdb")
    spark = link_records(features, engine="spark")
    same = sum(duck.victim_of[r] == spark.victim_of[r] for r in duck.victim_of)
    # Both engines train on random samples of their own, so a borderline pair may differ.
    assert same / len(duck.victim_of) > 0.97
    assert abs(len(duck.pairs) - len(spark.pairs)) <= 0.05 * len(duck.pairs) + 2


def test_workspace_link_on_spark(workspace: Workspace, tmp_path: Path) -> None:
    from dalil.linkage import service
    from tests.linkage.test_workspace import LIST_A, LIST_B

    (tmp_path / "a.csv").write_text(LIST_A, encoding="utf-8")
    (tmp_path / "b.csv").write_text(LIST_B, encoding="utf-8")
    service.import_list(workspace, tmp_path / "a.csv", "group A")
    service.import_list(workspace, tmp_path / "b.csv", "group B")
    report = service.link_workspace(workspace, engine="spark")
    assert (report.engine, report.records, report.victims) == ("spark", 11, 7)


def test_spark_scratch_is_private_and_outside_the_working_directory(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    # Splink breaks lineage by writing victim records as parquet into the checkpoint folder.
    from dalil.linkage.model import spark_session

    monkeypatch.chdir(tmp_path)
    spark = spark_session()
    checkpoints = Path(spark.sparkContext._jsc.sc().getCheckpointDir().get().removeprefix("file:"))
    warehouse = Path(spark.conf.get("spark.sql.warehouse.dir").removeprefix("file:"))
    scratch = warehouse.parent
    assert scratch.name.startswith("dalil-spark-") and checkpoints.is_relative_to(scratch)
    assert scratch.stat().st_mode & 0o077 == 0  # no access for other accounts
    records = generate_lists(GeneratorConfig(n_victims=40, seed=9))
    link_records(prepare(records), engine="spark")
    assert not (tmp_path / "spark-warehouse").exists()
    assert list(tmp_path.iterdir()) == []
