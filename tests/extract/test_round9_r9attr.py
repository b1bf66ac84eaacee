"""Ninth round of attribution: categories of speaker from the errors of blind sets 12 and 13,
each on short fictional texts written for this test (never an evaluation text), with a near miss
for each: a body's letterhead above the kind of document; a testimony's or message's witness
named only in the editor's lead; an exported post's author with a title."""

from __future__ import annotations

import pytest
from tests.extract.attr_helpers import claim, run, sources

# --- 1. a letterhead: the body's name alone on the first line, the kind of document below ---

@pytest.mark.parametrize(("text", "org", "piece"), [
    ("Northern Plains Documentation Lab\nInvestigation: Shelling of the bakery in Kafr Hamra\n\n"
     "On 3 May a shell struck the bakery and killed four people queueing for bread.",
     "Northern Plains Documentation Lab", "killed four people"),
    ("Orontes Policy Group\nBriefing No. 7 | Amman, 2 June 2025\n\n"
     "Fighting in the western countryside killed at least 40 civilians in May.",
     "Orontes Policy Group", "killed at least 40"),
    ("[Translated from Arabic by the editors.]\n\nTal Abyad Local Council\nStatement No. 4\n\n"
     "Artillery shelled the eastern market on Friday, killing three civilians.",
     "Tal Abyad Local Council", "killing three"),
    ("مركز رصد الانتهاكات في الرقة\nتقرير شهري: حالات الاعتقال خلال أيار\n\n"
     "اعتقلت دورية أمنية ٢٢ شخصاً في ريف الرقة الشمالي خلال الشهر.",
     "مركز رصد الانتهاكات في الرقة", "٢٢ شخصاً"),
    ("مجلس أعيان بلدة الصور\n📌 بيان\n\nيدين مجلس أعيان بلدة الصور قصف البلدة الذي أدى إلى مقتل "
     "خمسة مدنيين.", "مجلس أعيان بلدة الصور", "خمسة مدنيين"),
])
def test_letterhead_body_speaks(text: str, org: str, piece: str) -> None:
    assert org in sources(text)
    assert claim(text, piece)["attributed_to"] == org


def test_letterhead_near_miss_headline() -> None:
    # a news headline over a wire's text names no body that publishes the document
    text = ("Shelling kills four in Kafr Hamra\nReport from our correspondent\n\n"
            "On 3 May a shell struck the bakery and killed four people, residents said.")
    assert claim(text, "killed four")["attributed_to"] == "residents"
    assert "Shelling kills four in Kafr Hamra" not in sources(text)


def test_letterhead_short_name_already_a_source() -> None:
    # the body already speaks under a shorter name: not a second source
    text = ("Syrian Monitor for Civil Rights\n\nReport: the week in Hama\n\n"
            "The Syrian Monitor said gunmen killed two farmers near Suran on Monday.")
    names = sources(text)
    assert sum(1 for n in names if "Syrian Monitor" in n) == 1


# --- 2. a testimony's or message's witness named only in the editor's lead ---

@pytest.mark.parametrize(("text", "who", "piece"), [
    ('شهادة: "لم يعد أبي"\n\nأدلت بهذه الشهادة امرأة من حي الوعر عرّفت عن نفسها باسم "أم سامر"، '
     'وهو اسم مستعار.\n\nأخذوا أبي من البيت في الليل ولم يرجع. كسروا الباب وضربوا أخي.',
     "أم سامر", "كسروا الباب"),
    ('[نص رسالة صوتية وصلت إلى محررنا من أحد سكان بصرى، عرّف عن نفسه باسم "أبو فراس".]\n\n'
     "من الصبح وهنن عم يقصفوا الحارة. استشهد ولدين من بيت الجيران.",
     "أبو فراس", "استشهد ولدين"),
    ('نشرت هذه الشهادة ضمن سلسلة "ذاكرة الحي". الشاهدة من سكان دوما، طلبت الإشارة إليها '
     'باسم "أم نزار"، وهو ليس اسمها الحقيقي.\n\nداهموا بيتنا بالليل وأخدوا زوجي عالفرع.',
     "أم نزار", "أخدوا زوجي"),
    ('Testimony: "The night they came"\n\nThe witness, a teacher from Kafranbel, asked to be '
     'identified as "Umm Rami".\n\nThey broke our door at dawn and took my husband to the branch.',
     "Umm Rami", "took my husband"),
])
def test_lead_names_the_witness(text: str, who: str, piece: str) -> None:
    src = sources(text)
    assert who in src
    assert src[who] == ("witness", True)
    assert claim(text, piece)["attributed_to"] == who


def test_lead_witness_near_miss_news_feature() -> None:
    # a news report quoting a woman who gave a name: no testimony the document is, the report's
    # own sentences stay the author's
    text = ('A woman who asked to be identified as "Umm Rami" said her husband was taken.\n\n'
            "Government forces shelled the town of Kafranbel on Monday, killing two people.")
    assert claim(text, "killing two")["attributed_to"] == "author"


def test_testimony_disclaimer_in_lead_covers_all() -> None:
    text = ('شهادة: "الليلة الأخيرة"\n\nأدلى بهذه الشهادة ناجٍ من سجن عدرا عرّف عن نفسه باسم '
            '"أبو خليل"، وهو اسم مستعار. لم نتمكن من التحقق من جميع تفاصيل هذه الشهادة.\n\n'
            "بالسجن كانوا يضربونا كل يوم بالكبل. مات اتنين من مهجعنا بالشتا.")
    c = claim(text, "مات اتنين")
    assert c["attributed_to"] == "أبو خليل"
    assert c["hedged"] is True


# --- 3. an exported post's author with a title before the name ---

def test_post_header_with_title() -> None:
    text = ("Dr. Lina Haddad\n4 March 2025 at 22:10 · Hama\n\n"
            "Three of our nurses were killed when the shell hit the emergency ward.")
    assert claim(text, "Three of our nurses")["attributed_to"] == "Dr. Lina Haddad"


def test_post_header_near_miss_sentence() -> None:
    # a first line that is a sentence, not a name
    text = ("Dr. Haddad said the ward was hit.\n4 March 2025 at 22:10 · Hama\n\n"
            "Three nurses were killed when the shell hit the emergency ward.")
    assert claim(text, "Three nurses")["attributed_to"] != "Dr. Haddad said the ward was hit."


# --- 4. Arabic verb-subject-object: what a body records after its name is no part of it ---

@pytest.mark.parametrize(("text", "who"), [
    ("وبذلك يرتفع عدد الذين وثّق المرصد السوري مقتلهم منذ بداية الشهر إلى ٤٠ شخصاً.", "المرصد السوري"),
    ("وسجّلت الشبكة المحلية وفاة ثلاثة معتقلين تحت التعذيب في سجن حماة المركزي.", "الشبكة المحلية"),
    ("ورصدت رابطة أهالي المعتقلين اعتقالهم على حاجز المدينة الجنوبي يوم الأحد، وعددهم سبعة.",
     "رابطة أهالي المعتقلين"),
])
def test_arabic_subject_stops_at_its_object(text: str, who: str) -> None:
    assert who in sources(text)
    assert run(text)["claims"][0]["attributed_to"] == who


def test_arabic_subject_near_miss_name_with_rights() -> None:
    # "لحقوق الإنسان" is part of the body's name, not what it records
    text = "ووثّق المرصد السوري لحقوق الإنسان مقتل خمسة مدنيين في قصف على بلدة كفرنبل."
    assert "المرصد السوري لحقوق الإنسان" in sources(text)


# --- 5. a body's own document: its "team", its possessive, its editors' note ---

def test_centre_team_is_the_centre() -> None:
    text = ("مركز توثيق الانتهاكات في إدلب\nتقرير شهري: أيار\n\n"
            "وثّق فريق المركز اعتقال ٤٠ شخصاً في ريف إدلب خلال الشهر.")
    assert claim(text, "٤٠ شخصاً")["attributed_to"] == "مركز توثيق الانتهاكات في إدلب"


def test_council_possessive_is_the_council() -> None:
    text = ("Saraqeb Local Council\nStatement No. 9\n\n"
            "According to the council's count, more than 6,000 residents have left the town.")
    assert claim(text, "6,000 residents")["attributed_to"] == "Saraqeb Local Council"
    assert "the council's" not in sources(text)


def test_editors_note_names_no_source() -> None:
    text = ("[Translated from Arabic by the editors. Original posted on the council's page.]\n\n"
            "Binnish Local Council\nStatement No. 2\n\n"
            "Warplanes struck the main square on Friday, killing five civilians.")
    assert "Original" not in sources(text)
    assert claim(text, "killing five")["attributed_to"] == "Binnish Local Council"


def test_possessive_near_miss_other_body() -> None:
    # another body's count stays that body's
    text = ("Saraqeb Local Council\nStatement No. 9\n\n"
            "According to the Syrian Observatory's count, 14 people were killed in the town.")
    assert claim(text, "14 people")["attributed_to"] != "Saraqeb Local Council"


# --- 6. a speaker inside a relative clause ---

@pytest.mark.parametrize(("text", "who"), [
    ("The grave near Adra was described last month by a former prison guard who said he had "
     "buried dozens of bodies there in 2014.", "former prison guard"),
    ("Gunmen attacked the church in 2016, an attack which local officials said at the time "
     "killed nine people.", "local officials"),
    ("The town lies near Houla, where 90 villagers were killed in 2012 in a massacre that UN "
     "investigators blamed on pro-government militias.", "UN investigators"),
    ("A local committee that tracks detentions in the western countryside has recorded at "
     "least 22 arrests since March.", "local committee"),
    ("The strikes hit 12 schools that Amnesty International has been able to document, "
     "including one in Ariha.", "Amnesty International"),
])
def test_speaker_in_relative_clause(text: str, who: str) -> None:
    assert who in sources(text)
    assert run(text)["claims"][0]["attributed_to"] == who


@pytest.mark.parametrize("text", [
    "The man who said he saw it was arrested at the checkpoint later that week.",
    "A car that carried six people was hit near the bridge on Monday.",
    "The soldiers burned the shop that the family had rented since 2019.",
])
def test_relative_clause_near_miss(text: str) -> None:
    assert run(text)["claims"][0]["attributed_to"] == "author"


# --- 7. the role of a person who tells what they lived through ---

@pytest.mark.parametrize(("text", "who"), [
    ("Samir Haddad, a retired teacher, said the soldiers shot 11 men in the street.",
     "Samir Haddad"),
    ("A nurse at the field hospital said 14 wounded were brought in overnight.", "nurse"),
    ("The grave was described by a former army driver who said he had driven trucks of bodies "
     "there.", "former army driver"),
])
def test_person_who_lived_it_is_a_witness(text: str, who: str) -> None:
    src = sources(text)
    name = next(n for n in src if who in n)
    assert src[name][0] == "witness"


def test_official_is_no_witness() -> None:
    text = "A local official said 14 people were killed in the shelling."
    src = sources(text)
    assert all(role != "witness" for role, _ in src.values())


# --- 8. coreference: a pronoun whose last speaker is far refers to the one just named ---

@pytest.mark.parametrize(("text", "piece", "who"), [
    ("Gunmen killed two men near the market, the Syrian Observatory said.\n\n"
     "The village was quiet on Sunday. We reached the imam of the mosque in Kafr Nabl, Sheikh "
     "Omar Fayyad, by phone. He said no shooting had taken place in the village.",
     "no shooting", "Omar Fayyad"),
    ("Sami Nasser\n3 May 2025 at 21:02 · Hama\n\nThe Civil Defence said 20 were killed.\n\n"
     "The clinic served 15,000 people. Please do not call this a lie, like Syrian state TV is "
     "saying tonight. They say they hit a weapons depot.", "weapons depot", "Syrian state TV"),
    ("The Syrian Observatory said 12 people died.\n\nThe village has no clinic. Most families "
     "left in May. The ceasefire held for a week, as the Interior Ministry reported. It said "
     "that 40 fighters were arrested.", "40 fighters", "the Interior Ministry"),
])
def test_pronoun_refers_to_the_one_just_named(text: str, piece: str, who: str) -> None:
    assert claim(text, piece)["attributed_to"] == who


def test_pronoun_near_miss_speaker_just_before() -> None:
    # the speaker of the sentence just before is the nearest: a name between commas in that
    # sentence's description does not take "he"
    text = ("The imam of the mosque, Sheikh Omar Fayyad, was not there, Rami Haddad said. He said "
            "the shooting lasted an hour.")
    assert claim(text, "lasted an hour")["attributed_to"] == "Rami Haddad"


# --- 9. dialect "can" spelt like "estimates": no reporting verb ---

@pytest.mark.parametrize("text", [
    "ما كان حدا يقدر يطلع من البيت إلا للضرورة بسبب القناص.",
    "الناس اللي قدرت تطلع طلعت على المخيم، والباقي قاعدين بالأقبية.",
    "الجثث ضلت مرمية بالشوارع يومين وما حدا قدر يقرب يلمها.",
])
def test_dialect_can_is_no_reporting_verb(text: str) -> None:
    assert run(text)["quoted_sources"] == []
    assert run(text)["claims"][0]["attributed_to"] == "author"


def test_estimates_near_miss() -> None:
    text = "ويقدر ناشطون عدد القتلى في البلدة بنحو ثلاثين شخصاً."
    assert claim(text, "ثلاثين")["attributed_to"] == "ناشطون"


# --- 10. a fronted time with no preposition is no speaker ---

@pytest.mark.parametrize(("text", "who"), [
    ("Late Wednesday, the Islamic State group claimed responsibility in a statement, saying its "
     "fighters had killed 20 soldiers.", "the Islamic State group"),
    ("Early Monday morning, the Syrian Observatory for Human Rights said 14 people were killed.",
     "the Syrian Observatory for Human Rights"),
    ("Hours later, Amnesty International said the strike on the market had killed six.",
     "Amnesty International"),
])
def test_fronted_time_is_no_speaker(text: str, who: str) -> None:
    assert run(text)["claims"][0]["attributed_to"] == who
    assert not any(n.startswith(("Late", "Early", "Hours")) for n in sources(text))


def test_fronted_time_near_miss_name() -> None:
    # a person's name that is also a day is still a name
    text = "Wednesday Adams, a nurse, said 14 wounded people were brought in."
    assert run(text)["claims"][0]["attributed_to"] == "Wednesday Adams"


# --- 11. a description, then the name between commas, before coordinated verbs ---

@pytest.mark.parametrize(("text", "who"), [
    ("A second Facebook page, Raqqa Post, put the toll at 14 and said most victims were children.",
     "Raqqa Post"),
    ("The local monitoring group, Deir Ezzor 24, counted 11 dead and said the strike hit a school.",
     "Deir Ezzor 24"),
    ("A Telegram channel, Hama Now, posted photos of the bodies and said nine were killed.",
     "Hama Now"),
])
def test_description_then_name_before_and_said(text: str, who: str) -> None:
    assert run(text)["claims"][0]["attributed_to"] == who


def test_description_aside_near_miss() -> None:
    # an aside between commas is no name
    text = "The ministry, in a statement, put the toll at nine and said the attackers fled."
    assert run(text)["claims"][0]["attributed_to"] == "The ministry"


# --- 12. the pages whose account a statement denies ("ما تداولته صفحات ...") ---

@pytest.mark.parametrize(("text", "pages"), [
    ("وفي السياق ذاته، نفت مديرية أمن حماة ما تداولته صفحات على مواقع التواصل الاجتماعي عن قيام "
     "عناصر الأمن باعتقال عشرات الشبان.", "صفحات على مواقع التواصل الاجتماعي"),
    ("وتنفي قيادة الشرطة بشكل قاطع ما تداولته بعض الصفحات على وسائل التواصل حول اعتقال الأطفال.",
     "بعض الصفحات على وسائل التواصل"),
    ("ونفى المحافظ ما نشرته حسابات موالية عن مقتل عشرين شخصاً، مؤكداً أن الحصيلة ثلاثة.",
     "حسابات موالية"),
])
def test_denied_pages_are_sources(text: str, pages: str) -> None:
    src = sources(text)
    assert pages in src
    assert src[pages][0] == "social_media_account"


def test_denied_hearsay_near_miss() -> None:
    # what people say in the market is no page
    text = "وقالت الوزارة إن ما تداوله الناس في السوق عن مقتل عشرة أشخاص غير صحيح."
    assert set(sources(text)) == {"الوزارة"}


# --- 13. a delegate's stated concern (a UN meeting's record) ---

@pytest.mark.parametrize(("text", "who"), [
    ("The representative of China expressed concern about the presence of foreign fighters in "
     "the north-east.", "The representative of China"),
    ("The Turkish foreign ministry expressed deep concern at reports that 40 civilians were "
     "killed in Afrin.", "The Turkish foreign ministry"),
    ("France's delegate voiced alarm at the killing of nine children in Idlib on Sunday.",
     "France's delegate"),
])
def test_expressed_concern_is_a_statement(text: str, who: str) -> None:
    assert run(text)["claims"][0]["attributed_to"] == who
    assert sources(text)[who][0] == "official"


def test_expressed_anger_near_miss() -> None:
    text = "Residents expressed their anger at the slow response of the rescue teams on Monday."
    assert run(text)["claims"][0]["attributed_to"] == "author"


def test_relative_clause_near_miss_paid_to_a_man() -> None:
    # in a testimony, "a man who said he could" is someone the narrator tells of, not her source
    text = ("Testimony of \"Huda\" (pseudonym), 41, recorded in Azaz\n\n"
            "They took my brother in March. We paid $2,000 to a man who said he could get him "
            "released. We never heard from him again.")
    assert {c["attributed_to"] for c in run(text)["claims"]} == {"Huda"}


# --- 14. ", saying ...": the main clause's subject speaks ---

@pytest.mark.parametrize(("text", "who"), [
    ("Lawyers for the nine joint plaintiffs welcomed the verdict, saying it confirmed that "
     "torture in Syria was a system.", "Lawyers for the nine joint plaintiffs"),
    ("Relatives of the victims gathered outside the court, saying 40 men were still missing.",
     "Relatives of the victims"),
    ("The Kurdish Red Crescent appealed for access, adding that 12 wounded could not be "
     "evacuated.", "The Kurdish Red Crescent"),
])
def test_participle_of_saying(text: str, who: str) -> None:
    assert run(text)["claims"][0]["attributed_to"] == who
    assert not any(n.lower().startswith(("saying", "adding")) for n in sources(text))


@pytest.mark.parametrize("text", [
    "The storm hit the camp overnight, adding to the misery of 3,000 families.",
    "Shells fell on the market on Friday, saying nothing of the dead.",
])
def test_participle_near_miss(text: str) -> None:
    assert run(text)["claims"][0]["attributed_to"] == "author"
