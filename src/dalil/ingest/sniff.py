"""What a file's first bytes say it is (magic numbers), independent of its name."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

HEAD_BYTES = 64 * 1024


@dataclass(frozen=True)
class Magic:
    kind: str  # a source kind: photo, video, pdf, spreadsheet, other
    media_type: str
    description: str


def read_head(path: Path, size: int = HEAD_BYTES) -> bytes:
    with path.open("rb") as fh:
        return fh.read(size)


_QUICKTIME_BRANDS = {b"qt  "}
_AUDIO_BRANDS = {b"M4A ", b"M4B ", b"M4P "}
_HEIF_BRANDS = {b"heic", b"heix", b"heim", b"heis", b"hevc", b"hevx", b"mif1", b"msf1", b"avif"}


def sniff_magic(head: bytes) -> Magic | None:
    """The binary format the bytes start with, or None (text, or a format we do not know)."""
    if head.startswith(b"\xff\xd8\xff"):
        return Magic("photo", "image/jpeg", "JPEG image")
    if head.startswith(b"\x89PNG\r\n\x1a\n"):
        return Magic("photo", "image/png", "PNG image")
    if head.startswith((b"GIF87a", b"GIF89a")):
        return Magic("photo", "image/gif", "GIF image")
    if head.startswith((b"II*\x00", b"MM\x00*")):
        return Magic("photo", "image/tiff", "TIFF image")
    if head[:4] == b"RIFF" and head[8:12] == b"WEBP":
        return Magic("photo", "image/webp", "WebP image")
    if head[:4] == b"RIFF" and head[8:12] == b"AVI ":
        return Magic("video", "video/x-msvideo", "AVI video")
    if head[:4] == b"RIFF" and head[8:12] == b"WAVE":
        return Magic("other", "audio/wav", "WAV audio")
    if head[4:8] == b"ftyp":
        brand = head[8:12]
        if brand in _HEIF_BRANDS:
            # Kept as evidence, but Pillow cannot decode HEIF without a plugin we do not ship.
            return Magic("other", "image/heic", "HEIF image")
        if brand in _AUDIO_BRANDS:
            return Magic("other", "audio/mp4", "MPEG-4 audio")
        if brand in _QUICKTIME_BRANDS:
            return Magic("video", "video/quicktime", "QuickTime video")
        if brand.startswith(b"3g"):
            return Magic("video", "video/3gpp", "3GPP video")
        return Magic("video", "video/mp4", "MPEG-4 video")
    if head[4:8] in (b"moov", b"mdat", b"wide", b"free") and len(head) >= 8:
        return Magic("video", "video/quicktime", "QuickTime video")
    if head.startswith(b"\x1a\x45\xdf\xa3"):
        if b"webm" in head[:64]:
            return Magic("video", "video/webm", "WebM video")
        return Magic("video", "video/x-matroska", "Matroska video")
    if b"%PDF-" in head[:1024]:
        return Magic("pdf", "application/pdf", "PDF document")
    if head.startswith(b"PK\x03\x04"):
        if b"xl/" in head:
            return Magic(
                "spreadsheet",
                "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
                "XLSX workbook",
            )
        return Magic("other", "application/zip", "ZIP archive")
    if head.startswith(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"):
        return Magic("other", "application/x-ole-storage", "legacy Office document")
    if head.startswith(b"OggS"):
        return Magic("other", "audio/ogg", "Ogg audio")
    if (head.startswith(b"ID3") and head[3:4] in (b"\x02", b"\x03", b"\x04")) or head[:2] in (
        b"\xff\xfb", b"\xff\xf3", b"\xff\xf2"
    ):
        return Magic("other", "audio/mpeg", "MP3 audio")
    if head.startswith((b"\x1f\x8b", b"7z\xbc\xaf\x27\x1c", b"Rar!")):
        return Magic("other", "application/octet-stream", "compressed archive")
    if head.startswith(b"\x7fELF") or (head.startswith(b"MZ") and b"\x00" in head[:64]):
        return Magic("other", "application/octet-stream", "executable program")
    return None
