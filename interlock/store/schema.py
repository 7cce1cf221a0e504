"""The store's tables, as migrations grouped per subsystem, each recording its version.

The layout is plain SQLite that any tool can open (sqlite3, Datasette, DuckDB,
pandas): one row per document, entity, mention, statement, attribution, event
and time expression, every row keyed by the content-derived ids extraction
gives, so that storing the same document twice changes nothing. Lists (relay
chains, event participants, descriptors) are JSON arrays in TEXT columns.

Each subsystem (documents, extraction, resolution, credibility, vetting) has its
own numbered migrations; ``schema_versions`` records the version each subsystem is
at. ``STEPS`` is the one order they are applied in (a subsystem's tables may refer
to another's), and ``PRAGMA user_version`` counts the steps applied, so that an
older Interlock refuses a store it does not know. Stores made before the grouping
(``user_version`` 1 to 6, no ``schema_versions``) are read through ``LEGACY``.
"""

from __future__ import annotations

SUBSYSTEMS = ("documents", "extraction", "resolution", "credibility", "vetting")

#: (subsystem, version, SQL), in the order they are applied; a step's place + 1 is the user_version after it
STEPS: list[tuple[str, int, str]] = [
    ("documents", 1, """
        CREATE TABLE outlets (
            id TEXT PRIMARY KEY,
            name TEXT NOT NULL UNIQUE
        );
        CREATE TABLE documents (
            id TEXT PRIMARY KEY,            -- the extraction id: the record's id, else a content hash
            content_hash TEXT NOT NULL,     -- sha1 of the text: an edited text is a new version
            title TEXT,
            url TEXT,
            outlet_id TEXT REFERENCES outlets(id),
            published TEXT,                 -- YYYY-MM-DD
            text TEXT NOT NULL,
            source TEXT,                    -- where it was read from (file, line)
            ingested_at TEXT NOT NULL,
            errors TEXT NOT NULL DEFAULT '[]'
        );
        CREATE INDEX documents_hash ON documents(content_hash);
        CREATE INDEX documents_published ON documents(published);
        CREATE VIRTUAL TABLE documents_fts USING fts5(document_id UNINDEXED, title, text);
        """),
    ("extraction", 1, """        CREATE TABLE entities (
            id TEXT PRIMARY KEY,
            document_id TEXT NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
            label TEXT NOT NULL,
            name TEXT NOT NULL,
            anonymous INTEGER NOT NULL,
            descriptors TEXT NOT NULL       -- JSON array
        );
        CREATE INDEX entities_document ON entities(document_id);
        CREATE INDEX entities_name ON entities(name COLLATE NOCASE);
        CREATE TABLE mentions (
            entity_id TEXT NOT NULL REFERENCES entities(id) ON DELETE CASCADE,
            document_id TEXT NOT NULL,
            start INTEGER NOT NULL,
            end INTEGER NOT NULL,
            text TEXT NOT NULL,
            kind TEXT NOT NULL,
            PRIMARY KEY (entity_id, start, end)
        );
        CREATE INDEX mentions_text ON mentions(text COLLATE NOCASE);
        CREATE TABLE attributions (
            id TEXT PRIMARY KEY,
            document_id TEXT NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
            kind TEXT NOT NULL,
            source_entity_id TEXT,
            source_text TEXT,
            source_start INTEGER,
            source_end INTEGER,
            anonymous INTEGER NOT NULL,
            cue_start INTEGER NOT NULL,
            cue_end INTEGER NOT NULL,
            cue_text TEXT NOT NULL,
            content_start INTEGER NOT NULL,
            content_end INTEGER NOT NULL,
            content_text TEXT NOT NULL,
            via TEXT NOT NULL,              -- JSON array of entity ids, innermost first
            same_source_as TEXT,
            modality TEXT NOT NULL
        );
        CREATE INDEX attributions_document ON attributions(document_id);
        CREATE INDEX attributions_source ON attributions(source_entity_id);
        CREATE TABLE statements (
            id TEXT PRIMARY KEY,
            document_id TEXT NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
            subject_id TEXT NOT NULL,
            predicate TEXT NOT NULL,
            object_id TEXT,
            role TEXT,
            status TEXT NOT NULL,
            modality TEXT NOT NULL,
            valid_from TEXT,
            valid_to TEXT,
            time TEXT,
            attribution_id TEXT,
            evidence_start INTEGER NOT NULL,
            evidence_end INTEGER NOT NULL,
            evidence_text TEXT NOT NULL
        );
        CREATE INDEX statements_subject ON statements(subject_id);
        CREATE INDEX statements_object ON statements(object_id);
        CREATE INDEX statements_document ON statements(document_id);
        CREATE TABLE events (
            id TEXT PRIMARY KEY,
            document_id TEXT NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
            type TEXT NOT NULL,
            participants TEXT NOT NULL,     -- JSON array of entity ids
            place_id TEXT,
            time TEXT,
            interval_from TEXT,
            interval_to TEXT,
            topics TEXT NOT NULL,           -- JSON array of entity ids
            secret INTEGER NOT NULL,
            modality TEXT NOT NULL,
            attribution_id TEXT,
            uncertain TEXT NOT NULL,        -- JSON array
            evidence_start INTEGER NOT NULL,
            evidence_end INTEGER NOT NULL,
            evidence_text TEXT NOT NULL
        );
        CREATE INDEX events_document ON events(document_id);
        CREATE TABLE times (
            document_id TEXT NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
            start INTEGER NOT NULL,
            end INTEGER NOT NULL,
            text TEXT NOT NULL,
            type TEXT NOT NULL,
            value TEXT,
            interval_from TEXT,
            interval_to TEXT,
            PRIMARY KEY (document_id, start, end)
        );
        CREATE VIRTUAL TABLE names_fts USING fts5(name, entity_id UNINDEXED);
        """),
    ("extraction", 2, """
        -- the key that groups one actor's entities across documents until resolution
        -- (interlock.resolve) links them: the label and the transliteration-folded name
        ALTER TABLE entities ADD COLUMN name_key TEXT NOT NULL DEFAULT '';
        CREATE INDEX entities_name_key ON entities(name_key);
        """),
    ("documents", 2, """
        -- near-duplicates (interlock.dedupe): a syndicated copy points at the first stored
        -- version of the story; LSH band keys find candidates without comparing every pair
        ALTER TABLE documents ADD COLUMN copy_of TEXT;
        ALTER TABLE documents ADD COLUMN copy_similarity REAL;
        ALTER TABLE documents ADD COLUMN minhash BLOB;
        CREATE TABLE document_bands (
            band INTEGER NOT NULL,
            key TEXT NOT NULL,
            document_id TEXT NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
            PRIMARY KEY (band, key, document_id)
        );
        CREATE INDEX documents_copy_of ON documents(copy_of);
        """),
    ("documents", 3, """
        -- an edited document is a new version: the older texts are kept here
        CREATE TABLE document_versions (
            document_id TEXT NOT NULL,
            content_hash TEXT NOT NULL,
            text TEXT NOT NULL,
            ingested_at TEXT NOT NULL,
            replaced_at TEXT NOT NULL,
            PRIMARY KEY (document_id, content_hash)
        );
        """),
    ("documents", 4, """        -- the outlet registry (interlock outlets): Admiralty reliability A-F, F by default
        ALTER TABLE outlets ADD COLUMN reliability TEXT NOT NULL DEFAULT 'F';
        ALTER TABLE outlets ADD COLUMN kind TEXT;          -- wire, state media, party outlet, ...
        ALTER TABLE outlets ADD COLUMN affiliation TEXT;   -- owner or movement it speaks for
        ALTER TABLE outlets ADD COLUMN actor_id TEXT;      -- the outlet as an actor in the graph
        """),
    ("extraction", 3, """        -- cross-document resolution (interlock.resolve): an actor is the set of document
        -- entities resolution puts together; entities.actor_id points at it. Until a store
        -- is resolved, an entity's actor is its name_key (so queries work either way).
        ALTER TABLE entities ADD COLUMN actor_id TEXT;
        CREATE INDEX entities_actor ON entities(actor_id);
        -- aliases an article states ("X, also known as Y", "Y (X)"), with their evidence
        CREATE TABLE aliases (
            entity_id TEXT NOT NULL REFERENCES entities(id) ON DELETE CASCADE,
            document_id TEXT NOT NULL,
            alias TEXT NOT NULL,
            start INTEGER NOT NULL,
            end INTEGER NOT NULL,
            PRIMARY KEY (entity_id, start, end)
        );
        """),
    ("resolution", 1, """        CREATE TABLE actors (
            id TEXT PRIMARY KEY,
            label TEXT NOT NULL,            -- PERSON, ORG, PLACE, NORP, ...
            name TEXT NOT NULL,             -- the display name
            names TEXT NOT NULL,            -- JSON array: every spelling met, most used first
            reference_id TEXT,              -- the reference entity it is linked to, if any
            kinds TEXT NOT NULL DEFAULT '[]'  -- JSON array: armed-group, party, outlet, state-body, ...
        );
        -- analyst judgements, replayed by every resolution: merge, never, split, tag, untag.
        -- a and b are JSON: {"names": [...], "entities": [document entity ids]}; for a tag,
        -- b is the tag itself
        CREATE TABLE judgements (
            id INTEGER PRIMARY KEY AUTOINCREMENT,
            kind TEXT NOT NULL,
            a TEXT NOT NULL,
            b TEXT,
            who TEXT NOT NULL,
            at TEXT NOT NULL,
            note TEXT
        );
        -- reference lists (interlock import-entities): known people and organisations
        CREATE TABLE reference_entities (
            id TEXT PRIMARY KEY,
            label TEXT NOT NULL,            -- PERSON or ORG (or PLACE)
            schema TEXT NOT NULL,           -- the FollowTheMoney schema, e.g. Person, Organization
            name TEXT NOT NULL,
            names TEXT NOT NULL,            -- JSON array: name and aliases
            identifiers TEXT NOT NULL,      -- JSON object: {"wikidataId": [...], ...}
            kinds TEXT NOT NULL DEFAULT '[]',
            source TEXT
        );
        """),
    ("credibility", 1, """        -- credibility (interlock.credibility): a claim is what several statements say
        -- (one subject actor, predicate and object actor); each statement gets a grade
        CREATE TABLE claims (
            id TEXT PRIMARY KEY,
            subject_actor TEXT NOT NULL,
            predicate TEXT NOT NULL,
            object_actor TEXT,
            origins TEXT NOT NULL,          -- JSON array of independent origins backing it
            corroboration INTEGER NOT NULL, -- how many independent origins
            contradicted_by TEXT NOT NULL,  -- JSON array of origins that deny it
            letter TEXT NOT NULL,           -- best source letter among its statements
            credibility INTEGER NOT NULL,   -- 1 confirmed ... 5 improbable, 6 cannot be judged
            grade TEXT NOT NULL,            -- letter + credibility, e.g. B2
            reason TEXT NOT NULL
        );
        CREATE INDEX claims_subject ON claims(subject_actor);
        CREATE INDEX claims_object ON claims(object_actor);
        CREATE TABLE statement_grades (
            statement_id TEXT PRIMARY KEY,
            claim_id TEXT NOT NULL,
            attribution_type TEXT NOT NULL, -- outlet, official, analyst, anonymous, relayed, opinion
            origin TEXT NOT NULL,           -- the independent origin this statement counts for
            letter TEXT NOT NULL,
            credibility INTEGER NOT NULL,
            grade TEXT NOT NULL,
            reason TEXT NOT NULL
        );
        CREATE INDEX statement_grades_claim ON statement_grades(claim_id);
        -- statements that deny or negate others, stored both ways
        CREATE TABLE contradictions (
            statement_id TEXT NOT NULL,
            other_id TEXT NOT NULL,
            reason TEXT NOT NULL,
            PRIMARY KEY (statement_id, other_id)
        );
        """),
    ("vetting", 1, """        -- vetting (interlock.vet): watched entities and rules, and the alerts ingest raises
        CREATE TABLE watches (
            id INTEGER PRIMARY KEY AUTOINCREMENT,
            kind TEXT NOT NULL,             -- actor or rule
            target TEXT NOT NULL,           -- the name or rule id as given
            entities TEXT NOT NULL DEFAULT '[]',  -- JSON: the document entities of a watched actor
            who TEXT NOT NULL,
            at TEXT NOT NULL
        );
        CREATE TABLE findings (
            id TEXT PRIMARY KEY,            -- rule id and the actors it concerns
            rule_id TEXT NOT NULL,
            fingerprint TEXT NOT NULL,      -- changes when its chain or grade changes
            body TEXT NOT NULL,             -- JSON: the finding as vet prints it
            first_seen TEXT NOT NULL,
            last_seen TEXT NOT NULL
        );
        CREATE TABLE alerts (
            id INTEGER PRIMARY KEY AUTOINCREMENT,
            at TEXT NOT NULL,
            kind TEXT NOT NULL,             -- new-finding, changed-finding, new-statement
            watch_id INTEGER,
            finding_id TEXT,
            statement_id TEXT,
            document_id TEXT,
            message TEXT NOT NULL
        );
        CREATE INDEX alerts_at ON alerts(at);
        """),
    ("extraction", 4, """
        -- how likely each statement is right (interlock.extract.confidence) and which rule
        -- found it; a meeting's confidence; which extraction version made each document
        ALTER TABLE statements ADD COLUMN confidence REAL NOT NULL DEFAULT 1.0;
        ALTER TABLE statements ADD COLUMN rule TEXT NOT NULL DEFAULT '';
        ALTER TABLE events ADD COLUMN confidence REAL NOT NULL DEFAULT 1.0;
        CREATE INDEX statements_confidence ON statements(confidence);
        """),
    ("documents", 5, """
        -- which extraction version made each document (interlock reextract)
        ALTER TABLE documents ADD COLUMN extraction_version TEXT;
        """),
    ("credibility", 2, """
        -- the outlet registry is configuration, not news: the file as loaded and its entries
        -- (interlock outlets --load); its outlets and affiliations stay in the graph as statements of
        -- a configuration document that is neither counted, searched, deduplicated nor graded
        CREATE TABLE outlet_registry (
            id INTEGER PRIMARY KEY CHECK (id = 1),
            text TEXT NOT NULL,
            source TEXT,
            loaded_at TEXT NOT NULL
        );
        CREATE TABLE registry_outlets (
            name TEXT PRIMARY KEY,
            aliases TEXT NOT NULL,          -- JSON array
            domains TEXT NOT NULL,          -- JSON array
            reliability TEXT NOT NULL,
            kind TEXT,
            affiliation TEXT
        );
        INSERT INTO outlet_registry (id, text, source, loaded_at)
            SELECT 1, text, source, ingested_at FROM documents WHERE id = 'registry:outlets';
        DELETE FROM documents_fts WHERE document_id LIKE 'registry:%';
        DELETE FROM document_bands WHERE document_id LIKE 'registry:%';
        UPDATE documents SET copy_of = NULL, copy_similarity = NULL WHERE copy_of LIKE 'registry:%';
        UPDATE documents SET minhash = NULL, copy_of = NULL, copy_similarity = NULL WHERE id LIKE 'registry:%';
        """),
    ("resolution", 2, """
        -- judgements as pair edges between stable keys (nomenklatura's resolver is the model): each
        -- side keeps the key of its first entity (folded name @ document : first mention), which
        -- survives re-extraction and re-resolution; a withdrawn judgement is marked, not deleted
        ALTER TABLE judgements ADD COLUMN left_key TEXT;
        ALTER TABLE judgements ADD COLUMN right_key TEXT;
        ALTER TABLE judgements ADD COLUMN deleted_at TEXT;
        ALTER TABLE judgements ADD COLUMN deleted_by TEXT;
        UPDATE judgements SET
            left_key = (SELECT e.name_key || '@' || e.document_id || ':' || coalesce((SELECT m.text FROM mentions m
                WHERE m.entity_id = e.id ORDER BY m.start LIMIT 1), e.name) FROM entities e WHERE e.id = json_extract(judgements.a, '$.entities[0]')),
            right_key = CASE WHEN b LIKE '{%' THEN (SELECT e.name_key || '@' || e.document_id || ':' || coalesce((SELECT m.text FROM mentions m
                WHERE m.entity_id = e.id ORDER BY m.start LIMIT 1), e.name) FROM entities e WHERE e.id = json_extract(judgements.b, '$.entities[0]'))
                        ELSE b END;
        UPDATE judgements SET
            deleted_at = (SELECT min(w.at) FROM judgements w WHERE w.kind = 'withdraw'
                          AND json_extract(w.a, '$.judgement') = judgements.id),
            deleted_by = (SELECT min(w.who) FROM judgements w WHERE w.kind = 'withdraw'
                          AND json_extract(w.a, '$.judgement') = judgements.id)
            WHERE kind LIKE 'withdrawn:%';
        CREATE INDEX judgements_keys ON judgements(left_key, right_key);
        """),
    ("vetting", 2, """
        -- path search (interlock.vet.engine) reads which statements of some predicates leave or reach an
        -- entity off these indexes alone, then only the rows that reach an actor of the kinds it looks for.
        -- Partial on a condition every row meets (predicate <> ''), which only vetting's two statements
        -- repeat: SQLite uses a partial index only for a query that says its condition, so no other
        -- statement's plan or row order changes
        CREATE INDEX statements_vet_subject ON statements(subject_id, predicate, object_id, id) WHERE predicate <> '';
        CREATE INDEX statements_vet_object ON statements(object_id, predicate, subject_id, id) WHERE predicate <> '';
        """),
]

#: the schema_versions table itself, made by the first migration that records a version
VERSIONS_TABLE = (
    "CREATE TABLE IF NOT EXISTS schema_versions (subsystem TEXT PRIMARY KEY, version INTEGER NOT NULL, "
    "at TEXT NOT NULL)"
)

#: a store made before the grouping: its user_version (1-6, one per old migration) -> steps applied
LEGACY = {1: 2, 2: 3, 3: 4, 4: 5, 5: 10, 6: 12}


def known() -> dict[str, int]:
    """The latest version of each subsystem this Interlock knows."""
    out: dict[str, int] = {}
    for subsystem, version, _sql in STEPS:
        out[subsystem] = max(out.get(subsystem, 0), version)
    return out


def versions_after(steps: int) -> dict[str, int]:
    """Each subsystem's version once the first ``steps`` steps are applied."""
    out = {s: 0 for s in SUBSYSTEMS}
    for subsystem, version, _sql in STEPS[:steps]:
        out[subsystem] = version
    return out


#: the number of steps of this Interlock (the user_version of a store it made or migrated)
LATEST = len(STEPS)
