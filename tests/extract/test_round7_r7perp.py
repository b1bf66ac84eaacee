"""Seventh round, perpetrators: named individuals, states as agents, described agents.

Each category is tested on fictional sentences written for this test, in different wordings
(English and Arabic), with near misses that must not fire. The names are invented.
"""

from __future__ import annotations

from typing import Any

import pytest

from dalil.extract import extract_document
from dalil.incidents.grouping import LinkSettings, score_pair
from dalil.incidents.inputs import events_from_extraction
from dalil.incidents.origins import SourceInfo

ASSAD = "Assad-era forces and loyalists"
GOV = "Syrian government forces (2025-)"


def run(text: str, published: str | None = "2025-06-10") -> dict[str, Any]:
    return extract_document(text, published=published).to_dict()


def perps(r: dict[str, Any]) -> set[str]:
    return {p["canonical"] for p in r["perpetrators"]}


def persons(r: dict[str, Any]) -> set[str]:
    return {p["canonical"] for p in r["perpetrators"] if p["kind"] == "person"}


# -- 1. named individuals -----------------------------------------------------------------------


@pytest.mark.parametrize(("text", "expected"), [
    # commanded the force that did it
    ("Forces under the command of Brig. Gen. Khaled Mansour stormed the village of Tal Salma and "
     "executed nine men.", {"Khaled Mansour"}),
    ("اقتحمت قوات بقيادة العميد سامي العلي قرية تل سلمى وأعدمت عشرة رجال.", {"سامي العلي"}),
    # ordered or supervised it
    ("On the orders of Maj. Rami Sleiman, guards beat the detainees in the Saydnaya prison.",
     {"Rami Sleiman"}),
    ("The detainees were tortured under the supervision of Brig. Gen. Adnan Khoury, according to "
     "three survivors.", {"Adnan Khoury"}),
    ("Samir Haddad, the head of the branch, ordered the guards to torture the prisoners.",
     {"Samir Haddad"}),
    ("Col. Bassam Younes ordered his men to shell the market in Douma, killing 14 civilians.",
     {"Bassam Younes"}),
    ("تم تعذيب المعتقلين بإشراف العميد نزار الحمصي في فرع المخابرات الجوية.", {"نزار الحمصي"}),
    ("أعدم عناصر الفرقة الرابعة عشرة شبان بأوامر من العقيد أبو علي حيدر.", {"أبو علي"}),
    # a role noun and its name, the subject of the violation
    ("The interrogator known as Abu Yaqub beat the detainees with cables every night in the "
     "branch.", {"Abu Yaqub"}),
    ("The jailer, whom the prisoners called Abu Sakhr, hung me from my wrists and beat me.",
     {"Abu Sakhr"}),
    # a court's finding
    ("A former Syrian officer, Tarek M., was convicted of crimes against humanity including "
     "torture and killing.", {"Tarek M."}),
    ("The Higher Regional Court sentenced former officer Fares D. to four years for aiding "
     "torture.", {"Fares D."}),
    ("The defendant Karim T. was convicted of torture and murder in 2011.", {"Karim T."}),
    ("أدانت المحكمة المتهم خالد المحمود بارتكاب جرائم تعذيب وقتل بحق المعتقلين.",
     {"خالد المحمود"}),
    ("حكمت المحكمة على الضابط السابق سامر النجار بالسجن المؤبد بتهمة تعذيب المعتقلين.",
     {"سامر النجار"}),
])
def test_named_individuals_are_perpetrators(text: str, expected: set[str]) -> None:
    r = run(text)
    assert persons(r) == expected


@pytest.mark.parametrize("text", [
    # a witness, a victim, a journalist's interviewee: named, not agents
    "Witness Ahmad Darwish said soldiers killed his brother at a checkpoint in Homs.",
    "The victim, Ahmad Darwish, was killed by soldiers at a checkpoint in Homs.",
    "Human Rights Watch interviewed Captain Omar Zaid about the shelling that killed five.",
    # led the target, not the attack
    "The convoy led by Dr. Hani Saleh was shelled by regime forces near Hama, killing three.",
    "استهدف القصف موكباً بقيادة العقيد سامي العلي قرب حماة ما أدى إلى مقتل ثلاثة.",
    "Regime forces stormed the headquarters of a brigade led by Abu Khaled al-Omar and killed "
    "six fighters.",
    # acquitted, not convicted
    "The court acquitted Sami B. of the charges of torture.",
    "برأت المحكمة المتهم خالد المحمود من تهمة تعذيب المعتقلين.",
    # a body, not a person
    "Forces under the command of General Security stormed the village and killed two men.",
])
def test_persons_named_otherwise_are_not(text: str) -> None:
    assert persons(run(text)) == set()


def test_a_person_is_listed_beside_his_force_and_counted_with_it() -> None:
    r = run("Government forces under the command of Col. Fadi Ahmad stormed the village of Tal "
            "Salma and executed nine men.")
    assert perps(r) == {GOV, "Fadi Ahmad"}
    fadi = next(p for p in r["perpetrators"] if p["canonical"] == "Fadi Ahmad")
    assert fadi["kind"] == "person" and GOV in fadi["groups"]
    # a commander the registry knows: his division stays beside him
    r2 = run("The Fourth Division, commanded by Maher al-Assad, shelled the town of Moadamiyeh, "
             "killing 12 civilians.")
    assert perps(r2) == {"Fourth Division", "Maher al-Assad"}


def test_a_commander_is_counted_with_his_own_force_only() -> None:
    # the agents of the sentence other than the force he commands are not his group
    r = run("Regime forces and Hezbollah fighters under the command of Col. Fadi Ahmad stormed "
            "the village of Tal Salma and executed nine men.", "2013-06-10")
    fadi = next(p for p in r["perpetrators"] if p["canonical"] == "Fadi Ahmad")
    assert fadi["groups"] == ["Hezbollah", "Iran-backed militias"]


def test_a_report_naming_the_commander_agrees_with_one_naming_the_force() -> None:
    """Grouping compares perpetrator sets: the force alone and the force with its commander are
    the same perpetrators, not different ones."""
    a = extract_document("On 3 May 2025 the Fourth Division shelled the town of Moadamiyeh, "
                         "killing 12 civilians.", published="2025-05-04")
    b = extract_document("On 3 May 2025 the Fourth Division, under the command of Brig. Gen. "
                         "Khaled Mansour, shelled the town of Moadamiyeh, killing 12 civilians.",
                         published="2025-05-04")
    evs = []
    for i, ext in enumerate((a, b), start=1):
        src = SourceInfo(id=i, sha256=f"{i:064d}", kind="report", published_at="2025-05-04")
        evs += events_from_extraction(src, 0, ext, lambda _name: None)
    assert len(evs) == 2
    assert "Khaled Mansour" in evs[1].perpetrators
    scored = score_pair(evs[0], evs[1], LinkSettings())
    assert scored is not None
    _score, features, reasons = scored
    assert features["perpetrators"] == 1.0
    assert not any("different perpetrators" in x for x in reasons)


# -- 2. states and "the regime" as agents --------------------------------------------------------


@pytest.mark.parametrize(("text", "expected"), [
    ("Israel struck a residential building in Damascus on Monday, killing four civilians.",
     {"Israeli forces"}),
    ("Russian jets bombed the market in Ariha, killing eleven people.", {"Russian forces"}),
    ("The Russian occupation targeted the market in Ariha with missiles, killing seven civilians.",
     {"Russian forces"}),
    ("قصف النظام السوري الأحياء السكنية في درعا، ما أدى إلى مقتل خمسة مدنيين.", {ASSAD}),
    ("شنت إسرائيل غارات على ريف دمشق أسفرت عن مقتل ثلاثة مدنيين.", {"Israeli forces"}),
    ("The criminal Assad militias and the Russian occupation targeted the market with rockets, "
     "killing seven.", {ASSAD, "Russian forces"}),
])
def test_states_as_agents(text: str, expected: set[str]) -> None:
    assert perps(run(text, "2019-06-10")) == expected


@pytest.mark.parametrize("text", [
    "Israel and Syria held talks in Baku on the killing of civilians in the south.",
    "Russia vetoed the resolution on the killing of civilians in Idlib.",
    "Turkey condemned the massacre of civilians in the village of Tal Salma.",
    "أدانت تركيا مقتل عشرة مدنيين في قصف على إدلب.",
    "The Government of Qatar donated aid for the victims of the massacre in Tal Salma.",
])
def test_states_as_parties_critics_or_donors_are_not(text: str) -> None:
    assert perps(run(text)) == set()


def test_a_past_verb_after_the_place_is_still_the_act() -> None:
    # "strikes on the town killed": not a topic ("on the killing of")
    assert perps(run("Israeli strikes on the town killed three civilians.")) == {"Israeli forces"}


# -- 3. described agents -------------------------------------------------------------------------


@pytest.mark.parametrize(("text", "expected"), [
    ("Terrorist cells detonated a car bomb in the market, killing nine civilians.",
     {"groups the source calls terrorist or outlaw"}),
    ("Non-state armed groups killed at least 40 civilians in the province during the year.",
     {"armed groups"}),
    ("Masked gunmen on motorcycles shot dead a pharmacist in Jableh.", {"masked men"}),
    ("أقدم مسلحون ملثمون على قتل صيدلاني في جبلة.", {"masked men"}),
    # the shabiha: an actor of their own, beside the regular forces
    ("ارتكبت قوات النظام وميليشيات الشبيحة مجزرة في قرية تلدو راح ضحيتها خمسون مدنياً.",
     {ASSAD, "Shabiha"}),
    ("Shabiha militiamen stormed the village and killed 30 people.", {"Shabiha"}),
])
def test_described_agents(text: str, expected: set[str]) -> None:
    assert perps(run(text, "2012-06-10")) == expected


def test_shabiha_count_under_the_assad_era_group() -> None:
    r = run("Shabiha militiamen stormed the village and killed 30 people.", "2012-06-10")
    assert r["perpetrators"][0]["groups"] == [ASSAD]


def test_described_actor_only_mentioned_is_not_an_agent() -> None:
    assert perps(run("A journalist described the shabiha in a book published in Beirut.")) == set()


# -- coordination and the Arabic article ---------------------------------------------------------


@pytest.mark.parametrize(("text", "expected"), [
    # a second body named by its men after "and": an agent with the first
    ("اعتُقل ٢٦ عائداً من لبنان على يد شعبة المخابرات العسكرية ومفارز الأمن الجنائي عند معبر "
     "جديدة يابوس.", {"Military Intelligence (Military Security)", "police"}),
    ("Dozens of returnees were detained by Military Intelligence and patrols of the Criminal "
     "Security at the border crossing.", {"Military Intelligence (Military Security)", "police"}),
    ("Eleven civilians were killed by regime forces and members of the National Defence Forces "
     "in Tadamon.", {ASSAD, "National Defence Forces"}),
    # near miss: people after "and" who are not a body
    ("Two men were killed by regime forces and residents of the village buried them the next "
     "day.", {ASSAD}),
    # the weapon with the article names the state: "الغارات الإسرائيلية"
    ("قُتل ثلاثة مدنيين في الغارات الإسرائيلية على ريف دمشق.", {"Israeli forces"}),
    ("نزح آلاف السكان بعد أن اشتدت الغارات الإسرائيلية على الحي.", {"Israeli forces"}),
])
def test_joined_bodies_and_definite_weapons(text: str, expected: set[str]) -> None:
    assert perps(run(text, "2024-10-10")) == expected


# -- a named suspect in an arrest report -----------------------------------------------------------


@pytest.mark.parametrize(("text", "expected"), [
    ("ألقت وحدات الأمن الداخلي القبض على المدعو نادر الصالح في مدينة مصياف. ويُعد المذكور من "
     "أبرز المتهمين بالمشاركة في مجزرة القبير التي راح ضحيتها عشرات المدنيين.", {"نادر الصالح"}),
    ("Police in Hama arrested Samir Khoury, a former officer accused of taking part in the "
     "massacre of civilians in Tal Salma in 2012.", {"Samir Khoury"}),
    # a three-part name closed by a comma
    ("ألقت وحدات الأمن الداخلي القبض على المدعو نادر حسن الصالح، الضابط السابق. ويُعد المذكور "
     "من أبرز المتهمين بالمشاركة في مجزرة القبير.", {"نادر حسن الصالح"}),
    # named back by "he": not the arresting force read back as "he"
    ("Security forces arrested Nabil Haddad in Homs on Sunday. He is suspected of involvement "
     "in the killing of 20 civilians in 2013.", {"Nabil Haddad"}),
])
def test_a_named_suspect_is_a_perpetrator_and_his_arresters_are_not(
        text: str, expected: set[str]) -> None:
    r = run(text)
    assert perps(r) == expected


@pytest.mark.parametrize("text", [
    # the next sentence is about someone else
    "ألقت قوات الأمن القبض على المدعو نادر الصالح في حماة. وقالت عائلته إن عناصر مسلحين قتلوا "
    "شقيقه العام الماضي.",
    # an activist arrested, then tortured: the victim
    "Security forces arrested activist Omar Barakat in Homs on Sunday; his family said he was "
    "tortured.",
])
def test_an_arrested_man_not_said_to_be_involved_is_no_perpetrator(text: str) -> None:
    assert persons(run(text)) == set()


# -- the progressive is active ---------------------------------------------------------------------


@pytest.mark.parametrize(("text", "expected"), [
    ("\"The Turkish army is shelling homes and calling it counter-terrorism,\" he told Reuters.",
     {"Turkish forces"}),
    ("Israeli drones are targeting cars on the road to Quneitra, killing two.", {"Israeli forces"}),
    ("Government forces were shelling the residential quarter of Jobar, witnesses said.", {GOV}),
    ("Gunmen were executing the prisoners one by one, a survivor said.", {"unidentified gunmen"}),
    # near miss: "are being shelled" is a passive, its agent after "by"
    ("Turkish officials say the villages are being shelled by the SDF.",
     {"Syrian Democratic Forces"}),
])
def test_progressive_subject_is_the_agent(text: str, expected: set[str]) -> None:
    assert perps(run(text)) == expected
