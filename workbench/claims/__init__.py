"""Claim extraction: atomic, checkable claims with exact spans, from Indonesian or English news text.

Pure core: no database, network or UI imports.
"""

from workbench.claims.extract import ArticleTooLong, extract_claims
from workbench.claims.language_id import detect_language

__all__ = ["ArticleTooLong", "detect_language", "extract_claims"]
