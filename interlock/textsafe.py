"""Terminal safety: text from documents, outlets, names and registries is shown, never obeyed.

``escape`` turns every control character (C0 but newline and tab, DEL, C1),
bidirectional override and line or paragraph separator into a visible
``\\uXXXX``, which is also a valid JSON escape of the same character, so JSON
output stays valid and means the same. ``EscapingStream`` applies it to all
that a command writes. ``clean_name`` normalises an extracted name so that no
name is stored with an escape sequence, or a piece of one, inside it.
"""

from __future__ import annotations

import re
from typing import Any, TextIO

from interlock.model import ExtractedDocument

_UNSAFE = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f\u200e\u200f\u2028\u2029\u202a-\u202e\u2066-\u2069]")
#: whole escape sequences: CSI (ESC [ or U+009B ... final), OSC/DCS/PM/APC/SOS (... BEL or ST)
_SEQUENCE = re.compile(
    r"(?:\x1b\[|\x9b)[0-?]*[ -/]*[@-~]"
    r"|(?:\x1b[\]PX^_]|[\x90\x98\x9d\x9e\x9f])[^\x07\x1b\x9c]*(?:\x07|\x1b\\|\x9c)"
)
#: a sequence cut off by the end of the name, or a two-character one (ESC and one more)
_PARTIAL = re.compile(r"(?:\x1b\[|\x9b)[0-?]*[ -/]*$|(?:\x1b[\]PX^_]|[\x90\x98\x9d\x9e\x9f]).*$|\x1b.?")
_CONTROLS = re.compile("[\x00-\x1f\x7f-\x9f\u200e\u200f\u2028\u2029\u202a-\u202e\u2066-\u2069]")


def escape(text: str) -> str:
    """``text`` with every character a terminal could obey shown as ``\\uXXXX``."""
    if not _UNSAFE.search(text):
        return text
    return _UNSAFE.sub(lambda m: f"\\u{ord(m.group()):04x}", text)


def clean_name(name: str) -> str:
    """A name without escape sequences (whole or cut) or control characters, spaces collapsed."""
    if not _CONTROLS.search(name):
        return name
    had_escape = "\x1b" in name or "\x9b" in name
    cleaned = _SEQUENCE.sub(" ", name)
    if had_escape:
        cleaned = _PARTIAL.sub(" ", cleaned)
    cleaned = _CONTROLS.sub(" ", cleaned)
    return " ".join(cleaned.split()) or "(unnamed)"


def clean_names(doc: ExtractedDocument) -> ExtractedDocument:
    """The document with every entity name cleaned (``clean_name``), in place."""
    for ent in doc.entities:
        if _CONTROLS.search(ent.name):
            ent.name = clean_name(ent.name)
    return doc


class EscapingStream:
    """A text stream that writes through ``escape``; everything else is the wrapped stream's."""

    def __init__(self, stream: TextIO) -> None:
        self._stream = stream

    def write(self, text: str) -> int:
        if not isinstance(text, str):
            raise TypeError("EscapingStream writes text")
        self._stream.write(escape(text))
        return len(text)

    def writelines(self, lines: Any) -> None:
        for line in lines:
            self.write(line)

    def writable(self) -> bool:
        return True

    def __getattr__(self, name: str) -> Any:
        if name == "buffer":  # no raw way round the escaping
            raise AttributeError(name)
        return getattr(self._stream, name)
