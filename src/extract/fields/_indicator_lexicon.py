"""The word lists and patterns of resources/indicators.yaml, compiled once, for the indicator modules."""

from __future__ import annotations

import functools

import regex

from ..lexicon import load_resource, words


@functools.cache
def pattern(key: str) -> regex.Pattern[str]:
    """The pattern ``key`` of indicators.yaml."""
    return regex.compile(load_resource("indicators")[key]["pattern"])


@functools.cache
def word_set(key: str) -> frozenset[str]:
    """The word list ``key`` as a set."""
    return frozenset(words("indicators", key))


@functools.cache
def word_list(key: str) -> tuple[str, ...]:
    """The word list ``key``, longest first."""
    return words("indicators", key)


@functools.cache
def any_of(key: str) -> regex.Pattern[str]:
    """A pattern that finds any word of the list ``key``."""
    return regex.compile("|".join(regex.escape(w) for w in words("indicators", key)))


@functools.cache
def tail_of(key: str) -> regex.Pattern[str]:
    """A pattern for a run of the list's words that ends a text."""
    return regex.compile("(?:" + "|".join(regex.escape(w) for w in words("indicators", key)) + ")+$")


@functools.cache
def head_of(key: str) -> regex.Pattern[str]:
    """A pattern for a run of the list's words that opens a text."""
    return regex.compile("^(?:" + "|".join(regex.escape(w) for w in words("indicators", key)) + ")+")


@functools.cache
def run_of(key: str) -> regex.Pattern[str]:
    """A pattern for a run of the list's words (to be matched in full)."""
    return regex.compile("(?:" + "|".join(regex.escape(w) for w in words("indicators", key)) + ")+")
