"""Masks: spans that no number parser may read.

Dates and times (2023年, 一季度末, 5月5日, 8时40分), identifiers (document and
proposal numbers, phone numbers, postcodes, house and room numbers, 5G, “3+5+X”),
enumerators and ordinals (一是, （一）, 第一, 首个), titles and short quoted labels
(《…》, “十四五”), slogans (一网通办, 两区三中心) and counts of the letter's own parts
(三点建议, 三方面问题). The patterns are data: ``resources/masks.yaml``.

>>> [(m.kind, m.text) for m in find_masks("一是截至2023年一季度末累计开通5G室外基站2473个")]
[('enumerator', '一是'), ('date', '2023年'), ('date', '一季度末'), ('identifier', '5G')]
"""

from __future__ import annotations

import bisect
import functools
from collections.abc import Sequence
from dataclasses import dataclass

import regex

from .lexicon import load_resource, words
from .numbers import CN_TEXT
from .quantities import unit_alternation

_CONTEXT_WINDOW = 40


@dataclass(frozen=True, slots=True)
class Mask:
    """A claimed span of the text (half-open) and what claimed it."""

    start: int
    end: int
    kind: str
    text: str


@dataclass(frozen=True, slots=True)
class MaskRule:
    """One pattern of masks.yaml: ``whole_text`` rules (titles, quotes, labelled contact lines) are read
    over the whole text, the others only in the windows around numbers."""

    name: str
    kind: str
    pattern: regex.Pattern[str]
    context: regex.Pattern[str] | None
    whole_text: bool = False


def compile_pattern(source: str) -> regex.Pattern[str]:
    """Compile a masks.yaml pattern, filling in ``{cn}`` and ``{units}``."""
    return regex.compile(source.replace("{cn}", CN_TEXT).replace("{units}", unit_alternation("units")[3:-1]),
                         regex.M)


@functools.cache
def rules() -> tuple[MaskRule, ...]:
    """The mask patterns of ``resources/masks.yaml``, compiled once, in file order."""
    out = []
    for name, spec in load_resource("masks")["patterns"].items():
        context = regex.compile(spec["context"]) if spec.get("context") else None
        out.append(MaskRule(name, spec["kind"], compile_pattern(spec["pattern"]), context,
                            bool(spec.get("whole_text"))))
    slogans = "|".join(regex.escape(w) for w in words("masks", "slogans"))
    out.append(MaskRule("slogans", "slogan", regex.compile(slogans), None))
    return tuple(out)


_JOIN = "\n\x00\n"  # between windows: no pattern reaches across it


def find_masks(text: str, start: int = 0, end: int | None = None,
               windows: Sequence[tuple[int, int]] | None = None) -> list[Mask]:
    """Every claimed span in ``text[start:end]``, sorted by start (spans may overlap).

    With ``windows`` (sorted, disjoint spans around the numbers that matter), the patterns that
    need no wide context read only those windows, joined: the cost follows the numbers, not the letter.
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
    found: list[Mask] = []
    for rule in rules():
        if rule.whole_text or windows is None:
            hits = [(m.start(), m.end()) for m in rule.pattern.finditer(text, start, end)]
        else:
            hits = []
            for m in rule.pattern.finditer(joined):
                k = bisect.bisect_right(bases, m.start()) - 1
                lo, hi = spans[k]
                hits.append((lo + m.start() - bases[k], min(hi, lo + m.end() - bases[k])))
        for s, e in hits:
            if e <= s:
                continue
            if rule.context is not None:
                line_start = text.rfind("\n", 0, s) + 1
                if not rule.context.search(text, max(line_start, s - _CONTEXT_WINDOW), s):
                    continue
            found.append(Mask(s, e, rule.kind, text[s:e]))
    return sorted(found, key=lambda k: (k.start, -k.end))
