"""Language tools for matching Indonesian claims against English sources (pure, no UI)."""

from workbench.language.lexicon import (
    UnitTranslation,
    draft_english,
    english_stems,
    english_terms,
    load_lexicon,
    translate_units,
)
from workbench.language.stemming import stem_english, stem_indonesian
from workbench.language.tokens import Token, guess_language, tokenize

__all__ = [
    "Token",
    "UnitTranslation",
    "draft_english",
    "english_stems",
    "english_terms",
    "guess_language",
    "load_lexicon",
    "stem_english",
    "stem_indonesian",
    "tokenize",
    "translate_units",
]
