"""Registry round 5: actors and victim communities that reports on Syria 2011-2026 name often,
in English and Arabic, with their groups; and aliases that must not fire on ordinary words.
Every sentence is fictional (real place names only)."""

from __future__ import annotations

from typing import Any

import pytest

from dalil.extract import extract_document
from dalil.extract.lexicon import load_lexicons


def run(text: str, published: str | None) -> dict[str, Any]:
    return extract_document(text, published=published).to_dict()


def perps(r: dict[str, Any]) -> dict[str, list[str]]:
    return {p["canonical"]: p["groups"] for p in r["perpetrators"]}


def victims(r: dict[str, Any]) -> set[str]:
    return {v["canonical"] for v in r["victim_groups"]}


_ASSAD = "Assad-era forces and loyalists"
_GOV = "Syrian government forces (2025-)"
_MI = "Military Intelligence (Military Security)"


# -- named actors, each with the groups it is counted under (era-aware) -------------------------


@pytest.mark.parametrize(("text", "published", "expected"), [
    # Assad-era branches, units and militias
    ("Officers of Branch 291 tortured two students in May 2013, a former detainee said.",
     "2013-06-01", {"Branch 291": [_MI, _ASSAD]}),
    ("On 3 May 2013, detainees were tortured by Branch 248 officers in Damascus.",
     "2013-06-01", {"Branch 248": [_MI, _ASSAD]}),
    ("A former detainee said officers of Branch 285 tortured him in Kafr Sousa in March 2014.",
     "2014-06-01", {"Branch 285": ["State Security", _ASSAD]}),
    ("Saydnaya prison guards executed dozens of detainees in January 2016, according to "
     "survivors.", "2016-06-01", {"Saydnaya prison administration": [_ASSAD]}),
    ("Popular committees killed four young men at a checkpoint in Homs on 5 July 2012.",
     "2012-08-01", {"popular committees": [_ASSAD]}),
    ("The Desert Hawks stormed the village and killed seven civilians on 2 May 2016.",
     "2016-06-01", {"Desert Hawks Brigade": [_ASSAD]}),
    ("في 7 آذار 2016 اعتقلت ميليشيات الأسد عشرة شبان في حي الوعر بحمص.",
     "2016-03-08", {_ASSAD: []}),
    # the state's intelligence service: the new one in 2025, Assad's State Security in 2013
    ("On 3 May 2025, General Intelligence agents arrested a journalist in Damascus.",
     "2025-06-01", {"General Intelligence Service": [_GOV]}),
    ("On 3 May 2013, General Intelligence agents arrested a journalist in Damascus.",
     "2013-06-01", {"State Security": [_ASSAD]}),
    ("On 7 March 2025, fighters of the 62nd Division killed 12 Alawite civilians in Baniyas.",
     "2025-03-08", {"62nd Division": [_GOV]}),
    # armed opposition, and a faction counted with the SNA only after it joined
    ("In April 2015 Faylaq al-Sham fighters detained two activists in Idlib.",
     "2015-06-01", {"Faylaq al-Sham": ["rebel factions"]}),
    ("In April 2021 Faylaq al-Sham fighters detained two activists in Afrin.",
     "2021-06-01", {"Faylaq al-Sham": ["Syrian National Army"]}),
    ("Fighters of the Nour al-Din al-Zenki Movement beheaded a boy in Aleppo in July 2016.",
     "2017-06-01", {"Nour al-Din al-Zenki Movement": ["rebel factions"]}),
    ("In March 2018, the Levant Front looted Kurdish homes in Afrin.",
     "2018-06-01", {"Levant Front": ["Syrian National Army"]}),
    ("في آذار 2018 نهبت عناصر من الجبهة الشامية منازل الأكراد في عفرين.",
     "2018-06-01", {"Levant Front": ["Syrian National Army"]}),
    # jihadist groups
    ("Jund al-Aqsa militants executed four Druze villagers in Qalb Lozeh on 10 June 2015.",
     "2015-06-12", {"Jund al-Aqsa": []}),
    ("في 10 حزيران 2015 قتل عناصر من جند الأقصى أربعة مدنيين من الدروز في قلب لوزة.",
     "2015-06-12", {"Jund al-Aqsa": []}),
    ("Jaysh Khalid ibn al-Walid fighters executed three men in the Yarmouk Basin in 2017.",
     "2017-06-01", {"Jaysh Khalid ibn al-Walid": ["Islamic State"]}),
    ("قُتل خمسة مدنيين على يد تنظيم القاعدة في إدلب عام 2017.",
     "2017-06-01", {"al-Qaeda": []}),
    # the SDF's components
    ("Members of the Revolutionary Youth abducted a 14-year-old girl in Qamishli on 3 March "
     "2022.", "2022-06-01", {"Revolutionary Youth": []}),
    ("اختطفت الشبيبة الثورية طفلة في القامشلي في 3 آذار 2022.",
     "2022-06-01", {"Revolutionary Youth": []}),
    ("Asayish forces detained five men in Hasakah on 2 May 2023.",
     "2023-06-01", {"Asayish": ["Syrian Democratic Forces"]}),
    ("The Deir ez-Zor Military Council killed three tribesmen in Dhiban on 30 August 2023.",
     "2023-09-01", {"Deir ez-Zor Military Council": ["Syrian Democratic Forces"]}),
    ("Women's Protection Units fighters killed a man on 2 May 2024 in Raqqa.",
     "2024-06-01", {"Women's Protection Units (YPJ)": ["Syrian Democratic Forces"]}),
    # foreign forces and Iran's allied militias
    ("On 2 April 2014, Fatemiyoun fighters executed six men in the town of Qusayr.",
     "2014-05-01", {"Fatemiyoun Brigade": ["Iran-backed militias"]}),
    ("On 7 March 2019, Kataib Hezbollah fighters killed two shepherds near Albukamal.",
     "2019-03-08", {"Kataib Hezbollah": ["Iran-backed militias"]}),
    ("في 7 آذار 2023 قصف الطيران الأردني منازل في ريف السويداء وقتل خمسة مدنيين.",
     "2023-03-08", {"Jordanian security forces": []}),
    ("قتلت قوات الاحتلال الأمريكي راعيين في ريف الحسكة في 3 أيار 2020.",
     "2020-06-01", {"US-led coalition": []}),
    # the state's intelligence and army, named without the service: the event's era decides
    ("اعتقلت المخابرات شقيقي من منزله في حي الميدان بدمشق في 3 أيار 2013.",
     "2014-06-01", {_ASSAD: []}),
    ("اعتقلت الأفرع الأمنية عشرات الشبان في داريا في 3 أيار 2013.", "2014-06-01", {_ASSAD: []}),
    ("On 3 May 2025 the Syrian army shelled the village and killed two children.",
     "2025-06-01", {_GOV: []}),
    ("On 3 May 2016 the Syrian army shelled the village and killed two children.",
     "2016-06-01", {_ASSAD: []}),
    # ... and a foreign service named so is that state's
    ("اعتقلت المخابرات الأردنية ثلاثة لاجئين سوريين في إربد في 3 أيار 2025.",
     "2025-06-01", {"Jordanian security forces": []}),
    ("قتلت الميليشيات الكردية ثلاثة مدنيين في ريف الرقة في 3 أيار 2019.",
     "2019-06-01", {"People's Protection Units (YPG)": ["Syrian Democratic Forces"]}),
    ("Gunmen of the Sultan Murad faction looted olive groves in Afrin on 3 May 2019.",
     "2019-06-01", {"Sultan Murad Division": ["Syrian National Army"]}),
    ("Kurdish fighters killed two Arab shepherds near Tal Abyad on 3 May 2019.",
     "2019-06-01", {"People's Protection Units (YPG)": ["Syrian Democratic Forces"]}),
    ("Jaysh al-Fatah fighters executed two Druze villagers in Idlib on 10 June 2015.",
     "2015-06-12", {"Jaysh al-Fatah": ["rebel factions"]}),
    # the opposition government's military police are the SNA's, not the state's
    ("Military police of the Syrian Interim Government detained two Kurdish women in Afrin on "
     "3 May 2020.", "2020-06-01", {"Syrian National Army": []}),
    ("اعتقلت الشرطة العسكرية التابعة للجيش الوطني امرأتين كرديتين في عفرين في 3 أيار 2020.",
     "2020-06-01", {"Syrian National Army": []}),
    # Suwayda
    ("On 14 July 2025, members of the Suwayda National Guard abducted three Bedouin men.",
     "2025-08-01", {"National Guard (Suwayda)": ["Druze armed factions"]}),
    ("في 7 أيلول 2025 قتل عناصر من الحرس الوطني ثلاثة مدنيين في السويداء.",
     "2025-09-08", {"National Guard (Suwayda)": ["Druze armed factions"]}),
])
def test_a_named_actor_is_its_own_entry_with_its_groups(text: str, published: str,
                                                       expected: dict[str, list[str]]) -> None:
    assert perps(run(text, published)) == expected


# -- victim communities, in English and Arabic --------------------------------------------------


@pytest.mark.parametrize(("text", "expected"), [
    ("On 2 May 2025 gunmen killed two Murshidi men in the village of Jobet Burghal.",
     {"Murshidis"}),
    ("قتل مسلحون مجهولون شابين من أبناء الطائفة المرشدية في ريف حمص في 2 أيار 2025.",
     {"Murshidis"}),
    ("Gunmen abducted a Circassian doctor in Quneitra on 2 May 2025.", {"Circassians"}),
    ("اختطف مسلحون طبيباً من الشركس في القنيطرة في 2 أيار 2025.", {"Circassians"}),
    ("Gunmen killed three Ismaelis in Salamiyah on 2 May 2025.", {"Ismailis"}),
    ("قتل مسلحون ثلاثة من النصيريين في حمص في 2 أيار 2025.", {"Alawites"}),
    ("Gunmen killed two Shi'a pilgrims near Sayyida Zaynab on 2 May 2025.", {"Shia Muslims"}),
    ("Shelling killed six Palestinian refugees in the Yarmouk camp in 2016.", {"Palestinians"}),
    ("اعتقلت دورية امرأتين كرديتين في عفرين في 3 أيار 2025.", {"Kurds"}),
    # the fighters are the attackers' targets in combat, the civilians the community's
    ("Turkish drones killed three Kurdish fighters and two Kurdish civilians near Kobani on 3 May "
     "2019.", {"Kurds"}),
])
def test_victim_communities(text: str, expected: set[str]) -> None:
    assert victims(run(text, "2025-06-01")) == expected


# -- aliases that must not fire -----------------------------------------------------------------


@pytest.mark.parametrize("text", [
    # "قوات الاحتلال" alone: outlets call Turkish, US and Russian forces so too
    "قتلت قوات الاحتلال راعيين في ريف القنيطرة في 3 أيار 2025.",
    # "insurgents" since 2024 are Assad loyalists as often as anyone: not "rebel factions"
    "Insurgents killed three soldiers near Jableh on 6 March 2025.",
    # other countries' National Guard
    "National Guard troops shot a protester in Ohio on 2 May 2025.",
    # "القاعدة" is a (military) base
    "استهدفت مسيرة القاعدة الروسية في حميميم في 2 أيار 2025 وقتل جنديان.",
])
def test_ordinary_words_name_no_actor(text: str) -> None:
    assert perps(run(text, "2025-06-01")) == {}


def test_a_victims_family_name_is_no_branch() -> None:
    # al-Khatib is a family name, not Branch 251 (the "al-Khatib branch")
    r = run("Hamza al-Khatib, 13, was tortured and killed in Daraa in May 2011.", "2011-06-01")
    assert perps(r) == {}


def test_the_prison_is_a_place_and_names_no_agent() -> None:
    r = run("In January 2012 he was transferred to Saydnaya military prison, where guards beat "
            "him daily.", "2013-06-01")
    assert "Saydnaya prison administration" not in perps(r)


@pytest.mark.parametrize("text", [
    # "العلوي": "upper" ("the upper floor")
    "سقطت قذيفة على الطابق العلوي من منزل في حمص في 2 أيار 2025 وقتلت امرأة.",
    # "الكردي": a family name
    "قتل مسلحون مجهولون الشاب محمد الكردي في حمص في 2 أيار 2025.",
    # "Palestinian" alone: an organisation's name
    "The Palestinian Red Crescent said gunmen killed two men in Yarmouk on 2 May 2025.",
    # "سني": "my age" / "the years of"; "سنة": a year
    "في سني الحرب الأولى قتل مسلحون مجهولون ثلاثة رجال في حمص سنة 2013.",
])
def test_ordinary_words_name_no_community(text: str) -> None:
    assert victims(run(text, "2025-06-01")) == set()


# -- the registry itself ------------------------------------------------------------------------


def test_no_alias_names_two_actors() -> None:
    """An alias listed under two entries would name whichever the matcher met first."""
    lex = load_lexicons()
    seen: dict[tuple[str, ...], str] = {}
    assert lex.actors.words is not None
    clashes = []
    for lst in lex.actors.words.values():
        for seq, entry in lst:
            if seen.setdefault(seq, entry.label) != entry.label:
                clashes.append((" ".join(seq), seen[seq], entry.label))
    assert clashes == []


def test_every_group_of_the_new_entries_resolves() -> None:
    lex = load_lexicons()
    assert lex.groups_of("Branch 248", "2013-05-01") == [_MI, _ASSAD]
    assert lex.groups_of("Hezbollah") == ["Iran-backed militias"]
    assert lex.era_name("General Intelligence Service", "2012-01-01") == "State Security"
    assert lex.groups_of("Men of Dignity") == ["Druze armed factions"]
    assert lex.groups_of("Free Syrian Army") == ["rebel factions"]
