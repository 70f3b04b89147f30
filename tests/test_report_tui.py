"""From the TUI: the claims list names each claim by the article's words, and `e` asks for a
format, a report language and a path (beside the database by default), then says where it wrote."""

from __future__ import annotations

from pathlib import Path

from textual.widgets import DataTable, Input, OptionList

from tests.conftest import settle
from workbench.services.demo import load_builtin_cases
from workbench.services.verdicts import list_claims, record_verdict
from workbench.services.workspace import Workspace
from workbench.tui.app import WorkbenchApp
from workbench.tui.screens.claims import ClaimsScreen
from workbench.tui.screens.export_dialog import ExportDialog


async def _open_contoso(app: WorkbenchApp, pilot: object) -> ClaimsScreen:
    table = app.screen.query_one("#articles-table", DataTable)
    row = [str(table.get_row_at(i)[1]) for i in range(table.row_count)].index("contoso-demo")
    table.move_cursor(row=row)
    await pilot.press("enter")  # type: ignore[attr-defined]
    await settle(app, pilot)  # type: ignore[arg-type]
    assert isinstance(app.screen, ClaimsScreen)
    return app.screen


async def test_claims_list_shows_the_articles_words(workspace: Workspace) -> None:
    load_builtin_cases(workspace, offline=True)
    views = list_claims(workspace, "contoso-demo")
    app = WorkbenchApp(workspace)
    async with app.run_test(size=(160, 40)) as pilot:
        await settle(app, pilot)
        screen = await _open_contoso(app, pilot)
        table = screen.query_one("#claims-table", DataTable)
        shown = [str(table.get_row_at(i)[-1]) for i in range(table.row_count)]
    words = [" ".join(v.claim.text.split()) for v in views]
    assert len(shown) == len(words)
    assert all(
        w.startswith(cell.removesuffix("…")) for cell, w in zip(shown, words, strict=True)
    )  # long ones cut
    drafts = [
        v.claim.statement for v in views if v.claim.statement_is_draft and v.claim.statement != v.claim.text
    ]
    assert drafts and not set(drafts) & set(shown)  # no machine draft stands for a claim


async def test_e_asks_for_format_language_and_path(workspace: Workspace, db_path: Path) -> None:
    load_builtin_cases(workspace, offline=True)
    first = list_claims(workspace, "contoso-demo")[0]
    record_verdict(workspace, first.claim.id or 0, "contradicted", rationale="another figure")
    app = WorkbenchApp(workspace)
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(app, pilot)
        await _open_contoso(app, pilot)
        await pilot.press("e")
        await settle(app, pilot)
        dialog = app.screen
        assert isinstance(dialog, ExportDialog)
        formats = dialog.query_one("#export-formats", OptionList)
        formats.highlighted = next(
            i for i in range(formats.option_count) if formats.get_option_at_index(i).id == "html"
        )
        await pilot.pause()
        path = dialog.query_one("#export-path", Input)
        assert path.value == str(db_path.parent / "report-contoso-demo.html")  # beside the database
        langs = dialog.query_one("#export-langs", OptionList)
        langs.highlighted = next(
            i for i in range(langs.option_count) if langs.get_option_at_index(i).id == "id"
        )
        await pilot.pause()
        path.focus()
        await pilot.press("enter")
        await settle(app, pilot)
        assert isinstance(app.screen, ClaimsScreen)
        notes = [n.message for n in app._notifications]
    written = db_path.parent / "report-contoso-demo.html"
    page = written.read_text(encoding="utf-8")
    assert '<html lang="id">' in page and "Bertentangan dengan sumber" in page and "another figure" in page
    assert any(str(written) in note for note in notes)  # it says where it wrote
