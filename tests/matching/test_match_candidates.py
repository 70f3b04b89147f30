import sqlite3

from workbench.matching.candidates import ArchiveMatcher, FullTextCandidates, query_terms

PASSAGES = [f"Filler sentence {i} about weather and markets in town {i}." for i in range(500)] + [
    "Microsoft protected more than 20 Ukrainian organizations from destructive cyberattacks.",
    "Heavy rain flooded Harbor City on Sunday.",
]


def test_query_terms_strip_stopwords_and_translate() -> None:
    assert query_terms("The company said that it was protected", claim_lang="en") == ["company", "protected"]
    terms = query_terms("Microsoft melindungi organisasi Ukraina dari serangan", claim_lang="id")
    assert {"microsoft", "protect", "organization", "ukraine", "attack"} <= set(terms)
    assert "dari" not in terms


def test_full_text_preselects_the_right_passage() -> None:
    fts = FullTextCandidates(PASSAGES, sqlite3.connect(":memory:"))
    assert fts.select("flooded Harbor City", claim_lang="en", limit=3)[0] == 501
    assert fts.select("", claim_lang="en") == []


def test_archive_matcher_matches_a_full_ranking() -> None:
    matcher = ArchiveMatcher(PASSAGES)
    claim = "Microsoft melindungi lebih dari 20 organisasi Ukraina dari serangan siber"
    fast = matcher.rank(claim, claim_lang="id", top=3, pool=20)
    full = matcher.index.rank(claim, claim_lang="id", top=3)
    assert fast[0].index == full[0].index == 500
    assert fast[0].score == full[0].score
