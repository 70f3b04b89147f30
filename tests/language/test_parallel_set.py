"""The Indonesian–English parallel development set (bench/data/parallel_id_en): well formed, and split
by the rule fixed before anyone measured on it (SHA-1 of the Indonesian text, first hex digit 0-7 →
tuning). Failure messages name pair ids only, never the test half's texts."""

from __future__ import annotations

import hashlib
import json
import re
from pathlib import Path

import pytest

DATA = Path(__file__).resolve().parents[2] / "bench" / "data" / "parallel_id_en"
HALVES = ("tuning", "test")
FIELDS = {"id", "id_text", "en_text", "genre"}


def _lines(half: str) -> list[str]:
    text = (DATA / f"{half}.jsonl").read_text(encoding="utf-8")
    assert text.endswith("\n"), f"{half}.jsonl must end with a newline"
    return text.splitlines()


def _pairs(half: str) -> list[dict[str, str]]:
    return [json.loads(line) for line in _lines(half)]


@pytest.mark.parametrize("half", HALVES)
def test_every_line_is_a_well_formed_pair(half: str) -> None:
    for number, line in enumerate(_lines(half), start=1):
        pair = json.loads(line)
        assert isinstance(pair, dict) and set(pair) == FIELDS, f"{half} line {number}"
        assert all(isinstance(pair[field], str) for field in FIELDS), f"{half} line {number}"
        assert re.fullmatch(r"p\d{4}", pair["id"]), f"{half} line {number}"
        assert pair["genre"] in {"news", "prose"}, pair["id"]
        # the written form is the one the split script writes: UTF-8 kept as is, no escapes
        assert line == json.dumps(pair, ensure_ascii=False), pair["id"]


@pytest.mark.parametrize("half", HALVES)
def test_no_side_is_empty_and_sentences_have_a_news_length(half: str) -> None:
    for pair in _pairs(half):
        for side in ("id_text", "en_text"):
            text = pair[side]
            assert text.strip() == text and text, f"{pair['id']} {side}"
            assert 6 <= len(text.split()) <= 35, f"{pair['id']} {side}"
        assert pair["id_text"] != pair["en_text"], pair["id"]


def test_ids_are_unique_across_both_halves() -> None:
    ids = [pair["id"] for half in HALVES for pair in _pairs(half)]
    assert len(ids) == len(set(ids))


def test_no_indonesian_text_is_in_both_halves_or_twice() -> None:
    tuning = [pair["id_text"] for pair in _pairs("tuning")]
    test = [pair["id_text"] for pair in _pairs("test")]
    assert len(set(tuning)) == len(tuning)
    assert len(set(test)) == len(test)
    assert not set(tuning) & set(test)


@pytest.mark.parametrize("half", HALVES)
def test_each_pair_is_in_the_half_its_sha1_names(half: str) -> None:
    for pair in _pairs(half):
        first = hashlib.sha1(pair["id_text"].encode("utf-8")).hexdigest()[0]  # noqa: S324 - a split rule
        expected = "tuning" if first in "01234567" else "test"
        assert expected == half, pair["id"]


@pytest.mark.parametrize("half", HALVES)
def test_each_half_is_large_enough_and_has_both_genres(half: str) -> None:
    pairs = _pairs(half)
    assert len(pairs) >= 150
    genres = {pair["genre"] for pair in pairs}
    assert genres == {"news", "prose"}
    prose = sum(pair["genre"] == "prose" for pair in pairs)
    assert prose >= 40, "each half needs enough general prose to report it on its own"
