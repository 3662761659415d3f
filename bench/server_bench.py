"""Team lead's figures and overview, and search, through a running team server.

Usage (a server with the demo loaded, e.g. ``intake demo --db postgresql://…`` then
``intake server run … --listen 127.0.0.1:8443``)::

    python bench/server_bench.py --url http://127.0.0.1:8443 --password demo-wachtwoord

Each request is a full HTTPS/HTTP round trip as the command line and a laptop make it: the
server opens a unit of work as the signed-in person, checks access, computes, audits.
"""

from __future__ import annotations

import argparse
import statistics
import time
from collections.abc import Callable

from intake.team.client import TeamClient

QUERIES = ("jans", "de v", "celik", "bök", "nguyen", "hu", "wolb", "el a", "kowalsk", "jolanda")


def timed(call: Callable[[], object], repeat: int) -> list[float]:
    call()  # warm-up: connection pool, page cache
    samples = []
    for _ in range(repeat):
        start = time.perf_counter()
        call()
        samples.append(time.perf_counter() - start)
    return samples


def line(label: str, samples: list[float]) -> str:
    ordered = sorted(samples)
    p95 = ordered[min(len(ordered) - 1, round(0.95 * (len(ordered) - 1)))]
    return (f"| {label} | {statistics.median(samples) * 1000:.0f} ms | "
            f"{ordered[0] * 1000:.0f}–{ordered[-1] * 1000:.0f} ms | p95 {p95 * 1000:.0f} ms | "
            f"n={len(samples)} |")


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--url", required=True)
    parser.add_argument("--password", required=True)
    parser.add_argument("--ca")
    parser.add_argument("--repeat", type=int, default=10)
    parser.add_argument("--pdf", action="store_true",
                        help="also the report PDF (minutes at 60k: one summary per active plan)")
    parser.add_argument("--from", dest="start", default="01-01-2026")
    parser.add_argument("--to", dest="end", default="31-12-2026")
    args = parser.parse_args()
    print("| request | median | min–max | p95 | n |\n| --- | --- | --- | --- | --- |")
    with TeamClient(args.url, ca=args.ca) as lead:
        lead.sign_in("teamleider", args.password)
        period = {"from": args.start, "to": args.end}
        print(line("team overview, whole team (teamleider)",
                   timed(lambda: lead.overview(), args.repeat)))
        print(line("figures for a year (teamleider)",
                   timed(lambda: lead.call("/reports/figures", period), args.repeat)))
        print(line("report CSV for a year (teamleider)",
                   timed(lambda: lead.report(args.start, args.end, "csv"), args.repeat)))
        if args.pdf:
            print(line("report PDF for a year (teamleider)",
                       timed(lambda: lead.report(args.start, args.end, "pdf"), 1)))
    for role in ("consulent", "vindplaats"):
        with TeamClient(args.url, ca=args.ca) as client:
            client.sign_in(role, args.password)
            samples: list[float] = []
            for query in QUERIES:
                samples += timed(lambda q=query: client.search(q), args.repeat)
            print(line(f"search ({role}, {len(QUERIES)} queries)", samples))


if __name__ == "__main__":
    main()
