"""Word-level differences between a pinned quote and the passage that replaced it."""

from __future__ import annotations

from rapidfuzz.distance import Levenshtein


def word_diff(old: str, new: str) -> list[dict[str, str]]:
    """Changes that turn ``old`` into ``new``, word by word (whitespace-separated), in order.

    Each change is ``{"op": "replace", "old": ..., "new": ...}``, ``{"op": "delete", "old": ...}``
    or ``{"op": "insert", "new": ...}``; neighbouring changed words are reported as one change, so
    "1.5 million" -> "nearly 1.65 million" reads as one replacement rather than two edits.
    """
    old_words, new_words = old.split(), new.split()
    changes: list[dict[str, str]] = []
    pending_old: list[str] = []
    pending_new: list[str] = []
    for op in Levenshtein.opcodes(old_words, new_words):
        if op.tag == "equal":
            _flush(changes, pending_old, pending_new)
            continue
        pending_old.extend(old_words[op.src_start : op.src_end])
        pending_new.extend(new_words[op.dest_start : op.dest_end])
    _flush(changes, pending_old, pending_new)
    return changes


def _flush(changes: list[dict[str, str]], old: list[str], new: list[str]) -> None:
    if old and new:
        changes.append({"op": "replace", "old": " ".join(old), "new": " ".join(new)})
    elif old:
        changes.append({"op": "delete", "old": " ".join(old)})
    elif new:
        changes.append({"op": "insert", "new": " ".join(new)})
    old.clear()
    new.clear()


def edit_distance(old: str, new: str) -> int:
    """Levenshtein distance in characters (code points)."""
    return int(Levenshtein.distance(old, new))
