"""The judgement log (``interlock.resolve.judgements``): merge, never, split, tag, withdraw."""

#: an entity's stable key: its folded name @ its document : its first mention (survives re-extraction)
ENTITY_KEY = (
    "e.name_key || '@' || e.document_id || ':' || coalesce((SELECT m.text FROM mentions m "
    "WHERE m.entity_id = e.id ORDER BY m.start LIMIT 1), e.name)"
)

SQL: dict[str, str] = {
    "add": (
        "INSERT INTO judgements (kind, a, b, who, at, note, left_key, right_key) VALUES (?, ?, ?, ?, ?, ?, ?, ?) "
        "RETURNING id"
    ),
    "entity_keys": f"SELECT e.id, {ENTITY_KEY} FROM entities e WHERE e.id IN ({{ids}})",
    "present": "SELECT id FROM entities WHERE id IN ({ids})",
    "entity_of_key": (
        f"SELECT e.id FROM entities e WHERE e.name_key = ? AND e.document_id = ? AND {ENTITY_KEY} = ? "
        "ORDER BY e.id LIMIT 1"
    ),
    "withdraw": "UPDATE judgements SET kind = ?, deleted_at = ?, deleted_by = ? WHERE id = ?",
    "edges": (
        "SELECT id, kind, a, b, left_key, right_key, who, at, note, deleted_at, deleted_by FROM judgements "
        "WHERE kind != 'withdraw' ORDER BY id"
    ),
    "kind_of": "SELECT kind FROM judgements WHERE id = ?",
    "all": "SELECT * FROM judgements ORDER BY id",
    "replayed": (
        "SELECT kind, a, b FROM judgements WHERE kind IN ('merge', 'never', 'split') AND deleted_at IS NULL ORDER BY id"
    ),
}
