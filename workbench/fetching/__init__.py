"""Fetching sources: one httpx client, a faithful WARC archive, and trafilatura text extraction."""
