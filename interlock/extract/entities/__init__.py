"""Entities: spaCy's named entities, repaired, plus unnamed people known by their role.

Reads: ``doc.ents``, the dependency parse. Adds: ``state.entities`` (one draft
per mention at first), the outlet entity from a trailing "Source » outlet"
line; then ``interlock.extract.coref`` clusters them.
"""

from __future__ import annotations

import re

from spacy.lang.en.stop_words import STOP_WORDS
from spacy.tokens import Doc, Span, Token

from interlock.extract import coref, roles
from interlock.extract.coref import word_key
from interlock.extract.lexicon import (
    ARABIC_ORG_WORDS,
    ARABIC_PLACE_WORDS,
    CAPITALS,
    COUNTRY_NAMES,
    DEMONYMS,
    ENTITY_LABELS,
    EVENT_ORG_HEADS,
    GENERIC_ORG_WORDS,
    GIVEN_NAMES,
    NAME_PARTICLES,
    ORG_HEADS,
    PLACE_HEADS,
    ROLE_NOUNS,
)
from interlock.extract.state import DocState, text_of
from interlock.names import HONORIFICS
from interlock.vocab.words import word_set

#: a closing line naming the outlet: "Source » ncr-iran", "Source: Reuters"
SOURCE_LINE = re.compile(r"(?:^|\n)[ \t]*Source[ \t]*(?:»|>>|:|-)[ \t]*(?P<outlet>[^\n]{1,80}?)[ \t]*\s*$")

#: an opening dateline: "TRIPOLI, Nov 24 (MWS) -", "BAGHDAD (Reuters) -", "TEHRAN, April 10 -"
DATELINE = re.compile(
    r"\s*[A-Z][A-Z .'’-]{2,40}(?:,\s*[A-Z][\w.]{1,12}(?:\s+\d{1,2})?)?\s*(?:\([^)\n]{1,40}\))?\s*[-–—]+\s"
)
_PARTICLE_NAME = re.compile(
    r"^[A-Z][\w'’]+(?:\s+[A-Z][\w'’]+)*\s+(?:(?:al|el|Al|El|ul|bin|ibn|Abu|Abd|bint)(?:-|\s+))[A-Z][\w'’-]+",
)
#: nouns after "in"/"at" that make the phrase part of a post ("a candidate in the election")
_POST_CONTEXTS = word_set("entities", "post_contexts")
_POSSESSIVE = ("'s", "’s", "'", "’")


def build_entities(doc: Doc, state: DocState) -> None:
    """Find every entity mention in the document and cluster them."""
    body_end = _find_outlet_line(doc, state)
    dateline = DATELINE.match(text_of(doc))
    if dateline is not None:
        state.dateline_end = dateline.end()
    people = _given_name_spans(doc, body_end)
    taken: set[int] = set()
    for person in people:
        state.new_entity("PERSON", person.start_char, person.end_char, person.text, "name")
        taken.update(range(person.start, person.end))
    for ent in _joined(doc):
        if ent.label_ not in ENTITY_LABELS or ent.start_char >= body_end:
            continue
        if any(i in taken for i in range(ent.start, ent.end)):
            continue  # a name our list of given names already took as a person
        span = _trim(ent)
        if span is None:
            continue
        label = _fix_label(span, ent.label_)
        if label is None:
            continue
        if label in ("ORG", "GPE"):
            longer = _of_name(span)
            if longer is not span:
                span = longer
                taken.update(range(span.start, span.end))  # "the Congo" is part of it, no entity of its own
        dropped = [t.lower_ for t in ent if t.i >= span.end and t.is_alpha]
        if dropped and dropped[-1] in ORG_HEADS and label in ("FAC", "PERSON", "GPE", "LOC", "WORK_OF_ART"):
            label = "ORG"  # "the Saraya al-Fajr militia"
        elif dropped and dropped[-1] in PLACE_HEADS and label in ("PERSON", "ORG", "NORP", "WORK_OF_ART"):
            label = "GPE"  # "Golestan-e Now province"
        new = state.new_entity(label, span.start_char, span.end_char, span.text, _name_kind(span))
        if dropped and dropped[-1] in ORG_HEADS:
            new.descriptors.append(dropped[-1])
    _proper_name_runs(doc, state, body_end)
    _people_mislabelled(doc, state)
    _later_surnames(doc, state, body_end)
    _acronyms_in_parentheses(doc, state, body_end)
    _bare_acronyms(doc, state, body_end)
    _state_bodies(doc, state, body_end)
    _role_nominals(doc, state, body_end)
    coref.cluster(doc, state)


def _joined(doc: Doc) -> list[Span]:
    """The model's entities, with a people's adjective joined to the name it begins: "Islamic"
    before an untagged "State" is the Islamic State (a group); "Syrian" before "Kurds" is one
    people, the Syrian Kurds."""
    ents = list(doc.ents)
    out: list[Span] = []
    i = 0
    while i < len(ents):
        ent = ents[i]
        nxt = doc[ent.end] if ent.end < len(doc) else None
        if ent.label_ == "NORP" and nxt is not None and nxt.pos_ == "PROPN" and not nxt.ent_type_ \
                and nxt.text[:1].isupper() and (nxt.lower_ == "state" or nxt.lower_ in ORG_HEADS):
            out.append(Span(doc, ent.start, ent.end + 1, label="ORG"))
        elif ent.label_ == "NORP" and i + 1 < len(ents) and ents[i + 1].start == ent.end \
                and ents[i + 1].label_ == "NORP" and ents[i + 1].root.tag_ in ("NNPS", "NNS"):
            out.append(Span(doc, ent.start, ents[i + 1].end, label="NORP"))
            i += 1
        elif ent.label_ == "PERSON" and i + 1 < len(ents) and ents[i + 1].start == ent.end \
                and ents[i + 1].label_ == "PERSON" and ent[-1].whitespace_ and "\n" not in ent[-1].whitespace_ \
                and (ents[i + 1][0].lower_ not in GIVEN_NAMES or ent.end - _past_titles(doc, ent.start, ent.end) == 1) \
                and ent[-1].text not in _POSSESSIVE \
                and ents[i + 1].end - _past_titles(doc, ent.start, ent.end) <= 4:
            # one name cut in two ("Ibrahim Sheikh" "Muhiyadin Addow"); but a cast list's next name
            # starts with a given name, and "X's Y" is two people
            out.append(Span(doc, ent.start, ents[i + 1].end, label="PERSON"))
            i += 1
        elif ent.label_ == "PERSON" and i + 1 < len(ents) and ents[i + 1].label_ == "PERSON" \
                and ents[i + 1].start == ent.end + 1 and doc[ent.end].text in ("’", "'") \
                and not ent[-1].whitespace_ and doc[ent.end].whitespace_ == " ":
            # "Mohammed Shia’ al-Sudani": a final apostrophe (an ayn) does not end the name
            out.append(Span(doc, ent.start, ents[i + 1].end, label="PERSON"))
            i += 1
        else:
            out.append(ent)
        i += 1
    return out


def _past_titles(doc: Doc, start: int, end: int, keep: int = 1) -> int:
    """Where a name starts in ``doc[start:end]``, past its leading nationality, ranks and
    titles, leaving at least ``keep`` words."""
    k = start
    while end - k > keep and _title_word(doc[k]):
        k += 1
    return k


def _is_name_word(tok: Token) -> bool:
    return tok.is_alpha and tok.text[:1].isupper() and not tok.is_sent_start


def _given_name_spans(doc: Doc, body_end: int) -> list[Span]:
    """Person names that start with a known given name ("Nadia Farouk", "Hadi al-Ameri").

    The small model often labels such names as places or organisations, or misses them.
    """
    spans: list[Span] = []
    i = 0
    n = len(doc)
    while i < n:
        tok = doc[i]
        if tok.idx >= body_end:
            break
        if not (tok.is_alpha and tok.text[:1].isupper() and tok.lower_ in GIVEN_NAMES):
            i += 1
            continue
        if i > 0 and (
            (doc[i - 1].is_alpha and doc[i - 1].text[:1].isupper() and doc[i - 1].ent_type_ == "PERSON")
            or (doc[i - 1].text == "-" and not doc[i - 1].whitespace_)
        ):
            i += 1
            continue  # inside a name: one spaCy already has, or "Al-Wafa"
        j = i + 1
        while j < n:
            t = doc[j]
            if t.lower_ in NAME_PARTICLES and j + 1 < n and doc[j + 1].text == "-":
                j += 1
            elif t.text in ("’", "'") and not doc[j - 1].whitespace_ and t.whitespace_ == " " and j + 2 < n \
                    and doc[j + 1].lower_ in NAME_PARTICLES and doc[j + 2].text == "-":
                j += 1  # "Mohammed Shia’ al-Sudani": a final apostrophe (an ayn) does not end the name
            elif t.lower_ in NAME_PARTICLES and j + 1 < n and _is_name_word(doc[j + 1]):
                j += 2  # "Al Ameri": the word after a particle is a name, whatever the model tags it
            elif t.text == "-" and j + 1 < n and _is_name_word(doc[j + 1]) and (
                doc[j - 1].lower_ in NAME_PARTICLES or (not doc[j - 1].whitespace_ and not t.whitespace_)
            ):
                j += 1
            elif _is_name_word(t) and t.ent_type_ not in ("DATE", "TIME", "GPE") and t.lower_ not in ROLE_NOUNS:
                j += 1
            else:
                break
        if j - i >= 2 and _is_name_word(doc[j - 1]) and doc[j - 1].lower_ not in ORG_HEADS:
            spans.append(doc[_with_monarch_title(doc, i):j])
            i = j
        else:
            i += 1
    return spans


#: small words inside one capitalised name ("Ministry of the Interior")
_CONNECTORS = word_set("entities", "connectors")
#: Persian ezafe particles, hyphened inside a name ("Shahr-e Kavir", "Neda-ye Mellat")
_EZAFE = word_set("entities", "ezafe")
#: verbs of saying or doing whose subject, a short capitalised name, is a person
_SPEECH_OR_ACTION = word_set("entities", "speech_or_action_verbs")


def _cap(tok: Token) -> bool:
    return tok.is_alpha and tok.text[:1].isupper()


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


#: titles of a region's or a city's office: the name before them is a place
_PLACE_OFFICES = word_set("entities", "place_offices")


def _owner_label(owner: Span) -> str | None:
    """GPE or ORG when capitalised title words and then a person's name follow ``owner``
    ("Khyber Pakhtunkhwa Chief Minister X", "Gazprom Chairman Y"), else None."""
    doc = owner.doc
    k = owner.end
    while k < len(doc) and _cap(doc[k]) and _title_word(doc[k]) and doc[k].lower_ not in DEMONYMS:
        k += 1
    if k == owner.end or k >= len(doc) or doc[k].ent_type_ != "PERSON" or not _cap(doc[k]):
        return None
    if any(t.lower_ in DEMONYMS or _title_word(t) or t.lower_ in roles.ROLE_MODIFIERS for t in owner):
        return None
    return _office_label([t.lower_ for t in doc[owner.end : k]])


def _office_label(title: list[str]) -> str:
    """GPE when the title's words are a region's or a city's office ("chief minister", "governor"),
    else ORG: the label of what the title belongs to."""
    return "GPE" if any(w in _PLACE_OFFICES for w in title) or title[:2] == ["chief", "minister"] else "ORG"


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


#: labels the small model gives now and then to a person's name ("Milorad Dodik" as a facility)
_ODD_LABELS = frozenset(("FAC", "PRODUCT", "WORK_OF_ART", "EVENT"))

#: a Roman numeral, as after a monarch's or a war's name
_ROMAN = re.compile(r"[IVXLC]+")


def _people_mislabelled(doc: Doc, state: DocState) -> None:
    """A person's name the model took for a building, a product or a work: its last word is a
    person's surname elsewhere ("Bazoum" beside "Mohamed Bazoum"), or stands alone elsewhere as
    a person does ("Dodik, the Serbian representative", "Dodik said")."""
    odd = [e for e in state.live_entities() if e.label in _ODD_LABELS]
    if not odd:
        return
    surnames = {word_key(e.name.split()[-1]) for e in state.live_entities()
                if e.label == "PERSON" and len(e.name.split()) >= 2 and e.mentions and e.mentions[0].kind == "name"}
    alone = {word_key(t.text) for t in doc if t.pos_ == "PROPN" and _person_like_token(t)}
    for ent in odd:
        if ent.label not in _ODD_LABELS:
            continue
        words = ent.name.split()
        if not 1 <= len(words) <= 4 or not all(w[:1].isupper() and re.sub(r"[-'’.]", "", w).isalpha() for w in words):
            continue
        if any(w.lower() in ORG_HEADS or w.lower() in PLACE_HEADS for w in words):
            continue
        if words[0].lower() in STOP_WORDS:
            continue  # "Without Tavakoli": a sentence's first word, not a given name
        if any(_ROMAN.fullmatch(w) or w.lower() in _FAITHS for w in words):
            continue  # "World War I", "Vatican II": a numbered war or council; a faith
        last = word_key(words[-1])
        if (len(words) == 1 and last in surnames) or (len(words) >= 2 and last in alone):
            ent.label = "PERSON"


def _person_like_token(tok: Token) -> bool:
    """A lone proper noun that acts as a person: tagged as one, in apposition with a role
    noun, or the subject of saying or doing."""
    if tok.ent_type_ == "PERSON":
        return True
    if any(c.dep_ == "appos" and c.lower_ in ROLE_NOUNS for c in tok.children):
        return True
    return tok.dep_ == "nsubj" and tok.head.lemma_.lower() in _SPEECH_OR_ACTION and not any(
        c.dep_ == "compound" for c in tok.children)


def _later_surnames(doc: Doc, state: DocState, body_end: int) -> None:
    """A person's surname alone later on ("Farouk"), when the model missed it."""
    surnames: set[str] = set()
    hyphenated: set[str] = set()
    for ent in state.entities:
        if ent.label != "PERSON" or ent.mentions[0].kind != "name":
            continue
        words = ent.mentions[0].text.split()
        if len(words) >= 2 and words[-1].split("-")[-1][:1].isupper():
            if "-" in words[-1] and words[-1].split("-")[0].lower() not in NAME_PARTICLES:
                hyphenated.add(words[-1])  # "Whitfield-Barnes"
            surnames.add(word_key(words[-1].split("-")[-1]))
    if not surnames:
        return
    covered = [(m.start, m.end) for e in state.entities for m in e.mentions]
    for name in hyphenated:
        for match in re.finditer(r"\b" + re.escape(name) + r"\b", text_of(doc)[:body_end]):
            if not any(s < match.end() and match.start() < e for s, e in covered):
                state.new_entity("PERSON", match.start(), match.end(), match.group(), "short")
                covered.append((match.start(), match.end()))
    text = text_of(doc)
    for match in _CAP_WORD.finditer(text, 0, body_end):
        if word_key(match.group()) not in surnames:
            continue
        start, end = match.span()
        particle = _PARTICLE_BEFORE.search(text, max(0, start - 6), start)
        if particle is not None and particle.end() == start:
            start = particle.start()  # "al-Saadi", "Al-Sa'adi"
        if any(s < end and start < e for s, e in covered):
            continue
        state.new_entity("PERSON", start, end, text[start:end], "short")


_CAP_WORD = re.compile(r"(?<![\w'’])[A-Z][\w'’]{2,}")
_PARTICLE_BEFORE = re.compile(r"\b(?:[Aa]l|[Ee]l|[Uu]l)-")


def _find_outlet_line(doc: Doc, state: DocState) -> int:
    """Record the outlet named on a closing "Source » X" line; return where the body ends."""
    text = text_of(doc)
    match = SOURCE_LINE.search(text[-200:]) if text else None
    if match is None:
        return len(text)
    offset = len(text) - len(text[-200:])
    start, end = offset + match.start("outlet"), offset + match.end("outlet")
    name = text[start:end].strip()
    if not name:
        return len(text)
    if state.outlet is None:
        state.outlet = name
    state.outlet_entity = state.new_entity("ORG", start, end, text[start:end], "name")
    state.outlet_entity.descriptors.append("outlet")
    state.body_end = offset + match.start()
    return state.body_end


def _trim(ent: Span) -> Span | None:
    """Drop a leading "the", a trailing possessive, a "(" and what follows, and a trailing
    common noun ("the Saraya al-Fajr militia"); None when nothing is left."""
    start, end = ent.start, ent.end
    doc = ent.doc
    if start > 0 and _glued_name_word(doc[start - 1]):
        start -= 1  # "Kata’ib Hizbollah": the model left out a word with an inner apostrophe
    while start < end and (doc[start].lower_ == "the" or doc[start].is_punct):
        start += 1
    if ent.label_ == "PERSON":
        # "Iraqi Prime Minister X Y" tagged whole: the nationality and the title are not the name
        named = _past_titles(doc, start, end, keep=2)
        if doc[named].text[:1].isupper():
            start = _with_monarch_title(doc, named)
        elif start > 0 and start == ent.start and doc[start - 1].text.istitle() \
                and doc[start - 1].lower_ in _MONARCH_TITLES:
            start -= 1  # the model left the title out: "King" "Abdullah II"
    if ent.label_ == "PERSON":
        start, end = _grown_name(doc, start, end)
    owner = next((k for k in range(start + 1, end - 1) if doc[k].text in ("'s", "’s")), None)
    if owner is not None and owner - start == 1 and end - owner > 2 and doc[owner + 1].text[:1].isupper() and (
            doc[start].text.isupper() or doc[start].text in COUNTRY_NAMES or doc[start].lower_ in CAPITALS):
        # "the KLF’s Executive Committee", "Varesh's Security Corps": the body, its owner (an
        # acronym or a state) named apart; "People's Party" and longer owners stay in the name
        start = owner + 1
    for k in range(start, end):
        if doc[k].text == "(" or "\n" in doc[k].text or (k + 1 < end and "\n" in doc[k].whitespace_):
            # a name does not run on past a bracket or a line break ("... Peter Mwangi\nKenya's")
            end = k + 1 if doc[k].text != "(" and "\n" not in doc[k].text else k
            break
    while end - start > 1 and doc[end - 1].is_lower and doc[end - 1].pos_ == "NOUN":
        end -= 1
    while end > start and (doc[end - 1].text in _POSSESSIVE or doc[end - 1].is_punct
                           or doc[end - 1].lower_ in _CONNECTORS or doc[end - 1].lower_ == "and"):
        end -= 1  # "the Foreign Security Corps of": the model stopped before the rest
    if start >= end:
        return None
    if not any(t.is_alpha for t in doc[start:end]) or (end - start == 1 and len(doc[start].text) == 1):
        return None  # "member of the H": a page cut off mid-name
    if not any(t.text[:1].isupper() or t.is_digit for t in doc[start:end]):
        return None  # "electoral", "welsh": a lowercase word is no name
    return doc[start:end]


#: a monarch's title is part of the name the world uses for the monarch ("King Abdullah II",
#: "Sultan Qaboos bin Said"), where other titles are not
_MONARCH_TITLES = word_set("entities", "monarch_titles")


def _with_monarch_title(doc: Doc, named: int) -> int:
    """Where the name starting at ``named`` starts when a monarch's title stands right before it."""
    if named > 0 and doc[named - 1].text.istitle() and doc[named - 1].lower_ in _MONARCH_TITLES \
            and doc[named].text[:1].isupper() \
            and doc[named].lower_ != "bin":
        return named - 1
    return named


#: capitalised words that are never part of a person's name
_WEEKDAYS_AND_MONTHS = word_set("entities", "weekdays_and_months")


def _untagged_name_word(tok: Token) -> bool:
    """A capitalised proper noun the model left out of a name beside it."""
    low = tok.lower_
    return (tok.pos_ == "PROPN" and tok.is_alpha and tok.text[:1].isupper() and not tok.ent_type_
            and not tok.is_sent_start and not _title_word(tok) and low not in ORG_HEADS and low not in PLACE_HEADS
            and tok.text not in COUNTRY_NAMES and low not in _WEEKDAYS_AND_MONTHS and low.rstrip(".") not in HONORIFICS
            and low not in DEMONYMS and low not in _NOT_IN_NAMES)


#: titles before a name that are not part of it ("Pope", "Detective"), unlike a monarch's
_TITLES_BEFORE_NAMES = word_set("entities", "titles_before_names")

#: faiths, adjectives never grown into a name ("Sunni Endowment")
_FAITHS = word_set("entities", "faiths")

#: words never grown into a person's name: titles, faiths, a place's qualifiers ("Old Kisumu")
_NOT_IN_NAMES = _TITLES_BEFORE_NAMES | _FAITHS | word_set("entities", "place_qualifiers")


#: lower-case words inside a name: "bin", "al", and the European "de", "van", "von"
_INNER_PARTICLES = NAME_PARTICLES | word_set("entities", "inner_particles")


def _portfolio_of_a_title(doc: Doc, i: int) -> bool:
    """The word at ``i`` ends a title: "Secretary of State", "Minister of Defence" before a name."""
    if i < 2 or doc[i - 1].lower_ != "of":
        return False
    low = doc[i - 2].lower_  # "Secretaries of State": the parser keeps a capitalised plural
    return any(w in ROLE_NOUNS for w in (low, low[:-3] + "y" if low.endswith("ies") else low.removesuffix("s")))


def _acronym(tok: Token) -> bool:
    """A word in capitals ("NAMBA", "NATO"): a band's or a body's name, never more of a person's."""
    return len(tok.text) > 1 and tok.text.isupper()


def _grown_name(doc: Doc, start: int, end: int) -> tuple[int, int]:
    """A person's name the model cut short: "Iván" before "Archivaldo Guzmán", "Kyelem de Tambela"
    after "Apollinaire Joachim", where the parser joins the words into one name."""
    inside = range(start, end)
    while start > 0 and _untagged_name_word(doc[start - 1]) and doc[start - 1].dep_ == "compound" \
            and doc[start - 1].head.i in inside and doc[start - 1].whitespace_ == " " \
            and not _portfolio_of_a_title(doc, start - 1):
        start -= 1
    k = end
    # "Amos Kimani 's Roadhouse": nothing after a possessive is more of the owner's name
    while k < len(doc) and doc[end - 1].whitespace_ == " " and doc[end - 1].text not in _POSSESSIVE and (
            (_untagged_name_word(doc[k]) and not _acronym(doc[k])) or (doc[k].lower_ in _INNER_PARTICLES and doc[k].pos_ == "PROPN"
                                            and k + 1 < len(doc) and _untagged_name_word(doc[k + 1]))):
        if doc[k].lower_ in _INNER_PARTICLES:
            k += 1
        k += 1
        if not (doc[k - 1].whitespace_ == " "):
            break
    if k > end and (doc[end - 1].head.i in range(end, k) or all(doc[i].head.i in range(end, k) for i in range(end, k - 1))):
        end = k  # the words the model left out hang together as one name
    return start, end


def _title_word(tok: Token) -> bool:
    """A nationality or a word of a title, which a name the model missed may start with."""
    low = tok.lower_
    return low in DEMONYMS or low in ROLE_NOUNS or low in _TITLE_WORDS or low in _RANKS or (
        low == "-" and not tok.whitespace_)


#: military ranks, which run before a name as titles do ("Brigadier-General X Y")
_RANKS = word_set("extract", "military_ranks") | word_set("extract", "rank_abbreviations")
#: words of a title that run before a person's name: "Prime" (Minister), "Deputy", "Foreign"
_TITLE_WORDS = word_set("entities", "title_words")

#: last words of a name that runs on with "of the X": "the Democratic Republic of the Congo"
_OF_HEADS = word_set("entities", "of_heads")


def _of_name(span: Span) -> Span:
    """A name the model cut before its "of" phrase ("the Democratic Republic" of the Congo,
    "Central Bank" of Libya) runs on to the capitalised words after "of (the)"."""
    doc = span.doc
    if span[-1].lower_ not in _OF_HEADS or span.end + 1 >= len(doc) or doc[span.end].lower_ != "of":
        return span
    k = span.end + 1
    if doc[k].lower_ == "the":
        k += 1
    end = k
    while end < len(doc) and doc[end].pos_ == "PROPN" and doc[end].text[:1].isupper() and doc[end].ent_type_ != "PERSON":
        end += 1
    if end == k or "\n" in doc[span.start : end].text:
        return span
    return doc[span.start : end]


def _glued_name_word(tok: Token) -> bool:
    """A capitalised word with an apostrophe inside it ("Kata’ib", "Asa'ib") outside any entity."""
    text = tok.text.replace("’", "'")
    return (not tok.ent_type_ and tok.text[:1].isupper() and "'" in text[1:-1]
            and text.replace("'", "").isalpha() and not tok.is_sent_start)


#: capitals that are also given names, left to the model
_GIVEN_CAPITALS = word_set("entities", "given_capitals")
#: prepositions after which a name is where something is
_LOCATIVES = word_set("entities", "locatives")


def _fix_label(span: Span, label: str) -> str | None:
    """Repair labels the small model gets wrong on political news."""
    words = [t.lower_.replace("’", "'") for t in span]
    if label in ("PERSON", "ORG", "NORP") and span.text.removeprefix("the ") in COUNTRY_NAMES:
        return "GPE"  # "Niger", "Chad": a country's own name is a place, whatever the model says
    if all(_title_word(t) for t in span) and not all(t.lower_ in DEMONYMS for t in span):
        return None  # "Brigadier-General", "Prime Minister": a rank or a title alone names nobody
    if label == "PERSON" and len(words) == 2 and words[0] == "the" and span[1].pos_ == "PROPN":
        return "ORG"  # "The Basij reputedly swung its weight": a person's name takes no article
    if label == "PERSON":
        owner = _owner_label(span)
        if owner is not None:
            return owner  # "Khyber Pakhtunkhwa Chief Minister X": what the title belongs to
    prev = span.doc[span.start - 1] if span.start > 0 else None
    if label in ("GPE", "LOC", "PERSON", "NORP") and prev is not None and prev.is_lower and prev.lower_ in _OUTLET_NOUNS:
        return "ORG"  # "the news agency Saba", "the daily Al-Amana": an outlet, not a place or a person
    nxt = span.doc[span.end] if span.end < len(span.doc) else None
    if label in ("PERSON", "GPE", "NORP") and nxt is not None and nxt.is_lower and nxt.lower_ in _OUTLET_NOUNS \
            and span.root.dep_ == "compound" and span.root.head.i == nxt.i and span.text not in COUNTRY_NAMES \
            and span.text.lower() not in DEMONYMS:
        return "ORG"  # "the Rudaw network", "Al-Amana newspaper": the outlet's own name
    if label in ("PERSON", "ORG") and len(span) == 1 and span.text.lower() in DEMONYMS and span.text[:1].isupper():
        return "NORP"  # "Azerbaijani", "Nigerien": a nationality, whatever the model says
    if label in ("PERSON", "ORG") and span.text.lower() in CAPITALS and span.text.lower() not in _GIVEN_CAPITALS:
        return "GPE"  # "Nile Wire - Cairo": a capital city
    if len(words) > 1 and words[0] in ARABIC_ORG_WORDS:
        return "ORG"
    if len(words) > 1 and words[0] in ARABIC_PLACE_WORDS and label in ("PERSON", "ORG", "NORP"):
        return "GPE"
    if label != "ORG" and len(words) > 1 and words[-1] in ORG_HEADS:
        return "ORG"  # "Reformist Coalition", "Martyrs of the Coast Brigade"
    if label == "ORG" and words[-1] in EVENT_ORG_HEADS:
        return "EVENT"
    if label == "ORG" and len(words) == 1 and words[0] in GENERIC_ORG_WORDS:
        return None
    if label in ("GPE", "LOC", "ORG", "NORP", "FAC") and _PARTICLE_NAME.match(span.text):
        prev = span.doc[span.start - 1] if span.start > 0 else None
        # "in Ras al-Khaimah" is a place; "Hadi al-Amiri said" is a person
        nxt = span.doc[span.end] if span.end < len(span.doc) else None
        if prev is not None and prev.lower_ == "the" and nxt is not None and (
                nxt.text == "(" or (nxt.is_lower and nxt.lower_ in ORG_HEADS)):
            return label  # "the Hayat Tahrir al-Sham (HTS) group": a person's name takes no article
        if prev is None or prev.lower_ not in ("in", "at", "from", "near", "to", "into"):
            return "PERSON"
    if label in ("GPE", "ORG", "NORP", "LOC") and _is_role_apposition(span) and not (
            label in ("GPE", "LOC") and span.start > 0 and span.doc[span.start - 1].lower_ in _LOCATIVES):
        return "PERSON"  # but "director of X in Rural Damascus, chairman of Y": a place, and a list
    if label == "PERSON" and _before_place_title(span):
        return "GPE"  # "Teuchitlan Mayor X": the name before a mayor's title is the town
    if label == "ORG" and len(span) == 1 and _is_place_of_action(span.root):
        return "GPE"  # "met ... in Erbil": a one-word name where something happened
    return label


#: nouns of a news outlet that its name follows: "the news agency Saba"
_OUTLET_NOUNS = word_set("entities", "outlet_nouns")

#: titles of posts held in a place, which a place's name stands before: "Varesh Governor X"
_PLACE_TITLES = word_set("entities", "place_titles")


def _before_place_title(span: Span) -> bool:
    doc = span.doc
    end = span.end
    return (end + 1 < len(doc) and doc[end].lower_ in _PLACE_TITLES and doc[end].text[:1].isupper()
            and doc[end + 1].pos_ == "PROPN" and doc[end + 1].ent_type_ == "PERSON")


def _is_place_of_action(tok: Token) -> bool:
    prep = tok.head
    return (
        tok.dep_ == "pobj"
        and prep.lower_ in ("in", "near")
        and prep.head.pos_ in ("VERB", "AUX")
        and tok.lower_ not in GENERIC_ORG_WORDS
    )


def _is_role_apposition(span: Span) -> bool:
    """A name in apposition with a person's role noun ("X, the commander of Y")."""
    root = span.root
    if root.dep_ == "appos" and root.head.lower_ in ROLE_NOUNS:
        return True
    return any(c.dep_ == "appos" and c.lower_ in ROLE_NOUNS for c in root.children)


def _name_kind(span: Span) -> str:
    text = span.text
    if len(span) == 1 and text.isupper() and 2 <= len(text) <= 7:
        return "acronym"
    return "name"


def _acronyms_in_parentheses(doc: Doc, state: DocState, body_end: int) -> None:
    """"Popular Mobilization Units (PMU)": the acronym becomes a mention of the name."""
    for match in re.finditer(r"\(([A-Z][A-Za-z&.-]{1,9})\)", text_of(doc)[:body_end]):
        start, end = match.start(1), match.end(1)
        if state.entity_at(start, end, exact=True) is not None:
            continue
        before = state.mentions_in(max(0, start - 120), start - 1)
        if not before:
            continue
        mention, ent = before[-1]
        gap = text_of(doc)[mention.end : match.start()]
        if gap.strip(" ’'s") == "" and coref.initials_match(match.group(1), mention.text):
            state.add_mention(ent, start, end, match.group(1), "acronym")


#: capitals-only words that are no organisation's name
_NOT_ACRONYMS = word_set("entities", "not_acronyms")
_ACRONYM = re.compile(r"(?<![\w.-])[A-Z][A-Z0-9]{2,6}(?![\w.-])")


def _bare_acronyms(doc: Doc, state: DocState, body_end: int) -> None:
    """An organisation's acronym the model never tagged ("the bloc ECOWAS", "M23 rebels"),
    when the text uses it at least twice outside any entity and outside all-capitals lines
    (headlines, datelines). Places, countries and common abbreviations are not taken."""
    text = text_of(doc)
    seen: dict[str, list[tuple[int, int]]] = {}
    for match in _ACRONYM.finditer(text, 0, body_end):
        word = match.group()
        if word in _NOT_ACRONYMS or word.lower() in CAPITALS or word.title() in COUNTRY_NAMES:
            continue
        if state.dateline_end is not None and match.start() < state.dateline_end:
            continue
        line_start = text.rfind("\n", 0, match.start()) + 1
        line_end = text.find("\n", match.end())
        line = text[line_start : line_end if line_end >= 0 else len(text)]
        if not any(ch.islower() for ch in line):
            continue  # an all-capitals headline or dateline
        if state.entity_at(match.start(), match.end()) is not None:
            continue
        seen.setdefault(word, []).append(match.span())
    for word, spans in seen.items():
        if len(spans) < 2:
            continue
        ent = state.new_entity("ORG", spans[0][0], spans[0][1], word, "acronym")
        for start, end in spans[1:]:
            state.add_mention(ent, start, end, word, "acronym")


#: nouns of a state's bodies that a nationality or a country's name before them names
_STATE_BODY_NOUNS = word_set("entities", "state_body_nouns")


_STATE_BODY_WORD = re.compile(r"\b(?:" + "|".join(sorted(_STATE_BODY_NOUNS)) + r")\b", re.IGNORECASE)


def _state_bodies(doc: Doc, state: DocState, body_end: int) -> None:
    """"the Nigerian government", "DR Congo's government", "the Sudan's main army": a state's
    body named by its country is an organisation of its own, so that it can meet, talk and
    be talked to (a bare "the government" is left to coreference)."""
    text = text_of(doc)
    starts = {m.start() for m in _STATE_BODY_WORD.finditer(text, 0, body_end)}
    if not starts:
        return
    for found in (doc.char_span(i, i + 1, alignment_mode="expand") for i in sorted(starts)):
        if found is None:
            continue
        head = found.root
        if head.pos_ not in ("NOUN", "PROPN") or head.lower_ not in _STATE_BODY_NOUNS:
            continue
        if head.dep_ == "compound" and head.head.lower_ in _STATE_BODY_NOUNS:
            continue  # "government delegation": the phrase's head is the last noun
        owner = None
        for child in head.lefts:
            if child.dep_ in ("amod", "compound", "poss", "nmod") and (
                    child.lower_ in DEMONYMS or (child.text[:1].isupper() and any(
                        e.label == "GPE" for _, e in state.mentions_in(child.left_edge.idx, child.idx + len(child.text))))):
                owner = child
        if owner is None:
            continue
        start = owner.left_edge.i
        if start > 0 and doc[start - 1].lower_ == "the":
            start -= 1
        end = head.i + 1
        if end < len(doc) and doc[end].lower_ in _STATE_BODY_NOUNS and doc[end].pos_ == "NOUN":
            end += 1  # "the Colombian government delegation"
        span = doc[start:end]
        if "\n" in span.text or state.entity_at(span.start_char, span.end_char, exact=True) is not None:
            continue
        if any(e.label == "PERSON" for _, e in state.mentions_in(span.start_char, span.end_char)):
            continue
        # a name in all but form: the body is known, so its statements are no anonymous source's
        state.new_entity("ORG", span.start_char, span.end_char, span.text, "name")


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


__all__ = ["build_entities", "nominal_span", "descriptor_text", "SOURCE_LINE"]
