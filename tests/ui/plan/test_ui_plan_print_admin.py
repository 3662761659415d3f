"""Print preview (QtPdf) in its three variants, printing and saving; the due-evaluations list
on the start screen; the sociale kaart screen of the beheerder."""

from __future__ import annotations

import io
from collections.abc import Iterator
from datetime import date
from pathlib import Path

import pytest
from pypdf import PdfReader
from PySide6.QtPrintSupport import QPrinter
from PySide6.QtWidgets import QHeaderView
from pytestqt.qtbot import QtBot

from intake import plans
from intake.catalogues import social_map
from intake.core.session import unit_of_work
from intake.plans import AgreedHow
from intake.register.access_history import household_history
from intake.register.households import HouseholdView
from tests.conftest import Team
from tests.helpers.plan_builders import fill_jolanda_plan, register_jolanda_questions
from tests.helpers.ui_plan_helpers import Dialogs, drive_dialogs, submit
from tests.ui.conftest import Crashes, Notices
from ui.admin.social_map import ServiceDialog, SocialMapAdmin
from ui.app.main_window import MainWindow
from ui.kit.operation import background_work_running
from ui.plan import preview as preview_module
from ui.plan.due_list import DueEvaluationsList, attach_due_list, when_text
from ui.plan.preview import PreviewDialog
from ui.register.search_page import SearchPage

pytestmark = [pytest.mark.gui,
              pytest.mark.qt_log_ignore("This plugin does not support propagateSizeHints")]

@pytest.fixture
def dialogs(monkeypatch: pytest.MonkeyPatch) -> Iterator[Dialogs]:
    yield from drive_dialogs(monkeypatch)


def _agreed_plan(team: Team, household: HouseholdView,
                 agreed_on: date = date(2026, 6, 1)) -> plans.PlanVersionView:
    with unit_of_work(team.store, team.consulent) as uow:
        register_jolanda_questions(uow, household.id)
        keys = [c.key for c in plans.plan_candidates(uow, household.id)]
        view = fill_jolanda_plan(uow, plans.start_plan(uow, household.id, keys))
        return plans.agree(uow, view.id, view.version, agreed_on, AgreedHow.MONDELING)


def _preview(qtbot: QtBot, team: Team, view: plans.PlanVersionView) -> PreviewDialog:
    dialog = PreviewDialog(team.store, team.teamleider, view.household_id, view.plan_id,
                           view.number, view.dossiernummer)
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitUntil(lambda: not dialog.loading and dialog.document.pageCount() > 0)
    return dialog


def test_preview_variants_print_and_save(qtbot: QtBot, team: Team, jolanda: HouseholdView,
                                         tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
                                         notices: Notices) -> None:
    view = _agreed_plan(team, jolanda)
    dialog = _preview(qtbot, team, view)  # the team lead may print
    assert dialog.pdf_bytes.startswith(b"%PDF")
    text = "".join(p.extract_text() for p in PdfReader(io.BytesIO(dialog.pdf_bytes)).pages)
    assert "Jolanda" in text
    assert "pagina" in dialog.status.text()
    dialog.variant.setCurrentIndex(2)  # geanonimiseerd
    qtbot.waitUntil(lambda: not dialog.loading and dialog.document.pageCount() > 0)
    redacted = "".join(p.extract_text()
                       for p in PdfReader(io.BytesIO(dialog.pdf_bytes)).pages)
    assert "Jolanda" not in redacted and "Verhoef" not in redacted
    assert dialog.document.pageCount() > 0
    dialog.variant.setCurrentIndex(1)  # inwonerversie
    qtbot.waitUntil(lambda: not dialog.loading and dialog.document.pageCount() > 0)
    assert dialog.document.pageCount() > 0
    target = tmp_path / "plan.pdf"
    monkeypatch.setattr(PreviewDialog, "ask_path", classmethod(lambda cls, p, s: str(target)))
    dialog.save_button.click()
    assert target.read_bytes() == dialog.pdf_bytes
    printed = tmp_path / "printed.pdf"
    printer = QPrinter(QPrinter.PrinterMode.ScreenResolution)
    printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
    printer.setOutputFileName(str(printed))
    dialog.print_to(printer)
    assert len(PdfReader(printed).pages) == dialog.document.pageCount()
    assert not notices.warnings
    dialog.close()


def test_the_access_log_tells_preview_print_and_save(
        qtbot: QtBot, team: Team, jolanda: HouseholdView, tmp_path: Path,
        monkeypatch: pytest.MonkeyPatch, notices: Notices) -> None:
    view = _agreed_plan(team, jolanda)

    def prints() -> list[tuple[str, str]]:
        with unit_of_work(team.store, team.consulent) as uow:
            rows = household_history(uow, jolanda.id)
        return [(row.action, row.part) for row in rows
                if row.action in ("Afdrukvoorbeeld bekeken", "Afgedrukt", "Opgeslagen als PDF")]

    dialog = _preview(qtbot, team, view)
    assert prints() == [("Afdrukvoorbeeld bekeken", "planversie 1")]  # shown, not printed
    monkeypatch.setattr(PreviewDialog, "ask_path",
                        classmethod(lambda cls, p, s: str(tmp_path / "plan.pdf")))
    dialog.save_button.click()
    assert prints()[0] == ("Opgeslagen als PDF", "planversie 1")
    printer = QPrinter(QPrinter.PrinterMode.ScreenResolution)
    printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
    printer.setOutputFileName(str(tmp_path / "printed.pdf"))
    dialog.print_to(printer)
    assert [action for action, _part in prints()] == [
        "Afgedrukt", "Opgeslagen als PDF", "Afdrukvoorbeeld bekeken"]
    assert not notices.warnings
    dialog.close()


def test_due_evaluations_on_start_screen(qtbot: QtBot, team: Team, jolanda: HouseholdView,
                                         notices: Notices) -> None:
    _agreed_plan(team, jolanda, date(2026, 1, 5))  # evaluation 05-04-2026: long overdue
    due = DueEvaluationsList(team.store, team.consulent)
    qtbot.addWidget(due)
    assert due.model.rowCount() == 1
    assert due.model.row_values(0)[0] == jolanda.dossiernummer
    assert "te laat" in due.model.row_values(0)[4]
    assert "waarvan 1 te laat" in due.caption.text()
    others = DueEvaluationsList(team.store, team.regisseur)  # not responsible for this one
    qtbot.addWidget(others)
    assert others.model.rowCount() == 0
    lead = DueEvaluationsList(team.store, team.teamleider)  # the team lead sees the team
    qtbot.addWidget(lead)
    assert lead.model.rowCount() == 1
    assert when_text(-1) == "1 dag te laat" and when_text(3) == "over 3 dagen"
    page = SearchPage(team.store, team.consulent)
    qtbot.addWidget(page)
    opened: list[object] = []
    attached = attach_due_list(page, team.store, team.consulent, opened.append)
    with qtbot.waitSignal(attached.open_requested):
        attached.table.activated.emit(attached.model.index(0, 0))
    assert opened == [jolanda.id]


def test_the_due_list_is_fitted_to_its_rows_once_per_refresh(
        qtbot: QtBot, team: Team, jolanda: HouseholdView, notices: Notices) -> None:
    """Not sized to its contents by Qt, which asked the delegate for every cell of two hundred
    rows on the UI thread each time the start screen came back: as wide as Qt would make
    each column, measured once per refresh, and left to drag."""
    _agreed_plan(team, jolanda, date(2026, 1, 5))
    due = DueEvaluationsList(team.store, team.consulent)
    qtbot.addWidget(due)
    due.resize(900, 300)
    due.show()
    qtbot.waitExposed(due)
    header = due.table.horizontalHeader()
    for column in range(len(due.model.row_values(0)) - 1):  # the last one stretches
        assert header.sectionResizeMode(column) == QHeaderView.ResizeMode.Interactive
        assert header.sectionSize(column) >= due.table.sizeHintForColumn(column)
    header.resizeSection(0, 300)  # dragged wider by the person: kept until the next refresh
    qtbot.wait(10)
    assert header.sectionSize(0) == 300
    due.refresh()
    assert header.sectionSize(0) < 300


def test_the_start_screen_reads_due_evaluations_once_and_again_when_it_returns(
        qtbot: QtBot, team: Team, jolanda: HouseholdView, notices: Notices,
        monkeypatch: pytest.MonkeyPatch) -> None:
    _agreed_plan(team, jolanda, date(2026, 1, 5))
    real = plans.due_summary
    reads: list[object] = []

    def counted(*args: object, **kwargs: object) -> object:
        reads.append(args)
        return real(*args, **kwargs)  # type: ignore[arg-type]

    monkeypatch.setattr(plans, "due_summary", counted)
    page = SearchPage(team.store, team.consulent)
    qtbot.addWidget(page)
    attached = attach_due_list(page, team.store, team.consulent, lambda _id: None)
    page.show()
    qtbot.waitExposed(page)
    assert len(reads) == 1 and attached.model.rowCount() == 1
    page.hide()
    page.show()  # back into view: read again, a plan may have been evaluated meanwhile
    qtbot.waitUntil(lambda: len(reads) == 2 and not background_work_running())  # on a worker
    assert len(reads) == 2 and attached.model.rowCount() == 1


def test_plan_tab_on_household_page_shows_overdue_banner(qtbot: QtBot, team: Team,
                                                         jolanda: HouseholdView,
                                                         notices: Notices) -> None:
    _agreed_plan(team, jolanda, date(2026, 1, 5))
    window = MainWindow(team.store, team.consulent)
    qtbot.addWidget(window)
    window.show()
    page = window.open_household(jolanda.id)
    assert page is not None
    titles = [page.tabs.tabText(i).replace("&", "") for i in range(page.tabs.count())]
    assert "Plan van aanpak" in titles
    tab = page.tab_content(titles.index("Plan van aanpak"))
    assert tab is not None
    page.show_tab_of(tab)
    qtbot.waitUntil(lambda: tab.loaded)
    assert tab.banner.isVisible() and "te laat" in tab.banner.text()
    assert window.search is not None
    window.close()


def test_beheerder_edits_the_social_map(qtbot: QtBot, team: Team, dialogs: Dialogs,
                                        notices: Notices) -> None:
    screen = SocialMapAdmin(team.store, team.beheerder)
    qtbot.addWidget(screen)
    shipped = screen.model.rowCount()
    assert shipped > 10

    def add(dialog: object) -> int:
        assert isinstance(dialog, ServiceDialog)
        dialog.name.setText("Taalcafé")
        dialog.organisation.setText("Bibliotheek Hengelo")
        dialog.domain.setCurrentIndex(dialog.domain.findData("taal"))
        dialog.contact.setText("074 - 245 95 00")
        return submit(dialog)

    dialogs.then(add)
    screen.add_button.click()
    assert screen.selected() is not None and screen.selected().name == "Taalcafé"

    def rename(dialog: object) -> int:
        assert isinstance(dialog, ServiceDialog)
        dialog.name.setText("")
        dialog.submit()
        assert dialog.errors["name"].isVisibleTo(dialog)  # refused, field marked
        dialog.name.setText("Taalcafé Hasseler Es")
        return submit(dialog)

    dialogs.then(rename)
    screen.edit_button.click()
    assert screen.selected().name == "Taalcafé Hasseler Es"
    screen.toggle_button.click()  # uitzetten: gone from the list of active services
    assert screen.model.rowCount() == shipped
    screen.show_inactive.setChecked(True)
    assert screen.model.rowCount() == shipped + 1
    with unit_of_work(team.store, team.consulent) as uow:
        assert not social_map.search_services(uow, "Hasseler")
    # A consulent cannot change the map; the domain says so.
    other = SocialMapAdmin(team.store, team.consulent)
    qtbot.addWidget(other)
    other.toggle_selected()
    assert "Alleen een functioneel beheerder" in notices.warnings[-1]


def test_a_failing_print_ends_in_the_crash_dialog(
        qtbot: QtBot, team: Team, jolanda: HouseholdView, monkeypatch: pytest.MonkeyPatch,
        notices: Notices, crashes: Crashes) -> None:
    view = _agreed_plan(team, jolanda)

    def broken(*_args: object, **_kwargs: object) -> bytes:
        raise RuntimeError("de printopmaak is kapot")

    monkeypatch.setattr(preview_module, "print_plan", broken)
    dialog = PreviewDialog(team.store, team.teamleider, view.household_id, view.plan_id,
                           view.number, view.dossiernummer)
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitUntil(lambda: bool(crashes.errors))
    assert [str(error) for error in crashes.errors] == ["de printopmaak is kapot"]
    assert not dialog.loading and dialog.busy.isHidden()
    assert dialog.status.text() != "PDF wordt gemaakt…"
    assert not dialog.print_button.isEnabled() and not notices.warnings
    dialog.close()
