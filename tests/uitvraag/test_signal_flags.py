"""The open-signal flag the lists, the search and the household header show: in bulk, in one
query, only for households the person may see (and for search, open without a reason)."""

from __future__ import annotations

from datetime import date

import pytest
from sqlalchemy import event

from intake.core.errors import PermissionDenied
from intake.core.session import unit_of_work
from intake.register.households import HouseholdInput, HouseholdView, MemberInput, MemberRole
from intake.register.households import create_household as create
from intake.uitvraag.signals import flag_text, handle_signal_step, list_signals, open_signal_flags
from tests.conftest import Team
from tests.helpers.signals import raise_open_signal

SAFETY = "Signaal huiselijk geweld of kindermishandeling"


def _family(team: Team, number: int) -> HouseholdView:
    with unit_of_work(team.store, team.consulent) as uow:
        return create(uow, HouseholdInput(
            street="Marktstraat", house_number=str(number), postcode="7551 DR", city="Hengelo",
            members=[MemberInput("Ilse", f"Jansen{number}", MemberRole.ALLEENSTAAND,
                                 date(1980, 1, 1))]))


def test_flags_open_signals_by_kind_crisis_first(team: Team, jolanda: HouseholdView) -> None:
    quiet = _family(team, 1)
    raise_open_signal(team.store, team.consulent, jolanda.id)
    raise_open_signal(team.store, team.consulent, jolanda.id, "crisis")
    with unit_of_work(team.store, team.consulent) as uow:
        flags = open_signal_flags(uow, [jolanda.id, quiet.id])
    assert flags == {jolanda.id: ("Acute crisis", SAFETY)}
    assert flag_text(flags[jolanda.id]) == f"Signaal open: Acute crisis, {SAFETY}"
    assert flag_text(()) == ""


def test_a_handled_signal_is_no_longer_flagged(team: Team, jolanda: HouseholdView) -> None:
    raise_open_signal(team.store, team.consulent, jolanda.id)
    with unit_of_work(team.store, team.consulent) as uow:
        [signal] = list_signals(uow, jolanda.id, open_only=True)
    version = signal.version
    for step in range(1, 6):
        with unit_of_work(team.store, team.consulent) as uow:
            version = handle_signal_step(uow, signal.id, step, f"Besluit {step}", version).version
    with unit_of_work(team.store, team.consulent) as uow:
        assert open_signal_flags(uow, [jolanda.id]) == {}


def test_only_what_the_person_may_see_and_open_without_reason(
        team: Team, jolanda: HouseholdView) -> None:
    raise_open_signal(team.store, team.consulent, jolanda.id)
    with unit_of_work(team.store, team.vindplaats) as uow:
        assert open_signal_flags(uow, [jolanda.id]) == {}  # not hers to see at all
    for actor in (team.regisseur, team.teamleider):  # may open it, but with a reason
        with unit_of_work(team.store, actor) as uow:
            assert open_signal_flags(uow, [jolanda.id]) == {jolanda.id: (SAFETY,)}
            assert open_signal_flags(uow, [jolanda.id], reasonless_only=True) == {}
    with unit_of_work(team.store, team.consulent) as uow:  # her own work
        assert open_signal_flags(uow, [jolanda.id], reasonless_only=True) == \
            {jolanda.id: (SAFETY,)}
    with pytest.raises(PermissionDenied), unit_of_work(team.store, team.beheerder) as uow:
        open_signal_flags(uow, [jolanda.id])


def test_one_query_for_a_long_list(team: Team, jolanda: HouseholdView) -> None:
    families = [_family(team, number) for number in range(1, 31)]
    for family in families[::3]:
        raise_open_signal(team.store, team.consulent, family.id)
    with unit_of_work(team.store, team.consulent) as uow:
        reads: list[str] = []
        engine = uow.session.get_bind()

        def seen(_conn: object, _cursor: object, statement: str, *_args: object) -> None:
            if statement.lstrip().upper().startswith("SELECT") and "signals" in statement:
                reads.append(statement)

        event.listen(engine, "before_cursor_execute", seen)
        try:
            flags = open_signal_flags(uow, [jolanda.id, *(f.id for f in families)])
        finally:
            event.remove(engine, "before_cursor_execute", seen)
    assert set(flags) == {f.id for f in families[::3]}
    assert len(reads) == 1
