"""Third round of general rules for places, dates and violations, each on a short fictional
sentence written for this test (never an evaluation text).

The patterns come from how real reports are written: Amnesty-style urgent actions ("at risk of
torture"), judicial news ("arrest warrants"), Arabic breaking news in the present tense
("يقتحمون"), OCHA flash updates (people sheltering in schools of a town), SANA's "المنتشرة في".
"""

from __future__ import annotations

from typing import Any

import pytest

from dalil.extract import extract_document


def run(text: str, published: str | None = "2025-06-10") -> dict[str, Any]:
    return extract_document(text, published=published).to_dict()


def violations(text: str, published: str | None = "2025-06-10") -> set[str]:
    return set(run(text, published)["violations"])


# -- violations: phrases with a trigger that assert nothing ----------------------------------


@pytest.mark.parametrize(("text", "absent"), [
    # a risk, a protection, a fear: nothing has happened
    ("Human Rights Monitor Syria believes the blogger Fadi Nasr is at risk of torture and other "
     "ill-treatment in custody.", "torture"),
    ("We call on the authorities to ensure that the teacher is protected from torture and "
     "other ill-treatment.", "torture"),
    ("Many young men in the town avoid checkpoints for fear of arrest.", "arbitrary_detention"),
    # a judicial act, not a detention
    ("A court in Paris issued arrest warrants for four former officers on 3 May.",
     "arbitrary_detention"),
    ("Prosecutors obtained a warrant for the arrest of the former prison director.",
     "arbitrary_detention"),
    ("أصدر القضاء مذكرة توقيف بحق مدير السجن السابق.", "arbitrary_detention"),
    # an institution named after a violation
    ("The government set up a National Commission for Missing Persons in May.",
     "enforced_disappearance"),
    ("وأعلنت الهيئة الوطنية للمفقودين عن فتح مكتب جديد في حمص.", "enforced_disappearance"),
    # storming a village is an assault; entering homes is something else
    ("Gunmen stormed the village of Kafr Jamal at dawn and shot dead six men.", "home_invasion"),
])
def test_phrases_that_assert_no_violation(text: str, absent: str) -> None:
    assert absent not in violations(text)


def test_a_real_detention_next_to_a_warrant_still_counts() -> None:
    v = violations("Security forces arrested the lawyer at his home on 2 May, although no arrest "
                   "warrant had been issued.")
    assert "arbitrary_detention" in v


@pytest.mark.parametrize(("text", "expected"), [
    # Arabic breaking news uses the present tense
    ("عاجل | مسلحون يقتحمون منازل في قرية الدويرة ويحرقون عدداً منها.",
     {"home_invasion", "arson"}),
    ("عاجل | عناصر الحاجز يعتقلون شابين من أبناء البلدة.", {"arbitrary_detention"}),
    # burning bodies hides them; it is not arson
    ("قال الشاهد إن العناصر قتلوا الرجال ثم أحرقوا الجثث في الحفرة.",
     {"killing", "concealment_of_bodies"}),
    ("The soldiers shot the prisoners and burned the bodies behind the school.",
     {"concealment_of_bodies"}),
    # a home raid, told by a witness
    ("Officers raided his family home, broke down the door and seized his phone, his savings "
     "and his mother's gold.", {"home_invasion", "looting"}),
    ("«كسروا الباب ودخلوا علينا وأخدوا الموبايلات»، قالت إحدى الجارات.",
     {"home_invasion", "looting"}),
    # enforced disappearance in the words of urgent actions and witness statements
    ("The engineer has been held incommunicado since his arrest in March.",
     {"enforced_disappearance"}),
    ("The authorities refused to confirm where he is being held.", {"enforced_disappearance"}),
    ("His family was never informed of his whereabouts.", {"enforced_disappearance"}),
    ("The men took him to an unknown location in a white van.", {"enforced_disappearance"}),
    # chemical attacks and rockets fired at homes
    ("Rockets loaded with sarin fell on the sleeping suburb, and hundreds of people died.",
     {"attack_on_civilians", "killing"}),
    ("Militants fired rockets at a residential area of the town, killing two children.",
     {"attack_on_civilians", "killing"}),
])
def test_triggers_real_reports_use(text: str, expected: set[str]) -> None:
    assert expected <= violations(text)


def test_burning_houses_is_still_arson() -> None:
    assert "arson" in violations("وقال شاهد إن المسلحين أحرقوا المنازل في القرية.")
    assert "concealment_of_bodies" not in violations("They burned the houses on the hill.")
