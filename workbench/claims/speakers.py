"""Who is who in an article: role attributions ("Presiden Microsoft, Brad Smith") and the
speakers of quotations ("kata Smith", "said Smith", "ungkap Presiden Microsoft itu").

Short references are resolved to the full name seen elsewhere in the article: a surname
("Smith") or a role ("Presiden Microsoft itu", "the Microsoft president") that an earlier
attribution tied to a name.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from workbench.claims.segment import UPPER
from workbench.claims.spans import TakenSpans

_ROLE = (
    r"wakil\s+presiden|presiden|direktur\s+(?:utama|eksekutif|jenderal)|direktur|dirjen|ceo|cto|cfo|"
    r"coo|ketua(?:\s+umum)?|kepala|menteri|gubernur|bupati|wali\s*kota|juru\s+bicara|jubir|"
    r"manajer|pendiri|sekretaris(?:\s+jenderal)?|peneliti|analis|profesor|dosen|komisaris|"
    r"duta\s+besar|vice\s+president|president|chief\s+(?:\w+\s+)?officer|chief\s+executive|"
    r"director(?:\s+general)?|chair(?:man|woman|person)?|minister|secretary(?:\s+general)?|governor|"
    r"mayor|spokes(?:person|man|woman)|co-?founder|founder|manager|researcher|analyst|professor|"
    r"commissioner|deputy|senator|ambassador|coordinator|head|leader|executive\s+director|general\s+counsel|"
    r"chief|council(?:l?or|\s+member)|anggota\s+dewan|camat|lurah|kepala\s+desa|"
    r"striker|goalkeeper|defender|midfielder|winger|captain|coach|owner|judge|magistrate|prosecutor|"
    r"barrister|solicitor|attorney|author|scientist|economist|GP|surgeon|headteacher|principal|organi[sz]er|"
    r"steward|convenor|negotiator"
)
ROLE_RE = re.compile(rf"\b(?:{_ROLE})\b", re.IGNORECASE)
_CAP = rf"[{UPPER}][\w'’.-]*"
_NAME = rf"{_CAP}(?:\s+{_CAP}){{1,3}}"
# "Presiden Microsoft, Brad Smith" / "Microsoft President Brad Smith" / "Jane Roe, the agency's director,"
# "Fellbrook's operations director, Martin Osei", "the group's research director, Malik Osei-Brandt":
# the owner of the role, and up to two words
# narrowing it, belong to the attribution's span (the role alone is what "the director" resolves by).
_ROLE_OWNER = (
    rf"(?:(?:[Tt]he\s+[a-z][\w-]*['’]s|(?:[Tt]he\s+)?{_CAP}['’]s?|Its|Their|His|Her|Our)\s+"
    rf"(?:[a-z][\w-]*\s+){{0,2}}?)?"
)
_ROLE_COMMA_NAME = re.compile(
    # "Its director of science, Dr Felicity Harrow": a lower-case word after "of" narrows the role
    rf"(?P<owner>{_ROLE_OWNER})(?P<role>(?i:{_ROLE})(?:\s+(?:{_CAP}|\d+|of|dari|the|(?<=\bof\s)[a-z][\w-]*))*)"
    rf"\s*,\s*(?P<name>{_NAME})(?![\w'’-])"
)
# "state transport minister Helen Grady": the lower-case words that narrow a role.
_ROLE_MODIFIER = (
    r"state|federal|national|regional|local|city|county|town|district|provincial|opposition|party|"
    r"transport|health|finance|education|environment|energy|foreign|defen[cs]e|interior|justice|"
    r"labou?r|trade|housing|culture|police|council|company|deputy|former|acting|assistant|senior|"
    r"junior|interim|vice|union|trade\s+union|shop|campaign|lead|chief|managing"
)
_MODIFIER_RE = re.compile(rf"(?:{_ROLE_MODIFIER})", re.IGNORECASE)
_ROLE_NAME = re.compile(
    rf"(?P<role>(?:(?:{_CAP}|{_ROLE_MODIFIER})\s+){{0,3}}(?i:{_ROLE}))\s+(?P<rest>{_CAP}(?:\s+{_CAP}){{1,3}})\b"
)
_NAME_COMMA_ROLE = re.compile(
    rf"(?P<name>{_NAME}),\s+(?P<role>(?:the\s+|an?\s+|sang\s+)?(?:[\w-]+['’]s\s+)?(?:[\w-]+\s+){{0,2}}?"
    # "regional secretary of the Allied Health and Care Union": a body's name may run longer
    rf"(?i:{_ROLE})(?:\s+of\s+(?:the\s+)?{_CAP}(?:\s+(?:and\s+|&\s+)?{_CAP}){{0,5}}|(?:\s+[\w'’-]+){{0,6}}?))"
    r"(?=\s*[,.;)]|\s+(?:said|says|told|mengatakan|menyatakan)\b)"
)
# "Omar Haddad, who chairs the culture committee" / "Budi, yang menjabat kepala desa"
_NAME_WHO_ROLE = re.compile(
    rf"(?P<name>{_NAME}),\s+(?P<role>(?:who|yang)\s+(?:chairs|heads|leads|runs|directs|manages|founded|"
    r"co-founded|owns|owned|ran|led|headed|chaired|directed|managed|(?:has|had)\s+(?:run|led|headed|chaired|managed|owned|directed)|"
    r"serves\s+as|speaks\s+(?:on|for)|took\s+up\s+the\s+(?:post|role|job)|is|was|menjabat(?:\s+sebagai)?|memimpin|mengepalai|merupakan|adalah)\s+[^,.;:]+)"
)
# "Holt, who founded the company in 2004, added": a surname opening a sentence with its relative.
_SURNAME_WHO = re.compile(
    rf"(?P<name>{_CAP}),\s+(?P<role>who\s+(?:founded|co-founded|runs|ran|leads|led|chairs|heads|owns|owned|took\s+over|joined|"
    r"(?:has|had)\s+(?:run|led|headed|chaired|owned))\s+[^,.;:]+)"
)
# "Seorang orang tua murid, Yuliana," / "A local teacher, Dana Price,": a described person.
_DESCRIBED_NAME = re.compile(
    rf"(?P<role>\b(?:[Ss]eorang|[Ss]alah\s+seorang|[Aa]n?|[Oo]ne)\s+(?:[\w-]+\s+){{0,4}}[\w-]+),\s+"
    rf"(?P<name>{_CAP}(?:\s+{_CAP}){{0,2}})(?=,)"
)
# "The auditors, Greyfield & Moss, said", "from the regulator, the Water Standards Office, which
# ...", "Voltra's parent company, Brennan Mobility,": a body named beside what it is, the name closed by a comma or the sentence's end.
# A single word closed by a comma is as often a place ("The drowned village, Skelder, was ..."):
# only a name of two words or more, or one before a reporting verb.
_NOT_ROLE_WORDS = r"(?!(?:after|before|when|while|in|on|at|with|for|from|by|to|and|or|but|as)\b)"
_NAMED_BODY = re.compile(
    rf"(?P<role>(?:\b[Tt]he\s+|\b{_CAP}['’]s\s+)(?:{_NOT_ROLE_WORDS}[\w'’-]+\s+){{0,3}}[a-z][\w-]+),\s+"
    rf"(?P<name>(?:the\s+)?{_CAP}(?:\s+(?:&\s+|and\s+)?{_CAP}){{1,3}}(?=\s*[,.;]|\s*$)|"
    rf"{_CAP}(?:\s+(?:&\s+|and\s+)?{_CAP}){{0,3}}(?=,\s+(?:said|says|told|added|wrote)\b))"
)
# "Dr Imogen Farrah": a title before a name marks a person, whom "Farrah said" then points to.
_TITLED_NAME = re.compile(
    rf"\b(?:Dr|Mr|Mrs|Ms|Miss|Prof|Sir|Dame)\.?\s+(?P<name>{_CAP}(?:\s+{_CAP}){{1,2}})\b"
)
_SAID_NAME_DESCRIBED = re.compile(
    rf"\b(?:said|says|added|wrote)\s+(?P<name>{_NAME}),\s+(?P<role>(?:an?|the)\s+[^,.;:\"“”]{{3,80}}?)(?=\.?\s*$|\.\s)",
    re.MULTILINE,
)
_NAME_AGE = re.compile(
    rf"(?:^|(?<=[.!?]\s)|(?<=[.!?][\"”]\s))(?P<name>{_NAME}),\s+\d{{1,3}}(?=,)", re.MULTILINE
)
# "Manager Dave Rooke, 47,": an age set beside a name belongs to the attribution.
_AGE = re.compile(r",\s+\d{1,3}(?=,)")
# "Mr Patel, a gardener for 30 years, said": an appositive before a reporting verb describes
# the speaker whatever the noun.
# "Professor Ken Adebayo, an epidemiologist at Holm University who was not involved, called it
# ...": the appositive runs to its comma (a relative with it), before any verb in the past.
_NAME_APPOSITIVE = re.compile(
    rf"(?P<name>{_NAME}),\s+(?P<role>(?:an?|the)\s+[^,.;:\"“”]{{3,90}}?)"
    r"(?=,\s+(?:said|says|told|added|wrote|warned|argued|called|[a-z]{3,}ed)\b)"
)
IS_ROLE_RE = re.compile(
    rf"^(?P<name>{_NAME})\s+(?:adalah|merupakan|menjabat(?:\s+sebagai)?|is|was|serves\s+as|has\s+been)\s+"
    rf"(?:the\s+|an?\s+)?(?:[\w'’-]+\s+){{0,3}}?(?i:{_ROLE})\b"
)

REPORTING_VERBS_ID = (  # noqa: SIM905 - a word list reads better as text
    "kata ujar ungkap ucap tutur jelas tegas lanjut imbuh tambah terang sebut papar tulis pungkas "
    "tukas seru klaim akui jawab bilang cetus katanya ujarnya ungkapnya ucapnya tuturnya jelasnya "
    "tegasnya lanjutnya imbuhnya tambahnya terangnya sebutnya paparnya tulisnya pungkasnya tukasnya "
    "mengatakan menyatakan menegaskan menjelaskan mengungkapkan menambahkan berkata menulis menurut"
).split()
# ", the regional environment agency said in a report on Friday" closing a sentence. The source
# needs its own subject: in "Tom Lee, 54, told reporters ..." the verb belongs to the sentence.
# "..., the club's annual accounts showed on Wednesday": accounts and figures are sources too.
_SOURCE_AFTER_SUBJECT = r"said|says|told|reported|wrote|announced|added|showed|found|mengatakan|menyatakan"
_SOURCE_FIRST = r"according\s+to|menurut|kata|ujar|ungkap|tutur|jelas|tegas|imbuh|tambah"
# "..., have been told to cut their use": a passive verb names no source.
_NOT_PASSIVE = r"(?<!\bbeen\s)(?<!\bbeing\s)(?<!\bbe\s)(?<!\bwas\s)(?<!\bwere\s)(?<!\bis\s)(?<!\bare\s)"
TRAILING_SOURCE_RE = re.compile(
    # the source's subject holds no "and" and no verb in the past: in ", Gareth Lowe, apologised and
    # said no passwords had been taken" the verb is the sentence's own
    rf",\s+(?!(?:which|who|that)\b)(?=(?:{_SOURCE_FIRST})\b|(?:(?:the|an?)\s+)?"
    rf"(?:(?!(?:and|but|or)\s)(?!(?-i:[a-z]+ed)\s)[\w'’-]+\s+){{1,5}}?{_NOT_PASSIVE}(?:{_SOURCE_AFTER_SUBJECT})\b)"
    # possessive: giving back letters of a long comma-less run can never help "$" match
    # the comma of a figure ("more than 12,000 adults") is no comma here
    r"(?:[^,]|(?<=\d),(?=\d{3}\b))*+(?:,\s*\w+\s+\d+)?(?:[^,]|(?<=\d),(?=\d{3}\b))*+$",
    re.IGNORECASE,
)
REPORTING_VERBS_EN = (  # noqa: SIM905
    "said says say added adds told tells wrote writes explained noted stated declared insisted "
    "argued warned continued concluded according"
).split()
_VERBS = frozenset(REPORTING_VERBS_ID + REPORTING_VERBS_EN)
_PRONOUNS = frozenset({"he", "she", "they", "dia", "ia", "beliau", "mereka"})
_LINKS = frozenset({"itu", "tersebut", "of", "dari", "the", "sang", "to"})
_TOKEN = re.compile(r"\w[\w'’-]*")


@dataclass(frozen=True, slots=True)
class Attribution:
    """A span tying a person to a role; ``start``/``end`` index the whole text."""

    start: int
    end: int
    name: str
    role: str


@dataclass(slots=True)
class PeopleIndex:
    """Full names and role → name links seen in one article, for resolving short references."""

    names: list[str] = field(default_factory=list)
    roles: dict[frozenset[str], str] = field(default_factory=dict)
    last_speaker: str | None = None
    # Lookups by word, so resolving stays cheap however many people a long article names:
    # name -> its position in ``names``; a word -> the latest name ending in it / holding it;
    # a word -> the role keys holding it, and each key's position in ``roles``.
    _position: dict[str, int] = field(default_factory=dict, repr=False)
    _by_last: dict[str, int] = field(default_factory=dict, repr=False)
    _by_part: dict[str, int] = field(default_factory=dict, repr=False)
    _keys_by_word: dict[str, list[frozenset[str]]] = field(default_factory=dict, repr=False)
    _key_position: dict[frozenset[str], int] = field(default_factory=dict, repr=False)

    def add(self, name: str, role: str | None = None) -> None:
        if " " not in name and name in self._by_last:
            name = self.names[self._by_last[name]]  # "Holt" after "Maren Holt" is the same person
        if name not in self._position:
            position = self._position[name] = len(self.names)
            self.names.append(name)
            parts = name.split()
            if parts:
                self._by_last[parts[-1]] = position
            for part in parts:
                self._by_part[part] = position
        if role:
            key = _role_key(role)
            if key:
                if key not in self._key_position:
                    self._key_position[key] = len(self._key_position)
                    for word in key:
                        self._keys_by_word.setdefault(word, []).append(key)
                self.roles[key] = name

    def known(self, name: str) -> bool:
        """Whether ``name`` is a full name seen in the article."""
        return name in self._position

    def _latest(self, index: dict[str, int], words: list[str], also: int | None = None) -> str | None:
        """The latest name that ``index`` links to one of ``words`` (or the name at ``also``)."""
        found = [index[w] for w in words if w in index]
        if also is not None:
            found.append(also)
        return self.names[max(found)] if found else None

    def _role_name(self, lowered: set[str]) -> str | None:
        """The name of the first role (in the order roles were seen) whose words all appear."""
        keys = {key for word in lowered for key in self._keys_by_word.get(word, ()) if key <= lowered}
        return self.roles[min(keys, key=self._key_position.__getitem__)] if keys else None

    def resolve(self, phrase: str) -> str | None:
        """The full name a reference points to, or the reference itself when it is a name."""
        words = [w for w in _TOKEN.findall(phrase) if w.lower() not in _LINKS]
        if not words:
            return None
        lowered = {w.lower().rstrip("'’s") for w in words}
        if len(words) == 1 and words[0].lower() in _PRONOUNS:
            return self.last_speaker
        named = self._latest(self._by_last, words, self._position.get(" ".join(words)))
        if named is None:  # Indonesian reports often name people by their first name: "kata Ratna".
            named = self._latest(self._by_part, words)
        if named is None:
            named = self._role_name(lowered)
        if named is not None:
            return named
        capitals = [w for w in words if w[0].isupper() and not ROLE_RE.fullmatch(w)]
        if not capitals:
            return None
        if len(capitals) >= 2:
            name = " ".join(capitals[-2:])
            self.add(name)
            return name
        return capitals[0]


def _role_key(role: str) -> frozenset[str]:
    return frozenset(
        w.lower().rstrip("'’s") for w in _TOKEN.findall(role) if w.lower() not in _LINKS | {"a", "an"}
    )


def find_attributions(text: str, start: int, end: int) -> list[Attribution]:
    """Role attributions in ``text[start:end]``, in order, not overlapping."""
    found: list[Attribution] = []
    taken = TakenSpans()  # the spans of ``found``: a later form may not overlap an earlier one

    def keep(attribution: Attribution) -> None:
        found.append(attribution)
        taken.add(attribution.start, attribution.end)

    for match in _ROLE_COMMA_NAME.finditer(text, start, end):
        keep(Attribution(match.start(), match.end(), match.group("name"), match.group("role")))
    for match in _NAME_COMMA_ROLE.finditer(text, start, end):
        name = _drop_sentence_openers(match.group("name"))
        if name.count(" ") >= 1 and not taken.overlaps(match.start(), match.end()):
            name_start = match.start("name") + len(match.group("name")) - len(name)
            keep(Attribution(name_start, match.end("role"), name, match.group("role")))
    for match in _ROLE_NAME.finditer(text, start, end):
        rest = match.group("rest").split()
        name = " ".join(rest[-2:])
        role = " ".join([match.group("role"), *rest[:-2]])
        if not taken.overlaps(match.start(), match.end()) and not ROLE_RE.search(name):
            keep(Attribution(match.start(), match.end(), name, role))
    # "Town councillor Omar Haddad, who chairs the culture committee": two attributions that
    # share the name, so these may overlap the ones above.
    spans = {(a.start, a.end) for a in found}
    for match in _NAME_APPOSITIVE.finditer(text, start, end):
        name = _drop_sentence_openers(match.group("name"))
        name_start = match.start("name") + len(match.group("name")) - len(name)
        if not taken.overlaps(name_start, match.end()):
            keep(Attribution(name_start, match.end(), name, match.group("role")))
            continue
        # "Professor Ken Adebayo" found as a role and a name: the appositive joins it
        for index, earlier in enumerate(found):
            if earlier.end == match.end("name") and earlier.start <= name_start:
                found[index] = Attribution(earlier.start, match.end(), earlier.name, earlier.role)
                taken.add(earlier.start, match.end())
    for pattern in (_NAME_WHO_ROLE, _DESCRIBED_NAME, _NAMED_BODY):
        for match in pattern.finditer(text, start, end):
            name_start = match.start("name") if pattern is _NAME_WHO_ROLE else match.start()
            if pattern is _NAMED_BODY and taken.overlaps(name_start, match.end()):
                continue  # "Town's captain, Leon Varga" is a role's attribution already
            if (name_start, match.end()) not in spans:
                name = match.group("name")
                if pattern is _NAME_WHO_ROLE:
                    name = _without_role_words(name)
                found.append(Attribution(name_start, match.end(), name, match.group("role")))
    for match in _SURNAME_WHO.finditer(text, start, end):
        before = text[start : match.start()].rstrip()
        if (not before or before[-1] in '.!?"”') and not taken.overlaps(match.start(), match.end()):
            found.append(Attribution(match.start(), match.end(), match.group("name"), match.group("role")))
    # '," said Amira Follett, a second-year music student.': a speaker described at the end of
    # the attribution after a quotation
    for match in _SAID_NAME_DESCRIBED.finditer(text, start, end):
        if not taken.overlaps(match.start("name"), match.end()):
            keep(
                Attribution(match.start("name"), match.end("role"), match.group("name"), match.group("role"))
            )
    # "Maureen Okafor, 67, has been living ...": a person named with an age and no role
    for match in _NAME_AGE.finditer(text, start, end):
        name = _drop_sentence_openers(match.group("name"))
        name_start = match.start("name") + len(match.group("name")) - len(name)
        if not taken.overlaps(name_start, match.end()) and not any(a.end == match.end("name") for a in found):
            found.append(Attribution(name_start, match.end("name"), name, ""))
    found.sort(key=lambda a: a.start)
    return [_with_age(text, _without_full_stop(a), end) for a in found]


_TITLES = frozenset("dr dr. mr mr. mrs mrs. ms ms. prof prof. professor sir dame".split())  # noqa: SIM905


def _without_full_stop(attribution: Attribution) -> Attribution:
    """A name closing its sentence leaves the full stop out ("director, Malik Osei-Brandt."); an
    initial keeps its own ("Jon Hale Jr."). A title is no part of the name ("Dr Amara Quist, who
    led the research" names Amara Quist, as "Dr Amara Quist" alone does)."""
    name, end = attribution.name, attribution.end
    last = name.split()[-1] if name.split() else ""
    if name.endswith(".") and len(last) > 3:
        name, end = name[:-1], end - 1
    words = name.split()
    if len(words) > 2 and words[0].lower() in _TITLES:
        name = " ".join(words[1:])
    if (name, end) == (attribution.name, attribution.end):
        return attribution
    return Attribution(attribution.start, end, name, attribution.role)


def _with_age(text: str, attribution: Attribution, end: int) -> Attribution:
    age = _AGE.match(text, attribution.end, end)
    if age is None:
        return attribution
    return Attribution(attribution.start, age.end(), attribution.name, attribution.role)


def find_titled_names(text: str, start: int, end: int) -> list[str]:
    """Full names written after a title ("Dr Imogen Farrah" gives "Imogen Farrah"), in order."""
    return [m.group("name") for m in _TITLED_NAME.finditer(text, start, end)]


def _drop_sentence_openers(name: str) -> str:
    words = name.split()
    while len(words) > 2 and words[0].lower() in {"meanwhile", "but", "and", "however", "the", "then"}:
        words.pop(0)
    return " ".join(words)


def _without_role_words(name: str) -> str:
    """ "Vice-chancellor Professor Adaeze Whitcombe" names Adaeze Whitcombe: a role or a title
    before the name is no part of it."""
    words = name.split()
    while len(words) > 2 and (
        words[0].lower() in _TITLES or words[0].lower().startswith("vice-") or ROLE_RE.fullmatch(words[0])
    ):
        words.pop(0)
    return " ".join(words)


def speaker_after(text: str, start: int, end: int) -> tuple[str, int] | None:
    """The speaker phrase of an attribution that follows a quotation (``" kata Smith``,
    ``," said Smith``, ``," Smith said``), and where the attribution begins."""
    tokens = [(m.group(0), m.start()) for m in _TOKEN.finditer(text, start, end)][:10]
    if not tokens:
        return None
    first = tokens[0][0].lower()
    if first in _VERBS:
        if first == "according" and len(tokens) > 1 and tokens[1][0].lower() == "to":
            tokens = tokens[1:]
        if first.endswith("nya") and first not in ("menurutnya",):
            return ("dia", tokens[0][1])
        who = _collect_who(text, tokens[1:])
        return (who, tokens[0][1]) if who else None
    # '," Tobias Renwick, head of consumer research at Holtby Securities, said in a note': a name
    # and what he is, set off by commas, before the verb
    described = _NAME_DESCRIBED_SAYS.match(text, start, end)
    if described is not None:
        return (described.group("name"), described.start("name"))
    for index, (word, _) in enumerate(tokens[:6]):
        if word.lower() in _VERBS and index > 0:
            who_tokens = [w for w, _ in tokens[:index]]
            if all(
                w[0].isupper()
                or w.lower() in _LINKS | _PRONOUNS
                or ROLE_RE.fullmatch(w)
                # '," chief executive Oonagh Fairweather said': a role of two words before the name
                or (_MODIFIER_RE.fullmatch(w) and number + 1 < len(who_tokens))
                or (number > 0 and ROLE_RE.fullmatch(f"{who_tokens[number - 1]} {w}"))
                for number, w in enumerate(who_tokens)
            ):
                return (" ".join(who_tokens), tokens[0][1])
            return None
    return None


_NAME_DESCRIBED_SAYS = re.compile(
    rf"\s*(?P<name>{_NAME}),\s+[^,.;:\"“”]{{3,90}},\s+(?:said|says|told|added|wrote)\b"
)


# "Osei said the company would spend ...", "Rosa Iqbal, whose son's bike started smoking, said
# ...": a sentence of narration opened by a name (and its relative) and a reporting verb.
_NAME_REPORTS = re.compile(
    rf"(?:^|(?<=[.!?]\s)|(?<=[.!?]”\s)|(?<=[.!?]\"\s))(?P<name>{_CAP}(?:\s+{_CAP}){{0,2}})"
    r"(?:,\s+(?:who|whose)\s[^,.;:\"“”]+,)?\s+"
    r"(?:said|says|told|added|argued|warned|explained|insisted|noted)\b",
    re.MULTILINE,
)


# "Maureen Okafor, 67, has been living with her daughter ...", "Grace Adeyemi of Penrose Capital
# was more cautious, ...": a sentence of narration opened by a person's full name (perhaps with an
# age or an "of" and the body they speak for) before a verb in lower case.
_NAME_OPENS = re.compile(
    rf"(?:^|(?<=[.!?]\s)|(?<=[.!?]”\s)|(?<=[.!?]\"\s))(?!(?:The|A|An|In|On|At|For|But|And|As)\s)"
    rf"(?P<name>{_CAP}\s+{_CAP})(?:,\s+\d{{1,3}},|\s+of\s+{_CAP}(?:\s+{_CAP}){{0,3}})?"
    r"\s+(?:has|had|is|was|have|were|said|says|told|added)\b",
    re.MULTILINE,
)


def opening_person(text: str, start: int, end: int) -> str | None:
    """The full name of the person opening the last sentence of English narration in
    ``text[start:end]`` as its subject, whom a later "she said" points to (see _NAME_OPENS)."""
    found: str | None = None
    for match in _NAME_OPENS.finditer(text, start, end):
        found = match.group("name")
    return found


def reporting_person(people: PeopleIndex, text: str, start: int, end: int) -> str | None:
    """The known person (a name ``people`` has seen) who opens the last sentence of narration in
    ``text[start:end]`` with a reporting verb ("Osei said the company would ..."): whom a later
    "he said" points to. Unknown capitals ("Campaigners said") name no one."""
    found: str | None = None
    for match in _NAME_REPORTS.finditer(text, start, end):
        name = people.resolve(match.group("name"))
        if name is not None and people.known(name):
            found = name
    return found


def speaker_before(text: str, start: int, end: int) -> str | None:
    """The speaker of a quotation introduced by ``Smith said:`` or ``Kata Smith,``."""
    tokens = [(m.group(0), m.start()) for m in _TOKEN.finditer(text, start, end)][-8:]
    for index in range(len(tokens) - 1, -1, -1):
        word = tokens[index][0].lower()
        if word not in _VERBS:
            continue
        after = _collect_who(text, tokens[index + 1 :])
        if after and word in ("kata", "menurut", "according"):
            return after
        before = [w for w, _ in tokens[:index]]
        who: list[str] = []
        for w in reversed(before):
            if w[0].isupper() or w.lower() in _PRONOUNS or ROLE_RE.fullmatch(w):
                who.insert(0, w)
            else:
                break
        return " ".join(who) or None
    return None


def _collect_who(text: str, tokens: list[tuple[str, int]]) -> str | None:
    """The speaker words after a reporting verb. A comma ends them, except right after a role
    ("tulis Chief Executive Officer Contoso, Mirela Çelik"), where the name that follows wins."""
    who: list[str] = []
    role_words: list[str] = []
    previous_end: int | None = None
    for word, position in tokens[:8]:
        if previous_end is not None and "," in text[previous_end:position]:
            if role_words or not ROLE_RE.search(" ".join(who)):
                break
            role_words, who = who, []
        previous_end = position + len(word)
        lowered = word.lower()
        if (
            word[0].isupper()
            or ROLE_RE.fullmatch(word)
            or (who and ROLE_RE.fullmatch(f"{who[-1]} {word}"))  # "chief executive"
            # "said Northline's managing director": a role after its owner
            or (who and who[-1].endswith(("'s", "’s")) and _MODIFIER_RE.fullmatch(word))
            # "said the museum's director, Tobias Renner": the owner of the role is a common noun
            or (who == ["the"] and word.endswith(("'s", "’s")) and word[0].islower())
            or lowered in _LINKS
            or (not who and lowered in _PRONOUNS)
            or (_MODIFIER_RE.fullmatch(word) and not any(w[0].isupper() for w in who))  # "union organiser"
        ):
            who.append(word)
            if lowered in _PRONOUNS or lowered in ("itu", "tersebut"):
                break
        else:
            break
    while who and who[-1].lower() in _LINKS - {"itu", "tersebut"}:
        who.pop()
    if role_words and not any(w[0].isupper() for w in who):
        who = role_words
    return " ".join(who) or None
