"""Which spans of an article tie a person to a role or a description: the attribution forms.

"Presiden Microsoft, Brad Smith", "Microsoft President Brad Smith", "Jane Roe, the agency's
director,", "Omar Haddad, who chairs the culture committee", "A local teacher, Dana Price,",
"Maureen Okafor, 67,": :func:`find_attributions` finds them in order without overlaps, and
:func:`find_titled_names` the names written after a title ("Dr Imogen Farrah").
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from workbench.claims.roles import CAP, NAME, ROLE, ROLE_MODIFIER, ROLE_RE
from workbench.claims.spans import TakenSpans
from workbench.language.abbreviations import is_abbreviation

# "Presiden Microsoft, Brad Smith" / "Microsoft President Brad Smith" / "Jane Roe, the agency's director,"
# "Fellbrook's operations director, Martin Osei", "the group's research director, Malik Osei-Brandt":
# the owner of the role, and up to two words
# narrowing it, belong to the attribution's span (the role alone is what "the director" resolves by).
_ROLE_OWNER = (
    rf"(?:(?:[Tt]he\s+[a-z][\w-]*['’]s|(?:[Tt]he\s+)?{CAP}['’]s?|Its|Their|His|Her|Our)\s+"
    rf"(?:[a-z][\w-]*\s+){{0,2}}?)?"
)
_ROLE_COMMA_NAME = re.compile(
    # "Its director of science, Dr Felicity Harrow": a lower-case word after "of" narrows the role
    rf"(?P<owner>{_ROLE_OWNER})(?P<role>(?i:{ROLE})(?:\s+(?:{CAP}|\d+|of|dari|the|(?<=\bof\s)[a-z][\w-]*))*)"
    rf"\s*,\s*(?P<name>{NAME})(?![\w'’-])"
)
_ROLE_NAME = re.compile(
    rf"(?P<role>(?:(?:{CAP}|{ROLE_MODIFIER})\s+){{0,3}}(?i:{ROLE}))\s+(?P<rest>{CAP}(?:\s+{CAP}){{1,3}})\b"
)
_OF_BODY = re.compile(rf"\s+of\s+(?:the\s+)?{CAP}(?:\s+(?:of\s+(?:the\s+)?|and\s+|&\s+)?{CAP}){{0,5}}")
_NAME_COMMA_ROLE = re.compile(
    rf"(?P<name>{NAME}),\s+(?P<role>(?:the\s+|an?\s+|sang\s+)?(?:[\w-]+['’]s\s+)?(?:[\w-]+\s+){{0,2}}?"
    # "regional secretary of the Allied Health and Care Union": a body's name may run longer
    rf"(?i:{ROLE})(?:\s+of\s+(?:the\s+)?{CAP}(?:\s+(?:and\s+|&\s+)?{CAP}){{0,5}}|(?:\s+[\w'’-]+){{0,6}}?))"
    r"(?=\s*[,.;)]|\s+(?:said|says|told|mengatakan|menyatakan)\b)"
)
# "Omar Haddad, who chairs the culture committee" / "Budi, yang menjabat kepala desa"
_NAME_WHO_ROLE = re.compile(
    rf"(?P<name>{NAME}),\s+(?P<role>(?:who|yang)\s+(?:chairs|heads|leads|runs|directs|manages|founded|"
    r"co-founded|owns|owned|ran|led|headed|chaired|directed|managed|(?:has|had)\s+(?:run|led|headed|chaired|managed|owned|directed)|"
    r"serves\s+as|speaks\s+(?:on|for)|took\s+up\s+the\s+(?:post|role|job)|is|was|menjabat(?:\s+sebagai)?|memimpin|mengepalai|merupakan|adalah)\s+[^,.;:]+)"
)
# "Holt, who founded the company in 2004, added": a surname opening a sentence with its relative.
_SURNAME_WHO = re.compile(
    rf"(?P<name>{CAP}),\s+(?P<role>who\s+(?:founded|co-founded|runs|ran|leads|led|chairs|heads|owns|owned|took\s+over|joined|"
    r"(?:has|had)\s+(?:run|led|headed|chaired|owned))\s+[^,.;:]+)"
)
# "Seorang orang tua murid, Yuliana," / "A local teacher, Dana Price,": a described person.
_DESCRIBED_NAME = re.compile(
    rf"(?P<role>\b(?:[Ss]eorang|[Ss]alah\s+seorang|[Aa]n?|[Oo]ne)\s+(?:[\w-]+\s+){{0,4}}[\w-]+),\s+"
    rf"(?P<name>{CAP}(?:\s+{CAP}){{0,2}})(?=,)"
)
# "The auditors, Greyfield & Moss, said", "from the regulator, the Water Standards Office, which
# ...", "Voltra's parent company, Brennan Mobility,": a body named beside what it is, the name closed by a comma or the sentence's end.
# A single word closed by a comma is as often a place ("The drowned village, Skelder, was ..."):
# only a name of two words or more, or one before a reporting verb.
_NOT_ROLE_WORDS = r"(?!(?:after|before|when|while|in|on|at|with|for|from|by|to|and|or|but|as)\b)"
_NAMED_BODY = re.compile(
    rf"(?P<role>(?:\b[Tt]he\s+|\b{CAP}['’]s\s+)(?:{_NOT_ROLE_WORDS}[\w'’-]+\s+){{0,3}}[a-z][\w-]+),\s+"
    rf"(?P<name>(?:the\s+)?{CAP}(?:\s+(?:&\s+|and\s+)?{CAP}){{1,3}}(?=\s*[,.;]|\s*$)|"
    rf"{CAP}(?:\s+(?:&\s+|and\s+)?{CAP}){{0,3}}(?=,\s+(?:said|says|told|added|wrote)\b))"
)
# "Dr Imogen Farrah": a title before a name marks a person, whom "Farrah said" then points to.
_TITLED_NAME = re.compile(rf"\b(?:Dr|Mr|Mrs|Ms|Miss|Prof|Sir|Dame)\.?\s+(?P<name>{CAP}(?:\s+{CAP}){{1,2}})\b")
_SAID_NAME_DESCRIBED = re.compile(
    rf"\b(?:said|says|added|wrote)\s+(?P<name>{NAME}),\s+(?P<role>(?:an?|the)\s+[^,.;:\"“”]{{3,80}}?)(?=\.?\s*$|\.\s)",
    re.MULTILINE,
)
_NAME_AGE = re.compile(
    rf"(?:^|(?<=[.!?]\s)|(?<=[.!?][\"”]\s))(?P<name>{NAME}),\s+\d{{1,3}}(?=,)", re.MULTILINE
)
# "Manager Dave Rooke, 47,": an age set beside a name belongs to the attribution.
_AGE = re.compile(r",\s+\d{1,3}(?=,)")
# "Mr Patel, a gardener for 30 years, said": an appositive before a reporting verb describes
# the speaker whatever the noun.
# "Professor Ken Adebayo, an epidemiologist at Holm University who was not involved, called it
# ...": the appositive runs to its comma (a relative with it), before any verb in the past.
_NAME_APPOSITIVE = re.compile(
    rf"(?P<name>{NAME}),\s+(?P<role>(?:an?|the)\s+[^,.;:\"“”]{{3,90}}?)"
    r"(?=,\s+(?:said|says|told|added|wrote|warned|argued|called|[a-z]{3,}ed)\b)"
)
# "Among those households is Samir Kettering, a bus mechanic who has rented the same flat ...": an
# appositive before the relative that goes on describing him (with no reporting verb after it)
_NAME_APPOSITIVE_WHO = re.compile(
    rf"(?P<name>{NAME}),\s+(?P<role>(?:an?|the)\s+[^,.;:\"“”]{{3,60}}?)(?=\s+who\s)"
)
IS_ROLE_RE = re.compile(
    rf"^(?P<name>{NAME})\s+(?:adalah|merupakan|menjabat(?:\s+sebagai)?|is|was|serves\s+as|has\s+been)\s+"
    rf"(?:the\s+|an?\s+)?(?:[\w'’-]+\s+){{0,3}}?(?i:{ROLE})\b"
)


@dataclass(frozen=True, slots=True)
class Attribution:
    """A span tying a person to a role; ``start``/``end`` index the whole text."""

    start: int
    end: int
    name: str
    role: str


def find_attributions(text: str, start: int, end: int) -> list[Attribution]:
    """Role attributions in ``text[start:end]``, in order, not overlapping."""
    found: list[Attribution] = []
    taken = TakenSpans()  # the spans of ``found``: a later form may not overlap an earlier one

    def keep(attribution: Attribution) -> None:
        found.append(attribution)
        taken.add(attribution.start, attribution.end)

    for match in _ROLE_COMMA_NAME.finditer(text, start, end):
        keep(Attribution(match.start(), match.end(), match.group("name"), match.group("role")))
    for match in _NAME_COMMA_ROLE.finditer(text, start, end):
        name = _drop_sentence_openers(match.group("name"))
        if name.count(" ") >= 1 and not taken.overlaps(match.start(), match.end()):
            name_start = match.start("name") + len(match.group("name")) - len(name)
            keep(Attribution(name_start, match.end("role"), name, match.group("role")))
    for match in _ROLE_NAME.finditer(text, start, end):
        rest, rest_end = _within_sentence(text, match.start("rest"), match.end())
        if len(rest) < 2:
            continue
        name = " ".join(rest[-2:])
        role = " ".join([match.group("role"), *rest[:-2]])
        # "Judge Mirela Santangelo of the Eastern District Environmental Court": the body the
        # person belongs to is part of the attribution
        body = _OF_BODY.match(text, rest_end, end)
        if body is not None:
            rest_end = body.end()
        if not taken.overlaps(match.start(), rest_end) and not ROLE_RE.search(name):
            keep(Attribution(match.start(), rest_end, name, role))
    # "Town councillor Omar Haddad, who chairs the culture committee": two attributions that
    # share the name, so these may overlap the ones above.
    spans = {(a.start, a.end) for a in found}
    for match in _NAME_APPOSITIVE.finditer(text, start, end):
        name = _drop_sentence_openers(match.group("name"))
        name_start = match.start("name") + len(match.group("name")) - len(name)
        if not taken.overlaps(name_start, match.end()):
            keep(Attribution(name_start, match.end(), name, match.group("role")))
            continue
        # "Professor Ken Adebayo" found as a role and a name: the appositive joins it
        for index, earlier in enumerate(found):
            if earlier.end == match.end("name") and earlier.start <= name_start:
                found[index] = Attribution(earlier.start, match.end(), earlier.name, earlier.role)
                taken.add(earlier.start, match.end())
    for match in _NAME_APPOSITIVE_WHO.finditer(text, start, end):
        name = _drop_sentence_openers(match.group("name"))
        name_start = match.start("name") + len(match.group("name")) - len(name)
        if not taken.overlaps(name_start, match.end()):
            keep(Attribution(name_start, match.end(), name, match.group("role")))
    for pattern in (_NAME_WHO_ROLE, _DESCRIBED_NAME, _NAMED_BODY):
        for match in pattern.finditer(text, start, end):
            name_start = match.start("name") if pattern is _NAME_WHO_ROLE else match.start()
            if pattern is _NAMED_BODY and taken.overlaps(name_start, match.end()):
                continue  # "Town's captain, Leon Varga" is a role's attribution already
            if (name_start, match.end()) not in spans:
                name = match.group("name")
                if pattern is _NAME_WHO_ROLE:
                    name = _without_role_words(name)
                found.append(Attribution(name_start, match.end(), name, match.group("role")))
    for match in _SURNAME_WHO.finditer(text, start, end):
        before = text[start : match.start()].rstrip()
        if (not before or before[-1] in '.!?"”') and not taken.overlaps(match.start(), match.end()):
            found.append(Attribution(match.start(), match.end(), match.group("name"), match.group("role")))
    # '," said Amira Follett, a second-year music student.': a speaker described at the end of
    # the attribution after a quotation
    for match in _SAID_NAME_DESCRIBED.finditer(text, start, end):
        if not taken.overlaps(match.start("name"), match.end()):
            keep(
                Attribution(match.start("name"), match.end("role"), match.group("name"), match.group("role"))
            )
    # "Maureen Okafor, 67, has been living ...": a person named with an age and no role
    for match in _NAME_AGE.finditer(text, start, end):
        name = _drop_sentence_openers(match.group("name"))
        name_start = match.start("name") + len(match.group("name")) - len(name)
        if not taken.overlaps(name_start, match.end()) and not any(a.end == match.end("name") for a in found):
            found.append(Attribution(name_start, match.end("name"), name, ""))
    found.sort(key=lambda a: a.start)
    return [_with_age(text, _without_full_stop(a), end) for a in found]


def _within_sentence(text: str, start: int, end: int) -> tuple[list[str], int]:
    """The words of the name ``text[start:end]`` up to a full stop that ends a sentence
    ("spokeswoman Harriet Quayle. Delacourt has offered ..." names Harriet Quayle; an initial,
    "J.", and an abbreviation, "Corp.", keep theirs), and where they end."""
    words = list(re.finditer(r"\S+", text[start:end]))
    for index, word in enumerate(words):
        written = word.group(0)
        if (
            written.endswith(".")
            and index + 1 < len(words)
            and not (len(written) == 2 and written[0].isupper())
            and not is_abbreviation(written[:-1])
        ):
            kept = [w.group(0) for w in words[:index]] + [word.group(0)[:-1]]
            return kept, start + word.end() - 1
    return [w.group(0) for w in words], end


_TITLES = frozenset("dr dr. mr mr. mrs mrs. ms ms. prof prof. professor sir dame".split())  # noqa: SIM905


def _without_full_stop(attribution: Attribution) -> Attribution:
    """A name closing its sentence leaves the full stop out ("director, Malik Osei-Brandt."); an
    initial keeps its own ("Jon Hale Jr."). A title is no part of the name ("Dr Amara Quist, who
    led the research" names Amara Quist, as "Dr Amara Quist" alone does)."""
    name, end = attribution.name, attribution.end
    last = name.split()[-1] if name.split() else ""
    if name.endswith(".") and len(last) > 3:
        name, end = name[:-1], end - 1
    words = name.split()
    if len(words) > 2 and words[0].lower() in _TITLES:
        name = " ".join(words[1:])
    if (name, end) == (attribution.name, attribution.end):
        return attribution
    return Attribution(attribution.start, end, name, attribution.role)


def _with_age(text: str, attribution: Attribution, end: int) -> Attribution:
    age = _AGE.match(text, attribution.end, end)
    if age is None:
        return attribution
    return Attribution(attribution.start, age.end(), attribution.name, attribution.role)


def find_titled_names(text: str, start: int, end: int) -> list[str]:
    """Full names written after a title ("Dr Imogen Farrah" gives "Imogen Farrah"), in order."""
    return [m.group("name") for m in _TITLED_NAME.finditer(text, start, end)]


def _drop_sentence_openers(name: str) -> str:
    words = name.split()
    while len(words) > 2 and words[0].lower() in {"meanwhile", "but", "and", "however", "the", "then"}:
        words.pop(0)
    return " ".join(words)


def _without_role_words(name: str) -> str:
    """ "Vice-chancellor Professor Adaeze Whitcombe" names Adaeze Whitcombe: a role or a title
    before the name is no part of it."""
    words = name.split()
    while len(words) > 2 and (
        words[0].lower() in _TITLES or words[0].lower().startswith("vice-") or ROLE_RE.fullmatch(words[0])
    ):
        words.pop(0)
    return " ".join(words)
