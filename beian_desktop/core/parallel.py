"""Independent per-file jobs run side by side on a few threads; results come back in order.

Decoding, resampling, colour conversion, JPEG coding and qpdf's writing all release the GIL,
so on a machine with several cores scans are inspected and converted at the same time. The
caller's thread hands out the jobs, hears of each one finishing (for progress) and raises the
first failure; the workers run each job in a copy of the caller's context (so
`atomic.scratch_writes()` still applies to what they write).

Memory, not cores, limits big scans: a 600-dpi A3 page needs several hundred megabytes while
it is resampled. Jobs marked heavy therefore run one at a time, beside light ones.
"""

from __future__ import annotations

import contextlib
import contextvars
import os
import threading
from collections.abc import Callable, Sequence
from concurrent.futures import FIRST_COMPLETED, Future, ThreadPoolExecutor, wait
from dataclasses import dataclass
from typing import Generic, TypeVar, cast

T = TypeVar("T")
T_co = TypeVar("T_co", covariant=True)

MAX_WORKERS = 4  # beyond this the disk and the memory of big scans, not the CPU, set the pace
WORKERS_VARIABLE = "BEIAN_DESKTOP_WORKERS"


@dataclass(frozen=True)
class Job(Generic[T_co]):
    run: Callable[[], T_co]
    heavy: bool = False  # needs a lot of memory: at most one heavy job at a time


def worker_count() -> int:
    """Threads for file work: the CPU count up to MAX_WORKERS, or BEIAN_DESKTOP_WORKERS."""
    configured = os.environ.get(WORKERS_VARIABLE, "").strip()
    if configured.isdigit() and int(configured) > 0:
        return int(configured)
    return max(1, min(os.cpu_count() or 1, MAX_WORKERS))


def run_jobs(
    jobs: Sequence[Job[T]],
    *,
    workers: int | None = None,
    check: Callable[[], None] | None = None,
    on_done: Callable[[int], None] | None = None,
) -> list[T]:
    """Run `jobs`; return their results in the jobs' order.

    `check` runs on the caller's thread before the first job and after each one finishes (it
    raises to stop, e.g. `CancelToken.check`); `on_done(index)` is called there as each job
    finishes. On the first failure no further job starts, the running ones are waited for
    and the earliest failed job's error is raised (jobs start in order, so that is nearly
    always the first failing job, as in a run on one thread).
    """
    count = min(workers or worker_count(), len(jobs))
    if count <= 1:
        return _run_inline(jobs, check, on_done)
    return _Pool(jobs, count, check, on_done).run()


def _run_inline(
    jobs: Sequence[Job[T]],
    check: Callable[[], None] | None,
    on_done: Callable[[int], None] | None,
) -> list[T]:
    results = []
    for index, job in enumerate(jobs):
        if check is not None:
            check()
        results.append(job.run())
        if on_done is not None:
            on_done(index)
    if check is not None:
        check()
    return results


class _Pool(Generic[T]):
    def __init__(
        self,
        jobs: Sequence[Job[T]],
        workers: int,
        check: Callable[[], None] | None,
        on_done: Callable[[int], None] | None,
    ) -> None:
        self.jobs = jobs
        self.workers = workers
        self.check = check or (lambda: None)
        self.on_done = on_done or (lambda _index: None)
        self.stopped = threading.Event()
        self.heavy_lock = threading.Lock()

    def run(self) -> list[T]:
        self.check()
        with ThreadPoolExecutor(self.workers, thread_name_prefix="beian-job") as executor:
            futures = {
                executor.submit(contextvars.copy_context().run, self._one, job): index
                for index, job in enumerate(self.jobs)
            }
            try:
                self._collect(futures)
            except BaseException as error:
                self.stopped.set()  # jobs not yet started return at once
                for future in futures:
                    future.cancel()
                wait(futures)
                raise _earliest_failure(futures, error) from None
        return [cast(T, future.result()) for future in futures]

    def _one(self, job: Job[T]) -> T | None:
        if self.stopped.is_set():
            return None
        with self.heavy_lock if job.heavy else contextlib.nullcontext():
            return job.run()

    def _collect(self, futures: dict[Future[T | None], int]) -> None:
        pending = set(futures)
        while pending:
            done, pending = wait(pending, return_when=FIRST_COMPLETED)
            for future in sorted(done, key=futures.__getitem__):
                future.result()  # raises the job's failure
                self.on_done(futures[future])
            self.check()


def _earliest_failure(futures: dict[Future[T | None], int], caught: BaseException) -> BaseException:
    """A job's failure is reported as the earliest failed job's (whichever finished first);
    anything else (a cancel from `check`, an interrupt) as itself."""
    failures = [f.exception() for f in futures if not f.cancelled() and f.exception() is not None]
    if caught in failures:
        earliest = failures[0]
        assert earliest is not None
        return earliest
    return caught
