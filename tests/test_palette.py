"""The command palette (ctrl+p) offers the screen's own commands, and they run the screen's actions."""

from __future__ import annotations

import json
from pathlib import Path

from textual.command import CommandList, CommandPalette
from textual.pilot import Pilot
from textual.widgets import Input, OptionList

from tests.conftest import settle
from workbench.services.articles import add_article
from workbench.services.verdicts import list_claims
from workbench.services.workspace import Workspace
from workbench.tui.app import WorkbenchApp
from workbench.tui.screens.articles import ArticlesScreen
from workbench.tui.screens.claims import ClaimsScreen
from workbench.tui.screens.export_dialog import ExportDialog
from workbench.tui.screens.verdict_dialog import VerdictDialog

TEXT = "JAKARTA - Dewan kota menyetujui anggaran 12 juta dolar pada Senin.\n"


async def _palette_hits(app: WorkbenchApp, pilot: Pilot[None], query: str) -> list[str]:
    """Open the palette, type ``query``, and return the titles it lists once the search is done
    (each with its help line after a newline)."""
    await pilot.press("ctrl+p")
    await pilot.pause()
    assert isinstance(app.screen, CommandPalette)
    await pilot.press(*query)
    await settle(app, pilot)  # the palette searches in a worker
    commands = app.screen.query_one(CommandList)
    return [str(commands.get_option_at_index(i).prompt) for i in range(commands.option_count)]


async def _run(app: WorkbenchApp, pilot: Pilot[None], hits: list[str], title: str) -> None:
    """Run the listed command whose title starts with ``title``."""
    index = next(i for i, hit in enumerate(hits) if hit.startswith(title))
    app.screen.query_one(CommandList).highlighted = index
    await pilot.press("enter")
    await settle(app, pilot)


async def _claims_screen(workspace: Workspace, app: WorkbenchApp, pilot: Pilot[None]) -> ClaimsScreen:
    article = add_article(workspace, TEXT, language="id", title="Anggaran")
    await settle(app, pilot)
    app.push_screen(ClaimsScreen(article.id or 0))
    await settle(app, pilot)
    assert isinstance(app.screen, ClaimsScreen)
    return app.screen


async def test_verdict_from_the_palette_opens_the_dialog(workspace: Workspace) -> None:
    app = WorkbenchApp(workspace)
    async with app.run_test(size=(120, 40)) as pilot:
        await _claims_screen(workspace, app, pilot)
        hits = await _palette_hits(app, pilot, "verdict")
        await _run(app, pilot, hits, "Record a verdict")
        assert isinstance(app.screen, VerdictDialog)
        assert app.screen.chosen is None  # the palette chooses no label either


async def test_the_article_list_offers_only_its_own_commands(workspace: Workspace) -> None:
    add_article(workspace, TEXT, language="id")
    app = WorkbenchApp(workspace)
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(app, pilot)
        assert isinstance(app.screen, ArticlesScreen)
        assert not any("verdict" in hit.lower() for hit in await _palette_hits(app, pilot, "verdict"))
        await pilot.press("escape")
        await settle(app, pilot)
        hits = await _palette_hits(app, pilot, "add article")
        await _run(app, pilot, hits, "Add an article")
        assert app.screen.query_one("#article-target", Input) is not None


async def test_export_from_the_palette_writes_beside_the_database(
    workspace: Workspace, db_path: Path
) -> None:
    app = WorkbenchApp(workspace)
    async with app.run_test(size=(120, 40)) as pilot:
        screen = await _claims_screen(workspace, app, pilot)
        hits = await _palette_hits(app, pilot, "export html")
        assert hits[0].startswith("Export report: HTML\nWrites "), hits
        assert str(db_path.parent) in hits[0]
        await _run(app, pilot, hits, "Export report: HTML")
        article_id = screen.article_id
    written = db_path.parent / f"report-article-{article_id}.html"
    assert written.is_file() and "Anggaran" in written.read_text(encoding="utf-8")


async def test_export_dialog_takes_a_format_and_a_path(workspace: Workspace, tmp_path: Path) -> None:
    target = tmp_path / "out" / "verdicts.json"
    target.parent.mkdir()
    app = WorkbenchApp(workspace)
    async with app.run_test(size=(120, 40)) as pilot:
        screen = await _claims_screen(workspace, app, pilot)
        hits = await _palette_hits(app, pilot, "export as")
        await _run(app, pilot, hits, "Export report as")
        dialog = app.screen
        assert isinstance(dialog, ExportDialog)
        formats = dialog.query_one(OptionList)
        json_row = next(i for i in range(formats.option_count) if formats.get_option_at_index(i).id == "json")
        formats.highlighted = json_row
        await pilot.pause()
        path = dialog.query_one("#export-path", Input)
        assert path.value.endswith(f"report-article-{screen.article_id}.json")  # follows the format
        path.value = str(target)
        path.focus()
        await pilot.press("enter")
        await settle(app, pilot)
        assert isinstance(app.screen, ClaimsScreen)
    claims = list_claims(workspace, screen.article_id)
    document = json.loads(target.read_text(encoding="utf-8"))
    assert str(claims[0].claim.id) in json.dumps(document)


async def test_match_and_reverify_from_the_palette(workspace: Workspace) -> None:
    from workbench.tui.screens.reverify import ReverifyScreen

    app = WorkbenchApp(workspace)
    async with app.run_test(size=(120, 40)) as pilot:
        await _claims_screen(workspace, app, pilot)
        hits = await _palette_hits(app, pilot, "match again")
        await _run(app, pilot, hits, "Match again")
        assert "0/1 claims have evidence" in [n.message for n in app._notifications]
        hits = await _palette_hits(app, pilot, "re-verify now")
        await _run(app, pilot, hits, "Re-verify now")
        assert isinstance(app.screen, ReverifyScreen)
        assert any("claim(s) stale" in n.message for n in app._notifications)
