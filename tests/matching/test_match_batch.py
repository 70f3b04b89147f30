import json

from workbench.matching.batch import rank_batch

PASSAGES = [
    "Microsoft said it had protected more than 20 Ukrainian organizations.",
    "The company observed 19 destructive attacks.",
    "Rain fell in Seattle.",
]


def test_batch_keeps_order_reports_errors_and_goes_on() -> None:
    lines = [
        json.dumps({"id": 1, "claim": "Seattle rain", "passages": PASSAGES}),
        "{not json",
        json.dumps({"id": "b", "claim": "", "passages": PASSAGES}),
        "",
        json.dumps({"id": 3, "claim": "serangan perusak", "passages": PASSAGES, "claim_lang": "id"}),
        json.dumps({"id": 4, "claim": "x", "passages": "oops"}),
    ]
    out = [json.loads(line) for line in rank_batch(lines, top=2)]
    assert [item["id"] for item in out] == [1, None, "b", 3, 4]
    assert out[0]["ranking"][0]["index"] == 2
    assert len(out[0]["ranking"]) == 2
    assert "error" in out[1] and "error" in out[2] and "error" in out[4]
    assert out[3]["ranking"][0]["index"] == 1
    first = out[0]["ranking"][0]
    assert set(first) >= {"index", "score", "parts"}
    assert 0 <= first["score"] <= 100


def test_many_lines_share_prepared_passages() -> None:
    passages = [f"Sentence number {i} mentions item{i} and Seattle." for i in range(300)]
    lines = (json.dumps({"id": i, "claim": f"item{i} Seattle", "passages": passages}) for i in range(300))
    out = [json.loads(line) for line in rank_batch(lines, top=1)]
    assert [item["ranking"][0]["index"] for item in out] == list(range(300))
