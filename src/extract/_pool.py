"""Isolated workers: map a function over items in long-lived processes, each item under limits.

Each worker handles many items (no process per item). The parent knows which item each worker is
on and since when; past the time limit it kills the worker (SIGKILL: this stops C code and runaway
regular expressions alike) and starts another. A worker that dies (a crash in a native library,
the memory limit) is replaced the same way. The item it was on gets a ``Failure``; the items queued
behind it are handed to the new worker. Results come back in input order.

>>> list(run_isolated(abs, [-1, 2], jobs=1, seconds=30, memory_mb=512, on_failure=lambda i, f: None))
[1, 2]
"""

from __future__ import annotations

import contextlib
import faulthandler
import multiprocessing
import os
import signal
import sys
import time
from collections import deque
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass, field
from multiprocessing.connection import Connection, wait
from typing import Any, Generic, TypeVar

T = TypeVar("T")
R = TypeVar("R")

_PREFETCH = 2  # items queued on a worker: the next one starts without waiting for the parent


@dataclass(frozen=True, slots=True)
class Failure:
    """Why an item gave no result: the error record's stage, type, message and hint."""

    stage: str
    type: str
    message: str
    hint: str | None = None


def _limit_memory(memory_mb: int) -> None:
    """Cap this process's address space at what it holds now plus ``memory_mb`` (Linux only)."""
    try:
        import resource

        with open("/proc/self/statm", encoding="ascii") as fh:
            current = int(fh.read().split()[0]) * os.sysconf("SC_PAGE_SIZE")
        cap = current + memory_mb * 1024 * 1024
        hard = resource.getrlimit(resource.RLIMIT_AS)[1]
        resource.setrlimit(resource.RLIMIT_AS, (cap if hard == resource.RLIM_INFINITY else min(cap, hard), hard))
    except (ImportError, OSError, ValueError):
        pass  # no /proc or no RLIMIT_AS (macOS, Windows): the time limit still holds


def _worker(conn: Connection, fn: Callable[[Any], Any], memory_mb: int) -> None:
    """Worker loop: receive (index, item), send (index, ok, result or Failure); None ends it."""
    signal.signal(signal.SIGINT, signal.SIG_IGN)  # the parent handles Ctrl-C and ends the workers
    faulthandler.disable()  # a crash is reported as the letter's error record, not as a traceback
    _limit_memory(memory_mb)
    while True:
        try:
            message = conn.recv()
        except (EOFError, OSError):
            return
        if message is None:
            return
        index, item = message
        exit_after = False
        try:
            reply: tuple[int, bool, Any] = (index, True, fn(item))
        except MemoryError:
            reply, exit_after = (index, False, _memory_failure(memory_mb)), True
        except Exception as exc:  # one bad item must not end the worker
            reply = (index, False, Failure("internal", type(exc).__name__, str(exc),
                                           "this is a bug in extract: please report it with the file"))
        try:
            conn.send(reply)
        except MemoryError:
            conn.send((index, False, _memory_failure(memory_mb)))
            exit_after = True
        if exit_after:  # a fresh process rather than a fragmented heap
            return


def _memory_failure(memory_mb: int) -> Failure:
    return Failure("limit", "memory", f"reading this file needed more than the {memory_mb} MB memory limit",
                   "the file may be crafted (a decompression bomb); raise EXTRACT_MEMORY_LIMIT if it is genuine")


def _timeout_failure(seconds: float) -> Failure:
    return Failure("limit", "timeout", f"reading this file took longer than the {seconds:g} s time limit",
                   "the file may be crafted or pathological; raise EXTRACT_TIME_LIMIT if it is genuine")


def _died_failure(exitcode: int | None, memory_mb: int) -> Failure:
    if exitcode is not None and exitcode < 0:
        try:
            how = f"signal {signal.Signals(-exitcode).name}"
        except ValueError:
            how = f"signal {-exitcode}"
    else:
        how = f"exit status {exitcode}"
    return Failure("internal", "worker_crashed",
                   f"the worker process died ({how}) while reading this file: a native reader crashed or "
                   f"ran out of the {memory_mb} MB memory limit (a decompression bomb aborts this way)",
                   "the file may be damaged or crafted; raise EXTRACT_MEMORY_LIMIT if it is genuine, "
                   "else please report it with the file")


def _context() -> Any:  # a multiprocessing context (the stubs give BaseContext no Process)
    """fork on Linux: a worker starts in milliseconds, with the modules already imported, and never
    re-runs the caller's script. Elsewhere spawn (a script that calls ``extract_paths`` then needs the
    usual ``if __name__ == "__main__":`` guard; the ``extract`` command has it)."""
    return multiprocessing.get_context("fork" if sys.platform.startswith("linux") else "spawn")


@dataclass
class _Worker(Generic[T]):
    process: multiprocessing.process.BaseProcess
    conn: Connection
    queue: deque[int] = field(default_factory=deque)
    since: float = 0.0  # when the item at the head of the queue started


class _Pool(Generic[T, R]):
    def __init__(self, fn: Callable[[T], R], items: Sequence[T], jobs: int, seconds: float, memory_mb: int) -> None:
        self.fn, self.items, self.seconds, self.memory_mb = fn, items, seconds, memory_mb
        self.ctx = _context()
        self.pending: deque[int] = deque(range(len(items)))
        self.done: dict[int, tuple[bool, Any]] = {}
        self.workers: list[_Worker[T]] = [self._start() for _ in range(max(1, min(jobs, len(items))))]

    def _start(self) -> _Worker[T]:
        parent, child = self.ctx.Pipe(duplex=True)
        process = self.ctx.Process(target=_worker, args=(child, self.fn, self.memory_mb), daemon=True)
        process.start()
        child.close()
        return _Worker(process, parent)

    def _dispatch(self, window_end: int) -> None:
        for w in self.workers:
            while len(w.queue) < _PREFETCH and self.pending and self.pending[0] < window_end:
                index = self.pending.popleft()
                if not w.queue:
                    w.since = time.monotonic()
                w.queue.append(index)
                try:
                    w.conn.send((index, self.items[index]))
                except (OSError, ValueError):
                    break  # the worker is gone: found and replaced in _reap

    def _receive(self, w: _Worker[T]) -> None:
        while w.queue and w.conn.poll():
            index, ok, result = w.conn.recv()
            w.queue.popleft()
            self.done[index] = (ok, result)
            w.since = time.monotonic()

    def _replace(self, w: _Worker[T], failure: Failure | None) -> None:
        """A new worker for ``w``: its current item failed (unless it left cleanly), the others go
        back to the front of the line."""
        if w.process.is_alive():
            w.process.kill()
        w.process.join()
        w.conn.close()
        if w.queue and failure is not None:
            self.done[w.queue.popleft()] = (False, failure)
        self.pending.extendleft(reversed(w.queue))
        self.workers[self.workers.index(w)] = self._start()

    def _reap(self) -> None:
        now = time.monotonic()
        for w in list(self.workers):
            try:
                self._receive(w)
            except (EOFError, OSError):
                pass
            if not w.process.is_alive():
                w.process.join()
                code = w.process.exitcode
                self._replace(w, None if code == 0 else _died_failure(code, self.memory_mb))
            elif w.queue and now - w.since > self.seconds:
                self._replace(w, _timeout_failure(self.seconds))

    def _wait(self) -> None:
        busy = [w for w in self.workers if w.queue]
        if not busy:
            return
        deadline = min(w.since for w in busy) + self.seconds
        timeout = max(0.0, deadline - time.monotonic()) + 0.01
        wait([w.conn for w in busy] + [w.process.sentinel for w in busy], timeout)

    def run(self, on_failure: Callable[[T, Failure], R]) -> Iterator[R]:
        window = len(self.workers) * (_PREFETCH + 2) + 16
        next_out = 0
        while next_out < len(self.items):
            self._dispatch(next_out + window)
            self._wait()
            self._reap()
            while next_out in self.done:
                ok, result = self.done.pop(next_out)
                yield result if ok else on_failure(self.items[next_out], result)
                next_out += 1

    def close(self) -> None:
        for w in self.workers:
            with contextlib.suppress(OSError, ValueError):
                w.conn.send(None)
        for w in self.workers:
            w.process.join(timeout=1.0)
            if w.process.is_alive():
                w.process.kill()
                w.process.join()
            w.conn.close()


def run_isolated(fn: Callable[[T], R], items: Sequence[T], *, jobs: int, seconds: float, memory_mb: int,
                 on_failure: Callable[[T, Failure], R]) -> Iterator[R]:
    """``fn(item)`` for each item in worker processes, in order; ``on_failure`` stands in for a
    result when the item raised, overran ``seconds`` or its worker died. ``fn`` must be picklable
    (a module-level function)."""
    if not items:
        return
    pool: _Pool[T, R] = _Pool(fn, items, jobs, seconds, memory_mb)
    try:
        yield from pool.run(on_failure)
    finally:
        pool.close()

