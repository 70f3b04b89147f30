"""How far two annotators agree on an article's atomic claims, beside the extractor's figures.

For each article with a second, blind annotation in ``tests/claims/data/agreement/``
(``STEM.second.gold.jsonl``, written by someone who saw neither the first gold list nor the
rules), prints the same one-to-one figures the claim tests print (``tests/claims/claims_gold.py``:
matched of gold, extras, kinds agreeing, details missing):

- the second annotator's claims scored against the first gold list, and the other way round:
  the ceiling a rule set can be held to when its gold comes from one annotator;
- the extractor against each gold list.

    .venv/bin/python bench/claims_agreement.py

A held-out article may have a second annotation too (written by someone who changed no rule and
never saw the first gold list): its lines are summaries only, as the held-out test prints them,
and they measure how far its extras are the extractor's and how far the annotators'.
"""

from __future__ import annotations

import datetime as dt
import sys
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "tests" / "claims"))

from claims_gold import DATA, load_gold, score  # noqa: E402
from test_claims_heldout import HELDOUT, RETIRED  # noqa: E402
from test_claims_tuning_gold import ARTICLES, INDEPENDENT  # noqa: E402

from workbench.claims import extract_claims  # noqa: E402
from workbench.domain import ClaimKind, DateMention, ExtractedClaim, NumberMention  # noqa: E402

AGREEMENT = DATA / "agreement"
# Every article's date, as the claim tests give it.
ARTICLE_DATES: dict[str, dt.date] = {
    **dict(ARTICLES + INDEPENDENT),
    **{f"{stem}.{lang}": date for stem, lang, date in RETIRED + HELDOUT},
}


def as_claims(gold: list[dict[str, Any]]) -> list[ExtractedClaim]:
    """An annotator's gold lines as the claims an extractor would give, details included."""
    return [
        ExtractedClaim(
            start=line["start"],
            end=line["end"],
            text=line["anchor"],
            kind=ClaimKind(line["kind"]),
            statement=line["anchor"],
            speaker=line.get("speaker"),
            numbers=[NumberMention("", float(n["value"]), n["qualifier"]) for n in line.get("numbers", [])],
            dates=[DateMention("", date) for date in line.get("dates", [])],
        )
        for line in gold
    ]


def main() -> None:
    seconds = sorted(AGREEMENT.glob("*.second.gold.jsonl"))
    if not seconds:
        print("no second annotation in tests/claims/data/agreement/")
        return
    limit = "goal: matched >= 7/8 of gold, extras <= 3 per 16 gold"
    print(f"Claims, annotator agreement and the extractor ({limit})")
    for second_path in seconds:
        stem = second_path.name.removesuffix(".second.gold.jsonl")
        text = (DATA / f"{stem}.txt").read_text(encoding="utf-8")
        first = load_gold(DATA / f"{stem}.claims.gold.jsonl")
        second = load_gold(second_path)
        assert all(text[g["start"] : g["end"]] == g["anchor"] for g in first + second), stem
        extracted = extract_claims(text, article_date=ARTICLE_DATES.get(stem))
        print(f"\n{stem}: first annotation {len(first)} claims, second {len(second)}")
        rows = (
            ("second annotator vs first gold", score(as_claims(second), first)),
            ("first annotator vs second gold", score(as_claims(first), second)),
            ("extractor vs first gold", score(extracted, first)),
            ("extractor vs second gold (never tuned on)", score(extracted, second)),
        )
        for name, result in rows:
            share = result.extras / result.gold if result.gold else 0.0
            print(f"  {name:42} {result.summary()}; extras per 16 gold {16 * share:.1f}")


if __name__ == "__main__":
    main()
