"""Two checkers at once and a killed process: every committed verdict survives, the file stays sound."""

from __future__ import annotations

import multiprocessing
import queue
import subprocess
import sys
import threading
import time
from pathlib import Path

import pytest
from sqlalchemy import text
from sqlmodel import col, func, select

from workbench.services.articles import add_article
from workbench.services.verdicts import list_claims, record_verdict
from workbench.services.workspace import Workspace
from workbench.storage.models import Verdict

ARTICLE = "JAKARTA - Dewan kota menyetujui anggaran 12 juta dolar pada Senin, kata wali kota.\n"


def _checker(db: str, archive: str, claim_id: int, name: str, rounds: int) -> None:
    ws = Workspace.open(db, archive=Path(archive))
    try:
        for i in range(rounds):
            record_verdict(
                ws,
                claim_id,
                "supported" if i % 2 else "partly-supported",
                rationale=f"{name} {i}",
                checker=name,
            )
    finally:
        ws.close()


def _count(ws: Workspace) -> int:
    with ws.db.session() as session:
        return int(session.exec(select(func.count()).select_from(Verdict)).one())


def test_two_checkers_at_once_lose_nothing(workspace: Workspace, db_path: Path, tmp_path: Path) -> None:
    article = add_article(workspace, ARTICLE, language="id")
    claim_id = list_claims(workspace, article.id or 0)[0].claim.id or 0
    context = multiprocessing.get_context("spawn")
    workers = [
        context.Process(target=_checker, args=(str(db_path), str(tmp_path / "archive"), claim_id, name, 40))
        for name in ("ani", "budi")
    ]
    for worker in workers:
        worker.start()
    try:
        deadline = time.monotonic() + 120
        for worker in workers:
            worker.join(timeout=max(0.0, deadline - time.monotonic()))
            assert not worker.is_alive(), "a checker process was still writing after 120 s"
            assert worker.exitcode == 0
    finally:
        for worker in workers:
            if worker.is_alive():
                worker.kill()
                worker.join()
    assert _count(workspace) == 80
    with workspace.db.session() as session:
        by_checker = dict(
            session.exec(select(Verdict.checker, func.count()).group_by(col(Verdict.checker))).all()
        )
    assert by_checker == {"ani": 40, "budi": 40}


KILLED = """
import sys
from pathlib import Path
from workbench.services.verdicts import record_verdict
from workbench.services.workspace import Workspace
ws = Workspace.open(sys.argv[1], archive=Path(sys.argv[2]))
claim_id = int(sys.argv[3])
i = 0
while True:
    v = record_verdict(ws, claim_id, "supported", rationale=f"round {i}", checker="doomed")
    print(v.id, flush=True)
    i += 1
"""


def test_a_killed_process_keeps_every_committed_verdict(
    workspace: Workspace, db_path: Path, tmp_path: Path
) -> None:
    article = add_article(workspace, ARTICLE, language="id")
    claim_id = list_claims(workspace, article.id or 0)[0].claim.id or 0
    process = subprocess.Popen(
        [sys.executable, "-c", KILLED, str(db_path), str(tmp_path / "archive"), str(claim_id)],
        stdout=subprocess.PIPE,
        text=True,
    )
    stdout = process.stdout
    assert stdout is not None
    # A reader thread, so that a writer that hangs without printing cannot block the test.
    lines: queue.Queue[str | None] = queue.Queue()

    def read() -> None:
        for line in stdout:
            lines.put(line)
        lines.put(None)  # end of output: the writer exited

    threading.Thread(target=read, daemon=True).start()
    committed: list[int] = []
    deadline = time.monotonic() + 60
    try:
        while len(committed) < 30:
            try:
                line = lines.get(timeout=max(0.0, deadline - time.monotonic()))
            except queue.Empty:
                pytest.fail(f"the writer reported {len(committed)} of 30 verdicts in 60 s")
            if line is None:
                pytest.fail(f"the writer exited after {len(committed)} verdicts, code {process.wait()}")
            if line.strip():
                committed.append(int(line))
    finally:
        process.kill()  # SIGKILL: no chance to clean up
        process.wait()
    with workspace.db.engine.connect() as conn:
        assert conn.execute(text("PRAGMA integrity_check")).scalar() == "ok"
    with workspace.db.session() as session:
        stored = set(session.exec(select(Verdict.id)).all())
    assert set(committed) <= stored  # everything reported as saved is there
