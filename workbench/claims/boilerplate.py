"""Lines of a news page that are not claims: teasers, credits, share prompts, captions.

Decided per line (paragraph) because that is how these furnishings appear in extracted text;
a claim is never taken from a line this module rejects.
"""

from __future__ import annotations

import re

from workbench.language.dates import find_dates

_TEASER = re.compile(
    r"^(?:baca\s+(?:juga|pula|selengkapnya|berita)|simak\s+(?:juga|selengkapnya|video|berita)|lihat\s+juga|"
    r"tonton\s+juga|artikel\s+terkait|berita\s+terkait|read\s+(?:more|also|next)|also\s+read)\b|"
    # Words that can open a real sentence count only with a colon or dash after them.
    r"^(?:related(?:\s+(?:articles?|stories|coverage))?|see\s+also|more\s+from|watch|recommended)\s*[:\-–—]",
    re.IGNORECASE,
)
# "Sumber: BPS dan Kementerian Keuangan", "Source: company filings": where a chart or table came from.
_ATTRIBUTION = re.compile(
    r"^(?:sumber(?:\s+(?:data|foto|gambar|grafis))?|source(?:s)?|data\s+source|credit|kredit(?:\s+foto)?|"
    r"keterangan\s+foto|caption|grafis|infografis|infographic|photograph|picture|pictured)\s*[:\-–—]",
    re.IGNORECASE,
)
# Photo credits: "ANTARA FOTO/Galih Pradipta/foc.", "REUTERS/Ann Lee", "AP Photo/Jo Bloggs",
# "KOMPAS.com/Nama", "(Foto: Dok. Humas)". A line carrying one is a caption or the credit itself.
_PHOTO_CREDIT = re.compile(
    r"\b(?:ANTARA\s+FOTO|ANTARA|REUTERS|AFP|AP\s+Photo|AP|EPA|Getty\s+Images|KOMPAS\.com|"
    r"[A-Z][A-Za-z]+\.(?:com|id|co\.id))\s*/\s*[A-Z][\w.'’-]*(?:\s+[A-Z][\w.'’-]*){0,3}"
    r"(?:/[A-Za-z.]{1,12})?[\s.)\]]*$"
    r"|[(\[]\s*(?i:foto|photo|ilustrasi|gambar|image)\s*:[^)\]]*(?:[)\]]|$)",
)
# "A shopper in the bread aisle. Photo: Kit Lindqvist/Lanworth Ledger": a caption closed by its
# credit (a name, perhaps "/Publisher" or "for the Courier").
_TRAILING_PHOTO_CREDIT = re.compile(
    r"(?:^|[.!?)]\s+)(?:Photo(?:graph)?|Picture|Image|Foto|Credit)s?\s*:\s*[A-Z][\w.'’-]*"
    r"(?:\s+[\w.'’&-]+){0,6}(?:\s*/\s*[\w.'’&-]+(?:\s+[\w.'’&-]+){0,4})?\.?$"
)
# A teaser or credit that starts inside a line ends that line's content: "... kata dia. Baca juga:
# Harga beras naik".
_INLINE_FURNITURE = re.compile(
    r"(?<=[.!?”\"])\s+(?:BACA\s+JUGA|Baca\s+[Jj]uga|Read\s+more|Read\s+also|Also\s+read|"
    r"Simak\s+[Jj]uga|Lihat\s+[Jj]uga)\s*[:\-–—]"
)
_CREDIT = re.compile(
    r"^(?:editor|penyunting|redaktur|reporter|pewarta|penulis|writer|wartawan|kontributor|fotografer|"
    r"photographer|foto|photo|image|gambar|ilustrasi|sumber\s+foto|produced\s+by|reporting\s+by|"
    r"editing\s+by|edited\s+by|additional\s+reporting(?:\s+by)?|written\s+by|compiled\s+by|oleh|by|"
    r"tags?|topik|kategori|category|copyright|hak\s+cipta)\b\s*[:\-–—]?\s*",
    re.IGNORECASE,
)
_SHARE = re.compile(
    # whole words: "Shares rose 3 percent" and "Gabungan ..." open sentences, not prompts
    r"^(?:(?:share|bagikan|follow\s+us|ikuti\s+(?:kami|berita|update|kanal)|subscribe|berlangganan|"
    r"download\s+aplikasi|unduh\s+aplikasi|klik\s+di\s+sini|click\s+here|sign\s+up|dapatkan\s+"
    r"(?:update|berita)|gabung|join\s+(?:our|us)|advertisement|iklan|scroll\s+to\s+continue|"
    r"scroll\s+untuk|all\s+rights\s+reserved)\b|©|\(c\))",
    re.IGNORECASE,
)
# Page furniture of English news sites that reads like a sentence: update stamps, correction
# notes, contact prompts and reader address ("Here is what we know so far").
_PAGE_NOTE = re.compile(
    r"^(?:this\s+(?:article|story|report|piece)\s+(?:was|has\s+been)\s+(?:amended|updated|corrected|changed)|"
    r"contact\s+(?:the\s+)?(?:reporter|author|writer|newsroom|us)\b|get\s+in\s+touch|email\s+us\b|"
    r"do\s+you\s+have\s+a\s+story|listen\s+to\s+this\s+(?:article|story)|more\s+on\s+this\s+(?:story|topic)|"
    r"comments\s+are\s+(?:closed|open)|topics?\s*:|here(?:\s+is|['’]s)\s+what\s+we\s+know|"
    r"follow\s+[A-Z][\w'’-]*(?:\s+[A-Z][\w'’-]*)*\s+on\b|"
    # "Follow the Courier for more housing coverage, and share this story ...", "Follow Coastline
    # Wire for more coverage from ...": the reader told to follow the paper (us, our ..., a name
    # with or without "the") for more of its reporting
    r"follow\s+(?:us|our|(?-i:(?:the\s+)?[A-Z][\w'’-]*(?:\s+[A-Z][\w'’-]*)*))\b[^.]{0,80}?"
    r"\b(?:coverage|updates|news|stories|reporting)\b)",
    re.IGNORECASE,
)
# "Updated: 14:05 BST, 12 March 2026", "Published 3 hours ago", "Last modified on Thu 12 Mar":
# a stamp only on a short line ("Published figures show ..." opens a sentence).
_STAMP = re.compile(r"^(?:last\s+)?(?:updated|modified|published|posted)\s*(?::|on\b|\d)", re.IGNORECASE)
# What may stand beside a date on a dateline: a clock time, a zone, separators.
_DATELINE_REST = re.compile(
    r"[\s,.|·–—-]*(?:(?:mon|tue|tues|wed|thu|thur|thurs|fri|sat|sun)\.?)?[\s,.|·–—-]*"
    r"(?:(?:at\s+)?\d{1,2}[:.]\d{2}(?:\s*(?:a\.m\.|p\.m\.|am|pm))?(?:\s*(?-i:[A-Z]{2,4}))?)?[\s,.|·–—-]*",
    re.IGNORECASE,
)
_SENTENCE_BREAK = re.compile(r"(?<=[.;|])\s+")
_HEADING_END = '.!?:;"”’)…'
# Agency sign-offs such as "(ant/abc)" or "(Reuters)".
_SIGNOFF = re.compile(r"^\(?\s*[A-Za-z]{2,8}(?:\s*/\s*[A-Za-z]{2,8})+\s*\)?\.?$|^\((?:[A-Z][A-Za-z]+)\)$")
_SHARE_ANYWHERE = re.compile(
    r"\b(?:share\s+(?:this|on)|bagikan\s+(?:artikel|berita)|follow\s+us\s+on|ikuti\s+kami\s+di)\b",
    re.IGNORECASE,
)


def is_boilerplate(line: str) -> bool:
    """True when a stripped line is page furniture rather than article content: teasers, credits,
    attribution lines ("Sumber: BPS dan ..."), photo credits and the captions carrying them
    ("ANTARA FOTO/...", "(Foto: ...)"), share prompts, update stamps and correction notes,
    contact prompts.

    Credit lines ("Editor: ...", "By Jane Doe") are rejected only when short, so that a
    sentence opening with "By" or "Oleh" still counts as content.
    """
    # "(Reporter: Nadia | Editor: Hendra)" wraps its credits in brackets.
    stripped = line.strip().strip("()[]").strip()
    if not stripped:
        return True
    words = len(stripped.split())
    if _TEASER.match(stripped) or _SHARE.match(stripped) or _SIGNOFF.match(stripped):
        return True
    if _ATTRIBUTION.match(stripped) or (_PHOTO_CREDIT.search(stripped) and words <= 60):
        return True
    if _TRAILING_PHOTO_CREDIT.search(stripped) and words <= 60:
        return True
    if _PAGE_NOTE.match(stripped) or (_STAMP.match(stripped) and words <= 12):
        return True
    if _CREDIT.match(stripped) and (words <= 8 or ":" in stripped[:20]):
        return _is_credit(stripped)
    # "Additional reporting by Sam Okafor. Edited by Jo Whitfield.": credits one after another
    parts = _SENTENCE_BREAK.split(stripped)
    if len(parts) > 1 and all(_CREDIT.match(p) and len(p.split()) <= 8 and _is_credit(p) for p in parts):
        return True
    if _is_dateline(stripped):
        return True
    return words <= 12 and _SHARE_ANYWHERE.search(stripped) is not None


def _is_credit(line: str) -> bool:
    """A line opening with a credit word is a credit unless it opens a sentence: "by the end of
    ..." is content, not a byline."""
    return not (re.match(r"^(?:[Bb]y|[Oo]leh)\s+[a-z]", line) and ":" not in line[:10])


def _is_dateline(line: str) -> bool:
    """A line that is only a calendar date, perhaps with a weekday and a clock time: "Thursday 18
    September 2025, 07:40" (a date of the page, not a claim)."""
    if len(line.split()) > 8:
        return False
    dated = [d for d in find_dates(line, "en") if d.month is not None]
    if not dated:
        return False
    position = 0
    for found in dated:
        if not _DATELINE_REST.fullmatch(line, position, found.start):
            return False
        position = found.end
    return _DATELINE_REST.fullmatch(line, position) is not None


def is_heading(line: str) -> bool:
    """A subheading inside an article ("A long wait for surgery"): a short line with no closing
    punctuation, no figure and no list marker; not a claim. A line with a figure may be a
    headline's claim and stays. (Not part of :func:`is_boilerplate`: a link's short context is
    no heading.)"""
    stripped = line.strip()
    if not stripped or len(stripped.split()) > 8 or stripped[-1] in _HEADING_END or stripped[0] in "-–—•*":
        return False
    return not any(character.isdigit() for character in stripped)


def is_headline(line: str, following: str | None) -> bool:
    """The article's headline above its byline ("Harrowmere counts the cost of its worst fire
    season" over "By Imogen Threlfall"): a line of at most 16 words with no closing punctuation,
    followed by a short credit line. No claim, as a heading is none."""
    stripped = line.strip()
    if following is None or not stripped or stripped[-1] in _HEADING_END or len(stripped.split()) > 16:
        return False
    credit = following.strip()
    return re.match(r"(?:By|Oleh)\s+[A-Z]", credit) is not None and is_boilerplate(credit)


def content_end(text: str, start: int, end: int) -> int:
    """Where the content of the line ``text[start:end]`` ends: before a teaser such as "Baca juga:"
    that follows a sentence inside it, else at ``end``."""
    found = _INLINE_FURNITURE.search(text, start, end)
    return found.start() if found is not None else end
