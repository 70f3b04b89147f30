from workbench.matching.rank import rank_passages

SOURCE = [
    "Microsoft said it had protected more than 20 Ukrainian government and enterprise organizations.",
    "The company observed 19 destructive attacks against organizations in Ukraine.",
    "Brad Smith is the president of Microsoft.",
    "The weather in Seattle was rainy on Friday, March 4.",
    "Russian hackers targeted networks in the financial sector.",
]


def test_indonesian_claim_finds_its_english_passage() -> None:
    claim = (
        "Microsoft mengatakan telah melindungi lebih dari 20 organisasi pemerintah dan perusahaan Ukraina."
    )
    ranking = rank_passages(claim, SOURCE, claim_lang="id")
    assert ranking[0].index == 0
    assert ranking[0].parts["agreements"] == ["more than 20"]
    assert ranking[0].score > ranking[1].score + 15


def test_number_conflict_is_called_out() -> None:
    ranking = rank_passages("Microsoft saw more than 20 destructive attacks in Ukraine", SOURCE, top=2)
    best = ranking[0]
    assert best.index == 1
    assert best.parts["conflicts"] == ["claim: more than 20 — source: 19"]


def test_scores_are_bounded_and_ordered() -> None:
    ranking = rank_passages("Peretas Rusia menyerang sektor keuangan", SOURCE, claim_lang="id", top=5)
    assert ranking[0].index == 4
    assert all(0 <= r.score <= 100 for r in ranking)
    assert [r.score for r in ranking] == sorted((r.score for r in ranking), reverse=True)


def test_statement_helps_a_cross_lingual_claim() -> None:
    ranking = rank_passages(
        "Presiden Microsoft Brad Smith",
        SOURCE,
        claim_lang="id",
        statement="Brad Smith is Microsoft's president",
    )
    assert ranking[0].index == 2
    assert "statement_overlap" in ranking[0].parts


def test_quote_exactness() -> None:
    passages = ['Smith said: "We acted quickly to protect them."', 'Smith said: "We acted slowly to help."']
    ranking = rank_passages('Smith said "we acted quickly to protect them"', passages)
    assert ranking[0].index == 0
    assert ranking[0].parts["quote"] == 100
    assert ranking[1].parts["quote"] < 100


def test_matched_span_points_into_the_passage() -> None:
    best = rank_passages("Russian hackers targeted networks", SOURCE, top=1)[0]
    assert SOURCE[best.index][best.start : best.end].startswith("Russian hackers targeted networks")
    assert best.parts["matched"][:3] == ["Russian", "hackers", "targeted"]
