"""Quantities in running text: a number with its hedge, multiplier and unit.

``find_quantities`` reads 2473个, 40余家, 1700多万吨, 约35亿立方米, 不超过50万元 (以下,
never 超过), 480-560米 and 两三个 (ranges), 百分之三十五 and 2成 (%), 三分之一, 150元/千瓦时
(a rate: per 千瓦时), 456、124、1755万千瓦 (a list sharing its unit). It reads what it is
given: the caller masks dates, identifiers and enumerators first (``extract.masks``).

One regex finds number + unit; ranges, fractions, 成, hedges, rates and lists are read
around each match in Python, so the scan stays a single pass.

>>> [(q.text, q.value, q.unit, q.approx) for q in find_quantities("新增装机456、124、1755万千瓦")]
[('456', 4560000.0, '千瓦', None), ('124', 1240000.0, '千瓦', None), ('1755万千瓦', 17550000.0, '千瓦', None)]
>>> [(q.value, q.unit, q.approx) for q in find_quantities("不超过50万元")]
[(500000.0, '元', '以下')]
"""

from __future__ import annotations

import functools
import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, replace

import regex

from .lexicon import load_resource, words
from .numbers import CN_TEXT, Numeral, read_numeral

_SEPARATORS = r"-|—|–|－|~|～|〜|至|到"
_SEPARATOR_CHARS = frozenset("-—–－~～〜至到")
_LIST_JOINERS = r"、|和|及|与"
_JOINER_CHARS = frozenset("、和及与")
#: Stands in for masked characters: no pattern reads it as a digit, unit or hedge.
MASK_CHAR = "\u25a1"
_MASK_OUT = regex.compile(r"[^\n]")
_BARE_PLACES = frozenset("百千万亿佰仟萬億")
_ROUGHLY = frozenset(("近", "约", "超", "逾"))
_FORMAL = frozenset("壹贰叁肆伍陆柒捌玖拾佰仟貳參陸")  # 大写 numerals, also letters of words (队伍, 陆续)


@dataclass(frozen=True, slots=True)
class Quantity:
    """A number with its unit found in text: span, value fully expanded, hedge, range bounds.

    ``scale`` is the multiplier written (万 → 10000); ``numeral`` the number as written.
    """

    start: int
    end: int
    text: str
    value: float
    unit: str | None
    per: str | None = None
    approx: str | None = None
    low: float | None = None
    high: float | None = None
    numeral: str = ""
    scale: float = 1.0


@dataclass(frozen=True, slots=True)
class _Units:
    canonical: dict[str, str]
    guards: dict[str, tuple[str, ...]]
    after_chinese: frozenset[str]
    prefixed: tuple[str, ...]  # units that begin with a multiplier character: 千瓦, 百分点
    multipliers: dict[str, float]


@functools.cache
def _units() -> _Units:
    data = load_resource("units")
    units = words("units", "units")
    multipliers: dict[str, float] = {}
    for mult in words("units", "multipliers"):
        value = 1.0
        for ch in mult:
            value *= {"十": 10, "百": 100, "千": 1000, "万": 1e4, "亿": 1e8}[ch]
        multipliers[mult] = value
    return _Units(
        canonical=dict(data.get("canonical", {})),
        guards={k: tuple(v) for k, v in data.get("guards", {}).items()},
        after_chinese=frozenset(words("units", "after_chinese")),
        prefixed=tuple(u for u in units if u[0] in "十百千万亿"),
        multipliers=multipliers,
    )


def _alt(items: Iterable[str]) -> str:
    return "(?:" + "|".join(regex.escape(w) for w in items) + ")"


@functools.cache
def unit_alternation(key: str = "units") -> str:
    """A regex alternation of a unit list of units.yaml, longest first (guards are checked apart)."""
    return _alt(words("units", key))


@functools.cache
def numeral_token() -> str:
    """A regex for a numeral in running text: 2,473 | 1.2 | 3万4千 | 一千零五十 | 几十 | 上百."""
    mixed = r"\d+[万亿](?:\d+[千百十])+\d*"
    arabic = r"(?:\d{1,3}(?:,\d{3})+|\d+)(?:\.\d+)?(?!\d)"
    chinese = rf"(?<![{CN_TEXT}])(?:(?:几|数|上)(?=[十百千万]))?[{CN_TEXT}]+(?:点[零〇一二三四五六七八九]+)?"
    return rf"(?:(?<![\d.]){mixed}|(?<![\d.]){arabic}|{chinese})"


@functools.cache
def _multiplier() -> str:
    u = _units()
    block = "(?!" + "|".join(regex.escape(p) for p in u.prefixed) + ")" if u.prefixed else ""
    return f"(?:{block}{_alt(u.multipliers)})"


@functools.cache
def _single() -> re.Pattern[str]:
    """Number, in-number hedge, multiplier, unit, rate. The standard ``re`` engine with a leading
    look-ahead scans a letter about twice as fast as ``regex`` here; the pattern needs nothing more."""
    unit, mult = unit_alternation(), _multiplier()
    return re.compile(
        rf"(?=[\d{CN_TEXT}几数上])(?P<num>{numeral_token()})(?P<hin>余|多|几)?(?P<mult>{mult})?(?P<hin2>余|多)?"
        rf"(?:个(?P<mid>多|余|半)(?P<unit2>月|小时|工作日|百分点)|(?P<unit>{unit})|(?P<bare>(?<=[万亿余多])))"
        rf"(?:/\s*(?P<per>{mult}?{unit}))?")


@functools.cache
def _range_before() -> regex.Pattern[str]:
    unit, mult = unit_alternation(), _multiplier()
    return regex.compile(rf"(?P<lo>{numeral_token()})(?P<hin>余|多)?(?P<mult>{mult})?(?P<unit>{unit})?"
                         rf"\s*(?:{_SEPARATORS})\s*$")


@functools.cache
def _list_before() -> regex.Pattern[str]:
    return regex.compile(rf"(?P<num>{numeral_token()})(?P<hin>余|多)?\s*(?:{_LIST_JOINERS})\s*$")


@functools.cache
def per_phrase() -> regex.Pattern[str]:
    """每 with the unit of a rate's denominator: 每万人, 每平方公里, 每千瓦时."""
    return regex.compile(rf"每\s*(?P<per>{_alt(_units().multipliers)}?{unit_alternation()})")


@functools.cache
def _per_before() -> regex.Pattern[str]:
    return regex.compile(per_phrase().pattern + r"\s*$")


@functools.cache
def _hedges() -> tuple[regex.Pattern[str], regex.Pattern[str], dict[str, str], frozenset[str], tuple[str, ...]]:
    data = load_resource("hedges")
    canon: dict[str, str] = {}
    for side in ("before", "after"):
        for form, written in data[side].items():
            for w in written:
                canon[f"{side}:{w}"] = form
    def by_len(side: str) -> list[str]:
        return sorted({k.split(":", 1)[1] for k in canon if k.startswith(side)}, key=lambda w: (-len(w), w))

    time_units = frozenset(_canonical(u) for u in words("units", "time_units"))
    verb_first = _alt(load_resource("hedges").get("before_verb", []))
    before = rf"(?:{_alt(by_len('before'))}|(?P<verb_first>{verb_first})[\u4e00-\u9fff]{{1,2}})\s*$"
    return (regex.compile(before), regex.compile(rf"\s*{_alt(by_len('after'))}"),
            canon, time_units, words("hedges", "recent_after"))


@functools.cache
def _numeral() -> regex.Pattern[str]:
    return regex.compile(numeral_token())


@functools.cache
def _numeral_only() -> regex.Pattern[str]:
    return regex.compile(rf"{numeral_token()}$")


@functools.cache
def _word_ends() -> dict[str, str]:
    return {k: "".join(v) for k, v in load_resource("hedges").get("word_ends", {}).items()}


def _canonical(unit: str) -> str:
    return _units().canonical.get(unit, unit)


def _hedge(text: str, start: int, end: int, unit: str | None) -> str | None:
    """The hedge written around ``text[start:end]``: 约, 近, 不超过 (以下) before; 左右, 以上, 以内 after."""
    before, after, canon, time_units, recent = _hedges()
    m = before.search(text, max(0, start - 5), start)
    if m and len(m[0].strip()) == 1 and m.start() and text[m.start() - 1] in _word_ends().get(m[0].strip(), ""):
        m = None  # 签约217对, 附近3个村: the character ends a word
    if m:
        form = canon[f"before:{m['verb_first'] or m[0].strip()}"]
        if not (form == "近" and unit in time_units and text.startswith(recent, end)):  # 近5年来
            return form
    m = after.match(text, end)
    return canon[f"after:{m[0].strip()}"] if m else None


def _guarded(text: str, unit: str, end: int) -> bool:
    """The unit is the start of a word: 3条件, 5年级, 2人民币."""
    if unit.isascii() and unit.isalpha():
        return end < len(text) and text[end].isascii() and text[end].isalpha()
    return text.startswith(_units().guards.get(unit, ()), end)


def _read(text: str, m: re.Match[str], original: str) -> Quantity | None:
    """The quantity of one match of the main pattern in (masked) ``text``, or ``None`` when it is none."""
    u = _units()
    if m["bare"] is not None:
        return _bare(text, m, original)
    unit_group = "unit" if m["unit"] else "unit2"
    num, written_unit = m["num"], m[unit_group]
    if written_unit == "年" and len(num) == 4 and num[:2] in ("19", "20"):
        return None  # 2023年 is a year, whatever the masks say
    if _guarded(text, written_unit, m.end(unit_group)):
        return None
    chinese = not any(c.isdigit() for c in num)
    if len(num) == 1 and num in _FORMAL and m.start() and "\u4e00" <= text[m.start() - 1] <= "\u9fff":
        return None  # 队伍人数, 大陆人: a formal numeral alone inside a word is a letter of the word
    if chinese and num[-1] in "千百" and not m["mult"] and num[-1] + written_unit in u.prefixed:
        num, written_unit = num[:-1], num[-1] + written_unit  # 三千米 is 3 千米
    if chinese and written_unit not in u.after_chinese and not m["mid"]:
        return None
    numeral = read_numeral(num)
    if numeral is None:
        return None
    hedge_in = m["hin"] or m["hin2"] or m["mid"]
    if hedge_in == "半":  # 1个半小时
        numeral, hedge_in = Numeral(numeral.value + 0.5), None
    if num in _BARE_PLACES and not hedge_in and _hedge(text, m.start(), m.start(), None) not in _ROUGHLY:
        return None  # 亿元楼宇, 万元工业增加值: a unit of account, not an amount (but 近百家, 百余个)
    unit = _canonical(written_unit)
    scale = u.multipliers.get(m["mult"] or "", 1.0)
    low = None if numeral.low is None else numeral.low * scale
    high = None if numeral.high is None else numeral.high * scale
    approx = numeral.approx or ({"余": "余", "多": "多", "几": "多"}.get(hedge_in or ""))
    if approx != "range":
        approx = _hedge(text, m.start(), m.end(), unit) or approx
    per = m["per"]
    if per is None and "每" in text[max(0, m.start() - 12):m.start()]:
        p = _per_before().search(text, max(0, m.start() - 12), m.start())
        per = p["per"] if p else None
    return Quantity(m.start(), m.end(), original[m.start():m.end()], numeral.value * scale, unit, per, approx,
                    low, high, num, scale)


def _bare(text: str, m: re.Match[str], original: str) -> Quantity | None:
    """120万农村人口, 用户超过9000万: a multiplier without a unit counts people or users named right after
    or right before it (the unit stays ``None``); elsewhere it is no quantity."""
    if not m["mult"] or not any(c.isdigit() for c in m["num"]):
        return None
    counted, owners = _counted()
    if not (counted.match(text, m.end()) or owners.search(text, max(0, m.start() - 12), m.start())):
        return None
    numeral = read_numeral(m["num"])
    if numeral is None or numeral.approx == "range":
        return None
    scale = _units().multipliers[m["mult"]]
    hedge_in = m["hin"] or m["hin2"]
    approx = _hedge(text, m.start(), m.end(), None) or {"余": "余", "多": "多"}.get(hedge_in or "")
    return Quantity(m.start(), m.end(), original[m.start():m.end()], numeral.value * scale, None,
                    approx=approx, numeral=m["num"], scale=scale)


@functools.cache
def _counted() -> tuple[regex.Pattern[str], regex.Pattern[str]]:
    """Nouns of people counted by a bare multiplier: after it (120万|农村人口), or before it with a
    predicate and hedge between (实名注册用户|超过|9000万)."""
    data = load_resource("units")
    nouns = _alt(words("units", "bare_counted"))
    after = regex.compile(rf"\p{{Han}}{{0,4}}?{nouns}")
    before = regex.compile(rf"{nouns}(?:数|总数|数量|规模)?(?:{_alt(data['bare_predicates'])})*$")
    return after, before


def counted_noun(text: str, end: int) -> str | None:
    """The noun of people a bare multiplier counts, right after it (120万|农村人口 → 农村人口).

    >>> counted_noun("120万农村人口就业", 4)
    '农村人口'
    """
    m = _counted()[0].match(text, end)
    return m[0] if m else None


def _as_range(text: str, q: Quantity, original: str) -> Quantity:
    """3至5个, 480-560米, 3万至5万元: the number before the separator is the low end."""
    if text[max(0, q.start - 2):q.start].strip()[-1:] not in _SEPARATOR_CHARS:
        return q
    m = _range_before().search(text, max(0, q.start - 24), q.start)
    if not m:
        return q
    lo = read_numeral(m["lo"])
    if lo is None or lo.approx == "range" or (m["unit"] and _canonical(m["unit"]) != q.unit):
        return q
    scale = _units().multipliers.get(m["mult"] or "", q.scale)
    low = lo.value * scale
    if low > q.value:
        return q
    return Quantity(m.start(), q.end, original[m.start():q.end], low, q.unit, q.per, "range", low, q.value,
                    q.numeral, q.scale)


def _siblings(text: str, q: Quantity, lo: int) -> list[Quantity]:
    """456、124、1755万千瓦: the bare numbers before a quantity share its multiplier and unit."""
    out: list[Quantity] = []
    pos = q.start
    while pos > lo:
        if text[max(lo, pos - 2):pos].strip()[-1:] not in _JOINER_CHARS:
            break
        m = _list_before().search(text, max(lo, pos - 24), pos)
        if not m:
            break
        numeral = read_numeral(m["num"])
        if numeral is None or numeral.approx == "range":
            break
        hedge = m["hin"]
        approx = {"余": "余", "多": "多"}.get(hedge or "") or (q.approx if q.approx != "range" else None)
        end = m.end("num") + len(hedge or "")
        out.append(Quantity(m.start(), end, text[m.start():end], numeral.value * q.scale, q.unit, q.per, approx,
                            numeral=m["num"], scale=q.scale))
        pos = m.start()
    return out[::-1]


def _fractions(text: str, start: int, end: int) -> list[Quantity]:
    """百分之三十五 (35 %), 千分之五 (‰), 三分之一 (0.333…)."""
    out: list[Quantity] = []
    numeral = _numeral()
    i = text.find("分之", start, end)
    while i >= 0:
        head = _numeral_only().search(text, max(start, i - 8), i)
        den_text = head[0] if head else ""
        tail = numeral.match(text, i + 2, end)
        if den_text and tail:
            num = read_numeral(tail[0])
            den = read_numeral(den_text)
            s = head.start() if head else i
            if num is not None and den is not None and den.value:
                unit = {"百": "%", "千": "‰"}.get(den_text)
                value = num.value if unit else num.value / den.value
                out.append(Quantity(s, tail.end(), text[s:tail.end()], value, unit, numeral=text[s:tail.end()],
                                    approx=_hedge(text, s, tail.end(), unit)))
        i = text.find("分之", i + 2, end)
    return out


def _cheng(text: str, start: int, end: int) -> list[Quantity]:
    """2成, 七成以上: tenths, as %."""
    out: list[Quantity] = []
    i = text.find("成", start + 1, end)
    while i >= 0:
        digit = text[i - 1]
        before = text[i - 2] if i >= 2 else ""
        after = text[i + 1] if i + 1 < len(text) else ""
        numeral_before = bool(before) and (before.isdigit() or before in CN_TEXT or before == ".")
        if (digit in "一二两三四五六七八九" or digit.isdigit()) and not numeral_before \
                and not (after and after in _units().guards.get("成", ())):
            value = read_numeral(digit)
            if value is not None:
                half = text.startswith("半", i + 1)  # 两成半 = 25%
                end_ = i + 2 if half else i + 1
                tenths = value.value * 10 + (5 if half else 0)
                q = Quantity(i - 1, end_, text[i - 1:end_], tenths, "%", numeral=digit)
                out.append(replace(q, approx=_hedge(text, q.start, q.end, "%")))
        i = text.find("成", i + 1, end)
    return out


def _masked(text: str, blocked: Iterable[tuple[int, int]]) -> str:
    spans = sorted(blocked)
    if not spans:
        return text
    parts: list[str] = []
    pos = 0
    for s, e in spans:
        s, e = max(s, pos), min(e, len(text))
        if e <= s:
            continue
        parts.append(text[pos:s])
        piece = text[s:e]
        parts.append(_MASK_OUT.sub(MASK_CHAR, piece) if "\n" in piece else MASK_CHAR * len(piece))
        pos = e
    parts.append(text[pos:])
    return "".join(parts)


def find_quantities(text: str, start: int = 0, end: int | None = None,
                    blocked: Iterable[tuple[int, int]] = (),
                    windows: Sequence[tuple[int, int]] | None = None) -> list[Quantity]:
    """Every number with a unit in ``text[start:end]`` (or in ``windows``), in order.

    ``blocked`` spans are never read (their characters are masked first).
    """
    end = len(text) if end is None else end
    masked = _masked(text, blocked)
    found: list[Quantity] = []
    single = _single()
    for lo, hi in windows if windows is not None else [(start, end)]:
        lo, hi = max(lo, start), min(hi, end)
        for m in single.finditer(masked, lo, hi):
            if masked[m.start() - 1:m.start()] == "每":
                continue  # 每万人, 每100人: the denominator of a rate, not a quantity
            q = _read(masked, m, text)
            if q is None:
                continue
            q = _as_range(masked, q, text)
            while found and found[-1].start >= q.start:
                found.pop()  # 3个至5个: the first half is part of the range
            prev_end = found[-1].end if found else lo
            if q.approx != "range" and not q.numeral.startswith(("几", "数")):
                found.extend(_siblings(masked, q, prev_end))
            found.append(q)
        found.extend(_fractions(masked, lo, hi))
        found.extend(_cheng(masked, lo, hi))
    found.sort(key=lambda q: (q.start, -q.end))
    out: list[Quantity] = []
    for q in found:
        if out and q.start < out[-1].end:
            continue
        out.append(q if q.text == text[q.start:q.end] else replace(q, text=text[q.start:q.end]))
    return out


def parse_quantity(text: str) -> Quantity | None:
    """The quantity that ``text`` is, as a whole (hedges around it count), else ``None``.

    >>> q = parse_quantity("约1.2万人"); (q.value, q.unit, q.approx)
    (12000.0, '人', '约')
    >>> parse_quantity("二〇二三") is None
    True
    """
    found = find_quantities(text)
    return found[0] if len(found) == 1 else None
