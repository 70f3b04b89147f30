"""The drafter's words: each lexicon unit of a sentence with its part-of-speech tag, chosen English
sense and what it is (a name kept as written, a number, a -nya possessive, a di- passive), and the
Indonesian function-word lists the rules read."""

from __future__ import annotations

from dataclasses import dataclass, replace
from functools import cache

from workbench.language.draft_forms import english_classes, plural, verb_forms
from workbench.language.lexicon import UnitTranslation
from workbench.language.numbers import parse_digits, parse_number_words


def _word_set(words: str) -> frozenset[str]:
    return frozenset(words.split())


# Determiners before a noun, and what they become; None: the lexicon's word.
PRE_DETERMINERS = {
    "seorang": "a",
    "sebuah": "a",
    "seekor": "a",
    "sebanyak": "some",  # "sebanyak 45 keluarga": some 45 families
    "sesosok": "a",
    "para": "the",
    "setiap": "every",
    "tiap": "every",
    "semua": "all",
    "seluruh": "all",
    "beberapa": "several",
    "sejumlah": "several",
    "banyak": "many",
    "berbagai": "various",
}
PLURAL_DETERMINERS = frozenset({"para", "beberapa", "sejumlah", "banyak", "berbagai", "semua", "seluruh"})
POST_DETERMINERS = {"itu": "the", "tersebut": "the", "ini": "this"}
POSSESSIVES = {
    "saya": "my",
    "aku": "my",
    "kami": "our",
    "kita": "our",
    "mereka": "their",
    "dia": "his",
    "ia": "his",
    "beliau": "his",
    "kamu": "your",
    "anda": "your",
}
DIRECTIONS = {
    "utara": "North",
    "selatan": "South",
    "timur": "East",
    "barat": "West",
    "tengah": "Central",
    "tenggara": "Southeast",
    "barat daya": "Southwest",
    "timur laut": "Northeast",
    "barat laut": "Northwest",
}
NEGATIONS = frozenset({"tidak", "tak", "belum", "bukan"})
ASPECTS = frozenset({"telah", "sudah", "akan", "sedang", "masih", "pernah", "tengah"})
MODALS = {
    "bisa": "can",
    "dapat": "can",
    "mampu": "can",
    "harus": "must",
    "wajib": "must",
    "boleh": "may",
    "perlu": "need to",
    "ingin": "want to",
    "mau": "want to",
    "hendak": "want to",
}
DEGREE = {"paling": "most", "sangat": "very", "lebih": "more", "amat": "very", "cukup": "quite"}
TIME_NOUNS = frozenset({"tahun", "bulan", "pekan", "minggu", "hari", "jam", "abad", "dekade", "malam"})
TIME_ENGLISH = {
    "tahun": "year",
    "bulan": "month",
    "pekan": "week",
    "minggu": "week",
    "hari": "day",
    "jam": "hour",
    "abad": "century",
    "dekade": "decade",
    "malam": "night",
}
PAST_WORDS = frozenset({"lalu", "silam", "kemarin"})
NEXT_WORDS = frozenset({"depan", "mendatang"})
NOMINAL = frozenset({"NOUN", "PROPN"})
# Words the tagger may call nouns that introduce a phrase instead ("akibat banjir": due to flood).
PREPOSITIONS = _word_set(
    "akibat karena sejak selama menurut terhadap tentang seperti melalui sekitar antara bersama sebesar"
)
# Reporting verbs after a quote or clause ("..., kata Budi"): the lexicon's first sense, "said".
REPORTING = _word_set("kata ujar ucap tutur ungkap imbuh tambah jelas tegas")


@dataclass
class Word:
    """One lexicon unit of a clause: its key, tag and English alternatives."""

    unit: UnitTranslation
    tag: str
    key: str
    english: str
    plural_hint: bool = False  # reduplicated ("anak-anak")
    possessive: bool = False  # ends in the clitic -nya
    keep: bool = False  # a name, number or unknown word, written as it stands

    @property
    def surface(self) -> str:
        return " ".join(token.surface for token in self.unit.tokens)


def split_markers(units: list[UnitTranslation]) -> list[UnitTranslation]:
    """A lexicon phrase made only of negation, aspect and modal words ("tidak akan") is read
    word by word, so the verb after it gets its English form."""
    from workbench.language.lexicon import load_lexicon

    markers = NEGATIONS | ASPECTS | set(MODALS)
    result: list[UnitTranslation] = []
    for unit in units:
        if len(unit.tokens) > 1 and all(token.key in markers for token in unit.tokens):
            result.extend(UnitTranslation((t,), load_lexicon().lookup(t.key)) for t in unit.tokens)
        else:
            result.append(unit)
    return result


def unit_tags(text: str, units: list[UnitTranslation]) -> list[str]:
    """Each unit's UPOS tag (its first token's), tagging words and punctuation as one sentence."""
    from workbench.language.postag import upos_tags

    words: list[str] = []
    first_token: list[int] = []
    cursor = 0
    for unit in units:
        words.extend(char for char in text[cursor : unit.start] if not char.isspace())
        first_token.append(len(words))
        words.extend(token.surface for token in unit.tokens)
        cursor = unit.end
    tags = upos_tags(words)
    return [tags[i] for i in first_token]


def make_word(text: str, unit: UnitTranslation, tag: str) -> Word:
    first = unit.tokens[0]
    key = " ".join(token.key for token in unit.tokens)
    alternatives = unit.english
    if tag == "VERB" and len(unit.tokens) == 1 and key.startswith("di"):
        alternatives = active_alternatives(key) or alternatives
    keep = (
        not alternatives
        or first.is_number
        or (len(unit.tokens) == 1 and first.is_acronym)
        # a name the tagger sees stays, unless our own list translates it (months, countries)
        or (tag == "PROPN" and first.is_capitalised and key not in _our_terms())
    )
    english = first.surface if first.is_number else sense(alternatives, tag)
    if key == "minggu":
        english = weekday(text, unit)
    head, _, tail = key.partition("-")
    return Word(
        unit=unit,
        tag="NUM" if first.is_number else tag,
        key=key,
        english=english,
        plural_hint=bool(tail) and (head == tail or tail.startswith(head)),
        possessive=len(unit.tokens) == 1 and key.endswith("nya") and key not in _lexicon_words(),
        keep=keep,
    )


def common_noun(word: Word) -> Word:
    """``word`` read as a common noun with the lexicon's noun sense, not kept as a name."""
    return replace(word, tag="NOUN", keep=False, english=sense(word.unit.english, "NOUN"))


@cache
def _lexicon_words() -> frozenset[str]:
    from workbench.language.lexicon import load_lexicon

    return frozenset(load_lexicon().words)


@cache
def _our_terms() -> frozenset[str]:
    from workbench.language.lexicon import load_lexicon

    return load_lexicon().ours


_UPOS_OF_TAG = {"NOUN": "NOUN", "VERB": "VERB", "ADJ": "ADJ"}


def sense(alternatives: tuple[str, ...], tag: str) -> str:
    """The lexicon's first sense, unless it cannot be the tagged word class and one of the next
    three can ("rusak" as an adjective: "broken", not "break")."""
    if not alternatives:
        return ""
    wanted = _UPOS_OF_TAG.get(tag)
    if wanted is None or wanted in english_classes(alternatives[0]):
        return alternatives[0]
    for alternative in alternatives[1:4]:
        if wanted in english_classes(alternative):
            return alternative
    return alternatives[0]


def active_alternatives(key: str) -> tuple[str, ...]:
    """A di- verb's English through its active meN- form ("diperbaiki" -> "memperbaiki": repair):
    the lexicon's root for "perbaiki" is "baik" (good)."""
    stem = key[2:]
    forms = ["me" + stem, "mem" + stem, "men" + stem, "meng" + stem, "menge" + stem]
    first = stem[:1]
    if first == "s":
        forms.append("meny" + stem[1:])
    if first == "p":
        forms.append("mem" + stem[1:])
    if first == "t":
        forms.append("men" + stem[1:])
    if first == "k":
        forms.append("meng" + stem[1:])
    from workbench.language.lexicon import load_lexicon

    words = load_lexicon().words
    for form in forms:
        if form in words:
            return words[form]
    return ()


def weekday(text: str, unit: UnitTranslation) -> str:
    """ "Minggu" is Sunday only where the dates module reads a weekday ("pada Minggu, 5 Maret");
    "minggu lalu" stays a week."""
    from workbench.language.dates import weekday_at

    return "Sunday" if weekday_at(text, unit.start, unit.end) == 6 else "week"


def sentence_start(text: str, start: int) -> bool:
    before = text[:start].rstrip()
    return not before or before[-1] in ".!?\"“‘'(:\n-–—"


def is_marker(word: Word) -> bool:
    return word.key in NEGATIONS or word.key in ASPECTS or word.key in MODALS


def is_passive(word: Word) -> bool:
    """A di- verb: "dibangun", "diresmikan" (not "diri", "dia", "dinas")."""
    if word.tag != "VERB" or len(word.unit.tokens) != 1 or word.keep:
        return False
    key = word.key
    if key.startswith("ter") and len(key) > 5 and key not in _NOT_PASSIVE_TER:
        return _stem(key) != key  # "terluka": was injured
    return key.startswith("di") and len(key) > 4 and _stem(key) != key


# ter- words that are not passives of a deed: "terjadi" (happened), "termasuk" (including).
_NOT_PASSIVE_TER = frozenset(
    ["terjadi", "termasuk", "terdiri", "terdapat", "terus", "terutama", "tersebut", "terhadap", "terasa"]
)


def _stem(key: str) -> str:
    from workbench.language.stemming import stem_indonesian

    return stem_indonesian(key)


UNCOUNTED = frozenset({"persen", "kg", "km", "meter", "ton", "hektare", "rupiah", "dolar"})


def noun_form(word: Word, many: bool) -> str:
    """The noun's English, plural when ``many`` (not for units such as "persen")."""
    english = plain(word)
    if not many or word.keep or word.key in UNCOUNTED:
        return english
    *rest, last = english.split()
    if not last.isalpha() or not last.islower() or (last.endswith("s") and not last.endswith("ss")):
        return english  # a name, or already plural ("parents", "times")
    return " ".join([*rest, plural(last, True)])


def plain(word: Word) -> str:
    """The word as English: a kept word as written (Indonesian digit groups with English
    separators; a compass word put first: "Jawa Barat" -> "West Java"), else the lexicon's first
    sense, capitalised where the Indonesian was."""
    first = word.unit.tokens[0]
    last = word.unit.tokens[-1]
    if word.keep and len(word.unit.tokens) > 1 and last.key in DIRECTIONS:
        before = " ".join(token.surface for token in word.unit.tokens[:-1])
        return f"{DIRECTIONS[last.key]} {before}"
    if word.keep or first.surface == "Rp":
        return english_digits(word.surface) if first.is_number else word.surface
    english = word.english
    if first.is_capitalised and english[:1].islower() and word.tag == "PROPN":
        english = english[:1].upper() + english[1:]
    return english


def english_digits(surface: str) -> str:
    """ "1.500" -> "1,500", "2,5" -> "2.5"; times ("08.00"), years and mixed tokens unchanged."""
    if not surface.replace(".", "").replace(",", "").isdigit() or surface[:1] == "0":
        return surface
    if "." not in surface and "," not in surface:
        return surface
    value = parse_digits(surface, "id")
    if value.is_integer():
        return f"{value:,.0f}"
    return f"{value:,.6f}".rstrip("0").rstrip(".")  # "5.000.000,50" -> 5,000,000.5


def value(word: Word) -> float:
    if word.unit.tokens[0].is_number:
        try:
            return parse_digits(word.unit.tokens[0].surface, "id")
        except ValueError:
            return 2.0
    found = parse_number_words(word.key)
    return 2.0 if found is None else found


NUMBER_WORDS = _word_set(
    """satu dua tiga empat lima enam tujuh delapan sembilan sepuluh sebelas belas puluh ratus
    ribu juta miliar triliun seratus seribu puluhan ratusan ribuan jutaan"""
)


def verb_group_words(
    english: str, negation: str | None, aspect: str | None, modal: str | None, passive: bool
) -> list[str]:
    """English words of a verb group: "tidak akan" + menaikkan -> will not raise."""
    neg = ["not"] if negation else []
    if negation == "belum":
        aspect = aspect or "telah"
    if modal is not None:
        helper = [*MODALS[modal].split(), *neg]
        return (
            [*helper, "be", *verb_forms(english, "VBN")] if passive else [*helper, *verb_forms(english, "VB")]
        )
    if aspect == "never":
        return [
            "never",
            *(["been", *verb_forms(english, "VBN")] if passive else verb_forms(english, "VBD")),
        ]
    if aspect in ("telah", "sudah", "pernah"):
        tail = ["been", *verb_forms(english, "VBN")] if passive else verb_forms(english, "VBN")
        return ["has", *neg, *(["yet"] if negation == "belum" else []), *tail]
    if aspect == "akan":
        return [
            "will",
            *neg,
            *(["be", *verb_forms(english, "VBN")] if passive else verb_forms(english, "VB")),
        ]
    if aspect in ("sedang", "tengah"):
        return [
            "is",
            *neg,
            *(["being", *verb_forms(english, "VBN")] if passive else verb_forms(english, "VBG")),
        ]
    still = ["still"] if aspect == "masih" else []
    if passive:
        return ["was", *neg, *still, *verb_forms(english, "VBN")]
    if negation:
        return [*still, "did", "not", *verb_forms(english, "VB")]
    return [*still, *verb_forms(english, "VBD")]
