"""The country a national post belongs to when the text names no organisation.

"President X", "the foreign minister", "an MP" name a post in a country's
state, and a reader takes the country from the sentence or from what the
article is about. This module finds that country among the document's own
place entities: one named in the sentence (by name or by its demonym), else
the article's dominant country. Nothing is invented: the country must be an
entity of the document, so the statement keeps evidence for its object.
"""

from __future__ import annotations

import re
from collections import Counter
from functools import lru_cache

from spacy.tokens import Token

from interlock.extract.lexicon import CAPITALS, DEMONYMS, PLACE_ALIASES, ROLE_NOUNS
from interlock.extract.state import DocState, EntityDraft
from interlock.vocab.words import word_set

#: role head words that name a post in a national state
NATIONAL_HEADS = word_set("countries", "national_heads")
#: words that tie a head word to a body below the state ("president of the council")
_NOT_NATIONAL_MODIFIERS = word_set("countries", "not_national_modifiers")
#: the share of the article's country mentions the dominant country must have
DOMINANT_SHARE = 0.5
#: how far the headline and lede reach, in characters
LEDE_CHARS = 400

_COUNTRIES = frozenset(DEMONYMS.values()) - word_set("countries", "regions")
#: the names of countries (not regions) the demonym table knows
COUNTRY_SET = _COUNTRIES
#: what is counted to find the article's country: every country, and regions such as
#: Kurdistan that compete with one ("the Kurdish prime minister" is no Iraqi post)
_COUNTED = frozenset(DEMONYMS.values()) - word_set("countries", "uncounted_regions")


def country_name(ent: EntityDraft) -> str | None:
    """The country a GPE entity names, or None for a city, a region or anything else."""
    if ent.label != "GPE":
        return None
    name = ent.name.strip()
    name = PLACE_ALIASES.get(name.lower(), name)
    if name.lower().startswith("the "):
        name = name[4:]
    return name if name in _COUNTRIES else None

#: roles that are national posts whatever their last word
_NATIONAL_ROLES = word_set("countries", "national_roles")


def is_national_role(role: str) -> bool:
    """True when a normalised role names a post in a country's state."""
    words = role.replace("-", " ").split()
    if not words or set(words) & _NOT_NATIONAL_MODIFIERS:
        return False
    if role in _NATIONAL_ROLES:
        return True
    if role.startswith(("minister of ", "secretary of ", "deputy minister of ", "minister for ")):
        return True  # "minister of finance": a portfolio of the state
    return " of " not in f" {role} " and words[-1] in NATIONAL_HEADS


def _countries(state: DocState) -> dict[str, EntityDraft]:
    cached = state.cache.get("countries")
    if isinstance(cached, dict):
        return cached
    found: dict[str, EntityDraft] = {}
    for ent in state.live_entities():
        name = country_name(ent)
        if name is not None and name not in found:
            found[name] = ent
    state.cache["countries"] = found
    return found


@lru_cache(maxsize=1)
def _country_table() -> tuple[re.Pattern[str], dict[str, str]]:
    """One pattern for every country's name, demonyms, capital and other names, built once."""
    words: dict[str, str] = {name: name for name in _COUNTED}
    for table in (DEMONYMS, CAPITALS):
        for word, country in table.items():
            if country in words and len(word) > 3:
                word = word[:1].upper() + word[1:]
                words[word] = country
                if table is DEMONYMS and word[-1] in "ni":
                    words[word + "s"] = country  # "Peruvians"
    for alias, country in PLACE_ALIASES.items():
        if country in words:
            alias = alias.removeprefix("the ")
            words[alias.upper() if len(alias) <= 4 else alias.title()] = country  # "US", "U.S.", "Britain"
    alternatives = "|".join(re.escape(w) for w in sorted(words, key=len, reverse=True))
    return re.compile(rf"(?<![\w-])(?:{alternatives})(?![\w-])"), words


def _mentioned(state: DocState, start: int, end: int) -> Counter[str]:
    """Countries named between two offsets, by name, demonym or capital, with counts.

    The words are read from the text itself, not from the entity recogniser, which
    takes "Niger's" for a person now and then. Every country counts, so that an
    article about Lebanon that never names it as an entity is not given to Israel;
    only countries that are entities of the document are answers, so every answer
    keeps its evidence."""
    pattern, words = _country_table()
    counts: Counter[str] = Counter()
    last: tuple[str, int] | None = None
    for match in pattern.finditer(state.text, start, end):
        country = words[match.group(0)]
        if last is not None and last[0] == country and state.text[last[1] : match.start()].strip() in (",", ""):
            last = (country, match.end())
            continue  # "Pretoria, South Africa": one place named twice over
        counts[country] += 1
        last = (country, match.end())
    return counts


def dominant_country(state: DocState) -> str | None:
    """The country the article is about, when one has most of its country mentions."""
    cached = state.cache.get("dominant_country", "")
    if cached != "":
        return cached if isinstance(cached, str) else None
    counts = _mentioned(state, 0, len(state.text))
    best: str | None = None
    lede = _mentioned(state, 0, min(len(state.text), LEDE_CHARS))
    entities = _countries(state)

    def rank(name: str) -> tuple[int, int, bool]:
        # most named, then named in the headline or lede, then named as an entity
        return counts[name], lede[name], name in entities

    ranked = sorted(counts, key=rank, reverse=True)
    if ranked:
        name, n = ranked[0], counts[ranked[0]]
        beaten = len(ranked) == 1 or rank(name) > rank(ranked[1])
        # one mention makes the article's country only in its headline or lede
        if beaten and n >= DOMINANT_SHARE * sum(counts.values()) and (n >= 2 or lede[name]):
            best = name
    state.cache["dominant_country"] = best
    return best


def national_country(state: DocState, token: Token) -> EntityDraft | None:
    """The country entity of a national post named at ``token``, or None when unclear."""
    countries = _countries(state)
    sent = token.sent
    here = _mentioned(state, sent.start_char, sent.end_char)
    dominant = dominant_country(state)
    if dominant is not None and here and set(here) <= {dominant}:
        roots = _country_words(state, token, dominant)
        if roots and all(_only_visited(token, [r]) or _another_holder_s(token, [r]) for r in roots):
            return None  # "President X visited Varesh", "X condoled the Varesh president": not Varesh's
    if dominant is not None and set(here) <= {dominant}:
        return country_entity(state, dominant)
    if dominant is None and len(here) == 1:
        return countries.get(next(iter(here)))
    nearest = _nearest_before(state, token)
    if nearest is None and dominant is not None and dominant in here and not _country_before(state, token):
        # "President X announced the dismissal of Varesh's top commander amid Kelan's war": no
        # country comes before the title, and the article's own is among those named after it
        return country_entity(state, dominant)
    return countries.get(nearest) if nearest is not None else None


def _country_before(state: DocState, token: Token) -> bool:
    """True when any country is named in the sentence before ``token``."""
    pattern, _ = _country_table()
    start = token.sent.start_char
    if state.dateline_end is not None:
        start = max(start, state.dateline_end)
    return pattern.search(state.text, start, token.idx) is not None


def country_entity(state: DocState, name: str) -> EntityDraft | None:
    """The document's entity for a country, named or (failing that) made from its demonym."""
    return _countries(state).get(name) or _named_country(state, name)


#: verbs of going somewhere: the place gone to is not the traveller's country
_TRAVEL_VERBS = word_set("countries", "travel_verbs")


def _country_words(state: DocState, token: Token, country: str) -> list[Token]:
    """The root tokens of the words in ``token``'s sentence that name ``country``."""
    pattern, words = _country_table()
    sent = token.sent
    found: list[Token] = []
    for match in pattern.finditer(state.text, sent.start_char, sent.end_char):
        if words[match.group(0)] != country:
            continue
        span = token.doc.char_span(match.start(), match.end(), alignment_mode="expand")
        if span is not None:
            found.append(span.root)
    return found


def _only_visited(token: Token, roots: list[Token]) -> bool:
    """True when every word naming the country in the sentence (``roots``) is where the
    holder travels: "President X visited Varesh", "X arrived in the Varesh capital"."""
    if not roots:
        return False
    for root in roots:
        node = root
        while node.dep_ in ("compound", "amod", "poss", "nmod", "conj", "appos") and node.head.i != node.i:
            node = node.head
        if node.dep_ == "pobj" and node.head.lower_ in ("to", "in", "into", "at") and node.head.dep_ == "prep":
            node = node.head.head
        elif node.dep_ != "dobj":
            return False
        else:
            node = node.head
        if node.lemma_.lower() in _TRAVEL_NOUNS and node.pos_ == "NOUN":
            # "on their arrival at the Varesh airport": the travellers own the noun
            owner = next((c for c in node.children if c.dep_ == "poss"), None)
            if owner is None or (owner.pos_ != "PRON" and token not in owner.subtree):
                return False
            if owner.pos_ == "PRON" and _subject_of_clause(token):
                return False  # the host who welcomes them keeps the country
            continue
        if node.lemma_.lower() not in _TRAVEL_VERBS:
            return False
        subjects = [c for c in node.children if c.dep_ == "nsubj"]
        if subjects and not any(token in subj.subtree for subj in subjects):
            return False  # someone else travels there: "Y welcomed X, who flew to Varesh"
    return True


#: nouns of arriving somewhere: "on their arrival at X"
_TRAVEL_NOUNS = word_set("countries", "travel_nouns")


def _subject_of_clause(token: Token) -> bool:
    """True when the title is in the subject of its clause ("President X accorded ...")."""
    node = token
    while node.head.i != node.i:
        if node.dep_ in ("nsubj", "nsubjpass"):
            return True
        if node.dep_ not in ("compound", "appos", "amod", "poss", "conj", "nmod"):
            return False
        node = node.head
    return False


def _another_holder_s(token: Token, roots: list[Token]) -> bool:
    """True when the country's words in the sentence (``roots``) all describe another post of
    the same title: "Prime Minister X condoled over the death of the Varesh prime minister"."""
    if not roots:
        return False
    head_word = token.lemma_.lower()
    for root in roots:
        node = root
        steps = 0
        while node.dep_ in ("compound", "amod", "poss", "nmod") and node.head.i != node.i and steps < 4:
            node = node.head
            steps += 1
        if node.i == token.i:
            return False
        other_title = node.lemma_.lower() == head_word or (
            # "Varesh's Information Minister Y said": the country is in Y's minister's title
            node.ent_type_ == "PERSON" and node.pos_ == "PROPN"
            and any(c.dep_ == "compound" and c.lemma_.lower() == head_word for c in node.children))
        if not other_title or _listed_with(token, node):
            return False  # "Varesh Prime Minister A and Education Minister B": one country for the list
    return True


def _listed_with(token: Token, other: Token) -> bool:
    """True when the name a title stands before and ``other`` are coordinated ("A, B and C")."""
    name = token
    while name.dep_ == "compound" and name.head.i != name.i:
        name = name.head
    return other.i in {c.i for c in name.conjuncts} or name.i in {c.i for c in other.conjuncts}


def country_named_last(state: DocState, token: Token, reach: int = 400) -> EntityDraft | None:
    """The country named last before ``token`` (within ``reach`` characters), whatever its
    role in the clause: what "the country" refers back to."""
    pattern, words = _country_table()
    last: str | None = None
    start = max(0, token.idx - reach)
    if state.dateline_end is not None:
        start = max(start, state.dateline_end)
    for match in pattern.finditer(state.text, start, token.idx):
        last = words[match.group(0)]
    if last is None or last not in _COUNTRIES:
        return None
    return country_entity(state, last)


def _named_country(state: DocState, name: str) -> EntityDraft | None:
    """The article's country as an entity of its own when the text names it only by its
    demonym or capital ("the Varesh MP", "Vareshi officials"): its first such word is the
    mention, so the post keeps its evidence."""
    if name not in _COUNTRIES:
        return None  # "Kurdistan": a region's posts belong to its own government
    pattern, words = _country_table()
    for match in pattern.finditer(state.text):
        if words[match.group(0)] != name or (state.dateline_end is not None and match.start() < state.dateline_end):
            continue
        if state.entity_labelled(match.start(), match.end(), "GPE") is not None:
            continue  # "Nairobi": the capital is a place of its own (and a second GPE there would share its id)
        ent = state.new_entity("GPE", match.start(), match.end(), match.group(0), "name")
        ent.name = name  # "the Varesh MP": the country the demonym names
        state.cache.pop("countries", None)
        return ent
    return None


#: prepositions whose object is where something happens, not whose post it is
_PLACE_PREPOSITIONS = word_set("countries", "place_prepositions")


#: nouns of a state's own organs, whose country word names the country of the post nearby
_STATE_WORDS = word_set("countries", "state_words")


def _nearest_before(state: DocState, token: Token) -> str | None:
    """The country named last before a post in its sentence, by a word that is not the
    object of a preposition: "a senior Varesh lawmaker said Prime Minister X" is Varesh's
    prime minister; "after studies in Varesh, X" names where, not whose."""
    pattern, words = _country_table()
    sent = token.sent
    doc = token.doc
    found: str | None = None
    people = [m.start for m, e in state.mentions_in(sent.start_char, sent.end_char)
              if m.start < token.idx and e.label == "PERSON" and not e.anonymous and m.kind != "nominal"]
    for match in pattern.finditer(state.text, sent.start_char, token.idx):
        span = doc.char_span(match.start(), match.end(), alignment_mode="expand")
        if span is None:
            continue
        if any(match.end() < p for p in people):
            continue  # "X's former leader A ... President B": the country was A's
        root = span.root
        while root.dep_ == "conj" and root.head is not root:
            root = root.head
        if root.dep_ == "pobj" and root.head.lower_ in _PLACE_PREPOSITIONS:
            continue
        heads: list[Token] = []
        node = root
        while node.dep_ in ("amod", "compound", "poss", "nmod") and node.head is not node and len(heads) < 4:
            node = node.head  # "Varesh Defence Minister X": up the compound to its head
            heads.append(node)
        if span.start_char == sent.start_char or any(
                h.ent_type_ in ("PERSON", "ORG") or h.lemma_.lower() in ROLE_NOUNS or h.lemma_.lower() in _STATE_WORDS
                for h in heads):
            found = words[match.group(0)]  # a dateline, "the Varesh foreign ministry", "a Varesh MP"
    return found


#: words of a role that name a national body, and the words that body's name has (kept here:
#: interlock/vocab/ holds lists and tables of words to one string, not tables of words to lists)
BODY_ROLE_WORDS: dict[str, tuple[str, ...]] = {
    "army": ("army",),
    "military": ("military", "armed forces", "army"),
    "police": ("police",),
    "navy": ("navy",),
    "naval": ("navy",),
    "intelligence": ("intelligence",),
    "intel": ("intelligence",),
    "spy": ("intelligence",),
    "central bank": ("central bank",),
    "armed forces": ("armed forces",),
    "air force": ("air force",),
    "defence forces": ("defence forces", "defense forces"),
    "defense forces": ("defence forces", "defense forces"),
}
#: role words that make a post national when it names no body: "Chief of Defence Staff"
NATIONAL_BODY_HEADS = word_set("countries", "national_body_heads")


#: last words of a ruling body's name, which no post in the armed forces is held in
_RULING_BODIES = word_set("countries", "ruling_bodies")


def national_body(state: DocState, role: str) -> EntityDraft | None:
    """The one organisation of the document a body word of the role names.

    "the army chief" in a story that names the "Kenya National Army" holds a post in
    it; with two armies named, or none, there is no answer."""
    role = f" {role.lower()} "
    wanted = [names for word, names in BODY_ROLE_WORDS.items() if f" {word} " in role]
    if not wanted:
        return None
    found: dict[str, EntityDraft] = {}
    for ent in state.live_entities():
        if ent.label != "ORG":
            continue
        name = f" {ent.name.lower()} "
        if name.split()[-1] in _RULING_BODIES:
            continue  # "Varesh's military government" rules; it is not the army
        if any(f" {n} " in name for names in wanted for n in names):
            found.setdefault(ent.name.lower().removeprefix("the "), ent)
    if len(found) == 1:
        return next(iter(found.values()))
    return None


def is_body_role(role: str) -> bool:
    """True for a post in a national body named by its role ("army chief", "Chief of Naval Staff")."""
    role = f" {role.lower()} "
    words = role.split()
    return bool(words) and any(f" {w} " in role for w in BODY_ROLE_WORDS) and (
        words[0] in NATIONAL_BODY_HEADS or words[-1] in NATIONAL_BODY_HEADS or "staff" in words)
