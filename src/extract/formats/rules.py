"""The format readers' patterns, kept as data in resources/formats.yaml, compiled once on first use.

>>> bool(page_number().fullmatch("- 3 -"))
True
"""

from __future__ import annotations

import functools

import regex

from ..lexicon import ResourceError, load_resource


def _patterns(key: str) -> list[str]:
    entry = load_resource("formats").get(key)
    patterns = entry.get("patterns") if isinstance(entry, dict) else None
    if not isinstance(patterns, list) or not all(isinstance(p, str) and p for p in patterns):
        raise ResourceError(f"E004 resources/formats.yaml: key {key!r} must hold a list of patterns")
    return patterns


@functools.cache
def page_number() -> regex.Pattern[str]:
    """A whole line that is only a page number (use ``fullmatch`` on the stripped line)."""
    return regex.compile("|".join(f"(?:{p})" for p in _patterns("page_number")))


@functools.cache
def web_boilerplate() -> regex.Pattern[str]:
    """Something a web page adds around a letter (use ``search`` on a short line)."""
    return regex.compile("|".join(f"(?:{p})" for p in _patterns("web_boilerplate")))
