"""The footer of the workbench's screens: Textual's, rebuilt only when what it shows changes."""

from __future__ import annotations

from textual.screen import Screen
from textual.widgets import Footer


class StableFooter(Footer):
    """Textual's Footer rebuilds all its keys each time the screen's bindings are updated: every
    dialog that closes, every focus change. On the claims screen that is some twenty widgets
    styled again, a good part of what saving a verdict cost (bench/tui_benchmark.py). This one
    rebuilds them only when the keys it shows, their names or their state changed."""

    _shown: tuple[object, ...] | None = None

    def bindings_changed(self, screen: Screen[object]) -> None:
        if self.is_attached and screen is self.screen and screen.app.app_focus:
            shown = tuple(
                (binding.key, binding.description, enabled, tooltip)
                for _node, binding, enabled, tooltip in screen.active_bindings.values()
                if binding.show
            )
            if shown == self._shown and self._bindings_ready:
                return
            self._shown = shown
        super().bindings_changed(screen)
