"""Runs of capitalised words the model missed or cut short, made entities.

Reads the tokens (``token.ent_type``, ``token.dep``, ``token.head``, ``token.lemma``)
and the entities found so far. Adds to ``state.entities``: a place named after a
lower-case Arabic article ("in as-Suweida"); a run labelled by its last or first word,
by a Persian ezafe, or as the subject of saying; the owner the model missed before a
title and a name ("Gazprom Chairman Y"). Repairs the mentions a run overlaps: a
hyphenated name cut at the hyphen grows, one name read as two becomes one.
"""

from __future__ import annotations

from spacy.tokens import Doc, Span

from interlock.extract import roles
from interlock.extract.entities.labels import _office_label
from interlock.extract.entities.words import (
    _CONNECTORS,
    _SPEECH_OR_ACTION,
    _cap,
    _past_titles,
    _title_word,
)
from interlock.extract.lexicon import (
    ARABIC_ORG_WORDS,
    ARABIC_PLACE_WORDS,
    DEMONYMS,
    GIVEN_NAMES,
    NAME_PARTICLES,
    ORG_HEADS,
    PLACE_HEADS,
)
from interlock.extract.state import DocState
from interlock.vocab.words import word_set

#: Persian ezafe particles, hyphened inside a name ("Shahr-e Kavir", "Neda-ye Mellat")
_EZAFE = word_set("entities", "ezafe")


def _name_run_end(doc: Doc, i: int) -> int:
    """The end of a run of capitalised words joined by hyphens, particles or "of the"."""
    n = len(doc)
    j = i + 1
    while j < n:
        u = doc[j]
        prev = doc[j - 1]
        if _cap(u) and u.lower_ not in ("i",):
            j += 1
        elif u.text == "-" and not prev.whitespace_ and j + 1 < n and doc[j + 1].is_alpha and not u.whitespace_:
            j += 1
        elif (u.lower_ in NAME_PARTICLES or u.lower_ in _EZAFE) and prev.text == "-" and not prev.whitespace_:
            j += 1
        elif u.lower_ in NAME_PARTICLES and j + 1 < n and doc[j + 1].text == "-":
            j += 1
        elif u.lower_ in _CONNECTORS and j + 1 < n and (_cap(doc[j + 1]) or doc[j + 1].lower_ == "the"):
            j += 1
        else:
            break
    if doc[i].lower_ in GIVEN_NAMES:
        # "Nouri Abbas of the Al-Wafa Party" is a person, then an organisation
        for k in range(i + 1, j):
            if doc[k].lower_ in _CONNECTORS:
                j = k
                break
    while j > i and (doc[j - 1].lower_ in _CONNECTORS or doc[j - 1].text == "-"):
        j -= 1
    return j


def _run_label(run: Span) -> str | None:
    words = [t.lower_ for t in run if t.is_alpha]
    if not words:
        return None
    if words[-1] in ORG_HEADS or words[0] in ARABIC_ORG_WORDS:
        return "ORG"
    if words[-1] in PLACE_HEADS or words[0] in ARABIC_PLACE_WORDS:
        return "GPE"
    if words[0] in GIVEN_NAMES and len(words) >= 2:
        return "PERSON"
    root = run.root
    locative = root.dep_ == "pobj" and root.head.lower_ in ("in", "at", "near", "from", "to")
    if any(t.text == "-" for t in run) and any(t.lower_ in _EZAFE for t in run):
        return "GPE" if locative else "ORG"  # Persian ezafe names: "Shahr-e Kavir", "Neda-ye Mellat"
    if 2 <= len(words) <= 3 and not locative and root.dep_ in ("nsubj", "nsubjpass"):
        if root.head.lemma_.lower() in _SPEECH_OR_ACTION:
            return "PERSON"
    return None


def _proper_name_runs(doc: Doc, state: DocState, body_end: int) -> None:
    """Capitalised names the model missed or cut short ("Mohammad-Reza Sadeghpour")."""
    i = 0
    n = len(doc)
    while i < n:
        tok = doc[i]
        if tok.idx >= body_end:
            break
        if _particle_place_start(doc, state, i):
            j = _name_run_end(doc, i + 2)
            run = doc[i:j]
            inside = [(m, e) for e in state.entities for m in e.mentions
                      if m.start < run.end_char and run.start_char < m.end]
            if not inside:
                state.new_entity("GPE", run.start_char, run.end_char, run.text, "name")
            elif (len(inside) == 1 and inside[0][0].start == doc[i + 2].idx and inside[0][0].kind == "name"
                  and inside[0][1].label in ("GPE", "LOC", "FAC") and len(inside[0][1].mentions) == 1):
                mention, ent = inside[0]  # the model found the place "Suweida": the name is "as-Suweida"
                mention.start, mention.end, mention.text = run.start_char, run.end_char, run.text
                ent.name, ent.label = run.text, "GPE"
            i = j
            continue
        if not _cap(tok) or tok.ent_type_ in ("DATE", "TIME", "CARDINAL", "ORDINAL", "MONEY", "PERCENT"):
            i += 1
            continue
        j = _name_run_end(doc, i)
        start = i
        while start < j and doc[start].lower_ in ("the", "a", "an"):
            start += 1
        named = _past_titles(doc, start, j, keep=2)  # "Iraqi Prime Minister X Y Z": the name starts after the title
        if _cap(doc[named]):
            start = named  # but "Inspector-General of Police" is a title through and through
        if j - start < 2 or (start == i and tok.is_sent_start and j - start < 3):
            i = max(j, i + 1)
            continue
        run = doc[start:j]
        _place_run(doc, state, run)
        i = max(j, i + 1)


#: lower-case Arabic articles that start a place's name: "as-Suweida", "al-Qaim"
_PLACE_PARTICLES = word_set("entities", "place_particles")
#: words after which "of as-Suweida" names a place
_PLACE_OWNERS = word_set("entities", "place_owners")


def _particle_place_start(doc: Doc, state: DocState, i: int) -> bool:
    """ "governor of as-Suweida", "in al-Qaim", "Daraa, and as-Suweida": a name the model
    misses because it starts in lower case, where only a place can stand."""
    tok = doc[i]
    if tok.lower_ not in _PLACE_PARTICLES or i == 0 or i + 2 >= len(doc) or tok.whitespace_:
        return False
    if doc[i + 1].text != "-" or doc[i + 1].whitespace_ or not _cap(doc[i + 2]):
        return False
    prev = doc[i - 1].lower_
    if prev in ("in", "near", "at"):
        return True
    if prev == "of" and i >= 2 and doc[i - 2].lower_ in _PLACE_OWNERS:
        return True
    if prev in (",", "and"):
        k = i - 1
        while k > 0 and doc[k].lower_ in (",", "and"):
            k -= 1
        ent = state.entity_at(doc[k].idx, doc[k].idx + len(doc[k].text))
        return ent is not None and ent.label == "GPE"
    return False


def _place_run(doc: Doc, state: DocState, run: Span) -> None:
    """Add a run of capitalised words as an entity, or repair the mentions it overlaps."""
    overlapping = [
        (m, e) for e in state.entities for m in e.mentions
        if m.start < run.end_char and run.start_char < m.end
    ]
    if not overlapping:
        label = _run_label(run)
        after = doc[run.end] if run.end < len(doc) else None
        head = after is not None and after.is_lower and after.lower_ in ORG_HEADS
        if head and label in (None, "PERSON"):
            label = "ORG"  # "the Al Fatih coalition": a name before a lower-case organisation noun
        if label is not None:
            new = state.new_entity(label, run.start_char, run.end_char, run.text, "name")
            if head and after is not None:
                new.descriptors.append(after.lower_)
        return
    first = min(m.start for m, _ in overlapping)
    if first > run.start_char:
        # "Shahr-e Kavir Mohammad-Reza Sadeghpour": the part before a known name
        prefix = doc.char_span(run.start_char, first, alignment_mode="contract")
        if prefix is not None:
            k = prefix.end
            while k > prefix.start and not doc[k - 1].is_alpha:
                k -= 1
            prefix = doc[prefix.start : k]
            if _owner_before_title(state, prefix):
                return
            if len(prefix) >= 2 or any(t.text == "-" for t in prefix):
                label = _run_label(prefix) or ("GPE" if any(t.lower_ in _EZAFE for t in prefix) else None)
                if label is not None:
                    state.new_entity(label, prefix.start_char, prefix.end_char, prefix.text, "name")
        return
    inside = all(run.start_char <= m.start and m.end <= run.end_char for m, _ in overlapping)
    if not inside or "-" not in run.text:
        return
    if len(overlapping) == 1:
        mention, ent = overlapping[0]
        # a hyphenated name cut at the hyphen: grow the mention to the whole name
        if mention.kind == "name" and "-" not in mention.text:
            mention.start, mention.end, mention.text = run.start_char, run.end_char, run.text
            ent.name = run.text
        return
    # "Neda-ye Mellat" read as two people: one name
    if all(len(e.mentions) == 1 for _, e in overlapping):
        for _, e in overlapping:
            if e in state.entities:
                state.entities.remove(e)
        label = _run_label(run) or "ORG"
        state.new_entity(label, run.start_char, run.end_char, run.text, "name")


def _owner_before_title(state: DocState, prefix: Span) -> bool:
    """ "Khyber Pakhtunkhwa Chief Minister X", "Gazprom Chairman Y": the capitalised words the model
    missed before a title and a name are what the title belongs to. Adds them; True when it did."""
    doc = prefix.doc
    k = prefix.end
    while k > prefix.start and _title_word(doc[k - 1]):
        k -= 1
    owner = doc[prefix.start : k]
    if k == prefix.end or not len(owner) or not all(_cap(t) for t in owner):
        return False
    if any(t.lower_ in DEMONYMS or t.ent_type_ or _title_word(t) or t.lower_ in roles.ROLE_MODIFIERS for t in owner) \
            or owner[0].is_sent_start:  # "Higher Education Minister X": a portfolio, not an owner
        return False
    label = _run_label(owner)
    if label not in ("ORG", "GPE"):
        label = _office_label([t.lower_ for t in doc[k : prefix.end]])
    state.new_entity(label, owner.start_char, owner.end_char, owner.text, "name")
    return True
