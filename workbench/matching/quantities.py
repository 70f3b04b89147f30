"""Numbers and dates in English or Indonesian text, and whether a claim's agree with a source's.

Only what matching needs: quantities with a qualifier ("lebih dari 20", "more than 20"), scales
("2,5 juta", "2.5 million"), percentages, calendar dates ("4 Maret", "March 4", "4/3/2022") and
weekdays. Numbers that are parts of dates or years are dates, not quantities.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from workbench.domain import NumberMention

_SCALES = {
    "ribu": 1e3, "thousand": 1e3, "juta": 1e6, "million": 1e6, "miliar": 1e9, "milyar": 1e9,
    "billion": 1e9, "triliun": 1e12, "trillion": 1e12,
}  # fmt: skip
_PERCENT = ("%", "persen", "percent", "per cent")
_WORDS = {
    "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8, "nine": 9, "ten": 10,
    "eleven": 11, "twelve": 12, "dozen": 12, "fifteen": 15, "twenty": 20, "thirty": 30, "fifty": 50,
    "hundred": 100, "dua": 2, "tiga": 3, "empat": 4, "lima": 5, "enam": 6, "tujuh": 7, "delapan": 8,
    "sembilan": 9, "sepuluh": 10, "sebelas": 11, "seratus": 100, "seribu": 1000, "selusin": 12,
}  # fmt: skip
_QUALIFIERS = [
    ("more-than", r"more than|over|above|exceeding|at least|upwards of|lebih dari|di atas|lebih dari|"
     r"setidaknya|sedikitnya|paling sedikit|minimal|melebihi"),
    ("less-than", r"less than|fewer than|under|below|up to|kurang dari|di bawah|hingga|sampai|maksimal"),
    ("about", r"about|around|approximately|nearly|almost|roughly|some|an estimated|sekitar|hampir|"
     r"kira-kira|kurang lebih|lebih kurang|mendekati"),
]  # fmt: skip
_QUALIFIER = re.compile(
    r"(?:" + "|".join(f"(?P<q{i}>(?:{pattern}))" for i, (_, pattern) in enumerate(_QUALIFIERS)) + r")\s+$",
    re.IGNORECASE,
)
# Durations compare in hours: "two days" and "48 hours" agree.
_HOURS = {
    "minute": 1 / 60, "minutes": 1 / 60, "menit": 1 / 60, "hour": 1, "hours": 1, "jam": 1, "day": 24,
    "days": 24, "hari": 24, "week": 168, "weeks": 168, "pekan": 168, "minggu": 168, "month": 730,
    "months": 730, "bulan": 730, "year": 8766, "years": 8766, "tahun": 8766,
}  # fmt: skip
_NUMBER = re.compile(
    r"(?<![\w.,/])(?P<num>\d+(?:[.,]\d+)*|\b(?:" + "|".join(_WORDS) + r"))"
    r"(?:\s*(?P<tens>puluh|belas)\b)?"
    r"(?:\s*(?P<scale>" + "|".join(_SCALES) + r")\b)?"
    r"(?:\s*(?P<pct>%|persen\b|percent\b|per cent\b))?"
    r"(?:[\s-]*(?P<duration>" + "|".join(sorted(_HOURS, key=len, reverse=True)) + r")\b)?"
    r"(?![\w/])",
    re.IGNORECASE,
)
# Fractions read as percentages: "half", "a third", "one in four", "separuh".
_FRACTIONS = {
    "half": 50.0, "a half": 50.0, "separuh": 50.0, "setengah": 50.0, "a quarter": 25.0,
    "one quarter": 25.0, "seperempat": 25.0, "a third": 100 / 3, "one third": 100 / 3,
    "sepertiga": 100 / 3, "two thirds": 200 / 3, "dua pertiga": 200 / 3, "three quarters": 75.0,
    "tiga perempat": 75.0,
}  # fmt: skip
_DENOMINATORS = {"two": 2, "three": 3, "four": 4, "five": 5, "ten": 10, "dua": 2, "tiga": 3,
                 "empat": 4, "lima": 5, "sepuluh": 10}  # fmt: skip
_FRACTION = re.compile(
    r"\b(?:(?P<named>" + "|".join(sorted(_FRACTIONS, key=len, reverse=True)) + r")"
    r"|(?:one|1|satu) (?:in|out of|dari) (?P<denominator>\d+|" + "|".join(_DENOMINATORS) + r"))\b",
    re.IGNORECASE,
)
_MONTHS = {
    "january": 1, "januari": 1, "jan": 1, "february": 2, "februari": 2, "feb": 2, "march": 3,
    "maret": 3, "mar": 3, "april": 4, "apr": 4, "may": 5, "mei": 5, "june": 6, "juni": 6, "jun": 6,
    "july": 7, "juli": 7, "jul": 7, "august": 8, "agustus": 8, "aug": 8, "agu": 8, "september": 9,
    "sep": 9, "sept": 9, "october": 10, "oktober": 10, "oct": 10, "okt": 10, "november": 11,
    "nov": 11, "december": 12, "desember": 12, "dec": 12, "des": 12,
}  # fmt: skip
_WEEKDAYS = {
    "monday": 0, "senin": 0, "tuesday": 1, "selasa": 1, "wednesday": 2, "rabu": 2, "thursday": 3,
    "kamis": 3, "friday": 4, "jumat": 4, "jum'at": 4, "jum’at": 4, "saturday": 5, "sabtu": 5,
    "sunday": 6, "minggu": 6,
}  # fmt: skip
_MONTH = "|".join(sorted(_MONTHS, key=len, reverse=True))
_DAY_MONTH = re.compile(rf"\b(?P<day>\d{{1,2}})\s+(?P<month>{_MONTH})\.?(?:\s+(?P<year>\d{{4}}))?\b", re.I)
_MONTH_DAY = re.compile(rf"\b(?P<month>{_MONTH})\.?\s+(?P<day>\d{{1,2}})\b(?:,?\s+(?P<year>\d{{4}}))?", re.I)
_NUMERIC_DATE = re.compile(r"\b(?P<a>\d{1,2})/(?P<b>\d{1,2})/(?P<year>\d{2,4})\b")
_WEEKDAY = re.compile(r"\b(?:" + "|".join(_WEEKDAYS) + r")\b", re.I)
_YEAR = re.compile(r"^(?:19|20)\d\d$")


@dataclass(frozen=True, slots=True)
class Quantity:
    """A number found in a text; ``unit`` is "percent" or "count"; offsets into that text."""

    mention: NumberMention
    unit: str
    start: int
    end: int
    approximate: bool = False  # a fraction in words ("a third") stands for a rounded value


@dataclass(frozen=True, slots=True)
class CalendarDate:
    """A date mention: month and day (year when given), or only a weekday (0 = Monday)."""

    text: str
    month: int | None = None
    day: int | None = None
    year: int | None = None
    weekday: int | None = None


def _parse_digits(raw: str, lang: str) -> float | None:
    groups = re.split(r"[.,]", raw)
    separators = re.findall(r"[.,]", raw)
    if not separators:
        return float(raw)
    thousands_sep = "." if lang == "id" else ","
    if len(set(separators)) == 2:
        # "1.234,5" (id) or "1,234.5" (en): the last separator is the decimal one.
        decimal = separators[-1]
        integer = "".join(groups[:-1])
        return float(f"{integer}.{groups[-1]}") if decimal != thousands_sep else None
    if all(len(group) == 3 for group in groups[1:]) and (
        len(separators) > 1 or separators[0] == thousands_sep
    ):
        return float("".join(groups))
    if len(separators) == 1:
        return float(f"{groups[0]}.{groups[1]}")
    return None


def extract_quantities(text: str, lang: str = "en") -> list[Quantity]:
    """Quantities in ``text``, leaving out years and the numbers of dates."""
    taken = [
        (d.start(), d.end())
        for pattern in (_DAY_MONTH, _MONTH_DAY, _NUMERIC_DATE)
        for d in pattern.finditer(text)
    ]
    found: list[Quantity] = []
    for match in _FRACTION.finditer(text):
        named = match.group("named")
        if named:
            value = _FRACTIONS[named.lower()]
        else:
            denominator = match.group("denominator").lower()
            value = 100 / (_DENOMINATORS.get(denominator) or float(denominator) or 1)
        mention = NumberMention(match.group(), round(value, 1), _qualifier_before(text, match.start()))
        found.append(Quantity(mention, "percent", match.start(), match.end(), approximate=True))
    taken += [(q.start, q.end) for q in found]
    for match in _NUMBER.finditer(text):
        if any(start <= match.start() < end for start, end in taken):
            continue
        raw = match.group("num")
        word = _WORDS.get(raw.lower())
        parsed = float(word) if word is not None else _parse_digits(raw, lang)
        if parsed is None:
            continue
        value = parsed
        if match.group("tens"):
            value = value * 10 if match.group("tens").lower() == "puluh" else value + 10
        if _YEAR.match(raw) and not match.group("scale") and not match.group("pct"):
            continue
        if match.group("scale"):
            value *= _SCALES[match.group("scale").lower()]
        unit = "percent" if match.group("pct") else "count"
        if match.group("duration"):
            unit, value = "duration", value * _HOURS[match.group("duration").lower()]
        qualifier = _qualifier_before(text, match.start())
        mention = NumberMention(match.group().strip(), value, qualifier)
        found.append(Quantity(mention, unit, match.start(), match.end()))
    return sorted(found, key=lambda q: q.start)


def _qualifier_before(text: str, position: int) -> str:
    found = _QUALIFIER.search(text[max(0, position - 25) : position])
    if not found:
        return "exact"
    for index, (name, _) in enumerate(_QUALIFIERS):
        if found.group(f"q{index}"):
            return name
    return "exact"


def extract_dates(text: str, lang: str = "en") -> list[CalendarDate]:
    """Day-and-month dates and weekdays of ``text`` (numeric dates read d/m/y, or m/d/y in English)."""
    dates = []
    for pattern in (_DAY_MONTH, _MONTH_DAY):
        for match in pattern.finditer(text):
            year = int(match.group("year")) if match.group("year") else None
            month = _MONTHS[match.group("month").lower()]
            dates.append(CalendarDate(match.group(), month, int(match.group("day")), year))
    for match in _NUMERIC_DATE.finditer(text):
        first, second = int(match.group("a")), int(match.group("b"))
        day, month = (second, first) if lang == "en" and first <= 12 else (first, second)
        if 1 <= month <= 12 and 1 <= day <= 31:
            year = int(match.group("year"))
            dates.append(CalendarDate(match.group(), month, day, year if year > 99 else 2000 + year))
    for match in _WEEKDAY.finditer(text):
        dates.append(CalendarDate(match.group(), weekday=_WEEKDAYS[match.group().lower()]))
    return [d for d in dates if d.month is None or 1 <= (d.day or 1) <= 31]


def describe(quantity: Quantity) -> str:
    """ "more than 20", "about 2.5 million", "19%": how a quantity reads in a conflict note."""
    prefix = {"more-than": "more than ", "less-than": "less than ", "about": "about "}.get(
        quantity.mention.qualifier, ""
    )
    if quantity.unit == "duration":
        return prefix + quantity.mention.text
    return prefix + _format_value(quantity.mention.value) + ("%" if quantity.unit == "percent" else "")


def _format_value(value: float) -> str:
    for scale, name in ((1e12, "trillion"), (1e9, "billion"), (1e6, "million")):
        if value >= scale:
            return f"{value / scale:g} {name}"
    return f"{value:,.0f}" if value.is_integer() else f"{value:g}"


def compare_quantities(
    claim: list[Quantity], source: list[Quantity]
) -> tuple[list[str], list[str], list[str]]:
    """(agreements, qualifier differences, conflicts) as notes "claim: X — source: Y".

    A claim number agrees with a source number of the same unit and value; a different qualifier on
    the same value ("20" vs "more than 20") is a qualifier difference. A claim number with no equal
    source number conflicts with the closest source number of the same unit that no claim number
    accounts for: a passage that states the claim's other figure ("30 MW ... 1.5 billion" against
    "1.5 billion") does not contradict the first one, it only does not mention it.
    """
    agreements, qualifiers, conflicts = [], [], []
    accounted = {
        id(s) for s in source for number in claim if s.unit == number.unit and _same_value(s, number)
    }
    for number in claim:
        same_unit = [s for s in source if s.unit == number.unit]
        equal = [s for s in same_unit if _same_value(s, number)]
        note = "claim: {} — source: {}"
        if any(_same_qualifier(s.mention.qualifier, number.mention.qualifier) for s in equal):
            agreements.append(describe(number))
        elif equal:
            qualifiers.append(note.format(describe(number), describe(equal[0])))
        else:
            unpaired = [s for s in same_unit if id(s) not in accounted]
            if unpaired:
                closest = min(unpaired, key=lambda s: abs(s.mention.value - number.mention.value))
                conflicts.append(note.format(describe(number), describe(closest)))
    return agreements, qualifiers, conflicts


def _same_qualifier(first: str, second: str) -> bool:
    # "about 20" reports "20" faithfully; "more than 20" does not.
    return first == second or {first, second} <= {"exact", "about"}


def _same_value(first: Quantity, second: Quantity) -> bool:
    # "nearly a third" and "30 percent" agree; "19" and "20" do not.
    loose = (
        first.approximate
        or second.approximate
        or "about" in (first.mention.qualifier, second.mention.qualifier)
    )
    tolerance = 0.12 if loose else 0.005
    a, b = first.mention.value, second.mention.value
    return abs(a - b) <= tolerance * max(abs(a), abs(b), 1e-9)


def compare_dates(claim: list[CalendarDate], source: list[CalendarDate]) -> tuple[list[str], list[str]]:
    """(agreements, conflicts) between the claim's dates and a source passage's."""
    agreements, conflicts = [], []
    for date in claim:
        if date.weekday is not None:
            others = [s for s in source if s.weekday is not None]
            if any(s.weekday == date.weekday for s in others):
                agreements.append(date.text)
            elif others:
                conflicts.append(f"claim: {date.text} — source: {others[0].text}")
            continue
        others = [s for s in source if s.month is not None]
        if any(s.month == date.month and s.day == date.day for s in others):
            agreements.append(date.text)
        elif others:
            conflicts.append(f"claim: {date.text} — source: {others[0].text}")
    return agreements, conflicts
