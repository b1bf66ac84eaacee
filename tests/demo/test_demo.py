"""`dalil demo` end to end, and the promise that no witness identity leaks into the workspace."""

from __future__ import annotations

import subprocess
from pathlib import Path

import pytest
import yaml

from dalil.demo import corpus_dir, run_demo

CORPUS = Path(str(corpus_dir()))


def identity_values() -> list[str]:
    """Identity values of the demo testimonies that occur in no other corpus file (a value such
    as a common family name may also be in a victim list, legitimately)."""
    others = b"".join(p.read_bytes() for p in CORPUS.rglob("*")
                      if p.is_file() and "testimonies" not in p.parts)
    values: list[str] = []
    for f in (CORPUS / "testimonies").iterdir():
        ident = yaml.safe_load(f.read_text("utf-8"))["identity"]
        # Whole values only: a single given name (أحمد) is also, legitimately, in a victim list.
        candidates = [ident["real_name"], ident["contact"], ident["address"],
                      *ident.get("sensitive", {}).values()]
        values += [v for v in candidates if len(v) >= 4 and v.encode() not in others]
    return values


def test_demo_ingests_verifies_and_leaks_nothing(tmp_path: Path,
                                                 monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("DALIL_KEY_FILE", str(tmp_path / "demo-key.json"))
    result = run_demo(tmp_path / "demo", user="demo")
    statuses = {r["name"]: r["status"] for r in result.rows}
    assert set(statuses.values()) == {"stored"}, statuses
    assert result.testimonies == 3 and result.sources >= 25
    assert result.verify.ok, result.verify.problems
    assert result.search_hits > 0
    values = identity_values()
    assert len(values) >= 9  # the check below must have something to look for
    for value in values:
        found = subprocess.run(["grep", "-rlaF", value, str(tmp_path / "demo")],
                               capture_output=True, text=True).stdout
        assert found == "", f"an identity value leaked into {found}"
    again = run_demo(tmp_path / "demo", user="demo")
    assert {r["status"] for r in again.rows} == {"resubmitted"}
    assert again.verify.ok
