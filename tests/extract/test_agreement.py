"""bench/extract_agreement.py: a second annotation scored with the extractor's own scorer."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest
import yaml

sys.path.insert(0, str(Path(__file__).resolve().parents[2] / "bench"))

from extract_agreement import agreement

DOC = ("JABLEH, Syria -- Gunmen killed at least 12 men in the village of Ayn al-Sharqiyah on "
       "4 March 2025, the Syrian Network for Human Rights said. \"They came at dawn,\" said a "
       "farmer who gave his name only as Abu Ali. The group said 300 fighters took part.\n")
GOLD = {"published": "2025-03-06", "places": ["Ayn al-Sharqiyah"], "places_optional": ["Jableh"],
        "dates": ["2025-03-04"], "violations": ["killing"], "perpetrators": ["unidentified gunmen"],
        "victim_groups": [], "casualty": [[12, "at_least", "killed"]],
        "other": [[300, "fighters"]],
        "sources": [["Syrian Network for Human Rights", "NGO", False],
                    ["Abu Ali", "witness", True]],
        "claims": [["Gunmen killed at least 12 men", "Syrian Network for Human Rights", False]]}


def _set(tmp_path: Path) -> Path:
    (tmp_path / "docs").mkdir()
    (tmp_path / "docs" / "a.txt").write_text(DOC, encoding="utf-8")
    (tmp_path / "gold.yaml").write_text(yaml.safe_dump({"a.txt": GOLD}), encoding="utf-8")
    return tmp_path


def test_an_annotation_agrees_with_itself_in_every_field(tmp_path: Path) -> None:
    data = _set(tmp_path)
    res = agreement(data, data / "gold.yaml")["annotator"]
    assert {f: s["f1"] for f, s in res["fields"].items() if s["tp"] + s["fn"]} == {
        "places": 1.0, "dates": 1.0, "violations": 1.0, "perpetrators": 1.0,
        "casualty_figures": 1.0, "other_figures": 1.0, "quoted_sources": 1.0}
    assert res["attribution_accuracy"] == res["hedging_accuracy"] == 1.0
    assert res["source_role_accuracy"] == res["pseudonymity_accuracy"] == 1.0


def test_a_second_annotator_who_differs_loses_only_there(tmp_path: Path) -> None:
    data = _set(tmp_path)
    second = dict(GOLD, perpetrators=[], casualty=[[12, "exact", "killed"]],
                  claims=[["Gunmen killed at least 12 men", "the author", True]])
    (tmp_path / "b.yaml").write_text(yaml.safe_dump({"a.txt": second}), encoding="utf-8")
    res = agreement(data, tmp_path / "b.yaml")["annotator"]
    fields = res["fields"]
    assert (fields["perpetrators"]["tp"], fields["perpetrators"]["fn"]) == (0, 1)
    assert (fields["casualty_figures"]["fp"], fields["casualty_figures"]["fn"]) == (1, 1)
    assert fields["places"]["f1"] == fields["quoted_sources"]["f1"] == 1.0
    assert res["attribution_accuracy"] == res["hedging_accuracy"] == 0.0


def test_a_second_annotation_missing_a_document_is_refused_by_name(tmp_path: Path) -> None:
    data = _set(tmp_path)
    (tmp_path / "b.yaml").write_text(yaml.safe_dump({"other.txt": GOLD}), encoding="utf-8")
    with pytest.raises(SystemExit, match=r"no annotation for a\.txt"):
        agreement(data, tmp_path / "b.yaml")


def test_a_perpetrator_is_matched_through_the_registry_as_the_extractors_are(
        tmp_path: Path) -> None:
    data = _set(tmp_path)
    gold = dict(GOLD, perpetrators=["Russian forces", "Assad-era forces and loyalists"])
    (tmp_path / "gold.yaml").write_text(yaml.safe_dump({"a.txt": gold}), encoding="utf-8")
    second = dict(GOLD, perpetrators=["Russia", "قوات النظام"])
    (tmp_path / "b.yaml").write_text(yaml.safe_dump({"a.txt": second}), encoding="utf-8")
    perps = agreement(data, tmp_path / "b.yaml")["annotator"]["fields"]["perpetrators"]
    assert (perps["tp"], perps["fp"], perps["fn"]) == (2, 0, 0)
