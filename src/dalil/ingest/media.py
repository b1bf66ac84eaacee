"""Photos and videos.

Photos: EXIF capture time, device and GPS position, and a perceptual hash (imagehash.phash) so
that re-encoded or resized copies of one picture can be found; a file Pillow cannot fully decode
is refused. Videos: kept with their size (the pipeline hashes them); duration and codecs come
from ffprobe when it is installed, and its absence is flagged rather than treated as an error.
"""

from __future__ import annotations

import json
import math
import shutil
import subprocess
import warnings
from pathlib import Path
from typing import Any

import imagehash
from PIL import ExifTags, Image, ImageOps, UnidentifiedImageError

from dalil.errors import InputError
from dalil.ingest.parsed import ParsedItem

FFPROBE_TIMEOUT_S = 60

_EXIF_IFD = ExifTags.IFD.Exif
_GPS_IFD = ExifTags.IFD.GPSInfo
_T = ExifTags.Base
_G = ExifTags.GPS


def _exif_text(value: Any) -> str | None:
    if isinstance(value, bytes):
        value = value.decode("utf-8", "replace")
    if not isinstance(value, str):
        return None
    text = value.replace("\x00", "").strip()
    return text or None


def _exif_time(value: Any, offset: Any) -> str | None:
    """EXIF writes "2025:03:07 09:14:02" in the camera's local time; the offset tag is optional."""
    text = _exif_text(value)
    if not text or len(text) < 19 or text.startswith("0000"):
        return None
    iso = f"{text[0:4]}-{text[5:7]}-{text[8:10]}T{text[11:19]}"
    if not (iso[:4].isdigit() and iso[5:7].isdigit() and iso[8:10].isdigit()):
        return None
    off = _exif_text(offset)
    if off and len(off) == 6 and off[0] in "+-":
        iso += off
    return iso


def _gps_coord(values: Any, ref: Any) -> float | None:
    try:
        # Pillow gives IFDRational values; a zero denominator reads as NaN.
        d, m, s = (float(v) for v in values)
    except (TypeError, ValueError, ZeroDivisionError):
        return None
    if not all(math.isfinite(x) for x in (d, m, s)):
        return None
    coord = d + m / 60 + s / 3600
    if _exif_text(ref) in {"S", "W"}:
        coord = -coord
    return round(coord, 7)


def _exif(img: Image.Image) -> dict[str, Any]:
    exif = img.getexif()
    out: dict[str, Any] = {}
    make, model = _exif_text(exif.get(_T.Make)), _exif_text(exif.get(_T.Model))
    if make:
        out["make"] = make
    if model:
        out["model"] = model
    sub = exif.get_ifd(_EXIF_IFD)
    captured = _exif_time(sub.get(_T.DateTimeOriginal), sub.get(_T.OffsetTimeOriginal)) or (
        _exif_time(exif.get(_T.DateTime), sub.get(_T.OffsetTime))
    )
    if captured:
        out["captured_at"] = captured
    software = _exif_text(exif.get(_T.Software))
    if software:
        out["software"] = software
    gps = exif.get_ifd(_GPS_IFD)
    if gps.get(_G.GPSLatitude) and gps.get(_G.GPSLongitude):
        lat = _gps_coord(gps[_G.GPSLatitude], gps.get(_G.GPSLatitudeRef))
        lon = _gps_coord(gps[_G.GPSLongitude], gps.get(_G.GPSLongitudeRef))
        if lat is not None and lon is not None and abs(lat) <= 90 and abs(lon) <= 180:
            out["gps"] = {"lat": lat, "lon": lon}
    return out


def parse_photo(path: Path, name: str) -> ParsedItem:
    try:
        with warnings.catch_warnings():
            # A decompression-bomb warning becomes an error: such a file is refused.
            warnings.simplefilter("error", Image.DecompressionBombWarning)
            with Image.open(path) as probe:
                probe.verify()  # structure and checksums, without decoding pixels
            with Image.open(path) as img:
                fmt = img.format or "unknown"
                media_type = Image.MIME.get(fmt, f"image/{fmt.lower()}")
                width, height = img.size
                # JPEG: decode at a reduced scale (the DCT does it for free). Every scan is still
                # decoded, so truncated data is still caught, and phash only needs 32x32 pixels;
                # full-size decoding was most of a photo's ingest time.
                img.draft("RGB", (512, 512))
                img.load()  # decodes all the image data: catches truncation verify() misses
                exif = _exif(img)
                upright = ImageOps.exif_transpose(img)
                phash = str(imagehash.phash(upright))
    except (UnidentifiedImageError, Image.DecompressionBombError,
            Image.DecompressionBombWarning) as exc:
        raise InputError(f"{name}: not a readable image ({exc})", file=name) from exc
    except (OSError, SyntaxError, ValueError, EOFError, KeyError, IndexError,
            ZeroDivisionError) as exc:
        # Pillow reports damaged data with OSError ("image file is truncated") or SyntaxError
        # (bad PNG chunks).
        raise InputError(
            f"{name}: image is corrupt or truncated ({type(exc).__name__}: {exc})", file=name
        ) from exc
    meta: dict[str, Any] = {"format": fmt, "width": width, "height": height, "phash": phash}
    if exif:
        meta["exif"] = exif
    return ParsedItem(kind="photo", media_type=media_type, meta=meta)


def ffprobe(path: Path) -> dict[str, Any] | None:
    """Duration, container and streams from ffprobe, or None when ffprobe is not installed.

    Raises InputError-free: a failure of ffprobe on a file is returned as {"error": ...}.
    """
    exe = shutil.which("ffprobe")
    if exe is None:
        return None
    try:
        run = subprocess.run(
            [exe, "-v", "error", "-print_format", "json", "-show_format", "-show_streams",
             str(path)],
            capture_output=True, timeout=FFPROBE_TIMEOUT_S, check=False,
        )
    except subprocess.TimeoutExpired:
        return {"error": f"ffprobe took longer than {FFPROBE_TIMEOUT_S} s"}
    if run.returncode != 0:
        return {"error": run.stderr.decode("utf-8", "replace").strip()[:500] or "ffprobe failed"}
    try:
        data = json.loads(run.stdout)
    except json.JSONDecodeError:
        return {"error": "ffprobe printed no valid JSON"}
    fmt = data.get("format") or {}
    out: dict[str, Any] = {}
    try:
        if fmt.get("duration") is not None:
            out["duration_s"] = round(float(fmt["duration"]), 3)
    except (TypeError, ValueError):
        pass  # "N/A" for streams without a duration
    if fmt.get("format_name"):
        out["container"] = fmt["format_name"]
    created = (fmt.get("tags") or {}).get("creation_time")
    if created:
        out["created_at"] = str(created)
    streams = []
    for s in data.get("streams") or []:
        entry = {k: s[k] for k in ("codec_type", "codec_name", "width", "height") if k in s}
        streams.append(entry)
        if s.get("codec_type") == "video" and "video_codec" not in out:
            out["video_codec"] = s.get("codec_name")
            out["width"], out["height"] = s.get("width"), s.get("height")
        if s.get("codec_type") == "audio" and "audio_codec" not in out:
            out["audio_codec"] = s.get("codec_name")
    out["streams"] = streams
    return out


def parse_video(path: Path, name: str, media_type: str = "video/mp4") -> ParsedItem:
    item = ParsedItem(kind="video", media_type=media_type, meta={"size": path.stat().st_size})
    probe = ffprobe(path)
    if probe is None:
        item.flags["no_ffprobe"] = True
    elif "error" in probe:
        item.flags["ffprobe_failed"] = probe["error"]
    else:
        item.meta["video"] = probe
    return item
