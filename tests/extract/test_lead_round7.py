"""Lead's rules of round 7: a title line naming the document's issuer ("Statement by X", "بيان
صادر عن X") makes X the publisher of what the document says without another source."""

from __future__ import annotations

import pytest

from dalil.extract import extract_document


@pytest.mark.parametrize(("text", "issuer"), [
    ("بيان صادر عن لجنة أهالي حي الصليبة\n\nاعتقل عناصر الحاجز خمسة شبان من الحي يوم 3 حزيران "
     "ولم تُعرف أماكن احتجازهم.\n", "لجنة أهالي حي الصليبة"),
    ("بيان مشترك صادر عن رابطة عائلات المفقودين في حمص\n\nقُتل ثلاثة مدنيين في حي الوعر يوم 2 "
     "حزيران.\n", "رابطة عائلات المفقودين في حمص"),
    ("Joint statement from the Families of the Missing Committee\n\nSecurity forces detained 23 "
     "people in Douma on 2 June 2025 and their families have had no news since.\n",
     "Families of the Missing Committee"),
    ("Statement by the Local Council of Kafr Nabl\n\nShelling killed four civilians in Kafr Nabl "
     "on 1 June 2025.\n", "Local Council of Kafr Nabl"),
])
def test_statement_title_names_the_publisher(text: str, issuer: str) -> None:
    claims = extract_document(text, published="2025-06-05").claims
    assert claims
    # (a title read as the header's source keeps its article: "the Local Council of ...")
    assert all(c.attributed_to.removeprefix("the ") == issuer for c in claims)


@pytest.mark.parametrize("text", [
    # a wire about a statement: the agency's story, not the body's own document
    "BEIRUT (Reuters) - A joint statement from two rights groups said 23 people were detained "
    "in Douma on 2 June 2025.\n",
    # a headline that is a sentence about a statement
    "Statement from the ministry angers families\n\nRelatives said 23 people were detained in "
    "Douma on 2 June 2025.\n",
])
def test_no_publisher_from_other_lines(text: str) -> None:
    claims = extract_document(text, published="2025-06-05").claims
    assert all(c.attribution_rule != "attribution:publisher" for c in claims)
