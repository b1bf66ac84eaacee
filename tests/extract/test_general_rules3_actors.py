"""Third round of general rules for perpetrators, victim groups, quoted sources, attribution and
hedging, each on a short fictional sentence written for this test.

The patterns come from how real reports are written (wire leads and their second paragraph,
relief-agency updates, state-media communiques, testimonies), never from the evaluation texts.
"""

from __future__ import annotations

from typing import Any

import pytest

from dalil.extract import extract_document


def run(text: str, published: str | None = "2025-06-10") -> dict[str, Any]:
    return extract_document(text, published=published).to_dict()


def perps(r: dict[str, Any]) -> set[str]:
    return {p["canonical"] for p in r["perpetrators"]}


def victims(r: dict[str, Any]) -> set[str]:
    return {v["canonical"] for v in r["victim_groups"]}


def sources(r: dict[str, Any]) -> dict[str, tuple[str, bool]]:
    return {s["name"]: (s["role"], s["pseudonymous"]) for s in r["quoted_sources"]}


def claim_with(r: dict[str, Any], words: str) -> dict[str, Any]:
    return next(c for c in r["claims"] if words in c["text"])


# -- perpetrators ----------------------------------------------------------------------------


@pytest.mark.parametrize(("text", "expected"), [
    # the attack clause after a passive names the agent
    ("Two shepherds were killed on Sunday when the PKK/YPG terror group fired mortars at a "
     "village near Tal Abyad.", {"People's Protection Units (YPG)"}),
    ("Two people were killed after Israeli drones struck a car on the Quneitra road.",
     {"Israeli forces"}),
    # a pronoun after a fronted source or time is the subject: the actor of the sentence before
    ("On Tuesday evening, armed men came back to the hamlet of Deir Mama. According to two "
     "farmers, they went from house to house and set fire to the olive press.",
     {"unidentified gunmen"}),
    # a registry name for a ministry: its members as agents
    ("Relatives said four men were executed by members of the defence and interior ministries "
     "at a farm outside Sweida on 15 July 2025.", {"Syrian government forces (2025-)"}),
    # "carried out the attack": named as responsible
    ("The inquiry found that government forces carried out the attack on the market of Saraqeb "
     "in May 2017, killing 11 people.", {"Assad-era forces and loyalists"}),
    # "attacks by X and Y"
    ("Rescuers said they had answered more than 300 attacks by the regime and Russia in rural "
     "Idlib since June 2019, in which dozens of people were killed.",
     {"Assad-era forces and loyalists", "Russian forces"}),
])
def test_agents(text: str, expected: set[str]) -> None:
    assert perps(run(text, None)) == expected


def test_definite_attack_refers_to_the_lead_paragraph() -> None:
    text = ("Turkish warplanes struck a power station near Qamishli on Friday, officials said.\n\n"
            "The local health authority said four workers were killed in the Qamishli strikes.")
    assert perps(run(text)) == {"Turkish forces"}


def test_victims_described_as_passive_are_not_agents() -> None:
    # "the men were detained": the men are victims, the actor before is not re-used
    text = ("Lawyers say 30 men have disappeared since government forces entered the town in "
            "February. Relatives say the men were detained at a checkpoint.")
    assert perps(run(text)) == set()


def test_the_loser_of_ground_is_no_agent() -> None:
    text = ("Rebel fighters seized the town from the YPG in 2016 in an offensive that forced "
            "thousands of residents to flee.")
    assert "People's Protection Units (YPG)" not in perps(run(text, None))


def test_a_label_tied_to_a_named_group_is_that_group() -> None:
    # state media call the group terrorists and name it: the label is not another perpetrator
    text = ("أفاد مراسل سانا أن إرهابيي \"جبهة النصرة\" استهدفوا بقذائف صاروخية بلدة محردة، "
            "ما أدى إلى استشهاد طفلين. وقال مصدر طبي إن اعتداءات التنظيمات الإرهابية تتكرر.")
    # the name the source uses, counted under the group that grew out of it
    got = run(text)["perpetrators"]
    assert [(p["canonical"], p["groups"]) for p in got] == [("Jabhat al-Nusra",
                                                            ["Hayat Tahrir al-Sham"])]


def test_combat_losses_make_no_perpetrator() -> None:
    text = ("وذكر مراسل سانا أن وحدات من الجيش ردت على مصادر النيران وأوقعت قتلى في صفوف "
            "المسلحين في ريف إدلب.")
    assert perps(run(text, "2017-05-02")) == set()


def test_a_denial_is_not_an_admission() -> None:
    text = ("The defence ministry denied that its units had killed civilians in Sweida, saying "
            "they had entered the city only to end the fighting.")
    assert perps(run(text)) == set()


# -- victim groups -----------------------------------------------------------------------------


@pytest.mark.parametrize(("text", "expected"), [
    # the community of a scene, said in a sentence that only sets it
    ("Until March she lived in Deir Mama, a small Alawite village in the Masyaf hills. Armed men "
     "killed her husband there on 7 March 2025.", {"Alawites"}),
    # counted people of a community, in a report with events
    ("Fighting killed 12 people in Sweida on 14 July 2025. About 900 Bedouin families have "
     "since left the city for Daraa.", {"Bedouin"}),
    ("قتل مسلحون ١٤ مدنياً من أبناء الطائفة العلوية في قرية بريف حماة يوم ٨ آذار ٢٠٢٥.",
     {"Alawites"}),
    ("نناشد المنظمات الدولية التدخل، فالموحدون الدروز في السويداء يتعرضون لحملة قتل منذ ١٣ تموز "
     "٢٠٢٥ قتل فيها ٤٠ مدنياً.", {"Druze"}),
    ("Rights groups warned of a campaign of violence against Ismaili farmers near Salamiyah, "
     "where two men were shot dead on 3 May 2025.", {"Ismailis"}),
])
def test_victim_communities(text: str, expected: set[str]) -> None:
    assert victims(run(text, None)) == expected


def test_the_community_of_a_destination_is_no_victim() -> None:
    text = ("Gunmen killed three farmers in the village on 2 March 2025, and dozens of families "
            "fled toward the Christian-majority town of Mhardeh.")
    assert "Christians" not in victims(run(text, None))


def test_a_community_without_events_is_no_victim() -> None:
    text = "About 900 Bedouin families live in the eastern countryside of Sweida."
    assert victims(run(text, None)) == set()


# -- quoted sources ------------------------------------------------------------------------------


def test_a_name_given_only_as_is_the_name_and_pseudonymous() -> None:
    r = run('A mechanic who gave his name only as Abu Nidal said gunmen took his two sons. '
            '"We never saw them again," he said.')
    assert sources(r).get("Abu Nidal") == ("witness", True)


def test_relative_and_passive_subjects_are_no_sources() -> None:
    text = ("Around ten armed men, some of whom said they were from the police, took the doctor "
            "from his clinic on 3 May. His brother was told he would be freed \"within days\".")
    names = set(sources(run(text)))
    assert not any("whom" in n or n.endswith(" was") for n in names)


def test_prepositional_openers_and_passives_name_no_source() -> None:
    text = ("Despite a truce announced on 19 July, shelling continued to be reported in the "
            "western countryside of Sweida, where two children were killed.")
    assert sources(run(text)) == {}


def test_author_organisation_speaking_by_name() -> None:
    r = run("Amnesty International has nonetheless documented at least 12 cases in which people "
            "were detained by security forces without a warrant.")
    c = claim_with(r, "documented at least 12 cases")
    assert c["attributed_to"] == "Amnesty International"
    assert sources(r)["Amnesty International"] == ("NGO", False)


def test_appositive_toll_speaker_is_the_name() -> None:
    r = run("A monitoring group, the Syrian Network for Human Rights, put the toll at nine dead, "
            "including four children.")
    assert claim_with(r, "put the toll")["attributed_to"] == \
        "the Syrian Network for Human Rights"


def test_where_a_witness_lives_is_not_their_role() -> None:
    r = run('"They shot my son in front of me," said Umm Hassan, a nurse from Douma who now lives '
            'in Ankara, Turkey, and who asked to be identified by her kunya.')
    assert sources(r)["Umm Hassan"] == ("witness", True)


def test_document_named_after_its_author() -> None:
    r = run("A French government assessment issued a week later put the toll at 200 dead.")
    assert "A French government" in sources(r)


def test_aid_agencies_are_ngos_and_committees_officials() -> None:
    r = run("Aid agencies report that 30 bodies remain uncollected in Jableh. A fact-finding "
            "committee appointed by the presidency said it had received 900 complaints.")
    roles = {n: v[0] for n, v in sources(r).items()}
    assert roles.get("Aid agencies") == "NGO"
    assert any(n.startswith("A fact-finding committee") and role == "official"
               for n, role in roles.items())


def test_condemned_attributes_and_it_follows_the_speaker() -> None:
    r = run("Syria's interior ministry condemned what it called a terrorist attack on a "
            "checkpoint in Homs. It denied that its forces had detained any civilians.")
    c = claim_with(r, "denied that its forces")
    assert c["attributed_to"] == "Syria's interior ministry"


@pytest.mark.parametrize(("text", "name", "role"), [
    # a reporter in a place: the reporter is the source, the place is where
    ("وذكر مراسل سانا في حمص أن قذيفة سقطت على حي الزهراء ما أدى إلى مقتل طفل.", "مراسل سانا",
     "media"),
    # "according to the Observatory's documentation": the Observatory
    ("قتل ١٢ مدنياً في القرية وفق توثيقات المرصد السوري لحقوق الإنسان.",
     "المرصد السوري لحقوق الإنسان", "NGO"),
    ("ارتفعت الحصيلة إلى ٢٧ قتيلاً وفق إحصائية غير نهائية للشبكة السورية لحقوق الإنسان.",
     "الشبكة السورية لحقوق الإنسان", "NGO"),
    # a breaking-news line: "Local sources to the page:" — the sources, not the page
    ("عاجل | مصادر محلية للصفحة: مسلحون يقتحمون منازل في بلدة المزرعة ويقتلون رجلين.",
     "مصادر محلية", "other"),
    ("قالت محافظة حمص في بيان إن ما جرى حالات فردية.", "محافظة حمص", "official"),
])
def test_arabic_source_names(text: str, name: str, role: str) -> None:
    got = sources(run(text))
    assert name in got, got
    assert got[name][0] == role


def test_arabic_estimates_of_nobody_name_no_source() -> None:
    r = run("ويقدر عدد سكان المدينة بنحو ٥٠٠ ألف نسمة، بحسب تقديرات محلية.")
    assert "تقديرات محلية" not in sources(r)


# -- hedging -----------------------------------------------------------------------------------


@pytest.mark.parametrize("text", [
    "A former detainee said he had seen the lawyer in a prison in Adra. The group has not been "
    "able to verify this account.",
    "Activists said nine men had been executed in the village. It was not possible to "
    "independently verify the report.",
    "The monitor said the evidence strongly suggests that the shells were fired from the hill.",
])
def test_hedges(text: str) -> None:
    r = run(text)
    assert r["claims"][0]["hedged"]


def test_a_disclaimer_of_the_accounts_in_the_lead_covers_what_follows() -> None:
    text = ("FACTBOX-Abductions on the coast\n\n"
            "June 10 (Wire) - Following are incidents reported in Latakia province this month. "
            "The Wire could not independently verify the accounts.\n\n"
            "* JUNE 3 - Gunmen abducted four men from a bakery in Jableh, residents said.\n\n"
            "* JUNE 6 - The Interior Ministry said two suspects had been arrested.")
    r = run(text)
    assert claim_with(r, "abducted four men")["hedged"]
    assert claim_with(r, "two suspects")["hedged"]


def test_plain_attribution_stays_unhedged() -> None:
    r = run("The Syrian Observatory for Human Rights said 14 people were killed in Jableh.")
    assert not r["claims"][0]["hedged"]


# -- what real reports also say ------------------------------------------------------------------


@pytest.mark.parametrize(("text", "expected"), [
    ("Residents accused members of the Sultan Murad Division of looting shops in the village "
     "on 3 March 2025.", {"Sultan Murad Division"}),
    ("Ahrar al-Sham fighters executed two captured soldiers near Ariha in 2015.",
     {"Ahrar al-Sham"}),
    ("A strike, which the Observatory said was carried out by Russian jets, killed seven people "
     "in Kafr Nabl on 2 June 2019.", {"Russian forces"}),
    ("اتهم ناشطون عناصر من الأمن العام بقتل ثلاثة شبان في قرية بريف حمص يوم ٥ آذار ٢٠٢٥.",
     {"General Security"}),
])
def test_more_agents(text: str, expected: set[str]) -> None:
    assert perps(run(text, None)) == expected


def test_the_speaker_of_a_relative_clause() -> None:
    r = run("A strike, which the Observatory said was carried out by Russian jets, killed seven "
            "people in Kafr Nabl on 2 June 2019.")
    assert r["claims"][0]["attributed_to"] == "the Observatory"


def test_arabic_subject_before_its_object() -> None:
    r = run("اتهم ناشطون عناصر من الأمن العام بقتل ثلاثة شبان في قرية بريف حمص.")
    assert r["claims"][0]["attributed_to"] == "ناشطون"


@pytest.mark.parametrize("text", [
    "It was not immediately clear who was behind the attack, which killed four people in Jableh.",
    "Activists said 12 people were killed, which the Wire could not immediately verify.",
    "وبحسب ما تناقلته صفحات محلية، قتل ثلاثة شبان في القرية.",
])
def test_more_hedges(text: str) -> None:
    assert run(text)["claims"][0]["hedged"]


def test_first_name_only_is_pseudonymous() -> None:
    r = run("Hala, 29, who spoke on condition that only her first name be used, said gunmen shot "
            "her brother on 7 March 2025.")
    assert sources(r)["Hala"] == ("witness", True)


@pytest.mark.parametrize(("text", "name"), [
    ("A military source told state news agency SANA that the dead were all soldiers.", "SANA"),
    ("وقالت وزارة الداخلية في بيان نقلته وكالة الأنباء الرسمية (سانا) إن قواتها اعتقلت ثلاثة "
     "مشتبه بهم.", "سانا"),
])
def test_the_outlet_that_carried_a_statement(text: str, name: str) -> None:
    got = sources(run(text))
    assert got.get(name) == ("media", False), got


def test_the_own_outlet_is_not_cited() -> None:
    text = ("Enab Baladi – Hama\n\nGunmen abducted a pharmacist in the city on Friday, his "
            "brother told Enab Baladi.")
    assert "Enab Baladi" not in sources(run(text))


def test_arabic_speaker_before_where_the_statement_was_carried() -> None:
    r = run("وقالت وزارة الداخلية في بيان نقلته وكالة الأنباء الرسمية (سانا) إن قواتها اعتقلت "
            "ثلاثة مشتبه بهم.")
    assert r["claims"][0]["attributed_to"] == "وزارة الداخلية"


def test_source_names_without_their_descriptions() -> None:
    r = run("A UN investigation team led by Sven Lund confirmed that sarin had been used in the "
            "attack. Local activists' lists named 300 victims of the attack.")
    names = set(sources(r))
    assert "A UN investigation team" in names
    assert "Local activists" in names


def test_an_unnamed_military_source_is_anonymous() -> None:
    r = run("A military source told the agency that four soldiers were killed.")
    assert sources(r)["A military source"] == ("official", True)


def test_subject_after_a_fronted_time_without_comma() -> None:
    r = run("During the reporting week our field researchers documented the killing of 9 "
            "civilians in Homs.")
    assert r["claims"][0]["attributed_to"] == "our field researchers"


def test_a_belief_is_attributed_and_hedged() -> None:
    r = run("Relatives believe the men were detained by government forces in 2012.")
    c = r["claims"][0]
    assert c["attributed_to"] == "Relatives"
    assert c["hedged"]


def test_reasonable_grounds_to_believe_names_the_commission() -> None:
    r = run("Men were screened by intelligence services; the Commission has reasonable grounds "
            "to believe that hundreds of them were arbitrarily detained.")
    assert any(c["attributed_to"] == "the Commission" for c in r["claims"])


def test_disputed_account_is_no_social_media_account() -> None:
    r = run("Relatives disputed that account, saying the gunmen had threatened the family days "
            "earlier.")
    assert sources(r)["Relatives"] == ("witness", False)


def test_a_statement_line_quoted_by_state_tv() -> None:
    r = run("5/ Interior ministry statement, quoted by state TV: the Asayish opened fire on "
            "civilians near the checkpoint.")
    got = sources(r)
    assert got.get("Interior ministry") == ("official", False)
    assert got.get("state TV") == ("media", False)
    assert r["claims"][0]["attributed_to"] == "Interior ministry"


def test_remains_disputed_names_no_speaker() -> None:
    r = run("The identity of the attackers remains disputed after the killing of four men.")
    assert sources(r) == {}


# -- monitors' breakdowns, Arabic chains and lists -------------------------------------------------


def test_a_toll_broken_down_by_perpetrator() -> None:
    text = ("وثقت الرابطة في أيلول مقتل ٥٠ مدنياً. وتوزعت حصيلة الضحايا بحسب الجهات الفاعلة على "
            "النحو التالي:\n- القوات الروسية: 12 مدنياً.\n- قوات سوريا الديمقراطية: 5 مدنيين.\n"
            "- هيئة تحرير الشام: 3 مدنيين.")
    assert perps(run(text, "2019-10-02")) >= {"Russian forces", "Syrian Democratic Forces",
                                              "Hayat Tahrir al-Sham"}


def test_a_list_without_a_perpetrator_header_names_no_perpetrator() -> None:
    text = ("قتل ٢٠ مدنياً في المحافظة خلال أيلول. وتوزعت الحصيلة بحسب المناطق:\n"
            "- مناطق انتشار القوات الروسية: 12 مدنياً.\n- ريف إدلب: 5 مدنيين.")
    assert "Russian forces" not in perps(run(text, "2019-10-02"))


def test_so_called_group_names_in_an_arabic_agent_chain() -> None:
    text = ("رصد فريقنا اختطاف ١٢ مواطناً من قرى ناحية راجو على يد عناصر ما يسمى \"فرقة الحمزة\" "
            "و\"فرقة السلطان مراد\" خلال تشرين الأول ٢٠٢٣.")
    assert perps(run(text, None)) == {"Hamza Division", "Sultan Murad Division"}


def test_arabic_group_and_its_auxiliaries() -> None:
    text = ("قتل ٤٠ مدنياً في ريف بانياس يوم ٨ آذار ٢٠٢٥ في عمليات إعدام ميدانية نفذها عناصر من "
            "قوات الأمن ومجموعات مسلحة رديفة لها.")
    got = run(text, None)["perpetrators"]
    assert {p["canonical"] for p in got} == {"Syrian government forces (2025-)",
                                             "auxiliary factions"}


def test_arabic_coordinated_verb_after_the_agent() -> None:
    text = ("وروى أحد سكان القرية أن مسلحين ملثمين دخلوا القرية صباح الجمعة السابع من آذار ٢٠٢٥ "
            "قادمين من الطريق الجبلي، وداهموا المنازل واحداً تلو الآخر.")
    assert perps(run(text, None)) == {"masked men"}


def test_the_attacked_posts_are_not_the_agent() -> None:
    text = ("قتل ١٦ عنصراً على الأقل عندما هاجم مسلحون موالون للنظام المخلوع دوريات وحواجز للأمن "
            "العام في مدينة جبلة يوم ٦ آذار ٢٠٢٥.")
    assert "Syrian government forces (2025-)" not in perps(run(text, None))


def test_fire_from_regime_positions() -> None:
    text = "قتل طفلان بقصف على سراقب يوم ٣ أيار ٢٠١٩، وقال مراسل الوكالة إن القصف مصدره مواقع قوات النظام."
    assert perps(run(text, None)) == {"Assad-era forces and loyalists"}


def test_factions_belonging_to_a_known_group_are_that_group() -> None:
    text = "وثقت الرابطة اختطاف ٢٣ مدنياً في جنديرس على يد فصائل مسلحة تابعة للجيش الوطني في أيلول ٢٠٢٤."
    assert perps(run(text, None)) == {"Syrian National Army"}


def test_a_group_backed_by_a_patron_is_not_the_patron() -> None:
    text = ("تواصل الفصائل المسلحة المدعومة من دولة الاحتلال التركي ارتكاب الانتهاكات بحق المدنيين "
            "في عفرين منذ ٢٠١٨.")
    got = perps(run(text, None))
    assert "Turkish forces" not in got
    assert any("المدعومة" in p for p in got)


def test_a_denial_of_killings_is_no_admission() -> None:
    text = ("The Defence Ministry denies that its forces have carried out any killings in Sweida "
            "and says outlaw groups wearing uniforms are to blame.")
    assert "Syrian government forces (2025-)" not in perps(run(text))


def test_a_speech_aside_does_not_block_the_agent() -> None:
    text = ("Two former detainees described similar treatment at the Military Intelligence branch "
            "in Homs in 2013, where, they said, three men in their cell died after beatings.")
    assert "Military Intelligence (Military Security)" in perps(run(text, None))


def test_a_violation_noun_subject_of_its_own_clause() -> None:
    text = ("Since the 2018 deal, under which rebel factions in Daraa handed over their heavy "
            "weapons, kidnapping has become a business.")
    assert perps(run(text, None)) == set()


def test_kurdish_outlets_name_the_turkish_army_as_occupation() -> None:
    r = run("Two civilians were killed on Saturday in attacks carried out by the Turkish "
            "occupation army on the countryside of Qamishli.")
    got = {p["canonical"]: p["aliases"] for p in r["perpetrators"]}
    assert "Turkish occupation army" in got.get("Turkish forces", [])


def test_a_label_tied_to_a_named_group_in_a_headline() -> None:
    text = ("YPG terror group kills two civilians in Tal Abyad\n\n"
            "Terrorists fire mortars at village, local sources say\n\n"
            "Two civilians were killed on Friday when the YPG terror group fired mortars at a "
            "village near Tal Abyad.")
    assert perps(run(text)) == {"People's Protection Units (YPG)"}


# -- the publishing body speaking in the first person ---------------------------------------------


def test_a_council_statement_speaking_in_the_first_person() -> None:
    text = ("Press release\n\nLocal Council of Kafr Batna\n\nDamascus, 3 March 2025\n\n"
            "Our people were forced from these streets by the former regime in 2018, and more "
            "than 200 homes were looted.")
    r = run(text)
    assert claim_with(r, "Our people")["attributed_to"] == "Local Council of Kafr Batna"
    assert sources(r).get("Local Council of Kafr Batna") == ("official", False)


def test_an_arabic_monitor_report_speaking_in_the_first_person() -> None:
    text = ("الشبكة السورية لحقوق الإنسان\nحصيلة شهر أيلول\n\n"
            "سجلنا ما لا يقل عن ٩٠ حالة اعتقال تعسفي في أيلول ٢٠٢٤، بينها ٤ أطفال.")
    r = run(text, "2024-10-02")
    assert r["claims"][-1]["attributed_to"] == "الشبكة السورية لحقوق الإنسان"


def test_our_office_is_the_body_that_publishes() -> None:
    text = ("الإدارة الذاتية الديمقراطية لشمال وشرق سوريا\n\nبيان إلى الرأي العام\n\n"
            "رصد مكتبنا اختطاف ١٢ مواطناً من قرى ناحية راجو خلال أيلول ٢٠٢٣.")
    r = run(text, "2023-10-02")
    assert r["claims"][-1]["attributed_to"].startswith("الإدارة الذاتية")


def test_a_report_of_a_commission() -> None:
    text = ("Report of the Commission of Inquiry on Syria (excerpt)\n\n"
            "12. We documented 14 attacks on markets in southern Idlib in 2019.")
    r = run(text, "2020-01-10")
    assert r["claims"][-1]["attributed_to"] == "Commission of Inquiry on Syria"


def test_a_headline_is_not_a_publisher() -> None:
    text = ("Turkish drone kills two civilians near Qamishli\n\n"
            "We were told that two men were killed on Saturday.")
    assert run(text)["claims"][-1]["attributed_to"] == "author"


# -- source names and roles in features and statements -----------------------------------------


@pytest.mark.parametrize(("text", "name", "expected"), [
    ("Another resident, who asked to be identified only by his first name, Samer, for fear of "
     "reprisals, said dozens of families had left.", "Samer", ("witness", True)),
    ("Khaled, a 41-year-old baker from Talbiseh whose name we have changed, said soldiers "
     "detained him in 2013.", "Khaled", ("witness", True)),
    ("A council official, Abu Adnan, who gave only his kunya, said at least 12 civilians had "
     "been killed by barrel bombs.", "Abu Adnan", ("official", True)),
    ("Her brother, a pharmacist, said the kidnappers demanded 20,000 dollars.", "Her brother",
     ("witness", False)),
    ("The Idlib Documentation Office recorded 31 abductions in the district in 2023.",
     "The Idlib Documentation Office", ("NGO", False)),
])
def test_person_sources(text: str, name: str, expected: tuple[str, bool]) -> None:
    assert sources(run(text)).get(name) == expected


def test_for_its_part_is_an_aside() -> None:
    r = run("The Turkish Defence Ministry, for its part, said its operations targeted only "
            "militants and that two civilians were not killed by its drones.")
    assert r["claims"][0]["attributed_to"] == "The Turkish Defence Ministry"


def test_the_channel_refers_back_to_the_channel() -> None:
    r = run("Suwayda 24, a local news channel on Telegram, reported that gunmen shot dead three "
            "men in the village. The Israeli military said it struck a convoy. The channel said "
            "tribal fighters set the homes alight.")
    assert claim_with(r, "set the homes alight")["attributed_to"] == "Suwayda 24"


def test_a_telegram_channel_named_in_passing_is_cited() -> None:
    r = run('Video circulating on Telegram channel "Sweida Now" appears to show houses on fire. '
            "The channel said tribal fighters set the homes alight.")
    assert sources(r)["Sweida Now"][0] == "social_media_account"
    assert claim_with(r, "set the homes alight")["attributed_to"] == "Sweida Now"


def test_two_ministries_are_two_sources() -> None:
    r = run("Syria's Interior Ministry said 30 people had been killed in Sweida. The Defence "
            "Ministry said its units had entered the city.")
    assert {"Syria's Interior Ministry", "The Defence Ministry"} <= set(sources(r))


def test_denies_then_says_is_the_ministry() -> None:
    r = run("The Defence Ministry denies that its forces have carried out any killings in Sweida "
            "and says outlaw groups are to blame.")
    assert r["claims"][0]["attributed_to"] == "The Defence Ministry"


@pytest.mark.parametrize("text", [
    "1. A stop to any demolition of houses before owners have documented their property;",
    "3. Funding for the repair of 3 schools, estimated at 4.5 million US dollars.",
    "He recognised the place when he saw a video of the killings published in April 2022.",
    "Both sides accuse each other of breaking the ceasefire near the dam.",
])
def test_no_speaker_in_subordinate_clauses_and_participles(text: str) -> None:
    assert sources(run(text)) == {}


def test_accuse_names_the_speakers() -> None:
    r = run("Local sources accuse several gangs of holding the detainees on farms near Izraa.")
    assert r["claims"][0]["attributed_to"] == "Local sources"


@pytest.mark.parametrize(("text", "name", "role"), [
    ("وقالت سيدة عرّفت عن نفسها باسم أم جعفر إن المسلحين أخرجوا الرجال إلى الساحة.", "أم جعفر",
     "witness"),
    ("نفى مصدر في وزارة الدفاع السورية أن تكون الوحدات النظامية قد استهدفت مدنيين.",
     "مصدر في وزارة الدفاع السورية", "official"),
    ("وأعلنت الرئاسة السورية تشكيل لجنة وطنية مستقلة للتحقيق في الأحداث.", "الرئاسة السورية",
     "official"),
    ("وقال ذووه إنه تعرض للضرب المبرح في أحد المقرات.", "ذووه", "witness"),
])
def test_more_arabic_source_names(text: str, name: str, role: str) -> None:
    got = sources(run(text))
    assert name in got, got
    assert got[name][0] == role


def test_a_breakdown_by_perpetrator_is_no_source() -> None:
    r = run("وتوزعت حصيلة الضحايا بحسب الجهات الفاعلة على النحو التالي: قوات النظام ٥١ مدنياً.")
    assert "الجهات الفاعلة" not in sources(r)


def test_violations_against_a_community() -> None:
    text = ("تواصل الفصائل ارتكاب الانتهاكات بحق من تبقى من أهلنا الكرد في منطقة عفرين، إذ اختطف "
            "عناصرها ٢٣ مواطناً في تشرين الأول ٢٠٢٣.")
    assert victims(run(text, None)) == {"Kurds"}


def test_an_age_appositive_keeps_the_speaker_before_the_verb() -> None:
    assert sources(run("Rami, 34, said gunmen took his brother."))["Rami"] == ("witness", False)


def test_a_number_in_a_name_is_no_age() -> None:
    r = run("Suwayda 24, a local news channel on Telegram, reported that gunmen shot dead three "
            "men in the village.")
    assert sources(r)["Suwayda 24"][0] == "social_media_account"


def test_an_arabic_testimony_header_describes_the_witness() -> None:
    text = ("شهادة رقم ١٢\nالشاهد: \"أبو سامر\" (اسم مستعار)، ٤٥ عاماً، من حي بابا عمرو\n\n"
            "اعتقلني عناصر الأمن من البيت في آذار ٢٠١٢.")
    assert sources(run(text, None)).get("أبو سامر") == ("witness", True)


@pytest.mark.parametrize(("text", "name"), [
    ("A.H. stated that in April 2013 a relative who still lived in the district told him that "
     "armed men had shot a group of detainees near the pit.", "a relative"),
    ("Rami said that his cousin told him that gunmen had killed two men at the checkpoint.",
     "his cousin"),
    ("The family kept a 2015 letter from the Military Police stating that they held no record of "
     "the detainee.", "the Military Police"),
])
def test_the_inner_source_of_hearsay_and_documents(text: str, name: str) -> None:
    assert run(text)["claims"][0]["attributed_to"] == name


def test_a_preliminary_survey_is_hedged() -> None:
    r = run("According to a preliminary survey, around 80 percent of the houses were destroyed.")
    assert r["claims"][0]["hedged"]


def test_the_protector_of_accused_gangs_is_not_accused() -> None:
    r = run("Residents accuse several gangs of working under the protection of Military "
            "Intelligence, and say the gangs kidnapped 12 people in 2024.")
    assert "Military Intelligence (Military Security)" not in perps(r)


def test_government_affiliated_forces_are_the_government() -> None:
    r = run("The network said 300 civilians were killed by government-affiliated forces between "
            "6 and 10 March 2025.")
    assert perps(r) == {"Syrian government forces (2025-)"}


@pytest.mark.parametrize(("text", "expected"), [
    ("Government forces and allied militias killed at least 30 people in Baniyas on 8 March "
     "2025.", {"Syrian government forces (2025-)", "militias"}),
    ("The Islamic State group claimed responsibility for the bombing, which killed 25 "
     "worshippers in a Damascus church on 22 June 2025.", {"Islamic State"}),
    ("أقدمت مجموعة مسلحة على قتل ثلاثة مدنيين في قرية قرب تلكلخ يوم ٤ شباط ٢٠٢٥.",
     {"armed groups"}),
    ("Security forces were accused of killing four protesters in Sweida on 2 May 2025.",
     {"Syrian government forces (2025-)"}),
])
def test_claims_of_responsibility_accusations_and_allies(text: str, expected: set[str]) -> None:
    assert perps(run(text, None)) == expected


def test_a_claim_of_responsibility_is_no_doubt_and_an_armed_group_is_no_ngo() -> None:
    r = run("The Islamic State group claimed responsibility for the bombing, which killed 25 "
            "worshippers in a Damascus church.")
    assert not r["claims"][0]["hedged"]
    assert sources(r)["The Islamic State group"][0] == "official"


def test_bare_plural_speaker_of_a_relative_clause() -> None:
    r = run("The strike, which residents blamed on Turkish drones, killed three people near "
            "Kobani on 3 May 2024.")
    assert r["claims"][0]["attributed_to"] == "residents"


def test_armenian_families_are_christians() -> None:
    r = run("Armenian families in Aleppo said their church was looted on 3 May 2025.")
    assert victims(r) == {"Christians"}


def test_a_bracketed_aside_after_a_name() -> None:
    r = run("Abu Khaled (not his real name), 45, told the Wire that gunmen took his son.")
    assert sources(r).get("Abu Khaled") == ("witness", True)


def test_a_dateline_date_is_no_speaker() -> None:
    r = run("ISTANBUL/BEIRUT, March 21 (Wire) - A Turkish-backed faction said on Tuesday it had "
            "handed over two suspects in the killing of four men.")
    assert "March 21" not in sources(r)


def test_a_health_directorate_is_official() -> None:
    r = run('"They came at night," said Dr. Ahmad Khalil, director of the Idlib Health '
            "Directorate.")
    assert sources(r)["Dr. Ahmad Khalil"][0] == "official"


def test_whom_an_arabic_speaker_told_is_cut_from_the_name() -> None:
    r = run("وقال الناشط الإعلامي محمد الأحمد لعنب بلدي إن عناصر الأمن اعتقلوا شقيقه.")
    assert not any("عنب" in n for n in sources(r))


@pytest.mark.parametrize(("text", "name"), [
    ("Human Rights Watch was able to confirm the names of 43 of those killed.",
     "Human Rights Watch"),
    ("أما الشبكة السورية لحقوق الإنسان فوثقت مقتل ما لا يقل عن ٤٢٠ مدنياً.",
     "الشبكة السورية لحقوق الإنسان"),
    ("The Damascus Governorate informed the council on 12 February that it has issued no "
     "demolition orders.", "The Damascus Governorate"),
])
def test_more_speakers(text: str, name: str) -> None:
    assert run(text)["claims"][0]["attributed_to"] == name


def test_arabic_added_with_a_quote_continues_the_speaker() -> None:
    r = run("وروى أحد سكان القرية للمرصد أن مسلحين دخلوا القرية. وأضاف \"أخرجوا الرجال إلى "
            "الساحة وأطلقوا النار عليهم\".")
    assert r["claims"][-1]["attributed_to"] == r["claims"][0]["attributed_to"]


def test_a_facebook_post_without_a_year_is_a_post() -> None:
    text = "سامي الحلبي\n١٢ كانون الثاني · حلب\n\nأخي انخطف على حاجز بحلب سنة ٢٠١٣ وما منعرف عنه شي."
    assert run(text, "2025-01-14")["claims"][-1]["attributed_to"] == "سامي الحلبي"


def test_they_who_fled_are_the_victims() -> None:
    text = ("Government forces entered the town of Kafr Nabl on 3 May 2019. Residents said they "
            "fled to the nearby fields.")
    assert perps(run(text, None)) == set()


def test_an_arabic_drone_after_targeting_is_the_agent() -> None:
    text = "قتل ثلاثة مدنيين إثر استهداف طائرة مسيرة تركية لسيارة في ريف القامشلي يوم ٣ أيار ٢٠٢٤."
    assert perps(run(text, None)) == {"Turkish forces"}


def test_kurdish_families_are_kurds() -> None:
    r = run("Fighters of the Amshat faction seized the houses of Kurdish families in Sheikh Hadid "
            "in 2019.", None)
    assert victims(r) == {"Kurds"}
    assert perps(r) == {"Sultan Suleiman Shah Brigade"}


def test_the_arabic_word_for_year_is_no_community() -> None:
    text = "طلعنا من الوعر بالباصات الخضر سنة ٢٠١٧ بعد أن قتلوا أخي، والسنة الماضية رجعنا."
    assert victims(run(text, None)) == set()


def test_men_who_claimed_to_belong_to_a_body_are_that_body() -> None:
    text = ("About eight armed men in civilian clothes, some of whom said they belonged to the "
            "General Security service, forced their way into his flat on 14 August 2025.")
    assert perps(run(text, None)) == {"General Security"}


def test_a_first_name_is_no_community() -> None:
    r = run("WHO spokesperson Christian Lindmeier said 12 people were killed in an air strike on a "
            "market in Idlib.")
    assert victims(r) == set()


@pytest.mark.parametrize(("text", "name"), [
    ("The local network Horan Free Gathering gave a higher figure of 52 cases for the same "
     "period, a discrepancy its director attributed to families who do not report abductions.",
     "Horan Free Gathering"),
    ("The state news agency SANA said all of the dead were civilians.", "SANA"),
    ("Local sources interviewed by Enab Baladi accuse several gangs of holding detainees.",
     "Local sources"),
    ("A resident of Sheikh Maqsoud said a sniper shot his neighbour.",
     "A resident of Sheikh Maqsoud"),
])
def test_names_without_their_descriptions_and_relatives(text: str, name: str) -> None:
    assert run(text)["claims"][0]["attributed_to"] == name


def test_sources_speaking_with_factions_are_not_officials() -> None:
    r = run("Local sources and former members of settlement factions said gangs held the men.")
    assert all(role != "official" for role, _p in sources(r).values())


@pytest.mark.parametrize(("text", "name", "role"), [
    ("A legal researcher at a Syrian human rights organization, Hiba Haddad, said the pattern "
     "resembled an economy of abduction.", "Hiba Haddad", "analyst"),
    ("Men went out to block the road, according to Khaled Saleh, a schoolteacher in the "
     "village.", "Khaled Saleh", "witness"),
    ("Returnees report that unknown persons have been removing doors and cables from empty "
     "houses.", "Returnees", "witness"),
])
def test_roles_from_what_people_are(text: str, name: str, role: str) -> None:
    assert sources(run(text))[name][0] == role


def test_a_disclaimer_of_one_sources_account() -> None:
    r = run('The Israeli military said soldiers had come under fire from "several militants" near '
            "the village. It did not say whether anyone had been hit. The Israeli account could "
            "not be independently verified.")
    assert r["claims"][0]["hedged"]


def test_a_disclaimer_of_the_figures_names_nobody() -> None:
    # "The figures": no source is named, and a claim without figures is not covered
    r = run("The Observatory said gunmen looted shops in the market. The figures could not be "
            "verified.")
    assert not r["claims"][0]["hedged"]


def test_arabic_relayed_source_and_its_carrier() -> None:
    r = run("وبحسب ما نقلت وكالة سانا عن مصدر في قيادة الشرطة، فإن المسلحين هاجموا الحاجز وقتلوا "
            "عنصرين.")
    got = sources(r)
    assert got.get("مصدر في قيادة الشرطة") == ("official", True)
    assert got.get("وكالة سانا") == ("media", False)
    assert r["claims"][0]["attributed_to"] == "مصدر في قيادة الشرطة"


def test_arabic_pseudonym_in_brackets() -> None:
    r = run("قال أبو خالد (اسم مستعار) لعنب بلدي إن عناصر الأمن اعتقلوا ابنه.")
    assert sources(r).get("أبو خالد", ("", False))[1] is True


def test_armed_groups_including_named_ones_are_those() -> None:
    text = ("Armed groups inside the enclave, including Jaysh al-Islam and Faylaq al-Rahman, fired "
            "mortars into Bab Touma, killing eight civilians on 6 March 2018.")
    assert perps(run(text, None)) == {"Jaysh al-Islam", "Faylaq al-Rahman"}
