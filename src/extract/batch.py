"""Batch: files and folders in, one record per input, in sorted input order, JSONL out."""

from __future__ import annotations

import json
import os
import tempfile
from collections.abc import Iterable, Iterator
from concurrent.futures import ProcessPoolExecutor
from pathlib import Path
from typing import IO

from .models import Record
from .pipeline import extract_file

#: File endings read when walking a folder (a file named explicitly is always tried).
LETTER_SUFFIXES = frozenset({".txt", ".text", ".docx", ".pdf", ".html", ".htm", ".doc", ".wps"})


def collect_inputs(paths: Iterable[str | Path]) -> list[str]:
    """Expand folders (recursively, sorted, letter formats only); keep files as given.

    Paths that do not exist are kept, so that they give an error record.
    """
    out: list[str] = []
    for raw in paths:
        path = Path(raw)
        if path.is_dir():
            found = []
            for root, dirs, files in os.walk(path, followlinks=False):
                dirs[:] = sorted(d for d in dirs if not d.startswith("."))
                found.extend(os.path.join(root, f) for f in files
                             if not f.startswith(".") and Path(f).suffix.lower() in LETTER_SUFFIXES)
            out.extend(sorted(found))
        else:
            out.append(str(raw))
    return out


def extract_paths(paths: Iterable[str | Path], *, jobs: int = 1) -> Iterator[Record]:
    """Records for every letter under ``paths``, in sorted input order.

    ``jobs`` > 1 spreads letters over worker processes; the order stays the same.
    """
    inputs = collect_inputs(paths)
    if jobs <= 1 or len(inputs) < 2:
        for path in inputs:
            yield extract_file(path)
        return
    with ProcessPoolExecutor(max_workers=jobs) as pool:
        yield from pool.map(extract_file, inputs, chunksize=max(1, min(32, len(inputs) // (jobs * 4) or 1)))


def record_json(record: Record) -> str:
    """One JSONL line (without the newline): stable key order, UTF-8 characters kept."""
    return json.dumps(record.model_dump(mode="json"), ensure_ascii=False, separators=(",", ":"))


def write_jsonl(records: Iterable[Record], out: IO[str]) -> tuple[int, int]:
    """Write records as JSONL; returns (ok, failed) counts."""
    ok = failed = 0
    for record in records:
        out.write(record_json(record) + "\n")
        if record.status == "ok":
            ok += 1
        else:
            failed += 1
    return ok, failed


def write_jsonl_file(records: Iterable[Record], path: str | Path) -> tuple[int, int]:
    """Write records to ``path`` atomically: a temporary file beside it, renamed when complete."""
    target = Path(path)
    target.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(prefix=f".{target.name}.", suffix=".part", dir=target.parent)
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
    return counts
