"""Claim extraction grows with the text, not with its square; past the size cap it refuses.

Work is counted, not timed: the number of Python and built-in function calls the extractor makes
(``sys.setprofile`` events) on a text and on the same text four times over. Linear work gives a
ratio of about 4; looking up every date, number or attribution of the article for each claim gave
6 to 15 here. The times themselves are measured by ``bench/reliability_benchmark.py``.
"""

from __future__ import annotations

import datetime as dt
import sys
from collections.abc import Callable
from pathlib import Path
from types import FrameType
from typing import Any

import pytest
from typer.testing import CliRunner

from workbench.claims import ArticleTooLong, extract_claims
from workbench.cli import app

FRIDAY = dt.date(2022, 3, 4)


def calls(text: str) -> int:
    """How many function calls (Python and built-in) extracting ``text``'s claims makes."""
    count = 0

    def profile(_frame: FrameType, _event: str, _arg: Any) -> None:
        nonlocal count
        count += 1

    sys.setprofile(profile)
    try:
        extract_claims(text, "id", FRIDAY)
    finally:
        sys.setprofile(None)
    return count


TEXTS: dict[str, Callable[[int], str]] = {
    # a report dense in dates and numbers, on one line
    "numbers": lambda n: "Pada 4 Maret 2022 harga naik 12 persen, 1.250 kapal dan 30 orang. " * n,
    # a paragraph of quotations, each with its attribution
    "quotes": lambda n: '"Kami sudah menyiapkan semuanya," kata Budi Santoso. ' * n,
    # thousands of numbers in a row
    "figures": lambda n: "1,1 " * (15 * n),
}


@pytest.mark.parametrize("name", sorted(TEXTS))
def test_extraction_work_grows_with_the_text(name: str) -> None:
    make = TEXTS[name]
    extract_claims(make(2), "id", FRIDAY)  # imports and the lexicon load are not the text's cost
    small, large = calls(make(150)), calls(make(600))
    assert large < 5 * small, f"{name}: {small} calls for 150 repeats, {large} for 600"


def test_an_article_past_the_cap_is_refused(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("WORKBENCH_MAX_ARTICLE_CHARS", "1000")
    with pytest.raises(ArticleTooLong, match=r"1,202 characters.*at most 1,000"):
        extract_claims("Kata dia 20 orang datang. " * 46 + "Akhir.", "id", FRIDAY)  # 1,202
    assert extract_claims("Kementerian menyetujui 40 sekolah baru pada 4 Maret.", "id", FRIDAY)


def test_claims_extract_refuses_a_file_past_the_cap(tmp_path: Path) -> None:
    runner = CliRunner()
    env = {"WORKBENCH_MAX_ARTICLE_CHARS": "1000"}
    long_text = tmp_path / "long.txt"
    long_text.write_text("Kata dia 20 orang datang. " * 100, encoding="utf-8")
    huge = tmp_path / "huge.txt"
    huge.write_bytes(b"a" * 5000)  # more bytes than 1,000 characters can take: refused unread
    for path in (long_text, huge):
        result = runner.invoke(app, ["claims", "extract", str(path)], env=env, catch_exceptions=False)
        assert result.exit_code == 2
        assert result.stderr.startswith("error: ") and len(result.stderr.strip().splitlines()) == 1
        assert "WORKBENCH_MAX_ARTICLE_CHARS" in result.stderr
    result = runner.invoke(
        app, ["claims", "extract", str(long_text)], env={"WORKBENCH_MAX_ARTICLE_CHARS": "many"}
    )
    assert result.exit_code == 2 and "must be a positive int" in result.stderr
