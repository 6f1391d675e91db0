"""Open ZIP containers (.docx, and .xlsx/.odt/.ofd to name them) without trusting them.

Sizes are checked from the central directory BEFORE anything is inflated: a member whose declared
size is over the limit, or whose declared compression ratio is that of a bomb, is refused; reading
stops at the declared size, so a member that lies about it cannot inflate further.
"""

from __future__ import annotations

import io
import struct
import zipfile
import zlib

from .base import LoadError, damaged

MAX_MEMBERS = 10_000
#: Largest inflated size of one member that is read (a long letter's document.xml is ~1 MiB).
MAX_MEMBER_BYTES = 64 * 1024 * 1024
#: Highest inflated/compressed ratio accepted for members over RATIO_FLOOR bytes (XML reaches ~30).
MAX_RATIO = 200
RATIO_FLOOR = 1024 * 1024

_EOCD = b"PK\x05\x06"


def _member_count(data: bytes) -> int | None:
    """Entries announced by the end-of-central-directory record (None when there is none)."""
    at = data.rfind(_EOCD, max(0, len(data) - 65_557))
    if at < 0 or at + 22 > len(data):
        return None
    (total,) = struct.unpack_from("<H", data, at + 10)
    return int(total)


def open_zip(data: bytes, kind: str) -> zipfile.ZipFile:
    """A ZipFile over ``data``, after checking the member count; LoadError when damaged."""
    count = _member_count(data)
    if count is None:
        raise damaged(kind, "the ZIP directory is missing (the file is cut short)")
    if count == 0xFFFF or count > MAX_MEMBERS:
        raise LoadError("limit", "zip_bomb", f"the ZIP container announces {count} members",
                        "a letter has a few dozen: this file is not a letter or is crafted")
    try:
        return zipfile.ZipFile(io.BytesIO(data))
    except (zipfile.BadZipFile, zipfile.LargeZipFile, ValueError, EOFError, struct.error) as exc:
        raise damaged(kind, str(exc)) from None


def read_member(zf: zipfile.ZipFile, name: str, kind: str, limit: int = MAX_MEMBER_BYTES) -> bytes:
    """The inflated bytes of member ``name``, checked against size and ratio limits first."""
    try:
        info = zf.getinfo(name)
    except KeyError:
        raise damaged(kind, f"the part {name} is missing") from None
    if info.flag_bits & 0x1:
        raise LoadError("read", "encrypted", f"the {kind} file is encrypted",
                        "remove the password and save it again")
    size, packed = info.file_size, info.compress_size
    if size > limit:
        raise LoadError("limit", "zip_bomb", f"{name} declares {size} bytes inflated, over the {limit}-byte limit",
                        "a letter is far smaller: this file is not a letter or is crafted")
    if size > RATIO_FLOOR and size > MAX_RATIO * max(packed, 1):
        raise LoadError("limit", "zip_bomb",
                        f"{name} declares a compression ratio of {size // max(packed, 1)}:1 "
                        f"(limit {MAX_RATIO}:1)", "this file is crafted to exhaust memory: it is not read")
    try:
        with zf.open(info) as fh:
            return fh.read(size)
    except (zipfile.BadZipFile, zlib.error, EOFError, NotImplementedError, RuntimeError, ValueError,
            OSError) as exc:
        raise damaged(kind, f"{name}: {exc}") from None
