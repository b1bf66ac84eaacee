"""`dalil incidents ...`, `dalil review`, `dalil verify-claim` as a user runs them."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from typer.testing import CliRunner

from tests.helpers import run
from tests.incidents.scenario import write_scenario


@pytest.fixture
def cli(keyed_cli: CliRunner) -> CliRunner:
    return keyed_cli


def test_build_list_show_review_verify(cli: CliRunner, tmp_path: Path) -> None:
    folder = write_scenario(tmp_path / "scenario")
    run(cli, "ingest", str(folder))
    assert "no incidents yet" in run(cli, "incidents", "list")
    built = json.loads(run(cli, "incidents", "build", "--json"))
    assert built["incidents"] == 3
    rows = json.loads(run(cli, "incidents", "list", "--place", "Jablah", "--json"))["incidents"]
    assert [r["title"] for r in rows] == ["Arson in Jableh, 9 March 2025"]
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
