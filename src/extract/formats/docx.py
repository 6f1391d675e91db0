"""Word .docx: the body's paragraphs and tables in reading order; headers, footers, notes left out.

Paragraphs are separated by one blank line; a line break inside a paragraph (``w:br``) is one
newline; a table row is one line ``| cell | cell |`` (a one-column table is read as paragraphs); a
paragraph in a heading style starts with ``#`` marks, the light markdown of text letters.
Text boxes follow the paragraph they are anchored in; deleted revisions and field codes are skipped.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from lxml import etree

from .base import Extracted, check_text_size, unsupported
from .safezip import open_zip, read_member
from .xmlsafe import parse_xml

_HEADING_NAME = re.compile(r"heading ([1-6])")
_STYLE_USED = re.compile(rb":pStyle\b[^>]*?:val=\"([^\"]+)\"")
_TARGET = re.compile(rb"Target=\"([^\"]+)\"")
_SKIP = frozenset({"pPr", "rPr", "del", "delText", "instrText", "Fallback", "fldData", "moveFrom",
                   "commentReference", "footnoteReference", "endnoteReference", "annotationRef"})
_OTHER_ZIPS = (
    ("xl/workbook.xml", "Excel workbook (.xlsx)", "save the letter as .docx or .pdf"),
    ("ppt/presentation.xml", "PowerPoint file (.pptx)", "save the letter as .docx or .pdf"),
    ("OFD.xml", "OFD document", "export it to PDF with a text layer (or .docx) from an OFD reader"),
    ("content.xml", "OpenDocument file (.odt)", "save it as .docx from LibreOffice or WPS"),
    ("META-INF/container.xml", "EPUB book", "save the letter as .docx or .pdf"),
)


def _local(tag: object) -> str:
    return tag.rsplit("}", 1)[-1] if isinstance(tag, str) else ""


def _main_part(zf_names: set[str], rels: bytes | None) -> str | None:
    if rels:
        for m in re.finditer(rb"<Relationship\b[^>]*>", rels):
            if b"/officeDocument\"" in m.group(0) and (t := _TARGET.search(m.group(0))):
                target = t.group(1).decode("utf-8", "replace").lstrip("/")
                if target in zf_names:
                    return target
    return "word/document.xml" if "word/document.xml" in zf_names else None


def _runs(el: etree._Element, out: list[str], boxes: list[str], headings: dict[str, int]) -> None:
    """Collect the text of a paragraph (or part of one) in document order."""
    for child in el:
        name = _local(child.tag)
        if name == "t":
            out.append(child.text or "")
        elif name in ("tab", "ptab"):
            out.append("\t")
        elif name in ("br", "cr"):
            out.append("\n")
        elif name == "noBreakHyphen":
            out.append("-")
        elif name == "txbxContent":
            boxes.extend(_blocks(child, headings))
        elif name not in _SKIP:
            _runs(child, out, boxes, headings)


def _heading_level(p: etree._Element, headings: dict[str, int]) -> int:
    """The paragraph's heading level (1-6) from its style, 0 for body text."""
    ppr = next((c for c in p if _local(c.tag) == "pPr"), None)
    style = next((c for c in ppr if _local(c.tag) == "pStyle"), None) if ppr is not None else None
    if style is None:
        return 0
    value = next((str(v) for k, v in style.attrib.items() if _local(k) == "val"), "")
    return headings.get(value, 0)


def _paragraph(p: etree._Element, headings: dict[str, int]) -> Iterator[str]:
    out: list[str] = []
    boxes: list[str] = []
    _runs(p, out, boxes, headings)
    text = "".join(out).rstrip()
    if text.strip():
        level = _heading_level(p, headings)
        yield ("#" * level + " " if level else "") + text
    yield from boxes


def _cell_text(tc: etree._Element, headings: dict[str, int]) -> str:
    return " ".join(" ".join(block.split("\n")) for block in _blocks(tc, headings)).strip()


def _table(tbl: etree._Element, headings: dict[str, int]) -> Iterator[str]:
    rows = [[c for c in tr if _local(c.tag) in ("tc", "sdt")] for tr in tbl if _local(tr.tag) == "tr"]
    if rows and all(len(cells) <= 1 for cells in rows):  # a layout box: read its content as paragraphs
        for cells in rows:
            for tc in cells:
                yield from _blocks(tc, headings)
        return
    lines = []
    for cells in rows:
        texts = [_cell_text(tc, headings) for tc in cells]
        if any(texts):
            lines.append("| " + " | ".join(texts) + " |")
    if lines:
        yield "\n".join(lines)


def _blocks(container: etree._Element, headings: dict[str, int]) -> Iterator[str]:
    """Paragraph and table blocks of a body, cell, text box or content control, in order."""
    for el in container:
        name = _local(el.tag)
        if name == "p":
            yield from _paragraph(el, headings)
        elif name == "tbl":
            yield from _table(el, headings)
        elif name in ("sdt", "sdtContent", "customXml", "smartTag", "ins", "moveTo", "AlternateContent",
                      "Choice"):
            yield from _blocks(el, headings)


def heading_styles(styles: etree._Element | None) -> dict[str, int]:
    """Style id -> heading level, for styles named ``heading N`` (Word's built-in headings, any language)."""
    found = {f"Heading{n}": n for n in range(1, 7)}
    for style in styles if styles is not None else ():
        sid = next((str(v) for k, v in style.attrib.items() if _local(k) == "styleId"), None)
        name = next((next((str(v) for k, v in c.attrib.items() if _local(k) == "val"), "") for c in style
                     if _local(c.tag) == "name"), "")
        m = _HEADING_NAME.fullmatch(name.strip().lower())
        if sid and m:
            found[sid] = int(m.group(1))
    return found


def docx_text(root: etree._Element, headings: dict[str, int] | None = None) -> str:
    """The text of a parsed ``word/document.xml``; headings (by style) start with ``#`` marks."""
    body = next((el for el in root if _local(el.tag) == "body"), None)
    return "\n\n".join(_blocks(body, headings or heading_styles(None))) if body is not None else ""


def read_zip(data: bytes) -> Extracted:
    """Read a ZIP-based file: .docx (and .docm, .dotx) give text; other ZIP kinds are named and refused."""
    zf = open_zip(data, "docx")
    names = set(zf.namelist())
    rels = read_member(zf, "_rels/.rels", "docx", 1024 * 1024) if "_rels/.rels" in names else None
    main = _main_part(names, rels)
    if main is None:
        for part, kind, hint in _OTHER_ZIPS:
            if part in names:
                raise unsupported(kind, hint)
        raise unsupported("ZIP archive", "unpack the archive and give its letters one by one")
    document = read_member(zf, main, "docx")
    root = parse_xml(document, "docx")
    headings = heading_styles(None)
    styles_part = main.rsplit("/", 1)[0] + "/styles.xml" if "/" in main else "styles.xml"
    used = {m.decode("utf-8", "replace") for m in _STYLE_USED.findall(document)}
    if used - set(headings) and styles_part in names:  # only when a style might be a localised heading
        headings = heading_styles(parse_xml(read_member(zf, styles_part, "docx", 8 * 1024 * 1024), "docx"))
    return Extracted(text=check_text_size(docx_text(root, headings)), format="docx")
