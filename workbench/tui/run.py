"""Open the TUI on a database."""

from __future__ import annotations


def run_tui(db: str | None = None) -> None:
    from workbench.services.workspace import Workspace
    from workbench.tui.app import WorkbenchApp

    ws = Workspace.open(db)
    try:
        WorkbenchApp(ws).run()
    finally:
        ws.close()
