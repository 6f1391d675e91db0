"""Time expressions: the deadline-normalisation table in tests/cases/deadlines.yaml and the finder's API."""

from __future__ import annotations

from typing import Any

import pytest
import yaml

from extract.lexicon import examples
from extract.timex import find_time_expressions, period_bounds, resolve, resolve_period
from tests.conftest import CASES

TABLE = yaml.safe_load((CASES / "deadlines.yaml").read_text(encoding="utf-8"))


def _iso(value: Any) -> str | None:
    return None if value is None else str(value)


@pytest.mark.parametrize("case", TABLE["cases"], ids=lambda c: f"{c['text']}@{c['date']}")
def test_deadline_table(case: dict[str, Any]) -> None:
    date = _iso(case["date"])
    found = find_time_expressions(case["text"], letter_date=date)
    assert [t.text for t in found] == [case["text"]]
    t = found[0]
    assert (t.period, t.value, t.relation) == (_iso(case["period"]), _iso(case["value"]), case["relation"])
    assert resolve(case["text"], date) == _iso(case["value"])
    assert resolve_period(case["text"], date) == _iso(case["period"])


@pytest.mark.parametrize("text", TABLE["none"] + ["汛期", "春节期间走访"])
def test_not_a_time_expression(text: str) -> None:
    assert find_time_expressions(text) == []
    assert resolve(text, "2023-05-05") is None


def test_offsets_are_into_the_text_searched() -> None:
    text = "我局计划年内开工，2026年建成投产。"
    found = find_time_expressions(text, 2, len(text), letter_date="2023-09-25")
    assert [(text[t.start:t.end], t.value) for t in found] == [("年内", "2023-12-31"), ("2026年", "2026-12-31")]
    assert find_time_expressions(text, 0, 5) == []


def test_past_is_judged_against_the_letter_date() -> None:
    [last_year] = find_time_expressions("去年11月", letter_date=None)
    assert last_year.is_past(None)
    [spring] = find_time_expressions("2023年一季度", letter_date="2023-05-05")
    assert spring.is_past("2023-05-05") and not spring.is_past("2023-02-01")
    [later] = find_time_expressions("年底前", letter_date="2023-05-05")
    assert not later.is_past("2023-05-05")


def test_period_bounds() -> None:
    first, last = period_bounds("2024-H2")
    assert (str(first), str(last)) == ("2024-07-01", "2024-12-31")
    assert period_bounds("2026/2030")[1] is not None and str(period_bounds("2026/2030")[1]) == "2030-12-31"


@pytest.mark.parametrize("key", ["prefixes", "suffixes", "five_year_parts", "seasons"])
def test_resource_examples(key: str) -> None:
    match, no_match = examples("deadlines", key)
    for text in match:
        found = find_time_expressions(text, letter_date="2023-05-05")
        assert found and found[0].text in (text, text.replace("前", "")), text
    for text in no_match:
        assert all(t.text != text for t in find_time_expressions(text, letter_date="2023-05-05")), text


def test_every_season_holds_a_mark() -> None:
    """The finder's pre-filter looks for MARKS near a candidate: every season word must hold one."""
    from extract.lexicon import words
    from extract.timex import MARKS

    for word in words("deadlines", "seasons"):
        assert any(c in MARKS for c in word), word
