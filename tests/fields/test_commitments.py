"""Commitments: the sentence table in tests/cases/commitments.yaml, the marker examples, and the parts
of each commitment (actor, strength, deadline, targets, responds_to)."""

from __future__ import annotations

import functools
from typing import Any

import pytest
import regex
import yaml

from extract import extract_text
from extract.lexicon import examples, load_resource
from extract.models import Record
from tests.conftest import CASES
from tests.spans import assert_spans_grounded

LABELS = regex.compile(r"^(x?)([+#-])\s*(.*?)(?:\s*⇒\s*(.+))?$")


@functools.cache
def _letters() -> dict[str, dict[str, Any]]:
    data = yaml.safe_load((CASES / "commitments.yaml").read_text(encoding="utf-8"))
    return {letter["id"]: letter for letter in data["letters"]}


def _sentence(raw: str) -> tuple[bool, str, str, str | None]:
    m = LABELS.match(raw)
    assert m, f"unlabelled case sentence: {raw!r}"
    return bool(m[1]), m[2], m[3], m[4]


def _letter_text(letter: dict[str, Any]) -> str:
    paragraphs = ["".join(_sentence(s)[2] for s in p) for p in letter["paragraphs"]]
    if letter.get("one_line"):
        line = " ".join(paragraphs)
        return f"关于有关建议的答复\n{letter['salutation']} {line}\n{letter['issuer']} {letter['date']}\n"
    body = "\n\n".join(paragraphs)
    return f"关于有关建议的答复\n\n{letter['salutation']}\n\n{body}\n\n{letter['issuer']}\n\n{letter['date']}\n"


@functools.cache
def _record(letter_id: str) -> Record:
    return extract_text(_letter_text(_letters()[letter_id]))


def _params() -> list[Any]:
    out = []
    for letter_id, letter in _letters().items():
        for p_index, paragraph in enumerate(letter["paragraphs"]):
            for s_index, raw in enumerate(paragraph):
                gap, label, _, _ = _sentence(raw)
                marks = [pytest.mark.xfail(strict=True, reason="known gap")] if gap else []
                params_id = f"{letter_id}-{p_index}.{s_index}{label}"
                out.append(pytest.param(letter_id, raw, id=params_id, marks=marks))
    return out


def _norm_deadline(text: str | None) -> str | None:
    if text is None:
        return None
    text = regex.sub(r"^(?:力争|争取)?(?:截至|到|在|于|从|至)", "", text.strip("“”"))
    return regex.sub(r"(?:以前|之前|前)$", "", text) or None


def test_case_table_is_large_enough() -> None:
    sentences = [s for letter in _letters().values() for p in letter["paragraphs"] for s in p]
    labels = [_sentence(s)[1] for s in sentences]
    assert len(sentences) >= 100
    assert labels.count("+") >= 40 and labels.count("-") >= 40


@pytest.mark.parametrize(("letter_id", "raw"), _params())
def test_sentence(letter_id: str, raw: str) -> None:
    _, label, text, deadline = _sentence(raw)
    record = _record(letter_id)
    assert record.status == "ok", record.error
    found = [c for c in record.commitments if c.text == text]
    if label == "+":
        assert found, f"not found as a commitment: {text}\ngot: {[c.text for c in record.commitments]}"
        got = found[0].deadline.text if found[0].deadline else None
        assert _norm_deadline(got) == _norm_deadline(deadline), f"deadline {got!r}, expected {deadline!r}"
    else:
        overlapping = [c.text for c in record.commitments if text in c.text or c.text in text]
        assert not overlapping, f"taken as a commitment: {overlapping}"


@pytest.mark.parametrize("letter_id", sorted(_letters()))
def test_spans_are_grounded(letter_id: str) -> None:
    record = _record(letter_id)
    source = _letter_text(_letters()[letter_id])
    assert_spans_grounded(record, source)
    for c in record.commitments:
        assert source[c.start:c.end] == c.text


def test_span_maps_back_across_a_page_break() -> None:
    """A sentence that a page break split is joined in the text and quoted whole from the source."""
    letter = ("王一委员：\n\n您的提案收悉。下一步，我委将进一步加强对各区数字化转型工作的统筹指导和督促检查，"
              "不断加强数字产业人才\n\n引育，营造良好的发展生态。\n\n某某市科学技术委员会\n\n2023年5月5日\n")
    record = extract_text(letter)
    assert len(record.commitments) == 1
    c = record.commitments[0]
    assert letter[c.start:c.end].startswith("下一步") and letter[c.start:c.end].endswith("发展生态。")
    assert "\n\n" in letter[c.start:c.end]


ACTOR_LETTER = ("王一委员：\n\n您的提案收悉，经商市公安局，现答复如下：\n\n下一步，我委将加快出台实施细则。"
                "市公安局将加大巡逻力度。同时加强宣传。\n\n条例通过后，市人大常委会将组织开展执法检查。"
                "同时，督促市政府在三个月内出台配套办法。\n\n某某市发展和改革委员会\n\n2023年5月5日\n")


def test_actor_resolves_we_to_the_issuer_and_keeps_other_agencies() -> None:
    record = extract_text(ACTOR_LETTER)
    assert [(c.text, c.actor) for c in record.commitments] == [
        ("下一步，我委将加快出台实施细则。", "某某市发展和改革委员会"),
        ("市公安局将加大巡逻力度。", "市公安局"),
        ("同时加强宣传。", "市公安局"),
        ("条例通过后，市人大常委会将组织开展执法检查。", "市人大常委会"),
        ("同时，督促市政府在三个月内出台配套办法。", "市人大常委会"),  # 督促 is the verb, not the actor
    ]


@pytest.mark.parametrize(("sentence", "strength"), [
    ("下一步，我委将加快出台实施细则。", "firm"),
    ("我委拟于明年启动试点。", "plan"),
    ("力争到2025年建成示范区。", "plan"),
    ("我委计划于年内开工建设。", "plan"),
    ("我们将适时研究出台支持政策。", "study"),
    ("下一步将考虑组织相关单位进行研究。", "study"),
])
def test_strength(sentence: str, strength: str) -> None:
    record = extract_text(f"王一委员：\n\n您的提案收悉。{sentence}\n\n某某局\n\n2023年5月5日\n")
    assert [c.strength for c in record.commitments] == [strength]


def test_actions_are_the_verb_phrases() -> None:
    record = extract_text("王一委员：\n\n您的提案收悉。下一步，我区将继续深化治理数字化转型，创新应用场景，"
                          "实现管理服务双向协同。\n\n某某区科学技术委员会\n\n2023年5月5日\n")
    assert record.commitments[0].actions == ["深化治理数字化转型", "创新应用场景", "实现管理服务双向协同"]


def test_deadline_value_is_resolved_against_the_letter_date() -> None:
    record = extract_text("王一委员：\n\n您的提案收悉。我局计划年内开工，2026年建成投产。\n\n某某局\n\n2023年9月25日\n")
    d = record.commitments[0].deadline
    assert d is not None and (d.text, d.value) == ("年内", "2023-12-31")


def test_responds_to_the_suggestion_heading() -> None:
    letter = ("王一委员：\n\n您的提案收悉，现答复如下：\n\n一、关于“加强人才引育”的建议\n\n我区已出台人才政策。"
              "下一步，我区将研究推行更加开放的引才政策。\n\n二、关于“优化营商环境”的建议\n\n针对委员们提出的“简化审批”的建议。"
              "下一步，我区将推行并联审批。\n\n某某区人民政府\n\n2023年5月5日\n")
    record = extract_text(letter)
    assert [c.responds_to.text if c.responds_to else None for c in record.commitments] == [
        "一、关于“加强人才引育”的建议", "针对委员们提出的“简化审批”的建议"]
    for c in record.commitments:
        assert c.responds_to is not None
        assert letter[c.responds_to.start:c.responds_to.end] == c.responds_to.text


def test_targets_link_target_indicators_inside_the_sentence() -> None:
    record = extract_text("王一委员：\n\n您的提案收悉。全市已建成充电桩5000个。力争到2025年新建充电桩1万个。"
                          "\n\n某某局\n\n2023年5月5日\n")
    assert record.status == "ok", record.error
    c = record.commitments[0]
    inside = [i for i, ind in enumerate(record.indicators)
              if c.start <= ind.start and ind.end <= c.end and ind.kind == "target"]
    assert c.targets == inside == [1]


def test_no_body_no_commitments() -> None:
    assert extract_text("").commitments == []
    assert extract_text("下一步").commitments == [] or extract_text("下一步").status == "ok"


# --- the markers resource: every example of every entry ------------------------------------------

def _marker_examples() -> list[Any]:
    out = []
    for key, entry in load_resource("commitment_markers").items():
        if not isinstance(entry, dict):
            continue
        match, no_match = examples("commitment_markers", key)
        out += [pytest.param(key, text, True, id=f"{key}+{text[:12]}") for text in match]
        out += [pytest.param(key, text, False, id=f"{key}-{text[:12]}") for text in no_match]
    return out


@pytest.mark.parametrize(("key", "text", "expected"), _marker_examples())
def test_marker_examples(key: str, text: str, expected: bool) -> None:
    entry = load_resource("commitment_markers")[key]
    if "pattern" in entry:
        found = regex.search(entry["pattern"], text) is not None
    else:
        found = any(word in text for word in entry["values"])
    assert found is expected


@pytest.mark.parametrize("key", ["courtesy", "directive", "forecast", "suggestion_report", "suggestion_phrase",
                                 "reported_view", "issued_content"])
def test_disable_hints_cover_the_clause_rules(key: str) -> None:
    """A sentence skips the clause checks when it holds no hint word: every example those checks catch holds one."""
    hints = load_resource("commitment_markers")["disable_hints"]["values"]
    for text in examples("commitment_markers", key)[0]:
        assert any(h in text for h in hints), text


def test_event_hints_cover_the_event_deadlines() -> None:
    """A sentence skips the event_deadline pattern when it holds no hint: every example it matches holds one."""
    hints = load_resource("commitment_markers")["event_hints"]["values"]
    for text in examples("commitment_markers", "event_deadline")[0]:
        assert any(h in text for h in hints), text
