"""The examples in the package's docstrings run and hold."""

import doctest
import importlib
import pkgutil

import pytest

import extract

MODULES = sorted(m.name for m in pkgutil.walk_packages(extract.__path__, "extract.")
                 if not m.name.endswith("__main__"))


@pytest.mark.parametrize("name", ["extract", *MODULES])
def test_docstring_examples(name):
    module = importlib.import_module(name)
    result = doctest.testmod(module, optionflags=doctest.ELLIPSIS | doctest.NORMALIZE_WHITESPACE)
    assert result.failed == 0
