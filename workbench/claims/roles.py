"""What a role and a person's name look like in an article, in Indonesian and English.

The role words ("presiden", "chief executive", "striker"), the lower-case words that narrow a
role ("state transport minister"), and a name of capitalised words: the patterns that the
attribution forms, the people index and the speaker rules all read.
"""

from __future__ import annotations

import re

from workbench.claims.segment import UPPER

ROLE = (
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
    r"steward|convenor|negotiator|inspector|auditor|\w+olog(?:ist|er)"
)
ROLE_RE = re.compile(rf"\b(?:{ROLE})\b", re.IGNORECASE)
CAP = rf"[{UPPER}][\w'’.-]*"
NAME = rf"{CAP}(?:\s+{CAP}){{1,3}}"
# "state transport minister Helen Grady": the lower-case words that narrow a role.
ROLE_MODIFIER = (
    r"state|federal|national|regional|local|city|county|town|district|provincial|opposition|party|"
    r"transport|health|finance|education|environment|energy|foreign|defen[cs]e|interior|justice|"
    r"labou?r|trade|housing|culture|police|council|company|deputy|former|acting|assistant|senior|"
    r"junior|interim|vice|union|trade\s+union|shop|campaign|lead|chief|managing"
)
MODIFIER_RE = re.compile(rf"(?:{ROLE_MODIFIER})", re.IGNORECASE)
