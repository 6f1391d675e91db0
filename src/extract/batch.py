"""Batch: files and folders in, one record per input, in input order, JSONL out.

Letters are read in long-lived worker processes (``jobs`` of them, one for ``jobs=1`` too), each
letter under a wall-clock limit and each worker under a memory limit (``Limits``). A worker that
overruns the time limit is killed, one that dies (a crash in a native library, the memory limit)
is replaced; either way that letter gets an error record and the batch goes on. The time limit is
also what stops a runaway regular expression in a field extractor: nothing in the extractors needs
to know about it.

>>> Limits(seconds=5).seconds
5.0
"""

from __future__ import annotations

import functools
import json
import os
import stat
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import IO

from ._pool import Failure, run_isolated
from .load import Loaded, LoadError, load_file
from .models import Record, Source
from .pipeline import error_record, extract_file

#: File endings read when walking a folder (a file named explicitly is always tried).
LETTER_SUFFIXES = frozenset({".txt", ".text", ".docx", ".pdf", ".html", ".htm", ".shtml", ".xhtml",
                             ".doc", ".wps"})


@dataclass(frozen=True, slots=True)
class Limits:
    """Per-letter limits enforced in the worker processes.

    ``seconds``: wall-clock time for one letter (read, extract, serialise); ``memory_mb``: memory a
    worker may take beyond what it holds at start (Linux: address-space limit). The environment
    variables EXTRACT_TIME_LIMIT and EXTRACT_MEMORY_LIMIT (in MB) override the defaults.
    """

    seconds: float = 30.0
    memory_mb: int = 2048

    def __post_init__(self) -> None:
        object.__setattr__(self, "seconds", float(self.seconds))
        if self.seconds <= 0 or self.memory_mb <= 0:
            raise ValueError("limits must be positive")

    @classmethod
    def from_env(cls) -> Limits:
        """The defaults, overridden by EXTRACT_TIME_LIMIT (s) and EXTRACT_MEMORY_LIMIT (MB)."""
        seconds = os.environ.get("EXTRACT_TIME_LIMIT")
        memory = os.environ.get("EXTRACT_MEMORY_LIMIT")
        limits = cls()
        return cls(seconds=float(seconds) if seconds else limits.seconds,
                   memory_mb=int(memory) if memory else limits.memory_mb)


def _walk(folder: Path) -> list[str]:
    """Letter files under ``folder``, sorted; symlinked folders followed once (loops cut); a folder
    that cannot be listed is kept as an input so that it gives an error record."""
    found: list[str] = []
    seen: set[tuple[int, int]] = set()

    def unreadable(err: OSError) -> None:
        found.append(str(err.filename))

    for root, dirs, files in os.walk(folder, followlinks=True, onerror=unreadable):
        try:
            info = os.stat(root)
        except OSError:
            continue
        if (info.st_dev, info.st_ino) in seen:
            dirs[:] = []
            continue
        seen.add((info.st_dev, info.st_ino))
        dirs[:] = sorted(d for d in dirs if not d.startswith("."))
        found.extend(os.path.join(root, f) for f in files
                     if not f.startswith(".") and Path(f).suffix.lower() in LETTER_SUFFIXES)
    return sorted(found)


def collect_inputs(paths: Iterable[str | Path]) -> list[str]:
    """Expand folders (recursively, sorted, letter formats only); keep files as given.

    Paths that do not exist, cannot be read or loop are kept, so that they give an error record.
    """
    out: list[str] = []
    for raw in paths:
        try:
            is_dir = stat.S_ISDIR(os.stat(raw).st_mode)
        except (OSError, ValueError):
            is_dir = False
        out.extend(_walk(Path(raw)) if is_dir else [str(raw)])
    return out


def _extract_line(path: str) -> str:
    """The worker's task: one letter's record as its JSON line (cheaper to send than the object)."""
    return record_json(extract_file(path))


def _failure_line(path: str, failure: Failure) -> str:
    return record_json(error_record(Source(path=path), failure.stage, failure.type, failure.message, failure.hint))


def extract_paths(paths: Iterable[str | Path], *, jobs: int = 1, limits: Limits | None = None) -> Iterator[Record]:
    """Records for every letter under ``paths``: one per input, in input order (folders sorted).

    ``jobs`` worker processes share the letters; the output is the same for any ``jobs``.
    """
    limits = limits or Limits.from_env()
    for line in run_isolated(_extract_line, collect_inputs(paths), jobs=jobs, seconds=limits.seconds,
                             memory_mb=limits.memory_mb, on_failure=_failure_line):
        yield Record.model_validate_json(line)


def _load(loader: Callable[[Path], Loaded], path: str) -> Loaded | Failure:
    try:
        return loader(Path(path))
    except LoadError as err:
        return Failure(err.stage, err.type, err.message, err.hint)


def load_isolated(path: str | Path, *, loader: Callable[[Path], Loaded] = load_file,
                  limits: Limits | None = None) -> Loaded:
    """``loader(path)`` (``load_file``) in a worker process under the per-letter limits; raises LoadError.

    What ``extract text FILE`` uses, so that a hostile file cannot hang or exhaust the command.
    """
    limits = limits or Limits.from_env()
    (result,) = run_isolated(functools.partial(_load, loader), [str(path)], jobs=1, seconds=limits.seconds,
                             memory_mb=limits.memory_mb, on_failure=lambda _path, failure: failure)
    if isinstance(result, Failure):
        raise LoadError(result.stage, result.type, result.message, result.hint)
    return result


def record_json(record: Record) -> str:
    """One JSONL line (without the newline): stable key order, UTF-8 characters kept."""
    return json.dumps(record.model_dump(mode="json"), ensure_ascii=False, separators=(",", ":"))


def write_jsonl(records: Iterable[Record], out: IO[str]) -> tuple[int, int]:
    """Write records as JSONL, one whole line per write; returns (ok, failed) counts."""
    ok = failed = 0
    for record in records:
        out.write(record_json(record) + "\n")
        if record.status == "ok":
            ok += 1
        else:
            failed += 1
    return ok, failed


def _fsync_dir(folder: Path) -> None:
    try:
        fd = os.open(folder, os.O_RDONLY)
    except OSError:
        return
    try:
        os.fsync(fd)
    except OSError:
        pass
    finally:
        os.close(fd)


def write_jsonl_file(records: Iterable[Record], path: str | Path) -> tuple[int, int]:
    """Write records to ``path`` atomically: a temporary file beside it, renamed when complete.

    A crash or an interruption leaves the previous file (or none) in place, never a part of one.
    """
    target = Path(path)
    target.parent.mkdir(parents=True, exist_ok=True)
    tmp = target.with_name(f".{target.name}.{os.getpid()}.part")
    fd = os.open(tmp, os.O_WRONLY | os.O_CREAT | os.O_TRUNC | getattr(os, "O_CLOEXEC", 0), 0o666)
    try:
        with os.fdopen(fd, "w", encoding="utf-8", newline="\n") as fh:
            counts = write_jsonl(records, fh)
            fh.flush()
            os.fsync(fh.fileno())
        os.replace(tmp, target)
    except BaseException:
        try:
            os.unlink(tmp)
        except OSError:
            pass
        raise
    _fsync_dir(target.parent)
    return counts
