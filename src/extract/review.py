"""Review: put a record's evidence on a spaCy ``Doc`` and render it for a reader.

spaCy is imported only when these functions run. The blank Chinese pipeline
segments by character, so every span of a record aligns exactly; nothing is
downloaded.

>>> from extract import extract_text
>>> text = "王一委员：\\n\\n您提出的《关于某事的提案》收悉。\\n\\n某某局\\n\\n2023年5月5日\\n"
>>> doc = to_spacy_doc(extract_text(text), text)
>>> [(span.label_, span.text) for span in doc.spans["extract"]][:2]
[('addressee', '王一'), ('reference', '关于某事的提案')]
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from .models import Record

if TYPE_CHECKING:
    from spacy.tokens import Doc

SPAN_KEY = "extract"
_HEADER = ("title", "issuer", "banner", "doc_number", "reference", "date", "handling_result", "disclosure",
           "contact", "cc")
_LISTS = {"addressees": "addressee", "indicators": "indicator", "commitments": "commitment",
          "sections": "section", "attachments": "attachment"}


def evidence(record: Record) -> list[tuple[int, int, str]]:
    """(start, end, label) of every value the record read, sorted by position.

    >>> evidence(Record(id="x", source={"path": "p"}))
    []
    """
    data = record.model_dump()
    found: list[tuple[int, int, str]] = []
    for name in _HEADER:
        item = data.get(name)
        if isinstance(item, dict) and item.get("end", 0) > item.get("start", 0):
            found.append((item["start"], item["end"], name))
    for name, label in _LISTS.items():
        for item in data.get(name) or []:
            if item["end"] > item["start"]:
                found.append((item["start"], item["end"], label))
    return sorted(found)


def to_spacy_doc(record: Record, source: str) -> Doc:
    """A spaCy Doc of the source text with the record's evidence in ``doc.spans["extract"]``."""
    import spacy

    nlp = spacy.blank("zh")
    doc = nlp.make_doc(source)
    spans = []
    for start, end, label in evidence(record):
        span = doc.char_span(start, end, label=label, alignment_mode="expand")
        if span is not None:
            spans.append(span)
    doc.spans[SPAN_KEY] = spans
    return doc


def render_html(record: Record, source: str, *, page: bool = True) -> str:
    """displaCy markup of the source with the record's non-overlapping evidence highlighted."""
    from spacy import displacy

    ents: list[dict[str, Any]] = []
    last_end = -1
    for start, end, label in evidence(record):
        if start >= last_end:  # displaCy draws no overlaps: the earlier, then longer, span wins
            ents.append({"start": start, "end": end, "label": label.upper()})
            last_end = end
    title = record.title.text if record.title else record.source.path
    data = {"text": source, "ents": ents, "title": title}
    return str(displacy.render(data, style="ent", manual=True, page=page, jupyter=False))
