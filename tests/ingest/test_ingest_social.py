"""Social-media exports: one child per post with its origin, links, media and canonical bytes."""

from __future__ import annotations

import json
import os
from collections.abc import Callable
from pathlib import Path

import pytest
from ingest_builders import make_jpeg

from dalil.errors import InputError
from dalil.ingest import social
from dalil.ingest.social import canonical_json

Write = Callable[[str, bytes], Path]
CopyFixture = Callable[[str], Path]


def test_x_archive_posts(copy_fixture: CopyFixture, write: Write) -> None:
    folder = copy_fixture("x_archive")
    write("x_archive/tweets_media/1898000000000000001-GlBaniyas1.jpg", make_jpeg())
    item = social.parse(folder / "tweets.js", "tweets.js")
    assert item.kind == "social_export"
    assert item.media_type == "text/javascript"
    assert item.author == "@coast_monitor"
    assert item.meta == {
        "platform": "x", "format": "x-archive", "posts": 4, "account_id": "1500000000000000001"
    }
    first, rt, quote, reply = item.children
    assert first.name == "tweets.js#1898000000000000001"
    assert first.external_id == "1898000000000000001"
    post = first.parsed
    assert post.kind == "post"
    assert post.author == "@coast_monitor"
    assert post.published_at == "2025-03-07T06:12:33Z"
    assert post.origin_url == "https://x.com/coast_monitor/status/1898000000000000001"
    assert post.language == "en"
    assert post.meta["links"] == ["https://levant-wire.example.com/baniyas-gunfire"]
    assert post.meta["hashtags"] == ["#Baniyas"]
    assert post.meta["media"] == [
        {
            "type": "photo",
            "url": "https://pbs.twimg.com/media/GlBaniyas1.jpg",
            "id": "1898000000000000999",
            "file": "tweets_media/1898000000000000001-GlBaniyas1.jpg",
        }
    ]
    assert first.attachments == [
        (folder / "tweets_media/1898000000000000001-GlBaniyas1.jpg").resolve()
    ]
    assert "Heavy gunfire" in post.texts[0]
    assert rt.parsed.meta["repost_of"] == {"platform": "x", "handle": "@sahel_voice"}
    assert quote.parsed.meta["quote_of"] == {
        "platform": "x",
        "handle": "@news_desk_sy",
        "id": "1897999999999999000",
        "url": "https://x.com/news_desk_sy/status/1897999999999999000",
    }
    assert reply.parsed.meta["reply_to"]["handle"] == "@sahel_voice"
    assert reply.parsed.meta["reply_to"]["id"] == "1897900000000000001"


def test_x_archive_record_bytes_are_canonical(fixtures: Path) -> None:
    item = social.parse(fixtures / "x_archive/tweets.js", "tweets.js")
    data = item.children[0].data
    record = json.loads(data)
    assert data == json.dumps(
        record, sort_keys=True, ensure_ascii=False, separators=(",", ":")
    ).encode("utf-8")
    assert record["tweet"]["id_str"] == "1898000000000000001"


def test_same_post_in_differently_formatted_exports_gives_same_bytes(write: Write) -> None:
    tweet = {"id_str": "77", "full_text": "نص التغريدة",
             "created_at": "Fri Mar 07 06:12:33 +0000 2025", "user": {"screen_name": "a"}}
    compact = json.dumps([tweet], separators=(",", ":")).encode()
    shuffled = dict(reversed(list(tweet.items())))
    pretty = json.dumps([shuffled], indent=4, ensure_ascii=False).encode()
    one = social.parse(write("one.json", compact), "one.json").children[0].data
    two = social.parse(write("two.json", pretty), "two.json").children[0].data
    assert one == two == canonical_json(tweet)


def test_deleted_tweets_file_flags_its_posts(copy_fixture: CopyFixture) -> None:
    folder = copy_fixture("x_archive")
    body = (folder / "tweets.js").read_text().replace(
        "window.YTD.tweets.part0", "window.YTD.deleted_tweets.part0"
    )
    (folder / "deleted-tweets.js").write_text(body)
    item = social.parse(folder / "deleted-tweets.js", "deleted-tweets.js")
    assert item.meta["deleted_posts"] is True
    assert all(c.parsed.flags["deleted"] for c in item.children)
    assert item.children[0].parsed.author == "@coast_monitor"


def test_x_archive_without_account_js_is_flagged(copy_fixture: CopyFixture) -> None:
    folder = copy_fixture("x_archive")
    (folder / "account.js").unlink()
    item = social.parse(folder / "tweets.js", "tweets.js")
    assert item.flags["account_js_missing"] is True
    post = item.children[0].parsed
    assert post.author is None and post.flags["author_unknown"] is True
    assert post.origin_url == "https://x.com/i/web/status/1898000000000000001"


def test_x_api_json_reposts_and_quotes(fixtures: Path) -> None:
    item = social.parse(fixtures / "x_api.json", "x_api.json")
    assert item.meta["format"] == "x-api-json"
    rt, quote = (c.parsed for c in item.children)
    assert rt.author == "@relay_account_7"
    assert rt.meta["repost_of"] == {
        "platform": "x",
        "handle": "@news_desk_sy",
        "id": "1898099999999999999",
        "url": "https://x.com/news_desk_sy/status/1898099999999999999",
        "posted_at": "2025-03-09T07:30:00Z",
        "text": "Security forces restored order in Jableh countryside, state TV says",
    }
    assert quote.meta["quote_of"]["id"] == "1898099999999999999"
    assert quote.meta["quote_of"]["handle"] == "@news_desk_sy"
    assert quote.meta["author_name"] == "B."


def test_telegram_export(copy_fixture: CopyFixture, write: Write) -> None:
    folder = copy_fixture("telegram")
    write("telegram/photos/photo_1@07-03-2025_09-02-10.jpg", make_jpeg())
    item = social.parse(folder / "result.json", "result.json")
    assert item.title == "Telegram export: Sahel Citizen News"
    assert item.meta["posts"] == 3 and item.meta["skipped_service_messages"] == 1
    photo, forwarded, reply = item.children
    assert photo.external_id == "1700000001/2"
    assert photo.parsed.author == "Sahel Citizen News"
    assert photo.parsed.published_at == "2025-03-07T07:02:10Z"  # from date_unixtime, in UTC
    assert photo.attachments == [(folder / "photos/photo_1@07-03-2025_09-02-10.jpg").resolve()]
    assert photo.parsed.meta["media"] == [
        {"type": "photo", "media_type": "photo", "file": "photos/photo_1@07-03-2025_09-02-10.jpg"}
    ]
    fw = forwarded.parsed
    assert fw.meta["repost_of"] == {"platform": "telegram", "name": "Jableh Now"}
    assert fw.meta["links"] == [
        "https://jableh-now.example.net/post/55",
        "https://coastal-observatory.example.org/releases/2025-03-10-jableh",
    ]
    assert fw.texts[0].startswith("Residents report a checkpoint")
    assert fw.texts[0].endswith("and the statement here")
    assert reply.parsed.meta["reply_to"] == {"id": "3", "chat_id": 1700000001}
    assert reply.parsed.flags["media_missing"] is True
    assert reply.attachments == []
    record = json.loads(photo.data)
    assert record["chat"] == {"id": 1700000001, "name": "Sahel Citizen News",
                              "type": "public_channel"}
    assert record["message"]["id"] == 2


def test_telegram_message_without_unixtime_is_flagged(write: Write) -> None:
    export = {"name": "g", "type": "private_group", "id": 5, "messages": [
        {"id": 9, "type": "message", "date": "2025-03-08T10:00:00", "from": "Abu Nour",
         "text": "We are safe for now"}]}
    item = social.parse(write("result.json", json.dumps(export).encode()), "result.json")
    post = item.children[0].parsed
    assert post.published_at == "2025-03-08T10:00:00"
    assert post.flags["timezone_unknown"] is True


def test_telegram_full_account_export(write: Write) -> None:
    export = {"chats": {"list": [
        {"name": "A", "type": "personal_chat", "id": 1,
         "messages": [{"id": 1, "type": "message", "date_unixtime": "1741330930", "text": "a"}]},
        {"name": "B", "type": "private_group", "id": 2,
         "messages": [{"id": 1, "type": "message", "date_unixtime": "1741330930", "text": "a"}]},
    ]}}
    item = social.parse(write("result.json", json.dumps(export).encode()), "result.json")
    assert [c.external_id for c in item.children] == ["1/1", "2/1"]
    # Same message id and text in two chats: different records, so two sources.
    assert item.children[0].data != item.children[1].data


@pytest.mark.parametrize(
    "rel",
    ["../outside.jpg", "/etc/passwd", "photos/../../outside.jpg", "C:\\Windows\\win.ini",
     "..\\..\\outside.jpg"],
)
def test_attachment_escaping_the_export_is_refused(write: Write, rel: str) -> None:
    write("outside.jpg", make_jpeg())
    export = {"name": "c", "id": 1, "messages": [
        {"id": 1, "type": "message", "date_unixtime": "1741330930", "photo": rel, "text": ""}]}
    path = write("export/result.json", json.dumps(export).encode())
    with pytest.raises(InputError, match="outside the export folder"):
        social.parse(path, "result.json")


def test_symlinked_attachment_leading_outside_is_refused(tmp_path: Path, write: Write) -> None:
    secret = write("secret.jpg", make_jpeg())
    (tmp_path / "export/photos").mkdir(parents=True)
    os.symlink(secret, tmp_path / "export/photos/p.jpg")
    export = {"name": "c", "id": 1, "messages": [
        {"id": 1, "type": "message", "date_unixtime": "1741330930", "photo": "photos/p.jpg",
         "text": ""}]}
    path = write("export/result.json", json.dumps(export).encode())
    with pytest.raises(InputError, match="symbolic link"):
        social.parse(path, "result.json")


@pytest.mark.parametrize(
    ("name", "data", "problem"),
    [
        ("result.json", b'{"name": "c", "messages": [ {"id": 1, }', "invalid JSON at line 1"),
        ("tweets.js", b"window.YTD.tweets.part0 = [ {\"tweet\": ", "invalid JSON"),
        ("result.json", b'{"name": "c", "messages": "nope"}', "neither 'messages'"),
        ("result.json", b'{"name": "c", "messages": [42]}', "not a message object"),
        ("x.json", b'[{"full_text": "no id"}]', "no tweet id"),
        ("x.json", b"[1, 2]", "not a tweet object"),
        ("x.json", b'"just a string"', "not a recognised social-media export"),
        ("like.js", b"window.YTD.like.part0 = []", "holds 'like' data"),
        ("deep.json", b"[" * 100_000 + b"]" * 100_000, "nested too deeply"),
    ],
)
def test_invalid_exports_are_refused(write: Write, name: str, data: bytes, problem: str) -> None:
    with pytest.raises(InputError, match=problem):
        social.parse(write(name, data), name)


def test_json_error_position_counts_the_ytd_prefix(write: Write) -> None:
    data = b'window.YTD.tweets.part0 = [ {"id_str": 1,} ]'
    with pytest.raises(InputError, match="line 1, column 42"):
        social.parse(write("tweets.js", data), "tweets.js")
