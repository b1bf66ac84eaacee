"""Generate the binary and non-UTF-8 files of the fictional demo corpus (src/dalil/demo/corpus).

Run from the repository root after changing any content below:

    python scripts/make_demo_corpus.py

Needs the dev extra (fpdf2) plus Pillow and openpyxl. Output is deterministic apart from ZIP
timestamps inside the XLSX. Everything written is fictional: see the corpus README.
"""

from __future__ import annotations

import datetime as dt
import io
import random
from pathlib import Path

from fpdf import FPDF
from openpyxl import Workbook
from PIL import Image, ImageDraw, ImageFilter

CORPUS = Path(__file__).resolve().parent.parent / "src" / "dalil" / "demo" / "corpus"

# --- reports in Arabic: Windows-1256 and UTF-16 ------------------------------------------------

JABLEH_REPORT_CP1256 = """\
شبكة الساحل لحقوق الإنسان
تقرير ميداني رقم 4 - 11 آذار 2025

ريف جبلة: مقتل مدنيين وإحراق منازل في ثلاث قرى

وثّقت الشبكة مقتل ما لا يقل عن 27 مدنياً، بينهم خمس نساء وثلاثة أطفال، في ثلاث قرى شرق مدينة
جبلة مساء يوم الجمعة 7 آذار 2025 وصباح اليوم التالي. وبحسب شهادات جمعها باحثو الشبكة من الأهالي،
وصلت مجموعات مسلحة في سيارات رباعية الدفع، وفصلت الرجال عن عائلاتهم قرب مدرسة إحدى القرى، ثم أطلقت
النار عليهم.

وأفاد ثلاثة شهود بأن عدداً من المنازل نُهب ثم أُحرق، وبأن الأهالي دفنوا أحد عشر شخصاً في مقبرة مؤقتة
يوم الأحد 9 آذار لتعذر الوصول إلى المقبرة العامة. ولا يزال مصير ما لا يقل عن تسعة رجال مجهولاً.

تطالب الشبكة بفتح تحقيق مستقل، وبالحفاظ على مواقع الدفن، وبالسماح للجان التوثيق بالوصول إلى القرى.
هذه الأرقام أولية وقابلة للزيادة.
"""

LATAKIA_STATEMENT_UTF16 = """\
بيان صادر عن لجنة أهالي حي الرمل الجنوبي في اللاذقية
12 آذار 2025

نحن أهالي حي الرمل الجنوبي في مدينة اللاذقية نعلن أن ستة عشر شاباً من أبناء الحي اعتُقلوا يومي
8 و9 آذار على حاجز عند مدخل الحي، ولم تُعرف أماكن احتجازهم حتى اليوم. وقد راجعت العائلات الجهات
الأمنية في المدينة دون الحصول على أي معلومات.

كما نفيد بأن رجلاً مسناً قُتل برصاص عند الحاجز نفسه مساء 9 آذار، ويُقال إن عناصر الحاجز منعوا
إسعافه. نطالب بالكشف عن مصير المعتقلين وإطلاق سراحهم، وبمحاسبة المسؤولين عن هذه الانتهاكات.
"""

# --- UN-style briefing (English; core PDF fonts are Latin-1 only, so ASCII text) -------------

BRIEFING_PAGES = [
    (
        "Briefing note: situation in the coastal governorates, 6-13 March 2025",
        [
            "Office for Humanitarian Monitoring - Briefing to Member States - 14 March 2025",
            "1. Between 6 and 13 March 2025 the Office received credible reports of grave "
            "violations against civilians in the governorates of Latakia and Tartus, in "
            "particular in the city of Baniyas and in villages in the countryside of Jableh.",
            "2. Following attacks on security checkpoints on 6 March, armed groups affiliated "
            "with or supporting the authorities reportedly conducted operations in areas "
            "inhabited predominantly by members of a religious minority. Multiple sources "
            "describe house-to-house searches, summary executions of men, looting and the "
            "burning of homes.",
            "3. The Office has so far verified the killing of 111 civilians, including 12 women "
            "and 9 children. This figure is provisional: the Office is aware of reports of "
            "several hundred deaths that it has not yet been able to verify.",
        ],
    ),
    (
        "Baniyas and the Jableh countryside",
        [
            "4. In the al-Qusour district of Baniyas, witnesses interviewed by the Office "
            "described men being taken from their homes on the morning of 7 March and shot near "
            "the district school. Medical sources reported receiving at least 14 bodies by "
            "8 March; relatives reported at least 20 men missing.",
            "5. In villages east of Jableh, relatives said that 11 victims were buried in a "
            "makeshift grave on 9 March because the cemetery could not be reached. The Office "
            "calls for these sites to be protected.",
            "6. In Latakia city, families reported the detention of young men at a checkpoint on "
            "8 and 9 March whose whereabouts remain unknown. Such cases may amount to enforced "
            "disappearance.",
        ],
    ),
    (
        "Recommendations",
        [
            "7. The Office urges the authorities to halt all violations, to grant independent "
            "investigators unhindered access, to preserve evidence including burial sites, and "
            "to inform families of the fate and whereabouts of those detained or missing.",
            "8. The Office recalls that those responsible, including commanders who knew or "
            "should have known of the violations, must be held to account.",
        ],
    ),
]

# --- victim list as a workbook: overlaps the CSV list, different transliterations ----------

FAMILIES_LIST = [
    ["الرقم", "الاسم الكامل", "Full name (Latin)", "الجنس", "العمر", "تاريخ الوفاة", "المكان",
     "مصدر المعلومة"],
    [1, "علي حسن ابراهيم", "Ali Hasan Ibraheem", "ذكر", 34, "2025-03-07", "بانياس", "الأسرة"],
    [2, "فاطمه يوسف ديب", "Fatme Yusuf Dib", "أنثى", 60, "2025-03-07", "بانياس", "الجيران"],
    [3, "سمير نبيل حداد", "Sameer Haddad", "ذكر", 27, "2025-03-07", "بانياس", "الأسرة"],
    [4, "نزار خوري", "Nizar Khouri", "ذكر", 45, "2025-03-07", "بانياس", "شاهد عيان"],
    [5, "يوسف الحموي", "Youssef al-Hamawi", "ذكر", None, "2025-03-07", "ريف جبلة", "الأسرة"],
    [6, "رنا عيسى", "Rana Issa", "أنثى", 38, "2025-03-08", "ريف جبلة", "الأسرة"],
    [7, "وسيم حيدر", "Wassim Haidar", "ذكر", 29, "2025-03-08", "ريف جبلة", "الأسرة"],
    [8, "أحمد علي يونس", "Ahmad Ali Younes", "ذكر", 55, "2025-03-08", "ريف جبلة", "الجيران"],
    [9, "غسان جديد", "Ghassan Jadid", "ذكر", 66, "2025-03-09", "اللاذقية", "الأسرة"],
    [10, "سلمى يونس", "Salma Younes", "أنثى", 17, "2025-03-08", "ريف جبلة", "الأسرة"],
]


def _write_text_reports() -> None:
    reports = CORPUS / "reports"
    (reports / "2025-03-11_sahel-rights-network_jableh_ar.txt").write_bytes(
        JABLEH_REPORT_CP1256.replace("\n", "\r\n").encode("cp1256")
    )
    (reports / "2025-03-12_latakia-families-committee_ar.txt").write_bytes(
        LATAKIA_STATEMENT_UTF16.replace("\n", "\r\n").encode("utf-16")  # with BOM, as Notepad
    )


class _Briefing(FPDF):
    def footer(self) -> None:
        self.set_y(-15)
        self.set_font("Helvetica", style="I", size=8)
        self.cell(0, 6, f"Fictional document for the Dalil demo - page {self.page_no()}",
                  align="C")


def _write_briefing() -> None:
    pdf = _Briefing()
    pdf.set_creation_date(dt.datetime(2025, 3, 14, 9, 0, tzinfo=dt.UTC))
    pdf.set_title("Briefing note: situation in the coastal governorates, 6-13 March 2025")
    pdf.set_author("Office for Humanitarian Monitoring")
    pdf.set_auto_page_break(auto=True, margin=20)
    for heading, paragraphs in BRIEFING_PAGES:
        pdf.add_page()
        pdf.set_font("Helvetica", style="B", size=13)
        pdf.multi_cell(0, 7, heading)
        pdf.ln(3)
        pdf.set_font("Helvetica", size=11)
        for para in paragraphs:
            pdf.multi_cell(0, 6, para)
            pdf.ln(2)
    (CORPUS / "reports" / "2025-03-14_briefing-coastal-governorates.pdf").write_bytes(
        bytes(pdf.output())
    )


def _street_scene(seed: int, smoke: bool = True) -> Image.Image:
    """A small synthetic street picture: buildings, a road and a plume of smoke."""
    rng = random.Random(seed)
    w, h = 640, 480
    img = Image.new("RGB", (w, h), (150, 175, 200))
    draw = ImageDraw.Draw(img)
    draw.rectangle((0, int(h * 0.7), w, h), fill=(85, 85, 88))
    x = 0
    while x < w:
        bw = rng.randint(70, 130)
        top = rng.randint(int(h * 0.25), int(h * 0.5))
        shade = rng.randint(170, 215)
        draw.rectangle((x, top, x + bw, int(h * 0.7)), fill=(shade, shade - 12, shade - 35))
        for wy in range(top + 15, int(h * 0.65), 38):
            for wx in range(x + 10, x + bw - 20, 28):
                draw.rectangle((wx, wy, wx + 14, wy + 20), fill=(45, 50, 60))
        x += bw + rng.randint(4, 12)
    if smoke:
        for _ in range(40):
            cx = rng.randint(380, 520)
            cy = rng.randint(20, 200)
            r = rng.randint(25, 60)
            g = rng.randint(55, 95)
            draw.ellipse((cx - r, cy - r, cx + r, cy + r), fill=(g, g, g))
    noise = Image.effect_noise((w, h), 12).convert("RGB")
    return Image.blend(img, noise, 0.06).filter(ImageFilter.SMOOTH)


def _dms(value: float) -> tuple[float, float, float]:
    value = abs(value)
    d = int(value)
    m = int((value - d) * 60)
    return float(d), float(m), round((value - d - m / 60) * 3600, 2)


def _jpeg(img: Image.Image, *, quality: int, when: str | None = None,
          gps: tuple[float, float] | None = None, device: tuple[str, str] | None = None) -> bytes:
    exif = Image.Exif()
    if device:
        exif[271], exif[272] = device
    if when:
        sub = exif.get_ifd(0x8769)
        sub[36867] = when  # DateTimeOriginal
        sub[36881] = "+02:00"  # OffsetTimeOriginal (Syria, March 2025)
    if gps:
        g = exif.get_ifd(0x8825)
        g[1], g[2] = "N", _dms(gps[0])
        g[3], g[4] = "E", _dms(gps[1])
    out = io.BytesIO()
    img.save(out, "JPEG", quality=quality, exif=exif, optimize=True)
    return out.getvalue()


def _write_photos() -> None:
    baniyas_south = (35.1762, 35.9455)
    street = _street_scene(7)
    # As taken by a phone, with EXIF time, device and GPS.
    (CORPUS / "photos" / "IMG_20250307_091402.jpg").write_bytes(
        _jpeg(street, quality=82, when="2025:03:07 09:14:02", gps=baniyas_south,
              device=("Demophone", "DP-7 Pro"))
    )
    # The same picture after a messenger: resized, recompressed, metadata stripped.
    (CORPUS / "photos" / "IMG-20250308-WA0004.jpg").write_bytes(
        _jpeg(street.resize((512, 384)), quality=55)
    )
    # The channel's photo: another angle, sent as a file so EXIF survived.
    (CORPUS / "telegram" / "ChatExport_2025-03-12" / "photos"
     / "photo_1@07-03-2025_09-14-30.jpg").write_bytes(
        _jpeg(_street_scene(11).resize((480, 360)), quality=70, when="2025:03:07 09:11:47",
              gps=(35.1749, 35.9431), device=("Demophone", "DP-5"))
    )
    media = CORPUS / "x-archive" / "data" / "tweets_media"
    media.mkdir(parents=True, exist_ok=True)
    (media / "1897989000000000101-GlQs7XcAA1demo.jpg").write_bytes(
        _jpeg(_street_scene(23).resize((480, 360)), quality=65)
    )


def _write_workbook() -> None:
    wb = Workbook()
    ws = wb.active
    assert ws is not None
    ws.title = "الضحايا"
    for row in FAMILIES_LIST:
        ws.append(row)
    fixed = dt.datetime(2025, 3, 16, 12, 0)
    wb.properties.created = fixed
    wb.properties.modified = fixed
    wb.properties.creator = "Coastal Families Network (fictional)"
    wb.save(CORPUS / "victims" / "families-network_list_2025-03-16.xlsx")


def main() -> None:
    _write_text_reports()
    _write_briefing()
    _write_photos()
    _write_workbook()
    total = sum(p.stat().st_size for p in CORPUS.rglob("*") if p.is_file())
    count = sum(1 for p in CORPUS.rglob("*") if p.is_file())
    print(f"demo corpus: {count} files, {total / 1024:.0f} KiB in {CORPUS}")


if __name__ == "__main__":
    main()
