"""Reading JSON lines that may hold anything: one bad record never costs the batch.

Lines are split on ``\\n`` only (U+2028, U+2029 and U+0085 are valid inside JSON
strings, and ``str.splitlines`` would cut a record there), each line is decoded
on its own (one line that is not UTF-8 is one error, not a lost file), and
parsing errors of every kind, nesting too deep included, come back as one line
naming the file and its true line number.
"""

from __future__ import annotations

import json
import re
import unicodedata
from collections.abc import Iterator
from typing import Any

from interlock.errors import BadInput

_SURROGATE = re.compile("[\ud800-\udfff]")


def lines(data: bytes, name: str) -> Iterator[tuple[int, str | BadInput]]:
    """(line number, text or ``BadInput``) for each non-blank line of ``data``."""
    for n, raw in enumerate(data.split(b"\n"), start=1):
        if n == 1 and raw.startswith(b"\xef\xbb\xbf"):
            raw = raw[3:]
        raw = raw.removesuffix(b"\r")
        if not raw.strip():
            continue
        try:
            text = raw.decode("utf-8")
        except UnicodeDecodeError as exc:
            yield n, BadInput(f"{name} line {n}", f"is not UTF-8 text (byte {exc.start + 1} of the line)")
            continue
        yield n, text


def loads(text: str, where: str) -> Any | BadInput:
    """The JSON value of ``text``, or a ``BadInput`` saying why it is not one."""
    try:
        value = json.loads(text)
    except json.JSONDecodeError as exc:
        return BadInput(where, f"is not valid JSON ({exc.msg} at column {exc.colno})")
    except RecursionError:
        return BadInput(where, "is JSON nested too deeply to read")
    except ValueError as exc:  # e.g. a number too long to convert
        return BadInput(where, f"is not valid JSON ({exc})")
    problem = surrogate_problem(value)
    if problem:
        return BadInput(where, problem)
    return value


def surrogate_problem(value: Any, _depth: int = 0) -> str | None:
    """Why a parsed value cannot be stored as text (a lone surrogate in a string), or None."""
    if isinstance(value, str):
        m = _SURROGATE.search(value)
        if m:
            return (f"holds a lone surrogate (U+{ord(m.group()):04X}) at character {m.start() + 1} "
                    "of a string; it is not text")
        return None
    if _depth > 200:
        return None
    if isinstance(value, dict):
        for k, v in value.items():
            found = surrogate_problem(k, _depth + 1) or surrogate_problem(v, _depth + 1)
            if found:
                return found
    elif isinstance(value, list):
        for v in value:
            found = surrogate_problem(v, _depth + 1)
            if found:
                return found
    return None


def text_problem(text: Any) -> str | None:
    """Why a record's text cannot be extracted (missing, empty, only control characters), or None."""
    if not isinstance(text, str):
        return None  # the extractor names a missing or non-string text itself
    if _SURROGATE.search(text):
        return "has a text with a lone surrogate in it; it is not text"
    if not any(not ch.isspace() and unicodedata.category(ch)[0] != "C" for ch in text):
        return "has an empty text (nothing but spaces or control characters)" if text else "has an empty text"
    return None
