"""Synthetic Syrian-style victim lists with ground truth, for tests and benchmarks.

Fictional people: names are drawn at random from common Syrian given and family names and
combined; no real list is copied. Each person may appear in several lists (documentation groups
overlap), each list writes names in its own script and transliteration scheme, and records carry
the errors real lists have: missing name parts, typos, swapped order, shifted dates, dates known
only to the month or year, wrong ages, and a place written differently.
"""

from __future__ import annotations

import random
from dataclasses import dataclass
from datetime import date, timedelta
from typing import Any

import pandas as pd

__all__ = ["GeneratorConfig", "generate_lists"]

# (Arabic, English-style, French-style, academic-style, chat-style)
MALE = [
    ("محمد", "Mohammad", "Mohamed", "Muhammad", "M7md"),
    ("أحمد", "Ahmad", "Ahmed", "Aḥmad", "A7mad"),
    ("علي", "Ali", "Ali", "ʿAli", "3li"),
    ("حسن", "Hassan", "Hassan", "Hasan", "7asan"),
    ("حسين", "Hussein", "Houssein", "Husayn", "7sen"),
    ("محمود", "Mahmoud", "Mahmoud", "Mahmud", "Ma7moud"),
    ("خالد", "Khaled", "Khaled", "Khalid", "5aled"),
    ("عمر", "Omar", "Omar", "ʿUmar", "3omar"),
    ("يوسف", "Yousef", "Youssef", "Yusuf", "Yousef"),
    ("إبراهيم", "Ibrahim", "Ibrahim", "Ibrahim", "Ibrahim"),
    ("عبد الرحمن", "Abdul Rahman", "Abdel Rahman", "ʿAbd al-Rahman", "Abdulra7man"),
    ("عبد الله", "Abdullah", "Abdallah", "ʿAbd Allah", "Abdalla"),
    ("مصطفى", "Mustafa", "Moustafa", "Mustafa", "Mostafa"),
    ("سامر", "Samer", "Samer", "Samir", "Samer"),
    ("بشار", "Bashar", "Bachar", "Bashshar", "Bashar"),
    ("وائل", "Wael", "Wael", "Waʾil", "Wa2el"),
    ("هشام", "Hisham", "Hicham", "Hisham", "Hesham"),
    ("طارق", "Tarek", "Tarek", "Tariq", "Tare2"),
    ("زياد", "Ziad", "Ziad", "Ziyad", "Ziad"),
    ("جمال", "Jamal", "Djamal", "Jamal", "Gamal"),
    ("عماد", "Imad", "Imad", "ʿImad", "3imad"),
    ("غسان", "Ghassan", "Ghassan", "Ghassan", "Ghassan"),
    ("نزار", "Nizar", "Nizar", "Nizar", "Nizar"),
    ("ياسر", "Yasser", "Yasser", "Yasir", "Yaser"),
    ("أيمن", "Ayman", "Aymane", "Ayman", "Ayman"),
    ("منصور", "Mansour", "Mansour", "Mansur", "Mansour"),
    ("سليمان", "Suleiman", "Sleiman", "Sulayman", "Sleman"),
    ("عيسى", "Issa", "Issa", "ʿIsa", "3isa"),
    ("موسى", "Musa", "Moussa", "Musa", "Mousa"),
    ("حمزة", "Hamza", "Hamza", "Hamzah", "7amza"),
    ("بلال", "Bilal", "Bilal", "Bilal", "Belal"),
    ("أنس", "Anas", "Anas", "Anas", "Anas"),
    ("جهاد", "Jihad", "Jihad", "Jihad", "Jehad"),
    ("رامي", "Rami", "Rami", "Rami", "Rami"),
    ("فادي", "Fadi", "Fadi", "Fadi", "Fadi"),
    ("شادي", "Shadi", "Chadi", "Shadi", "Shadi"),
    ("ماهر", "Maher", "Maher", "Mahir", "Maher"),
    ("نبيل", "Nabil", "Nabil", "Nabil", "Nabeel"),
    ("عدنان", "Adnan", "Adnan", "ʿAdnan", "3adnan"),
    ("أسامة", "Osama", "Oussama", "Usama", "Osama"),
    ("حامد", "Hamed", "Hamed", "Hamid", "7amed"),
    ("سعيد", "Saeed", "Said", "Saʿid", "Sa3eed"),
    ("قاسم", "Qasem", "Kassem", "Qasim", "2asem"),
    ("صالح", "Saleh", "Saleh", "Salih", "Sale7"),
    ("كريم", "Karim", "Karim", "Karim", "Kareem"),
    ("وليد", "Walid", "Walid", "Walid", "Waleed"),
    ("رائد", "Raed", "Raed", "Raʾid", "Ra2ed"),
    ("مازن", "Mazen", "Mazen", "Mazin", "Mazen"),
    ("هيثم", "Haitham", "Haytham", "Haytham", "Haitham"),
    ("نور الدين", "Nour al-Din", "Noureddine", "Nur al-Din", "Nour eldin"),
]
FEMALE = [
    ("فاطمة", "Fatima", "Fatma", "Fatimah", "Fatmeh"),
    ("عائشة", "Aisha", "Aicha", "ʿAʾisha", "3aisha"),
    ("مريم", "Mariam", "Meriem", "Maryam", "Mariam"),
    ("زينب", "Zainab", "Zeinab", "Zaynab", "Zeinab"),
    ("خديجة", "Khadija", "Khadija", "Khadijah", "5adija"),
    ("رنا", "Rana", "Rana", "Rana", "Rana"),
    ("هالة", "Hala", "Hala", "Halah", "Hala"),
    ("لينا", "Lina", "Lina", "Lina", "Leena"),
    ("سوسن", "Sawsan", "Sawsan", "Sawsan", "Sawsan"),
    ("ريم", "Reem", "Rim", "Rim", "Reem"),
    ("نور", "Nour", "Nour", "Nur", "Noor"),
    ("سارة", "Sara", "Sarah", "Sarah", "Sara"),
    ("رانيا", "Rania", "Rania", "Raniya", "Ranya"),
    ("هبة", "Heba", "Hiba", "Hibah", "Heba"),
    ("أمل", "Amal", "Amal", "Amal", "Amal"),
    ("سمر", "Samar", "Samar", "Samar", "Samar"),
    ("ياسمين", "Yasmin", "Yasmine", "Yasmin", "Yasmeen"),
    ("دعاء", "Doaa", "Douaa", "Duʿaʾ", "Do3aa"),
    ("منى", "Mona", "Mouna", "Muna", "Mona"),
    ("إيمان", "Iman", "Imane", "Iman", "Eman"),
]
FAMILY = [
    ("الحموي", "al-Hamwi", "El Hamoui", "al-Hamawi", "Hamwi"),
    ("الأحمد", "al-Ahmad", "El Ahmad", "al-Ahmad", "Alahmad"),
    ("الخطيب", "al-Khatib", "El Khatib", "al-Khatib", "Alkhatib"),
    ("الحلبي", "al-Halabi", "El Halabi", "al-Halabi", "7alabi"),
    ("الشامي", "al-Shami", "Chami", "ash-Shami", "Shami"),
    ("المصري", "al-Masri", "El Masri", "al-Misri", "Masri"),
    ("العلي", "al-Ali", "El Ali", "al-ʿAli", "Al3li"),
    ("الحسن", "al-Hassan", "El Hassan", "al-Hasan", "Al7asan"),
    ("حداد", "Haddad", "Haddad", "Haddad", "7addad"),
    ("نجار", "Najjar", "Najjar", "Najjar", "Najar"),
    ("عثمان", "Othman", "Osman", "ʿUthman", "3othman"),
    ("الزعبي", "al-Zoubi", "Zoubi", "al-Zuʿbi", "Zo3bi"),
    ("الدروبي", "al-Droubi", "Droubi", "al-Durubi", "Droubi"),
    ("قباني", "Qabbani", "Kabbani", "Qabbani", "2abbani"),
    ("الجاسم", "al-Jasem", "El Jassem", "al-Jasim", "Jasem"),
    ("السيد", "al-Sayed", "El Sayed", "al-Sayyid", "Sayed"),
    ("درويش", "Darwish", "Darwiche", "Darwish", "Darwesh"),
    ("الخليل", "al-Khalil", "El Khalil", "al-Khalil", "Khalil"),
    ("النعيمي", "al-Nuaimi", "Naimi", "al-Nuʿaymi", "Nu3aimi"),
    ("البكور", "al-Bakour", "Bakkour", "al-Bakur", "Bakour"),
    ("الحريري", "al-Hariri", "Hariri", "al-Hariri", "7ariri"),
    ("الأسعد", "al-Asaad", "El Assaad", "al-Asʿad", "As3ad"),
    ("المحمد", "al-Mohammad", "El Mohamed", "al-Muhammad", "Alm7md"),
    ("العبدالله", "al-Abdullah", "Abdallah", "al-ʿAbd Allah", "Abdulla"),
    ("الرفاعي", "al-Rifai", "Rifai", "al-Rifaʿi", "Refa3i"),
    ("الساعور", "al-Saour", "Saour", "al-Saʿur", "Sa3our"),
    ("اليوسف", "al-Yousef", "Youssef", "al-Yusuf", "Alyousef"),
    ("القاسم", "al-Qasem", "Kassem", "al-Qasim", "Qasem"),
    ("الصالح", "al-Saleh", "Saleh", "al-Salih", "Saleh"),
    ("الحمصي", "al-Homsi", "Homsi", "al-Himsi", "7omsi"),
    ("الإدلبي", "al-Idlibi", "Idlibi", "al-Idlibi", "Edlebi"),
    ("طلاس", "Tlass", "Tlass", "Talas", "Tlass"),
    ("العمر", "al-Omar", "El Omar", "al-ʿUmar", "Al3omar"),
    ("الخضر", "al-Khodr", "Khodr", "al-Khidr", "5odr"),
    ("سلامة", "Salameh", "Salamé", "Salamah", "Salama"),
    ("عيسى", "Issa", "Issa", "ʿIsa", "3isa"),
    ("الكردي", "al-Kurdi", "Kurdi", "al-Kurdi", "Kurdi"),
    ("التركماني", "al-Turkmani", "Turkmani", "al-Turkmani", "Torkmani"),
    ("البيطار", "al-Bitar", "Bitar", "al-Baytar", "Betar"),
    ("الشيخ", "al-Sheikh", "Cheikh", "al-Shaykh", "Sheikh"),
]
PLACES = [
    ("حمص", "Homs", "Homs", "Hims", "Homs", "Homs"),
    ("حماة", "Hama", "Hama", "Hamah", "Hama", "Hama"),
    ("حلب", "Aleppo", "Alep", "Halab", "7alab", "Aleppo"),
    ("دمشق", "Damascus", "Damas", "Dimashq", "Dimashq", "Damascus"),
    ("دوما", "Douma", "Douma", "Duma", "Douma", "Rif Dimashq"),
    ("داريا", "Daraya", "Daraya", "Dariya", "Darayya", "Rif Dimashq"),
    ("درعا", "Daraa", "Deraa", "Darʿa", "Dar3a", "Daraa"),
    ("إدلب", "Idlib", "Idleb", "Idlib", "Edleb", "Idlib"),
    ("اللاذقية", "Latakia", "Lattaquié", "al-Ladhiqiyah", "Lattakia", "Lattakia"),
    ("بانياس", "Baniyas", "Banias", "Baniyas", "Banyas", "Tartous"),
    ("جبلة", "Jableh", "Jablé", "Jabla", "Jableh", "Lattakia"),
    ("دير الزور", "Deir ez-Zor", "Deir ez-Zor", "Dayr al-Zawr", "Deir Ezzor", "Deir ez-Zor"),
    ("الرقة", "Raqqa", "Raqqa", "al-Raqqah", "Raqa", "Raqqa"),
    ("القصير", "Qusayr", "Qoussair", "al-Qusayr", "Qsair", "Homs"),
    ("تلكلخ", "Talkalakh", "Tall Kalakh", "Tall Kalakh", "Tal Kalakh", "Homs"),
    ("السويداء", "Suwayda", "Soueida", "al-Suwayda", "Sweida", "As-Sweida"),
    ("معرة النعمان", "Maarat al-Numan", "Maarret en-Nouman", "Maʿarrat al-Nuʿman",
     "Ma3arrat Al-Numan", "Idlib"),
    ("الحولة", "Houla", "Houla", "al-Hula", "Hula", "Homs"),
    ("القبير", "Qubeir", "Koubeir", "al-Qubayr", "Qbeir", "Hama"),
    ("التريمسة", "Tremseh", "Treimsa", "al-Turaymisah", "Tremseh", "Hama"),
]
GOVERNORATE_AR = {
    "Homs": "حمص", "Hama": "حماة", "Aleppo": "حلب", "Damascus": "دمشق", "Rif Dimashq": "ريف دمشق",
    "Daraa": "درعا", "Idlib": "إدلب", "Lattakia": "اللاذقية", "Tartous": "طرطوس",
    "Deir ez-Zor": "دير الزور", "Raqqa": "الرقة", "As-Sweida": "السويداء",
}
MANNERS = ["shelling", "shooting", "execution", "torture in detention", "airstrike", "unknown"]

# A list's writing habits: script/scheme, name layout, date layout, error rates.
SCHEMES = {
    "arabic": 0, "english": 1, "french": 2, "academic": 3, "chat": 4,
}


@dataclass(frozen=True)
class ListStyle:
    name: str
    scheme: str
    coverage: float  # share of all victims this list holds
    layout: str  # "full" one name cell, "parts" given/father/grandfather/family cells
    p_missing_part: float = 0.15
    p_typo: float = 0.08
    p_swap: float = 0.05
    p_date_shift: float = 0.15
    p_month_only: float = 0.15
    p_age_wrong: float = 0.2
    p_dup: float = 0.03  # the same person entered twice in this list


# Consonants for synthetic family names: (Arabic letter, English, French, academic, chat)
_CONSONANTS = [
    ("ب", "b", "b", "b", "b"), ("ت", "t", "t", "t", "t"), ("ج", "j", "dj", "j", "g"),
    ("ح", "h", "h", "ḥ", "7"), ("خ", "kh", "kh", "kh", "5"), ("د", "d", "d", "d", "d"),
    ("ر", "r", "r", "r", "r"), ("ز", "z", "z", "z", "z"), ("س", "s", "s", "s", "s"),
    ("ش", "sh", "ch", "sh", "sh"), ("ص", "s", "s", "ṣ", "s"), ("ط", "t", "t", "ṭ", "6"),
    ("ع", "'", "", "ʿ", "3"), ("ف", "f", "f", "f", "f"), ("ق", "q", "k", "q", "2"),
    ("ك", "k", "k", "k", "k"), ("ل", "l", "l", "l", "l"), ("م", "m", "m", "m", "m"),
    ("ن", "n", "n", "n", "n"), ("ه", "h", "h", "h", "h"), ("غ", "gh", "gh", "gh", "gh"),
]


def synthetic_families(n: int, seed: int) -> list[tuple[str, str, str, str, str]]:
    """``n`` made-up family names on the pattern CaCCaC (Arabic C C ا C), in five schemes,
    so that large benchmarks have the variety of family names real lists have."""
    rng = random.Random(seed)
    out: dict[str, tuple[str, str, str, str, str]] = {}
    # CaCCaC and CaCCaCi (a nisba, الـ...ي): about 18,000 distinct names
    limit = min(n, 2 * 20 * 21 * 20)
    while len(out) < limit:
        c1, c2, c3 = (rng.choice(_CONSONANTS) for _ in range(3))
        if c1[0] == "ع" or c2[0] == c3[0]:
            continue
        nisba = rng.random() < 0.5
        arabic = c1[0] + c2[0] + "ا" + c3[0] + ("ي" if nisba else "")
        if arabic in out:
            continue
        latin = [f"{c1[j]}a{c2[j]}{c2[j] if j != 2 else ''}a{c3[j]}{'i' if nisba else ''}"
                 .capitalize() for j in (1, 2, 3, 4)]
        out[arabic] = (arabic, *latin)  # type: ignore[assignment]
    return list(out.values())


@dataclass(frozen=True)
class GeneratorConfig:
    n_victims: int = 1000
    seed: int = 7
    #: made-up family names added to the common ones (large benchmarks need the variety)
    extra_families: int = 0
    lists: tuple[ListStyle, ...] = (
        ListStyle("SNHR-like", "arabic", 0.55, "parts"),
        ListStyle("VDC-like", "english", 0.5, "full"),
        ListStyle("diaspora", "french", 0.3, "full", p_typo=0.12),
        ListStyle("academic", "academic", 0.25, "parts", p_missing_part=0.3),
        ListStyle("social-media", "chat", 0.15, "full", p_typo=0.15, p_swap=0.1),
    )


def _typo(rng: random.Random, text: str) -> str:
    if len(text) < 4:
        return text
    i = rng.randrange(1, len(text) - 1)
    op = rng.random()
    if op < 0.35:
        return text[:i] + text[i + 1:]  # deletion
    if op < 0.7:
        return text[:i] + text[i] + text[i:]  # doubled letter
    if op < 0.85 and text[i].isalpha() and text[i + 1].isalpha():
        return text[:i] + text[i + 1] + text[i] + text[i + 2:]  # transposition
    alphabet = "ابتثجحخدذرزسشصضطظعغفقكلمنهوي" if "\u0600" <= text[i] <= "\u06ff" \
        else "abcdefghijklmnopqrstuvwxyz"
    return text[:i] + rng.choice(alphabet) + text[i + 1:]


def _person(rng: random.Random, pid: int,
            families: list[tuple[str, ...]] | None = None) -> dict[str, Any]:
    female = rng.random() < 0.22
    given = rng.choice(FEMALE if female else MALE)
    father, grandfather = rng.choice(MALE), rng.choice(MALE)
    family = rng.choice(families or FAMILY)
    mother = rng.choice(FEMALE)
    death = date(2011, 3, 15) + timedelta(days=rng.randrange(0, 365 * 10))
    age = max(0, min(95, int(rng.gauss(32, 15))))
    place = rng.choice(PLACES)
    origin = place if rng.random() < 0.6 else rng.choice(PLACES)
    return {"person_id": f"P{pid:07d}", "sex": "female" if female else "male", "given": given,
            "father": father, "grandfather": grandfather, "family": family, "mother": mother,
            "death": death, "age": age, "place": place, "origin": origin,
            "manner": rng.choice(MANNERS),
            "status": "civilian" if rng.random() < 0.85 else "combatant"}


def _record(rng: random.Random, p: dict[str, Any], style: ListStyle, rid: str) -> dict[str, Any]:
    idx = SCHEMES[style.scheme]
    # A list keeps its own scheme, but individual volunteers drift to another spelling.
    def pick(entry: tuple[str, ...]) -> str:
        j = idx if rng.random() > 0.15 or idx == 0 else rng.choice([1, 2, 3])
        return entry[j]

    parts = {k: pick(p[k]) for k in ("given", "father", "grandfather", "family")}
    for k in ("father", "grandfather"):
        if rng.random() < style.p_missing_part * (1.6 if k == "grandfather" else 1):
            parts[k] = ""
    if rng.random() < style.p_missing_part / 3:
        parts["family"] = ""
    for k in parts:
        if parts[k] and rng.random() < style.p_typo:
            parts[k] = _typo(rng, parts[k])
    rec: dict[str, Any] = {"record_id": rid, "list_name": style.name, "person_id": p["person_id"]}
    order = ["given", "father", "grandfather", "family"]
    if style.layout == "parts":
        rec.update({"given_name": parts["given"], "father_name": parts["father"],
                    "grandfather_name": parts["grandfather"], "family_name": parts["family"]})
        if rng.random() < style.p_swap:  # given and family entered in each other's cells
            rec["given_name"], rec["family_name"] = rec["family_name"], rec["given_name"]
        rec["full_name"] = ""
    else:
        toks = [parts[k] for k in order if parts[k]]
        if rng.random() < style.p_swap and parts["family"]:
            family = toks.pop()
            rec["full_name"] = f"{family}, {' '.join(toks)}"
        else:
            rec["full_name"] = " ".join(toks)
    rec["mother_name"] = pick(p["mother"]) if rng.random() < 0.3 else ""
    rec["sex"] = p["sex"] if rng.random() < 0.9 else ""
    death: date = p["death"]
    if rng.random() < style.p_date_shift:
        death = death + timedelta(days=rng.choice([-3, -2, -1, 1, 2, 7, 30]))
    r = rng.random()
    if r < 0.05:
        rec["date_of_death"], rec["date_precision"] = "", ""
    elif r < 0.05 + style.p_month_only:
        rec["date_of_death"], rec["date_precision"] = death.strftime("%Y-%m"), "month"
    elif r < 0.1 + style.p_month_only:
        rec["date_of_death"], rec["date_precision"] = death.strftime("%Y"), "year"
    else:
        rec["date_of_death"], rec["date_precision"] = death.isoformat(), "day"
    age = p["age"]
    if rng.random() < style.p_age_wrong:
        age = max(0, age + rng.choice([-5, -2, -1, 1, 2, 3, 10]))
    rec["age"] = age if rng.random() < 0.85 else None
    rec["birth_year"] = None
    place = p["place"]
    rec["place_of_death"] = place[idx] if rng.random() < 0.85 else ""
    rec["governorate"] = place[5] if style.scheme != "arabic" else GOVERNORATE_AR[place[5]]
    rec["place_of_origin"] = p["origin"][idx] if rng.random() < 0.5 else ""
    rec["manner_of_death"] = p["manner"]
    rec["status"] = p["status"]
    return rec


def generate_lists(config: GeneratorConfig | None = None) -> pd.DataFrame:
    """All records of all lists in one table, with ``person_id`` as the ground truth."""
    config = config or GeneratorConfig()
    rng = random.Random(config.seed)
    families: list[tuple[str, ...]] = list(FAMILY)
    if config.extra_families:
        families += synthetic_families(config.extra_families, config.seed)
    people = [_person(rng, i, families) for i in range(config.n_victims)]
    rows: list[dict[str, Any]] = []
    n = 0
    for p in people:
        # Lists overlap more for well-known deaths: a person's visibility scales coverage.
        visibility = rng.uniform(0.5, 1.5)
        in_any = False
        for style in config.lists:
            if rng.random() < min(0.98, style.coverage * visibility):
                in_any = True
                n += 1
                rows.append(_record(rng, p, style, f"R{n:08d}"))
                if rng.random() < style.p_dup:
                    n += 1
                    rows.append(_record(rng, p, style, f"R{n:08d}"))
        if not in_any:
            continue
    return pd.DataFrame(rows)
