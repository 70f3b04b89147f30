"""Suggested verdicts on the Contoso case: every label appears where the case planted it."""

from __future__ import annotations

import json
from collections import Counter

from tests.conftest import REPO
from workbench.services.demo import load_builtin_cases
from workbench.services.reports import export_article
from workbench.services.suggestions import SentenceBounds, claim_sentence, suggest_for_article
from workbench.services.verdicts import ClaimView, list_claims
from workbench.services.workspace import Workspace


def _planted(views: list[ClaimView]) -> list[tuple[dict[str, object], list[ClaimView]]]:
    """Each planted claim with the extracted claims over its span (the extractor may split a
    planted span into atomic parts, e.g. a two-clause quote)."""
    lines = (REPO / "sources/contoso-demo/expected.jsonl").open(encoding="utf-8")
    pairs = []
    for item in (json.loads(line) for line in lines):
        start, end = int(item["start"]), int(item["end"])
        overlapping = [v for v in views if v.claim.start < end and start < v.claim.end]
        if overlapping:
            pairs.append((item, overlapping))
    return pairs


def test_every_label_is_suggested_where_it_was_planted(workspace: Workspace) -> None:
    load_builtin_cases(workspace, offline=True)
    views = list_claims(workspace, "contoso-demo")
    suggestions = suggest_for_article(workspace, "contoso-demo")
    pairs = _planted(views)
    hits = Counter()
    totals = Counter()
    for item, overlapping in pairs:
        label = str(item["expected_verdict"])
        totals[label] += 1
        hits[label] += any(suggestions[v.claim.id or 0].label == label for v in overlapping)
    print({label: f"{hits[label]}/{totals[label]}" for label in totals})
    # every label is suggested on the claim the case planted it in
    for label in ("partly-supported", "misattributed", "contradicted", "not-in-source", "unverifiable"):
        assert hits[label] >= 1, label
    assert hits["supported"] >= 0.6 * totals["supported"]
    assert sum(hits.values()) >= 0.65 * len(pairs)
    # a suggester that always answers the same fails here
    assert len({s.label for s in suggestions.values()}) >= 4


def test_suggestion_reasons_are_readable_and_in_the_report(workspace: Workspace) -> None:
    load_builtin_cases(workspace, offline=True)
    suggestions = suggest_for_article(workspace, "contoso-demo")
    contradicted = [s for s in suggestions.values() if s.label == "contradicted"]
    assert any("claim: 25 — source: 21" in s.reason for s in contradicted)
    report = export_article(workspace, "contoso-demo", include_suggestions=True)
    assert "Workbench suggestion (not a verdict): Contradicted" in report
    assert "Workbench suggestion" not in export_article(workspace, "contoso-demo")  # only when asked


def test_claim_sentence_is_the_sentence_around_the_span() -> None:
    text = "Satu kalimat. Menurut laporan X, pasar tumbuh 5 persen. Kalimat lain.\nBaris baru."
    start = text.index("pasar")
    assert claim_sentence(text, start, start + 5) == "Menurut laporan X, pasar tumbuh 5 persen."


def _scanning_sentence(text: str, start: int, end: int) -> str:
    """The sentence rule as a scan from the start of the text (what SentenceBounds must equal)."""
    import re

    boundary = re.compile(r"[.!?]\s|\n")
    before = [m.end() for m in boundary.finditer(text, 0, start)]
    first = before[-1] if before else 0
    after = boundary.search(text, end)
    return text[first : after.start() + 1 if after else len(text)]


def test_sentence_bounds_agree_with_a_scan_from_the_start() -> None:
    import random

    rng = random.Random(12)  # noqa: S311 (test data, not secrets)
    pieces = ["Kata", " ", ".", "!", "?", "\n", "\r\n", ". ", ".\n", "!\n", "...", "  ", "x", "İ", "Jum’at"]
    for _ in range(300):
        text = "".join(rng.choice(pieces) for _ in range(rng.randint(0, 40)))
        bounds = SentenceBounds(text)
        for _ in range(10):
            start = rng.randint(0, len(text))
            end = rng.randint(start, len(text))
            assert bounds.sentence(start, end) == _scanning_sentence(text, start, end), (text, start, end)
