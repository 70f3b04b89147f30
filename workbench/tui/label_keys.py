"""The verdict label keys (``key`` in labels.toml: s p m c n u) as bindings of a screen.

The bindings are declared with the class, but their names are given when a screen is made, in the
checker's language (``WORKBENCH_LANG``): nothing reads the environment at import time.
"""

from __future__ import annotations

from dataclasses import replace

from textual.binding import Binding, BindingType
from textual.dom import DOMNode

from workbench.labels import display_name, labels


def label_key_bindings(action: str, id_prefix: str) -> list[BindingType]:
    """One hidden binding per label that has a key, running ``action('<label id>')``; the
    binding id is ``<id_prefix>-<label id>`` (so keymaps can rebind it)."""
    return [
        Binding(lab.key, f"{action}('{lab.id}')", lab.id, id=f"{id_prefix}-{lab.id}", show=False)
        for lab in labels()
        if lab.key
    ]


def name_label_bindings(node: DOMNode, id_prefix: str, tooltip: str = "") -> None:
    """Give ``node``'s label bindings their display names; ``tooltip`` may use ``{name}``."""
    prefix = f"{id_prefix}-"
    table = node._bindings.key_to_bindings  # this node's own copy of its class's bindings
    for key, bindings in table.items():
        if not any(b.id and b.id.startswith(prefix) for b in bindings):
            continue
        named = []
        for binding in bindings:
            if binding.id and binding.id.startswith(prefix):
                name = display_name(binding.id.removeprefix(prefix))
                binding = replace(binding, description=name, tooltip=tooltip.format(name=name))
            named.append(binding)
        table[key] = named  # a new list: the class's lists are shared between instances
