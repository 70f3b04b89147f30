"""workbench: check a news article's claims against its original sources, from the terminal."""

__version__ = "0.1.0"
