"""Who is who in one article: the full names seen and the roles tied to them.

Short references are resolved to the full name seen elsewhere in the article: a surname
("Smith"), a first name ("kata Ratna"), a role ("Presiden Microsoft itu", "the Microsoft
president") that an earlier attribution tied to a name, or a pronoun (the last speaker).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from workbench.claims.roles import ROLE_RE

PRONOUNS = frozenset({"he", "she", "they", "dia", "ia", "beliau", "mereka"})
LINKS = frozenset({"itu", "tersebut", "of", "dari", "the", "sang", "to"})
TOKEN = re.compile(r"\w[\w'’-]*")


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
        words = [w for w in TOKEN.findall(phrase) if w.lower() not in LINKS]
        if not words:
            return None
        lowered = {w.lower().rstrip("'’s") for w in words}
        if len(words) == 1 and words[0].lower() in PRONOUNS:
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
        w.lower().rstrip("'’s") for w in TOKEN.findall(role) if w.lower() not in LINKS | {"a", "an"}
    )
