"""Seeded generator of re-anchoring cases whose truth comes from the generator's own edits.

A document is a list of paragraphs, each a list of sentences. The pinned quote is wrapped in two
private-use marker characters before any edit; every edit works on the marked document, so after
the edits the markers show exactly where the quote's passage is now (or that it is gone). Markers
are stripped from both texts before the anchorer sees them. A verbatim copy of the quote's own
paragraph carries the second pair of markers: both copies are the same words in the same context,
so either span counts as correct.
"""

from __future__ import annotations

import random
import re
import sys
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from anchor_words import BOILERPLATE, HANDWRITTEN, motifs, paragraph, replacement_word, sentence

from workbench.anchoring import TextQuoteSelector

OPEN, CLOSE = "\ue000", "\ue001"  # the pinned quote
ALT_OPEN, ALT_CLOSE = "\ue002", "\ue003"  # a verbatim copy of the quote's own paragraph
MARKERS = OPEN + CLOSE + ALT_OPEN + ALT_CLOSE
Doc = list[list[str]]

# What the anchorer should say: "located" (intact or moved), "edited" or "orphaned".
KINDS: dict[str, str] = {
    "shifted": "located",  # insertions, deletions and rewording elsewhere only
    "context-reworded": "located",  # a word next to the quote changed
    "paragraph-moved": "located",
    "paragraph-duplicated": "located",
    "reformatted": "located",  # line wrapping, paragraph breaks, curly vs straight quotes
    "repeated-short": "located",  # a short phrase that occurs several times in the document
    "repeated-sentence": "located",  # a boilerplate sentence that occurs several times
    "non-ascii": "located",
    "quote-edited": "edited",  # 1-3 words replaced, deleted or inserted; a number in a short quote
    "non-ascii-edited": "edited",
    "passage-deleted": "orphaned",
    "passage-rewritten": "orphaned",  # the quote's sentence replaced by a different one
    "repeated-short-deleted": "orphaned",  # other mentions of the short phrase remain
    "repeated-sentence-deleted": "orphaned",  # at least two other copies remain
    "non-ascii-deleted": "orphaned",
}


@dataclass(slots=True)
class Case:
    ident: int
    kind: str
    selector: TextQuoteSelector
    text: str
    truth: list[tuple[int, int]]  # acceptable spans in ``text``; empty when the quote must orphan
    quote_words: int
    expect: str  # what the anchorer should say: "located" (intact or moved), "edited" or "orphaned"
    # Other spans that are not wrong either (the same words about the same figure said elsewhere),
    # whether or not the quote survives.
    also: list[tuple[int, int]] = field(default_factory=list)


def generate(seed: int, per_kind: int) -> Iterator[Case]:
    """``per_kind`` cases of every kind, deterministic for a seed."""
    rng = random.Random(seed)
    ident = 0
    for _ in range(per_kind):
        for kind in KINDS:
            case = None
            while case is None:  # a few documents cannot host a kind (e.g. too short to move far)
                case = _make(rng, kind, ident)
            yield case
            ident += 1


def _make(rng: random.Random, kind: str, ident: int) -> Case | None:
    doc_motifs = motifs(rng)
    doc: Doc = [paragraph(rng, doc_motifs) for _ in range(rng.randint(6, 16))]
    for text in rng.sample(HANDWRITTEN, rng.randint(0, 2)):
        doc.insert(rng.randint(0, len(doc)), [text])
    separator = rng.choice(["\n\n", "\n"])

    if kind.startswith("non-ascii"):
        placed = _place_handwritten(rng, doc)
    elif kind.startswith("repeated-short"):
        placed = _place_motif(rng, doc, doc_motifs)
    elif kind.startswith("repeated-sentence"):
        placed = _place_boilerplate(rng, doc)
    else:
        placed = _place_quote(
            rng, doc, rng.choice(["sentence"] * 7 + ["phrase"] * 7 + ["short"] * 3 + ["two"] * 3)
        )
    if not placed:
        return None
    old_text, old_spans = _render(doc, separator)
    ((start, end),) = old_spans
    if not old_text[start:end].strip():
        return None
    selector = TextQuoteSelector.from_span(old_text, start, end)

    for _ in range(rng.randint(1 if kind == "shifted" else 0, 3)):
        rng.choice(NOISE)(rng, doc, doc_motifs)
    edit = EDITS.get(
        kind.removeprefix("non-ascii-").removeprefix("repeated-short-").removeprefix("repeated-sentence-")
    )
    if edit is not None and edit(rng, doc, doc_motifs) is False:
        return None
    new_text, truth = _reformat(rng, doc, separator) if kind == "reformatted" else _render(doc, separator)
    return Case(ident, kind, selector, new_text, truth, len(selector.exact.split()), KINDS[kind])


# --- placing the quote -------------------------------------------------------------------------


def _place_quote(rng: random.Random, doc: Doc, shape: str) -> bool:
    p = rng.randrange(len(doc))
    para = doc[p]
    s = rng.randrange(len(para))
    if shape == "sentence":
        para[s] = OPEN + para[s] + CLOSE
    elif shape == "two":
        if s + 1 >= len(para):
            return False
        para[s], para[s + 1] = OPEN + para[s], para[s + 1] + CLOSE
    else:
        words = para[s].split(" ")
        size = rng.randint(3, 12) if shape == "phrase" else rng.randint(1, 3)
        if len(words) < size:
            return False
        j = rng.randint(0, len(words) - size)
        _wrap_words(rng, words, j, j + size)
        para[s] = " ".join(words)
    return True


def _wrap_words(rng: random.Random, words: list[str], j: int, k: int) -> None:
    """Markers around ``words[j:k]``; half the time trailing punctuation stays outside the quote."""
    words[j] = OPEN + words[j]
    last = words[k - 1]
    match = re.fullmatch(r"(.*?)([.,;:!?”’\"»)]*)", last)
    if match and match.group(1) and rng.random() < 0.5:
        words[k - 1] = match.group(1) + CLOSE + match.group(2)
    else:
        words[k - 1] = last + CLOSE


def _place_handwritten(rng: random.Random, doc: Doc) -> bool:
    texts = [i for i, para in enumerate(doc) if para[0] in HANDWRITTEN]
    if not texts:
        doc.insert(rng.randint(0, len(doc)), [rng.choice(HANDWRITTEN)])
        texts = [i for i, para in enumerate(doc) if para[0] in HANDWRITTEN]
    para = doc[rng.choice(texts)]
    words = para[0].split(" ")
    size = rng.randint(2, min(14, len(words)))
    j = rng.randint(0, len(words) - size)
    _wrap_words(rng, words, j, j + size)
    para[0] = " ".join(words)
    return True


def _place_motif(rng: random.Random, doc: Doc, doc_motifs: list[str]) -> bool:
    """Wrap one mention of a short phrase that the document mentions at least twice more."""
    motif = rng.choice(doc_motifs)
    for _ in range(rng.randint(2, 4)):  # make sure there are other mentions, often look-alikes
        para = rng.choice(doc)
        para.insert(rng.randint(0, len(para)), sentence(rng, motif))
    spots = [(p, s) for p, para in enumerate(doc) for s, text in enumerate(para) if motif in text]
    p, s = rng.choice(spots)
    doc[p][s] = doc[p][s].replace(motif, OPEN + motif + CLOSE, 1)
    return True


def _place_boilerplate(rng: random.Random, doc: Doc) -> bool:
    """Wrap one of four copies of a boilerplate sentence, each in a different paragraph."""
    line = rng.choice(BOILERPLATE)
    paras = rng.sample(range(len(doc)), min(4, len(doc)))
    for p in paras:
        doc[p].insert(rng.randint(0, len(doc[p])), line)
    p = rng.choice(paras)
    s = doc[p].index(line)
    doc[p][s] = OPEN + line + CLOSE
    return True


# --- edits -------------------------------------------------------------------------------------


def _marked(text: str) -> bool:
    return any(m in text for m in MARKERS)


def _insert_paragraph(rng: random.Random, doc: Doc, doc_motifs: list[str]) -> None:
    doc.insert(rng.randint(0, len(doc)), paragraph(rng, doc_motifs))


def _delete_paragraph(rng: random.Random, doc: Doc, doc_motifs: list[str]) -> None:
    # Paragraphs holding the quote or a boilerplate copy stay, so that a deleted boilerplate
    # quote always leaves at least two look-alikes behind (see KINDS).
    free = [
        i for i, para in enumerate(doc) if not _marked(" ".join(para)) and not set(para) & set(BOILERPLATE)
    ]
    if free and len(doc) > 3:
        del doc[rng.choice(free)]


def _insert_sentence(rng: random.Random, doc: Doc, doc_motifs: list[str]) -> None:
    para = rng.choice(doc)
    at = rng.randint(0, len(para))
    before = " ".join(para[:at])
    if before.count(OPEN) == before.count(CLOSE):  # never inside a two-sentence quote
        para.insert(at, sentence(rng, rng.choice(doc_motifs) if rng.random() < 0.3 else None))


def _reword_sentence(rng: random.Random, doc: Doc, doc_motifs: list[str]) -> None:
    spots = [(p, s) for p, para in enumerate(doc) for s, text in enumerate(para) if not _marked(text)]
    if spots:
        p, s = rng.choice(spots)
        words = doc[p][s].split(" ")
        for _ in range(rng.randint(1, 3)):
            i = rng.randrange(len(words))
            words[i] = replacement_word(rng, words[i])
        doc[p][s] = " ".join(words)


NOISE: list[Callable[[random.Random, Doc, list[str]], None]] = [
    _insert_paragraph,
    _insert_paragraph,
    _delete_paragraph,
    _insert_sentence,
    _reword_sentence,
    _reword_sentence,
]


def _quote_place(doc: Doc) -> tuple[int, int]:
    return next((p, s) for p, para in enumerate(doc) for s, text in enumerate(para) if OPEN in text)


def _reword_context(rng: random.Random, doc: Doc, doc_motifs: list[str]) -> bool:
    """Change one or two words within a few words of the quote, outside it, on one side."""
    p, s = _quote_place(doc)
    words = doc[p][s].split(" ")
    first = next(i for i, w in enumerate(words) if OPEN in w)
    close_at = [i for i, w in enumerate(words) if CLOSE in w]
    options = [i for i in (first - 1, first - 2) if i >= 0]
    if close_at:
        options += [i for i in (close_at[0] + 1, close_at[0] + 2) if i < len(words)]
    options = [i for i in options if not _marked(words[i])]
    if not options:
        return False
    for i in rng.sample(options, min(len(options), rng.randint(1, 2))):
        words[i] = replacement_word(rng, words[i])
    doc[p][s] = " ".join(words)
    return True


def _move_paragraph(rng: random.Random, doc: Doc, doc_motifs: list[str]) -> bool:
    p, _ = _quote_place(doc)
    far = [i for i in range(len(doc)) if abs(i - p) >= 3]
    if not far:
        return False
    para = doc.pop(p)
    doc.insert(rng.choice(far) if rng.random() < 0.5 else rng.choice(far[:1] + far[-1:]), para)
    return True


def _duplicate_paragraph(rng: random.Random, doc: Doc, doc_motifs: list[str]) -> bool:
    p, _ = _quote_place(doc)
    copy = [t.replace(OPEN, ALT_OPEN).replace(CLOSE, ALT_CLOSE) for t in doc[p]]
    doc.insert(rng.randint(0, len(doc)), copy)
    return True


def _edit_quote(rng: random.Random, doc: Doc, doc_motifs: list[str]) -> bool:
    """Replace, delete or insert one to three words inside a quote that lies in one sentence."""
    p, s = _quote_place(doc)
    text = doc[p][s]
    if CLOSE not in text:
        return False
    a, b = text.index(OPEN), text.index(CLOSE)
    words = text[a + 1 : b].split(" ")
    before = list(words)
    if len(words) < 5:
        # In a quote of a few words, a replaced word is a new statement, not an edit; the
        # realistic small edit is a corrected number.
        numbers = [i for i, w in enumerate(words) if any(ch.isdigit() for ch in w)]
        if not numbers:
            return False
        i = rng.choice(numbers)
        words[i] = replacement_word(rng, words[i])
    for _ in range(
        0 if len(words) < 5 else 1 if len(words) < 8 else rng.randint(1, 2 if len(words) < 15 else 3)
    ):
        op = rng.choice(["replace", "replace", "delete", "insert"])
        if op == "replace":
            i = rng.randrange(len(words))
            words[i] = replacement_word(rng, words[i])
        elif op == "delete":
            del words[rng.randint(1, len(words) - 2)]
        else:
            words.insert(rng.randint(1, len(words) - 1), replacement_word(rng, "x"))
    if words == before:
        return False
    doc[p][s] = text[: a + 1] + " ".join(words) + text[b:]
    return True


def _delete_passage(rng: random.Random, doc: Doc, doc_motifs: list[str]) -> bool:
    """Delete every sentence the quote touches; an emptied paragraph goes too."""
    for p, para in enumerate(doc):
        kept = [t for t in para if not (OPEN in t or CLOSE in t)]
        if len(kept) != len(para):
            if kept:
                doc[p] = kept
            else:
                del doc[p]
            return True
    return False


def _rewrite_passage(rng: random.Random, doc: Doc, doc_motifs: list[str]) -> bool:
    """Replace every sentence the quote touches with a new sentence about something else."""
    for para in doc:
        for s, text in enumerate(para):
            if OPEN in text or CLOSE in text:
                para[s] = sentence(rng, unlike=text)
    return True


EDITS: dict[str, Callable[[random.Random, Doc, list[str]], bool]] = {
    "context-reworded": _reword_context,
    "paragraph-moved": _move_paragraph,
    "paragraph-duplicated": _duplicate_paragraph,
    "quote-edited": _edit_quote,
    "edited": _edit_quote,
    "passage-deleted": _delete_passage,
    "deleted": _delete_passage,
    "passage-rewritten": _rewrite_passage,
}


# --- rendering -----------------------------------------------------------------------------------


def _render(doc: Doc, separator: str) -> tuple[str, list[tuple[int, int]]]:
    return strip_markers(separator.join(" ".join(para) for para in doc))


def strip_markers(marked: str) -> tuple[str, list[tuple[int, int]]]:
    """The text without markers and the spans the marker pairs (of either kind) enclosed."""
    text, spans, alt_spans = split_markers(marked)
    return text, spans + alt_spans


def split_markers(marked: str) -> tuple[str, list[tuple[int, int]], list[tuple[int, int]]]:
    """The text without markers, the spans of the quote's markers and those of the other pair."""
    out: list[str] = []
    opened: dict[str, int] = {}
    spans: dict[str, list[tuple[int, int]]] = {OPEN: [], ALT_OPEN: []}
    length = 0
    for char in marked:
        if char in (OPEN, ALT_OPEN):
            opened[char] = length
        elif char in (CLOSE, ALT_CLOSE):
            kind = OPEN if char == CLOSE else ALT_OPEN
            spans[kind].append((opened.pop(kind), length))
        else:
            out.append(char)
            length += 1
    return "".join(out), spans[OPEN], spans[ALT_OPEN]


def _reformat(rng: random.Random, doc: Doc, separator: str) -> tuple[str, list[tuple[int, int]]]:
    """The same words laid out differently: wrapped lines, other paragraph breaks, plain quotes."""
    new_separator = {"\n": "\n\n", "\n\n": "\n"}[separator]
    width = rng.choice([60, 72, 80])
    paras = []
    for para in doc:
        lines, line = [], ""
        for word in " ".join(para).split(" "):
            if line and len(line) + 1 + len(word) > width:
                lines.append(line)
                line = word
            else:
                line = f"{line} {word}" if line else word
        lines.append(line)
        paras.append("\n".join(lines))
    marked = new_separator.join(paras)
    if rng.random() < 0.5:
        marked = marked.translate(str.maketrans("“”’‘", "\"\"''"))
    return strip_markers(marked)
