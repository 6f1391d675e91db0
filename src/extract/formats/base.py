"""What every format reader shares: the error it raises, what it returns, the limits it keeps.

>>> Extracted(text="答复", format="txt", encoding="utf-8").format
'txt'
"""

from __future__ import annotations

from dataclasses import dataclass

#: No letter file is larger than this; bigger files are refused before they are read.
MAX_FILE_BYTES = 50 * 1024 * 1024
#: No letter is longer than this once extracted (a long letter has ~20,000 characters).
MAX_TEXT_CHARS = 1_000_000


class LoadError(Exception):
    """A file that cannot be read or decoded; becomes an error record.

    ``stage`` is one of the record's error stages (``read``, ``decode``, ``limit``), ``type_`` a
    stable code (``unsupported_format``, ``zip_bomb``, …), ``hint`` what the user can do.
    """

    def __init__(self, stage: str, type_: str, message: str, hint: str | None = None) -> None:
        super().__init__(message)
        self.stage = stage
        self.type = type_
        self.message = message
        self.hint = hint


@dataclass(frozen=True, slots=True)
class Extracted:
    """The text a reader got out of a file: what every record offset refers to."""

    text: str
    format: str
    encoding: str | None = None


def unsupported(kind: str, hint: str) -> LoadError:
    """The error for content that is recognised but not read (images, archives, OFD …)."""
    return LoadError("read", "unsupported_format", f"{kind}: not a supported letter format", hint)


def damaged(kind: str, detail: str) -> LoadError:
    """The error for a file of a known format that is truncated or corrupt."""
    return LoadError("read", "damaged", f"damaged or truncated {kind} file: {detail}",
                     f"open it in the program that made it and save it again as .{kind}")


def check_text_size(text: str) -> str:
    """Refuse extracted text longer than any letter (a crafted file that expands)."""
    if len(text) > MAX_TEXT_CHARS:
        raise LoadError("limit", "too_much_text",
                        f"{len(text)} characters extracted, over the {MAX_TEXT_CHARS}-character limit",
                        "a letter is far shorter: check that this file is one letter")
    return text
