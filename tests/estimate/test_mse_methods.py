"""The method driver: strata totals, warnings, the decomposable-graph average, the
linked-victims entry point and the JSON shape."""

from __future__ import annotations

import json
import math

import numpy as np
import pandas as pd
import pytest
from tests.estimate.conftest import Load

from dalil.errors import DalilError
from dalil.estimate import (
    EstimateOptions,
    LcmcrSettings,
    estimate_from_victims,
    estimate_rows,
)
from dalil.estimate.dga import decomposable_graphs, run_dga

QUICK_LCMCR = LcmcrSettings(burnin=2000, samples=400, thinning=5, chains=2)


def _simulate(rng: np.random.Generator, n: int, probs: list[float]) -> list[dict[str, int]]:
    caught = rng.random((n, len(probs))) < np.array(probs)
    caught = caught[caught.any(axis=1)]
    frame = pd.DataFrame(caught.astype(int), columns=[f"L{i + 1}" for i in range(len(probs))])
    grouped = frame.value_counts().reset_index(name="count")
    return grouped.to_dict("records")  # type: ignore[no-any-return]


def test_graph_counts_match_known_numbers() -> None:
    # Decomposable (chordal) graphs on 2..5 labelled vertices.
    assert [len(decomposable_graphs(k)) for k in (2, 3, 4, 5)] == [2, 8, 61, 822]


def test_dga_on_korea_picks_the_published_model(load: Load) -> None:
    result = run_dga(load("korea_comfort_women_palembang_3lists.csv"), 0.95, np.random.default_rng(0))
    assert result.diagnostics["top_graph"] == "[B,C] [C,D]"
    assert 140 < result.estimate < 175  # the log-linear fit of that graph gives 157.2
    assert result.interval is not None and result.interval[0] >= 123


def test_dga_refuses_six_lists(load: Load) -> None:
    with pytest.raises(DalilError, match="at most 5 lists"):
        run_dga(load("uk_modern_slavery_2013_6lists.csv"), 0.95, np.random.default_rng(0))


def test_strata_total_sums_draws_not_interval_ends() -> None:
    rng = np.random.default_rng(4)
    rows = []
    for governorate, n in (("Homs", 2000), ("Hama", 1500), ("Idlib", 1200)):
        for r in _simulate(rng, n, [0.3, 0.25, 0.35]):
            rows.append({**r, "governorate": governorate})
    frame = pd.DataFrame(rows)  # the shape dalil.linkage.overlap.capture_histories returns
    options = EstimateOptions(methods=("bic", "lcmcr"), bootstrap=200, lcmcr=QUICK_LCMCR, seed=1)
    report = estimate_rows(frame, strata=["governorate"], options=options)
    assert report.total is not None
    assert [s.stratum["governorate"] for s in report.strata] == ["Homs", "Hama", "Idlib"]
    for name in ("bic", "lcmcr"):
        total = report.total.method(name)
        parts = [s.method(name) for s in report.strata]
        assert total.estimate == pytest.approx(sum(p.estimate for p in parts))
        assert total.interval is not None
        naive_low = sum(p.interval[0] for p in parts if p.interval)
        naive_high = sum(p.interval[1] for p in parts if p.interval)
        # Independent errors partly cancel: the true total interval is narrower than the sum of
        # the ends, and still contains the total.
        assert naive_low < total.interval[0] < total.estimate < total.interval[1] < naive_high
    assert report.total.observed == sum(s.observed for s in report.strata)
    assert "BCa" in report.total.method("bic").interval_kind
    assert 3500 < report.total.method("bic").estimate < 6000
    assert any("estimated separately" in w for w in report.warnings)


def test_disagreement_and_sparse_warnings_on_uk(load: Load) -> None:
    table = load("uk_modern_slavery_2013_5lists.csv")
    report = estimate_rows(table.to_rows(), options=EstimateOptions(methods=("bic", "stepwise"), bootstrap=0))
    text = " ".join(report.warnings)
    assert "disagree widely" in text
    assert "Sparse table" in text
    assert "LA and GP share no records" in text
    stepwise = report.overall.method("stepwise")
    assert stepwise.interval_kind.startswith("profile likelihood")
    assert stepwise.interval == stepwise.profile_interval


def test_json_shape_never_a_number_alone(load: Load) -> None:
    table = load("korea_comfort_women_palembang_3lists.csv")
    report = estimate_rows(
        table.to_rows(),
        options=EstimateOptions(
            bootstrap=50,
            lcmcr=QUICK_LCMCR,
            methods=("bic", "aic", "stepwise", "average", "lcmcr", "dga"),
        ),
    )
    data = json.loads(json.dumps(report.to_dict()))
    overall = data["overall"]
    assert overall["observed"] == 123
    assert {m["method"] for m in overall["methods"]} == {
        "bic",
        "aic",
        "stepwise",
        "average",
        "lcmcr",
        "dga",
    }
    for m in overall["methods"]:
        assert m["estimate"] >= 123
        assert m["interval"] is not None and m["interval_kind"]
    assert len(data["assumptions"]) >= 3 and "Closed population" in data["assumptions"][0]
    assert overall["models"] and "terms" in overall["models"][0]
    lc = next(m for m in overall["methods"] if m["method"] == "lcmcr")
    assert {"rhat", "ess", "chains"} <= set(lc["diagnostics"])


def test_from_victims_uses_the_linkage_overlap(monkeypatch: pytest.MonkeyPatch) -> None:
    import sys
    import types

    rng = np.random.default_rng(8)
    frame = pd.DataFrame(
        [{**r, "month": m} for m in ("2012-03", "2012-04") for r in _simulate(rng, 900, [0.4, 0.3])]
    )
    seen: dict[str, object] = {}

    def capture_histories(workspace: object, strata: list[str]) -> pd.DataFrame:
        seen["workspace"], seen["strata"] = workspace, strata
        return frame

    module = types.ModuleType("dalil.linkage.overlap")
    module.capture_histories = capture_histories  # type: ignore[attr-defined]
    monkeypatch.setitem(sys.modules, "dalil.linkage", types.ModuleType("dalil.linkage"))
    monkeypatch.setitem(sys.modules, "dalil.linkage.overlap", module)
    report = estimate_from_victims(
        "ws", strata=["month"], options=EstimateOptions(methods=("bic",), bootstrap=100)
    )
    assert seen == {"workspace": "ws", "strata": ["month"]}
    assert [s.stratum for s in report.strata] == [{"month": "2012-03"}, {"month": "2012-04"}]
    assert report.total is not None
    assert math.isfinite(report.total.method("bic").estimate)
