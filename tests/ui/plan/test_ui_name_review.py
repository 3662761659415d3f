"""The print preview asks about words that look like an unregistered name before it shows a
redacted plan, and makes it with the decisions taken; a print for an organisation needs its
recorded basis."""

from __future__ import annotations

import io
from datetime import date

import pytest
from pypdf import PdfReader
from pytestqt.qtbot import QtBot

from intake import plans
from intake.core.session import unit_of_work
from intake.documents import NameReview
from intake.plans import VersionDetailsInput
from intake.register.households import HouseholdView
from intake.sharing import BasisInput, record_basis
from tests.conftest import Team
from tests.ui.conftest import Notices
from ui.plan.name_review import KEEP, NameReviewDialog
from ui.plan.preview import PreviewDialog

pytestmark = [pytest.mark.gui,
              pytest.mark.qt_log_ignore("This plugin does not support propagateSizeHints")]


def _text(pdf: bytes) -> str:
    return " ".join(p.extract_text() for p in PdfReader(io.BytesIO(pdf)).pages)


def test_flagged_words_are_decided_before_the_redacted_plan_shows(
        qtbot: QtBot, team: Team, jolanda: HouseholdView, monkeypatch: pytest.MonkeyPatch,
        notices: Notices) -> None:
    with unit_of_work(team.store, team.consulent) as uow:
        view = plans.start_plan(uow, jolanda.id)
        view = plans.update_details(uow, view.id, view.version, VersionDetailsInput(
            strengths="Jolanda kookt met haar vriend Kevin en Sinterklaas."))
    asked: list[tuple[str, ...]] = []

    def ask(cls: type, parent: object, names: tuple[str, ...],
            earlier: NameReview) -> NameReview | None:
        asked.append(tuple(names))
        dialog = NameReviewDialog(names)
        dialog.choices["Sinterklaas"].setCurrentIndex(dialog.choices["Sinterklaas"]
                                                      .findData(KEEP))
        return dialog.review(earlier)

    monkeypatch.setattr(NameReviewDialog, "ask", classmethod(ask))
    dialog = PreviewDialog(team.store, team.consulent, jolanda.id, view.plan_id, view.number,
                           view.dossiernummer)
    qtbot.addWidget(dialog)
    qtbot.waitUntil(lambda: not dialog.loading and dialog.document.pageCount() > 0)
    assert "Kevin" in _text(dialog.pdf_bytes)  # the professional version keeps names
    dialog.variant.setCurrentIndex(2)  # geanonimiseerd
    qtbot.waitUntil(lambda: not dialog.loading and "Inwoner kookt" in _text(dialog.pdf_bytes))
    assert asked == [("Kevin", "Sinterklaas")]
    text = _text(dialog.pdf_bytes)
    assert "Inwoner kookt met haar vriend [naam] en Sinterklaas." in text
    assert "Kevin" not in text and "Jolanda" not in text
    assert not notices.warnings
    dialog.close()


def test_cancelling_the_review_prints_nothing(qtbot: QtBot, team: Team,
                                              jolanda: HouseholdView,
                                              monkeypatch: pytest.MonkeyPatch,
                                              notices: Notices) -> None:
    with unit_of_work(team.store, team.consulent) as uow:
        view = plans.start_plan(uow, jolanda.id)
        view = plans.update_details(uow, view.id, view.version, VersionDetailsInput(
            strengths="Haar vriend Kevin helpt."))
    monkeypatch.setattr(NameReviewDialog, "ask", classmethod(lambda cls, p, n, e: None))
    dialog = PreviewDialog(team.store, team.consulent, jolanda.id, view.plan_id, view.number,
                           view.dossiernummer)
    qtbot.addWidget(dialog)
    qtbot.waitUntil(lambda: not dialog.loading and dialog.document.pageCount() > 0)
    dialog.variant.setCurrentIndex(2)
    qtbot.waitUntil(lambda: not dialog.loading)
    assert dialog.pdf_bytes == b""
    assert not dialog.save_button.isEnabled()
    assert notices.warnings and "niet gemaakt" in notices.warnings[0]
    dialog.close()


def test_a_print_for_an_organisation_needs_its_basis(qtbot: QtBot, team: Team,
                                                     jolanda: HouseholdView,
                                                     notices: Notices) -> None:
    with unit_of_work(team.store, team.consulent) as uow:
        view = plans.start_plan(uow, jolanda.id)
    dialog = PreviewDialog(team.store, team.consulent, jolanda.id, view.plan_id, view.number,
                           view.dossiernummer)
    qtbot.addWidget(dialog)
    qtbot.waitUntil(lambda: not dialog.loading and dialog.document.pageCount() > 0)
    dialog.organisation.setCurrentIndex(dialog.organisation.findData("wijkracht"))
    qtbot.waitUntil(lambda: not dialog.loading)
    assert dialog.pdf_bytes == b"" and not dialog.save_button.isEnabled()
    assert "mag niet met Wijkracht gedeeld worden" in notices.warnings[0]
    with unit_of_work(team.store, team.consulent) as uow:
        record_basis(uow, jolanda.id, BasisInput(
            "wijkracht", "toestemming", "Buurtcoach zoekt werk mee", ["plan"], "getekend",
            valid_until=date(2099, 1, 1)))
    dialog.make_pdf()
    qtbot.waitUntil(lambda: not dialog.loading and dialog.document.pageCount() > 0)
    assert "Gedeeld met Wijkracht" in _text(dialog.pdf_bytes)
    dialog.close()
