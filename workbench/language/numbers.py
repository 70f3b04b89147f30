"""Quantities in Indonesian and English news text: one parser for the claim list and the match notes.

A mention is normalised to a value and a qualifier (``NumberMention``: exact, more-than, less-than or
about), with its exact span, its unit (a count, a percentage, a fraction, a duration) and two flags:
``near`` ("hampir 20", "nearly 20": close to the value and below it) and ``vague`` ("puluhan",
"dozens": an order of magnitude). Extraction stores the mention; matching compares mentions with
:func:`comparable`. Every pattern runs case-insensitively on the original string, never on a
lowercased copy, so offsets stay code-point exact.

Hand-written, not a library: the convention for "1.500" (fifteen hundred in Indonesian, one and a
half in English) follows the text's language, and Indonesian number words ("dua puluh lima",
"puluhan", "separuh", "satu dari lima"), qualifiers ("lebih dari", "hampir") and scales ("2,5 juta",
"Rp 1,5 miliar") are not read by the number parsers we tried (dateparser's and babel's are for
dates and formatting; word2number is English only).
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass

from workbench.domain import NumberMention
from workbench.language.dates import is_year
from workbench.language.spans import TakenSpans


@dataclass(frozen=True, slots=True)
class FoundNumber:
    """A number mention with its span (``start``/``end`` index the whole text).

    ``unit`` is "count", "percent", "fraction" (``value`` a share: "separuh" 0.5) or "duration"
    (``hours`` per unit: "dua hari" is 2 x 24). ``near``: the qualifier said "nearly" ("hampir");
    ``vague``: an order of magnitude ("puluhan"); ``approximate``: a fraction or vague amount
    stands for a rounded value."""

    start: int
    end: int
    mention: NumberMention
    unit: str = "count"
    hours: float | None = None
    near: bool = False
    vague: bool = False

    @property
    def approximate(self) -> bool:
        return self.unit == "fraction" or self.vague


SCALES: dict[str, float] = {
    "ribu": 1e3,
    "rb": 1e3,
    "juta": 1e6,
    "jt": 1e6,
    "miliar": 1e9,
    "milyar": 1e9,
    "triliun": 1e12,
    "thousand": 1e3,
    "million": 1e6,
    "mn": 1e6,
    "billion": 1e9,
    "bn": 1e9,
    "trillion": 1e12,
}

_UNITS: dict[str, float] = {
    "satu": 1, "dua": 2, "tiga": 3, "empat": 4, "lima": 5, "enam": 6, "tujuh": 7,
    "delapan": 8, "sembilan": 9, "sepuluh": 10, "sebelas": 11, "seratus": 100, "seribu": 1000,
    "selusin": 12,
    "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8,
    "nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "thirteen": 13, "fourteen": 14,
    "fifteen": 15, "sixteen": 16, "seventeen": 17, "eighteen": 18, "nineteen": 19, "twenty": 20,
    "thirty": 30, "forty": 40, "fifty": 50, "sixty": 60, "seventy": 70, "eighty": 80,
    "ninety": 90, "dozen": 12,
}  # fmt: skip
_MULTIPLIERS = ("belas", "puluh", "ratus", "hundred")

# "puluhan orang" (tens of people) is still a checkable order of magnitude.
_VAGUE: dict[str, float] = {
    "puluhan": 10, "ratusan": 100, "ribuan": 1e3, "jutaan": 1e6, "miliaran": 1e9,
    "dozens": 12, "hundreds": 100, "thousands": 1e3, "millions": 1e6, "billions": 1e9,
}  # fmt: skip

# Shares written in words, as a fraction of one.
_FRACTIONS: dict[str, float] = {
    "half": 0.5, "a half": 0.5, "separuh": 0.5, "setengah": 0.5, "a quarter": 0.25,
    "one quarter": 0.25, "seperempat": 0.25, "a third": 1 / 3, "one third": 1 / 3,
    "sepertiga": 1 / 3, "two thirds": 2 / 3, "dua pertiga": 2 / 3, "three quarters": 0.75,
    "tiga perempat": 0.75, "a fifth": 0.2, "one fifth": 0.2, "a tenth": 0.1, "one tenth": 0.1,
}  # fmt: skip
# "a third quarter in a row", "a fifth consecutive year": an ordinal before these is no share.
_ORDINAL_NOUNS = frozenset(
    """quarter quarters place time times season seasons round term year month week day
    successive consecutive straight row game match attempt""".split()  # noqa: SIM905
)
_DENOMINATORS: dict[str, float] = {
    "two": 2, "three": 3, "four": 4, "five": 5, "ten": 10, "dua": 2, "tiga": 3, "empat": 4,
    "lima": 5, "sepuluh": 10,
}  # fmt: skip

# Durations compare in hours: "dua hari" and "48 hours" agree. "minggu" after a number is a week.
DURATION_HOURS: dict[str, float] = {
    "minute": 1 / 60, "minutes": 1 / 60, "menit": 1 / 60, "hour": 1, "hours": 1, "jam": 1,
    "day": 24, "days": 24, "hari": 24, "week": 168, "weeks": 168, "pekan": 168, "minggu": 168,
    "month": 730, "months": 730, "bulan": 730, "year": 8766, "years": 8766, "tahun": 8766,
}  # fmt: skip

# Each qualifier: its name and its words. "hampir"/"nearly"/"almost" say "close to, and below":
# less-than, with ``near`` set, so matching reads "hampir 20" against "19" as agreeing.
_QUALIFIERS: tuple[tuple[str, str], ...] = (
    ("more-than", r"lebih\s+dari|lebih\s+daripada|di\s+atas|melebihi|setidaknya|sedikitnya|"
     r"paling\s+sedikit|minimal|more\s+than|over|above|exceeding|at\s+least|upwards\s+of|in\s+excess\s+of|"
     r"longer\s+than|greater\s+than|higher\s+than"),
    ("near", r"hampir|mendekati|nearly|almost|close\s+to"),
    ("less-than", r"kurang\s+dari|di\s+bawah|maksimal|paling\s+banyak|hingga|sampai|"
     r"less\s+than|fewer\s+than|under|below|up\s+to|at\s+most|no\s+more\s+than"),
    ("about", r"sekitar|kira-kira|kurang\s+lebih|sekira|lebih\s+kurang|about|around|roughly|"
     r"approximately|an\s+estimated|estimated\s+at|something\s+like|some"),
)  # fmt: skip
_CHANGE_UP = re.compile(
    r"\b(?:edge|edges|edged|edging|inch|inches|inched|inching|tick|ticks|ticked|ticking|creep|creeps|crept|"
    r"creeping|rise|rises|rose|risen|rising|climb|climbs|climbed|climbing|move|moves|moved|moving|"
    r"go|goes|went|gone|going|jump|jumps|jumped|jumping)\s+$",
    re.IGNORECASE,
)
_QUALIFIER_RE = re.compile(
    r"(?:" + "|".join(f"(?P<q{i}>\\b(?:{p}))" for i, (_, p) in enumerate(_QUALIFIERS)) + r")\s+$",
    re.IGNORECASE,
)

_CURRENCY = r"(?:Rp\.?\s?|US\$\s?|USD\s?|\$|€|£|EUR\s?|IDR\s?)"
_UNIT_AFTER = r"(?:\s?(?:persen|percent|per\s+cent|%))"
_SCALE_RE = "|".join(sorted(SCALES, key=len, reverse=True))
_DURATION_RE = r"(?:[\s-]?(?P<duration>" + "|".join(sorted(DURATION_HOURS, key=len, reverse=True)) + r")\b)"
_DIGITS_RE = re.compile(
    rf"(?<![\w$€£.,/-])(?P<cur>{_CURRENCY})?(?P<num>\d+(?:[.,]\d+)*)"
    rf"(?:\s?(?P<scale>{_SCALE_RE})\b)?(?P<unit>{_UNIT_AFTER})?{_DURATION_RE}?(?![\w/]|[.,]\d)",
    re.IGNORECASE,
)
_WORD_ALTS = "|".join(sorted([*_UNITS, *_MULTIPLIERS], key=len, reverse=True))
_WORDS_RE = re.compile(
    rf"\b(?P<cur>{_CURRENCY})?(?P<words>(?:{_WORD_ALTS})(?:[\s-]+(?:{_WORD_ALTS}))*)\b"
    rf"(?:\s(?P<scale>{_SCALE_RE})\b)?(?P<unit>{_UNIT_AFTER})?{_DURATION_RE}?",
    re.IGNORECASE,
)
_VAGUE_RE = re.compile(r"\b(?:" + "|".join(_VAGUE) + r")\b", re.IGNORECASE)
_FRACTION_RE = re.compile(
    r"\b(?:(?P<named>" + "|".join(sorted(_FRACTIONS, key=len, reverse=True)) + r")"
    r"|(?:one|1|satu)\s+(?:in|out\s+of|dari)\s+(?P<denominator>\d+|" + "|".join(_DENOMINATORS) + r"))\b(?!-)",
    re.IGNORECASE,
)
_TIME_AFTER = re.compile(r"\s?(?:WIB|WITA|WIT|GMT|UTC|a\.m\.|p\.m\.|am\b|pm\b)", re.IGNORECASE)
# "3 a.m.", "11pm": an hour without minutes is a time of day too when a.m. or p.m. follows.
_HOUR_AFTER = re.compile(r"\s?(?:a\.m\.|p\.m\.|am\b|pm\b)", re.IGNORECASE)
# "over three years" is the period something happens in, not more than three years; after "for",
# "after", "lasted" or "took" it is the more-than ("for over three years").
_OVER_MORE_THAN = re.compile(
    r"\b(?:for|after|in|lasted|lasting|took|taking|waited|spent|nearly|almost)\s+$", re.IGNORECASE
)


def parse_digits(raw: str, lang: str) -> float:
    """Value of a digit string such as ``"1.500"``, ``"1,5"`` or ``"1,500.25"``.

    Indonesian writes ``.`` for thousands and ``,`` for decimals, English the reverse. A
    single separator followed by exactly three digits is read as a thousands separator
    in the convention of ``lang``; any other lone separator is a decimal point.
    """
    if "." in raw and "," in raw:
        decimal = "." if raw.rfind(".") > raw.rfind(",") else ","
        thousands = "," if decimal == "." else "."
        return float(raw.replace(thousands, "").replace(decimal, "."))
    for sep in (".", ","):
        if sep not in raw:
            continue
        parts = raw.split(sep)
        if len(parts) > 2:
            return float(raw.replace(sep, ""))
        thousands_sep = "." if lang == "id" else ","
        if sep == thousands_sep and len(parts[1]) == 3:
            return float(raw.replace(sep, ""))
        return float(raw.replace(sep, "."))
    return float(raw)


def parse_number_words(words: str) -> float | None:
    """Value of a run of number words ("dua puluh lima", "twenty-five", "tiga ratus")."""
    # Multipliers scale the unit word just before them: "dua puluh" = 2 + 2 * 9.
    total = 0.0
    last = 0.0
    seen = False
    for token in re.split(r"[\s-]+", words.lower()):
        if token in _UNITS:
            total += _UNITS[token]
            last = _UNITS[token]
            seen = True
        elif token == "belas":  # noqa: S105 - a number word, not a password
            total += 10
        elif token == "puluh":  # noqa: S105
            total += last * 9
        elif token in ("ratus", "hundred"):
            total += last * 99
        else:
            return None
    return total if seen else None


def _qualifier(text: str, start: int) -> tuple[str, bool, int]:
    """The qualifier written just before ``start``, whether it says "nearly", and where its words
    begin."""
    window_start = max(0, start - 30)
    match = _QUALIFIER_RE.search(text, window_start, start)
    if match is None:
        return "exact", False, start
    # "to edge up to 6.3 percent", "rose up to 5 percent": "up" is the verb's, the figure is
    # where it gets to, not a ceiling ("could cost up to £5 million" stays at-most)
    if re.match(r"up\s+to\b", match.group(0), re.IGNORECASE) and _CHANGE_UP.search(
        text, max(0, match.start() - 16), match.start()
    ):
        return "exact", False, start
    for i, (name, _) in enumerate(_QUALIFIERS):
        if match.group(f"q{i}") is not None:
            if name == "near":
                return "less-than", True, match.start()
            return name, False, match.start()
    return "exact", False, start  # pragma: no cover - one group always matches


def find_numbers(
    text: str, lang: str, masked: Sequence[tuple[int, int]] = (), start: int = 0, end: int | None = None
) -> list[FoundNumber]:
    """Every quantity in ``text[start:end]``, in order, skipping spans in ``masked`` (dates).

    Years (a bare 19xx/20xx, or an older year after "in"/"since"..., as ``dates.is_year`` reads
    one, with no qualifier, scale, unit or currency), clock times and digits
    glued to letters ("G20", "Covid-19") are not quantities. "satu"/"one" alone are not counted:
    they are far more often an article ("salah satu", "one of") than a checkable figure; nor is a
    bare "half" ("the second half"), only "almost half", "half of", "by half".
    """
    stop = len(text) if end is None else end
    found: list[FoundNumber] = []
    taken = TakenSpans(masked)
    for match in _FRACTION_RE.finditer(text, start, stop):
        if taken.overlaps(match.start(), match.end()):
            continue
        named = match.group("named")
        if named is not None and named.lower() == "half" and not _counted_half(text, match):
            continue
        following = re.match(r"\s+([a-z]+)", text[match.end() : match.end() + 16])
        if named is not None and following is not None and following.group(1) in _ORDINAL_NOUNS:
            continue
        if named is not None:
            value = _FRACTIONS[named.lower()]
        else:
            denominator = match.group("denominator").lower()
            value = 1 / (_DENOMINATORS.get(denominator) or float(denominator) or 1)
        found.append(_build(text, match, value, unit="fraction"))
        taken.add(match.start(), match.end())
    for match in _DIGITS_RE.finditer(text, start, stop):
        if taken.overlaps(match.start(), match.end()):
            continue
        raw = match.group("num")
        if len(raw) > 1 and raw[0] == "0" and raw[1].isdigit():
            continue  # "RT 05", "No. 007": zero-padded codes, not quantities
        if _TIME_AFTER.match(text, match.end("num")) and re.fullmatch(r"\d{1,2}[.:]\d{2}", raw):
            continue
        if _HOUR_AFTER.match(text, match.end("num")) and re.fullmatch(r"\d{1,2}", raw) and int(raw) <= 12:
            continue
        bare = not (match.group("scale") or match.group("unit") or match.group("cur"))
        if bare and is_year(text, *match.span("num")) and _qualifier(text, match.start())[0] == "exact":
            continue
        found.append(_build(text, match, parse_digits(raw, lang)))
        taken.add(match.start(), match.end())
    for match in _WORDS_RE.finditer(text, start, stop):
        if taken.overlaps(match.start(), match.end()):
            continue
        words = match.group("words")
        maybe = parse_number_words(words)
        if maybe is None:
            continue
        if words.lower() in ("satu", "one") and not match.group("scale"):
            continue
        if words[0].isupper() and words.lower() == "lima" and not match.group("unit"):
            continue  # the city of Lima, not five
        found.append(_build(text, match, float(maybe)))
        taken.add(match.start(), match.end())
    for match in _VAGUE_RE.finditer(text, start, stop):
        if taken.overlaps(match.start(), match.end()):
            continue
        value = _VAGUE[match.group(0).lower()]
        mention = NumberMention(match.group(0), value, "more-than")
        found.append(FoundNumber(match.start(), match.end(), mention, vague=True))
    found.sort(key=lambda f: f.start)
    return found


# "half the shops", "half its staff": "half" before a determiner is a share of what follows.
_HALF_OF_WHAT = re.compile(r"\s+(?:of|the|its|their|his|her|our|your|all|these|those)\b", re.IGNORECASE)
# "the second half the team", "one and a half": no share of what follows.
_HALF_OF_TIME = re.compile(r"\b(?:first|second|other|and|and\s+a)\s+$", re.IGNORECASE)


def _counted_half(text: str, match: re.Match[str]) -> bool:
    before = text[max(0, match.start() - 12) : match.start()].lower()
    if before.endswith("by ") or _qualifier(text, match.start())[0] != "exact":
        return True
    return _HALF_OF_WHAT.match(text, match.end()) is not None and _HALF_OF_TIME.search(before) is None


def _build(text: str, match: re.Match[str], value: float, unit: str = "count") -> FoundNumber:
    groups = match.groupdict()
    scale = groups.get("scale")
    if scale:
        value *= SCALES[scale.lower()]
    hours = None
    if groups.get("unit"):
        unit = "percent"
    elif groups.get("duration"):
        unit, hours = "duration", DURATION_HOURS[groups["duration"].lower()]
    qualifier, near, span_start = _qualifier(text, match.start())
    if unit == "duration" and qualifier == "more-than" and _is_period(text, span_start, match.start()):
        qualifier, span_start = "exact", match.start()
    span_end = match.end()
    mention = NumberMention(text[span_start:span_end], value, qualifier)
    return FoundNumber(span_start, span_end, mention, unit, hours, near)


def _is_period(text: str, qualifier_start: int, start: int) -> bool:
    """Whether the qualifier before a duration is the "over" of a period ("spend £310 million over
    five years"), not a more-than ("for over three years", "lasted over a week")."""
    if not re.fullmatch(r"over\s+", text[qualifier_start:start], re.IGNORECASE):
        return False
    return _OVER_MORE_THAN.search(text, max(0, qualifier_start - 12), qualifier_start) is None


def comparable(found: FoundNumber) -> tuple[str, float]:
    """The unit and value two mentions are compared in: fractions as percentages ("a third" and
    "30 percent"), durations in hours ("dua hari" and "48 hours"), other units as they are."""
    value = found.mention.value
    if found.unit == "fraction":
        return "percent", value * 100
    if found.unit == "duration" and found.hours is not None:
        return "duration", value * found.hours
    return found.unit, value


def describe(found: FoundNumber) -> str:
    """How a mention reads in a note: "more than 20", "nearly 20", "about 2.5 million", "19%";
    fractions and durations as written ("a third", "dua hari")."""
    if found.unit in ("duration", "fraction") or found.vague:
        return found.mention.text  # the span starts at its qualifier's words
    if found.near:
        prefix = "nearly "
    else:
        prefix = {"more-than": "more than ", "less-than": "less than ", "about": "about "}.get(
            found.mention.qualifier, ""
        )
    value = _format_value(found.mention.value)
    return prefix + value + ("%" if found.unit == "percent" else "")


def _format_value(value: float) -> str:
    for scale, name in ((1e12, "trillion"), (1e9, "billion"), (1e6, "million")):
        if value >= scale:
            return f"{value / scale:g} {name}"
    return f"{value:,.0f}" if value.is_integer() else f"{value:g}"
