"""Export a bundle: chosen sources, the custody log, and a manifest a third party can check.

Layout (see docs/custody-format.md)::

    manifest.json        what is in the bundle, with every file's SHA-256
    blobs/<sha256>       the exact bytes received, one file per source
    testimonies/<sha256>.json   pseudonymous statements (only with the witness's consent)
    custody.jsonl        the whole custody log; entries about other sources redacted to hashes
    README.txt           how to verify

Witness identities never leave the workspace: a testimony travels as its pseudonymous statement,
and only when the witness consented to sharing it for the bundle's purpose.
"""

from __future__ import annotations

import hashlib
import json
import os
import shutil
import tempfile
import zipfile
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from sqlalchemy import select

from dalil.db.models import CustodyEntry, Source, Testimony
from dalil.errors import ForbiddenError, InputError
from dalil.util import canonical_json, iso_utc
from dalil.vault import custody
from dalil.vault.sources import resolve_source

PURPOSES = {
    "court": "consent_courts",
    "investigators": "consent_investigators",
    "public": "consent_publish",
}

README = """This folder is a Dalil evidence bundle (format dalil-bundle/1).

manifest.json lists every file with its SHA-256. custody.jsonl is the custody log, one JSON object
per line, hash-chained; entries about sources outside this bundle are redacted to their hashes.
Check everything with `dalil verify --bundle <this folder or zip>`, or with your own verifier
following docs/custody-format.md in the Dalil source.
"""


@dataclass
class BundleResult:
    path: Path
    sources: int
    testimonies: int
    entries: int
    head_hash: str


def export_bundle(ws: Any, refs: list[str], out: Path, *, purpose: str = "court",
                  as_zip: bool = False) -> BundleResult:
    """Write a bundle with the sources named by id or SHA-256 (prefix of 8+ characters)."""
    actor = ws.require("evidence.export")
    if purpose not in PURPOSES:
        raise InputError(f"unknown purpose {purpose!r}; one of {', '.join(PURPOSES)}")
    if out.exists():
        raise InputError(f"{out} already exists; choose a new path for the bundle")
    workspace_id = ws.workspace_id
    with ws.db.read_session() as s:
        sources: list[Source] = []
        for ref in refs:
            src = resolve_source(s, ref)
            if src.status == "deleted":
                raise InputError(f"source #{src.id} was deleted by policy; its bytes are gone")
            if src not in sources:
                sources.append(src)
        testimonies = {t.source_id: t for t in s.execute(
            select(Testimony).where(Testimony.source_id.in_([x.id for x in sources]))).scalars()}
        for t in testimonies.values():
            if not getattr(t, PURPOSES[purpose]):
                raise ForbiddenError(
                    f"testimony of {t.pseudonym!r} (#{t.id}): the witness did not consent to "
                    f"sharing it for purpose {purpose!r}; it cannot be exported")
        shas = {x.sha256 for x in sources}
        parent_ids = {x.parent_id for x in sources if x.parent_id is not None}
        parents: dict[int, str] = {
            sid: sha for sid, sha in s.execute(select(Source.id, Source.sha256)
                                               .where(Source.id.in_(parent_ids)))}

        # Built beside its final place and renamed into it: a reader never sees half a bundle,
        # and the rename cannot cross filesystems.
        out.parent.mkdir(parents=True, exist_ok=True)
        work = Path(tempfile.mkdtemp(prefix=".bundle-", dir=out.parent))
        try:
            (work / "blobs").mkdir()
            manifest_sources: list[dict[str, Any]] = []
            derived: list[dict[str, Any]] = []
            for src in sources:
                if src.id in testimonies:
                    t = testimonies[src.id]
                    doc = canonical_json({
                        "pseudonym": t.pseudonym, "language": t.language,
                        "statement": t.statement,
                        "interview_date": (t.interview or {}).get("date"),
                        "consent": {"record": t.consent_record,
                                    "share_with_investigators": t.consent_investigators,
                                    "share_with_courts": t.consent_courts,
                                    "publish": t.consent_publish},
                        "testimony_sha256": src.sha256}).encode()
                    name = f"testimonies/{src.sha256}.json"
                    (work / "testimonies").mkdir(exist_ok=True)
                    (work / name).write_bytes(doc)

                    derived.append({"file": name, "sha256": hashlib.sha256(doc).hexdigest(),
                                    "kind": "testimony_statement",
                                    "testimony_sha256": src.sha256})
                    continue
                name = f"blobs/{src.sha256}"
                shutil.copyfile(ws.blobs.path_for(src.sha256), work / name)
                manifest_sources.append({
                    "file": name, "sha256": src.sha256, "size": src.size, "kind": src.kind,
                    "media_type": src.media_type, "original_name": src.original_name,
                    "received_at": iso_utc(src.received_at), "submitted_by": src.submitted_by,
                    "origin_url": src.origin_url, "publisher": src.publisher,
                    "author": src.author, "published_at": src.published_at,
                    "language": src.language, "reliability": src.reliability,
                    "title": src.title, "external_id": src.external_id,
                    "parent_sha256": parents.get(src.parent_id) if src.parent_id else None,
                })
            n = 0
            head_seq, head_hash = 0, custody.GENESIS
            with open(work / "custody.jsonl", "w", encoding="utf-8") as fh:
                for e in s.execute(select(CustodyEntry).order_by(CustodyEntry.seq)
                                   .execution_options(yield_per=5000)).scalars():
                    full = e.source_sha256 in shas
                    row = custody.entry_to_dict(e) if full else custody.redacted(e)
                    fh.write(canonical_json(row) + "\n")
                    n += 1
                    head_seq, head_hash = e.seq, e.entry_hash
            manifest = {
                "format": "dalil-bundle/1", "created_at": iso_utc(), "created_by": actor,
                "workspace_id": workspace_id, "purpose": purpose,
                "sources": manifest_sources, "derived": derived,
                "custody": {"file": "custody.jsonl", "entries": n, "head_seq": head_seq,
                            "head_hash": head_hash},
            }
            manifest_bytes = json.dumps(manifest, indent=1, ensure_ascii=False).encode()
            (work / "manifest.json").write_bytes(manifest_bytes)
            (work / "README.txt").write_text(README, encoding="utf-8")
            if as_zip:
                tmp_zip = work.with_suffix(".zip.part")
                with zipfile.ZipFile(tmp_zip, "w", zipfile.ZIP_DEFLATED) as zf:
                    for f in sorted(work.rglob("*")):
                        if f.is_file():
                            zf.write(f, f.relative_to(work).as_posix())
                os.replace(tmp_zip, out)
                shutil.rmtree(work)
            else:
                os.replace(work, out)
        except BaseException:
            shutil.rmtree(work, ignore_errors=True)
            raise

    with ws.transaction() as s:
        ws.log(s, "exported", actor=actor, details={
            "bundle": out.name, "purpose": purpose, "zip": as_zip,
            "manifest_sha256": hashlib.sha256(manifest_bytes).hexdigest(),
            "sources": sorted(shas), "custody_head": head_hash})
    return BundleResult(path=out, sources=len(manifest_sources), testimonies=len(derived),
                        entries=n, head_hash=head_hash)
