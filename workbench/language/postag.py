"""Indonesian part-of-speech tags (Universal Dependencies UPOS) from a CRF model shipped with us.

The model (``data/pos_id.crfsuite``, ~1 MB) is a CRFsuite model trained by
``scripts/build_pos_model.py`` on the tagged news corpus of the ``nlp-id`` package (MIT); see
``data/README.md``. It loads on first use (python-crfsuite, a small C extension) and never
downloads anything. docs/statements.md compares it with the other taggers on the package index.

The corpus's tags map onto UPOS; its ``ADV`` covers the aspect and modal words ("akan",
"telah"), which the drafter reads by word anyway.
"""

from __future__ import annotations

from collections.abc import Sequence
from functools import cache
from importlib import resources
from typing import Any

# nlp-id's tag set -> Universal Dependencies UPOS.
UPOS = {
    "NN": "NOUN",
    "NNP": "PROPN",
    "VB": "VERB",
    "JJ": "ADJ",
    "IN": "ADP",
    "PR": "PRON",
    "ADV": "ADV",
    "SC": "SCONJ",
    "DT": "DET",
    "NUM": "NUM",
    "CC": "CCONJ",
    "FW": "X",
    "NEG": "PART",
    "RP": "PART",
    "UH": "INTJ",
    "SYM": "PUNCT",
}


def _shape(word: str) -> str:
    if word.isdigit() or (word[:1].isdigit() and any(c.isdigit() for c in word)):
        return "num"
    if word.isupper() and len(word) > 1:
        return "upper"
    if word[:1].isupper():
        return "title"
    if word.isalpha():
        return "lower"
    return "other"


def token_features(words: Sequence[str], index: int) -> list[str]:
    """CRF features of ``words[index]`` in its sentence; the training script uses the same ones."""
    word = words[index]
    lower = word.lower()
    features = [
        "bias",
        f"w={lower}",
        f"shape={_shape(word)}",
        f"p2={lower[:2]}",
        f"p3={lower[:3]}",
        f"s2={lower[-2:]}",
        f"s3={lower[-3:]}",
        f"s4={lower[-4:]}",
        f"hyphen={'-' in word}",
    ]
    if index == 0:
        features.append("first")
    else:
        before = words[index - 1]
        features += [f"-1w={before.lower()}", f"-1shape={_shape(before)}", f"-1s2={before.lower()[-2:]}"]
        if index > 1:
            features.append(f"-2w={words[index - 2].lower()}")
    if index == len(words) - 1:
        features.append("last")
    else:
        after = words[index + 1]
        features += [f"+1w={after.lower()}", f"+1shape={_shape(after)}", f"+1s2={after.lower()[-2:]}"]
        if index < len(words) - 2:
            features.append(f"+2w={words[index + 2].lower()}")
    return features


@cache
def _tagger() -> Any:
    import pycrfsuite  # loaded on first use: ``workbench --help`` never pays for it

    tagger = pycrfsuite.Tagger()
    model = resources.files("workbench.language").joinpath("data", "pos_id.crfsuite")
    with resources.as_file(model) as path:
        tagger.open(str(path))
    return tagger


def corpus_tags(words: Sequence[str]) -> list[str]:
    """The model's own tags (nlp-id's tag set) for one sentence's words."""
    if not words:
        return []
    return list(_tagger().tag([token_features(words, i) for i in range(len(words))]))


def upos_tags(words: Sequence[str]) -> list[str]:
    """UPOS tags for one sentence's words, in order (punctuation included, as ``PUNCT``)."""
    return [UPOS.get(tag, "X") for tag in corpus_tags(words)]
