"""The chain walk on plain entries: every kind of tampering is found and named."""

from __future__ import annotations

import copy
from typing import Any

from dalil.util import canonical_json
from dalil.vault.custody import GENESIS, check_chain, content_hash, content_of, entry_hash


def make_log(n: int) -> list[dict[str, Any]]:
    out: list[dict[str, Any]] = []
    prev = GENESIS
    for seq in range(1, n + 1):
        details = {"source_id": seq}
        c = content_hash(content_of(seq, f"2025-03-0{seq % 9 + 1}T10:00:00.000000Z", "rima",
                                    "ingested", f"{seq:064x}", canonical_json(details)))
        e = {"seq": seq, "at": f"2025-03-0{seq % 9 + 1}T10:00:00.000000Z", "actor": "rima",
             "action": "ingested", "sha256": f"{seq:064x}", "details": details,
             "content_hash": c, "prev_hash": prev, "entry_hash": entry_hash(seq, prev, c)}
        prev = e["entry_hash"]
        out.append(e)
    return out


def test_intact_chain_verifies() -> None:
    r = check_chain(make_log(20))
    assert r.problems == [] and r.entries == 20 and r.head_seq == 20


def test_edited_entry_is_named() -> None:
    log = make_log(10)
    log[4]["actor"] = "someone-else"
    r = check_chain(log)
    assert r.problems == ["entry 5 was edited: its content does not match its recorded hash"]


def test_edited_entry_with_recomputed_content_hash_breaks_the_chain() -> None:
    log = make_log(10)
    e = log[4]
    e["actor"] = "forger"
    e["content_hash"] = content_hash(content_of(5, e["at"], e["actor"], e["action"], e["sha256"],
                                                canonical_json(e["details"])))
    r = check_chain(log)
    assert any("entry 5 has a wrong entry hash" in p for p in r.problems)


def test_deleted_entry_is_named() -> None:
    log = make_log(10)
    del log[3]
    r = check_chain(log)
    assert "entry 4 is missing (deleted)" in r.problems
    assert any("entry 5 does not follow" in p for p in r.problems)


def test_reordered_entries_are_named() -> None:
    log = make_log(10)
    log[2], log[3] = log[3], log[2]
    r = check_chain(log)
    assert any("entry 3 is out of order" in p for p in r.problems)
    assert any("entry 4 does not follow" in p for p in r.problems)


def test_inserted_entry_is_named() -> None:
    log = make_log(10)
    fake = copy.deepcopy(log[5])
    log.insert(6, fake)
    r = check_chain(log)
    assert any("entry 6 is out of order or duplicated" in p for p in r.problems)


def test_redacted_entries_still_chain() -> None:
    log = make_log(6)
    red = [{k: e[k] for k in ("seq", "content_hash", "prev_hash", "entry_hash")} | {"redacted": True}
           if i % 2 else e for i, e in enumerate(log)]
    assert check_chain(red).problems == []
    red[1]["content_hash"] = "f" * 64
    assert check_chain(red).problems
