"""Every word list in resources/ loads, and its examples agree with it."""

from importlib import resources

import pytest
import regex
import yaml

from extract.lexicon import ResourceError, alternation, examples, load_resource, words

RESOURCE_FILES = sorted(p.name[:-5] for p in resources.files("extract").joinpath("resources").iterdir()
                        if p.name.endswith(".yaml"))


def _lists():
    for name in RESOURCE_FILES:
        for key, value in load_resource(name).items():
            if isinstance(value, dict) and "values" in value:
                yield name, key


@pytest.mark.parametrize("name", RESOURCE_FILES)
def test_resource_loads(name):
    assert isinstance(load_resource(name), dict)


ANCHORS = {"end": "(?:{})$", "start": "^(?:{})", "full": "^(?:{})$", "anywhere": "(?:{})"}


@pytest.mark.parametrize("name, key", list(_lists()))
def test_examples_agree_with_the_word_list(name, key):
    """Match examples hold a listed word where the list's `anchor` says (end, start, full, anywhere:
    the default); no_match examples do not."""
    anchor = load_resource(name)[key].get("anchor", "anywhere")
    pattern = regex.compile(ANCHORS[anchor].format(alternation(name, key)))
    match, no_match = examples(name, key)
    for word in match:
        assert pattern.search(word), f"{name}.{key}: {word!r} should match"
    for word in no_match:
        assert not pattern.search(word), f"{name}.{key}: {word!r} should not match"


def test_word_lists_are_longest_first():
    listed = words("agencies", "agency_suffixes")
    assert list(listed) == sorted(listed, key=lambda w: (-len(w), w))


def test_a_broken_list_is_a_coded_error(monkeypatch):
    monkeypatch.setattr("extract.lexicon.load_resource", lambda name: {"bad": [1, ""]})
    with pytest.raises(ResourceError, match="E004"):
        words("x", "bad")


def test_resources_are_plain_yaml():
    for name in RESOURCE_FILES:
        text = resources.files("extract").joinpath("resources", f"{name}.yaml").read_text(encoding="utf-8")
        assert isinstance(yaml.safe_load(text), dict)
