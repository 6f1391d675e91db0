"""Time expressions: find them in a letter and resolve them against the letter's own date.

*Find* and *resolve* are separate steps. ``find_time_expressions`` returns every
time expression in a stretch of text with its span, the relation its framing
words give it (``by``: 到…/…前/…内, ``from``: 从…/…起, ``since``: …以来,
``as_of``: 截至…, ``during``: …期间, ``at``: a bare time) and, when a letter
date is given, its resolved period and date. ``resolve`` turns one expression's
text into an ISO date: the end of the period it names (the start for ``from``).
There is no "now": relative words (今年, 明年, 年内, 年底) count from the
letter's own date, and without one they resolve to ``None``.

>>> resolve("年底前", "2023-05-05")
'2023-12-31'
>>> resolve("2024年6月底前", "2023-05-05")
'2024-06-30'
>>> resolve("“十五五”期间", None)
'2030-12-31'
>>> resolve("截至2023年一季度末", None)
'2023-03-31'
>>> [(t.text, t.period) for t in find_time_expressions("力争到2027年建成，今年上半年启动。", letter_date="2025-03-01")]
[('力争到2027年', '2027'), ('今年上半年', '2025-H1')]
"""

from __future__ import annotations

import calendar
import datetime as dt
import functools
from dataclasses import dataclass
from typing import Literal

import regex

from .lexicon import alternation, load_resource, words
from .numbers import parse_int

Relation = Literal["by", "from", "since", "as_of", "during", "at"]


@dataclass(frozen=True, slots=True)
class TimeExpression:
    """A time expression found in a text.

    ``start``/``end`` are offsets into the text searched; ``core`` is the time
    itself without its framing words (``2025年底`` in ``到2025年底前``); ``period``
    is ``YYYY``, ``YYYY-MM``, ``YYYY-MM-DD``, ``YYYY-Qn``, ``YYYY-H1``/``H2`` or a
    span of years ``YYYY/YYYY``; ``value`` is an ISO date (see ``resolve``);
    ``explicit`` says the year is written out (2024年, “十四五”), not relative.
    """

    start: int
    end: int
    text: str
    core: str
    relation: Relation
    period: str | None
    value: str | None
    explicit: bool
    has_part: bool  # names a part of a year (month, quarter, half, 年底/年内…) or a framing word
    last: str | None = None  # ISO date of the period's last day

    def shifted(self, offset: int) -> TimeExpression:
        """The same expression with its offsets moved by ``offset`` (into a slice of the text searched)."""
        return TimeExpression(self.start + offset, self.end + offset, self.text, self.core, self.relation,
                              self.period, self.value, self.explicit, self.has_part, self.last)

    def is_past(self, letter_date: str | None) -> bool:
        """True when the period ended before the letter was written (``以来`` is always past)."""
        if self.relation == "since" or self.core.startswith(("去年", "前年", "上年", "上月", "上个月")):
            return True
        return letter_date is not None and self.last is not None and self.last < letter_date


# --- the grammar ------------------------------------------------------------------------------

_CN = "〇零一二三四五六七八九○"
_MONTH = r"1[0-2]|0?[1-9]|十[一二]?|[一二三四五六七八九]"
_DAY = r"3[01]|[12]\d|0?[1-9]|三十一?|二十[一二三四五六七八九]?|十[一二三四五六七八九]?|[一二三四五六七八九]"
_NUM = r"[一二三四五六七八九十两]{1,3}|\d{1,2}"
# Every time expression holds one of these within its first 13 characters (年, 月, 季度, “十四五”, and a
# character of each season word): a cheap test before the full pattern is tried.
MARKS = "年月季五汛雨节旦庆学冬暖奥运"


@functools.cache
def _pattern() -> regex.Pattern[str]:
    data = load_resource("deadlines")
    rel_years = "|".join(sorted(data["relative_years"], key=len, reverse=True))
    rel_months = "|".join(sorted(data["relative_months"], key=len, reverse=True))
    rel_spans = "|".join(sorted(data["relative_spans"], key=len, reverse=True))
    prefixes = alternation("deadlines", "prefixes")
    suffixes = alternation("deadlines", "suffixes")
    fyp_parts = alternation("deadlines", "five_year_parts")
    seasons = alternation("deadlines", "seasons")
    in_year = (
        rf"(?:(?P<month>{_MONTH})月份?(?:(?P<day>{_DAY})[日号])?(?P<mpart>底|末|初|上旬|中旬|下旬)?"
        rf"|(?P<quarter>第?[一二三四1-4])季度(?P<qpart>末|底)?"
        rf"|(?P<half>上半年|下半年)"
        rf"|年?(?P<ypart>底|末|初|中(?![心央国华外])|内|度))"
    )
    year = rf"(?:(?P<year>(?:19|20)\d{{2}}|[{_CN}]{{4}})年|(?P<relyear>{rel_years}))"
    core = (
        rf"(?P<y1>(?:19|20)\d{{2}})年?\s*[-—–~至到]\s*(?P<y2>(?:19|20)\d{{2}})年"  # 2021-2025年
        rf"|(?<![一二三四五六七八九十\d])“?(?P<fyp>十[一二三四五六七八九]?五|[六七八九]五)”?"
        rf"(?P<fpart>{fyp_parts})"  # “十四五”期间
        rf"|(?P<horizon>未来|今后|近)(?P<hn>{_NUM})年"  # 未来三年
        rf"|(?P<relspan>{rel_spans})"  # 今明两年
        rf"|(?<![\d{_CN}])(?P<dn>{_NUM})(?P<dunit>年|个月)(?=内|以内|之内)"  # 三年内, 6个月内
        rf"|(?<![\d{_CN}])(?P<dn>{_NUM})(?P<dunit>年|个月)(?:左右)?时间"  # 用两年时间
        rf"|(?P<winter>今冬明春)"
        rf"|{year}{in_year}?"  # 2024年6月底, 今年上半年, 2023年度
        rf"|(?<![每往近多历当同全半\d{_CN}十])年(?P<bareyear>底|末|内|初)"  # 年底, 年内
        rf"|(?P<relmonth>{rel_months})(?P<rmpart>底|末|初)?"  # 本月底
        rf"|(?<![\d{_CN}十本当下上个岁每])月(?P<baremonth>底|末)(?![蕴线层部])"  # 月底前: the letter's month
        rf"|(?<![\d{_CN}十])(?P<bmonth>{_MONTH})月份?(?:(?P<bday>{_DAY})[日号])?(?P<bmpart>底|末|初|上旬|中旬|下旬)?"
        rf"|(?<![年])(?P<bquarter>第?[一二三四])季度(?P<bqpart>末|底)?"
        rf"|(?<![年每])(?P<bhalf>上半年|下半年)"
        rf"|(?P<season>{seasons})(?=之前|以前|前|后)"  # 汛期前
    )
    starts = "\\d〇零一二三四五六七八九○十两今本当同明次来后去上前未近年月“第下截止到至在于从自力争" + "".join(
        sorted({w[0] for w in words("deadlines", "seasons")}))  # a cheap pre-filter
    anchor = rf"(?=[^，。；：,;:\n]{{0,12}}?[{MARKS}])"  # a year, month, quarter, plan or season is near
    return regex.compile(rf"(?=[{starts}]){anchor}(?P<pre>{prefixes})?(?P<core>{core})(?P<suf>{suffixes})?")


# --- resolution -------------------------------------------------------------------------------


def _month_end(year: int, month: int) -> dt.date:
    return dt.date(year, month, calendar.monthrange(year, month)[1])


def period_bounds(period: str) -> tuple[dt.date | None, dt.date | None]:
    """First and last day of a period string.

    >>> period_bounds("2023-Q1")
    (datetime.date(2023, 1, 1), datetime.date(2023, 3, 31))
    """
    try:
        if "/" in period:
            a, b = period.split("/")
            return dt.date(int(a), 1, 1), dt.date(int(b), 12, 31)
        if "-Q" in period:
            y, q = period.split("-Q")
            return dt.date(int(y), 3 * int(q) - 2, 1), _month_end(int(y), 3 * int(q))
        if "-H" in period:
            y, h = period.split("-H")
            return dt.date(int(y), 1 if h == "1" else 7, 1), _month_end(int(y), 6 if h == "1" else 12)
        parts = [int(p) for p in period.split("-")]
        if len(parts) == 1:
            return dt.date(parts[0], 1, 1), dt.date(parts[0], 12, 31)
        if len(parts) == 2:
            return dt.date(parts[0], parts[1], 1), _month_end(parts[0], parts[1])
        day = dt.date(parts[0], parts[1], parts[2])
        return day, day
    except ValueError:
        return None, None


def _letter(letter_date: str | None) -> dt.date | None:
    try:
        return dt.date.fromisoformat(letter_date) if letter_date else None
    except ValueError:
        return None


def _quarter(text: str) -> int:
    return {"一": 1, "二": 2, "三": 3, "四": 4}.get(text[-1]) or int(text[-1])


def _five_year(m: regex.Match[str]) -> tuple[str | None, bool]:
    data = load_resource("deadlines")
    number = parse_int(m["fyp"][:-1])
    if number is None:
        return None, True
    first = data["five_year_plan_first_year"] + 5 * (number - data["five_year_plan_first_number"])
    last = first + 4
    part = m["fpart"]
    if part in ("末", "末期"):
        first = last
    elif part in ("初", "初期"):
        last = first
    elif part == "中期":
        first = last = first + 2
    elif part.endswith(("两年", "三年")):
        n = 2 if part.endswith("两年") else 3
        first, last = (last - n + 1, last) if part.startswith("后") else (first, first + n - 1)
    return (str(first) if first == last else f"{first}/{last}"), True


def _period(m: regex.Match[str], letter: dt.date | None) -> tuple[str | None, bool]:
    """The period a match names, and whether its year is written out."""
    if m["y1"]:
        return f"{m['y1']}/{m['y2']}", True
    if m["fyp"]:
        return _five_year(m)
    base = letter.year if letter else None
    if m["winter"]:  # this winter and the spring after it: due by the first half of next year
        return (None if letter is None else f"{letter.year + (letter.month > 6)}-H1"), False
    if m["dunit"] == "个月":
        n = parse_int(m["dn"])
        if letter is None or n is None:
            return None, False
        index = letter.year * 12 + letter.month - 1 + n
        return f"{index // 12}-{index % 12 + 1:02d}", False
    if m["horizon"] or m["dn"]:
        n = parse_int(m["hn"] or m["dn"])
        if base is None or n is None or m["horizon"] == "近":
            return None, False
        return (f"{base}/{base + n - 1}" if m["horizon"] else f"{base}/{base + n}"), False
    if m["relspan"]:
        if base is None:
            return None, False
        first, last = load_resource("deadlines")["relative_spans"][m["relspan"]]
        return f"{base + first}/{base + last}", False
    if m["season"]:
        return None, False
    if m["relmonth"] or m["baremonth"]:
        if letter is None:
            return None, False
        offset = load_resource("deadlines")["relative_months"][m["relmonth"]] if m["relmonth"] else 0
        index = letter.year * 12 + letter.month - 1 + offset
        return f"{index // 12}-{index % 12 + 1:02d}", False
    explicit = bool(m["year"])
    if m["year"]:
        year: int | None = parse_int(m["year"])
    elif m["relyear"]:
        year = None if base is None else base + load_resource("deadlines")["relative_years"][m["relyear"]]
    else:
        year = base
    if year is None or not 1900 <= year <= 2100:
        return None, explicit
    month, day = m["month"] or m["bmonth"], m["day"] or m["bday"]
    if month:
        mo = parse_int(month)
        if mo is None or not 1 <= mo <= 12:
            return None, explicit
        if not explicit and not m["relyear"] and letter and (m["suf"] in ("前", "以前", "之前", "底前")
                                                            or m["mpart"] or m["bmpart"]):
            if _month_end(year, mo) < letter - dt.timedelta(days=60):
                year += 1  # 6月底前 written in September means next June
        if day:
            d = parse_int(day)
            try:
                return dt.date(year, mo, d or 0).isoformat(), explicit
            except ValueError:
                return None, explicit
        return f"{year}-{mo:02d}", explicit
    quarter = m["quarter"] or m["bquarter"]
    if quarter:
        return f"{year}-Q{_quarter(quarter)}", explicit
    half = m["half"] or m["bhalf"]
    if half:
        return f"{year}-H{1 if half == '上半年' else 2}", explicit
    part = m["ypart"] or m["bareyear"]
    if part == "初":
        return f"{year}-Q1", explicit
    if part == "中":
        return f"{year}-06", explicit
    return str(year), explicit


def _relation(m: regex.Match[str]) -> Relation:
    data = load_resource("deadlines")
    if m["suf"]:
        rel: Relation = data["suffix_relation"][m["suf"]]
        return rel
    if m["fpart"] == "以来":
        return "since"
    if m["relspan"] and m["pre"] in (None, "在", "于"):
        return "during"  # 在今明两年: a window, whatever frames it
    if m["pre"]:
        rel = data["prefix_relation"][m["pre"]]
        return rel
    if m["fpart"] or m["horizon"] or m["winter"]:
        return "during" if m["horizon"] != "近" else "since"
    if m["ypart"] == "内" or m["bareyear"] == "内" or m["dn"]:
        return "by"
    return "at"


def _value(period: str | None, relation: Relation) -> str | None:
    if period is None:
        return None
    first, last = period_bounds(period)
    chosen = first if relation == "from" else last
    return chosen.isoformat() if chosen else None


def find_time_expressions(text: str, start: int = 0, end: int | None = None, *,
                          letter_date: str | None = None) -> list[TimeExpression]:
    """Every time expression in ``text[start:end]``, in order, with offsets into ``text``.

    >>> [t.text for t in find_time_expressions("计划年内开工，2026年建成投产。")]
    ['年内', '2026年']
    >>> find_time_expressions("截至2023年一季度末累计开通", letter_date="2023-05-05")[0].relation
    'as_of'
    """
    letter = _letter(letter_date)
    found = []
    for m in _pattern().finditer(text, start, len(text) if end is None else end):
        t = _expression(m, letter)
        if t is not None:
            found.append(t)
    return found


def _expression(m: regex.Match[str], letter: dt.date | None) -> TimeExpression | None:
    period, explicit = _period(m, letter)
    if m["year"] and period is None:
        return None  # not a real year (二三四五年)
    relation = _relation(m)
    has_part = bool(m["suf"] or m["pre"] or m["fpart"] or m["horizon"] or m["relspan"] or m["dn"] or m["winter"]
                    or m["y1"]
                    or (m["ypart"] and m["ypart"] != "度") or m["bareyear"]
                    or m["month"] or m["quarter"] or m["half"] or m["bmonth"] or m["bquarter"] or m["bhalf"]
                    or m["relmonth"] or m["baremonth"] or m["season"])
    last = period_bounds(period)[1] if period else None
    return TimeExpression(start=m.start(), end=m.end(), text=m[0], core=m["core"], relation=relation,
                          period=period, value=_value(period, relation), explicit=explicit, has_part=has_part,
                          last=last.isoformat() if last else None)


def time_at(text: str, pos: int = 0, letter_date: str | None = None) -> TimeExpression | None:
    """The time expression that starts exactly at ``pos``, else None (a cheap anchored look).

    >>> time_at("年底前完成改造").text
    '年底前'
    >>> time_at("完成改造") is None
    True
    """
    m = _pattern().match(text, pos)
    return _expression(m, _letter(letter_date)) if m else None


def resolve(text: str, letter_date: str | None) -> str | None:
    """The ISO date a time expression names: its period's end (its start after 从/起), else None.

    >>> resolve("年内", "2023-09-25")
    '2023-12-31'
    >>> resolve("明年", "2023-09-25")
    '2024-12-31'
    >>> resolve("2027年", None)
    '2027-12-31'
    >>> resolve("今年上半年", "2023-05-05")
    '2023-06-30'
    >>> resolve("从7月1日起", "2017-07-12")
    '2017-07-01'
    >>> resolve("近期", "2023-05-05") is None
    True
    """
    found = find_time_expressions(text, letter_date=letter_date)
    return found[0].value if found else None


def resolve_period(text: str, letter_date: str | None) -> str | None:
    """The period a time expression names (``2023-Q1``, ``2024-06``, ``2026/2030`` …), else None.

    >>> resolve_period("截至2023年一季度末", None)
    '2023-Q1'
    >>> resolve_period("“十五五”期间", None)
    '2026/2030'
    """
    found = find_time_expressions(text, letter_date=letter_date)
    return found[0].period if found else None
