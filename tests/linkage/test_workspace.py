"""Victim lists in a workspace, on SQLite and PostgreSQL: import through the vault, link, review,
stable ids, overlap; and the same through the CLI."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from sqlalchemy import select
from typer.testing import CliRunner

from dalil.db.models import Source
from dalil.linkage import service
from dalil.linkage.overlap import capture_histories
from dalil.linkage.tables import VictimRecordRow
from dalil.settings import Settings
from dalil.workspace import Workspace

LIST_A = """الرقم,الاسم,الجنس,العمر,تاريخ الوفاة,مكان الوفاة,المحافظة
A1,محمد علي حسن,ذكر,34,2013-04-03,حمص,حمص
A2,فاطمة أحمد الخطيب,أنثى,28,2013-04,حماة,حماة
A3,خالد عمر الحموي,ذكر,abc,2014-01-02,حلب,حلب
A4,يوسف إبراهيم درويش,ذكر,51,2015-06-10,دوما,ريف دمشق
A5,سامر نزار حداد,ذكر,22,2016-02-01,إدلب,إدلب
A6,رنا خالد قباني,أنثى,19,2012-08-20,داريا,ريف دمشق
"""
LIST_B = """ID,Name,Sex,Age,Date of death,Place of death,Governorate
B1,Mohammad Ali Hasan,M,34,03/04/2013,Homs,Homs
B2,Fatima Ahmad al-Khatib,F,28,2013-04-15,Hama,Hama
B3,Youssef Ibrahim Darwiche,M,50,2015-06,Douma,Rif Dimashq
B4,Hisham Tarek al-Zoubi,M,45,2014-09-09,Daraa,Daraa
B5,Rana Khaled Kabbani,F,19,2012-08-20,Daraya,Rif Dimashq
B6,Walid Hamed Issa,M,,2017-11-02,Raqqa,Raqqa
"""


def _files(tmp_path: Path) -> tuple[Path, Path]:
    a, b = tmp_path / "group_a.csv", tmp_path / "group_b.csv"
    a.write_text(LIST_A, encoding="utf-8")
    b.write_text(LIST_B, encoding="utf-8")
    return a, b


def _victim_of(ws: Workspace) -> dict[str, str | None]:
    with ws.db.session() as s:
        return {r.list_record_id or "": r.victim_id
                for r in s.execute(select(VictimRecordRow)).scalars()}


def test_import_link_review_overlap(workspace: Workspace, tmp_path: Path) -> None:
    a, b = _files(tmp_path)
    rep_a = service.import_list(workspace, a, "group A")
    assert (rep_a.imported, [e.row_number for e in rep_a.errors]) == (5, [4])
    rep_b = service.import_list(workspace, b, "group B")
    assert rep_b.imported == 6
    # the list file itself is a preserved source; records point to it and to their rows
    with workspace.db.session() as s:
        src = s.get(Source, rep_a.source_id)
        assert src is not None and src.original_name == "group_a.csv"
        rec = s.execute(select(VictimRecordRow).where(VictimRecordRow.list_record_id == "A1")
                        ).scalar_one()
        assert (rec.source_id, rec.row_number) == (rep_a.source_id, 2)
        assert rec.original["الاسم"] == "محمد علي حسن"
    # importing the same file again adds nothing
    again = service.import_list(workspace, a, "group A")
    assert (again.imported, again.already_present, again.source_status) == (0, 5, "resubmitted")

    report = service.link_workspace(workspace)
    assert report.records == 11
    v = _victim_of(workspace)
    assert v["A1"] == v["B1"] and v["A2"] == v["B2"] and v["A4"] == v["B3"]
    assert v["A6"] == v["B5"]
    assert len({v["A5"], v["B4"], v["B6"], v["A1"]}) == 4
    assert report.victims == 7

    # a reviewer says A6/B5 are different people and A5/B6 the same: the next run obeys
    ids_a6 = _record_id(workspace, "A6"), _record_id(workspace, "B5")
    service.decide(workspace, *ids_a6, "reject")
    service.decide(workspace, _record_id(workspace, "A5"), _record_id(workspace, "B6"), "accept")
    second = service.link_workspace(workspace)
    v2 = _victim_of(workspace)
    assert v2["A6"] != v2["B5"] and v2["A5"] == v2["B6"]
    # clusters the decisions did not touch keep their ids
    for rid in ("A1", "B1", "A2", "B2", "A4", "B3", "B4"):
        assert v2[rid] == v[rid]
    assert second.kept_ids >= 4

    shown = service.show_victim(workspace, str(v2["A1"]))
    assert {r["list"] for r in shown["records"]} == {"group A", "group B"}
    assert shown["links"] and "full_name" in shown["links"][0]["explanation"]
    assert service.stats(workspace)["decisions"] == {"must_link": 1, "cannot_link": 1}

    table = capture_histories(workspace, ["governorate"])
    assert list(table.columns) == ["group A", "group B", "governorate", "count"]
    assert int(table["count"].sum()) == second.victims
    homs = table[table["governorate"] == "Homs"]
    assert homs[["group A", "group B", "count"]].values.tolist() == [[1, 1, 1]]


def _record_id(ws: Workspace, list_record_id: str) -> int:
    with ws.db.session() as s:
        return int(s.execute(select(VictimRecordRow.id).where(
            VictimRecordRow.list_record_id == list_record_id)).scalar_one())


def test_review_queue_shows_both_records(workspace: Workspace, tmp_path: Path) -> None:
    a, b = _files(tmp_path)
    service.import_list(workspace, a, "group A")
    service.import_list(workspace, b, "group B")
    service.link_workspace(workspace)
    queue = service.review_queue(workspace, (0.0, 1.0))
    assert queue, "some candidate pairs are expected"
    item = queue[0]
    assert {"a", "b", "explanation", "match_probability"} <= set(item)
    assert item["a"]["list"] in {"group A", "group B"}
    service.decide(workspace, item["record_a"], item["record_b"], "reject")
    after = service.review_queue(workspace, (0.0, 1.0))
    assert (item["record_a"], item["record_b"]) not in {(q["record_a"], q["record_b"])
                                                         for q in after}


def test_cli(settings: Settings, tmp_path: Path) -> None:
    from dalil.cli import app

    a, b = _files(tmp_path)
    ws = Workspace.open(settings, initialise=True)
    ws.close()
    env = {"DALIL_HOME": str(settings.home), "DALIL_USER": "tester",
           "DALIL_KEY_FILE": str(settings.key_file), "DALIL_FSYNC": "0"}
    if settings.database_url:
        env["DALIL_DATABASE_URL"] = settings.database_url
    runner = CliRunner()

    def run(*args: str) -> str:
        result = runner.invoke(app, list(args), env=env, catch_exceptions=False)
        assert result.exit_code == 0, result.output
        return result.output

    out = json.loads(run("victims", "import", str(a), "--list", "group A", "--json"))
    assert out["imported"] == 5 and out["errors"] == [{"row": 4,
                                                       "message": "age is not a number: 'abc'"}]
    mapping = tmp_path / "map.yaml"
    mapping.write_text("columns:\n  full_name: Name\n  list_record_id: ID\n", encoding="utf-8")
    run("victims", "import", str(b), "--list", "group B", "--mapping", str(mapping))
    linked = json.loads(run("victims", "link", "--json"))
    assert linked["victims"] == 7
    victims = json.loads(run("victims", "list", "--json"))
    assert len(victims) == 7
    shown = json.loads(run("victims", "show", victims[0]["victim_id"], "--json"))
    assert shown["records"]
    stats = json.loads(run("victims", "stats", "--json"))
    assert stats["records"] == 11
    csv_text = run("victims", "overlap", "--strata", "governorate,year", "--csv")
    assert csv_text.splitlines()[0] == "group A,group B,governorate,year,count"
    queue = json.loads(run("victims", "review", "--json", "--band", "0,1"))
    assert isinstance(queue, list)
    if queue:
        run("victims", "review", "--decide", str(queue[0]["record_a"]),
            str(queue[0]["record_b"]), "reject")
    key = tmp_path / "shared.key"
    key.write_bytes(b"a secret both groups hold")
    run("victims", "encode", "--list", "group A", "--key-file", str(key), "--out",
        str(tmp_path / "a.jsonl"))
    run("victims", "encode", "--file", str(b), "--key-file", str(key), "--out",
        str(tmp_path / "b.jsonl"))
    assert "محمد" not in (tmp_path / "a.jsonl").read_text(encoding="utf-8")
    pairs = json.loads(run("victims", "link-encoded", str(tmp_path / "a.jsonl"),
                           str(tmp_path / "b.jsonl"), "--json", "--threshold", "0.5"))
    assert isinstance(pairs, list)


@pytest.mark.parametrize("bad", ["--engine=oracle"])
def test_cli_refuses_unknown_engine(settings: Settings, tmp_path: Path, bad: str) -> None:
    from dalil.cli import app
    from dalil.errors import InputError

    ws = Workspace.open(settings, initialise=True)
    ws.close()
    env = {"DALIL_HOME": str(settings.home), "DALIL_USER": "tester"}
    if settings.database_url:
        env["DALIL_DATABASE_URL"] = settings.database_url
    result = CliRunner().invoke(app, ["victims", "link", bad], env=env)
    assert isinstance(result.exception, InputError)


def test_victim_named_in_a_testimony_links_to_list_records(workspace: Workspace,
                                                           tmp_path: Path) -> None:
    from dalil.ingest.pipeline import Ingestor

    _, b = _files(tmp_path)
    service.import_list(workspace, b, "group B")
    note = tmp_path / "interview_notes.txt"
    note.write_text("Fictional interview notes: my neighbour Walid was killed in Raqqa.\n",
                    encoding="utf-8")
    source_id = Ingestor(workspace).ingest([note])[0].source_id
    assert source_id is not None
    rid = service.add_named_victim(workspace, source_id, {
        "full_name": "وليد حامد عيسى", "sex": "M", "date_of_death": "2017-11",
        "place_of_death": "الرقة"})
    with pytest.raises(Exception, match="no source"):
        service.add_named_victim(workspace, 9999, {"full_name": "Rana"})
    service.link_workspace(workspace)
    with workspace.db.session() as s:
        rec = s.get(VictimRecordRow, rid)
        assert rec is not None and (rec.source_id, rec.row_number, rec.sex) == (
            source_id, 1, "male")
        walid = s.execute(select(VictimRecordRow).where(
            VictimRecordRow.list_record_id == "B6")).scalar_one()
        assert rec.victim_id == walid.victim_id


def test_interactive_review_saves_decisions(settings: Settings, tmp_path: Path) -> None:
    from dalil.cli import app

    a, b = _files(tmp_path)
    ws = Workspace.open(settings, initialise=True)
    service.import_list(ws, a, "group A")
    service.import_list(ws, b, "group B")
    service.link_workspace(ws)
    queue = service.review_queue(ws, (0.0, 1.0))
    assert len(queue) >= 2
    env = {"DALIL_HOME": str(settings.home), "DALIL_USER": "tester"}
    if settings.database_url:
        env["DALIL_DATABASE_URL"] = settings.database_url
    result = CliRunner().invoke(app, ["victims", "review", "--interactive", "--band", "0,1"],
                                input="a\nr\nq\n", env=env, catch_exceptions=False)
    assert result.exit_code == 0, result.output
    assert "2 decision(s) saved" in result.output
    decisions = service.stats(ws)["decisions"]
    assert decisions == {"must_link": 1, "cannot_link": 1}
    ws.close()
