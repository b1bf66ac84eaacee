"""Eighth round of attribution: categories of speaker from the errors of blind sets 9 and 11,
each on short fictional texts written for this test (never an evaluation text), with a near miss
for each: a name after a title, rank or description; a name the writer gives; an inverted
"said X, a ..."; disclaimers and headings that are no speakers; a statement's issuer (title,
letterhead, press-release lead, brief header); interview and broadcast turns; a channel's shown
name; an unnamed spokesperson's body."""

from __future__ import annotations

import pytest
from tests.extract.attr_helpers import claim, run, sources

# --- 1. a title (with a rank or honorific), then the name between commas or before a colon ---

@pytest.mark.parametrize(("text", "who"), [
    ("أكد قائد شرطة المنطقة في ريف حماة، العقيد سامي الحسن، في تصريح أن الطريق أغلق ليومين.",
     "سامي الحسن"),
    ('وقالت مديرة المنظمة في حلب، السيدة ريم العلي: "وصلنا إلى المخيم بعد أن احترقت الخيام".',
     "ريم العلي"),
    ("وقال رئيس المجلس المحلي، المهندس خالد العمر، إن ثلاثة منازل احترقت.", "خالد العمر"),
])
def test_title_then_name(text: str, who: str) -> None:
    assert who in sources(text)
    assert run(text)["claims"][0]["attributed_to"] == who


def test_title_then_description_is_no_name() -> None:
    # near miss: what follows the comma describes the speaker, it is not a name
    found = sources("وقال المحامي سامر العبد الله، المتخصص في قضايا المعتقلين، إن الملف لم يغلق.")
    assert not any(n.startswith("المتخصص") for n in found)


# --- 2. the name the writer gives; the aside on an anonymous source -----------------------------

@pytest.mark.parametrize(("text", "who"), [
    ('"They beat him every night," said a former guard, whom we call Karam to protect his '
     'identity.', "Karam"),
    ('وروت امرأة من قرية الحمرا، فضّلت التعريف بنفسها باسم "أم سليم"، أنها خرجت مع أطفالها '
     'سيراً على الأقدام.', "أم سليم"),
    ("وقال مصدر طبي فضّل عدم الكشف عن اسمه لموقع محلي إن أربعة جرحى وصلوا إلى المشفى.",
     "مصدر طبي"),
])
def test_given_or_withheld_name(text: str, who: str) -> None:
    found = sources(text)
    assert who in found
    assert found[who][1] is True  # a name given in place of a withheld one


def test_plain_apposition_is_not_a_pseudonym() -> None:
    found = sources("Karam, a farmer from Sarmin, said the wells had been dry for a month.")
    assert found.get("Karam", ("", True))[1] is False


# --- 3. an inverted speaker with a description after the name ---------------------------------

@pytest.mark.parametrize(("text", "who"), [
    ("Fees doubled to $1,200 in a year, said Nadia Karam, a lawyer who follows the cases.",
     "Nadia Karam"),
    ("The bridge was shelled twice, says Omar Khaled, 52, a driver from Homs.", "Omar Khaled"),
    ("Nobody came back to the village, said Umm Ali, who runs the bakery.", "Umm Ali"),
])
def test_said_name_then_description(text: str, who: str) -> None:
    assert run(text)["claims"][0]["attributed_to"] == who


def test_said_to_be_names_no_speaker() -> None:
    assert not sources("The families, said to be from Homs, left the camp on Monday.")


# --- 4. a disclaimer or a heading is no speaker --------------------------------------------------

@pytest.mark.parametrize("text", [
    "The toll rose to 40. We cannot independently confirm all the names.",
    "People are saying fifty died, I don't know, I can't confirm it.",
    "Reuters could not independently verify the toll.",
    "Casualty estimates\n\nEstimates of the death toll differ.",
    "Competing claims\n\nBoth sides describe the night differently.",
    "HTS has not acknowledged where he is held.",
    "I searched every cell. We found papers, lists, clothes.",
])
def test_no_speaker(text: str) -> None:
    found = sources(text)
    assert not any(n.split()[0] in ("We", "I", "Reuters", "Casualty", "Competing", "HTS")
                   for n in found), found


def test_confirming_monitor_still_speaks() -> None:
    # near miss: a plain, affirmative reporting verb
    assert "The monitor" in sources("The monitor confirmed that 12 people were killed.")


# --- 5. the issuer of a statement ------------------------------------------------------------

def test_statement_title_names_issuer() -> None:
    text = ("بيان صادر عن لجنة أهالي حي الورود\n\n"
            "تابعت اللجنة بقلق بالغ اعتقال اثني عشر شاباً من الحي فجر الأحد على حاجز المدخل.\n\n"
            "ونطالب بالإفراج الفوري عنهم.")
    assert any("لجنة أهالي حي الورود" in n for n in sources(text))


def test_letterhead_unit_above_kind_of_document() -> None:
    text = ("الجمهورية العربية السورية\nوزارة الداخلية\nقيادة شرطة محافظة حمص\n\nبيان صحفي\n\n"
            "أوقفت دوريات الشرطة ليل السبت أربعة أشخاص بعد سرقة محلات في سوق المدينة.")
    assert any(n.startswith("قيادة شرطة محافظة حمص") for n in sources(text))


def test_letterhead_press_office_is_not_the_issuer() -> None:
    # near miss: "المكتب الإعلامي" is the ministry's press office; the ministry speaks
    text = ("الجمهورية العربية السورية\nوزارة الداخلية\nالمكتب الإعلامي\n\nبيان\n\n"
            "تعلن وزارة الداخلية أن وحدات الشرطة ألقت القبض على ثلاثة أشخاص في مدينة حمص.")
    assert "المكتب الإعلامي" not in sources(text)


def test_press_release_lead_said_today() -> None:
    text = ("Syria: Clinic hit by shelling in Idlib\n\nPRESS RELEASE\n\n"
            "(Gaziantep, 3 March 2024) – A clinic supported by the Medical Relief Foundation in "
            "Ariha was damaged by shelling on Sunday night, the Medical Relief Foundation said "
            "today. Three patients were killed and two nurses were injured.")
    out = run(text)
    assert any("Medical Relief Foundation" in s["name"] for s in out["quoted_sources"])
    c = next(c for c in out["claims"] if "Three patients" in c["text"])
    assert "Medical Relief Foundation" in c["attributed_to"]


def test_wire_story_said_today_is_not_the_publisher() -> None:
    # near miss: a news agency's story quoting a body is the agency's
    text = ("BEIRUT, March 3 (Reuters) - Shelling damaged a clinic in Ariha on Sunday, the Medical "
            "Relief Foundation said today. Three patients were killed.")
    c = next(c for c in run(text)["claims"] if "Three patients" in c["text"])
    assert c["attributed_to"] == "author"


def test_statement_by_person_speaks() -> None:
    text = ("Statement by Lina Haddad, Regional Director of the Medical Relief Foundation, on "
            "the attack in Jasim\n\nAMMAN, 3 May 2025 – \"Four children were killed yesterday when "
            "a shell hit their school.\"")
    assert "Lina Haddad" in sources(text)


def test_brief_header_and_our_dataset() -> None:
    text = ("POLICY BRIEF | Levant Research Network | No. 3\n\nSummary\n\n"
            "Between 2022 and 2023, drones struck the area at least 40 times, according to our "
            "dataset. The strikes killed at least 61 people.")
    found = sources(text)
    assert "Levant Research Network" in found
    assert "our dataset" not in found


# --- 6. interview and broadcast turns ----------------------------------------------------------

def test_broadcast_staff_are_no_sources() -> None:
    text = ("JANE DOE, HOST:\n\nA year after the battle, the city is still counting its dead. "
            "Our reporter Sam Roe is there.\n\n"
            "SAM ROE, BYLINE: Good morning, Jane.\n\n"
            "DOE: What are you seeing?\n\n"
            "ROE: A pit the size of a tennis court, and men digging with their hands.\n\n"
            "DOE: Who are they?\n\n"
            "ROE: Volunteers. Their leader is Ahmad Nouri.\n\n"
            "AHMAD NOURI: (Through interpreter) We found forty bodies with their hands tied.")
    found = sources(text)
    assert "Ahmad Nouri" in found
    assert not any("ROE" in n.upper() or "DOE" in n.upper() for n in found), found


def test_arabic_interview_turns_in_one_paragraph() -> None:
    text = ("موقع المدينة: ما الذي حدث يوم الاعتقال؟\n"
            "سلوى الأحمد: اعتقلوا أخي على حاجز المدخل ولم نسمع عنه شيئاً منذ ذلك اليوم.\n\n"
            "موقع المدينة: هل راجعتم أي جهة؟\n"
            "سلوى الأحمد: سجلنا اسمه لدى اللجنة ولم يتصل بنا أحد.\n\n"
            "موقع المدينة: ماذا تطلبون؟\n"
            "سلوى الأحمد: الحقيقة فقط.")
    assert "سلوى الأحمد" in sources(text)
    assert claim(text, "اعتقلوا أخي")["attributed_to"] == "سلوى الأحمد"


def test_labels_without_a_question_are_no_interview() -> None:
    # near miss: labelled lines that never ask are a list, not an interview
    text = ("Monday: two strikes on the market.\n\nTuesday: the road was closed.\n\n"
            "Wednesday: aid reached the camp.")
    assert not sources(text)


# --- 7. a channel's or thread's shown name and handle; a voice note's sender -------------------

def test_channel_shown_name_and_first_person() -> None:
    text = ("Mountain Watch | رصد الجبل\n@mountain_watch · 12K subscribers\n\n"
            "[1 Jan 2025, 10:00]\nOur field teams documented the bodies of four men in the "
            "village square.")
    found = sources(text)
    assert "Mountain Watch (@mountain_watch)" in found
    assert not any(n.lower().startswith("our") for n in found)
    assert claim(text, "four men")["attributed_to"] == "Mountain Watch (@mountain_watch)"


def test_thread_shown_name_on_one_line() -> None:
    text = ("Deir Monitor @DeirMon · Jan 3, 2025\n\n1/ Two farmers were shot dead near "
            "al-Busayrah on Thursday.")
    assert "Deir Monitor (@DeirMon)" in sources(text)


def test_arabic_thread_shown_name() -> None:
    text = ("سلسلة تغريدات — رامي الحسن @rami_hsn\n٣ شباط ٢٠٢٥\n\n"
            "١/ قتل مسلحون مجهولون شابين على طريق القرية مساء أمس.")
    assert "رامي الحسن" in sources(text)


def test_thread_by_handle_keeps_the_handle() -> None:
    # near miss: "Thread by" is no shown name
    text = ("Thread by @LeilaX\nLeila X | journalist\n\n1/ Shelling hit the market at noon, "
            "residents said.")
    assert not any(n.startswith("Thread") for n in sources(text))


def test_voice_note_sender() -> None:
    text = ("Transcript of two voice notes. Sender: Maha (family name withheld), who lives in "
            "Baniyas.\n\n[Voice note 1]\nThey took my neighbour from the stairs this morning.")
    found = sources(text)
    assert "Maha" in found


# --- 8. an unnamed spokesperson speaks for the body; "rejected" -------------------------------

@pytest.mark.parametrize(("text", "who"), [
    ("A spokesperson for the Ministry of Health told reporters that the hospital was empty.",
     "the Ministry of Health"),
    ("A spokesman for the Hamza Division said the complaints were exaggerated.",
     "the Hamza Division"),
    ("The spokeswoman of the interior ministry said 12 people had been detained.",
     "the interior ministry"),
])
def test_unnamed_spokesperson_is_the_body(text: str, who: str) -> None:
    assert run(text)["claims"][0]["attributed_to"] == who


def test_named_spokesperson_is_the_person() -> None:
    # near miss: the name is given
    text = ('A spokesman for the Interior Ministry in Homs, Samer Haddad, rejected them. '
            '"We have nothing to do with these crimes," he said.')
    assert claim(text, "nothing to do")["attributed_to"] == "Samer Haddad"


# --- 9. Arabic subject-verb order with a count as the object --------------------------------

def test_arabic_subject_verb_count() -> None:
    text = "الشبكة السورية لحقوق الإنسان تقدّر عدد المفقودين في المحافظة بأكثر من عشرة آلاف شخص."
    assert run(text)["claims"][0]["attributed_to"].startswith("الشبكة السورية لحقوق الإنسان")


def test_arabic_standard_is_no_source() -> None:
    # near miss: "وفق معايير قانونية" is a rule followed, not a source
    assert not sources("ونطالب بأن تحفظ الوثائق وفق معايير قانونية لتقديمها إلى المحاكم.")


# --- 10. hedging: hearsay, a figure checked in part, a closing disclaimer on estimates ----------

@pytest.mark.parametrize(("text", "piece"), [
    ("I was on duty that night. I heard afterwards that forty people died in the raid.",
     "forty people died"),
    ("كنت في المشفى تلك الليلة. سمعت بعدها أن أكثر من ثلاثين شخصاً قتلوا في الغارة.",
     "ثلاثين شخصاً"),
    ("The council said 9 civilians were killed in those two days, a toll we could only partly "
     "confirm.", "9 civilians"),
])
def test_hearsay_and_partial_checks_hedge(text: str, piece: str) -> None:
    assert claim(text, piece)["hedged"] is True


def test_heard_of_a_named_source_is_not_hedged() -> None:
    # near miss: what a named body said, heard of later, is that body's plain figure
    text = "دفنّا الجثث في الجامع. بعدين سمعت إن الأمم المتحدة قالت ٩٠ قتيلاً."
    assert claim(text, "٩٠")["hedged"] is False


def test_closing_disclaimer_on_estimates_covers_the_list() -> None:
    text = ("Estimates of the toll differ:\n\n"
            "- The health ministry said 212 people were killed.\n\n"
            "- A local monitor documented at least 180 deaths by name.\n\n"
            "No estimate has been independently confirmed.")
    assert claim(text, "212 people")["hedged"] is True
    assert claim(text, "180 deaths")["hedged"] is True


def test_closing_arabic_disclaimer_on_victim_counts() -> None:
    text = ("قُتل ستة مدنيين بينهم طفل في قصف على البلدة صباح اليوم، وفق ما أفاد المجلس المحلي.\n\n"
            "وقال المجلس إن القصف استمر ساعتين.\n\n"
            "ولم يتسن لنا التحقق بشكل مستقل من أعداد الضحايا.")
    assert claim(text, "ستة مدنيين")["hedged"] is True


# --- 11. a denial in the present tense --------------------------------------------------------

@pytest.mark.parametrize(("text", "who"), [
    ("Russia denies that its aircraft struck the market.", "Russia"),
    ("The ministry flatly denies the reports of looting.", "The ministry"),
    ("Turkey's defence ministry denies any civilian deaths in the operation.",
     "Turkey's defence ministry"),
])
def test_present_denial(text: str, who: str) -> None:
    assert run(text)["claims"][0]["attributed_to"] == who


def test_nobody_denies_names_no_speaker() -> None:
    # near miss: nobody is speaking
    assert not sources("Nobody denies that the market was shelled twice.")


# --- 12. an Arabic outlet or body named in full, then by its short name in brackets -----------

@pytest.mark.parametrize(("text", "who"), [
    ("قالت وكالة الأنباء السورية الرسمية (سانا) إن وحدات الجيش قتلت عدداً من المسلحين.", "سانا"),
    ("وقال مكتب الأمم المتحدة لتنسيق الشؤون الإنسانية (أوتشا) إن ٤٠ ألف شخص نزحوا.", "أوتشا"),
    ("وذكرت شبكة أخبار المنطقة (شام) أن القصف استمر حتى المساء.", "شام"),
])
def test_arabic_body_by_short_name(text: str, who: str) -> None:
    # the full name with the short one in brackets, as the text writes it
    assert run(text)["claims"][0]["attributed_to"].endswith(f"({who})")


def test_arabic_pseudonym_aside_is_no_short_name() -> None:
    # near miss: the aside says the name is a pseudonym
    found = sources("وقال أبو خالد (اسم مستعار) إن القصف استمر ساعتين.")
    assert found.get("أبو خالد", ("", False))[1] is True


def test_voice_note_sender_home_is_not_the_scene() -> None:
    # near miss for the testimony rule: where a message's sender lives is not where it happened
    text = ("Transcript of two voice notes. Sender: Maha (family name withheld), who lives in "
            "Tartus city.\n\n[Voice note 1]\nMy brother called from Baniyas. Gunmen burned "
            "three shops in his street this morning.")
    places = [p["canonical"] for p in run(text)["places"]]
    assert "Tartus" not in places
