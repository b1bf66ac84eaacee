"""`verify` passes on an intact workspace and names every kind of tampering (both databases)."""

from __future__ import annotations

import os
from pathlib import Path

import pytest
import sqlalchemy as sa
from tests.helpers import write_reports

from dalil.ingest.pipeline import Ingestor
from dalil.vault.verify import verify_workspace
from dalil.workspace import Workspace


@pytest.fixture
def filled(workspace: Workspace, tmp_path: Path) -> Workspace:
    write_reports(tmp_path / "reports")
    outcomes = Ingestor(workspace).ingest([tmp_path / "reports"])
    assert {o.status for o in outcomes} == {"stored"}, [o.message for o in outcomes]
    report = verify_workspace(workspace)
    assert report.ok, report.problems
    return workspace


def sql(ws: Workspace, statement: str, **params: object) -> None:
    with ws.db.engine.begin() as conn:
        conn.execute(sa.text(statement), params)


def first_blob(ws: Workspace) -> Path:
    sha = next(iter(ws.blobs.iter_hashes()))
    return ws.blobs.path_for(sha)


def test_flipped_byte_is_named(filled: Workspace) -> None:
    path = first_blob(filled)
    os.chmod(path, 0o644)
    data = bytearray(path.read_bytes())
    data[len(data) // 2] ^= 0x01
    path.write_bytes(bytes(data))
    problems = verify_workspace(filled).problems
    assert len(problems) == 1 and "was changed" in problems[0] and path.name in problems[0]


def test_missing_blob_is_named(filled: Workspace) -> None:
    path = first_blob(filled)
    path.unlink()
    problems = verify_workspace(filled).problems
    assert problems == [f"blob of source #{_source_id(filled, path.name)} is missing: {path.name}"]


def test_extra_blob_is_named(filled: Workspace) -> None:
    fake = "ab" * 32
    target = filled.blobs.path_for(fake)
    target.parent.mkdir(parents=True, exist_ok=True)
    target.write_bytes(b"planted")
    problems = verify_workspace(filled).problems
    assert problems == [f"extra blob in the vault that no source refers to: {fake}"]


def test_edited_log_entry_is_named(filled: Workspace) -> None:
    sql(filled, "UPDATE custody_log SET actor = 'someone' WHERE seq = 3")
    problems = verify_workspace(filled).problems
    assert problems == ["entry 3 was edited: its content does not match its recorded hash"]


def test_deleted_log_entry_is_named(filled: Workspace) -> None:
    sql(filled, "DELETE FROM custody_log WHERE seq = 4")
    problems = verify_workspace(filled).problems
    assert "entry 4 is missing (deleted)" in problems


def test_reordered_log_entries_are_named(filled: Workspace) -> None:
    # Swap the contents of entries 3 and 4, keeping the sequence numbers in place.
    sql(filled, "UPDATE custody_log SET seq = -3 WHERE seq = 3")
    sql(filled, "UPDATE custody_log SET seq = 3 WHERE seq = 4")
    sql(filled, "UPDATE custody_log SET seq = 4 WHERE seq = -3")
    problems = verify_workspace(filled).problems
    assert any(p.startswith("entry 3") for p in problems)
    assert any(p.startswith("entry 4") for p in problems)


def test_inserted_log_entry_is_named(filled: Workspace) -> None:
    with filled.db.engine.begin() as conn:
        row = conn.execute(sa.text("SELECT * FROM custody_log WHERE seq = 3")).mappings().one()
        conn.execute(sa.text("UPDATE custody_log SET seq = seq + 1000 WHERE seq >= 3"))
        conn.execute(sa.text("UPDATE custody_log SET seq = seq - 999 WHERE seq >= 1003"))
        forged = dict(row)
        forged["actor"] = "forger"
        conn.execute(sa.text(
            "INSERT INTO custody_log (seq, at, actor, action, source_sha256, details, "
            "content_hash, prev_hash, entry_hash) VALUES (:seq, :at, :actor, :action, "
            ":source_sha256, :details, :content_hash, :prev_hash, :entry_hash)"), forged)
    problems = verify_workspace(filled).problems
    assert any("entry 3" in p for p in problems)


def test_truncated_log_is_caught_by_the_anchor(filled: Workspace) -> None:
    with filled.db.engine.begin() as conn:
        last = conn.execute(sa.text("SELECT max(seq) FROM custody_log")).scalar_one()
        prev = conn.execute(sa.text("SELECT seq, entry_hash FROM custody_log WHERE seq = :s"),
                            {"s": last - 1}).one()
        conn.execute(sa.text("DELETE FROM custody_log WHERE seq = :s"), {"s": last})
        conn.execute(sa.text("UPDATE custody_head SET seq = :s, entry_hash = :h"),
                     {"s": prev[0], "h": prev[1]})
    problems = verify_workspace(filled).problems
    assert (f"the anchor file records entry {last} but the log ends at {last - 1}: "
            "entries were deleted from the end of the log") in problems


def test_source_without_log_entry_is_named(filled: Workspace) -> None:
    sql(filled, "DELETE FROM custody_log WHERE action = 'ingested' AND seq = "
                "(SELECT max(seq) FROM custody_log WHERE action = 'ingested')")
    problems = verify_workspace(filled).problems
    assert any("has no ingest entry in the custody log" in p for p in problems)


def _source_id(ws: Workspace, sha: str) -> int:
    with ws.db.engine.connect() as conn:
        return int(conn.execute(sa.text("SELECT id FROM sources WHERE sha256 = :s"),
                                {"s": sha}).scalar_one())
