"""Tenth round of attribution: categories of speaker from the errors of blind sets 20 and 21,
each on short fictional texts written for this test (never an evaluation text), with a near miss
for each: a transcript's speaker label on a line of its own; a testimony's narrator line that
runs on after the quoted name; a byline ("Author X", "Interview by X") is the writer, no source;
a chat export's sender speaks her messages."""

from __future__ import annotations

import pytest
from tests.extract.attr_helpers import claim, run, sources

# --- 1. a transcript's label on its own line: the lines under it are that speaker's ---

_STAFF = "EVENING NEWS | Transcript\n\nNORA PAYNE, HOST:\nWhat is happening in the north?\n\n"


@pytest.mark.parametrize(("text", "name", "piece"), [
    (_STAFF + "KAMAL HADDAD:\nWe buried nine people from our street on Tuesday.\n\n"
     "PAYNE:\nAnd the shelling?\n\nHADDAD:\nIt has not stopped since.\n\nPAYNE:\nThank you.",
     "Kamal Haddad", "We buried nine people"),
    ("RADIO HOUR | Transcript\n\nOMAR WELLS, HOST:\nWho is counting the dead?\n\n"
     "SALMA AL-HUSSEIN:\nOur volunteers have recorded 212 deaths since March.\n\n"
     "WELLS:\nWhere?\n\nSALMA AL-HUSSEIN:\nMost of them in the villages east of Hama.",
     "Salma al-Hussein", "recorded 212 deaths"),
    ("Panel discussion, transcript\n\nModerator:\nWhat did you see in the camp?\n\n"
     "Yara Nassar:\nThe guards beat two boys in front of everyone.\n\nModerator:\nWhen?\n\n"
     "Yara Nassar:\nIn the first week of June.",
     "Yara Nassar", "beat two boys"),
])
def test_label_line_speaks(text: str, name: str, piece: str) -> None:
    assert claim(text, piece)["attributed_to"] == name


def test_label_line_near_miss_headings() -> None:
    # headings ending in a colon, with no question asked: no speaker labels
    text = ("Summary:\nShelling killed four civilians in Ariha on Monday.\n\n"
            "Background:\nThe town has been shelled every week since October.\n\n"
            "Outlook:\nResidents expect more strikes.")
    assert claim(text, "killed four civilians")["attributed_to"] == "author"


# --- 2. a narrator line that runs on after the quoted name ---

@pytest.mark.parametrize(("text", "name", "piece"), [
    ("مشروع ذاكرة إدلب — شهادة رقم ٩\nالراوية: \"أم سمير\" (اسم مستعار بطلب منها)، ٦١ سنة، من حي "
     "القصور في مدينة إدلب، نزحت إلى أطمة ثم إلى عفرين وتعيش اليوم مع ابنتها في مدينة إعزاز.\n\n"
     "قصفوا السوق الصبح وقتلوا جارنا وابنه.",
     "أم سمير", "قتلوا جارنا"),
    ("Oral history archive, interview 14\nNarrator: \"Abu Tarek\" (a pseudonym he chose), 58, "
     "a retired teacher from Kafr Nabl who lived through the siege and now lives in Gaziantep "
     "with his two sons.\n\nThey shelled the school in the morning and killed three pupils.",
     "Abu Tarek", "killed three pupils"),
    ("Testimony collection, entry 31\nWitness: \"Hiba\" (not her real name), 27, a nurse from "
     "Saraqib who worked in the underground hospital until it was bombed in February 2020.\n\n"
     "The second strike hit the entrance and killed two of our medics.",
     "Hiba", "killed two of our medics"),
])
def test_long_narrator_line(text: str, name: str, piece: str) -> None:
    assert claim(text, piece)["attributed_to"] == name


def test_long_source_line_near_miss() -> None:
    # a long "Source:" line with no quoted name names no speaker
    text = ("Source: compiled from local council records, hospital registers and the statements "
            "of several relief organisations working in the area over the past two years\n\n"
            "Shelling killed four civilians in Ariha on Monday.")
    assert claim(text, "killed four civilians")["attributed_to"] == "author"


# --- 3. a byline: the writer, no source; what the article asserts itself is "author" ---

@pytest.mark.parametrize("text", [
    "Court jails former guard\n\nDate 02.03.2025\nAuthor Lukas Brenner (with AFP)\n\n"
    "The court found the former guard guilty of torturing at least 30 detainees.",
    "Interview by Clara Moss | 4 May 2025\n\nThe exhumation teams found 40 bodies in the "
    "trench, most of them bound.",
    "By Idris Kaplan\n\nThe strike killed six people in the market, most of them farmers.",
])
def test_byline_is_no_source(text: str) -> None:
    out = run(text)
    assert out["quoted_sources"] == []
    assert all(c["attributed_to"] == "author" for c in out["claims"])


def test_byline_near_miss_by_date() -> None:
    # "By June ..." is no byline
    text = "By June 2024 the camp held 40,000 people, aid groups said."
    assert claim(text, "40,000")["attributed_to"] == "aid groups"


# --- 4. a chat export: each message is its sender's ---

@pytest.mark.parametrize(("text", "name", "piece"), [
    ("[12/03/2024، 8:02 م] أبو فادي: قصفوا الحارة العصر.\n\n[12/03/2024، 8:05 م] أبو فادي: "
     "مات ثلاثة من ولاد الجيران تحت الردم.", "أبو فادي", "ثلاثة من ولاد الجيران"),
    ("[5/6/2023, 10:14 PM] Rana Z: The checkpoint took my cousin this morning.\n\n"
     "[5/6/2023, 10:16 PM] Rana Z: Nobody has heard from him since.", "Rana Z", "took my cousin"),
    ("14/02/2022, 21:40 - Samir: They burned four shops in the old market tonight.",
     "Samir", "burned four shops"),
])
def test_chat_sender_speaks(text: str, name: str, piece: str) -> None:
    assert claim(text, piece)["attributed_to"] == name
    assert name in sources(text)


def test_chat_near_miss_time_in_prose() -> None:
    # a time in running prose is no message header
    text = "At 9:14 the shelling resumed and killed two farmers near the mill."
    assert claim(text, "killed two farmers")["attributed_to"] == "author"


# --- 5. a disclaimer in a relative clause covers the figures it names, not the tolls before ---

@pytest.mark.parametrize(("text", "piece"), [
    ("Doctors counted 14 dead at the clinic. Relatives spoke of higher numbers that we were "
     "unable to verify.", "counted 14 dead"),
    ("The army said 12 soldiers died in the ambush. The rebels gave figures for their own losses "
     "that Reuters could not confirm.", "12 soldiers died"),
    ("The council reported 30 killed in the shelling. Activists circulated claims of a chemical "
     "attack that the BBC could not independently verify.", "30 killed"),
])
def test_relative_clause_disclaimer_keeps_to_its_figures(text: str, piece: str) -> None:
    assert claim(text, piece)["hedged"] is False


def test_relative_clause_disclaimer_near_miss() -> None:
    # a disclaimer that names "these figures" covers the toll before it
    text = "The council reported 30 killed in the shelling. The BBC could not verify these figures."
    assert claim(text, "30 killed")["hedged"] is True


# --- 6. Arabic verb-subject order with a document noun: "وتشير تقديرات X": X speaks ---

@pytest.mark.parametrize(("text", "name", "piece"), [
    ("وتشير تقديرات الهيئة الطبية المستقلة إلى أن ٣٠٠ مريض حرموا من العلاج خلال الحصار.",
     "الهيئة الطبية المستقلة", "٣٠٠ مريض"),
    ("وتؤكد إحصائيات مركز توثيق الانتهاكات أن ٤٥ شخصاً قتلوا في القرية منذ بداية العام.",
     "مركز توثيق الانتهاكات", "٤٥ شخصاً"),
    ("وتقول توثيقات المرصد الحقوقي في درعا بأن ١٢ شاباً اعتقلوا على الحواجز خلال أسبوع.",
     "المرصد الحقوقي", "١٢ شاباً"),
])
def test_arabic_estimates_of_owner(text: str, name: str, piece: str) -> None:
    got = claim(text, piece)["attributed_to"]
    assert got.startswith(name)
    assert not got.startswith(("تقديرات", "إحصائيات", "توثيقات"))


def test_arabic_estimates_near_miss_no_owner() -> None:
    # estimates of nobody named: no body is made up
    text = "وتشير تقديرات محلية إلى أن ٢٠٠ عائلة نزحت من البلدة خلال الأسبوع الماضي."
    assert all(not n.startswith("محلية") for n in sources(text))


# --- 7. a noun inside a quotation is no speaker; the person introduced before speaks it ---

@pytest.mark.parametrize(("text", "name", "piece"), [
    ("Rami Saleh, a former detainee who spent two years in the branch, keeps a list of names. "
     "\"I was hung from the ceiling for days. The jailers laughed at us,\" he said.",
     "Rami Saleh", "hung from the ceiling"),
    ("In Kafr Zita, Huda Nasser, a nurse who worked at the field clinic, still has the records. "
     "\"We treated 60 children that night. The doctors said most had inhaled gas,\" she said.",
     "Huda Nasser", "treated 60 children"),
    ("When the shelling stopped, Omar, 35, walked back to his street. \"Everything was burned. "
     "Neighbours said the gunmen had taken the men away,\" he said.",
     "Omar", "Everything was burned"),
])
def test_noun_inside_quote_no_speaker(text: str, name: str, piece: str) -> None:
    assert claim(text, piece)["attributed_to"] == name


def test_noun_inside_quote_near_miss() -> None:
    # outside any quotation the noun is the speaker
    text = ("Rami Saleh keeps a list of names. Neighbours said the gunmen had taken the men "
            "away on Friday.")
    assert claim(text, "gunmen had taken")["attributed_to"] == "Neighbours"


def test_according_to_inside_quote_is_relayed_source() -> None:
    # the speaker of the quotation asserts; "according to X" inside it is a source she relays
    text = ("Statement by Lina Roe, regional director of the Relief Office\n\n"
            "\"The strike killed four pupils. According to figures from the Health Directorate, "
            "at least 30 children have died in the province this year.\"")
    assert claim(text, "at least 30 children")["attributed_to"] == "Lina Roe"
    assert any("Health Directorate" in n for n in sources(text))


# --- 8. a title and surname after the full name is the same source ---

@pytest.mark.parametrize(("text", "full", "short"), [
    ("Rima Haddad, a surgeon at the hospital, said 12 patients had died overnight. Later, "
     "Dr. Haddad said the generator had failed at midnight.", "Rima Haddad", "Dr. Haddad"),
    ("Sami Aziz, the head of the council, said 40 houses had burned. Mr. Aziz said the fire "
     "brigade never came.", "Sami Aziz", "Mr. Aziz"),
    ("قال سامر الحلبي، وهو طبيب في المشفى الوطني، إن ١٢ مريضاً توفوا ليلاً. وقال الدكتور الحلبي "
     "إن المولدة توقفت عند منتصف الليل.", "سامر الحلبي", "الدكتور الحلبي"),
])
def test_title_surname_joins_full_name(text: str, full: str, short: str) -> None:
    names = sources(text)
    assert full in names
    assert short not in names


def test_title_surname_near_miss_other_person() -> None:
    # another first name: another person
    text = ("Rima Haddad said 12 patients had died overnight. Dr. Nour Haddad said the "
            "generator had failed at midnight.")
    names = sources(text)
    assert "Rima Haddad" in names and "Dr. Nour Haddad" in names


@pytest.mark.parametrize(("text", "name", "piece"), [
    ("تروي هالة (اسم مستعار) ما جرى: «خرج زوجي صباح الجمعة ولم يعد. اتصل بنا جارنا بعد ساعة "
     "وقال إن عناصر الحاجز أوقفوه وأخذوه مع شابين. ومن يومها لا نعرف عنه شيئاً.»",
     "جارنا", "أوقفوه وأخذوه"),
    ("Hala described that day: \"My husband left at dawn. Our neighbour called and said that the "
     "checkpoint men had taken him with two others. We never heard from him again,\" she said.",
     "Our neighbour", "checkpoint men had taken him"),
])
def test_reported_that_inside_quote_keeps_speaker(text: str, name: str, piece: str) -> None:
    # near miss of 7: a speaker the narrator reports with "that" inside her quotation speaks
    assert claim(text, piece)["attributed_to"].startswith(name)
