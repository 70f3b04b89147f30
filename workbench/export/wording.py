"""The words a report is written in (``en`` or ``id``), and cleaning of text for output.

Headings, field names and the copy description come from here; label names from
``workbench/labels.py``. Article, source and checker text is data: every format passes it
through :func:`clean` first (``workbench.untrusted.published``), which drops control and direction
characters (a terminal escape, a bell or a direction override in a fetched page must not reach a
reader's file).
"""

from __future__ import annotations

from datetime import date, datetime
from functools import lru_cache

from workbench.labels import label_name, labels
from workbench.provenance import SnapshotProvenance
from workbench.untrusted import published as clean

REPORT_LANGUAGES = ("en", "id")

_WORDS: dict[str, dict[str, str]] = {
    "en": {
        "report": "Fact-check report",
        "article": "Article",
        "outlet": "Outlet",
        "published": "Published",
        "no_url": "no web address recorded",
        "no_date": "date unknown",
        "organisation": "Reviewed by",
        "no_organisation": "not set (WORKBENCH_ORG)",
        "checkers": "Checkers",
        "checked": "Checked",
        "generated": "Report generated",
        "summary": "Summary",
        "verdict": "Verdict",
        "claims": "Claims",
        "total": "Total",
        "unchecked": "Not yet checked",
        "judged": "Judged claims",
        "no_judged": "No claim has a verdict yet.",
        "statement": "English statement (confirmed by a checker)",
        "speaker": "Speaker",
        "rationale": "Rationale",
        "decided": "Decided by {checker}, {when}",
        "imported": "Imported from ClaimReview {origin}",
        "imported_by": "Imported from ClaimReview {origin}, published by {org}",
        "evidence": "Evidence",
        "no_evidence": "No source passage was pinned to this verdict.",
        "source": "Source",
        "copy": "Copy",
        "copy_link": "the copy read",
        "warc": "WARC record",
        "warc_id": "WARC-Record-ID",
        "payload": "Payload SHA-256",
        "history": "Verdict history",
        "stale": "Stale: when the sources were checked again on {when}, {what}. This verdict needs review.",
        "stale_unknown": "Stale: the evidence changed since this verdict. This verdict needs review.",
        "stale_edited": "the pinned passage had been edited",
        "stale_orphaned": "the pinned passage was no longer found",
        "stale_gone": "the source was gone",
        "suggestion": "Workbench suggestion (not a verdict)",
        "sources": "Sources",
        "never_fetched": "never fetched",
        "last_fetch": "last fetch",
        "live": "live copy, fetched {fetched}",
        "archived": "archived copy ({archive}, memento {memento}), fetched {fetched}",
        "archived_undated": "archived copy ({archive}, memento date unknown), fetched {fetched}",
        "claim_no": "claim {number}",
    },
    "id": {
        "report": "Laporan cek fakta",
        "article": "Artikel",
        "outlet": "Media",
        "published": "Terbit",
        "no_url": "alamat web tidak tercatat",
        "no_date": "tanggal tidak diketahui",
        "organisation": "Diperiksa oleh",
        "no_organisation": "belum diatur (WORKBENCH_ORG)",
        "checkers": "Pemeriksa",
        "checked": "Tanggal pemeriksaan",
        "generated": "Laporan dibuat",
        "summary": "Ringkasan",
        "verdict": "Penilaian",
        "claims": "Klaim",
        "total": "Jumlah",
        "unchecked": "Belum diperiksa",
        "judged": "Klaim yang dinilai",
        "no_judged": "Belum ada klaim yang dinilai.",
        "statement": "Pernyataan dalam bahasa Inggris (dikonfirmasi pemeriksa)",
        "speaker": "Narasumber",
        "rationale": "Alasan",
        "decided": "Dinilai oleh {checker}, {when}",
        "imported": "Diimpor dari ClaimReview {origin}",
        "imported_by": "Diimpor dari ClaimReview {origin}, diterbitkan oleh {org}",
        "evidence": "Bukti",
        "no_evidence": "Tidak ada kutipan sumber yang disematkan pada penilaian ini.",
        "source": "Sumber",
        "copy": "Salinan",
        "copy_link": "salinan yang dibaca",
        "warc": "Rekaman WARC",
        "warc_id": "WARC-Record-ID",
        "payload": "SHA-256 muatan",
        "history": "Riwayat penilaian",
        "stale": "Kedaluwarsa: saat sumber diperiksa ulang pada {when}, {what}. Penilaian ini perlu ditinjau lagi.",
        "stale_unknown": "Kedaluwarsa: bukti berubah sejak penilaian ini. Penilaian ini perlu ditinjau lagi.",
        "stale_edited": "kutipan yang disematkan telah diubah",
        "stale_orphaned": "kutipan yang disematkan tidak ditemukan lagi",
        "stale_gone": "sumbernya sudah tidak ada",
        "suggestion": "Saran workbench (bukan penilaian)",
        "sources": "Sumber",
        "never_fetched": "belum pernah diambil",
        "last_fetch": "pengambilan terakhir",
        "live": "salinan langsung, diambil {fetched}",
        "archived": "salinan arsip ({archive}, memento {memento}), diambil {fetched}",
        "archived_undated": "salinan arsip ({archive}, tanggal memento tidak diketahui), diambil {fetched}",
        "claim_no": "klaim {number}",
    },
}


class UnknownReportLanguage(ValueError):
    pass


def check_language(lang: str) -> str:
    if lang not in REPORT_LANGUAGES:
        raise UnknownReportLanguage(
            f"unknown report language {lang!r} (known: {', '.join(REPORT_LANGUAGES)})"
        )
    return lang


def words(lang: str) -> dict[str, str]:
    """The report's wording in ``lang`` (English for a language it does not know)."""
    return _WORDS.get(lang, _WORDS["en"])


def verdict_name(label: str, lang: str) -> str:
    return label_name(label, lang)


class LabelNames:
    """:func:`verdict_name` for one report: each label looked up once (a lookup reads the labels
    file's path from the environment; a 10,000-claim report asked 20,000 times)."""

    def __init__(self, lang: str) -> None:
        self.lang = lang
        self._names: dict[str, str] = {}

    def __call__(self, label: str) -> str:
        name = self._names.get(label)
        if name is None:
            name = self._names[label] = verdict_name(label, self.lang)
        return name


def label_order() -> list[str]:
    """Label ids in the labels file's order: summaries list them so."""
    return [label.id for label in labels()]


def stamp(moment: datetime) -> str:
    """A moment as a reader reads it, in UTC: ``2024-05-20 09:30 UTC``."""
    return moment.strftime("%Y-%m-%d %H:%M UTC")


def day(value: date | datetime) -> str:
    return value.date().isoformat() if isinstance(value, datetime) else value.isoformat()


@lru_cache(maxsize=256)  # a report names the same few copies once per passage
def copy_phrase(copy: SnapshotProvenance, lang: str) -> str:
    """Which copy a passage was read from, for a reader: live (fetch time) or archived (archive
    and memento datetime). The same facts as ``SnapshotProvenance.describe``, in ``lang``."""
    w = words(lang)
    fetched = stamp(copy.fetched_at)
    if not copy.archived:
        return w["live"].format(fetched=fetched)
    if copy.memento_datetime is None:
        return w["archived_undated"].format(archive=copy.archive, fetched=fetched)
    return w["archived"].format(archive=copy.archive, memento=stamp(copy.memento_datetime), fetched=fetched)


def stale_notice(status: str | None, checked_at: datetime | None, lang: str) -> str:
    w = words(lang)
    what = w.get(f"stale_{status}") if status else None
    if what is None or checked_at is None:
        return w["stale_unknown"]
    return w["stale"].format(when=stamp(checked_at), what=what)


def one_line(text: str) -> str:
    """``text`` cleaned and with every run of whitespace made one space."""
    return " ".join(clean(text).split())
