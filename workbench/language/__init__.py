"""The language layer (pure, no UI): one language identifier (``identify``), one numbers parser
(``numbers``) and one dates parser (``dates``) for extraction and matching alike, Porter2 and
Sastrawi stemming (``stemming``), and the Indonesian→English lexicon (``lexicon``). See
docs/language.md for where each rule lives and how it was measured."""

from workbench.language.identify import LanguageGuess, detect_language, identify_language
from workbench.language.lexicon import (
    UnitTranslation,
    draft_english,
    english_stems,
    english_terms,
    load_lexicon,
    translate_units,
)
from workbench.language.stemming import stem_english, stem_indonesian
from workbench.language.tokens import Token, tokenize

__all__ = [
    "LanguageGuess",
    "Token",
    "UnitTranslation",
    "detect_language",
    "draft_english",
    "english_stems",
    "english_terms",
    "identify_language",
    "load_lexicon",
    "stem_english",
    "stem_indonesian",
    "tokenize",
    "translate_units",
]
