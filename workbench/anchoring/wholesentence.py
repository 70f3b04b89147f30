"""Exact occurrences placed by the quote's whole own sentence.

The whole sentence is known when the text the quote was pinned in was at hand
(``TextQuoteSelector.sentence_before``/``sentence_after``). An occurrence of the quote's very words
that sits in that whole sentence, found word for word, is the quote's place wherever the
sentence's neighbours now are, when the sentence is long enough not to recur by chance.

A looser rule (a lightly reworded sentence around the same figure) was tried and dropped: on the
generated corpus it placed quotes on template sentences of the same frame and figure that say
something else ("Prices rose 4 percent in March, the survey showed." / "..., the audit showed.").
Offsets here are into the original (unfolded) text.
"""

from __future__ import annotations

from workbench.anchoring.limits import LONG_CHARS, LONG_WORDS
from workbench.anchoring.statement import Statement


def standing(statement: Statement, text: str, spans: list[tuple[int, int]]) -> set[int]:
    """The start of the one span (an exact occurrence) around which the quote's whole own sentence
    stands word for word, when the quote is only part of that sentence and the sentence is long
    enough not to recur by chance; empty when no span or several do."""
    whole = statement.whole
    if whole is None or not (whole.before or whole.after):
        return set()
    sentence = statement.sentence
    if len(sentence) < LONG_CHARS or len(sentence.split()) < LONG_WORDS:
        return set()
    found = {start for start, end in spans if all(whole.agrees(text, start, end))}
    return found if len(found) == 1 else set()
