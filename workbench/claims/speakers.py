"""Who speaks in an article: the reporting verbs, a source closing a sentence, and the speaker
phrase of a quotation ("kata Smith", '," said Smith', "Smith said:", "ungkap Presiden Microsoft
itu").

The speaker phrase found here is resolved to a full name by the people index
(:mod:`workbench.claims.people`); the role attributions it is built from are in
:mod:`workbench.claims.attributions`.
"""

from __future__ import annotations

import re

from workbench.claims.people import LINKS, PRONOUNS, TOKEN, PeopleIndex
from workbench.claims.roles import CAP, MODIFIER_RE, NAME, ROLE_RE

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


def speaker_after(text: str, start: int, end: int) -> tuple[str, int] | None:
    """The speaker phrase of an attribution that follows a quotation (``" kata Smith``,
    ``," said Smith``, ``," Smith said``), and where the attribution begins."""
    tokens = [(m.group(0), m.start()) for m in TOKEN.finditer(text, start, end)][:10]
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
                or w.lower() in LINKS | PRONOUNS
                or ROLE_RE.fullmatch(w)
                # '," chief executive Oonagh Fairweather said': a role of two words before the name
                or (MODIFIER_RE.fullmatch(w) and number + 1 < len(who_tokens))
                or (number > 0 and ROLE_RE.fullmatch(f"{who_tokens[number - 1]} {w}"))
                for number, w in enumerate(who_tokens)
            ):
                return (" ".join(who_tokens), tokens[0][1])
            return None
    return None


_NAME_DESCRIBED_SAYS = re.compile(
    rf"\s*(?P<name>{NAME}),\s+[^,.;:\"“”]{{3,90}},\s+(?:said|says|told|added|wrote)\b"
)


# "Osei said the company would spend ...", "Rosa Iqbal, whose son's bike started smoking, said
# ...": a sentence of narration opened by a name (and its relative) and a reporting verb.
_NAME_REPORTS = re.compile(
    rf"(?:^|(?<=[.!?]\s)|(?<=[.!?]”\s)|(?<=[.!?]\"\s))(?P<name>{CAP}(?:\s+{CAP}){{0,2}})"
    r"(?:,\s+(?:who|whose)\s[^,.;:\"“”]+,)?\s+"
    r"(?:said|says|told|added|argued|warned|explained|insisted|noted)\b",
    re.MULTILINE,
)


# "Maureen Okafor, 67, has been living with her daughter ...", "Grace Adeyemi of Penrose Capital
# was more cautious, ...": a sentence of narration opened by a person's full name (perhaps with an
# age or an "of" and the body they speak for) before a verb in lower case.
_NAME_OPENS = re.compile(
    rf"(?:^|(?<=[.!?]\s)|(?<=[.!?]”\s)|(?<=[.!?]\"\s))(?!(?:The|A|An|In|On|At|For|But|And|As)\s)"
    rf"(?P<name>{CAP}\s+{CAP})(?:,\s+\d{{1,3}},|\s+of\s+{CAP}(?:\s+{CAP}){{0,3}})?"
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
    tokens = [(m.group(0), m.start()) for m in TOKEN.finditer(text, start, end)][-8:]
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
            if w[0].isupper() or w.lower() in PRONOUNS or ROLE_RE.fullmatch(w):
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
        # "said spokeswoman Harriet Quayle. Delacourt has offered ...": a full stop ends them too
        if previous_end is not None and re.search(r"[.!?]\s", text[previous_end:position]):
            break
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
            or (who and who[-1].endswith(("'s", "’s")) and MODIFIER_RE.fullmatch(word))
            # "said the museum's director, Tobias Renner": the owner of the role is a common noun
            or (who == ["the"] and word.endswith(("'s", "’s")) and word[0].islower())
            or lowered in LINKS
            or (not who and lowered in PRONOUNS)
            or (MODIFIER_RE.fullmatch(word) and not any(w[0].isupper() for w in who))  # "union organiser"
        ):
            who.append(word)
            if lowered in PRONOUNS or lowered in ("itu", "tersebut"):
                break
        else:
            break
    while who and who[-1].lower() in LINKS - {"itu", "tersebut"}:
        who.pop()
    if role_words and not any(w[0].isupper() for w in who):
        who = role_words
    return " ".join(who) or None
