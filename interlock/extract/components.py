"""Our spaCy components, registered by name, each saying what it reads and what it adds.

Each ``interlock_*`` component is made by a ``@Language.factory``, as spaCy's own
``entity_ruler`` and ``span_ruler`` are, declaring ``requires`` (what it reads of the parse
and of the components before it) and ``assigns`` (what it adds), so that
``nlp.analyze_pipes()`` documents the pipeline (docs/extraction.md, "Pipeline
components"). The drafts live in one ``DocState`` on ``doc._.interlock``; what each
component adds to it is also readable through an extension of its own
(``doc._.interlock_entities``, ``doc._.interlock_statements``, ...), which is what the
declarations name.

spaCy's ``token.pos`` is read too, but is not among ``requires``: the model's
``attribute_ruler`` sets it from the tags and declares nothing, so ``analyze_pipes``
would call it missing.

A component that raises on one document hands the error to its error handler, as spaCy's
``TrainablePipe`` does; ours records a coded message (``E101`` ... ``E107``) in the
document's ``errors`` and the rest of the pipeline and of the batch goes on.
``nlp.set_error_handler(spacy.util.raise_error)`` makes them raise instead.

This module does not use postponed annotations: spaCy reads the factories' argument
types at run time to check their configs.
"""

import logging
from collections.abc import Callable
from typing import Any

from spacy.language import Language
from spacy.tokens import Doc

from interlock.extract.state import DocState, get_state

log = logging.getLogger(__name__)

#: a spaCy error handler: (component name, component, documents, exception)
ErrorHandler = Callable[[str, Any, list[Doc], Exception], None]

#: our components in the order they run (their factories' names), each with its error code
COMPONENTS: list[tuple[str, str]] = [
    ("interlock_entities", "E101"),
    ("interlock_times", "E102"),
    ("interlock_attribution", "E103"),
    ("interlock_relations", "E104"),
    ("interlock_events", "E105"),
    ("interlock_modality", "E106"),
    ("interlock_confidence", "E107"),
]
CODES = dict(COMPONENTS)

#: what our components read of the model's parse: tags, dependencies, lemmas, entity types
#: and sentences (the tagger, parser, lemmatizer and NER of the pipeline)
PARSE = ["token.tag", "token.dep", "token.head", "token.lemma", "token.ent_type", "doc.sents"]

#: the extensions that show what our components add to the state, and where in it each is
VIEWS: dict[str, Callable[[DocState], list[Any]]] = {
    "interlock_entities": lambda s: [e for e in s.entities if e.merged_into is None],
    "interlock_times": lambda s: s.times,
    "interlock_attributions": lambda s: s.attributions,
    "interlock_statements": lambda s: s.statements,
    "interlock_events": lambda s: s.events,
    "interlock_opinions": lambda s: s.opinions,
}


def _view(read: Callable[[DocState], list[Any]]) -> Callable[[Doc], list[Any]]:
    def getter(doc: Doc) -> list[Any]:
        state = doc._.interlock
        return read(state) if isinstance(state, DocState) else []

    return getter


for _ext, _read in VIEWS.items():
    if not Doc.has_extension(_ext):
        Doc.set_extension(_ext, getter=_view(_read))

ENTITIES = "doc._.interlock_entities"
TIMES = "doc._.interlock_times"
ATTRIBUTIONS = "doc._.interlock_attributions"
STATEMENTS = "doc._.interlock_statements"
EVENTS = "doc._.interlock_events"
OPINIONS = "doc._.interlock_opinions"


def record_error(name: str, proc: Any, docs: list[Doc], exc: Exception) -> None:
    """Our components' error handler: a coded message in each document's ``errors``, and on."""
    code = getattr(proc, "code", CODES.get(name, "E100"))
    for doc in docs:
        state = get_state(doc)
        log.info("%s %s failed on document %r: %s", code, name, state.doc_id, exc)
        state.errors.append(f"{code} {name} failed: {type(exc).__name__}: {exc}")


class Step:
    """One of our components: a step over the document and its state, and an error handler."""

    def __init__(self, name: str, code: str, step: Callable[[Doc, DocState], None]) -> None:
        self.name = name
        self.code = code
        self.step = step
        self.error_handler: ErrorHandler = record_error

    def __call__(self, doc: Doc) -> Doc:
        """Run the step; an exception goes to the error handler (by default, recorded)."""
        state = get_state(doc)
        try:
            self.step(doc, state)
        except Exception as exc:  # noqa: BLE001 - the handler decides; ours keeps the batch going
            self.error_handler(self.name, self, [doc], exc)
        return doc

    def set_error_handler(self, error_handler: ErrorHandler) -> None:
        """Use another error handler (``nlp.set_error_handler`` calls this)."""
        self.error_handler = error_handler

    def get_error_handler(self) -> ErrorHandler:
        """The error handler in use."""
        return self.error_handler


def _entities(doc: Doc, state: DocState) -> None:
    from interlock.extract import entities

    entities.build_entities(doc, state)


def _times(doc: Doc, state: DocState) -> None:
    from interlock.extract import times

    state.times = times.find_timexes(doc, state.published)


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


def _attribution(model: dict[str, Any]) -> Callable[[Doc, DocState], None]:
    def step(doc: Doc, state: DocState) -> None:
        from interlock.extract.attribution import claims, sources, speech

        state.attributions = speech.colon_quotes(doc, state, speech.find_attributions(doc, model))
        sources.link_sources(doc, state)
        claims.prune(doc, state)

    return step


@Language.factory(
    "interlock_entities",
    requires=[*PARSE, "doc.ents", "token.ent_iob", "token.is_sent_start"],
    assigns=[ENTITIES],
)
def make_entities(nlp: Language, name: str) -> Step:
    """Entity clusters with their mentions (names, short names, acronyms, nominals, pronouns),
    the outlet of a closing ``Source » outlet`` line and the dateline. Word lists:
    ``interlock/vocab/lexicon.yaml``."""
    return Step(name, CODES["interlock_entities"], _entities)


@Language.factory("interlock_times", requires=PARSE, assigns=[TIMES])
def make_times(nlp: Language, name: str) -> Step:
    """TIMEX3 expressions with their values, anchored on the publication date."""
    return Step(name, CODES["interlock_times"], _times)


@Language.factory(
    "interlock_attribution",
    requires=[*PARSE, "token.is_sent_start", ENTITIES],
    assigns=[ATTRIBUTIONS, ENTITIES],
    default_config={"model": None},
)
def make_attribution(nlp: Language, name: str, model: str | None) -> Step:
    """Quotes and reported speech with source, cue and content; speakers linked to entities.
    ``model``: the cue model's file (by default ``interlock/models/attribution.json``),
    read when the component is made."""
    from interlock.extract.attribution import load_model

    return Step(name, CODES["interlock_attribution"], _attribution(load_model(model)))


@Language.factory(
    "interlock_relations",
    requires=[*PARSE, "token.ent_iob", ENTITIES, TIMES, ATTRIBUTIONS],
    assigns=[STATEMENTS, ENTITIES],
)
def make_relations(nlp: Language, name: str) -> Step:
    """Statements: positions, memberships, backing, candidacies, ... (and the organisations
    and countries they name, as entities)."""
    return Step(name, CODES["interlock_relations"], _relations)


@Language.factory(
    "interlock_events",
    requires=[*PARSE, "token.ent_iob", ENTITIES, TIMES, ATTRIBUTIONS, STATEMENTS],
    assigns=[EVENTS, STATEMENTS, ENTITIES, ATTRIBUTIONS],
)
def make_events(nlp: Language, name: str) -> Step:
    """Meetings, appointments, agreements, resignations, elections, ...; ``met_with``
    statements."""
    return Step(name, CODES["interlock_events"], _events)


@Language.factory(
    "interlock_modality",
    requires=[*PARSE, "token.ent_iob", ATTRIBUTIONS, STATEMENTS, EVENTS],
    assigns=[STATEMENTS, EVENTS, OPINIONS],
)
def make_modality(nlp: Language, name: str) -> Step:
    """The modality and attribution of every statement and event; the author's opinions."""
    return Step(name, CODES["interlock_modality"], _modality)


@Language.factory(
    "interlock_confidence",
    requires=[*PARSE, "token.ent_iob", ENTITIES, ATTRIBUTIONS, STATEMENTS, EVENTS],
    assigns=[STATEMENTS, EVENTS, ATTRIBUTIONS],
)
def make_confidence(nlp: Language, name: str) -> Step:
    """Page furniture removed; a confidence for every statement and meeting
    (``interlock/models/statement_confidence.json``, docs/confidence.md)."""
    return Step(name, CODES["interlock_confidence"], _confidence)
