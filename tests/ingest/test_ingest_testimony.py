"""Testimony files: validation, redaction, and that no identity value ever leaks in an error."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest

from dalil.errors import InputError
from dalil.ingest import testimony_file as tf
from dalil.ingest.detect import parse_file
from dalil.ingest.testimony_file import Identity, load_testimony, read_testimony, redact

Write = Callable[[str, bytes], Path]

IDENTITY_BLOCK = """identity:
  real_name: Mariam Fadi Haddad
  contact: "+963-944-123-456"
  address: 14 Old Market Lane, Baniyas
  sensitive: {religion: Alawite}
"""
SECRETS = ("Mariam", "Haddad", "944", "Old Market Lane", "Alawite")
BASE = """pseudonym: Rima
language: en
statement: On the seventh the men came to our street.
interview: {date: 2025-03-20, place: Beirut, interviewer: K.S.}
consent: {record: true, share_with_investigators: true, share_with_courts: false, publish: false}
"""


def test_yaml_testimony_is_read(fixtures: Path) -> None:
    t = load_testimony(fixtures / "testimony_rima.yaml", "testimony_rima.yaml")
    assert t.pseudonym == "Rima" and t.language == "en"
    assert t.interview == tf.Interview(date="2025-03-20", place="Beirut", interviewer="K.S.")
    assert t.consent == tf.Consent(True, True, False, False)
    assert t.identity is not None
    assert t.identity.real_name == "Mariam Fadi Haddad"
    assert t.identity.sensitive == {"religion": "Alawite", "ethnicity": "Arab"}


def test_json_testimony_is_read(fixtures: Path) -> None:
    t = load_testimony(fixtures / "testimony.json", "testimony.json")
    assert t.pseudonym == "Samer" and t.consent.publish is True
    assert t.identity is not None and t.identity.contact == "karim.s@example.org"


def test_identity_repr_hides_values(fixtures: Path) -> None:
    t = load_testimony(fixtures / "testimony_rima.yaml", "testimony_rima.yaml")
    for shown in (repr(t), str(t.identity), repr(t.identity)):
        for secret in SECRETS:
            assert secret not in shown
    assert "withheld" in repr(t.identity)


def test_identity_json_round_trip(fixtures: Path) -> None:
    t = load_testimony(fixtures / "testimony_ar.yaml", "testimony_ar.yaml")
    assert t.identity is not None
    data = t.identity.to_json_bytes()
    assert Identity.from_json_bytes(data).to_json_bytes() == data
    assert "سعاد".encode() in data


def test_parsed_item_carries_no_identity(fixtures: Path) -> None:
    item = parse_file(fixtures / "testimony_rima.yaml", "testimony_rima.yaml")
    assert item.kind == "testimony" and item.flags["encrypt"] is True
    assert item.author == "Rima" and item.published_at == "2025-03-20"
    flat = repr(item)
    for secret in ("Mariam", "Haddad", "944", "123", "Old Market Lane", "Alawite"):
        assert secret not in flat
    assert "[withheld]" in item.texts[0]
    assert item.meta["consent"] == {"record": True, "share_with_investigators": True,
                                    "share_with_courts": False, "publish": False}


def test_redaction_in_english_statement(fixtures: Path) -> None:
    t = load_testimony(fixtures / "testimony_rima.yaml", "testimony_rima.yaml")
    text = t.redacted_statement
    assert "Haddad" not in text  # a part of the real name, also in "Haddads"
    assert "944" not in text  # the phone number written with spaces
    assert "al-Qusour" in text and "Beirut" not in text  # unrelated words stay
    assert "the [withheld] of the old market" in text


@pytest.mark.parametrize(
    ("statement", "expected"),
    [
        ("Ahmad Khalil was there", "[withheld] was there"),
        ("AHMAD khalil was there", "[withheld] was there"),
        ("Khalil's house", "[withheld]'s house"),
        ("the Khalils left", "the [withheld] left"),
        ("Khalilov is someone else", "Khalilov is someone else"),
        ("Ahmadi too", "Ahmadi too"),
        ("call 0933 555 010 now", "call [withheld] now"),
        ("call +963 (933) 555-010 now", "call [withheld] now"),
        ("nothing here", "nothing here"),
    ],
)
def test_redaction_latin(statement: str, expected: str) -> None:
    identity = Identity(real_name="Ahmad Khalil", contact="+963 933 555 010")
    assert redact(statement, identity) == expected


@pytest.mark.parametrize(
    ("statement", "expected"),
    [
        ("رأيت أحمد خليل", "رأيت [withheld]"),
        ("رأيت احمد خليل", "رأيت [withheld]"),  # alef without hamza
        ("رأيت أَحْمَد", "رأيت [withheld]"),  # with diacritics
        ("وأحمد كان هناك", "و[withheld] كان هناك"),  # conjunction prefix
        ("بيت الخليليّ", "بيت الخليليّ"),  # a different word
        ("اتصلوا على ٠٩٣٣٥٥٥٠١٠", "اتصلوا على [withheld]"),  # Arabic-Indic digits
    ],
)
def test_redaction_arabic(statement: str, expected: str) -> None:
    identity = Identity(real_name="أحمد خليل", contact="0933555010")
    assert redact(statement, identity) == expected


def test_redaction_of_arabic_fixture(fixtures: Path) -> None:
    t = load_testimony(fixtures / "testimony_ar.yaml", "testimony_ar.yaml")
    text = t.redacted_statement
    assert "الحموي" not in text and "الحمويّ" not in text
    assert "يوسف" in text  # the husband's first name is not the witness's
    assert text.count("[withheld]") == 2


def test_name_parts_skip_particles() -> None:
    assert tf.name_parts("Abu Nour al-Sayyed") == ["Nour", "Sayyed"]
    assert tf.name_parts("عبد الله بن سالم") == ["الله", "سالم"]


def _leaks(message: str) -> list[str]:
    return [s for s in SECRETS if s in message]


@pytest.mark.parametrize(
    ("doc", "problem"),
    [
        (BASE.replace("pseudonym: Rima\n", ""), "pseudonym is missing"),
        (BASE.replace("statement: On", "statement: ''\nx: On").replace("x: On", "#"), "statement"),
        (BASE.replace("record: true", "record: false"), "did not agree to be recorded"),
        (BASE.replace("publish: false", "publish: maybe"), "consent.publish must be true or false"),
        (BASE.replace(", publish: false", ""), "consent.publish must be true or false"),
        (BASE.replace("language: en", "language: English"), "two-letter"),
        (BASE + "phone: 0944123456\n", "unknown field(s) 'phone'"),
        (BASE + "Mariam Haddad: witness\n", "unknown field(s) (unnamed field)"),
        (BASE.replace("place: Beirut", "place: Beirut, home: Old Market Lane"),
         "interview has unknown field 'home'"),
        (BASE + "identity:\n  real_name: Mariam Haddad\n  Mariam Haddad phone: 0944\n",
         "identity has 1 unknown field"),
        (BASE + "identity:\n  real_name: [Mariam, {Haddad: 1}]\n", "identity.real_name must be"),
        (BASE + "identity: Mariam Haddad\n", "identity must be a mapping"),
        (BASE.replace("pseudonym: Rima", "pseudonym: Haddad") + IDENTITY_BLOCK,
         "pseudonym is the witness's real name"),
        (BASE + IDENTITY_BLOCK + "  extra: 'Mariam Haddad\n", "invalid YAML"),
        (BASE + "identity:\n  real_name: 'Mariam Haddad\n", "invalid YAML at line"),
        (BASE + "identity: {real_name: Mariam Haddad, contact: [1, 2}\n", "invalid YAML"),
        ("- Mariam Haddad\n- Alawite\n", "must hold a mapping"),
        (BASE.replace("date: 2025-03-20", "date: 2025-02-30"), "YAML could not be read"),
        (BASE + "identity:\n  sensitive: {religion: [[Alawite]]}\n", "sensitive entry 1 must"),
        (BASE + "identity:\n  contact: [[Mariam], 1]\n", "identity.contact must be text"),
    ],
)
def test_invalid_testimony_errors_never_contain_identity_values(
    write: Write, doc: str, problem: str
) -> None:
    with pytest.raises(InputError) as err:
        read_testimony(doc.encode(), "t.yaml")
    message = str(err.value)
    assert problem in message
    assert _leaks(message) == []
    assert _leaks(repr(err.value.details)) == []
    # The exception chain is cut too: a traceback shows no library message quoting the file.
    assert err.value.__cause__ is None


@pytest.mark.parametrize(
    "doc",
    [
        '{"pseudonym": "Rima", "identity": {"real_name": "Mariam Haddad",, }}',
        '{"pseudonym": "Rima", "identity": {"real_name": "Mariam Haddad"',
    ],
)
def test_invalid_json_testimony_errors_never_contain_identity_values(doc: str) -> None:
    with pytest.raises(InputError, match="invalid JSON at line 1") as err:
        read_testimony(doc.encode(), "t.json")
    assert _leaks(str(err.value)) == []


def test_testimony_without_identity_is_accepted() -> None:
    t = read_testimony(BASE.encode(), "t.yaml")
    assert t.identity is None
    assert t.redacted_statement == t.statement


def test_language_is_detected_when_missing() -> None:
    doc = BASE.replace("language: en\n", "").replace(
        "statement: On the seventh the men came to our street.",
        "statement: في صباح اليوم السابع جاء المسلحون إلى شارعنا وأخذوا الرجال",
    )
    item = tf.to_parsed_item(read_testimony(doc.encode(), "t.yaml"), "application/yaml")
    assert item.language == "ar"
