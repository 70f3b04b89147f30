"""The JSONL contract of ``workbench anchor --batch``."""

from __future__ import annotations

import json
import subprocess
import sys

from workbench.anchoring import anchor_batch

TEXT = (
    "Prices rose 5 percent in March. Wages rose 5 percent in April. The ministry said 1.5 million were hit."
)


def line(ident: object, selector: dict[str, object], text: str = TEXT) -> str:
    return json.dumps({"id": ident, "selector": selector, "text": text})


def test_one_output_line_per_input_line_in_order() -> None:
    start = TEXT.index("Wages")
    lines = [
        line(1, {"exact": "Wages rose 5 percent in April."}),
        line(
            "b",
            {"exact": "The ministry said 1.5 million were hit.", "prefix": "April. "},
            TEXT.replace("1.5", "1.65"),
        ),
        line(3, {"exact": "5 percent"}),
        line(
            4,
            {
                "exact": "5 percent",
                "prefix": "Wages rose ",
                "suffix": " in April.",
                "start": start + 11,
                "end": start + 20,
            },
        ),
    ]
    out = [json.loads(x) for x in anchor_batch(lines)]
    assert [o["id"] for o in out] == [1, "b", 3, 4]
    assert out[0] == {"id": 1, "status": "intact", "start": start, "end": start + 30, "score": 100}
    assert out[1]["status"] == "edited"
    assert out[1]["diff"] == [{"op": "replace", "old": "1.5", "new": "1.65"}]
    assert out[1]["distance"] == 1
    assert out[2] == {"id": 3, "status": "orphaned", "start": None, "end": None, "score": 0}
    assert (out[3]["status"], out[3]["start"], out[3]["end"]) == ("intact", start + 11, start + 20)


def test_malformed_lines_give_errors_and_the_run_goes_on() -> None:
    lines = [
        "{not json",
        "[1, 2]",
        json.dumps({"id": 7, "text": TEXT}),
        json.dumps({"id": 8, "selector": {"exact": ""}, "text": TEXT}),
        json.dumps({"id": 9, "selector": {"exact": "Prices"}, "text": 5}),
        json.dumps({"id": 10, "selector": {"exact": "Prices", "start": True}, "text": TEXT}),
        json.dumps({"id": 11, "selector": {"exact": "Prices", "start": 5, "end": 2}, "text": TEXT}),
        json.dumps({"id": 12, "selector": {"exact": "Prices", "prefix": 3}, "text": TEXT}),
        "",
        line(13, {"exact": "Prices rose 5 percent in March."}),
    ]
    out = [json.loads(x) for x in anchor_batch(lines)]
    assert len(out) == 9  # the blank line is skipped
    assert out[0]["id"] is None and out[0]["error"].startswith("not JSON")
    assert out[1] == {"id": None, "error": "a line must be a JSON object"}
    assert [o["id"] for o in out[2:8]] == [7, 8, 9, 10, 11, 12]
    assert all(set(o) == {"id", "error"} for o in out[:8])
    assert out[8]["status"] == "intact"


def test_non_ascii_offsets_survive_json() -> None:
    text = "“İzmir” 👩\u200d🔧 re\u0301sume\u0301 — ok."
    (answer,) = anchor_batch([line("x", {"exact": "re\u0301sume\u0301"}, "Ön: " + text)])
    result = json.loads(answer)
    assert ("Ön: " + text)[result["start"] : result["end"]] == "re\u0301sume\u0301"


def test_anchoring_imports_no_front_end() -> None:
    code = (
        "import sys\nimport workbench.anchoring\n"
        "bad = sorted(m for m in sys.modules if m.split('.')[0] in ('textual', 'typer', 'sqlalchemy', 'sqlmodel', 'httpx'))\n"
        "print(','.join(bad))\n"
    )
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert result.stdout.strip() == ""


def test_a_selector_may_carry_its_quote_s_whole_sentence() -> None:
    old = "The survey found that 12 percent of homes in the river towns were damaged by the storm."
    new = "The survey found that 30 percent of homes in the river towns were insured against floods."
    start = old.index("12 percent")
    w3c = {"exact": "12 percent", "prefix": old[:start], "suffix": old[start + 10 : start + 42]}
    whole = w3c | {"sentence_before": old[:start], "sentence_after": old[start + 10 :]}
    out = [json.loads(x) for x in anchor_batch([line(1, w3c, new), line(2, whole, new)])]
    # Within 32 characters the other figure looks like a correction; the whole sentence says not.
    assert [o["status"] for o in out] == ["edited", "orphaned"]
    half = w3c | {"sentence_before": old[:start]}
    (error,) = [json.loads(x) for x in anchor_batch([line(3, half, new)])]
    assert error == {
        "id": 3,
        "error": '"selector.sentence_before" and "selector.sentence_after" come together',
    }
