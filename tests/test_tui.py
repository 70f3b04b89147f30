"""The real app through ``App.run_test()``: demo → select a claim → record a verdict → export."""

from __future__ import annotations

from textual.widgets import DataTable, Input

from tests.conftest import settle
from workbench.services.demo import load_builtin_cases
from workbench.services.reports import export_article
from workbench.services.verdicts import list_claims
from workbench.services.workspace import Workspace
from workbench.tui.app import WorkbenchApp
from workbench.tui.screens.articles import ArticlesScreen
from workbench.tui.screens.claims import ClaimsScreen
from workbench.tui.screens.verdict_dialog import VerdictDialog
from workbench.tui.widgets.claim_detail import ClaimDetail


def shown(widget: object) -> str:
    """The text a Static widget displays, as plain characters."""
    from io import StringIO

    from rich.console import Console

    console = Console(file=StringIO(), width=300, color_system=None, legacy_windows=False)
    console.print(widget.content)  # type: ignore[attr-defined]
    return console.file.getvalue()  # type: ignore[attr-defined]


async def test_walk_from_articles_to_a_recorded_verdict(workspace: Workspace) -> None:
    load_builtin_cases(workspace, offline=True)
    contoso_id = next(v.claim.article_id for v in list_claims(workspace, "contoso-demo"))
    app = WorkbenchApp(workspace)
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(app, pilot)
        assert isinstance(app.screen, ArticlesScreen)
        table = app.screen.query_one("#articles-table", DataTable)
        assert table.row_count == 2
        row = [str(table.get_row_at(i)[1]) for i in range(table.row_count)].index("contoso-demo")
        table.move_cursor(row=row)
        await pilot.press("enter")
        await settle(app, pilot)
        screen = app.screen
        assert isinstance(screen, ClaimsScreen) and screen.article_id == contoso_id
        claims_table = screen.query_one("#claims-table", DataTable)
        assert claims_table.row_count == len(list_claims(workspace, contoso_id))
        await pilot.press("down", "down")
        await pilot.pause()
        chosen = screen.current
        assert chosen is not None
        detail = shown(screen.query_one(ClaimDetail).query_one("#claim-detail-body"))
        assert chosen.claim.text[:20] in detail
        await pilot.press("c")  # contradicted, with a rationale
        await pilot.pause()
        assert isinstance(app.screen, VerdictDialog)
        app.screen.query_one("#verdict-rationale", Input).value = "the page gives another figure"
        await pilot.press("enter")
        await settle(app, pilot)
        assert isinstance(app.screen, ClaimsScreen)
        row_values = claims_table.get_row(str(chosen.claim.id))
        assert "Contradicted" in [str(v) for v in row_values]
    after = next(v for v in list_claims(workspace, contoso_id) if v.claim.id == chosen.claim.id)
    assert after.verdict is not None and after.verdict.label == "contradicted"
    assert after.verdict.rationale == "the page gives another figure"
    report = export_article(workspace, contoso_id)
    assert "Contradicted" in report and "the page gives another figure" in report


async def test_empty_database_shows_a_hint(workspace: Workspace) -> None:
    app = WorkbenchApp(workspace)
    async with app.run_test(size=(100, 30)) as pilot:
        await settle(app, pilot)
        hint = shown(app.screen.query_one("#empty-hint"))
        assert "workbench demo" in hint
        await pilot.press("q")
    assert app.return_code in (0, None)


async def test_markup_in_article_text_is_shown_as_text(workspace: Workspace) -> None:
    from workbench.services.articles import add_article

    hostile = (
        "JAKARTA - Direktur [bold red]Budi[/] mengatakan 30 persen \x1b]0;pwned\x07 "
        "karyawan [link=http://evil.example]klik[/link] akan pindah pada Senin.\n"
    )
    article = add_article(workspace, hostile, title="[b]Judul[/b]", language="id")
    app = WorkbenchApp(workspace)
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(app, pilot)
        app.push_screen(ClaimsScreen(article.id or 0))
        await settle(app, pilot)
        body = shown(app.screen.query_one(ClaimDetail).query_one("#claim-detail-body"))
        assert "[bold red]Budi[/]" in body
        assert "\x1b" not in body
        title = shown(app.screen.query_one("#title-bar"))
        assert "[b]Judul[/b]" in title


async def test_question_mark_lists_the_keys_the_footer_has_no_room_for(workspace: Workspace) -> None:
    from textual.widgets import Footer, HelpPanel

    from workbench.services.articles import add_article

    article = add_article(workspace, "JAKARTA - Dewan kota menyetujui anggaran 12 juta dolar pada Senin.\n",
                          language="id")  # fmt: skip
    app = WorkbenchApp(workspace)
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(app, pilot)
        app.push_screen(ClaimsScreen(article.id or 0))
        await settle(app, pilot)
        footer_keys = {binding.key for _, binding, *_ in app.screen.active_bindings.values() if binding.show}
        assert "s" not in footer_keys and "D" not in footer_keys  # kept off the footer...
        assert app.screen.query_one(Footer) is not None
        await pilot.press("question_mark")
        await pilot.pause()
        panel = app.screen.query_one(HelpPanel)
        from io import StringIO

        from rich.console import Console

        table = panel.query("BindingsTable").first()
        console = Console(file=StringIO(), width=100, color_system=None)
        console.print(table.render_bindings_table())  # type: ignore[attr-defined]
        listed = console.file.getvalue()  # type: ignore[attr-defined]
        assert "Supported" in listed and "Delete" in listed  # ...and listed by "?"
        await pilot.press("question_mark")
        await pilot.pause()
        assert not app.screen.query(HelpPanel)


def _keys_panel_lines(screen: object) -> list[str]:
    """The keys panel ("?") as the checker reads it, one line per row."""
    from io import StringIO

    from rich.console import Console
    from textual.widgets import HelpPanel

    table = screen.query_one(HelpPanel).query("BindingsTable").first()  # type: ignore[attr-defined]
    console = Console(file=StringIO(), width=120, color_system=None)
    console.print(table.render_bindings_table())
    return [line.strip() for line in console.file.getvalue().splitlines() if line.strip()]  # type: ignore[attr-defined]


async def test_question_mark_lists_the_screens_own_keys_first(workspace: Workspace) -> None:
    from workbench.services.articles import add_article

    article = add_article(workspace, "JAKARTA - Dewan kota menyetujui anggaran 12 juta dolar pada Senin.\n",
                          language="id")  # fmt: skip
    app = WorkbenchApp(workspace)
    async with app.run_test(size=(140, 50)) as pilot:
        await settle(app, pilot)
        await pilot.press("question_mark")
        await pilot.pause()
        lines = _keys_panel_lines(app.screen)
        first = lines.index(next(line for line in lines if "Add article" in line))
        assert first < lines.index(next(line for line in lines if "Cursor down" in line)), lines
        await pilot.press("question_mark")
        app.push_screen(ClaimsScreen(article.id or 0))
        await settle(app, pilot)
        await pilot.press("question_mark")
        await pilot.pause()
        lines = _keys_panel_lines(app.screen)

        def row(text: str) -> int:
            return next(i for i, line in enumerate(lines) if text in line)

        assert lines[0] == "Claims"  # the screen's heading, then its keys
        own = [row("Verdict"), row("Fetch+match"), row("Supported"), row("Delete")]
        generic = [row("Cursor down"), row("Quit"), row("Keys"), row("Focus Next")]
        assert max(own) < min(generic), lines
