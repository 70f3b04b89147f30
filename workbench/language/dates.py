"""Calendar dates in Indonesian and English news text: one parser for the claim list and matching.

Extraction normalises each mention to ISO form (:func:`find_dates`): year-less dates ("Jumat, 4
Maret", "28 Februari lalu", "March 4") take their year from the article's date, and a weekday
written next to a date is checked against the calendar (a mismatch becomes a note). Matching
compares the day, month, year and weekday as written (:func:`calendar_dates`). "minggu" is a
weekday (Sunday) only when capitalised and not counted ("dua minggu", "minggu lalu" are weeks).

Hand-written rather than dateparser: it returns None for "28 Februari lalu", "Jum'at", "pekan
lalu" and "awal Maret", its ``search_dates`` read "28 Februari lalu" as February 10, and its first
call costs over a second (see /work/shared/DEPENDENCY-NOTES.md).
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass

from workbench.domain import DateMention

_MONTHS: dict[str, int] = {
    "januari": 1, "februari": 2, "pebruari": 2, "maret": 3, "april": 4, "mei": 5, "juni": 6,
    "juli": 7, "agustus": 8, "september": 9, "oktober": 10, "november": 11, "desember": 12,
    "january": 1, "february": 2, "march": 3, "may": 5, "june": 6, "july": 7, "august": 8,
    "october": 10, "december": 12,
    "jan": 1, "feb": 2, "mar": 3, "apr": 4, "jun": 6, "jul": 7, "agu": 8, "agt": 8, "ags": 8,
    "aug": 8, "sep": 9, "sept": 9, "okt": 10, "oct": 10, "nov": 11, "des": 12, "dec": 12,
}  # fmt: skip
_WEEKDAYS: dict[str, int] = {
    "senin": 0, "selasa": 1, "rabu": 2, "kamis": 3, "jumat": 4, "sabtu": 5, "minggu": 6,
    "ahad": 6, "monday": 0, "tuesday": 1, "wednesday": 2, "thursday": 3, "friday": 4,
    "saturday": 5, "sunday": 6,
}  # fmt: skip
CALENDAR_WORDS = frozenset([*_MONTHS, *_WEEKDAYS, "jum'at", "jum’at"])
_WEEKDAY_NAMES = ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday")

_MON = "|".join(sorted(_MONTHS, key=len, reverse=True))
# "Jum'at" and "Jum’at" are common spellings of Friday.
_WD = (
    r"senin|selasa|rabu|kamis|jum(?:['’]?a|')t|sabtu|minggu|ahad|"
    r"monday|tuesday|wednesday|thursday|friday|saturday|sunday"
)
_WD_PREFIX = rf"(?:(?P<wd>\b(?:{_WD}))\b\s*,?\s*(?:\(\s*)?)?"
_PAST = r"(?P<past>\s+(?:lalu|silam|kemarin|yang\s+lalu))?"

_PATTERNS: tuple[re.Pattern[str], ...] = (
    # 4 Maret 2022 / Jumat, 4 Maret / 28 Februari lalu / 4 March 2022
    re.compile(
        rf"{_WD_PREFIX}\b(?P<day>\d{{1,2}})\s+(?P<mon>{_MON})\b\.?(?:\s*,?\s*(?P<year>(?:19|20)\d\d)\b)?{_PAST}",
        re.IGNORECASE,
    ),
    # March 4, 2022 / Friday, March 4 / Mar. 4
    re.compile(
        rf"{_WD_PREFIX}\b(?P<mon>{_MON})\.?\s+(?P<day>\d{{1,2}})(?:st|nd|rd|th)?\b"
        rf"(?:\s*,\s*(?P<year>(?:19|20)\d\d)\b)?",
        re.IGNORECASE,
    ),
    # Senin (28/2/2022) / (4/3)
    re.compile(
        rf"(?:(?P<wd>\b(?:{_WD}))\b\s*,?\s*)?\(\s*(?P<a>\d{{1,2}})/(?P<b>\d{{1,2}})(?:/(?P<year>\d{{2}}|\d{{4}}))?\s*\)",
        re.IGNORECASE,
    ),
    # 2022-03-04
    re.compile(r"\b(?P<iso>(?P<year>\d{4})-(?P<b>\d{2})-(?P<a>\d{2}))\b"),
    # 4/3/2022 (day first in Indonesian, month first in English)
    re.compile(r"(?<![\d/])(?P<a>\d{1,2})/(?P<b>\d{1,2})/(?P<year>\d{4})\b"),
    # a weekday alone: "pada Jumat", "on Friday", "Jumat lalu"
    re.compile(
        rf"(?:\b(?P<rel>last|next|this)\s+)?\b(?P<wd>{_WD})\b(?P<relafter>\s+(?:lalu|depan|ini))?",
        re.IGNORECASE,
    ),
)


# A year as news writes it: 19xx or 20xx standing alone, or an older one (1000-1899) after a word
# of time ("in 1871", "since 1887", "sejak 1850", "tahun 1811"). "from 1500 to 1700 members" and
# "by 1200" stay amounts. One rule for the numbers module (a year is no quantity) and the times below.
_MODERN_YEAR = r"(?:19|20)\d\d"
_OLD_YEAR_WORDS = r"in|since|until|till|circa|sejak|tahun"
_OLD_YEAR = re.compile(rf"\b(?:{_OLD_YEAR_WORDS})\s+(?:(?:early|late|mid-?)\s*)?$", re.IGNORECASE)
_MONTH_NAMES = "|".join(
    sorted((m.capitalize() for m in _MONTHS if len(m) > 3 or m in ("mei", "may")), key=len, reverse=True)
)


def is_year(text: str, start: int, end: int) -> bool:
    """Whether the digits ``text[start:end]`` are a year: any 19xx/20xx, or 1000-1899 right
    after "in", "since", "until", "circa", "sejak" or "tahun" (an "early"/"late" between allowed)."""
    digits = text[start:end]
    if re.fullmatch(_MODERN_YEAR, digits):
        return True
    return (
        re.fullmatch(r"1[0-8]\d\d", digits) is not None
        and _OLD_YEAR.search(text, max(0, start - 24), start) is not None
    )


# Times that are not a calendar day still make a claim's checkable content a date: "akhir Juni",
# "next spring", and in English a month or year after a preposition of time ("in 1968", "since
# 2021", "in March 2022", "from September", a decade "in the 1950s"; a month only capitalised, so
# "in may" is no time).
_VAGUE_TIME = re.compile(
    rf"\b(?:(?:akhir|awal|pertengahan|(?:the\s+)?end\s+of|early|late|mid-?|(?:the\s+)?(?:beginning|middle)\s+of)"
    rf"\s+(?:{_MON}|(?:19|20)\d\d)\b|(?:next|last|this)\s+(?:spring|summer|autumn|fall|winter|year|month|week|weekend)\b|"
    r"(?:tahun|bulan)\s+(?:depan|lalu)\b|musim\s+\w+\s+(?:depan|lalu)\b|"
    rf"(?:in|since|until|till|by|before|after|from|during)\s+(?:(?:early|late|mid-?)\s*)?"
    rf"(?:(?-i:{_MONTH_NAMES})(?:\s+{_MODERN_YEAR})?|{_MODERN_YEAR})(?![\w,.]\d|\w)|"
    rf"(?:{_OLD_YEAR_WORDS})\s+(?:(?:early|late|mid-?)\s*)?1[0-8]\d\d(?![\w,.]\d|\w)|"
    # a decade: "in the 1950s", "since the early 1990s"
    r"(?:in|since|until|till|by|before|after|from|during)\s+the\s+(?:(?:early|late|mid-?)\s*)?(?:19|20)\d0s\b)",
    re.IGNORECASE,
)


def find_vague_times(text: str) -> list[tuple[int, int]]:
    """Spans of times that name no calendar day: "akhir Juni", "next spring", "tahun depan",
    "in 1968", "since 2021", "in March 2022" (a year as :func:`is_year` reads one), "in the 1950s"."""
    return [(m.start(), m.end()) for m in _VAGUE_TIME.finditer(text)]


@dataclass(frozen=True, slots=True)
class FoundDate:
    """A date mention with its span; ``mention`` is None when no year could be inferred.

    ``day``/``month``/``year`` are as written (``year`` None when not written; both None for a
    weekday alone), ``weekday`` the index (0 = Monday) of a weekday word written with it."""

    start: int
    end: int
    mention: DateMention | None
    note: str | None = None
    day: int | None = None
    month: int | None = None
    year: int | None = None
    weekday: int | None = None


@dataclass(frozen=True, slots=True)
class CalendarDate:
    """A date as matching compares it: month and day (year when written), or only a weekday
    (0 = Monday)."""

    text: str
    month: int | None = None
    day: int | None = None
    year: int | None = None
    weekday: int | None = None


def _weekday_index(word: str) -> int:
    key = re.sub(r"['’]", "", word.lower())
    return _WEEKDAYS[key]


def _with_year(
    day: int, month: int, year: int | None, past: bool, article_date: dt.date | None, text_year: int | None
) -> dt.date | None:
    """Resolve a possibly year-less day/month; "lalu" (ago) forbids a date after the article."""
    if year is not None:
        if year < 100:
            year += 2000
        try:
            return dt.date(year, month, day)
        except ValueError:
            return None
    reference = article_date
    if reference is None:
        if text_year is None:
            return None
        reference = dt.date(text_year, 12, 31)
    try:
        candidate = dt.date(reference.year, month, day)
        if past and candidate > reference:
            candidate = dt.date(reference.year - 1, month, day)
        elif (candidate - reference).days > 183:
            # A news report rarely announces a date half a year ahead: last year's, then.
            candidate = dt.date(reference.year - 1, month, day)
    except ValueError:
        return None
    return candidate


def _next_year(date: dt.date) -> dt.date | None:
    try:
        return date.replace(year=date.year + 1)
    except ValueError:  # February 29
        return None


def _weekday_note(word: str | None, date: dt.date | None) -> str | None:
    if word is None or date is None:
        return None
    if _weekday_index(word) == date.weekday():
        return None
    return f"weekday mismatch: '{word}' but {date.isoformat()} is a {_WEEKDAY_NAMES[date.weekday()]}"


_COUNTED = re.compile(
    r"(?:\d|\b(?:se|satu|dua|tiga|empat|lima|beberapa|per|tiap|setiap|akhir|awal))\s*$", re.IGNORECASE
)


_RELATIVE_AFTER = re.compile(r"\s+(?:lalu|depan|ini)\b", re.IGNORECASE)


def _valid_weekday_word(text: str, start: int, end: int) -> bool:
    # "minggu lalu" is "last week"; only the capitalised "Minggu" is Sunday, and not when counted
    # ("2 Minggu", "akhir Minggu").
    word = text[start:end]
    if word.lower() != "minggu":
        return True
    if not word[0].isupper() or _COUNTED.search(text, max(0, start - 12), start) is not None:
        return False
    # "Minggu lalu, ..." opening a sentence is "last week"; "pada Minggu lalu" is last Sunday
    opening = not text[:start].strip() or text[:start].rstrip()[-1] in '.!?\n"“'
    return not (opening and _RELATIVE_AFTER.match(text, end))


def weekday_at(text: str, start: int, end: int) -> int | None:
    """The weekday (0 = Monday) that ``text[start:end]`` names, if it is a weekday word there:
    "Minggu" in "pada Minggu, 5 Maret" is Sunday (6), "minggu" in "minggu lalu" is None."""
    key = re.sub(r"['’]", "", text[start:end].lower())
    if key not in _WEEKDAYS or not _valid_weekday_word(text, start, end):
        return None
    return _WEEKDAYS[key]


def find_dates(text: str, lang: str, article_date: dt.date | None = None) -> list[FoundDate]:
    """Every date mention in ``text`` with its span, in order; overlapping forms keep the longest."""
    return _found(text, lang, article_date, _first_explicit_year(text))


def calendar_dates(text: str, lang: str) -> list[CalendarDate]:
    """The dates of ``text`` as written, for comparing a claim with a passage: a day-and-month
    date (with its year when written), and, separately, every weekday word ("Friday, March 4"
    gives both). No year is inferred: a passage has no article date."""
    dates: list[CalendarDate] = []
    for found in _found(text, lang, None, None):
        if found.month is not None:
            dates.append(CalendarDate(text[found.start : found.end], found.month, found.day, found.year))
        if found.weekday is not None:
            dates.append(CalendarDate(_WEEKDAY_NAMES[found.weekday], weekday=found.weekday))
    return dates


def _found(text: str, lang: str, article_date: dt.date | None, text_year: int | None) -> list[FoundDate]:
    candidates: list[FoundDate] = []
    for index, pattern in enumerate(_PATTERNS):
        for match in pattern.finditer(text):
            found = _interpret(text, match, index, lang, article_date, text_year)
            if found is not None:
                candidates.append(found)
    candidates.sort(key=lambda f: (f.start, -(f.end - f.start)))
    chosen: list[FoundDate] = []
    for found in candidates:
        if chosen and found.start < chosen[-1].end:
            continue
        chosen.append(found)
    return chosen


def _first_explicit_year(text: str) -> int | None:
    """The year of the first fully written date: a fallback reference when no article date is given."""
    best: tuple[int, int] | None = None
    for pattern in _PATTERNS[:-1]:
        for match in pattern.finditer(text):
            if match.group("year") and len(match.group("year")) == 4:
                if best is None or match.start() < best[0]:
                    best = (match.start(), int(match.group("year")))
                break
    return best[1] if best is not None else None


def _interpret(
    text: str,
    match: re.Match[str],
    index: int,
    lang: str,
    article_date: dt.date | None,
    text_year: int | None,
) -> FoundDate | None:
    groups = match.groupdict()
    weekday = groups.get("wd")
    if weekday is not None and not _valid_weekday_word(text, match.start("wd"), match.end("wd")):
        if index == len(_PATTERNS) - 1:
            return None
        weekday = None
    weekday_index = _weekday_index(weekday) if weekday is not None else None
    if index == len(_PATTERNS) - 1:
        return _weekday_alone(text, match, article_date, lang)
    if "mon" in groups and groups["mon"] is not None:
        month = _MONTHS[groups["mon"].lower()]
        day = int(groups["day"])
        if groups["mon"].lower() == "may" and groups["mon"] == "may":
            return None  # the verb "may", not the month
    else:
        first, second = int(groups["a"]), int(groups["b"])
        # month first in English ("3/4/2022" is March 4), unless the first cannot be a month
        day, month = (second, first) if lang == "en" and index == 4 and first <= 12 else (first, second)
    year = int(groups["year"]) if groups.get("year") else None
    if year is not None and year < 100:
        year += 2000
    past = bool(groups.get("past"))
    if not (1 <= month <= 12 and 1 <= day <= 31):
        return None
    date = _with_year(day, month, year, past, article_date, text_year)
    if (
        date is not None
        and year is None
        and lang == "en"
        and article_date is not None
        and date < article_date
        and _future_before(text, match.start(), plain=True)
    ):
        # "will report Christmas trading on January 14" (written on November 4): a day and month
        # after a future verb that has passed this year is next year's
        date = _next_year(date)
    start = match.start()
    end = match.end()
    full_month = bool(groups.get("mon")) and (len(groups["mon"]) > 4 or groups["mon"].lower() == "mei")
    if full_month and text[end - 1] == "." and match.end("mon") == end - 1:
        end -= 1  # a sentence's full stop, not an abbreviation's
    if text[start] == "(" and weekday is None:
        start, end = start + 1, end - 1  # keep "(4/3)" readable as "4/3"
    parts = {"day": day, "month": month, "year": year, "weekday": weekday_index}
    if date is None:
        note = "date without a known year" if year is None else "impossible date"
        return FoundDate(start, end, None, note, **parts)
    mention = DateMention(text[start:end], date.isoformat())
    return FoundDate(start, end, mention, _weekday_note(weekday, date), **parts)


# "a normal Saturday", "every Friday": a weekday that stands for any such day names no date.
_ANY_WEEKDAY = re.compile(r"\b(?:a|an|every|each|any)\s+(?:[a-z]+\s+)?$", re.IGNORECASE)
# "will strike from Friday", "said they would stop ... from Friday", "are due to resume on Tuesday",
# "are due on February 16":
# a future verb earlier in the clause makes a bare weekday the next one, as "next Friday" does.
_FUTURE = re.compile(
    r"\b(?:will|would|shall|(?:is|are|was|were)\s+(?:due|set|expected|scheduled|going)\s+to|(?:is|are)\s+due)\b"
    # "has offered to meet the council's researchers on Friday", "asks them to meet on Friday":
    # an offer, a promise, a plan or a request that stands looks ahead. In the past tense it is
    # news of a past day as often ("agreed to pay the fine on Tuesday", "was asked to resign on
    # Monday"): those are left to the rules for a past weekday, unless the day is the deadline
    # the request set ("asked to meet him before Friday"; the search ends at the weekday).
    r"|\b(?:(?:has|have)\s+(?:[a-z]+\s+)?(?:offered|agreed|promised|planned|intended|asked|invited)"
    r"|(?:offer|agree|promise|plan|intend|ask|invite)s?)\s+(?:[\w'’-]+\s+){0,3}?to\s+(?!be\b)[a-z]+\b"
    r"|\b(?:offer|agree|promise|plann?|intend|ask|invite)e?d\s+(?:[\w'’-]+\s+){0,3}?to\s+(?!be\b)[a-z]+\b"
    r"[^.;]*?\b(?:before|by)\s+$"
    r"|\w['’]ll\b",
    re.IGNORECASE,
)
# A clause boundary or a past reporting verb between the future verb and the weekday ends its reach
# ("The union, which will vote, said on Monday ...").
_FUTURE_ENDS = re.compile(
    r"[.;:!?\n\"“”]|\b(?:said|told|announced|added|confirmed|was|were|had|did|began|started)\b", re.IGNORECASE
)


def _future_before(text: str, start: int, plain: bool = False) -> bool:
    """Whether a future verb stands before ``start`` in the same clause (at most 100 characters
    back), with no past reporting verb or sentence end between them. ``plain``: "would" (a future
    seen from the past) does not count."""
    window_start = max(0, start - 100)
    futures = list(_FUTURE.finditer(text, window_start, start))
    if not futures or (plain and futures[-1].group(0).lower() == "would"):
        return False
    return _FUTURE_ENDS.search(text, futures[-1].end(), start) is None


def _weekday_alone(
    text: str, match: re.Match[str], article_date: dt.date | None, lang: str = "id"
) -> FoundDate | None:
    """A bare weekday: the nearest such day on or before the article date; "next", and in English
    a future verb before it in its clause ("will strike from Friday"), look ahead. In English "a
    normal Saturday" or "every Friday" names no date."""
    if lang == "en" and _ANY_WEEKDAY.search(text, max(0, match.start() - 24), match.start()):
        return None
    target = _weekday_index(match.group("wd"))
    if article_date is None:
        return FoundDate(match.start(), match.end(), None, "weekday without an article date", weekday=target)
    relation = (match.group("rel") or match.group("relafter") or "").strip().lower()
    if not relation and lang == "en" and _future_before(text, match.start()):
        relation = "next"
    if relation in ("next", "depan"):
        delta = (target - article_date.weekday()) % 7 or 7
        date = article_date + dt.timedelta(days=delta)
    else:
        date = article_date - dt.timedelta(days=(article_date.weekday() - target) % 7)
    note = "weekday resolved against the article date"
    mention = DateMention(match.group(0), date.isoformat())
    return FoundDate(match.start(), match.end(), mention, note, weekday=target)
