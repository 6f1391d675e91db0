"""Numeric indicators: every quantity the letter reports or promises, with value, unit, hedge and meaning.

The steps: the zones to read (the body and any attachments, without the
signature, date, contact block and page chrome); the masks (dates, identifiers,
enumerators, titles, slogans: ``extract.masks``), which no number parser sees; the
quantities (``extract.quantities``); the quantities that are not
indicators (voltage classes, time windows, 一个); and for each indicator its
metric (``indicator_metric``), kind, time anchor and change (``indicator_context``).

>>> from extract.normalize import normalize
>>> from extract.layout import find_layout
>>> doc = normalize("王芳委员：\\n\\n您的提案收悉。截至2023年底，全区已建成充电桩1.2万个。\\n")
>>> [(i.text, i.value, i.unit, i.kind, i.metric) for i in find_indicators(doc, find_layout(doc), "2024-03-01")]
[('1.2万个', 12000.0, '个', 'achieved', '充电桩')]
"""

from __future__ import annotations

import bisect
import functools
from collections.abc import Iterable

import regex

from ..document import Document
from ..layout import Layout
from ..lexicon import load_resource, words
from ..masks import find_masks
from ..models import Change, Indicator, TimeAnchor
from ..quantities import Quantity, counted_noun, find_quantities
from . import indicator_context as ctx
from ._span import source_span
from .indicator_metric import MetricContext, metric_of, right_phrase

_BREAK_MASKS = ("date", "enumerator", "title", "self_count")


@functools.cache
def _skip_line() -> tuple[regex.Pattern[str], frozenset[str]]:
    """The pattern of lines to skip, and the characters such a line can start with (a quick test first)."""
    source = load_resource("indicators")["skip_line"]["pattern"]
    words_ = regex.findall(r"[\p{Han}]", source)
    return regex.compile(source), frozenset(words_) | frozenset("|#>*- \t")


@functools.cache
def _forward_paragraph() -> regex.Pattern[str]:
    return regex.compile(load_resource("indicators")["forward_paragraph"]["pattern"])


@functools.cache
def _forward() -> tuple[regex.Pattern[str], regex.Pattern[str]]:
    data = load_resource("indicators")
    return regex.compile(data["forward_heading"]["pattern"]), regex.compile(data["forward_lead_in"]["pattern"])


_LIST_WORD = regex.compile(r"以下|如下")
_TOP_HEADING = regex.compile(r"^(?:[一二三四五六七八九十]+、|第[一二三四五六七八九十]+部分)")


def _blocked_lines(doc: Document, layout: Layout) -> list[tuple[int, int]]:
    """Spans inside the reading zone that hold no indicators: signature, date, contact, metadata, chrome."""
    out: list[tuple[int, int]] = [(0, layout.body[0])]
    out += [(ln.start, ln.end) for ln in layout.signature]
    if layout.date_line is not None:
        out.append((layout.date_line.start, layout.date_line.end))
    out += [(f.start, f.end) for f in layout.metadata if f.start >= layout.body[0]]
    skip, starts = _skip_line()
    out += [(ln.start, ln.end) for ln in layout.lines
            if ln.start >= layout.body[0] and ln.text[0] in starts and skip.match(ln.text)]
    return out


def _forward_spans(text: str, layout: Layout, body_end: int) -> list[tuple[int, int]]:
    """Sections that look ahead: under a 下一步 heading, or after a 下一步…以下几个方面 lead-in."""
    heading_re, lead_re = _forward()
    spans: list[tuple[int, int]] = []
    lines = [ln for ln in layout.lines if layout.body[0] <= ln.start < body_end]
    for i, line in enumerate(lines):
        if len(line.text) <= 30 and _TOP_HEADING.match(line.text) and heading_re.search(line.text):
            end = next((ln.start for ln in lines[i + 1:] if _TOP_HEADING.match(ln.text)), body_end)
            spans.append((line.end, end))
    paragraph = _forward_paragraph()
    spans += [(ln.start, ln.end) for ln in lines if paragraph.match(ln.text)]  # 下一步，我局将…。同时…。
    for m in _LIST_WORD.finditer(text, layout.body[0], body_end):  # 以下/如下 first: the pattern is costly
        sentence_start = max(text.rfind(c, layout.body[0], m.start()) for c in "。！？\n") + 1
        lead = lead_re.match(text, max(sentence_start, layout.body[0]), body_end)
        if lead and lead.end() > m.start():
            spans.append((lead.end(), body_end))
            break
    return spans


@functools.cache
def _lists() -> dict[str, tuple[str, ...]]:
    return {key: words(name, key) for name, key in (
        ("units", "class_units"), ("units", "time_units"), ("units", "classifiers"),
        ("indicators", "window_before"), ("indicators", "window_after"), ("indicators", "window_after_years"),
        ("indicators", "level_nouns"))}


_HEDGE_AFTER = regex.compile(r"^(?:左右|余|多|(?:以上|以下|以内)(?![\p{Han}]))")
_LEVEL_BRACKET = regex.compile(r"(?:水位|高程线)[（(][^）)]{0,12}$")


def _is_indicator(text: str, q: Quantity) -> bool:
    """Quantities that are not indicators: classes (220千伏), windows (近5年来), levels, 一个, 24小时."""
    lists = _lists()
    if q.unit in lists["class_units"]:
        return False
    if q.numeral in ("一", "壹") and q.approx != "range" and q.unit not in ("倍", "%", "百分点"):
        return False  # 一个重要渠道, 一批: an article, not a count (but 增长一倍)
    before = text[max(0, q.start - 3):q.start]
    after = text[q.end:q.end + 4]
    if q.unit in {u.removeprefix("个") for u in lists["time_units"]}:
        if before.endswith(lists["window_before"]) or after.startswith(lists["window_after"]) or (
                q.unit == "年" and after.startswith(lists["window_after_years"])):
            return False
        if q.unit == "小时" and q.value == 24 and not after.startswith(("内", "以内", "之内")):
            return False  # 24小时服务: round the clock, not a duration
    levels = lists["level_nouns"]
    return not (after.startswith(levels) or _LEVEL_BRACKET.search(text, max(0, q.start - 16), q.start)
                or text[max(0, q.start - 4):q.start].endswith(levels))


_HEAD_MAX = 8  # characters: what a counted thing owns, read whole up to its clause's end (部门的|企业信用信息)
_JOINED = frozenset(("", "和", "、", "及", "与"))
_WINDOW = 16  # characters around a number in which masks that touch it are looked for


def _windows(spans: Iterable[tuple[int, int]], lo: int, hi: int, margin: int) -> list[tuple[int, int]]:
    out: list[tuple[int, int]] = []
    for start, end in sorted(spans):
        s, e = max(lo, start - margin), min(hi, end + margin)
        if out and s <= out[-1][1]:
            out[-1] = (out[-1][0], max(out[-1][1], e))
        else:
            out.append((s, e))
    return out


def _overlaps(spans: list[tuple[int, int]], start: int, end: int) -> bool:
    """Whether ``[start, end)`` overlaps one of the sorted ``spans``."""
    i = bisect.bisect_left(spans, (end, end))
    for j in range(i - 1, max(-1, i - 9), -1):
        if spans[j][1] > start:
            return True
    return False


def _quantities(doc: Document, layout: Layout) -> tuple[list[Quantity], list[tuple[int, int, str]]]:
    """The indicator quantities, and the masks that break a clause (dates, enumerators, titles).

    Numbers are read first; masks are looked for only around them; a number a mask touches is read
    again with the masks in place (第1-3批 → nothing, 5G基站2473个 → 2473个).
    """
    text = doc.text
    start = layout.body[0]
    zone = _blocked_lines(doc, layout)
    candidates = find_quantities(text, start, len(text), zone)
    if not candidates:
        return [], []
    masks = find_masks(text, start, len(text), _windows(((q.start, q.end) for q in candidates),
                                                        start, len(text), _WINDOW))
    claimed = sorted((m.start, m.end) for m in masks)
    clean = [q for q in candidates if not _overlaps(claimed, q.start, q.end)]
    dirty = [(q.start, q.end) for q in candidates if _overlaps(claimed, q.start, q.end)]
    if dirty:
        again = find_quantities(text, start, len(text), zone + claimed, _windows(dirty, start, len(text), 4))
        taken = sorted((q.start, q.end) for q in clean)
        clean += [q for q in again if not _overlaps(taken, q.start, q.end)]
        clean.sort(key=lambda q: q.start)
    found = [q for q in clean if _is_indicator(text, q)]
    breaks = [(m.start, m.end, m.kind) for m in masks if m.kind in _BREAK_MASKS]
    return found, breaks


def _cut(text: str, lo: int, hi: int, breaks: list[tuple[int, int]], left: bool) -> int:
    """Move the clause edge past any date, enumerator or title inside it (``breaks`` sorted)."""
    i = bisect.bisect_left(breaks, (lo, lo))
    edge = lo if left else hi
    for s, e in breaks[i:]:
        if s >= hi:
            break
        if left and e <= hi:
            edge = max(edge, e)
        elif not left:
            return min(edge, s)
    return edge


def _last_date(dates: list[tuple[int, int]], lo: int, edge: int) -> tuple[int, int] | None:
    """The date mask that set a clause's left edge, if one did."""
    for s, e in reversed(dates):
        if lo <= s and e == edge:
            return s, e
        if e < edge:
            break
    return None


def _in(spans: list[tuple[int, int]], pos: int) -> bool:
    return any(s <= pos < e for s, e in spans)


def find_indicators(doc: Document, layout: Layout, letter_date: str | None) -> list[Indicator]:
    """Every quantity the letter reports or promises, in text order (see the module docstring)."""
    text = doc.text
    quantities, marks = _quantities(doc, layout)
    if not quantities:
        return []
    breaks = sorted((s, e) for s, e, _ in marks)
    dates = sorted((s, e) for s, e, kind in marks if kind == "date")
    body_end = len(text)
    forward = _forward_spans(text, layout, body_end)
    bounds = ctx.Bounds.of(text, layout.body[0], body_end)
    letter_year = int(letter_date[:4]) if letter_date else None
    classifiers = set(_lists()["classifiers"])
    out: list[Indicator] = []
    metrics: list[str | None] = []
    heads: list[str | None] = []
    prev_clause = -1
    prev_end = layout.body[0]
    prev_sentence = sentence = (-1, -1)
    cues: tuple[tuple[int, str], ...] = ()
    anchors: list[ctx.Anchor] = []
    for i, q in enumerate(quantities):
        s_start, s_end = bounds.sentence(q.start, q.end, layout.body[0], body_end)
        c_start, c_end = bounds.clause(q.start, q.end, layout.body[0], body_end)
        clause_left = max(c_start, prev_end if prev_end <= q.start else c_start)
        left_edge = _cut(text, clause_left, q.start, breaks, True)
        before_date = None
        date = _last_date(dates, clause_left, left_edge)
        if date is not None:  # 入驻率由2022年的76.5%: the phrase stands before the date
            before_date = text[_cut(text, clause_left, date[0], breaks, True):date[0]]
        next_start = quantities[i + 1].start if i + 1 < len(quantities) else c_end
        right_edge = _cut(text, q.end, min(c_end, next_start), breaks, False)
        right = _HEDGE_AFTER.sub("", text[q.end:right_edge].lstrip())
        follow = None
        j = i
        while j + 1 < len(quantities) and text[quantities[j].end:quantities[j + 1].start] in _JOINED:
            j += 1  # 40%、30%、20%、10%的比例: the list's last number is followed by what they all measure
        if j > i:
            nxt = quantities[j]
            follow = text[nxt.end:min(nxt.end + 30, c_end)]
        metric, weak = metric_of(MetricContext(
            left=text[left_edge:q.start], right=right, classifier=q.unit in classifiers, follow=follow,
            left_before_date=before_date))
        if q.unit is None and q.scale > 1:
            metric = counted_noun(text, q.end) or metric  # 约120万|农村人口
        same_sentence = (s_start, s_end) == prev_sentence and metrics and metrics[-1]
        if (metric is None or weak) and same_sentence:
            # 较2022年底增加130万千瓦, 已完成整治61处: the thing named before; in a later clause, what the
            # thing before it owns (23个部门的|企业信用信息，共计1.6亿条)
            metric = heads[-1] if heads[-1] and c_start > prev_clause else metrics[-1]
        head = None
        if metric and "的" in right and right.startswith(metric + "的"):
            rest = right[len(metric) + 1:].rstrip("，,；;。：: ")
            head = (rest if 1 < len(rest) <= _HEAD_MAX and regex.fullmatch(r"\p{Han}+", rest)
                    else right_phrase(rest)) or None
        if (s_start, s_end) != sentence:
            sentence = (s_start, s_end)
            cues = tuple(ctx.sentence_cues(text, s_start, s_end, letter_year))
            anchors = ctx.sentence_anchors(text, s_start, s_end, letter_date)
        anchor = next((a for a in reversed(anchors) if a.end <= q.start), None)
        kind = ctx.kind_of(ctx.KindContext(
            before=text[s_start:q.start], after=text[q.end:s_end], clause_before=text[c_start:q.start],
            letter_year=letter_year, in_forward_section=_in(forward, q.start), offset=s_start, cues=cues), anchor)
        change = ctx.change_of(text[max(c_start, q.start - 24):q.start])
        out.append(Indicator(
            text=q.text, value=q.value, unit=q.unit, per=q.per, approx=q.approx, low=q.low, high=q.high,
            metric=metric, kind=kind,  # type: ignore[arg-type]
            as_of=TimeAnchor(text=anchor.text, value=anchor.value, **source_span(doc, anchor.start, anchor.end))
            if anchor else None,
            change=Change(direction=change[0], is_change=change[1], basis=change[2])  # type: ignore[arg-type]
            if change else None,
            **source_span(doc, q.start, q.end)))
        metrics.append(metric)
        heads.append(head)
        prev_end, prev_sentence, prev_clause = q.end, (s_start, s_end), c_start
    return out
