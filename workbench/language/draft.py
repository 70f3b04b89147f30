"""English drafts of Indonesian sentences: the lexicon chooses the words, these rules the order.

A draft is what a checker reviews as a claim's English statement: a reading aid, not a
translation. The text is cut at punctuation into clauses (punctuation stays in place); each
clause's words are tagged (:mod:`workbench.language.postag`) and read as phrases:

- noun phrases put their modifiers before the head ("perusahaan teknologi" -> "technology
  company", "air bersih" -> "clean water"), turn "itu/tersebut/ini", "-nya", "seorang/sebuah",
  "para" into English determiners, fold "yang" + adjective in ("jalan yang ramai" -> "the busy
  road") and make the head plural after a number above one or a plural word;
- verb groups read negation, aspect and modality ("tidak", "telah/sudah", "akan", "sedang",
  "bisa/harus") and the passive prefix di- ("telah diperbaiki" -> "has been repaired"); other
  verbs are put in the past, as news reports events;
- time words ("dua tahun lalu" -> "two years ago", "tahun depan" -> "next year").

English forms come from lemminflect (past, participle, plural), loaded on first use. Names,
numbers and unknown words stay as written; Indonesian digit groups take English separators
("1.500" -> "1,500"). docs/statements.md gives the rules' figures.
"""

from __future__ import annotations

from workbench.language.draft_forms import plural, verb_forms
from workbench.language.draft_words import (
    ASPECTS,
    DEGREE,
    DIRECTIONS,
    MODALS,
    NEGATIONS,
    NEXT_WORDS,
    NOMINAL,
    NUMBER_WORDS,
    PAST_WORDS,
    PLURAL_DETERMINERS,
    POSSESSIVES,
    POST_DETERMINERS,
    PRE_DETERMINERS,
    PREPOSITIONS,
    REPORTING,
    TIME_ENGLISH,
    TIME_NOUNS,
    Word,
    common_noun,
    is_marker,
    is_passive,
    make_word,
    noun_form,
    plain,
    sentence_start,
    split_markers,
    unit_tags,
    value,
    verb_group_words,
)
from workbench.language.lexicon import translate_units
from workbench.language.numbers import SCALES


def draft_english(text: str) -> str:
    """An English draft of Indonesian ``text``: the lexicon's first sense of each word or phrase,
    arranged by the rules above; punctuation kept in place, names and numbers kept as written."""
    units = split_markers(translate_units(text))
    if not units:
        return text
    tags = unit_tags(text, units)
    pieces: list[str] = []
    cursor = 0
    clause: list[Word] = []
    clause_start = 0
    for index, unit in enumerate(units):
        gap = text[cursor : unit.start]
        if clause and gap.strip():
            pieces.append(_render_clause(clause, text, clause_start))
            clause = []
        if not clause:
            pieces.append(gap)
            clause_start = unit.start
        clause.append(make_word(text, unit, tags[index]))
        cursor = unit.end
    if clause:
        pieces.append(_render_clause(clause, text, clause_start))
    pieces.append(text[cursor:])
    return "".join(pieces)


def _render_clause(words: list[Word], text: str, start: int) -> str:
    first_word = words[0]
    following = words[1] if len(words) > 1 else None
    if (
        first_word.keep
        and first_word.tag == "PROPN"
        and first_word.unit.english
        and len(first_word.unit.tokens) == 1
        and not first_word.unit.tokens[0].is_acronym
        and sentence_start(text, start)
        and not (following is not None and following.unit.tokens[0].is_capitalised)
    ):
        # Capitalised only as the sentence's first word ("Gubernur meresmikan ..."): a noun.
        words = [common_noun(first_word), *words[1:]]
    out = _Reader(words).read()
    rendered = " ".join(w for w in out if w)
    first = words[0].unit.tokens[0]
    if rendered and first.is_capitalised and sentence_start(text, start):
        rendered = rendered[0].upper() + rendered[1:]
    return rendered


_PLURAL_AUXILIARY = {"was": "were", "has": "have", "is": "are"}
_BEFORE_ARTICLE = frozenset({"ADP", "VERB", "SCONJ", "CCONJ", "AUX"})


class _Reader:
    """Reads one clause's words left to right into English phrases."""

    def __init__(self, words: list[Word]) -> None:
        self.words = words
        self.at = 0
        self.out: list[str] = []
        self.plural_subject = False  # the last noun phrase read was plural: "were", "have", "are"

    def peek(self, offset: int = 0) -> Word | None:
        index = self.at + offset
        return self.words[index] if index < len(self.words) else None

    def read(self) -> list[str]:
        while self.at < len(self.words):
            word = self.words[self.at]
            if word.key == "sebesar":  # an amount: rose by 5 percent, a budget of Rp 2 trillion
                before = self.words[self.at - 1] if self.at else None
                self.out.append("by" if before is not None and before.tag == "VERB" else "of")
                self.at += 1
                continue
            if word.key in PREPOSITIONS or (word.key in REPORTING and self.at == 0):
                self.out.append(word.unit.english[0] if word.unit.english else word.surface)
                self.at += 1
                continue
            if self._time_phrase():
                continue
            if self._verb_group():
                continue
            starts_phrase = word.key in PRE_DETERMINERS or word.tag in NOMINAL or self._is_number(word)
            if starts_phrase and self._noun_phrase():
                continue
            if word.key == "yang" and self._relative():
                continue
            following = self.peek(1)
            if word.key in ("adalah", "merupakan", "ialah"):
                self.out.append("is")
            elif (
                word.key in ("untuk", "agar", "supaya") and following is not None and following.tag == "VERB"
            ):
                self.out.append("to" if word.key == "untuk" else "so as to")
            elif word.key == "lalu":  # not after a time word: "then"
                self.out.append("then")
            else:
                self.out.append(plain(word))
            self.at += 1
        return self.out

    # -- time words --------------------------------------------------------------------------

    def _time_phrase(self) -> bool:
        """ "dua tahun lalu" -> "two years ago"; "tahun lalu" -> "last year"; "tahun depan" ->
        "next year"; "28 Februari lalu" -> "28 February"."""
        word = self.peek()
        assert word is not None
        number = None
        offset = 0
        if self._is_number(word):
            number, offset = word, 1
        noun = self.peek(offset)
        if noun is not None and len(noun.unit.tokens) == 2 and noun.key.split()[0] in TIME_NOUNS:
            unit_key, when = noun.key.split()  # a lexicon phrase such as "tahun lalu"
            if when in PAST_WORDS | NEXT_WORDS and number is not None:
                many = value(number) != 1
                phrase = [plain(number), plural(TIME_ENGLISH.get(unit_key, unit_key), many)]
                self.out.extend([*phrase, "ago"] if when in PAST_WORDS else ["in", *phrase])
                self.at += offset + 1
                return True
        after = self.peek(offset + 1)
        if noun is None or after is None or after.key not in PAST_WORDS | NEXT_WORDS:
            return False
        past = after.key in PAST_WORDS
        if noun.key in TIME_NOUNS:
            if number is not None:
                many = value(number) != 1
                phrase = [plain(number), noun_form(noun, many)]
                self.out.extend([*phrase, "ago"] if past else ["in", *phrase])
            else:
                self.out.extend(["last" if past else "next", plain(noun)])
        elif number is not None and noun.tag == "PROPN":  # "28 Februari lalu": the date says it
            self.out.extend([plain(number), plain(noun)])
        else:
            return False
        self.at += offset + 2
        return True

    # -- noun phrases ------------------------------------------------------------------------

    def _is_number(self, word: Word) -> bool:
        return word.tag == "NUM" or word.key in NUMBER_WORDS

    def _noun_phrase(self) -> bool:
        start = self.at
        determiner = None
        plural = False
        word = self.peek()
        assert word is not None
        if word.key in PRE_DETERMINERS:
            determiner = PRE_DETERMINERS[word.key]
            plural = word.key in PLURAL_DETERMINERS
            self.at += 1
        numbers: list[str] = []
        previous: Word | None = None
        while (word := self.peek()) is not None and self._is_number(word):
            if word.key == "ribu" and previous is not None and previous.unit.tokens[0].is_number:
                numbers[-1] = f"{value(previous) * SCALES[word.key]:,.0f}"  # "86 ribu": 86,000
            else:
                numbers.append(plain(word))
            plural = plural or value(word) != 1
            previous = word
            self.at += 1
        head = self.peek()
        content = ("NOUN", "VERB", "ADJ") if numbers else ("NOUN",)  # "tiga tersangka": a noun
        if (
            head is None
            or head.tag not in content
            or head.keep
            or is_marker(head)
            or head.key in PREPOSITIONS
        ):
            if head is not None and head.tag == "PROPN" and determiner is None and not numbers:
                return self._names()
            if numbers:  # figures with no noun after them are read once, as they stand
                self.out.extend(w for w in [determiner or "", *numbers] if w)
                return True
            self.at = start
            return False
        self.at += 1
        modifiers: list[Word] = []
        degree: list[str] = []
        while (word := self.peek()) is not None:
            if (
                word.tag in ("NOUN", "ADJ")
                and not word.keep
                and word.key not in TIME_NOUNS
                and word.key not in PREPOSITIONS
            ):
                modifiers.append(word)
                self.at += 1
            elif (
                word.key == "yang"
                and (following := self._adjective_after_yang()) is not None
                and not modifiers[-1:]  # one "yang" adjective, right after the noun
            ):
                degree, adjective = following
                modifiers.append(adjective)
                break
            else:
                break
        possessive = head.possessive or any(m.possessive for m in modifiers)
        after = self.peek()
        if after is not None and after.key in POSSESSIVES and determiner is None:
            determiner = POSSESSIVES[after.key]  # "dapur kami": our kitchen
            self.at += 1
        elif after is not None and after.key in POST_DETERMINERS:
            determiner = determiner or POST_DETERMINERS[after.key]
            self.at += 1
        elif possessive and determiner is None:
            determiner = "the"
        plural = plural or head.plural_hint
        self.plural_subject = plural
        if determiner == "this" and plural:
            determiner = "these"
        if determiner is None and not numbers and not plural and self._article_fits(start, head):
            determiner = "the"  # "di sisi batu": on the side of ...; English names the thing
        words = [determiner or "", *numbers]
        for modifier in reversed(modifiers):
            if modifier is modifiers[-1] and degree:
                words.extend(degree)
            words.append(plain(modifier))
        words.append(noun_form(head, plural))
        self.out.extend(w for w in words if w)
        return True

    def _article_fits(self, start: int, head: Word) -> bool:
        """A bare noun phrase takes "the" at a clause start or after a verb, preposition or
        conjunction, unless a name follows it ("bank Indonesia"): English names its things."""
        after = self.peek()
        if after is not None and (after.tag == "PROPN" or after.unit.tokens[0].is_capitalised):
            return False
        if head.key.split()[0] in TIME_NOUNS or head.english.startswith(("last ", "next ", "this ")):
            return False  # "pekan lalu": last week
        if start == 0:
            return True
        before = self.words[start - 1]
        return before.tag in _BEFORE_ARTICLE or before.key in PREPOSITIONS

    def _adjective_after_yang(self) -> tuple[list[str], Word] | None:
        """After "yang": an adjective, maybe after a degree word, that ends the phrase."""
        offset = 1
        degree: list[str] = []
        word = self.peek(offset)
        if word is not None and word.key in DEGREE:
            degree = [DEGREE[word.key]]
            offset += 1
            word = self.peek(offset)
        if word is None or word.tag != "ADJ":
            return None
        self.at += offset + 1
        return degree, word

    def _names(self) -> bool:
        """A run of names stays as written, with its determiner after it ("Bank Indonesia itu");
        a compass word after a name goes before it ("Jawa Barat": West Java)."""
        names: list[str] = []
        while (word := self.peek()) is not None and word.tag == "PROPN":
            if names and word.key in DIRECTIONS:
                names.insert(len(names) - 1, DIRECTIONS[word.key])
            else:
                names.append(plain(word))
            self.at += 1
        self.out.extend(names)
        after = self.peek()
        if after is not None and after.key in ("itu", "tersebut"):
            self.at += 1
        return True

    # -- "yang" clauses ----------------------------------------------------------------------

    def _relative(self) -> bool:
        """ "yang" before a passive verb is left out ("bank yang dikelola warga" -> "bank run
        by residents"); before anything else it is "that"."""
        following = self.peek(1)
        if following is not None and is_passive(following):
            self.at += 1
            self.out.extend(verb_forms(following.english, "VBN"))
            self.at += 1
            self._agent()
            return True
        return False

    def _agent(self) -> None:
        """A passive verb's agent written straight after it gets "by"."""
        word = self.peek()
        if word is not None and word.tag in NOMINAL and word.key.split()[0] not in TIME_NOUNS:
            self.out.append("by")

    # -- verb groups -------------------------------------------------------------------------

    def _verb_group(self) -> bool:
        start = self.at
        negation = aspect = modal = None
        while (word := self.peek()) is not None:
            if word.key in NEGATIONS and negation is None:
                negation = word.key
            elif word.key in ASPECTS and aspect is None:
                aspect = word.key
            elif word.key in MODALS and modal is None:
                modal = word.key
            else:
                break
            self.at += 1
        verb = self.peek()
        if verb is None or verb.tag != "VERB" or verb.keep or verb.key in PREPOSITIONS:
            if negation is not None or aspect is not None or modal is not None:
                self.at = start + 1  # the first marker alone, read as a plain word
                self.out.append(_marker(self.words[start]))
                return True
            self.at = start
            return False
        self.at += 1
        passive = is_passive(verb)
        before = self.words[start - 1] if start > 0 else None
        if before is not None and not (negation or aspect or modal) and _wants_infinitive(before):
            # "untuk memperingati": to commemorate; "mulai membaca": started to read
            words = ["be", *verb_forms(verb.english, "VBN")] if passive else verb_forms(verb.english, "VB")
            self.out.extend(words if before.key in ("untuk", "agar", "supaya") else ["to", *words])
            if passive:
                self._agent()
            return True
        if negation in ("tidak", "tak") and aspect == "pernah":
            negation, aspect = None, "never"
        words = verb_group_words(verb.english, negation, aspect, modal, passive)
        if self.plural_subject:
            words = [_PLURAL_AUXILIARY.get(w, w) for w in words[:1]] + words[1:]
        self.out.extend(words)
        if passive:
            self._agent()
        return True


def _wants_infinitive(before: Word) -> bool:
    """A verb straight after "untuk/agar" or after another verb is an infinitive."""
    return before.key in ("untuk", "agar", "supaya") or (before.tag == "VERB" and not before.keep)


def _marker(word: Word) -> str:
    """A negation, aspect or modal word with no verb after it ("masih buron": still)."""
    key = word.key
    if key in NEGATIONS:
        return "not yet" if key == "belum" else "not"
    fixed = {"telah": "already", "sudah": "already", "akan": "will", "sedang": "currently"}
    return fixed.get(key) or MODALS.get(key) or word.english or word.surface
