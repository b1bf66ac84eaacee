"""The `dalil` command as a user runs it: exit codes, tables, --json, error messages."""

from __future__ import annotations

import json
import os
import shutil
from pathlib import Path

import pytest
from tests.helpers import TESTIMONY_YAML, run, write_reports
from typer.testing import CliRunner

from dalil.cli import app


def test_ingest_verify_search_export(cli: CliRunner, tmp_path: Path) -> None:
    write_reports(tmp_path / "reports")
    out = run(cli, "ingest", str(tmp_path / "reports"))
    assert "4 stored, 0 re-submitted, 0 refused" in out
    data = json.loads(run(cli, "ingest", str(tmp_path / "reports"), "--json"))
    assert data["counts"] == {"resubmitted": 4}
    assert "verified" in run(cli, "verify")
    rows = json.loads(run(cli, "sources", "list", "--json"))
    assert len(rows) == 4 and {r["reliability"] for r in rows} == {"F"}
    assert "hit(s)" in run(cli, "search", "بانياس")
    hits = json.loads(run(cli, "search", "Qusour", "--json"))
    assert len(hits) == 2
    run(cli, "grade", "1", "B", "--reason", "established outlet")
    log = json.loads(run(cli, "log", "--json", "--limit", "3"))
    assert log[-1]["action"] == "graded"
    bundle = tmp_path / "bundle.zip"
    run(cli, "export-bundle", "1", "2", "--out", str(bundle), "--zip")
    assert "verified" in run(cli, "verify", "--bundle", str(bundle))


def test_refused_files_make_ingest_exit_non_zero(cli: CliRunner, tmp_path: Path) -> None:
    (tmp_path / "in").mkdir()
    (tmp_path / "in" / "ok.txt").write_text("Tartus, 8 March 2025 - a short report.")
    (tmp_path / "in" / "empty.txt").write_bytes(b"")
    out = run(cli, "ingest", str(tmp_path / "in"), code=1)
    assert "1 stored, 0 re-submitted, 1 refused" in out and "empty" in out


def test_tampering_makes_verify_exit_non_zero(cli: CliRunner, tmp_path: Path) -> None:
    write_reports(tmp_path / "reports")
    run(cli, "ingest", str(tmp_path / "reports"))
    blob = next(p for p in (tmp_path / "ws" / "vault" / "blobs").rglob("*") if p.is_file())
    os.chmod(blob, 0o644)
    blob.write_bytes(blob.read_bytes() + b"x")
    out = run(cli, "verify", code=2)
    assert "verification FAILED" in out and blob.name in out
    report = json.loads(run(cli, "verify", "--json", code=2))
    assert report["ok"] is False and len(report["problems"]) == 1


def test_testimony_commands(cli: CliRunner, tmp_path: Path) -> None:
    run(cli, "keys", "init")
    f = tmp_path / "rima.yaml"
    f.write_text(TESTIMONY_YAML)
    assert "testimony #1 of Rima: stored" in run(cli, "testimony", "add", str(f))
    listed = json.loads(run(cli, "testimony", "list", "--json"))
    assert listed[0]["pseudonym"] == "Rima" and "identity" not in listed[0]
    shown = run(cli, "testimony", "show", "1")
    assert "Nawal" not in shown and "Rima" in shown
    revealed = json.loads(run(cli, "testimony", "reveal", "1", "--reason", "audit", "--json"))
    assert revealed["real_name"] == "Nawal Haddad"
    run(cli, "users", "add", "samir", "--role", "analyst")
    out = cli.invoke(app, ["--user", "samir", "testimony", "reveal", "1", "--reason", "x"])
    assert out.exit_code != 0 and isinstance(out.exception, Exception)


def test_missing_workspace_is_a_clear_error(tmp_path: Path, monkeypatch: pytest.MonkeyPatch
                                            ) -> None:
    monkeypatch.setenv("DALIL_HOME", str(tmp_path / "nowhere"))
    result = CliRunner().invoke(app, ["sources", "list"])
    assert result.exit_code != 0
    assert "no Dalil workspace" in str(result.exception)


def test_main_prints_errors_without_traceback(tmp_path: Path) -> None:
    import subprocess
    import sys

    env = {**os.environ, "DALIL_HOME": str(tmp_path / "nowhere")}
    proc = subprocess.run([sys.executable, "-m", "dalil", "sources", "list"], env=env,
                          capture_output=True, text=True)
    assert proc.returncode == 1
    assert "error (workspace): no Dalil workspace" in proc.stderr
    assert "Traceback" not in proc.stderr
    shutil.rmtree(tmp_path, ignore_errors=True)
