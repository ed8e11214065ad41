"""Per-file jobs on threads: order, failures, cancel, context, memory-heavy jobs, warnings."""

from __future__ import annotations

import threading
import time
import warnings
from pathlib import Path

import pytest

from beian_desktop.core import atomic
from beian_desktop.core.inspect.boundary import decode_boundary, library_warnings
from beian_desktop.core.parallel import Job, run_jobs, worker_count
from beian_desktop.core.pipeline.progress import Cancelled, CancelToken


def _sleepy(value: int, seconds: float = 0.0) -> Job[int]:
    def run() -> int:
        time.sleep(seconds)
        return value

    return Job(run)


def test_results_keep_the_jobs_order_whatever_finishes_first() -> None:
    jobs = [_sleepy(i, 0.02 * (5 - i)) for i in range(6)]
    finished: list[int] = []
    assert run_jobs(jobs, workers=3, on_done=finished.append) == list(range(6))
    assert sorted(finished) == list(range(6))
    assert finished != list(range(6)), "later jobs finish first here: progress is as they end"


def test_jobs_really_run_side_by_side() -> None:
    barrier = threading.Barrier(2, timeout=5)
    jobs = [Job(lambda: barrier.wait()) for _ in range(2)]  # deadlocks unless concurrent
    run_jobs(jobs, workers=2)


def test_one_worker_runs_inline_on_the_callers_thread() -> None:
    caller = threading.get_ident()
    assert run_jobs([Job(threading.get_ident)] * 3, workers=1) == [caller] * 3


def test_the_earliest_failure_is_raised_and_later_jobs_do_not_start() -> None:
    started: list[int] = []

    def failing(index: int, seconds: float) -> Job[int]:
        def run() -> int:
            started.append(index)
            time.sleep(seconds)
            raise ValueError(index)

        return Job(run)

    jobs = [failing(0, 0.05), failing(1, 0.0), *[_sleepy(i) for i in range(2, 40)]]
    with pytest.raises(ValueError, match=r"^0$"):  # job 1 fails first; job 0 is earlier
        run_jobs(jobs, workers=2)
    assert sorted(started) == [0, 1]


def test_cancel_stops_between_jobs_and_waits_for_the_running_ones() -> None:
    token = CancelToken()
    ran: list[int] = []

    def job(index: int) -> Job[int]:
        def run() -> int:
            ran.append(index)
            time.sleep(0.01)
            return index

        return Job(run)

    def on_done(index: int) -> None:
        token.cancel()

    with pytest.raises(Cancelled):
        run_jobs([job(i) for i in range(50)], workers=2, check=token.check, on_done=on_done)
    assert len(ran) < 10
    assert not [t for t in threading.enumerate() if t.name.startswith("beian-job")]


def test_jobs_run_in_the_callers_context() -> None:
    def durable() -> bool:
        return atomic._DURABLE.get()

    assert run_jobs([Job(durable)] * 4, workers=2) == [True] * 4
    with atomic.scratch_writes():
        assert run_jobs([Job(durable)] * 4, workers=2) == [False] * 4


def test_heavy_jobs_run_one_at_a_time_beside_light_ones() -> None:
    lock = threading.Lock()
    running = {"heavy": 0, "all": 0}
    peaks = {"heavy": 0, "all": 0}

    def job(heavy: bool) -> Job[None]:
        def run() -> None:
            with lock:
                for key in ("all", "heavy") if heavy else ("all",):
                    running[key] += 1
                    peaks[key] = max(peaks[key], running[key])
            time.sleep(0.01)
            with lock:
                for key in ("all", "heavy") if heavy else ("all",):
                    running[key] -= 1

        return Job(run, heavy=heavy)

    run_jobs([job(i % 2 == 0) for i in range(12)], workers=4)
    assert peaks["heavy"] == 1 and peaks["all"] >= 2


def test_worker_count_follows_the_setting(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("BEIAN_DESKTOP_WORKERS", "3")
    assert worker_count() == 3
    monkeypatch.setenv("BEIAN_DESKTOP_WORKERS", "zero")
    assert 1 <= worker_count() <= 4


def test_decoding_in_many_threads_leaves_the_warning_state_as_it_was(tmp_path: Path) -> None:
    """Threads enter in one order and leave in the same order: per-thread catch_warnings
    would restore each other's state wrongly and leave the process recording warnings."""
    filters, show = list(warnings.filters), warnings.showwarning
    count = 4
    entered = [threading.Event() for _ in range(count)]
    left = [threading.Event() for _ in range(count)]

    def decode(index: int) -> Job[int]:
        def run() -> int:
            if index:
                assert entered[index - 1].wait(5)
            with decode_boundary("PNG", tmp_path / f"{index}.png"):
                entered[index].set()
                assert entered[-1].wait(5)
                warnings.warn(f"library noise {index}", UserWarning, stacklevel=1)
                if index:
                    assert left[index - 1].wait(5)
            left[index].set()
            return index

        return Job(run)

    assert run_jobs([decode(i) for i in range(count)], workers=count) == list(range(count))
    assert warnings.filters == filters and warnings.showwarning is show
    with pytest.raises(UserWarning):  # the suite's "error" filter is back in force
        warnings.warn("after", UserWarning, stacklevel=1)


def test_library_warnings_are_collected_for_the_thread_that_was_in() -> None:
    with library_warnings() as caught:
        warnings.warn("noise", UserWarning, stacklevel=1)
    assert [str(w.message) for w in caught] == ["noise"]
