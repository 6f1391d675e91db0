"""Chinese numerals.

>>> parse_int("十五")
15
>>> parse_int("二〇〇六")
2006
>>> parse_int("一千零五十")
1050
"""

from __future__ import annotations

DIGITS = {"〇": 0, "○": 0, "Ｏ": 0, "O": 0, "零": 0, "一": 1, "壹": 1, "二": 2, "贰": 2, "两": 2, "三": 3, "叁": 3,
          "四": 4, "肆": 4, "五": 5, "伍": 5, "六": 6, "陆": 6, "七": 7, "柒": 7, "八": 8, "捌": 8, "九": 9, "玖": 9}
SMALL_UNITS = {"十": 10, "拾": 10, "百": 100, "佰": 100, "千": 1000, "仟": 1000}
BIG_UNITS = {"万": 10_000, "萬": 10_000, "亿": 100_000_000, "億": 100_000_000}


def parse_int(text: str) -> int | None:
    """An integer written in Arabic digits, Chinese digits (二〇〇六) or Chinese numerals (一千零五十)."""
    text = text.strip()
    if not text:
        return None
    if text.isdigit():
        return int(text)
    if all(c in DIGITS for c in text):  # digit by digit: 二〇〇六
        return int("".join(str(DIGITS[c]) for c in text)) if len(text) > 1 else DIGITS[text]
    total = section = 0
    digit: int | None = None
    for ch in text:
        if ch in DIGITS:
            digit = DIGITS[ch]
        elif ch.isdigit():
            digit = (digit or 0) * 10 + int(ch)
        elif ch in SMALL_UNITS:
            section += (1 if digit is None else digit) * SMALL_UNITS[ch]
            digit = None
        elif ch in BIG_UNITS:
            section += digit or 0
            total = (total + section) * BIG_UNITS[ch] if BIG_UNITS[ch] > 10_000 else total + section * BIG_UNITS[ch]
            section = 0
            digit = None
        else:
            return None
    return total + section + (digit or 0)
