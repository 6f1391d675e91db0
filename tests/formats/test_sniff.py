"""The format comes from the content, never from the file's name."""

from __future__ import annotations

import pytest

from extract.formats.base import LoadError
from extract.formats.sniff import sniff
from tests.formats.builders import docx, p, zip_of


@pytest.mark.parametrize("data, kind", [
    (b"%PDF-1.4\n%\xe2\xe3\xcf\xd3\n", "pdf"),
    (b"garbage before the header %PDF-1.7\n", "pdf"),
    (docx(p("x")), "zip"),
    (b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\x00" * 504, "ole"),
    ("<!DOCTYPE html><html><body>答复</body></html>".encode(), "html"),
    ("\ufeff<html><head><meta charset='utf-8'>".encode(), "html"),
    (b"<?xml version='1.0'?>\n<!-- saved -->\n<html xmlns='x'>", "html"),
    ("<html>答复".encode("utf-16"), "html"),
    ("马凌委员：\n\n你们的提案收悉。".encode(), "txt"),
    ("关于<数字化>转型的提案".encode("gb18030"), "txt"),
])
def test_kind(data, kind):
    assert sniff(data) == kind


@pytest.mark.parametrize("data, what", [
    (b"\x89PNG\r\n\x1a\n" + b"\x00" * 32, "PNG image"),
    (b"\xff\xd8\xff\xe0\x00\x10JFIF", "JPEG image"),
    (b"\x1f\x8b\x08\x00" + b"\x00" * 16, "gzip archive"),
    (b"Rar!\x1a\x07\x00", "RAR archive"),
    (b"7z\xbc\xaf\x27\x1c\x00\x04", "7-Zip archive"),
    (b"{\\rtf1\\ansi letter}", "RTF document"),
    (b"RIFF\x00\x00\x00\x00WEBPVP8 ", "WebP image"),
    (b"MIME-Version: 1.0\r\nContent-Type: multipart/related;\r\n", "MHTML web archive"),
])
def test_unsupported_kinds_are_named(data, what):
    with pytest.raises(LoadError) as exc:
        sniff(data)
    assert exc.value.type == "unsupported_format"
    assert what in exc.value.message and exc.value.hint


@pytest.mark.parametrize("member, what", [
    ("OFD.xml", "OFD document"), ("xl/workbook.xml", "Excel"), ("content.xml", "OpenDocument"),
    ("notes.txt", "ZIP archive"),
])
def test_zip_kinds_other_than_docx_are_named(member, what):
    from extract.formats import read_letter

    with pytest.raises(LoadError) as exc:
        read_letter(zip_of([(member, b"<x/>")]))
    assert exc.value.type == "unsupported_format" and what in exc.value.message
