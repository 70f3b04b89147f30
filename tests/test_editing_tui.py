"""Hand editing through the real app: edit a statement, add a claim by selection, split, delete."""

from __future__ import annotations

import datetime as dt

import pytest
from textual.pilot import Pilot
from textual.widgets import DataTable, Input, TextArea

from tests.conftest import settle
from workbench.services.articles import add_article
from workbench.services.editing import claim_history
from workbench.services.verdicts import list_claims, record_verdict
from workbench.services.workspace import Workspace
from workbench.storage.models import Article
from workbench.tui.app import WorkbenchApp
from workbench.tui.screens.claim_edit import (
    ClaimEditDialog,
    ConfirmDialog,
    SpanPicker,
    location_to_offset,
    offset_to_location,
)
from workbench.tui.screens.claims import ClaimsScreen

TEXT = (
    "JAKARTA - Pemerintah menyalurkan bantuan Rp 5 miliar pada Jum’at, 28 Februari lalu.\r\n"
    "Menteri İbrahim 🙂 mengatakan, “Kami sudah membangun 40 sekolah di Papua dan 12 klinik.”\r\n"
    "Ia menambahkan bahwa 3 jembatan di Sorong selesai dibangun tahun ini.\r\n"
)


@pytest.fixture
def article(workspace: Workspace) -> Article:
    return add_article(workspace, TEXT, title="Bantuan", language="id", article_date=dt.date(2022, 3, 2))


@pytest.mark.parametrize(
    "text",
    [TEXT, "a\nb\r\nc\rd", "İ🙂\u2028x\n", "", "one line", "ends\n", "x\n\n\ny"],
)
def test_textarea_locations_and_offsets_agree_with_textual(text: str) -> None:
    from textual.document._document import Document

    for row, line in enumerate(Document(text).lines):
        for column in range(len(line) + 1):
            offset = location_to_offset(text, (row, column))
            line_start = offset - column
            assert text[line_start:offset] == line[:column]
            assert len(text[:line_start].splitlines()) == row  # exactly ``row`` lines before it
            assert offset_to_location(text, offset) == (row, column)


async def _open_claims(app: WorkbenchApp, pilot: Pilot[None]) -> ClaimsScreen:
    await settle(app, pilot)
    await pilot.press("enter")
    await settle(app, pilot)
    screen = app.screen
    assert isinstance(screen, ClaimsScreen)
    return screen


async def test_edit_a_statement_and_add_a_claim(
    workspace: Workspace, article: Article, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("WORKBENCH_CHECKER", "tui-tester")
    app = WorkbenchApp(workspace)
    async with app.run_test(size=(120, 40)) as pilot:
        screen = await _open_claims(app, pilot)
        first = screen.current
        assert first is not None
        await pilot.press("E")
        await pilot.pause()
        assert isinstance(app.screen, ClaimEditDialog)
        app.screen.query_one("#edit-statement", Input).value = "The government gave 5 billion rupiah"
        app.screen.query_one("#edit-statement", Input).focus()
        await pilot.press("enter")
        await settle(app, pilot)
        assert isinstance(app.screen, ClaimsScreen)

        await pilot.press("A")
        await pilot.pause()
        picker = app.screen
        assert isinstance(picker, SpanPicker)
        wanted = "Menteri İbrahim 🙂"
        start = TEXT.index(wanted)
        picker.select(start, start + len(wanted))
        assert picker.query_one(TextArea).selected_text == wanted
        await pilot.press("enter")
        await settle(app, pilot)
        assert isinstance(app.screen, ClaimsScreen)
        table = screen.query_one("#claims-table", DataTable)
        assert table.row_count == len(list_claims(workspace, article.id or 0))
    views = {v.claim.id: v.claim for v in list_claims(workspace, article.id or 0)}
    edited = views[first.claim.id]
    assert edited.statement == "The government gave 5 billion rupiah"
    assert not edited.statement_is_draft and edited.edited
    assert claim_history(workspace, first.claim.id or 0)[-1].editor == "tui-tester"
    added = next(c for c in views.values() if c.origin == "manual")
    assert added.text == wanted == TEXT[added.start : added.end]


async def test_split_and_refused_delete(workspace: Workspace, article: Article) -> None:
    views = list_claims(workspace, article.id or 0)
    judged = views[0].claim
    record_verdict(workspace, judged.id or 0, "supported", checker="ana")
    app = WorkbenchApp(workspace)
    async with app.run_test(size=(120, 40)) as pilot:
        screen = await _open_claims(app, pilot)
        await pilot.press("D")  # the first claim has a verdict: refused without a dialog
        await pilot.pause()
        assert isinstance(app.screen, ClaimsScreen)
        await pilot.press("S")
        await pilot.pause()
        picker = app.screen
        assert isinstance(picker, SpanPicker)
        at = TEXT.index(" pada Jum’at")
        area = picker.query_one(TextArea)
        area.move_cursor(offset_to_location(picker.text, at - picker.base))
        await pilot.press("enter")
        await settle(app, pilot)
        assert screen.query_one("#claims-table", DataTable).row_count == len(views) + 1
        await pilot.press("down", "D")
        await pilot.pause()
        assert isinstance(app.screen, ConfirmDialog)
        await pilot.press("y")
        await settle(app, pilot)
    after = list_claims(workspace, article.id or 0)
    assert len(after) == len(views)
    kept = next(v for v in after if v.claim.id == judged.id)
    assert kept.verdict is not None and kept.claim.text == TEXT[judged.start : at].strip()
