"""Kill a bulk ingest with SIGKILL at random moments, many times; after recovery the workspace
must be whole: no blob without a row, no row without a blob, and a custody chain that verifies."""

from __future__ import annotations

import os
import random
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest
import sqlalchemy as sa
from tests.conftest import make_settings

from dalil.vault.verify import verify_workspace
from dalil.workspace import Workspace

KILLS = int(os.environ.get("DALIL_CRASH_KILLS", "8"))


def make_corpus(root: Path, n: int, rng: random.Random) -> None:
    root.mkdir()
    for i in range(n):
        size = rng.choice([200, 2_000, 50_000, 400_000])
        words = " ".join(f"word{rng.randrange(10_000)}" for _ in range(size // 9))
        (root / f"report_{i:03d}.txt").write_text(
            f"Latakia, {1 + i % 28} March 2025 - Report {i}. {words}\n", encoding="utf-8")


def test_sigkill_during_ingest_leaves_a_whole_workspace(tmp_path: Path,
                                                         db_url: str | None) -> None:
    rng = random.Random(20250307)
    settings = make_settings(tmp_path, db_url, fsync=True)
    Workspace.open(settings, initialise=True).close()
    corpus = tmp_path / "corpus"
    make_corpus(corpus, 60, rng)
    env = {**os.environ, "DALIL_HOME": str(settings.home), "DALIL_USER": "tester",
           "DALIL_KEY_FILE": str(settings.key_file), "DALIL_FSYNC": "1"}
    if db_url:
        env["DALIL_DATABASE_URL"] = db_url
    killed_mid_run = 0
    for _ in range(KILLS):
        proc = subprocess.Popen([sys.executable, "-m", "dalil", "ingest", str(corpus), "--json"],
                                env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        time.sleep(rng.uniform(0.3, 2.5))
        if proc.poll() is None:
            proc.send_signal(signal.SIGKILL)
            killed_mid_run += 1
        proc.wait()
        ws = Workspace.open(settings, initialise=True)  # `dalil init` runs recovery
        try:
            report = verify_workspace(ws)
            assert report.ok, report.problems
            with ws.db.engine.connect() as conn:
                rows = set(conn.execute(sa.text("SELECT sha256 FROM sources")).scalars())
            blobs = set(ws.blobs.iter_hashes())
            assert blobs == rows
            assert list(ws.blobs.tmp_dir.iterdir()) == []
        finally:
            ws.close()
        # Start the next round from a fresh subset so kills land in different places.
        for f in rng.sample(sorted(corpus.iterdir()), 3):
            f.write_text(f.read_text() + f"\ncorrection {rng.random()}\n")
    if killed_mid_run == 0:
        pytest.fail("no ingest was interrupted: the kill window missed every run")
