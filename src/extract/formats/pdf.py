"""PDF with a text layer, through pdfium (pypdfium2): lines rebuilt into paragraphs.

Running headers and footers (a line repeated at the top or bottom of pages) and page numbers are
removed. Lines are joined across line and page breaks without a space (a space only between two
Latin letters); a paragraph ends where a line stops short of the right margin, the next line is
indented, or the gap between lines is wider than the line pitch. Paragraphs are separated by one
blank line, as in the other formats; a one-line paragraph in larger type is a heading (``## ``).
"""

from __future__ import annotations

import itertools
import re
import statistics
from collections import Counter
from dataclasses import dataclass
from typing import Any

from .base import MAX_TEXT_CHARS, Extracted, LoadError, check_text_size, damaged
from .rules import page_number

MAX_PAGES = 500
_EDGE_LINES = 2  # lines at the top and at the bottom of a page that may be running heads
_SMALL = 0.85  # type this much smaller than the body's is a running head's or foot's
_LARGE = 1.15  # a one-line paragraph in type this much larger than the body's is a heading
_DIGITS = re.compile(r"\d+")
_LATIN = re.compile(r"[A-Za-z]")
_NEWLINE = re.compile(r"\r\n|\r|\n")
_CLOSING = frozenset("。！？：；…”’）)」』】.!?:;")


@dataclass(frozen=True, slots=True)
class _Line:
    text: str
    x0: float
    x1: float
    y: float  # vertical centre, PDF units (up is larger)
    size: float
    page: int


def _pdfium() -> tuple[Any, Any]:
    import pypdfium2  # type: ignore[import-untyped]
    import pypdfium2.raw  # type: ignore[import-untyped]

    return pypdfium2, pypdfium2.raw


def _page_lines(textpage, raw, page: int) -> list[_Line]:  # type: ignore[no-untyped-def]
    count = textpage.count_chars()
    if count <= 0:
        return []
    text = textpage.get_text_range(0, count)
    if sum(2 if ord(c) > 0xFFFF else 1 for c in text) != count:  # misaligned: read char by char
        text = "".join(chr(raw.FPDFText_GetUnicode(textpage, i)) for i in range(count))
        units = list(range(count + 1))
    else:
        units = [0]
        for c in text:
            units.append(units[-1] + (2 if ord(c) > 0xFFFF else 1))
    lines = []
    pos = 0
    for m in [*_NEWLINE.finditer(text), None]:
        end = m.start() if m else len(text)
        segment = text[pos:end]
        stripped = segment.strip()
        if stripped:
            first = pos + len(segment) - len(segment.lstrip())
            last = pos + len(segment.rstrip()) - 1
            l0, b0, r0, t0 = textpage.get_charbox(units[first], loose=True)
            l1, b1, r1, t1 = textpage.get_charbox(units[last], loose=True)
            size = max(t0 - b0, t1 - b1, raw.FPDFText_GetFontSize(textpage, units[first]), 1.0)
            lines.append(_Line(stripped, min(l0, l1), max(r0, r1), (b0 + t0) / 2, size, page))
        if m:
            pos = m.end()
    return _rows(lines)


def _rows(lines: list[_Line]) -> list[_Line]:
    """Top-to-bottom order; pieces of one visual line (table cells drawn apart) merged left to right."""
    lines = sorted(lines, key=lambda ln: -ln.y)
    rows: list[list[_Line]] = []
    for ln in lines:
        if rows and abs(rows[-1][0].y - ln.y) < 0.4 * min(rows[-1][0].size, ln.size):
            rows[-1].append(ln)
        else:
            rows.append([ln])
    out = []
    for row in rows:
        row.sort(key=lambda ln: ln.x0)
        text = row[0].text
        for prev, ln in itertools.pairwise(row):
            text += (" " if ln.x0 - prev.x1 > 0.3 * ln.size else "") + ln.text
        out.append(_Line(text, row[0].x0, max(ln.x1 for ln in row), row[0].y, max(ln.size for ln in row),
                         row[0].page))
    return out


def _pitch(lines: list[_Line]) -> float:
    """The distance between two lines of a paragraph (the lower quartile: gaps, heads and feet are wider)."""
    gaps = sorted(a.y - b.y for a, b in itertools.pairwise(lines) if a.page == b.page and a.y > b.y)
    return gaps[len(gaps) // 4] if gaps else 1.5 * statistics.median(ln.size for ln in lines)


def _edges(lines: list[_Line], pitch: float) -> list[int]:
    """Indexes of lines set apart at the top or bottom of a page (where running heads stand)."""
    found: list[int] = []
    for order in (range(len(lines)), range(len(lines) - 1, -1, -1)):
        idx = list(order)
        for here, there in itertools.islice(itertools.pairwise(idx), _EDGE_LINES):
            if abs(lines[here].y - lines[there].y) > 1.5 * pitch:
                found.append(here)
            else:
                break
    return found


def _furniture(pages: list[list[_Line]]) -> set[tuple[int, int]]:
    """(page, line index) of running heads, running feet and page numbers."""
    every = [ln for lines in pages for ln in lines]
    if not every:
        return set()
    pitch = _pitch(every)
    em = statistics.median(ln.size for ln in every)
    apart = {(p, i) for p, lines in enumerate(pages) for i in _edges(lines, pitch)}
    repeated = Counter(_DIGITS.sub("#", pages[p][i].text) for p, i in apart)
    needed = max(2, (len(pages) + 1) // 2)
    # set apart and repeated on most pages, or set apart in small type (a single page's running head)
    found = {(p, i) for p, i in apart
             if (len(pages) > 1 and repeated[_DIGITS.sub("#", pages[p][i].text)] >= needed)
             or pages[p][i].size < _SMALL * em}
    for p, lines in enumerate(pages):
        for i in {0, len(lines) - 1} if lines else ():
            if page_number().fullmatch(lines[i].text.strip()):
                found.add((p, i))
    return found


def _joiner(left: str, right: str) -> str:
    return " " if _LATIN.fullmatch(left[-1]) and _LATIN.fullmatch(right[0]) else ""


def _right_margin(lines: list[_Line], left: float, width: float, em: float) -> float:
    """Where full lines end: seen on the lines when enough of them reach it, else mirrored from the left."""
    rights = sorted(ln.x1 for ln in lines)
    right = rights[int(0.9 * (len(rights) - 1))]
    if sum(1 for r in rights if r >= right - em) >= max(3, 0.25 * len(rights)) and right > 0.75 * (width - left):
        return right
    return width - left


def _paragraphs(lines: list[_Line], width: float) -> list[str]:
    if not lines:
        return []
    em = statistics.median(ln.size for ln in lines)
    left = Counter(round(ln.x0) for ln in lines).most_common(1)[0][0]
    right = _right_margin(lines, left, width, em)
    pitch = _pitch(lines)
    paragraphs: list[str] = []
    current = lines[0].text
    single = True

    def close(last: _Line) -> None:
        heading = single and last.size >= _LARGE * em
        paragraphs.append(("## " if heading else "") + current)

    for a, b in itertools.pairwise(lines):
        short = right - a.x1
        breaks = (short > 4 * em                                 # the line stops well short
                  or (short > 1.5 * em and a.text[-1] in _CLOSING)  # ... or short after a full stop
                  or b.x0 > left + 1.2 * em                     # the next one is indented or centred
                  or abs(a.size - b.size) > 0.2 * em            # a change of type size
                  or (a.page == b.page and a.y - b.y > 1.45 * pitch))  # a gap wider than the line pitch
        if breaks:
            close(a)
            current, single = b.text, True
        else:
            current += _joiner(current, b.text) + b.text
            single = False
    close(lines[-1])
    return paragraphs


def _garbled(text: str) -> bool:
    """A text layer of unmapped glyphs (replacement or private-use characters) is no text."""
    visible = [c for c in text if not c.isspace()]
    bad = sum(1 for c in visible if c == "\ufffd" or 0xE000 <= ord(c) <= 0xF8FF or ord(c) < 0x20)
    return bool(visible) and bad > 0.3 * len(visible)


def read_pdf(data: bytes) -> Extracted:
    """The text layer of a PDF as paragraphs; LoadError when there is none or the file is damaged."""
    pdfium, raw = _pdfium()
    try:
        doc = pdfium.PdfDocument(data)
    except pdfium.PdfiumError as exc:
        if "password" in str(exc).lower():
            raise LoadError("read", "encrypted", "the PDF is protected by a password",
                            "remove the password and save it again") from None
        raise damaged("pdf", str(exc)) from None
    try:
        if len(doc) > MAX_PAGES:
            raise LoadError("limit", "too_many_pages", f"the PDF has {len(doc)} pages (limit {MAX_PAGES})",
                            "a letter has a few pages: split the file")
        pages: list[list[_Line]] = []
        chars = 0
        width = doc.get_page_size(0)[0] if len(doc) else 0.0
        for index in range(len(doc)):
            page = doc[index]
            try:
                textpage = page.get_textpage()
                lines = _page_lines(textpage, raw, index)
                textpage.close()
            except pdfium.PdfiumError as exc:
                raise damaged("pdf", f"page {index + 1}: {exc}") from None
            finally:
                page.close()
            chars += sum(len(ln.text) for ln in lines)
            if chars > MAX_TEXT_CHARS:
                check_text_size("x" * chars)
            pages.append(lines)
    finally:
        doc.close()
    drop = _furniture(pages)
    body = [ln for p, lines in enumerate(pages) for i, ln in enumerate(lines) if (p, i) not in drop]
    text = "\n\n".join(_paragraphs(body, width))
    if not text.strip() or _garbled(text):
        raise LoadError("decode", "no_text", "the PDF has no usable text layer (a scan or unmapped fonts)",
                        "run OCR on it (e.g. ocrmypdf) and try the result")
    return Extracted(text=check_text_size(text), format="pdf")
