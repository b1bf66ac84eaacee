"""Ninth round, perpetrators and violations: categories of construction found in the errors of
blind sets 12 and 13 (and checked in the older development sets). Every sentence here is
fictional, written for this test (never an evaluation text); places and well-known units are
real. Each category has at least three sentences in different wordings (one Arabic where it
applies) and a near miss that must not fire.
"""

from __future__ import annotations

from typing import Any

import pytest

from dalil.extract import extract_document


def run(text: str, published: str | None = "2025-05-01") -> dict[str, Any]:
    return extract_document(text, published=published).to_dict()


def perps(text: str, published: str | None = "2025-05-01") -> list[str]:
    return [p["canonical"] for p in run(text, published)["perpetrators"]]


def violations(text: str) -> list[str]:
    return list(run(text)["violations"])


# -- the body that helped the agent: "assisted by", "with the help of", "بمساعدة" ----------------


@pytest.mark.parametrize(("text", "agent", "helper"), [
    ("Fighters of the Fourth Division executed nine men in Daraya in August 2012, acting "
     "together with local members of the National Defence Forces.", "Fourth Division",
     "National Defence Forces"),
    ("In 2013 Air Force Intelligence officers detained dozens of students in Mezzeh with the "
     "help of fighters of the National Defence Forces, a former detainee said.",
     "Air Force Intelligence", "National Defence Forces"),
    ("Survivors said Hamza Division gunmen looted the shops of Jinderes, aided by members of "
     "the Sultan Murad Division.", "Hamza Division", "Sultan Murad Division"),
    ("اعتقلت عناصر من الأمن العسكري ثلاثة شبان في حي التضامن بمساعدة عناصر من الدفاع الوطني.",
     "Military Intelligence (Military Security)", "National Defence Forces"),
])
def test_the_helper_of_an_agent_is_an_agent(text: str, agent: str, helper: str) -> None:
    found = perps(text)
    assert agent in found
    assert helper in found


def test_help_words_without_an_agent_name_no_one() -> None:
    # no agent before the help words: the Observatory helped reporters count, it did nothing
    text = ("With the help of the National Defence Forces' former members, reporters counted 40 "
            "dead in the village after the shelling.")
    assert "National Defence Forces" not in perps(text)


def test_buried_together_with_is_no_help() -> None:
    text = ("Gunmen killed a teacher in Jableh; he was buried together with members of the "
            "National Defence Forces who died in the same attack.")
    assert "National Defence Forces" not in perps(text)


# -- the police arresting suspects: no arbitrary detention, and the police no perpetrator --------


@pytest.mark.parametrize("text", [
    "The Interior Ministry said on Sunday it had arrested 12 members of a kidnapping network in "
    "Izraa and freed three hostages.",
    "Police in Homs detained the leader of an armed gang on the highway on Tuesday.",
    "وقال مسؤول أمني إن الأمن العام اعتقل أربعة من المشتبه بهم في الهجوم على القرية.",
    "وأعلنت الوزارة أن وحداتها أوقفت ثلاثة من أفراد خلية في ريف دمشق.",
])
def test_suspects_arrested_are_no_arbitrary_detention(text: str) -> None:
    assert "arbitrary_detention" not in violations(text)
    assert perps(text) == []


def test_young_men_arrested_are_a_detention() -> None:
    text = ("Residents said Military Intelligence officers arrested 15 young men in Tafas and took "
            "them to an unknown location.")
    assert "arbitrary_detention" in violations(text)
    assert "Military Intelligence (Military Security)" in perps(text)


# -- a speaker's own denial ("ننفي", "we deny") asserts nothing -----------------------------------


@pytest.mark.parametrize("text", [
    "قال المتحدث باسم الوزارة: ننفي ما تداولته بعض الصفحات عن إعدام عشرة شبان في الحي.",
    "وأضاف: نحن ننفي بشكل قاطع أي اعتقالات في صفوف أبناء البلدة.",
    "\"We deny that any detainees were tortured in our facilities,\" the spokesman said.",
])
def test_a_first_person_denial_asserts_no_violation(text: str) -> None:
    assert violations(text) == []


def test_a_denial_of_another_report_still_reports_the_first() -> None:
    text = "ننفي ما نشر عن الحادثة. وقتل مسلحون ثلاثة رعاة في ريف حماة أمس."
    assert "killing" in violations(text)


# -- counted civilians named by where they come from are the harmed -----------------------------


@pytest.mark.parametrize(("text", "agent", "not_agent"), [
    ("واعتقلت قوات سوريا الديمقراطية أكثر من ٦٠ شاباً من أبناء العشائر في البصيرة.",
     "Syrian Democratic Forces", "Bedouin tribal fighters"),
    ("اعتقلت قسد عشرة شبان من أبناء العشائر في ذيبان أمس.", "Syrian Democratic Forces",
     "Bedouin tribal fighters"),
    ("Gunmen killed three shepherds from the Bedouin tribes near Palmyra, relatives said.",
     "unidentified gunmen", "Bedouin tribal fighters"),
])
def test_counted_civilians_from_a_group_are_victims(text: str, agent: str,
                                                    not_agent: str) -> None:
    found = perps(text)
    assert agent in found
    assert not_agent not in found


def test_men_from_the_tribes_who_robbed_are_agents() -> None:
    # uncounted men "from the tribes" who then robbed: the robbers
    assert "Bedouin tribal fighters" in perps("في اليوم التالي جاء رجال من العشائر وسرقوا "
                                              "الذهب والسيارة.")


# -- the subject of an Arabic relative clause of the crime ("الجرائم التي ارتكبتها X") -----------


@pytest.mark.parametrize(("text", "agent"), [
    ("يدين المجلس الجرائم التي ارتكبتها ميليشيا \"قسد\" بحق أهلنا في بلدات ذيبان والشحيل "
     "والبصيرة منذ السابع والعشرين من آب، حيث قامت بقصف الأحياء السكنية ما أدى إلى استشهاد ١٤ "
     "مدنياً.", "Syrian Democratic Forces"),
    ("وثق المرصد مزيداً من المجازر التي ارتكبها عناصر من الفرقة الرابعة في قرى ريف حماة الشمالي "
     "خلال الأسبوع الماضي، وراح ضحيتها ٣٠ مدنياً.", "Fourth Division"),
    ("وتحدث الأهالي عن الهجمات التي نفذتها فصائل الجيش الوطني على قرى عفرين وبلداتها في ربيع "
     "ذلك العام، والتي أسفرت عن مقتل ١١ مدنياً.", "Syrian National Army"),
])
def test_subject_of_an_arabic_crime_relative_clause(text: str, agent: str) -> None:
    assert agent in perps(text)


def test_crimes_done_against_a_body_make_it_no_agent() -> None:
    text = ("وأدان البيان الانتهاكات التي ارتكبت بحق عناصر الأمن العام في قرى ريف جبلة خلال "
            "الأيام الماضية وأدت إلى مقتل خمسة منهم.")
    assert "General Security" not in perps(text)
