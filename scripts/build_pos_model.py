"""Train the Indonesian part-of-speech model shipped as ``workbench/language/data/pos_id.crfsuite``.

Run by a developer (not at install time or run time)::

    python -m venv /tmp/postag-venv && /tmp/postag-venv/bin/pip install --no-deps nlp-id python-crfsuite
    /tmp/postag-venv/bin/python scripts/build_pos_model.py [--corpus PATH] [--out PATH]

The corpus is the tagged news text that the ``nlp-id`` package (kumparan, MIT) ships in its wheel
(``nlp_id/data/dataset_postag.txt``: ~33k sentences, ~560k tokens, one ``word<TAB>tag`` a line,
sentences separated by blank lines). nlp-id's own tagger cannot be used offline: it downloads its
model from a model hub on first use. We train a CRF with CRFsuite (python-crfsuite) instead, on the
same data, with the features :mod:`workbench.language.postag` computes at run time.

The corpus splits the clitic ``-nya`` off its word ("acara nya"); our tokenizer keeps it on
("acaranya"), so a split ``nya`` is joined back to the word before it, which keeps its tag.
"""

from __future__ import annotations

import argparse
import random
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from workbench.language.postag import token_features  # the run-time features, one truth

OUT = Path(__file__).resolve().parent.parent / "workbench" / "language" / "data" / "pos_id.crfsuite"


def default_corpus() -> Path:
    from importlib.util import find_spec

    spec = find_spec("nlp_id")  # found, not imported: only its data file is read
    if spec is None or spec.origin is None:
        raise SystemExit("install nlp-id (pip install --no-deps nlp-id) or pass --corpus")
    return Path(spec.origin).parent / "data" / "dataset_postag.txt"


def read_corpus(path: Path) -> list[list[tuple[str, str]]]:
    """The corpus's sentences as (word, tag) lists, split ``nya`` joined to its word."""
    sentences: list[list[tuple[str, str]]] = []
    current: list[tuple[str, str]] = []
    for line in path.read_text(encoding="utf-8").splitlines():
        if not line.strip():
            if current:
                sentences.append(current)
            current = []
            continue
        word, _, tag = line.partition("\t")
        tag = tag.strip().upper()
        if not word or not tag:
            continue
        if word.lower() == "nya" and current and current[-1][0][-1:].isalpha():
            host, host_tag = current[-1]
            current[-1] = (host + word, host_tag)
            continue
        current.append((word, tag))
    if current:
        sentences.append(current)
    return sentences


def main() -> None:
    import pycrfsuite

    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--corpus", type=Path, default=None)
    parser.add_argument("--out", type=Path, default=OUT)
    parser.add_argument("--iterations", type=int, default=120)
    parser.add_argument("--check", type=int, default=1000, help="sentences held back to report accuracy")
    args = parser.parse_args()
    # The corpus repeats many sentences; once each, so the held-back ones are unseen.
    sentences = list(dict.fromkeys(tuple(s) for s in read_corpus(args.corpus or default_corpus())))
    random.Random(7).shuffle(sentences)  # noqa: S311 (a fixed split, not a secret)
    check, train = sentences[: args.check], sentences[args.check :]
    trainer = pycrfsuite.Trainer(verbose=False)
    for sentence in train:
        words = [word for word, _ in sentence]
        trainer.append([token_features(words, i) for i in range(len(words))], [tag for _, tag in sentence])
    # L1 keeps the model small (most features get weight 0); L2 keeps the rest smooth.
    trainer.set_params(
        {"c1": 0.5, "c2": 0.01, "max_iterations": args.iterations, "feature.possible_transitions": True}
    )
    trainer.train(str(args.out))
    tagger = pycrfsuite.Tagger()
    tagger.open(str(args.out))
    right = total = 0
    for sentence in check:
        words = [word for word, _ in sentence]
        predicted = tagger.tag([token_features(words, i) for i in range(len(words))])
        right += sum(p == gold for p, (_, gold) in zip(predicted, sentence, strict=True))
        total += len(sentence)
    size = args.out.stat().st_size
    print(f"trained on {len(train):,} sentences; {size / 1e6:.1f} MB; corpus tags right on")
    print(f"{len(check):,} held-back sentences: {right / total:.4f} ({right}/{total})")


if __name__ == "__main__":
    main()
