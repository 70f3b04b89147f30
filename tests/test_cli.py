"""The CLI contract: JSON shapes, exit codes, one-line errors."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest
from typer.testing import CliRunner

from tests.conftest import LocalServer, Reply, page
from workbench.cli import app

runner = CliRunner()


def run(*args: str) -> tuple[int, str, str]:
    result = runner.invoke(app, list(args), catch_exceptions=False)
    return result.exit_code, result.stdout, result.stderr


@pytest.fixture
def loaded(cli_env: dict[str, str]) -> dict[str, str]:
    code, _out, err = run("demo", "--offline", "--no-tui", "--json")
    assert code == 0, err
    return cli_env


def test_demo_json_and_articles_list(loaded: dict[str, str]) -> None:
    code, out, _ = run("articles", "list", "--json")
    assert code == 0
    rows = json.loads(out)
    assert [r["slug"] for r in rows] == ["contoso-demo", "microsoft-russia-2022"] or sorted(
        r["slug"] for r in rows
    ) == ["contoso-demo", "microsoft-russia-2022"]
    for row in rows:
        assert set(row) == {"id", "slug", "title", "language", "date", "claims", "sources"}
        assert isinstance(row["id"], int) and row["claims"] > 0


def test_claims_list_verdict_and_export(loaded: dict[str, str], tmp_path: Path) -> None:
    code, out, _ = run("claims", "list", "contoso-demo", "--json")
    assert code == 0
    claims = json.loads(out)
    keys = {"id", "start", "end", "text", "statement", "kind", "verdict", "state", "best_evidence"}
    assert all(set(c) == keys for c in claims)
    target = next(c for c in claims if c["best_evidence"])
    assert set(target["best_evidence"]) == {"id", "score", "quote", "source_url", "snapshot"}
    assert set(target["best_evidence"]["snapshot"]) == {
        "kind",
        "fetched_at",
        "memento_datetime",
        "archive",
        "sha256",
    }
    assert target["best_evidence"]["snapshot"]["kind"] == "live"
    assert 0 <= target["best_evidence"]["score"] <= 100
    code, out, err = run(
        "verdict",
        str(target["id"]),
        "contradicted",
        "--rationale",
        "page says 21",
        "--evidence",
        "best",
        "--json",
    )
    assert code == 0, err
    recorded = json.loads(out)
    assert recorded["label"] == "contradicted"
    assert recorded["evidence_id"] == target["best_evidence"]["id"]
    assert recorded["checker"] == "tester"
    code, out, _ = run("claims", "list", "contoso-demo", "--json")
    after = next(c for c in json.loads(out) if c["id"] == target["id"])
    assert after["verdict"] == "contradicted" and after["state"] == "checked"
    report = tmp_path / "report.md"
    code, _, _ = run("export", "contoso-demo", "--format", "md", "-o", str(report))
    assert code == 0
    text = report.read_text(encoding="utf-8")
    assert "Contradicted" in text and "page says 21" in text


def test_verdict_history_is_append_only(loaded: dict[str, str]) -> None:
    from workbench.services.verdicts import verdict_history
    from workbench.services.workspace import Workspace

    claims = json.loads(run("claims", "list", "microsoft-russia-2022", "--json")[1])
    claim_id = str(claims[0]["id"])
    assert run("verdict", claim_id, "supported")[0] == 0
    assert run("verdict", claim_id, "partly-supported", "--rationale", "scope differs")[0] == 0
    ws = Workspace.open()
    try:
        history = verdict_history(ws, int(claim_id))
    finally:
        ws.close()
    assert [v.label for v in history] == ["supported", "partly-supported"]
    after = json.loads(run("claims", "list", "microsoft-russia-2022", "--json")[1])
    assert after[0]["verdict"] == "partly-supported"


@pytest.mark.parametrize(
    ("args", "needle"),
    [
        (("claims", "list", "no-such-case"), "no-such-case"),
        (("verdict", "999999", "supported"), "999999"),
        (("verdict", "1", "maybe"), "maybe"),
        (("export", "contoso-demo", "--format", "docx"), "docx"),
        (("verdict", "1", "supported", "--evidence", "424242"), "424242"),
    ],
)
def test_bad_input_exits_non_zero_with_one_line(
    loaded: dict[str, str], args: tuple[str, ...], needle: str
) -> None:
    code, _out, err = run(*args)
    assert code != 0
    lines = [line for line in err.splitlines() if line.strip()]
    assert len(lines) == 1 and needle in lines[0], err


def test_ingest_fetch_match_from_a_local_server(
    cli_env: dict[str, str], server: LocalServer, tmp_path: Path
) -> None:
    server.routes["/report"] = Reply(
        200,
        page(
            "Harbour report",
            "The port authority said more than 20 ships were delayed on Tuesday by the storm.",
            "Repairs to the northern pier will cost 3.5 million dollars, the authority said.",
        ),
    )
    article = tmp_path / "artikel.txt"
    article.write_text(
        "JAKARTA - Otoritas pelabuhan mengatakan lebih dari 20 kapal tertunda pada hari Selasa "
        "karena badai.\nPerbaikan dermaga utara akan menelan biaya 3,5 juta dolar, kata otoritas.\n",
        encoding="utf-8",
    )
    code, out, err = run("articles", "add", str(article), "--date", "2024-03-05", "--json")
    assert code == 0, err
    added = json.loads(out)
    assert added["language"] == "id" and added["claims"] >= 2
    article_id = str(added["id"])
    assert run("sources", "add", article_id, server.url("/report"))[0] == 0
    code, out, _ = run("fetch", article_id, "--json")
    assert json.loads(out)[0]["outcome"] == "ok"
    code, out, _ = run("match", article_id, "--json")
    assert json.loads(out)["with_evidence"] >= 2
    claims = json.loads(run("claims", "list", article_id, "--json")[1])
    ships = next(c for c in claims if "kapal" in c["text"])
    assert "ships" in ships["best_evidence"]["quote"]


def test_articles_add_from_url(cli_env: dict[str, str], server: LocalServer) -> None:
    server.routes["/story"] = Reply(
        200,
        page(
            "Library reopens",
            "The city library reopened on Monday after a renovation that took two years.",
            "More than 3,000 visitors came on the first day, the library director said.",
        ),
    )
    code, out, err = run("articles", "add", server.url("/story"), "--json")
    assert code == 0, err
    added = json.loads(out)
    assert added["language"] == "en" and added["claims"] >= 2


def test_console_script_runs(cli_env: dict[str, str]) -> None:
    exe = Path(sys.executable).with_name("workbench")
    result = subprocess.run(
        [str(exe), "articles", "list", "--json"], capture_output=True, text=True, check=False
    )
    assert result.returncode == 0, result.stderr
    assert json.loads(result.stdout) == []
