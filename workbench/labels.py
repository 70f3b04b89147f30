"""Verdict labels, read from the shipped ``labels.toml`` or the user's ``WORKBENCH_LABELS`` file."""

from __future__ import annotations

import os
import tomllib
from dataclasses import dataclass
from functools import cache
from pathlib import Path

SHIPPED = Path(__file__).resolve().parent / "labels.toml"


@dataclass(frozen=True, slots=True)
class Label:
    id: str
    en: str
    id_name: str
    meaning: str
    claimreview_rating: int | None
    key: str


class UnknownLabel(ValueError):
    pass


@cache
def _load(path: Path) -> tuple[Label, ...]:
    data = tomllib.loads(path.read_text(encoding="utf-8"))
    return tuple(
        Label(
            id=item["id"],
            en=item["en"],
            id_name=item.get("id_name", item["en"]),
            meaning=item.get("meaning", ""),
            claimreview_rating=int(item["claimreview_rating"]) if "claimreview_rating" in item else None,
            key=item.get("key", ""),
        )
        for item in data["labels"]
    )


@cache
def _scale(path: Path) -> tuple[int, int]:
    data = tomllib.loads(path.read_text(encoding="utf-8")).get("claimreview", {})
    return int(data.get("worst_rating", 1)), int(data.get("best_rating", 5))


def _path() -> Path:
    override = os.environ.get("WORKBENCH_LABELS")
    return Path(override) if override else SHIPPED


def claimreview_scale() -> tuple[int, int]:
    """(worstRating, bestRating) of the ClaimReview mapping."""
    return _scale(_path())


def labels() -> tuple[Label, ...]:
    return _load(_path())


def get_label(label_id: str) -> Label:
    for label in labels():
        if label.id == label_id:
            return label
    known = ", ".join(label.id for label in labels())
    raise UnknownLabel(f"unknown verdict label {label_id!r} (known: {known})")


def label_name(label_id: str) -> str:
    """The display name of a label; a label the current labels file does not know (a verdict
    recorded under another file) is shown as its id rather than breaking the display."""
    try:
        return get_label(label_id).en
    except UnknownLabel:
        return label_id
