"""A fictional week of violence on the Syrian coast, 6-12 March 2025, told by ~40 sources.

Every outlet, account, person and figure here is invented. The shape is what matters:

- **Sahel Dawn** (a partisan outlet) publishes one story; two sites copy it (one with a credit
  line), its X account tweets it, another account retweets and quotes it, a Telegram channel
  forwards it. One origin.
- **Coastal News Agency** (the state agency) issues a statement; Sahel Today republishes it with
  a credit line, Coast Daily cites it ("according to ..."), a Telegram channel forwards it.
- Two NGOs (Coastal Rights Observatory, Levant Documentation Network), a wire (Levant Wire, which
  also tweets its story; Gulf Courier runs it under the wire's dateline), a UN briefing (Office
  for Humanitarian Monitoring, a PDF), five witnesses.
- Baniyas Eyes posts the same photo twice on Telegram; @baniyas_local posts a recompressed copy.
- An older incident in the same town: detentions in Baniyas on 14 November 2024.
"""

from __future__ import annotations

import io
import json
import zlib
from pathlib import Path

from fpdf import FPDF
from PIL import Image, ImageDraw


def _html(title: str, site: str, url: str, published: str, body: list[str],
          author: str = "Newsroom") -> str:
    paras = "\n".join(f"<p>{p}</p>" for p in body)
    return f"""<!DOCTYPE html>
<html lang="en"><head><meta charset="utf-8"><title>{title}</title>
<meta property="og:title" content="{title}">
<meta property="og:url" content="{url}">
<meta property="og:site_name" content="{site}">
<meta name="author" content="{author}">
<meta property="article:published_time" content="{published}">
</head><body><nav><a href="/">Home</a></nav>
<article><h1>{title}</h1>
{paras}
</article><footer>{site}</footer></body></html>
"""


PARTISAN = [
    "Baniyas, 8 March 2025 - Remnants of the former regime killed 30 people in Baniyas on 7 "
    "March 2025, attacking checkpoints and homes in the southern neighbourhoods before dawn.",
    "Residents told Sahel Dawn that the attackers fled towards the mountains after security "
    "forces restored order in the city by the afternoon, and that the bodies of the victims "
    "were taken to the national hospital.",
    "Sahel Dawn will continue to follow the crimes of the remnants of the former regime and "
    "their attempts to spread chaos along the coast.",
]

AGENCY = [
    "Baniyas, 7 March 2025 - Security forces pursued remnants of the former regime in Baniyas "
    "on 7 March 2025 and killed 12 members of armed groups who had attacked checkpoints.",
    "A security source told the Coastal News Agency that no civilians were harmed during the "
    "operation and that calm had returned to the city by the evening.",
    "The source added that the security forces seized weapons and ammunition and that the "
    "operation continued in the surrounding countryside.",
]


def _photo(variant: int) -> Image.Image:
    img = Image.new("RGB", (320, 240), (120, 150, 190))
    d = ImageDraw.Draw(img)
    d.rectangle((0, 160, 320, 240), fill=(80, 80, 80))
    for i, x in enumerate(range(10, 280, 60)):
        d.rectangle((x, 70 + i * 8, x + 45, 160), fill=(205, 190, 150))
    d.ellipse((190, 10, 300, 90), fill=(60, 60, 60))
    if variant:
        img = img.resize((300, 225))
    return img


def _jpeg(img: Image.Image, quality: int) -> bytes:
    buf = io.BytesIO()
    img.save(buf, "JPEG", quality=quality)
    return buf.getvalue()


def _pdf(pages: list[str], title: str, author: str) -> bytes:
    pdf = FPDF()
    pdf.set_title(title)
    pdf.set_author(author)
    pdf.set_creation_date(__import__("datetime").datetime(2025, 3, 12, 10, 0))
    for text in pages:
        pdf.add_page()
        pdf.set_font("Helvetica", size=11)
        pdf.multi_cell(0, 6, text)
    return bytes(pdf.output())


def _tweet(tid: str, when: str, text: str, **extra: object) -> dict[str, object]:
    tw: dict[str, object] = {"id_str": tid, "created_at": when, "full_text": text, "lang": "en",
                             "entities": {"hashtags": [], "user_mentions": [], "urls": []}}
    tw.update(extra)
    return {"tweet": tw}


def _x_archive(folder: Path, username: str, display: str, tweets: list[dict[str, object]],
               media: dict[str, bytes] | None = None) -> None:
    folder.mkdir(parents=True)
    acct = [{"account": {"username": username, "accountId": str(zlib.crc32(username.encode())),
                         "accountDisplayName": display, "createdAt": "2022-01-01T00:00:00.000Z"}}]
    (folder / "account.js").write_text("window.YTD.account.part0 = " + json.dumps(acct, indent=1))
    (folder / "tweets.js").write_text("window.YTD.tweets.part0 = " + json.dumps(tweets, indent=1))
    if media:
        (folder / "tweets_media").mkdir()
        for name, data in media.items():
            (folder / "tweets_media" / name).write_bytes(data)


def _telegram(folder: Path, name: str, chat_id: int, messages: list[dict[str, object]],
              photos: dict[str, bytes] | None = None) -> None:
    folder.mkdir(parents=True)
    out = {"name": name, "type": "public_channel", "id": chat_id, "messages": messages}
    (folder / "result.json").write_text(json.dumps(out, indent=1, ensure_ascii=False))
    for rel, data in (photos or {}).items():
        (folder / rel).parent.mkdir(parents=True, exist_ok=True)
        (folder / rel).write_bytes(data)


def _msg(mid: int, unix: int, frm: str, text: str, **extra: object) -> dict[str, object]:
    m: dict[str, object] = {"id": mid, "type": "message", "date": "2025-03-07T10:00:00",
                            "date_unixtime": str(unix), "from": frm,
                            "from_id": f"channel{zlib.crc32(frm.encode())}", "text": text}
    m.update(extra)
    return m


def _testimony(pseudonym: str, date: str, statement: str) -> str:
    body = "\n".join("  " + line for line in statement.strip().splitlines())
    return (f"pseudonym: {pseudonym}\nlanguage: en\nstatement: |\n{body}\n"
            f"interview: {{date: {date}, place: Beirut, interviewer: K.S.}}\n"
            "consent: {record: true, share_with_investigators: true, share_with_courts: true, "
            "publish: false}\n")


def write_scenario(root: Path) -> Path:
    """Write the scenario's files under ``root`` and return it."""
    r = root
    r.mkdir(parents=True, exist_ok=True)
    # -- the partisan story and its copies --------------------------------------------------
    (r / "sahel-dawn_baniyas.html").write_text(_html(
        "Remnants of the former regime kill 30 in Baniyas", "Sahel Dawn",
        "https://sahel-dawn.example.com/2025/03/08/baniyas", "2025-03-08T09:00:00+02:00",
        PARTISAN))
    (r / "coast-mirror_copy.txt").write_text(
        "Coast Mirror\n\n" + " ".join(PARTISAN).replace("Residents told Sahel Dawn",
                                                          "Residents said") + "\n")
    (r / "coast-echo_copy.txt").write_text(
        "\n\n".join(PARTISAN[:2]) + "\n\nSource: Sahel Dawn\n")
    _x_archive(r / "x-sahel-dawn", "sahel_dawn", "Sahel Dawn", [
        _tweet("1898200000000000001", "Sat Mar 08 07:05:00 +0000 2025",
               "Remnants of the former regime killed 30 people in Baniyas on 7 March 2025. "
               "Full story: https://t.co/sd1",
               entities={"hashtags": [], "user_mentions": [], "urls": [
                   {"url": "https://t.co/sd1",
                    "expanded_url": "https://sahel-dawn.example.com/2025/03/08/baniyas"}]}),
    ])
    _x_archive(r / "x-coast-partisan", "coast_partisan", "Coast Partisan", [
        _tweet("1898200000000000101", "Sat Mar 08 08:00:00 +0000 2025",
               "RT @sahel_dawn: Remnants of the former regime killed 30 people in Baniyas on 7 "
               "March 2025."),
        _tweet("1898200000000000102", "Sat Mar 08 09:30:00 +0000 2025",
               "The truth about Baniyas that the foreign media hide. "
               "https://t.co/q2",
               entities={"hashtags": [], "user_mentions": [], "urls": [
                   {"url": "https://t.co/q2",
                    "expanded_url": "https://twitter.com/sahel_dawn/status/1898200000000000001"}]}),
        _tweet("1898200000000000103", "Sat Mar 08 12:00:00 +0000 2025",
               "Good morning to everyone on the coast."),
    ])
    _telegram(r / "tg-loyal-voice", "Coast Loyal Voice", 1700000101, [
        _msg(10, 1741428000, "Coast Loyal Voice",
             "Remnants of the former regime killed 30 people in Baniyas on 7 March 2025.",
             forwarded_from="Sahel Dawn"),
    ])
    # -- the state agency statement and its re-publications ----------------------------------
    (r / "cna_statement.html").write_text(_html(
        "Security forces pursue armed groups in Baniyas", "Coastal News Agency",
        "https://cna.example.gov/news/2025-03-07-baniyas", "2025-03-07T20:00:00+02:00", AGENCY))
    (r / "sahel-today_cna.html").write_text(_html(
        "Security operation in Baniyas", "Sahel Today",
        "https://sahel-today.example.com/security-baniyas", "2025-03-08T08:00:00+02:00",
        [*AGENCY, "— Coastal News Agency"]))
    (r / "coast-daily_cna.html").write_text(_html(
        "Calm returns to Baniyas", "Coast Daily",
        "https://coast-daily.example.com/baniyas-calm", "2025-03-08T10:00:00+02:00",
        ["According to the Coastal News Agency, security forces killed 12 members of armed "
         "groups in Baniyas on 7 March 2025.",
         "Shops in the city centre reopened on Saturday, the paper's correspondent said."]))
    _telegram(r / "tg-state-relay", "State News Relay", 1700000102, [
        _msg(20, 1741376000, "State News Relay",
             "Security forces killed 12 members of armed groups in Baniyas on 7 March 2025.",
             forwarded_from="Coastal News Agency"),
    ])
    # -- independent documentation -----------------------------------------------------------
    (r / "cro_baniyas.html").write_text(_html(
        "At least 120 civilians killed in Baniyas", "Coastal Rights Observatory",
        "https://cro.example.org/releases/2025-03-10-baniyas", "2025-03-10T14:00:00+02:00", [
            "The Coastal Rights Observatory has documented the killing of at least 120 "
            "civilians by government forces in Baniyas on 7 March 2025.",
            "Witnesses told our field researchers that Alawite civilians were killed in their "
            "homes in the al-Qusour neighbourhood.",
            "The Observatory calls for an independent investigation.",
        ], author="Documentation Unit"))
    (r / "ldn_coast.html").write_text(_html(
        "Killings and arson on the coast", "Levant Documentation Network",
        "https://ldn.example.org/reports/coast-week", "2025-03-11T12:00:00+02:00", [
            "The Levant Documentation Network documented the killing of 95 civilians in "
            "Baniyas on 7 March 2025.",
            "In Jableh, gunmen set fire to 20 homes and looted shops on 9 March 2025, "
            "residents said.",
        ], author="Research Team"))
    (r / "levant-wire_baniyas.html").write_text(_html(
        "At least 100 killed in Baniyas, residents say", "Levant Wire",
        "https://levant-wire.example.com/2025/03/08/baniyas", "2025-03-08T16:00:00+02:00", [
            "BANIYAS, Syria, March 8 (Levant Wire) - At least 100 people were killed in "
            "Baniyas on 7 March 2025, residents and a doctor at the national hospital said.",
            "Levant Wire could not independently verify the accounts.",
        ], author="Levant Wire staff"))
    _x_archive(r / "x-levant-wire", "levantwire", "Levant Wire", [
        _tweet("1898400000000000001", "Sat Mar 08 14:10:00 +0000 2025",
               "At least 100 killed in Baniyas, residents say https://t.co/lw1",
               entities={"hashtags": [], "user_mentions": [], "urls": [
                   {"url": "https://t.co/lw1",
                    "expanded_url": "https://levant-wire.example.com/2025/03/08/baniyas"}]}),
    ])
    (r / "gulf-courier_wire.html").write_text(_html(
        "Dozens killed on Syrian coast", "Gulf Courier",
        "https://gulf-courier.example.com/world/syria-coast", "2025-03-09T07:00:00+03:00", [
            "BANIYAS, Syria, March 8 (Levant Wire) - At least 100 people were killed in "
            "Baniyas on 7 March 2025, residents and a doctor at the national hospital said.",
            "Levant Wire could not independently verify the accounts.",
        ], author="Agencies"))
    (r / "testimony_rami.yaml").write_text(_testimony("Rami", "2025-03-19", """
In Baniyas on 7 March 2025 gunmen went from house to house in our neighbourhood.
They killed more than 40 men from the neighbourhood that morning.
"""))
    (r / "ohm_briefing.pdf").write_bytes(_pdf([
        "Briefing note on the coastal governorates, 12 March 2025.\n\n"
        "The Office has received reports that at least 110 people were killed in Baniyas on "
        "7 March 2025.\n\n"
        "In Jableh, dozens of homes were burned on 9 March 2025.",
    ], title="Briefing note: coastal governorates", author="Office for Humanitarian Monitoring"))
    # -- the older incident in the same town ---------------------------------------------------
    (r / "cro_baniyas_2024.html").write_text(_html(
        "Arrests in Baniyas", "Coastal Rights Observatory",
        "https://cro.example.org/releases/2024-11-16-baniyas", "2024-11-16T10:00:00+02:00", [
            "The Coastal Rights Observatory documented the arbitrary detention of 15 men by "
            "security forces in Baniyas on 14 November 2024.",
            "Their families have not been told where they are held.",
        ], author="Documentation Unit"))
    # -- testimonies ---------------------------------------------------------------------------
    (r / "testimony_nour.yaml").write_text(_testimony("Nour", "2025-03-15", """
On 7 March 2025 armed men in uniform came to our street in Baniyas.
They killed my two neighbours in front of their houses.
"""))
    (r / "testimony_karim.yaml").write_text(_testimony("Karim", "2025-03-16", """
In Baniyas on 7 March 2025 gunmen killed my cousin at the entrance of our building.
I counted eleven bodies in our street that evening.
"""))
    (r / "testimony_salma.yaml").write_text(_testimony("Salma", "2025-03-18", """
In Jableh on 9 March 2025 gunmen set fire to our house and to the houses next to it.
"""))
    (r / "testimony_hadi.yaml").write_text(_testimony("Hadi", "2024-12-02", """
On 14 November 2024 security forces arrested my brother in Baniyas.
We have not heard from him since.
"""))
    # -- one photo, shared twice on Telegram and recompressed on X ---------------------------
    original = _jpeg(_photo(0), 90)
    _telegram(r / "tg-baniyas-eyes", "Baniyas Eyes", 1700000103, [
        _msg(30, 1741330000, "Baniyas Eyes",
             "Smoke over the southern neighbourhoods of Baniyas on 7 March 2025.",
             photo="photos/photo_1@07-03-2025.jpg"),
        _msg(31, 1741420000, "Baniyas Eyes", "The same street in Baniyas yesterday morning.",
             photo="photos/photo_1@07-03-2025.jpg"),
    ], photos={"photos/photo_1@07-03-2025.jpg": original})
    _x_archive(r / "x-baniyas-local", "baniyas_local", "Baniyas Local", [
        _tweet("1898300000000000001", "Fri Mar 07 12:00:00 +0000 2025",
               "Smoke over Baniyas today.",
               extended_entities={"media": [{"id_str": "1898300000000000999", "type": "photo",
                                             "media_url_https":
                                             "https://pbs.twimg.com/media/BanSmoke.jpg"}]}),
    ], media={"1898300000000000001-BanSmoke.jpg": _jpeg(_photo(1), 60)})
    return r
