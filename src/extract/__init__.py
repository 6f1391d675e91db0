"""extract: Chinese government reply letters (答复函) to validated, source-grounded records.

>>> from extract import extract_text
>>> record = extract_text("马凌委员：\\n\\n你提出的关于“数字化转型”的提案收悉。")
>>> record.addressees[0].name, record.doc_type
('马凌', 'proposal_reply')
"""

from .batch import collect_inputs, extract_paths, record_json, write_jsonl, write_jsonl_file
from .document import Document
from .models import (
    SCHEMA_VERSION,
    Addressee,
    Change,
    Commitment,
    Contact,
    DateValue,
    DocNumber,
    ErrorInfo,
    HandlingResult,
    Indicator,
    Record,
    Reference,
    Section,
    Source,
    TextSpan,
    TimeAnchor,
    Warning,
)
from .pipeline import extract_file, extract_text

__version__ = "0.1.0"

__all__ = [
    "SCHEMA_VERSION",
    "Addressee",
    "Change",
    "Commitment",
    "Contact",
    "DateValue",
    "DocNumber",
    "Document",
    "ErrorInfo",
    "HandlingResult",
    "Indicator",
    "Record",
    "Reference",
    "Section",
    "Source",
    "TextSpan",
    "TimeAnchor",
    "Warning",
    "__version__",
    "collect_inputs",
    "extract_file",
    "extract_paths",
    "extract_text",
    "record_json",
    "write_jsonl",
    "write_jsonl_file",
]
