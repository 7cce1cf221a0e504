"""What the explorer's records read (``interlock.records``, ``interlock.network``): a claim, a document."""

SQL: dict[str, str] = {
    "claim": "SELECT * FROM claims WHERE id = ?",
    "claim_statements": (
        "SELECT s.*, g.attribution_type, g.origin, g.grade, g.reason, d.published, d.copy_of, d.title, "
        "o.name AS outlet FROM statement_grades g JOIN statements s ON s.id = g.statement_id "
        "JOIN documents d ON d.id = s.document_id LEFT JOIN outlets o ON o.id = d.outlet_id "
        "WHERE g.claim_id = ? ORDER BY d.published, s.document_id, s.evidence_start"
    ),
    "contradictions_of": (
        "SELECT x.statement_id, x.other_id, x.reason, s.evidence_text, s.document_id, s.modality, "
        "g.claim_id, g.grade, d.published, o.name AS outlet FROM contradictions x "
        "JOIN statements s ON s.id = x.other_id LEFT JOIN statement_grades g ON g.statement_id = x.other_id "
        "JOIN documents d ON d.id = s.document_id LEFT JOIN outlets o ON o.id = d.outlet_id "
        "WHERE x.statement_id IN ({ids}) ORDER BY x.statement_id, x.other_id"
    ),
    "document": (
        "SELECT d.*, o.name AS outlet FROM documents d LEFT JOIN outlets o ON o.id = d.outlet_id WHERE d.id = ?"
    ),
    "document_entities": (
        "SELECT id, label, name, anonymous, actor_id FROM entities WHERE document_id = ? ORDER BY id"
    ),
    "document_mentions": (
        "SELECT entity_id, start, end, text, kind FROM mentions WHERE document_id = ? ORDER BY start"
    ),
    "document_attributions": "SELECT * FROM attributions WHERE document_id = ? ORDER BY cue_start",
    "document_statements": "SELECT * FROM statements WHERE document_id = ? ORDER BY evidence_start",
    "document_events": "SELECT * FROM events WHERE document_id = ? ORDER BY evidence_start",
    "document_copies": (
        "SELECT d.id, o.name, d.published, d.copy_similarity FROM documents d "
        "LEFT JOIN outlets o ON o.id = d.outlet_id WHERE d.copy_of = ? ORDER BY d.published, d.id"
    ),
    "document_versions": (
        "SELECT content_hash, ingested_at, replaced_at FROM document_versions WHERE document_id = ? "
        "ORDER BY replaced_at"
    ),
    # many actors at once, as query._summary reads one: the name resolution gave, else the longest
    # then most frequent spelling; how many documents name each
    "actor_names": "SELECT id, name, label FROM actors WHERE id IN ({ids})",
    "actor_spellings": (
        "SELECT actor_id, name, label, count(*) AS n FROM entities WHERE actor_id IN ({ids}) "
        "GROUP BY actor_id, name, label"
    ),
    "actor_document_counts": (
        "SELECT actor_id, count(DISTINCT document_id) FROM entities WHERE actor_id IN ({ids}) GROUP BY actor_id"
    ),
    "claims_of_documents": (
        "SELECT DISTINCT c.id, c.subject_actor, c.predicate, c.object_actor, c.grade, c.corroboration, "
        "c.credibility, c.letter FROM statements s JOIN statement_grades g ON g.statement_id = s.id "
        "JOIN claims c ON c.id = g.claim_id WHERE s.document_id IN ({ids})"
    ),
    "documents_dated": (
        "SELECT d.id, d.published, o.name FROM documents d LEFT JOIN outlets o ON o.id = d.outlet_id "
        "WHERE d.id IN ({ids})"
    ),
}
