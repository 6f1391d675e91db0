"""The letter's own 发文字号 (普科委〔2023〕15号), never a number cited in the body."""

from __future__ import annotations

import regex

from ..document import Document
from ..layout import Layout
from ..models import DocNumber, Warning
from ._span import source_span

DOC_NUMBER = regex.compile(
    r"(?P<agency>[\p{Han}A-Za-z（）()]{1,30}?)\s*(?P<open>[〔［\[【(（])\s*(?P<year>(?:19|20)\d{2})\s*"
    r"(?P<close>[〕］\]】)）])\s*(?P<prefix>第)?\s*(?P<serial>\d{1,6})\s*号"
)
_LINE = regex.compile(rf"^(?:{DOC_NUMBER.pattern})(?:\s+(?:签发人|签发)\s*[:：].*)?$")


def parse_doc_number(doc: Document, start: int, end: int) -> tuple[DocNumber, list[Warning]] | None:
    """Parse the document number found in ``doc.text[start:end]``."""
    m = DOC_NUMBER.search(doc.text, start, end)
    if not m:
        return None
    warnings = []
    if m["open"] != "〔" or m["close"] != "〕":
        warnings.append(Warning(code="W_DOCNO_BRACKETS", field="doc_number",
                                message=f"year in {m['open']}{m['close']} instead of 〔〕 (GB/T 9704)"))
    if m["prefix"]:
        warnings.append(Warning(code="W_DOCNO_PREFIX", field="doc_number", message="serial written with 第"))
    if m["serial"].startswith("0"):
        warnings.append(Warning(code="W_DOCNO_LEADING_ZERO", field="doc_number",
                                message="serial with a leading zero"))
    value = DocNumber(text=regex.sub(r"\s+", "", m[0]), agency_code=m["agency"], year=int(m["year"]),
                      serial=int(m["serial"]), **source_span(doc, m.start(), m.end()))
    return value, warnings


def find_doc_number(doc: Document, layout: Layout) -> tuple[DocNumber | None, list[Warning]]:
    """The number on its own line in the header, else the page metadata's 文号."""
    for line in layout.header_lines():
        if _LINE.match(line.text):
            parsed = parse_doc_number(doc, line.start, line.end)
            if parsed:
                return parsed
    meta = layout.meta_for("doc_number")
    if meta:
        parsed = parse_doc_number(doc, meta.start, meta.end)
        if parsed:
            return parsed
    return None, []
