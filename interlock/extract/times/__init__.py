"""Times: the temporal expressions (TIMEX3) of a text, found and normalised.

The ``interlock_times`` component. It reads the document's text, the parse around each
match (``token.tag``, ``token.pos``, ``token.dep``, ``token.head``, ``token.lemma`` give the
tense of its clause; ``token.ent_type`` turns down a "May" or "1990" inside a name, and
keeps a year the recogniser calls a ``DATE``; ``doc.sents`` gives its sentence) and the
publication date, the anchor that relative expressions ("last Friday", "two years ago")
are resolved against. It adds ``doc._.interlock.times`` (``doc._.interlock_times``): one
``Timex`` per expression, in text order, with its offsets, type (DATE, TIME, DURATION,
SET), value, covered interval and whether it was resolved against the anchor.

Modules: ``timexes`` (``find_timexes``: the longest non-overlapping matches, each
normalised with the tense of its clause), ``patterns`` (the list of rules and the words
each rule's matches need), ``rules`` (``Rule``, ``Context`` and the normalisers of
explicit dates, years, weekdays, holidays, clock times), ``relative`` (the normalisers
of relative expressions and durations), ``calendar`` (date arithmetic and intervals),
``lexicon`` (month, weekday, number and unit words and their values).
"""

from interlock.extract.times.timexes import find_timexes

__all__ = ["find_timexes"]
