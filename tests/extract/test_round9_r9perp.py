"""Ninth round, perpetrators and violations: categories of construction found in the errors of
blind sets 12 and 13 (and checked in the older development sets). Every sentence here is
fictional, written for this test (never an evaluation text); places and well-known units are
real. Each category has at least three sentences in different wordings (one Arabic where it
applies) and a near miss that must not fire.
"""

from __future__ import annotations

from typing import Any

import pytest

from dalil.extract import extract_document


def run(text: str, published: str | None = "2025-05-01") -> dict[str, Any]:
    return extract_document(text, published=published).to_dict()


def perps(text: str, published: str | None = "2025-05-01") -> list[str]:
    return [p["canonical"] for p in run(text, published)["perpetrators"]]


def violations(text: str) -> list[str]:
    return list(run(text)["violations"])


# -- the body that helped the agent: "assisted by", "with the help of", "بمساعدة" ----------------


@pytest.mark.parametrize(("text", "agent", "helper"), [
    ("Fighters of the Fourth Division executed nine men in Daraya in August 2012, acting "
     "together with local members of the National Defence Forces.", "Fourth Division",
     "National Defence Forces"),
    ("In 2013 Air Force Intelligence officers detained dozens of students in Mezzeh with the "
     "help of fighters of the National Defence Forces, a former detainee said.",
     "Air Force Intelligence", "National Defence Forces"),
    ("Survivors said Hamza Division gunmen looted the shops of Jinderes, aided by members of "
     "the Sultan Murad Division.", "Hamza Division", "Sultan Murad Division"),
    ("اعتقلت عناصر من الأمن العسكري ثلاثة شبان في حي التضامن بمساعدة عناصر من الدفاع الوطني.",
     "Military Intelligence (Military Security)", "National Defence Forces"),
])
def test_the_helper_of_an_agent_is_an_agent(text: str, agent: str, helper: str) -> None:
    found = perps(text)
    assert agent in found
    assert helper in found


def test_help_words_without_an_agent_name_no_one() -> None:
    # no agent before the help words: the Observatory helped reporters count, it did nothing
    text = ("With the help of the National Defence Forces' former members, reporters counted 40 "
            "dead in the village after the shelling.")
    assert "National Defence Forces" not in perps(text)


def test_buried_together_with_is_no_help() -> None:
    text = ("Gunmen killed a teacher in Jableh; he was buried together with members of the "
            "National Defence Forces who died in the same attack.")
    assert "National Defence Forces" not in perps(text)


# -- the police arresting suspects: no arbitrary detention, and the police no perpetrator --------


@pytest.mark.parametrize("text", [
    "The Interior Ministry said on Sunday it had arrested 12 members of a kidnapping network in "
    "Izraa and freed three hostages.",
    "Police in Homs detained the leader of an armed gang on the highway on Tuesday.",
    "وقال مسؤول أمني إن الأمن العام اعتقل أربعة من المشتبه بهم في الهجوم على القرية.",
    "وأعلنت الوزارة أن وحداتها أوقفت ثلاثة من أفراد خلية في ريف دمشق.",
])
def test_suspects_arrested_are_no_arbitrary_detention(text: str) -> None:
    assert "arbitrary_detention" not in violations(text)
    assert perps(text) == []


def test_young_men_arrested_are_a_detention() -> None:
    text = ("Residents said Military Intelligence officers arrested 15 young men in Tafas and took "
            "them to an unknown location.")
    assert "arbitrary_detention" in violations(text)
    assert "Military Intelligence (Military Security)" in perps(text)


# -- a speaker's own denial ("ننفي", "we deny") asserts nothing -----------------------------------


@pytest.mark.parametrize("text", [
    "قال المتحدث باسم الوزارة: ننفي ما تداولته بعض الصفحات عن إعدام عشرة شبان في الحي.",
    "وأضاف: نحن ننفي بشكل قاطع أي اعتقالات في صفوف أبناء البلدة.",
    "\"We deny that any detainees were tortured in our facilities,\" the spokesman said.",
])
def test_a_first_person_denial_asserts_no_violation(text: str) -> None:
    assert violations(text) == []


def test_a_denial_of_another_report_still_reports_the_first() -> None:
    text = "ننفي ما نشر عن الحادثة. وقتل مسلحون ثلاثة رعاة في ريف حماة أمس."
    assert "killing" in violations(text)


# -- counted civilians named by where they come from are the harmed -----------------------------


@pytest.mark.parametrize(("text", "agent", "not_agent"), [
    ("واعتقلت قوات سوريا الديمقراطية أكثر من ٦٠ شاباً من أبناء العشائر في البصيرة.",
     "Syrian Democratic Forces", "Bedouin tribal fighters"),
    ("اعتقلت قسد عشرة شبان من أبناء العشائر في ذيبان أمس.", "Syrian Democratic Forces",
     "Bedouin tribal fighters"),
    ("Gunmen killed three shepherds from the Bedouin tribes near Palmyra, relatives said.",
     "unidentified gunmen", "Bedouin tribal fighters"),
])
def test_counted_civilians_from_a_group_are_victims(text: str, agent: str,
                                                    not_agent: str) -> None:
    found = perps(text)
    assert agent in found
    assert not_agent not in found


def test_men_from_the_tribes_who_robbed_are_agents() -> None:
    # uncounted men "from the tribes" who then robbed: the robbers
    assert "Bedouin tribal fighters" in perps("في اليوم التالي جاء رجال من العشائر وسرقوا "
                                              "الذهب والسيارة.")


# -- the subject of an Arabic relative clause of the crime ("الجرائم التي ارتكبتها X") -----------


@pytest.mark.parametrize(("text", "agent"), [
    ("يدين المجلس الجرائم التي ارتكبتها ميليشيا \"قسد\" بحق أهلنا في بلدات ذيبان والشحيل "
     "والبصيرة منذ السابع والعشرين من آب، حيث قامت بقصف الأحياء السكنية ما أدى إلى استشهاد ١٤ "
     "مدنياً.", "Syrian Democratic Forces"),
    ("وثق المرصد مزيداً من المجازر التي ارتكبها عناصر من الفرقة الرابعة في قرى ريف حماة الشمالي "
     "خلال الأسبوع الماضي، وراح ضحيتها ٣٠ مدنياً.", "Fourth Division"),
    ("وتحدث الأهالي عن الهجمات التي نفذتها فصائل الجيش الوطني على قرى عفرين وبلداتها في ربيع "
     "ذلك العام، والتي أسفرت عن مقتل ١١ مدنياً.", "Syrian National Army"),
])
def test_subject_of_an_arabic_crime_relative_clause(text: str, agent: str) -> None:
    assert agent in perps(text)


def test_crimes_done_against_a_body_make_it_no_agent() -> None:
    text = ("وأدان البيان الانتهاكات التي ارتكبت بحق عناصر الأمن العام في قرى ريف جبلة خلال "
            "الأيام الماضية وأدت إلى مقتل خمسة منهم.")
    assert "General Security" not in perps(text)


# -- a group's name quoted after its kind: 'تنظيم "الدولة الإسلامية"', 'ميليشيا "قسد"' -----------


@pytest.mark.parametrize(("text", "agent"), [
    ("قتل ثلاثة رعاة بهجوم لتنظيم «الدولة الإسلامية» في بادية تدمر.", "Islamic State"),
    ("قُتل مدنيان بهجوم لخلايا تنظيم \"الدولة الإسلامية\" على بلدة الشحيل.", "Islamic State"),
    ("وقصفت قوات \"سوريا الديمقراطية\" قرية في ريف منبج ما أدى إلى مقتل طفلين.",
     "Syrian Democratic Forces"),
])
def test_a_quoted_name_after_its_kind_is_the_group(text: str, agent: str) -> None:
    assert agent in perps(text)


def test_a_quote_between_two_sentences_joins_nothing() -> None:
    # a closing quote, a comma and another name: no name across the comma
    text = "قال \"الدولة\"، الإسلامية ليست طرفاً. وقتل مسلحون مجهولون رجلاً في ريف حمص."
    assert "Islamic State" not in perps(text)


# -- counted members of a body who died are the dead, not the agents ------------------------------


@pytest.mark.parametrize(("text", "agent", "dead"), [
    ("- 4 عناصر من قوات سوريا الديمقراطية قُتلوا بهجوم لخلايا تنظيم \"الدولة الإسلامية\" على "
     "نقطة عسكرية في بلدة الشحيل.", "Islamic State", "Syrian Democratic Forces"),
    ("ثلاثة عناصر من الأمن العام قتلوا برصاص مسلحين مجهولين قرب جبلة.", "unidentified gunmen",
     "General Security"),
    ("خمسة جنود من الجيش السوري استشهدوا بقصف إسرائيلي على ريف درعا.", "Israeli forces",
     "Syrian government forces (2025-)"),
])
def test_counted_members_who_died_are_no_agents(text: str, agent: str, dead: str) -> None:
    found = perps(text)
    assert agent in found
    assert dead not in found


def test_counted_members_who_arrested_are_agents() -> None:
    text = "أربعة عناصر من الأمن العام اعتقلوا ثلاثة شبان في حي الزهراء."
    assert "General Security" in perps(text)


def test_a_label_inside_a_quoted_name_is_the_named_group() -> None:
    text = ("وذكر مراسل سانا أن إرهابيي \"جبهة النصرة\" أطلقوا عدة قذائف صاروخية على الأحياء "
            "السكنية في المدينة، ما أدى إلى استشهاد طفلة.")
    found = perps(text)
    assert "Jabhat al-Nusra" in found
    assert "groups the source calls terrorist or outlaw" not in found


# -- a judgment that finds a named man guilty, and names the unit he served in ------------------


@pytest.mark.parametrize(("text", "person", "unit"), [
    ("The Higher Regional Court in Koblenz found Samir H. guilty of torture and murder as crimes "
     "against humanity. The defendant, Samir H., 48, served from 2010 as a warrant officer and "
     "later as an interrogator in the Political Security Directorate.", "Samir H.",
     "Political Security"),
    ("The judges found Omar K. guilty of the killing of two detainees. The accused, Omar K., "
     "worked between 2011 and 2013 as a guard in the Air Force Intelligence Directorate.",
     "Omar K.", "Air Force Intelligence"),
])
def test_found_guilty_by_name_and_his_unit(text: str, person: str, unit: str) -> None:
    found = perps(text)
    assert person in found
    assert unit in found


def test_found_guilty_without_a_unit() -> None:
    text = ("A court in Stockholm found Bashir N. guilty of war crimes over the execution of three "
            "prisoners. He had been detained in Sweden in 2021.")
    assert "Bashir N." in perps(text)


def test_found_not_guilty_names_no_perpetrator() -> None:
    text = ("The court found Adel M. not guilty of the torture of detainees; the defendant, Adel "
            "M., served in the Air Force Intelligence Directorate.")
    found = perps(text)
    assert "Adel M." not in found
    assert "Air Force Intelligence" not in found


# -- an attack on people or homes told without the word "attack on civilians" ------------------


@pytest.mark.parametrize(("text", "agent"), [
    ("Druze fighters, in turn, attacked Bedouin families in the western countryside of the "
     "province.", "Druze armed factions"),
    ("Residents say gunmen on pickups fired at houses in the town.", "unidentified gunmen"),
    ("Witnesses said Hamza Division fighters fired at several homes in Jinderes on Monday night.",
     "Hamza Division"),
    ("وهاجم مسلحون من العشائر عائلات درزية في ريف السويداء الغربي.", "Bedouin tribal fighters"),
])
def test_attack_on_people_or_homes_without_its_word(text: str, agent: str) -> None:
    assert "attack_on_civilians" in violations(text)
    assert agent in perps(text)


@pytest.mark.parametrize("text", [
    "Armed groups attacked checkpoints held by local guards at the entrance of Jaramana.",
    "The army fired at rebel positions near the town.",
])
def test_an_attack_on_fighters_is_no_attack_on_civilians(text: str) -> None:
    assert "attack_on_civilians" not in violations(text)


# -- the group that claimed a deed, and strikes attributed to a force -------------------------


@pytest.mark.parametrize(("text", "agent"), [
    ("Islamic State claimed that attack, which local officials said at the time killed 16 "
     "people.", "Islamic State"),
    ("Hayat Tahrir al-Sham claimed the bombing, which killed nine people in Qamishli.",
     "Hayat Tahrir al-Sham"),
    ("Based on the observer logs, our researchers attributed 31 of the air strikes on hospitals "
     "to the Russian Aerospace Forces.", "Russian forces"),
])
def test_claimed_or_attributed_deed(text: str, agent: str) -> None:
    assert agent in perps(text)


def test_a_claim_that_something_happened_is_no_claim_of_the_deed() -> None:
    text = "The Syrian Democratic Forces claimed that the bombing killed 12 civilians in Azaz."
    assert "Syrian Democratic Forces" not in perps(text)


# -- the men of a place taken when a force came in: a detention told without its word -----------


@pytest.mark.parametrize(("text", "agent"), [
    ("In March 2012, when the army came in, they took every man they found, a widow said.",
     "Assad-era forces and loyalists"),
    ("When government forces entered Tremseh in July 2012, soldiers took away all the young men "
     "of the village.", "Assad-era forces and loyalists"),
    ("في آذار ٢٠١٢ دخل الجيش إلى الحي وأخذوا كل الشباب اللي لقوهم.",
     "Assad-era forces and loyalists"),
])
def test_every_man_taken_is_a_detention(text: str, agent: str) -> None:
    assert "arbitrary_detention" in violations(text)
    assert agent in perps(text)


def test_men_taken_to_hospital_are_no_detention() -> None:
    assert "arbitrary_detention" not in violations(
        "The volunteers took all the men to the hospital in Homs after the shelling.")


# -- the group told again by a definite description or a possessive in the next sentence ---------


@pytest.mark.parametrize(("text", "agent"), [
    ("Fighters of the Hamza Division entered the village of Kafr Safra on Monday. The militia "
     "then executed six men in the square.", "Hamza Division"),
    ("The Sultan Murad Division took over the town in March. The group later abducted two women "
     "and looted several shops.", "Sultan Murad Division"),
    ("Hayat Tahrir al-Sham captured the town last week. Its fighters executed four men accused "
     "of collaboration.", "Hayat Tahrir al-Sham"),
    ("دخلت فرقة الحمزة إلى قرية كفرصفرة صباح الاثنين. وقام عناصرها بإعدام ستة رجال في الساحة.",
     "Hamza Division"),
])
def test_group_told_again_in_the_next_sentence(text: str, agent: str) -> None:
    assert agent in perps(text)


@pytest.mark.parametrize(("text", "not_agent"), [
    ("Gunmen attacked a General Security checkpoint near Jableh on Monday. Its members were "
     "killed in the ambush.", "General Security"),
    ("The Hamza Division withdrew from the village on Monday. The group said six men had been "
     "killed there by unknown gunmen.", "Hamza Division"),
])
def test_group_told_again_as_victim_or_speaker_is_no_agent(text: str, not_agent: str) -> None:
    assert not_agent not in perps(text)


# -- a beating is torture where people are held ----------------------------------------------


@pytest.mark.parametrize("text", [
    "He was arrested at a checkpoint in 2012 and beaten during interrogation in the branch.",
    "The guards beat him every night, a former detainee said after his release from detention.",
    "اعتقلوه على الحاجز وضربوا عليه بالعصي في الفرع.",
])
def test_a_beating_in_custody_is_torture(text: str) -> None:
    assert "torture" in violations(text)


@pytest.mark.parametrize("text", [
    "On 11 July, a Druze merchant was robbed and beaten by Bedouin gunmen on the highway.",
    "Several students were beaten at the dorms, families said.",
    "كسروا الباب ودخلوا علينا، ضربوا ابني قدامي وأخدوا الموبايلات.",
])
def test_a_beating_outside_custody_is_no_torture(text: str) -> None:
    assert "torture" not in violations(text)


def test_a_named_method_is_torture_without_a_detention() -> None:
    assert "torture" in violations("Interrogators tortured him with electric shocks.")


# -- an attack on a checkpoint, a patrol or a post is an attack on forces ---------------------


@pytest.mark.parametrize("text", [
    "وأوضح المصدر أن \"مجموعة مسلحة استهدفت الحاجز بالأسلحة الرشاشة والقذائف الصاروخية قرابة "
    "الساعة الثالثة فجراً\"، وأن العناصر أجبروا المهاجمين على الفرار باتجاه الأحراش.",
    "وقال مصدر أمني إن المهاجمين استهدفوا الدورية بالأسلحة الرشاشة والقذائف من بين الأحراش.",
    "Gunmen attacked a checkpoint near Jableh with machine guns and rocket-propelled grenades.",
])
def test_an_attack_on_a_post_is_no_attack_on_civilians(text: str) -> None:
    found = violations(text)
    assert "attack_on_civilians" not in found
    assert "forced_displacement" not in found


def test_shells_on_homes_stay_an_attack_on_civilians() -> None:
    text = ("استهدفت قوات النظام بالقذائف الأحياء السكنية في مدينة السقيلبية ما أدى إلى مقتل "
            "طفلة.")
    assert "attack_on_civilians" in violations(text)


# -- the body whose post was attacked, and counted members told dead first, are the harmed ----------


@pytest.mark.parametrize(("text", "agent", "target"), [
    ("Gunmen opened fire on a General Security checkpoint near Jableh, killing two members.",
     "unidentified gunmen", "General Security"),
    ("استشهد ثلاثة من عناصر الأمن العام وأصيب خمسة آخرون، فجر اليوم، جراء هجوم إرهابي نفذته "
     "مجموعة من فلول النظام البائد على حاجز أمني في ريف جبلة.", "former regime remnants",
     "General Security"),
    ("قُتل عنصران من الجيش السوري بهجوم لخلايا داعش على نقطة عسكرية في بادية حمص.",
     "Islamic State", "Syrian government forces (2025-)"),
])
def test_attacked_post_and_counted_dead_are_no_agents(text: str, agent: str,
                                                      target: str) -> None:
    found = perps(text)
    assert agent in found
    assert target not in found


def test_detained_at_a_units_checkpoint_keeps_nothing_wrong() -> None:
    # the post's men detain: the attacked-post rule must not touch a detention at a checkpoint
    text = "Fourth Division soldiers arrested him at a checkpoint in 2013 and he has not been seen since."
    assert "Fourth Division" in perps(text)


# -- a body's statement of what its own units did ("أن وحداتها ألقت القبض") --------------------


@pytest.mark.parametrize(("text", "agent"), [
    ("أعلنت وزارة الداخلية اليوم أن وحداتها تمكنت من القبض على ١٥ عنصراً من فلول النظام البائد "
     "في ريف اللاذقية.", "Syrian government forces (2025-)"),
    ("قالت قوات سوريا الديمقراطية إن قواتها اعتقلت عشرين شاباً في ريف دير الزور.",
     "Syrian Democratic Forces"),
    ("في المقابل، قالت وزارة الدفاع التركية إن قواتها استهدفت قرى في ريف تل تمر ما أدى إلى مقتل "
     "مدنيين.", "Turkish forces"),
])
def test_own_units_of_the_speaker_are_its_agents(text: str, agent: str) -> None:
    assert agent in perps(text)


def test_own_units_that_repelled_an_attack_are_no_agents() -> None:
    text = "قالت وزارة الدفاع إن قواتها تصدت لهجوم على قرية في ريف حماة قتل فيه ثلاثة مدنيين."
    assert "Syrian government forces (2025-)" not in perps(text)


# -- "X, as well as Y": one list of perpetrators ------------------------------------------------


@pytest.mark.parametrize(("text", "first", "second"), [
    ("The perpetrators reportedly included members of security forces of the caretaker "
     "authorities, as well as armed groups supporting them, who killed dozens of civilians.",
     "Syrian government forces (2025-)", "armed groups"),
    ("Residents blamed the Fourth Division, as well as Hamza Division fighters, for the "
     "killings.", "Fourth Division", "Hamza Division"),
    ("The killings were carried out by the Fourth Division, as well as by local militias, "
     "residents said.", "Fourth Division", "militias"),
])
def test_as_well_as_joins_perpetrators(text: str, first: str, second: str) -> None:
    found = perps(text)
    assert first in found
    assert second in found


def test_the_object_still_ends_at_a_relative_clause() -> None:
    text = ("Residents blamed the Fourth Division for the ambush, in which 16 General Security "
            "personnel were killed.")
    assert "General Security" not in perps(text)


# -- a fact-check's claim under review is not asserted -----------------------------------------


@pytest.mark.parametrize("text", [
    "CLAIM: A video shared thousands of times on Facebook claims to show \"the massacre of 60 "
    "Christians by General Security\" in a church near Homs.",
    "The caption claimed the drone had destroyed \"a terrorist vehicle loaded with ammunition\" "
    "near Jisr al-Shughur.",
    "A post on Telegram purporting to show the execution of three shepherds by the Fourth "
    "Division was filmed in 2016, our check found.",
])
def test_a_claim_under_review_asserts_no_violation(text: str) -> None:
    d = run(text)
    assert d["violations"] == []
    assert d["perpetrators"] == []


def test_a_verified_video_still_shows_a_killing() -> None:
    text = ("A video verified by three outlets shows men in military uniform shooting dead three "
            "men in a village square.")
    assert "killing" in violations(text)


def test_an_attack_told_with_what_it_did_is_those_acts() -> None:
    text = ("Members of Druze armed groups have allegedly attacked Bedouin families in "
            "neighbourhoods of Sweida city, killing and abducting civilians.")
    found = violations(text)
    assert "killing" in found
    assert "attack_on_civilians" not in found
