"""Chinese numerals: the case table (tests/cases/numerals.yaml, section `numerals`) and the integer reader."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from extract.numbers import CN_TEXT, parse_int, parse_number, read_numeral
from tests.numeral_cases import close, numeral_cases


@pytest.mark.parametrize("case", numeral_cases("numerals"))
def test_numeral(case):
    got = read_numeral(case["text"])
    if case["value"] is None:
        assert got is None
        return
    assert got is not None, case["text"]
    assert close(got.value, case["value"])
    assert got.approx == case.get("approx")
    assert close(got.low, case.get("low")) and close(got.high, case.get("high"))
    assert got.percent == case.get("percent", False)


def test_the_table_is_large_enough():
    from tests.numeral_cases import numeral_cases as cases
    assert sum(len(cases(s)) for s in ("numerals", "quantities", "in_letter")) >= 150


@pytest.mark.parametrize("text, value", [
    ("十五", 15), ("二〇〇六", 2006), ("二〇二三", 2023), ("一九九六", 1996), ("十四", 14), ("三", 3),
    ("1540288", 1540288), ("一千零五十", 1050), ("3万4千", 34000), ("一百二", 120), ("壹仟贰佰", 1200),
    ("万", 10000), ("", None), ("十五届", None),
])
def test_parse_int_reads_dates_and_sessions(text, value):
    """Dates and session numbers read digit by digit (二〇〇六) stay integers: the date field relies on it."""
    assert parse_int(text) == value


def test_a_year_is_no_quantity_but_still_an_integer():
    assert parse_number("二〇二三") is None
    assert parse_int("二〇二三") == 2023


@given(st.text(alphabet=CN_TEXT + "0123456789.,余多几数上分之", max_size=12))
def test_numerals_never_crash(text):
    got = read_numeral(text)
    assert got is None or got.value >= 0
