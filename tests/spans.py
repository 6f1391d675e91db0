"""Check that every span of a record points into its source text."""

from __future__ import annotations

from typing import Any

from extract.models import Record


def iter_spans(value: Any, path: str = "") -> Any:
    """(path, obj) for every dict in a dumped record that carries start and end."""
    if isinstance(value, dict):
        if isinstance(value.get("start"), int) and isinstance(value.get("end"), int):
            yield path, value
        for key, item in value.items():
            yield from iter_spans(item, f"{path}.{key}")
    elif isinstance(value, list):
        for i, item in enumerate(value):
            yield from iter_spans(item, f"{path}[{i}]")


def assert_spans_grounded(record: Record, source: str) -> None:
    """Every span is in bounds, ordered, and its text (spaces and line breaks aside) is what was read."""
    for path, item in iter_spans(record.model_dump(mode="json")):
        start, end = item["start"], item["end"]
        assert 0 <= start <= end <= len(source), f"{path}: span {start}-{end} out of bounds"
        read = "".join(source[start:end].split())
        text = item.get("text")
        if isinstance(text, str) and text:
            assert "".join(text.split()) in read or read in "".join(text.split()) or _loosely(text, read), \
                f"{path}: text {text!r} not at {start}-{end}: {source[start:end]!r}"


def _loosely(text: str, read: str) -> bool:
    """Normalisation may change full-width forms and drop markup: compare characters in order."""
    it = iter(read)
    return all(any(c == r for r in it) for c in "".join(text.split()) if c not in "*")
