"""Word lists and hand-written paragraphs for the anchoring benchmark (our own words, all fictional).

The sentence makers return news-like sentences; ``{motif}`` slots take a document's recurring short
phrases, so short quotes really do occur several times in one document, often in look-alike
sentences ("Prices rose 12 percent in March." / "... in April.").
"""

from __future__ import annotations

import random
import re

ORGS = [
    "the Ministry of Coastal Affairs",
    "the Northvale Water Authority",
    "the Harbor Council",
    "Meridian Health Trust",
    "the Selmar Transit Board",
    "Kestrel Energy",
    "the Lowmarsh Farmers Union",
    "the Office of Civil Records",
    "Brightfield Schools",
    "the Eastport Chamber of Commerce",
    "the Regional Flood Agency",
    "Orland Rail",
    "the Census Bureau of Tessary",
    "Palmara Bank",
    "the Vell Port Authority",
    "Corvin Mutual",
    "the Tessary Road Safety Board",
    "Saltmere Grain",
    "the Department of Rural Roads",
    "Halden Clinics",
    "the Upper Vell Council",
    "Norrick Telecom",
]
PEOPLE = [
    "Ana Kusuma",
    "Tomas Brell",
    "Rina Halim",
    "Dev Okafor",
    "Maren Stoll",
    "Yusuf Adeyemi",
    "Lotte Varga",
    "Piet Harmsen",
    "Sari Wulandari",
    "Jonah Petrakis",
    "Ilse Moreau",
    "Budi Santoso",
    "Marta Oyelaran",
    "Kofi Lindqvist",
    "Hana Prasetyo",
    "Oskar Demir",
    "Nadia Ferreira",
    "Lev Aronov",
    "Teodor Vasic",
    "Amara Njoku",
    "Rosa Tanaka",
    "Emil Haugen",
]
PLACES = [
    "Port Lanyard",
    "East Corvin",
    "the Selmar valley",
    "Bayfield",
    "Norrick",
    "the old harbor district",
    "Kalindra",
    "West Tessary",
    "the river towns",
    "Marrow Point",
    "Upper Vell",
    "the northern coast",
    "Ashgrove",
    "the eastern islands",
    "Dunmere",
    "Saltmere",
    "the capital",
    "Fenwick Bay",
]
NOUNS = [
    "budget",
    "bridge",
    "report",
    "survey",
    "clinic",
    "school",
    "harbor",
    "pipeline",
    "election",
    "contract",
    "program",
    "inquiry",
    "subsidy",
    "timetable",
    "warehouse",
    "levee",
    "ferry",
    "census",
    "reservoir",
    "tariff",
    "permit",
    "shelter",
    "network",
    "audit",
]
PLURALS = [
    "households",
    "workers",
    "families",
    "students",
    "farmers",
    "vessels",
    "patients",
    "homes",
    "businesses",
    "volunteers",
    "drivers",
    "teachers",
    "residents",
    "shops",
    "flights",
    "claims",
]
ADJECTIVES = [
    "new",
    "local",
    "temporary",
    "regional",
    "smaller",
    "larger",
    "private",
    "public",
    "seasonal",
    "revised",
    "earlier",
    "annual",
    "independent",
    "official",
    "rural",
    "coastal",
]
VERBS_PAST = [
    "approved",
    "delayed",
    "rejected",
    "expanded",
    "closed",
    "reopened",
    "reviewed",
    "funded",
    "cancelled",
    "inspected",
    "extended",
    "announced",
    "suspended",
    "repaired",
]
VERBS = ["finish", "reopen", "expand", "publish", "review", "cut", "double", "replace", "begin", "end"]
WEEKDAYS = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"]
MONTHS = [
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
]
FILLER = [
    "officials",
    "said",
    "the",
    "plan",
    "would",
    "take",
    "several",
    "months",
    "and",
    "cost",
    "more",
    "than",
    "expected",
    "after",
    "a",
    "dispute",
    "over",
    "land",
    "near",
    "river",
    "while",
    "critics",
    "argued",
    "that",
    "figures",
    "were",
    "incomplete",
    "because",
    "some",
    "data",
    "had",
    "not",
    "been",
    "shared",
    "with",
    "auditors",
    "during",
    "spring",
    "according",
    "to",
    "notes",
    "seen",
    "by",
    "reporters",
    "who",
    "visited",
    "site",
    "on",
    "short",
    "notice",
    "in",
    "late",
    "evening",
]
BOILERPLATE = [
    "The ministry did not respond to a request for comment.",
    "No injuries were reported.",
    "The figures have not been independently verified.",
    "Further details were not immediately available.",
]

# Hand-written, with the characters that break naive offset arithmetic: curly quotes, an
# apostrophe in "Jum’at", emoji with skin tone and joiners, decomposed accents (e + U+0301),
# Turkish dotted capital I (lowercases to two code points), German quotes, a CRLF line break.
HANDWRITTEN = [
    "“We will not close the İzmir office,” the director said on Tuesday, adding that the café’s "
    "12 staff would stay. 👍🏽 Her deputy called the decision “final, for now”.",
    "Menurut kementerian, sebanyak 1,5 juta warga terdampak banjir pada Jum’at (4/3/2022). "
    "Petugas İSKİ menyebut air surut setelah 48 jam.",
    "The re\u0301sume\u0301 of the new director lists three posts in Sa\u0303o Paulo and one in "
    "Gdan\u0301sk. She starts on the first Monday of June.",
    "Residents posted 🌊🏠 photos of the flooded street; one caption read “help arrived at 3 a.m.” 🙏🏽 "
    "Another said the pumps 👩\u200d🔧 had failed twice.",
    "İstanbul’daki İSKİ yetkilileri, su kesintisinin İkitelli’de 48 saat süreceğini söyledi. "
    "Kesinti Salı günü başlayacak.",
    "Die Behörde meldete „deutlich weniger“ Schäden als im Vorjahr – etwa 30 Prozent.\r\n"
    "Ein Sprecher sagte, die Zahlen seien „vorläufig“.",
    "Ça coûte 2,5 millions d’euros, selon l’agence — « un chiffre prudent », d’après elle. "
    "Les travaux reprendront en août.",
    "The mayor’s office said the 🚧 roadworks on Pier Street would end “no later than Friday”; "
    "traders said they had heard that before.",
]


def motifs(rng: random.Random) -> list[str]:
    """A document's recurring short phrases: a percentage, a name, a day, a count."""
    return [
        f"{rng.randint(2, 40)} percent",
        rng.choice(PEOPLE),
        f"on {rng.choice(WEEKDAYS)}",
        f"{rng.randint(3, 900)} {rng.choice(PLURALS)}",
    ]


# A phrase every sentence of a maker contains (the last maker, free word salad, has none).
SIGNATURES = [
    "said",
    "Prices rose",
    "According to",
    "who leads",
    " after ",
    "were counted",
    "Lawmakers",
    "Inspectors",
    "a statement",
    "Residents of",
]


def sentence(rng: random.Random, motif: str | None = None, unlike: str = "") -> str:
    """One news-like sentence; with ``motif`` the sentence contains that phrase. With ``unlike``,
    a sentence of another shape than that one (a rewrite, not the same template refilled)."""
    m = motif if motif is not None else _number_phrase(rng)
    makers = [
        lambda: (
            f"{_cap(rng.choice(ORGS))} said {_day(rng)} that {m} had been {rng.choice(VERBS_PAST)} in {rng.choice(PLACES)}."
        ),
        lambda: f"Prices rose {m} in {rng.choice(MONTHS)}, the {rng.choice(NOUNS)} showed.",
        lambda: (
            f"According to {rng.choice(PEOPLE)}, {rng.choice(ADJECTIVES)} {rng.choice(PLURALS)} account for {m}."
        ),
        lambda: (
            f"{rng.choice(PEOPLE)}, who leads {rng.choice(ORGS)}, told reporters the {rng.choice(NOUNS)} would {rng.choice(VERBS)} by {rng.choice(MONTHS)}, citing {m}."
        ),
        lambda: (
            f"The {rng.choice(ADJECTIVES)} {rng.choice(NOUNS)} was {rng.choice(VERBS_PAST)} after {m} in {rng.choice(PLACES)} complained."
        ),
        lambda: (
            f"In {rng.choice(PLACES)}, {m} were counted {_day(rng)}, up from {rng.randint(10, 99)} a year earlier."
        ),
        lambda: (
            f"Lawmakers in {rng.choice(PLACES)} voted to {rng.choice(VERBS)} the {rng.choice(NOUNS)}, a measure that affects {m}."
        ),
        lambda: (
            f"Inspectors found that the {rng.choice(NOUNS)} near {rng.choice(PLACES)} had been {rng.choice(VERBS_PAST)} twice since {rng.choice(MONTHS)}, leaving {m} waiting."
        ),
        lambda: (
            f"In a statement, {rng.choice(ORGS)} put the cost of the {rng.choice(ADJECTIVES)} {rng.choice(NOUNS)} at {rng.randint(2, 90)} million, covering {m}."
        ),
        lambda: (
            f"Residents of {rng.choice(PLACES)} have asked for a {rng.choice(ADJECTIVES)} {rng.choice(NOUNS)} since {m} lost access {_day(rng)}."
        ),
        lambda: _free(rng, m),
    ]
    allowed = [
        maker
        for maker, signature in zip(makers, [*SIGNATURES, None], strict=True)
        if not unlike or signature is None or signature not in unlike
    ]
    return rng.choice(allowed)()


def paragraph(rng: random.Random, doc_motifs: list[str], motif_rate: float = 0.35) -> list[str]:
    """Two to five sentences; some carry one of the document's motifs."""
    out = []
    for _ in range(rng.randint(2, 5)):
        if rng.random() < 0.08:
            out.append(rng.choice(BOILERPLATE))
        else:
            out.append(sentence(rng, rng.choice(doc_motifs) if rng.random() < motif_rate else None))
    return out


def replacement_word(rng: random.Random, word: str) -> str:
    """A plausible different word for ``word``: a nearby number for numbers, else another word."""
    number = re.search(r"\d+", word)
    if number:
        changed = str(int(number.group()) + rng.randint(1, 9))
        return word[: number.start()] + changed + word[number.end() :]
    pool = rng.choice([NOUNS, ADJECTIVES, VERBS_PAST, FILLER, PLURALS])
    choice = rng.choice(pool)
    return choice if choice != word else choice + "s"


def _number_phrase(rng: random.Random) -> str:
    return rng.choice(
        [
            f"{rng.randint(2, 95)} percent",
            f"{rng.randint(2, 900)} {rng.choice(PLURALS)}",
            f"{rng.randint(1, 9)}.{rng.randint(1, 9)} million {rng.choice(PLURALS)}",
        ]
    )


def _day(rng: random.Random) -> str:
    return (
        f"on {rng.choice(WEEKDAYS)}"
        if rng.random() < 0.6
        else f"on {rng.choice(MONTHS)} {rng.randint(1, 28)}"
    )


def _free(rng: random.Random, m: str) -> str:
    words = [rng.choice(FILLER) for _ in range(rng.randint(6, 16))]
    words.insert(rng.randint(1, len(words)), m)
    return _cap(" ".join(words)) + "."


def _cap(text: str) -> str:
    return text[:1].upper() + text[1:]
