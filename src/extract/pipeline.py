"""The ordered stages: load -> normalize -> layout -> fields -> validate. One letter in, one record out."""

from __future__ import annotations

import hashlib
import logging
from pathlib import Path

from .document import Document
from .fields.addressees import find_addressees
from .fields.attachments import find_attachments
from .fields.banner import find_banner
from .fields.cc import find_cc
from .fields.commitments import find_commitments
from .fields.contact import find_contact
from .fields.date import find_date
from .fields.disclosure import find_disclosure
from .fields.doc_number import find_doc_number
from .fields.doc_type import classify
from .fields.handling_result import find_handling_result
from .fields.indicators import find_indicators
from .fields.issuer import find_issuer
from .fields.reference import find_reference
from .fields.sections import find_sections
from .fields.title import find_title
from .layout import Layout, find_layout
from .load import Loaded, LoadError, load_file
from .models import ErrorInfo, Record, Source
from .normalize import normalize
from .validate import cross_check, missing

log = logging.getLogger(__name__)


class StageError(Exception):
    """A stage failed on this letter."""

    def __init__(self, stage: str, exc: BaseException) -> None:
        super().__init__(f"{stage}: {type(exc).__name__}: {exc}")
        self.stage = stage
        self.exc = exc


def content_id(data: str | bytes) -> str:
    """Stable id of a letter's content: the first 16 hex digits of its SHA-256."""
    raw = data.encode("utf-8", "surrogatepass") if isinstance(data, str) else data
    return hashlib.sha256(raw).hexdigest()[:16]


def _fields(doc: Document, layout: Layout, source: Source) -> Record:
    doc_number, docno_warnings = find_doc_number(doc, layout)
    title = find_title(doc, layout)
    banner = find_banner(doc, layout)
    issuer = find_issuer(doc, layout, title, banner)
    date = find_date(doc, layout)
    reference = find_reference(doc, layout)
    addressees = find_addressees(doc, layout)
    indicators = find_indicators(doc, layout, date.value if date else None)
    commitments = find_commitments(doc, layout, issuer.text if issuer else None,
                                   date.value if date else None, indicators)
    warnings = docno_warnings + cross_check(doc_number, date, reference)
    warnings += missing(title=title, issuer=issuer, date=date, reference=reference)
    return Record(
        id=content_id(doc.source),
        source=source,
        warnings=warnings,
        doc_type=classify(reference, addressees),
        title=title,
        issuer=issuer,
        banner=banner,
        doc_number=doc_number,
        reference=reference,
        addressees=addressees,
        date=date,
        handling_result=find_handling_result(doc, layout),
        disclosure=find_disclosure(doc, layout),
        contact=find_contact(doc, layout),
        sections=find_sections(doc, layout),
        cc=find_cc(doc, layout),
        attachments=find_attachments(doc, layout),
        indicators=indicators,
        commitments=commitments,
    )


def _stage(name: str, fn, *args):  # type: ignore[no-untyped-def]
    try:
        return fn(*args)
    except Exception as exc:
        raise StageError(name, exc) from exc


def run(text: str, source: Source) -> Record:
    """Run normalize, layout, fields and validation over decoded text. Raises StageError."""
    doc = _stage("normalize", normalize, text)
    layout = _stage("layout", find_layout, doc)
    return _stage("fields", _fields, doc, layout, source)  # type: ignore[no-any-return]


def error_record(source: Source, stage: str, type_: str, message: str, hint: str | None,
                 content: str | bytes | None = None) -> Record:
    """The record of a letter that gave no result; names the file, the stage and what to do."""
    return Record(
        id=content_id(content if content is not None else source.path),
        status="error",
        error=ErrorInfo(stage=stage, type=type_, message=message, hint=hint),  # type: ignore[arg-type]
        source=source,
    )


def extract_text(text: str, *, source: str | Source | None = None) -> Record:
    """Extract a record from a letter's decoded text.

    >>> extract_text("王超斌委员：\\n\\n您提出的《关于设立总理热线电话的提案》收悉。").addressees[0].name
    '王超斌'
    """
    if not isinstance(source, Source):
        source = Source(path=source or "<text>", format="text", chars=len(text),
                        text_sha256=hashlib.sha256(text.encode("utf-8", "surrogatepass")).hexdigest())
    try:
        return run(text, source)
    except StageError as err:
        log.debug("stage %s failed on %s", err.stage, source.path, exc_info=err.exc)
        return error_record(source, err.stage, type(err.exc).__name__, str(err.exc),
                            "this is a bug in extract: please report it with the letter", text)


def source_of(path: str, loaded: Loaded) -> Source:
    return Source(path=path, format=loaded.format, encoding=loaded.encoding, sha256=loaded.sha256,
                  text_sha256=hashlib.sha256(loaded.text.encode("utf-8")).hexdigest(),
                  bytes=loaded.size, chars=len(loaded.text))


def extract_file(path: str | Path) -> Record:
    """Read, decode and extract one letter file; a bad file gives an error record, never an exception.

    Any supported format (see ``extract.formats``); the record's offsets refer to the extracted text,
    which ``extract text FILE`` prints. MemoryError is left to the caller (the batch worker turns it
    into a ``limit`` record and starts afresh).
    """
    name = str(path)
    try:
        loaded = load_file(Path(path))
    except LoadError as err:
        return error_record(Source(path=name), err.stage, err.type, err.message, err.hint)
    except MemoryError:
        raise
    except Exception as exc:
        return error_record(Source(path=name), "read", type(exc).__name__, str(exc),
                            "this is a bug in extract: please report it with the file")
    record = extract_text(loaded.text, source=source_of(name, loaded))
    if record.error is not None and record.error.type == "MemoryError":
        raise MemoryError(record.error.message)
    return record
