"""The command line: thin, parses arguments, calls a service, prints text or ``--json``."""

from workbench.cli.app import app, main

__all__ = ["app", "main"]
