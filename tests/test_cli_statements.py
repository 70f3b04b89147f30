"""``workbench statements --batch``: the drafter as a JSONL contract, malformed lines as for ``rank``."""

from __future__ import annotations

import json
import subprocess
import sys
import textwrap
from pathlib import Path

from typer.testing import CliRunner

from workbench.cli import app
from workbench.language.draft import draft_english
from workbench.language.draft_batch import statements_batch

ENV: dict[str, str | None] = {"WORKBENCH_DB": None, "WORKBENCH_TEXT_CAP": None}


def _run(
    tmp_path: Path, lines: list[str], env: dict[str, str | None] | None = None
) -> tuple[int, list[dict]]:
    batch = tmp_path / "in.jsonl"
    batch.write_text("\n".join(lines) + "\n", encoding="utf-8")
    result = CliRunner().invoke(
        app, ["statements", "--batch", str(batch)], env=ENV | (env or {}), catch_exceptions=False
    )
    return result.exit_code, [json.loads(line) for line in result.stdout.splitlines()]


def test_each_line_gets_its_draft_in_input_order(tmp_path: Path) -> None:
    texts = ["Polisi menangkap tiga tersangka.", "Perusahaan teknologi itu membuka kantor di Bandung."]
    code, out = _run(tmp_path, [json.dumps({"id": i, "text": t}) for i, t in enumerate(texts)])
    assert code == 0
    assert [row["id"] for row in out] == [0, 1]
    assert [row["statement"] for row in out] == [draft_english(t) for t in texts]
    assert "Bandung" in out[1]["statement"]
    assert "error" not in out[0]


def test_malformed_lines_get_an_error_line_and_the_run_goes_on(tmp_path: Path) -> None:
    lines = [
        json.dumps({"id": "a", "text": "Harga beras naik."}),
        "not json",
        json.dumps(["a", "list"]),
        json.dumps({"id": 4}),
        json.dumps({"id": 5, "text": "   "}),
        json.dumps({"id": 6, "text": 7}),
        "",
        json.dumps({"id": "z", "text": "Air bersih."}),
    ]
    code, out = _run(tmp_path, lines)
    assert code == 1
    assert [row.get("id") for row in out] == ["a", None, None, 4, 5, 6, "z"]  # the blank line is skipped
    assert [("error" in row) for row in out] == [False, True, True, True, True, True, False]
    assert out[1]["error"].startswith("not JSON")
    assert out[2]["error"] == "a line must be a JSON object"
    assert out[3]["error"] == '"text" must be a non-empty string'


def test_undecodable_line_keeps_its_place(tmp_path: Path) -> None:
    batch = tmp_path / "in.jsonl"
    batch.write_bytes(
        b'{"id": 1, "text": "Air bersih."}\n{"id": 2, "text": "\xff"}\n{"id": 3, "text": "Rumah baru."}\n'
    )
    result = CliRunner().invoke(app, ["statements", "--batch", str(batch)], env=ENV, catch_exceptions=False)
    out = [json.loads(line) for line in result.stdout.splitlines()]
    assert result.exit_code == 1
    assert [row["id"] for row in out] == [1, None, 3]
    assert out[1]["error"].startswith("not UTF-8")


def test_text_past_the_cap_is_that_lines_error(tmp_path: Path) -> None:
    lines = [json.dumps({"id": 1, "text": "kata " * 30}), json.dumps({"id": 2, "text": "Air bersih."})]
    code, out = _run(tmp_path, lines, env={"WORKBENCH_TEXT_CAP": "100"})
    assert code == 1
    assert "WORKBENCH_TEXT_CAP" in out[0]["error"]
    assert out[1]["statement"]


def test_missing_file_is_a_one_line_error(tmp_path: Path) -> None:
    result = CliRunner().invoke(app, ["statements", "--batch", str(tmp_path / "nope.jsonl")], env=ENV)
    assert result.exit_code == 2
    assert "no such file" in result.stderr


def test_batch_function_is_lazy_and_streams() -> None:
    answers = statements_batch(iter(['{"id": 1, "text": "Air bersih."}']))
    assert json.loads(next(answers))["id"] == 1


def test_statements_help_loads_neither_tagger_nor_lexicon() -> None:
    code = """
        import sys
        from typer.testing import CliRunner
        from workbench.cli import app
        result = CliRunner().invoke(app, ["statements", "--help"])
        assert result.exit_code == 0 and "--batch" in result.output, result.output
        loaded = [m for m in sys.modules if m.startswith(("pycrfsuite", "workbench.language.lexicon",
                  "workbench.language.draft", "Sastrawi"))]
        print(",".join(sorted(loaded)))
        """
    result = subprocess.run(
        [sys.executable, "-c", textwrap.dedent(code)],
        capture_output=True,
        text=True,
        check=False,
        timeout=120,
    )
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == ""
