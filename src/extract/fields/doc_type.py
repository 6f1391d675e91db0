"""What the letter answers: proposal_reply, suggestion_reply, motion_reply or other_reply."""

from __future__ import annotations

from ..models import Addressee, DocType, Reference


def classify(reference: Reference | None, addressees: list[Addressee]) -> DocType:
    """From the reference's kind, with evidence that a numbered or deputy's item is answered.

    >>> classify(None, [])
    'other_reply'
    """
    if reference is None or reference.kind is None:
        return "other_reply"
    if reference.kind == "议案":
        return "motion_reply"
    numbered = bool(reference.number or reference.body or reference.term)
    roles = {a.role for a in addressees if a.role}
    if reference.kind == "提案":
        return "proposal_reply"
    if numbered or roles & {"代表", "人大代表", "全国人大代表", "省人大代表", "市人大代表", "区人大代表", "县人大代表"}:
        return "suggestion_reply"
    return "other_reply"
