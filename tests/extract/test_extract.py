"""The extractor on small fictional reports, bad input, and the CLI."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from typer.testing import CliRunner

from dalil.cli import app
from dalil.errors import InputError, TooLargeError
from dalil.extract import VIOLATION_TYPES, extract_document

WIRE = (
    "BEIRUT, March 8 (Wire) - Gunmen killed at least 52 civilians in the village of Mukhtariyah "
    "in the Latakia countryside on Thursday, a monitoring group said.\n\n"
    "The Syrian Observatory for Human Rights said the victims were Alawites and that houses were "
    "set on fire. Wire could not independently verify the figures.\n\n"
    "\"They went from house to house and shot the men,\" said Rami, a 41-year-old farmer who asked "
    "to be identified only by his first name. He fled to Tartus with his family the next morning."
    "\n\nMore than 2,000 fighters from Idlib were deployed, the ministry said."
)


def test_english_wire_report() -> None:
    r = extract_document(WIRE, published="2025-03-08").to_dict()
    scenes = {p["canonical"] for p in r["places"]}
    assert "Mukhtariyah" in scenes
    roles = {m["surface"]: m["role"] for m in r["place_mentions"]}
    assert roles["BEIRUT"] == "dateline" if "BEIRUT" in roles else True
    assert roles["Idlib"] == "origin"
    assert roles["Tartus"] == "destination"
    assert {"killing", "arson", "home_invasion"} <= set(r["violations"])
    assert set(r["violations"]) <= set(VIOLATION_TYPES)
    assert [d["date"] for d in r["dates"]][:2] == ["2025-03-06", "2025-03-07"]
    fig = r["casualty_figures"][0]
    assert (fig["value"], fig["qualifier"], fig["what"]) == (52, "at_least", "killed")
    assert fig["hedged"]  # the disclaimer covers the figure
    assert WIRE[fig["span"][0]:fig["span"][1]] == "at least 52"
    assert [(f["value"], f["what"]) for f in r["other_figures"]] == [(2000, "fighters")]
    assert r["victim_groups"][0]["canonical"] == "Alawites"
    rami = next(s for s in r["quoted_sources"] if s["name"] == "Rami")
    assert rami["role"] == "witness" and rami["pseudonymous"]
    quote = next(c for c in r["claims"] if c["quoted"])
    assert quote["attributed_to"] == "Rami" and not quote["hedged"]
    for c in r["claims"]:
        assert WIRE[c["span"][0]:c["span"][1]] == c["text"]


def test_arabic_report_spans_point_into_original_text() -> None:
    text = ("قُتل ما لا يقل عن ٤٥ مدنياً في قرية الدالية بريف جبلة يوم الجمعة، بحسب المرصد السوري "
            "لحقوق الإنسان. ويُزعم أن مسلحين أعدموا رجالاً من الطائفة العلوية.")
    r = extract_document(text, published="2025-03-09").to_dict()
    assert r["language"] == "ar"
    fig = r["casualty_figures"][0]
    assert (fig["value"], fig["qualifier"], fig["what"]) == (45, "at_least", "killed")
    assert text[fig["span"][0]:fig["span"][1]] == fig["surface"]
    assert {"killing", "execution"} <= set(r["violations"])
    assert any(p["admin1"] == "Latakia" for p in r["places"])
    assert r["dates"][0]["date"] == "2025-03-07"
    assert r["victim_groups"][0]["canonical"] == "Alawites"
    assert r["claims"][0]["attributed_to"].startswith("المرصد")
    assert r["claims"][1]["hedged"]


def test_plain_attribution_is_not_doubt_but_reportedly_is() -> None:
    r = extract_document("The ministry said 12 detainees were released on Monday. "
                         "Guards reportedly beat 3 of them before the release.").to_dict()
    assert [c["hedged"] for c in r["claims"]] == [False, True]


def test_deterministic() -> None:
    a = extract_document(WIRE, published="2025-03-08").to_dict()
    b = extract_document(WIRE, published="2025-03-08").to_dict()
    assert json.dumps(a, sort_keys=True) == json.dumps(b, sort_keys=True)


@pytest.mark.parametrize("text", [
    "", "   \n\n ", "no sentences here just words without punctuation",
    "\u202e\u202b جبلة \u200f\u2066 Jableh \u2069", "x" * 200_000, ("word " * 50_000).strip(),
    "".join(chr(i % 256) for i in range(5000)), "\x00\x01\x02" * 1000, "?!.,;:" * 1000,
])
def test_bad_input_never_crashes(text: str) -> None:
    r = extract_document(text).to_dict()
    assert set(r) >= {"places", "dates", "claims", "events", "warnings"}


def test_binary_garbage_is_reported() -> None:
    r = extract_document("\x00\x01\x02\x03" * 1000)
    assert r.warnings and not r.claims


def test_too_large_is_a_clear_error() -> None:
    with pytest.raises(TooLargeError):
        extract_document("a" * (50 * 1024 * 1024))


def test_bad_arguments() -> None:
    with pytest.raises(InputError):
        extract_document("text", lang="fr")
    with pytest.raises(InputError):
        extract_document("text", published="March 6")
    with pytest.raises(InputError):
        extract_document(b"\xff\xfe\x00bad")


def test_cli_extract_json(tmp_path: Path) -> None:
    f = tmp_path / "report.txt"
    f.write_text(WIRE, encoding="utf-8")
    result = CliRunner().invoke(app, ["extract", str(f), "--published", "2025-03-08", "--json"])
    assert result.exit_code == 0, result.output
    data = json.loads(result.output)
    for key in ("places", "dates", "violations", "perpetrators", "victim_groups",
                "casualty_figures", "other_figures", "quoted_sources", "claims", "events"):
        assert isinstance(data[key], list)
    assert data["events"][0]["place"] == "Mukhtariyah"


def test_cli_extract_reads_arabic_legacy_encodings(tmp_path: Path) -> None:
    # a fictional committee statement saved as Windows-1256, as many Arabic reports still are
    text = ("أعلنت لجنة أهالي حي الصليبة في مدينة اللاذقية أن مسلحين اعتقلوا ستة عشر شاباً "
            "يوم 8 آذار 2025 عند حاجز في مدخل الحي.\n")
    f = tmp_path / "statement.txt"
    f.write_bytes(text.encode("cp1256"))
    result = CliRunner().invoke(app, ["extract", str(f), "--published", "2025-03-10", "--json"])
    assert result.exit_code == 0, result.output
    data = json.loads(result.stdout)
    assert "al-Sleibeh" in [p["canonical"] for p in data["places"]]
    figure = data["casualty_figures"][0]
    assert (figure["value"], figure["what"]) == (16, "detained")
    start, end = figure["span"]
    assert text[start:end] == figure["surface"]  # spans count characters of the decoded text
    assert "read as" in result.stderr


def test_cli_extract_refuses_binary(tmp_path: Path) -> None:
    f = tmp_path / "photo.txt"
    f.write_bytes(bytes(range(256)) * 8)
    result = CliRunner().invoke(app, ["extract", str(f), "--json"])
    assert result.exit_code != 0
    assert isinstance(result.exception, InputError)
    assert "content is binary" in str(result.exception)
    assert not result.stdout.strip()


def test_gazetteer_import_geonames(tmp_path: Path) -> None:
    dump = tmp_path / "LB.txt"
    dump.write_text(
        "276781\tBeirut\tBeirut\tBeyrouth,بيروت\t33.89\t35.49\tP\tPPLC\tLB\t\t04\t\t\t\t1916100"
        "\t\t30\tAsia/Beirut\t2020-01-01\n"
        "999\tSome River\tSome River\t\t33.0\t35.0\tH\tSTM\tLB\t\t\t\t\t\t0\t\t\t\t\n",
        encoding="utf-8")
    out = tmp_path / "gaz"
    result = CliRunner().invoke(app, ["gazetteer", "import", str(dump), "--dir", str(out)])
    assert result.exit_code == 0, result.output
    from dalil.gazetteer import load_gazetteer

    gaz = load_gazetteer(out)
    assert [p.name for p in gaz.lookup("Beyrouth")] == ["Beirut"]
    assert [p.name for p in gaz.lookup("بيروت")] == ["Beirut"]
    assert gaz.lookup("Some River") == []


@pytest.mark.parametrize(("text", "surface", "role"), [
    ("Gunmen killed 5 people in Jableh after fighters from Idlib arrived.", "Idlib", "origin"),
    ("Families fled to Tartus after gunmen killed 5 people in Baniyas.", "Tartus", "destination"),
    ("نزحت عشرات العائلات إلى مدينة طرطوس بعد مقتل ٥ أشخاص في بانياس.", "طرطوس", "destination"),
    ("Human rights lawyers in Latakia say 40 men were detained in Qardaha.", "Latakia", "base"),
    ("Gunmen killed 5 people in Jableh, Idlib Today reported.", "Jableh", "scene"),
])
def test_place_roles(text: str, surface: str, role: str) -> None:
    r = extract_document(text, published="2025-03-10").to_dict()
    roles = {m["surface"]: m["role"] for m in r["place_mentions"]}
    assert roles[surface] == role
    assert "Idlib Today" not in roles  # an outlet named after a place is not a place


def test_ambiguous_arabic_nouns_are_not_places() -> None:
    r = extract_document("بقينا مختبئين في القبو ثلاثة أيام بعد أن قتل مسلحون جارنا.").to_dict()
    assert r["places"] == []


def test_perpetrator_eras_and_pronouns() -> None:
    old = extract_document("Government forces shelled the town in 2016, killing 12 people.",
                           published="2025-03-10").to_dict()
    assert [p["canonical"] for p in old["perpetrators"]] == ["Assad-era forces and loyalists"]
    new = extract_document("Government forces shelled the town on 6 March 2025, killing 12 "
                           "people.", published="2025-03-10").to_dict()
    assert [p["canonical"] for p in new["perpetrators"]] == ["Syrian government forces (2025-)"]
    story = extract_document("Masked gunmen came to our street. They broke into our house and "
                             "killed my father.").to_dict()
    # unnamed agents keep their description and count under "unidentified gunmen"
    assert [(p["canonical"], p["groups"]) for p in story["perpetrators"]] == [
        ("masked men", ["unidentified gunmen"])]


def test_figures_years_subsets_and_units() -> None:
    r = extract_document(
        "The monitor documented the killing of 212 civilians, including 31 children and 22 "
        "women, in a town of 40,000 inhabitants, 20 years after a 2005 bombing killed 13 "
        "people. The group paid $5,000 and published a 64-page report.").to_dict()
    assert sorted((f["value"], f["what"]) for f in r["casualty_figures"]) == [
        (13, "killed"), (22, "killed"), (31, "killed"), (212, "killed")]
    assert sorted((f["value"], f["what"]) for f in r["other_figures"]) == [
        (64, "pages"), (5000, "money"), (40000, "population")]


def test_denied_violation_is_not_asserted() -> None:
    r = extract_document("The ministry denied reports of field executions in the area.").to_dict()
    assert "execution" not in r["violations"]


def test_optional_entity_model_adds_known_places_only() -> None:
    # A village named without "قرية" before it: the rules leave it, a model may propose it.
    text = "قتل مسلحون ٤ أشخاص في برابشبو وفي الحديقة الكبيرة."

    def fake_model(t: str) -> list[tuple[int, int, str]]:
        out = []
        for name in ("برابشبو", "الحديقة الكبيرة"):
            i = t.find(name)
            out.append((i, i + len(name), "GPE"))
        return out

    fake_model.__name__ = "fake"
    plain = extract_document(text).to_dict()
    with_model = extract_document(text, entity_model=fake_model).to_dict()
    assert plain["places"] == []
    assert with_model["extractor_version"].endswith("+fake")
    assert [p["canonical"] for p in with_model["places"]] == ["Brabishbu"]
    mention = with_model["place_mentions"][0]
    assert "model:fake:GPE" in mention["explanation"]
    assert text[mention["span"][0]:mention["span"][1]] == "برابشبو"


def test_missing_model_is_a_clear_error() -> None:
    from dalil.errors import ConfigError
    from dalil.extract.statistical import load_entity_model

    with pytest.raises(ConfigError):
        load_entity_model("no_such_pipeline_xyz")


def test_a_place_before_its_own_kind_is_no_person() -> None:
    # "Homs Governorate said": the capitalised "Governorate" is no surname, so the name is a
    # place mention (the governorate speaking), not a person like "Samir Haddad said"
    out = extract_document("Homs Governorate said on Monday that shelling killed 12 people in "
                           "Talbiseh.", published="2025-03-09").to_dict()
    assert "Homs" in [m["canonical"] for m in out["place_mentions"]]
    assert [p["canonical"] for p in out["places"]] == ["Talbiseh"]


def test_approx_with_its_full_stop_is_a_qualifier() -> None:
    out = extract_document("Shelling killed approx. 40 people in Talbiseh on Monday, the monitor "
                           "said.", published="2025-03-09").to_dict()
    assert [(f["value"], f["qualifier"], f["what"]) for f in out["casualty_figures"]] == [
        (40, "approx", "killed")]
