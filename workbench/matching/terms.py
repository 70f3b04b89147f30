"""The words a claim and a passage are compared on: per claim word, the English stems it may match.

An English word matches by its stem (the Porter2 stem of its lemma, so "stolen" meets "steal" and
"children" "child"); an Indonesian word by the stems of its lexicon translations, by
itself (names, numbers and acronyms cross languages unchanged) and, more weakly, by a "loan" key
that lets "organisasi" meet "organization" and "komputer" meet "computer".
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache

from workbench.language.lexicon import english_synonyms, translate_units
from workbench.language.stemming import stem_english_lemma
from workbench.language.tokens import ENGLISH_STOPWORDS, INDONESIAN_STOPWORDS, Token, tokenize

_LOAN_PREFIX = 5


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


def passage_keys(token: Token) -> tuple[str, str | None]:
    """The key a passage word is indexed by (its English stem, through its lemma; a stopword stays
    whole, so the stopword list still knows it: Porter2 makes "because" "becaus") and its loan key."""
    key = token.key if token.key in ENGLISH_STOPWORDS else stem_english_lemma(token.key)
    return key, loan_key(token.key)


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
                frozenset({stem_english_lemma(token.key)}),
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
    for unit in translate_units(text):
        first = unit.tokens[0]
        single_stopword = len(unit.tokens) == 1 and first.key in INDONESIAN_STOPWORDS
        english = {word for phrase in unit.english for word in phrase.lower().split()}
        content = {stem_english_lemma(word) for word in english if word not in ENGLISH_STOPWORDS}
        if single_stopword or (unit.english and not content and not first.is_number):
            position += len(unit.tokens)
            continue
        own = {stem_english_lemma(token.key) for token in unit.tokens} | {token.key for token in unit.tokens}
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


def _looks_like_name(token: Token, position: int) -> bool:
    if token.is_number:
        return False
    return token.is_acronym or (token.is_capitalised and position > 0)
