"""The store's tables, as numbered migrations applied in order.

The layout is plain SQLite that any tool can open (sqlite3, Datasette, DuckDB,
pandas): one row per document, entity, mention, statement, attribution, event
and time expression, every row keyed by the content-derived ids extraction
gives, so that storing the same document twice changes nothing. Lists (relay
chains, event participants, descriptors) are JSON arrays in TEXT columns.
``PRAGMA user_version`` holds the number of the last migration applied.
"""

from __future__ import annotations

MIGRATIONS: list[tuple[int, str]] = [
    (
        1,
        """
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
        CREATE TABLE entities (
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
        CREATE VIRTUAL TABLE documents_fts USING fts5(document_id UNINDEXED, title, text);
        CREATE VIRTUAL TABLE names_fts USING fts5(name, entity_id UNINDEXED);
        """,
    ),
]

MIGRATIONS.append(
    (
        2,
        """
        -- the key that groups one actor's entities across documents until resolution
        -- (interlock.resolve) links them: the label and the transliteration-folded name
        ALTER TABLE entities ADD COLUMN name_key TEXT NOT NULL DEFAULT '';
        CREATE INDEX entities_name_key ON entities(name_key);
        """,
    )
)

MIGRATIONS.append(
    (
        3,
        """
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
        """,
    )
)

MIGRATIONS.append(
    (
        4,
        """
        -- an edited document is a new version: the older texts are kept here
        CREATE TABLE document_versions (
            document_id TEXT NOT NULL,
            content_hash TEXT NOT NULL,
            text TEXT NOT NULL,
            ingested_at TEXT NOT NULL,
            replaced_at TEXT NOT NULL,
            PRIMARY KEY (document_id, content_hash)
        );
        """,
    )
)

#: the schema version a store has once every migration is applied
LATEST = MIGRATIONS[-1][0]
