"""What the relation rules share: entity look-up by token, statement drafting, time attachment."""

from __future__ import annotations

from collections.abc import Iterable

from spacy.tokens import Doc, Span, Token

from interlock.extract import coref, countries, roles
from interlock.extract.lexicon import CAPITALS, COUNTRY_NAMES, DEMONYMS
from interlock.extract.state import NAME_KINDS, DocState, EntityDraft, MentionDraft, StatementDraft
from interlock.model import Timex
from interlock.vocab import load_predicates, require_predicate
from interlock.vocab.words import word_map, word_set

ORG_LIKE = frozenset(("ORG", "GPE", "NORP", "LOC", "FAC"))
#: prepositions that bound a role in time, and which end of the role they set
TIME_PREPS = word_map("relations", "time_preps")
#: verbs whose "in 2010" dates the end of a role rather than its start
END_VERBS = word_set("relations", "end_verbs")


class Context:
    """One document's parse and entities, with look-ups the rules need."""

    def __init__(self, doc: Doc, state: DocState) -> None:
        self.doc = doc
        self.state = state
        self.statements: list[StatementDraft] = []
        #: the pattern that found the last role holder ("title", "appos", "copula", ...)
        self.how = ""
        #: the former holder a replacement names ("X replaced [Y] as commander")
        self.replaced: EntityDraft | None = None
        #: the post's phrase says it ended ("the termination of X's appointment as ...")
        self.ended = False

    # -- entities -------------------------------------------------------
    def mentions_at(self, token: Token) -> list[tuple[MentionDraft, EntityDraft]]:
        """Mentions covering a token, shortest first."""
        start, end = token.idx, token.idx + len(token.text)
        found = [
            (m, e)
            for e in self.state.live_entities()
            for m in e.mentions
            if m.start <= start and end <= m.end
        ]
        found.sort(key=lambda x: x[0].end - x[0].start)
        return found

    def entity(
        self, token: Token, labels: Iterable[str], named_only: bool = False
    ) -> EntityDraft | None:
        """The entity a token belongs to, if its label is one of ``labels``."""
        wanted = frozenset(labels)
        for mention, ent in self.mentions_at(token):
            ent = ent.resolved()
            if ent.label not in wanted:
                continue
            if named_only and mention.kind == "nominal":
                continue
            return ent
        return None

    def mention_kind(self, token: Token, ent: EntityDraft) -> str | None:
        """The kind of the mention of ``ent`` covering ``token``."""
        for mention, other in self.mentions_at(token):
            if other.resolved() is ent:
                return mention.kind
        return None

    def ensure_org(self, token: Token, linked: bool = False) -> EntityDraft | None:
        """The organisation a proper noun names, made an entity when NER missed it ("the PMU");
        ``linked`` when the word stands before "-linked", "-backed" and the like, where only an
        organisation or a state can ("the Al Qaeda-linked Shebab")."""
        found = self.entity(token, ORG_LIKE)
        if found is not None:
            return found
        if any(m.kind != "nominal" for m, _ in self.mentions_at(token)):
            return None  # a person or an event, not a missed organisation
        if token.pos_ != "PROPN" or not token.text[:1].isupper() or token.ent_type_ in ("DATE", "PERSON"):
            return None
        if self.state.dateline_end is not None and token.idx < self.state.dateline_end:
            return None  # "KYIV -": the dateline names where the story was filed
        if token.lower_ in CAPITALS or token.lower_ in DEMONYMS or token.text in COUNTRY_NAMES:
            return None  # a place in capitals is no acronym
        left = token.i
        while left > 0 and self.doc[left - 1].dep_ == "compound" and self.doc[left - 1].pos_ == "PROPN":
            left -= 1
        span = self.doc[left : token.i + 1]
        text = span.text
        key = _fold(text)
        for ent in self.state.live_entities():
            if ent.label in ("ORG", "GPE", "NORP") and any(_fold(m.text) == key for m in ent.mentions):
                kind = "acronym" if text.isupper() and len(text) <= 7 else "name"
                self.state.add_mention(ent, span.start_char, span.end_char, text, kind)
                return ent.resolved()
        if not (text.isupper() and 2 <= len(text) <= 7) and token.ent_type_ != "ORG" and not linked:
            # a capitalised word NER did not see as an organisation is too often a
            # portfolio, a title or a work: only acronyms and NER's own ORG tokens count
            return None
        kind = "acronym" if text.isupper() and len(text) <= 7 else "name"
        return self.state.new_entity("ORG", span.start_char, span.end_char, text, kind)

    def org_named_before(self, token: Token, last_word: str | None = None) -> EntityDraft | None:
        """The organisation named last before ``token``, in its sentence or the one before
        ("the group's spokesman", "its leader"); with ``last_word``, only one whose name ends
        in that word ("the Northern Alliance ... the alliance")."""
        sent = token.sent
        start = self.doc[sent.start - 1].sent.start_char if sent.start > 0 else sent.start_char
        best: tuple[int, EntityDraft] | None = None
        for ent in self.state.live_entities():
            if ent.label != "ORG" or ent.anonymous:
                continue
            if last_word is not None and ent.name.lower().split()[-1:] not in ([last_word], [last_word + "s"]):
                continue
            for m in ent.mentions:
                if start <= m.start and m.end <= token.idx and m.kind in NAME_KINDS and (
                        best is None or m.start > best[0]):
                    best = (m.start, ent.resolved())
        return best[1] if best is not None else None

    def holder(self, token: Token | None) -> EntityDraft | None:
        """The person a token names, following a relative pronoun to its antecedent."""
        if token is None:
            return None
        token = roles.climb_relative(token)
        for _ in range(4):
            ent = self.entity(token, roles.PERSON_LABELS)
            if ent is not None and self.mention_kind(token, ent) == "nominal":
                # "appointed his spokesperson, Ibrahim Kalin, as ...": the name in apposition
                for child in token.children:
                    if child.dep_ == "appos":
                        named = self.entity(child, roles.PERSON_LABELS, named_only=True)
                        if named is not None:
                            return named
            if ent is not None or token.ent_type_:
                return ent
            # "X was an American journalist who served as ...": from the noun to X
            if token.dep_ == "attr" and token.head.lemma_ == "be":
                subj = next((c for c in token.head.children if c.dep_ == "nsubj"), None)
                if subj is None:
                    return None
                token = subj
            elif token.dep_ in ("conj", "appos") and token.head.pos_ in ("NOUN", "PROPN"):
                token = token.head
            else:
                return None
        return None

    # -- statements -----------------------------------------------------
    def add(
        self,
        subject: EntityDraft | None,
        predicate: str,
        obj: EntityDraft | None,
        anchor: Token,
        role: str | None = None,
        status: str = "current",
        verb: Token | None = None,
    ) -> StatementDraft | None:
        """Draft a statement when its subject and object fit the predicate; None otherwise."""
        spec = load_predicates()[require_predicate(predicate)]
        if subject is None or not subject.resolved().mentions:
            return None
        subject = subject.resolved()
        if obj is not None:
            obj = obj.resolved()
            if obj.label == "NORP" and spec.takes_role:
                obj = self._country_of_demonym(obj)  # "Turkish President X" is Turkey's
            if obj is subject or not obj.mentions or obj.label not in spec.object:
                return None
            if (subject.label != "PERSON" or subject.name == obj.name) and one_actor(subject, obj):
                return None  # "the Front (FLN) ... FLN": one group under two names is no tie
        elif not spec.object_optional:
            return None
        if subject.label not in spec.subject:
            return None
        sent = anchor.sent
        modality = "asserted"
        negated, no_longer = roles.polarity(verb if verb is not None else anchor)
        if no_longer:
            status = "former"
        if roles.is_conditional(anchor):
            modality = "conditional"
        elif negated:
            modality = "negated"
        elif status == "planned":
            modality = "planned"
        draft = StatementDraft(
            subject=subject,
            predicate=predicate,
            object=obj,
            evidence=_evidence(sent),
            role=role if spec.takes_role else None,
            status=status,
            modality=modality,
            anchor=anchor.idx,
            polarity_checked=True,
        )
        self._attach_time(draft, verb if verb is not None else anchor)
        self.statements.append(draft)
        return draft

    def _country_of_demonym(self, obj: EntityDraft) -> EntityDraft:
        """The country a nationality word names, as an entity of the document (the one named,
        else the word itself as the country's mention); other group words stay as they are."""
        country = DEMONYMS.get(obj.name.lower())
        if country is None or country not in countries.COUNTRY_SET:
            return obj
        found = countries.country_entity(self.state, country)
        return found.resolved() if found is not None else obj

    def _attach_time(self, draft: StatementDraft, word: Token) -> None:
        """Set valid_from / valid_to from "until 2019", "since May 2016", "resigned on March 3"."""
        for prep in list(word.children) + ([] if word.head is word else list(word.head.children)):
            how = TIME_PREPS.get(prep.lower_) if prep.dep_ == "prep" else None
            if how is None:
                continue
            span = prep.doc[prep.i + 1 : prep.right_edge.i + 1]
            timex = self._timex_in(span)
            if timex is None:
                continue
            value = timex.value
            if how == "at":
                how = "to" if word.lemma_.lower() in END_VERBS else "from"
                if word.lemma_.lower() not in roles.ROLE_VERBS | END_VERBS:
                    continue
            if how == "to":
                draft.valid_to = value
                if word.tag_ in ("VBD", "VBN") or word.lemma_.lower() in END_VERBS:
                    draft.status = "former" if draft.status == "current" else draft.status
            else:
                draft.valid_from = value
            draft.time = timex
            return

    def _timex_in(self, span: Span) -> Timex | None:
        for timex in self.state.times:
            if timex.start < span.end_char and span.start_char < timex.end:
                return timex
        return None


def _fold(text: str) -> str:
    """A name with case and hyphens aside: "Al Qaeda" and "al-Qaeda" are one name."""
    return " ".join(text.lower().replace("-", " ").split())


def _evidence(sent: Span) -> tuple[int, int]:
    """The sentence's offsets without surrounding white space."""
    text = sent.text
    start = sent.start_char + (len(text) - len(text.lstrip()))
    end = sent.end_char - (len(text) - len(text.rstrip()))
    return (start, max(start, end))


def one_actor(a: EntityDraft, b: EntityDraft) -> bool:
    """True when two clusters name one organisation: the same name, or one the other's
    acronym ("Syrian Democratic Forces" and "SDF")."""
    x, y = a.name.lower().removeprefix("the "), b.name.lower().removeprefix("the ")
    if x == y:
        return True
    short, long_ = (a.name, b.name) if len(a.name) <= len(b.name) else (b.name, a.name)
    return short.isupper() and 2 <= len(short) <= 7 and coref.initials_match(short, long_)


def dedupe(drafts: list[StatementDraft]) -> list[StatementDraft]:
    """One statement per subject, predicate, object and role; the first found wins."""
    seen: set[tuple[int, str, int, str | None, str]] = set()
    out: list[StatementDraft] = []
    for d in drafts:
        key = (
            id(d.subject.resolved()),
            d.predicate,
            id(d.object.resolved()) if d.object is not None else 0,
            d.role,
            d.modality,
        )
        if key in seen:
            continue
        seen.add(key)
        out.append(d)
    return out
