"""The brede uitvraag, help questions and the export on PostgreSQL (portable SQL only)."""

from __future__ import annotations

from datetime import timedelta

import pytest

from db.engine import StoreLocation
from intake.catalogues.admin import list_entries, relabel
from intake.catalogues.stored import CatalogueKind
from intake.core.clock import local_date
from intake.core.roles import Role
from intake.core.session import unit_of_work
from intake.help_questions.registration import list_help_questions
from intake.register.households import create_household
from intake.reports.help_question_export import export_rows
from intake.store import create_store, open_store
from intake.store.accounts import add_account
from intake.uitvraag.flow import finish_intake, open_intake, save_answer, start_intake, steps
from intake.uitvraag.handover import latest_intake_summary
from tests.conftest import PASSWORD, jolanda_input
from tests.helpers import pg_server
from tests.uitvraag.test_intakes import plain_answer

pytestmark = pytest.mark.postgres


def test_intake_to_export_on_postgresql() -> None:
    with pg_server.running_server() as url:
        location = StoreLocation.parse(url)
        store, admin = create_store(location, "beheerder", "Bea Beheer", PASSWORD)
        try:
            with unit_of_work(store, admin) as uow:
                add_account(uow, "consulent", "Carla Consulent", Role.CONSULENT, PASSWORD)
                add_account(uow, "teamleider", "Tom Teamleider", Role.TEAMLEIDER, PASSWORD)
        finally:
            store.close()
        store, consulent = open_store(location, "consulent", PASSWORD)
        try:
            with unit_of_work(store, consulent) as uow:
                household = create_household(uow, jolanda_input())
                intake_id = start_intake(uow, household.id, "balie", "zorgloket").id
            while True:
                with unit_of_work(store, consulent) as uow:
                    todo = next((s for s in steps(uow, intake_id).steps if not s.answered), None)
                    if todo is None:
                        break
                    value = [{"type": "werk_reintegratie", "member": None}] \
                        if todo.key == "cl_hulpvragen" else plain_answer(todo)
                    save_answer(uow, intake_id, todo.key, value, todo.repeat_key)
            with unit_of_work(store, consulent) as uow:
                view = open_intake(uow, household.id)
                assert view is not None
                finish_intake(uow, intake_id, view.version)
            with unit_of_work(store, consulent) as uow:
                summary = latest_intake_summary(uow, household.id)
                assert summary is not None and len(summary.scores) == 15
                assert [h.type_code for h in list_help_questions(uow, household.id)] == [
                    "werk_reintegratie"]
        finally:
            store.close()
        store, admin = open_store(location, "beheerder", PASSWORD)
        try:
            with unit_of_work(store, admin) as uow:
                entry = next(e for e in list_entries(uow, CatalogueKind.HULPVRAAGTYPE)
                             if e.code == "werk_reintegratie")
                relabel(uow, CatalogueKind.HULPVRAAGTYPE, entry.code, "Werk", entry.version)
        finally:
            store.close()
        store, teamleider = open_store(location, "teamleider", PASSWORD)
        try:
            with unit_of_work(store, teamleider) as uow:
                today = local_date(uow.now)  # the Dutch day: after 23:00 UTC it is tomorrow
                (row,) = export_rows(uow, today - timedelta(days=1), today)
            assert (row.type_label, row.type_label_current) == ("Werk en re-integratie", "Werk")
        finally:
            store.close()
