"""Commands that work without a database: batch ranking (more to come)."""

from __future__ import annotations

import typer


def register(app: typer.Typer) -> None:
    """Database-free batch commands are added here as their cores land."""
