"""Witness protection end to end: sealed identities, reveal, rotation, consent, no leaks."""

from __future__ import annotations

import subprocess
from pathlib import Path

import pytest
import sqlalchemy as sa
from tests.conftest import make_settings
from tests.helpers import SECRETS, TESTIMONY_YAML

from dalil.errors import CryptoKeyError, ForbiddenError, InputError
from dalil.ingest.pipeline import Ingestor
from dalil.protect.testimony import (
    add_testimony,
    init_keys,
    reveal_identity,
    rotate_keys,
    show_testimony,
)
from dalil.search import search
from dalil.vault.bundle import export_bundle
from dalil.vault.verify import verify_bundle, verify_workspace
from dalil.workspace import Workspace


def all_database_text(ws: Workspace) -> str:
    """Every value of every table, as text (for PostgreSQL, where there is no file to grep)."""
    out = []
    with ws.db.engine.connect() as conn:
        for table in sa.inspect(conn).get_table_names():
            for row in conn.execute(sa.text(f'SELECT * FROM "{table}"')):
                out.extend(v.decode("latin-1") if isinstance(v, bytes) else str(v) for v in row)
    return "\n".join(out)


def grep_tree(root: Path, needle: str) -> list[str]:
    found = subprocess.run(["grep", "-rlaF", needle, str(root)], capture_output=True, text=True)
    return found.stdout.split()


def test_identity_never_in_plaintext(keyed_workspace: Workspace, tmp_path: Path,
                                     capsys: pytest.CaptureFixture[str]) -> None:
    ws = keyed_workspace
    src = tmp_path / "in" / "Nawal_Haddad_statement.yaml"
    src.parent.mkdir()
    src.write_text(TESTIMONY_YAML, encoding="utf-8")
    outcomes = Ingestor(ws).ingest([src.parent])
    assert [o.status for o in outcomes] == ["stored"]
    assert outcomes[0].message and "withheld" in outcomes[0].message
    t = show_testimony(ws, 1)
    assert "[withheld]" in t["statement"] and "Walid" in t["statement"]
    assert search(ws, "bathroom")
    assert not search(ws, "Haddad")
    bundle = tmp_path / "bundle"
    export_bundle(ws, ["1"], bundle, purpose="investigators")
    assert verify_bundle(bundle).ok
    assert verify_workspace(ws).ok
    captured = capsys.readouterr()
    for secret in SECRETS:
        assert grep_tree(ws.home, secret) == [], secret
        assert grep_tree(bundle, secret) == [], secret
        assert secret not in all_database_text(ws), secret
        assert secret not in captured.out + captured.err


def test_reveal_is_permissioned_and_logged(keyed_workspace: Workspace) -> None:
    ws = keyed_workspace
    r = add_testimony(ws, TESTIMONY_YAML.encode(), "rima.yaml")
    ws.add_user("samir", "analyst")
    analyst = Workspace(make_settings(ws.home.parent, ws.settings.database_url, user="samir"),
                        ws.db)
    with pytest.raises(ForbiddenError, match="role 'analyst'"):
        reveal_identity(analyst, r.testimony_id, reason="curious")
    with pytest.raises(InputError, match="needs a reason"):
        reveal_identity(ws, r.testimony_id, reason=" ")
    identity = reveal_identity(ws, r.testimony_id, reason="court summons 14/2025")
    assert identity["real_name"] == "Nawal Haddad"
    assert identity["sensitive"]["religion"] == "Zorvanite"
    with ws.db.engine.connect() as conn:
        rows = conn.execute(sa.text(
            "SELECT actor, details FROM custody_log WHERE action = 'identity_revealed'")).all()
    assert len(rows) == 1 and rows[0][0] == "tester" and "court summons" in rows[0][1]
    assert "Nawal" not in rows[0][1]


def test_key_rotation_re_encrypts_everything(keyed_workspace: Workspace) -> None:
    ws = keyed_workspace
    r = add_testimony(ws, TESTIMONY_YAML.encode(), "rima.yaml")
    old_key = ws.keyring().current
    result = rotate_keys(ws)
    assert result["retired_keys"] == [old_key]
    ring = ws.keyring()
    assert list(ring.keys) == [result["new_key"]]
    assert reveal_identity(ws, r.testimony_id, reason="check")["real_name"] == "Nawal Haddad"
    report = verify_workspace(ws)
    assert report.ok, report.problems


def test_no_key_means_nothing_stored(workspace: Workspace) -> None:
    with pytest.raises(CryptoKeyError, match="no key file"):
        add_testimony(workspace, TESTIMONY_YAML.encode(), "rima.yaml")
    assert list(workspace.blobs.iter_hashes()) == []


def test_losing_the_key_loses_identities_but_custody_still_verifies(
        keyed_workspace: Workspace, tmp_path: Path) -> None:
    ws = keyed_workspace
    r = add_testimony(ws, TESTIMONY_YAML.encode(), "rima.yaml")
    ws.key_path.rename(tmp_path / "lost.json")
    with pytest.raises(CryptoKeyError):
        reveal_identity(ws, r.testimony_id, reason="x")
    report = verify_workspace(ws)
    assert report.ok and any("no key file" in n for n in report.notes)


def test_a_different_key_cannot_open_identities(keyed_workspace: Workspace,
                                                tmp_path: Path) -> None:
    ws = keyed_workspace
    r = add_testimony(ws, TESTIMONY_YAML.encode(), "rima.yaml")
    ws.key_path.unlink()
    init_keys(ws)
    with pytest.raises(CryptoKeyError, match="not in the key file"):
        reveal_identity(ws, r.testimony_id, reason="x")


def test_consent_is_enforced_in_exports(keyed_workspace: Workspace, tmp_path: Path) -> None:
    ws = keyed_workspace
    add_testimony(ws, TESTIMONY_YAML.encode(), "rima.yaml")
    with pytest.raises(ForbiddenError, match="did not consent"):
        export_bundle(ws, ["1"], tmp_path / "b", purpose="court")
    with pytest.raises(ForbiddenError, match="did not consent"):
        export_bundle(ws, ["1"], tmp_path / "b", purpose="public")
    assert not (tmp_path / "b").exists()


def test_no_consent_to_record_refuses(keyed_workspace: Workspace) -> None:
    text = TESTIMONY_YAML.replace("record: true", "record: false")
    with pytest.raises(InputError, match="did not agree to be recorded"):
        add_testimony(keyed_workspace, text.encode(), "x.yaml")


def test_errors_do_not_carry_identity(keyed_workspace: Workspace) -> None:
    broken = TESTIMONY_YAML.replace("pseudonym: Rima\n", "")
    with pytest.raises(InputError) as info:
        add_testimony(keyed_workspace, broken.encode(), "x.yaml")
    for secret in SECRETS:
        assert secret not in str(info.value)


def test_resubmission_is_idempotent(keyed_workspace: Workspace) -> None:
    a = add_testimony(keyed_workspace, TESTIMONY_YAML.encode(), "a.yaml")
    b = add_testimony(keyed_workspace, TESTIMONY_YAML.encode(), "b.yaml")
    assert (a.status, b.status) == ("stored", "resubmitted")
    assert a.testimony_id == b.testimony_id


def test_passphrase_workspace_round_trip(workspace: Workspace, tmp_path: Path) -> None:
    init_keys(workspace, passphrase="cedar and salt 7")
    r = add_testimony(workspace, TESTIMONY_YAML.encode(), "rima.yaml")
    fresh = Workspace(make_settings(tmp_path, workspace.settings.database_url), workspace.db)
    with pytest.raises(CryptoKeyError, match="protected by a passphrase"):
        reveal_identity(fresh, r.testimony_id, reason="audit")
    fresh.passphrase_prompt = lambda: "wrong words here"
    with pytest.raises(CryptoKeyError, match="wrong passphrase"):
        reveal_identity(fresh, r.testimony_id, reason="audit")
    right = Workspace(make_settings(tmp_path, workspace.settings.database_url,
                                    key_passphrase="cedar and salt 7"), workspace.db)
    assert reveal_identity(right, r.testimony_id, reason="audit")["real_name"] == "Nawal Haddad"
    rotate_keys(right)
    assert reveal_identity(right, r.testimony_id, reason="audit")["real_name"] == "Nawal Haddad"
    assert verify_workspace(right).ok
