"""Masks: spans that no number parser may read.

Dates and times (2023年, 一季度末, 5月5日, 8时40分), identifiers (document and
proposal numbers, phone numbers, postcodes, house and room numbers, 5G, “3+5+X”),
enumerators and ordinals (一是, （一）, 第一, 首个), titles and short quoted labels
(《…》, “十四五”), slogans (一网通办, 两区三中心) and counts of the letter's own parts
(三点建议, 三方面问题). The rules are data: ``resources/masks.yaml``.

Most rules start at a number (2023年, 1101室, 5G, 一是); they are joined into one
pattern that is tried once at each number. The others (titles, quotes, labelled
contact lines, 第…, 首…) are patterns of their own.

>>> [(m.kind, m.text) for m in find_masks("一是截至2023年一季度末累计开通5G室外基站2473个")]
[('enumerator', '一是'), ('date', '2023年'), ('date', '一季度末'), ('identifier', '5G')]
"""

from __future__ import annotations

import bisect
import functools
import re
from collections.abc import Sequence
from dataclasses import dataclass

import regex

from .lexicon import load_resource, words
from .numbers import CN_TEXT
from .quantities import unit_alternation

_CONTEXT_WINDOW = 40
_BEFORE_WINDOW = 8
_HAN = "\u4e00-\u9fff"
_NUMBER = rf"\d+|[{CN_TEXT}]+"
_JOIN = "\n\x00\n"  # between windows: no pattern reaches across it


@dataclass(frozen=True, slots=True)
class Mask:
    """A claimed span of the text (half-open) and what claimed it."""

    start: int
    end: int
    kind: str
    text: str


@dataclass(frozen=True, slots=True)
class MaskRule:
    """One rule of masks.yaml. ``whole_text`` rules (titles, quotes, labelled lines) are read over the
    whole text, the others only in the windows around numbers."""

    name: str
    kind: str
    pattern: regex.Pattern[str]
    context: regex.Pattern[str] | None = None
    before: regex.Pattern[str] | None = None
    whole_text: bool = False


def fill(source: str) -> str:
    """A masks.yaml pattern with ``{cn}``, ``{han}`` and ``{units}`` filled in."""
    return (source.replace("{cn}", CN_TEXT).replace("{han}", _HAN)
            .replace("{units}", unit_alternation("units")[3:-1]))


def _optional(spec: dict[str, str], key: str) -> regex.Pattern[str] | None:
    return regex.compile(fill(spec[key])) if spec.get(key) else None


@functools.cache
def after_number_rules() -> tuple[MaskRule, ...]:
    """The rules that start at a number, each compiled on its own (for their examples)."""
    out = []
    for name, spec in load_resource("masks")["after_number"].items():
        number = fill(spec.get("number", _NUMBER))
        pattern = regex.compile(rf"(?<![\d.])(?:{number})(?:{fill(spec['ending'])})", regex.M)
        out.append(MaskRule(name, spec["kind"], pattern, _optional(spec, "context"), _optional(spec, "before")))
    return tuple(out)


@functools.cache
def _after_number() -> re.Pattern[str]:
    """All after-number rules as one pattern, tried once at each number (group ``r<i>`` names the rule)."""
    parts = []
    for i, (name, spec) in enumerate(load_resource("masks")["after_number"].items()):
        parts.append(f"(?P<r{i}>(?:{fill(spec.get('number', _NUMBER))})(?:{fill(spec['ending'])}))")
        del name
    return re.compile(rf"(?=[\d{CN_TEXT}几双])(?<![\d.])(?:{'|'.join(parts)})", re.M)


@functools.cache
def rules() -> tuple[MaskRule, ...]:
    """The rules of their own (``patterns`` and the slogan list), compiled once, in file order."""
    out = []
    for name, spec in load_resource("masks")["patterns"].items():
        out.append(MaskRule(name, spec["kind"], regex.compile(fill(spec["pattern"]), regex.M),
                            _optional(spec, "context"), None, bool(spec.get("whole_text"))))
    slogans = "|".join(regex.escape(w) for w in words("masks", "slogans"))
    out.append(MaskRule("slogans", "slogan", regex.compile(slogans)))
    return tuple(out)


def _accepted(rule: MaskRule, text: str, start: int) -> bool:
    """The rule's conditions on the text before a match."""
    if rule.before is not None and not rule.before.search(text[max(0, start - _BEFORE_WINDOW):start]):
        return False
    if rule.context is not None:
        line_start = text.rfind("\n", 0, start) + 1
        if not rule.context.search(text, max(line_start, start - _CONTEXT_WINDOW), start):
            return False
    return True


def find_masks(text: str, start: int = 0, end: int | None = None,
               windows: Sequence[tuple[int, int]] | None = None) -> list[Mask]:
    """Every claimed span in ``text[start:end]``, sorted by start (spans may overlap).

    With ``windows`` (sorted, disjoint spans around the numbers that matter), the rules that need no
    wide context read only those windows, joined: the cost follows the numbers, not the letter.
    """
    end = len(text) if end is None else end
    spans = [(max(s, start), min(e, end)) for s, e in (windows if windows is not None else [(start, end)])]
    spans = [(s, e) for s, e in spans if e > s]
    joined = _JOIN.join(text[s:e] for s, e in spans)
    bases: list[int] = []  # joined offset of each window
    pos = 0
    for s, e in spans:
        bases.append(pos)
        pos += e - s + len(_JOIN)

    def to_text(s: int, e: int) -> tuple[int, int]:
        k = bisect.bisect_right(bases, s) - 1
        lo, hi = spans[k]
        return lo + s - bases[k], min(hi, lo + e - bases[k])

    found: list[Mask] = []
    numbered = after_number_rules()
    for m in _after_number().finditer(joined):
        first = int(m.lastgroup[1:])  # type: ignore[index]
        s, e = to_text(m.start(), m.end())
        if _accepted(numbered[first], text, s):
            found.append(Mask(s, e, numbered[first].kind, text[s:e]))
            continue
        for rule in numbered[first + 1:]:  # the first rule's condition failed: a later rule may still hold
            again = rule.pattern.match(joined, m.start())
            if again:
                s, e = to_text(again.start(), again.end())
                if _accepted(rule, text, s):
                    found.append(Mask(s, e, rule.kind, text[s:e]))
                    break
    for rule in rules():
        if rule.whole_text:
            hits = [(m.start(), m.end()) for m in rule.pattern.finditer(text, start, end)]
        else:
            hits = [to_text(m.start(), m.end()) for m in rule.pattern.finditer(joined)]
        found += [Mask(s, e, rule.kind, text[s:e]) for s, e in hits if e > s and _accepted(rule, text, s)]
    return sorted(found, key=lambda k: (k.start, -k.end))
