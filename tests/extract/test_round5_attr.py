"""Fifth round of attribution and hedging rules, each on short fictional texts written for this
test (never an evaluation text): a testimony's narrator, quotations that run over paragraphs,
a block introduced by a colon, disclaimers that name whose accounts or one testimony they doubt,
and the trimming of a source's name."""

from __future__ import annotations

from typing import Any

import pytest

from dalil.extract import extract_document


def run(text: str) -> dict[str, Any]:
    return extract_document(text, published="2025-06-10").to_dict()


def claim(text: str, piece: str) -> dict[str, Any]:
    res = run(text)
    return next(c for c in res["claims"] if piece in c["text"])


# --- a testimony's narrator ------------------------------------------------------------------

@pytest.mark.parametrize(("text", "piece", "who"), [
    # a block after a colon, without quotation marks
    ("The monitors interviewed 12 former detainees for this report.\n\n"
     "Nour T., a 29-year-old nurse from Tartus, said she was taken at a checkpoint in May and "
     "described her first night in custody:\n\n"
     "They tied my hands behind the chair and a guard beat me with a hose until morning.\n\n"
     "The monitors could not reach the prison's director.", "beat me with a hose", "Nour T."),
    ("Hassan Idris, who drove a taxi in Homs before the war, told us what happened that week:\n\n"
     "Soldiers stopped the bus at the bridge and took the young men off one by one.\n\n"
     "The army did not answer our questions.", "took the young men off", "Hassan Idris"),
    # first-person sentences right after the narrator is named
    ("Salwa, a teacher who asked that her family name be withheld, said the raid began at dawn. "
     "Men in uniform pushed me against the wall and took my brother away.",
     "pushed me against the wall", "Salwa"),
])
def test_narrator_speaks_what_follows(text: str, piece: str, who: str) -> None:
    assert claim(text, piece)["attributed_to"] == who


def test_first_person_of_a_post_author_is_not_a_narrator() -> None:
    # near miss: the account writes in the first person; the resident it quoted is not the "I"
    text = ("@KaramNews_sy\n\n"
            "A resident of Jableh said the market was shelled twice on Sunday. "
            "I saw eleven ambulances leave the square that evening.")
    assert claim(text, "I saw eleven ambulances")["attributed_to"] != "A resident of Jableh"


def test_colon_lead_reaches_one_paragraph_only() -> None:
    # near miss: the paragraph after the block is the author's again
    text = ("Rami K., a baker, described the night his shop burned:\n\n"
            "They poured fuel on the shutters and laughed while it burned.\n\n"
            "Local authorities opened an inquiry into the fire in the following weeks.")
    assert claim(text, "poured fuel on the shutters")["attributed_to"] == "Rami K."
    assert claim(text, "opened an inquiry")["attributed_to"] != "Rami K."


# --- quotations that run over paragraphs ---------------------------------------------------------

@pytest.mark.parametrize(("text", "piece", "who"), [
    ("تروي هالة (اسم مستعار)، وهي ممرضة من حمص، ما جرى في تلك الليلة.\n\n"
     "«وصلت سيارات الأمن إلى الحي بعد منتصف الليل وأخذوا زوجي من البيت.\n\n"
     "بحثنا عنه في كل الفروع ولم نعرف عنه شيئاً حتى اليوم.»\n\n"
     "وتعمل المنظمة على توثيق حالات مشابهة.", "بحثنا عنه في كل الفروع", "هالة"),
    ("Abu Yazan, 61, a farmer from the Ghab plain, remembers the day the shelling began.\n\n"
     "\"We were harvesting when the first shells fell on the orchard.\n\n"
     "\"By evening half the village had left on tractors.\"\n\n"
     "The council counted 40 families who never came back.", "half the village had left",
     "Abu Yazan"),
    ("Mona Saleh told the network about her son's arrest.\n\n"
     "“They came in two cars without plates and asked for him by name.\n\n"
     "We have not heard his voice since that night.”", "not heard his voice", "Mona Saleh"),
])
def test_quotation_over_paragraphs_is_the_narrators(text: str, piece: str, who: str) -> None:
    c = claim(text, piece)
    assert c["attributed_to"] == who


def test_unclosed_quotation_mark_opens_no_run() -> None:
    # near miss: a stray opening mark never closed: the paragraphs after it are not a quotation
    text = ("Rights groups describe the decree as a \"final warning to the returnees.\n\n"
            "The ministry issued 300 eviction orders in the district in March.\n\n"
            "Officials said the orders were lawful.")
    assert claim(text, "300 eviction orders")["attributed_to"] != "Rights groups"


# --- disclaimers -----------------------------------------------------------------------------------

def test_disclaimer_of_one_testimony_covers_all_of_it() -> None:
    text = ("تقول سمر (اسم مستعار)، وهي طالبة من داريا:\n\n"
            "«اقتحم عناصر الحاجز منزلنا في أيار وأخذوا أخي الأكبر.\n\n"
            "بعد شهر اعتقلوا والدي أيضاً ولم يعد.»\n\n"
            "ولم تتمكن المنظمة من التحقق بشكل مستقل من تفاصيل هذه الشهادة.")
    assert claim(text, "اقتحم عناصر الحاجز منزلنا")["hedged"]
    assert claim(text, "اعتقلوا والدي")["hedged"]


def test_disclaimer_of_her_account_in_english() -> None:
    text = ("Lamis, 33, told the group:\n\n"
            "\"The guards burned our tents and took the men to the stadium.\n\n"
            "\"Two of them came back with broken hands.\"\n\n"
            "The group could not independently verify her account.")
    assert claim(text, "burned our tents")["hedged"]


@pytest.mark.parametrize("disclaimer", [
    "The agency could not independently verify the residents' accounts.",
    "Reporters were unable to verify the witnesses' accounts of the raid.",
    "None of the villagers' testimonies could be independently verified.",
])
def test_whose_accounts_a_disclaimer_names(disclaimer: str) -> None:
    text = ("According to residents, gunmen burned 20 shops in the market of Tell Abyad in "
            "April.\n\n"
            "The local council said the gunmen belonged to a faction it did not name.\n\n"
            "Amnesty International has said such seizures are widespread in the region. "
            + disclaimer.replace("residents'", "residents'").replace(
                "witnesses'", "residents'").replace("villagers'", "residents'"))
    assert claim(text, "burned 20 shops")["hedged"]
    # the other sources are not doubted by a disclaimer of the residents' accounts
    assert not claim(text, "such seizures are widespread")["hedged"]
    assert not claim(text, "belonged to a faction")["hedged"]
