import subprocess
import sys

import pytest

from workbench.matching.quantities import compare_dates, compare_quantities, extract_dates, extract_quantities


def values(text: str, lang: str = "en") -> list[tuple[float, str, str]]:
    return [(q.mention.value, q.unit, q.mention.qualifier) for q in extract_quantities(text, lang)]


@pytest.mark.parametrize(
    ("text", "lang", "expected"),
    [
        ("lebih dari 20 organisasi", "id", [(20, "count", "more-than")]),
        (
            "sekitar 2,5 juta dolar dan 1.000 orang",
            "id",
            [(2.5e6, "count", "about"), (1000, "count", "exact")],
        ),
        (
            "over 1,000 users and 2.5 million devices",
            "en",
            [(1000, "count", "more-than"), (2.5e6, "count", "exact")],
        ),
        ("40% of them, five thousand trees", "en", [(40, "percent", "exact"), (5000, "count", "exact")]),
        ("a 48-hour strike", "en", [(48, "duration", "exact")]),
        ("satu dari lima jembatan", "id", [(0.2, "fraction", "exact")]),  # a share; compared as 20%
        ("in 2022, on March 4", "en", []),  # a year and a date are not quantities
    ],
)
def test_extract_quantities(text: str, lang: str, expected: list[tuple[float, str, str]]) -> None:
    assert values(text, lang) == expected


def test_compare_quantities_notes() -> None:
    claim = extract_quantities("lebih dari 20 organisasi", "id")
    assert compare_quantities(claim, extract_quantities("more than 20 groups")) == (["more than 20"], [], [])
    assert compare_quantities(claim, extract_quantities("20 groups"))[1] == [
        "claim: more than 20 — source: 20"
    ]
    assert compare_quantities(claim, extract_quantities("19 groups"))[2] == [
        "claim: more than 20 — source: 19"
    ]
    assert compare_quantities(claim, extract_quantities("19 percent")) == ([], [], [])  # another unit
    two_days = extract_quantities("mogok selama dua hari", "id")
    assert compare_quantities(two_days, extract_quantities("a 48-hour strike"))[0] == ["dua hari"]
    assert compare_quantities(two_days, extract_quantities("a two-week strike"))[2] == [
        "claim: dua hari — source: two-week"
    ]
    third = extract_quantities("cut nearly a third of its staff")
    assert compare_quantities(extract_quantities("30 percent"), third)[0] == ["30%"]


def test_dates_and_weekdays() -> None:
    claim = extract_dates("pada Jum’at, 4 Maret 2022", "id")
    source = extract_dates("on Friday, March 4, 2022")
    agree, conflict = compare_dates(claim, source)
    assert len(agree) == 2 and not conflict
    agree, conflict = compare_dates(claim, extract_dates("on Thursday, March 3"))
    assert not agree and len(conflict) == 2
    assert extract_dates("(4/3/2022)", "id")[0].month == 3
    assert extract_dates("4/3/2022", "en")[0].month == 4


def test_core_imports_no_ui() -> None:
    code = (
        "import sys, workbench.matching, workbench.language;"
        "assert 'textual' not in sys.modules and 'typer' not in sys.modules"
    )
    subprocess.run([sys.executable, "-c", code], check=True)
