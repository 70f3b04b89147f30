"""Two checkers at once and a killed process: every committed verdict survives, the file stays sound."""

from __future__ import annotations

import multiprocessing
import os
import signal
import subprocess
import sys
import time
from pathlib import Path

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
    for worker in workers:
        worker.join(timeout=120)
        assert worker.exitcode == 0
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
    assert process.stdout is not None
    committed: list[int] = []
    deadline = time.monotonic() + 60
    while len(committed) < 30 and time.monotonic() < deadline:
        line = process.stdout.readline()
        if line.strip():
            committed.append(int(line))
    os.kill(process.pid, signal.SIGKILL)
    process.wait()
    assert len(committed) >= 30
    with workspace.db.engine.connect() as conn:
        assert conn.execute(text("PRAGMA integrity_check")).scalar() == "ok"
    with workspace.db.session() as session:
        stored = set(session.exec(select(Verdict.id)).all())
    assert set(committed) <= stored  # everything reported as saved is there
