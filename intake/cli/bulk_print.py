"""`intake plan print --all-active` on every core: plans are laid out by worker processes.

Laying out a plan (ReportLab's paragraphs and tables) is pure Python and holds one core, so
each worker process opens the store itself, signs in as the same person and prints its share
of the plans: one unit of work per plan reads it and records the print (each audited on its
own, as the single print), and the layout follows outside it, so the workers queue only for
their short reads and audit entries. Few plans are printed in this
process: starting a worker costs more than it saves.
"""

from __future__ import annotations

import multiprocessing
import os
import signal
import uuid
from collections.abc import Generator
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from intake.core.errors import KnownError
from intake.core.files import write_private

if TYPE_CHECKING:
    from intake.core.context import Actor
    from intake.documents import NameReview
    from intake.store import Store

# Fewer plans than this per worker are printed in this process.
PLANS_PER_WORKER = 25
MAX_WORKERS = 4


@dataclass(frozen=True)
class PrintJob:
    plan_id: uuid.UUID
    household_id: uuid.UUID
    version: int
    dossiernummer: str
    file_name: str


@dataclass(frozen=True)
class Printed:
    job: PrintJob
    error: str | None  # a Dutch message when this plan could not be printed


@dataclass(frozen=True)
class _Options:
    out: Path
    resident: bool
    redacted: bool
    review: NameReview | None = None
    for_organisation: str | None = None


_worker: tuple[Store, Actor, _Options] | None = None


def worker_count(jobs: int, cores: int | None = None) -> int:
    cores = cores or os.cpu_count() or 1
    return max(1, min(cores, MAX_WORKERS, jobs // PLANS_PER_WORKER))


def print_all(store: Store, actor: Actor, db: str, password: str, jobs: list[PrintJob],
              out: Path, *, resident: bool, redacted: bool, review: NameReview | None = None,
              for_organisation: str | None = None,
              workers: int | None = None) -> Generator[Printed]:
    """Each job's outcome, in the order of ``jobs``. Closing the iterator (Ctrl+C in the
    caller) stops the workers; files already written stay."""
    options = _Options(out, resident, redacted, review, for_organisation)
    count = workers if workers is not None else worker_count(len(jobs))
    if count <= 1:
        for job in jobs:
            yield _print(store, actor, options, job)
        return
    # spawn, not fork: a forked child would inherit this process's open SQLite connections.
    context = multiprocessing.get_context("spawn")
    pool = ProcessPoolExecutor(count, mp_context=context, initializer=_start_worker,
                               initargs=(db, actor.username, password, options))
    try:
        yield from pool.map(_print_in_worker, jobs, chunksize=4)
    finally:
        pool.shutdown(wait=True, cancel_futures=True)


def _start_worker(db: str, username: str, password: str, options: _Options) -> None:
    global _worker
    # Ctrl+C reaches the whole process group; the parent alone decides to stop.
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    from intake.cli.common import open_signed_in

    store, actor = open_signed_in(db, username, password)
    _worker = (store, actor, options)


def _print_in_worker(job: PrintJob) -> Printed:
    assert _worker is not None, "worker not started"
    store, actor, options = _worker
    return _print(store, actor, options, job)


def _print(store: Store, actor: Actor, options: _Options, job: PrintJob) -> Printed:
    from intake.core.session import unit_of_work
    from intake.documents import prepare_print, render_print

    try:
        with unit_of_work(store, actor) as uow:
            prepared = prepare_print(uow, job.household_id, job.version,
                                     resident=options.resident, redacted=options.redacted,
                                     plan_id=job.plan_id, review=options.review,
                                     for_organisation=options.for_organisation)
    except KnownError as error:
        return Printed(job, error.message)
    # Laid out after the unit of work: it holds the store's write lock, which would let the
    # workers print one at a time.
    write_private(options.out / job.file_name, render_print(prepared))
    return Printed(job, None)
