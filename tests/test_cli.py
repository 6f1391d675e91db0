"""The command line: a folder in, one record per letter out, exit codes, bad files among good ones."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from extract.cli import main

LETTER = ("对区政协十五届二次会议第152086号提案的答复\n\n马凌委员：\n\n你们提出的关于“数字化转型”的提案收悉。"
          "下一步，我区将继续推进。\n\n上海市普陀区科学技术委员会\n\n2023年5月5日\n")


def _run(*args: str, cwd: Path | None = None) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-m", "extract", *args], capture_output=True, text=True,
                          cwd=cwd, timeout=120)


@pytest.fixture()
def folder(tmp_path: Path) -> Path:
    letters = tmp_path / "letters"
    (letters / "sub").mkdir(parents=True)
    (letters / "b.txt").write_text(LETTER, encoding="utf-8")
    (letters / "sub" / "a.txt").write_bytes(LETTER.encode("gb18030"))
    (letters / "notes.json").write_text("{}", encoding="utf-8")  # not a letter format: skipped in folders
    return letters


def _records(path: Path) -> list[dict]:
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines()]


def test_folder_gives_one_record_per_letter_in_sorted_order(folder: Path, tmp_path: Path):
    out = tmp_path / "out.jsonl"
    result = _run(str(folder), "-o", str(out))
    assert result.returncode == 0, result.stderr
    records = _records(out)
    assert [Path(r["source"]["path"]).name for r in records] == ["b.txt", "a.txt"]
    assert all(r["status"] == "ok" for r in records)
    assert records[1]["source"]["encoding"] == "gb18030"
    assert records[0]["reference"]["number"] == "152086" == records[1]["reference"]["number"]


def test_bad_files_give_error_records_and_exit_1(folder: Path, tmp_path: Path):
    (folder / "empty.txt").write_bytes(b"")
    (folder / "binary.txt").write_bytes(bytes(range(256)) * 4)
    (folder / "undecodable.txt").write_bytes(b"\xff\xfe\xfd\x81\x30\xff" * 10 + b"\x80")
    out = tmp_path / "out.jsonl"
    result = _run(str(folder), "-o", str(out))
    assert result.returncode == 1
    records = _records(out)
    assert len(records) == 5
    errors = {Path(r["source"]["path"]).name: r["error"] for r in records if r["status"] == "error"}
    assert set(errors) == {"empty.txt", "binary.txt", "undecodable.txt"}
    for error in errors.values():
        assert error["stage"] and error["message"] and error["hint"]


def test_missing_file_is_an_error_record(tmp_path: Path):
    result = _run(str(tmp_path / "nowhere.txt"))
    assert result.returncode == 1
    record = json.loads(result.stdout)
    assert record["status"] == "error" and record["error"]["stage"] == "read"


def test_stdout_and_file_give_the_same_bytes_and_reruns_are_identical(folder: Path, tmp_path: Path):
    out1, out2 = tmp_path / "1.jsonl", tmp_path / "2.jsonl"
    assert _run(str(folder), "-o", str(out1)).returncode == 0
    assert _run(str(folder), "-o", str(out2), "-j", "2").returncode == 0
    stdout = _run(str(folder), "-q").stdout
    assert out1.read_bytes() == out2.read_bytes() == stdout.encode("utf-8")


def test_usage_errors_exit_2(tmp_path: Path, capsys: pytest.CaptureFixture[str]):
    with pytest.raises(SystemExit) as exc:
        main([])
    assert exc.value.code == 2
    empty = tmp_path / "empty_dir"
    empty.mkdir()
    with pytest.raises(SystemExit) as exc:
        main([str(empty)])
    assert exc.value.code == 2
    with pytest.raises(SystemExit) as exc:
        main(["-j", "0", str(empty)])
    assert exc.value.code == 2


def test_help_shows_examples():
    result = _run("--help")
    assert result.returncode == 0
    assert "examples:" in result.stdout and "-o" in result.stdout


def test_text_subcommand_prints_the_decoded_text(tmp_path: Path):
    path = tmp_path / "gb.txt"
    path.write_bytes(LETTER.encode("gb18030"))
    result = _run("text", str(path))
    assert result.returncode == 0
    assert result.stdout == LETTER
