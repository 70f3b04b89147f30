"""What reads as a verb, a subject or an object in an English clause, without a parser.

The word tests every English clause rule shares: a finite verb (:func:`is_finite`), a verb after
a clause's first word (:func:`has_verb`), a clause opened by a plural subject and a base verb
(:func:`opens_clause`), an object's first word, and the next comma that separates words.
"""

from __future__ import annotations

import re
from itertools import pairwise

from workbench.language.numbers import parse_number_words

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
AUXILIARIES = frozenset(
    """is are was were has have had will would can could did does do may might must should
    shall""".split()  # noqa: SIM905
)
ADVERB = r"(?:now|then|later|also|still|since|soon|recently|quickly|eventually|finally|\w+ly)"
# Words that, right after a verb, open its object: "and employs 32 teachers", "and cut the fee".
_OBJECT_OPENERS = frozenset(
    """the a an its their his her our this that these those some all more about nearly almost
    around roughly""".split()  # noqa: SIM905
)
PRONOUN_SUBJECTS = frozenset(["it", "they", "he", "she", "we"])
_PLURALS_WITHOUT_S = frozenset(["people", "children", "men", "women", "staff", "police"])
# Words after a plural noun that show no verb follows it: "as members of", "as fans who".
_FUNCTION_WORDS = frozenset(
    """of in on at to for from with by into onto over under about after before between among
    and or but nor who which that whose whom than like the a an this these those its their his
    her our your my not no""".split()  # noqa: SIM905
)
MODALS = frozenset("will would can could may might must should shall".split())  # noqa: SIM905
# "such as the ...", "as part of ...", "as well as ...": "as" that opens no clause.
NOT_AS_CLAUSE = frozenset(
    """such well known served same much many far soon long so just part a an of if though to
    usual expected planned""".split()  # noqa: SIM905
)
WORD = re.compile(r"[\w'’-]+")


def is_past(word: str) -> bool:
    lowered = word.lower()
    return (len(lowered) >= 5 and lowered.endswith("ed")) or lowered in _IRREGULAR_PAST


def is_finite(word: str) -> bool:
    """A past form in lower case or an auxiliary: a predicate's first word."""
    return word.lower() in AUXILIARIES or (word.islower() and is_past(word))


def opens_object(word: str) -> bool:
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
    words = WORD.findall(text[start:end])[:2]
    return len(words) == 2 and plural_subject(words[0]) and base_verb(words[1])


def has_verb(text: str, start: int, end: int) -> bool:
    """Whether ``text[start:end]`` holds, after its first word, an auxiliary, a past form, or a
    present form in -s before its object ("The park covers 300 hectares")."""
    words = WORD.findall(text[start:end])[1:]
    if any(is_finite(w) for w in words):
        return True
    return any(
        w.islower() and w.endswith("s") and not w.endswith("ss") and opens_object(following)
        for w, following in pairwise(words)
    )


def next_comma(text: str, start: int, end: int) -> int:
    """The first comma in ``text[start:end]`` that separates words (else ``end``); the comma of a
    figure ("96,000") separates nothing."""
    comma = text.find(",", start, end)
    while 0 < comma < len(text) - 1 and text[comma - 1].isdigit() and text[comma + 1].isdigit():
        comma = text.find(",", comma + 1, end)
    return end if comma < 0 else comma


def plural_subject(word: str) -> bool:
    lowered = word.lower()
    if lowered in _PLURALS_WITHOUT_S:
        return True
    return word.islower() and lowered.endswith("s") and not lowered.endswith(("ss", "us", "is", "ous"))


def base_verb(word: str) -> bool:
    """A word that can be the base form of a verb after a plural subject: lower-case, no -s,
    -ly or -ing ending, and not a function word ("as members of", "as students at")."""
    return (
        word.isalpha()
        and word.islower()
        and not word.endswith(("s", "ly", "ing"))
        and word not in _FUNCTION_WORDS
        and word not in NOT_AS_CLAUSE
    )
