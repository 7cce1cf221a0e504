"""What resolution (``interlock.resolve``) reads and writes: entities, actors, reference lists."""

SQL: dict[str, str] = {
    "naming_mentions": (
        "SELECT m.entity_id, m.text FROM mentions m JOIN entities e ON e.id = m.entity_id "
        "WHERE e.anonymous = 0 AND m.kind IN ({kinds}) ORDER BY m.entity_id, m.start"
    ),
    "named_entities": (
        # in the order they were stored (resolution's answer may depend on the order it meets records)
        "SELECT id, document_id, label, name, name_key FROM entities WHERE anonymous = 0 AND label IN ({labels}) "
        "ORDER BY rowid"
    ),
    "reference_records": "SELECT id, label, names FROM reference_entities ORDER BY rowid",
    "entity_labels": "SELECT id, label FROM entities",
    "reference_names": "SELECT id, name FROM reference_entities",
    "naming_texts": "SELECT m.text FROM mentions m WHERE m.kind IN ({kinds})",
    "reset_actors": "UPDATE entities SET actor_id = name_key WHERE actor_id IS NULL OR actor_id != name_key",
    "clear_actors": "DELETE FROM actors",
    "add_actor": "INSERT INTO actors (id, label, name, names, reference_id) VALUES (?, ?, ?, ?, ?)",
    "assign_actor": "UPDATE entities SET actor_id = ? WHERE id = ?",
    "put_reference": (
        "INSERT OR REPLACE INTO reference_entities (id, label, schema, name, names, identifiers, kinds, source)"
        " VALUES (?, ?, ?, ?, ?, ?, ?, ?)"
    ),
    "reference_of_actor": "SELECT r.* FROM actors a JOIN reference_entities r ON r.id = a.reference_id WHERE a.id = ?",
    "actor_entities": "SELECT id FROM entities WHERE actor_id = ? ORDER BY id",
    "actor_entities_named": (
        "SELECT DISTINCT e.id FROM entities e JOIN mentions m ON m.entity_id = e.id "
        "WHERE e.actor_id = ? AND m.text = ? COLLATE NOCASE ORDER BY e.id"
    ),
    "documents_of_entities": "SELECT DISTINCT document_id FROM entities WHERE id IN ({ids})",
    "entities_in_documents": "SELECT id FROM entities WHERE id IN ({ids}) AND document_id IN ({docs})",
}
