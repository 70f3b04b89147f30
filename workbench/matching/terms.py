"""The words a claim and a passage are compared on: per claim word, the English stems it may match.

An English word matches by its stem (the Porter2 stem of its lemma, so "stolen" meets "steal" and
"children" "child"); an Indonesian word by the stems of its lexicon translations, by
itself (names and acronyms cross languages unchanged) and, more weakly, by a "loan" key that lets
"organisasi" meet "organization" and "komputer" meet "computer". A number matches by its value,
each text read in its own language's notation: Indonesian "1.500" and "12 ribu" meet English
"1,500" and "12,000"; "1,5" meets "1.5".
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from workbench.language.lexicon import english_synonyms, translate_units
from workbench.language.numbers import FoundNumber, find_numbers, parse_digits
from workbench.language.stemming import stem_english_lemma
from workbench.language.tokens import ENGLISH_STOPWORDS, INDONESIAN_STOPWORDS, Token, tokenize

_LOAN_PREFIX = 5
_DIGITS = re.compile(r"\d+(?:[.,]\d+)*")


@lru_cache(maxsize=65536)
def loan_key(key: str) -> str | None:
    """A spelling-neutral prefix shared by many Indonesian loanwords and their English sources."""
    if len(key) < _LOAN_PREFIX + 1 or not key.isalpha():
        return None
    folded = key.replace("ch", "c").replace("ph", "f").replace("k", "c").replace("y", "i")
    return "~" + folded[:_LOAN_PREFIX]


@dataclass(frozen=True, slots=True)
class ClaimTerm:
    """One claim word (or lexicon phrase): the passage keys that count as its match."""

    surface: str
    keys: frozenset[str]
    loans: frozenset[str]
    is_name: bool = False
    is_number: bool = False
    related: frozenset[str] = frozenset()  # synonyms' stems: a weaker match


def value_key(value: float) -> str:
    """The key of a number's value, whatever its notation: ``"#1500"``, ``"#1.5"``."""
    return "#" + f"{value:.6f}".rstrip("0").rstrip(".")


def digits_key(token: Token, lang: str) -> str | None:
    """The value key of a token of digits and separators, read in ``lang``'s notation
    (:func:`~workbench.language.numbers.parse_digits`); None for any other token."""
    if not _DIGITS.fullmatch(token.surface):
        return None
    return value_key(parse_digits(token.surface, lang))


def passage_keys(token: Token) -> tuple[str, str | None]:
    """The key a passage word is indexed by (its English stem, through its lemma; a stopword stays
    whole, so the stopword list still knows it: Porter2 makes "because" "becaus"; a number its value,
    passages being English) and its loan key."""
    key = token.key if token.key in ENGLISH_STOPWORDS else stem_english_lemma(token.key)
    return digits_key(token, "en") or key, loan_key(token.key)


def english_claim_terms(text: str) -> list[ClaimTerm]:
    """Content words of an English text, with their stems."""
    terms = []
    tokens = tokenize(text)
    for position, token in enumerate(tokens):
        if token.key in ENGLISH_STOPWORDS:
            continue
        is_name = _looks_like_name(token, position)
        # a name has no synonyms: "Ukraine" is not "Ukrainian", "Apple" not a fruit's synonyms
        related = () if is_name else english_synonyms(token.key)
        terms.append(
            ClaimTerm(
                token.surface,
                frozenset({digits_key(token, "en") or stem_english_lemma(token.key)}),
                frozenset(),
                is_name=is_name,
                is_number=token.is_number,
                related=frozenset(stem_english_lemma(word) for word in related),
            )
        )
    return terms


def indonesian_claim_terms(text: str) -> list[ClaimTerm]:
    """Content words and phrases of an Indonesian text, with the English stems they may match."""
    terms = []
    position = 0
    numbers = find_numbers(text, "id")
    for unit in translate_units(text):
        first = unit.tokens[0]
        single_stopword = len(unit.tokens) == 1 and first.key in INDONESIAN_STOPWORDS
        english = {word for phrase in unit.english for word in phrase.lower().split()}
        content = {stem_english_lemma(word) for word in english if word not in ENGLISH_STOPWORDS}
        if single_stopword or (unit.english and not content and not first.is_number):
            position += len(unit.tokens)
            continue
        own = {stem_english_lemma(token.key) for token in unit.tokens} | {token.key for token in unit.tokens}
        own |= _number_keys(unit.tokens, numbers)
        loans = {loan for token in unit.tokens if (loan := loan_key(token.key))}
        terms.append(
            ClaimTerm(
                " ".join(token.surface for token in unit.tokens),
                frozenset(content | own),
                frozenset(loans),
                is_name=_looks_like_name(first, position),
                is_number=first.is_number,
            )
        )
        position += len(unit.tokens)
    return terms


def _number_keys(tokens: tuple[Token, ...], numbers: list[FoundNumber]) -> set[str]:
    """Value keys of an Indonesian unit's digit tokens: the digits alone ("12" of "12 ribu", as an
    English "12 million" may keep the word) and the whole amount they start (12,000)."""
    keys: set[str] = set()
    for token in tokens:
        key = digits_key(token, "id")
        if key:
            keys.add(key)
            keys.update(value_key(n.mention.value) for n in numbers if n.start <= token.start < n.end)
    return keys


def _looks_like_name(token: Token, position: int) -> bool:
    if token.is_number:
        return False
    return token.is_acronym or (token.is_capitalised and position > 0)
