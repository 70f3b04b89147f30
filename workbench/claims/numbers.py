"""Quantities in Indonesian and English news text, normalised to a value and a qualifier.

Every mention keeps its exact span in the text as given; matching runs case-insensitively on
the original string, never on a lowercased copy, so offsets stay code-point exact.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass

from workbench.claims.spans import TakenSpans
from workbench.domain import NumberMention


@dataclass(frozen=True, slots=True)
class FoundNumber:
    """A number mention with its span (``start``/``end`` index the whole text)."""

    start: int
    end: int
    mention: NumberMention


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
    "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8,
    "nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "thirteen": 13, "fourteen": 14,
    "fifteen": 15, "sixteen": 16, "seventeen": 17, "eighteen": 18, "nineteen": 19, "twenty": 20,
    "thirty": 30, "forty": 40, "fifty": 50, "sixty": 60, "seventy": 70, "eighty": 80,
    "ninety": 90, "dozen": 12, "half": 0.5, "setengah": 0.5, "separuh": 0.5, "sepertiga": 1 / 3,
    "seperempat": 0.25,
}  # fmt: skip
_MULTIPLIERS = ("belas", "puluh", "ratus", "hundred")

# "puluhan orang" (tens of people) is still a checkable order of magnitude.
_VAGUE: dict[str, float] = {
    "puluhan": 10, "ratusan": 100, "ribuan": 1e3, "jutaan": 1e6, "miliaran": 1e9,
    "dozens": 12, "hundreds": 100, "thousands": 1e3, "millions": 1e6, "billions": 1e9,
}  # fmt: skip

_QUALIFIERS: tuple[tuple[str, str], ...] = (
    ("more-than", r"lebih\s+dari|lebih\s+daripada|di\s+atas|melebihi|setidaknya|sedikitnya|"
     r"paling\s+sedikit|minimal|more\s+than|over|at\s+least|upwards\s+of|in\s+excess\s+of"),
    ("less-than", r"kurang\s+dari|di\s+bawah|maksimal|paling\s+banyak|hingga|sampai|hampir|"
     r"less\s+than|fewer\s+than|under|up\s+to|at\s+most|no\s+more\s+than|nearly|almost"),
    ("about", r"sekitar|kira-kira|kurang\s+lebih|sekira|lebih\s+kurang|about|around|roughly|"
     r"approximately|an\s+estimated|some"),
)  # fmt: skip
_QUALIFIER_RE = re.compile(
    r"(?:" + "|".join(f"(?P<q{i}>\\b(?:{p}))" for i, (_, p) in enumerate(_QUALIFIERS)) + r")\s+$",
    re.IGNORECASE,
)

_CURRENCY = r"(?:Rp\.?\s?|US\$\s?|USD\s?|\$|€|£|EUR\s?|IDR\s?)"
_UNIT_AFTER = r"(?:\s?(?:persen|percent|per\s+cent|%))"
_SCALE_RE = "|".join(sorted(SCALES, key=len, reverse=True))
_DIGITS_RE = re.compile(
    rf"(?<![\w$€£.,/-])(?P<cur>{_CURRENCY})?(?P<num>\d+(?:[.,]\d+)*)"
    rf"(?:\s?(?P<scale>{_SCALE_RE})\b)?(?P<unit>{_UNIT_AFTER})?(?![\w/]|[.,]\d)",
    re.IGNORECASE,
)
_WORD_ALTS = "|".join(sorted([*_UNITS, *_MULTIPLIERS], key=len, reverse=True))
_WORDS_RE = re.compile(
    rf"\b(?P<cur>{_CURRENCY})?(?P<words>(?:{_WORD_ALTS})(?:[\s-]+(?:{_WORD_ALTS}))*)\b"
    rf"(?:\s(?P<scale>{_SCALE_RE})\b)?(?P<unit>{_UNIT_AFTER})?",
    re.IGNORECASE,
)
_VAGUE_RE = re.compile(r"\b(?:" + "|".join(_VAGUE) + r")\b", re.IGNORECASE)
_YEAR_CONTEXT = re.compile(
    r"(?:tahun|in|since|sejak|pada|until|hingga|by|of|akhir|awal|pertengahan|early|late|mid|"
    r"during|selama|from|dari|to|sampai|sepanjang|throughout|per|hingga\s+akhir)\s+$",
    re.IGNORECASE,
)
_TIME_AFTER = re.compile(r"\s?(?:WIB|WITA|WIT|GMT|UTC|a\.m\.|p\.m\.|am\b|pm\b)", re.IGNORECASE)


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


def _qualifier(text: str, start: int) -> tuple[str, int]:
    """The qualifier written just before ``start`` and where its words begin."""
    window_start = max(0, start - 30)
    match = _QUALIFIER_RE.search(text, window_start, start)
    if match is None:
        return "exact", start
    for i, (name, _) in enumerate(_QUALIFIERS):
        if match.group(f"q{i}") is not None:
            return name, match.start()
    return "exact", start  # pragma: no cover - one group always matches


def find_numbers(
    text: str, lang: str, masked: Sequence[tuple[int, int]] = (), start: int = 0, end: int | None = None
) -> list[FoundNumber]:
    """Every quantity in ``text[start:end]``, in order, skipping spans in ``masked`` (dates).

    Years after "in"/"tahun"/"since", clock times and digits glued to letters ("G20",
    "Covid-19") are not quantities. "satu"/"one" alone are not counted: they are far more
    often an article ("salah satu", "one of") than a checkable figure.
    """
    stop = len(text) if end is None else end
    found: list[FoundNumber] = []
    taken = TakenSpans(masked)
    for match in _DIGITS_RE.finditer(text, start, stop):
        num_start = match.start("num")
        if taken.overlaps(match.start(), match.end()):
            continue
        raw = match.group("num")
        if len(raw) > 1 and raw[0] == "0" and raw[1].isdigit():
            continue  # "RT 05", "No. 007": zero-padded codes, not quantities
        if _TIME_AFTER.match(text, match.end("num")) and re.fullmatch(r"\d{1,2}[.:]\d{2}", raw):
            continue
        is_year = re.fullmatch(r"(?:19|20)\d\d", raw) is not None
        bare = not (match.group("scale") or match.group("unit") or match.group("cur"))
        if is_year and bare and _YEAR_CONTEXT.search(text, max(0, num_start - 15), num_start):
            continue
        value = parse_digits(raw, lang)
        found.append(_build(text, match, value))
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
        if words.lower() == "half" and not _QUALIFIER_RE.search(
            text, max(0, match.start() - 30), match.start()
        ):
            continue  # "half" counts only as "almost half", "more than half"
        found.append(_build(text, match, float(maybe)))
        taken.add(match.start(), match.end())
    for match in _VAGUE_RE.finditer(text, start, stop):
        if taken.overlaps(match.start(), match.end()):
            continue
        value = _VAGUE[match.group(0).lower()]
        found.append(
            FoundNumber(match.start(), match.end(), NumberMention(match.group(0), value, "more-than"))
        )
    found.sort(key=lambda f: f.start)
    return found


def _build(text: str, match: re.Match[str], value: float) -> FoundNumber:
    scale = match.group("scale")
    if scale:
        value *= SCALES[scale.lower()]
    qualifier, span_start = _qualifier(text, match.start())
    span_end = match.end()
    return FoundNumber(span_start, span_end, NumberMention(text[span_start:span_end], value, qualifier))
