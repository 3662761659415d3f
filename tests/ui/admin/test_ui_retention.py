"""The retention screen: the beheerder proposes, the teamleider approves after a warning, the
beheerder sets a term; the household page's inzage action writes the PDF and the JSON."""

from __future__ import annotations

import json
from datetime import date
from pathlib import Path

import pytest
from pytestqt.qtbot import QtBot

from intake.core.session import unit_of_work
from intake.register.households import (
    HouseholdInput,
    HouseholdView,
    MemberInput,
    MemberRole,
    create_household,
)
from tests.conftest import Team
from tests.helpers.dossiers import at, quick
from tests.helpers.pdf_text import pdf_pages
from tests.ui.conftest import Notices
from ui.admin.retention_page import RetentionPage, TermDialog
from ui.app.main_window import MainWindow
from ui.register.inzage_dialog import InzageDialog


def _loaded(qtbot: QtBot, page: RetentionPage) -> RetentionPage:
    qtbot.waitUntil(lambda: not page.busy, timeout=20000)
    return page


pytestmark = [pytest.mark.gui,
              pytest.mark.qt_log_ignore("This plugin does not support propagateSizeHints")]


@pytest.fixture
def old_dossier(team: Team) -> str:
    """Advice only, closed in 2001: its five years ('geen wet') are long over."""
    with unit_of_work(team.store, team.consulent, at(date(2001, 1, 10))) as uow:
        view = create_household(uow, HouseholdInput(
            street="Marktstraat", house_number="3", postcode="7551 EE", city="Hengelo",
            members=[MemberInput("Oud", "Jansen", MemberRole.ALLEENSTAAND, date(1970, 1, 1))]))
    quick(team.store, team.consulent, view.id, "informatie_advies", "afgesloten",
          date(2001, 1, 10))
    return view.dossiernummer


def test_propose_then_approve_on_screen(qtbot: QtBot, team: Team, notices: Notices,
                                        old_dossier: str) -> None:
    page = RetentionPage(team.store, team.beheerder)
    qtbot.addWidget(page)
    assert page.busy and not page.propose_button.isEnabled()  # loading off the UI thread
    _loaded(qtbot, page)
    assert page.due_model.keys == [old_dossier]
    assert not page.approve_button.isVisibleTo(page) and page.propose_button.isEnabled()
    page.propose_button.click()
    _loaded(qtbot, page)
    assert "voorgesteld door Bea Beheer" in page.due_model.row_values(0)
    lead = _loaded(qtbot, RetentionPage(team.store, team.teamleider))
    qtbot.addWidget(lead)
    assert not lead.propose_button.isVisibleTo(lead) and lead.approve_button.isEnabled()
    notices.answer = False
    lead.approve_button.click()
    _loaded(qtbot, lead)
    assert lead.due_model.keys == [old_dossier]  # nothing happened: the warning was declined
    notices.answer = True
    lead.approve_button.click()
    _loaded(qtbot, lead)
    assert "kan niet ongedaan worden gemaakt" in notices.questions[-1]
    assert notices.infos == [f"Dossier {old_dossier} is vernietigd."]
    assert lead.due_model.keys == []


def test_the_beheerder_changes_a_term(qtbot: QtBot, team: Team, old_dossier: str) -> None:
    page = RetentionPage(team.store, team.beheerder)
    qtbot.addWidget(page)
    _loaded(qtbot, page)
    row = page.term_model.keys.index("geen")
    dialog = TermDialog(team.store, team.beheerder, page.terms[row])
    qtbot.addWidget(dialog)
    dialog.years.setValue(40)
    dialog.submit()
    assert dialog.saved is not None and dialog.saved.years == 40
    page.refresh()
    _loaded(qtbot, page)
    assert page.due_model.keys == []  # 2001 + 40 years: not yet due
    page.show_all.setChecked(True)
    _loaded(qtbot, page)
    assert page.due_model.keys == [old_dossier]


def test_both_roles_have_the_tab(qtbot: QtBot, team: Team) -> None:
    for actor in (team.beheerder, team.teamleider):
        window = MainWindow(team.store, actor)
        qtbot.addWidget(window)
        titles = [window.tabs.tabText(i) for i in range(window.tabs.count())]
        assert "Bewaartermijnen" in titles


def test_inzage_from_the_household_page(qtbot: QtBot, team: Team, notices: Notices,
                                        jolanda: HouseholdView, tmp_path: Path) -> None:
    dialog = InzageDialog(team.store, team.consulent, jolanda)
    qtbot.addWidget(dialog)
    target = tmp_path / "uit" / "inzage.pdf"
    dialog.path.setText(str(target))
    dialog.submit()
    qtbot.waitUntil(lambda: bool(notices.infos), timeout=20000)
    assert "Jolanda Verhoef" in " ".join(pdf_pages(target.read_bytes()))
    data = json.loads(target.with_suffix(".json").read_bytes())
    assert data["gezinslid"] == "Jolanda Verhoef" and data["beoordeling_nodig"] is False
    assert notices.infos == ["Inzage opgeslagen als inzage.pdf en inzage.json."]
