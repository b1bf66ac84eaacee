from __future__ import annotations

import base64
import json
from pathlib import Path

import pytest

from dalil.errors import CryptoKeyError
from dalil.protect.keys import Keyring


def test_seal_and_open_round_trip(tmp_path: Path) -> None:
    ring = Keyring.create(tmp_path / "k.json", "ws1")
    sealed = ring.seal("سلمى خليل".encode(), b"aad")
    assert "سلمى".encode() not in sealed
    assert ring.open(sealed, b"aad").decode() == "سلمى خليل"
    assert (tmp_path / "k.json").stat().st_mode & 0o777 == 0o600


def test_wrong_associated_data_fails_clearly(tmp_path: Path) -> None:
    ring = Keyring.create(tmp_path / "k.json", "ws1")
    sealed = ring.seal(b"secret", b"record-1")
    with pytest.raises(CryptoKeyError, match="wrong key, or the ciphertext was altered"):
        ring.open(sealed, b"record-2")


def test_flipped_byte_fails(tmp_path: Path) -> None:
    ring = Keyring.create(tmp_path / "k.json", "ws1")
    sealed = bytearray(ring.seal(b"secret", b"a"))
    sealed[-1] ^= 1
    with pytest.raises(CryptoKeyError):
        ring.open(bytes(sealed), b"a")


def test_another_workspaces_key_is_refused(tmp_path: Path) -> None:
    Keyring.create(tmp_path / "k.json", "ws1")
    with pytest.raises(CryptoKeyError, match="belongs to another workspace"):
        Keyring.load(tmp_path / "k.json", "ws2")


def test_missing_and_damaged_key_files(tmp_path: Path) -> None:
    with pytest.raises(CryptoKeyError, match="no key file"):
        Keyring.load(tmp_path / "absent.json", "ws1")
    (tmp_path / "bad.json").write_text("{not json")
    with pytest.raises(CryptoKeyError, match="damaged"):
        Keyring.load(tmp_path / "bad.json", "ws1")
    ring = Keyring.create(tmp_path / "short.json", "ws1")
    data = json.loads((tmp_path / "short.json").read_text())
    data["keys"][ring.current] = "AAAA"
    (tmp_path / "short.json").write_text(json.dumps(data))
    with pytest.raises(CryptoKeyError, match="bad key length"):
        Keyring.load(tmp_path / "short.json", "ws1")


def test_create_refuses_to_overwrite(tmp_path: Path) -> None:
    Keyring.create(tmp_path / "k.json", "ws1")
    with pytest.raises(CryptoKeyError, match="refusing to overwrite"):
        Keyring.create(tmp_path / "k.json", "ws1")


def test_old_ciphertexts_open_after_adding_a_key(tmp_path: Path) -> None:
    ring = Keyring.create(tmp_path / "k.json", "ws1")
    old = ring.seal(b"x", b"a")
    ring.add_new_current()
    assert ring.open(old, b"a") == b"x"
    assert ring.key_id_of(ring.seal(b"y", b"a")) == ring.current


def test_passphrase_protected_key_file(tmp_path: Path) -> None:
    ring = Keyring.create(tmp_path / "k.json", "ws1", passphrase="olive grove 1925")
    sealed = ring.seal(b"identity", b"a")
    raw = (tmp_path / "k.json").read_text()
    assert base64.b64encode(ring.keys[ring.current]).decode() not in raw
    with pytest.raises(CryptoKeyError, match="protected by a passphrase"):
        Keyring.load(tmp_path / "k.json", "ws1")
    with pytest.raises(CryptoKeyError, match="wrong passphrase"):
        Keyring.load(tmp_path / "k.json", "ws1", passphrase="olive grove 1926")
    again = Keyring.load(tmp_path / "k.json", "ws1", passphrase="olive grove 1925")
    assert again.open(sealed, b"a") == b"identity"
    assert (tmp_path / "k.json").read_text() == raw  # a wrong passphrase changed nothing


def test_short_passphrase_is_refused(tmp_path: Path) -> None:
    with pytest.raises(CryptoKeyError, match="too short"):
        Keyring.create(tmp_path / "k.json", "ws1", passphrase="short")
    assert not (tmp_path / "k.json").exists()
