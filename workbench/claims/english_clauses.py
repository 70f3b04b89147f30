"""Where an English sentence holds a second checkable fact of its own.

Rules without a parser (no English parser with offline weights is kept on the package index;
see docs/language.md): each looks for a word that opens a clause and for evidence that the
clause has a verb, and each leaves the caller to check that both halves are long enough.

- a participial clause after a comma: "..., cutting about 1,800 jobs";
- a reason clause: "... because no buyer was found", "... as it shifts spending toward wind";
- a purpose clause: "... in order to ...", or "to" + verb after an amount ("borrow $25 million
  to buy the site"), where "to" cannot be the complement of a verb ("voted to build");
- a result or concession clause after a comma: ", so ...", ", although ...";
- a coordinated predicate sharing the subject: "approved the budget and raised fees by 10%",
  "has fallen by 8,000 and now stands at 23,000";
- a non-restrictive relative clause: "the plan, which will cost $2 billion" (at the end of the
  sentence a cut; inside it, "The plant, which opened in 1968, supplied ...", a claim of its own
  when it carries a figure or a date, the sentence staying whole).

A cut is ``(cut_start, cut_end)``: the left half ends at ``cut_start``, the right half starts
at ``cut_end``; a cut that keeps its opening word ("because", "as", "to", the participle) in the
right half removes only the space or comma before it.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from itertools import pairwise

from workbench.language.dates import find_vague_times
from workbench.language.numbers import find_numbers, parse_number_words

# Words in -ing that are no participle opening a clause.
_NOT_PARTICIPLES = frozenset(
    """during including according morning evening building spring string thing nothing something
    anything everything ceiling king ring wing sing bring meeting funding housing training
    spending planning hearing ruling opening offering earnings savings beijing regarding
    concerning excluding notwithstanding pending wedding clothing ending""".split()  # noqa: SIM905
)
# Past forms that do not end in -ed, and base forms that double as them.
_IRREGULAR_PAST = frozenset(
    """ate beat became began bent bet bid bit bled blew bore bought bound broke brought built burst
    came cast caught chose clung cost crept cut dealt did drank drew drove dug fed fell felt fled
    flew fought found forbade forecast forgave forgot froze gave got grew had heard held hid hit
    hung hurt kept knew laid led left lent let lit lost made meant met overcame overtook paid put
    quit ran rang rode rose said sang sank sat saw sent set shed shook shone shot shut slid sold
    sought sped spent split spoke spread sprang spun stood stole struck stuck swam swept swore
    swung taught thought threw told took tore upset went woke won wore withdrew wound wrote""".split()  # noqa: SIM905
)
_AUXILIARIES = frozenset(
    """is are was were has have had will would can could did does do may might must should
    shall""".split()  # noqa: SIM905
)
# Words after "to" that show it is no infinitive: determiners, pronouns, prepositions.
_NOT_INFINITIVE = frozenset(
    """the a an its their his her our your my this that these those some any all each every
    more less most least about around nearly almost over under than up down be""".split()  # noqa: SIM905
)
_ADVERB = r"(?:now|then|later|also|still|since|soon|recently|quickly|eventually|finally|\w+ly)"
# Words that, right after a verb, open its object: "and employs 32 teachers", "and cut the fee".
_OBJECT_OPENERS = frozenset(
    """the a an its their his her our this that these those some all more about nearly almost
    around roughly""".split()  # noqa: SIM905
)
_PRONOUN_SUBJECTS = frozenset(["it", "they", "he", "she", "we"])
_PLURALS_WITHOUT_S = frozenset(["people", "children", "men", "women", "staff", "police"])
# Words after a plural noun that show no verb follows it: "as members of", "as fans who".
_FUNCTION_WORDS = frozenset(
    """of in on at to for from with by into onto over under about after before between among
    and or but nor who which that whose whom than like the a an this these those its their his
    her our your my not no""".split()  # noqa: SIM905
)
_MODALS = frozenset("will would can could may might must should shall".split())  # noqa: SIM905
_QUESTION_WORDS = frozenset("whether if how what why when where while".split())  # noqa: SIM905
# "such as the ...", "as part of ...", "as well as ...": "as" that opens no clause.
_NOT_AS_CLAUSE = frozenset(
    """such well known served same much many far soon long so just part a an of if though to
    usual expected planned""".split()  # noqa: SIM905
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
_TO_OPENS = re.compile(r"to\s+[a-z]+\s")
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
_PREDICATE = re.compile(
    rf"(?P<comma>,)?\s+(?:and|but)\s+(?:(?P<adverb>{_ADVERB})\s+)?(?P<verb>[a-z]+)\s+(?P<next>[\w$£€]+)",
    re.IGNORECASE,
)
# "... to a former surgeon who was dismissed after raising concerns": a relative clause that runs
# to the sentence's end after a clause with its own verb.
_WHO = re.compile(rf"\s+(?=who\s+(?:{_ADVERB}\s+)?(?P<verb>[a-z]+)\s)")
# "said children who are driven ... often live further away": the noun right after a reporting
# verb or "that" is a reported clause's subject, and its relative no claim of its own.
_REPORTED_SUBJECT = re.compile(r"\b(?:said|says|say|told\s+\w+|that|because)\s+(?:[\w'’-]+\s+){0,2}[\w'’-]+$")
# "includes £900,000 for lost earnings and £500,000 in damages": a second amount of one verb.
_AND_AMOUNT = re.compile(r"\s+and\s+(?=(?:about\s+|nearly\s+|almost\s+|more\s+than\s+|another\s+)?[$£€]?\d)")
# "ended after three days when Skyline raised its offer to 6 percent": a dated event of its own.
_CLOCK = re.compile(r"\b\d{1,2}(?:[.:]\d{2})?\s?(?:a\.m\b\.?|p\.m\b\.?|am\b|pm\b)", re.IGNORECASE)
_WHEN = re.compile(r"(?<!,)\s+(?=when\s+\w)")
# "... was home to about 200 people before its residents were moved out in the 1950s", "... put up
# fences after two people had to be pulled from soft ground": a time clause with its own subject
# and verb is a dated event of its own.
_TIME_CLAUSE = re.compile(r"(?<!,)\s+(?=(?:before|after|until)\s+\w)")
_CLAUSE_OPENERS = frozenset(
    "when which who whom whose that because as while if and but or where so than".split()  # noqa: SIM905
)
_QUALIFYING_WORDS = frozenset("at least more than about nearly almost around roughly over some".split())  # noqa: SIM905
_SUBJECT_OPENERS = frozenset(
    """the a an its their his her our this that these those some many most all two three four five
    six seven eight nine ten he she it they we""".split()  # noqa: SIM905
)
_RELATIVE = re.compile(r",\s+(?=(?:which|where)\s+\w)")
# "the participants, who were aged between 40 and 75, ...": "who" after a common noun (after a
# name it is an attribution's: "Gail Ferris, who has run the café since 1998,").
_SET_OFF = re.compile(r",\s+(?=(?:which|where|(?P<whose>whose)|(?P<who>who))\s+\w|(?P<past>[a-z]{4,})\s+\w)")
# ", said Smith on Monday, ...": a reporting verb set off by commas is an aside, not a clause.
_REPORTING_PAST = frozenset(
    "said told added wrote noted stated explained warned argued claimed insisted".split()  # noqa: SIM905
)
_WORD = re.compile(r"[\w'’-]+")


def _is_past(word: str) -> bool:
    lowered = word.lower()
    return (len(lowered) >= 5 and lowered.endswith("ed")) or lowered in _IRREGULAR_PAST


def is_finite(word: str) -> bool:
    """A past form in lower case or an auxiliary: a predicate's first word."""
    return word.lower() in _AUXILIARIES or (word.islower() and _is_past(word))


def _opens_object(word: str) -> bool:
    """An object's first word: a determiner, a figure, or a number word ("runs four hospitals")."""
    return (
        word.lower() in _OBJECT_OPENERS
        or word[0] in "$£€"
        or word[0].isdigit()
        or (word.lower() not in ("one", "satu") and parse_number_words(word) is not None)
    )


def opens_clause(text: str, start: int, end: int) -> bool:
    """Whether ``text[start:end]`` reads as a clause: a verb as :func:`has_verb` reads one, or a
    plural subject and a base verb ("children ride free")."""
    if has_verb(text, start, end):
        return True
    words = _WORD.findall(text[start:end])[:2]
    return len(words) == 2 and _plural_subject(words[0]) and _base_verb(words[1])


def has_verb(text: str, start: int, end: int) -> bool:
    """Whether ``text[start:end]`` holds, after its first word, an auxiliary, a past form, or a
    present form in -s before its object ("The park covers 300 hectares")."""
    words = _WORD.findall(text[start:end])[1:]
    if any(is_finite(w) for w in words):
        return True
    return any(
        w.islower() and w.endswith("s") and not w.endswith("ss") and _opens_object(following)
        for w, following in pairwise(words)
    )


def _next_comma(text: str, start: int, end: int) -> int:
    """The first comma in ``text[start:end]`` that separates words (else ``end``); the comma of a
    figure ("96,000") separates nothing."""
    comma = text.find(",", start, end)
    while 0 < comma < len(text) - 1 and text[comma - 1].isdigit() and text[comma + 1].isdigit():
        comma = text.find(",", comma + 1, end)
    return end if comma < 0 else comma


def _as_opens_clause(text: str, before: int, after: int, end: int) -> bool:
    """Whether the "as" between ``before`` and ``after`` opens a clause with its own subject and
    verb: "as it shifts ...", "as the city's population grows", "as factories hired ..."."""
    previous = _WORD.findall(text[max(0, before - 20) : before])
    words = _WORD.findall(text[after:end])[:5]
    if not words or (previous and previous[-1].lower() in _NOT_AS_CLAUSE):
        return False
    if words[0].lower() in _NOT_AS_CLAUSE:
        return False
    if words[0] in _PRONOUN_SUBJECTS:
        return True
    if len(words) > 1 and _plural_subject(words[0]) and _base_verb(words[1]):
        return True  # "as families return after ...", "as prices rise"
    for index, word in enumerate(words[1:], 1):
        if is_finite(word):
            return True
        if word.endswith("s") and words[0] in ("the", "its", "their") and index <= 3:
            return True  # "as the company shifts"
        if word.lower() in _NOT_AS_CLAUSE:
            return False
    return False


def _plural_subject(word: str) -> bool:
    lowered = word.lower()
    if lowered in _PLURALS_WITHOUT_S:
        return True
    return word.islower() and lowered.endswith("s") and not lowered.endswith(("ss", "us", "is", "ous"))


def _base_verb(word: str) -> bool:
    """A word that can be the base form of a verb after a plural subject: lower-case, no -s,
    -ly or -ing ending, and not a function word ("as members of", "as students at")."""
    return (
        word.isalpha()
        and word.islower()
        and not word.endswith(("s", "ly", "ing"))
        and word not in _FUNCTION_WORDS
        and word not in _NOT_AS_CLAUSE
    )


def _singular_before(text: str, start: int, position: int) -> bool:
    """Whether the noun before "who" names one person ("a surgeon who was dismissed"), not a class
    of people ("people who have done nothing wrong", "those who ...") that the relative defines."""
    words = _WORD.findall(text[start:position])
    if not words:
        return False
    noun = words[-1].lower()
    # "every customer who has been affected", "any child who ...": a class, as a plural is
    if any(w.lower() in ("every", "each", "any", "no") for w in words[-3:-1]):
        return False
    return not (_plural_subject(noun) or noun in ("those", "anyone", "everyone", "someone", "all"))


def _past_names(text: str, comma: int, end: int) -> int:
    """The first comma at or after ``comma`` that does not open a name set off by commas
    ("which the airport's contractor, Skyline Services, made last month")."""
    while comma < end:
        close = _next_comma(text, comma + 1, end)
        words = text[comma + 1 : close].split()
        if close == end or not words or len(words) > 4 or not all(w[0].isupper() or w == "&" for w in words):
            return comma
        comma = _next_comma(text, close + 1, end)
    return comma


def _relative_to_end(text: str, position: int, end: int) -> bool:
    """Whether the relative clause whose verb ends at ``position`` holds no second verb group
    (an auxiliary after its own: "who were hurt will get ..." is the sentence's subject)."""
    words = _WORD.findall(text[position:end])
    return not any(w.lower() in _AUXILIARIES for w in words)


def _after_amount(text: str, position: int, end: int) -> tuple[str, str] | None:
    """The two words after a quantity that opens ``text[position:end]`` ("six seasons in" gives
    ("seasons", "in")), or None when no quantity (as the numbers module reads one) opens it."""
    found = find_numbers(text, "en", (), position, min(end, position + 40))
    if not found or found[0].start != position:
        return None
    words = _WORD.findall(text[found[0].end : end])[:2]
    return (words[0], words[1]) if len(words) == 2 else None


def _in_list(text: str, match: re.Match[str], end: int) -> bool:
    """Whether the word in -ing after a comma is an adjective in a list of things: "disturbance
    from walkers, rising sea levels that cover feeding grounds, and the draining of ..." (no
    object after the word, as "cutting about 1,800 jobs" has, and a comma and "and" after its
    phrase)."""
    close = _next_comma(text, match.end(), end)
    following = match.group("next")
    adjective = not _opens_object(following) and following.lower() not in _PRONOUN_SUBJECTS
    return adjective and re.match(r",\s+and\s+", text[close:end]) is not None


def _opens_past_clause(text: str, position: int, end: int) -> bool:
    """Whether the conjunction at ``position`` ("after", "before") opens a clause in the past: a
    subject (a determiner, a pronoun, a number, a name) and a past verb within its next six words,
    before any word opening another clause ("after three days when Skyline raised ..." is none)."""
    words = _WORD.findall(text[position:end])[1:10]
    while words and words[0].lower() in _QUALIFYING_WORDS:
        words = words[1:]  # "after at least 11 of their batteries caught fire"
    if not words:
        return False
    first = words[0]
    if not (first.lower() in _SUBJECT_OPENERS or first[0].isdigit() or first[0].isupper()):
        return False
    for word in words[1:7]:
        lowered = word.lower()
        if lowered in _CLAUSE_OPENERS:
            return False
        if lowered in ("was", "were", "had", "did") or (word.islower() and _is_past(word)):
            return True
        if lowered in _AUXILIARIES:
            return False  # "before the budget is set": a verb group in the present or future
    return False


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
    if verb.lower() in _AUXILIARIES:
        return None  # "and were paid": the general rule for auxiliaries cuts it
    if verb.lower() in _QUESTION_WORDS:
        return None  # "how the trees were managed and whether the train's speed was ...": no verb
    adverb = match.group("adverb") is not None
    opens_object = _opens_object(following)
    # ", a record, and expects to pass 10 million": after a comma, a verb in -s before "to"
    before_to = match.group("comma") is not None and verb.endswith("s") and following == "to"
    auxiliaries = [w.lower() for w in _WORD.findall(text[start : match.start()]) if w.lower() in _AUXILIARIES]
    modal = bool(auxiliaries) and auxiliaries[-1] in _MODALS
    # "to hire 300 more firefighters and buy four water-bombing aircraft": a clause opened by
    # "to" shares it with a second base verb as a modal does
    to_opened = _TO_OPENS.match(text, start, match.start()) is not None
    right_end = _next_comma(text, match.start("verb"), end)
    counted = bool(find_numbers(text, "en", (), match.start("verb"), right_end))
    base = not _is_past(verb) and not verb.endswith("s")
    # "will open on February 9 and run for six weeks": a base verb under the modal before it,
    # with a figure of its own
    shared_modal = (modal or to_opened) and base and counted and _base_verb(verb)
    looks_verb = (
        _is_past(verb)
        or shared_modal
        or (verb.islower() and ((adverb and verb.endswith("s")) or opens_object or before_to))
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
    for match in _WITH.finditer(text, start, end):
        close = _next_comma(text, match.end(), end)
        # ", with the ballot opening on Monday, March 2": a date is a figure too
        dated = any(match.end() <= s < close for s, _ in dates)
        if dated or re.search(r"\d", text[match.end() : close]):
            cuts.append((match.start(), match.start() + 1))  # ", with 300 jobs at risk"
    for match in _AMOUNT_TO.finditer(text, start, end):
        verb = match.group("verb")
        # "over three years to hire 300 more firefighters": after an amount in words, only an
        # infinitive with a figure of its own ("We have two years to win it back" stays whole)
        if match.group("word") and not find_numbers(
            text, "en", (), match.end(), _next_comma(text, match.end(), end)
        ):
            continue
        # "the crew took 11 minutes to raise the alarm": the time something takes is measured by
        # what it took, no purpose of its own
        taken = re.search(
            r"\b(?:take|takes|took|taken|taking)\s+(?:\w+\s+){0,2}$", text[start : match.start()]
        )
        if taken is not None:
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
    for match in _PREDICATE.finditer(text, start, end):
        cut = _predicate_cut(text, start, end, match)
        if cut is not None:
            cuts.append(cut)
    for match in _AFTER.finditer(text, start, end):
        following = _after_amount(text, match.end(), end)
        if following is not None and following[0].lower() in _TIME_NOUNS:
            cuts.append((match.start(), match.start() + 1))  # "in 2023 after six seasons in ..."
    for match in _COMMA.finditer(text, start, end):
        following = _after_amount(text, match.end(), end)
        # ", eight points outside the ...", ", about 8 percent of its workforce", ", 120 fewer than in
        # 2020", ", about 9 percent more than twelve months before"
        compared = following is not None and following[0].lower() in _MARGIN_WORDS and following[1] == "than"
        if following is not None and (
            following[1].lower() in _MARGIN_WORDS or following[0].lower() == "of" or compared
        ):
            cuts.append((match.start(), match.start() + 1))
    for match in _WHO.finditer(text, start, end):
        verb_end = match.end("verb")
        verb = match.group("verb")
        singular = _singular_before(text, start, match.start())
        # one person named, or people the relative gives a figure for, with a verb of the plural
        # ("a group of supporters who now own 60 percent of the shares")
        counted = not singular and _base_verb(verb) and bool(find_numbers(text, "en", (), verb_end, end))
        if (
            ((singular and is_finite(verb)) or counted)
            and _relative_to_end(text, verb_end, end)
            and has_verb(text, start, match.start())
            and _next_comma(text, match.end(), end) == end
            and not _REPORTED_SUBJECT.search(text, start, match.start())
        ):
            cuts.append((match.start(), match.start() + 1))
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
    for match in _WHEN.finditer(text, start, end):
        close = _next_comma(text, match.end(), end)
        # a figure (a year is none: "when a survey was carried out in 2009" dates the one before)
        # or a time of day ("when it struck the tree shortly before 7 a.m.")
        timed = find_numbers(text, "en", (), match.end(), close) or _CLOCK.search(text, match.end(), close)
        if timed and has_verb(text, match.end(), close):
            cuts.append((match.start(), match.start() + 1))  # "... after three days when X raised ..."
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
    for match in _TIME_CLAUSE.finditer(text, start, end):
        # four words at least before it: "The effect held after the researchers took account of
        # weight" is one finding
        left_words = len(text[start : match.start()].split())
        # ", almost three weeks after it first detected the breach": an amount of time opening its
        # phrase belongs to the clause ("sold in the last two years after ..." is cut as before)
        amounts = find_numbers(text, "en", (), max(start, match.start() - 30), match.start())
        if amounts and amounts[-1].end == match.start() and amounts[-1].unit == "duration":
            opening = text[start : amounts[-1].start].rstrip()
            if not opening or opening.endswith(","):
                continue
        # "... for several minutes before the ship's drencher system was switched on": a time
        # clause with no figure, date or time of its own says when the first thing happened
        clause = text[match.end() : end]
        factless = (
            not find_numbers(text, "en", (), match.end(), end)
            and re.search(r"\d", clause) is None  # "in the 23rd minute"
            and not any(match.end() <= s < end for s, _ in dates)
            and not find_vague_times(clause)
        )
        if (
            left_words >= 4
            and not factless
            and _opens_past_clause(text, match.end(), end)
            and has_verb(text, start, match.start())
        ):
            cuts.append((match.start(), match.start() + 1))
    for match in _RELATIVE.finditer(text, start, end):
        if _past_names(text, _next_comma(text, match.end(), end), end) == end:
            cuts.append((match.start(), match.start() + 1))
    return cuts


def embedded_relatives(
    text: str, start: int, end: int, times: Sequence[tuple[int, int]]
) -> list[tuple[int, int]]:
    """Clauses set off by commas inside ``text[start:end]`` that carry a figure or a time (a
    date's or a vague time's span in ``times``), each a claim of its own: relative ("The plant,
    which opened in 1968, supplied ...") or participial ("The report, published on Monday, found
    ...")."""
    found: list[tuple[int, int]] = []
    for match in _SET_OFF.finditer(text, start, end):
        past = match.group("past")
        if past is not None and (not _is_past(past) or past in _REPORTING_PAST):
            continue
        if match.group("who") is not None:
            before = _WORD.findall(text[max(start, match.start() - 30) : match.start()])
            if not before or not before[-1].islower():
                continue
        close = _next_comma(text, match.end(), end)
        if close == end or len(text[close:end].split()) < 3:
            continue
        figure = re.search(r"\d", text[match.end() : close]) is not None
        # "The study, which was funded by the National Diabetes Trust, appears ...": a relative
        # naming someone (a name of two capitalised words) states who did what
        named = match.group("past") is None and re.search(
            r"\b[A-Z][\w'’-]+\s+[A-Z][\w'’-]+", text[match.end() : close]
        )
        # "The company, whose headquarters are in Tarlow, employs ...": a fact of its own always
        if match.group("who") is not None:
            # "who" only with a quantity (a year is none): "The mayor, who has lived in the town
            # since 1998, spoke ..." stays one claim
            if find_numbers(text, "en", (), match.end(), close):
                found.append((match.end(), close))
            continue
        if figure or named or match.group("whose") or any(match.end() <= s and e <= close for s, e in times):
            found.append((match.end(), close))
    return found
