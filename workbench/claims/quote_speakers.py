"""Who said each quotation of a paragraph, and which attributions around it are no claims.

Decides which quoted spans are speech (:func:`is_speech`), resolves each one's speaker from the
attribution after or before it, the paragraph that continues an open quotation, or the person
last named (:func:`quote_speakers`), and tells an aside that only says who spoke and when
(:func:`says_when`). Pure, like the extractor that calls it.
"""

from __future__ import annotations

import re
from bisect import bisect_left

from workbench.claims.attributions import find_attributions
from workbench.claims.decompose import TRIM_CHARS
from workbench.claims.people import PeopleIndex
from workbench.claims.segment import Line, QuoteRegion, find_quotes, split_sentences, trim
from workbench.claims.speakers import (
    opening_person,
    reporting_person,
    speaker_after,
    speaker_before,
)

# '," Pryor said on Wednesday.': the speaker (no figure of their own) and a reporting verb whose
# date or place only says when or where the words above were said, with no clause after a comma.
# A time set beside the day restates it ("Kerr said on Tuesday, the day before the report was
# published").
# The speaker may be described between commas, before the verb or after the name ('," said
# Declan Ferris, the association's president, on Tuesday'): the description is a claim of its own.
_DESCRIBED = r",\s+(?:the|an?|its|their|his|her)\s[^,\d]*,"
_SAYS_WHEN = re.compile(
    rf"[^,\d]*?(?:{_DESCRIBED})?\s*\b(?:said|says|told|added|wrote|announced)\b[^,]*(?:{_DESCRIBED}[^,]*)?"
    r"(?:,\s+(?:the|a)\s+(?:day|week|morning|evening|night)\s+(?:before|after)\s[^,]*)?"
)


def says_when(text: str, start: int, end: int) -> bool:
    """Whether an aside after a quotation only says who said it and when or where: no claim,
    whatever its date ("Pryor said on Wednesday", "said Chief Fire Officer Tomasz Wendell on
    Wednesday"); "said Ellen Okoro, who took over the club in January" keeps its relative."""
    before = text[:start].rstrip()
    if not before.endswith(('"', "”")):
        return False
    start, end = trim(text, start, end, TRIM_CHARS)
    return _SAYS_WHEN.fullmatch(text, start, end) is not None


def quote_speakers(
    text: str,
    people: PeopleIndex,
    english: bool,
    line_start: int,
    regions: list[QuoteRegion],
    sentences: list[tuple[int, int]],
    lookahead: Line | None = None,
) -> tuple[list[str | None], list[tuple[int, int]]]:
    """Each speech quotation's speaker, and the spans of the attributions naming them. Who spoke
    last is kept in ``people.last_speaker`` from one paragraph to the next; ``english`` adds the
    English rules (a speaker described before the reporting verb, a full name opening narration)."""
    speakers: list[str | None] = []
    asides: list[tuple[int, int]] = []
    sentence_ends = [end for _, end in sentences]
    previous_end = line_start
    for region in regions:
        # A person introduced between two quotations is who "He said:" points to.
        introduced = find_attributions(text, previous_end, max(previous_end, region.start - 1))
        reporting = _narrated_person(text, people, english, previous_end, max(previous_end, region.start - 1))
        if introduced:
            people.last_speaker = introduced[-1].name
        elif reporting is not None:
            people.last_speaker = reporting  # "Osei said ... . "...," he said."
        previous_end = region.end
        who: str | None = None
        if region.closed:
            index = _sentence_of(sentence_ends, region.end)
            sentence_end = sentences[index][1]
            after_start = region.end + 1
            if trim(text, after_start, sentence_end, TRIM_CHARS)[0] >= sentence_end and index + 1 < len(
                sentences
            ):
                after_start, sentence_end = sentences[index + 1]  # "...," she said. / "..." Smith said.
                if len(text[after_start:sentence_end].split()) > 10:
                    sentence_end = after_start
            found = speaker_after(text, after_start, sentence_end)
            if found is not None:
                who = people.resolve(found[0])
                asides.append((found[1], sentence_end))
        if who is None:
            sentence_start = sentences[_sentence_of(sentence_ends, region.start)][0]
            if sentence_start < region.start - 1:
                phrase = speaker_before(text, sentence_start, region.start - 1)
                aside_start = sentence_start
                if phrase is None and english:
                    described = _described_speaker(text, sentence_start, region.start - 1)
                    if described is not None:
                        # what is said of the speaker before the verb is narration of its own
                        phrase, aside_start = described
                if phrase is not None:
                    who = people.resolve(phrase)
                    asides.append((aside_start, region.start - 1))
        if who is None and not region.closed and lookahead is not None:
            who = _speaker_of_continued_quote(text, people, lookahead)
        if who is None:
            who = people.last_speaker
        people.last_speaker = who
        speakers.append(who)
    if sentences:
        # "Oduya-Marsh said she expected ...": narration after the last quotation (or in a line
        # without one) names whom the next "she said" points to
        reporting = _narrated_person(text, people, english, previous_end, sentences[-1][1])
        if reporting is not None:
            people.last_speaker = reporting
    return speakers, asides


# "..., which represents about 3,900 of the trust's 9,400 staff, said nurses were being": the
# reporting verb after the speaker's description and its comma.
_SAYS_AFTER_COMMA = re.compile(r",\s+(?:said|says|told|added|argued|warned|insisted)\s")


def _described_speaker(text: str, start: int, end: int) -> tuple[str, int] | None:
    """The speaker of a quotation that completes a reported clause opened by a person and what
    they are ('Dr Helena Oduya-Marsh, the trust's chief executive, said the figures were "..."'):
    the name of the attribution opening the sentence, when a reporting verb follows it after a
    comma; and where the reporting verb begins."""
    start = trim(text, start, end, TRIM_CHARS)[0]
    opening = [a for a in find_attributions(text, start, end) if a.start == start]
    if not opening:
        return None
    says = _SAYS_AFTER_COMMA.search(text, opening[0].end - 1, end)
    return (opening[0].name, says.start() + 1) if says is not None else None


def _narrated_person(text: str, people: PeopleIndex, english: bool, start: int, end: int) -> str | None:
    """Whom a later "he said" points to after the narration ``text[start:end]``: the known person
    opening its last sentence with a reporting verb ("Osei said ..."), else, in English, the
    person whose full name opens it ("Maureen Okafor, 67, has been living ...")."""
    reporting = reporting_person(people, text, start, end)
    if reporting is None and english:
        opening = opening_person(text, start, end)
        reporting = people.resolve(opening) if opening is not None else None
    return reporting


def _speaker_of_continued_quote(text: str, people: PeopleIndex, line: Line) -> str | None:
    """A quotation left open at a paragraph's end continues in the next paragraph, whose
    closing attribution names the speaker of both."""
    regions = find_quotes(text, line.content_start, line.end)
    if not regions or not regions[0].closed or regions[0].start > line.content_start + 1:
        return None
    sentences = split_sentences(text, line.content_start, line.end)
    sentence_end = sentences[_sentence_of([e for _, e in sentences], regions[0].end)][1]
    found = speaker_after(text, regions[0].end + 1, sentence_end)
    return people.resolve(found[0]) if found is not None else None


def _sentence_of(sentence_ends: list[int], position: int) -> int:
    """The first sentence ending at or after ``position`` (else the last); ends are in order."""
    return min(bisect_left(sentence_ends, position), len(sentence_ends) - 1)


def is_speech(text: str, region: QuoteRegion) -> bool:
    """A quotation of four words or more is speech; shorter ones are scare quotes or titles
    and stay part of the narration around them."""
    return not region.closed or len(text[region.start : region.end].split()) >= 4
