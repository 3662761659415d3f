"""The one helper for screen actions: outcome routing, background delivery, announcements."""

from __future__ import annotations

import threading
import uuid
import weakref

import pytest
import shiboken6
from PySide6.QtWidgets import QWidget
from pytestqt.qtbot import QtBot

from intake.core.context import UnitOfWork
from intake.core.errors import KnownError, ValidationError
from tests.conftest import Team
from tests.ui.conftest import Crashes, Notices
from ui.kit.changes import HouseholdChanged, announce, on_household_changed
from ui.kit.operation import Attempt, Operation, report_progress
from ui.kit.progress import Cancelled

pytestmark = pytest.mark.gui


@pytest.fixture
def screen(qtbot: QtBot) -> QWidget:
    widget = QWidget()
    qtbot.addWidget(widget)
    return widget


def test_success_hands_over_the_value(team: Team, screen: QWidget, notices: Notices,
                                      crashes: Crashes) -> None:
    seen: list[int] = []
    operation = Operation(screen, team.store, team.consulent, lambda uow: 42).success(seen.append)
    assert operation.run() == 42 and operation.ok
    assert seen == [42] and notices.warnings == [] and crashes.errors == []


def test_known_error_is_a_dutch_warning(team: Team, screen: QWidget, notices: Notices,
                                        crashes: Crashes) -> None:
    def refuse(uow: UnitOfWork) -> None:
        raise KnownError("Dat mag niet.")

    ended: list[str] = []
    operation = Operation(screen, team.store, team.consulent, refuse).always(
        lambda: ended.append("klaar"))
    assert operation.run() is None and not operation.ok
    assert notices.warnings == ["Dat mag niet."] and crashes.errors == [] and ended == ["klaar"]


def test_specific_errors_go_to_their_own_handler(team: Team, screen: QWidget, notices: Notices,
                                                 crashes: Crashes) -> None:
    def refuse(uow: UnitOfWork) -> None:
        raise ValidationError({"naam": "Vul een naam in."})

    fields: list[dict[str, str]] = []
    Operation(screen, team.store, team.consulent, refuse).on(
        ValidationError, lambda error: fields.append(error.fields)).run()
    assert fields == [{"naam": "Vul een naam in."}] and notices.warnings == []


def test_unexpected_error_ends_in_the_crash_dialog(team: Team, screen: QWidget,
                                                   notices: Notices, crashes: Crashes) -> None:
    def broken(uow: UnitOfWork) -> None:
        raise RuntimeError("kapot")

    assert Operation(screen, team.store, team.consulent, broken).run() is None
    assert [str(e) for e in crashes.errors] == ["kapot"] and notices.warnings == []
    assert Attempt(screen, lambda: 1 / 0).run() is None
    assert isinstance(crashes.errors[-1], ZeroDivisionError)


def test_background_work_runs_off_and_delivers_on_the_ui_thread(
        qtbot: QtBot, team: Team, screen: QWidget, crashes: Crashes) -> None:
    worked_in: list[threading.Thread] = []
    delivered_in: list[threading.Thread] = []

    def work(uow: UnitOfWork) -> str:
        worked_in.append(threading.current_thread())
        return "klaar"

    values: list[str] = []
    operation = Operation(screen, team.store, team.consulent, work).success(
        lambda value: (values.append(value), delivered_in.append(threading.current_thread())))
    operation.run_in_background()
    qtbot.waitUntil(lambda: bool(values))
    assert values == ["klaar"]
    assert worked_in[0] is not threading.main_thread()
    assert delivered_in == [threading.main_thread()]


def test_background_crash_and_cancel(qtbot: QtBot, team: Team, screen: QWidget,
                                     crashes: Crashes, notices: Notices) -> None:
    def broken(uow: UnitOfWork) -> None:
        raise RuntimeError("kapot op de achtergrond")

    Operation(screen, team.store, team.consulent, broken).run_in_background()
    qtbot.waitUntil(lambda: bool(crashes.errors))
    assert str(crashes.errors[0]) == "kapot op de achtergrond"

    ended: list[bool] = []
    operation: Operation[None] = Operation(
        screen, team.store, team.consulent, lambda uow: report_progress(1, 2))
    operation.with_progress("Bezig…").on(Cancelled, lambda _e: ended.append(True))
    operation.cancel()
    operation.run_in_background()
    qtbot.waitUntil(lambda: bool(ended))
    assert len(crashes.errors) == 1 and notices.warnings == []


def test_changes_are_announced_to_subscribers_but_not_the_initiator(
        team: Team, screen: QWidget, qtbot: QtBot) -> None:
    household = uuid.uuid4()
    other = QWidget()
    qtbot.addWidget(other)
    heard: dict[str, list[uuid.UUID]] = {"screen": [], "other": []}
    on_household_changed(screen, heard["screen"].append)
    on_household_changed(other, heard["other"].append, lambda: household)
    Operation(screen, team.store, team.consulent, lambda uow: None,
              changes=HouseholdChanged(household)).run()
    Operation(screen, team.store, team.consulent, lambda uow: None,
              changes=lambda _value: HouseholdChanged(uuid.uuid4())).run()
    assert heard == {"screen": [], "other": [household]}


def test_a_subscription_ends_with_its_widget(qtbot: QtBot) -> None:
    widget = QWidget()
    heard: list[uuid.UUID] = []
    on_household_changed(widget, heard.append)
    announce(HouseholdChanged(uuid.uuid4()))
    shiboken6.delete(widget)  # the C++ widget goes, as when its tab is closed
    announce(HouseholdChanged(uuid.uuid4()))
    assert len(heard) == 1


def test_an_operation_is_freed_without_the_cyclic_collector(team: Team, screen: QWidget) -> None:
    """Collection is off in between (ui/kit/gc_guard.py): a cycle would keep the screen's
    widgets alive after they were closed."""
    operation = Operation(screen, team.store, team.consulent, lambda uow: 1)
    operation.success(lambda _value: None)
    operation.run()
    gone = weakref.ref(operation)
    del operation
    assert gone() is None
