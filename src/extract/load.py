"""Load: read a file and decode it to the text that every offset refers to.

>>> decode_text("答复".encode("gb18030"))
('答复', 'gb18030')
"""

from __future__ import annotations

import codecs
import hashlib
from dataclasses import dataclass
from pathlib import Path

MAX_FILE_BYTES = 50 * 1024 * 1024


class LoadError(Exception):
    """A file that cannot be read or decoded; becomes an error record."""

    def __init__(self, stage: str, type_: str, message: str, hint: str | None = None) -> None:
        super().__init__(message)
        self.stage = stage
        self.type = type_
        self.message = message
        self.hint = hint


@dataclass(frozen=True, slots=True)
class Loaded:
    """A decoded letter and what is known of its file."""

    text: str
    format: str
    encoding: str | None
    sha256: str
    size: int


_BOMS = (
    (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF32_LE, "utf-32"),
    (codecs.BOM_UTF32_BE, "utf-32"),
    (codecs.BOM_UTF16_LE, "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16"),
)


def _looks_utf16(data: bytes) -> str | None:
    """UTF-16 without a BOM: every other byte is NUL for ASCII, rarely otherwise."""
    if len(data) < 4 or len(data) % 2:
        return None
    even, odd = data[0::2], data[1::2]
    if odd.count(0) > 0.3 * len(odd) and even.count(0) < 0.05 * len(even):
        return "utf-16-le"
    if even.count(0) > 0.3 * len(even) and odd.count(0) < 0.05 * len(odd):
        return "utf-16-be"
    return None


def decode_text(data: bytes) -> tuple[str, str]:
    """Decode letter bytes: BOM, then UTF-8, then GB18030 (which covers GBK and GB2312).

    Raises LoadError when the bytes are binary or decode in no Chinese encoding.
    """
    for bom, name in _BOMS:
        if data.startswith(bom):
            try:
                return data.decode(name), name.replace("-sig", "-bom")
            except UnicodeDecodeError as exc:
                raise LoadError("decode", "undecodable", f"{name} BOM but invalid bytes: {exc.reason}",
                                "re-save the file as UTF-8") from None
    utf16 = _looks_utf16(data)
    if utf16:
        try:
            return data.decode(utf16), utf16
        except UnicodeDecodeError:
            pass
    if b"\x00" in data:
        raise LoadError("decode", "binary", "the file holds NUL bytes: it is binary, not text",
                        "convert it to .txt, .docx, .pdf or .html first")
    try:
        return data.decode("utf-8"), "utf-8"
    except UnicodeDecodeError:
        pass
    try:
        return data.decode("gb18030"), "gb18030"
    except UnicodeDecodeError as exc:
        raise LoadError("decode", "undecodable",
                        f"not UTF-8, UTF-16 or GB18030 (byte {exc.start}: {data[exc.start:exc.start + 4]!r})",
                        "re-save the file as UTF-8") from None


def load_file(path: Path) -> Loaded:
    """Read and decode one letter file."""
    try:
        size = path.stat().st_size
        if size > MAX_FILE_BYTES:
            raise LoadError("limit", "too_large", f"{size} bytes is over the {MAX_FILE_BYTES}-byte limit",
                            "split the file or raise the limit")
        data = path.read_bytes()
    except LoadError:
        raise
    except OSError as exc:
        raise LoadError("read", type(exc).__name__, f"cannot read the file: {exc.strerror or exc}",
                        "check that the file exists and is readable") from None
    if not data.strip():
        raise LoadError("read", "empty", "the file is empty", "remove it or supply the letter's text")
    text, encoding = decode_text(data)
    if not text.strip():
        raise LoadError("decode", "empty", "the file holds no text", "supply the letter's text")
    return Loaded(text=text, format="txt", encoding=encoding,
                  sha256=hashlib.sha256(data).hexdigest(), size=len(data))
