"""Legacy .doc/.wps through antiword: read when installed, a clear error record when not."""

from __future__ import annotations

import shutil
import stat
from pathlib import Path

import pytest

from extract.formats import read_letter
from extract.formats.base import LoadError
from extract.formats.ole import read_ole

FIXTURE = Path(__file__).parent / "fixtures" / "letter.doc"  # a letter written for the project


def _fake_antiword(folder: Path, script: str) -> None:
    tool = folder / "antiword"
    tool.write_text("#!/bin/sh\n" + script, encoding="utf-8")
    tool.chmod(tool.stat().st_mode | stat.S_IEXEC)


def test_without_antiword_the_error_says_what_to_install(monkeypatch, tmp_path):
    monkeypatch.setenv("PATH", str(tmp_path))
    with pytest.raises(LoadError) as exc:
        read_letter(FIXTURE.read_bytes())
    assert exc.value.type == "tool_missing" and "apt-get install antiword" in exc.value.hint


def test_antiword_output_becomes_paragraphs(monkeypatch, tmp_path):
    _fake_antiword(tmp_path, "printf '林晓委员：\\n您的提案收悉。\\n\\n某市民政局\\n'\n")
    monkeypatch.setenv("PATH", str(tmp_path))
    got = read_letter(FIXTURE.read_bytes())
    assert got.format == "doc" and got.text == "林晓委员：\n\n您的提案收悉。\n\n某市民政局"


def test_antiword_failure_is_a_damaged_file(monkeypatch, tmp_path):
    _fake_antiword(tmp_path, "echo 'not a Word document' >&2; exit 1\n")
    monkeypatch.setenv("PATH", str(tmp_path))
    with pytest.raises(LoadError) as exc:
        read_letter(FIXTURE.read_bytes())
    assert exc.value.type == "damaged" and "not a Word document" in exc.value.message


@pytest.mark.parametrize("stream, what", [("Workbook", "Excel"), ("PowerPoint Document", "PowerPoint"),
                                          ("EncryptedPackage", None)])
def test_other_compound_files_are_named(stream, what):
    data = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\x00" * 504 + stream.encode("utf-16-le")
    with pytest.raises(LoadError) as exc:
        read_ole(data)
    assert exc.value.type == ("encrypted" if what is None else "unsupported_format")
    assert what is None or what in exc.value.message


@pytest.mark.skipif(shutil.which("antiword") is None, reason="antiword is not installed (apt-get install antiword)")
def test_a_real_doc_through_antiword():
    got = read_letter(FIXTURE.read_bytes())
    assert got.format == "doc"
    assert got.text.startswith("关于市政协十三届二次会议第0417号提案的答复\n\n林晓委员：\n\n")
    assert "力争到2025年底实现街道综合养老服务中心全覆盖" in got.text
    assert "\r" not in got.text
