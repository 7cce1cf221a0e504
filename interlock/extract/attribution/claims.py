"""Attributions that make no claim: actions mistaken for speech, datelines, unresolved pronouns.

The cue classifier is trained on PolNeAR, where reporting verbs dominate. On
real pages it also takes actions for speech ("the council signed the deal",
"Egypt is struggling"), a dateline or a "Read Also:" label for a speaker
before a colon, and a relative pronoun for a source. Those are not claims: a
claim needs a speaker who says, reports, announces, orders or denies.
``prune`` drops such attributions, and leaves a pronoun that resolves to no
named speaker without a source (the words stay recorded, their speaker
unknown).
"""

from __future__ import annotations

from spacy.tokens import Doc

from interlock.extract.lexicon import ANONYMOUS_HEADS, ORG_HEADS, ROLE_NOUNS
from interlock.extract.state import AttributionDraft, DocState, text_of
from interlock.vocab.words import word_set

#: verbs of doing, not saying: their subject makes no claim by them
ACTION_VERBS = word_set("claims", "action_verbs")
#: cue verbs that give a post when they name it: "appointed his second son as crown prince"
GIVING_CUES = word_set("claims", "giving_cues")
#: verbs that are speech with a clause or a report as object, and actions with a person
#: as object: "dismissed the report" is a denial, "dismissed the mayor" is a sacking
PERSON_ACTIONS = word_set("claims", "person_actions")
_PRONOUNS = word_set("claims", "object_pronouns")
#: words before "Said" that make it part of a name ("Sultan Hamad bin Said")
_SAID_NAME_PARTICLES = word_set("claims", "said_name_particles")


def _passive_giving(doc: Doc, att: AttributionDraft) -> bool:
    """ "X was appointed", "Y has been named": the subject is given a post, says nothing."""
    span = doc.char_span(att.cue[0], att.cue[1], alignment_mode="expand")
    if span is None:
        return False
    return any(
        t.lemma_.lower() in PERSON_ACTIONS and any(c.dep_ == "auxpass" for c in t.children) for t in span
    )


def _passive_subject(doc: Doc, att: AttributionDraft) -> bool:
    """ "X is said to have studied abroad", "Y was accused of fraud": the subject of a passive
    reporting verb is who is talked about, not who talks."""
    if att.source is None:
        return False
    span = doc.char_span(att.cue[0], att.cue[1], alignment_mode="expand")
    if span is None:
        return False
    for t in span:
        if t.pos_ == "VERB" and any(c.dep_ == "auxpass" for c in t.children):
            subj = next((c for c in t.children if c.dep_ == "nsubjpass"), None)
            if subj is not None and att.source[0] <= subj.idx < att.source[1]:
                return True
    return False


def _cue_verb(doc: Doc, att: AttributionDraft) -> str | None:
    span = doc.char_span(att.cue[0], att.cue[1], alignment_mode="expand")
    if span is None:
        return None
    verbs = [t for t in span if t.pos_ in ("VERB", "AUX") and t.dep_ not in ("aux", "auxpass")]
    return verbs[-1].lemma_.lower() if verbs else None


def _acts_on_a_person(doc: Doc, att: AttributionDraft, state: DocState) -> bool:
    """ "The council dismissed Mayor X": the cue verb's object is a person, not words."""
    span = doc.char_span(att.cue[0], att.cue[1], alignment_mode="expand")
    if span is None:
        return False
    for tok in span:
        if tok.lemma_.lower() not in PERSON_ACTIONS:
            continue
        for child in tok.children:
            if child.dep_ == "dobj":
                ent = state.entity_at(child.idx, child.idx + len(child.text))
                if ent is not None and ent.resolved().label == "PERSON":
                    return True
    return False


def _gives_a_post(doc: Doc, att: AttributionDraft) -> bool:
    """ "X appointed his second son as crown prince", "named Y foreign minister"."""
    span = doc.char_span(att.cue[0], att.cue[1], alignment_mode="expand")
    if span is None:
        return False
    return any(t.lemma_.lower() in GIVING_CUES and any(
        c.dep_ == "oprd" or (c.dep_ == "prep" and c.lower_ == "as") for c in t.children) for t in span)


def _no_claim_content(doc: Doc, att: AttributionDraft) -> bool:
    """ "announced on Monday", "reported on Thursday": a content that is only a date, unquoted,
    says nothing a source could be quoted for."""
    if att.kind == "direct":
        return False
    span = doc.char_span(att.content[0], att.content[1], alignment_mode="expand")
    if span is None:
        return False
    words = [t for t in span if not t.is_punct]
    return len(words) <= 3 and all(t.ent_type_ in ("DATE", "TIME") or t.is_stop for t in words)


def _not_a_speaker(doc: Doc, att: AttributionDraft) -> bool:
    """A date taken for a speaker ("May 4, 2026 has appointed"), or "Said" inside a name
    ("Sultan Hamad bin Said")."""
    if att.source is not None:
        span = doc.char_span(att.source[0], att.source[1], alignment_mode="expand")
        if span is not None and span.root.ent_type_ in ("DATE", "TIME"):
            return True
    cue = doc.char_span(att.cue[0], att.cue[1], alignment_mode="expand")
    if cue is not None and len(cue) == 1 and cue[0].text == "Said" and cue[0].i > 0:
        return cue[0].nbor(-1).lower_ in _SAID_NAME_PARTICLES or cue[0].nbor(-1).pos_ == "PROPN"
    return False


def _is_dateline_or_label(doc: Doc, att: AttributionDraft) -> bool:
    """ "MOGADISHU:", "Read Also:", "Report:": a label before a colon, not a speaker."""
    if att.source is None:
        return False
    text = text_of(doc)[att.source[0] : att.source[1]].strip()
    cue = text_of(doc)[att.cue[0] : att.cue[1]].strip()
    if cue not in (":", "-", "–", "—"):
        return False
    if att.source_entity is not None and att.source_entity.resolved().label == "PERSON" and cue == ":":
        return False  # "Al-Khazraji: 'I never met him'": a person quoted in a headline
    letters = [c for c in text if c.isalpha()]
    return (bool(letters) and all(c.isupper() for c in letters)) or len(text.split()) <= 2 and not any(
        t.ent_type_ == "PERSON" for t in doc.char_span(att.source[0], att.source[1], alignment_mode="expand") or []
    )


def _unresolved_pronoun(doc: Doc, att: AttributionDraft) -> bool:
    if att.source is None:
        return False
    text = text_of(doc)[att.source[0] : att.source[1]].strip().lower()
    if text not in _PRONOUNS:
        return False
    ent = att.source_entity
    return ent is None or not any(m.kind != "pronoun" and m.text.lower() not in _PRONOUNS for m in ent.resolved().mentions)


#: nouns of what institutions issue, which speak for their issuer: "the statement said"
ISSUED_NOUNS = word_set("claims", "issued_nouns")
_SPEAKER_NOUNS = ROLE_NOUNS | ANONYMOUS_HEADS | ORG_HEADS | ISSUED_NOUNS | word_set("claims", "speaker_nouns")


def _speaks(doc: Doc, att: AttributionDraft) -> bool:
    """True when a source phrase names someone who can say something: a name, a person or
    body noun ("officials", "the ministry", "the statement"), not a thing ("the video",
    "the facts", "the move", "rumours")."""
    if att.source is None:
        return True
    span = doc.char_span(att.source[0], att.source[1], alignment_mode="expand")
    if span is None:
        return True
    root = span.root
    if root.pos_ == "PRON" or any(t.pos_ == "PROPN" or t.ent_type_ in ("PERSON", "ORG", "GPE", "NORP") for t in span):
        return True  # a name anywhere: "Her rival, deputy leader Owen Price"
    # the head, or the noun after its "of": "officials", "one of the sources"
    heads = [root] + [p for c in root.children if c.dep_ == "prep" and c.lower_ == "of"
                      for p in c.children if p.dep_ == "pobj"]
    return any(t.lower_ in _SPEAKER_NOUNS or t.lemma_.lower() in _SPEAKER_NOUNS for t in heads)


def prune(doc: Doc, state: DocState) -> None:
    """Drop attributions that make no claim; unresolved pronoun sources lose their source."""
    dropped: list[AttributionDraft] = []
    for att in state.attributions:
        verb = _cue_verb(doc, att)
        if (
            (verb is not None and verb in ACTION_VERBS and att.kind != "direct")
            or _is_dateline_or_label(doc, att)
            or _acts_on_a_person(doc, att, state)
            or _passive_giving(doc, att)
            or _passive_subject(doc, att)
            or _gives_a_post(doc, att)
            or _no_claim_content(doc, att)
            or _not_a_speaker(doc, att)
        ):
            dropped.append(att)
            continue
        if _unresolved_pronoun(doc, att) or not _speaks(doc, att):
            att.source = None
            att.source_entity = None
            att.same_source_as = None
    state.drop_attributions(dropped)
