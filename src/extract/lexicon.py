"""Word lists and patterns kept as data in ``resources/``, loaded once, lazily.

A list entry is either a plain YAML list or a mapping ``{values, match, no_match}``
whose examples the tests run. A broken file raises ``ResourceError`` naming the
file and the key.
"""

from __future__ import annotations

import functools
from importlib import resources
from typing import Any

import regex
import yaml


class ResourceError(ValueError):
    """A resource file is missing, malformed, or its examples disagree with it."""


@functools.cache
def load_resource(name: str) -> dict[str, Any]:
    """The parsed YAML file ``resources/NAME.yaml``."""
    try:
        raw = resources.files("extract").joinpath("resources", f"{name}.yaml").read_text(encoding="utf-8")
    except FileNotFoundError:
        raise ResourceError(f"E001 resources/{name}.yaml not found: reinstall the package") from None
    try:
        data = yaml.safe_load(raw)
    except yaml.YAMLError as exc:
        raise ResourceError(f"E002 resources/{name}.yaml is not valid YAML: {exc}") from None
    if not isinstance(data, dict):
        raise ResourceError(f"E003 resources/{name}.yaml must hold a mapping at the top")
    return data


def words(name: str, key: str) -> tuple[str, ...]:
    """The word list ``key`` of resource ``name``, longest first."""
    entry = load_resource(name).get(key)
    if isinstance(entry, dict):
        entry = entry.get("values")
    if not isinstance(entry, list) or not all(isinstance(w, str) and w for w in entry):
        raise ResourceError(f"E004 resources/{name}.yaml: key {key!r} must be a list of non-empty strings")
    return tuple(sorted(set(entry), key=lambda w: (-len(w), w)))


@functools.cache
def alternation(name: str, key: str, spaced: bool = False) -> str:
    """A regex alternation of the word list, longest first, for composing patterns.

    ``spaced`` lets blanks stand between the characters of a word, as in 联 系 人 or 文　　号.
    """
    if spaced:
        return "(?:" + "|".join("[ \t]*".join(regex.escape(c) for c in w) for w in words(name, key)) + ")"
    return "(?:" + "|".join(regex.escape(w) for w in words(name, key)) + ")"


def examples(name: str, key: str) -> tuple[list[str], list[str]]:
    """The (match, no_match) examples that a word list carries."""
    entry = load_resource(name).get(key)
    if not isinstance(entry, dict):
        return [], []
    return list(entry.get("match", [])), list(entry.get("no_match", []))
