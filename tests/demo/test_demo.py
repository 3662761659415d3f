"""Demo data: reproducible, realistic, only in demo stores, with one account per role."""

from __future__ import annotations

import random
from collections import Counter
from collections.abc import Callable
from datetime import date, datetime
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import func, select

from db.engine import StoreLocation
from db.models import AuditEntry, Household, Member, NetworkContact, User
from intake.cli import main as cli_main
from intake.core import audit
from intake.core.errors import KnownError
from intake.core.roles import Role
from intake.core.session import unit_of_work
from intake.core.validation import normalise_bsn, normalise_postcode
from intake.demo import DEMO_ACCOUNTS, Composition, DemoContext, ProgressFactory, run_demo
from intake.demo.people import HouseholdMaker, bsn_from
from intake.register.households import open_household
from intake.register.search import search_households
from intake.store import open_store
from tests.conftest import PASSWORD, Team

DEMO_PASSWORD = "demo-wachtwoord"
NOW = datetime(2026, 3, 2, 9, 30)
SMALL = 50


def silent(_label: str, _total: int) -> Callable[[int], None]:
    return lambda _done: None


def make_demo(path: Path, *, households: int = SMALL, seed: int = 7,
              steps: list[Any] | None = None) -> StoreLocation:
    location = StoreLocation.parse(str(path / "intake.db"))
    run_demo(location, households, seed, DEMO_PASSWORD, silent, steps or [], now=NOW)
    return location


def snapshot(location: StoreLocation) -> list[tuple[Any, ...]]:
    """Everything a person sees of the households, in dossiernummer order."""
    store, _actor = open_store(location, "consulent", DEMO_PASSWORD)
    try:
        with store.sessions() as session:
            rows = []
            for household in session.scalars(select(Household).order_by(Household.dossiernummer)):
                rows.append((
                    household.id, household.dossiernummer, household.street,
                    household.house_number, household.house_number_suffix, household.postcode,
                    household.phone, household.email, household.created_at,
                    tuple((m.id, m.given_name, m.prefix, m.family_name, m.date_of_birth, m.role,
                           m.bsn) for m in household.members),
                    tuple((c.name, c.relation, c.phone, c.can_help_with)
                          for c in household.network),
                ))
            return rows
    finally:
        store.close()


@pytest.fixture
def demo(tmp_path: Path) -> StoreLocation:
    return make_demo(tmp_path / "demo")


def test_same_seed_gives_same_data(tmp_path: Path) -> None:
    first = snapshot(make_demo(tmp_path / "a", seed=11))
    second = snapshot(make_demo(tmp_path / "b", seed=11))
    other = snapshot(make_demo(tmp_path / "c", seed=12))
    assert len(first) == SMALL
    assert first == second
    assert [row[9] for row in first] != [row[9] for row in other]


def test_every_role_signs_in_with_the_demo_password(demo: StoreLocation) -> None:
    for account in DEMO_ACCOUNTS:
        store, actor = open_store(demo, account.username, DEMO_PASSWORD)
        try:
            assert actor.role is account.role
            with store.sessions() as session:
                user = session.scalars(select(User).where(User.username == account.username)).one()
                assert user.is_demo
        finally:
            store.close()
    vindplaats = next(a for a in DEMO_ACCOUNTS if a.role is Role.VINDPLAATS)
    assert vindplaats.username == "vindplaats"
    assert vindplaats.vindplaats_code == "huisarts"


def test_demo_content_is_plausible(demo: StoreLocation) -> None:
    store, _actor = open_store(demo, "consulent", DEMO_PASSWORD)
    try:
        with store.sessions() as session:
            households = session.scalars(select(Household)).all()
            bsns = [bsn for bsn in session.scalars(select(Member.bsn)) if bsn]
            assert all(h.is_demo for h in households)
            for household in households:
                assert normalise_postcode(household.postcode) == household.postcode
                assert 7550 <= int(household.postcode[:4]) <= 7559
                assert household.city == "Hengelo"
                assert household.members
                assert household.dossiernummer.startswith("HH-20")
            assert bsns and all(normalise_bsn(bsn) == bsn for bsn in bsns)
            assert len(bsns) == len(set(bsns))
            assert session.scalar(select(func.count()).select_from(NetworkContact))
    finally:
        store.close()


def test_jolanda_is_in_every_demo_store(demo: StoreLocation) -> None:
    for username in ("consulent", "vindplaats"):
        store, actor = open_store(demo, username, DEMO_PASSWORD)
        try:
            with unit_of_work(store, actor) as uow:
                hits = search_households(uow, "jolanda verhoef")
                assert len(hits) == 1
                view = open_household(uow, hits[0].id)
            assert view.members[0].date_of_birth == date(1998, 5, 17)
            assert view.postcode == "7551CK"
            assert {n.relation for n in view.network} >= {"vriend"}
        finally:
            store.close()


def test_one_audit_entry_for_the_run_and_the_chain_holds(demo: StoreLocation) -> None:
    store, admin = open_store(demo, "beheerder", DEMO_PASSWORD)
    try:
        with store.sessions() as session:
            entries = session.scalars(
                select(AuditEntry).where(AuditEntry.action == "demo")).all()
        assert [e.detail for e in entries] == [f"{SMALL} huishoudens, seed 7"]
        assert entries[0].actor_name == "beheerder"
        with unit_of_work(store, admin) as uow:
            assert audit.verify_chain(uow).ok
    finally:
        store.close()


def test_a_second_run_adds_households_to_a_demo_store(tmp_path: Path) -> None:
    location = make_demo(tmp_path, households=20)
    make_demo(tmp_path, households=30)
    rows = snapshot(location)
    assert len(rows) == 50
    assert len({row[0] for row in rows}) == 50
    jolandas = [row for row in rows if row[9][0][1:4] == ("Jolanda", "", "Verhoef")]
    assert len(jolandas) == 1


def test_refuses_a_store_with_real_data(team: Team, jolanda: object) -> None:
    with pytest.raises(KnownError, match="echte gegevens"):
        run_demo(team.location, SMALL, 1, PASSWORD, silent, [], now=NOW)
    with pytest.raises(KnownError, match="niet op aanmelden"):
        run_demo(team.location, SMALL, 1, DEMO_PASSWORD, silent, [], now=NOW)
    with team.store.sessions() as session:
        assert session.scalar(select(func.count()).select_from(Household)) == 1


def test_cli_refuses_real_store_with_exit_code_2(
    team: Team, capsys: pytest.CaptureFixture[str]
) -> None:
    assert team.location.path is not None
    code = cli_main(["demo", "--households", "5", "--password", PASSWORD,
                     "--db", str(team.location.path)])
    assert code == 2
    assert "echte gegevens" in capsys.readouterr().err


def test_cli_prints_the_accounts(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    code = cli_main(["demo", "--households", "3", "--seed", "2", "--password", DEMO_PASSWORD,
                     "--db", str(tmp_path / "cli" / "intake.db")])
    assert code == 0
    out = capsys.readouterr().out
    for account in DEMO_ACCOUNTS:
        assert account.username in out
        assert account.role.label in out


def test_steps_run_after_households_and_count_in_the_audit(tmp_path: Path) -> None:
    seen: list[int] = []

    def step(ctx: DemoContext, progress: ProgressFactory) -> None:
        seen.append(len(ctx.households))
        assert ctx.jolanda_id in {h.id for h in ctx.households}
        assert set(ctx.actors) == set(Role)
        ctx.counts["proefregels"] = 3
        progress("Proef", 1)(1)

    location = make_demo(tmp_path, households=10, steps=[step])
    assert seen == [10]
    store, _admin = open_store(location, "beheerder", DEMO_PASSWORD)
    try:
        with store.sessions() as session:
            detail = session.scalar(select(AuditEntry.detail).where(AuditEntry.action == "demo"))
        assert detail == "10 huishoudens, 3 proefregels, seed 7"
    finally:
        store.close()


def test_generated_households_cover_the_town() -> None:
    maker = HouseholdMaker(random.Random(3), date(2026, 1, 1), set())
    made = [maker.household() for _ in range(3000)]
    kinds = Counter(h.composition for h in made)
    assert set(kinds) == set(Composition)
    names = [m.family_name for h in made for m in h.members]
    assert any(not name.isascii() for name in names)
    assert {"Çelik", "Nguyễn"} & set(names)
    for household in made:
        parents = [m for m in household.members if m.role.value == "ouder/verzorger"]
        children = [m for m in household.members if m.role.value == "kind"]
        if household.composition in {Composition.GEZIN, Composition.GROOT_GEZIN,
                                     Composition.EENOUDERGEZIN}:
            assert children
        for child in children:
            assert all(child.date_of_birth.year - p.date_of_birth.year >= 18 for p in parents)
    large = [h for h in made if h.composition is Composition.GROOT_GEZIN]
    assert all(len(h.members) >= 5 for h in large)


def test_generated_bsns_pass_the_elfproef() -> None:
    rng = random.Random(5)
    assert all(normalise_bsn(bsn_from(rng)) for _ in range(2000))


def test_seeded_identities_are_the_version_4_uuids_of_the_drawn_bits() -> None:
    import uuid

    from intake.demo import seeded_uuid

    drawn, expected = random.Random(5), random.Random(5)
    for _ in range(200):
        made = seeded_uuid(drawn)
        assert made == uuid.UUID(int=expected.getrandbits(128), version=4)
        assert made.version == 4 and made.variant == uuid.RFC_4122
        assert uuid.UUID(str(made)) == made and hash(made) == hash(uuid.UUID(made.hex))
