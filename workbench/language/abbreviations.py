"""Words written with a full stop that does not end a sentence ("Mr.", "Corp.", "Jan.", "Kab."),
in English and Indonesian news: one list for everything that splits text into sentences (the
claim extractor's lines, the passages matching ranks) or reads a name up to its sentence's end."""

from __future__ import annotations

ABBREVIATIONS = frozenset(
    """mr mrs ms dr prof sr jr st inc corp ltd co mt ft gen col lt sgt capt gov sen rep rev
    vs etc e.g i.e u.s u.k u.n a.s no nos jan feb mar apr jun jul aug sep sept oct nov dec
    dept univ fig approx est ave ca al tn ny
    bpk sdr sdri ir drs hj h kh tbk pt dll dsb dst tsb yth kab kec kel jl jln kol jend brigjen
    mayjen letjen kompol ipda aiptu bripka sp ph.d dkk""".split()  # noqa: SIM905 - a word list reads better as text
)


def is_abbreviation(word: str) -> bool:
    """Whether ``word`` (without its full stop, any case) is written with one that ends nothing."""
    return word.lower() in ABBREVIATIONS
