"""Check-worthiness: how much a claim gives a fact-checker to check, 0-100, with reasons."""

from __future__ import annotations

import re

from workbench.claims.segment import UPPER
from workbench.claims.speakers import REPORTING_VERBS_EN, REPORTING_VERBS_ID
from workbench.domain import ClaimKind, DateMention, NumberMention
from workbench.language.dates import CALENDAR_WORDS

_REPORTING = re.compile(r"\b(?:" + "|".join(REPORTING_VERBS_ID + REPORTING_VERBS_EN) + r")\b", re.IGNORECASE)
_NAME = re.compile(rf"(?<![\w'’])[{UPPER}][\w'’-]*[^\W\d_]|\b[A-Z]{{2,}}\b")
_HEDGE = re.compile(
    r"\b(?:mungkin|barangkali|sepertinya|tampaknya|may|might|could|perhaps|possibly|reportedly)\b",
    re.IGNORECASE,
)
_COMMON_CAPITALS = frozenset(
    """Kami Kita Mereka Ia Dia Saya Ini Itu Pada Dalam Sejak Selain Sebagai Namun Tim Melalui
    We They He She It The This That In On At Since As But And Meanwhile However""".split()  # noqa: SIM905
)


def named_entities(text: str) -> list[str]:
    """Capitalised words that are not sentence-opening function words: a cheap NER."""
    names: list[str] = []
    for match in _NAME.finditer(text):
        word = match.group(0)
        if word in _COMMON_CAPITALS or word in names or word.lower() in CALENDAR_WORDS:
            continue
        if match.start() == 0 and not word.isupper():
            continue  # a capital that only opens the sentence says nothing
        names.append(word)
    return names


def score_claim(
    text: str,
    kind: ClaimKind,
    numbers: list[NumberMention],
    dates: list[DateMention],
    speaker: str | None,
) -> tuple[int, list[str]]:
    """Score 0-100 and the reasons behind it. Each kind of checkable content adds to the score."""
    score = 20
    reasons: list[str] = []
    if numbers:
        score += 25
        reasons.append("number: " + ", ".join(n.text for n in numbers))
    if dates:
        score += 20
        reasons.append("date: " + ", ".join(d.date for d in dates))
    names = named_entities(text)
    if names:
        score += 15
        reasons.append("named entity: " + ", ".join(names[:4]))
    if kind is ClaimKind.QUOTE:
        score += 15
        reasons.append(f"quote by {speaker}" if speaker else "quote, speaker unknown")
    elif kind is ClaimKind.ATTRIBUTION:
        score += 15
        reasons.append("attribution of a role")
    elif kind is ClaimKind.LIST_ITEM:
        score += 5
        reasons.append("item of an enumeration")
    verb = _REPORTING.search(text)
    if verb is not None:
        score += 10
        reasons.append(f"reporting verb: {verb.group(0)}")
    if _HEDGE.search(text):
        score -= 10
        reasons.append("hedged wording")
    if len(text.split()) < 4 and kind is not ClaimKind.LIST_ITEM:
        score -= 10
        reasons.append("very short")
    return max(0, min(100, score)), reasons


# Narration with no figure, date or time that gives a fact-checker nothing to check (English):
# rhetorical framing ("The question now is whether ..."), a guess at how things seem or will go
# ("Investors appeared to side with the company", "The debate is unlikely to end soon"), what
# unnamed, uncounted people feel or want ("Many want to know why ...", "Some residents say ...",
# "Not everyone in the City was convinced"), and the reporter's view of what something means to
# them ("For families in that position, the argument offers little comfort"); a question left open
# ("Questions remain about how ...", "Whether that timetable holds will depend on ...", "What
# happens next depends on ...", "Much will depend on how ..."), a question someone has not answered
# ("Officials have not said how long ...", "He did not say whether ..."), what neither or both
# sides expect, and a scene set by a phrase before a comma ("In the hills, people learned to keep a
# bag packed").
_NO_FACT_EN = (
    (
        "rhetorical framing",
        re.compile(
            r"(?i:(?:the\s+)?question(?:\s+now)?\s+is\b|(?:the\s+)?question\s+of\s+(?:what|how|whether|who|why)\b|questions\s+remain\b|what\s+happens\s+(?:next|now)\b|"
            r"much\s+(?:will\s+|may\s+|could\s+)?depends?\s+on\b)|Whether\s",
        ),
    ),
    (
        "guess at how things seem or will go",
        re.compile(
            r".*\b(?:(?:is|are|was|were|be|been)\s+(?:un)?likely\s+to|"
            r"(?:seem|seems|seemed|appear|appears|appeared)\s+(?:never\s+)?(?:(?:ready|willing|set|poised)\s+)?to|"
            # "The decision will be felt most keenly on the islands": a forecast of how it will land
            r"(?:will|would)\s+be\s+felt)\b",
            re.IGNORECASE,
        ),
    ),
    # "Pay settlements tend to lag the wider economy", "Onshore wind has long been a sore point",
    # "Arguments over what counts as a real saving are nothing new": a habit or a state of long
    # standing, said of a whole class (a relative, "which people tend to overestimate", qualifies
    # its noun and is left alone)
    (
        "a habit of long standing",
        re.compile(
            r"(?!(?:which|who|that|where)\s).*\b(?:(?:tend|tends|tended)\s+to|(?:has|have|had)\s+long\s+"
            r"(?:been|[a-z]+ed)|(?:is|are|was|were)\s+(?:nothing|not)\s+new|"
            r"(?:has|have|had)\s+a\s+long\s+(?:and\s+)?(?:[a-z]+\s+){0,3}history)\b",
            re.IGNORECASE,
        ),
    ),
    # "Rumours of cuts had circulated for months", "The dispute over pay has hung over the network
    # for much of the year": a perfect that only says how long a background state has lasted
    (
        "background lasting a stretch",
        re.compile(
            r"(?:(?!\b(?:that|which|who)\b).)*?\b(?:has|have|had)\s+(?:been\s+)?[a-z]+(?:ed|ung|en|wn|lt|pt)\b[^,]*?"
            r"\bfor\s+(?:much\s+of\s+the\s+[a-z]+|(?:many\s+)?(?:months|years|weeks|decades|generations|centuries)|"
            r"some\s+time|a\s+long\s+time)\b",
            re.IGNORECASE,
        ),
    ),
    (
        "unnamed, uncounted people",
        re.compile(
            # "Until then, both sides say ...": after a short phrase set off by a comma; "..., one that
            # few in the province will forget": in a relative set beside a noun
            r"(?:[A-Z][\w'’-]*(?:\s+[\w'’-]+){0,3},\s+|one\s+(?:that|which)\s+)?"
            r"(?:many|some|few|several|others|not\s+(?:everyone|everybody|all)|(?:neither|both)\s+sides?|"
            r"people\s+on\s+(?:both|all)\s+sides)\b(?!\s+\d)",
            re.IGNORECASE,
        ),
    ),
    # "In the hills, people learned to keep a bag packed by the door", "On the pavement outside,
    # a handful of workers ... stood smoking": a scene set by a phrase of place or circumstance
    # before a comma, with no figure, date or time
    (
        "scene-setting",
        re.compile(
            r"(?:In|On|At|For|Behind|Beyond|Until|Outside|Across|Along|Amid|Among|Despite)\b[^,]{0,60},\s"
        ),
    ),
    # "..., and what will be different next time": the rest of an indirect question whose head
    # ("Many want to know why ...") was cut off; no statement
    # "The mood in the packed auditorium was tense from the start", "He struck a defiant tone
    # throughout the briefing", "At the harbour in Saltham, ..., the mood on Thursday morning was
    # grim": the feel of a room or a manner of speaking, colour for the reader, on any day
    (
        "mood or manner",
        re.compile(
            r".*\b(?:the\s+)?(?:mood|atmosphere)\b(?:\s+[\w'’-]+){0,5}?\s+(?:was|were|is|stayed|remained|grew|"
            r"turned|became)\b|.*\bstruck\s+an?\s+(?:[\w-]+\s+)?(?:tone|note)\b",
            re.IGNORECASE,
        ),
    ),
    # "the scale of the loss took many by surprise", "Wages held up better than many had feared": how
    # uncounted people took something, or what they expected
    (
        "reaction of unnamed people",
        re.compile(
            r".*\b(?:(?:took|takes|take|caught|catches)\s+(?:many|some|most|few)\s+(?:[a-z]+\s+)?by\s+surprise|"
            r"than\s+(?:many|some|most|few)\s+(?:had\s+|have\s+)?(?:feared|expected|hoped|predicted|thought)|"
            r"(?:surprised|worried|alarmed|angered|shocked|disappointed|divided)\s+(?:many|some|most)\b)",
            re.IGNORECASE,
        ),
    ),
    (
        "piece of an indirect question",
        re.compile(r"(?:(?:on|about|over)\s+)?(?:what|how|why|whether|who\s+(?:will|would|should))\s"),
    ),
    (
        "a question left open",
        re.compile(
            r".*\b(?:(?:has|have|had|did|does|do)\s+not\s+(?:yet\s+)?(?:said|say|disclosed|disclose|explained|"
            r"explain|revealed|reveal)\s+(?:whether|how|when|what|why|if)|"
            # "... would be watching closely to see whether shoppers notice": a question left to the future
            r"(?:watch|watches|watching|wait|waits|waiting)\s+(?:closely\s+)?to\s+see\s+(?:whether|if|how)|"
            # "He is now weighing whether to follow them": a choice not yet made
            r"(?:is|are|was|were)\s+(?:now\s+|still\s+)?(?:weighing|considering|deciding|wondering|debating)"
            r"\s+(?:whether|if))\b",
            re.IGNORECASE,
        ),
    ),
    (
        "the reporter's view of what it means to people",
        re.compile(
            r"for\s+(?:many|most|some|families|people|the\s+people|those|residents)\b[^,]*,", re.IGNORECASE
        ),
    ),
)


_TIME_DOES_NOT_HELP = frozenset(
    {
        "unnamed, uncounted people",
        "piece of an indirect question",
        "background lasting a stretch",
        "mood or manner",
    }
)
# A mood is no more checkable on a named day ("the mood on Thursday morning was grim").
_DATE_DOES_NOT_HELP = frozenset({"mood or manner"})


def states_no_fact(text: str, timed: bool = False, dated: bool = False) -> str | None:
    """Why an English sentence of narration without a figure states no fact a fact-checker
    could check, or None when it may. ``timed``: it holds a time without a day ("next summer"),
    which makes a statement checkable unless its subject is unnamed, uncounted people, it is the
    rest of a question, or it gives a mood; ``dated``: it holds a date, which makes it checkable
    unless it gives a mood. Quotations are not judged here: what someone said is a fact of its
    own."""
    for reason, pattern in _NO_FACT_EN:
        # "In a statement, the company said it would appeal": a report is no scene
        if reason in ("scene-setting", "background lasting a stretch") and _REPORTING.search(text):
            continue
        if dated and reason not in _DATE_DOES_NOT_HELP:
            continue
        if pattern.match(text) and (not timed or reason in _TIME_DOES_NOT_HELP):
            return reason
    return None
