"""Indonesian→English lexicon: word and phrase lookup with stemming (the drafter is ``draft.py``).

Data: ``data/freedict_id_en.tsv`` (inverted FreeDict/WikDict, CC BY-SA 3.0, see ``data/README.md``)
and ``data/newsroom_id_en.tsv`` (our own entries for news words, which take precedence). Both load on
first use and stay cached for the process.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache
from importlib import resources

from workbench.language.stemming import stem_english, stem_indonesian
from workbench.language.tokens import Token, tokenize

_PARTICLES = ("nya", "lah", "kah", "pun")
MAX_PHRASE_WORDS = 3


@dataclass(frozen=True, slots=True)
class Lexicon:
    """``words``: word or phrase as written -> English alternatives, best first; ``roots``: same by root."""

    words: dict[str, tuple[str, ...]]
    roots: dict[str, tuple[str, ...]]
    ours: frozenset[str] = frozenset()  # terms of our own newsroom list: they outrank the dictionary

    def lookup(self, key: str) -> tuple[str, ...]:
        """English alternatives of one lowered Indonesian word, trying its form, then without a clitic
        particle or reduplication, then its root. Empty when unknown."""
        for candidate in _surface_candidates(key):
            found = self.words.get(candidate)
            if found:
                return found
        root = stem_indonesian(key)
        if root in self.ours:  # our entry for the root beats the dictionary's root row
            return self.words[root]
        return self.roots.get(root) or self.words.get(root) or ()

    def lookup_phrase(self, keys: list[str]) -> tuple[str, ...]:
        return self.words.get(" ".join(keys), ()) if len(keys) > 1 else ()

    def __len__(self) -> int:
        return len(self.words)


def _surface_candidates(key: str) -> list[str]:
    candidates = [key]
    if "-" in key:
        head, _, tail = key.partition("-")
        if head == tail or tail.startswith(head):
            candidates.append(head)  # "organisasi-organisasi" is a plural of "organisasi"
    for particle in _PARTICLES:
        if key.endswith(particle) and len(key) - len(particle) >= 3:
            candidates.append(key[: -len(particle)])
    return candidates


def _read(name: str) -> str:
    return resources.files("workbench.language").joinpath("data", name).read_text(encoding="utf-8")


@cache
def load_lexicon() -> Lexicon:
    """The shipped lexicon, parsed once per process (~20k rows, a few tens of ms)."""
    words: dict[str, tuple[str, ...]] = {}
    roots: dict[str, tuple[str, ...]] = {}
    for line in _read("freedict_id_en.tsv").splitlines():
        kind, term, english = line.split("\t")
        (words if kind == "w" else roots)[term] = tuple(english.split(";"))
    own_terms: set[str] = set()
    for line in _read("newsroom_id_en.tsv").splitlines():
        if not line or line.startswith("#"):
            continue
        term, english = line.split("\t")
        own_terms.add(term)
        ours = tuple(english.split(";"))
        # Our entries lead; the dictionary's senses stay available after them.
        words[term] = ours + tuple(e for e in words.get(term, ()) if e not in ours)
    return Lexicon(words=words, roots=roots, ours=frozenset(own_terms))


@dataclass(frozen=True, slots=True)
class UnitTranslation:
    """A word, or a phrase of up to three words found as one lexicon entry, and the English it may
    stand for, best first (empty when unknown or a number)."""

    tokens: tuple[Token, ...]
    english: tuple[str, ...]

    @property
    def start(self) -> int:
        return self.tokens[0].start

    @property
    def end(self) -> int:
        return self.tokens[-1].end


def translate_units(text: str) -> list[UnitTranslation]:
    """The words of ``text`` grouped into lexicon units (longest phrase entry first), translated."""
    lexicon = load_lexicon()
    tokens = tokenize(text)
    result: list[UnitTranslation] = []
    index = 0
    while index < len(tokens):
        for size in range(min(MAX_PHRASE_WORDS, len(tokens) - index), 1, -1):
            span = tokens[index : index + size]
            english = lexicon.lookup_phrase([token.key for token in span])
            if english:
                result.append(UnitTranslation(tuple(span), english))
                index += size
                break
        else:
            token = tokens[index]
            english = () if token.is_number else lexicon.lookup(token.key)
            result.append(UnitTranslation((token,), english))
            index += 1
    return result


def english_terms(indonesian_text: str) -> list[set[str]]:
    """Per word of the text, the set of English words it may match: its translations (a phrase's
    translations go to each of its words) split into words, plus the word itself (names, numbers,
    acronyms and loanwords often cross unchanged)."""
    terms: list[set[str]] = []
    for unit in translate_units(indonesian_text):
        translated = {word for english in unit.english for word in english.lower().split()}
        terms.extend({token.key} | translated for token in unit.tokens)
    return terms


def english_stems(indonesian_text: str) -> list[set[str]]:
    """Like :func:`english_terms`, with every English word reduced by :func:`stem_english`."""
    return [{stem_english(word) for word in alternatives} for alternatives in english_terms(indonesian_text)]


def draft_english(text: str) -> str:
    """An English draft of Indonesian ``text``; see :func:`workbench.language.draft.draft_english`
    (the drafter lives there; this name stays for the lexicon's callers)."""
    from workbench.language.draft import draft_english as draft

    return draft(text)


def text_of(unit: UnitTranslation) -> str:
    """The unit as written (its tokens joined by single spaces)."""
    return " ".join(token.surface for token in unit.tokens)


_PIVOT_DEPTH = 3  # only an Indonesian term's first senses link English words as synonyms


@cache
def _english_to_indonesian() -> dict[str, tuple[str, ...]]:
    """English stem -> the Indonesian terms whose first senses have a word of that stem."""
    reverse: dict[str, list[str]] = {}
    for term, english in load_lexicon().words.items():
        for word in english[:_PIVOT_DEPTH]:
            if " " not in word:
                reverse.setdefault(stem_english(word), []).append(term)
    return {stem: tuple(terms) for stem, terms in reverse.items()}


@cache
def english_synonyms(word: str) -> frozenset[str]:
    """English words sharing an Indonesian translation with ``word`` ("denied" -> "refused",
    "rejected" through "menolak"): a rough synonym list pivoting through the lexicon. Inflected
    forms meet their headword by their Porter2 stem; words of the same stem are left out."""
    lexicon = load_lexicon()
    stem = stem_english(word)
    related: set[str] = set()
    for term in _english_to_indonesian().get(stem, ()):
        related.update(w.lower() for w in lexicon.words[term][:_PIVOT_DEPTH] if " " not in w)
    return frozenset(w for w in related if stem_english(w) != stem)
