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


# -- dates ------------------------------------------------------------------------------------


def event_dates(text: str, published: str | None = "2025-06-10") -> list[str | None]:
    return [d["date"] for d in run(text, published)["dates"]]


@pytest.mark.parametrize(("text", "published", "expected"), [
    # "since" a month or the start of a year: from its first day until the report
    ("Since the beginning of May, rescuers have recovered the bodies of 40 people killed in "
     "air strikes on the town.", "2025-06-10", "2025-05-01/2025-06-10"),
    ("Since the start of the year, gunmen have killed 17 people in the district.", "2025-06-10",
     "2025-01-01/2025-06-10"),
    ("وثق المكتب مقتل ٣٠ مدنياً منذ مطلع العام الجاري.", "2025-06-10", "2025-01-01/2025-06-10"),
    ("Shelling has killed 12 civilians since the beginning of the month.", "2025-06-10",
     "2025-06-01/2025-06-10"),
    # "since" an event on a weekday or in an evening
    ("At least 80 people have been killed in the province since the fighting began on Sunday.",
     "2025-06-10", "2025-06-08/2025-06-10"),
    ("ارتفع عدد القتلى منذ مساء الرابع من حزيران إلى ٥٠ مدنياً.", "2025-06-10",
     "2025-06-04/2025-06-10"),
    # months and parts of years as intervals
    ("Between November 2016 and February 2017, helicopters dropped barrel bombs on the town, "
     "killing dozens.", "2017-06-01", "2016-11/2017-02"),
    ("Gunmen abducted 25 people in the governorate in the first half of 2023.", "2023-09-01",
     "2023-01/2023-06"),
    ("At least 12 civilians were killed in the first three months of 2019.", "2019-06-01",
     "2019-01/2019-03"),
    # "the first week of January" is January, not 1 January
    ("قالت إن مسلحين استولوا على منزلها في الأسبوع الأول من كانون الثاني الماضي.", "2025-03-01",
     "2025-01"),
])
def test_intervals_and_partial_dates(text: str, published: str, expected: str) -> None:
    assert expected in event_dates(text, published)


def test_two_days_later_and_the_day_of_the_month() -> None:
    dates = event_dates("On 3 May gunmen abducted a trader near the village. Two days later his "
                        "body was found in a well.", "2025-06-10")
    assert dates == ["2025-05-03", "2025-05-05"]
    # "يوم الثاني عشر من الشهر": the month the text speaks of
    ar = event_dates("رصد المكتب خلال شهر آذار اعتقال ١٢ شاباً. وفي القرية اعتُقل رجل مسن يوم "
                     "الثاني عشر من الشهر.", "2025-06-10")
    assert "2025-03-12" in ar


def test_statement_labels_and_passive_reports() -> None:
    r = run("Date of interview: 2 March 2024\n\nOn 5 January 2013 the witness was detained at a "
            "checkpoint. He was released on 30 January 2013 without charge.", "2024-03-10")
    dates = [d["date"] for d in r["dates"]]
    assert "2024-03-02" not in dates
    assert "2013-01-30" in dates
    # an Arabic statement date several words after the verb
    ar = run("ونفت المحافظة في بيان نشرته عبر معرفاتها الرسمية، في ٤ من أيار، وقوع أي "
             "انتهاكات.", "2025-06-10")
    assert "2025-05-04" not in [d["date"] for d in ar["dates"]]
    # a passive report of clashes dates the clashes
    assert "2025-06-08" in event_dates("Sporadic clashes continued to be reported on 8 June "
                                       "around the village, and two civilians were killed.")


def test_a_year_naming_a_thing_does_not_date_the_paragraph() -> None:
    dates = event_dates("Troops crossed the 1974 ceasefire line in December and shelled the "
                        "village, killing four people.", "2025-03-20")
    assert "2024-12" in dates
    assert "1974" not in dates and "1974-12" not in dates


# -- places -----------------------------------------------------------------------------------


def roles(text: str, published: str | None = "2025-06-10") -> dict[str, str]:
    """Place canonical name -> role of its last mention."""
    return {p["canonical"]: p["role"] for p in run(text, published)["place_mentions"]}


def scenes(text: str, published: str | None = "2025-06-10") -> set[str]:
    return {p["canonical"] for p in run(text, published)["places"]}


def test_villages_the_sources_lack_carry_a_towns_coordinates() -> None:
    r = run("Clashes broke out around the village of Tha'la on 14 July, and two civilians were "
            "killed by shelling.")
    place = next(p for p in r["places"] if p["canonical"] == "Tha'la")
    assert place["admin1"] == "Suwayda"
    assert place["coordinates_of"].startswith("nearby town:")
    assert "coordinates are the nearby town's" in place["explanation"]
    assert "Tha'la" in scenes("قتل مدنيان بقصف على بلدة ثعلة غربي السويداء.")


@pytest.mark.parametrize(("text", "place", "role"), [
    # where the displaced shelter is no scene
    ("Most of the 3,000 families displaced by the shelling are staying in schools and public "
     "buildings in Salkhad.", "Salkhad", "destination"),
    ("Some 400 displaced families are hosted in Izra' and its villages after the attack.",
     "Izraa", "destination"),
    ("The bombardment displaced thousands of residents, most of whom moved to camps near Atmeh.",
     "Atmeh", "destination"),
    ("وهُجّر آلاف السكان من القرية نحو مناطق الشهباء وحلب بعد الهجوم.", "Aleppo", "destination"),
    # where the attackers sit is not where they struck
    ("قتل مدنيان بقذائف أطلقتها المجموعات الإرهابية المنتشرة في ريف إدلب على بلدة محردة.",
     "Idlib", "origin"),
    ("The militants, holed up near Tadif, fired rockets at a residential area of al-Bab, "
     "killing two children.", "Tadef", "origin"),
    # a victim's home town is no scene
    ("A farmer from Kafr Nabudah was shot dead at a checkpoint near Hama on 3 May.",
     "Kafr Nabudah", "origin"),
])
def test_place_roles(text: str, place: str, role: str) -> None:
    assert roles(text).get(place) == role


def test_taken_from_a_town_is_where_it_happened() -> None:
    r = roles("Gunmen kidnapped a 12-year-old boy from Busra al-Sham on 4 June.")
    assert r.get("Bosra al-Sham") == "scene"


def test_paired_directions_and_arabic_lists() -> None:
    assert {"Eastern Ghouta", "Western Ghouta"} <= scenes(
        "Rockets carrying sarin struck the suburbs of Eastern and Western Ghouta, killing "
        "hundreds of people.")
    # the next name of a list, glued to its "و", and names after "مثل"
    assert {"al-Zahra", "al-Nuzha", "Akrama"} <= scenes(
        "قالت عائلات من أحياء الزهراء والنزهة وعكرمة في حمص إن مسلحين استولوا على منازلها.")
    assert {"al-Khalidiya", "Bab Sbaa"} <= scenes(
        "صادرت الأجهزة الأمنية آلاف المنازل في أحياء حمص القديمة، مثل الخالدية وباب السباع، "
        "بعد أن هُجّر أصحابها.")
    # "وقرى ريف X" continues a list of destinations; the word "قرى" is no village
    r = roles("نزحت مئات العائلات من قرية عقرب باتجاه مدينة مصياف وقرى ريف طرطوس.")
    assert r.get("Tartus") == "destination"


@pytest.mark.parametrize(("text", "expected"), [
    # Levantine posts and testimonies
    ("اخي انخطف عحاجز المدينة من سنتين وما منعرف عنه شي لهلق.", {"enforced_disappearance"}),
    ("قالولنا انو اخدوه عفرع الأمن السياسي.", {"arbitrary_detention"}),
    ("طلعنا من الحي بالباصات الخضر ورحنا عالشمال.", {"forced_displacement"}),
    ("وتعرّض المعتقل للضرب المبرح أثناء التحقيق.", {"torture"}),
    ("غادرت الحي مع عشرات العائلات بحثاً عن الحماية.", {"forced_displacement"}),
    # English wire and NGO wording
    ("Video appears to show houses on fire in the village after gunmen set the homes alight.",
     {"arson"}),
    ("Strikes put the water station out of service for weeks.", {"destruction_of_property"}),
    ("His brother was not released. Neither man has been seen since.",
     {"enforced_disappearance"}),
    ("Guards shot a group of blindfolded detainees at the edge of a pit.", {"execution"}),
    ("The body of the kidnapped pharmacist was found in a well outside the town.",
     {"concealment_of_bodies"}),
    ("The kidnappers demanded a ransom of 20,000 dollars for the boy.",
     {"threat_or_intimidation"}),
    ("Unknown men have been removing doors and cables from abandoned houses.", {"looting"}),
    ("By morning, hundreds of families had left for the nearby town. The western side of the "
     "village is empty.", {"forced_displacement"}),
])
def test_more_triggers_real_reports_use(text: str, expected: set[str]) -> None:
    assert expected <= violations(text)


def test_incommunicado_only_while_it_lasts() -> None:
    assert "enforced_disappearance" in violations(
        "The engineer has been held incommunicado since his arrest in March.")
    # tortured "while held incommunicado" by a group that holds him: a detention
    assert "enforced_disappearance" not in violations(
        "Three activists were allegedly tortured while held incommunicado by the faction.")


def test_destinations_after_left_for() -> None:
    r = roles("Hundreds of families had fled the shelling and left for the nearby town of Nawa "
              "and for Daraa city by Wednesday morning.")
    assert r.get("Naoua", r.get("Nawa")) == "destination"


@pytest.mark.parametrize(("text", "absent"), [
    # the attackers running away is no displacement
    ("The gunmen fled the scene after the explosion killed two civilians.",
     "forced_displacement"),
    # a court's sentence and a plan's execution are no executions
    ("A military court sentenced the officer to death in absentia.", "execution"),
    ("Officials discussed the execution of the reconstruction plan for the district.",
     "execution"),
    # "وقف إطلاق النار" is a ceasefire, not shooting
    ("وأعلنت الأطراف اتفاق وقف إطلاق النار في حي الشيخ مقصود بعد مقتل ثلاثة مدنيين.",
     "attack_on_civilians"),
])
def test_more_phrases_that_assert_no_violation(text: str, absent: str) -> None:
    assert absent not in violations(text)


def test_weekday_possessives_births_and_overnight() -> None:
    assert event_dates("Sunday's attack on the market killed 12 people.", "2025-03-11") == \
        ["2025-03-09"]
    assert event_dates("Overnight Saturday, shelling killed four civilians in the town.",
                       "2025-03-11") == ["2025-03-08"]
    dates = event_dates("Samer, born in 1990, was arrested at a checkpoint in 2014.")
    assert dates == ["2014"]
    ar = event_dates("اعتُقل أحمد، من مواليد عام ١٩٨٨، على حاجز المدينة عام ٢٠١٣.")
    assert ar == ["2013"]


def test_possessive_places_and_generic_place_words() -> None:
    assert {"Idlib", "Jabal al-Zawiya"} <= scenes(
        "Gunmen shot dead three men in Idlib's Jabal al-Zawiya on 5 March.")
    # "حاجز المدينة" is the city's checkpoint, not a village called al-Madina
    assert scenes("انخطف أخي على حاجز المدينة عام ٢٠١٣.") == set()


def test_periods_of_reports_and_days_of_a_month() -> None:
    r = run("Rural Rights Monitor — Weekly Update\nPeriod covered: 3–9 March 2025\n\nOur "
            "researchers documented the killing of 6 civilians in the district.", "2025-03-10")
    assert "2025-03-03/2025-03-09" in [d["date"] for d in r["dates"]]
    assert "2024-02-20/2024-02-29" in event_dates(
        "Shelling in the last ten days of February killed 40 civilians in the town.",
        "2024-03-02")


def test_a_pluperfect_sentence_does_not_take_the_date_before_it() -> None:
    r = run("The army retook the town on 9 May. Some 5,000 residents who had been forced out by "
            "the militants are expected to return.", "2025-05-20")
    event = next(e for e in r["events"] if "forced_displacement" in e["violations"])
    assert event["date"] is None


def test_short_posts_keep_every_type_of_an_overlap() -> None:
    # a short post goes through the same per-type matching as a long report
    assert {"looting", "arson"} <= violations("Their house in Baniyas was looted and burned.")


@pytest.mark.parametrize(("text", "expected_violation", "expected_date"), [
    ("Residents said gunmen went door to door on the night of March 7-8, killing nine men.",
     "home_invasion", "2025-03-07/2025-03-08"),
    ("أفاد مراسلنا بأن مسلحين مجهولين اغتالوا شاباً في مدينة جاسم ليل الثلاثاء-الأربعاء.",
     "killing", "2025-03-11"),
])
def test_wire_and_arabic_night_events(text: str, expected_violation: str,
                                      expected_date: str) -> None:
    r = run(text, "2025-03-12")
    assert expected_violation in r["violations"]
    assert expected_date in [d["date"] for d in r["dates"]]


def test_a_destination_stops_at_the_next_clause() -> None:
    r = roles("The family fled to Tartus after their house in Baniyas was looted and burned on "
              "9 March.", "2025-03-12")
    assert r.get("Baniyas") == "scene"
    assert r.get("Tartus") == "destination"


def test_strikes_and_clashes_make_scenes_without_a_violation_word() -> None:
    r = roles("Shelling killed two women in Sweida city on Monday. Israel said it struck tanks "
              "near the village of Sama al-Hunaydat.", "2025-07-15")
    assert r.get("Sama al-Hunaydat") == "scene"


@pytest.mark.parametrize(("text", "place", "role"), [
    # where the jets took off, and where an official spoke, are no scenes
    ("The jets that struck the hospital had taken off from Hmeimim air base, killing four "
     "patients.", "Hmeimim", "origin"),
    ("A defence official, speaking to reporters in Ankara, denied that civilians were killed.",
     None, None),
    # the Arabic displaced go "إلى" a town further on in the sentence
    ("نزح أكثر من ٣٠٠ عائلة من قرى ريف إدلب الجنوبي إلى مدينة سرمدا خلال الأسبوع.",
     "Sarmada", "destination"),
])
def test_more_place_roles(text: str, place: str | None, role: str | None) -> None:
    r = roles(text)
    if place is None:
        assert not any(name.lower().startswith(("anq", "ank")) for name in r)
    else:
        assert r.get(place) == role


def test_massacres_are_named_after_places_and_infrastructure_strikes() -> None:
    assert {"Al Bayda", "Ras al-Naba"} <= scenes(
        "وتعيد الأحداث إلى الأذهان مجزرة البيضا ورأس النبع في بانياس عام 2013، التي قُتل فيها "
        "أكثر من 200 مدني.")
    # "مجزرة جديدة" is a new massacre, not the village al-Judayda
    assert not any("Judayd" in p for p in scenes(
        "مجزرة جديدة في ريف حماة.. مسلحون يقتلون عشرة مدنيين في قرية أرزة"))
    assert "destruction_of_property" in violations(
        "Turkish drones struck a gas facility in the countryside twice on Saturday.")
    assert "attack_on_civilians" in violations(
        "The attack on the Tadamon neighbourhood in April 2013 killed dozens of people.")


@pytest.mark.parametrize(("text", "place"), [
    # the ending ة written -a / -ah / -eh
    ("In al-Mukhtariya, residents said gunmen went from house to house and killed 30 men.",
     "Mukhtariyah"),
    ("Gunmen shot dead ten villagers in Arzeh on 31 January.", "Arzah"),
])
def test_transliterated_endings(text: str, place: str) -> None:
    assert place in scenes(text)


def test_a_womans_name_is_no_village() -> None:
    # "Samira" must not become the village "Samirah" by the -a/-ah rule
    r = run("Gunmen killed her husband, Samira said. Samira now lives with her daughter.")
    assert r["places"] == []


@pytest.mark.parametrize(("text", "place", "role"), [
    # where a delegation comes from and the seat of a governor are no scenes
    ("A delegation from Idlib travelled to the capital for talks on the fate of 40 detainees.",
     "Idlib", "origin"),
    ("The new governor of Latakia promised to investigate the killings in Jableh.", "Latakia",
     "base"),
    ("وقال محافظ حمص إن التحقيق في مقتل ٣ مدنيين في حي الخالدية مستمر.", "Homs", "base"),
    # a destination where the events then happened is a scene
    ("He was arrested in Aleppo in 2013 and later transferred to Saydnaya military prison, "
     "where he died under torture in 2015.", "Saydnaya", "scene"),
])
def test_titles_delegations_and_where_clauses(text: str, place: str, role: str) -> None:
    assert roles(text).get(place) == role


def test_arabic_verbs_start_words_and_american_numeric_dates() -> None:
    # "الجاري" (current) holds the letters of "لجأ" (took refuge): no destination
    assert roles("اعتقلت قوات الأمن ٧ شبان في الحادي عشر من آذار الجاري في مدينة جبلة.",
                 "2025-03-12").get("Jableh") == "scene"
    # "فرع" (branch) is no "فر" (fled)
    assert roles("وقال إن عناصر فرع الأمن العسكري في حلب عذبوه.").get("Aleppo") == "scene"
    # day first, unless that date lies after publication and month first does not
    assert event_dates("Gunmen killed 4 people on 3/10/2025 near Homs.", "2025-03-12") == \
        ["2025-03-10"]
    assert event_dates("Gunmen killed 4 people on 3/10/2025 near Homs.", "2025-11-01") == \
        ["2025-10-03"]


@pytest.mark.parametrize(("text", "expected"), [
    ("لقي ثلاثة شبان مصرعهم برصاص مجهولين قرب الحاجز.", "killing"),
    ("وتوفي المعتقل تحت التعذيب في سجن صيدنايا.", "killing"),
    ("أعدم التنظيم خمسة رجال رمياً بالرصاص في الساحة العامة.", "execution"),
    ("ولا يزال مصيرهم مجهولاً حتى اليوم.", "enforced_disappearance"),
    ("ألقت المروحيات براميل متفجرة على الأحياء السكنية.", "attack_on_civilians"),
    ("Thirteen prisoners were hanged in the prison yard in 2014.", "execution"),
    ("Interrogators suspended him by his wrists for hours.", "torture"),
    ("Soldiers searched homes in the village and took the men away.", "home_invasion"),
    ("Thousands were deported to the north on green buses.", "forced_displacement"),
    ("Jets dropped cluster munitions on the town's market.", "attack_on_civilians"),
    ("The boy succumbed to his wounds two days later.", "killing"),
])
def test_standard_wording_of_monitors_and_wires(text: str, expected: str) -> None:
    assert expected in violations(text)


def test_the_date_a_toll_was_given_is_a_statements() -> None:
    dates = event_dates("At least 99 people have been killed since Sunday. The ministry gave a "
                        "lower figure on Monday evening, saying 30 people had been killed.",
                        "2025-07-15")
    assert "2025-07-14" not in dates
    assert "2025-07-13/2025-07-15" in dates


def test_anchors_and_prepositions() -> None:
    # "in the weeks after 6 March" is no event on 6 March
    assert "2025-03-06" not in event_dates(
        "Nearly 30,000 people fled across the border in the weeks after 6 March.", "2025-04-22")
    # "على" (on) is no village, even after a checkpoint
    assert scenes("قالوا إن عناصر الحاجز على أول الشارع أوقفوه واعتقلوه.") == set()


def test_an_arabic_quarter_followed_by_its_city() -> None:
    assert {"al-Khalidiya", "Homs"} <= scenes("قتل شاب برصاص مجهولين في الخالدية بحمص.")
    # without its city after it, a bare common word stays unread ("في القبو": in the basement)
    assert scenes("وجدوا الجثث في القبو تحت البناء.") == set()


@pytest.mark.parametrize(("text", "expected"), [
    ("Gunmen killed four men in the early hours of Friday.", "2025-03-07"),
    ("Gunmen killed four men on the night of Friday.", "2025-03-07"),
    ("In the final days of February, hundreds of people were killed in the province.",
     "2025-02"),
])
def test_parts_of_days_and_months(text: str, expected: str) -> None:
    assert expected in event_dates(text, "2025-03-12")


@pytest.mark.parametrize(("text", "attack"), [
    # a toll of fighters, or a strike on a military target, is no attack on civilians
    ("US-led coalition air strikes killed 20 IS militants near Hajin on Monday.", False),
    ("Russian air strikes on rebel positions in Idlib killed 12 fighters.", False),
    ("Israeli warplanes struck the army headquarters near a square in central Damascus, "
     "killing three guards.", False),
    ("قصف جوي أدى إلى مقتل ١٢ عنصراً من الفصائل.", False),
    # civilians named, or a vehicle on a village road
    ("Air strikes killed 12 fighters and 3 civilians in the town.", True),
    ("A Turkish drone targeted a motorcycle near the village, killing two civilians.", True),
    ("Helicopters dropped barrel bombs on Arbin.", True),
])
def test_attacks_on_civilians_need_civilians(text: str, attack: bool) -> None:
    assert ("attack_on_civilians" in violations(text)) is attack


def test_a_threat_of_arrest_is_a_threat_not_an_arrest() -> None:
    v = violations("وجدت أن مسلحين استولوا على المنزل وهددوها بالاعتقال إن عادت مرة أخرى.")
    assert "threat_or_intimidation" in v and "arbitrary_detention" not in v
    v = violations("The officers threatened him with arrest if he returned to the village.")
    assert "threat_or_intimidation" in v and "arbitrary_detention" not in v


def test_more_levantine_posts() -> None:
    v = violations("فاتوا مسلحين عالحي وصاروا يطلّعوا الشباب من البيوت ويقوّصوهن قدام أهاليهن.")
    assert {"home_invasion", "killing"} <= v
    assert "killing" in violations("جيراننا عيلة كاملة انقتلت بالبيت.")


def test_leaving_a_building_is_no_displacement() -> None:
    assert "forced_displacement" not in violations("After prayers, people left the mosque "
                                                   "quietly and went home.")
