"""Keyed Bloom-filter encodings and linkage without plain names."""

from __future__ import annotations

import json
from pathlib import Path

import pandas as pd
import pytest

from dalil.errors import InputError
from dalil.linkage.encode import (
    BLOOM_BITS,
    bloom_positions,
    encode_features,
    link_encoded,
    read_encoded,
    write_encoded,
)

KEY = b"a shared secret of the two groups"


def test_bloom_filter_depends_on_the_key_and_the_text() -> None:
    a = bloom_positions("mhmd", KEY, "given_key")
    assert a == bloom_positions("mhmd", KEY, "given_key")
    assert a != bloom_positions("mhmd", b"another secret key!!", "given_key")
    assert all(0 <= p < BLOOM_BITS for p in a)
    similar = set(bloom_positions("mhmwd", KEY, "given_key"))
    other = set(bloom_positions("xld", KEY, "given_key"))
    dice = lambda x, y: 2 * len(x & y) / (len(x) + len(y))  # noqa: E731
    assert dice(set(a), similar) > dice(set(a), other)


def test_encoded_file_holds_no_plain_name(tmp_path: Path, small_lists: pd.DataFrame,
                                          small_features: pd.DataFrame) -> None:
    encoded = encode_features(small_features.head(50), KEY)
    out = tmp_path / "enc.jsonl"
    write_encoded(encoded, out, "groupA")
    text = out.read_text(encoding="utf-8")
    for key in small_features.head(50)["given_key"].dropna():
        assert f'"{key}"' not in text
    for name in small_lists.head(50)["full_name"].dropna():
        if name:
            assert name not in text
    name, back = read_encoded(out)
    assert name == "groupA" and len(back) == 50
    assert json.loads(text.splitlines()[0])["format"].startswith("dalil-encoded")


def test_short_keys_are_refused(small_features: pd.DataFrame) -> None:
    with pytest.raises(InputError):
        encode_features(small_features.head(2), b"short")


def test_not_an_encoded_file(tmp_path: Path) -> None:
    p = tmp_path / "x.jsonl"
    p.write_text('{"hello": 1}\n', encoding="utf-8")
    with pytest.raises(InputError):
        read_encoded(p)


def test_link_encoded_finds_shared_victims(small_lists: pd.DataFrame,
                                           small_features: pd.DataFrame) -> None:
    a = small_features[small_features["list_name"] == "SNHR-like"]
    b = small_features[small_features["list_name"] == "VDC-like"]
    pairs = link_encoded(encode_features(a, KEY), encode_features(b, KEY))
    person = dict(zip(small_lists["record_id"], small_lists["person_id"], strict=True))
    found = {(x, y) for x, y in zip(pairs["id_a"], pairs["id_b"], strict=True)}
    truth = {(x, y) for x in a["unique_id"] for y in b["unique_id"] if person[x] == person[y]}
    tp = len(found & truth)
    assert tp / len(found) > 0.9 and tp / len(truth) > 0.7
    # one-to-one
    assert pairs["id_a"].is_unique and pairs["id_b"].is_unique
