"""Formats: recognise a letter file by its content and turn it into the text every offset refers to.

One module per format: txt (UTF-8, GB18030, UTF-16), docx, pdf, html, ole (.doc/.wps via antiword).
Detection is by content (magic bytes, markup), never by the file's name.

>>> read_letter("马凌委员：\\n\\n你们的提案收悉。".encode("gb18030")).encoding
'gb18030'
"""

from __future__ import annotations

from .base import MAX_FILE_BYTES, MAX_TEXT_CHARS, Extracted, LoadError, check_text_size
from .sniff import sniff
from .txt import decode_text

__all__ = ["MAX_FILE_BYTES", "MAX_TEXT_CHARS", "Extracted", "LoadError", "decode_text", "read_letter", "sniff"]


def read_letter(data: bytes) -> Extracted:
    """The text of a letter file's bytes, whatever its format; LoadError when it has none."""
    kind = sniff(data)
    if kind == "pdf":
        from .pdf import read_pdf

        return read_pdf(data)
    if kind == "zip":
        from .docx import read_zip

        return read_zip(data)
    if kind == "ole":
        from .ole import read_ole

        return read_ole(data)
    if kind == "html":
        from .html import read_html

        return read_html(data)
    text, encoding = decode_text(data)
    return Extracted(text=check_text_size(text), format="txt", encoding=encoding)
