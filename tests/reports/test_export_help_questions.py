"""The dashboard export: rows match the store, labels then and now, no personal data."""

from __future__ import annotations

import csv
import io
from collections.abc import Callable
from datetime import date, datetime, timedelta
from pathlib import Path

import pytest
from sqlalchemy import select

from db.models import AuditEntry
from intake.catalogues.admin import list_entries, relabel
from intake.catalogues.stored import CatalogueKind
from intake.cli import main
from intake.core.errors import PermissionDenied
from intake.core.session import unit_of_work
from intake.help_questions.registration import HelpQuestionInput, register_help_question
from intake.register.households import HouseholdView, create_household
from intake.reports.help_question_export import COLUMNS, export_csv_text
from intake.store import open_store
from tests.conftest import PASSWORD, Team, jolanda_input


def clock(moment: datetime) -> Callable[[], datetime]:
    return lambda: moment


def rows_of(text: str) -> list[dict[str, str]]:
    return list(csv.DictReader(io.StringIO(text)))


def register(team: Team, household: HouseholdView, type_code: str, on: date,
             **extra: str) -> None:
    moment = datetime(on.year, on.month, on.day, 10, 0)
    with unit_of_work(team.store, team.consulent, clock(moment)) as uow:
        register_help_question(uow, household.id, HelpQuestionInput(
            type_code=type_code, registered_on=on, outcome_code=extra.get("outcome",
                                                                          "direct_geholpen"),
            vindplaats_code=extra.get("vindplaats", "zorgloket"),
            channel_code=extra.get("channel", "telefoon"),
            question="Mevrouw Verhoef heeft schulden bij de woningcorporatie",
            referral_target=extra.get("target", "")))


def export(team: Team, start: date, end: date) -> list[dict[str, str]]:
    with unit_of_work(team.store, team.teamleider) as uow:
        return rows_of(export_csv_text(uow, start, end))


def test_rows_match_the_store_and_keep_labels_after_a_rename(team: Team,
                                                              jolanda: HouseholdView) -> None:
    with unit_of_work(team.store, team.consulent, clock(datetime(2026, 1, 5))) as uow:
        other = create_household(uow, jolanda_input(), confirm_duplicate=True)
    register(team, jolanda, "schulden_geldzaken", date(2026, 2, 3))
    register(team, jolanda, "opvoeden_opgroeien", date(2026, 2, 10), vindplaats="huisarts",
             channel="op_de_vindplaats", outcome="doorverwezen", target="Jeugdteam Oost")
    register(team, other, "begeleiding", date(2026, 2, 11), channel="balie")
    register(team, other, "begeleiding", date(2026, 4, 1))  # outside the period
    with unit_of_work(team.store, team.beheerder, clock(datetime(2026, 3, 1))) as uow:
        entry = next(e for e in list_entries(uow, CatalogueKind.HULPVRAAGTYPE)
                     if e.code == "schulden_geldzaken")
        relabel(uow, CatalogueKind.HULPVRAAGTYPE, entry.code, "Geldzorgen", entry.version)
    register(team, jolanda, "schulden_geldzaken", date(2026, 3, 2))

    rows = export(team, date(2026, 2, 1), date(2026, 3, 31))
    assert tuple(rows[0]) == COLUMNS
    assert [(r["date"], r["type_code"], r["type_label"], r["type_label_current"]) for r in rows] \
        == [("2026-02-03", "schulden_geldzaken", "Schulden en geldzaken", "Geldzorgen"),
            ("2026-02-10", "opvoeden_opgroeien", "Opvoeden en opgroeien",
             "Opvoeden en opgroeien"),
            ("2026-02-11", "begeleiding", "Begeleiding", "Begeleiding"),
            ("2026-03-02", "schulden_geldzaken", "Geldzorgen", "Geldzorgen")]
    poh = rows[1]
    assert (poh["vindplaats_label"], poh["ijw_referrer_code"], poh["channel_label"],
            poh["outcome_label"], poh["law_code"]) == (
        "Huisarts (POH-jeugd)", "02", "Op de vindplaats", "Doorverwezen", "jeugdwet")
    pseudonyms = [r["household_pseudonym"] for r in rows]
    assert pseudonyms[0] == pseudonyms[1] == pseudonyms[3] != pseudonyms[2]
    # stable across exports
    again = export(team, date(2026, 2, 1), date(2026, 2, 28))
    assert again[0]["household_pseudonym"] == pseudonyms[0]
    text = "\n".join(",".join(r.values()) for r in rows)
    for personal in ("Verhoef", "Jolanda", "111222333", "schulden bij", "Jeugdteam",
                     str(jolanda.id), jolanda.dossiernummer):
        assert personal not in text


@pytest.mark.parametrize("role", ["consulent", "regisseur", "vindplaats", "beheerder"])
def test_only_the_teamleider_exports(team: Team, role: str) -> None:
    with pytest.raises(PermissionDenied), unit_of_work(team.store, getattr(team, role)) as uow:
        export_csv_text(uow, date(2026, 1, 1), date(2026, 12, 31))


def test_cli_writes_the_file_and_audits(team: Team, jolanda: HouseholdView, tmp_path: Path,
                                        monkeypatch: pytest.MonkeyPatch,
                                        capsys: pytest.CaptureFixture[str]) -> None:
    today = date.today()
    with unit_of_work(team.store, team.consulent) as uow:
        register_help_question(uow, jolanda.id, HelpQuestionInput(
            type_code="begeleiding", outcome_code="direct_geholpen",
            vindplaats_code="wijkteam", channel_code="huisbezoek"))
    team.store.close()
    monkeypatch.setenv("INTAKE_PASSWORD", PASSWORD)
    out = tmp_path / "hulpvragen.csv"
    # a day either side: the store keeps UTC, the test machine may not
    code = main(["export", "hulpvragen", "--db", str(team.location.path), "--user",
                 "teamleider", "--from", (today - timedelta(days=1)).strftime("%d-%m-%Y"),
                 "--to", (today + timedelta(days=1)).isoformat(), "--out", str(out)])
    assert code == 0 and "1 hulpvragen" in capsys.readouterr().out
    data = out.read_bytes()
    # The dashboard's machine format, unlike the figures for Excel: no byte order mark,
    # commas, the column names of COLUMNS, ISO dates (documented in the README).
    assert data.startswith(",".join(COLUMNS).encode() + b"\n")
    (row,) = rows_of(out.read_text(encoding="utf-8"))
    assert date.fromisoformat(row["date"]) - today in (timedelta(0), timedelta(days=1),
                                                        timedelta(days=-1))
    assert row["vindplaats_code"] == "wijkteam" and row["ijw_referrer_code"] == "01"
    code = main(["export", "hulpvragen", "--db", str(team.location.path), "--user",
                 "vindplaats", "--from", "01-01-2026", "--to", "31-12-2026", "--out",
                 str(tmp_path / "geweigerd.csv")])
    assert code == 2 and not (tmp_path / "geweigerd.csv").exists()
    store, _ = open_store(team.location, "teamleider", PASSWORD)
    try:
        with store.sessions() as session:
            results = list(session.execute(select(AuditEntry.actor_name, AuditEntry.result)
                                           .where(AuditEntry.action == "exporteren")))
    finally:
        store.close()
    assert ("teamleider", "ok") in results and ("vindplaats", "geweigerd") in results
