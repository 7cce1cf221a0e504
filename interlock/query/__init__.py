"""Questions asked of a store: who is this, what happened when, how are two actors tied.

Each function takes an open store (``interlock.store.Store``) and returns plain data (dicts and
lists, ready for ``--json``); the CLI prints them. An actor is every entity that
shares a grouping key (label and transliteration-folded name) across documents,
until cross-document resolution links actors more cleverly.

The questions live in modules by what they answer: ``profiles`` (``show``), ``timelines``
(``timeline``, ``events``), ``paths`` (``ties``), ``fulltext`` (``search``) and ``overview``
(``stats``); ``statements`` holds what they read of statements (names, source chains, grades),
and ``checks`` the checks of a question's dates and size (``BadQuery``). Looking an actor up is
``interlock.lookup``'s, re-exported here. This package re-exports what other code uses.
"""

from __future__ import annotations

from interlock.lookup import LOOKUP_THRESHOLD as LOOKUP_THRESHOLD
from interlock.lookup import SUGGEST_THRESHOLD as SUGGEST_THRESHOLD
from interlock.lookup import Ambiguous as Ambiguous
from interlock.lookup import NotFound as NotFound
from interlock.lookup import actor_summary as actor_summary
from interlock.lookup import candidates as candidates
from interlock.lookup import describe as describe
from interlock.lookup import find_actor as find_actor
from interlock.lookup import lookup as lookup
from interlock.lookup import suggest as suggest
from interlock.query.checks import MAX_SEARCH_CHARS as MAX_SEARCH_CHARS
from interlock.query.checks import MAX_SEARCH_TERMS as MAX_SEARCH_TERMS
from interlock.query.checks import BadQuery as BadQuery
from interlock.query.checks import check_date as check_date
from interlock.query.checks import check_search_size as check_search_size
from interlock.query.checks import in_date_range as in_date_range
from interlock.query.fulltext import fts_query as fts_query
from interlock.query.fulltext import search as search
from interlock.query.overview import most_connected as most_connected
from interlock.query.overview import stats as stats
from interlock.query.paths import neighbours as neighbours
from interlock.query.paths import ties as ties
from interlock.query.profiles import show as show
from interlock.query.statements import actor_names as actor_names
from interlock.query.statements import chunks as chunks
from interlock.query.statements import source_chain as source_chain
from interlock.query.statements import statement_grades as statement_grades
from interlock.query.timelines import EVENT_TYPES as EVENT_TYPES
from interlock.query.timelines import events as events
from interlock.query.timelines import timeline as timeline
