"""Accuracy of Indonesian part-of-speech taggers on our hand-tagged UPOS gold set.

    .venv/bin/python bench/pos_eval.py [--tagger crf|unigram|aksara|nlp-id-rf ...] [--corpus PATH]

Gold: ``bench/data/pos_gold_id.conllu`` (40 sentences of our own writing, 332 tokens; see its
header). Every tagger gets the gold tokens (so tokenisation does not count) and its tags are mapped
to UPOS. Two figures per tagger: UPOS accuracy, and "coarse" accuracy over the classes the drafter
acts on (NOUN, PROPN, VERB, ADJ, NUM; everything else one class), plus the time from import to the
first tagged sentence.

Taggers:

- ``crf``: ours, ``workbench.language.postag`` (CRFsuite model trained on nlp-id's corpus).
- ``unigram``: each word's most frequent tag in nlp-id's corpus (capitalised unknowns PROPN, other
  unknowns NOUN): a baseline. Needs ``--corpus`` or nlp-id installed.
- ``aksara``: aksara's morphological analyser (foma) and HMM disambiguation. Needs
  ``apt-get install foma`` and ``pip install --no-deps aksara tqdm numpy`` in a scratch venv; its
  dependency parser (torch, weights fetched from a file host on first use) is replaced by a
  pass-through, since it adds heads, not tags.
- ``nlp-id-rf``: nlp-id's own random-forest pipeline, trained here on its own corpus with its own
  ``train`` method (its published model is fetched from a model hub on first use, which we cannot
  do). Needs ``pip install nlp-id`` (nltk, scikit-learn) in a scratch venv; training takes minutes.
"""

from __future__ import annotations

import argparse
import sys
import time
import types
from collections import Counter
from collections.abc import Callable, Sequence
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parent))

GOLD = HERE / "data" / "pos_gold_id.conllu"
COARSE = {"NOUN", "PROPN", "VERB", "ADJ", "NUM"}
Tagger = Callable[[Sequence[str]], list[str]]


def read_gold(path: Path = GOLD) -> list[list[tuple[str, str]]]:
    sentences: list[list[tuple[str, str]]] = []
    current: list[tuple[str, str]] = []
    for line in path.read_text(encoding="utf-8").splitlines():
        if not line.strip():
            if current:
                sentences.append(current)
            current = []
        elif not line.startswith("#"):
            columns = line.split("\t")
            current.append((columns[1], columns[3]))
    if current:
        sentences.append(current)
    return sentences


def corpus_path(given: Path | None) -> Path:
    if given:
        return given
    from importlib.util import find_spec

    spec = find_spec("nlp_id")
    if spec is None or spec.origin is None:
        raise SystemExit("pass --corpus PATH (nlp-id's dataset_postag.txt) or install nlp-id")
    return Path(spec.origin).parent / "data" / "dataset_postag.txt"


def crf_tagger(_corpus: Path | None) -> Tagger:
    from workbench.language.postag import upos_tags

    return upos_tags


def unigram_tagger(corpus: Path | None) -> Tagger:
    from workbench.language.postag import UPOS

    sys.path.insert(0, str(HERE.parent / "scripts"))
    from build_pos_model import read_corpus

    counts: dict[str, Counter[str]] = {}
    for sentence in read_corpus(corpus_path(corpus)):
        for word, tag in sentence:
            counts.setdefault(word.lower(), Counter())[tag] += 1

    def tag(words: Sequence[str]) -> list[str]:
        tags = []
        for word in words:
            seen = counts.get(word.lower())
            if seen:
                tags.append(UPOS.get(seen.most_common(1)[0][0], "X"))
            elif word[:1].isdigit():
                tags.append("NUM")
            else:
                tags.append("PROPN" if word[:1].isupper() else "NOUN")
        return tags

    return tag


def aksara_tagger(_corpus: Path | None) -> Tagger:
    # The parser only adds heads and relations; a pass-through keeps torch out.
    class _PassThrough:
        def __init__(self, *args: object, **kwargs: object) -> None:
            pass

        def parse_rows(self, rows: list[object]) -> list[object]:
            return rows

    from importlib.util import find_spec

    # aksara's own __init__ imports its tree drawers (igraph, matplotlib, plotly): skip it.
    spec = find_spec("aksara")
    if spec is None or not spec.submodule_search_locations:
        raise SystemExit("install aksara (pip install --no-deps aksara tqdm numpy nltk)")
    root = types.ModuleType("aksara")
    root.__path__ = list(spec.submodule_search_locations)
    sys.modules["aksara"] = root
    package = types.ModuleType("aksara._nlp_internal.dependency_parsing")
    stub = types.ModuleType("aksara._nlp_internal.dependency_parsing.core")
    stub.DependencyParser = _PassThrough  # type: ignore[attr-defined]
    package.core = stub  # type: ignore[attr-defined]
    package.__path__ = []
    sys.modules["aksara._nlp_internal.dependency_parsing"] = package
    sys.modules["aksara._nlp_internal.dependency_parsing.core"] = stub
    from aksara._nlp_internal import _get_foma_script_path
    from aksara._nlp_internal.analyzer import BaseAnalyzer
    from aksara._nlp_internal.core import analyze_sentence

    analyzer = BaseAnalyzer(_get_foma_script_path())

    def tag(words: Sequence[str]) -> list[str]:
        out = analyze_sentence(
            text=" ".join(words),
            analyzer=analyzer,
            dependency_parser=_PassThrough(),
            v1=False,
            lemma=False,
            postag=True,
            informal=False,
        )
        # A word split in parts ("rumahnya" -> "rumah" + "nya") takes its first part's tag.
        parts = [line.split("\t") for line in out.split("\n") if line.strip()]
        tags: list[str] = []
        index = 0
        for word in words:
            built, first = "", None
            while index < len(parts) and len(built) < len(word):
                built += parts[index][1]
                first = first or parts[index][2]
                index += 1
            tags.append(first or "X")
        return tags

    return tag


def nlp_id_rf_tagger(corpus: Path | None) -> Tagger:
    # nlp-id imports huggingface_hub to fetch its model; we train instead and fetch nothing.
    hub = types.ModuleType("huggingface_hub")

    def _refuse(*args: object, **kwargs: object) -> str:
        raise RuntimeError("no downloads here")

    hub.hf_hub_download = _refuse  # type: ignore[attr-defined]
    sys.modules.setdefault("huggingface_hub", hub)
    from nlp_id.postag import PosTag  # type: ignore[import-not-found]

    from workbench.language.postag import UPOS

    sys.path.insert(0, str(HERE.parent / "scripts"))
    from build_pos_model import read_corpus

    tagger = PosTag.__new__(PosTag)  # skips __init__, which fetches the published model
    sentences = list(dict.fromkeys(tuple(s) for s in read_corpus(corpus_path(corpus))))
    words = [[w for w, _ in s] for s in sentences]
    tags = [[t for _, t in s] for s in sentences]
    x, y = tagger.transform_to_dataset(words, tags)
    tagger.train(x, y)

    def tag(sentence: Sequence[str]) -> list[str]:
        found = tagger.clf.predict([tagger.features(list(sentence), i) for i in range(len(sentence))])
        return [UPOS.get(str(t), "X") for t in found]

    return tag


TAGGERS: dict[str, Callable[[Path | None], Tagger]] = {
    "crf": crf_tagger,
    "unigram": unigram_tagger,
    "aksara": aksara_tagger,
    "nlp-id-rf": nlp_id_rf_tagger,
}


def coarse(tag: str) -> str:
    return tag if tag in COARSE else "other"


def evaluate(name: str, corpus: Path | None, gold: list[list[tuple[str, str]]]) -> None:
    started = time.perf_counter()
    tagger = TAGGERS[name](corpus)
    first = None
    right = right_coarse = total = 0
    for sentence in gold:
        words = [w for w, _ in sentence]
        predicted = tagger(words)
        if first is None:
            first = time.perf_counter() - started
        for guess, (_, tag) in zip(predicted, sentence, strict=True):
            right += guess == tag
            right_coarse += coarse(guess) == coarse(tag)
            total += 1
    print(
        f"{name:10} UPOS {right / total:.3f} ({right}/{total})  coarse {right_coarse / total:.3f}"
        f"  load+first sentence {first:.2f} s"
    )


def main() -> None:
    parser = argparse.ArgumentParser(description="Accuracy of Indonesian POS taggers on our gold set.")
    parser.add_argument("--tagger", action="append", choices=sorted(TAGGERS))
    parser.add_argument("--corpus", type=Path, default=None, help="nlp-id's dataset_postag.txt")
    args = parser.parse_args()
    gold = read_gold()
    print(f"gold: {len(gold)} sentences, {sum(map(len, gold))} tokens")
    for name in args.tagger or ["crf"]:
        evaluate(name, args.corpus, gold)


if __name__ == "__main__":
    main()
