"""Testimonies: the pseudonymous statement is usable evidence; the identity is sealed.

Stored for each testimony:
- the original file, encrypted as a whole (AES-256-GCM, AAD = SHA-256 of its plaintext), in the
  vault under the hash of its ciphertext; custody verifies it against the plaintext hash with the
  key, and against the ciphertext hash without;
- the identity block (real name, contact, address, sensitive attributes, and the original file
  name, which people often make out of the witness's name) as one sealed JSON value;
- the statement in the clear, with any identity value that appears in it replaced by
  "[withheld]", so that text search, extraction and exports never carry it.
Reading the identity is its own permission and its own custody entry.
"""

from __future__ import annotations

import hashlib
import json
from dataclasses import asdict, dataclass
from typing import Any

from sqlalchemy import select

from dalil.db.models import Source, Testimony
from dalil.errors import InputError, NotFoundError
from dalil.ingest.testimony_file import WITHHELD, read_testimony
from dalil.search import index_texts
from dalil.util import canonical_json, utcnow


@dataclass
class TestimonyOutcome:
    testimony_id: int
    source_id: int
    pseudonym: str
    status: str  # stored | resubmitted
    redactions: int = 0


def identity_aad(sha256: str) -> bytes:
    return f"dalil:testimony-identity:{sha256}".encode()


def add_testimony(ws: Any, data: bytes, name: str) -> TestimonyOutcome:
    """Store a testimony file (YAML or JSON bytes). ``name`` is kept only inside the sealed part."""
    actor = ws.require("testimony.write")
    keyring = ws.keyring()  # refuse before anything is written if there is no key
    sha = hashlib.sha256(data).hexdigest()
    with ws.db.session() as s:
        existing = s.execute(select(Source).where(Source.sha256 == sha)).scalar_one_or_none()
        if existing is not None:
            t = s.execute(select(Testimony).where(Testimony.source_id == existing.id)).scalar_one()
            outcome = TestimonyOutcome(t.id, existing.id, t.pseudonym, "resubmitted")
    if existing is not None:
        with ws.transaction() as s:
            ws.log(s, "resubmitted", actor=actor, sha256=sha,
                   details={"source_id": outcome.source_id, "testimony_id": outcome.testimony_id})
        return outcome

    tf = read_testimony(data, name)
    statement = tf.redacted_statement
    redactions = statement.count(WITHHELD) - tf.statement.count(WITHHELD)
    identity: dict[str, Any] = json.loads(tf.identity.to_json_bytes()) if tf.identity else {}
    identity["_file_name"] = name
    sealed_identity = keyring.seal(canonical_json(identity).encode(), identity_aad(sha))
    sealed_file = keyring.seal(data, sha.encode())
    cipher_sha = hashlib.sha256(sealed_file).hexdigest()
    pending = ws.blobs.stage_bytes(sealed_file, label=f"testimony of {tf.pseudonym}")
    ws.blobs.commit(pending, sha256=cipher_sha)
    try:
        with ws.transaction() as s:
            src = Source(sha256=sha, kind="testimony", media_type="application/x-dalil-testimony",
                         original_name=f"testimony ({tf.pseudonym})", size=len(data),
                         received_at=utcnow(), submitted_by=actor, language=tf.language,
                         title=f"Testimony of {tf.pseudonym}", encrypted=True,
                         cipher_sha256=cipher_sha, flags={}, meta={})
            s.add(src)
            s.flush()
            t = Testimony(source_id=src.id, pseudonym=tf.pseudonym, language=tf.language,
                          statement=statement,
                          interview={k: v for k, v in asdict(tf.interview).items() if v},
                          consent_record=tf.consent.record,
                          consent_investigators=tf.consent.share_with_investigators,
                          consent_courts=tf.consent.share_with_courts,
                          consent_publish=tf.consent.publish,
                          identity_ciphertext=sealed_identity, created_at=utcnow())
            s.add(t)
            s.flush()
            from dalil.db.models import SourceText

            s.add(SourceText(source_id=src.id, part=0, text=statement))
            index_texts(s, src.id, [statement])
            ws.log(s, "testimony_added", actor=actor, sha256=sha, details={
                "source_id": src.id, "testimony_id": t.id, "pseudonym": tf.pseudonym,
                "ciphertext_sha256": cipher_sha, "redactions": redactions})
            outcome = TestimonyOutcome(t.id, src.id, tf.pseudonym, "stored", redactions)
    except BaseException:
        ws.blobs.remove(cipher_sha)
        raise
    return outcome


def list_testimonies(ws: Any) -> list[dict[str, Any]]:
    ws.require("evidence.read")
    with ws.db.read_session() as s:
        rows = s.execute(select(Testimony).order_by(Testimony.id)).scalars().all()
        return [{"id": t.id, "source_id": t.source_id, "pseudonym": t.pseudonym,
                 "language": t.language, "interview_date": (t.interview or {}).get("date"),
                 "consent": {"record": t.consent_record,
                             "share_with_investigators": t.consent_investigators,
                             "share_with_courts": t.consent_courts,
                             "publish": t.consent_publish}} for t in rows]


def show_testimony(ws: Any, testimony_id: int) -> dict[str, Any]:
    actor = ws.require("evidence.read")
    with ws.transaction() as s:
        t = s.get(Testimony, testimony_id)
        if t is None:
            raise NotFoundError(f"no testimony #{testimony_id}")
        src = s.get(Source, t.source_id)
        assert src is not None
        ws.log(s, "viewed", actor=actor, sha256=src.sha256,
               details={"source_id": src.id, "testimony_id": t.id})
        return {"id": t.id, "source_id": t.source_id, "pseudonym": t.pseudonym,
                "language": t.language, "statement": t.statement, "interview": t.interview,
                "consent": {"record": t.consent_record,
                            "share_with_investigators": t.consent_investigators,
                            "share_with_courts": t.consent_courts, "publish": t.consent_publish}}


def reveal_identity(ws: Any, testimony_id: int, *, reason: str) -> dict[str, Any]:
    """Decrypt a witness's identity. Permission-checked and logged (who, when, why; not what)."""
    actor = ws.require("identity.reveal")
    if not reason.strip():
        raise InputError("revealing a witness's identity needs a reason")
    keyring = ws.keyring()
    with ws.db.session() as s:
        t = s.get(Testimony, testimony_id)
        if t is None:
            raise NotFoundError(f"no testimony #{testimony_id}")
        src = s.get(Source, t.source_id)
        assert src is not None and t.identity_ciphertext is not None
        sha, ct, pseudonym = src.sha256, t.identity_ciphertext, t.pseudonym
    identity: dict[str, Any] = json.loads(keyring.open(ct, identity_aad(sha)))
    # Logged after a successful decryption and before the identity is handed out.
    with ws.transaction() as s:
        ws.log(s, "identity_revealed", actor=actor, sha256=sha,
               details={"testimony_id": testimony_id, "pseudonym": pseudonym, "reason": reason})
    return identity


def rotate_keys(ws: Any) -> dict[str, Any]:
    """Re-encrypt every sealed value under a new key, then drop the old keys.

    Crash-safe: the key file holds old and new keys until everything is re-encrypted; each
    testimony moves to the new key in its own transaction, its new blob written before the
    commit and the old one removed after it (recovery removes whichever is left orphaned).
    """
    actor = ws.require("keys.manage")
    ring = ws.keyring()
    old_ids = sorted(ring.keys)
    new_id = ring.add_new_current()
    ring.save()
    with ws.db.session() as s:
        ids = [t for t in s.execute(select(Testimony.id).order_by(Testimony.id)).scalars()]
    for tid in ids:
        with ws.db.session() as s:
            t = s.get(Testimony, tid)
            assert t is not None
            src = s.get(Source, t.source_id)
            assert src is not None
            old_cipher = src.cipher_sha256
            if t.identity_ciphertext is not None and ring.key_id_of(t.identity_ciphertext) != new_id:
                plain = ring.open(t.identity_ciphertext, identity_aad(src.sha256))
                t.identity_ciphertext = ring.seal(plain, identity_aad(src.sha256))
            if src.status == "active" and old_cipher:
                sealed = ws.blob_path(src).read_bytes()
                if ring.key_id_of(sealed) != new_id:
                    resealed = ring.seal(ring.open(sealed, src.sha256.encode()),
                                         src.sha256.encode())
                    new_cipher = hashlib.sha256(resealed).hexdigest()
                    ws.blobs.commit(ws.blobs.stage_bytes(resealed, label=f"testimony #{tid}"),
                                    sha256=new_cipher)
                    src.cipher_sha256 = new_cipher
        if old_cipher and old_cipher != src.cipher_sha256:
            ws.blobs.remove(old_cipher)
    for kid in old_ids:
        del ring.keys[kid]
    ring.save()
    with ws.transaction() as s:
        ws.log(s, "key_rotated", actor=actor, details={
            "retired_keys": old_ids, "new_key": new_id, "testimonies": len(ids)})
    return {"retired_keys": old_ids, "new_key": new_id, "testimonies": len(ids)}


def init_keys(ws: Any, passphrase: str | None = None) -> str:
    from dalil.protect.keys import Keyring

    actor = ws.require("keys.manage")
    ring = Keyring.create(ws.key_path, ws.workspace_id, passphrase=passphrase)
    ws.use_passphrase(passphrase)
    with ws.transaction() as s:
        ws.log(s, "key_rotated", actor=actor, details={
            "new_key": ring.current, "created": True, "passphrase": passphrase is not None})
    return str(ws.key_path)
