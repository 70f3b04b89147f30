"""The verdict dialog through the real app: the checker chooses the label, never Enter alone."""

from __future__ import annotations

from textual.widgets import Input, OptionList

from tests.conftest import settle
from tests.test_tui import shown
from workbench.services.articles import add_article
from workbench.services.verdicts import list_claims, record_verdict, verdict_history
from workbench.services.workspace import Workspace
from workbench.tui.app import WorkbenchApp
from workbench.tui.screens.claims import ClaimsScreen
from workbench.tui.screens.verdict_dialog import VerdictDialog

TEXT = (
    "JAKARTA - Dewan kota menyetujui anggaran 12 juta dolar pada Senin.\n"
    "Wali kota mengatakan 300 pekerja akan dipekerjakan tahun ini.\n"
)


def _article(workspace: Workspace) -> tuple[int, int]:
    """A small article without sources (the workbench suggests 'unverifiable' for its claims)."""
    article = add_article(workspace, TEXT, language="id")
    first = list_claims(workspace, article.id or 0)[0].claim.id or 0
    return article.id or 0, first


def _verdict_of(workspace: Workspace, article_id: int, claim_id: int) -> str | None:
    view = next(v for v in list_claims(workspace, article_id) if v.claim.id == claim_id)
    return view.verdict.label if view.verdict else None


async def _open_claims(app: WorkbenchApp, pilot: object, article_id: int) -> ClaimsScreen:
    await settle(app, pilot)  # type: ignore[arg-type]
    app.push_screen(ClaimsScreen(article_id))
    await settle(app, pilot)  # type: ignore[arg-type]
    assert isinstance(app.screen, ClaimsScreen)
    return app.screen


def _notices(app: WorkbenchApp) -> list[str]:
    return [n.message for n in app._notifications]


async def test_v_then_enter_saves_nothing(workspace: Workspace) -> None:
    article_id, claim_id = _article(workspace)
    app = WorkbenchApp(workspace)
    async with app.run_test(size=(120, 40)) as pilot:
        await _open_claims(app, pilot, article_id)
        await pilot.press("v")
        await pilot.pause()
        dialog = app.screen
        assert isinstance(dialog, VerdictDialog)
        assert isinstance(dialog.focused, OptionList)  # the list, not the rationale
        claim = next(v.claim for v in list_claims(workspace, article_id) if v.claim.id == claim_id)
        assert claim.text[:40] in shown(dialog.query_one("#verdict-claim"))  # the article's own words
        assert "English (machine draft): " in shown(dialog.query_one("#verdict-english"))
        box = shown(dialog.query_one("#verdict-suggested"))
        assert "suggested: Unverifiable" in box and "no source could be reached" in box
        assert "none yet" in shown(dialog.query_one("#verdict-chosen"))
        await pilot.press("enter")  # on the highlight the workbench placed: no choice, no save
        await settle(app, pilot)
        assert app.screen is dialog and dialog.chosen is None
        assert "Choose a label: s p m c n u" in _notices(app)
        assert isinstance(dialog.focused, OptionList)
        assert _verdict_of(workspace, article_id, claim_id) is None
        await pilot.press("s", "enter")  # then a label key, and Enter saves
        await settle(app, pilot)
        assert isinstance(app.screen, ClaimsScreen)
    (verdict,) = verdict_history(workspace, claim_id)
    assert verdict.label == "supported"


async def test_moving_to_a_label_and_enter_chooses_it(workspace: Workspace) -> None:
    article_id, claim_id = _article(workspace)
    app = WorkbenchApp(workspace)
    async with app.run_test(size=(120, 40)) as pilot:
        await _open_claims(app, pilot, article_id)
        await pilot.press("v")
        await pilot.pause()
        dialog = app.screen
        assert isinstance(dialog, VerdictDialog)
        await pilot.press("up", "enter")  # unverifiable (suggested, last) -> not-in-source
        await pilot.pause()
        assert dialog.chosen == "not-in-source" and isinstance(dialog.focused, Input)
        await pilot.press("escape")
        await settle(app, pilot)
    assert verdict_history(workspace, claim_id) == []


async def test_save_without_a_choice_says_how_to_choose(workspace: Workspace) -> None:
    article_id, claim_id = _article(workspace)
    app = WorkbenchApp(workspace)
    async with app.run_test(size=(120, 40)) as pilot:
        await _open_claims(app, pilot, article_id)
        await pilot.press("v", "tab", "enter")  # Enter in the rationale
        await settle(app, pilot)
        dialog = app.screen
        assert isinstance(dialog, VerdictDialog) and dialog.chosen is None
        assert "Choose a label: s p m c n u" in _notices(app)
        await pilot.press("ctrl+s")
        await settle(app, pilot)
        assert app.screen is dialog
        dialog.query_one("#verdict-save").press()
        await settle(app, pilot)
        assert app.screen is dialog
    assert verdict_history(workspace, claim_id) == []


async def test_v_then_a_label_key_then_enter_saves_that_label(workspace: Workspace) -> None:
    article_id, claim_id = _article(workspace)
    app = WorkbenchApp(workspace)
    async with app.run_test(size=(120, 40)) as pilot:
        await _open_claims(app, pilot, article_id)
        await pilot.press("v")
        await pilot.pause()
        dialog = app.screen
        assert isinstance(dialog, VerdictDialog)
        await pilot.press("s")  # focus is on the list: the key chooses
        await pilot.pause()
        assert dialog.chosen == "supported"
        assert "Chosen: Supported" in shown(dialog.query_one("#verdict-chosen"))
        assert isinstance(dialog.focused, Input)  # on to the rationale
        assert dialog.query_one(Input).value == ""  # the key wrote nothing there
        await pilot.press("enter")
        await settle(app, pilot)
        assert isinstance(app.screen, ClaimsScreen)
    assert _verdict_of(workspace, article_id, claim_id) == "supported"


async def test_letters_in_the_rationale_are_text(workspace: Workspace) -> None:
    article_id, claim_id = _article(workspace)
    app = WorkbenchApp(workspace)
    async with app.run_test(size=(120, 40)) as pilot:
        await _open_claims(app, pilot, article_id)
        await pilot.press("v", "tab")
        await pilot.press(*"sumber cocok")  # s u m c n p are label keys outside the rationale
        await pilot.pause()
        dialog = app.screen
        assert isinstance(dialog, VerdictDialog)
        assert dialog.query_one(Input).value == "sumber cocok"
        assert dialog.chosen is None
        await pilot.press("shift+tab", "p", "enter")
        await settle(app, pilot)
        assert isinstance(app.screen, ClaimsScreen)
    (verdict,) = verdict_history(workspace, claim_id)
    assert verdict.label == "partly-supported" and verdict.rationale == "sumber cocok"


async def test_escape_cancels(workspace: Workspace) -> None:
    article_id, claim_id = _article(workspace)
    app = WorkbenchApp(workspace)
    async with app.run_test(size=(120, 40)) as pilot:
        await _open_claims(app, pilot, article_id)
        await pilot.press("v", "c")
        await pilot.pause()
        assert isinstance(app.screen, VerdictDialog) and app.screen.chosen == "contradicted"
        await pilot.press("escape")
        await settle(app, pilot)
        assert isinstance(app.screen, ClaimsScreen)
    assert verdict_history(workspace, claim_id) == []


async def test_rejudging_keeps_the_rationale_and_asks_for_a_choice(workspace: Workspace) -> None:
    article_id, claim_id = _article(workspace)
    record_verdict(workspace, claim_id, "contradicted", rationale="the council said 21 million")
    app = WorkbenchApp(workspace)
    async with app.run_test(size=(120, 40)) as pilot:
        await _open_claims(app, pilot, article_id)
        await pilot.press("v")
        await pilot.pause()
        dialog = app.screen
        assert isinstance(dialog, VerdictDialog)
        options = dialog.query_one(OptionList)
        highlighted = options.highlighted
        assert highlighted is not None and options.get_option_at_index(highlighted).id == "contradicted"
        assert dialog.chosen is None  # the old label is highlighted, not chosen
        assert dialog.query_one(Input).value == "the council said 21 million"
        assert "current verdict: Contradicted" in shown(dialog.query_one("#verdict-current"))
        await pilot.press("ctrl+s")
        await settle(app, pilot)
        assert app.screen is dialog
        assert len(verdict_history(workspace, claim_id)) == 1
        await pilot.press("enter")  # Enter on the old label as the dialog opened: no choice either
        await settle(app, pilot)
        assert app.screen is dialog and dialog.chosen is None
        await pilot.press("down", "up", "enter")  # gone there by hand: chosen
        await pilot.pause()
        assert dialog.chosen == "contradicted" and isinstance(dialog.focused, Input)
        await pilot.press("enter")
        await settle(app, pilot)
        assert isinstance(app.screen, ClaimsScreen)
    history = verdict_history(workspace, claim_id)
    assert [v.label for v in history] == ["contradicted", "contradicted"]
    assert history[-1].rationale == "the council said 21 million"


async def test_a_label_key_on_the_table_is_a_choice(workspace: Workspace) -> None:
    article_id, claim_id = _article(workspace)
    app = WorkbenchApp(workspace)
    async with app.run_test(size=(120, 40)) as pilot:
        await _open_claims(app, pilot, article_id)
        await pilot.press("m")
        await pilot.pause()
        dialog = app.screen
        assert isinstance(dialog, VerdictDialog) and dialog.chosen == "misattributed"
        assert isinstance(dialog.focused, Input)
        await pilot.press(*"kata", "enter")
        await settle(app, pilot)
        assert isinstance(app.screen, ClaimsScreen)
    (verdict,) = verdict_history(workspace, claim_id)
    assert verdict.label == "misattributed" and verdict.rationale == "kata"


async def test_a_click_on_the_highlighted_label_chooses_it(workspace: Workspace) -> None:
    article_id, claim_id = _article(workspace)
    record_verdict(workspace, claim_id, "supported")  # the dialog opens on Supported, the first label
    app = WorkbenchApp(workspace)
    async with app.run_test(size=(120, 40)) as pilot:
        await _open_claims(app, pilot, article_id)
        await pilot.press("v")
        await pilot.pause()
        dialog = app.screen
        assert isinstance(dialog, VerdictDialog) and dialog.chosen is None
        assert await pilot.click("#verdict-labels", offset=(8, 1))  # the first option's line
        await pilot.pause()
        assert dialog.chosen == "supported"
