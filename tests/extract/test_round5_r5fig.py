"""Fifth round of figure rules (casualty and other figures), each on short fictional sentences
written for this test (never an evaluation text). Each category has several wordings, in English
and Arabic where it applies, and a near miss that must not fire."""

from __future__ import annotations

from typing import Any

import pytest

from dalil.extract import extract_document


def run(text: str) -> dict[str, Any]:
    return extract_document(text, published="2025-06-10").to_dict()


def casualties(text: str) -> list[tuple[Any, str, str]]:
    return [(f["value"], f["qualifier"], f["what"]) for f in run(text)["casualty_figures"]]


def others(text: str) -> list[tuple[Any, str]]:
    return [(f["value"], f["what"]) for f in run(text)["other_figures"]]


# A share is a percentage whatever the clause says happened to the people it is a share of,
# in both Arabic spellings of "per cent" (في المئة, في المائة).
@pytest.mark.parametrize(("text", "value"), [
    ("تقول منظمات محلية إن نحو ٧٠ في المئة من سكان القرية نزحوا خلال الشتاء.", 70),
    ("يضم الحي قرابة ٩٠ في المائة من النازحين في المدينة.", 90),
    ("قُتل ٣٠ بالمائة من السكان في الغارات على البلدة.", 30),
    ("About 60 percent of the villagers fled during the shelling.", 60),
])
def test_percent_share_is_other(text: str, value: int) -> None:
    assert (value, "percent") in others(text)
    assert not any(v == value for v, _q, _w in casualties(text))


def test_percent_near_miss_counted_people_stay_casualties() -> None:
    # "في" after the number is a preposition here, not "per cent"
    assert casualties("وقُتل في القصف ١٢ شخصاً في المدينة.") == [(12, "exact", "killed")]


# Enforced disappearance as a state ("remain in enforced disappearance", "قيد الاختفاء القسري")
@pytest.mark.parametrize(("text", "value", "qual"), [
    ("وثقت الرابطة ما لا يقل عن ٥٠٠ شخص لا يزالون قيد الاختفاء القسري في المحافظة.", 500,
     "at_least"),
    ("وقالت اللجنة إن ٢٣٠ شخصاً تعرضوا للاختفاء القسري منذ بداية العام.", 230, "exact"),
    ("The group said at least 312 people remain in enforced disappearance in the province.", 312,
     "at_least"),
    ("Some 75 men have been subjected to enforced disappearance since the raid.", 75, "approx"),
])
def test_disappearance_state_is_missing(text: str, value: int, qual: str) -> None:
    assert (value, qual, "missing") in casualties(text)


def test_disappearance_near_miss_no_count() -> None:
    # a year and a day are no counts of the disappeared
    assert casualties("The law on enforced disappearance was passed in 2012.") == []


# A camp or town that hosts people gives its population (Arabic verb before its subject)
@pytest.mark.parametrize(("text", "value"), [
    ("يؤوي المخيم أكثر من ٤٣ ألف شخص في ظروف صعبة.", 43000),
    ("وتستضيف البلدة نحو ١٢ ألف شخص منذ سنوات.", 12000),
    ("The camp hosts some 40,000 people, most of them women and children.", 40000),
    ("The school now accommodates 900 people from the nearby villages.", 900),
])
def test_hosting_verb_gives_population(text: str, value: int) -> None:
    assert (value, "population") in others(text)


def test_hosting_near_miss_killing_stays_casualty() -> None:
    assert casualties("Gunmen killed 12 people near the camp, and its hosts fled.") == \
        [(12, "exact", "killed")]


# After a population cue ("home to"), a counted thing named after the number is that thing
@pytest.mark.parametrize(("text", "expected"), [
    ("The valley is home to some 2 million olive trees.", (2000000, "trees")),
    ("The old city is home to about 300 workshops and a market.", (300, "workshops")),
    ("The province was home to nearly 40,000 beehives before the war.", (40000, "beehives")),
])
def test_thing_after_population_cue(text: str, expected: tuple[int, str]) -> None:
    assert expected in others(text)


@pytest.mark.parametrize("text", [
    "The district is home to about 50,000 refugees from Homs.",
    "The town, home to 300,000 Alawites, was shelled.",
    "The town is home to 20,000 residents.",
])
def test_people_after_population_cue_stay_population(text: str) -> None:
    assert [w for _v, w in others(text)] == ["population"]


# The same other figure in the headline and in the body is one figure (as for casualties)
@pytest.mark.parametrize(("text", "expected"), [
    ("Kidnappers demand $50,000 for three men taken near Shahba\n\nRelatives said the "
     "kidnappers demanded $50,000 for their release. A second family was asked for $20,000.",
     [(50000, "money"), (20000, "money")]),
    ("خاطفون يطلبون ٣٠٠ مليون ليرة للإفراج عن شاب\n\nوقال قريب المخطوف إن الخاطفين طالبوا "
     "بفدية قدرها ٣٠٠ مليون ليرة سورية.", [(300000000, "money")]),
    ("Shelling damages 12 schools in Idlib\n\nLocal officials said the shelling damaged 12 "
     "schools and 30 houses.", [(12, "buildings"), (30, "buildings")]),
])
def test_headline_other_figure_repeated_once(text: str, expected: list[tuple[int, str]]) -> None:
    assert sorted(others(text)) == sorted(expected)


def test_headline_near_miss_body_repeats_in_body_are_kept() -> None:
    # two mentions in the body are not a headline and its repeat: the body keeps both
    text = ("Report on the offensive\n\nThe report lists 40 villages emptied by the offensive. "
            "Another 40 villages were shelled.")
    assert others(text).count((40, "places")) == 2


# Gapping: a breakdown names the counted noun once and drops it from its parts
@pytest.mark.parametrize(("text", "expected"), [
    ("By governorate, Homs saw the highest toll, with 27 victims, followed by Hama with 14 and "
     "Idlib with 9.", [(27, "exact", "killed"), (14, "exact", "killed"), (9, "exact", "killed")]),
    ("Government forces were responsible for 40 of the arrests, the SDF for 22, and HTS for 8.",
     [(40, "exact", "detained"), (22, "exact", "detained"), (8, "exact", "detained")]),
    ("وقالت الرابطة إن قوات النظام مسؤولة عن مقتل ٥٠٠ شخص، تليها الميليشيات بـ ١٢٠ شخصاً، ثم "
     "الفصائل بـ ٤٠ شخصاً.",
     [(500, "exact", "killed"), (120, "exact", "killed"), (40, "exact", "killed")]),
    ("The army detained 60 people in Hama, 25 in Homs and 11 in Idlib.",
     [(60, "exact", "detained"), (25, "exact", "detained"), (11, "exact", "detained")]),
])
def test_gapped_breakdown_parts(text: str, expected: list[tuple[int, str, str]]) -> None:
    assert casualties(text) == expected


@pytest.mark.parametrize(("text", "expected"), [
    # a verb and a clause of its own between the counts: not a part of the breakdown
    ("Shelling killed 4 people, Reuters reported, citing 2 medics.", [(4, "exact", "killed")]),
    ("The strike killed 9 people at Kilometre 4 on the highway.", [(9, "exact", "killed")]),
    ("The blast killed 7 people, and at 3 a.m. a second blast hit.", [(7, "exact", "killed")]),
    ("Gunmen killed 31 people with 22 rifles seized from the depot.", [(31, "exact", "killed")]),
])
def test_gapped_near_misses(text: str, expected: list[tuple[int, str, str]]) -> None:
    assert casualties(text) == expected


# In a list of counts, a count with its own noun (after an adjective) is not a part of the one
# before: "..., Including 12 Children, and 150 Arbitrary Arrests"
@pytest.mark.parametrize(("text", "expected"), [
    ("SNHR: 90 Civilian Deaths, Including 12 Children, and 150 Arbitrary Arrests in May",
     (150, "exact", "detained")),
    ("Monitor: 40 killed, among them 6 women, and 25 abductions in Daraa last month",
     (25, "exact", "missing")),
    ("مقتل ٤٠ مدنياً بينهم ٦ أطفال و٢٥ حالة اعتقال في درعا", (25, "exact", "detained")),
])
def test_own_noun_after_subset_list(text: str, expected: tuple[int, str, str]) -> None:
    got = casualties(text)
    assert expected in got
    assert (6 if expected[0] == 25 else 12, "exact", "killed") in got


def test_own_noun_near_miss_subset_stays_subset() -> None:
    assert casualties("قتل ١١، بينهم أربعة أطفال وامرأتان، وأصيب ٣٠.") == [
        (11, "exact", "killed"), (4, "exact", "killed"), (2, "exact", "killed"),
        (30, "exact", "injured")]


# Arabic ordinal teens ("الثالث عشر") are ordinals; "اختفى" (disappeared) before a count
@pytest.mark.parametrize(("text", "expected"), [
    ("أصدرت الشبكة اليوم تقريرها السنوي الثالث عشر عن الاختفاء القسري.", []),
    ("وفي الذكرى الحادية عشرة للمجزرة، قال الأهالي إن ١٢ شخصاً ما زالوا مفقودين.",
     [(12, "exact", "missing")]),
    ("اختفى أحد عشر شخصاً بعد المداهمة.", [(11, "exact", "missing")]),
    ("واختفى ٧ شبان على الطريق.", [(7, "exact", "missing")]),
    ("اختطف مسلحون عشرة أشخاص من القرية.", [(10, "exact", "missing")]),
])
def test_arabic_ordinal_teens_and_disappeared(text: str,
                                              expected: list[tuple[int, str, str]]) -> None:
    assert casualties(text) == expected


# An aside on a head whose fate is told ("The victims, among them seven women, had been
# detained"): the aside's count is of the head, not of the verb after it
@pytest.mark.parametrize(("text", "expected"), [
    ("The Commission said the militia executed at least 41 civilians. The victims, among them "
     "seven women, had been detained at checkpoints.", (7, "exact", "killed")),
    ("Shelling wounded 20 people. The wounded, including 3 children, were taken to hospital in "
     "Idlib.", (3, "exact", "injured")),
    ("قتل ٣٠ مدنياً في القصف. وكان الضحايا، بينهم ٨ نساء، قد اعتقلوا قبل أيام.",
     (8, "exact", "killed")),
])
def test_aside_on_head_takes_head_kind(text: str, expected: tuple[int, str, str]) -> None:
    assert expected in casualties(text)


@pytest.mark.parametrize(("text", "expected"), [
    # the head is no casualty noun (a possessive): the verb after decides
    ("The victims' relatives, among them 4 women, were detained at the checkpoint.",
     [(4, "exact", "detained")]),
    ("The detainees, among them 3 children, were later killed in custody.",
     [(3, "exact", "killed")]),
])
def test_aside_near_misses(text: str, expected: list[tuple[int, str, str]]) -> None:
    assert casualties(text) == expected


# Taken, then nobody knows where they are held: missing (fate unknown), in the sentence or the
# next one of its paragraph, in English, Arabic and Levantine
@pytest.mark.parametrize(("text", "expected"), [
    ("Soldiers took 5 men from the market. Their families still do not know where they are held.",
     (5, "exact", "missing")),
    ("Relatives of at least four detainees said they did not know where their sons were being "
     "held.", (4, "at_least", "missing")),
    ("واعتقلت الدورية ٦ شبان، ولا يعرف ذووهم مكان احتجازهم حتى الآن.", (6, "exact", "missing")),
    ("وأخدو ٤ شباب من الحارة، ولهلأ ما حدا بيعرف عنن شي.", (4, "exact", "missing")),
])
def test_whereabouts_unknown_is_missing(text: str, expected: tuple[int, str, str]) -> None:
    assert casualties(text) == [expected]


@pytest.mark.parametrize("text", [
    "Police detained 5 men on Monday; their lawyer said he did not know why.",
    "Police detained 5 men on Monday. They did not know where the station was.",
])
def test_whereabouts_near_misses_stay_detained(text: str) -> None:
    assert casualties(text) == [(5, "exact", "detained")]
