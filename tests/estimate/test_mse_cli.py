"""`dalil estimate` end to end: report, JSON, picture, strata and refusals."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from typer.testing import CliRunner

from dalil.cli import app
from dalil.errors import InputError

runner = CliRunner()
QUICK = [
    "--bootstrap",
    "60",
    "--burnin",
    "1000",
    "--samples",
    "200",
    "--thinning",
    "5",
    "--chains",
    "2",
]


def _strata_csv(tmp_path: Path) -> Path:
    lines = ["A,B,C,governorate,count"]
    for gov, k in (("Homs", 3), ("Latakia", 2)):
        for pattern, count in (
            ("1,0,0", 60),
            ("0,1,0", 50),
            ("0,0,1", 40),
            ("1,1,0", 15),
            ("1,0,1", 12),
            ("0,1,1", 10),
            ("1,1,1", 4),
        ):
            lines.append(f"{pattern},{gov},{count * k}")
    path = tmp_path / "overlap.csv"
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path


def test_report_in_terminal(bench_dir: Path) -> None:
    result = runner.invoke(
        app,
        [
            "estimate",
            str(bench_dir / "kosovo_1999_4lists.csv"),
            "--max-order",
            "3",
            "--method",
            "bic,stepwise",
            "--bootstrap",
            "50",
        ],
    )
    assert result.exit_code == 0, result.output
    out = result.output
    assert "10,357" in out and "14,342" in out  # 10,356.5 and 14,341.7 rounded
    assert "4,400" in out
    assert "Assumptions" in out and "Closed population" in out
    assert "disagree widely" in out


def test_stepwise_by_p_value_and_percentile_interval(bench_dir: Path) -> None:
    args = ["estimate", str(bench_dir / "western_us_sex_trafficking_5lists.csv"), "--method",
            "stepwise-p", "--bootstrap", "100", "--json"]
    bca = json.loads(runner.invoke(app, args).output)["overall"]["methods"][0]
    result = runner.invoke(app, [*args, "--interval", "percentile"])
    assert result.exit_code == 0, result.output
    pct = json.loads(result.output)["overall"]["methods"][0]
    assert bca["model"] == ["A:E"] and round(bca["estimate"]) == 2483
    assert "BCa" in bca["interval_kind"] and "percentile" in pct["interval_kind"]
    assert bca["interval"] != pct["interval"]
    bad = runner.invoke(app, [*args, "--p-threshold", "2"])
    assert isinstance(bad.exception, InputError)
    assert "threshold must be between 0 and 1" in str(bad.exception)


def test_json_and_png(tmp_path: Path, bench_dir: Path) -> None:
    picture = tmp_path / "kosovo.png"
    result = runner.invoke(
        app,
        [
            "estimate",
            str(bench_dir / "kosovo_1999_4lists.csv"),
            "--json",
            "--plot",
            str(picture),
            *QUICK,
        ],
    )
    assert result.exit_code == 0, result.output
    data = json.loads(result.output)
    assert data["overall"]["observed"] == 4400
    assert [m["method"] for m in data["overall"]["methods"]] == [
        "bic",
        "aic",
        "stepwise",
        "average",
        "lcmcr",
    ]
    assert data["plot"] == str(picture)
    assert picture.read_bytes()[:8] == b"\x89PNG\r\n\x1a\n"


def test_strata_and_svg(tmp_path: Path) -> None:
    picture = tmp_path / "total.svg"
    result = runner.invoke(
        app,
        [
            "estimate",
            str(_strata_csv(tmp_path)),
            "--strata",
            "governorate",
            "--json",
            "--method",
            "bic,lcmcr",
            "--plot",
            str(picture),
            *QUICK,
        ],
    )
    assert result.exit_code == 0, result.output
    data = json.loads(result.output)
    assert [s["stratum"]["governorate"] for s in data["strata"]] == ["Homs", "Latakia"]
    assert data["overall"]["observed"] == 5 * 191
    assert "<svg" in picture.read_text(encoding="utf-8")[:500]


def test_refusals_are_errors_not_numbers(tmp_path: Path) -> None:
    bad = tmp_path / "bad.csv"
    bad.write_text("A,B,count\n1,0,3\n0,1,-2\n1,1,1\n", encoding="utf-8")
    result = runner.invoke(app, ["estimate", str(bad), "--method", "bic"])
    assert isinstance(result.exception, InputError)
    assert "negative" in str(result.exception)
    result = runner.invoke(app, ["estimate"])
    assert isinstance(result.exception, InputError)
    result = runner.invoke(app, ["estimate", str(bad), "--plot", str(tmp_path / "x.gif")])
    assert isinstance(result.exception, InputError)


def test_from_victims_end_to_end(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """The demo's two victim lists, imported and linked, estimated with --from-victims."""
    from dalil.demo import corpus_dir
    from dalil.linkage import service
    from dalil.settings import Settings
    from dalil.workspace import Workspace

    victims = Path(str(corpus_dir())) / "victims"
    settings = Settings.load(env={}, home=tmp_path / "ws", user="tester", fsync=False)
    ws = Workspace.open(settings, initialise=True)
    try:
        lists = sorted(victims.iterdir())
        for i, f in enumerate(lists):
            assert service.import_list(ws, f, f"list {i + 1}").imported > 0
        linked = service.link_workspace(ws)
    finally:
        ws.close()
    monkeypatch.setenv("DALIL_USER", "tester")
    result = runner.invoke(
        app, ["--home", str(tmp_path / "ws"), "estimate", "--from-victims", "--method", "bic", "--json"]
    )
    assert result.exit_code == 0, result.output
    report = json.loads(result.output)
    overall = report["overall"]
    assert overall["observed"] == linked.victims
    [bic] = overall["methods"]
    assert bic["estimate"] >= linked.victims and bic["interval"][0] <= bic["estimate"]


def test_unconverged_lcmcr_is_loud_and_says_what_to_do(bench_dir: Path) -> None:
    """The Netherlands table: chains settle on totals of ~50,000 and ~140,000 (the R package's
    two reference seeds did the same). Too-short chains here make that certain."""
    args = ["estimate", str(bench_dir / "netherlands_trafficking_2010_15_5lists.csv")]
    args += ["--method", "lcmcr", "--burnin", "20", "--samples", "50", "--thinning", "1"]
    result = runner.invoke(app, [*args, "--chains", "3", "--seed", "2"])
    assert result.exit_code == 0, result.output
    flat = " ".join(result.output.split())
    assert "LCMCR did not converge" in flat  # the red panel's title
    assert "CONVERGED, do" in flat  # beside the figure itself (the cell wraps)
    assert "--chains 8 --burnin 100000 --samples 2000" in flat
    as_json = runner.invoke(app, [*args, "--chains", "3", "--seed", "2", "--json"])
    payload = json.loads(as_json.output)
    lcmcr = payload["overall"]["methods"][0]
    assert lcmcr["diagnostics"]["converged"] is False
    assert len(lcmcr["diagnostics"]["chain_medians"]) == 3
    assert any(w.startswith("LCMCR DID NOT CONVERGE") for w in payload["warnings"])


def test_lcmcr_cap_flag_bounds_the_posterior(tmp_path: Path) -> None:
    """Three lists sharing one person: the lists hardly bound N, so the draws pile up against the
    cap, and the report says so."""
    path = tmp_path / "apart.csv"
    path.write_text("A,B,C,count\n1,0,0,40\n0,1,0,30\n0,0,1,20\n1,1,0,1\n", encoding="utf-8")
    result = runner.invoke(
        app,
        ["estimate", str(path), "--method", "lcmcr", *QUICK, "--lcmcr-cap", "5", "--json"],
    )
    assert result.exit_code == 0, result.output
    payload = json.loads(result.output)
    lcmcr = payload["overall"]["methods"][0]
    assert lcmcr["diagnostics"]["cap"] == 6 * 91
    assert lcmcr["interval"][1] <= 6 * 91
    assert any("upper bound" in w for w in payload["warnings"])
    refused = runner.invoke(app, ["estimate", str(path), "--method", "lcmcr", "--lcmcr-cap", "-1"])
    assert refused.exit_code != 0
