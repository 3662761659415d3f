"""The rows of `figure_questions` (see `FigureQuestion`): each help question with the days of
its household's questions before it, derived with window functions over the household's
questions in (registered_on, id) order. Kept in step by `db.figure_facts`."""

from __future__ import annotations

import uuid
from typing import Any

from sqlalchemy import BindParameter, Date, Select, and_, case, func, null, select

from db.models import CatalogueEntry, HelpQuestion

NO_LAW = "geen"
COLUMNS = ("question_id", "household_id", "registered_on", "previous_on",
           "second_previous_on", "other_law_on", "other_law_before_on")


def question_rows(households: list[uuid.UUID] | BindParameter[Any] | None = None
                  ) -> Select[*tuple[Any, ...]]:
    question = HelpQuestion
    law = case((and_(CatalogueEntry.law_code.is_not(None), CatalogueEntry.law_code != NO_LAW),
                CatalogueEntry.law_code))
    ordered = (question.registered_on, question.id)
    has_law = case((law.is_(None), 0), else_=1)
    under_law = (question.household_id, has_law)
    # Among the household's questions under a law: the law and day of the one before.
    laws = (select(question.id, question.household_id, question.registered_on,
                   law.label("law"), has_law.label("has_law"),
                   func.lag(law).over(partition_by=under_law, order_by=ordered)
                   .label("law_before"),
                   func.lag(question.registered_on, type_=Date)
                   .over(partition_by=under_law, order_by=ordered).label("on_before"))
            .outerjoin(CatalogueEntry, and_(CatalogueEntry.catalogue == "hulpvraagtype",
                                            CatalogueEntry.code == question.type_code)))
    if households is not None:
        laws = laws.where(question.household_id.in_(households))
    step = laws.subquery("laws")
    # A run of questions under one law starts where the law changes; the day before the
    # run's start is the latest question under another law, for every question of the run.
    changed = case((and_(step.c.has_law == 1, step.c.law_before != step.c.law),
                    step.c.on_before))
    other = (select(step, case((step.c.has_law == 1, func.max(changed).over(
                 partition_by=(step.c.household_id, step.c.has_law),
                 order_by=(step.c.registered_on, step.c.id), rows=(None, 0))),
                 else_=null()).label("other_law_on"))
             .subquery("other"))
    household = other.c.household_id
    order = (other.c.registered_on, other.c.id)
    return select(
        other.c.id, household, other.c.registered_on,
        func.lag(other.c.registered_on, type_=Date).over(partition_by=household, order_by=order),
        func.lag(other.c.registered_on, 2, type_=Date)
        .over(partition_by=household, order_by=order),
        other.c.other_law_on,
        func.max(other.c.other_law_on).over(partition_by=household, order_by=order,
                                            rows=(None, -1)))
