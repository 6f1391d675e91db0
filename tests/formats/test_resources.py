"""The format readers' patterns in resources/formats.yaml agree with their examples."""

from __future__ import annotations

import pytest

from extract.formats.rules import page_number, web_boilerplate
from extract.lexicon import load_resource

CHECKS = {"page_number": lambda line: bool(page_number().fullmatch(line.strip())),
          "web_boilerplate": lambda line: bool(web_boilerplate().search(line))}


@pytest.mark.parametrize("key", sorted(CHECKS))
def test_examples(key):
    entry = load_resource("formats")[key]
    assert entry["match"] and entry["no_match"]
    for line in entry["match"]:
        assert CHECKS[key](line), f"{key}: {line!r} should match"
    for line in entry["no_match"]:
        assert not CHECKS[key](line), f"{key}: {line!r} should not match"
