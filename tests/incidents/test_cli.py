"""`dalil incidents ...`, `dalil review`, `dalil verify-claim` as a user runs them."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from typer.testing import CliRunner

from dalil.cli import app
from tests.incidents.scenario import write_scenario


@pytest.fixture
def cli(tmp_path: Path, db_url: str | None, monkeypatch: pytest.MonkeyPatch) -> CliRunner:
    monkeypatch.setenv("DALIL_HOME", str(tmp_path / "ws"))
    monkeypatch.setenv("DALIL_USER", "tester")
    monkeypatch.setenv("DALIL_KEY_FILE", str(tmp_path / "key.json"))
    monkeypatch.setenv("DALIL_FSYNC", "0")
    if db_url:
        monkeypatch.setenv("DALIL_DATABASE_URL", db_url)
    else:
        monkeypatch.delenv("DALIL_DATABASE_URL", raising=False)
    runner = CliRunner()
    for args in (["init"], ["keys", "init"]):
        result = runner.invoke(app, args)
        assert result.exit_code == 0, result.output
    return runner


def run(cli: CliRunner, *args: str, code: int = 0) -> str:
    result = cli.invoke(app, list(args))
    assert result.exit_code == code, (result.output, result.exception)
    return result.output


def test_build_list_show_review_verify(cli: CliRunner, tmp_path: Path) -> None:
    folder = write_scenario(tmp_path / "scenario")
    run(cli, "ingest", str(folder))
    assert "no incidents yet" in run(cli, "incidents", "list")
    built = json.loads(run(cli, "incidents", "build", "--json"))
    assert built["incidents"] == 3
    rows = json.loads(run(cli, "incidents", "list", "--place", "Jablah", "--json"))["incidents"]
    assert [r["title"] for r in rows] == ["Arson in Jablah, 9 March 2025"]
    jid = rows[0]["id"]
    shown = run(cli, "incidents", "show", str(jid))
    assert "independent origins: 3" in shown and "derivation" in shown
    queue = json.loads(run(cli, "review", "--json"))
    claim = queue["claims"][0]["claim"]
    out = run(cli, "verify-claim", claim, "verified", "--reason", "matches satellite imagery",
              "--credibility", "2", "--evidence", "https://example.org/imagery")
    assert "verified" in out
    run(cli, "verify-claim", claim, "corroborated", "--reason", "x", code=1)
    run(cli, "incidents", "verify", str(jid), "disputed", "--reason", "conflicting dates")
    detail = json.loads(run(cli, "incidents", "show", str(jid), "--json"))
    assert detail["status"] == "disputed" and detail["history"][0]["actor"] == "tester"
    run(cli, "incidents", "show", "999", code=1)
