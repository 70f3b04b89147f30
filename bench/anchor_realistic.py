"""Re-anchoring cases from news and blog articles edited the way editors edit them.

The edits are the ones seen on real pages after publication: the clause holding the quote reworded,
a number in it corrected, sentences inserted before it, paragraphs reordered, an "Update:" box put
on top; and, where the quote must orphan, its sentence deleted or replaced by a similar sentence
about another figure. Kinds combine them. Articles come from ``bench/anchor_prose.py``; truth comes
from the markers around the quote's part of its sentence (see ``bench/anchor_corpus.py``), which
every edit carries along. A case expects "located" when the quote's words are all still there,
"edited" when its passage survives as a close match, "rewritten" when the passage survives but was
recast too heavily to be a close match (found or orphaned are both right), "orphaned" when it is gone.

The corpus comes in two halves drawn from different seeds: rules are tuned on ``tuning`` only and
``test`` is for reporting (docs/anchoring.md).
"""

from __future__ import annotations

import random
import re
from collections.abc import Callable, Iterator
from dataclasses import replace

from anchor_corpus import CLOSE, MARKERS, OPEN, Case, split_markers
from anchor_prose import (
    FRAMES,
    Amount,
    Article,
    Fact,
    Item,
    Para,
    article,
    corrected_value,
    new_fact,
    parse_figure,
    sentence,
)
from anchor_prose_words import (
    DATES,
    DAYS,
    HEDGES,
    SAYS,
    SYNONYMS,
    TAILS,
    TIMES,
    UPDATE_BOXES,
    WEEKDAY_NAMES,
)
from rapidfuzz.distance import Levenshtein

from workbench.anchoring import TextQuoteSelector

HALVES = {"tuning": 1001, "test": 2002}

# kind -> the edits that make it, in order
KINDS: dict[str, tuple[str, ...]] = {
    "update-box": ("update-box",),
    "sentences-inserted": ("insert-before",),
    "paragraphs-reordered": ("reorder",),
    "clause-reworded": ("reword",),
    "number-corrected": ("correct",),
    "sentence-deleted": ("delete",),
    "figure-replaced": ("replace",),
    "update-box+number-corrected": ("update-box", "correct"),
    "inserted+reworded": ("insert-before", "reword"),
    "reordered+number-corrected": ("reorder", "correct"),
    "update-box+reordered+inserted": ("update-box", "reorder", "insert-before"),
    "update-box+reworded": ("update-box", "reword"),
    "inserted+figure-replaced": ("insert-before", "replace"),
    "reordered+sentence-deleted": ("reorder", "delete"),
    "update-box+figure-replaced": ("update-box", "replace"),
}
BODY_ROLES = ("lede", "body", "list")
MOVABLE_ROLES = ("lede", "body", "list", "heading")


def generate(half: str, per_kind: int) -> Iterator[Case]:
    """``per_kind`` cases of every kind from the ``half`` ("tuning" or "test"), deterministic."""
    rng = random.Random(HALVES[half])
    ident = 0
    for _ in range(per_kind):
        for kind in KINDS:
            case = None
            while case is None:  # some articles cannot host a kind (no sentence after the quote, ...)
                case = _make(rng, kind, ident)
            yield case
            ident += 1


def _make(rng: random.Random, kind: str, ident: int) -> Case | None:
    art = article(rng)
    edits = KINDS[kind]
    if not place_quote(rng, art, needs_fact=bool({"correct", "replace"} & set(edits))):
        return None
    old_text, spans, _ = split_markers(art.render())
    ((start, end),) = spans
    selector = TextQuoteSelector.from_span(old_text, start, end)
    quote = old_text[start:end]
    quoted = next((i for p in art.paras for i in p.items if isinstance(i, Fact) and i.mark), None)
    for _ in range(rng.choice([0, 1, 1, 2])):
        rng.choice(NOISE)(rng, art)
    for edit in edits:
        if EDITS[edit](rng, art) is False:
            return None
    if quoted is not None and quoted.mark != "open":
        _mark_restatements(art, quoted)
    new_text, truth, restatements = split_markers(art.render())
    # Words added around a quote that is still there word for word (an attribution put in front of
    # a quoted sentence) leave the quote where its words are.
    truth = [_inner(new_text, a, b, quote) for a, b in truth]
    if not truth:
        expect = "orphaned"
    elif any(new_text[a:b] == quote for a, b in truth):
        expect = "located"
    else:
        expect = "edited" if all(_close(quote, new_text[a:b]) for a, b in truth) else "rewritten"
    truth += [edge for a, b in truth for edge in _edges(new_text, a, b, quote)]
    truth += [edge for a, b in truth for edge in _sentence_edges(old_text, start, end, new_text, a, b)]
    # A restatement of the quoted figure (the same measured thing, period and number, said again
    # elsewhere) is not a wrong place: its marked part, or the quote's very words inside it.
    also = list(restatements) + [edge for a, b in restatements for edge in _whole_sentence(new_text, a, b)]
    for a, b in restatements:
        for words in {new_text[a:b] for a, b in truth} | {quote}:
            at = new_text.find(words, a, b)
            if at >= 0:
                also.append((at, at + len(words)))
    return Case(ident, kind, selector, new_text, truth, len(quote.split()), expect, also)


def _mark_restatements(art: Article, quoted: Fact) -> None:
    """Mark the same part in restatements, or their claim where the quote was a whole sentence
    (a restatement is framed differently: its claim is what it shares)."""
    part = quoted.mark if quoted.mark in ("number", "figure") else "claim"
    for para in art.paras:
        for item in para.items:
            if isinstance(item, Fact) and item is not quoted and item.amount is quoted.amount:
                item.alt = part


def _whole_sentence(text: str, start: int, end: int) -> list[tuple[int, int]]:
    """A restatement's claim stretched to its sentence's start, end, or both (as if the quote had
    been a whole sentence, "." standing for it)."""
    return _sentence_edges(".", 0, 1, text, start, end)


_SENTENCE_END = re.compile(r"[.!?][\"'\u201d\u2019)]*$")


def _sentence_edges(
    old: str, old_start: int, old_end: int, text: str, start: int, end: int
) -> list[tuple[int, int]]:
    """Other right answers where the quote began (ended) its sentence and words were added at that
    edge ("According to the trust, [the ministry ...]", "[... last month], the regulator said."):
    the span may reach the new sentence's start (end), as the quote reached the old one's."""
    starts, ends = [start], [end]
    before = old[:old_start]
    if not before.strip() or _SENTENCE_END.search(before.rstrip()) or "\n" in before[len(before.rstrip()) :]:
        at = start
        while at > 0 and not (
            (_SENTENCE_END.search(text[:at].rstrip()) and text[at - 1].isspace()) or text[at - 1] == "\n"
        ):
            at -= 1
        starts.append(at + len(text[at:start]) - len(text[at:start].lstrip(" -")))
    quoted = old[old_start:old_end].rstrip()
    if _SENTENCE_END.search(quoted) or old[old_end : old_end + 1] in (".", "!", "?"):
        final = bool(_SENTENCE_END.search(quoted))
        at = end
        while at < len(text) and not (
            text[at] in ".!?" and (at + 1 == len(text) or not text[at + 1].isalnum())
        ):
            if text[at] == "\n":
                break
            at += 1
        if at < len(text) and text[at] in ".!?":
            ends.append(
                at + 1 + len(text[at + 1 :]) - len(text[at + 1 :].lstrip("\"'\u201d\u2019)")) if final else at
            )
    return [(a, b) for a in starts for b in ends if (a, b) != (start, end) and a < b]


def _edges(text: str, start: int, end: int, quote: str) -> list[tuple[int, int]]:
    """Other right answers for a passage that gained words at its very edge ("Even so, the ...",
    "... last year, the ministry said."): where the quote's first and last surviving words are.
    Whether such words belong to the passage is a matter of taste; a span with or without them is
    right."""
    words = [(m.start() + start, m.end() + start) for m in re.finditer(r"\S+", text[start:end])]
    if not words:
        return []

    def norm(w: str) -> str:
        return w.lower().strip(".,;:!?\"'\u201c\u201d\u2019")

    ops = Levenshtein.opcodes([norm(w) for w in quote.split()], [norm(text[a:b]) for a, b in words])
    first = ops[0].dest_end if ops and ops[0].tag == "insert" else 0
    last = ops[-1].dest_start if ops and ops[-1].tag == "insert" else len(words)
    if first >= last or (first == 0 and last == len(words)):
        return []
    core = (words[first][0], words[last - 1][1])
    return [span for span in ((core[0], end), (start, core[1]), core) if span != (start, end)]


def _close(old: str, new: str) -> bool:
    """Whether ``new`` is a close match of ``old`` (DESIGN.md section 8, "edited"): at least two
    thirds of the words of each, in order, are the other's, numbers and hedges aside (a corrected
    figure is a close match). A sentence recast more heavily than that ("X, the agency said." -> "The
    agency reported this week that X") may be found or orphaned."""
    a, b = _shape(old), _shape(new)
    kept = sum(op.src_end - op.src_start for op in Levenshtein.opcodes(a, b) if op.tag == "equal")
    return 3 * kept >= 2 * max(len(a), len(b))


def _shape(text: str) -> list[str]:
    hedges = {w for h in HEDGES for w in h.split()}
    return ["#" if any(ch.isdigit() for ch in w) else w for w in text.split() if w.lower() not in hedges]


def _inner(text: str, start: int, end: int, words: str) -> tuple[int, int]:
    """Where ``words`` occur inside ``text[start:end]``; the whole span when they do not."""
    at = text.find(words, start, end)
    return (at, at + len(words)) if at >= 0 else (start, end)


# --- the quote -----------------------------------------------------------------------------------


def _evidence(art: Article, item: Item) -> bool:
    """Whether a plain sentence states something: background, or quoted speech."""
    return isinstance(item, str) and (item in art.topic.background or any(q in item for q in '"\u201c'))


def _body_items(art: Article) -> list[tuple[int, int]]:
    return [
        (p, i) for p, para in enumerate(art.paras) if para.role in BODY_ROLES for i in range(len(para.items))
    ]


def place_quote(rng: random.Random, art: Article, *, needs_fact: bool) -> bool:
    """Mark the pinned quote: part of a figure sentence (always when ``needs_fact``), or of a
    statement of fact or quoted speech. Connecting sentences ("Not everyone agrees.") are not
    evidence, so nobody pins them."""
    spots = _body_items(art)
    facts = [(p, i) for p, i in spots if isinstance(art.paras[p].items[i], Fact)]
    texts = [(p, i) for p, i in spots if _evidence(art, art.paras[p].items[i])]
    if needs_fact or not texts or rng.random() < 0.75:
        if not facts:
            return False
        p, i = rng.choice(facts)
        fact = art.paras[p].items[i]
        assert isinstance(fact, Fact)
        mark = rng.choices(["sentence", "claim", "figure", "number", "open"], [35, 20, 25, 10, 10])[0]
        if mark == "number" and fact.amount.unit in ("count", "small"):
            mark = "figure"  # a bare count ("226") is not something anyone pins
        if mark == "open":
            items = art.paras[p].items
            if i + 1 >= len(items) or art.paras[p].role == "list":
                return False
            nxt = items[i + 1]
            # The quote ends inside the next sentence: that one is frozen as text from here on.
            items[i + 1] = (nxt.render() if isinstance(nxt, Fact) else nxt) + CLOSE
        fact.mark = mark
        return True
    p, i = rng.choice(texts)
    text = art.paras[p].items[i]
    assert isinstance(text, str)
    words = text.split(" ")
    if rng.random() < 0.6 or len(words) < 4:
        art.paras[p].items[i] = OPEN + text + CLOSE
        return True
    size = rng.randint(3, min(10, len(words)))
    j = rng.randint(0, len(words) - size)
    words[j] = OPEN + words[j]
    words[j + size - 1] += CLOSE
    art.paras[p].items[i] = " ".join(words)
    return True


def _quote_at(art: Article) -> tuple[int, int]:
    for p, para in enumerate(art.paras):
        for i, item in enumerate(para.items):
            if (isinstance(item, Fact) and item.mark is not None) or (isinstance(item, str) and OPEN in item):
                return p, i
    raise LookupError("no quote in the article")


def _marked(item: Item) -> bool:
    return (isinstance(item, Fact) and item.mark is not None) or (
        isinstance(item, str) and any(m in item for m in MARKERS)
    )


def _plain(item: Item) -> str:
    text = item.render() if isinstance(item, Fact) else item
    return text.translate({ord(m): None for m in MARKERS})


# --- edits ---------------------------------------------------------------------------------------


def _update_box(rng: random.Random, art: Article) -> bool:
    """One or two update paragraphs on top, the second sometimes restating a figure with a new value."""
    source = rng.choice(art.topic.sources)
    box = rng.choice(UPDATE_BOXES).format(
        date=rng.choice(DATES),
        time=rng.choice(TIMES),
        weekday=rng.choice(WEEKDAY_NAMES),
        source=source,
        Source=source[:1].upper() + source[1:],
        person=rng.choice(art.people),
    )
    paras = [Para([box], "update")]
    if rng.random() < 0.4:
        facts = [item for para in art.paras for item in para.items if isinstance(item, Fact)]
        if facts:
            old = rng.choice(facts)
            revised = replace(
                old,
                amount=Amount(old.amount.unit, corrected_value(rng, old.amount), art.style),
                frame=rng.choice(["said-that", "according", "bare"]),
                tail="",
                mark=None,
                alt=None,
            )
            paras.append(Para([revised], "update"))
    at = 0 if rng.random() < 0.4 else sum(1 for p in art.paras[:2] if p.role == "header")
    art.paras[at:at] = paras
    return True


def _new_sentences(rng: random.Random, art: Article, count: int) -> list[Item]:
    return [sentence(rng, art) for _ in range(count)]


def _insert_before(rng: random.Random, art: Article) -> bool:
    """One to three sentences right before the quote's sentence, or a new paragraph before its own."""
    p, i = _quote_at(art)
    new = _new_sentences(rng, art, rng.randint(1, 3))
    if (i == 0 and rng.random() < 0.5) or art.paras[p].role == "list":
        art.paras.insert(p, Para(new))
    else:
        art.paras[p].items[i:i] = new
    return True


def _reorder(rng: random.Random, art: Article) -> bool:
    """Move the quote's paragraph elsewhere in the body, and perhaps one or two others."""
    p, _ = _quote_at(art)
    movable = [q for q, para in enumerate(art.paras) if para.role in MOVABLE_ROLES]
    targets = [q for q in movable if abs(q - p) >= 2 or (q != p and rng.random() < 0.3)]
    if not targets:
        return False
    para = art.paras.pop(p)
    art.paras.insert(rng.choice(targets), para)
    for _ in range(rng.randint(0, 2)):
        movable = [
            q for q, other in enumerate(art.paras) if other.role in MOVABLE_ROLES and other is not para
        ]
        if len(movable) >= 2:
            a, b = rng.sample(movable, 2)
            art.paras.insert(b, art.paras.pop(a))
    return True


def _reword(rng: random.Random, art: Article) -> bool:
    """Reword the sentence holding the quote: its frame, verbs, attribution or a word near it."""
    p, i = _quote_at(art)
    item = art.paras[p].items[i]
    before = _plain(item)
    for _ in range(10):
        if isinstance(item, Fact):
            _reword_fact(rng, item)
            after = _plain(item)
        else:
            art.paras[p].items[i] = _reword_text(rng, item)
            after = _plain(art.paras[p].items[i])
        if after != before:
            return True
    return False


def _reword_fact(rng: random.Random, fact: Fact) -> None:
    for _ in range(rng.randint(1, 2)):
        op = rng.choice(["frame", "verb", "verb", "says", "tail", "day"])
        if op == "frame" and fact.frame != "bullet":
            fact.frame = rng.choice([f for f in FRAMES if f != fact.frame])
        elif op == "verb" and len(fact.figure.verbs) > 1:
            fact.verb = rng.choice([v for v in fact.figure.verbs if v != fact.verb])
        elif op == "says":
            fact.says = rng.choice([s for s in SAYS if s != fact.says])
        elif op == "tail":
            fact.tail = "" if fact.tail and rng.random() < 0.5 else rng.choice(TAILS)
        elif op == "day":
            fact.day = rng.choice([d for d in DAYS if d != fact.day])


_WORD = re.compile(r"^([^\w]*)([\w'’-]+)([^\w]*)$")


def _reword_text(rng: random.Random, text: str) -> str:
    """Swap a word in or near the quote for a synonym; failing that, add a connective in front or a
    short attribution at the end."""
    words = text.split(" ")
    whole = text.startswith(OPEN)
    marked = [k for k, w in enumerate(words) if any(m in w for m in MARKERS)]
    low, high = max(0, min(marked) - 3), min(len(words), max(marked) + 4)
    options = []
    for k in range(low, high):
        match = _WORD.match(words[k])
        if match and match.group(2).lower() in SYNONYMS:
            options.append((k, match))
    if options:
        k, match = rng.choice(options)
        new = rng.choice(SYNONYMS[match.group(2).lower()])
        if match.group(2)[:1].isupper():
            new = new[:1].upper() + new[1:]
        words[k] = match.group(1) + new + match.group(3)
        return " ".join(words)
    # No stock word to swap: a connective in front, or a short attribution at the end.
    last = words[-1]
    cut = len(last.rstrip('.!?"\u201d' + MARKERS))
    ending = last[cut:]
    if rng.random() < 0.5 or not ending.startswith((".", "!", "?")) or '"' in ending or "\u201d" in ending:
        match = _WORD.match(words[0])
        if match and match.group(2) in (
            "The",
            "It",
            "That",
            "This",
            "Many",
            "Several",
            "Others",
            "Not",
            "Here",
        ):
            words[0] = match.group(1) + match.group(2).lower() + match.group(3)
        connective = rng.choice(["But ", "Still, ", "And ", "Even so, "])
        # A quoted sentence takes the connective in: the passage is still the whole sentence.
        words[0] = OPEN + connective + words[0][1:] if whole else connective + words[0]
        return " ".join(words)
    words[-1] = last[:cut] + rng.choice([", officials said", " for now", ", at least for now"]) + ending
    return " ".join(words)


def _correct(rng: random.Random, art: Article) -> bool:
    """Correct the number of the quote's figure (everywhere it is mentioned)."""
    p, i = _quote_at(art)
    fact = art.paras[p].items[i]
    if not isinstance(fact, Fact):
        return False
    fact.amount.value = corrected_value(rng, fact.amount)
    # A hedge ("about", "nearly") comes and goes with a correction, but not at the quote's first
    # word, where nothing says whether the new passage should begin before or after it.
    rendered = fact.render()
    quoted = _plain(rendered[rendered.index(OPEN) + 1 :])
    if rng.random() < 0.2 and not quoted.lower().startswith(fact.amount.text().lower()):
        fact.amount.hedge = "" if fact.amount.hedge else rng.choice(HEDGES)
    return True


def _delete(rng: random.Random, art: Article) -> bool:
    """Delete the sentences the quote touches; a paragraph left empty goes too."""
    for p, para in enumerate(art.paras):
        kept = [item for item in para.items if not _marked(item)]
        if len(kept) != len(para.items):
            if kept and any(isinstance(k, Fact) or k.strip() for k in kept):
                para.items = kept
            else:
                del art.paras[p]
            return True
    return False


def _replace(rng: random.Random, art: Article) -> bool:
    """The quote's sentence becomes a sentence of the same shape about another figure: another
    measured thing, or the same one for another period, with another number."""
    p, i = _quote_at(art)
    fact = art.paras[p].items[i]
    if not isinstance(fact, Fact):
        return False
    old = _plain(fact)
    others = [
        f
        for f in map(parse_figure, art.topic.figures)
        if f.shape == fact.figure.shape and f.unit == fact.figure.unit and f.thing != fact.figure.thing
    ]
    periods = [x for x in art.topic.periods if x and x != fact.period]
    figure, period = fact.figure, fact.period
    if others and (rng.random() < 0.7 or not periods):
        figure = rng.choice(others)
    elif periods:
        period = rng.choice(periods)
    else:
        return False
    made = new_fact(rng, art, figure, period)
    new = replace(fact, figure=figure, verb=figure.verbs[0], period=period, amount=made.amount, mark=None)
    if new.amount.text() == fact.amount.text() or _plain(new) == old:
        return False
    art.paras[p].items[i] = new
    if fact.mark == "open":
        nxt = art.paras[p].items[i + 1]
        assert isinstance(nxt, str)
        art.paras[p].items[i + 1] = nxt.replace(CLOSE, "")
    return True


EDITS: dict[str, Callable[[random.Random, Article], bool]] = {
    "update-box": _update_box,
    "insert-before": _insert_before,
    "reorder": _reorder,
    "reword": _reword,
    "correct": _correct,
    "delete": _delete,
    "replace": _replace,
}


# --- edits elsewhere, as real updates make them ---------------------------------------------------


def _noise_reword_other(rng: random.Random, art: Article) -> None:
    facts = [
        item for para in art.paras for item in para.items if isinstance(item, Fact) and item.mark is None
    ]
    if facts:
        _reword_fact(rng, rng.choice(facts))


def _noise_typo(rng: random.Random, art: Article) -> None:
    """Two letters of a long word swapped: a typo made or fixed."""
    spots = [
        (p, i)
        for p, para in enumerate(art.paras)
        for i, item in enumerate(para.items)
        if isinstance(item, str) and not _marked(item)
    ]
    if not spots:
        return
    p, i = rng.choice(spots)
    text = art.paras[p].items[i]
    assert isinstance(text, str)
    longs = list(re.finditer(r"[a-z]{6,}", text))
    if longs:
        m = rng.choice(longs)
        k = m.start() + rng.randint(1, len(m.group()) - 3)
        art.paras[p].items[i] = text[:k] + text[k + 1] + text[k] + text[k + 2 :]


def _noise_new_paragraph(rng: random.Random, art: Article) -> None:
    at = len(art.paras) - 1 if art.paras[-1].role == "closing" else len(art.paras)
    art.paras.insert(at, Para(_new_sentences(rng, art, rng.randint(1, 3))))


def _noise_drop_paragraph(rng: random.Random, art: Article) -> None:
    free = [
        p
        for p, para in enumerate(art.paras)
        if para.role in ("body", "heading") and not any(_marked(item) for item in para.items)
    ]
    if len(free) > 2:
        del art.paras[rng.choice(free)]


def _noise_headline(rng: random.Random, art: Article) -> None:
    for para in art.paras:
        if para.role == "header":
            para.items = [rng.choice(art.topic.headlines)]
            return


NOISE: list[Callable[[random.Random, Article], None]] = [
    _noise_reword_other,
    _noise_reword_other,
    _noise_typo,
    _noise_new_paragraph,
    _noise_drop_paragraph,
    _noise_headline,
]
