"""Batch guarantees: N inputs give N records in input order; failures name file, stage and reason;
reruns give the same bytes; the output file is written atomically; workers that hang, die or run out
of memory cost one error record and the batch goes on."""

from __future__ import annotations

import json
import os
import re
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from extract._pool import Failure, run_isolated
from extract.batch import Limits, collect_inputs, extract_paths, record_json, write_jsonl_file
from extract.models import Record

LETTER = "对区政协十五届二次会议第152086号提案的答复\n\n马凌委员：\n\n你们的提案收悉。下一步，我区将继续推进。\n"


def work(item: str) -> str:
    """A worker task that misbehaves on request (module level: workers must find it)."""
    if item == "hang":
        time.sleep(600)
    if item == "die":
        os.kill(os.getpid(), signal.SIGSEGV)
    if item == "raise":
        raise ValueError("bad item")
    if item == "memory":
        return str(len(bytearray(4 * 1024 ** 3)))
    if item == "backtrack":  # catastrophic backtracking inside C code: only killing the process stops it
        return str(re.match(r"(a+)+$", "a" * 64 + "b"))
    return item.upper()


def failed(item: str, failure: Failure) -> str:
    return f"{item}:{failure.stage}/{failure.type}"


def test_hangs_crashes_exceptions_and_memory_cost_one_result_each():
    items = ["a", "hang", "b", "die", "c", "raise", "memory", "backtrack", "d"]
    got = list(run_isolated(work, items, jobs=2, seconds=2, memory_mb=256, on_failure=failed))
    assert got == ["A", "hang:limit/timeout", "B", "die:internal/worker_crashed", "C",
                   "raise:internal/ValueError", "memory:limit/memory", "backtrack:limit/timeout", "D"]


@pytest.mark.parametrize("jobs", [1, 3])
def test_n_inputs_n_records_in_input_order(tmp_path: Path, jobs: int):
    names = []
    for i in range(7):
        path = tmp_path / f"{i:02d}.txt"
        path.write_text(LETTER.replace("152086", str(100 + i)), encoding="utf-8")
        names.append(str(path))
    (tmp_path / "empty.txt").write_bytes(b"")
    inputs = [names[3], str(tmp_path / "missing.txt"), *names, names[0], str(tmp_path / "empty.txt")]
    records = list(extract_paths(inputs, jobs=jobs))
    assert [r.source.path for r in records] == inputs
    assert [r.status for r in records].count("error") == 2
    assert records[0].reference.number == "103" and records[2].reference.number == "100"


def test_an_error_record_names_the_file_the_stage_and_the_reason(tmp_path: Path):
    path = tmp_path / "picture.txt"
    path.write_bytes(b"\x89PNG\r\n\x1a\n" + b"\x00" * 64)
    (record,) = extract_paths([path])
    assert record.status == "error" and record.source.path == str(path)
    assert record.error.stage == "read" and record.error.type == "unsupported_format"
    assert "PNG" in record.error.message and record.error.hint


def test_a_file_removed_during_the_run_gets_a_record(tmp_path: Path):
    paths = []
    for i in range(10):
        path = tmp_path / f"{i}.txt"
        path.write_text(LETTER, encoding="utf-8")
        paths.append(path)
    records = extract_paths(paths, jobs=1)
    first = next(records)
    paths[-1].unlink()  # the last letter is not yet read: workers hold at most two letters ahead
    rest = list(records)
    assert first.status == "ok" and len(rest) == 9
    assert rest[-1].status == "error" and rest[-1].error.type == "not_found"


def test_symlink_loops_and_links_to_nowhere(tmp_path: Path):
    folder = tmp_path / "letters"
    (folder / "sub").mkdir(parents=True)
    (folder / "sub" / "a.txt").write_text(LETTER, encoding="utf-8")
    (folder / "sub" / "loop").symlink_to(folder, target_is_directory=True)  # a folder loop
    (folder / "self.txt").symlink_to(folder / "self.txt")                    # a file loop
    (folder / "gone.txt").symlink_to(folder / "nowhere.txt")
    inputs = collect_inputs([folder])
    assert [Path(p).name for p in inputs] == ["gone.txt", "self.txt", "a.txt"]
    types = [r.error.type if r.error else "ok" for r in extract_paths(inputs)]
    assert types == ["not_found", "symlink_loop", "ok"]


def test_a_fifo_does_not_hang(tmp_path: Path):
    fifo = tmp_path / "pipe.txt"
    os.mkfifo(fifo)
    (record,) = extract_paths([fifo], limits=Limits(seconds=10))
    assert record.error.type == "not_a_file"


@pytest.mark.skipif(os.geteuid() == 0, reason="root reads files whatever their mode")
def test_an_unreadable_file_gets_a_record(tmp_path: Path):
    path = tmp_path / "secret.txt"
    path.write_text(LETTER, encoding="utf-8")
    path.chmod(0)
    (record,) = extract_paths([path])
    assert record.error.type == "permission_denied"


def test_permission_errors_are_named(monkeypatch, tmp_path: Path):
    from extract import load

    def denied(*args, **kwargs):
        raise PermissionError(13, "Permission denied")

    monkeypatch.setattr(load.os, "open", denied)
    with pytest.raises(load.LoadError) as exc:
        load.load_file(tmp_path / "x.txt")
    assert (exc.value.stage, exc.value.type) == ("read", "permission_denied")


def test_a_rerun_gives_identical_bytes(tmp_path: Path):
    for i, data in enumerate([LETTER.encode(), LETTER.encode("gb18030"), b"", b"\x00\x01" * 50]):
        (tmp_path / f"{i}.txt").write_bytes(data)
    out1, out2 = tmp_path / "1.jsonl", tmp_path / "2.jsonl"
    write_jsonl_file(extract_paths([tmp_path], jobs=1), out1)
    write_jsonl_file(extract_paths([tmp_path], jobs=2), out2)
    assert out1.read_bytes() == out2.read_bytes()
    lines = out1.read_text(encoding="utf-8").splitlines()
    assert len(lines) == 4 and all(Record.model_validate_json(line) for line in lines)


def test_records_survive_the_trip_from_the_workers_unchanged(tmp_path: Path):
    from extract.pipeline import extract_file

    path = tmp_path / "a.txt"
    path.write_text(LETTER, encoding="utf-8")
    (record,) = extract_paths([path])
    assert record == extract_file(path) and record_json(record) == record_json(extract_file(path))


def test_an_interrupted_write_leaves_the_old_file_whole(tmp_path: Path):
    target = tmp_path / "out.jsonl"
    target.write_text("old\n", encoding="utf-8")
    good = list(extract_paths([tmp_path / "none.txt"]))

    def broken():
        yield from good
        raise RuntimeError("crash in the middle")

    with pytest.raises(RuntimeError):
        write_jsonl_file(broken(), target)
    assert target.read_text(encoding="utf-8") == "old\n"
    assert [p.name for p in tmp_path.iterdir()] == ["out.jsonl"]  # no temporary file left behind


def test_a_killed_process_never_leaves_a_truncated_file(tmp_path: Path):
    target = tmp_path / "out.jsonl"
    target.write_text("old\n", encoding="utf-8")
    script = (
        "import os, signal, sys\n"
        "from extract.batch import write_jsonl_file, extract_paths\n"
        "def records():\n"
        f"    yield from extract_paths([{str(tmp_path / 'none.txt')!r}] * 3)\n"
        "    os.kill(os.getpid(), signal.SIGKILL)\n"
        f"write_jsonl_file(records(), {str(target)!r})\n"
    )
    proc = subprocess.run([sys.executable, "-c", script], capture_output=True, timeout=120)
    assert proc.returncode == -signal.SIGKILL
    assert target.read_text(encoding="utf-8") == "old\n"


def test_the_output_file_gets_the_usual_permissions(tmp_path: Path):
    target = tmp_path / "out.jsonl"
    old = os.umask(0o022)
    try:
        write_jsonl_file([], target)
    finally:
        os.umask(old)
    assert target.stat().st_mode & 0o777 == 0o644


def test_limits_from_the_environment(monkeypatch):
    monkeypatch.setenv("EXTRACT_TIME_LIMIT", "7.5")
    monkeypatch.setenv("EXTRACT_MEMORY_LIMIT", "300")
    assert Limits.from_env() == Limits(seconds=7.5, memory_mb=300)
    with pytest.raises(ValueError):
        Limits(seconds=0)


def test_every_line_of_the_output_is_whole_json(tmp_path: Path):
    (tmp_path / "a.txt").write_text(LETTER, encoding="utf-8")
    out = tmp_path / "o.jsonl"
    write_jsonl_file(extract_paths([tmp_path / "a.txt", tmp_path / "b.txt"]), out)
    raw = out.read_bytes()
    assert raw.endswith(b"\n") and all(json.loads(line) for line in raw.splitlines())
