"""The contact block: 联系人, phone (with extension), address, postcode, wherever it stands."""

from __future__ import annotations

import regex

from ..document import Document
from ..layout import Layout, agency_end
from ..models import Contact
from ._span import source_span

PERSON = regex.compile(
    r"(?:联\s*系\s*人|经\s*办\s*人)(?:\s*及\s*(?:联系)?\s*(?:电话|方式))?\s*[:：]\s*(?P<person>[\p{Han}·]{2,4}?)"
    r"(?=\s|[；;，,。（(）)、]|电话|手机|联系|$)"
)
PHONE_LABEL = regex.compile(
    r"(?:联系电话|联系方式|电话号码|办公电话|咨询电话|联系单位及电话|联系人及电话|电\s*话|手机)\s*[:：]"
)
PHONE = regex.compile(
    r"(?<!\d)(?:[（(]?0\d{2,3}[)）]?\s*[-—－–]?\s*)?\d{7,8}(?:\s*(?:[-—－–]|转)\s*\d{1,5})?(?!\d)"
    r"|(?<!\d)1[3-9]\d{9}(?!\d)"
)
POSTCODE = regex.compile(r"(?:邮政编码|邮\s*编)\s*[:：]\s*(?P<postcode>\d{6})(?!\d)")
ADDRESS = regex.compile(
    r"(?:联系地址|通讯地址|通信地址|地\s*址)\s*[:：]\s*(?P<address>[^\n；;]+?)(?=\s*(?:邮政编码|邮\s*编|联系|电话|[；;]|$))",
    regex.M,
)


_PHONE_WINDOW = 40  # characters after a label in which its number must stand


def _window_end(text: str, start: int) -> int:
    """End of the line that starts at ``start``, but no further than the phone window."""
    line_end = text.find("\n", start, start + _PHONE_WINDOW)
    return line_end if line_end >= 0 else min(len(text), start + _PHONE_WINDOW)


_TOKEN = regex.compile(r"[^\s，,、；;：:（）()]+")


def _name_before_phone(text: str, start: int, phone_start: int) -> tuple[int, int] | None:
    """A person's name standing right before the phone in a 联系方式 value, after the unit if any."""
    tokens = list(_TOKEN.finditer(text, start, phone_start))
    if not tokens:
        return None
    last = tokens[-1]
    if regex.fullmatch(r"\p{Han}{2,4}", last[0]) and not agency_end().search(last[0]):
        return last.span()
    return None


def find_contact(doc: Document, layout: Layout) -> Contact | None:
    """Labelled contact details after the body starts (or anywhere when the letter has no body mark)."""
    text = doc.text
    start = layout.body[0]
    spans: list[tuple[int, int]] = []
    person = phone = address = postcode = None
    m = PERSON.search(text, start)
    if m:
        person = m["person"]
        spans.append(m.span("person"))
    for label in PHONE_LABEL.finditer(text, start):
        p = PHONE.search(text, label.end(), _window_end(text, label.end()))
        if p:
            phone = p[0]
            spans.append(p.span())
            if person is None:  # 联系方式：数据资源处 张毅 025-83298156
                named = _name_before_phone(text, label.end(), p.start())
                if named is not None:
                    person = text[named[0]:named[1]]
                    spans.append(named)
            break
    if phone is None and m:
        p = PHONE.search(text, m.end(), _window_end(text, m.end()))
        if p:
            phone = p[0]
            spans.append(p.span())
    a = ADDRESS.search(text, start)
    if a:
        address = a["address"].strip()
        spans.append(a.span("address"))
    c = POSTCODE.search(text, start)
    if c:
        postcode = c["postcode"]
        spans.append(c.span("postcode"))
    if not spans:
        return None
    return Contact(person=person, phone=phone, address=address, postcode=postcode,
                   **source_span(doc, min(s for s, _ in spans), max(e for _, e in spans)))
