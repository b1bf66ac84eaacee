"""Fifth round of date rules, by category, each on short fictional sentences written for this test
(never an evaluation text), with a near miss that must not fire: the date of a statement between
a body and its verb, "until today", "this year", founding and birth years, datelines, "that day",
offensives launched, and "since ... until ..." intervals."""

from __future__ import annotations

from typing import Any

import pytest

from dalil.extract import extract_document


def run(text: str, published: str | None = "2025-06-10") -> dict[str, Any]:
    return extract_document(text, published=published).to_dict()


def event_dates(text: str, published: str | None = "2025-06-10") -> list[str]:
    return [d["date"] for d in run(text, published)["dates"] if d["date"]]


# A date between a body and its reporting verb dates the telling (publication 2025-06-10, a
# Tuesday: "Monday" is 9 June)
@pytest.mark.parametrize(("text", "expected"), [
    ("The Rights Observatory today released its quarterly report on detentions in Homs. Gunmen "
     "shot dead two farmers near Talkalakh on 3 June.", ["2025-06-03"]),
    ("The interior ministry on Monday said that security forces had arrested 14 men in Jableh.",
     []),
    ("The Kurdish Red Crescent on 4 June warned that shelling had killed three civilians in "
     "Tal Tamr.", []),
    ("أصدرت الشبكة السورية لحقوق الإنسان اليوم تقريرها عن مقتل ١٢ مدنياً في ريف حماة.", []),
    ("On 2 June, the commission sent a letter to the government setting out its findings on the "
     "killings in Baniyas.", []),
    # near misses: the verb is the event's, or the statement comes after a comma
    ("Gunmen on Monday killed four shepherds near Salamiyah, the monitor said.", ["2025-06-09"]),
    ("Security forces on 4 June sent tanks into the town and shelled houses in Daraa.",
     ["2025-06-04"]),
])
def test_statement_date_between_body_and_verb(text: str, expected: list[str]) -> None:
    assert event_dates(text) == expected


# "until today", "حتى اليوم": the present state, not an event's day
@pytest.mark.parametrize(("text", "expected"), [
    ("حتى اليوم لا نعرف شيئاً عن مصير أخي الذي اعتقلته قوات الأمن في ٣ أيار.", ["2025-05-03"]),
    ("لم يعد أحد من المعتقلين إلى اليوم، بعد أن اعتقلهم الأمن في ٥ أيار.", ["2025-05-05"]),
    ("Gunmen killed two men in Homs today.", ["2025-06-10"]),  # near miss
])
def test_until_today_is_not_a_day(text: str, expected: list[str]) -> None:
    assert event_dates(text) == expected


# the year still running, alone, is a period the gold writers never list
@pytest.mark.parametrize(("text", "expected"), [
    ("The town has been hit by a string of car bombs this year; on 2 June one killed four "
     "people.", ["2025-06-02"]),
    ("Three of the men abducted this year were later found dead, the network said.", []),
    ("قُتل ١٥ مدنياً في هجمات متفرقة هذا العام في درعا.", []),
    # near miss: "since the start of this year" is an interval
    ("Since the start of this year, gunmen have killed 40 civilians in Daraa.",
     ["2025-01-01/2025-06-10"]),
])
def test_this_year_alone(text: str, expected: list[str]) -> None:
    assert event_dates(text) == expected


# a body's founding or a person's birth dates no event, nor lends its year to the paragraph
@pytest.mark.parametrize(("text", "expected"), [
    ("The independent institution, set up by the General Assembly in June 2023, says thousands "
     "remain missing; security forces detained five men on 3 May.", ["2025-05-03"]),
    ("The monitor, founded in 2011, documented the killing of six civilians in Idlib on 1 June.",
     ["2025-06-01"]),
    ("The witness, born in 1984, said soldiers detained him on 1 June.", ["2025-06-01"]),
    ("وطالبت الشبكة الآلية المستقلة، التي أنشأتها الجمعية العامة في حزيران ٢٠٢٣، بكشف مصير "
     "المختفين قسراً.", []),
    # near miss: armed men setting up a checkpoint act
    ("Soldiers set up a checkpoint on 4 June and detained twelve men at it.", ["2025-06-04"]),
])
def test_founding_and_birth(text: str, expected: list[str]) -> None:
    assert event_dates(text) == expected


# a wire's dateline after its headline and byline, filed from one city or two
@pytest.mark.parametrize(("text", "expected"), [
    ("Shelling kills three in Tal Rifaat, Kurdish force says\n\nBy Jane Doe and John Roe\n\n"
     "AMMAN/ANKARA, June 3 (Wire) - Artillery pounded the town of Tal Rifaat on Monday, killing "
     "three civilians, the force said.", ["2025-06-09"]),
    ("Gunmen kill shepherds near Salamiyah\n\nBy Sami Haddad\n\nBEIRUT/DAMASCUS, June 4 (Agency) "
     "- Gunmen killed four shepherds near Salamiyah on Tuesday.", ["2025-06-10"]),
    ("Raid on Jableh village\n\nStaff report\n\nJABLEH, Syria, June 5 - Security forces raided "
     "the village of Bustan al-Basha on Wednesday, detaining 20 men.", ["2025-06-04"]),
    # near miss: a date opening the third sentence is an event's
    ("Raid on village\n\nUpdate\n\nThe next raid came. On June 5, security forces raided the "
     "village of Bustan al-Basha near Jableh, detaining 20 men.", ["2025-06-05"]),
])
def test_dateline_after_byline(text: str, expected: list[str]) -> None:
    assert event_dates(text) == expected


# "On that day, ...": an event sentence with no date of its own dates its event by the day told
# just before, across a paragraph break
@pytest.mark.parametrize(("text", "expected"), [
    ("Residents of the Tariq al-Sad neighbourhood in Daraa still live among the ruins of their "
     "homes.\n\n\"The first barrel fell here, on the morning of 12 May 2014. We were having "
     "breakfast,\" says the man.\n\nOn that day, government helicopters dropped at least six "
     "barrels on the neighbourhood, killing 14 civilians.", ["2014-05-12"]),
    ("لا يزال سكان حي طريق السد في درعا يعيشون بين ركام منازلهم حتى الآن.\n\n\"سقط البرميل الأول "
     "هنا، صباح الثاني عشر من أيار ٢٠١٤\"، يقول الرجل.\n\nفي ذلك اليوم، ألقت مروحيات النظام ستة "
     "براميل على الحي، ما أدى إلى مقتل ١٤ مدنياً.", ["2014-05-12"]),
    ("I am a teacher from Baniyas and I have lived here all my life with my family.\n\nMy brother "
     "went to the market in Baniyas on 3 March.\n\nThat morning, soldiers detained him at the "
     "checkpoint.", ["2025-03-03"]),
    # near miss: "since that day" is a period after it
    ("I am a teacher from Baniyas and I have lived here all my life with my family.\n\nMy father "
     "retired on 3 March 2020.\n\nSince that day, soldiers have detained dozens of men in our "
     "village.", []),
])
def test_that_day_points_back(text: str, expected: list[str]) -> None:
    assert event_dates(text) == expected


# an offensive launched is an act of armed men: its date is an event's
@pytest.mark.parametrize(("text", "expected"), [
    ("Afrin is a hilly district in the north-west corner of Aleppo province near the border.\n\n"
     "In January 2018 Turkey launched an offensive it called Operation Olive Branch.\n\n"
     "Fighters looted hundreds of homes in the town.", ["2018-01"]),
    ("Afrin is a hilly district in the north-west corner of Aleppo province near the border.\n\n"
     "In March 2019 the army launched a ground assault on the villages.\n\n"
     "Fighters looted hundreds of homes in the town.", ["2019-03"]),
    ("عفرين منطقة جبلية في الزاوية الشمالية الغربية من محافظة حلب قرب الحدود التركية.\n\n"
     "وفي كانون الثاني ٢٠١٨ شنّت القوات التركية هجوماً واسعاً على المنطقة.\n\n"
     "ونهب المقاتلون مئات المنازل في البلدة.", ["2018-01"]),
    # near miss: a company's launch
    ("Afrin is a hilly district in the north-west corner of Aleppo province near the border.\n\n"
     "In January 2018 the company launched a new app in the town.\n\n"
     "Fighters looted hundreds of homes in the town.", []),
])
def test_offensive_launched(text: str, expected: list[str]) -> None:
    assert event_dates(text) == expected


# "since X until Y", "منذ X حتى Y": one interval at the precision written
@pytest.mark.parametrize(("text", "expected"), [
    ("وثّقت الشبكة اختفاء ٣٠٠ شخص قسراً في حمص منذ آذار/مارس ٢٠١١ حتى آب/أغسطس ٢٠٢٤.",
     ["2011-03/2024-08"]),
    ("At least 300 people were forcibly disappeared in Homs since March 2011 until August 2024, "
     "the group said.", ["2011-03/2024-08"]),
    ("Armed groups have abducted more than 200 people in Suwayda since 2019 until 2023.",
     ["2019/2023"]),
    ("منذ عام ٢٠١٩ حتى عام ٢٠٢٣ خطفت العصابات أكثر من ٢٠٠ شخص في السويداء.", ["2019/2023"]),
    # near misses: "since" alone runs to the report; two years told apart stay two
    ("Security forces have detained at least 40 men in Jableh since 3 March, the monitor said.",
     ["2025-03-03/2025-06-10"]),
    ("خطفت العصابات ١٢ شخصاً في عام ٢٠١٩ و٣٠ شخصاً في عام ٢٠٢٣ في السويداء.",
     ["2019", "2023"]),
])
def test_since_until_interval(text: str, expected: list[str]) -> None:
    assert event_dates(text) == expected


# "on December 1 and 2", "يومي ٣ و٤ آذار": two days; "between 1 and 5 June" stays an interval
@pytest.mark.parametrize(("text", "expected"), [
    ("Russian aircraft struck Idlib city on December 1 and 2, killing 12 civilians.",
     ["2024-12-01", "2024-12-02"]),
    ("Gunmen killed eleven people in the village on 3 and 5 May.", ["2025-05-03", "2025-05-05"]),
    ("قصفت الطائرات مدينة إدلب يومي ٣ و٤ آذار، ما أدى إلى مقتل ١٢ مدنياً.",
     ["2025-03-03", "2025-03-04"]),
    # near misses: intervals
    ("Researchers recorded the demolition of 40 houses in Yarmouk between 1 and 5 June 2024.",
     ["2024-06-01/2024-06-05"]),
    ("Militias killed 40 people in the town on 6-10 March.", ["2025-03-06/2025-03-10"]),
])
def test_two_days_joined_by_and(text: str, expected: list[str]) -> None:
    assert event_dates(text) == expected


# a date coordinated with a statement's or a reference's date shares its role
@pytest.mark.parametrize(("text", "expected"), [
    ("The watchdog has raised the detention of children in reports published in 2022 and 2023, "
     "and militias detained 40 boys in Hasakah on 3 June 2025.", ["2025-06-03"]),
    ("The commission met in March and in April, and gunmen killed four men in Homs on 3 June.",
     ["2025-06-03"]),
    ("نشرت المنظمة تقارير في ٢٠٢٢ و٢٠٢٣ عن احتجاز الأطفال، واعتقلت الميليشيات ٤٠ طفلاً في الحسكة "
     "في ٣ حزيران.", ["2025-06-03"]),
    # near miss: two event dates
    ("Gunmen killed four men in Homs on 3 June and 5 June.", ["2025-06-03", "2025-06-05"]),
])
def test_coordinated_dates_share_a_role(text: str, expected: list[str]) -> None:
    assert event_dates(text) == expected


@pytest.mark.parametrize(("text", "expected"), [
    # a body named with its acronym before the date and verb
    ("The Syrian Network for Human Rights (SNHR) today released its monthly report, which "
     "documents the killing of 112 civilians in April.", ["2025-04"]),
    # a year naming an older war is background
    ("Some families had fled across the border during the 2006 war; militias killed 30 "
     "civilians in the village on 9 March.", ["2025-03-09"]),
])
def test_background_and_acronym(text: str, expected: list[str]) -> None:
    assert event_dates(text) == expected


# "that day" in a sentence that sets the scene of the event sentence right after it
@pytest.mark.parametrize(("text", "expected"), [
    ("Residents of the old quarter of Daraa still live among the ruins of their homes.\n\n"
     "\"The first barrel fell at dawn on 12 May 2014,\" says the man.\n\nThat day, helicopters "
     "dropped forty barrels on the quarter. At least 18 civilians were killed.", ["2014-05-12"]),
    ("لا يزال سكان درعا البلد يعيشون بين ركام منازلهم حتى الآن.\n\n\"سقط البرميل الأول فجر "
     "الثاني عشر من أيار ٢٠١٤\"، يقول الرجل.\n\nفي ذلك اليوم ألقت المروحيات أربعين برميلاً على "
     "الحي. وقُتل في القصف ١٨ مدنياً على الأقل.", ["2014-05-12"]),
    # near miss: "since that day" sets no date
    ("Residents of the old quarter of Daraa still live among the ruins of their homes.\n\n"
     "My father retired on 12 May 2014.\n\nSince that day, helicopters have dropped hundreds "
     "of barrels on the quarter. At least 300 civilians were killed.", []),
])
def test_that_day_sets_the_scene(text: str, expected: list[str]) -> None:
    assert event_dates(text) == expected


def test_date_in_a_relative_clause_before_said_is_the_clause_s() -> None:
    # near miss of the statement rule: the date belongs to "who fled", not to "said"
    assert event_dates("Residents who fled Jableh on 3 March said militias had killed their "
                       "neighbours.") == ["2025-03-03"]
