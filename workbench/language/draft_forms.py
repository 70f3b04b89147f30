"""English word forms for the drafter: past tenses, participles and plurals (lemminflect, MIT,
its tables in the wheel, loaded on first use), and the word classes an English word can have."""

from __future__ import annotations

from functools import cache

from workbench.language.stemming import lemminflect_module


@cache
def english_classes(english: str) -> frozenset[str]:
    """The word classes lemminflect knows the English word (or a phrase's first word) in."""
    first = english.split()[0] if english.split() else ""
    if not first.isalpha():
        return frozenset()
    return frozenset(lemminflect_module().getAllLemmas(first.lower()))


def verb_forms(english: str, tag: str) -> list[str]:
    """``english`` (a verb, maybe with a particle: "give up") in the form ``tag`` (Penn: VB, VBD,
    VBN, VBG); a word lemminflect does not know as a verb stays as it is."""
    words = english.split()
    if not words:
        return []
    lemma = _verb_lemma(words[0])
    if lemma is None:
        return words
    if tag != "VB":
        forms = _inflect(lemma, tag)
        if forms:
            return [forms, *words[1:]]
    return [lemma, *words[1:]]


@cache
def _verb_lemma(word: str) -> str | None:
    lemminflect = lemminflect_module()
    if not word.isalpha() or not word.islower():
        return None
    lemmas = lemminflect.getLemma(word, upos="VERB", lemmatize_oov=False)
    lemma = lemmas[0] if lemmas else None
    if lemma is None or not lemminflect.getAllInflections(lemma, upos="VERB"):
        return None
    return str(lemma)


@cache
def _inflect(lemma: str, tag: str) -> str | None:
    forms = lemminflect_module().getInflection(lemma, tag=tag, inflect_oov=False)
    return str(forms[0]) if forms else None


def plural(english: str, many: bool) -> str:
    if not many:
        return english
    forms = lemminflect_module().getInflection(english, tag="NNS", inflect_oov=True)
    return str(forms[0]) if forms else english
