"""Social-media exports: an X/Twitter archive or API JSON, and a Telegram Desktop export.

The export file is one ``social_export`` item; each post in it becomes a child item whose bytes
are the canonical JSON of the post's record (sorted keys, UTF-8, no insignificant white space),
so the same post arriving in two exports is stored once. Each post carries its author handle,
time (UTC), links, the post it reposts, quotes or forwards (its origin) and its media files,
which are looked up beside the export and refused if they point outside the export folder.

Formats handled:
- X archive ``tweets.js`` (and ``deleted-tweets.js``, whose posts are flagged ``deleted``):
  ``window.YTD.tweets.part0 = [{"tweet": {...}}, ...]``; the account
  handle comes from a sibling ``account.js`` when present; media from ``tweets_media/``.
- X API-style JSON: a list of tweet objects with ``user.screen_name``, ``retweeted_status``,
  ``quoted_status`` (v1.1 shape).
- Telegram Desktop ``result.json``: one chat (``messages``) or a full export (``chats.list``).
  For Telegram the stored record is ``{"chat": {id, name, type}, "message": {...}}``: a message id
  is only unique within its chat.
"""

from __future__ import annotations

import json
import re
import unicodedata
from datetime import UTC, datetime
from pathlib import Path, PurePosixPath
from typing import Any

from dalil.errors import InputError
from dalil.ingest.language import detect_language
from dalil.ingest.parsed import ChildItem, ParsedItem
from dalil.ingest.text import decode_text

_YTD_PREFIX = re.compile(r"window\.YTD\.(\w+)\.part\d+\s*=\s*")
_STATUS_URL = re.compile(
    r"https?://(?:www\.|mobile\.)?(?:twitter|x)\.com/(\w{1,30})/status(?:es)?/(\d{1,25})", re.I
)
_RT_PREFIX = re.compile(r"^RT @(\w{1,30}):")
_URL_IN_TEXT = re.compile(r"https?://[^\s<>\"']+")
_TELEGRAM_MISSING = "(File not included"
_YTD_TWEET_FILES = ("tweets", "tweet", "deleted_tweets")


def canonical_json(record: Any) -> bytes:
    """The bytes stored for one post: identical records give identical bytes."""
    return json.dumps(record, sort_keys=True, ensure_ascii=False, separators=(",", ":")).encode(
        "utf-8"
    )


def _load_json(text: str, name: str) -> Any:
    try:
        return json.loads(text)
    except json.JSONDecodeError as exc:
        raise InputError(
            f"{name}: invalid JSON at line {exc.lineno}, column {exc.colno}: {exc.msg}",
            file=name,
        ) from None
    except RecursionError:
        raise InputError(f"{name}: JSON nested too deeply to read", file=name) from None


def _read_export_text(path: Path, name: str) -> tuple[str, str | None]:
    """The export's JSON text and, for X archive files, the YTD data name (tweets, account ...).

    The ``window.YTD...`` prefix is replaced by spaces so JSON error positions stay true.
    """
    text, _ = decode_text(path.read_bytes(), name)
    body = text.lstrip("\ufeff")
    match = _YTD_PREFIX.match(body.lstrip())
    if match is None:
        return body, None
    lead = len(body) - len(body.lstrip())
    end = lead + match.end()
    return " " * end + body[end:], match.group(1)


# --- attachments ------------------------------------------------------------------------------


def resolve_attachment(rel: str, root: Path, name: str, post: str) -> Path | None:
    """The file an export refers to, inside ``root``; None if it is absent (not exported).

    Raises InputError when the reference escapes the export folder (absolute path, ``..``, a
    drive letter or a symbolic link pointing outside): such an export is refused as a whole.
    """
    if any(unicodedata.category(ch) == "Cc" for ch in rel):
        raise InputError(
            f"{name}: post {post} names an attachment with control characters; export refused",
            file=name,
        )
    posix = PurePosixPath(rel.replace("\\", "/"))
    if posix.is_absolute() or ".." in posix.parts or re.match(r"^[A-Za-z]:", rel):
        raise InputError(
            f"{name}: post {post} refers to an attachment outside the export folder "
            f"({rel!r}); export refused",
            file=name,
        )
    base = root.resolve()
    target = (base / Path(*posix.parts)).resolve()
    if not target.is_relative_to(base):
        raise InputError(
            f"{name}: post {post} attachment {rel!r} leads outside the export folder "
            "(symbolic link); export refused",
            file=name,
        )
    return target if target.is_file() else None


def _media_entry(
    rel: str | None, root: Path, name: str, post: str, kind: str, extra: dict[str, Any]
) -> tuple[dict[str, Any], Path | None]:
    entry: dict[str, Any] = {"type": kind, **{k: v for k, v in extra.items() if v is not None}}
    if not rel or rel.startswith(_TELEGRAM_MISSING):
        entry["missing"] = True
        return entry, None
    entry["file"] = rel
    found = resolve_attachment(rel, root, name, post)
    if found is None:
        entry["missing"] = True
    return entry, found


# --- X / Twitter ------------------------------------------------------------------------------


def _x_time(value: Any) -> str | None:
    if not isinstance(value, str) or not value:
        return None
    for fmt in ("%a %b %d %H:%M:%S %z %Y", "%Y-%m-%dT%H:%M:%S.%f%z", "%Y-%m-%dT%H:%M:%S%z"):
        try:
            when = datetime.strptime(value.replace("Z", "+0000"), fmt)
        except ValueError:
            continue
        return when.astimezone(UTC).strftime("%Y-%m-%dT%H:%M:%SZ")
    return None


def _x_url(handle: str | None, tweet_id: str | None) -> str | None:
    if not tweet_id:
        return None
    return f"https://x.com/{handle or 'i/web'}/status/{tweet_id}"


def _x_id(tw: dict[str, Any]) -> str | None:
    value = tw.get("id_str") or tw.get("id")
    return str(value) if value is not None else None


def _x_text(tw: dict[str, Any]) -> str:
    extended = tw.get("extended_tweet")
    if isinstance(extended, dict) and isinstance(extended.get("full_text"), str):
        return str(extended["full_text"])
    for key in ("full_text", "text"):
        if isinstance(tw.get(key), str):
            return str(tw[key])
    return ""


def _x_handle(tw: dict[str, Any]) -> str | None:
    user = tw.get("user")
    if isinstance(user, dict) and isinstance(user.get("screen_name"), str):
        return str(user["screen_name"])
    return None


def _x_origin(tw: dict[str, Any]) -> dict[str, Any]:
    handle = _x_handle(tw)
    tweet_id = _x_id(tw)
    out: dict[str, Any] = {
        "platform": "x",
        "handle": f"@{handle}" if handle else None,
        "id": tweet_id,
        "url": _x_url(handle, tweet_id),
        "posted_at": _x_time(tw.get("created_at")),
        "text": _x_text(tw) or None,
    }
    return {k: v for k, v in out.items() if v is not None}


def _entities(tw: dict[str, Any], key: str) -> list[dict[str, Any]]:
    for holder in (tw.get("extended_tweet"), tw):
        if isinstance(holder, dict):
            ents = holder.get("extended_entities") if key == "media" else None
            ents = ents if isinstance(ents, dict) else holder.get("entities")
            if isinstance(ents, dict) and isinstance(ents.get(key), list):
                return [e for e in ents[key] if isinstance(e, dict)]
    return []


def _tweet_child(
    record: Any, index: int, account: dict[str, Any], root: Path, name: str
) -> ChildItem:
    tw = record.get("tweet", record) if isinstance(record, dict) else None
    if not isinstance(tw, dict):
        raise InputError(f"{name}: item {index} is not a tweet object", file=name)
    tweet_id = _x_id(tw)
    if not tweet_id:
        raise InputError(f"{name}: item {index} has no tweet id (id_str)", file=name)
    handle = _x_handle(tw) or account.get("username")
    text = _x_text(tw)
    links = [str(u.get("expanded_url") or u.get("url")) for u in _entities(tw, "urls")
             if u.get("expanded_url") or u.get("url")]
    if not links:
        links = _URL_IN_TEXT.findall(text)
    meta: dict[str, Any] = {
        "platform": "x",
        "id": tweet_id,
        "links": links,
        "mentions": [f"@{m['screen_name']}" for m in _entities(tw, "user_mentions")
                     if isinstance(m.get("screen_name"), str)],
        "hashtags": [f"#{h['text']}" for h in _entities(tw, "hashtags")
                     if isinstance(h.get("text"), str)],
    }
    if account.get("display_name") and not _x_handle(tw):
        meta["author_name"] = account["display_name"]
    user = tw.get("user")
    if isinstance(user, dict) and user.get("name"):
        meta["author_name"] = str(user["name"])

    # The origin: a repost (retweet) or a quote.
    retweeted = tw.get("retweeted_status")
    rt = _RT_PREFIX.match(text)
    if isinstance(retweeted, dict):
        meta["repost_of"] = _x_origin(retweeted)
    elif rt:
        # Archives keep only the "RT @handle:" text of a retweet, not the original's id.
        meta["repost_of"] = {"platform": "x", "handle": f"@{rt.group(1)}"}
    quoted = tw.get("quoted_status")
    if isinstance(quoted, dict):
        meta["quote_of"] = _x_origin(quoted)
    elif "repost_of" not in meta:
        permalink = tw.get("quoted_status_permalink")
        candidates = [permalink.get("expanded")] if isinstance(permalink, dict) else []
        candidates += links
        for url in candidates:
            status = _STATUS_URL.match(str(url or ""))
            if status and status.group(2) != tweet_id:
                meta["quote_of"] = {
                    "platform": "x",
                    "handle": f"@{status.group(1)}",
                    "id": status.group(2),
                    "url": _x_url(status.group(1), status.group(2)),
                }
                break
    reply_id = tw.get("in_reply_to_status_id_str") or tw.get("in_reply_to_status_id")
    if reply_id:
        reply_handle = tw.get("in_reply_to_screen_name")
        meta["reply_to"] = {
            "handle": f"@{reply_handle}" if reply_handle else None,
            "id": str(reply_id),
            "url": _x_url(reply_handle, str(reply_id)),
        }

    media: list[dict[str, Any]] = []
    attachments: list[Path] = []
    for m in _entities(tw, "media"):
        remote = m.get("media_url_https") or m.get("media_url")
        extra = {"url": remote, "id": m.get("id_str")}
        rel = None
        if isinstance(remote, str) and remote:
            # Archives store media as tweets_media/<tweet id>-<file name of the media URL>.
            base = remote.rsplit("/", 1)[-1]
            for folder in ("tweets_media", "tweet_media"):
                if (root / folder / f"{tweet_id}-{base}").is_file():
                    rel = f"{folder}/{tweet_id}-{base}"
                    break
        entry, found = _media_entry(rel, root, name, tweet_id, str(m.get("type") or "photo"), extra)
        if rel is None:
            entry.pop("missing", None)
            entry["in_export"] = False
        media.append(entry)
        if found is not None and found not in attachments:
            attachments.append(found)
    meta["media"] = media

    lang = tw.get("lang")
    language = (
        lang if isinstance(lang, str) and len(lang) == 2 and lang.isalpha() else None
    ) or detect_language(text)
    parsed = ParsedItem(
        kind="post",
        media_type="application/json",
        texts=[text] if text.strip() else [],
        author=f"@{handle}" if handle else None,
        publisher="X",
        published_at=_x_time(tw.get("created_at")),
        origin_url=_x_url(handle, tweet_id),
        language=language,
        meta=meta,
    )
    if not handle:
        parsed.flags["author_unknown"] = True
    return ChildItem(
        data=canonical_json(record),
        name=f"{name}#{tweet_id}",
        parsed=parsed,
        external_id=tweet_id,
        attachments=attachments,
    )


def _read_account(root: Path) -> dict[str, Any]:
    """Handle and display name of the archive's owner from ``account.js``, if it is there."""
    path = root / "account.js"
    if not path.is_file():
        return {}
    try:
        text, _ = _read_export_text(path, "account.js")
        data = _load_json(text, "account.js")
    except InputError:
        return {"unreadable": True}
    items = data if isinstance(data, list) else [data]
    for item in items:
        acc = item.get("account", item) if isinstance(item, dict) else None
        if isinstance(acc, dict) and isinstance(acc.get("username"), str):
            return {
                "username": acc["username"],
                "display_name": acc.get("accountDisplayName"),
                "account_id": acc.get("accountId"),
            }
    return {"unreadable": True}


def _parse_x(data: Any, archive: bool, root: Path, name: str) -> ParsedItem:
    if not isinstance(data, list):
        raise InputError(f"{name}: X export must be a JSON list of tweets", file=name)
    account = _read_account(root) if archive else {}
    children = [_tweet_child(rec, i, account, root, name) for i, rec in enumerate(data)]
    handle = account.get("username")
    item = ParsedItem(
        kind="social_export",
        media_type="text/javascript" if archive else "application/json",
        title=f"X archive of @{handle}" if handle else "X posts",
        author=f"@{handle}" if handle else None,
        publisher="X",
        meta={
            "platform": "x",
            "format": "x-archive" if archive else "x-api-json",
            "posts": len(children),
        },
        children=children,
    )
    if account.get("account_id"):
        item.meta["account_id"] = str(account["account_id"])
    if archive and not handle:
        item.flags["account_js_missing" if not account else "account_js_unreadable"] = True
    if not children:
        item.flags["no_posts"] = True
    return item


# --- Telegram ---------------------------------------------------------------------------------


def _tg_text(value: Any) -> tuple[str, list[str]]:
    """Text and links of a Telegram message: ``text`` is a string or a list of strings and
    entity objects ({"type": "link" | "text_link" | ..., "text": ..., "href": ...})."""
    if isinstance(value, str):
        return value, _URL_IN_TEXT.findall(value)
    parts: list[str] = []
    links: list[str] = []
    if isinstance(value, list):
        for piece in value:
            if isinstance(piece, str):
                parts.append(piece)
            elif isinstance(piece, dict):
                fragment = str(piece.get("text") or "")
                parts.append(fragment)
                if piece.get("type") == "link" and fragment:
                    links.append(fragment)
                elif piece.get("type") == "text_link" and piece.get("href"):
                    links.append(str(piece["href"]))
    return "".join(parts), links


def _tg_time(msg: dict[str, Any]) -> tuple[str | None, bool]:
    """Post time in UTC. ``date`` is the exporting computer's local time without a zone;
    ``date_unixtime`` (newer exports) is exact. Returns (time, zone_known)."""
    unix = msg.get("date_unixtime")
    try:
        if unix is not None:
            return datetime.fromtimestamp(int(unix), UTC).strftime("%Y-%m-%dT%H:%M:%SZ"), True
    except (TypeError, ValueError, OverflowError, OSError):
        pass  # fall back to the local-time field
    date = msg.get("date")
    return (str(date), False) if isinstance(date, str) and date else (None, False)


def _message_child(
    msg: dict[str, Any], chat: dict[str, Any], root: Path, name: str
) -> ChildItem:
    msg_id = str(msg.get("id"))
    chat_id = chat.get("id")
    label = f"{chat_id}/{msg_id}" if chat_id is not None else msg_id
    text, links = _tg_text(msg.get("text"))
    when, zone_known = _tg_time(msg)
    meta: dict[str, Any] = {
        "platform": "telegram",
        "id": msg_id,
        "chat": {k: v for k, v in chat.items() if v is not None},
        "links": list(dict.fromkeys(links)),
    }
    if msg.get("from_id"):
        meta["author_id"] = str(msg["from_id"])
    for key, what in (("forwarded_from", "forward_of"), ("saved_from", "saved_from")):
        if msg.get(key):
            origin = {"platform": "telegram", "name": str(msg[key])}
            origin_id = msg.get(f"{key}_id")
            if origin_id:
                origin["id"] = str(origin_id)
            meta[what] = origin
    if "forward_of" in meta:
        meta["repost_of"] = meta["forward_of"]
    if msg.get("reply_to_message_id") is not None:
        meta["reply_to"] = {"id": str(msg["reply_to_message_id"]), "chat_id": chat_id}
    if msg.get("edited"):
        meta["edited"] = str(msg["edited"])
    media: list[dict[str, Any]] = []
    attachments: list[Path] = []
    for key in ("photo", "file"):
        if key not in msg:
            continue
        rel = msg.get(key)
        extra = {
            "media_type": msg.get("media_type") if key == "file" else "photo",
            "mime_type": msg.get("mime_type") if key == "file" else None,
        }
        entry, found = _media_entry(
            rel if isinstance(rel, str) else None, root, name, label, key, extra
        )
        media.append(entry)
        if found is not None and found not in attachments:
            attachments.append(found)
    meta["media"] = media
    author = msg.get("from") or msg.get("author") or chat.get("name")
    parsed = ParsedItem(
        kind="post",
        media_type="application/json",
        texts=[text] if text.strip() else [],
        author=str(author) if author else None,
        publisher="Telegram",
        published_at=when,
        language=detect_language(text),
        meta=meta,
    )
    if not zone_known and when:
        parsed.flags["timezone_unknown"] = True
    if any(m.get("missing") for m in media):
        parsed.flags["media_missing"] = True
    record = {"chat": meta["chat"], "message": msg}
    return ChildItem(
        data=canonical_json(record),
        name=f"{name}#{label}",
        parsed=parsed,
        external_id=label,
        attachments=attachments,
    )


def _parse_telegram(data: dict[str, Any], root: Path, name: str) -> ParsedItem:
    chats: Any
    if isinstance(data.get("messages"), list):
        chats = [data]
    else:
        listing = data.get("chats")
        chats = listing.get("list") if isinstance(listing, dict) else None
        if not isinstance(chats, list):
            raise InputError(
                f"{name}: Telegram export has neither 'messages' nor 'chats.list'", file=name
            )
    children: list[ChildItem] = []
    skipped = 0
    described: list[dict[str, Any]] = []
    for chat in chats:
        if not isinstance(chat, dict) or not isinstance(chat.get("messages"), list):
            raise InputError(f"{name}: a chat in the export has no 'messages' list", file=name)
        info = {"id": chat.get("id"), "name": chat.get("name"), "type": chat.get("type")}
        described.append({**info, "messages": len(chat["messages"])})
        for i, msg in enumerate(chat["messages"]):
            if not isinstance(msg, dict) or "id" not in msg:
                raise InputError(f"{name}: message {i} of a chat is not a message object",
                                 file=name)
            if msg.get("type", "message") != "message":
                skipped += 1  # service entries: joins, pins, title changes
                continue
            children.append(_message_child(msg, info, root, name))
    first = chats[0] if len(chats) == 1 else {}
    item = ParsedItem(
        kind="social_export",
        media_type="application/json",
        title=f"Telegram export: {first.get('name')}" if first.get("name") else "Telegram export",
        author=str(first["name"]) if first.get("name") else None,
        publisher="Telegram",
        meta={
            "platform": "telegram",
            "format": "telegram-desktop",
            "posts": len(children),
            "skipped_service_messages": skipped,
            "chats": described,
        },
        children=children,
    )
    if not children:
        item.flags["no_posts"] = True
    return item


# --- entry point ------------------------------------------------------------------------------


def parse(path: Path, name: str, *, origin_dir: Path | None = None) -> ParsedItem:
    """Read an export. ``origin_dir`` is the folder the export was received in (its media
    files are looked up there); by default the folder of ``path``."""
    root = origin_dir if origin_dir is not None else path.parent
    text, ytd = _read_export_text(path, name)
    if ytd is not None and ytd not in _YTD_TWEET_FILES:
        raise InputError(
            f"{name}: X archive file holds '{ytd}' data, not tweets (tweets.js and "
            "deleted-tweets.js are read)",
            file=name,
        )
    data = _load_json(text, name)
    if ytd is not None:
        item = _parse_x(data, True, root, name)
        if ytd == "deleted_tweets":
            # Posts the account deleted: exactly the evidence that disappears first.
            item.meta["deleted_posts"] = True
            for child in item.children:
                child.parsed.flags["deleted"] = True
        return item
    if isinstance(data, dict) and ("messages" in data or "chats" in data):
        return _parse_telegram(data, root, name)
    if isinstance(data, list):
        return _parse_x(data, False, root, name)
    raise InputError(
        f"{name}: JSON is not a recognised social-media export (X tweets or Telegram result.json)",
        file=name,
    )
