"""Fixtures for the screen tests: message boxes and the crash dialog never block a test."""

from __future__ import annotations

from dataclasses import dataclass, field

import pytest

from ui.kit import crash
from ui.kit.notice import Notice


@dataclass
class Notices:
    """Stands in for the modal message boxes; ``answer`` is what a confirmation returns."""

    warnings: list[str] = field(default_factory=list)
    infos: list[str] = field(default_factory=list)
    questions: list[str] = field(default_factory=list)
    said: list[str] = field(default_factory=list)  # warnings and infos, in order
    answer: bool = True


@pytest.fixture
def notices(monkeypatch: pytest.MonkeyPatch) -> Notices:
    seen = Notices()

    def warn(cls: type, parent: object, text: str, *args: str) -> None:
        seen.warnings.append(text)
        seen.said.append(text)

    def info(cls: type, parent: object, text: str, *args: str) -> None:
        seen.infos.append(text)
        seen.said.append(text)

    def confirm(cls: type, parent: object, text: str, *args: str) -> bool:
        seen.questions.append(text)
        return seen.answer

    monkeypatch.setattr(Notice, "warn", classmethod(warn))
    monkeypatch.setattr(Notice, "info", classmethod(info))
    monkeypatch.setattr(Notice, "confirm", classmethod(confirm))
    return seen


@dataclass
class Crashes:
    errors: list[BaseException] = field(default_factory=list)


@pytest.fixture
def crashes(monkeypatch: pytest.MonkeyPatch) -> Crashes:
    """The crash dialog's entry point records instead of opening a dialog."""
    seen = Crashes()
    monkeypatch.setattr(crash, "show_crash", seen.errors.append)
    return seen


@pytest.fixture(autouse=True)
def _closing_at_teardown_never_asks(monkeypatch: pytest.MonkeyPatch) -> None:
    """pytest-qt closes a test's widgets after it; a dialog left with typed input would then
    ask "Wijzigingen niet opslaan?" in a modal box and hang the run. Outside the ``notices``
    fixture (which records the questions) a question is answered "yes"."""
    monkeypatch.setattr(Notice, "confirm", classmethod(lambda cls, *args: True))


@pytest.fixture(autouse=True)
def _need_to_know_reason_is_given(monkeypatch: pytest.MonkeyPatch) -> None:
    """Opening a household outside one's own work asks a reason in a modal dialog; a screen
    test that opens one (a team lead's, a colleague's) answers with a reason. Tests of the
    question itself replace ``ReasonDialog.ask`` again."""
    from tests.helpers.access import TEST_REASON
    from ui.register.need_to_know import ReasonDialog

    monkeypatch.setattr(ReasonDialog, "ask", classmethod(lambda cls, parent: TEST_REASON))
