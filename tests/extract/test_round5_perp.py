"""Round 5 (perpetrators and victim groups): categories of construction, not phrasings. Each
category has at least three fictional sentences in different wordings (Arabic where it applies)
and a near-miss that must not fire. Every sentence is fictional."""

from __future__ import annotations

from typing import Any

import pytest

from dalil.extract import extract_document


def run(text: str, published: str | None = "2025-06-01") -> dict[str, Any]:
    return extract_document(text, published=published).to_dict()


def perps(text: str, published: str | None = "2025-06-01") -> set[str]:
    return {p["canonical"] for p in run(text, published)["perpetrators"]}


def victims(text: str, published: str | None = "2025-06-01") -> set[str]:
    return {v["canonical"] for v in run(text, published)["victim_groups"]}


# -- a toll broken down by party in one sentence: each party given a share is named ------------


@pytest.mark.parametrize(("text", "published", "expected"), [
    ("The monitor said regime forces were responsible for 140 of the disappearances, the SDF "
     "for 35 and Hay'at Tahrir al-Sham for 12.", "2020-03-01",
     {"Assad-era forces and loyalists", "Syrian Democratic Forces", "Hayat Tahrir al-Sham"}),
    ("وبحسب المرصد فإن قوات النظام السوري مسؤولة عن اختفاء ٥٤٠ شخصاً، تليها قوات سوريا "
     "الديمقراطية بـ ٨٢ شخصاً، ثم هيئة تحرير الشام بـ ٣١ شخصاً.", "2021-08-30",
     {"Assad-era forces and loyalists", "Syrian Democratic Forces", "Hayat Tahrir al-Sham"}),
    ("وذكر التقرير أن تنظيم داعش هو المسؤول عن مقتل ٢١٠ مدنيين في المحافظة خلال العام، "
     "تليه قوات النظام السوري بـ ٩٥ مدنياً.", "2019-01-10",
     {"Islamic State", "Assad-era forces and loyalists"}),
])
def test_toll_shares_by_party(text: str, published: str, expected: set[str]) -> None:
    assert expected <= perps(text, published)


def test_office_in_charge_is_no_share() -> None:
    # near-miss: "المسؤول عن ملف" is an office, no share of a toll
    text = ("وأوضح المسؤول عن ملف الأسرى لدى قوات سوريا الديمقراطية أن ٤٠ عائلة راجعت المكتب "
            "هذا الشهر.")
    assert "Syrian Democratic Forces" not in perps(text, "2024-05-01")


# -- one actor under two names joined by a slash --------------------------------------------------


@pytest.mark.parametrize(("text", "published", "expected", "not_expected"), [
    ("Monthly toll by perpetrator:\n- Armed Opposition factions/Syrian National Army: four "
     "civilians killed.", "2023-05-01", "Syrian National Army", "rebel factions"),
    ("The network said Opposition factions/Syrian National Army killed three civilians in "
     "Afrin in March.", "2023-05-01", "Syrian National Army", "rebel factions"),
    ("قتلت فصائل المعارضة المسلحة/الجيش الوطني مدنيين اثنين في ريف حلب الشمالي.", "2023-05-01",
     "Syrian National Army", "rebel factions"),
])
def test_slash_joined_names_are_one_actor(text: str, published: str, expected: str,
                                          not_expected: str) -> None:
    found = perps(text, published)
    assert expected in found
    assert not_expected not in found


def test_two_actors_joined_by_and_stay_two() -> None:
    # near-miss: "and" joins two actors, both reported
    text = "Opposition factions and the Syrian National Army killed three civilians in Afrin."
    assert {"rebel factions", "Syrian National Army"} <= perps(text, "2023-05-01")


# -- the power that holds a place is not the agent of what happened there ------------------------


@pytest.mark.parametrize(("text", "published", "holder"), [
    ("The town, then under the control of rebel factions, was shelled almost daily, killing "
     "nine civilians.", "2014-06-01", "rebel factions"),
    ("Barrel bombs killed 14 civilians in the districts held by opposition factions, "
     "activists said.", "2014-06-01", "rebel factions"),
    ("تعرضت البلدة، التي كانت تخضع لسيطرة فصائل المعارضة، لقصف أدى إلى مقتل ستة مدنيين.",
     "2014-06-01", "rebel factions"),
    ("قُتل أربعة مدنيين بقصف على أحياء تحت سيطرة قوات سوريا الديمقراطية.", "2019-06-01",
     "Syrian Democratic Forces"),
])
def test_controller_of_place_is_no_agent(text: str, published: str, holder: str) -> None:
    assert holder not in perps(text, published)


def test_fire_from_held_areas_names_the_shooter() -> None:
    # near-miss: fire that came from areas held by X names X
    text = ("Shelling killed five people in the market; the shells came from areas held by "
            "government forces west of the town, activists said.")
    assert "Syrian government forces (2025-)" in perps(text, "2025-04-01")


# -- the attack of the sentence before, named by its weapon -------------------------------------


@pytest.mark.parametrize("text", [
    "ألقت مروحيات النظام براميل متفجرة على الحي صباحاً. وقُتل في القصف ١١ مدنياً.",
    "ألقت مروحيات النظام السوري براميل على البلدة. وأسفر القصف عن مقتل سبعة مدنيين.",
    "Regime helicopters dropped barrel bombs on the district. Eight civilians were killed in "
    "the bombardment.",
])
def test_helicopters_of_the_sentence_before(text: str) -> None:
    assert "Assad-era forces and loyalists" in perps(text, "2014-05-12")


# -- a testimony's narrator naming their own community -------------------------------------------


@pytest.mark.parametrize(("text", "expected"), [
    ("Gunmen raided our homes at dawn and took six young men. We are a small Alawite village "
     "and nobody protects us.", "Alawites"),
    ("Masked men looted the shops on our street. They came for us only because we are Druze.",
     "Druze"),
    ("اقتحم مسلحون البيوت وسرقوا الذهب. نحنا ضيعة علوية صغيرة وما إلنا حدا.", "Alawites"),
    ("خطف مسلحون أخي من الحاجز. ويقول أهله إنهم استهدفوه لأننا عائلة مسيحية.", "Christians"),
])
def test_narrators_own_community(text: str, expected: str) -> None:
    assert expected in victims(text)


@pytest.mark.parametrize("text", [
    "Gunmen raided our homes at dawn and took six young men. We are not Alawites, but they did "
    "not ask.",
    "اقتحم مسلحون البيوت وسرقوا الذهب. نحن لسنا علويين ولا نعرف لماذا.",
])
def test_narrators_community_denied(text: str) -> None:
    assert not victims(text)


# -- "the attackers" in the next sentence: the group that attacked just before ---------------------


@pytest.mark.parametrize(("text", "published", "expected"), [
    ("Islamic State militants stormed the village before dawn. The attackers executed nine men "
     "in the square.", "2015-03-01", "Islamic State"),
    ("Fighters of the Sultan Murad Division raided the farm on Tuesday. The gunmen beat the "
     "owner and abducted his two sons.", "2022-05-01", "Sultan Murad Division"),
    ("اقتحم عناصر من تنظيم داعش القرية فجراً. وأعدم المهاجمون تسعة رجال في الساحة.",
     "2015-03-01", "Islamic State"),
])
def test_attackers_are_the_group_that_attacked_before(text: str, published: str,
                                                      expected: str) -> None:
    assert expected in perps(text, published)


def test_attackers_not_the_speaker_before() -> None:
    # near-miss: the actor before only speaks; the unnamed attackers stay unnamed
    text = ("The Interior Ministry said on Monday that a patrol had come under fire. The "
            "attackers killed two policemen and fled.")
    found = perps(text, "2025-03-01")
    assert "Syrian government forces (2025-)" not in found


# -- a toll attributed to parties one by one -------------------------------------------------------


@pytest.mark.parametrize(("text", "expected"), [
    ("SNHR attributed 140 of the killings to regime forces, 35 to the SDF and 12 to HTS.",
     {"Assad-era forces and loyalists", "Syrian Democratic Forces", "Hayat Tahrir al-Sham"}),
    ("The monitor attributed most of the deaths to Russian strikes and the rest to regime "
     "artillery.", {"Russian forces", "Assad-era forces and loyalists"}),
    ("In its annual report the group attributes 61 cases of enforced disappearance to the SDF "
     "and 18 to Syrian regime forces.",
     {"Syrian Democratic Forces", "Assad-era forces and loyalists"}),
])
def test_toll_attributed_to_parties(text: str, expected: set[str]) -> None:
    assert expected <= perps(text, "2019-06-01")


def test_statement_attributed_to_a_body_names_no_agent() -> None:
    # near-miss: a statement attributed to the ministry names a speaker, not an agent
    text = ("The agency attributed the statement to the Interior Ministry, which said six "
            "people were killed in the blast.")
    assert not perps(text, "2025-03-01")


# -- an actor named by its weapon carries the violation in its own name (headlines) --------------


@pytest.mark.parametrize(("text", "published", "expected"), [
    ("Turkish drone strike kills three in Qamishli\n\nThree civilians were killed on Tuesday "
     "when their car was hit near Qamishli, local medics said.", "2023-03-01", "Turkish forces"),
    ("Russian air strikes hit a market in Maarat al-Numan\n\nAt least eleven people died, "
     "rescuers said.", "2019-07-01", "Russian forces"),
    ("Turkish shelling kills two children in Tal Tamr\n\nTwo children died on Sunday, a local "
     "official said.", "2023-03-01", "Turkish forces"),
])
def test_weapon_named_actor_in_a_headline(text: str, published: str, expected: str) -> None:
    assert expected in perps(text, published)


def test_target_of_the_strike_is_no_agent() -> None:
    # near-miss: the group struck is the target, not the agent
    text = "A Russian air strike on an Islamic State convoy killed nine fighters near Palmyra."
    found = perps(text, "2017-03-01")
    assert "Russian forces" in found
    assert "Islamic State" not in found
