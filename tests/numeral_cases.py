"""The numeral case table (tests/cases/numerals.yaml), section by section, as pytest params."""

from __future__ import annotations

from typing import Any

import pytest
import yaml

from tests.conftest import CASES


def numeral_cases(section: str) -> list[Any]:
    """The cases of one section of numerals.yaml; a case with ``xfail`` is a strict expected failure."""
    data = yaml.safe_load((CASES / "numerals.yaml").read_text(encoding="utf-8"))
    params = []
    for i, case in enumerate(data[section]):
        marks = [pytest.mark.xfail(strict=True, reason=case["xfail"])] if case.get("xfail") else []
        params.append(pytest.param(case, id=f"{section}-{i}-{case['text']}", marks=marks))
    return params


def close(a: float | None, b: float | None) -> bool:
    """Values equal as the scorer compares them (relative 1e-6)."""
    if a is None or b is None:
        return a is b
    return abs(a - b) <= 1e-6 * max(1.0, abs(b))
