"""Shared helpers: case tables live in tests/cases/*.yaml."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
import yaml

CASES = Path(__file__).parent / "cases"
SAMPLES = Path(__file__).parent.parent / "samples"


def load_cases(name: str) -> list[Any]:
    """The cases of tests/cases/NAME.yaml, as pytest params with their ids (strict xfail when marked)."""
    data = yaml.safe_load((CASES / f"{name}.yaml").read_text(encoding="utf-8"))
    params = []
    for i, case in enumerate(data["cases"]):
        marks = []
        if case.get("xfail"):
            marks.append(pytest.mark.xfail(strict=True, reason=case["xfail"]))
        params.append(pytest.param(case, id=case.get("id", f"{name}-{i}"), marks=marks))
    return params
