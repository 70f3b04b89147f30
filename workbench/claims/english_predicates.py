"""When a second English predicate shares the sentence's subject and states a fact of its own.

"approved the budget and raised fees by 10%", "has fallen by 8,000 and now stands at 23,000",
"will open on February 9 and run for six weeks": a verb after "and" or "but", when the first half
has a verb of its own and the second a figure or an object (:func:`predicate_cuts`).
"""

from __future__ import annotations

import re

from workbench.claims.english_words import (
    ADVERB,
    AUXILIARIES,
    MODALS,
    WORD,
    base_verb,
    has_verb,
    is_past,
    next_comma,
    opens_object,
)
from workbench.language.numbers import find_numbers

_QUESTION_WORDS = frozenset("whether if how what why when where while".split())  # noqa: SIM905
_TO_OPENS = re.compile(r"to\s+[a-z]+\s")
_PREDICATE = re.compile(
    rf"(?P<comma>,)?\s+(?:and|but)\s+(?:(?P<adverb>{ADVERB})\s+)?(?P<verb>[a-z]+)\s+(?P<next>[\w$£€]+)",
    re.IGNORECASE,
)


# "Forecasters ... expect rainfall to return to normal but say the reservoir will need weeks": a
# reporting verb after "but" that opens a clause of its own is a second predicate, whatever form
# the first verb takes ("expect" after a plural subject is no form ``has_verb`` reads).
_REPORTING_BASE = frozenset("say says said warn warns warned admit admits admitted insist insists".split())  # noqa: SIM905
_CLAUSE_SUBJECTS = frozenset("the that it they he she we its their this these".split())  # noqa: SIM905


def _reports_after_but(text: str, match: re.Match[str]) -> bool:
    conjunction = text[match.start() : match.start("verb")].split()
    return (
        bool(conjunction)
        and conjunction[-1 if match.group("adverb") is None else -2].lower() == "but"
        and match.group("verb").lower() in _REPORTING_BASE
        and match.group("next").lower() in _CLAUSE_SUBJECTS
    )


def _predicate_cut(text: str, start: int, end: int, match: re.Match[str]) -> tuple[int, int] | None:
    """A second predicate of the same subject: "... and raised fees", "... and now stands at",
    "... and employs 32 teachers", when the first half has a verb of its own."""
    verb, following = match.group("verb"), match.group("next")
    if verb.lower() in AUXILIARIES:
        return None  # "and were paid": the general rule for auxiliaries cuts it
    if verb.lower() in _QUESTION_WORDS:
        return None  # "how the trees were managed and whether the train's speed was ...": no verb
    adverb = match.group("adverb") is not None
    object_follows = opens_object(following)
    # ", a record, and expects to pass 10 million": after a comma, a verb in -s before "to"
    before_to = match.group("comma") is not None and verb.endswith("s") and following == "to"
    auxiliaries = [w.lower() for w in WORD.findall(text[start : match.start()]) if w.lower() in AUXILIARIES]
    modal = bool(auxiliaries) and auxiliaries[-1] in MODALS
    # "to hire 300 more firefighters and buy four water-bombing aircraft": a clause opened by
    # "to" shares it with a second base verb as a modal does
    to_opened = _TO_OPENS.match(text, start, match.start()) is not None
    right_end = next_comma(text, match.start("verb"), end)
    counted = bool(find_numbers(text, "en", (), match.start("verb"), right_end))
    base = not is_past(verb) and not verb.endswith("s")
    # "will open on February 9 and run for six weeks": a base verb under the modal before it,
    # with a figure of its own
    shared_modal = (modal or to_opened) and base and counted and base_verb(verb)
    looks_verb = (
        is_past(verb)
        or shared_modal
        or (verb.islower() and ((adverb and verb.endswith("s")) or object_follows or before_to))
    )
    if not looks_verb:
        return None
    if not (has_verb(text, start, match.start()) or (to_opened and shared_modal)) and not _reports_after_but(
        text, match
    ):
        return None
    # "should hang up and ring the number": two base verbs under one modal are one claim
    # ("... will open on February 9 and run for six weeks": a figure of its own after the verb)
    if modal and base and not counted and match.group("comma") is None:
        return None
    # "while engineers repaired the track and removed the train": three words with no figure
    # after the verb are no fact of their own
    short = len(text[match.start("verb") : right_end].split()) <= 3
    if short and match.group("comma") is None and not counted:
        return None
    return match.start(), match.start("adverb") if adverb else match.start("verb")


def predicate_cuts(text: str, start: int, end: int) -> list[tuple[int, int]]:
    """Cuts before each second predicate of ``text[start:end]``."""
    cuts: list[tuple[int, int]] = []
    for match in _PREDICATE.finditer(text, start, end):
        cut = _predicate_cut(text, start, end, match)
        if cut is not None:
            cuts.append(cut)
    return cuts
