"""Eighth round (r8fig): figures, dates and places. Every sentence here is fictional, written for
this test (never an evaluation text); places are real.

Each category has at least three sentences in different wordings (one in Arabic where it applies)
and a near miss that must not fire.
"""

from __future__ import annotations

from typing import Any

import pytest

from dalil.extract import extract_document


def run(text: str, published: str | None = "2025-02-10") -> dict[str, Any]:
    return extract_document(text, published=published).to_dict()


def dates(text: str, published: str = "2025-02-10") -> list[str | None]:
    return [d["date"] for d in run(text, published)["dates"]]


# -- a testimony's story: year-less dates after a written month of an earlier year -------------
# (a "today" in the narrator's introduction does not make the story's dates the publication's;
# the story may step back a few months: "before the siege")


@pytest.mark.parametrize(("text", "published", "want"), [
    ("My name is Lina and today I am thirty.\n\nIn August 2016 the army closed the last road "
     "and we were besieged.\n\nThe worst night was 3 May, before the siege, when jets shelled "
     "the clinic and killed four nurses.", "2017-12-01", "2016-05-03"),
    ("Today I live in Gaziantep.\n\nIn June 2013 soldiers arrested my brother at a checkpoint."
     "\n\nOn 14 September they killed my cousin at the same checkpoint.", "2015-02-01",
     "2013-09-14"),
    ("اسمي منى، وعمري اليوم أربعون سنة.\n\nفي آب ٢٠١٦ حاصرت القوات الحي.\n\n"
     "في منتصف تشرين الثاني قصفت الطائرات السوق وقتلت عشرة مدنيين.", "2017-12-20", "2016-11"),
])
def test_story_dates_take_the_story_year(text: str, published: str, want: str) -> None:
    assert want in dates(text, published)


def test_near_miss_recent_report_keeps_publication_year() -> None:
    # a report of this year: "in 2014" is an older event, the year-less day is this year's
    text = ("Gunmen killed three farmers near the village on 2 February. In 2014, rockets killed "
            "two shepherds there.")
    got = dates(text, "2025-02-10")
    assert "2025-02-02" in got and "2014-02-02" not in got


# -- intervals the text opens loosely: "from at least ... until ...", "until at least", a month
# range with a dash, "between mid-December and early March" ----------------------------------


@pytest.mark.parametrize(("text", "published", "want"), [
    ("From at least 2 April 2013 until 15 October 2013, the officer tortured detainees at the "
     "branch.", "2020-01-10", "2013-04-02/2013-10-15"),
    ("Witnesses said he ran the prison from May 2012 until at least August 2014, where guards "
     "tortured and killed detainees.", "2020-01-10", "2012-05/2014-08"),
    ("In January–March 2023 drones struck the area and killed 40 people.", "2024-02-15",
     "2023-01/2023-03"),
    ("Between mid-November and early February, jets bombed the villages and killed 80 "
     "civilians.", "2024-02-15", "2023-11/2024-02"),
    ("بين منتصف تشرين الثاني وأواخر كانون الثاني، قصفت الطائرات القرى وقتلت ٨٠ مدنياً.",
     "2024-02-15", "2023-11/2024-01"),
])
def test_loosely_opened_intervals(text: str, published: str, want: str) -> None:
    assert want in dates(text, published)


def test_near_miss_two_dates_without_an_interval() -> None:
    # two days joined by "and" with no "between"/"from": two days, no interval
    got = dates("Jets struck the market on 3 March 2023 and 9 April 2023, killing 12 people.",
                "2024-02-15")
    assert not any(d and "/" in d for d in got)


# -- "since" after an event or a weekday: "منذ سقوط النظام في ٨ كانون الأول", "since Thursday,
# 5 October" --------------------------------------------------------------------------------


@pytest.mark.parametrize(("text", "published", "want"), [
    ("فمنذ سقوط النظام في ٨ كانون الأول ٢٠٢٤، قتلت الألغام ٢٠٠ شخص.", "2025-04-04",
     "2024-12-08/2025-04-04"),
    ("منذ يوم الخميس ٥ تشرين الأول قتل القصف ٢٧ مدنياً.", "2023-10-07", "2023-10-05/2023-10-07"),
    ("Since Thursday, 5 October, shelling has killed 27 civilians.", "2023-10-07",
     "2023-10-05/2023-10-07"),
    ("Since the army entered the town on Thursday 5 October, soldiers have killed 27 civilians.",
     "2023-10-07", "2023-10-05/2023-10-07"),
])
def test_since_an_event_or_a_weekday(text: str, published: str, want: str) -> None:
    assert want in dates(text, published)


def test_near_miss_weekday_without_since_is_a_day() -> None:
    assert dates("On Thursday 5 October soldiers killed 27 civilians.", "2023-10-07") == \
        ["2023-10-05"]


# -- a press release's dateline under its headline and kicker ---------------------------------


@pytest.mark.parametrize("text", [
    "Syria: Shelling hits clinic in Atarib\n\nPRESS RELEASE\n\n(Beirut/Geneva, 14 March 2024) – "
    "Shelling killed two nurses at a clinic in Atarib on Tuesday, the charity said.",
    "Court of Appeal\nPress Release No. 3/2024\n\nHamburg, 14 March 2024\n\nThe court found that "
    "the defendant tortured detainees in Damascus in 2012.",
    "المنظمة الدولية للهجرة\nبيان صحفي\n\nموجة نزوح جديدة من منبج\n\nعمّان (١٤ آذار ٢٠٢٤) – قتل "
    "القصف خمسة مدنيين في منبج يوم الثلاثاء.",
])
def test_release_dateline_is_no_event(text: str) -> None:
    assert "2024-03-14" not in dates(text, "2024-03-14")


def test_near_miss_bracketed_date_in_the_body_is_an_event() -> None:
    text = ("Syria: Shelling hits clinic in Atarib\n\nPRESS RELEASE\n\nShelling killed two nurses "
            "in Atarib (on 12 March 2024) – the third attack this year.")
    assert "2024-03-12" in dates(text, "2024-03-14")


def figures(text: str, published: str | None = "2025-02-10") -> list[tuple[Any, str, str]]:
    return [(tuple(f["value"]) if isinstance(f["value"], list) else f["value"], f["qualifier"],
             f["what"]) for f in run(text, published)["casualty_figures"]]


def others(text: str, published: str | None = "2025-02-10") -> list[tuple[Any, str]]:
    return [(tuple(f["value"]) if isinstance(f["value"], list) else f["value"], f["what"])
            for f in run(text, published)["other_figures"]]


# -- a range after a qualifier: "an estimated 10,000 to 20,000 detainees"; "at any one time" --


@pytest.mark.parametrize(("text", "want"), [
    ("At any one time the branch held an estimated 3,000 to 5,000 detainees.",
     ((3000, 5000), "range", "detained")),
    ("Shelling killed about 40 to 60 people in the market.", ((40, 60), "range", "killed")),
    ("قتل القصف نحو ٤٠ إلى ٦٠ شخصاً في السوق.", ((40, 60), "range", "killed")),
])
def test_qualified_range_is_one_figure(text: str, want: tuple[Any, str, str]) -> None:
    got = figures(text)
    assert want in got
    assert not any(v == 1 for v, _q, _w in got)


def test_near_miss_qualifier_before_two_counts_stays_on_the_first() -> None:
    got = figures("Nearly 30 people were killed and 40 were injured.")
    assert (30, "approx", "killed") in got and (40, "exact", "injured") in got


# -- "held" that holds no one: "opposition-held areas", "held their positions" ----------------


@pytest.mark.parametrize("text", [
    "Our 300 fighters in the eastern sector have held their positions since dawn.",
    "Tens of thousands of residents left through corridors towards rebel-held towns.",
    "Some 5,000 people moved to government-held districts of the city last week.",
])
def test_held_without_detention(text: str) -> None:
    assert not any(w == "detained" for _v, _q, w in figures(text))


def test_near_miss_people_held_are_detained() -> None:
    assert (40, "exact", "detained") in figures("40 men were held in the school for a week.")


# -- suspects: "seven people accused of kidnapping", "ثلاثة وعشرين مطلوباً" ---------------------


@pytest.mark.parametrize("text", [
    "Police said seven people accused of kidnapping had been detained since March.",
    "The ministry said four men suspected of the killings were arrested on Sunday.",
    "وأسفرت الحملة عن إلقاء القبض على سبعة مطلوبين متورطين في الهجوم.",
    "وأسفرت الحملة عن إلقاء القبض على ثلاثة وعشرين مطلوباً من المتورطين في الهجوم.",
])
def test_people_accused_or_wanted_are_suspects(text: str) -> None:
    assert any(w == "suspects" for _v, w in others(text))
    assert not any(w == "detained" for _v, _q, w in figures(text))


def test_near_miss_arrested_men_not_called_suspects() -> None:
    assert (14, "exact", "detained") in figures("Soldiers arrested 14 young men at a checkpoint.")


# -- Arabic counted things: the accusative of a count ("٣٠ برميلاً", "٦٠ هجوماً"), "قطعة" + noun,
# mines, teams, staff of a clinic --------------------------------------------------------------


@pytest.mark.parametrize(("text", "want"), [
    ("ألقت المروحيات أكثر من ٣٠ برميلاً على المدينة.", (30, "barrels")),
    ("استجابت فرقنا لأكثر من ٦٠ هجوماً على المدن.", (60, "attacks")),
    ("ضبطت الوحدات مستودعاً يحتوي على ٤٠ قطعة سلاح متنوعة.", (40, "weapons")),
    ("أزالت الفرق أكثر من ٢٠٠٠ قطعة من الذخائر غير المنفجرة.", (2000, "munitions")),
    ("فككت الوحدات الهندسية نحو ٣٠٠ لغم في الريف.", (300, "mines")),
    ("كنا في المشفى ثلاث ممرضات فقط.", (3, "nurses")),
])
def test_arabic_counted_things(text: str, want: tuple[int, str]) -> None:
    assert want in others(text)


def test_near_miss_arabic_people_after_number_are_no_things() -> None:
    got = others("قتل القصف ثلاثين مدنياً في السوق.")
    assert got == []


# -- animals are no casualties ----------------------------------------------------------------


@pytest.mark.parametrize(("text", "want"), [
    ("About 40 sheep were also killed in the blast.", (40, "sheep")),
    ("The shelling killed 12 goats and two shepherds.", (12, "goats")),
    ("Soldiers shot dead 25 head of cattle in the village.", (25, "cattle")),
    ("نفق ثلاثون رأساً من الأغنام في القصف.", (30, "livestock")),
])
def test_animals_are_other_figures(text: str, want: tuple[int, str]) -> None:
    assert want in others(text)
    assert not any(v == want[0] for v, _q, _w in figures(text))


def test_near_miss_shepherds_are_people() -> None:
    assert (3, "exact", "killed") in figures("The mine killed three shepherds near the village.")


# -- sites and communities are places (the guide's category) ---------------------------------


@pytest.mark.parametrize(("text", "want"), [
    ("Flooding hit 87 IDP sites in Harim district.", (87, "places")),
    ("Shelling was reported in more than 40 communities.", (40, "places")),
    ("Teams searched 12 locations for remains.", (12, "places")),
])
def test_sites_are_places(text: str, want: tuple[int, str]) -> None:
    assert want in others(text)


# -- people who live in, are trapped in or served in a place: population ---------------------


@pytest.mark.parametrize(("text", "want"), [
    ("Kafr Nabl, which had around 40,000 residents before the war, was emptied.", 40000),
    ("Some 120,000 people remain besieged in the eastern districts.", 120000),
    ("Residents said some 30,000 people were trapped inside the old city.", 30000),
    ("There is no hospital left for some 150,000 people in the valley.", 150000),
    ("The bakery, which feeds about 8,000 people, was destroyed.", 8000),
    ("The strike left about one million people in the province without electricity.", 1000000),
    ("ويعيش في البلدة، وفق تقديرات المجلس المحلي، نحو ثمانية آلاف مدني.", 8000),
    ("وصلت المساعدات حتى الآن إلى ما يقارب ٣٥ ألف شخص.", 35000),
    ("يهدد التصعيد حياة أكثر من ٣ ملايين مدني في المنطقة.", 3000000),
])
def test_population(text: str, want: int) -> None:
    assert (want, "population") in others(text)
    assert not any(v == want for v, _q, _w in figures(text))


@pytest.mark.parametrize("text", [
    "The town had 300 residents killed in the war.",
    "Gunmen killed 12 residents who had returned.",
    "More than 30,000 people fled the besieged districts.",
])
def test_near_miss_population_words_with_casualties(text: str) -> None:
    assert figures(text)
    assert not any(w == "population" for _v, w in others(text))


def test_near_miss_distance_after_for() -> None:
    assert (30, "distance") in others("It is the only hospital for 30 kilometres around.")


# -- a number with a passive of its own after its noun phrase: "... were killed and five members
# of staff were wounded"; a long noun phrase before "were dead" ------------------------------


@pytest.mark.parametrize(("text", "want"), [
    ("Three patients were killed and four members of staff were wounded.", (4, "exact", "injured")),
    ("The raid killed two farmers, and six young men from the village were arrested.",
     (6, "exact", "detained")),
    ("By evening, at least 19 people in the old quarter on the eastern bank of the river were "
     "dead.", (19, "at_least", "killed")),
    ("Some 30 residents of the northern district near the water station were abducted.",
     (30, "approx", "missing")),
])
def test_own_passive_after_the_noun(text: str, want: tuple[int, str, str]) -> None:
    assert want in figures(text)


def test_near_miss_relative_clause_keeps_the_verb_before() -> None:
    # "who were wounded" describes the killed, it is no count of its own
    got = figures("The strike killed 12 people who were wounded in an earlier attack.")
    assert (12, "exact", "killed") in got


# -- "put the number at", "قال إن العدد": another estimate of the count just reported ----------


@pytest.mark.parametrize(("text", "want"), [
    ("One monitor counted at least 90 deaths, while the council put the number at \"at least "
     "120\".", (120, "at_least", "killed")),
    ("Local doctors said 40 people were killed. A rights group put the number at more than 55.",
     (55, "more_than", "killed")),
    ("قتل ١٢ مدنياً في القصف. والمرصد قال إن العدد ١٥.", (15, "exact", "killed")),
])
def test_put_the_number_at(text: str, want: tuple[int, str, str]) -> None:
    assert want in figures(text)


def test_near_miss_number_without_a_count_before() -> None:
    assert figures("The ministry put the number of schools at 40.") == []


# -- hanged; Arabic "left their homes", "crossed from" ----------------------------------------


@pytest.mark.parametrize(("text", "want"), [
    ("Former guards said between 10 and 30 prisoners were hanged each week.",
     ((10, 30), "range", "killed")),
    ("أكثر من ٥٠ ألف شخص، معظمهم من النساء والأطفال، غادروا منازلهم خلال أيام.",
     (50000, "more_than", "displaced")),
    ("وتقدر الأمم المتحدة أن نحو ٢٠ ألف سوري عبروا من لبنان إلى سوريا.",
     (20000, "approx", "displaced")),
])
def test_hanged_and_arabic_departures(text: str, want: tuple[Any, str, str]) -> None:
    assert want in figures(text)


def test_near_miss_arabic_visit_is_no_departure() -> None:
    assert figures("زار ٢٠ صحفياً المدينة أمس.") == []


# -- the number counts the agents: "two gunmen shot dead a shop owner"; a state's "neutralised"
# militants are fighters (blind 8 and 11 both annotated them so), not the killed ---------------


@pytest.mark.parametrize(("text", "want"), [
    ("Two unidentified gunmen on a motorbike shot dead a shop owner in Jaramana.", (2, "fighters")),
    ("Four soldiers stormed the house and killed the farmer.", (4, "fighters")),
    ("Three masked men abducted the doctor on Sunday.", (3, "men")),
    ('The ministry said its forces had "neutralised" 25 militants near the border.',
     (25, "fighters")),
])
def test_agents_are_not_victims(text: str, want: tuple[int, str]) -> None:
    assert want in others(text)
    assert not any(v == want[0] for v, _q, _w in figures(text))


@pytest.mark.parametrize(("text", "want"), [
    ("Twelve fighters were killed in the clashes.", (12, "exact", "killed")),
    ("Four soldiers killed in an ambush near Palmyra.", (4, "exact", "killed")),
    ("Three masked men were shot dead at the checkpoint.", (3, "exact", "killed")),
])
def test_near_miss_fighters_as_victims(text: str, want: tuple[int, str, str]) -> None:
    assert want in figures(text)


# -- where people fled to is no scene: an adjective before "town of", "the area around", an
# Arabic list after "إلى مدن ... مثل", "معظمهم باتجاه", a repeated "وإلى" ------------------------


def places(text: str) -> list[str]:
    return [p["canonical"] for p in run(text)["places"]]


@pytest.mark.parametrize(("text", "scene", "not_scene"), [
    ("Gunmen killed 31 people in Salamiyah. Nearly 400 residents fled to the Ismaili town of "
     "Masyaf.", "Salamiyah", "Masyaf"),
    ("Shelling killed 20 people in Douma. Thousands of civilians were bused to the area around "
     "Jarabulus.", "Douma", "Jarabulus"),
    ("قتلت قوات النظام ٥٠ شخصاً في داريا، ونزح معظم السكان إلى مدن وبلدات مجاورة مثل صحنايا "
     "وإلى دمشق.", "Daraya", "Sahnaya"),
    ("قتل ٧ مدنيين في عفرين، ونزح الآلاف من منطقة عفرين، معظمهم باتجاه بلدة اعزاز ونبل.",
     "Afrin", "Nubl"),
])
def test_destinations_are_no_scenes(text: str, scene: str, not_scene: str) -> None:
    got = places(text)
    assert scene in got and not_scene not in got


def test_near_miss_shelled_town_after_flight_is_a_scene() -> None:
    # the town is shelled, not a refuge
    got = places("Residents fled Kafr Nabl. Jets later shelled the town of Maarat al-Numan, "
                 "killing four people.")
    assert "Maarat al-Numan" in got


@pytest.mark.parametrize(("text", "scene", "not_scene"), [
    ("Shelling killed 12 people in Daraa al-Balad. Thousands had fled the district for nearby "
     "towns such as Muzayrib and Tafas.", "Daraa al-Balad", "Tafas"),
    ("The defendant, born 1971 in Jableh, tortured detainees in Kafr Sousa.", "Kafr Sousa",
     "Jableh"),
    ("One man told our team in Homs that his son disappeared at a checkpoint in Harasta.",
     "Harasta", "Homs"),
    ("قتل ٢٠ معتقلاً في سجن صيدنايا، بحسب المحامية التي تتابع من مكتبها في حمص قضايا المختفين.",
     "Saydnaya", "Homs"),
    ("عذب المتهم، وهو من مواليد جبلة، عشرات المعتقلين في فرع كفرسوسة بدمشق.", "Kafr Sousa",
     "Jableh"),
])
def test_birthplace_base_and_refuge_examples_are_no_scenes(text: str, scene: str,
                                                           not_scene: str) -> None:
    got = places(text)
    assert scene in got and not_scene not in got


def test_near_miss_towns_such_as_bombed_are_scenes() -> None:
    got = places("Jets bombed towns such as Muzayrib and Tafas, killing 12 people.")
    assert "Tafas" in got
