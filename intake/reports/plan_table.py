"""The plans of a team overview as columns of stored values, a ``PlanRow`` made only for the
row asked for.

A whole team is twenty thousand plans. As one frozen object per plan, with two UUIDs each,
that was sixty thousand objects for the cyclic collector to walk: on the worker while they
were built, and on the UI thread afterwards (``ui.kit.gc_guard``), where it stalled the
screen. As columns of text, numbers and days (none of which the collector tracks) the whole
list is a dozen tuples; a screen makes a row for the plans in view and sorts on a column.
"""

from __future__ import annotations

import uuid
from collections.abc import Iterable, Iterator, Mapping, Sequence, Set
from dataclasses import dataclass
from datetime import date
from operator import itemgetter
from typing import Any, overload

from intake.core.ids import day_of, uuid_of
from intake.plans.vocab import PlanKind
from intake.reports.caseload import VERSION_LABELS, CaseStatus

NO_WORKER = "(geen regisseur)"
KIND_LABELS = {kind.value: kind.label for kind in PlanKind}
STATUSES = {status.value: status for status in CaseStatus}


# Slots: made per row asked for, never kept for a whole team.
@dataclass(frozen=True, slots=True)
class PlanRow:
    plan_id: uuid.UUID
    household_id: uuid.UUID
    dossiernummer: str
    kind_label: str
    status: CaseStatus
    version_number: int  # the newest version
    active_number: int | None  # the version in force, if any: what a summary shows
    new_version: str  # label of a draft next to the active version, or ''
    regisseur_id: uuid.UUID | None  # as the plan and its print name (``shown_regisseur``)
    regisseur_name: str
    agreed_on: date | None
    next_evaluation: date | None
    evaluation_state: str  # 'verlopen', 'binnenkort' or ''
    # Whose workload it counts in: the regisseur, or the drafter when none is set.
    responsible_id: uuid.UUID | None = None
    responsible_name: str = ""


# The columns as read, in this order: ids and days as the driver hands them over (SQLite:
# text), kind, status and new version as their codes.
COLUMNS = ("plan_id", "household_id", "dossiernummer", "kind", "status", "version_number",
           "active_number", "new_version", "shown_key", "responsible_key", "agreed_on",
           "next_evaluation", "evaluation_state")
(_PLAN, _HOUSEHOLD, _DOSSIER, _KIND, _STATUS, _NUMBER, _ACTIVE, _NEW, _SHOWN, _RESPONSIBLE,
 _AGREED, _NEXT, _STATE) = range(len(COLUMNS))
_REPEATING = (_KIND, _STATUS, _NEW, _SHOWN, _RESPONSIBLE, _AGREED, _NEXT, _STATE)


class PlanTable(Sequence[PlanRow]):
    """``columns``: one sequence per name in ``COLUMNS``, all as long; ``names``: display
    names by user key (as read with the columns)."""

    __slots__ = ("_columns", "_names")

    def __init__(self, columns: Sequence[Sequence[Any]] = (),
                 names: Mapping[Any, str] | None = None) -> None:
        self._columns = tuple(tuple(column) for column in columns) or ((),) * len(COLUMNS)
        assert len(self._columns) == len(COLUMNS)
        self._names = dict(names or {})

    @classmethod
    def read(cls, batches: Iterable[Sequence[Sequence[Any]]], names: Mapping[Any, str]
             ) -> PlanTable:
        """From fetched rows in batches (fields as ``COLUMNS``), ordered on dossiernummer
        (stable: a dossier keeps the order read), without an object per row."""
        columns: list[list[Any]] = [[] for _ in COLUMNS]
        for batch in batches:
            for column, values in zip(columns, zip(*batch, strict=True), strict=True):
                column.extend(values)
        # The driver makes a new string per value read. Where a column holds a few values over
        # and over (codes, user keys, days), every row is given the one copy: the collector
        # checks each value a column refers to once (on the UI thread, ui.kit.gc_guard), and
        # that is quicker on a few objects it has just seen than on twenty thousand.
        for place in _REPEATING:
            same: dict[Any, Any] = {}
            columns[place] = list(map(same.setdefault, columns[place], columns[place]))
        dossiers = columns[_DOSSIER]
        if len(dossiers) > 1:
            pick = itemgetter(*sorted(range(len(dossiers)), key=dossiers.__getitem__))
            return cls([pick(column) for column in columns], names)
        return cls(columns, names)

    def __len__(self) -> int:
        return len(self._columns[_PLAN])

    @overload
    def __getitem__(self, index: int) -> PlanRow: ...

    @overload
    def __getitem__(self, index: slice) -> Sequence[PlanRow]: ...

    def __getitem__(self, index: int | slice) -> PlanRow | Sequence[PlanRow]:
        if isinstance(index, slice):
            return tuple(self[i] for i in range(*index.indices(len(self))))
        (plan_id, household_id, dossier, kind, status, number, active, new_version, shown,
         responsible, agreed_on, next_on, state) = (column[index] for column in self._columns)
        return PlanRow(uuid_of(plan_id), uuid_of(household_id), dossier, KIND_LABELS[kind],
                       STATUSES[status], number, active, VERSION_LABELS.get(new_version or "", ""),
                       self._user(shown), self.name(shown), day_of(agreed_on), day_of(next_on),
                       state, self._user(responsible), self.name(responsible))

    def __iter__(self) -> Iterator[PlanRow]:
        return (self[i] for i in range(len(self)))

    def name(self, user_key: Any) -> str:
        return self._names.get(user_key) or NO_WORKER

    @staticmethod
    def _user(key: Any) -> uuid.UUID | None:
        return None if key is None else uuid_of(key)

    def column(self, name: str) -> Sequence[Any]:
        """One stored column (see ``COLUMNS``) for every plan, in the list's order."""
        return self._columns[COLUMNS.index(name)]

    def values(self, field: str) -> Sequence[Any]:
        """``PlanRow.<field>`` for every plan, without making the rows: to sort on."""
        if field in ("dossiernummer", "version_number", "active_number", "evaluation_state"):
            return self.column(field)
        if field == "kind_label":
            return [KIND_LABELS[kind] for kind in self._columns[_KIND]]
        if field == "status":
            return [STATUSES[status] for status in self._columns[_STATUS]]
        if field == "new_version":
            return [VERSION_LABELS.get(code or "", "") for code in self._columns[_NEW]]
        if field in ("regisseur_name", "responsible_name"):
            keys = self._columns[_SHOWN if field == "regisseur_name" else _RESPONSIBLE]
            return [self.name(key) for key in keys]
        if field in ("agreed_on", "next_evaluation"):
            return [day_of(day) for day in self._columns[
                _AGREED if field == "agreed_on" else _NEXT]]
        return [getattr(row, field) for row in self]

    def per_household(self, values: Mapping[uuid.UUID, Any], default: Any) -> list[Any]:
        """For every plan the value of its household in ``values`` (else ``default``)."""
        households = self._columns[_HOUSEHOLD]
        if not values:
            return [default] * len(households)
        by_key = {_stored_key(household_id, households[0]): value
                  for household_id, value in values.items()}
        return [by_key.get(key, default) for key in households]

    def household_ids(self, more: Iterable[uuid.UUID] = ()) -> Set[uuid.UUID]:
        """The households listed (and ``more``), as a set that asks its stored keys."""
        return StoredIds(self._columns[_HOUSEHOLD], more)

    def __eq__(self, other: object) -> bool:
        if isinstance(other, PlanTable):
            return self._columns == other._columns and self._names == other._names
        return NotImplemented

    __hash__ = None  # type: ignore[assignment]

    def __repr__(self) -> str:
        return f"PlanTable({len(self)} plans)"


class StoredIds(Set[uuid.UUID]):
    """UUIDs kept as the driver's keys (SQLite: 32 hex digits, PostgreSQL: UUIDs): a test of
    membership converts the one id asked about, not every stored key."""

    def __init__(self, keys: Sequence[Any], more: Iterable[uuid.UUID] = ()) -> None:
        self._like = keys[0] if keys else None
        self._keys = frozenset(keys) | {_stored_key(value, self._like) for value in more}

    def __contains__(self, value: object) -> bool:
        return isinstance(value, uuid.UUID) and _stored_key(value, self._like) in self._keys

    def __iter__(self) -> Iterator[uuid.UUID]:
        return (uuid_of(key) for key in self._keys)

    def __len__(self) -> int:
        return len(self._keys)


def _stored_key(value: uuid.UUID, like: Any) -> Any:
    """``value`` as the driver hands over a key like ``like``."""
    return value.hex if isinstance(like, str) else value
