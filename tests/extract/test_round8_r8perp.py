"""Eighth round, perpetrators and violations: categories of construction found in the errors of
blind sets 9 and 11. Every sentence here is fictional, written for this test (never an
evaluation text); places and well-known units are real. Each category has at least three
sentences in different wordings (one Arabic where it applies) and a near miss that must not fire.
"""

from __future__ import annotations

from typing import Any

import pytest

from dalil.extract import extract_document


def run(text: str, published: str | None = "2025-05-01") -> dict[str, Any]:
    return extract_document(text, published=published).to_dict()


def perps(text: str, published: str | None = "2025-05-01") -> list[str]:
    return [p["canonical"] for p in run(text, published)["perpetrators"]]


def names(text: str) -> dict[str, list[str]]:
    return {p["canonical"]: p["aliases"] for p in run(text)["perpetrators"]}


# -- the unit of the uniform or insignia the agents wore ------------------------------------


@pytest.mark.parametrize(("text", "unit"), [
    ("Gunmen killed six men in the village of Arzeh on 9 March. Witnesses said several of the "
     "gunmen wore patches of the Hamza Division.", "Hamza Division"),
    ("Masked men executed three shepherds near Salamiyah. The killers wore General Security "
     "uniforms, a survivor said.", "General Security"),
    ("Armed men wearing the uniform of the General Security raided several houses in Karm "
     "al-Zeitoun and detained 21 young men.", "General Security"),
    ("اقتحم مسلحون بزي الأمن العام منازل في قرية الحواش وقتلوا أربعة رجال.", "General Security"),
])
def test_unit_of_the_uniform_is_an_agent(text: str, unit: str) -> None:
    found = perps(text)
    assert unit in found
    # the described men stay an entry of their own beside the unit
    assert len(found) == 2


@pytest.mark.parametrize("text", [
    "Gunmen killed six men in the village of Arzeh. Residents said the gunmen were dressed as "
    "General Security officers.",
    "Men in General Security uniforms handed out bread in the square of Jableh on Friday.",
])
def test_disguise_or_no_violation_names_no_unit(text: str) -> None:
    assert "General Security" not in perps(text)


# -- who left the mines ----------------------------------------------------------------------


@pytest.mark.parametrize(("text", "expected"), [
    ("عاد النازحون ليجدوا أراضيهم مزروعة بالألغام التي خلفتها قوات النظام السابق والميليشيات "
     "الإيرانية. وقُتل طفلان بانفجار لغم في ريف إدلب.",
     {"Assad-era forces and loyalists", "Iran-backed militias"}),
    ("Returnees found their fields sown with mines left behind by the former regime's forces. "
     "A landmine killed two shepherds near Saraqib on Monday.",
     {"Assad-era forces and loyalists"}),
    ("Two farmers were killed when their tractor hit an anti-tank mine planted by Islamic State "
     "fighters near Raqqa.", {"Islamic State"}),
])
def test_who_left_the_mines(text: str, expected: set[str]) -> None:
    assert set(perps(text)) == expected


@pytest.mark.parametrize("text", [
    "Since the fall of the Assad regime, four children have been killed by mines near Maarat "
    "al-Numan.",
    "منذ سقوط نظام الأسد قتل أربعة أطفال بانفجار ألغام في ريف إدلب.",
])
def test_the_fall_of_a_government_is_no_act_of_it(text: str) -> None:
    assert perps(text) == []


# -- Arabic: the attack, its verb with the attack as a pronoun, then the subject ------------


@pytest.mark.parametrize(("text", "agent"), [
    ("استشهد ثلاثة عشر عنصراً من قوى الأمن العام إثر كمين نصبته مجموعة من فلول النظام البائد "
     "قرب جبلة.", "former regime remnants"),
    ("قتل أربعة مدنيين في هجوم شنته عناصر من تنظيم الدولة الإسلامية على قرية في ريف دير الزور.",
     "Islamic State"),
    ("وثقت الشبكة مجزرة ارتكبتها قوات النظام في قرية التريمسة عام ٢٠١٢ وراح ضحيتها أكثر من مئة "
     "شخص.", "Assad-era forces and loyalists"),
    ("وكان هجوم مماثل قد أسفر عن مقتل عنصرين، وتبنته مجموعة تطلق على نفسها اسم \"درع الساحل\".",
     "Coastal Shield Brigade"),
])
def test_arabic_attack_verb_subject(text: str, agent: str) -> None:
    assert perps(text) == [agent]  # not the dead members of General Security


def test_an_attacked_post_is_no_agent() -> None:
    assert perps("قتل عنصران في هجوم على حاجز للأمن العام، ولم تتبنه أي جهة حتى الآن.") == []


# -- not agents: combatants killed in clashes, the "by" of a source, a speaker ----------------


def test_arabic_combat_deaths_in_clashes_name_no_agent() -> None:
    assert perps("- ثلاثة مقاتلين من قوات سوريا الديمقراطية \"قسد\" قُتلوا خلال اشتباكات مع "
                 "فصائل \"الجيش الوطني\" في محيط سد تشرين.") == []


@pytest.mark.parametrize("text", [
    "Turkish drones struck Qamishli 71 times, according to a dataset that combines statements "
    "by the Syrian Democratic Forces and local media; 20 civilians were killed.",
    "Five civilians were killed in the shelling, according to figures compiled by the Syrian "
    "Democratic Forces.",
    "Footage released by the Syrian Democratic Forces showed the ruins; Turkish drones killed "
    "four people in Amuda.",
])
def test_the_by_of_a_source_names_no_agent(text: str) -> None:
    assert "Syrian Democratic Forces" not in perps(text)


def test_a_by_agent_still_counts() -> None:
    assert perps("Five civilians were killed by the Syrian Democratic Forces in Manbij.") == [
        "Syrian Democratic Forces"]


@pytest.mark.parametrize("text", [
    "A spokesperson for the Ministry of Defence told reporters that outlaw groups were "
    "responsible for the killings in Arzeh.",
    "The Interior Ministry said that outlaw groups were responsible for the killings in Jableh.",
    "An official of the Ministry of Defence told AFP outlaw groups were responsible for the "
    "looting of the shops.",
])
def test_the_speaker_of_a_blame_is_no_agent(text: str) -> None:
    assert perps(text) == ["groups the source calls terrorist or outlaw"]


@pytest.mark.parametrize("text", [
    "When opposition factions opened the prisons in December 2024, families rushed in to look "
    "for relatives who had disappeared years before.",
    "More than a year after U.S.-backed forces drove the Islamic State out of Raqqa, the city is "
    "still giving up its dead.",
    "Rebel factions reached the hospital, where doctors treated the men who had been tortured.",
])
def test_another_persons_clause_names_no_agent(text: str) -> None:
    assert perps(text) == []


@pytest.mark.parametrize("text", [
    "Government forces launched an offensive that killed 40 civilians in Eastern Ghouta.",
    "The gunmen, who had killed four farmers the week before, returned to the village.",
])
def test_relative_and_clause_near_misses_keep_the_agent(text: str) -> None:
    assert len(perps(text)) == 1


# -- irregular past verbs after a subject with a prepositional phrase -----------------------


@pytest.mark.parametrize("text", [
    "Two unidentified gunmen on a motorbike shot dead a shop owner in Jaramana.",
    "Gunmen in a pick-up truck shot dead two farmers near Sanamayn on Sunday.",
    "Masked men on motorcycles shot dead a pharmacist outside his shop in Daraa.",
])
def test_irregular_past_after_a_prepositional_phrase(text: str) -> None:
    assert perps(text) != []


def test_talks_on_a_killing_are_no_act() -> None:
    assert perps("Turkey held talks with Russia on the killing of four farmers near Kobani.") == []


# -- "the Syrian-Russian alliance": two states in one name -----------------------------------


@pytest.mark.parametrize("text", [
    "The Syrian-Russian military alliance used cluster munitions in an attack that killed nine "
    "civilians in Idlib on February 25, 2020.",
    "Russian-Syrian joint strikes killed 14 civilians in Maarat al-Numan in December 2019.",
    "Syrian-Russian air strikes killed 11 people in Ariha in 2019.",
])
def test_hyphenated_pair_of_states(text: str) -> None:
    assert set(perps(text)) == {"Assad-era forces and loyalists", "Russian forces"}


def test_hyphenated_pair_near_miss() -> None:
    assert perps("A Syrian-American doctor said that four children were killed in the shelling "
                 "of the town.") == []


# -- chains of "they" in a testimony; "their tanks" ------------------------------------------


@pytest.mark.parametrize(("text", "agent"), [
    ("Yesterday afternoon they came into the neighbourhood, armed men, many of them. They went "
     "house by house. They abducted Samer and his nephew from the stairs of the building.",
     "unidentified gunmen"),
    ("At dawn masked gunmen reached the farm. They tied up the workers. They shot dead the owner "
     "in front of his children.", "masked men"),
    ("وصل مسلحون ملثمون إلى القرية عند الفجر. وتجولوا في الشوارع. ثم خطفوا ثلاثة شبان من أمام "
     "المسجد.", "masked men"),
])
def test_chain_of_they(text: str, agent: str) -> None:
    assert perps(text) == [agent]


def test_their_tanks() -> None:
    assert set(perps("The convoys of General Security and the army are moving towards Walgha. "
                     "Their tanks shelled the houses of Walgha this afternoon.")) == {
        "General Security", "Syrian government forces (2025-)"}


def test_chain_of_they_near_miss() -> None:
    # the speakers are no agents: the sentence names no act of theirs
    assert perps("Armed men guarded the checkpoint near the bridge. The road was closed all "
                 "day. They said four people were killed in the shelling.") == []


# -- a perpetrator's other names in the text -------------------------------------------------


def test_other_names_of_the_same_actor_are_aliases() -> None:
    found = names("The offensive was launched by the Syrian Arab Army in February 2018. "
                  "Government forces shelled Douma on 20 February 2018, killing 30 civilians.")
    assert "Syrian Arab Army" in found["Assad-era forces and loyalists"]


# -- a judgment's "the defendant" ------------------------------------------------------------


@pytest.mark.parametrize(("text", "person", "unit"), [
    ("In the criminal proceedings against Karim T., born 1970 in Homs, the court has found: The "
     "defendant served as a guard at Branch 215 of the Military Intelligence Directorate from "
     "2012 to 2013. The defendant personally took part in the torture of detainees in at least "
     "12 cases.", "Karim T.", "Branch 215"),
    ("In the case against Samir H. (born 1968), the court found that the accused beat detainees "
     "with cables at the Palestine Branch in 2012 and is guilty of torture in 30 cases.",
     "Samir H.", "Palestine Branch"),
    ("In the trial of Walid S., who worked at Branch 227, the court found: the defendant is "
     "guilty of torture in 14 cases and of the killing of two detainees in 2012.",
     "Walid S.", None),
])
def test_the_defendant_is_the_accused(text: str, person: str, unit: str | None) -> None:
    found = perps(text)
    assert person in found
    if unit:
        assert unit in found


def test_defendant_who_did_nothing_is_no_agent() -> None:
    assert perps("In the trial of Hassan K., the prosecutor said the defendant had been a clerk. "
                 "Witnesses said guards tortured detainees in the branch in 2013.") == []


# -- registry: the government's forces, the Damascus government's army, new bodies ------------


@pytest.mark.parametrize(("text", "agent"), [
    ("The government's forces shelled the market of Maarat al-Numan in 2019, killing 12 people.",
     "Assad-era forces and loyalists"),
    ("The army of the Damascus government shelled the houses of Walgha on 15 July 2025.",
     "Syrian government forces (2025-)"),
    ("A group calling itself the Coastal Shield claimed responsibility for the ambush that "
     "killed 13 security personnel.", "Coastal Shield Brigade"),
    ("Our fighters are confronting attacks by armed Bedouin tribal groups; four civilians were "
     "killed in al-Mazraa.", "Bedouin tribal fighters"),
])
def test_registry_names(text: str, agent: str) -> None:
    assert perps(text) == [agent]


def test_the_government_alone_stays_a_topic() -> None:
    assert perps("The government denied that its forces killed civilians in Tadamon in 2013.") \
        == []


# == violations =============================================================================


def viols(text: str) -> list[str]:
    return run(text)["violations"]


# -- the Arabic verbal noun with a pronoun: "بعد اعتقاله", "إثر اختطافهم", "تعذيبه" -------------


@pytest.mark.parametrize(("text", "vtype"), [
    ("توفي الشاب بعد أسبوع من اعتقاله في فرع الأمن العسكري.", "arbitrary_detention"),
    ("طالبت العائلة بالكشف عن مصيره بعد اختطافه من أمام منزله في جرمانا.",
     "enforced_disappearance"),
    ("قال شقيقه إن عناصر الحاجز قاموا بتعذيبه لساعات قبل الإفراج عنه.", "torture"),
    ("وثق المرصد إعدامهم ميدانياً في قرية أرزة.", "execution"),
    ("نعى أهالي البلدة الشاب بعد اغتياله برصاص مجهولين.", "killing"),
])
def test_verbal_noun_with_a_pronoun(text: str, vtype: str) -> None:
    assert vtype in viols(text)


def test_verbal_noun_in_a_warrant_or_fear_is_no_violation() -> None:
    assert viols("غادر البلاد خوفاً من اعتقاله بعد صدور مذكرة بحقه.") == []


# -- a harm threatened, not done -----------------------------------------------------------


@pytest.mark.parametrize("text", [
    "تلقت العائلة اتصالاً من الخاطفين يطالب بفدية مع التهديد بقتلهم في حال عدم الدفع.",
    "وطالبوا بفدية مقابل الإفراج عن الشبان الثلاثة، مهددين بتصفيتهم في حال إبلاغ الجهات الأمنية.",
    "The kidnappers called the family, threatening to kill the two brothers unless a ransom was "
    "paid.",
])
def test_threatened_harm_is_a_threat_only(text: str) -> None:
    found = viols(text)
    assert "killing" not in found and "execution" not in found


def test_a_killing_done_with_qama_bi_still_counts() -> None:
    assert "killing" in viols("قام المسلحون بقتلهم أمام منزلهم في قرية الحواش.")


# -- the attackers fled; suspects arrested; mines that explode; burned papers -----------------


@pytest.mark.parametrize("text", [
    "استهدف المهاجمون الدورية بالأسلحة الرشاشة قبل أن يلوذوا بالفرار باتجاه الجبال.",
    "وأضاف أن الوحدات ألقت القبض على أربعة من المشتبه بتورطهم في الهجوم.",
    "دخل الناس إلى الأفرع وأخذوا أوراقاً وأحرقوا الوثائق الأخرى.",
])
def test_not_the_violation_the_word_names(text: str) -> None:
    found = viols(text)
    assert "forced_displacement" not in found
    assert "arbitrary_detention" not in found
    assert "arson" not in found


@pytest.mark.parametrize("text", [
    "طفلان قضيا بانفجار لغم من مخلفات الحرب في أطراف بلدة اللطامنة.",
    "A landmine exploded under a tractor near Saraqib, killing two farmers.",
    "The explosion of an unexploded mine killed a shepherd near Maarat al-Numan.",
])
def test_a_mine_that_explodes_is_no_attack(text: str) -> None:
    assert "attack_on_civilians" not in viols(text)


def test_a_car_bomb_explosion_is_still_an_attack() -> None:
    assert "attack_on_civilians" in viols("قتل ثمانية مدنيين بانفجار سيارة مفخخة في سوق أعزاز.")


# -- "took my husband's phone": goods, not a man --------------------------------------------


@pytest.mark.parametrize(("text", "vtype"), [
    ("\"I saw it on the man who took my husband's phone and my gold,\" she said.", "looting"),
    ("The soldiers took her brother's car and his savings at the checkpoint.", "looting"),
    ("Gunmen took my husband from our home in Baniyas on 8 March 2025.",
     "enforced_disappearance"),
])
def test_took_a_relatives_goods(text: str, vtype: str) -> None:
    assert viols(text) == [vtype]


# -- the intelligence branch that held the detainees (perpetrators) --------------------------


@pytest.mark.parametrize(("text", "branch"), [
    ("They beat us with cables the whole night. The next day they transferred me to Damascus, "
     "to the Palestine Branch in Kafr Sousa, in November 2011.", "Palestine Branch"),
    ("A former detainee said that 14 girls were held in a basement of the Palestine Branch in "
     "2013 and that guards tortured them.", "Palestine Branch"),
    ("اعتقلوه على الحاجز عام ٢٠١٢، ثم أخذوه إلى فرع فلسطين حيث تعرض للتعذيب.",
     "Palestine Branch"),
])
def test_the_branch_that_held_them(text: str, branch: str) -> None:
    assert branch in perps(text)


@pytest.mark.parametrize("text", [
    "Lawyers say records of deaths under torture were found in the archives of the Palestine "
    "Branch after December 2024.",
    "The Palestine Branch is a building in Kafr Sousa; it was opened to visitors in 2025.",
])
def test_a_branch_named_otherwise_is_no_agent(text: str) -> None:
    assert perps(text) == []


# -- Arabic "أقدم X على ...": the subject of the deed and of the verbs chained after it ----------


@pytest.mark.parametrize(("text", "agent"), [
    ("وقد أقدمت عصابة مسلحة على إيقاف الحافلة التي كانوا يستقلونها، وأنزلتهم منها بعد التدقيق في "
     "هوياتهم، ثم اقتادتهم إلى جهة مجهولة.", "criminal gangs"),
    ("أقدم مسلحون مجهولون على إطلاق النار على سيارة مدنية قرب بلدة الصنمين، ما أدى إلى مقتل "
     "سائقها.", "unidentified gunmen"),
    ("وأقدم عناصر من فرقة الحمزة على طرد عائلات كردية من منازلها في قرية بعفرين وأسكنوا فيها "
     "عائلات مقاتليهم.", "Hamza Division"),
])
def test_arabic_undertook(text: str, agent: str) -> None:
    assert perps(text) == [agent]


def test_arabic_undertook_near_miss() -> None:
    # another clause ("فيما ...") tells the violation
    assert perps("أقدمت البلدية على إزالة الأنقاض من الشارع الرئيسي، فيما قتل ثلاثة أشخاص بقصف "
                 "على بلدة أخرى.") == []


# -- bodies burned to hide them; a danger or a threatened offensive; detained suspects ---------


@pytest.mark.parametrize("text", [
    "The video shows men shooting at least 41 people at the pit. Afterwards, tyres are piled on "
    "the bodies and set alight.",
    "The perpetrators then set fire to tyres placed over the bodies of the victims.",
    "Men at the checkpoint shot a group of detainees near a pit and burned the bodies in 2013.",
])
def test_burning_bodies_is_concealment_not_arson(text: str) -> None:
    found = viols(text)
    assert "concealment_of_bodies" in found and "arson" not in found


def test_burning_houses_is_still_arson() -> None:
    assert "arson" in viols("Gunmen set fire to six houses in Tadamon on Friday.")


@pytest.mark.parametrize("text", [
    "President Erdogan has repeatedly threatened a new ground operation against the group in "
    "northern Syria.",
    "هذا التصعيد يهدد حياة أكثر من أربعة ملايين مدني في شمال غربي سوريا.",
    "He said that seven people accused of kidnapping had been detained since March.",
    "وأسفرت الحملة عن إلقاء القبض على ثلاثة وعشرين مطلوباً من المتورطين في الهجوم.",
])
def test_no_threat_or_detention_of_people(text: str) -> None:
    found = viols(text)
    assert "threat_or_intimidation" not in found and "arbitrary_detention" not in found


@pytest.mark.parametrize(("text", "vtype"), [
    ("Gunmen set fire to six houses in the village and threatened the families who stayed.",
     "threat_or_intimidation"),
    ("Security forces detained seven young men at a checkpoint near Homs on Sunday.",
     "arbitrary_detention"),
])
def test_threats_and_detentions_near_misses(text: str, vtype: str) -> None:
    assert vtype in viols(text)


# -- a monthly toll broken down "by the party responsible" -------------------------------------


@pytest.mark.parametrize(("text", "expected"), [
    ("وثقت الشبكة في شهر أيار ٢٠٢٤ ما لا يقل عن ١٥٠ حالة اعتقال تعسفي.\n\nوتوزعت حصيلة حالات "
     "الاعتقال بحسب الجهة المسؤولة على النحو التالي:\n- قوات النظام السوري: ٧٠ حالة.\n- هيئة "
     "تحرير الشام: ١٩ حالة.\n- الجيش الوطني: ٢٠ حالة.",
     {"Assad-era forces and loyalists", "Hayat Tahrir al-Sham", "Syrian National Army"}),
    ("The network documented 90 arbitrary arrests in May 2024, distributed by the party "
     "responsible as follows:\n- Hayat Tahrir al-Sham: 19\n- Syrian Democratic Forces: 30",
     {"Hayat Tahrir al-Sham", "Syrian Democratic Forces"}),
    ("وتوزعت حصيلة الضحايا بحسب الأطراف المسؤولة على النحو التالي:\n- هيئة تحرير الشام: ٤ "
     "مدنيين قتلوا في أيار ٢٠٢٤.\n- قوات سوريا الديمقراطية: ٦ مدنيين.",
     {"Hayat Tahrir al-Sham", "Syrian Democratic Forces"}),
])
def test_toll_by_the_party_responsible(text: str, expected: set[str]) -> None:
    assert set(perps(text)) == expected


def test_a_breakdown_by_area_names_no_perpetrator() -> None:
    assert perps("وثقت الشبكة في شهر أيار ٢٠٢٤ ما لا يقل عن ١٥٠ حالة اعتقال تعسفي في مناطق "
                 "مختلفة.\n\nوتتوزع السيطرة على القرى بحسب المنطقة على النحو التالي:\n- هيئة "
                 "تحرير الشام: ٢١ قرية.\n- الجيش الوطني: ٣٠ قرية.") == []


# -- blame given in the sentence after the violation (left open in round 7) -------------------


@pytest.mark.parametrize(("text", "agent"), [
    ("The shelling killed four people in Kafr Nabl on Monday. Residents blamed the Fourth "
     "Division.", "Fourth Division"),
    ("Three men were abducted from a bakery in Jaramana on Sunday. Their families blamed General "
     "Security.", "General Security"),
    ("قُتل أربعة مدنيين بقصف على كفرنبل يوم الاثنين. وحمّل الأهالي الفرقة الرابعة المسؤولية.",
     "Fourth Division"),
    ("قُتل ثلاثة شبان في هجوم على قرية الطيانة. وحمّلت قوات سوريا الديمقراطية فصائل الجيش الوطني "
     "المسؤولية عن الهجوم.", "Syrian National Army"),
    ("Four civilians were killed in the shelling of Ariha on Monday. The council holds the "
     "regime fully responsible for the massacre.", "Assad-era forces and loyalists"),
])
def test_blame_in_the_next_sentence(text: str, agent: str) -> None:
    assert perps(text) == [agent]  # (not the accuser: "وحمّلت قسد ...")


@pytest.mark.parametrize("text", [
    "Four people were killed in Kafr Nabl on Monday. Residents praised the Fourth Division for "
    "evacuating the wounded.",
    "Four people were killed in Kafr Nabl on Monday. The Fourth Division held a meeting on "
    "Tuesday and said nobody was responsible for the delays.",
])
def test_no_blame_near_miss(text: str) -> None:
    assert perps(text) == []
