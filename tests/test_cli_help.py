"""Every command and subcommand answers ``--help``; the tree is discovered, not listed by hand."""

from __future__ import annotations

import pytest
import typer.main
from typer.testing import CliRunner

from workbench.cli import app


def _command_paths() -> list[tuple[str, ...]]:
    """Every path through the command tree, the root included, groups before their members."""
    root = typer.main.get_command(app)
    paths: list[tuple[str, ...]] = []

    def walk(command: object, path: tuple[str, ...]) -> None:
        paths.append(path)
        children = getattr(command, "commands", None) or {}
        for name in sorted(children):
            walk(children[name], (*path, name))

    walk(root, ())
    return paths


PATHS = _command_paths()


def test_the_walk_finds_groups_and_their_subcommands() -> None:
    assert len(PATHS) > 10
    assert any(len(path) > 1 for path in PATHS), "no subcommand found under a group"


@pytest.mark.parametrize("path", PATHS, ids=lambda path: " ".join(path) or "workbench")
def test_command_answers_help(path: tuple[str, ...]) -> None:
    result = CliRunner().invoke(app, [*path, "--help"], catch_exceptions=False)
    assert result.exit_code == 0, result.output
    assert "Usage" in result.output
    if path:
        assert path[-1] in result.output
