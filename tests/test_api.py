"""The library surface (docs/api.md): the documented example runs and prints what the page says,
and every name ``interlock`` offers is there, documented, and the functions the page names."""

from __future__ import annotations

import contextlib
import inspect
import io
import re

import pytest

import interlock
from tests.helpers import REPO

PAGE = REPO / "docs" / "api.md"


def example() -> tuple[str, str]:
    """The page's example (its first Python block) and the output it shows (the text block after)."""
    text = PAGE.read_text(encoding="utf-8")
    found = re.search(r"```python\n(.*?)```.*?```text\n(.*?)```", text, re.S)
    assert found, "docs/api.md has no ```python example followed by its ```text output"
    return found.group(1), found.group(2)


@pytest.mark.slow
def test_the_example_prints_what_the_page_shows() -> None:
    code, shown = example()
    out = io.StringIO()
    with contextlib.redirect_stdout(out):
        exec(compile(code, str(PAGE), "exec"), {"__name__": "docs_api_example"})  # noqa: S102 - our own page
    assert out.getvalue() == shown, "docs/api.md shows another output than its example prints; update the page"


def test_every_public_name_is_there_and_documented() -> None:
    for name in interlock.__all__:
        value = getattr(interlock, name)
        if inspect.isfunction(value) or inspect.isclass(value) or inspect.ismodule(value):
            assert (value.__doc__ or "").strip(), f"interlock.{name} has no docstring"
    page = PAGE.read_text(encoding="utf-8")
    missing = [name for name in interlock.__all__ if not name.startswith("__") and f"{name}`" not in page and f"interlock.{name}(" not in page]
    assert missing == [], f"docs/api.md does not list {missing}"


def test_query_and_errors_come_on_first_use() -> None:
    from interlock import lookup, query

    assert interlock.query is query
    assert interlock.NotFound is lookup.NotFound and interlock.Ambiguous is lookup.Ambiguous
    assert issubclass(interlock.NotFound, interlock.InterlockError)
    with pytest.raises(AttributeError):
        _ = interlock.no_such_name  # type: ignore[attr-defined]


def test_extract_and_extract_text_give_the_same_document() -> None:
    text = "Mara Velton, the finance minister of Oskaria, resigned on Monday."
    plain = interlock.extract_text(text, published="2027-03-04")
    assert plain.to_dict() == interlock.extract(text, published="2027-03-04").to_dict()
    assert any(e.name == "Mara Velton" for e in plain.entities)
