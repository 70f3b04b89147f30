"""A passage prepared once for scoring against many claims: its words and their keys, its lowercase text,
and (on first use) its numbers and dates.
"""

from __future__ import annotations

from dataclasses import dataclass

from workbench.language.tokens import Token, iter_tokens, tokenize
from workbench.matching.quantities import CalendarDate, Quantity, extract_dates, extract_quantities
from workbench.matching.terms import passage_keys


def lower_same_length(text: str) -> str:
    """Lowercase ``text`` without changing its length (characters whose lowercase is longer stay)."""
    lowered = text.lower()
    if len(lowered) == len(text):
        return lowered
    return "".join(low if len(low := char.lower()) == 1 else char for char in text)


@dataclass(slots=True)
class PreparedPassage:
    text: str
    lowered: str
    tokens: list[Token]
    keys: list[str]
    key_set: frozenset[str]
    loan_set: frozenset[str]
    lang: str
    _quantities: list[Quantity] | None = None
    _dates: list[CalendarDate] | None = None
    # The passage's content words (stopwords out) in text order with their IDF, and the sum of
    # those IDFs: what the precision half of an overlap divides by. Set by PassageIndex.passage,
    # once per passage instead of once per claim and passage.
    content_weights: tuple[tuple[str, float], ...] = ()
    content_total: float = 1.0

    @property
    def quantities(self) -> list[Quantity]:
        # Parsed only for claims that carry numbers: most of a large archive never needs it.
        if self._quantities is None:
            self._quantities = extract_quantities(self.text, self.lang)
        return self._quantities

    @property
    def dates(self) -> list[CalendarDate]:
        if self._dates is None:
            self._dates = extract_dates(self.text, self.lang)
        return self._dates


def prepare_passage(text: str, lang: str) -> PreparedPassage:
    """A passage's words, their keys (lexicon form and loanword spelling) and its lowercase text."""
    tokens = tokenize(text)
    keys, loans = [], set()
    for token in tokens:
        key, loan = passage_keys(token)
        keys.append(key)
        if loan:
            loans.add(loan)
    return PreparedPassage(
        text,
        lower_same_length(text),
        tokens,
        keys,
        frozenset(keys),
        frozenset(loans),
        lang,
    )


def document_keys(text: str) -> set[str]:
    """The keys a passage is counted under for IDF: the same as :func:`prepare_passage` gives, faster."""
    keys = set()
    for token in iter_tokens(text):
        key, loan = passage_keys(token)
        keys.add(key)
        if loan:
            keys.add(loan)
    return keys
