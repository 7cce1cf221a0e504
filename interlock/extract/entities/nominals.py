"""Role nominals: unnamed people known by their role ("the ambassador to Iraq").

Reads the parse (``token.pos``, ``token.tag``, ``token.dep``, ``token.head``,
``token.lemma``, ``token.ent_type``) and the entities found so far. Adds to
``state.entities`` a person for each noun phrase headed by a role noun, with the phrase
as its descriptor, anonymous until coreference joins it to a name; a title right before
a known name becomes a nominal mention of that person instead. ``nominal_span`` and
``descriptor_text`` give a role noun's phrase and its description.
"""

from __future__ import annotations

from spacy.tokens import Doc, Span, Token

from interlock.extract.lexicon import ROLE_NOUNS
from interlock.extract.state import DocState
from interlock.vocab.words import word_set

#: nouns after "in"/"at" that make the phrase part of a post ("a candidate in the election")
_POST_CONTEXTS = word_set("entities", "post_contexts")


def _role_nominals(doc: Doc, state: DocState, body_end: int) -> None:
    """Noun phrases headed by a role noun become person mentions (named or unnamed)."""
    for token in doc:
        if token.idx >= body_end or token.pos_ not in ("NOUN", "PROPN"):
            continue
        if token.lower_ not in ROLE_NOUNS and token.lemma_.lower() not in ROLE_NOUNS:
            continue
        if token.dep_ == "compound" and token.head.pos_ in ("PROPN", "NOUN"):
            continue  # "analyst" in "Political analyst Ahmad al-Khafaji": a title
        if token.ent_type_ and token.ent_type_ not in ("PERSON",):
            continue
        if token.tag_ in ("NNS", "NNPS") and token.lower_ not in ("sources", "officials"):
            continue  # plural groups ("members of X") are not one person
        span = nominal_span(token)
        if span is None or state.entity_at(span.start_char, span.end_char, exact=True):
            continue
        if token.text[:1].isupper() and _within_name(state, span):
            continue  # "Sultan Qaboos" inside the name "Sultan Qaboos bin Said"
        titled = _title_of_name(state, span, token)
        if titled is not None:
            continue
        ent = state.new_entity("PERSON", span.start_char, span.end_char, span.text, "nominal")
        ent.descriptors.append(descriptor_text(span))
        ent.anonymous = True  # unnamed until coreference joins it to a name


def _within_name(state: DocState, span: Span) -> bool:
    """Whether the span lies inside a person's name already found (a monarch's title kept in it)."""
    ent = state.entity_at(span.start_char, span.end_char)
    return ent is not None and ent.label == "PERSON" and any(
        m.kind == "name" and m.start <= span.start_char and span.end_char <= m.end
        and (m.end - m.start) > (span.end_char - span.start_char) for m in ent.mentions)


def _title_of_name(state: DocState, span: Span, head: Token) -> bool | None:
    """"Former mayor of X Mohammad-Reza Sadeghpour": a title before a name, not another person.

    The title becomes a nominal mention of the named person; returns None when the
    phrase holds no person's name after its head.
    """
    doc = span.doc
    names = [
        (m, e) for m, e in state.mentions_in(head.idx + len(head.text), span.end_char)
        if e.label == "PERSON" and m.kind == "name" and m.end == span.end_char
    ]
    if not names:
        return None
    mention, person = names[0]
    before = doc.char_span(mention.start, mention.end, alignment_mode="expand")
    if before is None or before.start == 0 or doc[before.start - 1].pos_ in ("ADP", "DET", "PUNCT"):
        return None  # "the governor of Nineveh": the name is the object of the title
    title = doc.char_span(span.start_char, mention.start, alignment_mode="contract")
    if title is None or not len(title):
        return None
    end = title.end
    while end > title.start and (doc[end - 1].is_punct or doc[end - 1].is_space):
        end -= 1
    title = doc[title.start : end]
    state.add_mention(person, title.start_char, title.end_char, title.text, "nominal")
    person.resolved().descriptors.append(descriptor_text(title))
    return True


def nominal_span(head: Token) -> Span | None:
    """The noun phrase of a role noun: determiner, modifiers and "of/to/for" phrases."""
    doc = head.doc
    left = head.i
    for child in head.lefts:
        if child.dep_ in ("det", "amod", "compound", "nmod", "poss", "nummod", "advmod", "case"):
            left = min(left, child.left_edge.i)
    right = head.i
    for child in head.rights:
        if child.dep_ == "prep" and child.lower_ in ("of", "to", "for"):
            right = max(right, child.right_edge.i)
        elif child.dep_ == "prep" and child.lower_ in ("in", "at", "from", "on"):
            # "the ambassador in Baghdad" names a post; "the ambassador in such meetings" does not
            objects = [c for c in child.children if c.dep_ == "pobj"]
            if objects and (
                objects[0].ent_type_ in ("GPE", "LOC", "ORG", "FAC", "NORP")
                or objects[0].lemma_.lower() in _POST_CONTEXTS
            ):
                right = max(right, child.right_edge.i)
        elif child.dep_ in ("compound", "amod") and child.i == right + 1:
            right = child.i
    while right > head.i and (doc[right].is_punct or doc[right].dep_ in ("cc", "punct")):
        right -= 1
    # a relative clause or apposition is not part of the name
    for t in doc[head.i + 1 : right + 1]:
        if t.dep_ in ("relcl", "acl", "appos") and left <= t.head.i <= right:
            right = min(right, t.left_edge.i - 1)
            break
    while right > head.i and (doc[right].is_punct or doc[right].dep_ == "cc"):
        right -= 1
    for k in range(head.i - 1, left - 1, -1):
        if "\n" in doc[k].text or "\n" in doc[k].whitespace_:
            left = k + 1  # a line break ends the headline before it
            break
    for k in range(head.i, right):
        if "\n" in doc[k].whitespace_ or "\n" in doc[k + 1].text:
            right = k
            break
    if left > head.i or right < head.i:
        return None
    return doc[left : right + 1]


def descriptor_text(span: Span) -> str:
    """The role description without a leading article ("Iranian ambassador to Iraq")."""
    words = span.text
    for article in ("the ", "The ", "a ", "A ", "an ", "An "):
        if words.startswith(article):
            return words[len(article) :]
    return words
