"""The command palette (ctrl+p) offers the current screen's own commands beside Textual's.

A screen offers commands by defining ``palette_commands``; each names one of the screen's actions,
so the palette and the key run the same code. The palette never lists another screen's commands.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from functools import partial
from typing import Protocol, runtime_checkable

from textual.binding import Binding
from textual.command import DiscoveryHit, Hit, Hits, Provider
from textual.screen import Screen


@dataclass(frozen=True, slots=True)
class PaletteCommand:
    """``action`` is an action string of the screen (``"verdict"``, ``"export('html')"``);
    ``help`` defaults to the tooltip of the screen's binding for that action."""

    title: str
    action: str
    help: str = ""


@runtime_checkable
class OffersCommands(Protocol):
    def palette_commands(self) -> Iterable[PaletteCommand]:
        """The commands that make sense now (a claim under the cursor, a gone page...)."""
        ...


def _binding_for(screen: Screen[object], action: str) -> Binding | None:
    for _key, binding in screen._bindings:  # Textual keeps no public list of a node's own bindings
        if binding.action == action:
            return binding
    return None


def describe(screen: Screen[object], command: PaletteCommand) -> str:
    """The help line of a command: its own help or its binding's tooltip, and the key that does the same."""
    binding = _binding_for(screen, command.action)
    text = command.help or (binding.tooltip if binding is not None else "")
    if binding is not None:
        key = screen.app.get_key_display(binding)
        text = f"{text} (key: {key})" if text else f"key: {key}"
    return text


class ScreenCommands(Provider):
    """Hits for the commands of the screen the palette was opened on."""

    def _commands(self) -> list[tuple[PaletteCommand, str]]:
        screen = self.screen
        if not isinstance(screen, OffersCommands):
            return []
        return [(command, describe(screen, command)) for command in screen.palette_commands()]

    async def discover(self) -> Hits:
        for command, help_text in self._commands():
            yield DiscoveryHit(command.title, partial(self.screen.run_action, command.action), help=help_text)

    async def search(self, query: str) -> Hits:
        matcher = self.matcher(query)
        for command, help_text in self._commands():
            score = matcher.match(command.title)
            if score > 0:
                yield Hit(
                    score,
                    matcher.highlight(command.title),
                    partial(self.screen.run_action, command.action),
                    text=command.title,
                    help=help_text,
                )
