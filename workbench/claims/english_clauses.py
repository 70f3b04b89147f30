"""Where an English sentence holds a second checkable fact of its own.

Rules without a parser (no English parser with offline weights is kept on the package index;
see docs/language.md): each looks for a word that opens a clause and for evidence that the
clause has a verb, and each leaves the caller to check that both halves are long enough.

- a participial clause after a comma: "..., cutting about 1,800 jobs";
- a reason clause: "... because no buyer was found", "... as it shifts spending toward wind";
- a purpose clause: "... in order to ...", or "to" + verb after an amount ("borrow $25 million
  to buy the site"), where "to" cannot be the complement of a verb ("voted to build");
- a result or concession clause after a comma: ", so ...", ", although ...";
- a change, a benchmark, a superlative, a multiple or a share set beside a figure after a comma;
- a dated source set off by commas, a colon before a clause, a second infinitive after "and to".

:func:`english_cuts` gathers these with the rules of its sibling modules, in one order: a second
predicate (:mod:`workbench.claims.english_predicates`), a relative clause
(:mod:`workbench.claims.english_relatives`, which also finds the relatives set off inside a
sentence), a time clause (:mod:`workbench.claims.english_time_clauses`); the word tests they share
are in :mod:`workbench.claims.english_words`.

A cut is ``(cut_start, cut_end)``: the left half ends at ``cut_start``, the right half starts
at ``cut_end``; a cut that keeps its opening word ("because", "as", "to", the participle) in the
right half removes only the space or comma before it.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from workbench.claims.english_predicates import predicate_cuts
from workbench.claims.english_relatives import relative_cuts, who_cuts
from workbench.claims.english_time_clauses import time_clause_cuts, when_cuts
from workbench.claims.english_words import (
    NOT_AS_CLAUSE,
    PRONOUN_SUBJECTS,
    WORD,
    base_verb,
    has_verb,
    is_finite,
    next_comma,
    opens_object,
    plural_subject,
)
from workbench.language.numbers import find_numbers

# Words in -ing that are no participle opening a clause.
_NOT_PARTICIPLES = frozenset(
    """during including according morning evening building spring string thing nothing something
    anything everything ceiling king ring wing sing bring meeting funding housing training
    spending planning hearing ruling opening offering earnings savings beijing regarding
    concerning excluding notwithstanding pending wedding clothing ending""".split()  # noqa: SIM905
)
# Words after "to" that show it is no infinitive: determiners, pronouns, prepositions.
_NOT_INFINITIVE = frozenset(
    """the a an its their his her our your my this that these those some any all each every
    more less most least about around nearly almost over under than up down be""".split()  # noqa: SIM905
)

_PARTICIPLE = re.compile(r",\s+(?P<word>[a-z]{3,}ing)\s+(?P<next>[\w$£€]+)")
# "Those who walked briskly saw the biggest benefit: their risk was 31 percent lower": a colon
# before a clause with its own verb (a list after a count is read before any cut).
_COLON = re.compile(r":\s+(?=[\w$£€])")
# "..., the company admitted on Tuesday, almost three weeks after ...": a dated source set off by
# commas inside the sentence is a claim of its own, as one closing it is.
_SOURCE_SET_OFF = (
    r"(?:the\s+|an?\s+)?(?:[\w'’-]+\s+){1,4}?(?:said|admitted|confirmed|announced|revealed|disclosed|reported)"
    r"\s+(?P<date>(?:on|last|this)\s+\w+(?:\s+(?:morning|afternoon|evening|night))?),\s+"
)
_SOURCE_INSIDE = re.compile(rf",\s+(?={_SOURCE_SET_OFF})")
_SOURCE_OPENING = re.compile(_SOURCE_SET_OFF)
# "told to stop charging the bikes and to return the batteries to ...": a second infinitive of the
# same verb, when one stands before it.
_AND_TO = re.compile(r",?\s+and\s+(?=to\s+(?P<verb>[a-z]+)\s)")
_S_VERB_TO = re.compile(r"\b(?:plans|aims|hopes|wants|intends|expects|seeks|needs|promises)\s+to\s+[a-z]+\s")
_INFINITIVE = re.compile(r"\bto\s+(?P<verb>[a-z]+)\s")
# "because of a knee injury" names a cause, not a clause: no cut
_BECAUSE = re.compile(
    r",?\s+(?=(?:(?:mainly|partly|largely|mostly|chiefly|only|in\s+part)\s+)?because\b(?!\s+of\b))"
)
_AS = re.compile(r",?\s+as\s+")
_PURPOSE = re.compile(r",?\s+(?=in\s+order\s+to\s+\w|so\s+that\s+\w)")
_AMOUNT_TO = re.compile(
    r"(?:\d[\d,.]*%?|million|billion|trillion|percent|per\s+cent|\b(?P<word>two|three|four|five|six|seven|eight|nine|ten))"
    r"(?:\s+[a-z]+)?\s+(?=to\s+(?P<verb>[a-z]+)\b)"
)
_NOUN_ENDINGS = ("ency", "ancy", "ment", "ness", "tion", "sion", "ity", "ship", "hood")
_RESULT = re.compile(r",\s+(?=(?:so|although|though|even\s+though)\s+(?!far\b|much\b|many\b|called\b)\w)")
# ", up 8 percent from 2023": a change stated beside the figure.
_CHANGE = re.compile(
    # ", against a national target of 92 percent": a benchmark set beside it
    r",\s+(?=(?:(?:up|down)\s+(?:by\s+|from\s+)?|compared\s+(?:with|to)\s+|"
    r"against\s+(?:a|an|the)\s+(?:[\w-]+\s+){0,3}of\s+)"
    r"(?:about\s+|nearly\s+|almost\s+|more\s+than\s+)?(?:[\d$£€]|(?:two|three|four|five|six|seven|eight|nine|ten)\s))"
)
# ", the lowest since 1976": a superlative set beside the sentence, to its end.
_SUPERLATIVE = re.compile(r",\s+(?=(?:the|its|their)\s+(?:\w+est|most|least|first|worst|best)\s+[^,]+$)")
_WITH = re.compile(r",\s+(?=with\s+)")
# ", more than double the loss a year earlier": a multiple set beside the figure.
_MULTIPLE = re.compile(
    r",\s+(?=(?:(?:more|less)\s+than\s+|nearly\s+|almost\s+|about\s+|roughly\s+)?"
    r"(?:double|twice|triple|treble|(?:two|three|four|five|\d+)\s+times)\s+(?:the|its|their|that|what)\b)"
)
# ", most of it to companies ...", ", half of which ...": a share of what was just named.
# ", a town of about 23,000 people": a noun phrase set beside the end of its clause
_CLOSING_APPOSITIVE = re.compile(r",\s+(?=an?\s+\S)")
_SHARE_OF = re.compile(r",\s+(?=(?:most|much|all|some|part|none|half)\s+of\s+(?:it|them|which)\s+\w)")
# "after six seasons in the fourth", ", eight points outside the play-off places": an amount of
# time, or a margin, stated beside the sentence's own fact.
_AFTER = re.compile(r"\s+after\s+")
_TIME_NOUNS = frozenset("years seasons months weeks days decades hours terms".split())  # noqa: SIM905
_COMMA = re.compile(r",\s+")
_MARGIN_WORDS = frozenset(
    """outside behind ahead clear short above below more fewer less higher lower better worse
    adrift""".split()  # noqa: SIM905
)
# "includes £900,000 for lost earnings and £500,000 in damages": a second amount of one verb.
_AND_AMOUNT = re.compile(r"\s+and\s+(?=(?:about\s+|nearly\s+|almost\s+|more\s+than\s+|another\s+)?[$£€]?\d)")


_NAMING_VERB = re.compile(
    r"\b(?:describ(?:e|es|ed|ing)|regard(?:s|ed|ing)?|(?:view|treat|brand)(?:s|ed|ing)?|label(?:s|led|ed)?|"
    r"classif(?:y|ies|ied))(?:\s+[\w'’-]+){1,6}$"
)


def _as_opens_clause(text: str, before: int, after: int, end: int) -> bool:
    """Whether the "as" between ``before`` and ``after`` opens a clause with its own subject and
    verb: "as it shifts ...", "as the city's population grows", "as factories hired ..."."""
    previous = WORD.findall(text[max(0, before - 20) : before])
    words = WORD.findall(text[after:end])[:5]
    if not words or (previous and previous[-1].lower() in NOT_AS_CLAUSE):
        return False
    # "are as old as the harbours themselves", "twice as long as ...": the second "as" of a
    # comparison closes it and opens no clause
    if len(previous) >= 2 and previous[-2].lower() == "as":
        return False
    # "described most of the cases as exhaustion made worse by dehydration": what something is
    # called or taken for, after its object, is no clause
    if _NAMING_VERB.search(text, max(0, before - 60), before):
        return False
    if words[0].lower() in NOT_AS_CLAUSE:
        return False
    if words[0] in PRONOUN_SUBJECTS:
        return True
    if len(words) > 1 and plural_subject(words[0]) and base_verb(words[1]):
        return True  # "as families return after ...", "as prices rise"
    for index, word in enumerate(words[1:], 1):
        if is_finite(word):
            return True
        if word.endswith("s") and words[0] in ("the", "its", "their") and index <= 3:
            return True  # "as the company shifts"
        if word.lower() in NOT_AS_CLAUSE:
            return False
    return False


def _after_amount(text: str, position: int, end: int) -> tuple[str, str] | None:
    """The two words after a quantity that opens ``text[position:end]`` ("six seasons in" gives
    ("seasons", "in")), or None when no quantity (as the numbers module reads one) opens it."""
    found = find_numbers(text, "en", (), position, min(end, position + 40))
    if not found or found[0].start != position:
        return None
    words = WORD.findall(text[found[0].end : end])[:2]
    return (words[0], words[1]) if len(words) == 2 else None


def _in_list(text: str, match: re.Match[str], end: int) -> bool:
    """Whether the word in -ing after a comma is an adjective in a list of things: "disturbance
    from walkers, rising sea levels that cover feeding grounds, and the draining of ..." (no
    object after the word, as "cutting about 1,800 jobs" has, and a comma and "and" after its
    phrase)."""
    close = next_comma(text, match.end(), end)
    following = match.group("next")
    adjective = not opens_object(following) and following.lower() not in PRONOUN_SUBJECTS
    return adjective and re.match(r",\s+and\s+", text[close:end]) is not None


def english_cuts(
    text: str, start: int, end: int, dates: Sequence[tuple[int, int]] = ()
) -> list[tuple[int, int]]:
    """Cuts of ``text[start:end]`` before an English clause that states a fact of its own;
    ``dates`` are the article's date spans (a source set off by commas that names one is cut
    from its report; one opening the report with "that" dates it and stays)."""
    cuts: list[tuple[int, int]] = []
    for match in _PARTICIPLE.finditer(text, start, end):
        word, following = match.group("word"), match.group("next").lower()
        if word not in _NOT_PARTICIPLES and following not in ("and", "or") and not _in_list(text, match, end):
            cuts.append((match.start(), match.start() + 1))
    for match in _AS.finditer(text, start, end):
        if _as_opens_clause(text, match.start(), match.end(), end):
            cuts.append((match.start(), match.start() + 1))
    for pattern in (_BECAUSE, _PURPOSE, _RESULT, _CHANGE, _SUPERLATIVE, _MULTIPLE, _SHARE_OF):
        cuts.extend((m.start(), m.start() + 1) for m in pattern.finditer(text, start, end))
    for match in _CLOSING_APPOSITIVE.finditer(text, start, end):
        # "... the eastern edge of Orrick Falls, a town of about 23,000 people", "..., an $11
        # million penalty imposed on a paper mill": a closing appositive with a figure of its own,
        # after a clause with a verb, is a fact of its own
        if (
            re.search(r",\s", text[match.end() : end]) is None
            and find_numbers(text, "en", (), match.end(), end)
            and has_verb(text, start, match.start())
        ):
            cuts.append((match.start(), match.start() + 1))
    for match in _WITH.finditer(text, start, end):
        close = next_comma(text, match.end(), end)
        # ", with the ballot opening on Monday, March 2": a date is a figure too
        dated = any(match.end() <= s < close for s, _ in dates)
        if dated or re.search(r"\d", text[match.end() : close]):
            cuts.append((match.start(), match.start() + 1))  # ", with 300 jobs at risk"
    for match in _AMOUNT_TO.finditer(text, start, end):
        verb = match.group("verb")
        # "over three years to hire 300 more firefighters": after an amount in words, only an
        # infinitive with a figure of its own ("We have two years to win it back" stays whole)
        if match.group("word") and not find_numbers(
            text, "en", (), match.end(), next_comma(text, match.end(), end)
        ):
            continue
        # "the crew took 11 minutes to raise the alarm": the time something takes is measured by
        # what it took, no purpose of its own
        taken = re.search(
            r"\b(?:take|takes|took|taken|taking)\s+(?:\w+\s+){0,2}$", text[start : match.start()]
        )
        if taken is not None:
            continue
        # "Kessmoor has 30 days to lodge an appeal", "were given six weeks to respond": the time
        # someone has for an act is a deadline, one fact with the act, no purpose of its own
        allowed = re.search(
            r"\b(?:has|have|had|having|given|gets|get|got)\s+(?:(?:only|just|until|another|a\s+further)\s+)?"
            r"(?:[\w,.]+\s+){0,2}$",
            text[start : match.start()],
        )
        if allowed is not None:
            continue
        # "moved some 6,500 people to emergency shelters": a noun after "to" is a place, no verb
        noun = verb.endswith(_NOUN_ENDINGS)
        if (
            verb not in _NOT_INFINITIVE
            and not noun
            and not (verb.endswith("s") and not verb.endswith(("ss", "us")))
        ):
            space = match.end() - 1
            cuts.append((space, space + 1))
    cuts.extend(predicate_cuts(text, start, end))
    for match in _AFTER.finditer(text, start, end):
        following = _after_amount(text, match.end(), end)
        if following is not None and following[0].lower() in _TIME_NOUNS:
            cuts.append((match.start(), match.start() + 1))  # "in 2023 after six seasons in ..."
    for match in _COMMA.finditer(text, start, end):
        following = _after_amount(text, match.end(), end)
        # ", eight points outside the ...", ", about 8 percent of its workforce", ", 120 fewer than in
        # 2020", ", about 9 percent more than twelve months before"
        compared = following is not None and following[0].lower() in _MARGIN_WORDS and following[1] == "than"
        # "On the Saltmarsh line between Carrowmere and Port Edny, 17 percent of trains did not run":
        # after a phrase with no verb the figure opens the sentence's own clause
        if (
            following is not None
            and (following[1].lower() in _MARGIN_WORDS or following[0].lower() == "of" or compared)
            and has_verb(text, start, match.start())
        ):
            cuts.append((match.start(), match.start() + 1))
    cuts.extend(who_cuts(text, start, end))
    for match in _AND_AMOUNT.finditer(text, start, end):
        before = text[start : match.start()]
        # a figure and a verb before
        # not "between 18 and 25", "between £840 million and £880 million"
        ranged = re.search(
            r"\bbetween\s+\S+(?:\s+(?:thousand|million|billion|trillion|percent))?\s*$", before
        )
        figure = re.search(r"\d", before) is not None and ranged is None
        # "including 486 registered nurses and 37 consultant doctors": items of one list
        listed = re.search(r"\b(?:including|such\s+as)\s[^,;]*$", before) is not None
        if figure and not listed and has_verb(text, start, match.start()):
            cuts.append((match.start(), match.end()))
    cuts.extend(when_cuts(text, start, end))
    for match in _SOURCE_INSIDE.finditer(text, start, end):
        source = _SOURCE_OPENING.match(text, match.end(), end)
        if source is not None and any(
            source.start("date") <= s and e <= source.end("date") for s, e in dates
        ):
            cuts.append((match.start(), match.start() + 1))
    source = _SOURCE_OPENING.match(text, start, end)
    if source is not None and any(source.start("date") <= s and e <= source.end("date") for s, e in dates):
        comma = source.end("date")
        cuts.append((comma, comma + 1))  # the source at the start of what is left: cut after it
    for match in _COLON.finditer(text, start, end):
        if has_verb(text, start, match.start()) and has_verb(text, match.end(), end):
            cuts.append((match.start(), match.end()))
    for match in _AND_TO.finditer(text, start, end):
        earlier = [m.group("verb") for m in _INFINITIVE.finditer(text, start, match.start())]
        infinitive = any(verb not in _NOT_INFINITIVE for verb in earlier)
        # "The trust plans to recruit ... and to open ...": a verb in -s before the first "to" is
        # the predicate too
        verb = (
            has_verb(text, start, match.start()) or _S_VERB_TO.search(text, start, match.start()) is not None
        )
        if infinitive and match.group("verb") not in _NOT_INFINITIVE and verb:
            cuts.append((match.start(), match.end()))
    cuts.extend(time_clause_cuts(text, start, end, dates))
    cuts.extend(relative_cuts(text, start, end))
    return cuts
