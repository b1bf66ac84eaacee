"""The CRF span proposer (setting ``extract_proposer``): what it adds, where the rules let it,
and how it fails. A small model is trained here from fictional sentences, so the tests say what
the mechanism does, not how good the shipped model happens to be."""

from __future__ import annotations

import hashlib
import sys
from pathlib import Path
from typing import Any

import pycrfsuite
import pytest
import yaml

from dalil.errors import ConfigError, DalilError
from dalil.extract import EXTRACTOR_VERSION, extract_document
from dalil.extract.pipeline import _Run
from dalil.extract.proposer import (
    LABELS,
    MODEL_FILE,
    Proposer,
    load_proposer,
    run_sequences,
)
from dalil.settings import Settings

sys.path.insert(0, str(Path(__file__).resolve().parents[2] / "bench"))

PUBLISHED = "2025-05-06"

# Fictional sentences: (text, [(substring, label)]).
TRAINING: list[tuple[str, list[tuple[str, str]]]] = [
    ("On 2 May, men in grey uniforms who came in three trucks shot four farmers in Sarmin.",
     [("men in grey uniforms who came in three trucks", "AGENT")]),
    ("Masked riders on motorbikes burned two shops in Binnish on 9 April and killed a guard.",
     [("Masked riders on motorbikes", "AGENT")]),
    ("On 7 March, men in black uniforms stormed the bakery in Taftanaz and killed the owner.",
     [("men in black uniforms", "AGENT")]),
    ("Strangers in white pickups abducted three teachers from Ariha on 1 June.",
     [("Strangers in white pickups", "AGENT")]),
    ("Per the shepherd Nizar Halabi, gunmen killed three farmers near Saraqib on 3 May.",
     [("Nizar Halabi", "SPEAKER")]),
    ("Per the nurse Layla Darwish, shelling killed a boy in Ariha on 8 May.",
     [("Layla Darwish", "SPEAKER")]),
    ("Per the teacher Samir Haddad, militiamen burned the school in Binnish on 2 June.",
     [("Samir Haddad", "SPEAKER")]),
    ("Per the miller Rawad Saleh, the market in Sarmin was shelled on 5 May.",
     [("Rawad Saleh", "SPEAKER")]),
    ("The council repaired the water tower in Sarmin on 3 May.", []),
    ("Farmers in Binnish harvested the olives early this year.", []),
]

UNKNOWN_ACTOR = ("On 4 May, men in black uniforms who arrived in two pickups opened fire on "
                 "farmers in Kafr Nabl, killing five people.")
SPEAKER = "Per the beekeeper Harun Delbani, gunmen killed two shepherds near Kafr Nabl on 4 May."
NO_VIOLATION = ("On 4 May, men in black uniforms who arrived in two pickups handed out bread "
                "to farmers in Kafr Nabl.")


class _Keep:
    """A hook that keeps the rules' run (what the training script does)."""

    version_tag = "keep"

    def __init__(self) -> None:
        self.run: _Run | None = None

    def apply(self, run: _Run) -> None:
        self.run = run


def _run_of(text: str) -> _Run:
    keep = _Keep()
    extract_document(text, published=PUBLISHED, proposer=keep)
    assert keep.run is not None
    return keep.run


def _train(model: Path, threshold: float) -> None:
    trainer = pycrfsuite.Trainer(verbose=False)
    for _round in range(3):  # a few copies: a tiny corpus, a confident model
        for text, marks in TRAINING:
            run = _run_of(text)
            for _si, toks, feats in run_sequences(run):
                labels = ["O"] * len(toks)
                for sub, label in marks:
                    s = run.norm.index(sub)
                    e = s + len(sub)
                    inside = [i for i, t in enumerate(toks) if t.start >= s and t.end <= e]
                    for k, i in enumerate(inside):
                        labels[i] = ("B-" if k == 0 else "I-") + label
                trainer.append(feats, labels)
    trainer.set_params({"c1": 0.01, "c2": 0.01, "max_iterations": 100,
                        "feature.possible_transitions": True})
    trainer.train(str(model))
    model.with_suffix(".yaml").write_text(yaml.safe_dump({"threshold": threshold}), "utf-8")


@pytest.fixture(scope="module")
def model_file(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("proposer") / "proposer.crfsuite"
    _train(path, 0.4)
    return path


@pytest.fixture(scope="module")
def proposer(model_file: Path) -> Proposer:
    return load_proposer(model_file)


def _shipped_version(sha8: str) -> str:
    meta = yaml.safe_load(MODEL_FILE.with_suffix(".yaml").read_text("utf-8"))
    return f"{EXTRACTOR_VERSION}+crf.{sha8}.t{meta['threshold']:g}"


def _extract(text: str, proposer: Proposer | None) -> dict[str, Any]:
    return extract_document(text, published=PUBLISHED, proposer=proposer).to_dict()


def test_unknown_described_actor_is_proposed_only_with_the_proposer(proposer: Proposer) -> None:
    off = _extract(UNKNOWN_ACTOR, None)
    assert off["perpetrators"] == []  # the rules do not propose it
    on = _extract(UNKNOWN_ACTOR, proposer)
    assert len(on["perpetrators"]) == 1
    perp = on["perpetrators"][0]
    assert perp["canonical"].startswith("men in black uniforms")
    assert perp["kind"] == "unknown"
    start, end = perp["spans"][0]
    assert UNKNOWN_ACTOR[start:end] == perp["canonical"]
    mention = next(m for m in on["actor_mentions"] if m["canonical"] == perp["canonical"])
    assert mention["rule"].startswith("model:crf:AGENT p=")
    assert mention["span"] == [start, end]
    # tied to its event
    assert perp["canonical"] in on["events"][0]["perpetrators"]
    assert perp["attributed_to"] == [on["claims"][0]["attributed_to"]]


def test_uncommon_speaker_is_proposed_and_takes_an_author_fallback(proposer: Proposer) -> None:
    off = _extract(SPEAKER, None)
    assert off["quoted_sources"] == []
    assert off["claims"][0]["attribution_rule"] == "attribution:default_author"
    on = _extract(SPEAKER, proposer)
    names = [q["name"] for q in on["quoted_sources"]]
    assert names == ["Harun Delbani"]
    src = on["quoted_sources"][0]
    assert src["rule"].startswith("model:crf:SPEAKER p=")
    assert SPEAKER[src["span"][0]:src["span"][1]] == "Harun Delbani"
    assert src["role"] in ("witness", "other")
    claim = on["claims"][0]
    assert claim["attributed_to"] == "Harun Delbani"
    assert claim["attribution_rule"] == src["rule"]
    # what the rules found stays
    assert [p["canonical"] for p in on["perpetrators"]] == \
        [p["canonical"] for p in off["perpetrators"]]


def test_what_the_author_was_credited_with_follows_the_proposed_speaker(
        proposer: Proposer) -> None:
    off = _extract(SPEAKER, None)
    author = off["claims"][0]["attributed_to"]
    assert [f["attributed_to"] for f in off["casualty_figures"]] == [author]
    assert [p["attributed_to"] for p in off["perpetrators"]] == [[author]]
    on = _extract(SPEAKER, proposer)
    assert [f["attributed_to"] for f in on["casualty_figures"]] == ["Harun Delbani"]
    assert [p["attributed_to"] for p in on["perpetrators"]] == [["Harun Delbani"]]


def test_a_perpetrator_named_elsewhere_keeps_the_author_beside_the_speaker(
        proposer: Proposer) -> None:
    text = ("Gunmen burned a mill in Kafr Nabl on 2 May. " + SPEAKER)
    off = _extract(text, None)
    author = off["claims"][0]["attributed_to"]
    on = _extract(text, proposer)
    gunmen = [p for p in on["perpetrators"] if "gunmen" in p["canonical"].lower()]
    assert gunmen and gunmen[0]["attributed_to"] == [author, "Harun Delbani"]


def test_a_speaker_named_by_the_rules_keeps_its_claim(proposer: Proposer) -> None:
    text = ("Harun Delbani, a beekeeper, told reporters that gunmen killed two shepherds near "
            "Kafr Nabl on 4 May.")
    off = _extract(text, None)
    on = _extract(text, proposer)
    assert on["claims"] == off["claims"]
    assert [q["name"] for q in on["quoted_sources"]] == [q["name"] for q in off["quoted_sources"]]


def test_proposed_agent_without_a_violation_is_no_perpetrator(proposer: Proposer) -> None:
    run = _run_of(NO_VIOLATION)
    assert not run.viol_by_sent
    agents = [s for s in proposer.propose(run) if s.label == "AGENT"]
    assert agents, "the model should tag the actor; the rules must then refuse it"
    on = _extract(NO_VIOLATION, proposer)
    assert on["perpetrators"] == []
    assert not any(m["rule"].startswith("model:crf") for m in on["actor_mentions"])


def test_deterministic(proposer: Proposer, model_file: Path, tmp_path: Path) -> None:
    text = UNKNOWN_ACTOR + " " + SPEAKER
    assert _extract(text, proposer) == _extract(text, proposer)
    # training is deterministic too: the same data gives the same model file
    again = tmp_path / "again.crfsuite"
    _train(again, 0.4)
    assert again.read_bytes() == model_file.read_bytes()


def test_version_records_the_model(proposer: Proposer, model_file: Path) -> None:
    sha8 = hashlib.sha256(model_file.read_bytes()).hexdigest()[:8]
    assert proposer.version_tag == f"crf.{sha8}.t0.4"
    on = extract_document(UNKNOWN_ACTOR, proposer=proposer)
    off = extract_document(UNKNOWN_ACTOR)
    assert off.extractor_version == EXTRACTOR_VERSION
    assert on.extractor_version == f"{EXTRACTOR_VERSION}+crf.{sha8}.t0.4"


@pytest.mark.parametrize("text", [
    "",
    "   \n\n  ",
    "\x00\x01\x02\x03\xff\xfe" * 2000,
    "gunmen killed " + "word " * 60_000,  # one huge line with no full stop
    "\u202eon 4 May, men in black uniforms killed five people\u202c in Kafr Nabl.",
    "!!! ??? ... ,,, ;;;",
])
def test_bad_input_gives_a_result_or_a_clear_error(proposer: Proposer, text: str) -> None:
    try:
        out = extract_document(text, proposer=proposer).to_dict()
    except DalilError as exc:
        assert exc.message
        return
    for p in out["perpetrators"]:
        for s, e in p["spans"]:
            assert 0 <= s < e <= len(text)


def test_binary_bytes_are_refused_clearly(proposer: Proposer) -> None:
    with pytest.raises(DalilError, match="UTF-8"):
        extract_document(b"\xff\xfe\x00garbage\x80", proposer=proposer)


def test_missing_model_file_is_a_config_error_naming_it(tmp_path: Path) -> None:
    missing = tmp_path / "nowhere" / "proposer.crfsuite"
    with pytest.raises(ConfigError, match=r"nowhere/proposer\.crfsuite"):
        load_proposer(missing)


def test_damaged_model_file_is_a_config_error_naming_it(tmp_path: Path) -> None:
    damaged = tmp_path / "damaged" / "proposer.crfsuite"
    damaged.parent.mkdir()
    damaged.write_bytes(b"not a crfsuite model\n" * 10)
    with pytest.raises(ConfigError, match=r"damaged/proposer\.crfsuite.*not a CRF model"):
        load_proposer(damaged)


def test_shipped_model_matches_its_training_record() -> None:
    meta = yaml.safe_load(MODEL_FILE.with_suffix(".yaml").read_text("utf-8"))
    assert hashlib.sha256(MODEL_FILE.read_bytes()).hexdigest() == meta["sha256"]
    assert 0.0 < meta["threshold"] <= 1.0
    shipped = load_proposer()
    assert shipped.threshold == meta["threshold"]
    tagger = pycrfsuite.Tagger()
    tagger.open(str(MODEL_FILE))
    assert {f"B-{lb}" for lb in LABELS} <= set(tagger.labels())
    tagger.close()


def test_training_uses_development_sets_only() -> None:
    import proposer_data

    held_out = {f"blind{k}" for k in (*range(14, 20), 22, 23)}
    assert not held_out & set(proposer_data.DEV_SETS)
    assert held_out == proposer_data.HELD_OUT
    meta = yaml.safe_load(MODEL_FILE.with_suffix(".yaml").read_text("utf-8"))
    assert not held_out & set(meta["trained_on"])
    for name in held_out:
        with pytest.raises(ValueError, match="not a development set"):
            proposer_data.set_dir(name)


def test_setting_is_off_by_default() -> None:
    assert Settings.load(env={}).extract_proposer is False
    assert Settings.load(env={"DALIL_EXTRACT_PROPOSER": "1"}).extract_proposer is True


def test_cli_setting_turns_the_shipped_proposer_on(tmp_path: Path,
                                                   monkeypatch: pytest.MonkeyPatch) -> None:
    import json

    from typer.testing import CliRunner

    from dalil.cli import app

    report = tmp_path / "report.txt"
    report.write_text(UNKNOWN_ACTOR + "\n\n" + SPEAKER + "\n", "utf-8")
    monkeypatch.delenv("DALIL_EXTRACT_PROPOSER", raising=False)
    off = CliRunner().invoke(app, ["extract", str(report), "--json"])
    assert off.exit_code == 0, off.stderr
    assert json.loads(off.stdout)["extractor_version"] == EXTRACTOR_VERSION
    monkeypatch.setenv("DALIL_EXTRACT_PROPOSER", "true")
    on = CliRunner().invoke(app, ["extract", str(report), "--json"])
    assert on.exit_code == 0, on.stderr
    sha8 = hashlib.sha256(MODEL_FILE.read_bytes()).hexdigest()[:8]
    assert json.loads(on.stdout)["extractor_version"] == _shipped_version(sha8)


def test_stored_extractions_are_recomputed_when_the_proposer_is_turned_on(
        workspace: Any, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    import dataclasses

    import sqlalchemy as sa

    from dalil.extract import store
    from dalil.extract.tables import ExtractionRun
    from dalil.ingest.pipeline import Ingestor

    folder = tmp_path / "reports"
    folder.mkdir()
    (folder / "report.txt").write_text(UNKNOWN_ACTOR + "\n", "utf-8")
    Ingestor(workspace).ingest([folder])
    store.extract_sources(workspace)
    monkeypatch.setattr(workspace, "settings",
                        dataclasses.replace(workspace.settings, extract_proposer=True))
    report = store.extract_sources(workspace)
    assert report.extracted == 1 and not report.failed
    sha8 = hashlib.sha256(MODEL_FILE.read_bytes()).hexdigest()[:8]
    with workspace.db.session() as s:
        versions = set(s.scalars(sa.select(ExtractionRun.extractor_version)))
    assert versions == {_shipped_version(sha8)}


def test_sentences_left_untagged_are_those_where_nothing_could_be_added(
        proposer: Proposer) -> None:
    import copy

    from dalil.extract.proposer import add_spans, spans_from_marginals

    text = " ".join([UNKNOWN_ACTOR, SPEAKER, NO_VIOLATION,
                     "Harun Delbani told reporters that militiamen burned a school in Binnish."])
    run = _run_of(text)
    snapshot = copy.deepcopy(run.r)
    tagger = pycrfsuite.Tagger()
    tagger.open(str(proposer.model_file))
    every: list[Any] = []
    for si, toks, feats in run_sequences(run):  # every sentence tagged
        tagger.set(feats)
        every += spans_from_marginals(tagger, toks, si, proposer.threshold)
    tagger.close()
    add_spans(run, every)
    tagged_all = run.r.to_dict()
    run.r = snapshot
    proposer.apply(run)
    assert run.r.to_dict() == tagged_all


def test_no_agent_is_proposed_beside_one_the_rules_named(proposer: Proposer) -> None:
    text = ("On 4 May, the Hamza Division and men in black uniforms who arrived in two pickups "
            "opened fire on farmers in Kafr Nabl, killing five people.")
    off = _extract(text, None)
    assert off["perpetrators"], "the rules name the registry's group here"
    from dalil.extract.proposer import spans_from_marginals

    run = _run_of(text)
    tagger = pycrfsuite.Tagger()
    tagger.open(str(proposer.model_file))
    tagged = []
    for si, toks, feats in run_sequences(run):
        tagger.set(feats)
        tagged += spans_from_marginals(tagger, toks, si, proposer.threshold)
    tagger.close()
    assert any(s.label == "AGENT" and run.norm[s.start:s.end].startswith("men in black")
               for s in tagged), "the model tags the described men; the gate must refuse them"
    on = _extract(text, proposer)
    assert [p["canonical"] for p in on["perpetrators"]] == \
        [p["canonical"] for p in off["perpetrators"]]
