"""The target-group fact rows (figure_item_groups): the same cells as matching every item
against the tags and dates of birth in Python, over many periods of a randomised store;
years counted as age_on counts them (29 February included) by the kept rows and by the
migration's fill, on SQLite and PostgreSQL; kept in step by every write; and gone with a
destroyed dossier."""

from __future__ import annotations

import importlib
import random
import uuid
from datetime import date, timedelta
from typing import Any

import pytest
from sqlalchemy import select

from db import figure_facts
from db.models import FigureItemGroup, Member, TargetGroupTag
from intake.core.ids import raw_text
from intake.core.session import unit_of_work
from intake.help_questions.registration import HelpQuestionInput, register_help_question
from intake.plans import (
    ActionInput,
    AgreedHow,
    ResultInput,
    WhoKind,
    add_action,
    add_result,
    agree,
    start_new_version,
    start_plan,
    update_action,
)
from intake.register.households import (
    HouseholdInput,
    MemberInput,
    MemberRole,
    create_household,
    open_household,
    update_household,
)
from intake.register.target_groups import (
    age_on,
    remove_target_group,
    set_target_group,
    target_groups,
)
from intake.reports.period import Period
from intake.reports.prevention_queries import Item, PreventionPeriod
from tests.conftest import Team
from tests.helpers import pg_server
from tests.helpers.fact_rows import fact_rows, refilled
from tests.reports.test_reports_postgres import _team as pg_team
from tests.reports.test_reports_store import at

MIGRATION = importlib.import_module("db.migrations.versions.0019_figure_target_groups")
Rows = set[tuple[Any, ...]]
LEVELS = (None, "universeel", "selectief", "geindiceerd")


def _rows(team: Team) -> Rows:
    return fact_rows(team, FigureItemGroup, figure_facts._ITEM_GROUP_COLUMNS)


def _refilled(team: Team, how: str) -> Rows:
    """The rows again: by a rebuild of every fact, or by the migration's frozen fill."""
    with team.store.sessions() as session:
        fill = MIGRATION.fill_sql(session.get_bind().dialect.name)
    return refilled(team, FigureItemGroup, figure_facts._ITEM_GROUP_COLUMNS, how, fill)


# ---- the Python matching the fact rows replace -------------------------------------------

def _matched(session: Any, items: list[Item]) -> dict[tuple[str, str], float]:
    """Per item, the groups its household held on its day: the typed tags holding that day
    and the derived groups of a member's age on it."""
    tags: dict[Any, list[tuple[str, date, date | None]]] = {}
    for household, code, set_on, removed_on in session.execute(select(
            raw_text(TargetGroupTag.household_id), TargetGroupTag.code, TargetGroupTag.set_on,
            TargetGroupTag.removed_on)):
        tags.setdefault(household, []).append((code, set_on, removed_on))
    births: dict[Any, list[date]] = {}
    for household, born in session.execute(select(raw_text(Member.household_id),
                                                  Member.date_of_birth)):
        if born is not None:
            births.setdefault(household, []).append(born)
    bands = [(g.code, *g.age_band) for g in target_groups() if g.derived and g.age_band]
    cells: dict[tuple[str, str], float] = {}
    for household, day, column, n in items:
        held = {code for code, set_on, removed_on in tags.get(household, ())
                if set_on <= day and (removed_on is None or day < removed_on)}
        for code, low, high in bands:
            if any(born <= day and low <= age_on(born, day) < high
                   for born in births.get(household, ())):
                held.add(code)
        for code in held:
            cells[(code, column)] = cells.get((code, column), 0) + n
    return cells


# ---- a randomised store ------------------------------------------------------------------

def _random_store(team: Team, seed: int) -> None:
    rng = random.Random(seed)
    con = team.consulent
    first = date(2025, 1, 1)

    def some_day(after: date = first, span: int = 540) -> date:
        return after + timedelta(days=rng.randrange(span))

    births = [date(2024, 2, 29), date(2024, 3, 1), date(2023, 2, 28), date(2023, 3, 1),
              date(2024, 12, 31), date(2022, 6, 15), date(2010, 5, 5), date(1988, 2, 29)]
    households: list[tuple[uuid.UUID, list[uuid.UUID]]] = []
    with unit_of_work(team.store, con, at(first)) as uow:
        for number in range(1, 9):
            members = [MemberInput("Ouder", f"Familie{number}", MemberRole.OUDER,
                                   date(1980 + number, 1, 1))]
            members += [MemberInput(f"Kind{k}", f"Familie{number}", MemberRole.KIND, born)
                        for k, born in enumerate(rng.sample(births, rng.randrange(3)))]
            view = create_household(uow, HouseholdInput(
                street="Dorpsstraat", house_number=str(number), postcode="7551 AB",
                city="Hengelo", members=members))
            households.append((view.id, [m.id for m in view.members]))
    events: list[tuple[date, int, Any]] = []
    for household, members in households:
        for _ in range(rng.randrange(2, 9)):
            day = some_day()
            events.append((day, len(events), ("question", household, day)))
        for _ in range(rng.randrange(3)):
            code, member = rng.choice((("schulden", None), ("complexe_gezinssituatie", None),
                                       ("werkzoekenden", members[0]),
                                       ("bijzondere_ouders", members[0])))
            day = some_day()
            removed = some_day(day, 200) if rng.random() < 0.6 else None
            events.append((day, len(events), ("tag", household, code, member, day, removed)))
        if rng.random() < 0.8:
            day = some_day(span=420)
            again = some_day(day, 120) if rng.random() < 0.6 else None
            events.append((day, len(events), ("plan", household, day, again)))
    # A member born on a day within the store's years, added later: the members are tracked.
    day = date(2025, 9, 1)
    events.append((day, len(events), ("newborn", households[0][0], date(2025, 8, 20))))
    for day, _n, event in sorted(events):
        _apply(team, rng, event, day)


def _apply(team: Team, rng: random.Random, event: tuple[Any, ...], day: date) -> None:
    con = team.consulent
    kind, household = event[0], event[1]
    if kind == "question":
        with unit_of_work(team.store, con, at(day)) as uow:
            register_help_question(uow, household, HelpQuestionInput(
                type_code="opvoeden_opgroeien", outcome_code="direct_geholpen",
                vindplaats_code="zorgloket", channel_code="telefoon", registered_on=day))
    elif kind == "tag":
        _kind, _household, code, member, set_on, removed = event
        with unit_of_work(team.store, con, at(removed or set_on)) as uow:
            found = uow.session.scalar(select(TargetGroupTag.id).where(
                TargetGroupTag.household_id == household, TargetGroupTag.code == code,
                TargetGroupTag.removed_on.is_(None)))
            if found is None:  # one open tag per group and person
                tag = set_target_group(uow, household, code, member, set_on=set_on)
                if removed is not None:
                    remove_target_group(uow, tag.id, tag.version, removed_on=removed)
    elif kind == "plan":
        _kind, _household, agreed, again = event
        with unit_of_work(team.store, con, at(again or agreed)) as uow:
            view = start_plan(uow, household)
            view = add_result(uow, view.id, view.version,
                              ResultInput("financien", "Rust", "wgs"))
            for what in range(rng.randrange(1, 4)):
                result = view.results[-1]
                view = add_action(uow, result.id, result.version, ActionInput(
                    f"Actie {what}", WhoKind.INWONER, "eigen_kracht",
                    start_on=agreed, prevention_level=rng.choice(LEVELS)))
            view = agree(uow, view.id, view.version, agreed, AgreedHow.GETEKEND)
            if again is not None:
                view = start_new_version(uow, view.plan_id)
                action = view.results[0].actions[0]
                view = update_action(uow, action.id, action.version, ActionInput(
                    action.what, action.who_kind, action.support_level,
                    start_on=action.start_on, prevention_level=rng.choice(LEVELS)))
                agree(uow, view.id, view.version, again, AgreedHow.MONDELING)
    else:  # a newborn added to the household
        with unit_of_work(team.store, con, at(day)) as uow:
            view = open_household(uow, household)
            members = [MemberInput(m.given_name, m.family_name, m.role, m.date_of_birth,
                                   id=m.id) for m in view.members]
            update_household(uow, household, view.version, HouseholdInput(
                view.street, str(view.house_number), view.postcode, view.city,
                members=[*members, MemberInput("Baby", "Nieuw", MemberRole.KIND, event[2])]))


def test_the_fact_rows_count_as_the_python_matching_over_many_periods(team: Team) -> None:
    _check_many_periods(team)


@pytest.mark.postgres
def test_the_fact_rows_count_as_the_python_matching_on_postgresql() -> None:
    with pg_server.running_server() as url:
        server_team = pg_team(url)
        try:
            _check_many_periods(server_team)
        finally:
            server_team.store.close()


def _check_many_periods(team: Team) -> None:
    _random_store(team, seed=17)
    kept = _rows(team)
    assert {row[0] for row in kept} == {"hulpvraag", "plan", "actie"}
    assert {row[2] for row in kept} >= {"jonge_kind", "schulden", "bijzondere_ouders"}
    assert kept == _refilled(team, "rebuild") == _refilled(team, "migration")
    checked = nonzero = 0
    with team.store.sessions() as session:
        start = date(2024, 12, 20)
        while start <= date(2026, 7, 10):
            for days in (0, 6, 30, 91, 364):
                period = Period(start, start + timedelta(days=days))
                data = PreventionPeriod(session, period)
                for kind, items in (("hulpvraag", data.help_questions),
                                    ("plan", data.plans), ("actie", data.actions)):
                    expected = _matched(session, items)
                    assert data.by_group(kind) == expected, (kind, period)
                    nonzero += bool(expected)
                assert data.help_question_count == sum(n for *_k, n in data.help_questions)
                assert data.plan_count == sum(n for *_k, n in data.plans)
                levels: dict[tuple[str, str], float] = {}
                for _household, _day, level, n in data.actions:
                    levels[(level, "aantal")] = levels.get((level, "aantal"), 0) + n
                assert data.action_levels == levels, period
                checked += 1
            start += timedelta(days=11)
    assert checked == 52 * 5
    assert nonzero > checked  # most periods have groups in them, not only empty cells


def test_the_derived_groups_are_the_catalogues() -> None:
    assert figure_facts.age_bands() == tuple(
        (g.code, *g.age_band) for g in target_groups() if g.derived and g.age_band)
    assert figure_facts.age_bands() == MIGRATION.AGE_BANDS


# ---- 29 February ------------------------------------------------------------------------

BORN = (date(2024, 2, 29), date(2024, 3, 1), date(2023, 2, 28))
DAYS = (date(2024, 2, 28), date(2024, 2, 29), date(2025, 2, 27), date(2025, 2, 28),
        date(2025, 3, 1), date(2026, 2, 27), date(2026, 2, 28), date(2026, 3, 1))


def _leap_store(team: Team) -> dict[uuid.UUID, date]:
    """One household per date of birth, each with a help question on every day of DAYS."""
    born_of: dict[uuid.UUID, date] = {}
    for number, born in enumerate(BORN, start=1):
        with unit_of_work(team.store, team.consulent, at(date(2024, 2, 27))) as uow:
            view = create_household(uow, HouseholdInput(
                street="Schrikkelstraat", house_number=str(number), postcode="7551 AB",
                city="Hengelo", members=[
                    MemberInput("Ouder", f"Schrikkel{number}", MemberRole.OUDER,
                                date(1990, 1, number)),
                    MemberInput("Kind", f"Schrikkel{number}", MemberRole.KIND, born,
                                expected=born > date(2024, 2, 27))]))
        born_of[view.id] = born
        for day in DAYS:
            with unit_of_work(team.store, team.consulent, at(day)) as uow:
                register_help_question(uow, view.id, HelpQuestionInput(
                    type_code="opvoeden_opgroeien", outcome_code="direct_geholpen",
                    vindplaats_code="zorgloket", channel_code="telefoon", registered_on=day))
    return born_of


def _young_child_days(rows: Rows, born_of: dict[uuid.UUID, date]) -> dict[date, set[date]]:
    found: dict[date, set[date]] = {born: set() for born in born_of.values()}
    for kind, _item, code, household, day, _previous, _column in rows:
        assert (kind, code) == ("hulpvraag", "jonge_kind")
        found[born_of[household]].add(day)
    return found


def _pin_leap_days(team: Team) -> None:
    born_of = _leap_store(team)
    expected = {born: {d for d in DAYS if born <= d and age_on(born, d) < 2} for born in BORN}
    assert expected == {  # as age_on counts: born 29 February, two on 1 March 2026
        date(2024, 2, 29): {date(2024, 2, 29), date(2025, 2, 27), date(2025, 2, 28),
                            date(2025, 3, 1), date(2026, 2, 27), date(2026, 2, 28)},
        date(2024, 3, 1): {date(2025, 2, 27), date(2025, 2, 28), date(2025, 3, 1),
                           date(2026, 2, 27), date(2026, 2, 28)},
        date(2023, 2, 28): {date(2024, 2, 28), date(2024, 2, 29), date(2025, 2, 27)},
    }
    assert _young_child_days(_rows(team), born_of) == expected
    assert _young_child_days(_refilled(team, "migration"), born_of) == expected


def test_a_birthday_on_29_february_counts_as_age_on_counts_it(team: Team) -> None:
    _pin_leap_days(team)


@pytest.mark.postgres
def test_a_birthday_on_29_february_counts_as_age_on_counts_it_on_postgresql() -> None:
    with pg_server.running_server() as url:
        server_team = pg_team(url)
        try:
            _pin_leap_days(server_team)
        finally:
            server_team.store.close()


# ---- kept in step: rows written with Core, a destroyed dossier ---------------------------

def test_rows_written_with_core_are_counted_once_touched(team: Team) -> None:
    """As a replica's pull writes them: a tag and a member inserted with Core, then touched."""
    with unit_of_work(team.store, team.consulent, at(date(2026, 3, 2))) as uow:
        view = create_household(uow, HouseholdInput(
            street="Kernstraat", house_number="1", postcode="7551 AB", city="Hengelo",
            members=[MemberInput("Ouder", "Kern", MemberRole.OUDER, date(1990, 1, 1))]))
        register_help_question(uow, view.id, HelpQuestionInput(
            type_code="opvoeden_opgroeien", outcome_code="direct_geholpen",
            vindplaats_code="zorgloket", channel_code="telefoon", registered_on=date(2026, 3, 2)))
    assert _rows(team) == set()
    tag_id, member_id = uuid.uuid4(), uuid.uuid4()
    with team.store.sessions() as session, session.begin():
        session.execute(TargetGroupTag.__table__.insert().values(
            id=tag_id, household_id=view.id, code="schulden", set_on=date(2026, 3, 1),
            set_by_id=team.consulent.id))
        session.execute(Member.__table__.insert().values(
            id=member_id, household_id=view.id, given_name="Baby", family_name="Kern",
            family_key="kern", given_key="baby", date_of_birth=date(2026, 2, 1),
            role=MemberRole.KIND.value, position=2))
        figure_facts.touch(session, "target_group_tags", [tag_id])
        figure_facts.touch(session, "members", [member_id])
    assert {(row[2], row[4]) for row in _rows(team)} == {
        ("schulden", date(2026, 3, 2)), ("jonge_kind", date(2026, 3, 2))}
    assert _rows(team) == _refilled(team, "rebuild")


def test_a_destroyed_dossier_leaves_no_target_group_rows(team: Team) -> None:
    """A health-data group is health data in the fact rows too: they go with the dossier,
    and the anonymous shell that keeps the help questions and plans has none."""
    from intake.retention import approve_destruction, propose_destruction
    from tests.helpers.dossiers import DUE, closed_family

    family = closed_family(team)
    with unit_of_work(team.store, team.consulent, at(date(2026, 11, 10))) as uow:
        set_target_group(uow, family.id, "bijzondere_ouders", family.members[0].id,
                         set_on=date(2026, 11, 2))
    before = _rows(team)
    assert {(kind, code) for kind, _i, code, *_rest in before} >= {
        ("hulpvraag", "bijzondere_ouders"), ("plan", "bijzondere_ouders"),
        ("actie", "bijzondere_ouders")}
    with unit_of_work(team.store, team.beheerder, at(DUE)) as uow:
        propose_destruction(uow, family.dossiernummer)
    with unit_of_work(team.store, team.teamleider, at(DUE)) as uow:
        approve_destruction(uow, family.dossiernummer)
    assert _rows(team) == set() == _refilled(team, "rebuild")
