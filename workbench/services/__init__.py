"""Use cases shared by the CLI and the TUI: one implementation, two front ends."""
