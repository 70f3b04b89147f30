"""The core does not depend on the front ends."""

from __future__ import annotations

import subprocess
import sys

CORE = [
    "workbench.domain",
    "workbench.storage.models",
    "workbench.storage.database",
    "workbench.fetching.http",
    "workbench.fetching.archive",
    "workbench.fetching.extract",
    "workbench.claims",
    "workbench.matching.rank",
    "workbench.matching.passages",
    "workbench.export.markdown",
    "workbench.services.demo",
    "workbench.services.reports",
    "workbench.services.verdicts",
]


def test_core_imports_neither_textual_nor_typer() -> None:
    code = (
        "import sys\n"
        + "".join(f"import {m}\n" for m in CORE)
        + "bad = sorted(m for m in sys.modules if m.split('.')[0] in ('textual', 'typer'))\n"
        + "print(','.join(bad))\n"
    )
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert result.stdout.strip() == ""


def test_every_command_has_help() -> None:
    from typer.testing import CliRunner

    from workbench.cli import app

    runner = CliRunner()
    commands = [
        [],
        ["demo"],
        ["articles", "list"],
        ["articles", "add"],
        ["sources", "add"],
        ["claims", "list"],
        ["claims", "extract"],
        ["fetch"],
        ["match"],
        ["verdict"],
        ["export"],
        ["db", "upgrade"],
    ]
    for command in commands:
        result = runner.invoke(app, [*command, "--help"], catch_exceptions=False)
        assert result.exit_code == 0, command
        assert "Usage" in result.output
