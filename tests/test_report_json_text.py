"""Reports write indented JSON through orjson; the text must be what ``json.dumps(...,
ensure_ascii=False, indent=2)`` wrote before, for every kind of value a report holds and for the
values orjson refuses (which go to the standard library)."""

from __future__ import annotations

import datetime as dt
import json
from typing import Any

import pytest

from workbench.export.claimreview import script_json
from workbench.export.report_json import indented_json, json_text

VALUES: list[Any] = [
    {"text": "Jum’at, 4 Maret — “kata Smith” İ e\u0301 😀 \u2028 \u2029 \ufeff", "n": None, "ok": True},
    {"controls": "\x00\x01\x08\t\n\x0b\x0c\r\x1b\x1f\x7f\x80\x9f", "quote": '"\\ / </script> &amp;'},
    {"empty": [], "nothing": {}, "nested": [[], {}, [{"a": []}]]},
    {"scores": [0.0, 0.1, 12.5, 85.3, 99.9, 100.0], "ints": [0, -1, 2**31, 2**63 - 1]},
    {"big": 2**70},  # past 64 bits: the standard library writes it
    {1: "an integer key"},  # a non-string key: the standard library writes it as a string
    {"surrogate": "\ud800"},  # a lone surrogate: the standard library keeps it
    [],
    "just a string",
]


@pytest.mark.parametrize("value", VALUES, ids=range(len(VALUES)))
def test_indented_json_is_the_standard_librarys_text(value: Any) -> None:
    assert indented_json(value) == json.dumps(value, ensure_ascii=False, indent=2)


def test_json_text_escapes_del_and_c1_and_keeps_the_rest() -> None:
    text = json_text({"t": "a\x7fb\x85c’"})
    assert "\x7f" not in text and "\x85" not in text
    assert "\\u007f" in text and "\\u0085" in text and "’" in text
    assert json.loads(text) == {"t": "a\x7fb\x85c’"}


def test_script_json_cannot_close_its_element() -> None:
    text = script_json([{"claimReviewed": "</script><!-- & \u2028"}])
    assert "<" not in text and ">" not in text and "&" not in text and "\u2028" not in text
    assert json.loads(text) == [{"claimReviewed": "</script><!-- & \u2028"}]


def test_values_json_cannot_write_still_fail() -> None:
    with pytest.raises(TypeError):
        indented_json({"when": dt.date(2024, 5, 16)})
