"""Round 5 (lead): words that cannot open a source's name, and the document's own voice."""

from __future__ import annotations

from dalil.extract import extract_document


def _sources(text: str) -> list[str]:
    return [q["name"] for q in extract_document(text, published="2024-07-02").to_dict()[
        "quoted_sources"]]


def test_a_fronted_phrase_is_not_a_source() -> None:
    names = _sources(
        "The Syrian Network for Human Rights released its monthly report on Monday. Among the "
        "incidents the network documented was the killing of a teacher in Saraqib on 3 June by "
        "unidentified gunmen.")
    assert not any(n.lower().startswith("among") for n in names)


def test_a_headline_count_is_not_a_source() -> None:
    names = _sources(
        "Monitor: 45 Civilian Deaths and 120 Arbitrary Arrests Documented in Syria in June\n\n"
        "The monitoring group said in its report that at least 45 civilians were killed in "
        "June, among them nine children.")
    assert not any(n[:1].isdigit() for n in names), names


def test_a_question_is_not_a_source() -> None:
    names = _sources(
        "Why Families in Afrin Say They Cannot Go Home\n\n"
        "Families who fled Afrin in 2018 said armed men seized their houses and olive groves.")
    assert not any(n.lower().startswith("why") for n in names), names


def test_a_clause_caught_as_subject_is_not_a_source() -> None:
    names = _sources(
        "The local council runs a clinic that serves four villages and says it has recorded "
        "twelve deaths from shelling since May.")
    assert not any(len(n.split()) >= 6 and " that " in f" {n} " for n in names), names


def test_the_documents_own_voice_is_not_listed_as_a_source() -> None:
    names = _sources(
        "At least 112 civilians were killed in Syria in April, including 19 children. They "
        "included 40 people killed in Idlib and 22 in Deraa.")
    assert "author" not in names


def test_a_withheld_name_with_a_relative_clause_stays_a_source() -> None:
    names = _sources(
        "A resident who asked not to be named said gunmen shot two brothers outside their home "
        "in Jableh on Sunday.")
    assert any(n.startswith("A resident") for n in names), names


def _claims(text: str, published: str = "2024-07-02") -> list[tuple[str, str]]:
    return [(c["text"], c["attributed_to"]) for c in extract_document(
        text, published=published).to_dict()["claims"]]


def test_a_third_person_press_release_speaks_for_its_body() -> None:
    claims = _claims(
        "Geneva – The Syrian Centre for Justice and Accountability (SCJA) today released its "
        "quarterly report on detention, which documents the arrest of at least 310 people in "
        "Deir ez-Zor between April and June 2024.\n\n"
        "The report notes that 41 of those arrested were later transferred to unknown places.")
    assert claims and all(who == "Syrian Centre for Justice and Accountability"
                          for _text, who in claims), claims


def test_a_wire_about_a_bodys_report_stays_the_wires() -> None:
    claims = _claims(
        "BEIRUT (Reuters) - The Syrian Centre for Justice and Accountability released its "
        "quarterly report on Tuesday, saying at least 310 people were arrested in Deir ez-Zor.\n\n"
        "Fighting between tribal forces and the SDF killed four people near al-Busayrah last "
        "week.")
    assert ("Fighting between tribal forces and the SDF killed four people near al-Busayrah "
            "last week.", "author") in claims, claims


def test_an_arabic_statement_in_the_present_tense_is_the_bodys() -> None:
    claims = _claims(
        "تعلن وزارة الداخلية أن وحدات من الأمن الداخلي ألقت القبض على المدعو خالد يوسف العمر في "
        "ريف حمص الشمالي، بعد متابعة دقيقة.\n\n"
        "وقد ضُبط بحوزته مسدس وثلاث قنابل يدوية ومبلغ من المال.")
    assert claims and all(who == "وزارة الداخلية" for _text, who in claims), claims


def test_a_body_heading_its_own_report_asserts_its_unattributed_claims() -> None:
    claims = _claims(
        "Euphrates Documentation Project — Monthly report\n\n"
        "In May 2024, 23 civilians were killed in Raqqa governorate, among them six children. "
        "Unidentified gunmen shot dead a teacher in al-Mansoura on 9 May.")
    body = [(text, who) for text, who in claims if "killed" in text or "shot" in text]
    assert len(body) == 2 and all(who == "Euphrates Documentation Project" for _text, who in body), \
        claims


def test_the_kind_of_report_in_a_header_is_no_speaker() -> None:
    for header in ("Hasakah Monitoring Group — Monthly report", "Weekly Report: Idlib",
                   "Raqqa Truth Project | Special report"):
        text = f"{header}\n\nIn May 2024, 23 civilians were killed in Raqqa governorate."
        assert not {"Monthly", "Weekly", "Special"} & set(_sources(text)), header
        assert not {"Monthly", "Weekly", "Special"} & {who for _t, who in _claims(text)}, header


def test_the_body_named_short_is_the_body() -> None:
    claims = _claims(
        "Euphrates Documentation Project — Monthly report\n\n"
        "In May 2024, 23 civilians were killed in Raqqa governorate. The project also recorded "
        "the displacement of some 60 families from al-Karama.")
    assert {who for _t, who in claims} == {"Euphrates Documentation Project"}, claims


def test_al_hijri_and_the_hijri_calendar_are_not_displacement() -> None:
    def viols(text: str) -> list[str]:
        return list(extract_document(text, published="2025-07-20").to_dict()["violations"])

    assert "forced_displacement" not in viols(
        "هاجمت ميليشيات الهجري قرية المزرعة في ريف السويداء وقتلت ثلاثة من أبناء العشائر.")
    assert "forced_displacement" not in viols("في عام ١٤٤٥ هجرية اعتقل ثلاثة شبان من القرية.")
    assert "forced_displacement" in viols("هجروا أهالي القرية بالقوة بعد أن أحرقوا المنازل.")
    assert "forced_displacement" in viols("قالت إن المسلحين هجرتهم من بيوتهم في ريف حماة.")


def test_a_clause_read_as_a_reporting_verbs_subject_is_no_speaker() -> None:
    claims = _claims(
        "The Jarablus Local Council, which runs the town with Turkish support, put the death "
        "toll at nine in a statement posted on its website on Monday.")
    assert all(not who.startswith("put ") for _t, who in claims), claims
    assert any("Jarablus Local Council" in who for _t, who in claims), claims


def test_plausible_speaker() -> None:
    from dalil.extract.attribution import plausible_speaker

    for bad in ("put the death toll at 11 in a statement", "We aimed to", "(a pseudonym)",
                "Of 1,214 reported incidents", "بتصريح", "للقتلى بالبيان", "Among the incidents"):
        assert not plausible_speaker(bad), bad
    for good in ("a relative I spoke to", "The Azaz Local Council", "Umm Yasser", "الأهالي",
                 "بشار الحسن", "residents", "Dr. Lina Kassab"):
        assert plausible_speaker(good), good


def _perps(text: str) -> list[tuple[str, list[str]]]:
    return [(p["canonical"], p["attributed_to"]) for p in extract_document(
        text, published="2023-04-12").to_dict()["perpetrators"]]


def test_the_accused_of_an_arabic_accusation_is_the_perpetrator() -> None:
    perps = _perps("قتل ثلاثة مدنيين جراء قصف مدفعي استهدف بلدة كفرنبل. واتهم ناشطون قوات "
                   "النظام المتمركزة في معسكر جورين بالوقوف وراء القصف.")
    assert perps == [("Assad-era forces and loyalists", ["ناشطون"])], perps
    perps = _perps("قتل طفلان بانفجار لغم في ريف درعا. واتهم ناشطون محليون مسلحين مجهولين "
                   "بزرع الألغام.")
    assert [p for p, _who in perps] == ["unidentified gunmen"], perps
    assert perps[0][1] == ["ناشطون محليون"], perps


def test_the_accuser_right_after_the_verb_is_not_the_accused() -> None:
    perps = _perps("أصيب خمسة مدنيين بقصف على قرية في ريف منبج. واتهمت قوات سوريا الديمقراطية "
                   "الجيش الوطني بقصف القرية.")
    assert [p for p, _who in perps] == ["Syrian National Army"], perps


def test_the_war_that_left_the_ordnance_does_not_date_the_explosion() -> None:
    def dates(text: str) -> list[str | None]:
        return [d["date"] for d in extract_document(text, published="2025-11-03").to_dict()[
            "dates"]]

    assert "2017" not in dates("Two days later, a landmine left over from the fighting of 2017 "
                               "killed three shepherds near Thiban.")
    assert dates("A mine, a remnant of the battles of 2019, killed a boy near Khan Shaykhun on "
                 "3 May.") == ["2025-05-03"]
    assert "2018" not in dates("قتل طفلان بانفجار لغم من مخلفات معارك عام ٢٠١٨ في ريف درعا يوم "
                               "الثلاثاء.")
    assert dates("Government forces shelled the town in 2017, killing three shepherds.") == ["2017"]


def test_an_editors_note_above_a_translated_post_is_not_its_header() -> None:
    claims = _claims(
        "[Translated from Arabic. Post on the Facebook page of the Saraqib Local Council, "
        "4 May 2024, 10:15]\n\n"
        "Saraqib Local Council\n4 May 2024 · Public\n\n"
        "Statement on the shelling of Saraqib\n\n"
        "At dawn today, artillery shells struck the eastern neighbourhoods of our city, killing "
        "two civilians and wounding six others.", published="2024-05-04")
    body = [who for text, who in claims if "killing" in text]
    assert body == ["Saraqib Local Council"], claims


def test_a_court_heading_its_press_release_speaks_for_itself() -> None:
    claims = _claims(
        "Regional Court of Appeal Stuttgart\nPress Release No. 7/2025\n\n"
        "Stuttgart, 3 March 2025\n\n"
        "The court today sentenced a former Syrian intelligence officer to nine years in prison "
        "for complicity in the torture of at least 40 detainees in Damascus in 2012.",
        published="2025-03-03")
    body = [who for text, who in claims if "sentenced" in text]
    assert body == ["Regional Court of Appeal Stuttgart"], claims
