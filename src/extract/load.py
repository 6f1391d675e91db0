"""Load: read a file and turn it into the text that every offset refers to.

The format is recognised from the content (see ``formats``); a file that cannot be read gives a
``LoadError`` naming the stage (``read``, ``decode``, ``limit``), a stable type and a hint.

>>> decode_text("答复".encode("gb18030"))
('答复', 'gb18030')
"""

from __future__ import annotations

import errno
import hashlib
import os
import stat
from dataclasses import dataclass
from pathlib import Path

from .formats import MAX_FILE_BYTES, LoadError, decode_text, read_letter

__all__ = ["MAX_FILE_BYTES", "LoadError", "Loaded", "decode_text", "load_file", "read_bytes"]


@dataclass(frozen=True, slots=True)
class Loaded:
    """A decoded letter and what is known of its file."""

    text: str
    format: str
    encoding: str | None
    sha256: str
    size: int


_OS_ERRORS = {
    errno.ENOENT: ("not_found", "the file does not exist (was it moved or removed during the run?)",
                   "check the path"),
    errno.EACCES: ("permission_denied", "permission denied", "make the file readable (chmod a+r)"),
    errno.EPERM: ("permission_denied", "operation not permitted", "make the file readable (chmod a+r)"),
    errno.ELOOP: ("symlink_loop", "too many levels of symbolic links (a link loop)",
                  "point the link at a real file"),
    errno.EISDIR: ("not_a_file", "it is a folder, not a file", "give the folder itself to extract"),
    errno.ENAMETOOLONG: ("bad_path", "the path is too long", "shorten the path"),
    errno.ENOTDIR: ("not_found", "a part of the path is not a folder", "check the path"),
}


def _os_error(exc: OSError) -> LoadError:
    type_, message, hint = _OS_ERRORS.get(exc.errno or 0, ("io_error", "", "check the disk and the file"))
    return LoadError("read", type_, f"cannot read the file: {message or exc.strerror or exc}", hint)


def _read(path: Path) -> bytes:
    """The file's bytes, opened once (no race between the checks and the read)."""
    try:
        fd = os.open(path, os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_CLOEXEC", 0))
    except OSError as exc:
        raise _os_error(exc) from None
    try:
        info = os.fstat(fd)
        if stat.S_ISDIR(info.st_mode):
            raise _os_error(OSError(errno.EISDIR, "is a directory"))
        if not stat.S_ISREG(info.st_mode):
            raise LoadError("read", "not_a_file", "not a regular file (a pipe, socket or device)",
                            "give a regular file")
        if info.st_size > MAX_FILE_BYTES:
            raise LoadError("limit", "too_large", f"{info.st_size} bytes is over the {MAX_FILE_BYTES}-byte limit",
                            "a letter is far smaller: split the file or check that it is a letter")
        with os.fdopen(os.dup(fd), "rb") as fh:
            data = fh.read(MAX_FILE_BYTES + 1)
    except OSError as exc:
        raise _os_error(exc) from None
    finally:
        os.close(fd)
    if len(data) > MAX_FILE_BYTES:
        raise LoadError("limit", "too_large", f"the file grew past the {MAX_FILE_BYTES}-byte limit while read",
                        "a letter is far smaller: check that it is a letter")
    return data


def read_bytes(data: bytes) -> Loaded:
    """Turn a letter file's bytes into its text (any supported format)."""
    if not data.strip():
        raise LoadError("read", "empty", "the file is empty", "remove it or supply the letter's text")
    extracted = read_letter(data)
    if not extracted.text.strip():
        raise LoadError("decode", "empty", "the file holds no text", "supply the letter's text")
    return Loaded(text=extracted.text, format=extracted.format, encoding=extracted.encoding,
                  sha256=hashlib.sha256(data).hexdigest(), size=len(data))


def load_file(path: Path) -> Loaded:
    """Read and decode one letter file of any supported format."""
    return read_bytes(_read(Path(path)))
