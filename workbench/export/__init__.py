"""Verdict reports: plain data in, documents out (no storage, no UI)."""

from workbench.export.model import ClaimEntry, EvidenceEntry, Report, SourceEntry

__all__ = ["ClaimEntry", "EvidenceEntry", "Report", "SourceEntry"]
