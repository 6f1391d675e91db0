"""Masks: every rule of resources/masks.yaml claims its match examples and nothing of its no_match ones."""

from __future__ import annotations

import re

import pytest
import regex

from extract.lexicon import load_resource
from extract.masks import after_number_rules, find_masks, rules

_MARKED = re.compile(r"\[([^\[\]]*(?:\[[^\[\]]*\][^\[\]]*)*)\]")


def _marked(example: str) -> tuple[str, list[tuple[int, int]]]:
    """'大渡河路[1668号]' -> ('大渡河路1668号', [(4, 9)]); brackets that belong to the text stay (冀[[2022]147号])."""
    spans, out, pos = [], [], 0
    for m in _MARKED.finditer(example):
        out.append(example[pos:m.start()])
        start = sum(map(len, out))
        out.append(m.group(1))
        spans.append((start, start + len(m.group(1))))
        pos = m.end()
    out.append(example[pos:])
    return "".join(out), spans


def _examples():
    data = load_resource("masks")
    for section in ("after_number", "patterns"):
        for name, spec in data[section].items():
            for example in spec.get("match", []):
                yield pytest.param(section, name, example, True, id=f"{name}-match-{example}")
            for example in spec.get("no_match", []):
                yield pytest.param(section, name, example, False, id=f"{name}-no_match-{example}")


def _rule(section: str, name: str):
    pool = after_number_rules() if section == "after_number" else rules()
    return next(r for r in pool if r.name == name)


@pytest.mark.parametrize("section, name, example, should", list(_examples()))
def test_rule_examples(section, name, example, should):
    rule = _rule(section, name)
    text, spans = _marked(example) if should else (example, [])
    claimed = [(m.start(), m.end()) for m in rule.pattern.finditer(text)
               if not (rule.before and not rule.before.search(text[max(0, m.start() - 8):m.start()]))
               and not (rule.context and not rule.context.search(text, max(0, m.start() - 40), m.start()))]
    if should:
        assert spans, f"{name}: example {example!r} marks nothing"
        for s, e in spans:
            assert any(cs <= s and e <= ce for cs, ce in claimed), f"{name}: {text[s:e]!r} not claimed in {text!r}"
    else:
        assert not claimed, f"{name}: claimed {[text[s:e] for s, e in claimed]} in {text!r}"


def test_after_number_rules_agree_when_joined():
    """The joined pattern claims what each rule claims on its own (order decides between rules only)."""
    for rule in after_number_rules():
        spec = load_resource("masks")["after_number"][rule.name]
        for example in spec.get("match", []):
            text, spans = _marked(example)
            claimed = [(m.start, m.end) for m in find_masks(text)]
            for s, e in spans:
                assert any(cs <= s and e <= ce for cs, ce in claimed), f"{rule.name}: {text[s:e]!r} in {text!r}"


@pytest.mark.parametrize("text, claimed", [
    ("一是截至2023年一季度末累计开通5G室外基站2473个", ["一是", "2023年", "一季度末", "5G"]),
    ("您提出的三点建议，我们针对三方面问题逐一研究", ["三点", "三方面"]),
    ("根据某政发〔2023〕15号文件，拨打010-12345678", ["〔2023〕15号", "15号文件", "010-12345678"]),
    ("在“十四五”时期推进“一网通办”", ["“十四五”", "“一网通办”", "十四五", "一网通办"]),
    ("发布《支持发展十二条》", ["《支持发展十二条》"]),
    ("建立“3+5+X”体系和两区三中心", ["“3+5+X”", "3+5+X", "两区三中心"]),
])
def test_find_masks(text, claimed):
    got = [m.text for m in find_masks(text)]
    for part in claimed:
        assert part in got, (part, got)


def test_windows_give_the_same_masks_near_numbers():
    text = "一是截至2023年一季度末累计开通5G室外基站2473个，二是新建公园3个"
    whole = {(m.start, m.end) for m in find_masks(text)}
    windowed = {(m.start, m.end) for m in find_masks(text, windows=[(0, 20), (22, len(text))])}
    assert windowed <= whole and ((0, 2) in windowed)


def test_no_mask_is_empty_and_spans_are_ordered():
    text = "2022年8月24日，第152086号提案，5G，(1)，第一批，首个，三点建议"
    masks = find_masks(text)
    assert all(m.end > m.start and text[m.start:m.end] == m.text for m in masks)
    assert masks == sorted(masks, key=lambda m: (m.start, -m.end))


def test_patterns_compile_as_data():
    for rule in rules() + after_number_rules():
        assert isinstance(rule.pattern, (regex.Pattern, re.Pattern))
