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
