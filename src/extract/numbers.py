"""Chinese numerals: Arabic, Chinese and 大写 digits, 万/亿, fractions, 两, 〇, and approximate forms
(余, 多, 几, 数十, 上百, 两三).

``parse_int`` reads whole integers (dates, session numbers); ``parse_number`` any
plain number; ``read_numeral`` any numeral a quantity can start with, saying
whether it is approximate or a range. Quantities in running text (number, hedge,
unit) are found by ``extract.quantities``.

>>> parse_int("十五")
15
>>> parse_int("二〇〇六")
2006
>>> parse_int("一千零五十")
1050
>>> parse_number("1.2万")
12000.0
>>> read_numeral("两三")
Numeral(value=2.0, low=2.0, high=3.0, approx='range', percent=False)
"""

from __future__ import annotations

from dataclasses import dataclass

import regex

DIGITS = {"〇": 0, "○": 0, "Ｏ": 0, "O": 0, "零": 0, "一": 1, "壹": 1, "二": 2, "贰": 2, "貳": 2, "两": 2, "兩": 2,
          "三": 3, "叁": 3, "參": 3, "四": 4, "肆": 4, "五": 5, "伍": 5, "六": 6, "陆": 6, "陸": 6, "七": 7, "柒": 7,
          "八": 8, "捌": 8, "九": 9, "玖": 9}
SMALL_UNITS = {"十": 10, "拾": 10, "百": 100, "佰": 100, "千": 1000, "仟": 1000}
BIG_UNITS = {"万": 10_000, "萬": 10_000, "亿": 100_000_000, "億": 100_000_000}
PLACE = {**SMALL_UNITS, **BIG_UNITS}

#: Every character a Chinese numeral is written with (digits, place units, 大写).
CN_NUMERAL_CHARS = "".join(DIGITS) + "".join(PLACE)
#: The characters of a Chinese numeral inside running text (no Latin O).
CN_TEXT = "零〇○一二两三四五六七八九十百千万亿壹贰叁肆伍陆柒捌玖拾佰仟萬億兩貳參陸"

_ARABIC = regex.compile(r"\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?")
_ARABIC_WITH_PLACE = regex.compile(r"(?P<num>\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?)(?P<place>[十百千万亿萬億]+)")
_FRACTION = regex.compile(r"(?P<den>.+?)分之(?P<num>.+)")
_HEDGED_TAIL = regex.compile(r"(?P<base>.+?)(?P<hedge>余|多|几|來|来)$")
_CN_DECIMAL = regex.compile(r"(?P<whole>[零〇一二两三四五六七八九十百千万亿]+)点(?P<frac>[零〇一二三四五六七八九]+)")
_VAGUE_HEAD = regex.compile(r"(?P<hedge>几|数|上|成)(?P<base>[十百千万亿]+)$")


@dataclass(frozen=True, slots=True)
class Numeral:
    """A numeral read in full: ``value`` (the lower bound of a range or vague form), its bounds,
    ``approx`` (余, 多, range) and whether it was a percentage (百分之三十五, 2成)."""

    value: float
    low: float | None = None
    high: float | None = None
    approx: str | None = None
    percent: bool = False


def parse_int(text: str) -> int | None:
    """An integer written in Arabic digits, Chinese digits (二〇〇六) or Chinese numerals (一千零五十).

    >>> parse_int("3万4千"), parse_int("一百二"), parse_int("壹仟贰佰")
    (34000, 120, 1200)
    """
    text = text.strip()
    if not text:
        return None
    if text.isdigit():
        return int(text)
    if all(c in DIGITS for c in text):  # digit by digit: 二〇〇六
        return int("".join(str(DIGITS[c]) for c in text)) if len(text) > 1 else DIGITS[text]
    total = section = 0
    digit: int | None = None
    last_unit = 0  # the place unit just written, for colloquial 一百二 = 120
    zero_seen = False
    for ch in text:
        if ch in DIGITS:
            if DIGITS[ch] == 0:
                zero_seen = True
            elif digit:
                return None  # 十五六, 七八十: two digits side by side are a range, not one number
            digit = DIGITS[ch]
        elif ch.isdigit():
            digit = (digit or 0) * 10 + int(ch)
        elif ch in SMALL_UNITS:
            section += (1 if digit is None else digit) * SMALL_UNITS[ch]
            last_unit, digit, zero_seen = SMALL_UNITS[ch], None, False
        elif ch in BIG_UNITS:
            section += digit or (1 if section == 0 and total == 0 else 0)  # 万余人: a bare 万 is one 万
            total = (total + section) * BIG_UNITS[ch] if BIG_UNITS[ch] > 10_000 else total + section * BIG_UNITS[ch]
            last_unit, section, digit, zero_seen = BIG_UNITS[ch], 0, None, False
        else:
            return None
    if digit is not None and last_unit >= 100 and not zero_seen and digit < 10 and not text[-1].isdigit():
        return total + section + digit * last_unit // 10  # 一百二 → 120, 一万五 → 15000
    return total + section + (digit or 0)


def _place_value(place: str) -> float:
    value = 1.0
    for ch in place:
        value *= PLACE[ch]
    return value


def parse_number(text: str) -> float | None:
    """A plain number, Arabic, Chinese or mixed; ``None`` for anything else (a year written digit by digit).

    >>> parse_number("1,234.5"), parse_number("3.5亿"), parse_number("一千零五十"), parse_number("二〇二三")
    (1234.5, 350000000.0, 1050.0, None)
    """
    text = text.strip()
    if not text:
        return None
    if text.isascii() and text.isdigit():
        return float(text)
    if _ARABIC.fullmatch(text):
        return float(text.replace(",", ""))
    m = _ARABIC_WITH_PLACE.fullmatch(text)
    if m:  # 1.2万, 3.5亿, 1.5千万
        return float(m["num"].replace(",", "")) * _place_value(m["place"])
    if "." in text or "," in text:
        return None
    if len(text) > 1 and all(c in DIGITS for c in text):
        return None  # 二〇二三 is a year or a code, never a quantity
    value = parse_int(text)
    return None if value is None else float(value)


def _adjacent_pair(text: str) -> tuple[float, float] | None:
    """两三, 三五, 十五六 (15-16), 七八十 (70-80): two neighbouring digits read as a range."""
    m = regex.fullmatch(rf"(?P<head>[{CN_NUMERAL_CHARS}]*?)(?P<a>[一二两三四五六七八九])(?P<b>[二三四五六七八九])"
                        rf"(?P<tail>[十百千万亿]*)", text)
    if not m:
        return None
    a, b = DIGITS[m["a"]], DIGITS[m["b"]]
    if not (b == a + 1 or (a, b) == (3, 5)):
        return None
    head = m["head"]
    if head and not head.endswith(("十", "百", "千", "万", "亿")):
        return None
    base = parse_int(head) if head else 0
    if head and base is None:
        return None
    scale = _place_value(m["tail"]) if m["tail"] else 1.0
    lead = float(base or 0)
    return (lead + a) * scale, (lead + b) * scale


def read_numeral(text: str) -> Numeral | None:
    """Read a numeral with its internal hedge, fraction or range.

    >>> read_numeral("百余").value, read_numeral("百余").approx
    (100.0, '余')
    >>> round(read_numeral("三分之一").value, 3), read_numeral("百分之三十五")
    (0.333, Numeral(value=35.0, low=None, high=None, approx=None, percent=True))
    """
    text = text.strip()
    if not text:
        return None
    value = parse_number(text)
    if value is not None:
        return Numeral(value)
    m = _FRACTION.fullmatch(text)
    if m:
        num = parse_number(m["num"])
        if m["den"] == "百" and num is not None:
            return Numeral(num, percent=True)
        den = parse_number(m["den"])
        if num is None or not den:
            return None
        return Numeral(num / den)
    m = _CN_DECIMAL.fullmatch(text)
    if m:  # 一点五, 十点五: a decimal written in Chinese
        whole = parse_int(m["whole"])
        if whole is not None:
            return Numeral(float(f"{whole}.{''.join(str(DIGITS[c]) for c in m['frac'])}"))
    pair = _adjacent_pair(text)
    if pair:
        return Numeral(pair[0], low=pair[0], high=pair[1], approx="range")
    m = _VAGUE_HEAD.fullmatch(text)
    if m:  # 几十, 数百, 上百: at least the place value
        return Numeral(_place_value(m["base"]), approx="多")
    m = _HEDGED_TAIL.fullmatch(text)
    if m:  # 百余, 十几, 二十多
        base = parse_number(m["base"])
        if base is None:
            return None
        return Numeral(base, approx="余" if m["hedge"] == "余" else "多")
    return None
