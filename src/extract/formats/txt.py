"""Plain text: UTF-8 (with or without BOM), GB18030 (GBK, GB2312), UTF-16 LE/BE.

>>> decode_text("答复".encode("gb18030"))
('答复', 'gb18030')
>>> decode_text("中".encode("gbk"))  # D6 D0 is also valid UTF-8 (U+0590): still read as GB
('中', 'gb18030')
"""

from __future__ import annotations

import codecs
import re

from .base import LoadError

_BOMS = (
    (codecs.BOM_UTF8, "utf-8-sig", "utf-8-bom"),
    (codecs.BOM_UTF32_LE, "utf-32", "utf-32-le"),
    (codecs.BOM_UTF32_BE, "utf-32", "utf-32-be"),
    (codecs.BOM_UTF16_LE, "utf-16", "utf-16-le"),
    (codecs.BOM_UTF16_BE, "utf-16", "utf-16-be"),
)
# Controls that never stand in a letter (tab, LF, VT, FF, CR, ESC-free): their share marks binary data.
_CONTROL_RE = re.compile("[\x00-\x08\x0e-\x1f\x7f-\x9f]")
_MAX_CONTROL_SHARE = 0.01
# A UTF-8 reading that yields these (Latin-1 supplement to Arabic, U+0080-U+07FF) where GB18030
# yields Chinese is a GB file misread: every GB2312 character with lead byte C2-DF is valid UTF-8.
_TWO_BYTE_UTF8 = range(0x80, 0x800)
_TWO_BYTE_RE = re.compile("[\u0080-\u07ff]")
_COMMON_TWO_BYTE = frozenset("·×÷°±§¥£©®µ¼½¾éèàáüöäçñ")


def _is_cjk(ch: str) -> bool:
    o = ord(ch)
    return (0x4E00 <= o <= 0x9FFF or 0x3400 <= o <= 0x4DBF or 0x3000 <= o <= 0x303F
            or 0xFF00 <= o <= 0xFFEF or 0x20000 <= o <= 0x3134F or 0xF900 <= o <= 0xFAFF
            or 0x2000 <= o <= 0x206F)


def _plausible(text: str) -> bool:
    """Text, not binary: almost no control characters."""
    if not text or not _CONTROL_RE.search(text):
        return True
    return len(_CONTROL_RE.findall(text)) <= _MAX_CONTROL_SHARE * len(text)


def _binary(data: bytes) -> bool:
    """Raw bytes with C0 control codes that text never holds."""
    sample = data[:65536]
    return sum(1 for b in sample if b < 0x20 and b not in b"\t\n\x0b\x0c\r\x1a") > _MAX_CONTROL_SHARE * len(sample)


def _utf16_without_bom(data: bytes) -> str | None:
    """UTF-16 without a BOM: NUL bytes (the high byte of ASCII) on one side of each pair only."""
    if len(data) < 4 or len(data) % 2:
        return None
    even, odd = data[0::2].count(0), data[1::2].count(0)
    pairs = len(data) // 2
    if odd >= max(2, 0.02 * pairs) and even == 0:
        return "utf-16-le"
    if even >= max(2, 0.02 * pairs) and odd == 0:
        return "utf-16-be"
    return None


def _misread_gb(text: str) -> bool:
    """True when a valid UTF-8 reading looks like GB bytes: mostly U+0080-U+07FF, no CJK."""
    if not _TWO_BYTE_RE.search(text):
        return False
    odd = sum(1 for ch in text if ord(ch) in _TWO_BYTE_UTF8 and ch not in _COMMON_TWO_BYTE)
    if not odd:
        return False
    non_ascii = sum(1 for ch in text if ord(ch) > 0x7F)
    return odd >= 0.5 * non_ascii


def _private_share(text: str) -> float:
    """Share of private-use characters among non-ASCII ones: GB text has none, misread Big5 many."""
    non_ascii = [ch for ch in text if ord(ch) > 0x7F]
    return sum(1 for ch in non_ascii if 0xE000 <= ord(ch) <= 0xF8FF) / len(non_ascii) if non_ascii else 0.0


def _cjk_share(text: str) -> float:
    non_ascii = [ch for ch in text if ord(ch) > 0x7F]
    return sum(map(_is_cjk, non_ascii)) / len(non_ascii) if non_ascii else 1.0


def _decode_plausible(data: bytes, codec: str, name: str) -> tuple[str, str] | None:
    try:
        text = data.decode(codec)
    except UnicodeDecodeError:
        return None
    return (text, name) if _plausible(text) else None


def decode_text(data: bytes) -> tuple[str, str]:
    """Decode letter bytes to ``(text, encoding)``: BOM, UTF-16, UTF-8, GB18030, then a detector.

    Raises LoadError when the bytes are binary or decode in no encoding a letter is written in.
    """
    for bom, codec, name in _BOMS:
        if data.startswith(bom):
            try:
                return data.decode(codec), name
            except UnicodeDecodeError as exc:
                raise LoadError("decode", "undecodable", f"{name} BOM but invalid bytes: {exc.reason}",
                                "re-save the file as UTF-8") from None
    utf16 = _utf16_without_bom(data)
    if utf16 and (found := _decode_plausible(data, utf16, utf16)):
        return found
    if b"\x00" in data:
        raise LoadError("decode", "binary", "the file holds NUL bytes: it is binary, not text",
                        "convert it to .txt, .docx, .pdf or .html first")
    utf8 = _decode_plausible(data, "utf-8", "utf-8")
    gb = None if utf8 and not _misread_gb(utf8[0]) else _decode_plausible(data, "gb18030", "gb18030")
    if gb and (utf8 is None or _cjk_share(gb[0]) > _cjk_share(utf8[0])):
        if _private_share(gb[0]) > 0.01 and (other := _detect(data)) and not _private_share(other[0]):
            return other  # Big5 and others read as GB18030 land in the private-use area
        return gb
    if utf8:
        return utf8
    guess = _detect(data)
    if guess:
        return guess
    raise LoadError("decode", "binary" if _binary(data) else "undecodable",
                    "not UTF-8, UTF-16 or GB18030 text, and no other encoding fits",
                    "re-save the file as UTF-8")


def _detect(data: bytes) -> tuple[str, str] | None:
    """Last resort: charset-normalizer, accepted only for Chinese text (Big5, HZ, a damaged GB file)."""
    from charset_normalizer import from_bytes

    best = from_bytes(data[:200_000]).best()
    if best is None or best.encoding is None:
        return None
    found = _decode_plausible(data, best.encoding, best.encoding)
    if found and _cjk_share(found[0]) >= 0.5 and any(_is_cjk(ch) for ch in found[0]):
        return found
    return None
