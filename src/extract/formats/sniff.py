"""Recognise a file by its first bytes, never by its name.

>>> sniff(b"%PDF-1.7\\n...")
'pdf'
>>> sniff("<!DOCTYPE html><html>答复</html>".encode())
'html'
>>> sniff("马凌委员：".encode("gb18030"))
'txt'
"""

from __future__ import annotations

import re

from .base import unsupported

_IMAGE_HINT = "it is a picture: run OCR on it and save the text as .txt"
_ARCHIVE_HINT = "unpack the archive and give its letters one by one"

# (magic bytes, offset, what it is, hint)
_MAGIC = (
    (b"\x89PNG\r\n\x1a\n", 0, "PNG image", _IMAGE_HINT),
    (b"\xff\xd8\xff", 0, "JPEG image", _IMAGE_HINT),
    (b"GIF87a", 0, "GIF image", _IMAGE_HINT),
    (b"GIF89a", 0, "GIF image", _IMAGE_HINT),
    (b"II*\x00", 0, "TIFF image", _IMAGE_HINT),
    (b"MM\x00*", 0, "TIFF image", _IMAGE_HINT),
    (b"\x00\x00\x00\x0cjP  ", 0, "JPEG 2000 image", _IMAGE_HINT),
    (b"\x1f\x8b", 0, "gzip archive", _ARCHIVE_HINT),
    (b"BZh", 0, "bzip2 archive", _ARCHIVE_HINT),
    (b"\xfd7zXZ\x00", 0, "xz archive", _ARCHIVE_HINT),
    (b"7z\xbc\xaf\x27\x1c", 0, "7-Zip archive", _ARCHIVE_HINT),
    (b"Rar!\x1a\x07", 0, "RAR archive", _ARCHIVE_HINT),
    (b"\x28\xb5\x2f\xfd", 0, "zstd archive", _ARCHIVE_HINT),
    (b"ustar", 257, "tar archive", _ARCHIVE_HINT),
    (b"{\\rtf", 0, "RTF document", "save it as .docx (or .txt) and try again"),
)
_HTML_START = re.compile(
    rb"\A(?:\s|<\?xml[^>]{0,200}>|<!--.{0,2000}?-->)*"
    rb"<(?:!doctype\s+html|html|head|body|meta|title|div|p|table|span|font|center|link|script|style)[\s>/]",
    re.IGNORECASE | re.DOTALL,
)
_MHTML = re.compile(rb"\A(?:[\x21-\x7e]+:[^\n]*\r?\n){0,20}?MIME-Version:", re.IGNORECASE)


def _markup_head(data: bytes) -> bytes:
    """The first 4 KiB as ASCII-compatible bytes (UTF-16 pages are narrowed; other bytes kept)."""
    head = data[:4096]
    if head.startswith((b"\xff\xfe", b"\xfe\xff")):
        return head.decode("utf-16", "replace").encode("ascii", "replace")
    return head.removeprefix(b"\xef\xbb\xbf")


def sniff(data: bytes) -> str:
    """``pdf``, ``zip``, ``ole``, ``html`` or ``txt``; raises LoadError for other known kinds."""
    for magic, offset, kind, hint in _MAGIC:
        if data[offset:offset + len(magic)] == magic:
            raise unsupported(kind, hint)
    if data[:4] == b"RIFF" and data[8:12] == b"WEBP":
        raise unsupported("WebP image", _IMAGE_HINT)
    if b"%PDF-" in data[:1024]:
        return "pdf"
    if data[:4] in (b"PK\x03\x04", b"PK\x05\x06", b"PK\x07\x08"):
        return "zip"
    if data[:8] == b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1":
        return "ole"
    head = _markup_head(data)
    if _HTML_START.match(head):
        return "html"
    if _MHTML.match(head):
        raise unsupported("MHTML web archive", "open it in a browser and save the page as HTML only")
    return "txt"
