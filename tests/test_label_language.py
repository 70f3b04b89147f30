"""Label names in the checker's language: WORKBENCH_LANG, else the labels file's default_lang."""

from __future__ import annotations

from pathlib import Path

import pytest
from textual.widgets import DataTable, OptionList

from tests.conftest import settle
from tests.test_tui import shown
from workbench.labels import display_language, display_name, label_name, language_warning
from workbench.services.articles import add_article
from workbench.services.verdicts import list_claims, record_verdict
from workbench.services.workspace import Workspace
from workbench.tui.app import WorkbenchApp
from workbench.tui.screens.claims import ClaimsScreen
from workbench.tui.screens.verdict_dialog import VerdictDialog


def test_display_name_follows_workbench_lang(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("WORKBENCH_LANG", raising=False)
    assert display_name("supported") == "Supported"  # the shipped default_lang is en
    monkeypatch.setenv("WORKBENCH_LANG", "id")
    assert display_name("supported") == "Didukung sumber"
    assert display_name("not-in-source") == "Tidak ada di sumber"
    assert display_name("supported", lang="en") == "Supported"  # asked for explicitly
    assert label_name("supported") == "Supported"  # reports keep English unless asked
    assert label_name("supported", "id") == "Didukung sumber"
    assert display_name("retracted") == "retracted"  # a label from another labels file


def test_unknown_language_falls_back_to_the_default_with_a_warning(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("WORKBENCH_LANG", "fr")
    assert display_language() == "en"
    assert display_name("contradicted") == "Contradicted"
    warning = language_warning()
    assert warning is not None and "'fr'" in warning
    monkeypatch.setenv("WORKBENCH_LANG", "ID")  # case does not matter
    assert display_name("contradicted") == "Bertentangan dengan sumber"
    assert language_warning() is None


def test_the_labels_file_sets_the_default(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    from workbench.labels import SHIPPED

    own = tmp_path / "labels.toml"
    own.write_text(
        SHIPPED.read_text(encoding="utf-8").replace('default_lang = "en"', 'default_lang = "id"'),
        encoding="utf-8",
    )
    monkeypatch.setenv("WORKBENCH_LABELS", str(own))
    monkeypatch.delenv("WORKBENCH_LANG", raising=False)
    assert display_name("misattributed") == "Salah atribusi"
    monkeypatch.setenv("WORKBENCH_LANG", "xx")
    assert display_name("misattributed") == "Salah atribusi"  # unknown: the file's default
    monkeypatch.setenv("WORKBENCH_LANG", "en")
    assert display_name("misattributed") == "Misattributed"


async def test_the_tui_shows_indonesian_names(workspace: Workspace, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("WORKBENCH_LANG", "id")
    article = add_article(workspace, "JAKARTA - Dewan kota menyetujui anggaran 12 juta dolar pada Senin.\n",
                          language="id")  # fmt: skip
    claim_id = list_claims(workspace, article.id or 0)[0].claim.id or 0
    record_verdict(workspace, claim_id, "contradicted", rationale="angka lain")
    app = WorkbenchApp(workspace)
    async with app.run_test(size=(130, 40)) as pilot:
        await settle(app, pilot)
        app.push_screen(ClaimsScreen(article.id or 0))
        await settle(app, pilot)
        screen = app.screen
        row = screen.query_one("#claims-table", DataTable).get_row(str(claim_id))
        assert "Bertentangan dengan sumber" in [str(v) for v in row]
        label_keys = {b.key: b.description for _, b, *_ in screen.active_bindings.values()}
        assert label_keys["s"] == "Didukung sumber"  # what "?" lists
        detail = shown(screen.query_one("#claim-detail-body"))
        assert "Verdict: Bertentangan dengan sumber" in detail
        await pilot.press("v")
        await pilot.pause()
        dialog = app.screen
        assert isinstance(dialog, VerdictDialog)
        options = dialog.query_one(OptionList)
        prompts = [str(options.get_option_at_index(i).prompt) for i in range(options.option_count)]
        assert any("[u] Tidak dapat diverifikasi" in p for p in prompts), prompts
        assert "Bertentangan dengan sumber" in shown(dialog.query_one("#verdict-current"))
        assert "suggested: Tidak dapat diverifikasi" in shown(dialog.query_one("#verdict-suggested"))
        await pilot.press("s")
        await pilot.pause()
        assert "Chosen: Didukung sumber" in shown(dialog.query_one("#verdict-chosen"))


async def test_the_tui_warns_about_an_unknown_language(
    workspace: Workspace, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("WORKBENCH_LANG", "klingon")
    app = WorkbenchApp(workspace)
    async with app.run_test(size=(100, 30)) as pilot:
        await settle(app, pilot)
        assert any("WORKBENCH_LANG='klingon'" in n.message for n in app._notifications)
