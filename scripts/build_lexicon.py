"""Build the Indonesian→English lexicon shipped in ``workbench/language/data/``.

Run by a developer (not at install time) after ``apt-get install dict-freedict-eng-ind``::

    .venv/bin/python scripts/build_lexicon.py [--dictd /usr/share/dictd] [--out workbench/language/data]

The FreeDict English→Indonesian dictionary (WikDict, CC BY-SA 3.0) is inverted: every Indonesian
translation becomes a key whose values are the English headwords it translates. Each English
alternative gets a rank (sense number, then position in its line) so the draft translator can pick
the most central sense first. Single-word keys are also stemmed with the same Indonesian stemmer the
runtime uses, so run-time lookups of inflected forms need no stemming of the whole dictionary.

Output format (UTF-8, tab separated, sorted, one key per line)::

    kind<TAB>indonesian<TAB>english;english;...

``kind`` is ``w`` for a word or phrase as written in the dictionary and ``r`` for a root (stem).
"""

from __future__ import annotations

import argparse
import gzip
import re
from collections import defaultdict
from pathlib import Path

DICT_NAME = "freedict-eng-ind"
# dictd encodes offsets and lengths in this base64 alphabet.
_B64 = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/"
_SENSE_PREFIX = re.compile(r"^\s*(\d+)\.\s*")
_SENSE_SUFFIX = re.compile(r"\s+\d+\.\s*$")
_PAREN = re.compile(r"\([^)]*\)")
_INDONESIAN_TERM = re.compile(r"^[a-z][a-z'\- ]*[a-z]$")
_MAX_PHRASE_WORDS = 3
_MAX_ALTERNATIVES = 6


def _b64_number(text: str) -> int:
    value = 0
    for char in text:
        value = value * 64 + _B64.index(char)
    return value


def read_entries(dictd: Path) -> list[tuple[str, str]]:
    """Return (headword, entry text) pairs of the dictionary, metadata entries skipped."""
    with gzip.open(dictd / f"{DICT_NAME}.dict.dz") as compressed:
        raw = compressed.read()
    entries = []
    for line in (dictd / f"{DICT_NAME}.index").read_text(encoding="utf-8").splitlines():
        headword, offset, length = line.split("\t")
        if headword.startswith("00database") or headword.startswith("00-database"):
            continue
        start = _b64_number(offset)
        entries.append((headword, raw[start : start + _b64_number(length)].decode("utf-8")))
    return entries


def translations(entry: str) -> list[tuple[int, list[str]]]:
    """(sense number, Indonesian terms) of one entry.

    After the headword line, lines alternate: translations, English gloss, translations, ...
    A sense without translations shows as a bare number (" 3."), and a line may carry the next
    sense's number at its end ("basis data 2.").
    """
    lines = entry.rstrip("\n").split("\n")[1:]
    senses = []
    for position, line in enumerate(lines):
        if position % 2:
            continue  # an English gloss
        match = _SENSE_PREFIX.match(line)
        sense = int(match.group(1)) if match else 1
        body = _SENSE_SUFFIX.sub("", _SENSE_PREFIX.sub("", line))
        terms = [_PAREN.sub("", term).strip().lower() for term in body.split(",")]
        senses.append((sense, [t for t in terms if t]))
    return senses


def usable_term(term: str) -> bool:
    if not _INDONESIAN_TERM.match(term):
        return False  # affixes ("-an", "ke-"), digits, odd punctuation
    return len(term.split()) <= _MAX_PHRASE_WORDS


def usable_headword(headword: str) -> bool:
    # Proverbs and long idioms add noise to a word-level lexicon.
    return len(headword.split()) <= _MAX_PHRASE_WORDS and not headword[:1].isdigit()


def invert(entries: list[tuple[str, str]]) -> dict[str, dict[str, float]]:
    """Indonesian term -> {English headword: rank (lower is more central)}."""
    inverted: dict[str, dict[str, float]] = defaultdict(dict)
    for headword, entry in entries:
        if not usable_headword(headword):
            continue
        english = headword if headword[:1].isupper() and headword[1:2].islower() else headword.lower()
        for sense, terms in translations(entry):
            for position, term in enumerate(terms):
                if not usable_term(term):
                    continue
                # Multi-word headwords rank after single words for the same term.
                rank = sense + position * 0.5 + (len(english.split()) - 1) * 2
                best = inverted[term].get(english)
                if best is None or rank < best:
                    inverted[term][english] = rank
    return inverted


def stem_keys(inverted: dict[str, dict[str, float]]) -> dict[str, dict[str, float]]:
    """Root -> English alternatives, merged over every single-word term with that root."""
    from Sastrawi.Stemmer.StemmerFactory import StemmerFactory  # build-time only

    stemmer = StemmerFactory().create_stemmer()
    roots: dict[str, dict[str, float]] = defaultdict(dict)
    for term, alternatives in inverted.items():
        if " " in term or "-" in term:
            continue
        root = stemmer.stem(term)
        if not root:
            continue
        # A derived form's meaning drifts from its root ("pemerintah" / "perintah"): rank it lower.
        penalty = 0.0 if root == term else 1.0
        for english, rank in alternatives.items():
            best = roots[root].get(english)
            if best is None or rank + penalty < best:
                roots[root][english] = rank + penalty
    return roots


def ordered(alternatives: dict[str, float]) -> list[str]:
    ranked = sorted(alternatives.items(), key=lambda item: (item[1], len(item[0]), item[0]))
    return [english for english, _ in ranked[:_MAX_ALTERNATIVES]]


def write_lexicon(
    path: Path, inverted: dict[str, dict[str, float]], roots: dict[str, dict[str, float]]
) -> int:
    rows = [f"w\t{term}\t{';'.join(ordered(alts))}" for term, alts in inverted.items()]
    rows += [f"r\t{root}\t{';'.join(ordered(alts))}" for root, alts in roots.items()]
    rows.sort()
    path.write_text("\n".join(rows) + "\n", encoding="utf-8")
    return len(rows)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--dictd", type=Path, default=Path("/usr/share/dictd"))
    parser.add_argument("--out", type=Path, default=Path("workbench/language/data"))
    args = parser.parse_args()
    entries = read_entries(args.dictd)
    inverted = invert(entries)
    roots = stem_keys(inverted)
    count = write_lexicon(args.out / "freedict_id_en.tsv", inverted, roots)
    print(
        f"{len(entries)} English headwords -> {len(inverted)} Indonesian terms,"
        f" {len(roots)} roots, {count} rows"
    )


if __name__ == "__main__":
    main()
