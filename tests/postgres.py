"""A throwaway PostgreSQL server for team-mode tests: initdb in a temporary folder, a private
socket directory and port, stopped at the end. initdb and pg_ctl refuse to run as root, so as
root they run as the ``postgres`` user."""

from __future__ import annotations

import os
import shutil
import socket
import subprocess
import tempfile
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

SEARCH = ["/usr/lib/postgresql/16/bin", "/usr/lib/postgresql/15/bin", "/usr/lib/postgresql/17/bin"]


def server_binaries() -> Path | None:
    for folder in SEARCH:
        if (Path(folder) / "initdb").exists():
            return Path(folder)
    found = shutil.which("initdb")
    return Path(found).parent if found else None


def _as_postgres(command: list[str]) -> list[str]:
    if os.geteuid() != 0:
        return command
    return ["runuser", "-u", "postgres", "--", *command]


@contextmanager
def postgres_server() -> Iterator[str]:
    """Yields a SQLAlchemy URL of an empty database on a fresh server."""
    binaries = server_binaries()
    if binaries is None:
        raise RuntimeError("no PostgreSQL server binaries (initdb) found")
    root = Path(tempfile.mkdtemp(prefix="workbench-pg-"))
    data, sockets = root / "data", root / "sock"
    sockets.mkdir()
    if os.geteuid() == 0:
        shutil.chown(root, "postgres")
        shutil.chown(sockets, "postgres")
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    # pg_ctl -w gives up on its own after 60 s; the timeout bounds every other step the same way.
    run = lambda *args: subprocess.run(_as_postgres(list(args)), check=True, capture_output=True, timeout=120)  # noqa: E731
    run(str(binaries / "initdb"), "-D", str(data), "-U", "postgres", "--auth=trust", "-E", "UTF8")
    run(
        str(binaries / "pg_ctl"), "-D", str(data), "-l", str(root / "log"), "-w", "start",
        "-o", f"-p {port} -k {sockets} -c listen_addresses='' -c fsync=off",
    )  # fmt: skip
    try:
        run(str(binaries / "createdb"), "-h", str(sockets), "-p", str(port), "-U", "postgres", "workbench")
        yield f"postgresql+psycopg://postgres@/workbench?host={sockets}&port={port}"
    finally:
        subprocess.run(_as_postgres([str(binaries / "pg_ctl"), "-D", str(data), "-w", "-m", "fast", "stop"]),
                       check=False, capture_output=True, timeout=120)  # fmt: skip
        shutil.rmtree(root, ignore_errors=True)
