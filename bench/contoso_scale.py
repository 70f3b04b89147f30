"""Long articles for the scale benchmarks, grown from the offline Contoso case.

The Contoso article (28 claims, ~365 words) is repeated with variations until it is long enough:
each copy after the first shifts its figures by a few units in some sentences and starts at another
paragraph, so copies are neither identical (extraction and matching see new text) nor unrelated to
the sources (matching still finds real evidence). Its four sources are fetched through the offline
demo transport (the same httpx path as a live fetch; one source is unreachable by design), and
version 2 of the demo site changes one page and removes another for re-verification.

Used by bench/growth_benchmark.py and bench/long_article_benchmark.py.
"""

from __future__ import annotations

import os
import random
import re
import tempfile
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

from sqlalchemy import func, update
from sqlmodel import col, select

from workbench.services.articles import add_article
from workbench.services.cases import Case, builtin_cases
from workbench.services.fetching import fetch_article
from workbench.services.sources import add_source
from workbench.services.workspace import Workspace
from workbench.storage.models import Claim, Evidence, Verdict

LABELS = ["supported", "partly-supported", "misattributed", "contradicted", "not-in-source", "unverifiable"]
_NUMBER = re.compile(r"(?<![\w.,])\d+(?![\w])")


def contoso_case() -> Case:
    return next(c for c in builtin_cases() if c.slug == "contoso-demo")


# Words swapped per copy for others of the same sense (each list cycles at its own pace, so
# copies rarely repeat a sentence; a long article says new things, it does not repeat itself).
_SWAPS = {
    "Cikarang": ["Cikarang", "Karawang", "Bekasi", "Purwakarta", "Subang"],
    "Jakarta": ["Jakarta", "Bandung", "Surabaya", "Medan", "Makassar", "Semarang"],
    "Singapura": ["Singapura", "Hong Kong", "Tokyo", "Sydney"],
    "Jawa Barat": ["Jawa Barat", "Banten", "Jawa Tengah", "Jawa Timur", "Bali", "Riau", "Aceh"],
    "perusahaan": ["perusahaan", "korporasi", "firma"],
    "pusat data": ["pusat data", "pusat komputasi"],
    "investasi": ["investasi", "penanaman modal"],
    "pelatihan": ["pelatihan", "pendidikan", "kursus"],
    "mahasiswa": ["mahasiswa", "pelajar"],
    "membangun": ["membangun", "mendirikan"],
    "dibangun": ["dibangun", "didirikan"],
    "komputasi awan": ["komputasi awan", "layanan awan"],
    "pelanggan": ["pelanggan", "klien", "konsumen"],
    "lokal": ["lokal", "dalam negeri"],
    "universitas": ["universitas", "perguruan tinggi", "kampus"],
    "mitra": ["mitra", "rekanan"],
    "layanan": ["layanan", "jasa"],
    "Indonesia": ["Indonesia", "Tanah Air"],
    "tahap": ["tahap", "fase"],
    "pasar": ["pasar", "sektor"],
    "mengatakan": ["mengatakan", "menyampaikan"],
    "gedung": ["gedung", "bangunan"],
    "Chief Executive Officer": ["Chief Executive Officer", "CEO", "Direktur Utama", "pemimpin"],
    "Direktur Regional": ["Direktur Regional", "Kepala Regional", "Direktur Wilayah"],
    "Asia Tenggara": ["Asia Tenggara", "ASEAN", "kawasan Asia Tenggara", "Asia"],
    "janji": ["janji", "komitmen", "ikrar"],
    "hari ini": ["hari ini", "kini", "sekarang", "saat ini"],
    "berhenti": ["berhenti", "puas", "diam"],
    "tercepat": ["tercepat", "paling cepat", "paling pesat"],
    "digital": ["digital", "daring", "elektronik"],
    "sesuatu": ["sesuatu", "hal", "fasilitas"],
    "datang": ["datang", "hadir", "masuk"],
    "situs web": ["situs web", "laman", "portal"],
    "Harga": ["Harga", "Tarif", "Biaya"],
    "waktu respons": ["waktu respons", "waktu tanggap", "kecepatan respons"],
    "singkat": ["singkat", "cepat", "pendek"],
    "infrastruktur": ["infrastruktur", "sarana", "prasarana"],
    "program": ["program", "inisiatif", "skema"],
    "keterampilan": ["keterampilan", "kecakapan", "kemampuan"],
    "pertumbuhan": ["pertumbuhan", "perkembangan", "ekspansi"],
    "Region": ["Region", "Wilayah", "Zona"],
}


def varied_copy(text: str, copy: int) -> str:
    """Copy number ``copy`` of the article: paragraphs rotated, words swapped for others, figures
    shifted by a few units (copy 0 is the article itself)."""
    paragraphs = [p for p in text.split("\n") if p.strip()]
    turn = copy % len(paragraphs)
    paragraphs = paragraphs[turn:] + paragraphs[:turn]
    shift = copy % 7
    choose = random.Random(copy)
    picks = {
        word: options[choose.randrange(len(options))] if copy else word for word, options in _SWAPS.items()
    }
    varied = []
    for paragraph in paragraphs:
        if shift:
            paragraph = _NUMBER.sub(lambda m: str(int(m.group()) + shift), paragraph)
        for word, pick in picks.items():
            paragraph = paragraph.replace(word, pick)
        varied.append(paragraph)
    return "\n\n".join(varied)


def long_text(*, words: int | None = None, copies: int | None = None) -> str:
    """A long article: as many varied copies as ``copies``, or as it takes to reach ``words``."""
    seed = contoso_case().read_text()
    per_copy = len(seed.split())
    count = copies if copies is not None else max(1, -(-(words or per_copy) // per_copy))
    return "\n\n".join(varied_copy(seed, k) for k in range(count)) + "\n"


@contextmanager
def scale_workspace() -> Iterator[Workspace]:
    """A workspace in a temporary folder that accepts articles of any length."""
    os.environ["WORKBENCH_MAX_ARTICLE_CHARS"] = str(50_000_000)
    with tempfile.TemporaryDirectory() as tmp:
        ws = Workspace.open(str(Path(tmp) / "scale.db"), archive=Path(tmp) / "archive")
        try:
            yield ws
        finally:
            ws.close()


@dataclass(frozen=True, slots=True)
class Loaded:
    article_id: int
    claims: int
    words: int


def load_long_article(ws: Workspace, text: str) -> Loaded:
    """Store ``text`` as an article (extracting its claims) and link the Contoso sources."""
    case = contoso_case()
    article = add_article(ws, text, title="Contoso, many times", language="id", article_date=case.date)
    article_id = article.id or 0
    for source in case.sources:
        add_source(ws, article_id, source.url)
    with ws.db.session() as session:
        claims = session.exec(select(func.count()).where(Claim.article_id == article_id)).one()
    return Loaded(article_id, int(claims), len(text.split()))


def fetch_sources(ws: Workspace, article_id: int) -> None:
    ws.site_version = "v1"
    fetch_article(ws, article_id)


def judge_most(ws: Workspace, article_id: int, share: float = 0.8) -> int:
    """Record a verdict pinning its best evidence for ``share`` of the claims that have evidence
    (in bulk: this is set-up, not what is measured). Returns how many verdicts were written."""
    with ws.db.session() as session:
        best = session.exec(
            select(Evidence.claim_id, func.min(Evidence.id))
            .join(Claim, col(Claim.id) == col(Evidence.claim_id))
            .where(Claim.article_id == article_id, Evidence.rank == 0)
            .group_by(col(Evidence.claim_id))
            .order_by(col(Evidence.claim_id))
        ).all()
        chosen = [
            (claim_id, evidence_id) for i, (claim_id, evidence_id) in enumerate(best) if (i % 10) < share * 10
        ]
        session.exec(update(Evidence).where(col(Evidence.id).in_([e for _, e in chosen])).values(pinned=True))
        session.add_all(
            Verdict(
                claim_id=claim_id,
                label=LABELS[i % len(LABELS)],
                rationale=f"Checked against the source, claim {claim_id}.",
                evidence_id=evidence_id,
                checker="bench",
            )
            for i, (claim_id, evidence_id) in enumerate(chosen)
        )
    return len(chosen)
