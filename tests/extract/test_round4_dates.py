"""Fourth round of date rules, each on a short fictional sentence written for this test (never an
evaluation text): Arabic month names after a preposition, days counted back from a named day or
from publication, "since that day", narrative dates and the year a text is speaking of."""

from __future__ import annotations

from datetime import date
from typing import Any

import pytest

from dalil.extract import extract_document
from dalil.extract.dates import find_dates
from dalil.extract.text import prepare


def run(text: str, published: str | None = "2025-06-10") -> dict[str, Any]:
    return extract_document(text, published=published).to_dict()


def event_dates(text: str, published: str | None = "2025-06-10") -> list[str]:
    return [d["date"] for d in run(text, published)["dates"] if d["date"]]


def found(text: str, published: date | None = date(2025, 6, 10)) -> list[str | None]:
    return [d.date for d in find_dates(prepare(text).norm, published)]


@pytest.mark.parametrize(("text", "expected"), [
    # "أبريل" begins with the letters of "آب" (August): the whole name is the month
    ("في أبريل ٢٠١٤ نُقل زوجي إلى فرع آخر", ["2014-04"]),
    ("أُطلق سراحه في أواخر أبريل 2016", ["2016-04"]),
    ("في شهر أبريل اعتُقل شقيقي", ["2025-04"]),
    ("في آب الماضي اعتُقل شقيقي", ["2024-08"]),
])
def test_arabic_month_names_are_whole_words(text: str, expected: list[str]) -> None:
    assert found(text) == expected


def test_days_counted_back() -> None:
    # from the day just named
    assert found("The bakery in Maarat al-Numan was hit on 4 May. Three days earlier, a school "
                 "in the same town was shelled.") == ["2025-05-04", "2025-05-01"]
    assert found("قصفت الطائرات المخبز في ٤ أيار. وقبل ذلك بيومين قُصفت مدرسة في البلدة") == [
        "2025-05-04", "2025-05-02"]
    # from publication
    assert found("Gunmen shot dead a shepherd near Salamiyah two days ago.") == ["2025-06-08"]
    assert found("اعتقلت دورية ثلاثة شبان من القرية قبل يومين") == ["2025-06-08"]
    # "two days before the vote" counts from something that is no date
    assert found("The men were detained two days before the vote.") == []


def test_since_that_day_is_not_today() -> None:
    assert found("اختفى ابني عند الحاجز، ومنذ ذلك اليوم لا نعرف عنه شيئاً") == []
    assert found("اعتُقل ثلاثة شبان اليوم في البلدة") == ["2025-06-10"]


@pytest.mark.parametrize(("text", "expected"), [
    ("The army besieged the eastern districts of Deir ez-Zor between July and December 2016.",
     ["2016-07/2016-12"]),
    ("From March to May, checkpoints around the town detained dozens of men.",
     ["2025-03/2025-05"]),
    ("حوصرت البلدة من تموز إلى كانون الأول ٢٠١٦", ["2016-07/2016-12"]),
    # a winter across the new year
    ("Between November and February 2014, the camp received no food.", ["2013-11/2014-02"]),
    # a day interval is still a day interval
    ("Gunmen raided the villages from March 6 to March 10.", ["2025-03-06/2025-03-10"]),
])
def test_month_intervals_with_one_year(text: str, expected: list[str]) -> None:
    assert found(text) == expected


@pytest.mark.parametrize(("text", "published", "expected"), [
    # a text about 2016: "12 December" a paragraph on is December 2016
    ("Government forces began their offensive on the old city on 15 November 2016.\n\n"
     "Hospitals closed one after another.\n\n"
     "Soldiers shot dead 30 civilians in their homes on 12 December.",
     date(2023, 5, 1), ["2016-11-15", "2016-12-12"]),
    ("In 2013, the army tightened its siege of the eastern suburbs.\n\n"
     "On 21 August, rockets fell on Zamalka before dawn.", date(2021, 3, 1), ["2013", "2013-08-21"]),
    # the story is current (a year-less date already resolved near publication): keep the
    # publication's year
    ("Gunmen killed five shepherds on 6 March.\n\nIn 2013, rebels overran the same villages.\n\n"
     "On 8 March, the gunmen came back.", date(2025, 3, 20),
     ["2025-03-06", "2013", "2025-03-08"]),
    # "last April" counts from publication even in a paragraph about 2013
    ("My brother was taken on 14 April 2013. The video was posted last April.", date(2022, 5, 10),
     ["2013-04-14", "2022-04"]),
    ("اعتُقل أخي في ١٤ نيسان ٢٠١٣. ونُشر الفيديو في نيسان الماضي", date(2022, 5, 10),
     ["2013-04-14", "2022-04"]),
])
def test_the_year_the_text_speaks_of(text: str, published: date, expected: list[str]) -> None:
    assert found(text, published) == expected


@pytest.mark.parametrize(("text", "expected"), [
    # armed men's acts without a violation word date reported events in a report of violations
    ("Gunmen shot dead four farmers near Tell Kalakh on 2 May, a monitor said.\n\n"
     "On 5 May, army units stormed the neighbouring village of Ayn al-Jaj.",
     ["2025-05-02", "2025-05-05"]),
    ("Gunmen shot dead four farmers near Tell Kalakh on 2 May, a monitor said.\n\n"
     "It was just after dawn on 4 May when the first armoured vehicles of the security forces "
     "drove into the village.", ["2025-05-02", "2025-05-04"]),
    ("قتل مسلحون أربعة مزارعين قرب تلكلخ في ٢ أيار.\n\nوكانت وحدات الجيش قد أحبطت في ٣٠ نيسان "
     "محاولة تسلل على محور القرية.", ["2025-05-02", "2025-04-30"]),
    ("Security forces detained the journalist Rami Saleh on 3 March 2019.\n\n"
     "He was released in the autumn of 2020 without charge.", ["2019-03-03", "2020"]),
    ("اعتُقل المعلم في ٣ آذار ٢٠١٩ من منزله في حمص.\n\nأُفرج عنه في أواخر أيار ٢٠٢٠.",
     ["2019-03-03", "2020-05"]),
])
def test_narrative_dates_of_armed_acts(text: str, expected: list[str]) -> None:
    assert event_dates(text) == expected


@pytest.mark.parametrize(("text", "absent"), [
    # not acts: a meeting, a report, a departure into exile, a statement
    ("Gunmen shot dead four farmers near Tell Kalakh on 2 May.\n\nThe provincial council met "
     "on 6 May to discuss compensation.", "2025-05-06"),
    ("Gunmen shot dead four farmers near Tell Kalakh on 2 May.\n\nThe family left Syria in 2015 "
     "and settled in Gaziantep in 2016.", "2015"),
    # the act is where the sentence starts from: "after an ambush on Thursday"
    ("Gunmen shot dead four farmers near Tell Kalakh on 2 May.\n\nReinforcements had been "
     "sent to the area after an ambush on 28 April.", "2025-04-28"),
    # no violation reported at all: a tour of a front line is no event of a report
    ("Army units entered the town of Saraqib on 3 February, the ministry said.", "2025-02-03"),
])
def test_dates_that_are_no_narrative_events(text: str, absent: str) -> None:
    assert absent not in event_dates(text)


def test_arabic_yesterday_with_prefixes_and_a_posts_morning() -> None:
    assert found("وبالأمس داهمت دورية قرية الحوايج", date(2024, 8, 12)) == ["2024-08-11"]
    assert found("بالأمس اعتقلوا ستة شبان", date(2024, 8, 12)) == ["2024-08-11"]
    # "since six in the morning" in a post: today
    assert found("الطيران عم يقصف البلدة من الساعة خمسة الصبح", date(2024, 8, 12)) == [
        "2024-08-12"]
    post = ("صفحة أخبار الميادين\n١٢ آب ٢٠٢٤، ١٠:٠٥\n\n"
            "عاجل | قصف على قرية الجنينة من الساعة ستة الصبح، ووصلنا خبر عن ثلاثة شهداء.\n\n"
            "وبالأمس داهمت دورية القرية واعتقلت ١٠ شباب.")
    assert event_dates(post, "2024-08-12") == ["2024-08-12", "2024-08-11"]


@pytest.mark.parametrize(("text", "expected"), [
    ("Gunmen shot dead four farmers near Tell Kalakh on 2 May.\n\n"
     "On 5 May, men in uniform fired on cars at the entrance of the village.",
     ["2025-05-02", "2025-05-05"]),
    ("قتل مسلحون أربعة مزارعين قرب تلكلخ في ٢ أيار.\n\n"
     "وقال أهالٍ إن مسلحين أجبروا العائلات يوم أمس على مغادرة منازلها.",
     ["2025-05-02", "2025-06-09"]),
])
def test_gunfire_and_forcing_out_date_events(text: str, expected: list[str]) -> None:
    assert event_dates(text) == expected


@pytest.mark.parametrize(("text", "absent"), [
    # a year naming a document, a survey's year, a bound
    ("Gunmen shot dead 40 men in the village in 2013. In a 2016 report, a monitor counted 300 "
     "dead in the district.", "2016"),
    ("Aircraft destroyed most of the old market in 2014; a satellite survey in 2019 counted 900 "
     "destroyed buildings.", "2019"),
    ("Shelling hit the hospital on 3 October 2016 and all clinics in the district were out of "
     "service by late November.", "2016-11"),
])
def test_documents_and_bounds_are_not_event_dates(text: str, absent: str) -> None:
    assert absent not in event_dates(text, "2020-01-01")


@pytest.mark.parametrize(("text", "absent"), [
    # the verb of publishing after the date
    ("Gunmen executed eleven men at the school in 2014. In March 2019 a video of the killings "
     "was posted online.", "2019-03"),
    ("أعدم مسلحون أحد عشر رجلاً في المدرسة عام ٢٠١٤. وفي آذار ٢٠١٩ نُشر مقطع مصور للإعدامات.",
     "2019-03"),
    # a ceasefire's signing
    ("Shelling killed six people in Kafranbel, the worst since the ceasefire agreement signed in "
     "March 2020.", "2020-03"),
    ("قُتل ستة مدنيين بقصف على كفرنبل، في أعنف قصف منذ اتفاق وقف إطلاق النار الموقّع في آذار "
     "٢٠٢٠.", "2020-03"),
])
def test_publishing_and_signing_are_not_event_dates(text: str, absent: str) -> None:
    assert absent not in event_dates(text, "2023-10-07")


def test_a_press_release_dates_itself_in_brackets() -> None:
    text = ("MSF condemns strike on clinic\n\nGENEVA (June 3, 2019) — A clinic supported by "
            "the group in Kafr Nabl was hit by air strikes on Sunday, killing two nurses.\n\n"
            "It was the third health facility in the town that has been attacked since May 1.")
    assert event_dates(text, "2019-06-03") == ["2019-06-02", "2019-05-01/2019-06-03"]


@pytest.mark.parametrize(("text", "present"), [
    ("Gunmen killed 40 men in the village in 2013. More than 100,000 people remain missing "
     "today, the network said.", False),
    ("Gunmen killed 40 men in the village in 2013. Today, 300 families from the village still "
     "live in tents near the border.", False),
    ("قتل مسلحون ٤٠ رجلاً في القرية عام ٢٠١٣. ويعيش اليوم أكثر من ٣٠٠ عائلة من القرية في "
     "الخيام.", False),
    # today as the day of the events
    ("Gunmen killed five people in the village today, residents said.", True),
    ("قتل مسلحون خمسة أشخاص في القرية اليوم.", True),
    ("Today, gunmen shot dead five people who were still in their homes.", True),
])
def test_today_meaning_nowadays_is_no_date(text: str, present: bool) -> None:
    assert ("2023-10-07" in event_dates(text, "2023-10-07")) is present


def test_attacks_by_armed_actors_date_events_but_not_an_attack_followed() -> None:
    text = ("Shelling killed two children in Atarib this morning.\n\n"
            "Since the start of September, our teams have responded to more than 700 attacks by "
            "government forces in the province.")
    assert event_dates(text, "2023-10-20") == ["2023-10-20", "2023-09-01/2023-10-20"]
    text = ("Gunmen killed 30 villagers near Jableh in May 2025. The violence followed an "
            "insurgent attack on an army checkpoint on 2 May 2025.")
    assert event_dates(text, "2025-06-01") == ["2025-05"]


@pytest.mark.parametrize(("text", "published", "expected"), [
    # a story told in the pluperfect: the "since" ends in the story
    ("Rebels took the old city in 2012. By the summer of 2014 the district had been under "
     "siege since 3 June 2013.", date(2020, 1, 1), ["2012", "2014", "2013-06-03"]),
    # a text telling of 2016: the "since" is no interval to publication
    ("Forces began an offensive on 15 November 2016.\n\nSince 20 November, aircraft have "
     "dropped 400 barrel bombs on the eastern districts.", date(2023, 5, 1),
     ["2016-11-15", "2016-11-20"]),
    # reported speech keeps the interval until the report
    ("The office said it had verified the killing of 50 civilians since 6 March.",
     date(2025, 3, 20), ["2025-03-06/2025-03-20"]),
    ("He has been held in the branch since 3 May.", date(2025, 6, 1), ["2025-05-03/2025-06-01"]),
])
def test_since_in_a_story_of_the_past(text: str, published: date, expected: list[str]) -> None:
    assert found(text, published) == expected


@pytest.mark.parametrize("text", [
    "The UN Security Council met on 10 March to discuss the killings of Alawite civilians.",
    "The committee has until 30 June to submit its findings on the killings.",
    "The trial of two men accused of the massacre is scheduled to begin on 14 October.",
    "Relatives held a vigil on 12 April for the 40 men executed in the village.",
    "On 5 May, the ministry said 30 people had been killed in the clashes.",
    "In a meeting on 5 May, the council discussed the abductions.",
    "عقد مجلس الأمن جلسة في ١٠ آذار لبحث مقتل المدنيين.",
    "وفي ٥ أيار، قالت الوزارة إن ٣٠ شخصاً قتلوا في الاشتباكات.",
])
def test_meetings_deadlines_and_statements_are_no_event_dates(text: str) -> None:
    assert event_dates(text, "2025-06-20") == []


@pytest.mark.parametrize(("text", "expected"), [
    # the wire's "on Friday, a monitor said" dates the killing, not the saying
    ("Gunmen killed 12 people in the village on Friday, a war monitor said.", ["2025-06-20"]),
    ("On 5 May, gunmen killed five people, the ministry said.", ["2025-05-05"]),
    ("Security forces opened fire on protesters on 2 June, killing four.", ["2025-06-02"]),
    ("اعتُقل الناشط دون محاكمة منذ ٣ شباط ٢٠١٩ في سجن صيدنايا.", ["2019-02-03/2025-06-20"]),
])
def test_events_next_to_saying_and_trials_keep_their_dates(text: str,
                                                           expected: list[str]) -> None:
    assert event_dates(text, "2025-06-20") == expected


@pytest.mark.parametrize(("text", "expected"), [
    # a part of a year or a season is the year (no month of its own)
    ("In mid-2014, the group executed hundreds of men of the tribe.", ["2014"]),
    ("Late 2012 saw the first barrel bombs fall on the district.", ["2012"]),
    ("The army shelled the camp in autumn 2013.", ["2013"]),
    ("قصفت الطائرات المخيم في ربيع ٢٠١٣ ومطلع ٢٠١٤", ["2013", "2014"]),
    # a season across two years, two years, a decade
    ("Dozens starved in the winter of 2013-2014.", ["2013/2014"]),
    ("Residents were detained in 2012 and 2013.", ["2012", "2013"]),
    ("Thousands were killed in Hama in the 1980s.", ["1980/1989"]),
])
def test_parts_of_years_seasons_and_decades(text: str, expected: list[str]) -> None:
    assert found(text, date(2020, 1, 1)) == expected


def test_by_early_is_a_bound() -> None:
    assert "2014" not in event_dates("Aircraft killed at least 200 civilians in the town by "
                                     "early 2014.", "2020-01-01")


def test_a_weekday_in_a_paragraph_about_an_earlier_year_has_no_anchor() -> None:
    text = "In March 2013 the army came to the village. On Friday, soldiers burned the houses."
    assert found(text, date(2025, 3, 10)) == ["2013-03", None]
    # a paragraph of its own keeps the publication's week
    assert found("In 2013, rebels overran the village.\n\nOn Friday, gunmen killed five men.",
                 date(2025, 3, 10)) == ["2013", "2025-03-07"]


def test_the_next_day_in_arabic_and_after_a_date_of_saying() -> None:
    assert found("قُصفت البلدة يوم ١٤ تشرين الثاني. وفي اليوم التالي استهدفت مسيّرة سيارة",
                 date(2023, 11, 20)) == ["2023-11-14", "2023-11-15"]
    # "the group said on Saturday" is no anchor of "the next morning"
    assert found("Gunmen abducted three aid workers on the evening of 9 May, the group said on "
                 "Saturday. Their car was found burned the next morning.",
                 date(2025, 5, 12)) == ["2025-05-09", "2025-05-10", "2025-05-10"]


def test_ransoms_date_a_kidnapping_and_a_trend_is_not_today() -> None:
    text = ("Gunmen kidnapped a pharmacist in Jasim on 3 March.\n\nOn 6 March the kidnappers "
            "demanded a ransom of 20,000 dollars from his family.")
    assert event_dates(text) == ["2025-03-03", "2025-03-06"]
    text = ("Gunmen kidnapped a pharmacist in Jasim on 3 March. Ransoms have gone from a few "
            "hundred dollars in 2019 to thousands of dollars today, a lawyer said.")
    assert "2025-06-10" not in event_dates(text)


@pytest.mark.parametrize(("text", "expected"), [
    ("Relatives detained at checkpoints in April and May have disappeared.",
     ["2025-04", "2025-05"]),
    # "and may" is a verb
    ("He was detained in April and may have been moved to Saydnaya.", ["2025-04"]),
    ("وفي ٢ من الشهر الجاري، اعتقلت دورية شابين من البلدة", ["2025-06-02"]),
])
def test_two_months_and_a_numbered_day_of_this_month(text: str,
                                                     expected: list[str]) -> None:
    assert found(text) == expected


def test_a_week_earlier_or_later_and_until_the_next_day() -> None:
    assert found("The market was hit on 15 November. The last bulldozer had been hit a week "
                 "earlier.", date(2016, 11, 30)) == ["2016-11-15", "2016-11-08"]
    assert found("قُصف السوق في ١٥ تشرين الثاني. وبعد أسبوع قُصفت المدرسة",
                 date(2016, 11, 30)) == ["2016-11-15", "2016-11-22"]
    assert found("قُصف السوق في ١٥ تشرين الثاني. وبعد يومين قُصفت المدرسة",
                 date(2016, 11, 30)) == ["2016-11-15", "2016-11-17"]
    # "until the following day" ends something; it anchors nothing after it
    assert found("The market was hit on 15 November; one body was not identified until the "
                 "following day. A week earlier, the bakery was hit.",
                 date(2016, 11, 30)) == ["2016-11-15", "2016-11-08"]


@pytest.mark.parametrize(("text", "expected"), [
    ("عاد الأهالي إلى القرية في ١٠ آذار ليجدوا منازلهم مدمرة.", "2025-03-10"),
    ("وقع الهجوم فجر ٨ آذار.", "2025-03-08"),
    ("The raid came on 3 March, residents said.", "2025-03-03"),
    ("On 20 March, residents returned to find the bodies of three men near the river.",
     "2025-03-20"),
    ("سيطرت فصائل المعارضة على البلدة في ١٢ آذار.", "2025-03-12"),
])
def test_returning_to_find_and_when_an_attack_came(text: str, expected: str) -> None:
    base = "قتل مسلحون خمسة رجال في القرية في ٢ آذار.\n\n"
    assert event_dates(base + text, "2025-03-25") == ["2025-03-02", expected]


@pytest.mark.parametrize(("text", "expected"), [
    ("\"My son was taken on 3 January and we have heard nothing since,\" his mother said.",
     "2025-01-03"),
    ("On the morning of 9 March, neighbours helped us bury them in the orchard.",
     "2025-03-09"),
    ("اقتيد شقيقي من الحاجز في ٣ كانون الثاني ولم نسمع عنه شيئاً.", "2025-01-03"),
])
def test_taken_away_and_buried(text: str, expected: str) -> None:
    base = "Gunmen killed five men in the village on 2 January.\n\n"
    assert event_dates(base + text, "2025-03-25") == ["2025-01-02", expected]


def test_taken_to_hospital_is_no_act_of_armed_men() -> None:
    base = "Gunmen killed five men in the village on 2 January.\n\n"
    assert event_dates(base + "The wounded were taken to hospital in Homs on 4 January.",
                       "2025-03-25") == ["2025-01-02"]
