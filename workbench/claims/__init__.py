"""Claim extraction: atomic, checkable claims with exact spans, from Indonesian or English news text.

Pure core: no database, network or UI imports.
"""

from workbench.claims.extract import ArticleTooLong, extract_claims

__all__ = ["ArticleTooLong", "extract_claims"]
