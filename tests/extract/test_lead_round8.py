"""The lead's round-8 fixes, each with fictional sentences in several wordings and a near miss:
"بحسب ما قال" at a clause's end names no source; what a body denies is no part of its name;
"at dawn" in a narrative is the narrative's day."""

from __future__ import annotations

import pytest

from dalil.extract import extract_document


def _sources(text: str) -> list[str]:
    return [s["name"] for s in extract_document(text, published="2025-11-18").to_dict()
            ["quoted_sources"]]


@pytest.mark.parametrize("text", [
    "وأفاد مكتب توثيق الشهداء في درعا بأن عدد الضحايا بلغ ٣٧ شخصاً، بحسب ما قال.",
    "وذكرت شبكة حوران الإخبارية أن الدورية اعتقلت أربعة شبان، وفق ما أفادت.",
    "قالت لجنة الأهالي إن المسلحين أحرقوا ثلاثة منازل، حسب ما ذكرت.",
])
def test_according_to_what_it_said_names_no_new_source(text: str) -> None:
    names = _sources(text)
    assert names and not any(n.split()[0] in {"قال", "أفادت", "ذكرت", "ما"} for n in names)


def test_according_to_what_a_named_body_said_still_names_it() -> None:
    # near miss: the source follows the verb
    names = _sources("قُتل مدنيان في قصف على البلدة، بحسب ما قال الدفاع المدني السوري.")
    assert "الدفاع المدني السوري" in names


@pytest.mark.parametrize(("text", "body"), [
    ("نفت وزارة الداخلية أي علاقة لعناصرها بحادثة الاختطاف.", "وزارة الداخلية"),
    ("ونفت قيادة الشرطة أية صلة لها بمقتل الشاب.", "قيادة الشرطة"),
    ("نفى الجيش الوطني السوري تورط فصائله في الاعتداء على المزارعين.", "الجيش الوطني السوري"),
])
def test_what_a_body_denies_is_no_part_of_its_name(text: str, body: str) -> None:
    names = _sources(text)
    assert body in names
    assert all(len(n.split()) <= len(body.split()) for n in names)


def test_a_name_with_any_word_inside_is_untouched() -> None:
    # near miss: a body's name goes on until what it denied
    names = _sources("نفت هيئة التفاوض السورية الاتهامات الموجهة إليها.")
    assert names == ["هيئة التفاوض السورية"]


def _dates(text: str, published: str = "2025-04-10") -> list[str]:
    return [d["date"] for d in extract_document(text, published=published).to_dict()["dates"]
            if d["date"]]


@pytest.mark.parametrize("text", [
    "Gunmen killed four farmers in Tell Kalakh on Tuesday. The men were taken from their fields "
    "at dawn and shot near the road.",
    "Security forces raided the village of al-Bayda on 6 April. Residents said the raid began at "
    "dawn and that eleven men were detained.",
    "On Monday, 7 April, militiamen set fire to two houses in Qusayr; the first was burned at dawn, "
    "witnesses said.",
])
def test_at_dawn_in_a_narrative_is_the_narratives_day(text: str) -> None:
    assert "2025-04-10" not in _dates(text)


def test_at_dawn_alone_is_the_day_of_the_report() -> None:
    # near miss: nothing earlier anchors it, so a same-day report's "at dawn" is today
    assert _dates("Israeli jets struck a farm near Quneitra at dawn, killing two shepherds, "
                  "local sources said.") == ["2025-04-10"]


def _perpetrators(text: str) -> list[str]:
    return [p["canonical"] for p in extract_document(text, published="2024-06-12").to_dict()
            ["perpetrators"]]


@pytest.mark.parametrize(("text", "who"), [
    ("At least 14 detainees died in custody at Military Intelligence Branch 215 in Damascus "
     "between January and April, former detainees said.", "Military Intelligence"),
    ("Relatives said the two brothers died under torture in Branch 215 after three months of "
     "interrogation.", "Branch 215"),
    ("The teacher was tortured and later disappeared in the custody of Air Force Intelligence, "
     "his family said.", "Air Force Intelligence"),
])
def test_the_service_in_whose_custody_detainees_died_is_a_perpetrator(text: str, who: str) -> None:
    assert any(who in p for p in _perpetrators(text))


def test_a_branch_only_passed_by_is_no_perpetrator() -> None:
    # near miss: a place by a branch, no one held there
    assert _perpetrators("The market near the Air Force Intelligence building reopened on "
                         "Sunday, shop owners said.") == []
