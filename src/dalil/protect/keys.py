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
# Argon2id parameters for a passphrase-protected key file (RFC 9106's second recommended
# option: 64 MiB, 3 passes). About a quarter of a second on this kind of machine, per unlock.
KDF_PARAMS = {"time_cost": 3, "memory_cost": 65536, "parallelism": 2}


def _kdf(passphrase: str, salt: bytes, params: dict[str, int]) -> bytes:
    from argon2.low_level import Type, hash_secret_raw

    return hash_secret_raw(passphrase.encode("utf-8"), salt, hash_len=32, type=Type.ID,
                           time_cost=params["time_cost"], memory_cost=params["memory_cost"],
                           parallelism=params["parallelism"])


@dataclass
class Keyring:
    path: Path
    workspace_id: str
    current: str
    keys: dict[str, bytes] = field(default_factory=dict)
    # When set, the key file on disk is itself sealed under a key derived from this passphrase.
    passphrase: str | None = field(default=None, repr=False)

    @classmethod
    def create(cls, path: Path, workspace_id: str, passphrase: str | None = None) -> Keyring:
        if path.exists():
            raise CryptoKeyError(f"a key file already exists at {path}; refusing to overwrite it")
        if passphrase is not None and len(passphrase) < 8:
            raise CryptoKeyError("the passphrase is too short (8 characters at least)")
        kid = secrets.token_hex(4)
        ring = cls(path=path, workspace_id=workspace_id, current=kid,
                   keys={kid: AESGCM.generate_key(bit_length=256)}, passphrase=passphrase)
        ring.save()
        return ring

    @staticmethod
    def is_protected(path: Path) -> bool:
        try:
            return "protected" in json.loads(path.read_text("utf-8"))
        except (OSError, ValueError):
            return False

    @classmethod
    def load(cls, path: Path, workspace_id: str, passphrase: str | None = None) -> Keyring:
        if not path.exists():
            raise CryptoKeyError(
                f"no key file at {path}: run `dalil keys init`, or set DALIL_KEY_FILE to the "
                "key file of this workspace"
            )
        try:
            data = json.loads(path.read_text("utf-8"))
            if data.get("format") != KEYRING_FORMAT:
                raise ValueError("unknown format")
            if "protected" in data:
                data = cls._unlock(path, data, passphrase)
            keys = {kid: base64.b64decode(k) for kid, k in data["keys"].items()}
            ring = cls(path=path, workspace_id=data["workspace_id"], current=data["current"],
                       keys=keys, passphrase=passphrase)
        except (ValueError, KeyError, TypeError) as exc:
            raise CryptoKeyError(f"the key file {path} is damaged or not a Dalil key file "
                                 f"({exc.__class__.__name__})") from None
        if ring.workspace_id != workspace_id:
            raise CryptoKeyError(f"the key file {path} belongs to another workspace")
        if ring.current not in ring.keys or any(len(k) != 32 for k in ring.keys.values()):
            raise CryptoKeyError(f"the key file {path} is damaged (bad key length)")
        return ring

    @staticmethod
    def _unlock(path: Path, data: dict[str, object], passphrase: str | None) -> dict[str, object]:
        if not passphrase:
            raise CryptoKeyError(f"the key file {path} is protected by a passphrase: set "
                                 "DALIL_KEY_PASSPHRASE or answer the prompt")
        box = data["protected"]
        assert isinstance(box, dict)
        key = _kdf(passphrase, base64.b64decode(box["salt"]), box["kdf"])
        try:
            plain = AESGCM(key).decrypt(base64.b64decode(box["nonce"]),
                                        base64.b64decode(box["ciphertext"]), KEYRING_FORMAT.encode())
        except InvalidTag:
            raise CryptoKeyError(f"wrong passphrase for the key file {path} (or the file was "
                                 "altered)") from None
        inner: dict[str, object] = json.loads(plain)
        return inner

    def save(self) -> None:
        data: dict[str, object] = {
            "format": KEYRING_FORMAT, "workspace_id": self.workspace_id, "current": self.current,
            "keys": {kid: base64.b64encode(k).decode() for kid, k in self.keys.items()}}
        if self.passphrase:
            salt, nonce = secrets.token_bytes(16), secrets.token_bytes(12)
            box_key = _kdf(self.passphrase, salt, KDF_PARAMS)
            ct = AESGCM(box_key).encrypt(nonce, json.dumps(data).encode(), KEYRING_FORMAT.encode())
            data = {"format": KEYRING_FORMAT, "protected": {
                "kdf": KDF_PARAMS, "salt": base64.b64encode(salt).decode(),
                "nonce": base64.b64encode(nonce).decode(),
                "ciphertext": base64.b64encode(ct).decode()}}
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
