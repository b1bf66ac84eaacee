"""Tenth round, dates and places: categories from the errors of blind sets 20 and 21, each on
short fictional texts written for this test (never an evaluation text), with a near miss for
each: a year-less day whose year the words after it tell ("last April", "of that year"); a year
that names an agreement or a finding; an incident record's "Date:" field; Levantine parts of a
month; a release's dateline under a header block; foreign names spelled like Syrian villages;
the dual "حيّي" and two-word quarters of a named city; a raid on "his house"."""

from __future__ import annotations

import pytest

from dalil.extract import extract_document


def _dates(text: str, published: str) -> list[str | None]:
    return [d["date"] for d in extract_document(text, published=published).to_dict()["dates"]]


def _places(text: str, published: str = "2025-03-10") -> list[str]:
    return [p["canonical"] for p in extract_document(text, published=published).to_dict()["places"]]


def _roles(text: str, published: str = "2025-03-10") -> dict[str, str]:
    return {m["surface"]: m["role"] for m in
            extract_document(text, published=published).to_dict()["place_mentions"]}


# --- 1. the words after a year-less day tell its year ---

@pytest.mark.parametrize(("text", "published", "want"), [
    # "last April" counts from publication, whatever year the paragraph told before
    ("قُتل رجلان بقذيفة في ٣ آذار ٢٠٢٢ على أطراف البلدة. كما قصفت مسيّرة سيارة مدنية في الخامس من "
     "نيسان الماضي وقتلت سائقها.", "2024-06-02", "2024-04-05"),
    ("قتل مسلحون شاباً في ١٠ أيار ٢٠٢١. وفي ١٢ شباط الماضي قتلوا شقيقه أمام المنزل.", "2024-03-20",
     "2024-02-12"),
    # "of that year": the year just told, even a paragraph on
    ("Helicopters dropped barrels on Kafr Hamra on 2 March 2013, killing four.\n\nThe logs show "
     "two more sorties over the same village on May 7 and 8 of that year, killing a child.",
     "2025-10-01", "2013-05-08"),
    ("قصفت الطائرات البلدة في ٤ آب ٢٠١٢ وقتلت ستة.\n\nوفي ٩ تشرين الأول من العام نفسه قُتل ثلاثة "
     "آخرون بغارة على السوق.", "2025-01-05", "2012-10-09"),
])
def test_year_said_after_the_day(text: str, published: str, want: str) -> None:
    assert want in _dates(text, published)


def test_year_said_after_near_miss() -> None:
    # a day with no such words keeps the paragraph's year
    text = "Shelling killed three in Kafr Hamra on 2 March 2013. On 7 May shells killed a child."
    assert "2013-05-07" in _dates(text, "2025-10-01")


# --- 2. a year that names an agreement; a finding or a legal act dated ---

@pytest.mark.parametrize("text", [
    "After the 2018 reconciliation agreements, hundreds of men were arrested at checkpoints and "
    "have not been seen since.",
    "Gunmen killed a former fighter who had joined the settlement of 2018, residents said.",
    "Since the 2020 ceasefire deal, at least 40 people have been killed in drone strikes.",
    "اعتقلت قوات الأمن عشرات الشبان الذين وقعوا على اتفاق عام ٢٠١٨ في البلدة.",
])
def test_year_naming_an_agreement_is_no_date(text: str) -> None:
    assert not any(d and d.startswith(("2018", "2020")) for d in _dates(text, "2025-05-01"))


def test_agreement_year_does_not_date_the_next_day() -> None:
    # the paragraph's year-less day is publication's, not the agreement's
    text = ("Many of the dead were former fighters who joined the settlement of 2018. In the "
            "night between 2 and 3 September alone, gunmen shot dead a teacher.")
    assert "2025-09-02/2025-09-03" in _dates(text, "2025-09-11")


@pytest.mark.parametrize("text", [
    "A shell killed four people on 21 April 2014, according to the inquiry, which in 2016 "
    "concluded that a helicopter had dropped it.",
    "Security forces killed 30 protesters in Hama. On 9 May 2012, the Council adopted a "
    "regulation freezing the assets of the officers.",
    "قُتل خمسة مدنيين بقصف على السوق. وفي عام ٢٠١٩ خلصت لجنة التحقيق إلى أن الطائرة روسية.",
])
def test_finding_or_legal_act_is_no_event_date(text: str) -> None:
    assert not any(d and d.startswith(("2016", "2012-05", "2019")) for d in _dates(text, "2025-01-10"))


def test_act_near_miss_year_of_the_killing() -> None:
    # "in 2016 killed": the event's own year stays
    assert "2016" in _dates("Government shelling in 2016 killed nine people in the town.", "2025-01-10")


# --- 3. an incident record's "Date:" field ---

@pytest.mark.parametrize(("text", "want"), [
    ("Archive export\n\nIncident ID: X-1\nDate: 4 June 2019\nLocation: Kafr Hamra, Idlib\n"
     "Type: Air strike\n\nNarrative: An air strike hit the bakery and killed six people.",
     "2019-06-04"),
    ("Incident date: March 3, 2017\nLocation: al-Kasrat, Raqqa countryside\nCivilians reported "
     "killed: 5\n\nA strike hit a house in the village, killing five members of one family.",
     "2017-03-03"),
    ("سجل الحوادث\n\nالتاريخ: ١٢ آب ٢٠١٨\nالموقع: بلدة كفرنبل\nنوع الحادثة: قصف\n\n"
     "قصفت المدفعية السوق وقتلت أربعة مدنيين.", "2018-08-12"),
])
def test_record_date_field(text: str, want: str) -> None:
    assert want in _dates(text, "2025-04-02")


def test_record_date_near_miss_briefing_header() -> None:
    # a briefing's "Location: Geneva / Date:" header is no incident record
    text = ("Press briefing notes\n\nSpokesperson: Jane Roe\nLocation: Geneva\nDate: 22 July 2025"
            "\n\nWe are alarmed by the violence: gunmen killed at least 30 civilians since 13 July.")
    assert "2025-07-22" not in _dates(text, "2025-07-22")


def test_record_date_near_miss_letter_date() -> None:
    # a statement's own "Date:" line with no incident fields is the document's date
    text = ("Date: 7 February 2025\nSubject: killings in the countryside\n\nWe are alarmed by "
            "reports that gunmen killed at least 20 civilians last week.")
    assert "2025-02-07" not in _dates(text, "2025-02-07")


# --- 4. Levantine parts of a month ---

@pytest.mark.parametrize(("text", "want"), [
    ("بتموز ٢٠١٦ سكّروا الطريق.\n\nبنص كانون الأول قصفوا الحي وقتلوا جارنا.", "2016-12"),
    ("بحزيران ٢٠١٣ إجا الجيش.\n\nآخر شهر أيلول ضربوا السوق بالبراميل وقتلوا عشرة.", "2013-09"),
    ("وبأول تموز اعتقلوا أخي من الحاجز وما رجع.", "2025-07"),
])
def test_levantine_part_of_month(text: str, want: str) -> None:
    assert want in _dates(text, "2025-07-20")


def test_levantine_near_miss_not_a_month() -> None:
    assert _dates("آخر مرة شفته كان بالسوق، نص الناس راحوا وقتلوا اثنين.", "2025-07-20") == []


# --- 5. a release's dateline under a header block ---

@pytest.mark.parametrize("text", [
    "Syria: shelling cuts water to thousands\n\nNews release\n3 March 2025\nRelief Committee\n\n"
    "Damascus (RC) – Shelling over the past days damaged the water station of Qamishli, killing "
    "two workers.",
    "Statement\n\n12 May 2024\nMedical Relief Union\nPress office\n\nDAMASCUS, Syria (MRU) — "
    "An air strike hit the hospital in Ariha, killing three nurses.",
    "بيان صحفي\n\n٣ آذار ٢٠٢٥\nلجنة الإغاثة\nالمكتب الإعلامي\n\nدمشق (لجنة الإغاثة) – قصفت "
    "المدفعية محطة المياه في القامشلي وقتلت عاملين.",
])
def test_agency_dateline_is_no_scene(text: str) -> None:
    assert "Damascus" not in _places(text)


def test_agency_dateline_near_miss_list_line() -> None:
    # deep in a body, a line opening with a town and a bracket is a scene
    body = "Header\n\n" + "Shelling went on. " * 50 + "\nDouma (Rif Dimashq) – a shell killed four people."
    assert "Douma" in _places(body)


# --- 6. foreign names spelled like Syrian villages ---

@pytest.mark.parametrize("text", [
    "The doctor trained in Buenos Aires before the massacre in the village killed her family.",
    "He had worked on mass graves in Bosnia; here the bodies of 20 men were found shot.",
    "Fighters from Chechnya and Armenia were seen in the town when gunmen killed five men.",
])
def test_foreign_names_no_scene(text: str) -> None:
    assert not {"Baniyas", "Al Basnah", "Chachan", "Urman"} & set(_places(text))


# --- 7. the dual "حيّي" and two-word quarters of a named city ---

@pytest.mark.parametrize(("text", "want"), [
    ("اعتقلت قوات الأمن في مدينة حمص عشرات الشبان من حيّي عكرمة والزهراء.", "al-Zahra"),
    ("قصفت قوات النظام مدينة حمص، وقُتل ستة مدنيين بعد اقتحام بابا عمرو.", "Baba Amr"),
    ("شهدت حلب قصفاً عنيفاً، وقُتل ثلاثة مدنيين في حي حلب الجديدة.", "New Aleppo"),
])
def test_quarters(text: str, want: str) -> None:
    assert want in _places(text)


def test_raid_on_his_house_is_no_village() -> None:
    roles = _roles("في حمص، اقتحم المسلحون منزله فجراً واعتقلوا شقيقه.")
    assert "منزله" not in roles


# --- 8. origins: "يتحدرون من", "a smuggler from", and the places listed after an origin ---

@pytest.mark.parametrize(("text", "origins"), [
    ("أعدمت المحكمة ٣٠ معتقلاً في صيدنايا، أكثر من ثلثهم يتحدرون من ريف دمشق، ولا سيما داريا ودوما.",
     {"ريف دمشق", "داريا", "دوما"}),
    ("Most of the men executed in Saydnaya came from the Damascus countryside, especially Daraya "
     "and Douma.", {"Damascus", "Daraya", "Douma"}),
    ("A smuggler from Daraa was shot dead near the border in Tafas.", {"Daraa"}),
    ("قتل مسلحون شابين متحدرين من بلدة نوى في سجن صيدنايا.", {"نوى"}),
])
def test_origins_are_no_scenes(text: str, origins: set[str]) -> None:
    roles = _roles(text)
    assert {s for s, r in roles.items() if r == "origin"} >= origins


def test_origin_near_miss_scene_after_especially() -> None:
    # no origin before: the listed places are scenes
    roles = _roles("Shelling killed six in the Hama countryside, especially in Kafr Zita.")
    assert roles.get("Kafr Zita") == "scene"


# --- 9. a containing place whose parts are listed right after it ---

@pytest.mark.parametrize(("text", "container", "part"), [
    ("قصفت قوات النظام أحياء حمص القديمة، مثل الخالدية وباب السباع، وقتلت عشرة.", "حمص القديمة",
     "الخالدية"),
    ("Shelling hit the Hama countryside, including Kafr Zita, killing six.", "Hama", "Kafr Zita"),
    ("Air strikes hit the Idlib countryside, notably Maarat al-Numan, killing nine.", "Idlib",
     "Maarat al-Numan"),
])
def test_container_of_listed_scenes(text: str, container: str, part: str) -> None:
    roles = _roles(text)
    assert roles.get(container) == "mentioned" and roles.get(part) == "scene"


def test_container_near_miss_including_people() -> None:
    # "including two children" lists people, not places: the town stays the scene
    assert _roles("Shelling hit Kafr Zita, killing six, including two children.").get(
        "Kafr Zita") == "scene"


# --- 10. a day glued to the conjunction "و" closes an Arabic interval ---

@pytest.mark.parametrize(("text", "want"), [
    ("اعتقلت القوات ٥٠ شاباً بين ٣ آذار و١٢ نيسان ٢٠٢٢.", "2022-03-03/2022-04-12"),
    ("وثّقنا اعتقال ٣٤٠ شخصاً في الفترة بين الأول من كانون الثاني و٣٠ حزيران ٢٠٢٢.",
     "2022-01-01/2022-06-30"),
    ("قصفت الطائرات البلدة يومي ٣ و٤ أيار وقتلت سبعة.", "2022-05-04"),
])
def test_glued_waw_day(text: str, want: str) -> None:
    assert want in _dates(text, "2022-07-20")


def test_glued_waw_near_miss_count() -> None:
    # "و١٢ جريحاً" is a count, not a day
    assert _dates("قتل ٣ مدنيين و١٢ جريحاً في القصف يوم ٥ أيار.", "2022-07-20") == ["2022-05-05"]
