"""Reports in every format; fetched and article text stays data, never markup or formulas."""

from __future__ import annotations

import csv
import io
import json
import re

import pytest

from workbench.services.articles import add_article
from workbench.services.demo import load_builtin_cases
from workbench.services.reports import UnknownFormat, export_article
from workbench.services.verdicts import list_claims, record_verdict
from workbench.services.workspace import Workspace

HOSTILE = (
    'JAKARTA - Direktur <script>alert("x")</script> mengatakan 30 persen karyawan '
    '[klik](http://evil.example) pindah pada Senin.\n=HYPERLINK("http://evil.example") kata dia.\n'
)


def _judged(ws: Workspace) -> int:
    load_builtin_cases(ws, offline=True)
    views = list_claims(ws, "contoso-demo")
    record_verdict(
        ws, views[0].claim.id or 0, "supported", rationale="matches <b>the page</b>", evidence="best"
    )
    record_verdict(ws, views[1].claim.id or 0, "unverifiable", rationale="cannot tell")
    return views[0].claim.article_id


def test_json_report_has_every_claim_and_the_tally(workspace: Workspace) -> None:
    article_id = _judged(workspace)
    data = json.loads(export_article(workspace, article_id, "json"))
    assert data["schema"] == "workbench-report/1"
    assert len(data["claims"]) == len(list_claims(workspace, article_id))
    assert data["tally"]["supported"] == 1 and data["tally"]["unverifiable"] == 1
    first = data["claims"][0]
    assert first["verdict"]["label"] == "supported" and first["evidence"]["pinned"] is True
    assert first["evidence"]["archive_record"] == first["evidence"]["snapshot"]["sha256"]
    assert first["evidence"]["warc_record_id"].startswith("<urn:uuid:")
    # a machine draft is never given as the statement
    assert all(c["statement"] is None for c in data["claims"] if c["machine_draft"])


def test_claimreview_uses_the_published_mapping(workspace: Workspace) -> None:
    article_id = _judged(workspace)
    items = json.loads(export_article(workspace, article_id, "claimreview"))
    assert [i["reviewRating"]["alternateName"] for i in items] == ["Supported", "Unverifiable"]
    supported, unverifiable = items
    rating = supported["reviewRating"]
    assert rating["worstRating"] <= rating["ratingValue"] <= rating["bestRating"]
    assert "ratingValue" not in unverifiable["reviewRating"]  # no place on the scale
    assert all(i["@type"] == "ClaimReview" for i in items)
    indonesian = json.loads(export_article(workspace, article_id, "claimreview", lang="id"))
    assert [i["reviewRating"]["alternateName"] for i in indonesian] == [
        "Didukung sumber",
        "Tidak dapat diverifikasi",
    ]


def test_html_and_csv_escape_hostile_text(workspace: Workspace) -> None:
    article = add_article(workspace, HOSTILE, title="<i>Judul</i>", language="id")
    claim = list_claims(workspace, article.id or 0)[0]
    record_verdict(workspace, claim.claim.id or 0, "not-in-source", rationale='<img src=x onerror="y">')
    page = export_article(workspace, article.id or 0, "html")
    assert "<i>Judul" not in page and "<img" not in page
    assert page.count("<script") == 1  # the ClaimReview data block only
    assert "&lt;script&gt;" in page and "&lt;img" in page
    rows = list(csv.DictReader(io.StringIO(export_article(workspace, article.id or 0, "csv"))))
    assert rows and all(not str(v).startswith(("=", "+", "@")) for row in rows for v in row.values())
    markdown = export_article(workspace, article.id or 0, "md")
    assert "[klik](http" not in markdown


def test_excel_csv_has_a_byte_order_mark_and_semicolons(workspace: Workspace) -> None:
    article_id = _judged(workspace)
    document = export_article(workspace, article_id, "csv", excel=True)
    assert document.startswith("\ufeffclaim_id;number;kind;")
    rows = list(csv.DictReader(io.StringIO(document.removeprefix("\ufeff")), delimiter=";"))
    assert rows[0]["verdict"] == "supported" and rows[0]["evidence_copy"] == "live"
    assert "1,5 miliar" in document  # the decimal comma stays inside its cell


def test_report_language_changes_headings_and_names(workspace: Workspace) -> None:
    article_id = _judged(workspace)
    indonesian = export_article(workspace, article_id, "md", lang="id")
    assert "# Laporan cek fakta:" in indonesian and "**Penilaian: Didukung sumber**" in indonesian
    english = export_article(workspace, article_id, "md")
    assert "# Fact-check report:" in english and "**Verdict: Supported**" in english
    html = export_article(workspace, article_id, "html", lang="id")
    assert '<html lang="id">' in html and "Tidak dapat diverifikasi" in html


def test_unknown_format_is_refused(workspace: Workspace) -> None:
    _judged(workspace)
    with pytest.raises(UnknownFormat, match="docx"):
        export_article(workspace, "contoso-demo", "docx")


def test_claimreview_without_settings_warns_and_names_reviews_by_urn(
    workspace: Workspace, cli_env: dict[str, str], monkeypatch: pytest.MonkeyPatch
) -> None:
    from typer.testing import CliRunner

    from workbench.cli import app

    monkeypatch.delenv("WORKBENCH_ORG", raising=False)
    monkeypatch.delenv("WORKBENCH_REVIEW_URL", raising=False)
    _judged(workspace)
    result = CliRunner().invoke(app, ["export", "contoso-demo", "--format", "claimreview"])
    assert result.exit_code == 0, result.stderr
    items = json.loads(result.stdout)
    assert all(re.fullmatch(r"urn:workbench:claimreview:[0-9a-f]{16}:\d+-\d+", i["url"]) for i in items)
    assert items[0]["author"]["@type"] == "Person"  # no organisation to name
    assert "WORKBENCH_REVIEW_URL is not set" in result.stderr and "WORKBENCH_ORG is not set" in result.stderr
    monkeypatch.setenv("WORKBENCH_ORG", "Desk")
    monkeypatch.setenv("WORKBENCH_REVIEW_URL", "https://desk.example/{article}/{claim}")
    result = CliRunner().invoke(app, ["export", "contoso-demo", "--format", "claimreview"])
    items = json.loads(result.stdout)
    assert (
        items[0]["url"].startswith("https://desk.example/contoso-demo/")
        and "WORKBENCH_ORG" not in result.stderr
    )
    assert items[0]["author"] == {
        "@type": "Organization",
        "name": "Desk",
        "member": {"@type": "Person", "name": "tester"},
    }
    result = CliRunner().invoke(app, ["export", "contoso-demo", "--format", "md", "--excel"])
    assert result.exit_code == 2 and "--excel" in result.stderr
