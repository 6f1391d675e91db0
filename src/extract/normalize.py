"""Normalisation: repair what page breaks, web pages and typesetting did to a letter.

Every step keeps the offset map, so each character of the clean text still
knows where it stood in the source. Steps only delete characters or replace
one character by one character; nothing is invented.

>>> doc = normalize("从数字生态入手，深化品牌建设，打造特色亮点，2022年8月24\\n\\n日，示范区挂牌。")
>>> doc.text[22:]
'2022年8月24日，示范区挂牌。'
>>> doc.source_slice(22, 32)
'2022年8月24\\n\\n日'
"""

from __future__ import annotations

from collections.abc import Sequence

import regex

from .document import Document

# One-to-one replacements: full-width ASCII letters, digits and a few signs; odd spaces.
_ONE_TO_ONE = {c: chr(c - 0xFEE0) for c in range(0xFF10, 0xFF1A)}  # ０-９
_ONE_TO_ONE.update({c: chr(c - 0xFEE0) for c in range(0xFF21, 0xFF3B)})  # Ａ-Ｚ
_ONE_TO_ONE.update({c: chr(c - 0xFEE0) for c in range(0xFF41, 0xFF5B)})  # ａ-ｚ
_ONE_TO_ONE.update({0xFF05: "%", 0xFF0E: ".", 0x00A0: " ", 0x3000: " ", 0x2002: " ", 0x2003: " ",
                    0x2009: " ", 0x200B: " ", 0xFEFF: " ", 0x2028: "\n", 0x2029: "\n", 0x0009: " "})
_TRANSLATION = str.maketrans(_ONE_TO_ONE)

_CARRIAGE = regex.compile(r"\r(?=\n)|\r")
_MARKDOWN = regex.compile(r"\*\*|__(?=\S)|(?<=\S)__|\\(?=[\[\]()*_#|.\-])")
_FURNITURE = regex.compile(
    r"(?m)^[ \t]*(?:[-—–－~]{1,2}[ \t]*\d{1,3}[ \t]*[-—–－~]{1,2}"
    r"|第[ \t]*\d{1,3}[ \t]*页(?:[ \t]*[/，,]?[ \t]*共[ \t]*\d{1,3}[ \t]*页)?"
    r"|[（(][ \t]*此页无正文[ \t]*[）)])[ \t]*$"
)
# A paragraph broken in the middle: an unterminated long line, blank line(s), a continuation.
_BREAK = regex.compile(r"(?<=[^\s。！？：；;!?:…”’」』）)\]】|>#])[ \t]*\n(?:[ \t]*\n){0,3}[ \t]*(?=[^\s])")
_TERMINAL = "。！？：；;!?:…"
_HEADING_START = regex.compile(
    r"^(?:[一二三四五六七八九十]+、|[（(][一二三四五六七八九十\d]+[）)]|\d+[.、．]|第[一二三四五六七八九十]+[章节条部分]"
    r"|[一二三四五六七八九十]是|附件|抄送|联\s*系|电话|邮政|地址|[#|\-*>]|\d{4}年\d{1,2}月\d{1,2}日\s*$)"
)
# Only prose is broken by pages: a title, signature or table line holds no comma.
_PROSE = regex.compile(r"[，、；]")
# A line that closes a letter (ends in a date, or is a salutation) is never a continuation.
_CLOSING_LINE = regex.compile(r"(?:\d{4}|[〇零一二三四五六七八九○]{4})\s*年.{1,4}月.{1,4}日\s*$|^[^，。]{1,30}[:：]$")
_MIN_BROKEN_LINE = 28  # characters: a line this long that stops mid-sentence was cut by a page


def _apply(text: str, offsets: Sequence[int], edits: list[tuple[int, int, str]]) -> tuple[str, list[int]]:
    """Apply sorted, non-overlapping deletions/replacements; carry the offset map."""
    out: list[str] = []
    new_offsets: list[int] = []
    pos = 0
    for start, end, repl in edits:
        out.append(text[pos:start])
        new_offsets.extend(offsets[pos:start])
        out.append(repl)
        if len(repl) == end - start:
            new_offsets.extend(offsets[start:end])
        else:
            new_offsets.extend([offsets[start]] * len(repl))
        pos = end
    out.append(text[pos:])
    new_offsets.extend(offsets[pos:])
    return "".join(out), new_offsets


def _deletions(pattern: regex.Pattern[str], text: str) -> list[tuple[int, int, str]]:
    return [(m.start(), m.end(), "") for m in pattern.finditer(text)]


def _broken_paragraphs(text: str) -> list[tuple[int, int, str]]:
    """Line breaks that split a word or a date inside a paragraph."""
    edits = []
    for m in _BREAK.finditer(text):
        line_start = text.rfind("\n", 0, m.start()) + 1
        line = text[line_start:m.start()].strip()
        if len(line) < _MIN_BROKEN_LINE or line[-1] in _TERMINAL or _HEADING_START.match(line) \
                or not _PROSE.search(line):
            continue
        next_end = text.find("\n", m.end())
        next_line = text[m.end(): next_end if next_end >= 0 else len(text)].strip()
        if _HEADING_START.match(next_line) or _CLOSING_LINE.search(next_line):
            continue
        edits.append((m.start(), m.end(), ""))
    return edits


def normalize(source: str) -> Document:
    """Clean a decoded letter and keep the way back to its characters."""
    text = source.translate(_TRANSLATION)
    offsets: list[int] = list(range(len(source) + 1))
    for step in (lambda t: _deletions(_CARRIAGE, t), lambda t: _deletions(_MARKDOWN, t),
                 lambda t: _deletions(_FURNITURE, t), _broken_paragraphs):
        edits = step(text)
        if edits:
            text, offsets = _apply(text, offsets, edits)
    return Document(source=source, text=text, offsets=offsets)
