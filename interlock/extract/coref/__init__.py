"""Within-document coreference: names, short names, acronyms, role nominals, pronouns.

Reads: the entity drafts (one per mention) that ``interlock.extract.entities`` leaves in
``state``, and the parse (``token.dep``, ``token.head``, ``token.pos``, ``token.tag``,
``token.lemma``, ``token.ent_type``, ``doc.sents``). Merges drafts into clusters in
``state``, adds pronoun mentions and chooses each cluster's name. Rules run from the
most to the least reliable: equal names, then short names and acronyms, then
appositions, then definite role nominals ("the ambassador"), then personal pronouns.

Modules: ``clusters`` (``cluster``: the order of the rules; names merged by equal and
longer forms; each cluster's name), ``nominals`` (appositions, predicatives, definite
role nominals), ``pronouns`` (he, his, she, her), ``names`` (``name_words``,
``name_keys``, ``folded_words``, ``word_key``, ``initials_match``: how names compare,
which the entity finders and the relation rules use too). The word lists are in
``interlock/vocab/coref.yaml``.
"""

from interlock.extract.coref.clusters import cluster
from interlock.extract.coref.names import (
    folded_words,
    initials_match,
    name_keys,
    name_words,
    word_key,
)

__all__ = ["cluster", "name_words", "name_keys", "folded_words", "word_key", "initials_match"]
