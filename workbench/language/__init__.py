"""Language tools for matching Indonesian claims against English sources (pure, no UI)."""

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
