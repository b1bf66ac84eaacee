"""The keyring that protects witnesses' identities: AES-256-GCM keys kept outside the database.

Losing the key file loses the identities it protects, by design: there is no recovery key and no
copy in the database. Back the key file up separately from the workspace.

Sealed format (bytes): ``b"DLE1"`` + key id (8 ASCII bytes) + nonce (12 bytes) + ciphertext+tag.
The associated data (AAD) binds a ciphertext to what it belongs to (e.g. a testimony's source
hash), so a ciphertext copied onto another record fails to open instead of revealing a mismatch.
"""

from __future__ import annotations

import base64
import json
import secrets
from dataclasses import dataclass, field
from pathlib import Path

from cryptography.exceptions import InvalidTag
from cryptography.hazmat.primitives.ciphers.aead import AESGCM

from dalil.errors import CryptoKeyError
from dalil.util import atomic_write_bytes

MAGIC = b"DLE1"
KEYRING_FORMAT = "dalil-keyring/1"


@dataclass
class Keyring:
    path: Path
    workspace_id: str
    current: str
    keys: dict[str, bytes] = field(default_factory=dict)

    @classmethod
    def create(cls, path: Path, workspace_id: str) -> Keyring:
        if path.exists():
            raise CryptoKeyError(f"a key file already exists at {path}; refusing to overwrite it")
        kid = secrets.token_hex(4)
        ring = cls(path=path, workspace_id=workspace_id, current=kid,
                   keys={kid: AESGCM.generate_key(bit_length=256)})
        ring.save()
        return ring

    @classmethod
    def load(cls, path: Path, workspace_id: str) -> Keyring:
        if not path.exists():
            raise CryptoKeyError(
                f"no key file at {path}: run `dalil keys init`, or set DALIL_KEY_FILE to the "
                "key file of this workspace"
            )
        try:
            data = json.loads(path.read_text("utf-8"))
            if data.get("format") != KEYRING_FORMAT:
                raise ValueError("unknown format")
            keys = {kid: base64.b64decode(k) for kid, k in data["keys"].items()}
            ring = cls(path=path, workspace_id=data["workspace_id"], current=data["current"],
                       keys=keys)
        except (ValueError, KeyError, TypeError) as exc:
            raise CryptoKeyError(f"the key file {path} is damaged or not a Dalil key file "
                                 f"({exc.__class__.__name__})") from None
        if ring.workspace_id != workspace_id:
            raise CryptoKeyError(f"the key file {path} belongs to another workspace")
        if ring.current not in ring.keys or any(len(k) != 32 for k in ring.keys.values()):
            raise CryptoKeyError(f"the key file {path} is damaged (bad key length)")
        return ring

    def save(self) -> None:
        data = {"format": KEYRING_FORMAT, "workspace_id": self.workspace_id,
                "current": self.current,
                "keys": {kid: base64.b64encode(k).decode() for kid, k in self.keys.items()}}
        if not self.path.parent.exists():
            self.path.parent.mkdir(parents=True, mode=0o700)
        atomic_write_bytes(self.path, json.dumps(data, indent=1).encode(), mode=0o600)

    def seal(self, plaintext: bytes, aad: bytes) -> bytes:
        nonce = secrets.token_bytes(12)
        ct = AESGCM(self.keys[self.current]).encrypt(nonce, plaintext, aad)
        return MAGIC + self.current.encode("ascii") + nonce + ct

    def open(self, sealed: bytes, aad: bytes) -> bytes:
        if len(sealed) < 4 + 8 + 12 + 16 or sealed[:4] != MAGIC:
            raise CryptoKeyError("not a Dalil ciphertext (damaged)")
        kid = sealed[4:12].decode("ascii", errors="replace")
        key = self.keys.get(kid)
        if key is None:
            raise CryptoKeyError(f"this ciphertext needs key {kid}, which is not in the key file")
        try:
            return AESGCM(key).decrypt(sealed[12:24], sealed[24:], aad)
        except InvalidTag:
            raise CryptoKeyError("decryption failed: wrong key, or the ciphertext was altered "
                                 "or moved to another record") from None

    def key_id_of(self, sealed: bytes) -> str:
        return sealed[4:12].decode("ascii", errors="replace")

    def add_new_current(self) -> str:
        kid = secrets.token_hex(4)
        while kid in self.keys:
            kid = secrets.token_hex(4)
        self.keys[kid] = AESGCM.generate_key(bit_length=256)
        self.current = kid
        return kid
