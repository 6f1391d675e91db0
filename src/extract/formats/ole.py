"""Legacy Word .doc and Kingsoft .wps (OLE compound files), through antiword when it is installed.

antiword is optional at run time: without it, such a file gives an error record that says how to
install it. An OLE file that is not a Word document (Excel, PowerPoint, an encrypted .docx) is named.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import tempfile

from .base import Extracted, LoadError, check_text_size, damaged, unsupported

ANTIWORD_TIMEOUT_S = 20.0


def _utf16(name: str) -> bytes:
    return name.encode("utf-16-le")


_STREAMS = (
    (_utf16("EncryptedPackage"), None),
    (_utf16("WordDocument"), "word"),
    (_utf16("Workbook"), "Excel workbook (.xls)"),
    (_utf16("PowerPoint Document"), "PowerPoint file (.ppt)"),
    (_utf16("__substg1.0_"), "Outlook message (.msg)"),
)


def _kind(data: bytes) -> str | None:
    """What the compound file holds, from the names in its directory."""
    for name, kind in _STREAMS:
        if name in data:
            if kind is None:
                raise LoadError("read", "encrypted", "the document is encrypted (password protected)",
                                "remove the password and save it again")
            return kind
    return None


def read_ole(data: bytes) -> Extracted:
    """The text of a Word 97-2003 (.doc) or WPS document through antiword."""
    kind = _kind(data)
    if kind is None:
        raise unsupported("OLE compound file of unknown kind", "save the letter as .docx or .pdf")
    if kind != "word":
        raise unsupported(kind, "save the letter as .docx or .pdf")
    antiword = shutil.which("antiword")
    if antiword is None:
        raise LoadError("read", "tool_missing", "reading .doc/.wps files needs antiword, which is not installed",
                        "apt-get install antiword (or save the letter as .docx)")
    fd, tmp = tempfile.mkstemp(suffix=".doc")
    try:
        with os.fdopen(fd, "wb") as fh:
            fh.write(data)
        proc = subprocess.run([antiword, "-m", "UTF-8.txt", "-w", "0", tmp], capture_output=True,
                              timeout=ANTIWORD_TIMEOUT_S, check=False, env={**os.environ, "LC_ALL": "C.UTF-8"})
    except subprocess.TimeoutExpired:
        raise LoadError("limit", "timeout", f"antiword took longer than {ANTIWORD_TIMEOUT_S:.0f} s",
                        "open it in Word or WPS and save it as .docx") from None
    finally:
        os.unlink(tmp)
    if proc.returncode != 0:
        detail = proc.stderr.decode("utf-8", "replace").strip().splitlines()
        raise damaged("doc", detail[-1] if detail else f"antiword exit status {proc.returncode}")
    # with -w 0 antiword writes one paragraph per line: separate them by a blank line, as elsewhere
    lines = proc.stdout.decode("utf-8", "replace").splitlines()
    text = "\n\n".join(line.rstrip() for line in lines if line.strip())
    if not text.strip():
        raise LoadError("decode", "no_text", "the document holds no text", "check that it is the letter")
    return Extracted(text=check_text_size(text), format="doc", encoding=None)
