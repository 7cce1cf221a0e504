"""Attribution: quotes and reported speech, each with its source, cue and content.

The ``interlock_attribution`` component. It reads the parse (``token.lemma``,
``token.pos``, ``token.tag``, ``token.dep``, ``token.head``, ``token.ent_type``,
``doc.sents`` and ``token.is_sent_start``), the document's quote marks and line breaks,
and what ``interlock_entities`` left on ``doc._.interlock``: the entity clusters and
their mentions, and the publishing outlet. It adds ``doc._.interlock.attributions``
(``doc._.interlock_attributions``): one ``AttributionDraft`` per claim, with its kind
(direct, indirect, mixed), cue, content, source and addressee offsets, the cue model's
probability, the source's entity, whether the source is anonymous, the outlets it came
through (``via``), the earlier attribution of the same source and, for a denial or a
hedged cue, its modality. It also adds to the entities: a speaker with no cluster yet
("officials", "sources close to X") and an outlet the recogniser missed ("told AFP")
become entities, and a headline's "Name: '...'" a mention of the person named.

Modules: ``speech`` (``find_attributions``: cues chosen by the learned classifier, then
each cue's source, content and addressee by rules over the parse; ``colon_quotes``),
``cues`` (which words may be a cue, the cues print convention fixes, a cue's span),
``quotes`` (paired quote marks, ``QuoteIndex``), ``features`` (a candidate cue's
features), ``classifier`` (``load_model``, the lemmas' cue rates, the rules' features,
a candidate's probability; weights in ``interlock/models/attribution.json``, trained by
``scripts/train_attribution.py``), ``contents`` (a cue's content, by rules over the
parse), ``speakers`` (a cue's source and addressee in the text), ``spans`` (token
ranges as character offsets), ``sources`` (``link_sources``: sources to entities, relay
chains), ``claims`` (``prune``: attributions that make no claim are dropped).
"""

from interlock.extract.attribution.classifier import load_model
from interlock.extract.attribution.speech import find_attributions

__all__ = ["find_attributions", "load_model"]
