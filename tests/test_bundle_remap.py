"""Bundles move an article between databases whose ids differ: every reference is re-mapped.

Database A judges the offline Contoso case (verdict history, pinned evidence, hand edits) and
re-verifies it against the second site version, so claims go stale. Database B already holds other
articles, verdicts and re-verification runs, so every id of the import is shifted. What the
checker sees for the article must not change on the way: states, verdict history, evidence, edit
trail, re-verification checks and the JSON report.
"""

from __future__ import annotations

import json
import zipfile
from dataclasses import asdict, dataclass
from datetime import date
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import func
from sqlmodel import SQLModel, col, select
from typer.testing import CliRunner, Result

from tests.conftest import LocalServer, Reply, page
from workbench.cli import app
from workbench.fetching.http import FetchPolicy
from workbench.services.articles import add_article
from workbench.services.bundles import MODELS, REFERENCES, BundleError, import_bundle
from workbench.services.cases import builtin_cases
from workbench.services.demo import load_case
from workbench.services.fetching import fetch_article
from workbench.services.matching import match_article
from workbench.services.reverify import reverify
from workbench.services.review import review_items
from workbench.services.sources import add_source, article_sources
from workbench.services.verdicts import list_claims, record_verdict, verdict_history
from workbench.services.workspace import Workspace
from workbench.storage.models import (
    ClaimEdit,
    Evidence,
    EvidenceCheck,
    ReverifyRun,
    Snapshot,
    Source,
    SourceCheck,
    Verdict,
)

LABELS = ["supported", "partly-supported", "contradicted", "misattributed", "not-in-source"]
# The environment each CLI call sees: no shared archive, so every database keeps its own beside it.
ENV: dict[str, str | None] = {
    "WORKBENCH_DB": None,
    "WORKBENCH_ARCHIVE": None,
    "WORKBENCH_DEMO_SITE": None,
    "WORKBENCH_CHECKER": "ana",
}


def cli(db: Path, *args: str, site: str | None = None) -> Result:
    env = ENV | {"WORKBENCH_DEMO_SITE": site}
    return CliRunner().invoke(app, ["--db", str(db), *args], env=env, catch_exceptions=False)


def cli_json(db: Path, *args: str) -> Any:
    result = cli(db, *args, "--json")
    assert result.exit_code == 0, result.stderr
    return json.loads(result.stdout)


def open_ws(db: Path) -> Workspace:
    ws = Workspace.open(str(db), archive=db.parent / "sources" / "archive")
    ws.policy = FetchPolicy(allow_private=True, retries=1, backoff=0.05, connect_timeout=2, read_timeout=5)
    return ws


def without_ids(doc: Any) -> Any:
    """``doc`` with every database id (a key ``id`` or ``..._id`` holding an integer) replaced by
    the order in which that id first appears under the same key path: "#0", "#1", ... Two
    databases number rows differently, so the numbers cannot match; the pattern can (the same
    evidence named twice stays the same, two different rows stay different)."""
    seen: dict[tuple[str, ...], dict[int, str]] = {}

    def walk(value: Any, path: tuple[str, ...]) -> Any:
        if isinstance(value, dict):
            out = {}
            for key, item in value.items():
                is_id = key == "id" or key.endswith("_id")
                if is_id and isinstance(item, int) and not isinstance(item, bool):
                    names = seen.setdefault((*path, key), {})
                    out[key] = names.setdefault(item, f"#{len(names)}")
                else:
                    out[key] = walk(item, (*path, key))
            return out
        if isinstance(value, list):
            return [walk(item, path) for item in value]
        return value

    return walk(doc, ())


def report(db: Path, article: str) -> Any:
    """The JSON report without ``generated_at`` (the moment of export, never the same twice)."""
    result = cli(db, "export", article, "--format", "json")
    assert result.exit_code == 0, result.stderr
    document = json.loads(result.stdout)
    del document["generated_at"]
    return without_ids(document)


@dataclass
class Judged:
    db: Path
    bundle: Path
    stale: list[int]  # positions (reading order) of the claims stale in A
    rejudged: int  # position of a claim judged again after it went stale: checked, not stale
    split: int  # position of the second part of a split claim
    deleted_text: str


@pytest.fixture(scope="module")
def judged(tmp_path_factory: pytest.TempPathFactory) -> Judged:
    """Database A: Contoso judged, edited, re-verified twice against v2; and its bundle."""
    db = tmp_path_factory.mktemp("a") / "a.db"
    assert cli(db, "demo", "--offline", "--no-tui").exit_code == 0
    claims = cli_json(db, "claims", "list", "contoso-demo")
    judged = [c for c in claims if c["best_evidence"]]
    for n, claim in enumerate(judged):
        if n % 3 == 0:  # a first look without evidence: history of two verdicts
            cli_json(db, "verdict", str(claim["id"]), "unverifiable", "--rationale", f"first look {n}")
        label = LABELS[n % len(LABELS)]
        cli_json(db, "verdict", str(claim["id"]), label, "--evidence", "best", "--rationale", f"look {n}")
    unjudged = next(c for c in claims if not c["best_evidence"])
    assert cli(db, "claims", "delete", str(unjudged["id"])).exit_code == 0
    edited = judged[1]
    cli_json(db, "claims", "edit", str(edited["id"]), "--statement", "Contoso says so, in our words.")
    to_split = judged[2]
    at = to_split["start"] + to_split["text"].index(" ", len(to_split["text"]) // 2)
    cli_json(db, "claims", "split", str(to_split["id"]), "--at", str(at))

    assert cli(db, "reverify", "contoso-demo", site="v2").exit_code in (1, 2)
    after = cli_json(db, "claims", "list", "contoso-demo")
    stale = [i for i, c in enumerate(after) if c["state"] == "stale"]
    assert len(stale) >= 2
    # judged again after the check: the check named an older verdict, so the claim is checked
    rejudged = stale.pop()
    cli_json(db, "verdict", str(after[rejudged]["id"]), "contradicted", "--rationale", "looked again")
    assert cli(db, "reverify", "contoso-demo", site="v2").exit_code in (1, 2)
    final = cli_json(db, "claims", "list", "contoso-demo")
    assert [i for i, c in enumerate(final) if c["state"] == "stale"] == stale
    assert final[rejudged]["state"] == "checked"

    bundle = db.parent / "contoso.zip"
    assert cli(db, "articles", "export-bundle", "contoso-demo", str(bundle)).exit_code == 0
    split = next(i for i, c in enumerate(final) if c["id"] not in {x["id"] for x in claims})
    return Judged(db, bundle, stale, rejudged, split, unjudged["text"])


def other_history(db: Path, server: LocalServer) -> None:
    """Database B's own data: the seed case's claims, and a judged, re-verified article of its
    own, so its articles, claims, sources, snapshots, evidence, verdicts and runs take the ids
    the import would otherwise get."""
    ws = open_ws(db)
    try:
        seed = next(c for c in builtin_cases() if c.slug == "microsoft-russia-2022")
        load_case(ws, seed, offline=True)
        server.routes["/harbour"] = Reply(
            200, page("Harbour", "The harbour authority counted 1,250 ships in the first quarter.")
        )
        article = add_article(
            ws,
            "JAKARTA - Otoritas pelabuhan mencatat 1.250 kapal pada kuartal pertama.\n",
            language="id",
            title="Pelabuhan",
            article_date=date(2024, 4, 2),
        )
        add_source(ws, article.id or 0, server.url("/harbour"))
        fetch_article(ws, article.id or 0)
        match_article(ws, article.id or 0)
        for view in list_claims(ws, article.id or 0):
            claim_id = view.claim.id or 0
            record_verdict(ws, claim_id, "supported", rationale="harbour", evidence="best")
            record_verdict(ws, claim_id, "partly-supported", rationale="harbour again", evidence="best")
        reverify(ws, article.id or 0)
    finally:
        ws.close()


def history(ws: Workspace, article: str) -> list[Any]:
    """Per claim, in reading order: every verdict with the evidence it pinned."""
    out = []
    for view in list_claims(ws, article):
        rows = []
        for verdict in verdict_history(ws, view.claim.id or 0):
            with ws.db.session() as session:
                pinned = session.get(Evidence, verdict.evidence_id) if verdict.evidence_id else None
                snapshot = session.get(Snapshot, pinned.snapshot_id) if pinned else None
                rows.append(
                    {
                        **asdict(verdict),
                        "created_at": verdict.created_at.isoformat(),
                        "pinned": pinned.model_dump(mode="json", exclude={"claim_id"}) if pinned else None,
                        "snapshot": snapshot.payload_sha256 if snapshot else None,
                    }
                )
        out.append(rows)
    return without_ids(out)


def checks(ws: Workspace, article: str) -> dict[str, Any]:
    """The re-verification record of the article: runs, source outcomes and evidence checks, each
    check with the claim (reading order) and verdict (place in the claim's history) it names."""
    with ws.db.session() as session:
        claims = list_claims(ws, article)
        position = {v.claim.id: i for i, v in enumerate(claims)}
        urls = [s.url for s in article_sources(ws, article)]
        source_rows = session.exec(
            select(SourceCheck, Source.url, ReverifyRun)
            .join(Source, col(Source.id) == col(SourceCheck.source_id))
            .join(ReverifyRun, col(ReverifyRun.id) == col(SourceCheck.run_id))
            .where(col(Source.url).in_(urls))
            .order_by(col(SourceCheck.id))
        ).all()
        evidence_rows = session.exec(
            select(EvidenceCheck, Verdict)
            .join(Verdict, col(Verdict.id) == col(EvidenceCheck.verdict_id))
            .where(col(EvidenceCheck.claim_id).in_(list(position)))
            .order_by(col(EvidenceCheck.id))
        ).all()
        order = {
            v.id: n
            for n, v in enumerate(
                session.exec(
                    select(Verdict).where(col(Verdict.claim_id).in_(list(position))).order_by(col(Verdict.id))
                ).all()
            )
        }
        snapshots = {s.id: s.payload_sha256 for s in session.exec(select(Snapshot)).all()}

        def sha(snapshot_id: int | None) -> str | None:
            return snapshots[snapshot_id] if snapshot_id is not None else None

        return without_ids(
            {
                "sources": [
                    {
                        "run_id": run.id,
                        "run": [run.started_at.isoformat(), run.checker],
                        "url": url,
                        "outcome": check.outcome,
                        "snapshot": sha(check.snapshot_id),
                        "error": check.error,
                    }
                    for check, url, run in source_rows
                ],
                "evidence": [
                    {
                        "run_id": check.run_id,
                        "claim": position[check.claim_id],
                        "verdict": [position[verdict.claim_id], order[verdict.id], verdict.label],
                        "status": check.status,
                        "snapshot": sha(check.snapshot_id),
                        "span": [check.start, check.end, check.quote],
                        "checked_at": check.checked_at.isoformat(),
                    }
                    for check, verdict in evidence_rows
                ],
            }
        )


def edit_trails(db: Path, claims: list[dict[str, Any]]) -> list[Any]:
    """Each claim's edit trail, with every claim id it holds (the row's, and those editing.py
    writes into ``detail``) given as the claim's place in reading order."""
    place = {claim["id"]: n for n, claim in enumerate(claims)}

    def by_place(value: Any, key: str, state: bool = False) -> Any:
        if isinstance(value, dict):
            return {k: by_place(v, k, state or k in ("before", "after")) for k, v in value.items()}
        if isinstance(value, list):
            return [by_place(v, key, state) for v in value]
        names_claim = key in ("claim_id", "from", "into", "merged") or (state and key == "id")
        if names_claim and isinstance(value, int):
            return f"claim at {place.get(value, 'no place')}"
        return value

    return [
        without_ids(by_place(cli_json(db, "claims", "history", str(claim["id"])), "")) for claim in claims
    ]


def reviews(ws: Workspace, article: str) -> Any:
    return without_ids(
        [json.loads(json.dumps(asdict(item), default=str)) for item in review_items(ws, article)]
    )


def test_imported_article_looks_the_same_in_another_database(
    judged: Judged, server: LocalServer, tmp_path: Path
) -> None:
    """Import into B (which holds other data), export again, import into C (the seed case only).

    Compared whole, after ``without_ids`` (database ids become the order they first appear in,
    since two databases number rows differently) and without the report's ``generated_at`` (the
    moment of export): ``claims list --json``, the JSON report, each claim's edit trail, the review
    items, verdict histories with pinned evidence, and the re-verification runs and checks."""
    b_db = tmp_path / "b" / "b.db"
    b_db.parent.mkdir()
    other_history(b_db, server)
    imported = cli_json(b_db, "articles", "import-bundle", str(judged.bundle))["article_id"]
    b_ref = str(imported)

    a_claims = cli_json(judged.db, "claims", "list", "contoso-demo")
    b_claims = cli_json(b_db, "claims", "list", b_ref)
    assert {c["id"] for c in a_claims} != {c["id"] for c in b_claims}  # the ids did shift
    # the claims stale in A are stale in B, and only they
    assert [i for i, c in enumerate(b_claims) if c["state"] == "stale"] == judged.stale
    assert b_claims[judged.rejudged]["state"] == "checked"
    assert without_ids(b_claims) == without_ids(a_claims)
    assert report(b_db, b_ref) == report(judged.db, "contoso-demo")
    assert edit_trails(b_db, b_claims) == edit_trails(judged.db, a_claims)
    split = edit_trails(b_db, b_claims)[judged.split]
    assert split[0]["detail"]["from"] == f"claim at {judged.split - 1}"  # the first part, in B

    a_ws, b_ws = open_ws(judged.db), open_ws(b_db)
    try:
        assert history(b_ws, b_ref) == history(a_ws, "contoso-demo")
        assert checks(b_ws, b_ref) == checks(a_ws, "contoso-demo")
        assert reviews(b_ws, b_ref) == reviews(a_ws, "contoso-demo")
        with b_ws.db.session() as session:  # the deleted claim's trail names no claim of B
            trail = [e for e in session.exec(select(ClaimEdit)).all() if e.claim_id is None]
        assert [e.detail["before"]["text"] for e in trail if e.action == "delete"] == [judged.deleted_text]
        assert all(e.detail["claim_id"] is None for e in trail)
    finally:
        a_ws.close()
        b_ws.close()

    again = tmp_path / "again.zip"
    assert cli(b_db, "articles", "export-bundle", b_ref, str(again)).exit_code == 0
    c_db = tmp_path / "c" / "c.db"
    c_db.parent.mkdir()
    c_ws = open_ws(c_db)
    try:
        load_case(c_ws, next(c for c in builtin_cases() if c.slug == "microsoft-russia-2022"), offline=True)
    finally:
        c_ws.close()
    c_ref = str(cli_json(c_db, "articles", "import-bundle", str(again))["article_id"])
    assert report(c_db, c_ref) == report(judged.db, "contoso-demo")
    assert without_ids(cli_json(c_db, "claims", "list", c_ref)) == without_ids(a_claims)


def test_every_foreign_key_is_remapped() -> None:
    """Each foreign key of a bundled table is in REFERENCES, naming the bundle table of its model."""
    tables = {model.__table__.name: key for key, model in MODELS.items()}  # type: ignore[attr-defined]
    for key, model in MODELS.items():
        for fk in model.__table__.foreign_keys:  # type: ignore[attr-defined]
            column = fk.parent.name
            assert column in REFERENCES.get(key, {}), f"{key}.{column} is not re-mapped"
            assert REFERENCES[key][column] == tables[fk.column.table.name]


def _tampered(bundle: Path, target: Path, change: Any) -> Path:
    with zipfile.ZipFile(bundle) as source, zipfile.ZipFile(target, "w") as out:
        for name in source.namelist():
            blob = source.read(name)
            if name == "bundle.json":
                data = json.loads(blob)
                change(data)
                blob = json.dumps(data).encode()
            out.writestr(name, blob)
    return target


def _row_counts(ws: Workspace) -> dict[str, int]:
    with ws.db.session() as session:
        return {
            table.name: session.exec(select(func.count()).select_from(table)).one()
            for table in SQLModel.metadata.sorted_tables
        }


REFERENCE_COLUMNS = [(key, column) for key, columns in REFERENCES.items() for column in columns]


@pytest.mark.parametrize(("key", "column"), REFERENCE_COLUMNS)
def test_a_reference_to_nothing_is_refused(judged: Judged, tmp_path: Path, key: str, column: str) -> None:
    """A row naming an id the bundle does not carry: a one-line error, nothing written."""

    def dangle(data: dict[str, Any]) -> None:
        rows = [r for r in data[key] if r.get(column) is not None]
        assert rows, f"the fixture's bundle has no {key}.{column} to change"
        rows[-1][column] = 987654

    bundle = _tampered(judged.bundle, tmp_path / "dangling.zip", dangle)
    target = tmp_path / "t" / "t.db"
    target.parent.mkdir()
    ws = open_ws(target)
    try:
        before = _row_counts(ws)
        with pytest.raises(BundleError, match=f"{column} 987654"):
            import_bundle(ws, bundle)
        assert _row_counts(ws) == before
        assert not ws.archive.root.exists() or list(ws.archive.root.rglob("*.warc.gz")) == []
    finally:
        ws.close()
    result = cli(target, "articles", "import-bundle", str(bundle))
    assert result.exit_code == 2
    assert len(result.stderr.strip().splitlines()) == 1 and "987654" in result.stderr


def test_a_source_link_to_nothing_is_refused(judged: Judged, tmp_path: Path) -> None:
    bundle = _tampered(
        judged.bundle, tmp_path / "dangling.zip", lambda data: data["article_sources"].append(987654)
    )
    ws = open_ws(tmp_path / "t.db")
    try:
        before = _row_counts(ws)
        with pytest.raises(BundleError, match="987654"):
            import_bundle(ws, bundle)
        assert _row_counts(ws) == before
    finally:
        ws.close()


def test_a_bundle_from_before_runs_travelled_keeps_the_states(judged: Judged, tmp_path: Path) -> None:
    """Older bundles carry checks but not their runs: the checks go into one run, and the verdict
    each check names is still re-mapped, so the stale claims stay stale."""

    def older(data: dict[str, Any]) -> None:
        del data["runs"], data["source_checks"]

    bundle = _tampered(judged.bundle, tmp_path / "older.zip", older)
    ws = open_ws(tmp_path / "t.db")
    try:
        other = add_article(ws, "JAKARTA - Artikel lain dengan 3 klaim.\n", language="id")
        record_verdict(ws, list_claims(ws, other.id or 0)[0].claim.id or 0, "unverifiable")
        article_id = import_bundle(ws, bundle)
        states = [str(view.state) for view in list_claims(ws, article_id)]
        assert [i for i, state in enumerate(states) if state == "stale"] == judged.stale
        with ws.db.session() as session:
            assert [r.scope for r in session.exec(select(ReverifyRun)).all()] == ["imported from older.zip"]
    finally:
        ws.close()
