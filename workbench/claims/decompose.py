"""Split one sentence (or one quotation inside it) into atomic clauses.

Only splits that leave two checkable halves are made: coordinated clauses with their own
subject ("..., dan kami menghentikan ..."), a contrast ("..., but ..."), an "including" tail
that names something, a means clause ("dengan memberikan ...", "by providing ..."), a leading
clause that carries its own date, and enumerations introduced by a count ("empat bidang,
yaitu: A, B, C, dan D" gives the count and one clause per item).
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass

from workbench.claims.english_clauses import english_cuts
from workbench.claims.english_relatives import embedded_relatives
from workbench.claims.english_words import has_verb, is_finite, opens_clause
from workbench.claims.segment import trim
from workbench.language.numbers import find_numbers, parse_number_words

TRIM_CHARS = ",.;:!?…\"“”„«»'‘’()-–—"
_SUBJECTS_ID = r"kami|kita|mereka|ia|dia|saya|aku|pihaknya|perusahaan\s+(?:itu|tersebut|ini)"
_SUBJECTS_EN = r"we|they|he|she|it|i|the\s+(?:company|firm|agency|ministry|government|group)"
_SPLITS = (
    re.compile(rf",?\s+(?:dan|serta)\s+(?=(?:{_SUBJECTS_ID})\b)"),
    re.compile(rf",?\s+and\s+(?=(?:{_SUBJECTS_EN})\b)", re.IGNORECASE),
    re.compile(r",\s+(?:namun|tetapi|tapi|sedangkan|sementara|but|while|whereas)\s+"),
    re.compile(r"\s+dengan\s+(?=me(?!reka)[a-z]{4,})"),
    re.compile(r";\s+"),
)
# "by providing meals", not "by flooding in early 2024" (a noun before a preposition), nor "responded
# on Thursday by announcing that ...": a report is no means, the head before it only says who spoke
_MEANS_EN = re.compile(
    r",?\s+by\s+(?!(?:announc|say|tell|promis|pledg|confirm|warn|insist|argu|stat|declar|reveal|claim|unveil)"
    r"ing\b)(?=[a-z]+ing\b(?!\s+(?:in|on|at|of|from|during|since|after|before)\b))"
)
# "schools could help by closing the roads": after a modal the means is what is claimed.
_MODAL_BEFORE = re.compile(r"\b(?:could|would|might|should|can|may|must)\s+\w+\s*,?$")
# ", and every winter the bill ..." joins two clauses when neither side is a short list item.
_COMMA_AND = re.compile(r",\s+(?:and|dan|serta)\s+")
# "menelan biaya Rp 2,5 miliar dan dibiayai ...": an Indonesian verb prefix opens a new predicate.
_AND_VERB_ID = re.compile(r"\s+(?:dan|serta)\s+(?=(?:di|me|ber|ter)[a-z]{3,}\b)")
_NOT_VERBS = frozenset(
    """dinas direktur dia diri digital diskusi dinding dini media menteri mereka metode meter menit
    menara merek memori berita beras berbagai bersama beberapa terminal teras""".split()  # noqa: SIM905
)
# "The repairs cost $2.3 million and were paid for by ...", "It discovered the intrusion on April 2
# but did not tell customers until this week": an auxiliary opens a new predicate.
_AND_AUXILIARY_EN = re.compile(
    r"\s+(?:and|but)\s+(?=(?:was|were|is|are|has|have|had|will|would|can|could|did|does|(?-i:may|might|must|should))\b)",
    re.IGNORECASE,
)
_SUBORDINATE = re.compile(r",\s+(?=(?:setelah|sebelum|sejak|ketika|after|before|since|when)\s+)")
# "... since it was first published on March 4, 2022": a subordinate clause with its own date.
_DATED_SUBORDINATE = re.compile(r"\s+(?=(?:since|sejak|after|setelah|when|ketika)\s+)")
# "including" opens its own claim only when its tail names something checkable.
_INCLUDING = re.compile(r",\s+(?:termasuk|including)\s+")
_LEADING_MARKER = re.compile(
    r"(?:selain\s+itu(?:\s+juga)?|namun|sementara\s+itu|oleh\s+karena\s+itu|di\s+sisi\s+lain|kemudian|"
    r"in\s+addition|however|meanwhile|moreover|also|furthermore|separately|still)\s*,\s*",
    re.IGNORECASE,
)
_COUNT_WORD = (
    r"\d+|dua|tiga|empat|lima|enam|tujuh|delapan|sembilan|sepuluh|two|three|four|five|six|seven|"
    r"eight|nine|ten"
)
_ENUMERATION = re.compile(
    rf"\b(?P<count>{_COUNT_WORD})\s+(?P<noun>[\w-]+(?:\s+[\w-]+)?)\s*,?\s*"
    r"(?P<cue>(?:yaitu|yakni|antara\s+lain|meliputi|di\s+antaranya|namely|including)\s*:?|:)\s+",
    re.IGNORECASE,
)
_PREPOSITION = re.compile(
    r"(?:during|in|on|at|after|before|since|for|from|with|by|until)\s",
)
_LIST_END = re.compile(r",\s+(?=(?:during|in|on|at|after|before|since|for|from|with|by|until)\s)")
_SUPERLATIVE = re.compile(
    r"\b(?:the|its|their|his|her|our|a)\s+(?:[\w-]+\s+)?(?:[a-z]+est|worst|best|most|least)\b(?<!interest)(?<!west)"
)
_ONGOING = re.compile(r"\b(?:has|have|had)\s+been\s+[a-z]+ing\b")
_PERFECT = re.compile(
    r"\b(?:has|have|had)\s+(?:[a-z]+ly\s+)?(?:been\s+)?[a-z]+(?:ed|en|wn|ne|ght|lt|ft|pt)\b"
)
_WHICH_SET_OFF = re.compile(r",\s+which\s+[^,;:]+,(?=\s+[a-z]+\s)")
_LAST_JOIN = re.compile(r"(?:dan|serta|atau|and|or)\s+", re.IGNORECASE)
_INNER_JOIN = re.compile(r"\s+(?:dan|serta|atau|and|or)\s+")


@dataclass(frozen=True, slots=True)
class Clause:
    """A clause span; ``role`` is "list-item" for enumeration items, else None. ``inner`` are
    the clauses inside it that are claims of their own (embedded relatives)."""

    start: int
    end: int
    role: str | None = None
    inner: tuple[tuple[int, int], ...] = ()


def _words(text: str, start: int, end: int) -> int:
    return len(text[start:end].split())


def _count_value(word: str) -> int | None:
    value = int(word) if word.isdigit() else parse_number_words(word)
    return int(value) if value is not None and float(value).is_integer() else None


def strip_leading_marker(text: str, start: int, end: int) -> int:
    """Skip "Selain itu, " / "However, " so the claim starts at its subject."""
    match = _LEADING_MARKER.match(text, start, end)
    return match.end() if match is not None and _words(text, match.end(), end) >= 3 else start


def split_clauses(
    text: str,
    start: int,
    end: int,
    dates: Sequence[tuple[int, int]],
    english: bool = False,
    times: Sequence[tuple[int, int]] = (),
) -> list[Clause]:
    """Atomic clauses of ``text[start:end]``, trimmed, in order. ``english`` adds the English
    clause rules of :mod:`workbench.claims.english_clauses`; a relative clause inside the
    sentence may then overlap the clause that holds it. ``times`` are the spans of times
    without a day ("last year", "in 1968"): a relative clause holding one is a claim too."""
    start, end = trim(text, start, end, TRIM_CHARS)
    if start >= end:
        return []
    start = strip_leading_marker(text, start, end)
    leading = _split_leading_date(text, start, end, dates, english)
    if leading is not None:
        head, tail = leading
        # in English the dated head is split as any clause is ("... would close 14 degree courses
        # and cut about 260 jobs by the summer of 2027, as it tries ...")
        heads = split_clauses(text, head[0], head[1], dates, english, times) if english else [Clause(*head)]
        return [*heads, *split_clauses(text, tail[0], tail[1], dates, english, times)]
    enumeration = _split_enumeration(text, start, end)
    if enumeration:
        # "The restriction affects about 410,000 customers and forbids three things: ...": the
        # head before the count is split as any clause is
        counted, *items = enumeration
        return [*split_clauses(text, counted.start, counted.end, dates, english, times), *items]
    relatives = embedded_relatives(text, start, end, [*dates, *times]) if english else []
    # "Tickets ..., which are free but must be booked, were all taken ...": a relative set off
    # by commas inside the sentence is not cut, whether or not it is a claim of its own
    set_off = [m.span() for m in _WHICH_SET_OFF.finditer(text, start, end)] if english else []
    for cut_start, cut_end in _cuts(text, start, end, dates, english, times):
        if any(r_start <= cut_start < r_end for r_start, r_end in relatives):
            continue  # a cut inside "which opened in 1968, " is no cut of the sentence
        if any(r_start < cut_start < r_end - 1 for r_start, r_end in set_off):
            continue
        left = trim(text, start, cut_start, TRIM_CHARS)
        right = trim(text, cut_end, end, TRIM_CHARS)
        if _words(text, *left) >= 3 and _words(text, *right) >= 3:
            return [
                *split_clauses(text, *left, dates, english, times),
                *split_clauses(text, *right, dates, english, times),
            ]
    inner = tuple(trim(text, s, e, TRIM_CHARS) for s, e in relatives)
    return [*(Clause(s, e) for s, e in inner), Clause(start, end, inner=inner)]


def _cuts(
    text: str,
    start: int,
    end: int,
    dates: Sequence[tuple[int, int]],
    english: bool = False,
    times: Sequence[tuple[int, int]] = (),
) -> list[tuple[int, int]]:
    cuts: list[tuple[int, int]] = english_cuts(text, start, end, dates) if english else []
    for pattern in _SPLITS:
        cuts.extend((m.start(), m.end()) for m in pattern.finditer(text, start, end))
    for match in _MEANS_EN.finditer(text, start, end):
        if _MODAL_BEFORE.search(text, max(start, match.start() - 30), match.start()) is None:
            cuts.append((match.start(), match.end()))
    for match in _INCLUDING.finditer(text, start, end):
        # the listed things end before a comma and a preposition ("including bread, milk and eggs,
        # until the end of January": the date is the freeze's, not the list's)
        list_end = _LIST_END.search(text, match.end(), end) if english else None
        tail_end = list_end.start() if list_end is not None else end
        # "Average weekly pay, including bonuses, grew 4.9 percent ...": set off by commas before
        # the subject's verb, the listed things end at the comma
        if english:
            tail_end = min(tail_end, _end_before_verb(text, match.end(), tail_end))
        tail = text[match.end() : tail_end]
        named = re.search(r"(?<!^)\b[A-Z][\w-]+", tail) is not None or re.search(r"\d", tail) is not None
        if named or any(match.end() <= s < tail_end for s, _ in dates):
            cuts.append((match.start(), match.start() + 1))  # the tail keeps its "termasuk"
    for match in _COMMA_AND.finditer(text, start, end):
        previous = max(text.rfind(", ", start, match.start()), text.rfind("; ", start, match.start()), start)
        words = _words(text, previous, match.start())
        # "Tickets cost $40, and children ride free": three words with a verb are a clause too
        if not (words >= 4 or (english and words == 3 and has_verb(text, previous, match.start()))):
            continue
        # "X, rising sea levels ..., and the draining of nearby marsh": in English the last item of
        # a list of three or more (a comma before the one of ", and"), no clause
        next_comma = text.find(",", match.end(), end)
        listed = english and previous > start
        if listed and not opens_clause(text, match.end(), end if next_comma < 0 else next_comma):
            continue
        cuts.append((match.start(), match.end()))
    for match in _AND_VERB_ID.finditer(text, start, end):
        following = re.match(r"\w+", text[match.end() : end])
        if following is not None and following.group(0).lower() not in _NOT_VERBS:
            cuts.append((match.start(), match.end()))
    cuts.extend((m.start(), m.end()) for m in _AND_AUXILIARY_EN.finditer(text, start, end))
    cuts.extend((m.start(), m.start() + 1) for m in _SUBORDINATE.finditer(text, start, end))
    for match in _DATED_SUBORDINATE.finditer(text, start, end):
        # the date belongs to the clause: it starts before the clause's first comma; a time
        # without a day counts after an English "since" ("since it was set up in 1974", not "since
        # 1990" itself; "when a survey was carried out in 2009" dates the figure before it)
        comma = text.find(",", match.end(), end)
        close = end if comma < 0 else comma
        spans = [*dates, *times] if english and text.startswith("since", match.end()) else dates
        # in English a clause, not a time alone: "... more than 9,000 calls since Tuesday morning"
        if english and not has_verb(text, match.end(), close):
            continue
        # "the largest area since records began in 1987": "since" measures the superlative right
        # before it ("the largest sum the court has ordered ... since it was set up" is cut: the
        # time belongs to the verb between)
        if english and _measures_superlative(text, start, match.start()):
            continue
        # "has been living with her daughter ... since her house burned down": when a state still
        # going on began, no claim of its own ("had risen by 12 percent since it was ..." is cut)
        if english and text.startswith("since", match.end()) and _ONGOING.search(text, start, match.start()):
            continue
        # "pay has fallen behind inflation since its last contract expired in October": since when a
        # perfect holds, with no figure of its own ("had risen by 12 percent since ..." is cut, and so
        # is "the largest sum the court has ordered ... since it was set up": it measures a superlative)
        perfect = _PERFECT.search(text, start, match.start())
        if (
            english
            and text.startswith("since", match.end())
            and perfect is not None
            and not find_numbers(text, "en", (), perfect.start(), match.start())
            and _SUPERLATIVE.search(text, start, perfect.start()) is None
        ):
            continue
        if any(match.end() < s < close for s, _ in spans):
            cuts.append((match.start(), match.end()))
    # A cut inside a date ("Friday, March 4, but ...") is not a clause boundary.
    cuts = [c for c in cuts if not any(s < c[0] < e for s, e in dates)]
    return sorted(cuts)


def _end_before_verb(text: str, start: int, end: int) -> int:
    """Where a phrase set off by commas from ``start`` ends: at the first comma followed by a verb
    of the sentence's subject ("..., including bonuses, grew 4.9 percent"), else ``end``."""
    for comma in re.finditer(r",\s+([\w'’-]+)", text[start:end]):
        if is_finite(comma.group(1)):
            return start + comma.start()
    return end


def _measures_superlative(text: str, start: int, position: int) -> bool:
    """Whether a superlative with no verb after it stands between the last comma before
    ``position`` and ``position``."""
    opened = max(text.rfind(",", start, position) + 1, start)
    found = list(_SUPERLATIVE.finditer(text, opened, position))
    return bool(found) and not has_verb(text, found[-1].end(), position)


def _split_leading_date(
    text: str, start: int, end: int, dates: Sequence[tuple[int, int]], english: bool = False
) -> tuple[tuple[int, int], tuple[int, int]] | None:
    """``Pada blog ... yang diunggah 28 Februari lalu, mengatakan ...``: the leading clause
    states its own dated fact when it holds a date and several other words. In English the rest
    must hold a verb or a figure: "... broke out on the evening of July 19, 2025, during a crossing from Port
    Elswick to Tollan Isle" is one claim."""
    for match in re.finditer(r",\s+", text[start:end]):
        comma = start + match.start()
        inside = [(s, e) for s, e in dates if start <= s and e <= comma]
        if not inside:
            if any(s < comma < e for s, e in dates):
                continue  # the comma of "Jumat, 4 Maret"
            return None
        date_words = sum(_words(text, s, e) for s, e in inside)
        if _words(text, start, comma) - date_words >= 4 and _words(text, comma, end) >= 4:
            rest = start + match.end()
            # "..., from £5.8 billion a year earlier": a figure of its own is a claim too
            if english and not (opens_clause(text, rest, end) or find_numbers(text, "en", (), rest, end)):
                return None
            return (start, comma), trim(text, start + match.end(), end, TRIM_CHARS)
        return None
    return None


def _split_enumeration(text: str, start: int, end: int) -> list[Clause]:
    match = _ENUMERATION.search(text, start, end)
    if match is None:
        return []
    count = _count_value(match.group("count"))
    items = _enumeration_items(text, match.end(), end, count)
    if len(items) < 2:
        return []
    if match.group("cue").lower().startswith("including") and count is not None and count > len(items) + 1:
        # "250 own-brand staples, including bread, milk and eggs": examples of a larger count,
        # no list of its own
        return []
    head = trim(text, start, match.end("noun"), TRIM_CHARS)
    return [Clause(*head), *(Clause(s, e, "list-item") for s, e in items)]


def _enumeration_items(text: str, start: int, end: int, count: int | None) -> list[tuple[int, int]]:
    """Items of "A, B, C, dan D" (or "A, B, C and D"); the count, when known, decides whether the
    last comma-chunk still holds two items joined by "dan"/"and"."""
    chunks: list[tuple[int, int]] = []
    position = start
    for match in re.finditer(r"[,;]\s+", text[start:end]):
        chunks.append((position, start + match.start()))
        position = start + match.end()
    chunks.append((position, end))
    items: list[tuple[int, int]] = []
    for index, (chunk_start, _) in enumerate(chunks):
        if index and _PREPOSITION.match(text, chunk_start) and not _PREPOSITION.match(text, chunks[0][0]):
            chunks = chunks[:index]  # "including 40 children, during the outbreak": the list ended
            break
    for chunk_start, chunk_end in chunks:
        joined = _LAST_JOIN.match(text, chunk_start, chunk_end)
        if joined is not None:
            chunk_start = joined.end()
        items.append(trim(text, chunk_start, chunk_end, TRIM_CHARS))
    if count is not None and len(items) == count - 1:
        last_start, last_end = items[-1]
        inner = list(_INNER_JOIN.finditer(text, last_start, last_end))
        if inner:
            # "washing cars and filling paddling or swimming pools": the list's own join is the
            # first; an "or" after it joins words inside the last item
            cut = inner[0]
            items[-1:] = [trim(text, last_start, cut.start()), trim(text, cut.end(), last_end, TRIM_CHARS)]
    return [item for item in items if item[0] < item[1]]
