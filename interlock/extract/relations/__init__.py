"""Relations: statements about people and organisations (posts, memberships, backing, ties).

The ``interlock_relations`` component. It reads the parse (``token.dep``, ``token.head``,
``token.lemma``, ``token.pos``, ``token.tag``, ``token.ent_type``, ``token.ent_iob``,
``doc.sents``) and what the components before it left on ``doc._.interlock``: the entity
clusters and their mentions, the dateline and where the article's body ends, the times
(for "since May 2016", "until 2019") and the publication date, and the attributions (a
statement inside a quotation's content is its source's claim). It adds
``doc._.interlock.statements`` (``doc._.interlock_statements``): ``StatementDraft``
objects with subject, predicate, object, role, status (current, former, planned), the
times they hold from or to, evidence, the rule that found each, and the attribution it
sits in. It also adds to the entities: an organisation, country or election a statement
names that no cluster held yet becomes an entity, and a mention is added where an
existing cluster is named again.

Modules: ``statements`` (``find_statements``: the order of the rules; posts listed among
nominees, attributions), ``role_statements`` (the statements a role noun licenses),
``role_holders`` (who holds a role: title, apposition, copula, role verb, replacement),
``role_objects`` (the organisation, country, election or place of a role), ``successions``
(posts handed from one person to another, counterparts), ``context`` (``Context``, what the
rules share: entities by token, drafting a statement, attaching its time; ``one_actor``,
``dedupe``), ``links`` (backing, ties, founding, joining, leading, parts; organisation
descriptors), ``ties`` (set phrases that tie organisations to each other and to their
people: which rule a token starts) with its rules in ``alliances`` (linked, aligned, loyal,
allies, rivals), ``parts`` (wings, units, members, bodies, chairs), ``conflicts`` (fights,
oustings, strikes), ``backing`` (backed and led by) and the actors they name in ``actors``,
``promises`` (posts given or promised, planned), ``tenure`` (posts ended by an ousting, a
death, a replacement). The role words themselves are in ``interlock.extract.roles``,
which entities, modality and confidence read too.
"""

from interlock.extract.relations.statements import find_statements

__all__ = ["find_statements"]
