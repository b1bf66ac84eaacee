"""Verification of a workspace (database + vault) and of an exported bundle (files only).

Every finding names what is wrong: which blob changed, went missing or appeared, which log entry
was edited, removed, inserted or moved. A bundle is checked without any database, so a court or a
defence expert can run ``dalil verify --bundle PATH`` (or their own verifier, following
docs/custody-format.md) on a machine that never saw the workspace.
"""

from __future__ import annotations

import hashlib
import json
import zipfile
from collections.abc import Callable, Iterator
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, field
from pathlib import Path, PurePosixPath
from typing import IO, Any

from sqlalchemy import select

from dalil.db.models import CustodyHead, Source
from dalil.errors import CryptoKeyError, InputError
from dalil.protect.keys import Keyring
from dalil.vault import custody
from dalil.vault.blobs import CHUNK, sha256_file

# Actions whose entry brings a source into the vault.
ADMITTING_ACTIONS = frozenset({"ingested", "testimony_added"})


@dataclass
class VerifyReport:
    blobs_checked: int = 0
    entries_checked: int = 0
    problems: list[str] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)
    head_seq: int = 0
    head_hash: str = custody.GENESIS

    @property
    def ok(self) -> bool:
        return not self.problems

    def to_dict(self) -> dict[str, Any]:
        return {"ok": self.ok, "blobs_checked": self.blobs_checked,
                "entries_checked": self.entries_checked, "head_seq": self.head_seq,
                "head_hash": self.head_hash, "problems": self.problems, "notes": self.notes}


def _sha256_stream(fh: IO[bytes]) -> str:
    digest = hashlib.sha256()
    while chunk := fh.read(CHUNK):
        digest.update(chunk)
    return digest.hexdigest()


def verify_workspace(ws: Any, *, progress: Callable[[int], None] | None = None) -> VerifyReport:
    """Re-hash every blob, walk the custody chain, and cross-check sources against the log."""
    report = VerifyReport()
    keyring: Keyring | None
    try:
        keyring = ws.keyring()
    except CryptoKeyError:
        keyring = None

    with ws.db.read_session() as s:
        rows = s.execute(select(Source.id, Source.sha256, Source.status, Source.encrypted,
                                Source.cipher_sha256)).all()
        # 1. The custody chain, and which hashes it admitted.
        admitted: set[str] = set()
        deleted: set[str] = set()

        def walk() -> Iterator[dict[str, Any]]:
            for e in custody.iter_db_entries(s):
                if e["action"] in ADMITTING_ACTIONS and e["sha256"]:
                    admitted.add(e["sha256"])
                elif e["action"] == "deleted" and e["sha256"]:
                    deleted.add(e["sha256"])
                yield e

        chain = custody.check_chain(walk())
        head = s.get(CustodyHead, 1)
    report.entries_checked = chain.entries
    report.problems.extend(chain.problems)
    report.head_seq, report.head_hash = chain.head_seq, chain.head_hash
    if head is not None and (head.seq, head.entry_hash) != (chain.head_seq, chain.head_hash):
        report.problems.append(
            f"the log ends at entry {chain.head_seq} but its head record says {head.seq}: "
            "entries were removed from or added to the end of the log")
    anchor = ws.anchor.read()
    if anchor is None:
        if chain.entries:
            report.notes.append("no anchor file in the vault (custody-head.json)")
    elif anchor[0] > chain.head_seq:
        report.problems.append(
            f"the anchor file records entry {anchor[0]} but the log ends at {chain.head_seq}: "
            "entries were deleted from the end of the log")
    elif anchor[0] == chain.head_seq and anchor[1] != chain.head_hash:
        report.problems.append(f"the last log entry ({chain.head_seq}) differs from the anchored "
                               "one: it was edited or replaced")
    elif anchor[0] < chain.head_seq:
        report.notes.append(f"the anchor file is behind the log ({anchor[0]} < {chain.head_seq}); "
                            "`dalil init` brings it up to date after an interrupted write")

    # 2. Every blob against its row.
    known = {h for r in rows for h in (r[1], r[4]) if h}

    def check(row: Any) -> list[str]:
        sid, sha, status, encrypted, cipher_sha = row
        path = ws.blobs.path_for(cipher_sha if encrypted and cipher_sha else sha)
        found: list[str] = []
        if sha not in admitted:
            found.append(f"source #{sid} ({sha[:12]}) has no ingest entry in the custody log")
        if status == "deleted":
            if path.exists():
                found.append(f"source #{sid} ({sha[:12]}) was deleted by policy but its blob "
                             "is still in the vault")
            if sha not in deleted:
                found.append(f"source #{sid} ({sha[:12]}) is marked deleted without a 'deleted' "
                             "entry in the custody log")
            return found
        if not path.is_file():
            return [*found, f"blob of source #{sid} is missing: {sha}"]
        actual = sha256_file(path)
        if encrypted:
            if actual != cipher_sha:
                found.append(f"encrypted blob of source #{sid} was changed: {sha}")
            elif keyring is not None:
                try:
                    plain = keyring.open(path.read_bytes(), aad=sha.encode())
                except CryptoKeyError as exc:
                    found.append(f"encrypted blob of source #{sid} cannot be opened: {exc.message}")
                else:
                    if hashlib.sha256(plain).hexdigest() != sha:
                        found.append(f"encrypted blob of source #{sid} decrypts to other bytes "
                                     f"than were received: {sha}")
        elif actual != sha:
            found.append(f"blob of source #{sid} was changed: stored under {sha}, "
                         f"its bytes now hash to {actual}")
        return found

    with ThreadPoolExecutor(max_workers=max(1, ws.settings.ingest_workers)) as pool:
        for found in pool.map(check, rows):
            report.blobs_checked += 1
            report.problems.extend(found)
            if progress:
                progress(1)
    if keyring is None and any(r[3] for r in rows):
        report.notes.append("no key file: encrypted testimonies were checked against their "
                            "ciphertext hash only, not their plaintext")
    for extra in ws.blobs.iter_hashes():
        if extra not in known:
            report.problems.append(f"extra blob in the vault that no source refers to: {extra}")
    return report


# -- bundles -------------------------------------------------------------------------------------


class _BundleFiles:
    """Read a bundle from a folder or a zip file through one interface."""

    def __init__(self, path: Path) -> None:
        self.path = path
        self.zip: zipfile.ZipFile | None = None
        self.prefix = ""
        if path.is_file():
            try:
                self.zip = zipfile.ZipFile(path)
            except zipfile.BadZipFile:
                raise InputError(f"{path.name}: not a bundle (neither a folder nor a zip file)") \
                    from None
            names = self.zip.namelist()
            tops = {n.split("/", 1)[0] for n in names if "/" in n}
            if "manifest.json" not in names and len(tops) == 1:
                self.prefix = tops.pop() + "/"
        elif not path.is_dir():
            raise InputError(f"{path}: no such bundle")

    def names(self) -> list[str]:
        if self.zip is not None:
            return [n[len(self.prefix):] for n in self.zip.namelist()
                    if n.startswith(self.prefix) and not n.endswith("/")]
        return [p.relative_to(self.path).as_posix() for p in self.path.rglob("*") if p.is_file()]

    def open(self, name: str) -> IO[bytes]:
        pure = PurePosixPath(name)
        if pure.is_absolute() or ".." in pure.parts:
            raise InputError(f"bundle manifest names a path outside the bundle: {name!r}")
        if self.zip is not None:
            try:
                return self.zip.open(self.prefix + name)
            except KeyError:
                raise FileNotFoundError(name) from None
        return open(self.path / name, "rb")

    def exists(self, name: str) -> bool:
        if self.zip is not None:
            return (self.prefix + name) in self.zip.namelist()
        return (self.path / name).is_file()


def verify_bundle(path: Path) -> VerifyReport:
    report = VerifyReport()
    files = _BundleFiles(path)
    if not files.exists("manifest.json"):
        raise InputError(f"{path.name}: no manifest.json, so not a Dalil bundle")
    with files.open("manifest.json") as fh:
        try:
            manifest = json.load(fh)
        except (json.JSONDecodeError, UnicodeDecodeError):
            report.problems.append("manifest.json is not valid JSON")
            return report
    if manifest.get("format") != "dalil-bundle/1":
        report.problems.append(f"unknown bundle format {manifest.get('format')!r}")
        return report

    # 1. The custody log: the whole chain, other sources' entries redacted to their hashes.
    admitted: set[str] = set()
    cust = manifest.get("custody", {})
    try:
        with files.open(cust.get("file", "custody.jsonl")) as fh:
            def entries() -> Iterator[dict[str, Any]]:
                for n, line in enumerate(fh, 1):
                    try:
                        e = json.loads(line)
                    except json.JSONDecodeError:
                        report.problems.append(f"custody.jsonl line {n} is not valid JSON")
                        continue
                    if not e.get("redacted") and e.get("action") in ADMITTING_ACTIONS:
                        admitted.add(e.get("sha256") or "")
                    yield e
            chain = custody.check_chain(entries())
    except FileNotFoundError:
        report.problems.append("the custody log file is missing from the bundle")
        return report
    except KeyError as exc:
        report.problems.append(f"a custody entry lacks the field {exc}")
        return report
    report.entries_checked = chain.entries
    report.problems.extend(chain.problems)
    report.head_seq, report.head_hash = chain.head_seq, chain.head_hash
    if (chain.head_seq, chain.head_hash) != (cust.get("head_seq"), cust.get("head_hash")):
        report.problems.append(
            f"the custody log ends at entry {chain.head_seq} ({chain.head_hash[:12]}) but the "
            f"manifest says {cust.get('head_seq')} ({str(cust.get('head_hash'))[:12]})")

    # 2. Every file against the manifest, and no file the manifest does not list.
    listed: set[str] = {"manifest.json", cust.get("file", "custody.jsonl"), "README.txt"}
    for item in manifest.get("sources", []) + manifest.get("derived", []):
        name, sha = item.get("file"), item.get("sha256")
        listed.add(name)
        try:
            with files.open(name) as fh:
                actual = _sha256_stream(fh)
        except FileNotFoundError:
            report.problems.append(f"file missing from the bundle: {name}")
            continue
        report.blobs_checked += 1
        if actual != sha:
            report.problems.append(f"{name} was changed: the manifest says {sha}, "
                                   f"its bytes hash to {actual}")
    for item in manifest.get("sources", []):
        if item.get("sha256") not in admitted:
            report.problems.append(f"source {item.get('sha256')} has no ingest entry in the "
                                   "bundle's custody log")
    for extra in sorted(set(files.names()) - listed):
        report.problems.append(f"extra file in the bundle, not in the manifest: {extra}")
    return report
