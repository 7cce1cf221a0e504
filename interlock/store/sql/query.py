"""The questions ``interlock.query`` asks: profiles, look-ups, ties, timelines, events, search."""

SQL: dict[str, str] = {
    "is_actor": "SELECT 1 FROM entities WHERE actor_id = ? LIMIT 1",
    "exact_actors": (
        "SELECT e.actor_id FROM mentions m JOIN entities e ON e.id = m.entity_id "
        "WHERE m.text = ? COLLATE NOCASE AND e.anonymous = 0 "
        "UNION SELECT actor_id FROM entities WHERE name = ? COLLATE NOCASE AND anonymous = 0 "
        "UNION SELECT e.actor_id FROM aliases a JOIN entities e ON e.id = a.entity_id "
        "WHERE a.alias = ? COLLATE NOCASE"
    ),
    "reference_names_like": "SELECT id, names FROM reference_entities WHERE names LIKE ?",
    "actors_of_reference": "SELECT id FROM actors WHERE reference_id = ?",
    "actor_kinds": "SELECT kinds FROM actors WHERE id = ?",
    "actor_seen": (
        "SELECT min(d.published), max(d.published) FROM entities e JOIN documents d ON d.id = e.document_id "
        "WHERE e.actor_id = ?"
    ),
    "actor_post": (
        "SELECT s.role, coalesce(a.name, o.name) AS org, count(*) AS n FROM entities e "
        "JOIN statements s ON s.subject_id = e.id LEFT JOIN entities o ON o.id = s.object_id "
        "LEFT JOIN actors a ON a.id = o.actor_id "
        "WHERE e.actor_id = ? AND s.predicate IN ('holds_position', 'leader_of', 'spokesperson_for') "
        "AND s.modality != 'negated' GROUP BY s.role, coalesce(a.name, o.name) "
        "ORDER BY n DESC, s.role IS NULL LIMIT 1"
    ),
    "actor_name": "SELECT name, label FROM actors WHERE id = ?",
    "actor_name_from_entities": (
        "SELECT name, label FROM entities WHERE actor_id = ? GROUP BY name, label "
        "ORDER BY length(name) DESC, count(*) DESC, name LIMIT 1"
    ),
    "actor_documents": "SELECT count(DISTINCT document_id) FROM entities WHERE actor_id = ?",
    "actor_entities": "SELECT id FROM entities WHERE actor_id = ? ORDER BY id",
    "entity_names": "SELECT id, name FROM entities WHERE id IN ({ids})",
    "entity_labels": "SELECT id, label FROM entities WHERE id IN ({ids})",
    "entity_actor_names": (
        "SELECT e.id, coalesce(a.name, e.name) FROM entities e LEFT JOIN actors a ON a.id = e.actor_id "
        "WHERE e.id IN ({ids})"
    ),
    "attribution_chain": (
        "SELECT source_entity_id, source_text, anonymous, via, same_source_as FROM attributions WHERE id = ?"
    ),
    "statement_grades": (
        "SELECT g.*, c.grade AS claim_grade, c.reason AS claim_reason, c.origins, c.corroboration, "
        "c.contradicted_by FROM statement_grades g JOIN claims c ON c.id = g.claim_id "
        "WHERE g.statement_id IN ({ids})"
    ),
    "statement_contradictions": (
        "SELECT statement_id, other_id, reason FROM contradictions WHERE statement_id IN ({ids})"
    ),
    "entity_spellings": (
        "SELECT DISTINCT text FROM mentions WHERE entity_id IN ({ids}) AND kind IN ('name','short','acronym')"
    ),
    "statements_of_entities_dated": (
        "SELECT s.*, d.published, d.copy_of, o.name AS outlet FROM statements s JOIN documents d ON d.id = s.document_id "
        "LEFT JOIN outlets o ON o.id = d.outlet_id WHERE s.subject_id IN ({ids}) OR s.object_id IN ({ids}) "
        "ORDER BY coalesce(s.valid_from, s.time, d.published)"
    ),
    "statements_of_entities": (
        "SELECT s.*, d.published, o.name AS outlet FROM statements s JOIN documents d ON d.id = s.document_id "
        "LEFT JOIN outlets o ON o.id = d.outlet_id WHERE s.subject_id IN ({ids}) OR s.object_id IN ({ids})"
    ),
    "quotes_by": "SELECT * FROM attributions WHERE source_entity_id IN ({ids}) ORDER BY document_id, cue_start",
    "quotes_about": (
        "SELECT DISTINCT a.*, e.label AS source_label, e.anonymous AS source_anonymous, "
        "coalesce(ac.name, e.name) AS speaker FROM mentions m JOIN attributions a ON a.document_id = m.document_id "
        "AND m.start >= a.content_start AND m.end <= a.content_end "
        "LEFT JOIN entities e ON e.id = a.source_entity_id LEFT JOIN actors ac ON ac.id = e.actor_id "
        "WHERE m.entity_id IN ({ids}) ORDER BY a.document_id, a.cue_start"
    ),
    "entity_names_only": "SELECT DISTINCT text FROM mentions WHERE entity_id IN ({ids}) AND kind = 'name'",
    "stated_aliases": (
        "SELECT a.alias, a.document_id, a.start, a.end, d.text FROM aliases a JOIN documents d ON d.id = a.document_id "
        "WHERE a.entity_id IN ({ids}) ORDER BY a.alias, a.document_id"
    ),
    "configuration_documents": "SELECT count(*) FROM documents WHERE id LIKE 'registry:%'",
    "article_dates": "SELECT min(published), max(published) FROM documents WHERE id NOT LIKE 'registry:%'",
    "article_outlets": (
        "SELECT o.name, count(d.id) FROM outlets o JOIN documents d ON d.outlet_id = o.id "
        "WHERE d.id NOT LIKE 'registry:%' GROUP BY o.id, o.name"
    ),
    "most_connected": (
        "SELECT e.actor_id, count(*) AS n FROM statements s JOIN entities e "
        "ON e.id = s.subject_id OR e.id = s.object_id "
        "WHERE e.label = ? AND e.anonymous = 0 GROUP BY e.actor_id ORDER BY n DESC LIMIT ?"
    ),
    "entities_of_actors": "SELECT id, actor_id FROM entities WHERE actor_id IN ({ids})",
    "entity_actors": "SELECT id, actor_id FROM entities WHERE id IN ({ids})",
    "edges_by_subject": (
        "SELECT id, document_id, subject_id, object_id, predicate, role, status, modality, evidence_text "
        "FROM statements WHERE subject_id IN ({ids}) AND object_id IS NOT NULL"
    ),
    "edges_by_object": (
        "SELECT id, document_id, subject_id, object_id, predicate, role, status, modality, evidence_text "
        "FROM statements WHERE object_id IN ({ids}) AND object_id IS NOT NULL"
    ),
    "statement_places": (
        "SELECT s.id, o.name, d.published FROM statements s JOIN documents d ON d.id = s.document_id "
        "LEFT JOIN outlets o ON o.id = d.outlet_id WHERE s.id IN ({ids})"
    ),
    "event_claim_grade": (
        "SELECT c.grade, c.reason FROM statements s JOIN statement_grades g ON g.statement_id = s.id "
        "JOIN claims c ON c.id = g.claim_id WHERE s.document_id = ? AND s.evidence_start < ? "
        "AND s.evidence_end > ? AND s.subject_id IN ({people}) AND s.object_id IN ({people}) "
        "ORDER BY c.credibility, c.letter LIMIT 1"
    ),
    "attribution_anonymous": "SELECT anonymous FROM attributions WHERE id = ?",
    "event_types": "SELECT DISTINCT type FROM events",
    "document_reliability": (
        "SELECT d.id, coalesce(o.reliability, 'F') FROM documents d LEFT JOIN documents r ON r.id = d.copy_of "
        "LEFT JOIN outlets o ON o.id = coalesce(r.outlet_id, d.outlet_id)"
    ),
    "events": (
        "SELECT e.*, d.published, o.name AS outlet FROM events e JOIN documents d ON d.id = e.document_id "
        "LEFT JOIN outlets o ON o.id = d.outlet_id"
    ),
    "events_of_type": (
        "SELECT e.*, d.published, o.name AS outlet FROM events e JOIN documents d ON d.id = e.document_id "
        "LEFT JOIN outlets o ON o.id = d.outlet_id WHERE e.type = ?"
    ),
}
