"""Verdict labels, read from the shipped ``labels.toml`` or the user's ``WORKBENCH_LABELS`` file.

Their names are shown in the checker's language (``WORKBENCH_LANG``, see :func:`display_name`);
reports keep English unless asked for another (:func:`label_name`)."""

from __future__ import annotations

import os
import tomllib
from dataclasses import dataclass
from functools import cache
from pathlib import Path

from workbench import settings

SHIPPED = Path(__file__).resolve().parent / "labels.toml"


# the languages a label has a display name in: English (``en``) and Indonesian (``id_name``)
LANGUAGES = ("en", "id")


@dataclass(frozen=True, slots=True)
class Label:
    id: str
    en: str
    id_name: str
    meaning: str
    claimreview_rating: int | None
    key: str

    def name(self, lang: str = "en") -> str:
        """The display name in ``lang`` (``en`` or ``id``); English for any other value."""
        return self.id_name if lang == "id" else self.en


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


@cache
def _default_lang(path: Path) -> str:
    value = tomllib.loads(path.read_text(encoding="utf-8")).get("default_lang", "en")
    return value if value in LANGUAGES else "en"


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


def label_name(label_id: str, lang: str = "en") -> str:
    """The display name of a label in ``lang`` (English unless asked); a label the current labels
    file does not know (a verdict recorded under another file) is shown as its id rather than
    breaking the display."""
    try:
        return get_label(label_id).name(lang)
    except UnknownLabel:
        return label_id


def display_language(lang: str | None = None) -> str:
    """The language label names are shown in: ``lang`` if given, else ``WORKBENCH_LANG``, else the
    labels file's ``default_lang``. A value that is not one of ``LANGUAGES`` falls back to that
    default (:func:`language_warning` says so)."""
    value = lang if lang is not None else settings.label_language()
    return value if value in LANGUAGES else _default_lang(_path())


def language_warning() -> str | None:
    """What to tell a checker whose ``WORKBENCH_LANG`` names no language the labels are in."""
    value = settings.label_language()
    if value is None or value in LANGUAGES:
        return None
    return (
        f"WORKBENCH_LANG={value!r} is not one of {', '.join(LANGUAGES)}; "
        f"label names are shown in {display_language()!r}"
    )


def display_name(label_id: str, lang: str | None = None) -> str:
    """A label's name as the checker reads it on screen, in :func:`display_language`."""
    return label_name(label_id, display_language(lang))
