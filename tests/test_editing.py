"""Hand edits of claims: exact offsets on awkward text, the audit trail, verdicts kept, edits and
deletions surviving re-extraction, and the CLI contract."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path
from typing import Any

import pytest
from sqlmodel import select
from typer.testing import CliRunner

from workbench.cli import app
from workbench.services.articles import add_article, reextract_claims
from workbench.services.cases import builtin_cases
from workbench.services.claim_spans import find_text
from workbench.services.demo import load_case
from workbench.services.editing import (
    EditRefused,
    add_claim,
    claim_history,
    confirm_statement,
    delete_claim,
    edit_claim,
    merge_claims,
    split_claim,
)
from workbench.services.verdicts import list_claims, record_verdict
from workbench.services.workspace import NotFound, Workspace
from workbench.storage.models import Article, Claim, Evidence, FetchAttempt, Snapshot, Source

# Curly apostrophe, dotted capital I (two code points when lowercased), emoji, CRLF line endings.
TEXT = (
    "JAKARTA - Pemerintah menyalurkan bantuan Rp 5 miliar pada Jum’at, 28 Februari lalu.\r\n"
    "Menteri İbrahim 🙂 mengatakan, “Kami sudah membangun 40 sekolah di Papua dan 12 klinik.”\r\n"
    "Ia menambahkan bahwa 3 jembatan di Sorong selesai dibangun tahun ini.\r\n"
)
ARTICLE_DATE = dt.date(2022, 3, 2)


@pytest.fixture
def article(workspace: Workspace) -> Article:
    return add_article(workspace, TEXT, title="Bantuan", language="id", article_date=ARTICLE_DATE)


def claims_of(ws: Workspace, article: Article) -> list[Claim]:
    return [v.claim for v in list_claims(ws, article.id or 0)]


def span_of(needle: str) -> tuple[int, int]:
    start = TEXT.index(needle)
    return start, start + len(needle)


def assert_exact(claims: list[Claim]) -> None:
    for claim in claims:
        assert claim.text == TEXT[claim.start : claim.end]
        assert claim.text == claim.text.strip()
    assert [c.position for c in claims] == list(range(len(claims)))


def add_evidence(ws: Workspace, claim_id: int, *, pinned: bool) -> int:
    with ws.db.session() as session:
        source = session.exec(select(Source)).first() or Source(url="https://example.org/a")
        session.add(source)
        session.flush()
        snapshot = Snapshot(
            source_id=source.id or 0,
            requested_url=source.url,
            final_url=source.url,
            status=200,
            payload_sha256="0" * 64,
            text_sha256="0" * 64,
            text="Evidence text.",
        )
        session.add(snapshot)
        session.flush()
        evidence = Evidence(
            claim_id=claim_id, snapshot_id=snapshot.id or 0, start=0, end=8, quote="Evidence", pinned=pinned
        )
        session.add(evidence)
        session.flush()
        return evidence.id or 0


def evidence_ids(ws: Workspace, claim_id: int) -> set[int]:
    with ws.db.session() as session:
        return {e.id or 0 for e in session.exec(select(Evidence).where(Evidence.claim_id == claim_id)).all()}


# --- add -----------------------------------------------------------------------------------------


def test_add_a_claim_by_span_keeps_exact_offsets_and_parses_numbers_and_dates(
    workspace: Workspace, article: Article
) -> None:
    start, end = span_of("bantuan Rp 5 miliar pada Jum’at, 28 Februari lalu")
    # One space before the span and ".\r\n" after it: whitespace is trimmed, the full stop kept.
    result = add_claim(workspace, article.id or 0, start - 1, end + 3, editor="ana")
    (claim,) = result.claims
    assert claim.origin == "manual" and not claim.edited
    assert claim.text == TEXT[claim.start : claim.end] == "bantuan Rp 5 miliar pada Jum’at, 28 Februari lalu."
    assert claim.kind == "date"
    assert [d["date"] for d in claim.dates] == ["2022-02-28"] and "Jum’at" in claim.dates[0]["text"]
    assert any(n["value"] == 5_000_000_000 for n in claim.numbers)
    assert claim.statement_is_draft and claim.statement  # drafted by the lexicon
    (row,) = claim_history(workspace, claim.id or 0)
    assert row.action == "add" and row.editor == "ana" and row.detail["after"]["text"] == claim.text
    assert_exact(claims_of(workspace, article))


def test_added_span_inside_a_quotation_is_a_quote_with_its_speaker(
    workspace: Workspace, article: Article
) -> None:
    claim = add_claim(workspace, article.id or 0, *span_of("membangun 40 sekolah"), editor="ana").claims[0]
    assert claim.kind == "quote" and claim.speaker and "İbrahim" in claim.speaker
    assert [n["value"] for n in claim.numbers] == [40]


def test_added_span_with_emoji_and_dotted_capital_and_given_kind(
    workspace: Workspace, article: Article
) -> None:
    start, end = span_of("Menteri İbrahim 🙂")
    claim = add_claim(
        workspace, article.id or 0, start, end, kind="attribution", statement="Ibrahim is a minister"
    ).claims[0]
    assert (claim.start, claim.end, claim.text) == (start, end, "Menteri İbrahim 🙂")
    assert claim.kind == "attribution" and claim.statement == "Ibrahim is a minister"
    assert not claim.statement_is_draft


@pytest.mark.parametrize(
    ("start", "end", "message"),
    [
        (-1, 5, "not inside"),
        (5, 5, "not inside"),
        (0, len(TEXT) + 1, "not inside"),
        (TEXT.index("\r\n"), TEXT.index("\r\n") + 2, "whitespace"),
    ],
)
def test_add_refuses_bad_spans(
    workspace: Workspace, article: Article, start: int, end: int, message: str
) -> None:
    with pytest.raises(ValueError, match=message):
        add_claim(workspace, article.id or 0, start, end)


def test_add_refuses_a_duplicate_span_and_an_unknown_kind(workspace: Workspace, article: Article) -> None:
    existing = claims_of(workspace, article)[0]
    with pytest.raises(ValueError, match=f"claim {existing.id} already covers"):
        add_claim(workspace, article.id or 0, existing.start, existing.end)
    with pytest.raises(ValueError, match="unknown kind 'rumour'"):
        add_claim(workspace, article.id or 0, *span_of("Sorong"), kind="rumour")
    with pytest.raises(NotFound):
        add_claim(workspace, "no-such-article", 0, 5)


def test_find_text_finds_one_occurrence_and_lists_ambiguous_ones() -> None:
    assert find_text(TEXT, "İbrahim 🙂") == span_of("İbrahim 🙂")
    with pytest.raises(ValueError, match=r"occurs \d+ times \(at \d+, \d+"):
        find_text(TEXT, "an")
    with pytest.raises(ValueError, match="does not occur"):
        find_text(TEXT, "Surabaya")


# --- edit and confirm ----------------------------------------------------------------------------


def test_edit_statement_is_confirmed_and_audited(workspace: Workspace, article: Article) -> None:
    claim = claims_of(workspace, article)[0]
    result = edit_claim(
        workspace, claim.id or 0, statement="  The government gave Rp 5 billion  ", editor="budi"
    )
    edited = result.claims[0]
    assert edited.statement == "The government gave Rp 5 billion"
    assert not edited.statement_is_draft and edited.edited and edited.origin == "extracted"
    (row,) = claim_history(workspace, claim.id or 0)
    assert row.editor == "budi" and row.action == "edit"
    assert row.detail["before"]["statement"] == claim.statement
    assert row.detail["after"]["statement"] == "The government gave Rp 5 billion"


def test_edit_span_rereads_the_text_and_drops_unpinned_evidence(
    workspace: Workspace, article: Article
) -> None:
    claim = claims_of(workspace, article)[0]
    loose = add_evidence(workspace, claim.id or 0, pinned=False)
    pinned = add_evidence(workspace, claim.id or 0, pinned=True)
    start, end = span_of("Pemerintah menyalurkan bantuan Rp 5 miliar")
    edited = edit_claim(workspace, claim.id or 0, end=end + 1, editor="ana").claims[
        0
    ]  # trailing space trimmed
    assert (edited.start, edited.end) == (start, end) == (claim.start, end)
    assert edited.text == TEXT[start:end] and edited.dates == [] and edited.kind == "number"
    assert edited.statement_is_draft and edited.statement != claim.statement  # a draft is re-drafted
    assert evidence_ids(workspace, claim.id or 0) == {pinned} and loose not in evidence_ids(
        workspace, claim.id or 0
    )


def test_edit_kind_and_speaker_and_refusals(workspace: Workspace, article: Article) -> None:
    quote = next(c for c in claims_of(workspace, article) if c.kind == "quote")
    edited = edit_claim(workspace, quote.id or 0, speaker="Ibrahim Yusuf", editor="ana").claims[0]
    assert edited.speaker == "Ibrahim Yusuf" and edited.kind == "quote"
    event = edit_claim(workspace, quote.id or 0, kind="event").claims[0]
    assert event.kind == "event"
    with pytest.raises(ValueError, match="nothing to change"):
        edit_claim(workspace, quote.id or 0)
    with pytest.raises(ValueError, match="empty"):
        edit_claim(workspace, quote.id or 0, statement="   ")
    with pytest.raises(ValueError, match="not inside"):
        edit_claim(workspace, quote.id or 0, start=10_000)
    with pytest.raises(NotFound):
        edit_claim(workspace, 9999, statement="x")
    unchanged = edit_claim(workspace, quote.id or 0, kind="event")
    assert unchanged.notes and "nothing changed" in unchanged.notes[0]
    assert len(claim_history(workspace, quote.id or 0)) == 2


def test_confirm_statement_clears_the_draft_flag_once(workspace: Workspace, article: Article) -> None:
    claim = claims_of(workspace, article)[0]
    assert claim.statement_is_draft
    confirmed = confirm_statement(workspace, claim.id or 0, "ana").claims[0]
    assert not confirmed.statement_is_draft and confirmed.edited and confirmed.statement == claim.statement
    again = confirm_statement(workspace, claim.id or 0, "ana")
    assert "already confirmed" in again.notes[0]
    assert [r.editor for r in claim_history(workspace, claim.id or 0)] == ["ana"]


# --- split and merge -----------------------------------------------------------------------------


def test_split_keeps_exact_trimmed_spans_and_the_verdict_on_the_first_part(
    workspace: Workspace, article: Article
) -> None:
    claim = claims_of(workspace, article)[0]
    record_verdict(workspace, claim.id or 0, "supported", checker="ana")
    at = TEXT.index(" pada Jum’at")
    result = split_claim(workspace, claim.id or 0, at, "budi")
    first, second = result.claims
    assert first.id == claim.id and (first.start, first.end) == (claim.start, at)
    assert second.text == "pada Jum’at, 28 Februari lalu" == TEXT[second.start : second.end]
    assert second.start == at + 1 and second.end == claim.end
    assert second.origin == "manual" and first.edited and second.kind == "date"
    assert any("verdict stays on claim" in n for n in result.notes)
    views = {v.claim.id: v for v in list_claims(workspace, article.id or 0)}
    assert views[first.id].verdict is not None and views[second.id].verdict is None
    assert_exact(claims_of(workspace, article))
    assert [r.action for r in claim_history(workspace, second.id or 0)] == ["split"]
    with pytest.raises(ValueError, match="not inside claim"):
        split_claim(workspace, first.id or 0, first.end, "budi")


def test_merge_covers_both_spans_and_keeps_the_judged_claim(workspace: Workspace, article: Article) -> None:
    first, quote, third = claims_of(workspace, article)[:3]
    record_verdict(workspace, quote.id or 0, "unverifiable", checker="ana")
    pinned = add_evidence(workspace, third.id or 0, pinned=True)
    result = merge_claims(workspace, quote.id or 0, third.id or 0, "budi")
    (merged,) = result.claims
    assert merged.id == quote.id and result.removed == [third.id]
    assert (merged.start, merged.end) == (quote.start, third.end) and merged.text == TEXT[
        quote.start : third.end
    ]
    assert pinned in evidence_ids(workspace, quote.id or 0)
    # Only the second of a pair is judged: it survives instead of being merged away.
    record_verdict(workspace, first.id or 0, "supported", checker="ana")
    with pytest.raises(EditRefused, match="both have verdicts"):
        merge_claims(workspace, first.id or 0, quote.id or 0, "budi")
    history = claim_history(workspace, third.id or 0)
    assert [r.action for r in history] == ["merge"] and history[0].detail["into"] == quote.id
    assert_exact(claims_of(workspace, article))


def test_merge_refusals(workspace: Workspace, article: Article) -> None:
    claim = claims_of(workspace, article)[0]
    other = add_article(workspace, "Another article says 7 ships sailed on Monday.", language="en")
    other_claim = claims_of(workspace, other)[0]
    with pytest.raises(ValueError, match="itself"):
        merge_claims(workspace, claim.id or 0, claim.id or 0)
    with pytest.raises(ValueError, match="different articles"):
        merge_claims(workspace, claim.id or 0, other_claim.id or 0)


def test_merging_into_a_judged_second_claim_keeps_its_id(workspace: Workspace, article: Article) -> None:
    first, second = claims_of(workspace, article)[:2]
    record_verdict(workspace, second.id or 0, "supported", checker="ana")
    result = merge_claims(workspace, first.id or 0, second.id or 0, "budi")
    assert result.claims[0].id == second.id and result.removed == [first.id]
    assert result.claims[0].start == first.start


# --- delete and re-extraction --------------------------------------------------------------------


def test_delete_is_refused_for_a_judged_claim(workspace: Workspace, article: Article) -> None:
    claim = claims_of(workspace, article)[0]
    record_verdict(workspace, claim.id or 0, "supported", checker="ana")
    with pytest.raises(EditRefused, match="has a verdict"):
        delete_claim(workspace, claim.id or 0, "budi")
    assert claim.id in {c.id for c in claims_of(workspace, article)}


def test_hand_edits_survive_reextraction(workspace: Workspace, article: Article) -> None:
    before = claims_of(workspace, article)
    assert len(before) >= 3
    doomed, edited, judged = before[0], before[1], before[2]
    delete_claim(workspace, doomed.id or 0, "ana")
    edit_claim(workspace, edited.id or 0, statement="We built 40 schools", editor="ana")
    record_verdict(workspace, judged.id or 0, "supported", checker="ana")
    added = add_claim(workspace, article.id or 0, *span_of("Menteri İbrahim"), editor="ana").claims[0]
    report = reextract_claims(workspace, article.id or 0)
    assert report.added == 0 and report.kept == 3 and report.removed == []
    after = {c.id: c for c in claims_of(workspace, article)}
    assert doomed.id not in after
    assert not any((c.start, c.end) == (doomed.start, doomed.end) for c in after.values())
    assert after[edited.id].statement == "We built 40 schools" and after[edited.id].edited
    assert judged.id in after and added.id in after
    assert_exact(list(after.values()))
    history = claim_history(workspace, doomed.id or 0)
    assert [r.action for r in history] == ["delete"] and history[0].claim_id is None
    assert history[0].detail["vacated"] == [doomed.start, doomed.end]
    # Twice is the same as once.
    assert reextract_claims(workspace, article.id or 0).added == 0


def test_history_of_an_unknown_claim_is_not_found(workspace: Workspace) -> None:
    with pytest.raises(NotFound):
        claim_history(workspace, 12345)


# --- CLI -----------------------------------------------------------------------------------------

runner = CliRunner()


def run(*args: str) -> tuple[int, str, str]:
    result = runner.invoke(app, list(args), catch_exceptions=False)
    return result.exit_code, result.stdout, result.stderr


@pytest.fixture
def cli_article(cli_env: dict[str, str], tmp_path: Path) -> int:
    path = tmp_path / "article.txt"
    path.write_bytes(TEXT.encode("utf-8"))
    code, out, err = run("articles", "add", str(path), "--lang", "id", "--date", "2022-03-02", "--json")
    assert code == 0, err
    return int(json.loads(out)["id"])


def test_cli_edit_add_split_merge_delete_history(cli_article: int) -> None:
    code, out, _ = run("claims", "list", str(cli_article), "--json")
    claims = json.loads(out)
    first = claims[0]["id"]
    code, out, err = run("claims", "edit", str(first), "--statement", "Aid of Rp 5 billion", "--json")
    assert code == 0, err
    result = json.loads(out)
    assert set(result) == {"action", "claims", "removed", "notes"} and result["action"] == "edit"
    assert result["claims"][0]["statement"] == "Aid of Rp 5 billion"
    assert not result["claims"][0]["statement_is_draft"]

    code, out, err = run("claims", "add", str(cli_article), "--text", "İbrahim 🙂", "--json")
    assert code == 0, err
    added = json.loads(out)["claims"][0]
    assert (
        TEXT[added["start"] : added["end"]] == added["text"] == "İbrahim 🙂" and added["origin"] == "manual"
    )
    code, out, err = run("claims", "add", str(cli_article), "--text", "an")
    assert code == 2 and out == "" and err.count("\n") == 1 and "occurs" in err and "give --start" in err
    code, _, err = run("claims", "add", str(cli_article), "--start", "5", "--end", "4")
    assert code == 2 and "not inside" in err

    at = TEXT.index(" pada Jum’at")
    code, out, err = run("claims", "split", str(first), "--at", str(at), "--json")
    assert code == 0, err
    parts = json.loads(out)["claims"]
    assert parts[0]["id"] == first and all(TEXT[p["start"] : p["end"]] == p["text"] for p in parts)
    code, out, err = run("claims", "merge", str(first), str(parts[1]["id"]), "--json")
    assert code == 0, err
    assert json.loads(out)["removed"] == [parts[1]["id"]]

    code, out, _ = run("claims", "history", str(first), "--json")
    history = json.loads(out)
    assert [h["action"] for h in history] == ["edit", "split", "merge"]
    assert {h["editor"] for h in history} == {"tester"}
    assert set(history[0]) == {"id", "claim_id", "article_id", "action", "detail", "editor", "created_at"}

    code, _, err = run("verdict", str(first), "supported")
    assert code == 0, err
    code, out, err = run("claims", "delete", str(first))
    assert code == 2 and out == "" and "has a verdict" in err
    code, out, err = run("claims", "delete", str(added["id"]), "--editor", "citra", "--json")
    assert code == 0 and json.loads(out)["removed"] == [added["id"]]
    code, out, _ = run("claims", "history", str(added["id"]), "--json")
    assert [h["editor"] for h in json.loads(out)] == ["tester", "citra"]


def test_cli_reextract_and_confirm(cli_article: int) -> None:
    code, out, _ = run("claims", "list", str(cli_article), "--json")
    claim = json.loads(out)[-1]
    code, out, err = run("claims", "edit", str(claim["id"]), "--confirm", "--json")
    assert code == 0, err
    assert json.loads(out)["claims"][0]["statement_is_draft"] is False
    code, out, err = run("claims", "reextract", str(cli_article), "--json")
    assert code == 0, err
    assert json.loads(out) == {"kept": 3, "updated": 0, "added": 0, "removed": []}
    code, _, err = run("claims", "edit", str(claim["id"]))
    assert code == 2 and "nothing to change" in err
    code, _, err = run("claims", "edit", "99999", "--statement", "x")
    assert code == 2 and err.strip() == "error: no claim with id 99999"
    code, _, err = run("claims", "edit", str(claim["id"]), "--kind", "rumour")
    assert code == 2 and "unknown kind" in err


@pytest.fixture
def contoso(cli_env: dict[str, str], workspace: Workspace) -> str:
    """The offline case, fetched (through the mounted transport) and matched; its article text."""
    case = next(c for c in builtin_cases() if c.slug == "contoso-demo")
    load_case(workspace, case, offline=True)
    return case.read_text()


def listed(article: str) -> dict[int, dict[str, Any]]:
    code, out, err = run("claims", "list", article, "--json")
    assert code == 0, err
    return {c["id"]: c for c in json.loads(out)}


def fetch_attempts(ws: Workspace) -> int:
    with ws.db.session() as session:
        return len(session.exec(select(FetchAttempt.id)).all())


def test_hand_edits_rank_evidence_at_once_against_the_stored_snapshots(
    contoso: str, workspace: Workspace
) -> None:
    by_text = {c["text"]: c["id"] for c in listed("contoso-demo").values()}

    def claim_at(prefix: str) -> int:
        (found,) = [i for text, i in by_text.items() if text.startswith(prefix)]
        return found

    attempts = fetch_attempts(workspace)
    edited = claim_at("Dalam siaran persnya, Contoso")
    code, _, err = run(
        "claims", "edit", str(edited), "--statement", "Contoso works with over 20 local partners"
    )
    assert code == 0, err
    to_split = claim_at("Fasilitas berkapasitas 30 megawatt")
    code, out, err = run(
        "claims", "split", str(to_split), "--at", str(contoso.index(" itu dibangun")), "--json"
    )
    assert code == 0, err
    part = json.loads(out)["claims"][1]["id"]
    code, out, err = run(
        "claims", "merge", str(claim_at("Kami tidak datang")), str(claim_at("Kami datang untuk"))
    )
    assert code == 0, err
    code, out, err = run(
        "claims", "add", "contoso-demo", "--text", "Contoso Cloud Indonesia Central", "--json"
    )
    assert code == 0, err
    added = json.loads(out)["claims"][0]["id"]
    changed = [edited, to_split, part, claim_at("Kami tidak datang"), added]

    now = listed("contoso-demo")
    assert all(now[i]["best_evidence"] is not None for i in changed), {i: now[i]["text"] for i in changed}
    assert fetch_attempts(workspace) == attempts  # ranked offline, from what was stored
    # What a full `match` would have found for the new wordings: the same passages, the same scores.
    code, _, err = run("match", "contoso-demo")
    assert code == 0, err
    matched = listed("contoso-demo")
    for i in changed:
        ours, theirs = now[i]["best_evidence"], matched[i]["best_evidence"]
        assert (ours["quote"], ours["score"]) == (theirs["quote"], theirs["score"]), now[i]["text"]


@pytest.mark.parametrize("command", ["edit", "split", "merge", "add", "delete", "history", "reextract"])
def test_every_editing_command_has_help(command: str) -> None:
    code, out, _ = run("claims", command, "--help")
    assert code == 0 and "Usage" in out
