"""`intake plan print --all-active` on every core: plans are laid out by worker processes.

Laying out a plan (ReportLab's paragraphs and tables) is pure Python and holds one core, so
each worker process opens the store itself, signs in as the same person and prints its share
of the plans, a batch at a time: one unit of work per batch reads its plans in a handful of
statements and records each print (each household checked and audited on its own, as the
single print), and the layout follows outside it, so the workers queue only for their short
reads and audit entries, once per batch rather than once per plan. Few plans are printed in
this process: starting a worker costs more than it saves.
"""

from __future__ import annotations

import multiprocessing
import os
import signal
import uuid
from collections.abc import Generator
from concurrent.futures import ProcessPoolExecutor, ThreadPoolExecutor
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
# Plans read in one unit of work. It holds the store's write lock while it reads and makes the
# stories; a batch this size keeps that well under the other worker's busy timeout (5 s) on a
# loaded machine, and a cancelled print stops after at most this many plans per worker.
BATCH = 20


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
    batches = [jobs[i:i + BATCH] for i in range(0, len(jobs), BATCH)]
    if count <= 1:
        for batch in batches:
            yield from _print(store, actor, options, batch)
        return
    # spawn, not fork: a forked child would inherit this process's open SQLite connections.
    context = multiprocessing.get_context("spawn")
    pool = ProcessPoolExecutor(count, mp_context=context, initializer=_start_worker,
                               initargs=(db, actor.username, password, options))
    try:
        for printed in pool.map(_print_in_worker, batches):
            yield from printed
    finally:
        pool.shutdown(wait=True, cancel_futures=True)


def _start_worker(db: str, username: str, password: str, options: _Options) -> None:
    global _worker
    # Ctrl+C reaches the whole process group; the parent alone decides to stop.
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    from intake.cli.common import open_signed_in

    store, actor = open_signed_in(db, username, password)
    _worker = (store, actor, options)


def _print_in_worker(jobs: list[PrintJob]) -> list[Printed]:
    assert _worker is not None, "worker not started"
    store, actor, options = _worker
    return _print(store, actor, options, jobs)


def _print(store: Store, actor: Actor, options: _Options, jobs: list[PrintJob]) -> list[Printed]:
    from intake.core.session import unit_of_work
    from intake.documents import PrintRequest, prepare_prints, render_print

    try:
        with unit_of_work(store, actor) as uow:
            prepared = prepare_prints(
                uow, [PrintRequest(job.household_id, job.plan_id, job.version) for job in jobs],
                resident=options.resident, redacted=options.redacted, review=options.review,
                for_organisation=options.for_organisation)
    except KnownError as error:
        return [Printed(job, error.message) for job in jobs]
    # Laid out after the unit of work: it holds the store's write lock, which would let the
    # workers print one at a time. Each file is written (and synced to disk) by a thread
    # while the next plan is laid out: the sync waits on the disk, not on this core.
    printed = []
    prepared.reverse()
    with ThreadPoolExecutor(1) as writer:
        written = []
        for job in jobs:
            item = prepared.pop()  # a story is let go once laid out
            if isinstance(item, KnownError):
                printed.append(Printed(job, item.message))
                continue
            written.append(writer.submit(write_private, options.out / job.file_name,
                                         render_print(item)))
            printed.append(Printed(job, None))
        for done in written:
            done.result()  # a file that could not be written stops the print, as before
    return printed
