"""Addressees from the salutation line: 马凌、宋聚宗委员： / 尊敬的李磊代表： / 市政协联络委员会："""

from __future__ import annotations

import functools

import regex

from ..document import Document
from ..layout import Layout
from ..lexicon import alternation
from ..models import Addressee
from ._span import source_span

_SEPARATOR = regex.compile(r"[、，,；;\s]+")


@functools.cache
def _role_end() -> regex.Pattern[str]:
    roles = alternation("agencies", "person_roles")
    return regex.compile(rf"(?:等(?:\d+|[一二三四五六七八九十]+)?[名位]?)?(?P<role>{roles})$")


def parse_addressees(text: str) -> list[tuple[int, int, str, str | None]]:
    """(start, end, name, role) for each name in a salutation's name part.

    >>> [a[2:] for a in parse_addressees("张春玉等代表")]
    [('张春玉', '代表')]
    """
    out: list[tuple[int, int, str, str | None]] = []
    lead = regex.match(r"^(?:尊敬的\s*|致\s+)", text)
    pos = lead.end() if lead else 0
    body = text[pos:].removesuffix("等")  # 王一委员等
    items = [(m.start(), m.end()) for m in regex.finditer(r"[^、，,；;\s]+", body)]
    role_re = _role_end()
    last_role = None
    for s, e in reversed(items):
        s, e = s + pos, e + pos
        item = text[s:e]
        m = role_re.search(item)
        role = last_role
        if m and m.start() > 0:
            role = m["role"]
            e = s + m.start()
            item = text[s:e]
        if "等" in item and item.endswith("等"):
            item, e = item[:-1], e - 1
        if item:
            out.append((s, e, item, role))
            last_role = role
    return list(reversed(out))


def find_addressees(doc: Document, layout: Layout) -> list[Addressee]:
    """Every name of the salutation; a person when a role follows, else an organisation."""
    if layout.salutation_names is None:
        return []
    base, end = layout.salutation_names
    found = []
    for s, e, name, role in parse_addressees(doc.text[base:end]):
        found.append(Addressee(name=name, role=role, kind="person" if role else "organization",
                               **source_span(doc, base + s, base + e)))
    return found
