"""News and blog articles built from parts an editor can change: figures, sentences, paragraphs.

A figure sentence (:class:`Fact`) is kept as its parts (what is measured, the verb, the amount, who
said it and how) so that an edit can reword it, correct its number or swap in another figure of the
same shape, and so that the pinned quote's markers (see ``bench/anchor_corpus.py``) can be put
around the same part of the sentence after the edit. Everything else is plain text.
"""

from __future__ import annotations

import random
from dataclasses import dataclass, field

from anchor_corpus import ALT_CLOSE, ALT_OPEN, CLOSE, MARKERS, OPEN
from anchor_prose_words import (
    BLOG_LINES,
    CLOSINGS,
    DATES,
    DAYS,
    MONEY_PERIODS,
    SAYS,
    SAYS_AFTER,
    SUBHEADINGS,
    TAILS,
    TIMES,
    TOPICS,
    TRANSITIONS,
    Topic,
)
from anchor_words import PEOPLE, PLACES

FRAMES = ("said-that", "said-after", "according", "according-after", "bare", "figures-show")
# The parts of a figure sentence a quote may cover; "open" starts a quote that ends in the next sentence.
MARKS = ("sentence", "claim", "figure", "number", "open")


@dataclass(slots=True)
class Style:
    """A publication's habits, the same throughout one article."""

    percent: str  # " percent", " per cent" or "%"
    currency: str  # "$", "€" or " crowns"
    quotes: tuple[str, str]  # straight or curly double quotes


@dataclass(slots=True)
class Amount:
    unit: str  # pct, count, money, metres, minutes, days
    value: float
    style: Style
    hedge: str = ""  # "about", "nearly", ...

    def text(self) -> str:
        v = self.value
        if self.unit == "pct":
            body = f"{_num(v)}{self.style.percent}"
        elif self.unit in ("count", "small"):
            body = f"{round(v):,}"
        elif self.unit == "money":
            c = self.style.currency
            body = f"{_num(v)} million{c}" if c.startswith(" ") else f"{c}{_num(v)} million"
        else:
            body = f"{_num(v)} {self.unit}"
        return f"{self.hedge} {body}" if self.hedge else body


def _num(v: float) -> str:
    return f"{round(v):,}" if float(v).is_integer() else f"{v:.1f}"


@dataclass(slots=True)
class Figure:
    """One line of a topic's figures, parsed (see ``bench/anchor_prose_words.py``)."""

    shape: str
    unit: str
    thing: str
    verbs: tuple[str, ...]


def parse_figure(line: str) -> Figure:
    head, thing, verbs = (part.strip() for part in line.split("|"))
    shape, unit = head.split(":")
    return Figure(shape, unit, thing, tuple(v.strip() for v in verbs.split(";")))


@dataclass(slots=True)
class Fact:
    """A sentence stating one figure, and which of its parts the pinned quote covers (``mark``), or
    for a restatement of the quoted figure, which part holds the same words (``alt``)."""

    figure: Figure
    verb: str
    amount: Amount
    period: str
    actor: str
    source: str
    says: str
    day: str
    frame: str
    tail: str = ""
    mark: str | None = None
    alt: str | None = None

    def _marked(self) -> tuple[str | None, str, str]:
        if self.mark is not None:
            return self.mark, OPEN, CLOSE
        return self.alt, ALT_OPEN, ALT_CLOSE

    def claim(self) -> str:
        part, o, c = self._marked()
        f, amount = self.figure, self.amount.text()
        if part == "number":
            amount = o + amount + c
        verb, _, preposition = self.verb.partition("/")
        figure = {
            "lead": f"{f.thing} {verb} {amount}",
            "share": f"{amount} of {f.thing}",
            "count": f"{amount} {f.thing}",
            "money": f"{amount} {preposition} {f.thing}",
        }[f.shape]
        if part == "figure":
            figure = o + figure + c
        claim = {
            "lead": f"{figure}{self.period}",
            "share": f"{figure} {verb}{self.period}",
            "count": f"{figure} {verb}{self.period}",
            "money": f"{self.actor} {verb} {figure}{self.period}",
        }[f.shape]
        return o + claim + c if part == "claim" else claim

    def render(self) -> str:
        claim, tail, source = self.claim(), self.tail, self.source
        sentence = {
            "said-that": f"{cap(source)} {self.says}{self.day} that {claim}{tail}.",
            "said-after": f"{cap(claim)}{tail}, {source} {self.says}{self.day}.",
            "according": f"According to {source}, {claim}{tail}.",
            "according-after": f"{cap(claim)}{tail}, according to {source}.",
            "bare": f"{cap(claim)}{tail}.",
            "figures-show": f"Figures published{self.day} by {source} show that {claim}{tail}.",
            "bullet": f"- {cap(claim)}",
        }[self.frame]
        part, o, c = self._marked()
        if part == "sentence":
            return o + sentence + c
        return o + sentence if part == "open" else sentence


Item = Fact | str


@dataclass(slots=True)
class Para:
    """A paragraph: its items (sentences, or lines of a list), joined by ``joiner``."""

    items: list[Item]
    role: str = "body"  # header, lede, body, heading, list, update, closing
    joiner: str = " "

    def render(self) -> str:
        return self.joiner.join(i.render() if isinstance(i, Fact) else i for i in self.items)


class Draw:
    """Picks sentences from word lists without repeating one within an article; None when a list
    has run out (an article does not say the same background sentence twice)."""

    def __init__(self, rng: random.Random) -> None:
        self.rng = rng
        self.left: dict[int, list[str]] = {}

    def __call__(self, options: tuple[str, ...]) -> str | None:
        if id(options) not in self.left:
            left = list(options)
            self.rng.shuffle(left)
            self.left[id(options)] = left
        left = self.left[id(options)]
        return left.pop() if left else None


@dataclass(slots=True)
class Article:
    topic: Topic
    style: Style
    paras: list[Para]
    draw: Draw
    separator: str = "\n\n"
    people: list[str] = field(default_factory=list)
    blog: bool = False
    # One amount per measured thing and period: a figure mentioned twice is the same number (the
    # same object, so that a correction reaches every mention).
    amounts: dict[tuple[str, str], Amount] = field(default_factory=dict)

    def render(self) -> str:
        return self.separator.join(p.render() for p in self.paras)


def cap(text: str) -> str:
    """``text`` with its first letter upper-case, markers skipped."""
    for i, ch in enumerate(text):
        if ch not in MARKERS:
            return text[:i] + ch.upper() + text[i + 1 :]
    return text


def fresh_value(rng: random.Random, unit: str, shape: str) -> float:
    if unit == "pct":
        if shape == "share":
            return float(rng.randint(3, 85)) if rng.random() < 0.7 else rng.randint(30, 850) / 10
        return rng.randint(2, 150) / 10 if rng.random() < 0.8 else float(rng.randint(2, 25))
    if unit == "count":
        return float(rng.choice([rng.randint(12, 95), rng.randint(100, 990), rng.randint(1000, 48000)]))
    if unit == "small":
        return float(rng.randint(12, 45))
    if unit == "money":
        return rng.randint(8, 400) / 10 if rng.random() < 0.6 else float(rng.randint(2, 120))
    if unit == "metres":
        return rng.randint(20, 95) / 10
    if unit == "minutes":
        return float(rng.randint(4, 45))
    return float(rng.randint(12, 180))  # days


def corrected_value(rng: random.Random, amount: Amount) -> float:
    """A plausible corrected figure: digits transposed, a nearby value, a misplaced decimal."""
    v, old = amount.value, amount.text()
    for _ in range(20):
        roll = rng.random()
        digits = str(round(v)) if float(v).is_integer() else f"{v:.1f}"
        places = [i for i in range(len(digits) - 1) if digits[i].isdigit() and digits[i + 1].isdigit()]
        if roll < 0.3 and places:
            i = rng.choice(places)
            swapped = digits[:i] + digits[i + 1] + digits[i] + digits[i + 2 :]
            new = float(swapped)
        elif roll < 0.4 and amount.unit == "money":
            new = v * 10 if v < 20 else round(v / 10, 1)
        elif float(v).is_integer():
            new = max(1.0, v + rng.choice([-1, 1]) * max(1, round(v * rng.uniform(0.03, 0.3))))
        else:
            new = max(0.1, round(v + rng.choice([-1, 1]) * rng.randint(1, 15) / 10, 1))
        if new > 0 and Amount(amount.unit, new, amount.style, amount.hedge).text() != old:
            return new
    return v + 1


def new_fact(
    rng: random.Random, art: Article, figure: Figure | None = None, period: str | None = None
) -> Fact:
    """A figure sentence; a measured thing and period the article already gave keeps its number."""
    topic = art.topic
    figure = figure or parse_figure(rng.choice(topic.figures))
    if period is None:
        period = rng.choice(MONEY_PERIODS if figure.shape == "money" else topic.periods)
    key = (figure.thing, period)
    if key not in art.amounts:
        art.amounts[key] = Amount(figure.unit, fresh_value(rng, figure.unit, figure.shape), art.style)
    return Fact(
        figure=figure,
        verb=figure.verbs[0],
        amount=art.amounts[key],
        period=period,
        actor=rng.choice(topic.actors),
        source=rng.choice(topic.sources),
        says=rng.choice(SAYS),
        day=rng.choice(DAYS),
        frame=rng.choice(FRAMES),
        tail=rng.choice(TAILS) if rng.random() < 0.2 else "",
    )


def restated(rng: random.Random, fact: Fact) -> Fact:
    """The same figure said again elsewhere (a lede, a summary), in another frame and perhaps with
    another verb."""
    return Fact(
        figure=fact.figure,
        verb=rng.choice(fact.figure.verbs),
        amount=fact.amount,
        period=fact.period,
        actor=fact.actor,
        source=fact.source,
        says=rng.choice(SAYS_AFTER),
        day="",
        frame=rng.choice([f for f in FRAMES if f != fact.frame]),
    )


def remark(rng: random.Random, art: Article) -> str | None:
    """Quoted speech, or None when the article has used up its topic's remarks."""
    words = art.draw(art.topic.remarks)
    if words is None:
        return None
    person, role = rng.choice(art.people), rng.choice(art.topic.speakers)
    o, c = art.style.quotes
    comma = words[:-1] + ","
    return rng.choice(
        [
            f"{o}{comma}{c} said {person}, {role}.",
            f"{o}{words}{c} That was how {person}, {role}, put it.",
            f"{person}, {role}, said: {o}{words}{c}",
            f"{o}{comma}{c} {person} said.",
        ]
    )


def sentence(rng: random.Random, art: Article, facts: float = 0.55) -> Item:
    """A sentence for the body: a figure (share ``facts``), quoted speech, background or a transition."""
    roll = rng.random()
    text: str | None = None
    if roll >= facts:
        if roll < facts + 0.15:
            text = remark(rng, art)
        elif roll < facts + 0.33:
            text = art.draw(art.topic.background)
        else:
            text = art.draw(BLOG_LINES if art.blog else TRANSITIONS)
    return text if text is not None else new_fact(rng, art)


def article(rng: random.Random) -> Article:
    """A news article or a blog post of eight to twenty-two paragraphs about one topic."""
    topic = rng.choice(TOPICS)
    style = Style(
        percent=rng.choice([" percent", " percent", " per cent", "%"]),
        currency=rng.choice(["$", "\u20ac", " crowns"]),
        quotes=rng.choice([('"', '"'), ("\u201c", "\u201d")]),
    )
    art = Article(
        topic,
        style,
        [],
        Draw(rng),
        separator=rng.choice(["\n\n"] * 4 + ["\n"]),
        people=rng.sample(PEOPLE, 4),
        blog=rng.random() < 0.3,
    )
    people, paras = art.people, art.paras
    paras.append(Para([rng.choice(topic.headlines)], "header"))
    if art.blog:
        paras.append(Para([f"Posted by {people[0]} \u00b7 {rng.choice(DATES)}"], "header"))
    else:
        byline = rng.choice(
            [
                f"By {people[0]}",
                f"{people[0]}, {rng.choice(PLACES)}",
                f"Published {rng.choice(DATES)}, {rng.choice(TIMES)}",
            ]
        )
        paras.append(Para([byline], "header"))

    key = new_fact(rng, art)
    lede: list[Item] = [restated(rng, key), sentence(rng, art, facts=0.3)]
    if art.blog:
        lede.insert(0, art.draw(BLOG_LINES) or new_fact(rng, art))
    paras.append(Para(lede, "lede"))

    body_count = rng.randint(5, 17)
    placed_key = False
    for i in range(body_count):
        roll = rng.random()
        heading = art.draw(SUBHEADINGS) if art.blog and roll < 0.08 else None
        if heading is not None:
            paras.append(Para([heading], "heading"))
        elif roll < 0.14:
            bullets: list[Item] = []
            for _ in range(rng.randint(2, 4)):
                fact = new_fact(rng, art)
                fact.frame, fact.tail = "bullet", ""
                bullets.append(fact)
            intro = rng.choice(["Among the findings:", "The main figures:", "In short:"])
            paras.append(Para([intro, *bullets], "list", "\n"))
        elif roll < 0.3 and (said := remark(rng, art)) is not None:
            paras.append(Para([said]))
        else:
            items: list[Item] = []
            for _ in range(rng.randint(1, 3)):
                if not placed_key and (rng.random() < 0.25 or i == body_count - 1):
                    items.append(key)
                    placed_key = True
                else:
                    items.append(sentence(rng, art))
            paras.append(Para(items))
    closing = rng.choice(CLOSINGS).format(person=people[1], person2=people[2])
    paras.append(Para([closing], "closing"))
    return art
