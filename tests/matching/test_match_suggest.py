from workbench.domain import ClaimKind
from workbench.matching.evidence import LocatedEvidence, locate_evidence
from workbench.matching.rank import rank_passages
from workbench.matching.suggest import suggest_verdict

SOURCE = [
    "Microsoft said it had protected more than 20 Ukrainian government and enterprise organizations.",
    "The company observed 19 destructive attacks against organizations in Ukraine.",
    '"We will keep supporting Ukraine," said Tom Burt, a vice president at Microsoft.',
    "The weather in Seattle was rainy on Friday, March 4.",
]


def verdict(claim: str, kind: ClaimKind = ClaimKind.EVENT, speaker: str | None = None) -> tuple[str, str]:
    return suggest_verdict(kind, speaker, rank_passages(claim, SOURCE), texts=SOURCE)


def test_supported_when_numbers_agree() -> None:
    label, reason = verdict(
        "Microsoft protected more than 20 Ukrainian government and enterprise organizations"
    )
    assert label == "supported"
    assert "numbers agree" in reason


def test_contradicted_when_numbers_conflict() -> None:
    label, reason = verdict("The company observed 25 destructive attacks against organizations in Ukraine")
    assert label == "contradicted"
    assert "claim: 25 — source: 19" in reason


def test_partly_supported_when_the_qualifier_differs() -> None:
    label, reason = verdict("The company observed more than 19 destructive attacks against organizations")
    assert label == "partly-supported"
    assert "qualifier" in reason


def test_misattributed_quote() -> None:
    claim = '"We will keep supporting Ukraine," said Brad Smith'
    label, reason = verdict(claim, ClaimKind.QUOTE, "Brad Smith")
    assert label == "misattributed"
    assert "Tom Burt" in reason
    assert verdict('"We will keep supporting Ukraine," said Tom Burt', ClaimKind.QUOTE, "Tom Burt")[0] == (
        "supported"
    )


def test_not_in_source_and_unverifiable() -> None:
    assert verdict("Banana exports from Ecuador doubled in 1998")[0] == "not-in-source"
    assert suggest_verdict(ClaimKind.EVENT, None, [], source_reachable=False)[0] == "unverifiable"
    assert suggest_verdict(ClaimKind.EVENT, None, [])[0] == "not-in-source"


def test_cross_lingual_claim_through_located_evidence() -> None:
    snapshot = "\n".join(SOURCE)
    claim = "Microsoft melindungi lebih dari 20 organisasi pemerintah dan perusahaan Ukraina"
    evidence = locate_evidence(claim, snapshot, claim_lang="id")
    label, reason = suggest_verdict(ClaimKind.NUMBER, None, evidence)
    assert label == "supported", reason
    claim = "Microsoft mengamati 25 serangan perusak terhadap organisasi di Ukraina"
    label, reason = suggest_verdict(ClaimKind.NUMBER, None, locate_evidence(claim, snapshot, claim_lang="id"))
    assert label == "contradicted", reason


def _passage(score: float, **parts: object) -> LocatedEvidence:
    return LocatedEvidence(0, 10, "a passage", "", "", score, {"lang": "en", **parts})


def test_the_reason_names_the_score_it_judged() -> None:
    # 59.6 prints as 60: judged as printed, so a reason never reads "60, under 60"
    label, reason = suggest_verdict(ClaimKind.EVENT, None, [_passage(59.6)])
    assert label == "supported" and reason.startswith("best passage 60"), reason
    label, reason = suggest_verdict(ClaimKind.EVENT, None, [_passage(34.4)])
    assert label == "not-in-source" and "best passage 34" in reason and "under the floor of 35" in reason
    # with embeddings the reason names the score without them, the one the thresholds judge
    label, reason = suggest_verdict(ClaimKind.EVENT, None, [_passage(31.0, without_semantic=68.0)])
    assert label == "supported", reason
    assert reason.startswith("best passage 68 (without embeddings; 31 with them)"), reason


def test_embeddings_change_the_suggestion_only_with_a_reason() -> None:
    lexical = [_passage(68.0), _passage(40.0)]
    semantic = [_passage(31.0, without_semantic=68.0), _passage(25.0, without_semantic=40.0)]
    # the same passages, ranked the same: the same suggestion with the extra or without it
    assert (
        suggest_verdict(ClaimKind.EVENT, None, lexical)[0]
        == suggest_verdict(ClaimKind.EVENT, None, semantic)[0]
    )
    # embeddings rank first a passage the lexical score puts second: the label may differ, and
    # the reason says why
    reordered = [_passage(31.0, without_semantic=68.0), _passage(45.0, without_semantic=30.0)]
    label, reason = suggest_verdict(ClaimKind.EVENT, None, reordered)
    assert label != suggest_verdict(ClaimKind.EVENT, None, lexical)[0]
    assert "without embeddings another passage would rank first: 68" in reason
