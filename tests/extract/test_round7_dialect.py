"""Seventh round: Levantine dialect in testimonies, voice-note transcripts and posts. Every
sentence here is fictional, written for this test (never an evaluation text); places are real.

Categories: dialect month names and clitics ("كانون التاني", "بآذار", "وبتشرين الأول ٢٠١٢",
"بشباط اللي فات"), and dialect forms of violations ("فاتوا على البيوت", "ما حدا بيعرف عنن شي",
"كانوا معتقلينه", "البيت كان محروق"). Each has three sentences in different wordings and a near
miss that must not fire.
"""

from __future__ import annotations

from typing import Any

import pytest

from dalil.extract import extract_document


def run(text: str, published: str | None = "2025-02-10") -> dict[str, Any]:
    return extract_document(text, published=published).to_dict()


def dates(text: str) -> list[str | None]:
    return [d["date"] for d in run(text)["dates"]]


# -- dialect months: "التاني" for "الثاني" ---------------------------------------------------


@pytest.mark.parametrize(("text", "date"), [
    ("يوم الخميس ١٦ كانون التاني فاتوا عالحارة وقوصوا على الناس.", "2025-01-16"),
    ("انعتقل خيي بـ ٣ تشرين التاني ٢٠١٩ وما رجع.", "2019-11-03"),
    ("صار القصف عالسوق ٢٢ كانون التاني ٢٠١٣ الضهر.", "2013-01-22"),
])
def test_tani_month_names(text: str, date: str) -> None:
    assert date in dates(text)


# -- a month glued to "ب" (in): "بآذار", "وبتشرين الأول ٢٠١٢", "بشهر أيار" ------------------


@pytest.mark.parametrize(("text", "date"), [
    ("بتشرين الأول ٢٠١٢ صار في اشتباكات بالضيعة ونزحت عيل كتير.", "2012-10"),
    ("وبحزيران ٢٠١٦ قصفوا الفرن وانقتل تلاتة.", "2016-06"),
    ("بشهر أيار ٢٠١٨ اعتقلوا ابن عمي عالحاجز.", "2018-05"),
])
def test_month_with_clitic_bi(text: str, date: str) -> None:
    assert date in dates(text)


@pytest.mark.parametrize(("text", "date"), [
    # "last March" counts from the post's date (10 February 2025)
    ("بآذار يلي فات قتلو ١٢ واحد من الضيعة بيوم واحد.", "2024-03"),
    ("بتموز اللي فات خطفوا جارنا ولهلأ ما رجع.", "2024-07"),
    ("آب الماضي حرقوا محلات السوق.", "2024-08"),
])
def test_month_last_in_dialect(text: str, date: str) -> None:
    assert date in dates(text)


def test_bab_is_a_gate_not_august() -> None:
    # "باب" (door, gate) is not ب + آب (August)
    assert dates("وقفونا عند باب الهوى ساعتين وبعدين رجعونا.") == []
    assert dates("كسروا باب ٢٠١٢ الحديد وفاتوا.") == []


# -- violations in dialect ---------------------------------------------------------------------


@pytest.mark.parametrize("text", [
    "الشبيحة فاتوا على البيوت وكسروا كل شي.",
    "بالليل فاتو على بيتنا تلات مسلحين وفتشوا الغرف.",
    "العناصر فاتوا على المنازل يلي بطرف الضيعة.",
])
def test_fatu_ala_buyut_is_home_invasion(text: str) -> None:
    assert "home_invasion" in run(text)["violations"]


def test_fatu_ala_the_square_is_not_home_invasion() -> None:
    assert "home_invasion" not in run("فاتوا على الساحة وصاروا يهتفوا.")["violations"]


@pytest.mark.parametrize("text", [
    "أخدوا خمس شباب من الحارة ولهلأ ما حدا بيعرف عنن شي.",
    "من وقت الحاجز ما حدا يعرف عنن أي خبر.",
    "سحبوا ولادنا ع الفرع وما منعرف عنن شي.",
])
def test_nobody_knows_about_them_is_disappearance(text: str) -> None:
    assert "enforced_disappearance" in run(text)["violations"]


def test_nobody_knows_where_the_car_is_not_disappearance() -> None:
    assert "enforced_disappearance" not in run("أخدوا السيارة عالتصليح وبكرا بترجع.")["violations"]


@pytest.mark.parametrize("text", [
    "أخوي الكبير كانوا معتقلينه من آب ٢٠١١ بفرع الأمن العسكري.",
    "الأمن معتقلينهم من شهرين بلا محاكمة.",
    "صرلهن سنة معتقلينها بسجن عدرا.",
])
def test_muataqalinu_is_detention(text: str) -> None:
    assert "arbitrary_detention" in run(text)["violations"]


def test_muataqalin_as_a_noun_phrase_still_detention_not_other() -> None:
    # the near miss: "أخدوا السيارة" (they took the car) is not a detention
    assert "arbitrary_detention" not in run("أخدوا السيارة من قدام البيت الصبح.")["violations"]


@pytest.mark.parametrize("text", [
    "وبيت جيراننا آل عبد الرزاق كان محروق وما ضل فيه حدا.",
    "لما رجعنا البيوت كلها محروقة.",
    "المحل تبع أبو خالد طلع محروق من جوا.",
])
def test_house_found_burnt_is_arson(text: str) -> None:
    assert "arson" in run(text)["violations"]


def test_burnt_food_is_not_arson() -> None:
    assert "arson" not in run("الأكل كان محروق شوي بس أكلناه.")["violations"]


# -- "لما" (when), "ولادنا" (our children), "لاجئين" are not the negations "لم", "لا" ----------


@pytest.mark.parametrize(("text", "kind"), [
    ("لما رجعنا عالضيعة لقينا البيوت كلها محروقة.", "arson"),
    ("ولادنا اعتقلوهم عالحاجز الصبح.", "arbitrary_detention"),
    ("لاجئين من دير الزور انقتلوا بالقصف عالمخيم.", "killing"),
])
def test_lamma_and_words_in_la_are_not_negations(text: str, kind: str) -> None:
    assert kind in run(text)["violations"]


def test_lam_is_still_a_negation() -> None:
    assert "arbitrary_detention" not in run("لم يعتقلوا أحداً من الحارة.")["violations"]


# -- dialect counts: "عشرين واحد" (twenty people), "انعتقل ١٠٠ شب" ----------------------------


def casualties(text: str) -> list[tuple[int, str]]:
    return [(f["value"], f["what"]) for f in run(text)["casualty_figures"]]


@pytest.mark.parametrize(("text", "figure"), [
    ("قتلوا خمسين واحد من الضيعة بالليل.", (50, "killed")),
    ("بالمجزرة انقتل تلاتين واحد من عيلة وحدة.", (30, "killed")),
    ("انقتل عشرين واحد بالقصف عالسوق الصبح.", (20, "killed")),
])
def test_number_word_then_wahid_counts_people(text: str, figure: tuple[int, str]) -> None:
    assert figure in casualties(text)


def test_wahid_wa_ishrin_is_still_twenty_one() -> None:
    assert (21, "killed") in casualties("انقتل واحد وعشرين شخص بالقصف عالسوق.")


@pytest.mark.parametrize(("text", "figure"), [
    ("انعتقل ١٠٠ شب بالحملة عالحارة.", (100, "detained")),
    ("اتعتقل تلات شباب عالحاجز امبارح.", (3, "detained")),
    ("اعتقلو خمسة من الحارة وأخدوهن عالفرع.", (5, "detained")),
])
def test_levantine_detention_verbs_count(text: str, figure: tuple[int, str]) -> None:
    assert figure in casualties(text)


def test_detained_for_a_year_is_no_count() -> None:
    # the near miss: "صار له سنة" (a year now) counts no one
    assert casualties("انعتقل خيي عالحاجز وصار له سنة ما منعرف عنه شي.") == []


# -- "١٥ سيارة فيها مسلحين": the vehicles are counted, not the gunmen in them --------------------


def others(text: str) -> list[tuple[int, str]]:
    return [(f["value"], f["what"]) for f in run(text)["other_figures"]]


@pytest.mark.parametrize(("text", "figure"), [
    ("فاتو عالضيعة شي ١٥ سيارة فيها مسلحين وكسرو البواب.", (15, "vehicles")),
    ("دخلت ٢٠ سيارة تحمل مسلحين إلى القرية الظهر.", (20, "vehicles")),
    ("وقفت ٣ سيارة مليانة عناصر قدام الجامع.", (3, "vehicles")),
])
def test_vehicles_carrying_gunmen_count_vehicles(text: str, figure: tuple[int, str]) -> None:
    assert figure in others(text)


def test_gunmen_in_a_vehicle_count_gunmen() -> None:
    # the near miss: the number is on the gunmen, the car comes first
    assert (6, "fighters") in others("وصلت سيارة فيها ٦ مسلحين عالحاجز.")


# -- "الملثمين": masked men named again with the article ----------------------------------------


@pytest.mark.parametrize("text", [
    "الملثمين حرقوا بيت أبو خالد بالضيعة امبارح.",
    "المسلحين الملثمين فاتوا على البيوت بالليل.",
    "بالليل رجعوا الرجال الملثمين وخطفوا جارنا.",
])
def test_masked_men_with_the_article_are_agents(text: str) -> None:
    assert "masked men" in [p["canonical"] for p in run(text)["perpetrators"]]


def test_masked_men_doing_nothing_are_no_perpetrators() -> None:
    assert run("الملثمين وقفوا عالحاجز وما عملوا شي.")["perpetrators"] == []
