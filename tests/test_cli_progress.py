"""The long commands on a terminal: progress on stderr (only when it is a terminal, never under
--json), --no-semantic, and Ctrl-C keeping the work done. The interrupts are real: the command
runs in a child process whose stderr is a pseudo-terminal, and gets SIGINT once its progress
says it is part-way."""

from __future__ import annotations

import io
import os
import pty
import re
import select
import shutil
import signal
import sqlite3
import subprocess
import sys
import time
from pathlib import Path

import pytest
from typer.testing import CliRunner

from workbench.cli import app
from workbench.cli.progress import ProgressLine
from workbench.matching.semantic import semantic_available
from workbench.services.articles import add_article
from workbench.services.cases import builtin_cases
from workbench.services.fetching import fetch_article
from workbench.services.matching import CLAIM_BATCH
from workbench.services.sources import add_source
from workbench.services.workspace import Workspace

_NUMBER = re.compile(r"(?<![\w.,])\d+(?![\w])")
_BAR = re.compile(r"(matching|embedding) \[[#.]+\] (\d+)/(\d+)")


def _long_article(copies: int) -> str:
    """The Contoso article again and again, each copy's figures shifted (so copies differ)."""
    seed = next(c for c in builtin_cases() if c.slug == "contoso-demo").read_text()
    return "\n\n".join(_NUMBER.sub(lambda m, k=k: str(int(m.group()) + k), seed) for k in range(copies))


@pytest.fixture(scope="module")
def long_db(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, int, int]:
    """A database with one article of ~1,100 claims and the Contoso sources fetched (offline)."""
    folder = tmp_path_factory.mktemp("long")
    case = next(c for c in builtin_cases() if c.slug == "contoso-demo")
    ws = Workspace.open(str(folder / "claims.db"), archive=folder / "archive")
    try:
        article = add_article(ws, _long_article(40), title="long", language="id", article_date=case.date)
        for source in case.sources:
            add_source(ws, article.id or 0, source.url)
        fetch_article(ws, article.id or 0)
        with ws.db.session() as session:
            claims = session.connection().exec_driver_sql("SELECT count(*) FROM claim").scalar_one()
    finally:
        ws.close()
    return folder, article.id or 0, int(claims)


def _copy(long_db: tuple[Path, int, int], target: Path) -> Path:
    folder = long_db[0]
    source = sqlite3.connect(folder / "claims.db")
    copy = sqlite3.connect(target / "claims.db")
    with copy:
        source.backup(copy)
    source.close()
    copy.close()
    shutil.copytree(folder / "archive", target / "archive")
    return target / "claims.db"


def _run_on_terminal(
    args: list[str], env: dict[str, str], until: re.Pattern[str], *, want: int
) -> tuple[int, str]:
    """Run the CLI with stderr on a pseudo-terminal; send SIGINT once ``until`` matched with a
    count of at least ``want``; return the exit code and everything written to the terminal."""
    master, slave = pty.openpty()
    child = subprocess.Popen(
        [sys.executable, "-m", "workbench", *args],
        stdin=subprocess.DEVNULL,
        stdout=subprocess.PIPE,
        stderr=slave,
        env=env,
    )
    os.close(slave)
    seen = ""
    deadline = time.monotonic() + 300
    sent = False
    try:
        while time.monotonic() < deadline:
            ready, _, _ = select.select([master], [], [], 0.5)
            if ready:
                try:
                    chunk = os.read(master, 4096)
                except OSError:  # the child closed the terminal
                    break
                if not chunk:
                    break
                seen += chunk.decode("utf-8", "replace")
            if not sent and any(int(m.group(2)) >= want for m in until.finditer(seen)):
                child.send_signal(signal.SIGINT)
                sent = True
            if child.poll() is not None and not ready:
                break
        code = child.wait(timeout=120)
    finally:
        if child.poll() is None:
            child.kill()
        os.close(master)
    assert sent, f"the progress never reached {want}: {seen[-500:]!r}"
    return code, seen


def _env(folder: Path) -> dict[str, str]:
    return dict(os.environ, WORKBENCH_ARCHIVE=str(folder / "archive"), WORKBENCH_EMBED_THREADS="1")


def test_ctrl_c_during_ranking_keeps_the_evidence_of_the_claims_done(
    long_db: tuple[Path, int, int], tmp_path: Path
) -> None:
    db = _copy(long_db, tmp_path)
    _, article, total = long_db
    assert total > 3 * CLAIM_BATCH
    matching = re.compile(r"(matching) \[[#.]+\] (\d+)/(\d+)")
    code, terminal = _run_on_terminal(
        ["--db", str(db), "match", str(article), "--no-semantic"],
        _env(tmp_path),
        matching,
        want=CLAIM_BATCH + 50,
    )
    assert code == 130, terminal
    kept = re.search(r"interrupted: evidence kept for (\d+) of (\d+) claims", terminal)
    assert kept, terminal
    done, of = int(kept.group(1)), int(kept.group(2))
    assert of == total
    assert CLAIM_BATCH < done < total  # stopped part-way, past the first written batch
    with sqlite3.connect(db) as connection:
        positions = [
            row[0]
            for row in connection.execute(
                "SELECT DISTINCT c.position FROM evidence e JOIN claim c ON c.id = e.claim_id ORDER BY 1"
            )
        ]
    # evidence exists for claims of the part done, and only for them (claims go in article order)
    assert len(positions) > CLAIM_BATCH // 2
    assert max(positions) < done


@pytest.mark.skipif(not semantic_available(), reason="the semantic extra is not installed")
def test_ctrl_c_during_embedding_keeps_the_vectors_computed(
    long_db: tuple[Path, int, int], tmp_path: Path
) -> None:
    db = _copy(long_db, tmp_path)
    _, article, _ = long_db
    embedding = re.compile(r"(embedding) \[[#.]+\] (\d+)/(\d+)")
    code, terminal = _run_on_terminal(
        ["--db", str(db), "match", str(article)], _env(tmp_path), embedding, want=32
    )
    assert code == 130, terminal
    wanted = max(int(m.group(3)) for m in embedding.finditer(terminal))
    with sqlite3.connect(db) as connection:
        vectors = connection.execute("SELECT count(*) FROM embedding").fetchone()[0]
        evidence = connection.execute("SELECT count(*) FROM evidence").fetchone()[0]
    assert 32 <= vectors < wanted  # the chunks computed before Ctrl-C, not the rest
    assert evidence == 0  # ranking had not begun


def test_no_progress_when_stderr_is_not_a_terminal(long_db: tuple[Path, int, int], tmp_path: Path) -> None:
    db = _copy(long_db, tmp_path)
    _, article, total = long_db
    result = subprocess.run(
        [sys.executable, "-m", "workbench", "--db", str(db), "match", str(article), "--no-semantic"],
        env=_env(tmp_path),
        capture_output=True,
        text=True,
        check=False,
        timeout=600,
    )
    assert result.returncode == 0, result.stderr
    assert not _BAR.search(result.stderr)
    assert f"of {total} claims have evidence" in result.stdout


def test_no_semantic_never_asks_for_embeddings(workspace: Workspace, monkeypatch: pytest.MonkeyPatch) -> None:
    case = next(c for c in builtin_cases() if c.slug == "contoso-demo")
    article = add_article(workspace, case.read_text(), language="id", article_date=case.date, slug=case.slug)
    for source in case.sources:
        add_source(workspace, article.id or 0, source.url)
    fetch_article(workspace, article.id or 0)
    asked: list[object] = []

    def recording(ws: Workspace, session: object = None) -> None:
        asked.append(ws)
        return None  # as without the extra: lexical

    monkeypatch.setattr("workbench.services.matching.semantic_for", recording)
    env = {"WORKBENCH_ARCHIVE": str(workspace.archive.root)}
    args = ["--db", workspace.db.url, "match", "contoso-demo", "--json"]
    result = CliRunner().invoke(app, [*args, "--no-semantic"], env=env, catch_exceptions=False)
    assert result.exit_code == 0, result.output
    assert '"with_evidence"' in result.output
    assert asked == []
    result = CliRunner().invoke(app, args, env=env, catch_exceptions=False)
    assert result.exit_code == 0, result.output
    assert len(asked) == 1  # without the flag, matching asks for the semantic scorer


class _Terminal(io.StringIO):
    def isatty(self) -> bool:
        return True


def test_the_bar_draws_on_a_terminal_and_clears_after() -> None:
    screen = _Terminal()
    with ProgressLine(stream=screen) as bar:
        bar.update("matching", 50, 200, "claims")
        bar.update("matching", 200, 200, "claims")
    drawn = screen.getvalue()
    assert "matching [######..................] 50/200 claims" in drawn
    assert "200/200 claims" in drawn
    assert drawn.endswith("\r")  # the line is wiped: the terminal is left as it was


def test_the_bar_is_silent_off_a_terminal_and_when_quiet() -> None:
    pipe, quiet = io.StringIO(), _Terminal()
    ProgressLine(stream=pipe).update("matching", 1, 2)
    ProgressLine(stream=quiet, quiet=True).update("matching", 1, 2)
    assert pipe.getvalue() == quiet.getvalue() == ""


def test_fetch_shows_its_progress_on_a_terminal(tmp_path: Path) -> None:
    case = next(c for c in builtin_cases() if c.slug == "contoso-demo")
    ws = Workspace.open(str(tmp_path / "claims.db"), archive=tmp_path / "archive")
    try:
        article = add_article(ws, case.read_text(), language="id", article_date=case.date, slug=case.slug)
        for source in case.sources:
            add_source(ws, article.id or 0, source.url)
    finally:
        ws.close()
    master, slave = pty.openpty()
    result = subprocess.run(
        [sys.executable, "-m", "workbench", "--db", str(tmp_path / "claims.db"), "fetch", "contoso-demo"],
        stdin=subprocess.DEVNULL,
        stdout=subprocess.PIPE,
        stderr=slave,
        env=_env(tmp_path),
        timeout=300,
        check=False,
    )
    os.close(slave)
    seen = b""
    while select.select([master], [], [], 0.2)[0]:
        try:
            chunk = os.read(master, 4096)
        except OSError:
            break
        if not chunk:
            break
        seen += chunk
    os.close(master)
    assert result.returncode == 0, seen
    assert re.search(r"fetching \[#+\] 4/4 sources", seen.decode("utf-8", "replace"))


def test_demo_no_semantic_matches_lexically(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    asked: list[object] = []
    monkeypatch.setattr("workbench.services.matching.semantic_for", lambda *args: asked.append(args))
    result = CliRunner().invoke(
        app,
        ["--db", str(tmp_path / "claims.db"), "demo", "--offline", "--no-tui", "--no-semantic", "--json"],
        env={"WORKBENCH_ARCHIVE": str(tmp_path / "archive")},
        catch_exceptions=False,
    )
    assert result.exit_code == 0, result.output
    assert '"claims_with_evidence"' in result.output
    assert asked == []
