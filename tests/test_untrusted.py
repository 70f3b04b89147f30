"""The one rule for untrusted text on each surface: one line (CLI), shown (TUI), published (reports)."""

from __future__ import annotations

import pytest

from workbench.untrusted import REPLACEMENT, one_line, published, shown

HOSTILE = "a\x1b[2J\x07b\u202ec\u2066d\r\ne\rf\u2028g\x85h\ti\nj\x9bk"


def test_one_line_has_no_break_and_no_control() -> None:
    line = one_line(HOSTILE)
    assert "\n" not in line and "\r" not in line and "\t" not in line
    assert not any(c in line for c in "\x1b\x07\u202e\u2066\u2028\x85\x9b")
    assert line.count(REPLACEMENT) == 5  # ESC, BEL, the override, the isolate, CSI (C1)
    assert one_line(12) == "12"


def test_shown_keeps_every_offset_and_the_lines() -> None:
    screen = shown(HOSTILE)
    assert len(screen) == len(HOSTILE)
    assert [i for i, c in enumerate(screen) if c != REPLACEMENT] == [
        i for i, c in enumerate(HOSTILE) if c not in "\x1b\x07\u202e\u2066\r\u2028\x85\x9b"
    ]
    assert screen.count("\n") == HOSTILE.count("\n") == 2 and "\t" in screen


def test_published_drops_controls_and_direction_marks_and_keeps_the_lines() -> None:
    report = published(HOSTILE)
    assert report == "a[2Jbcd\ne\nf\ng\nh\ti\njk"


@pytest.mark.parametrize("text", ["plain words", "Jum’at, 4 Maret — “kata” İ e\u0301 😀", ""])
def test_printable_text_is_unchanged_everywhere(text: str) -> None:
    assert one_line(text) == shown(text) == published(text) == text


def test_the_arabic_letter_mark_is_a_direction_mark_too() -> None:
    assert shown("a\u061cb") == f"a{REPLACEMENT}b" and one_line("a\u061cb") == f"a{REPLACEMENT}b"
    assert published("a\u061cb") == "ab"
