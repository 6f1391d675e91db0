"""Validate: cross-checks between fields, reported as warnings on the record."""

from __future__ import annotations

from .models import DateValue, DocNumber, Reference, Warning

# First session year of national terms: the 9th NPC/CPPCC met first in 1998, a term lasts five years.
_NATIONAL_FIRST_TERM, _NATIONAL_FIRST_YEAR = 9, 1998


def national_session_year(term: int, session: int) -> int | None:
    """The year a national (全国人大/全国政协) session met: 十二届五次 -> 2017.

    >>> national_session_year(12, 5)
    2017
    """
    if term < _NATIONAL_FIRST_TERM or not 1 <= session <= 5:
        return None
    return _NATIONAL_FIRST_YEAR + 5 * (term - _NATIONAL_FIRST_TERM) + session - 1


def cross_check(doc_number: DocNumber | None, date: DateValue | None,
                reference: Reference | None) -> list[Warning]:
    """Warnings for fields that disagree with each other."""
    out: list[Warning] = []
    year = int(date.value[:4]) if date else None
    if doc_number and doc_number.year and year and doc_number.year not in (year, year - 1):
        out.append(Warning(code="W_DOCNO_YEAR_MISMATCH", field="doc_number",
                           message=f"document number year {doc_number.year} but letter dated {date.value}"))  # type: ignore[union-attr]
    if reference and reference.number and reference.term and reference.session and len(reference.number) >= 6:
        prefix = f"{reference.term}{reference.session}"
        if reference.number.startswith(str(reference.term)) and not reference.number.startswith(prefix):
            out.append(Warning(code="W_REFERENCE_NUMBER_SESSION", field="reference",
                               message=f"number {reference.number} does not encode term/session {prefix}"))
    if reference and reference.body and reference.body.startswith("全国") and reference.term \
            and reference.session and year:
        met = national_session_year(reference.term, reference.session)
        if met and year < met:
            out.append(Warning(code="W_DATE_BEFORE_SESSION", field="date",
                               message=f"letter dated {year} but the session met in {met}"))
    return out


def missing(**fields: object) -> list[Warning]:
    """A W_NOT_FOUND warning for each field that is None."""
    return [Warning(code="W_NOT_FOUND", field=name, message=f"no {name} found in the letter")
            for name, value in fields.items() if value is None]
