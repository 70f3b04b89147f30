"""A generated database for the TUI benchmark: one article of many claims (most judged, some
stale after a re-verification) and many small articles, written with Core inserts (seconds, not
minutes). Every offset is real: claims span their sentence in the article, evidence spans a
sentence of a snapshot, checks point into a newer snapshot.

    .venv/bin/python bench/tui_data.py PATH.db [--claims 10000] [--articles 200] [--per-article 50]
"""

from __future__ import annotations

import argparse
import hashlib
import random
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

from sqlalchemy import insert

from workbench.services.workspace import Workspace
from workbench.storage.models import (
    Article,
    ArticleSource,
    Claim,
    Evidence,
    EvidenceCheck,
    ReverifyRun,
    Snapshot,
    Source,
    Verdict,
)

ID_WORDS = [
    "dewan",
    "kota",
    "anggaran",
    "pekerja",
    "sekolah",
    "jembatan",
    "pasar",
    "energi",
    "laporan",
    "menteri",
    "stasiun",
    "kereta",
    "air",
]
EN_WORDS = [
    "council",
    "city",
    "budget",
    "workers",
    "school",
    "bridge",
    "market",
    "energy",
    "report",
    "minister",
    "station",
    "rail",
    "water",
]
KINDS = ["event", "number", "date", "quote", "attribution", "list-item"]
LABELS = ["supported", "partly-supported", "misattributed", "contradicted", "not-in-source", "unverifiable"]
SENTENCES_PER_SNAPSHOT = 400
SOURCES_PER_ARTICLE = 4


@dataclass(frozen=True, slots=True)
class Generated:
    big_article: int
    claims: int
    verdicts: int
    stale: int
    checks: int
    articles: int


def _sentence(rng: random.Random, words: list[str], n: int, tail: str) -> str:
    return " ".join(rng.choice(words) for _ in range(13)).capitalize() + f" {n} {tail}."


def _article_text(
    rng: random.Random, claims: int, words: list[str] = ID_WORDS, tail: str = "juta pada Senin"
) -> tuple[str, list[tuple[int, int]]]:
    """Paragraphs of five sentences; each sentence is one claim's span."""
    parts: list[str] = []
    spans: list[tuple[int, int]] = []
    offset = 0
    for i in range(claims):
        sentence = _sentence(rng, words, i, tail)
        spans.append((offset, offset + len(sentence)))
        sep = "\n" if i % 5 == 4 else " "
        parts.append(sentence + sep)
        offset += len(sentence) + len(sep)
    return "".join(parts), spans


def _snapshot_text(rng: random.Random) -> tuple[str, list[tuple[int, int]]]:
    return _article_text(rng, SENTENCES_PER_SNAPSHOT, EN_WORDS, "million on Monday")


class _Writer:
    def __init__(self, ws: Workspace, rng: random.Random) -> None:
        self.ws = ws
        self.rng = rng
        self.now = datetime(2024, 5, 1, tzinfo=UTC)
        self.next_source = 1

    def _snapshot_row(self, source_id: int, text: str, when: datetime) -> dict[str, Any]:
        digest = hashlib.sha256(text.encode()).hexdigest()
        return {
            "source_id": source_id,
            "requested_url": f"https://news{source_id}.example/story",
            "final_url": f"https://news{source_id}.example/story",
            "fetched_at": when,
            "status": 200,
            "payload_sha256": digest,
            "text_sha256": digest,
            "text": text,
            "title": f"Story {source_id}",
        }

    def article(self, claims: int, *, judged: float, stale: float, title: str) -> tuple[int, int, int, int]:
        """One article with ``claims`` claims, four sources (two snapshots each: the re-verified
        copy is the second), three evidence rows per claim; ``judged`` of the claims have a verdict
        pinned to their best passage, and every pinned passage has a check, ``stale`` of them edited."""
        rng = self.rng
        text, spans = _article_text(rng, claims)
        conn = self.ws.db.engine.connect()
        with conn.begin():
            article_id = conn.execute(
                insert(Article.__table__).values(  # type: ignore[attr-defined]
                    title=title,
                    language="id",
                    text=text,
                    content_hash=hashlib.sha256(text.encode()).hexdigest(),
                    created_at=self.now,
                )
            ).inserted_primary_key[0]
            snapshots: list[tuple[int, int, str, list[tuple[int, int]]]] = []
            for _ in range(SOURCES_PER_ARTICLE):
                source_id = self.next_source
                self.next_source += 1
                conn.execute(
                    insert(Source.__table__).values(  # type: ignore[attr-defined]
                        id=source_id, url=f"https://news{source_id}.example/story"
                    )
                )
                conn.execute(
                    insert(ArticleSource.__table__).values(article_id=article_id, source_id=source_id)  # type: ignore[attr-defined]
                )
                snap_text, snap_spans = _snapshot_text(rng)
                old = conn.execute(
                    insert(Snapshot.__table__).values(**self._snapshot_row(source_id, snap_text, self.now))  # type: ignore[attr-defined]
                ).inserted_primary_key[0]
                edited = snap_text.replace("Monday", "Tuesday", 40)
                new = conn.execute(
                    insert(Snapshot.__table__).values(  # type: ignore[attr-defined]
                        **self._snapshot_row(source_id, edited, self.now + timedelta(days=30))
                    )
                ).inserted_primary_key[0]
                snapshots.append((old, new, snap_text, snap_spans))
            claim_rows = [
                {
                    "article_id": article_id,
                    "start": start,
                    "end": end,
                    "text": text[start:end],
                    "statement": " ".join(rng.choice(EN_WORDS) for _ in range(12)).capitalize() + ".",
                    "statement_is_draft": True,
                    "kind": rng.choice(KINDS),
                    "numbers": [{"text": f"{i} juta", "value": i * 1_000_000, "qualifier": "exact"}],
                    "dates": [],
                    "score": rng.randint(1, 5),
                    "reasons": ["a number"],
                    "origin": "extracted",
                    "edited": False,
                    "position": i,
                    "created_at": self.now,
                }
                for i, (start, end) in enumerate(spans)
            ]
            conn.execute(insert(Claim.__table__), claim_rows)  # type: ignore[attr-defined]
            claim_ids = [
                row[0]
                for row in conn.exec_driver_sql(
                    "SELECT id FROM claim WHERE article_id = ? ORDER BY position", (article_id,)
                )
            ]
            evidence_rows = []
            for claim_id in claim_ids:
                for rank in range(3):
                    old, _new, snap_text, snap_spans = snapshots[rng.randrange(len(snapshots))]
                    start, end = snap_spans[rng.randrange(len(snap_spans))]
                    evidence_rows.append(
                        {
                            "claim_id": claim_id,
                            "snapshot_id": old,
                            "start": start,
                            "end": end,
                            "quote": snap_text[start:end],
                            "prefix": snap_text[max(0, start - 32) : start],
                            "suffix": snap_text[end : end + 32],
                            "score": float(90 - 10 * rank - rng.randint(0, 9)),
                            "parts": {"lexical": 70, "numbers": 100, "matched_words": ["council", "budget"]},
                            "rank": rank,
                            "method": "lexical",
                            "pinned": False,
                            "created_at": self.now,
                        }
                    )
            conn.execute(insert(Evidence.__table__), evidence_rows)  # type: ignore[attr-defined]
            best = dict(
                conn.exec_driver_sql(
                    "SELECT claim_id, MIN(id) FROM evidence WHERE claim_id IN "
                    "(SELECT id FROM claim WHERE article_id = ?) GROUP BY claim_id",
                    (article_id,),
                ).all()
            )
            judged_ids = [c for c in claim_ids if rng.random() < judged]
            if judged_ids:
                pinned = ",".join(str(best[c]) for c in judged_ids)  # ids we generated
                conn.exec_driver_sql(f"UPDATE evidence SET pinned = 1 WHERE id IN ({pinned})")  # noqa: S608
                conn.execute(
                    insert(Verdict.__table__),  # type: ignore[attr-defined]
                    [
                        {
                            "claim_id": claim_id,
                            "label": rng.choice(LABELS),
                            "rationale": "the page gives the same figure",
                            "evidence_id": best[claim_id],
                            "checker": "bench",
                            "created_at": self.now + timedelta(days=1),
                        }
                        for claim_id in judged_ids
                    ],
                )
            verdict_of = dict(
                conn.exec_driver_sql(
                    "SELECT claim_id, MAX(id) FROM verdict WHERE claim_id IN "
                    "(SELECT id FROM claim WHERE article_id = ?) GROUP BY claim_id",
                    (article_id,),
                ).all()
            )
            run_id = conn.execute(
                insert(ReverifyRun.__table__).values(  # type: ignore[attr-defined]
                    started_at=self.now + timedelta(days=30),
                    finished_at=self.now + timedelta(days=30),
                    scope=str(article_id),
                    checker="bench",
                )
            ).inserted_primary_key[0]
            new_of = {old: new for old, new, _, _ in snapshots}
            ev_rows = {
                row[0]: row
                for row in conn.exec_driver_sql(
                    'SELECT id, snapshot_id, start, "end", quote FROM evidence WHERE pinned = 1 AND claim_id IN '
                    "(SELECT id FROM claim WHERE article_id = ?)",
                    (article_id,),
                )
            }
            check_rows = []
            stale_count = 0
            for claim_id in judged_ids:
                evidence_id, snapshot_id, start, end, quote = ev_rows[best[claim_id]]
                is_stale = rng.random() < stale
                stale_count += is_stale
                check_rows.append(
                    {
                        "run_id": run_id,
                        "evidence_id": evidence_id,
                        "claim_id": claim_id,
                        "verdict_id": verdict_of[claim_id],
                        "status": "edited" if is_stale else "intact",
                        "snapshot_id": new_of[snapshot_id],
                        "start": start,
                        "end": end,
                        "quote": quote,
                        "score": 88.0 if is_stale else 100.0,
                        "detail": {"reason": "a word changed" if is_stale else "same place", "distance": 3},
                        "checked_at": self.now + timedelta(days=30),
                    }
                )
            if check_rows:
                conn.execute(insert(EvidenceCheck.__table__), check_rows)  # type: ignore[attr-defined]
        conn.close()
        return article_id, len(claim_ids), len(judged_ids), stale_count


def generate(
    path: Path, *, claims: int = 10_000, articles: int = 200, per_article: int = 50, seed: int = 12
) -> Generated:
    """Write the benchmark database at ``path`` (a new file): article 1 holds ``claims`` claims
    (83% judged, 6% of those stale); then ``articles`` articles of ``per_article`` claims."""
    ws = Workspace.open(str(path), archive=path.parent / "archive")
    try:
        writer = _Writer(ws, random.Random(seed))
        big, n_claims, n_verdicts, n_stale = writer.article(
            claims, judged=0.83, stale=0.06, title="Long report"
        )
        total_claims, total_verdicts, total_stale = n_claims, n_verdicts, n_stale
        for i in range(articles):
            _, c, v, s = writer.article(per_article, judged=0.5, stale=0.05, title=f"Short report {i + 1}")
            total_claims += c
            total_verdicts += v
            total_stale += s
    finally:
        ws.close()
    return Generated(big, n_claims, n_verdicts, n_stale, n_verdicts, articles + 1)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("path", type=Path)
    parser.add_argument("--claims", type=int, default=10_000)
    parser.add_argument("--articles", type=int, default=200)
    parser.add_argument("--per-article", type=int, default=50)
    args = parser.parse_args()
    print(generate(args.path, claims=args.claims, articles=args.articles, per_article=args.per_article))


if __name__ == "__main__":
    main()
