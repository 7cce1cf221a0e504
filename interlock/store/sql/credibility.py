"""What grading (``interlock.credibility``) reads and writes: claims, grades, contradictions, outlets."""

SQL: dict[str, str] = {
    "entity_actors": "SELECT id, actor_id FROM entities",
    "entity_names": "SELECT id, name FROM entities",
    "entity_labels": "SELECT id, label FROM entities",
    "anonymous_entities": "SELECT id FROM entities WHERE anonymous = 1",
    "actor_names": "SELECT id, name FROM actors",
    "entity_descriptors": "SELECT id, descriptors FROM entities WHERE descriptors != '[]'",
    "outlet_names": "SELECT id, name FROM outlets",
    "outlet_like_entities": (
        "SELECT id FROM entities WHERE anonymous = 0 AND label IN ('ORG', 'NORP', 'FAC', 'GPE')"
    ),
    "document_outlets": "SELECT id, outlet_id, copy_of FROM documents",
    "roles": "SELECT subject_id, role FROM statements WHERE role IS NOT NULL",
    "attributions": "SELECT id, source_entity_id, source_text, anonymous, via, same_source_as FROM attributions",
    "statements": (
        "SELECT s.id, s.document_id, s.subject_id, s.predicate, s.object_id, s.role, s.modality, s.attribution_id, "
        "s.status, s.valid_to, s.time, d.published FROM statements s JOIN documents d ON d.id = s.document_id "
        # configuration (the outlet registry) states affiliations; it is not news to grade
        "WHERE d.id NOT LIKE 'registry:%' ORDER BY s.document_id, s.evidence_start"
    ),
    "clear_claims": "DELETE FROM claims",
    "clear_grades": "DELETE FROM statement_grades",
    "clear_contradictions": "DELETE FROM contradictions",
    "add_claim": (
        "INSERT INTO claims (id, subject_actor, predicate, object_actor, origins, corroboration, contradicted_by,"
        " letter, credibility, grade, reason) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)"
    ),
    "add_grade": (
        "INSERT OR REPLACE INTO statement_grades (statement_id, claim_id, attribution_type, origin, letter,"
        " credibility, grade, reason) VALUES (?, ?, ?, ?, ?, ?, ?, ?)"
    ),
    "add_contradiction": (
        "INSERT OR IGNORE INTO contradictions (statement_id, other_id, reason) VALUES (?, ?, ?)"
    ),
    "outlet_reports": (
        "SELECT s.id, g.claim_id, g.origin, s.modality, d.published, o.name FROM statements s "
        "JOIN statement_grades g ON g.statement_id = s.id JOIN documents d ON d.id = s.document_id "
        "JOIN outlets o ON o.id = d.outlet_id WHERE d.id NOT LIKE 'registry:%'"
    ),
    "contradictions": "SELECT statement_id, other_id FROM contradictions",
    # the outlet registry: configuration in its own tables
    "registry_text": "SELECT text FROM outlet_registry WHERE id = 1",
    "set_registry": (
        "INSERT OR REPLACE INTO outlet_registry (id, text, source, loaded_at) VALUES (1, ?, ?, ?)"
    ),
    "clear_registry_outlets": "DELETE FROM registry_outlets",
    "add_registry_outlet": (
        "INSERT OR REPLACE INTO registry_outlets (name, aliases, domains, reliability, kind, affiliation)"
        " VALUES (?, ?, ?, ?, ?, ?)"
    ),
    "outlets_with_url": (
        "SELECT o.id, o.name, (SELECT url FROM documents d WHERE d.outlet_id = o.id "
        "AND url IS NOT NULL LIMIT 1) FROM outlets o"
    ),
    "grade_outlet": "UPDATE outlets SET reliability = ?, kind = ?, affiliation = ?, actor_id = ? WHERE id = ?",
    "outlet_listing": (
        "SELECT o.name, o.reliability, o.kind, o.affiliation, o.actor_id, count(d.id) AS documents, "
        "count(d.copy_of) AS copies FROM outlets o LEFT JOIN documents d ON d.outlet_id = o.id "
        "GROUP BY o.id ORDER BY o.reliability, count(d.id) DESC, o.name"
    ),
}
