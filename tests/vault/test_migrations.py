"""`dalil init` upgrades a workspace made by an older Dalil, keeping every source and log entry.

tests/fixtures/workspace-schema-0001.zip is a small SQLite workspace written by the first
release (schema 0001: four fictional reports, user "archivist"). Each later schema must open it,
upgrade it and still verify it.
"""

from __future__ import annotations

import zipfile
from pathlib import Path

from dalil.settings import Settings
from dalil.vault.verify import verify_workspace
from dalil.workspace import Workspace

FIXTURE = Path(__file__).resolve().parents[1] / "fixtures" / "workspace-schema-0001.zip"


def test_init_upgrades_a_first_release_workspace(tmp_path: Path) -> None:
    with zipfile.ZipFile(FIXTURE) as zf:
        zf.extractall(tmp_path)
    settings = Settings.load(env={}, home=tmp_path / "dalil-data", user="archivist",
                             key_file=tmp_path / "key.json")
    ws = Workspace.open(settings, initialise=True)
    try:
        assert ws.db.current_revision() == ws.db.head_revision()
        report = verify_workspace(ws)
        assert report.ok, report.problems
        assert report.blobs_checked == 4 and report.entries_checked == 6
        again = ws.initialise()  # idempotent on an upgraded workspace too
        assert again.orphans_removed == []
    finally:
        ws.close()
