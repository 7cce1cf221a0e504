"""Entities: spaCy's named entities, repaired, plus unnamed people known by their role.

The ``interlock_entities`` component. It reads the text (an opening dateline, a closing
"Source » outlet" line), ``doc.ents`` and the parse (``token.pos``, ``token.tag``,
``token.dep``, ``token.head``, ``token.lemma``, ``token.ent_type``, ``token.whitespace_``,
``doc.sents`` through ``token.is_sent_start``). It adds ``state.entities`` (one draft per
mention at first), ``state.dateline_end``, the outlet entity of a trailing "Source »
outlet" line with ``state.outlet`` and ``state.body_end``; then ``interlock.extract.coref``
clusters them (``doc._.interlock_entities``).

Modules: ``mentions`` (``build_entities``: the order of the finders; the dateline and the
outlet line), ``spans`` (the model's spans joined, trimmed, grown, run on), ``labels``
(labels the model gets wrong), ``runs`` (runs of capitalised words the model missed),
``people`` (given names, mislabelled people, later surnames), ``organisations``
(acronyms, a state's bodies), ``nominals`` (people known by their role: ``nominal_span``,
``descriptor_text``), ``words`` (title words and name words the others share). The word
lists are in ``interlock/vocab/entities.yaml``.
"""

from interlock.extract.entities.mentions import DATELINE, SOURCE_LINE, build_entities
from interlock.extract.entities.nominals import descriptor_text, nominal_span

__all__ = ["build_entities", "nominal_span", "descriptor_text", "SOURCE_LINE", "DATELINE"]
