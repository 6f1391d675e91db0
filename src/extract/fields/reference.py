"""The proposal, suggestion or motion answered: kind, body, term, session, number, title."""

from __future__ import annotations

from typing import cast

import regex

from ..document import Document
from ..layout import Layout
from ..models import Reference, ReferenceKind
from ..numbers import parse_int
from ._span import source_span
from .doc_number import DOC_NUMBER

_NUM = r"[一二三四五六七八九十百\d]{1,4}"
SESSION = regex.compile(
    rf"(?P<pre>(?:全国|自治区|省|市|区|县|州|旗|盟)?(?:政协|人大)?)\s*第?\s*(?P<term>{_NUM})\s*届\s*"
    r"(?P<mid>全国人民代表大会|全国人大|全国委员会|人大常委会|人民代表大会|人大|政协|委员会)?\s*"
    rf"第?\s*(?P<session>{_NUM})\s*次(?:全体)?会议"
)
NUMBER = regex.compile(
    r"第\s*(?P<number>\d{1,10})\s*号\s*(?:[（(](?P<category>[\p{Han}]{1,10}类\s*\d{1,6}\s*号)[）)])?"
    r"\s*(?:的)?(?P<kind>提案|建议|议案|意见)?"
)
KINDS = ("提案", "建议", "议案", "意见")
_QUOTES = {"“": "”", "《": "》", "「": "」", "\"": "\""}
_TITLE_ENDING = regex.compile(r"(?:提案|建议|议案|提议|意见)$")
_AFTER_QUOTE = regex.compile(r"^\s*(?:的)?(?:提案|建议|议案|提议|意见)|^\s*(?:已)?收悉|^\s*[（(]\s*第")
_UNQUOTED_TO_RECEIPT = regex.compile(r"关于.{2,150}(?:建议|提案|议案|提议|意见)(?=\s*(?:已)?收悉)")
_UNQUOTED = regex.compile(r"关于.{2,150}?(?:建议|提案|议案|提议|意见)(?=\s*(?:[，,。（(；]|十分|收到|的办理))")
_PERSONAL = regex.compile(r"您|你们|你(?![省市区县部委厅局州盟旗镇乡司单位公司])|委员|代表")
_KIND_IN_TITLE = regex.compile(r"(提案|建议|议案)(?:的)?(?:答复|复函|办理|公开答复|分办)")
_OPENING_END = regex.compile(r"收悉|。|如下[:：]")


def _body_name(pre: str, mid: str, kind: str | None) -> tuple[str | None, str | None]:
    """(body, implied kind) of 区政协 / 十届全国人大 / 第十四届全国委员会 …"""
    both = pre + mid
    scope = "全国" if "全国" in both else next((lvl for lvl in ("自治区", "省", "市", "区", "县", "州", "旗", "盟")
                                                if lvl in pre), "")
    if "政协" in both or (mid in ("全国委员会", "委员会") and kind != "建议"):
        return scope + "政协", "提案"
    if "人大" in both or "人民代表大会" in both:
        return scope + "人大", "建议"
    return None, None


def _opening(doc: Document, layout: Layout) -> tuple[int, int]:
    start = layout.body[0]
    m = _OPENING_END.search(doc.text, start, min(len(doc.text), start + 400))
    return start, (m.end() if m else min(len(doc.text), start + 300))


def _quoted_title(text: str, start: int, end: int) -> tuple[int, int] | None:
    i = start
    while i < end:
        ch = text[i]
        if ch in _QUOTES:
            close, depth, j = _QUOTES[ch], 0, i + 1
            while j < end:
                if text[j] == ch and ch != close:
                    depth += 1
                elif text[j] == close:
                    if depth == 0:
                        break
                    depth -= 1
                j += 1
            if j >= end:
                return None
            inner = text[i + 1:j]
            if inner.startswith("关于") or _TITLE_ENDING.search(inner) or _AFTER_QUOTE.match(text, j + 1, end):
                return i + 1, j
            i = j
        i += 1
    return None


def find_reference(doc: Document, layout: Layout) -> Reference | None:
    """Read the reference from the header (title, page labels) and the opening sentence."""
    text = doc.text
    header = (0, layout.header[1])  # page labels and clipping titles above the letter count too
    o_start, o_end = _opening(doc, layout)
    zones = [header, (o_start, o_end)]
    doc_numbers = [m.span() for z in zones for m in DOC_NUMBER.finditer(text, *z)]
    spans: list[tuple[int, int]] = []

    session = next((m for z in zones for m in [SESSION.search(text, *z)] if m), None)
    meta_session = layout.meta_for("session")
    if session is None and meta_session is not None:
        session = SESSION.search(text, meta_session.start, meta_session.end)
    number_m = None
    for z in zones:
        for m in NUMBER.finditer(text, *z):
            if any(s <= m.start() < e for s, e in doc_numbers):
                continue
            if number_m is None or (m["kind"] and not number_m["kind"]):
                number_m = m
            if m["kind"]:
                break
        if number_m is not None and number_m["kind"]:
            break
    number = number_m["number"] if number_m else None
    category = regex.sub(r"\s+", "", number_m["category"]) if number_m and number_m["category"] else None
    if number is None:
        meta_number = layout.meta_for("number")
        if meta_number is not None and regex.fullmatch(r"\d{1,12}", meta_number.text):
            number = meta_number.text
            spans.append((meta_number.start, meta_number.end))

    personal = _PERSONAL.search(text, o_start, o_end) is not None
    title_span = None
    if personal or number or session:
        title_span = _quoted_title(text, o_start, o_end)
        if title_span is None:
            unquoted = _UNQUOTED_TO_RECEIPT.search(text, o_start, o_end) or _UNQUOTED.search(text, o_start, o_end)
            if unquoted:
                title_span = unquoted.span()
    title = text[title_span[0]:title_span[1]].replace("\n", "") if title_span else None

    kind = number_m["kind"] if number_m and number_m["kind"] else None
    body = term = sess = None
    if session:
        # 政协枝江市七届四次会议: the body's name may stand a few characters before the term.
        before = text[max(0, session.start() - 8):session.start()]
        lead = next((org for org in ("政协", "人大") if org in before and org not in session["pre"]), "")
        body, implied = _body_name(lead + session["pre"], session["mid"] or "", kind)
        term, sess = parse_int(session["term"]), parse_int(session["session"])
        kind = kind or implied
        spans.append(session.span())
    if kind is None:
        for z in zones:
            stated = _KIND_IN_TITLE.search(text, *z)
            if stated:
                kind = stated[1]
                break
    if kind is None and title:
        ending = _TITLE_ENDING.search(title)
        if ending:
            kind = {"提议": "建议"}.get(ending[0], ending[0])
    if number_m:
        spans.append(number_m.span())
    if title_span:
        spans.append(title_span)
    if not (number or session or title):
        return None
    if kind is None and not number and not session:
        return None
    start = min(s for s, _ in spans)
    end = max(e for _, e in spans)
    if end - start > 600:  # components far apart: point at the most telling one
        start, end = title_span or spans[0]
    known_kind = cast(ReferenceKind | None, kind if kind in KINDS else None)
    return Reference(kind=known_kind, body=body, term=term, session=sess, number=number, category_number=category,
                     title=title, **source_span(doc, start, end))
