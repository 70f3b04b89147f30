"""Indonesian or English: the one language identifier, with a confidence.

Extraction (per article), matching (per claim, when no language is given) and ingest all call
:func:`identify_language`. It weighs, word by word:

- function words of each language ("yang", "tidak", "the", "was");
- Indonesian affixes: me-/mem-/men-/meng-/meny-, ber-, di-, ter-, pe-/per-, ke-...-an and the
  suffixes -kan, -nya, -an, -i, -lah ("mengatakan", "diliburkan", "pembangunan");
- English endings and spellings: -ing, -ed, -tion, -ly; "th", "wh", "ck", "ee", a final "y" or "e";
- membership of the shipped lexicon: its Indonesian words and its English headwords (a word known
  to one side only).

Names (capitalised words inside a sentence, acronyms) carry function-word weight only: "Microsoft"
says nothing about the language of "Microsoft mengatakan serangan terjadi". A text with too little
evidence, or evidence for both, is reported as not ``sure``: the caller warns and asks for --lang.
A rule-based scorer rather than a model (py3langid, lingua: see /work/shared/DEPENDENCY-NOTES.md):
only two languages are told apart, it needs no weights or numpy, and it is measured on short
sentences it was not tuned on (``bench/langid_eval.py``, docs/language.md).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache

from workbench.language.stemming import stem_english
from workbench.language.tokens import ENGLISH_STOPWORDS, INDONESIAN_STOPWORDS

LANGUAGES = ("id", "en")
# Below this confidence the guess is reported as unsure (tuned on the tuning half of the set).
SURE_CONFIDENCE = 0.35

_WORD = re.compile(r"[^\W\d_]+(?:['’-][^\W\d_]+)*")
_FUNCTION = 2.0
_AFFIX = 1.5
_VOCABULARY = 1.0
_SPELLING = 0.75
_NAME_SHARE = 0.5  # a capitalised word inside a sentence counts half: it may be a name

# Frequent Indonesian words that are not in the shared stopword list (reporting verbs and the like).
_MORE_INDONESIAN = frozenset(
    """kata ujar ungkap menurut sebuah seorang lebih kurang tahun bulan hari pekan minggu baru
    lalu depan ribu juta miliar triliun persen rumah warga kota desa pemerintah tersebut ya tak
    belum masih sempat pernah sedang bakal usai jelang soal kini sini situ sana begitu begini""".split()  # noqa: SIM905 - a word list reads better as text
)
_MORE_ENGLISH = frozenset(
    """according new year years percent million billion thousand people government last week
    since while however among against until people's it's don't can't won't""".split()  # noqa: SIM905
)
_ID_PREFIX_SUFFIX = re.compile(
    r"^(?:meng|meny|mem|men|me|ber|be|di|ter|per|pe|peng|pem|pen|peny|ke|se)[a-z]{3,}(?:kan|an|nya|i|lah)$"
)
_ID_PREFIX = re.compile(r"^(?:meng|meny|mem|men|mempe|memper|diper|ber|ter|di)[a-z]{4,}$")
_ID_SUFFIX = re.compile(r"^[a-z]{3,}(?:kan|nya|lah|kah)$")
_EN_ENDING = re.compile(r"^[a-z]{3,}(?:ing|ed|tion|sion|ly|ness|ies|ment|ful|less|ous|ive)$")
_EN_SPELLING = re.compile(r"th|wh|ck|ee|oo|ph|q|x|[^aeiou]y$|[^aeiou]e$|[^aeiou]es$|ou|ea|ai?gh")


@dataclass(frozen=True, slots=True)
class LanguageGuess:
    """``lang`` "id" or "en"; ``confidence`` 0-1 (the share of the evidence that agrees, damped for
    short texts); ``sure`` False when the caller should ask for --lang instead of trusting it."""

    lang: str
    confidence: float
    indonesian: float = 0.0  # evidence for each side, for a "why" in diagnostics
    english: float = 0.0

    @property
    def sure(self) -> bool:
        return self.confidence >= SURE_CONFIDENCE

    def describe(self) -> str:
        """ "id (confidence 0.82)", for warnings."""
        return f"{self.lang} (confidence {self.confidence:.2f})"


@cache
def _vocabularies() -> tuple[frozenset[str], frozenset[str]]:
    """Single words of the shipped lexicon: its Indonesian keys (words no English headword
    spells) and the Porter2 stems of its English alternatives (so "reporters" meets "reporter")."""
    from workbench.language.lexicon import load_lexicon

    lexicon = load_lexicon()
    indonesian = frozenset(k for k in (*lexicon.words, *lexicon.roots) if " " not in k)
    english = frozenset(
        word.lower() for values in lexicon.words.values() for value in values for word in value.split()
    )
    return indonesian - english, frozenset(stem_english(word) for word in english - indonesian)


def _is_name(surface: str, first: bool) -> bool:
    if len(surface) > 1 and surface.isupper():
        return True  # an acronym
    return surface[:1].isupper() and not first


def word_evidence(word: str, *, first: bool = False) -> tuple[float, float]:
    """(Indonesian, English) evidence of one word; ``first``: it starts a sentence (a capital
    letter there does not make it a name)."""
    key = word.lower().replace("’", "'")
    if key in INDONESIAN_STOPWORDS or key in _MORE_INDONESIAN:
        return _FUNCTION, 0.0
    if key in ENGLISH_STOPWORDS or key in _MORE_ENGLISH:
        return 0.0, _FUNCTION
    if len(word) > 1 and word.isupper():
        return 0.0, 0.0  # an acronym
    indonesian = english = 0.0
    plain = key.replace("-", "")
    if _ID_PREFIX_SUFFIX.match(plain):
        indonesian += _AFFIX
    elif _ID_PREFIX.match(plain) or _ID_SUFFIX.match(plain):
        indonesian += _AFFIX / 2
    if _EN_ENDING.match(plain):
        english += _AFFIX
    known_id, known_en = _vocabularies()
    if key in known_id or (len(key) > 5 and "-" in key and key.split("-")[0] in known_id):
        indonesian += _VOCABULARY
    elif stem_english(key) in known_en:
        english += _VOCABULARY
    if _is_name(word, first):
        # a name's spelling says where the name comes from, not what language the text is in
        return indonesian * _NAME_SHARE, english * _NAME_SHARE
    if _EN_SPELLING.search(plain):
        english += _SPELLING
    return indonesian, english


def identify_language(text: str) -> LanguageGuess:
    """Indonesian or English, with a confidence (see the module docstring). Ties and texts without
    evidence go to English with confidence 0."""
    indonesian = english = 0.0
    first = True
    for match in _WORD.finditer(text):
        i, e = word_evidence(match.group(), first=first)
        indonesian += i
        english += e
        # the next word starts a sentence after a full stop, a colon or a line break
        following = text[match.end() : match.end() + 3]
        first = bool(re.match(r"\s*[.!?:\n]", following))
    total = indonesian + english
    if total == 0 or indonesian == english:
        return LanguageGuess("en", 0.0, indonesian, english)
    lang = "id" if indonesian > english else "en"
    share = max(indonesian, english) / total
    # a sentence's worth of evidence (about four function words) before full confidence
    weight = min(1.0, total / 8.0)
    confidence = round(max(0.0, 2 * share - 1) * weight, 3)
    return LanguageGuess(lang, confidence, round(indonesian, 2), round(english, 2))


def detect_language(text: str) -> str:
    """``"id"`` or ``"en"``: :func:`identify_language` without the confidence."""
    return identify_language(text).lang
