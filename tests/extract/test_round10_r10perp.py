"""Tenth round, perpetrators and figures: categories from the errors of blind sets 20 and 21 that
also occur in older development sets, each on short fictional texts written for this test (never
an evaluation text), with a near miss for each: the era of the state's forces when the story
names them before it dates the events; the owner of a checkpoint where people were detained; a
foreign state's aircraft striking in a report of violations; a court's finding with an age;
Arabic qualifiers "exceeds" and "above" and the plural "died" of testimony; counts of operations
and seized goods; ages in apposition; the field lines of a record or key-figures list."""

from __future__ import annotations

from typing import Any

import pytest

from dalil.extract import extract_document


def _run(text: str, published: str | None = "2025-03-10") -> dict[str, Any]:
    return extract_document(text, published=published).to_dict()


def _perps(text: str, published: str | None = "2025-03-10") -> list[str]:
    return [p["canonical"] for p in _run(text, published)["perpetrators"]]


def _casualties(text: str) -> list[tuple[Any, str, str]]:
    return [(f["value"], f["qualifier"], f["what"]) for f in _run(text)["casualty_figures"]]


def _others(text: str) -> list[tuple[Any, str]]:
    return [(f["value"], f["what"]) for f in _run(text)["other_figures"]]


# --- 1. the era of the state's forces: the events' date, also when the lead names them first ---

@pytest.mark.parametrize(("text", "published"), [
    ("Shelling by government forces has intensified across the south of Idlib.\n\n"
     "On 12 October 2023 a shell hit the market in Ariha and killed five people.", "2023-11-14"),
    ("Government forces shelled the villages of the plain, residents said.\n\n"
     "The heaviest day was 3 February 2020, when a strike on the bakery killed nine.", "2020-02-10"),
    # no dated event at all: the publication date decides
    ("Government forces shelled the town's market and killed six civilians, medics said.",
     "2016-05-02"),
])
def test_state_forces_take_the_era_of_the_events(text: str, published: str) -> None:
    perps = _perps(text, published)
    assert "Assad-era forces and loyalists" in perps
    assert "Syrian government forces (2025-)" not in perps


def test_state_forces_era_near_miss_current_events() -> None:
    text = ("Government forces shelled the villages of the plain, residents said.\n\n"
            "On 3 August 2025 a strike on the bakery killed nine.")
    assert "Syrian government forces (2025-)" in _perps(text, "2025-08-05")


# --- 2. people detained AT a checkpoint: its owner took them ---

@pytest.mark.parametrize(("text", "actor"), [
    ("The two brothers were detained at a checkpoint run by the Military Security near the bridge.",
     "Military Intelligence (Military Security)"),
    ("He was arrested at one of the checkpoints of the Fourth Division in 2013 and never seen "
     "again.", "Fourth Division"),
    ("اعتُقل الشاب على حاجز للفرقة الرابعة قرب دمشق.", "Fourth Division"),
    ("فارق الحياة بعد عشرة أيام من اعتقاله على حاجز لعناصر الأمن العام عند مدخل البلدة.",
     "General Security"),
])
def test_checkpoint_owner_detains(text: str, actor: str) -> None:
    assert actor in _perps(text, "2013-06-01" if "2013" in text else "2025-03-10")


@pytest.mark.parametrize("text", [
    "Gunmen opened fire on a checkpoint manned by General Security near Homs, killing two.",
    "وكانت المنطقة قد شهدت هجوماً على حاجز للأمن العام أسفر عن مقتل عنصرين واعتقال ثلاثة.",
])
def test_checkpoint_near_miss_attacked_post(text: str) -> None:
    assert "General Security" not in _perps(text)


# --- 3. Arabic "exceeds" and "above" qualifiers; the plural "died" of testimony ---

@pytest.mark.parametrize(("text", "fig"), [
    ("وأفاد ناشطون بأن عدد المعتقلين في الحي تجاوز ١٢٠ شخصاً خلال يومين.",
     (120, "more_than", "detained")),
    ("وتشير التقديرات إلى أن عدد المختفين قسراً في البلاد يتجاوز ١١٢ ألف شخص.",
     (112000, "more_than", "missing")),
    ("قالت الشبكة إن عدد القتلى في المدينة تجاوزت ٣٠٠ شخص.", (300, "more_than", "killed")),
    ("انقتل فوق عشرين واحد بالقصف.", (20, "more_than", "killed")),
    ("قالولنا بالمستوصف إنو أكتر من ٤٠ واحد ماتوا هديك الليلة.", (40, "more_than", "killed")),
    ("بعد القصف ماتوا ٣ أطفال من الجيران.", (3, "exact", "killed")),
])
def test_arabic_exceeds_above_and_died(text: str, fig: tuple[Any, str, str]) -> None:
    assert fig in _casualties(text)


def test_arabic_above_near_miss_place() -> None:
    # "فوق سطح" (on the roof) qualifies no number
    assert _casualties("وقف المسلحون فوق سطح المبنى وقتلوا ٣ أشخاص.") == [(3, "exact", "killed")]


def test_arabic_lived_near_miss() -> None:
    assert _casualties("عاشوا ٣ سنين بالمخيمات وبعدين رجعوا.") == []


# --- 4. counts of operations and of seized goods are no casualties ---

@pytest.mark.parametrize(("text", "other"), [
    ("Police seized about 12 million tablets in the raid on the warehouse.",
     (12000000, "tablets")),
    ("Border guards seized about 4.7mn pills hidden in a truck of fruit.", (4700000, "pills")),
    ("Israeli forces carried out more than 45 incursions since the start of the year, arresting "
     "28 people.", (45, "incursions")),
    ("وسجلت أكثر من ٤٥ توغلاً منذ بداية العام، اعتُقل خلالها ٢٨ شخصاً.", (45, "incursions")),
])
def test_operations_and_goods_are_other(text: str, other: tuple[Any, str]) -> None:
    assert other in _others(text)
    assert all(v != other[0] for v, _q, _w in _casualties(text))


def test_operations_near_miss_people_during_incursions() -> None:
    text = "Troops arrested 30 people during the incursions."
    assert _casualties(text) == [(30, "exact", "detained")]


# --- 5. an age in apposition or "he was N when" is no count ---

@pytest.mark.parametrize("text", [
    "Security forces took her son, then 13, and detained him for a year.",
    "His brother Samer, now 30, was detained in 2013 and tortured.",
    "He was 26 when he was killed by a sniper.",
])
def test_age_in_apposition_is_no_count(text: str) -> None:
    assert _casualties(text) == []


def test_age_near_miss_killed_when() -> None:
    assert _casualties("Gunmen killed 26 when they stormed the village.") == [
        (26, "exact", "killed")]


# --- 6. the field lines of a record or a key-figures list: the label says what is counted ---

_KEY_FIGURES = ("Health Monitor\nSituation note\n\nKey figures\n"
                "- Attacks on clinics verified in the period: 31\n- Health workers killed: 6\n"
                "- Health workers and patients injured: 22\n- Health facilities affected: 11\n"
                "- Ambulances affected: 4\n\nSummary\nThe monitor verified 31 attacks on clinics, "
                "which resulted in 6 deaths and 22 injuries among health workers and patients.")


def test_key_figures_list_read_from_labels_once() -> None:
    assert sorted(_casualties(_KEY_FIGURES)) == [(6, "exact", "killed"), (22, "exact", "injured")]
    others = _others(_KEY_FIGURES)
    assert (11, "buildings") in others and (4, "vehicles") in others
    assert others.count((31, "attacks")) == 1


@pytest.mark.parametrize(("text", "fig"), [
    ("Incident record\n\nIncident code: QX-204\nCivilians reported killed: 8–12\n"
     "Civilians reported injured: 5+\nGrading: Fair\n", (5, "at_least", "injured")),
    ("Incident record\n\nIncident code: QX-204\nCivilians reported killed: 8–12\n"
     "Civilians reported injured: 5+\nGrading: Fair\n", ((8, 12), "range", "killed")),
    ("Entry 4\nPlace: Kafr Zita\nPeople detained: 3\nSource: local council\n",
     (3, "exact", "detained")),
])
def test_record_field_lines(text: str, fig: tuple[Any, str, str]) -> None:
    value = list(fig[0]) if isinstance(fig[0], tuple) else fig[0]
    assert (value, fig[1], fig[2]) in _casualties(text)


def test_record_field_near_miss_words_after_number() -> None:
    # words after the number say what it counts, not the label
    text = "Entry 4\nCasualties: 3 killed, 7 injured\nPlace: Kafr Zita\n"
    assert sorted(_casualties(text)) == [(3, "exact", "killed"), (7, "exact", "injured")]


# --- 7. a court's finding names the convicted with his age before the name ---

@pytest.mark.parametrize(("text", "person"), [
    ("The Higher Regional Court in Hamburg on Monday found 54-year-old Khaled M. guilty of crimes "
     "against humanity, including the killing of at least 9 detainees.", "Khaled M."),
    ("A court in Koblenz sentenced 58-year-old Anwar R. to life in prison for the torture of "
     "detainees.", "Anwar R."),
    ("Judges found the 47-year-old Samir K. guilty of torture at the branch.", "Samir K."),
])
def test_convicted_person_with_age(text: str, person: str) -> None:
    assert person in _perps(text)


def test_convicted_person_near_miss_witness() -> None:
    text = ("The court found 54-year-old witness Samir K. credible and heard how guards tortured "
            "detainees.")
    assert "Samir K." not in _perps(text)


# --- 8. a foreign state's aircraft as the subject of a strike, in a report of violations ---

@pytest.mark.parametrize(("text", "actor"), [
    ("Gunmen killed three nurses in the hospital on Tuesday. Israeli jets struck the defence "
     "ministry headquarters in central Damascus on Wednesday.", "Israeli forces"),
    ("Shelling killed two children in Amuda. Turkish drones struck the city of Qamishli at least "
     "71 times in two years.", "Turkish forces"),
    ("Snipers killed a man in Ariha. Russian warplanes bombed the market town of Saraqib on "
     "Monday.", "Russian forces"),
])
def test_foreign_aircraft_strike_agent(text: str, actor: str) -> None:
    assert actor in _perps(text)


@pytest.mark.parametrize("text", [
    # strikes on fighters' positions: combat
    "Gunmen killed three nurses in the hospital. Israeli jets struck Hezbollah positions near "
    "the border.",
    # a report of no violation at all
    "Israeli jets struck the defence ministry headquarters in central Damascus on Wednesday.",
])
def test_foreign_aircraft_strike_near_miss(text: str) -> None:
    assert "Israeli forces" not in _perps(text)
