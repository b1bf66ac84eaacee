"""Builders of binary test files (fpdf2, pypdf, Pillow, openpyxl): generated in code so the
repository holds no opaque test blobs. Everything depicted is fictional."""

from __future__ import annotations

import io
from pathlib import Path

from fpdf import FPDF
from openpyxl import Workbook
from PIL import Image, ImageDraw
from pypdf import PdfReader, PdfWriter

FIXTURES = Path(__file__).parent / "fixtures"


def make_pdf(pages: list[str], title: str | None = None, author: str | None = None) -> bytes:
    pdf = FPDF()
    pdf.set_auto_page_break(auto=True, margin=15)
    if title:
        pdf.set_title(title)
    if author:
        pdf.set_author(author)
    for text in pages:
        pdf.add_page()
        pdf.set_font("Helvetica", size=11)
        pdf.multi_cell(0, 6, text)
    return bytes(pdf.output())


def make_scanned_pdf() -> bytes:
    """A PDF whose only page is a picture of text: what a scanner produces."""
    img = Image.new("L", (400, 200), 255)
    ImageDraw.Draw(img).text((20, 80), "Statement of witness 4 - page 1", fill=0)
    pdf = FPDF()
    pdf.add_page()
    pdf.image(img, x=10, y=10, w=180)
    return bytes(pdf.output())


def encrypt_pdf(data: bytes, user_password: str) -> bytes:
    writer = PdfWriter(clone_from=PdfReader(io.BytesIO(data)))
    writer.encrypt(user_password=user_password, owner_password="owner-secret", algorithm="AES-256")
    out = io.BytesIO()
    writer.write(out)
    return out.getvalue()


def scene(width: int = 320, height: int = 240) -> Image.Image:
    """A small synthetic street scene: enough structure for a perceptual hash to be meaningful."""
    img = Image.new("RGB", (width, height), (135, 170, 200))
    draw = ImageDraw.Draw(img)
    draw.rectangle((0, height * 0.65, width, height), fill=(90, 90, 90))
    for i, x in enumerate(range(10, width - 40, 70)):
        draw.rectangle((x, height * 0.25 + i * 6, x + 55, height * 0.65), fill=(200, 190, 160))
        draw.rectangle((x + 10, height * 0.4, x + 22, height * 0.5), fill=(40, 40, 60))
    draw.ellipse((width * 0.6, 10, width * 0.9, height * 0.35), fill=(70, 70, 70))
    return img


def make_jpeg(
    img: Image.Image | None = None,
    *,
    gps: tuple[float, float] | None = None,
    when: str | None = None,
    device: tuple[str, str] | None = None,
    quality: int = 85,
) -> bytes:
    img = img if img is not None else scene()
    exif = Image.Exif()
    if device:
        exif[271], exif[272] = device
    if when:
        exif.get_ifd(0x8769)[36867] = when
    if gps:
        lat, lon = gps

        def dms(value: float) -> tuple[float, float, float]:
            value = abs(value)
            d = int(value)
            m = int((value - d) * 60)
            return float(d), float(m), round((value - d - m / 60) * 3600, 2)

        g = exif.get_ifd(0x8825)
        g[1], g[2] = ("N" if lat >= 0 else "S"), dms(lat)
        g[3], g[4] = ("E" if lon >= 0 else "W"), dms(lon)
    out = io.BytesIO()
    img.save(out, "JPEG", quality=quality, exif=exif)
    return out.getvalue()


def make_xlsx(rows: list[list[object]], sheet: str = "Victims") -> bytes:
    wb = Workbook()
    ws = wb.active
    assert ws is not None
    ws.title = sheet
    for row in rows:
        ws.append(row)
    out = io.BytesIO()
    wb.save(out)
    return out.getvalue()


def mp4_header() -> bytes:
    """The start of an MP4 file (an ftyp box and an empty mdat box): enough for detection."""
    ftyp = b"\x00\x00\x00\x18ftypisom\x00\x00\x02\x00isomiso2"
    return ftyp + b"\x00\x00\x00\x08mdat" + bytes(64)
