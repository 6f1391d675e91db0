"""Pydantic models: the single source of the output schema.

Every extracted value carries ``start``/``end``: half-open character offsets into
the decoded source text (``source[start:end]`` is what was read).
"""

from __future__ import annotations

from typing import Literal

from pydantic import BaseModel, ConfigDict, Field

SCHEMA_VERSION = "1.0"

DocType = Literal["proposal_reply", "suggestion_reply", "motion_reply", "other_reply"]
ReferenceKind = Literal["提案", "建议", "议案", "意见"]
Status = Literal["ok", "error"]


class _Model(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)


class Spanned(_Model):
    """A value read from the source: ``source[start:end]`` is its evidence."""

    start: int = Field(ge=0, description="Start offset into the decoded source text (inclusive).")
    end: int = Field(ge=0, description="End offset into the decoded source text (exclusive).")


class TextSpan(Spanned):
    """A piece of text as written in the letter."""

    text: str


class Warning(_Model):
    """Something the extractor noticed but could not resolve."""

    code: str = Field(description="Stable machine-readable code, e.g. W_DOCNO_NONSTANDARD.")
    field: str | None = None
    message: str


class ErrorInfo(_Model):
    """Why a letter gave no result: which stage failed, what happened, what to do."""

    stage: Literal["read", "decode", "normalize", "layout", "fields", "validate", "limit", "internal"]
    type: str
    message: str
    hint: str | None = None


class Source(_Model):
    """Where the record came from."""

    path: str
    format: str | None = None
    encoding: str | None = None
    sha256: str | None = Field(default=None, description="SHA-256 of the file's bytes.")
    text_sha256: str | None = Field(
        default=None, description="SHA-256 of the decoded text (UTF-8) that all offsets refer to."
    )
    bytes: int | None = None
    chars: int | None = None


class DocNumber(Spanned):
    """The letter's own 发文字号, e.g. 普科委〔2023〕15号."""

    text: str
    agency_code: str | None = None
    year: int | None = None
    serial: int | None = None


class Reference(Spanned):
    """The proposal, suggestion or motion that the letter answers."""

    kind: ReferenceKind | None = None
    body: str | None = Field(default=None, description="区政协, 市人大, 全国政协 …")
    term: int | None = None
    session: int | None = None
    number: str | None = None
    category_number: str | None = Field(default=None, description="e.g. 工交邮电类346号")
    title: str | None = None


class Addressee(Spanned):
    name: str
    role: str | None = None
    kind: Literal["person", "organization"]


class DateValue(Spanned):
    text: str
    value: str = Field(description="ISO date YYYY-MM-DD.")


class HandlingResult(Spanned):
    text: str
    category: Literal["resolved", "in_progress", "for_reference", "explained"] | None = Field(
        default=None,
        description="resolved (A类, 采纳或解决, 解决), in_progress (B类, 正在解决或列入计划解决), "
        "for_reference (C类, 留作参考), explained (因条件限制…作出说明).",
    )


class Contact(Spanned):
    person: str | None = None
    phone: str | None = None
    address: str | None = None
    postcode: str | None = None


class Section(Spanned):
    heading: str
    level: int = Field(ge=1, le=4, description="1: 一、  2: （一）  3: 1.  4: （1）")


class TimeAnchor(Spanned):
    """A time expression and what it resolves to."""

    text: str
    value: str | None = Field(
        default=None, description="ISO date (YYYY-MM-DD) or period (YYYY, YYYY-MM, YYYY-Qn, YYYY-H1…)."
    )


class Change(_Model):
    direction: Literal["up", "down"] | None = None
    is_change: bool = Field(description="True when the value is a change (增长12%), not a level.")
    basis: str | None = Field(default=None, description="同比, 环比, 较2022年底 …")


class Indicator(Spanned):
    """A quantity the letter reports or promises."""

    text: str
    value: float
    unit: str | None = None
    per: str | None = Field(default=None, description="Denominator of a rate: 每万人 -> 万人.")
    approx: str | None = Field(default=None, description="余, 多, 近, 约, 左右, 超, 逾, 以上, 以下, 不足, range")
    low: float | None = None
    high: float | None = None
    metric: str | None = None
    as_of: TimeAnchor | None = None
    kind: Literal["achieved", "target", "other"] = "other"
    change: Change | None = None


class Commitment(Spanned):
    """A sentence in which the answering side says what it will do."""

    text: str
    actor: str | None = None
    actions: list[str] = Field(default_factory=list)
    strength: Literal["firm", "plan", "study"] | None = None
    deadline: TimeAnchor | None = None
    targets: list[int] = Field(
        default_factory=list, description="Indexes into the record's indicators that this sentence targets."
    )
    responds_to: TextSpan | None = None


class Record(_Model):
    """One letter in, one record out."""

    id: str = Field(description="Stable hash of the content (decoded text, else raw bytes, else path).")
    schema_version: str = SCHEMA_VERSION
    status: Status = "ok"
    error: ErrorInfo | None = None
    warnings: list[Warning] = Field(default_factory=list)
    source: Source
    doc_type: DocType | None = None
    title: TextSpan | None = None
    issuer: TextSpan | None = None
    banner: TextSpan | None = None
    doc_number: DocNumber | None = None
    reference: Reference | None = None
    addressees: list[Addressee] = Field(default_factory=list)
    date: DateValue | None = None
    handling_result: HandlingResult | None = None
    disclosure: TextSpan | None = None
    contact: Contact | None = None
    sections: list[Section] = Field(default_factory=list)
    cc: TextSpan | None = None
    attachments: list[TextSpan] = Field(default_factory=list)
    indicators: list[Indicator] = Field(default_factory=list)
    commitments: list[Commitment] = Field(default_factory=list)
