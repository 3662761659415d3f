"""Demo rows generated in worker processes while this process writes them.

Generating a demo (drawing names, dates, plans; turning ids and dates into what the driver
stores) is pure Python work of one core; writing it (SQLite, encryption) is another. A job is
a callable ``job(ctx, progress)`` run in a forked child on its own copy of the
``DemoContext``: what it gives to ``ctx.insert`` is converted there into the driver's tuples
(``bulk.prepare_rows``) and sent here, where it is executed in the run's one transaction. The
jobs run side by side, at most as many at a time as there are cores; their rows are
executed job by job, each job's batches in the order it made them, so the store gets the same
rows in the same order as when the jobs run one after the other in this process. Each job
draws from its own random stream, so where it runs does not change what it draws.

A job reads nothing from the store (what it needs is read before, into the context) and
returns a picklable value. A job's tables get their secondary indexes back as soon as its
rows are in, while the next jobs are still generating. Ctrl+C (or any error) ends the
children; the transaction is rolled back by the caller as before.
"""

from __future__ import annotations

import multiprocessing
import os
import pickle
import queue
import signal
from collections.abc import Callable, Sequence
from dataclasses import replace
from typing import TYPE_CHECKING, Any, cast

from sqlalchemy import Connection, Table

from db import bulk
from intake.demo.context import DemoContext, ProgressFactory

if TYPE_CHECKING:
    from multiprocessing.context import ForkContext

Job = Callable[[DemoContext, ProgressFactory], Any]
# Batches one job may have waiting: enough to keep the writer busy, a bound on memory.
_WAITING = 32
# Below this many households the start of the processes costs more than it saves.
PARALLEL_FROM = 2000


def _fork() -> ForkContext | None:
    if "fork" not in multiprocessing.get_all_start_methods():
        return None  # Windows, and macOS's default: the jobs run in this process
    return multiprocessing.get_context("fork")


def available(households: int, connection: Connection) -> bool:
    """Whether a run of this size on this store is worth worker processes."""
    return (households >= PARALLEL_FROM and (os.cpu_count() or 1) > 1
            and connection.dialect.name == "sqlite" and _fork() is not None)


def _child(job: Job, ctx: DemoContext, out: Any) -> None:
    # Ctrl+C reaches the whole process group: the parent ends its children itself.
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    dialect = ctx.session.get_bind().dialect

    def sink(target: Table | type[Any], rows: Sequence[dict[str, Any]]) -> None:
        table = target if isinstance(target, Table) else cast(Table, target.__table__)
        out.put(("rows", table.name, bulk.prepare_rows(dialect, table, rows)))

    def progress(label: str, total: int) -> Callable[[int], None]:
        out.put(("progress", label, total))
        return lambda done: out.put(("done", label, done))

    try:
        result = job(replace(ctx, sink=sink), progress)
    except BaseException as error:  # handed to the parent, which raises it
        try:
            pickle.dumps(error)
        except Exception:  # an exception that does not pickle
            error = RuntimeError(repr(error))
        out.put(("error", error))
    else:
        out.put(("end", result))
    out.close()
    out.join_thread()


def run_jobs(ctx: DemoContext, connection: Connection, progress: ProgressFactory,
             jobs: Sequence[Job], built: Callable[[set[str]], None]) -> list[Any]:
    """Run the jobs in forked children and execute their rows here, job by job; return what
    each job returned. ``built(tables)`` is called when a job's rows are all in."""
    fork = _fork()
    assert fork is not None
    channels = [fork.Queue(_WAITING) for _ in jobs]
    children = [fork.Process(target=_child, args=(job, ctx, out), daemon=True)
                for job, out in zip(jobs, channels, strict=True)]
    # Generating costs about twice what writing does: the writer waits for rows most of the
    # time, so as many generators as cores keep every core busy; more only slow the writer.
    limit = max(1, os.cpu_count() or 1)
    started: list[Any] = []

    def start_more() -> None:
        while len(started) < len(children) and \
                sum(child.is_alive() for child in started) < limit:
            children[len(started)].start()
            started.append(children[len(started)])

    results: list[Any] = []
    try:
        for child, out in zip(children, channels, strict=True):
            start_more()
            results.append(_drain(child, out, connection, progress, built, start_more))
            child.join()
    finally:
        for child in started:
            if child.is_alive():
                child.terminate()
            child.join()
        for out in channels:
            out.close()
            out.cancel_join_thread()
    return results


def _drain(child: Any, out: Any, connection: Connection, progress: ProgressFactory,
           built: Callable[[set[str]], None], start_more: Callable[[], None]) -> Any:
    reporters: dict[str, Callable[[int], None]] = {}
    tables: set[str] = set()
    while True:
        try:
            message = out.get(timeout=1.0)
        except queue.Empty:
            if not child.is_alive() and out.empty():
                raise RuntimeError(
                    f"Demo: een werkproces stopte onverwacht (code {child.exitcode}).") from None
            continue
        start_more()  # a job that finished generating makes room for the next
        kind = message[0]
        if kind == "rows":
            tables.add(message[1])
            bulk.insert_prepared(connection, message[2])
        elif kind == "progress":
            reporters[message[1]] = progress(message[1], message[2])
        elif kind == "done":
            reporters[message[1]](message[2])
        elif kind == "error":
            raise message[1]
        else:
            built(tables)
            return message[1]
