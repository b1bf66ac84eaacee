"""A bundle verifies on its own (folder and zip) and fails, naming the problem, when tampered."""

from __future__ import annotations

import json
import os
import zipfile
from pathlib import Path

import pytest
from tests.helpers import write_reports

from dalil.errors import InputError, NotFoundError
from dalil.ingest.pipeline import Ingestor
from dalil.vault.bundle import export_bundle
from dalil.vault.verify import verify_bundle
from dalil.workspace import Workspace


@pytest.fixture
def bundle(workspace: Workspace, tmp_path: Path) -> Path:
    write_reports(tmp_path / "reports")
    Ingestor(workspace).ingest([tmp_path / "reports"])
    out = tmp_path / "bundle"
    result = export_bundle(workspace, ["1", "3"], out)
    assert result.sources == 2
    report = verify_bundle(out)
    assert report.ok, report.problems
    return out


def test_bundle_redacts_other_sources_entries(bundle: Path) -> None:
    manifest = json.loads((bundle / "manifest.json").read_text())
    shas = {s["sha256"] for s in manifest["sources"]}
    lines = [json.loads(x) for x in (bundle / "custody.jsonl").read_text().splitlines()]
    full = [e for e in lines if not e.get("redacted")]
    assert all(e["sha256"] in shas for e in full)
    assert any(e.get("redacted") for e in lines)
    assert manifest["custody"]["entries"] == len(lines)


def test_flipped_byte_in_bundle(bundle: Path) -> None:
    blob = next((bundle / "blobs").iterdir())
    data = bytearray(blob.read_bytes())
    data[0] ^= 0x20
    blob.write_bytes(bytes(data))
    problems = verify_bundle(bundle).problems
    assert len(problems) == 1 and problems[0].startswith(f"blobs/{blob.name} was changed")


def test_edited_custody_line(bundle: Path) -> None:
    path = bundle / "custody.jsonl"
    lines = path.read_text().splitlines()
    for i, line in enumerate(lines):
        e = json.loads(line)
        if not e.get("redacted"):
            e["actor"] = "forger"
            lines[i] = json.dumps(e)
            seq = e["seq"]
            break
    path.write_text("\n".join(lines) + "\n")
    assert f"entry {seq} was edited: its content does not match its recorded hash" in \
        verify_bundle(bundle).problems


def test_removed_custody_line(bundle: Path) -> None:
    path = bundle / "custody.jsonl"
    lines = path.read_text().splitlines()
    del lines[2]
    path.write_text("\n".join(lines) + "\n")
    assert "entry 3 is missing (deleted)" in verify_bundle(bundle).problems


def test_extra_and_missing_files(bundle: Path) -> None:
    (bundle / "blobs" / "planted.txt").write_text("x")
    blob = next(p for p in (bundle / "blobs").iterdir() if p.name != "planted.txt")
    os.remove(blob)
    problems = verify_bundle(bundle).problems
    assert "extra file in the bundle, not in the manifest: blobs/planted.txt" in problems
    assert f"file missing from the bundle: blobs/{blob.name}" in problems


def test_zip_bundle_verifies_and_detects_tampering(workspace: Workspace, tmp_path: Path) -> None:
    write_reports(tmp_path / "reports")
    Ingestor(workspace).ingest([tmp_path / "reports"])
    out = tmp_path / "b.zip"
    export_bundle(workspace, ["2"], out, as_zip=True, purpose="investigators")
    assert verify_bundle(out).ok
    tampered = tmp_path / "t.zip"
    with zipfile.ZipFile(out) as src, zipfile.ZipFile(tampered, "w") as dst:
        for item in src.infolist():
            data = src.read(item)
            if item.filename.startswith("blobs/"):
                data = data + b" "
            dst.writestr(item, data)
    problems = verify_bundle(tampered).problems
    assert len(problems) == 1 and "was changed" in problems[0]


def test_export_refuses_bad_requests(workspace: Workspace, tmp_path: Path) -> None:
    write_reports(tmp_path / "reports")
    Ingestor(workspace).ingest([tmp_path / "reports"])
    with pytest.raises(NotFoundError):
        export_bundle(workspace, ["999"], tmp_path / "x")
    with pytest.raises(InputError, match="already exists"):
        export_bundle(workspace, ["1"], tmp_path / "reports")
    with pytest.raises(InputError, match="unknown purpose"):
        export_bundle(workspace, ["1"], tmp_path / "y", purpose="blog")


def test_not_a_bundle(tmp_path: Path) -> None:
    (tmp_path / "x.zip").write_bytes(b"not a zip")
    with pytest.raises(InputError, match="not a bundle"):
        verify_bundle(tmp_path / "x.zip")
    with pytest.raises(InputError, match=r"no manifest\.json"):
        verify_bundle(tmp_path)


def test_bundle_into_a_folder_that_does_not_exist_yet(workspace: Workspace, tmp_path: Path) -> None:
    write_reports(tmp_path / "reports")
    Ingestor(workspace).ingest([tmp_path / "reports"])
    out = tmp_path / "cases" / "2025-03" / "bundle.zip"
    export_bundle(workspace, ["1"], out, as_zip=True)
    assert verify_bundle(out).ok
    assert [p.name for p in out.parent.iterdir()] == ["bundle.zip"]


def test_a_posts_bundle_names_its_export(workspace: Workspace, tmp_path: Path) -> None:
    from dalil.demo import corpus_dir

    Ingestor(workspace).ingest([Path(str(corpus_dir())) / "telegram"])
    export_bundle(workspace, ["2"], tmp_path / "b")
    [item] = json.loads((tmp_path / "b" / "manifest.json").read_text())["sources"]
    with workspace.db.engine.connect() as conn:
        import sqlalchemy as sa

        export_sha = conn.execute(sa.text("SELECT sha256 FROM sources WHERE id = 1")).scalar_one()
    assert item["kind"] == "post" and item["parent_sha256"] == export_sha
    assert verify_bundle(tmp_path / "b").ok
