"""load_file: any supported format by content; the record's offsets refer to the text that
``extract text FILE`` prints, and source.text_sha256 is that text's SHA-256."""

from __future__ import annotations

import hashlib
import subprocess
import sys
from pathlib import Path

import pytest

from extract.batch import extract_paths
from extract.load import LoadError, load_file
from tests.formats.builders import docx, flow, p, pdf, tbl
from tests.spans import assert_spans_grounded

PARAGRAPHS = ["对区政协十五届二次会议第152086号提案的答复", "马凌委员：",
              "你们提出的关于“数字化转型”的提案收悉。现答复如下：截至2023年一季度末累计开通5G室外基站2473个。",
              "下一步，我区将继续推进数字化转型，力争2025年底前建成示范场景30个。", "上海市普陀区科学技术委员会",
              "2023年5月5日"]


def _files(folder: Path) -> dict[str, Path]:
    """The same letter as .docx, .pdf, .html and .txt, each under a misleading name."""
    paras = "".join(f"<p>{x}</p>" for x in PARAGRAPHS)
    html = f"<html><head><meta charset='gb2312'></head><body>{paras}</body></html>"
    files = {
        "docx": (folder / "letter.pdf", docx("".join(p(x) for x in PARAGRAPHS) + tbl([["a", "b"]]))),
        "pdf": (folder / "letter.html", pdf(flow(PARAGRAPHS))),
        "html": (folder / "letter.txt", html.encode("gb18030")),
        "txt": (folder / "letter.docx", "\n\n".join(PARAGRAPHS).encode("gb18030")),
    }
    for path, data in files.values():
        path.write_bytes(data)
    return {kind: path for kind, (path, _) in files.items()}


def test_the_format_comes_from_the_content(tmp_path: Path):
    for kind, path in _files(tmp_path).items():
        loaded = load_file(path)
        assert loaded.format == kind
        assert loaded.text.startswith(PARAGRAPHS[0]) and "2023年5月5日" in loaded.text


def test_records_point_into_the_text_that_extract_text_prints(tmp_path: Path):
    files = _files(tmp_path)
    records = list(extract_paths(files.values()))
    for (kind, path), record in zip(files.items(), records, strict=True):
        assert record.status == "ok", (kind, record.error)
        printed = subprocess.run([sys.executable, "-m", "extract", "text", str(path)], capture_output=True,
                                 check=True, timeout=120).stdout
        assert hashlib.sha256(printed).hexdigest() == record.source.text_sha256
        text = printed.decode("utf-8")
        assert record.source.chars == len(text) and record.source.format == kind
        assert_spans_grounded(record, text)
        assert record.reference and record.reference.number == "152086", kind


def test_extract_text_reports_a_bad_file_and_exits_1(tmp_path: Path):
    path = tmp_path / "scan.pdf"
    path.write_bytes(b"\x89PNG\r\n\x1a\n" + bytes(100))
    result = subprocess.run([sys.executable, "-m", "extract", "text", str(path)], capture_output=True, text=True,
                            timeout=120)
    assert result.returncode == 1 and result.stdout == ""
    assert "unsupported_format" in result.stderr and "PNG" in result.stderr


@pytest.mark.parametrize("make, stage, type_", [
    (lambda path: None, "read", "not_found"),
    (lambda path: path.mkdir(), "read", "not_a_file"),
    (lambda path: path.write_bytes(b""), "read", "empty"),
    (lambda path: open(path, "wb").truncate(60 * 1024 * 1024), "limit", "too_large"),
])
def test_file_problems_are_named(tmp_path: Path, make, stage, type_):
    path = tmp_path / "letter.txt"
    make(path)
    with pytest.raises(LoadError) as exc:
        load_file(path)
    assert (exc.value.stage, exc.value.type) == (stage, type_) and exc.value.hint
