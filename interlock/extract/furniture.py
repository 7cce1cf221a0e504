"""Page furniture: the lines of a web page that are not the story.

Photo captions and credits, bylines, "Read more" and related-article lists,
share and subscribe prompts, copyright lines and bare timestamps are kept in
the stored text (offsets stay true) but are not news: nothing said there is a
statement, an event or a speaker. ``furniture_spans`` finds those lines;
``prune`` drops what the other components found inside them.
"""

from __future__ import annotations

import re

from interlock.extract.state import DocState

_LINE = re.compile(r"[^\n]+")
#: whole lines that are page furniture, by how they start
_STARTS = re.compile(
    r"^\s*(?:read\s+(?:also|more)\b|also\s+read\b|related(?:\s+(?:articles?|stories|news|content|coverage))?\s*:?\s*$|"
    r"recommended\b|advertisement\b|sponsored\b|follow\s+us\b|subscribe\b|sign\s+up\b|share\b|comments?\b|"
    r"photos?\s*(?::|by\b|credit)|file\s+photo\b|image\s*(?::|credit|$)|images?\s*$|credits?\s*:|©|\(c\)\s|"
    r"copyright\b|all\s+rights\s+reserved|published\s*:?\s+(?:on\s+)?\w+\s+\d|updated\s*:?\s+(?:on\s+)?\w+\s+\d|"
    r"last\s+updated\b|click\s+here\b|watch\s*:|listen\s*:|tags?\s*:|topics?\s*:|download\s+the\b|"
    r"get\s+(?:the\s+)?[\w' ]{1,40}\s+(?:app|on\s+your\s+phone)\b)",
    re.IGNORECASE,
)
#: a byline: "By Jane Doe", "By Jane Doe and John Roe", "By AFP"
_BYLINE = re.compile(r"^\s*[Bb][Yy]\s+(?:[A-Z][\w.'’-]*\s*){1,4}(?:(?:and|&|,)\s+(?:[A-Z][\w.'’-]*\s*){1,4})*$")
#: a caption's credit: "... (Photo: X / AFP)", "... / Reuters", "via Getty Images"
_CREDIT = re.compile(
    r"(?:\((?:photo|picture|image|file)[^)]*\)|\bphoto(?:graph)?\s*(?::|by)\s|/\s*(?:AFP|Reuters|AP|Getty|EPA|Anadolu)\b|"
    r"\bvia\s+Getty\s+Images\b|\bGetty\s+Images\b)",
    re.IGNORECASE,
)
#: a caption that starts with its label and goes on to describe the picture
_CAPTION = re.compile(r"^\s*(?:photos?|image|file\s+photo)\s*:", re.IGNORECASE)
#: a line that is only a date or a time: "Oct 26, 2021", "12:30 GMT", "2021-10-26 14:02"
_TIMESTAMP = re.compile(
    r"^\s*(?:\w+,?\s+)?(?:\d{1,2}\s+\w+|\w+\s+\d{1,2}),?\s+\d{4}(?:\s*[,|-]?\s*\d{1,2}[:.]\d{2}\s*(?:[ap]\.?m\.?|gmt|utc)?)?\s*$|"
    r"^\s*\d{1,2}[:.]\d{2}\s*(?:[ap]\.?m\.?)?\s*(?:gmt|utc|[A-Z]{2,4})?\s*$|^\s*\d{4}-\d{2}-\d{2}(?:[ T]\d{2}:\d{2}(?::\d{2})?)?\s*$",
    re.IGNORECASE,
)


def furniture_spans(text: str) -> list[tuple[int, int]]:
    """The (start, end) offsets of every furniture line of a page's text."""
    spans: list[tuple[int, int]] = []
    for match in _LINE.finditer(text):
        line = match.group()
        if not line.strip():
            continue
        # a caption that describes what happened ("Photo: X meets Y in Z") stays news;
        # a credit, a label or a prompt is short
        short = len(line.split()) <= 12
        if (
            (_STARTS.match(line) and (short or not _CAPTION.match(line)))
            or _BYLINE.match(line)
            or _TIMESTAMP.match(line)
            or (short and _CREDIT.search(line) and len(_CREDIT.sub(" ", line).split()) < 5)
        ):
            spans.append((match.start(), match.end()))
    return spans


def inside(spans: list[tuple[int, int]], offset: int | None) -> bool:
    """True when an offset lies on a furniture line."""
    return offset is not None and any(start <= offset < end for start, end in spans)


def prune(state: DocState) -> None:
    """Drop the statements, events and attributions found on furniture lines, and the
    mentions there (an entity named only in a caption leaves the output)."""
    spans = furniture_spans(state.text)
    if not spans:
        return
    state.furniture = spans
    state.statements = [s for s in state.statements if not inside(spans, s.evidence[0])]
    state.events = [e for e in state.events if not inside(spans, e.trigger[0])]
    state.drop_attributions([a for a in state.attributions if inside(spans, a.cue[0])])
    for ent in state.live_entities():
        if ent is not state.outlet_entity:
            ent.mentions = [m for m in ent.mentions if not inside(spans, m.start)]
    used = {id(s.subject.resolved()) for s in state.statements}
    used |= {id(s.object.resolved()) for s in state.statements if s.object is not None}
    for ent in state.live_entities():
        if not ent.mentions and id(ent) in used and ent is not state.outlet_entity:
            # still the subject or object of a statement outside furniture: keep nothing broken
            state.statements = [
                s for s in state.statements
                if s.subject.resolved() is not ent and (s.object is None or s.object.resolved() is not ent)
            ]
