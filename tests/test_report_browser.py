"""The HTML report rendered in headless Chromium: it loads nothing from anywhere, logs no error,
draws, and prints. ``WORKBENCH_UPDATE_GOLDEN=1`` also writes the first screen to
docs/report-example.png."""

from __future__ import annotations

import os
import re
from pathlib import Path

from tests.chromium import render
from tests.conftest import REPO, LocalServer, Reply
from tests.report_case import (
    JudgedCase,
    judged_case_fixture,  # noqa: F401 - the judged_case fixture
)
from workbench.services.reports import export_article

PNG = b"\x89PNG\r\n\x1a\n"


def _pages(pdf: bytes) -> int:
    return len(re.findall(rb"/Type\s*/Page(?![s\w])", pdf))


def test_the_watcher_sees_requests_and_errors(tmp_path: Path, server: LocalServer) -> None:
    """The same rendering catches a page that loads something and logs an error (else the test
    below would pass for a blind browser)."""
    server.routes["/pixel.png"] = Reply(404, b"", {"Content-Type": "image/png"})
    bad = tmp_path / "bad.html"
    bad.write_text(
        f'<!doctype html><title>bad</title><img src="{server.url("/pixel.png")}">'
        '<script>console.error("from the page")</script>',
        encoding="utf-8",
    )
    run = render(bad, tmp_path / "profile")
    assert server.url("/pixel.png") in run.requests
    assert any("from the page" in line for line in run.console)


def test_html_report_renders_alone_and_prints(judged_case: JudgedCase, tmp_path: Path) -> None:
    page = tmp_path / "report.html"
    page.write_text(export_article(judged_case.ws, judged_case.article_id, "html"), encoding="utf-8")
    run = render(page, tmp_path / "profile")
    assert run.requests == [page.resolve().as_uri()]  # the page itself, nothing else
    assert run.console == []
    assert run.title == "Fact-check report: Contoso resmikan pusat data pertamanya di Indonesia"
    assert run.screenshot.startswith(PNG) and len(run.screenshot) > 20_000  # something was drawn
    assert run.pdf.startswith(b"%PDF") and _pages(run.pdf) >= 2
    if os.environ.get("WORKBENCH_UPDATE_GOLDEN") == "1":
        (REPO / "docs" / "report-example.png").write_bytes(run.screenshot)
    assert (REPO / "docs" / "report-example.png").read_bytes().startswith(PNG)
