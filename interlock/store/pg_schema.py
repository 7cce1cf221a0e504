"""The PostgreSQL store's tables, as migrations grouped per subsystem.

The same tables and columns as the SQLite store (``interlock/store/schema.py``,
``docs/schema.md``), in PostgreSQL's types: JSON lists stay TEXT so that both stores
read them alike; full-text search is a generated ``tsvector`` column with a GIN index
(``names_fts``, ``documents_fts``); ``nocase`` is a case-insensitive ICU collation,
as SQLite's ``COLLATE NOCASE``. ``schema_versions`` records each subsystem's version.
"""

from __future__ import annotations

#: subsystem -> [(version, SQL)], applied in order, each migration in its own transaction
MIGRATIONS: dict[str, list[tuple[int, str]]] = {
    "documents": [(1, """
        CREATE COLLATION IF NOT EXISTS nocase (provider = icu, locale = 'und-u-ks-level2', deterministic = false);
        CREATE TABLE outlets (
            id TEXT PRIMARY KEY,
            name TEXT NOT NULL UNIQUE,
            reliability TEXT NOT NULL DEFAULT 'F',
            kind TEXT,
            affiliation TEXT,
            actor_id TEXT
        );
        CREATE TABLE documents (
            id TEXT PRIMARY KEY,
            content_hash TEXT NOT NULL,
            title TEXT,
            url TEXT,
            outlet_id TEXT REFERENCES outlets(id),
            published TEXT,
            text TEXT NOT NULL,
            source TEXT,
            ingested_at TEXT NOT NULL,
            errors TEXT NOT NULL DEFAULT '[]',
            copy_of TEXT,
            copy_similarity DOUBLE PRECISION,
            minhash BYTEA,
            extraction_version TEXT
        );
        CREATE INDEX documents_hash ON documents(content_hash);
        CREATE INDEX documents_published ON documents(published);
        CREATE INDEX documents_copy_of ON documents(copy_of);
        CREATE INDEX documents_outlet ON documents(outlet_id);
        CREATE TABLE document_bands (
            band INTEGER NOT NULL,
            key TEXT NOT NULL,
            document_id TEXT NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
            PRIMARY KEY (band, key, document_id)
        );
        CREATE INDEX document_bands_document ON document_bands(document_id);
        CREATE TABLE document_versions (
            document_id TEXT NOT NULL,
            content_hash TEXT NOT NULL,
            text TEXT NOT NULL,
            ingested_at TEXT NOT NULL,
            replaced_at TEXT NOT NULL,
            PRIMARY KEY (document_id, content_hash)
        );
        CREATE TABLE documents_fts (
            document_id TEXT NOT NULL,
            title TEXT,
            text TEXT,
            tsv tsvector GENERATED ALWAYS AS (
                setweight(to_tsvector('simple', coalesce(title, '')), 'A') ||
                to_tsvector('simple', left(coalesce(text, ''), 500000))) STORED
        );
        CREATE INDEX documents_fts_document ON documents_fts(document_id);
        CREATE INDEX documents_fts_tsv ON documents_fts USING gin(tsv);
        -- made here, not on first use: concurrent writers must not race to create it
        CREATE TABLE refresh_pending (since TEXT NOT NULL, why TEXT NOT NULL);
    """)],
    "extraction": [(1, """
        CREATE TABLE entities (
            id TEXT PRIMARY KEY,
            seq BIGINT GENERATED ALWAYS AS IDENTITY,  -- the order stored in, as SQLite's rowid
            document_id TEXT NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
            label TEXT NOT NULL,
            name TEXT NOT NULL,
            anonymous INTEGER NOT NULL,
            descriptors TEXT NOT NULL,
            name_key TEXT NOT NULL DEFAULT '',
            actor_id TEXT
        );
        CREATE INDEX entities_document ON entities(document_id);
        CREATE INDEX entities_name ON entities(name COLLATE nocase);
        CREATE INDEX entities_name_key ON entities(name_key);
        CREATE INDEX entities_actor ON entities(actor_id);
        CREATE TABLE mentions (
            entity_id TEXT NOT NULL REFERENCES entities(id) ON DELETE CASCADE,
            document_id TEXT NOT NULL,
            start INTEGER NOT NULL,
            "end" INTEGER NOT NULL,
            text TEXT NOT NULL,
            kind TEXT NOT NULL,
            PRIMARY KEY (entity_id, start, "end")
        );
        CREATE INDEX mentions_text ON mentions(text COLLATE nocase);
        CREATE INDEX mentions_document ON mentions(document_id);
        CREATE TABLE aliases (
            entity_id TEXT NOT NULL REFERENCES entities(id) ON DELETE CASCADE,
            document_id TEXT NOT NULL,
            alias TEXT NOT NULL,
            start INTEGER NOT NULL,
            "end" INTEGER NOT NULL,
            PRIMARY KEY (entity_id, start, "end")
        );
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
            via TEXT NOT NULL,
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
            evidence_text TEXT NOT NULL,
            confidence DOUBLE PRECISION NOT NULL DEFAULT 1.0,
            rule TEXT NOT NULL DEFAULT ''
        );
        CREATE INDEX statements_subject ON statements(subject_id);
        CREATE INDEX statements_object ON statements(object_id);
        CREATE INDEX statements_document ON statements(document_id);
        CREATE INDEX statements_confidence ON statements(confidence);
        CREATE TABLE events (
            id TEXT PRIMARY KEY,
            document_id TEXT NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
            type TEXT NOT NULL,
            participants TEXT NOT NULL,
            place_id TEXT,
            time TEXT,
            interval_from TEXT,
            interval_to TEXT,
            topics TEXT NOT NULL,
            secret INTEGER NOT NULL,
            modality TEXT NOT NULL,
            attribution_id TEXT,
            uncertain TEXT NOT NULL,
            evidence_start INTEGER NOT NULL,
            evidence_end INTEGER NOT NULL,
            evidence_text TEXT NOT NULL,
            confidence DOUBLE PRECISION NOT NULL DEFAULT 1.0
        );
        CREATE INDEX events_document ON events(document_id);
        CREATE TABLE times (
            document_id TEXT NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
            start INTEGER NOT NULL,
            "end" INTEGER NOT NULL,
            text TEXT NOT NULL,
            type TEXT NOT NULL,
            value TEXT,
            interval_from TEXT,
            interval_to TEXT,
            PRIMARY KEY (document_id, start, "end")
        );
        CREATE TABLE names_fts (
            name TEXT NOT NULL,
            entity_id TEXT NOT NULL,
            tsv tsvector GENERATED ALWAYS AS (to_tsvector('simple', name)) STORED
        );
        CREATE INDEX names_fts_entity ON names_fts(entity_id);
        CREATE INDEX names_fts_tsv ON names_fts USING gin(tsv);
    """)],
    "resolution": [(1, """
        CREATE TABLE actors (
            id TEXT PRIMARY KEY,
            label TEXT NOT NULL,
            name TEXT NOT NULL,
            names TEXT NOT NULL,
            reference_id TEXT,
            kinds TEXT NOT NULL DEFAULT '[]'
        );
        CREATE INDEX actors_reference ON actors(reference_id);
        CREATE TABLE judgements (
            id BIGINT GENERATED BY DEFAULT AS IDENTITY PRIMARY KEY,
            kind TEXT NOT NULL,
            a TEXT NOT NULL,
            b TEXT,
            who TEXT NOT NULL,
            at TEXT NOT NULL,
            note TEXT
        );
        CREATE TABLE reference_entities (
            id TEXT PRIMARY KEY,
            seq BIGINT GENERATED ALWAYS AS IDENTITY,  -- the order stored in, as SQLite's rowid
            label TEXT NOT NULL,
            schema TEXT NOT NULL,
            name TEXT NOT NULL,
            names TEXT NOT NULL,
            identifiers TEXT NOT NULL,
            kinds TEXT NOT NULL DEFAULT '[]',
            source TEXT
        );
    """), (2, """
        ALTER TABLE judgements ADD COLUMN left_key TEXT;
        ALTER TABLE judgements ADD COLUMN right_key TEXT;
        ALTER TABLE judgements ADD COLUMN deleted_at TEXT;
        ALTER TABLE judgements ADD COLUMN deleted_by TEXT;
        CREATE INDEX judgements_keys ON judgements(left_key, right_key);
    """)],
    "credibility": [(1, """
        CREATE TABLE claims (
            id TEXT PRIMARY KEY,
            subject_actor TEXT NOT NULL,
            predicate TEXT NOT NULL,
            object_actor TEXT,
            origins TEXT NOT NULL,
            corroboration INTEGER NOT NULL,
            contradicted_by TEXT NOT NULL,
            letter TEXT NOT NULL,
            credibility INTEGER NOT NULL,
            grade TEXT NOT NULL,
            reason TEXT NOT NULL
        );
        CREATE INDEX claims_subject ON claims(subject_actor);
        CREATE INDEX claims_object ON claims(object_actor);
        CREATE TABLE statement_grades (
            statement_id TEXT PRIMARY KEY,
            claim_id TEXT NOT NULL,
            attribution_type TEXT NOT NULL,
            origin TEXT NOT NULL,
            letter TEXT NOT NULL,
            credibility INTEGER NOT NULL,
            grade TEXT NOT NULL,
            reason TEXT NOT NULL
        );
        CREATE INDEX statement_grades_claim ON statement_grades(claim_id);
        CREATE TABLE contradictions (
            statement_id TEXT NOT NULL,
            other_id TEXT NOT NULL,
            reason TEXT NOT NULL,
            PRIMARY KEY (statement_id, other_id)
        );
    """), (2, """
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
    """)],
    "vetting": [(1, """
        CREATE TABLE watches (
            id BIGINT GENERATED BY DEFAULT AS IDENTITY PRIMARY KEY,
            kind TEXT NOT NULL,
            target TEXT NOT NULL,
            entities TEXT NOT NULL DEFAULT '[]',
            who TEXT NOT NULL,
            at TEXT NOT NULL
        );
        CREATE TABLE findings (
            id TEXT PRIMARY KEY,
            rule_id TEXT NOT NULL,
            fingerprint TEXT NOT NULL,
            body TEXT NOT NULL,
            first_seen TEXT NOT NULL,
            last_seen TEXT NOT NULL
        );
        CREATE TABLE alerts (
            id BIGINT GENERATED BY DEFAULT AS IDENTITY PRIMARY KEY,
            at TEXT NOT NULL,
            kind TEXT NOT NULL,
            watch_id BIGINT,
            finding_id TEXT,
            statement_id TEXT,
            document_id TEXT,
            message TEXT NOT NULL
        );
        CREATE INDEX alerts_at ON alerts(at);
    """), (2, """
        -- path search (interlock.vet.engine): which statements of some predicates leave or reach an entity,
        -- then only the rows that reach an actor of the kinds it looks for (as interlock/store/schema.py)
        CREATE INDEX statements_vet_subject ON statements(subject_id, predicate, object_id) INCLUDE (id)
            WHERE predicate <> '';
        CREATE INDEX statements_vet_object ON statements(object_id, predicate, subject_id) INCLUDE (id)
            WHERE predicate <> '';
    """)],
}
