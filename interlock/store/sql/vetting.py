"""What vetting (``interlock.vet``) reads and writes: paths, kinds, tags, watches, findings, alerts."""

#: what path search needs of a statement; the evidence and outlet are read for the chains shown only
_LIGHT = (
    "s.id, s.document_id, s.subject_id, s.predicate, s.object_id, s.role, s.status, s.modality, s.valid_from, "
    "s.valid_to, s.time"
)
_COLUMNS = (
    "s.id, s.document_id, s.subject_id, s.predicate, s.object_id, s.role, s.status, s.modality, s.valid_from, "
    "s.valid_to, s.time, s.attribution_id, s.evidence_text, d.published, o.name AS outlet"
)

SQL: dict[str, str] = {
    "entities_of_actors": "SELECT id, actor_id FROM entities WHERE actor_id IN ({ids})",
    "entity_actors": "SELECT id, actor_id FROM entities WHERE id IN ({ids})",
    "published": "SELECT id, published FROM documents WHERE id IN ({ids})",
    # path search reads statements in two rounds. First the keys of the statements of the step's predicates
    # from the entities it starts at, off the index alone: ``statements_vet_subject`` / ``_object`` hold
    # (entity, predicate, other entity, id) for rows WHERE predicate <> '' (every row), a condition only these
    # two statements repeat, so that no other statement's plan or row order changes. ``key`` is the order
    # rows were stored in (rowid; PostgreSQL: the id, interlock/store/postgres.py), for a stable order.
    # Then the columns of only the statements that reach an actor of the step's kinds, by id.
    "edge_keys_by_subject": (
        "SELECT s.rowid AS key, s.id, s.subject_id, s.object_id FROM statements s "
        "WHERE s.subject_id IN ({ids}) AND s.predicate IN ({preds}) AND s.predicate <> '' "
        "AND s.object_id IS NOT NULL"
    ),
    "edge_keys_by_object": (
        "SELECT s.rowid AS key, s.id, s.subject_id, s.object_id FROM statements s "
        "WHERE s.object_id IN ({ids}) AND s.predicate IN ({preds}) AND s.predicate <> '' "
        "AND s.object_id IS NOT NULL"
    ),
    "edges_by_id": f"SELECT {_LIGHT} FROM statements s WHERE s.id IN ({{ids}})",
    "named_actors": "SELECT DISTINCT actor_id FROM entities WHERE anonymous = 0",
    "grades": "SELECT statement_id, grade, reason FROM statement_grades WHERE statement_id IN ({ids})",
    "actor_name": "SELECT name FROM actors WHERE id = ?",
    "actor_spelling": (
        "SELECT name FROM entities WHERE actor_id = ? GROUP BY name "
        "ORDER BY length(name) DESC, count(*) DESC, name LIMIT 1"
    ),
    "statements_shown": (
        f"SELECT {_COLUMNS} FROM statements s JOIN documents d ON d.id = s.document_id "
        "LEFT JOIN outlets o ON o.id = d.outlet_id WHERE s.id IN ({ids})"
    ),
    "event_shown": (
        "SELECT v.*, d.published, o.name AS outlet FROM events v JOIN documents d ON d.id = v.document_id "
        "LEFT JOIN outlets o ON o.id = d.outlet_id WHERE v.id = ?"
    ),
    "tags": "SELECT kind, a, b, who, at FROM judgements WHERE kind IN ('tag', 'untag') ORDER BY id",
    "candidacy_statements": (
        "SELECT s.id, s.time, s.modality, e.actor_id, o.actor_id AS election, d.published FROM statements s "
        "JOIN entities e ON e.id = s.subject_id JOIN documents d ON d.id = s.document_id "
        "LEFT JOIN entities o ON o.id = s.object_id "
        "WHERE s.predicate = 'candidate_in' AND s.modality NOT IN ('negated', 'opinion')"
    ),
    "candidacy_events": (
        "SELECT v.id, v.participants, v.time, v.interval_from, d.published FROM events v "
        "JOIN documents d ON d.id = v.document_id WHERE v.type = 'candidacy' AND v.modality NOT IN ('negated')"
    ),
    "actor_entities_full": (
        "SELECT id, actor_id, label, name, descriptors, document_id FROM entities WHERE actor_id IN ({ids}) "
        "ORDER BY actor_id, rowid"
    ),
    "naming_mentions": (
        "SELECT entity_id, document_id, start, end FROM mentions WHERE entity_id IN ({ids}) "
        "AND kind IN ('name', 'short', 'acronym') ORDER BY entity_id, start, end"
    ),
    "document_text": "SELECT text FROM documents WHERE id = ?",
    "actor_kinds": (
        "SELECT a.id, a.kinds, r.kinds AS ref_kinds, r.name AS ref_name FROM actors a "
        "LEFT JOIN reference_entities r ON r.id = a.reference_id WHERE a.id IN ({ids})"
    ),
    "registry_outlets": "SELECT actor_id, name FROM outlets WHERE actor_id IN ({ids})",
    # hand tags: judgements of kind tag / untag
    "actor_entities": "SELECT id FROM entities WHERE actor_id = ? ORDER BY id",
    "actor_longest_spelling": (
        "SELECT name FROM entities WHERE actor_id = ? GROUP BY name ORDER BY length(name) DESC, count(*) DESC LIMIT 1"
    ),
    "add_tag": (
        "INSERT INTO judgements (kind, a, b, who, at, note, left_key, right_key) VALUES (?, ?, ?, ?, ?, ?, ?, ?)"
    ),
    # watches, findings, alerts
    "rule_watch": "SELECT id FROM watches WHERE kind = 'rule' AND target = ?",
    "add_watch": "INSERT INTO watches (kind, target, entities, who, at) VALUES (?, ?, ?, ?, ?) RETURNING id",
    "actor_watches": "SELECT id, target, entities FROM watches WHERE kind = 'actor'",
    "watches": "SELECT * FROM watches ORDER BY id",
    "watches_brief": "SELECT id, kind, target, entities FROM watches ORDER BY id",
    "remove_watch": "DELETE FROM watches WHERE id = ?",
    "remove_watch_of": "DELETE FROM watches WHERE target = ?",
    "set_watch_entities": "UPDATE watches SET entities = ? WHERE id = ?",
    "finding_fingerprint": "SELECT fingerprint FROM findings WHERE id = ?",
    "add_finding": (
        "INSERT INTO findings (id, rule_id, fingerprint, body, first_seen, last_seen) VALUES (?, ?, ?, ?, ?, ?)"
    ),
    "change_finding": "UPDATE findings SET fingerprint = ?, body = ?, last_seen = ? WHERE id = ?",
    "see_finding": "UPDATE findings SET last_seen = ? WHERE id = ?",
    "add_alert": (
        "INSERT INTO alerts (at, kind, watch_id, finding_id, statement_id, document_id, message) "
        "VALUES (?, ?, ?, ?, ?, ?, ?) RETURNING id"
    ),
    "actors_of_entities": "SELECT DISTINCT actor_id FROM entities WHERE id IN ({ids})",
    "new_statements": (
        "SELECT s.id, s.document_id, s.predicate, s.role, s.evidence_text, a.actor_id AS sa, a.name AS sn, "
        "b.actor_id AS oa, b.name AS obn FROM statements s JOIN entities a ON a.id = s.subject_id "
        "LEFT JOIN entities b ON b.id = s.object_id WHERE s.document_id IN ({ids}) "
        "ORDER BY s.document_id, s.evidence_start"
    ),
    "documents_of_entities": "SELECT DISTINCT document_id FROM entities WHERE id IN ({ids})",
    "alerts": (
        "SELECT a.*, w.target, d.published FROM alerts a LEFT JOIN watches w ON w.id = a.watch_id "
        "LEFT JOIN documents d ON d.id = a.document_id "
        "WHERE a.at >= ? AND (? = '' OR coalesce(d.published, '') >= ?) ORDER BY a.id"
    ),
}
