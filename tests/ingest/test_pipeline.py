"""Ingest through the whole pipeline, on both databases: storage, idempotency, bad input, search."""

from __future__ import annotations

from pathlib import Path

import sqlalchemy as sa
from tests.conftest import make_settings
from tests.helpers import write_reports

from dalil.ingest.pipeline import Ingestor
from dalil.search import search
from dalil.vault.sources import grade_source, set_metadata, show_source
from dalil.vault.verify import verify_workspace
from dalil.workspace import Workspace


def snapshot(ws: Workspace) -> tuple[list[str], int, int]:
    with ws.db.engine.connect() as conn:
        n_src = conn.execute(sa.text("SELECT count(*) FROM sources")).scalar_one()
        n_log = conn.execute(sa.text("SELECT count(*) FROM custody_log")).scalar_one()
    return sorted(ws.blobs.iter_hashes()), n_src, n_log


def test_texts_in_three_encodings_are_stored_and_searchable(workspace: Workspace,
                                                            tmp_path: Path) -> None:
    write_reports(tmp_path / "r")
    outcomes = Ingestor(workspace).ingest([tmp_path / "r"])
    assert [o.status for o in outcomes] == ["stored"] * 4
    langs = {o.name: show_source(workspace, str(o.source_id))["language"] for o in outcomes}
    assert langs["r/baniyas_ar_cp1256.txt"] == "ar" and langs["r/wire_baniyas.txt"] == "en"
    arabic = show_source(workspace, str(outcomes[0].source_id), with_text=True)
    assert "بانياس" in arabic["texts"][0]
    # Arabic-aware: hamza/alef folding, the article and attached prefixes.
    assert {h.source_id for h in search(workspace, "اذار")} == {outcomes[0].source_id,
                                                                outcomes[1].source_id}
    assert search(workspace, "القصور") and search(workspace, "قصور")
    assert len(search(workspace, "independently verified")) == 2
    assert verify_workspace(workspace).ok


def test_reingest_is_idempotent_and_logged(workspace: Workspace, tmp_path: Path) -> None:
    write_reports(tmp_path / "r")
    Ingestor(workspace).ingest([tmp_path / "r"])
    blobs, n_src, n_log = snapshot(workspace)
    again = Ingestor(workspace).ingest([tmp_path / "r"])
    assert {o.status for o in again} == {"resubmitted"}
    blobs2, n_src2, n_log2 = snapshot(workspace)
    assert (blobs2, n_src2) == (blobs, n_src) and n_log2 == n_log + 4
    assert verify_workspace(workspace).ok


def test_bad_files_are_refused_and_the_rest_goes_on(workspace: Workspace, tmp_path: Path) -> None:
    write_reports(tmp_path / "good")
    Ingestor(workspace).ingest([tmp_path / "good"])
    before = snapshot(workspace)
    bad = tmp_path / "bad"
    bad.mkdir()
    (bad / "empty.txt").write_bytes(b"")
    (bad / "binary.txt").write_bytes(bytes(range(256)) * 40)
    (bad / "bad\x07name.txt").write_text("a report")
    (bad / "fine.txt").write_text("Jableh, 8 March 2025 - A new report about Jableh.")
    outcomes = {o.name: o for o in Ingestor(workspace).ingest([bad])}
    assert outcomes["bad/fine.txt"].status == "stored"
    refused = {k: o.message for k, o in outcomes.items() if o.status == "refused"}
    assert set(refused) == {"bad/empty.txt", "bad/binary.txt", "bad/bad\x07name.txt"}
    assert "empty" in (refused["bad/empty.txt"] or "")
    assert "binary" in (refused["bad/binary.txt"] or "").lower()
    blobs, n_src, _ = snapshot(workspace)
    assert n_src == before[1] + 1 and set(before[0]) <= set(blobs)
    assert list(workspace.blobs.tmp_dir.iterdir()) == []
    assert verify_workspace(workspace).ok


def test_file_over_the_limit_is_refused(workspace: Workspace, tmp_path: Path) -> None:
    small = Workspace(make_settings(tmp_path, workspace.settings.database_url,
                                    max_file_size=1000), workspace.db)
    (tmp_path / "big.txt").write_text("word " * 1000)
    [o] = Ingestor(small).ingest([tmp_path / "big.txt"])
    assert o.status == "refused" and "larger than the limit" in (o.message or "")
    assert snapshot(workspace)[1] == 0


def test_metadata_changes_and_grades_are_logged(workspace: Workspace, tmp_path: Path) -> None:
    write_reports(tmp_path / "r")
    Ingestor(workspace).ingest([tmp_path / "r"])
    set_metadata(workspace, "1", {"publisher": "Coastal Monitor"}, reason="from the masthead")
    grade_source(workspace, "1", "b", reason="track record since 2012")
    d = show_source(workspace, "1")
    assert d["publisher"] == "Coastal Monitor" and d["reliability"] == "B"
    with workspace.db.engine.connect() as conn:
        actions = [r[0] for r in conn.execute(sa.text(
            "SELECT action FROM custody_log ORDER BY seq DESC LIMIT 3"))]
    assert actions == ["viewed", "graded", "metadata_changed"]
    assert verify_workspace(workspace).ok


def test_concurrent_ingests_keep_one_chain(workspace: Workspace, tmp_path: Path) -> None:
    """Two ingests at once (two users, same and different files): the custody chain never forks
    and identical bytes end up as one source."""
    import threading

    for i in range(12):
        (tmp_path / "a").mkdir(exist_ok=True)
        (tmp_path / "a" / f"r{i}.txt").write_text(f"Tartus, {i + 1} March 2025 - report {i}.")
    write_reports(tmp_path / "b")
    write_reports(tmp_path / "a" / "same")
    errors: list[BaseException] = []

    def run(folder: Path) -> None:
        try:
            Ingestor(workspace).ingest([folder])
        except BaseException as exc:  # collected and re-raised in the test thread
            errors.append(exc)

    threads = [threading.Thread(target=run, args=(tmp_path / d,)) for d in ("a", "b")]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert errors == []
    report = verify_workspace(workspace)
    assert report.ok, report.problems
    assert snapshot(workspace)[1] == 16


def test_the_workspace_is_never_ingested_into_itself(workspace: Workspace) -> None:
    (workspace.home / "stray.txt").write_text("Latakia, 9 March 2025 - a note.")
    outcomes = Ingestor(workspace).ingest([workspace.home])
    assert outcomes and {o.status for o in outcomes} == {"skipped"}
    assert all("inside the workspace" in (o.message or "") for o in outcomes)
    assert verify_workspace(workspace).ok


def test_post_media_carry_their_hashes(workspace: Workspace) -> None:
    from dalil.demo import corpus_dir

    corpus = Path(str(corpus_dir()))
    Ingestor(workspace).ingest([corpus / "telegram"])
    with workspace.db.engine.connect() as conn:
        metas = [r[0] for r in conn.execute(sa.text(
            "SELECT meta FROM sources WHERE kind = 'post'"))]
    import json

    media = [m for meta in metas for m in (json.loads(meta) if isinstance(meta, str) else meta)
             .get("media", []) if m.get("file")]
    assert media and all(len(m.get("sha256", "")) == 64 for m in media if not m.get("missing"))


def test_deletion_by_policy_leaves_a_tombstone(workspace: Workspace, tmp_path: Path) -> None:
    import pytest

    from dalil.errors import ForbiddenError, InputError
    from dalil.vault.bundle import export_bundle
    from dalil.vault.sources import delete_by_policy

    write_reports(tmp_path / "r")
    Ingestor(workspace).ingest([tmp_path / "r"])
    sha = show_source(workspace, "4")["sha256"]
    assert len(search(workspace, "Updated")) == 1
    with pytest.raises(InputError, match="needs a reason"):
        delete_by_policy(workspace, "4", reason=" ")
    workspace.add_user("samir", "analyst")
    analyst = Workspace(make_settings(tmp_path, workspace.settings.database_url, user="samir"),
                        workspace.db)
    with pytest.raises(ForbiddenError):
        delete_by_policy(analyst, "4", reason="retention")
    delete_by_policy(workspace, "4", reason="retention period of 5 years ended")
    assert not workspace.blobs.exists(sha)
    after = show_source(workspace, "4")
    assert after["status"] == "deleted" and after["sha256"] == sha
    assert search(workspace, "Updated") == []
    report = verify_workspace(workspace)
    assert report.ok, report.problems
    with pytest.raises(InputError, match="deleted by policy"):
        export_bundle(workspace, ["4"], tmp_path / "b")
    with pytest.raises(InputError, match="already deleted"):
        delete_by_policy(workspace, "4", reason="again")
    # A deleted source's blob reappearing is named by verify.
    workspace.blobs.path_for(sha).parent.mkdir(parents=True, exist_ok=True)
    workspace.blobs.path_for(sha).write_bytes((tmp_path / "r" / "notes" /
                                               "second_report.txt").read_bytes())
    assert any("deleted by policy but its blob" in p for p in verify_workspace(workspace).problems)
